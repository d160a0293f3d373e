"""The Sakliste's «Møtet» tab (the meeting's date, time, place, form, notice date, reference,
case officer, and who is called and copied), the dialog that changes those lists, and «Nytt
møte»."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import meeting_dates
from tr_desk.core.formats import date_short, parse_time, parse_user_date
from tr_desk.core.holidays import norwegian_holidays
from tr_desk.core.model import Meeting, MeetingMode, MeetingStatus
from tr_desk.core.plan import is_off_day, propose_meeting_day
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.date_field import DateField, read_date
from tr_desk.ui.widgets.models import qdate
from tr_desk.ui.widgets.source_line import SourceLine

if TYPE_CHECKING:
    from tr_desk.app.database import Store
    from tr_desk.core.context import MeetingContext


MODE_LABELS = {
    MeetingMode.IN_PERSON: "Fysisk møte",
    MeetingMode.REMOTE: "Fjernmøte (digitalt)",
    MeetingMode.WRITTEN: "Skriftlig saksbehandling",
}


class MeetingHeaderPage(QWidget):
    """The header's fields; ``edited`` when one is left changed, ``list_requested`` with
    «invited» or «copy» for «Endre …», ``substitute_requested`` for «Kall inn vara …»."""

    edited = Signal()
    list_requested = Signal(str)
    substitute_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateField()
        self.day.editingFinished.connect(self.edited.emit)
        self.start = QLineEdit()
        self.end = QLineEdit()
        self.place = QLineEdit()
        self.mode = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode.addItem(label, mode.value)
        self.mode.activated.connect(lambda _: self.edited.emit())
        self.notice_date = QLineEdit()
        self.notice_date.setPlaceholderText("settes når innkallingen sendes ut")
        self.reference = QLineEdit()
        self.officer = QComboBox()
        self.officer.activated.connect(lambda _: self.edited.emit())
        for line in (self.start, self.end, self.place, self.notice_date, self.reference):
            line.editingFinished.connect(self.edited.emit)
        self.invited = QLabel()
        self.invited.setWordWrap(True)
        self.copy_list = QLabel()
        self.copy_list.setWordWrap(True)
        self.edit_invited = QPushButton("Endre …")
        self.edit_invited.clicked.connect(lambda: self.list_requested.emit("invited"))
        self.edit_copy = QPushButton("Endre …")
        self.edit_copy.clicked.connect(lambda: self.list_requested.emit("copy"))
        self.call_substitute = QPushButton("Kall inn vara …")
        self.call_substitute.setToolTip(
            "Et medlem har meldt forfall: kall inn vara fra medlemmets liste, i rekkefølge "
            "(kommuneloven § 7-10). Innkallingen viser «(vara for …)»."
        )
        self.call_substitute.clicked.connect(self.substitute_requested.emit)
        slot = QHBoxLayout()
        slot.addWidget(self.start)
        slot.addWidget(QLabel("–"))
        slot.addWidget(self.end)
        form = style.reflow(QFormLayout(self))
        form.addRow("Møtedato:", self.day)
        form.addRow("Tidsrom:", slot)
        form.addRow("Sted:", self.place)
        form.addRow("Form:", self.mode)
        form.addRow("Innkallingens dato:", self.notice_date)
        form.addRow("Referanse:", self.reference)
        form.addRow("Saksbehandler:", self.officer)
        self.sources = SourceLine()
        for label, names, buttons in (
            ("Innkalt:", self.invited, (self.edit_invited, self.call_substitute)),
            ("Kopi:", self.copy_list, (self.edit_copy,)),
        ):  # fmt: skip
            box = QVBoxLayout()
            box.addWidget(names)
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
            form.addRow(label, box)
        form.addRow(self.sources)

    def fill(self, store: Store, context: MeetingContext) -> None:
        """Show the meeting of ``context``; no field says it was edited."""
        m = context.meeting
        self.sources.show_sources(store, m.id)
        widgets = (self.day, self.start, self.end, self.place, self.mode, self.notice_date,
                   self.reference, self.officer)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.day.setDate(qdate(m.date))
        self.start.setText(m.start.strftime("%H:%M") if m.start else "")
        self.end.setText(m.end.strftime("%H:%M") if m.end else "")
        self.place.setText(m.place)
        self.mode.setCurrentIndex(self.mode.findData(m.mode.value))
        self.notice_date.setText(date_short(m.notice_date) if m.notice_date else "")
        self.reference.setText(m.reference)
        self.officer.clear()
        for person in context.people.values():
            self.officer.addItem(person.name, person.id)
        self.officer.setCurrentIndex(self.officer.findData(m.case_officer_id))
        for widget in widgets:
            widget.blockSignals(False)
        people = {pid: p.name for pid, p in context.people.items()}
        # Names not in the register are shown as written, marked, as the notice prints them.
        from tr_desk.core.law import called_substitutes

        called = called_substitutes(m.attendance)
        invited = [
            f"{people.get(called[i], '?')} (vara for {people.get(i, '?')})"
            if i in called else people.get(i, "?")
            for i in context.invited
        ]  # fmt: skip
        invited += [f"{name} (ikke i registeret)" for name in m.invited_other]
        copied = [people.get(i, "?") for i in context.copied]
        copied += [f"{name} (ikke i registeret)" for name in m.copy_other]
        self.invited.setText(", ".join(invited) or "Ingen")
        self.copy_list.setText(", ".join(copied) or "Ingen")

    def read(self, old: Meeting) -> Meeting:
        """``old`` with the fields as written; a ValueError says what cannot be read."""
        day = self.day.date()
        return replace(
            old,
            date=dt.date(day.year(), day.month(), day.day()),
            start=parse_time(self.start.text()) if self.start.text().strip() else None,
            end=parse_time(self.end.text()) if self.end.text().strip() else None,
            notice_date=parse_user_date(self.notice_date.text()),
            place=self.place.text().strip(),
            mode=MeetingMode(self.mode.currentData()),
            reference=self.reference.text().strip(),
            case_officer_id=self.officer.currentData(),
        )


class NewMeetingDialog(QDialog):
    """«Nytt møte»: a body and a day; the day proposed is the body's next free usual weekday
    two weeks on, and a weekend or a holiday is asked about before the meeting is made."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nytt møte")
        self._today = store.clock.today()
        self._bodies = {body.id: body for body in store.register.bodies()}
        self._dates = meeting_dates(store)
        self.body = QComboBox()
        for body in self._bodies.values():
            self.body.addItem(body.name, body.id)
        self.day = DateField(self._today)
        self._typed = False  # a day the user chose is not replaced when the body changes
        self.day.editingFinished.connect(self._on_day_chosen)
        self.planned = style.muted("")
        self.planned.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("&Organ:", self.body)
        form.addRow("&Dato:", self.day)
        form.addRow(self.planned)
        hint = style.muted(
            "Møtet får organets faste tidspunkt og sted, og standardsakene fylles ut."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(dialogs.ok_cancel(self, "Opprett", self.accept))
        self.body.currentIndexChanged.connect(lambda _: self._propose())
        self._propose()

    def _on_day_chosen(self) -> None:
        self._typed = True

    def _propose(self) -> None:
        if self.body.currentData() is None:  # no bodies in the register: nothing to propose
            return
        body = self._bodies[int(self.body.currentData())]
        own = [d for d in self._dates if d.body_id == body.id]
        if not self._typed:
            years = range(self._today.year, self._today.year + 3)
            day = propose_meeting_day(
                body, self._today, [d.date for d in own], norwegian_holidays(years)
            )
            self.day.set_day(day)
        planned = MeetingStatus.PLANNED
        drafts = [d.date for d in own if d.date >= self._today and d.status is planned]
        if drafts:
            days = ", ".join(date_short(day) for day in sorted(drafts)[:4])
            self.planned.setText(f"Allerede i møteplanen for {body.name}: {days}.")
        self.planned.setVisible(bool(drafts))

    def accept(self) -> None:
        """Only a valid day makes the meeting; a weekend or a holiday is asked about first."""
        if self.body.currentData() is None:
            dialogs.tell(self, "Legg inn et organ i Register først.")
            return
        if self.day.refused or read_date(self.day.text()) != self.day.day():
            return  # the field said what is wrong; the dialog stays open
        day = self.day.day()
        why = is_off_day(day, norwegian_holidays([day.year]))
        if why:
            question = f"{date_short(day)} er {why}. Opprette møtet på denne dagen likevel?"
            if not dialogs.confirm(self, "Nytt møte", question, "Opprett likevel"):
                return
        super().accept()

    def chosen(self) -> tuple[int, dt.date]:
        return int(self.body.currentData()), self.day.day()


class ListDialog(QDialog):
    """Tick who is on the «Innkalt» or «Kopi» list of this meeting."""

    def __init__(
        self, title: str, people: list[tuple[int, str]], chosen: list[int], parent: QWidget | None
    ) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        order = chosen + [pid for pid, _ in people if pid not in chosen]
        names = dict(people)
        for pid in order:
            item = QListWidgetItem(names.get(pid, "?"), self.list)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setCheckState(Qt.CheckState.Checked if pid in chosen else Qt.CheckState.Unchecked)
        self.reset = QCheckBox("Bruk organets liste på møtedatoen")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.reset)
        layout.addWidget(dialogs.ok_cancel(self, "Bruk", self.accept))

    def chosen(self) -> list[int] | None:
        from PySide6.QtCore import Qt

        if self.reset.isChecked():
            return None
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
