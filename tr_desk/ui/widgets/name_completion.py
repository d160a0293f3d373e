"""Completion of people's names from the register in every field that names a person.

Typing any part of a name or of a spelling variant («H. Kringstad») proposes the person; a
variant picked puts the register's spelling in the field, so a name is written one way.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from tr_desk.core.model import Person

TYPED_ROLE = Qt.ItemDataRole.UserRole + 1  # what the typing is matched against
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # what goes into the field


def completion_entries(people: Sequence[Person]) -> list[tuple[str, str, str]]:
    """(shown, matched, name) for every name and spelling variant, in alphabetical order."""
    entries = []
    for person in people:
        entries.append((person.name, person.name, person.name))
        for alias in person.aliases:
            if alias and alias != person.name:
                entries.append((f"{alias} → {person.name}", alias, person.name))
    return sorted(entries, key=lambda e: e[1].casefold())


class NameCompleter(QCompleter):
    """A completer over the register for one line edit; ``set_people`` when it changes."""

    def __init__(self, field: QLineEdit) -> None:
        self._model = QStandardItemModel()
        super().__init__(self._model, field)
        self._field = field
        self._people: tuple[Person, ...] = ()
        self.setCompletionRole(TYPED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(10)
        field.setCompleter(self)
        self.activated[QModelIndex].connect(self._on_chosen)  # type: ignore[index]

    def set_people(self, people: Sequence[Person]) -> None:
        if tuple(people) == self._people:
            return
        self._people = tuple(people)
        self._model.clear()
        for shown, typed, name in completion_entries(people):
            item = QStandardItem(shown)
            item.setData(typed, TYPED_ROLE)
            item.setData(name, NAME_ROLE)
            self._model.appendRow(item)

    def _on_chosen(self, index: QModelIndex) -> None:
        name = index.data(NAME_ROLE)
        if name:
            # After QCompleter has put the variant in: the register's spelling, and saved.
            QTimer.singleShot(0, lambda: self._put(str(name)))

    def _put(self, name: str) -> None:
        if self._field.text() != name:
            self._field.setText(name)
            self._field.textEdited.emit(name)
        self._field.editingFinished.emit()


def complete_names(field: QLineEdit, people: Sequence[Person]) -> NameCompleter:
    """Attach (or refresh) the register's names to ``field``."""
    completer = field.completer()
    if not isinstance(completer, NameCompleter):
        completer = NameCompleter(field)
    completer.set_people(people)
    return completer
