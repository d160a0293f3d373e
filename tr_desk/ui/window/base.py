"""What the parts of the main window (menus, status line, files, navigation) ask of it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import (
        QListWidget,
        QMenu,
        QStackedWidget,
        QVBoxLayout,
        QWidget,
    )

    from tr_desk.app.database import Store
    from tr_desk.ui.agenda.pane import AgendaPane
    from tr_desk.ui.meeting.pane import MeetingPane
    from tr_desk.ui.plan.pane import PlanPane
    from tr_desk.ui.register.pane import RegisterPane
    from tr_desk.ui.search.pane import SearchPane
    from tr_desk.ui.window.find_bar import FindBar


class WindowBase(QMainWindow):
    """The main window as its parts see it: the store, the panes, and the actions the menus
    make (set on the window, where the panes and tests find them). ``MainWindow`` is it."""

    reopen_requested = Signal(str)  # another database (or this one, restored) to open

    store: Store
    undo_stack: QUndoStack
    nav: QListWidget
    stack: QStackedWidget
    outer: QVBoxLayout
    panes_built: dict[str, Any]
    find_bar: FindBar | None
    import_dialog: QWidget | None
    current_meeting_id: int | None
    has_meetings: bool
    plan_year: int
    pane_menu: QMenu
    pane_actions: list[QAction]
    new_meeting_action: QAction
    open_database_action: QAction
    new_database_action: QAction
    import_action: QAction
    archive_action: QAction
    site_action: QAction
    save_pdf_action: QAction
    print_action: QAction
    backup_action: QAction
    restore_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    search_action: QAction
    find_action: QAction
    issue_action: QAction
    start_action: QAction
    approve_action: QAction
    shortcuts_action: QAction

    @property
    def register(self) -> RegisterPane:
        raise NotImplementedError

    @property
    def plan(self) -> PlanPane:
        raise NotImplementedError

    @property
    def agenda(self) -> AgendaPane:
        raise NotImplementedError

    @property
    def meeting_pane(self) -> MeetingPane:
        raise NotImplementedError

    @property
    def search_pane(self) -> SearchPane:
        raise NotImplementedError

    def current_title(self) -> str:
        raise NotImplementedError

    def show_pane(self, title: str) -> None:
        raise NotImplementedError

    def update_actions(self) -> None:
        raise NotImplementedError

    def new_meeting(self) -> None:
        raise NotImplementedError

    def issue_notice(self) -> None:
        raise NotImplementedError

    def start_meeting(self) -> None:
        raise NotImplementedError

    def approve_minutes(self) -> None:
        raise NotImplementedError

    def save_pdf(self) -> None:
        raise NotImplementedError

    def print_document(self) -> None:
        raise NotImplementedError

    def on_undo_index(self, index: int) -> None:
        raise NotImplementedError

    def import_documents(self, paths: Sequence[Path] = ()) -> None: ...
