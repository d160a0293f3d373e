"""Where the window opens: on the meeting the user is working on, in the pane that work needs.

Before a meeting he prepares its agenda (Sakliste), on the day he runs it (Møte), in the days
after he writes the minutes (Protokoll). When nothing is that close, the window opens where he
left off, and on a first start on the overview (Møteplan), or the welcome of an empty database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from tr_desk.core.status import MeetingStatus


class PaneName(StrEnum):
    """The window's panes, by the title the user sees in the navigation."""

    PLAN = "Møteplan"
    AGENDA = "Sakliste"
    MEETING = "Møte"
    MINUTES = "Protokoll"
    REGISTER = "Register"
    SEARCH = "Søk"
    FOLLOWUP = "Oppfølging"


MEETING_PANES = (PaneName.AGENDA, PaneName.MEETING, PaneName.MINUTES)
# The minutes are written in the days after a meeting; after that, until the next meeting
# approves them, the work is elsewhere.
MINUTES_DAYS = 30
_UPCOMING = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED)
_UNAPPROVED = (MeetingStatus.NOTICE_ISSUED, MeetingStatus.HELD)


class MeetingDate(NamedTuple):
    """What choosing where to open needs of a meeting (read in a millisecond for 25 years)."""

    id: int
    body_id: int
    date: dt.date
    status: MeetingStatus


@dataclass(frozen=True)
class Landing:
    pane: PaneName
    meeting_id: int | None = None


def next_meeting(headers: Sequence[MeetingDate], today: dt.date) -> MeetingDate | None:
    """The first meeting from today on that is still being prepared."""
    upcoming = [m for m in headers if m.date >= today and m.status in _UPCOMING]
    return min(upcoming, key=lambda m: (m.date, m.body_id), default=None)


def landing(
    headers: Sequence[MeetingDate], today: dt.date, remembered: Landing | None = None
) -> Landing:
    """Where to open, given every meeting's header (any order) and where he left off.

    A meeting today opens in Møte. Otherwise the nearer of the next meeting being prepared
    (Sakliste) and the latest meeting of the last ``MINUTES_DAYS`` days whose minutes are not
    approved (Protokoll); the minutes win a tie. Then the remembered place, if its meeting
    still exists; then the Møteplan, or the Register of an empty database (the welcome).
    """
    live = [m for m in headers if m.status is not MeetingStatus.CANCELLED]
    today_meetings = [m for m in live if m.date == today and m.status is not MeetingStatus.APPROVED]
    if today_meetings:
        return Landing(PaneName.MEETING, min(today_meetings, key=lambda m: m.body_id).id)
    ahead = next_meeting(live, today)
    recent = [
        m for m in live
        if m.status in _UNAPPROVED and 0 < (today - m.date).days <= MINUTES_DAYS
    ]  # fmt: skip
    behind = max(recent, key=lambda m: (m.date, -m.body_id), default=None)
    if behind is not None and (ahead is None or (today - behind.date) <= (ahead.date - today)):
        return Landing(PaneName.MINUTES, behind.id)
    if ahead is not None:
        return Landing(PaneName.AGENDA, ahead.id)
    if remembered is not None and remembered.pane in (PaneName.SEARCH, PaneName.FOLLOWUP):
        # a search, a look down the follow-up list: errands, not places to come back to
        remembered = None
    if remembered is not None:
        known = {m.id for m in headers}
        if remembered.meeting_id is None or remembered.meeting_id in known:
            return remembered
        if remembered.pane not in MEETING_PANES:
            return Landing(remembered.pane)
    return Landing(PaneName.PLAN if headers else PaneName.REGISTER)


def plan_year(headers: Sequence[MeetingDate], today: dt.date) -> int:
    """The year the Møteplan opens on: the next meeting's, else this year."""
    ahead = next_meeting(headers, today)
    return ahead.date.year if ahead is not None else today.year
