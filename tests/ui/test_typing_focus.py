"""A click on a formatting button (or its shortcut) does not steal the typing: in every text
field of Sakliste and Møte, click each button, type on, and find the text — on screen and in
the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

from tests.ui.agenda.test_pane import draft, pane  # noqa: F401 - fixtures
from tests.ui.meeting.test_pane import demo_window, open_meeting  # noqa: F401 - fixtures
from tr_desk.storage.store import Store
from tr_desk.ui.widgets.markdown_edit import MarkdownEdit
from tr_desk.ui.window.main_window import MainWindow


def bar_of(edit: MarkdownEdit) -> QToolBar | None:
    """The formatting bar right above ``edit`` in its layout, if it has one."""
    parent = edit.parentWidget()
    assert parent is not None
    for bar in parent.findChildren(QToolBar):
        if any(a.toolTip().startswith("Fet") for a in bar.actions()):
            edge = bar.geometry().bottom()
            if (
                abs(edge - edit.geometry().top()) < 8
                and bar.geometry().left() == edit.geometry().left()
            ):
                return bar
    return None


def type_through_the_bar(qtbot, edit: MarkdownEdit) -> list[str]:
    """Click each button and type a word after it; returns the words typed."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    words = ["start"]
    qtbot.keyClicks(edit, " start")
    bar = bar_of(edit)
    if bar is not None:
        for n, action in enumerate(bar.actions()):
            button = bar.widgetForAction(action)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            focus = QApplication.focusWidget()
            assert focus is edit, f"«{action.text()}» left the focus on {focus}"
            word = f"ord{n}x"
            qtbot.keyClicks(focus, f" {word}")
            words.append(word)
    for n, keys in enumerate(("Ctrl+B", "Ctrl+I", "Ctrl+Shift+L", "Ctrl+Shift+7")):
        modifiers = Qt.KeyboardModifier.ControlModifier
        if "Shift" in keys:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        key = {"B": Qt.Key.Key_B, "I": Qt.Key.Key_I, "L": Qt.Key.Key_L, "7": Qt.Key.Key_7}[keys[-1]]
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        assert QApplication.focusWidget() is edit, keys
        word = f"tast{n}x"
        qtbot.keyClicks(QApplication.focusWidget(), f" {word}")
        words.append(word)
    return words


def saved_text(store: Store, meeting_id: int, index: int, field: str) -> str:
    return str(getattr(store.meetings.meeting(meeting_id).cases[index], field))


@pytest.mark.parametrize("field", ["text", "proposal"])
def test_sakliste_fields_keep_the_typing(
    qtbot, pane, window: MainWindow, draft: int, field: str
) -> None:
    pane.list.setCurrentIndex(pane.agenda.index(1))
    edit = getattr(pane.editor, field)
    assert isinstance(edit, MarkdownEdit)
    words = type_through_the_bar(qtbot, edit)
    shown = edit.toPlainText()
    assert all(w in shown for w in words), shown
    qtbot.waitUntil(
        lambda: all(w in saved_text(window.store, draft, 1, field) for w in words), timeout=3000
    )


@pytest.mark.parametrize("field", ["introduction", "notes", "resolution"])
def test_mote_fields_keep_the_typing(qtbot, demo_window: MainWindow, field: str) -> None:
    mote = open_meeting(demo_window, "KF 2022-12-02")
    mote.select_case(2)
    edit = getattr(mote.editor, field)
    assert isinstance(edit, MarkdownEdit)
    words = type_through_the_bar(qtbot, edit)
    assert all(w in edit.toPlainText() for w in words), edit.toPlainText()
    meeting_id = mote.meeting.id
    qtbot.waitUntil(
        lambda: all(w in saved_text(demo_window.store, meeting_id, 2, field) for w in words),
        timeout=3000,
    )


def test_som_forslaget_leaves_the_cursor_in_vedtak(qtbot, demo_window: MainWindow) -> None:
    mote = open_meeting(demo_window, "KF 2022-12-02")
    mote.select_case(2)
    qtbot.mouseClick(mote.editor.as_proposed, Qt.MouseButton.LeftButton)
    focus: QWidget | None = QApplication.focusWidget()
    assert focus is mote.editor.resolution
    qtbot.keyClicks(focus, " Tillegg.")
    assert mote.editor.resolution.toPlainText().endswith("Tillegg.")


def test_every_formatted_field_has_its_bar_tested() -> None:
    """The fields above are all the MarkdownEdits of the two editors."""
    from tr_desk.ui.agenda import case_editor
    from tr_desk.ui.meeting import minutes_editor

    source = (case_editor.__file__, minutes_editor.__file__)
    found = set()
    for path in source:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if "= MarkdownEdit(" in line:
                    found.add(line.split("=")[0].strip().removeprefix("self."))
    assert found == {"text", "proposal", "introduction", "notes", "resolution"}
