"""The command line's message table: English for every code, filled by what its callers give,
never a Norwegian letter in it."""

from __future__ import annotations

from tests.core.messages.test_nb import check
from tr_desk.core.messages.en import ENGLISH


def test_every_code_has_its_english_text_filled_by_every_caller() -> None:
    check(ENGLISH)


def test_the_english_table_is_english() -> None:
    assert [t for t in ENGLISH.values() if any(c in t for c in "æøåÆØÅ«»")] == []
