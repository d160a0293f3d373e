"""The check before a notice goes out and before minutes print, case by case (core only)."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.checks.notice import check_notice
from tr_desk.core.checks.problems import Severity, copied_texts
from tr_desk.core.context import MeetingContext
from tr_desk.core.minutes import minutes_case
from tr_desk.core.model import (
    Answer,
    Body,
    Case,
    CaseKind,
    Meeting,
    MeetingMode,
    MeetingStatus,
    MinutesKind,
    Outcome,
)
from tr_desk.core.notice import place_line

AU = Body(1, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL, weekday=2, elected=True)
TODAY = dt.date(2026, 11, 23)


def meeting(**kwargs) -> Meeting:
    base = {
        "id": 1, "body_id": 1, "date": dt.date(2026, 12, 2), "start": dt.time(12),
        "end": dt.time(14), "place": "Rådhuset",
        "cases": [Case("Økonomi", proposal="Saken tas til orientering.")],
    }  # fmt: skip
    return Meeting(**{**base, **kwargs})


def context(
    m: Meeting, body: Body = AU, members: tuple[int, ...] = (), leader: int | None = None
) -> MeetingContext:
    numbers = {i: i + 1 for i in range(len(m.cases))}
    return MeetingContext(m, body, {}, numbers, members=members, leader=leader, today=TODAY)


def problems(m: Meeting) -> list[str]:
    return [f"{p.severity.value}: {p.where}: {p.message}" for p in check_notice(context(m))]


def test_a_seven_word_copied_resolution_is_flagged() -> None:
    """AU 24/22 carried AU 23/22's resolution word for word: seven words."""
    words = "Arbeidsutvalget slutter seg til forslaget fra administrasjonen."
    m = meeting(
        cases=[
            Case("A", proposal="Ja.", resolution=words),
            Case("B", proposal="Ja.", resolution=f"  {words}"),
            Case("Orientering", kind=CaseKind.DISCUSSION, proposal="Saken legges fram."),
            Case("Diskusjon", kind=CaseKind.DISCUSSION, proposal="Saken legges fram."),
        ]
    )
    found = copied_texts(context(m), "proposal") + copied_texts(context(m), "resolution")
    assert [(p.where, p.field) for p in found] == [
        ("AU 02/26", "proposal"),
        ("AU 02/26", "resolution"),
    ]
    minutes = check_minutes(context(m))
    assert any("ordrett likt det i AU 01/26" in p.message for p in minutes)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": dt.date(2026, 11, 20)}, "feil: Møtet: Møtedatoen 20.11.2026 er passert"),
        (
            {"notice_date": dt.date(2026, 12, 3)},
            "feil: Dato: Innkallingen er datert 03.12.2026, etter møtet.",
        ),
        # No date yet: it will be issued today, which is after a meeting of yesterday.
        (
            {"date": dt.date(2026, 11, 22)},
            "feil: Dato: Innkallingen er datert 23.11.2026, etter møtet.",
        ),
    ],
)
def test_too_late_is_an_error_before_the_notice_goes_out(kwargs, message) -> None:
    assert any(p.startswith(message) for p in problems(meeting(**kwargs))), problems(
        meeting(**kwargs)
    )


def test_a_held_meeting_in_the_past_is_not_too_late() -> None:
    m = meeting(
        date=dt.date(2022, 12, 7), notice_date=dt.date(2022, 11, 30), status=MeetingStatus.HELD
    )
    assert not [p for p in problems(m) if "passert" in p or "etter møtet" in p]


def test_invited_names_not_in_the_register_are_warned_of() -> None:
    found = problems(meeting(invited_other=["Ola Utenfor"], copy_other=["Kari Kopi"]))
    assert (
        "advarsel: Innkalt: «Ola Utenfor» er ikke i personregisteret; navnet står slik det er skrevet."
        in found
    )
    assert any("Kari Kopi" in p for p in found)


@pytest.mark.parametrize(
    ("mode", "place", "shown"),
    [
        (MeetingMode.REMOTE, "Digitalt møte", "Digitalt møte"),
        (MeetingMode.REMOTE, "digitalt (Teams)", "digitalt (Teams)"),
        (MeetingMode.REMOTE, "Teams", "Digitalt møte (Teams)"),
        (MeetingMode.REMOTE, "", "Digitalt møte"),
        (MeetingMode.WRITTEN, "Skriftlig saksbehandling", "Skriftlig saksbehandling"),
        (MeetingMode.WRITTEN, "", "Skriftlig saksbehandling"),
        (MeetingMode.IN_PERSON, "Rådhuset", "Rådhuset"),
    ],
)
def test_place_and_mode_are_said_once(mode, place, shown) -> None:
    assert place_line(meeting(mode=mode, place=place)) == shown


def test_a_written_case_not_carried_has_no_vedtak_and_a_stored_one_is_flagged() -> None:
    case = Case("Høring", proposal="AU slutter seg til.", resolution="AU slutter seg til.",
                outcome=Outcome.DEALT_WITH, answers={1: Answer.AGREES, 2: Answer.DISAGREES})  # fmt: skip
    m = meeting(mode=MeetingMode.WRITTEN, cases=[case], status=MeetingStatus.HELD)
    item = minutes_case(m, 0, "AU 01/26", {}, [1, 2])
    assert item.resolution == ""
    assert any("ikke vedtatt" in line for line in item.answers)
    found = check_minutes(context(m, members=(1, 2)))
    assert any(p.field == "resolution" and "men har et vedtak" in p.message for p in found)
    case.answers[2] = Answer.AGREES
    assert minutes_case(m, 0, "AU 01/26", {}, [1, 2]).resolution == "AU slutter seg til."


def test_quorum_is_judged_for_elected_bodies_only() -> None:
    case = Case("A", proposal="Ja.", resolution="Ja.", outcome=Outcome.DEALT_WITH)
    m = meeting(cases=[case], status=MeetingStatus.HELD)
    members = (1, 2, 3)
    elected = check_minutes(context(m, members=members, leader=9))
    assert any(p.field == "quorum" and p.severity is Severity.ERROR for p in elected)
    forum = Body(2, "KF", "Kommunedirektørforum", MinutesKind.REFERAT)
    assert not [p for p in check_minutes(context(m, forum, members)) if p.field == "quorum"]
