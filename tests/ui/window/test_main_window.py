"""The window as a whole: opening a meeting in any pane only reads."""

from __future__ import annotations

from tests.conftest import load_demo
from tr_desk.core.model import MeetingStatus
from tr_desk.ui.window.main_window import MainWindow


def test_opening_every_meeting_in_every_pane_writes_nothing(qtbot, window: MainWindow) -> None:
    store = window.store
    load_demo(store)
    window.plan.refresh()
    conn = store.db.conn
    before, steps = conn.total_changes, window.undo_stack.count()
    headers = store.meetings.headers()
    assert {m.status for m in headers} >= {MeetingStatus.PLANNED, MeetingStatus.HELD}
    for pane in ("Møteplan", "Sakliste", "Møte", "Protokoll", "Register"):
        window.show_pane(pane)
        for meeting in headers:
            assert meeting.id is not None
            window.current_meeting_id = meeting.id
            window.show_pane("Register" if pane != "Register" else "Møteplan")
            window.show_pane(pane)
            qtbot.wait(1)
            if pane in ("Sakliste", "Møte", "Protokoll"):
                shown = window._pane(pane).meeting
                assert shown is not None and shown.id == meeting.id, (pane, meeting)
    assert conn.total_changes == before, "opening a meeting wrote to the database"
    assert window.undo_stack.count() == steps
    store.settings.set_setting("probe", "1")  # the count does see a write
    assert conn.total_changes > before
