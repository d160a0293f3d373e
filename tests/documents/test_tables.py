"""Column widths from the content: short columns keep their text on one line, the long ones
share the rest so that the table is as short as it can be, and the table fills the text
block and never leaves it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tr_desk.documents.tables import fit_columns

WIDTH = 470.0


def test_a_name_and_a_date_stay_on_one_line() -> None:
    rows = [
        ("Sak", "Oppfølging", "Ansvarlig", "Frist"),
        ("KF 35/22 (16.09.2022)\nBærekraftig massehåndtering i Trondheimsregionen",
         "Følge opp prosjektet Bærekraftig massehåndtering i tråd med det som foreslås i "
         "saken; høringsutkast til Regionrådet 16.12.2022.", "Bård Eidet", "16.12.2022"),
    ]  # fmt: skip
    widths = fit_columns(rows, WIDTH, 9, 6, bold_rows=1)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tr_desk.documents.fonts import FAMILY

    assert widths[2] >= stringWidth("Bård Eidet", FAMILY, 9) + 6
    assert widths[3] >= stringWidth("16.12.2022", FAMILY, 9) + 6
    assert sum(widths) == pytest.approx(WIDTH)
    # The two long columns share the rest: neither is squeezed to a word a line.
    assert min(widths[0], widths[1]) > 100


def test_short_text_is_spread_over_the_whole_width() -> None:
    widths = fit_columns([("Kommune", "Andel"), ("Malvik", "5 %")], WIDTH, 9, 8)
    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[0] > widths[1]


def test_words_too_long_for_the_block_share_it_by_their_length() -> None:
    widths = fit_columns([("x" * 200, "y" * 100)], WIDTH, 9, 8)
    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[0] > widths[1]


def test_ragged_and_empty_tables() -> None:
    assert fit_columns([], WIDTH, 9, 8) == []
    widths = fit_columns([("a", "b", "c"), ("d",)], WIDTH, 9, 8)
    assert len(widths) == 3 and sum(widths) == pytest.approx(WIDTH)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet="ab cdæø\n", max_size=120), min_size=1, max_size=5),
        min_size=1, max_size=12,
    )
)  # fmt: skip
def test_the_table_never_leaves_the_text_block(rows: list[list[str]]) -> None:
    widths = fit_columns(rows, WIDTH, 9, 8, bold_rows=1)
    assert len(widths) == max(len(row) for row in rows)
    assert all(w > 0 for w in widths)
    assert sum(widths) <= WIDTH + 1e-6


def test_a_long_table_is_shared_by_its_text() -> None:
    """Many rows: the widths follow the text's length (the grid search is for short tables)."""
    rows = [(f"Sak nummer {i}", "tekst " * (i % 40 + 20), "navn", "dato " * 3) for i in range(900)]
    widths = fit_columns(rows, WIDTH, 9, 8)
    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[1] == max(widths)
