"""Killing the program right after an edit shows as saved loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tr_desk.storage.store import Store

DRIVER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from tr_desk.storage.store import Store
    from tr_desk.ui.window.main_window import MainWindow

    app = QApplication([])
    store = Store.open(sys.argv[1], lock=True)
    window = MainWindow(store)
    window.show()
    page = window.register.people
    person = next(p for p in store.register.people() if p.name == "Hans Kringstad")
    page.select(person.id)
    page.title.setText("Rådgiver, skrevet rett før krasjet")
    page.email.setText("hans.kringstad@trondheim.kommune.no")
    page.title.editingFinished.emit()
    page.email.editingFinished.emit()
    assert "lagret kl." in window.statusBar().currentMessage()
    print("ACK", flush=True)
    app.exec()  # the test kills us here, mid-session
    """
)


# During the meeting: notes typed key by key, no Save button; killed once shown as saved.
NOTES_DRIVER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tr_desk.storage.store import Store
    from tr_desk.ui.window.main_window import MainWindow

    app = QApplication([])
    store = Store.open(sys.argv[1], lock=True)
    window = MainWindow(store)
    window.show()
    body = store.register.body_by_prefix("KF")
    window.current_meeting_id = next(m.id for m in store.meetings.headers(body.id) if m.date.month == 12)
    window.show_pane("Møte")
    pane = window.meeting_pane
    pane.select_case(3)
    pane.editor.notes.setFocus()
    QTest.keyClicks(pane.editor.notes, "Viktig med felles møteplass før krasjet")
    deadline = time.monotonic() + 1.0
    while not pane.saved_label.text().startswith("Alt er lagret"):
        assert time.monotonic() < deadline, "not saved within a second"
        app.processEvents()
        time.sleep(0.005)
    print("ACK", flush=True)
    app.exec()  # the test kills us here, mid-meeting
    """
)


def run_and_kill(tmp_path: Path, driver: str, db: Path) -> None:
    script = tmp_path / "driver.py"
    script.write_text(driver, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, str(script), str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env, text=True,
    ) as process:  # fmt: skip
        try:
            line = process.stdout.readline()
            assert line.strip() == "ACK", process.stderr.read()
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_after_an_acknowledged_edit(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    Store.open(db).close()
    run_and_kill(tmp_path, DRIVER, db)

    store = Store.open(db, lock=True)
    try:
        assert not store.readonly  # the dead process's lock went with it
        hans = next(p for p in store.register.people() if p.name == "Hans Kringstad")
        assert hans.title == "Rådgiver, skrevet rett før krasjet"
        assert hans.email == "hans.kringstad@trondheim.kommune.no"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_while_taking_notes_in_the_meeting(tmp_path: Path) -> None:
    from tests.conftest import load_demo

    db = tmp_path / "crash.sqlite"
    store = Store.open(db)
    load_demo(store)
    store.close()
    run_and_kill(tmp_path, NOTES_DRIVER, db)
    store = Store.open(db, lock=True)
    try:
        assert not store.readonly
        body = store.register.body_by_prefix("KF")
        meeting = next(m for m in store.meetings.headers(body.id) if m.date.month == 12)
        case = store.meetings.meeting(meeting.id).cases[3]
        assert case.notes == "Viktig med felles møteplass før krasjet"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
