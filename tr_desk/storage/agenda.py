"""The agenda: a meeting's cases, inserted, edited, moved, removed; outcomes and what they bring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tr_desk.core import lifecycle
from tr_desk.core.messages import Code
from tr_desk.core.model import (
    Attachment,
    Case,
    CaseKind,
    Meeting,
    Outcome,
)
from tr_desk.storage import rows
from tr_desk.storage.database import StoreError
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from sqlite_utils import Database


class Agenda(Part):
    """The cases of the meetings."""

    def write_case(self, db: Database, meeting_id: int, position: int, case: Case) -> int:
        row = {**rows.case_row(case), "meeting_id": meeting_id, "position": position}
        if case.id is not None:
            row["id"] = case.id
        case_id = rows.insert(db, "agenda_case", row)
        self._write_attachments(db, case_id, case.attachments)
        self.write_minutes_details(db, case_id, case)
        self.write_followups(db, case_id, case)
        return case_id

    def _write_attachments(
        self, db: Database, case_id: int, attachments: Sequence[Attachment]
    ) -> None:
        db.execute("DELETE FROM attachment WHERE case_id = ?", [case_id])
        if attachments:
            db.table("attachment").insert_all(
                {"case_id": case_id, "position": j, "title": a.title, "file": a.file}
                for j, a in enumerate(attachments)
            )

    def write_minutes_details(self, db: Database, case_id: int, case: Case) -> None:
        """A case's disqualifications and written answers, replaced as a whole."""
        db.execute("DELETE FROM case_exclusion WHERE case_id = ?", [case_id])
        db.execute("DELETE FROM written_answer WHERE case_id = ?", [case_id])
        db.conn.executemany(
            "INSERT INTO case_exclusion (case_id, position, person_id, kind, basis)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (case_id, j, e.person_id, e.kind.value, e.basis)
                for j, e in enumerate(case.exclusions)
            ],
        )
        db.conn.executemany(
            "INSERT INTO written_answer (case_id, person_id, answer) VALUES (?, ?, ?)",
            [(case_id, pid, answer.value) for pid, answer in case.answers.items()],
        )

    def write_followups(self, db: Database, case_id: int, case: Case) -> None:
        """A new (or re-inserted) case's follow-up items, keeping their ids. Later edits go
        item by item (``storage.followups``): a case editor's copy never overwrites them."""
        for j, item in enumerate(case.followups):
            row = {**rows.followup_row(item), "case_id": case_id, "position": j}
            if item.id is not None:
                row["id"] = item.id
            rows.insert(db, "followup", row)

    def meeting_of_case(self, case_id: int) -> Meeting:
        found = self._store.rows("SELECT meeting_id FROM agenda_case WHERE id = ?", [case_id])
        if not found:
            raise StoreError.of(Code.CASE_NO_LONGER_EXISTS)
        return self._store.meetings.meeting(int(found[0]["meeting_id"]))

    def insert_case(self, meeting_id: int, case: Case, position: int) -> int:
        """Put ``case`` at ``position``; after the notice it gets the next free number for good."""
        from tr_desk.core.numbering import next_free_number

        meeting = self._store.meetings.meeting(meeting_id)
        lifecycle.check_unlocked(meeting)
        position = max(0, min(position, len(meeting.cases)))
        if meeting.numbers_frozen and case.number is None:
            # Not in the notice that went out: a tilleggssak (kommuneloven § 11-3).
            case = replace(case, late=True, number=next_free_number(
                self._store.meetings.numbering_year(meeting.body_id, meeting.date.year),
                self._store.settings.year_start(meeting.body_id, meeting.date.year),
            ))  # fmt: skip
        with self._store.transaction() as db:
            return self._put(db, meeting_id, position, case)

    def _put(self, db: Database, meeting_id: int, position: int, case: Case) -> int:
        """Make room at ``position`` and write the case there."""
        db.execute(
            "UPDATE agenda_case SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
            [meeting_id, position],
        )
        return self.write_case(db, meeting_id, position, case)

    def delete_case(self, case_id: int) -> None:
        """Take a case out of a draft (for undo of an insert, and removing from a draft)."""
        meeting = self.meeting_of_case(case_id)
        lifecycle.check_unlocked(meeting)
        with self._store.transaction() as db:
            rows.delete_case_rows(db, case_id)
            self._pack_positions(db, meeting.id)

    def remove_case(self, case_id: int) -> None:
        """Remove from a draft; from an issued notice the case is withdrawn and keeps its number."""
        meeting = self.meeting_of_case(case_id)
        lifecycle.check_unlocked(meeting)
        if not meeting.numbers_frozen:
            self.delete_case(case_id)
            return
        with self._store.transaction() as db:
            db.execute(
                "UPDATE agenda_case SET outcome = ? WHERE id = ?",
                [Outcome.WITHDRAWN.value, case_id],
            )

    def update_case(self, case: Case) -> None:
        """Save a case's fields, attachments and minutes details; its number and place stay.

        Recording an outcome has consequences: a postponed case is carried to the body's next
        draft agenda (and taken back off it if the outcome changes again), and the approval case
        resolved as «behandlet» approves the previous meeting's minutes.
        """
        assert case.id is not None
        meeting = self.meeting_of_case(case.id)
        lifecycle.check_unlocked(meeting)
        old = next(c for c in meeting.cases if c.id == case.id)
        row = rows.case_row(case)
        del row["number"]
        with self._store.transaction() as db:
            db.execute(
                f"UPDATE agenda_case SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                [*row.values(), case.id],
            )
            if case.attachments != old.attachments:
                self._write_attachments(db, case.id, case.attachments)
            if case.exclusions != old.exclusions or case.answers != old.answers:
                self.write_minutes_details(db, case.id, case)
            if case.outcome is not old.outcome:
                self._outcome_changed(db, meeting, old, case)

    def _case_label(self, meeting: Meeting, case_id: int) -> str:
        from tr_desk.core.numbering import case_label

        index = next(i for i, c in enumerate(meeting.cases) if c.id == case_id)
        prefix = self._store.register.body(meeting.body_id).prefix
        numbers = self._store.meetings.case_numbers(meeting)
        return case_label(prefix, numbers, index, meeting.date.year)

    def _outcome_changed(self, db: Database, meeting: Meeting, old: Case, new: Case) -> None:
        """Write what ``lifecycle.outcome_changes`` says the new outcome brings."""
        assert new.id is not None
        meetings = self._store.meetings
        postponing = Outcome.POSTPONED in (old.outcome, new.outcome)
        approving = new.kind is CaseKind.APPROVAL
        changes = lifecycle.outcome_changes(
            meeting, old, new,
            self._case_label(meeting, new.id) if postponing else "",
            meetings.next_draft(meeting.body_id, meeting.date) if postponing else None,
            meetings.previous_held(meeting.body_id, meeting.date, header_only=True)
            if approving else None,
        )  # fmt: skip
        if changes.target is not None and changes.carry is not None:
            self._put(db, changes.target, changes.position, changes.carry)
        for case_id in changes.uncarry:
            rows.delete_case_rows(db, case_id)
        if changes.uncarry and changes.target is not None:
            self._pack_positions(db, changes.target)
        for header in changes.meetings:
            assert header.id is not None
            db.table("meeting").update(header.id, rows.meeting_row(header, self._uid_domain))

    def postponed_cases(self, body_id: int, day: dt.date) -> list[Case]:
        """Cases postponed at the body's meetings before ``day`` that no agenda has picked up."""
        carried = {
            r["postponed_from"]
            for r in self._store.rows(
                "SELECT c.postponed_from FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id"
                " WHERE m.body_id = ? AND c.postponed_from != ''",
                [body_id],
            )
        }
        out = []
        for r in self._store.rows(
            "SELECT DISTINCT m.id FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id"
            " WHERE m.body_id = ? AND m.date < ? AND c.outcome = ? ORDER BY m.date",
            [body_id, day.isoformat(), Outcome.POSTPONED.value],
        ):
            meeting = self._store.meetings.meeting(int(r["id"]))
            for case in meeting.cases:
                if case.outcome is not Outcome.POSTPONED or case.id is None:
                    continue
                label = self._case_label(meeting, case.id)
                if label and label not in carried:
                    out.append(lifecycle.postponed_copy(case, label))
        return out

    def move_case(self, meeting_id: int, source: int, target: int) -> None:
        """Move the case at agenda index ``source`` to index ``target``."""
        meeting = self._store.meetings.meeting(meeting_id)
        lifecycle.check_unlocked(meeting)
        order = [c.id for c in meeting.cases]
        if not (0 <= source < len(order)) or source == target:
            return
        moving = order.pop(source)
        order.insert(max(0, min(target, len(order))), moving)
        with self._store.transaction() as db:
            db.conn.executemany(
                "UPDATE agenda_case SET position = ? WHERE id = ?",
                [(i, case_id) for i, case_id in enumerate(order)],
            )

    def _pack_positions(self, db: Database, meeting_id: int | None) -> None:
        ids = [r[0] for r in db.execute(
            "SELECT id FROM agenda_case WHERE meeting_id = ? ORDER BY position", [meeting_id]
        ).fetchall()]  # fmt: skip
        db.conn.executemany(
            "UPDATE agenda_case SET position = ? WHERE id = ?", [(i, c) for i, c in enumerate(ids)]
        )

    def refresh_standard_cases(self, meeting_id: int) -> int:
        """Bring a draft's standard cases up to date with the plan; returns how many changed."""
        from tr_desk.core.standard_cases import refresh_standard_cases

        meeting = self._store.meetings.meeting(meeting_id)
        if meeting.numbers_frozen or self._store.readonly:
            return 0
        body = self._store.register.body(meeting.body_id)
        changed = refresh_standard_cases(
            meeting.cases, body, self._store.meetings.previous_meeting(body.id or 0, meeting.date),
            self._store.meetings.next_council_meeting(meeting.date, body),
        )  # fmt: skip
        for case in changed:
            self.update_case(case)
        return len(changed)
