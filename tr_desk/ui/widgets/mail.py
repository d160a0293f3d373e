"""«Send ut innkalling» ends in the mail program: the draft with the PDFs attached is written
next to the stored notices and opened with the system's handler for .eml files. Without one,
the user can save the draft elsewhere or copy the addresses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from tr_desk.app import documents
from tr_desk.app.database import Store
from tr_desk.core.context import MeetingContext
from tr_desk.core.errors import UserError
from tr_desk.core.mail import NoticeMail
from tr_desk.core.model import Meeting
from tr_desk.ui.widgets import dialogs

SHOW, SAVE, COPY = "Vis filen i mappen", "Lagre e-post …", "Kopier adresser"


def write_draft(
    store: Store, meeting: Meeting, substitute: tuple[int, int] | None = None
) -> tuple[Path, NoticeMail]:
    """The draft as a file next to the notices (written whole, then moved into place);
    ``substitute`` (substitute, member): the innkalling to a substitute called later."""
    data, mail = documents.notice_email(store, meeting, substitute=substitute)
    folder = store.notices_dir
    folder.mkdir(parents=True, exist_ok=True)
    stem = documents.file_stem(store, meeting, "innkalling", False)
    if substitute is not None:
        stem += f"-vara-{substitute[0]}"
    path = folder / f"{stem}-epost.eml"
    partial = path.with_suffix(".eml.part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return path, mail


def has_mail_program() -> bool:
    """Whether the system names a program for .eml files. On Linux, Qt hands the file to
    xdg-open and says yes even when nothing is there to open it: ask xdg-mime first."""
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS answer through openUrl itself
    xdg_mime = shutil.which("xdg-mime")
    if xdg_mime is None:
        return False
    try:
        found = subprocess.run(
            [xdg_mime, "query", "default", "message/rfc822"],
            capture_output=True, text=True, timeout=3, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(found.stdout.strip())


def open_draft(path: Path) -> bool:
    """Open the draft in the mail program; False when the system has none for .eml."""
    return has_mail_program() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(parent: QWidget, path: Path) -> None:
    """The folder that holds ``path``, in the file manager; without one, its place is said."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
        dialogs.tell(parent, f"Filen ligger i mappen\n{path.parent}")


def send_notice_mail(
    parent: QWidget, store: Store, meeting: Meeting, substitute: tuple[int, int] | None = None
) -> Path | None:
    """Write the draft and open it; without a mail program, offer to show it in its folder,
    save it or copy the addresses. Returns the draft's path, or None when it could not be
    written."""
    try:
        path, mail = write_draft(store, meeting, substitute)
    except (OSError, UserError) as exc:
        dialogs.warn(parent, f"E-postutkastet kunne ikke lages: {exc}", "Ingen e-post")
        return None
    if mail.not_archival:  # a note, not a stop: the papers can be sent, not archived so
        window = parent.window()
        if isinstance(window, QMainWindow):
            listed = ", ".join(mail.not_archival)
            window.statusBar().showMessage(
                f"Sakspapirene er ikke PDF/A ({listed} er ikke PDF/A): send dem, men arkiver "
                "innkallingen og vedleggene hver for seg.", 20000,
            )  # fmt: skip
    if open_draft(path):
        return path
    text = (
        "Fant ikke noe e-postprogram som kan åpne utkastet. Det er lagret som\n"
        f"{path}\n\nDu kan vise filen i mappen og dra den inn i e-posten din, lagre den et "
        "annet sted, eller kopiere adressene og lime dem inn i e-postprogrammet ditt."
    )
    choice = dialogs.choose(parent, "Ingen e-postprogram", text, [SHOW, SAVE, COPY])
    if choice == SHOW:
        show_in_folder(parent, path)
    elif choice == SAVE:
        target = dialogs.choose_file(
            parent, "Lagre e-post", str(Path.home() / path.name), "Lagre",
            mode=dialogs.FileMode.SAVE, kind=("E-post", "eml"),
        )  # fmt: skip
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


def offer_substitute_mail(
    parent: QWidget, store: Store, context: MeetingContext, called: tuple[int, int]
) -> Path | None:
    """A substitute called after the notice went out gets an innkalling of their own (the
    notice with their name in the member's place); the notice sent stays as sent.
    ``called``: (substitute, member)."""
    name, whom = context.name(called[0]), context.name(called[1])
    question = (
        f"{name} er kalt inn som vara for {whom}. Innkallingen som er sendt ut, er "
        f"uendret.\n\nÅpne en e-post til {name} med innkallingen vedlagt?"
    )
    if not dialogs.confirm(parent, "Vara kalt inn", question, "Åpne e-post"):
        return None
    return send_notice_mail(parent, store, context.meeting, called)
