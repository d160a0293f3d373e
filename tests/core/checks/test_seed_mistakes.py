"""DESIGN.md §3, row by row: each mistake the seeds show, and the rule that catches it or the
generator that makes it impossible. One table; a rule removed or renamed fails its row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.checks.notice import check_notice
from tr_desk.core.checks.problems import Problem
from tr_desk.core.context import MeetingContext
from tr_desk.core.formats import date_short, plan_date
from tr_desk.core.minutes import minutes_title
from tr_desk.core.model import (
    Attachment,
    Attendance,
    AttendanceStatus,
    Body,
    Case,
    CaseKind,
    Meeting,
    MeetingStatus,
    MinutesKind,
    Outcome,
    Person,
)
from tr_desk.core.notice import notice_title

AU = Body(2, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL, weekday=1, elected=True)
NR = Body(5, "NR", "Næringsrådet", MinutesKind.REFERAT, weekday=4)
PEOPLE = {
    1: Person(1, "Katrine Lereggen", email="katrine@example.no"),
    2: Person(2, "Kjetil Mjøsund", email="kjetil@example.no"),
    3: Person(3, "Ola", email="ola@example.no"),
}
TODAY = dt.date(2022, 3, 1)


def context(
    *cases: Case, body: Body = AU, day: dt.date = dt.date(2022, 3, 22), **meeting: object
) -> MeetingContext:
    m = Meeting(id=1, body_id=body.id or 0, date=day, start=dt.time(9), place="Rådhuset",
                cases=list(cases), **meeting)  # type: ignore[arg-type]  # fmt: skip
    return MeetingContext(
        m, body, PEOPLE, {i: i + 7 for i in range(len(cases))}, invited=(1, 2, 3), members=(1, 2, 3),
        previous=dt.date(2022, 2, 22), today=TODAY,
    )  # fmt: skip


def ok(title: str = "Sak", **kwargs: object) -> Case:
    return Case(title, proposal=kwargs.pop("proposal", "Tas til orientering."), **kwargs)  # type: ignore[arg-type]


HELD = {"status": MeetingStatus.HELD, "held_start": dt.time(9), "held_end": dt.time(11)}
PRESENT = [Attendance(AttendanceStatus.PRESENT, person_id=1)]
RESOLVED = {"outcome": Outcome.DEALT_WITH, "resolution": "AU slutter seg til forslaget."}

# (what the seeds show, the context, the check, the rule that must speak)
CAUGHT: list[tuple[str, MeetingContext, Callable[[MeetingContext], list[Problem]], str]] = [
    ("«Næringsrådet: Onsdag 08.09» for a Friday body",
     context(ok(), body=NR, day=dt.date(2023, 9, 6)), check_notice, "holiday_or_weekday"),
    ("a meeting on a public holiday",
     context(ok(), day=dt.date(2022, 5, 17)), check_notice, "holiday_or_weekday"),
    ("protocol of 22.03.2022 approving «Protokoll AU-møte 22.03.2022» (itself)",
     context(Case("Godkjenning av protokoll fra AU-møte 22.03.2022", CaseKind.APPROVAL,
                  proposal="Godkjent.")), check_notice, "approval_names_previous"),
    ("notice of 8 Feb 2017 approving the minutes «08.12 2016» of another day",
     context(Case("Godkjenning av referat fra møte 08.12.2016", CaseKind.APPROVAL,
                  proposal="Godkjent.")), check_notice, "approval_names_previous"),
    ("«Kathrine» / «Katrine Lereggen»: a name not as in the register",
     context(ok(presenter="Kathrine Lereggen")), check_notice, "presenter_in_register"),
    ("AU 24/22 carries AU 23/22's resolution word for word (notice)",
     context(ok("A", proposal="AU slutter seg til."), ok("B", proposal="AU slutter seg til.")),
     check_notice, "copied_proposal"),
    ("AU 24/22 carries AU 23/22's resolution word for word (minutes)",
     context(ok("A", **RESOLVED), ok("B", **RESOLVED), attendance=PRESENT, **HELD),
     check_minutes, "copied_resolution"),
    ("«RF 39/16» written in by hand as a reference: not a case number",
     context(ok(follows="sak 39 i fjor")), check_notice, "follows_is_case_number"),
    ("a missing proposal", context(Case("Sak uten forslag")), check_notice, "proposal_given"),
    ("an attachment without a file",
     context(ok(attachments=[Attachment("Notat")])), check_notice, "attachments_have_files"),
    ("no quorum", context(ok(**RESOLVED), attendance=PRESENT, **HELD),
     check_minutes, "quorum_for_decision"),
    ("an unsigned protocol", context(ok(**RESOLVED), attendance=PRESENT, **HELD),
     check_minutes, "protocol_signed"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("seen", "ctx", "check", "rule"), CAUGHT, ids=[row[0][:40] for row in CAUGHT]
)
def test_the_rule_catches_the_seed_mistake(seen, ctx, check, rule) -> None:
    assert rule in {p.rule for p in check(ctx)}, [str(p) for p in check(ctx)]


def test_a_clean_meeting_has_none_of_these() -> None:
    clean = context(
        Case("Godkjenning av protokoll fra møte 22.02.2022", CaseKind.APPROVAL, proposal="Ja."),
        ok("Veiplan", presenter="Kjetil Mjøsund", follows="AU 07/22"),
        notice_date=dt.date(2022, 3, 15),
    )
    assert check_notice(clean) == []


# What TR Desk makes impossible: the text is generated from the data.
def test_weekdays_and_title_dates_are_generated() -> None:
    friday = dt.date(2023, 9, 8)
    assert plan_date(friday) == "Fredag 08.09"  # not «Onsdag 08.09»
    m = Meeting(id=1, body_id=5, date=dt.date(2022, 9, 16))
    assert minutes_title(NR, m).endswith("16.09.2022")  # not «16.19. 2022»
    assert notice_title(NR, Meeting(None, 5, dt.date(2017, 2, 8))).endswith("08.02.2017")
    assert date_short(dt.date(2022, 12, 2)) == "02.12.2022"  # one date style everywhere


def test_case_numbers_are_generated() -> None:
    ctx = context(ok(), ok())
    assert [ctx.label(0), ctx.label(1)] == ["AU 07/22", "AU 08/22"]  # not «AU07/17»
