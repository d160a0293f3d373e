"""A JSON file read within bounds: every failure one line naming where."""

from __future__ import annotations

import pytest

from tr_desk.core.json_file import MAX_DEPTH, MeetingFileError, key_path, parse_meeting_json


def test_a_file_reads_with_a_byte_order_mark() -> None:
    assert parse_meeting_json('\ufeff{"body": "KF"}'.encode()) == {"body": "KF"}


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'{"body": ', "line 1"),
        (b"\xff\xfe{}", "UTF-8"),
        (b'{"a": NaN}', ""),
        (("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)).encode(), "nested"),
        (b'{"a": "x\\ud800"}', ""),
    ],
)
def test_what_cannot_be_read_is_one_line(data: bytes, said: str) -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting_json(data)
    assert "\n" not in str(caught.value) and said in str(caught.value)


def test_a_path_names_the_key() -> None:
    assert key_path("cases[3]", "vote") == "cases[3].vote"
    assert key_path("", "body") == "body"
    assert key_path("x", "not a word") == "x['not a word']"
