"""Rediger › Finn i ruten (Ctrl+Shift+F): find in the text being written, or in the pane's list.

A bar at the foot of the window: typing jumps to the first match, Enter to the next one,
Esc closes it and gives the focus back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


def find_in_view(view: QAbstractItemView, text: str, after: bool) -> bool:
    """Select the next row of ``view`` (wrapping) with ``text`` in any column; False if none."""
    model = view.model()
    if model is None or not text:
        return False
    rows = model.rowCount(QModelIndex())
    # A list model hides columnCount; the columns are those with a valid index.
    columns = next((c for c in range(1, 32) if not model.index(0, c).isValid()), 32)
    if not rows:
        return False
    current = view.currentIndex().row()
    start = current + 1 if after and current >= 0 else max(current, 0)
    needle = text.casefold()
    for step in range(rows):
        row = (start + step) % rows
        for column in range(columns):
            shown = model.data(model.index(row, column))
            if isinstance(shown, str) and needle in shown.casefold():
                view.setCurrentIndex(model.index(row, 0, QModelIndex()))
                view.scrollTo(view.currentIndex())
                return True
    return False


def find_in_text(edit: QTextEdit | QPlainTextEdit, text: str, after: bool) -> bool:
    """Select the next occurrence of ``text`` in ``edit`` (wrapping); False if none."""
    cursor = edit.textCursor()
    if not after:  # typing: search again from where the match starts
        cursor.setPosition(cursor.selectionStart())
        edit.setTextCursor(cursor)
    if edit.find(text):
        return True
    cursor.movePosition(cursor.MoveOperation.Start)
    edit.setTextCursor(cursor)
    return edit.find(text)


class FindBar(QWidget):
    """The search bar; ``target`` gives the text field or list to search in."""

    def __init__(self, target: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._target = target
        self._searched: QWidget | None = None
        self.field = QLineEdit()
        self.field.setPlaceholderText("Finn i teksten eller listen …")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(lambda _: self.search(after=False))
        self.field.returnPressed.connect(lambda: self.search(after=True))
        self.field.installEventFilter(self)
        self.result = QLabel()
        next_button = QPushButton("Neste")
        next_button.setToolTip("Neste treff (Enter)")
        next_button.clicked.connect(lambda: self.search(after=True))
        close = QPushButton("Lukk")
        close.setToolTip("Lukk søket (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Finn:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.result)
        layout.addWidget(next_button)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self._searched = self._target()
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        if self._searched is not None:
            self._searched.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import Qt

        if (
            isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
            and (event.key() == Qt.Key.Key_Escape)
        ):
            self.close_bar()
            return True
        return False

    def search(self, after: bool) -> bool:
        text = self.field.text()
        target = self._searched
        if not text or target is None:
            self.result.setText("")
            return False
        if isinstance(target, QTextEdit | QPlainTextEdit):
            found = find_in_text(target, text, after)
        elif isinstance(target, QAbstractItemView):
            found = find_in_view(target, text, after)
        else:
            found = False
        self.result.setText("" if found else "Ikke funnet")
        return found
