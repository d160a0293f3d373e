"""Markdown (case texts, notes, resolutions) to ReportLab flowables.

Raw HTML is not interpreted (markdown-it with ``html`` off prints it as text), and every piece
of user text is escaped before it reaches a Paragraph: «R&D <utkast>» prints as typed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from tr_desk.documents.fonts import text_markup
from tr_desk.documents.keep import keep_short_list
from tr_desk.documents.styles import styles
from tr_desk.documents.tables import fit_columns

_TAGS = {
    "strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>",
    "s_open": "<strike>", "s_close": "</strike>",
}  # fmt: skip
_LINKABLE = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)


@cache
def markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(
        ["table", "strikethrough"]
    )


def inline_markup(text: str) -> str:
    """Plain text as Paragraph markup: escaped, line breaks kept."""
    return text_markup(text).replace("\n", "<br/>")


CHUNK = 6000  # characters of markup in one Paragraph: ReportLab splits a long one in
# quadratic time (a paragraph of 200,000 characters took 8 s, one of 1,000,000 four minutes)
_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*?(/?)>")


def paragraphs(markup: str, style: Any) -> list[Any]:
    """``markup`` as Paragraphs: one, or for a very long paragraph several of at most about
    ``CHUNK`` characters that read on from each other (cut at a space; tags open at a cut
    are closed and opened again; no space between the pieces)."""
    from reportlab.platypus import Paragraph

    if len(markup) <= CHUNK:
        return [Paragraph(markup, style)]
    pieces: list[str] = []
    start, open_tags = 0, list[tuple[str, str]]()  # (name, the tag as written)
    while start < len(markup):
        end = len(markup) if len(markup) - start <= CHUNK else _cut(markup, start + CHUNK)
        piece = "".join(tag for _, tag in open_tags) + markup[start:end]
        for match in _TAG.finditer(markup, start, end):
            if match[3] or match[2].lower() in ("br", "img"):
                continue
            if match[1]:
                if open_tags:
                    open_tags.pop()
            else:
                open_tags.append((match[2], match[0]))
        piece += "".join(f"</{name}>" for name, _ in reversed(open_tags))
        pieces.append(piece)
        start = end
    return [
        Paragraph(piece, _continued(style, i == 0, i == len(pieces) - 1))
        for i, piece in enumerate(pieces)
    ]


def _cut(markup: str, at: int) -> int:
    """Where to cut a long paragraph near ``at``: after a space outside a tag or an entity."""
    for where in range(at, max(at - CHUNK // 2, 0), -1):
        if markup[where - 1] == " " and markup.rfind("<", 0, where) <= markup.rfind(">", 0, where):
            return where
    tag = markup.rfind("<", 0, at)  # one long word: cut it, but never inside a tag or entity
    at = tag if tag > markup.rfind(">", 0, at) else at
    entity = markup.rfind("&", 0, at)
    return entity if entity > markup.rfind(";", 0, at) and at - entity < 10 else at


@cache
def _continued_style(style: Any, first: bool, last: bool) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"{style.name}-{first:d}{last:d}", parent=style,
        spaceBefore=style.spaceBefore if first else 0, spaceAfter=style.spaceAfter if last else 0,
        firstLineIndent=style.firstLineIndent if first else 0,
    )  # fmt: skip


def _continued(style: Any, first: bool, last: bool) -> Any:
    return style if first and last else _continued_style(style, first, last)


def _inline(token: Any) -> str:
    """One inline token's children as ReportLab mini-markup."""
    out: list[str] = []
    links: list[bool] = []  # whether each open link became a real one
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            out.append(text_markup(child.content))
        elif kind == "code_inline":
            # The embedded text font, never a built-in PDF font (Courier is not embedded and
            # cannot print Sami letters): code is set off by colour only.
            out.append(f'<font color="#444444">{text_markup(child.content)}</font>')
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br/>")
        elif kind in _TAGS:
            out.append(_TAGS[kind])
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            if _LINKABLE.match(href):
                out.append(f'<a href="{escape(href, {chr(34): "&quot;"})}" color="#1a4f8b"><u>')
                links.append(True)
            else:  # «#», «sak.pdf»: ReportLab would look for a page anchor and fail
                links.append(False)
        elif kind == "link_close":
            if links and links.pop():
                out.append("</u></a>")
        elif kind == "image":
            out.append(text_markup(child.content or ""))
        elif child.content:
            out.append(text_markup(child.content))
    return "".join(out)


class _Builder:
    def __init__(self, tokens: list[Any], width: float, lead: str, style: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.width = width
        self.lead = lead  # «<b>Sak:</b> » before the first paragraph
        self.style = style

    def next(self) -> Any:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def blocks(self, until: str | None = None, style: str | None = None) -> list[Any]:
        from reportlab.platypus import Preformatted, Spacer

        st = styles()
        style = style or self.style
        flowables: list[Any] = []
        while self.pos < len(self.tokens):
            token = self.next()
            kind = token.type
            if until is not None and kind == until:
                break
            if kind == "paragraph_open":
                inline = self.next()
                self.next()  # paragraph_close
                markup = _inline(inline)
                if self.lead:
                    markup, self.lead = self.lead + markup, ""
                flowables += paragraphs(markup, st[style])
            elif kind == "heading_open":
                inline = self.next()
                self.next()
                flowables += paragraphs(_inline(inline), st["heading"])
            elif kind in ("bullet_list_open", "ordered_list_open"):
                flowables.append(self.list(token, style))
            elif kind == "blockquote_open":
                flowables += self.blocks("blockquote_close", "quote")
            elif kind == "table_open":
                flowables += [self.table(), Spacer(1, 8)]
            elif kind in ("fence", "code_block"):
                flowables.append(Preformatted(token.content.rstrip("\n"), st["code"]))
            elif kind == "hr":
                flowables.append(Spacer(1, 6))
        return flowables

    def list(self, opening: Any, style: str) -> Any:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import ListFlowable, ListItem

        ordered = opening.type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        items = []
        while self.pos < len(self.tokens):
            token = self.next()
            if token.type == closing:
                break
            if token.type == "list_item_open":
                content = self.blocks("list_item_close", style)
                if content:  # «- » left as a placeholder prints nothing
                    items.append(content)
        if not items:
            return _empty()
        start = int(opening.attrGet("start") or 1) if ordered else None
        font, size = styles()[style].fontName, styles()[style].fontSize
        # The text is indented by the widest bullet and a gap, so that «1.» or «10.» sits
        # inside the text block, left-aligned at the margin.
        widest = f"{(start or 1) + len(items) - 1}." if ordered else "–"
        indent = max(14.0, stringWidth(widest, font, size) + 6)
        listed = ListFlowable(
            [ListItem(content, leftIndent=indent) for content in items],
            bulletType="1" if ordered else "bullet", start=start if ordered else "–",
            bulletFormat="%s." if ordered else None, leftIndent=indent,
            bulletFontName=font, bulletFontSize=size,
        )  # fmt: skip
        return keep_short_list(listed, len(items))

    def table(self) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Table, TableStyle

        cell = styles()["cell"]
        rows: list[list[Any]] = []
        aligns: list[list[str]] = []
        header_rows = 0
        in_head = False
        while self.pos < len(self.tokens):
            token = self.next()
            if token.type == "table_close":
                break
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                rows.append([])
                aligns.append([])
                header_rows += in_head
            elif token.type in ("th_open", "td_open"):
                inline = self.next()
                style_attr = str(token.attrGet("style") or "")
                align = (
                    "RIGHT"
                    if "right" in style_attr
                    else "CENTER"
                    if "center" in style_attr
                    else "LEFT"
                )
                markup = _inline(inline)
                if token.type == "th_open" and markup:
                    markup = f"<b>{markup}</b>"
                pieces = paragraphs(markup or "&nbsp;", cell)
                rows[-1].append(pieces[0] if len(pieces) == 1 else pieces)
                aligns[-1].append(align)
        if not rows:
            return _empty()
        columns = max(len(r) for r in rows)
        for row, row_aligns in zip(rows, aligns, strict=True):
            while len(row) < columns:
                row.append(Paragraph("", cell))
                row_aligns.append("LEFT")
        texts = [[_plain(cell) for cell in row] for row in rows]
        widths = fit_columns(texts, self.width, cell.fontSize, 8, bold_rows=header_rows)
        commands: list[tuple[Any, ...]] = [
            # ReportLab sets each cell's font before drawing it: ours, not Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), styles()["body"].fontName),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header_rows:
            commands.append(
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#ececec"))
            )
        for r, row_aligns in enumerate(aligns):
            for c, where in enumerate(row_aligns):
                if where != "LEFT":
                    rows[r][c].style = _aligned(where)
        return Table(
            rows,
            colWidths=widths,
            repeatRows=header_rows,
            style=TableStyle(commands),
            hAlign="LEFT",
            splitInRow=1,  # a cell taller than a page goes on over the next (was a LayoutError)
        )


def _aligned(where: str) -> Any:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"cell-{where}",
        parent=styles()["cell"],
        alignment=TA_RIGHT if where == "RIGHT" else TA_CENTER,
    )


def _plain(cell: Any) -> str:
    """The plain text of a cell: a Paragraph, or the pieces of a long one."""
    pieces = cell if isinstance(cell, list) else [cell]
    return "".join(piece.getPlainText() for piece in pieces)


def _empty() -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, 0)


_PLACEHOLDER = re.compile(r"[\s\-*+•.]*")


def has_content(text: str) -> bool:
    """False for empty texts and placeholders such as «- » or «- .» from the seeds."""
    return not _PLACEHOLDER.fullmatch(text or "")


def markdown_flowables(text: str, width: float, lead: str = "", style: str = "body") -> list[Any]:
    """Flowables for ``text``; ``lead`` (markup) goes before its first paragraph."""
    from reportlab.platypus import Paragraph

    tokens = markdown_parser().parse(text or "")
    joins = bool(tokens) and tokens[0].type == "paragraph_open"
    flowables = _Builder(tokens, width, lead if joins else "", style).blocks()
    if lead and not joins:  # a list, a table or nothing first: the lead stands alone
        flowables.insert(0, Paragraph(lead.strip(), styles()[style]))
    return flowables
