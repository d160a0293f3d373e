"""The embedded font family (Liberation Sans): the built-in PDF fonts cannot print «Č Đ Ŋ Ŧ»."""

from __future__ import annotations

from functools import cache

from tr_desk.resources import resources_dir

FAMILY = "TRSans"
_FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSans-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSans-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family once, so that <b> and <i> pick the right faces; returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    return FAMILY
