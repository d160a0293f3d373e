"""The standard cases every notice has, filled in from the meeting plan (DESIGN.md §1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tr_desk.core.formats import date_short
from tr_desk.core.model import Attachment, Body, Case, CaseKind, MinutesKind


@dataclass(frozen=True)
class NextCouncilMeeting:
    """The council's next meeting, as the other bodies' «Saker til neste møte» case names it
    (``date`` None: the plan has none yet); ``title`` is how the case names the council (the
    organisation's ``council_title``, else the council's name)."""

    date: dt.date | None
    place: str = ""
    title: str = ""


def approval_case(body: Body, previous: dt.date | None) -> Case:
    """First case: approve the minutes of the body's previous held meeting."""
    if previous is None:
        return Case(
            title=f"Godkjenning av {body.minutes_title.lower()} fra forrige møte",
            kind=CaseKind.APPROVAL,
        )
    day = date_short(previous)
    lower = body.name.lower()
    if body.minutes_kind is MinutesKind.PROTOKOLL:
        title = f"Protokoll {body.prefix}-møte {day}"
        document = f"Protokoll {lower} {day}"
    else:
        title = f"Referat fra møte {day}"
        document = f"Referat/protokoll {lower} {day}"
    return Case(
        title=title,
        kind=CaseKind.APPROVAL,
        attachments=[Attachment(title=document)],
        proposal=f"{document} godkjennes.",
    )


def next_meeting_case(body: Body, next_council: NextCouncilMeeting) -> Case:
    """«Saker til neste møte i Trondheimsregionen – regionrådet DD.MM.YYYY»."""
    if next_council.date is None:
        title = f"Saker til neste møte i {next_council.title}"
        text = f"Aktuelle saker i tillegg til det som står på {body.name}s sakliste:\n\n- "
    else:
        title = f"Saker til neste møte i {next_council.title} {date_short(next_council.date)}"
        place = f"Møtested er {next_council.place}. " if next_council.place else ""
        text = f"{place}Aktuelle saker i tillegg til det som står på {body.name}s sakliste:\n\n- "
    return Case(
        title=title,
        kind=CaseKind.NEXT_MEETING,
        text=text,
        proposal="Møteagendaen suppleres etter innspill i møtet.",
    )


def briefings_case() -> Case:
    return Case(title="Orienteringer", kind=CaseKind.BRIEFINGS, text="- ")


def any_other_business_case() -> Case:
    return Case(title="Åpen post/eventuelt", kind=CaseKind.ANY_OTHER)


STANDARD_KINDS = (
    CaseKind.APPROVAL,
    CaseKind.NEXT_MEETING,
    CaseKind.BRIEFINGS,
    CaseKind.ANY_OTHER,
)


def new_agenda(
    body: Body, previous: dt.date | None, next_council: NextCouncilMeeting | None
) -> list[Case]:
    """The agenda a new notice starts from. The «next council» case only where
    ``next_council`` is given: not for the council itself, nor where there is no council."""
    cases = [approval_case(body, previous)]
    if next_council is not None:
        cases.append(next_meeting_case(body, next_council))
    cases += [briefings_case(), any_other_business_case()]
    return cases


CLOSING_KINDS = (CaseKind.NEXT_MEETING, CaseKind.BRIEFINGS, CaseKind.ANY_OTHER)


def new_case(body: Body, kind: CaseKind, follows: str = "") -> Case:
    """A case the user adds, with the proposal its kind usually has."""
    titles = {CaseKind.BRIEFING: "Orientering", CaseKind.DISCUSSION: "Diskusjon"}
    proposals = {
        CaseKind.BRIEFING: f"{body.name} tar saken til orientering.",
        CaseKind.DISCUSSION: "Saken legges fram for diskusjon.",
    }
    return Case(
        title=titles.get(kind, "Ny sak"),
        kind=kind,
        follows=follows,
        proposal=proposals.get(kind, ""),
    )


def position_for_new_case(cases: Sequence[Case], current: int) -> int:
    """After the current case, but never among the closing standard cases."""
    first_closing = next((i for i, c in enumerate(cases) if c.kind in CLOSING_KINDS), len(cases))
    return min(current + 1, first_closing) if current >= 0 else first_closing


def refresh_standard_cases(
    cases: Sequence[Case],
    body: Body,
    previous: dt.date | None,
    next_council: NextCouncilMeeting | None,
) -> list[Case]:
    """The standard cases whose derived title, attachment or proposal no longer match the plan,
    brought up to date.

    Called when meetings move, so the first case always names the previous meeting. Where
    the plan does not know that meeting (history not in the database), what the user wrote
    stands. Returns the changed cases (new versions, same ids).
    """
    changed: list[Case] = []
    fresh = {}
    if previous is not None:
        fresh[CaseKind.APPROVAL] = approval_case(body, previous)
    if next_council is not None and next_council.date is not None:
        fresh[CaseKind.NEXT_MEETING] = next_meeting_case(body, next_council)
    for case in cases:
        template = fresh.get(case.kind)
        if template is None:
            continue
        new = replace(case, title=template.title, proposal=template.proposal)
        if case.kind is CaseKind.APPROVAL:
            attachments = list(case.attachments)
            if attachments:
                attachments[0] = replace(attachments[0], title=template.attachments[0].title)
            else:
                attachments = list(template.attachments)
            new = replace(new, attachments=attachments)
        if case.kind is CaseKind.NEXT_MEETING:
            first_line = template.text.split("\n", 1)[0]
            rest = case.text.split("\n", 1)[1] if "\n" in case.text else "\n- "
            new = replace(new, text=f"{first_line}\n{rest}")
        if _derived(new) != _derived(case):  # the text follows, but alone is no change
            changed.append(new)
    return changed


def _derived(case: Case) -> tuple[str, str, list[str]]:
    return case.title, case.proposal, [a.title for a in case.attachments]
