"""The meeting as held, in the store: quorum per case, postponement, approval and its lock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.minutes import minutes_content, quorum_for_case, written_result
from tr_desk.core.model import (
    Answer,
    Attendance,
    AttendanceStatus,
    Exclusion,
    MeetingMode,
    MeetingStatus,
    Outcome,
)
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store


def kf(store: Store, day: str):
    body = store.register.body_by_prefix("KF")
    meeting_id = store.meetings.meeting_id(body.id, dt.date.fromisoformat(day))
    return store.meetings.meeting(meeting_id)


def person(store: Store, name: str) -> int:
    return next(p.id for p in store.register.people() if p.name == name)


def test_quorum_of_the_demo_meeting(demo_store: Store) -> None:
    meeting = kf(demo_store, "2022-09-16")
    members = demo_store.context(meeting).members
    assert len(members) == 9  # Ørjan Dahl came as a guest, not in a seat
    quorum = quorum_for_case(meeting, 5, members)
    assert (quorum.voting, quorum.seats, quorum.ok) == (4, 9, False)
    assert str(quorum) == "4 av 9 stemmeberettigede, ikke vedtaksfør"


def test_substitute_counts_and_disqualified_does_not(demo_store: Store) -> None:
    meeting = kf(demo_store, "2022-09-16")
    members = demo_store.context(meeting).members
    kvernmo = person(demo_store, "Ingvill Kvernmo")
    stand_in = person(demo_store, "Hans Kringstad")
    reitan = person(demo_store, "Tor Jakob Reitan")
    stands_in = Attendance(AttendanceStatus.PRESENT, person_id=stand_in, substitute_for=reitan)
    meeting = replace(meeting, attendance=[*meeting.attendance, stands_in])
    assert quorum_for_case(meeting, 5, members).voting == 5
    assert quorum_for_case(meeting, 5, members).ok
    cases = list(meeting.cases)
    cases[5] = replace(cases[5], exclusions=[Exclusion(kvernmo, basis="fvl. § 6 første ledd")])
    meeting = replace(meeting, cases=cases)
    assert quorum_for_case(meeting, 5, members).voting == 4
    assert not quorum_for_case(meeting, 5, members).ok
    assert quorum_for_case(meeting, 4, members).voting == 5  # only that case


def test_leaving_between_cases_changes_quorum(demo_store: Store) -> None:
    meeting = kf(demo_store, "2022-09-16")
    members = demo_store.context(meeting).members
    wolden = person(demo_store, "Morten Wolden")
    lines = [
        replace(line, to_case=meeting.cases[3].id) if line.person_id == wolden else line
        for line in meeting.attendance
    ]
    demo_store.minutes.set_attendance(meeting.id, lines)
    meeting = kf(demo_store, "2022-09-16")
    assert quorum_for_case(meeting, 3, members).voting == 4
    assert quorum_for_case(meeting, 4, members).voting == 3
    content = minutes_content(demo_store.context(meeting))
    assert content.cases[3].remarks == [
        "Morten Wolden forlot møtet etter behandlingen av denne saken."
    ]


def test_written_procedure_carries_only_if_all_agree() -> None:
    from tr_desk.core.model import Case

    case = Case("Høring", proposal="Vedtas.", answers={1: Answer.AGREES, 2: Answer.AGREES})
    assert written_result(case, [1, 2])
    case = replace(case, answers={1: Answer.AGREES, 2: Answer.DEMANDS_MEETING})
    assert not written_result(case, [1, 2])
    assert not written_result(Case("x", answers={1: Answer.AGREES}), [1, 2])


def test_postponed_case_lands_on_the_next_draft_and_leaves_again(demo_store: Store) -> None:
    body = demo_store.register.body_by_prefix("KF")
    draft_id = demo_store.meetings.create_meeting(body.id, dt.date(2023, 2, 3))
    meeting = kf(demo_store, "2022-12-02")
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
    meeting = kf(demo_store, "2022-12-02")
    demo_store.agenda.update_case(replace(meeting.cases[3], outcome=Outcome.POSTPONED))
    body = demo_store.register.body_by_prefix("KF")
    draft = demo_store.meetings.meeting(
        demo_store.meetings.create_meeting(body.id, dt.date(2023, 2, 3))
    )
    assert [c.postponed_from for c in draft.cases if c.postponed_from] == ["KF 47/22"]


def test_approval_case_approves_the_previous_minutes_and_locks_them(demo_store: Store) -> None:
    held = kf(demo_store, "2022-09-16")
    assert held.status is MeetingStatus.HELD
    approval = kf(demo_store, "2022-12-02").cases[0]
    approval = replace(approval, resolution=approval.proposal, outcome=Outcome.DEALT_WITH)
    demo_store.agenda.update_case(approval)
    held = kf(demo_store, "2022-09-16")
    assert held.status is MeetingStatus.APPROVED
    assert held.approved_on == dt.date(2022, 12, 2)
    case = replace(held.cases[3], notes="endret")
    with pytest.raises(StoreError, match="Gjenåpne"):
        demo_store.agenda.update_case(case)
    with pytest.raises(StoreError):
        demo_store.minutes.set_attendance(held.id, [])
    demo_store.minutes.reopen(held.id, dt.date(2022, 12, 5))
    demo_store.agenda.update_case(case)
    note = minutes_content(demo_store.context(kf(demo_store, "2022-09-16"))).status_note
    assert note == "Godkjent 02.12.2022. Endret etter godkjenning 05.12.2022."
    # Undoing the outcome takes the approval back (the meeting is held again, not approved).
    demo_store.minutes.approve(held.id, dt.date(2022, 12, 2))
    demo_store.agenda.update_case(replace(approval, outcome=None))
    assert kf(demo_store, "2022-09-16").status is MeetingStatus.HELD


def test_exclusions_answers_and_spans_round_trip(demo_store: Store) -> None:
    from tr_desk.cli import meeting_json
    from tr_desk.core.meeting_file import read_meeting_file

    meeting = kf(demo_store, "2022-09-16")
    kvernmo = person(demo_store, "Ingvill Kvernmo")
    case = replace(
        meeting.cases[4],
        exclusions=[Exclusion(kvernmo, basis="fvl. § 6 første ledd")],
        answers={kvernmo: Answer.AGREES},
    )
    demo_store.agenda.update_case(case)
    lines = list(meeting.attendance)
    lines[0] = replace(lines[0], from_case=meeting.cases[2].id)
    demo_store.minutes.set_attendance(meeting.id, lines)
    data = meeting_json(demo_store, kf(demo_store, "2022-09-16"))
    assert data["cases"][4]["exclusions"] == [
        {"name": "Ingvill Kvernmo", "kind": "inhabil", "basis": "fvl. § 6 første ledd"}
    ]
    assert data["attendance"][0]["from_case"] == "KF 34/22"
    assert data["minutes_date"] == "2022-09-23"
    loaded = read_meeting_file(data, demo_store.register.bodies(), demo_store.register.people())
    demo_store.meetings.save_loaded(loaded)
    assert meeting_json(demo_store, kf(demo_store, "2022-09-16")) == data


def test_written_procedure_minutes(demo_store: Store) -> None:
    meeting = kf(demo_store, "2022-12-02")
    meeting = replace(meeting, mode=MeetingMode.WRITTEN)
    demo_store.meetings.update_meeting(meeting)
    members = demo_store.context(meeting).members
    case = replace(meeting.cases[3], answers={m: Answer.AGREES for m in members})
    demo_store.agenda.update_case(case)
    content = minutes_content(demo_store.context(kf(demo_store, "2022-12-02")))
    assert content.cases[3].answers[-1].startswith("Forslaget er vedtatt")
    case = replace(case, answers={**case.answers, members[0]: Answer.DISAGREES})
    demo_store.agenda.update_case(case)
    content = minutes_content(demo_store.context(kf(demo_store, "2022-12-02")))
    assert content.cases[3].answers[-1].startswith("Forslaget er ikke vedtatt")


def test_check_of_the_minutes(demo_store: Store) -> None:
    from tr_desk.core.model import Vote

    meeting = kf(demo_store, "2022-12-02")
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
    messages = [p.message for p in check_minutes(demo_store.context(kf(demo_store, "2022-12-02")))]
    assert "Vedtak mangler." in messages
    assert "10 stemmer, men bare 9 stemmeberettigede deltok." in messages
    assert not any("verken merket" in m for m in messages)


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
    held = kf(demo_store, "2022-09-16")
    with pytest.raises(StoreError, match="avholdt"):
        demo_store.meetings.move_meeting(held.id, dt.date(2022, 9, 23))
    with pytest.raises(StoreError, match="avholdt"):
        demo_store.meetings.cancel_meeting(held.id, "x")


def test_member_and_substitute_both_present_print_in_the_seat(demo_store: Store) -> None:
    meeting = kf(demo_store, "2022-09-16")
    reitan = person(demo_store, "Tor Jakob Reitan")
    hans = person(demo_store, "Hans Kringstad")
    lines = [  # Reitan came for the last cases; his substitute before that
        replace(line, status=AttendanceStatus.PRESENT, from_case=meeting.cases[6].id)
        if line.person_id == reitan
        else line
        for line in meeting.attendance
    ]
    lines.append(
        Attendance(AttendanceStatus.PRESENT, person_id=hans, substitute_for=reitan,
                   to_case=meeting.cases[5].id)
    )  # fmt: skip
    demo_store.minutes.set_attendance(meeting.id, lines)
    content = minutes_content(demo_store.context(kf(demo_store, "2022-09-16")))
    present = dict(content.header)["Til stede"]
    assert present.startswith("Tor Jakob Reitan, Hans Kringstad (vara for Tor Jakob Reitan), ")
    assert content.cases[6].remarks == [
        "Tor Jakob Reitan kom til møtet før behandlingen av denne saken."
    ]
    assert content.cases[5].remarks == [
        "Hans Kringstad forlot møtet etter behandlingen av denne saken."
    ]
    members = demo_store.context(meeting).members
    meeting = kf(demo_store, "2022-09-16")
    assert quorum_for_case(meeting, 5, members).voting == 5  # Hans for Reitan
    assert quorum_for_case(meeting, 6, members).voting == 5  # Reitan himself
