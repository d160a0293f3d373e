"""A daily copy of the database, made with SQLite's backup API; the last ten are kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tr_desk.storage.store import Store

BACKUP_FOLDER = "sikkerhetskopier"
KEEP = 10
MAX_AGE = dt.timedelta(days=1)


def backups(store: Store) -> list[Path]:
    """Existing copies of this database, oldest first."""
    folder = store.path.parent / BACKUP_FOLDER
    return sorted(folder.glob(f"{store.path.stem}-*.sqlite"))


def taken_at(copy: Path) -> dt.datetime:
    """When a copy was made, from its name (its file time can change when it is copied)."""
    try:
        return dt.datetime.strptime(copy.stem.rsplit("-", 2)[-2] + copy.stem[-6:], "%Y%m%d%H%M%S")
    except ValueError:
        return dt.datetime.fromtimestamp(copy.stat().st_mtime)


def backup_if_due(store: Store, now: dt.datetime | None = None) -> Path | None:
    """Copy the database when the newest copy is older than a day; returns the new copy."""
    now = now or dt.datetime.now()
    existing = backups(store)
    if existing and now - taken_at(existing[-1]) < MAX_AGE:
        return None
    folder = store.path.parent / BACKUP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{store.path.stem}-{now:%Y%m%d-%H%M%S}.sqlite"
    partial = target.with_suffix(".partial")
    with sqlite3.connect(partial) as copy:
        store.conn.backup(copy)
    copy.close()
    partial.replace(target)
    for old in backups(store)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target
