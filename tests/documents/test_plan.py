"""The printed plan and the calendar file: the organisation's title, the council in bold, a
cancelled meeting CANCELLED in Outlook, the same UID for ever."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.pdftext import text_of
from tr_desk.core.model import Body, BodyRole, Letterhead, Meeting, MeetingStatus, MinutesKind
from tr_desk.core.organisation import Organisation
from tr_desk.core.plan import PlanLine
from tr_desk.documents.plan import render_calendar, render_plan

BOARD = Body(1, "ST", "Styret", MinutesKind.PROTOKOLL, role=BodyRole.EXECUTIVE)
FJORD = Organisation(name="Fjordregionen", domain="fjord.example")


def test_the_plan_prints_its_title_and_lines() -> None:
    lines = [PlanLine("Styret: Tirsdag 09.03 kl 0900-1200", False),
             PlanLine("Representantskapet: Torsdag 18.03 kl 1000-1500", True)]  # fmt: skip
    text = text_of(render_plan(FJORD.plan_title(2027), lines, Letterhead("Fjordregionen")))
    assert text.startswith("Fjordregionen\nMØTEPLAN FJORDREGIONEN 2027")
    assert "Representantskapet: Torsdag 18.03 kl 1000-1500" in text
    assert "Ingen møter i planen." in text_of(render_plan("MØTEPLAN X 2030", [], None))


def test_the_calendar_keeps_uids_and_says_what_is_cancelled() -> None:
    meetings = [
        Meeting(1, 1, dt.date(2027, 3, 9), dt.time(9), dt.time(12), uid="a@fjord.example"),
        Meeting(
            2,
            1,
            dt.date(2027, 4, 6),
            status=MeetingStatus.CANCELLED,
            cancel_reason="Få saker",
            uid="b@fjord.example",
        ),
    ]
    stamp = dt.datetime(2027, 1, 5, 12, tzinfo=dt.UTC)
    calendar = Calendar.from_ical(render_calendar(meetings, {1: BOARD}, FJORD, stamp))
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["a@fjord.example", "b@fjord.example"]
    assert str(events[1]["status"]) == "CANCELLED" and "Få saker" in str(events[1]["description"])
    assert str(calendar["x-wr-calname"]) == "Møteplan Fjordregionen"
    assert str(calendar["prodid"]) == "-//Fjordregionen//TR Desk//NO"
