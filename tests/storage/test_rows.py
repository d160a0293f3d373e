"""Rows become core objects and back, unchanged: every kind the store keeps."""

from __future__ import annotations

import datetime as dt
import sqlite3

from tr_desk.core.model import (
    Body,
    BodyRole,
    FollowUp,
    FollowUpStatus,
    Meeting,
    MeetingMode,
    MinutesKind,
    PartyVote,
    Vote,
)
from tr_desk.storage import rows


def as_row(data: dict[str, object]) -> sqlite3.Row:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    names = ", ".join(f"? AS {key}" for key in data)
    row: sqlite3.Row = conn.execute(f"SELECT {names}", list(data.values())).fetchone()
    return row


def test_a_body_comes_back_as_it_went(tmp_path: object) -> None:
    body = Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT, 4, dt.time(8, 30),
                dt.time(11, 30), "Møterom A", ["RF"], 3, False, ["Rådmannsforum"],
                BodyRole.FORUM)  # fmt: skip
    assert rows.body(as_row({"id": 3, **rows.body_row(body)})) == body
    unknown = as_row({"id": 3, **rows.body_row(body), "role": "something new"})
    assert rows.body(unknown).role is BodyRole.OTHER  # a later TR Desk's role: read as other


def test_a_meeting_gets_a_calendar_uid_of_the_organisations_domain() -> None:
    meeting = Meeting(None, 1, dt.date(2027, 3, 9), mode=MeetingMode.REMOTE)
    row = rows.meeting_row(meeting, "fjord.example")
    assert row["uid"].endswith("@fjord.example") and len(row["uid"]) == 32 + 1 + 13  # type: ignore[union-attr]
    assert rows.meeting_row(meeting, "x.example")["uid"] != row["uid"]  # each new meeting its own
    kept = Meeting(None, 1, dt.date(2027, 3, 9), uid="abc@old.example")
    assert rows.meeting_row(kept, "x.example")["uid"] == "abc@old.example"


def test_votes_and_follow_ups_round_trip() -> None:
    vote = Vote(False, 5, 2, 1, note="Fra H stemte Kari Berg for.",
                parties=[PartyVote("H", 2, 1, names_for=["Kari Berg"])])  # fmt: skip
    assert rows.vote(rows.vote_text(vote)) == vote and rows.vote(None) is None
    item = FollowUp("Følg opp", None, "Kari", dt.date(2027, 4, 1), FollowUpStatus.IN_PROGRESS,
                    "notat", "KF 12/27", 7)  # fmt: skip
    assert rows.followup(as_row({"id": 7, "case_id": 1, **rows.followup_row(item)})) == item
