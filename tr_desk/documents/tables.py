"""Column widths from the content, as a word processor's «tilpass til innhold» and a browser's
automatic table layout share the width: every column gets at least its longest word, and what
is left goes to the columns in proportion to how much more their text would take on one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from tr_desk.documents.fonts import register_fonts


def _measure(text: str, font: str, size: float) -> tuple[float, list[float]]:
    """The text's longest word and the width of each of its lines, in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = [stringWidth(word, font, size) for word in text.split()]
    lines = [stringWidth(line.strip(), font, size) for line in text.splitlines()]
    return max(words, default=0.0), lines


def fit_columns(
    rows: Sequence[Sequence[str]],
    width: float,
    size: float,
    padding: float,
    bold_rows: int = 0,
) -> list[float]:
    """Widths for the columns of ``rows`` (plain text; the first ``bold_rows`` set in bold)
    that fill ``width``. ``padding`` is a cell's left plus right padding."""
    family = register_fonts()
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return []
    least = [padding] * columns
    most = [padding] * columns
    lines: list[list[list[float]]] = [[] for _ in range(columns)]  # column → row → line widths
    for r, row in enumerate(rows):
        font = f"{family}-Bold" if r < bold_rows else family
        for c in range(columns):
            word, line_widths = _measure(row[c] if c < len(row) else "", font, size)
            least[c] = max(least[c], word + padding)
            most[c] = max(most[c], max(line_widths, default=0.0) + padding)
            lines[c].append(line_widths)
    if sum(least) >= width:  # even the longest words do not fit: share by them
        return [width * w / sum(least) for w in least]
    if sum(most) <= width:  # everything fits on one line: the rest in proportion
        return [width * w / sum(most) for w in most]
    # Water-filling: a column whose text fits in a fair share of what is left gets all it
    # needs (a name, a date on one line); the long ones share the rest.
    widths: dict[int, float] = {}
    while True:
        open_ = [c for c in range(columns) if c not in widths]
        room = width - sum(widths.values())
        if not open_:
            break
        fits = [c for c in open_ if most[c] <= room / len(open_)]
        if not fits:
            break
        widths.update((c, most[c]) for c in fits)
    open_ = [c for c in range(columns) if c not in widths]
    room = width - sum(widths.values())
    widths.update(zip(open_, _share(open_, room, least, lines, padding), strict=True))
    out = [widths[c] for c in range(columns)]
    return [w * min(1.0, width / sum(out)) for w in out]  # never wider than the text block


STEPS = 24  # the grid the long columns' shares are tried on
MAX_CELLS = 600  # beyond this many long cells, a table is shared by its text's length alone


def _share(
    open_: list[int], room: float, least: list[float], lines: list[list[list[float]]],
    padding: float,
) -> list[float]:  # fmt: skip
    """``room`` shared by the long columns so that the table is as short as it can be (the
    fewest lines of text, row by row), none narrower than its longest word; by their text's
    length alone when there are many long columns or cells."""
    total = [sum(sum(cell) for cell in column) or 1.0 for column in (lines[c] for c in open_)]
    best = [max(least[c], room * t / sum(total)) for c, t in zip(open_, total, strict=True)]
    if len(open_) == 1:
        return [room]
    if len(open_) > 3 or sum(len(lines[c]) for c in open_) > MAX_CELLS:
        return best

    def height(widths: tuple[float, ...]) -> tuple[int, int]:
        """The table's lines, then (between equals) the lines in all its cells."""
        cells = [
            [_lines(lines[c][r], w - padding) for c, w in zip(open_, widths, strict=True)]
            for r in range(len(lines[open_[0]]))
        ]
        return sum(map(max, cells)), sum(map(sum, cells))

    def grid(n: int, left: float) -> list[tuple[float, ...]]:
        if n == 1:
            return [(left,)]
        return [
            (w, *rest)
            for step in range(1, STEPS)
            for w in [left * step / STEPS]
            for rest in grid(n - 1, left - w)
        ]

    tried: list[tuple[float, ...]] = [
        t for t in grid(len(open_), room)
        if all(w >= least[c] for c, w in zip(open_, t, strict=True))
    ]  # fmt: skip
    chosen, shortest = tuple(best), None
    for widths in tried:
        found = height(widths)
        if shortest is None or found < shortest:
            chosen, shortest = widths, found
    return list(chosen)


def _lines(cell: list[float], width: float) -> int:
    """How many lines a cell's text lines (their widths in points) take in ``width``."""
    import math

    return sum(max(1, math.ceil(line * 1.08 / max(width, 1.0))) for line in cell) or 1
