"""What kommuneloven says, as the minutes and the check use it: closing a meeting (§ 11-5),
late items (§ 11-3), remote meetings (§ 11-7), substitutes called in (§ 7-10)."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.law import (
    LATE_ITEM,
    called_substitutes,
    closed_basis,
    closed_line,
    is_remote,
    join_names,
    late_line,
    objection_blocks,
    parse_closed,
)
from tr_desk.core.model import Attendance, AttendanceStatus, Meeting, MeetingMode


def test_a_basis_for_closing_is_read_however_it_is_written() -> None:
    for text in ("2a", "andre ledd bokstav a", "§ 11-5 (2) a"):
        assert parse_closed(text) == "2a", text
    with pytest.raises(ValueError):
        parse_closed("fjerde ledd")
    assert closed_basis("3b") is not None and closed_basis("9z") is None
    assert closed_line("2b").endswith("jf. kommuneloven § 11-5 andre ledd bokstav b.")


def test_a_late_item_is_blocked_by_the_chair_or_a_third() -> None:
    assert objection_blocks(["Rita  Ottervik"], "Rita Ottervik", 9)
    assert objection_blocks(["A", "B", "C"], "Leder", 9)
    assert not objection_blocks(["A", "B"], "Leder", 9)
    assert not objection_blocks([" "], "Leder", 9)
    assert late_line([], False) == f"{LATE_ITEM} Ingen motsatte seg at saken ble behandlet."
    assert "A og B motsatte seg" in late_line(["A", "B"], True) and "utsatt" in late_line(
        ["A"], True
    )
    assert join_names(["A", "", "B", "C"]) == "A, B og C" and join_names(["A"]) == "A"


def test_a_meeting_is_remote_when_held_so_or_when_anyone_took_part_digitally() -> None:
    day = dt.date(2027, 2, 3)
    assert is_remote(Meeting(None, 1, day, mode=MeetingMode.REMOTE))
    digital = Meeting(None, 1, day, attendance=[Attendance(AttendanceStatus.DIGITAL, 5)])
    assert is_remote(digital)
    assert not is_remote(
        Meeting(None, 1, day, attendance=[Attendance(AttendanceStatus.PRESENT, 5)])
    )


def test_who_stands_in_for_whom() -> None:
    lines = [
        Attendance(AttendanceStatus.ABSENT, 1),
        Attendance(AttendanceStatus.PRESENT, 7, substitute_for=1),
        Attendance(AttendanceStatus.PRESENT, 8),
    ]
    assert called_substitutes(lines) == {1: 7}
