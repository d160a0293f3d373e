"""Saksgang in the case editors: the matter's steps through the bodies as a short timeline,
each step a link that opens it, and cases of other bodies with much the same title offered
as the same matter (one click confirms). The steps are ``storage.threads``'."""

from __future__ import annotations

import html
import queue
import threading
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from tr_desk.app.database import StoreError
from tr_desk.app.search import Hit
from tr_desk.core.formats import date_short
from tr_desk.ui.widgets import style

KIND_WORDS = {"oppfølging av": "oppfølging", "utsatt fra": "utsatt", "behandlet i": "samme sak"}
LINE_LETTERS = 70  # the resolution's first line, shortened to this


def _short(text: str, letters: int = LINE_LETTERS) -> str:
    return text if len(text) <= letters else text[: letters - 1].rsplit(" ", 1)[0] + " …"


class ThreadReader(QObject):
    """Reads saksganger on a thread of its own, over a read-only connection of its own: a
    long history's thread never holds up the window. Only the newest request is read; the
    thread ends when idle and starts again at the next request."""

    done = Signal(int, object)  # the request's number, (origin, steps, offered) or an error

    IDLE_S = 20.0

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.requests: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def ask(self, number: int, case_id: int) -> None:
        with self._lock:
            self.requests.put((number, case_id))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="saksgang", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        from tr_desk.app.database import Store
        from tr_desk.app.search import saksgang

        store: Store | None = None
        try:
            while True:
                try:
                    request = self.requests.get(timeout=self.IDLE_S)
                except queue.Empty:
                    with self._lock:
                        if self.requests.empty():
                            self._thread = None
                            return
                    continue
                while request is not None and not self.requests.empty():
                    request = self.requests.get_nowait()  # only the newest counts
                if request is None:
                    return
                number, case_id = request
                try:
                    if store is None:
                        store = Store.open(self.path, readonly=True)
                    result: object = saksgang(store, case_id)
                except StoreError as exc:  # the file replaced or gone under it: said
                    result = str(exc)
                self.done.emit(number, result)
        finally:
            if store is not None:
                store.close()


class ThreadView(QWidget):
    """The timeline and the suggestions of one case; empty and small when there are none."""

    case_requested = Signal(int)  # a step clicked: the case's id
    link_confirmed = Signal(str)  # «AU 30/22»: the same matter, as the user confirmed
    shown = Signal()  # a thread read and shown

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self._tips: dict[str, str] = {}
        self._asked = 0  # the newest request's number
        self.timeline = QLabel()
        self.timeline.setWordWrap(True)
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        self.timeline.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.timeline.linkActivated.connect(self._on_link)
        self.timeline.linkHovered.connect(self._on_hover)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.suggestions.setTextFormat(Qt.TextFormat.RichText)
        self.suggestions.linkActivated.connect(self._on_link)
        self.suggestions.linkHovered.connect(self._on_hover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.timeline)
        layout.addWidget(self.suggestions)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.reader = ThreadReader(store.path)
        self.reader.done.connect(self._on_read)
        requests = self.reader.requests  # not the reader itself: it goes with the view
        self.destroyed.connect(lambda *_: requests.put(None))

    def show_case(self, case_id: int | None) -> None:
        """Show ``case_id``'s thread, read on the reader's thread (choosing a case stays
        instant); another case shows «Henter saksgang …» until it is there."""
        if case_id != self.case_id:
            self.suggestions.hide()
            self.timeline.setText(
                f'<span style="color:{style.MUTED_COLOUR}">Henter saksgang …</span>'
                if case_id is not None else ""
            )  # fmt: skip
        self.case_id = case_id
        self._asked += 1  # an answer on its way is for another case, or stale
        if case_id is not None:
            self._timer.start(0)  # after the edit that asked has been written

    def refresh(self) -> None:
        """Read the shown case's thread (again, after an edit)."""
        if self.case_id is not None:
            self._asked += 1
            self.reader.ask(self._asked, self.case_id)

    def _on_read(self, number: int, result: object) -> None:
        if number != self._asked or self.case_id is None:
            return  # the user has moved on: a newer request is on its way
        self._tips = {}
        if isinstance(result, str):
            self.timeline.setText(html.escape(f"Saksgangen kunne ikke leses: {result}"))
            self.suggestions.hide()
            self.shown.emit()
            return
        origin, steps, offered = cast("tuple[Hit | None, list[Any], list[Hit]]", result)
        if origin is None:
            self.timeline.setText("")
            self.suggestions.hide()
            self.shown.emit()
            return
        self._show(origin, steps, offered)
        self.shown.emit()

    def _show(self, origin: Hit, steps: list[Any], offered: list[Hit]) -> None:
        lines = []
        placed = False
        for step in steps:
            if not placed and step.date is not None and step.date > origin.date:
                lines.append(self._own_line(origin))
                placed = True
            lines.append(self._step_line(step))
        if not placed:
            lines.append(self._own_line(origin))
        if steps:
            self.timeline.setText("<br>".join(lines))
        else:
            self.timeline.setText(
                f'<span style="color:{style.MUTED_COLOUR}">Ingen tidligere eller senere '
                "behandling funnet (oppfølging av sak, «utsatt fra», saksnumre i teksten).</span>"
            )
        if offered:
            links = []
            for hit in offered:
                self._tips[f"link:{hit.number}"] = (
                    f"{hit.number} {date_short(hit.date)}: {hit.title}"
                )
                links.append(
                    f'<a href="case:{hit.case_id}">{html.escape(hit.number)}</a> '
                    f"{date_short(hit.date)} «{html.escape(_short(hit.title, 60))}» – "
                    f'<a href="link:{html.escape(hit.number)}">samme sak</a>'
                )
            self.suggestions.setText("Kanskje samme sak: " + "<br>".join(links))
            self.suggestions.setToolTip(
                "Saker i andre organer med nesten samme tittel innen et halvår. «samme sak» "
                "knytter dem sammen i saksgangen."
            )
            self.suggestions.show()
        else:
            self.suggestions.hide()

    def _own_line(self, origin: Hit) -> str:
        number = origin.number or f"{origin.body} (utkast)"
        return f"<b>{html.escape(number)}</b> {date_short(origin.date)} – denne saken"

    def _step_line(self, step: Any) -> str:
        kind = KIND_WORDS.get(step.kind, "nevnt")
        if step.hit is None:
            return (
                f'<span style="color:{style.MUTED_COLOUR}">{html.escape(step.label)} – ikke i '
                f"databasen ({kind})</span>"
            )
        hit = step.hit
        href = f"case:{hit.case_id}"
        outcome = step.outcome  # «behandlet», «utsatt», «trukket» (``core.model.Outcome``)
        said = f" «{html.escape(_short(step.resolution))}»" if step.resolution else ""
        self._tips[href] = f"{hit.number} {date_short(hit.date)}: {hit.title}" + (
            f"\nVedtak: {step.resolution}" if step.resolution else ""
        )
        return (
            f'<a href="{href}">{html.escape(hit.number)}</a> {date_short(hit.date)}'
            f"{' · ' + outcome if outcome else ''} ({kind}){said}"
        )

    def _on_hover(self, link: str) -> None:
        tip = self._tips.get(link, "")
        if tip:
            QToolTip.showText(QCursor.pos(), tip, self)
        else:
            QToolTip.hideText()

    def _on_link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "case" and value.isdecimal():
            self.case_requested.emit(int(value))
        elif kind == "link":
            self.link_confirmed.emit(value)
