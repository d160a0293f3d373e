"""The yearly meeting plan (møteplan): its printed lines, what in a plan needs a look, and a
proposal for a new year from each body's usual slot and the cycles that feed the council."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

from tr_desk.core.formats import (
    WEEKDAYS,
    date_short,
    parse_date,
    parse_time,
    plan_date,
    shown,
    time_slot,
)
from tr_desk.core.model import Body, Meeting, MeetingStatus


@dataclass(frozen=True)
class PlanSettings:
    """How a year is planned; kept in the database, defaults from the profile."""

    cycle_months: list[int] = field(default_factory=lambda: [2, 4, 6, 9, 11])
    council_week: int = 3  # the council on the body's n-th usual weekday of the month
    min_gap_days: int = 5  # at least this many days between two meetings of a cycle
    school_weeks: list[int] = field(default_factory=lambda: [8, 9, 40, 41])
    # The bodies' prefixes in a cycle's order, a week or so apart, the council last (the
    # profile's ``cycle_order``); empty: no cycles are proposed or checked.
    order: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "cycle_months": self.cycle_months, "council_week": self.council_week,
            "min_gap_days": self.min_gap_days, "school_weeks": self.school_weeks,
            "order": self.order,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> PlanSettings:
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})  # type: ignore[arg-type]


# -- the command line's way to name a meeting in the plan -------------------------------------


@dataclass(frozen=True)
class PlanKey:
    prefix: str
    day: dt.date
    start: dt.time | None = None
    end: dt.time | None = None


def parse_plan_key(text: str) -> PlanKey:
    """«AB 2023-02-03» or «AB 2023-02-03 0830-1130»; a ValueError says what is wrong."""
    parts = text.split()
    if len(parts) not in (2, 3):
        raise ValueError(f"not a meeting: {shown(text)} (expected e.g. 'AB 2023-02-03 0830-1130')")
    prefix, day = parts[0].upper(), parse_date(parts[1])
    if len(parts) == 2:
        return PlanKey(prefix, day)
    start_text, sep, end_text = parts[2].partition("-")
    if not sep or not start_text or not end_text:
        raise ValueError(f"not a time slot: {shown(parts[2])} (expected e.g. 0830-1130)")
    start, end = parse_time(start_text), parse_time(end_text)
    if end <= start:
        raise ValueError(f"the meeting ends before it starts: {shown(parts[2])}")
    return PlanKey(prefix, day, start, end)


# -- the printed plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    text: str  # «Næringsrådet: Onsdag 25.01 kl 1200-1500 (Konstituering etter valget)»
    bold: bool  # the council's meetings


def plan_lines(meetings: Sequence[Meeting], bodies: Mapping[int, Body]) -> list[PlanLine]:
    """One line per meeting in date order; cancelled meetings are left out."""
    lines = []
    order = {b.id: b.sort_order for b in bodies.values()}
    kept = [m for m in meetings if m.status is not MeetingStatus.CANCELLED]
    for meeting in sorted(kept, key=lambda m: (m.date, m.start or dt.time(), order[m.body_id])):
        body = bodies[meeting.body_id]
        text = f"{body.name}: {plan_date(meeting.date)}"
        slot = time_slot(meeting.start, meeting.end)
        if slot:
            text += f" {slot}"
        if meeting.note.strip():
            text += f" ({meeting.note.strip().strip('()')})"
        lines.append(PlanLine(text, body.is_council))
    return lines


# -- what needs a look ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFlag:
    day: dt.date
    message: str
    meeting_ids: tuple[int | None, ...] = ()
    body_prefix: str = ""

    def __str__(self) -> str:
        return f"{date_short(self.day)}: {self.message}"


@dataclass(frozen=True)
class Slot:
    """A meeting in a plan being checked (a stored meeting or a proposed one)."""

    body: Body
    day: dt.date
    meeting_id: int | None = None
    cycle: int | None = None  # which cycle of a proposal it belongs to


def slots_of(meetings: Sequence[Meeting], bodies: Mapping[int, Body]) -> list[Slot]:
    """The meetings of a stored plan that take place (cancelled ones do not)."""
    return [
        Slot(bodies[m.body_id], m.date, m.id)
        for m in meetings
        if m.status is not MeetingStatus.CANCELLED
    ]


def check_plan(
    slots: Sequence[Slot],
    holidays: Mapping[dt.date, str],
    settings: PlanSettings,
) -> list[PlanFlag]:
    """Holidays, school holiday weeks, clashes between bodies, meetings off the usual weekday,
    and cycles out of order (a proposal's cycles only), in date order."""
    flags: list[PlanFlag] = []
    by_day: dict[dt.date, list[Slot]] = {}
    for slot in slots:
        by_day.setdefault(slot.day, []).append(slot)
        who = (slot.meeting_id,)
        prefix = slot.body.prefix
        name = slot.body.name
        if slot.day in holidays:
            flags.append(PlanFlag(slot.day, f"{name} på {holidays[slot.day]}.", who, prefix))
        week = slot.day.isocalendar().week
        if week in settings.school_weeks:
            flags.append(PlanFlag(slot.day, f"{name} i skoleferien (uke {week}).", who, prefix))
        if slot.body.weekday is not None and slot.day.weekday() != slot.body.weekday:
            usual = WEEKDAYS[slot.body.weekday]
            actual = WEEKDAYS[slot.day.weekday()]
            flags.append(
                PlanFlag(slot.day, f"{name} på en {actual}, ikke som vanlig {usual}.", who, prefix)
            )
    for day, same in by_day.items():
        if len(same) > 1:
            names = " og ".join(s.body.name for s in same)
            flags.append(
                PlanFlag(day, f"Kollisjon: {names} samme dag.", tuple(s.meeting_id for s in same))
            )
    cycles: dict[int, list[Slot]] = {}
    for slot in slots:
        if slot.cycle is not None:
            cycles.setdefault(slot.cycle, []).append(slot)
    rank = {prefix: i for i, prefix in enumerate(settings.order)}
    for members in cycles.values():
        ordered = sorted(members, key=lambda s: rank.get(s.body.prefix, len(rank)))
        days = [s.day for s in ordered]
        if days != sorted(days) or len(set(days)) != len(days):
            sequence = " → ".join(s.body.name for s in ordered)
            flags.append(
                PlanFlag(days[-1], f"Syklusen er ikke i rekkefølge ({sequence}).",
                         tuple(s.meeting_id for s in ordered))
            )  # fmt: skip
    flags.sort(key=lambda f: f.day)
    return flags


def with_cycles(slots: Sequence[Slot], settings: PlanSettings) -> list[Slot]:
    """A stored plan's cycles, as the plan is read: each council meeting with every other
    body's meetings since the previous one (the latest of each), so that ``check_plan`` can
    tell a cycle out of order."""
    if not settings.order:
        return sorted(slots, key=lambda s: s.day)
    council = settings.order[-1]
    ordered = sorted(slots, key=lambda s: s.day)
    out: list[Slot] = []
    pending: dict[str, Slot] = {}
    cycle = 0
    for slot in ordered:
        if slot.body.prefix == council:
            out += [Slot(s.body, s.day, s.meeting_id, cycle) for s in pending.values()]
            out.append(Slot(slot.body, slot.day, slot.meeting_id, cycle))
            pending, cycle = {}, cycle + 1
        elif slot.body.prefix in settings.order:
            if slot.body.prefix in pending:
                out.append(pending[slot.body.prefix])  # an extra meeting: not in a cycle
            pending[slot.body.prefix] = slot
        else:
            out.append(slot)
    out += pending.values()
    return sorted(out, key=lambda s: s.day)


# -- a proposal for a new year ------------------------------------------------------------------


@dataclass
class Proposal:
    year: int
    slots: list[Slot]
    flags: list[PlanFlag]


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def _on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def propose_plan(
    year: int,
    bodies: Sequence[Body],
    holidays: Mapping[dt.date, str],
    settings: PlanSettings,
) -> Proposal:
    """Each cycle: the council on its usual weekday in the cycle's month, then each body before
    it on its own usual weekday, at least ``min_gap_days`` apart. A date on a public holiday or
    in a school holiday week moves a week (the council later or earlier, the others earlier);
    what cannot be avoided, and every clash left, is flagged."""
    by_prefix = {b.prefix: b for b in bodies}
    order = [by_prefix[p] for p in settings.order if p in by_prefix]
    taken: set[dt.date] = set()

    def bad(day: dt.date) -> bool:
        return (
            day in holidays
            or day.isocalendar().week in settings.school_weeks
            or day in taken
            or day.year != year
        )

    slots: list[Slot] = []
    for cycle, month in enumerate(settings.cycle_months):
        if not order:
            break
        council = order[-1]
        weekday = council.weekday if council.weekday is not None else 4
        target = _nth_weekday(year, month, weekday, settings.council_week)
        day = next(
            (d for d in (target, target + dt.timedelta(7), target - dt.timedelta(7)) if not bad(d)),
            target,
        )
        cycle_slots = [Slot(council, day, cycle=cycle)]
        taken.add(day)
        for body in reversed(order[:-1]):
            weekday = body.weekday if body.weekday is not None else day.weekday()
            latest = _on_or_before(day - dt.timedelta(days=settings.min_gap_days), weekday)
            tries = [latest - dt.timedelta(days=7 * k) for k in range(3)]
            day = next((d for d in tries if not bad(d)), latest)
            cycle_slots.append(Slot(body, day, cycle=cycle))
            taken.add(day)
        slots += reversed(cycle_slots)
    slots.sort(key=lambda s: s.day)
    return Proposal(year, slots, check_plan(slots, holidays, settings))


# -- a new meeting's day -----------------------------------------------------------------------

NOTICE_LEAD_DAYS = 14  # the first day a new meeting is proposed on: two weeks to prepare it


def is_off_day(day: dt.date, holidays: Mapping[dt.date, str]) -> str:
    """Why no meeting should be on ``day`` («lørdag», «andre juledag»), or "" for a workday."""
    if day in holidays:
        return holidays[day].lower()
    if day.weekday() >= 5:
        return WEEKDAYS[day.weekday()]
    return ""


def propose_meeting_day(
    body: Body,
    today: dt.date,
    taken: Sequence[dt.date],
    holidays: Mapping[dt.date, str],
) -> dt.date:
    """The day «Nytt møte» proposes for ``body``: the first workday from
    ``NOTICE_LEAD_DAYS`` on that falls on the body's usual weekday (any workday if it has
    none), is no holiday and is not ``taken`` by another of its meetings."""
    weekday = body.weekday if body.weekday is not None and body.weekday < 5 else None
    day = today + dt.timedelta(days=NOTICE_LEAD_DAYS)
    busy = set(taken)
    for _ in range(7 * 60):  # found within a few weeks; bounded all the same
        usual = weekday is None or day.weekday() == weekday
        if usual and not is_off_day(day, holidays) and day not in busy:
            return day
        day += dt.timedelta(days=1)
    return day
