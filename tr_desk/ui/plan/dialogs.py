"""The Møteplan's dialogs: a new meeting, and the plan for a new year with its dates to
adjust and its flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core.formats import parse_time, plan_date
from tr_desk.core.holidays import norwegian_holidays
from tr_desk.core.model import Body
from tr_desk.core.plan import PlanSettings, Proposal, Slot, check_plan, propose_plan, slots_of
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.date_field import DateField
from tr_desk.ui.widgets.models import EDIT_ROLE, pydate
from tr_desk.ui.widgets.view_models import FlagListModel, ProposalModel


def _numbers(text: str) -> list[int]:
    """«2, 4, 6» → [2, 4, 6]; a ValueError names what is not a number."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if part:
            if not part.isdecimal():
                raise ValueError(part)
            out.append(int(part))
    return out


class MeetingDialog(QDialog):
    """A new meeting in the plan: body, date, time, place, note (defaults: the body's slot)."""

    def __init__(self, bodies: list[Body], day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nytt møte i planen")
        self.bodies = bodies
        self.body = QComboBox()
        for body in bodies:
            self.body.addItem(body.name, body.id)
        self.day = DateField(day)
        self.weekday = style.muted("")
        self.start = QLineEdit()
        self.end = QLineEdit()
        self.place = QLineEdit()
        self.note = QLineEdit()
        self.note.setPlaceholderText("f.eks. Konstituering etter valget")
        self.body.currentIndexChanged.connect(self._body_chosen)
        self.day.dateChanged.connect(self._show_weekday)
        slot = QHBoxLayout()
        slot.addWidget(self.start)
        slot.addWidget(QLabel("–"))
        slot.addWidget(self.end)
        form = QFormLayout(self)
        form.addRow("&Organ:", self.body)
        form.addRow("&Dato:", self.day)
        form.addRow("", self.weekday)
        time_label = QLabel("&Tid:")
        time_label.setBuddy(self.start)  # the label of a row of fields has no buddy by itself
        form.addRow(time_label, slot)
        form.addRow("&Sted:", self.place)
        form.addRow("&Merknad:", self.note)
        form.addRow(dialogs.ok_cancel(self, "Legg til", self._on_ok))
        self._body_chosen()
        self._show_weekday()

    def _body(self) -> Body:
        return self.bodies[self.body.currentIndex()]

    def _body_chosen(self) -> None:
        body = self._body()
        self.start.setText(body.start.strftime("%H:%M") if body.start else "")
        self.end.setText(body.end.strftime("%H:%M") if body.end else "")
        self.place.setText(body.place)

    def _show_weekday(self) -> None:
        self.weekday.setText(plan_date(pydate(self.day.date())))

    def _on_ok(self) -> None:
        try:
            self.times()
        except ValueError:
            dialogs.tell(self, "Skriv klokkeslettene som 08:30 eller 0830, slutt etter start.")
            return
        self.accept()

    def times(self) -> tuple[dt.time | None, dt.time | None]:
        start = parse_time(self.start.text()) if self.start.text().strip() else None
        end = parse_time(self.end.text()) if self.end.text().strip() else None
        if start and end and end <= start:
            raise ValueError("ends before it starts")
        return start, end

    def chosen(self) -> tuple[int, dt.date, dict[str, object]]:
        start, end = self.times()
        body_id = int(self.body.currentData())
        options: dict[str, object] = {
            "start": start, "end": end, "place": self.place.text().strip(),
            "note": " ".join(self.note.text().split()),
        }  # fmt: skip
        return body_id, pydate(self.day.date()), options


class DateDelegate(QStyledItemDelegate):
    """A date field with a calendar; every change is written back at once."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        editor = DateField(parent=parent)
        editor.setAutoFillBackground(True)
        editor.dateChanged.connect(lambda _day: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, DateField)
        value = index.data(EDIT_ROLE)
        if value is not None and value != editor.date():
            blocked = editor.blockSignals(True)
            editor.setDate(value)
            editor.blockSignals(blocked)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, DateField)
        model.setData(index, editor.date(), EDIT_ROLE)


def flag_view(model: FlagListModel) -> QListView:
    """The flags, wrapped to the width of the pane."""
    view = QListView()
    view.setModel(model)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    return view


class GeneratorDialog(QDialog):
    """The plan for a new year: proposed from the usual slots and the cycles, flagged where it
    needs a look; dates can be adjusted here before the plan is accepted."""

    def __init__(
        self, store: Store, year: int, settings: PlanSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Møteplan for et nytt år")
        self.resize(760, 620)
        self.store = store
        self.settings = settings
        self.bodies = store.register.bodies()
        self.proposal: Proposal | None = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2200)
        self.year.setValue(year)
        self.months = QLineEdit(", ".join(str(m) for m in settings.cycle_months))
        self.school = QLineEdit(", ".join(str(w) for w in settings.school_weeks))
        self.propose_button = QPushButton("Foreslå plan")
        self.propose_button.clicked.connect(self.propose)
        self.slots = ProposalModel(self)
        self.slots.edit_requested.connect(self._adjusted)
        self.table = QTableView()
        self.table.setModel(self.slots)
        self.table.setItemDelegateForColumn(1, DateDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The date column as wide as its editor (dd.mm.åååå, the calendar button, the weekday).
        self.table.setColumnWidth(1, DateField().sizeHint().width() + 8)
        self.flag_list = FlagListModel(self)
        self.flags = flag_view(self.flag_list)
        self.flags_title = style.bold(QLabel("Trenger en titt"))
        form = QFormLayout()
        form.addRow("&År:", self.year)
        council = next((b for b in self.bodies if b.is_council), None)
        form.addRow(f"{council.name if council else 'Syklusene'} i &månedene:", self.months)
        form.addRow("&Skoleferie (uker):", self.school)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignBottom)
        names = {b.prefix: b.name for b in self.bodies}
        cycle = " → ".join(names[p] for p in self.settings.order if p in names)
        hint = style.muted(
            (f"Hver syklus: {cycle}, hvert organ på sin faste ukedag. " if cycle else "")
            + "Endre datoene i listen før du godtar planen."
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.flags_title)
        layout.addWidget(self.flags, 2)
        layout.addWidget(dialogs.ok_cancel(self, "Godta planen", self._on_accept))
        self.propose()

    def _read_settings(self) -> bool:
        try:
            months = _numbers(self.months.text())
            weeks = _numbers(self.school.text())
        except ValueError as exc:
            dialogs.tell(self, f"«{exc}» er ikke et tall. Skriv f.eks. 2, 4, 6, 9, 11.")
            return False
        if not months or any(not 1 <= m <= 12 for m in months):
            dialogs.tell(self, "Månedene må være tall fra 1 til 12.")
            return False
        if any(not 1 <= w <= 53 for w in weeks):
            dialogs.tell(self, "Ukene må være tall fra 1 til 53.")
            return False
        self.settings = replace(self.settings, cycle_months=months, school_weeks=weeks)
        return True

    def propose(self) -> None:
        if not self._read_settings():
            return
        year = self.year.value()
        holidays = norwegian_holidays([year])
        self.proposal = propose_plan(year, self.bodies, holidays, self.settings)
        self.slots.set_records(self.proposal.slots)
        for row in range(self.slots.rowCount()):  # the dates as date fields, always open
            self.table.openPersistentEditor(self.slots.index(row, 1))
        self._show_flags()

    def _adjusted(self, old: Slot, new: Slot) -> None:
        """A date changed in the list: the proposal follows, the flags are checked again."""
        assert self.proposal is not None
        row = self.proposal.slots.index(old)
        self.proposal.slots[row] = new
        self.slots.update_records(self.proposal.slots)
        self._show_flags()

    def _show_flags(self) -> None:
        assert self.proposal is not None
        year = self.year.value()
        holidays = norwegian_holidays([year, year + 1])
        bodies = {b.id: b for b in self.bodies if b.id is not None}
        taken = slots_of(self.store.meetings.headers(year=year), bodies)
        self.proposal.flags = check_plan(self.proposal.slots + taken, holidays, self.settings)
        self.flag_list.set_records(self.proposal.flags)
        count = len(self.proposal.flags)
        self.flags_title.setText(f"Trenger en titt: {count}" if count else "Ingenting å se på")

    def _on_accept(self) -> None:
        if self.proposal is None or not self._read_settings():
            return
        self.accept()
