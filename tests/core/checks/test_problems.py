"""What a check finds: a problem says where, what and which rule; the summary counts them."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.checks.problems import (
    Problem,
    Severity,
    Spot,
    dates_in,
    run,
    summary,
    summary_en,
)
from tr_desk.core.context import MeetingContext
from tr_desk.core.model import Body, Case, Meeting, MinutesKind

CONTEXT = MeetingContext(
    Meeting(None, 1, dt.date(2027, 3, 9), cases=[Case(title="A"), Case(title="B")]),
    Body(1, "ST", "Styret", MinutesKind.PROTOKOLL), {}, {0: 1, 1: 2},
)  # fmt: skip


def meeting_wide(context: MeetingContext) -> list[Problem]:
    return [Problem(Severity.WARNING, "Møtet", "Noe mangler.", field=Spot.PLACE)]


def per_case(context: MeetingContext, i: int) -> list[Problem]:
    return [Problem(Severity.ERROR, context.where(i), "Feil.", i, Spot.TITLE)]


def test_rules_run_in_order_and_each_problem_names_its_rule() -> None:
    found = run(CONTEXT, [meeting_wide], [per_case], [], [0, 1])
    assert [(p.where, p.rule) for p in found] == [
        ("Møtet", "meeting_wide"), ("ST 01/27", "per_case"), ("ST 02/27", "per_case"),
    ]  # fmt: skip
    assert found[1].field is Spot.TITLE and str(found[1]) == "feil: ST 01/27: Feil."
    assert summary(found) == "2 feil, 1 advarsel" and summary_en(found) == "2 errors, 1 warning"
    assert summary([]) == "0 feil, 0 advarsler"


def test_dates_in_a_text() -> None:
    assert dates_in("møte 16.12.2022 og 3.3. 2023") == [dt.date(2022, 12, 16), dt.date(2023, 3, 3)]
    assert dates_in("31.02.2023") == []
