"""The one place that reads the real date and time; everything else is given a ``Clock``.

The store carries the clock (``store.clock``), so the window, the command line and the
actions ask it for «today» and «now». ``TR_DESK_TODAY`` (``2026-12-05`` or
``2026-12-05T10:30``) fixes the clock of a whole process: the tests set it, so nothing they
check depends on the day they run.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

ENV = "TR_DESK_TODAY"


@dataclass(frozen=True)
class Clock:
    """The wall clock, or one fixed moment (``fixed``, local time without a zone); either
    moved by ``shift`` (the demo, shown on its own day with the clock still running)."""

    fixed: dt.datetime | None = None
    shift: dt.timedelta = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return (self.fixed if self.fixed is not None else dt.datetime.now()) + self.shift

    def on(self, day: dt.date) -> Clock:
        """This clock moved to ``day``, the time of day running on."""
        return Clock(self.fixed, self.shift + (day - self.today()))

    def today(self) -> dt.date:
        return self.now().date()

    def utc(self) -> dt.datetime:
        """Now as an aware UTC time (for calendar stamps)."""
        return self.now().astimezone(dt.UTC)

    def local(self) -> dt.datetime:
        """Now as an aware local time (for a mail's Date header)."""
        return self.now().astimezone()


def fixed_clock(day: dt.date | dt.datetime | str) -> Clock:
    """A clock that always says ``day`` (10:00 when only a date is given)."""
    if isinstance(day, str):
        day = dt.datetime.fromisoformat(day) if "T" in day else dt.date.fromisoformat(day)
    if not isinstance(day, dt.datetime):
        day = dt.datetime.combine(day, dt.time(10, 0))
    return Clock(day.replace(tzinfo=None))


def system_clock() -> Clock:
    """The process's clock: fixed by ``TR_DESK_TODAY`` when it is set, else the wall clock."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return Clock()
    try:
        return fixed_clock(value)
    except ValueError:
        raise SystemExit(f"tr-desk: {ENV}={value!r} is not a date (YYYY-MM-DD)") from None
