"""A year at a glance: twelve months, every body's meetings as coloured days; a meeting is
dragged to another day to move it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from tr_desk.core.clock import system_clock
from tr_desk.core.formats import month_name

DAY_LETTERS = ("ma", "ti", "on", "to", "fr", "lø", "sø")
COLUMNS, ROWS = 4, 3
HOLIDAY_COLOUR = QColor("#c62828")
MUTED = QColor("#8a8a8a")


@dataclass(frozen=True)
class Mark:
    """One meeting in the view."""

    meeting_id: int
    day: dt.date
    colour: str
    label: str  # for the tooltip: «Regionrådet kl 0900-1400»
    cancelled: bool = False


class YearView(QWidget):
    meeting_selected = Signal(int)
    meeting_activated = Signal(int)  # double click
    meeting_dropped = Signal(int, object)  # meeting id, the new date
    day_activated = Signal(object)  # double click on a day without a meeting

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = system_clock().today().year  # the plan pane sets its year
        self.marks: list[Mark] = []
        self.holidays: dict[dt.date, str] = {}
        self.selected: int | None = None
        self._press: tuple[QPoint, int] | None = None
        self._drop_day: dt.date | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(620, 430)

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def set_year(
        self, year: int, marks: list[Mark], holidays: dict[dt.date, str], selected: int | None
    ) -> None:
        self.year, self.marks, self.holidays, self.selected = year, marks, holidays, selected
        self.update()

    def select(self, meeting_id: int | None) -> None:
        self.selected = meeting_id
        self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _month_rect(self, month: int) -> QRectF:
        width, height = self.width() / COLUMNS, self.height() / ROWS
        column, row = (month - 1) % COLUMNS, (month - 1) // COLUMNS
        return QRectF(column * width, row * height, width, height).adjusted(6, 4, -6, -4)

    def _cell(self, month_rect: QRectF) -> tuple[float, float, float]:
        """Cell width and height, and the top of the first week row, in a month's box."""
        cell_w = month_rect.width() / 8  # a column for the week number
        cell_h = (month_rect.height() - 2 * self.fontMetrics().height() - 4) / 6
        top = month_rect.top() + 2 * self.fontMetrics().height() + 4
        return cell_w, cell_h, top

    def _day_rect(self, day: dt.date) -> QRectF:
        box = self._month_rect(day.month)
        cell_w, cell_h, top = self._cell(box)
        first = dt.date(day.year, day.month, 1)
        row = (first.weekday() + day.day - 1) // 7
        return QRectF(box.left() + cell_w * (1 + day.weekday()), top + cell_h * row, cell_w, cell_h)

    def day_at(self, point: QPoint) -> dt.date | None:
        for month in range(1, 13):
            box = self._month_rect(month)
            if not box.contains(point):
                continue
            cell_w, cell_h, top = self._cell(box)
            column = int((point.x() - box.left()) // cell_w) - 1
            row = int((point.y() - top) // cell_h) if point.y() >= top else -1
            if not (0 <= column < 7 and 0 <= row < 6):
                return None
            first = dt.date(self.year, month, 1)
            number = row * 7 + column - first.weekday() + 1
            try:
                return dt.date(self.year, month, number) if number >= 1 else None
            except ValueError:
                return None
        return None

    def _marks_on(self, day: dt.date) -> list[Mark]:
        return [m for m in self.marks if m.day == day]

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
        line_h = self.fontMetrics().height()
        by_day: dict[dt.date, list[Mark]] = {}
        for mark in self.marks:
            by_day.setdefault(mark.day, []).append(mark)
        for month in range(1, 13):
            box = self._month_rect(month)
            cell_w, cell_h, _top = self._cell(box)
            painter.setFont(bold)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(box.left(), box.top(), box.width(), line_h),
                Qt.AlignmentFlag.AlignLeft, month_name(month).capitalize(),
            )  # fmt: skip
            painter.setFont(small)
            painter.setPen(MUTED)
            for i, letter in enumerate(DAY_LETTERS):
                painter.drawText(
                    QRectF(box.left() + cell_w * (i + 1), box.top() + line_h + 2, cell_w, line_h),
                    Qt.AlignmentFlag.AlignCenter, letter,
                )  # fmt: skip
            first = dt.date(self.year, month, 1)
            day = first
            while day.month == month:
                rect = self._day_rect(day)
                if day.weekday() == 0 or day == first:  # ISO week number at the row's start
                    painter.setFont(small)
                    painter.setPen(MUTED)
                    week_rect = QRectF(box.left(), rect.top(), cell_w, cell_h)
                    painter.drawText(
                        week_rect, Qt.AlignmentFlag.AlignCenter, str(day.isocalendar().week)
                    )
                self._paint_day(painter, day, rect, by_day.get(day, []), base, bold)
                day += dt.timedelta(days=1)
        painter.end()

    def _paint_day(
        self, painter: QPainter, day: dt.date, rect: QRectF, marks: list[Mark],
        base: QFont, bold: QFont,
    ) -> None:  # fmt: skip
        inner = rect.adjusted(1, 1, -1, -1)
        if marks:
            share = inner.width() / len(marks)
            for i, mark in enumerate(marks):
                part = QRectF(inner.left() + i * share, inner.top(), share, inner.height())
                colour = QColor(mark.colour)
                if mark.cancelled:
                    colour = QColor("#d6d6d6")
                painter.fillRect(part, colour)
                if mark.meeting_id == self.selected:
                    painter.setPen(QPen(QColor("#000000"), 2))
                    painter.drawRect(part.adjusted(1, 1, -1, -1))
        if self._drop_day == day:
            painter.setPen(QPen(QColor("#000000"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(inner)
        if marks and not all(m.cancelled for m in marks):
            painter.setPen(QColor("#ffffff"))
            painter.setFont(bold)
        else:
            painter.setFont(base)
            weekend = day.weekday() >= 5
            painter.setPen(
                HOLIDAY_COLOUR if day in self.holidays
                else MUTED if weekend else self.palette().text().color()
            )  # fmt: skip
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if marks and all(m.cancelled for m in marks):
            painter.setPen(QPen(QColor("#555555"), 1))
            y = rect.center().y()
            painter.drawLine(int(rect.left() + 3), int(y), int(rect.right() - 3), int(y))

    # -- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        marks = self._marks_on(day) if day else []
        if event.button() != Qt.MouseButton.LeftButton or not marks:
            self._press = None
            return
        # A day with two meetings: the second click picks the other one.
        ids = [m.meeting_id for m in marks]
        chosen = ids[(ids.index(self.selected) + 1) % len(ids)] if self.selected in ids else ids[0]
        self._press = (event.position().toPoint(), chosen)
        self.select(chosen)
        self.meeting_selected.emit(chosen)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is not None:
            start, _ = self._press
            if (point - start).manhattanLength() >= 6:
                day = self.day_at(point)
                if day != self._drop_day:
                    self._drop_day = day
                    self.update()
            return
        day = self.day_at(point)
        marks = self._marks_on(day) if day else []
        lines = [m.label for m in marks]
        if day in self.holidays:
            lines.append(self.holidays[day])
        if lines:
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, drop = self._press, self._drop_day
        self._press, self._drop_day = None, None
        self.update()
        if press is None or drop is None:
            return
        meeting_id = press[1]
        mark = next(m for m in self.marks if m.meeting_id == meeting_id)
        if drop != mark.day:
            self.meeting_dropped.emit(meeting_id, drop)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None:
            return
        marks = self._marks_on(day)
        if marks:
            chosen = self.selected if self.selected in [m.meeting_id for m in marks] else None
            self.meeting_activated.emit(chosen or marks[0].meeting_id)
        else:
            self.day_activated.emit(day)

    def day_centre(self, day: dt.date) -> QPoint:
        """Where ``day`` is drawn (for tests and keyboard moves)."""
        return self._day_rect(day).center().toPoint()
