"""The clock: one fixed moment for a test or a process, the wall clock otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.clock import ENV, Clock, fixed_clock, system_clock


def test_a_fixed_clock_says_its_moment() -> None:
    clock = fixed_clock("2026-12-24")
    assert clock.now() == dt.datetime(2026, 12, 24, 10, 0) and clock.today() == dt.date(
        2026, 12, 24
    )
    assert fixed_clock("2026-12-24T08:15").now().time() == dt.time(8, 15)
    assert fixed_clock(dt.date(2027, 1, 1)).today() == dt.date(2027, 1, 1)
    assert clock.utc().tzinfo is not None and clock.local().tzinfo is not None


def test_the_process_clock_is_fixed_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "2027-03-24")
    assert system_clock().today() == dt.date(2027, 3, 24)
    monkeypatch.setenv(ENV, "not a day")
    with pytest.raises(SystemExit, match="is not a date"):
        system_clock()
    monkeypatch.delenv(ENV)
    assert system_clock() == Clock()  # the wall clock
