"""The domain of TR Desk as plain dataclasses: bodies, people, memberships, meetings, cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tr_desk.core.organisation import BodyRole as BodyRole

# Kept here too: the model's readers import it with the rest of the model.
from tr_desk.core.status import MeetingStatus as MeetingStatus


def _freeze(record: Any, *names: str) -> None:
    """Sequences given as lists are kept as tuples, so that a frozen record stays unchanged and
    compares equal however it was built (rows, the meeting file, a test)."""
    for name in names:
        value = getattr(record, name)
        if isinstance(value, list):
            object.__setattr__(record, name, tuple(value))


class MinutesKind(StrEnum):
    """What a body calls its minutes; Protokoll bodies sign them (chair and daglig leder)."""

    REFERAT = "referat"
    PROTOKOLL = "protokoll"


class Role(StrEnum):
    LEADER = "leder"
    MEMBER = "medlem"
    SUBSTITUTE = "varamedlem"
    COPY = "kopi"


class MeetingMode(StrEnum):
    IN_PERSON = "fysisk"
    REMOTE = "fjernmøte"
    WRITTEN = "skriftlig"


class CaseKind(StrEnum):
    ORDINARY = "ordinær"
    APPROVAL = "godkjenning"
    BRIEFING = "orientering"
    DISCUSSION = "diskusjon"
    NEXT_MEETING = "neste_møte"
    BRIEFINGS = "orienteringer"
    ANY_OTHER = "eventuelt"


# The closing items («Orienteringer», «Eventuelt»): dealt with, never decided.
CLOSING_WITHOUT_DECISION = frozenset({CaseKind.BRIEFINGS, CaseKind.ANY_OTHER})


class Outcome(StrEnum):
    DEALT_WITH = "behandlet"
    POSTPONED = "utsatt"
    WITHDRAWN = "trukket"


class AttendanceStatus(StrEnum):
    PRESENT = "til_stede"
    DIGITAL = "digitalt"
    ABSENT = "forfall"


class ExclusionKind(StrEnum):
    DISQUALIFIED = "inhabil"
    EXCUSED = "fritatt"


class Answer(StrEnum):
    """A member's answer in written procedure (kommuneloven § 11-8)."""

    AGREES = "enig"
    DISAGREES = "uenig"
    DEMANDS_MEETING = "krever_møte"


@dataclass(frozen=True)
class Body:
    """An organ of the council with its case prefix and usual meeting slot."""

    id: int | None
    prefix: str
    name: str
    minutes_kind: MinutesKind
    weekday: int | None = None  # 0 = Monday
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    former_prefixes: Sequence[str] = ()
    sort_order: int = 0
    # An elected body (folkevalgt organ: the council, its executive committee): the quorum of
    # kommuneloven § 11-9 is judged for it. The forums only see how many are there.
    elected: bool = False
    former_names: Sequence[str] = ()  # «Rådmannsforum»: what old documents call the body
    role: BodyRole = BodyRole.OTHER  # the council, the executive committee, a forum …

    def __post_init__(self) -> None:
        _freeze(self, "former_prefixes", "former_names")

    @property
    def is_council(self) -> bool:
        return self.role is BodyRole.COUNCIL

    @property
    def minutes_title(self) -> str:
        return "Protokoll" if self.minutes_kind is MinutesKind.PROTOKOLL else "Referat"


@dataclass(frozen=True)
class Person:
    id: int | None
    name: str
    title: str = ""
    municipality: str = ""
    email: str = ""
    aliases: Sequence[str] = ()

    def __post_init__(self) -> None:
        _freeze(self, "aliases")


@dataclass(frozen=True)
class Membership:
    """A person's seat in a body for a period; an old meeting keeps the roster it had."""

    id: int | None
    person_id: int
    body_id: int
    role: Role
    start: dt.date
    end: dt.date | None = None
    sort_order: int = 0
    party: str = ""  # the party or list («Ap», «H», «INP»); empty for the forums
    rank: int | None = None  # a substitute's place on the list's substitute order (1, 2, …)

    def valid_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Attachment:
    title: str
    file: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Exemption:
    """Exempt from public access: the legal basis and the title the public sees."""

    basis: str
    public_title: str = ""


@dataclass(frozen=True)
class PartyVote:
    """How one party's members voted; names only where the party split (kommuneloven
    § 11-4 e as the ministry reads it)."""

    party: str
    votes_for: int = 0
    against: int = 0
    blank: int = 0
    names_for: Sequence[str] = ()
    names_against: Sequence[str] = ()
    names_blank: Sequence[str] = ()

    def __post_init__(self) -> None:
        _freeze(self, "names_for", "names_against", "names_blank")

    @property
    def split(self) -> bool:
        return sum(1 for n in (self.votes_for, self.against, self.blank) if n) > 1


@dataclass(frozen=True)
class Vote:
    """A recorded vote; ``unanimous`` prints as «enstemmig». With ``parties`` the counts are
    their sums (``core.votes`` makes such a vote)."""

    unanimous: bool = False
    votes_for: int = 0
    against: int = 0
    blank: int = 0
    note: str = ""
    parties: Sequence[PartyVote] = ()

    def __post_init__(self) -> None:
        _freeze(self, "parties")


class FollowUpStatus(StrEnum):
    OPEN = "åpen"
    IN_PROGRESS = "i_arbeid"
    DONE = "ferdig"
    DROPPED = "utgår"

    @property
    def is_open(self) -> bool:
        return self in (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


@dataclass(frozen=True)
class FollowUp:
    """Something a decision asks to be done: what, by whom, by when, and how it stands.
    ``closed_by`` is the case («KF 12/23») that reported it done."""

    what: str
    person_id: int | None = None
    who: str = ""  # someone not in the register, as written
    due: dt.date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    note: str = ""
    closed_by: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Exclusion:
    """A member disqualified (inhabil) or excused (fritatt) for one case, with the legal basis."""

    person_id: int
    kind: ExclusionKind = ExclusionKind.DISQUALIFIED
    basis: str = ""


@dataclass(frozen=True)
class Case:
    """An agenda item. ``number`` is set once frozen (notice issued or history); drafts are live."""

    title: str
    kind: CaseKind = CaseKind.ORDINARY
    id: int | None = None
    number: int | None = None
    text: str = ""
    attachments: Sequence[Attachment] = ()
    proposal: str = ""
    presenter: str = ""
    follows: str = ""
    exempt: Exemption | None = None
    introduced_by: str = ""
    introduction: str = ""  # what was presented, after «X innledet.»
    notes: str = ""
    resolution: str = ""
    vote: Vote | None = None
    outcome: Outcome | None = None
    exclusions: Sequence[Exclusion] = ()
    answers: Mapping[int, Answer] = field(default_factory=dict)  # written procedure, by person id
    postponed_from: str = ""  # «KF 40/22»: the case this one was postponed from
    # The same matter in other bodies, confirmed by the user («AU 30/22»): the saksgang.
    links: Sequence[str] = ()
    show_history: bool = False  # the notice prints «Tidligere behandling: …» under the case
    # Dealt with behind closed doors: the legal basis («2a»: kommuneloven § 11-5 andre ledd
    # bokstav a; see ``core.law.CLOSED_BASES``); empty: an open case.
    closed: str = ""
    late: bool = False  # a tilleggssak: added after the notice was issued (§ 11-3)
    objections: Sequence[str] = ()  # who objected to dealing with the late case, by name
    followups: Sequence[FollowUp] = ()

    def __post_init__(self) -> None:
        _freeze(self, "attachments", "exclusions", "links", "objections", "followups")


@dataclass(frozen=True)
class Attendance:
    """One line of the roster: a registered person, or a guest known only by name."""

    status: AttendanceStatus
    person_id: int | None = None
    guest_name: str = ""
    reason: str = ""
    substitute_for: int | None = None
    role: str = ""
    id: int | None = None
    from_case: int | None = None  # case id: arrived before it (None: from the start)
    to_case: int | None = None  # case id: left after it (None: to the end)
    party: str = ""  # the party represented, when it is not the membership's (a guest's list)


@dataclass(frozen=True)
class Meeting:
    id: int | None
    body_id: int
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    mode: MeetingMode = MeetingMode.IN_PERSON
    status: MeetingStatus = MeetingStatus.PLANNED
    notice_date: dt.date | None = None
    reference: str = ""
    case_officer_id: int | None = None
    chair_id: int | None = None
    minute_taker_id: int | None = None
    invited_ids: Sequence[int] | None = None  # None: the members on that date
    copy_ids: Sequence[int] | None = None  # None: the copy list on that date
    invited_other: Sequence[str] = ()  # «Innkalt» not in the register
    copy_other: Sequence[str] = ()  # «Kopi» not in the register
    held_start: dt.time | None = None
    held_end: dt.time | None = None
    notice_remarks: str = ""
    note: str = ""
    minutes_date: dt.date | None = None  # the «Dato» of the minutes
    approved_on: dt.date | None = None
    reopened_on: dt.date | None = None  # changed after approval («Gjenåpne»)
    cancel_reason: str = ""
    uid: str = ""  # the calendar event's UID, the same for ever (moved meetings move in Outlook)
    cases: Sequence[Case] = ()
    attendance: Sequence[Attendance] = ()

    def __post_init__(self) -> None:
        _freeze(
            self, "invited_ids", "copy_ids", "invited_other", "copy_other", "cases", "attendance"
        )

    @property
    def numbers_frozen(self) -> bool:
        """A draft's numbers follow the agenda; from the notice on they are fixed."""
        return self.status is not MeetingStatus.PLANNED

    @property
    def minutes_locked(self) -> bool:
        """Approved minutes change only after an explicit «Gjenåpne»."""
        return self.status is MeetingStatus.APPROVED


@dataclass(frozen=True)
class Letterhead:
    """The organisation at the top of page 1 of every document, like a municipal letter."""

    name: str = ""  # the organisation's name (``Organisation.name`` unless changed)
    logo: str = ""  # the image file's path; empty: no logo
