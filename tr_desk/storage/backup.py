"""Copies of the database, made with SQLite's backup API: daily, on request, and the way back.

A copy of ``tr.sqlite`` is ``sikkerhetskopier/tr-20221202-101500.sqlite``; copies are matched
by that exact pattern, so ``tr.sqlite`` and ``tr-test.sqlite`` in one folder never count or
delete each other's copies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.clock import system_clock
from tr_desk.core.formats import shown
from tr_desk.core.messages import Code
from tr_desk.storage.database import (
    SQLITE_HEADER,
    InstanceLock,
    StoreError,
    check_file,
    connect,
    damage,
    prepare_folder,
    schema_state,
)
from tr_desk.storage.paths import BACKUP_FOLDER

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub

KEEP = 10
MAX_AGE = dt.timedelta(days=1)


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def _pattern(database: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(database.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.sqlite")


def backups(database: Path) -> list[Path]:
    """This database's copies, oldest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    pattern = _pattern(database)
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: (taken_at(database, p), p.name))


def taken_at(database: Path, copy: Path) -> dt.datetime:
    """When a copy was made, from its name (its file time can change when it is copied)."""
    match = _pattern(database).fullmatch(copy.name)
    if match:
        try:
            return dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S")
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(copy.stat().st_mtime)


def is_sound(copy: Path) -> bool:
    """A TR Desk database that passes SQLite's full integrity check."""
    return unsound(copy) is None


def unsound(copy: Path) -> StoreError | None:
    """Why ``copy`` is not a sound TR Desk database (it cannot be read, is not one, is
    damaged); None when it is one that passes SQLite's full integrity check."""
    try:
        check_file(copy)
        if not copy.exists():
            return StoreError.of(Code.THERE_NO_FILE, copy=copy)
        conn = connect(copy, readonly=True)
        try:
            schema_state(conn, copy)
            found = damage(conn, full=True)
        finally:
            conn.close()
    except StoreError as exc:
        return exc
    except (sqlite3.Error, OSError) as exc:
        return StoreError.of(Code.CANNOT_READ_3, copy=copy, exc=exc)
    if found:
        return StoreError.of(Code.DAMAGED, copy=copy, found=found[0], found2=shown(found[0]))
    return None


def newest_sound_backup(database: Path) -> Path | None:
    for copy in reversed(backups(database)):
        if is_sound(copy):
            return copy
    return None


def _target(database: Path, now: dt.datetime) -> Path:
    folder = backup_folder(database)
    target = folder / f"{database.stem}-{now:%Y%m%d-%H%M%S}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{database.stem}-{now:%Y%m%d-%H%M%S}-{n}.sqlite"
    return target


def _copy(source: sqlite3.Connection, target: Path, check: bool = False) -> None:
    """Copy through the backup API into a file that appears only when it is complete.

    With ``check`` the copy must pass SQLite's quick check: a copy of a damaged file is kept
    aside as «…-skadet.sqlite» (never a backup: not counted, not rotated) and refused.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        found = damage(copy) if check else []
    finally:
        copy.close()
    if found:
        aside = target.with_name(f"{target.stem}-skadet.sqlite")
        partial.replace(aside)
        raise StoreError.of(
            Code.DATABASE_DAMAGED_COPY_WAS_KEPT, name=aside.name, found=found[0], aside=aside
        )
    partial.replace(target)


def make_backup(store: Hub, now: dt.datetime | None = None) -> Path:
    """A copy now («Ta sikkerhetskopi», ``tr-desk backup``); returns its path."""
    return _backup_from(store.conn, store.path, now or store.clock.now())


def _backup_from(conn: sqlite3.Connection, database: Path, now: dt.datetime) -> Path:
    folder = backup_folder(database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_cut_copies(database)
        target = _target(database, now)
        _copy(conn, target, check=True)
    except OSError as exc:
        raise StoreError.of(Code.CANNOT_MAKE_BACKUP, folder=folder, strerror=exc.strerror) from None
    except sqlite3.Error as exc:
        raise StoreError.of(Code.CANNOT_MAKE_BACKUP_2, exc=exc) from None
    for old in backups(database)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def backup_if_due(store: Hub, now: dt.datetime | None = None) -> Path | None:
    """Copy the database when the newest copy is older than a day; returns the new copy."""
    now = now or store.clock.now()
    if not backup_due(store.path, now):
        return None
    return make_backup(store, now)


def remove_cut_copies(database: Path) -> None:
    """A copy cut short (the program ended while it was made) is never a backup: gone."""
    folder = backup_folder(database)
    for partial in folder.glob(f"{glob.escape(database.stem)}-*.sqlite.partial*"):
        with contextlib.suppress(OSError):
            partial.unlink()


def backup_due(database: Path, now: dt.datetime) -> bool:
    existing = backups(database)
    return not existing or now - taken_at(database, existing[-1]) >= MAX_AGE


def backup_file_if_due(database: Path, now: dt.datetime) -> Path | None:
    """``backup_if_due`` over a read-only connection of its own: for a thread other than the
    store's (the window's daily copy, made while the user works)."""
    if not backup_due(database, now):
        remove_cut_copies(database)  # made anyway with a backup (``_backup_from``)
        return None
    conn = connect(database, readonly=True)
    try:
        return _backup_from(conn, database, now)
    finally:
        conn.close()


def restore(database: Path, source: Path, now: dt.datetime | None = None) -> Path | None:
    """Put the copy ``source`` in the place of ``database``; returns where the old file went.

    Refused while another TR Desk has the database open. The current file is kept as a
    backup first (a raw copy if it is too damaged for the backup API), stale ``-wal`` and
    ``-shm`` files are removed so SQLite cannot replay them over the restored data, the copy
    goes through the backup API, and the result must pass the integrity check.
    """
    database = Path(database).expanduser()
    source = Path(source).expanduser()
    if database.is_symlink() or (database.exists() and not database.is_file()):
        raise StoreError.of(Code.NOT_REGULAR_FILE_LINK_DEVICE, database=database)
    problem = unsound(source)
    if problem is not None:  # says which: cannot be read, not a database, damaged
        raise StoreError.of(
            Code.NOT_SOUND_TR_DESK_DATABASE, source=source, problem=problem, english=problem.english
        )
    if source.resolve() == database.resolve():
        raise StoreError.of(Code.BACKUP_DATABASE_ARE_SAME_FILE)
    prepare_folder(database)
    lock = InstanceLock(database)
    if not lock.acquire():
        raise StoreError.of(Code.ANOTHER_TR_DESK_HAS_OPEN, database=database)
    try:
        kept = _keep_current(database, now or system_clock().now())
        for suffix in ("-wal", "-shm"):
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        src = connect(source, readonly=True)
        try:
            partial = database.with_name(database.name + ".gjenoppretting")
            _copy(src, partial)
        finally:
            src.close()
        partial.replace(database)
        conn = sqlite3.connect(database)
        try:
            problems = damage(conn, full=True)
        finally:
            conn.close()
        if problems:
            raise StoreError(
                "Den gjenopprettede databasen består ikke kontrollen: " + "; ".join(problems),
                "the restored database fails the integrity check: " + "; ".join(problems),
            )
        return kept
    except OSError as exc:
        raise StoreError.of(Code.CANNOT_RESTORE, strerror=exc.strerror) from None
    except sqlite3.Error as exc:
        raise StoreError.of(Code.CANNOT_RESTORE_2, exc=exc) from None
    finally:
        lock.release()


def _keep_current(database: Path, now: dt.datetime) -> Path | None:
    """Keep the file being replaced, next to the other copies (never rotated away)."""
    if not database.exists():
        return None
    folder = backup_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{database.stem}-erstattet-{now:%Y%m%d-%H%M%S}.sqlite"
    with open(database, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        try:
            conn = sqlite3.connect(database)
            try:
                _copy(conn, target)
            finally:
                conn.close()
            return target
        except sqlite3.Error:
            pass
    import shutil

    for suffix in ("", "-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            shutil.copyfile(part, target.with_name(target.name + suffix))
    return target
