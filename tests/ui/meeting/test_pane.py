"""The Møte and Protokoll panes as the daglig leder uses them during and after the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TODAY
from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.minutes import minutes_content
from tr_desk.core.model import AttendanceStatus, MeetingStatus, Outcome
from tr_desk.storage.store import Store
from tr_desk.ui.meeting.pane import MeetingPane
from tr_desk.ui.widgets import style
from tr_desk.ui.widgets.view_models import RollModel
from tr_desk.ui.window.main_window import MainWindow


def meeting_id(store: Store, key: str) -> int:
    prefix, day = key.split()
    body = store.register.body_by_prefix(prefix)
    return store.meetings.meeting_id(body.id, dt.date.fromisoformat(day))


@pytest.fixture
def demo_window(qtbot, demo_store: Store, dialogs) -> MainWindow:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    return window


def elected(window: MainWindow, prefix: str = "KF") -> None:
    """Judge the quorum for this body, as for Regionrådet and Arbeidsutvalget."""
    body = window.store.register.body_by_prefix(prefix)
    window.store.register.update_body(replace(body, elected=True))


def open_meeting(window: MainWindow, key: str) -> MeetingPane:
    window.current_meeting_id = meeting_id(window.store, key)
    window.show_pane("Møte")
    pane = window.meeting_pane
    assert pane.meeting.id == window.current_meeting_id
    return pane


def roster_row(pane: MeetingPane, name: str) -> int:
    return next(r for r in range(pane.roll.rowCount()) if pane.roll.index(r, 0).data() == name)


def press(qtbot, pane: MeetingPane, name: str, key: Qt.Key) -> None:
    pane.select_row(roster_row(pane, name))
    qtbot.keyClick(pane.roster, key)


def quorum_shown(pane: MeetingPane, row: int) -> str:
    return pane.case_list.index(row, 3).data()


def test_keys_mark_the_roster_and_move_on(qtbot, demo_window: MainWindow) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    assert pane.roll.index(0, RollModel.STATUS).data() == "–"  # nobody marked before the meeting
    pane.select_row(0)
    pane.roster.setFocus()
    for key in (Qt.Key.Key_T, Qt.Key.Key_T, Qt.Key.Key_D, Qt.Key.Key_F):
        qtbot.keyClick(pane.roster, key)
    assert [pane.roll.index(r, RollModel.STATUS).data() for r in range(4)] == [
        "Til stede", "Til stede", "Digitalt", "Forfall",
    ]  # fmt: skip
    assert pane.roster.currentIndex().row() == 4
    lines = demo_window.store.meetings.meeting(pane.meeting.id).attendance
    assert [line.status for line in lines] == [
        AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.DIGITAL,
        AttendanceStatus.ABSENT,
    ]  # fmt: skip
    demo_window.undo_stack.undo()
    assert pane.roll.index(3, RollModel.STATUS).data() == "–"
    assert len(demo_window.store.meetings.meeting(pane.meeting.id).attendance) == 3


def test_absences_change_the_quorum_shown_for_a_case(qtbot, demo_window: MainWindow) -> None:
    elected(demo_window)
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_row(0)
    for _ in range(9):  # the nine members present
        qtbot.keyClick(pane.roster, Qt.Key.Key_T)
    assert quorum_shown(pane, 3) == "Ja 9/9"
    press(qtbot, pane, "Tor Jakob Reitan", Qt.Key.Key_F)
    press(qtbot, pane, "Katrine Lereggen", Qt.Key.Key_F)
    press(qtbot, pane, "Morten Wolden", Qt.Key.Key_F)
    press(qtbot, pane, "Kjetil Mjøsund", Qt.Key.Key_F)
    assert quorum_shown(pane, 3) == "Ja 5/9"
    press(qtbot, pane, "Petter Lindseth", Qt.Key.Key_F)
    assert quorum_shown(pane, 3) == "Nei 4/9"
    red = pane.case_list.index(3, 3).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.name() == style.WARNING_COLOUR.lower()
    pane.select_case(3)
    assert "Ikke vedtaksfør" in pane.editor.quorum.text()


def test_a_substitute_counts_for_the_member(qtbot, demo_window: MainWindow, monkeypatch) -> None:
    elected(demo_window)
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_row(0)
    for key in [Qt.Key.Key_F] * 5 + [Qt.Key.Key_T] * 4:
        qtbot.keyClick(pane.roster, key)
    assert quorum_shown(pane, 3) == "Nei 4/9"
    from tr_desk.ui.meeting import pane as module

    hans = next(p.id for p in demo_window.store.register.people() if p.name == "Hans Kringstad")
    monkeypatch.setattr(module.PersonDialog, "exec", lambda self: True)
    monkeypatch.setattr(module.PersonDialog, "chosen", lambda self: (hans, ""))
    press(qtbot, pane, "Tor Jakob Reitan", Qt.Key.Key_V)
    assert quorum_shown(pane, 3) == "Ja 5/9"
    row = roster_row(pane, "Hans Kringstad")
    assert pane.roll.index(row, 3).data() == "vara for Tor Jakob Reitan"


def test_a_disqualified_member_does_not_count(qtbot, demo_window: MainWindow, monkeypatch) -> None:
    elected(demo_window)
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_row(0)
    for key in [Qt.Key.Key_T] * 5 + [Qt.Key.Key_F] * 4:
        qtbot.keyClick(pane.roster, key)
    assert quorum_shown(pane, 4) == "Ja 5/9"
    pane.select_case(4)
    from tr_desk.ui.meeting import minutes_editor

    monkeypatch.setattr(minutes_editor.ExclusionDialog, "exec", lambda self: True)
    pane.editor._on_add_exclusion()  # first member, «Inhabil», fvl. § 6 første ledd
    assert quorum_shown(pane, 4) == "Nei 4/9"
    assert quorum_shown(pane, 3) == "Ja 5/9"  # only that case
    case = demo_window.store.meetings.meeting(pane.meeting.id).cases[4]
    assert case.exclusions[0].basis == "fvl. § 6 første ledd"


def test_as_proposed_copies_the_proposal(qtbot, demo_window: MainWindow) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(3)
    pane.editor.resolution.setFocus()
    qtbot.keyClick(pane.editor.resolution, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case = demo_window.store.meetings.meeting(pane.meeting.id).cases[3]
    assert case.resolution == case.proposal != ""
    assert case.outcome is Outcome.DEALT_WITH
    assert pane.case_list.index(3, 2).data() == "Behandlet"
    assert pane.editor.resolution.toPlainText() == case.proposal


def test_ctrl_down_moves_to_the_next_case_in_the_same_field(qtbot, demo_window: MainWindow) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(2)
    pane.editor.notes.setFocus()
    qtbot.keyClick(pane.editor.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_case() == 3
    assert pane.editor.notes.hasFocus()
    qtbot.keyClick(pane.editor.notes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_case() == 2


def test_typed_notes_are_saved_within_a_second(qtbot, demo_window: MainWindow) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(3)
    pane.editor.notes.setFocus()
    qtbot.keyClicks(pane.editor.notes, "Enighet om budsjettet")
    store = demo_window.store
    qtbot.waitUntil(
        lambda: store.meetings.meeting(pane.meeting.id).cases[3].notes == "Enighet om budsjettet",
        timeout=1000,
    )
    assert pane.saved_label.text().startswith("Alt er lagret")


def test_a_postponed_case_appears_in_the_next_draft(qtbot, demo_window: MainWindow) -> None:
    store = demo_window.store
    body = store.register.body_by_prefix("KF")
    draft = store.meetings.create_meeting(body.id, dt.date(2023, 2, 3))
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(5)
    title = pane.meeting.cases[5].title
    editor = pane.editor
    editor.outcome.setCurrentIndex(editor.outcome.findData(Outcome.POSTPONED.value))
    editor.outcome.activated.emit(editor.outcome.currentIndex())
    carried = [c for c in store.meetings.meeting(draft).cases if c.postponed_from]
    assert [(c.title, c.postponed_from) for c in carried] == [(title, "KF 49/22")]
    demo_window.undo_stack.undo()
    assert not [c for c in store.meetings.meeting(draft).cases if c.postponed_from]


def test_approving_locks_editing_until_reopened(qtbot, demo_window: MainWindow, dialogs) -> None:
    store = demo_window.store
    pane = open_meeting(demo_window, "KF 2022-09-16")
    assert pane.editor.isEnabled() and pane.roster.isEnabled()
    demo_window.show_pane("Protokoll")
    minutes = demo_window.minutes_pane
    assert minutes.meeting.id == pane.meeting.id
    assert minutes.approve_button.isEnabled() and not minutes.reopen_button.isEnabled()
    dialogs.confirm = False
    minutes.approve()  # the check has warnings: asked first, and «Avbryt» leaves it be
    assert dialogs.messages and "Godkjenne likevel" in dialogs.messages[-1]
    assert store.meetings.meeting(pane.meeting.id).status is MeetingStatus.HELD
    dialogs.confirm = True
    minutes.approve()
    assert demo_window.undo_action.text() == "Angre Godkjenn referat"
    meeting = store.meetings.meeting(pane.meeting.id)
    assert meeting.status is MeetingStatus.APPROVED and meeting.approved_on == TODAY
    assert minutes.reopen_button.isEnabled() and not minutes.remarks.isEnabled()
    demo_window.show_pane("Møte")
    assert not pane.editor.isEnabled() and not pane.roster.isEnabled()
    assert pane.locked.isVisible() and "Gjenåpne" in pane.locked.text()
    minutes.reopen()
    assert store.meetings.meeting(pane.meeting.id).reopened_on == TODAY
    assert pane.editor.isEnabled()
    content = minutes_content(store.context(store.meetings.meeting(pane.meeting.id)))
    assert "Endret etter godkjenning" in content.status_note
    demo_window.undo_stack.undo()  # reopening undone: locked again
    assert store.meetings.meeting(pane.meeting.id).status is MeetingStatus.APPROVED
    assert not pane.editor.isEnabled()


def test_minutes_print_to_a_pdf_file(qtbot, demo_window: MainWindow, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from tr_desk.ui.minutes.pane import _render_minutes
    from tr_desk.ui.widgets.documents_io import print_pdf

    window = demo_window
    window.current_meeting_id = meeting_id(window.store, "KF 2022-09-16")
    window.show_pane("Protokoll")
    pane = window.minutes_pane
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(_render_minutes(pane.content()), printer) == 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3
    qtbot.waitUntil(lambda: pane.preview.document.pageCount() == 3, timeout=5000)


def test_the_check_takes_you_to_the_case(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    window.current_meeting_id = meeting_id(window.store, "KF 2022-12-02")
    window.show_pane("Protokoll")
    minutes = window.minutes_pane
    row = next(i for i, p in enumerate(minutes.problems) if p.field == "outcome")
    minutes._on_problem_chosen(minutes.check_list.item(row))
    assert window.nav.currentItem().text() == "Møte"
    assert window.meeting_pane.current_case() == minutes.problems[row].case_index


def test_written_procedure_records_each_answer(qtbot, demo_window: MainWindow) -> None:
    from tr_desk.core.model import Answer, MeetingMode

    store = demo_window.store
    meeting = store.meetings.meeting(meeting_id(store, "KF 2022-12-02"))
    store.meetings.update_meeting(replace(meeting, mode=MeetingMode.WRITTEN))
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(3)
    editor = pane.editor
    assert editor.answers.isVisible() and not editor.notes.isVisible()
    for row in range(editor.answers.rowCount()):
        combo = editor.answers.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(Answer.AGREES.value))
        combo.activated.emit(combo.currentIndex())
    assert editor.answer_result.text() == "Forslaget er vedtatt: alle er enige."
    assert pane.case_list.index(3, 3).data() == "9/9 svar"
    combo = editor.answers.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(Answer.DEMANDS_MEETING.value))
    combo.activated.emit(combo.currentIndex())
    assert editor.answer_result.text().startswith("Forslaget er ikke vedtatt")
    answers = store.meetings.meeting(pane.meeting.id).cases[3].answers
    assert list(answers.values()).count(Answer.AGREES) == 8
    assert Answer.DEMANDS_MEETING in answers.values()


def test_typing_without_a_pause_is_saved_within_a_second(qtbot, demo_window: MainWindow) -> None:
    import time

    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(3)
    pane.editor.notes.setFocus()
    store = demo_window.store
    started = time.monotonic()
    saved_at = None
    for char in "Vi må se på budsjettet igjen før neste møte":  # a key every 60 ms
        qtbot.keyClicks(pane.editor.notes, char)
        qtbot.wait(60)
        if saved_at is None and store.meetings.meeting(pane.meeting.id).cases[3].notes:
            saved_at = time.monotonic() - started
    assert saved_at is not None and saved_at < 1.2  # while typing went on


def test_two_bursts_of_typing_then_an_outcome_undo_step_by_step(
    qtbot, demo_window: MainWindow
) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_case(3)
    store = demo_window.store

    def notes() -> str:
        return store.meetings.meeting(pane.meeting.id).cases[3].notes

    pane.editor.notes.setFocus()
    qtbot.keyClicks(pane.editor.notes, "Første")
    qtbot.waitUntil(lambda: notes() == "Første", timeout=1500)
    qtbot.keyClicks(pane.editor.notes, " og andre")
    qtbot.waitUntil(lambda: notes() == "Første og andre", timeout=1500)  # merged: one step
    editor = pane.editor
    editor.outcome.setCurrentIndex(editor.outcome.findData(Outcome.DEALT_WITH.value))
    editor.outcome.activated.emit(editor.outcome.currentIndex())
    assert store.meetings.meeting(pane.meeting.id).cases[3].outcome is Outcome.DEALT_WITH
    demo_window.undo_stack.undo()  # the outcome only: the notes stay
    case = store.meetings.meeting(pane.meeting.id).cases[3]
    assert case.outcome is None and case.notes == "Første og andre"
    demo_window.undo_stack.undo()  # the typing, both bursts
    assert notes() == ""
    assert pane.editor.notes.toPlainText() == ""


def test_one_click_on_the_status_cycles_it(qtbot, demo_window: MainWindow) -> None:
    pane = open_meeting(demo_window, "KF 2022-12-02")
    row = roster_row(pane, "Morten Wolden")
    rect = pane.roster.visualRect(pane.roll.index(row, RollModel.STATUS))
    shown = []
    for _ in range(4):
        qtbot.mouseClick(pane.roster.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        shown.append(pane.roll.index(row, RollModel.STATUS).data())
    assert shown == ["Til stede", "Digitalt", "Forfall", "Til stede"]


def test_a_forum_shows_attendance_without_a_verdict(qtbot, demo_window: MainWindow) -> None:
    """Kommunedirektørforum is not an elected body: «4/9», no red, no «Ikke vedtaksfør»."""
    pane = open_meeting(demo_window, "KF 2022-12-02")
    pane.select_row(0)
    for key in [Qt.Key.Key_T] * 4 + [Qt.Key.Key_F] * 5:
        qtbot.keyClick(pane.roster, key)
    assert quorum_shown(pane, 3) == "4/9"
    assert pane.case_list.headerData(3, Qt.Orientation.Horizontal) == "Til stede"
    assert pane.case_list.index(3, 3).data(Qt.ItemDataRole.ForegroundRole) is None  # not red
    pane.select_case(3)
    text = pane.editor.quorum.text()
    assert "4 av 9 til stede" in text and "vedtaksfør" not in text.lower()
    problems = check_minutes(
        demo_window.store.context(demo_window.store.meetings.meeting(pane.meeting.id))
    )
    assert not [p for p in problems if p.field == "quorum"]


def test_the_roll_and_the_case_list_pass_the_model_tester(
    qtbot, qtmodeltester, demo_window: MainWindow
) -> None:
    pane = open_meeting(demo_window, "KF 2022-09-16")
    assert pane.roll.rowCount() > 5 and pane.case_list.rowCount() > 5
    qtmodeltester.check(pane.roll)
    qtmodeltester.check(pane.case_list)
    press(qtbot, pane, "Morten Wolden", Qt.Key.Key_F)  # an update in place, same rows
    qtmodeltester.check(pane.roll)
    pane.open_meeting(None)
    qtmodeltester.check(pane.roll)
    qtmodeltester.check(pane.case_list)


def test_start_and_end_now_both_ask_when_the_meeting_is_not_today(
    qtbot, demo_window: MainWindow, dialogs
) -> None:
    """The demo's store is dated on another day than the KF meeting: both buttons ask, and
    «Avbryt» leaves the time as it was."""
    pane = open_meeting(demo_window, "KF 2022-09-16")
    pane.held_start.setText("")
    pane.held_end.setText("")
    for button, field in ((pane.start_now, pane.held_start), (pane.end_now, pane.held_end)):
        before = field.text()
        dialogs.confirm = False
        button.click()
        assert "ikke i dag" in dialogs.messages[-1] and field.text() == before
        dialogs.confirm = True
        button.click()
        assert field.text() != before or pane.meeting.minutes_locked
