"""The words and signs of old documents: the lines as light Markdown, dates, case numbers,
labels, lists and the warnings' two languages. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from tr_desk.core.messages import Code

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


_TITLE_ALONE = re.compile(
    r"^(REVIDERT INNKALLING|TILLEGGSINNKALLING|INNKALLING|SAKSLISTE|REFERAT|PROTOKOLL|MØTEPLAN)"
    r"\s*[,:–-]?$"
)


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
    def coded(cls, code: Code, **params: object) -> Said:
        """The warning of ``code``, its texts from the message tables."""
        from tr_desk.core.messages import texts

        return Said(*texts(code, params))

    @classmethod
    def of(cls, text: str) -> Said:
        return text if isinstance(text, Said) else Said(text)

    def prefixed(self, norwegian: str, english: str = "") -> Said:
        return Said.coded(
            Code.PREFIXED,
            norwegian=norwegian,
            self_=self,
            value=english or norwegian,
            english=self.english,
        )


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


def english(text: str) -> str:
    """The command line's words for a warning."""
    return text.english if isinstance(text, Said) else text


KIND_EN = {"innkalling": "notice", "referat": "minutes", "protokoll": "minutes",
           "møteplan": "meeting plan", "saksliste": "agenda",
           "tilleggsinnkalling": "supplementary notice"}  # fmt: skip

_CHAIR_TITLES = {"møteleder", "leder", "nestleder", "ordfører", "styreleder"}


def _short(value: object) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"
