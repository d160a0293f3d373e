"""Markdown of the case texts as ReportLab flowables: escaped, lists and tables kept, a very
long paragraph set in pieces that read on."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Table

from tr_desk.documents.markdown import (
    CHUNK,
    has_content,
    inline_markup,
    markdown_flowables,
    paragraphs,
)
from tr_desk.documents.page import text_width
from tr_desk.documents.styles import styles


def test_plain_text_is_escaped_and_keeps_its_lines() -> None:
    assert inline_markup("A & B <c>\nny linje") == "A &amp; B &lt;c&gt;<br/>ny linje"
    assert not has_content("- ") and not has_content("") and has_content("Tekst")


def test_lists_tables_and_emphasis_become_flowables() -> None:
    text = "Innledning med **fet** tekst.\n\n- ett\n- to\n\n| Post | Beløp |\n|---|---|\n| Drift | 100 |"
    flowables = markdown_flowables(text, text_width(), lead="<b>Sak:</b> ")
    first = flowables[0]
    assert isinstance(first, Paragraph) and first.text.startswith("<b>Sak:</b> Innledning")
    assert "<b>fet</b>" in first.text
    assert any(isinstance(f, Table) for f in flowables)


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_space_with_its_tags_closed() -> None:
    markup = "<b>" + "ordet " * (CHUNK // 3) + "</b>"
    pieces = paragraphs(markup, styles()["body"])
    assert len(pieces) > 1
    for piece in pieces:
        assert piece.text.count("<b>") == piece.text.count("</b>")
        assert len(piece.text) <= CHUNK + 20
    assert "".join(p.text.replace("<b>", "").replace("</b>", "") for p in pieces) == (
        markup.replace("<b>", "").replace("</b>", "")
    )
