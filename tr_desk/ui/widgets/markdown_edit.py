"""A text field with rich text in the window and Markdown in the database, and the small
formatting bar above it (bold, italic, lists, link) with the same shortcuts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QTextCharFormat, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QToolBar, QToolButton, QWidget

from tr_desk.ui.widgets import dialogs


def tool_button(text: str, tip: str = "") -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button


def _markdown_features() -> Any:
    features = QTextDocument.MarkdownFeature
    # GitHub's dialect for tables; no HTML, so «<b>» typed in a text stays text.
    return features.MarkdownDialectGitHub | features.MarkdownNoHTML


class MarkdownEdit(QTextEdit):
    """Rich text in the window, Markdown in the database."""

    # The formatting commands, each with its shortcut; the bar above a field shows the same.
    SHORTCUTS = (
        ("Ctrl+B", "toggle_bold", "Fet skrift i en tekst"),
        ("Ctrl+I", "toggle_italic", "Kursiv i en tekst"),
        ("Ctrl+Shift+L", "bullet_list", "Punktliste i en tekst"),
        ("Ctrl+Shift+7", "numbered_list", "Nummerert liste i en tekst"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        from PySide6.QtGui import QKeySequence

        for keys, method, _text in self.SHORTCUTS:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            # Only while this field has the focus: several fields on a pane, no ambiguity.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(getattr(self, method))
            self.addAction(action)

    def bullet_list(self) -> None:
        self.make_list(QTextListFormat.Style.ListDisc)

    def numbered_list(self) -> None:
        self.make_list(QTextListFormat.Style.ListDecimal)

    def markdown(self) -> str:
        text = self.document().toMarkdown(QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        return text.strip()

    def set_markdown(self, text: str) -> None:
        self.setExtraSelections([])  # a search's marks belong to the text they were made on
        blocked = self.blockSignals(True)
        self.document().setMarkdown(text, _markdown_features())
        self.document().setModified(False)
        self.blockSignals(blocked)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def make_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block_format = cursor.blockFormat()
            current.remove(cursor.block())
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
            return
        cursor.createList(style)

    def insert_link(self) -> None:
        address = dialogs.ask_text(self, "Lenke", "Adresse (https://…):")
        if not address:
            return
        cursor = self.textCursor()
        label = cursor.selectedText() or address
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(address)
        fmt.setFontUnderline(True)
        cursor.insertText(label, fmt)


def formatting_bar(edit: MarkdownEdit) -> QToolBar:
    """The buttons above a text field. They never take the focus, act on that field and give
    it the focus back at once, so typing goes on where the cursor was."""

    bar = QToolBar()
    bar.setIconSize(bar.iconSize() * 0.8)
    bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    actions = [
        ("F", "Fet (Ctrl+B)", edit.toggle_bold),
        ("K", "Kursiv (Ctrl+I)", edit.toggle_italic),
        ("• Punkt", "Punktliste (Ctrl+Shift+L)", edit.bullet_list),
        ("1. Nummer", "Nummerert liste (Ctrl+Shift+7)", edit.numbered_list),
        ("Lenke …", "Sett inn lenke", edit.insert_link),
    ]
    for text, tip, slot in actions:
        action = QAction(text, bar)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False, slot=slot: _act_and_return(edit, slot))
        bar.addAction(action)
        bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return bar


def _act_and_return(edit: MarkdownEdit, slot: Any) -> None:
    slot()
    edit.setFocus()
