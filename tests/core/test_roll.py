"""The roll during the meeting: rows, counts, each case's quorum line, others in the room."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tr_desk.core.context import MeetingContext
from tr_desk.core.errors import UserError
from tr_desk.core.model import (
    Answer,
    Attendance,
    AttendanceStatus,
    Body,
    Case,
    Exclusion,
    Meeting,
    MeetingMode,
    MinutesKind,
    Outcome,
    Person,
)
from tr_desk.core.roll import (
    case_line,
    default_role,
    in_room,
    quorum_heading,
    roll,
    roll_counts,
    suggested_others,
    with_other,
    with_span,
)

PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT
PEOPLE = {
    1: Person(1, "Anne Ås"),
    2: Person(2, "Bjørn Berg"),
    3: Person(3, "Cecilie Dahl"),
    4: Person(4, "Dag Vara"),
    5: Person(5, "Eva Sekretær"),
    6: Person(6, "Frode Innleder", aliases=("F. Innleder",)),
}


def context(
    attendance: list[Attendance] = (),  # type: ignore[assignment]
    *,
    elected: bool = True,
    mode: MeetingMode = MeetingMode.IN_PERSON,
    cases: list[Case] | None = None,
) -> MeetingContext:
    body = Body(1, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL, elected=elected)
    cases = cases or [
        Case("Første", id=10, presenter="F. Innleder, rådgiver"),
        Case("Andre", id=11, outcome=Outcome.DEALT_WITH),
        Case("Tredje", id=12),
    ]
    meeting = Meeting(
        1, 1, dt.date(2023, 3, 1), mode=mode, cases=cases, attendance=list(attendance)
    )
    return MeetingContext(
        meeting=meeting,
        body=body,
        people=PEOPLE,
        numbers={0: 7, 1: 8, 2: 9},
        invited=(1, 2, 3),
        copied=(5,),
        members=(1, 2, 3),
        substitutes=(4,),
    )


def test_the_roll_lists_those_called_then_the_others_with_their_notes() -> None:
    ctx = context(
        [
            Attendance(ABSENT, person_id=2, reason="syk"),
            Attendance(PRESENT, person_id=4, substitute_for=2, to_case=11),
            Attendance(PRESENT, guest_name="Gjest Gjestesen", role="gjest"),
        ]
    )
    rows = roll(ctx)
    assert [(r.name, r.status_text, r.notes) for r in rows] == [
        ("Anne Ås", "–", ""),
        ("Bjørn Berg", "Forfall", "syk"),
        ("Cecilie Dahl", "–", ""),
        ("Dag Vara", "Til stede", "vara for Bjørn Berg, til og med AU 08/23"),
        ("Gjest Gjestesen", "Til stede", "gjest"),
    ]
    assert [r.index for r in rows] == [None, 0, None, 1, 2]
    assert roll_counts(rows) == "2 til stede, 1 forfall, 2 ikke merket"


def test_the_party_has_its_own_column_not_a_note() -> None:
    ctx = context([Attendance(PRESENT, person_id=4, substitute_for=2, party="Sp")])
    row = next(r for r in roll(ctx) if r.name == "Dag Vara")
    assert (row.party, row.notes) == ("Sp", "vara for Bjørn Berg")


def test_someone_called_who_is_not_a_member_is_marked_so() -> None:
    ctx = replace(context(), invited=(1, 2, 3, 6))
    assert roll(ctx)[-1].notes == "innkalt"


def test_quorum_line_of_an_elected_body() -> None:
    ctx = context([Attendance(PRESENT, person_id=1), Attendance(PRESENT, person_id=2)])
    line = case_line(ctx, 0)
    assert (line.label, line.short, line.ok) == ("AU 07/23", "Ja 2/3", True)
    assert line.outcome == "Ikke ført" and case_line(ctx, 1).outcome == "Behandlet"
    assert line.verdict.startswith("<b>Vedtaksfør</b>: 2 av 3 medlemmer eller vara deltar")
    assert quorum_heading(ctx) == "Vedtaksfør"


def test_a_disqualified_member_leaves_the_quorum_and_the_room() -> None:
    cases = [Case("Første", id=10, exclusions=[Exclusion(2)]), Case("Andre", id=11)]
    ctx = context([Attendance(PRESENT, person_id=1), Attendance(PRESENT, person_id=2)], cases=cases)
    assert case_line(ctx, 0).short == "Nei 1/3" and not case_line(ctx, 0).ok
    assert in_room(ctx, 0) == 1 and in_room(ctx, 1) == 2


def test_a_forum_shows_who_is_there_without_a_verdict() -> None:
    ctx = context([Attendance(PRESENT, person_id=1)], elected=False)
    line = case_line(ctx, 0)
    assert (line.short, line.ok) == ("1/3", True)
    assert "vedtaksfør" not in line.verdict.lower()
    assert quorum_heading(ctx) == "Til stede"


def test_written_procedure_counts_the_answers() -> None:
    cases = [Case("Høring", id=10, answers={1: Answer.AGREES, 3: Answer.DISAGREES})]
    ctx = context(mode=MeetingMode.WRITTEN, cases=cases)
    assert case_line(ctx, 0).short == "2/3 svar"
    assert quorum_heading(ctx) == "Svar"


def test_others_suggested_are_the_copy_list_and_the_presenters_not_yet_marked() -> None:
    ctx = context()
    assert suggested_others(ctx) == [5, 6]
    assert default_role(ctx, 5) == "sekretariat" and default_role(ctx, 6) == ""
    marked = context([Attendance(PRESENT, person_id=5, role="sekretariat")])
    assert suggested_others(marked) == [6]


def test_another_person_is_added_once_and_a_guest_needs_a_name() -> None:
    lines = with_other([], 5, "", " sekretariat ", "Eva Sekretær")
    assert lines == [Attendance(PRESENT, person_id=5, role="sekretariat")]
    with pytest.raises(UserError, match="allerede på listen"):
        with_other(lines, 5, "", "", "Eva Sekretær")
    with pytest.raises(UserError, match="navn"):
        with_other(lines, None, "  ", "", "")
    guest = with_other(lines, None, " Gjest  Gjestesen ", "gjest", "")[-1]
    assert (guest.person_id, guest.guest_name) == (None, "Gjest Gjestesen")


def test_coming_and_going_only_for_someone_present() -> None:
    lines = [Attendance(PRESENT, person_id=1), Attendance(ABSENT, person_id=2)]
    spanned = with_span(lines, 0, 11, None)
    assert (spanned[0].from_case, spanned[0].to_case) == (11, None)
    assert lines[0].from_case is None  # a new list; the old one is as it was
    with pytest.raises(UserError, match="til stede først"):
        with_span(lines, 1, 11, None)
