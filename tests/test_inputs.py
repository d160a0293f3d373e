"""Files a user names, read within bounds (``tr_desk/inputs.py``)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.pdftext import one_page_pdf
from tr_desk.core.errors import UserError
from tr_desk.inputs import check_regular, open_pdf, pdf_text, read_bounded, write_problem


def refused(call: Callable[..., object], *args: object) -> str:
    """The English line of the UserError ``call(*args)`` raises."""
    with pytest.raises(UserError) as caught:
        call(*args)
    return caught.value.english


def test_only_a_regular_file_within_its_size_is_read(tmp_path: Path) -> None:
    small = tmp_path / "liten.txt"
    small.write_bytes(b"x" * 10)
    assert check_regular(small, 10) == 10 and read_bounded(small, 10) == b"x" * 10
    assert refused(read_bounded, small, 9) == "liten.txt is larger than 9 byte"
    os.mkfifo(tmp_path / "ror")
    for path in (tmp_path, tmp_path / "ror", Path("/dev/zero")):
        assert "not a regular file" in refused(read_bounded, path, 10)
    assert "File name too long" in refused(read_bounded, tmp_path / ("x" * 300), 10)
    assert "cannot read" in refused(read_bounded, tmp_path / "borte.txt", 10)


def test_a_pdf_opens_or_is_one_clear_refusal() -> None:
    from pypdf import PdfWriter

    good = one_page_pdf("Vedlegget")
    assert len(open_pdf(good, "v.pdf").pages) == 1
    assert "Vedlegget" in pdf_text(good)
    for data, said in ((b"GIF89a", "not a PDF file"), (good[:200], "not a readable PDF"),
                       (b"%PDF-1.4\n" + bytes(1000), "not a readable PDF")):  # fmt: skip
        assert said in refused(open_pdf, data, "v.pdf")
        assert pdf_text(data) == ""  # the search's text: none, never an error
    for password, opens in (("", True), ("hemmelig", False)):
        writer = PdfWriter(clone_from=io.BytesIO(good))
        writer.encrypt(user_password=password, owner_password="eier", algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        if opens:
            assert "Vedlegget" in pdf_text(out.getvalue())
        else:
            assert "protected by a password" in refused(open_pdf, out.getvalue(), "v.pdf")


def test_why_a_file_could_not_be_written_into_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "vedlegg"
    folder.write_text("", encoding="utf-8")
    assert write_problem(folder, OSError(17, "File exists")) == (
        "det er en fil, ikke en mappe", "it is a file, not a folder",
    )  # fmt: skip
    assert write_problem(tmp_path, OSError(13, "Permission denied"))[1] == "Permission denied"
