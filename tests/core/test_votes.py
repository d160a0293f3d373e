"""Votes per party, closed and late items: what the minutes say (kommuneloven §§ 11-3, 11-4 e,
11-5, 7-10)."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.law import closed_line, late_line, objection_blocks, parse_closed
from tr_desk.core.model import Membership, PartyVote, Role, Vote
from tr_desk.core.votes import carried, party_vote, substitute_order, vote_line, vote_of


def test_a_vote_carried_against_two_parties() -> None:
    vote = vote_of([
        PartyVote("Ap", votes_for=4), PartyVote("Sp", votes_for=2),
        PartyVote("H", against=1), PartyVote("FrP", against=1),
    ])  # fmt: skip
    assert (vote.votes_for, vote.against) == (6, 2)
    assert vote_line(vote) == "Vedtatt mot 2 stemmer (H, FrP)."
    two = vote_of([PartyVote("Ap", votes_for=5), PartyVote("H", against=2)])
    assert vote_line(two) == "Vedtatt mot 2 stemmer (H 2)."


def test_a_fallen_proposal_names_both_sides() -> None:
    vote = vote_of([
        PartyVote("Ap", votes_for=3), PartyVote("SV", votes_for=1), PartyVote("H", against=2),
        PartyVote("Sp", against=2), PartyVote("FrP", against=1),
    ])  # fmt: skip
    assert not carried(vote)
    assert vote_line(vote) == (
        "Forslaget falt med 4 mot 5 stemmer (Ap 3, SV 1 for; H 2, Sp 2, FrP 1 mot)."
    )


def test_a_split_party_is_named() -> None:
    names = ["Kari Berg", "Ola Hansen", "Per Olsen"]
    h = party_vote("H", {"Kari Berg": "for", "Ola Hansen": "mot", "Per Olsen": "for"}, names)
    assert h.split and h.names_against == ("Ola Hansen",)
    whole = party_vote("Ap", {"A": "for", "B": "for"}, ["A", "B"])
    assert not whole.split and not whole.names_for  # names only where a party split
    line = vote_line(vote_of([whole, h]))
    assert (
        line == "Vedtatt mot 1 stemme (H). Fra H stemte Kari Berg og Per Olsen for, Ola Hansen mot."
    )


def test_a_tie_is_decided_by_the_chair() -> None:
    vote = vote_of([PartyVote("Ap", votes_for=2), PartyVote("H", against=2)])
    assert vote_line(vote, "Vedtak.").startswith(
        "Vedtatt med 2 mot 2 stemmer ved møteleders dobbeltstemme (Ap 2 for; H 2 mot)"
    )
    assert vote_line(vote).startswith("Forslaget falt med 2 mot 2 stemmer")


def test_votes_without_parties_and_unanimous_read_as_before() -> None:
    assert vote_line(Vote(True)) == "Vedtaket var enstemmig."
    assert vote_line(Vote(votes_for=5, against=2, note="Ap")) == "Vedtatt med 5 mot 2 stemmer. Ap."
    assert vote_line(vote_of([PartyVote("Ap", votes_for=3)])) == "Vedtaket var enstemmig."


def test_substitutes_are_called_from_the_members_list_in_rank_order() -> None:
    day = dt.date(2023, 3, 1)
    start = dt.date(2023, 1, 1)

    def seat(pid: int, role: Role, party: str, rank: int | None = None) -> Membership:
        return Membership(pid, pid, 1, role, start, party=party, rank=rank, sort_order=pid)

    seats = [
        seat(1, Role.MEMBER, "H"), seat(2, Role.MEMBER, "Ap"),
        seat(10, Role.SUBSTITUTE, "H", 2), seat(11, Role.SUBSTITUTE, "H", 1),
        seat(12, Role.SUBSTITUTE, "Ap", 1), seat(13, Role.SUBSTITUTE, "H", 3),
    ]  # fmt: skip
    assert substitute_order(seats, 1, day, set()) == [11, 10, 13]
    assert substitute_order(seats, 1, day, {11}) == [10, 13]  # already marked: skipped
    assert substitute_order(seats, 2, day, set()) == [12]
    no_lists = [
        seat(1, Role.MEMBER, ""),
        seat(20, Role.SUBSTITUTE, ""),
        seat(21, Role.SUBSTITUTE, ""),
    ]
    assert substitute_order(no_lists, 1, day, set()) == [20, 21]


def test_closed_item_lines() -> None:
    assert closed_line("2a") == (
        "Møtet ble lukket under behandlingen av saken, jf. kommuneloven § 11-5 andre ledd "
        "bokstav a."
    )
    assert parse_closed("§ 11-5 tredje ledd bokstav b") == "3b"
    assert parse_closed("2B") == "2b"
    with pytest.raises(ValueError):
        parse_closed("4c")


def test_late_items_and_objections() -> None:
    assert late_line([], False).endswith("Ingen motsatte seg at saken ble behandlet.")
    assert objection_blocks(["Rita Ottervik"], "Rita Ottervik", 9)  # the chair
    assert objection_blocks(["A", "B", "C"], "Rita Ottervik", 9)  # a third
    assert not objection_blocks(["A", "B"], "Rita Ottervik", 9)
    assert "ble derfor utsatt" in late_line(["A", "B", "C"], True)
    assert "ikke møteleder eller en tredjedel" in late_line(["A"], False)
