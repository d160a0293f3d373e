"""Organer og medlemskap: the bodies with their usual slots, and who sits in each.

Built when its tab is first opened (see RegisterPane.bodies): its tables and dialogs are not
needed for the first paint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.mail import roster_hint
from tr_desk.core.model import Body, BodyRole, Membership, MinutesKind, Person, Role
from tr_desk.core.organisation import ROLE_NAMES
from tr_desk.ui import commands
from tr_desk.ui.pane import Pane
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.date_field import DateField
from tr_desk.ui.widgets.models import (
    EDIT_ROLE,
    MINUTES_LABELS,
    ROLE_LABELS,
    WEEKDAY_LABELS,
    pydate,
    qdate,
)
from tr_desk.ui.widgets.table_models import (
    BodyTableModel,
    MembershipRow,
    MembershipTableModel,
    set_body_name,
    set_body_prefix,
)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over fixed (value, label) choices for one column."""

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self, parent: QWidget, option: Any, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for value, label in self._choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(EDIT_ROLE)
        editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT_ROLE)


def date_edit(day: dt.date, parent: QWidget) -> DateField:
    return DateField(day, parent)


class AddMembershipDialog(QDialog):
    def __init__(
        self, body: Body, people: list[Person], today: dt.date, parent: QWidget | None = None
    ):
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
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCurrentIndex(-1)
        self.role = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.role.setCurrentIndex(1)
        self.start = date_edit(today, self)
        self.party = QLineEdit()
        self.party.setPlaceholderText("Ap, H, Sp … (tomt for forumene)")
        self.rank = QSpinBox()
        self.rank.setRange(0, 99)
        self.rank.setSpecialValueText("–")
        self.rank.setToolTip("Varamedlemmets plass i listas rekkefølge (kommuneloven § 7-10)")
        self.role.currentIndexChanged.connect(self._on_role)
        buttons = dialogs.ok_cancel(self, "Legg til", self._on_accept)
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        form.addRow("&Rolle:", self.role)
        form.addRow("&Fra og med:", self.start)
        form.addRow("P&arti/liste:", self.party)
        form.addRow("&Vara-nr.:", self.rank)
        self._on_role()
        form.addRow(buttons)

    def _on_role(self, *_: Any) -> None:
        self.rank.setEnabled(self.role.currentData() == Role.SUBSTITUTE.value)

    def _on_accept(self) -> None:
        if self.person_id() is None:
            dialogs.tell(self, "Velg en person fra registeret.")
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
            party=" ".join(self.party.text().split()),
            rank=self.rank.value() or None if self.rank.isEnabled() else None,
        )


class AddBodyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, has_council: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nytt organ")
        self.name = QLineEdit()
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(4)
        self.prefix.setPlaceholderText("2–4 bokstaver, f.eks. KF")
        self.kind = QComboBox()
        for kind, label in MINUTES_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.elected = QCheckBox("&Folkevalgt organ (vedtaksførhet etter kommuneloven § 11-9)")
        self.role = QComboBox()
        for role, label in ROLE_NAMES.items():
            if role is not BodyRole.COUNCIL or not has_council:
                self.role.addItem(label, role.value)
        self.role.setCurrentIndex(self.role.count() - 1)
        buttons = dialogs.ok_cancel(self, "Legg til", self._on_accept)
        form = QFormLayout(self)
        form.addRow("&Navn:", self.name)
        form.addRow("&Prefiks:", self.prefix)
        form.addRow("&Dokument etter møtet:", self.kind)
        form.addRow("", self.elected)
        form.addRow("R&olle:", self.role)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        try:
            self.body()
        except ValueError as exc:
            dialogs.tell(self, str(exc))
            return
        self.accept()

    def body(self) -> Body:
        """The new body; raises ValueError with a Norwegian message for a bad name or prefix."""
        body = Body(
            None, "", "", MinutesKind(self.kind.currentData()), elected=self.elected.isChecked(),
            role=BodyRole(self.role.currentData()),
        )  # fmt: skip
        return set_body_prefix(set_body_name(body, self.name.text()), self.prefix.text())


class BodiesPage(Pane):
    """The bodies with their usual slots, and the memberships of the selected body."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self._build_bodies()
        self._build_members()
        self._lay_out()
        self.set_readonly(store.readonly)

    def _build_bodies(self) -> None:
        """The bodies' table: each column edited in place, the choices offered."""
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
        self.body_view.setItemDelegateForColumn(7, ChoiceDelegate([(1, "Ja"), (0, "Nei")], self))
        self.body_view.setItemDelegateForColumn(
            8, ChoiceDelegate([(k.value, v) for k, v in ROLE_NAMES.items()], self)
        )
        self.body_view.setItemDelegateForColumn(
            3, ChoiceDelegate(list(enumerate(WEEKDAY_LABELS[:5])), self)
        )
        self.body_view.selectionModel().currentRowChanged.connect(self._on_body_changed)

    def _build_members(self) -> None:
        """The selected body's memberships and the buttons that change them."""
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
        style.bold(self.members_title)
        self.hint = style.warning("")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.show_ended = QCheckBox("Vis avsluttede")
        self.show_ended.toggled.connect(lambda _: self._fill_members())
        self.add_button = QPushButton("Legg til medlem …")
        self.add_button.clicked.connect(self._on_add_member)
        self.end_button = QPushButton("Avslutt medlemskap …")
        self.end_button.clicked.connect(self._on_end_member)
        self.delete_button = QPushButton("Slett")
        self.delete_button.setToolTip("Fjern et medlemskap som ble registrert ved en feil")
        self.delete_button.clicked.connect(self._on_delete_member)
        self.up_button = QPushButton("Flytt opp")
        self.up_button.setToolTip("Rekkefølgen i «Innkalt» og «Til stede»")
        self.up_button.clicked.connect(lambda: self._on_move_member(-1))
        self.down_button = QPushButton("Flytt ned")
        self.down_button.setToolTip("Rekkefølgen i «Innkalt» og «Til stede»")
        self.down_button.clicked.connect(lambda: self._on_move_member(+1))
        self.add_body_button = QPushButton("Nytt organ …")
        self.add_body_button.clicked.connect(self._on_add_body)

    def _lay_out(self) -> None:
        """The page: the bodies over the members, each with its buttons."""
        layout = QVBoxLayout(self)
        title = QLabel("Organer")
        style.bold(title)
        layout.addWidget(title)
        layout.addWidget(self.body_view, 2)
        body_buttons = QHBoxLayout()
        body_buttons.addWidget(self.add_body_button)
        body_buttons.addStretch(1)
        layout.addLayout(body_buttons)
        row = QHBoxLayout()
        row.addWidget(self.members_title)
        row.addStretch(1)
        row.addWidget(self.show_ended)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.member_view, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout.addLayout(buttons)

    def set_readonly(self, readonly: bool) -> None:
        self.bodies.editable = self.members.editable = not readonly
        for button in (
            self.add_button, self.end_button, self.delete_button, self.up_button,
            self.down_button, self.add_body_button,
        ):  # fmt: skip
            button.setEnabled(not readonly)

    def current_body(self) -> Body | None:
        row = self.body_view.currentIndex().row()
        return self.bodies.record(row) if 0 <= row < self.bodies.rowCount() else None

    def _fit_bodies(self) -> None:
        """Every body in sight (up to eight; more scroll): the list of bodies is short, and
        the members below take the rest of the height."""
        view = self.body_view
        rows = max(1, min(self.bodies.rowCount(), 8))
        height = view.horizontalHeader().sizeHint().height()
        height += rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        height += view.horizontalScrollBar().sizeHint().height()  # when the columns are wide
        view.setMinimumHeight(height)

    def refresh(self) -> None:
        current = self.current_body()
        keep = current.id if current else None
        self.bodies.set_records(self.store.register.bodies())
        self._fit_bodies()
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
        today = self.store.clock.today()
        names = {p.id: p.name for p in self.store.register.people()}
        rows = [
            MembershipRow(m, names.get(m.person_id, "?"))
            for m in self.store.register.memberships(body_id=body.id)
            if self.show_ended.isChecked() or m.end is None or m.end >= today
        ]
        self.members.set_records(rows)
        self.members_title.setText(f"Medlemmer og kopimottakere i {body.name}")
        people = {p.id: p for p in self.store.register.people()}
        current = self.store.register.roster(body.id, today, MEMBER_ROLES)
        hint = roster_hint(
            body.name, [people[i] for i in current if i in people], "med «Legg til medlem …»"
        )
        style.set_warning(self.hint, hint)

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
        dialog = AddMembershipDialog(
            body, self.store.register.people(), self.store.clock.today(), self
        )
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
        end = date_edit(max(self.store.clock.today(), row.membership.start), dialog)
        end.setMinimumDate(qdate(row.membership.start))
        buttons = dialogs.ok_cancel(dialog, "Avslutt", dialog.accept)
        form = QFormLayout(dialog)
        form.addRow(QLabel(f"{row.person_name} går ut av {self.current_body().name}."))  # type: ignore[union-attr]
        form.addRow("&Siste dag:", end)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ended = dataclasses.replace(row.membership, end=pydate(end.date()))
            new = MembershipRow(ended, row.person_name)
            self._on_membership_edit(row, new)

    def _on_move_member(self, step: int) -> None:
        row = self.member_view.currentIndex().row()
        other = row + step
        if not (0 <= row < self.members.rowCount() and 0 <= other < self.members.rowCount()):
            return
        moving, neighbour = self.members.record(row), self.members.record(other)
        assert moving.membership.id is not None and neighbour.membership.id is not None
        command = commands.move_in_roster(
            self.store, moving.membership.id, neighbour.membership.id, moving.person_name
        )
        if self.push(command):
            self.member_view.selectRow(other)

    def _on_add_body(self) -> None:
        dialog = AddBodyDialog(self, has_council=self.store.register.council() is not None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            command = commands.add_body(self.store, dialog.body())
            if self.push(command):
                rows = [b.id for b in self.bodies._records]
                if command.record.id in rows:
                    self.body_view.selectRow(rows.index(command.record.id))

    def _on_delete_member(self) -> None:
        row = self._selected_membership()
        if row is None:
            self.refuse("Velg medlemskapet som skal slettes.")
            return
        self.push(commands.delete_membership(self.store, row.membership, row.person_name))
