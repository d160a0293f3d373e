"""A live PDF preview: rendered in a worker process once typing pauses, so typing never waits.

ReportLab is pure Python much of the time; in a thread of the window's process it competes
for the GIL and typing stalls (60-70 ms were measured). In its own process it cannot: a
background thread here only sends the content and waits for the PDF. One worker process
serves every preview; it is started on first use and ends with the program.
"""

from __future__ import annotations

import subprocess
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tr_desk.app import worker as protocol

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

PAUSE_MS = 300  # with the render (~100 ms) the preview follows within half a second


class RenderWorker:
    """The worker process and the thread that talks to it, one request at a time (the import
    reads its files through one of its own, too)."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()  # one request at a time
        self._state = threading.Lock()  # a process is started, or the worker is stopped
        self._stopped = False

    def submit(self, target: str, data: Any) -> Future[Any]:
        return self._thread.submit(self._round_trip, target, data)

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                protocol.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                **protocol.start_options(),
            )  # fmt: skip
        return self._process

    def _round_trip(self, target: str, data: Any) -> Any:
        with self._lock:
            for attempt in range(2):  # a worker that died is started again, once
                with self._state:
                    if self._stopped:
                        raise RuntimeError("avbrutt")
                    process = self._start()
                assert process.stdin is not None and process.stdout is not None
                try:
                    protocol.send(process.stdin, (target, data))
                    status, result = protocol.receive(process.stdout)
                except (OSError, EOFError):
                    process.kill()
                    if attempt:
                        raise RuntimeError("forhåndsvisningen stoppet") from None
                    continue
                if status != "ok":
                    raise RuntimeError(result)
                return result
        raise AssertionError("unreachable")

    def warm(self) -> None:
        """Start the worker and load ReportLab there now, not at the first preview."""
        self.submit("warm", None)

    def wait_idle(self) -> None:
        self._thread.submit(int).result()

    def stop(self) -> None:
        """End the work now, in the middle of a request too (it fails with «avbrutt»)."""
        with self._state:
            self._stopped = True
            process = self._process
        self._thread.shutdown(wait=False, cancel_futures=True)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)
        process = self._process
        if process is None:
            return
        with self._lock:  # not in the middle of a request
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()  # the worker ends at the end of its input
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()


@cache
def worker() -> RenderWorker:
    import atexit

    shared = RenderWorker()
    atexit.register(shared.close)
    shared.warm()
    return shared


class PdfPreview(QWidget):
    """Shows the PDF that the worker's ``target`` (a name of ``app.worker.TARGETS``) makes of
    the data given to ``show_data``; only the latest request counts."""

    rendered = Signal(int, object)  # generation, PDF bytes or an error message

    def __init__(self, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._executor = worker()
        self._generation = 0
        self._pending: Any = None
        self._busy = False
        self._buffer: QBuffer | None = None
        # Qt's PDF view is made when the first page comes (there is nothing to show before,
        # and loading QtPdf is not what opening the pane should wait for).
        self._document: QPdfDocument | None = None
        self._view: QPdfView | None = None
        self.status = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._start)
        self.rendered.connect(self._on_rendered)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self._layout.addWidget(self.status)

    @property
    def document(self) -> QPdfDocument:
        return self._pdf()[0]

    @property
    def view(self) -> QPdfView:
        return self._pdf()[1]

    def _pdf(self) -> tuple[QPdfDocument, QPdfView]:
        if self._document is None or self._view is None:
            self._make_view()
        assert self._document is not None and self._view is not None
        return self._document, self._view

    def _make_view(self) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._document = QPdfDocument(self)
        self._view = QPdfView(self)
        self._view.setDocument(self._document)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        stretch = self._layout.takeAt(0)  # the room the view takes from now on
        del stretch
        self._layout.insertWidget(0, self._view, 1)

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
        future = self._executor.submit(self._target, data)

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
        self._executor.wait_idle()

    def shutdown(self) -> None:
        """Stop asking for renders; the worker process is shared and ends with the program."""
        self._timer.stop()
        self._pending = None
