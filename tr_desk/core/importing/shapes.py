"""What the import reads into: the register as it needs it, a document found in a file, and
what one document gave."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tr_desk.core.importing.text import DocKind, Said, _short, line_ranges
from tr_desk.core.meeting_data import MeetingData
from tr_desk.core.messages import Code
from tr_desk.core.model import Body, Person
from tr_desk.core.names import NameIndex


@dataclass
class Register:
    """What the import needs of the register: bodies and people, and per body who is a member
    and who is on the copy list (the secretariat), by name."""

    bodies: Sequence[Body]
    people: Sequence[Person]
    members: Mapping[int, set[str]] = field(default_factory=dict)
    copies: Mapping[int, set[str]] = field(default_factory=dict)
    organisation: str = ""  # the letterhead's name: not a line of any document

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
            warnings.append(Said.coded(Code.READ_AS, short=_short(written), canonical=canonical))
            return canonical
        warnings.append(Said.coded(Code.NOT_REGISTER, short=_short(written)))
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


def unused_said(result: ReadResult) -> Said | None:
    """What a document left unused, as a warning naming its lines; None when every line was
    taken."""
    if not result.unused:
        return None
    count = len(result.unused)
    where = line_ranges([n for n, _ in result.unused])
    return Said.coded(
        Code.LINE_NOT_USED,
        count=count,
        value="linje" if count == 1 else "linjer",
        where=where,
        value2="" if count == 1 else "s",
    )


@dataclass
class ReadResult:
    """What one document gave: meeting files (DESIGN.md §6; a plan gives several, a document
    that could not be placed none) and what was unclear."""

    files: list[MeetingData]
    warnings: list[str]
    kind: str = ""
    title: str = ""
    held_back: str = ""  # why the document could not be placed (no body, no date): a Said
    # The lines no field took (line number in the file, text): every line ends somewhere.
    unused: list[tuple[int, str]] = field(default_factory=list)


def _held(reason: Said, warnings: Sequence[str] = ()) -> ReadResult:
    """A document that cannot be placed: no meeting, the reason, what else was unclear."""
    return ReadResult([], list(warnings), held_back=reason)
