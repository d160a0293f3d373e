"""Small looks without style sheets, which cost start-up and paint time.

The window's first pane uses none of QFont/QPalette (~6 ms to set up in PySide6).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem

NAV_ITEM_HEIGHT = 38
WARNING_COLOUR = "#b00020"
MUTED_COLOUR = "#6b6b6b"


def bold(label: QLabel) -> QLabel:
    from PySide6.QtGui import QFont

    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def muted(text: str) -> QLabel:
    """A hint in grey, wrapped."""
    import html

    label = QLabel(f'<span style="color: {MUTED_COLOUR}">{html.escape(text)}</span>')
    label.setWordWrap(True)
    return label


def warning(text: str) -> QLabel:
    """A red, bold message (read-only database and the like)."""
    import html

    return QLabel(f'<b style="color: {WARNING_COLOUR}">{html.escape(text)}</b>')


def navigation(nav: QListWidget) -> None:
    """The pane list on the left: flat, on the window's own colour, roomy rows."""
    nav.setFrameShape(QFrame.Shape.NoFrame)
    nav.viewport().setAutoFillBackground(False)
    nav.setSpacing(3)


def navigation_item(title: str, nav: QListWidget) -> QListWidgetItem:
    item = QListWidgetItem(title, nav)
    item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
    return item
