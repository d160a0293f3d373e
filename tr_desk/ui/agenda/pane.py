"""Sakliste: build a meeting's agenda, write its cases, check it and send out the notice."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app import documents
from tr_desk.app.database import Store, StoreError
from tr_desk.core.agenda_state import AgendaState
from tr_desk.core.checks.problems import Problem, Severity
from tr_desk.core.formats import date_short
from tr_desk.core.mail import roster_hint
from tr_desk.core.model import Case, CaseKind, Meeting, MeetingStatus
from tr_desk.core.notice import number_attachments
from tr_desk.core.standard_cases import new_case, position_for_new_case
from tr_desk.ui import commands
from tr_desk.ui.agenda.case_editor import CaseEditor
from tr_desk.ui.agenda.header import ListDialog, MeetingHeaderPage, NewMeetingDialog
from tr_desk.ui.agenda.model import AgendaModel
from tr_desk.ui.pane import MeetingView, PaneHost, example_prefix, name_for_menu
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.meeting_picker import (
    STATUS_LABELS,
    MeetingPicker,
    fill_meetings,
    meeting_combo,
)
from tr_desk.ui.widgets.preview import PdfPreview
from tr_desk.ui.widgets.state import keep_sizes

NEW_CASES = [
    ("Ny sak", CaseKind.ORDINARY),
    ("Ny orientering", CaseKind.BRIEFING),
    ("Ny diskusjonssak", CaseKind.DISCUSSION),
]


class AgendaPane(MeetingView):
    """The Sakliste pane: one meeting's header, its cases, the check and the preview."""

    register_requested = Signal()

    # The widgets the builders below the class make.
    meetings: MeetingPicker
    new_meeting: QPushButton
    status: QLabel
    issue_button: QPushButton
    preview_on: QCheckBox
    hint: QLabel
    locked: QLabel
    agenda: AgendaModel
    list: QListView
    add_button: QToolButton
    remove_button: QPushButton
    up_button: QToolButton
    down_button: QToolButton
    check_list: QListWidget
    check_title: QLabel
    header_page: MeetingHeaderPage
    left: QTabWidget
    editor: CaseEditor
    preview: PdfPreview
    splitter: QSplitter

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.meeting: Meeting | None = None
        self.problems: list[Problem] = []
        self.state: AgendaState | None = None  # what the refresh worked out

        top = _top_bar(self, store, undo_stack)
        agenda_page = _agenda_page(self)
        splitter = _case_and_preview(self, agenda_page, store)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        self.watch_store(undo_stack, lambda: self._on_undo_index(0))
        self.fill_meetings()
        self.set_readonly(store.readonly)

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.register_requested.connect(partial(host.show_pane, "Register"))
        self.locked.linkActivated.connect(lambda _link: host.show_pane("Protokoll"))
        self.editor.thread_view.case_requested.connect(host.open_case)

    def set_readonly(self, readonly: bool) -> None:
        self.new_meeting.setEnabled(not readonly)
        self._show_lock()

    def _show_lock(self) -> None:
        """A read-only file, or a meeting whose minutes are approved: the Sakliste is shown
        as it is, with one line saying why and how to change it, and takes no edits."""
        approved = self.meeting is not None and self.meeting.minutes_locked
        locked = self.store.readonly or approved
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button,
                       self.header_page):  # fmt: skip
            widget.setEnabled(not locked)
        self.editor.set_locked(locked)
        self.agenda.editable = not locked
        if self.store.readonly:
            style.set_warning(self.locked, f"Skrivebeskyttet: {self.store.readonly_reason}")
        elif approved:
            reason = (
                "Protokollen for dette møtet er godkjent, så sakslisten er låst. For å endre "
                "den gjenåpner du protokollen («Gjenåpne …» i Protokoll)."
            )
            style.set_warning(self.locked, reason, ("protokoll", "Åpne Protokoll"))
        else:
            style.set_warning(self.locked, "")

    def fill_meetings(self, keep: int | None = None) -> None:
        """The meetings to choose from, newest first; keeps the current one chosen."""
        keep = keep or (self.meeting.id if self.meeting else None)
        self.open_meeting(fill_meetings(self.meetings, self.store, keep))

    def _on_meeting_chosen(self, meeting_id: int) -> None:
        self.editor.flush()
        self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int | None, case_row: int = 0) -> None:
        if meeting_id is not None and not self.store.readonly:
            self.store.agenda.refresh_standard_cases(meeting_id)
        self.meeting = self.store.meetings.meeting(meeting_id) if meeting_id is not None else None
        if meeting_id is not None:
            self.meeting_opened.emit(meeting_id)
        self.refresh(case_row=case_row, reload_editor=True)

    def refresh(self, case_row: int | None = None, reload_editor: bool = False) -> None:
        """Refill everything from the store; the editor only when asked (it may hold typing)."""
        if self.meeting is None:
            self.agenda.set_cases([], "", 0, {})
            self.editor.load(None)
            self.status.setText("Ingen møter ennå: lag et med «Nytt møte …».")
            self.check_list.clear()
            return
        assert self.meeting.id is not None
        self.meeting = self.store.meetings.meeting(self.meeting.id)
        self.context = self.store.context(self.meeting)  # the one read for the pane
        body, numbers = self.context.body, self.context.numbers
        row = self.list.currentIndex().row() if case_row is None else case_row
        self.agenda.set_cases(self.meeting.cases, body.prefix, self.meeting.date.year, numbers)
        row = max(0, min(row, self.agenda.rowCount() - 1))
        if self.agenda.rowCount():
            blocked = self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.agenda.index(row))
            self.list.selectionModel().blockSignals(blocked)
        shown = self.agenda.case(row).id if 0 <= row < self.agenda.rowCount() else None
        if reload_editor or (self.editor.case and self.editor.case.id != shown):
            self._load_editor(row)
        self.header_page.fill(self.store, self.context)
        self._show_lock()
        self.state = documents.agenda_state(self.store, self.context)  # once per refresh
        self._run_check()
        self._update_status()
        if self.preview_on.isChecked():
            self.preview.show_data(_shown_notice(self))

    def _load_editor(self, row: int) -> None:
        if not 0 <= row < self.agenda.rowCount():
            self.editor.load(None)
            return
        numbered = number_attachments(self.meeting.cases if self.meeting else [])
        first = (
            numbered[row][0].number if numbered[row] else 1 + sum(len(n) for n in numbered[:row])
        )
        self.editor.load(self.agenda.case(row), self.agenda.label(row), first)

    def _update_status(self) -> None:
        assert self.meeting is not None and self.state is not None
        status = STATUS_LABELS[self.meeting.status]
        if self.state.changed:
            status += " – endret etter utsendelse"
        self.status.setText(status)
        frozen = self.meeting.numbers_frozen
        self.issue_button.setText(self.state.issue_label)
        self.issue_button.setEnabled(not self.store.readonly and self.meeting.status in (
            MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED))  # fmt: skip
        self.remove_button.setText("Trekk saken" if frozen else "Fjern")
        name_for_menu(self.remove_button, "Trekk saken" if frozen else "Fjern saken")

    def _run_check(self) -> None:
        assert self.meeting is not None and self.state is not None
        self.problems = list(self.state.problems)
        style.show_problems(self.problems, self.check_list, self.check_title)
        # Nobody to send it to, or some without an address: said above the work, not only
        # in the check, with the way to the Register.
        context = self.context
        invited = [context.people[i] for i in context.invited if i in context.people]
        reach = (
            roster_hint(context.body.name, invited, names=False)
            if invited or not context.meeting.invited_other
            else ""
        )
        style.set_warning(self.hint, reach, ("register", "Åpne Register"))

    def _on_undo_index(self, _index: int) -> None:
        if self._pushing and self.meeting is not None:
            self.refresh()
        else:  # undo or redo: the editor must show what the store has now
            self.fill_meetings()

    def current_row(self) -> int:
        return self.list.currentIndex().row()

    def select_case(self, row: int) -> None:
        if 0 <= row < self.agenda.rowCount():
            self.list.setCurrentIndex(self.agenda.index(row))

    def _on_case_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.editor.flush()
        if current.isValid():
            self._load_editor(current.row())

    def _on_case_edited(self, case: Case, field: str) -> None:
        if self.meeting is None:
            return
        old = next((c for c in self.meeting.cases if c.id == case.id), None)
        if old is not None:
            self.push(commands.edit_case(self.store, old, case, field))

    def add_case(self, kind: CaseKind, follows: str = "") -> None:
        if self.meeting is None or self.meeting.id is None:
            return
        self.editor.flush()
        case = new_case(self.store.register.body(self.meeting.body_id), kind, follows)
        position = position_for_new_case(self.meeting.cases, self.current_row())
        if self.push(commands.insert_case(self.store, self.meeting.id, case, position)):
            self.refresh(case_row=position, reload_editor=True)
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def _on_add_follow_up(self) -> None:
        number = dialogs.ask_text(
            self,
            "Oppfølging",
            f"Saksnummeret saken følger opp (f.eks. {example_prefix(self.store)} 51/21):",
        )
        if number:
            self.add_case(CaseKind.ORDINARY, follows=number)

    def _on_remove(self) -> None:
        row = self.current_row()
        if self.meeting is None or self.meeting.id is None or row < 0:
            return
        case = self.agenda.case(row)
        if self.meeting.numbers_frozen:
            question = (
                f"Trekke saken «{case.title}»? Den beholder nummeret {self.agenda.label(row)}."
            )
            if not dialogs.confirm(self, "Trekk saken", question, "Trekk saken"):
                return
        if self.push(commands.remove_case(self.store, self.meeting.id, case, row)):
            self.refresh(case_row=row, reload_editor=True)

    def _on_step(self, step: int) -> None:
        row = self.current_row()
        if 0 <= row < self.agenda.rowCount() and 0 <= row + step < self.agenda.rowCount():
            self.move_case(row, row + step)

    def move_case(self, source: int, target: int) -> None:
        """Move a case (buttons and drag and drop alike), as one undoable step."""
        if self.meeting is None or self.meeting.id is None or source == target:
            return
        self.editor.flush()
        title = self.agenda.case(source).title
        if self.push(commands.move_case(self.store, self.meeting.id, source, target, title)):
            self.refresh(case_row=target, reload_editor=True)

    def _on_header_edited(self) -> None:
        if self.meeting is None:
            return
        old = replace(self.meeting, cases=(), attendance=())
        try:
            new = self.header_page.read(old)
        except ValueError as exc:
            dialogs.tell(self, str(exc).replace("not a time", "Ikke et klokkeslett"))
            self.header_page.fill(self.store, self.context)
            return
        if new.date != old.date and self.meeting.numbers_frozen:
            dialogs.tell(
                self,
                "Møtet er innkalt; flytt det heller i møteplanen og send ut en revidert "
                "innkalling.",
            )
        if new != old:
            self.push(commands.edit_meeting(self.store, old, new))

    def _on_edit_list(self, which: str) -> None:
        if self.meeting is None:
            return
        chosen = self.context.invited if which == "invited" else self.context.copied
        people = [(p.id, p.name) for p in self.store.register.people() if p.id is not None]
        dialog = ListDialog("Innkalt" if which == "invited" else "Kopi", people, list(chosen), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old = replace(self.meeting, cases=(), attendance=())
        if which == "invited":
            new = replace(old, invited_ids=dialog.chosen())
        else:
            new = replace(old, copy_ids=dialog.chosen())
        if new != old:
            self.push(commands.edit_meeting(self.store, old, new))

    def new_meeting_dialog(self) -> None:
        dialog = NewMeetingDialog(self.store, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        body_id, day = dialog.chosen()
        command = commands.create_meeting(self.store, body_id, day, date_short(day))
        if self.push(command):
            self.fill_meetings(command.meeting_id)

    def _on_problem_chosen(self, item: QListWidgetItem) -> None:
        problem = self.problems[self.check_list.row(item)]
        if problem.case_index is not None:
            self.left.setCurrentIndex(0)
            self.list.setCurrentIndex(self.agenda.index(problem.case_index))
            self.editor.focus_field(problem.field or "")
        else:
            self.left.setCurrentIndex(1)
            page = self.header_page
            target = {"date": page.day, "notice_date": page.notice_date, "start": page.start,
                      "place": page.place}.get(problem.field or "")  # fmt: skip
            if target is not None:
                target.setFocus()

    def document(self) -> tuple[bytes, str] | None:
        """The notice as it will be sent, and a file name's stem."""
        if self.meeting is None:
            return None
        from tr_desk.documents.notice import render_notice

        self.editor.flush()
        kind = "tilleggsinnkalling" if self._supplement_due() else "innkalling"
        stem = documents.file_stem(self.store, self.meeting, kind, False)
        return render_notice(_shown_notice(self)), stem

    def _on_preview_toggled(self, on: bool) -> None:
        show_preview(self, on)

    def _supplement_due(self) -> bool:
        """Late items added after the notice, the notice itself unchanged: they go out in a
        Tilleggsinnkalling (kommuneloven § 11-3)."""
        return self.meeting is not None and self.state is not None and self.state.supplement_due

    def issue_supplement(self) -> bool:
        assert self.meeting is not None and self.meeting.id is not None
        question = (
            "Sende ut en tilleggsinnkalling med sakene som er lagt til etter innkallingen? "
            "Den lagres som PDF ved siden av innkallingen, til å sende de innkalte."
        )
        if not dialogs.confirm(self, "Send ut tilleggsinnkalling", question, "Send ut"):
            return False
        try:
            path = documents.issue_supplement(self.store, self.meeting.id, self.store.clock.now())
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Tilleggsinnkallingen ble ikke sendt ut")
            return False
        self.fill_meetings()
        self.message.emit(f"Tilleggsinnkallingen er sendt ut og lagret: {path}")
        if dialogs.confirm(
            self, "Tilleggsinnkallingen er lagret", f"Lagret som {path}.\n\nÅpne PDF-en?",
            "Åpne",
        ):  # fmt: skip
            from tr_desk.ui.widgets.mail import open_draft

            open_draft(path)  # the system's program for the file
        return True

    def attach_followup_list(self, case: Case | None) -> None:
        """«Oppfølgingsliste» on «Orienteringer»: the body's open items as an attachment."""
        if self.meeting is None or case is None:
            return
        self.editor.flush()
        old = self.editor.case or case
        try:
            new = documents.with_followup_list(
                self.store, old, self.context.body.prefix, self.store.clock.today()
            )
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Oppfølgingslisten ble ikke laget")
            return
        if self.push(commands.edit_case(self.store, old, new)):
            self.editor.load(new, self.editor.number.text(), self.editor.first_attachment_number)

    def close_followup(self, line: object, label: str) -> None:
        """An open item this case reports on, marked done and closed by this case."""
        from tr_desk.app.followups import close_by
        from tr_desk.core.followups import FollowUpLine

        assert isinstance(line, FollowUpLine)
        new = close_by(line.item, label)
        if self.push(commands.edit_followup(self.store, line.item, new, line.case)):
            self.editor.show_offers(label)

    def call_in_substitute(self) -> None:
        """«Kall inn vara …»: a member who has sent word of absence, and the substitute of
        the member's list to call, in rank order (§ 7-10)."""
        if self.meeting is None or self.meeting.id is None:
            return
        from tr_desk.ui.meeting.substitute_dialog import SubstituteDialog

        dialog = SubstituteDialog(self.context, self)
        if not dialog.exec():
            return
        member, sub, reason = dialog.chosen()
        if member is None or sub is None:
            return
        from tr_desk.core.minutes import with_status, with_substitute

        lines = with_substitute(self.meeting.attendance, member, sub)
        index = next(i for i, a in enumerate(lines) if a.person_id == member)
        lines = with_status(lines, member, index, lines[index].status, reason or None)
        name = self.context.name(sub)
        sent = self.state is not None and self.state.sent
        pushed = self.push(
            commands.set_attendance(
                self.store, self.meeting.id, self.meeting.attendance, lines,
                f"Kall inn {name} for {self.context.name(member)}",
            )
        )  # fmt: skip
        if pushed and sent:
            from tr_desk.ui.widgets.mail import offer_substitute_mail

            offer_substitute_mail(self, self.store, self.context, (sub, member))

    def start_issue(self) -> None:
        """«Send ut innkalling …»: the check, the user's yes, then issue."""
        if self.meeting is None or self.meeting.id is None:
            return
        self.editor.flush()
        if self._supplement_due():
            self.issue_supplement()
            return
        self._run_check()
        if any(p.severity is Severity.ERROR for p in self.problems):
            self.left.setCurrentIndex(0)
            dialogs.tell(
                self,
                "Innkallingen kan ikke sendes ut før feilene i kontrollen er rettet. "
                "Klikk på en feil for å gå til den.",
            )
            return
        question = (
            "Sende ut innkallingen? Saksnumrene låses, og innkallingen lagres som PDF. "
            "Du får et e-postutkast til de innkalte med PDF-ene vedlagt etterpå."
        )
        if not dialogs.confirm(self, "Send ut innkalling", question, "Send ut"):
            return
        self.issue()

    def issue(self) -> bool:
        """Issue the notice (after the check and the user's yes); offers a mail draft."""
        assert self.meeting is not None and self.meeting.id is not None
        try:
            path = documents.issue_notice(self.store, self.meeting.id, self.store.clock.now())
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Innkallingen ble ikke sendt ut")
            return False
        self.undo_stack.clear()  # issued is issued: no undoing across it
        self.fill_meetings()
        self.message.emit(f"Innkallingen er sendt ut og lagret: {path}")
        from tr_desk.ui.widgets.mail import send_notice_mail

        question = (
            f"Innkallingen er lagret som {path}.\n\nÅpne e-posten til de innkalte, med "
            "innkallingen (og sakspapirene) vedlagt?"
        )
        if dialogs.confirm(self, "Innkallingen er lagret", question, "Åpne e-post"):
            send_notice_mail(self, self.store, self.meeting)
        return True

    def shutdown(self) -> None:
        self.editor.flush()
        self.preview.shutdown()


def _shown_notice(pane: AgendaPane) -> Any:
    """The notice as it will go out; once late items wait for it, the Tilleggsinnkalling
    (the notice itself stays as it was sent)."""
    assert pane.meeting is not None and pane.state is not None
    return pane.state.notice


def _top_bar(pane: AgendaPane, store: Any, undo_stack: Any) -> Any:
    """The Sakliste's top bar: which meeting, the preview's switch and the big button."""
    pane.meetings = meeting_combo(pane._on_meeting_chosen, store, undo_stack)
    pane.new_meeting = QPushButton("Nytt møte …")
    pane.new_meeting.clicked.connect(pane.new_meeting_dialog)
    pane.status = QLabel()
    pane.issue_button = QPushButton("Send ut innkalling …")
    pane.issue_button.clicked.connect(pane.start_issue)
    pane.preview_on = QCheckBox("Forhåndsvisning")
    pane.preview_on.setChecked(True)
    pane.preview_on.toggled.connect(pane._on_preview_toggled)
    pane.locked = style.warning("")
    pane.locked.setWordWrap(True)
    pane.locked.setVisible(False)
    pane.hint = style.warning("")
    pane.hint.setWordWrap(True)
    pane.hint.setVisible(False)
    pane.hint.linkActivated.connect(lambda _link: pane.register_requested.emit())
    top = QHBoxLayout()
    top.addWidget(QLabel("Møte:"))
    top.addWidget(pane.meetings)
    top.addWidget(pane.new_meeting)
    top.addWidget(pane.status)
    top.addStretch(1)
    top.addWidget(pane.preview_on)
    top.addWidget(pane.issue_button)
    return top


def _agenda_page(pane: AgendaPane) -> Any:
    """The left tab «Saker»: the agenda, its buttons and the check."""
    pane.agenda = AgendaModel(pane)
    pane.agenda.move_requested.connect(pane.move_case)
    pane.list = QListView()
    pane.list.setModel(pane.agenda)
    pane.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    pane.list.setDragEnabled(True)
    pane.list.setAcceptDrops(True)
    pane.list.setDropIndicatorShown(True)
    pane.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    pane.list.selectionModel().currentChanged.connect(pane._on_case_selected)
    pane.list.setHorizontalScrollBarPolicy(pane.list.horizontalScrollBarPolicy().ScrollBarAlwaysOff)
    pane.list.setUniformItemSizes(True)
    pane.add_button = QToolButton()
    pane.add_button.setText("Ny sak")
    pane.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    pane.add_button.clicked.connect(lambda: pane.add_case(CaseKind.ORDINARY))
    menu = QMenu(pane.add_button)
    for label, kind in NEW_CASES:
        menu.addAction(label, partial(pane.add_case, kind))
    menu.addAction("Oppfølging av tidligere sak …", pane._on_add_follow_up)
    pane.add_button.setMenu(menu)
    pane.remove_button = QPushButton("Fjern")
    pane.remove_button.clicked.connect(pane._on_remove)
    pane.up_button = QToolButton()
    pane.up_button.setText("▲")
    pane.up_button.setToolTip("Flytt saken opp (den får nytt nummer); eller dra den")
    pane.up_button.clicked.connect(lambda: pane._on_step(-1))
    pane.down_button = QToolButton()
    pane.down_button.setText("▼")
    pane.down_button.setToolTip("Flytt saken ned (den får nytt nummer); eller dra den")
    pane.down_button.clicked.connect(lambda: pane._on_step(+1))
    pane.add_button.setToolTip("Ny sak i sakslisten, etter den valgte (pilen: andre slags)")
    pane.remove_button.setToolTip("Fjern saken; etter utsendelse trekkes den, med nummeret")
    pane.new_meeting.setToolTip("Lag et nytt møte (Ctrl+N)")
    pane.issue_button.setToolTip("Kontroller og send ut innkallingen, med e-postutkast")
    pane.preview_on.setToolTip("Vis innkallingen slik den blir, mens du skriver")
    name_for_menu(pane.up_button, "Flytt saken opp")
    name_for_menu(pane.down_button, "Flytt saken ned")
    name_for_menu(pane.add_button, "Ny sak")
    case_buttons = QHBoxLayout()
    for button in (pane.add_button, pane.remove_button, pane.up_button, pane.down_button):
        case_buttons.addWidget(button)
    case_buttons.addStretch(1)
    pane.check_list = QListWidget()
    pane.check_list.setWordWrap(True)
    pane.check_list.setHorizontalScrollBarPolicy(pane.list.horizontalScrollBarPolicy())
    pane.check_list.itemActivated.connect(pane._on_problem_chosen)
    pane.check_list.itemClicked.connect(pane._on_problem_chosen)
    pane.check_title = style.bold(QLabel("Kontroll"))
    agenda_page = QWidget()
    agenda_layout = QVBoxLayout(agenda_page)
    agenda_layout.addWidget(pane.list, 3)
    agenda_layout.addLayout(case_buttons)
    agenda_layout.addWidget(pane.check_title)
    agenda_layout.addWidget(pane.check_list, 2)
    return agenda_page


def _case_and_preview(pane: AgendaPane, agenda_page: Any, store: Any) -> Any:
    """The left tabs, the case being written and the notice as it will look, side by side."""
    pane.header_page = header_page = MeetingHeaderPage()
    header_page.edited.connect(pane._on_header_edited)
    header_page.list_requested.connect(pane._on_edit_list)
    header_page.substitute_requested.connect(pane.call_in_substitute)

    pane.left = QTabWidget()
    pane.left.addTab(agenda_page, "Saker")
    pane.left.addTab(header_page, "Møtet")

    pane.editor = CaseEditor(store)
    pane.editor.edited.connect(pane._on_case_edited)
    pane.editor.followup_list_requested.connect(pane.attach_followup_list)
    pane.editor.followup_closed.connect(pane.close_followup)
    editor_scroll = QScrollArea()
    editor_scroll.setWidgetResizable(True)
    editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    editor_scroll.setWidget(pane.editor)
    editor_scroll.setMinimumWidth(340)
    pane.preview = PdfPreview("notice")
    pane.preview.setMinimumWidth(300)
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(pane.left)
    splitter.addWidget(editor_scroll)
    splitter.addWidget(pane.preview)
    # Writing while glancing at the page: the editor and the page side by side, the page
    # given the most (a line of the notice readable at 1280 pixels; the editor's form
    # reflows), the list of cases narrow, its titles whole in the tooltip. Then as he left it.
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 3)
    splitter.setStretchFactor(2, 4)
    splitter.setSizes([220, 360, 510])
    keep_sizes(splitter, "sakliste-side-by-side")
    pane.splitter = splitter
    return splitter


def show_preview(pane: AgendaPane, on: bool = True) -> None:
    """The live preview shown (the notice as it stands, typeset now) or hidden."""
    pane.preview.setVisible(on)
    if on and pane.meeting is not None:
        pane.preview.show_data(_shown_notice(pane), now=True)
