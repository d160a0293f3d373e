"""Reading old documents as lines of light Markdown: Word (.docx, and .doc through LibreOffice
when it is installed), PDF (its text layer) and plain text or Markdown — the form of the seeds.

Bold and italic runs become ``**…**`` and ``*…*``, list paragraphs ``- `` or ``1. ``, tables
``| … |`` rows, headings ``# ``. What the lines mean is read in ``core.importing``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code
from tr_desk.inputs import check_regular, open_pdf, read_bounded, unreadable_pdf

_LIST_ITEM = re.compile(r"^ *(- |1\. )")
SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".md")
MAX_BYTES = 50 * 2**20


@dataclass(frozen=True)
class ReadFile:
    lines: list[str]
    wrapped: bool  # a PDF: the text comes a printed line at a time


def read_file(path: Path) -> ReadFile:
    """The lines of ``path``; a clear ``UserError`` when it cannot be read (no guessing)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError.of(Code.NOT_DOCX_DOC_PDF_TXT, name=path.name)
    if suffix in (".txt", ".md"):
        data = read_bounded(path, MAX_BYTES)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return ReadFile(text.splitlines(), wrapped=False)
    if suffix == ".pdf":
        return ReadFile(pdf_lines(path, read_bounded(path, MAX_BYTES)), wrapped=True)
    if suffix == ".doc":
        check_regular(path, MAX_BYTES)
        return ReadFile(docx_lines(converted_doc(path)), wrapped=False)
    check_regular(path, MAX_BYTES)
    return ReadFile(docx_lines(path), wrapped=False)


def pdf_lines(path: Path, data: bytes, seconds: float = 60.0) -> list[str]:
    """The text layer of a PDF a printed line at a time; refuses a scan, and a PDF whose text
    takes longer than ``seconds`` to read or is longer than any meeting's documents."""
    import time

    reader = open_pdf(data, path.name)
    start, pages, size = time.monotonic(), [], 0
    sizes: list[tuple[str, float]] = []  # each piece of text and the size it is printed in
    edges: list[set[str]] = []  # per page: the pieces printed in its top or bottom margin
    height = [0.0]

    bold: set[str] = set()  # the pieces printed in a bold face: headings, labels

    def visit(text: str, cm: Any, tm: Any, font: Any, font_size: float) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3]) or 1.0
            sizes.append((text.strip(), abs(font_size) * scale))
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            if "bold" in name.casefold() or "black" in name.casefold():
                bold.add(" ".join(text.split()))
            y = tm[5] * (cm[3] or 1.0) + cm[5]
            if height[0] and not 0.07 * height[0] < y < 0.93 * height[0]:
                edges[-1].add(_shape(text))

    try:
        for page in reader.pages:
            height[0] = float(page.mediabox.height)
            edges.append(set())
            text = page.extract_text(visitor_text=visit) or ""
            pages.append(text)
            size += len(text)
            if size > MAX_TEXT:
                raise UserError.of(Code.MORE_TEXT_THAN_ONE_DOCUMENT, name=path.name)
            if time.monotonic() - start > seconds:
                raise UserError.of(Code.READING_ITS_TEXT_TOOK_TOO, name=path.name)
    except UserError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise unreadable_pdf(path.name, exc) from None
    if not "".join(pages).strip():
        raise UserError.of(Code.PDF_WITHOUT_TEXT_SCANNED_RUN, name=path.name)
    lines = _large_joined(_without_running_lines(pages, edges), sizes)
    # A line printed in bold as a whole is a heading, as the Word reader marks it
    return [f"**{line.strip()}**" if " ".join(line.split()) in bold else line for line in lines]


def _shape(text: str) -> str:
    """A line as a running header or footer is recognised: its numbers any numbers."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _without_running_lines(pages: list[str], edges: list[set[str]]) -> list[str]:
    """The lines of all pages without the running header and footer: text printed in the
    top or bottom margin of most pages, the same but for its numbers («Side 2 av 5», the
    letterhead) — by where it is printed, so body text that repeats stays."""
    lines = [line for page in pages for line in page.splitlines()]
    if len(pages) < 3:
        return lines
    counts: dict[str, int] = {}
    for found in edges:
        for shape in found:
            counts[shape] = counts.get(shape, 0) + 1
    running = {shape for shape, count in counts.items() if count >= 0.6 * len(pages)}
    return [line for line in lines if not line.strip() or _shape(line) not in running]


def _large_joined(lines: list[str], sizes: list[tuple[str, float]]) -> list[str]:
    """A title in a large font that wrapped over lines is one line again: lines whose words
    were all printed half as large again as the body text are joined (by layout, not by
    their letters)."""
    if not sizes:
        return lines
    weights = sorted((size, len(text)) for text, size in sizes)
    half, seen, body = sum(n for _, n in weights) / 2, 0, weights[0][0]
    for size, count in weights:  # the size most of the text is printed in
        seen += count
        if seen >= half:
            body = size
            break
    large = {w for text, size in sizes if size >= 1.5 * body for w in text.split()}
    out: list[str] = []
    joining = False
    for line in lines:
        words = line.split()
        big = bool(words) and all(w in large for w in words)
        if big and joining and out:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        joining = big
    return out


def converted_doc(path: Path) -> Path:
    """An old binary .doc, converted to .docx with LibreOffice when it is installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UserError.of(Code.OLD_DOC_FILE_SAVE_AS, name=path.name)
    folder = Path(tempfile.mkdtemp(prefix="tr-desk-doc-"))
    command = [office, "--headless", "--convert-to", "docx", "--outdir", str(folder), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        raise UserError.of(Code.LIBREOFFICE_COULD_NOT_CONVERT_SAVE, name=path.name) from None
    converted = folder / (path.stem + ".docx")
    if not converted.exists():
        raise UserError.of(Code.CONVERSION_FAILED, name=path.name)
    return converted


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
MAX_PARTS = 5000  # entries in the package
MAX_XML_BYTES = 64 * 2**20  # the document's text, unpacked
MAX_UNPACKED = 200 * 2**20  # all the package, unpacked (a zip bomb is refused unread)
MAX_ELEMENTS = 2_000_000  # a 600-page document has fewer
MAX_TEXT = 16 * 2**20  # characters of text from one file
MAX_SPAN = 64  # columns one table cell may span


def docx_lines(path: Path) -> list[str]:
    """A Word file's body as lines: paragraphs (in content controls too) and tables, read from
    the package's XML as a stream within bounds — entries, unpacked size, elements, nesting
    (256, the XML parser's own), text — so a hostile file costs seconds and megabytes, not
    gigabytes. Runs' direct bold and italic, hyperlinks' and tracked insertions' text."""
    import zipfile
    import zlib

    from lxml import etree

    def refused(reason: str, english: str) -> UserError:
        return UserError.of(Code.NOT_READABLE_DOCX, name=path.name, reason=reason, english=english)

    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > MAX_PARTS:
                raise refused("for mange deler", "too many parts")
            if sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise refused("for stor når den pakkes ut", "too large unpacked")
            sizes = {e.filename: e.file_size for e in entries}
            document = _related(package, sizes, "_rels/.rels", "officeDocument") or DOCUMENT_PART
            if document not in sizes:
                raise refused("mangler selve dokumentet", "no document part")
            folder, _, name = document.rpartition("/")
            relations = f"{folder}/_rels/{name}.rels".lstrip("/")
            styles_part = _related(package, sizes, relations, "styles", folder) or STYLES_PART
            if sizes[document] > MAX_XML_BYTES or sizes.get(styles_part, 0) > MAX_XML_BYTES:
                raise refused("for stor når den pakkes ut", "too large unpacked")
            styles = _style_names(package.read(styles_part)) if styles_part in sizes else {}
            numbering_part = _related(package, sizes, relations, "numbering", folder) or ""
            if sizes.get(numbering_part, 0) > MAX_XML_BYTES:
                raise refused("for stor når den pakkes ut", "too large unpacked")
            numbering = _numbering(package.read(numbering_part)) if numbering_part in sizes else {}
            with package.open(document) as stream:
                return _body_lines(stream, _Formats(styles, numbering), path.name)
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError) as exc:
        raise refused(str(exc)[:120], str(exc)[:120]) from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # a damaged compressed part (zlib), an encrypted or unknown compression
        reason = f"{type(exc).__name__}: {exc}"[:160]
        raise refused(reason, reason) from None


def _parser_options() -> dict[str, Any]:
    # No entities, no network, no DTD: an entity cannot multiply text, nothing is fetched.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _related(
    package: Any, sizes: dict[str, int], relations: str, kind: str, folder: str = ""
) -> str | None:
    """The part a relationship of ``kind`` in ``relations`` names (the main document, its
    styles), as a name in the package; None when there is none."""
    import posixpath

    from lxml import etree

    if relations not in sizes or sizes[relations] > 2**20:
        return None
    root = etree.fromstring(package.read(relations), etree.XMLParser(**_parser_options()))
    for relation in root:
        if str(relation.get("Type", "")).endswith("/" + kind):
            target = str(relation.get("Target", ""))
            if relation.get("TargetMode") == "External" or not target:
                return None
            base = "" if target.startswith("/") else folder
            return posixpath.normpath(posixpath.join(base, target.lstrip("/")))
    return None


@dataclass(frozen=True)
class _Style:
    name: str  # case-folded: «heading 1», «list number 2», «overskrift 1»
    num_id: str = ""  # a list the style itself numbers its paragraphs in
    level: int = 0


@dataclass(frozen=True)
class _Formats:
    """What a paragraph's look is read from: its style, and the lists' formats (numbering
    id → level → «decimal», «bullet» …)."""

    styles: dict[str, _Style]
    numbering: dict[str, dict[int, str]]


def _style_names(data: bytes) -> dict[str, _Style]:
    """Each paragraph style by its id: its name and the list it numbers in, if any."""
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(**_parser_options()))
    styles = {}
    for style in root.iter(W + "style"):
        name = style.find(W + "name")
        num_id, level = _list_of(style.find(W + "pPr"))
        styles[style.get(W + "styleId") or ""] = _Style(
            ((name.get(W + "val") or "") if name is not None else "").casefold(), num_id, level
        )
    return styles


def _list_of(properties: Any) -> tuple[str, int]:
    """The list (numbering id) and level a paragraph's or a style's properties name."""
    numbered = properties.find(W + "numPr") if properties is not None else None
    if numbered is None:
        return "", 0
    num_id, level = numbered.find(W + "numId"), numbered.find(W + "ilvl")
    value = level.get(W + "val", "0") if level is not None else "0"
    return (
        (num_id.get(W + "val") or "") if num_id is not None else "",
        min(int(value), 8) if value.isascii() and value.isdigit() else 0,
    )


def _numbering(data: bytes) -> dict[str, dict[int, str]]:
    """Each list's format per level, by numbering id: «decimal», «bullet», «lowerLetter»."""
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(**_parser_options()))
    abstract: dict[str, dict[int, str]] = {}
    for item in root.iter(W + "abstractNum"):
        levels = {}
        for level in item.iter(W + "lvl"):
            form = level.find(W + "numFmt")
            value = level.get(W + "ilvl", "0")
            if value.isascii() and value.isdigit():
                levels[int(value)] = (form.get(W + "val") or "") if form is not None else ""
        abstract[item.get(W + "abstractNumId") or ""] = levels
    out = {}
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        key = (ref.get(W + "val") or "") if ref is not None else ""
        out[num.get(W + "numId") or ""] = abstract.get(key, {})
    return out


def _body_lines(stream: Any, formats: _Formats, name: str) -> list[str]:
    """The body's paragraphs and tables in order, each followed by an empty line. The XML is
    read as a stream; each top-level block is dropped once it has been read."""
    from lxml import etree

    lines: list[str] = []
    depth, elements, text = 0, 0, 0
    events = etree.iterparse(stream, events=("start", "end"), **_parser_options())
    for event, element in events:
        if event == "start":
            depth += 1
            elements += 1
            if elements > MAX_ELEMENTS:
                raise UserError.of(Code.WORD_DOCUMENT_HAS_MORE_ELEMENTS, name=name)
            continue
        depth -= 1
        if element.tag not in (W + "p", W + "tbl") or not _top_level(element):
            continue
        block = (
            _table_lines(element)
            if element.tag == W + "tbl"
            else [_paragraph_line(element, formats)]
        )
        if len(lines) >= 2 and _LIST_ITEM.match(lines[-2]) and _LIST_ITEM.match(block[0]):
            lines.pop()  # items of one list follow each other: a tight list
        lines += [*block, ""]
        text += sum(len(line) for line in block)
        if text > MAX_TEXT:
            raise UserError.of(Code.MORE_TEXT_THAN_ONE_DOCUMENT, name=name)
        element.clear()
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]  # the blocks read before this one
    return lines


def _top_level(element: Any) -> bool:
    """A block of the body itself (or of a content control in it), not one inside a table."""
    parent = element.getparent()
    while parent is not None and parent.tag != W + "body":
        if parent.tag in (W + "tc", W + "txbxContent", W + "footnote"):
            return False
        parent = parent.getparent()
    return parent is not None


def _paragraph_text(paragraph: Any, marked: bool) -> str:
    """A paragraph's text: its runs (in hyperlinks, tracked insertions and fields too, never
    deleted text), bold and italic marked as Markdown when ``marked``."""
    parts = []
    for run in paragraph.iter(W + "r"):
        if _inside(run, paragraph, (W + "del", W + "moveFrom", W + "p", W + "txbxContent")):
            continue  # deleted text, or a paragraph in a text box inside this one
        text = "".join(_run_parts(run))
        parts.append(_marked(text, run) if marked else text)
    text = "".join(parts)
    return text.replace("****", "") if marked else text


def _inside(element: Any, stop: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _run_parts(run: Any) -> list[str]:
    out = []
    for child in run:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if child.get(W + "type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return out


def _on(properties: Any, tag: str) -> bool:
    """A direct on/off property of a run (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    if properties is None:
        return False
    flag = properties.find(W + tag)
    return flag is not None and flag.get(W + "val", "true") not in ("0", "false", "off")


def _marked(text: str, run: Any) -> str:
    if not text.strip():
        return text
    properties = run.find(W + "rPr")
    bold, italic = _on(properties, "b"), _on(properties, "i")
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if bold and italic:
        core = f"***{core}***"
    elif bold:
        core = f"**{core}**"
    elif italic:
        core = f"*{core}*"
    return lead + core + trail


def _paragraph_line(paragraph: Any, formats: _Formats) -> str:
    """A paragraph as a line: a heading «# », a list item «- » or «1. » indented four spaces
    a level (as numbered or bulleted as its list says), else its text."""
    text = _paragraph_text(paragraph, marked=True)
    properties = paragraph.find(W + "pPr")
    style_id = ""
    if properties is not None:
        style_ref = properties.find(W + "pStyle")
        style_id = (style_ref.get(W + "val") or "") if style_ref is not None else ""
    style = formats.styles.get(style_id, _Style(""))
    name = style.name
    if name.startswith(("heading", "overskrift")) or name == "title":
        return "# " + text
    nested = re.search(r"(\d)$", name)  # «List Number 2», «List Bullet 3»: a level down
    styled = int(nested[1]) - 1 if nested and "list" in name else 0
    num_id, level = _list_of(properties)
    if not num_id:
        num_id, level = style.num_id, style.level
    if num_id and num_id != "0":
        form = formats.numbering.get(num_id, {}).get(level, "")
        if form == "none":
            return text
        numbered = form not in ("bullet", "") or (not form and "number" in name)
        return "    " * max(level, styled) + ("1. " if numbered else "- ") + text
    level = styled
    if "list number" in name or "nummerert" in name:
        return "    " * level + "1. " + text
    if "list" in name or "liste" in name:
        return "    " * level + "- " + text
    return text


def _table_lines(table: Any) -> list[str]:
    """A table as Markdown rows: each cell's paragraphs on one line, a cell spanning columns
    repeated (at most ``MAX_SPAN``) so the columns stay in line."""
    rows = []
    for row in table.iterchildren(W + "tr"):
        cells = []
        for cell in row.iterchildren(W + "tc"):
            text = "\n".join(_paragraph_text(p, marked=False) for p in cell.iterchildren(W + "p"))
            cells += [" ".join(text.split()).replace("|", "/")] * _span(cell)
        rows.append("| " + " | ".join(cells) + " |")
    if rows:
        width = rows[0].count("|") - 1
        rows.insert(1, "|" + " --- |" * width)
    return rows


def _span(cell: Any) -> int:
    properties = cell.find(W + "tcPr")
    span = properties.find(W + "gridSpan") if properties is not None else None
    value = span.get(W + "val", "1") if span is not None else "1"
    return min(int(value), MAX_SPAN) if value.isascii() and value.isdigit() and value != "0" else 1
