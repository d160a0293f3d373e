"""Sakspapirer: the notice, then each attachment after it in agenda order, stamped «Vedlegg N»."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from tr_desk.core.errors import UserError
from tr_desk.core.notice import NoticeContent
from tr_desk.documents.fonts import register_fonts
from tr_desk.documents.pdfa import archival, claims_pdfa
from tr_desk.inputs import open_pdf

if TYPE_CHECKING:
    from pypdf import PageObject


class MissingAttachment(Exception):
    """An attachment's file is not there; the bundle would be incomplete."""


def _stamp(text: str, width: float, height: float) -> bytes:
    """A one-page PDF with ``text`` in a box in the top right corner, its right edge where
    the text block of our own pages ends."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from tr_desk.documents.page import MARGIN_MM

    family = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=family)
    canvas.setFont(f"{family}-Bold", 10)
    text_width = canvas.stringWidth(text, f"{family}-Bold", 10)
    x, y = width - MARGIN_MM * mm - text_width - 6, height - 30
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setStrokeColorRGB(0.3, 0.3, 0.3)
    canvas.rect(x - 6, y - 5, text_width + 12, 18, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawString(x, y, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_bundle(
    content: NoticeContent,
    notice_pdf: bytes,
    read: Callable[[str], bytes],
    generated: Mapping[int, bytes] | None = None,
    skipped: list[tuple[str, int, str]] | None = None,
    not_archival: list[tuple[str, int, str]] | None = None,
) -> bytes:
    """Join the notice and the attachment files; ``read`` gives a stored file's bytes (or
    raises). ``generated`` holds PDFs made by TR Desk itself by attachment number (the
    previous minutes for the approval case), used where the attachment has no file of its own.

    Every attachment comes from ``content``: a public notice's content has been through the
    gate, so an exempt case brings no file. An attachment with no file is left out and listed
    in ``skipped`` as (case number, «Vedlegg N», title) — not for an exempt case in a public
    bundle, where leaving it out is the point.
    The whole is PDF/A-2b when every attachment says it is PDF/A (1 or 2); one that does not
    is listed in ``not_archival`` as (case number, «Vedlegg N», title), and the whole makes
    no PDF/A claim (a warning: the papers can be sent, not archived as they are).
    Raises MissingAttachment naming the first attachment whose file is missing or unreadable.
    """
    from pypdf import PdfReader, PdfWriter

    archival_parts = True
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(notice_pdf)), import_outline=False)
    writer.add_outline_item(title=content.title.capitalize(), page_number=0)
    for case in content.cases:
        parent = None
        for attachment in case.attachments:
            made = (generated or {}).get(attachment.number)
            if not attachment.file and made is None:
                if skipped is not None and not (content.public and case.exemption):
                    skipped.append((case.number, attachment.number, attachment.title))
                continue
            named = f"Vedlegg {attachment.number} «{attachment.title}» ({case.number})"
            first = len(writer.pages)
            label = f"Vedlegg {attachment.number}"
            try:
                data = made if made is not None else read(attachment.file or "")
                reader = open_pdf(data, label)
                if not claims_pdfa(reader):
                    archival_parts = False
                    if not_archival is not None:
                        not_archival.append((case.number, attachment.number, attachment.title))
                stamps: dict[tuple[float, float], PageObject] = {}  # one per page size
                for page in reader.pages:
                    size = _size(page)
                    if size not in stamps:
                        stamps[size] = PdfReader(io.BytesIO(_stamp(label, *size))).pages[0]
                    writer.add_page(page).merge_page(stamps[size])
            except UserError as exc:
                raise MissingAttachment(f"{named}: {exc.english}") from None
            except Exception as exc:  # pypdf raises many kinds on a damaged file
                raise MissingAttachment(f"{named}: {type(exc).__name__}: {exc}"[:300]) from None
            if parent is None:
                parent = writer.add_outline_item(
                    title=f"{case.number} {case.title}", page_number=first
                )
            writer.add_outline_item(
                title=f"{label}: {attachment.title}", page_number=first, parent=parent
            )
    # The document's own metadata, never an attachment's.
    writer.metadata = None
    writer.add_metadata(
        {"/Title": content.title, "/Author": content.letterhead.name, "/Creator": "TR Desk"}
    )
    buffer = io.BytesIO()
    try:
        writer.write(buffer)
    except Exception as exc:  # a damaged attachment's objects, found only when written
        raise MissingAttachment(
            f"et vedlegg kunne ikke settes sammen med resten ({type(exc).__name__}: {exc})"[:300]
        ) from None
    return archival(buffer.getvalue(), "B" if archival_parts else None)


def _size(page: PageObject) -> tuple[float, float]:
    """A page's size for its stamp; a page with a box no printer has is refused."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    if not (1 <= abs(width) <= 14400 and 1 <= abs(height) <= 14400):
        raise ValueError(f"a page of {width:g} × {height:g} points")
    return abs(width), abs(height)
