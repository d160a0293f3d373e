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


def test_the_demo_opens_where_its_work_is(qtbot, tmp_path) -> None:
    """«Åpne demoen»: on its own day the demo opens on the KF meeting being prepared, not on
    an empty year."""
    from tr_desk.app.database import open_for_window
    from tr_desk.app.meeting_files import load_demo
    from tr_desk.storage.store import Store
    from tr_desk.ui.window.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    with Store.open(path) as store:
        load_demo(store)
    store = open_for_window(path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_view is None)
    assert window.current_title() == "Sakliste"
    assert window.agenda.meetings.currentText().startswith("Kommunedirektørforum 02.12.2022")
    window.close()
    store.close()


def test_handlinger_names_each_action_once_as_a_verb(qtbot, window: MainWindow) -> None:
    """Every pane's Handlinger menu: entries named in words (no «F», «▲», no combo box),
    each name once and meaning one thing, and its access key not Hjelp's."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QToolBar

    from tr_desk.ui.pane import menu_text

    load_demo(window.store)
    keys = [
        a.text().split("&")[1][0].lower() for a in window.menuBar().actions() if "&" in a.text()
    ]
    assert len(keys) == len(set(keys)), keys
    for title in ("Møteplan", "Sakliste", "Møte", "Protokoll", "Register", "Søk", "Oppfølging"):
        window.show_pane(title)
        qtbot.wait(10)
        pane = window.panes_built[title]
        shown = [
            b for b in pane.findChildren(QAbstractButton)
            if b.isVisible() and b.text().strip(" ▾") and not isinstance(b, QCheckBox)
            and not isinstance(b.parentWidget(), QToolBar) and b.window() is window
            and not b.property("menu_skip")
        ]  # fmt: skip
        names = [menu_text(b) for b in shown]
        assert len(names) == len(set(names)), (title, sorted(names))
        for name in names:
            assert len(name) >= 4 and name[0].isalpha(), (title, name)
        window.menus.fill_pane_menu()
        entries = [a.text().replace("&&", "&") for a in window.pane_menu.actions()]
        assert entries == [menu_text(b) for b in pane.menu_actions()] or entries == [
            "Ingen handlinger i denne ruten"
        ]
