"""The Møteplan pane: create, move (drag in the calendar) and cancel a meeting, undo each;
the plan for a new year accepted as one step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tr_desk.core.model import MeetingStatus
from tr_desk.ui.plan import pane as plan_pane
from tr_desk.ui.plan.pane import PlanPane
from tr_desk.ui.window.main_window import MainWindow


@pytest.fixture
def pane(qtbot, window: MainWindow) -> PlanPane:
    window.show_pane("Møteplan")
    pane = window.plan
    pane.show_year(2023)
    return pane


def kf_meetings(pane: PlanPane) -> list[tuple[dt.date, MeetingStatus]]:
    kf = pane.store.register.body_by_prefix("KF")
    return [(m.date, m.status) for m in pane.store.meetings.headers(body_id=kf.id, year=2023)]


def add_kf(pane: PlanPane, monkeypatch, day: dt.date, note: str = "") -> int:
    def fill(dialog) -> bool:
        dialog.body.setCurrentIndex(dialog.body.findText("Kommunedirektørforum"))
        dialog.day.setDate(QDate(day.year, day.month, day.day))
        dialog.note.setText(note)
        return True

    monkeypatch.setattr(plan_pane.MeetingDialog, "exec", fill)
    meeting_id = pane.new_meeting()
    assert meeting_id is not None
    return meeting_id


def test_create_a_meeting_and_undo(pane: PlanPane, monkeypatch) -> None:
    add_kf(pane, monkeypatch, dt.date(2023, 2, 3), note="Budsjett")
    assert kf_meetings(pane) == [(dt.date(2023, 2, 3), MeetingStatus.PLANNED)]
    meeting = pane.selected_meeting()
    assert (meeting.start, meeting.end, meeting.note) == (
        dt.time(8, 30), dt.time(11, 30), "Budsjett",
    )  # fmt: skip
    assert [pane.plan_list.index(0, c).data() for c in range(4)] == [
        "Fredag 03.02", "KF", "0830-1130", "Budsjett",
    ]  # fmt: skip
    assert any(m.day == dt.date(2023, 2, 3) for m in pane.calendar.marks)
    pane.undo_stack.undo()
    assert kf_meetings(pane) == []
    assert pane.plan_list.rowCount() == 0
    pane.undo_stack.redo()
    assert kf_meetings(pane) == [(dt.date(2023, 2, 3), MeetingStatus.PLANNED)]


def test_drag_a_meeting_to_another_day_and_undo(qtbot, pane: PlanPane, monkeypatch) -> None:
    meeting_id = add_kf(pane, monkeypatch, dt.date(2023, 12, 1))
    uid = pane.store.meetings.meeting_header(meeting_id).uid
    view = pane.calendar
    start = view.day_centre(dt.date(2023, 12, 1))
    target = view.day_centre(dt.date(2023, 12, 8))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, target)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)
    assert kf_meetings(pane) == [(dt.date(2023, 12, 8), MeetingStatus.PLANNED)]
    assert pane.store.meetings.meeting_header(meeting_id).uid == uid
    assert pane.plan_list.index(0, 0).data() == "Fredag 08.12"
    pane.undo_stack.undo()
    assert kf_meetings(pane) == [(dt.date(2023, 12, 1), MeetingStatus.PLANNED)]


def test_move_onto_a_taken_day_is_refused_with_a_message(pane, monkeypatch, dialogs) -> None:
    first = add_kf(pane, monkeypatch, dt.date(2023, 12, 1))
    add_kf(pane, monkeypatch, dt.date(2023, 12, 8))
    assert not pane.move_meeting(first, dt.date(2023, 12, 8))
    assert "allerede et møte" in dialogs.messages[-1]
    assert kf_meetings(pane)[0][0] == dt.date(2023, 12, 1)


def test_cancel_with_a_reason_is_kept_struck_through_and_undone(
    pane: PlanPane, monkeypatch, dialogs
) -> None:
    add_kf(pane, monkeypatch, dt.date(2023, 12, 1))
    dialogs.text_reply = "For få saker"
    pane._on_cancel()
    assert kf_meetings(pane) == [(dt.date(2023, 12, 1), MeetingStatus.CANCELLED)]
    assert pane.plan_list.index(0, 3).data() == "Avlyst: For få saker"
    assert pane.plan_list.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert pane.calendar.marks[0].cancelled
    assert not pane.move_button.isEnabled()
    pane.undo_stack.undo()
    assert kf_meetings(pane) == [(dt.date(2023, 12, 1), MeetingStatus.PLANNED)]
    assert not pane.plan_list.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()


def test_plan_for_a_new_year_is_accepted_as_one_step(pane: PlanPane, monkeypatch) -> None:
    monkeypatch.setattr(plan_pane.GeneratorDialog, "exec", lambda self: True)
    pane.show_year(2022)
    pane.generate()
    assert pane.year == 2023
    assert len(pane.store.meetings.headers(year=2023)) == 20
    assert pane.plan_list.rowCount() == 20
    assert "Kollisjon" not in " ".join(str(f) for f in pane.plan_flags)
    pane.undo_stack.undo()
    assert pane.store.meetings.headers(year=2023) == []


def test_flags_show_what_needs_a_look(pane: PlanPane, monkeypatch) -> None:
    add_kf(pane, monkeypatch, dt.date(2023, 5, 17))  # Grunnlovsdag, a Wednesday
    texts = [pane.flag_list.index(i, 0).data() for i in range(pane.flag_list.rowCount())]
    assert "17.05.2023: Kommunedirektørforum på Grunnlovsdag." in texts
    assert any("ikke som vanlig fredag" in t for t in texts)


def test_opening_a_meeting_from_the_plan(window: MainWindow, demo_store) -> None:
    from tests.ui.meeting.test_pane import meeting_id

    assert window.store is demo_store  # the demo is loaded into the window's own database
    window.show_pane("Møteplan")
    window.open_meeting(meeting_id(demo_store, "KF 2022-12-02"))  # called: Sakliste
    assert window.nav.currentItem().text() == "Sakliste"
    assert window.agenda.meeting.date == dt.date(2022, 12, 2)
    window.show_pane("Møteplan")
    window.open_meeting(meeting_id(demo_store, "KF 2022-09-16"))  # held: Møte
    assert window.nav.currentItem().text() == "Møte"
    assert window.meeting_pane.meeting.date == dt.date(2022, 9, 16)


def test_the_plan_lists_pass_the_model_tester(qtmodeltester, pane: PlanPane, monkeypatch) -> None:
    add_kf(pane, monkeypatch, dt.date(2023, 5, 17))
    add_kf(pane, monkeypatch, dt.date(2023, 6, 2), note="Budsjett")
    assert pane.plan_list.rowCount() == 2 and pane.flag_list.rowCount() > 0
    qtmodeltester.check(pane.plan_list)
    qtmodeltester.check(pane.flag_list)


def test_a_date_changed_in_the_proposed_plan_is_checked_again(
    qtmodeltester, pane: PlanPane, monkeypatch
) -> None:
    from tr_desk.ui.widgets.date_field import DateField

    dialog = plan_pane.GeneratorDialog(pane.store, 2023, pane.store.settings.plan_settings(), pane)
    qtmodeltester.check(dialog.slots)
    row = next(
        r for r in range(dialog.slots.rowCount()) if dialog.slots.record(r).body.prefix == "KF"
    )
    editor = dialog.table.indexWidget(dialog.slots.index(row, 1))
    assert isinstance(editor, DateField)  # the date is a field, open without a click
    editor.line.setText("17.05.2023")  # Grunnlovsdag, typed
    editor.line.editingFinished.emit()
    assert dialog.proposal.slots[row].day == dt.date(2023, 5, 17)
    assert dialog.slots.index(row, 2).data() == "Onsdag 17.05"
    assert any("Grunnlovsdag" in str(f) for f in dialog.proposal.flags)
    qtmodeltester.check(dialog.flag_list)
