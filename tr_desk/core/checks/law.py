"""Rules of kommuneloven that both checks apply (the notice's and the minutes'): a closed item
in a remote meeting (§ 11-7), a closed item and the exemption of its documents agreeing."""

from __future__ import annotations

from collections.abc import Iterator

from tr_desk.core.checks.problems import Problem, Severity, Spot
from tr_desk.core.context import MeetingContext
from tr_desk.core.law import closed_basis, is_remote


def closed_not_remote(context: MeetingContext, i: int) -> Iterator[Problem]:
    """A case the meeting shall be closed for (§ 11-5 second paragraph) cannot be dealt with
    in a remote meeting (§ 11-7); one closed on the third paragraph is warned of."""
    case = context.meeting.cases[i]
    basis = closed_basis(case.closed)
    if basis is None or not is_remote(context.meeting):
        return
    if basis.mandatory:
        message = (
            f"Saken skal behandles i lukket møte ({basis.law}) og kan ikke behandles i "
            "fjernmøte (kommuneloven § 11-7). Hold møtet fysisk, eller flytt saken."
        )
        yield Problem(Severity.ERROR, context.where(i), message, i, Spot.CLOSED)
    else:
        message = (
            "Lukket behandling i fjernmøte: sørg for at ingen uvedkommende kan se eller høre "
            "(kommuneloven § 11-7)."
        )
        yield Problem(Severity.WARNING, context.where(i), message, i, Spot.CLOSED)


def closed_and_exempt_agree(context: MeetingContext, i: int) -> Iterator[Problem]:
    """A closed item's documents are usually exempt, and an elected body's exempt case is
    usually dealt with behind closed doors."""
    case = context.meeting.cases[i]
    if case.closed and case.exempt is None:
        message = "Saken behandles i lukket møte, men dokumentene er ikke unntatt offentlighet."
        yield Problem(Severity.WARNING, context.where(i), message, i, Spot.EXEMPT)
    elif case.exempt is not None and not case.closed and context.body.elected:
        message = (
            "Dokumentene er unntatt offentlighet, men møtet er ikke lukket for saken "
            "(kommuneloven § 11-5)."
        )
        yield Problem(Severity.WARNING, context.where(i), message, i, Spot.CLOSED)


LAW_RULES = (closed_not_remote, closed_and_exempt_agree)
