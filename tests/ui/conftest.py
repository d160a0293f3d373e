"""Window fixtures; message boxes are answered by the test instead of blocking it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tr_desk.ui.main_window import MainWindow


class Dialogs:
    """Records what the window told the user, and answers its questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.messages: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes
        self.text_reply: tuple[str, bool] = ("", False)

        def tell(_parent, _title, text, *args, **kwargs):
            self.messages.append(text)
            return QMessageBox.StandardButton.Ok

        def ask(_parent, _title, text, *args, **kwargs):
            self.messages.append(text)
            return self.answer

        monkeypatch.setattr(QMessageBox, "information", tell)
        monkeypatch.setattr(QMessageBox, "warning", tell)
        monkeypatch.setattr(QMessageBox, "critical", tell)
        monkeypatch.setattr(QMessageBox, "question", ask)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: self.text_reply)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, store, dialogs) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    return window
