"""The roll during the meeting: who is on the list, how each is marked, who is in the room for
a case and whether the body can decide it. The Møte pane shows what these return; the edits
return a new roster for the store to save whole (``core.minutes`` has the one-key edits)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from tr_desk.core.context import MeetingContext
from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code
from tr_desk.core.minutes import quorum_for_case
from tr_desk.core.model import Attendance, AttendanceStatus, MeetingMode, Outcome
from tr_desk.core.presence import case_positions, takes_part

STATUS_TEXT = {
    None: "–",
    AttendanceStatus.PRESENT: "Til stede",
    AttendanceStatus.DIGITAL: "Digitalt",
    AttendanceStatus.ABSENT: "Forfall",
}
OUTCOME_TEXT = {
    None: "Ikke ført",
    Outcome.DEALT_WITH: "Behandlet",
    Outcome.POSTPONED: "Utsatt",
    Outcome.WITHDRAWN: "Trukket",
}
SECRETARIAT = "sekretariat"  # the role of someone on the Kopi list who is in the room


@dataclass(frozen=True)
class RollRow:
    """One line of the roll: a person called (marked or not) or someone else marked."""

    person_id: int | None
    index: int | None  # the attendance line, None while unmarked
    name: str
    status: AttendanceStatus | None
    notes: str
    party: str = ""  # its own column in the roll, not a note

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


def span_text(context: MeetingContext, line: Attendance) -> str:
    """«fra KF 46/22 til og med KF 48/22»: the cases someone who came or left took part in."""
    positions = case_positions(context.meeting)
    parts = []
    if line.from_case in positions:
        parts.append(f"fra {context.where(positions[line.from_case])}")
    if line.to_case in positions:
        parts.append(f"til og med {context.where(positions[line.to_case])}")
    return " ".join(parts)


def roll(context: MeetingContext) -> list[RollRow]:
    """Those called, in roster order, then everyone else marked (substitutes, secretariat,
    guests) in the order they were marked."""
    lines = context.meeting.attendance
    by_person = {a.person_id: i for i, a in enumerate(lines) if a.person_id is not None}
    rows: list[tuple[int | None, int | None]] = [
        (pid, by_person.get(pid)) for pid in context.invited
    ]
    listed = set(context.invited)
    rows += [(a.person_id, i) for i, a in enumerate(lines) if a.person_id not in listed]
    out = []
    for pid, index in rows:
        line = lines[index] if index is not None else None
        name = context.name(pid) if pid is not None else (line.guest_name if line else "")
        notes = []
        party = (line.party if line is not None else "") or context.parties.get(pid or -1, "")
        if line is not None:
            if line.substitute_for is not None:
                notes.append(f"vara for {context.name(line.substitute_for) or '?'}")
            if line.role:
                notes.append(line.role)
            if line.reason:
                notes.append(line.reason)
            if line.from_case is not None or line.to_case is not None:
                notes.append(span_text(context, line))
        elif pid is not None and pid not in context.members:
            notes.append("innkalt")
        status = line.status if line is not None else None
        out.append(RollRow(pid, index, name, status, ", ".join(notes), party))
    return out


def roll_counts(rows: Sequence[RollRow]) -> str:
    """«7 til stede, 2 forfall, 1 ikke merket»."""
    present = sum(
        1 for r in rows if r.status is not None and r.status is not AttendanceStatus.ABSENT
    )
    absent = sum(1 for r in rows if r.status is AttendanceStatus.ABSENT)
    unmarked = sum(1 for r in rows if r.index is None)
    return f"{present} til stede, {absent} forfall" + (
        f", {unmarked} ikke merket" if unmarked else ""
    )


# -- each case: who decides it ----------------------------------------------------------------


def in_room(context: MeetingContext, index: int) -> int:
    """Everyone in the room for the case at ``index`` (the secretariat too), the disqualified
    left out."""
    meeting = context.meeting
    positions = case_positions(meeting)
    excluded = {e.person_id for e in meeting.cases[index].exclusions}
    return sum(
        1
        for line in meeting.attendance
        if takes_part(line, index, positions) and line.person_id not in excluded
    )


@dataclass(frozen=True)
class CaseLine:
    """A case in the Møte pane's list: its number, outcome and whether it can be decided."""

    label: str
    title: str
    outcome: str
    short: str  # «Ja 5/9», «Nei 4/9», «5/9» for a forum, «7/9 svar» in written procedure
    tooltip: str
    ok: bool  # False: an elected body without quorum (shown in red)
    verdict: str  # the sentence above the case in the editor (may hold <b>)


def case_line(context: MeetingContext, index: int) -> CaseLine:
    meeting, members = context.meeting, context.members
    case = meeting.cases[index]
    label = context.where(index)
    outcome = OUTCOME_TEXT[case.outcome]
    if meeting.mode is MeetingMode.WRITTEN:
        answered = sum(1 for m in members if m in case.answers)
        return CaseLine(
            label, case.title, outcome, f"{answered}/{len(members)} svar",
            f"{answered} av {len(members)} har svart", True,
            "Skriftlig saksbehandling: vedtatt bare om alle er enige.",
        )  # fmt: skip
    quorum = quorum_for_case(meeting, index, members)
    room = in_room(context, index)
    if not context.body.elected:
        # A forum: kommuneloven § 11-9 does not apply; show who is there, no verdict.
        return CaseLine(
            label, case.title, outcome, f"{quorum.voting}/{quorum.seats}",
            f"{quorum.voting} av {quorum.seats} til stede", True,
            f"{quorum.voting} av {quorum.seats} til stede; {room} i møtet i alt.",
        )  # fmt: skip
    verdict = "Vedtaksfør" if quorum.ok else "Ikke vedtaksfør"
    return CaseLine(
        label, case.title, outcome,
        f"{'Ja' if quorum.ok else 'Nei'} {quorum.voting}/{quorum.seats}", str(quorum), quorum.ok,
        f"<b>{verdict}</b>: {quorum.voting} av {quorum.seats} medlemmer eller vara deltar "
        f"(minst {quorum.required} trengs); {room} i møtet i alt.",
    )  # fmt: skip


def case_lines(context: MeetingContext) -> list[CaseLine]:
    return [case_line(context, i) for i in range(len(context.meeting.cases))]


def quorum_heading(context: MeetingContext) -> str:
    """The heading of the list's last column."""
    if context.meeting.mode is MeetingMode.WRITTEN:
        return "Svar"
    return "Vedtaksfør" if context.body.elected else "Til stede"


# -- others in the room, and when they came or left -------------------------------------------


def suggested_others(context: MeetingContext) -> list[int]:
    """Who else is likely in the room and not yet marked: the Kopi list (the secretariat),
    then the presenters of the cases as matched in the register."""
    meeting = context.meeting
    marked = {a.person_id for a in meeting.attendance}
    out = [pid for pid in context.copied if pid not in marked]
    for case in meeting.cases:
        found = context.names.find(case.presenter.split(",")[0]) if case.presenter else None
        if found is not None and found.id is not None and found.id not in marked:
            out.append(found.id)
    return list(dict.fromkeys(out))


def default_role(context: MeetingContext, person_id: int | None) -> str:
    """The role someone else in the room is listed with unless the user writes another."""
    return SECRETARIAT if person_id in context.copied else ""


def with_other(
    lines: Sequence[Attendance], person_id: int | None, guest: str, role: str, name: str
) -> list[Attendance]:
    """Someone who is not a member marked present: a person from the register or a guest."""
    guest = " ".join(guest.split())
    if person_id is None and not guest:
        raise UserError.of(Code.NO_NAME_GIVEN)
    if person_id is not None and any(a.person_id == person_id for a in lines):
        raise UserError.of(Code.ALREADY_LISTED, name=name)
    line = Attendance(
        AttendanceStatus.PRESENT,
        person_id=person_id,
        guest_name="" if person_id is not None else guest,
        role=" ".join(role.split()),
    )
    return [*lines, line]


def with_span(
    lines: Sequence[Attendance], index: int, first: int | None, last: int | None
) -> list[Attendance]:
    """Line ``index`` arrived before case ``first`` and left after case ``last`` (ids; None:
    from the start, to the end). Only someone marked present can come or go."""
    if lines[index].status is AttendanceStatus.ABSENT:
        raise UserError.of(Code.PERSON_MARKED_ABSENT)
    out = list(lines)
    out[index] = replace(lines[index], from_case=first, to_case=last)
    return out
