"""Every user edit is an undo command that writes to the store at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from tr_desk.app.database import Store
from tr_desk.core.model import Attendance, Body, Case, FollowUp, Meeting, Membership, Person
from tr_desk.ui.store_command import StoreCommand as StoreCommand

if TYPE_CHECKING:
    from tr_desk.app.importing import ImportReport, Written
    from tr_desk.core.plan import PlanSettings

R = TypeVar("R", Person, Body, Membership)


def edit_person(store: Store, old: Person, new: Person) -> StoreCommand:
    return StoreCommand(
        f"Endre {old.name}",
        lambda: store.register.update_person(new),
        lambda: store.register.update_person(old),
    )


class AddCommand(StoreCommand, Generic[R]):
    """Adds ``record``; ``record`` has its ``id`` once written, kept so that redo after undo
    makes it again with the same id."""

    def __init__(
        self, text: str, record: R, add: Callable[[R], int], delete: Callable[[int], None]
    ) -> None:
        self.record: R = record

        def do() -> None:
            self.record = replace(self.record, id=add(self.record))

        def undo() -> None:
            assert self.record.id is not None
            delete(self.record.id)

        super().__init__(text, do, undo)


def adding(
    text: str, record: R, add: Callable[[R], int], delete: Callable[[int], None]
) -> AddCommand[R]:
    return AddCommand(text, record, add, delete)


def add_person(store: Store, person: Person) -> AddCommand[Person]:
    return adding(
        f"Ny person {person.name}", person, store.register.add_person, store.register.delete_person
    )


def delete_person(store: Store, person: Person) -> StoreCommand:
    assert person.id is not None
    person_id = person.id
    memberships = store.register.memberships(person_id=person_id)

    def undo() -> None:
        store.register.add_person(person)
        for membership in memberships:
            store.register.add_membership(membership)

    return StoreCommand(
        f"Slett {person.name}", lambda: store.register.delete_person(person_id), undo
    )


def edit_body(store: Store, old: Body, new: Body) -> StoreCommand:
    return StoreCommand(
        f"Endre {old.name}",
        lambda: store.register.update_body(new),
        lambda: store.register.update_body(old),
    )


def add_membership(store: Store, membership: Membership, label: str) -> AddCommand[Membership]:
    return adding(
        f"Nytt medlemskap {label}",
        membership,
        store.register.add_membership,
        store.register.delete_membership,
    )


def edit_membership(store: Store, old: Membership, new: Membership, label: str) -> StoreCommand:
    return StoreCommand(
        f"Endre medlemskap {label}",
        lambda: store.register.update_membership(new),
        lambda: store.register.update_membership(old),
    )


def delete_membership(store: Store, membership: Membership, label: str) -> StoreCommand:
    assert membership.id is not None
    membership_id = membership.id

    def undo() -> None:
        store.register.add_membership(membership)

    return StoreCommand(
        f"Slett medlemskap {label}", lambda: store.register.delete_membership(membership_id), undo
    )


def add_followup(store: Store, case_id: int, item: FollowUp, label: str) -> StoreCommand:
    """A new follow-up item on a case; redo after undo makes it again with the same id."""
    from tr_desk.app import followups

    made: list[int] = []

    def do() -> None:
        kept = replace(item, id=made[0]) if made else item
        new_id = followups.add_followup(store, case_id, kept)
        made[:] = [new_id]

    return StoreCommand(
        f"Ny oppfølging {label}", do, lambda: followups.delete_followup(store, made[0])
    )


def edit_followup(store: Store, old: FollowUp, new: FollowUp, label: str) -> StoreCommand:
    from tr_desk.app import followups

    return StoreCommand(
        f"Endre oppfølging {label}",
        lambda: followups.update_followup(store, new),
        lambda: followups.update_followup(store, old),
    )


def delete_followup(store: Store, case_id: int, item: FollowUp, label: str) -> StoreCommand:
    from tr_desk.app import followups

    assert item.id is not None
    return StoreCommand(
        f"Slett oppfølging {label}",
        lambda: followups.delete_followup(store, item.id or 0),
        lambda: followups.add_followup(store, case_id, item),
    )


def add_body(store: Store, body: Body) -> AddCommand[Body]:
    return adding(
        f"Nytt organ {body.name}", body, store.register.add_body, store.register.delete_body
    )


def move_in_roster(store: Store, first_id: int, second_id: int, label: str) -> StoreCommand:
    return StoreCommand(
        f"Flytt {label}",
        lambda: store.register.swap_roster_order(first_id, second_id),
        lambda: store.register.swap_roster_order(first_id, second_id),
    )


# -- the agenda (Sakliste) -----------------------------------------------------------------

MERGE_TYPING = 1


class EditCaseCommand(StoreCommand):
    """A change to one case. Consecutive edits of the same field merge: Ctrl+Z undoes a burst
    of typing, not every keystroke."""

    def __init__(self, store: Store, old: Case, new: Case, field: str) -> None:
        self._store = store
        self.old, self.new = old, new
        self.case_id, self.field = old.id, field
        super().__init__(
            f"Endre {old.title or 'sak'}",
            lambda: store.agenda.update_case(self.new),
            lambda: store.agenda.update_case(self.old),
        )

    def id(self) -> int:
        return MERGE_TYPING

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCaseCommand):
            return False
        if other.case_id != self.case_id or other.field != self.field or self.field == "":
            return False
        self.new = other.new
        return True


def edit_case(store: Store, old: Case, new: Case, field: str = "") -> StoreCommand:
    """``field`` names a text being typed, so that its edits merge; empty for one-off edits."""
    return EditCaseCommand(store, old, new, field)


def insert_case(store: Store, meeting_id: int, case: Case, position: int) -> StoreCommand:
    added = [case]

    def do() -> None:
        added[0] = replace(added[0], id=store.agenda.insert_case(meeting_id, added[0], position))

    def undo() -> None:
        assert added[0].id is not None
        store.agenda.delete_case(added[0].id)

    # «Ny sak – lagret», or «Ny sak «Budsjett 2023» – lagret»; never «Ny sak Ny sak».
    named = case.title and not case.title.startswith("Ny ")
    return StoreCommand(f"Ny sak «{case.title}»" if named else "Ny sak", do, undo)


def remove_case(store: Store, meeting_id: int, case: Case, position: int) -> StoreCommand:
    """From a draft the case goes; from an issued notice it is withdrawn, keeping its number."""
    assert case.id is not None
    case_id = case.id
    frozen = store.meetings.meeting(meeting_id).numbers_frozen

    def undo() -> None:
        if frozen:
            store.agenda.update_case(case)
        else:
            store.agenda.insert_case(meeting_id, case, position)

    return StoreCommand(f"Fjern {case.title}", lambda: store.agenda.remove_case(case_id), undo)


def move_case(store: Store, meeting_id: int, source: int, target: int, title: str) -> StoreCommand:
    """Move from agenda index ``source`` so that the case ends up at index ``target``."""
    return StoreCommand(
        f"Flytt {title}",
        lambda: store.agenda.move_case(meeting_id, source, target),
        lambda: store.agenda.move_case(meeting_id, target, source),
    )


def edit_meeting(
    store: Store, old: Meeting, new: Meeting, label: str = "Endre møtet"
) -> StoreCommand:
    return StoreCommand(
        label,
        lambda: store.meetings.update_meeting(new),
        lambda: store.meetings.update_meeting(old),
    )


class CreateMeetingCommand(StoreCommand):
    """A new draft meeting; ``meeting_id`` is set once it is written. Redo after undo makes it
    again with the same calendar UID."""

    def __init__(
        self, store: Store, body_id: int, day: dt.date, label: str, **options: Any
    ) -> None:
        self.meeting_id: int | None = None

        def do() -> None:
            self.meeting_id = store.meetings.create_meeting(body_id, day, **options)
            options["uid"] = store.meetings.meeting_header(self.meeting_id).uid

        def undo() -> None:
            assert self.meeting_id is not None
            store.meetings.delete_meeting(self.meeting_id)

        super().__init__(f"Nytt møte {label}", do, undo)


def create_meeting(
    store: Store, body_id: int, day: dt.date, label: str, **options: Any
) -> CreateMeetingCommand:
    """``options``: start, end, place, note (default: the body's usual slot and place)."""
    return CreateMeetingCommand(store, body_id, day, label, **options)


def _lifecycle():  # imported on the first step, not before the first paint
    from tr_desk.core import lifecycle

    return lifecycle


def meeting_step(
    store: Store, meeting_id: int, text: str, change: Callable[[Meeting], Meeting]
) -> StoreCommand:
    """One step of ``core.lifecycle`` (approve, reopen, held times, move, cancel); undo puts
    the header back as it was."""
    before: list[Meeting] = []

    def do() -> None:
        before[:] = [store.meetings.step(meeting_id, change)]

    def undo() -> None:
        store.meetings.update_meeting(before[0])

    return StoreCommand(text, do, undo)


def approve(store: Store, meeting_id: int, day: dt.date, kind: str) -> StoreCommand:
    return meeting_step(
        store, meeting_id, f"Godkjenn {kind}", lambda m: _lifecycle().approve(m, day)
    )


def reopen(store: Store, meeting_id: int, day: dt.date, kind: str) -> StoreCommand:
    return meeting_step(
        store, meeting_id, f"Gjenåpne {kind}", lambda m: _lifecycle().reopen(m, day)
    )


def held_times(
    store: Store, meeting_id: int, start: dt.time | None, end: dt.time | None
) -> StoreCommand:
    return meeting_step(
        store, meeting_id, "Endre møtetid", lambda m: _lifecycle().with_held_times(m, start, end)
    )


def move_meeting(store: Store, meeting_id: int, day: dt.date, label: str) -> StoreCommand:
    return meeting_step(store, meeting_id, f"Flytt {label}", lambda m: _lifecycle().moved(m, day))


def cancel_meeting(store: Store, meeting_id: int, reason: str, label: str) -> StoreCommand:
    return meeting_step(
        store, meeting_id, f"Avlys {label}", lambda m: _lifecycle().cancelled(m, reason)
    )


def set_attendance(
    store: Store, meeting_id: int, old: Sequence[Attendance], new: Sequence[Attendance], text: str
) -> StoreCommand:
    """The roster of the meeting as held, replaced as a whole (one key, one step)."""
    old, new = list(old), list(new)
    return StoreCommand(
        text,
        lambda: store.minutes.set_attendance(meeting_id, new),
        lambda: store.minutes.set_attendance(meeting_id, old),
    )


def plan_settings(store: Store, old: PlanSettings, new: PlanSettings) -> StoreCommand:
    return StoreCommand(
        "Endre innstillinger for møteplanen",
        lambda: store.settings.set_plan_settings(new),
        lambda: store.settings.set_plan_settings(old),
    )


def import_documents(store: Store, report: ImportReport, label: str) -> StoreCommand:
    """An import, written in one transaction and undone in one: its meetings, people, files."""
    from tr_desk.app import importing

    written: list[Written] = []

    def do() -> None:
        written.append(importing.write(store, report))

    def undo() -> None:
        importing.undo(store, written.pop())

    return StoreCommand(label, do, undo)
