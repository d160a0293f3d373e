"""What the window paints first when it opens on a meeting or the plan: the meeting's title and
its numbered cases (or the year's meetings), read with plain SQL (``storage.glance``).

The pane itself brings the model, the editor, the check and the preview (half a second of
imports and building); it is built right after this has painted and takes its place, so the
user sees his meeting at once instead of an empty window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from tr_desk.app.database import Store, glance, year_glance
from tr_desk.core.landing import Landing, PaneName


def _short(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class FirstView(QWidget):
    """The meeting's cases (or the plan year's meetings) until the pane is built."""

    def __init__(self, store: Store, landing: Landing, year: int) -> None:
        super().__init__()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget()
        self.list.setMaximumWidth(420)
        waiting = QLabel("Henter …")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.list, 3)
        row.addWidget(waiting, 9)
        layout.addLayout(row, 1)
        seen = glance(store, landing.meeting_id) if landing.meeting_id is not None else None
        if seen is not None:
            self.title.setText(f"{landing.pane.value}: {seen.body} {_short(seen.day)}")
            self.list.addItems(list(seen.cases))
        else:
            self.title.setText(f"{PaneName.PLAN.value} {year}")
            self.list.addItems(
                [f"{prefix}  {_short(day)}" for prefix, day in year_glance(store, year)]
            )
