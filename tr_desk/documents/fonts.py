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
    """The ToUnicode CMap of a font subset, as the PDF reference (and PDF/A-2u) wants it.

    ReportLab's own maps every code of the subset, the unused ones to U+0000 (PDF/A-2u
    forbids that value), in one block of up to 256 entries (the reference allows 100), and
    writes «<1F600>» for 😀 where readers (and text extraction) need the UTF-16BE code
    units, «<D83DDE00>». Codes that stand for nothing are left out.
    """

    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _units(code)) if code > 0xFFFF else f"{code:04X}"

    used = [(i, code) for i, code in enumerate(subset) if code not in (0, 0xFEFF, 0xFFFE)]
    blocks = []
    for start in range(0, len(used), 100):
        chunk = used[start : start + 100]
        blocks += [f"{len(chunk)} beginbfchar"]
        blocks += [f"<{i:02X}> <{utf16(code)}>" for i, code in chunk]
        blocks += ["endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{max(len(subset) - 1, 0):02X}>", "endcodespacerange",
        *blocks,
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])  # fmt: skip


def _units(code: int) -> tuple[int, int]:
    code -= 0x10000
    return 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)


@cache
def register_fonts() -> str:
    """Register the family once, so that <b> and <i> pick the right faces; returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

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
