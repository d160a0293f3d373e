"""The main window: navigation on the left, one pane at a time, the database in the status bar."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from tr_desk import __version__
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store
from tr_desk.ui import dialogs, style
from tr_desk.ui.commands import StoreCommand
from tr_desk.ui.register_pane import RegisterPane

if TYPE_CHECKING:
    from tr_desk.ui.agenda_pane import AgendaPane
    from tr_desk.ui.meeting_pane import MeetingPane
    from tr_desk.ui.minutes_pane import MinutesPane
    from tr_desk.ui.pane import MeetingView
    from tr_desk.ui.plan_pane import PlanPane

WINDOW_TITLE = "TR Desk – Trondheimsregionen"


class MainWindow(QMainWindow):
    first_painted = Signal()
    reopen_requested = Signal(str)  # the database was replaced: open it again

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._painted = False
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1180, 760)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # a laptop of 1280×720: the whole window on the screen
            self.resize(min(1180, screen.width()), min(760, screen.height() - 40))
        self.undo_stack = QUndoStack(self)
        StoreCommand.report = self._on_store_error

        self.nav = QListWidget()
        self.nav.setFixedWidth(180)
        style.navigation(self.nav)
        self.stack = QStackedWidget()
        self.register = RegisterPane(store, self.undo_stack)
        self.register.saved.connect(self._on_saved)
        # Panes built when first opened: (title, module, class); Register is built at once.
        self._lazy: dict[str, MeetingView | PlanPane] = {}
        self._slots: dict[str, QWidget] = {}
        self.current_meeting_id: int | None = None
        for title in ("Møteplan", "Sakliste", "Møte", "Protokoll"):
            slot = QWidget()
            QHBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots[title] = slot
            self.add_pane(title, slot)
        self.add_pane("Register", self.register)
        self.nav.currentRowChanged.connect(self._on_pane_chosen)
        self.nav.setCurrentRow(4)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self.content_view = self.register.people.list.viewport()
        self.content_view.installEventFilter(self)
        self.first_painted.connect(self.install_shortcuts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """``first_painted`` once the first pane's content is on screen."""
        if watched is self.content_view and not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        for pane in self._lazy.values():
            pane.shutdown()  # saves pending typing, stops the preview
        # QUndoStack clears itself when destroyed and says so; the store is closed by then.
        self.undo_stack.blockSignals(True)
        super().closeEvent(event)

    def install_shortcuts(self) -> None:
        """Keyboard shortcuts, set once the window shows.

        Setting the first shortcut makes PySide6 build the enums of the ``Qt`` namespace
        (~40 ms); nobody presses a key before the window is there, so it waits for the paint.
        """
        from PySide6.QtGui import QKeySequence

        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
            self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
            self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    def _pane(self, title: str) -> MeetingView | PlanPane:
        """A meeting pane, built when first opened (they bring the PDF preview and the check)."""
        pane = self._lazy.get(title)
        if pane is None:
            if title == "Møteplan":
                from tr_desk.ui.plan_pane import PlanPane as PaneClass
            elif title == "Sakliste":
                from tr_desk.ui.agenda_pane import AgendaPane as PaneClass  # type: ignore[assignment]
            elif title == "Møte":
                from tr_desk.ui.meeting_pane import MeetingPane as PaneClass  # type: ignore[assignment]
            else:
                from tr_desk.ui.minutes_pane import MinutesPane as PaneClass  # type: ignore[assignment]
            pane = PaneClass(self.store, self.undo_stack)
            pane.saved.connect(self._on_saved)
            if hasattr(pane, "meeting_opened"):
                pane.meeting_opened.connect(self._on_meeting_opened)
            if hasattr(pane, "open_requested"):
                pane.open_requested.connect(self.open_meeting)
            if hasattr(pane, "problem_chosen"):
                pane.problem_chosen.connect(self.go_to_case)
            self._lazy[title] = pane
            layout = self._slots[title].layout()
            assert layout is not None
            layout.addWidget(pane)
        return pane

    @property
    def plan(self) -> PlanPane:
        return self._pane("Møteplan")  # type: ignore[return-value]

    def show_pane(self, title: str) -> None:
        rows = [self.nav.item(i).text() for i in range(self.nav.count())]
        self.nav.setCurrentRow(rows.index(title))

    def open_meeting(self, meeting_id: int) -> None:
        """From the plan: a held meeting opens in Møte, the others in Sakliste."""
        from tr_desk.core.model import MeetingStatus

        meeting = self.store.meetings.meeting_header(meeting_id)
        self.current_meeting_id = meeting_id
        held = meeting.status in (MeetingStatus.HELD, MeetingStatus.APPROVED)
        self.show_pane("Møte" if held else "Sakliste")

    @property
    def agenda(self) -> AgendaPane:
        return self._pane("Sakliste")  # type: ignore[return-value]

    @property
    def meeting_pane(self) -> MeetingPane:
        return self._pane("Møte")  # type: ignore[return-value]

    @property
    def minutes_pane(self) -> MinutesPane:
        return self._pane("Protokoll")  # type: ignore[return-value]

    def _on_pane_chosen(self, row: int) -> None:
        """Open the pane; a meeting pane shows the meeting the user had open in another."""
        title = self.nav.item(row).text()
        if title in self._slots:
            pane = self._pane(title)
            if hasattr(pane, "show_meeting"):
                pane.show_meeting(self.current_meeting_id)
        self.stack.setCurrentIndex(row)

    def _on_meeting_opened(self, meeting_id: int) -> None:
        self.current_meeting_id = meeting_id

    def go_to_case(self, meeting_id: int, case_index: int, field: str) -> None:
        """From the Protokoll check to the place in the Møte pane where it is put right."""
        self.current_meeting_id = meeting_id
        self.show_pane("Møte")
        pane = self.meeting_pane
        if 0 <= case_index < pane.case_list.rowCount() and pane.meeting is not None:
            pane.select_case(case_index)
            pane.editor.focus_field(field)
        elif field == "attendance":
            pane.roster.setFocus()
        elif field == "held":
            pane.held_start.setFocus()

    def add_pane(self, title: str, pane: QWidget) -> None:
        style.navigation_item(title, self.nav)
        self.stack.addWidget(pane)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Fil")
        self.backup_action = QAction("Ta &sikkerhetskopi nå", self)
        self.backup_action.setToolTip("Lag en kopi av databasen i mappen «sikkerhetskopier»")
        self.backup_action.triggered.connect(self._on_backup)
        file_menu.addAction(self.backup_action)
        self.new_database_action = QAction("&Ny database …", self)
        self.new_database_action.setToolTip("En ny, tom database med Trondheimsregionens organer")
        self.new_database_action.triggered.connect(self._on_new_database)
        file_menu.addAction(self.new_database_action)
        self.restore_action = QAction("&Gjenopprett fra sikkerhetskopi …", self)
        self.restore_action.triggered.connect(self._on_restore)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Avslutt", self)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Rediger")
        self.undo_action = self.undo_stack.createUndoAction(self, "Angre")
        self.redo_action = self.undo_stack.createRedoAction(self, "Gjør om")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.undo_stack.indexChanged.connect(self._on_undo_index)

        help_menu = self.menuBar().addMenu("&Hjelp")
        about = QAction("&Om TR Desk", self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        path = QLabel(f"Database: {self.store.path}")
        self.statusBar().addPermanentWidget(path)
        if self.store.readonly:
            self.statusBar().addWidget(
                style.warning(f"Skrivebeskyttet: {self.store.readonly_reason}")
            )

    def after_start(self) -> None:
        """Chores once the window shows: check the file, say why it is read-only, warm up,
        back up."""
        if not self.store.verify():
            self.statusBar().addWidget(style.warning("Skrivebeskyttet: databasen er skadet"))
        if self.store.readonly:
            dialogs.tell(self, self.store.readonly_reason)
            return
        threading.Thread(target=_warm_up, daemon=True, name="warm-up").start()
        try:
            from tr_desk.storage.backup import backup_if_due

            backup_if_due(self.store)
        except Exception as exc:  # a failed backup must not stop the work; say so
            self.statusBar().showMessage(f"Sikkerhetskopien feilet: {exc}", 15000)

    def _on_saved(self, what: str) -> None:
        self.statusBar().showMessage(f"Lagret {time.strftime('%H:%M:%S')}: {what}", 8000)

    def _on_undo_index(self, _index: int) -> None:
        if not self.undo_stack.isClean():
            self.statusBar().showMessage(f"Lagret {time.strftime('%H:%M:%S')}", 8000)

    def _on_store_error(self, error: StoreError) -> None:
        QTimer.singleShot(0, lambda: dialogs.warn(self, str(error)))

    def _on_backup(self) -> None:
        from tr_desk.storage.backup import make_backup

        try:
            path = make_backup(self.store)
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Sikkerhetskopi")
            return
        self.statusBar().showMessage(f"Sikkerhetskopi lagret: {path.name}", 15000)
        dialogs.tell(self, f"Sikkerhetskopien er lagret som\n{path}", "Sikkerhetskopi")

    def _on_restore(self) -> None:
        """Pick a copy, keep the current file, put the copy in its place and reopen."""
        from tr_desk.storage.backup import backup_folder

        folder = str(backup_folder(self.store.path))
        chosen = dialogs.choose_database(self, "Gjenopprett fra sikkerhetskopi", folder, "Velg")
        if chosen is None:
            return
        source = Path(chosen)
        if not dialogs.confirm(
            self,
            "Gjenopprett fra sikkerhetskopi",
            f"Databasen erstattes med «{source.name}». Den nåværende databasen blir tatt vare "
            "på som sikkerhetskopi først. Ingenting som er lagret går tapt.",
            "Gjenopprett",
        ):
            return
        self.restore_from(source)

    def _on_new_database(self) -> None:
        folder = str(self.store.path.parent)
        chosen = dialogs.choose_database(self, "Ny database", folder, "Lag", new=True)
        if chosen is not None:
            self.open_new_database(Path(chosen))

    def open_new_database(self, path: Path) -> bool:
        """Make a new database at ``path`` (an empty file there may be replaced) and open it."""
        try:
            Store.create(path).close()
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Ny database")
            return False
        self._let_go()
        self.reopen_requested.emit(str(path))
        return True

    def _let_go(self) -> None:
        """Save pending typing and close the database, before another file takes its place."""
        for pane in self._lazy.values():
            pane.shutdown()
        self.store.close()

    def restore_from(self, source: Path) -> bool:
        """Restore ``source`` over this window's database and reopen it in a new window."""
        from tr_desk.storage.backup import restore

        path = self.store.path
        self._let_go()  # releases the lock, so the restore may take it
        try:
            kept = restore(path, source)
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Gjenoppretting")
            self.reopen_requested.emit(str(path))
            return False
        note = f" Den forrige databasen er lagret som «{kept.name}»." if kept else ""
        dialogs.tell(self, f"«{source.name}» er gjenopprettet.{note}", "Gjenoppretting")
        self.reopen_requested.emit(str(path))
        return True

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "Om TR Desk",
            f"<b>TR Desk {__version__}</b><br>Innkallinger, referater og møteplan for "
            f"Trondheimsregionen.<br><br>Database: {self.store.path}",
        )


def _warm_up() -> None:
    """Load in the background what the first edit, check and preview need (~0.5 s of imports),
    so that none of it happens on the GUI thread while the user types."""
    import datetime as dt

    import babel.dates  # noqa: F401
    import markdown_it  # noqa: F401
    import pypdf  # noqa: F401
    import reportlab.platypus  # noqa: F401
    import sqlite_utils  # noqa: F401

    from tr_desk.core.checks.problems import norwegian_holidays
    from tr_desk.documents.styles import styles

    norwegian_holidays([dt.date.today().year])
    styles()
