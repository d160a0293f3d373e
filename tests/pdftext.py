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
