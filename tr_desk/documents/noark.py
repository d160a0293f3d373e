"""The XML files of a Noark 5 extraction, written from ``core.archive.Extraction``:
``arkivstruktur.xml`` (the archive, its part, the meetings, their records and documents),
``endringslogg.xml`` (the changes) and ``arkivuttrekk.xml`` (ADDML: what the package holds,
with counts and SHA-256 checksums). The schemas they follow ship in ``resources/noark5``."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from tr_desk.core.archive import (
    ArchiveDocument,
    ArchiveMeeting,
    ArchiveRecord,
    Extraction,
    Screening,
    midnight,
)

N5 = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
LOG = "http://www.arkivverket.no/standarder/noark5/endringslogg"
ADDML = "http://www.arkivverket.no/standarder/addml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = ("arkivstruktur.xsd", "endringslogg.xsd", "metadatakatalog.xsd", "addml.xsd")


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class _Writer:
    """Children in one namespace, in the schema's order (the caller keeps it)."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace

    def add(
        self, parent: Any, tag: str, text: object = None, attrs: dict[str, str] | None = None
    ) -> Any:
        from lxml import etree

        element = etree.SubElement(parent, f"{{{self.ns}}}{tag}", attrs or {})
        if text is not None:
            element.text = text if isinstance(text, str) else str(text)
        return element

    def root(self, tag: str, schema: str, attrs: dict[str, str] | None = None) -> Any:
        """The file's root element, its namespace the default, pointing at its schema."""
        from lxml import etree

        located = {f"{{{XSI}}}schemaLocation": f"{self.ns} {schema}", **(attrs or {})}
        return etree.Element(
            f"{{{self.ns}}}{tag}", nsmap={None: self.ns, "xsi": XSI}, attrib=located
        )


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _screening(w: _Writer, parent: Any, screening: Screening | None) -> None:
    if screening is None:
        return
    element = w.add(parent, "skjerming")
    w.add(element, "tilgangsrestriksjon", screening.access)
    w.add(element, "skjermingshjemmel", screening.basis)
    for name in screening.fields:
        w.add(element, "skjermingMetadata", name)
    w.add(element, "skjermingDokument", screening.document)


def _document(w: _Writer, parent: Any, document: ArchiveDocument) -> None:
    element = w.add(parent, "dokumentbeskrivelse")
    w.add(element, "systemID", document.system_id)
    w.add(element, "dokumenttype", document.kind)
    w.add(element, "dokumentstatus", "Dokumentet er ferdigstilt")
    w.add(element, "tittel", document.title)
    w.add(element, "opprettetDato", _stamp(document.created))
    w.add(element, "opprettetAv", document.by)
    w.add(element, "tilknyttetRegistreringSom", document.role)
    w.add(element, "dokumentnummer", document.number)
    w.add(element, "tilknyttetDato", _stamp(document.created))
    w.add(element, "tilknyttetAv", document.by)
    _screening(w, element, document.screening)
    for index, (variant, file) in enumerate(document.variants):
        item = w.add(element, "dokumentobjekt")
        w.add(item, "systemID", _object_id(document.system_id, index))
        w.add(item, "versjonsnummer", 1)
        w.add(item, "variantformat", variant)
        w.add(item, "format", file.pronom)
        w.add(item, "formatDetaljer", file.label)
        w.add(item, "opprettetDato", _stamp(document.created))
        w.add(item, "opprettetAv", document.by)
        w.add(item, "referanseDokumentfil", file.name)
        w.add(item, "sjekksum", hashlib.sha256(file.data).hexdigest())
        w.add(item, "sjekksumAlgoritme", "SHA-256")
        w.add(item, "filstoerrelse", len(file.data))


def _object_id(document_id: str, index: int) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID(document_id), f"dokumentobjekt/{index}"))


def _record(w: _Writer, parent: Any, record: ArchiveRecord) -> None:
    element = w.add(parent, "registrering", attrs={f"{{{XSI}}}type": "moeteregistrering"})
    w.add(element, "systemID", record.system_id)
    w.add(element, "opprettetDato", _stamp(record.created))
    w.add(element, "opprettetAv", record.by)
    w.add(element, "arkivertDato", _stamp(record.archived))
    w.add(element, "arkivertAv", record.by)
    _screening(w, element, record.screening)
    for document in record.documents:
        _document(w, element, document)
    w.add(element, "registreringsID", record.record_id)
    w.add(element, "tittel", record.title)
    if record.screening is not None:
        w.add(element, "offentligTittel", record.public_title)
    w.add(element, "moeteregistreringstype", record.kind)
    if record.case_type:
        w.add(element, "moetesakstype", record.case_type)
    if record.status:
        w.add(element, "moeteregistreringsstatus", record.status)
    w.add(element, "administrativEnhet", record.unit)
    w.add(element, "saksbehandler", record.officer)
    for target in record.refers_to:
        w.add(element, "referanseTilMoeteregistrering", target)
    for source in record.referred_from:
        w.add(element, "referanseFraMoeteregistrering", source)


def _meeting(w: _Writer, parent: Any, meeting: ArchiveMeeting) -> None:
    element = w.add(parent, "mappe", attrs={f"{{{XSI}}}type": "moetemappe"})
    w.add(element, "systemID", meeting.system_id)
    w.add(element, "mappeID", meeting.folder_id)
    w.add(element, "tittel", meeting.title)
    w.add(element, "opprettetDato", _stamp(meeting.created))
    w.add(element, "opprettetAv", meeting.by)
    w.add(element, "avsluttetDato", _stamp(meeting.closed))
    w.add(element, "avsluttetAv", meeting.by)
    for record in meeting.records:
        _record(w, element, record)
    w.add(element, "moetenummer", meeting.number)
    w.add(element, "utvalg", meeting.body)
    w.add(element, "moetedato", meeting.date.isoformat())
    if meeting.place:
        w.add(element, "moetested", meeting.place)
    if meeting.previous:
        w.add(element, "referanseForrigeMoete", meeting.previous)
    if meeting.next:
        w.add(element, "referanseNesteMoete", meeting.next)
    for name, function in meeting.participants:
        participant = w.add(element, "moetedeltaker")
        w.add(participant, "moetedeltakerNavn", name)
        if function:
            w.add(participant, "moetedeltakerFunksjon", function)


def arkivstruktur(extraction: Extraction) -> bytes:
    w = _Writer(N5)
    root = w.root("arkiv", "arkivstruktur.xsd")
    first = min((m.created for m in extraction.meetings), default=midnight(extraction.start))
    last = max((m.closed for m in extraction.meetings), default=midnight(extraction.end))
    by = extraction.organisation
    w.add(root, "systemID", extraction.archive_id)
    w.add(root, "tittel", extraction.title)
    w.add(root, "arkivstatus", "Avsluttet")
    w.add(root, "dokumentmedium", "Elektronisk arkiv")
    w.add(root, "opprettetDato", _stamp(first))
    w.add(root, "opprettetAv", by)
    w.add(root, "avsluttetDato", _stamp(last))
    w.add(root, "avsluttetAv", by)
    creator = w.add(root, "arkivskaper")
    w.add(creator, "arkivskaperID", extraction.organisation)
    w.add(creator, "arkivskaperNavn", extraction.organisation)
    part = w.add(root, "arkivdel")
    w.add(part, "systemID", extraction.part_id)
    w.add(part, "tittel", f"Møter {extraction.start:%d.%m.%Y}–{extraction.end:%d.%m.%Y}")
    w.add(part, "arkivdelstatus", "Avsluttet periode")
    w.add(part, "dokumentmedium", "Elektronisk arkiv")
    w.add(part, "opprettetDato", _stamp(first))
    w.add(part, "opprettetAv", by)
    w.add(part, "avsluttetDato", _stamp(last))
    w.add(part, "avsluttetAv", by)
    w.add(part, "arkivperiodeStartDato", extraction.start.isoformat())
    w.add(part, "arkivperiodeSluttDato", extraction.end.isoformat())
    for meeting in extraction.meetings:
        _meeting(w, part, meeting)
    return _serialise(root)


def endringslogg(extraction: Extraction) -> bytes:
    w = _Writer(LOG)
    root = w.root("endringslogg", "endringslogg.xsd")
    for change in extraction.changes:
        element = w.add(root, "endring")
        w.add(element, "referanseArkivenhet", change.record)
        w.add(element, "referanseMetadata", change.field)
        w.add(element, "endretDato", _stamp(change.when))
        w.add(element, "endretAv", change.by)
        w.add(element, "tidligereVerdi", change.before)
        w.add(element, "nyVerdi", change.after)
    return _serialise(root)


class _Addml:
    def __init__(self) -> None:
        self.w = _Writer(ADDML)

    def prop(self, parent: Any, name: str, value: object = None, data_type: str = "") -> Any:
        attributes = {"name": name, **({"dataType": data_type} if data_type else {})}
        element = self.w.add(parent, "property", attrs=attributes)
        if value is not None:
            self.w.add(element, "value", value)
        return element

    def named(self, parent: Any, tag: str, name: str) -> Any:
        return self.w.add(parent, tag, attrs={"name": name})

    def extra(self, parent: Any, name: str, value: str) -> None:
        """«additionalElement» with its value."""
        self.w.add(self.named(parent, "additionalElement", name), "value", value)

    def props(self, parent: Any) -> Any:
        return self.w.add(parent, "properties")

    def file(self, parent: Any, name: str, checksum: str, version: str = "1.0") -> None:
        """«file»: its name, format XML 1.0 and SHA-256 checksum."""
        inner = self.props(self.prop(parent, "file"))
        self.prop(inner, "name", name)
        self.prop(self.props(self.prop(inner, "format", "XML")), "version", version)
        checksum_props = self.props(self.prop(inner, "checksum"))
        self.prop(checksum_props, "algorithm", "SHA-256")
        self.prop(checksum_props, "value", checksum)

    def schema(self, parent: Any, name: str, checksum: str, main: bool) -> None:
        element = self.prop(parent, "schema", "main" if main else None)
        inner = self.props(element)
        self.file(inner, name, checksum)
        self.prop(self.props(self.prop(inner, "type", "XML Schema")), "version", "1.0")

    def count(self, parent: Any, name: str, value: int) -> None:
        element = self.prop(parent, "numberOfOccurrences", name)
        inner = self.props(element)
        self.prop(inner, "elementPath", f"//{name}")
        self.prop(inner, "value", value, "integer")


def arkivuttrekk(
    extraction: Extraction, checksums: Mapping[str, str], counts: Mapping[str, int]
) -> bytes:
    """ADDML for the package: ``checksums`` (SHA-256, hex) of the XML files and schemas by
    file name, ``counts`` of «mappe», «registrering», «endring» and the document files."""
    a = _Addml()
    w = a.w
    root = w.root("addml", "addml.xsd", {"name": "Noark 5-arkivuttrekk"})
    dataset = w.add(root, "dataset")
    w.add(dataset, "description", "Noark 5-arkivuttrekk")
    reference = w.add(dataset, "reference")
    elements = w.add(w.add(reference, "context"), "additionalElements")
    creators = w.add(a.named(elements, "additionalElement", "recordCreators"), "additionalElements")
    a.extra(creators, "recordCreator", extraction.organisation)
    a.extra(elements, "systemType", "Møtesekretariat (Noark 5 møtemapper)")
    a.extra(elements, "systemName", extraction.system)
    a.extra(elements, "archive", extraction.title)
    content = w.add(w.add(reference, "content"), "additionalElements")
    period = a.props(a.named(content, "additionalElement", "archivalPeriod"))
    a.prop(period, "startDate", extraction.start.isoformat())
    a.prop(period, "endDate", extraction.end.isoformat())
    outer = a.named(w.add(dataset, "dataObjects"), "dataObject", "Noark 5-arkivuttrekk")
    info = a.props(a.prop(a.props(outer), "info"))
    a.prop(a.props(a.prop(info, "type", "Noark 5")), "version", "5.0")
    extra = a.props(a.prop(info, "additionalInfo"))
    split = a.props(a.prop(extra, "periode"))
    a.prop(split, "inngaaendeSkille", "skarpt")
    a.prop(split, "utgaaendeSkille", "skarpt")
    flags = (("inneholderSkjermetInformasjon", extraction.screened),
             ("omfatterDokumenterSomErKassert", False),
             ("inneholderDokumenterSomSkalKasseres", False),
             ("inneholderVirksomhetsspesifikkeMetadata", False))  # fmt: skip
    for name, flag in flags:
        a.prop(extra, name, "true" if flag else "false", "boolean")
    a.prop(extra, "antallDokumentfiler", counts["dokumentfiler"], "integer")
    inner = w.add(outer, "dataObjects")
    for name, schema, counted in (("arkivstruktur", "arkivstruktur.xsd", ("mappe", "registrering")),
                                  ("endringslogg", "endringslogg.xsd", ("endring",))):  # fmt: skip
        part = a.props(a.named(inner, "dataObject", name))
        a.file(part, f"{name}.xml", checksums[f"{name}.xml"])
        a.schema(part, schema, checksums[schema], main=True)
        a.schema(part, "metadatakatalog.xsd", checksums["metadatakatalog.xsd"], main=False)
        tally = a.props(a.prop(part, "info"))
        for element in counted:
            a.count(tally, element, counts[element])
    return _serialise(root)
