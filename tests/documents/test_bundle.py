"""The notice with its attachments as one PDF: stamped, bookmarked."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from tests.conftest import kf_meeting
from tests.pdftext import one_page_pdf
from tr_desk.core.notice import notice_content
from tr_desk.documents.bundle import render_bundle
from tr_desk.documents.notice import render_notice
from tr_desk.storage.store import Store


def test_bundle_has_the_attachments_stamped_and_bookmarked(demo_store: Store, tmp_path) -> None:
    meeting = kf_meeting(demo_store, "2022-12-02")
    for index, name in ((2, "prosjekt"), (5, "skisse")):
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(one_page_pdf(f"Innhold i {name}"))
        case = meeting.cases[index]
        stored = demo_store.files.import_attachment(source)
        attachments = [replace(case.attachments[0], file=stored), *case.attachments[1:]]
        demo_store.agenda.update_case(replace(case, attachments=attachments))
    meeting = kf_meeting(demo_store, "2022-12-02")
    content = notice_content(demo_store.context(meeting))
    notice = render_notice(content)
    bundle = render_bundle(content, notice, demo_store.files.read_attachment)
    reader = PdfReader(io.BytesIO(bundle))
    notice_pages = len(PdfReader(io.BytesIO(notice)).pages)
    assert len(reader.pages) == notice_pages + 2
    attachment_pages = [p.extract_text() for p in reader.pages[notice_pages:]]
    assert "Innhold i prosjekt" in attachment_pages[0] and "Vedlegg 2" in attachment_pages[0]
    assert "Innhold i skisse" in attachment_pages[1] and "Vedlegg 3" in attachment_pages[1]
    titles = [
        item.title if not isinstance(item, list) else [i.title for i in item]
        for item in reader.outline
    ]
    assert titles[0] == "Innkalling, kommunedirektørforum – 02.12.2022"
    assert "KF 46/22 Samarbeid om energistasjoner – oppfølging fra KF-sak 51/21" in titles
    assert ["Vedlegg 2: Prosjektbeskrivelse"] in titles


def test_every_page_of_a_long_attachment_is_stamped_once_per_size(demo_store: Store) -> None:
    """Every page stamped, with one stamp per attachment and page size: a stamp made per page
    made the bundle slow and embedded the stamp's font once for every page."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842), invariant=1)
    for n in range(6):
        if n == 3:
            canvas.setPageSize((842, 595))  # a landscape page in the middle
        canvas.drawString(72, 500, f"Side {n + 1} av budsjettet")
        canvas.showPage()
    canvas.save()
    meeting = kf_meeting(demo_store, "2022-12-02")
    case = meeting.cases[2]
    demo_store.agenda.update_case(
        replace(case, attachments=[replace(case.attachments[0], file="budsjett.pdf")])
    )
    content = notice_content(demo_store.context(kf_meeting(demo_store, "2022-12-02")))
    notice = render_notice(content)
    files = {"budsjett.pdf": buffer.getvalue()}
    reader = PdfReader(io.BytesIO(render_bundle(content, notice, files.__getitem__)))
    pages = reader.pages[len(PdfReader(io.BytesIO(notice)).pages) :]
    texts = [p.extract_text() for p in pages]
    assert all(f"Side {n + 1} av budsjettet" in t and "Vedlegg 2" in t for n, t in enumerate(texts))
    assert float(pages[3].mediabox.width) == 842 and float(pages[0].mediabox.width) == 595
    fonts = {
        font.idnum
        for page in pages
        for font in page["/Resources"].get_object()["/Font"].get_object().values()
    }
    assert len(fonts) <= 3  # the attachment's own, and the stamp's for each page size


def damaged_pdfs() -> dict[str, bytes]:
    """PDFs a probe attached: each crashed ``load`` or, accepted, the bundle."""
    from pypdf import PdfWriter

    good = one_page_pdf("Vedlegget")
    writer = PdfWriter(clone_from=io.BytesIO(good))
    writer.encrypt(user_password="hemmelig", owner_password="eier", algorithm="AES-256")
    locked = io.BytesIO()
    writer.write(locked)
    return {
        "kuttet": good[: len(good) // 2],
        "passord": locked.getvalue(),
        "uten sider": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        "nuller": b"%PDF-1.4\n" + bytes(200_000),
    }


def test_a_damaged_attachment_is_refused_when_added(demo_store: Store, tmp_path) -> None:
    from tr_desk.core.errors import UserError

    for name, data in damaged_pdfs().items():
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(data)
        try:
            demo_store.files.import_attachment(source)
        except UserError as exc:
            assert f"{name}.pdf" in str(exc), exc
        else:
            raise AssertionError(f"{name} was accepted")
    assert not list(demo_store.files.attachments_dir.glob("*.partial"))


def test_a_bundle_names_an_attachment_it_cannot_join(demo_store: Store) -> None:
    """A file damaged after it was stored (or stored by an older TR Desk) made the bundle
    crash in ``add_page``/``write``; now the bundle names it."""
    import hashlib

    from tr_desk.documents.bundle import MissingAttachment

    meeting = kf_meeting(demo_store, "2022-12-02")
    case = meeting.cases[2]
    for data in damaged_pdfs().values():
        name = hashlib.sha256(data).hexdigest() + ".pdf"
        demo_store.files.attachments_dir.mkdir(exist_ok=True)
        (demo_store.files.attachments_dir / name).write_bytes(data)
        attachments = [replace(case.attachments[0], file=name), *case.attachments[1:]]
        demo_store.agenda.update_case(replace(case, attachments=attachments))
        content = notice_content(demo_store.context(kf_meeting(demo_store, "2022-12-02")))
        try:
            render_bundle(content, render_notice(content), demo_store.files.read_attachment)
        except MissingAttachment as exc:
            assert str(exc).startswith(f"Vedlegg 2 «{case.attachments[0].title}» (KF 46/22)")
        else:
            raise AssertionError("the bundle was made")
