"""Every font in every document TR Desk makes is embedded (what ``pdffonts`` would list as
emb=yes), also for inline code and Sami letters; no built-in PDF font is ever used."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.pdftext import flat, text_of
from tr_desk.app import documents
from tr_desk.core.model import Case
from tr_desk.storage.store import Store

SAMI = "Ánde Čilaš Ŋ Ž"


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on a page (also in form XObjects: stamps) → whether it is embedded."""
    found: dict[str, bool] = {}

    def walk(resources) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found


@pytest.fixture
def rich_store(demo_store: Store) -> Store:
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    text = f"Kode `{SAMI} x = 1` i teksten, 😀, og\n\n```\nblokk {SAMI}\n```"
    demo_store.agenda.update_case(replace(meeting.cases[3], text=text))
    return demo_store


def every_document(store: Store) -> dict[str, bytes]:
    kf = store.register.body_by_prefix("KF")
    december = store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))
    september = store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)))
    return {
        "innkalling": documents.notice_pdf(store, december),
        "sakspapirer": documents.notice_pdf(store, december, bundle=True),
        "offentlig": documents.notice_pdf(store, december, public=True, bundle=True),
        "referat": documents.minutes_pdf(store, september),
        "særutskrift": documents.extract_pdf(store, september, 3),
        "møteplan": documents.plan_pdf(store, 2022),
    }


def test_no_font_is_left_unembedded(rich_store: Store) -> None:
    for name, pdf in every_document(rich_store).items():
        used = fonts(pdf)
        assert used, name
        assert all(used.values()), (name, used)


def test_inline_code_and_sami_letters_print(rich_store: Store) -> None:
    kf = rich_store.register.body_by_prefix("KF")
    december = rich_store.meetings.meeting(
        rich_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    text = flat(text_of(documents.notice_pdf(rich_store, december)))
    assert f"Kode {SAMI} x = 1 i teksten" in text
    assert f"blokk {SAMI}" in text


def test_an_invited_name_not_in_the_register_stays_in_innkalt(demo_store: Store, tmp_path) -> None:
    import json

    from tr_desk.app.meeting_files import load_file

    path = tmp_path / "m.json"
    path.write_text(json.dumps({
        "body": "KF", "date": "2027-02-05", "start": "08:30", "end": "11:30", "place": "Rådhuset",
        "invited": ["Bård Eidet", "Ola Utenfor-Registeret"],
        "cases": [Case("x").__dict__ | {"attachments": [], "exclusions": [], "answers": [],
                                        "kind": "ordinær", "exempt": None, "vote": None,
                                        "outcome": None, "id": None, "number": None}][:0],
    }), encoding="utf-8")  # fmt: skip
    meeting_id, _, warnings = load_file(demo_store, path)
    assert any("Ola Utenfor-Registeret" in w for w in warnings)
    meeting = demo_store.meetings.meeting(meeting_id)
    text = flat(text_of(documents.notice_pdf(demo_store, meeting)))
    assert "Innkalt: Bård Eidet, Ola Utenfor-Registeret." in text
    from tr_desk.core.checks.notice import check_notice

    found = check_notice(demo_store.context(meeting))
    assert any(p.where == "Innkalt" and "Ola Utenfor-Registeret" in p.message for p in found)
    # The meeting file gives the name back as written.
    from tr_desk.cli.common import meeting_json

    assert meeting_json(demo_store, meeting)["invited"] == ["Bård Eidet", "Ola Utenfor-Registeret"]
