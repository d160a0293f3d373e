"""The follow-up of decisions: every body's items in one list by due date (overdue in red),
an item's dialog, and the Oppfølgingsliste as PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core.followups import STATUS_TEXT, FollowUpLine, due_text
from tr_desk.core.formats import counted, date_short, parse_user_date
from tr_desk.core.model import FollowUp, FollowUpStatus, Person
from tr_desk.ui import commands
from tr_desk.ui.pane import Pane, PaneHost
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.table_models import Column, RecordTableModel


class FollowUpDialog(QDialog):
    """One item: what, who (the register or free text), by when, status, note, closed by."""

    def __init__(
        self, item: FollowUp, people: Sequence[Person], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.item = item
        self.what = QPlainTextEdit(item.what)
        self.what.setTabChangesFocus(True)
        self.what.setMinimumSize(420, 70)
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.who.addItem("", None)
        for person in sorted(people, key=lambda p: p.name):
            self.who.addItem(person.name, person.id)
        found = self.who.findData(item.person_id) if item.person_id is not None else -1
        if found >= 0:
            self.who.setCurrentIndex(found)
        else:
            self.who.setEditText(item.who)
        self.due = QLineEdit(date_short(item.due) if item.due else "")
        self.due.setPlaceholderText("dd.mm.åååå (valgfritt)")
        self.status = QComboBox()
        for status, label in STATUS_TEXT.items():
            self.status.addItem(label, status.value)
        self.status.setCurrentIndex(self.status.findData(item.status.value))
        self.note = QLineEdit(item.note)
        self.closed_by = QLineEdit(item.closed_by)
        self.closed_by.setPlaceholderText("Saksnummeret til saken som meldte den ferdig")
        form = QFormLayout(self)
        form.addRow("&Hva:", self.what)
        form.addRow("&Ansvarlig:", self.who)
        form.addRow("&Frist:", self.due)
        form.addRow("&Status:", self.status)
        form.addRow("&Merknad:", self.note)
        form.addRow("&Lukket av sak:", self.closed_by)
        form.addRow(dialogs.ok_cancel(self, "Lagre", self._on_accept))

    def _on_accept(self) -> None:
        try:
            self.chosen()
        except ValueError as exc:
            dialogs.tell(self, str(exc))
            return
        self.accept()

    def chosen(self) -> FollowUp:
        what = " ".join(self.what.toPlainText().split())
        if not what:
            raise ValueError("Skriv hva som skal følges opp.")
        try:
            due = parse_user_date(self.due.text())
        except ValueError:
            raise ValueError(f"«{self.due.text()}» er ikke en dato (dd.mm.åååå).") from None
        closed_by = " ".join(self.closed_by.text().split())
        if closed_by:
            from tr_desk.core.numbering import format_case_number, parse_case_number

            try:
                ref = parse_case_number(closed_by)
            except ValueError:
                raise ValueError(
                    f"«{closed_by}» er ikke et saksnummer (organets prefiks og nummer/år)."
                ) from None
            closed_by = format_case_number(ref.prefix, ref.number, ref.year)
        name = " ".join(self.who.currentText().split())
        index = self.who.findText(name)
        pid = self.who.itemData(index) if index > 0 else None
        return replace(
            self.item,
            what=what,
            person_id=pid,
            who="" if pid is not None else name,
            due=due,
            status=FollowUpStatus(self.status.currentData()),
            note=" ".join(self.note.text().split()),
            closed_by=closed_by,
        )


def _tip(line: FollowUpLine) -> str:
    note = f"\n\nMerknad: {line.item.note}" if line.item.note else ""
    return f"{line.item.what}{note}\n\nFra {line.case} {line.case_title}"


class FollowUpModel(RecordTableModel[FollowUpLine]):
    today = dt.date.min  # set from the store's clock before each fill
    columns = (
        Column("Sak", lambda r: r.case, tip=lambda r: f"{r.case} {r.case_title}"),
        Column("Møte", lambda r: date_short(r.meeting_date)),
        Column("Oppfølging", lambda r: r.item.what, tip=_tip),
        Column("Ansvarlig", lambda r: r.who),
        Column(
            "Frist",
            lambda r: due_text(r, FollowUpModel.today),
            colour=lambda r: style.WARNING_COLOUR if r.overdue(FollowUpModel.today) else None,
            bold=lambda r: r.overdue(FollowUpModel.today),
        ),
        Column(
            "Status",
            lambda r: r.status_text + (f" ({r.item.closed_by})" if r.item.closed_by else ""),
        ),
    )


class FollowUpPane(Pane):
    """«Oppfølging»: what the decisions asked for, across the bodies, by due date."""

    case_requested = Signal(int)  # open the case the item comes from

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self.body = QComboBox()
        self.body.setToolTip("Bare oppfølginger fra saker i dette organet")
        self.open_only = QCheckBox("Bare åpne (åpen, i arbeid)")
        self.open_only.setChecked(True)
        self.model = FollowUpModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.edit_current())
        self.summary = QLabel()
        self.edit_button = QPushButton("Endre …")
        self.edit_button.clicked.connect(self.edit_current)
        self.done_button = QPushButton("Merk som ferdig")
        self.done_button.clicked.connect(self.mark_done)
        self.case_button = QPushButton("Gå til saken")
        self.case_button.clicked.connect(self.open_current_case)
        self.delete_button = QPushButton("Slett")
        self.delete_button.clicked.connect(self.delete_current)
        self.pdf_button = QPushButton("Oppfølgingsliste (PDF) …")
        self.pdf_button.setToolTip(
            "De åpne oppfølgingene til organet som er valgt, som PDF (uten saker unntatt "
            "offentlighet)"
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        self.body.activated.connect(lambda _: self.refresh())
        self.open_only.toggled.connect(lambda _: self.refresh())

        filters = QHBoxLayout()
        filters.addWidget(QLabel("&Organ:"))
        filters.itemAt(0).widget().setBuddy(self.body)  # type: ignore[union-attr]
        filters.addWidget(self.body)
        filters.addWidget(self.open_only)
        filters.addStretch(1)
        filters.addWidget(self.pdf_button)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.done_button, self.case_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(style.bold(QLabel("Oppfølging av vedtak")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            style.muted(
                "Nye oppfølginger legges til fra saken i Møte-ruten («Ny oppfølging …», "
                "med teksten fra vedtaket). Forfalte frister står i rødt."
            )
        )
        self.watch_store(undo_stack, self.refresh)
        self.refresh()

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.case_requested.connect(host.open_case)

    def refresh(self) -> None:
        from tr_desk.app.followups import followup_lines

        chosen = self.body.currentData()
        self.body.blockSignals(True)
        self.body.clear()
        self.body.addItem("Alle organer", "")
        for b in self.store.register.bodies():
            self.body.addItem(b.name, b.prefix)
        self.body.setCurrentIndex(max(0, self.body.findData(chosen or "")))
        self.body.blockSignals(False)
        prefix = self.body.currentData() or ""
        FollowUpModel.today = self.store.clock.today()
        lines = followup_lines(
            self.store, open_only=self.open_only.isChecked(), bodies=[prefix] if prefix else []
        )
        self.model.update_records(lines)
        overdue = sum(1 for line in lines if line.overdue(FollowUpModel.today))
        if self.open_only.isChecked():
            text = counted(len(lines), "åpen oppfølging", "åpne oppfølginger")
        else:
            text = counted(len(lines), "oppfølging", "oppfølginger")
        text += f", {overdue} forfalt" if overdue else ""
        self.summary.setText(text)
        self.pdf_button.setEnabled(bool(prefix))
        has = bool(lines)
        for button in (self.edit_button, self.done_button, self.case_button, self.delete_button):
            button.setEnabled(has and not self.store.readonly)
        self.case_button.setEnabled(has)

    def current(self) -> FollowUpLine | None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            row = 0 if self.model.rowCount() else -1
        return self.model.record(row) if row >= 0 else None

    def edit_current(self) -> None:
        line = self.current()
        if line is None:
            return
        dialog = FollowUpDialog(line.item, self.store.register.people(), f"Oppfølging {line.case}",
                                self)  # fmt: skip
        if dialog.exec():
            self.push(commands.edit_followup(self.store, line.item, dialog.chosen(), line.case))

    def mark_done(self) -> None:
        line = self.current()
        if line is None or line.item.status is FollowUpStatus.DONE:
            return
        new = replace(line.item, status=FollowUpStatus.DONE)
        self.push(commands.edit_followup(self.store, line.item, new, line.case))

    def delete_current(self) -> None:
        line = self.current()
        if line is None:
            return
        self.push(commands.delete_followup(self.store, line.case_id, line.item, line.case))

    def open_current_case(self) -> None:
        line = self.current()
        if line is not None:
            self.case_requested.emit(line.case_id)

    def document(self) -> tuple[bytes, str] | None:
        """The chosen body's Oppfølgingsliste (a list is one body's); None for all bodies."""
        from tr_desk.app import documents

        prefix = self.body.currentData()
        if not prefix:
            return None
        today = self.store.clock.today()
        data = documents.followups_pdf(self.store, prefix, today)
        return data, f"{prefix}-oppfolgingsliste-{today.isoformat()}"

    def save_pdf(self) -> None:
        from tr_desk.ui.widgets.documents_io import save_file

        document = self.document()
        if document is None:
            dialogs.tell(self, "Velg organet listen gjelder.")
            return
        path = save_file(self, document[0], f"{document[1]}.pdf")
        if path is not None:
            self.message.emit(f"Lagret {path.name}")
