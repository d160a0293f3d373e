"""What the window paints first when it opens on a meeting or the plan: the meeting's title and
its cases (or the year's meetings), read in a few milliseconds with plain widgets.

The pane itself brings the editor, the check and the preview (half a second of imports and
building); it is built right after this has painted and takes its place, so the user sees his
meeting at once instead of an empty window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from tr_desk.core.formats import date_short
from tr_desk.core.landing import Landing, PaneName
from tr_desk.storage.store import Store


class FirstView(QWidget):
    """The meeting's cases (or the plan year's meetings) until the pane is built."""

    def __init__(self, store: Store, landing: Landing, year: int) -> None:
        super().__init__()
        self.title = QLabel()
        self.list = QListWidget()
        self.list.setMaximumWidth(420)
        waiting = QLabel("Henter …")
        waiting.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.list, 3)
        row.addWidget(waiting, 9)
        layout.addLayout(row, 1)
        bodies = {b.id: b for b in store.register.bodies()}
        if landing.meeting_id is not None:
            meeting = store.meetings.meeting(landing.meeting_id)
            context = store.context(meeting)
            self.title.setText(
                f"<b>{landing.pane.value}: {context.body.name} {date_short(meeting.date)}</b>"
            )
            self.list.addItems(
                [f"{context.label(i) or '–'}   {c.title}" for i, c in enumerate(meeting.cases)]
            )
        else:
            self.title.setText(f"<b>{PaneName.PLAN.value} {year}</b>")
            self.list.addItems(
                [
                    f"{bodies[m.body_id].prefix}  {date_short(m.date)}"
                    for m in store.meetings.headers(year=year)
                ]
            )
