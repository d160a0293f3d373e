"""Who is in the room for a case: present, arrived before it, left after it."""

from __future__ import annotations

from tr_desk.core.model import Attendance, AttendanceStatus
from tr_desk.core.presence import case_positions, is_present, takes_part

PRESENT, DIGITAL, ABSENT = (
    AttendanceStatus.PRESENT, AttendanceStatus.DIGITAL, AttendanceStatus.ABSENT,
)  # fmt: skip


def test_who_is_in_the_room_for_a_case() -> None:
    positions = {10: 0, 11: 1, 12: 2}
    late = Attendance(PRESENT, person_id=1, from_case=11)
    early = Attendance(PRESENT, person_id=2, to_case=11)
    assert [takes_part(late, i, positions) for i in range(3)] == [False, True, True]
    assert [takes_part(early, i, positions) for i in range(3)] == [True, True, False]
    assert not takes_part(Attendance(ABSENT, person_id=3), 0, positions)
    assert is_present(Attendance(DIGITAL, person_id=4)) and not is_present(
        Attendance(ABSENT, person_id=4)
    )


def test_a_meetings_cases_by_their_place_on_the_agenda(demo_store) -> None:
    meeting = demo_store.meetings.meeting(demo_store.meetings.headers()[0].id)
    positions = case_positions(meeting)
    assert sorted(positions.values()) == list(range(len(meeting.cases)))
