"""The data store: one SQLite file, read with plain SQL, written in transactions.

Reads use the standard library only, so the window can paint before sqlite-utils (used for
migrations and writes) is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tr_desk.core.formats import iso_time, shown
from tr_desk.core.model import (
    Answer,
    Attachment,
    Attendance,
    AttendanceStatus,
    Body,
    Case,
    CaseKind,
    Exclusion,
    ExclusionKind,
    Exemption,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Membership,
    MinutesKind,
    Outcome,
    Person,
    Role,
    Vote,
)
from tr_desk.core.names import sort_key
from tr_desk.storage.database import (
    SCHEMA_VERSION,
    InstanceLock,
    StoreError,
    check_file,
    configure,
    connect,
    damage,
    explain,
    prepare_folder,
    schema_state,
    writable,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tr_desk.core.check import CheckContext, Problem
    from tr_desk.core.meeting_file import LoadedMeeting
    from tr_desk.core.minutes import ExtractContent, MinutesContent
    from tr_desk.core.notice import NoticeContent
    from tr_desk.core.numbering import NumberingMeeting
    from tr_desk.core.plan import PlanSettings
    from tr_desk.core.standard_cases import NextCouncilMeeting

MEMBER_ROLES = (Role.LEADER.value, Role.MEMBER.value)
# A stored attachment is named by the SHA-256 of its content; nothing else is ever read.
ATTACHMENT_NAME = re.compile(r"[0-9a-f]{64}\.pdf")
MAX_PDF_BYTES = 200 * 1024 * 1024


def read_pdf_file(path: Path) -> bytes:
    """Read a PDF the user named: a regular file, at most 200 MB (no device, FIFO, folder)."""
    import stat

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"«{path}» er ikke en vanlig fil.", f"{path} is not a regular file")
        if info.st_size > MAX_PDF_BYTES:
            raise StoreError(
                f"«{path.name}» er større enn {MAX_PDF_BYTES // 2**20} MB.",
                f"{path} is larger than {MAX_PDF_BYTES // 2**20} MB",
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise StoreError(
            f"Kan ikke lese «{path}»: {exc.strerror}.", f"cannot read {path}: {exc.strerror}"
        ) from None
    if len(data) > MAX_PDF_BYTES:
        raise StoreError(
            f"«{path.name}» er større enn {MAX_PDF_BYTES // 2**20} MB.",
            f"{path} is larger than {MAX_PDF_BYTES // 2**20} MB",
        )
    return data


class ReadOnlyError(StoreError):
    pass


class Store:
    """All reads and writes of TR Desk's data; returns core objects, never rows."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        readonly_reason: tuple[str, str] | None = None,
        lock: InstanceLock | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self._reason = readonly_reason
        self._lock = lock
        self._db: Database | None = None
        self._unchecked = False  # SQLite's quick check has yet to pass before a write
        self.damaged = False  # the check failed: read-only for good

    def verify(self) -> bool:
        """Run SQLite's quick check once before anything is written; False when damaged.

        A damaged file is reopened read-only (the lock released) and ``readonly_reason``
        names the newest sound backup.
        """
        if not self._unchecked:
            return not self.damaged
        self._unchecked = False
        if not damage(self.conn):
            return True
        self.close()
        self.conn = connect(self.path, readonly=True)
        configure(self.conn, readonly=True)
        self._lock = None
        self._db = None
        self._reason = damaged_reason(self.path)
        self.damaged = True
        return False

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly: bool = False,
        lock: bool = False,
        lock_wait: float = 0.0,
        check_later: bool = False,
    ) -> Store:
        """Open (or create, with the Trondheimsregionen profile) the database at ``path``.

        With ``lock`` the store takes the instance lock (waiting up to ``lock_wait`` seconds);
        if another TR Desk holds it, the store opens read-only and says why in
        ``readonly_reason``. A file that fails SQLite's quick check is never written to: it
        opens read-only, and the reason names the newest sound backup. With ``check_later``
        (the window: the check reads the whole file, ~10 ms per 16 MB, not before the first
        paint) the check runs at ``verify()`` or before the first write, whichever is first.
        """
        path = Path(path).expanduser()
        if not readonly:
            prepare_folder(path)
        check_file(path)
        reason: tuple[str, str] | None = None
        if readonly:
            reason = ("Åpnet skrivebeskyttet.", "opened read-only")
        elif not writable(path):
            reason = ("Filen er skrivebeskyttet.", "the file is read-only")
        instance_lock = None
        if lock and reason is None:
            instance_lock = InstanceLock(path)
            if not instance_lock.acquire(lock_wait):
                instance_lock = None
                reason = (
                    "Databasen er allerede åpen i et annet TR Desk-vindu; "
                    "dette vinduet viser den skrivebeskyttet.",
                    "another TR Desk (a window or a command) has the database open",
                )
        try:
            if not path.exists():
                if reason is not None:
                    raise StoreError(
                        f"Databasen «{path}» finnes ikke.", f"there is no database at {path}"
                    )
                create_database(path)
            conn = connect(path, readonly=reason is not None)
        except BaseException:
            if instance_lock is not None:
                instance_lock.release()
            raise
        store = cls(conn, path, reason, instance_lock)
        try:
            version = schema_state(conn, path)
            configure(conn, readonly=reason is not None)
            store._unchecked = reason is None
            if not check_later or version < SCHEMA_VERSION:
                store.verify()
                reason = store._reason
            if version < SCHEMA_VERSION:
                if reason is not None:
                    raise StoreError(
                        f"Databasen «{path}» må oppgraderes, men kan ikke skrives til nå. "
                        + reason[0],
                        f"the database {path} needs an upgrade but cannot be written now: "
                        + reason[1],
                    )
                store._migrate(fresh=False)
        except sqlite3.Error as exc:
            store.close()
            raise explain(path, exc) from None
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def create(cls, path: Path | str, *, lock: bool = False) -> Store:
        """«Ny database»: a new database at ``path``, where an empty file may stand.

        The user chose the place (and agreed to replace what is there); a file with content
        is never replaced.
        """
        path = Path(path).expanduser()
        prepare_folder(path)
        if path.exists() and path.is_file() and path.stat().st_size == 0:
            path.unlink()
        if path.exists():
            raise StoreError(
                f"«{path}» finnes allerede og blir ikke skrevet over.",
                f"{path} exists and is not overwritten",
            )
        return cls.open(path, lock=lock)

    def _migrate(self, fresh: bool) -> None:
        from tr_desk.storage import migrations
        from tr_desk.storage.profile import load_profile

        with self.transaction():
            migrations.apply(self.db)
            if fresh:
                load_profile(self)

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()

    @property
    def attachments_dir(self) -> Path:
        """Attachment files, copied in and named by their content's hash."""
        return self.path.parent / "vedlegg"

    def attachment_path(self, name: str) -> Path | None:
        """Where a stored attachment lives; None for anything but a hash name in ``vedlegg/``."""
        return self.attachments_dir / name if ATTACHMENT_NAME.fullmatch(name) else None

    @property
    def readonly(self) -> bool:
        return self._reason is not None

    @property
    def readonly_reason(self) -> str:
        """Why the database is read-only, for the window (Norwegian); empty when writable."""
        return self._reason[0] if self._reason else ""

    @property
    def readonly_reason_en(self) -> str:
        """The same for the command line."""
        return self._reason[1] if self._reason else ""

    @property
    def db(self) -> Database:
        """sqlite-utils over the same connection, made on the first write."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic write; nothing half-written if anything inside fails."""
        if self._unchecked:
            self.verify()
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason, self.readonly_reason_en)
        try:
            with self.db.atomic() as db:
                yield db
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from None

    # -- settings ----------------------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        rows = self._rows("SELECT value FROM setting WHERE key = ?", [key])
        return str(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def general_manager(self) -> Person | None:
        """The daglig leder: case officer, minute taker and signatory by default."""
        pid = self.setting("daglig_leder_id")
        return self.person(int(pid)) if pid else None

    # -- bodies ------------------------------------------------------------------------------

    def bodies(self) -> list[Body]:
        return [_body(r) for r in self._rows("SELECT * FROM body ORDER BY sort_order, id")]

    def body(self, body_id: int) -> Body:
        rows = self._rows("SELECT * FROM body WHERE id = ?", [body_id])
        if not rows:
            raise StoreError(f"Organ {body_id} finnes ikke.", f"no body {body_id}")
        return _body(rows[0])

    def body_by_prefix(self, prefix: str) -> Body | None:
        prefix = prefix.upper()
        return next((b for b in self.bodies() if prefix in {b.prefix, *b.former_prefixes}), None)

    def add_body(self, body: Body) -> int:
        """Insert a body (keeping ``body.id`` if given, for undo); the prefix must be free."""
        if self.body_by_prefix(body.prefix) is not None:
            raise StoreError(
                f"Prefikset {body.prefix.upper()} er allerede i bruk.",
                f"the prefix {body.prefix.upper()} is already in use",
            )
        with self.transaction() as db:
            row = _body_row(body)
            if body.id is not None:
                row["id"] = body.id
            if not body.sort_order:
                row["sort_order"] = (
                    1 + db.execute("SELECT coalesce(max(sort_order), 0) FROM body").fetchone()[0]
                )
            return _insert(db, "body", row)

    def delete_body(self, body_id: int) -> None:
        """Remove a body added by mistake; one with meetings or members stays."""
        used = self._rows(
            """SELECT (SELECT count(*) FROM meeting WHERE body_id = :b)
                    + (SELECT count(*) FROM membership WHERE body_id = :b) AS n""",
            {"b": body_id},  # type: ignore[arg-type]
        )[0]["n"]
        if used:
            raise StoreError(
                "Organet har møter eller medlemmer og kan ikke slettes.",
                "the body has meetings or members and cannot be deleted",
            )
        with self.transaction() as db:
            db.execute("DELETE FROM year_start WHERE body_id = ?", [body_id])
            db.execute("DELETE FROM body WHERE id = ?", [body_id])

    def update_body(self, body: Body) -> None:
        """Save every field of ``body``; refuses a prefix another body has."""
        assert body.id is not None
        other = self.body_by_prefix(body.prefix)
        if other is not None and other.id != body.id:
            raise StoreError(
                f"Prefikset {body.prefix} brukes allerede av {other.name}.",
                f"the prefix {body.prefix} is already used by {other.name}",
            )
        with self.transaction() as db:
            db.table("body").update(body.id, _body_row(body))

    # -- people ------------------------------------------------------------------------------

    def people(self) -> list[Person]:
        aliases: dict[int, list[str]] = {}
        for row in self._rows("SELECT person_id, alias FROM person_alias ORDER BY id"):
            aliases.setdefault(row["person_id"], []).append(row["alias"])
        people = [
            _person(r, aliases.get(r["id"], []))
            for r in self._rows("SELECT * FROM person ORDER BY id")
        ]
        return sorted(people, key=lambda p: sort_key(p.name))

    def people_by_id(self) -> dict[int, Person]:
        return {p.id: p for p in self.people() if p.id is not None}

    def person(self, person_id: int) -> Person | None:
        rows = self._rows("SELECT * FROM person WHERE id = ?", [person_id])
        if not rows:
            return None
        aliases = [
            r["alias"]
            for r in self._rows(
                "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY id", [person_id]
            )
        ]
        return _person(rows[0], aliases)

    def add_person(self, person: Person) -> int:
        """Insert a person (keeping ``person.id`` if given, for undo) with aliases."""
        with self.transaction() as db:
            row = _person_row(person)
            if person.id is not None:
                row["id"] = person.id
            pid = _insert(db, "person", row)
            self._write_aliases(db, pid, person.aliases)
            return pid

    def update_person(self, person: Person) -> None:
        assert person.id is not None
        with self.transaction() as db:
            db.table("person").update(person.id, _person_row(person))
            self._write_aliases(db, person.id, person.aliases)

    def _write_aliases(self, db: Database, person_id: int, aliases: Sequence[str]) -> None:
        db.execute("DELETE FROM person_alias WHERE person_id = ?", [person_id])
        clean = list(dict.fromkeys(a.strip() for a in aliases if a.strip()))
        if clean:
            db.table("person_alias").insert_all(
                [{"person_id": person_id, "alias": alias} for alias in clean]
            )

    def person_usage(self, person_id: int) -> int:
        """How many meetings name this person; such a person cannot be deleted."""
        row = self._rows(
            """SELECT (SELECT count(*) FROM attendance
                       WHERE person_id = :p OR substitute_for = :p)
                    + (SELECT count(*) FROM meeting WHERE case_officer_id = :p
                       OR chair_id = :p OR minute_taker_id = :p) AS n""",
            {"p": person_id},  # type: ignore[arg-type]
        )[0]
        return int(row["n"])

    def delete_person(self, person_id: int) -> None:
        """Remove a person entered by mistake, with their memberships."""
        if self.person_usage(person_id):
            raise StoreError(
                "Personen er nevnt i møter og kan ikke slettes. Avslutt heller medlemskapene.",
                "the person is named in meetings and cannot be deleted; end the memberships",
            )
        with self.transaction() as db:
            db.execute("DELETE FROM person_alias WHERE person_id = ?", [person_id])
            db.execute("DELETE FROM membership WHERE person_id = ?", [person_id])
            db.execute("DELETE FROM person WHERE id = ?", [person_id])

    # -- memberships -------------------------------------------------------------------------

    def memberships(
        self, body_id: int | None = None, person_id: int | None = None
    ) -> list[Membership]:
        sql = "SELECT * FROM membership WHERE 1 = 1"
        params: list[Any] = []
        if body_id is not None:
            sql += " AND body_id = ?"
            params.append(body_id)
        if person_id is not None:
            sql += " AND person_id = ?"
            params.append(person_id)
        sql += " ORDER BY body_id, sort_order, id"
        return [_membership(r) for r in self._rows(sql, params)]

    def add_membership(self, membership: Membership) -> int:
        with self.transaction() as db:
            row = _membership_row(membership)
            if membership.id is not None:
                row["id"] = membership.id
            if not membership.sort_order:
                top = db.execute(
                    "SELECT coalesce(max(sort_order), 0) FROM membership WHERE body_id = ?",
                    [membership.body_id],
                ).fetchone()[0]
                row["sort_order"] = top + 1
            return _insert(db, "membership", row)

    def update_membership(self, membership: Membership) -> None:
        assert membership.id is not None
        if membership.end is not None and membership.end < membership.start:
            raise StoreError(
                "Et medlemskap kan ikke slutte før det begynner.",
                "a membership cannot end before it begins",
            )
        with self.transaction() as db:
            db.table("membership").update(membership.id, _membership_row(membership))

    def swap_roster_order(self, first_id: int, second_id: int) -> None:
        """Swap two memberships' places in the roster (the order of «Innkalt» and «Til stede»)."""
        with self.transaction() as db:
            rows = {
                r[0]: r[1]
                for r in db.execute(
                    "SELECT id, sort_order FROM membership WHERE id IN (?, ?)",
                    [first_id, second_id],
                ).fetchall()
            }
            if len(rows) != 2:
                raise StoreError(
                    "Medlemskapet finnes ikke lenger.", "the membership no longer exists"
                )
            db.execute(
                "UPDATE membership SET sort_order = ? WHERE id = ?", [rows[second_id], first_id]
            )
            db.execute(
                "UPDATE membership SET sort_order = ? WHERE id = ?", [rows[first_id], second_id]
            )

    def delete_membership(self, membership_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM membership WHERE id = ?", [membership_id])

    def roster(self, body_id: int, day: dt.date, roles: Sequence[str]) -> list[int]:
        """Person ids holding one of ``roles`` in the body on ``day``, in roster order."""
        marks = ",".join("?" * len(roles))
        rows = self._rows(
            f"""SELECT person_id FROM membership
                WHERE body_id = ? AND role IN ({marks}) AND start <= ?
                  AND (end IS NULL OR end >= ?)
                ORDER BY sort_order, id""",
            [body_id, *roles, day.isoformat(), day.isoformat()],
        )
        return list(dict.fromkeys(r["person_id"] for r in rows))

    def invited(self, meeting: Meeting) -> list[int]:
        if meeting.invited_ids is not None:
            return meeting.invited_ids
        return self.roster(meeting.body_id, meeting.date, MEMBER_ROLES)

    def copied(self, meeting: Meeting) -> list[int]:
        if meeting.copy_ids is not None:
            return meeting.copy_ids
        return self.roster(meeting.body_id, meeting.date, (Role.COPY.value,))

    # -- meetings ----------------------------------------------------------------------------

    def meetings(self, body_id: int | None = None, year: int | None = None) -> list[Meeting]:
        """Meeting headers (no cases, no attendance), in date order."""
        sql = "SELECT * FROM meeting WHERE 1 = 1"
        params: list[Any] = []
        if body_id is not None:
            sql += " AND body_id = ?"
            params.append(body_id)
        if year is not None:
            sql += " AND date BETWEEN ? AND ?"
            params += [f"{year}-01-01", f"{year}-12-31"]
        return [_meeting(r) for r in self._rows(sql + " ORDER BY date, body_id", params)]

    def meeting_id(self, body_id: int, day: dt.date) -> int | None:
        rows = self._rows(
            "SELECT id FROM meeting WHERE body_id = ? AND date = ?", [body_id, day.isoformat()]
        )
        return int(rows[0]["id"]) if rows else None

    def meeting(self, meeting_id: int) -> Meeting:
        """One meeting with its cases, attachments and attendance."""
        rows = self._rows("SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if not rows:
            raise StoreError(f"Møte {meeting_id} finnes ikke.", f"no meeting {meeting_id}")
        meeting = _meeting(rows[0])
        cases = {
            r["id"]: _case(r)
            for r in self._rows(
                "SELECT * FROM agenda_case WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        }
        for r in self._rows(
            """SELECT a.* FROM attachment a JOIN agenda_case c ON c.id = a.case_id
               WHERE c.meeting_id = ? ORDER BY a.case_id, a.position""",
            [meeting_id],
        ):
            cases[r["case_id"]].attachments.append(
                Attachment(title=r["title"], file=r["file"], id=r["id"])
            )
        for r in self._rows(
            """SELECT x.* FROM case_exclusion x JOIN agenda_case c ON c.id = x.case_id
               WHERE c.meeting_id = ? ORDER BY x.case_id, x.position""",
            [meeting_id],
        ):
            cases[r["case_id"]].exclusions.append(
                Exclusion(r["person_id"], ExclusionKind(r["kind"]), r["basis"] or "")
            )
        for r in self._rows(
            """SELECT w.* FROM written_answer w JOIN agenda_case c ON c.id = w.case_id
               WHERE c.meeting_id = ?""",
            [meeting_id],
        ):
            cases[r["case_id"]].answers[r["person_id"]] = Answer(r["answer"])
        meeting.cases = list(cases.values())
        meeting.attendance = [
            _attendance(r)
            for r in self._rows(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]
        return meeting

    def year_start(self, body_id: int, year: int) -> int | None:
        rows = self._rows(
            "SELECT first_number FROM year_start WHERE body_id = ? AND year = ?", [body_id, year]
        )
        return int(rows[0]["first_number"]) if rows else None

    def set_year_start(self, body_id: int, year: int, first_number: int | None) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM year_start WHERE body_id = ? AND year = ?", [body_id, year])
            if first_number is not None:
                db.table("year_start").insert(
                    {"body_id": body_id, "year": year, "first_number": first_number}
                )

    def _numbering_year(self, body_id: int, year: int) -> list[NumberingMeeting]:
        from tr_desk.core.numbering import NumberingCase, NumberingMeeting

        meetings: dict[int, NumberingMeeting] = {}
        for r in self._rows(
            """SELECT m.id AS meeting_id, m.date, m.status, c.id AS case_id, c.number
               FROM meeting m LEFT JOIN agenda_case c ON c.meeting_id = m.id
               WHERE m.body_id = ? AND m.date BETWEEN ? AND ?
               ORDER BY m.date, c.position""",
            [body_id, f"{year}-01-01", f"{year}-12-31"],
        ):
            status = MeetingStatus(r["status"])
            entry = meetings.setdefault(
                r["meeting_id"],
                NumberingMeeting(
                    date=dt.date.fromisoformat(r["date"]),
                    frozen=status is not MeetingStatus.PLANNED,
                ),
            )
            if r["case_id"] is None:
                continue
            if status is MeetingStatus.CANCELLED and r["number"] is None:
                continue  # a cancelled draft used no numbers
            entry.cases.append(NumberingCase(key=r["case_id"], number=r["number"]))
        return list(meetings.values())

    def case_numbers(self, meeting: Meeting) -> dict[int, int]:
        """The numbers of a meeting's cases by agenda index: frozen, or live for a draft."""
        from tr_desk.core.numbering import number_year

        numbers = number_year(
            self._numbering_year(meeting.body_id, meeting.date.year),
            self.year_start(meeting.body_id, meeting.date.year),
        )
        return {i: numbers[c.id] for i, c in enumerate(meeting.cases) if c.id in numbers}

    def notice_content(
        self, meeting: Meeting, *, public: bool = False, revision: int = 0
    ) -> NoticeContent:
        """What the notice of ``meeting`` says, with names, numbers and lists filled in."""
        from tr_desk.core.notice import notice_content

        return notice_content(
            meeting,
            self.body(meeting.body_id),
            self.people_by_id(),
            self.case_numbers(meeting),
            self.invited(meeting),
            self.copied(meeting),
            self.general_manager(),
            public=public,
            revision=revision,
        )

    # -- the agenda ---------------------------------------------------------------------------

    def previous_meeting(self, body_id: int, day: dt.date) -> dt.date | None:
        """The body's last meeting before ``day`` that was not cancelled."""
        row = self._rows(
            """SELECT max(date) AS day FROM meeting
               WHERE body_id = ? AND date < ? AND status != ?""",
            [body_id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )[0]
        return _date(row["day"])

    def previous_held(
        self, body_id: int, day: dt.date, *, header_only: bool = False
    ) -> Meeting | None:
        """The body's last meeting before ``day`` that was held (its minutes are to approve)."""
        rows = self._rows(
            "SELECT * FROM meeting WHERE body_id = ? AND date < ? AND status IN (?, ?)"
            " ORDER BY date DESC LIMIT 1",
            [body_id, day.isoformat(), MeetingStatus.HELD.value, MeetingStatus.APPROVED.value],
        )
        if not rows:
            return None
        return _meeting(rows[0]) if header_only else self.meeting(int(rows[0]["id"]))

    def next_council_meeting(self, day: dt.date) -> NextCouncilMeeting | None:
        """Regionrådet's first meeting after ``day``, for the «Saker til neste møte» case."""
        from tr_desk.core.standard_cases import NextCouncilMeeting

        council = self.body_by_prefix("TR")
        if council is None:
            return None
        rows = self._rows(
            """SELECT date, place FROM meeting WHERE body_id = ? AND date > ? AND status != ?
               ORDER BY date LIMIT 1""",
            [council.id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )
        if not rows:
            return None
        return NextCouncilMeeting(dt.date.fromisoformat(rows[0]["date"]), rows[0]["place"] or "")

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

        body = self.body(body_id)
        if self.meeting_id(body_id, day) is not None:
            raise StoreError(
                f"{body.name} har allerede et møte {day.strftime('%d.%m.%Y')}.",
                f"{body.prefix} already has a meeting on {day.isoformat()}",
            )
        manager = self.general_manager()
        meeting = Meeting(
            id=None, body_id=body_id, date=day, start=start or body.start,
            end=end or body.end, place=body.place if place is None else place, mode=mode,
            note=note, uid=uid,
            case_officer_id=manager.id if manager else None,
            minute_taker_id=manager.id if manager else None,
            cases=new_agenda(
                body, self.previous_meeting(body_id, day), self.next_council_meeting(day)
            ),
        )  # fmt: skip
        carried = self.postponed_cases(body_id, day)
        if carried:
            from tr_desk.core.standard_cases import CLOSING_KINDS

            at = next(
                (i for i, c in enumerate(meeting.cases) if c.kind in CLOSING_KINDS),
                len(meeting.cases),
            )
            meeting.cases[at:at] = carried
        with self.transaction() as db:
            meeting_id = _insert(db, "meeting", _meeting_row(meeting))
            for i, case in enumerate(meeting.cases):
                self._insert_case(db, meeting_id, i, case)
        self.refresh_drafts()
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a draft created by mistake; an issued notice is never deleted."""
        meeting = self.meeting(meeting_id)
        if meeting.numbers_frozen:
            raise StoreError(
                "Møtet er innkalt og kan ikke slettes; avlys det heller.",
                "the meeting has been called and cannot be deleted; cancel it instead",
            )
        with self.transaction() as db:
            self._delete_contents(db, meeting_id)
            db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])
        self.refresh_drafts()

    def update_meeting(self, meeting: Meeting) -> None:
        """Save the header fields (not cases or attendance)."""
        assert meeting.id is not None
        other = self.meeting_id(meeting.body_id, meeting.date)
        if other is not None and other != meeting.id:
            raise StoreError(
                f"Det er allerede et møte {meeting.date.strftime('%d.%m.%Y')}.",
                f"there is already a meeting on {meeting.date.isoformat()}",
            )
        was = self.meeting(meeting.id)
        called = (MeetingStatus.NOTICE_ISSUED, MeetingStatus.HELD, MeetingStatus.APPROVED)
        with self.transaction() as db:
            if meeting.status in called and not was.numbers_frozen:
                # Held (or called) without a notice from TR Desk: the numbers are fixed now.
                self._freeze_numbers(db, was)
            db.table("meeting").update(meeting.id, _meeting_row(meeting))
        if (meeting.date, meeting.status, meeting.place) != (was.date, was.status, was.place):
            self.refresh_drafts()  # «forrige møte», «neste møte i regionrådet» follow the plan

    def refresh_drafts(self) -> int:
        """Bring every draft's standard cases up to date with the plan; how many changed."""
        if self.readonly:
            return 0
        drafts = self._rows(
            "SELECT id FROM meeting WHERE status = ?", [MeetingStatus.PLANNED.value]
        )
        return sum(self.refresh_standard_cases(int(r["id"])) for r in drafts)

    # -- the plan ------------------------------------------------------------------------------

    def move_meeting(self, meeting_id: int, day: dt.date) -> Meeting:
        """Move a meeting not yet held to ``day``; returns it as it was (for undo)."""
        old = self.meeting_header(meeting_id)
        if old.status in (MeetingStatus.HELD, MeetingStatus.APPROVED):
            raise StoreError(
                "Møtet er avholdt og kan ikke flyttes.", "the meeting is held and cannot move"
            )
        if old.date.year != day.year and old.numbers_frozen:
            raise StoreError(
                "Et innkalt møte kan ikke flyttes til et annet år (saksnumrene).",
                "a called meeting cannot move to another year (its case numbers)",
            )
        new = Meeting(**{**old.__dict__, "date": day})
        self.update_meeting(new)
        return old

    def cancel_meeting(self, meeting_id: int, reason: str) -> Meeting:
        """Cancel a meeting not yet held, keeping it (struck through); returns it as it was."""
        old = self.meeting_header(meeting_id)
        if old.status in (MeetingStatus.HELD, MeetingStatus.APPROVED):
            raise StoreError(
                "Møtet er avholdt og kan ikke avlyses.",
                "the meeting is held and cannot be cancelled",
            )
        new = Meeting(**{**old.__dict__, "status": MeetingStatus.CANCELLED})
        new.cancel_reason = " ".join(reason.split())
        self.update_meeting(new)
        return old

    def plan_settings(self) -> PlanSettings:
        from tr_desk.core.plan import PlanSettings

        text = self.setting("plan_settings")
        return PlanSettings.from_json(json.loads(text)) if text else PlanSettings()

    def set_plan_settings(self, settings: PlanSettings) -> None:
        self.set_setting("plan_settings", json.dumps(settings.to_json()))

    def _insert_case(self, db: Database, meeting_id: int, position: int, case: Case) -> int:
        row = {**_case_row(case), "meeting_id": meeting_id, "position": position}
        if case.id is not None:
            row["id"] = case.id
        case_id = _insert(db, "agenda_case", row)
        self._write_attachments(db, case_id, case.attachments)
        self._write_minutes_details(db, case_id, case)
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

    def _write_minutes_details(self, db: Database, case_id: int, case: Case) -> None:
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

    def _meeting_of_case(self, case_id: int) -> Meeting:
        rows = self._rows("SELECT meeting_id FROM agenda_case WHERE id = ?", [case_id])
        if not rows:
            raise StoreError("Saken finnes ikke lenger.", "the case no longer exists")
        return self.meeting(int(rows[0]["meeting_id"]))

    def insert_case(self, meeting_id: int, case: Case, position: int) -> int:
        """Put ``case`` at ``position``; after the notice it gets the next free number for good."""
        from tr_desk.core.numbering import next_free_number

        meeting = self.meeting(meeting_id)
        _check_unlocked(meeting)
        position = max(0, min(position, len(meeting.cases)))
        if meeting.numbers_frozen and case.number is None:
            case.number = next_free_number(
                self._numbering_year(meeting.body_id, meeting.date.year),
                self.year_start(meeting.body_id, meeting.date.year),
            )
        with self.transaction() as db:
            db.execute(
                "UPDATE agenda_case SET position = position + 1"
                " WHERE meeting_id = ? AND position >= ?",
                [meeting_id, position],
            )
            case.id = self._insert_case(db, meeting_id, position, case)
        return case.id

    def delete_case(self, case_id: int) -> None:
        """Take a case out of a draft (for undo of an insert, and removing from a draft)."""
        meeting = self._meeting_of_case(case_id)
        _check_unlocked(meeting)
        with self.transaction() as db:
            _delete_case_rows(db, case_id)
            self._pack_positions(db, meeting)

    def remove_case(self, case_id: int) -> None:
        """Remove from a draft; from an issued notice the case is withdrawn and keeps its number."""
        meeting = self._meeting_of_case(case_id)
        _check_unlocked(meeting)
        if not meeting.numbers_frozen:
            self.delete_case(case_id)
            return
        with self.transaction() as db:
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
        meeting = self._meeting_of_case(case.id)
        _check_unlocked(meeting)
        old = next(c for c in meeting.cases if c.id == case.id)
        row = _case_row(case)
        del row["number"]
        with self.transaction() as db:
            db.execute(
                f"UPDATE agenda_case SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                [*row.values(), case.id],
            )
            if case.attachments != old.attachments:
                self._write_attachments(db, case.id, case.attachments)
            if case.exclusions != old.exclusions or case.answers != old.answers:
                self._write_minutes_details(db, case.id, case)
            if case.outcome is not old.outcome:
                self._outcome_changed(db, meeting, old, case)

    def _case_label(self, meeting: Meeting, case_id: int) -> str:
        from tr_desk.core.numbering import case_label

        index = next(i for i, c in enumerate(meeting.cases) if c.id == case_id)
        prefix = self.body(meeting.body_id).prefix
        return case_label(prefix, self.case_numbers(meeting), index, meeting.date.year)

    def next_draft(self, body_id: int, day: dt.date) -> Meeting | None:
        """The body's next meeting after ``day`` if it is still a draft (not yet called)."""
        rows = self._rows(
            "SELECT id, status FROM meeting WHERE body_id = ? AND date > ? AND status != ?"
            " ORDER BY date LIMIT 1",
            [body_id, day.isoformat(), MeetingStatus.CANCELLED.value],
        )
        if not rows or rows[0]["status"] != MeetingStatus.PLANNED.value:
            return None
        return self.meeting(int(rows[0]["id"]))

    def _outcome_changed(self, db: Database, meeting: Meeting, old: Case, new: Case) -> None:
        assert new.id is not None and meeting.id is not None
        if Outcome.POSTPONED in (old.outcome, new.outcome):
            label = self._case_label(meeting, new.id)
            target = self.next_draft(meeting.body_id, meeting.date)
            if label and target is not None and target.id is not None:
                carried = [c for c in target.cases if c.postponed_from == label]
                if new.outcome is Outcome.POSTPONED and not carried:
                    self._carry(db, target, label, new)
                elif new.outcome is not Outcome.POSTPONED:
                    for case in carried:
                        assert case.id is not None
                        _delete_case_rows(db, case.id)
                    self._pack_positions(db, target)
        if new.kind is CaseKind.APPROVAL and Outcome.DEALT_WITH in (old.outcome, new.outcome):
            prev = self.previous_held(meeting.body_id, meeting.date, header_only=True)
            if prev is not None:
                assert prev.id is not None
                if new.outcome is Outcome.DEALT_WITH and prev.status is MeetingStatus.HELD:
                    prev.status, prev.approved_on = MeetingStatus.APPROVED, meeting.date
                    db.table("meeting").update(prev.id, _meeting_row(prev))
                elif (
                    new.outcome is not Outcome.DEALT_WITH
                    and prev.status is MeetingStatus.APPROVED
                    and prev.approved_on == meeting.date
                ):
                    prev.status, prev.approved_on = MeetingStatus.HELD, None
                    db.table("meeting").update(prev.id, _meeting_row(prev))

    def _carry(self, db: Database, target: Meeting, label: str, case: Case) -> None:
        """Put a postponed case on ``target``'s draft agenda, before its closing standard cases."""
        from tr_desk.core.standard_cases import CLOSING_KINDS

        assert target.id is not None
        position = next(
            (i for i, c in enumerate(target.cases) if c.kind in CLOSING_KINDS), len(target.cases)
        )
        db.execute(
            "UPDATE agenda_case SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
            [target.id, position],
        )
        self._insert_case(db, target.id, position, _postponed_copy(case, label))

    def postponed_cases(self, body_id: int, day: dt.date) -> list[Case]:
        """Cases postponed at the body's meetings before ``day`` that no agenda has picked up."""
        carried = {
            r["postponed_from"]
            for r in self._rows(
                "SELECT c.postponed_from FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id"
                " WHERE m.body_id = ? AND c.postponed_from != ''",
                [body_id],
            )
        }
        out = []
        for r in self._rows(
            "SELECT DISTINCT m.id FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id"
            " WHERE m.body_id = ? AND m.date < ? AND c.outcome = ? ORDER BY m.date",
            [body_id, day.isoformat(), Outcome.POSTPONED.value],
        ):
            meeting = self.meeting(int(r["id"]))
            for case in meeting.cases:
                if case.outcome is not Outcome.POSTPONED or case.id is None:
                    continue
                label = self._case_label(meeting, case.id)
                if label and label not in carried:
                    out.append(_postponed_copy(case, label))
        return out

    # -- the meeting as held ----------------------------------------------------------------

    def set_attendance(self, meeting_id: int, lines: Sequence[Attendance]) -> None:
        """Replace the meeting's attendance (a dozen rows: one quick transaction per key)."""
        meeting = self.meeting_header(meeting_id)
        _check_unlocked(meeting)
        with self.transaction() as db:
            db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
            rows = [
                {**_attendance_row(line), "meeting_id": meeting_id, "position": i}
                for i, line in enumerate(lines)
            ]
            if rows:
                columns = list(rows[0])
                db.conn.executemany(
                    f"INSERT INTO attendance ({', '.join(columns)})"
                    f" VALUES ({', '.join('?' for _ in columns)})",
                    [[row[c] for c in columns] for row in rows],
                )

    def meeting_header(self, meeting_id: int) -> Meeting:
        rows = self._rows("SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if not rows:
            raise StoreError(f"Møte {meeting_id} finnes ikke.", f"no meeting {meeting_id}")
        return _meeting(rows[0])

    def members(self, meeting: Meeting) -> list[int]:
        """The seats on the meeting's date (leader and members), in roster order."""
        return self.roster(meeting.body_id, meeting.date, MEMBER_ROLES)

    def leader(self, body_id: int, day: dt.date) -> int | None:
        """The body's leader on ``day``."""
        leaders = self.roster(body_id, day, (Role.LEADER.value,))
        return leaders[0] if leaders else None

    def chair(self, meeting: Meeting) -> int | None:
        """The meeting's chair: as recorded, else the body's leader on that date."""
        if meeting.chair_id is not None:
            return meeting.chair_id
        return self.leader(meeting.body_id, meeting.date)

    def minutes_content(self, meeting: Meeting, *, public: bool = False) -> MinutesContent:
        from tr_desk.core.minutes import minutes_content

        return minutes_content(
            meeting,
            self.body(meeting.body_id),
            self.people_by_id(),
            self.case_numbers(meeting),
            self.members(meeting),
            self.general_manager(),
            self.chair(meeting),
            public=public,
        )

    def check_minutes(self, meeting: Meeting) -> list[Problem]:
        from tr_desk.core.minutes import check_minutes

        return check_minutes(
            meeting, self.body(meeting.body_id), self.case_numbers(meeting),
            self.members(meeting), self.people_by_id(),
            self.chair(meeting),
        )  # fmt: skip

    def find_case(self, label: str) -> tuple[Meeting, int]:
        """The meeting and agenda index of «KF 37/22»."""
        from tr_desk.core.numbering import parse_case_number

        try:
            number = parse_case_number(label)
        except ValueError as exc:
            raise StoreError(str(exc), str(exc)) from None
        body = self.body_by_prefix(number.prefix)
        if body is None or body.id is None:
            raise StoreError(
                f"Ukjent organ «{number.prefix}».", f"unknown body {shown(number.prefix)}"
            )
        for header in self.meetings(body_id=body.id, year=number.year):
            if header.id is None:
                continue
            meeting = self.meeting(header.id)
            for index, found in self.case_numbers(meeting).items():
                if found == number.number:
                    return meeting, index
        raise StoreError(f"Fant ingen sak {label}.", f"no case {label}")

    def extract_content(
        self, meeting: Meeting, index: int, today: dt.date, *, public: bool = False
    ) -> ExtractContent:
        """A særutskrift; a public one is refused for an exempt case (there is nothing to say)."""
        from tr_desk.core.minutes import extract_content
        from tr_desk.core.numbering import case_label

        body = self.body(meeting.body_id)
        number = case_label(body.prefix, self.case_numbers(meeting), index, meeting.date.year)
        if public and meeting.cases[index].exempt is not None:
            raise StoreError(
                f"Sak {number} er unntatt offentlighet; det lages ingen offentlig særutskrift.",
                f"{number} is exempt from public access: there is no public extract",
            )
        return extract_content(
            meeting, body, index, number,
            self.people_by_id(),
            self.members(meeting), self.general_manager(), today,
        )  # fmt: skip

    def approve(self, meeting_id: int, day: dt.date) -> None:
        """Mark the minutes approved: they are locked until «Gjenåpne»."""
        meeting = self.meeting_header(meeting_id)
        if meeting.status not in (MeetingStatus.HELD, MeetingStatus.APPROVED):
            raise StoreError(
                "Bare et avholdt møte kan få godkjent protokollen.",
                "only a held meeting can have its minutes approved",
            )
        meeting.status, meeting.approved_on = MeetingStatus.APPROVED, day
        with self.transaction() as db:
            db.table("meeting").update(meeting_id, _meeting_row(meeting))

    def reopen(self, meeting_id: int, day: dt.date | None) -> None:
        """Unlock approved minutes; ``day`` is recorded so the document says it was changed."""
        meeting = self.meeting_header(meeting_id)
        meeting.status, meeting.reopened_on = MeetingStatus.HELD, day
        with self.transaction() as db:
            db.table("meeting").update(meeting_id, _meeting_row(meeting))

    def move_case(self, meeting_id: int, source: int, target: int) -> None:
        """Move the case at agenda index ``source`` to index ``target``."""
        meeting = self.meeting(meeting_id)
        _check_unlocked(meeting)
        order = [c.id for c in meeting.cases]
        if not (0 <= source < len(order)) or source == target:
            return
        moving = order.pop(source)
        order.insert(max(0, min(target, len(order))), moving)
        with self.transaction() as db:
            db.conn.executemany(
                "UPDATE agenda_case SET position = ? WHERE id = ?",
                [(i, case_id) for i, case_id in enumerate(order)],
            )

    def _pack_positions(self, db: Database, meeting: Meeting) -> None:
        ids = [r[0] for r in db.execute(
            "SELECT id FROM agenda_case WHERE meeting_id = ? ORDER BY position", [meeting.id]
        ).fetchall()]  # fmt: skip
        db.conn.executemany(
            "UPDATE agenda_case SET position = ? WHERE id = ?", [(i, c) for i, c in enumerate(ids)]
        )

    def refresh_standard_cases(self, meeting_id: int) -> int:
        """Bring a draft's standard cases up to date with the plan; returns how many changed."""
        from tr_desk.core.standard_cases import refresh_standard_cases

        meeting = self.meeting(meeting_id)
        if meeting.numbers_frozen or self.readonly:
            return 0
        body = self.body(meeting.body_id)
        changed = refresh_standard_cases(
            meeting.cases, body, self.previous_meeting(body.id or 0, meeting.date),
            self.next_council_meeting(meeting.date),
        )  # fmt: skip
        for case in changed:
            self.update_case(case)
        return len(changed)

    def import_attachment(self, source: Path) -> str:
        """Copy a PDF into the attachment folder under its content's hash; returns its name."""
        return self.store_attachment(read_pdf_file(source), source.name)

    def read_attachment(self, name: str) -> bytes:
        """The bytes of a stored attachment; only a hash name inside ``vedlegg/`` is read."""
        if not ATTACHMENT_NAME.fullmatch(name):
            raise StoreError(
                f"«{name}» er ikke et lagret vedlegg.", f"{shown(name)} is not a stored attachment"
            )
        return read_pdf_file(self.attachments_dir / name)

    def store_attachment(self, data: bytes, label: str = "Vedlegget") -> str:
        """Keep a PDF in the attachment folder, named by its hash (the same file once)."""
        import hashlib

        if not data.startswith(b"%PDF-"):
            raise StoreError(f"«{label}» er ikke en PDF-fil.", f"{label} is not a PDF file")
        name = hashlib.sha256(data).hexdigest() + ".pdf"
        target = self.attachments_dir / name
        if not target.exists():
            self.attachments_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(target)
        return name

    # -- issuing the notice ---------------------------------------------------------------

    def freeze_notice(self, meeting_id: int, today: dt.date) -> Meeting:
        """Fix the numbers and mark the notice issued (dated today unless already dated)."""
        meeting = self.meeting(meeting_id)
        with self.transaction() as db:
            self._freeze_numbers(db, meeting)
            if meeting.status is MeetingStatus.PLANNED:
                meeting.status = MeetingStatus.NOTICE_ISSUED
            meeting.notice_date = meeting.notice_date or today
            db.table("meeting").update(meeting_id, _meeting_row(meeting))
        return self.meeting(meeting_id)

    @property
    def notices_dir(self) -> Path:
        return self.path.parent / "innkallinger"

    def revisions(self, meeting_id: int) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self._rows(
                "SELECT * FROM notice_revision WHERE meeting_id = ? ORDER BY revision", [meeting_id]
            )
        ]

    def record_revision(
        self, meeting_id: int, revision: int, notice: bytes, public: bytes, content_hash: str,
        now: dt.datetime,
    ) -> Path:  # fmt: skip
        """Store an issued notice's PDFs; a file already there is never overwritten."""
        meeting = self.meeting(meeting_id)
        body = self.body(meeting.body_id)
        stem = f"{body.prefix}-{meeting.date.isoformat()}-innkalling"
        if revision:
            stem += f"-revisjon-{revision}"
        self.notices_dir.mkdir(parents=True, exist_ok=True)
        paths = (self.notices_dir / f"{stem}.pdf", self.notices_dir / f"{stem}-offentlig.pdf")
        for path, data in zip(paths, (notice, public), strict=True):
            try:
                with open(path, "xb") as handle:
                    handle.write(data)
            except FileExistsError:
                raise StoreError(
                    f"«{path.name}» finnes allerede og blir ikke skrevet over.",
                    f"{path} exists and is not overwritten",
                ) from None
        with self.transaction() as db:
            db.table("notice_revision").insert(
                {
                    "meeting_id": meeting_id, "revision": revision, "issued_at": now.isoformat(),
                    "file": paths[0].name, "public_file": paths[1].name,
                    "content_hash": content_hash,
                }
            )  # fmt: skip
        return paths[0]

    def check_context(self, meeting: Meeting) -> CheckContext:
        """What the check needs: the previous meeting, Regionrådet's dates, names, holidays."""
        from tr_desk.core.check import CheckContext, norwegian_holidays

        council = self.body_by_prefix("TR")
        council_days = []
        if council is not None and council.id is not None:
            council_days = [
                m.date for m in self.meetings(body_id=council.id)
                if m.status is not MeetingStatus.CANCELLED
            ]  # fmt: skip
        return CheckContext(
            body=self.body(meeting.body_id),
            numbers=self.case_numbers(meeting),
            previous=self.previous_meeting(meeting.body_id, meeting.date),
            council_meetings=council_days,
            people=self.people(),
            holidays=norwegian_holidays([meeting.date.year]),
            today=dt.date.today(),
        )

    def save_loaded(self, loaded: LoadedMeeting) -> tuple[int, bool]:
        """Create the meeting read from a file, or replace the one of the same body and date.

        One transaction: a failure leaves the database as it was. Returns (id, created).
        """
        meeting = loaded.meeting
        existing = self.meeting_id(meeting.body_id, meeting.date)
        if meeting.invited_ids == self.roster(meeting.body_id, meeting.date, MEMBER_ROLES):
            meeting.invited_ids = None
        if meeting.copy_ids == self.roster(meeting.body_id, meeting.date, (Role.COPY.value,)):
            meeting.copy_ids = None
        if meeting.uid:
            owner = self._rows("SELECT id FROM meeting WHERE uid = ?", [meeting.uid])
            if owner and owner[0]["id"] != existing:  # a file copied to make another meeting
                meeting.uid = ""
                loaded.warnings.append("uid: belongs to another meeting; this one gets its own")
        if existing is not None and not meeting.uid:
            meeting.uid = self.meeting_header(existing).uid  # the same event in the calendar
        with self.transaction() as db:
            row = _meeting_row(meeting)
            if existing is None:
                meeting_id = _insert(db, "meeting", row)
            else:
                meeting_id = existing
                db.table("meeting").update(meeting_id, row)
                self._delete_contents(db, meeting_id)
            for i, case in enumerate(meeting.cases):
                case_row = _case_row(case)
                case_row.update(meeting_id=meeting_id, position=i, number=None)
                if meeting.numbers_frozen:
                    case_row["number"] = loaded.given_numbers.get(i)
                case.id = _insert(db, "agenda_case", case_row)
                if case.attachments:
                    db.table("attachment").insert_all(
                        {"case_id": case.id, "position": j, "title": a.title, "file": a.file}
                        for j, a in enumerate(case.attachments)
                    )
                if case.exclusions or case.answers:
                    self._write_minutes_details(db, case.id, case)
            for line_index, (first, last) in loaded.attendance_spans.items():
                line = meeting.attendance[line_index]
                line.from_case = meeting.cases[first].id if first is not None else None
                line.to_case = meeting.cases[last].id if last is not None else None
            if meeting.attendance:
                db.table("attendance").insert_all(
                    {**_attendance_row(line), "meeting_id": meeting_id, "position": i}
                    for i, line in enumerate(meeting.attendance)
                )
            meeting.id = meeting_id
            if meeting.numbers_frozen:
                self._freeze_numbers(db, meeting)
        return meeting_id, existing is None

    def _freeze_numbers(self, db: Database, meeting: Meeting) -> None:
        """Give an issued meeting's unnumbered cases their numbers, for good."""
        numbers = self.case_numbers(meeting)
        for i, case in enumerate(meeting.cases):
            if case.number is None and i in numbers:
                db.execute(
                    "UPDATE agenda_case SET number = ? WHERE id = ? AND number IS NULL",
                    [numbers[i], case.id],
                )

    def _delete_contents(self, db: Database, meeting_id: int) -> None:
        for table in ("attachment", "case_exclusion", "written_answer"):
            db.execute(
                f"DELETE FROM {table} WHERE case_id IN"
                " (SELECT id FROM agenda_case WHERE meeting_id = ?)",
                [meeting_id],
            )
        db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
        db.execute("DELETE FROM agenda_case WHERE meeting_id = ?", [meeting_id])


def create_database(path: Path) -> None:
    """A new database with the profile, made under another name and renamed into place.

    So an interrupted first start leaves no empty or half-made file where the database
    belongs (an empty file there is refused, never overwritten).
    """
    partial = path.with_name(path.name + ".ny")
    for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    conn = connect(partial, readonly=False)
    try:
        configure(conn, readonly=False)
        Store(conn, partial)._migrate(fresh=True)
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to rename
    except sqlite3.Error as exc:
        conn.close()
        partial.unlink(missing_ok=True)
        raise explain(path, exc) from None
    except BaseException:
        conn.close()
        partial.unlink(missing_ok=True)
        raise
    conn.close()
    partial.replace(path)


def damaged_reason(path: Path) -> tuple[str, str]:
    """Why a damaged file opens read-only, naming the newest sound backup and the way back."""
    from tr_desk.storage.backup import newest_sound_backup

    good = newest_sound_backup(path)
    if good is None:
        return (
            f"Databasen «{path.name}» er skadet og åpnes bare for lesing; ingenting blir skrevet "
            "til den. Det finnes ingen feilfri sikkerhetskopi.",
            f"the database {path} is damaged (SQLite's check fails) and is not written to; "
            "there is no sound backup",
        )
    return (
        f"Databasen «{path.name}» er skadet og åpnes bare for lesing; ingenting blir skrevet "
        f"til den. Nyeste feilfrie sikkerhetskopi er «{good.name}» (i mappen «{good.parent}»). "
        "Velg Fil → Gjenopprett fra sikkerhetskopi … for å ta den i bruk.",
        f"the database {path} is damaged (SQLite's check fails) and is not written to; "
        f"the newest sound backup is {good}: restore it with "
        f'\'tr-desk --db "{path}" restore "{good}"\'',
    )


def _postponed_copy(case: Case, label: str) -> Case:
    """A postponed case as it goes onto a later agenda: the case papers, not the minutes."""
    return Case(
        title=case.title, kind=case.kind, text=case.text,
        attachments=[Attachment(a.title, a.file) for a in case.attachments],
        proposal=case.proposal, presenter=case.presenter, follows=case.follows,
        exempt=case.exempt, postponed_from=label,
    )  # fmt: skip


def _delete_case_rows(db: Database, case_id: int) -> None:
    """A case and what hangs on it; attendance spans that named it become open."""
    for table in ("attachment", "case_exclusion", "written_answer"):
        db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
    for column in ("from_case_id", "to_case_id"):
        db.execute(f"UPDATE attendance SET {column} = NULL WHERE {column} = ?", [case_id])
    db.execute("DELETE FROM agenda_case WHERE id = ?", [case_id])


def new_uid() -> str:
    """A calendar UID for a new meeting; it stays with the meeting when it moves."""
    import uuid

    return f"{uuid.uuid4().hex}@trondheimsregionen.no"


def _check_unlocked(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise StoreError(
            "Protokollen for dette møtet er godkjent og låst. Velg «Gjenåpne» for å endre den.",
            "the minutes of this meeting are approved and locked (reopen them to change them)",
        )


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row and return its id."""
    pk = db.table(table).insert(row).last_pk
    assert pk is not None
    return int(pk)


# -- rows <-> core objects -------------------------------------------------------------------


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _body(r: sqlite3.Row) -> Body:
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
    )


def _body_row(b: Body) -> dict[str, Any]:
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
    }


def _person(r: sqlite3.Row, aliases: list[str]) -> Person:
    return Person(
        id=r["id"],
        name=r["name"],
        title=r["title"] or "",
        municipality=r["municipality"] or "",
        email=r["email"] or "",
        aliases=aliases,
    )


def _person_row(p: Person) -> dict[str, Any]:
    return {
        "name": p.name.strip(),
        "title": p.title.strip(),
        "municipality": p.municipality.strip(),
        "email": p.email.strip(),
    }


def _membership(r: sqlite3.Row) -> Membership:
    return Membership(
        id=r["id"],
        person_id=r["person_id"],
        body_id=r["body_id"],
        role=Role(r["role"]),
        start=dt.date.fromisoformat(r["start"]),
        end=_date(r["end"]),
        sort_order=r["sort_order"] or 0,
    )


def _membership_row(m: Membership) -> dict[str, Any]:
    return {
        "person_id": m.person_id,
        "body_id": m.body_id,
        "role": m.role.value,
        "start": m.start.isoformat(),
        "end": _iso(m.end),
        "sort_order": m.sort_order,
    }


def _ids(text: str | None) -> list[int] | None:
    return None if text is None else [int(i) for i in json.loads(text)]


def _meeting(r: sqlite3.Row) -> Meeting:
    return Meeting(
        id=r["id"],
        body_id=r["body_id"],
        date=dt.date.fromisoformat(r["date"]),
        start=_time(r["start"]),
        end=_time(r["end"]),
        place=r["place"] or "",
        mode=MeetingMode(r["mode"]),
        status=MeetingStatus(r["status"]),
        notice_date=_date(r["notice_date"]),
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
        minutes_date=_date(r["minutes_date"]),
        approved_on=_date(r["approved_on"]),
        reopened_on=_date(r["reopened_on"]),
        cancel_reason=r["cancel_reason"] or "",
        uid=r["uid"] or "",
    )


def _meeting_row(m: Meeting) -> dict[str, Any]:
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
        "uid": m.uid or new_uid(),
    }


def _vote(text: str | None) -> Vote | None:
    if not text:
        return None
    data = json.loads(text)
    return Vote(
        unanimous=data.get("unanimous", False),
        votes_for=data.get("for", 0),
        against=data.get("against", 0),
        blank=data.get("blank", 0),
        note=data.get("note", ""),
    )


def _vote_text(v: Vote | None) -> str | None:
    if v is None:
        return None
    if v.unanimous:
        return json.dumps({"unanimous": True})
    return json.dumps(
        {"for": v.votes_for, "against": v.against, "blank": v.blank, "note": v.note},
        ensure_ascii=False,
    )


def _case(r: sqlite3.Row) -> Case:
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
        vote=_vote(r["vote"]),
        outcome=Outcome(r["outcome"]) if r["outcome"] else None,
        postponed_from=r["postponed_from"] or "",
    )


def _case_row(c: Case) -> dict[str, Any]:
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
        "vote": _vote_text(c.vote),
        "outcome": c.outcome.value if c.outcome else None,
        "postponed_from": c.postponed_from,
    }


def _attendance(r: sqlite3.Row) -> Attendance:
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
    )


def _attendance_row(a: Attendance) -> dict[str, Any]:
    return {
        "status": a.status.value,
        "person_id": a.person_id,
        "guest_name": a.guest_name,
        "reason": a.reason,
        "substitute_for": a.substitute_for,
        "role": a.role,
        "from_case_id": a.from_case,
        "to_case_id": a.to_case,
    }
