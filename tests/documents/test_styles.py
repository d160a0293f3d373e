"""The house style: one font family embedded, the sizes the seeds use."""

from __future__ import annotations

from tr_desk.documents.styles import BODY_SIZE, styles


def test_every_style_is_of_the_embedded_family() -> None:
    found = styles()
    assert {"body", "title", "header", "note", "signature"} <= set(found)
    family = found["body"].fontName
    assert all(s.fontName.startswith(family) for s in found.values())
    assert found["body"].fontSize == BODY_SIZE and found["title"].fontSize > BODY_SIZE
    assert styles() is found  # made once
