"""Every shipped profile makes a working database, and nothing of one organisation shows in
another's: the demo-free smoke (init, plan, a meeting from a meeting file, notice, minutes,
plan PDF, .ics, mail, the window's first paint) under each profile."""

from __future__ import annotations

import email
import json
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdftext import text_of
from tests.test_first_start import entry_point, fresh_env
from tr_desk.cli import main
from tr_desk.core.model import BodyRole
from tr_desk.core.profile import Profile
from tr_desk.storage.profile import DEFAULT_PROFILE, profiles_dir, read_profile

PROFILES = sorted(profiles_dir().glob("*.json"))
STANDARD = read_profile(profiles_dir() / DEFAULT_PROFILE)
# What belongs to the standard organisation only: another profile's outputs never carry it.
STANDARD_WORDS = (STANDARD.organisation.name.lower(), STANDARD.organisation.domain)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def meeting_file(profile: Profile, prefix: str, day: str) -> dict[str, object]:
    """A held meeting of the body ``prefix``: two cases, the members there."""
    members = [s.person for s in profile.seats if s.body == prefix and s.role.value != "kopi"]
    manager = profile.general_manager
    return {
        "body": prefix, "date": day, "status": "avholdt", "minutes_date": day,
        "case_officer": manager, "minute_taker": manager,
        "cases": [
            {"title": "Godkjenning av innkalling og saksliste", "proposal": "Godkjent.",
             "resolution": "Godkjent."},
            {"title": "Budsjett for neste år", "text": "Forslag til budsjett.",
             "proposal": "Budsjettet vedtas.", "resolution": "Budsjettet vedtas."},
        ],
        "attendance": [{"name": name, "status": "til_stede"} for name in dict.fromkeys(members)],
    }  # fmt: skip


def pdf_words(path: Path) -> str:
    reader = PdfReader(path)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    return f"{metadata}\n{text_of(path)}"


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_a_profile_makes_a_database_whose_outputs_are_its_own(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qtbot
) -> None:
    profile = read_profile(path)
    organisation = profile.organisation
    db = str(tmp_path / "db.sqlite")
    out = run(capsys, "--db", db, "init", "--profile", str(path))
    assert f"for {organisation.name}" in out

    # The plan: one meeting per body in the cycle's order, the council last.
    order = list(organisation.cycle_order) or [b.prefix for b in profile.bodies]
    days = [f"2027-03-{d:02d}" for d in range(1, 1 + 7 * len(order), 7)]
    for prefix, day in zip(order, days, strict=True):
        run(capsys, "--db", db, "plan", "add", f"{prefix} {day}")
    council = next((b for b in profile.bodies if b.role is BodyRole.COUNCIL), None)
    other = next(p for p in order if council is None or p != council.prefix)
    draft = json.loads(run(capsys, "--db", db, "show", "--json", f"{other} {days[0]}"))
    if council is not None:  # the «next council» case names the council as the profile does
        title = organisation.council_title or council.name
        assert f"Saker til neste møte i {title} {days[-1][8:]}.03.2027" in [
            c["title"] for c in draft["cases"]
        ]
    assert draft["uid"].endswith(f"@{organisation.uid_domain}")

    # A held meeting from a meeting file, then its documents.
    file = tmp_path / "møte.json"
    file.write_text(json.dumps(meeting_file(profile, other, "2027-01-15")), encoding="utf-8")
    run(capsys, "--db", db, "load", str(file))
    key = f"{other} 2027-01-15"
    outputs = {
        name: tmp_path / name
        for name in ("innkalling.pdf", "protokoll.pdf", "offentlig.pdf", "plan.pdf", "plan.ics",
                     "innkalling.eml")
    }  # fmt: skip
    run(capsys, "--db", db, "pdf", "innkalling", key, "-o", str(outputs["innkalling.pdf"]))
    run(capsys, "--db", db, "pdf", "protokoll", key, "-o", str(outputs["protokoll.pdf"]))
    run(capsys, "--db", db, "pdf", "protokoll", key, "--public",
        "-o", str(outputs["offentlig.pdf"]))  # fmt: skip
    run(capsys, "--db", db, "pdf", "moteplan", "2027", "-o", str(outputs["plan.pdf"]))
    run(capsys, "--db", db, "ics", "2027", "-o", str(outputs["plan.ics"]))
    run(capsys, "--db", db, "mail", key, "-o", str(outputs["innkalling.eml"]))
    shown = run(capsys, "--db", db, "show", "--json", key)

    texts = {name: pdf_words(p) for name, p in outputs.items() if name.endswith(".pdf")}
    texts["plan.ics"] = outputs["plan.ics"].read_text(encoding="utf-8")
    message = email.message_from_bytes(outputs["innkalling.eml"].read_bytes())
    texts["innkalling.eml"] = outputs["innkalling.eml"].read_text(encoding="utf-8") + "".join(
        str(part.get_payload(decode=True) or b"", "utf-8", "replace")
        for part in message.walk()
        if part.get_content_maintype() == "text"
    )
    texts["show --json"] = shown
    for name in ("innkalling.pdf", "protokoll.pdf", "plan.pdf"):
        assert texts[name].startswith(organisation.name), name  # the PDF's author
        assert organisation.name in text_of(outputs[name]).split("\n")[0], name  # letterhead
    assert f"MØTEPLAN {organisation.name.upper()} 2027" in " ".join(texts["plan.pdf"].split())
    assert f"Møteplan {organisation.name}" in " ".join(texts["plan.ics"].split())
    if organisation.website_line:
        protocol = any(
            b.prefix == other and b.minutes_kind.value == "protokoll" for b in profile.bodies
        )
        assert (organisation.website_line in " ".join(texts["protokoll.pdf"].split())) is protocol
    if path.name != DEFAULT_PROFILE:
        for name, text in texts.items():
            for word in STANDARD_WORDS:
                assert word not in text.lower(), (name, word)

    # The window: its title names the organisation, and it paints from the installed program.
    from tr_desk.storage.store import Store
    from tr_desk.ui.window.main_window import MainWindow

    with Store.open(db) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        assert window.windowTitle() == f"TR Desk – {organisation.name}"
        window.close()
    painted = subprocess.run(
        [entry_point(), "--db", db], env={**fresh_env(tmp_path), "TR_DESK_EXIT_AFTER_PAINT": "1"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert painted.returncode == 0 and "PAINTED" in painted.stdout, painted.stderr
    assert "Traceback" not in painted.stderr


def test_a_bad_profile_is_refused_in_english_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "not json": "{",
        "no organisation": '{"bodies": []}',
        "no bodies": '{"organisation": {"name": "X"}}',
        "bad prefix": '{"organisation": {"name": "X"}, "bodies": [{"prefix": "A1", "name": "a"}]}',
        "two councils": '{"organisation": {"name": "X"}, "bodies": ['
        '{"prefix": "A", "name": "a", "role": "council"},'
        '{"prefix": "B", "name": "b", "role": "council"}]}',
        "unknown seat": '{"organisation": {"name": "X"}, "bodies": [{"prefix": "A", "name": "a"}],'
        '"memberships": [{"body": "A", "role": "medlem", "start": "2024-01-01",'
        '"people": ["Nobody"]}]}',
        "cycle names no body": '{"organisation": {"name": "X", "cycle_order": ["Q"]},'
        '"bodies": [{"prefix": "A", "name": "a"}]}',
        "bad colour": '{"organisation": {"name": "X", "colours": {"A": "red"}},'
        '"bodies": [{"prefix": "A", "name": "a"}]}',
    }
    for label, text in cases.items():
        profile = tmp_path / "p.json"
        profile.write_text(text, encoding="utf-8")
        db = tmp_path / "db.sqlite"
        assert main(["--db", str(db), "init", "--profile", str(profile)]) == 1, label
        _, err = capsys.readouterr()
        assert err.startswith("tr-desk: error: ") and "Traceback" not in err, label
        assert not db.exists(), label


def test_init_never_touches_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite"
    run(capsys, "--db", str(db), "init")
    before = db.read_bytes()
    assert main(["--db", str(db), "init", "--profile", str(PROFILES[0])]) == 1
    assert "exists and is not overwritten" in capsys.readouterr().err
    assert db.read_bytes() == before
