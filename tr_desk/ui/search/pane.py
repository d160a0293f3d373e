"""Søk: every case of every year, found as the user types (Ctrl+F from anywhere).

One line per case: number, date, title, where it matched and a few words around the match,
the matched words marked. Filters for body, years, kind of text and the meeting's status;
sorted by relevance or date. Enter or a double-click opens the case in its pane, the match
highlighted there (``open_requested``). The search itself is ``storage.search``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QShowEvent, QTextDocument, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store, StoreError, meeting_years
from tr_desk.app.search import Hit, Hits, search
from tr_desk.core.errors import UserError
from tr_desk.core.formats import date_short
from tr_desk.core.model import MeetingStatus
from tr_desk.core.search import Field, Query, parse_query, prefixed
from tr_desk.ui.agenda.case_editor import MATCH_COLOUR
from tr_desk.ui.pane import Pane, PaneHost, example_prefix
from tr_desk.ui.widgets import style
from tr_desk.ui.widgets.models import Index
from tr_desk.ui.widgets.table_models import Column
from tr_desk.ui.widgets.view_models import ViewModel

TYPING_PAUSE_MS = 150  # results once the typing pauses
LIMIT = 100
STOPPED = (
    "søket ble stoppet fordi ordene står i svært mange saker, så det kan finnes flere. "
    "Skriv flere eller sjeldnere ord, eller velg organ og år."
)
MARK = f"background-color:{MATCH_COLOUR}; color:#000000;"
HELP = (
    "Skriv ord som skal finnes i saken, alle må være med (i tittel, tekst, vedtak, vedlegg, "
    'navn, møtets organ og sted eller hvem som var til stede). «"en frase"» søker etter '
    "ordene i rekkefølge, «energi*» etter ord som begynner slik, «-ord» utelater saker med "
    "ordet, og et saksnummer («{prefix} 46/22», eller «sak 46/22») finner saken med det "
    "nummeret og sakene som "
    "viser til den. Store og små bokstaver er det samme."
)
# The kinds of text the search can keep to.
KINDS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    ("All tekst", ()),
    ("Bare vedtak", (Field.RESOLUTION,)),
    ("Bare titler", (Field.TITLE,)),
    ("Bare saksframstilling og forslag", (Field.TEXT, Field.PROPOSAL)),
    ("Bare fra møtet", (Field.INTRODUCTION, Field.NOTES)),
    ("Bare vedlegg", (Field.ATTACHMENT,)),
    ("Bare navn", (Field.NAMES,)),
)
STATUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Alle møter", ()),
    ("Under forberedelse", (MeetingStatus.PLANNED.value, MeetingStatus.NOTICE_ISSUED.value)),
    ("Avholdt, ikke godkjent", (MeetingStatus.HELD.value,)),
    ("Godkjent", (MeetingStatus.APPROVED.value,)),
    ("Avlyst", (MeetingStatus.CANCELLED.value,)),
)
STATUS_TEXT = {
    MeetingStatus.PLANNED.value: "planlagt", MeetingStatus.NOTICE_ISSUED.value: "innkalt",
    MeetingStatus.HELD.value: "avholdt", MeetingStatus.APPROVED.value: "godkjent",
    MeetingStatus.CANCELLED.value: "avlyst",
}  # fmt: skip


def hit_label(hit: Hit) -> str:
    return hit.number or f"{hit.body} (utkast)"


def _status(hit: Hit) -> str:
    return f"møtet er {STATUS_TEXT.get(hit.status, hit.status)}"


def _where(hit: Hit) -> str:
    more = len(hit.fields) - 1
    return hit.field + (f" (+{more})" if more > 0 else "")


class HitModel(ViewModel[Hit]):
    columns = (
        Column(
            "Sak", hit_label, tip=lambda h: f"{hit_label(h)}: {_status(h)}", bold=lambda h: True
        ),
        Column("Dato", lambda h: date_short(h.date)),
        Column(
            "Tittel",
            lambda h: h.title + ("  (unntatt off.)" if h.exempt else ""),
            tip=lambda h: h.title + ("\nUnntatt offentlighet" if h.exempt else ""),
        ),
        Column("Treff i", _where, tip=lambda h: "Treff i: " + ", ".join(h.fields)),
        Column("Utdrag", lambda h: h.snippet.text),
    )
    SNIPPET = 4


def marked_html(hit: Hit) -> str:
    """The snippet with its matched words marked, as HTML."""
    parts, last = [], 0
    text = hit.snippet.text
    for start, end in hit.snippet.marks:
        parts.append(html.escape(text[last:start]))
        parts.append(f'<span style="{MARK}">{html.escape(text[start:end])}</span>')
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)


class SnippetDelegate(QStyledItemDelegate):
    """Draws the snippet with the matched words marked (one line, cut at the cell's edge)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, HitModel):
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style_ = widget.style() if widget is not None else QApplication.style()
        style_.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText() if selected else option.palette.text()
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(
            f'<span style="color:{colour.color().name()}; white-space:pre;">'
            f"{marked_html(model.record(index.row()))}</span>"
        )
        rect = option.rect.adjusted(4, 0, -2, 0)
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + (rect.height() - document.size().height()) / 2
        painter.translate(rect.left(), top)
        document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.restore()


class ResultTable(QTableView):
    """Enter opens the chosen hit."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class QueryField(QLineEdit):
    """Enter opens the first hit (or the one chosen); the down arrow goes to the hits."""

    enter = Signal()
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class SearchPane(Pane):
    """The search field, its filters, the hits, and what to try when nothing was found."""

    open_requested = Signal(object, object)  # (Hit, Query): open the case, the match marked

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.query: Query | None = None
        self.hits: list[Hit] = []
        self._texts_indexed = False

        self._build_query(store)
        self._build_results()
        self._lay_out()
        self.watch_store(undo_stack, self.refresh)

    def _build_query(self, store: Any) -> None:
        """What to search for: the words, the bodies, the years, the kind of text."""
        self.field = QueryField()
        self.help = HELP.format(prefix=example_prefix(store))
        self.field.setPlaceholderText(
            f'Søk i alle saker: ord, "en frase", energi*, -ord, {example_prefix(store)} 46/22'
        )
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(self.help)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _: self.timer.start())
        self.field.enter.connect(self._on_enter)
        self.field.down.connect(self._to_results)

        self.body = QComboBox()
        self.year_from = QComboBox()
        self.year_to = QComboBox()
        self.kind = QComboBox()
        for label, fields in KINDS:
            self.kind.addItem(label, fields)
        self.status = QComboBox()
        for label, statuses in STATUSES:
            self.status.addItem(label, statuses)
        self.order = QComboBox()
        self.order.addItems(["Relevans", "Nyeste først"])
        self.body.setToolTip("Bare saker i dette organet")
        self.year_from.setToolTip("Bare møter fra og med dette året")
        self.year_to.setToolTip("Bare møter til og med dette året")
        self.kind.setToolTip("Bare treff i denne delen av sakene")
        self.status.setToolTip("Bare saker i møter med denne statusen")
        self.order.setToolTip(
            "Mest relevant: treff i tittel og vedtak først, så forslag, saksframstilling, det "
            "som ble sagt, vedlegg og navn – nyeste først innenfor hver"
        )
        self.fill_filters()
        for combo, letters in (
            (self.body, 10), (self.year_from, 4), (self.year_to, 4), (self.kind, 10),
            (self.status, 10), (self.order, 10),
        ):  # fmt: skip
            # Narrow enough for 1280 pixels; the list that opens shows the whole text.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        for combo in (self.body, self.year_from, self.year_to, self.kind, self.status, self.order):
            combo.activated.connect(lambda _: self.run())

    def _build_results(self) -> None:
        """The hits, with the words found marked."""
        self.summary = QLabel(self.help)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self._on_suggestion)

        self.model = HitModel(self)
        self.table = ResultTable()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(HitModel.SNIPPET, SnippetDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate((92, 86, 330, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self.open_current())
        self.table.chosen.connect(self.open_current)
        self.table.setToolTip("Enter eller dobbeltklikk åpner saken")

    def _lay_out(self) -> None:
        """The pane: the query over its filters, the count and the hits."""
        filters = QHBoxLayout()
        for label, combo in (
            ("Organ:", self.body), ("År fra:", self.year_from), ("til:", self.year_to),
            ("Tekst:", self.kind), ("Møter:", self.status), ("Sorter:", self.order),
        ):  # fmt: skip
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
            filters.addSpacing(4)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = style.bold(QLabel("Søk i alle saker"))
        layout.addWidget(title)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.open_requested.connect(host.open_hit)

    # -- filters ------------------------------------------------------------------------------

    def fill_filters(self) -> None:
        """The bodies and years there are; what was chosen stays chosen."""
        body, start, end = self.body.currentData(), self.year_from.currentData(), \
            self.year_to.currentData()  # fmt: skip
        self.body.clear()
        self.body.addItem("Alle organer", "")
        for b in self.store.register.bodies():
            self.body.addItem(f"{b.prefix} – {b.name}", b.prefix)
        years = meeting_years(self.store)
        for combo, first in ((self.year_from, "første"), (self.year_to, "siste")):
            combo.clear()
            combo.addItem(first, None)
            for year in years:
                combo.addItem(str(year), year)
        for combo, value in ((self.body, body), (self.year_from, start), (self.year_to, end)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def filtered(self) -> bool:
        return any(
            combo.currentIndex() > 0
            for combo in (self.body, self.year_from, self.year_to, self.kind, self.status)
        )

    def clear_filters(self) -> None:
        for combo in (self.body, self.year_from, self.year_to, self.kind, self.status):
            combo.setCurrentIndex(0)

    def _search(self, query: Query, filtered: bool = True) -> Hits:
        if not filtered:
            return search(self.store, query, limit=LIMIT)
        body = self.body.currentData()
        return search(
            self.store, query, bodies=(body,) if body else (),
            year_from=self.year_from.currentData(), year_to=self.year_to.currentData(),
            fields=self.kind.currentData(), statuses=self.status.currentData(),
            by_date=self.order.currentIndex() == 1, limit=LIMIT,
        )  # fmt: skip

    # -- searching ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._texts_indexed and not self.store.readonly:
            self._texts_indexed = True  # attachments from before the index: their text once
            QTimer.singleShot(0, self._index_texts)

    def _index_texts(self) -> None:
        try:
            if self.store.files.index_missing_texts() and self.query is not None:
                self.run()
        except StoreError as exc:
            self.message.emit(f"Vedleggenes tekst kunne ikke leses: {exc}")

    def start(self, text: str = "") -> None:
        """Ctrl+F: the field ready for typing, what was there selected."""
        if text:
            self.field.setText(text)
            self.run()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def refresh(self) -> None:
        """After an edit, undo or import: the filters' choices and the hits again."""
        self.fill_filters()
        if self.field.text().strip():
            self.run()

    def run(self) -> None:
        """Search now for what is in the field."""
        self.timer.stop()
        text = self.field.text().strip()
        if not text:
            self.query = None
            self._show([], self.help)
            return
        try:
            query = parse_query(text)
            hits = self._search(query)
        except (UserError, StoreError) as exc:
            self.query = None
            self._show([], html.escape(str(exc)))
            return
        self.query = query
        if hits and not hits.complete:
            self._show(hits, f"{len(hits)} {'sak' if len(hits) == 1 else 'saker'} så langt: "
                       f"{STOPPED} · Enter eller dobbeltklikk åpner saken")  # fmt: skip
        elif hits:
            count = f"{len(hits)} {'sak' if len(hits) == 1 else 'saker'}"
            if len(hits) >= LIMIT:
                count = f"De {LIMIT} beste treffene – skriv flere ord for å finne færre"
            self._show(hits, count + " · Enter eller dobbeltklikk åpner saken")
        elif not hits.complete:
            self._show([], f"Ingen saker funnet ennå for «{html.escape(text)}»: {STOPPED}")
        else:
            self._show([], self._nothing_found(text, query))

    def _show(self, hits: Sequence[Hit], summary: str) -> None:
        self.hits = list(hits)
        self.model.set_records(self.hits)
        self.summary.setText(summary)
        if self.hits:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _nothing_found(self, text: str, query: Query) -> str:
        """«Ingen saker …», and what would find some: no filters, a prefix."""
        said = f"Ingen saker funnet for «{html.escape(text)}»"
        if self.filtered():
            wider = self._search(query, filtered=False)
            if wider:
                return (
                    f"{said} med disse filtrene. Uten filtre finnes {len(wider)} "
                    f"{'sak' if len(wider) == 1 else 'saker'}: "
                    '<a href="nofilter">vis alle organer, år og tekster</a>.'
                )
            said += " (heller ikke uten filtrene)"
        suggestion = prefixed(query)
        if suggestion:
            try:
                found = self._search(parse_query(suggestion))
            except (UserError, StoreError):
                found = Hits()
            if found:
                return (
                    f"{said}. Søk på begynnelsen av ordet: "
                    f'<a href="q:{html.escape(suggestion)}">{html.escape(suggestion)}</a> '
                    f"finner {len(found)} {'sak' if len(found) == 1 else 'saker'}."
                )
        return f"{said}. Sjekk stavemåten, prøv færre ord, eller et ord med * bak (energi*)."

    def _on_suggestion(self, link: str) -> None:
        if link == "nofilter":
            self.clear_filters()
        elif link.startswith("q:"):
            self.field.setText(html.unescape(link[2:]))
        self.run()

    # -- opening ------------------------------------------------------------------------------

    def _to_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            row = self.table.currentIndex().row()
            if row < 0:
                self.table.setCurrentIndex(self.model.index(0, 0))

    def _on_enter(self) -> None:
        if self.timer.isActive() or self.query is None:
            self.run()
        self.open_current()

    def open_current(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.hits) and self.query is not None:
            self.open_requested.emit(self.hits[row], self.query)
