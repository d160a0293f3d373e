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


def test_the_table_sits_in_the_text_block_in_an_embedded_font() -> None:
    """No built-in Helvetica (not embedded), nothing left of the margin, text ≥ 9 pt."""
    import io

    from pypdf import PdfReader

    from tr_desk.documents.page import MARGIN_MM

    lines = [line("Utrede kostnader " * 6, dt.date(2023, 2, 1)), line("Uten frist", None)]
    content = followup_list(lines, "Kommunedirektørforum", TODAY, Letterhead("Trondheimsregionen"))
    reader = PdfReader(io.BytesIO(render_followups(content)))
    left, sizes = [], []

    def visit(text, cm, tm, _font, size) -> None:
        if text.strip():
            left.append(tm[4] * cm[0] + cm[4])
            sizes.append(size * tm[0])

    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "Helvetica" not in str(font["/BaseFont"]), font["/BaseFont"]
        page.extract_text(visitor_text=visit)
    margin = MARGIN_MM / 25.4 * 72
    assert min(left) >= margin - 0.5, (min(left), margin)
    assert min(sizes) >= 8.5  # «Side N av M» is the smallest, 8.5 pt; the table's text 9
