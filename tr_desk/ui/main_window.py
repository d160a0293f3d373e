"""The main window: navigation on the left, one pane at a time, the database in the status bar."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import html
import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tr_desk import __version__
from tr_desk.core.landing import Landing, PaneName, landing, plan_year
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store
from tr_desk.ui import dialogs, style
from tr_desk.ui import state as ui_state
from tr_desk.ui.store_command import StoreCommand

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

    from tr_desk.core.model import Meeting
    from tr_desk.core.profile import Profile
    from tr_desk.core.search import Query
    from tr_desk.storage.search import Hit
    from tr_desk.ui.agenda_pane import AgendaPane
    from tr_desk.ui.find_bar import FindBar
    from tr_desk.ui.followup_pane import FollowUpPane
    from tr_desk.ui.meeting_pane import MeetingPane
    from tr_desk.ui.minutes_pane import MinutesPane
    from tr_desk.ui.pane import MeetingView
    from tr_desk.ui.plan_pane import PlanPane
    from tr_desk.ui.register_pane import RegisterPane
    from tr_desk.ui.search_pane import SearchPane

    AnyPane = MeetingView | PlanPane | RegisterPane | SearchPane | FollowUpPane


def window_title(organisation: str) -> str:
    """«TR Desk – Trondheimsregionen»: the program and whose meetings it holds."""
    return f"TR Desk – {organisation}" if organisation else "TR Desk"


DOCUMENT_PANES = ("Sakliste", "Møte", "Protokoll")
# The list Finn i ruten (Ctrl+Shift+F) searches in each pane when no text has the focus.
FIND_VIEWS = {
    "Møteplan": "list", "Sakliste": "list", "Møte": "roster", "Protokoll": "check_list",
    "Søk": "table", "Oppfølging": "table",
}  # fmt: skip
PANES = ("Møteplan", "Sakliste", "Møte", "Protokoll", "Register", "Søk", "Oppfølging")


class MainWindow(QMainWindow):
    first_painted = Signal()
    reopen_requested = Signal(str)  # the database was replaced: open it again

    def __init__(self, store: Store, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self._painted = False
        # Where to open: the meeting he is working on, else where he left off.
        from tr_desk.storage.glance import meeting_dates

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
        StoreCommand.report = self._on_store_error

        self.nav = QListWidget()
        self.nav.setFixedWidth(180)
        style.navigation(self.nav)
        self.stack = QStackedWidget()
        # Panes built when first opened: (title, module, class); Register is built at once.
        self._lazy: dict[str, AnyPane] = {}
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
        self._outer = QVBoxLayout(central)
        self._outer.setContentsMargins(6, 6, 6, 6)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self._outer.addLayout(layout, 1)
        self.find_bar: FindBar | None = None  # made at the first Ctrl+F
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # old documents dropped on the window are imported
        self.import_dialog: QWidget | None = None
        self._build_menus()
        self._build_status_bar()
        self.content_view.installEventFilter(self)
        self.first_painted.connect(self.install_shortcuts)
        self.first_painted.connect(self._finish_start)

    def _open_first_view(self) -> QWidget:
        """Show where the window opens; returns the widget whose first paint is the start.

        A meeting pane or the plan is first shown by a light view of its content, replaced by
        the pane after the paint (``_finish_start``); an empty database shows the welcome.
        """
        pane = self.landing.pane
        if pane is PaneName.REGISTER:
            if not self.has_meetings and not self.store.readonly:
                from tr_desk.ui.welcome import Welcome

                self.welcome = Welcome(self)
                self.stack.addWidget(self.welcome)
                self.stack.setCurrentWidget(self.welcome)
                # Not the navigation's focus: a list gaining it would choose its first pane.
                self._nav_focus = self.nav.focusPolicy()
                self.nav.setFocusPolicy(self._nav_focus.NoFocus)
                return self.welcome.heading
            self.nav.setCurrentRow(self._row(PaneName.REGISTER.value))
            return self.register.people.list.viewport()  # built by choosing the row
        from tr_desk.ui.first_view import FirstView

        view = FirstView(self.store, self.landing, self.plan_year)
        self.first_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        blocked = self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._row(pane.value))
        self.nav.blockSignals(blocked)
        return view.list.viewport()

    def _finish_start(self) -> None:
        """After the first paint: build the pane the first view stood in for, and show it."""
        if self._drop_first_view():
            from tr_desk.ui.meeting_picker import MeetingTreeModel

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

    def _row(self, title: str) -> int:
        return [self.nav.item(i).text() for i in range(self.nav.count())].index(title)

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
        for pane in self._lazy.values():
            if hasattr(pane, "shutdown"):
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
            for action, keys in self._keys.items():
                action.setShortcut(QKeySequence(keys))
            self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
            self.update_actions()

    def _pane(self, title: str) -> AnyPane:
        """A pane, built when first opened (the meeting panes bring the preview and the check)."""
        pane = self._lazy.get(title)
        if pane is None:
            if title == "Register":
                from tr_desk.ui.register_pane import RegisterPane as PaneClass
            elif title == "Møteplan":
                from tr_desk.ui.plan_pane import PlanPane as PaneClass  # type: ignore[assignment]
            elif title == "Sakliste":
                from tr_desk.ui.agenda_pane import AgendaPane as PaneClass  # type: ignore[assignment]
            elif title == "Møte":
                from tr_desk.ui.meeting_pane import MeetingPane as PaneClass  # type: ignore[assignment]
            elif title == "Søk":
                from tr_desk.ui.search_pane import SearchPane as PaneClass  # type: ignore[assignment]
            elif title == "Oppfølging":
                from tr_desk.ui.followup_pane import (  # type: ignore[assignment]
                    FollowUpPane as PaneClass,
                )
            else:
                from tr_desk.ui.minutes_pane import MinutesPane as PaneClass  # type: ignore[assignment]
            pane = PaneClass(self.store, self.undo_stack)
            year = getattr(pane, "year", None)
            if year is not None and year != self.plan_year:  # the plan: the next meeting's year
                pane.show_year(self.plan_year)  # type: ignore[attr-defined]
            pane.saved.connect(self._on_saved)
            if hasattr(pane, "message"):
                pane.message.connect(self._say)
            if hasattr(pane, "meeting_opened"):
                pane.meeting_opened.connect(self._on_meeting_opened)
            if hasattr(pane, "case_requested"):
                pane.case_requested.connect(self.open_case)
            if title == "Søk":
                pane.open_requested.connect(self.open_hit)  # type: ignore[attr-defined]
            elif hasattr(pane, "open_requested"):
                pane.open_requested.connect(self.open_meeting)
            if hasattr(pane, "register_requested"):
                pane.register_requested.connect(partial(self.show_pane, "Register"))
            if hasattr(pane, "problem_chosen"):
                pane.problem_chosen.connect(self.go_to_case)
            thread = getattr(getattr(pane, "editor", None), "thread_view", None)
            if thread is not None:  # a step of the saksgang opens that case
                thread.case_requested.connect(self.open_case)
            self._lazy[title] = pane
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
        row = self._row(title)
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
            pane = self._pane(title)
            if hasattr(pane, "show_meeting"):
                pane.show_meeting(self.current_meeting_id)
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
            if meeting.date != self.store.clock.today() and not dialogs.confirm(
                self, "Start møtet",
                f"Møtet er {meeting.date.strftime('%d.%m.%Y')}, ikke i dag. Sette starttiden til "
                "nå likevel?", "Start møtet",
            ):  # fmt: skip
                return
            pane.stamp("start")
        pane.roster.setFocus()

    def approve_minutes(self) -> None:
        self.show_pane("Protokoll")
        self.minutes_pane.approve()

    def _document(self) -> tuple[bytes, str] | None:
        pane = self._lazy.get(self.current_title())
        document = getattr(pane, "document", None)
        return document() if document is not None else None

    def save_pdf(self) -> None:
        """Fil › Lagre som PDF: the document the pane shows."""
        from tr_desk.ui.documents_io import save_file

        document = self._document()
        if document is None:
            return
        path = save_file(self, document[0], f"{document[1]}.pdf")
        if path is not None:
            self.statusBar().showMessage(f"PDF lagret: {path}", 8000)

    def print_document(self) -> None:
        """Fil › Skriv ut (Ctrl+P): the document the pane shows."""
        from tr_desk.ui.documents_io import print_document

        document = self._document()
        if document is None:
            return
        pages = print_document(self, *document)
        if pages is not None:
            self.statusBar().showMessage(f"Sendt til skriveren: {pages} sider", 8000)

    @property
    def search_pane(self) -> SearchPane:
        return self._pane("Søk")  # type: ignore[return-value]

    def open_search(self) -> None:
        """Rediger › Søk i alle saker (Ctrl+F, from anywhere): the Søk pane, ready for typing;
        a word selected in the text being written is searched for at once."""
        from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        chosen = ""
        if isinstance(focus, QTextEdit | QPlainTextEdit):
            chosen = focus.textCursor().selectedText()
        elif isinstance(focus, QLineEdit) and focus is not getattr(
            self._lazy.get("Søk"), "field", None
        ):
            chosen = focus.selectedText()
        chosen = " ".join(chosen.split())[:80]
        self.show_pane("Søk")
        self.search_pane.start(chosen)

    def open_hit(self, hit: Hit, query: Query) -> None:
        """A hit from Søk: a case to prepare in the Sakliste, one dealt with in Møte (held
        and approved meetings alike: the Protokoll has no case of its own to show), the
        matched words marked in the editor and the cursor on the first."""
        from tr_desk.core.model import MeetingStatus
        from tr_desk.core.search import FIELD_KEYS, Field

        self.current_meeting_id = hit.meeting_id
        held = hit.status in (MeetingStatus.HELD.value, MeetingStatus.APPROVED.value)
        pane: AgendaPane | MeetingPane
        self.show_pane("Møte" if held else "Sakliste")
        pane = self.meeting_pane if held else self.agenda
        pane.show_meeting(hit.meeting_id)  # the pane may be shown already, on another meeting
        cases = pane.meeting.cases if pane.meeting is not None else []
        pane.select_case(next((i for i, c in enumerate(cases) if c.id == hit.case_id), 0))
        field = FIELD_KEYS.get(hit.field_id, "") if hit.field_id is not None else ""
        if field == "presenter" and held:
            field = "introduced_by"
        if held and field in ("title", "text", "proposal"):
            field = ""  # not written in the Møte pane: its heading and proposal show them
        attachment = hit.attachment if hit.field_id == Field.ATTACHMENT else ""
        pane.editor.mark_matches(query, field, attachment)

    def open_case(self, case_id: int) -> None:
        """A case by its id (a step of the saksgang), in the pane its meeting is in."""
        from tr_desk.core.search import Query
        from tr_desk.storage.search import hit_of

        try:
            hit = hit_of(self.store, case_id)
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Kunne ikke åpne saken")
            return
        if hit is None:
            dialogs.tell(self, "Saken finnes ikke lenger i databasen.")
            return
        self.open_hit(hit, Query())

    def open_find(self) -> None:
        """Rediger › Finn i ruten (Ctrl+Shift+F): the search bar at the foot of the window."""
        if self.find_bar is None:
            from tr_desk.ui.find_bar import FindBar

            self.find_bar = FindBar(self._find_target)
            self._outer.addWidget(self.find_bar)
        self.find_bar.open_bar()

    def _find_target(self) -> QWidget | None:
        """What Ctrl+F searches: the text being written, else the pane's main list."""
        from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit

        focus, shown = QApplication.focusWidget(), self.stack.currentWidget()
        searchable = isinstance(focus, QTextEdit | QPlainTextEdit | QAbstractItemView)
        if searchable and focus is not None and shown is not None and shown.isAncestorOf(focus):
            return focus
        title = self.current_title()
        if title == "Register":
            return self.register.people.list
        pane = self._lazy.get(title)
        name = FIND_VIEWS.get(title, "")
        return getattr(pane, name, None) if pane is not None else None

    def pane_buttons(self) -> list[QAbstractButton]:
        """The buttons of the pane shown, in the order they sit, each once."""
        from PySide6.QtWidgets import QAbstractButton, QCheckBox

        shown = self.stack.currentWidget()
        if shown is None:
            return []
        buttons = [
            b for b in shown.findChildren(QAbstractButton)
            if b.isVisible() and b.text().strip(" ▾") and not isinstance(b, QCheckBox)
            and b.window() is self
        ]  # fmt: skip
        return sorted(buttons, key=lambda b: (b.mapTo(self, b.rect().topLeft()).y() // 8,
                                              b.mapTo(self, b.rect().topLeft()).x()))  # fmt: skip

    def _fill_pane_menu(self) -> None:
        self.pane_menu.clear()
        buttons = self.pane_buttons()
        for button in buttons:
            text = button.text().replace("▲", "Flytt opp").replace("▼", "Flytt ned")
            action = self.pane_menu.addAction(text.replace("&", "&&"))
            action.setToolTip(button.toolTip() or text)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        if not buttons:
            self.pane_menu.addAction("Ingen handlinger i denne ruten").setEnabled(False)

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """Every shortcut and what it does: the menus' actions and the panes' own keys."""
        from tr_desk.ui.case_editor import MarkdownEdit
        from tr_desk.ui.meeting_pane import MeetingPane

        lines = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            place = menu_action.text().replace("&", "")
            for action in menu.actions():
                keys = self._keys.get(action, "")
                if keys:
                    text = action.text().replace("&", "").rstrip(" …")
                    lines.append((keys, f"{place} › {text}"))
        lines += [(keys, f"Møte: {text}") for keys, text, _ in MeetingPane.KEYS]
        lines.append(("Ctrl+Enter", "Møte: vedtak som forslaget"))
        lines += [(keys, text) for keys, _, text in MarkdownEdit.SHORTCUTS]
        return lines

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = "".join(
            f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{text}</td></tr>"
            for keys, text in self.shortcut_lines()
        )
        box = QMessageBox(self)
        box.setWindowTitle("Hurtigtaster")
        box.setText(f"<table>{rows}</table>")
        box.exec()

    def _on_open_database(self) -> None:
        folder = str(self.store.path.parent)
        chosen = dialogs.choose_database(self, "Åpne database", folder, "Åpne")
        if chosen is not None and Path(chosen) != self.store.path:
            self.open_database(Path(chosen))

    def open_database(self, path: Path) -> None:
        """Close this database (pending typing saved) and open ``path`` in its place."""
        if not path.exists():
            dialogs.warn(self, f"Finner ikke «{path}».", "Åpne database")
            return
        self._let_go()
        self.reopen_requested.emit(str(path))

    def import_documents(self, paths: Sequence[Path] = ()) -> None:
        """Fil › Importer (or files dropped on the window): the preview, then one undo step."""
        if self.store.readonly:
            dialogs.tell(self, f"Kan ikke importere: {self.store.readonly_reason}")
            return
        from PySide6.QtWidgets import QDialog

        from tr_desk.importer import Action
        from tr_desk.ui import commands
        from tr_desk.ui.import_dialog import ImportDialog, meetings, new_meetings

        dialog = ImportDialog(self.store, self, paths)
        self.import_dialog = dialog  # for tests: the dialog while it is open
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.import_dialog = None
        report = dialog.report
        if not accepted or report is None:
            return
        counts = report.counts()
        files = sum(1 for f in report.files if f.files and not f.error)
        label = f"Import av {files} {'fil' if files == 1 else 'filer'}"
        command = commands.import_documents(self.store, report, label)
        try:
            command.run_first()
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Kunne ikke importere")
            return
        self.undo_stack.push(command)
        created, updated = counts[Action.CREATED], counts[Action.UPDATED]
        made = [new_meetings(created)] if created else []
        if updated:
            made.append(f"{meetings(updated)} fylt ut")
        self._say(f"{label}: {', '.join(made)} – lagret kl. {self.store.clock.now():%H:%M:%S}")
        if self.current_title() == "" or not self.has_meetings:  # from the welcome: the plan
            self.has_meetings = True
            latest = max(dt.date.fromisoformat(o.date) for o in report.meetings)
            self.plan_year = latest.year
            self.show_pane("Møteplan")
            self.plan.show_year(latest.year)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from tr_desk.ui.import_dialog import local_paths

        if event.mimeData().hasUrls() and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from tr_desk.ui.import_dialog import local_paths

        paths = local_paths(event.mimeData().urls())
        event.acceptProposedAction()
        if paths:  # after the drop has ended, not inside it
            QTimer.singleShot(0, lambda: self.import_documents(paths))

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

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], tip: str, keys: str = ""
    ) -> QAction:
        """A menu entry with its tooltip; its shortcut is set after the first paint."""
        action = QAction(text, self)
        action.setToolTip(tip + (f" ({keys})" if keys else ""))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        if keys:
            self._keys[action] = keys
        return action

    def _build_menus(self) -> None:
        self._keys: dict[QAction, str] = {}
        bar = self.menuBar()
        file_menu = bar.addMenu("&Fil")
        self.new_meeting_action = self._action(
            file_menu, "&Nytt møte …", self.new_meeting,
            "Lag et nytt møte med standardsakene utfylt", "Ctrl+N",
        )  # fmt: skip
        file_menu.addSeparator()
        self.open_database_action = self._action(
            file_menu, "Å&pne database …", self._on_open_database,
            "Åpne en annen TR Desk-database", "Ctrl+O",
        )  # fmt: skip
        self.new_database_action = self._action(
            file_menu, "N&y database …", self._on_new_database,
            "En ny, tom database for en organisasjon: organene og personene fra en profil",
        )  # fmt: skip
        self.import_action = self._action(
            file_menu, "&Importer gamle dokumenter …", lambda: self.import_documents(),
            "Les innkallinger, referater, protokoller og møteplaner fra Word, PDF eller tekst "
            "inn i databasen (filer kan også slippes på vinduet)",
        )  # fmt: skip
        file_menu.addSeparator()
        self.save_pdf_action = self._action(
            file_menu, "&Lagre som PDF …", self.save_pdf,
            "Lagre dokumentet ruten viser (innkalling, referat eller møteplan) som PDF",
            "Ctrl+Shift+S",
        )  # fmt: skip
        self.print_action = self._action(
            file_menu, "Skriv &ut …", self.print_document,
            "Skriv ut dokumentet ruten viser", "Ctrl+P",
        )  # fmt: skip
        file_menu.addSeparator()
        self.backup_action = self._action(
            file_menu, "Ta &sikkerhetskopi nå", self._on_backup,
            "Lag en kopi av databasen i mappen «sikkerhetskopier»",
        )  # fmt: skip
        self.restore_action = self._action(
            file_menu, "&Gjenopprett fra sikkerhetskopi …", self._on_restore,
            "Erstatt databasen med en sikkerhetskopi; den nåværende tas vare på",
        )  # fmt: skip
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Avslutt", self.close, "Lukk TR Desk", "Ctrl+Q")

        edit_menu = bar.addMenu("&Rediger")
        self.undo_action = self.undo_stack.createUndoAction(self, "Angre")
        self.undo_action.setToolTip("Angre siste endring (Ctrl+Z)")
        self.redo_action = self.undo_stack.createRedoAction(self, "Gjør om")
        self.redo_action.setToolTip("Gjør om det som ble angret (Ctrl+Y)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._keys[self.undo_action] = "Ctrl+Z"
        self._keys[self.redo_action] = "Ctrl+Y"
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.undo_action.triggered.connect(lambda: self._on_undone(True))
        self.redo_action.triggered.connect(lambda: self._on_undone(False))
        edit_menu.addSeparator()
        self.search_action = self._action(
            edit_menu, "&Søk i alle saker …", self.open_search,
            "Finn saker fra alle år og organer: ord, «en frase», energi*, et saksnummer",
            "Ctrl+F",
        )  # fmt: skip
        self.find_action = self._action(
            edit_menu, "&Finn i ruten …", self.open_find,
            "Finn i teksten du skriver, eller i listen ruten viser", "Ctrl+Shift+F",
        )  # fmt: skip

        view_menu = bar.addMenu("&Vis")
        self.pane_actions = []
        for row in range(self.nav.count()):
            title = self.nav.item(row).text()
            self.pane_actions.append(self._action(
                view_menu, title, partial(self.show_pane, title), f"Gå til {title}",
                f"Ctrl+{row + 1}",
            ))  # fmt: skip

        meeting_menu = bar.addMenu("&Møte")
        self.issue_action = self._action(
            meeting_menu, "Send ut &innkalling …", self.issue_notice,
            "Kontroller og send ut innkallingen til møtet; saksnumrene låses",
        )  # fmt: skip
        self.start_action = self._action(
            meeting_menu, "&Start møtet", self.start_meeting,
            "Åpne møtet i Møte og sett klokkeslettet det startet", "Ctrl+T",
        )  # fmt: skip
        self.approve_action = self._action(
            meeting_menu, "&Godkjenn referat", self.approve_minutes,
            "Godkjenn referatet eller protokollen i Protokoll",
        )  # fmt: skip

        # The buttons of the pane shown, as menu entries: every button is also in a menu.
        self.pane_menu = bar.addMenu("&Handlinger")
        self.pane_menu.aboutToShow.connect(self._fill_pane_menu)

        help_menu = bar.addMenu("&Hjelp")
        self.shortcuts_action = self._action(
            help_menu, "&Hurtigtaster", self.show_shortcuts, "Alle hurtigtastene i TR Desk", "F1"
        )
        self._action(help_menu, "&Om TR Desk", self._on_about, "Versjon og database")
        for menu in (file_menu, edit_menu, view_menu, meeting_menu, self.pane_menu, help_menu):
            menu.setToolTipsVisible(True)
            menu.aboutToShow.connect(self.update_actions)

    def _build_status_bar(self) -> None:
        path = QLabel(f"Database: {self.store.path}")
        self.statusBar().addPermanentWidget(path)
        if self.store.readonly:
            self.statusBar().addWidget(
                style.warning(f"Skrivebeskyttet: {self.store.readonly_reason}")
            )

    def after_start(self) -> None:
        """Chores once the window shows, on a thread of their own so that the pane answers at
        once: SQLite's quick check of the whole file (no write goes in before it has passed:
        a write that comes first runs it itself), then the daily backup. The warm-up loads
        what the first edit and preview need."""
        from PySide6.QtCore import QAbstractEventDispatcher, Qt

        if self.store.readonly:
            self._tell_read_only()
            return
        self.chores = StartChores(self.store.path, self.store.clock.now(), self)
        self.chores.done.connect(self._on_chores_done)
        # Once the pane is usable: painted, and the event loop about to wait for the user.
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None  # there is an application: the window exists
        dispatcher.aboutToBlock.connect(self._start_chores, Qt.ConnectionType.SingleShotConnection)

    def _start_chores(self) -> None:
        threading.Thread(target=_warm_up, daemon=True, name="warm-up").start()
        self.chores.start(self.store.check_apart if self.store.unchecked else None)

    def _on_chores_done(self, found: list[str] | None, backup: object) -> None:
        if found is not None and not self.store.checked(found):
            self._tell_read_only()
            return
        if isinstance(backup, Exception):  # a failed backup must not stop the work; say so
            self.statusBar().showMessage(f"Sikkerhetskopien feilet: {backup}", 15000)

    def _tell_read_only(self) -> None:
        """Why nothing can be saved: a damaged file is said in the status bar too."""
        if self.store.damaged:
            self.statusBar().addWidget(style.warning("Skrivebeskyttet: databasen er skadet"))
        dialogs.tell(self, self.store.readonly_reason)

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _on_saved(self, what: str) -> None:
        """One line per step: «Ny sak – lagret kl. 14:26:23»."""
        when = f"lagret kl. {self.store.clock.now():%H:%M:%S}"
        self._say(f"{what} – {when}" if what else when.capitalize())

    def _on_undone(self, undo: bool) -> None:
        text = self.undo_stack.redoText() if undo else self.undo_stack.undoText()
        self._say(f"{'Angret' if undo else 'Gjort om'}: {text}" if text else "")

    def _on_undo_index(self, _index: int) -> None:
        self.update_actions()

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
        if chosen is None:
            return
        from tr_desk.ui.profile_dialog import choose_profile

        profile = choose_profile(self)
        if profile is not None:
            self.open_new_database(Path(chosen), profile)

    def open_new_database(self, path: Path, profile: Profile | None = None) -> bool:
        """Make a new database at ``path`` (an empty file there may be replaced) for the
        organisation of ``profile`` (default: the standard profile) and open it."""
        try:
            Store.create(path, profile=profile).close()
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Ny database")
            return False
        self._let_go()
        self.reopen_requested.emit(str(path))
        return True

    def _let_go(self) -> None:
        """Save pending typing and close the database, before another file takes its place."""
        for pane in self._lazy.values():
            if hasattr(pane, "shutdown"):
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
            f"{html.escape(self.store.settings.organisation().name)}.<br><br>"
            f"Database: {html.escape(str(self.store.path))}",
        )


class StartChores(QObject):
    """The quick check and the daily backup on a thread of their own; ``done`` carries the
    check's findings (None when it had run already) and the backup's path, None, or the
    exception that stopped it."""

    done = Signal(object, object)

    def __init__(self, path: Path, now: dt.datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.now = path, now

    def start(self, check: Callable[[], list[str]] | None) -> None:
        """``check``: the store's quick check over a connection of its own (None: it ran)."""
        threading.Thread(target=self._run, args=(check,), daemon=True, name="start-chores").start()

    def _run(self, check: Callable[[], list[str]] | None) -> None:
        from tr_desk.storage.backup import backup_file_if_due

        backup: object = None
        try:
            found = check() if check is not None else None
        except StoreError as exc:
            found = [str(exc)]
        if not found:
            try:
                backup = backup_file_if_due(self.path, self.now)
            except Exception as exc:
                backup = exc
        with contextlib.suppress(RuntimeError):  # the window was closed while they ran
            self.done.emit(found, backup)


def _warm_up() -> None:
    """Load in the background what the first edit, check and preview need (~0.5 s of imports),
    so that none of it happens on the GUI thread while the user types."""
    import markdown_it  # noqa: F401
    import pypdf  # noqa: F401
    import reportlab.platypus  # noqa: F401
    import sqlite_utils  # noqa: F401

    from tr_desk.documents.styles import styles

    styles()
