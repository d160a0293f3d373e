"""«Ny database …»: which organisation the new database is for, chosen by its profile."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from tr_desk.core.errors import UserError
from tr_desk.ui.widgets import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tr_desk.core.profile import Profile


class ProfileDialog(QDialog):
    """The profiles that come with TR Desk (the standard one first, examples marked so), and
    «Annen profilfil …» for the organisation's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from tr_desk.app.profiles import DEFAULT_PROFILE, shipped_profiles

        super().__init__(parent)
        self.setWindowTitle("Ny database: velg organisasjon")
        self.profile: Profile | None = None
        self._profiles: list[Profile] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Den nye databasen får organisasjonen, organene, personene og medlemskapene fra "
            "en profil. Alt kan endres etterpå i Register."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QListWidget()
        for path, profile in shipped_profiles():
            kind = " (eksempel)" if path.name.startswith("eksempel") else ""
            kind = " (standard)" if path.name == DEFAULT_PROFILE else kind
            item = QListWidgetItem(profile.organisation.name + kind)
            bodies = ", ".join(b.name for b in profile.bodies)
            item.setToolTip(f"{profile.about}\n\nOrganer: {bodies}".strip())
            self.choices.addItem(item)
            self._profiles.append(profile)
        self.choices.setCurrentRow(0)
        self.choices.currentRowChanged.connect(self._describe)
        self.choices.itemDoubleClicked.connect(lambda _item: self._accept())
        layout.addWidget(self.choices)
        self.about = QLabel()
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        other = QPushButton("Annen &profilfil …")
        other.clicked.connect(self._other)
        layout.addWidget(other)
        layout.addWidget(dialogs.ok_cancel(self, "Lag database", self._accept))
        self._describe(0)
        self.resize(520, 360)

    def _describe(self, row: int) -> None:
        if 0 <= row < len(self._profiles):
            profile = self._profiles[row]
            bodies = ", ".join(f"{b.name} ({b.prefix})" for b in profile.bodies)
            self.about.setText(f"{profile.about}\nOrganer: {bodies}.".strip())

    def _other(self) -> None:
        from tr_desk.app.profiles import read_profile

        chosen = dialogs.choose_database(
            self, "Velg profilfil", str(Path.home()), "Velg", kind=("Profil", "json")
        )
        if chosen is None:
            return
        try:
            self.profile = read_profile(Path(chosen))
        except UserError as exc:
            dialogs.warn(self, str(exc), "Profilen kan ikke brukes")
            return
        self.accept()

    def _accept(self) -> None:
        row = self.choices.currentRow()
        if 0 <= row < len(self._profiles):
            self.profile = self._profiles[row]
            self.accept()


def choose_profile(parent: QWidget | None) -> Profile | None:
    """The profile for a new database, or None when cancelled (or the shipped ones cannot be
    read: said)."""
    try:
        dialog = ProfileDialog(parent)
    except UserError as exc:
        dialogs.warn(parent, str(exc), "Ny database")
        return None
    return dialog.profile if dialog.exec() else None
