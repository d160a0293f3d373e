"""The embedded fonts: Liberation Sans for text (the built-in PDF fonts cannot print «Č Đ Ŋ Ŧ»),
and Symbola for what it lacks (emoji and symbols), so every character prints as typed."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from tr_desk.resources import resources_dir

FAMILY = "TRSans"
FALLBACK = "TRSymbols"
_FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSans-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSans-BoldItalic.ttf",
}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    ReportLab writes «<1F600>» for 😀, which PDF readers (and text extraction) reject; the
    PDF reference wants the UTF-16BE code units, «<D83DDE00>».
    """
    from reportlab.pdfbase import ttfonts

    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _units(code))

    text = ttfonts._original_makeToUnicodeCMap(fontname, subset)
    for i, code in enumerate(subset):
        if code > 0xFFFF:
            text = text.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16(code)}>")
    return str(text)


def _units(code: int) -> tuple[int, int]:
    code -= 0x10000
    return 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)


@cache
def register_fonts() -> str:
    """Register the family once, so that <b> and <i> pick the right faces; returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    if not hasattr(ttfonts, "_original_makeToUnicodeCMap"):
        ttfonts._original_makeToUnicodeCMap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap

    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    return FAMILY


@cache
def _covered() -> frozenset[int]:
    """The code points the text font has glyphs for."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(FAMILY).face.charToGlyph)


@cache
def _register_fallback() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FALLBACK, str(resources_dir() / "fonts" / "Symbola.ttf")))
    return FALLBACK


def text_markup(text: str) -> str:
    """User text as Paragraph markup: escaped, with runs the text font lacks set in Symbola."""
    covered = _covered()
    if covered.issuperset(map(ord, text)):
        return escape(text)
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if ord(ch) in covered or ch in "\n\t ":
            if run:
                out.append(f'<font face="{_register_fallback()}">{escape("".join(run))}</font>')
                run = []
            out.append(escape(ch))
        else:
            run.append(ch)
    if run:
        out.append(f'<font face="{_register_fallback()}">{escape("".join(run))}</font>')
    return "".join(out)
