"""Message boxes and small questions, with Norwegian button labels.

Qt ships no bokmål translation, so every button here is labelled by us. The dialog classes
are imported when first needed, not on the way to the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

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
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def choose_database(
    parent: QWidget | None,
    title: str,
    folder: str,
    accept: str,
    *,
    new: bool = False,
    kind: tuple[str, str] = ("TR Desk-database", "sqlite"),
) -> str | None:
    """A TR Desk database file to open (or, with ``new``, to make); labels in bokmål.
    ``kind``: what the files are called and their suffix (a profile: «Profil», «json»)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, folder)
    dialog.setNameFilter(f"{kind[0]} (*.{kind[1]})")
    if new:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind[1])
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    # Qt's own dialog, so that every label is ours (Qt ships no bokmål translation).
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {
        QFileDialog.DialogLabel.Accept: accept,
        QFileDialog.DialogLabel.Reject: "Avbryt",
        QFileDialog.DialogLabel.LookIn: "Mappe:",
        QFileDialog.DialogLabel.FileName: "Filnavn:",
        QFileDialog.DialogLabel.FileType: "Type:",
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return str(dialog.selectedFiles()[0])
