"""Screenshots of every pane and the welcome at 1280×720 and 1366×768, from the demo, into
docs/ (the README shows them). Runs offscreen, so CI can run it:

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [OUT_DIR]

The demo is opened on its own day (the KF meeting of 02.12.2022 being prepared), so the
panes show what a user sees in the middle of the work, not an empty year.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1280, 720), (1366, 768))
FRAME = 40  # the title bar and the task bar's share of the screen's height
PANES = {
    "Møteplan": "moteplan", "Sakliste": "sakliste", "Møte": "mote", "Protokoll": "protokoll",
    "Register": "register", "Søk": "sok", "Oppfølging": "oppfolging",
}  # fmt: skip
DEMO_DAY = dt.date(2022, 11, 25)
KF_MEETING = dt.date(2022, 12, 2)


def settle(app: object, window: object, title: str) -> None:
    """Let the pane paint; the Sakliste's preview is rendered by a worker: wait for it."""
    import time

    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    if title == "Sakliste":
        preview = window.agenda.preview  # type: ignore[attr-defined]
        preview.show_data(window.agenda.state.notice, now=True)  # type: ignore[attr-defined]
        for _ in range(100):
            preview.wait_idle()
            QApplication.processEvents()
            if preview.status.text() or preview._document is not None:
                break
            time.sleep(0.05)
        for _ in range(5):
            time.sleep(0.05)
            QApplication.processEvents()


def shoot(out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tr_desk.app.database import Store
    from tr_desk.app.meeting_files import load_demo
    from tr_desk.core.clock import fixed_clock
    from tr_desk.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    made: list[Path] = []
    # One fixed folder (the status bar shows the database's path): the same pictures each run.
    home = Path(tempfile.gettempdir()) / "tr-desk-screenshots"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    try:
        # Settings of our own: what a user's window remembered does not change the pictures.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        store = Store.open(home / "tr-desk-demo.sqlite", clock=fixed_clock(DEMO_DAY))
        load_demo(store)
        kf = store.register.body_by_prefix("KF")
        kf_meeting = store.meetings.meeting_id(kf.id, KF_MEETING)
        for width, height in SIZES:
            window = MainWindow(store, today=DEMO_DAY)
            window.resize(width, height - FRAME)
            window.show()
            app.processEvents()
            window.current_meeting_id = kf_meeting
            for title, stem in PANES.items():
                window.show_pane(title)
                settle(app, window, title)
                path = out / f"{stem}-{width}x{height}.png"
                window.grab().save(str(path))
                made.append(path)
            window.close()
            window.deleteLater()
            app.processEvents()
        store.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return made


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for path in shoot(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
