"""Bokmål for the texts Qt itself shows: context menus of text fields, standard buttons.

Qt ships nynorsk (qtbase_nn) but no bokmål translation, and the few strings a user of TR Desk
meets are better kept here than in a compiled .qm file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

_EDIT_MENU = {
    "&Undo": "&Angre",
    "&Redo": "&Gjør om",
    "Cu&t": "Klipp &ut",
    "&Copy": "&Kopier",
    "Copy &Link Location": "Kopier &lenkeadresse",
    "&Paste": "&Lim inn",
    "Delete": "Slett",
    "Select All": "Merk alt",
}

BOKMAL: dict[tuple[str, str], str] = {
    **{("QLineEdit", en): nb for en, nb in _EDIT_MENU.items()},
    **{("QWidgetTextControl", en): nb for en, nb in _EDIT_MENU.items()},
    **{
        ("QPlatformTheme", en): nb
        for en, nb in {
            "OK": "OK",
            "Save": "Lagre",
            "Save All": "Lagre alle",
            "Open": "Åpne",
            "&Yes": "&Ja",
            "Yes to &All": "Ja til &alle",
            "&No": "&Nei",
            "N&o to All": "N&ei til alle",
            "Abort": "Avbryt",
            "Retry": "Prøv igjen",
            "Ignore": "Ignorer",
            "Close": "Lukk",
            "Cancel": "Avbryt",
            "Discard": "Forkast",
            "Help": "Hjelp",
            "Apply": "Bruk",
            "Reset": "Tilbakestill",
            "Restore Defaults": "Gjenopprett standard",
        }.items()
    },
    ("QMessageBox", "Show Details..."): "Vis detaljer …",
    ("QMessageBox", "Hide Details..."): "Skjul detaljer …",
    ("QMessageBox", "About Qt"): "Om Qt",
    ("QUndoStack", "Undo %1"): "Angre %1",
    ("QUndoStack", "Redo %1"): "Gjør om %1",
}


class BokmalTranslator(QTranslator):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is a null QString, «no translation here»; an empty string would blank the text.
        return BOKMAL.get((context, source_text))

    def isEmpty(self) -> bool:
        return False
