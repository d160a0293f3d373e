"""The extraction as data: stable systemIDs, meetings linked per body, the approvals as
changes, which meetings of a period go in."""

from __future__ import annotations

import datetime as dt
import uuid

from tr_desk.core import archive as n5
from tr_desk.core.model import Case, CaseKind, Meeting, MeetingStatus, Outcome

DAY = dt.date(2022, 9, 16)


def meeting(day: dt.date, status: MeetingStatus, **more) -> Meeting:
    return Meeting(1, 1, day, status=status, **more)


def test_a_system_id_is_a_uuid_that_follows_the_record() -> None:
    first = n5.system_id("trondheimsregionen.no", "moeteregistrering", "KF 37/22")
    assert uuid.UUID(first).version == 5
    assert first == n5.system_id("trondheimsregionen.no", "moeteregistrering", "KF 37/22")
    assert first != n5.system_id("trondheimsregionen.no", "moeteregistrering", "KF 38/22")
    assert first != n5.system_id("fjordregionen.example", "moeteregistrering", "KF 37/22")


def folder(body: int, day: dt.date, key: str) -> n5.ArchiveMeeting:
    return n5.ArchiveMeeting(
        key,
        key,
        key,
        n5.midnight(day),
        n5.midnight(day),
        "x",
        "1/2022",
        "B",
        day,
        "",
        (),
        (),
        body_id=body,
    )


def test_each_meeting_points_to_its_bodys_previous_and_next() -> None:
    a, b, c = folder(1, DAY, "a"), folder(2, DAY, "b"), folder(1, dt.date(2022, 12, 2), "c")
    linked = n5.linked([c, b, a])
    by_id = {m.system_id: m for m in linked}
    assert (by_id["a"].previous, by_id["a"].next) == (None, "c")
    assert (by_id["c"].previous, by_id["c"].next) == ("a", None)
    assert (by_id["b"].previous, by_id["b"].next) == (None, None)  # another body


def test_an_approval_and_a_reopening_are_changes() -> None:
    approved = meeting(DAY, MeetingStatus.APPROVED, approved_on=dt.date(2022, 12, 2))
    (change,) = n5.approval_changes(approved, "m", "Bård Eidet")
    assert (change.before, change.after, change.when) == ("Avholdt", "Godkjent",
                                                          dt.datetime(2022, 12, 2))  # fmt: skip
    again = meeting(DAY, MeetingStatus.APPROVED, approved_on=dt.date(2022, 12, 9),
                    reopened_on=dt.date(2022, 12, 5))  # fmt: skip
    assert [(c.before, c.after) for c in n5.approval_changes(again, "m", "x")] == [
        ("Godkjent", "Gjenåpnet"),
        ("Gjenåpnet", "Godkjent"),
    ]
    undated = meeting(DAY, MeetingStatus.APPROVED, minutes_date=dt.date(2022, 9, 23))
    assert n5.approval_changes(undated, "m", "x")[0].when == dt.datetime(2022, 9, 23)


def test_only_approved_meetings_of_the_period_go_in_the_rest_are_named() -> None:
    meetings = [
        meeting(dt.date(2021, 12, 1), MeetingStatus.APPROVED),
        meeting(DAY, MeetingStatus.APPROVED),
        meeting(dt.date(2022, 10, 1), MeetingStatus.HELD),
        meeting(dt.date(2022, 11, 1), MeetingStatus.CANCELLED),
    ]
    kept, left = n5.in_period(meetings, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert [m.date for m in kept] == [DAY] and [m.date for m in left] == [dt.date(2022, 10, 1)]


def test_case_types_and_statuses() -> None:
    assert n5.case_type(Case("x")) == "Politisk sak"
    assert n5.case_type(Case("x", kind=CaseKind.BRIEFINGS)) == "Orienteringssak"
    assert n5.case_type(Case("x", kind=CaseKind.DISCUSSION)) == "Drøftingssak"
    assert n5.record_status(Case("x", outcome=Outcome.POSTPONED)) == "Utsatt"
    assert n5.record_status(Case("x")) == "Behandlet"
    assert n5.DocumentFile("a", b"", 2, "U").pronom == "fmt/478"
    assert n5.DocumentFile("a", b"", 1, "B").pronom == "fmt/354"
