"""Saving and printing a document, the same from every pane and from the Fil menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from tr_desk.ui.widgets import dialogs


def save_file(
    parent: QWidget, data: bytes, name: str, kind: tuple[str, str] = ("PDF", "pdf")
) -> Path | None:
    """Ask where (our dialog, in bokmål), write ``data``; None if not."""
    chosen = dialogs.choose_file(
        parent, "Lagre som", str(Path.home() / name), "Lagre",
        mode=dialogs.FileMode.SAVE, kind=kind,
    )  # fmt: skip
    if not chosen:
        return None
    path = Path(chosen)
    try:
        path.write_bytes(data)
    except OSError as exc:
        dialogs.warn(parent, f"Kunne ikke lagre «{path}»: {exc.strerror}.", "Ikke lagret")
        return None
    return path


def print_pdf(data: bytes, printer: Any) -> int:
    """Print the PDF ``data`` on ``printer`` page by page; returns the number of pages."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Skriveren kunne ikke startes.")
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = painter.viewport()
            fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), fitted), image)
    finally:
        painter.end()
    return document.pageCount()


def print_document(parent: QWidget, data: bytes, name: str) -> int | None:
    """The print dialog, then the PDF on the chosen printer; the pages printed, or None."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Skriv ut")
    if not dialog.exec():
        return None
    try:
        return print_pdf(data, printer)
    except OSError as exc:
        dialogs.warn(parent, str(exc), "Ikke skrevet ut")
        return None
