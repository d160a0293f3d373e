"""When a meeting becomes called, held or approved, and what each step brings with it.

The one place for the meeting's life::

    planned ──issue──▶ notice issued ──start──▶ held ──approve──▶ minutes approved
       │                   │                     ▲                     │
       └──cancel───────────┴──▶ cancelled        └──────reopen─────────┘

- **issue** (`issue`): «Send ut innkalling» fixes the case numbers for good and dates the
  notice (today, unless it was dated by hand).
- **start** (`with_held_times`): a start time recorded in the Møte pane means the meeting is
  held; so does a status set by hand or read from a meeting file (`freezes_numbers`: a meeting
  called or held without a notice from TR Desk gets its numbers fixed then).
- **approve** (`approve`): by hand in the Protokoll pane, or by the next meeting's approval case
  resolved as dealt with (`outcome_changes`); approved minutes are locked (`check_unlocked`).
- **reopen** (`reopen`): unlocks approved minutes; the date is kept so the document says so.
- **move / cancel** (`moved`, `cancelled`): only before the meeting is held; a called meeting
  keeps its year (its case numbers).
- **an outcome** (`outcome_changes`): a postponed case goes onto the body's next draft agenda,
  before the closing standard cases (`closing_position`), and off it again if the outcome
  changes back.

Every function is pure: it returns the meeting as it becomes (or the changes to write), and
the store writes them in one transaction. The window and the command line call the same
function for the same step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code
from tr_desk.core.model import Attachment, Case, CaseKind, Meeting, MeetingStatus, Outcome

HELD_STATES = (MeetingStatus.HELD, MeetingStatus.APPROVED)
CALLED_STATES = (MeetingStatus.NOTICE_ISSUED, MeetingStatus.HELD, MeetingStatus.APPROVED)
# The standard cases that close an agenda; a new or carried case goes before them.
CLOSING_KINDS = (CaseKind.NEXT_MEETING, CaseKind.BRIEFINGS, CaseKind.ANY_OTHER)


def is_held(meeting: Meeting) -> bool:
    """Held, with or without approved minutes: the minutes exist."""
    return meeting.status in HELD_STATES


def is_open(meeting: Meeting) -> bool:
    """Not yet held and not cancelled: it can still move or be cancelled."""
    return meeting.status in (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED)


# -- guards --------------------------------------------------------------------------------


def check_unlocked(meeting: Meeting) -> None:
    """Approved minutes change only after an explicit «Gjenåpne»."""
    if meeting.minutes_locked:
        raise UserError.of(Code.MINUTES_THIS_MEETING_ARE_APPROVED)


def check_deletable(meeting: Meeting) -> None:
    """Only a draft created by mistake is deleted; an issued notice is cancelled instead."""
    if meeting.numbers_frozen:
        raise UserError.of(Code.MEETING_HAS_BEEN_CALLED_CANNOT)


def move_refusal(meeting: Meeting, day: dt.date) -> UserError | None:
    """Why ``meeting`` cannot move to ``day``; None when it can."""
    if is_held(meeting):
        return UserError.of(Code.MEETING_HELD_CANNOT_MOVE)
    if meeting.status is MeetingStatus.CANCELLED:
        return UserError.of(Code.MEETING_CANCELLED_ADD_NEW_ONE)
    if meeting.date.year != day.year and meeting.numbers_frozen:
        return UserError.of(Code.CALLED_MEETING_CANNOT_MOVE_ANOTHER)
    return None


def cancel_refusal(meeting: Meeting) -> UserError | None:
    """Why ``meeting`` cannot be cancelled; None when it can."""
    if is_held(meeting):
        return UserError.of(Code.MEETING_HELD_CANNOT_CANCELLED)
    return None


# -- the steps -----------------------------------------------------------------------------


def moved(meeting: Meeting, day: dt.date) -> Meeting:
    refusal = move_refusal(meeting, day)
    if refusal is not None:
        raise refusal
    return replace(meeting, date=day)


def cancelled(meeting: Meeting, reason: str) -> Meeting:
    refusal = cancel_refusal(meeting)
    if refusal is not None:
        raise refusal
    return replace(meeting, status=MeetingStatus.CANCELLED, cancel_reason=" ".join(reason.split()))


def issue(meeting: Meeting, today: dt.date) -> Meeting:
    """«Send ut innkalling»: called (unless already further on), dated today unless dated."""
    status = MeetingStatus.NOTICE_ISSUED if meeting.status is MeetingStatus.PLANNED else None
    return replace(
        meeting, status=status or meeting.status, notice_date=meeting.notice_date or today
    )


def with_held_times(meeting: Meeting, start: dt.time | None, end: dt.time | None) -> Meeting:
    """The times the meeting was actually held; a start time means it is held."""
    status = meeting.status
    if start is not None and status in (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED):
        status = MeetingStatus.HELD
    return replace(meeting, held_start=start, held_end=end, status=status)


def approve(meeting: Meeting, day: dt.date) -> Meeting:
    """The minutes approved on ``day``: locked until «Gjenåpne»."""
    if not is_held(meeting):
        raise UserError.of(Code.ONLY_HELD_MEETING_CAN_HAVE)
    return replace(meeting, status=MeetingStatus.APPROVED, approved_on=day)


def reopen(meeting: Meeting, day: dt.date | None) -> Meeting:
    """Unlock approved minutes; ``day`` is kept so the document says they changed after."""
    if not is_held(meeting):
        raise UserError.of(Code.ONLY_APPROVED_MINUTES_CAN_REOPENED)
    return replace(meeting, status=MeetingStatus.HELD, reopened_on=day)


def freezes_numbers(was: Meeting, new: Meeting) -> bool:
    """A meeting called or held without a notice from TR Desk: its numbers are fixed now."""
    return new.status in CALLED_STATES and not was.numbers_frozen


def changes_plan(was: Meeting, new: Meeting) -> bool:
    """The drafts' standard cases («forrige møte», «neste møte i regionrådet») must follow."""
    return (new.date, new.status, new.place) != (was.date, was.status, was.place)


# -- the agenda ----------------------------------------------------------------------------


def closing_position(cases: Sequence[Case]) -> int:
    """Where a new or carried case goes: before the closing standard cases."""
    return next((i for i, c in enumerate(cases) if c.kind in CLOSING_KINDS), len(cases))


def with_carried(cases: Sequence[Case], carried: Sequence[Case]) -> list[Case]:
    """A new agenda with the postponed cases put in before its closing standard cases."""
    at = closing_position(cases)
    return [*cases[:at], *carried, *cases[at:]]


def postponed_copy(case: Case, label: str) -> Case:
    """A postponed case as it goes onto a later agenda: the case papers, not the minutes."""
    return Case(
        title=case.title, kind=case.kind, text=case.text,
        attachments=[Attachment(a.title, a.file) for a in case.attachments],
        proposal=case.proposal, presenter=case.presenter, follows=case.follows,
        exempt=case.exempt, postponed_from=label,
    )  # fmt: skip


@dataclass(frozen=True)
class OutcomeChanges:
    """What an outcome recorded on a case brings with it, for the store to write."""

    carry: Case | None = None  # onto ``target``, at ``position``
    target: int | None = None
    position: int = 0
    uncarry: tuple[int, ...] = ()  # case ids taken back off ``target``
    meetings: tuple[Meeting, ...] = ()  # meeting headers to save (the previous minutes)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.carry is None and not self.uncarry and not self.meetings


def outcome_changes(
    meeting: Meeting,
    old: Case,
    new: Case,
    label: str,
    next_draft: Meeting | None,
    previous_held: Meeting | None,
) -> OutcomeChanges:
    """The consequences of ``old`` becoming ``new`` at ``meeting``.

    A postponed case is carried to the body's next draft agenda (``next_draft``, with its cases)
    and taken back off if the outcome changes again. The approval case dealt with approves the
    previous meeting's minutes (``previous_held``, a header), and undoes that when it changes
    back, if the approval was this meeting's.
    """
    carry, target, position = None, None, 0
    uncarry: tuple[int, ...] = ()
    if Outcome.POSTPONED in (old.outcome, new.outcome) and label and next_draft is not None:
        target = next_draft.id
        carried = [c for c in next_draft.cases if c.postponed_from == label]
        if new.outcome is Outcome.POSTPONED and not carried:
            carry = postponed_copy(new, label)
            position = closing_position(next_draft.cases)
        elif new.outcome is not Outcome.POSTPONED:
            uncarry = tuple(c.id for c in carried if c.id is not None)
    meetings: tuple[Meeting, ...] = ()
    if (
        new.kind is CaseKind.APPROVAL
        and Outcome.DEALT_WITH in (old.outcome, new.outcome)
        and previous_held is not None
    ):
        prev = previous_held
        if new.outcome is Outcome.DEALT_WITH and prev.status is MeetingStatus.HELD:
            meetings = (replace(prev, status=MeetingStatus.APPROVED, approved_on=meeting.date),)
        elif (
            new.outcome is not Outcome.DEALT_WITH
            and prev.status is MeetingStatus.APPROVED
            and prev.approved_on == meeting.date
        ):
            meetings = (replace(prev, status=MeetingStatus.HELD, approved_on=None),)
    return OutcomeChanges(carry, target, position, uncarry, meetings)
