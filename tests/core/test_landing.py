"""Where the window opens: every case of the rule in one table."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.landing import (
    Landing,
    MeetingDate,
    PaneName,
    landing,
    next_meeting,
    plan_year,
)
from tr_desk.core.model import MeetingStatus as S

KF, TR = 1, 2
# The demo's meetings (ids as in the demo database).
DEMO = [
    MeetingDate(1, KF, dt.date(2022, 6, 3), S.APPROVED),
    MeetingDate(4, TR, dt.date(2022, 6, 17), S.HELD),
    MeetingDate(2, KF, dt.date(2022, 9, 16), S.HELD),
    MeetingDate(5, TR, dt.date(2022, 9, 30), S.HELD),
    MeetingDate(3, KF, dt.date(2022, 12, 2), S.NOTICE_ISSUED),
    MeetingDate(6, TR, dt.date(2022, 12, 16), S.PLANNED),
]
LEFT = Landing(PaneName.REGISTER, 2)


@pytest.mark.parametrize(
    ("today", "remembered", "expected"),
    [
        # Before a meeting: its Sakliste (the nearest one being prepared).
        (dt.date(2022, 11, 25), None, Landing(PaneName.AGENDA, 3)),
        (dt.date(2022, 12, 1), LEFT, Landing(PaneName.AGENDA, 3)),
        (dt.date(2022, 12, 10), None, Landing(PaneName.AGENDA, 6)),
        # On the day: the Møte pane, whatever its status.
        (dt.date(2022, 9, 16), None, Landing(PaneName.MEETING, 2)),
        (dt.date(2022, 12, 2), LEFT, Landing(PaneName.MEETING, 3)),
        # The days after, minutes not approved: Protokoll, unless the next meeting is nearer.
        (dt.date(2022, 9, 19), None, Landing(PaneName.MINUTES, 2)),
        (dt.date(2022, 10, 3), None, Landing(PaneName.MINUTES, 5)),
        (dt.date(2022, 12, 3), None, Landing(PaneName.MINUTES, 3)),
        (dt.date(2022, 10, 25), None, Landing(PaneName.MINUTES, 5)),
        (dt.date(2022, 11, 5), None, Landing(PaneName.AGENDA, 3)),  # a month on: the next
        # Long after everything: where he left off, else the plan.
        (dt.date(2026, 11, 23), LEFT, LEFT),
        (dt.date(2026, 11, 23), None, Landing(PaneName.PLAN)),
        (dt.date(2026, 11, 23), Landing(PaneName.AGENDA, 99), Landing(PaneName.PLAN)),
        (dt.date(2026, 11, 23), Landing(PaneName.PLAN, 99), Landing(PaneName.PLAN)),
    ],
)
def test_where_the_window_opens(today, remembered, expected) -> None:
    assert landing(DEMO, today, remembered) == expected


def test_an_empty_database_opens_on_the_welcome() -> None:
    assert landing([], dt.date(2026, 1, 1), None) == Landing(PaneName.REGISTER)


def test_cancelled_and_approved_meetings_are_not_the_work() -> None:
    meetings = [
        MeetingDate(1, KF, dt.date(2023, 3, 1), S.CANCELLED),
        MeetingDate(2, KF, dt.date(2023, 2, 27), S.APPROVED),
    ]
    assert landing(meetings, dt.date(2023, 2, 27), None) == Landing(PaneName.PLAN)
    assert next_meeting(meetings, dt.date(2023, 2, 1)) is None


def test_the_plan_opens_on_the_next_meetings_year() -> None:
    assert plan_year(DEMO, dt.date(2022, 12, 10)) == 2022
    nextyear = [*DEMO, MeetingDate(7, KF, dt.date(2023, 1, 20), S.PLANNED)]
    assert plan_year(nextyear, dt.date(2022, 12, 20)) == 2023
    assert plan_year(DEMO, dt.date(2026, 11, 23)) == 2026
