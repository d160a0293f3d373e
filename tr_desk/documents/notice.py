"""The notice (innkalling) as a PDF in the house style of the seeds."""

from __future__ import annotations

from typing import Any

from tr_desk.core.notice import NoticeCase, NoticeContent
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


def case_parts(case: NoticeCase, width: float) -> CaseParts:
    """One case of the notice: heading, «Vedlegg N», «Sak:», «Forslag til vedtak:» (the heading
    is kept with the start of the text, the proposal with its end)."""
    from reportlab.platypus import Paragraph

    st = styles()
    heading = f"{inline_markup(case.number)}&nbsp;&nbsp;{inline_markup(case.title)}"
    if case.withdrawn:
        heading += " (trukket)"
    head: list[Any] = paragraphs(heading, st["case"])
    if case.withdrawn:
        return CaseParts(head, paragraphs("Saken er trukket.", st["note"]))
    notes = [
        inline_markup(case.exemption) if case.exemption else "",
        f"Oppfølging av sak {inline_markup(case.follows)}." if case.follows else "",
        f"Utsatt fra sak {inline_markup(case.postponed_from)}." if case.postponed_from else "",
        inline_markup(case.closed) if case.closed else "",
        f"Tidligere behandling: {inline_markup(case.history)}." if case.history else "",
    ]
    for note in filter(None, notes):
        head += paragraphs(note, st["note"])
    for attachment in case.attachments:
        line = f"Vedlegg {attachment.number}: {inline_markup(attachment.title)}"
        head.append(Paragraph(line, st["attachment"]))
    body: list[Any] = []
    if has_content(case.text):
        body += markdown_flowables(case.text, width, lead="<b>Sak:</b> ")
    if case.presenter:
        body += paragraphs(f"Presenteres av {inline_markup(case.presenter)}.", st["note"])
    block: list[Any] = []
    if has_content(case.proposal):
        block += paragraphs("Forslag til vedtak:", st["label"])
        block += markdown_flowables(case.proposal, width, style="proposal")
    return CaseParts(head, body, block)


def render_notice(content: NoticeContent) -> bytes:
    """The notice PDF: header, every case, the daglig leder's name and title."""
    width = text_width()
    flowables = header_flowables(content.title, content.header)
    if content.lead:
        flowables += paragraphs(inline_markup(content.lead), styles()["body"])
    parts = [case_parts(case, width) for case in content.cases]
    flowables += keep_cases(parts, rule, signature_flowables(*content.signature))
    footer = "Offentlig versjon" if content.public else ""
    dated = document_date(content.title, content.header)  # the notice's «Dato»
    return build_pdf(flowables, content.title, footer, content.letterhead, dated=dated)
