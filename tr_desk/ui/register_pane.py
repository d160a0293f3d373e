"""Register: bodies, people and memberships. Every edit is saved at once and can be undone."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tr_desk.core.formats import date_short
from tr_desk.core.model import Body, Membership, Person, Role
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store
from tr_desk.ui import commands
from tr_desk.ui.commands import StoreCommand
from tr_desk.ui.models import (
    EDIT_ROLE,
    FILTER_ROLE,
    MINUTES_LABELS,
    ROLE_LABELS,
    WEEKDAY_LABELS,
    BodyTableModel,
    MembershipRow,
    MembershipTableModel,
    PersonListModel,
)

MUNICIPALITIES = (
    "Trondheim", "Stjørdal", "Malvik", "Melhus", "Skaun", "Orkland", "Midtre Gauldal",
    "Indre Fosen",
)  # fmt: skip


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over fixed (value, label) choices for one column."""

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        editor = QComboBox(parent)
        for value, label in self._choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(EDIT_ROLE)
        editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT_ROLE)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


class PersonFilterModel(QSortFilterProxyModel):
    """Keeps the people whose name, aliases, title or municipality contain every typed word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10
            self.beginFilterChange()
            self._words = text.casefold().split()
            self.endFilterChange()
        else:
            self._words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._words:
            return True
        haystack = str(self.sourceModel().index(source_row, 0).data(FILTER_ROLE)).casefold()
        return all(word in haystack for word in self._words)


class Pane(QWidget):
    """Shared plumbing: push an undo command after it has been written, or say why not."""

    saved = Signal(str)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack

    def push(self, command: StoreCommand) -> bool:
        try:
            command.run_first()
        except StoreError as exc:
            QMessageBox.warning(self, "Kunne ikke lagre", str(exc))
            return False
        self.undo_stack.push(command)
        self.saved.emit(command.text())
        return True

    def refuse(self, message: str) -> None:
        QMessageBox.information(self, "TR Desk", message)


class PeoplePage(Pane):
    """The person register: find, add, edit (name, title, municipality, e-mail, aliases)."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self.model = PersonListModel(self)
        self.proxy = PersonFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._current: Person | None = None

        self.search = QLineEdit(placeholderText="Søk etter navn, tittel eller kommune …")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.add_button = QPushButton("Ny person …")
        self.add_button.clicked.connect(self._on_add)
        self.delete_button = QPushButton("Slett person")
        self.delete_button.clicked.connect(self._on_delete)
        self.count_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        left_layout.addLayout(buttons)

        self.name = QLineEdit()
        self.title = QLineEdit(placeholderText="f.eks. Kommunedirektør, Ordfører")
        self.municipality = QLineEdit()
        self.municipality.setCompleter(QCompleter(list(MUNICIPALITIES), self))
        self.email = QLineEdit(placeholderText="navn@kommune.no")
        self.aliases = QLineEdit(placeholderText="skilles med komma, f.eks. Kathrine Lereggen")
        self.fields = (self.name, self.title, self.municipality, self.email, self.aliases)
        for field in self.fields:
            field.editingFinished.connect(self._on_field_edited)
        form_box = QGroupBox("Person")
        form = QFormLayout(form_box)
        form.addRow("&Navn:", self.name)
        form.addRow("&Tittel:", self.title)
        form.addRow("&Kommune:", self.municipality)
        form.addRow("&E-post:", self.email)
        form.addRow("&Andre skrivemåter:", self.aliases)
        hint = QLabel(
            "Navn i importerte dokumenter og møtefiler kjennes igjen også når de er "
            "skrevet på en av disse måtene."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", hint)
        self.memberships = QLabel()
        self.memberships.setWordWrap(True)
        member_box = QGroupBox("Medlemskap")
        QVBoxLayout(member_box).addWidget(self.memberships)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(form_box)
        right_layout.addWidget(member_box)
        right_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.set_readonly(store.readonly)

    def set_readonly(self, readonly: bool) -> None:
        for widget in (*self.fields, self.add_button, self.delete_button):
            widget.setEnabled(not readonly)

    def refresh(self) -> None:
        keep = self._current.id if self._current else None
        self.model.set_people(self.store.people())
        self.count_label.setText(f"{self.model.rowCount()} personer")
        self.select(keep)

    def select(self, person_id: int | None) -> None:
        row = self.model.row_of(person_id)
        if row < 0 and self.model.rowCount():
            row = 0
        if row < 0:
            self._show(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list.setCurrentIndex(index)
        self._show(self.model.person(row))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.person(self.proxy.mapToSource(current).row()))

    def _show(self, person: Person | None) -> None:
        self._current = person
        values = ("", "", "", "", "")
        if person is not None:
            values = (
                person.name, person.title, person.municipality, person.email,
                ", ".join(person.aliases),
            )  # fmt: skip
        for field, value in zip(self.fields, values, strict=True):
            if field.text() != value:
                field.setText(value)
        self.delete_button.setEnabled(person is not None and not self.store.readonly)
        self.memberships.setText(self._membership_text(person))

    def _membership_text(self, person: Person | None) -> str:
        if person is None or person.id is None:
            return ""
        bodies = {b.id: b.name for b in self.store.bodies()}
        lines = []
        for m in self.store.memberships(person_id=person.id):
            period = f"fra {date_short(m.start)}"
            if m.end:
                period += f" til {date_short(m.end)}"
            lines.append(f"{bodies.get(m.body_id, '?')}: {ROLE_LABELS[m.role].lower()} {period}")
        return "\n".join(lines) or "Ingen medlemskap."

    def _on_field_edited(self) -> None:
        old = self._current
        if old is None:
            return
        name = " ".join(self.name.text().split())
        if not name:
            self.name.setText(old.name)
            self.refuse("En person må ha et navn.")
            return
        new = Person(
            id=old.id,
            name=name,
            title=self.title.text().strip(),
            municipality=self.municipality.text().strip(),
            email=self.email.text().strip(),
            aliases=[a.strip() for a in self.aliases.text().split(",") if a.strip()],
        )
        if new != old:
            self.push(commands.edit_person(self.store, old, new))

    def _on_add(self) -> None:
        name, ok = QInputDialog.getText(self, "Ny person", "Fullt navn:")
        name = " ".join(name.split())
        if not ok or not name:
            return
        person = Person(id=None, name=name)
        if self.push(commands.add_person(self.store, person)):
            self.search.clear()
            self.select(person.id)
            self.title.setFocus()

    def _on_delete(self) -> None:
        person = self._current
        if person is None or person.id is None:
            return
        if self.store.person_usage(person.id):
            self.refuse(
                f"{person.name} er nevnt i møter og kan ikke slettes. "
                "Avslutt heller medlemskapene under «Organer og medlemskap»."
            )
            return
        answer = QMessageBox.question(
            self, "Slett person", f"Slette {person.name} og personens medlemskap fra registeret?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.push(commands.delete_person(self.store, person))


class AddMembershipDialog(QDialog):
    def __init__(self, body: Body, people: list[Person], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Nytt medlemskap i {body.name}")
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in people:
            label = person.name + (f" ({person.municipality})" if person.municipality else "")
            self.person.addItem(label, person.id)
        from PySide6.QtCore import Qt

        completer = self.person.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCurrentIndex(-1)
        self.role = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.role.setCurrentIndex(1)
        self.start = date_edit(dt.date.today(), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Legg til")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        form.addRow("&Rolle:", self.role)
        form.addRow("&Fra og med:", self.start)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        if self.person_id() is None:
            QMessageBox.information(self, "TR Desk", "Velg en person fra registeret.")
            return
        self.accept()

    def person_id(self) -> int | None:
        index = self.person.findText(self.person.currentText())
        return self.person.itemData(index) if index >= 0 else None

    def membership(self, body_id: int) -> Membership:
        person_id = self.person_id()
        assert person_id is not None
        return Membership(
            id=None,
            person_id=person_id,
            body_id=body_id,
            role=Role(self.role.currentData()),
            start=pydate(self.start.date()),
        )


class BodiesPage(Pane):
    """The bodies with their usual slots, and the memberships of the selected body."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self.bodies = BodyTableModel(self)
        self.bodies.edit_requested.connect(self._on_body_edit)
        self.bodies.invalid.connect(self.refuse)
        self.body_view = QTableView()
        self.body_view.setModel(self.bodies)
        self.body_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.body_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.body_view.verticalHeader().hide()
        self.body_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.body_view.horizontalHeader().setStretchLastSection(True)
        self.body_view.setItemDelegateForColumn(
            2, ChoiceDelegate([(k.value, v) for k, v in MINUTES_LABELS.items()], self)
        )
        self.body_view.setItemDelegateForColumn(
            3, ChoiceDelegate(list(enumerate(WEEKDAY_LABELS[:5])), self)
        )
        self.body_view.selectionModel().currentRowChanged.connect(self._on_body_changed)

        self.members = MembershipTableModel(self)
        self.members.edit_requested.connect(self._on_membership_edit)
        self.members.invalid.connect(self.refuse)
        self.member_view = QTableView()
        self.member_view.setModel(self.members)
        self.member_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.member_view.verticalHeader().hide()
        header = self.member_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(100)
        self.member_view.setItemDelegateForColumn(
            1, ChoiceDelegate([(k.value, v) for k, v in ROLE_LABELS.items()], self)
        )
        self.members_title = QLabel()
        self.members_title.setStyleSheet("font-weight: bold;")
        self.show_ended = QCheckBox("Vis avsluttede")
        self.show_ended.toggled.connect(lambda _: self._fill_members())
        self.add_button = QPushButton("Legg til medlem …")
        self.add_button.clicked.connect(self._on_add_member)
        self.end_button = QPushButton("Avslutt medlemskap …")
        self.end_button.clicked.connect(self._on_end_member)
        self.delete_button = QPushButton("Slett")
        self.delete_button.setToolTip("Fjern et medlemskap som ble registrert ved en feil")
        self.delete_button.clicked.connect(self._on_delete_member)

        layout = QVBoxLayout(self)
        title = QLabel("Organer")
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.body_view, 2)
        row = QHBoxLayout()
        row.addWidget(self.members_title)
        row.addStretch(1)
        row.addWidget(self.show_ended)
        layout.addLayout(row)
        layout.addWidget(self.member_view, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_readonly(store.readonly)

    def set_readonly(self, readonly: bool) -> None:
        self.bodies.editable = self.members.editable = not readonly
        for button in (self.add_button, self.end_button, self.delete_button):
            button.setEnabled(not readonly)

    def current_body(self) -> Body | None:
        row = self.body_view.currentIndex().row()
        return self.bodies.record(row) if 0 <= row < self.bodies.rowCount() else None

    def refresh(self) -> None:
        current = self.current_body()
        keep = current.id if current else None
        self.bodies.set_records(self.store.bodies())
        rows = [b.id for b in self.bodies._records]
        row = rows.index(keep) if keep in rows else 0
        if self.bodies.rowCount():
            self.body_view.selectRow(row)
        self._fill_members()

    def _on_body_changed(self, *_: Any) -> None:
        self._fill_members()

    def _fill_members(self) -> None:
        body = self.current_body()
        if body is None or body.id is None:
            self.members.set_records([])
            return
        today = dt.date.today()
        names = {p.id: p.name for p in self.store.people()}
        rows = [
            MembershipRow(m, names.get(m.person_id, "?"))
            for m in self.store.memberships(body_id=body.id)
            if self.show_ended.isChecked() or m.end is None or m.end >= today
        ]
        self.members.set_records(rows)
        self.members_title.setText(f"Medlemmer og kopimottakere i {body.name}")

    def _selected_membership(self) -> MembershipRow | None:
        row = self.member_view.currentIndex().row()
        return self.members.record(row) if 0 <= row < self.members.rowCount() else None

    def _on_body_edit(self, old: Body, new: Body) -> None:
        self.push(commands.edit_body(self.store, old, new))

    def _on_membership_edit(self, old: MembershipRow, new: MembershipRow) -> None:
        self.push(
            commands.edit_membership(self.store, old.membership, new.membership, old.person_name)
        )

    def _on_add_member(self) -> None:
        body = self.current_body()
        if body is None or body.id is None:
            return
        dialog = AddMembershipDialog(body, self.store.people(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            membership = dialog.membership(body.id)
            label = dialog.person.currentText()
            self.push(commands.add_membership(self.store, membership, label))

    def _on_end_member(self) -> None:
        row = self._selected_membership()
        if row is None:
            self.refuse("Velg medlemskapet som skal avsluttes.")
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("Avslutt medlemskap")
        end = date_edit(max(dt.date.today(), row.membership.start), dialog)
        end.setMinimumDate(qdate(row.membership.start))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Avslutt")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(QLabel(f"{row.person_name} går ut av {self.current_body().name}."))  # type: ignore[union-attr]
        form.addRow("&Siste dag:", end)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ended = dataclasses.replace(row.membership, end=pydate(end.date()))
            new = MembershipRow(ended, row.person_name)
            self._on_membership_edit(row, new)

    def _on_delete_member(self) -> None:
        row = self._selected_membership()
        if row is None:
            self.refuse("Velg medlemskapet som skal slettes.")
            return
        self.push(commands.delete_membership(self.store, row.membership, row.person_name))


class RegisterPane(QWidget):
    """The Register pane: people on one tab, bodies and their memberships on the other."""

    saved = Signal(str)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.people = PeoplePage(store, undo_stack)
        self.people.saved.connect(self.saved)
        self._bodies: BodiesPage | None = None
        self._bodies_tab = QWidget()
        QVBoxLayout(self._bodies_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, "Personer")
        self.tabs.addTab(self._bodies_tab, "Organer og medlemskap")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        undo_stack.indexChanged.connect(lambda _: self.refresh())
        self.refresh()

    @property
    def bodies(self) -> BodiesPage:
        """Built when first wanted: its tables cost ~40 ms the first paint need not wait for."""
        if self._bodies is None:
            self._bodies = BodiesPage(self.store, self.undo_stack)
            self._bodies.saved.connect(self.saved)
            self._bodies_tab.layout().addWidget(self._bodies)
            self._bodies.refresh()
        return self._bodies

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._bodies_tab:
            self.bodies  # noqa: B018 - builds the page

    def refresh(self) -> None:
        self.people.refresh()
        if self._bodies is not None:
            self._bodies.refresh()
