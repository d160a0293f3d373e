"""Typing into a case with the preview on: how long does the event loop stall at worst?

    python benchmarks/typing_stall.py DB        prints {"max_stall_ms": …, "keys": …}

A heartbeat timer fires every 2 ms; a stall is the longest gap between two beats minus that
interval. Keys go into KF 48/22's text (on a history: the fifth case of the meeting being
prepared) at 25 a second (a brisk typist) for four seconds, so
the autosave and the off-thread preview render run many times while typing goes on.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from attendance_keys import probe_meeting
from case_click import open_window
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

BEAT_MS = 2
KEY_MS = 40
SECONDS = 4.0


def main() -> None:
    app = QApplication([])
    # the user looks at the window for a moment before opening a case
    store, window = open_window(app, sys.argv[1], look_s=1.0)
    window.show_pane("Sakliste")
    pane = window.agenda
    kf = store.register.body_by_prefix("KF")
    assert kf is not None and kf.id is not None
    pane.fill_meetings(probe_meeting(store, kf.id))
    pane.list.setCurrentIndex(pane.agenda.index(4))  # KF 48/22, the long budget case
    pane.preview_on.setChecked(True)
    editor = pane.editor.text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    pane.preview.wait_idle()
    for _ in range(20):
        app.processEvents()

    beats: list[float] = []
    keys = 0
    text = "Vi foreslår at budsjettet økes med deflator, og at TAM prioriteres. "
    heartbeat = QTimer()
    heartbeat.setInterval(BEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    typist = QTimer()
    typist.setInterval(KEY_MS)

    def type_one() -> None:
        nonlocal keys
        QTest.keyClicks(editor, text[keys % len(text)])
        keys += 1

    typist.timeout.connect(type_one)
    heartbeat.start()
    typist.start()
    QTimer.singleShot(int(SECONDS * 1000), app.quit)
    app.exec()
    typist.stop()
    heartbeat.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
    assert pane.meeting is not None and pane.meeting.id is not None
    typed = text[: min(keys, len(text))].strip()[:20]
    saved = typed in store.meetings.meeting(pane.meeting.id).cases[4].text
    window.close()
    store.close()
    print(json.dumps({"max_stall_ms": round(max(gaps) - BEAT_MS, 1), "keys": keys, "saved": saved}))


if __name__ == "__main__":
    main()
