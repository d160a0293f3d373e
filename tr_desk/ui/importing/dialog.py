"""Fil › Importer: old notices, minutes and plans read into a preview, then written at once.

The files are read in a worker process (``ui.preview.RenderWorker``: reading a PDF holds the
GIL for long stretches), one at a time, so that the bar moves and «Avbryt» stops between
files. The preview is a tree per file: its documents (each can be left out) → the meeting
they give, its cases and attendance — and every warning. The names the register does not
know are listed below it, each to leave as written, match to a person or add as a new one.
«Importer» hands the plan to the window, which writes it as one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app import importing
from tr_desk.app.database import Store
from tr_desk.core.formats import counted
from tr_desk.core.importing import ReadResult, unknown_names, unused_said
from tr_desk.core.meeting_data import MeetingData
from tr_desk.documents.readers import SUFFIXES
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.preview import RenderWorker

READ_TARGET = "import"
PROGRESS_FROM = 4  # files: fewer are read before a bar would be seen
KINDS = {"innkalling": "Innkalling", "referat": "Referat", "protokoll": "Protokoll",
         "møteplan": "Møteplan", "saksliste": "Saksliste",
         "tilleggsinnkalling": "Tilleggsinnkalling"}  # fmt: skip
ACTIONS = {
    importing.Action.CREATED: "nytt møte", importing.Action.UPDATED: "fyller ut møtet",
    importing.Action.UNCHANGED: "finnes allerede",
}  # fmt: skip
STATUSES = {"til_stede": "til stede", "digitalt": "digitalt", "forfall": "forfall"}
KEEP, NEW = "keep", "new"
WARNING = QColor("#a33b00")


def meetings(count: int) -> str:
    return "1 møte" if count == 1 else f"{count} møter"


def new_meetings(count: int) -> str:
    return "1 nytt møte" if count == 1 else f"{count} nye møter"


def local_paths(urls: Iterable[Any]) -> list[Path]:
    """The files and folders among dropped URLs that the import can read."""
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in SUFFIXES]


class ImportDialog(QDialog):
    """Choose files, see what they hold, decide the names and the documents, then import."""

    file_read = Signal(int, object)  # generation, FileReport or the worker's error text

    def __init__(
        self, store: Store, parent: QWidget | None = None, paths: Sequence[Path] = ()
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Importer gamle dokumenter")
        self.setAcceptDrops(True)
        self.reports: list[importing.FileReport] = []
        self.report: importing.ImportReport | None = None  # what «Importer» writes
        self._register = importing.register_for(store)
        self._known = importing.known_sources(store)
        self._queue: list[Path] = []
        self._total = 0
        self._worker: RenderWorker | None = None
        self._generation = 0
        self._doc_items: dict[tuple[int, int], QTreeWidgetItem] = {}
        self._choices: dict[str, str] = {}  # written name → KEEP, NEW or a person's name
        self.file_read.connect(self._on_file_read)
        intro, choose, progress = self._build_files()
        self._build_preview()
        self._lay_out(choose, intro, progress)
        self.resize(1000, 680)
        self._show_progress(False)
        self._update()
        if paths:
            self.add_paths(paths)

    def _build_files(self) -> tuple[Any, Any, Any]:
        """What to read: the files chosen or dropped, and how far the reading has come."""

        intro = QLabel(
            "Velg Word-, PDF- eller tekstfiler med innkallinger, referater, protokoller og "
            "møteplaner – eller dra dem hit. Ingenting lagres før du trykker «Importer»."
        )
        intro.setWordWrap(True)
        self.add_files_button = QPushButton("Legg til &filer …")
        self.add_files_button.setToolTip("Velg en eller flere filer (.docx, .doc, .pdf, .txt, .md)")
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton("Legg til &mappe …")
        self.add_folder_button.setToolTip("Alle dokumentene i en mappe og mappene under den")
        self.add_folder_button.clicked.connect(self.choose_folder)
        choose = QHBoxLayout()
        choose.addWidget(self.add_files_button)
        choose.addWidget(self.add_folder_button)
        choose.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setFormat("%v av %m filer")
        self.progress_label = QLabel()
        self.cancel_button = QPushButton("&Avbryt lesingen")
        self.cancel_button.setToolTip("Stopp lesingen; filene som alt er lest, vises")
        self.cancel_button.clicked.connect(self.cancel_reading)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_label, 1)
        progress.addWidget(self.progress)
        progress.addWidget(self.cancel_button)
        return intro, choose, progress

    def _build_preview(self) -> None:
        """What was read, document by document, and the names the register does not know."""
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Innhold", "Merknad"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 600)
        self.tree.itemChanged.connect(self._on_item_changed)

        self.names_title = style.bold(QLabel("Navn som ikke er i personregisteret"))
        self.names = QTableWidget(0, 2)
        self.names.setHorizontalHeaderLabels(["Skrevet i dokumentene", "Skal bli"])
        self.names.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.names.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.names.verticalHeader().hide()
        names = QWidget()
        names_layout = QVBoxLayout(names)
        names_layout.setContentsMargins(0, 0, 0, 0)
        names_layout.addWidget(self.names_title)
        names_layout.addWidget(self.names, 1)
        self.names_box = names
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(names)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

    def _lay_out(self, choose: Any, intro: Any, progress: Any) -> None:
        """The dialog: the files, the preview, the names, the summary and the buttons."""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "&Importer", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setToolTip("Skriv møtene inn i databasen; kan angres med Ctrl+Z")
        self.buttons.addButton("&Lukk", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addLayout(progress)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # -- choosing files -------------------------------------------------------------------

    def choose_files(self) -> None:
        suffixes = " ".join(s.lstrip(".") for s in sorted(SUFFIXES))
        chosen = dialogs.choose_files(
            self, "Velg dokumenter", str(Path.home()), "Velg",
            mode=dialogs.FileMode.OPEN_MANY, kinds=[("Dokumenter", suffixes)],
        )  # fmt: skip
        self.add_paths([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        chosen = dialogs.choose_file(
            self, "Velg mappe", str(Path.home()), "Velg", mode=dialogs.FileMode.FOLDER
        )
        if chosen:
            self.add_paths([Path(chosen)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths(local_paths(event.mimeData().urls()))
        event.acceptProposedAction()

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Read the files (and the documents in the folders) not already in the preview."""
        have = {r.path.resolve() for r in self.reports} | {p.resolve() for p in self._queue}
        new = [p for p in importing.expand(paths) if p.resolve() not in have]
        if not new:
            if paths:
                self.progress_label.setText("Ingen nye dokumenter å lese.")
                self.progress_label.show()
            return
        self._queue += new
        self._total += len(new)
        if self._worker is None:
            self._worker = RenderWorker()
        self._show_progress(True)
        self._update()
        if len(self._queue) == len(new):  # nothing was being read: start
            self._read_next()

    # -- reading, in the worker process ---------------------------------------------------

    def _read_next(self) -> None:
        if not self._queue or self._worker is None:
            self._finish_reading()
            return
        path = self._queue[0]
        done = self._total - len(self._queue)
        self.progress.setRange(0, self._total)
        self.progress.setValue(done)
        self.progress_label.setText(f"Leser «{path.name}» …")
        generation = self._generation
        request = (str(path), self._register, self._known)
        future = self._worker.submit(READ_TARGET, request)

        def done_reading(result: Future[Any]) -> None:
            try:
                self.file_read.emit(generation, result.result())
            except Exception as exc:  # the worker failed: said in the tree, never a crash
                self.file_read.emit(generation, str(exc))

        future.add_done_callback(done_reading)

    def _on_file_read(self, generation: int, result: object) -> None:
        if generation != self._generation or not self._queue:
            return  # read for a reading that was cancelled
        path = self._queue.pop(0)
        if isinstance(result, importing.FileReport):
            report = result
        else:
            report = importing.FileReport(path, error=f"Kunne ikke lese «{path.name}»: {result}")
        self.reports.append(report)
        self._add_file(len(self.reports) - 1, report)
        self._update()
        self._read_next()

    def _finish_reading(self) -> None:
        if self._worker is not None:  # no process waits idle; another comes for more files
            self._worker.close()
            self._worker = None
        self._show_progress(False)
        read = len(self.reports)
        self.progress_label.setText(f"{counted(read, 'fil', 'filer')} lest.")
        self.progress_label.show()
        self._update()

    def cancel_reading(self) -> None:
        """Stop reading now (the worker is ended mid-file); the files read so far stay."""
        if not self._queue:
            return
        left = len(self._queue)
        self._generation += 1
        self._queue.clear()
        self._stop_worker()
        self._show_progress(False)
        self.progress_label.setText(
            f"Lesingen ble avbrutt: {left} av {self._total} filer ble ikke lest."
        )
        self.progress_label.show()
        self._total = len(self.reports)
        self._update()

    @property
    def reading(self) -> bool:
        return bool(self._queue)

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker.close()
            self._worker = None

    def _show_progress(self, reading: bool) -> None:
        self.progress.setVisible(reading and len(self._queue) >= PROGRESS_FROM)
        self.cancel_button.setVisible(reading)
        self.progress_label.setVisible(reading)

    def done(self, result: int) -> None:
        self._generation += 1
        self._queue.clear()
        self._stop_worker()
        super().done(result)

    # -- the preview tree -----------------------------------------------------------------

    def _add_file(self, index: int, report: importing.FileReport) -> None:
        self.tree.blockSignals(True)
        item = QTreeWidgetItem([report.path.name])
        item.setToolTip(0, str(report.path))
        bold = QFont(item.font(0))
        bold.setBold(True)
        item.setFont(0, bold)
        if report.error:
            item.setText(1, report.error)
            item.setForeground(1, QBrush(WARNING))
            item.setToolTip(1, report.error)
        elif report.already:
            item.setText(1, "importert før – ingenting å gjøre")
        else:
            count = len(report.documents)
            item.setText(1, counted(count, "dokument", "dokumenter"))
        self.tree.addTopLevelItem(item)
        for j, document in enumerate(report.documents):
            self._add_document(item, index, j, document)
        _warnings(item, report.warnings)
        item.setExpanded(True)
        self.tree.blockSignals(False)

    def _add_document(
        self, parent: QTreeWidgetItem, index: int, j: int, document: ReadResult
    ) -> None:
        kind = KINDS.get(document.kind, document.kind.capitalize())
        text = f"{kind}: {document.title}"
        if document.files and document.kind == "møteplan":
            text = f"{kind} {document.files[0]['date'][:4]}"
        elif document.files:
            file = document.files[0]
            body = self._register.body_of_prefix(file["body"])
            day = dt.date.fromisoformat(file["date"])
            text = f"{kind} – {body.name if body else file['body']} {day.strftime('%d.%m.%Y')}"
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, f"Tittel i dokumentet: «{document.title}». Fjern haken for å la "
                           "dokumentet være igjen.")  # fmt: skip
        if document.files:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        else:
            item.setText(1, "gir ingen møter")
        self._doc_items[(index, j)] = item
        if document.kind == "møteplan":
            for file in document.files:
                QTreeWidgetItem(item, [_meeting_line(file), file.get("note", "")])
        else:
            for file in document.files:
                _add_meeting(item, file)
        _warnings(item, document.warnings)
        said = unused_said(document)
        if said is not None:  # every line ends somewhere: these in no field
            unused = QTreeWidgetItem(item, ["Ikke brukt", str(said)])
            unused.setToolTip(1, "\n".join(f"{n}: {text}" for n, text in document.unused[:40]))
        item.setExpanded(bool(document.warnings))

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item in self._doc_items.values():
            self._update()

    # -- names ----------------------------------------------------------------------------

    def _fill_names(self, names: list[str], where: dict[str, list[str]]) -> None:
        from rapidfuzz import fuzz, process, utils

        if names == [_text(self.names.item(r, 0)) for r in range(self.names.rowCount())]:
            return
        people = sorted((p.name for p in self._register.people), key=str.casefold)
        self.names.setRowCount(len(names))
        for row, name in enumerate(names):
            self.names.setItem(row, 0, _name_cell(name, "Står i: " + ", ".join(where[name])))
            combo = QComboBox()
            combo.addItem("La stå som skrevet", KEEP)
            combo.addItem("Legg til som ny person i registeret", NEW)
            close = [n for n, score, _ in process.extract(
                name, people, scorer=fuzz.WRatio, processor=utils.default_process, limit=4
            ) if score >= 60]  # fmt: skip
            if close:
                combo.insertSeparator(combo.count())
                for person in close:
                    combo.addItem(f"Samme som {person}", person)
            combo.insertSeparator(combo.count())
            for person in people:
                if person not in close:
                    combo.addItem(f"Samme som {person}", person)
            chosen = combo.findData(self._choices.get(name, KEEP))
            combo.setCurrentIndex(max(chosen, 0))
            combo.setToolTip(
                "Et navn som står som skrevet, kommer med som gjest der personen var til "
                "stede; ellers blir det ikke med"
            )
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self._on_name_chosen(n, c.currentData())
            )
            self.names.setCellWidget(row, 1, combo)
        self.names.resizeRowsToContents()

    def _on_name_chosen(self, name: str, choice: str) -> None:
        self._choices[name] = choice
        self._update()

    def name_combo(self, name: str) -> QComboBox | None:
        for row in range(self.names.rowCount()):
            if _text(self.names.item(row, 0)) == name:
                widget = self.names.cellWidget(row, 1)
                return widget if isinstance(widget, QComboBox) else None
        return None

    # -- the plan -------------------------------------------------------------------------

    def _unknown(self, left_out: frozenset[tuple[int, int]]) -> dict[str, list[str]]:
        """The names the register does not know, in the order they come, with the files
        they are in (the documents left out not counted)."""
        where: dict[str, list[str]] = {}
        for i, report in enumerate(self.reports):
            files = [f for j, d in enumerate(report.documents)
                     if (i, j) not in left_out for f in d.files]  # fmt: skip
            for name in unknown_names(files, self._register):
                where.setdefault(name, []).append(report.path.name)
        return where

    def _update(self) -> None:
        """The plan again: outcome per document, the names, the summary, «Importer»."""
        left_out = frozenset(
            key for key, item in self._doc_items.items()
            if self.reports[key[0]].documents[key[1]].files  # one without a meeting: held
            and item.checkState(0) != Qt.CheckState.Checked
        )  # fmt: skip
        where = self._unknown(left_out)
        names = list(where)
        same_as = {n: c for n, c in self._choices.items() if n in where and c not in (KEEP, NEW)}
        new = [n for n in names if self._choices.get(n) == NEW]
        choices = importing.Choices(left_out, same_as, new)
        self._fill_names(names, where)
        self.names_box.setVisible(bool(names))
        self.report = importing.plan(self.store, self.reports, choices)
        outcomes = {(o.body, o.date): o for o in self.report.meetings}
        self.tree.blockSignals(True)
        for (i, j), item in self._doc_items.items():
            document = self.reports[i].documents[j]
            held = self.report.held(i, j)
            item.setToolTip(1, str(held.reason) if held else "")
            if (i, j) in choices.left_out:
                item.setText(1, "tas ikke med")
            elif held is not None:
                item.setText(1, f"holdt tilbake: {held.reason}")
            elif document.kind == "møteplan":
                keys = [(f["body"], f["date"]) for f in document.files]
                made = sum(
                    outcomes[k].action is importing.Action.CREATED for k in keys if k in outcomes
                )
                item.setText(1, f"{new_meetings(made)} i planen" if made else "møtene finnes")
            elif document.files:
                outcome = outcomes.get((document.files[0]["body"], document.files[0]["date"]))
                item.setText(1, ACTIONS[outcome.action] if outcome else "")
        self._show_differences(self.report)
        self.tree.blockSignals(False)
        counts = self.report.counts()
        action = importing.Action
        created, updated = counts[action.CREATED], counts[action.UPDATED]
        unchanged = counts[action.UNCHANGED]
        failed = [r.path.name for r in self.reports if r.error]
        parts = []
        if created:
            parts.append(new_meetings(created))
        if updated:
            parts.append(f"{meetings(updated)} fylles ut")
        if unchanged:
            parts.append(f"{unchanged} finnes allerede")
        if not self.reports and not self.reading:
            text = "Ingen filer valgt ennå."
        else:
            text = ", ".join(parts) + "." if parts else "Ingenting å importere."
        if names:
            text += f" {len(names)} navn er ikke i personregisteret."
        if failed:
            unread = "1 fil" if len(failed) == 1 else f"{len(failed)} filer"
            text += f" {unread} kunne ikke leses og tas ikke med."
        if self.report.held_back:
            count = len(self.report.held_back)
            documents = "1 dokument" if count == 1 else f"{count} dokumenter"
            text += f" {documents} holdes tilbake (se grunnen i listen); resten importeres."
        self.summary.setText(text)
        self.import_button.setEnabled(
            not self.reading and created + updated > 0 and not self.store.readonly
        )  # fmt: skip

    def _show_differences(self, report: importing.ImportReport) -> None:
        said = report.warnings + [
            f"{o.body} {o.date}: {d}" for o in report.meetings for d in o.differences
        ]
        existing = self.tree.findItems("Forskjeller", Qt.MatchFlag.MatchStartsWith, 0)
        for item in existing:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        if said:
            item = QTreeWidgetItem([f"Forskjeller ({len(said)})", "det som sto først, er beholdt"])
            self.tree.addTopLevelItem(item)
            _warnings(item, said, group=False)

    def accept_import(self) -> None:
        self._update()
        if self.report is not None and self.import_button.isEnabled():
            self.accept()


def _text(cell: QTableWidgetItem | None) -> str:
    return cell.text() if cell is not None else ""


def _name_cell(name: str, where: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(name)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    cell.setToolTip(where)
    return cell


def _warnings(parent: QTreeWidgetItem, warnings: Sequence[str], *, group: bool = True) -> None:
    """Each warning as a line of its own (under «Advarsler (N)» unless ``group`` is off)."""
    if not warnings:
        return
    holder = parent
    if group:
        holder = QTreeWidgetItem(parent, [f"Advarsler ({len(warnings)})"])
        holder.setForeground(0, QBrush(WARNING))
    for warning in warnings:
        line = QTreeWidgetItem(holder, [warning])
        line.setToolTip(0, warning)
        line.setForeground(0, QBrush(WARNING))
        line.setFirstColumnSpanned(True)


def _day(iso: str) -> str:
    from tr_desk.core.formats import weekday_name

    day = dt.date.fromisoformat(iso)
    return f"{weekday_name(day).lower()} {day.strftime('%d.%m.%Y')}"


def _meeting_line(file: MeetingData) -> str:
    """«KF fredag 02.12.2022 kl. 09.00–11.30, Scandic Lerkendal»"""
    text = f"{file['body']} {_day(file['date'])}"
    held = file.get("held") or {"start": None, "end": None}
    start, end = held["start"] or file.get("start"), held["end"] or file.get("end")
    if start and end:
        text += f" kl. {start[:5].replace(':', '.')}–{end[:5].replace(':', '.')}"
    if file.get("place"):
        text += f", {file['place']}"
    return text


def _add_meeting(parent: QTreeWidgetItem, file: MeetingData) -> None:
    """The meeting a notice or minutes gives: its header, cases and attendance."""
    modes = {"skriftlig": "skriftlig saksbehandling", "fjernmøte": "digitalt møte"}
    meeting = QTreeWidgetItem(parent, ["Møte: " + _meeting_line(file),
                                       modes.get(file.get("mode", ""), "")])  # fmt: skip
    cases = file.get("cases") or []
    group = QTreeWidgetItem(meeting, [f"Saker ({len(cases)})"])
    for case in cases:
        parts = []
        if case.get("proposal"):
            parts.append("forslag til vedtak")
        if case.get("resolution"):
            parts.append("vedtak")
        if case.get("attachments"):
            count = len(case["attachments"])
            parts.append(f"{count} vedlegg")
        if case.get("outcome"):
            parts.append(str(case["outcome"]))
        line = QTreeWidgetItem(group, [f"{case['number']} {case['title']}", ", ".join(parts)])
        line.setToolTip(0, case["title"])
    group.setExpanded(True)
    rows = file.get("attendance") or []
    if rows:
        present = sum(row["status"] != "forfall" for row in rows)
        group = QTreeWidgetItem(
            meeting, [f"Til stede ({present}), forfall ({len(rows) - present})"]
        )
        for row in rows:
            notes = [STATUSES.get(row["status"], row["status"])]
            if row.get("substitute_for"):
                notes.append(f"vara for {row.get('substitute_for')}")
            if row.get("role"):
                notes.append(row.get("role", ""))
            QTreeWidgetItem(group, [row["name"] or "", ", ".join(notes)])
    for label, listed in (("Innkalt", file.get("invited")), ("Kopi", file.get("copy"))):
        names = [n for n in listed or [] if n]
        if names:
            item = QTreeWidgetItem(meeting, [f"{label} ({len(names)})", ", ".join(names)])
            item.setToolTip(1, ", ".join(names))
    for label, person in (("Saksbehandler", file.get("case_officer")),
                          ("Referent", file.get("minute_taker")),
                          ("Møteleder", file.get("chair"))):  # fmt: skip
        if person:
            QTreeWidgetItem(meeting, [f"{label}: {person}"])
    meeting.setExpanded(True)
