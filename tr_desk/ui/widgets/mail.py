"""«Send ut innkalling» ends in the mail program: the draft with the PDFs attached is written
next to the stored notices and opened with the system's handler for .eml files. Without one,
the user can save the draft elsewhere or copy the addresses."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from tr_desk.app import documents
from tr_desk.app.database import Store
from tr_desk.core.errors import UserError
from tr_desk.core.mail import NoticeMail
from tr_desk.core.model import Meeting
from tr_desk.ui.widgets import dialogs

SAVE, COPY = "Lagre e-post …", "Kopier adresser"


def write_draft(store: Store, meeting: Meeting) -> tuple[Path, NoticeMail]:
    """The draft as a file next to the notices (written whole, then moved into place)."""
    data, mail = documents.notice_email(store, meeting)
    folder = store.notices_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{documents.file_stem(store, meeting, 'innkalling', False)}-epost.eml"
    partial = path.with_suffix(".eml.part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return path, mail


def open_draft(path: Path) -> bool:
    """Open the draft in the mail program; False when the system has none for .eml."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def send_notice_mail(parent: QWidget, store: Store, meeting: Meeting) -> Path | None:
    """Write the draft and open it; without a mail program, offer to save it or copy the
    addresses. Returns the draft's path, or None when it could not be written."""
    try:
        path, mail = write_draft(store, meeting)
    except (OSError, UserError) as exc:
        dialogs.warn(parent, f"E-postutkastet kunne ikke lages: {exc}", "Ingen e-post")
        return None
    if open_draft(path):
        return path
    text = (
        "Fant ikke noe e-postprogram som kan åpne utkastet. Det er lagret som\n"
        f"{path}\n\nDu kan lagre det et annet sted, eller kopiere adressene og lime dem inn "
        "i e-postprogrammet ditt."
    )
    choice = dialogs.choose(parent, "Ingen e-postprogram", text, [SAVE, COPY])
    if choice == SAVE:
        target, _ = QFileDialog.getSaveFileName(
            parent, "Lagre e-post", str(Path.home() / path.name), "E-post (*.eml)"
        )
        if target:
            try:
                Path(target).write_bytes(path.read_bytes())
            except OSError as exc:
                dialogs.warn(parent, f"Kunne ikke lagre {target}: {exc.strerror}")
    elif choice == COPY:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(mail.addresses)
    return path
