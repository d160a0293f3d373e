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


# Qt's own file and print dialogs (where the platform has no native one): the texts a user
# meets, by source text, for every form these dialogs are built from.
DIALOG_CONTEXTS = (
    "QFileDialog", "QFileSystemModel", "QPrint", "QPageSetup", "QUnixPrintWidget",
    "QCupsJobWidget", "QAbstractPrintDialog",
)  # fmt: skip
DIALOG_TEXTS = {
    "Look in:": "Mappe:",
    "File name:": "Filnavn:",
    "File &name:": "Fil&navn:",
    "Files of type:": "Filtype:",
    "Back": "Tilbake",
    "Forward": "Fremover",
    "Parent Directory": "Opp ett nivå",
    "Create New Folder": "Ny mappe",
    "List View": "Liste",
    "Detail View": "Detaljer",
    "&Open": "&Åpne",
    "Open": "Åpne",
    "&Save": "&Lagre",
    "Save": "Lagre",
    "Save As": "Lagre som",
    "&Choose": "&Velg",
    "Cancel": "Avbryt",
    "Name": "Navn",
    "Size": "Størrelse",
    "Type": "Type",
    "Kind": "Type",
    "Date Modified": "Endret",
    "New Folder": "Ny mappe",
    "&New Folder": "&Ny mappe",
    "&Rename": "&Gi nytt navn",
    "&Delete": "&Slett",
    "Show &hidden files": "Vis &skjulte filer",
    "My Computer": "Datamaskin",
    "Computer": "Datamaskin",
    "Recent Places": "Nylig brukt",
    "Directory:": "Mappe:",
    "File Folder": "Mappe",
    "Folder": "Mappe",
    "All Files (*)": "Alle filer (*)",
    "Unknown": "Ukjent",
    "%1 already exists.\nDo you want to replace it?": "«%1» finnes allerede.\nVil du erstatte den?",
    "Are you sure you want to delete '%1'?": "Er du sikker på at du vil slette «%1»?",
    "Print": "Skriv ut",
    "&Print": "&Skriv ut",
    "Printer": "Skriver",
    "&Name:": "&Navn:",
    "P&roperties": "&Egenskaper",
    "Location:": "Plassering:",
    "Type:": "Type:",
    "Output &file:": "Utdata&fil:",
    "&Options >>": "&Valg >>",
    "&Options <<": "&Valg <<",
    "Print to File (PDF)": "Skriv til fil (PDF)",
    "Local file": "Lokal fil",
    "Write PDF file": "Skriv PDF-fil",
    "Print range": "Utskriftsområde",
    "Print all": "Alle sider",
    "Pages from": "Sider fra",
    "Pages": "Sider",
    "to": "til",
    "Current Page": "Gjeldende side",
    "Selection": "Utvalg",
    "Output Settings": "Utskriftsinnstillinger",
    "Copies": "Kopier",
    "Copies:": "Kopier:",
    "Collate": "Sorter",
    "Reverse": "Omvendt rekkefølge",
    "Options": "Valg",
    "Color Mode": "Farge",
    "Color": "Farge",
    "Grayscale": "Gråtoner",
    "Duplex Printing": "Tosidig utskrift",
    "Double Sided Printing": "Tosidig utskrift",
    "None": "Ingen",
    "Long side": "Langside",
    "Short side": "Kortside",
    "Long side binding": "Innbinding på langsiden",
    "Short side binding": "Innbinding på kortsiden",
    "Page Setup": "Sideoppsett",
    "Page size:": "Papirstørrelse:",
    "Paper": "Papir",
    "Paper source:": "Papirkilde:",
    "Orientation": "Retning",
    "Portrait": "Stående",
    "Landscape": "Liggende",
    "Margins": "Marger",
    "Advanced": "Avansert",
    "Page Layout": "Sideoppsett",
    "Pages &per sheet:": "Sider &per ark:",
    "Page &order:": "Side&rekkefølge:",
    "Page &Set:": "Side&utvalg:",
    "All Pages": "Alle sider",
    "Odd Pages": "Oddetallssider",
    "Even Pages": "Partallssider",
    "Properties": "Egenskaper",
    "Job Options": "Jobbvalg",
    "Print To File ...": "Skriv til fil …",
    "Please choose a different file name.": "Velg et annet filnavn.",
    "Invalid Pages Definition": "Ugyldige sider",
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
        found = BOKMAL.get((context, source_text))
        if found is None and context.startswith(DIALOG_CONTEXTS):
            found = DIALOG_TEXTS.get(source_text)
        return found

    def isEmpty(self) -> bool:
        return False
