"""One case as it is dealt with in the meeting: introduced by, «Fra møtet», «Vedtak», vote,
disqualifications, outcome; in written procedure each member's answer instead of the vote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tr_desk.core.context import MeetingContext
from tr_desk.core.law import late_line, objection_blocks
from tr_desk.core.model import (
    Answer,
    Case,
    Exclusion,
    ExclusionKind,
    FollowUp,
    Outcome,
    Person,
    Vote,
)  # fmt: skip
from tr_desk.core.roll import OUTCOME_TEXT
from tr_desk.core.votes import Voter, assumed_unanimous, vote_line, voters
from tr_desk.ui.agenda.case_editor import CaseForm, closed_combo
from tr_desk.ui.pane import name_for_menu
from tr_desk.ui.widgets import style
from tr_desk.ui.widgets.markdown_edit import MarkdownEdit, formatting_bar
from tr_desk.ui.widgets.name_completion import complete_names

TYPING_PAUSE_MS = 300  # a keystroke is in the database within a second
DEFAULT_DISQUALIFICATION = "fvl. § 6 første ledd"
ANSWER_LABELS = {
    None: "Ikke svart",
    Answer.AGREES: "Enig",
    Answer.DISAGREES: "Ikke enig",
    Answer.DEMANDS_MEETING: "Krever møte",
}
VOTE_NONE, VOTE_UNANIMOUS, VOTE_COUNTED = range(3)


class ExclusionDialog(QDialog):
    """Declare a member disqualified (inhabil) or excused (fritatt) for this case."""

    def __init__(self, people: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inhabil eller fritatt")
        self.person = QComboBox()
        for pid, name in people:
            self.person.addItem(name, pid)
        self.kind = QComboBox()
        self.kind.addItem("Inhabil", ExclusionKind.DISQUALIFIED.value)
        self.kind.addItem("Fritatt", ExclusionKind.EXCUSED.value)
        self.basis = QLineEdit(DEFAULT_DISQUALIFICATION)
        form = QFormLayout(self)
        form.addRow("&Medlem:", self.person)
        form.addRow("&Gjelder:", self.kind)
        form.addRow("&Hjemmel:", self.basis)
        form.addRow(dialogs_ok_cancel(self, "Legg til"))

    def chosen(self) -> Exclusion:
        return Exclusion(
            int(self.person.currentData()),
            ExclusionKind(self.kind.currentData()),
            " ".join(self.basis.text().split()),
        )


def dialogs_ok_cancel(dialog: QDialog, text: str) -> QWidget:
    from tr_desk.ui.widgets import dialogs

    return dialogs.ok_cancel(dialog, text, dialog.accept)


class MinutesEditor(CaseForm):
    """One case as dealt with in the meeting; saves itself like the Sakliste's editor."""

    followup_requested = Signal(object)  # the case: «Ny oppfølging …» from its resolution

    TYPED_FIELDS = frozenset({"introduction", "notes", "resolution", "vote_note", "introduced_by"})

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(TYPING_PAUSE_MS, parent)
        from tr_desk.ui.search.thread_view import ThreadView

        self.thread_view = ThreadView(store)
        self.thread_view.link_confirmed.connect(self.add_link)
        # A saved change may name another case: the thread is read again once it is written.
        self.edited.connect(lambda case, _field: self.thread_view.show_case(case.id))
        self.people: dict[int, str] = {}
        self.members: list[int] = []
        self.written = False

        self._build_fields()
        self._build_vote()
        self._lay_out()
        self.setEnabled(False)

    def _build_fields(self) -> None:
        """What is written of the case: introduction, notes, resolution, outcome, closing."""
        self.heading = style.bold(QLabel())
        self.heading.setWordWrap(True)
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        # A line's room before anyone is marked: the first mark of the roll moves no field.
        self.quorum.setMinimumHeight(self.quorum.fontMetrics().lineSpacing())
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.introduced_by = QLineEdit()
        self.introduction = MarkdownEdit()
        self.introduction.setMaximumHeight(56)
        self.notes = MarkdownEdit()
        self.notes.setMinimumHeight(90)
        self.notes.setMaximumHeight(170)
        self.resolution = MarkdownEdit()
        self.resolution.setMinimumHeight(60)
        self.resolution.setMaximumHeight(110)
        self.as_proposed = QPushButton("Som forslaget (Ctrl+Enter)")
        self.as_proposed.clicked.connect(self.copy_proposal)
        # A click copies the proposal and leaves the cursor in «Vedtak», ready to edit it.
        self.as_proposed.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.vote = QComboBox()
        self.vote.addItems(["Ikke ført", "Enstemmig", "Votering"])
        self.votes_for = QSpinBox()
        self.against = QSpinBox()
        self.blank = QSpinBox()
        for spin in (self.votes_for, self.against, self.blank):
            spin.setRange(0, 99)
            spin.valueChanged.connect(lambda _: self._changed("vote"))
        self.vote_note = QLineEdit()
        self.vote_note.setPlaceholderText("Hvem stemte hva, f.eks. «Mot: Sp og Frp»")
        self.by_party = QPushButton("Per parti …")
        self.by_party.setToolTip(
            "Før stemmene per parti, med navn der et parti stemte delt (kommuneloven § 11-4)"
        )
        self.by_party.clicked.connect(self.record_party_vote)
        self.vote_summary = QLabel()
        self.vote_summary.setWordWrap(True)
        self.closed = closed_combo()
        self.objections = QLineEdit()
        self.objections.setPlaceholderText(
            "Tomt: ingen motsatte seg. Ellers navnene, skilt med komma"
        )
        self.late_status = QLabel()
        self.late_status.setWordWrap(True)
        self.context: MeetingContext | None = None
        self.index = -1
        self.followups = QLabel()
        self.followups.setWordWrap(True)
        self.new_followup = QPushButton("Ny oppfølging …")
        self.new_followup.setToolTip(
            "Noe vedtaket ber om skal gjøres: hva, hvem og innen når (teksten foreslås fra "
            "vedtaket). Listen over alle står i Oppfølging-ruten."
        )
        self.new_followup.clicked.connect(lambda: self.followup_requested.emit(self.case))
        self.exclusions = QListWidget()
        self.exclusions.setMaximumHeight(52)
        self.add_exclusion = name_for_menu(QPushButton("Inhabil/fritatt …"), "Inhabil …")
        self.add_exclusion.clicked.connect(self._on_add_exclusion)
        self.remove_exclusion = name_for_menu(QPushButton("Fjern"), "Fjern inhabil/fritatt")
        name_for_menu(self.as_proposed, "Vedtak som forslaget")
        self.remove_exclusion.clicked.connect(self._on_remove_exclusion)
        self.outcome = QComboBox()
        for outcome, label in OUTCOME_TEXT.items():
            self.outcome.addItem(label, outcome.value if outcome else "")
        self.answers = QTableWidget(0, 2)
        self.answers.setHorizontalHeaderLabels(["Medlem", "Svar"])
        self.answers.horizontalHeader().setStretchLastSection(True)
        self.answers.horizontalHeader().setSectionResizeMode(
            0, self.answers.horizontalHeader().ResizeMode.ResizeToContents
        )
        self.answers.setMinimumHeight(200)
        self.answers.verticalHeader().hide()
        self.answer_result = QLabel()

    def _build_vote(self) -> None:
        """The vote, with «Per parti …» for an elected body."""
        self.introduced_by.textEdited.connect(lambda _: self._typed("introduced_by"))
        self.introduced_by.editingFinished.connect(self.flush)
        self.vote_note.textEdited.connect(lambda _: self._typed("vote_note"))
        self.vote_note.editingFinished.connect(self.flush)
        for field, edit in (
            ("introduction", self.introduction), ("notes", self.notes),
            ("resolution", self.resolution),
        ):  # fmt: skip
            edit.textChanged.connect(lambda field=field: self._typed(field))
        self._resolution_empty = True
        self.resolution.textChanged.connect(self._on_resolution_typed)
        self.vote.activated.connect(lambda _: self._changed("vote"))
        self.closed.activated.connect(lambda _: self._changed("closed"))
        self.objections.editingFinished.connect(self._on_objections)
        self.outcome.activated.connect(lambda _: self._changed("outcome"))
        QShortcut(
            QKeySequence("Ctrl+Return"), self, self.copy_proposal,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )  # fmt: skip

    def _lay_out(self) -> None:
        """The form, top to bottom as the minutes print the case."""
        vote_row = self.vote_row = QHBoxLayout()
        vote_row.addWidget(self.vote)
        self.vote_counts: list[QWidget] = []  # the labels and counts, shown for a counted vote
        for label, spin in (("For", self.votes_for), ("Mot", self.against), ("Blanke", self.blank)):
            self.vote_counts += [QLabel(label), spin]
            vote_row.addWidget(self.vote_counts[-2])
            vote_row.addWidget(spin)
        vote_row.addWidget(self.by_party)
        vote_row.addStretch(1)
        late_box = self.late_box = QVBoxLayout()
        late_box.setSpacing(2)
        late_box.addWidget(self.objections)
        late_box.addWidget(self.late_status)
        exclusion_buttons = QHBoxLayout()
        exclusion_buttons.addWidget(self.add_exclusion)
        exclusion_buttons.addWidget(self.remove_exclusion)
        exclusion_buttons.addStretch(1)
        exclusion_box = QVBoxLayout()
        exclusion_box.addWidget(self.exclusions)
        exclusion_box.addLayout(exclusion_buttons)
        resolution_box = QVBoxLayout()
        resolution_box.setSpacing(0)
        resolution_box.addWidget(formatting_bar(self.resolution))
        resolution_box.addWidget(self.resolution)
        resolution_box.addWidget(self.as_proposed)
        notes_box = self.notes_box = QVBoxLayout()
        notes_box.setSpacing(0)
        notes_box.addWidget(formatting_bar(self.notes))
        notes_box.addWidget(self.notes)

        self.form = QFormLayout()
        self.form.addRow(self.heading)
        self.form.addRow(self.quorum)
        self.form.addRow("Forslag til vedtak:", self.proposal)
        self.form.addRow("Tilleggssak:", late_box)
        self.form.addRow("&Lukket møte:", self.closed)
        self.form.addRow("&Innledet av:", self.introduced_by)
        self.form.addRow("Innledning:", self.introduction)
        self.form.addRow("Fra møtet:", notes_box)
        self.form.addRow("Vedtak:", resolution_box)
        self.form.addRow("Avstemning:", vote_row)
        self.form.addRow("", self.vote_summary)
        self.form.addRow("", self.vote_note)
        self.form.addRow("Svar:", self.answers)
        self.form.addRow("", self.answer_result)
        self.form.addRow("Inhabil/fritatt:", exclusion_box)
        self.form.addRow("&Utfall:", self.outcome)
        followup_box = QHBoxLayout()
        followup_box.addWidget(self.followups, 1)
        followup_box.addWidget(self.new_followup, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addRow("Oppfølging:", followup_box)
        self.form.addRow("Saksgang:", self.thread_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.fields: dict[str, QWidget] = {
            "introduced_by": self.introduced_by, "introduction": self.introduction,
            "notes": self.notes, "resolution": self.resolution, "vote": self.vote,
            "outcome": self.outcome, "exclusions": self.exclusions, "answers": self.answers,
            "quorum": self.outcome, "closed": self.closed, "exempt": self.closed,
        }  # fmt: skip

    # -- showing ---------------------------------------------------------------------------

    def set_people(self, people: Sequence[Person]) -> None:
        """The register, for completing names in «Innledet av»."""
        complete_names(self.introduced_by, people)

    def set_context(self, context: MeetingContext | None, index: int) -> None:
        """The meeting around the case to be loaded next: who votes, who chairs."""
        self.context, self.index = context, index

    def _voters(self) -> list[Voter]:
        if self.context is None or not 0 <= self.index < len(self.context.meeting.cases):
            return []
        return voters(self.context, self.index)

    def load(
        self,
        case: Case | None,
        label: str = "",
        people: dict[int, str] | None = None,
        members: list[int] | None = None,
        written: bool = False,
    ) -> None:
        """Show ``case``; what was typed into the one before is saved first."""
        self.flush()
        self.case = case
        self.people = people or {}
        self.members = members or []
        self.written = written
        self.setEnabled(case is not None)
        self.thread_view.show_case(case.id if case is not None else None)
        widgets = (self.introduced_by, self.vote_note, self.vote, self.outcome,
                   self.votes_for, self.against, self.blank, self.closed)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        case = case or Case("")
        self.heading.setText(f"{label}  {case.title}" if label else case.title)
        self.proposal.setText(case.proposal or "–")
        self.introduced_by.setText(case.introduced_by)
        self.introduced_by.setPlaceholderText(case.presenter or "Hvem innledet")
        self.introduction.set_markdown(case.introduction)
        self.notes.set_markdown(case.notes)
        self.resolution.set_markdown(case.resolution)
        self._set_vote(case.vote)
        self.closed.setCurrentIndex(max(0, self.closed.findData(case.closed)))
        self.objections.setText(", ".join(case.objections))
        self.form.setRowVisible(self.late_box, case.late)
        self._show_late()
        self.outcome.setCurrentIndex(
            max(0, self.outcome.findData(case.outcome.value if case.outcome else ""))
        )
        for widget in widgets:
            widget.blockSignals(False)
        self.as_proposed.setEnabled(bool(case.proposal.strip()))
        self._fill_exclusions()
        self._fill_answers()
        self._show_vote_rows()
        self.show_followups(case.followups)

    def show_followups(self, items: Sequence[FollowUp]) -> None:
        from tr_desk.core.followups import STATUS_TEXT
        from tr_desk.core.formats import date_short

        lines = []
        for f in items:
            who = self.people.get(f.person_id or -1) or f.who
            due = date_short(f.due) if f.due else ""
            about = ", ".join(x for x in (who, due, STATUS_TEXT[f.status].lower()) if x)
            lines.append(f"• {f.what} ({about})")
        self.followups.setText("\n".join(lines) or "Ingen.")

    def set_quorum(self, text: str, ok: bool) -> None:
        colour = "#1b6e20" if ok else style.WARNING_COLOUR
        self.quorum.setText(f'<span style="color: {colour}">{text}</span>')

    def _show_vote_rows(self) -> None:
        """A vote in a meeting; each member's answer in written procedure. A vote per party
        is changed in its dialog; the counts show its sums."""
        counted = self.vote.currentIndex() == VOTE_COUNTED
        self.form.setRowVisible(self.vote_row, not self.written)  # shows the whole row
        vote = self.case.vote if self.case is not None else None
        parties = bool(counted and vote is not None and vote.parties)
        for spin in (self.votes_for, self.against, self.blank):
            spin.setEnabled(not parties)
        resolution = self.case.resolution if self.case is not None else ""
        summary = f"I protokollen: {vote_line(vote, resolution)}" if parties and vote else ""
        if self._assumed_unanimous():
            summary = "Ingen avstemning ført: i protokollen står «Vedtaket var enstemmig.»"
        self.vote_summary.setText(summary)
        self.form.setRowVisible(self.vote_summary, bool(summary) and not self.written)
        self.by_party.setVisible(not self.written)
        for widget in self.vote_counts:
            widget.setVisible(counted)
        self.form.setRowVisible(self.vote_note, counted and not self.written)
        self.form.setRowVisible(self.answers, self.written)
        self.form.setRowVisible(self.answer_result, self.written)
        # In written procedure nobody speaks: the answers take the room of the discussion.
        for row in (self.introduced_by, self.introduction, self.notes_box):
            self.form.setRowVisible(row, not self.written)

    def _fill_exclusions(self) -> None:
        self.exclusions.clear()
        for exclusion in self.case.exclusions if self.case else []:
            verb = "inhabil" if exclusion.kind is ExclusionKind.DISQUALIFIED else "fritatt"
            basis = f" ({exclusion.basis})" if exclusion.basis else ""
            name = self.people.get(exclusion.person_id, "?")
            self.exclusions.addItem(f"{name}: {verb}{basis}")

    def _fill_answers(self) -> None:
        self.answers.setRowCount(0)
        if not self.written or self.case is None:
            return
        self.answers.setRowCount(len(self.members))
        for row, pid in enumerate(self.members):
            item = QTableWidgetItem(self.people.get(pid, "?"))
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.answers.setItem(row, 0, item)
            combo = QComboBox()
            for answer, label in ANSWER_LABELS.items():
                combo.addItem(label, answer.value if answer else "")
            current = self.case.answers.get(pid)
            combo.setCurrentIndex(combo.findData(current.value if current else ""))
            combo.activated.connect(lambda _, pid=pid, combo=combo: self._on_answer(pid, combo))
            self.answers.setCellWidget(row, 1, combo)
        self._show_answer_result()

    def _show_answer_result(self) -> None:
        from tr_desk.core.minutes import written_result

        if self.case is None:
            return
        carried = written_result(self.case, self.members)
        self.answer_result.setText(
            "Forslaget er vedtatt: alle er enige."
            if carried
            else "Forslaget er ikke vedtatt før alle medlemmene har svart «Enig»."
        )

    # -- editing ---------------------------------------------------------------------------

    def focus_field(self, field: str) -> None:
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def focused_field(self) -> str:
        for name, widget in self.fields.items():
            if widget.hasFocus():
                return name
        return ""

    def copy_proposal(self) -> None:
        """«Som forslaget»: the resolution is the proposal, and the case is dealt with."""
        if self.case is None or not self.isEnabled() or not self.case.proposal.strip():
            return
        self.flush()
        outcome = self.case.outcome or Outcome.DEALT_WITH
        new = replace(self.case, resolution=self.case.proposal, outcome=outcome)
        self.resolution.set_markdown(new.resolution)
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))
        self._emit(new, "")
        self._show_vote_rows()
        self.resolution.setFocus()
        self.resolution.moveCursor(QTextCursor.MoveOperation.End)

    def _assumed_unanimous(self) -> bool:
        """No vote chosen for a decided case of an elected body: it prints as unanimous."""
        if self.case is None or self.context is None or self.vote.currentIndex() != VOTE_NONE:
            return False
        value = self.outcome.currentData()
        shown = replace(self.case, vote=None, outcome=Outcome(value) if value else None,
                        resolution=self.resolution.toPlainText())  # fmt: skip
        return assumed_unanimous(shown, self.context.body.elected, self.written)

    def _on_resolution_typed(self) -> None:
        """The hint above follows a resolution written or cleared (not every key press)."""
        empty = self.resolution.document().isEmpty()
        if empty != self._resolution_empty:
            self._resolution_empty = empty
            self._show_vote_rows()

    def _changed(self, field: str) -> None:
        self._pending.add(field)
        self._show_vote_rows()
        self.flush()

    def _read(self) -> Case:
        assert self.case is not None
        case = self.case

        def typed(edit: MarkdownEdit, before: str) -> str:
            # Only a text the user changed is read back: Qt's Markdown differs in form from ours.
            return edit.markdown() if edit.document().isModified() else before

        index = self.vote.currentIndex()
        vote: Vote | None = None
        if index == VOTE_UNANIMOUS:
            vote = Vote(unanimous=True)
        elif index != VOTE_NONE and case.vote is not None and case.vote.parties:
            vote = replace(case.vote, note=self.vote_note.text().strip())
        elif index != VOTE_NONE:
            vote = Vote(
                votes_for=self.votes_for.value(), against=self.against.value(),
                blank=self.blank.value(), note=self.vote_note.text().strip(),
            )  # fmt: skip
        value = self.outcome.currentData()
        return replace(
            case,
            introduced_by=" ".join(self.introduced_by.text().split()),
            introduction=typed(self.introduction, case.introduction),
            notes=typed(self.notes, case.notes),
            resolution=typed(self.resolution, case.resolution),
            vote=vote,
            outcome=Outcome(value) if value else None,
            closed=self.closed.currentData() or "",
        )

    # -- votes per party, late items ------------------------------------------------------

    def record_party_vote(self) -> None:
        """The dialog of the parties present for this case; the vote it gives is saved."""
        if self.case is None:
            return
        people = self._voters()
        if not people:
            from tr_desk.ui.widgets import dialogs

            dialogs.tell(
                self, "Ingen medlemmer er merket til stede for denne saken. Merk oppmøtet først."
            )
            return
        from tr_desk.ui.meeting.vote_dialog import PartyVoteDialog

        self.flush()
        dialog = PartyVoteDialog(people, self.case.vote, self.case.resolution, self)
        if not dialog.exec():
            return
        new = replace(self.case, vote=dialog.vote())
        self._emit(new, "")
        self.load_vote(new)

    def load_vote(self, case: Case) -> None:
        """Show a vote recorded outside the row (the dialog), without saving it again."""
        self.case = case
        widgets = (self.vote, self.votes_for, self.against, self.blank, self.vote_note)
        for widget in widgets:
            widget.blockSignals(True)
        self._set_vote(case.vote)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_vote_rows()

    def _set_vote(self, vote: Vote | None) -> None:
        """The vote's row as recorded (the caller blocks the widgets' signals)."""
        self.vote.setCurrentIndex(
            VOTE_NONE if vote is None else VOTE_UNANIMOUS if vote.unanimous else VOTE_COUNTED
        )
        self.votes_for.setValue(vote.votes_for if vote else 0)
        self.against.setValue(vote.against if vote else 0)
        self.blank.setValue(vote.blank if vote else 0)
        self.vote_note.setText(vote.note if vote else "")

    def _blocked(self, objections: Sequence[str]) -> bool:
        context = self.context
        if context is None or not 0 <= self.index < len(context.meeting.cases):
            return False
        from tr_desk.core.minutes import quorum_for_case

        voting = quorum_for_case(context.meeting, self.index, context.members).voting
        return objection_blocks(objections, context.name(context.chair), voting)

    def _show_late(self) -> None:
        if self.case is None or not self.case.late:
            return
        names = [n.strip() for n in self.objections.text().split(",") if n.strip()]
        self.late_status.setText(late_line(names, self._blocked(names)))

    def _on_objections(self) -> None:
        """Who objected to the late item; the chair or a third of the members postpone it
        (kommuneloven § 11-3)."""
        if self.case is None or not self.case.late:
            return
        names = [" ".join(n.split()) for n in self.objections.text().split(",") if n.strip()]
        if tuple(names) == tuple(self.case.objections):
            return
        self.flush()
        new = replace(self.case, objections=names)
        if self._blocked(names):
            new = replace(new, outcome=Outcome.POSTPONED)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(Outcome.POSTPONED.value)))
        self._emit(new, "")
        self._show_late()

    def _on_answer(self, pid: int, combo: QComboBox) -> None:
        if self.case is None:
            return
        self.flush()
        answers = dict(self.case.answers)
        value = combo.currentData()
        if value:
            answers[pid] = Answer(value)
        else:
            answers.pop(pid, None)
        new = replace(self.case, answers=answers)
        self._emit(new, "")
        self._show_answer_result()

    def _on_add_exclusion(self) -> None:
        if self.case is None:
            return
        people = [(pid, self.people.get(pid, "?")) for pid in self.members]
        dialog = ExclusionDialog(people, self)
        if not dialog.exec():
            return
        self.flush()
        chosen = dialog.chosen()
        exclusions = [e for e in self.case.exclusions if e.person_id != chosen.person_id]
        new = replace(self.case, exclusions=[*exclusions, chosen])
        self._emit(new, "")
        self._fill_exclusions()

    def _on_remove_exclusion(self) -> None:
        row = self.exclusions.currentRow()
        if self.case is None or not 0 <= row < len(self.case.exclusions):
            return
        self.flush()
        exclusions = list(self.case.exclusions)
        del exclusions[row]
        new = replace(self.case, exclusions=exclusions)
        self._emit(new, "")
        self._fill_exclusions()
