"""Votes per party (kommuneloven § 11-4 e): who is in the room for a case, by party; the
vote as the minutes print it; substitutes called from the absent member's list in the order
they were elected (§ 7-10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tr_desk.core.context import MeetingContext
from tr_desk.core.law import join_names
from tr_desk.core.model import (
    CLOSING_WITHOUT_DECISION,
    Case,
    Membership,
    Outcome,
    PartyVote,
    Role,
    Vote,
)
from tr_desk.core.presence import case_positions, takes_part

NO_PARTY = "Uten parti"


def _votes(n: int) -> str:
    return f"{n} stemme" if n == 1 else f"{n} stemmer"


def _parties(parties: Sequence[PartyVote], side: str, counts: bool) -> str:
    """«Ap 3, SV 1» (``counts``) or «H, FrP»: the parties with votes on ``side``."""
    out = []
    for p in parties:
        n = getattr(p, side)
        if n:
            out.append(f"{p.party} {n}" if counts else p.party)
    return ", ".join(out)


def _splits(parties: Sequence[PartyVote]) -> list[str]:
    """«Fra H stemte Kari Berg for, Ola Hansen mot.»: the names where a party split."""
    out = []
    for p in parties:
        if not p.split:
            continue
        named = ((p.names_for, "for"), (p.names_against, "mot"), (p.names_blank, "blankt"))
        sides = [f"{join_names(list(names))} {word}" for names, word in named if names]
        if sides:
            out.append(f"Fra {p.party} stemte {', '.join(sides)}.")
    return out


def assumed_unanimous(case: Case, elected: bool, written: bool) -> bool:
    """An elected body's case decided with no vote recorded: most are, and the minutes print
    it as unanimous («Vedtaket var enstemmig.»); the check says so as a hint. Not for written
    procedure (the answers are the vote) nor a body of officials (no votes at all)."""
    return (
        elected and not written and case.vote is None and bool(case.resolution.strip())
        and case.outcome is Outcome.DEALT_WITH and case.kind not in CLOSING_WITHOUT_DECISION
    )  # fmt: skip


def printed_vote(case: Case, elected: bool, written: bool) -> Vote | None:
    """The vote the minutes print: the one recorded, else unanimous where that is assumed."""
    return Vote(unanimous=True) if assumed_unanimous(case, elected, written) else case.vote


def carried(vote: Vote, resolution: str = "") -> bool:
    """More for than against; on a tie the chair's double vote decided it (§ 11-9), which the
    minutes show by a resolution."""
    if vote.unanimous:
        return True
    if vote.votes_for != vote.against:
        return vote.votes_for > vote.against
    return bool(resolution.strip())


def vote_line(vote: Vote | None, resolution: str = "") -> str:
    """The vote as the minutes say it: «Vedtaket var enstemmig.», «Vedtatt mot 2 stemmer (H,
    FrP).», «Forslaget falt med 4 mot 5 stemmer (Ap 3, SV 1 for; H 2, Sp 2, FrP 1 mot).»"""
    if vote is None:
        return ""
    note = f" {vote.note.strip().rstrip('.')}." if vote.note.strip() else ""
    if vote.unanimous or (vote.parties and not vote.against and not vote.blank):
        return "Vedtaket var enstemmig." + note
    if not vote.parties:
        line = f"Vedtatt med {vote.votes_for} mot {vote.against} stemmer"
        if vote.blank:
            line += f", {vote.blank} blank{'e' if vote.blank > 1 else ''}"
        return line + "." + note
    parties = vote.parties
    blank = ""
    if vote.blank:
        many = any(p.blank > 1 for p in parties)
        blank = f", {vote.blank} blank{'e' if vote.blank > 1 else ''}"
        blank += f" ({_parties(parties, 'blank', many)})"
    tie = vote.votes_for == vote.against
    chair = " ved møteleders dobbeltstemme" if tie else ""
    if carried(vote, resolution) and not tie:
        if vote.against:
            many = any(p.against > 1 for p in parties)
            line = f"Vedtatt mot {_votes(vote.against)} ({_parties(parties, 'against', many)})"
        else:
            line = f"Vedtatt med {_votes(vote.votes_for)}"
        line += blank + "."
    else:
        sides = "; ".join(
            f"{_parties(parties, side, True)} {word}"
            for side, word in (("votes_for", "for"), ("against", "mot"))
            if getattr(vote, side)
        )
        verb = "Vedtatt" if carried(vote, resolution) else "Forslaget falt"
        line = f"{verb} med {vote.votes_for} mot {_votes(vote.against)}{chair} ({sides}){blank}."
    return " ".join([line, *_splits(parties)]) + note


def party_vote(party: str, votes: Mapping[str, str], names: Sequence[str]) -> PartyVote:
    """One party's vote from each member's choice («for», «mot», «blank»); names kept only
    when the party split."""
    chosen = {side: [n for n in names if votes.get(n) == side] for side in ("for", "mot", "blank")}
    split = sum(1 for v in chosen.values() if v) > 1
    return PartyVote(
        party,
        votes_for=len(chosen["for"]),
        against=len(chosen["mot"]),
        blank=len(chosen["blank"]),
        names_for=chosen["for"] if split else (),
        names_against=chosen["mot"] if split else (),
        names_blank=chosen["blank"] if split else (),
    )


def vote_of(parties: Sequence[PartyVote], note: str = "") -> Vote:
    """A vote whose counts are the parties' sums."""
    return Vote(
        votes_for=sum(p.votes_for for p in parties),
        against=sum(p.against for p in parties),
        blank=sum(p.blank for p in parties),
        note=note,
        parties=[p for p in parties if p.votes_for or p.against or p.blank],
    )


# -- who votes, by party ---------------------------------------------------------------------


@dataclass(frozen=True)
class Voter:
    person_id: int | None
    name: str
    party: str


def voters(context: MeetingContext, index: int) -> list[Voter]:
    """The members (or their substitutes) with a vote on the case at ``index``, in roster
    order, each with the party they sit for: the line's own, else the membership's (a
    substitute's list), else the member's whose seat they take."""

    meeting = context.meeting
    positions = case_positions(meeting)
    case = meeting.cases[index]
    excluded = {e.person_id for e in case.exclusions}
    seats = set(context.members)
    order = {pid: i for i, pid in enumerate(context.members)}
    out: list[tuple[int, Voter]] = []
    for line in meeting.attendance:
        if line.person_id is None or not takes_part(line, index, positions):
            continue
        seat = line.person_id if line.person_id in seats else line.substitute_for
        if seat not in seats or line.person_id in excluded or seat in excluded:
            continue
        party = line.party or context.parties.get(line.person_id, "")
        party = party or context.parties.get(seat, "")
        out.append((order[seat], Voter(line.person_id, context.name(line.person_id), party)))
    return [v for _, v in sorted(out, key=lambda x: x[0])]


def by_party(people: Sequence[Voter]) -> dict[str, list[Voter]]:
    """The voters grouped by party, the parties in order of their first member."""
    out: dict[str, list[Voter]] = {}
    for v in people:
        out.setdefault(v.party or NO_PARTY, []).append(v)
    return out


def substitute_order(
    memberships: Sequence[Membership], member: int, day: dt.date, marked: set[int]
) -> list[int]:
    """The substitutes to call for ``member`` (§ 7-10): those of the member's list in rank
    order, skipping anyone already marked (present or absent); a body without lists gives
    its substitutes in roster order."""
    party = next(
        (m.party for m in memberships if m.person_id == member and m.valid_on(day) and m.party),
        "",
    )
    subs = [
        m for m in memberships
        if m.role is Role.SUBSTITUTE and m.valid_on(day)
        and m.person_id not in marked and m.person_id != member
    ]  # fmt: skip
    if party:
        subs = [m for m in subs if m.party == party]
    subs.sort(key=lambda m: (m.rank is None, m.rank or 0, m.sort_order))
    return list(dict.fromkeys(m.person_id for m in subs))
