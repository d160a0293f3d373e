"""What the minutes (referat / protokoll) say, derived from the meeting: who took part in each
case, quorum per case, votes, disqualifications; the documents only typeset it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tr_desk.core.formats import date_short, period
from tr_desk.core.law import LATE_ITEM, closed_line, join_names, late_line, objection_blocks
from tr_desk.core.model import (
    Answer,
    Attendance,
    AttendanceStatus,
    Body,
    Case,
    CaseKind,
    ExclusionKind,
    Letterhead,
    Meeting,
    MeetingMode,
    MinutesKind,
    Outcome,
    Person,
)
from tr_desk.core.notice import place_line
from tr_desk.core.presence import case_positions, is_present, takes_part
from tr_desk.core.public import exemption_line, public_meeting
from tr_desk.core.quorum import Quorum, case_quorum
from tr_desk.core.votes import printed_vote, vote_line

if TYPE_CHECKING:
    from tr_desk.core.context import MeetingContext

NO_REMARKS = "Ingen merknader til innkallingen."
ANSWER_LABELS = {
    Answer.AGREES: "Enig",
    Answer.DISAGREES: "Ikke enig",
    Answer.DEMANDS_MEETING: "Krever møte",
}
EXCLUSION_VERBS = {
    ExclusionKind.DISQUALIFIED: "ble erklært inhabil",
    ExclusionKind.EXCUSED: "ble fritatt",
}


# -- who took part ----------------------------------------------------------------------------


# -- editing the roster (each returns a new list; the store saves it whole) -------------------

NEXT_STATUS = {  # one click on a member's status
    None: AttendanceStatus.PRESENT,
    AttendanceStatus.PRESENT: AttendanceStatus.DIGITAL,
    AttendanceStatus.DIGITAL: AttendanceStatus.ABSENT,
    AttendanceStatus.ABSENT: AttendanceStatus.PRESENT,
}


def with_status(
    lines: Sequence[Attendance], person_id: int | None, index: int | None,
    status: AttendanceStatus, reason: str | None = None,
) -> list[Attendance]:  # fmt: skip
    """Line ``index`` (or a new one for ``person_id``) marked ``status``; the reason is kept
    only for an absence, and replaced when one is given."""
    out = list(lines)
    if index is None:
        out.append(Attendance(status, person_id=person_id, reason=reason or ""))
        return out
    line = out[index]
    if reason is None:
        reason = line.reason if status is AttendanceStatus.ABSENT else ""
    out[index] = replace(line, status=status, reason=reason)
    return out


def without(lines: Sequence[Attendance], index: int) -> list[Attendance]:
    """Line ``index`` taken off; a member's substitute goes with the member's marking."""
    out = list(lines)
    line = out.pop(index)
    if line.person_id is not None:
        out = [a for a in out if a.substitute_for != line.person_id]
    return out


def with_substitute(lines: Sequence[Attendance], member: int, substitute: int) -> list[Attendance]:
    """``member`` absent, ``substitute`` present in the member's seat."""
    out = [a for a in lines if a.person_id != substitute]
    own = next((i for i, a in enumerate(out) if a.person_id == member), None)
    if own is None:
        out.append(Attendance(AttendanceStatus.ABSENT, person_id=member))
    else:
        out[own] = replace(out[own], status=AttendanceStatus.ABSENT)
    out.append(Attendance(AttendanceStatus.PRESENT, person_id=substitute, substitute_for=member))
    return out


def quorum_for_case(meeting: Meeting, index: int, members: Sequence[int]) -> Quorum:
    """Quorum for one case: members (or their substitutes) in the room, disqualified left out."""
    positions = case_positions(meeting)
    present = [
        line.person_id
        for line in meeting.attendance
        if line.person_id is not None and takes_part(line, index, positions)
    ]
    substitutes = {
        line.person_id: line.substitute_for
        for line in meeting.attendance
        if line.person_id is not None and line.substitute_for is not None
    }
    case = meeting.cases[index]
    disqualified = {e.person_id for e in case.exclusions}
    # A substitute stands in for the member; the member's disqualification carries over.
    disqualified |= {sub for sub, member in substitutes.items() if member in disqualified}
    return case_quorum(members, present, substitutes, disqualified)


def written_result(case: Case, members: Sequence[int]) -> bool:
    """Written procedure (§ 11-8): carried only if every member agrees."""
    return bool(members) and all(case.answers.get(m) is Answer.AGREES for m in members)


# -- the document's content ---------------------------------------------------------------------


@dataclass
class MinutesCase:
    number: str
    title: str
    kind: CaseKind
    exemption: str = ""
    procedure: list[str] = field(default_factory=list)  # closed meeting, late item (§§ 11-5, 11-3)
    introduced: str = ""  # «Bård Eidet innledet.»
    introduction: str = ""  # Markdown
    text: str = ""  # Markdown, printed for «Orienteringer» only
    notes: str = ""  # Markdown («Fra møtet»)
    resolution: str = ""  # Markdown («Vedtak»)
    vote: str = ""
    remarks: list[str] = field(default_factory=list)  # exclusions, arrivals, departures
    answers: list[str] = field(default_factory=list)  # written procedure
    outcome: str = ""  # «Saken ble utsatt.» / «Saken ble trukket.»
    index: int = 0


@dataclass
class MinutesContent:
    title: str
    header: list[tuple[str, str]]
    preamble: list[str]
    cases: list[MinutesCase]
    signatures: list[tuple[str, str, str]]  # name, title, «(sign)» or ""
    status_note: str = ""  # «Godkjent …», «Endret etter godkjenning …»
    public: bool = False
    letterhead: Letterhead = field(default_factory=Letterhead)


def minutes_title(body: Body, meeting: Meeting) -> str:
    """«REFERAT, KOMMUNEDIREKTØRFORUM – 16.09.2022», from the meeting's own date."""
    return f"{body.minutes_title.upper()}, {body.name.upper()} – {date_short(meeting.date)}"


def _name(people: Mapping[int, Person], pid: int | None, guest: str = "") -> str:
    if pid is not None and pid in people:
        return people[pid].name
    return guest


def attendance_lines(
    meeting: Meeting, people: Mapping[int, Person], members: Sequence[int]
) -> tuple[list[str], list[str]]:
    """«Til stede» (members in roster order, then the others) and «Forfall» as name entries."""
    by_person = {a.person_id: a for a in meeting.attendance if a.person_id is not None}
    order = {pid: i for i, pid in enumerate(members)}

    def seat(line: Attendance) -> int:
        if line.person_id in order:
            return order[line.person_id]
        if line.substitute_for in order:
            return order[line.substitute_for]
        return len(order)

    def entry(line: Attendance) -> str:
        name = _name(people, line.person_id, line.guest_name)
        notes = []
        if line.substitute_for is not None:
            notes.append(f"vara for {_name(people, line.substitute_for)}")
        if line.status is AttendanceStatus.DIGITAL:
            notes.append("digitalt")
        return f"{name} ({', '.join(notes)})" if notes else name

    present = [a for a in meeting.attendance if is_present(a)]
    seated = sorted(
        (a for a in present if seat(a) < len(order)),
        key=lambda a: (seat(a), a.substitute_for is not None),
    )
    others = [a for a in present if seat(a) >= len(order)]
    absent = []
    for pid in members:
        line = by_person.get(pid)
        if line is not None and line.status is AttendanceStatus.ABSENT:
            name = _name(people, pid)
            absent.append(f"{name} ({line.reason})" if line.reason else name)
    absent += [
        entry(a)
        for a in meeting.attendance
        if a.status is AttendanceStatus.ABSENT and a.person_id not in order
    ]
    return [entry(a) for a in seated + others], absent


def _movement(
    meeting: Meeting, index: int, people: Mapping[int, Person], positions: Mapping[int, int]
) -> list[str]:
    """Who came or went around this case: the minutes must show who took part in each."""
    arrived, left = [], []
    for line in meeting.attendance:
        if not is_present(line):
            continue
        name = _name(people, line.person_id, line.guest_name)
        if line.from_case is not None and positions.get(line.from_case) == index and index > 0:
            arrived.append(name)
        last = len(meeting.cases) - 1
        if line.to_case is not None and positions.get(line.to_case) == index and index < last:
            left.append(name)
    out = []
    if arrived:
        out.append(f"{join_names(arrived)} kom til møtet før behandlingen av denne saken.")
    if left:
        out.append(f"{join_names(left)} forlot møtet etter behandlingen av denne saken.")
    return out


def _answers(case: Case, people: Mapping[int, Person], members: Sequence[int]) -> list[str]:
    lines = []
    for answer, label in ANSWER_LABELS.items():
        names = [_name(people, m) for m in members if case.answers.get(m) is answer]
        if names:
            lines.append(f"{label}: {', '.join(names)}.")
    missing = [_name(people, m) for m in members if m not in case.answers]
    if missing:
        lines.append(f"Ikke svart: {', '.join(missing)}.")
    if written_result(case, members):
        lines.append("Forslaget er vedtatt: alle medlemmene har sagt seg enige.")
    else:
        lines.append("Forslaget er ikke vedtatt: ikke alle medlemmene har sagt seg enige.")
    return lines


def minutes_case(
    meeting: Meeting,
    index: int,
    number: str,
    people: Mapping[int, Person],
    members: Sequence[int],
    *,
    public: bool = False,
    chair: int | None = None,
    elected: bool = False,
) -> MinutesCase:
    """One case as the minutes print it; ``elected``: the body votes (a decided case with no
    vote recorded prints as unanimous)."""
    case = meeting.cases[index]
    item = MinutesCase(number=number, title=case.title, kind=case.kind, index=index)
    if case.exempt is not None:
        item.exemption = exemption_line(case.exempt.basis)
    if case.closed:
        item.procedure.append(closed_line(case.closed))
    if case.late and case.outcome is not Outcome.WITHDRAWN:
        if case.exempt is not None and public:
            # who objected went with the gate: say only what is public, not «Ingen motsatte seg»
            item.procedure.append(LATE_ITEM)
        else:
            voting = quorum_for_case(meeting, index, members).voting
            blocked = objection_blocks(case.objections, _name(people, chair), voting)
            item.procedure.append(late_line(case.objections, blocked))
    if case.exempt is not None and public:
        # the case has been through the gate: number, public title, basis, closing
        return item
    if case.outcome is Outcome.WITHDRAWN:
        item.outcome = "Saken ble trukket."
        return item
    introduced_by = case.introduced_by.strip() or case.presenter.strip()  # default: presenter
    if introduced_by:
        # «Trond Åm, Geitmyra Credo, innledet.»: an affiliation is closed off by a comma.
        comma = "," if "," in introduced_by and not introduced_by.endswith(",") else ""
        item.introduced = f"{introduced_by}{comma} innledet."
    item.introduction = case.introduction
    if case.kind is CaseKind.BRIEFINGS:
        item.text = case.text
    item.notes = case.notes
    item.resolution = case.resolution
    written = meeting.mode is MeetingMode.WRITTEN and case.proposal.strip()
    if written and not written_result(case, members):
        item.resolution = ""  # § 11-8: not carried, so there is no resolution to print
    item.vote = vote_line(printed_vote(case, elected, meeting.mode is MeetingMode.WRITTEN),
                          case.resolution)  # fmt: skip
    for exclusion in case.exclusions:
        basis = f" ({exclusion.basis.strip()})" if exclusion.basis.strip() else ""
        verb = EXCLUSION_VERBS[exclusion.kind]
        item.remarks.append(
            f"{_name(people, exclusion.person_id)} {verb}{basis} og deltok ikke i behandlingen."
        )
    item.remarks += _movement(meeting, index, people, case_positions(meeting))
    if meeting.mode is MeetingMode.WRITTEN and case.proposal.strip():
        item.answers = _answers(case, people, members)
    if case.outcome is Outcome.POSTPONED:
        item.outcome = "Saken ble utsatt."
    return item


def minutes_content(context: MeetingContext, *, public: bool = False) -> MinutesContent:
    """The minutes of the meeting; the context's ``members`` are the seats on its date, in
    roster order, its ``chair`` who chaired it (signs a Protokoll)."""
    meeting = public_meeting(context.meeting) if public else context.meeting
    body, people, members = context.body, context.people, context.members
    signatory, chair = context.manager, context.chair
    officer = people.get(meeting.case_officer_id or -1) or signatory
    present, absent = attendance_lines(meeting, people, members)
    written = meeting.mode is MeetingMode.WRITTEN
    start = meeting.held_start or meeting.start
    end = meeting.held_end or meeting.end
    header = [
        ("Saksbehandler", officer.name if officer else ""),
        ("Referanse", meeting.reference),
        ("Dato", date_short(meeting.minutes_date) if meeting.minutes_date else ""),
        ("Sted", place_line(meeting)),
        ("Tidsrom", "" if written else period(meeting.date, start, end)),
        ("Svar fra" if written else "Til stede", ", ".join(present) + "." if present else ""),
        ("Forfall", ", ".join(absent) + "." if absent else ""),
        ("Referent", _name(people, meeting.minute_taker_id)),
    ]
    preamble = []
    website = context.organisation.website_line
    if body.minutes_kind is MinutesKind.PROTOKOLL and website:
        preamble.append(website)
    remarks = meeting.notice_remarks.strip()
    if remarks or body.minutes_kind is MinutesKind.PROTOKOLL:
        preamble.append(remarks or NO_REMARKS)
    cases = [
        minutes_case(meeting, i, context.label(i), people, members,
                     public=public, chair=chair, elected=body.elected)
        for i in range(len(meeting.cases))
    ]  # fmt: skip
    manager = (signatory.name, signatory.title or "Daglig leder") if signatory else ("", "")
    if body.minutes_kind is MinutesKind.PROTOKOLL:
        chair_name = _name(people, chair)
        signatures = [
            (chair_name, "Møteleder", "(sign)"), (manager[0], "Daglig leder", "(sign)"),
        ]  # fmt: skip
    else:
        signatures = [(manager[0], manager[1], "")]
    return MinutesContent(
        letterhead=context.letterhead,
        title=minutes_title(body, meeting),
        header=[(label, value) for label, value in header if value],
        preamble=preamble,
        cases=cases,
        signatures=signatures,
        status_note=status_note(meeting),
        public=public,
    )


def status_note(meeting: Meeting) -> str:
    note = ""
    if meeting.approved_on is not None:
        note = f"Godkjent {date_short(meeting.approved_on)}."
    if meeting.reopened_on is not None:
        note += f" Endret etter godkjenning {date_short(meeting.reopened_on)}."
    return note.strip()


@dataclass
class ExtractContent:
    """A særutskrift: one case, its resolution and who took part, for those it concerns."""

    title: str
    header: list[tuple[str, str]]
    case: MinutesCase
    signature: tuple[str, str]
    certified: str
    letterhead: Letterhead = field(default_factory=Letterhead)


def extract_content(context: MeetingContext, index: int, today: dt.date) -> ExtractContent:
    """A særutskrift of the case at ``index``, certified ``today``."""
    meeting, body, people = context.meeting, context.body, context.people
    members, signatory = context.members, context.manager
    case = minutes_case(meeting, index, context.label(index), people, members,
                        chair=context.chair, elected=body.elected)  # fmt: skip
    # The extract holds the decision, not the discussion.
    case.introduced = case.introduction = case.notes = case.text = ""
    positions = case_positions(meeting)
    disqualified = {e.person_id for e in meeting.cases[index].exclusions}
    seats = set(members)
    took_part = [  # the members, or their substitutes, who decided; not the secretariat
        line
        for line in meeting.attendance
        if takes_part(line, index, positions)
        and line.person_id not in disqualified
        and (line.person_id in seats or line.substitute_for in seats)
    ]
    present, _absent = attendance_lines(
        Meeting(id=None, body_id=meeting.body_id, date=meeting.date, attendance=took_part),
        people,
        members,
    )
    start = meeting.held_start or meeting.start
    end = meeting.held_end or meeting.end
    header = [
        ("Møte", f"{body.name} {date_short(meeting.date)}"),
        ("Sted", place_line(meeting)),
        ("Tidsrom", period(meeting.date, start, end)),
        ("Deltok i behandlingen", ", ".join(present) + "." if present else ""),
    ]
    signature = (signatory.name, signatory.title or "Daglig leder") if signatory else ("", "")
    return ExtractContent(
        letterhead=context.letterhead,
        title=f"SÆRUTSKRIFT, {body.name.upper()} – {date_short(meeting.date)}",
        header=[(label, value) for label, value in header if value],
        case=case,
        signature=signature,
        certified=f"Rett utskrift bekreftes, {date_short(today)}.",
    )
