"""Recording a vote per party (kommuneloven § 11-4 e): the parties present for the case, one
key per party, and names only where a party split."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tr_desk.core.model import PartyVote, Vote
from tr_desk.core.votes import Voter, by_party, party_vote, vote_line, vote_of
from tr_desk.ui.widgets import dialogs

CHOICES = {"for": "For", "mot": "Mot", "blank": "Blank"}
KEYS = {Qt.Key.Key_F: "for", Qt.Key.Key_M: "mot", Qt.Key.Key_B: "blank"}
HELP = (
    "Velg et parti og trykk <b>F</b> (for), <b>M</b> (mot) eller <b>B</b> (blank): hele "
    "partiet stemmer likt, og neste parti velges. Stemte partiet delt, åpne det (→) og "
    "merk hver enkelt."
)


def choices_from(vote: Vote | None, people: Sequence[Voter]) -> dict[str, str]:
    """Each voter's choice as recorded before (a party's whole vote, or its named split);
    everyone «for» when nothing is recorded."""
    out = {v.name: "for" for v in people}
    if vote is None or vote.unanimous or not vote.parties:
        return out
    parties = {p.party: p for p in vote.parties}
    for party, members in by_party(people).items():
        recorded = parties.get(party)
        if recorded is None:
            continue
        named = {n: "for" for n in recorded.names_for}
        named |= {n: "mot" for n in recorded.names_against}
        named |= {n: "blank" for n in recorded.names_blank}
        sides = (("for", recorded.votes_for), ("mot", recorded.against), ("blank", recorded.blank))
        whole = next((side for side, n in sides if n), "for")
        for v in members:
            out[v.name] = named.get(v.name, whole)
    return out


class PartyVoteDialog(QDialog):
    """The voters of one case grouped by party; the result as the minutes will print it."""

    def __init__(
        self,
        people: Sequence[Voter],
        vote: Vote | None,
        resolution: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Avstemning per parti")
        self.people = list(people)
        self.resolution = resolution
        self.choices = choices_from(vote, self.people)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Parti / medlem", "Stemme"])
        self.tree.setRootIsDecorated(True)
        self.tree.installEventFilter(self)
        self.tree.setMinimumSize(420, 260)
        self.groups = by_party(self.people)
        for party, members in self.groups.items():
            top = QTreeWidgetItem([f"{party} ({len(members)})", ""])
            top.setData(0, Qt.ItemDataRole.UserRole, ("party", party))
            for v in members:
                child = QTreeWidgetItem([v.name, ""])
                child.setData(0, Qt.ItemDataRole.UserRole, ("person", v.name))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 260)
        self.note = QLineEdit(vote.note if vote else "")
        self.note.setPlaceholderText("Merknad til avstemningen (valgfritt)")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_text = QLabel(HELP)
        help_text.setWordWrap(True)
        buttons = QHBoxLayout()
        for side, label in CHOICES.items():
            button = QPushButton(f"{label} ({label[0]})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tree keeps the keys
            button.clicked.connect(lambda _=False, side=side: self.choose(side))
            buttons.addWidget(button)
        everyone = QPushButton("Alle for")
        everyone.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        everyone.clicked.connect(self.all_for)
        buttons.addWidget(everyone)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(dialogs.ok_cancel(self, "Før avstemningen", self.accept))
        self._show()
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            side = KEYS.get(Qt.Key(event.key()))
            if side is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.choose(side)
                return True
        return super().eventFilter(watched, event)

    def choose(self, side: str) -> None:
        """The selected party (all its members) or member votes ``side``; the next row is
        selected, so that a vote is one key per party."""
        item = self.tree.currentItem()
        if item is None:
            return
        kind, key = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "party":
            for v in self.groups[key]:
                self.choices[v.name] = side
            following = self.tree.itemBelow(item) if item.isExpanded() else None
            index = self.tree.indexOfTopLevelItem(item)
            following = following or self.tree.topLevelItem(index + 1)
        else:
            self.choices[key] = side
            following = self.tree.itemBelow(item)
        self._show()
        if following is not None:
            self.tree.setCurrentItem(following)

    def all_for(self) -> None:
        for name in self.choices:
            self.choices[name] = "for"
        self._show()

    def party_votes(self) -> list[PartyVote]:
        return [
            party_vote(party, self.choices, [v.name for v in members])
            for party, members in self.groups.items()
        ]

    def vote(self) -> Vote:
        return vote_of(self.party_votes(), " ".join(self.note.text().split()))

    def _show(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            _kind, party = top.data(0, Qt.ItemDataRole.UserRole)
            sides = [self.choices[v.name] for v in self.groups[party]]
            counts = [f"{sides.count(s)} {CHOICES[s].lower()}" for s in CHOICES if s in sides]
            top.setText(1, ", ".join(counts))
            split = len(set(sides)) > 1
            font = top.font(1)
            font.setBold(split)
            top.setFont(1, font)
            if split:
                top.setExpanded(True)
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                _k, name = child.data(0, Qt.ItemDataRole.UserRole)
                child.setText(1, CHOICES[self.choices[name]])
        self.summary.setText(f"<b>I protokollen:</b> {vote_line(self.vote(), self.resolution)}")
