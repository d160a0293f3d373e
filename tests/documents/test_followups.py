"""The Oppfølgingsliste as a PDF: the body's open items in a table, the letterhead on top."""

from __future__ import annotations

import datetime as dt

from tests.core.test_followups import TODAY, line
from tests.pdftext import flat, text_of
from tr_desk.core.followups import followup_list
from tr_desk.core.model import Letterhead
from tr_desk.documents.followups import render_followups


def test_the_list_prints_each_open_item() -> None:
    lines = [line("Utrede kostnader", dt.date(2023, 2, 1)), line("Uten frist", None)]
    content = followup_list(lines, "Kommunedirektørforum", TODAY, Letterhead("Trondheimsregionen"))
    text = flat(text_of(render_followups(content)))
    assert text.startswith("Trondheimsregionen")
    assert "Utrede kostnader" in text and "01.02.2023 (forfalt)" in text and "KF 35/22" in text
