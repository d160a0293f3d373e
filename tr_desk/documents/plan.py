"""The meeting plan as a PDF (the house style of the printed plan) and as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from tr_desk.core.model import Body, Letterhead, Meeting, MeetingStatus
from tr_desk.core.organisation import Organisation
from tr_desk.core.plan import PlanLine
from tr_desk.documents.markdown import inline_markup
from tr_desk.documents.page import build_pdf, header_flowables
from tr_desk.documents.styles import styles

TIMEZONE = "Europe/Oslo"
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # sequence = minutes since


def render_plan(
    title: str, lines: Sequence[PlanLine], letterhead: Letterhead | None = None
) -> bytes:
    """«MØTEPLAN TRONDHEIMSREGIONEN 2023», then one line per meeting; the council in bold."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    st = styles()
    line_style = ParagraphStyle("plan", parent=st["body"], spaceAfter=3)
    flowables: list[Any] = header_flowables(title, [])
    for line in lines:
        text = inline_markup(line.text)
        flowables.append(Paragraph(f"<b>{text}</b>" if line.bold else text, line_style))
    if not lines:
        flowables.append(Paragraph("Ingen møter i planen.", st["note"]))
    return build_pdf(flowables, title, letterhead=letterhead or Letterhead())


def render_calendar(
    meetings: Sequence[Meeting],
    bodies: Mapping[int, Body],
    organisation: Organisation,
    stamp: dt.datetime,
) -> bytes:
    """One VEVENT per meeting, in Europe/Oslo time with its VTIMEZONE. The UID stays with the
    meeting, and SEQUENCE grows with ``stamp``, so that importing an updated plan moves the
    events in Outlook instead of doubling them; a cancelled meeting is STATUS:CANCELLED."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation.name}//TR Desk//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Møteplan {organisation.name}")
    calendar.add("x-wr-timezone", TIMEZONE)
    utc_stamp = stamp.astimezone(dt.UTC)
    for meeting in sorted(meetings, key=lambda m: (m.date, m.start or dt.time())):
        body = bodies[meeting.body_id]
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", utc_stamp)
        # Outlook moves an event it knows when the newer copy has a higher sequence number.
        event.add("sequence", int((utc_stamp - SEQUENCE_EPOCH).total_seconds() // 60))
        summary = f"{body.name}"
        if meeting.note.strip():
            summary += f" ({meeting.note.strip().strip('()')})"
        event.add("summary", summary)
        if meeting.start is not None:
            start = dt.datetime.combine(meeting.date, meeting.start, tzinfo=zone)
            end_time = (
                meeting.end
                or (dt.datetime.combine(meeting.date, meeting.start) + dt.timedelta(hours=2)).time()
            )
            event.add("dtstart", start)
            event.add("dtend", dt.datetime.combine(meeting.date, end_time, tzinfo=zone))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        if meeting.place:
            event.add("location", meeting.place)
        description = f"{body.name}, {organisation.name}."
        if meeting.status is MeetingStatus.CANCELLED:
            event.add("status", "CANCELLED")
            reason = meeting.cancel_reason or "uten oppgitt grunn"
            description = f"AVLYST: {reason}. " + description
        else:
            event.add("status", "CONFIRMED")
        event.add("description", description)
        event.add("categories", [body.name])
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()  # type: ignore[no-any-return]
