"""A corpus of old documents made to be hard, with the truth beside each: notices and minutes
of a synthetic history written with the habits real archives have, as text, as Word files
(python-docx, then saved again by LibreOffice when it is installed: real Word structures,
styles, 20 pt titles that wrap) and as PDFs printed by LibreOffice. And the import measured
on it: fields right of the fields in the truth, documents lost, documents per second.

    python benchmarks/corpus.py [--documents 240] [--seed 7] [--keep DIR] [--json]

Each writing habit is named (``HABITS``) and chosen per document at random (seeded), so the
rules are tried on the habit, not on one document:

- ``copied_title``: the notice's title keeps the date of the same meeting a year before (the
  year not updated); the cases' year and the notice's «Dato» tell the truth.
- ``wrapped_title``: the title in a large font wraps before its date.
- ``long_date``: «2. desember 2022» in the title.
- ``bare_labels``: «Forslag til vedtak» / «Vedtak» alone on their line, bold, no colon.
- ``no_space``: «AU05/18».
- ``foreign_prefix``: a case copied from the body that sent it keeps that body's prefix.
- ``wrong_year``: one case number with last year's ending.
- ``title_next_line``: the case's title on the line after its number.
- ``wrong_weekday``: the «Tidsrom» names another weekday.
- ``og_list``: «Til stede: A, B og C».
- ``introduced``: «Ola Nordmann orienterte om …» before the resolution.
- ``signatures``: the chair and the minute taker sign side by side (a tab between).
- ``bullets``: a list in the case text with Word's Symbol bullets (U+F0B7 and a tab; in Word
  files a «List Bullet» paragraph).
- ``papers``: an attachment's text printed after the notice's signature, under its title.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HABITS = (
    "copied_title", "wrapped_title", "long_date", "bare_labels", "no_space", "foreign_prefix",
    "wrong_year", "title_next_line", "wrong_weekday", "og_list", "introduced", "signatures",
    "bullets", "papers",
)  # fmt: skip
OPENINGS = [
    "Saken gjelder {t}.", "Bakgrunnen for saken er {t}.", "Sekretariatet legger fram {t}.",
    "{T} ble drøftet i forrige møte.", "Det vises til tidligere behandling av {t}.",
]  # fmt: skip
POINTS = [
    "Fordeling av kostnader", "Framdrift i 2024", "Kommunenes bidrag", "Ny organisering",
    "Evaluering", "Høringsfrist",
]  # fmt: skip
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")  # fmt: skip
WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")
TOPICS = ["Budsjett", "Regional plan for arealbruk", "Samferdselspakke", "Næringsarealer",
          "Klimasats-søknader", "Kompetanseløft i kommunene", "Høring om kollektivtilbud",
          "Reiselivsstrategi", "Felles innkjøp", "Digitalisering i regionen",
          "Boligbygging og fortetting", "Energistasjoner", "Talent Attraction Program",
          "Vannforsyning", "Beredskap og samfunnssikkerhet", "Årsmelding og regnskap",
          "Kulturminneplan", "Friluftsliv og naturforvaltning", "Regional næringsplan",
          "Skole og oppvekst"]  # fmt: skip
VERBS = ["tas til orientering", "vedtas som foreslått", "sendes på høring", "utsettes",
         "godkjennes", "følges opp av sekretariatet"]  # fmt: skip
PLACES = ["Rådhuset i Trondheim", "Stjørdal rådhus", "Teams", "Melhus rådhus", "Malvik rådhus"]


def _date_no(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _long(day: dt.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def history(rng: random.Random, people: list[str], bodies: list[tuple[str, str]],
            meetings: int) -> list[dict[str, Any]]:  # fmt: skip
    """Meetings of bodies over years, each with its cases: the truth."""
    out = []
    per_body = max(1, meetings // len(bodies))
    for prefix, name in bodies:
        day = dt.date(2015, 1, 1)
        numbers: dict[int, int] = {}
        for _ in range(per_body):
            day += dt.timedelta(days=rng.randint(30, 75))
            while day.weekday() > 4:
                day += dt.timedelta(days=1)
            count = rng.randint(3, 8)
            first = numbers.get(day.year, 0) + 1
            numbers[day.year] = first + count - 1
            cases = []
            for k in range(count):
                topic = rng.choice(TOPICS)
                title = topic if rng.random() < 0.6 else f"{topic} {day.year}"
                cases.append({
                    "number": f"{prefix} {first + k:02d}/{day.year % 100:02d}",
                    "title": title,
                    "points": rng.sample(POINTS, 2),
                    "introducer": rng.choice(people),
                    "proposal": f"{topic} {rng.choice(VERBS)}.",
                    "resolution": f"{topic} {rng.choice(VERBS)}.",
                    "attachments": [f"{topic} – notat"] if rng.random() < 0.3 else [],
                })  # fmt: skip
            present = rng.sample(people, k=min(len(people), rng.randint(3, 6)))
            out.append({"body": prefix, "name": name, "date": day.isoformat(), "cases": cases,
                        "present": present, "place": rng.choice(PLACES),
                        "chair": present[0], "secretary": present[-1]})  # fmt: skip
    return out


def write_document(meeting: dict[str, Any], kind: str, habits: set[str],
                   rng: random.Random) -> list[tuple[str, str]]:  # fmt: skip
    """The document as (style, text) lines: style «title», «bold» or «plain»."""
    day = dt.date.fromisoformat(meeting["date"])
    body_name = meeting["name"].upper()
    word = "INNKALLING" if kind == "innkalling" else rng.choice(["PROTOKOLL", "REFERAT"])
    lines: list[tuple[str, str]] = []
    title_day = day.replace(year=day.year - 1) if "copied_title" in habits else day
    shown = _long(title_day) if "long_date" in habits else _date_no(title_day)
    if "wrapped_title" in habits:
        lines += [("title", f"{word}, {body_name} –"), ("title", shown)]
    else:
        lines.append(("title", f"{word}, {body_name} – {shown}"))
    lines.append(("plain", ""))
    weekday = WEEKDAYS[(day.weekday() + (1 if "wrong_weekday" in habits else 0)) % 7]
    if "copied_title" not in habits:
        lines.append(("plain", f"Tidsrom: {weekday} {_date_no(day)} kl 0830-1130"))
    lines.append(("plain", f"Sted: {meeting['place']}"))
    if kind == "innkalling":
        lines.append(("plain", f"Dato: {_date_no(day - dt.timedelta(days=10))}"))
    else:
        names = meeting["present"]
        listed = (
            (", ".join(names[:-1]) + " og " + names[-1])
            if "og_list" in habits
            else (", ".join(names))
        )
        lines.append(("plain", f"Til stede: {listed}"))
    lines.append(("plain", ""))
    foreign = rng.randrange(1, len(meeting["cases"])) if "foreign_prefix" in habits else -1
    wrong = rng.randrange(1, len(meeting["cases"])) if "wrong_year" in habits else -1
    for k, case in enumerate(meeting["cases"]):
        prefix, rest = case["number"].split(" ", 1)
        number, yy = rest.split("/")
        if k == foreign:
            prefix = {"KF": "AU", "AU": "KF", "TR": "AU", "NR": "TR"}[prefix]
        if k == wrong:
            yy = f"{(int(yy) - 1) % 100:02d}"
        space = "" if "no_space" in habits and k % 2 else " "
        label = f"{prefix}{space}{number}/{yy}"
        if "title_next_line" in habits and k % 2:
            lines += [("bold", label), ("bold", case["title"])]
        else:
            lines.append(("bold", f"{label} {case['title']}"))
        opening = rng.choice(OPENINGS)
        lines.append(("plain", opening.format(t=case["title"].lower(), T=case["title"])))
        if "bullets" in habits:
            lines += [("bullet", point) for point in case["points"]]
        for n, attachment in enumerate(case["attachments"], 1):
            lines.append(("plain", f"Vedlegg {n}: {attachment}"))
        if "introduced" in habits and kind != "innkalling":
            lines.append(("plain", f"{case['introducer']} orienterte om {case['title'].lower()}."))
        key, label_text = (("proposal", "Forslag til vedtak") if kind == "innkalling"
                           else ("resolution", "Vedtak"))  # fmt: skip
        if "bare_labels" in habits:
            lines += [("bold", label_text), ("plain", case[key])]
        else:
            lines.append(("plain", f"{label_text}: {case[key]}"))
        lines.append(("plain", ""))
    if "signatures" in habits and kind != "innkalling":
        lines += [("plain", ""), ("plain", f"{meeting['chair']}\t\t{meeting['secretary']}"),
                  ("plain", "Møteleder\t\tReferent")]  # fmt: skip
    else:
        lines += [("plain", ""), ("plain", "Bård Eidet"), ("plain", "Daglig leder")]
    if "papers" in habits and kind == "innkalling":
        for case in meeting["cases"]:
            for attachment in case["attachments"]:
                lines += [("plain", ""), ("bold", attachment),
                          ("plain", f"Notatet om {case['title'].lower()} ble skrevet av "
                                    "sekretariatet."),
                          ("plain", "Det beskriver saken kort.")]  # fmt: skip
    return lines


def truth_of(meeting: dict[str, Any], kind: str, habits: set[str]) -> dict[str, Any]:
    key = "proposal" if kind == "innkalling" else "resolution"
    minutes = kind != "innkalling"
    return {
        "kind": kind, "body": meeting["body"], "date": meeting["date"],
        "cases": [{
            "number": c["number"], "title": c["title"], key: c[key],
            "attachments": c["attachments"],
            "points": c["points"] if "bullets" in habits else [],
            "introducer": c["introducer"] if "introduced" in habits and minutes else "",
            "papers": bool(c["attachments"]) and "papers" in habits and not minutes,
        } for c in meeting["cases"]],
        "present": meeting["present"] if minutes else [],
        "signed": ({"chair": meeting["chair"], "minute_taker": meeting["secretary"]}
                   if "signatures" in habits and minutes else {}),
    }  # fmt: skip


def save_docx(lines: list[tuple[str, str]], path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for style, text in lines:
        if style == "title":
            paragraph = document.add_paragraph(style="Title")
            run = paragraph.add_run(text)
            run.font.size = Pt(20)
        elif style == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold = style == "bold"
    document.save(str(path))


def build(folder: Path, documents: int, seed: int, office: bool = True) -> list[dict[str, Any]]:
    """The corpus in ``folder``/txt, docx and pdf (the last two through LibreOffice when it is
    installed and ``office``), one truth per document; returns them."""
    from tr_desk.storage.store import Store

    rng = random.Random(seed)
    store = Store.open(folder / "register.sqlite")
    people = [p.name for p in store.register.people()]
    bodies = [(b.prefix, b.name) for b in store.register.bodies()]
    store.close()
    meetings = history(rng, people, bodies, documents // 2)
    items = []
    for form in ("txt", "docx", "pdf"):
        (folder / form).mkdir(parents=True, exist_ok=True)
    for i, meeting in enumerate(meetings):
        for kind in ("innkalling", "protokoll"):
            habits = {h for h in HABITS if rng.random() < 0.2}
            if kind == "innkalling":
                habits -= {"og_list"}
            else:
                habits -= {"copied_title"}
            lines = write_document(meeting, kind, habits, rng)
            stem = f"{i:03d}-{meeting['body'].lower()}-{kind}"
            text = "\n".join(
                ("**" + t + "**") if s == "bold" and t else ("\uf0b7\t" + t) if s == "bullet" else t
                for s, t in lines
            )
            (folder / "txt" / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
            save_docx(lines, folder / "docx" / f"{stem}.docx")
            items.append(
                {"stem": stem, "habits": sorted(habits), **truth_of(meeting, kind, habits)}
            )
    office_path = (shutil.which("soffice") or shutil.which("libreoffice")) if office else None
    if office_path:  # Word files as LibreOffice writes them, and PDFs printed from them
        made = folder / "lo"
        made.mkdir()
        for target, out in (("docx", made), ("pdf", folder / "pdf")):
            subprocess.run(
                [office_path, "--headless", "--convert-to", target, "--outdir", str(out),
                 *sorted(str(p) for p in (folder / "docx").glob("*.docx"))],
                capture_output=True, timeout=1800, check=False,
            )  # fmt: skip
        for path in made.glob("*.docx"):
            shutil.move(str(path), folder / "docx" / path.name)
    (folder / "truth.json").write_text(json.dumps(items, ensure_ascii=False, indent=1))
    return items


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().rstrip(".").casefold()


FIELDS = ("dates", "numbers", "titles", "proposals", "resolutions", "attendance", "attachments",
          "lists", "introducers", "signers", "attachment_texts")  # fmt: skip


def measure(folder: Path, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Each format imported (read, recognised, planned: what ``import --dry-run`` does) and
    compared with the truth, field by field."""
    from tr_desk.app import importing
    from tr_desk.storage.store import Store

    out: dict[str, Any] = {}
    total = {f: [0, 0] for f in FIELDS}
    lost_all = 0
    for form in ("txt", "docx", "pdf"):
        paths = sorted((folder / form).glob(f"*.{form}"))
        if not paths:
            continue
        store = Store.open(folder / f"measure-{form}.sqlite")
        t0 = time.perf_counter()
        reports = importing.read_files(store, paths)
        elapsed = time.perf_counter() - t0
        store.close()
        by_stem = {r.path.stem: r for r in reports}
        counts = {f: [0, 0] for f in FIELDS}
        lost = 0
        for item in items:
            report = by_stem.get(item["stem"])
            files = [f for d in (report.documents if report else []) for f in d.files]
            found = next((f for f in files if f["body"] == item["body"]
                          and f["date"] == item["date"]), None)  # fmt: skip
            if found is None:
                lost += 1
            _score(item, found, counts)
        for field, (right, of) in counts.items():
            total[field][0] += right
            total[field][1] += of
        right = sum(r for r, _ in counts.values())
        of = sum(n for _, n in counts.values())
        out[f"import_{form}_docs_per_s"] = round(len(paths) / elapsed, 1)
        out[f"import_{form}_field_accuracy"] = round(right / of, 4) if of else None
        out[f"import_{form}_docs_lost"] = lost
        lost_all += lost
    right = sum(r for r, _ in total.values())
    of = sum(n for _, n in total.values())
    out["import_field_accuracy"] = round(right / of, 4) if of else None
    out["import_docs_lost"] = lost_all
    out["import_accuracy_by_field"] = {f: round(r / n, 4) for f, (r, n) in total.items() if n}
    out["corpus_documents"] = len(items)
    return out


def _score(
    item: dict[str, Any], found: dict[str, Any] | None, counts: dict[str, list[int]]
) -> None:
    def tally(field: str, ok: bool) -> None:
        counts[field][0] += int(ok)
        counts[field][1] += 1

    tally("dates", found is not None)
    cases = (found or {}).get("cases", [])
    key = "proposal" if item["kind"] == "innkalling" else "resolution"
    for k, truth in enumerate(item["cases"]):
        case = cases[k] if k < len(cases) else {}
        tally("numbers", case.get("number") == truth["number"])
        tally("titles", _norm(case.get("title")) == _norm(truth["title"]))
        tally(key + "s", _norm(case.get(key)) == _norm(truth[key]))
        got = [_norm(a.get("title")) for a in case.get("attachments", [])]
        for attachment in truth["attachments"]:
            tally("attachments", _norm(attachment) in got)
        text = case.get("notes" if item["kind"] != "innkalling" else "text", "") or ""
        text += "\n" + (case.get("introduction") or "")
        for point in truth.get("points", []):
            tally("lists", f"- {point}" in text.splitlines())
        if truth.get("introducer"):
            tally("introducers", case.get("introduced_by") == truth["introducer"])
        if truth.get("papers"):
            texts = [a.get("text", "") for a in case.get("attachments", [])]
            tally("attachment_texts", any("ble skrevet av sekretariatet" in t for t in texts))
    names = {a.get("name") for a in (found or {}).get("attendance", [])}
    for name in item["present"]:
        tally("attendance", name in names)
    for role, name in item.get("signed", {}).items():
        tally("signers", (found or {}).get(role) == name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=240)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the corpus here (and keep it)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="tr-corpus-"))
    truth = folder / "truth.json"
    if truth.exists():
        items = json.loads(truth.read_text())
    else:
        folder.mkdir(parents=True, exist_ok=True)
        items = build(folder, options.documents, options.seed)
    result = measure(folder, items)
    if not options.keep:
        shutil.rmtree(folder, ignore_errors=True)
    if options.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
