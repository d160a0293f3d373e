"""The Møte pane's roster table (a letter marks a member) and its dialogs: who stands in or is
also in the room, and when someone came or left between two cases."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from tr_desk.core.model import Attendance, AttendanceStatus
from tr_desk.ui.widgets import dialogs

KEYS = {
    Qt.Key.Key_T: AttendanceStatus.PRESENT,
    Qt.Key.Key_Space: AttendanceStatus.PRESENT,
    Qt.Key.Key_D: AttendanceStatus.DIGITAL,
    Qt.Key.Key_F: AttendanceStatus.ABSENT,
}
HINT = (
    "Klikk på status for å bytte. Taster: T til stede · D digitalt · F forfall · G grunn · "
    "V vara · K kom/gikk · Del fjern"
)
HINT_CASES = "Ctrl+Pil ned/opp: neste/forrige sak · Ctrl+R: til listen over til stede"


class RosterTable(QTableView):
    """The roster; a letter marks the selected member and moves on to the next."""

    key_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,)
        if plain and (
            key in KEYS or key in (Qt.Key.Key_V, Qt.Key.Key_G, Qt.Key.Key_K, Qt.Key.Key_Delete)
        ):
            self.key_pressed.emit(int(key))
            event.accept()
            return
        super().keyPressEvent(event)


class PersonDialog(QDialog):
    """Pick a person from the register (suggested first), or type a guest's name."""

    def __init__(
        self,
        title: str,
        suggested: list[tuple[int, str]],
        everyone: list[tuple[int, str]],
        parent: QWidget | None,
        *,
        role: str = "",
        allow_guest: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Wide enough for the whole title in the title bar («Vara for Ole Magnus Bjørnbang»).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(title) + 160)
        self.person = QComboBox()
        self.person.setEditable(allow_guest)
        seen = set()
        for pid, name in suggested + everyone:
            if pid not in seen:
                seen.add(pid)
                self.person.addItem(name, pid)
        if allow_guest:
            self.person.setCurrentIndex(-1)
            line = self.person.lineEdit()
            assert line is not None
            line.setPlaceholderText("Navn fra registeret, eller en gjest")
            completer = self.person.completer()
            if completer is not None:  # any part of the name, not only its start
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.role = QLineEdit(role)
        self.role.setPlaceholderText("f.eks. sekretariat, innleder, gjest")
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        if allow_guest:
            form.addRow("&Rolle:", self.role)
        form.addRow(dialogs.ok_cancel(self, "OK", self.accept))

    def chosen(self) -> tuple[int | None, str]:
        """(person id, "") for someone in the register, (None, name) for a guest."""
        text = " ".join(self.person.currentText().split())
        index = self.person.findText(text)
        if index >= 0:
            return int(self.person.itemData(index)), ""
        return None, text


class SpanDialog(QDialog):
    """Which cases someone took part in: arrived before one case, left after another."""

    def __init__(self, labels: list[str], line: Attendance, ids: list[int], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle("Kom eller gikk mellom saker")
        self.ids = ids
        self.first = QComboBox()
        self.first.addItem("Fra møtets start", None)
        self.last = QComboBox()
        self.last.addItem("Til møtets slutt", None)
        for label, case_id in zip(labels, ids, strict=True):
            self.first.addItem(f"Kom før {label}", case_id)
            self.last.addItem(f"Gikk etter {label}", case_id)
        self.first.setCurrentIndex(max(0, self.first.findData(line.from_case)))
        self.last.setCurrentIndex(max(0, self.last.findData(line.to_case)))
        form = QFormLayout(self)
        form.addRow("&Fra:", self.first)
        form.addRow("&Til:", self.last)
        form.addRow(dialogs.ok_cancel(self, "OK", self._on_ok))

    def _on_ok(self) -> None:
        first, last = self.first.currentData(), self.last.currentData()
        if first is not None and last is not None and self.ids.index(first) > self.ids.index(last):
            dialogs.tell(self, "Personen kan ikke gå før hun eller han kom.")
            return
        self.accept()

    def chosen(self) -> tuple[int | None, int | None]:
        return self.first.currentData(), self.last.currentData()


class SavedLine(QLabel):
    """«Alt er lagret (14:26:23)», with room for it from the start: the first save moves
    nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("Alt er lagret (00:00:00)") + 8)

    def show_saved(self, now: dt.datetime) -> None:
        self.setText(f"Alt er lagret ({now:%H:%M:%S})")
