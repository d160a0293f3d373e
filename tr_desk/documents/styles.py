"""The house style of the documents (TR Desk's own, after the seeds), as data."""

from __future__ import annotations

from functools import cache
from typing import Any

from tr_desk.documents.fonts import register_fonts

BODY_SIZE = 10.5
LEADING = 14


@cache
def styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    family = register_fonts()
    base = ParagraphStyle(
        "body", fontName=family, fontSize=BODY_SIZE, leading=LEADING, spaceAfter=6,
        alignment=TA_LEFT, allowOrphans=0, allowWidows=0,  # never one line alone
    )  # fmt: skip
    return {
        "body": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=f"{family}-Bold",
            fontSize=14,
            leading=18,
            spaceAfter=14,
        ),
        "header": ParagraphStyle("header", parent=base, spaceAfter=3),
        "case": ParagraphStyle(
            "case",
            parent=base,
            fontName=f"{family}-Bold",
            fontSize=12,
            leading=15,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=True,
        ),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=f"{family}-Italic",
            spaceBefore=4,
            spaceAfter=2,
            keepWithNext=True,
        ),
        "attachment": ParagraphStyle(
            "attachment", parent=base, fontName=f"{family}-Italic", spaceAfter=3
        ),
        "proposal": ParagraphStyle("proposal", parent=base, fontName=f"{family}-Italic"),
        "resolution": ParagraphStyle("resolution", parent=base, fontName=f"{family}-BoldItalic"),
        "note": ParagraphStyle(
            "note", parent=base, fontName=f"{family}-Italic", textColor="#444444"
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11, spaceAfter=0),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=f"{family}-Bold", spaceBefore=6, keepWithNext=True
        ),
        "quote": ParagraphStyle("quote", parent=base, leftIndent=14, textColor="#333333"),
        "code": ParagraphStyle("code", parent=base, fontSize=9, leading=11, leftIndent=14),
        "signature": ParagraphStyle("signature", parent=base, spaceBefore=24, spaceAfter=0),
        "footer": ParagraphStyle("footer", parent=base, fontSize=8.5, textColor="#555555"),
    }
