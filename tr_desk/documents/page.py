"""The page every document is printed on: A4 with the seeds' margins, «Side N av M» and a
footer («Offentlig versjon»), the title block, the rule between cases, the signature; and a
plain document typeset from Markdown (the demo's attachments)."""

from __future__ import annotations

import io
from typing import Any

from tr_desk.documents.markdown import inline_markup, markdown_flowables
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


def render_document(markdown: str) -> bytes:
    """A plain document from Markdown (its first «# » line is the title), in the house style."""
    lines = markdown.strip().splitlines()
    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else ""
    body = "\n".join(lines[1:] if title else lines)
    flowables = header_flowables(title, []) if title else []
    flowables += markdown_flowables(body, text_width())
    return build_pdf(flowables, title)
