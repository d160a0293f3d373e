"""The store on real files: the profile, safe opening of bad files, loads, numbers, backups."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tr_desk.core.model import Person
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import ReadOnlyError, Store


def test_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_not_an_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes("Referat fra møte\n".encode() * 10)
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        Store.open(path)
    assert path.read_bytes() == "Referat fra møte\n".encode() * 10


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_newer_version_is_refused_and_left_alone(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="nyere versjon"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_file_opens_read_only(db_path: Path) -> None:
    Store.open(db_path).close()
    db_path.chmod(0o444)
    store = Store.open(db_path)
    assert store.readonly and "skrivebeskyttet" in store.readonly_reason
    with pytest.raises(ReadOnlyError):
        store.register.add_person(Person(None, "X"))
    store.close()


def test_unwritable_file_opens_read_only_even_as_root(db_path: Path, monkeypatch) -> None:
    Store.open(db_path).close()
    real_access = os.access
    monkeypatch.setattr(
        "tr_desk.storage.database.os.access",
        lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
    )
    store = Store.open(db_path, lock=True)
    assert store.readonly and "skrivebeskyttet" in store.readonly_reason
    assert len(store.register.people()) == 20
    with pytest.raises(ReadOnlyError):
        store.register.add_person(Person(None, "X"))
    store.close()


def test_explicit_read_only_refuses_writes(db_path: Path) -> None:
    Store.open(db_path).close()
    store = Store.open(db_path, readonly=True)
    assert len(store.register.bodies()) == 4
    with pytest.raises(ReadOnlyError):
        store.settings.set_setting("x", "y")
    store.close()


def test_second_copy_of_the_app_opens_read_only(db_path: Path) -> None:
    first = Store.open(db_path, lock=True)
    second = Store.open(db_path, lock=True)
    assert not first.readonly
    assert second.readonly and "allerede åpen" in second.readonly_reason
    second.close()
    first.close()
    third = Store.open(db_path, lock=True)
    assert not third.readonly
    third.close()


def test_locked_database_gives_a_clear_message(db_path: Path) -> None:
    store = Store.open(db_path)
    store.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="låst"):
            store.conn.execute("PRAGMA busy_timeout = 100")
            store.register.add_person(Person(None, "Blokkert"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not any(p.name == "Blokkert" for p in store.register.people())
    store.close()
