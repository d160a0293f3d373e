"""Files the user names, read within bounds: the one place that reads a file from outside.

A named file must be a regular file (a pipe would block for ever, a device be read without
end) of at most a given size, read in one bounded read. A PDF must open, have pages within
limits and not need a password; what pypdf raises on a damaged one (it raises many kinds)
becomes one clear ``UserError`` naming the file. Used by the store (attachments, the logo),
the readers of old documents and the command line (meeting files).
"""

from __future__ import annotations

import contextlib
import io
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code

if TYPE_CHECKING:
    from pypdf import PdfReader

MB = 2**20
MAX_PDF_PAGES = 5000  # a case's papers are tens or hundreds of pages; this is no real one


def megabytes(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit} byte"


def check_regular(path: Path, limit: int) -> int:
    """The size of ``path`` when it is a regular file of at most ``limit`` bytes; nothing is
    read. A folder, pipe, device or socket is refused, and so is a name the system refuses."""
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError.of(Code.CANNOT_READ, name=path.name, reason=reason, path=path) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError.of(Code.NOT_REGULAR_FILE_NOTHING_READ, name=path.name, path=path)
    if info.st_size > limit:
        raise UserError.of(Code.LARGER_THAN, name=path.name, megabytes=megabytes(limit))
    return info.st_size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (a file that grows while it is
    read is refused too)."""
    check_regular(path, limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UserError.of(
            Code.CANNOT_READ_2, name=path.name, strerror=exc.strerror, path=path
        ) from None
    if len(data) > limit:
        raise UserError.of(Code.LARGER_THAN, name=path.name, megabytes=megabytes(limit))
    return data


def write_problem(folder: Path, exc: OSError) -> tuple[str, str]:
    """Why a file could not be written into ``folder`` (a folder TR Desk keeps beside the
    database), in Norwegian and English: it is a file, or what the system said."""
    if folder.exists() and not folder.is_dir():
        return "det er en fil, ikke en mappe", "it is a file, not a folder"
    reason = exc.strerror or str(exc)
    return reason, reason


def write_whole(target: Path, data: bytes, norwegian: str, english: str) -> None:
    """Write ``data`` as ``target`` (its folder made): under another name first, renamed into
    place, so a kill leaves no half file; refused with one line that begins with the words
    given («Kunne ikke lagre vedlegget», «cannot store the file») and says why."""
    partial = target.with_suffix(".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reason_no, reason_en = write_problem(target.parent, exc)
        raise UserError.of(
            Code.FOLDER_PROBLEM,
            norwegian=norwegian,
            parent=target.parent,
            reason_no=reason_no,
            english=english,
            reason_en=reason_en,
        ) from None


def open_pdf(data: bytes, label: str) -> PdfReader:
    """A PDF opened with its pages counted: refuses what is not a PDF, needs a password, has
    no pages or more than ``MAX_PDF_PAGES``, or cannot be read. A PDF encrypted with an empty
    password (to restrict printing) opens."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-":
        raise UserError.of(Code.NOT_PDF_FILE, label=label)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError.of(Code.PROTECTED_PASSWORD_SAVE_COPY_WITHOUT, label=label)
        pages = len(reader.pages)
    except UserError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise unreadable_pdf(label, exc) from None
    if pages == 0:
        raise UserError.of(Code.HAS_NO_PAGES, label=label)
    if pages > MAX_PDF_PAGES:
        raise UserError.of(
            Code.HAS_PAGES_MOST, label=label, pages=pages, max_pdf_pages=MAX_PDF_PAGES
        )
    return reader


def unreadable_pdf(label: str, exc: BaseException) -> UserError:
    reason = f"{type(exc).__name__}: {exc}"[:200]
    return UserError.of(Code.NOT_READABLE_PDF, label=label, reason=reason)


def pdf_text(pdf: bytes | PdfReader, seconds: float = 20.0, limit: int = 8 * MB) -> str:
    """A PDF's text for the search (its bytes, or the reader ``open_pdf`` gave): its pages'
    text until ``seconds`` have passed or ``limit`` characters are read; empty for a scan or a
    file that cannot be read."""
    import time

    start, texts, size = time.monotonic(), [], 0
    try:
        reader = open_pdf(pdf, "PDF") if isinstance(pdf, bytes) else pdf
        for page in reader.pages:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size > limit or time.monotonic() - start > seconds:
                break
    except Exception:  # the text is for the search only
        pass
    return "\n".join(texts)[:limit]
