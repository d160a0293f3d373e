"""Attachment files: kept once under their content's hash, their text indexed, only a stored
name read back; the logo beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdftext import one_page_pdf
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000020000000108020000007b40e8dd0000000d49444154789c63"
    "f8cf0004ff01070001ffe2239e590000000049454e44ae426082"
)


def test_an_attachment_is_kept_once_by_its_hash_and_read_back(store: Store) -> None:
    pdf = one_page_pdf("Budsjett 2027")
    name = store.files.store_attachment(pdf, "Budsjett")
    assert name == store.files.store_attachment(pdf, "Budsjett")  # the same file once
    assert name.endswith(".pdf") and store.files.has_attachment(name)
    assert store.files.read_attachment(name) == pdf
    text = store.rows("SELECT text FROM attachment_text WHERE file = ?", [name])
    assert "Budsjett 2027" in text[0]["text"]
    store.files.forget_attachment(name)  # no case names it: it goes
    assert not store.files.has_attachment(name)


def test_only_a_stored_name_is_read_and_only_a_pdf_kept(store: Store, tmp_path: Path) -> None:
    for name in ("../tr-desk.sqlite", "/etc/passwd", "x.pdf"):
        with pytest.raises(StoreError):
            store.files.read_attachment(name)
        assert store.files.attachment_path(name) is None
    with pytest.raises(StoreError):
        store.files.store_attachment(b"%PDF-1.4 not really", "Ødelagt")


def test_the_logo_is_a_png_or_jpeg(store: Store, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    name = store.files.store_image(logo)
    assert store.files.image_path(name) is not None and name.endswith(".png")
    text = tmp_path / "logo.txt"
    text.write_text("not an image", encoding="utf-8")
    with pytest.raises(StoreError):
        store.files.store_image(text)
