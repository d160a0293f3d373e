"""Who stands in for an absent member (§ 7-10): the member's list in rank order, the others
after, the hint with a link to call the first."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.context import MeetingContext
from tr_desk.core.model import (
    Attendance,
    AttendanceStatus,
    Body,
    Meeting,
    Membership,
    MinutesKind,
    Person,
    Role,
)
from tr_desk.core.stand_ins import everyone, substitute_choices, substitutes_for, vara_hint

DAY = dt.date(2027, 3, 9)
START = dt.date(2024, 1, 1)
PEOPLE = {i: Person(i, n) for i, n in enumerate(["", "Kari", "Ola", "Per", "Åse", "Liv"]) if n}
SEATS = (
    Membership(None, 1, 1, Role.MEMBER, START, party="Ap"),
    Membership(None, 2, 1, Role.MEMBER, START, party="H"),
    Membership(None, 3, 1, Role.SUBSTITUTE, START, party="Ap", rank=2),
    Membership(None, 4, 1, Role.SUBSTITUTE, START, party="Ap", rank=1),
    Membership(None, 5, 1, Role.SUBSTITUTE, START, party="H", rank=1),
)


def context(*marked: Attendance) -> MeetingContext:
    return MeetingContext(
        Meeting(None, 1, DAY, attendance=list(marked)),
        Body(1, "RS", "Representantskapet", MinutesKind.PROTOKOLL, elected=True), PEOPLE, {},
        members=(1, 2), substitutes=(3, 4, 5), memberships=SEATS,
    )  # fmt: skip


def test_the_members_list_in_rank_order_the_marked_left_out() -> None:
    assert substitutes_for(context(), 1) == [4, 3]
    assert substitutes_for(context(Attendance(AttendanceStatus.PRESENT, 4)), 1) == [3]
    assert [pid for pid, _ in substitute_choices(context(), 1)] == [4, 3, 5]
    assert substitute_choices(context(), 1)[0] == (4, "Åse (Ap)")
    assert [name for _, name in everyone(context())] == ["Kari", "Liv", "Ola", "Per", "Åse"]


def test_the_hint_names_whom_to_call_first() -> None:
    hint = vara_hint(context(Attendance(AttendanceStatus.ABSENT, 1)), 1)
    assert hint.startswith("Vara for Kari fra Ap-lista: 1. Åse, 2. Per.")
    assert '<a href="vara:1:4">Kall inn Åse</a>' in hint
    assert vara_hint(context(), 3) == ""  # not a member
