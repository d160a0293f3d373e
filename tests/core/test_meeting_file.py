"""Reading the meeting file strictly: every error names the path of its key."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tr_desk.core.meeting_file import MeetingFileError, meeting_key, read_meeting_file
from tr_desk.core.model import AttendanceStatus, Body, MeetingStatus, MinutesKind, Person

BODIES = [
    Body(1, "KF", "Kommunedirektørforum", MinutesKind.REFERAT, former_prefixes=["RF"]),
    Body(2, "NR", "Næringsrådet", MinutesKind.REFERAT),
]
PEOPLE = [Person(1, "Katrine Lereggen", aliases=["Kathrine Lereggen"]), Person(2, "Bård Eidet")]


def read(data: dict[str, Any]):
    return read_meeting_file({"body": "KF", "date": "2022-12-02", **data}, BODIES, PEOPLE)


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"colour": "red"}, "colour", "unknown key"),
        ({"date": "2022-02-30"}, "date", "not a date"),
        ({"body": "XX"}, "body", "unknown body"),
        ({"body": None}, "body", "missing"),
        ({"start": "25:00"}, "start", "not a time"),
        ({"mode": "video"}, "mode", "not one of"),
        ({"held": {"start": "08:30", "stop": "11:00"}}, "held.stop", "unknown key"),
        ({"invited": "Bård Eidet"}, "invited", "expected a list"),
        ({"attendance": [{"name": "Bård Eidet"}]}, "attendance[0].status", "missing"),
        ({"cases": [{"title": "A"}, {"text": "B"}]}, "cases[1].title", "missing"),
        ({"cases": [{"title": "A", "vote": {"fro": 1}}]}, "cases[0].vote.fro", "unknown key"),
        ({"cases": [{"title": "A", "vote": {"for": -1}}]}, "cases[0].vote.for", "whole number"),
        ({"cases": [{"title": "A", "vote": "ja"}]}, "cases[0].vote", "enstemmig"),
        ({"cases": [{"title": "A", "number": "AU 01/22"}]}, "cases[0].number", "not a KF case"),
        ({"cases": [{"title": "A", "number": "KF 01/21"}]}, "cases[0].number", "year 2022"),
        (
            {"cases": [{"title": "A", "number": "KF 01/22"}, {"title": "B", "number": "KF 1/22"}]},
            "cases[1].number",
            "same number",
        ),
        (
            {"cases": [{"title": "A", "attachments": [{"file": "x.pdf"}]}]},
            "cases[0].attachments[0].title",
            "missing",
        ),
        ({"cases": [{"title": 7}]}, "cases[0].title", "expected text"),
    ],
)
def test_errors_name_the_key(data: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(MeetingFileError) as error:
        read(data)
    assert error.value.path == path
    assert message in str(error.value)


def test_not_an_object() -> None:
    with pytest.raises(MeetingFileError, match="expected an object"):
        read_meeting_file([1, 2], BODIES, PEOPLE)


def test_names_are_matched_and_strangers_reported() -> None:
    loaded = read(
        {
            "status": "avholdt",
            "case_officer": "Bård Eidet",
            "attendance": [
                {"name": "Kathrine Lereggen", "status": "til_stede"},
                {"name": "Ola Gjest", "status": "digitalt"},
                {"name": "Kari Borte", "status": "forfall"},
            ],
        }
    )
    meeting = loaded.meeting
    assert meeting.status is MeetingStatus.HELD
    assert meeting.case_officer_id == 2
    assert [a.person_id for a in meeting.attendance] == [1, None]
    assert meeting.attendance[1].guest_name == "Ola Gjest"
    assert meeting.attendance[1].status is AttendanceStatus.DIGITAL
    assert len(loaded.warnings) == 2
    assert "Kari Borte" in loaded.warnings[1] and "left out" in loaded.warnings[1]


def test_former_prefix_and_numbers() -> None:
    loaded = read({"body": "RF", "cases": [{"title": "A", "number": "RF 19/22"}, {"title": "B"}]})
    assert loaded.body.prefix == "KF"
    assert loaded.given_numbers == {0: 19}


def test_meeting_key() -> None:
    assert meeting_key("kf 2022-12-02") == ("KF", dt.date(2022, 12, 2))
    with pytest.raises(ValueError):
        meeting_key("KF")
