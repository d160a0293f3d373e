"""The page every document is printed on: A4, «Side N av M», the footer, the title block."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.pdftext import flat, text_of
from tr_desk.documents.page import build_pdf, header_flowables, render_document, text_width


def test_every_page_is_numbered_of_the_total_and_carries_the_footer() -> None:
    from reportlab.platypus import PageBreak, Paragraph

    from tr_desk.documents.styles import styles

    body = styles()["body"]
    flowables = [Paragraph("En", body), PageBreak(), Paragraph("To", body)]
    pdf = build_pdf(flowables, "Tittel", footer="Offentlig versjon")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    pages = [flat(page.extract_text()) for page in reader.pages]
    assert "Side 1 av 2" in pages[0] and "Side 2 av 2" in pages[1]
    assert all("Offentlig versjon" in page for page in pages)
    assert reader.metadata is not None and reader.metadata.title == "Tittel"


def test_the_same_input_gives_the_same_bytes() -> None:
    flowables = header_flowables("Referat", [("Dato", "02.12.2022")])
    assert build_pdf(list(flowables), "Referat") == build_pdf(
        header_flowables("Referat", [("Dato", "02.12.2022")]), "Referat"
    )


def test_a_markdown_document_takes_its_title_from_the_first_heading() -> None:
    pdf = render_document("# Prosjektbeskrivelse\n\nTekst med **fet** skrift.\n\n- ett\n- to")
    text = flat(text_of(pdf))
    assert text.startswith("Prosjektbeskrivelse Tekst med fet skrift.")
    assert "Side 1 av 1" in text and "Offentlig versjon" not in text
    assert 400 < text_width() < 480  # A4 less the seeds' margins, in points


def test_a_pdf_is_created_on_the_documents_own_date() -> None:
    """Not 1 January 2000: the «Dato» line, else the date in the title; same bytes twice."""
    import datetime as dt

    from tr_desk.documents.page import document_date

    header = [("Dato", "25.11.2022"), ("Sted", "Rådhuset")]
    title = "INNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022"
    assert document_date(title, header) == dt.date(2022, 11, 25)
    assert document_date(title) == dt.date(2022, 12, 2)
    assert document_date("MØTEPLAN 2023") is None
    assert document_date("Per 31.02.2022") is None  # not a real day
    pdf = build_pdf(header_flowables(title, header), title, dated=dt.date(2022, 11, 25))
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert (
        info["/CreationDate"].startswith("D:20221125") and info["/ModDate"] == info["/CreationDate"]
    )
    assert pdf == build_pdf(header_flowables(title, header), title, dated=dt.date(2022, 11, 25))
    titled = PdfReader(io.BytesIO(build_pdf(header_flowables(title, []), title))).metadata
    assert titled["/CreationDate"].startswith("D:20221202")
