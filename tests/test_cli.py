"""The command line as a script would use it: demo, show --json, load, and its errors."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.pdftext import text_of
from tr_desk.cli import main
from tr_desk.core.checks.minutes import check_minutes

NEXT_YEAR = TODAY.year + 1


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "x.sqlite"
    code, out, _ = run(capsys, "--db", str(path), "demo")
    assert code == 0 and "created kf-2022-09-16" in out
    return path


def show(capsys, db: Path, meeting: str) -> dict:
    code, out, err = run(capsys, "--db", str(db), "show", meeting, "--json")
    assert code == 0, err
    return json.loads(out)


def test_show_kf_16_september_2022(demo_db: Path, capsys) -> None:
    data = show(capsys, demo_db, "KF 2022-09-16")
    assert [c["number"] for c in data["cases"]] == [f"KF {n}/22" for n in range(32, 44)]
    assert data["cases"][0]["title"] == "Referat fra møte 03.06.2022"
    assert data["cases"][5]["title"].startswith("Økonomisk status i Trondheimsregionen")
    assert data["held"] == {"start": "08:30", "end": "11:00"}
    status = {a["name"]: a["status"] for a in data["attendance"]}
    assert status["Ørjan Dahl"] == "digitalt"
    absent = [a["name"] for a in data["attendance"] if a["status"] == "forfall"]
    assert absent == [
        "Katrine Lereggen", "Carl Jakob Midttun", "Tor Jakob Reitan", "Alf-Petter Tenfjord",
        "Kjetil Mjøsund",
    ]  # fmt: skip
    assert data["invited"][0] == "Tor Jakob Reitan" and len(data["invited"]) == 9
    assert data["copy"] == [
        "Esther Balvers", "Hans Kringstad", "Kristian Dahlberg Hauge", "Håkon Kibsgaard Jordet",
    ]  # fmt: skip


def test_show_text_summary(demo_db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "show", "KF 2022-12-02")
    assert code == 0
    assert "KF 44/22   Referat fra møte 16.09.2022" in out
    assert "KF 55/22   Åpen post/eventuelt" in out


def test_load_into_a_new_database_gives_the_same_meeting(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    for meeting in ("KF 2022-09-16", "KF 2022-12-02", "KF 2022-06-03"):
        original = show(capsys, demo_db, meeting)
        path = tmp_path / "meeting.json"
        path.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
        other = tmp_path / "other.sqlite"
        code, _out, err = run(capsys, "--db", str(other), "load", str(path))
        assert code == 0, err
        assert show(capsys, other, meeting) == original


def test_load_reports_strangers_but_loads(demo_db: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({
        "body": "NR", "date": "2023-01-25",
        "attendance": [{"name": "Ola Gjest", "status": "til_stede"}],
        "cases": [{"title": "Verdiskapingsstrategien"}],
    }), encoding="utf-8")  # fmt: skip
    code, _out, err = run(capsys, "--db", str(demo_db), "load", str(path))
    assert code == 0
    assert "'Ola Gjest' is not in the register; added as a guest" in err
    assert show(capsys, demo_db, "NR 2023-01-25")["cases"][0]["number"] == "NR 01/23"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"body": "KF", "date": "2022-12-02", "colour": 1}', "colour: unknown key"),
        ('{"body": "KF", "date": "2022-13-02"}', "date: not a date"),
        ('{"body": "ZZ", "date": "2022-12-02"}', "body: unknown body 'ZZ'"),
        ('{"body": "KF",\n "date": }', "line 2 column 10"),
        (
            '{"body": "KF", "date": "2022-12-02", "cases": [{"title": "A", "exempt": {}}]}',
            "cases[0].exempt.basis: missing",
        ),
    ],
)
def test_bad_files_fail_in_one_line_and_change_nothing(
    demo_db: Path, tmp_path: Path, capsys, content: str, message: str
) -> None:
    before = show(capsys, demo_db, "KF 2022-12-02")
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(demo_db), "load", str(path))
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert show(capsys, demo_db, "KF 2022-12-02") == before


@pytest.mark.parametrize(
    ("meeting", "message"),
    [
        ("KF 2022-12-03", "no KF meeting on 2022-12-03"),
        ("XX 2022-12-02", "unknown body"),
        ("KF 02.12.2022", "not a date"),
        ("KF", "not a meeting"),
    ],
)
def test_show_errors(demo_db: Path, capsys, meeting: str, message: str) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "show", meeting)
    assert code == 1 and message in err


def test_show_without_database_does_not_create_one(tmp_path: Path, capsys) -> None:
    path = tmp_path / "none.sqlite"
    code, _, err = run(capsys, "--db", str(path), "show", "KF 2022-12-02")
    assert code == 1 and "no database" in err
    assert not path.exists()


def test_not_a_database_is_an_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hei", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(path), "demo")
    assert code == 1 and "is not a TR Desk database" in err
    assert path.read_text(encoding="utf-8") == "hei"


def test_entry_point_runs_as_a_program(demo_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tr_desk", "--db", str(demo_db), "show", "KF 2022-12-02", "--json"],
        capture_output=True, text=True, check=True, encoding="utf-8",
    )  # fmt: skip
    assert json.loads(result.stdout)["cases"][1]["number"] == "KF 45/22"
    help_text = subprocess.run(
        [sys.executable, "-m", "tr_desk", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("demo", "show", "load", "--db"):
        assert command in help_text


@pytest.mark.parametrize(
    ("argv", "window", "db"),
    [
        ([], True, None),
        (["--db", "/tmp/a.sqlite"], True, Path("/tmp/a.sqlite")),
        (["--db=/tmp/a.sqlite"], True, Path("/tmp/a.sqlite")),
        (["--db", "/tmp/a.sqlite", "demo"], False, None),
        (["--db", "--help"], False, None),
        (["--help"], False, None),
        (["--db="], False, None),
    ],
)
def test_window_fast_path_only_for_db(argv, window, db) -> None:
    from tr_desk.cli import window_database

    assert window_database(argv) == (window, db)


def extracted(path: Path) -> str:
    return text_of(path)


def test_pdf_innkalling_from_the_demo(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "n.pdf"
    code, _text, err = run(
        capsys, "--db", str(demo_db), "pdf", "innkalling", "KF 2022-12-02", "-o", str(out)
    )
    assert code == 0, err
    pdf = extracted(out)
    assert pdf.startswith("Trondheimsregionen\nINNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022")
    assert "Tidsrom: Fredag 02. desember 2022 kl 0830-1130" in pdf
    numbers = [
        line[:8] for line in pdf.splitlines() if line.startswith("KF ") and line[5:8] == "/22"
    ]
    assert numbers == [f"KF {n}/22" for n in range(44, 56)]
    code, _, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "pdf",
        "innkalling",
        "KF 2022-12-02",
        "-o",
        str(out),
        "--public",
    )
    assert code == 0 and "Offentlig versjon" in extracted(out)


def test_bundle_of_the_demo_has_its_attachments(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b.pdf"
    args = ["--db", str(demo_db), "pdf", "innkalling", "KF 2022-12-02", "-o", str(out), "--bundle"]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    text = extracted(out)
    assert "Prosjektskisse - Energistasjoner i Trondheimsregionen" in text
    assert "Forskning og utvikling i offentlig sektor" in text
    # Vedlegg 1 of the approval case is the referat of the previous meeting, made by TR Desk.
    assert "REFERAT, KOMMUNEDIREKTØRFORUM – 16.09.2022" in text


def test_bundle_with_a_lost_file_is_a_clear_error(demo_db: Path, tmp_path: Path, capsys) -> None:
    for stored in (demo_db.parent / "vedlegg").glob("*.pdf"):
        stored.unlink()
    args = [
        "--db",
        str(demo_db),
        "pdf",
        "innkalling",
        "KF 2022-12-02",
        "-o",
        str(tmp_path / "c.pdf"),
        "--bundle",
    ]
    code, _, err = run(capsys, *args)
    assert code == 1
    assert "cannot make the bundle: Vedlegg 2 «Prosjektbeskrivelse» (KF 46/22)" in err
    assert "Traceback" not in err


def test_check_lists_problems_and_fails_on_errors(demo_db: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "check", "KF 2022-12-02")
    assert code == 0  # the demo's notice is complete: its attachments have files
    assert out.splitlines() == [
        "warning: Innkalt: 9 av 9 mangler e-postadresse: Tor Jakob Reitan, Stig Roald Amundsen, "
        "Morten Wolden, Ingvill Kvernmo, Petter Lindseth, Katrine Lereggen, Alf-Petter Tenfjord, "
        "Kjetil Mjøsund, Carl Jakob Midttun.",
        "warning: KF 45/22: «Eileen Brandsegg» er ikke i personregisteret.",
    ]
    assert "0 errors, 2 warnings" in err

    from tr_desk.storage.store import Store

    store = Store.open(demo_db)
    kf = store.register.body_by_prefix("KF")
    meeting = store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))
    case = meeting.cases[2]
    attachments = [replace(case.attachments[0], file=None), *case.attachments[1:]]
    store.agenda.update_case(replace(case, attachments=attachments))
    store.close()
    code, out, err = run(capsys, "--db", str(demo_db), "check", "KF 2022-12-02")
    assert code == 1
    assert "error: KF 46/22: Vedlegget «Prosjektbeskrivelse» mangler fil." in out
    assert "1 error, 2 warnings" in err


def test_check_passes_a_clean_notice(demo_db: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "nr.json"
    path.write_text(json.dumps({
        "body": "NR", "date": f"{NEXT_YEAR}-01-25", "start": "12:00", "end": "15:00",
        "place": "Rådhuset", "notice_date": f"{NEXT_YEAR}-01-18",
        "cases": [{"title": "Verdiskapingsstrategien", "proposal": "Næringsrådet slutter seg til strategien."},
                  {"title": "Orienteringer", "kind": "orienteringer"}],
    }), encoding="utf-8")  # fmt: skip
    assert run(capsys, "--db", str(demo_db), "load", str(path))[0] == 0
    code, out, err = run(capsys, "--db", str(demo_db), "check", f"NR {NEXT_YEAR}-01-25")
    assert code == 0, out
    assert "0 errors" in err


def test_check_finds_the_seeds_mistakes(demo_db: Path, tmp_path: Path, capsys) -> None:
    """The protocol approving itself, a copied resolution, a meeting on Kristi himmelfartsdag."""
    path = tmp_path / "au.json"
    copied = "Arbeidsutvalget ber daglig leder legge fram en sak for Regionrådet om nye medlemsavgifter fra 2023."
    path.write_text(json.dumps({
        "body": "AU", "date": "2023-05-18", "start": "12:00", "end": "14:00", "place": "Rådhuset",
        "notice_date": "2023-05-11",
        "cases": [
            {"title": "Protokoll AU-møte 18.05.2023", "kind": "godkjenning", "proposal": "Protokollen godkjennes."},
            {"title": "Økonomi", "proposal": copied},
            {"title": "Økonomi igjen", "proposal": copied},
            {"title": "Oppfølging", "proposal": "Tas til orientering.", "follows": "sak 12"},
        ],
    }), encoding="utf-8")  # fmt: skip
    run(capsys, "--db", str(demo_db), "load", str(path))
    code, out, _ = run(capsys, "--db", str(demo_db), "check", "AU 2023-05-18")
    assert code == 1
    assert "error: Møtet: 18.05.2023 er kristi himmelfartsdag." in out
    assert "error: AU 01/23: Saken godkjenner referatet fra dette møtet selv." in out
    assert "warning: AU 03/23: Forslaget til vedtak er ordrett likt det i AU 02/23." in out
    assert "error: AU 04/23: «sak 12» er ikke et saksnummer" in out


def test_pdf_protokoll_and_utskrift_from_the_demo(demo_db: Path, tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    code, _, err = run(
        capsys, "--db", str(demo_db), "pdf", "protokoll", "KF 2022-09-16", "-o", str(out)
    )
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "REFERAT, KOMMUNEDIREKTØRFORUM – 16.09.2022" in text
    assert "kl 0830-1100" in text and "Ørjan Dahl (digitalt)" in text
    public = tmp_path / "p.pdf"
    args = ["pdf", "protokoll", "KF 2022-09-16", "-o", str(public), "--public"]
    assert run(capsys, "--db", str(demo_db), *args)[0] == 0
    assert "Offentlig versjon" in PdfReader(public).pages[0].extract_text()
    extract = tmp_path / "u.pdf"
    code, _, err = run(
        capsys, "--db", str(demo_db), "pdf", "utskrift", "KF 37/22", "-o", str(extract)
    )
    assert code == 0, err
    assert "SÆRUTSKRIFT" in PdfReader(extract).pages[0].extract_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["utskrift", "KF 99/22"], "no case KF 99/22"),
        (["utskrift", "XX 1/22"], "unknown body"),
        (["utskrift", "sak 37"], "error"),
        (["protokoll", "KF 2022-09-17"], "no KF meeting on 2022-09-17"),
        (["protokoll", "KF 2022-09-16", "--bundle"], "--bundle is for the innkalling only"),
    ],
)
def test_pdf_minutes_errors(demo_db: Path, tmp_path: Path, capsys, args, message) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--db", str(demo_db), "pdf", *args, "-o", str(out))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


PLAN_2023 = [
    ("NR 2023-01-25 1200-1500", []),
    ("KF 2023-02-03 0830-1130", []),
    ("AU 2023-02-08 1200-1400", []),
    ("TR 2023-02-17 0900-1400", ["--place", "Stjørdal"]),
    ("NR 2023-09-08 1200-1500", []),  # a Friday: the seed printed «Onsdag 08.09»
    ("TR 2023-10-20 0900-1400", ["--note", "Konstituering etter valget"]),
    ("KF 2023-12-01 0830-1130", []),
]


@pytest.fixture
def plan_db(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "plan.sqlite"
    for key, extra in reversed(PLAN_2023):  # entered in any order
        code, out, err = run(capsys, "--db", str(db), "plan", "add", key, *extra)
        assert code == 0, err
        assert out.startswith("added ")
    return db


def test_plan_prints_in_date_order_with_computed_weekdays(plan_db: Path, tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    code, _, err = run(capsys, "--db", str(plan_db), "pdf", "moteplan", "2023", "-o", str(out))
    assert code == 0, err
    lines = [line.strip() for line in text_of(out).splitlines() if line.strip()]
    assert lines[:9] == [
        "Trondheimsregionen",
        "MØTEPLAN TRONDHEIMSREGIONEN 2023",
        "Næringsrådet: Onsdag 25.01 kl 1200-1500",
        "Kommunedirektørforum: Fredag 03.02 kl 0830-1130",
        "Arbeidsutvalget: Onsdag 08.02 kl 1200-1400",
        "Regionrådet: Fredag 17.02 kl 0900-1400",
        "Næringsrådet: Fredag 08.09 kl 1200-1500",
        "Regionrådet: Fredag 20.10 kl 0900-1400 (Konstituering etter valget)",
        "Kommunedirektørforum: Fredag 01.12 kl 0830-1130",
    ]
    from pypdf import PdfReader

    fonts = set()
    page = PdfReader(out).pages[0]

    def visit(text, _cm, _tm, font, _size) -> None:
        if "Regionrådet" in text and font:
            fonts.add(font.get("/BaseFont"))

    page.extract_text(visitor_text=visit)
    assert any("Bold" in str(f) for f in fonts)  # Regionrådet lines in bold


def test_plan_move_keeps_the_uids_and_cancel_is_exported_cancelled(
    plan_db: Path, tmp_path: Path, capsys
) -> None:
    import icalendar

    def export(name: str) -> dict[str, icalendar.Event]:
        out = tmp_path / name
        code, _, err = run(capsys, "--db", str(plan_db), "ics", "2023", "-o", str(out))
        assert code == 0, err
        calendar = icalendar.Calendar.from_ical(out.read_bytes())
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
        return {str(e["UID"]): e for e in calendar.walk("VEVENT")}

    before = export("before.ics")
    assert len(before) == 7
    kf = next(e for e in before.values() if e.decoded("dtstart").date() == dt.date(2023, 12, 1))
    start = kf.decoded("dtstart")
    assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=1)
    assert (start.hour, start.minute) == (8, 30)
    assert str(kf["SUMMARY"]) == "Kommunedirektørforum"
    code, moved_out, err = run(
        capsys, "--db", str(plan_db), "plan", "move", "KF 2023-12-01", "2023-12-08"
    )
    assert code == 0 and moved_out.startswith("moved to 2023-12-08"), err
    code, _, err = run(
        capsys, "--db", str(plan_db), "plan", "cancel", "NR 2023-09-08", "--reason", "Få saker"
    )
    assert code == 0, err
    after = export("after.ics")
    assert set(after) == set(before)
    moved = after[str(kf["UID"])]
    assert moved.decoded("dtstart").date() == dt.date(2023, 12, 8)
    assert int(moved["SEQUENCE"]) >= int(kf["SEQUENCE"])
    cancelled = next(e for e in after.values() if str(e["STATUS"]) == "CANCELLED")
    assert cancelled.decoded("dtstart").date() == dt.date(2023, 9, 8)
    assert "Få saker" in str(cancelled["DESCRIPTION"])
    pdf = tmp_path / "plan.pdf"
    assert run(capsys, "--db", str(plan_db), "pdf", "moteplan", "2023", "-o", str(pdf))[0] == 0
    text = text_of(pdf)
    assert "Næringsrådet: Fredag 08.09" not in text  # cancelled meetings are left out
    assert "Kommunedirektørforum: Fredag 08.12 kl 0830-1130" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "add", "KF 2023-02-30"], "not a date: '2023-02-30'"),
        (["plan", "add", "KF 2023-02-03 2500-2600"], "not a time of day: '2500'"),
        (["plan", "add", "XX 2023-02-03"], "unknown body 'XX'"),
        (["plan", "add", "KF 2023-02-03"], "already has a meeting on 2023-02-03"),
        (["plan", "move", "KF 2023-12-01", "2023-13-01"], "not a date"),
        (["plan", "move", "KF 2023-11-30", "2023-12-08"], "no KF meeting on 2023-11-30"),
        (["plan", "move", "KF 2023-12-01", "2023-02-03"], "already a meeting on 2023-02-03"),
        (["plan", "cancel", "QQ 2023-12-01", "--reason", "x"], "unknown body"),
        (["ics", "20x3", "-o", "x.ics"], "not a year"),
        (["pdf", "moteplan", "tjuetjuetre", "-o", "x.pdf"], "not a year"),
    ],
)
def test_plan_errors_are_one_line(plan_db: Path, capsys, args, message) -> None:
    code, _, err = run(capsys, "--db", str(plan_db), *args)
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1


# -- files named in a meeting file -------------------------------------------------------------


def meeting_with_file(folder: Path, name: str) -> Path:
    data = {
        "body": "KF", "date": "2023-02-03",
        "cases": [{"title": "Budsjett", "attachments": [{"title": "Budsjett 2023", "file": name}]}],
    }  # fmt: skip
    path = folder / "meeting.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: "/etc/passwd", "no absolute path"),
        (lambda d: "../../secret.pdf", "no absolute path, no '..'"),
        (lambda d: "/dev/zero", "no absolute path"),
        (lambda d: (d / "sub").mkdir() or "sub", "not a regular file"),
        (lambda d: __import__("os").mkfifo(d / "pipe.pdf") or "pipe.pdf", "not a regular file"),
        (lambda d: (d / "link.pdf").symlink_to("/dev/zero") or "link.pdf", "leads outside"),
        (lambda d: (d / "notes.pdf").write_text("hello") and "notes.pdf", "not a PDF file"),
    ],
)
def test_load_refuses_files_outside_or_not_regular(tmp_path: Path, capsys, make, message) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "x.sqlite"
    path = meeting_with_file(folder, make(folder))
    code, _, err = run(capsys, "--db", str(db), "load", str(path))
    assert code == 1
    assert "cases[0].attachments[0].file" in err and message in err, err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--db", str(db), "show", "KF 2023-02-03")
    assert code == 1 and "no KF meeting" in err  # nothing was written


def test_load_copies_a_pdf_next_to_the_meeting_file_in(tmp_path: Path, capsys) -> None:
    from tr_desk.documents.page import render_document

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "budsjett.pdf").write_bytes(render_document("Budsjett for 2023"))
    db = tmp_path / "x.sqlite"
    code, _, err = run(
        capsys, "--db", str(db), "load", str(meeting_with_file(folder, "budsjett.pdf"))
    )
    assert code == 0, err
    data = show(capsys, db, "KF 2023-02-03")
    stored = data["cases"][0]["attachments"][0]["file"]
    assert stored.endswith(".pdf") and len(stored) == 68
    assert (tmp_path / "vedlegg" / stored).is_file()
    out = tmp_path / "papirer.pdf"
    code, _, err = run(
        capsys, "--db", str(db), "pdf", "innkalling", "KF 2023-02-03", "-o", str(out), "--bundle"
    )
    assert code == 0, err
    assert "Budsjett for 2023" in text_of(out.read_bytes())


def test_a_refused_load_writes_nothing(tmp_path: Path, capsys) -> None:
    """One good and one bad attachment: exit 1, yet the good one's file and its search text
    were left behind. And a meeting that fails to save takes its new files away again."""
    import sqlite3

    from tr_desk.documents.page import render_document

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "budsjett.pdf").write_bytes(render_document("Budsjett for 2023"))
    (folder / "notat.pdf").write_text("ikke en pdf", encoding="utf-8")
    data = {
        "body": "KF", "date": "2023-02-03",
        "cases": [{"title": "Budsjett", "attachments": [
            {"title": "Budsjett 2023", "file": "budsjett.pdf"},
            {"title": "Notat", "file": "notat.pdf"},
        ]}],
    }  # fmt: skip
    path = folder / "meeting.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    db = tmp_path / "x.sqlite"
    run(capsys, "--db", str(db), "demo")
    before = sqlite3.connect(db).execute("SELECT count(*) FROM attachment_text").fetchone()[0]
    files = set((tmp_path / "vedlegg").iterdir())
    code, _, err = run(capsys, "--db", str(db), "load", str(path))
    assert code == 1 and "not a PDF file" in err
    after = sqlite3.connect(db).execute("SELECT count(*) FROM attachment_text").fetchone()[0]
    assert after == before and set((tmp_path / "vedlegg").iterdir()) == files
    # the files are fine, but the meeting fails to save: the new file goes again
    from tr_desk.app.meeting_files import load_file
    from tr_desk.storage.database import StoreError
    from tr_desk.storage.store import Store

    data["cases"][0]["attachments"].pop()
    path.write_text(json.dumps(data), encoding="utf-8")
    store = Store.open(db)

    def fails(_loaded):
        raise StoreError("Kunne ikke lagre.", "cannot save")

    store.meetings.save_loaded = fails  # type: ignore[method-assign]
    with pytest.raises(StoreError):
        load_file(store, path)
    store.close()
    assert set((tmp_path / "vedlegg").iterdir()) == files
    after = sqlite3.connect(db).execute("SELECT count(*) FROM attachment_text").fetchone()[0]
    assert after == before


def test_bundle_warns_of_an_attachment_without_a_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "x.sqlite"
    path = meeting_with_file(folder, "")
    assert run(capsys, "--db", str(db), "load", str(path))[0] == 0
    out = tmp_path / "papirer.pdf"
    code, _, err = run(
        capsys, "--db", str(db), "pdf", "innkalling", "KF 2023-02-03", "-o", str(out), "--bundle"
    )
    assert code == 0
    assert "warning" in err and "Vedlegg 1" in err and "has no file" in err


def test_a_stored_name_from_another_database_is_kept_with_a_warning(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "x.sqlite"
    code, _, err = run(
        capsys, "--db", str(db), "load", str(meeting_with_file(folder, "a" * 64 + ".pdf"))
    )
    assert code == 0 and "not in this database's attachments" in err


def test_cli_messages_are_english(tmp_path: Path, capsys) -> None:
    db = tmp_path / "x.sqlite"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    cases = [
        ["plan", "add", "KF 2022-12-02"],
        ["plan", "move", "KF 2022-09-16", "2022-09-23"],
        ["plan", "cancel", "KF 2022-09-16", "--reason", "x"],
        ["pdf", "utskrift", "KF 99/22", "-o", str(tmp_path / "u.pdf")],
    ]
    for args in cases:
        code, _, err = run(capsys, "--db", str(db), *args)
        assert code == 1
        assert not any(ch in err for ch in "æøåÆØÅ«»"), err


def test_check_of_a_held_meeting_runs_the_minutes_check(demo_db: Path, capsys) -> None:
    """What the Protokoll pane shows, the command line shows too."""
    from tr_desk.storage.store import Store

    store = Store.open(demo_db)
    meeting = store.meetings.meeting(
        store.meetings.meeting_id(store.register.body_by_prefix("KF").id, dt.date(2022, 9, 16))
    )
    expected = [f"{p.where}: {p.message}" for p in check_minutes(store.context(meeting))]
    store.close()
    assert expected
    _, out, err = run(capsys, "--db", str(demo_db), "check", "KF 2022-09-16")
    for line in expected:
        assert line in out
    assert f"{len(expected)} warning" in err or "error" in err


def test_mail_writes_a_draft_with_the_notice_attached(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    import email
    from email import policy

    from tr_desk.storage.store import Store

    store = Store.open(demo_db)
    people = {p.name: p for p in store.register.people()}
    for name, address in (("Tor Jakob Reitan", "tjr@example.no"), ("Hans Kringstad", "hk@x.no")):
        store.register.update_person(replace(people[name], email=address))
    # A name that would break a header if it were written as it is.
    store.register.update_person(
        replace(people["Morten Wolden"], name="Wolden, Morten\nBcc: evil@x.no", email="mw@x.no")
    )
    store.close()
    out_file = tmp_path / "n.eml"
    code, _, err = run(
        capsys, "--db", str(demo_db), "mail", "KF 2022-12-02", "-o", str(out_file), "--bundle"
    )
    assert code == 0, err
    assert "7 of 9 invited have no e-mail address" in err
    message = email.message_from_bytes(out_file.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Innkalling Kommunedirektørforum 02.12.2022"
    to = message["To"].addresses
    assert [(a.display_name, a.addr_spec) for a in to] == [
        ("Tor Jakob Reitan", "tjr@example.no"),
        ("Wolden, Morten Bcc: evil@x.no", "mw@x.no"),
    ]
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["Cc"].addresses] == ["hk@x.no"]
    body = message.get_body(("plain",)).get_content()
    assert "møtet i Kommunedirektørforum fredag 2. desember 2022 kl 0830-1130" in body
    files = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert set(files) == {"KF-2022-12-02-innkalling.pdf", "KF-2022-12-02-sakspapirer.pdf"}
    text = text_of(files["KF-2022-12-02-innkalling.pdf"])
    assert text.startswith("Trondheimsregionen\nINNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022")


def test_mail_of_an_unknown_meeting_is_one_line(demo_db: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(
        capsys, "--db", str(demo_db), "mail", "KF 2031-01-01", "-o", str(tmp_path / "x.eml")
    )
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.eml").exists()


def test_an_output_is_never_written_over_the_database(demo_db: Path, capsys) -> None:
    """«-o» naming the database wrote the PDF over it and said so with exit 0."""
    before = demo_db.read_bytes()
    folder = demo_db.parent
    for target in (demo_db, Path(f"{demo_db}-wal"), folder / "sikkerhetskopier" / "x.pdf",
                   folder / "vedlegg" / "x.pdf", folder / "." / demo_db.name):  # fmt: skip
        code, out, err = run(
            capsys, "--db", str(demo_db), "pdf", "innkalling", "KF 2022-12-02", "-o", str(target)
        )
        assert code == 1 and "is the database or one of its files" in err and out == ""
    code, _, err = run(capsys, "--db", str(demo_db), "ics", "2022", "-o", str(demo_db))
    assert code == 1 and "nothing was written" in err
    assert demo_db.read_bytes() == before
    code, out, _ = run(
        capsys, "--db", str(demo_db), "pdf", "innkalling", "KF 2022-12-02",
        "-o", str(folder / "innkalling.pdf"),
    )  # fmt: skip
    assert code == 0 and "wrote" in out


@pytest.mark.parametrize(
    "name",
    [
        "=?utf-8?q?X=0D=0ABcc:_f@evil.example?=",  # an encoded word that decodes to CR LF
        "Ola=?utf-8?b?DQpCY2M6IGZAZXZpbC5leGFtcGxl?=Nordmann",
        "Kari\r\nBcc: f@evil.example",
        "Per\u2028Bcc: f@evil.example\x00",
    ],
)
def test_a_name_never_becomes_header_syntax(
    demo_db: Path, tmp_path: Path, capsys, name: str
) -> None:
    """A register name with an encoded word gave the draft a raw CR LF and a Bcc header."""
    import email
    from email import policy

    from tr_desk.storage.store import Store

    store = Store.open(demo_db)
    people = {p.name: p for p in store.register.people()}
    store.register.update_person(replace(people["Morten Wolden"], name=name, email="mw@x.no"))
    kf = store.register.body_by_prefix("KF")
    store.register.update_body(replace(kf, name="Kommunedirektørforum\r\nBcc: g@evil.example"))
    store.close()
    out_file = tmp_path / "n.eml"
    code, _, err = run(capsys, "--db", str(demo_db), "mail", "KF 2022-12-02", "-o", str(out_file))
    assert code == 0, err
    message = email.message_from_bytes(out_file.read_bytes(), policy=policy.default)
    assert set(message.keys()) <= {
        "X-Unsent", "Subject", "To", "Cc", "Date", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding",
    }  # fmt: skip
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    for address in message["To"].addresses:
        assert not {"\r", "\n", "\x00"} & set(address.display_name)
        assert "=?" not in address.display_name
    assert "mw@x.no" in [a.addr_spec for a in message["To"].addresses]
    assert "evil.example" not in " ".join(a.addr_spec for a in message["To"].addresses)


def test_demo_without_db_never_fills_the_users_database(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """`tr-desk demo` writes the demo's own file beside the user's database (the one the
    window's «Åpne demoen» opens), and leaves the user's database as it was."""
    from tr_desk.app.database import default_database_path, demo_database_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    code, out, _ = run(capsys, "demo")
    assert code == 0, out
    assert demo_database_path().exists() and str(demo_database_path()) in out
    assert not default_database_path().exists()
    assert f"open it with: tr-desk --db {shlex.quote(str(demo_database_path()))}" in out


def test_the_demo_opens_on_its_own_day(tmp_path: Path, capsys) -> None:
    """A database of the demo alone carries its day; the window's clock is moved to it (the
    time of day running), and a database with other meetings never gets one."""
    from tr_desk.app.database import Store, open_for_window
    from tr_desk.app.meeting_files import DEMO_DAY

    path = tmp_path / "demo.sqlite"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    with open_for_window(path) as store:
        assert store.settings.demo_day() == DEMO_DAY and store.clock.today() == DEMO_DAY
    other = tmp_path / "own.sqlite"
    with Store.open(other) as store:
        kf = store.register.body_by_prefix("KF")
        store.meetings.create_meeting(kf.id, dt.date(2027, 1, 8))
    assert run(capsys, "--db", str(other), "demo")[0] == 0
    with open_for_window(other) as store:
        assert store.settings.demo_day() is None


def test_version_says_the_version_the_data_folder_and_the_licences(tmp_path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "tr_desk", "--version"], capture_output=True,
                          text=True, check=False, env={**__import__("os").environ,
                                                       "HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("TR Desk ") and lines[1].startswith("data folder: ")
    assert "LGPL-3.0" in done.stdout


def test_the_worker_is_started_as_the_program_itself_when_frozen(monkeypatch) -> None:
    import sys

    from tr_desk.app import worker

    assert worker.command()[1:] == ["-m", "tr_desk.app.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker.command() == [sys.executable, worker.FLAG]


def test_the_hidden_worker_flag_serves_a_render(tmp_path) -> None:
    """What the desktop program does with its hidden flag: be the worker (here via Python)."""
    import subprocess
    import sys

    from tr_desk.app import worker

    process = subprocess.Popen(
        [sys.executable, "-m", "tr_desk", worker.FLAG], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    worker.send(process.stdin, ("warm", None))
    assert worker.receive(process.stdout) == ("ok", b"")
    process.stdin.close()
    assert process.wait(timeout=30) == 0
    process.stdout.close()
