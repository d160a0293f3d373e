"""The welcome on an empty database: the three first steps, and the demo to look around in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from tr_desk.app.database import Store


class Window(Protocol):
    """What the welcome asks of the window it stands in (the main window)."""

    store: Store

    def import_documents(self) -> None: ...
    def show_pane(self, title: str) -> None: ...
    def new_meeting(self) -> None: ...
    def open_database(self, path: Path) -> None: ...


STEPS = (
    ("1. Register", "Se over organene og medlemmene, og legg inn e-postadressene, så går "
     "innkallingene til de riktige.", "Åpne Register", "Register"),
    ("2. Møteplan", "Legg inn årets møter, eller la TR Desk foreslå dem ut fra fjorårets "
     "mønster.", "Åpne Møteplan", "Møteplan"),
    ("3. Første møte", "Lag møtet og sakslisten; standardsakene fylles ut, og saksnumrene "
     "settes av seg selv.", "Nytt møte …", ""),
)  # fmt: skip


class Welcome(QWidget):
    """Shown instead of a pane while the database has no meetings."""

    def __init__(self, window: Window) -> None:
        super().__init__()
        self.window_ = window
        self.heading = heading = QLabel("<h2>Velkommen til TR Desk</h2>")
        from tr_desk.core.law import join_names

        bodies = join_names([b.name for b in window.store.register.bodies()]) or "organene"
        intro = QLabel(
            "Her lager du innkallinger, fører møtet og skriver referat og protokoll for "
            f"{bodies}. Databasen er tom ennå. Tre steg for å komme i gang:"
        )
        intro.setWordWrap(True)
        self.steps = QWidget()
        grid = QGridLayout(self.steps)
        grid.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        for row, (title, text, action, pane) in enumerate(STEPS):
            label = QLabel(f"<b>{title}</b><br>{text}")
            label.setWordWrap(True)
            button = QPushButton(action)
            button.clicked.connect(lambda _=False, pane=pane: self._step(pane))
            grid.addWidget(label, row, 0, 1, 2)
            grid.addWidget(button, row, 2)
            self.buttons[pane or "Nytt møte"] = button
        demo_text = QLabel(
            "Vil du se hvordan det ser ut først? Demoen har møter fra 2022, laget fra "
            "virkelige innkallinger og referater. Den åpnes som en egen database, så din "
            "egen forblir tom."
        )
        demo_text.setWordWrap(True)
        self.demo_button = QPushButton("Åpne demoen")
        self.demo_button.clicked.connect(self._open_demo)
        import_text = QLabel(
            "Har du innkallinger, referater og møteplaner fra før i Word eller PDF? Les dem "
            "inn, så kjenner TR Desk sakene og numrene fra tidligere år."
        )
        import_text.setWordWrap(True)
        self.import_button = QPushButton("Importer gamle dokumenter …")
        self.import_button.clicked.connect(lambda: window.import_documents())
        box = QWidget()
        box.setMaximumWidth(720)
        layout = QVBoxLayout(box)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.steps)
        for offer, button in ((demo_text, self.demo_button), (import_text, self.import_button)):
            layout.addSpacing(16)
            layout.addWidget(offer)
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            layout.addLayout(line)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(box)

    def _step(self, pane: str) -> None:
        window = self.window_
        if pane:
            window.show_pane(pane)
        else:
            window.new_meeting()

    def _open_demo(self) -> None:
        """Make the demo database (once) beside this one, and open it: the same reading of the
        demo's meeting files as ``tr-desk demo`` (``meeting_files.load_demo``), in this
        process (a bundled TR Desk has no Python to start a second one with)."""
        from tr_desk.app.database import Store, demo_database_path
        from tr_desk.app.meeting_files import load_demo
        from tr_desk.core.errors import UserError
        from tr_desk.ui.widgets import dialogs

        path = demo_database_path(self.window_.store.path)
        if not path.exists():
            self.demo_button.setEnabled(False)
            self.demo_button.setText("Lager demoen …")
            self.demo_button.repaint()
            problem = ""
            try:
                with Store.open(path, lock=True) as store:
                    load_demo(store)
            except (UserError, OSError) as exc:
                problem = str(exc)
            self.demo_button.setEnabled(True)
            self.demo_button.setText("Åpne demoen")
            if problem:
                for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                    leftover.unlink(missing_ok=True)
                dialogs.warn(self, f"Demoen kunne ikke lages: {problem}", "Demoen")
                return
        self.window_.open_database(path)
