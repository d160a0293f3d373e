"""The case list of one meeting, with live numbers; a drag is a move request, not a move.

Loaded with the Sakliste pane, after the first paint, so it imports Qt's enums freely.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from tr_desk.core.model import Case, CaseKind, Outcome
from tr_desk.core.numbering import case_label
from tr_desk.ui.widgets.models import DISPLAY_ROLE, FONT_ROLE, TOOLTIP_ROLE, Index

MIME_TYPE = "application/x-tr-desk-case-row"

KIND_LABELS = {
    CaseKind.ORDINARY: "Sak",
    CaseKind.APPROVAL: "Godkjenning av referat",
    CaseKind.BRIEFING: "Orientering",
    CaseKind.DISCUSSION: "Diskusjon",
    CaseKind.NEXT_MEETING: "Saker til neste møte",
    CaseKind.BRIEFINGS: "Orienteringer",
    CaseKind.ANY_OTHER: "Åpen post/eventuelt",
}


class AgendaModel(QAbstractListModel):
    """One row a case: «KF 44/22  Referat fra møte 16.09.2022»."""

    move_requested = Signal(int, int)  # from agenda index, to agenda index

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: list[Case] = []
        self._labels: list[str] = []
        self.editable = True

    def set_cases(
        self, cases: Sequence[Case], prefix: str, year: int, numbers: Mapping[int, int]
    ) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self._labels = [
            case_label(prefix, numbers, i, year) or "–" for i in range(len(self._cases))
        ]
        self.endResetModel()

    def case(self, row: int) -> Case:
        return self._cases[row]

    def label(self, row: int) -> str:
        return self._labels[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        withdrawn = case.outcome is Outcome.WITHDRAWN
        if role == DISPLAY_ROLE:
            title = case.title or "(uten tittel)"
            return f"{self._labels[index.row()]}   {title}" + ("  (trukket)" if withdrawn else "")
        if role == TOOLTIP_ROLE:  # the whole title where the column is narrow
            kind = KIND_LABELS[case.kind] + (", unntatt offentlighet" if case.exempt else "")
            return f"{self._labels[index.row()]} {case.title or '(uten tittel)'}\n{kind}"
        if role == FONT_ROLE and withdrawn:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: Index) -> Any:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        if self.editable:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Any:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_TYPE, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Any, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; the pane does it as an undoable command and refills the model."""
        if not data.hasFormat(MIME_TYPE) or not self.editable:
            return False
        source = int(bytes(data.data(MIME_TYPE).data()).decode() or -1)
        if not 0 <= source < len(self._cases):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._cases)
        target = row - 1 if row > source else row
        if target != source:
            self.move_requested.emit(source, target)
        return True
