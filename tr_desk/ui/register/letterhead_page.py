"""Register › Brevhode: the organisation's name and logo at the top of every document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tr_desk.app.database import Store, StoreError
from tr_desk.ui.widgets import dialogs, style


class LetterheadPage(QWidget):
    """Name and logo; each change is written at once and said in the status bar."""

    saved = Signal(str)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.name = QLineEdit()
        self.name.setPlaceholderText(store.settings.organisation().name)
        self.name.setToolTip("Navnet øverst på første side av innkallinger, referater og møteplan")
        self.name.editingFinished.connect(self._on_name)
        self.logo = QLabel()
        self.logo.setMinimumHeight(60)
        self.choose_button = QPushButton("Velg logo …")
        self.choose_button.setToolTip("Et PNG- eller JPEG-bilde, vist til venstre for navnet")
        self.choose_button.clicked.connect(self._on_choose)
        self.remove_button = QPushButton("Fjern logo")
        self.remove_button.clicked.connect(lambda: self._save(self.name.text(), ""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(
            style.muted(
                "Brevhodet står øverst på første side av alle dokumentene TR Desk lager, "
                "som på et kommunalt brev."
            )
        )
        form.addRow("&Organisasjon:", self.name)
        form.addRow("Logo:", self.logo)
        form.addRow("", buttons)
        for widget in (self.name, self.choose_button, self.remove_button):
            widget.setEnabled(not store.readonly)
        self.refresh()

    def refresh(self) -> None:
        head = self.store.settings.letterhead()
        self.name.setText(head.name)
        pixmap = QPixmap(head.logo) if head.logo else QPixmap()
        if pixmap.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText("Ingen logo")
        else:
            self.logo.setPixmap(pixmap.scaledToHeight(56))
        self.remove_button.setEnabled(bool(head.logo) and not self.store.readonly)

    def _logo_file(self) -> str:
        return self.store.settings.some("logo_file").get("logo_file", "")

    def _on_name(self) -> None:
        name = " ".join(self.name.text().split())
        if name != self.store.settings.letterhead().name:
            self._save(name, self._logo_file())

    def _on_choose(self) -> None:
        chosen = dialogs.choose_file(
            self, "Velg logo", str(Path.home()), "Velg", kind=("Bilder", "png jpg jpeg")
        )
        if not chosen:
            return
        try:
            name = self.store.files.store_image(Path(chosen))
        except StoreError as exc:
            dialogs.warn(self, str(exc), "Logoen ble ikke lagret")
            return
        self._save(self.name.text(), name)

    def _save(self, name: str, logo_file: str) -> None:
        try:
            organisation = self.store.settings.organisation().name
            self.store.settings.set_letterhead(" ".join(name.split()) or organisation, logo_file)
        except StoreError as exc:
            dialogs.warn(self, str(exc))
        self.refresh()
        self.saved.emit("Brevhode")
