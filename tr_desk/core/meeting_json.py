"""Writing the meeting file (DESIGN.md §6): ``show --json`` prints what ``load`` reads
(``core.meeting_file``), names instead of ids and case numbers instead of case ids."""

from __future__ import annotations

from typing import Any

from tr_desk.core.context import MeetingContext
from tr_desk.core.formats import iso_time
from tr_desk.core.model import Attendance, Case, FollowUp, PartyVote
from tr_desk.core.numbering import case_label


def party_vote_data(p: PartyVote) -> dict[str, Any]:
    """A party's vote as the meeting file (and the database) hold it; names only where given."""
    out: dict[str, Any] = {"party": p.party, "for": p.votes_for, "against": p.against}
    if p.blank:
        out["blank"] = p.blank
    for key in ("names_for", "names_against", "names_blank"):
        if getattr(p, key):
            out[key] = list(getattr(p, key))
    return out


def meeting_to_json(context: MeetingContext) -> dict[str, Any]:
    """The meeting as the file format, with its cases' (live) numbers."""
    meeting, body, people = context.meeting, context.body, context.people
    numbers, invited, copy = context.numbers, context.invited, context.copied

    def name(pid: int | None) -> str | None:
        return people[pid].name if pid is not None and pid in people else None

    def attendance(line: Attendance) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": name(line.person_id) or line.guest_name,
            "status": line.status.value,
        }
        if line.substitute_for is not None:
            out["substitute_for"] = name(line.substitute_for)
        if line.reason:
            out["reason"] = line.reason
        if line.role:
            out["role"] = line.role
        if line.from_case is not None and line.from_case in labels:
            out["from_case"] = labels[line.from_case]
        if line.to_case is not None and line.to_case in labels:
            out["to_case"] = labels[line.to_case]
        if line.party:
            out["party"] = line.party
        return out

    labels = {
        c.id: case_label(body.prefix, numbers, i, meeting.date.year)
        for i, c in enumerate(meeting.cases)
        if c.id is not None and i in numbers
    }

    def case(index: int, c: Case) -> dict[str, Any]:
        vote: Any = None
        if c.vote is not None:
            vote = "enstemmig" if c.vote.unanimous else {
                "for": c.vote.votes_for, "against": c.vote.against, "blank": c.vote.blank,
                **({"note": c.vote.note} if c.vote.note else {}),
                **({"parties": [party_vote_data(p) for p in c.vote.parties]}
                   if c.vote.parties else {}),
            }  # fmt: skip
        return {
            "number": case_label(body.prefix, numbers, index, meeting.date.year) or None,
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
            "vote": vote,
            "outcome": c.outcome.value if c.outcome else None,
            **({"postponed_from": c.postponed_from} if c.postponed_from else {}),
            **({"links": list(c.links)} if c.links else {}),
            **({"show_history": True} if c.show_history else {}),
            **({"closed": c.closed} if c.closed else {}),
            **({"late": True} if c.late else {}),
            **({"objections": list(c.objections)} if c.objections else {}),
            **({"followups": [followup(f) for f in c.followups]} if c.followups else {}),
            **(
                {
                    "exclusions": [
                        {"name": name(e.person_id), "kind": e.kind.value, "basis": e.basis}
                        for e in c.exclusions
                    ]
                }
                if c.exclusions
                else {}
            ),
            **(
                {
                    "answers": [
                        {"name": name(pid), "answer": answer.value}
                        for pid, answer in c.answers.items()
                    ]
                }
                if c.answers
                else {}
            ),
        }

    def followup(f: FollowUp) -> dict[str, Any]:
        out: dict[str, Any] = {"what": f.what, "status": f.status.value}
        who = name(f.person_id) or f.who
        for key, value in (
            ("who", who), ("due", f.due.isoformat() if f.due else ""), ("note", f.note),
            ("closed_by", f.closed_by),
        ):  # fmt: skip
            if value:
                out[key] = value
        return out

    held = None
    if meeting.held_start or meeting.held_end:
        held = {"start": iso_time(meeting.held_start), "end": iso_time(meeting.held_end)}
    return {
        "body": body.prefix,
        "date": meeting.date.isoformat(),
        "start": iso_time(meeting.start),
        "end": iso_time(meeting.end),
        "place": meeting.place,
        "mode": meeting.mode.value,
        "status": meeting.status.value,
        "notice_date": meeting.notice_date.isoformat() if meeting.notice_date else None,
        "reference": meeting.reference,
        "case_officer": name(meeting.case_officer_id),
        "chair": name(meeting.chair_id),
        "minute_taker": name(meeting.minute_taker_id),
        "invited": [*(name(pid) for pid in invited), *meeting.invited_other],
        "copy": [*(name(pid) for pid in copy), *meeting.copy_other],
        "held": held,
        "notice_remarks": meeting.notice_remarks,
        "note": meeting.note,
        **({"cancel_reason": meeting.cancel_reason} if meeting.cancel_reason else {}),
        **({"uid": meeting.uid} if meeting.uid else {}),
        **{
            key: day.isoformat()
            for key, day in (
                ("minutes_date", meeting.minutes_date),
                ("approved_on", meeting.approved_on),
                ("reopened_on", meeting.reopened_on),
            )
            if day is not None
        },
        "attendance": [attendance(line) for line in meeting.attendance],
        "cases": [case(i, c) for i, c in enumerate(meeting.cases)],
    }
