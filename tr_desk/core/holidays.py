"""Norway's public holidays (helligdager and the two høytidsdager of 1947), worked out from
Easter: no calendar package and its every country to load before a date can be checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

# Days after Easter Sunday, and the name each holiday is printed with.
_FROM_EASTER = (
    (-3, "Skjærtorsdag"),
    (-2, "Langfredag"),
    (0, "Første påskedag"),
    (1, "Andre påskedag"),
    (39, "Kristi himmelfartsdag"),
    (49, "Første pinsedag"),
    (50, "Andre pinsedag"),
)
HOYTIDSDAGER_FROM = 1947  # lov om 1. og 17. mai som høgtidsdager


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def _holidays_of(year: int) -> dict[dt.date, str]:
    easter = easter_sunday(year)
    named = [(dt.date(year, 1, 1), "Første nyttårsdag")]
    named += [(easter + dt.timedelta(days=n), name) for n, name in _FROM_EASTER]
    if year >= HOYTIDSDAGER_FROM:
        named += [(dt.date(year, 5, 1), "Arbeidernes dag"), (dt.date(year, 5, 17), "Grunnlovsdag")]
    named += [(dt.date(year, 12, 25), "Første juledag"), (dt.date(year, 12, 26), "Andre juledag")]
    days: dict[dt.date, list[str]] = {}
    for day, name in named:
        days.setdefault(day, []).append(name)
    # Two on one day read in alphabetical order: «Andre pinsedag; Grunnlovsdag».
    return {day: "; ".join(sorted(names)) for day, names in sorted(days.items())}


def norwegian_holidays(years: Sequence[int]) -> dict[dt.date, str]:
    """Public holidays in Norway in ``years``, with their Norwegian names."""
    found: dict[dt.date, str] = {}
    for year in years:
        found.update(_holidays_of(year))
    return found
