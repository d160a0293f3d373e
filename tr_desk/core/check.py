"""The check before a notice is issued: what is wrong or missing, as a compiler lists errors.

Each problem names where it is (a case number or a header field) and carries the place to
jump to (``case_index`` and ``field``), so the window can take the user there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from tr_desk.core.formats import WEEKDAYS, date_short
from tr_desk.core.model import Body, CaseKind, Meeting, MeetingStatus, Outcome, Person
from tr_desk.core.names import NameIndex
from tr_desk.core.numbering import case_label, parse_case_number

# Cases that ask the body to decide, so need a proposal (orientering and diskusjon may not).
DECISION_KINDS = {CaseKind.ORDINARY, CaseKind.APPROVAL, CaseKind.NEXT_MEETING}
_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.\s?(\d{4})\b")


class Severity(StrEnum):
    ERROR = "feil"
    WARNING = "advarsel"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    where: str  # «KF 46/22», «Dato», «Møtet»
    message: str
    case_index: int | None = None
    field: str = ""  # «title», «proposal», «attachments», «notice_date», «date» …

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.where}: {self.message}"


@dataclass
class CheckContext:
    """What the check needs to know beyond the meeting itself."""

    body: Body
    numbers: Mapping[int, int]
    previous: dt.date | None = None  # the body's previous meeting (not cancelled)
    council_meetings: Sequence[dt.date] = ()  # Regionrådet's planned and held meetings
    people: Sequence[Person] = ()
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    today: dt.date | None = None  # a draft is issued today: its notice date, and «too late»


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


def check_notice(meeting: Meeting, context: CheckContext) -> list[Problem]:
    """Every problem of the notice, errors first, in agenda order."""
    problems: list[Problem] = []
    body = context.body

    def label_of(i: int) -> str:
        return case_label(body.prefix, context.numbers, i, meeting.date.year) or f"Sak {i + 1}"

    def add(
        severity: Severity, where: str, message: str, index: int | None = None, key: str = ""
    ) -> None:
        problems.append(Problem(severity, where, message, index, key))

    # -- the meeting and its header --------------------------------------------------------
    if meeting.date in context.holidays:
        add(
            Severity.ERROR,
            "Møtet",
            f"{date_short(meeting.date)} er {context.holidays[meeting.date].lower()}.",
            key="date",
        )
    elif body.weekday is not None and meeting.date.weekday() != body.weekday:
        usual, actual = WEEKDAYS[body.weekday], WEEKDAYS[meeting.date.weekday()]
        add(
            Severity.WARNING,
            "Møtet",
            f"{body.name} møtes vanligvis på {usual}, dette er en {actual}.",
            key="date",
        )
    draft = meeting.status is MeetingStatus.PLANNED
    if draft and context.today is not None and meeting.date < context.today:
        add(
            Severity.ERROR, "Møtet",
            f"Møtedatoen {date_short(meeting.date)} er passert; innkallingen kan ikke sendes ut.",
            key="date",
        )  # fmt: skip
    # A draft without a date gets today's when it is issued.
    notice_date = meeting.notice_date or (context.today if draft else None)
    if notice_date is None:
        add(Severity.WARNING, "Dato", "Innkallingen har ingen dato.", key="notice_date")
    elif notice_date > meeting.date:
        add(
            Severity.ERROR, "Dato",
            f"Innkallingen er datert {date_short(notice_date)}, etter møtet.", key="notice_date",
        )  # fmt: skip
    if meeting.start is None and meeting.mode.value != "skriftlig":
        add(Severity.ERROR, "Tidsrom", "Møtet har ikke noe klokkeslett.", key="start")
    if not meeting.place and meeting.mode.value == "fysisk":
        add(Severity.ERROR, "Sted", "Møtet har ikke noe møtested.", key="place")
    for key, where, others in (
        ("invited", "Innkalt", meeting.invited_other),
        ("copy", "Kopi", meeting.copy_other),
    ):
        for name in others:
            add(
                Severity.WARNING, where,
                f"«{name}» er ikke i personregisteret; navnet står slik det er skrevet.", key=key,
            )  # fmt: skip
    live = [(i, c) for i, c in enumerate(meeting.cases) if c.outcome is not Outcome.WITHDRAWN]
    if not live:
        add(Severity.ERROR, "Sakliste", "Saklisten er tom.", key="cases")

    # -- the first case approves the previous meeting --------------------------------------
    approvals = [(i, c) for i, c in live if c.kind is CaseKind.APPROVAL]
    if context.previous is not None and not approvals:
        add(
            Severity.WARNING, "Sakliste",
            f"Ingen sak godkjenner referatet fra forrige møte {date_short(context.previous)}.",
            key="cases",
        )  # fmt: skip
    for i, case in approvals:
        named = dates_in(
            " ".join([case.title, case.proposal, *(a.title for a in case.attachments)])
        )
        if meeting.date in named:
            add(
                Severity.ERROR,
                label_of(i),
                "Saken godkjenner referatet fra dette møtet selv.",
                i,
                "title",
            )
        elif context.previous is not None and any(d != context.previous for d in named):
            wrong = next(d for d in named if d != context.previous)
            previous = date_short(context.previous)
            add(
                Severity.ERROR,
                label_of(i),
                f"Forrige møte var {previous}, ikke {date_short(wrong)}.",
                i,
                "title",
            )
        if i != live[0][0]:
            add(
                Severity.WARNING,
                label_of(i),
                "Godkjenning av referat står vanligvis først.",
                i,
                "title",
            )

    # -- each case ---------------------------------------------------------------------------
    names = NameIndex(context.people)
    for i, case in live:
        label = label_of(i)
        if not case.title.strip():
            add(Severity.ERROR, label, "Saken har ingen tittel.", i, "title")
        if case.kind in DECISION_KINDS and not case.proposal.strip():
            add(Severity.ERROR, label, "Saken mangler forslag til vedtak.", i, "proposal")
        for j, attachment in enumerate(case.attachments):
            if not attachment.file and case.kind is not CaseKind.APPROVAL:
                add(
                    Severity.ERROR,
                    label,
                    f"Vedlegget «{attachment.title}» mangler fil.",
                    i,
                    f"attachments[{j}]",
                )
        if case.kind is CaseKind.NEXT_MEETING:
            for day in dates_in(case.title):
                if day not in context.council_meetings:
                    add(
                        Severity.ERROR,
                        label,
                        f"Regionrådet har ikke møte {date_short(day)} i møteplanen.",
                        i,
                        "title",
                    )
                elif day < meeting.date:
                    add(
                        Severity.ERROR,
                        label,
                        f"Regionrådets møte {date_short(day)} er før dette møtet.",
                        i,
                        "title",
                    )
        if case.follows:
            try:
                parse_case_number(case.follows)
            except ValueError:
                add(
                    Severity.ERROR,
                    label,
                    f"«{case.follows}» er ikke et saksnummer (skriv f.eks. KF 51/21).",
                    i,
                    "follows",
                )
        if case.presenter and names.find(case.presenter.split(",")[0]) is None:
            add(
                Severity.WARNING,
                label,
                f"«{case.presenter}» er ikke i personregisteret.",
                i,
                "presenter",
            )
        if case.exempt is not None and not case.exempt.basis.strip():
            add(Severity.ERROR, label, "Unntatt offentlighet uten hjemmel.", i, "exempt")

    problems += copied_texts(meeting, label_of, ("proposal", "resolution"))

    problems.sort(
        key=lambda p: (
            p.severity is not Severity.ERROR,
            p.case_index if p.case_index is not None else -1,
        )
    )
    return problems


COPIED_WHAT = {"proposal": "Forslaget til vedtak", "resolution": "Vedtaket"}


def copied_texts(
    meeting: Meeting, label_of: Callable[[int], str], keys: Sequence[str]
) -> list[Problem]:
    """A proposal or resolution word for word the same as another case's in the meeting.

    AU 24/22 carried AU 23/22's seven-word resolution: a copy is flagged whatever its length.
    Only cases that decide are compared: «Saken legges fram for diskusjon.» on two discussion
    cases is the house formula, not a copy.
    """
    found = []
    for key in keys:
        seen: dict[str, int] = {}
        for i, case in enumerate(meeting.cases):
            if case.outcome is Outcome.WITHDRAWN or case.kind not in DECISION_KINDS:
                continue
            text = _words(getattr(case, key))
            if not text:
                continue
            if text in seen:
                message = f"{COPIED_WHAT[key]} er ordrett likt det i {label_of(seen[text])}."
                found.append(Problem(Severity.WARNING, label_of(i), message, i, key))
            else:
                seen[text] = i
    return found


def summary(problems: Sequence[Problem]) -> str:
    """«2 feil, 1 advarsel»."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} feil, {warnings} {'advarsel' if warnings == 1 else 'advarsler'}"


def summary_en(problems: Sequence[Problem]) -> str:
    """«2 errors, 1 warning», for the command line."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return (
        f"{errors} error{'' if errors == 1 else 's'}, "
        f"{warnings} warning{'' if warnings == 1 else 's'}"
    )


def norwegian_holidays(years: Sequence[int]) -> dict[dt.date, str]:
    """Public holidays (and Sundays) in Norway, with their Norwegian names."""
    found: dict[dt.date, str] = {}
    for year in years:
        found.update(_holidays_of(year))
    return found


@cache
def _holidays_of(year: int) -> dict[dt.date, str]:
    import holidays  # ~120 ms to import: not before a check needs it

    return dict(holidays.country_holidays("NO", years=year, language="no").items())
