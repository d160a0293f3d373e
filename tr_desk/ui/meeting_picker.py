"""The «Møte:» chooser that the Sakliste, Møte and Protokoll panes share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox

from tr_desk.core.formats import date_short
from tr_desk.core.model import Meeting, MeetingStatus
from tr_desk.storage.store import Store

STATUS_LABELS = {
    MeetingStatus.PLANNED: "Utkast",
    MeetingStatus.NOTICE_ISSUED: "Innkalt",
    MeetingStatus.HELD: "Avholdt",
    MeetingStatus.APPROVED: "Godkjent",
    MeetingStatus.CANCELLED: "Avlyst",
}


def meeting_combo(chosen: Callable[[int], None]) -> QComboBox:
    """The «Møte:» chooser; ``chosen`` gets the meeting id the user picked."""
    combo = QComboBox()
    combo.setMinimumWidth(360)
    # Wide enough for «KF 02.12.2022 Kommunedirektørforum …», never wider: a long entry must
    # not push the pane past a laptop's screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(36)
    combo.activated.connect(lambda index: chosen(int(combo.itemData(index))))
    return combo


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
    combo: QComboBox,
    store: Store,
    keep: int | None,
    choose: Callable[[list[Meeting], dt.date], int] = default_meeting,
    statuses: Sequence[MeetingStatus] | None = None,
) -> int | None:
    """Fill ``combo`` with the meetings, newest first; returns the id chosen (``keep`` if
    it is there, else ``choose``'s pick), or None when there are none."""
    bodies = {b.id: b for b in store.register.bodies()}
    blocked = combo.blockSignals(True)
    combo.clear()
    headers = [
        m for m in reversed(store.meetings.headers()) if statuses is None or m.status in statuses
    ]
    for meeting in headers:
        body = bodies[meeting.body_id]
        status = STATUS_LABELS[meeting.status].lower()
        combo.addItem(f"{body.name} {date_short(meeting.date)} ({status})", meeting.id)
    index = combo.findData(keep) if keep is not None else -1
    if index < 0 and headers:
        index = choose(headers, dt.date.today())
    combo.setCurrentIndex(index)
    combo.blockSignals(blocked)
    return int(combo.itemData(index)) if index >= 0 else None
