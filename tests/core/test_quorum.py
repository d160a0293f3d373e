"""Quorum per case (kommuneloven § 11-9)."""

from __future__ import annotations

import pytest

from tr_desk.core.model import Person
from tr_desk.core.quorum import case_quorum

PEOPLE = [
    Person(1, "Katrine Lereggen", aliases=["Kathrine Lereggen"]),
    Person(2, "Alf-Petter Tenfjord"),
    Person(3, "Kjetil Mjøsund"),
    Person(4, "Bård Eidet"),
]
MEMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize(
    ("present", "substitutes", "disqualified", "voting", "ok"),
    [
        ([1, 2, 3, 4, 5], {}, [], 5, True),  # 5 of 9: quorum
        ([1, 2, 3, 4], {}, [], 4, False),  # 4 of 9: none
        ([1, 2, 3, 4, 20], {20: 9}, [], 5, True),  # a substitute fills a seat
        ([1, 2, 3, 4, 20], {20: 4}, [], 4, False),  # ... but not a seat already taken
        ([1, 2, 3, 4, 5], {}, [5], 4, False),  # the disqualified are left out
        ([1, 2, 3, 4, 5, 21], {21: 6}, [5], 5, True),
        ([1, 2, 3, 4, 30], {}, [], 4, False),  # a guest does not count
    ],
)
def test_quorum(present, substitutes, disqualified, voting, ok) -> None:
    quorum = case_quorum(MEMBERS, present, substitutes, disqualified)
    assert (quorum.voting, quorum.seats, quorum.ok) == (voting, 9, ok)


def test_quorum_text_in_norwegian() -> None:
    assert str(case_quorum([1, 2, 3, 4], [1, 2])) == "2 av 4 stemmeberettigede, vedtaksfør"
    assert not case_quorum([], []).ok
