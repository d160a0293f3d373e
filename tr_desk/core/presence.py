"""Who is in the room: a line of the roll present, and present for a case (arrived before it,
left after it). The minutes, the votes and the roll all ask it."""

from __future__ import annotations

from collections.abc import Mapping

from tr_desk.core.model import Attendance, AttendanceStatus, Meeting


def is_present(line: Attendance) -> bool:
    return line.status in (AttendanceStatus.PRESENT, AttendanceStatus.DIGITAL)


def takes_part(line: Attendance, index: int, positions: Mapping[int, int]) -> bool:
    """Whether a present line is in the room for the case at agenda ``index``.

    ``positions`` maps case id to agenda index; a line arrives before ``from_case`` and leaves
    after ``to_case`` (either open: from the start, to the end).
    """
    if not is_present(line):
        return False
    first = positions.get(line.from_case, 0) if line.from_case is not None else 0
    last = positions.get(line.to_case, index) if line.to_case is not None else index
    return first <= index <= last


def case_positions(meeting: Meeting) -> dict[int, int]:
    return {c.id: i for i, c in enumerate(meeting.cases) if c.id is not None}
