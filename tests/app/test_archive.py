"""`tr-desk archive`: a Noark 5 extraction of the demo's 2022, checked as the established
extraction validators (Arkade) check one: the XML against Arkivverket's schemas, unique
systemIDs, the counts and checksums in arkivuttrekk.xml, every document file referenced once
and there, the meeting dates inside the period, PDF/A files; an exempt case screened, its
title kept only where the standard keeps it; the same export twice, the same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import page
import pytest
from lxml import etree

from tests.conftest import PUBLIC_TITLE, SECRET_TEXT, SECRET_TITLE
from tests.pdftext import text_of
from tr_desk.app.archive import ArchiveError, export_archive
from tr_desk.resources import resources_dir
from tr_desk.storage.store import Store

N5 = {"n": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}
ADDML = {"a": "http://www.arkivverket.no/standarder/addml"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"

START, END = dt.date(2022, 1, 1), dt.date(2022, 12, 31)


@pytest.fixture
def package(archived_store: Store, tmp_path: Path) -> Path:
    export_archive(archived_store, START, END, tmp_path / "uttrekk")
    return tmp_path / "uttrekk"


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(resources_dir() / "noark5" / name)))


def test_the_xml_files_follow_arkivverkets_schemas(package: Path) -> None:
    for xml, xsd in (("arkivstruktur.xml", "arkivstruktur.xsd"),
                     ("endringslogg.xml", "endringslogg.xsd"),
                     ("arkivuttrekk.xml", "addml.xsd")):  # fmt: skip
        validator = schema(xsd)
        assert validator.validate(etree.parse(str(package / xml))), (xml, validator.error_log)
        assert (package / xsd).read_bytes() == (resources_dir() / "noark5" / xsd).read_bytes()


def test_the_content_checks_of_an_extraction_validator(package: Path) -> None:
    structure = etree.parse(str(package / "arkivstruktur.xml"))
    ids = structure.xpath("//n:systemID/text()", namespaces=N5)
    assert len(ids) == len(set(ids))  # unique
    folders = structure.xpath("//n:mappe", namespaces=N5)
    records = structure.xpath("//n:registrering", namespaces=N5)
    assert [f.get(XSI_TYPE) for f in folders] == ["moetemappe"] * 2
    assert {r.get(XSI_TYPE) for r in records} == {"moeteregistrering"}
    changes = etree.parse(str(package / "endringslogg.xml")).xpath("//*[local-name()='endring']")
    files = sorted(p.relative_to(package).as_posix() for p in (package / "DOKUMENT").iterdir())
    addml = etree.parse(str(package / "arkivuttrekk.xml"))

    def counted(element: str) -> int:
        path = (f"//a:property[@name='numberOfOccurrences'][a:value='{element}']"
                "//a:property[@name='value']/a:value/text()")  # fmt: skip
        return int(addml.xpath(path, namespaces=ADDML)[0])

    assert counted("mappe") == len(folders) and counted("registrering") == len(records)
    assert counted("endring") == len(changes) >= 1
    number_of_files = "//a:property[@name='antallDokumentfiler']/a:value/text()"
    assert int(addml.xpath(number_of_files, namespaces=ADDML)[0]) == len(files)
    for name in ("arkivstruktur.xml", "endringslogg.xml", "arkivstruktur.xsd",
                 "endringslogg.xsd", "metadatakatalog.xsd"):  # fmt: skip
        path = (
            f"//a:property[@name='file'][.//a:property[@name='name']/a:value='{name}']"
            "//a:property[@name='checksum']//a:property[@name='value']/a:value/text()"
        )
        (value,) = set(addml.xpath(path, namespaces=ADDML))
        assert value == hashlib.sha256((package / name).read_bytes()).hexdigest(), name
    objects = structure.xpath("//n:dokumentobjekt", namespaces=N5)
    referenced = [o.findtext("n:referanseDokumentfil", namespaces=N5) for o in objects]
    assert sorted(referenced) == files  # every file once, and every reference there
    for item in objects:
        data = (package / item.findtext("n:referanseDokumentfil", namespaces=N5)).read_bytes()
        assert item.findtext("n:sjekksum", namespaces=N5) == hashlib.sha256(data).hexdigest()
        assert int(item.findtext("n:filstoerrelse", namespaces=N5)) == len(data)
        profile = {"fmt/478": page.ValidationProfile.PDF_A_2U,
                   "fmt/477": page.ValidationProfile.PDF_A_2B}[item.findtext("n:format", namespaces=N5)]  # fmt: skip
        assert page.validate_pdf_bytes(data, profile=profile).is_compliant
    for day in structure.xpath("//n:moetedato/text()", namespaces=N5):
        assert START <= dt.date.fromisoformat(day) <= END
    period = addml.xpath("//a:additionalElement[@name='archivalPeriod']//a:value/text()",
                         namespaces=ADDML)  # fmt: skip
    assert period == [START.isoformat(), END.isoformat()]


def test_the_meetings_link_and_the_changes_tell_the_approvals(package: Path) -> None:
    structure = etree.parse(str(package / "arkivstruktur.xml"))
    june, september = structure.xpath("//n:mappe", namespaces=N5)
    assert june.findtext("n:referanseNesteMoete", namespaces=N5) == september.findtext(
        "n:systemID", namespaces=N5
    )
    assert september.findtext("n:referanseForrigeMoete", namespaces=N5) == june.findtext(
        "n:systemID", namespaces=N5
    )
    assert september.findtext("n:moetenummer", namespaces=N5) == "2/2022"
    assert september.xpath("n:moetedeltaker/n:moetedeltakerNavn/text()", namespaces=N5)
    log = etree.parse(str(package / "endringslogg.xml"))
    values = [(e.findtext("{*}tidligereVerdi"), e.findtext("{*}nyVerdi"), e.findtext("{*}endretDato"))
              for e in log.xpath("//*[local-name()='endring']")]  # fmt: skip
    assert ("Godkjent", "Gjenåpnet", "2022-12-05T00:00:00") in values
    assert ("Gjenåpnet", "Godkjent", "2022-12-09T00:00:00") in values


def test_an_exempt_case_is_screened_and_its_secret_kept_where_the_standard_keeps_it(
    package: Path,
) -> None:
    structure = etree.parse(str(package / "arkivstruktur.xml"))
    (record,) = structure.xpath(f"//n:registrering[n:tittel='{SECRET_TITLE}']", namespaces=N5)
    assert record.findtext("n:offentligTittel", namespaces=N5) == PUBLIC_TITLE
    assert record.findtext("n:skjerming/n:skjermingshjemmel", namespaces=N5) == "offl. § 25"
    assert record.xpath("n:skjerming/n:skjermingMetadata/text()", namespaces=N5) == ["tittel"]
    # The title: only as the record's screened «tittel» and its documents' titles are the
    # case number; the text: in no XML file at all.
    xml = b"".join((package / n).read_bytes() for n in ("arkivstruktur.xml", "endringslogg.xml",
                                                        "arkivuttrekk.xml"))  # fmt: skip
    assert xml.count(SECRET_TITLE.encode()) == 1 and SECRET_TEXT.encode() not in xml
    # The documents: in the archival notice and minutes and the case's særutskrift (all
    # screened), never in a public variant.
    holding = []
    for item in structure.xpath("//n:dokumentobjekt", namespaces=N5):
        name = item.findtext("n:referanseDokumentfil", namespaces=N5)
        text = " ".join(text_of((package / name).read_bytes()).split())
        if SECRET_TEXT in text or SECRET_TITLE in text:
            holding.append(name)
            assert item.findtext("n:variantformat", namespaces=N5) == "Arkivformat"
            described = item.getparent()
            assert described.find("n:skjerming", namespaces=N5) is not None, name
    assert sorted(holding) == [
        "DOKUMENT/KF-2022-09-16-KF-36-22-saerutskrift.pdf",
        "DOKUMENT/KF-2022-09-16-innkalling.pdf",
        "DOKUMENT/KF-2022-09-16-protokoll.pdf",
    ]


def test_the_same_period_twice_gives_the_same_bytes(archived_store: Store, tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    export_archive(archived_store, START, END, first)
    export_archive(archived_store, START, END, second)
    for path in sorted(first.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_what_cannot_be_exported_is_said(archived_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="Ingen godkjente møter"):
        export_archive(archived_store, dt.date(2021, 1, 1), dt.date(2021, 12, 31), tmp_path / "x")
    with pytest.raises(ArchiveError, match="slutter"):
        export_archive(archived_store, END, START, tmp_path / "x")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "noe.txt").write_text("x")
    with pytest.raises(ArchiveError, match="ikke en tom mappe"):
        export_archive(archived_store, START, END, tmp_path / "full")
    assert not (tmp_path / "x").exists()
    result = export_archive(archived_store, START, END, tmp_path / "ok")
    assert result.meetings == ["KF 2022-06-03", "KF 2022-09-16"]
    assert [left.split()[0:2] for left in result.left_out] == [
        ["TR", "2022-06-17"],
        ["TR", "2022-09-30"],
        ["KF", "2022-12-02"],
        ["TR", "2022-12-16"],
    ]
