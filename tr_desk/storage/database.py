"""Opening the database file safely: never overwrite what is not ours, never corrupt it."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import IO

# The number of migrations in storage/migrations.py; a test keeps the two in step.
SCHEMA_VERSION = 4
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database file, told in Norwegian for the window and the command line."""


class InstanceLock:
    """An advisory lock next to the database: one TR Desk writes to a file at a time.

    The operating system releases it when the process ends, however it ends, so a crash
    never leaves a stale lock behind.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the lock
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


def check_file(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite gets to touch it."""
    if path.is_dir():
        raise StoreError(f"«{path}» er en mappe, ikke en databasefil.")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"Kan ikke lese «{path}»: {exc.strerror}.") from None
    if header != SQLITE_HEADER:
        raise StoreError(
            f"«{path}» er ikke en TR Desk-database (ikke en SQLite-fil). Filen er ikke endret."
        )


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode: every write is an explicit transaction."""
    try:
        if readonly:
            from urllib.parse import quote

            uri = f"file:{quote(str(path.resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        conn.row_factory = sqlite3.Row
        return conn
    except sqlite3.DatabaseError as exc:
        raise explain(path, exc) from None
    except OSError as exc:
        raise StoreError(f"Kan ikke åpne «{path}»: {exc.strerror}.") from None


def configure(conn: sqlite3.Connection, readonly: bool) -> None:
    """Durable settings; only once the file is known to be ours, as WAL rewrites its header."""
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")


def explain(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Databasen «{path}» er låst av et annet program. Lukk det og prøv igjen."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"Databasen «{path}» er skrivebeskyttet.")
    if "not a database" in text or "malformed" in text:
        return StoreError(f"«{path}» er ikke en gyldig TR Desk-database, eller den er skadet.")
    if "unable to open" in text:
        return StoreError(f"Kan ikke åpne «{path}».")
    return StoreError(f"Feil i databasen «{path}»: {exc}")


def writable(path: Path) -> bool:
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    parent = next((p for p in path.parents if p.exists()), None)
    return parent is not None and os.access(parent, os.W_OK)


def schema_state(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open file; refuses a foreign database or a newer TR Desk's."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"Databasen «{path}» er laget av en nyere versjon av TR Desk. "
            "Oppdater TR Desk for å åpne den. Filen er ikke endret."
        )
    if version == 0:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if tables and "_sqlite_migrations" not in tables:
            raise StoreError(
                f"«{path}» er en SQLite-fil, men ikke en TR Desk-database. Filen er ikke endret."
            )
    return version
