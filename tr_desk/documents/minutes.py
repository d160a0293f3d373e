"""The minutes (referat / protokoll) and the extract of one case (særutskrift) as PDFs."""

from __future__ import annotations

from typing import Any

from tr_desk.core.minutes import ExtractContent, MinutesCase, MinutesContent
from tr_desk.documents.keep import CaseParts, keep_cases
from tr_desk.documents.markdown import has_content, inline_markup, markdown_flowables, paragraphs
from tr_desk.documents.page import (
    build_pdf,
    document_date,
    header_flowables,
    rule,
    signature_flowables,
    text_width,
)
from tr_desk.documents.styles import styles


def minutes_case_parts(case: MinutesCase, width: float, *, discussion: bool = True) -> CaseParts:
    """One case: heading, who introduced it, «Fra møtet», «Vedtak» in bold italics, the vote;
    the heading kept with the start of the text, «Vedtak» and the vote with its end."""
    from reportlab.platypus import Paragraph

    st = styles()
    heading = f"{inline_markup(case.number)}&nbsp;&nbsp;{inline_markup(case.title)}"
    head: list[Any] = paragraphs(heading, st["case"])
    if case.exemption:
        head += paragraphs(inline_markup(case.exemption), st["note"])
    for line in case.procedure:
        head += paragraphs(inline_markup(line), st["note"])
    body: list[Any] = []
    if discussion:
        intro = case.introduction if has_content(case.introduction) else ""
        if case.introduced:
            lead = inline_markup(case.introduced) + " "
            body += (
                markdown_flowables(intro, width, lead=lead)
                if intro
                else [Paragraph(lead.strip(), st["body"])]
            )
        elif intro:
            body += markdown_flowables(intro, width)
        if has_content(case.text):
            body += markdown_flowables(case.text, width)
        if has_content(case.notes):
            body += markdown_flowables(case.notes, width, lead="<b>Fra møtet:</b> ")
    for line in case.answers:
        body += paragraphs(inline_markup(line), st["body"])
    block: list[Any] = []
    if has_content(case.resolution):
        block += paragraphs("Vedtak:", st["label"])
        block += markdown_flowables(case.resolution, width, style="resolution")
    for line in (case.vote, *case.remarks, case.outcome):
        if line:
            block += paragraphs(inline_markup(line), st["note"])
    return CaseParts(head, body, block)


def _signatures(signatures: list[tuple[str, str, str]]) -> list[Any]:
    """Protokoll: chair and daglig leder side by side, «(sign)» above each name."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    if len(signatures) == 1 and not signatures[0][2]:
        return signature_flowables(signatures[0][0], signatures[0][1])
    cells = [
        Paragraph(
            f"{inline_markup(sign)}<br/>{inline_markup(name)}<br/>{inline_markup(title)}",
            st["body"],
        )
        for name, title, sign in signatures
    ]
    share = f"{100 / len(cells):.0f}%"  # of the frame's width, as the paragraphs have
    table = Table([cells], colWidths=[share] * len(cells), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 24),
            ]
        )
    )
    return [table]


def render_minutes(content: MinutesContent) -> bytes:
    """The referat or protokoll: header, attendance, every case, the signatures."""
    st = styles()
    width = text_width()
    flowables = header_flowables(content.title, content.header)
    if content.status_note:
        flowables += paragraphs(inline_markup(content.status_note), st["note"])
    for line in content.preamble:
        flowables += paragraphs(inline_markup(line), st["body"])
    parts = [minutes_case_parts(case, width) for case in content.cases]
    flowables += keep_cases(parts, rule, _signatures(content.signatures))
    footer = "Offentlig versjon" if content.public else ""
    dated = document_date(content.title, content.header)  # the minutes' «Dato»
    return build_pdf(flowables, content.title, footer, content.letterhead, dated=dated)


def render_extract(content: ExtractContent) -> bytes:
    """Særutskrift: the meeting, who took part, the case and its resolution, certified."""

    st = styles()
    flowables = header_flowables(content.title, content.header)
    closing = paragraphs(inline_markup(content.certified), st["signature"])
    closing += signature_flowables(*content.signature)
    case = minutes_case_parts(content.case, text_width(), discussion=False)
    flowables += keep_cases([case], rule, closing)
    return build_pdf(flowables, content.title, letterhead=content.letterhead)
