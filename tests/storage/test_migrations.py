"""The schema's migrations: the version counts them, an old database is brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tr_desk.core.model import Person
from tr_desk.storage.database import SCHEMA_VERSION
from tr_desk.storage.store import Store


def test_schema_version_counts_the_migrations() -> None:
    from tr_desk.storage.migrations import MIGRATIONS

    assert len(MIGRATIONS._migrations) == SCHEMA_VERSION


def test_upgrade_from_the_first_schema_keeps_everything(tmp_path: Path) -> None:
    """A database made by the first release (schema 1) opens, is upgraded, and loses nothing."""
    from sqlite_utils import Database

    from tr_desk.storage import migrations

    path = tmp_path / "old.sqlite"
    old = Store(sqlite3.connect(path, isolation_level=None), path)
    old.conn.row_factory = sqlite3.Row
    db = Database(old.conn, execute_plugins=False)
    migrations.MIGRATIONS.apply(db, stop_before="m002_notice_revisions")
    db.execute("PRAGMA user_version = 1")
    db["body"].insert(  # as the first release wrote it: no column of a later schema
        {"prefix": "KF", "name": "Kommunedirektørforum", "minutes_kind": "referat"}
    )
    old.register.add_person(Person(None, "Fra gammel versjon"))
    old.conn.close()

    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert any(p.name == "Fra gammel versjon" for p in store.register.people())
    assert store.minutes.revisions(1) == []
    kf = store.register.body_by_prefix("KF")
    assert kf is not None and not kf.elected
    store.close()
