"""Fil › «Publiser nettsider …»: the folder the website lives in (remembered), from which
year, what changed since the last publish, then the pages written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.app.site import SiteChanges, publish_site, site_changes, site_files
from tr_desk.core.formats import counted
from tr_desk.ui.widgets import dialogs
from tr_desk.ui.widgets.state import settings

FOLDER_KEY = "nettsted/mappe"


def change_lines(changes: SiteChanges) -> list[str]:
    """«Ny: moter/kf-2022-09-16.html», «Endret: index.html», «Fjernes: …»."""
    return ([f"Ny: {p}" for p in changes.added] + [f"Endret: {p}" for p in changes.changed]
            + [f"Fjernes: {p}" for p in changes.removed])  # fmt: skip


class SiteDialog(QDialog):
    """Choose the folder and the first year; «Vis endringer» lists what a publish would do,
    «Publiser» does it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.files: dict[str, bytes] | None = None
        self.published: SiteChanges | None = None
        self.setWindowTitle("Publiser nettsider")
        self.setMinimumSize(560, 420)
        remembered = str(settings().value(FOLDER_KEY, "") or "")
        self.folder = QLineEdit(remembered or str(Path.home() / "nettsted"))
        choose = QPushButton("&Velg …")
        choose.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        self.year = QSpinBox()
        self.year.setRange(1900, 2999)
        self.year.setValue(store.clock.today().year - 1)
        self.year.valueChanged.connect(self._forget)
        form = QFormLayout()
        folder_label = QLabel("&Mappe:")
        folder_label.setBuddy(self.folder)  # Alt+M goes to the folder (a row of two widgets)
        form.addRow(folder_label, where)
        form.addRow("Fra &år:", self.year)
        explain = QLabel(
            "Møteplanene, sakslistene til innkalte møter og vedtakene i godkjente protokoller "
            "som nettsider (uten skript), med de offentlige PDF-ene. Saker unntatt "
            "offentlighet vises bare med nummer, offentlig tittel og hjemmel. Bare det som er "
            "endret, skrives; andre filer i mappen blir stående."
        )
        explain.setWordWrap(True)
        self.changes = QListWidget()
        self.summary = QLabel("Trykk «Vis endringer» for å se hva som blir publisert.")
        show = QPushButton("Vis &endringer")
        show.clicked.connect(self.show_changes)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(show)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(dialogs.ok_cancel(self, "&Publiser", self.publish))

    def _forget(self) -> None:
        """Another first year: the pages are made again when asked."""
        self.files = None
        self.changes.clear()

    def choose_folder(self) -> None:
        chosen = dialogs.choose_file(
            self, "Mappe for nettsidene", self.folder.text(), "Velg", mode=dialogs.FileMode.FOLDER
        )
        if chosen:
            self.folder.setText(chosen)

    def _make(self) -> dict[str, bytes]:
        """The site's files, with a progress bar: each meeting's page and PDFs take a while."""
        with dialogs.meeting_progress(
            self, "Publiser nettsider", "Lager nettsidene …", 300
        ) as step:
            return site_files(self.store, self.year.value(), step)

    def _target(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            dialogs.warn(self, "Skriv inn eller velg en mappe.", "Publiser nettsider")
            return None
        return Path(text).expanduser()

    def show_changes(self) -> SiteChanges | None:
        target = self._target()
        if target is None:
            return None
        self.files = self._make()
        changes = site_changes(target, self.files)
        self.changes.clear()
        self.changes.addItems(change_lines(changes))
        total = len(changes.added) + len(changes.changed) + len(changes.removed)
        self.summary.setText(
            f"{counted(total, 'fil', 'filer')} å skrive eller fjerne."
            if changes.any
            else "Ingen endringer siden forrige publisering."
        )
        return changes

    def publish(self) -> None:
        target = self._target()
        if target is None:
            return
        if self.files is None:
            self.files = self._make()
        try:
            self.published = publish_site(target, self.files)
        except OSError as exc:
            dialogs.warn(self, f"Kunne ikke skrive i {target}: {exc.strerror or exc}",
                         "Publiser nettsider")  # fmt: skip
            return
        settings().setValue(FOLDER_KEY, str(target))
        self.accept()


def publish_pages(store: Store, parent: QWidget) -> SiteChanges | None:
    """The dialog, then what was written."""
    dialog = SiteDialog(store, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.published is None:
        return None
    changes = dialog.published
    written = len(changes.added) + len(changes.changed)
    dialogs.tell(
        parent,
        f"Nettsidene er publisert i {dialog.folder.text()}: "
        f"{counted(written, 'fil', 'filer')} skrevet, "
        f"{counted(len(changes.removed), 'fil', 'filer')} fjernet.\n\n"
        "Legg mappen på nettstedet (kopier den til webserveren).",
        "Publisert",
    )
    return changes
