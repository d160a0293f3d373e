"""One meeting with what it refers to: chair, case labels, names."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tr_desk.core.context import MeetingContext, roster
from tr_desk.core.model import Body, Case, Meeting, Membership, MinutesKind, Person, Role

KF = Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT)


def context(**changes: object) -> MeetingContext:
    meeting = Meeting(1, 3, dt.date(2022, 12, 2), cases=[Case("A"), Case("B"), Case("C")])
    base = MeetingContext(
        meeting=meeting,
        body=KF,
        people={1: Person(1, "Tor Jakob Reitan"), 2: Person(2, "Bård Eidet")},
        numbers={0: 44, 1: 45},
        leader=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_labels_and_where() -> None:
    ctx = context()
    assert ctx.label(0) == "KF 44/22" and ctx.label(2) == ""
    assert ctx.where(2) == "Sak 3"


def test_the_chair_is_as_recorded_else_the_leader() -> None:
    ctx = context()
    assert ctx.chair == 1
    assert ctx.with_meeting(replace(ctx.meeting, chair_id=2)).chair == 2
    assert context(leader=None).chair is None


def test_names_and_the_name_index() -> None:
    ctx = context()
    assert ctx.name(2) == "Bård Eidet" and ctx.name(None) == "" and ctx.name(99) == ""
    found = ctx.names.find("bård  eidet")
    assert found is not None and found.id == 2


def test_the_roster_of_a_day_in_order_once_each() -> None:
    day = dt.date(2022, 12, 2)
    seats = [
        Membership(1, 5, 3, Role.LEADER, dt.date(2020, 1, 1)),
        Membership(2, 6, 3, Role.MEMBER, dt.date(2020, 1, 1), dt.date(2022, 6, 30)),
        Membership(3, 7, 3, Role.MEMBER, dt.date(2020, 1, 1)),
        Membership(4, 5, 3, Role.MEMBER, dt.date(2020, 1, 1)),
        Membership(5, 8, 3, Role.COPY, dt.date(2020, 1, 1)),
    ]
    assert roster(seats, day, (Role.LEADER, Role.MEMBER)) == [5, 7]
    assert roster(seats, dt.date(2022, 6, 30), (Role.MEMBER,)) == [6, 7, 5]
    assert roster(seats, day, (Role.COPY,)) == [8]


def test_holidays_of_the_meetings_year() -> None:
    assert dt.date(2022, 12, 26) in context().holidays
