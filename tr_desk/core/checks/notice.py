"""The check before a notice is issued: one named rule per mistake.

Each problem names where it is (a case number or a header field) and carries the place to
jump to (``case_index`` and ``field``), so the window can take the user there.
"""

from __future__ import annotations

from collections.abc import Iterator

from tr_desk.core.checks.law import LAW_RULES
from tr_desk.core.checks.problems import (
    DECISION_KINDS,
    Problem,
    Severity,
    Spot,
    as_record,
    copied_texts,
    dates_in,
    live_cases,
    run,
)
from tr_desk.core.context import MeetingContext
from tr_desk.core.formats import WEEKDAYS, date_short, genitive
from tr_desk.core.model import CaseKind, MeetingMode, MeetingStatus
from tr_desk.core.numbering import parse_case_number

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# -- the meeting and its header ------------------------------------------------------------


def holiday_or_weekday(context: MeetingContext) -> Iterator[Problem]:
    """A meeting on a public holiday; else one off the body's usual weekday."""
    meeting, body = context.meeting, context.body
    if meeting.date in context.holidays:
        holiday = context.holidays[meeting.date].lower()
        yield Problem(ERROR, "Møtet", f"{date_short(meeting.date)} er {holiday}.", None, Spot.DATE)
    elif body.weekday is not None and meeting.date.weekday() != body.weekday:
        usual, actual = WEEKDAYS[body.weekday], WEEKDAYS[meeting.date.weekday()]
        message = f"{body.name} møtes vanligvis på {usual}, dette er en {actual}."
        yield Problem(WARNING, "Møtet", message, None, Spot.DATE)


def date_passed(context: MeetingContext) -> Iterator[Problem]:
    """A draft whose day has passed cannot be called."""
    meeting, today = context.meeting, context.today
    if meeting.status is MeetingStatus.PLANNED and today is not None and meeting.date < today:
        message = (
            f"Møtedatoen {date_short(meeting.date)} er passert; innkallingen kan ikke sendes ut."
        )
        yield Problem(ERROR, "Møtet", message, None, Spot.DATE)


def notice_date(context: MeetingContext) -> Iterator[Problem]:
    """The notice is dated, and not after the meeting (a draft gets today's date)."""
    meeting = context.meeting
    draft = meeting.status is MeetingStatus.PLANNED
    dated = meeting.notice_date or (context.today if draft else None)
    if dated is None:
        yield Problem(WARNING, "Dato", "Innkallingen har ingen dato.", None, Spot.NOTICE_DATE)
    elif dated > meeting.date:
        message = f"Innkallingen er datert {date_short(dated)}, etter møtet."
        yield Problem(ERROR, "Dato", message, None, Spot.NOTICE_DATE)


def time_given(context: MeetingContext) -> Iterator[Problem]:
    if context.meeting.start is None and context.meeting.mode is not MeetingMode.WRITTEN:
        yield Problem(ERROR, "Tidsrom", "Møtet har ikke noe klokkeslett.", None, Spot.START)


def place_given(context: MeetingContext) -> Iterator[Problem]:
    if not context.meeting.place and context.meeting.mode is MeetingMode.IN_PERSON:
        yield Problem(ERROR, "Sted", "Møtet har ikke noe møtested.", None, Spot.PLACE)


def names_in_register(context: MeetingContext) -> Iterator[Problem]:
    """«Innkalt» and «Kopi» names typed in rather than chosen from the register."""
    for key, where, others in (
        ("invited", "Innkalt", context.meeting.invited_other),
        ("copy", "Kopi", context.meeting.copy_other),
    ):
        for name in others:
            message = f"«{name}» er ikke i personregisteret; navnet står slik det er skrevet."
            yield Problem(WARNING, where, message, None, Spot(key))


def someone_invited(context: MeetingContext) -> Iterator[Problem]:
    """A body with no members yet (the profile does not know Regionrådet's): nobody called."""
    if not context.invited and not context.meeting.invited_other:
        message = (
            f"Ingen er innkalt: {context.body.name} har ingen medlemmer ennå – "
            "legg dem inn i Register."
        )
        yield Problem(WARNING, "Innkalt", message, None, Spot.INVITED)


def invited_have_addresses(context: MeetingContext) -> Iterator[Problem]:
    """The notice goes out by e-mail: those without an address would not get it."""
    from tr_desk.core.mail import notice_mail

    line = notice_mail(context).missing_line if context.invited else ""
    if line:
        yield Problem(WARNING, "Innkalt", f"{line}.", None, Spot.INVITED)


def agenda_not_empty(context: MeetingContext) -> Iterator[Problem]:
    if not live_cases(context):
        yield Problem(ERROR, "Sakliste", "Saklisten er tom.", None, Spot.CASES)


def approval_case_present(context: MeetingContext) -> Iterator[Problem]:
    """After a previous meeting, a case approves its minutes."""
    cases = context.meeting.cases
    if context.previous is not None and not any(
        cases[i].kind is CaseKind.APPROVAL for i in live_cases(context)
    ):
        message = f"Ingen sak godkjenner referatet fra forrige møte {date_short(context.previous)}."
        yield Problem(WARNING, "Sakliste", message, None, Spot.CASES)


# -- each case ----------------------------------------------------------------------------


def approval_names_previous(context: MeetingContext, i: int) -> Iterator[Problem]:
    """The approval case names the previous meeting: not this one, not another day."""
    case, meeting = context.meeting.cases[i], context.meeting
    if case.kind is not CaseKind.APPROVAL:
        return
    named = dates_in(" ".join([case.title, case.proposal, *(a.title for a in case.attachments)]))
    if meeting.date in named:
        message = "Saken godkjenner referatet fra dette møtet selv."
        yield Problem(ERROR, context.where(i), message, i, Spot.TITLE)
    elif context.previous is not None and any(d != context.previous for d in named):
        wrong = next(d for d in named if d != context.previous)
        message = f"Forrige møte var {date_short(context.previous)}, ikke {date_short(wrong)}."
        yield Problem(ERROR, context.where(i), message, i, Spot.TITLE)


def approval_first(context: MeetingContext, i: int) -> Iterator[Problem]:
    if context.meeting.cases[i].kind is CaseKind.APPROVAL and i != live_cases(context)[0]:
        message = "Godkjenning av referat står vanligvis først."
        yield Problem(WARNING, context.where(i), message, i, Spot.TITLE)


def title_given(context: MeetingContext, i: int) -> Iterator[Problem]:
    if not context.meeting.cases[i].title.strip():
        yield Problem(ERROR, context.where(i), "Saken har ingen tittel.", i, Spot.TITLE)


def proposal_given(context: MeetingContext, i: int) -> Iterator[Problem]:
    """A case that asks the body to decide has a proposal."""
    case = context.meeting.cases[i]
    if case.kind in DECISION_KINDS and not case.proposal.strip():
        yield Problem(
            ERROR, context.where(i), "Saken mangler forslag til vedtak.", i, Spot.PROPOSAL
        )


def attachments_have_files(context: MeetingContext, i: int) -> Iterator[Problem]:
    """Every attachment has its file (the approval case's minutes are made by TR Desk)."""
    case = context.meeting.cases[i]
    for j, attachment in enumerate(case.attachments):
        if not attachment.file and case.kind is not CaseKind.APPROVAL:
            message = f"Vedlegget «{attachment.title}» mangler fil."
            yield Problem(ERROR, context.where(i), message, i, Spot.ATTACHMENTS, item=j)


def next_council_meeting_planned(context: MeetingContext, i: int) -> Iterator[Problem]:
    """«Saker til neste møte i …» names a council meeting in the plan, after this."""
    case = context.meeting.cases[i]
    if case.kind is not CaseKind.NEXT_MEETING or context.council is None:
        return
    council = context.council.name
    for day in dates_in(case.title):
        if day not in context.council_meetings:
            message = f"{council} har ikke møte {date_short(day)} i møteplanen."
            yield Problem(ERROR, context.where(i), message, i, Spot.TITLE)
        elif day < context.meeting.date:
            message = f"{genitive(council)} møte {date_short(day)} er før dette møtet."
            yield Problem(ERROR, context.where(i), message, i, Spot.TITLE)


def follows_is_case_number(context: MeetingContext, i: int) -> Iterator[Problem]:
    follows = context.meeting.cases[i].follows
    if not follows:
        return
    try:
        parse_case_number(follows)
    except ValueError:
        example = f"{context.body.prefix} 51/21"
        message = f"«{follows}» er ikke et saksnummer (skriv f.eks. {example})."
        yield Problem(ERROR, context.where(i), message, i, Spot.FOLLOWS)


def presenter_in_register(context: MeetingContext, i: int) -> Iterator[Problem]:
    """Names come from the register: «Kjetil Mjø Sund» is not «Kjetil Mjøsund»."""
    presenter = context.meeting.cases[i].presenter
    if presenter and context.names.find(presenter.split(",")[0]) is None:
        message = f"«{presenter}» er ikke i personregisteret."
        yield Problem(WARNING, context.where(i), message, i, Spot.PRESENTER)


def exemption_has_basis(context: MeetingContext, i: int) -> Iterator[Problem]:
    exempt = context.meeting.cases[i].exempt
    if exempt is not None and not exempt.basis.strip():
        yield Problem(ERROR, context.where(i), "Unntatt offentlighet uten hjemmel.", i, Spot.EXEMPT)


# -- across the cases -------------------------------------------------------------------------


def copied_proposal(context: MeetingContext) -> list[Problem]:
    return copied_texts(context, "proposal")


def copied_resolution(context: MeetingContext) -> list[Problem]:
    """AU 24/22 carried AU 23/22's resolution word for word."""
    return copied_texts(context, "resolution")


MEETING_RULES = (
    holiday_or_weekday, date_passed, notice_date, time_given, place_given, names_in_register,
    someone_invited, invited_have_addresses, agenda_not_empty, approval_case_present,
)  # fmt: skip
CASE_RULES = (
    approval_names_previous, approval_first, title_given, proposal_given, attachments_have_files,
    next_council_meeting_planned, follows_is_case_number, presenter_in_register,
    exemption_has_basis, *LAW_RULES,
)  # fmt: skip
CLOSING_RULES = (copied_proposal, copied_resolution)


def check_notice(context: MeetingContext) -> list[Problem]:
    """Every problem of the notice, errors first, in agenda order."""
    problems = as_record(
        context, run(context, MEETING_RULES, CASE_RULES, CLOSING_RULES, live_cases(context))
    )
    problems.sort(
        key=lambda p: (
            p.severity is not Severity.ERROR,
            p.case_index if p.case_index is not None else -1,
        )
    )
    return problems
