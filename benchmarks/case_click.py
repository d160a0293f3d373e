"""Choosing cases on a long history: the GUI thread's longest busy stretch.

    python benchmarks/case_click.py DB      prints {"case_click_max_ms": …, "cases": …}

Every case of the upcoming meeting in the Sakliste, then every case of 20 held meetings
spread over the history in Møte, one after another as a user clicks down a list. A busy
stretch runs from the event loop waking until it is about to sleep again (the dispatcher's
``awake`` and ``aboutToBlock``): the choice, the editor filled, and — as a stretch of its
own — the saksgang painted when its reader thread delivers it. The reader's own work, on its
thread, is not the window's time. Each case waits for its saksgang before the next.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from tr_desk.core.model import MeetingStatus
from tr_desk.storage.store import Store
from tr_desk.ui.window.main_window import MainWindow

HELD_MEETINGS = 20
WAIT_S = 10.0


class Stretches:
    """The event loop's busy stretches while ``on``."""

    def __init__(self) -> None:
        self.on = False
        self.longest = 0.0
        self._woke = time.perf_counter()
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.awake.connect(self._on_awake)
        dispatcher.aboutToBlock.connect(self._on_block)

    def _on_awake(self) -> None:
        self._woke = time.perf_counter()

    def _on_block(self) -> None:
        if self.on:
            self.longest = max(self.longest, (time.perf_counter() - self._woke) * 1000)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let what opening a meeting started (paint, check, preview) finish before choosing."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def choose_each(app: QApplication, stretches: Stretches, view, choose, rows: int) -> int:
    """Choose rows 0 … rows-1 by ``choose(row)`` posted to the loop; wait for each saksgang."""
    done = 0
    for row in range(rows):
        loop = QEventLoop()
        view.shown.connect(loop.quit)
        QTimer.singleShot(0, lambda row=row: choose(row))
        QTimer.singleShot(int(WAIT_S * 1000), loop.quit)
        stretches.on = True
        loop.exec()
        stretches.on = False
        view.shown.disconnect(loop.quit)
        done += 1
    return done


def open_window(app: QApplication, path: str, look_s: float = 0.5) -> tuple[Store, MainWindow]:
    """The window on ``path`` at 1366×768 as the app opens it (the pane built, the start
    chores run), after the user has looked at it for ``look_s`` seconds."""
    store = Store.open(path, lock=True)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    while window.first_view is not None:
        app.processEvents()
    window.after_start()
    settle(app, look_s)
    return store, window


def main() -> None:
    app = QApplication([])
    store, window = open_window(app, sys.argv[1])
    stretches = Stretches()
    headers = store.meetings.headers()
    upcoming = next(h for h in reversed(headers) if h.status is MeetingStatus.PLANNED)
    window.current_meeting_id = upcoming.id
    window.show_pane("Sakliste")
    agenda = window.agenda
    agenda.fill_meetings(upcoming.id)
    settle(app)
    cases = choose_each(
        app, stretches, agenda.editor.thread_view, agenda.select_case, agenda.agenda.rowCount()
    )
    held = [h for h in headers if h.status is MeetingStatus.APPROVED]
    step = max(1, len(held) // HELD_MEETINGS)
    window.show_pane("Møte")
    pane = window.meeting_pane
    for header in held[::step][:HELD_MEETINGS]:
        pane.fill_meetings(header.id)
        settle(app)

        def choose(row: int) -> None:
            pane.cases.setCurrentIndex(pane.case_list.index(row, 0))

        cases += choose_each(
            app, stretches, pane.editor.thread_view, choose, pane.case_list.rowCount()
        )
    window.close()
    store.close()
    print(json.dumps({"case_click_max_ms": round(stretches.longest, 1), "cases": cases}))


if __name__ == "__main__":
    main()
