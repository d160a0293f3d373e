"""The Oppfølging pane: every decision's follow-up items, one body's list as its document,
a click on an item's case opening that case."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from tests.conftest import kf_meeting
from tests.ui.meeting.test_pane import demo_window  # noqa: F401 - fixture
from tr_desk.core.model import FollowUp
from tr_desk.storage.followups import add_followup
from tr_desk.ui.followups.pane import FollowUpPane
from tr_desk.ui.window.main_window import MainWindow


def test_one_bodys_list_is_the_panes_document_and_an_item_opens_its_case(
    demo_window: MainWindow,
) -> None:
    store = demo_window.store
    case = kf_meeting(store, "2022-09-16").cases[3]
    assert case.id is not None
    add_followup(store, case.id, FollowUp("Utred kostnadene", due=dt.date(2022, 12, 1)))
    demo_window.show_pane("Oppfølging")
    pane = demo_window.panes_built["Oppfølging"]
    assert isinstance(pane, FollowUpPane)
    pane.refresh()
    assert pane.document() is None  # «Alle organer»: a list is one body's
    pane.body.setCurrentIndex(pane.body.findData("KF"))
    pane.body.activated.emit(pane.body.currentIndex())
    document = pane.document()
    assert document is not None and document[1].startswith("KF-oppfolgingsliste-")
    text = "".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(document[0])).pages)
    assert "Utred kostnadene" in text
    row = next(
        r
        for r in range(pane.model.rowCount())
        if pane.model.record(r).item.what == "Utred kostnadene"
    )
    pane.table.selectRow(row)
    pane.open_current_case()  # attached to the window: the case opens in its pane
    assert demo_window.current_meeting_id == kf_meeting(store, "2022-09-16").id
