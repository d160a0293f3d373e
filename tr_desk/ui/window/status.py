"""The main window's status line (the database's path, what was saved or undone, what went
wrong, why nothing can be saved) and the chores after the start whose end it tells."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from tr_desk.app.database import StoreError
from tr_desk.ui.widgets import dialogs, style

if TYPE_CHECKING:
    from tr_desk.ui.window.base import WindowBase


class StatusLine:
    """The status bar: the database's path, what was saved or undone, what went wrong."""

    def __init__(self, window: WindowBase) -> None:
        self.window = window

    def build(self) -> None:
        path = QLabel(f"Database: {self.window.store.path}")
        self.window.statusBar().addPermanentWidget(path)
        if self.window.store.readonly:
            self.window.statusBar().addWidget(
                style.warning(f"Skrivebeskyttet: {self.window.store.readonly_reason}")
            )

    def chores_done(self, found: list[str] | None, backup: object) -> None:
        if found is not None and not self.window.store.checked(found):
            self.tell_read_only()
            return
        if isinstance(backup, Exception):  # a failed backup must not stop the work; say so
            self.window.statusBar().showMessage(f"Sikkerhetskopien feilet: {backup}", 15000)

    def tell_read_only(self) -> None:
        """Why nothing can be saved: a damaged file is said in the status bar too."""
        if self.window.store.damaged:
            self.window.statusBar().addWidget(style.warning("Skrivebeskyttet: databasen er skadet"))
        dialogs.tell(self.window, self.window.store.readonly_reason)

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def saved(self, what: str) -> None:
        """One line per step: «Ny sak – lagret kl. 14:26:23»."""
        when = f"lagret kl. {self.window.store.clock.now():%H:%M:%S}"
        self.say(f"{what} – {when}" if what else when.capitalize())

    def undone(self, undo: bool) -> None:
        text = self.window.undo_stack.redoText() if undo else self.window.undo_stack.undoText()
        self.say(f"{'Angret' if undo else 'Gjort om'}: {text}" if text else "")

    def store_error(self, error: StoreError) -> None:
        QTimer.singleShot(0, lambda: dialogs.warn(self.window, str(error)))


class StartChores(QObject):
    """The quick check and the daily backup on a thread of their own; ``done`` carries the
    check's findings (None when it had run already) and the backup's path, None, or the
    exception that stopped it."""

    done = Signal(object, object)

    def __init__(self, path: Path, now: dt.datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.now = path, now

    def begin(self, check: Callable[[], list[str]] | None) -> None:
        """The warm-up and the chores, each on a thread of its own."""
        threading.Thread(target=_warm_up, daemon=True, name="warm-up").start()
        self.start(check)

    def start(self, check: Callable[[], list[str]] | None) -> None:
        """``check``: the store's quick check over a connection of its own (None: it ran)."""
        threading.Thread(target=self._run, args=(check,), daemon=True, name="start-chores").start()

    def _run(self, check: Callable[[], list[str]] | None) -> None:
        from tr_desk.app.backup import backup_file_if_due

        backup: object = None
        try:
            found = check() if check is not None else None
        except StoreError as exc:
            found = [str(exc)]
        if not found:
            try:
                backup = backup_file_if_due(self.path, self.now)
            except Exception as exc:
                backup = exc
        with contextlib.suppress(RuntimeError):  # the window was closed while they ran
            self.done.emit(found, backup)


def _warm_up() -> None:
    from tr_desk.app.database import warm_up

    warm_up()
