"""The check before the minutes are printed or approved: one named rule per mistake."""

from __future__ import annotations

from collections.abc import Iterator

from tr_desk.core.checks.law import LAW_RULES
from tr_desk.core.checks.problems import (
    Problem,
    Severity,
    Spot,
    as_record,
    copied_texts,
    live_cases,
    run,
)
from tr_desk.core.context import MeetingContext
from tr_desk.core.law import objection_blocks
from tr_desk.core.minutes import quorum_for_case, written_result
from tr_desk.core.model import CLOSING_WITHOUT_DECISION, MeetingMode, MinutesKind, Outcome
from tr_desk.core.votes import assumed_unanimous, by_party, voters

ERROR, WARNING, HINT = Severity.ERROR, Severity.WARNING, Severity.HINT


def _written(context: MeetingContext) -> bool:
    return context.meeting.mode is MeetingMode.WRITTEN


def _decides(context: MeetingContext, i: int) -> bool:
    """A case dealt with that asks for a decision (not the closing briefings)."""
    case = context.meeting.cases[i]
    return case.kind not in CLOSING_WITHOUT_DECISION and case.outcome is Outcome.DEALT_WITH


# -- the meeting ----------------------------------------------------------------------------


def everyone_marked(context: MeetingContext) -> Iterator[Problem]:
    """Every member is marked present or absent (or has a substitute marked)."""
    if _written(context):
        return
    lines = context.meeting.attendance
    marked = {a.person_id for a in lines} | {
        a.substitute_for for a in lines if a.substitute_for is not None
    }
    for pid in context.members:
        if pid not in marked:
            message = f"{context.name(pid)} er verken merket til stede eller med forfall."
            yield Problem(WARNING, "Til stede", message, field=Spot.ATTENDANCE)


def held_times_recorded(context: MeetingContext) -> Iterator[Problem]:
    meeting = context.meeting
    if not _written(context) and (meeting.held_start is None or meeting.held_end is None):
        yield Problem(
            WARNING, "Tidsrom", "Faktisk start eller slutt er ikke ført.", field=Spot.HELD
        )


def protocol_signed(context: MeetingContext) -> Iterator[Problem]:
    """A Protokoll is signed by the chair: there must be one."""
    if context.body.minutes_kind is MinutesKind.PROTOKOLL and context.chair is None:
        yield Problem(ERROR, "Underskrift", "Protokollen har ingen møteleder.", field=Spot.CHAIR)


def protocol_dated(context: MeetingContext) -> Iterator[Problem]:
    """A Protokoll without «Dokumentets dato» prints no «Dato:» line."""
    if context.body.minutes_kind is MinutesKind.PROTOKOLL and context.meeting.minutes_date is None:
        message = "Protokollen har ingen dato («Dokumentets dato»): den skrives uten «Dato:»."
        yield Problem(WARNING, "Protokollen", message, field=Spot.DATE)


# -- each case ----------------------------------------------------------------------------


def vote_recorded(context: MeetingContext, i: int) -> Iterator[Problem]:
    """An elected body's resolution with no vote at all: not wrong (most are unanimous, and
    it prints so), a hint that says what the minutes will say."""
    case = context.meeting.cases[i]
    if assumed_unanimous(case, context.body.elected, _written(context)):
        message = (
            "Ingen avstemning er ført: protokollen skriver «Vedtaket var enstemmig.». "
            "Var det ikke enstemmig, før stemmene."
        )
        yield Problem(HINT, context.where(i), message, i, Spot.VOTE)


def outcome_recorded(context: MeetingContext, i: int) -> Iterator[Problem]:
    case = context.meeting.cases[i]
    if case.outcome is None and case.kind not in CLOSING_WITHOUT_DECISION:
        message = "Utfall er ikke ført (behandlet, utsatt, trukket)."
        yield Problem(WARNING, context.where(i), message, i, Spot.OUTCOME)


def resolution_recorded(context: MeetingContext, i: int) -> Iterator[Problem]:
    if _decides(context, i) and not context.meeting.cases[i].resolution.strip():
        yield Problem(WARNING, context.where(i), "Vedtak mangler.", i, Spot.RESOLUTION)


def written_result_matches(context: MeetingContext, i: int) -> Iterator[Problem]:
    """In written procedure a proposal carries only if everyone agrees (§ 11-8)."""
    case = context.meeting.cases[i]
    if (
        _written(context)
        and case.proposal.strip()
        and case.resolution.strip()
        and not written_result(case, context.members)
    ):
        message = "Forslaget er ikke vedtatt (ikke alle er enige), men har et vedtak."
        yield Problem(WARNING, context.where(i), message, i, Spot.RESOLUTION)


def votes_within_room(context: MeetingContext, i: int) -> Iterator[Problem]:
    """No more votes than members with a vote in the room for the case."""
    vote = context.meeting.cases[i].vote
    if not _decides(context, i) or _written(context) or not context.members:
        return
    if vote is None or vote.unanimous:
        return
    quorum = quorum_for_case(context.meeting, i, context.members)
    cast = vote.votes_for + vote.against + vote.blank
    if cast > quorum.voting:
        message = f"{cast} stemmer, men bare {quorum.voting} stemmeberettigede deltok."
        yield Problem(WARNING, context.where(i), message, i, Spot.VOTE)
        return
    if not vote.parties:
        return
    if cast < quorum.voting:  # every member in the room votes (kommuneloven § 11-9)
        message = f"{cast} stemmer, men {quorum.voting} stemmeberettigede deltok."
        yield Problem(WARNING, context.where(i), message, i, Spot.VOTE)
    room = by_party(voters(context, i))
    for p in vote.parties:
        present = len(room.get(p.party, ()))
        if p.votes_for + p.against + p.blank > present:
            message = (
                f"{p.party} har {p.votes_for + p.against + p.blank} stemmer, men bare "
                f"{present} av partiets medlemmer deltok i saken."
            )
            yield Problem(WARNING, context.where(i), message, i, Spot.VOTE)


def late_item_objections(context: MeetingContext, i: int) -> Iterator[Problem]:
    """A late item the chair or a third of the members objected to is postponed (§ 11-3)."""
    case = context.meeting.cases[i]
    if not case.late or not case.objections or case.outcome is not Outcome.DEALT_WITH:
        return
    voting = quorum_for_case(context.meeting, i, context.members).voting
    if objection_blocks(case.objections, context.name(context.chair), voting):
        message = (
            "Møteleder eller en tredjedel av medlemmene motsatte seg at tilleggssaken ble "
            "behandlet; den skal utsettes (kommuneloven § 11-3)."
        )
        yield Problem(ERROR, context.where(i), message, i, Spot.OUTCOME)


def quorum_for_decision(context: MeetingContext, i: int) -> Iterator[Problem]:
    """An elected body decides only with half its seats present (kommuneloven § 11-9); the
    forums just see the count."""
    if not _decides(context, i) or _written(context) or not context.members:
        return
    quorum = quorum_for_case(context.meeting, i, context.members)
    if not quorum.ok and context.body.elected:
        message = (
            f"Ikke vedtaksfør: {quorum.voting} av {quorum.seats} stemmeberettigede, "
            f"minst {quorum.required} trengs (kommuneloven § 11-9)."
        )
        yield Problem(ERROR, context.where(i), message, i, Spot.QUORUM)


def written_answers_complete(context: MeetingContext, i: int) -> Iterator[Problem]:
    case = context.meeting.cases[i]
    if _written(context) and case.proposal.strip():
        missing = [m for m in context.members if m not in case.answers]
        if missing:
            names = ", ".join(context.name(m) for m in missing)
            yield Problem(WARNING, context.where(i), f"Mangler svar fra {names}.", i)


def copied_resolution(context: MeetingContext) -> list[Problem]:
    """AU 24/22 carried AU 23/22's resolution word for word."""
    return copied_texts(context, "resolution")


MEETING_RULES = (everyone_marked, held_times_recorded, protocol_signed, protocol_dated)
CASE_RULES = (
    outcome_recorded, resolution_recorded, vote_recorded, written_result_matches,
    votes_within_room,
    quorum_for_decision, written_answers_complete, late_item_objections, *LAW_RULES,
)  # fmt: skip
CLOSING_RULES = (copied_resolution,)


def check_minutes(context: MeetingContext) -> list[Problem]:
    """What is missing in the minutes: unmarked members, outcomes, resolutions, quorum, chair."""
    problems = as_record(
        context, run(context, MEETING_RULES, CASE_RULES, CLOSING_RULES, live_cases(context))
    )
    problems.sort(key=lambda p: p.severity.rank)
    return problems
