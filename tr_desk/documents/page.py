"""The page every document is printed on: A4 with the seeds' margins, «Side N av M» and a
footer («Offentlig versjon»), the title block, the rule between cases, the signature; and a
plain document typeset from Markdown (the demo's attachments)."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from tr_desk.core.model import Letterhead
from tr_desk.documents.keep import together_class
from tr_desk.documents.markdown import inline_markup, markdown_flowables
from tr_desk.documents.pdfa import archival
from tr_desk.documents.styles import styles

MARGIN_MM = 22
FRAME_PAD = 6  # points above and below the text in the frame


def _nothing(*_: Any) -> None:
    pass


def _page_size() -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4

    return A4  # type: ignore[no-any-return]


_DAY = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


def document_date(title: str, header: list[tuple[str, str]] | None = None) -> dt.date | None:
    """The document's own date: its «Dato» line, else the last date in its title («… –
    02.12.2022», «Oppfølgingsliste per 25.11.2022»); None when it names none."""
    for text in [value for label, value in header or [] if label == "Dato"] + [title]:
        found = _DAY.findall(text)
        if found:
            day, month, year = (int(part) for part in found[-1])
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def numbered_canvas(footer: str, dated: dt.date | None = None) -> Any:
    """A canvas class that prints «Side N av M» (and ``footer``) once the page count is known;
    the PDF's creation date is ``dated`` (the document's own date: true, and the same bytes
    for the same data), else ReportLab's fixed one."""
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
            if dated is not None:
                stamp = f"D:{dated:%Y%m%d}000000+00'00'"
                self._doc.info._dateFormatter = lambda *_: stamp
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


def draw_letterhead(canvas: Any, letterhead: Letterhead) -> None:
    """The organisation's name (and logo) above the title on page 1, as on a municipal letter."""
    from reportlab.lib.units import mm

    from tr_desk.documents.fonts import register_fonts

    width, height = _page_size()
    family = register_fonts()
    canvas.saveState()
    left = MARGIN_MM * mm
    if letterhead.logo:
        try:
            from reportlab.lib.utils import ImageReader

            image = ImageReader(letterhead.logo)
            w, h = image.getSize()
            box_h = 12 * mm
            box_w = min(45 * mm, box_h * w / h) if h else 0
            canvas.drawImage(image, left, height - 17 * mm, box_w, box_h, mask="auto",
                             preserveAspectRatio=True, anchor="sw")  # fmt: skip
            left += box_w + 4 * mm
        except (OSError, ValueError):  # a logo gone or unreadable: the name alone
            pass
    if letterhead.name:
        canvas.setFont(f"{family}-Bold", 11)
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        canvas.drawString(left, height - 12.5 * mm, letterhead.name)
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_MM * mm, height - 19 * mm, width - MARGIN_MM * mm, height - 19 * mm)
    canvas.restoreState()


def build_pdf(
    flowables: list[Any],
    title: str,
    footer: str = "",
    letterhead: Letterhead | None = None,
    author: str = "",
    dated: dt.date | None = None,
) -> bytes:
    """Typeset ``flowables`` on A4 with page numbers, the letterhead on page 1, as PDF/A-2u;
    the same input gives the same bytes. The PDF's author is ``author``, else the
    letterhead's name."""
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=_page_size(),
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=(24 if letterhead is not None else 20) * mm,
        bottomMargin=22 * mm,
        title=title,
        author=author or (letterhead.name if letterhead is not None else ""),
        creator="TR Desk",
        invariant=1,
        keepTogetherClass=together_class(),  # measures our keepers inside a chain
    )
    # One text block from margin to margin, as in the Word documents: the frame has no
    # padding at the sides (ReportLab's default of 6 pt set the text inside the letterhead's
    # rule and the footer), only the usual 6 pt above and below.
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text",
        leftPadding=0, rightPadding=0, topPadding=FRAME_PAD, bottomPadding=FRAME_PAD,
    )  # fmt: skip
    letter = (lambda canvas, _doc: draw_letterhead(canvas, letterhead)) if letterhead else None
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=letter or _nothing, autoNextPageTemplate="next"),
            PageTemplate("next", [frame]),
        ]
    )
    doc.build(flowables, canvasmaker=numbered_canvas(footer, dated or document_date(title)))
    return archival(buffer.getvalue())  # PDF/A-2u


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


def render_document(markdown: str, author: str = "") -> bytes:
    """A plain document from Markdown (its first «# » line is the title), in the house style;
    ``author`` (the organisation) in its metadata."""
    lines = markdown.strip().splitlines()
    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else ""
    body = "\n".join(lines[1:] if title else lines)
    flowables = header_flowables(title, []) if title else []
    flowables += markdown_flowables(body, text_width())
    return build_pdf(flowables, title, author=author)
