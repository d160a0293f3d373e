"""Case numbers: ``PREFIX NN/YY``, running per body per calendar year (DESIGN.md §1, rules 1–3)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tr_desk.core.formats import shown


@dataclass(frozen=True)
class CaseRef:
    """A case number as written: ``AB 44/22``."""

    prefix: str
    number: int
    year: int  # four digits

    def __str__(self) -> str:
        return format_case_number(self.prefix, self.number, self.year)


def format_case_number(prefix: str, number: int, year: int) -> str:
    return f"{prefix} {number:02d}/{year % 100:02d}"


def case_label(prefix: str, numbers: Mapping[int, int], index: int, year: int) -> str:
    """«AB 44/22» for the case at agenda ``index``, or "" while it has no number."""
    return format_case_number(prefix, numbers[index], year) if index in numbers else ""


# Accepts the forms seen in the seeds: «AB 44/22», «AU07/17», «KF-sak 51/21», «RF-sak 19/21».
_CASE_REF = re.compile(
    r"^\s*(?!sak\b)(?P<prefix>[A-ZÆØÅ]{2,4})(?:\s*-?\s*sak)?\s*(?P<number>[0-9]{1,4})\s*/\s*(?P<year>[0-9]{2}|[0-9]{4})\s*$",
    re.IGNORECASE,
)


def parse_case_number(text: str, near: int | None = None) -> CaseRef:
    """Read a case number. A two-digit year is the year of that ending nearest to ``near``
    (a meeting's year: «AB 01/99» of a 1999 meeting is 1999), else 20YY. Raises ValueError
    on anything else."""
    match = _CASE_REF.match(text)
    if not match:
        raise ValueError(f"not a case number: {shown(text)} (expected e.g. 'AB 44/22')")
    year = int(match["year"])
    if len(match["year"]) == 2:
        year = century_year(year, near)
    number = int(match["number"])
    if number < 1:
        raise ValueError(f"case numbers start at 1: {shown(text)}")
    return CaseRef(match["prefix"].upper(), number, year)


def century_year(short: int, near: int | None) -> int:
    """The four-digit year ending in ``short`` nearest to ``near`` (20YY without one)."""
    if near is None:
        return 2000 + short
    base = near - near % 100 + short
    return min((base - 100, base, base + 100), key=lambda y: (abs(y - near), -y))


def candidate_years(text: str) -> list[int]:
    """The years a written case number can be of: its own when written with four digits;
    for two, 20YY and then 19YY (a history reaches back past 2000)."""
    ref = parse_case_number(text)
    match = _CASE_REF.match(text)
    assert match is not None
    return [ref.year] if len(match["year"]) == 4 else [ref.year, ref.year - 100]


@dataclass
class NumberingCase:
    key: Hashable
    number: int | None = None  # frozen number, if any


@dataclass
class NumberingMeeting:
    """One meeting of a body's year as the numbering rules see it."""

    date: dt.date
    frozen: bool
    cases: list[NumberingCase] = field(default_factory=list)


def number_year(
    meetings: Iterable[NumberingMeeting], year_start: int | None = None
) -> dict[Hashable, int]:
    """Numbers for every case of one body's year.

    Frozen meetings keep their numbers (and a frozen meeting's unnumbered case gets the next
    free number). A draft continues after the highest number of the earlier meetings, in
    agenda order, skipping numbers frozen elsewhere in the year. ``year_start`` is the first
    number of the year, for history outside the database.
    """
    ordered = sorted(meetings, key=lambda m: m.date)
    taken = {c.number for m in ordered if m.frozen for c in m.cases if c.number is not None}
    highest = (year_start - 1) if year_start else 0
    result: dict[Hashable, int] = {}
    for meeting in ordered:
        for case in meeting.cases:
            if meeting.frozen and case.number is not None:
                number = case.number
            else:
                number = highest + 1
                while number in taken:
                    number += 1
                taken.add(number)
            result[case.key] = number
            highest = max(highest, number)
    return result


def next_free_number(meetings: Sequence[NumberingMeeting], year_start: int | None = None) -> int:
    """The number a case added to an issued notice gets: one above all frozen in the year.

    Drafts do not hold numbers yet; they move up behind the new case.
    """
    frozen = [m for m in meetings if m.frozen]
    used = number_year(frozen, year_start).values()
    floor = (year_start - 1) if year_start else 0
    return max([floor, *used]) + 1
