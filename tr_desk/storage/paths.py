"""Where TR Desk keeps its data and finds its resources."""

from __future__ import annotations

from pathlib import Path

from tr_desk.resources import resources_dir

__all__ = ["default_database_path", "resources_dir"]

APP_NAME = "TR Desk"
DB_FILENAME = "tr-desk.sqlite"
# The folders TR Desk keeps beside the database.
BACKUP_FOLDER = "sikkerhetskopier"
ATTACHMENT_FOLDER = "vedlegg"
SOURCE_FOLDER = "kilder"
NOTICE_FOLDER = "innkallinger"
# SQLite's files beside the database, and TR Desk's lock.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


DEMO_FILENAME = "tr-desk-demo.sqlite"  # the demo beside the user's database, never in it


def demo_database_path(database: Path | None = None) -> Path:
    """The demo's own file, beside ``database`` (default: the user's)."""
    return (database or default_database_path()).with_name(DEMO_FILENAME)


def belongs_to_database(path: Path, database: Path) -> bool:
    """``path`` is the database, one of SQLite's files or the lock beside it, or lies in a
    folder TR Desk keeps beside it: an output written there would destroy data."""
    try:
        target = path.expanduser().resolve()
        db = database.expanduser().resolve()
    except (OSError, RuntimeError):
        return False
    if target in {db, *(db.with_name(db.name + s) for s in COMPANION_SUFFIXES)}:
        return True
    folders = (BACKUP_FOLDER, ATTACHMENT_FOLDER, SOURCE_FOLDER, NOTICE_FOLDER)
    return any(target.is_relative_to(db.parent / folder) for folder in folders)
