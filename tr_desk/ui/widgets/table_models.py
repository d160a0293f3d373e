"""Table models: a record a row, described by its columns; editable ones are edited through
``edit_requested``.

The models never write: an edit in a view becomes ``edit_requested(old, new)``, which the
page turns into an undo command; the model is refilled from the store afterwards. The
register's tables, the Møte pane's roll and case list, and the plan's list are all one model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from tr_desk.core.formats import parse_time, parse_user_date
from tr_desk.core.model import Body, BodyRole, Membership, MinutesKind, Role
from tr_desk.core.organisation import ROLE_NAMES
from tr_desk.ui.widgets.models import (
    DISPLAY_ROLE,
    EDIT_ROLE,
    FONT_ROLE,
    FOREGROUND_ROLE,
    MINUTES_LABELS,
    ROLE_LABELS,
    TOOLTIP_ROLE,
    WEEKDAY_LABELS,
    Index,
)

R = TypeVar("R")
ANSWERED_ROLES = frozenset((DISPLAY_ROLE, TOOLTIP_ROLE, EDIT_ROLE, FOREGROUND_ROLE, FONT_ROLE))


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a record table: how to show a record, and how an edit makes a new one."""

    header: str
    show: Callable[[R], str]
    edit_value: Callable[[R], Any] | None = None  # what the editor starts from
    apply: Callable[[R, Any], R] | None = None  # the edited record; ValueError with a message
    tip: Callable[[R], str] | None = None  # the tooltip; default: the text shown
    colour: Callable[[R], str | None] | None = None  # the text's colour, "#rrggbb"
    bold: Callable[[R], bool] | None = None
    struck: Callable[[R], bool] | None = None  # struck out (a cancelled meeting)


def _look(column: Column[Any], record: Any) -> tuple[object, ...]:
    """What a cell shows: text, colour, weight, strike-out."""
    return (
        column.show(record),
        column.colour(record) if column.colour else None,
        column.bold(record) if column.bold else None,
        column.struck(record) if column.struck else None,
    )


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A table of records (dataclasses), one row each, edited through ``edit_requested``."""

    edit_requested = Signal(object, object)  # old record, new record
    invalid = Signal(str)  # a Norwegian message for the user

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []
        self._headers: dict[int, str] = {}
        self._flags: dict[tuple[bool, int], Any] = {}
        self.editable = True

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def update_records(self, records: Sequence[R]) -> None:
        """As ``set_records``, but a table of the same length keeps its selection and only the
        cells whose text or look changed are repainted, one signal each (a range makes a view
        repaint all of itself): one key in the roll repaints a few cells, not every row."""
        records = list(records)
        if len(records) != len(self._records):
            self.set_records(records)
            return
        old, self._records = self._records, records
        for row, (before, after) in enumerate(zip(old, records, strict=True)):
            if before == after:
                continue
            for col, column in enumerate(self.columns):
                if _look(column, before) != _look(column, after):
                    cell = self.index(row, col)
                    self.dataChanged.emit(cell, cell)

    def set_header(self, section: int, text: str) -> None:
        """A heading that follows the content (the Møte pane's «Vedtaksfør» / «Svar»)."""
        if self._headers.get(section) != text:
            self._headers[section] = text
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    def rows(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY_ROLE) -> Any:
        if (
            role == DISPLAY_ROLE
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self._headers.get(section, self.columns[section].header)
        return None

    def flags(self, index: Index) -> Any:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        key = (self.editable, index.column())
        flags = self._flags.get(key)
        if flags is None:  # asked for every cell at every repaint: worked out once
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if self.editable and self.columns[index.column()].apply is not None:
                flags |= Qt.ItemFlag.ItemIsEditable
            self._flags[key] = flags
        return flags

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        # A view asks for a dozen roles per cell and repaint; those we never answer go first.
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._records):
            return None
        record = self._records[row]
        column = self.columns[index.column()]
        if role == DISPLAY_ROLE:
            return column.show(record)
        if role == TOOLTIP_ROLE:
            return column.tip(record) if column.tip else column.show(record)
        if role == EDIT_ROLE:
            return column.edit_value(record) if column.edit_value else column.show(record)
        if role == FOREGROUND_ROLE:
            colour = column.colour(record) if column.colour is not None else None
            return QColor(colour) if colour else None
        if column.bold or column.struck:  # FONT_ROLE
            font = QFont()
            font.setBold(bool(column.bold and column.bold(record)))
            font.setStrikeOut(bool(column.struck and column.struck(record)))
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT_ROLE) -> bool:
        column = self.columns[index.column()] if index.isValid() else None
        if column is None or column.apply is None or role != EDIT_ROLE:
            return False
        old = self._records[index.row()]
        try:
            new = column.apply(old, value)
        except ValueError as exc:
            self.invalid.emit(str(exc))
            return False
        if new == old:
            return False
        self.edit_requested.emit(old, new)
        return True


def _time_text(value: Any) -> str:
    return value.strftime("%H:%M") if value else ""


def _set_time(attr: str) -> Callable[[Body, Any], Body]:
    def apply(body: Body, text: Any) -> Body:
        text = str(text).strip()
        try:
            value = parse_time(text) if text else None
            return replace(body, start=value) if attr == "start" else replace(body, end=value)
        except ValueError:
            raise ValueError(f"«{text}» er ikke et klokkeslett. Skriv f.eks. 08:30.") from None

    return apply


def set_body_prefix(body: Body, text: Any) -> Body:
    prefix = str(text).strip().upper()
    if not prefix.isalpha() or not 2 <= len(prefix) <= 4:
        raise ValueError("Prefikset må være 2–4 bokstaver, f.eks. KF.")
    return replace(body, prefix=prefix)


def set_body_name(body: Body, text: Any) -> Body:
    if not str(text).strip():
        raise ValueError("Organet må ha et navn.")
    return replace(body, name=str(text).strip())


class BodyTableModel(RecordTableModel[Body]):
    columns = (
        Column("Prefiks", lambda b: b.prefix, apply=set_body_prefix),
        Column("Navn", lambda b: b.name, apply=set_body_name),
        Column(
            "Dokument",
            lambda b: MINUTES_LABELS[b.minutes_kind],
            edit_value=lambda b: b.minutes_kind.value,
            apply=lambda b, v: replace(b, minutes_kind=MinutesKind(v)),
        ),
        Column(
            "Møtedag",
            lambda b: WEEKDAY_LABELS[b.weekday] if b.weekday is not None else "",
            edit_value=lambda b: b.weekday,
            apply=lambda b, v: replace(b, weekday=None if v is None else int(v)),
        ),
        Column("Fra", lambda b: _time_text(b.start), apply=_set_time("start")),
        Column("Til", lambda b: _time_text(b.end), apply=_set_time("end")),
        Column(
            "Fast møtested",
            lambda b: b.place,
            apply=lambda b, v: replace(b, place=str(v).strip()),
        ),
        Column(
            "Folkevalgt",
            lambda b: "Ja" if b.elected else "Nei",
            edit_value=lambda b: int(b.elected),
            apply=lambda b, v: replace(b, elected=bool(int(v))),
        ),
        Column(
            "Rolle",
            lambda b: ROLE_NAMES[b.role],
            edit_value=lambda b: b.role.value,
            apply=lambda b, v: replace(b, role=BodyRole(v)),
        ),
    )


@dataclass(frozen=True)
class MembershipRow:
    """A membership with the name it is shown under."""

    membership: Membership
    person_name: str


def _with(row: MembershipRow, **changes: Any) -> MembershipRow:
    return replace(row, membership=replace(row.membership, **changes))


def _date_text(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _set_start(row: MembershipRow, text: Any) -> MembershipRow:
    day = parse_user_date(str(text))
    if day is None:
        raise ValueError("Et medlemskap må ha en startdato.")
    if row.membership.end is not None and day > row.membership.end:
        raise ValueError("Et medlemskap kan ikke begynne etter at det slutter.")
    return _with(row, start=day)


def _set_end(row: MembershipRow, text: Any) -> MembershipRow:
    day = parse_user_date(str(text))
    if day is not None and day < row.membership.start:
        raise ValueError("Et medlemskap kan ikke slutte før det begynner.")
    return _with(row, end=day)


def _set_rank(row: MembershipRow, text: Any) -> MembershipRow:
    value = str(text).strip().rstrip(".")
    if not value:
        return _with(row, rank=None)
    if not value.isdecimal() or not 1 <= int(value) <= 99:
        raise ValueError("Vara-nummeret er et tall fra 1 til 99.")
    if row.membership.role is not Role.SUBSTITUTE:
        raise ValueError("Bare varamedlemmer har et vara-nummer.")
    return _with(row, rank=int(value))


class MembershipTableModel(RecordTableModel[MembershipRow]):
    columns = (
        Column("Person", lambda r: r.person_name),
        Column(
            "Rolle",
            lambda r: ROLE_LABELS[r.membership.role],
            edit_value=lambda r: r.membership.role.value,
            apply=lambda r, v: _with(r, role=Role(v)),
        ),
        Column("Fra", lambda r: _date_text(r.membership.start), apply=_set_start),
        Column("Til", lambda r: _date_text(r.membership.end), apply=_set_end),
        Column(
            "Parti/liste",
            lambda r: r.membership.party,
            apply=lambda r, v: _with(r, party=" ".join(str(v).split())),
            tip=lambda r: (
                "Partiet eller lista medlemmet er valgt fra (Ap, H, Sp …); tomt for forumene."
            ),
        ),
        Column(
            "Vara-nr.",
            lambda r: str(r.membership.rank) if r.membership.rank else "",
            apply=_set_rank,
            tip=lambda r: (
                "Varamedlemmets plass i listas rekkefølge (1, 2, …): vara kalles inn "
                "i denne rekkefølgen (kommuneloven § 7-10)."
            ),
        ),
    )
