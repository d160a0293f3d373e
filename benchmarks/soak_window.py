"""A long history used as a user would, for a while: no abort, no stall.

    python benchmarks/soak_window.py DB     prints {"longest_busy_ms": …, "steps": …, …}

Opens the window on DB (its start chores running), visits every pane, chooses every case of
the upcoming meeting, adds and removes cases with 50 undo and redo steps, visits every pane
again. The longest busy stretch of the event loop (from waking to going back to sleep) is
reported with what was being done; the process ends normally or the run has failed.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from case_click import Stretches, choose_each, settle
from PySide6.QtWidgets import QApplication

from tr_desk.core.model import CaseKind, MeetingStatus
from tr_desk.storage.store import Store
from tr_desk.ui.main_window import PANES, MainWindow


class Labelled(Stretches):
    """Busy stretches with the step that was going on."""

    def __init__(self) -> None:
        super().__init__()
        self.step = ""
        self.worst = ""

    def _on_block(self) -> None:
        before = self.longest
        super()._on_block()
        if self.longest > before:
            self.worst = self.step


def main() -> None:
    app = QApplication([])
    store = Store.open(sys.argv[1], lock=True, check_later=True)
    stretches = Labelled()
    stretches.on = True
    stretches.step = "start"
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    while window.first_view is not None:
        app.processEvents()
    window.after_start()
    settle(app, 1.0)
    steps = 0
    for title in PANES:
        stretches.step = f"open {title}"
        window.show_pane(title)
        settle(app)
        steps += 1
    headers = store.meetings.headers()
    upcoming = next(h for h in reversed(headers) if h.status is MeetingStatus.PLANNED)
    window.current_meeting_id = upcoming.id
    stretches.step = "Sakliste of the upcoming meeting"
    window.show_pane("Sakliste")
    agenda = window.agenda
    agenda.fill_meetings(upcoming.id)
    settle(app)
    stretches.step = "choose a case"
    steps += choose_each(
        app, stretches, agenda.editor.thread_view, agenda.select_case, agenda.agenda.rowCount()
    )
    stretches.on = True
    for n in range(25):
        stretches.step = "add a case, undo, redo"
        agenda.select_case(n % agenda.agenda.rowCount())
        agenda.add_case(CaseKind.ORDINARY)
        app.processEvents()
        window.undo_action.trigger()
        app.processEvents()
        window.redo_action.trigger()
        app.processEvents()
        steps += 3
    settle(app)
    for title in PANES:
        stretches.step = f"back to {title}"
        window.show_pane(title)
        settle(app)
        steps += 1
    window.close()
    store.close()
    print(json.dumps({
        "longest_busy_ms": round(stretches.longest, 1), "during": stretches.worst,
        "steps": steps, "undo_redo": 50,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
