"""«Kilde: innkalling.docx, referat.pdf» under an imported meeting: links that open the
original files, kept by their hash beside the database (``kilder/``)."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QWidget

from tr_desk.app.database import Store


class SourceLine(QLabel):
    """Hidden for a meeting made in TR Desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.setWordWrap(True)
        self.setToolTip("Filene møtet ble importert fra; de åpnes i sitt eget program")
        self.setVisible(False)

    def show_sources(self, store: Store, meeting_id: int | None) -> None:
        found = store.meetings.sources(meeting_id) if meeting_id is not None else []
        links = [
            f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{html.escape(name)}</a>'
            if path.exists() else f"{html.escape(name)} (mangler i «kilder»)"
            for name, path in found
        ]  # fmt: skip
        self.setText("Kilde: " + ", ".join(links))
        self.setVisible(bool(found))
