"""What the window remembers between sessions: where the user left off, the preview's size.

Kept with Qt's settings (an ini file in the user's configuration folder), per database file:
a meeting id means nothing in another database.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from tr_desk.core.landing import Landing, PaneName


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "TR Desk", "TR Desk")


def _group(path: Path) -> str:
    key = str(Path(path).resolve()).encode("utf-8")
    return f"database-{zlib.crc32(key):08x}"


def remembered(path: Path) -> Landing | None:
    """The pane and meeting open when this database was last closed, if any."""
    store = settings()
    store.beginGroup(_group(path))
    pane, meeting = store.value("pane", ""), store.value("meeting", "")
    store.endGroup()
    try:
        name = PaneName(str(pane))
    except ValueError:
        return None
    meeting_id = int(str(meeting)) if str(meeting).isdecimal() else None
    return Landing(name, meeting_id)


def remember(path: Path, landing: Landing) -> None:
    store = settings()
    store.beginGroup(_group(path))
    store.setValue("pane", landing.pane.value)
    store.setValue("meeting", "" if landing.meeting_id is None else str(landing.meeting_id))
    store.endGroup()
    store.sync()


def keep_sizes(splitter: QSplitter, key: str) -> None:
    """The splitter's sizes as the user left them last time; kept as he drags."""
    saved = str(settings().value(f"splitters/{key}", ""))
    sizes = [int(x) for x in saved.split(",") if x.strip().isdecimal()]
    if len(sizes) == splitter.count() and all(size >= 0 for size in sizes) and any(sizes):
        splitter.setSizes(sizes)

    def save(_pos: int, _index: int) -> None:
        settings().setValue(f"splitters/{key}", ",".join(str(s) for s in splitter.sizes()))

    splitter.splitterMoved.connect(save)
