"""The agenda part of the store: an outcome's consequences (postponement carried, previous minutes approved) written in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import kf_meeting
from tr_desk.core.minutes import minutes_content
from tr_desk.core.model import (
    MeetingStatus,
    Outcome,
)
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store


def test_postponed_case_lands_on_the_next_draft_and_leaves_again(demo_store: Store) -> None:
    body = demo_store.register.body_by_prefix("KF")
    draft_id = demo_store.meetings.create_meeting(body.id, dt.date(2023, 2, 3))
    meeting = kf_meeting(demo_store, "2022-12-02")
    demo_store.minutes.set_attendance(meeting.id, [])
    case = replace(meeting.cases[3], outcome=Outcome.POSTPONED)
    demo_store.agenda.update_case(case)
    draft = demo_store.meetings.meeting(draft_id)
    carried = [c for c in draft.cases if c.postponed_from == "KF 47/22"]
    assert len(carried) == 1 and carried[0].title == case.title
    assert carried[0].proposal == case.proposal
    assert draft.cases[-1].title == "Åpen post/eventuelt"  # before the closing cases
    demo_store.agenda.update_case(replace(case, outcome=Outcome.DEALT_WITH))
    assert not [c for c in demo_store.meetings.meeting(draft_id).cases if c.postponed_from]


def test_a_new_meeting_picks_up_a_postponed_case(demo_store: Store) -> None:
    meeting = kf_meeting(demo_store, "2022-12-02")
    demo_store.agenda.update_case(replace(meeting.cases[3], outcome=Outcome.POSTPONED))
    body = demo_store.register.body_by_prefix("KF")
    draft = demo_store.meetings.meeting(
        demo_store.meetings.create_meeting(body.id, dt.date(2023, 2, 3))
    )
    assert [c.postponed_from for c in draft.cases if c.postponed_from] == ["KF 47/22"]


def test_approval_case_approves_the_previous_minutes_and_locks_them(demo_store: Store) -> None:
    held = kf_meeting(demo_store, "2022-09-16")
    assert held.status is MeetingStatus.HELD
    approval = kf_meeting(demo_store, "2022-12-02").cases[0]
    approval = replace(approval, resolution=approval.proposal, outcome=Outcome.DEALT_WITH)
    demo_store.agenda.update_case(approval)
    held = kf_meeting(demo_store, "2022-09-16")
    assert held.status is MeetingStatus.APPROVED
    assert held.approved_on == dt.date(2022, 12, 2)
    case = replace(held.cases[3], notes="endret")
    with pytest.raises(StoreError, match="Gjenåpne"):
        demo_store.agenda.update_case(case)
    with pytest.raises(StoreError):
        demo_store.minutes.set_attendance(held.id, [])
    demo_store.minutes.reopen(held.id, dt.date(2022, 12, 5))
    demo_store.agenda.update_case(case)
    note = minutes_content(demo_store.context(kf_meeting(demo_store, "2022-09-16"))).status_note
    assert note == "Godkjent 02.12.2022. Endret etter godkjenning 05.12.2022."
    # Undoing the outcome takes the approval back (the meeting is held again, not approved).
    demo_store.minutes.approve(held.id, dt.date(2022, 12, 2))
    demo_store.agenda.update_case(replace(approval, outcome=None))
    assert kf_meeting(demo_store, "2022-09-16").status is MeetingStatus.HELD
