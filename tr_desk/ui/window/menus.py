"""The main window's menu bar: every entry named, with its tooltip and its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from tr_desk.ui.pane import menu_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

    from tr_desk.ui.window.base import WindowBase
    from tr_desk.ui.window.files import DatabaseFiles
    from tr_desk.ui.window.navigation import Navigator
    from tr_desk.ui.window.status import StatusLine


class WindowMenus:
    """Fil, Rediger, Vis, Møte, Handlinger (the shown pane's buttons) and Hjelp; the
    shortcuts are set after the first paint (``install_shortcuts``)."""

    def __init__(
        self, window: WindowBase, files: DatabaseFiles, navigator: Navigator, status: StatusLine
    ) -> None:
        self.window = window
        self.files, self.navigator, self.status = files, navigator, status
        self.keys: dict[QAction, str] = {}

    def install_shortcuts(self) -> None:
        """Keyboard shortcuts, set once the window shows.

        Setting the first shortcut makes PySide6 build the enums of the ``Qt`` namespace
        (~40 ms); nobody presses a key before the window is there, so it waits for the paint.
        """
        from PySide6.QtGui import QKeySequence

        if self.window.quit_action.shortcut().isEmpty():
            for action, keys in self.keys.items():
                action.setShortcut(QKeySequence(keys))
            redo = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
            self.window.redo_action.setShortcuts(redo)
            self.window.update_actions()

    def pane_buttons(self) -> list[QAbstractButton]:
        """The buttons of the pane shown, in the order they sit, each once."""
        pane = self.window.panes_built.get(self.window.current_title())
        return pane.menu_actions() if pane is not None and pane.isVisible() else []

    def fill_pane_menu(self) -> None:
        self.window.pane_menu.clear()
        buttons = self.pane_buttons()
        for button in buttons:
            text = menu_text(button)
            action = self.window.pane_menu.addAction(text.replace("&", "&&"))
            if not button.shortcut().isEmpty():
                action.setShortcut(button.shortcut())  # shown beside the entry
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the button's
            action.setToolTip(button.toolTip() or text)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        if not buttons:
            self.window.pane_menu.addAction("Ingen handlinger i denne ruten").setEnabled(False)

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """Every shortcut and what it does: the menus' actions and the panes' own keys."""
        from tr_desk.ui.meeting.pane import MeetingPane
        from tr_desk.ui.widgets.markdown_edit import MarkdownEdit

        lines = []
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            place = menu_action.text().replace("&", "")
            for action in menu.actions():
                keys = self.keys.get(action, "")
                if keys:
                    text = action.text().replace("&", "").rstrip(" …")
                    lines.append((keys, f"{place} › {text}"))
        lines += [(keys, f"Møte: {text}") for keys, text, _ in MeetingPane.KEYS]
        lines.append(("Ctrl+Enter", "Møte: vedtak som forslaget"))
        lines += [(keys, text) for keys, _, text in MarkdownEdit.SHORTCUTS]
        return lines

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = "".join(
            f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{text}</td></tr>"
            for keys, text in self.shortcut_lines()
        )
        box = QMessageBox(self.window)
        box.setWindowTitle("Hurtigtaster")
        box.setText(f"<table>{rows}</table>")
        box.exec()

    def action(
        self, menu: QMenu, text: str, slot: Callable[[], object], tip: str, keys: str = ""
    ) -> QAction:
        """A menu entry with its tooltip; its shortcut is set after the first paint."""
        action = QAction(text, self.window)
        action.setToolTip(tip + (f" ({keys})" if keys else ""))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        if keys:
            self.keys[action] = keys
        return action

    def build(self) -> None:
        """The menu bar, menu by menu; every menu shows its tooltips and updates its entries."""
        bar = self.window.menuBar()
        menus = [
            self._file_menu(bar.addMenu("&Fil")),
            self._edit_menu(bar.addMenu("&Rediger")),
            self._view_menu(bar.addMenu("&Vis")),
            self._meeting_menu(bar.addMenu("&Møte")),
        ]
        # The buttons of the pane shown, as menu entries: every button is also in a menu.
        self.window.pane_menu = bar.addMenu("H&andlinger")
        self.window.pane_menu.aboutToShow.connect(self.fill_pane_menu)
        menus.append(self.window.pane_menu)
        menus.append(self._help_menu(bar.addMenu("&Hjelp")))
        for menu in menus:
            menu.setToolTipsVisible(True)
            menu.aboutToShow.connect(self.window.update_actions)

    def _file_menu(self, menu: QMenu) -> QMenu:
        w, files = self.window, self.files
        w.new_meeting_action = self.action(
            menu, "&Nytt møte …", w.new_meeting,
            "Lag et nytt møte med standardsakene utfylt", "Ctrl+N",
        )  # fmt: skip
        menu.addSeparator()
        w.open_database_action = self.action(
            menu, "Å&pne database …", files.choose_and_open,
            "Åpne en annen TR Desk-database", "Ctrl+O",
        )  # fmt: skip
        w.new_database_action = self.action(
            menu, "N&y database …", files.choose_new,
            "En ny, tom database for en organisasjon: organene og personene fra en profil",
        )  # fmt: skip
        w.import_action = self.action(
            menu, "&Importer gamle dokumenter …", lambda: w.import_documents(),
            "Les innkallinger, referater, protokoller og møteplaner fra Word, PDF eller tekst "
            "inn i databasen (filer kan også slippes på vinduet)",
        )  # fmt: skip
        w.archive_action = self.action(
            menu, "Eksporter til &arkiv …", lambda: _export_to_archive(w),
            "De godkjente møtene i en periode som Noark 5-arkivuttrekk med PDF/A-dokumenter",
        )  # fmt: skip
        w.site_action = self.action(
            menu, "Publiser &nettsider …", lambda: _publish_pages(w),
            "Møteplanene, sakslistene og vedtakene som nettsider, med de offentlige PDF-ene",
        )  # fmt: skip
        menu.addSeparator()
        w.save_pdf_action = self.action(
            menu, "&Lagre som PDF …", w.save_pdf,
            "Lagre dokumentet ruten viser (innkalling, referat eller møteplan) som PDF",
            "Ctrl+Shift+S",
        )  # fmt: skip
        w.print_action = self.action(
            menu, "Skriv &ut …", w.print_document, "Skriv ut dokumentet ruten viser", "Ctrl+P"
        )
        menu.addSeparator()
        w.backup_action = self.action(
            menu, "Ta &sikkerhetskopi nå", files.backup,
            "Lag en kopi av databasen i mappen «sikkerhetskopier»",
        )  # fmt: skip
        w.restore_action = self.action(
            menu, "&Gjenopprett fra sikkerhetskopi …", files.choose_restore,
            "Erstatt databasen med en sikkerhetskopi; den nåværende tas vare på",
        )  # fmt: skip
        menu.addSeparator()
        w.quit_action = self.action(menu, "&Avslutt", w.close, "Lukk TR Desk", "Ctrl+Q")
        return menu

    def _edit_menu(self, menu: QMenu) -> QMenu:
        w = self.window
        w.undo_action = w.undo_stack.createUndoAction(w, "Angre")
        w.undo_action.setToolTip("Angre siste endring (Ctrl+Z)")
        w.redo_action = w.undo_stack.createRedoAction(w, "Gjør om")
        w.redo_action.setToolTip("Gjør om det som ble angret (Ctrl+Y)")
        menu.addAction(w.undo_action)
        menu.addAction(w.redo_action)
        self.keys[w.undo_action] = "Ctrl+Z"
        self.keys[w.redo_action] = "Ctrl+Y"
        w.undo_stack.indexChanged.connect(w.on_undo_index)
        w.undo_action.triggered.connect(lambda: self.status.undone(True))
        w.redo_action.triggered.connect(lambda: self.status.undone(False))
        menu.addSeparator()
        w.search_action = self.action(
            menu, "&Søk i alle saker …", self.navigator.open_search,
            "Finn saker fra alle år og organer: ord, «en frase», energi*, et saksnummer",
            "Ctrl+F",
        )  # fmt: skip
        w.find_action = self.action(
            menu, "&Finn i ruten …", self.navigator.open_find,
            "Finn i teksten du skriver, eller i listen ruten viser", "Ctrl+Shift+F",
        )  # fmt: skip
        return menu

    def _view_menu(self, menu: QMenu) -> QMenu:
        w = self.window
        w.pane_actions = []
        for row in range(w.nav.count()):
            title = w.nav.item(row).text()
            w.pane_actions.append(self.action(
                menu, title, partial(w.show_pane, title), f"Gå til {title}", f"Ctrl+{row + 1}",
            ))  # fmt: skip
        return menu

    def _meeting_menu(self, menu: QMenu) -> QMenu:
        w = self.window
        w.issue_action = self.action(
            menu, "Send ut &innkalling …", w.issue_notice,
            "Kontroller og send ut innkallingen til møtet; saksnumrene låses",
        )  # fmt: skip
        w.start_action = self.action(
            menu, "&Start møtet", w.start_meeting,
            "Åpne møtet i Møte og sett klokkeslettet det startet", "Ctrl+T",
        )  # fmt: skip
        w.approve_action = self.action(
            menu, "&Godkjenn referat", w.approve_minutes,
            "Godkjenn referatet eller protokollen i Protokoll",
        )  # fmt: skip
        return menu

    def _help_menu(self, menu: QMenu) -> QMenu:
        self.window.shortcuts_action = self.action(
            menu, "&Hurtigtaster", self.show_shortcuts, "Alle hurtigtastene i TR Desk", "F1"
        )
        self.action(menu, "&Om TR Desk", self.files.about, "Versjon og database")
        return menu


def _export_to_archive(window: WindowBase) -> None:
    from tr_desk.ui.window.archive_dialog import export_to_archive

    export_to_archive(window.store, window)


def _publish_pages(window: WindowBase) -> None:
    from tr_desk.ui.window.site_dialog import publish_pages

    publish_pages(window.store, window)
