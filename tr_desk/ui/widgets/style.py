"""Small looks without style sheets, which cost start-up and paint time.

The window's first pane uses none of QFont/QPalette (~6 ms to set up in PySide6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QComboBox, QFormLayout

    from tr_desk.core.checks.problems import Problem

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
    label = QLabel()
    set_warning(label, text)
    return label


def set_warning(label: QLabel, text: str, link: tuple[str, str] | None = None) -> None:
    """Put ``text`` in ``label`` as a warning, with a link (target, text) after it; hidden
    when there is nothing to say."""
    import html

    shown = f'<b style="color: {WARNING_COLOUR}">{html.escape(text)}</b>'
    if link is not None:
        shown += f' <a href="{link[0]}">{html.escape(link[1])}</a>'
    label.setText(shown if text else "")
    label.setVisible(bool(text))


def show_problems(problems: Sequence[Problem], items: QListWidget, title: QLabel) -> None:
    """The check's findings as a list («Feil: KF 46/22: …») under «Kontroll: 1 feil, …»."""
    from tr_desk.core.checks.problems import summary

    items.clear()
    for problem in problems:
        items.addItem(f"{problem.severity.label}: {problem.where}: {problem.message}")
    title.setText(f"Kontroll: {summary(problems)}" if problems else "Kontroll: ingen feil")


def navigation(nav: QListWidget) -> None:
    """The pane list on the left: flat, on the window's own colour, roomy rows."""
    nav.setFrameShape(QFrame.Shape.NoFrame)
    nav.viewport().setAutoFillBackground(False)
    nav.setSpacing(3)


def navigation_item(title: str, nav: QListWidget) -> QListWidgetItem:
    item = QListWidgetItem(title, nav)
    item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
    return item


def reflow(form: QFormLayout) -> QFormLayout:
    """A form that fits the width it gets: a field too narrow beside its label goes below
    it, and fields grow to the column; nothing is wider than the column (no sideways
    scrolling in a narrow window)."""
    from PySide6.QtWidgets import QFormLayout as Form

    form.setRowWrapPolicy(Form.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(Form.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def narrow(combo: QComboBox, letters: int = 14) -> QComboBox:
    """A combo box as narrow as ``letters`` when the column is; its longest entry is shown in
    the open list, not forced on the form."""
    from PySide6.QtWidgets import QComboBox as Combo

    combo.setSizeAdjustPolicy(Combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo
