"""Opening the database file safely: never overwrite what is not ours, never corrupt it."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path
from typing import IO

from tr_desk.core.errors import UserError
from tr_desk.core.formats import shown
from tr_desk.core.messages import Code

# The number of migrations in storage/migrations.py; a test keeps the two in step.
SCHEMA_VERSION = 12
APPLICATION_ID = 0x54524453  # «TRDS»: PRAGMA application_id, TR Desk's mark on its files
# The partial index of migration 10 (the cases that name another in a field of their own):
# a query must repeat this term to use it.
NAMES_A_CASE = "(follows != '' OR postponed_from != '' OR links != '')"
SQLITE_HEADER = b"SQLite format 3\x00"


# Raised by the store and by the rules of core alike; one ``except StoreError`` catches both.
StoreError = UserError


# How long a write waits for another process (a second TR Desk command, a backup) to finish.
BUSY_TIMEOUT_S = 5.0


class InstanceLock:
    """An advisory lock next to the database: one TR Desk writes to a file at a time.

    The operating system releases it when the process ends, however it ends, so a crash
    never leaves a stale lock behind.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, trying for ``wait`` seconds while another process holds it."""
        deadline = time.monotonic() + wait
        while not self._try():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def _try(self) -> bool:
        try:
            handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the lock
        except OSError as exc:
            raise StoreError.of(
                Code.CANNOT_CREATE_LOCK_FILE, path=self.path, strerror=exc.strerror
            ) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def prepare_folder(path: Path) -> None:
    """Create the database's folder (a first start, a ``--db`` in a new folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError.of(
            Code.CANNOT_CREATE_FOLDER, parent=path.parent, strerror=exc.strerror
        ) from None


def check_file(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite gets to touch it.

    A missing file is fine (a new database is made); an empty one is not: TR Desk never
    leaves one behind (a new database is made under another name and renamed), so an empty
    file is someone else's, or the rest of an accident, and it is not ours to overwrite.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:  # a name too long, a folder that cannot be read
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StoreError.of(Code.CANNOT_USE, path=shown(str(path)), reason=reason) from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError.of(Code.FOLDER_NOT_DATABASE_FILE, path=path)
    if not stat.S_ISREG(info.st_mode):
        raise StoreError.of(Code.NOT_REGULAR_FILE, path=path)
    if info.st_size == 0:
        raise StoreError.of(Code.EMPTY_0_BYTES_NOT_TR, path=path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError.of(Code.CANNOT_READ_4, path=path, strerror=exc.strerror) from None
    if header != SQLITE_HEADER:
        raise StoreError.of(Code.NOT_TR_DESK_DATABASE_NOT, path=path)


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode: every write is an explicit transaction."""
    try:
        if readonly:
            from urllib.parse import quote

            uri = f"file:{quote(str(path.resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            try:
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.OperationalError:
                # A WAL file in a folder no one may write in: SQLite cannot make its -shm
                # there. Nothing can change the file then, so it is read as it stands.
                conn.close()
                if os.access(path.parent, os.W_OK):
                    raise
                conn = sqlite3.connect(
                    uri + "&immutable=1", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S
                )
        else:
            prepare_folder(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        conn.row_factory = sqlite3.Row
        return conn
    except sqlite3.DatabaseError as exc:
        raise explain(path, exc) from None
    except OSError as exc:
        raise StoreError.of(Code.CANNOT_OPEN_2, path=path, strerror=exc.strerror) from None


def configure(conn: sqlite3.Connection, readonly: bool, checked: bool = True) -> None:
    """Durable settings; only once the file is known to be ours and sound (``checked``: its
    quick check has passed), as switching to WAL rewrites the header of a rollback-mode file."""
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA synchronous = FULL")
        if checked:
            conn.execute("PRAGMA journal_mode = WAL")


def damage(conn: sqlite3.Connection, full: bool = False) -> list[str]:
    """What SQLite's own check finds wrong with the file; empty when it is sound.

    ``quick_check`` (the default) reads every page but skips the index contents: enough to
    refuse writing into a damaged file, fast enough for every start.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def explain(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError.of(
            Code.DATABASE_LOCKED_ANOTHER_PROGRAM_WAITED, path=path, busy_timeout_s=BUSY_TIMEOUT_S
        )
    if "readonly" in text or "read-only" in text:
        return StoreError.of(Code.DATABASE_READ_ONLY, path=path)
    if "not a database" in text or "malformed" in text:
        return StoreError.of(Code.NOT_VALID_TR_DESK_DATABASE, path=path)
    if "unable to open" in text:
        return StoreError.of(Code.CANNOT_OPEN, path=path)
    return StoreError.of(Code.DATABASE_ERROR, path=path, exc=exc)


def writable(path: Path) -> bool:
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    parent = next((p for p in path.parents if p.exists()), None)
    return parent is not None and os.access(parent, os.W_OK)


def made_by_tr_desk(conn: sqlite3.Connection) -> bool:
    """TR Desk's own file: its mark in the header, or (made before the mark) TR Desk's first
    migration recorded. Another program's SQLite file is never taken for one and never
    written, whatever tables or version number it has."""
    application_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id == APPLICATION_ID:
        return True
    if application_id != 0:
        return False
    try:
        found = conn.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'tr_desk' AND name = ?",
            ["m001_register_and_meetings"],
        ).fetchone()
    except sqlite3.OperationalError:  # no such table, or not that table
        return False
    return found is not None


def schema_state(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open file; refuses a foreign database or a newer TR Desk's."""
    if not made_by_tr_desk(conn):
        raise StoreError.of(Code.SQLITE_FILE_BUT_NOT_TR, path=path)
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError.of(Code.DATABASE_WAS_MADE_NEWER_TR, path=path)
    return version


def warm_up() -> None:
    """Import what the first write needs (sqlite-utils, ~110 ms), off the window's thread."""
    import sqlite_utils  # noqa: F401
