"""The check of the minutes: what is missing or does not add up before they are approved."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import kf_meeting
from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.model import (
    Attendance,
    AttendanceStatus,
    Outcome,
)
from tr_desk.storage.store import Store


def test_check_of_the_minutes(demo_store: Store) -> None:
    from tr_desk.core.model import Vote

    meeting = kf_meeting(demo_store, "2022-12-02")
    problems = check_minutes(demo_store.context(meeting))
    messages = [f"{p.where}: {p.message}" for p in problems]
    assert "Til stede: Tor Jakob Reitan er verken merket til stede eller med forfall." in messages
    assert "Tidsrom: Faktisk start eller slutt er ikke ført." in messages
    assert any(m.startswith("KF 47/22: Utfall er ikke ført") for m in messages)
    demo_store.minutes.set_attendance(
        meeting.id,
        [
            Attendance(AttendanceStatus.PRESENT, person_id=p)
            for p in demo_store.context(meeting).members
        ],
    )
    case = replace(meeting.cases[3], outcome=Outcome.DEALT_WITH, vote=Vote(votes_for=8, against=2))
    demo_store.agenda.update_case(case)
    messages = [
        p.message for p in check_minutes(demo_store.context(kf_meeting(demo_store, "2022-12-02")))
    ]
    assert "Vedtak mangler." in messages
    assert "10 stemmer, men bare 9 stemmeberettigede deltok." in messages
    assert not any("verken merket" in m for m in messages)
