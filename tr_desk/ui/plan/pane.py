"""Møteplan: the year of all four bodies — calendar and list, create, move, cancel, note —,
the plan for a new year, the printed plan and the calendar file for Outlook."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core import lifecycle
from tr_desk.core.formats import date_short, plan_date, time_slot
from tr_desk.core.holidays import norwegian_holidays
from tr_desk.core.model import Body, Meeting, MeetingStatus
from tr_desk.core.organisation import Organisation
from tr_desk.core.plan import (
    Slot,
    check_plan,
    slots_of,
    with_cycles,
)
from tr_desk.ui import commands
from tr_desk.ui.pane import Pane, PaneHost
from tr_desk.ui.plan.dialogs import GeneratorDialog, MeetingDialog, flag_view
from tr_desk.ui.plan.year_view import Mark, YearView
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.models import pydate, qdate
from tr_desk.ui.widgets.state import keep_sizes
from tr_desk.ui.widgets.view_models import FlagListModel, PlanListModel, plan_lines


def body_colours(bodies: list[Body], organisation: Organisation) -> dict[int, str]:
    """One colour per body: the profile's, else the next of the palette's."""
    spare = iter(range(len(bodies)))
    return {
        b.id: organisation.colours.get(b.prefix) or organisation.colour("", next(spare))
        for b in bodies
        if b.id is not None
    }


class PlanPane(Pane):
    """The Møteplan pane: the year in a calendar and a list, with the plan's own buttons."""

    open_requested = Signal(int)  # a meeting to open in Sakliste (or Møte when held)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.year = store.clock.today().year
        self.meetings: list[Meeting] = []
        self.bodies: dict[int, Body] = {}
        self.colours: dict[int, str] = {}
        self.selected: int | None = None

        top, buttons_row = self._build_top()
        splitter = self._build_views()
        splitter.setSizes([720, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons_row)
        layout.addWidget(splitter, 1)
        self.watch_store(undo_stack, self.refresh)
        self.refresh()

    def _build_top(self) -> tuple[Any, Any]:
        """The year, the bodies' colours and the plan's buttons."""
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2200)
        self.year_box.setValue(self.year)
        self.year_box.valueChanged.connect(self.show_year)
        self.new_button = QPushButton("Nytt møte …")
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.generate_button = QPushButton("Lag plan for nytt år …")
        self.generate_button.clicked.connect(self.generate)
        self.pdf_button = QPushButton("Møteplan som PDF …")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ics_button = QPushButton("Til kalender (.ics) …")
        self.ics_button.clicked.connect(self.save_ics)
        self.legend = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel("År:"))
        top.addWidget(self.year_box)
        top.addSpacing(12)
        # The colours on a line of their own: beside the buttons they made the pane wider
        # than a 1280-pixel laptop screen.
        top.addLayout(self.legend)
        top.addStretch(1)
        buttons_row = QHBoxLayout()
        buttons_row.addStretch(1)
        for button in (self.new_button, self.generate_button, self.pdf_button, self.ics_button):
            buttons_row.addWidget(button)
        return top, buttons_row

    def _build_views(self) -> Any:
        """The year as a calendar beside the plan as a list, and what needs a look."""
        self.calendar = YearView()
        self.calendar.meeting_selected.connect(self._select)
        self.calendar.meeting_activated.connect(self.open_requested.emit)
        self.calendar.meeting_dropped.connect(self.move_meeting)
        self.calendar.day_activated.connect(lambda day: self.new_meeting(day))

        self.plan_list = PlanListModel(self)
        self.list = QTreeView()
        self.list.setModel(self.plan_list)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        selection = self.list.selectionModel()
        assert selection is not None
        selection.currentRowChanged.connect(self._on_list_choice)
        self.list.activated.connect(
            lambda index: self.open_requested.emit(self.plan_list.record(index.row()).meeting_id)
        )
        self.move_button = QPushButton("Flytt …")
        self.move_button.clicked.connect(self._on_move)
        self.cancel_button = QPushButton("Avlys …")
        self.cancel_button.clicked.connect(self._on_cancel)
        self.note_button = QPushButton("Merknad …")
        self.note_button.clicked.connect(self._on_note)
        self.open_button = QPushButton("Åpne")
        self.open_button.clicked.connect(self._on_open)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.move_button, self.cancel_button, self.note_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.flag_list = FlagListModel(self)
        self.flags = flag_view(self.flag_list)
        self.flags.clicked.connect(self._on_flag)
        self.flags_title = style.bold(QLabel("Trenger en titt"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.list, 3)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.flags_title)
        right_layout.addWidget(self.flags, 1)
        right_layout.addWidget(style.muted(
            "Dra et møte til en annen dag for å flytte det. Dobbeltklikk for å åpne det, "
            "eller på en ledig dag for et nytt møte."
        ))  # fmt: skip

        splitter = QSplitter()
        splitter.addWidget(self.calendar)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        keep_sizes(splitter, "moteplan")
        return splitter

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.open_requested.connect(host.open_meeting)
        if self.year != host.plan_year:  # the plan opens on the next meeting's year
            self.show_year(host.plan_year)

    # -- showing -----------------------------------------------------------------------------

    def show_year(self, year: int) -> None:
        self.year = year
        if self.year_box.value() != year:
            self.year_box.setValue(year)
        self.refresh()

    def refresh(self) -> None:
        bodies = self.store.register.bodies()
        self.bodies = {b.id: b for b in bodies if b.id is not None}
        self.colours = body_colours(bodies, self.store.settings.organisation())
        self.meetings = self.store.meetings.headers(year=self.year)
        self._fill_legend(bodies)
        holidays = norwegian_holidays([self.year])
        marks = []
        for m in self.meetings:
            assert m.id is not None
            body = self.bodies[m.body_id]
            label = f"{body.name} {time_slot(m.start, m.end)}".strip()
            if m.status is MeetingStatus.CANCELLED:
                label += f" – avlyst{': ' + m.cancel_reason if m.cancel_reason else ''}"
            marks.append(
                Mark(m.id, m.date, self.colours[m.body_id], label,
                     m.status is MeetingStatus.CANCELLED)
            )  # fmt: skip
        self.calendar.set_year(self.year, marks, holidays, self.selected)
        self._fill_list()
        self._fill_flags(holidays)
        self._update_buttons()

    def _fill_legend(self, bodies: list[Body]) -> None:
        while self.legend.count():
            taken = self.legend.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:  # hidden now: deleted only when the event loop is back
                widget.hide()
                widget.deleteLater()
        for body in bodies:
            colour = self.colours[body.id or 0]
            label = QLabel(f'<span style="color:{colour}">■</span> {body.name}')
            self.legend.addWidget(label)

    def _fill_list(self) -> None:
        selection = self.list.selectionModel()
        assert selection is not None
        blocked = selection.blockSignals(True)
        self.plan_list.set_records(plan_lines(self.meetings, self.bodies, self.colours))
        row = self.plan_list.row_of(self.selected)
        if row >= 0:
            self.list.setCurrentIndex(self.plan_list.index(row, 0))
        selection.blockSignals(blocked)

    def _fill_flags(self, holidays: dict[dt.date, str]) -> None:
        slots = slots_of(self.meetings, self.bodies)
        settings = self.store.settings.plan_settings()
        self.plan_flags = check_plan(with_cycles(slots, settings), holidays, settings)
        self.flag_list.set_records(self.plan_flags)
        count = len(self.plan_flags)
        self.flags_title.setText(f"Trenger en titt: {count}" if count else "Ingenting å se på")

    def _update_buttons(self) -> None:
        meeting = self.selected_meeting()
        open_ = meeting is not None and lifecycle.is_open(meeting)
        writable = not self.store.readonly
        for button in (self.move_button, self.cancel_button):
            button.setEnabled(writable and open_)
        self.note_button.setEnabled(writable and meeting is not None)
        self.open_button.setEnabled(meeting is not None)
        for button in (self.new_button, self.generate_button):
            button.setEnabled(writable)

    def selected_meeting(self) -> Meeting | None:
        return next((m for m in self.meetings if m.id == self.selected), None)

    def _select(self, meeting_id: int | None) -> None:
        self.selected = meeting_id
        self.calendar.select(meeting_id)
        row = self.plan_list.row_of(meeting_id)
        selection = self.list.selectionModel()
        if row >= 0 and selection is not None:
            blocked = selection.blockSignals(True)
            self.list.setCurrentIndex(self.plan_list.index(row, 0))
            selection.blockSignals(blocked)
        self._update_buttons()

    def _on_list_choice(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._select(self.plan_list.record(current.row()).meeting_id)

    def _on_flag(self, index: QModelIndex) -> None:
        if index.isValid():
            ids = [i for i in self.flag_list.record(index.row()).meeting_ids if i is not None]
            if ids:
                self._select(ids[0])

    def _label(self, meeting: Meeting) -> str:
        return f"{self.bodies[meeting.body_id].name} {date_short(meeting.date)}"

    # -- editing -------------------------------------------------------------------------------

    def new_meeting(self, day: dt.date | None = None) -> int | None:
        if day is None:
            today = self.store.clock.today()
            day = today if today.year == self.year else dt.date(self.year, 1, 2)
        dialog = MeetingDialog(list(self.bodies.values()), day, self)
        if not dialog.exec():
            return None
        body_id, chosen_day, options = dialog.chosen()
        label = f"{self.bodies[body_id].name} {date_short(chosen_day)}"
        command = commands.create_meeting(self.store, body_id, chosen_day, label, **options)
        if self.push(command):
            self.selected = command.meeting_id
            if chosen_day.year != self.year:
                self.show_year(chosen_day.year)
            else:
                self.refresh()
            return command.meeting_id
        return None

    def move_meeting(self, meeting_id: int, day: dt.date) -> bool:
        meeting = next((m for m in self.meetings if m.id == meeting_id), None)
        if meeting is None:
            return False
        refusal = lifecycle.move_refusal(meeting, day)
        if refusal is not None:
            self.refuse(str(refusal))
            return False
        if meeting.status is MeetingStatus.NOTICE_ISSUED and not dialogs.confirm(
            self, "Flytte møtet?",
            "Innkallingen er sendt ut. Flytter du møtet, må en revidert innkalling sendes.",
            "Flytt",
        ):  # fmt: skip
            return False
        self.selected = meeting_id
        return self.push(commands.move_meeting(self.store, meeting_id, day, self._label(meeting)))

    def _on_move(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.id is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(f"Flytt {self._label(meeting)}")
        edit = QDateEdit(qdate(meeting.date))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        weekday = style.muted(plan_date(meeting.date))
        edit.dateChanged.connect(lambda value: weekday.setText(plan_date(pydate(value))))
        form = QFormLayout(dialog)
        form.addRow("&Ny dato:", edit)
        form.addRow("", weekday)
        form.addRow(dialogs.ok_cancel(dialog, "Flytt", dialog.accept))
        if dialog.exec():
            self.move_meeting(meeting.id, pydate(edit.date()))

    def _on_cancel(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.id is None:
            return
        reason = dialogs.ask_text(self, f"Avlys {self._label(meeting)}", "Grunn:")
        if reason is None:
            return
        self.push(commands.cancel_meeting(self.store, meeting.id, reason, self._label(meeting)))

    def _on_note(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setWindowTitle(f"Merknad til {self._label(meeting)}")
        dialog.setLabelText("Merknad i møteplanen (tom: ingen):")
        dialog.setTextValue(meeting.note)
        dialog.setOkButtonText("OK")
        dialog.setCancelButtonText("Avbryt")
        if not dialog.exec():
            return
        old = self.store.meetings.meeting_header(meeting.id or 0)
        new = replace(old, note=" ".join(dialog.textValue().split()))
        if new.note != meeting.note:
            self.push(commands.edit_meeting(self.store, old, new))

    def _on_open(self) -> None:
        if self.selected is not None:
            self.open_requested.emit(self.selected)

    def generate(self) -> None:
        """Propose next year's plan; the accepted one is one undo step."""
        settings = self.store.settings.plan_settings()
        dialog = GeneratorDialog(self.store, self.year + 1, settings, self)
        if not dialog.exec() or dialog.proposal is None:
            return
        accept_plan(self, dialog.proposal.slots)
        if dialog.settings != settings:
            self.push(commands.plan_settings(self.store, settings, dialog.settings))
        self.show_year(dialog.year.value())

    # -- documents ---------------------------------------------------------------------------

    def _save(self, data: bytes, name: str, kind: tuple[str, str]) -> None:
        from tr_desk.ui.widgets.documents_io import save_file

        path = save_file(self, data, name, kind)
        if path is not None:
            self.message.emit(f"Lagret som {path}")

    def document(self) -> tuple[bytes, str]:
        """The year's plan as printed (the same as on the command line), and a file's stem."""
        from tr_desk.app.documents import plan_pdf

        return plan_pdf(self.store, self.year), f"moteplan-{self.year}"

    def save_pdf(self) -> None:
        pdf, stem = self.document()
        self._save(pdf, f"{stem}.pdf", ("PDF", "pdf"))

    def save_ics(self) -> None:
        from tr_desk.app.documents import plan_calendar

        data = plan_calendar(self.store, self.year)
        self._save(data, f"moteplan-{self.year}.ics", ("Kalender", "ics"))


def accept_plan(pane: PlanPane, slots: list[Slot]) -> int:
    """Create the proposed meetings (those not already there) as one undo step."""
    made = 0
    pane.undo_stack.beginMacro("Ny møteplan")
    try:
        for slot in slots:
            body = slot.body
            assert body.id is not None
            if pane.store.meetings.meeting_id(body.id, slot.day) is not None:
                continue
            label = f"{body.name} {date_short(slot.day)}"
            if pane.push(commands.create_meeting(pane.store, body.id, slot.day, label)):
                made += 1
    finally:
        pane.undo_stack.endMacro()
    return made
