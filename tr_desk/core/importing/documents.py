"""A file's lines split into documents at their titles (a wrapped title joined), each read
(a plan line by line)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from tr_desk.core.importing.cases import _read
from tr_desk.core.importing.merging import merge_all
from tr_desk.core.importing.shapes import Document, ReadResult, Register, _held
from tr_desk.core.importing.text import (
    _PLAN_LINE,
    _TITLE,
    _TITLE_ALONE,
    MONTHS,
    TITLE_WORDS,
    DocKind,
    Said,
    _structural,
    clean,
    find_date,
    find_slot,
)
from tr_desk.core.meeting_data import MeetingData
from tr_desk.core.messages import Code


def split_documents(lines: Sequence[str], register: Register) -> tuple[list[Document], list[str]]:
    """Documents at each title line; lines before the first title are reported."""
    documents: list[Document] = []
    before: list[tuple[int, str]] = []
    lines = _joined_titles(lines, register)
    for number, line in enumerate(lines, 1):
        plain = clean(line)
        match = _TITLE.match(plain) if len(plain) < 140 else None
        kind = TITLE_WORDS.get(match[1].upper()) if match else None
        # A title is written in capitals (all the seeds' and TR Desk's are); «Saksliste,
        # Kommunedirektørforum 02.12.2022» counts too, a sentence «Referat fra …» does not.
        if (
            match
            and kind is not None
            and (
                match[1].isupper()
                or (
                    re.match(r"^\w+\s*[,:–]", plain)
                    and register.body_in(match[2])
                    and (find_date(match[2]) or kind is DocKind.PLAN)
                )
            )
        ):
            rest = match[2]
            year = re.search(r"\b(\d{4})\b", rest)
            documents.append(
                Document(
                    kind,
                    plain,
                    [],
                    register.body_in(rest),
                    find_date(rest),
                    int(year[1]) if year else None,
                    number,
                )
            )
        elif documents:
            documents[-1].lines.append(line)
        elif plain and plain != register.organisation:
            before.append((number, plain))
    warnings: list[str] = []
    if before and not documents:
        warnings.append(Said.coded(Code.NO_NOTICE_MINUTES_PROTOCOL_MEETING))
    elif before:
        warnings.append(Said.coded(Code.LINES_BEFORE_FIRST_DOCUMENT_LEFT, count=len(before)))
    if before and documents:  # every line ends somewhere: these in the first one's «not used»
        documents[0].before = before
    return documents, warnings


def _joined_titles(lines: Sequence[str], register: Register) -> list[str]:
    """A title in a large font wraps (in Word, and so in its PDF): «INNKALLING,
    KOMMUNEDIREKTØRFORUM –» over «02.12.2022», or the word alone over the body and date. The
    title line is joined with the short lines after it (at most three) that hold what it
    lacks: the body, the date (a plan's year); the lines it took are left empty."""
    out = list(lines)
    i = -1
    while i + 1 < len(out):
        i += 1
        plain = clean(out[i])
        alone = _TITLE_ALONE.match(plain)
        match = alone or (_TITLE.match(plain) if len(plain) < 140 else None)
        if match is None or not match[1].isupper():
            continue
        plan = match[1].upper() == "MØTEPLAN"

        def complete(title: str, plan: bool = plan) -> bool:
            if plan:  # a plan is the organisation's: its year is what it needs
                return re.search(r"\b\d{4}\b", title) is not None
            return register.body_in(title) is not None and find_date(title) is not None

        j = i + 1
        while not complete(plain) and j < len(out) and j <= i + 3:
            following = clean(out[j])
            if not following:
                j += 1
                continue
            known = (  # the body, a date, or the rest of one («desember 2015»)
                register.body_in(following) or find_date(following)
                or re.search(r"\b(1[89]|2[01])\d{2}\b", following)
                or re.match(r"(?i)(" + "|".join(MONTHS) + r")\b", following)
                or re.fullmatch(r"[–—-]", following)  # the dash before the date, alone
            )  # fmt: skip
            if (
                len(following) > 80
                or _structural(following)
                or _PLAN_LINE.match(following)
                or not (known or re.fullmatch(r"\d{4}", following))
            ):
                break
            plain = (
                f"{plain} {following}"
                if not alone or plain.endswith(",")
                else (f"{plain}, {following}")
            )
            alone = None
            out[i] = plain
            out[i + 1 : j + 1] = [""] * (j - i)  # emptied, not removed: line numbers hold
            j += 1
    return out


def read_document(doc: Document, register: Register, *, wrapped: bool = False) -> ReadResult:
    result = (
        _read_plan(doc, register) if doc.kind is DocKind.PLAN else _read(doc, register, wrapped)
    )
    result.kind, result.title = doc.kind.value, doc.title
    result.unused = sorted([*doc.before, *result.unused])
    return result


def _read_plan(doc: Document, register: Register) -> ReadResult:
    """«Kommunedirektørforum: Fredag 03.06 kl 0830-1130» a line: a planned meeting each."""
    files: list[MeetingData] = []
    warnings: list[str] = []
    year = doc.year
    if year is None:
        return _held(Said.coded(Code.NO_YEAR_FOUND_TITLE))
    unused: list[tuple[int, str]] = []
    for number, line in enumerate(doc.lines, doc.start + 1):
        plain = clean(line)
        match = _PLAN_LINE.match(plain)
        if not match:
            if plain and plain != register.organisation:
                unused.append((number, plain))
            continue
        body = register.body_in(match["body"])
        if body is None:
            warnings.append(Said.coded(Code.MEETING_PLAN_UNKNOWN_BODY, year=year, plain=plain))
            continue
        try:
            day = dt.date(int(match["year"] or year), int(match["month"]), int(match["day"]))
        except ValueError:
            warnings.append(Said.coded(Code.MEETING_PLAN_NOT_DATE, year=year, plain=plain))
            continue
        written = re.match(r"^[^:]+:\s*([A-Za-zæøå]+)", plain)
        weekday = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")[
            day.weekday()
        ]
        if written and written[1].casefold() in {"mandag", "tirsdag", "onsdag", "torsdag",
                                                 "fredag", "lørdag", "søndag"} and (
            written[1].casefold() != weekday
        ):  # fmt: skip
            warnings.append(
                Said.coded(
                    Code.MEETING_PLAN,
                    year=year,
                    plain=plain,
                    strftime=day.strftime("%d.%m.%Y"),
                    weekday=weekday,
                    isoformat=day.isoformat(),
                    strftime2=day.strftime("%A"),
                )
            )
        file: MeetingData = {"body": body.prefix, "date": day.isoformat(), "status": "planlagt"}
        slot = find_slot(match["slot"] or "")
        if slot:
            file["start"], file["end"] = slot
        elif body.start and body.end:  # as «plan add»: the body's usual hours and place
            file["start"], file["end"] = f"{body.start:%H:%M}", f"{body.end:%H:%M}"
        if body.place:
            file["place"] = body.place
        note = match["note"].strip(" .()–-")
        if note:
            file["note"] = note
        files.append(file)
    if not files:
        warnings.append(Said.coded(Code.MEETING_PLAN_NO_MEETINGS_FOUND, year=year))
    return ReadResult(files, warnings, unused=unused)


def read_documents(
    lines: Sequence[str], register: Register, *, wrapped: bool = False
) -> tuple[list[ReadResult], list[str]]:
    """Each document the lines of one file hold, read; and what was unclear in the file."""
    documents, warnings = split_documents(lines, register)
    return [read_document(d, register, wrapped=wrapped) for d in documents], warnings


def read_lines(
    lines: Sequence[str], register: Register, *, wrapped: bool = False
) -> tuple[list[MeetingData], list[str]]:
    """Every meeting the lines of one file describe, merged by body and date, and what was
    unclear."""
    documents, warnings = read_documents(lines, register, wrapped=wrapped)
    merged, differences = merge_all(f for d in documents for f in d.files)
    return merged, [*warnings, *(w for d in documents for w in d.warnings), *differences]
