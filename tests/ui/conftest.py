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
