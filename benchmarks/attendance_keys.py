"""Marking attendance by keyboard in the Møte pane: how long does each key take?

    python benchmarks/attendance_keys.py DB     prints {"key_max_ms": …, "key_median_ms": …}

The demo's 2 December 2022 Kommunedirektørforum (on a history: the Kommunedirektørforum
meeting being prepared) gets three more members (twelve in all, as Regionrådet has), nobody
marked. Then one key per member, as during the roll call: T, T, D,
F … down the list. A key's time runs from the key press until its effects are saved and the
window has repainted (roster, quorum per case, the case shown).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tr_desk.core.model import Membership, Person, Role
from tr_desk.storage.store import Store
from tr_desk.ui.window.main_window import MainWindow

KEYS = [Qt.Key.Key_T, Qt.Key.Key_T, Qt.Key.Key_D, Qt.Key.Key_F] * 3


def probe_meeting(store: Store, kf_id: int) -> int:
    """The demo's 2 December 2022 meeting, or on a history the Kommunedirektørforum meeting
    being prepared (the one the window opens on)."""
    from tr_desk.core.model import MeetingStatus

    found = store.meetings.meeting_id(kf_id, dt.date(2022, 12, 2))
    if found is not None:
        return found
    planned = [
        h for h in store.meetings.headers(body_id=kf_id) if h.status is MeetingStatus.PLANNED
    ]
    assert planned and planned[-1].id is not None
    return planned[-1].id


def main() -> None:
    store = Store.open(sys.argv[1], lock=True)
    kf = store.register.body_by_prefix("KF")
    assert kf is not None and kf.id is not None
    meeting_id = probe_meeting(store, kf.id)
    store.minutes.set_attendance(meeting_id, [])
    for name in ("Ola Nordmann", "Kari Nordmann", "Per Hansen"):
        person_id = store.register.add_person(Person(None, name))
        store.register.add_membership(
            Membership(None, person_id, kf.id, Role.MEMBER, dt.date(2022, 1, 1))
        )

    app = QApplication([])
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    window.current_meeting_id = meeting_id
    window.show_pane("Møte")
    pane = window.meeting_pane
    for _ in range(50):  # the pane is on screen a moment before the roll call starts
        app.processEvents()
        time.sleep(0.01)
    assert pane.roll.rowCount() == 12, pane.roll.rowCount()
    pane.roster.setFocus()
    pane.select_row(0)
    times = []
    for key in KEYS:
        t0 = time.perf_counter()
        QTest.keyClick(pane.roster, key)
        app.processEvents()  # the repaint
        times.append((time.perf_counter() - t0) * 1000)
    marked = len(store.meetings.meeting(meeting_id).attendance)
    window.close()
    store.close()
    print(
        json.dumps(
            {
                "key_max_ms": round(max(times), 1),
                "key_median_ms": round(statistics.median(times), 1),
                "marked": marked,
                "times": [round(t, 1) for t in times],
            }
        )
    )


if __name__ == "__main__":
    main()
