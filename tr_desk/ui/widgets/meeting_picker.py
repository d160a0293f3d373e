"""The «Møte:» chooser that the Sakliste, Møte and Protokoll panes share.

A button showing the open meeting; it opens a list grouped as the user thinks of them: the
upcoming meetings first, then each body by year, newest first. Typing filters the list (by
body, prefix, date, weekday or status), Enter or a click opens the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from tr_desk.app.database import Store
from tr_desk.core.formats import WEEKDAYS, date_short
from tr_desk.core.model import Body
from tr_desk.core.status import MeetingStatus
from tr_desk.ui.widgets.models import Index

STATUS_LABELS = {
    MeetingStatus.PLANNED: "Utkast",
    MeetingStatus.NOTICE_ISSUED: "Innkalt",
    MeetingStatus.HELD: "Avholdt",
    MeetingStatus.APPROVED: "Godkjent",
    MeetingStatus.CANCELLED: "Avlyst",
}
UPCOMING_TITLE = "Kommende møter"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class Dated(Protocol):
    """A meeting as the chooser needs it: a light header row (``storage.glance``)."""

    @property
    def id(self) -> int | None: ...
    @property
    def body_id(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def status(self) -> MeetingStatus: ...


def meeting_label(meeting: Dated, body: Body) -> str:
    """«Kommunedirektørforum 02.12.2022 (innkalt)»: the chooser's text for a meeting."""
    return f"{body.name} {date_short(meeting.date)} ({STATUS_LABELS[meeting.status].lower()})"


@dataclass
class Group:
    """A heading of the chooser and its meetings; a meeting's line is made when first shown."""

    title: str
    meetings: Sequence[Dated]
    bodies: Mapping[int, Body]
    with_body: bool  # the upcoming meetings: of every body
    _made: dict[int, tuple[int, str, str]] = field(default_factory=dict, repr=False)

    def entry(self, row: int) -> tuple[int, str, str]:
        """(meeting id, the line shown, the text a filter searches in)."""
        made = self._made.get(row)
        if made is None:
            m = self.meetings[row]
            body = self.bodies[m.body_id]
            status = STATUS_LABELS[m.status].lower()
            day = f"{WEEKDAYS[m.date.weekday()]} {date_short(m.date)}"
            label = f"{body.prefix}  {day} ({status})" if self.with_body else f"{day} ({status})"
            assert m.id is not None
            made = self._made[row] = (m.id, label, f"{body.name} {body.prefix} {day} {status}")
        return made

    @property
    def entries(self) -> tuple[tuple[int, str, str], ...]:
        return tuple(self.entry(row) for row in range(len(self.meetings)))


def meeting_groups(
    meetings: Sequence[Dated], bodies: Mapping[int, Body], today: dt.date
) -> list[Group]:
    """The upcoming meetings (not cancelled, from today on) in date order, then one group per
    body and year, the newest year first and the newest meeting first within it."""
    ahead = sorted(
        (m for m in meetings if m.date >= today and m.status is not MeetingStatus.CANCELLED),
        key=lambda m: (m.date, m.body_id),
    )
    groups = [Group(UPCOMING_TITLE, ahead, bodies, True)] if ahead else []
    years: dict[int, dict[int, list[Dated]]] = defaultdict(lambda: defaultdict(list))
    for m in sorted(meetings, key=lambda m: m.date, reverse=True):
        years[m.body_id][m.date.year].append(m)
    for body_id, body in bodies.items():
        for year, of_year in sorted(years[body_id].items(), reverse=True):
            groups.append(Group(f"{body.name} {year}", of_year, bodies, False))
    return groups


class MeetingTreeModel(QAbstractItemModel):
    """Every meeting as the choosers list them (groups, then meetings), one model for the
    panes of a window. Built from light header rows, read again only when they changed; the
    rows' text is made when the view asks for it."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.groups: list[Group] = []
        self.newest_first: list[Any] = []  # ``storage.glance.MeetingDate``
        self.by_id: dict[int, Any] = {}
        self.bodies: dict[int, Body] = {}
        self._key: object = None
        self._primed: list[Any] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    @classmethod
    def shared(cls, store: Store, owner: QObject | None) -> MeetingTreeModel:
        """The model of ``owner`` (the window's undo stack: every pane has it), made once."""
        if owner is not None:
            for child in owner.children():
                if isinstance(child, cls) and child.store is store:
                    return child
        return cls(store, owner)

    def prime(self, headers: list[Any] | None) -> None:
        """The meetings' headers just read by someone else: the next reload takes them."""
        self._primed = headers

    def reload(self) -> None:
        """Read the meetings' headers; the views are told only if anything changed."""
        from tr_desk.app.database import meeting_dates

        headers, self._primed = self._primed, None
        if headers is None:
            headers = meeting_dates(self.store)
        rows = sorted(headers, key=lambda m: (m.date, m.id), reverse=True)
        bodies = {b.id: b for b in self.store.register.bodies() if b.id is not None}
        today = self.store.clock.today()
        key = (rows, [(b.id, b.name, b.prefix) for b in bodies.values()], today)
        if key == self._key:
            return
        self.beginResetModel()
        self._key = key
        self.newest_first, self.bodies = rows, bodies
        self.by_id = {m.id: m for m in rows}
        self.groups = meeting_groups(rows, bodies, today)
        self.endResetModel()

    def label(self, meeting_id: int | None) -> str:
        """«Kommunedirektørforum 02.12.2022 (innkalt)», or "" for a meeting not listed."""
        meeting = self.by_id.get(meeting_id) if meeting_id is not None else None
        return meeting_label(meeting, self.bodies[meeting.body_id]) if meeting else ""

    # -- QAbstractItemModel: a group's internal id is 0, a meeting's its group's row + 1 ------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self.groups[parent.row()].meetings):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> Any:  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].meetings)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group.title
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        meeting_id, label, search = self.groups[index.internalId() - 1].entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == ID_ROLE:
            return meeting_id
        if role == SEARCH_ROLE:
            return search
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.label(meeting_id) or label
        return None


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        self.words = text.casefold().split()
        self.setFilterFixedString(text)  # filters again (through filterAcceptsRow below)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.words:
            return True
        text = self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE)
        if not text:
            return False  # a group: shown by its matching meetings
        searched = str(text).casefold()
        return all(word in searched for word in self.words)


class MeetingPicker(QPushButton):
    """The chooser: a button with the open meeting; its list filters as the user types."""

    def __init__(self, chosen: Callable[[int], None], model: MeetingTreeModel) -> None:
        super().__init__()
        self.setProperty("menu_skip", True)  # a chooser, not an act: not in Handlinger
        self._chosen = chosen
        self._current: int | None = None
        self.setToolTip("Velg møte: skriv for å søke på organ, dato eller status")
        self.setMinimumWidth(360)
        self.setStyleSheet("text-align: left; padding: 3px 8px;")
        self.clicked.connect(self.open_popup)
        self.model = model
        self.proxy = _Filter()  # over the model from the first time the list opens
        # The list is made the first time it opens (most panes open on a meeting).
        self.popup: QFrame
        self.filter_field: QLineEdit
        self.tree: QTreeView
        self._built = False

    def _build_popup(self) -> None:
        self._built = True
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter_field = QLineEdit()
        self.filter_field.setPlaceholderText("Søk: organ, dato, status …")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.textChanged.connect(self._on_filter)
        self.filter_field.returnPressed.connect(self._choose_first)
        self.filter_field.installEventFilter(self)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.tree)

    # -- content ------------------------------------------------------------------------------

    def set_current(self, meeting_id: int | None) -> None:
        self._current = meeting_id
        text = self.model.label(meeting_id)
        self.setText(f"{text or 'Ingen møter ennå'}  ▾")

    def current_id(self) -> int | None:
        return self._current

    def currentText(self) -> str:
        return self.model.label(self._current)

    def meeting_ids(self) -> list[int]:
        return list(self.model.by_id)

    # -- the list -----------------------------------------------------------------------------

    def open_popup(self) -> None:
        """Show the list under the button: the current meeting's group open, the filter empty."""
        if not self._built:
            self._build_popup()
        if self.proxy.sourceModel() is None:
            self.proxy.setSourceModel(self.model)
        self.filter_field.clear()
        self._expand_default()
        width = max(self.width(), 420)
        self.popup.resize(width, 420)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.filter_field.setFocus()

    def _expand_default(self) -> None:
        self.tree.collapseAll()
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            ids = [
                self.proxy.index(r, 0, group).data(ID_ROLE)
                for r in range(self.proxy.rowCount(group))
            ]
            if row == 0 or self._current in ids:
                self.tree.expand(group)
                if self._current in ids:
                    child = self.proxy.index(ids.index(self._current), 0, group)
                    self.tree.setCurrentIndex(child)
                    self.tree.scrollTo(child)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_words(text)
        if text.strip():
            self.tree.expandAll()
            first = self._first_meeting()
            if first is not None:
                self.tree.setCurrentIndex(first)
        else:
            self._expand_default()

    def _first_meeting(self) -> QModelIndex | None:
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            if self.proxy.rowCount(group):
                return self.proxy.index(0, 0, group)
        return None

    def _choose_first(self) -> None:
        current = self.tree.currentIndex()
        target = current if current.isValid() and current.data(ID_ROLE) else self._first_meeting()
        if target is not None:
            self._on_activated(target)

    def _on_activated(self, index: QModelIndex) -> None:
        meeting_id = index.data(ID_ROLE)
        if meeting_id is None:  # a group: open or close it
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        self.popup.hide()
        self.choose(int(meeting_id))

    def choose(self, meeting_id: int) -> None:
        """Open ``meeting_id`` as if the user had picked it."""
        self.set_current(meeting_id)
        self._chosen(meeting_id)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Up and down in the filter field move in the list, as in any search box."""
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.tree.setFocus()
                self.tree.keyPressEvent(event)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        return False


def meeting_combo(
    chosen: Callable[[int], None], store: Store, owner: QObject | None
) -> MeetingPicker:
    """The «Møte:» chooser; ``chosen`` gets the meeting id the user picked. The choosers of
    the panes sharing ``owner`` (the undo stack) share their list."""
    return MeetingPicker(chosen, MeetingTreeModel.shared(store, owner))


def default_meeting(newest_first: Sequence[Dated], today: dt.date) -> int:
    """Which meeting to prepare: the next one being prepared, else the newest."""
    upcoming = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED)
    best = 0
    for i, meeting in enumerate(newest_first):
        if meeting.date >= today and meeting.status in upcoming:
            best = i
    return best


def current_meeting(newest_first: Sequence[Dated], today: dt.date) -> int:
    """Which meeting to run or write up: the latest one called or held up to today."""
    for i, meeting in enumerate(newest_first):
        if meeting.date <= today and meeting.status is not MeetingStatus.CANCELLED:
            return i
    return default_meeting(newest_first, today)


def fill_meetings(
    picker: MeetingPicker,
    store: Store,
    keep: int | None,
    choose: Callable[[Sequence[Dated], dt.date], int] = default_meeting,
) -> int | None:
    """Bring ``picker``'s list up to date; returns the id chosen (``keep`` if it is there,
    else ``choose``'s pick among them, newest first), or None when there are none."""
    model = picker.model
    model.reload()
    if keep is not None and keep in model.by_id:
        chosen: int | None = keep
    elif model.newest_first:
        chosen = model.newest_first[choose(model.newest_first, store.clock.today())].id
    else:
        chosen = None
    picker.set_current(chosen)
    return chosen
