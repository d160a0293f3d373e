"""Small looks set through fonts and palettes: style sheets cost start-up and paint time."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem

NAV_ITEM_HEIGHT = 38
WARNING_COLOUR = "#b00020"


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def muted(label: QLabel) -> QLabel:
    """A hint: the placeholder colour of the platform's palette."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def warning(text: str) -> QLabel:
    """A red, bold message (read-only database and the like)."""
    return QLabel(f'<b style="color: {WARNING_COLOUR}">{html.escape(text)}</b>')


def navigation(nav: QListWidget) -> None:
    """The pane list on the left: flat, on the window colour, a little larger text."""
    nav.setFrameShape(QFrame.Shape.NoFrame)
    # A background role, not QPalette.setColor: the latter wakes PySide6's Qt enums (~40 ms).
    nav.viewport().setBackgroundRole(QPalette.ColorRole.Window)
    font = QFont(nav.font())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    nav.setFont(font)
    nav.setSpacing(3)


def navigation_item(title: str, nav: QListWidget) -> QListWidgetItem:
    item = QListWidgetItem(title, nav)
    item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
    return item
