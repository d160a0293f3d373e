"""The read-only lists as table models: rows, colours, fonts, and updates in place."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt

from tr_desk.core.model import (
    AttendanceStatus,
    Body,
    BodyRole,
    Meeting,
    MeetingStatus,
    MinutesKind,
)
from tr_desk.core.plan import Slot
from tr_desk.core.roll import RollRow
from tr_desk.ui.widgets.view_models import (
    CANCELLED_COLOUR,
    PlanListModel,
    ProposalModel,
    RollModel,
    plan_lines,
)

TR = Body(1, "TR", "Regionrådet", MinutesKind.PROTOKOLL, role=BodyRole.COUNCIL)
KF = Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT)


def rows(status: AttendanceStatus | None = None) -> list[RollRow]:
    return [
        RollRow(1, 0, "Anne Ås", AttendanceStatus.PRESENT, ""),
        RollRow(2, None if status is None else 1, "Bjørn Berg", status, ""),
    ]


def test_an_update_of_the_same_length_repaints_only_the_changed_cells(qtbot, qtmodeltester) -> None:
    model = RollModel()
    model.set_records(rows())
    qtmodeltester.check(model)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.update_records(rows(AttendanceStatus.ABSENT))
    status = RollModel.STATUS
    assert changed == [(1, status, 1, status)] and not resets  # the one cell: its status
    assert model.index(1, status).data() == "Forfall"
    model.update_records(rows(AttendanceStatus.ABSENT)[:1])  # another length: a reset
    assert resets and model.rowCount() == 1
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_a_heading_that_follows_the_content(qtbot) -> None:
    model = RollModel()
    seen: list[int] = []
    model.headerDataChanged.connect(lambda _o, first, _last: seen.append(first))
    model.set_header(1, "Svar")
    model.set_header(1, "Svar")  # the same again: no signal
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Svar" and seen == [1]


def test_the_plan_list_shows_colour_bold_council_and_struck_out_cancelled(qtbot) -> None:
    meetings = [
        Meeting(1, 1, dt.date(2023, 2, 17), dt.time(9), dt.time(14), place="Stjørdal"),
        Meeting(
            2, 3, dt.date(2023, 3, 3), status=MeetingStatus.CANCELLED, cancel_reason="Få saker"
        ),
    ]
    model = PlanListModel()
    model.set_records(plan_lines(meetings, {1: TR, 3: KF}, {1: "#1f4e9a", 3: "#2a9d8f"}))
    font = Qt.ItemDataRole.FontRole
    colour = Qt.ItemDataRole.ForegroundRole
    assert [model.index(0, c).data() for c in range(4)] == [
        "Fredag 17.02",
        "TR",
        "0900-1400",
        "",
    ]
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("Regionrådet 17.02.2023")
    assert model.index(0, 0).data(font).bold() and not model.index(1, 0).data(font).bold()
    assert model.index(0, 1).data(colour).name() == "#1f4e9a"
    assert model.index(0, 0).data(colour) is None
    assert model.index(1, 3).data() == "Avlyst: Få saker"
    assert model.index(1, 0).data(font).strikeOut()
    assert model.index(1, 1).data(colour).name() == CANCELLED_COLOUR
    assert "Sted: Stjørdal" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_of(2) == 1 and model.row_of(99) == -1


def test_a_date_edited_in_the_proposal_is_a_request_for_a_new_slot(qtbot) -> None:
    model = ProposalModel()
    slot = Slot(KF, dt.date(2023, 2, 3))
    model.set_records([slot])
    requested: list[tuple[Slot, Slot]] = []
    model.edit_requested.connect(lambda old, new: requested.append((old, new)))
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) == QDate(2023, 2, 3)
    assert model.setData(model.index(0, 1), QDate(2023, 2, 10))
    assert requested == [(slot, replace(slot, day=dt.date(2023, 2, 10)))]
    assert model.record(0) == slot  # the model never writes; the dialog does
    assert not model.setData(model.index(0, 0), "Annet organ")


def test_the_choosers_share_one_light_model_read_again_only_on_change(
    qtbot, qtmodeltester, store
) -> None:
    from PySide6.QtGui import QUndoStack

    from tests.conftest import load_demo
    from tr_desk.ui.widgets.meeting_picker import (
        ID_ROLE,
        MeetingTreeModel,
        fill_meetings,
        meeting_combo,
    )

    load_demo(store)
    owner = QUndoStack()
    first = meeting_combo(lambda _id: None, store, owner)
    second = meeting_combo(lambda _id: None, store, owner)
    assert first.model is second.model is MeetingTreeModel.shared(store, owner)
    chosen = fill_meetings(first, store, None)
    model = first.model
    qtmodeltester.check(model)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Kommende møter" not in titles  # the demo is history on the tests' day
    assert "Kommunedirektørforum 2022" in titles
    group = model.index(0, 0)
    assert model.index(0, 0, group).data(ID_ROLE) in model.by_id
    assert first.currentText() == model.label(chosen) != ""
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    fill_meetings(second, store, chosen)  # nothing changed: the views are not touched
    assert resets == []
    kf = store.register.body_by_prefix("KF")
    store.meetings.create_meeting(kf.id, dt.date(2027, 3, 5))
    fill_meetings(second, store, chosen)
    assert resets == [1] and model.index(0, 0).data() == "Kommende møter"
    qtmodeltester.check(model)
