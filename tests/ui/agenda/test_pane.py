"""The Sakliste pane as the daglig leder uses it: numbers follow the agenda until the notice goes."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import TODAY
from tr_desk.core.model import Case, Outcome
from tr_desk.core.notice import notice_content
from tr_desk.storage.store import Store
from tr_desk.ui.agenda.pane import AgendaPane
from tr_desk.ui.window.main_window import MainWindow

YEAR = TODAY.year + 1  # a meeting still ahead, so a notice dated today is in time
YY = f"{YEAR % 100:02d}"
FEB = dt.date(YEAR, 2, 3)


@pytest.fixture
def draft(store: Store) -> int:
    """A KF draft of 3 February next year with three cases between the standard ones."""
    kf = store.register.body_by_prefix("KF")
    store.settings.set_year_start(kf.id, YEAR, 1)
    meeting_id = store.meetings.create_meeting(kf.id, FEB)
    for i, title in enumerate(["Budsjett 2023", "Talent Attraction Management", "Energistasjoner"]):
        store.agenda.insert_case(meeting_id, Case(title=title, proposal=f"Forslag {i}."), 1 + i)
    return meeting_id


@pytest.fixture
def pane(qtbot, window: MainWindow, draft: int) -> AgendaPane:
    window.show_pane("Sakliste")
    pane = window.agenda
    pane.fill_meetings(draft)
    pane.preview_on.setChecked(False)
    return pane


def labels(pane: AgendaPane) -> list[str]:
    return [pane.agenda.data(pane.agenda.index(r)) for r in range(pane.agenda.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, pane: AgendaPane) -> None:
    qtmodeltester.check(pane.agenda)


def test_dragging_the_third_case_to_the_top_renumbers_all(
    pane: AgendaPane, window: MainWindow
) -> None:
    before = labels(pane)
    assert before[:4] == [
        f"KF 01/{YY}   Godkjenning av referat fra forrige møte",
        f"KF 02/{YY}   Budsjett 2023",
        f"KF 03/{YY}   Talent Attraction Management",
        f"KF 04/{YY}   Energistasjoner",
    ]
    model = pane.agenda
    data = model.mimeData([model.index(2)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    after = labels(pane)
    assert after[:4] == [
        f"KF 01/{YY}   Talent Attraction Management",
        f"KF 02/{YY}   Godkjenning av referat fra forrige møte",
        f"KF 03/{YY}   Budsjett 2023",
        f"KF 04/{YY}   Energistasjoner",
    ]
    assert (
        pane.store.meetings.meeting(pane.meeting.id).cases[0].title
        == "Talent Attraction Management"
    )
    window.undo_action.trigger()
    assert labels(pane) == before
    window.redo_action.trigger()
    assert labels(pane) == after


def test_drop_between_and_at_the_end(pane: AgendaPane) -> None:
    model = pane.agenda
    count = model.rowCount()
    model.dropMimeData(
        model.mimeData([model.index(1)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    assert labels(pane)[-1].endswith("Budsjett 2023")
    assert len(labels(pane)) == count


def test_adding_an_attachment_renumbers_the_later_ones(pane: AgendaPane, tmp_path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    def pdf(name: str):
        path = tmp_path / f"{name}.pdf"
        canvas = Canvas(str(path))
        canvas.drawString(72, 700, name)
        canvas.save()
        return path

    pane.list.setCurrentIndex(pane.agenda.index(3))  # Energistasjoner
    pane.editor.add_attachment_file(pdf("prosjekt"), "Prosjektbeskrivelse")
    pane.list.setCurrentIndex(pane.agenda.index(1))  # Budsjett: earlier in the agenda
    pane.editor.add_attachment_file(pdf("budsjett"), "Budsjettforslag")
    content = notice_content(pane.store.context(pane.store.meetings.meeting(pane.meeting.id)))
    numbered = [(a.number, a.title) for case in content.cases for a in case.attachments]
    assert numbered == [(1, "Budsjettforslag"), (2, "Prosjektbeskrivelse")]
    pane.list.setCurrentIndex(pane.agenda.index(3))
    assert pane.editor.attachments.item(0).text() == "Vedlegg 2: Prosjektbeskrivelse"


def test_typing_is_saved_and_undone_as_one_step(
    pane: AgendaPane, window: MainWindow, qtbot
) -> None:
    pane.list.setCurrentIndex(pane.agenda.index(1))
    editor = pane.editor
    editor.text.setFocus()
    for word in ("Budsjettet ", "for ", "2023 ", "er ", "uavklart."):
        editor.text.insertPlainText(word)
    qtbot.waitUntil(
        lambda: "uavklart" in pane.store.meetings.meeting(pane.meeting.id).cases[1].text,
        timeout=3000,
    )
    window.undo_action.trigger()
    assert pane.store.meetings.meeting(pane.meeting.id).cases[1].text == ""


def test_issuing_freezes_numbers_then_late_and_withdrawn_cases(
    pane: AgendaPane, window: MainWindow, dialogs
) -> None:
    store = pane.store
    meeting_id = pane.meeting.id
    # The check stands in the way until the draft is complete.
    dialogs.confirm = False
    assert not pane.issue()
    assert any("ingen dato" not in m for m in dialogs.messages)
    meeting = store.meetings.meeting(meeting_id)
    first = replace(
        meeting.cases[0],
        title=f"Referat fra møte 02.12.{YEAR - 1}",
        proposal="Referatet godkjennes.",
    )
    store.agenda.update_case(first)
    pane.open_meeting(meeting_id)
    assert pane.issue()
    meeting = store.meetings.meeting(meeting_id)
    assert meeting.status.value == "innkalt" and meeting.notice_date == TODAY
    frozen = [c.number for c in meeting.cases]
    assert frozen == list(range(1, len(frozen) + 1))
    assert (store.notices_dir / f"KF-{FEB.isoformat()}-innkalling.pdf").exists()

    # A case added after the notice gets the next free number, wherever it stands.
    pane.list.setCurrentIndex(pane.agenda.index(0))
    pane.add_case(pane.agenda.case(1).kind)
    meeting = store.meetings.meeting(meeting_id)
    assert meeting.cases[1].number == len(frozen) + 1
    assert labels(pane)[1].startswith(f"KF {len(frozen) + 1:02d}/{YY}")
    assert [c.number for c in meeting.cases if c.number != len(frozen) + 1] == frozen

    # A withdrawn case keeps its number, and the next late case does not reuse it.
    dialogs.confirm = True
    pane.list.setCurrentIndex(pane.agenda.index(2))
    pane._on_remove()
    meeting = store.meetings.meeting(meeting_id)
    withdrawn = meeting.cases[2]
    assert withdrawn.outcome is Outcome.WITHDRAWN and withdrawn.number == 2
    assert labels(pane)[2] == f"KF 02/{YY}   Budsjett 2023  (trukket)"
    pane.add_case(withdrawn.kind)
    assert max(c.number for c in store.meetings.meeting(meeting_id).cases) == len(frozen) + 2

    # Changed after sending: issuing again makes «Revidert innkalling», the first file stays.
    assert "endret etter utsendelse" in pane.status.text()
    assert not pane.issue()  # the late cases have no proposal yet: the check refuses
    assert "mangler forslag til vedtak" in dialogs.messages[-1]
    for case in store.meetings.meeting(meeting_id).cases:
        if not case.proposal:
            store.agenda.update_case(replace(case, proposal="Saken tas til orientering."))
    pane.open_meeting(meeting_id)
    dialogs.confirm = False  # no mail draft
    assert pane.issue(), dialogs.messages[-1]
    assert (store.notices_dir / f"KF-{FEB.isoformat()}-innkalling.pdf").exists()
    revised = store.notices_dir / f"KF-{FEB.isoformat()}-innkalling-revisjon-1.pdf"
    from pypdf import PdfReader

    assert (
        PdfReader(io.BytesIO(revised.read_bytes()))
        .pages[0]
        .extract_text()
        .startswith(f"Trondheimsregionen\nREVIDERT INNKALLING, KOMMUNEDIREKTØRFORUM – 03.02.{YEAR}")
    )


def test_check_click_takes_you_to_the_field(pane: AgendaPane) -> None:
    errors = [p for p in pane.problems if p.case_index is not None]
    assert errors, pane.problems
    item = pane.check_list.item(pane.problems.index(errors[0]))
    pane._on_problem_chosen(item)
    assert pane.list.currentIndex().row() == errors[0].case_index


def test_new_meeting_with_standard_cases_and_undo(
    pane: AgendaPane, window: MainWindow, monkeypatch
) -> None:
    from tr_desk.ui.agenda import pane as agenda_pane

    monkeypatch.setattr(
        agenda_pane.NewMeetingDialog, "exec", lambda self: agenda_pane.QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(
        agenda_pane.NewMeetingDialog,
        "chosen",
        lambda self: (pane.store.register.body_by_prefix("NR").id, dt.date(2023, 1, 25)),
    )
    pane.new_meeting_dialog()
    assert pane.meetings.currentText() == "Næringsrådet 25.01.2023 (utkast)"
    assert labels(pane)[0] == "NR 01/23   Godkjenning av referat fra forrige møte"
    assert labels(pane)[-1] == "NR 04/23   Åpen post/eventuelt"
    window.undo_action.trigger()
    nr = pane.store.register.body_by_prefix("NR")
    assert pane.store.meetings.meeting_id(nr.id, dt.date(2023, 1, 25)) is None


def test_pasted_table_is_kept_and_typed_html_stays_text(pane: AgendaPane, qtbot) -> None:
    from PySide6.QtCore import QMimeData

    from tr_desk.documents.notice import render_notice

    pane.list.setCurrentIndex(pane.agenda.index(1))
    editor = pane.editor.text
    editor.setFocus()
    clipboard = QMimeData()  # what Word and Excel put on the clipboard: an HTML table
    clipboard.setHtml(
        "<table><tr><td>Kommune</td><td>2022</td></tr><tr><td>Malvik</td><td>440 355</td></tr>"
        "<tr><td>Melhus</td><td>482 817</td></tr></table>"
    )
    clipboard.setText("Kommune\t2022\nMalvik\t440 355\nMelhus\t482 817")
    editor.insertFromMimeData(clipboard)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\nSe <b>ikke fet</b> & R&D <utkast>")
    pane.editor.flush()
    stored = pane.store.meetings.meeting(pane.meeting.id).cases[1].text
    assert "|Malvik" in stored.replace(" ", "") and "440 355" in stored
    pdf_text = "\n".join(
        p.extract_text()
        for p in __import__("pypdf")
        .PdfReader(
            io.BytesIO(
                render_notice(
                    notice_content(pane.store.context(pane.store.meetings.meeting(pane.meeting.id)))
                )
            )
        )
        .pages
    )
    assert "Se <b>ikke fet</b> & R&D <utkast>" in pdf_text
    assert "Malvik440355" in "".join(pdf_text.split())  # a table: cells extract line by line


def test_issuing_ends_in_an_email_draft_with_the_notice_attached(
    pane: AgendaPane, dialogs, monkeypatch
) -> None:
    """Without a mail program: told so, and the addresses can be copied."""
    import email
    from email import policy

    from PySide6.QtGui import QGuiApplication

    from tr_desk.ui.widgets import mail

    store = pane.store
    meeting = store.meetings.meeting(pane.meeting.id)
    store.agenda.update_case(
        replace(
            meeting.cases[0],
            title=f"Referat fra møte 02.12.{YEAR - 1}",
            proposal="Referatet godkjennes.",
        )
    )
    people = {p.name: p for p in store.register.people()}
    store.register.update_person(replace(people["Tor Jakob Reitan"], email="tjr@example.no"))
    opened: list[str] = []
    monkeypatch.setattr(mail, "open_draft", lambda path: opened.append(str(path)) or False)
    dialogs.confirm, dialogs.choice = True, mail.COPY
    pane.open_meeting(pane.meeting.id)
    assert pane.issue()
    draft = store.notices_dir / f"KF-{FEB.isoformat()}-innkalling-epost.eml"
    assert opened == [str(draft)]
    assert "Fant ikke noe e-postprogram" in dialogs.messages[-1]
    assert QGuiApplication.clipboard().text() == "tjr@example.no"
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"].addresses[0].addr_spec == "tjr@example.no"
    assert [p.get_filename() for p in message.iter_attachments()] == [
        f"KF-{FEB.isoformat()}-innkalling.pdf"
    ]
    problems = [p.message for p in pane.problems]
    assert any(m.startswith("8 av 9 mangler e-postadresse") for m in problems)


# -- dialogs that cannot trap (issue 27) ---------------------------------------------------------


def test_enter_on_a_wrong_date_keeps_new_meeting_open(pane: AgendaPane, qtbot, dialogs) -> None:
    """31.02 is refused; the Enter that answered the message never accepts the dialog."""
    from tr_desk.ui.agenda.header import NewMeetingDialog

    dialog = NewMeetingDialog(pane.store, pane)
    qtbot.addWidget(dialog)
    dialog.show()
    proposed = dialog.day.day()
    dialog.day.line.setFocus()
    dialog.day.line.setText(f"31.02.{YEAR}")
    qtbot.keyClick(dialog.day.line, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert "31.02" in dialogs.messages[-1] and dialog.day.day() == proposed
    # A click on «Opprett» straight after a refusal does nothing either.
    dialog.day.line.setText("30.02.2027")
    dialog.day.line.editingFinished.emit()
    buttons = dialog.findChild(agenda_buttons())
    buttons.accepted.emit()
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.wait(5)  # the event loop is back: the next «Opprett» is the user's own
    buttons.accepted.emit()
    assert dialog.result() == 1


def agenda_buttons():
    from PySide6.QtWidgets import QDialogButtonBox

    return QDialogButtonBox


def test_new_meeting_proposes_a_workday_of_the_body_and_asks_before_a_weekend(
    pane: AgendaPane, qtbot, dialogs
) -> None:
    from tr_desk.ui.agenda.header import NewMeetingDialog

    dialog = NewMeetingDialog(pane.store, pane)
    qtbot.addWidget(dialog)
    for index in range(dialog.body.count()):
        dialog.body.setCurrentIndex(index)
        body = pane.store.register.body(int(dialog.body.currentData()))
        day = dialog.day.day()
        assert day >= TODAY + dt.timedelta(days=14) and day.weekday() < 5, (body.name, day)
        if body.weekday is not None:
            assert day.weekday() == body.weekday
    saturday = dt.date(YEAR, 3, 6)
    assert saturday.weekday() == 5
    dialog.day.set_day(saturday)
    dialogs.confirm = False
    dialog.accept()
    assert dialog.result() == 0 and "lørdag" in dialogs.messages[-1]
    dialogs.confirm = True
    dialog.accept()
    assert dialog.result() == 1


def test_an_approved_meeting_is_shown_read_only_with_the_reason(
    pane: AgendaPane, window: MainWindow, dialogs
) -> None:
    from tr_desk.core import lifecycle
    from tr_desk.core.model import MeetingStatus

    store = pane.store
    meeting = store.meetings.meeting(pane.meeting.id)
    held = replace(meeting, status=MeetingStatus.HELD, held_start=dt.time(9))
    store.meetings.update_meeting(lifecycle.approve(held, TODAY))
    pane.open_meeting(meeting.id)
    assert pane.locked.isVisibleTo(pane) and "gjenåpner" in pane.locked.text()
    editor = pane.editor
    assert editor.title.isReadOnly() and editor.text.isReadOnly()
    assert not editor.add_attachment.isEnabled() and not pane.add_button.isEnabled()
    before = len(dialogs.messages)
    editor.title.setFocus()
    editor.text.setFocus()
    assert len(dialogs.messages) == before  # no «Kunne ikke lagre … låst» on every key
    other = store.meetings.create_meeting(meeting.body_id, FEB + dt.timedelta(days=7))
    pane.open_meeting(other)
    assert not pane.locked.isVisibleTo(pane) and not editor.title.isReadOnly()


def test_a_substitute_called_after_the_notice_gets_an_innkalling_of_their_own(
    pane: AgendaPane, dialogs, monkeypatch
) -> None:
    """The notice that went out stays as sent (no «REVIDERT», no «endret etter utsendelse»);
    the substitute gets a mail of their own with the notice naming them."""
    import email
    from email import policy

    from tr_desk.core.minutes import with_substitute
    from tr_desk.ui.widgets import mail

    store = pane.store
    meeting = store.meetings.meeting(pane.meeting.id)
    store.agenda.update_case(
        replace(meeting.cases[0], title=f"Referat fra møte 02.12.{YEAR - 1}", proposal="Ja.")
    )
    pane.open_meeting(meeting.id)
    dialogs.confirm = False
    assert pane.issue()
    member = pane.context.invited[0]
    substitute = next(p for p in store.register.people() if p.id not in pane.context.invited)
    store.register.update_person(replace(substitute, email="vara@example.no"))
    lines = with_substitute(store.meetings.meeting(meeting.id).attendance, member, substitute.id)
    store.minutes.set_attendance(meeting.id, lines)
    pane.open_meeting(meeting.id)
    assert pane.state is not None and pane.state.sent and not pane.state.changed
    assert "endret etter utsendelse" not in pane.status.text()
    assert pane.state.notice.title.startswith("INNKALLING")

    opened: list[str] = []
    monkeypatch.setattr(mail, "open_draft", lambda path: opened.append(str(path)) or True)
    dialogs.confirm = True
    context = pane.store.context(pane.store.meetings.meeting(meeting.id))
    assert mail.offer_substitute_mail(pane, store, context, (substitute.id, member))
    message = email.message_from_bytes(Path(opened[0]).read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == ["vara@example.no"]
    assert message["Cc"] is None and "vara for" in message.get_body().get_content()
    from pypdf import PdfReader

    attached = next(message.iter_attachments()).get_content()
    text = PdfReader(io.BytesIO(attached)).pages[0].extract_text()
    assert f"{substitute.name} (vara for" in " ".join(text.split())


def test_without_a_mail_program_the_draft_can_be_shown_in_its_folder(
    pane: AgendaPane, dialogs, monkeypatch
) -> None:
    from tr_desk.ui.widgets import mail

    monkeypatch.setattr(mail, "has_mail_program", lambda: False)
    shown: list[str] = []
    monkeypatch.setattr(mail, "show_in_folder", lambda _parent, path: shown.append(str(path)))
    dialogs.choice = mail.SHOW
    path = mail.send_notice_mail(pane, pane.store, pane.store.meetings.meeting(pane.meeting.id))
    assert path is not None and shown == [str(path)]
    assert "Fant ikke noe e-postprogram" in dialogs.messages[-1]
