"""The three XML files of an extraction, from data alone, against Arkivverket's schemas: a
screened record carries its skjerming and offentligTittel in the schema's order."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from tr_desk.core import archive as n5
from tr_desk.documents import noark
from tr_desk.resources import resources_dir

DAY = dt.date(2022, 9, 16)


def extraction() -> n5.Extraction:
    file = n5.DocumentFile("DOKUMENT/a.pdf", b"%PDF-1.4 x", 2, "U")
    document = n5.ArchiveDocument(
        n5.system_id("d", "doc"), "Særutskrift", "Særutskrift KF 36/22", 1, n5.midnight(DAY),
        "Bård Eidet", ((n5.ARCHIVAL, file),), screening=n5.Screening("offl. § 25"),
    )  # fmt: skip
    record = n5.ArchiveRecord(
        n5.system_id("d", "rec"), "KF 36/22", "Lønn", "Saksframlegg", n5.midnight(DAY),
        n5.midnight(DAY), "Bård Eidet", "Trondheimsregionen", "Bård Eidet",
        case_type="Politisk sak", status="Behandlet", public_title="Personalsak",
        screening=n5.Screening("offl. § 25"), documents=(document,),
    )  # fmt: skip
    meeting = n5.ArchiveMeeting(
        n5.system_id("d", "m"), "KF 2022-09-16", "Kommunedirektørforum 16.09.2022",
        n5.midnight(DAY), n5.midnight(dt.date(2022, 12, 2)), "Bård Eidet", "2/2022",
        "Kommunedirektørforum", DAY, "Rådhuset", (("Morten Wolden", "Møteleder"),), (record,),
    )  # fmt: skip
    change = n5.Change(
        meeting.system_id,
        "moeteregistreringsstatus",
        n5.midnight(dt.date(2022, 12, 2)),
        "Bård Eidet",
        "Avholdt",
        "Godkjent",
    )
    return n5.Extraction("Trondheimsregionen", "TR Desk", n5.system_id("d", "a"),
                         n5.system_id("d", "p"), "Møter", dt.date(2022, 1, 1),
                         dt.date(2022, 12, 31), (meeting,), (change,))  # fmt: skip


def valid(xml: bytes, xsd: str) -> None:
    validator = etree.XMLSchema(etree.parse(str(resources_dir() / "noark5" / xsd)))
    assert validator.validate(etree.fromstring(xml)), validator.error_log


def test_the_files_are_valid_and_say_what_they_hold() -> None:
    data = extraction()
    structure = noark.arkivstruktur(data)
    valid(structure, "arkivstruktur.xsd")
    valid(noark.endringslogg(data), "endringslogg.xsd")
    sums = {name: "0" * 64 for name in ("arkivstruktur.xml", "endringslogg.xml",
                                        *noark.SCHEMAS)}  # fmt: skip
    counts = {"mappe": 1, "registrering": 1, "endring": 1, "dokumentfiler": 1}
    addml = noark.arkivuttrekk(data, sums, counts)
    valid(addml, "addml.xsd")
    assert b"<offentligTittel>Personalsak</offentligTittel>" in structure
    assert b"<skjermingshjemmel>offl. \xc2\xa7 25</skjermingshjemmel>" in structure
    assert b'name="inneholderSkjermetInformasjon"' in addml
    assert structure == noark.arkivstruktur(extraction())  # the same data, the same bytes
