"""The Oppfølgingsliste as a PDF in the house style: the open items of one body, by due date."""

from __future__ import annotations

from typing import Any

from tr_desk.core.followups import FollowUpList
from tr_desk.documents.markdown import inline_markup
from tr_desk.documents.page import build_pdf, header_flowables, text_width
from tr_desk.documents.styles import styles
from tr_desk.documents.tables import fit_columns

HEADINGS = ("Sak", "Oppfølging", "Ansvarlig", "Frist", "Status")


def render_followups(content: FollowUpList) -> bytes:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    flowables: list[Any] = header_flowables(content.title, content.header)
    if content.rows:

        def cell(text: str, bold: bool = False) -> Any:
            markup = "<br/>".join(inline_markup(part) for part in text.split("\n"))
            return Paragraph(f"<b>{markup}</b>" if bold else markup, st["cell"])

        data = [[cell(h, bold=True) for h in HEADINGS]]
        data += [[cell(value) for value in row] for row in content.rows]
        texts = [list(HEADINGS), *([str(value) for value in row] for row in content.rows)]
        widths = fit_columns(texts, text_width(), st["cell"].fontSize, 6, bold_rows=1)
        table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    # Our font on the table too: ReportLab's default is Helvetica, a built-in
                    # PDF font that is never embedded.
                    ("FONT", (0, 0), (-1, -1), st["cell"].fontName, st["cell"].fontSize),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#555555")),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#b5b5b5")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    # The first column's text starts at the margin, as the headings do.
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("LEFTPADDING", (1, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ]
            )
        )
        flowables.append(table)
    if content.note:
        flowables.append(Paragraph(inline_markup(content.note), st["note"]))
    return build_pdf(flowables, content.title, letterhead=content.letterhead)
