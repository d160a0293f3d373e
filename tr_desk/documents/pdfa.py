"""PDF/A-2 for the documents TR Desk issues and stores: ReportLab cannot write it, so the file
it writes is finished here with pypdf. What PDF/A adds to it:

- XMP metadata with the PDF/A identification (part 2, conformance U: every character has
  its Unicode value, so the text can be searched and read aloud) and the same title,
  author, producer and dates as the document information dictionary;
- an sRGB output intent (the ICC profile in ``resources/icc``), since the pages are drawn in
  DeviceRGB;
- a file identifier made from the content (the same data still gives the same bytes);
- no empty page transition (``/Trans <<>>``), and links marked to print;
- streams written with the line ends PDF/A wants (pypdf's writer does).

A file made of others (the sakspapirer) is declared PDF/A only when every part is: an
attachment that is not leaves the whole without the claim (``conformance=None``).
"""

from __future__ import annotations

import hashlib
import io
import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from tr_desk.resources import resources_dir

ICC_NAME = "sRGB IEC61966-2.1"
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-Z])?(\d{2})?'?(\d{2})?")


@cache
def _icc() -> bytes:
    return (resources_dir() / "icc" / "sRGB.icc").read_bytes()


def xmp_date(pdf_date: str) -> str:
    """«D:20221125000000+00'00'» → «2022-11-25T00:00:00+00:00» (XMP's form of the same)."""
    found = _PDF_DATE.match(pdf_date or "")
    if not found:
        return ""
    year, month, day, hour, minute, second, sign, tz_h, tz_m = found.groups()
    zone = "Z" if sign in (None, "Z") else f"{sign}{tz_h or '00'}:{tz_m or '00'}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def xmp_packet(info: dict[str, str], conformance: str | None, language: str = "nb") -> bytes:
    """The XMP metadata for ``info`` (the document information dictionary's /Title,
    /Author, /Subject, /Keywords, /Creator, /Producer, /CreationDate, /ModDate)."""

    def text(key: str) -> str:
        return escape(str(info.get(key) or ""))

    parts = ['<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
             '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
             '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">']  # fmt: skip
    if conformance:
        parts.append(
            '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            f"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>{conformance}"
            "</pdfaid:conformance></rdf:Description>"
        )
    dc = ["<dc:format>application/pdf</dc:format>"]
    if info.get("/Title"):
        dc.append(f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text("/Title")}'
                  "</rdf:li></rdf:Alt></dc:title>")  # fmt: skip
    if info.get("/Author"):
        dc.append(f"<dc:creator><rdf:Seq><rdf:li>{text('/Author')}</rdf:li></rdf:Seq></dc:creator>")
    if info.get("/Subject"):
        dc.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text("/Subject")}'
                  "</rdf:li></rdf:Alt></dc:description>")  # fmt: skip
    dc.append(f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>")
    parts.append('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                 + "".join(dc) + "</rdf:Description>")  # fmt: skip
    xmp = []
    for key, name in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if xmp_date(str(info.get(key) or "")):
            xmp.append(f"<xmp:{name}>{xmp_date(str(info[key]))}</xmp:{name}>")
    if info.get("/Creator"):
        xmp.append(f"<xmp:CreatorTool>{text('/Creator')}</xmp:CreatorTool>")
    parts.append('<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
                 + "".join(xmp) + "</rdf:Description>")  # fmt: skip
    pdf = []
    if info.get("/Producer"):
        pdf.append(f"<pdf:Producer>{text('/Producer')}</pdf:Producer>")
    if info.get("/Keywords"):
        pdf.append(f"<pdf:Keywords>{text('/Keywords')}</pdf:Keywords>")
    parts.append('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
                 + "".join(pdf) + "</rdf:Description>")  # fmt: skip
    parts += ["</rdf:RDF>", "</x:xmpmeta>", '<?xpacket end="w"?>']
    return "\n".join(parts).encode("utf-8")


def archival(pdf: bytes, conformance: str | None = "U", language: str = "nb") -> bytes:
    """``pdf`` finished as PDF/A-2 (``conformance`` «U» or «B»; None: the same repairs and
    metadata, but no PDF/A claim). Deterministic: the same input gives the same bytes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        StreamObject,
        TextStringObject,
    )

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    info = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
    stored: Any = writer._info.get_object() if writer._info is not None else {}
    if "/Trapped" in stored:
        del stored["/Trapped"]  # not in our XMP: out of both
    for page in writer.pages:
        trans = page.get("/Trans")
        if trans is not None and not trans.get_object():
            del page["/Trans"]
        for annotation in page.get("/Annots") or []:
            annotation.get_object()[NameObject("/F")] = NumberObject(4)  # print, never hide
    _no_cr_before_endstream(writer)
    root = writer._root_object
    metadata = StreamObject()
    metadata.set_data(xmp_packet(info, conformance, language))
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/Lang")] = TextStringObject(language)
    profile = StreamObject()
    profile.set_data(_icc())
    profile[NameObject("/N")] = NumberObject(3)
    profile = profile.flate_encode()
    intent = DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFA1"),
        NameObject("/OutputConditionIdentifier"): TextStringObject(ICC_NAME),
        NameObject("/Info"): TextStringObject(ICC_NAME),
        NameObject("/DestOutputProfile"): writer._add_object(profile),
    })  # fmt: skip
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    digest = ByteStringObject(hashlib.md5(pdf, usedforsecurity=False).digest())
    writer._ID = ArrayObject([digest, digest])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _no_cr_before_endstream(writer: Any) -> None:
    """A compressed stream whose last byte happens to be a carriage return (its checksum's
    last byte: 1 in 256) reads as ending in «CR LF endstream»: PDF/A takes that CR for the
    line end and the /Length for wrong. Such a stream is stored uncompressed instead (a text
    stream that itself ends in CR gets a line feed after it, which changes nothing)."""
    from pypdf.generic import EncodedStreamObject, NameObject

    for item in writer._objects:
        if not isinstance(item, EncodedStreamObject) or not item._data.endswith(b"\r"):
            continue
        if item.get("/Filter") not in ("/FlateDecode", ["/FlateDecode"]) or "/DecodeParms" in item:
            continue
        data = item.get_data()
        if data.endswith(b"\r") and b"\0" not in data[-64:]:
            data += b"\n"  # a content stream or CMap: white space at its end
        del item[NameObject("/Filter")]
        item._data = data


EMBEDDABLE_PARTS = (1, 2)  # the PDF/A parts a PDF/A-2 whole may be made of


def pdfa_claim(pdf: bytes | Any) -> tuple[int, str] | None:
    """What ``pdf`` (bytes, or a PdfReader already open on them) says it is in its XMP:
    (part, conformance), e.g. (2, "U"); None when it claims no PDF/A or cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf)) if isinstance(pdf, bytes) else pdf
        root: Any = reader.trailer["/Root"].get_object()
        metadata = root.get("/Metadata")
        data = metadata.get_object().get_data() if metadata is not None else b""
    except (PyPdfError, OSError, ValueError, KeyError, TypeError):
        return None
    part = re.search(rb"pdfaid:part(?:>|=\")\s*([0-9])", data)
    level = re.search(rb"pdfaid:conformance(?:>|=\")\s*([ABUabu])", data)
    if part is None:
        return None
    return int(part.group(1)), (level.group(1).decode().upper() if level else "B")


def claims_pdfa(pdf: bytes | Any) -> bool:
    """Whether ``pdf`` says it is PDF/A-1 or PDF/A-2: what may go into a PDF/A whole."""
    claim = pdfa_claim(pdf)
    return claim is not None and claim[0] in EMBEDDABLE_PARTS
