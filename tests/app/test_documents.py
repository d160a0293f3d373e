"""The letterhead: the organisation (and its logo) on page 1 of every document."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import kf_meeting
from tr_desk.app import documents
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store

# A 2×1 PNG, red and blue.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000020000000108020000007b40e8dd0000000d49444154789c63"
    "f8cf0004ff01070001ffe2239e590000000049454e44ae426082"
)


def every_document(store: Store) -> dict[str, bytes]:
    held, coming = kf_meeting(store, "2022-09-16"), kf_meeting(store, "2022-12-02")
    return {
        "innkalling": documents.notice_pdf(store, coming),
        "referat": documents.minutes_pdf(store, held),
        "særutskrift": documents.extract_pdf(store, held, 1),
        "møteplan": documents.plan_pdf(store, 2022),
    }


def test_every_document_has_the_letterhead_on_page_one(demo_store: Store, tmp_path) -> None:
    for kind, pdf in every_document(demo_store).items():
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert pages[0].extract_text().startswith("Trondheimsregionen\n"), kind
        assert all("Trondheimsregionen\n" not in p.extract_text()[:20] for p in pages[1:]), kind

    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    name = demo_store.files.store_image(logo)
    demo_store.settings.set_letterhead("Trondheimsregionen – interkommunalt samarbeid", name)
    for kind, pdf in every_document(demo_store).items():
        first = PdfReader(io.BytesIO(pdf)).pages[0]
        assert first.extract_text().startswith("Trondheimsregionen – interkommunalt"), kind
        assert len(first.images) == 1, kind


def test_a_logo_must_be_an_image(demo_store: Store, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"%PDF-1.4 not an image")
    with pytest.raises(StoreError, match="PNG- eller JPEG-bilde"):
        demo_store.files.store_image(fake)
    demo_store.settings.set_letterhead("", "../../etc/passwd")
    head = demo_store.settings.letterhead()
    assert head.name == "Trondheimsregionen" and head.logo == ""
