"""Reading old documents as lines of light Markdown: Word (.docx, and .doc through LibreOffice
when it is installed), PDF (its text layer) and plain text or Markdown — the form of the seeds.

Bold and italic runs become ``**…**`` and ``*…*``, list paragraphs ``- `` or ``1. ``, tables
``| … |`` rows, headings ``# ``. What the lines mean is read in ``core.importing``.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tr_desk.core.errors import UserError

SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".md")
MAX_BYTES = 50 * 2**20


@dataclass(frozen=True)
class ReadFile:
    lines: list[str]
    wrapped: bool  # a PDF: the text comes a printed line at a time


def check_regular(path: Path) -> None:
    """A regular file of at most ``MAX_BYTES``, before a byte is read: a pipe would block the
    import for ever, a device would be read without end."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UserError(
            f"Kunne ikke lese «{path.name}»: {exc.strerror}.", f"cannot read {path}"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"«{path.name}» er ikke en vanlig fil.", f"{path}: not a regular file (nothing read)"
        )
    if info.st_size > MAX_BYTES:
        raise UserError(f"«{path.name}» er større enn 50 MB.", f"{path.name} is larger than 50 MB")


def read_file(path: Path) -> ReadFile:
    """The lines of ``path``; a clear ``UserError`` when it cannot be read (no guessing)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            f"«{path.name}» er ikke et Word-dokument, en PDF eller en tekstfil.",
            f"{path.name}: not a .docx, .doc, .pdf, .txt or .md file",
        )
    check_regular(path)
    if suffix in (".txt", ".md"):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return ReadFile(text.splitlines(), wrapped=False)
    if suffix == ".pdf":
        return ReadFile(pdf_lines(path), wrapped=True)
    if suffix == ".doc":
        return ReadFile(docx_lines(converted_doc(path)), wrapped=False)
    return ReadFile(docx_lines(path), wrapped=False)


def pdf_lines(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise UserError(
            f"«{path.name}» kan ikke leses som PDF ({exc}).", f"{path.name}: not a readable PDF"
        ) from None
    if not "".join(pages).strip():
        raise UserError(
            f"«{path.name}» har ingen tekst (et skannet dokument?). Kjør tekstgjenkjenning (OCR) "
            "på den først, eller importer Word-filen.",
            f"{path.name}: a PDF without text (scanned?); run OCR first",
        )
    return [line for page in pages for line in page.splitlines()]


def converted_doc(path: Path) -> Path:
    """An old binary .doc, converted to .docx with LibreOffice when it is installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UserError(
            f"«{path.name}» er i det gamle Word-formatet. Åpne den i Word og lagre den som .docx, "
            "og importer den filen.",
            f"{path.name}: an old .doc file; save it as .docx (LibreOffice is not installed)",
        )
    folder = Path(tempfile.mkdtemp(prefix="tr-desk-doc-"))
    command = [office, "--headless", "--convert-to", "docx", "--outdir", str(folder), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        raise UserError(
            f"LibreOffice kunne ikke gjøre om «{path.name}». Lagre den som .docx i Word.",
            f"{path.name}: LibreOffice could not convert it; save it as .docx",
        ) from None
    converted = folder / (path.stem + ".docx")
    if not converted.exists():
        raise UserError(
            f"LibreOffice kunne ikke gjøre om «{path.name}».", f"{path.name}: conversion failed"
        )
    return converted


def docx_lines(path: Path) -> list[str]:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UserError(
            f"«{path.name}» kan ikke leses som Word-dokument ({exc}).",
            f"{path.name}: not a readable .docx",
        ) from None
    # A style's name by its id, read once: python-docx looks each paragraph's style up anew
    # through the whole style sheet (that was 4/5 of the reading time).
    styles = {s.style_id: (s.name or "").casefold() for s in document.styles}
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines += _table_lines(block)
        else:
            lines.append(_paragraph_line(block, styles))
        lines.append("")
    return lines


def _paragraph_line(paragraph: Any, styles: dict[str, str]) -> str:
    text = "".join(_run_text(run) for run in paragraph.runs)
    text = text.replace("****", "")  # two bold runs in a row: one
    style = styles.get(paragraph._p.style or "", "")
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith("heading") or style.startswith("overskrift") or style == "title":
        return "# " + text
    if "list number" in style or "nummerert" in style:
        return "1. " + text
    if "list" in style or "liste" in style or numbered:
        return "- " + text
    return text


def _run_text(run: Any) -> str:
    text = str(run.text)
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    return lead + core + trail


def _table_lines(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [" ".join(c.text.split()).replace("|", "/") for c in row.cells]
        rows.append("| " + " | ".join(cells) + " |")
    if rows:
        width = rows[0].count("|") - 1
        rows.insert(1, "|" + " --- |" * width)
    return rows
