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


@pytest.mark.parametrize(
    "make",
    [
        # another program that also uses sqlite-utils' migrations
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT,"
        " applied_at TEXT); INSERT INTO _sqlite_migrations VALUES (1, 'oppskrifter', 'm001', '')",
        # another program that numbers its schema in user_version
        "CREATE TABLE meeting (id INTEGER); PRAGMA user_version = 3",
        # another program's mark in the header
        "CREATE TABLE t (x); PRAGMA application_id = 1234",
    ],
)  # fmt: skip
def test_a_file_tr_desk_did_not_make_is_never_written(tmp_path: Path, make: str, capsys) -> None:
    """A file that merely had a _sqlite_migrations table was migrated: 20 new tables, user
    version 9 and WAL mode in another program's file."""
    from tr_desk.cli import main

    path = tmp_path / "annet.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(make)
    conn.close()
    before = path.read_bytes()
    for args in (["show", "KF 2022-12-02"], ["demo"], ["backup"]):
        assert main(["--db", str(path), *args]) == 1
        assert "not a TR Desk database" in capsys.readouterr().err
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        Store.open(path, lock=True, check_later=True)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_tr_desk_marks_its_files_and_knows_its_older_ones(db_path: Path) -> None:
    from tr_desk.storage.database import APPLICATION_ID

    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # as made before the mark
    conn.close()
    Store.open(db_path).close()  # known by TR Desk's migrations


def test_a_damaged_rollback_mode_file_keeps_its_header(db_path: Path, capsys) -> None:
    """«show» switched a damaged rollback-mode file to WAL (a header write) before its check."""
    from tests.conftest import load_demo
    from tests.storage.test_backup import damage_page, digest
    from tr_desk.cli import main

    store = Store.open(db_path)
    load_demo(store)
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    damage_page(db_path, 34)
    before = digest(db_path)
    main(["--db", str(db_path), "show", "KF 2022-12-02"])
    main(["--db", str(db_path), "search", "energi"])
    capsys.readouterr()
    assert digest(db_path) == before and not Path(f"{db_path}-wal").exists()


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
