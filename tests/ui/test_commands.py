"""Undo commands: each writes at once, undoes, and redoes the same thing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack

from tr_desk.core.model import MeetingStatus, Person
from tr_desk.storage.store import Store
from tr_desk.ui import commands


def push(stack: QUndoStack, command: commands.StoreCommand) -> None:
    command.run_first()
    stack.push(command)


def test_an_added_person_keeps_the_id_through_undo_and_redo(qtbot, store: Store) -> None:
    stack = QUndoStack()
    command = commands.add_person(store, Person(None, "Ny Person"))
    push(stack, command)
    first = command.record.id
    assert first is not None and store.register.person(first).name == "Ny Person"
    stack.undo()
    assert all(p.id != first for p in store.register.people())
    stack.redo()
    assert command.record.id == first and store.register.person(first).name == "Ny Person"


def test_a_lifecycle_step_is_undone_to_the_header_before(qtbot, demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    held = demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16))
    stack = QUndoStack()
    push(stack, commands.approve(demo_store, held, dt.date(2022, 12, 2), "referat"))
    assert stack.undoText() == "Godkjenn referat"
    assert demo_store.meetings.meeting_header(held).status is MeetingStatus.APPROVED
    stack.undo()
    header = demo_store.meetings.meeting_header(held)
    assert header.status is MeetingStatus.HELD and header.approved_on is None
    stack.redo()
    assert demo_store.meetings.meeting_header(held).approved_on == dt.date(2022, 12, 2)


def test_typing_in_one_field_merges_into_one_step(qtbot, demo_store: Store) -> None:
    from dataclasses import replace

    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2023, 2, 3))
        or demo_store.meetings.create_meeting(kf.id, dt.date(2023, 2, 3))
    )
    case = meeting.cases[1]
    stack = QUndoStack()
    first = replace(case, text="Hei")
    push(stack, commands.edit_case(demo_store, case, first, "text"))
    push(stack, commands.edit_case(demo_store, first, replace(first, text="Hei du"), "text"))
    assert stack.count() == 1
    stack.undo()
    assert demo_store.meetings.meeting(meeting.id).cases[1].text == case.text
