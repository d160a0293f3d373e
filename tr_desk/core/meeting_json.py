"""Writing the meeting file (DESIGN.md §6): ``show --json`` prints what ``load`` reads
(``core.meeting_file``), names instead of ids and case numbers instead of case ids."""

from __future__ import annotations

from collections.abc import Mapping

from tr_desk.core.context import MeetingContext
from tr_desk.core.formats import iso_time
from tr_desk.core.meeting_data import (
    AttendanceData,
    CaseData,
    FollowUpData,
    HeldData,
    MeetingData,
    PartyVoteData,
    VoteData,
)
from tr_desk.core.model import Attendance, Case, FollowUp, Meeting, PartyVote, Person, Vote
from tr_desk.core.numbering import case_label


def party_vote_data(p: PartyVote) -> PartyVoteData:
    """A party's vote as the meeting file (and the database) hold it; names only where given."""
    out: PartyVoteData = {"party": p.party, "for": p.votes_for, "against": p.against}
    if p.blank:
        out["blank"] = p.blank
    if p.names_for:
        out["names_for"] = list(p.names_for)
    if p.names_against:
        out["names_against"] = list(p.names_against)
    if p.names_blank:
        out["names_blank"] = list(p.names_blank)
    return out


class _Names:
    """People and cases by name and number, as the file writes them."""

    def __init__(self, context: MeetingContext) -> None:
        meeting, prefix = context.meeting, context.body.prefix
        self.people: Mapping[int, Person] = context.people
        self.labels = {
            c.id: case_label(prefix, context.numbers, i, meeting.date.year)
            for i, c in enumerate(meeting.cases)
            if c.id is not None and i in context.numbers
        }

    def __call__(self, pid: int | None) -> str | None:
        return self.people[pid].name if pid is not None and pid in self.people else None


def meeting_to_json(context: MeetingContext) -> MeetingData:
    """The meeting as the file format, with its cases' (live) numbers."""
    meeting, names = context.meeting, _Names(context)
    out: MeetingData = {
        "body": context.body.prefix,
        "date": meeting.date.isoformat(),
        "start": iso_time(meeting.start),
        "end": iso_time(meeting.end),
        "place": meeting.place,
        "mode": meeting.mode.value,
        "status": meeting.status.value,
        "notice_date": meeting.notice_date.isoformat() if meeting.notice_date else None,
        "reference": meeting.reference,
        "case_officer": names(meeting.case_officer_id),
        "chair": names(meeting.chair_id),
        "minute_taker": names(meeting.minute_taker_id),
        "invited": [*(names(pid) for pid in context.invited), *meeting.invited_other],
        "copy": [*(names(pid) for pid in context.copied), *meeting.copy_other],
        "held": _held(meeting),
        "notice_remarks": meeting.notice_remarks,
        "note": meeting.note,
    }
    if meeting.cancel_reason:
        out["cancel_reason"] = meeting.cancel_reason
    if meeting.uid:
        out["uid"] = meeting.uid
    if meeting.minutes_date is not None:
        out["minutes_date"] = meeting.minutes_date.isoformat()
    if meeting.approved_on is not None:
        out["approved_on"] = meeting.approved_on.isoformat()
    if meeting.reopened_on is not None:
        out["reopened_on"] = meeting.reopened_on.isoformat()
    out["attendance"] = [_attendance(line, names) for line in meeting.attendance]
    out["cases"] = [_case(context, i, c, names) for i, c in enumerate(meeting.cases)]
    return out


def _held(meeting: Meeting) -> HeldData | None:
    if not (meeting.held_start or meeting.held_end):
        return None
    return {"start": iso_time(meeting.held_start), "end": iso_time(meeting.held_end)}


def _attendance(line: Attendance, names: _Names) -> AttendanceData:
    out: AttendanceData = {
        "name": names(line.person_id) or line.guest_name,
        "status": line.status.value,
    }
    if line.substitute_for is not None:
        out["substitute_for"] = names(line.substitute_for)
    if line.reason:
        out["reason"] = line.reason
    if line.role:
        out["role"] = line.role
    if line.from_case is not None and line.from_case in names.labels:
        out["from_case"] = names.labels[line.from_case]
    if line.to_case is not None and line.to_case in names.labels:
        out["to_case"] = names.labels[line.to_case]
    if line.party:
        out["party"] = line.party
    return out


def _vote(vote: Vote) -> VoteData:
    out: VoteData = {"for": vote.votes_for, "against": vote.against, "blank": vote.blank}
    if vote.note:
        out["note"] = vote.note
    if vote.parties:
        out["parties"] = [party_vote_data(p) for p in vote.parties]
    return out


def _case(context: MeetingContext, index: int, c: Case, names: _Names) -> CaseData:
    year = context.meeting.date.year
    out: CaseData = {
        "number": case_label(context.body.prefix, context.numbers, index, year) or None,
        "title": c.title,
        "kind": c.kind.value,
        "text": c.text,
        "attachments": [{"title": a.title, "file": a.file} for a in c.attachments],
        "proposal": c.proposal,
        "presenter": c.presenter or None,
        "follows": c.follows or None,
        "exempt": None
        if c.exempt is None
        else {"basis": c.exempt.basis, "public_title": c.exempt.public_title},
        "introduced_by": c.introduced_by or None,
        "introduction": c.introduction,
        "notes": c.notes,
        "resolution": c.resolution,
        "vote": None if c.vote is None else "enstemmig" if c.vote.unanimous else _vote(c.vote),
        "outcome": c.outcome.value if c.outcome else None,
    }
    _case_extras(out, c, names)
    return out


def _case_extras(out: CaseData, c: Case, names: _Names) -> None:
    """What only some cases have, written only where they have it."""
    if c.postponed_from:
        out["postponed_from"] = c.postponed_from
    if c.links:
        out["links"] = list(c.links)
    if c.show_history:
        out["show_history"] = True
    if c.closed:
        out["closed"] = c.closed
    if c.late:
        out["late"] = True
    if c.objections:
        out["objections"] = list(c.objections)
    if c.followups:
        out["followups"] = [_followup(f, names) for f in c.followups]
    if c.exclusions:
        out["exclusions"] = [
            {"name": names(e.person_id), "kind": e.kind.value, "basis": e.basis}
            for e in c.exclusions
        ]
    if c.answers:
        out["answers"] = [
            {"name": names(pid), "answer": answer.value} for pid, answer in c.answers.items()
        ]


def _followup(f: FollowUp, names: _Names) -> FollowUpData:
    out: FollowUpData = {"what": f.what, "status": f.status.value}
    who = names(f.person_id) or f.who
    if who:
        out["who"] = who
    if f.due:
        out["due"] = f.due.isoformat()
    if f.note:
        out["note"] = f.note
    if f.closed_by:
        out["closed_by"] = f.closed_by
    return out
