"""Message boxes and small questions, with Norwegian button labels.

Qt ships no bokmål translation, so every button here is labelled by us. The dialog classes
are imported when first needed, not on the way to the first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

TITLE = "TR Desk"


def tell(parent: QWidget | None, text: str, title: str = TITLE) -> None:
    """Information the user should read; one «OK»."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, text: str, title: str = "Kunne ikke lagre") -> None:
    """Something did not happen; nothing was lost."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def fail(parent: QWidget | None, text: str, title: str = TITLE) -> None:
    """TR Desk cannot go on (the database cannot be opened)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing ``action`` («Slett»); «Avbryt» is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def choose(parent: QWidget | None, title: str, text: str, choices: list[str]) -> str | None:
    """One of ``choices`` (button texts), or None for «Lukk»."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    buttons = {box.addButton(c, QMessageBox.ButtonRole.ActionRole): c for c in choices}
    close = box.addButton("Lukk", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.exec()
    return buttons.get(box.clickedButton())  # type: ignore[call-overload]


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line of text, or None when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOkButtonText("OK")
    dialog.setCancelButtonText("Avbryt")
    if not dialog.exec():
        return None
    text = " ".join(dialog.textValue().split())
    return text or None


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], None]) -> QDialogButtonBox:
    """The buttons at the foot of a small form: ``ok_text`` and «Avbryt»."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")

    def ok() -> None:
        # A field that has just refused what was typed (a date like 31.02.2027, its message
        # answered with the same Enter or click) keeps the dialog open: never the old value.
        if not any(getattr(child, "refused", False) for child in dialog.findChildren(QWidget)):
            on_ok()

    buttons.accepted.connect(ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FileMode(Enum):
    OPEN = "open"  # one file that exists
    OPEN_MANY = "open_many"  # one or more files
    SAVE = "save"  # a file to write (asked before one is replaced)
    FOLDER = "folder"  # a folder


def file_dialog(
    parent: QWidget | None,
    title: str,
    start: str,
    accept: str,
    *,
    mode: FileMode = FileMode.OPEN,
    kinds: list[tuple[str, str]] | None = None,
) -> QFileDialog:
    """Qt's own file dialog with every label ours, the same for opening, saving, importing and
    choosing a folder (Qt ships no bokmål, and a platform dialog would be half English).
    ``kinds``: (what the files are called, their suffixes «pdf» or «png jpg»)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, start)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if kinds:
        dialog.setNameFilters(
            [f"{name} ({' '.join(f'*.{s}' for s in suffixes.split())})" for name, suffixes in kinds]
        )
    if mode is FileMode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if kinds:
            dialog.setDefaultSuffix(kinds[0][1].split()[0])
    elif mode is FileMode.OPEN_MANY:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif mode is FileMode.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    labels = {
        QFileDialog.DialogLabel.Accept: accept,
        QFileDialog.DialogLabel.Reject: "Avbryt",
        QFileDialog.DialogLabel.LookIn: "Mappe:",
        QFileDialog.DialogLabel.FileName: "Mappe:" if mode is FileMode.FOLDER else "Filnavn:",
        QFileDialog.DialogLabel.FileType: "Filtype:",
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    return dialog


def choose_files(
    parent: QWidget | None,
    title: str,
    start: str,
    accept: str,
    *,
    mode: FileMode = FileMode.OPEN,
    kinds: list[tuple[str, str]] | None = None,
) -> list[str]:
    """The files (or folder) chosen in ``file_dialog``; empty when cancelled."""
    dialog = file_dialog(parent, title, start, accept, mode=mode, kinds=kinds)
    if not dialog.exec():
        return []
    return [str(path) for path in dialog.selectedFiles()]


def choose_file(
    parent: QWidget | None,
    title: str,
    start: str,
    accept: str,
    *,
    mode: FileMode = FileMode.OPEN,
    kind: tuple[str, str] | None = None,
) -> str | None:
    """One file (or folder) chosen, or None when cancelled."""
    chosen = choose_files(parent, title, start, accept, mode=mode, kinds=[kind] if kind else None)
    return chosen[0] if chosen else None


def choose_database(
    parent: QWidget | None,
    title: str,
    folder: str,
    accept: str,
    *,
    new: bool = False,
    kind: tuple[str, str] = ("TR Desk-database", "sqlite"),
) -> str | None:
    """A TR Desk database file to open (or, with ``new``, to make).
    ``kind``: what the files are called and their suffix (a profile: «Profil», «json»)."""
    mode = FileMode.SAVE if new else FileMode.OPEN
    return choose_file(parent, title, folder, accept, mode=mode, kind=kind)


@contextmanager
def meeting_progress(
    parent: QWidget, title: str, text: str, after_ms: int = 0
) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar for work done meeting by meeting that cannot stop halfway (no cancel):
    yields ``step(done, of, what)``; shown after ``after_ms``, closed when the work ends."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    progress = QProgressDialog(text, "", 0, 1, parent)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(after_ms)

    def step(done: int, total: int, what: str) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        progress.setLabelText(f"Møte {done + 1} av {total}: {what}" if what else "Skriver …")
        QApplication.processEvents()

    try:
        yield step
    finally:
        progress.close()
