"""A profile read into typed records; every shipped profile reads."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.model import BodyRole, Role
from tr_desk.core.organisation import ProfileError
from tr_desk.core.profile import parse_profile

SMALL = {
    "organisation": {"name": "X", "cycle_order": ["B", "A"]},
    "general_manager": "Kari  Nord",
    "bodies": [
        {"prefix": "a", "name": "Rådet", "role": "council", "weekday": "torsdag",
         "start": "10:00", "former_prefixes": ["z"]},
        {"prefix": "B", "name": "Styret", "role": "executive"},
    ],
    "people": [{"name": " Kari  Nord "}, {"name": "Per"}],
    "memberships": [
        {"body": "a", "role": "medlem", "start": "2024-01-01",
         "people": ["Per", {"name": "Kari Nord", "party": "Sp", "rank": 1}]},
    ],
}  # fmt: skip


def test_a_profile_reads_into_records() -> None:
    profile = parse_profile(SMALL)
    council, board = profile.bodies
    assert (council.prefix, council.role, council.weekday) == ("A", BodyRole.COUNCIL, 3)
    assert council.former_prefixes == ("Z",) and council.start == dt.time(10)
    assert board.role is BodyRole.EXECUTIVE and board.sort_order == 2
    assert [p.name for p in profile.people] == ["Kari Nord", "Per"]
    assert profile.general_manager == "Kari Nord"
    assert [(s.body, s.person, s.role, s.party, s.rank) for s in profile.seats] == [
        ("A", "Per", Role.MEMBER, "", None), ("A", "Kari Nord", Role.MEMBER, "Sp", 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"bodies": []},
        {"bodies": [{"prefix": "A", "name": "a"}, {"prefix": "a", "name": "b"}]},
        {"bodies": [{"prefix": "A", "name": "a", "role": "boss"}]},
        {"bodies": [{"prefix": "A", "name": "a", "weekday": "someday"}]},
        {"people": [{"name": "Per"}, {"name": "Per"}]},
        {"general_manager": "Nobody"},
        {"memberships": [{"body": "A", "role": "sjef", "start": "2024-01-01", "people": []}]},
        {"memberships": [{"body": "A", "role": "medlem", "start": "i fjor", "people": []}]},
    ],
)
def test_what_a_profile_cannot_be(change: dict[str, object]) -> None:
    with pytest.raises(ProfileError):
        parse_profile({**SMALL, **change})
