"""Names from the register (spelling variants of the seeds), and quorum per case."""

from __future__ import annotations

import pytest

from tr_desk.core.model import Person
from tr_desk.core.names import NameIndex, name_key
from tr_desk.core.quorum import case_quorum

PEOPLE = [
    Person(1, "Katrine Lereggen", aliases=["Kathrine Lereggen"]),
    Person(2, "Alf-Petter Tenfjord"),
    Person(3, "Kjetil Mjøsund"),
    Person(4, "Bård Eidet"),
]


@pytest.mark.parametrize(
    ("typed", "person_id"),
    [
        ("Kathrine Lereggen", 1),
        ("katrine  lereggen", 1),
        ("Alf Petter Tenfjord", 2),
        ("Kjetil Mjø Sund", 3),
        ("BÅRD EIDET", 4),
        ("Bard Eidet", None),
        ("Katrine", None),
    ],
)
def test_spelling_variants_find_one_person(typed: str, person_id: int | None) -> None:
    found = NameIndex(PEOPLE).find(typed)
    assert (found.id if found else None) == person_id


def test_a_name_two_people_share_matches_neither() -> None:
    index = NameIndex([Person(1, "Ola Nordmann"), Person(2, "Ola Nord-Mann")])
    assert index.find("Ola Nordmann") is None


def test_name_key_ignores_case_space_and_hyphen() -> None:
    assert name_key("Alf-Petter  Tenfjord") == name_key("alf petter tenfjord")


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


def test_norwegian_alphabetical_order() -> None:
    from tr_desk.core.names import sort_key

    names = [
        "Åse Dahl",
        "ørjan Dahl",
        "Ærlig Nilsen",
        "Zakarias",
        "arne Berg",
        "Anne Øye",
        "Anne Åsen",
    ]
    assert sorted(names, key=sort_key) == [
        "Anne Øye", "Anne Åsen", "arne Berg", "Zakarias", "Ærlig Nilsen", "ørjan Dahl", "Åse Dahl",
    ]  # fmt: skip


def test_accents_fold_but_not_the_norwegian_letters() -> None:
    from tr_desk.core.names import sort_key

    assert sorted(["Émile", "Erik", "Eva"], key=sort_key) == ["Émile", "Erik", "Eva"]
    assert sort_key("Ånde") > sort_key("Zorro")
