"""PDF/A-2 for what TR Desk issues and stores, checked by a validator made for it
(page-validation, which passes the veraPDF and Isartor corpora): every kind of document as
PDF/A-2u, the sakspapirer as PDF/A-2b, the stored notices and attachments too; an attachment
that is not PDF/A leaves the bundle without the claim and is named; same data, same bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zlib

import page
import pytest

from tests.documents.test_layout import every_kind
from tests.pdftext import one_page_pdf
from tr_desk.app import documents
from tr_desk.core.model import Attachment, Case
from tr_desk.documents.pdfa import archival, claims_pdfa, xmp_date
from tr_desk.storage.store import Store

PROFILES = {"U": page.ValidationProfile.PDF_A_2U, "B": page.ValidationProfile.PDF_A_2B}


def failures(pdf: bytes, conformance: str = "U") -> list[str]:
    report = page.validate_pdf_bytes(pdf, profile=PROFILES[conformance])
    return [f"{f.rule_id}: {f.message}" for f in report.failures]


def test_every_kind_of_document_is_pdfa_2u(demo_store: Store) -> None:
    for kind, pdf in every_kind(demo_store).items():
        conformance = "B" if kind == "sakspapirer" else "U"  # attachments: PDF/A-2b at best
        assert claims_pdfa(pdf), kind
        assert failures(pdf, conformance) == [], kind


def test_the_stored_notices_and_attachments_are_pdfa(store: Store, clock) -> None:
    from tr_desk.app.meeting_files import load_demo

    load_demo(store)  # as «tr-desk demo»: its attachments, typeset from Markdown, are stored
    body = store.register.body_by_prefix("KF")
    today = clock.today()
    day = today + dt.timedelta(days=(4 - today.weekday()) % 7 + 14)
    meeting_id = store.meetings.create_meeting(body.id, day)
    store.agenda.insert_case(meeting_id, Case("Første sak", proposal="Tas til orientering."), 0)
    for case in store.meetings.meeting(meeting_id).cases:
        if not case.proposal:
            store.agenda.update_case(dataclasses.replace(case, proposal="Tas til orientering."))
    documents.issue_notice(store, meeting_id, clock.now())
    store.agenda.insert_case(meeting_id, Case("Tilleggssak", proposal="Uttalelsen sendes."), 5)
    documents.issue_supplement(store, meeting_id, clock.now())
    stored = sorted(store.notices_dir.glob("*.pdf")) + sorted(store.attachments_dir.glob("*.pdf"))
    assert len(stored) >= 6  # notice, supplement (each full and public), attachments
    for path in stored:
        assert failures(path.read_bytes()) == [], path.name


def test_an_attachment_that_is_not_pdfa_is_named_and_the_bundle_claims_nothing(
    demo_store: Store,
) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    name = demo_store.files.store_attachment(one_page_pdf("Et vanlig vedlegg"), "vanlig.pdf")
    case = meeting.cases[3]
    demo_store.agenda.update_case(
        dataclasses.replace(case, attachments=[*case.attachments, Attachment("Vanlig", file=name)])
    )
    named: list[tuple[str, int, str]] = []
    pdf = documents.notice_pdf(
        demo_store, demo_store.meetings.meeting(meeting.id), bundle=True, not_archival=named
    )
    assert [title for _, _, title in named] == ["Vanlig"]
    assert not claims_pdfa(pdf)
    demo_store.agenda.update_case(case)  # without it, the bundle is PDF/A again
    named.clear()
    pdf = documents.notice_pdf(
        demo_store, demo_store.meetings.meeting(meeting.id), bundle=True, not_archival=named
    )
    assert named == [] and claims_pdfa(pdf) and failures(pdf, "B") == []


def test_the_same_data_gives_the_same_bytes(demo_store: Store) -> None:
    first, second = every_kind(demo_store), None
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    again = documents.notice_pdf(demo_store, meeting)
    second = documents.notice_pdf(demo_store, meeting)
    assert again == second
    assert archival(first["møteplan"]) == archival(first["møteplan"])


def test_a_stream_ending_in_a_carriage_return_is_written_so_pdfa_reads_it() -> None:
    """1 in 256 compressed streams ends in CR (the last byte of its checksum): found here
    on purpose, in a one-page document's content."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    from tr_desk.documents.fonts import register_fonts

    register_fonts()
    # The checksum's last byte is the byte sum's: «a» (97, odd) walks every value of it.
    text = next(
        t
        for t in (b"BT /F1 12 Tf 72 700 Td (Linje" + b"a" * i + b") Tj ET" for i in range(256))
        if zlib.compress(t)[-1:] == b"\r"
    )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(archival(one_page_pdf("x")))))
    content = StreamObject()
    content.set_data(text)
    content = content.flate_encode()
    assert content._data.endswith(b"\r")
    writer.pages[0][NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    fixed = archival(buffer.getvalue())
    assert not [f for f in failures(fixed) if "STREAM" in f]


@pytest.mark.parametrize(
    ("pdf_date", "xmp"),
    [
        ("D:20221125000000+00'00'", "2022-11-25T00:00:00+00:00"),
        ("D:20221125093000+01'00'", "2022-11-25T09:30:00+01:00"),
        ("D:20221125093000Z", "2022-11-25T09:30:00Z"),
        ("not a date", ""),
    ],
)
def test_xmp_dates_say_what_the_information_dictionary_says(pdf_date: str, xmp: str) -> None:
    assert xmp_date(pdf_date) == xmp


def test_sami_letters_symbols_and_emoji_keep_pdfa_2u(demo_store: Store) -> None:
    """Every character with its Unicode value, also those set in the symbol font."""
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    text = "Kode `Ánde Čilaš Ŋ Ž` i teksten, 😀 ☎ ✓\n\n| a | b |\n|---|---|\n| 😀 | Ŧ |"
    demo_store.agenda.update_case(
        dataclasses.replace(meeting.cases[3], text=text, proposal="Vedtak med 😀 og «sitat»")
    )
    pdf = documents.notice_pdf(demo_store, demo_store.meetings.meeting(meeting.id))
    assert failures(pdf) == []
