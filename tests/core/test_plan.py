"""The meeting plan: printed lines, the plan check, and the generator for a new year."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.holidays import norwegian_holidays
from tr_desk.core.model import Body, BodyRole, Meeting, MeetingStatus, MinutesKind
from tr_desk.core.plan import (
    PlanSettings,
    Slot,
    check_plan,
    parse_plan_key,
    plan_lines,
    propose_plan,
)

FRIDAY, WEDNESDAY = 4, 2
CYCLE = ["NR", "KF", "AU", "TR"]  # the standard profile's cycle_order
BODIES = [
    Body(
        1, "TR", "Regionrådet", MinutesKind.PROTOKOLL, FRIDAY, dt.time(9), dt.time(14),
        role=BodyRole.COUNCIL,
    ),
    Body(2, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL, WEDNESDAY, dt.time(12), dt.time(14)),
    Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT, FRIDAY, dt.time(8, 30),
         dt.time(11, 30)),
    Body(4, "NR", "Næringsrådet", MinutesKind.REFERAT, WEDNESDAY, dt.time(12), dt.time(15)),
]  # fmt: skip
BY_ID = {b.id: b for b in BODIES}


def test_lines_compute_the_weekday_bold_council_notes_and_leave_out_cancelled() -> None:
    meetings = [
        Meeting(1, 1, dt.date(2023, 2, 17), dt.time(9), dt.time(14)),
        Meeting(2, 4, dt.date(2023, 1, 25), dt.time(12), dt.time(15)),
        Meeting(3, 3, dt.date(2023, 9, 8), dt.time(8, 30), dt.time(11, 30)),
        Meeting(4, 1, dt.date(2023, 10, 20), dt.time(9), dt.time(14),
                note="Konstituering etter valget"),
        Meeting(5, 2, dt.date(2023, 3, 1), status=MeetingStatus.CANCELLED),
    ]  # fmt: skip
    lines = plan_lines(meetings, BY_ID)
    assert [(line.text, line.bold) for line in lines] == [
        ("Næringsrådet: Onsdag 25.01 kl 1200-1500", False),
        ("Regionrådet: Fredag 17.02 kl 0900-1400", True),
        ("Kommunedirektørforum: Fredag 08.09 kl 0830-1130", False),  # the seed said «Onsdag»
        ("Regionrådet: Fredag 20.10 kl 0900-1400 (Konstituering etter valget)", True),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("KF 2023-02-30", "not a date"),
        ("KF 2023-02-03 2500-2600", "not a time of day: '2500'"),
        ("KF 2023-02-03 1130-0830", "ends before it starts"),
        ("KF 2023-02-03 0830", "not a time slot"),
        ("KF", "not a meeting"),
    ],
)
def test_bad_plan_keys(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_plan_key(text)


def test_plan_key() -> None:
    key = parse_plan_key("kf 2023-02-03 0830-1130")
    assert (key.prefix, key.day, key.start, key.end) == (
        "KF", dt.date(2023, 2, 3), dt.time(8, 30), dt.time(11, 30),
    )  # fmt: skip


def test_generator_2023_avoids_holidays_and_reports_every_clash() -> None:
    holidays = norwegian_holidays([2023])
    proposal = propose_plan(2023, BODIES, holidays, PlanSettings(order=CYCLE))
    days = [slot.day for slot in proposal.slots]
    assert len(days) == 20
    assert dt.date(2023, 5, 18) in holidays  # Kristi himmelfartsdag
    assert not [d for d in days if d in holidays]
    assert all(slot.day.weekday() == slot.body.weekday for slot in proposal.slots)
    # The first cycle is the real 2023 plan's: NR 25.01, KF 03.02, AU 08.02, TR 17.02.
    assert [(s.body.prefix, s.day) for s in proposal.slots[:4]] == [
        ("NR", dt.date(2023, 1, 25)), ("KF", dt.date(2023, 2, 3)),
        ("AU", dt.date(2023, 2, 8)), ("TR", dt.date(2023, 2, 17)),
    ]  # fmt: skip
    clashes = {d for d in days if days.count(d) > 1}
    reported = {f.day for f in proposal.flags if f.message.startswith("Kollisjon")}
    assert clashes == reported


def test_generator_reports_the_clashes_it_cannot_avoid() -> None:
    # Two cycles in one month, and every other Friday around it a holiday: no way out.
    settings = PlanSettings(cycle_months=[2, 2], order=["KF", "TR"])
    two = [b for b in BODIES if b.prefix in ("KF", "TR")]
    free = {dt.date(2023, 2, 10), dt.date(2023, 2, 17)}
    days_off = {dt.date(2023, 1, 1) + dt.timedelta(days=n): "Fridag" for n in range(90)}
    holidays = {day: name for day, name in days_off.items() if day not in free}
    proposal = propose_plan(2023, two, holidays, settings)
    days = [slot.day for slot in proposal.slots]
    clashes = {d for d in days if days.count(d) > 1}
    reported = {f.day for f in proposal.flags if f.message.startswith("Kollisjon")}
    assert clashes == reported == free


def test_check_flags_holiday_school_week_weekday_clash_and_order() -> None:
    tr, au, kf = BODIES[0], BODIES[1], BODIES[2]
    slots = [
        Slot(tr, dt.date(2023, 5, 17), 1),  # Grunnlovsdag, and a Wednesday
        Slot(kf, dt.date(2023, 2, 24), 2, cycle=0),  # winter break, week 8
        Slot(au, dt.date(2023, 2, 24), 3, cycle=0),  # same day as KF
        Slot(tr, dt.date(2023, 2, 17), 4, cycle=0),  # before AU and KF in its cycle
    ]
    messages = [
        str(f) for f in check_plan(slots, norwegian_holidays([2023]), PlanSettings(order=CYCLE))
    ]
    assert "17.05.2023: Regionrådet på Grunnlovsdag." in messages
    assert "17.05.2023: Regionrådet på en onsdag, ikke som vanlig fredag." in messages
    assert "24.02.2023: Kommunedirektørforum i skoleferien (uke 8)." in messages
    assert "24.02.2023: Kollisjon: Kommunedirektørforum og Arbeidsutvalget samme dag." in messages
    assert any("Syklusen er ikke i rekkefølge" in m for m in messages)


def test_a_stored_plan_is_read_in_cycles() -> None:
    from tr_desk.core.plan import with_cycles

    nr, kf, au, tr = BODIES[3], BODIES[2], BODIES[1], BODIES[0]
    slots = [
        Slot(nr, dt.date(2023, 1, 25), 1), Slot(kf, dt.date(2023, 2, 3), 2),
        Slot(au, dt.date(2023, 2, 8), 3), Slot(tr, dt.date(2023, 2, 17), 4),
        # the second cycle: Arbeidsutvalget before Kommunedirektørforum
        Slot(nr, dt.date(2023, 3, 22), 5), Slot(au, dt.date(2023, 3, 29), 6),
        Slot(kf, dt.date(2023, 3, 31), 7), Slot(tr, dt.date(2023, 4, 21), 8),
    ]  # fmt: skip
    settings = PlanSettings(order=CYCLE)
    cycles = {s.meeting_id: s.cycle for s in with_cycles(slots, settings)}
    assert cycles == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 1, 8: 1}
    flags = [f for f in check_plan(with_cycles(slots, settings), {}, settings)]
    assert [f.meeting_ids for f in flags if "rekkefølge" in f.message] == [(5, 7, 6, 8)]


def test_a_new_meeting_is_proposed_on_the_bodys_next_free_workday() -> None:
    from tr_desk.core.plan import is_off_day, propose_meeting_day

    holidays = norwegian_holidays([2026, 2027])
    friday = Body(1, "AB", "Organ", MinutesKind.REFERAT, weekday=4)
    today = dt.date(2026, 12, 5)  # a Saturday: + 14 days is a Saturday too
    # Fridays 25.12 and 1.1 are holidays: the first Friday after them, then one not taken.
    assert propose_meeting_day(friday, today, [], holidays) == dt.date(2027, 1, 8)
    taken = [dt.date(2027, 1, 8)]
    assert propose_meeting_day(friday, today, taken, holidays) == dt.date(2027, 1, 15)
    assert propose_meeting_day(friday, dt.date(2026, 11, 30), [], holidays) == dt.date(2026, 12, 18)
    anyday = Body(2, "CD", "Forum", MinutesKind.REFERAT)
    assert propose_meeting_day(anyday, today, [], holidays) == dt.date(2026, 12, 21)  # Monday
    saturday_body = Body(3, "EF", "Lørdagsorgan", MinutesKind.REFERAT, weekday=5)
    assert propose_meeting_day(saturday_body, today, [], holidays).weekday() < 5
    assert is_off_day(dt.date(2026, 12, 26), holidays) == "andre juledag"
    assert is_off_day(dt.date(2026, 12, 27), holidays) == "søndag"
    assert is_off_day(dt.date(2026, 12, 28), holidays) == ""
