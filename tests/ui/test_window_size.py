"""The window fits a laptop of 1280×720: every pane, after visiting them all and after
«Godkjenn» (which adds a banner), and the window's own minimum size."""

from __future__ import annotations

from tests.ui.meeting.test_pane import demo_window, meeting_id  # noqa: F401 - fixtures
from tr_desk.ui.window.main_window import MainWindow

SCREEN = (1280, 720)
FRAME = 40  # title bar and the task bar's share of 720 pixels


def fits(window: MainWindow) -> tuple[int, int]:
    hint = window.minimumSizeHint()
    return hint.width(), hint.height()


def test_every_pane_fits_1280_by_720(qtbot, demo_window: MainWindow) -> None:
    demo_window.current_meeting_id = meeting_id(demo_window.store, "KF 2022-09-16")
    titles = ["Møteplan", "Sakliste", "Møte", "Protokoll", "Register"]
    for title in titles:
        demo_window.show_pane(title)
        qtbot.wait(10)
        width, height = fits(demo_window)
        assert width <= SCREEN[0] and height <= SCREEN[1] - FRAME, (title, width, height)
    demo_window.show_pane("Protokoll")
    demo_window.minutes_pane.approve()  # the test's dialogs say yes
    for title in titles:
        demo_window.show_pane(title)
        qtbot.wait(10)
        width, height = fits(demo_window)
        assert width <= SCREEN[0] and height <= SCREEN[1] - FRAME, (title, width, height)


def test_the_window_opens_within_the_screen(qtbot, demo_window: MainWindow) -> None:
    available = demo_window.screen().availableGeometry()
    assert demo_window.width() <= max(available.width(), demo_window.minimumSizeHint().width())
    assert demo_window.height() <= available.height()


def test_fil_takes_a_backup_and_restores_it(qtbot, demo_window: MainWindow, dialogs) -> None:
    """Fil → «Ta sikkerhetskopi nå», then «Gjenopprett …»: the window asks to reopen."""
    from tr_desk.storage import backup

    demo_window.files.backup()
    copies = backup.backups(demo_window.store.path)
    assert len(copies) == 1 and "Sikkerhetskopien er lagret" in dialogs.messages[-1]
    reopened: list[str] = []
    demo_window.reopen_requested.connect(reopened.append)
    assert demo_window.files.restore_from(copies[0])
    assert reopened == [str(demo_window.store.path)]
    assert "gjenopprettet" in dialogs.messages[-1]
    assert backup.is_sound(demo_window.store.path)


def test_fil_ny_database_replaces_an_empty_file(qtbot, demo_window: MainWindow, tmp_path) -> None:
    target = tmp_path / "ny.sqlite"
    target.touch()
    reopened: list[str] = []
    demo_window.reopen_requested.connect(reopened.append)
    assert demo_window.files.open_new_database(target)
    assert reopened == [str(target)] and target.stat().st_size > 0


def test_a_damaged_database_is_never_written_and_its_backup_offered(
    qtbot, tmp_path, dialogs
) -> None:
    """The window checks the file (just after it paints, or when a read fails before);
    nothing is written to a damaged file, and the newest sound backup is offered."""
    import datetime as dt

    from tests.conftest import load_demo
    from tests.storage.test_backup import damage_page, digest
    from tr_desk.storage import backup
    from tr_desk.storage.store import Store
    from tr_desk.ui.app import build_window, offer_restore

    path = tmp_path / "tr.sqlite"
    store = Store.open(path)
    load_demo(store)
    good = backup.make_backup(store, dt.datetime(2022, 12, 1, 9, 0, 0))
    store.close()
    damage_page(path, 34)  # a page of case texts: the first pane still shows
    before = digest(path)
    store = Store.open(path, lock=True, check_later=True)
    window = build_window(store)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.after_start()  # the quick check runs on a thread of its own
    qtbot.waitUntil(lambda: any(good.name in m and "Gjenopprett" in m for m in dialogs.messages))
    window.close()
    assert store.readonly and store.damaged
    store.close()

    assert digest(path) == before
    dialogs.confirm = True
    assert offer_restore(path)
    assert backup.is_sound(path)


def test_the_quick_check_and_the_backup_run_while_the_pane_answers(
    qtbot, tmp_path, dialogs
) -> None:
    from tr_desk.storage.backup import backups
    from tr_desk.storage.store import Store
    from tr_desk.ui.window.main_window import MainWindow

    path = tmp_path / "tr.sqlite"
    Store.open(path).close()
    store = Store.open(path, lock=True, check_later=True)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.after_start()
    # Back on the GUI thread at once: the check's answer comes through the event loop.
    assert store.unchecked and backups(path) == []
    qtbot.waitUntil(lambda: not store.unchecked and len(backups(path)) == 1)
    assert not store.readonly and dialogs.messages == []
    store.close()


def cut_or_scrolled(window: MainWindow) -> list[str]:
    """Forms scrolled sideways (a visible horizontal scroll bar on a QScrollArea) and widgets
    reaching past the right edge of the widget that holds them, in what is shown now."""
    from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget

    found = []
    for area in window.findChildren(QScrollArea):
        if not area.isVisible() or area.widget() is None:
            continue
        if area.horizontalScrollBar().isVisible():
            found.append(f"sideways scroll bar in {area.widget().__class__.__name__}")
        if area.widget().width() > area.viewport().width() + 1:  # its scroll bar turned off
            found.append(f"{area.widget().__class__.__name__} wider than its column")
    scrolled = {a.viewport() for a in window.findChildren(QAbstractScrollArea)}
    for widget in window.findChildren(QWidget):
        parent = widget.parentWidget()
        if not widget.isVisible() or parent is None or parent in scrolled or widget.isWindow():
            continue
        if widget.geometry().right() > parent.width() + 1:
            name = getattr(widget, "text", lambda: "")
            label = name() if callable(name) else ""
            found.append(
                f"{widget.__class__.__name__} «{str(label)[:30]}» ends at "
                f"{widget.geometry().right()} in {parent.__class__.__name__} of {parent.width()}"
            )
    return found


def test_no_form_scrolls_sideways_and_nothing_is_cut_at_the_right(
    qtbot, demo_window: MainWindow
) -> None:
    """Every pane at 1280×720 and 1366×768: the Sakliste's editor reflows to its column."""
    demo_window.current_meeting_id = meeting_id(demo_window.store, "KF 2022-12-02")
    for width, height in ((1280, 720), (1366, 768)):
        demo_window.resize(width, height - FRAME)
        for title in ("Møteplan", "Sakliste", "Møte", "Protokoll", "Register", "Søk", "Oppfølging"):
            demo_window.show_pane(title)
            qtbot.wait(20)
            assert cut_or_scrolled(demo_window) == [], (width, title)
