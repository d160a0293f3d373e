"""A table cell or a follow-up longer than a page: every document still prints it whole.

A Markdown table cell of ~900 words gave ReportLab's LayoutError in the notice, the minutes,
the extract, the follow-up list and the mail (whose PDFs are the same documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.conftest import kf_meeting
from tests.pdftext import text_of
from tr_desk import actions
from tr_desk.core.model import FollowUp
from tr_desk.storage.followups import add_followup
from tr_desk.storage.store import Store

LONG = " ".join(f"post{n}" for n in range(900))


def test_a_cell_longer_than_a_page_goes_on_over_the_next(demo_store: Store) -> None:
    meeting = kf_meeting(demo_store, "2022-09-16")
    case = meeting.cases[3]
    table = f"| Post | Merknad |\n|---|---|\n| Drift | {LONG} |\n| Slutt | siste rad |"
    demo_store.agenda.update_case(replace(case, text=table, resolution=table))
    add_followup(demo_store, case.id, FollowUp(f"Følg opp {LONG}", due=dt.date(2022, 12, 1)))
    meeting = kf_meeting(demo_store, "2022-09-16")
    documents = {
        "notice": actions.notice_pdf(demo_store, meeting),
        "minutes": actions.minutes_pdf(demo_store, meeting),
        "public minutes": actions.minutes_pdf(demo_store, meeting, public=True),
        "extract": actions.extract_pdf(demo_store, meeting, 3),
        "followups": actions.followups_pdf(demo_store, "KF", dt.date(2022, 12, 1)),
    }
    for name, pdf in documents.items():
        words = text_of(pdf).split()
        assert "post0" in words and "post899" in words, name  # the cell whole, over pages
    notice = text_of(documents["notice"])
    assert "siste rad" in notice  # and the rows after it
