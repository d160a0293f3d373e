"""Attachment files: PDFs copied into ``vedlegg/`` under their content's hash."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.formats import shown
from tr_desk.core.messages import Code
from tr_desk.inputs import MB, open_pdf, pdf_text, read_bounded, write_whole
from tr_desk.storage.database import StoreError
from tr_desk.storage.paths import ATTACHMENT_FOLDER
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from pypdf import PdfReader

# A stored attachment is named by the SHA-256 of its content; nothing else is ever read.
ATTACHMENT_NAME = re.compile(r"[0-9a-f]{64}\.pdf")
IMAGE_NAME = re.compile(r"[0-9a-f]{64}\.(png|jpg)")
MAX_IMAGE_BYTES = 5 * 2**20
MAX_PDF_BYTES = 100 * MB


def read_pdf_file(path: Path) -> bytes:
    """The bytes of a PDF the user named (a regular file of at most 100 MB); not yet checked
    as a PDF (``Files.attachment_name`` does that)."""
    return read_bounded(path, MAX_PDF_BYTES)


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
            raise StoreError.of(Code.NOT_STORED_ATTACHMENT, name=name, name2=shown(name))
        return read_pdf_file(self.attachments_dir / name)

    def image_path(self, name: str) -> Path | None:
        """Where a stored image (the logo) lives; None for anything but a stored image name."""
        return self.attachments_dir / name if IMAGE_NAME.fullmatch(name) else None

    def store_image(self, source: Path) -> str:
        """Keep a PNG or JPEG (the logo) beside the attachments, named by its hash."""
        data = read_bounded(source, MAX_IMAGE_BYTES)
        kinds = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}
        suffix = next((s for magic, s in kinds.items() if data.startswith(magic)), None)
        if suffix is None or len(data) > MAX_IMAGE_BYTES:
            raise StoreError.of(Code.NOT_PNG_JPEG_IMAGE_MOST, name=source.name)
        return self._keep(data, _hash_name(data, suffix))

    @staticmethod
    def attachment_name(data: bytes, label: str = "Vedlegget") -> str:
        """The name a PDF is kept under (its content's hash); refuses what is not a PDF that
        opens with its pages (damaged, encrypted with a password, empty, too long)."""
        open_pdf(data, label)
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
        reader = open_pdf(data, label)  # checked, and read once for its text too
        name = self._keep(data, _hash_name(data, ".pdf"))
        if not self._store.readonly:
            self.keep_text(name, reader)
        return name

    def keep_text(self, name: str, data: bytes | PdfReader) -> None:
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
            try:
                self.keep_text(row["file"], read_pdf_file(path))
            except StoreError:
                continue
            done += 1
        return done

    def _keep(self, data: bytes, name: str) -> str:
        """Write ``data`` once into the attachment folder as ``name``; returns the name."""
        target = self.attachments_dir / name
        if target.is_file():
            return name
        write_whole(target, data, "Kunne ikke lagre vedlegget", "cannot store the file")
        return name


def _hash_name(data: bytes, suffix: str) -> str:
    """A stored file's name: its content's hash (the same file is kept once)."""
    import hashlib

    return hashlib.sha256(data).hexdigest() + suffix
