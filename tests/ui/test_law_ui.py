"""The window's side of issue 14: the vote per party dialog (one key per party, names where a
party split), a «forfall» proposing the list's substitute, and the Oppfølging pane."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from tests.conftest import load_demo
from tests.storage.test_law import AU_MEETING, load, with_parties
from tr_desk.core.model import AttendanceStatus, FollowUpStatus
from tr_desk.core.votes import voters
from tr_desk.storage.followups import followup_lines
from tr_desk.ui.followups.pane import FollowUpPane
from tr_desk.ui.meeting.vote_dialog import PartyVoteDialog
from tr_desk.ui.widgets import style
from tr_desk.ui.widgets.view_models import RollModel


def test_a_vote_per_party_with_one_key_per_party_and_a_named_split(qtbot, store, tmp_path: Path):
    with_parties(store)
    meeting_id = load(store, tmp_path, AU_MEETING)
    context = store.context(meeting_id)
    dialog = PartyVoteDialog(voters(context, 0), None, "Vedtak.")
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == ["Ap (1)", "H (2)", "Sp (1)"]
    assert tree.currentItem().text(0) == "Ap (1)"
    qtbot.keyClick(tree, Qt.Key.Key_F)  # Ap for; the next party is chosen
    assert tree.currentItem().text(0) == "H (2)"
    qtbot.keyClick(tree, Qt.Key.Key_M)  # H against, whole
    qtbot.keyClick(tree, Qt.Key.Key_M)  # Sp against
    assert dialog.vote().against == 3
    assert "Forslaget falt med 1 mot 3 stemmer (Ap 1 for; H 2, Sp 1 mot)" in dialog.summary.text()
    # H split: Bang for — his own row, one key
    h = tree.topLevelItem(1)
    tree.setCurrentItem(h.child(0))
    qtbot.keyClick(tree, Qt.Key.Key_F)
    vote = dialog.vote()
    assert (vote.votes_for, vote.against) == (2, 2)
    assert "Fra H stemte Oddbjørn Bang for, Trond Hoseth mot." in dialog.summary.text()
    assert h.isExpanded()  # a split party shows its names


def test_a_forfall_proposes_the_lists_first_substitute(qtbot, store, tmp_path: Path) -> None:
    from tests.ui.test_daily_flow import open_window

    people = with_parties(store)
    data = {**AU_MEETING, "attendance": []}
    meeting_id = load(store, tmp_path, data)
    window = open_window(qtbot, store, dt.date(2023, 3, 10))
    window.open_meeting(meeting_id)
    window.show_pane("Møte")
    pane = window._pane("Møte")
    rows = [pane.roll.record(r).name for r in range(pane.roll.rowCount())]
    pane.select_row(rows.index("Oddbjørn Bang"))
    pane.mark(AttendanceStatus.ABSENT)
    assert pane.vara_hint.isVisible()
    assert "1. Kari Vara, 2. Per Vara" in pane.vara_hint.text()
    pane._on_vara_link(f"vara:{people['Oddbjørn Bang']}:{people['Kari Vara']}")
    lines = store.meetings.meeting(meeting_id).attendance
    assert any(a.person_id == people["Kari Vara"] and a.substitute_for == people["Oddbjørn Bang"]
               for a in lines)  # fmt: skip
    assert not pane.vara_hint.isVisible()
    # The party in a column of its own, not among the notes; the substitute's is hers.
    row = rows.index("Oddbjørn Bang")
    assert not pane.roster.isColumnHidden(RollModel.PARTY)
    assert pane.roll.index(row, RollModel.PARTY).data() == "H"
    assert "H" not in pane.roll.record(row).notes.split(", ")


def test_a_resolution_with_no_vote_says_it_prints_as_unanimous(qtbot, store, tmp_path) -> None:
    """A hint by the vote, not an error: most resolutions are unanimous, and print so."""
    from tests.ui.test_daily_flow import open_window
    from tr_desk.ui.meeting.minutes_editor import VOTE_UNANIMOUS

    with_parties(store)
    meeting_id = load(store, tmp_path, AU_MEETING)
    window = open_window(qtbot, store, dt.date(2023, 3, 10))
    window.open_meeting(meeting_id)
    window.show_pane("Møte")
    pane = window._pane("Møte")
    editor = pane.editor
    pane.select_case(2)  # AU 07/23: a resolution, no vote
    assert editor.form.isRowVisible(editor.vote_summary)
    assert "«Vedtaket var enstemmig.»" in editor.vote_summary.text()
    editor.vote.setCurrentIndex(VOTE_UNANIMOUS)
    editor.vote.activated.emit(VOTE_UNANIMOUS)
    assert not editor.form.isRowVisible(editor.vote_summary)
    pane.select_case(1)  # voted unanimous already: no hint
    assert not editor.form.isRowVisible(editor.vote_summary)


def test_a_forum_without_parties_shows_no_party_column(qtbot, store) -> None:
    from tests.ui.test_daily_flow import open_window

    load_demo(store)
    window = open_window(qtbot, store, dt.date(2022, 12, 2))
    kf = store.register.body_by_prefix("KF")
    window.open_meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))
    window.show_pane("Møte")
    assert window._pane("Møte").roster.isColumnHidden(RollModel.PARTY)


def test_the_oppfolging_pane_lists_overdue_in_red_and_marks_done(qtbot, store) -> None:
    load_demo(store)
    stack = QUndoStack()
    pane = FollowUpPane(store, stack)
    qtbot.addWidget(pane)
    pane.show()
    model = pane.model
    assert [model.record(r).case for r in range(model.rowCount())] == ["KF 35/22", "KF 33/22"]
    due = model.index(0, 4)
    assert "forfalt" in due.data()
    assert due.data(Qt.ItemDataRole.ForegroundRole).name() == style.WARNING_COLOUR
    assert pane.summary.text() == "2 åpne oppfølginger, 2 forfalt"
    pane.open_only.setChecked(False)
    assert model.rowCount() == 3
    pane.open_only.setChecked(True)
    pane.table.selectRow(0)
    pane.mark_done()
    assert [model.record(r).case for r in range(model.rowCount())] == ["KF 33/22"]
    stack.undo()
    assert model.rowCount() == 2
    line = next(x for x in followup_lines(store) if x.case == "KF 35/22")
    assert line.item.status is FollowUpStatus.IN_PROGRESS
    assert not pane.pdf_button.isEnabled()  # a list is one body's
    pane.body.setCurrentIndex(pane.body.findData("KF"))
    pane.body.activated.emit(pane.body.currentIndex())
    assert pane.pdf_button.isEnabled()


def test_a_case_added_after_the_notice_goes_out_in_a_tilleggsinnkalling(
    qtbot, store, dialogs, monkeypatch
) -> None:
    from tests.conftest import kf_meeting
    from tests.ui.test_daily_flow import open_window
    from tr_desk.core.model import CaseKind
    from tr_desk.ui.widgets import mail

    load_demo(store)
    opened: list[Path] = []
    monkeypatch.setattr(mail, "open_draft", lambda path: opened.append(path) or True)
    meeting = kf_meeting(store, "2022-12-02")
    window = open_window(qtbot, store, dt.date(2022, 11, 28))
    window.open_meeting(meeting.id)
    window.show_pane("Sakliste")
    pane = window._pane("Sakliste")
    assert pane.issue_button.text() != "Send ut tilleggsinnkalling …"
    pane.add_case(CaseKind.ORDINARY)
    added = next(c for c in store.meetings.meeting(meeting.id).cases if c.late)
    assert added.number is not None
    assert pane.editor.form.isRowVisible(pane.editor.late)  # marked in the editor
    assert pane.issue_button.text() == "Send ut tilleggsinnkalling …"
    pane.start_issue()  # the check first: the new case has no proposal
    assert "mangler forslag til vedtak" in dialogs.messages[-1]
    assert not store.minutes.supplements(meeting.id)
    import dataclasses

    store.agenda.update_case(dataclasses.replace(added, proposal="Saken tas til orientering."))
    pane.start_issue()
    sent = store.minutes.supplements(meeting.id)
    assert len(sent) == 1 and opened and opened[0].name.endswith("tilleggsinnkalling.pdf")
    assert pane.issue_button.text() != "Send ut tilleggsinnkalling …"
