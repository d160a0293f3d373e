"""A live PDF preview: rendered off the GUI thread once typing pauses, so typing never waits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

PAUSE_MS = 300  # with the render (~100 ms) the preview follows within half a second


class PdfPreview(QWidget):
    """Shows the PDF that ``render(data)`` makes; ``show_data(data)`` asks for a new one."""

    rendered = Signal(int, object)  # generation, PDF bytes or an error message

    def __init__(self, render: Callable[[Any], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The render thread is pure Python much of the time; a short GIL interval lets the GUI
        # thread in every millisecond instead of every five, so keys never wait on a render.
        sys.setswitchinterval(0.001)
        self._render = render
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self._generation = 0
        self._pending: Any = None
        self._busy = False
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._start)
        self.rendered.connect(self._on_rendered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def show_data(self, data: Any, *, now: bool = False) -> None:
        """Render ``data`` when typing pauses (or at once); only the latest request counts."""
        self._pending = data
        if now:
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return
        data, self._pending = self._pending, None
        self._busy = True
        self._generation += 1
        generation = self._generation
        future = self._executor.submit(self._render, data)

        def done(result: Future[bytes]) -> None:
            try:
                self.rendered.emit(generation, result.result())
            except Exception as exc:  # shown in the pane, never a crash
                self.rendered.emit(generation, f"Forhåndsvisningen feilet: {exc}")

        future.add_done_callback(done)

    def _on_rendered(self, generation: int, result: object) -> None:
        self._busy = False
        if isinstance(result, bytes):
            self._load(result)
            self.status.setText("")
        else:
            self.status.setText(str(result))
        if self._pending is not None:
            self._start()

    def _load(self, pdf: bytes) -> None:
        scroll = self.view.verticalScrollBar().value()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.view.verticalScrollBar().setValue(scroll)

    def wait_idle(self) -> None:
        """For tests and the benchmark: let the running render finish."""
        self._executor.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
