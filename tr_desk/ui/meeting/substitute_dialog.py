"""«Kall inn vara»: before the meeting, a member's substitute called from the member's list in
the order they were elected (kommuneloven § 7-10)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from tr_desk.core.context import MeetingContext
from tr_desk.core.votes import substitute_order
from tr_desk.ui.widgets import dialogs


class SubstituteDialog(QDialog):
    def __init__(self, context: MeetingContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kall inn vara")
        self.context = context
        meeting = context.meeting
        called = {a.substitute_for for a in meeting.attendance if a.substitute_for is not None}
        self.member = QComboBox()
        for pid in context.members:
            if pid in called:
                continue
            party = context.parties.get(pid, "")
            self.member.addItem(context.name(pid) + (f" ({party})" if party else ""), pid)
        self.substitute = QComboBox()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Grunn til forfall (valgfritt)")
        self.order = QLabel()
        self.order.setWordWrap(True)
        self.member.currentIndexChanged.connect(self._fill)
        form = QFormLayout(self)
        form.addRow("&Forfall:", self.member)
        form.addRow("&Grunn:", self.reason)
        form.addRow("&Vara:", self.substitute)
        form.addRow(self.order)
        form.addRow(dialogs.ok_cancel(self, "Kall inn", self._on_accept))
        self._fill()

    def _fill(self, *_: object) -> None:
        context = self.context
        member = self.member.currentData()
        self.substitute.clear()
        if member is None:
            self.order.setText("Alle medlemmene har allerede vara.")
            return
        # Already marked (present, or absent themselves): not called (kommuneloven § 7-10).
        marked = {a.person_id for a in context.meeting.attendance if a.person_id is not None}
        own = substitute_order(context.memberships, member, context.meeting.date, marked)
        others = [s for s in context.substitutes if s not in own and s not in marked]
        for pid in own:
            self.substitute.addItem(context.name(pid), pid)
        if others:
            self.substitute.insertSeparator(self.substitute.count())
            for pid in others:
                party = context.parties.get(pid, "")
                self.substitute.addItem(
                    context.name(pid) + (f" ({party}, annen liste)" if party else ""), pid
                )
        party = context.parties.get(member, "")
        if own:
            where = f"{party}-lista" if party else "varalista"
            self.order.setText(f"Første ledige fra {where} er foreslått (kommuneloven § 7-10).")
        elif party:
            self.order.setText(f"{party}-lista har ingen ledig vara i registeret.")
        else:
            self.order.setText("Organet har ingen varamedlemmer i registeret.")

    def _on_accept(self) -> None:
        if self.substitute.currentData() is None:
            dialogs.tell(self, "Velg en vara.")
            return
        self.accept()

    def chosen(self) -> tuple[int | None, int | None, str]:
        return (
            self.member.currentData(),
            self.substitute.currentData(),
            " ".join(self.reason.text().split()),
        )
