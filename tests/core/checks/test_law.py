"""The law both checks apply: a closed item in a remote meeting, closed and exempt agreeing."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.checks.law import closed_and_exempt_agree, closed_not_remote
from tr_desk.core.checks.problems import Severity, Spot
from tr_desk.core.context import MeetingContext
from tr_desk.core.model import Body, Case, Exemption, Meeting, MeetingMode, MinutesKind

BOARD = Body(1, "ST", "Styret", MinutesKind.PROTOKOLL, elected=True)


def context(case: Case, mode: MeetingMode = MeetingMode.IN_PERSON) -> MeetingContext:
    meeting = Meeting(None, 1, dt.date(2027, 3, 9), mode=mode, cases=[case])
    return MeetingContext(meeting, BOARD, {}, {0: 1})


def test_a_mandatory_closed_item_cannot_be_dealt_with_remotely() -> None:
    (error,) = closed_not_remote(context(Case(title="Ansatt", closed="2a"), MeetingMode.REMOTE), 0)
    assert error.severity is Severity.ERROR and error.field is Spot.CLOSED
    (warning,) = closed_not_remote(context(Case(title="Pers", closed="3a"), MeetingMode.REMOTE), 0)
    assert warning.severity is Severity.WARNING
    assert list(closed_not_remote(context(Case(title="Ansatt", closed="2a")), 0)) == []


def test_closed_and_exempt_go_together() -> None:
    (open_papers,) = closed_and_exempt_agree(context(Case(title="X", closed="2b")), 0)
    assert open_papers.field is Spot.EXEMPT
    exempt = Case(title="X", exempt=Exemption("Offl. § 13", "Personalsak"))
    (open_meeting,) = closed_and_exempt_agree(context(exempt), 0)
    assert open_meeting.field is Spot.CLOSED
