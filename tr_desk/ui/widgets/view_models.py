"""The read-only lists of the Møte and Møteplan panes as table models: the roll, the cases with
their quorum, the year's meetings and the plan's flags. Each row is a frozen record computed
in core (``core.roll``) or here from core objects; the pane only shows and selects."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from PySide6.QtCore import QDate

from tr_desk.core.formats import date_short, plan_date, time_slot
from tr_desk.core.model import Body, Meeting, MeetingStatus
from tr_desk.core.plan import PlanFlag, Slot
from tr_desk.core.roll import CaseLine, RollRow
from tr_desk.ui.widgets import style
from tr_desk.ui.widgets.meeting_picker import STATUS_LABELS
from tr_desk.ui.widgets.models import pydate, qdate
from tr_desk.ui.widgets.table_models import Column, RecordTableModel

CANCELLED_COLOUR = "#888888"
R = TypeVar("R")


class ViewModel(RecordTableModel[R]):
    """A table the user reads and selects in, never edits in place."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.editable = False


class RollModel(ViewModel[RollRow]):
    """Name, party, status and notes of everyone on the roll."""

    PARTY, STATUS = 1, 2  # STATUS: the column a click cycles
    columns = (
        Column("Navn", lambda r: r.name),
        Column("Parti", lambda r: r.party),
        Column("Status", lambda r: r.status_text),
        Column("Merknad", lambda r: r.notes),
    )


class CaseListModel(ViewModel[CaseLine]):
    """Number, title, outcome and quorum of each case; the quorum red where it is missing."""

    columns = (
        Column("Sak", lambda c: c.label),
        Column("Tittel", lambda c: c.title),
        Column("Utfall", lambda c: c.outcome),
        Column(
            "Vedtaksfør",
            lambda c: c.short,
            tip=lambda c: c.tooltip,
            colour=lambda c: None if c.ok else style.WARNING_COLOUR,
        ),
    )


@dataclass(frozen=True)
class PlanLine:
    """One meeting in the plan's list."""

    meeting_id: int
    day: str
    body: str  # the prefix: the colour and the legend above name the body
    time: str
    note: str
    tooltip: str
    colour: str
    council: bool  # Regionrådet in bold, as in the printed plan
    cancelled: bool


def plan_lines(
    meetings: Sequence[Meeting], bodies: Mapping[int, Body], colours: Mapping[int, str]
) -> list[PlanLine]:
    out = []
    for m in meetings:
        assert m.id is not None
        body = bodies[m.body_id]
        cancelled = m.status is MeetingStatus.CANCELLED
        note = m.note
        if cancelled:
            reason = f": {m.cancel_reason}" if m.cancel_reason else ""
            note = f"Avlyst{reason}" + (f" ({m.note})" if m.note else "")
        tip = f"{body.name} {date_short(m.date)} – {STATUS_LABELS[m.status]}"
        if m.place:
            tip += f"\nSted: {m.place}"
        out.append(
            PlanLine(
                m.id, plan_date(m.date), body.prefix,
                time_slot(m.start, m.end).removeprefix("kl "), note, tip,
                colours[m.body_id], body.is_council, cancelled,
            )
        )  # fmt: skip
    return out


def _plan_column(
    header: str, show: Callable[[PlanLine], str], *, body: bool = False
) -> Column[PlanLine]:
    def colour(line: PlanLine) -> str | None:
        if line.cancelled:
            return CANCELLED_COLOUR
        return line.colour if body else None

    return Column(
        header,
        show,
        tip=lambda line: line.tooltip,
        colour=colour,
        bold=lambda line: line.council,
        struck=lambda line: line.cancelled,
    )


class PlanListModel(ViewModel[PlanLine]):
    """The year's meetings: date, body (in its colour), time, note; cancelled ones struck out."""

    columns = (
        _plan_column("Dato", lambda line: line.day),
        _plan_column("Organ", lambda line: line.body, body=True),
        _plan_column("Tid", lambda line: line.time),
        _plan_column("Merknad", lambda line: line.note),
    )

    def row_of(self, meeting_id: int | None) -> int:
        return next(
            (i for i, line in enumerate(self._records) if line.meeting_id == meeting_id), -1
        )


class FlagListModel(ViewModel[PlanFlag]):
    """What in the plan needs a look, one flag a row."""

    columns = (Column("Trenger en titt", str),)


def _moved(slot: Slot, value: object) -> Slot:
    if not isinstance(value, QDate) or not value.isValid():
        raise ValueError("Velg en dato.")
    return replace(slot, day=pydate(value))


class ProposalModel(RecordTableModel[Slot]):
    """The proposed plan of a new year: body, date (editable) and weekday of each meeting."""

    columns = (
        Column("Organ", lambda s: s.body.name),
        Column(
            "Dato",
            lambda s: s.day.strftime("%d.%m.%Y"),
            edit_value=lambda s: qdate(s.day),
            apply=_moved,
        ),
        Column("Ukedag", lambda s: plan_date(s.day)),
    )
