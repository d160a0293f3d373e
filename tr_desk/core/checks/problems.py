"""What a check finds, how a group of rules runs, and the helpers rules share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from tr_desk.core.formats import counted
from tr_desk.core.model import CaseKind, Outcome

if TYPE_CHECKING:
    from tr_desk.core.context import MeetingContext

# Cases that ask the body to decide, so need a proposal (orientering and diskusjon may not).
DECISION_KINDS = {CaseKind.ORDINARY, CaseKind.APPROVAL, CaseKind.NEXT_MEETING}
_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.\s?(\d{4})\b")


class Severity(StrEnum):
    ERROR = "feil"
    WARNING = "advarsel"
    HINT = "merknad"  # nothing wrong: what will print, said before it does

    @property
    def label(self) -> str:
        """«Feil», «Advarsel», «Merknad»: the window's word."""
        return self.value.capitalize()

    @property
    def label_en(self) -> str:
        """The command line's word."""
        return {"feil": "error", "advarsel": "warning", "merknad": "note"}[self.value]

    @property
    def rank(self) -> int:
        """Errors first, then warnings, then hints."""
        return list(Severity).index(self)


class Spot(StrEnum):
    """Where a problem is put right: a field of the case or of the meeting (the window puts
    the cursor there)."""

    TITLE = "title"
    VOTE = "vote"
    DATE = "date"
    CLOSED = "closed"
    RESOLUTION = "resolution"
    OUTCOME = "outcome"
    NOTICE_DATE = "notice_date"
    INVITED = "invited"
    COPY = "copy"
    EXEMPT = "exempt"
    CASES = "cases"
    START = "start"
    QUORUM = "quorum"
    PROPOSAL = "proposal"
    PRESENTER = "presenter"
    PLACE = "place"
    FOLLOWS = "follows"
    ATTENDANCE = "attendance"
    HELD = "held"
    CHAIR = "chair"
    ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    where: str  # «KF 46/22», «Dato», «Møtet»
    message: str
    case_index: int | None = None
    field: Spot | None = None  # where it is put right
    rule: str = ""  # the rule that found it (its function's name)
    item: int | None = None  # which of the field's items (the attachment's index)

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.where}: {self.message}"


MeetingRule = Callable[["MeetingContext"], Iterable[Problem]]
CaseRule = Callable[["MeetingContext", int], Iterable[Problem]]


def run(
    context: MeetingContext,
    before: Sequence[MeetingRule],
    per_case: Sequence[CaseRule],
    after: Sequence[MeetingRule],
    cases: Iterable[int],
) -> list[Problem]:
    """The meeting's rules, then every case's rules case by case, then the closing rules."""

    def named(rule: Callable[..., Iterable[Problem]], found: Iterable[Problem]) -> list[Problem]:
        return [replace(p, rule=rule.__name__) for p in found]

    problems: list[Problem] = []
    for meeting_rule in before:
        problems += named(meeting_rule, meeting_rule(context))
    for i in cases:
        for case_rule in per_case:
            problems += named(case_rule, case_rule(context, i))
    for meeting_rule in after:
        problems += named(meeting_rule, meeting_rule(context))
    return problems


# What a record from old documents cannot be asked: what was never printed in it (a proposal
# in a protocol, an attachment's file), what only a meeting being prepared needs (the date
# not passed, the notice's date, the invited, addresses), a plan years away.
RECORD_EXEMPT = frozenset({
    "proposal_given", "attachments_have_files", "next_council_meeting_planned", "date_passed",
    "notice_date", "someone_invited", "invited_have_addresses", "time_given", "place_given",
    "approval_case_present", "approval_first", "names_in_register", "presenter_in_register",
    "everyone_marked", "held_times_recorded", "protocol_signed", "resolution_recorded",
    "quorum_for_decision", "outcome_recorded",
})  # fmt: skip


def as_record(context: MeetingContext, problems: list[Problem]) -> list[Problem]:
    """An imported meeting that was held is judged as a record: the rules a record cannot
    meet are left out, and one line says what it is known to lack."""
    from tr_desk.core.lifecycle import is_held

    if not (context.imported and is_held(context.meeting)):
        return problems
    kept = [p for p in problems if p.rule not in RECORD_EXEMPT]
    cases = [context.meeting.cases[i] for i in live_cases(context)]
    lacking = []
    if sum(1 for c in cases if not c.resolution.strip()):
        count = sum(1 for c in cases if not c.resolution.strip())
        lacking.append(f"vedtak i {count} {'sak' if count == 1 else 'saker'}")
    files = sum(1 for c in cases for a in c.attachments if not a.file)
    if files:
        lacking.append(f"filen til {files} vedlegg")
    if not context.meeting.attendance:
        lacking.append("hvem som var til stede")
    if lacking:
        said = "Importert fra gamle dokumenter; kildene mangler " + ", ".join(lacking) + "."
        kept.append(Problem(Severity.WARNING, "Møtet", said, None, None, rule="as_record"))
    return kept


def live_cases(context: MeetingContext) -> list[int]:
    """The agenda indexes of the cases not withdrawn."""
    return [i for i, c in enumerate(context.meeting.cases) if c.outcome is not Outcome.WITHDRAWN]


def dates_in(text: str) -> list[dt.date]:
    """Dates written as «16.09.2022» or «16.09. 2022» (the seeds have both)."""
    found = []
    for day, month, year in _DATE.findall(text):
        try:
            found.append(dt.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


COPIED_WHAT = {"proposal": "Forslaget til vedtak", "resolution": "Vedtaket"}


def copied_texts(context: MeetingContext, key: str) -> list[Problem]:
    """A proposal or resolution word for word the same as another case's in the meeting.

    AU 24/22 carried AU 23/22's seven-word resolution: a copy is flagged whatever its length.
    Only cases that decide are compared: «Saken legges fram for diskusjon.» on two discussion
    cases is the house formula, not a copy.
    """
    found = []
    seen: dict[str, int] = {}
    for i, case in enumerate(context.meeting.cases):
        if case.outcome is Outcome.WITHDRAWN or case.kind not in DECISION_KINDS:
            continue
        text = _words(getattr(case, key))
        if not text:
            continue
        if text in seen:
            message = f"{COPIED_WHAT[key]} er ordrett likt det i {context.where(seen[text])}."
            found.append(Problem(Severity.WARNING, context.where(i), message, i, Spot(key)))
        else:
            seen[text] = i
    return found


def _count(problems: Sequence[Problem], severity: Severity) -> int:
    return sum(p.severity is severity for p in problems)


def summary(problems: Sequence[Problem]) -> str:
    """«2 feil, 1 advarsel» (and «, 1 merknad» when there are hints)."""
    hints = _count(problems, Severity.HINT)
    said = f"{_count(problems, Severity.ERROR)} feil, "
    said += counted(_count(problems, Severity.WARNING), "advarsel", "advarsler")
    return said + (f", {counted(hints, 'merknad', 'merknader')}" if hints else "")


def summary_en(problems: Sequence[Problem]) -> str:
    """«2 errors, 1 warning» (and «, 1 note»), for the command line."""
    errors, warnings = _count(problems, Severity.ERROR), _count(problems, Severity.WARNING)
    hints = _count(problems, Severity.HINT)
    said = f"{errors} error{'' if errors == 1 else 's'}, "
    said += f"{warnings} warning{'' if warnings == 1 else 's'}"
    return said + (f", {hints} note{'' if hints == 1 else 's'}" if hints else "")
