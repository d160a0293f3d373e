"""The data store: one SQLite file, read with plain SQL, written in transactions.

Reads use the standard library only, so the window can paint before sqlite-utils (used for
migrations and writes) is imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tr_desk.core.clock import Clock, system_clock
from tr_desk.core.messages import Code
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
from tr_desk.storage.paths import NOTICE_FOLDER

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tr_desk.core.context import MeetingContext
    from tr_desk.core.model import Meeting
    from tr_desk.core.profile import Profile
    from tr_desk.storage.agenda import Agenda
    from tr_desk.storage.files import Files
    from tr_desk.storage.meetings import Meetings
    from tr_desk.storage.minutes import Minutes
    from tr_desk.storage.register import Register
    from tr_desk.storage.settings import Settings


class ReadOnlyError(StoreError):
    pass


class Store:
    """TR Desk's data: one SQLite file, opened safely, written in transactions.

    The store saves and loads; the rules are in ``core`` (``core.lifecycle`` for the meeting's
    states). Its parts share the connection, one per concern:

    - ``register``: bodies, people, memberships
    - ``meetings``: meetings, the plan's moves and cancellations, issuing, case numbers
    - ``agenda``: a meeting's cases and what an outcome brings
    - ``minutes``: attendance, approval, the issued notices' files
    - ``settings``: settings and the plan's settings
    - ``files``: attachment PDFs

    ``context(meeting)`` reads everything about one meeting at once (``core.context``).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        readonly_reason: tuple[str, str] | None = None,
        lock: InstanceLock | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock or system_clock()  # «today» and «now» for every rule and stamp
        self._reason = readonly_reason
        self._lock = lock
        self._db: Database | None = None
        self._unchecked = False  # SQLite's quick check has yet to pass before a write
        self.damaged = False  # the check failed: read-only for good

    # -- the parts, each imported when first used (the window paints before most are needed) --

    @cached_property
    def register(self) -> Register:
        from tr_desk.storage.register import Register

        return Register(self)

    @cached_property
    def meetings(self) -> Meetings:
        from tr_desk.storage.meetings import Meetings

        return Meetings(self)

    @cached_property
    def agenda(self) -> Agenda:
        from tr_desk.storage.agenda import Agenda

        return Agenda(self)

    @cached_property
    def minutes(self) -> Minutes:
        from tr_desk.storage.minutes import Minutes

        return Minutes(self)

    @cached_property
    def settings(self) -> Settings:
        from tr_desk.storage.settings import Settings

        return Settings(self)

    @cached_property
    def files(self) -> Files:
        from tr_desk.storage.files import Files

        return Files(self)

    def verify(self) -> bool:
        """Run SQLite's quick check once before anything is written; False when damaged.

        A damaged file is reopened read-only (the lock released) and ``readonly_reason``
        names the newest sound backup.
        """
        if not self._unchecked:
            return not self.damaged
        return self.checked(damage(self.conn))

    @property
    def unchecked(self) -> bool:
        """The quick check has yet to run (the window runs it on a thread of its own)."""
        return self._unchecked

    def check_apart(self) -> list[str]:
        """The quick check over a connection of its own, for another thread: what it finds
        goes to ``checked`` on the store's thread."""
        conn = connect(self.path, readonly=True)
        try:
            return damage(conn)
        finally:
            conn.close()

    def checked(self, found: list[str]) -> bool:
        """Take the quick check's findings (``check_apart``'s, or the store's own); a damaged
        file is reopened read-only. False when damaged. A write before it ran checked first."""
        if not self._unchecked:
            return not self.damaged
        self._unchecked = False
        if not found:
            if not self.readonly:
                with contextlib.suppress(sqlite3.Error):  # busy: rollback mode until next time
                    self.conn.execute("PRAGMA journal_mode = WAL")
            return True
        self.close()
        self.conn = connect(self.path, readonly=True)
        configure(self.conn, readonly=True)
        self._lock = None
        self._db = None
        self._reason = damaged_reason(self.path)
        self.damaged = True
        return False

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly: bool = False,
        lock: bool = False,
        lock_wait: float = 0.0,
        check_later: bool = False,
        clock: Clock | None = None,
        profile: Profile | None = None,
    ) -> Store:
        """Open (or create, from ``profile``: default the standard one) the database at
        ``path``.

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
        instance_lock = _take_lock(path, lock_wait) if lock and reason is None else None
        if lock and reason is None and instance_lock is None:
            reason = (
                "Databasen er allerede åpen i et annet TR Desk-vindu; "
                "dette vinduet viser den skrivebeskyttet.",
                "another TR Desk (a window or a command) has the database open",
            )
        try:
            if not path.exists():
                if reason is not None and not readonly and not writable(path):
                    raise StoreError.of(
                        Code.CANNOT_MAKE_DATABASE_FOLDER_NOT, parent=path.parent, path=path
                    )
                if reason is not None:
                    raise StoreError.of(Code.THERE_NO_DATABASE, path=path)
                create_database(path, profile)
            conn = connect(path, readonly=reason is not None)
        except BaseException:
            if instance_lock is not None:
                instance_lock.release()
            raise
        store = cls(conn, path, reason, instance_lock, clock)
        try:
            version = schema_state(conn, path)
            # WAL only once the quick check has passed (``checked``): it rewrites the header
            configure(conn, readonly=reason is not None, checked=False)
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
    def create(
        cls, path: Path | str, *, lock: bool = False, profile: Profile | None = None
    ) -> Store:
        """«Ny database»: a new database at ``path`` for the organisation of ``profile``
        (default: the standard profile), where an empty file may stand.

        The user chose the place (and agreed to replace what is there); a file with content
        is never replaced.
        """
        path = Path(path).expanduser()
        prepare_folder(path)
        if path.exists() and path.is_file() and path.stat().st_size == 0:
            path.unlink()
        if path.exists():
            raise StoreError.of(Code.EXISTS_NOT_OVERWRITTEN_2, path=path)
        return cls.open(path, lock=lock, profile=profile)

    def _migrate(self, fresh: bool, profile: Profile | None = None) -> None:
        from tr_desk.storage import migrations

        with self.transaction():
            migrations.apply(self.db)
            if fresh:
                load_profile(self.register, self.settings, profile)

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

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

    def context(self, meeting: Meeting | int, today: dt.date | None = None) -> MeetingContext:
        """Everything about one meeting (its cases, the people, numbers, lists, the previous
        meeting, the council's dates, the holidays), read at once."""
        from tr_desk.storage.reading import read_context

        if isinstance(meeting, int):
            meeting = self.meetings.meeting(meeting)
        return read_context(self, meeting, today or self.clock.today())

    @property
    def attachments_dir(self) -> Path:
        return self.files.attachments_dir

    @property
    def notices_dir(self) -> Path:
        return self.path.parent / NOTICE_FOLDER

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from None


def _take_lock(path: Path, wait: float) -> InstanceLock | None:
    """The instance lock of ``path``, waiting up to ``wait`` seconds; None: another has it."""
    instance_lock = InstanceLock(path)
    return instance_lock if instance_lock.acquire(wait) else None


def create_database(path: Path, profile: Profile | None = None) -> None:
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
        Store(conn, partial)._migrate(fresh=True, profile=profile)
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


def load_profile(register: Register, settings: Settings, profile: Profile | None = None) -> None:
    """Insert the profile; the caller holds the transaction."""
    from tr_desk.core.model import Membership
    from tr_desk.storage.profile import default_profile

    profile = profile or default_profile()
    settings.set_organisation(profile.organisation)
    for body in profile.bodies:
        register.add_body(body)
    ids = {person.name: register.add_person(person) for person in profile.people}
    bodies = {b.prefix: b.id for b in register.bodies()}
    for seat in profile.seats:
        body_id = bodies[seat.body]
        assert body_id is not None
        register.add_membership(
            Membership(
                id=None,
                person_id=ids[seat.person],
                body_id=body_id,
                role=seat.role,
                start=seat.start,
                end=seat.end,
                party=seat.party,
                rank=seat.rank,
            )
        )
    if profile.general_manager:
        settings.set_setting("daglig_leder_id", str(ids[profile.general_manager]))
