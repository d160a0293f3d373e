"""The one place where rows become core objects and back, and what every part of the store
shares: the connection (through the ``Hub``), inserting a row, deleting a case's rows."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import TYPE_CHECKING, Any

from tr_desk.core.formats import iso_time
from tr_desk.core.meeting_json import party_vote_data
from tr_desk.core.model import (
    Attendance,
    AttendanceStatus,
    Body,
    BodyRole,
    Case,
    CaseKind,
    Exemption,
    FollowUp,
    FollowUpStatus,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Membership,
    MinutesKind,
    Outcome,
    PartyVote,
    Person,
    Role,
    Vote,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tr_desk.storage.hub import Hub


class Part:
    """One concern of the store (the register, the meetings, the minutes …); all parts share
    the store's connection and its transactions."""

    def __init__(self, store: Hub) -> None:
        self._store = store

    @property
    def _uid_domain(self) -> str:
        """The domain of a new meeting's calendar UID: the organisation's."""
        return self._store.settings.organisation().uid_domain


ROLE_VALUES = frozenset(r.value for r in BodyRole)


def new_uid(domain: str) -> str:
    """A calendar UID for a new meeting («…@» the organisation's domain); it stays with the
    meeting when it moves."""
    import uuid

    return f"{uuid.uuid4().hex}@{domain}"


def insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row and return its id."""
    pk = db.table(table).insert(row).last_pk
    assert pk is not None
    return int(pk)


# What hangs on a case, deleted with it.
CASE_TABLES = ("attachment", "case_exclusion", "written_answer", "followup")


def delete_case_rows(db: Database, case_id: int) -> None:
    """A case and what hangs on it; attendance spans that named it become open."""
    for table in CASE_TABLES:
        db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
    for column in ("from_case_id", "to_case_id"):
        db.execute(f"UPDATE attendance SET {column} = NULL WHERE {column} = ?", [case_id])
    db.execute("DELETE FROM agenda_case WHERE id = ?", [case_id])


def date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def body(r: sqlite3.Row) -> Body:
    return Body(
        id=r["id"],
        prefix=r["prefix"],
        name=r["name"],
        minutes_kind=MinutesKind(r["minutes_kind"]),
        weekday=r["weekday"],
        start=_time(r["start"]),
        end=_time(r["end"]),
        place=r["place"] or "",
        former_prefixes=json.loads(r["former_prefixes"] or "[]"),
        sort_order=r["sort_order"] or 0,
        elected=bool(r["elected"]),
        former_names=json.loads(r["former_names"] or "[]"),
        role=BodyRole(r["role"]) if r["role"] in ROLE_VALUES else BodyRole.OTHER,
    )


def body_row(b: Body) -> dict[str, Any]:
    return {
        "prefix": b.prefix.upper(),
        "name": b.name,
        "minutes_kind": b.minutes_kind.value,
        "weekday": b.weekday,
        "start": iso_time(b.start),
        "end": iso_time(b.end),
        "place": b.place,
        "former_prefixes": json.dumps(b.former_prefixes),
        "sort_order": b.sort_order,
        "elected": int(b.elected),
        "former_names": json.dumps(b.former_names, ensure_ascii=False),
        "role": b.role.value,
    }


def person(r: sqlite3.Row, aliases: list[str]) -> Person:
    return Person(
        id=r["id"],
        name=r["name"],
        title=r["title"] or "",
        municipality=r["municipality"] or "",
        email=r["email"] or "",
        aliases=aliases,
    )


def person_row(p: Person) -> dict[str, Any]:
    return {
        "name": p.name.strip(),
        "title": p.title.strip(),
        "municipality": p.municipality.strip(),
        "email": p.email.strip(),
    }


def membership(r: sqlite3.Row) -> Membership:
    return Membership(
        id=r["id"],
        person_id=r["person_id"],
        body_id=r["body_id"],
        role=Role(r["role"]),
        start=dt.date.fromisoformat(r["start"]),
        end=date_or_none(r["end"]),
        sort_order=r["sort_order"] or 0,
        party=r["party"] or "",
        rank=r["rank"],
    )


def membership_row(m: Membership) -> dict[str, Any]:
    return {
        "person_id": m.person_id,
        "body_id": m.body_id,
        "role": m.role.value,
        "start": m.start.isoformat(),
        "end": _iso(m.end),
        "sort_order": m.sort_order,
        "party": " ".join(m.party.split()),
        "rank": m.rank,
    }


def _ids(text: str | None) -> list[int] | None:
    return None if text is None else [int(i) for i in json.loads(text)]


def meeting(r: sqlite3.Row) -> Meeting:
    return Meeting(
        id=r["id"],
        body_id=r["body_id"],
        date=dt.date.fromisoformat(r["date"]),
        start=_time(r["start"]),
        end=_time(r["end"]),
        place=r["place"] or "",
        mode=MeetingMode(r["mode"]),
        status=MeetingStatus(r["status"]),
        notice_date=date_or_none(r["notice_date"]),
        reference=r["reference"] or "",
        case_officer_id=r["case_officer_id"],
        chair_id=r["chair_id"],
        minute_taker_id=r["minute_taker_id"],
        invited_ids=_ids(r["invited_ids"]),
        copy_ids=_ids(r["copy_ids"]),
        invited_other=json.loads(r["invited_other"] or "[]"),
        copy_other=json.loads(r["copy_other"] or "[]"),
        held_start=_time(r["held_start"]),
        held_end=_time(r["held_end"]),
        notice_remarks=r["notice_remarks"] or "",
        note=r["note"] or "",
        minutes_date=date_or_none(r["minutes_date"]),
        approved_on=date_or_none(r["approved_on"]),
        reopened_on=date_or_none(r["reopened_on"]),
        cancel_reason=r["cancel_reason"] or "",
        uid=r["uid"] or "",
    )


def meeting_row(m: Meeting, uid_domain: str) -> dict[str, Any]:
    return {
        "body_id": m.body_id,
        "date": m.date.isoformat(),
        "start": iso_time(m.start),
        "end": iso_time(m.end),
        "place": m.place,
        "mode": m.mode.value,
        "status": m.status.value,
        "notice_date": _iso(m.notice_date),
        "reference": m.reference,
        "case_officer_id": m.case_officer_id,
        "chair_id": m.chair_id,
        "minute_taker_id": m.minute_taker_id,
        "invited_ids": None if m.invited_ids is None else json.dumps(m.invited_ids),
        "copy_ids": None if m.copy_ids is None else json.dumps(m.copy_ids),
        "invited_other": json.dumps(m.invited_other, ensure_ascii=False),
        "copy_other": json.dumps(m.copy_other, ensure_ascii=False),
        "held_start": iso_time(m.held_start),
        "held_end": iso_time(m.held_end),
        "notice_remarks": m.notice_remarks,
        "note": m.note,
        "minutes_date": _iso(m.minutes_date),
        "approved_on": _iso(m.approved_on),
        "reopened_on": _iso(m.reopened_on),
        "cancel_reason": m.cancel_reason,
        "uid": m.uid or new_uid(uid_domain),
    }


PARTY_KEYS = (
    ("votes_for", "for"), ("against", "against"), ("blank", "blank"),
    ("names_for", "names_for"), ("names_against", "names_against"),
    ("names_blank", "names_blank"),
)  # fmt: skip


def vote(text: str | None) -> Vote | None:
    if not text:
        return None
    data = json.loads(text)
    return Vote(
        unanimous=data.get("unanimous", False),
        votes_for=data.get("for", 0),
        against=data.get("against", 0),
        blank=data.get("blank", 0),
        note=data.get("note", ""),
        parties=[
            PartyVote(p["party"], **{a: p.get(k, () if "names" in k else 0) for a, k in PARTY_KEYS})
            for p in data.get("parties", ())
        ],
    )


def vote_text(v: Vote | None) -> str | None:
    if v is None:
        return None
    if v.unanimous:
        return json.dumps({"unanimous": True})
    data: dict[str, Any] = {"for": v.votes_for, "against": v.against, "blank": v.blank}
    data["note"] = v.note
    if v.parties:
        data["parties"] = [party_vote_data(p) for p in v.parties]
    return json.dumps(data, ensure_ascii=False)


def split_labels(text: str) -> tuple[str, ...]:
    """«AU 30/22, TR 12/22» as the case numbers it lists."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def case(r: sqlite3.Row) -> Case:
    exempt = None
    if r["exempt_basis"]:
        exempt = Exemption(basis=r["exempt_basis"], public_title=r["exempt_public_title"] or "")
    return Case(
        id=r["id"],
        number=r["number"],
        title=r["title"],
        kind=CaseKind(r["kind"]),
        text=r["text"] or "",
        proposal=r["proposal"] or "",
        presenter=r["presenter"] or "",
        follows=r["follows"] or "",
        exempt=exempt,
        introduced_by=r["introduced_by"] or "",
        introduction=r["introduction"] or "",
        notes=r["notes"] or "",
        resolution=r["resolution"] or "",
        vote=vote(r["vote"]),
        outcome=Outcome(r["outcome"]) if r["outcome"] else None,
        postponed_from=r["postponed_from"] or "",
        links=split_labels(r["links"] or ""),
        show_history=bool(r["show_history"]),
        closed=r["closed"] or "",
        late=bool(r["late"]),
        objections=json.loads(r["objections"] or "[]"),
    )


def case_row(c: Case) -> dict[str, Any]:
    return {
        "number": c.number,
        "title": c.title,
        "kind": c.kind.value,
        "text": c.text,
        "proposal": c.proposal,
        "presenter": c.presenter,
        "follows": c.follows,
        "exempt_basis": c.exempt.basis if c.exempt else None,
        "exempt_public_title": c.exempt.public_title if c.exempt else None,
        "introduced_by": c.introduced_by,
        "introduction": c.introduction,
        "notes": c.notes,
        "resolution": c.resolution,
        "vote": vote_text(c.vote),
        "outcome": c.outcome.value if c.outcome else None,
        "postponed_from": c.postponed_from,
        "links": ", ".join(c.links),
        "show_history": int(c.show_history),
        "closed": c.closed,
        "late": int(c.late),
        "objections": json.dumps(list(c.objections), ensure_ascii=False),
    }


def followup(r: sqlite3.Row) -> FollowUp:
    return FollowUp(
        id=r["id"],
        what=r["what"],
        person_id=r["person_id"],
        who=r["who"] or "",
        due=date_or_none(r["due"]),
        status=FollowUpStatus(r["status"]),
        note=r["note"] or "",
        closed_by=r["closed_by"] or "",
    )


def followup_row(f: FollowUp) -> dict[str, Any]:
    return {
        "what": f.what.strip(),
        "person_id": f.person_id,
        "who": " ".join(f.who.split()),
        "due": _iso(f.due),
        "status": f.status.value,
        "note": f.note.strip(),
        "closed_by": f.closed_by.strip(),
    }


def attendance(r: sqlite3.Row) -> Attendance:
    return Attendance(
        id=r["id"],
        status=AttendanceStatus(r["status"]),
        person_id=r["person_id"],
        guest_name=r["guest_name"] or "",
        reason=r["reason"] or "",
        substitute_for=r["substitute_for"],
        role=r["role"] or "",
        from_case=r["from_case_id"],
        to_case=r["to_case_id"],
        party=r["party"] or "",
    )


def attendance_row(a: Attendance) -> dict[str, Any]:
    return {
        "status": a.status.value,
        "person_id": a.person_id,
        "guest_name": a.guest_name,
        "reason": a.reason,
        "substitute_for": a.substitute_for,
        "role": a.role,
        "from_case_id": a.from_case,
        "to_case_id": a.to_case,
        "party": a.party,
    }
