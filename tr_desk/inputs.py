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
        raise UserError(
            f"Kunne ikke lese «{path.name}»: {reason}.", f"cannot read {path}: {reason}"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"«{path.name}» er ikke en vanlig fil.", f"{path}: not a regular file (nothing read)"
        )
    if info.st_size > limit:
        raise UserError(
            f"«{path.name}» er større enn {megabytes(limit)}.",
            f"{path.name} is larger than {megabytes(limit)}",
        )
    return info.st_size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (a file that grows while it is
    read is refused too)."""
    check_regular(path, limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UserError(
            f"Kunne ikke lese «{path.name}»: {exc.strerror}.", f"cannot read {path}: {exc.strerror}"
        ) from None
    if len(data) > limit:
        raise UserError(
            f"«{path.name}» er større enn {megabytes(limit)}.",
            f"{path.name} is larger than {megabytes(limit)}",
        )
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
        raise UserError(
            f"{norwegian} i «{target.parent}»: {reason_no}.",
            f"{english} in {target.parent}: {reason_en}",
        ) from None


def open_pdf(data: bytes, label: str) -> PdfReader:
    """A PDF opened with its pages counted: refuses what is not a PDF, needs a password, has
    no pages or more than ``MAX_PDF_PAGES``, or cannot be read. A PDF encrypted with an empty
    password (to restrict printing) opens."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-":
        raise UserError(f"«{label}» er ikke en PDF-fil.", f"{label} is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError(
                f"«{label}» er beskyttet med passord. Lagre en kopi uten passord og bruk den.",
                f"{label} is protected by a password; save a copy without one",
            )
        pages = len(reader.pages)
    except UserError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise unreadable_pdf(label, exc) from None
    if pages == 0:
        raise UserError(f"«{label}» har ingen sider.", f"{label} has no pages")
    if pages > MAX_PDF_PAGES:
        raise UserError(
            f"«{label}» har {pages} sider; TR Desk tar høyst {MAX_PDF_PAGES}.",
            f"{label} has {pages} pages (at most {MAX_PDF_PAGES})",
        )
    return reader


def unreadable_pdf(label: str, exc: BaseException) -> UserError:
    reason = f"{type(exc).__name__}: {exc}"[:200]
    return UserError(
        f"«{label}» kan ikke leses som PDF (skadet fil?): {reason}",
        f"{label}: not a readable PDF ({reason})",
    )


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
