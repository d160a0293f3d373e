"""Reading the years before TR Desk: old notices, minutes and plans, as text, into meetings.

The readers (``documents/readers.py``) turn a Word file, a PDF or a text file into lines of
light Markdown (``**bold**``, ``*italic*``, ``- `` lists, ``|`` tables), the form of the seeds.
Here those lines are split into documents at each title line, each document is recognised
(notice, minutes, plan; body, date) and read into meeting files (DESIGN.md §6) — the shared
interface that ``tr-desk load`` reads — with a warning for everything that was unclear. The
notice and the minutes of one meeting become one meeting (``merge_files``). No I/O here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tr_desk.core.model import Body, Person
from tr_desk.core.names import NameIndex

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")  # fmt: skip


class DocKind(StrEnum):
    NOTICE = "innkalling"
    EXTRA_NOTICE = "tilleggsinnkalling"
    AGENDA = "saksliste"
    MINUTES = "referat"
    PROTOCOL = "protokoll"
    PLAN = "møteplan"


TITLE_WORDS = {
    "INNKALLING": DocKind.NOTICE, "REVIDERT INNKALLING": DocKind.NOTICE,
    "TILLEGGSINNKALLING": DocKind.EXTRA_NOTICE, "SAKSLISTE": DocKind.AGENDA,
    "REFERAT": DocKind.MINUTES, "PROTOKOLL": DocKind.PROTOCOL, "MØTEPLAN": DocKind.PLAN,
}  # fmt: skip
_TITLE = re.compile(
    r"^(REVIDERT INNKALLING|TILLEGGSINNKALLING|INNKALLING|SAKSLISTE|REFERAT|PROTOKOLL|MØTEPLAN)"
    r"(?:\s*[,:–]\s*|\s+-\s+|\s+)(.*)$",
    re.IGNORECASE,
)
_DATE = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?\s*(\d{4})")
_LONG_DATE = re.compile(r"(\d{1,2})\s*\.?\s*(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_SLOT = re.compile(r"(\d{1,2})[:.]?(\d{2})\s*[-–]\s*(\d{1,2})[:.]?(\d{2})")
_CASE = re.compile(
    r"^(?P<prefix>[A-ZÆØÅ]{2,3})\s*-?\s*(?P<num>\d{1,3})\s*/\s*(?P<yy>\d{2}|\d{4})\b[.:]?\s*"
    r"(?P<title>.*)$"
)
_REF = re.compile(r"\b([A-ZÆØÅ]{2,3})(?:-sak)?\s*(\d{1,3})\s*/\s*(\d{2})\b")
_HEADER = re.compile(
    r"^(Saksbehandler|Referanse|Dato|Sted|Møtested|Tidsrom|Tid|Innkalt|Kopi|Til stede|"
    r"Forfall|Referent|Møteleder)\b\s*(:)?\s*(.*)$",
    re.IGNORECASE,
)
# A section's label with a colon and text after it, or alone on its line with or without
# one («Vedtak», «**Forslag til vedtak:**»): the label never stays in the text.
_SECTION = re.compile(
    r"^(Sak|Saksopplysninger|Saksframstilling|Forslag til vedtak|Innstilling|Vedtak|"
    r"Fra møtet)\s*(?::\s*(.*)|\.?\s*()$)",
    re.IGNORECASE,
)
_ATTACHMENT = re.compile(r"^Vedlegg\s*(\d+)\s*[:.–-]\s*(.+)$", re.IGNORECASE)
# «Bård Eidet innledet.», «Esther Balvers presenterte saken:», «Ola Nordmann orienterte om
# status i prosjektet. Det ble …»: the person, the verb, the rest of the sentence, the rest.
_INTRO = re.compile(
    r"^(?P<who>[^.:]{3,90}?),?\s+(?P<verb>innledet|presenterte|orienterte)\b(?P<tail>[^.:]*)"
    r"(?P<stop>[.:]?)\s*(?P<rest>.*)$"
)
_PRESENTER = re.compile(r"^Presenteres av\s+(.+?)\.?$", re.IGNORECASE)
_FOLLOWS = re.compile(r"^Oppfølging av sak\s+(.+?)\.?$", re.IGNORECASE)
_LIST_KEYS = ("Innkalt", "Kopi", "Til stede", "Forfall")
_PAGE = re.compile(r"^Side \d+ av \d+$")
_SIGN_TITLES = {
    "daglig leder", "møteleder", "leder", "nestleder", "referent", "sekretær", "ordfører",
    "styreleder", "(sign)",
}  # fmt: skip
_PLAN_LINE = re.compile(
    r"^(?P<body>[A-Za-zÆØÅæøå ]+?)\s*:\s*(?:[A-Za-zæøå]+\s+)?(?P<day>\d{1,2})\.(?P<month>\d{1,2})"
    r"\.?(?P<year>\d{4})?(?:\s+kl\.?\s*(?P<slot>\d{3,4}\s*[-–]\s*\d{3,4}))?\s*(?P<note>.*)$"
)


def clean(line: str) -> str:
    """The plain text of a line of light Markdown: no heading marks, emphasis or rules."""
    text = line.replace("\t", " ").replace("\u00a0", " ")
    text = re.sub(r"^\s*#+\s*", "", text)
    text = re.sub(r"<[^<>]+>", "", text)  # not [^>]: a line of «<» would take quadratic time
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return "" if re.fullmatch(r"[-–_*=]{3,}", text) else text


# A list item as written: «- », «• », «– », Word's Symbol and Wingdings bullets (U+F0B7,
# U+F0A7), «o », «▪ », or a number «1. » / «1) » / «a) ».
_BULLET = re.compile(r"^[-•–\uf0b7\uf0a7\uf076\uf0d8▪◦·o]\s+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+(?=\S)")


def markdown(lines: Sequence[str]) -> str:
    """Lines of a field as the Markdown TR Desk stores: emphasis of whole lines dropped (the
    documents print proposals and resolutions in italics themselves); lists kept as lists
    (bullets of every kind as «- », numbers as «1. », nesting by indentation); tables kept,
    and lines of tab-separated cells made a table."""
    out: list[str] = []
    rows: list[list[str]] = []
    for line in [*lines, ""]:
        cells = [c.strip() for c in line.strip("\n").split("\t")]
        bulleted = _BULLET.match(line.strip().replace("\t", " ", 1))
        if "\t" in line.strip() and len([c for c in cells if c]) >= 2 and not bulleted:
            rows.append([clean(c).replace("|", "/") for c in cells])
            continue
        if rows:
            out += _tab_table(rows)
            rows = []
        text = line.replace("\t", " ").rstrip()
        stripped = text.strip()
        if stripped.startswith("|"):
            out.append(stripped)
            continue
        indent = "    " * ((len(text) - len(text.lstrip(" "))) // 4)
        plain = clean(text)
        bullet = _BULLET.match(plain)
        number = _NUMBERED.match(plain) if not bullet else None
        if bullet and (plain[0] != "o" or len(plain) > 2):
            plain = indent + "- " + plain[bullet.end() :]
        elif number and number[1].isdigit():
            plain = indent + number[1] + ". " + plain[number.end() :]
        elif number:  # «a) …»: Markdown numbers with digits only; the letter stays
            plain = indent + "- " + plain
        out.append(plain)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    text = normal_dates("\n".join(out))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _tab_table(rows: list[list[str]]) -> list[str]:
    """Tab-separated lines as a Markdown table; the first row its header only when it looks
    like one (short cells, no digits), else an empty header above it."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    first = rows[0]
    header = all(c and len(c) <= 30 and not re.search(r"\d", c) for c in first) and len(rows) > 1
    head, body = (first, rows[1:]) if header else ([""] * width, rows)
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * width]
    return [*lines, *("| " + " | ".join(r) + " |" for r in body), ""]


def normal_dates(text: str) -> str:
    """«17.03 2022», «03.06. 2022» → «17.03.2022»: one date style (DESIGN.md §3)."""
    return _DATE.sub(lambda m: f"{int(m[1]):02d}.{int(m[2]):02d}.{m[3]}", text)


def find_date(text: str) -> dt.date | None:
    """The first real date in ``text``: «03.06. 2022», «16.09 2022» or «3. juni 2022»."""
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            continue
    for match in _LONG_DATE.finditer(text):
        try:
            return dt.date(int(match[3]), MONTHS.index(match[2].lower()) + 1, int(match[1]))
        except ValueError:
            continue
    return None


def find_slot(text: str) -> tuple[str, str] | None:
    match = _SLOT.search(text)
    if not match:
        return None
    start = f"{int(match[1]):02d}:{match[2]}"
    end = f"{int(match[3]):02d}:{match[4]}"
    return (start, end) if "00:00" <= start <= "23:59" and "00:00" <= end <= "23:59" else None


@dataclass
class Register:
    """What the import needs of the register: bodies and people, and per body who is a member
    and who is on the copy list (the secretariat), by name."""

    bodies: Sequence[Body]
    people: Sequence[Person]
    members: Mapping[int, set[str]] = field(default_factory=dict)
    copies: Mapping[int, set[str]] = field(default_factory=dict)
    organisation: str = "Trondheimsregionen"  # the letterhead: not a line of any document

    def __post_init__(self) -> None:
        self.index = NameIndex(self.people)

    def body_in(self, text: str) -> Body | None:
        """The body a title names: by name, an earlier name, or its (earlier) prefix."""
        folded = text.casefold()
        for body in self.bodies:
            names = [body.name, *body.former_names]
            if any(name.casefold() in folded for name in names if name):
                return body
        words = set(re.findall(r"[A-ZÆØÅ]{2,3}", text))
        return next((b for b in self.bodies if {b.prefix, *b.former_prefixes} & words), None)

    def body_of_prefix(self, prefix: str) -> Body | None:
        return next((b for b in self.bodies if prefix in {b.prefix, *b.former_prefixes}), None)

    def name(self, written: str, warnings: list[str]) -> str:
        """The register's spelling of a name: exact or a variant, else a close match (said),
        else as written (said)."""
        written = " ".join(written.split()).strip(" .,;")
        found = self.index.find(written)
        if found is not None:
            return found.name
        from rapidfuzz import fuzz, process, utils

        names = {p.name: p.name for p in self.people}
        for person in self.people:
            for alias in person.aliases:
                names[alias] = person.name
        best = process.extract(
            written, list(names), scorer=fuzz.WRatio, processor=utils.default_process, limit=2
        )
        if best and best[0][1] >= 90 and (len(best) == 1 or best[1][1] < best[0][1] - 3):
            canonical = names[best[0][0]]
            warnings.append(
                Said(
                    f"«{_short(written)}» tolket som {canonical}",
                    f"{_short(written)!r} read as {canonical}",
                )
            )
            return canonical
        warnings.append(
            Said(
                f"«{_short(written)}» er ikke i personregisteret",
                f"{_short(written)!r} is not in the register",
            )
        )
        return written


@dataclass
class Document:
    """One document found in a file: its kind, title line, and the lines after it."""

    kind: DocKind
    title: str
    lines: list[str]
    body: Body | None = None
    title_date: dt.date | None = None
    year: int | None = None
    start: int = 0  # the title's line number in the file (1-based)
    before: list[tuple[int, str]] = field(default_factory=list)  # the file's lines before it


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
        warnings.append(
            Said(
                "Fant ingen innkalling, referat, protokoll eller møteplan i filen.",
                "no notice, minutes, protocol or meeting plan found in the file",
            )
        )
    elif before:
        warnings.append(
            Said(
                f"{len(before)} linjer før første dokument er ikke tatt med.",
                f"{len(before)} lines before the first document left out",
            )
        )
    if before and documents:  # every line ends somewhere: these in the first one's «not used»
        documents[0].before = before
    return documents, warnings


_TITLE_ALONE = re.compile(
    r"^(REVIDERT INNKALLING|TILLEGGSINNKALLING|INNKALLING|SAKSLISTE|REFERAT|PROTOKOLL|MØTEPLAN)"
    r"\s*[,:–-]?$"
)


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
        if _bold(line) or (out and _bold(out[-1])):
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


def _bold(line: str) -> bool:
    """A line in bold as a whole («**Vedlegg 2: Prosjektbeskrivelse**»): a heading."""
    text = line.strip()
    return (
        len(text) > 4 and text.startswith("**") and text.endswith("**") and "**" not in text[2:-2]
    )


def _structural(plain: str) -> bool:
    return bool(
        _CASE.match(plain) or _HEADER.match(plain) or _SECTION.match(plain)
        or _ATTACHMENT.match(plain) or _TITLE.match(plain)
    )  # fmt: skip


class Said(str):
    """A warning: the Norwegian text (the window's) that also carries ``english`` for the
    command line."""

    english: str

    def __new__(cls, norwegian: str, english: str = "") -> Said:
        said = super().__new__(cls, norwegian)
        said.english = english or norwegian
        return said

    def __reduce__(self) -> tuple[Any, ...]:  # to the window from its worker process
        return (Said, (str(self), self.english))

    @classmethod
    def of(cls, text: str) -> Said:
        return text if isinstance(text, Said) else Said(text)

    def prefixed(self, norwegian: str, english: str = "") -> Said:
        return Said(f"{norwegian}: {self}", f"{english or norwegian}: {self.english}")


def line_ranges(numbers: Sequence[int], most: int = 12) -> str:
    """«3, 7–9, 12»: line numbers as runs, at most ``most`` of them («…» for the rest)."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:most])
    return shown + (", …" if len(runs) > most else "")


def unused_said(result: ReadResult) -> Said | None:
    """What a document left unused, as a warning naming its lines; None when every line was
    taken."""
    if not result.unused:
        return None
    count = len(result.unused)
    where = line_ranges([n for n, _ in result.unused])
    return Said(
        f"{count} {'linje' if count == 1 else 'linjer'} ikke brukt ({where})",
        f"{count} line{'' if count == 1 else 's'} not used ({where})",
    )


def english(text: str) -> str:
    """The command line's words for a warning."""
    return text.english if isinstance(text, Said) else text


KIND_EN = {"innkalling": "notice", "referat": "minutes", "protokoll": "minutes",
           "møteplan": "meeting plan", "saksliste": "agenda",
           "tilleggsinnkalling": "supplementary notice"}  # fmt: skip


@dataclass
class ReadResult:
    """What one document gave: meeting files (DESIGN.md §6; a plan gives several, a document
    that could not be placed none) and what was unclear."""

    files: list[dict[str, Any]]
    warnings: list[str]
    kind: str = ""
    title: str = ""
    held_back: str = ""  # why the document could not be placed (no body, no date): a Said
    # The lines no field took (line number in the file, text): every line ends somewhere.
    unused: list[tuple[int, str]] = field(default_factory=list)


def _held(reason: Said, warnings: Sequence[str] = ()) -> ReadResult:
    """A document that cannot be placed: no meeting, the reason, what else was unclear."""
    return ReadResult([], list(warnings), held_back=reason)


def read_document(doc: Document, register: Register, *, wrapped: bool = False) -> ReadResult:
    result = (
        _read_plan(doc, register) if doc.kind is DocKind.PLAN else _read(doc, register, wrapped)
    )
    result.kind, result.title = doc.kind.value, doc.title
    result.unused = sorted([*doc.before, *result.unused])
    return result


def _read(doc: Document, register: Register, wrapped: bool) -> ReadResult:
    warnings: list[str] = []
    if doc.body is None:
        return _held(Said("fant ikke organet i tittelen", "no body found in the title"))
    body = doc.body
    lines = _join_wrapped(doc.lines) if wrapped else list(doc.lines)
    header: dict[str, str] = {}
    cases: list[tuple[re.Match[str], list[str]]] = []
    last_key = ""
    unused: list[tuple[int, str]] = []
    last_case_at = 0  # the last case's line number (a PDF's joined lines: as joined)
    for number, line in enumerate(lines, doc.start + 1):
        plain = clean(line)
        case = _CASE.match(plain)
        if case and _is_case_line(case, body, register, cases):
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
    signed: dict[str, str] = {}
    after_signature: list[tuple[int, str]] = []
    if cases:  # the signature ends the document: what follows is not a case's
        last = cases[-1][1]
        end = _signature_at(last)
        if end is not None:
            numbered = [(last_case_at + 1 + k, line) for k, line in enumerate(last)
                        if k >= end and clean(line)]  # fmt: skip
            rest = [line for _, line in numbered]
            del last[end:]
            signed, used = _signatures(rest, lambda name: register.index.find(name) is not None)
            after_signature = [(n, line) for n, line in numbered[used:]
                               if clean(line).casefold() != "(sign)"]  # fmt: skip
    minutes = doc.kind in (DocKind.MINUTES, DocKind.PROTOCOL)
    file: dict[str, Any] = {"body": body.prefix}
    day = _meeting_date(doc, header, cases, warnings)
    if day is None:
        return _held(Said("fant ikke møtedatoen", "no meeting date found"), warnings)
    file["date"] = day.isoformat()
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
    if header.get("Referent"):
        file["minute_taker"] = register.name(header["Referent"], warnings)
    elif minutes and signed.get("minute_taker"):  # the minutes are signed by their writer
        file["minute_taker"] = register.name(signed["minute_taker"], warnings)
    if header.get("Møteleder"):
        file["chair"] = register.name(header["Møteleder"], warnings)
    elif minutes and signed.get("chair"):  # the chair signs on the left
        file["chair"] = register.name(signed["chair"], warnings)
    if header.get("Merknader"):
        file["notice_remarks"] = header["Merknader"]
    if not minutes:
        for key, target in (("Innkalt", "invited"), ("Kopi", "copy")):
            if header.get(key):
                file[target] = [register.name(n, warnings) for n in _names(header[key])]
    else:
        file["attendance"] = _attendance(header, body, register, warnings)
    file["cases"] = [_case(m, case_lines, doc, minutes, register, warnings, body, day)
                     for m, case_lines in cases]  # fmt: skip
    left = _attachment_texts(file["cases"], after_signature, warnings)
    unused += [(n, clean(line)) for n, line in left]
    if left:
        warnings.append(
            Said(
                f"{len(left)} linjer etter signaturen er ikke tatt med "
                f"(fra «{_short(clean(left[0][1]))}»)",
                f"{len(left)} lines after the signature left out "
                f"(from {_short(clean(left[0][1]))!r})",
            )
        )
    _check_numbers(file["cases"], body, day, warnings)
    where = f"{doc.kind.value.capitalize()} {body.prefix} {day.strftime('%d.%m.%Y')}"
    where_en = f"{KIND_EN.get(doc.kind, doc.kind.value)} {body.prefix} {day.isoformat()}"
    return ReadResult(
        [file], [Said.of(w).prefixed(where, where_en) for w in warnings], unused=unused
    )


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
        warnings.append(
            Said(
                f"datoen i tittelen «{doc.title}» er ikke en gyldig dato",
                f"the date in the title {doc.title!r} is not a valid date",
            )
        )
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
        warnings.append(
            Said(f"ingen dato vinner: {tied} støttes like godt", f"no date wins: {tied_en}")
        )
        return None
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
        warnings.append(
            Said(f"{no}: møtet satt til {day:%d.%m.%Y}", f"{en}: the meeting is put on {day}")
        )
    elif years and day.year not in years:
        warnings.append(
            Said(
                f"saksnumrene er fra /{shown_years}, møtet fra {day.year}",
                f"the case numbers are from /{shown_years}, the meeting from {day.year}",
            )
        )
    return day


def _names(text: str) -> list[str]:
    text = re.sub(r"\s+og\s+", ", ", text.strip().rstrip("."))
    return [n.strip() for n in re.split(r"[,;]", text) if n.strip()]


def _attendance(
    header: Mapping[str, str], body: Body, register: Register, warnings: list[str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    members = register.members.get(body.id or 0, set())
    copies = register.copies.get(body.id or 0, set())
    for key, status in (("Til stede", "til_stede"), ("Forfall", "forfall")):
        for written in _names(header.get(key, "")):
            row: dict[str, Any] = {"status": status}
            notes = re.findall(r"\(([^)]*)\)", written)
            name = re.sub(r"\([^)]*\)", "", written).strip()
            for note in notes:
                if "digital" in note.casefold():
                    row["status"] = "digitalt"
                vara = re.match(r"(?i)vara\s+for\s+(.+)", note.strip())
                if vara:
                    row["substitute_for"] = register.name(vara[1], warnings)
            row["name"] = register.name(name, warnings)
            if row["name"] in copies and row["name"] not in members:
                row["role"] = "sekretariat"
            rows.append({"name": row.pop("name"), **row})
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
) -> dict[str, Any]:
    """One case: its number (as printed when it is this meeting's, else read as this
    meeting's and said), title, and the sections of its text."""
    number = _case_number(match, body, day, warnings)
    title_lines = [match["title"]] if match["title"] else []
    body_lines = list(lines)
    if not title_lines:  # the title on the line after the number
        while body_lines and not clean(body_lines[0]):
            body_lines.pop(0)
        if body_lines and not _structural(clean(body_lines[0])):
            title_lines = [clean(body_lines.pop(0))]
    title = normal_dates(clean(" ".join(title_lines))).rstrip(" :")  # a closing stop kept
    case: dict[str, Any] = {"number": number, "title": title, "kind": _kind(title)}
    follows = re.search(r"oppfølging (?:fra|av) (?:sak )?([A-ZÆØÅ]{2,3}(?:-sak)? ?\d{1,3}/\d{2})",
                        title, re.IGNORECASE)  # fmt: skip
    if follows:
        case["follows"] = follows[1].replace("-sak", "")
    sections: dict[str, list[str]] = {}
    attachments: list[dict[str, Any]] = []
    current = ""
    lines = _strip_signature(body_lines)
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
    for key in ("text", "proposal", "resolution", "notes", "introduction"):
        text = markdown(sections.get(key, []))
        if text and text.strip(" .-–•"):
            case[key] = text
    if attachments:
        case["attachments"] = attachments
    if case["kind"] == "ordinær" and re.search(r"for diskusjon\b", case.get("proposal", "")):
        case["kind"] = "diskusjon"
    if minutes:
        said = " ".join(sections.get("notes", []) + sections.get("resolution", [])).casefold()
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
    return case


def _attachment_texts(
    cases: Sequence[dict[str, Any]], lines: Sequence[tuple[int, str]], warnings: list[str]
) -> list[tuple[int, str]]:
    """The text after the signature — a programme, a letter, an agreement: the notice's
    attachments, printed after it — as the text of the attachment it is: a part begins at a
    short line that names an attachment («Vedlegg 2: Prosjektbeskrivelse») or the case it
    belongs to. A case with no attachment gets one named by that line. Returns the lines that
    belong to none."""
    from rapidfuzz import fuzz

    def key(text: str) -> str:
        return " ".join(re.findall(r"[^\W_]+", text.casefold()))

    def alike(title: str, wanted: str) -> bool:
        """A heading that is the title (a «Vedlegg 2:» before it, a word more or less), not
        a sentence that mentions it."""
        if not title or len(wanted) > len(title) + 16:
            return False
        return title in wanted or fuzz.ratio(title, wanted) >= 88

    def names(heading: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        wanted = key(heading)
        if not wanted or len(heading) > 160:
            return None
        found = [(case, attachment) for case in cases for attachment in case.get("attachments", [])
                 if alike(key(attachment["title"]), wanted)]  # fmt: skip
        if found:  # the same title twice (two cases' notes): the first not yet given a text
            return next(((c, a) for c, a in found if "lines" not in a), found[-1])
        for case in cases:
            title = key(case["title"])
            if len(title) >= 8 and alike(title, wanted):
                return case, None
        return None

    left: list[tuple[int, str]] = []
    current: list[str] | None = None
    for number, line in lines:
        found = names(clean(line)) if clean(line) else None
        if found is not None:
            case, attachment = found
            if attachment is None:
                attachment = {"title": clean(line).rstrip(" ."), "file": None}
                case.setdefault("attachments", []).append(attachment)
            current = attachment.setdefault("lines", [])
            warnings.append(
                Said(
                    f"teksten etter signaturen fra «{_short(clean(line))}» er vedlegget "
                    f"«{attachment['title']}» til {case['number']}",
                    f"the text after the signature from {_short(clean(line))!r} is the "
                    f"attachment {attachment['title']!r} of {case['number']}",
                )
            )
            continue  # the heading is the attachment's title, not its text
        if current is None:
            if clean(line):
                left.append((number, line))
            continue
        current.append(line)
    for case in cases:
        for attachment in case.get("attachments", []):
            if "lines" in attachment:
                text = markdown(attachment.pop("lines"))
                if text:
                    attachment["text"] = text
    return left


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
        warnings.append(
            Said(f"skrevet {printed}, tolket som {number}", f"printed {printed}, read as {number}")
        )
    return number


def _after_label(line: str) -> str:
    """The text after «Vedtak:» on the same line, its emphasis kept."""
    plain_label = re.match(r"^[\s#*_]*[A-Za-zæøåÆØÅ ]+?[*_]*\s*:\s*[*_]*\s*", line)
    rest = line[plain_label.end() :] if plain_label else line
    return rest if clean(rest) else ""


def _signature_at(lines: Sequence[str]) -> int | None:
    """Where the closing signature starts: a short name line over «Daglig leder» or the like."""
    plain = [clean(line) for line in lines]
    for i, line in enumerate(lines):
        titles = _sign_titles(line)
        if titles:
            j = i - 1
            while j >= 0 and (not plain[j] or plain[j].casefold() == "(sign)"):
                j -= 1
            words = 5 * len(titles)  # side by side: a name over each title
            if j >= 0 and len(plain[j].split()) <= words and not plain[j].endswith((".", ":")):
                return j
    return None


_CHAIR_TITLES = {"møteleder", "leder", "nestleder", "ordfører", "styreleder"}


def _sign_titles(line: str) -> list[str]:
    """The signers' titles a line holds, left to right («Møteleder», «Møteleder Referent»,
    «Daglig leder»), whatever the spacing (a PDF keeps one space of a tab); empty when the
    line is anything else."""
    words = clean(line).casefold().replace("(sign)", " ").split()
    titles: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2]).rstrip(".")
        if two in _SIGN_TITLES:
            titles.append(two)
            i += 2
        elif words[i].rstrip(".") in _SIGN_TITLES:
            titles.append(words[i].rstrip("."))
            i += 1
        else:
            return []
    return titles


def _signatures(
    lines: Sequence[str], known: Callable[[str], bool] = lambda _: False
) -> tuple[dict[str, str], int]:
    """Who signed, from the signature block: each name over its title («Ola Nordmann /
    Møteleder», «Bård Eidet / Referent»), one after the other or side by side (names on one
    line, titles on the next, apart by a tab or wide spacing). The chair is the one titled
    møteleder or leder (on the left); the writer the referent, sekretær or daglig leder.
    Returns who by role and how many lines the block took."""
    signed: dict[str, str] = {}
    i = 0
    plain = [clean(line) for line in lines]
    while i + 1 < len(lines):
        if plain[i].casefold() == "(sign)":
            i += 1
            continue
        titles = _sign_titles(lines[i + 1])
        names = _names_apart(lines[i], len(titles), known) if titles else []
        if titles and len(names) == len(titles):
            for name, title in zip(names, titles, strict=True):
                role = "chair" if title in _CHAIR_TITLES else "minute_taker"
                signed.setdefault(role, clean(name))
            i += 2
            continue
        break
    return signed, max(i, 2)


def _names_apart(line: str, count: int, known: Callable[[str], bool]) -> list[str]:
    """``count`` names written side by side: apart by a tab or wide spacing, or (a PDF keeps
    one space) where the words split into names the register knows."""
    columns = [c for c in re.split(r"\t+|\s{3,}", line.strip()) if c.strip()]
    if len(columns) == count:
        return columns
    words = clean(line).split()
    if count == 2:
        for cut in range(1, len(words)):
            first, second = " ".join(words[:cut]), " ".join(words[cut:])
            if known(first) and known(second):
                return [first, second]
    return []


def _strip_signature(lines: list[str]) -> list[str]:
    """The closing signatures («Bård Eidet / Daglig leder», «(sign)») are not case text."""
    out = list(lines)
    while out and not clean(out[-1]):
        out.pop()
    for _ in range(4):
        if len(out) >= 2 and clean(out[-1]).casefold().rstrip(".") in _SIGN_TITLES:
            out.pop()
            if out and len(clean(out[-1]).split()) <= 5:
                out.pop()
            while out and not clean(out[-1]):
                out.pop()
        elif out and clean(out[-1]).casefold() == "(sign)":
            out.pop()
    return out


def _check_numbers(cases: Sequence[Mapping[str, Any]], body: Body, day: dt.date,
                   warnings: list[str]) -> None:  # fmt: skip
    """Numbers are kept as printed; gaps, duplicates and disorder are said, not mended."""
    numbers = [int(c["number"].split()[1].split("/")[0]) for c in cases]
    prefix = cases[0]["number"].split()[0] if cases else body.prefix
    seen: set[int] = set()
    for previous, number in zip([None, *numbers], numbers, strict=False):
        if number in seen:
            warnings.append(
                Said(
                    f"saksnummeret {prefix} {number:02d} står to ganger",
                    f"case number {prefix} {number:02d} appears twice",
                )
            )
        elif previous is not None and number < previous:
            warnings.append(
                Said(
                    f"{prefix} {number:02d} kommer etter {previous:02d}",
                    f"{prefix} {number:02d} comes after {previous:02d}",
                )
            )
        elif previous is not None and number > previous + 1:
            warnings.append(
                Said(
                    f"hull i nummereringen mellom {previous:02d} og {number:02d}",
                    f"gap in the numbering between {previous:02d} and {number:02d}",
                )
            )
        seen.add(number)


def _read_plan(doc: Document, register: Register) -> ReadResult:
    """«Kommunedirektørforum: Fredag 03.06 kl 0830-1130» a line: a planned meeting each."""
    files: list[dict[str, Any]] = []
    warnings: list[str] = []
    year = doc.year
    if year is None:
        return _held(Said("fant ikke året i tittelen", "no year found in the title"))
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
            warnings.append(
                Said(
                    f"Møteplan {year}: «{plain}»: ukjent organ",
                    f"meeting plan {year}: {plain!r}: unknown body",
                )
            )
            continue
        try:
            day = dt.date(int(match["year"] or year), int(match["month"]), int(match["day"]))
        except ValueError:
            warnings.append(
                Said(
                    f"Møteplan {year}: «{plain}»: ikke en dato",
                    f"meeting plan {year}: {plain!r}: not a date",
                )
            )
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
                Said(
                    f"Møteplan {year}: «{plain}»: {day.strftime('%d.%m.%Y')} er en {weekday}",
                    f"meeting plan {year}: {plain!r}: {day.isoformat()} is a {day.strftime('%A')}",
                )
            )
        file: dict[str, Any] = {"body": body.prefix, "date": day.isoformat(), "status": "planlagt"}
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
        warnings.append(
            Said(f"Møteplan {year}: fant ingen møter.", f"meeting plan {year}: no meetings found")
        )
    return ReadResult(files, warnings, unused=unused)


# -- merging ------------------------------------------------------------------------------------

NOTICE_CASE_FIELDS = ("title", "kind", "text", "attachments", "proposal", "presenter", "follows")


def merge_files(
    first: Mapping[str, Any], second: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """Two meeting files of the same meeting (notice and minutes, or what the database has and
    a document): each field from whichever has it; where both have a different value, the
    first is kept and the difference said."""
    merged: dict[str, Any] = dict(first)
    differences: list[str] = []
    for key, value in second.items():
        if key == "cases":
            continue
        if key == "status":
            order = ["planlagt", "innkalt", "avholdt", "godkjent"]
            ranks = [order.index(v) if v in order else -1 for v in (merged.get(key), value)]
            merged[key] = value if ranks[1] > ranks[0] else merged.get(key, value)
            continue
        if _empty(merged.get(key)):
            merged[key] = value
        elif not _empty(value) and not _alike(merged[key], value) and key not in ("attendance",):
            kept, other = _apart(merged[key], value)
            differences.append(
                Said(
                    f"{key}: «{kept}» beholdt, ikke «{other}»",
                    f"{key}: kept {kept!r}, not {other!r}",
                )
            )
    cases = {c["number"]: dict(c) for c in first.get("cases", [])}
    order = [c["number"] for c in first.get("cases", [])]
    for case in second.get("cases", []):
        number = case["number"]
        if number not in cases:
            cases[number] = dict(case)
            order.append(number)
            continue
        target = cases[number]
        for key, value in case.items():
            if _empty(target.get(key)) or (key == "kind" and target.get(key) == "ordinær"):
                target[key] = value
            elif (
                not _empty(value)
                and not _alike(target[key], value)
                and key not in ("outcome", "kind")
            ):
                kept, other = _apart(target[key], value)
                differences.append(
                    Said(
                        f"{number} {key}: «{kept}» beholdt, ikke «{other}»",
                        f"{number} {key}: kept {kept!r}, not {other!r}",
                    )
                )
    if cases:
        merged["cases"] = sorted((cases[n] for n in order), key=_case_order)
    return merged, differences


def _case_order(case: Mapping[str, Any]) -> tuple[int, int]:
    number, year = case["number"].split()[1].split("/")
    return int(year), int(number)


def _empty(value: object) -> bool:
    """Nothing, or text that is no text: whitespace, a lone bullet, punctuation."""
    if isinstance(value, str):
        return not re.sub(r"[\W_]+", "", value)
    return value is None or value == [] or value == {}


def _short(value: object) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"


def _alike(first: object, second: object) -> bool:
    """The same, or texts that differ only in spacing and a closing full stop."""
    if isinstance(first, str) and isinstance(second, str):
        return " ".join(first.split()).rstrip(".") == " ".join(second.split()).rstrip(".")
    return first == second


def _apart(first: object, second: object) -> tuple[str, str]:
    """Two long texts shown where they start to differ, so the difference can be seen."""
    a, b = str(first).replace("\n", " "), str(second).replace("\n", " ")
    if len(a) <= 60 and len(b) <= 60:
        return a, b
    start = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, start - 20)
    lead = "…" if start else ""
    return _short(lead + a[start:]), _short(lead + b[start:])


def read_documents(
    lines: Sequence[str], register: Register, *, wrapped: bool = False
) -> tuple[list[ReadResult], list[str]]:
    """Each document the lines of one file hold, read; and what was unclear in the file."""
    documents, warnings = split_documents(lines, register)
    return [read_document(d, register, wrapped=wrapped) for d in documents], warnings


def read_lines(
    lines: Sequence[str], register: Register, *, wrapped: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every meeting the lines of one file describe, merged by body and date, and what was
    unclear."""
    documents, warnings = read_documents(lines, register, wrapped=wrapped)
    merged, differences = merge_all(f for d in documents for f in d.files)
    return merged, [*warnings, *(w for d in documents for w in d.warnings), *differences]


def merge_all(files: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Meeting files from several files, merged by body and date."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    warnings: list[str] = []
    for file in files:
        key = (file["body"], file["date"])
        if key in merged:
            merged[key], differences = merge_files(merged[key], file)
            warnings += [Said.of(d).prefixed(f"{key[0]} {key[1]}") for d in differences]
        else:
            merged[key] = file
    return list(merged.values()), warnings


# -- names the register does not know -------------------------------------------------------

PERSON_FIELDS = ("case_officer", "chair", "minute_taker")


def _name_slots(file: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """Every place of a meeting file that holds a person's name, as (container, key)."""
    for key in PERSON_FIELDS:
        if file.get(key):
            yield file, key
    for key in ("invited", "copy"):
        for index in range(len(file.get(key) or [])):
            yield file[key], index
    for line in file.get("attendance") or []:
        for key in ("name", "substitute_for"):
            if line.get(key):
                yield line, key
    for case in file.get("cases") or []:
        if case.get("presenter"):
            yield case, "presenter"


def unknown_names(files: Iterable[dict[str, Any]], register: Register) -> list[str]:
    """The names in the files that the register does not know, in the order they come."""
    found: dict[str, None] = {}
    for file in files:
        for holder, key in _name_slots(file):
            if register.index.find(holder[key]) is None:
                found.setdefault(holder[key])
    return list(found)


def renamed(file: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """The file with each name written as in ``names`` replaced (a copy; the file is kept)."""
    import copy

    out = copy.deepcopy(file)
    for holder, key in _name_slots(out):
        holder[key] = names.get(holder[key], holder[key])
    return out
