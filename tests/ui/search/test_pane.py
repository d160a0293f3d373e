"""Søk: Ctrl+F from anywhere, hits as one types, filters, suggestions, opening a hit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.conftest import load_demo
from tests.ui.test_daily_flow import open_window
from tr_desk.ui.window.main_window import MainWindow


@pytest.fixture
def demo(store):
    load_demo(store)
    return store


def numbers(window: MainWindow) -> list[str]:
    pane = window.search_pane
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def type_query(qtbot, window: MainWindow, text: str) -> None:
    """Type into the field as a user does and wait for the pause to pass."""
    pane = window.search_pane
    pane.field.clear()
    qtbot.keyClicks(pane.field, text)
    assert pane.timer.isActive()  # not on every key: after the pause
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=2000)


def test_ctrl_f_from_a_text_opens_search_and_hits_come_as_one_types(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    assert window.current_title() == "Sakliste"
    assert window.search_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+Shift+F")
    window.agenda.editor.title.setFocus()
    qtbot.keyClick(window.agenda.editor.title, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_title() == "Søk"
    pane = window.search_pane
    assert QApplication.focusWidget() is pane.field
    type_query(qtbot, window, "Geitmyra")
    assert numbers(window)[0] == "KF 33/22"
    assert pane.summary.text().startswith("1 sak")
    row = [pane.model.index(0, c).data() for c in range(5)]
    assert row[1] == "16.09.2022" and "Geitmyra" in row[2] and row[3].startswith("Tittel")
    first = pane.hits[0]
    marked = first.snippet.text[first.snippet.marks[0][0] : first.snippet.marks[0][1]]
    assert marked == "Geitmyra"  # the delegate paints this part yellow
    type_query(qtbot, window, '"Talent Attraction"')
    assert {"KF 47/22", "KF 24/22"} <= set(numbers(window))
    type_query(qtbot, window, "energi*")
    assert numbers(window)[0] == "KF 46/22"
    type_query(qtbot, window, "kf 46/22")
    assert numbers(window)[0] == "KF 46/22"
    assert pane.model.index(0, 3).data() == "Saksnummer"
    # A word chosen in the text being written is searched for at once.
    window.show_pane("Sakliste")
    title = window.agenda.editor.title
    word = title.text().split()[0]
    title.setSelection(0, len(word))
    title.setFocus()
    window.search_action.trigger()
    assert pane.field.text() == word and window.agenda.editor.case.title in [
        h.title for h in pane.hits
    ]


def test_filters_order_and_what_to_try_when_nothing_is_found(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.navigator.open_search()
    pane = window.search_pane
    type_query(qtbot, window, "Trondheim")
    everything = numbers(window)
    assert len(everything) >= 3
    # Newest first: the meetings' dates never go up.
    pane.order.setCurrentIndex(1)
    pane.order.activated.emit(1)
    dates = [h.date for h in pane.hits]
    assert dates == sorted(dates, reverse=True)
    # Only resolutions: every hit matched in a resolution.
    pane.kind.setCurrentIndex(pane.kind.findText("Bare vedtak"))
    pane.kind.activated.emit(pane.kind.currentIndex())
    assert all("Vedtak" in h.fields for h in pane.hits)
    pane.kind.setCurrentIndex(0)
    # Another body: nothing, and the message offers the search without the filters.
    pane.body.setCurrentIndex(pane.body.findData("NR"))
    pane.body.activated.emit(pane.body.currentIndex())
    type_query(qtbot, window, "Geitmyra")
    assert numbers(window) == []
    assert "Ingen saker funnet for «Geitmyra» med disse filtrene" in pane.summary.text()
    assert 'href="nofilter"' in pane.summary.text()
    pane.summary.linkActivated.emit("nofilter")
    assert pane.body.currentIndex() == 0 and numbers(window)[0] == "KF 33/22"
    # Years: 2022 only, then a year with no meetings of these words.
    pane.year_from.setCurrentIndex(pane.year_from.findData(2022))
    pane.year_from.activated.emit(pane.year_from.currentIndex())
    assert numbers(window)[0] == "KF 33/22"
    assert pane.year_to.findData(2022) > 0
    # A word in another inflection than the text's: «energistasjon» finds «energistasjoner».
    pane.clear_filters()
    type_query(qtbot, window, "energistasjon")
    assert numbers(window)[0] == "KF 46/22"
    # Words nobody wrote, and a query of only exclusions: said in Norwegian, no hits.
    type_query(qtbot, window, "xyzzyplugh")
    assert "Sjekk stavemåten" in pane.summary.text()
    type_query(qtbot, window, "-energi")
    assert numbers(window) == [] and "Skriv et ord" in pane.summary.text()


def test_a_hit_opens_in_its_pane_with_the_match_marked(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.navigator.open_search()
    pane = window.search_pane
    # A case of a held meeting: the Møte pane, on that case.
    type_query(qtbot, window, "Geitmyra")
    qtbot.keyClick(pane.field, Qt.Key.Key_Return)
    assert window.current_title() == "Møte"
    meeting = window.meeting_pane
    assert meeting.meeting is not None and meeting.meeting.date == dt.date(2022, 9, 16)
    case = meeting.meeting.cases[meeting.current_case()]
    assert "Geitmyra" in case.title
    # A case of the meeting being prepared: the Sakliste, its text marked where it matched.
    window.navigator.open_search()
    type_query(qtbot, window, "argumenteres")
    assert numbers(window) == ["KF 50/22"]
    qtbot.keyClick(pane.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is pane.table
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert window.current_title() == "Sakliste"
    editor = window.agenda.editor
    assert editor.case is not None and editor.case.title.startswith("Valg av kommunedirektører")
    marks = editor.text.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText() == "argumenteres"
    assert QApplication.focusWidget() is editor.text
    assert editor.text.textCursor().position() == marks[0].cursor.selectionStart()
    # The marks go with the case: another case shows none.
    window.agenda.select_case(0)
    assert editor.text.extraSelections() == []
    # A double-click opens too.
    window.navigator.open_search()
    type_query(qtbot, window, "energi*")
    index = pane.model.index(0, 2)
    pane.table.doubleClicked.emit(index)
    assert window.current_title() == "Sakliste"
    assert window.agenda.editor.case.title.startswith("Samarbeid om energistasjoner")


def test_the_search_pane_follows_edits_and_is_not_where_the_window_opens(qtbot, demo) -> None:
    from tr_desk.core.landing import Landing, PaneName, landing

    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.navigator.open_search()
    type_query(qtbot, window, "Blåbærsyltetøy")
    assert numbers(window) == []
    editor = window.agenda.editor
    window.show_pane("Sakliste")
    editor.title.setText("Blåbærsyltetøy til alle")
    editor.flush_now()
    window.show_pane("Søk")
    assert numbers(window) and "Blåbærsyltetøy" in window.search_pane.hits[0].title
    assert landing([], dt.date(2022, 1, 1), Landing(PaneName.SEARCH)) == Landing(PaneName.REGISTER)


def test_the_saksgang_in_the_case_editor(qtbot, demo) -> None:
    from tests.storage.test_search import _au_case

    au = _au_case(demo, "2022-12-12", "Samarbeid om energistasjoner i regionen")
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    agenda = window.agenda
    row = next(i for i, c in enumerate(agenda.meeting.cases) if "energistasjoner" in c.title)
    agenda.select_case(row)
    view = agenda.editor.thread_view
    qtbot.waitUntil(lambda: "denne saken" in view.timeline.text())
    assert "KF 51/21 – ikke i databasen (oppfølging)" in view.timeline.text()
    assert view.suggestions.isVisible() and f'href="link:{au}"' in view.suggestions.text()
    # «samme sak»: one undo step; the suggestion becomes a step of the timeline.
    steps = window.undo_stack.count()
    view.suggestions.linkActivated.emit(f"link:{au}")
    assert agenda.editor.case.links == (au,)
    assert demo.meetings.meeting(agenda.meeting.id).cases[row].links == (au,)
    assert window.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: "samme sak" in view.timeline.text())
    assert not view.suggestions.isVisible()
    # The notice can print the earlier steps.
    agenda.editor.show_history.click()
    assert demo.meetings.meeting(agenda.meeting.id).cases[row].show_history
    # A step opens its case: the AU meeting being prepared, in the Sakliste.
    au_case = (
        next(s for s in view.timeline.text().split("<br>") if au in s)
        .split('href="case:')[1]
        .split('"')[0]
    )
    view.timeline.linkActivated.emit(f"case:{au_case}")
    assert window.current_title() == "Sakliste"
    assert agenda.editor.case.id == int(au_case)
    assert agenda.editor.case.title == "Samarbeid om energistasjoner i regionen"
    qtbot.waitUntil(lambda: "KF 46/22" in agenda.editor.thread_view.timeline.text())
    window.undo_action.trigger()  # the flag
    window.undo_action.trigger()  # the link
    kf = next(m for m in demo.meetings.headers() if m.date == dt.date(2022, 12, 2))
    case = demo.meetings.meeting(kf.id).cases[row]
    assert case.links == () and not case.show_history
