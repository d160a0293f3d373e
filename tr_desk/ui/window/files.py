"""Fil's work on the database file: open, new (from a profile), import, backup, restore."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.app.database import Store, StoreError
from tr_desk.ui.widgets import dialogs

if TYPE_CHECKING:
    from tr_desk.core.profile import Profile
    from tr_desk.ui.window.base import WindowBase
    from tr_desk.ui.window.status import StatusLine


class DatabaseFiles:
    """The window's database as a file: each step closes it (pending typing saved) before
    another file takes its place, and reopens through ``reopen_requested``."""

    def __init__(self, window: WindowBase, status: StatusLine) -> None:
        self.window = window
        self.status = status

    def choose_and_open(self) -> None:
        folder = str(self.window.store.path.parent)
        chosen = dialogs.choose_database(self.window, "Åpne database", folder, "Åpne")
        if chosen is not None and Path(chosen) != self.window.store.path:
            self.open_database(Path(chosen))

    def open_database(self, path: Path) -> None:
        """Close this database (pending typing saved) and open ``path`` in its place."""
        if not path.exists():
            dialogs.warn(self.window, f"Finner ikke «{path}».", "Åpne database")
            return
        self.let_go()
        self.window.reopen_requested.emit(str(path))

    def import_documents(self, paths: Sequence[Path] = ()) -> None:
        """Fil › Importer (or files dropped on the window): the preview, then one undo step."""
        if self.window.store.readonly:
            dialogs.tell(self.window, f"Kan ikke importere: {self.window.store.readonly_reason}")
            return
        from PySide6.QtWidgets import QDialog

        from tr_desk.app.importing import Action
        from tr_desk.ui import commands
        from tr_desk.ui.importing.dialog import ImportDialog, meetings, new_meetings

        dialog = ImportDialog(self.window.store, self.window, paths)
        self.window.import_dialog = dialog  # for tests: the dialog while it is open
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.window.import_dialog = None
        report = dialog.report
        if not accepted or report is None:
            return
        counts = report.counts()
        files = sum(1 for f in report.files if f.files and not f.error)
        label = f"Import av {files} {'fil' if files == 1 else 'filer'}"
        command = commands.import_documents(self.window.store, report, label)
        try:
            command.run_first()
        except StoreError as exc:
            dialogs.warn(self.window, str(exc), "Kunne ikke importere")
            return
        self.window.undo_stack.push(command)
        created, updated = counts[Action.CREATED], counts[Action.UPDATED]
        made = [new_meetings(created)] if created else []
        if updated:
            made.append(f"{meetings(updated)} fylt ut")
        self.status.say(
            f"{label}: {', '.join(made)} – lagret kl. {self.window.store.clock.now():%H:%M:%S}"
        )
        if (
            self.window.current_title() == "" or not self.window.has_meetings
        ):  # from the welcome: the plan
            self.window.has_meetings = True
            latest = max(dt.date.fromisoformat(o.date) for o in report.meetings)
            self.window.plan_year = latest.year
            self.window.show_pane("Møteplan")
            self.window.plan.show_year(latest.year)

    def backup(self) -> None:
        from tr_desk.app.backup import make_backup

        try:
            path = make_backup(self.window.store)
        except StoreError as exc:
            dialogs.warn(self.window, str(exc), "Sikkerhetskopi")
            return
        self.window.statusBar().showMessage(f"Sikkerhetskopi lagret: {path.name}", 15000)
        dialogs.tell(self.window, f"Sikkerhetskopien er lagret som\n{path}", "Sikkerhetskopi")

    def choose_restore(self) -> None:
        """Pick a copy, keep the current file, put the copy in its place and reopen."""
        from tr_desk.app.backup import backup_folder

        folder = str(backup_folder(self.window.store.path))
        chosen = dialogs.choose_database(
            self.window, "Gjenopprett fra sikkerhetskopi", folder, "Velg"
        )
        if chosen is None:
            return
        source = Path(chosen)
        if not dialogs.confirm(
            self.window,
            "Gjenopprett fra sikkerhetskopi",
            f"Databasen erstattes med «{source.name}». Den nåværende databasen blir tatt vare "
            "på som sikkerhetskopi først. Ingenting som er lagret går tapt.",
            "Gjenopprett",
        ):
            return
        self.restore_from(source)

    def choose_new(self) -> None:
        folder = str(self.window.store.path.parent)
        chosen = dialogs.choose_database(self.window, "Ny database", folder, "Lag", new=True)
        if chosen is None:
            return
        from tr_desk.ui.window.profile_dialog import choose_profile

        profile = choose_profile(self.window)
        if profile is not None:
            self.open_new_database(Path(chosen), profile)

    def open_new_database(self, path: Path, profile: Profile | None = None) -> bool:
        """Make a new database at ``path`` (an empty file there may be replaced) for the
        organisation of ``profile`` (default: the standard profile) and open it."""
        try:
            Store.create(path, profile=profile).close()
        except StoreError as exc:
            dialogs.warn(self.window, str(exc), "Ny database")
            return False
        self.let_go()
        self.window.reopen_requested.emit(str(path))
        return True

    def let_go(self) -> None:
        """Save pending typing and close the database, before another file takes its place."""
        for pane in self.window.panes_built.values():
            pane.shutdown()
        self.window.store.close()

    def restore_from(self, source: Path) -> bool:
        """Restore ``source`` over this window's database and reopen it in a new window."""
        from tr_desk.app.backup import restore

        path = self.window.store.path
        self.let_go()  # releases the lock, so the restore may take it
        try:
            kept = restore(path, source)
        except StoreError as exc:
            dialogs.warn(self.window, str(exc), "Gjenoppretting")
            self.window.reopen_requested.emit(str(path))
            return False
        note = f" Den forrige databasen er lagret som «{kept.name}»." if kept else ""
        dialogs.tell(self.window, f"«{source.name}» er gjenopprettet.{note}", "Gjenoppretting")
        self.window.reopen_requested.emit(str(path))
        return True

    def about(self) -> None:
        """Hjelp › Om: the version, the database and the data folder, what is bundled."""
        from PySide6.QtWidgets import QMessageBox

        from tr_desk.app.database import default_database_path
        from tr_desk.core.about import LICENCES, licence_file, version
        from tr_desk.resources import resources_dir

        items = "".join(f"<li>{html.escape(line)}</li>" for line in LICENCES)
        QMessageBox.about(
            self.window,
            "Om TR Desk",
            f"<b>TR Desk {html.escape(version())}</b><br>Innkallinger, referater og møteplan for "
            f"{html.escape(self.window.store.settings.organisation().name)}.<br><br>"
            f"Database: {html.escape(str(self.window.store.path))}<br>"
            f"Datamappe: {html.escape(str(default_database_path().parent))}<br><br>"
            f"Laget med:<ul>{items}</ul>"
            f"Lisensene: {html.escape(str(licence_file(resources_dir())))}",
        )
