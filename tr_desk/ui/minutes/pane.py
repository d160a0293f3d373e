"""Protokoll: the minutes as they will print, the check, print and save, approve and reopen."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.checks.problems import Problem, Spot, summary
from tr_desk.core.formats import date_short, parse_user_date
from tr_desk.core.minutes import extract_content, minutes_content
from tr_desk.core.model import Meeting, MeetingStatus
from tr_desk.core.numbering import case_label
from tr_desk.ui import commands
from tr_desk.ui.pane import MeetingView, PaneHost
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.documents_io import print_document, save_file
from tr_desk.ui.widgets.meeting_picker import (
    STATUS_LABELS,
    current_meeting,
    fill_meetings,
    meeting_combo,
)
from tr_desk.ui.widgets.preview import PdfPreview
from tr_desk.ui.widgets.source_line import SourceLine
from tr_desk.ui.widgets.state import keep_sizes


@cache
def _renderers() -> tuple[Any, Any]:
    """ReportLab is imported once, by the first render (on the preview's own thread)."""
    from tr_desk.documents.minutes import render_extract, render_minutes

    return render_minutes, render_extract


def _render_minutes(content: Any) -> bytes:
    return _renderers()[0](content)


class MinutesPane(MeetingView):
    """The Protokoll pane: preview, the header fields of the minutes, the check, approval."""

    problem_chosen = Signal(int, int, str)  # meeting id, case index (-1: none), field

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.meeting: Meeting | None = None
        self.problems: list[Problem] = []

        self.meetings = meeting_combo(self.open_meeting, store, undo_stack)
        self.status = QLabel()
        self.public = QCheckBox("Offentlig versjon")
        self.public.toggled.connect(lambda _: self._show_preview())
        self.print_button = QPushButton("Skriv ut …")
        self.print_button.clicked.connect(self.print_minutes)
        self.save_button = QPushButton("Lagre PDF …")
        self.save_button.clicked.connect(self.save_pdf)
        self.extract_button = QPushButton("Særutskrift …")
        self.extract_button.clicked.connect(self.save_extract)
        self.approve_button = QPushButton("Godkjenn")
        self.approve_button.clicked.connect(self.approve)
        self.reopen_button = QPushButton("Gjenåpne …")
        self.reopen_button.clicked.connect(self.reopen)
        top = QHBoxLayout()
        top.addWidget(QLabel("Møte:"))
        top.addWidget(self.meetings)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.approve_button)
        top.addWidget(self.reopen_button)
        documents = QHBoxLayout()  # a second row: one row was wider than a 1280-pixel screen
        documents.addStretch(1)
        for widget in (self.public, self.print_button, self.save_button, self.extract_button):
            documents.addWidget(widget)

        self.minutes_date = QLineEdit()
        self.minutes_date.setPlaceholderText("dd.mm.åååå")
        self.minutes_date.editingFinished.connect(self._on_header_edited)
        self.chair = QComboBox()
        self.chair.activated.connect(lambda _: self._on_header_edited())
        self.minute_taker = QComboBox()
        self.minute_taker.activated.connect(lambda _: self._on_header_edited())
        self.remarks = QLineEdit()
        self.remarks.setPlaceholderText("Ingen merknader til innkallingen.")
        self.remarks.editingFinished.connect(self._on_header_edited)
        form = QFormLayout()
        form.addRow("&Dokumentets dato:", self.minutes_date)
        form.addRow("&Møteleder:", self.chair)
        form.addRow("&Referent:", self.minute_taker)
        form.addRow("Merknader til &innkallingen:", self.remarks)
        self.sources = SourceLine()
        form.addRow(self.sources)
        self.check_title = style.bold(QLabel("Kontroll"))
        self.check_list = QListWidget()
        self.check_list.setWordWrap(True)
        self.check_list.itemActivated.connect(self._on_problem_chosen)
        self.check_list.itemClicked.connect(self._on_problem_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.check_title)
        left_layout.addWidget(self.check_list, 1)

        self.preview = PdfPreview("minutes")
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        keep_sizes(splitter, "protokoll")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(documents)
        layout.addWidget(splitter, 1)
        self.watch_store(undo_stack, self._on_store_changed_view)
        self.fill_meetings()

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.problem_chosen.connect(host.go_to_case)

    # -- which meeting ----------------------------------------------------------------------

    def fill_meetings(self, keep: int | None = None) -> None:
        keep = keep or (self.meeting.id if self.meeting else None)
        self.open_meeting(fill_meetings(self.meetings, self.store, keep, current_meeting))

    def open_meeting(self, meeting_id: int | None) -> None:
        self.meeting = self.store.meetings.meeting(meeting_id) if meeting_id is not None else None
        if meeting_id is not None:
            self.meeting_opened.emit(meeting_id)
        self.refresh()

    # -- showing -----------------------------------------------------------------------------

    def _on_store_changed_view(self) -> None:
        """Our own step: the meeting again; an undo, redo or another pane's step (an import
        brings meetings and takes them back): the list of meetings too."""
        if self._pushing and self.meeting is not None:
            self.refresh()
        else:
            self.fill_meetings()

    def refresh(self) -> None:
        if self.meeting is None:
            self.status.setText("Ingen møter ennå.")
            for widget in (self.print_button, self.save_button, self.extract_button,
                           self.approve_button, self.reopen_button):  # fmt: skip
                widget.setEnabled(False)
            return
        assert self.meeting.id is not None
        self.meeting = self.store.meetings.meeting(self.meeting.id)
        self.context = self.store.context(self.meeting)  # the one read for the pane
        m = self.meeting
        body = self.context.body
        status = STATUS_LABELS[m.status]
        if m.approved_on and m.status is MeetingStatus.APPROVED:
            status += f" {date_short(m.approved_on)}"
        if m.reopened_on:
            status += f" – gjenåpnet {date_short(m.reopened_on)}"
        self.status.setText(f"{body.minutes_title}: {status}")
        writable = not self.store.readonly
        self.approve_button.setEnabled(writable and m.status is MeetingStatus.HELD)
        self.reopen_button.setEnabled(writable and m.status is MeetingStatus.APPROVED)
        for button in (self.print_button, self.save_button, self.extract_button):
            button.setEnabled(True)
        editable = writable and not m.minutes_locked
        for field in (self.minutes_date, self.chair, self.minute_taker, self.remarks):
            field.setEnabled(editable)
        self._fill_header()
        self.sources.show_sources(self.store, m.id)
        self._run_check()
        self._show_preview()

    def _fill_header(self) -> None:
        assert self.meeting is not None
        m = self.meeting
        widgets = (self.minutes_date, self.chair, self.minute_taker, self.remarks)
        for widget in widgets:
            widget.blockSignals(True)
        self.minutes_date.setText(date_short(m.minutes_date) if m.minutes_date else "")
        people = [(pid, p.name) for pid, p in self.context.people.items()]
        leader = self.context.leader
        for combo, chosen, empty in (
            (self.chair, m.chair_id, "Organets leder" if leader else "Ingen"),
            (self.minute_taker, m.minute_taker_id, "Ingen"),
        ):
            combo.clear()
            names = dict(people)
            combo.addItem(
                f"{empty} ({names[leader]})" if combo is self.chair and leader else empty, None
            )
            for pid, name in people:
                combo.addItem(name, pid)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        self.remarks.setText(m.notice_remarks)
        for widget in widgets:
            widget.blockSignals(False)

    def _run_check(self) -> None:
        assert self.meeting is not None
        self.problems = check_minutes(self.context)
        style.show_problems(self.problems, self.check_list, self.check_title)

    def content(self) -> Any:
        assert self.meeting is not None
        return minutes_content(self.context, public=self.public.isChecked())

    def _show_preview(self) -> None:
        if self.meeting is not None:
            self.preview.show_data(self.content())

    def _on_problem_chosen(self, item: QListWidgetItem) -> None:
        row = self.check_list.row(item)
        if self.meeting is None or not 0 <= row < len(self.problems):
            return
        problem = self.problems[row]
        if problem.field is Spot.CHAIR:
            self.chair.setFocus()
            return
        index = problem.case_index if problem.case_index is not None else -1
        self.problem_chosen.emit(self.meeting.id, index, problem.field or "")

    # -- editing -----------------------------------------------------------------------------

    def _on_header_edited(self) -> None:
        if self.meeting is None:
            return
        text = self.minutes_date.text().strip()
        try:
            minutes_date = parse_user_date(text) if text else None
        except ValueError:
            self.refuse("Skriv datoen som 23.09.2022.")
            self._fill_header()
            return
        new = replace(
            self.meeting,
            minutes_date=minutes_date,
            chair_id=self.chair.currentData(),
            minute_taker_id=self.minute_taker.currentData(),
            notice_remarks=" ".join(self.remarks.text().split()),
        )
        if new != self.meeting:
            self.push(commands.edit_meeting(self.store, self.meeting, new))

    def approve(self) -> None:
        """Mark the minutes approved by hand; they are locked until «Gjenåpne»."""
        if self.meeting is None or self.meeting.status is not MeetingStatus.HELD:
            return
        kind = self.store.register.body(self.meeting.body_id).minutes_title.lower()
        # Errors and warnings alike: approving locks the minutes, so look first.
        if self.problems and not dialogs.confirm(
            self, f"Godkjenn {kind}",
            f"Kontrollen fant {summary(self.problems)}. Godkjenne likevel?", "Godkjenn",
        ):  # fmt: skip
            return
        assert self.meeting.id is not None
        self.push(commands.approve(self.store, self.meeting.id, self.store.clock.today(), kind))

    def reopen(self) -> None:
        if self.meeting is None or self.meeting.status is not MeetingStatus.APPROVED:
            return
        if not dialogs.confirm(
            self, "Gjenåpne protokollen?",
            "Protokollen er godkjent. Gjenåpner du den, kan den endres, og dokumentet sier da "
            "at den er endret etter godkjenning.", "Gjenåpne",
        ):  # fmt: skip
            return
        kind = self.store.register.body(self.meeting.body_id).minutes_title.lower()
        assert self.meeting.id is not None
        self.push(commands.reopen(self.store, self.meeting.id, self.store.clock.today(), kind))

    # -- documents ---------------------------------------------------------------------------

    def _file_stem(self) -> str:
        from tr_desk.app.documents import file_stem

        assert self.meeting is not None
        kind = self.store.register.body(self.meeting.body_id).minutes_title.lower()
        return file_stem(self.store, self.meeting, kind, self.public.isChecked())

    def _save(self, data: bytes, stem: str) -> Path | None:
        path = save_file(self, data, f"{stem}.pdf")
        if path is not None:
            self.message.emit(f"PDF lagret: {path}")
        return path

    def document(self) -> tuple[bytes, str] | None:
        """The minutes as the preview shows them (public or not), and a file name's stem."""
        if self.meeting is None:
            return None
        return _render_minutes(self.content()), self._file_stem()

    def save_pdf(self) -> None:
        document = self.document()
        if document is not None:
            self._save(*document)

    def save_extract(self) -> None:
        """Særutskrift of one case, for those the decision concerns."""
        if self.meeting is None or not self.meeting.cases:
            return
        body = self.store.register.body(self.meeting.body_id)
        numbers = self.store.meetings.case_numbers(self.meeting)
        labels = [
            f"{case_label(body.prefix, numbers, i, self.meeting.date.year)}  {c.title}"
            for i, c in enumerate(self.meeting.cases)
        ]
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Særutskrift")
        dialog.setLabelText("Hvilken sak?")
        dialog.setComboBoxItems(labels)
        dialog.setOkButtonText("Lag særutskrift")
        dialog.setCancelButtonText("Avbryt")
        if not dialog.exec():
            return
        index = labels.index(dialog.textValue())
        content = extract_content(self.context, index, self.store.clock.today())
        number = case_label(body.prefix, numbers, index, self.meeting.date.year)
        stem = "saerutskrift-" + number.replace(" ", "-").replace("/", "-")
        self._save(_renderers()[1](content), stem)

    def shutdown(self) -> None:
        self.preview.shutdown()

    def print_minutes(self) -> None:
        document = self.document()
        if document is None:
            return
        pages = print_document(self, *document)
        if pages is not None:
            self.message.emit(f"Sendt til skriveren: {pages} sider")
