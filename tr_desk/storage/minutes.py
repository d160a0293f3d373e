"""The meeting as held: attendance, the approval of the minutes, the issued notices' files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tr_desk.core import lifecycle
from tr_desk.core.messages import Code
from tr_desk.core.model import (
    Attendance,
    Meeting,
)
from tr_desk.storage import rows
from tr_desk.storage.database import StoreError
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    pass


class Minutes(Part):
    """Attendance, approval and the issued notices."""

    def set_attendance(self, meeting_id: int, lines: Sequence[Attendance]) -> None:
        """Replace the meeting's attendance (a dozen rows: one quick transaction per key)."""
        meeting = self._store.meetings.meeting_header(meeting_id)
        lifecycle.check_unlocked(meeting)
        with self._store.transaction() as db:
            db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
            found = [
                {**rows.attendance_row(line), "meeting_id": meeting_id, "position": i}
                for i, line in enumerate(lines)
            ]
            if found:
                columns = list(found[0])
                db.conn.executemany(
                    f"INSERT INTO attendance ({', '.join(columns)})"
                    f" VALUES ({', '.join('?' for _ in columns)})",
                    [[row[c] for c in columns] for row in found],
                )

    def approve(self, meeting_id: int, day: dt.date) -> Meeting:
        """The minutes approved on ``day`` (``lifecycle.approve``); returns them as they were."""
        return self._store.meetings.step(meeting_id, lambda m: lifecycle.approve(m, day))

    def reopen(self, meeting_id: int, day: dt.date | None) -> Meeting:
        """Unlock approved minutes (``lifecycle.reopen``); returns them as they were."""
        return self._store.meetings.step(meeting_id, lambda m: lifecycle.reopen(m, day))

    def set_held_times(
        self, meeting_id: int, start: dt.time | None, end: dt.time | None
    ) -> Meeting:
        """The times the meeting was held; a start makes it held (``lifecycle``)."""
        return self._store.meetings.step(
            meeting_id, lambda m: lifecycle.with_held_times(m, start, end)
        )

    def revisions(self, meeting_id: int) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self._store.rows(
                "SELECT * FROM notice_revision WHERE meeting_id = ? ORDER BY revision", [meeting_id]
            )
        ]

    def supplements(self, meeting_id: int) -> list[dict[str, Any]]:
        """The Tilleggsinnkallinger issued, first first."""
        return [
            dict(r)
            for r in self._store.rows(
                "SELECT * FROM supplement_notice WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def supplement_case_ids(self, meeting_id: int) -> set[int]:
        return {int(i) for r in self.supplements(meeting_id) for i in json.loads(r["case_ids"])}

    def record_supplement(
        self, meeting_id: int, case_ids: Sequence[int], notice: bytes, public: bytes,
        now: dt.datetime,
    ) -> Path:  # fmt: skip
        """Store a Tilleggsinnkalling's PDFs beside the notice's; never overwritten."""
        meeting = self._store.meetings.meeting_header(meeting_id)
        body = self._store.register.body(meeting.body_id)
        number = len(self.supplements(meeting_id)) + 1
        stem = f"{body.prefix}-{meeting.date.isoformat()}-tilleggsinnkalling"
        if number > 1:
            stem += f"-{number}"
        paths = self._write_new(stem, notice, public)
        with self._store.transaction() as db:
            db.table("supplement_notice").insert(
                {
                    "meeting_id": meeting_id, "issued_at": now.isoformat(),
                    "file": paths[0].name, "public_file": paths[1].name,
                    "case_ids": json.dumps(list(case_ids)),
                }
            )  # fmt: skip
        return paths[0]

    def _write_new(self, stem: str, notice: bytes, public: bytes) -> tuple[Path, Path]:
        """The two PDFs (full and public) in the notices folder; a file there stays."""
        self._store.notices_dir.mkdir(parents=True, exist_ok=True)
        paths = (
            self._store.notices_dir / f"{stem}.pdf",
            self._store.notices_dir / f"{stem}-offentlig.pdf",
        )
        for path, data in zip(paths, (notice, public), strict=True):
            try:
                with open(path, "xb") as handle:
                    handle.write(data)
            except FileExistsError:
                raise StoreError.of(
                    Code.EXISTS_NOT_OVERWRITTEN, name=path.name, path=path
                ) from None
        return paths

    def record_revision(
        self, meeting_id: int, revision: int, notice: bytes, public: bytes, content_hash: str,
        now: dt.datetime,
    ) -> Path:  # fmt: skip
        """Store an issued notice's PDFs; a file already there is never overwritten."""
        meeting = self._store.meetings.meeting(meeting_id)
        body = self._store.register.body(meeting.body_id)
        stem = f"{body.prefix}-{meeting.date.isoformat()}-innkalling"
        if revision:
            stem += f"-revisjon-{revision}"
        paths = self._write_new(stem, notice, public)
        with self._store.transaction() as db:
            db.table("notice_revision").insert(
                {
                    "meeting_id": meeting_id, "revision": revision, "issued_at": now.isoformat(),
                    "file": paths[0].name, "public_file": paths[1].name,
                    "content_hash": content_hash,
                }
            )  # fmt: skip
        return paths[0]
