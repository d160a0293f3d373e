"""The editor of one case: title, text, attachments, proposal, presenter, follow-up, exemption."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from tr_desk.core.model import Attachment, Case, CaseKind, Exemption
from tr_desk.ui.agenda.model import KIND_LABELS
from tr_desk.ui.pane import example_prefix, name_for_menu
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.markdown_edit import MarkdownEdit, formatting_bar, tool_button

TYPING_PAUSE_MS = 400
SAVE_WITHIN_MS = 900  # a keystroke is in the database within a second, pause or not
DEFAULT_BASIS = "offl. § 13 jf. fvl. § 13 første ledd nr. 1"
MATCH_COLOUR = "#ffe27a"  # a search's matches, here and in Søk
EDITABLE_KINDS = (CaseKind.ORDINARY, CaseKind.BRIEFING, CaseKind.DISCUSSION)


def _marked(edit: QTextEdit, start: int, end: int) -> QTextEdit.ExtraSelection:
    """The look of a search's match in a text: the yellow of the hits in Søk."""
    selection = QTextEdit.ExtraSelection()
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(MATCH_COLOUR))
    selection.format = fmt
    return selection


class CaseForm(QWidget):
    """A form over one case that saves itself: ``edited(case, field)`` when typing pauses, the
    focus leaves, or another case is chosen. ``field`` names the text being typed, so that a
    burst of typing is one undo step; it is empty for one-off changes."""

    edited = Signal(object, str)
    TYPED_FIELDS: frozenset[str] = frozenset()

    def __init__(self, pause_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.flush)
        # Typing without a pause is saved too: never more than this after the first key.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(SAVE_WITHIN_MS)
        self._deadline.timeout.connect(self.flush)

    fields: dict[str, QWidget]

    def _read(self) -> Case:
        """The case as the form shows it now."""
        raise NotImplementedError

    def add_link(self, label: str) -> None:
        """«Samme sak» clicked in the saksgang: ``label`` joins the case's links (one step)."""
        self.flush()
        if self.case is not None and label not in self.case.links:
            self._emit(replace(self.case, links=(*self.case.links, label)), "")

    def mark_matches(self, query: Any, field: str = "", attachment: str = "") -> int:
        """A hit from Søk: ``query``'s words marked in every text of the form, the cursor on
        the first in ``field`` (else the first text that has one); the attachment whose title
        matched chosen. Returns how many places were marked."""
        from tr_desk.core.search import match_spans

        marked = 0
        first_widget: QWidget | None = None
        order = [field] + [f for f in self.fields if f != field] if field else list(self.fields)
        for name in order:
            widget = self.fields.get(name)
            if isinstance(widget, QTextEdit):
                spans = match_spans(widget.toPlainText(), query)
                widget.setExtraSelections([_marked(widget, a, b) for a, b in spans])
                if spans and first_widget is None:
                    first_widget = widget
                    cursor = widget.textCursor()
                    cursor.setPosition(spans[0][0])
                    widget.setTextCursor(cursor)
                    widget.ensureCursorVisible()
                marked += len(spans)
            elif isinstance(widget, QLineEdit) and widget.isVisible():
                spans = match_spans(widget.text(), query)
                if spans and first_widget is None:
                    first_widget = widget
                    widget.setSelection(spans[0][0], spans[0][1] - spans[0][0])
                marked += len(spans)
        if attachment and isinstance(self.fields.get("attachments"), QListWidget):
            items = self.fields["attachments"]
            assert isinstance(items, QListWidget)
            for row in range(items.count()):
                if items.item(row).text().endswith(f": {attachment}"):
                    items.setCurrentRow(row)
                    first_widget = first_widget if field != "attachments" else items
        if first_widget is None and field in self.fields:
            first_widget = self.fields[field]
        if first_widget is not None and self.isEnabled():
            first_widget.setFocus()
        return marked

    def _typed(self, field: str) -> None:
        self._pending.add(field)
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Emit what changed since the last save."""
        self._timer.stop()
        self._deadline.stop()
        if self.case is None or not self._pending:
            self._pending.clear()
            return
        fields, self._pending = self._pending, set()
        new = self._read()
        if new != self.case:
            typed = len(fields) == 1 and next(iter(fields)) in self.TYPED_FIELDS
            self._emit(new, next(iter(fields)) if typed else "")

    def _emit(self, new: Case, field: str) -> None:
        self.case = new
        self.edited.emit(new, field)


def closed_combo() -> QComboBox:
    """«Lukket møte»: open, or closed on one of kommuneloven § 11-5's bases."""
    from tr_desk.core.law import CLOSED_BASES

    combo = style.narrow(QComboBox())
    combo.addItem("Åpent møte", "")
    for basis in CLOSED_BASES:
        combo.addItem(f"Lukket: {basis.choice}", basis.key)
    combo.setToolTip("Møtet lukkes under behandlingen av saken (kommuneloven § 11-5)")
    return combo


class CaseEditor(CaseForm):
    """Edits one case; every change is emitted as ``edited(new case, field)``, typing debounced."""

    followup_list_requested = Signal(object)  # the case: attach the body's Oppfølgingsliste
    followup_closed = Signal(object, str)  # (FollowUpLine, this case's number): report it done

    TYPED_FIELDS = frozenset({"text", "proposal", "title"})

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(TYPING_PAUSE_MS, parent)
        self.store = store
        self.first_attachment_number = 1
        self.locked = False  # approved minutes or a read-only file: shown, not edited

        self._build_fields(store)
        self._connect_fields()
        form = self._lay_out()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.fields: dict[str, QWidget] = {
            "title": self.title, "kind": self.kind, "text": self.text,
            "attachments": self.attachments, "proposal": self.proposal,
            "presenter": self.presenter, "follows": self.follows, "exempt": self.basis,
            "resolution": self.proposal, "closed": self.closed,
        }  # fmt: skip
        self.setEnabled(False)

    def _build_fields(self, store: Any) -> None:
        """The case's fields, each saving as it is left."""
        self.number = QLabel()
        font = self.number.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.number.setFont(font)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Sakens tittel")
        self.kind = style.narrow(QComboBox())
        self.text = MarkdownEdit()
        self.text.setMinimumHeight(160)
        self.proposal = MarkdownEdit()
        self.proposal.setMaximumHeight(90)
        self.presenter = QLineEdit()
        self.presenter.setPlaceholderText("Hvem legger fram saken")
        self.follows = QLineEdit()
        self.follows.setPlaceholderText(f"f.eks. {example_prefix(store)} 51/21")
        self.closed = closed_combo()
        self.closed.activated.connect(lambda _: self._changed("closed"))
        self.late = style.muted(
            "Tilleggssak: lagt til etter at innkallingen ble sendt ut. Den sendes i en "
            "tilleggsinnkalling («Send ut tilleggsinnkalling …»)."
        )
        self.late.setWordWrap(True)
        self.offers = QLabel()
        self.offers.setWordWrap(True)
        self.offers.linkActivated.connect(self._on_offer)
        self._offered: list[Any] = []
        self.followup_list = tool_button(
            "Oppfølgingsliste",
            "Legg ved organets åpne oppfølginger («Oppfølgingsliste per …», PDF); en eldre "
            "liste byttes ut",
        )
        self.followup_list.clicked.connect(lambda: self.followup_list_requested.emit(self.case))
        self.exempt = QCheckBox("Unntatt offentlighet")
        self.basis = QLineEdit()
        self.basis.setPlaceholderText(DEFAULT_BASIS)
        self.public_title = QLineEdit()
        self.public_title.setPlaceholderText("Tittel i den offentlige versjonen")
        from tr_desk.ui.search.thread_view import ThreadView

        self.thread_view = ThreadView(store)
        self.thread_view.link_confirmed.connect(self.add_link)
        # A saved change may name another case: the thread is read again once it is written.
        self.edited.connect(lambda case, _field: self.thread_view.show_case(case.id))
        self.show_history = QCheckBox("Tidligere behandling i innkallingen")
        self.show_history.setToolTip(
            "Innkallingen får linjen «Tidligere behandling: …» med sakenes numre i saksgangen "
            "før dette møtet"
        )
        self.show_history.toggled.connect(lambda _: self._changed("show_history"))
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(66)
        self.attachments.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attachments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_attachment = tool_button("Legg til …", "Legg ved en PDF-fil (kopieres inn)")
        self.rename_attachment = tool_button("Gi nytt navn …", "Endre vedleggets tittel")
        self.remove_attachment = tool_button("Fjern", "Fjern vedlegget fra saken")
        self.attachment_up = tool_button("▲", "Flytt vedlegget opp")
        self.attachment_down = tool_button("▼", "Flytt vedlegget ned")
        for button, text in (
            (self.add_attachment, "Legg til vedlegg …"),
            (self.rename_attachment, "Gi vedlegget nytt navn …"),
            (self.remove_attachment, "Fjern vedlegget"),
            (self.attachment_up, "Flytt vedlegget opp"),
            (self.attachment_down, "Flytt vedlegget ned"),
            (self.followup_list, "Legg ved oppfølgingslisten"),
        ):
            name_for_menu(button, text)

    def _connect_fields(self) -> None:
        """What each field does when it is edited."""
        for line in (self.title, self.presenter, self.follows, self.basis, self.public_title):
            line.editingFinished.connect(self.flush_now)
        self.title.textEdited.connect(lambda _: self._typed("title"))
        self.text.textChanged.connect(lambda: self._typed("text"))
        self.proposal.textChanged.connect(lambda: self._typed("proposal"))
        self.kind.activated.connect(lambda _: self._changed("kind"))
        self.exempt.toggled.connect(lambda _: self._changed("exempt"))
        self.add_attachment.clicked.connect(self._on_add_attachment)
        self.rename_attachment.clicked.connect(self._on_rename_attachment)
        self.remove_attachment.clicked.connect(self._on_remove_attachment)
        self.attachment_up.clicked.connect(lambda: self._on_move_attachment(-1))
        self.attachment_down.clicked.connect(lambda: self._on_move_attachment(+1))

    def _lay_out(self) -> Any:
        """The form: number and title, text, attachments, proposal, the rest below."""
        attachment_buttons = QHBoxLayout()
        for button in (self.add_attachment, self.rename_attachment, self.remove_attachment):
            attachment_buttons.addWidget(button)
        attachment_buttons.addWidget(self.followup_list)
        attachment_buttons.addStretch(1)
        # ▲▼ beside the list they move in, so the row of buttons fits a narrow column.
        arrows = QVBoxLayout()
        arrows.setSpacing(2)
        arrows.addWidget(self.attachment_up)
        arrows.addWidget(self.attachment_down)
        arrows.addStretch(1)
        attachment_row = QHBoxLayout()
        attachment_row.addWidget(self.attachments, 1)
        attachment_row.addLayout(arrows)
        exempt_row = QHBoxLayout()
        exempt_row.addWidget(self.exempt)
        exempt_row.addWidget(self.basis, 1)

        form = style.reflow(QFormLayout())
        form.addRow(self.number, self.title)
        form.addRow("", self.late)
        form.addRow("Type:", self.kind)
        text_box = QVBoxLayout()
        text_box.setSpacing(0)
        self.text_bar = formatting_bar(self.text)
        text_box.addWidget(self.text_bar)
        text_box.addWidget(self.text)
        form.addRow("Sak:", text_box)
        attachment_box = QVBoxLayout()
        attachment_box.addLayout(attachment_row)
        attachment_box.addLayout(attachment_buttons)
        form.addRow("Vedlegg:", attachment_box)
        form.addRow("Forslag til vedtak:", self.proposal)
        form.addRow("Presenteres av:", self.presenter)
        form.addRow("Oppfølging av sak:", self.follows)
        form.addRow("", self.offers)
        thread_box = QVBoxLayout()
        thread_box.setSpacing(2)
        thread_box.addWidget(self.thread_view)
        thread_box.addWidget(self.show_history)
        form.addRow("Saksgang:", thread_box)
        form.addRow("", exempt_row)
        form.addRow("Offentlig tittel:", self.public_title)
        form.addRow("Lukket møte:", self.closed)
        self.form = form
        return form

    # -- showing a case ------------------------------------------------------------------

    def load(self, case: Case | None, label: str = "", first_attachment_number: int = 1) -> None:
        """Show ``case`` (None: nothing selected); pending typing is saved first."""
        self.flush()
        self.case = case
        self.first_attachment_number = first_attachment_number
        if case is not None:
            from tr_desk.ui.widgets.name_completion import complete_names

            complete_names(self.presenter, self.store.register.people())
        self.setEnabled(case is not None)
        self._show_lock()
        widgets = (self.title, self.presenter, self.follows, self.basis, self.public_title)
        for widget in (*widgets, self.kind, self.exempt, self.show_history, self.closed):
            widget.blockSignals(True)
        self.kind.clear()
        self.thread_view.show_case(case.id if case is not None else None)
        if case is None:
            for widget in widgets:
                widget.clear()
            self.text.set_markdown("")
            self.proposal.set_markdown("")
            self.number.setText("")
            self.attachments.clear()
        else:
            self.number.setText(label)
            self.title.setText(case.title)
            kinds = EDITABLE_KINDS if case.kind in EDITABLE_KINDS else (case.kind,)
            for kind in kinds:
                self.kind.addItem(KIND_LABELS[kind], kind.value)
            self.kind.setCurrentIndex(max(0, self.kind.findData(case.kind.value)))
            self.text.set_markdown(case.text)
            self.proposal.set_markdown(case.proposal)
            self.presenter.setText(case.presenter)
            self.follows.setText(case.follows)
            self.exempt.setChecked(case.exempt is not None)
            self.show_history.setChecked(case.show_history)
            self.basis.setText(case.exempt.basis if case.exempt else "")
            self.public_title.setText(case.exempt.public_title if case.exempt else "")
            self.closed.setCurrentIndex(max(0, self.closed.findData(case.closed)))
            self._fill_attachments()
        self.form.setRowVisible(self.late, case is not None and case.late)
        self.followup_list.setVisible(case is not None and case.kind is CaseKind.BRIEFINGS)
        self.show_offers(label)
        self.basis.setEnabled(self.exempt.isChecked())
        self.public_title.setEnabled(self.exempt.isChecked())
        for widget in (*widgets, self.kind, self.exempt, self.show_history, self.closed):
            widget.blockSignals(False)

    def set_locked(self, locked: bool) -> None:
        """Approved minutes (or a read-only file): the case can be read, selected and copied,
        and nothing in it changed."""
        self.locked = locked
        self._show_lock()

    def _show_lock(self) -> None:
        locked = self.locked
        for line in (self.title, self.presenter, self.follows, self.basis, self.public_title):
            line.setReadOnly(locked)
        for edit in (self.text, self.proposal):
            edit.setReadOnly(locked)
        for widget in (
            self.kind, self.exempt, self.show_history, self.closed, self.text_bar,
            self.add_attachment, self.rename_attachment, self.remove_attachment,
            self.attachment_up, self.attachment_down, self.followup_list, self.offers,
        ):  # fmt: skip
            widget.setEnabled(not locked)

    def _fill_attachments(self) -> None:
        self.attachments.clear()
        assert self.case is not None
        for j, attachment in enumerate(self.case.attachments):
            number = self.first_attachment_number + j
            missing = "" if attachment.file else "   (mangler fil)"
            text = f"Vedlegg {number}: {attachment.title}{missing}"
            QListWidgetItem(text, self.attachments).setToolTip(text)

    def focus_field(self, field: str) -> None:
        widget = self.fields.get(field.split("[")[0])
        if widget is not None:
            widget.setFocus()

    # -- editing ---------------------------------------------------------------------------

    def _changed(self, field: str) -> None:
        self.basis.setEnabled(self.exempt.isChecked())
        self.public_title.setEnabled(self.exempt.isChecked())
        self._pending.add(field)
        self.flush()

    def flush_now(self) -> None:
        self._pending.add("line")
        self.flush()

    def _read(self) -> Case:
        assert self.case is not None
        case = self.case
        # Only a text the user changed is read back: Qt's Markdown differs in form from ours.
        text = self.text.markdown() if self.text.document().isModified() else case.text
        proposal = (
            self.proposal.markdown() if self.proposal.document().isModified() else case.proposal
        )
        exempt = None
        if self.exempt.isChecked():
            exempt = Exemption(
                basis=self.basis.text().strip() or DEFAULT_BASIS,
                public_title=self.public_title.text().strip(),
            )
        return replace(
            case,
            title=" ".join(self.title.text().split()),
            kind=CaseKind(self.kind.currentData() or case.kind.value),
            text=text,
            proposal=proposal,
            presenter=self.presenter.text().strip(),
            follows=self.follows.text().strip(),
            exempt=exempt,
            show_history=self.show_history.isChecked(),
            closed=self.closed.currentData() or "",
        )

    # -- follow-up items this case reports on ---------------------------------------------

    def show_offers(self, label: str = "") -> None:
        """Open follow-up items of the cases this one refers to («Oppfølging av sak KF 35/22»
        or in its text): each a link to mark it done, closed by this case."""
        self._offered = []
        case = self.case
        if case is None or case.id is None or not label:
            self.offers.hide()
            return
        from tr_desk.app.followups import followup_lines
        from tr_desk.core.followups import closing_offers, referred_cases

        # The items are read only for a case that names another: not on every selection.
        labels = referred_cases((case.follows, case.title, case.text), label.split()[0])
        if not labels:
            self.offers.hide()
            return
        lines = followup_lines(self.store, open_only=True)
        self._offered = closing_offers(labels, lines, case.id)
        self._label = label
        links = [
            f"{line.case} har en åpen oppfølging: «{line.item.what}» – "
            f'<a href="{i}">merk som ferdig (lukket av {label})</a>'
            for i, line in enumerate(self._offered)
        ]
        self.offers.setText("<br>".join(links))
        self.offers.setVisible(bool(links))

    def _on_offer(self, link: str) -> None:
        index = int(link)
        if 0 <= index < len(self._offered):
            self.followup_closed.emit(self._offered[index], self._label)

    def _edit_attachments(self, attachments: Sequence[Attachment]) -> None:
        assert self.case is not None
        new = replace(self._read(), attachments=attachments)
        self.case = new
        self._fill_attachments()
        self.edited.emit(new, "")

    def _on_add_attachment(self) -> None:
        if self.case is None:
            return
        paths = dialogs.choose_files(
            self, "Legg til vedlegg", str(Path.home()), "Legg til",
            mode=dialogs.FileMode.OPEN_MANY, kinds=[("PDF-filer", "pdf")],
        )  # fmt: skip
        attachments = list(self.case.attachments)
        for name in paths:
            path = Path(name)
            try:
                stored = self.store.files.import_attachment(path)
            except Exception as exc:  # StoreError: told, nothing added
                dialogs.warn(self, str(exc), "Kunne ikke legge til vedlegget")
                continue
            attachments.append(Attachment(title=path.stem.replace("_", " "), file=stored))
        if len(attachments) != len(self.case.attachments):
            self._edit_attachments(attachments)

    def add_attachment_file(self, path: Path, title: str) -> None:
        """Add a PDF as the case's last attachment (the file dialog's work, callable directly)."""
        assert self.case is not None
        stored = self.store.files.import_attachment(path)
        self._edit_attachments([*self.case.attachments, Attachment(title=title, file=stored)])

    def _on_rename_attachment(self) -> None:
        row = self.attachments.currentRow()
        if self.case is None or row < 0:
            return
        title = dialogs.ask_text(self, "Vedlegg", "Tittel på vedlegget:")
        if title:
            attachments = list(self.case.attachments)
            attachments[row] = replace(attachments[row], title=title)
            self._edit_attachments(attachments)

    def _on_remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if self.case is None or row < 0:
            return
        attachments = list(self.case.attachments)
        del attachments[row]
        self._edit_attachments(attachments)

    def _on_move_attachment(self, step: int) -> None:
        row = self.attachments.currentRow()
        if self.case is None or not 0 <= row + step < len(self.case.attachments) or row < 0:
            return
        attachments = list(self.case.attachments)
        attachments[row], attachments[row + step] = attachments[row + step], attachments[row]
        self._edit_attachments(attachments)
        self.attachments.setCurrentRow(row + step)
