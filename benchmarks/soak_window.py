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

from functools import partial

from case_click import Stretches, choose_each
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from tr_desk.core.model import CaseKind, MeetingStatus
from tr_desk.storage.store import Store
from tr_desk.ui.window.main_window import PANES, MainWindow


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


def in_loop(stretches: Labelled, step: str, action: object, seconds: float = 0.3) -> None:
    """Do ``action`` from the event loop (as a click does) and let the loop run ``seconds``."""
    stretches.step = step
    loop = QEventLoop()
    QTimer.singleShot(0, action)  # type: ignore[call-overload]
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication([])
    store = Store.open(sys.argv[1], lock=True, check_later=True)
    stretches = Labelled()
    stretches.on = True
    window = MainWindow(store)
    window.resize(1366, 768)
    window.first_painted.connect(window.after_start)  # as the app does
    in_loop(stretches, "first paint, the pane, the start chores", window.show, 1.5)
    steps = 0
    for title in PANES:
        in_loop(stretches, f"open {title}", partial(window.show_pane, title))
        steps += 1
    headers = store.meetings.headers()
    upcoming = next(h for h in reversed(headers) if h.status is MeetingStatus.PLANNED)
    window.current_meeting_id = upcoming.id
    in_loop(stretches, "Sakliste of the upcoming meeting", partial(window.show_pane, "Sakliste"))
    agenda = window.agenda
    in_loop(stretches, "the upcoming meeting", partial(agenda.fill_meetings, upcoming.id))
    stretches.step = "choose a case"
    steps += choose_each(
        app, stretches, agenda.editor.thread_view, agenda.select_case, agenda.agenda.rowCount()
    )
    stretches.on = True
    for n in range(25):
        in_loop(stretches, "choose", partial(agenda.select_case, n % 12), 0.05)
        in_loop(stretches, "add a case", partial(agenda.add_case, CaseKind.ORDINARY), 0.05)
        in_loop(stretches, "undo", window.undo_action.trigger, 0.05)
        in_loop(stretches, "redo", window.redo_action.trigger, 0.05)
        steps += 3
    for title in PANES:
        in_loop(stretches, f"back to {title}", partial(window.show_pane, title))
        steps += 1
    window.close()
    store.close()
    print(json.dumps({
        "longest_busy_ms": round(stretches.longest, 1), "during": stretches.worst,
        "steps": steps, "undo_redo": 50,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
