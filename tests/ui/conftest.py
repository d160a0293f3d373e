"""Window fixtures; message boxes are answered by the test instead of blocking it."""

from __future__ import annotations

import pytest

from tr_desk.ui.widgets import dialogs as ui_dialogs
from tr_desk.ui.window.main_window import MainWindow


class Dialogs:
    """Records what the window told the user, and answers its questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.messages: list[str] = []
        self.confirm = True
        self.text_reply: str | None = None
        self.choice: str | None = None

        def tell(_parent, text, *args, **kwargs) -> None:
            self.messages.append(text)

        def confirm(_parent, _title, text, _action) -> bool:
            self.messages.append(text)
            return self.confirm

        for name in ("tell", "warn", "fail"):
            monkeypatch.setattr(ui_dialogs, name, tell)
        monkeypatch.setattr(ui_dialogs, "confirm", confirm)
        monkeypatch.setattr(ui_dialogs, "ask_text", lambda *a, **k: self.text_reply)

        def choose(_parent, _title, text, _choices) -> str | None:
            self.messages.append(text)
            return self.choice

        monkeypatch.setattr(ui_dialogs, "choose", choose)
        self.files: list[str] = []  # what the file dialog answers (empty: cancelled)
        self.file_titles: list[str] = []

        def choose_files(_parent, title, *args, **kwargs) -> list[str]:
            self.file_titles.append(title)
            return list(self.files)

        monkeypatch.setattr(ui_dialogs, "choose_files", choose_files)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file dialog a test did not answer fails it, never hangs it."""
    from PySide6.QtWidgets import QFileDialog

    def refuse(dialog, *args, **kwargs):
        raise AssertionError(f"a modal dialog would wait for the user: {dialog.windowTitle()}")

    monkeypatch.setattr(QFileDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """What the window remembers (last pane, preview size) goes to a folder of the test's own."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, store, dialogs) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    if window.stack.currentWidget() is getattr(window, "welcome", None):
        window.show_pane("Register")  # past the welcome of an empty database
    return window
