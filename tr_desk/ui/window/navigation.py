"""Going to a case from anywhere: Søk (Ctrl+F), a hit, a step of the saksgang, a problem of
the Protokoll check; and Finn i ruten (Ctrl+Shift+F)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tr_desk.app.database import StoreError
from tr_desk.ui.widgets import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tr_desk.app.search import Hit
    from tr_desk.core.search import Query
    from tr_desk.ui.agenda.pane import AgendaPane
    from tr_desk.ui.meeting.pane import MeetingPane
    from tr_desk.ui.window.base import WindowBase

# The list Finn i ruten (Ctrl+Shift+F) searches in each pane when no text has the focus.
FIND_VIEWS = {
    "Møteplan": "list", "Sakliste": "list", "Møte": "roster", "Protokoll": "check_list",
    "Søk": "table", "Oppfølging": "table",
}  # fmt: skip


class Navigator:
    """Opens the pane and the case a search, a saksgang or a check points to."""

    def __init__(self, window: WindowBase) -> None:
        self.window = window

    def open_search(self) -> None:
        """Rediger › Søk i alle saker (Ctrl+F, from anywhere): the Søk pane, ready for typing;
        a word selected in the text being written is searched for at once."""
        from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        chosen = ""
        if isinstance(focus, QTextEdit | QPlainTextEdit):
            chosen = focus.textCursor().selectedText()
        elif isinstance(focus, QLineEdit) and focus is not getattr(
            self.window.panes_built.get("Søk"), "field", None
        ):
            chosen = focus.selectedText()
        chosen = " ".join(chosen.split())[:80]
        self.window.show_pane("Søk")
        self.window.search_pane.start(chosen)

    def open_hit(self, hit: Hit, query: Query) -> None:
        """A hit from Søk: a case to prepare in the Sakliste, one dealt with in Møte (held
        and approved meetings alike: the Protokoll has no case of its own to show), the
        matched words marked in the editor and the cursor on the first."""
        from tr_desk.core.model import MeetingStatus
        from tr_desk.core.search import FIELD_KEYS, Field

        self.window.current_meeting_id = hit.meeting_id
        held = hit.status in (MeetingStatus.HELD.value, MeetingStatus.APPROVED.value)
        pane: AgendaPane | MeetingPane
        self.window.show_pane("Møte" if held else "Sakliste")
        pane = self.window.meeting_pane if held else self.window.agenda
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
        from tr_desk.app.search import hit_of
        from tr_desk.core.search import Query

        try:
            hit = hit_of(self.window.store, case_id)
        except StoreError as exc:
            dialogs.warn(self.window, str(exc), "Kunne ikke åpne saken")
            return
        if hit is None:
            dialogs.tell(self.window, "Saken finnes ikke lenger i databasen.")
            return
        self.open_hit(hit, Query())

    def open_find(self) -> None:
        """Rediger › Finn i ruten (Ctrl+Shift+F): the search bar at the foot of the window."""
        if self.window.find_bar is None:
            from tr_desk.ui.window.find_bar import FindBar

            self.window.find_bar = FindBar(self.find_target)
            self.window.outer.addWidget(self.window.find_bar)
        self.window.find_bar.open_bar()

    def find_target(self) -> QWidget | None:
        """What Ctrl+F searches: the text being written, else the pane's main list."""
        from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit

        focus, shown = QApplication.focusWidget(), self.window.stack.currentWidget()
        searchable = isinstance(focus, QTextEdit | QPlainTextEdit | QAbstractItemView)
        if searchable and focus is not None and shown is not None and shown.isAncestorOf(focus):
            return focus
        title = self.window.current_title()
        if title == "Register":
            return self.window.register.people.list
        pane = self.window.panes_built.get(title)
        name = FIND_VIEWS.get(title, "")
        return getattr(pane, name, None) if pane is not None else None

    def go_to_case(self, meeting_id: int, case_index: int, field: str) -> None:
        """From the Protokoll check to the place in the Møte pane where it is put right."""
        self.window.current_meeting_id = meeting_id
        self.window.show_pane("Møte")
        pane = self.window.meeting_pane
        if 0 <= case_index < pane.case_list.rowCount() and pane.meeting is not None:
            pane.select_case(case_index)
            pane.editor.focus_field(field)
        elif field == "attendance":
            pane.roster.setFocus()
        elif field == "held":
            pane.held_start.setFocus()
