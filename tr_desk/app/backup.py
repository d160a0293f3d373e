"""Backups: one now (Fil › Ta sikkerhetskopi), the daily one after the start, and putting one
back (Fil › Gjenopprett; the current file is kept as a backup first)."""

from __future__ import annotations

from tr_desk.storage.backup import backup_file_if_due as backup_file_if_due
from tr_desk.storage.backup import backup_folder as backup_folder
from tr_desk.storage.backup import make_backup as make_backup
from tr_desk.storage.backup import newest_sound_backup as newest_sound_backup
from tr_desk.storage.backup import restore as restore

__all__ = [
    "backup_file_if_due", "backup_folder", "make_backup", "newest_sound_backup", "restore",
]  # fmt: skip
