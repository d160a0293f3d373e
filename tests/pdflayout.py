"""Where things are on a PDF's pages, as a reader of the paper sees them: lines of text with
their font, size and extent, and the strokes (rules, table lines). Read with pypdf; a text's
width comes from our own fonts' metrics (the PDF's font names map to the registered ones)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader

from tr_desk.documents.fonts import FALLBACK, FAMILY, register_fonts

_FACES = {
    "LiberationSans": FAMILY,
    "LiberationSans-Bold": f"{FAMILY}-Bold",
    "LiberationSans-Italic": f"{FAMILY}-Italic",
    "LiberationSans-BoldItalic": f"{FAMILY}-BoldItalic",
    "Symbola": FALLBACK,
}


@dataclass
class Run:
    """One piece of text as drawn: where it starts and ends, in which face and size."""

    text: str
    x0: float
    x1: float
    y: float
    font: str  # the PDF's BaseFont without the subset tag, e.g. "LiberationSans-Bold"
    size: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    strokes: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0 y0 x1 y1

    def lines(self, above: float = 0.0) -> list[list[Run]]:
        """The runs grouped by baseline (within 1 pt), top of the page first; only those above
        ``above`` (to leave out the page's footer)."""
        out: list[list[Run]] = []
        for run in sorted((r for r in self.runs if r.y > above), key=lambda r: (-r.y, r.x0)):
            if out and abs(out[-1][0].y - run.y) < 1.0:
                out[-1].append(run)
            else:
                out.append([run])
        return out


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    name = _FACES.get(font)
    if name is None:  # not one of ours: no metrics, count half an em a character
        return len(text) * size * 0.5
    return float(stringWidth(text, name, size))


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


class _Reader:
    """One page's content stream, as pypdf's visitors report it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.path: list[tuple[float, float]] = []
        self.segments: list[tuple[float, float, float, float]] = []
        self.spacing = [0.0]  # the word spacing (Tw) in force, per saved graphics state

    def text(self, value: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not value.strip() or font is None:
            return
        matrix = [
            tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
            tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3],
            tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
        ]  # fmt: skip
        scale = (matrix[0] ** 2 + matrix[1] ** 2) ** 0.5
        name = re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont", "")).lstrip("/"))
        for part in value.splitlines():
            if part.strip():
                x0, y = matrix[4], matrix[5]
                drawn = part.rstrip()
                x1 = x0 + _width(drawn, name, size * scale)
                x1 += drawn.count(" ") * self.spacing[-1] * scale  # ReportLab squeezes with Tw
                self.page.runs.append(Run(part.strip(), x0, x1, y, name, size * scale))

    def operand(self, op: bytes, args: list[Any], cm: list[float], _tm: list[float]) -> None:
        if op == b"Tw":
            self.spacing[-1] = float(args[0])
        elif op == b"q":
            self.spacing.append(self.spacing[-1])
        elif op == b"Q" and len(self.spacing) > 1:
            self.spacing.pop()
        elif op == b"m":
            self.path[:] = [_apply(cm, float(args[0]), float(args[1]))]
        elif op == b"l" and self.path:
            end = _apply(cm, float(args[0]), float(args[1]))
            self.segments.append((*self.path[-1], *end))
            self.path.append(end)
        elif op == b"re":
            x, y, w, h = (float(a) for a in args)
            (ax, ay), (bx, by) = _apply(cm, x, y), _apply(cm, x + w, y + h)
            self.segments.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
        elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):  # painted
            self.page.strokes.extend(self.segments)
            self.segments.clear()
            self.path.clear()
        elif op == b"n":  # a clipping path, or nothing: not on the paper
            self.segments.clear()
            self.path.clear()


def layout(pdf: bytes) -> list[Page]:
    """Every page's text runs and strokes, in page coordinates (points, origin bottom left)."""
    pages: list[Page] = []
    for number, source in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        box = source.mediabox
        reader = _Reader(Page(number, float(box.width), float(box.height)))
        source.extract_text(visitor_text=reader.text, visitor_operand_before=reader.operand)
        pages.append(reader.page)
    return pages
