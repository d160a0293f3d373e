"""The check of the minutes: what is missing or does not add up before they are approved."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import kf_meeting
from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.checks.problems import Severity, summary, summary_en
from tr_desk.core.minutes import minutes_content
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


def test_no_vote_and_an_undated_protocol_are_said(demo_store: Store) -> None:
    """An elected body's resolution with no vote recorded, and a Protokoll with no date."""
    from tr_desk.core.model import MinutesKind, Vote

    meeting = kf_meeting(demo_store, "2022-09-16")
    context = demo_store.context(meeting)
    elected = replace(context.body, elected=True, minutes_kind=MinutesKind.PROTOKOLL)
    cases = list(meeting.cases)
    i = next(
        j for j, c in enumerate(cases) if c.resolution.strip() and c.outcome is Outcome.DEALT_WITH
    )
    cases[i] = replace(cases[i], vote=None)
    undated = replace(meeting, cases=cases, minutes_date=None)
    problems = check_minutes(replace(context, body=elected, meeting=undated))
    messages = [p.message for p in problems]
    hint = next(p for p in problems if p.message.startswith("Ingen avstemning er ført"))
    assert hint.severity is Severity.HINT and "«Vedtaket var enstemmig.»" in hint.message
    assert problems[-1].severity is Severity.HINT  # hints after warnings and errors
    assert "merknad" in summary(problems) and "note" in summary_en(problems)
    assert any(m.startswith("Protokollen har ingen dato") for m in messages)
    # What the hint says is what prints: unanimous, the default for a decided case.
    printed = minutes_content(replace(context, body=elected, meeting=undated))
    assert printed.cases[i].vote == "Vedtaket var enstemmig."
    forum = minutes_content(replace(context, meeting=undated))
    assert forum.cases[i].vote == ""  # officials do not vote
    cases = [replace(c, vote=c.vote or Vote(unanimous=True)) for c in cases]
    voted = replace(undated, cases=cases, minutes_date=meeting.date)
    messages = [p.message for p in check_minutes(replace(context, body=elected, meeting=voted))]
    assert not any(
        m.startswith(("Ingen avstemning", "Protokollen har ingen dato")) for m in messages
    )
    # A forum is not elected: no vote is asked of it.
    messages = [p.message for p in check_minutes(replace(context, meeting=undated))]
    assert not any(m.startswith("Ingen avstemning") for m in messages)
