"""The search's words: a query read as the user writes it, the snippet around a match."""

from __future__ import annotations

import pytest

from tr_desk.core.errors import UserError
from tr_desk.core.search import ANY_BODY, match_spans, parse_query, plain_text, snippet


def test_a_query_is_read_as_written() -> None:
    query = parse_query('energi* "Talent Attraction" -vindkraft KF 46/22 sak 3/21 12/20')
    assert query.words == ("energi*",) and query.phrases == ("Talent Attraction",)
    assert query.excluded == ("vindkraft",)
    assert query.numbers == ("KF 46/22", f"{ANY_BODY} 03/21", f"{ANY_BODY} 12/20")
    assert query.fts() is not None and '"vindkraft"' in (query.fts() or "")


@pytest.mark.parametrize("text", ["", "   ", "-bare -negative", "x" * 1001])
def test_an_empty_or_endless_query_is_refused(text: str) -> None:
    with pytest.raises(UserError):
        parse_query(text)


def test_the_snippet_marks_the_words_found() -> None:
    text = "**Samarbeid** om nye energistasjoner i regionen, og mer om energi."
    query = parse_query("energi*")
    found = snippet(plain_text(text), query)
    assert "energistasjoner" in found.text
    marked = [found.text[a:b] for a, b in found.marks]
    assert marked and all(m.casefold().startswith("energi") for m in marked)
    assert match_spans("Ingen treff her", query) == []
