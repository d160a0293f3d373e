"""The notice (innkalling) as a PDF in the house style of the seeds."""

from __future__ import annotations

import io
from typing import Any

from tr_desk.core.notice import NoticeCase, NoticeContent
from tr_desk.documents.markdown import has_content, inline_markup, markdown_flowables
from tr_desk.documents.styles import styles

MARGIN_MM = 22


def _page_size() -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4

    return A4  # type: ignore[no-any-return]


def numbered_canvas(footer: str) -> Any:
    """A canvas class that prints «Side N av M» (and ``footer``) once the page count is known."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from tr_desk.documents.fonts import register_fonts

    family = register_fonts()

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The page's starting font is ours too: ReportLab's default is Helvetica, a
            # built-in PDF font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or family
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(family, 8.5)
                self.setFillColorRGB(0.33, 0.33, 0.33)
                self.drawRightString(
                    width - MARGIN_MM * mm, 12 * mm, f"Side {self._pageNumber} av {total}"
                )
                if footer:
                    self.drawString(MARGIN_MM * mm, 12 * mm, footer)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(flowables: list[Any], title: str, footer: str = "") -> bytes:
    """Typeset ``flowables`` on A4 with page numbers; the same input gives the same bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=_page_size(),
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=title,
        author="Trondheimsregionen",
        creator="TR Desk",
        invariant=1,
    )
    doc.build(flowables, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def text_width() -> float:
    from reportlab.lib.units import mm

    return float(_page_size()[0] - 2 * MARGIN_MM * mm)


def case_flowables(case: NoticeCase, width: float) -> list[Any]:
    """One case of the notice: heading, «Vedlegg N», «Sak:», «Forslag til vedtak:»."""
    from reportlab.platypus import Paragraph

    st = styles()
    heading = f"{inline_markup(case.number)}&nbsp;&nbsp;{inline_markup(case.title)}"
    if case.withdrawn:
        heading += " (trukket)"
    out: list[Any] = [Paragraph(heading, st["case"])]
    if case.withdrawn:
        out.append(Paragraph("Saken er trukket.", st["note"]))
        return out
    if case.exemption:
        out.append(Paragraph(inline_markup(case.exemption), st["note"]))
    if case.follows:
        out.append(Paragraph(f"Oppfølging av sak {inline_markup(case.follows)}.", st["note"]))
    if case.postponed_from:
        line = f"Utsatt fra sak {inline_markup(case.postponed_from)}."
        out.append(Paragraph(line, st["note"]))
    for attachment in case.attachments:
        out.append(
            Paragraph(
                f"Vedlegg {attachment.number}: {inline_markup(attachment.title)}", st["attachment"]
            )
        )
    if has_content(case.text):
        out += markdown_flowables(case.text, width, lead="<b>Sak:</b> ")
    if case.presenter:
        out.append(Paragraph(f"Presenteres av {inline_markup(case.presenter)}.", st["note"]))
    if has_content(case.proposal):
        out.append(Paragraph("Forslag til vedtak:", st["label"]))
        out += markdown_flowables(case.proposal, width, style="proposal")
    return out


def header_flowables(title: str, header: list[tuple[str, str]]) -> list[Any]:
    from reportlab.platypus import Paragraph

    st = styles()
    out: list[Any] = [Paragraph(inline_markup(title), st["title"])]
    for label, value in header:
        out.append(
            Paragraph(f"<b>{inline_markup(label)}:</b> {inline_markup(value)}", st["header"])
        )
    return out


def signature_flowables(name: str, title: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    st = styles()
    return [Paragraph(f"{inline_markup(name)}<br/>{inline_markup(title)}", st["signature"])]


def rule() -> Any:
    from reportlab.lib import colors
    from reportlab.platypus.flowables import HRFlowable

    return HRFlowable(
        width="100%", thickness=0.5, color=colors.HexColor("#b5b5b5"), spaceBefore=6, spaceAfter=2
    )


def render_notice(content: NoticeContent) -> bytes:
    """The notice PDF: header, every case, the daglig leder's name and title."""
    width = text_width()
    flowables = header_flowables(content.title, content.header)
    for case in content.cases:
        flowables.append(rule())
        flowables += case_flowables(case, width)
    flowables += signature_flowables(*content.signature)
    footer = "Offentlig versjon" if content.public else ""
    return build_pdf(flowables, content.title, footer)


def render_document(markdown: str) -> bytes:
    """A plain document from Markdown (its first «# » line is the title), in the house style."""
    lines = markdown.strip().splitlines()
    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else ""
    body = "\n".join(lines[1:] if title else lines)
    flowables = header_flowables(title, []) if title else []
    flowables += markdown_flowables(body, text_width())
    return build_pdf(flowables, title)
