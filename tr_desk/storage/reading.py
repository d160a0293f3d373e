"""Reading everything about one meeting at once: the ``MeetingContext`` of ``core.context``.

A handful of queries, each once: the body and the council, the people, the body's
memberships (Innkalt, Kopi, members and leader on the date come from them), the year's
numbering, the previous meeting, the council's dates, the daglig leder.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tr_desk.core.context import MEMBER_ROLES, MeetingContext, roster
from tr_desk.core.model import Meeting, MeetingStatus, Role
from tr_desk.core.numbering import number_year
from tr_desk.storage.settings import LETTERHEAD_KEYS

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub


def read_context(store: Hub, meeting: Meeting, today: dt.date) -> MeetingContext:
    """The context of ``meeting`` (as given: the caller has read it, cases and all)."""
    register, meetings = store.register, store.meetings
    bodies = register.bodies()
    body = next((b for b in bodies if b.id == meeting.body_id), None)
    if body is None:
        body = register.body(meeting.body_id)  # raises the store's «no such body»
    people = register.people_by_id()
    seats = register.memberships(body_id=meeting.body_id)
    members = roster(seats, meeting.date, MEMBER_ROLES)
    leaders = roster(seats, meeting.date, (Role.LEADER,))
    invited = meeting.invited_ids if meeting.invited_ids is not None else members
    copied = (
        meeting.copy_ids
        if meeting.copy_ids is not None
        else roster(seats, meeting.date, (Role.COPY,))
    )
    numbers = number_year(
        meetings.numbering_year(meeting.body_id, meeting.date.year),
        store.settings.year_start(meeting.body_id, meeting.date.year),
    )
    council = next((b for b in bodies if b.is_council), None)
    council_days: tuple[dt.date, ...] = ()
    if council is not None and council.id is not None:
        council_days = tuple(
            dt.date.fromisoformat(r["date"])
            for r in store.rows(
                "SELECT date FROM meeting WHERE body_id = ? AND status != ? ORDER BY date",
                [council.id, MeetingStatus.CANCELLED.value],
            )
        )
    found = store.settings.some("daglig_leder_id", *LETTERHEAD_KEYS)  # one read of the settings
    organisation = store.settings.organisation()
    manager_id = found.get("daglig_leder_id", "")
    return MeetingContext(
        meeting=meeting,
        body=body,
        people=people,
        numbers={i: numbers[c.id] for i, c in enumerate(meeting.cases) if c.id in numbers},
        invited=tuple(invited),
        copied=tuple(copied),
        members=tuple(members),
        substitutes=tuple(roster(seats, meeting.date, (Role.SUBSTITUTE,))),
        leader=leaders[0] if leaders else None,
        manager=people.get(int(manager_id)) if manager_id else None,
        previous=meetings.previous_meeting(meeting.body_id, meeting.date),
        council=council,
        council_meetings=council_days,
        organisation=organisation,
        today=today,
        letterhead=store.settings.letterhead(found),
        history=_history(store, meeting),
        memberships=tuple(seats),
        imported=meeting.id is not None
        and bool(
            store.rows("SELECT 1 FROM meeting_source WHERE meeting_id = ? LIMIT 1", [meeting.id])
        ),
    )


def _history(store: Hub, meeting: Meeting) -> dict[int, tuple[str, ...]]:
    """The earlier steps of the cases whose notice prints them (none: no reading at all)."""
    wanted = [c for c in meeting.cases if c.show_history and c.id is not None]
    if not wanted:
        return {}
    from tr_desk.storage.threads import history

    return {
        i: tuple(history(store, c.id))
        for i, c in enumerate(meeting.cases)
        if c.show_history and c.id is not None
    }
