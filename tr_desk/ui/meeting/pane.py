"""Møte: during the meeting. Who is there (one key per member), the quorum per case, and per
case what was said and decided. Every keystroke is in the database within a second."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core import lifecycle
from tr_desk.core.context import MeetingContext
from tr_desk.core.errors import UserError
from tr_desk.core.formats import date_short, parse_time
from tr_desk.core.minutes import NEXT_STATUS, with_status, with_substitute, without
from tr_desk.core.model import Attendance, AttendanceStatus, Case, Meeting, MeetingMode
from tr_desk.core.roll import (
    STATUS_TEXT,
    RollRow,
    case_lines,
    default_role,
    quorum_heading,
    roll,
    roll_counts,
    suggested_others,
    with_other,
    with_span,
)
from tr_desk.core.stand_ins import everyone, substitute_choices, vara_hint
from tr_desk.ui import commands
from tr_desk.ui.meeting.dialogs import (
    HINT,
    HINT_CASES,
    KEYS,
    PersonDialog,
    RosterTable,
    SavedLine,
    SpanDialog,
)
from tr_desk.ui.meeting.minutes_editor import MinutesEditor
from tr_desk.ui.pane import MeetingView, PaneHost, name_for_menu
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.meeting_picker import (
    STATUS_LABELS,
    MeetingPicker,
    current_meeting,
    fill_meetings,
    meeting_combo,
)
from tr_desk.ui.widgets.state import keep_sizes
from tr_desk.ui.widgets.view_models import CaseListModel, RollModel


class MeetingPane(MeetingView):
    """The Møte pane: the roster on the left, the cases in the middle, one case on the right."""

    # The pane's own keys (Møte › Start møtet, Ctrl+T, is in the menu); Hjelp › Hurtigtaster
    # lists them from here.
    KEYS = (
        ("Ctrl+Down", "Neste sak", "next"),
        ("Ctrl+Up", "Forrige sak", "previous"),
        ("Ctrl+E", "Møtet sluttet nå", "end"),
        ("Ctrl+R", "Til listen over til stede", "roll"),
    )

    # The widgets the builders below the class make.
    meetings: MeetingPicker
    status: QLabel
    saved_label: SavedLine
    locked: QLabel
    held_start: QLineEdit
    held_end: QLineEdit
    start_now: QPushButton
    end_now: QPushButton
    roster: RosterTable
    add_other: QPushButton
    remove_line: QPushButton
    counts: QLabel
    vara_hint: QLabel
    mark_buttons: list[QPushButton]
    cases: QTreeView
    editor: MinutesEditor

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.meeting: Meeting | None = None
        self.context: MeetingContext | None = None
        self.roll = RollModel(self)
        self.case_list = CaseListModel(self)
        self._locked = False

        top = _top_bar(self, store, undo_stack)
        times = _times(self)
        left = _roster(self, times)
        _cases(self)
        splitter = _columns(self, left, store)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        layout.addWidget(splitter, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        slots = {
            "next": lambda: self.step_case(+1),
            "previous": lambda: self.step_case(-1),
            "end": lambda: self.stamp("end"),
            "roll": self.roster.setFocus,
        }
        for keys, _text, name in self.KEYS:
            QShortcut(QKeySequence(keys), self, slots[name], context=context)
        self.watch_store(undo_stack, lambda: self._on_undo_index(0))
        self.fill_meetings()

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.editor.thread_view.case_requested.connect(host.open_case)

    def fill_meetings(self, keep: int | None = None) -> None:
        keep = keep or (self.meeting.id if self.meeting else None)
        self.open_meeting(fill_meetings(self.meetings, self.store, keep, current_meeting))

    def open_meeting(self, meeting_id: int | None) -> None:
        self.editor.flush()
        self.meeting = self.store.meetings.meeting(meeting_id) if meeting_id is not None else None
        if self.meeting is not None:
            self.meeting_opened.emit(meeting_id)
        self.refresh(reload_editor=True)

    def refresh(self, reload_editor: bool = False) -> None:
        if self.meeting is None:
            self.context = None
            self.roll.set_records([])
            self.case_list.set_records([])
            self.editor.load(None)
            self.status.setText("Ingen møter ennå.")
            return
        assert self.meeting.id is not None
        self.meeting = self.store.meetings.meeting(self.meeting.id)
        self.context = self.store.context(self.meeting)  # the one read for the pane
        m = self.meeting
        status = STATUS_LABELS[m.status]
        mode = {MeetingMode.REMOTE: ", fjernmøte", MeetingMode.WRITTEN: ", skriftlig"}.get(
            m.mode, ""
        )
        self.status.setText(f"{status}{mode}")
        locked = self._locked = m.minutes_locked or self.store.readonly
        approved = "Protokollen er godkjent og låst. Gjenåpne den i Protokoll-fanen for å endre."
        reason = approved if m.minutes_locked else f"Skrivebeskyttet: {self.store.readonly_reason}"
        style.set_warning(self.locked, reason if locked else "")
        widgets = (self.roster, self.editor, self.held_start, self.held_end, self.start_now,
                   self.end_now, self.add_other, self.remove_line, *self.mark_buttons)  # fmt: skip
        for widget in widgets:
            widget.setEnabled(not locked)
        for line, value in ((self.held_start, m.held_start), (self.held_end, m.held_end)):
            line.blockSignals(True)
            line.setText(value.strftime("%H:%M") if value else "")
            line.blockSignals(False)
        self._fill_roster()
        self._fill_cases()
        row = self.current_case()
        if reload_editor or (
            self.editor.case is not None and row >= 0 and self.editor.case.id != m.cases[row].id
        ):
            self._load_editor(max(row, 0))
        else:
            self._show_quorum(row)

    def _fill_roster(self) -> None:
        assert self.context is not None
        current = self.roster.currentIndex().row()
        rows = roll(self.context)
        self.roll.update_records(rows)
        # The party column only where there are parties (a forum of officials has none).
        self.roster.setColumnHidden(RollModel.PARTY, not any(row.party for row in rows))
        if rows:
            self.select_row(max(0, min(current, len(rows) - 1)))
        self.counts.setText(roll_counts(rows))

    def _fill_cases(self) -> None:
        """Number, title, outcome and quorum of every case; same rows are updated, not rebuilt."""
        assert self.context is not None
        current = self.current_case()
        self.case_list.set_header(3, quorum_heading(self.context))
        lines = case_lines(self.context)
        blocked = self.cases.blockSignals(True)
        selection = self.cases.selectionModel()
        assert selection is not None
        selection.blockSignals(True)
        self.case_list.update_records(lines)
        if lines:
            self.select_case(max(0, min(current, len(lines) - 1)))
        selection.blockSignals(False)
        self.cases.blockSignals(blocked)

    def _show_quorum(self, row: int) -> None:
        if self.context is None or not 0 <= row < len(self.case_list.rows()):
            return
        line = self.case_list.record(row)
        self.editor.set_quorum(line.verdict, line.ok)

    def select_row(self, row: int) -> None:
        """Select the roll's ``row`` (the next key marks that person)."""
        self.roster.setCurrentIndex(self.roll.index(row, 0))

    def select_case(self, row: int) -> None:
        self.cases.setCurrentIndex(self.case_list.index(row, 0))

    def current_case(self) -> int:
        return self.cases.currentIndex().row()

    def _load_editor(self, row: int) -> None:
        if self.meeting is None or not 0 <= row < len(self.meeting.cases):
            self.editor.load(None)
            return
        assert self.context is not None
        self.editor.set_people(list(self.context.people.values()))
        self.editor.set_context(self.context, row)
        people = {pid: p.name for pid, p in self.context.people.items()}
        self.editor.load(
            self.meeting.cases[row], self.context.where(row), people, list(self.context.members),
            self.meeting.mode is MeetingMode.WRITTEN,
        )  # fmt: skip
        self.editor.setEnabled(not self._locked)
        self._show_quorum(row)

    def _on_case_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_editor(current.row())

    def step_case(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the next case, with the cursor in the same field."""
        if self.meeting is None or not self.meeting.cases:
            return
        field = self.editor.focused_field() or "notes"
        self.select_case(max(0, min(self.current_case() + step, len(self.meeting.cases) - 1)))
        self.editor.focus_field(field)

    def _set_lines(self, lines: list[Attendance], text: str) -> bool:
        assert self.meeting is not None and self.meeting.id is not None
        meeting_id = self.meeting.id
        old = self.meeting.attendance
        command = commands.set_attendance(self.store, meeting_id, old, lines, text)
        return self.push(command)

    def _selected(self) -> RollRow | None:
        row = self.roster.currentIndex().row()
        return self.roll.record(row) if 0 <= row < self.roll.rowCount() else None

    def _on_roster_key(self, key: int) -> None:
        if key in [int(k) for k in KEYS]:
            self.mark(KEYS[Qt.Key(key)], advance=True)
        elif key == int(Qt.Key.Key_V):
            self.add_substitute()
        elif key == int(Qt.Key.Key_G):
            self.ask_reason()
        elif key == int(Qt.Key.Key_K):
            self.edit_span()
        elif key == int(Qt.Key.Key_Delete):
            self.clear_mark()

    def mark(self, status: AttendanceStatus, advance: bool = False) -> None:
        """Mark the selected person; with ``advance`` the next row is selected for the next key."""
        chosen = self._selected()
        if self.meeting is None or chosen is None:
            return
        row = self.roster.currentIndex().row()
        lines = with_status(self.meeting.attendance, chosen.person_id, chosen.index, status)
        if self._set_lines(lines, f"{chosen.name}: {STATUS_TEXT[status].lower()}") and advance:
            self.select_row(min(row + 1, self.roll.rowCount() - 1))
        self.propose_substitutes(chosen.person_id if status is AttendanceStatus.ABSENT else None)

    def new_followup(self, case: Case | None) -> None:
        """«Ny oppfølging …»: what the resolution asks for, the daglig leder responsible (to
        be changed), due in a month."""
        if case is None or case.id is None or self.context is None:
            return
        from tr_desk.core.followups import proposed_text
        from tr_desk.core.model import FollowUp
        from tr_desk.ui.followups.pane import FollowUpDialog

        self.editor.flush()
        fresh = self.editor.case or case  # with the resolution just typed
        manager = self.context.manager
        proposed = FollowUp(
            proposed_text(fresh.resolution or fresh.proposal),
            person_id=manager.id if manager else None,
            due=self.store.clock.today() + dt.timedelta(days=30),
        )
        label = self.context.where(self.current_case())
        dialog = FollowUpDialog(
            proposed, list(self.context.people.values()), f"Ny oppfølging – {label}", self
        )
        if dialog.exec() and self.push(
            commands.add_followup(self.store, case.id, dialog.chosen(), label)
        ):
            from tr_desk.app.followups import case_followups

            self.editor.show_followups(case_followups(self.store, case.id))

    def propose_substitutes(self, member: int | None) -> None:
        """After a member's «forfall»: who to call, first one a click (or V) away."""
        hint = vara_hint(self.context, member) if self.context and member is not None else ""
        self.vara_hint.setText(hint)
        self.vara_hint.setVisible(bool(hint))

    def _on_vara_link(self, link: str) -> None:
        _kind, member, sub = link.split(":")
        if self.meeting is None or self.context is None:
            return
        lines = with_substitute(self.meeting.attendance, int(member), int(sub))
        name = self.context.name(int(sub))
        self._set_lines(lines, f"{name} møter for {self.context.name(int(member))}")
        self.vara_hint.hide()

    def _on_cell_clicked(self, index: QModelIndex) -> None:
        """One click on the status: – → til stede → digitalt → forfall → til stede."""
        if index.column() != RollModel.STATUS or self.meeting is None:
            return
        self.mark(NEXT_STATUS[self.roll.record(index.row()).status])

    def ask_reason(self) -> None:
        chosen = self._selected()
        if self.meeting is None or chosen is None:
            return
        reason = dialogs.ask_text(self, "Forfall", "Grunn (valgfritt):")
        if reason is None:
            return
        lines = with_status(
            self.meeting.attendance, chosen.person_id, chosen.index, AttendanceStatus.ABSENT,
            reason,
        )  # fmt: skip
        self._set_lines(lines, f"Forfall {chosen.name}")
        self.propose_substitutes(chosen.person_id)

    def clear_mark(self) -> None:
        chosen = self._selected()
        if self.meeting is None or chosen is None or chosen.index is None:
            return
        self._set_lines(without(self.meeting.attendance, chosen.index), f"Fjern {chosen.name}")

    def add_substitute(self) -> None:
        """The selected member is absent; pick who stands in (varamedlemmer first)."""
        chosen = self._selected()
        context = self.context
        if (
            self.meeting is None or context is None or chosen is None
            or chosen.person_id not in context.members
        ):  # fmt: skip
            dialogs.tell(self, "Velg et medlem i listen først; varaen møter for medlemmet.")
            return
        pid = chosen.person_id
        assert pid is not None
        suggested = substitute_choices(context, pid)
        dialog = PersonDialog(f"Vara for {chosen.name}", suggested, everyone(context), self)
        if not dialog.exec():
            return
        sub, _guest = dialog.chosen()
        if sub is None or sub == pid:
            return
        lines = with_substitute(self.meeting.attendance, pid, sub)
        self._set_lines(lines, f"{context.name(sub)} møter for {chosen.name}")
        self.vara_hint.hide()

    def add_others(self) -> None:
        """Others present: the secretariat on the Kopi list, presenters, guests."""
        context = self.context
        if self.meeting is None or context is None:
            return
        suggested = [(pid, context.name(pid) or "?") for pid in suggested_others(context)]
        dialog = PersonDialog(
            "Andre til stede", suggested, everyone(context), self, role="", allow_guest=True
        )
        dialog.person.currentIndexChanged.connect(
            lambda _: dialog.role.setText(
                default_role(context, dialog.person.currentData()) or dialog.role.text()
            )
        )
        if not dialog.exec():
            return
        pid, guest = dialog.chosen()
        if pid is None and not guest.strip():
            return
        name = context.name(pid) if pid is not None else guest
        try:
            lines = with_other(self.meeting.attendance, pid, guest, dialog.role.text(), name)
        except UserError as exc:
            dialogs.tell(self, str(exc))
            return
        self._set_lines(lines, f"Til stede: {name}")

    def edit_span(self) -> None:
        """Arrived after the start or left before the end: which cases they took part in."""
        chosen = self._selected()
        if self.meeting is None or self.context is None or chosen is None:
            return
        lines = self.meeting.attendance
        if chosen.index is None or lines[chosen.index].status is AttendanceStatus.ABSENT:
            dialogs.tell(self, "Merk personen til stede først.")
            return
        ids = [c.id for c in self.meeting.cases if c.id is not None]
        labels = [self.context.where(i) for i in range(len(self.meeting.cases))]
        dialog = SpanDialog(labels, lines[chosen.index], ids, self)
        if not dialog.exec():
            return
        first, last = dialog.chosen()
        self._set_lines(with_span(lines, chosen.index, first, last), f"Kom/gikk: {chosen.name}")

    def stamp(self, which: str) -> None:
        """One key for «now»: the meeting started (and is held) or ended; asked first when
        the meeting is not today (a wrong meeting chosen, or the times written up later)."""
        if self.meeting is None or self.meeting.minutes_locked:
            return
        day, start = self.meeting.date, which == "start"
        title, verb = ("Start", "starttiden") if start else ("Avslutt", "sluttiden")
        question = f"Møtet er {date_short(day)}, ikke i dag. Sette {verb} til nå likevel?"
        if day != self.store.clock.today() and not dialogs.confirm(
            self, f"{title} møtet", question, f"{title} møtet"
        ):
            return
        now = self.store.clock.now().time().replace(second=0, microsecond=0)
        (self.held_start if which == "start" else self.held_end).setText(now.strftime("%H:%M"))
        self._on_times_edited()

    def _on_times_edited(self) -> None:
        if self.meeting is None:
            return
        try:
            start = parse_time(self.held_start.text()) if self.held_start.text() else None
            end = parse_time(self.held_end.text()) if self.held_end.text() else None
        except ValueError:
            self.refuse("Skriv klokkeslettet som 08:30 eller 0830.")
            self.refresh()
            return
        if lifecycle.with_held_times(self.meeting, start, end) == self.meeting:
            return
        assert self.meeting.id is not None
        self.push(commands.held_times(self.store, self.meeting.id, start, end))

    def _on_case_edited(self, case: Case, field: str) -> None:
        if self.meeting is None:
            return
        old = next((c for c in self.meeting.cases if c.id == case.id), None)
        if old is None:
            return
        if self.push(commands.edit_case(self.store, old, case, field)):
            # A merged burst of typing refreshes nothing: keep our copy of the case current.
            cases = [case if known.id == case.id else known for known in self.meeting.cases]
            self.meeting = replace(self.meeting, cases=cases)
            self.saved_label.show_saved(self.store.clock.now())
        else:
            self.refresh(reload_editor=True)

    def _on_undo_index(self, _index: int) -> None:
        """Our own edit (refresh the lists), or an undo/redo or another pane's step (meetings
        may have come or gone, as with an import: the list again, and what the store has)."""
        if self._pushing and self.meeting is not None:
            self.refresh()
        else:
            self.fill_meetings()
        if self.meeting is not None:
            self.saved_label.show_saved(self.store.clock.now())

    def document(self) -> tuple[bytes, str] | None:
        """The minutes as recorded so far, and a file name's stem."""
        if self.meeting is None or self.context is None:
            return None
        from tr_desk.app.documents import file_stem, minutes_pdf

        self.editor.flush()
        kind = self.context.body.minutes_title.lower()
        return minutes_pdf(self.store, self.meeting), file_stem(
            self.store, self.meeting, kind, False
        )

    def shutdown(self) -> None:
        self.editor.flush()


def _top_bar(pane: MeetingPane, store: Any, undo_stack: Any) -> Any:
    """The Møte pane's top bar: which meeting, its status, what is saved."""
    pane.meetings = meeting_combo(pane.open_meeting, store, undo_stack)
    pane.status = QLabel()
    pane.saved_label = SavedLine()
    pane.locked = style.warning("")
    pane.locked.setVisible(False)
    top = QHBoxLayout()
    top.addWidget(QLabel("Møte:"))
    top.addWidget(pane.meetings)
    top.addWidget(pane.status)
    top.addStretch(1)
    top.addWidget(pane.saved_label)
    return top


def _times(pane: MeetingPane) -> Any:
    """When the meeting started and ended, with «Start nå» and «Slutt nå»."""
    pane.held_start = QLineEdit()
    pane.held_end = QLineEdit()
    for line in (pane.held_start, pane.held_end):
        line.setPlaceholderText("tt:mm")
        line.setMaximumWidth(70)
        line.editingFinished.connect(pane._on_times_edited)
    pane.start_now = QPushButton("Start nå (Ctrl+T)")
    pane.start_now.setToolTip("Møtet startet nå: klokkeslettet settes inn (Møte › Start møtet)")
    pane.start_now.clicked.connect(lambda: pane.stamp("start"))
    pane.end_now = QPushButton("Slutt nå (Ctrl+E)")
    pane.end_now.setToolTip("Møtet sluttet nå: klokkeslettet settes inn")
    pane.end_now.clicked.connect(lambda: pane.stamp("end"))
    times = QHBoxLayout()
    times.addWidget(QLabel("Startet:"))
    times.addWidget(pane.held_start)
    times.addWidget(pane.start_now)
    times.addWidget(QLabel("Sluttet:"))
    times.addWidget(pane.held_end)
    times.addWidget(pane.end_now)
    times.addStretch(1)
    return times


def _roster(pane: MeetingPane, times: Any) -> Any:
    """The roll: who is there, marked by a key, and who stands in."""
    pane.roster = RosterTable()
    pane.roster.setModel(pane.roll)
    pane.roster.verticalHeader().hide()
    pane.roster.verticalHeader().setDefaultSectionSize(24)
    pane.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    pane.roster.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    pane.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = pane.roster.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # name, party
    header.setSectionResizeMode(RollModel.STATUS, QHeaderView.ResizeMode.Fixed)
    status_width = pane.roster.fontMetrics().horizontalAdvance("Til stede") + 24
    header.resizeSection(RollModel.STATUS, status_width)
    header.setStretchLastSection(True)
    pane.roster.key_pressed.connect(pane._on_roster_key)
    pane.roster.clicked.connect(pane._on_cell_clicked)
    buttons = QHBoxLayout()
    pane.mark_buttons = []
    for text, slot, in_menu in (
        ("Til stede", lambda: pane.mark(AttendanceStatus.PRESENT), "Marker til stede"),
        ("Digitalt", lambda: pane.mark(AttendanceStatus.DIGITAL), "Marker digitalt"),
        ("Forfall", lambda: pane.mark(AttendanceStatus.ABSENT), "Marker forfall"),
        ("Vara …", pane.add_substitute, "Kall inn vara …"),
        ("Kom/gikk …", pane.edit_span, "Kom/gikk …"),
    ):
        button = name_for_menu(QPushButton(text), in_menu)
        button.clicked.connect(slot)
        buttons.addWidget(button)
        pane.mark_buttons.append(button)
    pane.add_other = QPushButton("Andre til stede …")
    pane.add_other.clicked.connect(pane.add_others)
    pane.remove_line = QPushButton("Fjern")
    pane.remove_line.clicked.connect(pane.clear_mark)
    name_for_menu(pane.remove_line, "Fjern fra oppmøtet")
    more = QHBoxLayout()
    more.addWidget(pane.add_other)
    more.addWidget(pane.remove_line)
    more.addStretch(1)
    pane.counts = QLabel()
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addLayout(times)
    left_layout.addWidget(style.bold(QLabel("Til stede og forfall")))
    left_layout.addWidget(pane.roster, 1)
    left_layout.addLayout(buttons)
    left_layout.addLayout(more)
    counts_row = QHBoxLayout()
    counts_row.addWidget(pane.counts)
    counts_row.addStretch(1)
    left_layout.addLayout(counts_row)
    # After a «forfall»: the substitutes of the member's list in rank order (§ 7-10).
    pane.vara_hint = QLabel()
    pane.vara_hint.setWordWrap(True)
    pane.vara_hint.setTextFormat(Qt.TextFormat.RichText)
    pane.vara_hint.linkActivated.connect(pane._on_vara_link)
    pane.vara_hint.hide()
    left_layout.addWidget(pane.vara_hint)
    left_layout.addWidget(style.muted(HINT))
    return left


def _cases(pane: MeetingPane) -> None:
    """The cases with their outcome and the quorum for each."""
    pane.cases = QTreeView()
    pane.cases.setModel(pane.case_list)
    pane.cases.setRootIsDecorated(False)
    pane.cases.setUniformRowHeights(True)
    pane.cases.setAllColumnsShowFocus(True)
    pane.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    cases_header = pane.cases.header()
    cases_header.setStretchLastSection(False)
    cases_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    cases_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    # Outcome and quorum change during the meeting: fixed widths, so that a key press does
    # not make Qt measure every row again.
    metrics = pane.cases.fontMetrics()
    for column, widest in ((2, "Behandlet"), (3, "Vedtaksfør")):
        cases_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        cases_header.resizeSection(column, metrics.horizontalAdvance(widest) + 24)
    selection = pane.cases.selectionModel()
    assert selection is not None
    selection.currentRowChanged.connect(pane._on_case_chosen)


def _columns(pane: MeetingPane, left: Any, store: Any) -> Any:
    """The roll and the cases on the left, the case being written on the right."""
    pane.editor = MinutesEditor(store)
    pane.editor.edited.connect(pane._on_case_edited)
    pane.editor.followup_requested.connect(pane.new_followup)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(pane.editor)
    cases_box = QWidget()
    cases_layout = QVBoxLayout(cases_box)
    cases_layout.setContentsMargins(0, 0, 0, 0)
    cases_layout.addWidget(style.bold(QLabel("Saker")))
    cases_layout.addWidget(pane.cases, 1)
    cases_layout.addWidget(style.muted(HINT_CASES))
    left_column = QSplitter(Qt.Orientation.Vertical)
    left_column.addWidget(left)
    left_column.addWidget(cases_box)
    left_column.setStretchFactor(0, 5)
    left_column.setStretchFactor(1, 4)

    splitter = QSplitter()
    splitter.addWidget(left_column)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 4)
    splitter.setStretchFactor(1, 5)
    keep_sizes(splitter, "mote")
    splitter.setSizes([500, 660])
    return splitter
