"""The meetings part of the store: numbering, loading a meeting file, the demo's meetings."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.conftest import kf_meeting, names
from tr_desk.core.meeting_file import read_meeting_file
from tr_desk.core.model import (
    MeetingStatus,
)
from tr_desk.storage.database import StoreError
from tr_desk.storage.meetings import Meetings
from tr_desk.storage.store import Store


def test_demo_numbers_and_attendance(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    sept = demo_store.meetings.meeting(demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)))
    numbers = demo_store.meetings.case_numbers(sept)
    assert [numbers[i] for i in range(12)] == list(range(32, 44))
    absent = [a.person_id for a in sept.attendance if a.status.value == "forfall"]
    assert names(demo_store, absent) == [
        "Katrine Lereggen", "Carl Jakob Midttun", "Tor Jakob Reitan", "Alf-Petter Tenfjord",
        "Kjetil Mjøsund",
    ]  # fmt: skip


def test_loaded_draft_is_numbered_by_the_rules(store: Store) -> None:
    data = {
        "body": "NR", "date": "2023-01-25", "status": "planlagt",
        "cases": [{"title": "Referat fra møte 30.11.2022"}, {"title": "Verdiskaping"}],
    }  # fmt: skip
    loaded = read_meeting_file(data, store.register.bodies(), store.register.people())
    meeting_id, created = store.meetings.save_loaded(loaded)
    meeting = store.meetings.meeting(meeting_id)
    assert created and meeting.status is MeetingStatus.PLANNED
    assert store.meetings.case_numbers(meeting) == {0: 1, 1: 2}
    assert all(c.number is None for c in meeting.cases)  # live, not frozen


def test_issued_meeting_without_numbers_gets_them_frozen(store: Store) -> None:
    data = {"body": "KF", "date": "2023-02-03", "status": "innkalt",
            "cases": [{"title": "A"}, {"title": "B", "number": "KF 07/23"}, {"title": "C"}]}  # fmt: skip
    meeting_id, _ = store.meetings.save_loaded(
        read_meeting_file(data, store.register.bodies(), store.register.people())
    )
    meeting = store.meetings.meeting(meeting_id)
    assert [c.number for c in meeting.cases] == [1, 7, 8]


def test_load_updates_the_meeting_of_the_same_body_and_date(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    data = {"body": "KF", "date": "2022-12-02", "status": "planlagt", "place": "Støren",
            "cases": [{"title": "Eneste sak"}]}  # fmt: skip
    meeting_id, created = demo_store.meetings.save_loaded(
        read_meeting_file(data, demo_store.register.bodies(), demo_store.register.people())
    )
    assert not created
    assert meeting_id == demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    meeting = demo_store.meetings.meeting(meeting_id)
    assert meeting.place == "Støren" and [c.title for c in meeting.cases] == ["Eneste sak"]
    assert len(demo_store.meetings.headers(body_id=kf.id)) == 3
    orphans = demo_store.conn.execute(
        "SELECT count(*) FROM attachment WHERE case_id NOT IN (SELECT id FROM agenda_case)"
    ).fetchone()[0]
    assert orphans == 0


def test_a_failing_load_writes_nothing(demo_store: Store, monkeypatch) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting_id = demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    before = demo_store.meetings.meeting(meeting_id)
    data = {"body": "KF", "date": "2022-12-02", "status": "innkalt",
            "cases": [{"title": "Ny sak", "attachments": [{"title": "V"}]}]}  # fmt: skip
    loaded = read_meeting_file(data, demo_store.register.bodies(), demo_store.register.people())

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Meetings, "freeze_numbers", broken)
    with pytest.raises(StoreError):
        demo_store.meetings.save_loaded(loaded)
    assert demo_store.meetings.meeting(meeting_id) == before


def test_drafts_follow_the_plan_when_meetings_move_or_are_cancelled(store: Store) -> None:
    tr = store.register.body_by_prefix("TR")
    kf = store.register.body_by_prefix("KF")
    first = store.meetings.create_meeting(tr.id, dt.date(2023, 2, 17), place="Stjørdal")
    store.meetings.create_meeting(tr.id, dt.date(2023, 4, 21), place="Melhus")
    draft = store.meetings.create_meeting(kf.id, dt.date(2023, 2, 3))

    def next_case() -> str:
        return store.meetings.meeting(draft).cases[-3].title

    assert next_case() == "Saker til neste møte i Trondheimsregionen – regionrådet 17.02.2023"
    store.meetings.move_meeting(first, dt.date(2023, 2, 24))
    assert next_case().endswith("regionrådet 24.02.2023")
    old = store.meetings.cancel_meeting(first, "Flyttet til april")
    assert old.status is MeetingStatus.PLANNED
    assert next_case().endswith("regionrådet 21.04.2023")
    assert "Melhus" in store.meetings.meeting(draft).cases[-3].text
    store.meetings.update_meeting(old)  # undo of the cancellation
    assert next_case().endswith("regionrådet 24.02.2023")
    uid = store.meetings.meeting(first).uid
    assert uid.endswith("@trondheimsregionen.no")
    store.meetings.move_meeting(first, dt.date(2023, 3, 3))
    assert store.meetings.meeting(first).uid == uid  # the calendar event moves, it is not a new one


def test_held_meetings_cannot_be_moved_or_cancelled(demo_store: Store) -> None:
    held = kf_meeting(demo_store, "2022-09-16")
    with pytest.raises(StoreError, match="avholdt"):
        demo_store.meetings.move_meeting(held.id, dt.date(2022, 9, 23))
    with pytest.raises(StoreError, match="avholdt"):
        demo_store.meetings.cancel_meeting(held.id, "x")
