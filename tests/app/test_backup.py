"""Backups through the application layer: one now, the daily one, and one put back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import kf_meeting
from tr_desk.app.backup import (
    backup_file_if_due,
    backup_folder,
    make_backup,
    newest_sound_backup,
    restore,
)
from tr_desk.app.database import Store

NOON = dt.datetime(2026, 12, 1, 12, 0)


def test_a_backup_made_now_is_put_back_and_the_current_file_kept(db_path: Path) -> None:
    from tr_desk.app.meeting_files import load_demo

    with Store.open(db_path) as store:
        load_demo(store)
        copy = make_backup(store, NOON)
        assert copy.parent == backup_folder(db_path) and newest_sound_backup(db_path) == copy
        meeting = kf_meeting(store, "2022-06-03")
        with store.transaction() as db:
            db.execute("UPDATE meeting SET place = 'Endret' WHERE id = ?", [meeting.id])
    kept = restore(db_path, copy, NOON + dt.timedelta(minutes=5))
    assert kept is not None and kept.is_file()
    with Store.open(db_path) as store:
        assert kf_meeting(store, "2022-06-03").place != "Endret"


def test_the_daily_backup_is_made_once_a_day(db_path: Path) -> None:
    Store.open(db_path).close()
    first = backup_file_if_due(db_path, NOON)
    assert first is not None
    assert backup_file_if_due(db_path, NOON + dt.timedelta(hours=2)) is None
    assert backup_file_if_due(db_path, NOON + dt.timedelta(days=1)) is not None
