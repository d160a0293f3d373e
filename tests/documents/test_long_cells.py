"""A table cell or a follow-up longer than a page: every document still prints it whole.

A Markdown table cell of ~900 words gave ReportLab's LayoutError in the notice, the minutes,
the extract, the follow-up list and the mail (whose PDFs are the same documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.conftest import kf_meeting
from tests.pdftext import text_of
from tr_desk.app import documents
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
    made = {
        "notice": documents.notice_pdf(demo_store, meeting),
        "minutes": documents.minutes_pdf(demo_store, meeting),
        "public minutes": documents.minutes_pdf(demo_store, meeting, public=True),
        "extract": documents.extract_pdf(demo_store, meeting, 3),
        "followups": documents.followups_pdf(demo_store, "KF", dt.date(2022, 12, 1)),
    }
    for name, pdf in made.items():
        words = text_of(pdf).split()
        assert "post0" in words and "post899" in words, name  # the cell whole, over pages
    notice = text_of(made["notice"])
    assert "siste rad" in notice  # and the rows after it


def test_a_paragraph_of_a_million_characters_is_set_in_pieces_that_read_on() -> None:
    """ReportLab splits a long paragraph in quadratic time: a case text of one 1,000,000-
    character paragraph took four minutes to print (a fuzzer's hang); now it is set as
    pieces of at most ``CHUNK`` characters, cut at spaces, bold and italics carried over."""
    from tr_desk.documents.markdown import CHUNK, paragraphs
    from tr_desk.documents.page import render_document
    from tr_desk.documents.styles import styles

    markup = "<b>" + "ord " * 5000 + "</b> midt <i>" + "mer " * 5000 + "</i> slutten"
    pieces = paragraphs(markup, styles()["body"])
    assert len(pieces) > 3 and all(len(p.text) < CHUNK + 40 for p in pieces)
    for piece in pieces:
        assert piece.text.count("<b>") == piece.text.count("</b>")
        assert piece.text.count("<i>") == piece.text.count("</i>")
    assert "".join(p.getPlainText() for p in pieces).split() == (
        ["ord"] * 5000 + ["midt"] + ["mer"] * 5000 + ["slutten"]
    )
    from tests.pdftext import text_of

    text = text_of(render_document("# Lang\n\n" + "ordet " * 150_000 + "SISTEORD"))
    assert "SISTEORD\nSide 178 av 178" in text
