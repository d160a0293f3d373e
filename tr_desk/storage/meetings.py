"""Meetings: reading them, creating, moving, cancelling, issuing; the case numbers of a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tr_desk.core import lifecycle
from tr_desk.core.context import MEMBER_ROLES, roster
from tr_desk.core.formats import shown
from tr_desk.core.messages import Code
from tr_desk.core.model import (
    Answer,
    Attachment,
    Body,
    Exclusion,
    ExclusionKind,
    FollowUp,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Role,
)
from tr_desk.storage import rows
from tr_desk.storage.database import StoreError
from tr_desk.storage.paths import SOURCE_FOLDER
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tr_desk.core.meeting_file import LoadedMeeting
    from tr_desk.core.numbering import NumberingMeeting
    from tr_desk.core.standard_cases import NextCouncilMeeting


class Meetings(Part):
    """The meetings, their headers and their numbers."""

    def headers(self, body_id: int | None = None, year: int | None = None) -> list[Meeting]:
        """Meeting headers (no cases, no attendance), in date order."""
        sql = "SELECT * FROM meeting WHERE 1 = 1"
        params: list[Any] = []
        if body_id is not None:
            sql += " AND body_id = ?"
            params.append(body_id)
        if year is not None:
            sql += " AND date BETWEEN ? AND ?"
            params += [f"{year}-01-01", f"{year}-12-31"]
        return [rows.meeting(r) for r in self._store.rows(sql + " ORDER BY date, body_id", params)]

    def meeting_id(self, body_id: int, day: dt.date) -> int | None:
        found = self._store.rows(
            "SELECT id FROM meeting WHERE body_id = ? AND date = ?", [body_id, day.isoformat()]
        )
        return int(found[0]["id"]) if found else None

    def meeting(self, meeting_id: int) -> Meeting:
        """One meeting with its cases, attachments and attendance."""
        found = self._store.rows("SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if not found:
            raise StoreError.of(Code.NO_MEETING_2, meeting_id=meeting_id)
        meeting = rows.meeting(found[0])
        cases = {
            r["id"]: rows.case(r)
            for r in self._store.rows(
                "SELECT * FROM agenda_case WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        }
        attachments: dict[int, list[Attachment]] = {}
        for r in self._store.rows(
            """SELECT a.* FROM attachment a JOIN agenda_case c ON c.id = a.case_id
               WHERE c.meeting_id = ? ORDER BY a.case_id, a.position""",
            [meeting_id],
        ):
            attachments.setdefault(r["case_id"], []).append(
                Attachment(title=r["title"], file=r["file"], id=r["id"])
            )
        exclusions: dict[int, list[Exclusion]] = {}
        for r in self._store.rows(
            """SELECT x.* FROM case_exclusion x JOIN agenda_case c ON c.id = x.case_id
               WHERE c.meeting_id = ? ORDER BY x.case_id, x.position""",
            [meeting_id],
        ):
            exclusions.setdefault(r["case_id"], []).append(
                Exclusion(r["person_id"], ExclusionKind(r["kind"]), r["basis"] or "")
            )
        answers: dict[int, dict[int, Answer]] = {}
        for r in self._store.rows(
            """SELECT w.* FROM written_answer w JOIN agenda_case c ON c.id = w.case_id
               WHERE c.meeting_id = ?""",
            [meeting_id],
        ):
            answers.setdefault(r["case_id"], {})[r["person_id"]] = Answer(r["answer"])
        followups: dict[int, list[FollowUp]] = {}
        for r in self._store.rows(
            """SELECT f.* FROM followup f JOIN agenda_case c ON c.id = f.case_id
               WHERE c.meeting_id = ? ORDER BY f.case_id, f.position""",
            [meeting_id],
        ):
            followups.setdefault(r["case_id"], []).append(rows.followup(r))
        for case_id in attachments.keys() | exclusions.keys() | answers.keys() | followups.keys():
            cases[case_id] = replace(
                cases[case_id],
                attachments=attachments.get(case_id, ()),
                exclusions=exclusions.get(case_id, ()),
                answers=answers.get(case_id, {}),
                followups=followups.get(case_id, ()),
            )
        attendance = [
            rows.attendance(r)
            for r in self._store.rows(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]
        return replace(meeting, cases=list(cases.values()), attendance=attendance)

    def meeting_header(self, meeting_id: int) -> Meeting:
        found = self._store.rows("SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if not found:
            raise StoreError.of(Code.NO_MEETING_2, meeting_id=meeting_id)
        return rows.meeting(found[0])

    def previous_meeting(self, body_id: int, day: dt.date) -> dt.date | None:
        """The body's last meeting before ``day`` that was not cancelled."""
        row = self._store.rows(
            """SELECT max(date) AS day FROM meeting
               WHERE body_id = ? AND date < ? AND status != ?""",
            [body_id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )[0]
        return rows.date_or_none(row["day"])

    def previous_held(
        self, body_id: int, day: dt.date, *, header_only: bool = False
    ) -> Meeting | None:
        """The body's last meeting before ``day`` that was held (its minutes are to approve)."""
        found = self._store.rows(
            "SELECT * FROM meeting WHERE body_id = ? AND date < ? AND status IN (?, ?)"
            " ORDER BY date DESC LIMIT 1",
            [body_id, day.isoformat(), MeetingStatus.HELD.value, MeetingStatus.APPROVED.value],
        )
        if not found:
            return None
        return rows.meeting(found[0]) if header_only else self.meeting(int(found[0]["id"]))

    def next_council_meeting(self, day: dt.date, body: Body) -> NextCouncilMeeting | None:
        """The council's first meeting after ``day``, for ``body``'s «Saker til neste møte»
        case (its date None when the plan has none); None for the council itself, or where
        the organisation has no council."""
        from tr_desk.core.standard_cases import NextCouncilMeeting

        council = self._store.register.council()
        if council is None or council.id == body.id:
            return None
        title = self._store.settings.organisation().council_title or council.name
        found = self._store.rows(
            """SELECT date, place FROM meeting WHERE body_id = ? AND date > ? AND status != ?
               ORDER BY date LIMIT 1""",
            [council.id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )
        if not found:
            return NextCouncilMeeting(None, "", title)
        return NextCouncilMeeting(
            dt.date.fromisoformat(found[0]["date"]), found[0]["place"] or "", title
        )

    def next_draft(self, body_id: int, day: dt.date) -> Meeting | None:
        """The body's next meeting after ``day`` if it is still a draft (not yet called)."""
        found = self._store.rows(
            "SELECT id, status FROM meeting WHERE body_id = ? AND date > ? AND status != ?"
            " ORDER BY date LIMIT 1",
            [body_id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )
        if not found or found[0]["status"] != MeetingStatus.PLANNED.value:
            return None
        return self.meeting(int(found[0]["id"]))

    def create_meeting(
        self,
        body_id: int,
        day: dt.date,
        mode: MeetingMode = MeetingMode.IN_PERSON,
        *,
        start: dt.time | None = None,
        end: dt.time | None = None,
        place: str | None = None,
        note: str = "",
        uid: str = "",
    ) -> int:
        """A draft meeting in the body's usual slot and place (unless given), with its standard
        cases; the other drafts' standard cases follow the plan."""
        from tr_desk.core.standard_cases import new_agenda

        body = self._store.register.body(body_id)
        if self.meeting_id(body_id, day) is not None:
            raise StoreError.of(
                Code.ALREADY_HAS_MEETING,
                name=body.name,
                strftime=day.strftime("%d.%m.%Y"),
                prefix=body.prefix,
                isoformat=day.isoformat(),
            )
        manager = self._store.register.general_manager()
        agenda = new_agenda(
            body, self.previous_meeting(body_id, day), self.next_council_meeting(day, body)
        )
        meeting = Meeting(
            id=None, body_id=body_id, date=day, start=start or body.start,
            end=end or body.end, place=body.place if place is None else place, mode=mode,
            note=note, uid=uid,
            case_officer_id=manager.id if manager else None,
            minute_taker_id=manager.id if manager else None,
            cases=lifecycle.with_carried(agenda, self._store.agenda.postponed_cases(body_id, day)),
        )  # fmt: skip
        with self._store.transaction() as db:
            meeting_id = rows.insert(db, "meeting", rows.meeting_row(meeting, self._uid_domain))
            for i, case in enumerate(meeting.cases):
                self._store.agenda.write_case(db, meeting_id, i, case)
        self.refresh_drafts()
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a draft created by mistake; an issued notice is never deleted."""
        lifecycle.check_deletable(self.meeting_header(meeting_id))
        with self._store.transaction() as db:
            self.delete_in(db, meeting_id)
        self.refresh_drafts()

    def delete_in(self, db: Database, meeting_id: int) -> None:
        """The meeting, its cases and attendance, gone inside the caller's transaction."""
        self.delete_contents(db, meeting_id)
        db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])

    def update_meeting(self, meeting: Meeting) -> None:
        """Save the header fields (not cases or attendance)."""
        assert meeting.id is not None
        other = self.meeting_id(meeting.body_id, meeting.date)
        if other is not None and other != meeting.id:
            raise StoreError.of(
                Code.THERE_ALREADY_MEETING,
                strftime=meeting.date.strftime("%d.%m.%Y"),
                isoformat=meeting.date.isoformat(),
            )
        was = self.meeting(meeting.id)
        with self._store.transaction() as db:
            if lifecycle.freezes_numbers(was, meeting):
                self.freeze_numbers(db, was)
            db.table("meeting").update(meeting.id, rows.meeting_row(meeting, self._uid_domain))
        if lifecycle.changes_plan(was, meeting):
            self.refresh_drafts()

    def refresh_drafts(self) -> int:
        """Bring every draft's standard cases up to date with the plan; how many changed."""
        if self._store.readonly:
            return 0
        drafts = self._store.rows(
            "SELECT id FROM meeting WHERE status = ?", [MeetingStatus.PLANNED.value]
        )
        return sum(self._store.agenda.refresh_standard_cases(int(r["id"])) for r in drafts)

    def step(self, meeting_id: int, change: Callable[[Meeting], Meeting]) -> Meeting:
        """Apply one step of ``core.lifecycle`` to the meeting's header and save it; returns
        the header as it was (for undo)."""
        old = self.meeting_header(meeting_id)
        self.update_meeting(change(old))
        return old

    def move_meeting(self, meeting_id: int, day: dt.date) -> Meeting:
        """Move a meeting not yet held to ``day``; returns it as it was (for undo)."""
        return self.step(meeting_id, lambda m: lifecycle.moved(m, day))

    def cancel_meeting(self, meeting_id: int, reason: str) -> Meeting:
        """Cancel a meeting not yet held, keeping it (struck through); returns it as it was."""
        return self.step(meeting_id, lambda m: lifecycle.cancelled(m, reason))

    def find_case(self, label: str) -> tuple[Meeting, int]:
        """The meeting and agenda index of «KF 37/22»."""
        from tr_desk.core.numbering import candidate_years, parse_case_number

        try:
            number = parse_case_number(label)
        except ValueError as exc:
            raise StoreError(str(exc), str(exc)) from None
        body = self._store.register.body_by_prefix(number.prefix)
        if body is None or body.id is None:
            raise StoreError.of(
                Code.UNKNOWN_BODY, prefix=number.prefix, prefix2=shown(number.prefix)
            )
        for year in candidate_years(label):  # «KF 01/99»: 2099 has none, 1999 may
            for header in self.headers(body_id=body.id, year=year):
                if header.id is None:
                    continue
                meeting = self.meeting(header.id)
                for index, found in self.case_numbers(meeting).items():
                    if found == number.number:
                        return meeting, index
        raise StoreError.of(Code.NO_CASE, label=label)

    def save_loaded(self, loaded: LoadedMeeting) -> tuple[int, bool]:
        """Create the meeting read from a file, or replace the one of the same body and date.

        One transaction: a failure leaves the database as it was. Returns (id, created).
        """
        meeting = loaded.meeting
        existing = self.meeting_id(meeting.body_id, meeting.date)
        seats = self._store.register.memberships(body_id=meeting.body_id)
        if meeting.invited_ids == tuple(roster(seats, meeting.date, MEMBER_ROLES)):
            meeting = replace(meeting, invited_ids=None)
        if meeting.copy_ids == tuple(roster(seats, meeting.date, (Role.COPY,))):
            meeting = replace(meeting, copy_ids=None)
        if meeting.uid:
            owner = self._store.rows("SELECT id FROM meeting WHERE uid = ?", [meeting.uid])
            if owner and owner[0]["id"] != existing:  # a file copied to make another meeting
                meeting = replace(meeting, uid="")
                loaded.warnings.append("uid: belongs to another meeting; this one gets its own")
        if existing is not None and not meeting.uid:
            # the same event in the calendar
            meeting = replace(meeting, uid=self.meeting_header(existing).uid)
        with self._store.transaction() as db:
            row = rows.meeting_row(meeting, self._uid_domain)
            if existing is None:
                meeting_id = rows.insert(db, "meeting", row)
            else:
                meeting_id = existing
                db.table("meeting").update(meeting_id, row)
                self.delete_contents(db, meeting_id)
            case_ids: list[int] = []
            for i, case in enumerate(meeting.cases):
                case_row = rows.case_row(case)
                case_row.update(meeting_id=meeting_id, position=i, number=None)
                if meeting.numbers_frozen:
                    case_row["number"] = loaded.given_numbers.get(i)
                case_id = rows.insert(db, "agenda_case", case_row)
                case_ids.append(case_id)
                if case.attachments:
                    db.table("attachment").insert_all(
                        {"case_id": case_id, "position": j, "title": a.title, "file": a.file}
                        for j, a in enumerate(case.attachments)
                    )
                if case.exclusions or case.answers:
                    self._store.agenda.write_minutes_details(db, case_id, case)
                self._store.agenda.write_followups(db, case_id, case)
            attendance = list(meeting.attendance)
            for line_index, (first, last) in loaded.attendance_spans.items():
                attendance[line_index] = replace(
                    attendance[line_index],
                    from_case=case_ids[first] if first is not None else None,
                    to_case=case_ids[last] if last is not None else None,
                )
            if attendance:
                db.table("attendance").insert_all(
                    {**rows.attendance_row(line), "meeting_id": meeting_id, "position": i}
                    for i, line in enumerate(attendance)
                )
            if meeting.numbers_frozen:
                cases = [replace(c, id=i) for c, i in zip(meeting.cases, case_ids, strict=True)]
                self.freeze_numbers(db, replace(meeting, id=meeting_id, cases=cases))
        return meeting_id, existing is None

    def sources(self, meeting_id: int) -> list[tuple[str, Path]]:
        """The original files a meeting was imported from: name as imported, where it is kept
        (``kilder/`` beside the database)."""
        found = self._store.rows(
            """SELECT s.name, s.file FROM meeting_source ms JOIN source s ON s.hash = ms.hash
               WHERE ms.meeting_id = ? ORDER BY s.imported_at, s.name""",
            [meeting_id],
        )
        return [(r["name"], self._store.path.parent / SOURCE_FOLDER / r["file"]) for r in found]

    def numbering_year(self, body_id: int, year: int) -> list[NumberingMeeting]:
        from tr_desk.storage.glance import numbering_year

        return numbering_year(self._store, body_id, year)

    def case_numbers(self, meeting: Meeting) -> dict[int, int]:
        """The numbers of a meeting's cases by agenda index: frozen, or live for a draft."""
        from tr_desk.core.numbering import number_year

        numbers = number_year(
            self.numbering_year(meeting.body_id, meeting.date.year),
            self._store.settings.year_start(meeting.body_id, meeting.date.year),
        )
        return {i: numbers[c.id] for i, c in enumerate(meeting.cases) if c.id in numbers}

    def freeze_numbers(self, db: Database, meeting: Meeting) -> None:
        """Give an issued meeting's unnumbered cases their numbers, for good."""
        numbers = self.case_numbers(meeting)
        for i, case in enumerate(meeting.cases):
            if case.number is None and i in numbers:
                db.execute(
                    "UPDATE agenda_case SET number = ? WHERE id = ? AND number IS NULL",
                    [numbers[i], case.id],
                )

    def delete_contents(self, db: Database, meeting_id: int) -> None:
        for table in rows.CASE_TABLES:
            db.execute(
                f"DELETE FROM {table} WHERE case_id IN"
                " (SELECT id FROM agenda_case WHERE meeting_id = ?)",
                [meeting_id],
            )
        db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
        db.execute("DELETE FROM agenda_case WHERE meeting_id = ?", [meeting_id])

    def issue(self, meeting_id: int, today: dt.date) -> Meeting:
        """«Send ut innkalling»: the numbers fixed, the notice issued (``lifecycle.issue``)."""
        meeting = self.meeting(meeting_id)
        with self._store.transaction() as db:
            self.freeze_numbers(db, meeting)
            db.table("meeting").update(
                meeting_id, rows.meeting_row(lifecycle.issue(meeting, today), self._uid_domain)
            )
        return self.meeting(meeting_id)
