"""The Register pane as the user works it: edits saved at once, each undone by Ctrl+Z."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tr_desk.core.model import Role
from tr_desk.storage.store import Store
from tr_desk.ui.widgets.models import PersonListModel
from tr_desk.ui.widgets.table_models import BodyTableModel, MembershipRow, MembershipTableModel
from tr_desk.ui.window.main_window import MainWindow


def person(store: Store, name: str):
    return next((p for p in store.register.people() if p.name == name), None)


def select_person(window: MainWindow, name: str):
    page = window.register.people
    page.search.setText(name)
    page.select(person(window.store, name).id)
    return page


def edit_field(field, text: str) -> None:
    field.setText(text)
    field.editingFinished.emit()


def test_models_pass_the_model_tester(qtmodeltester, store: Store) -> None:
    people = PersonListModel()
    people.set_people(store.register.people())
    qtmodeltester.check(people)
    bodies = BodyTableModel()
    bodies.set_records(store.register.bodies())
    qtmodeltester.check(bodies)
    members = MembershipTableModel()
    names = {p.id: p.name for p in store.register.people()}
    members.set_records(
        [MembershipRow(m, names[m.person_id]) for m in store.register.memberships()]
    )
    qtmodeltester.check(members)


def test_window_opens_on_a_fresh_database(window: MainWindow) -> None:
    assert window.windowTitle() == "TR Desk – Trondheimsregionen"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Møteplan",
        "Sakliste",
        "Møte",
        "Protokoll",
        "Register",
        "Søk",
        "Oppfølging",
    ]
    assert window.register.people.model.rowCount() == 20
    assert window.register.people.count_label.text() == "20 personer"
    assert window.register.bodies.bodies.rowCount() == 4
    paths = [
        w.text() for w in window.statusBar().findChildren(type(window.register.people.count_label))
    ]
    assert any(str(window.store.path) in text for text in paths)


def test_edit_person_is_saved_and_undone(window: MainWindow) -> None:
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    page = select_person(window, "Hans Kringstad")
    edit_field(page.title, "Rådgiver")
    edit_field(page.aliases, "Hans Kristian Kringstad, H. Kringstad")
    saved = person(window.store, "Hans Kringstad")
    assert saved.title == "Rådgiver"
    assert saved.aliases == ("Hans Kristian Kringstad", "H. Kringstad")
    assert "lagret kl." in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert person(window.store, "Hans Kringstad").aliases == ()
    assert page.aliases.text() == ""
    window.undo_action.trigger()
    assert person(window.store, "Hans Kringstad").title == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert person(window.store, "Hans Kringstad").aliases == (
        "Hans Kristian Kringstad",
        "H. Kringstad",
    )


def test_rename_keeps_the_person_selected(window: MainWindow) -> None:
    page = select_person(window, "Marit Vårheim")
    edit_field(page.name, "Marit  Vårheim Hansen")
    assert person(window.store, "Marit Vårheim Hansen") is not None
    assert page.name.text() == "Marit Vårheim Hansen"


def test_empty_name_is_refused(window: MainWindow, dialogs) -> None:
    page = select_person(window, "Ørjan Dahl")
    edit_field(page.name, "   ")
    assert dialogs.messages == ["En person må ha et navn."]
    assert page.name.text() == "Ørjan Dahl"
    assert person(window.store, "Ørjan Dahl") is not None
    assert window.undo_stack.count() == 0


def test_add_person_and_undo(window: MainWindow, dialogs) -> None:
    dialogs.text_reply = "Ánde Čilaš Ŋ"
    window.register.people.add_button.click()
    added = person(window.store, "Ánde Čilaš Ŋ")
    assert added is not None
    assert window.register.people.name.text() == "Ánde Čilaš Ŋ"
    window.undo_action.trigger()
    assert person(window.store, "Ánde Čilaš Ŋ") is None
    window.redo_action.trigger()
    assert person(window.store, "Ánde Čilaš Ŋ").id == added.id


def test_delete_person_and_undo_brings_back_memberships(window: MainWindow, dialogs) -> None:
    before = person(window.store, "Morten Wolden")
    memberships = window.store.register.memberships(person_id=before.id)
    select_person(window, "Morten Wolden")
    window.register.people.delete_button.click()
    assert person(window.store, "Morten Wolden") is None
    window.undo_action.trigger()
    assert person(window.store, "Morten Wolden") == before
    assert window.store.register.memberships(person_id=before.id) == memberships


def test_person_named_in_meetings_cannot_be_deleted(qtbot, demo_store, dialogs) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    select_person(window, "Bård Eidet")
    window.register.people.delete_button.click()
    assert "kan ikke slettes" in dialogs.messages[0]
    assert person(demo_store, "Bård Eidet") is not None


def test_search_filters_on_aliases_and_municipality(window: MainWindow) -> None:
    page = window.register.people
    everyone = len(window.store.register.people())
    assert page.count_label.text() == f"{everyone} personer"
    page.search.setText("Kathrine")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Katrine Lereggen"
    assert page.count_label.text() == f"1 person av {everyone}"  # not «1 personer», not stale
    page.search.setText("indre fosen")
    assert page.model.index(0, 0).data() == "Alf-Petter Tenfjord"
    page.select(person(window.store, "Bård Eidet").id)  # hidden by the search: shown again
    assert page.search.text() == "" and page.name.text() == "Bård Eidet"
    assert page.count_label.text() == f"{everyone} personer"  # the filter cleared


def test_edit_body_slot_and_undo(window: MainWindow) -> None:
    model = window.register.bodies.bodies
    row = [b.prefix for b in model._records].index("NR")
    assert model.setData(model.index(row, 4), "08:30")
    assert model.setData(model.index(row, 5), "1130")
    assert model.setData(model.index(row, 3), 4)
    nr = window.store.register.body_by_prefix("NR")
    assert (nr.start, nr.end, nr.weekday) == (dt.time(8, 30), dt.time(11, 30), 4)
    assert model.index(row, 3).data() == "Fredag"
    for _ in range(3):
        window.undo_action.trigger()
    nr = window.store.register.body_by_prefix("NR")
    assert (nr.start, nr.end, nr.weekday) == (dt.time(12, 0), dt.time(15, 0), 2)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (4, "2500", "er ikke et klokkeslett"),
        (0, "K", "Prefikset må være"),
        (1, " ", "må ha et navn"),
    ],
)
def test_bad_body_values_are_refused_in_norwegian(
    window: MainWindow, dialogs, column, value, message
) -> None:
    model = window.register.bodies.bodies
    before = window.store.register.bodies()
    assert not model.setData(model.index(0, column), value)
    assert message in dialogs.messages[0]
    assert window.store.register.bodies() == before


def test_duplicate_prefix_is_refused(window: MainWindow, dialogs) -> None:
    model = window.register.bodies.bodies
    model.setData(model.index(0, 0), "KF")
    assert "brukes allerede" in dialogs.messages[0]
    assert window.store.register.body_by_prefix("TR") is not None
    assert window.undo_stack.count() == 0


def test_membership_end_and_undo(window: MainWindow) -> None:
    page = window.register.bodies
    page.body_view.selectRow(2)  # KF
    members = page.members
    row = [r.person_name for r in members._records].index("Morten Wolden")
    assert members.setData(members.index(row, 3), "31.12.2022")
    kf = window.store.register.body_by_prefix("KF")
    morten = person(window.store, "Morten Wolden")
    ended = next(m for m in window.store.register.memberships(person_id=morten.id))
    assert ended.end == dt.date(2022, 12, 31)
    assert morten.id not in window.store.register.roster(kf.id, dt.date(2023, 1, 5), ("medlem",))
    assert "Morten Wolden" not in [r.person_name for r in members._records]  # ended: hidden
    page.show_ended.setChecked(True)
    assert "Morten Wolden" in [r.person_name for r in members._records]
    window.undo_action.trigger()
    assert window.store.register.memberships(person_id=morten.id)[0].end is None


def test_membership_role_via_model_and_bad_date(window: MainWindow, dialogs) -> None:
    page = window.register.bodies
    page.body_view.selectRow(1)  # AU
    members = page.members
    row = [r.person_name for r in members._records].index("Trond Hoseth")
    assert members.setData(members.index(row, 1), Role.SUBSTITUTE.value)
    hoseth = person(window.store, "Trond Hoseth")
    assert window.store.register.memberships(person_id=hoseth.id)[0].role is Role.SUBSTITUTE
    assert not members.setData(members.index(row, 2), "31.02.2022")
    assert "er ikke en dato" in dialogs.messages[-1]
    assert members.index(row, 1).data(Qt.ItemDataRole.DisplayRole) == "Varamedlem"


def test_add_and_delete_membership_with_commands(window: MainWindow) -> None:
    from tr_desk.core.model import Membership
    from tr_desk.ui import commands

    page = window.register.bodies
    nr = window.store.register.body_by_prefix("NR")
    ingvill = person(window.store, "Ingvill Kvernmo")
    membership = Membership(None, ingvill.id, nr.id, Role.MEMBER, dt.date(2023, 1, 1))
    assert page.push(commands.add_membership(window.store, membership, "Ingvill Kvernmo"))
    assert ingvill.id in window.store.register.roster(nr.id, dt.date(2023, 2, 1), ("medlem",))
    window.undo_action.trigger()
    assert window.store.register.memberships(body_id=nr.id) == []


def test_second_window_on_the_same_database_is_read_only(qtbot, db_path, dialogs) -> None:
    first = Store.open(db_path, lock=True)
    second = Store.open(db_path, lock=True)
    try:
        window = MainWindow(second)
        qtbot.addWidget(window)
        window.show()
        assert not window.register.people.name.isEnabled()
        assert not window.register.bodies.add_button.isEnabled()
        model = window.register.bodies.bodies
        assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
        window.after_start()
        assert "allerede åpen" in dialogs.messages[0]
    finally:
        second.close()
        first.close()


def test_window_opens_on_years_of_history(qtbot, tmp_path, dialogs) -> None:
    from history import build_history

    store = build_history(tmp_path / "history.sqlite", years=5)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.register.people.model.rowCount() == 20
    # It opens on the meeting being prepared: first its cases, then the whole Sakliste.
    assert window.current_title() == "Sakliste"
    assert window.first_view is not None and window.first_view.list.count() == 12
    qtbot.waitUntil(lambda: window.first_view is None and "Sakliste" in window.panes_built)
    agenda = window.agenda
    assert agenda.meeting is not None and agenda.meeting.id == window.landing.meeting_id
    assert agenda.agenda.rowCount() == 12
    window.close()
    store.close()


def test_dialogs_have_norwegian_buttons(qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from tr_desk.ui.widgets import dialogs

    seen: list[str] = []

    def answer() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        seen.extend(b.text() for b in box.findChildren(QPushButton))
        box.reject()

    QTimer.singleShot(50, answer)
    assert dialogs.confirm(None, "Slett person", "Slette?", "Slett") is False
    assert sorted(seen) == ["Avbryt", "Slett"]


def test_qt_texts_in_bokmal(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from tr_desk.ui.app import install_translations

    install_translations(QApplication.instance())
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Lim inn"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    assert QCoreApplication.translate("QLineEdit", "Something else") == "Something else"


def test_roster_order_moves_and_undoes(window: MainWindow) -> None:
    page = window.register.bodies
    page.body_view.selectRow(2)  # KF
    kf = window.store.register.body_by_prefix("KF")

    def roster() -> list[str]:
        names = {p.id: p.name for p in window.store.register.people()}
        return [
            names[i] for i in window.store.register.roster(kf.id, dt.date(2022, 12, 2), ("medlem",))
        ]

    before = roster()
    assert before[:2] == ["Tor Jakob Reitan", "Stig Roald Amundsen"]
    page.member_view.selectRow(1)
    page.up_button.click()
    assert roster()[:2] == ["Stig Roald Amundsen", "Tor Jakob Reitan"]
    assert page.member_view.currentIndex().row() == 0
    page.up_button.click()  # already first: nothing happens
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert roster() == before


def test_add_body_and_undo(window: MainWindow, monkeypatch, dialogs) -> None:
    from tr_desk.ui.register import bodies_page
    from tr_desk.ui.register.bodies_page import AddBodyDialog

    page = window.register.bodies
    dialog = AddBodyDialog(page)
    dialog.name.setText("Styringsgruppe energistasjoner")
    dialog.prefix.setText("se")
    assert dialog.body().prefix == "SE"
    dialog.prefix.setText("KF")
    monkeypatch.setattr(AddBodyDialog, "exec", lambda self: bodies_page.QDialog.DialogCode.Accepted)
    filled_in = AddBodyDialog.body
    monkeypatch.setattr(AddBodyDialog, "body", lambda self: filled_in(dialog))
    page.add_body_button.click()
    assert "allerede i bruk" in dialogs.messages[-1]
    assert len(window.store.register.bodies()) == 4

    dialog.prefix.setText("SE")
    page.add_body_button.click()
    assert [b.prefix for b in window.store.register.bodies()] == ["TR", "AU", "KF", "NR", "SE"]
    assert page.current_body().prefix == "SE"
    window.undo_action.trigger()
    assert [b.prefix for b in window.store.register.bodies()] == ["TR", "AU", "KF", "NR"]
    window.redo_action.trigger()
    assert window.store.register.body_by_prefix("SE").name == "Styringsgruppe energistasjoner"

    dialog.prefix.setText("X1")
    with pytest.raises(ValueError, match="Prefikset må være"):
        filled_in(dialog)


def test_body_in_use_cannot_be_deleted(store) -> None:
    from tr_desk.storage.database import StoreError

    with pytest.raises(StoreError, match="kan ikke slettes"):
        store.register.delete_body(store.register.body_by_prefix("KF").id)


def test_every_body_is_in_sight_in_organer(qtbot, window: MainWindow) -> None:
    """Register › Organer at 1280×720 shows all four bodies, not 3½."""
    window.resize(1280, 680)
    window.show_pane("Register")
    page = window.register.bodies
    window.register.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    view = page.body_view
    last = view.visualRect(page.bodies.index(page.bodies.rowCount() - 1, 0))
    assert last.bottom() <= view.viewport().height(), (last, view.viewport().height())
