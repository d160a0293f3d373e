"""Importing old documents: the seeds as text and as Word, TR Desk's own PDFs, the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import run
from tr_desk.core.importing import Register, read_lines
from tr_desk.storage.store import Store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"  # beside the repository
SEED_FILES = sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason="the seeds are not beside the repository")


def show(capsys, db: Path, key: str) -> dict:
    code, out, err = run(capsys, "--db", str(db), "show", key, "--json")
    assert code == 0, err
    return json.loads(out)


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def matched(meeting: dict) -> list[tuple[str, str]]:
    return [(number, title.rstrip(".")) for number, title in numbers_and_titles(meeting)]


def numbers_and_titles(meeting: dict) -> list[tuple[str, str]]:
    return [(c["number"], c["title"]) for c in meeting["cases"]]


@needs_seeds
def test_the_seeds_import_to_the_meetings_they_describe(tmp_path, capsys) -> None:
    db = tmp_path / "import.sqlite"
    code, out, err = run(capsys, "--db", str(db), "import", str(SEEDS))
    assert code == 0, err
    assert "created KF 2022-06-03 with 10 cases" in out
    assert "created KF 2022-09-16 with 12 cases" in out
    assert "created KF 2022-12-02 with 12 cases" in out
    assert "16.19. 2022" in err  # the seed's impossible title date is said
    demo = tmp_path / "demo.sqlite"
    assert run(capsys, "--db", str(demo), "demo")[0] == 0
    for key, first, last in (("KF 2022-06-03", 22, 31), ("KF 2022-09-16", 32, 43),
                             ("KF 2022-12-02", 44, 55)):  # fmt: skip
        imported, expected = show(capsys, db, key), show(capsys, demo, key)
        assert [c["number"] for c in imported["cases"]] == [
            f"KF {n}/22" for n in range(first, last + 1)
        ]
        # The titles as the demo has them (the demo mends one typo of the notice of 16.09.);
        # as printed, a closing full stop stays, so they are matched without it.
        assert matched(imported) == matched(expected)
        attendance = {(a["name"], a["status"]) for a in imported["attendance"]}
        if key != "KF 2022-12-02":
            assert attendance == {(a["name"], a["status"]) for a in expected["attendance"]}
        for mine, theirs in zip(imported["cases"], expected["cases"], strict=True):
            for field in ("resolution", "proposal"):
                if theirs.get(field) and mine.get(field):
                    assert norm(mine[field]).replace("rådmannsforum", "kommunedirektørforum") == (
                        norm(theirs[field])
                    ), (mine["number"], field)
    june = show(capsys, db, "KF 2022-06-03")  # the title as printed, its full stop too
    assert june["cases"][1]["title"].endswith("oppfølging fra sak TR 49/21.")
    december = show(capsys, db, "KF 2022-12-02")
    assert sum(1 for c in december["cases"] if c.get("proposal")) >= 10

    # The same files again: nothing to do.
    code, out, _ = run(capsys, "--db", str(db), "import", str(SEEDS))
    assert code == 0 and out.count("imported before, nothing to do") == len(SEED_FILES)
    kept = list((tmp_path / "kilder").iterdir())
    assert len(kept) == len(SEED_FILES)


@needs_seeds
def test_a_word_file_built_from_a_seed_imports_the_same(tmp_path, capsys) -> None:
    from docx import Document

    seed = next(p for p in SEED_FILES if p.name.startswith("004"))
    document = Document()
    for line in seed.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("- "):
            document.add_paragraph(text[2:].replace("*", ""), style="List Bullet")
            continue
        paragraph = document.add_paragraph()
        for part in re.split(r"(\*{1,3}[^*]+\*{1,3})", text):
            if not part:
                continue
            stars = len(part) - len(part.lstrip("*"))
            run_ = paragraph.add_run(part.strip("*"))
            run_.bold = stars in (2, 3)
            run_.italic = stars in (1, 3)
    word = tmp_path / "referat.docx"
    document.save(str(word))
    text_db, word_db = tmp_path / "text.sqlite", tmp_path / "word.sqlite"
    assert run(capsys, "--db", str(text_db), "import", str(seed))[0] == 0
    code, _, err = run(capsys, "--db", str(word_db), "import", str(word))
    assert code == 0, err
    from_text, from_word = (
        show(capsys, text_db, "KF 2022-06-03"),
        show(capsys, word_db, "KF 2022-06-03"),
    )
    assert numbers_and_titles(from_word) == numbers_and_titles(from_text)
    assert from_word["attendance"] == from_text["attendance"]
    orienteringer = next(c for c in from_word["cases"] if c["number"] == "KF 30/22")
    assert orienteringer["notes"].startswith("- Tildeling av klimasatsmidler.")


def test_tr_desks_own_pdfs_come_back_as_the_same_meeting(tmp_path, capsys) -> None:
    demo = tmp_path / "demo.sqlite"
    assert run(capsys, "--db", str(demo), "demo")[0] == 0
    folder = tmp_path / "pdf"
    folder.mkdir()
    for args in (("innkalling", "KF 2022-12-02"), ("protokoll", "KF 2022-09-16"),
                 ("moteplan", "2022")):  # fmt: skip
        out = folder / f"{args[0]}.pdf"
        assert run(capsys, "--db", str(demo), "pdf", *args, "-o", str(out))[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    code, out, err = run(capsys, "--db", str(fresh), "import", str(folder))
    assert code == 0, err
    for key in ("KF 2022-12-02", "KF 2022-09-16"):
        mine, theirs = show(capsys, fresh, key), show(capsys, demo, key)
        assert [c["number"] for c in mine["cases"]] == [c["number"] for c in theirs["cases"]]
        for a, b in zip(mine["cases"], theirs["cases"], strict=True):
            assert norm(a["title"]) == norm(b["title"]), a["number"]  # wrapped bold titles
            assert norm(a.get("resolution")) == norm(b.get("resolution")), a["number"]
            if key == "KF 2022-12-02":
                assert norm(a.get("proposal")) == norm(b.get("proposal")), a["number"]
    held = show(capsys, fresh, "KF 2022-09-16")
    assert {(a["name"], a["status"]) for a in held["attendance"]} == {
        (a["name"], a["status"]) for a in show(capsys, demo, "KF 2022-09-16")["attendance"]
    }
    for key in ("TR 2022-06-17", "TR 2022-12-16", "KF 2022-06-03"):  # the plan's dates
        assert show(capsys, fresh, key)["date"] == key.split()[1]


def test_dry_run_writes_nothing_and_a_bad_file_is_left_out(tmp_path, capsys) -> None:
    good = tmp_path / "plan.txt"
    good.write_text(
        "MØTEPLAN TRONDHEIMSREGIONEN 2023\n\nKommunedirektørforum: Fredag 03.02 kl 0830-1130\n"
        "Regionrådet: Onsdag 10.02 kl 0900-1400\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.sqlite"
    code, out, err = run(capsys, "--db", str(db), "import", str(good), "--dry-run")
    assert code == 0 and "would create KF 2023-02-03 with 0 cases" in out
    assert "2023-02-10 is a Friday" in err  # the plan's weekday is computed, and said
    assert not db.exists() or run(capsys, "--db", str(db), "show", "KF 2023-02-03")[0] == 1
    bad = tmp_path / "skannet.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 1 and "nothing was imported" in err and "skannet.pdf" in err
    code, out, err = run(capsys, "--db", str(db), "import", str(good), str(bad), "--json")
    assert code == 3 and "1 file could not be read; the rest was imported" in err
    files = json.loads(out)["meetings"]
    assert [(f["body"], f["date"]) for f in files] == [("KF", "2023-02-03"), ("TR", "2023-02-10")]
    assert run(capsys, "--db", str(db), "show", "KF 2023-02-03")[0] == 0  # the rest went in


def test_case_numbers_in_every_form_and_the_earlier_prefix(demo_store: Store) -> None:
    register = Register(demo_store.register.bodies(), demo_store.register.people())
    lines = [
        "REFERAT, RÅDMANNSFORUM – 07.12.2016",
        "Tidsrom: Onsdag 07. desember 2016 kl 0830-1130",
        "Til stede: Kjetil Mjø Sund, Ingvil Kvernmo, Ola Utenfor",
        "RF 39/16 Budsjett",
        "Vedtak: Tatt til orientering.",
        "RF41/16 Eventuelt",
        "RF 40/16 Orienteringer",
        "- Ingen.",
    ]
    files, warnings = read_lines(lines, register)
    (file,) = files
    assert file["body"] == "KF" and file["date"] == "2016-12-07"
    assert [c["number"] for c in file["cases"]] == ["RF 39/16", "RF 41/16", "RF 40/16"]
    assert [a["name"] for a in file["attendance"]] == [
        "Kjetil Mjøsund", "Ingvill Kvernmo", "Ola Utenfor",
    ]  # fmt: skip
    said = " ".join(warnings)
    assert "«Ingvil Kvernmo» tolket som Ingvill Kvernmo" in said
    assert "«Ola Utenfor» er ikke i personregisteret" in said
    assert "hull i nummereringen" in said and "RF 40 kommer etter 41" in said


NOTICE_2023 = """INNKALLING, KOMMUNEDIREKTØRFORUM – 03.02.2023
Tidsrom: Fredag 03.02.2023 kl 0900-1130
Sted: Rådhuset
KF 01/23 Godkjenning av innkalling og saksliste
Forslag til vedtak: Innkalling og saksliste godkjennes.
KF 02/23 Budsjett 2023
Forslag til vedtak: Budsjettet tas til orientering.
"""
MINUTES_2023 = """REFERAT, KOMMUNEDIREKTØRFORUM – 03.02.2023
Tidsrom: Fredag 03.02.2023 kl 0900-1115
Til stede: Kjetil M., Ola Utenfor, Ingvill Kvernmo
Referent: Bård Eidet
KF 01/23 Godkjenning av innkalling og saksliste
Vedtak: Innkalling og saksliste godkjent.
KF 02/23 Budsjett 2023
Vedtak: Tatt til orientering.
"""


def meeting_file(store: Store, prefix: str, day: str) -> dict | None:
    import datetime as dt

    from tr_desk.core.meeting_json import meeting_to_json

    body = store.register.body_by_prefix(prefix)
    assert body is not None and body.id is not None
    found = store.meetings.meeting_id(body.id, dt.date.fromisoformat(day))
    return None if found is None else meeting_to_json(store.context(found))


def test_undo_takes_an_import_back_and_the_names_chosen_are_used(store: Store, tmp_path) -> None:
    from tr_desk.app import importing

    notice, minutes = tmp_path / "innkalling.txt", tmp_path / "referat.txt"
    notice.write_text(NOTICE_2023, encoding="utf-8")
    minutes.write_text(MINUTES_2023, encoding="utf-8")
    people_before = {p.name: p.aliases for p in store.register.people()}

    first = importing.write(store, importing.plan(store, importing.read_files(store, [notice])))
    before = meeting_file(store, "KF", "2023-02-03")
    assert before is not None and before["cases"][1]["resolution"] == ""
    reports = importing.read_files(store, [minutes])
    assert [d.kind for d in reports[0].documents] == ["referat"]
    from tr_desk.core.importing import unknown_names

    register = importing.register_for(store)
    assert unknown_names(reports[0].files, register) == ["Kjetil M", "Ola Utenfor"]
    choices = importing.Choices(same_as={"Kjetil M": "Kjetil Mjøsund"}, new_people=["Ola Utenfor"])
    report = importing.plan(store, reports, choices)
    assert [o.action for o in report.meetings] == ["updated"]
    second = importing.write(store, report)
    after = meeting_file(store, "KF", "2023-02-03")
    assert after is not None
    assert [a["name"] for a in after["attendance"]] == [
        "Kjetil Mjøsund", "Ola Utenfor", "Ingvill Kvernmo",
    ]  # fmt: skip
    assert after["cases"][1]["resolution"] == "Tatt til orientering."
    assert after["cases"][1]["proposal"] == "Budsjettet tas til orientering."
    person = {p.name: p for p in store.register.people()}["Kjetil Mjøsund"]
    assert "Kjetil M" in person.aliases
    assert [name for name, _ in store.meetings.sources(next(iter(second.updated)))] == [
        "innkalling.txt", "referat.txt",
    ]  # fmt: skip

    importing.undo(store, second)  # the minutes' import is taken back: the notice stays
    assert meeting_file(store, "KF", "2023-02-03") == before
    assert {p.name: p.aliases for p in store.register.people()} == people_before
    assert len(store.rows("SELECT * FROM source")) == 1
    importing.undo(store, first)
    assert meeting_file(store, "KF", "2023-02-03") is None
    assert store.rows("SELECT * FROM source") == [] == store.rows("SELECT * FROM meeting_source")

    # The same file twice in one import (a copy under another name): one source
    copy = tmp_path / "kopi av innkalling.txt"
    copy.write_bytes(notice.read_bytes())
    twice = importing.write(
        store, importing.plan(store, importing.read_files(store, [notice, copy]))
    )
    assert len(twice.sources) == 1 and len(store.meetings.sources(twice.created[0])) == 1
    importing.undo(store, twice)

    # Leaving the minutes out of the same files leaves only the notice to import
    both = importing.read_files(store, [notice, minutes])
    report = importing.plan(store, both, importing.Choices(left_out=frozenset({(1, 0)})))
    (outcome,) = report.meetings
    assert outcome.action == "created" and "attendance" not in outcome.file


def test_a_file_read_for_the_window_travels_between_processes(store: Store, tmp_path) -> None:
    """The window reads in the worker process: the request and the report must pickle."""
    import pickle

    from tr_desk.app import importing, worker

    minutes = tmp_path / "referat.txt"
    minutes.write_text(MINUTES_2023, encoding="utf-8")
    request = (str(minutes), importing.register_for(store), importing.known_sources(store))
    report = pickle.loads(pickle.dumps(worker.render(
        "import", pickle.loads(pickle.dumps(request))
    )))  # fmt: skip
    assert report.files[0]["date"] == "2023-02-03" and not report.error
    with pytest.raises(ValueError):
        worker.render("write", None)  # nothing else of the importer


def test_warnings_are_english_on_the_command_line_and_norwegian_in_the_window(
    store: Store, tmp_path, capsys
) -> None:
    from tr_desk.app import importing
    from tr_desk.core.importing import english

    minutes = tmp_path / "referat.txt"
    minutes.write_text(MINUTES_2023.replace("KF 02/23", "KF 04/23"), encoding="utf-8")
    (report,) = importing.read_files(store, [minutes])
    said = report.documents[0].warnings
    assert "Referat KF 03.02.2023: «Ola Utenfor» er ikke i personregisteret" in said
    assert "Referat KF 03.02.2023: hull i nummereringen mellom 01 og 04" in said
    assert [english(w) for w in said] == [
        "minutes KF 2023-02-03: 'Kjetil M' is not in the register",
        "minutes KF 2023-02-03: 'Ola Utenfor' is not in the register",
        "minutes KF 2023-02-03: gap in the numbering between 01 and 04",
    ]
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "import", str(minutes))
    assert code == 0 and "gap in the numbering between 01 and 04" in err
    assert not any(word in err for word in ("personregisteret", "nummereringen", "beholdt"))


def test_a_folder_import_reads_its_own_regular_files_only(tmp_path, capsys) -> None:
    """Links out of the folder (notat.txt → /etc/passwd) were copied into kilder/; a pipe
    blocked the import for ever; a device was read without end."""
    import os
    import threading

    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "plan.txt").write_text(
        "MØTEPLAN TRONDHEIMSREGIONEN 2023\n\nKommunedirektørforum: Fredag 03.02 kl 0830-1130\n",
        encoding="utf-8",
    )
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("PASSORD=hemmelig\n", encoding="utf-8")
    (folder / "notat.txt").symlink_to(secret)
    (folder / "under").mkdir()
    (folder / "under" / "miljo.md").symlink_to(secret)
    (folder / "lenket").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "ror.txt")
    db = tmp_path / "db.sqlite"
    result: list = []
    worker = threading.Thread(
        target=lambda: result.append(run(capsys, "--db", str(db), "import", str(folder))),
        daemon=True,
    )
    worker.start()
    worker.join(30)
    assert result, "the import hung"
    code, _, err = result[0]
    assert code == 0, err
    kept = [p.read_bytes() for p in (tmp_path / "kilder").iterdir()]
    assert kept and not any(b"PASSORD" in data for data in kept)
    # A pipe or a device named on the command line: one line, nothing read.
    for given in (folder / "ror.txt", Path("/dev/zero")):
        code, _, err = run(capsys, "--db", str(db), "import", str(given), "--dry-run")
        assert code == 1 and "not a regular file" in err


def test_hostile_files_are_named_and_left_out_and_the_rest_imports(tmp_path, capsys) -> None:
    """A truncated Word file, a zip that is no Word file, a damaged PDF and a name that is not
    UTF-8 gave tracebacks (and a copy in kilder/); now each is one line, the rest imports."""
    import os

    from tests.documents.test_readers import paragraph, word

    folder = tmp_path / "arkiv"
    folder.mkdir()
    plan = "MØTEPLAN TRONDHEIMSREGIONEN 2023\n\nKommunedirektørforum: Fredag 03.02 kl 0830-1130\n"
    name = os.fsdecode(b"m\xf8teplan.txt")  # written on another system
    (folder / name).write_text(plan, encoding="utf-8")
    good = word(paragraph("Sak 01/23"))
    (folder / "kort.docx").write_bytes(good[: len(good) // 2])
    (folder / "zip.docx").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / "skadet.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF")
    db = tmp_path / "db.sqlite"
    code, out, err = run(capsys, "--db", str(db), "import", str(folder))
    assert code == 3, err
    assert "Traceback" not in err and "3 files could not be read" in err
    for bad in ("kort.docx", "zip.docx", "skadet.pdf"):
        assert f"error: {bad}" in err or f"{bad}: not a readable" in err, (bad, err)
    assert "created KF 2023-02-03" in out
    store = Store.open(db)
    try:
        assert [r["name"] for r in store.rows("SELECT name FROM source")] == ["m\ufffdteplan.txt"]
    finally:
        store.close()
    assert len(list((tmp_path / "kilder").iterdir())) == 1


PROTOCOL = """PROTOKOLL, KOMMUNEDIREKTØRFORUM 03.02.2023
Tidsrom: Fredag 03.02.2023 kl 0830-1130
Til stede: Bård Eidet
KF 01/23 Godkjenning av innkalling
Vedtak: Innkallingen godkjennes.
KF 02/23 Regional plan
Vedtak: Planen tas til orientering.
"""
UNPLACEABLE = """INNKALLING, KOMMUNEDIREKTØRFORUM
Saksbehandler: Bård Eidet
KF 07/23 Budsjett
Forslag til vedtak: Budsjettet vedtas.
"""


def test_a_document_that_cannot_be_placed_is_held_back_and_the_rest_written(
    tmp_path, capsys
) -> None:
    """One document whose date could not be found rolled the whole batch back (the dry run
    said rc 0); now it is held back with its reason, the sound protocol in the same file is
    written, exit 3 — and the dry run says exactly the same."""
    both = tmp_path / "arkiv.txt"
    both.write_text(PROTOCOL + "\n" + UNPLACEABLE, encoding="utf-8")
    db = tmp_path / "db.sqlite"
    dry = run(capsys, "--db", str(db), "import", str(both), "--dry-run", "--json")
    real = run(capsys, "--db", str(db), "import", str(both), "--json")
    assert dry[0] == real[0] == 3
    report, said = json.loads(real[1]), json.loads(dry[1])
    for meeting in report["meetings"]:
        meeting.pop("uid")  # given when the meeting is made
    assert said == report  # the same outcome per document
    assert [(m["body"], m["date"]) for m in report["meetings"]] == [("KF", "2023-02-03")]
    assert report["held_back"] == [{
        "file": "arkiv.txt", "document": "INNKALLING, KOMMUNEDIREKTØRFORUM",
        "reason": "no meeting date found",
    }]  # fmt: skip
    assert "held back" in real[2] and "1 document held back; the rest was imported" in real[2]
    assert [c["number"] for c in show(capsys, db, "KF 2023-02-03")["cases"]] == [
        "KF 01/23", "KF 02/23"
    ]  # fmt: skip


def test_an_imported_meeting_is_checked_as_a_record(tmp_path, capsys) -> None:
    """«mangler forslag til vedtak» for a protocol that never printed one, «Vedlegg mangler
    fil» for an attachment known by its title only, a notice date and the invited: a record
    cannot meet a draft's rules. One line says what it is known to lack."""
    protocol = tmp_path / "protokoll.txt"
    protocol.write_text(
        PROTOCOL.replace("KF 02/23 Regional plan\n", "KF 02/23 Regional plan\nVedlegg 1: Planen\n"),
        encoding="utf-8",
    )
    db = tmp_path / "db.sqlite"
    assert run(capsys, "--db", str(db), "import", str(protocol))[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "check", "KF 2023-02-03")
    assert "Saken mangler forslag til vedtak" not in out and "» mangler fil." not in out, out
    assert "Importert fra gamle dokumenter; kildene mangler filen til 1 vedlegg." in out
    assert code == 0, out


def write_word_protocol(path: Path) -> None:
    """A protocol as Word writes one: a 20 pt title, bold case headings, real numbered and
    nested lists, Symbol bullets, a table, labels without colons, the signatures side by
    side."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    title = document.add_paragraph(style="Title")
    title.add_run("PROTOKOLL, ARBEIDSUTVALGET – 05.02.2020").font.size = Pt(20)
    document.add_paragraph("Tidsrom: Onsdag 05.02.2020 kl 0900-1100")
    document.add_paragraph("Til stede: Bård Eidet, Kjetil Mjøsund")
    document.add_paragraph().add_run("AU 11/20 Protokoll AU-møte 15.01.2020").bold = True
    document.add_paragraph().add_run("Vedtak").bold = True
    document.add_paragraph("Protokollen godkjennes.")
    document.add_paragraph().add_run("AU 12/20 Samferdselspakke").bold = True
    document.add_paragraph("Bård Eidet orienterte om status i forhandlingene.")
    document.add_paragraph("Første punkt", style="List Number")
    document.add_paragraph("Et underpunkt", style="List Number 2")
    document.add_paragraph("Andre punkt", style="List Number")
    document.add_paragraph("\uf0b7\tEt punkt med Symbol-kule")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Kommune", (0, 1): "Andel", (1, 0): "Malvik",
                             (1, 1): "12 %"}.items():  # fmt: skip
        table.cell(row, col).text = text
    document.add_paragraph().add_run("Vedtak").bold = True
    document.add_paragraph("Saken tas til orientering.")
    document.add_paragraph("")
    document.add_paragraph("Kjetil Mjøsund\t\tBård Eidet")
    document.add_paragraph("Møteleder\t\tReferent")
    document.save(str(path))


@pytest.mark.parametrize("through", ["python-docx", "LibreOffice"])
def test_a_word_protocol_keeps_its_structure(tmp_path, capsys, through) -> None:
    import shutil
    import subprocess

    word = tmp_path / "protokoll.docx"
    write_word_protocol(word)
    if through == "LibreOffice":
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            pytest.skip("LibreOffice is not installed")
        out = tmp_path / "lo"
        subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", str(out),
                        str(word)], capture_output=True, timeout=180, check=True)  # fmt: skip
        word = out / "protokoll.docx"
    db = tmp_path / "db.sqlite"
    code, _, err = run(capsys, "--db", str(db), "import", str(word))
    assert code == 0, err
    meeting = show(capsys, db, "AU 2020-02-05")
    approval, case = meeting["cases"]
    assert approval["kind"] == "godkjenning"  # TR Desk's own approval title
    assert approval["resolution"] == "Protokollen godkjennes."
    assert case["introduced_by"] == "Bård Eidet"
    assert case["introduction"].startswith("Orienterte om status i forhandlingene.")
    text = case["introduction"]
    assert "1. Første punkt\n    1. Et underpunkt\n1. Andre punkt" in text
    assert "- Et punkt med Symbol-kule" in text
    assert "| Kommune | Andel |" in text and "| Malvik | 12 % |" in text
    assert case["resolution"] == "Saken tas til orientering."
    assert (meeting.get("chair"), meeting.get("minute_taker")) == ("Kjetil Mjøsund", "Bård Eidet")


def test_tab_separated_lines_become_a_table(demo_store: Store) -> None:
    lines = ["REFERAT, KOMMUNEDIREKTØRFORUM – 03.02.2023", "KF 01/23 Fordeling",
             "Kommune\tAndel", "Malvik\t12", "Melhus\t9", "Vedtak: Fordelingen vedtas."]  # fmt: skip
    register = Register(demo_store.register.bodies(), demo_store.register.people())
    (file,), _ = read_lines(lines, register)
    assert file["cases"][0]["notes"].splitlines() == [
        "| Kommune | Andel |", "| --- | --- |", "| Malvik | 12 |", "| Melhus | 9 |",
    ]  # fmt: skip


def test_imported_plan_meetings_get_the_bodys_usual_place_and_hours(tmp_path, capsys) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("MØTEPLAN TRONDHEIMSREGIONEN 2023\n\nKommunedirektørforum: Fredag 03.02\n"
                    "Regionrådet: Fredag 10.02 kl 0900-1400\n", encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "--db", str(tmp_path / "db.sqlite"), "import", str(plan),
                         "--dry-run", "--json")  # fmt: skip
    assert code == 0, err
    kf, tr = json.loads(out)["meetings"]
    assert (kf["place"], kf["start"], kf["end"]) == ("Møterom A, Rådhuset", "08:30", "11:30")
    assert (tr["start"], tr["end"], tr.get("place", "")) == ("09:00", "14:00", "")


NOTICE_WITH_PAPERS = """INNKALLING, KOMMUNEDIREKTØRFORUM – 03.02.2023
Tidsrom: Fredag 03.02.2023 kl 0900-1130
KF 01/23 Samling for formannskapene
Vedlegg 1: Program for samlingen
Forslag til vedtak: Programmet godkjennes.
KF 02/23 Avtale om felles innkjøp
Forslag til vedtak: Avtalen inngås.

Bård Eidet
Daglig leder

Program for samlingen
Kl 09.00 Velkommen ved ordføreren
Kl 10.00 Ekskursjon til Geitmyra matkultursenter

Avtale om felles innkjøp
Partene er enige om et innkjøpssamarbeid for renholdsartikler.
"""


def test_the_papers_after_the_signature_are_the_attachments_they_name(tmp_path, capsys) -> None:
    """A programme and an agreement printed after the notice's signature were left out; now
    each is the text of the attachment (or the case) it names: a PDF of it is kept with the
    meeting, in the case papers and the search."""
    from tests.pdftext import text_of

    notice = tmp_path / "innkalling.txt"
    notice.write_text(NOTICE_WITH_PAPERS, encoding="utf-8")
    db = tmp_path / "db.sqlite"
    dry = run(capsys, "--db", str(db), "import", str(notice), "--dry-run", "--json")
    code, out, err = run(capsys, "--db", str(db), "import", str(notice), "--json")
    assert code == dry[0] == 0, err
    assert "not used" not in err and "left out" not in err
    first, second = show(capsys, db, "KF 2023-02-03")["cases"]
    (programme,) = first["attachments"]
    (agreement,) = second["attachments"]
    assert programme["title"] == "Program for samlingen"
    assert agreement["title"] == "Avtale om felles innkjøp"
    assert all(a["file"] for a in (programme, agreement))
    pdf = (tmp_path / "vedlegg" / programme["file"]).read_bytes()
    assert "Ekskursjon til Geitmyra matkultursenter" in text_of(pdf)
    code, out, _ = run(capsys, "--db", str(db), "search", "renholdsartikler")
    assert code == 0 and "KF 02/23" in out
