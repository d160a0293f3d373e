"""Writing the meeting file: what ``show --json`` writes, ``load`` reads back unchanged."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.meeting_file import read_meeting_file
from tr_desk.core.meeting_json import meeting_to_json
from tr_desk.storage.store import Store


def test_every_demo_meeting_reads_back_as_written(demo_store: Store) -> None:
    bodies, people = demo_store.register.bodies(), demo_store.register.people()
    for header in demo_store.meetings.headers():
        assert header.id is not None
        context = demo_store.context(header.id)
        data = meeting_to_json(context)
        loaded = read_meeting_file(data, bodies, people)
        meeting = context.meeting
        assert loaded.warnings == []
        assert loaded.meeting.date == meeting.date and loaded.body.id == meeting.body_id
        assert [c.title for c in loaded.meeting.cases] == [c.title for c in meeting.cases]
        assert [(a.person_id, a.status) for a in loaded.meeting.attendance] == [
            (a.person_id, a.status) for a in meeting.attendance
        ]


def test_names_and_numbers_instead_of_ids(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting_id = demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16))
    data = meeting_to_json(demo_store.context(meeting_id))
    assert data["body"] == "KF" and data["date"] == "2022-09-16"
    assert data["cases"][0]["number"] == "KF 32/22"
    assert data["case_officer"] == "Bård Eidet"
    assert "Tor Jakob Reitan" in data["invited"]
    assert {a["name"] for a in data["attendance"]} >= {"Tor Jakob Reitan", "Bård Eidet"}
