"""The database file before SQLite touches it, and the lock that keeps one writer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tr_desk.storage.database import (
    SCHEMA_VERSION,
    InstanceLock,
    StoreError,
    check_file,
    made_by_tr_desk,
    schema_state,
)
from tr_desk.storage.store import Store


def test_only_an_sqlite_file_or_no_file_gets_past(tmp_path: Path) -> None:
    check_file(tmp_path / "new.sqlite")  # a new database may be made here
    for name, content in (("empty.sqlite", b""), ("text.sqlite", b"hello, not a database")):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(StoreError):
            check_file(tmp_path / name)
    with pytest.raises(StoreError, match="mappe"):
        check_file(tmp_path)


def test_another_programs_sqlite_file_is_never_ours(tmp_path: Path, db_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT)")
    assert not made_by_tr_desk(conn)
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        schema_state(conn, foreign)
    conn.close()
    Store.open(db_path).close()
    own = sqlite3.connect(db_path)
    assert made_by_tr_desk(own) and schema_state(own, db_path) == SCHEMA_VERSION
    own.close()


def test_one_lock_at_a_time(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "x.sqlite"), InstanceLock(tmp_path / "x.sqlite")
    assert first.acquire()
    assert not second.acquire(wait=0.1)
    first.release()
    assert second.acquire()
    second.release()
