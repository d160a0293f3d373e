"""The text a reader finds in a PDF, as the tests look for it."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def text_of(pdf: bytes | Path) -> str:
    """Every page's text (pypdf), one page after another."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "\n".join(page.extract_text() for page in PdfReader(source).pages)


def flat(text: str) -> str:
    """Runs of white space (line breaks too) as one space."""
    return " ".join(text.split())


def one_page_pdf(text: str) -> bytes:
    """A one-page PDF that says ``text``: an attachment for a test."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 700, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
