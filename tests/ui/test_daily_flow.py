"""The daily flow: where the window opens, its menus, the chooser, names and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from tests.conftest import kf_meeting, load_demo
from tests.pdftext import text_of
from tr_desk.core.landing import PaneName
from tr_desk.ui.window.main_window import MainWindow


def open_window(qtbot, store, today: dt.date | None = None) -> MainWindow:
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    qtbot.waitUntil(lambda: window.first_view is None)
    return window


@pytest.fixture
def demo(store):
    load_demo(store)
    return store


def test_before_the_meeting_it_opens_on_its_sakliste(qtbot, demo) -> None:
    window = MainWindow(demo, today=dt.date(2022, 11, 25))
    qtbot.addWidget(window)
    window.show()
    kf = kf_meeting(demo, "2022-12-02")
    # First paint: the meeting's cases, before the pane with editor and preview is built.
    assert window.current_title() == "Sakliste"
    assert window.first_view is not None
    assert "Kommunedirektørforum 02.12.2022" in window.first_view.title.text()
    first = [window.first_view.list.item(i).text() for i in range(window.first_view.list.count())]
    assert first[0] == "KF 44/22   Referat fra møte 16.09.2022"
    qtbot.waitUntil(lambda: window.first_view is None)
    agenda = window.agenda.agenda
    assert first == [agenda.index(i).data() for i in range(agenda.rowCount())]  # as numbered
    assert window.stack.currentWidget() is window._slots["Sakliste"]
    assert window.agenda.meeting is not None and window.agenda.meeting.id == kf.id
    assert window.agenda.meetings.currentText() == "Kommunedirektørforum 02.12.2022 (innkalt)"


def test_on_the_meetings_day_it_opens_on_the_meeting(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 9, 16))
    assert window.current_title() == "Møte"
    pane = window.meeting_pane
    assert pane.meeting is not None and pane.meeting.id == kf_meeting(demo, "2022-09-16").id


def test_otherwise_where_he_left_off(qtbot, demo) -> None:
    later = dt.date(2026, 11, 23)
    window = open_window(qtbot, demo, later)
    assert window.current_title() == "Møteplan"  # nothing remembered yet: the overview
    held = kf_meeting(demo, "2022-09-16")
    assert held.id is not None
    window.open_meeting(held.id)
    window.show_pane("Protokoll")
    window.close()
    again = open_window(qtbot, demo, later)
    assert again.current_title() == "Protokoll"
    assert again.minutes_pane.meeting is not None and again.minutes_pane.meeting.id == held.id


def test_the_plan_opens_on_the_next_meetings_year(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2021, 12, 20))
    window.show_pane("Møteplan")
    assert window.plan.year == 2022


def test_an_empty_database_opens_on_the_welcome(qtbot, store) -> None:
    window = open_window(qtbot, store)
    assert window.stack.currentWidget() is window.welcome
    assert window.current_title() == ""
    assert "Velkommen" in window.welcome.heading.text()
    window.welcome.buttons["Register"].click()
    assert window.current_title() == "Register"
    assert window.stack.currentWidget() is window._slots["Register"]


def test_every_menu_action_has_a_tip_and_the_shortcuts_are_listed(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    texts = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            assert action.toolTip(), action.text()
            texts[action.text().replace("&", "")] = action
    for wanted in ("Nytt møte …", "Åpne database …", "Ny database …", "Lagre som PDF …",
                   "Skriv ut …", "Ta sikkerhetskopi nå", "Avslutt", "Søk i alle saker …",
                   "Finn i ruten …", "Møteplan", "Søk",
                   "Register", "Send ut innkalling …", "Start møtet", "Godkjenn referat",
                   "Hurtigtaster", "Om TR Desk"):  # fmt: skip
        assert wanted in texts, wanted
    assert texts["Skriv ut …"].shortcut() == QKeySequence("Ctrl+P")
    assert texts["Søk i alle saker …"].shortcut() == QKeySequence("Ctrl+F")
    assert texts["Finn i ruten …"].shortcut() == QKeySequence("Ctrl+Shift+F")
    assert texts["Nytt møte …"].shortcut() == QKeySequence("Ctrl+N")
    for row, action in enumerate(window.pane_actions):
        assert action.shortcut() == QKeySequence(f"Ctrl+{row + 1}")
        action.trigger()
        assert window.current_title() == window.nav.item(row).text()
    listed = dict(window.menus.shortcut_lines())
    assert listed["Ctrl+P"] == "Fil › Skriv ut"
    assert listed["Ctrl+T"] == "Møte › Start møtet"
    assert "Ctrl+B" in listed and "Ctrl+Down" in listed
    assert window.undo_action.text() == "Angre"


def test_menu_actions_are_enabled_when_they_can_be_done(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.update_actions()
    # The issued KF 02.12.2022 in the Sakliste: it can be sent again, started, not approved.
    assert window.save_pdf_action.isEnabled() and window.print_action.isEnabled()
    assert window.issue_action.isEnabled() and window.start_action.isEnabled()
    assert not window.approve_action.isEnabled()
    held = kf_meeting(demo, "2022-09-16")
    assert held.id is not None
    window.open_meeting(held.id)
    window.update_actions()
    assert window.approve_action.isEnabled() and not window.issue_action.isEnabled()
    window.show_pane("Register")
    assert not window.save_pdf_action.isEnabled() and not window.print_action.isEnabled()


def test_save_as_pdf_saves_what_the_pane_shows(qtbot, demo, tmp_path, dialogs) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    target = tmp_path / "innkalling.pdf"
    dialogs.files = [str(target)]
    window.save_pdf_action.trigger()
    assert "INNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022" in text_of(target.read_bytes())
    assert str(target) in window.statusBar().currentMessage()
    window.show_pane("Møteplan")
    window.save_pdf_action.trigger()
    assert "MØTEPLAN TRONDHEIMSREGIONEN 2022" in text_of(target.read_bytes())


def test_start_the_meeting_from_the_menu(qtbot, demo, dialogs) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.start_action.trigger()
    assert window.current_title() == "Møte"
    assert "Møtet er 02.12.2022, ikke i dag." in dialogs.messages[-1]  # asked first
    assert window.meeting_pane.held_start.text() != ""
    window.undo_action.trigger()
    assert window.meeting_pane.held_start.text() == ""
    assert window.statusBar().currentMessage().startswith("Angret: ")


def test_find_in_the_list_of_the_pane(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.nav.setFocus()
    window.navigator.open_find()
    bar = window.find_bar
    assert bar is not None and bar.isVisible()
    qtbot.keyClicks(bar.field, "orienteringer")
    row = window.agenda.list.currentIndex().row()
    assert "Orienteringer" in window.agenda.agenda.case(row).title
    qtbot.keyClicks(bar.field, "xyzzy")
    assert bar.result.text() == "Ikke funnet"


def test_the_chooser_groups_and_filters(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    picker = window.agenda.meetings
    picker.open_popup()
    groups = [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())]
    assert groups[:1] == ["Kommende møter"] or "Kommunedirektørforum 2022" in groups
    assert "Kommunedirektørforum 2022" in groups and "Regionrådet 2022" in groups
    picker.filter_field.setText("regionrådet 16.09")  # not a Regionrådet date
    assert [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())] == []
    picker.filter_field.clear()
    qtbot.keyClicks(picker.filter_field, "kf 16.09")
    shown = [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())]
    assert shown == ["Kommunedirektørforum 2022"]
    qtbot.keyClick(picker.filter_field, "\r")
    held = kf_meeting(demo, "2022-09-16")
    assert window.agenda.meeting is not None and window.agenda.meeting.id == held.id
    assert not picker.popup.isVisible()
    assert picker.currentText() == "Kommunedirektørforum 16.09.2022 (avholdt)"


def test_meeting_groups_put_the_upcoming_first(demo) -> None:
    from tr_desk.ui.widgets.meeting_picker import meeting_groups

    bodies = {b.id: b for b in demo.register.bodies() if b.id is not None}
    groups = meeting_groups(demo.meetings.headers(), bodies, dt.date(2022, 11, 25))
    assert groups[0].title == "Kommende møter"
    assert [e[1] for e in groups[0].entries] == [
        "KF  fredag 02.12.2022 (innkalt)", "TR  fredag 16.12.2022 (utkast)",
    ]  # fmt: skip
    kf = next(g for g in groups if g.title == "Kommunedirektørforum 2022")
    assert kf.entries[0][1] == "fredag 02.12.2022 (innkalt)"  # newest first


def test_names_complete_from_the_register_with_spelling_variants(qtbot, demo) -> None:
    from dataclasses import replace

    from tr_desk.ui.widgets.name_completion import NAME_ROLE, completion_entries

    hans = next(p for p in demo.register.people() if p.name == "Hans Kringstad")
    demo.register.update_person(replace(hans, aliases=("H. Kringstad",)))
    entries = completion_entries(demo.register.people())
    assert ("H. Kringstad → Hans Kringstad", "H. Kringstad", "Hans Kringstad") in entries
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    editor = window.agenda.editor
    completer = editor.presenter.completer()
    assert completer is not None
    completer.setCompletionPrefix("kringst")
    found = {
        completer.completionModel().index(r, 0).data(NAME_ROLE)
        for r in range(completer.completionCount())
    }
    assert found == {"Hans Kringstad"}
    assert completer.completionCount() == 2  # the name and the variant
    variant = next(
        completer.completionModel().index(r, 0)
        for r in range(completer.completionCount())
        if "→" in completer.completionModel().index(r, 0).data()
    )
    editor.presenter.setFocus()
    completer.activated[type(variant)].emit(variant)
    qtbot.waitUntil(lambda: editor.presenter.text() == "Hans Kringstad")


def test_a_typed_date_is_taken_as_typed_or_refused(qtbot, dialogs) -> None:
    from tr_desk.ui.widgets.date_field import DateField

    field = DateField(dt.date(2023, 1, 10))
    qtbot.addWidget(field)
    assert field.weekday.text() == "tirsdag"
    changes: list[object] = []
    field.editingFinished.connect(lambda: changes.append(field.day()))
    field.line.setText("31.02.2023")
    field.line.editingFinished.emit()
    assert field.day() == dt.date(2023, 1, 10) and field.line.text() == "10.01.2023"
    assert "«31.02.2023» er ikke en dato" in dialogs.messages[-1]
    assert changes == []
    field.line.setText("1.3.2023")
    field.line.editingFinished.emit()
    assert field.day() == dt.date(2023, 3, 1) and field.line.text() == "01.03.2023"
    assert field.weekday.text() == "onsdag"
    assert changes == [dt.date(2023, 3, 1)]
    field.setMinimumDate(field.date())
    field.line.setText("28.02.2023")
    field.line.editingFinished.emit()
    assert field.day() == dt.date(2023, 3, 1)
    assert dialogs.messages[-1] == "Datoen kan ikke være før 01.03.2023."


def test_new_meeting_from_the_menu_takes_the_date_as_typed(qtbot, demo, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from tr_desk.ui.agenda import header as agenda_header

    window = open_window(qtbot, demo, dt.date(2022, 11, 25))

    def run(dialog) -> int:
        dialog.day.line.setText("13.01.2023")
        dialog.day.line.editingFinished.emit()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(agenda_header.NewMeetingDialog, "exec", run)
    window.new_meeting_action.trigger()
    meeting = window.agenda.meeting
    assert meeting is not None and meeting.date == dt.date(2023, 1, 13)
    assert window.current_title() == PaneName.AGENDA.value


def test_a_demo_can_be_opened_from_the_welcome(qtbot, store, monkeypatch) -> None:
    window = open_window(qtbot, store)
    opened: list[Path] = []
    monkeypatch.setattr(window, "open_database", opened.append)
    window.welcome.demo_button.click()
    assert opened and opened[0].name == "tr-desk-demo.sqlite" and opened[0].exists()
    from tr_desk.storage.store import Store  # made in this process: no Python started

    with Store.open(opened[0], readonly=True) as demo_store:
        assert len(demo_store.meetings.headers()) >= 6


def test_a_body_nobody_can_be_reached_in_says_so(qtbot, demo) -> None:
    from tr_desk.core.mail import roster_hint
    from tr_desk.core.model import Person

    assert roster_hint("Regionrådet", []) == (
        "Regionrådet har ingen medlemmer ennå – legg dem inn i Register."
    )
    people = [Person(1, "Ola Nordmann", email="ola@x.no"), Person(2, "Kari Nordmann")]
    assert (
        roster_hint("KF", people) == "1 av 2 medlemmer i KF mangler e-postadresse: Kari Nordmann."
    )
    assert roster_hint("KF", people[:1]) == ""

    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    hint = window.agenda.hint
    assert hint.isVisibleTo(window) and "mangler e-postadresse" in hint.text()
    hint.linkActivated.emit("register")
    assert window.current_title() == "Register"
    bodies = window.register.bodies
    row = next(r for r in range(bodies.bodies.rowCount()) if bodies.bodies.record(r).prefix == "TR")
    bodies.body_view.selectRow(row)
    assert "Regionrådet har ingen medlemmer ennå" in bodies.hint.text()


def test_every_button_of_the_pane_is_also_in_a_menu(qtbot, demo) -> None:
    window = open_window(qtbot, demo, dt.date(2022, 11, 25))
    window.menus.fill_pane_menu()
    texts = [a.text() for a in window.pane_menu.actions()]
    for wanted in (
        "Nytt møte …",
        "Send ut innkalling …",
        "Ny sak",
        "Trekk saken",
        "Flytt saken opp",
    ):
        assert wanted in texts, (wanted, texts)
    assert all(a.toolTip() for a in window.pane_menu.actions())
    before = window.agenda.agenda.rowCount()
    next(a for a in window.pane_menu.actions() if a.text() == "Ny sak").trigger()
    assert window.agenda.agenda.rowCount() == before + 1
    window.show_pane("Register")
    window.menus.fill_pane_menu()
    assert "Ny person …" in [a.text() for a in window.pane_menu.actions()]
