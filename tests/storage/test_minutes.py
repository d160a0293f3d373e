"""The meeting as held, in the store: quorum per case, postponement, approval and its lock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tr_desk.core.minutes import minutes_content, quorum_for_case
from tr_desk.core.model import (
    Answer,
    Attendance,
    AttendanceStatus,
    Exclusion,
    MeetingMode,
)
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


def test_exclusions_answers_and_spans_round_trip(demo_store: Store) -> None:
    from tr_desk.cli.common import meeting_json
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
