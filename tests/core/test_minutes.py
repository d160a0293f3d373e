"""The minutes' rules in core: the one-key edits of the roster, who took part, written procedure."""

from __future__ import annotations

from dataclasses import replace

from tr_desk.core.minutes import written_result
from tr_desk.core.model import (
    Answer,
    Attendance,
    AttendanceStatus,
)


def test_written_procedure_carries_only_if_all_agree() -> None:
    from tr_desk.core.model import Case

    case = Case("Høring", proposal="Vedtas.", answers={1: Answer.AGREES, 2: Answer.AGREES})
    assert written_result(case, [1, 2])
    case = replace(case, answers={1: Answer.AGREES, 2: Answer.DEMANDS_MEETING})
    assert not written_result(case, [1, 2])
    assert not written_result(Case("x", answers={1: Answer.AGREES}), [1, 2])


PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT


def test_marking_returns_a_new_roster_and_keeps_a_reason_only_for_an_absence() -> None:
    from tr_desk.core.minutes import with_status

    lines = [Attendance(ABSENT, person_id=1, reason="syk")]
    assert with_status(lines, 1, 0, ABSENT)[0].reason == "syk"
    present = with_status(lines, 1, 0, PRESENT)
    assert present == [Attendance(PRESENT, person_id=1)]
    assert lines[0].status is ABSENT  # the old roster is as it was
    assert with_status(lines, 2, None, ABSENT, "ferie")[-1] == Attendance(
        ABSENT, person_id=2, reason="ferie"
    )


def test_a_substitute_takes_the_seat_and_leaves_with_the_member() -> None:
    from tr_desk.core.minutes import with_substitute, without

    lines = with_substitute([Attendance(PRESENT, person_id=1)], member=1, substitute=9)
    assert lines == [
        Attendance(ABSENT, person_id=1),
        Attendance(PRESENT, person_id=9, substitute_for=1),
    ]
    assert with_substitute([], 1, 9)[0] == Attendance(ABSENT, person_id=1)
    assert without(lines, 0) == []  # unmarking the member takes the substitute too
