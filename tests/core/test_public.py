"""Offentleglova's promise: what is exempt appears in no public output.

One canary string goes into every field of an exempt case; every output in
``app.public_outputs.PUBLIC_OUTPUTS`` (the one list the window and the command line publish through) is
searched for it — extracted text, decompressed content streams, outlines, metadata, raw bytes —
for the meeting itself and for the next meeting, whose case papers carry these minutes.
"""

from __future__ import annotations

import io
from dataclasses import replace
from urllib.parse import unquote

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from tests.pdftext import flat, text_of
from tr_desk.app import documents
from tr_desk.app.public_outputs import PUBLIC_OUTPUTS
from tr_desk.core.model import (
    Answer,
    Attachment,
    Attendance,
    AttendanceStatus,
    Case,
    Exclusion,
    ExclusionKind,
    Exemption,
    FollowUp,
    Meeting,
    MeetingMode,
    Vote,
)
from tr_desk.core.public import public_case
from tr_desk.documents.page import render_document
from tr_desk.storage.database import StoreError
from tr_desk.storage.followups import add_followup
from tr_desk.storage.store import Store

CANARY = "KANARIFUGL"
PUBLIC_TITLE = "Personalsak"
BASIS = "offl. § 13 jf. fvl. § 13 første ledd nr. 1"


def canary(field: str) -> str:
    return f"{CANARY}-{field}"


def make_exempt(store: Store, meeting: Meeting, index: int) -> None:
    """Put the canary in every field of one case and mark it exempt."""
    pdf = render_document(f"# {canary('vedleggstekst')}\n\n{canary('vedleggsbrødtekst')}")
    stored = store.files.store_attachment(pdf, "hemmelig.pdf")
    members = store.context(meeting).members
    case = replace(
        meeting.cases[index],
        title=canary("tittel"),
        text=f"{canary('tekst')} med **fet** skrift",
        proposal=canary("forslag"),
        presenter=canary("presentert av"),
        follows=f"TR 49/21 {canary('oppfølging')}",
        exempt=Exemption(basis=BASIS, public_title=PUBLIC_TITLE),
        introduced_by=canary("innledet av"),
        introduction=canary("innledning"),
        notes=canary("fra møtet"),
        resolution=canary("vedtak"),
        vote=Vote(votes_for=3, against=1, note=canary("stemmeforklaring og navn")),
        exclusions=[
            Exclusion(members[0], ExclusionKind.DISQUALIFIED, canary("inhabil grunnlag")),
            Exclusion(members[1], ExclusionKind.EXCUSED, canary("fritatt grunnlag")),
        ],
        answers={members[2]: Answer.AGREES, members[3]: Answer.DISAGREES},
        attachments=[
            Attachment(title=canary("vedleggstittel"), file=stored),
            Attachment(title=canary("vedleggstittel uten fil")),
        ],
    )
    store.agenda.update_case(case)


def pdf_haystacks(data: bytes) -> list[str]:
    """Everything a reader of the PDF could find: text, streams, outlines, metadata, bytes."""
    reader = PdfReader(io.BytesIO(data))
    out = [text_of(data), data.decode("latin-1")]
    numbers = [(num, gen) for gen, objs in reader.xref.items() for num in objs]
    numbers += [(num, 0) for num in reader.xref_objStm]
    for num, gen in numbers:
        obj = reader.get_object(IndirectObject(num, gen, reader))
        if hasattr(obj, "get_data"):
            out.append(obj.get_data().decode("latin-1"))  # decompressed
        out.append(str(obj))

    def outline(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                outline(item)
            else:
                out.append(str(item.title))

    outline(reader.outline)
    out += [str(v) for v in (reader.metadata or {}).values()]
    if reader.xmp_metadata is not None:
        out.append(str(reader.xmp_metadata.stream.get_data()))
    return out


def haystacks(data: bytes) -> list[str]:
    if data.startswith(b"%PDF"):
        return pdf_haystacks(data)
    text = data.decode("utf-8")
    out = [text, unquote(text)]
    if b"X-Unsent: 1" in data:  # an e-mail: its headers and text decoded, its PDFs opened
        import email
        from email import policy

        message = email.message_from_bytes(data, policy=policy.default)
        out += [str(value) for value in message.values()]
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            content = part.get_content()
            if isinstance(content, bytes):
                out += pdf_haystacks(content)
                out.append(part.get_filename() or "")
            else:
                out.append(content)
    return out


@pytest.fixture
def exempt_store(demo_store: Store) -> Store:
    kf = demo_store.register.body_by_prefix("KF")
    assert kf is not None and kf.id is not None
    import datetime as dt

    september = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)) or 0
    )
    make_exempt(demo_store, september, 3)
    # A guest who came for the exempt case only: named nowhere public.
    exempt_id = september.cases[3].id
    guest = Attendance(AttendanceStatus.PRESENT, guest_name=canary("gjest"),
                       role="gjest", from_case=exempt_id, to_case=exempt_id)  # fmt: skip
    demo_store.minutes.set_attendance(september.id, [*september.attendance, guest])
    add_followup(demo_store, september.cases[3].id, FollowUp(canary("oppfølgingspunkt"),
                 who=canary("ansvarlig"), note=canary("merknad")))  # fmt: skip
    # A late item of the issued December meeting, exempt: the Tilleggsinnkalling's public
    # version, and the minutes' objections and closing.
    december = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)) or 0
    )
    late_id = demo_store.agenda.insert_case(december.id, Case(canary("tilleggssak")), 1)
    late = next(c for c in demo_store.meetings.meeting(december.id).cases if c.id == late_id)
    assert late.late
    demo_store.agenda.update_case(
        replace(
            late, text=canary("tilleggstekst"), proposal=canary("tilleggsforslag"),
            exempt=Exemption("offl. § 13", "Tilleggssak"), closed="2b",
            objections=[canary("innsigelse")],
        )
    )  # fmt: skip
    add_followup(demo_store, late_id, FollowUp(canary("oppfølging av tilleggssak")))
    return demo_store


def meetings(store: Store) -> list[Meeting]:
    import datetime as dt

    kf = store.register.body_by_prefix("KF")
    assert kf is not None and kf.id is not None
    return [
        store.meetings.meeting(store.meetings.meeting_id(kf.id, day) or 0)
        for day in (dt.date(2022, 9, 16), dt.date(2022, 12, 2))
    ]


@pytest.mark.parametrize("output", sorted(PUBLIC_OUTPUTS))
def test_no_public_output_carries_exempt_text(exempt_store: Store, output: str) -> None:
    for meeting in meetings(exempt_store):
        for data in PUBLIC_OUTPUTS[output](exempt_store, meeting):
            for haystack in haystacks(data):
                assert CANARY not in haystack, (output, meeting.date, haystack[:200])
                assert CANARY.lower() not in haystack.lower()


def test_the_internal_versions_do_carry_it(exempt_store: Store) -> None:
    """The canary is findable where it belongs, so the search above can fail."""
    september = meetings(exempt_store)[0]
    assert canary("vedtak") in flat(text_of(documents.minutes_pdf(exempt_store, september)))
    bundle = documents.notice_pdf(exempt_store, september, bundle=True)
    text = text_of(bundle)
    assert canary("tittel") in text and canary("vedleggstekst") in text
    december = meetings(exempt_store)[1]
    assert canary("tilleggssak") in text_of(documents.supplement_pdf(exempt_store, december))
    public = flat(text_of(documents.supplement_pdf(exempt_store, december, public=True)))
    assert "Tilleggssak" in public and "kommuneloven § 11-5 andre ledd bokstav b" in public


def test_an_objected_exempt_late_item_is_not_said_to_have_had_no_objection(
    exempt_store: Store,
) -> None:
    december = meetings(exempt_store)[1]
    public = flat(text_of(documents.minutes_pdf(exempt_store, december, public=True)))
    assert "Saken var ikke med i innkallingen." in public
    assert "Ingen motsatte seg" not in public  # there was an objection; who, the gate keeps
    internal = flat(text_of(documents.minutes_pdf(exempt_store, december)))
    assert canary("innsigelse") in internal and canary("gjest") not in public


def test_public_versions_show_number_public_title_and_basis(exempt_store: Store) -> None:
    september = meetings(exempt_store)[0]
    for pdf in (
        documents.notice_pdf(exempt_store, september, public=True),
        documents.minutes_pdf(exempt_store, september, public=True),
    ):
        text = flat(text_of(pdf))
        assert f"KF 35/22 {PUBLIC_TITLE}" in text
        assert "Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1." in text
        assert "Offentlig versjon" in text
    notice = flat(text_of(documents.notice_pdf(exempt_store, september, public=True)))
    # Vedlegg numbers stay those of the internal notice; the titles do not.
    assert "Vedlegg 2: Unntatt offentlighet" in notice


def test_a_public_extract_of_an_exempt_case_is_refused(exempt_store: Store) -> None:
    september = meetings(exempt_store)[0]
    with pytest.raises(StoreError) as error:
        documents.extract_pdf(exempt_store, september, 3, public=True)
    assert "exempt" in error.value.english
    assert documents.extract_pdf(exempt_store, september, 4, public=True)  # others are fine


def test_every_field_of_a_case_is_considered_by_the_gate() -> None:
    """A field added to Case later must be decided on: this list is the gate's contract."""
    import dataclasses

    from tr_desk.core.model import Case

    public = {
        "title", "kind", "id", "number", "attachments", "exempt", "outcome", "closed", "late",
    }  # fmt: skip
    withheld = {
        "text", "proposal", "presenter", "follows", "introduced_by", "introduction", "notes",
        "resolution", "vote", "exclusions", "answers", "postponed_from", "links", "show_history",
        "objections", "followups",
    }  # fmt: skip
    assert {f.name for f in dataclasses.fields(Case)} == public | withheld
    case = Case(
        title="intern", text="x", proposal="x", presenter="x", follows="x",
        exempt=Exemption("offl. § 13"), introduced_by="x", introduction="x", notes="x",
        resolution="x", vote=Vote(True), exclusions=[Exclusion(1)], answers={1: Answer.AGREES},
        postponed_from="KF 1/22", attachments=[Attachment("x", "f.pdf")], links=["AU 3/22"],
        show_history=True, closed="2a", late=True, objections=["x"],
        followups=[FollowUp("x")],
    )  # fmt: skip
    gated = public_case(case)
    assert gated.closed == "2a" and gated.late
    for name in withheld:
        assert not getattr(gated, name), name
    assert gated.attachments[0].file is None and gated.attachments[0].title != "x"


def test_the_public_minutes_of_a_written_procedure_leave_out_the_answers(
    exempt_store: Store,
) -> None:
    september = replace(meetings(exempt_store)[0], mode=MeetingMode.WRITTEN)
    exempt_store.meetings.update_meeting(september)
    text = flat(text_of(documents.minutes_pdf(exempt_store, september, public=True)))
    section = text.split(f"KF 35/22 {PUBLIC_TITLE}")[1].split("KF 36/22")[0]
    assert "Enig" not in section and "Ikke enig" not in section
