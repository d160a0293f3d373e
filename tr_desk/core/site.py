"""The public website of the secretariat's meetings, as data: the index, a page per year's
plan, a page per meeting that has been called. Every page is made from what has passed the
public gate (``core.public``): the public notice's and the public minutes' contents, and
meeting headers (which carry no case) for the plan. Nothing here reads a case itself.

Names of files are part of the data: ``moter/kf-2022-09-16.html``,
``dokumenter/KF-2022-09-16-innkalling-offentlig.pdf``, ``moteplan-2022.html``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tr_desk.core.formats import date_short, date_with_weekday, time_slot
from tr_desk.core.minutes import MinutesContent
from tr_desk.core.model import Body, Meeting, MeetingMode, MeetingStatus
from tr_desk.core.notice import NoticeContent

STATUS_TEXT = {
    MeetingStatus.PLANNED: "Planlagt",
    MeetingStatus.NOTICE_ISSUED: "Innkalt",
    MeetingStatus.HELD: "Avholdt, protokollen er ikke godkjent ennå",
    MeetingStatus.APPROVED: "Avholdt, protokollen er godkjent",
    MeetingStatus.CANCELLED: "Avlyst",
}
MODE_TEXT = {
    MeetingMode.IN_PERSON: "Fysisk møte",
    MeetingMode.REMOTE: "Fjernmøte (digitalt)",
    MeetingMode.WRITTEN: "Skriftlig saksbehandling",
}
CALLED = (MeetingStatus.NOTICE_ISSUED, MeetingStatus.HELD, MeetingStatus.APPROVED)


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site's root
    text: str  # says where it goes, read out of context


@dataclass(frozen=True)
class SiteCase:
    """One case as the public may see it: an exempt case by number, public title and legal
    basis only (its notice and minutes contents have passed the gate)."""

    number: str
    title: str
    notes: tuple[str, ...] = ()  # «Unntatt offentlighet, …», «Lukket møte …», «Trukket»
    proposal: str = ""  # Markdown
    resolution: str = ""  # Markdown, when the minutes are approved
    vote: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class SiteMeeting:
    path: str  # «moter/kf-2022-09-16.html»
    title: str  # «Kommunedirektørforum 16.09.2022»
    body: str
    date: dt.date
    facts: tuple[tuple[str, str], ...]  # (label, value): Dato, Tid, Sted, Møteform, Status
    cases: tuple[SiteCase, ...]
    documents: tuple[Link, ...]  # the public PDFs
    approved: bool

    @property
    def heading(self) -> str:
        return f"{self.body} {date_with_weekday(self.date).lower()}"


@dataclass(frozen=True)
class PlanRow:
    day: str  # «Fredag 16. september»
    body: str
    time: str
    place: str
    status: str  # «Innkalt», «Avlyst: For få saker»
    link: Link | None = None


@dataclass(frozen=True)
class SiteYear:
    year: int
    plan_path: str  # «moteplan-2022.html»
    calendar_path: str  # «moteplan-2022.ics»
    rows: tuple[PlanRow, ...]
    meetings: tuple[SiteMeeting, ...] = field(default=())


def meeting_path(body: Body, meeting: Meeting) -> str:
    return f"moter/{body.prefix.lower()}-{meeting.date.isoformat()}.html"


def document_path(stem: str) -> str:
    return f"dokumenter/{stem}.pdf"


def site_meeting(
    body: Body,
    meeting: Meeting,
    notice: NoticeContent,
    minutes: MinutesContent | None,
    documents: Sequence[Link],
) -> SiteMeeting:
    """The meeting's page from its public notice and (once approved) its public minutes."""
    decided = {case.index: case for case in minutes.cases} if minutes is not None else {}
    cases = []
    for item in notice.cases:
        notes = tuple(n for n in (item.exemption, item.closed) if n)
        if item.withdrawn:
            notes += ("Saken er trukket.",)
        made = decided.get(item.index)
        cases.append(SiteCase(
            number=item.number, title=item.title, notes=notes, proposal=item.proposal,
            resolution=made.resolution if made else "", vote=made.vote if made else "",
            outcome=made.outcome if made else "",
        ))  # fmt: skip
    facts = [("Dato", date_with_weekday(meeting.date))]
    if time_slot(meeting.start, meeting.end):
        facts.append(("Tid", time_slot(meeting.start, meeting.end)))
    if meeting.place:
        facts.append(("Sted", meeting.place))
    facts.append(("Møteform", MODE_TEXT[meeting.mode]))
    facts.append(("Status", STATUS_TEXT[meeting.status]))
    return SiteMeeting(
        path=meeting_path(body, meeting), title=f"{body.name} {date_short(meeting.date)}",
        body=body.name, date=meeting.date, facts=tuple(facts), cases=tuple(cases),
        documents=tuple(documents), approved=minutes is not None,
    )  # fmt: skip


def plan_row(body: Body, meeting: Meeting, pages: Mapping[int, SiteMeeting]) -> PlanRow:
    """One meeting in the year's plan, linked to its page when it has one."""
    status = STATUS_TEXT[meeting.status]
    if meeting.status is MeetingStatus.CANCELLED and meeting.cancel_reason.strip():
        status += f": {meeting.cancel_reason.strip()}"
    if meeting.note.strip():
        status += f" ({meeting.note.strip().strip('()')})"
    page = pages.get(meeting.id or -1)
    link = Link(page.path, f"Sakliste og dokumenter, {page.title}") if page else None
    day = date_with_weekday(meeting.date)
    return PlanRow(day, body.name, time_slot(meeting.start, meeting.end), meeting.place,
                   status, link)  # fmt: skip
