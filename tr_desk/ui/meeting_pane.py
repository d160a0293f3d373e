"""Møte: during the meeting. Who is there (one key per member), the quorum per case, and per
case what was said and decided. Every keystroke is in the database within a second."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tr_desk.core import lifecycle
from tr_desk.core.formats import parse_time
from tr_desk.core.minutes import (
    NEXT_STATUS,
    quorum_for_case,
    takes_part,
    with_status,
    with_substitute,
    without,
)
from tr_desk.core.model import (
    Attendance,
    AttendanceStatus,
    Case,
    Meeting,
    MeetingMode,
    Role,
)
from tr_desk.storage.store import Store
from tr_desk.ui import commands, dialogs, style
from tr_desk.ui.meeting_picker import STATUS_LABELS, current_meeting, fill_meetings, meeting_combo
from tr_desk.ui.minutes_editor import OUTCOME_LABELS, MinutesEditor
from tr_desk.ui.pane import MeetingView

STATUS_TEXT = {
    None: "–",
    AttendanceStatus.PRESENT: "Til stede",
    AttendanceStatus.DIGITAL: "Digitalt",
    AttendanceStatus.ABSENT: "Forfall",
}
KEYS = {
    Qt.Key.Key_T: AttendanceStatus.PRESENT,
    Qt.Key.Key_Space: AttendanceStatus.PRESENT,
    Qt.Key.Key_D: AttendanceStatus.DIGITAL,
    Qt.Key.Key_F: AttendanceStatus.ABSENT,
}
HINT = (
    "Klikk på status for å bytte. Taster: T til stede · D digitalt · F forfall · G grunn · "
    "V vara · K kom/gikk · Del fjern"
)
HINT_CASES = "Ctrl+Pil ned/opp: neste/forrige sak · Ctrl+R: til listen over til stede"


class RosterTable(QTableWidget):
    """The roster; a letter marks the selected member and moves on to the next."""

    key_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,)
        if plain and (
            key in KEYS or key in (Qt.Key.Key_V, Qt.Key.Key_G, Qt.Key.Key_K, Qt.Key.Key_Delete)
        ):
            self.key_pressed.emit(int(key))
            event.accept()
            return
        super().keyPressEvent(event)


class PersonDialog(QDialog):
    """Pick a person from the register (suggested first), or type a guest's name."""

    def __init__(
        self,
        title: str,
        suggested: list[tuple[int, str]],
        everyone: list[tuple[int, str]],
        parent: QWidget | None,
        *,
        role: str = "",
        allow_guest: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.person = QComboBox()
        self.person.setEditable(allow_guest)
        seen = set()
        for pid, name in suggested + everyone:
            if pid not in seen:
                seen.add(pid)
                self.person.addItem(name, pid)
        if allow_guest:
            self.person.setCurrentIndex(-1)
            line = self.person.lineEdit()
            assert line is not None
            line.setPlaceholderText("Navn fra registeret, eller en gjest")
        self.role = QLineEdit(role)
        self.role.setPlaceholderText("f.eks. sekretariat, innleder, gjest")
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        if allow_guest:
            form.addRow("&Rolle:", self.role)
        form.addRow(dialogs.ok_cancel(self, "OK", self.accept))

    def chosen(self) -> tuple[int | None, str]:
        """(person id, "") for someone in the register, (None, name) for a guest."""
        text = " ".join(self.person.currentText().split())
        index = self.person.findText(text)
        if index >= 0:
            return int(self.person.itemData(index)), ""
        return None, text


class SpanDialog(QDialog):
    """Which cases someone took part in: arrived before one case, left after another."""

    def __init__(self, labels: list[str], line: Attendance, ids: list[int], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle("Kom eller gikk mellom saker")
        self.ids = ids
        self.first = QComboBox()
        self.first.addItem("Fra møtets start", None)
        self.last = QComboBox()
        self.last.addItem("Til møtets slutt", None)
        for label, case_id in zip(labels, ids, strict=True):
            self.first.addItem(f"Kom før {label}", case_id)
            self.last.addItem(f"Gikk etter {label}", case_id)
        self.first.setCurrentIndex(max(0, self.first.findData(line.from_case)))
        self.last.setCurrentIndex(max(0, self.last.findData(line.to_case)))
        form = QFormLayout(self)
        form.addRow("&Fra:", self.first)
        form.addRow("&Til:", self.last)
        form.addRow(dialogs.ok_cancel(self, "OK", self._on_ok))

    def _on_ok(self) -> None:
        first, last = self.first.currentData(), self.last.currentData()
        if first is not None and last is not None and self.ids.index(first) > self.ids.index(last):
            dialogs.tell(self, "Personen kan ikke gå før hun eller han kom.")
            return
        self.accept()

    def chosen(self) -> tuple[int | None, int | None]:
        return self.first.currentData(), self.last.currentData()


class MeetingPane(MeetingView):
    """The Møte pane: the roster on the left, the cases in the middle, one case on the right."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.meeting: Meeting | None = None
        self.members: list[int] = []  # the seats, for quorum
        self.elected = False  # an elected body: the quorum is judged (kommuneloven § 11-9)
        self.roster_ids: list[int] = []  # who is called, in roster order
        self.rows: list[tuple[int | None, int | None]] = []  # (person id, attendance index)
        self.labels: list[str] = []
        self.people: dict[int, str] = {}
        self._locked = False

        self.meetings = meeting_combo(self.open_meeting)
        self.status = QLabel()
        self.saved_label = style.muted("")
        self.locked = style.warning("")
        self.locked.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel("Møte:"))
        top.addWidget(self.meetings)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.saved_label)

        # -- left: times and the roster -----------------------------------------------------
        self.held_start = QLineEdit()
        self.held_end = QLineEdit()
        for line in (self.held_start, self.held_end):
            line.setPlaceholderText("tt:mm")
            line.setMaximumWidth(70)
            line.editingFinished.connect(self._on_times_edited)
        self.start_now = QPushButton("Start nå (Ctrl+T)")
        self.start_now.clicked.connect(lambda: self.stamp("start"))
        self.end_now = QPushButton("Slutt nå (Ctrl+E)")
        self.end_now.clicked.connect(lambda: self.stamp("end"))
        times = QHBoxLayout()
        times.addWidget(QLabel("Startet:"))
        times.addWidget(self.held_start)
        times.addWidget(self.start_now)
        times.addWidget(QLabel("Sluttet:"))
        times.addWidget(self.held_end)
        times.addWidget(self.end_now)
        times.addStretch(1)

        self.roster = RosterTable(0, 3)
        self.roster.setHorizontalHeaderLabels(["Navn", "Status", "Merknad"])
        self.roster.verticalHeader().hide()
        self.roster.verticalHeader().setDefaultSectionSize(24)
        self.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.roster.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.roster.fontMetrics().horizontalAdvance("Til stede") + 24)
        header.setStretchLastSection(True)
        self.roster.key_pressed.connect(self._on_roster_key)
        self.roster.cellClicked.connect(self._on_cell_clicked)
        buttons = QHBoxLayout()
        self.mark_buttons = []
        for text, slot in (
            ("Til stede", lambda: self.mark(AttendanceStatus.PRESENT)),
            ("Digitalt", lambda: self.mark(AttendanceStatus.DIGITAL)),
            ("Forfall", lambda: self.mark(AttendanceStatus.ABSENT)),
            ("Vara …", self.add_substitute),
            ("Kom/gikk …", self.edit_span),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.mark_buttons.append(button)
        self.add_other = QPushButton("Andre til stede …")
        self.add_other.clicked.connect(self.add_others)
        self.remove_line = QPushButton("Fjern")
        self.remove_line.clicked.connect(self.clear_mark)
        more = QHBoxLayout()
        more.addWidget(self.add_other)
        more.addWidget(self.remove_line)
        more.addStretch(1)
        self.counts = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(times)
        left_layout.addWidget(style.bold(QLabel("Til stede og forfall")))
        left_layout.addWidget(self.roster, 1)
        left_layout.addLayout(buttons)
        left_layout.addLayout(more)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts)
        counts_row.addStretch(1)
        left_layout.addLayout(counts_row)
        left_layout.addWidget(style.muted(HINT))

        # -- middle: the cases with outcome and quorum ----------------------------------------
        self.cases = QTreeWidget()
        self.cases.setHeaderLabels(["Sak", "Tittel", "Utfall", "Vedtaksfør"])
        self.cases.setRootIsDecorated(False)
        self.cases.setUniformRowHeights(True)
        self.cases.setAllColumnsShowFocus(True)
        cases_header = self.cases.header()
        cases_header.setStretchLastSection(False)
        cases_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        cases_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Outcome and quorum change during the meeting: fixed widths, so that a key press does
        # not make Qt measure every row again.
        metrics = self.cases.fontMetrics()
        for column, widest in ((2, "Behandlet"), (3, "Vedtaksfør")):
            cases_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            cases_header.resizeSection(column, metrics.horizontalAdvance(widest) + 24)
        self.cases.currentItemChanged.connect(self._on_case_chosen)
        self._warn_brush = QBrush(QColor(style.WARNING_COLOUR))
        self._plain_brush = self.cases.palette().text()

        # -- right: the case ----------------------------------------------------------------
        self.editor = MinutesEditor()
        self.editor.edited.connect(self._on_case_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        cases_box = QWidget()
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(style.bold(QLabel("Saker")))
        cases_layout.addWidget(self.cases, 1)
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
        splitter.setSizes([500, 660])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        layout.addWidget(splitter, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+Down", lambda: self.step_case(+1)),
            ("Ctrl+Up", lambda: self.step_case(-1)),
            ("Ctrl+T", lambda: self.stamp("start")),
            ("Ctrl+E", lambda: self.stamp("end")),
            ("Ctrl+R", self.roster.setFocus),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=context)
        self.watch_store(undo_stack, lambda: self._on_undo_index(0))
        self.fill_meetings()

    # -- which meeting ----------------------------------------------------------------------

    def fill_meetings(self, keep: int | None = None) -> None:
        keep = keep or (self.meeting.id if self.meeting else None)
        self.open_meeting(fill_meetings(self.meetings, self.store, keep, current_meeting))

    def open_meeting(self, meeting_id: int | None) -> None:
        self.editor.flush()
        self.meeting = self.store.meetings.meeting(meeting_id) if meeting_id is not None else None
        if self.meeting is not None:
            self.meeting_opened.emit(meeting_id)
        self.refresh(reload_editor=True)

    # -- showing -----------------------------------------------------------------------------

    def refresh(self, reload_editor: bool = False) -> None:
        if self.meeting is None:
            self.roster.setRowCount(0)
            self.cases.clear()
            self.editor.load(None)
            self.status.setText("Ingen møter ennå.")
            return
        assert self.meeting.id is not None
        self.meeting = self.store.meetings.meeting(self.meeting.id)
        self.context = self.store.context(self.meeting)  # the one read for the pane
        self.members = list(self.context.members)
        self.roster_ids = list(self.context.invited)
        self.people = {pid: p.name for pid, p in self.context.people.items()}
        m = self.meeting
        self.elected = self.context.body.elected
        self.labels = [self.context.where(i) for i in range(len(m.cases))]
        status = STATUS_LABELS[m.status]
        mode = {MeetingMode.REMOTE: ", fjernmøte", MeetingMode.WRITTEN: ", skriftlig"}.get(
            m.mode, ""
        )
        self.status.setText(f"{status}{mode}")
        locked = self._locked = m.minutes_locked or self.store.readonly
        self.locked.setText(
            "Protokollen er godkjent og låst. Gjenåpne den i Protokoll-fanen for å endre."
            if m.minutes_locked
            else f"Skrivebeskyttet: {self.store.readonly_reason}"
        )
        self.locked.setVisible(locked)
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
        assert self.meeting is not None
        m = self.meeting
        current = self.roster.currentRow()
        lines = m.attendance
        by_person = {a.person_id: i for i, a in enumerate(lines) if a.person_id is not None}
        rows: list[tuple[int | None, int | None]] = [
            (pid, by_person.get(pid)) for pid in self.roster_ids
        ]
        listed = set(self.roster_ids)
        rows += [(a.person_id, i) for i, a in enumerate(lines) if a.person_id not in listed]
        self.rows = rows
        self.roster.setRowCount(len(rows))
        for row, (pid, index) in enumerate(rows):
            line = lines[index] if index is not None else None
            name = (
                self.people.get(pid, "") if pid is not None else (line.guest_name if line else "")
            )
            status = STATUS_TEXT[line.status if line else None]
            notes = []
            if line is not None:
                if line.substitute_for is not None:
                    notes.append(f"vara for {self.people.get(line.substitute_for, '?')}")
                if line.role:
                    notes.append(line.role)
                if line.reason:
                    notes.append(line.reason)
                if line.from_case is not None or line.to_case is not None:
                    notes.append(self._span_text(line))
            elif pid is not None and pid not in self.members:
                notes.append("innkalt")
            for column, text in enumerate((name, status, ", ".join(notes))):
                item = self.roster.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.roster.setItem(row, column, item)
                item.setText(text)
        if self.rows:
            self.roster.setCurrentCell(max(0, min(current, len(rows) - 1)), 0)
        present = sum(1 for a in lines if a.status is not AttendanceStatus.ABSENT)
        absent = sum(1 for a in lines if a.status is AttendanceStatus.ABSENT)
        unmarked = sum(1 for pid, index in rows if index is None)
        self.counts.setText(
            f"{present} til stede, {absent} forfall"
            + (f", {unmarked} ikke merket" if unmarked else "")
        )

    def _span_text(self, line: Attendance) -> str:
        assert self.meeting is not None
        ids = [c.id for c in self.meeting.cases]
        parts = []
        if line.from_case in ids:
            parts.append(f"fra {self.labels[ids.index(line.from_case)]}")
        if line.to_case in ids:
            parts.append(f"til og med {self.labels[ids.index(line.to_case)]}")
        return " ".join(parts)

    def _fill_cases(self) -> None:
        """Number, title, outcome and quorum of every case; rows are reused, not rebuilt."""
        assert self.meeting is not None
        current = self.current_case()
        blocked = self.cases.blockSignals(True)
        count = len(self.meeting.cases)
        while self.cases.topLevelItemCount() > count:
            self.cases.takeTopLevelItem(self.cases.topLevelItemCount() - 1)
        while self.cases.topLevelItemCount() < count:
            self.cases.addTopLevelItem(QTreeWidgetItem())
        written = self.meeting.mode is MeetingMode.WRITTEN
        heading = "Vedtaksfør" if self.elected else "Til stede"
        self.cases.headerItem().setText(3, "Svar" if written else heading)
        for i, case in enumerate(self.meeting.cases):
            quorum = quorum_for_case(self.meeting, i, self.members)
            item = self.cases.topLevelItem(i)
            assert item is not None
            texts = (
                self.labels[i],
                case.title,
                OUTCOME_LABELS[case.outcome],
                self._quorum_short(i),
            )
            for column, text in enumerate(texts):
                item.setText(column, text)
            item.setToolTip(1, case.title)
            present = f"{quorum.voting} av {quorum.seats} til stede"
            item.setToolTip(3, str(quorum) if self.elected else present)
            warn = not quorum.ok and not written and self.elected
            item.setForeground(3, self._warn_brush if warn else self._plain_brush)
        chosen = self.cases.topLevelItem(max(0, min(current, count - 1))) if count else None
        if chosen is not None:
            self.cases.setCurrentItem(chosen)
        self.cases.blockSignals(blocked)

    def _quorum_short(self, index: int) -> str:
        assert self.meeting is not None
        if self.meeting.mode is MeetingMode.WRITTEN:
            case = self.meeting.cases[index]
            answered = sum(1 for m in self.members if m in case.answers)
            return f"{answered}/{len(self.members)} svar"
        quorum = quorum_for_case(self.meeting, index, self.members)
        if not self.elected:
            return f"{quorum.voting}/{quorum.seats}"
        return f"{'Ja' if quorum.ok else 'Nei'} {quorum.voting}/{quorum.seats}"

    def _show_quorum(self, row: int) -> None:
        if self.meeting is None or not 0 <= row < len(self.meeting.cases):
            return
        if self.meeting.mode is MeetingMode.WRITTEN:
            self.editor.set_quorum("Skriftlig saksbehandling: vedtatt bare om alle er enige.", True)
            return
        quorum = quorum_for_case(self.meeting, row, self.members)
        positions = {c.id: i for i, c in enumerate(self.meeting.cases) if c.id is not None}
        excluded = {e.person_id for e in self.meeting.cases[row].exclusions}
        in_room = sum(
            1 for a in self.meeting.attendance
            if takes_part(a, row, positions) and a.person_id not in excluded
        )  # fmt: skip
        if not self.elected:
            # A forum: kommuneloven § 11-9 does not apply; show who is there, no verdict.
            self.editor.set_quorum(
                f"{quorum.voting} av {quorum.seats} til stede; {in_room} i møtet i alt.", True
            )
            return
        verdict = "Vedtaksfør" if quorum.ok else "Ikke vedtaksfør"
        self.editor.set_quorum(
            f"<b>{verdict}</b>: {quorum.voting} av {quorum.seats} medlemmer eller vara deltar "
            f"(minst {quorum.required} trengs); {in_room} i møtet i alt.",
            quorum.ok,
        )

    def current_case(self) -> int:
        item = self.cases.currentItem()
        return self.cases.indexOfTopLevelItem(item) if item is not None else -1

    def _load_editor(self, row: int) -> None:
        if self.meeting is None or not 0 <= row < len(self.meeting.cases):
            self.editor.load(None)
            return
        self.editor.load(
            self.meeting.cases[row], self.labels[row], self.people, self.members,
            self.meeting.mode is MeetingMode.WRITTEN,
        )  # fmt: skip
        self.editor.setEnabled(not self._locked)
        self._show_quorum(row)

    def _on_case_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._load_editor(self.cases.indexOfTopLevelItem(current))

    def step_case(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the next case, with the cursor in the same field."""
        if self.meeting is None or not self.meeting.cases:
            return
        field = self.editor.focused_field() or "notes"
        row = max(0, min(self.current_case() + step, len(self.meeting.cases) - 1))
        item = self.cases.topLevelItem(row)
        if item is not None:
            self.cases.setCurrentItem(item)
        self.editor.focus_field(field)

    # -- attendance --------------------------------------------------------------------------

    def _lines(self) -> list[Attendance]:
        assert self.meeting is not None
        return list(self.meeting.attendance)

    def _set_lines(self, lines: list[Attendance], text: str) -> bool:
        assert self.meeting is not None and self.meeting.id is not None
        meeting_id = self.meeting.id
        command = commands.set_attendance(self.store, meeting_id, self._lines(), lines, text)
        return self.push(command)

    def _selected(self) -> tuple[int | None, int | None]:
        row = self.roster.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else (None, None)

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
        if self.meeting is None:
            return
        pid, index = self._selected()
        row = self.roster.currentRow()
        if pid is None and index is None:
            return
        lines = with_status(self.meeting.attendance, pid, index, status)
        name = self._row_name(row)
        if self._set_lines(lines, f"{name}: {STATUS_TEXT[status].lower()}") and advance:
            self.roster.setCurrentCell(min(row + 1, self.roster.rowCount() - 1), 0)

    def _on_cell_clicked(self, row: int, column: int) -> None:
        """One click on the status: – → til stede → digitalt → forfall → til stede."""
        if column != 1 or not 0 <= row < len(self.rows) or self.meeting is None:
            return
        _pid, index = self.rows[row]
        current = self.meeting.attendance[index].status if index is not None else None
        self.mark(NEXT_STATUS[current])

    def _row_name(self, row: int) -> str:
        item = self.roster.item(row, 0)
        return item.text() if item else ""

    def ask_reason(self) -> None:
        pid, index = self._selected()
        if self.meeting is None or (pid is None and index is None):
            return
        reason = dialogs.ask_text(self, "Forfall", "Grunn (valgfritt):")
        if reason is None:
            return
        lines = with_status(self.meeting.attendance, pid, index, AttendanceStatus.ABSENT, reason)
        self._set_lines(lines, f"Forfall {self._row_name(self.roster.currentRow())}")

    def clear_mark(self) -> None:
        _pid, index = self._selected()
        if self.meeting is None or index is None:
            return
        lines = without(self.meeting.attendance, index)
        self._set_lines(lines, f"Fjern {self._row_name(self.roster.currentRow())}")

    def _everyone(self) -> list[tuple[int, str]]:
        from tr_desk.core.names import sort_key

        return sorted(self.people.items(), key=lambda p: sort_key(p[1]))

    def add_substitute(self) -> None:
        """The selected member is absent; pick who stands in (varamedlemmer first)."""
        pid, _index = self._selected()
        if self.meeting is None or pid is None or pid not in self.members:
            dialogs.tell(self, "Velg et medlem i listen først; varaen møter for medlemmet.")
            return
        deputies = self.store.register.roster(
            self.meeting.body_id, self.meeting.date, (Role.SUBSTITUTE.value,)
        )
        suggested = [(d, self.people.get(d, "?")) for d in deputies]
        dialog = PersonDialog(
            f"Vara for {self.people.get(pid, '')}", suggested, self._everyone(), self
        )
        if not dialog.exec():
            return
        sub, _guest = dialog.chosen()
        if sub is None or sub == pid:
            return
        lines = with_substitute(self.meeting.attendance, pid, sub)
        self._set_lines(lines, f"{self.people.get(sub, '')} møter for {self.people.get(pid, '')}")

    def add_others(self) -> None:
        """Others present: the secretariat on the Kopi list, presenters, guests."""
        if self.meeting is None:
            return
        marked = {a.person_id for a in self.meeting.attendance}
        suggested = [
            (pid, self.people.get(pid, "?")) for pid in self.context.copied if pid not in marked
        ]
        names = self.context.names
        for case in self.meeting.cases:
            found = names.find(case.presenter.split(",")[0]) if case.presenter else None
            if found is not None and found.id is not None and found.id not in marked:
                suggested.append((found.id, found.name))
        dialog = PersonDialog(
            "Andre til stede", suggested, self._everyone(), self, role="", allow_guest=True
        )
        copied = set(self.context.copied)
        dialog.person.currentIndexChanged.connect(
            lambda _: dialog.role.setText(
                "sekretariat" if dialog.person.currentData() in copied else dialog.role.text()
            )
        )
        if not dialog.exec():
            return
        pid, guest = dialog.chosen()
        if pid is None and not guest:
            return
        role = " ".join(dialog.role.text().split())
        lines = self._lines()
        if pid is not None and pid in marked:
            dialogs.tell(self, f"{self.people.get(pid, '')} står allerede på listen.")
            return
        lines.append(
            Attendance(AttendanceStatus.PRESENT, person_id=pid, guest_name=guest, role=role)
        )
        self._set_lines(lines, f"Til stede: {self.people.get(pid, '') if pid else guest}")

    def edit_span(self) -> None:
        """Arrived after the start or left before the end: which cases they took part in."""
        _pid, index = self._selected()
        if self.meeting is None:
            return
        if index is None or self.meeting.attendance[index].status is AttendanceStatus.ABSENT:
            dialogs.tell(self, "Merk personen til stede først.")
            return
        ids = [c.id for c in self.meeting.cases if c.id is not None]
        lines = self._lines()
        dialog = SpanDialog(self.labels, lines[index], ids, self)
        if not dialog.exec():
            return
        first, last = dialog.chosen()
        lines[index] = replace(lines[index], from_case=first, to_case=last)
        self._set_lines(lines, f"Kom/gikk: {self._row_name(self.roster.currentRow())}")

    # -- times ---------------------------------------------------------------------------------

    def stamp(self, which: str) -> None:
        """One key for «now»: the meeting started (and is held) or ended."""
        if self.meeting is None or self.meeting.minutes_locked:
            return
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
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

    # -- cases -------------------------------------------------------------------------------

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
            self._show_saved()
        else:
            self.refresh(reload_editor=True)

    def _show_saved(self) -> None:
        self.saved_label.setText(f"Alt er lagret ({time.strftime('%H:%M:%S')})")

    def _on_undo_index(self, _index: int) -> None:
        """Our own edit (refresh the lists), or an undo/redo (show what the store has now)."""
        if self.meeting is None:
            return
        self.refresh(reload_editor=not self._pushing)
        self._show_saved()

    def shutdown(self) -> None:
        self.editor.flush()
