"""One notice's or minutes' lines read into a meeting file: the header, the date from its
witnesses, each case and its sections, the signature and what follows it."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, cast

from tr_desk.core.importing.shapes import Document, ReadResult, Register, _held
from tr_desk.core.importing.signatures import (
    _attachment_texts,
    _sign_titles,
    _signature_at,
    _signatures,
    _strip_signature,
)
from tr_desk.core.importing.text import (
    _ATTACHMENT,
    _BULLET,
    _CASE,
    _FOLLOWS,
    _HEADER,
    _INTRO,
    _LIST_KEYS,
    _PAGE,
    _PRESENTER,
    _SECTION,
    KIND_EN,
    DocKind,
    Said,
    _bold,
    _short,
    _structural,
    clean,
    find_date,
    find_slot,
    markdown,
    normal_dates,
)
from tr_desk.core.meeting_data import AttendanceData, CaseData, MeetingData
from tr_desk.core.messages import Code
from tr_desk.core.model import Body


def _join_wrapped(lines: Sequence[str]) -> list[str]:
    """A PDF's text comes a printed line at a time: lines that continue a sentence are joined."""
    out: list[str] = []
    closed = False  # the last line is whole (a case's title on the line after its number)
    for line in lines:
        plain = clean(line)
        if _PAGE.match(plain):
            continue
        previous = clean(out[-1]) if out else ""
        head = _HEADER.match(previous)
        single = closed or (head is not None and head[1].capitalize() not in _LIST_KEYS)
        closed = False
        case = _CASE.match(previous)
        # After a case's number and title, only a line that goes on in lower case continues
        # it («… i overordnet» / «profilering»); «Esther Balvers innledet.» does not.
        if case and not re.match(r"^[a-zæøå0-9(«–-]", plain):
            single = True
        if case and not case["title"].strip():  # the number alone: this line is the title
            single = closed = True
        section = _SECTION.match(previous)
        if section and not section[2]:  # «Forslag til vedtak» alone: the text is below it
            single = True
        if _sign_titles(plain) or _sign_titles(previous) or _ATTACHMENT.match(previous):
            single = True  # a signer's title, what follows one, a line after «Vedlegg N: …»
        if _bold(line) and out and _bold(out[-1]) and not re.search(r"[.:!?»]$", previous):
            single = False  # a heading in bold that wrapped: its next line is bold too
        elif _bold(line) or (out and _bold(out[-1])):
            single = True  # a heading printed in bold, and the line under it
        if (
            out and plain and out[-1] and not single
            and not re.search(r"[.:!?»]$", clean(out[-1]))
            and not _structural(plain) and not re.match(r"^([-–•]|\d+\.)\s", plain)
            and not _BULLET.match(plain) and not _INTRO.match(plain)
            and not plain.startswith(("Ingen merknader", "Saksframlegg"))
        ):  # fmt: skip
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _read(doc: Document, register: Register, wrapped: bool) -> ReadResult:
    warnings: list[str] = []
    if doc.body is None:
        return _held(Said.coded(Code.NO_BODY_FOUND_TITLE))
    body = doc.body
    lines = _join_wrapped(doc.lines) if wrapped else list(doc.lines)
    header, cases, unused, last_case_at = _split(doc, lines, register)
    signed, after_signature = _signed(cases, last_case_at, register)
    minutes = doc.kind in (DocKind.MINUTES, DocKind.PROTOCOL)
    day = _meeting_date(doc, header, cases, warnings)
    if day is None:
        return _held(Said.coded(Code.NO_MEETING_DATE_FOUND), warnings)
    file: MeetingData = {"body": body.prefix, "date": day.isoformat()}
    _header_fields(file, doc, header, signed, register, warnings)
    if minutes:
        file["attendance"] = _attendance(header, body, register, warnings)
    file["cases"] = [_case(m, case_lines, doc, minutes, register, warnings, body, day)
                     for m, case_lines in cases]  # fmt: skip
    left = _attachment_texts(file["cases"], after_signature, warnings)
    unused += [(n, clean(line)) for n, line in left]
    if left:
        warnings.append(
            Said.coded(
                Code.LINES_AFTER_SIGNATURE_LEFT_OUT,
                count=len(left),
                short=_short(clean(left[0][1])),
            )
        )
    _check_numbers(file["cases"], body, day, warnings)
    where = f"{doc.kind.value.capitalize()} {body.prefix} {day.strftime('%d.%m.%Y')}"
    where_en = f"{KIND_EN.get(doc.kind, doc.kind.value)} {body.prefix} {day.isoformat()}"
    return ReadResult(
        [file], [Said.of(w).prefixed(where, where_en) for w in warnings], unused=unused
    )


CaseLines = list[tuple[re.Match[str], list[str]]]


def _split(
    doc: Document, lines: list[str], register: Register
) -> tuple[dict[str, str], CaseLines, list[tuple[int, str]], int]:
    """The document's header fields, its cases with their lines, the lines used by neither
    (numbered), and the last case's line number (a PDF's joined lines: as joined)."""
    assert doc.body is not None
    header: dict[str, str] = {}
    cases: CaseLines = []
    last_key = ""
    unused: list[tuple[int, str]] = []
    last_case_at = 0
    for number, line in enumerate(lines, doc.start + 1):
        plain = clean(line)
        case = _CASE.match(plain)
        if case and _is_case_line(case, doc.body, register, cases):
            cases.append((case, []))
            last_case_at = number
            continue
        if cases:
            cases[-1][1].append(line)
            continue
        head = _HEADER.match(plain)
        key = head[1].capitalize() if head else ""
        if head and (head[2] or _bare_label(key, head[3])):
            key = {"Møtested": "Sted", "Tid": "Tidsrom"}.get(key, key)
            header[key] = head[3].strip()
            last_key = key
        elif (
            plain
            and last_key in ("Innkalt", "Kopi", "Til stede", "Forfall")
            and not (re.match(r"^(Saksframlegg|Ingen merknader|Merknad)", plain))
        ):
            header[last_key] += " " + plain  # a list that runs over lines
        elif plain.startswith("Ingen merknader") or plain.startswith("Merknad"):
            header["Merknader"] = plain
            last_key = ""
        else:
            last_key = ""
            if plain and plain != register.organisation:
                unused.append((number, plain))
    return header, cases, unused, last_case_at


def _signed(
    cases: CaseLines, last_case_at: int, register: Register
) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The signature ends the document: who signed (chair, minute taker), and the numbered
    lines after it, which are not a case's (the last case's lines lose them)."""
    if not cases:
        return {}, []
    last = cases[-1][1]
    end = _signature_at(last)
    if end is None:
        return {}, []
    numbered = [(last_case_at + 1 + k, line) for k, line in enumerate(last)
                if k >= end and clean(line)]  # fmt: skip
    rest = [line for _, line in numbered]
    del last[end:]
    signed, used = _signatures(rest, lambda name: register.index.find(name) is not None)
    after = [(n, line) for n, line in numbered[used:] if clean(line).casefold() != "(sign)"]
    return signed, after


def _header_fields(
    file: MeetingData,
    doc: Document,
    header: Mapping[str, str],
    signed: Mapping[str, str],
    register: Register,
    warnings: list[str],
) -> None:
    """The meeting's fields from the header lines (and a protocol's signatures)."""
    minutes = doc.kind in (DocKind.MINUTES, DocKind.PROTOCOL)
    slot = find_slot(header.get("Tidsrom", ""))
    if slot and minutes:
        file["held"] = {"start": slot[0], "end": slot[1]}
    elif slot:
        file["start"], file["end"] = slot
    if header.get("Sted"):
        file["place"] = header["Sted"].rstrip(".")
    everything = " ".join([doc.title, *header.values()]).casefold()
    if "skriftlig saksbehandling" in everything:
        file["mode"] = "skriftlig"
    elif re.search(r"digitalt møte|fjernmøte|teams|videomøte", everything):
        file["mode"] = "fjernmøte"
    file["status"] = "avholdt" if minutes else "innkalt"
    written = find_date(header.get("Dato", ""))
    if written:
        file["minutes_date" if minutes else "notice_date"] = written.isoformat()
    if header.get("Referanse"):
        file["reference"] = header["Referanse"]
    if header.get("Saksbehandler"):
        file["case_officer"] = register.name(header["Saksbehandler"], warnings)
    writer = header.get("Referent") or (signed.get("minute_taker") if minutes else "")
    if writer:  # the minutes are signed by their writer
        file["minute_taker"] = register.name(writer, warnings)
    chair = header.get("Møteleder") or (signed.get("chair") if minutes else "")
    if chair:  # the chair signs on the left
        file["chair"] = register.name(chair, warnings)
    if header.get("Merknader"):
        file["notice_remarks"] = header["Merknader"]
    if not minutes and header.get("Innkalt"):
        file["invited"] = [register.name(n, warnings) for n in _names(header["Innkalt"])]
    if not minutes and header.get("Kopi"):
        file["copy"] = [register.name(n, warnings) for n in _names(header["Kopi"])]


def _meeting_date(
    doc: Document,
    header: Mapping[str, str],
    cases: Sequence[tuple[re.Match[str], list[str]]],
    warnings: list[str],
) -> dt.date | None:
    """The meeting's date from what the document says of it, weighed: the «Tidsrom» (with
    its weekday), the title's date (often copied from the previous notice), that date in the
    cases' year, a protocol's own «Dato»; backed by the cases' year and by a notice's «Dato»
    coming before the meeting. The date most witnesses support wins, and the ones it
    overrules are said; None when none wins (the document is held back)."""
    slot_day = find_date(header.get("Tidsrom", ""))
    title_day = doc.title_date
    written = find_date(header.get("Dato", ""))
    minutes = doc.kind in (DocKind.MINUTES, DocKind.PROTOCOL)
    if title_day is None and re.search(r"\d{1,2}\s*\.\s*\d{1,2}", doc.title):
        warnings.append(Said.coded(Code.DATE_TITLE_NOT_VALID_DATE, title=doc.title))
    written_years = [2000 + int(m["yy"][-2:]) if len(m["yy"]) == 2 else int(m["yy"])
                     for m, _ in cases]  # fmt: skip
    if written_years and title_day:  # the century from the title: 1999's «/99» is not 2099
        century = title_day.year - title_day.year % 100
        written_years = [century + y % 100 for y in written_years]
    # The year most cases are numbered in (one case may carry last year's ending)
    counted = Counter(written_years).most_common()
    years = sorted(y for y, n in counted if n == counted[0][1]) if counted else []
    candidates: dict[dt.date, int] = {}

    def witness(day: dt.date | None, weight: int) -> None:
        if day is not None:
            candidates[day] = candidates.get(day, 0) + weight

    witness(slot_day, 3)
    witness(title_day, 2)
    if minutes:
        witness(written, 1)
    if title_day:
        for year in years:
            with contextlib.suppress(ValueError):
                witness(title_day.replace(year=year), 0)
    if not candidates:
        return None
    for day in list(candidates):
        if years and day.year in years:
            candidates[day] += 2
        if written and not minutes and written <= day <= written + dt.timedelta(days=120):
            candidates[day] += 1  # a notice goes out before its meeting
        if written and minutes and day <= written <= day + dt.timedelta(days=180):
            candidates[day] += 1
    ranked = sorted(candidates.items(), key=lambda item: -item[1])
    day, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == score:  # two dates as well supported: no winner
        tied = " og ".join(f"{d:%d.%m.%Y}" for d, n in ranked if n == score)
        tied_en = " and ".join(str(d) for d, n in ranked if n == score)
        warnings.append(Said.coded(Code.NO_DATE_WINS, tied=tied, tied_en=tied_en))
        return None
    _say_overruled(day, title_day, slot_day, written, years, warnings)
    return day


def _say_overruled(
    day: dt.date,
    title_day: dt.date | None,
    slot_day: dt.date | None,
    written: dt.date | None,
    years: Sequence[int],
    warnings: list[str],
) -> None:
    """Which witnesses the chosen date overrules, and what supports it; or that the cases are
    numbered in another year than the meeting's."""
    overruled: list[tuple[str, str]] = []  # (Norwegian, English)
    if title_day and title_day != day:
        overruled.append((f"tittelens {title_day:%d.%m.%Y}", f"the title's {title_day}"))
    if slot_day and slot_day != day:
        overruled.append((f"tidsrommets {slot_day:%d.%m.%Y}", f"the time slot's {slot_day}"))
    support: list[tuple[str, str]] = []
    shown_years = ", /".join(f"{y % 100:02d}" for y in years)
    if years and day.year in years:
        support.append((f"sakene /{shown_years}", f"the cases /{shown_years}"))
    if written:
        support.append((f"Dato {written:%d.%m.%Y}", f"Dato {written}"))
    if overruled:
        no = " og ".join(o for o, _ in overruled)
        en = " and ".join(e for _, e in overruled)
        if support:
            no += " passer ikke med " + " og ".join(o for o, _ in support)
            en += " do not agree with " + " and ".join(e for _, e in support)
        warnings.append(Said.coded(Code.MEETING_PUT, no=no, day=day, en=en))
    elif years and day.year not in years:
        warnings.append(
            Said.coded(Code.CASE_NUMBERS_ARE_FROM_MEETING, shown_years=shown_years, year=day.year)
        )


def _names(text: str) -> list[str]:
    text = re.sub(r"\s+og\s+", ", ", text.strip().rstrip("."))
    return [n.strip() for n in re.split(r"[,;]", text) if n.strip()]


def _attendance(
    header: Mapping[str, str], body: Body, register: Register, warnings: list[str]
) -> list[AttendanceData]:
    rows: list[AttendanceData] = []
    members = register.members.get(body.id or 0, set())
    copies = register.copies.get(body.id or 0, set())
    for key, status in (("Til stede", "til_stede"), ("Forfall", "forfall")):
        for written in _names(header.get(key, "")):
            notes = re.findall(r"\(([^)]*)\)", written)
            name = re.sub(r"\([^)]*\)", "", written).strip()
            row: AttendanceData = {"name": register.name(name, warnings), "status": status}
            for note in notes:
                if "digital" in note.casefold():
                    row["status"] = "digitalt"
                vara = re.match(r"(?i)vara\s+for\s+(.+)", note.strip())
                if vara:
                    row["substitute_for"] = register.name(vara[1], warnings)
            if row["name"] in copies and row["name"] not in members:
                row["role"] = "sekretariat"
            rows.append(row)
    return rows


def _kind(title: str) -> str:
    lower = title.casefold()
    # «Referat fra …», «Protokoll TR-møte 16.12.2022» (TR Desk's own), «Godkjenning av
    # (innkalling og) referat/protokoll …»: the case that approves earlier minutes
    if re.match(r"^(godkjenning av\s+(innkalling\s+og\s+)?)?(referat|protokoll)\b", lower):
        return "godkjenning"
    if lower.startswith("saker til neste møte"):
        return "neste_møte"
    if lower.rstrip(".:") == "orienteringer" or lower.startswith("orienteringssaker"):
        return "orienteringer"
    if "eventuelt" in lower and len(lower) < 30:
        return "eventuelt"
    return "ordinær"


def _case(
    match: re.Match[str],
    lines: list[str],
    doc: Document,
    minutes: bool,
    register: Register,
    warnings: list[str],
    body: Body,
    day: dt.date,
) -> CaseData:
    """One case: its number (as printed when it is this meeting's, else read as this
    meeting's and said), title, and the sections of its text."""
    number = _case_number(match, body, day, warnings)
    title, body_lines = _case_title(match, lines)
    case: dict[str, Any] = {"number": number, "title": title, "kind": _kind(title)}
    follows = re.search(r"oppfølging (?:fra|av) (?:sak )?([A-ZÆØÅ]{2,3}(?:-sak)? ?\d{1,3}/\d{2})",
                        title, re.IGNORECASE)  # fmt: skip
    if follows:
        case["follows"] = follows[1].replace("-sak", "")
    sections, attachments = _sections(
        _strip_signature(body_lines), case, minutes, register, warnings
    )
    for key in ("text", "proposal", "resolution", "notes", "introduction"):
        text = markdown(sections.get(key, []))
        if text and text.strip(" .-–•"):
            case[key] = text
    if attachments:
        case["attachments"] = attachments
    if case["kind"] == "ordinær" and re.search(r"for diskusjon\b", case.get("proposal", "")):
        case["kind"] = "diskusjon"
    if minutes:
        _outcome(case, sections)
    return cast("CaseData", case)  # built key by key; the write reads it strictly


def _case_title(match: re.Match[str], lines: list[str]) -> tuple[str, list[str]]:
    """The case's title (on the number's line, or the line after it) and the lines after."""
    title_lines = [match["title"]] if match["title"] else []
    body_lines = list(lines)
    if not title_lines:  # the title on the line after the number
        while body_lines and not clean(body_lines[0]):
            body_lines.pop(0)
        if body_lines and not _structural(clean(body_lines[0])):
            title_lines = [clean(body_lines.pop(0))]
    title = normal_dates(clean(" ".join(title_lines))).rstrip(" :")  # a closing stop kept
    return title, body_lines


def _sections(
    lines: list[str],
    case: dict[str, Any],
    minutes: bool,
    register: Register,
    warnings: list[str],
) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """The case's lines by section (text, proposal, resolution, notes, introduction) and its
    attachments; who presented and introduced it, and what it follows, go on ``case``."""
    sections: dict[str, list[str]] = {}
    attachments: list[dict[str, Any]] = []
    current = ""
    for line in lines:
        plain = clean(line)
        section = _SECTION.match(plain)
        attachment = _ATTACHMENT.match(plain)
        if attachment and current in ("", "text", "notes", "introduction"):
            attachments.append({"title": normal_dates(attachment[2]).rstrip(" ."), "file": None})
            continue
        if section:
            current = {
                "sak": "text", "saksopplysninger": "text", "saksframstilling": "text",
                "forslag til vedtak": "proposal",
                "innstilling": "proposal", "vedtak": "resolution", "fra møtet": "notes",
            }[section[1].casefold()]  # fmt: skip
            sections.setdefault(current, [])
            if section[2]:
                sections[current].append(_after_label(line))
            continue
        # «X innledet/orienterte om …» opens the case's minutes, or a paragraph of them after
        # a line of background: X introduced the case
        intro = (
            _INTRO.match(plain)
            if minutes and "introduced_by" not in case and current in ("", "notes")
            else None
        )
        who = intro["who"].strip().rstrip(",") if intro else ""
        if intro and len(who.split()) <= (12 if current == "" else 5) and who[:1].isupper():
            case["introduced_by"] = who
            tail = intro["tail"].strip()
            if tail and tail.casefold() not in ("saken", "kort", "om saken"):
                # what was presented stays: «Orienterte om status i prosjektet.»
                said = f"{intro['verb'].capitalize()} {tail}{intro['stop'] or '.'}"
                sections.setdefault("introduction", []).append(said)
            if intro["rest"]:
                sections.setdefault("introduction", []).append(intro["rest"])
            current = "introduction"
            continue
        if current == "":
            presenter = _PRESENTER.match(plain)
            follows_line = _FOLLOWS.match(plain)
            if presenter:
                case["presenter"] = register.name(presenter[1], warnings)
                continue
            if follows_line:
                case["follows"] = follows_line[1]
                continue
            if not plain and not sections:
                continue
            current = "notes" if minutes else "text"
            sections.setdefault(current, [])
        if current == "introduction" and not plain:
            current = "introduction"
        sections.setdefault(current, []).append(line)
    return sections, attachments


def _outcome(case: dict[str, Any], sections: Mapping[str, list[str]]) -> None:
    """What the minutes say became of the case: postponed, withdrawn or dealt with, and a
    unanimous vote."""
    said = " ".join([*sections.get("notes", []), *sections.get("resolution", [])]).casefold()
    if (
        re.search(r"\bsaken (?:ble )?utsatt\b|\bsaken utsettes\b", said)
        and case["kind"] == "ordinær"
    ):
        case["outcome"] = "utsatt"
    elif re.search(r"\bsaken (?:ble )?trukket\b", said):
        case["outcome"] = "trukket"
    else:
        case["outcome"] = "behandlet"
    vote = re.search(r"\b(enstemmig(?: vedtatt)?|vedtatt mot \d+ stemmer[^.]*)", said)
    if vote and vote[1].startswith("enstemmig"):
        case["vote"] = "enstemmig"


def _bare_label(key: str, rest: str) -> bool:
    """A header label written without its colon: a list's, or a date's or time's with
    digits after it («Dato 02.03.2020», «Til stede Bård Eidet, …»)."""
    if key in ("Kopi", "Innkalt", "Til stede", "Forfall"):
        return key in ("Kopi", "Innkalt") or bool(rest.strip())
    return key in ("Dato", "Tidsrom", "Tid") and bool(re.search(r"\d", rest))


def _is_case_line(
    match: re.Match[str],
    body: Body,
    register: Register,
    cases: Sequence[tuple[re.Match[str], list[str]]],
) -> bool:
    """Whether a line that starts with a case number starts a case of this meeting: one of
    the body's own prefixes (now or earlier); or, in the run of the meeting's cases, the next
    number under another body's prefix or a mistyped one (a case copied from the body that
    sent it, «KF 12/19» in Arbeidsutvalget's list) — never merged into the case before."""
    if register.body_of_prefix(match["prefix"]) is body:
        return True
    if not cases:
        return False
    previous = int(cases[-1][0]["num"])
    return int(match["num"]) == previous + 1


def _case_number(match: re.Match[str], body: Body, day: dt.date, warnings: list[str]) -> str:
    """The number as printed when it is this meeting's; another body's prefix or another
    year is read as this meeting's («skrevet KF 12/19, tolket som AU 12/20»)."""
    printed = f"{match['prefix']} {int(match['num']):02d}/{match['yy'][-2:]}"
    prefix = (
        match["prefix"]
        if match["prefix"] in {body.prefix, *body.former_prefixes}
        else (body.prefix)
    )
    number = f"{prefix} {int(match['num']):02d}/{day.year % 100:02d}"
    if number != printed:
        warnings.append(Said.coded(Code.PRINTED_READ_AS, printed=printed, number=number))
    return number


def _after_label(line: str) -> str:
    """The text after «Vedtak:» on the same line, its emphasis kept."""
    plain_label = re.match(r"^[\s#*_]*[A-Za-zæøåÆØÅ ]+?[*_]*\s*:\s*[*_]*\s*", line)
    rest = line[plain_label.end() :] if plain_label else line
    return rest if clean(rest) else ""


def _check_numbers(cases: Sequence[Mapping[str, Any]], body: Body, day: dt.date,
                   warnings: list[str]) -> None:  # fmt: skip
    """Numbers are kept as printed; gaps, duplicates and disorder are said, not mended."""
    numbers = [int(c["number"].split()[1].split("/")[0]) for c in cases]
    prefix = cases[0]["number"].split()[0] if cases else body.prefix
    seen: set[int] = set()
    for previous, number in zip([None, *numbers], numbers, strict=False):
        if number in seen:
            warnings.append(
                Said.coded(Code.CASE_NUMBER_APPEARS_TWICE, prefix=prefix, number=number)
            )
        elif previous is not None and number < previous:
            warnings.append(
                Said.coded(Code.COMES_AFTER, prefix=prefix, number=number, previous=previous)
            )
        elif previous is not None and number > previous + 1:
            warnings.append(
                Said.coded(Code.GAP_NUMBERING_BETWEEN, previous=previous, number=number)
            )
        seen.add(number)
