"""The «Møte:» chooser that the Sakliste, Møte and Protokoll panes share.

A button showing the open meeting; it opens a list grouped as the user thinks of them: the
upcoming meetings first, then each body by year, newest first. Typing filters the list (by
body, prefix, date, weekday or status), Enter or a click opens the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from tr_desk.core.formats import WEEKDAYS, date_short
from tr_desk.core.model import Body, Meeting, MeetingStatus
from tr_desk.storage.store import Store

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


@dataclass(frozen=True)
class Group:
    title: str
    entries: tuple[tuple[int, str, str], ...]  # meeting id, label, text to search in


def meeting_label(meeting: Meeting, body: Body) -> str:
    """«Kommunedirektørforum 02.12.2022 (innkalt)»: the chooser's text for a meeting."""
    return f"{body.name} {date_short(meeting.date)} ({STATUS_LABELS[meeting.status].lower()})"


def meeting_groups(
    meetings: Sequence[Meeting], bodies: Mapping[int, Body], today: dt.date
) -> list[Group]:
    """The upcoming meetings (not cancelled, from today on) in date order, then one group per
    body and year, the newest year first and the newest meeting first within it."""

    def entry(m: Meeting, with_body: bool) -> tuple[int, str, str]:
        body = bodies[m.body_id]
        status = STATUS_LABELS[m.status].lower()
        day = f"{WEEKDAYS[m.date.weekday()]} {date_short(m.date)}"
        label = f"{body.prefix}  {day} ({status})" if with_body else f"{day} ({status})"
        assert m.id is not None
        return m.id, label, f"{body.name} {body.prefix} {day} {status}"

    ahead = sorted(
        (m for m in meetings if m.date >= today and m.status is not MeetingStatus.CANCELLED),
        key=lambda m: (m.date, m.body_id),
    )
    groups = [Group(UPCOMING_TITLE, tuple(entry(m, True) for m in ahead))] if ahead else []
    for body_id, body in bodies.items():
        mine = sorted((m for m in meetings if m.body_id == body_id), key=lambda m: m.date)
        for year in sorted({m.date.year for m in mine}, reverse=True):
            of_year = [m for m in reversed(mine) if m.date.year == year]
            groups.append(Group(f"{body.name} {year}", tuple(entry(m, False) for m in of_year)))
    return groups


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

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        text = self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE)
        if not text:
            return not self.words  # a group: shown by its matching meetings
        searched = str(text).casefold()
        return all(word in searched for word in self.words)


class MeetingPicker(QPushButton):
    """The chooser: a button with the open meeting; its list filters as the user types."""

    def __init__(self, chosen: Callable[[int], None]) -> None:
        super().__init__()
        self._chosen = chosen
        self._labels: dict[int, str] = {}
        self._current: int | None = None
        self.setToolTip("Velg møte: skriv for å søke på organ, dato eller status")
        self.setMinimumWidth(360)
        self.setStyleSheet("text-align: left; padding: 3px 8px;")
        self.clicked.connect(self.open_popup)
        self.model = QStandardItemModel(self)
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
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

    def set_meetings(self, groups: Sequence[Group], labels: Mapping[int, str]) -> None:
        self.model.clear()
        self._labels = dict(labels)
        for group in groups:
            head = QStandardItem(group.title)
            head.setSelectable(False)
            head.setEditable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            for meeting_id, label, search in group.entries:
                item = QStandardItem(label)
                item.setEditable(False)
                item.setData(meeting_id, ID_ROLE)
                item.setData(search, SEARCH_ROLE)
                item.setToolTip(labels.get(meeting_id, label))
                head.appendRow(item)
            self.model.appendRow(head)

    def set_current(self, meeting_id: int | None) -> None:
        self._current = meeting_id
        text = self._labels.get(meeting_id, "") if meeting_id is not None else ""
        self.setText(f"{text or 'Ingen møter ennå'}  ▾")

    def current_id(self) -> int | None:
        return self._current

    def currentText(self) -> str:
        return self._labels.get(self._current, "") if self._current is not None else ""

    def meeting_ids(self) -> list[int]:
        return list(self._labels)

    # -- the list -----------------------------------------------------------------------------

    def open_popup(self) -> None:
        """Show the list under the button: the current meeting's group open, the filter empty."""
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


def meeting_combo(chosen: Callable[[int], None]) -> MeetingPicker:
    """The «Møte:» chooser; ``chosen`` gets the meeting id the user picked."""
    return MeetingPicker(chosen)


def default_meeting(newest_first: list[Meeting], today: dt.date) -> int:
    """Which meeting to prepare: the next one being prepared, else the newest."""
    upcoming = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_ISSUED)
    best = 0
    for i, meeting in enumerate(newest_first):
        if meeting.date >= today and meeting.status in upcoming:
            best = i
    return best


def current_meeting(newest_first: list[Meeting], today: dt.date) -> int:
    """Which meeting to run or write up: the latest one called or held up to today."""
    for i, meeting in enumerate(newest_first):
        if meeting.date <= today and meeting.status is not MeetingStatus.CANCELLED:
            return i
    return default_meeting(newest_first, today)


def fill_meetings(
    picker: MeetingPicker,
    store: Store,
    keep: int | None,
    choose: Callable[[list[Meeting], dt.date], int] = default_meeting,
    statuses: Sequence[MeetingStatus] | None = None,
) -> int | None:
    """Fill ``picker`` with the meetings; returns the id chosen (``keep`` if it is there, else
    ``choose``'s pick among them, newest first), or None when there are none."""
    bodies = {b.id: b for b in store.register.bodies() if b.id is not None}
    headers = [
        m for m in reversed(store.meetings.headers()) if statuses is None or m.status in statuses
    ]
    today = store.clock.today()
    labels = {m.id: meeting_label(m, bodies[m.body_id]) for m in headers if m.id is not None}
    picker.set_meetings(meeting_groups(headers, bodies, today), labels)
    if keep is not None and keep in labels:
        chosen: int | None = keep
    elif headers:
        chosen = headers[choose(headers, today)].id
    else:
        chosen = None
    picker.set_current(chosen)
    return chosen
