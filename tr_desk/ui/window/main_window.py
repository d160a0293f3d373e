"""The main window: navigation on the left, one pane at a time, the database in the status bar."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store, StoreError
from tr_desk.core.landing import Landing, PaneName, landing, plan_year
from tr_desk.ui.pane import Pane, PaneHost
from tr_desk.ui.store_command import StoreCommand
from tr_desk.ui.widgets import state as ui_state
from tr_desk.ui.widgets import style
from tr_desk.ui.window.base import WindowBase
from tr_desk.ui.window.files import DatabaseFiles
from tr_desk.ui.window.menus import WindowMenus
from tr_desk.ui.window.navigation import Navigator
from tr_desk.ui.window.status import StartChores, StatusLine

if TYPE_CHECKING:
    from tr_desk.core.model import Meeting
    from tr_desk.ui.agenda.pane import AgendaPane
    from tr_desk.ui.meeting.pane import MeetingPane
    from tr_desk.ui.minutes.pane import MinutesPane
    from tr_desk.ui.plan.pane import PlanPane
    from tr_desk.ui.register.pane import RegisterPane
    from tr_desk.ui.search.pane import SearchPane
    from tr_desk.ui.window.find_bar import FindBar


def window_title(organisation: str) -> str:
    """«TR Desk – Trondheimsregionen»: the program and whose meetings it holds."""
    return f"TR Desk – {organisation}" if organisation else "TR Desk"


DOCUMENT_PANES = ("Sakliste", "Møte", "Protokoll")
PANES = ("Møteplan", "Sakliste", "Møte", "Protokoll", "Register", "Søk", "Oppfølging")


# Each pane's class, imported when the pane is first opened (the meeting panes bring the
# preview and the check; none of it is needed for the first paint).
def _plan() -> type[Pane]:
    from tr_desk.ui.plan.pane import PlanPane

    return PlanPane


def _agenda() -> type[Pane]:
    from tr_desk.ui.agenda.pane import AgendaPane

    return AgendaPane


def _meeting() -> type[Pane]:
    from tr_desk.ui.meeting.pane import MeetingPane

    return MeetingPane


def _minutes() -> type[Pane]:
    from tr_desk.ui.minutes.pane import MinutesPane

    return MinutesPane


def _register() -> type[Pane]:
    from tr_desk.ui.register.pane import RegisterPane

    return RegisterPane


def _search() -> type[Pane]:
    from tr_desk.ui.search.pane import SearchPane

    return SearchPane


def _followups() -> type[Pane]:
    from tr_desk.ui.followups.pane import FollowUpPane

    return FollowUpPane


PANE_CLASSES: dict[str, Callable[[], type[Pane]]] = {
    "Møteplan": _plan, "Sakliste": _agenda, "Møte": _meeting, "Protokoll": _minutes,
    "Register": _register, "Søk": _search, "Oppfølging": _followups,
}  # fmt: skip


def row_of(nav: QListWidget, title: str) -> int:
    """The navigation's row of a pane."""
    return [nav.item(i).text() for i in range(nav.count())].index(title)


class MainWindow(WindowBase):
    first_painted = Signal()

    def __init__(self, store: Store, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        # The window's parts, each a room of its own.
        self.status_line = StatusLine(self)
        self.files = DatabaseFiles(self, self.status_line)
        self.navigator = Navigator(self)
        self.menus = WindowMenus(self, self.files, self.navigator, self.status_line)
        self._painted = False
        # Where to open: the meeting he is working on, else where he left off.
        from tr_desk.app.database import meeting_dates

        headers = meeting_dates(store)
        self._headers: list[Any] | None = headers  # for the landing pane's chooser
        today = today or store.clock.today()
        self.landing = landing(headers, today, ui_state.remembered(store.path))
        self.plan_year = plan_year(headers, today)
        self.has_meetings = bool(headers)
        self.setWindowTitle(window_title(store.settings.organisation().name))
        self.resize(1180, 760)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # the screen's width up to 1500 (room for the preview), all of it
            self.resize(min(1500, screen.width()), min(860, screen.height() - 40))
        self.undo_stack = QUndoStack(self)
        StoreCommand.report = self.status_line.store_error

        self.nav = QListWidget()
        self.nav.setFixedWidth(180)
        style.navigation(self.nav)
        self.stack = QStackedWidget()
        # Panes built when first opened: (title, module, class); Register is built at once.
        self.panes_built: dict[str, Pane] = {}
        self._slots: dict[str, QWidget] = {}
        self.current_meeting_id: int | None = self.landing.meeting_id
        for title in PANES:
            slot = QWidget()
            QHBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots[title] = slot
            self.add_pane(title, slot)
        self.nav.currentRowChanged.connect(self._on_pane_chosen)
        self.first_view: QWidget | None = None
        self.content_view = self._open_first_view()

        central = QWidget()
        self.outer = QVBoxLayout(central)
        self.outer.setContentsMargins(6, 6, 6, 6)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.outer.addLayout(layout, 1)
        self.find_bar: FindBar | None = None  # made at the first Ctrl+F
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # old documents dropped on the window are imported
        self.import_dialog: QWidget | None = None
        self.menus.build()
        self.status_line.build()
        self.content_view.installEventFilter(self)
        self.first_painted.connect(self.menus.install_shortcuts)
        self.first_painted.connect(self._finish_start)

    def _open_first_view(self) -> QWidget:
        """Show where the window opens; returns the widget whose first paint is the start.

        A meeting pane or the plan is first shown by a light view of its content, replaced by
        the pane after the paint (``_finish_start``); an empty database shows the welcome.
        """
        pane = self.landing.pane
        if pane is PaneName.REGISTER:
            if not self.has_meetings and not self.store.readonly:
                from tr_desk.ui.window.welcome import Welcome

                self.welcome = Welcome(self)
                self.stack.addWidget(self.welcome)
                self.stack.setCurrentWidget(self.welcome)
                # Not the navigation's focus: a list gaining it would choose its first pane.
                self._nav_focus = self.nav.focusPolicy()
                self.nav.setFocusPolicy(self._nav_focus.NoFocus)
                return self.welcome.heading
            self.nav.setCurrentRow(row_of(self.nav, PaneName.REGISTER.value))
            return self.register.people.list.viewport()  # built by choosing the row
        from tr_desk.ui.window.first_view import FirstView

        view = FirstView(self.store, self.landing, self.plan_year)
        self.first_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        blocked = self.nav.blockSignals(True)
        self.nav.setCurrentRow(row_of(self.nav, pane.value))
        self.nav.blockSignals(blocked)
        return view.list.viewport()

    def _finish_start(self) -> None:
        """After the first paint: build the pane the first view stood in for, and show it."""
        if self._drop_first_view():
            from tr_desk.ui.widgets.meeting_picker import MeetingTreeModel

            # The chooser of the pane built now lists the meetings read at the start.
            MeetingTreeModel.shared(self.store, self.undo_stack).prime(self._headers)
            self._on_pane_chosen(self.nav.currentRow())
        self._headers = None
        # What start-up made lives as long as the window: out of the collector's way, so that
        # the first full collection (20 ms) does not fall on the user's first key press.
        gc.freeze()

    def _drop_first_view(self) -> bool:
        view, self.first_view = self.first_view, None
        if view is None:
            return False
        self.stack.removeWidget(view)
        view.deleteLater()
        return True

    @property
    def painted(self) -> bool:
        """The first view (or the pane itself) has been painted."""
        return self._painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """``first_painted`` once the first pane's content is on screen."""
        if watched is self.content_view and not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.nav.currentRow() >= 0:
            here = PaneName(self.nav.currentItem().text())
            ui_state.remember(self.store.path, Landing(here, self.current_meeting_id))
        for pane in self.panes_built.values():
            pane.shutdown()  # saves pending typing, stops the preview
        # QUndoStack clears itself when destroyed and says so; the store is closed by then.
        self.undo_stack.blockSignals(True)
        super().closeEvent(event)

    def _pane(self, title: str) -> Pane:
        """A pane, built when first opened (the meeting panes bring the preview and the check)."""
        pane = self.panes_built.get(title)
        if pane is None:
            pane = PANE_CLASSES[title]()(self.store, self.undo_stack)
            pane.attach(
                PaneHost(
                    saved=self.status_line.saved, say=self.status_line.say,
                    meeting_opened=self._on_meeting_opened, open_case=self.navigator.open_case,
                    open_hit=self.navigator.open_hit, open_meeting=self.open_meeting,
                    go_to_case=self.navigator.go_to_case, show_pane=self.show_pane,
                    plan_year=self.plan_year,
                )
            )  # fmt: skip
            self.panes_built[title] = pane
            layout = self._slots[title].layout()
            assert layout is not None
            layout.addWidget(pane)
            gc.freeze()  # the pane and its modules live as long as the window (see _finish_start)
        return pane

    @property
    def register(self) -> RegisterPane:
        return self._pane("Register")  # type: ignore[return-value]

    @property
    def plan(self) -> PlanPane:
        return self._pane("Møteplan")  # type: ignore[return-value]

    def show_pane(self, title: str) -> None:
        row = row_of(self.nav, title)
        if (self._drop_first_view() or self.stack.currentIndex() >= len(PANES)) and (
            row == self.nav.currentRow()
        ):
            self._on_pane_chosen(row)  # the row is already chosen: no signal comes
        self.nav.setCurrentRow(row)

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
        if hasattr(self, "_nav_focus"):  # leaving the welcome
            self.nav.setFocusPolicy(self._nav_focus)
            del self._nav_focus
        if title in self._slots:
            self._pane(title).open(self.current_meeting_id)
        self.stack.setCurrentIndex(row)
        if hasattr(self, "save_pdf_action"):
            self.update_actions()

    def _on_meeting_opened(self, meeting_id: int) -> None:
        self.current_meeting_id = meeting_id
        self.update_actions()

    # -- the menus' work ----------------------------------------------------------------------

    def current_title(self) -> str:
        """The pane shown (or about to be, behind the first view); empty on the welcome."""
        item = self.nav.currentItem()
        if item is None or self.stack.currentWidget() is getattr(self, "welcome", None):
            return ""
        return item.text()

    def _current_meeting(self) -> Meeting | None:
        if self.current_meeting_id is None:
            return None
        try:
            return self.store.meetings.meeting_header(self.current_meeting_id)
        except StoreError:
            return None

    def update_actions(self) -> None:
        """Enable what can be done now: in this pane, on this meeting, in this database."""
        from tr_desk.core.model import MeetingStatus

        writable = not self.store.readonly
        meeting = self._current_meeting()
        status = meeting.status if meeting is not None else None
        title = self.current_title()
        has_document = title == "Møteplan" or (title in DOCUMENT_PANES and meeting is not None)
        self.save_pdf_action.setEnabled(has_document)
        self.print_action.setEnabled(has_document)
        self.new_meeting_action.setEnabled(writable)
        self.import_action.setEnabled(writable)
        for action in (self.new_database_action, self.restore_action, self.backup_action):
            action.setEnabled(writable or action is self.new_database_action)
        upcoming = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED)
        self.issue_action.setEnabled(writable and status in upcoming)
        self.start_action.setEnabled(writable and status in (*upcoming, MeetingStatus.HELD))
        self.approve_action.setEnabled(writable and status is MeetingStatus.HELD)

    def new_meeting(self) -> None:
        """Fil › Nytt møte: the Sakliste's dialog; the new meeting opens there."""
        self.show_pane("Sakliste")
        self.agenda.new_meeting_dialog()

    def issue_notice(self) -> None:
        self.show_pane("Sakliste")
        self.agenda.start_issue()

    def start_meeting(self) -> None:
        """Møte › Start møtet: the meeting in the Møte pane, its start time set to now."""
        self.show_pane("Møte")
        pane = self.meeting_pane
        meeting = pane.meeting
        if meeting is not None and meeting.held_start is None:
            pane.stamp("start")  # asks first when the meeting is not today
        pane.roster.setFocus()

    def approve_minutes(self) -> None:
        self.show_pane("Protokoll")
        self.minutes_pane.approve()

    def _document(self) -> tuple[bytes, str] | None:
        pane = self.panes_built.get(self.current_title())
        return pane.document() if pane is not None else None

    def save_pdf(self) -> None:
        """Fil › Lagre som PDF: the document the pane shows."""
        from tr_desk.ui.widgets.documents_io import save_file

        document = self._document()
        if document is None:
            return
        path = save_file(self, document[0], f"{document[1]}.pdf")
        if path is not None:
            self.statusBar().showMessage(f"PDF lagret: {path}", 8000)

    def print_document(self) -> None:
        """Fil › Skriv ut (Ctrl+P): the document the pane shows."""
        from tr_desk.ui.widgets.documents_io import print_document

        document = self._document()
        if document is None:
            return
        pages = print_document(self, *document)
        if pages is not None:
            self.statusBar().showMessage(f"Sendt til skriveren: {pages} sider", 8000)

    @property
    def search_pane(self) -> SearchPane:
        return self._pane("Søk")  # type: ignore[return-value]

    def import_documents(self, paths: Sequence[Path] = ()) -> None:
        """Fil › Importer (or files dropped on the window, or the welcome's button)."""
        self.files.import_documents(paths)

    def open_database(self, path: Path) -> None:
        self.files.open_database(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from tr_desk.ui.importing.dialog import local_paths

        if event.mimeData().hasUrls() and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from tr_desk.ui.importing.dialog import local_paths

        paths = local_paths(event.mimeData().urls())
        event.acceptProposedAction()
        if paths:  # after the drop has ended, not inside it
            QTimer.singleShot(0, lambda: self.import_documents(paths))

    def add_pane(self, title: str, pane: QWidget) -> None:
        style.navigation_item(title, self.nav)
        self.stack.addWidget(pane)

    def after_start(self) -> None:
        """Chores once the window shows, on a thread of their own so that the pane answers at
        once: SQLite's quick check of the whole file (no write goes in before it has passed:
        a write that comes first runs it itself), then the daily backup. The warm-up loads
        what the first edit and preview need."""
        from PySide6.QtCore import QAbstractEventDispatcher, Qt

        if self.store.readonly:
            self.status_line.tell_read_only()
            return
        self.chores = StartChores(self.store.path, self.store.clock.now(), self)
        self.chores.done.connect(self.status_line.chores_done)
        check = self.store.check_apart if self.store.unchecked else None
        # Once the pane is usable: painted, and the event loop about to wait for the user.
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None  # there is an application: the window exists
        dispatcher.aboutToBlock.connect(
            lambda: self.chores.begin(check), Qt.ConnectionType.SingleShotConnection
        )

    def on_undo_index(self, _index: int) -> None:
        self.update_actions()
