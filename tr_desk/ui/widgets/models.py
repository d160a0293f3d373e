"""The person list model, and the roles and labels all item models share.

Roles are compared as plain ints (Qt passes them so): importing PySide6's ``Qt`` namespace
builds ~100 Python enums (~40 ms), which the first paint does not need to wait for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
)

from tr_desk.core.formats import WEEKDAYS
from tr_desk.core.model import MinutesKind, Person, Role

Index = QModelIndex | QPersistentModelIndex

# Qt::ItemDataRole values (stable in Qt's ABI).
DISPLAY_ROLE, EDIT_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE, USER_ROLE = 0, 2, 3, 6, 9, 256

ROLE_LABELS = {
    Role.LEADER: "Leder",
    Role.MEMBER: "Medlem",
    Role.SUBSTITUTE: "Varamedlem",
    Role.COPY: "Kopi",
}
MINUTES_LABELS = {MinutesKind.REFERAT: "Referat", MinutesKind.PROTOKOLL: "Protokoll"}
WEEKDAY_LABELS = [day.capitalize() for day in WEEKDAYS]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PersonListModel(QAbstractListModel):
    """The person register, one name a row, narrowed by the search field."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Person] = []
        self._people: list[Person] = []  # those the search lets through
        self._words: list[str] = []

    def set_people(self, people: Sequence[Person]) -> None:
        self._all = list(people)
        self._apply()

    def set_filter(self, text: str) -> None:
        """Keep those whose name, aliases, title or municipality hold every typed word."""
        self._words = text.casefold().split()
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._people = [p for p in self._all if self._matches(p)]
        self.endResetModel()

    def _matches(self, person: Person) -> bool:
        haystack = " ".join([person.name, *person.aliases, person.title, person.municipality])
        return all(word in haystack.casefold() for word in self._words)

    def is_known(self, person_id: int | None) -> bool:
        return any(p.id == person_id for p in self._all)

    def person(self, row: int) -> Person:
        return self._people[row]

    def row_of(self, person_id: int | None) -> int:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == DISPLAY_ROLE:
            return person.name
        if role == TOOLTIP_ROLE:
            return ", ".join(x for x in (person.title, person.municipality) if x) or None
        return None
