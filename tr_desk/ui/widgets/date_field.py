"""A date as the user types it: dd.mm.åååå, taken as typed or refused with a message, never
changed behind his back; the weekday beside it and a calendar to pick from.

Qt's QDateEdit fixes up what it is given section by section (31 typed into a 30-day month
becomes another day without a word); this field does not.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from tr_desk.core.clock import system_clock
from tr_desk.core.formats import WEEKDAYS, date_short, parse_user_date
from tr_desk.ui.widgets import dialogs
from tr_desk.ui.widgets.models import pydate, qdate

REFUSED = "«{text}» er ikke en dato. Skriv datoen som dd.mm.åååå, for eksempel 02.12.2022."


def read_date(text: str) -> dt.date | None:
    """The date typed, or None when the text is not a real date in dd.mm.åååå."""
    try:
        return parse_user_date(text)
    except ValueError:
        return None


class DateField(QWidget):
    """Line edit + weekday + calendar button; ``editingFinished`` after a valid change."""

    editingFinished = Signal()
    dateChanged = Signal(QDate)

    def __init__(self, day: dt.date | QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = system_clock().today()
        self._minimum: dt.date | None = None
        self.refused = False  # a date was refused by the event being handled now
        self.line = QLineEdit()
        self.line.setPlaceholderText("dd.mm.åååå")
        self.line.setMaxLength(10)
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") + 16)
        self.line.setToolTip("Dato som dd.mm.åååå")
        self.line.editingFinished.connect(self._on_typed)
        self.line.installEventFilter(self)  # Enter on a wrong date goes no further
        self.weekday = QLabel()
        self.weekday.setMinimumWidth(self.weekday.fontMetrics().horizontalAdvance("onsdag") + 6)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip("Velg dato i kalenderen")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_picked)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(lambda: self.calendar.setSelectedDate(qdate(self._day)))
        self.calendar_button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.weekday)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.set_day(pydate(day) if isinstance(day, QDate) else (day or self._day))

    # -- the QDateEdit calls the panes use ----------------------------------------------------

    def date(self) -> QDate:
        return qdate(self._day)

    def setDate(self, day: QDate) -> None:
        self.set_day(pydate(day))

    def day(self) -> dt.date:
        return self._day

    def set_day(self, day: dt.date) -> None:
        self._day = day
        self.line.setText(date_short(day))
        self.weekday.setText(WEEKDAYS[day.weekday()])

    def text(self) -> str:
        return self.line.text()

    def setMinimumDate(self, day: QDate) -> None:
        """Earlier dates are refused with a message (not moved up to this one)."""
        self._minimum = pydate(day)
        self.calendar.setMinimumDate(day)

    # -- typing and picking -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a date that is refused is used up here: it dismisses the message and
        never reaches the dialog's default button (which would accept the old date)."""
        if (
            watched is self.line
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            return not self._on_typed()
        return super().eventFilter(watched, event)

    def _forget_refusal(self) -> None:
        self.refused = False

    def _on_typed(self) -> bool:
        """Take the date typed; False (and a message) when it is refused."""
        text = self.line.text().strip()
        if text == date_short(self._day):
            return True
        day = read_date(text)
        if day is None or (self._minimum is not None and day < self._minimum):
            self.line.setText(date_short(self._day))  # as it was: nothing changed
            self.line.selectAll()
            if day is None:
                dialogs.tell(self, REFUSED.format(text=text))
            else:
                assert self._minimum is not None
                dialogs.tell(self, f"Datoen kan ikke være før {date_short(self._minimum)}.")
            self.line.setFocus()
            # The click or key that left the field is still on its way (to «OK», say): it
            # must not act on the old date. Until the event loop is back, the field says so.
            self.refused = True
            QTimer.singleShot(0, self._forget_refusal)
            return False
        self._accept(day)
        return True

    def _on_picked(self, day: QDate) -> None:
        self.calendar_button.menu().hide()
        self._accept(pydate(day))
        self.line.setFocus()

    def _accept(self, day: dt.date) -> None:
        changed = day != self._day
        self.set_day(day)
        if changed:
            self.dateChanged.emit(qdate(day))
        self.editingFinished.emit()
