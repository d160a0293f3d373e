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


# -- strictness: what a malformed or hostile file gets ------------------------------------------

from tr_desk.core.json_file import MAX_FILE_BYTES, parse_meeting_json  # noqa: E402

PRESENT = {"name": "Bård Eidet", "status": "til_stede"}
ABSENT = {"name": "Katrine Lereggen", "status": "forfall"}


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"date": "20221202"}, "date", "not a date"),
        ({"date": "2022-12-02\n"}, "date", "not a date"),
        ({"date": " 2022-12-02"}, "date", "not a date"),
        ({"date": "２０２２-１２-０２"}, "date", "not a date"),
        ({"date": "2022-12-0٢"}, "date", "not a date"),
        ({"start": "0830"}, "start", "expected HH:MM"),
        ({"start": "8:30"}, "start", "expected HH:MM"),
        ({"start": "08:30\n"}, "start", "expected HH:MM"),
        ({"start": "11:30", "end": "08:30"}, "end", "ends before it starts"),
        ({"held": {"start": "11:00", "end": "08:30"}}, "held.end", "ends before it starts"),
        ({"attendance": [{"name": "   ", "status": "til_stede"}]}, "attendance[0].name", "missing"),
        ({"chair": "  "}, "chair", "blank"),
        (
            {"attendance": [PRESENT, {**PRESENT, "status": "forfall"}]},
            "attendance[1].name",
            "already listed",
        ),
        (
            {"attendance": [PRESENT, {"name": "bård  eidet", "status": "digitalt"}]},
            "attendance[1].name",
            "already listed",
        ),
        (
            {"attendance": [{**PRESENT, "substitute_for": "Bård Eidet"}]},
            "attendance[0].substitute_for",
            "himself",
        ),
        (
            {"attendance": [{**PRESENT, "substitute_for": "Katrine Lereggen"}]},
            "attendance[0].substitute_for",
            "not listed as absent",
        ),
        (
            {
                "attendance": [
                    {**ABSENT, "status": "til_stede"},
                    {**PRESENT, "substitute_for": "Katrine Lereggen"},
                ]
            },
            "attendance[1].substitute_for",
            "not listed as absent",
        ),
        (
            {
                "attendance": [
                    ABSENT,
                    {**PRESENT, "status": "forfall", "substitute_for": "Katrine Lereggen"},
                ]
            },
            "attendance[1].status",
            "absent",
        ),
        (
            {
                "attendance": [{**PRESENT, "from_case": "KF 45/22", "to_case": "KF 44/22"}],
                "cases": [
                    {"title": "A", "number": "KF 44/22"},
                    {"title": "B", "number": "KF 45/22"},
                ],
            },
            "attendance[0].to_case",
            "before from_case",
        ),
        (
            {
                "cases": [
                    {
                        "title": "A",
                        "answers": [
                            {"name": "Bård Eidet", "answer": "enig"},
                            {"name": "Bård Eidet", "answer": "uenig"},
                        ],
                    }
                ]
            },
            "cases[0].answers[1].name",
            "second answer",
        ),
        ({"cases": [{"title": "A", "vote": {"for": 10**30}}]}, "cases[0].vote.for", "too large"),
        (
            {"cases": [{"title": "A", "vote": {"for": 5000}}]},
            "cases[0].vote.for",
            "more than any roster",
        ),
        ({"cases": [{"title": "A", "vote": {"for": 1.5}}]}, "cases[0].vote.for", "whole number"),
        (
            {"attendance": [PRESENT], "cases": [{"title": "A", "vote": {"for": 2}}]},
            "cases[0].vote",
            "only 1 present",
        ),
        ({"cases": [{"title": "A", "presenter": " \t "}]}, "cases[0].presenter", "blank"),
        ({"cases": [{"title": "   "}]}, "cases[0].title", "missing"),
    ],
)
def test_malformed_values_are_refused_naming_the_key(data, path, message) -> None:
    from tr_desk.core.json_file import check_shape

    with pytest.raises(MeetingFileError) as error:
        check_shape({"body": "KF", "date": "2022-12-02", **data})
        read(data)
    assert error.value.path == path, str(error.value)
    assert message in str(error.value)


def raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" * 5000 + b"]" * 5000, "nested deeper"),
        (b"[" * 100_000, "nested deeper"),
        (
            raw('{"body": "KF", "date": "2022-12-02", "x": ' + "[" * 20 + "]" * 20 + "}"),
            "nested deeper",
        ),
        (
            raw('{"body": "KF", "date": "2022-12-02", "note": 1' + "0" * 5000 + "}"),
            "not a valid meeting file",
        ),
        (raw('{"body": "KF", "date": "2022-12-02", "note": "\\ud800"}'), "lone surrogate"),
        (raw('{"body": "KF", "date": "2022-12-02", "\\udfff": 1}'), "lone surrogate"),
        (raw('{"body": "KF", "date": "2022-12-02", "note": "a\\u0000b"}'), "NUL"),
        (raw('{"body": "KF", "date": "2022-12-02", "note": NaN}'), "not a valid meeting file"),
        (raw('{"body": "KF", "date": 1e400}'), "expected a whole number"),
        (b"\xff\xfe{}", "not a UTF-8 text file"),
        (b'{"body": "KF",', "line 1 column"),
        (b" " * (MAX_FILE_BYTES + 1), "larger than"),
    ],
)
def test_hostile_files_are_one_line(data: bytes, message: str) -> None:
    with pytest.raises(MeetingFileError) as error:
        parse_meeting_json(data)
    text = str(error.value)
    assert message in text and "\n" not in text and len(text) < 200


def test_a_bom_is_accepted() -> None:
    data = "\ufeff" + '{"body": "KF", "date": "2022-12-02"}'
    assert parse_meeting_json(data.encode("utf-8"))["body"] == "KF"


@pytest.mark.parametrize(
    "value",
    ["x" * (1 << 20), "\x1b[2J\x1b[31mrød", "a\nb\rc", "\u202eevil"],
)
def test_error_lines_quote_a_value_short_and_escaped(value: str) -> None:
    with pytest.raises(MeetingFileError) as error:
        read({"mode": value})
    text = str(error.value)
    assert len(text) < 200
    assert not any(ch in text for ch in "\x1b\n\r\u202e")


def test_an_unknown_key_with_control_characters_is_quoted() -> None:
    with pytest.raises(MeetingFileError) as error:
        read({"\x1b[31m" + "k" * 500: 1})
    text = str(error.value)
    assert "\x1b" not in text and len(text) < 200 and "unknown key" in text
