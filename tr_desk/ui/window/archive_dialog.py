"""Fil › «Eksporter til arkiv …»: the period and a new folder, then the Noark 5 package with a
progress bar, and what went in and what was left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.archive import ArchiveError, ArchiveResult, export_archive, last_approved_year
from tr_desk.app.database import Store
from tr_desk.core.formats import counted
from tr_desk.ui.widgets import dialogs
from tr_desk.ui.widgets.date_field import DateField


class ArchiveDialog(QDialog):
    """The period (a whole year by default) and the folder the package goes to."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.result_: ArchiveResult | None = None
        self.setWindowTitle("Eksporter til arkiv")
        self.setMinimumWidth(520)
        year = last_approved_year(store)
        self.start = DateField(dt.date(year, 1, 1))
        self.end = DateField(dt.date(year, 12, 31))
        self.folder = QLineEdit(str(Path.home() / f"arkivuttrekk-{year}"))
        choose = QPushButton("&Velg …")
        choose.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        form = QFormLayout()
        form.addRow("&Fra:", self.start)
        form.addRow("&Til:", self.end)
        folder_label = QLabel("&Mappe:")
        folder_label.setBuddy(self.folder)  # Alt+M goes to the folder (a row of two widgets)
        form.addRow(folder_label, where)
        explain = QLabel(
            "Møtene med godkjent protokoll i perioden blir et Noark 5-arkivuttrekk: "
            "arkivstruktur, endringslogg og dokumentene som PDF/A. Saker unntatt "
            "offentlighet blir skjermet. Mappen må være ny eller tom."
        )
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(dialogs.ok_cancel(self, "&Eksporter", self.export))

    def choose_folder(self) -> None:
        chosen = dialogs.choose_file(
            self, "Mappe for arkivuttrekket", str(Path(self.folder.text()).parent), "Velg",
            mode=dialogs.FileMode.FOLDER,
        )  # fmt: skip
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> None:
        target = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip():
            dialogs.warn(self, "Skriv inn eller velg en mappe.", "Eksporter til arkiv")
            return
        # No cancel: a package half made is never left, it is whole or gone.
        try:
            with dialogs.meeting_progress(
                self, "Eksporter til arkiv", "Lager arkivuttrekket …"
            ) as step:
                start, end = self.start.day(), self.end.day()
                self.result_ = export_archive(self.store, start, end, target, step)
        except (ArchiveError, OSError) as exc:
            dialogs.warn(self, str(exc), "Eksporter til arkiv")
            return
        self.accept()


def summary(result: ArchiveResult) -> str:
    """What the user is told when the package is written."""
    lines = [
        f"Arkivuttrekket er lagret i\n{result.folder}\n",
        f"{counted(len(result.meetings), 'møte', 'møter')} og "
        f"{counted(result.files, 'dokumentfil', 'dokumentfiler')} (PDF/A).",
    ]
    if result.left_out:
        lines.append("\nIkke med (protokollen er ikke godkjent): " + ", ".join(result.left_out))
    if result.not_pdfa:
        lines.append("\nVedlegg som ikke er PDF/A og derfor ikke er med: "
                     + ", ".join(result.not_pdfa))  # fmt: skip
    return "\n".join(lines)


def export_to_archive(store: Store, parent: QWidget) -> ArchiveResult | None:
    """The dialog, the export, and what came of it."""
    dialog = ArchiveDialog(store, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_ is None:
        return None
    dialogs.tell(parent, summary(dialog.result_), "Eksportert til arkiv")
    return dialog.result_
