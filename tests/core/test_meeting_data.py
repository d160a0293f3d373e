"""The meeting file's types and its reader agree key for key: what one writes the other
reads."""

from __future__ import annotations

from typing import get_type_hints

from tr_desk.core import meeting_data as data
from tr_desk.core import meeting_file as reader


def keys(kind: type) -> set[str]:
    return set(get_type_hints(kind))


def test_every_key_the_types_know_the_reader_allows_and_back() -> None:
    assert keys(data.MeetingData) == reader.TOP_KEYS
    assert keys(data.CaseData) == reader.CASE_KEYS
    assert keys(data.AttendanceData) == reader.ATTENDANCE_KEYS
    assert keys(data.FollowUpData) == reader.FOLLOWUP_KEYS
    assert keys(data.ExclusionData) == reader.EXCLUSION_KEYS
    assert keys(data.AnswerData) == reader.ANSWER_KEYS
    assert keys(data.ExemptData) == reader.EXEMPT_KEYS
    assert keys(data.HeldData) == reader.HELD_KEYS
    assert keys(data.VoteData) == reader.VOTE_KEYS
    assert keys(data.PartyVoteData) == reader.PARTY_VOTE_KEYS
    assert keys(data.AttachmentData) == reader.ATTACHMENT_KEYS | {"text"}  # the import's
