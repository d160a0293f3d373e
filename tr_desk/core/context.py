"""Everything about one meeting that a document, a check or the meeting file needs, read once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from tr_desk.core.model import Body, Letterhead, Meeting, Membership, Person, Role
from tr_desk.core.names import NameIndex
from tr_desk.core.numbering import case_label
from tr_desk.core.organisation import Organisation

MEMBER_ROLES = (Role.LEADER, Role.MEMBER)


def roster(memberships: Sequence[Membership], day: dt.date, roles: Sequence[Role]) -> list[int]:
    """Person ids holding one of ``roles`` on ``day``, in roster order (``memberships`` sorted
    by the roster's order, as the store reads them)."""
    return list(
        dict.fromkeys(m.person_id for m in memberships if m.role in roles and m.valid_on(day))
    )


@dataclass(frozen=True)
class MeetingContext:
    """One meeting with all it refers to: the store builds it in one read.

    ``numbers`` maps agenda index to case number (frozen, or live for a draft); ``invited``,
    ``copied`` and ``members`` are person ids in roster order; ``previous`` is the body's
    previous meeting (not cancelled); ``council`` is the organisation's top body and
    ``council_meetings`` its dates, for the standard cases and the check.
    """

    meeting: Meeting
    body: Body
    people: Mapping[int, Person]
    numbers: Mapping[int, int]
    invited: tuple[int, ...] = ()
    copied: tuple[int, ...] = ()
    members: tuple[int, ...] = ()
    substitutes: tuple[int, ...] = ()  # the body's varamedlemmer on the date
    leader: int | None = None
    manager: Person | None = None  # the daglig leder: case officer and signatory by default
    previous: dt.date | None = None
    council: Body | None = None
    council_meetings: tuple[dt.date, ...] = ()
    organisation: Organisation = field(default_factory=Organisation)
    today: dt.date | None = None
    letterhead: Letterhead = field(default_factory=Letterhead)
    # «Tidligere behandling» of the cases that print it: agenda index → case numbers.
    history: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    # The body's memberships (every period): parties, lists and the substitutes' ranks.
    memberships: tuple[Membership, ...] = ()
    imported: bool = False  # made from old documents (its sources kept): a record, judged so

    @property
    def chair(self) -> int | None:
        """Who chaired: as recorded, else the body's leader on the meeting's date."""
        return self.meeting.chair_id if self.meeting.chair_id is not None else self.leader

    def label(self, index: int) -> str:
        """«KF 46/22» for the case at agenda ``index``; empty when it has no number."""
        return case_label(self.body.prefix, self.numbers, index, self.meeting.date.year)

    def where(self, index: int) -> str:
        """The case's number, or «Sak 3» for one without: where a problem is."""
        return self.label(index) or f"Sak {index + 1}"

    def name(self, person_id: int | None) -> str:
        person = self.people.get(person_id) if person_id is not None else None
        return person.name if person else ""

    @cached_property
    def holidays(self) -> Mapping[dt.date, str]:
        """Norway's public holidays (and Sundays) in the meeting's year, looked up when asked."""
        from tr_desk.core.holidays import norwegian_holidays

        return norwegian_holidays([self.meeting.date.year])

    @cached_property
    def parties(self) -> Mapping[int, str]:
        """Each person's party or list in the body on the meeting's date."""
        day = self.meeting.date
        return {m.person_id: m.party for m in self.memberships if m.party and m.valid_on(day)}

    @cached_property
    def names(self) -> NameIndex:
        """The register's names with their spellings, to match a typed name."""
        return NameIndex(list(self.people.values()))

    def with_meeting(self, meeting: Meeting) -> MeetingContext:
        """The same context around another version of the meeting (the public one)."""
        return replace(self, meeting=meeting)
