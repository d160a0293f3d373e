"""The Protokoll pane: the minutes of a held meeting, their check, the PDF it saves."""

from __future__ import annotations

from pypdf import PdfReader

from tests.ui.meeting.test_pane import demo_window, meeting_id  # noqa: F401 - fixtures
from tr_desk.core.checks.problems import Spot
from tr_desk.ui.window.main_window import MainWindow


def test_the_minutes_of_a_held_meeting_and_their_pdf(demo_window: MainWindow) -> None:
    demo_window.current_meeting_id = meeting_id(demo_window.store, "KF 2022-09-16")
    demo_window.show_pane("Protokoll")
    pane = demo_window.minutes_pane
    assert pane.meeting is not None and pane.meeting.id == demo_window.current_meeting_id
    document = pane.document()
    assert document is not None
    pdf, stem = document
    assert stem.startswith("KF-2022-09-16")
    first = PdfReader(__import__("io").BytesIO(pdf)).pages[0].extract_text()
    assert "REFERAT, KOMMUNEDIREKTØRFORUM – 16.09.2022" in first
    assert pane.check_list.count() == len(pane.problems)


def test_a_protocol_without_a_chair_says_so_and_a_click_goes_there(
    demo_window: MainWindow,
) -> None:
    from dataclasses import replace

    store = demo_window.store
    held = store.meetings.meeting_header(meeting_id(store, "TR 2022-09-30"))
    store.meetings.update_meeting(replace(held, chair_id=None))
    body = store.register.body(held.body_id)
    for seat in store.register.memberships(body_id=body.id):  # no leader to fall back on
        if seat.role.value == "leder":
            store.register.delete_membership(seat.id)
    demo_window.current_meeting_id = held.id
    demo_window.show_pane("Protokoll")
    pane = demo_window.minutes_pane
    pane.refresh()
    row = next(i for i, p in enumerate(pane.problems) if p.field is Spot.CHAIR)
    pane.check_list.setFocus()
    pane._on_problem_chosen(pane.check_list.item(row))
    assert pane.chair.hasFocus()
