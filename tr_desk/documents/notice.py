"""The notice (innkalling) as a PDF in the house style of the seeds."""

from __future__ import annotations

from typing import Any

from tr_desk.core.notice import NoticeCase, NoticeContent
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


def case_flowables(case: NoticeCase, width: float) -> list[Any]:
    """One case of the notice: heading, «Vedlegg N», «Sak:», «Forslag til vedtak:»."""
    from reportlab.platypus import Paragraph

    st = styles()
    heading = f"{inline_markup(case.number)}&nbsp;&nbsp;{inline_markup(case.title)}"
    if case.withdrawn:
        heading += " (trukket)"
    out: list[Any] = paragraphs(heading, st["case"])
    if case.withdrawn:
        out += paragraphs("Saken er trukket.", st["note"])
        return out
    if case.exemption:
        out += paragraphs(inline_markup(case.exemption), st["note"])
    if case.follows:
        out += paragraphs(f"Oppfølging av sak {inline_markup(case.follows)}.", st["note"])
    if case.postponed_from:
        line = f"Utsatt fra sak {inline_markup(case.postponed_from)}."
        out += paragraphs(line, st["note"])
    if case.closed:
        out += paragraphs(inline_markup(case.closed), st["note"])
    if case.history:
        out += paragraphs(f"Tidligere behandling: {inline_markup(case.history)}.", st["note"])
    for attachment in case.attachments:
        out.append(
            Paragraph(
                f"Vedlegg {attachment.number}: {inline_markup(attachment.title)}", st["attachment"]
            )
        )
    if has_content(case.text):
        out += markdown_flowables(case.text, width, lead="<b>Sak:</b> ")
    if case.presenter:
        out += paragraphs(f"Presenteres av {inline_markup(case.presenter)}.", st["note"])
    if has_content(case.proposal):
        out += paragraphs("Forslag til vedtak:", st["label"])
        out += markdown_flowables(case.proposal, width, style="proposal")
    return out


def render_notice(content: NoticeContent) -> bytes:
    """The notice PDF: header, every case, the daglig leder's name and title."""
    width = text_width()
    flowables = header_flowables(content.title, content.header)
    if content.lead:
        flowables += paragraphs(inline_markup(content.lead), styles()["body"])
    for case in content.cases:
        flowables.append(rule())
        flowables += case_flowables(case, width)
    flowables += signature_flowables(*content.signature)
    footer = "Offentlig versjon" if content.public else ""
    dated = document_date(content.title, content.header)  # the notice's «Dato»
    return build_pdf(flowables, content.title, footer, content.letterhead, dated=dated)
