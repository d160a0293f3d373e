"""Quorum per case (kommuneloven § 11-9): at least half of the members present and voting."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Quorum:
    seats: int
    voting: int  # seats taken by a member or their substitute, disqualified left out

    @property
    def required(self) -> int:
        return (self.seats + 1) // 2

    @property
    def ok(self) -> bool:
        return self.seats > 0 and self.voting >= self.required

    def __str__(self) -> str:
        verdict = "vedtaksfør" if self.ok else "ikke vedtaksfør"
        return f"{self.voting} av {self.seats} stemmeberettigede, {verdict}"


def case_quorum(
    members: Collection[int],
    present: Collection[int],
    substitutes: Mapping[int, int] | None = None,
    disqualified: Collection[int] = (),
) -> Quorum:
    """Count the seats that can vote on one case.

    ``members`` are the person ids holding a seat, ``present`` everyone present for the case,
    ``substitutes`` maps a present substitute to the member they stand in for. A seat counts
    once, whether filled by its member or a substitute, and not when its holder is disqualified.
    """
    seats = set(members)
    filled: set[int] = set()
    for person in present:
        if person in disqualified:
            continue
        if person in seats:
            filled.add(person)
        elif substitutes and person in substitutes and substitutes[person] in seats:
            filled.add(substitutes[person])
    return Quorum(seats=len(seats), voting=len(filled))
