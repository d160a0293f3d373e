"""Attachment files: PDFs copied into ``vedlegg/`` under their content's hash."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.formats import shown
from tr_desk.storage.database import StoreError
from tr_desk.storage.paths import ATTACHMENT_FOLDER
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    pass


# A stored attachment is named by the SHA-256 of its content; nothing else is ever read.
ATTACHMENT_NAME = re.compile(r"[0-9a-f]{64}\.pdf")
IMAGE_NAME = re.compile(r"[0-9a-f]{64}\.(png|jpg)")
MAX_IMAGE_BYTES = 5 * 2**20
MAX_PDF_BYTES = 200 * 1024 * 1024


def read_pdf_file(path: Path) -> bytes:
    """Read a PDF the user named: a regular file, at most 200 MB (no device, FIFO, folder)."""
    import stat

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"«{path}» er ikke en vanlig fil.", f"{path} is not a regular file")
        if info.st_size > MAX_PDF_BYTES:
            raise StoreError(
                f"«{path.name}» er større enn {MAX_PDF_BYTES // 2**20} MB.",
                f"{path} is larger than {MAX_PDF_BYTES // 2**20} MB",
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise StoreError(
            f"Kan ikke lese «{path}»: {exc.strerror}.", f"cannot read {path}: {exc.strerror}"
        ) from None
    if len(data) > MAX_PDF_BYTES:
        raise StoreError(
            f"«{path.name}» er større enn {MAX_PDF_BYTES // 2**20} MB.",
            f"{path} is larger than {MAX_PDF_BYTES // 2**20} MB",
        )
    return data


def pdf_text(data: bytes) -> str:
    """A PDF's text for the search; empty for a scan or a file pypdf cannot read."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return ""


class Files(Part):
    """Attachment files."""

    @property
    def attachments_dir(self) -> Path:
        """Attachment files, copied in and named by their content's hash."""
        return self._store.path.parent / ATTACHMENT_FOLDER

    def attachment_path(self, name: str) -> Path | None:
        """Where a stored attachment lives; None for anything but a hash name in ``vedlegg/``."""
        return self.attachments_dir / name if ATTACHMENT_NAME.fullmatch(name) else None

    def import_attachment(self, source: Path) -> str:
        """Copy a PDF into the attachment folder under its content's hash; returns its name."""
        return self.store_attachment(read_pdf_file(source), source.name)

    def read_attachment(self, name: str) -> bytes:
        """The bytes of a stored attachment; only a hash name inside ``vedlegg/`` is read."""
        if not ATTACHMENT_NAME.fullmatch(name):
            raise StoreError(
                f"«{name}» er ikke et lagret vedlegg.", f"{shown(name)} is not a stored attachment"
            )
        return read_pdf_file(self.attachments_dir / name)

    def image_path(self, name: str) -> Path | None:
        """Where a stored image (the logo) lives; None for anything but a stored image name."""
        return self.attachments_dir / name if IMAGE_NAME.fullmatch(name) else None

    def store_image(self, source: Path) -> str:
        """Keep a PNG or JPEG (the logo) beside the attachments, named by its hash."""
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise StoreError(
                f"Kunne ikke lese «{source.name}»: {exc.strerror}.", f"cannot read {source}"
            ) from None
        kinds = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}
        suffix = next((s for magic, s in kinds.items() if data.startswith(magic)), None)
        if suffix is None or len(data) > MAX_IMAGE_BYTES:
            raise StoreError(
                f"«{source.name}» er ikke et PNG- eller JPEG-bilde på høyst 5 MB.",
                f"{source.name} is not a PNG or JPEG image of at most 5 MB",
            )
        return self._keep(data, _hash_name(data, suffix))

    @staticmethod
    def attachment_name(data: bytes, label: str = "Vedlegget") -> str:
        """The name a PDF is kept under (its content's hash); refuses what is not a PDF."""
        if not data.startswith(b"%PDF-"):
            raise StoreError(f"«{label}» er ikke en PDF-fil.", f"{label} is not a PDF file")
        return _hash_name(data, ".pdf")

    def has_attachment(self, name: str) -> bool:
        path = self.attachment_path(name)
        return path is not None and path.is_file()

    def forget_attachment(self, name: str) -> None:
        """Remove a file this step wrote (and its text) when the step failed; a file any case
        names stays."""
        if self._store.rows("SELECT 1 FROM attachment WHERE file = ?", [name]):
            return
        with self._store.transaction() as db:
            db.execute("DELETE FROM attachment_text WHERE file = ?", [name])
        path = self.attachment_path(name)
        if path is not None:
            path.unlink(missing_ok=True)

    def store_attachment(self, data: bytes, label: str = "Vedlegget") -> str:
        """Keep a PDF in the attachment folder, named by its hash (the same file once), and
        its text for the search (extracted once)."""
        name = self._keep(data, self.attachment_name(data, label))
        if not self._store.readonly:
            self.keep_text(name, data)
        return name

    def keep_text(self, name: str, data: bytes) -> None:
        """The attachment's text in the search index (once per file; none for a scan)."""
        if self._store.rows("SELECT 1 FROM attachment_text WHERE file = ?", [name]):
            return
        with self._store.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO attachment_text (file, text) VALUES (?, ?)",
                [name, pdf_text(data)],
            )

    def index_missing_texts(self) -> int:
        """Attachments stored before the search existed get their text now; how many."""
        if self._store.readonly:
            return 0
        missing = self._store.rows(
            "SELECT DISTINCT file FROM attachment WHERE file IS NOT NULL AND file != ''"
            " AND file NOT IN (SELECT file FROM attachment_text)"
        )
        done = 0
        for row in missing:
            path = self.attachment_path(row["file"])
            if path is None or not path.exists():
                continue
            self.keep_text(row["file"], path.read_bytes())
            done += 1
        return done

    def _keep(self, data: bytes, name: str) -> str:
        """Write ``data`` once into the attachment folder as ``name``; returns the name."""
        target = self.attachments_dir / name
        if not target.exists():
            self.attachments_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(target)
        return name


def _hash_name(data: bytes, suffix: str) -> str:
    """A stored file's name: its content's hash (the same file is kept once)."""
    import hashlib

    return hashlib.sha256(data).hexdigest() + suffix
