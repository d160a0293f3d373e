"""Register: bodies, people and memberships. Every edit is saved at once and can be undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tr_desk.app.database import Store
from tr_desk.core.formats import counted, date_short
from tr_desk.core.model import Person
from tr_desk.ui import commands
from tr_desk.ui.pane import Pane
from tr_desk.ui.widgets import dialogs, style
from tr_desk.ui.widgets.models import ROLE_LABELS, PersonListModel
from tr_desk.ui.widgets.state import keep_sizes

if TYPE_CHECKING:
    from tr_desk.ui.register.bodies_page import BodiesPage
    from tr_desk.ui.register.letterhead_page import LetterheadPage


class PeoplePage(Pane):
    """The person register: find, add, edit (name, title, municipality, e-mail, aliases)."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self.model = PersonListModel(self)
        self._current: Person | None = None

        self.search = QLineEdit(placeholderText="Søk etter navn, tittel eller kommune …")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_filter)
        self.search.textChanged.connect(lambda _: self._show_count())
        self.list = QListView()
        self.list.setModel(self.model)
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
        # The member municipalities of the profile, then those the register already names.
        municipalities = dict.fromkeys(
            [*store.settings.organisation().municipalities,
             *(p.municipality for p in store.register.people() if p.municipality)]
        )  # fmt: skip
        self.municipality.setCompleter(QCompleter(list(municipalities), self))
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
        hint = style.muted(
            "Navn i importerte dokumenter og møtefiler kjennes igjen også når de er "
            "skrevet på en av disse måtene."
        )
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
        keep_sizes(splitter, "register")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.set_readonly(store.readonly)

    def set_readonly(self, readonly: bool) -> None:
        for widget in (*self.fields, self.add_button, self.delete_button):
            widget.setEnabled(not readonly)

    def refresh(self) -> None:
        keep = self._current.id if self._current else None
        self.model.set_people(self.store.register.people())
        self._show_count()
        self.select(keep)

    def _show_count(self) -> None:
        """How many the list shows, and of how many when a search narrows it."""
        shown, everyone = self.model.rowCount(), len(self.store.register.people())
        text = counted(shown, "person", "personer")
        self.count_label.setText(text if shown == everyone else f"{text} av {everyone}")

    def select(self, person_id: int | None) -> None:
        """Show a person (clearing a search that hides them), or the first in the list."""
        if self.model.row_of(person_id) < 0 and self.model.is_known(person_id):
            self.search.clear()
        row = self.model.row_of(person_id)
        if row < 0 and self.model.rowCount():
            row = 0
        if row < 0:
            self._show(None)
            return
        self.list.setCurrentIndex(self.model.index(row))
        self._show(self.model.person(row))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.person(current.row()))

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
        bodies = {b.id: b.name for b in self.store.register.bodies()}
        lines = []
        for m in self.store.register.memberships(person_id=person.id):
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
        name = dialogs.ask_text(self, "Ny person", "Fullt navn:")
        if name is None:
            return
        command = commands.add_person(self.store, Person(id=None, name=name))
        if self.push(command):
            self.search.clear()
            self.select(command.record.id)
            self.title.setFocus()

    def _on_delete(self) -> None:
        person = self._current
        if person is None or person.id is None:
            return
        if self.store.register.person_usage(person.id):
            self.refuse(
                f"{person.name} er nevnt i møter og kan ikke slettes. "
                "Avslutt heller medlemskapene under «Organer og medlemskap»."
            )
            return
        question = f"Slette {person.name} og personens medlemskap fra registeret?"
        if dialogs.confirm(self, "Slett person", question, "Slett"):
            self.push(commands.delete_person(self.store, person))


class RegisterPane(Pane):
    """The Register pane: people on one tab, bodies and their memberships on the other."""

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(store, undo_stack, parent)
        self.people = PeoplePage(store, undo_stack)
        self.people.saved.connect(self.saved)
        self._bodies: BodiesPage | None = None
        self._bodies_tab = QWidget()
        QVBoxLayout(self._bodies_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, "Personer")
        self.tabs.addTab(self._bodies_tab, "Organer og medlemskap")
        self._letterhead: LetterheadPage | None = None
        self._letterhead_tab = QWidget()
        QVBoxLayout(self._letterhead_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._letterhead_tab, "Brevhode")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.watch_store(undo_stack, self.refresh)
        self.refresh()

    @property
    def bodies(self) -> BodiesPage:
        """Built when first wanted: its tables cost ~40 ms the first paint need not wait for."""
        if self._bodies is None:
            from tr_desk.ui.register.bodies_page import BodiesPage

            self._bodies = BodiesPage(self.store, self.undo_stack)
            self._bodies.saved.connect(self.saved)
            layout = self._bodies_tab.layout()
            assert layout is not None
            layout.addWidget(self._bodies)
            self._bodies.refresh()
        return self._bodies

    @property
    def letterhead(self) -> LetterheadPage:
        """Built when first wanted, like the bodies."""
        if self._letterhead is None:
            from tr_desk.ui.register.letterhead_page import LetterheadPage

            self._letterhead = LetterheadPage(self.store)
            self._letterhead.saved.connect(self.saved)
            layout = self._letterhead_tab.layout()
            assert layout is not None
            layout.addWidget(self._letterhead)
        return self._letterhead

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._bodies_tab:
            self.bodies  # noqa: B018 - builds the page
        elif self.tabs.widget(index) is self._letterhead_tab:
            self.letterhead  # noqa: B018

    def refresh(self) -> None:
        self.people.refresh()
        if self._bodies is not None:
            self._bodies.refresh()
