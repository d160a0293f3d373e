"""What every pane shares: an edit is written first, then put on the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QWidget

from tr_desk.app.database import Store, StoreError
from tr_desk.ui.store_command import StoreCommand
from tr_desk.ui.widgets import dialogs


class StoreWatcher(QWidget):
    """A view that shows the store: refreshed after every edit, undo and redo while shown; a
    hidden one refreshes once, when it is shown again (typing elsewhere costs it nothing)."""

    _pushing = False
    _stale = False
    _refresh_view: Callable[[], None] | None = None

    def watch_store(self, undo_stack: QUndoStack, refresh: Callable[[], None]) -> None:
        self._refresh_view = refresh
        undo_stack.indexChanged.connect(self._on_store_changed)

    def _on_store_changed(self, _index: int = 0) -> None:
        assert self._refresh_view is not None
        if self.isVisible() or self._pushing:
            self._refresh_view()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._refresh_view is not None:
            self._stale = False
            self._refresh_view()


if TYPE_CHECKING:
    from tr_desk.app.search import Hit
    from tr_desk.core.search import Query


@dataclass(frozen=True)
class PaneHost:
    """What a pane may ask of the window it stands in (``Pane.attach`` connects it)."""

    saved: Callable[[str], None]  # «Ny sak – lagret kl. 14:26:23» in the status bar
    say: Callable[[str], None]
    meeting_opened: Callable[[int], None]  # the meeting the user works on now
    open_case: Callable[[int], None]  # a case by its id, in the pane its meeting is in
    open_hit: Callable[[Hit, Query], None]  # a search hit, its words marked
    open_meeting: Callable[[int], None]  # from the plan
    go_to_case: Callable[[int, int, str], None]  # meeting, case index, field: put it right
    show_pane: Callable[[str], None]
    plan_year: int  # the year the plan opens on


class Pane(StoreWatcher):
    """One pane of the window: it writes each edit first and then puts it on the undo stack
    (or says why not), and answers the window in one way for every pane: ``attach`` to it,
    ``open`` a meeting chosen elsewhere, the ``document`` Fil › Lagre som PDF saves, the
    ``menu_actions`` the Handlinger menu lists, ``shutdown`` before the window closes."""

    saved = Signal(str)  # the name of the step just written
    message = Signal(str)  # anything else the status bar should say

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self._pushing = False  # True while our own command lands on the stack (not an undo)

    def shutdown(self) -> None:
        """Save what is being typed and stop background work, before the window closes."""

    def attach(self, host: PaneHost) -> None:
        """Connect what the pane asks of the window (each pane adds its own)."""
        self.saved.connect(host.saved)
        self.message.connect(host.say)

    def open(self, meeting_id: int | None) -> None:
        """The meeting the user chose in another pane (or none): a meeting pane shows it."""

    def document(self) -> tuple[bytes, str] | None:
        """The PDF the pane shows and a file name's stem, or None where there is none."""
        return None

    def menu_actions(self) -> list[QAbstractButton]:
        """The pane's buttons that can be pressed now, in the order they sit, once each by
        its menu name (``menu_text``): the Handlinger menu lists them. A text field's
        formatting bar is the field's own, not the pane's."""
        from PySide6.QtWidgets import QToolBar

        window = self.window()
        buttons = [
            b for b in self.findChildren(QAbstractButton)
            if b.isVisible() and b.text().strip(" ▾") and not isinstance(b, QCheckBox)
            and b.window() is window and not isinstance(b.parentWidget(), QToolBar)
            and not b.property("menu_skip")
        ]  # fmt: skip

        def place(b: QAbstractButton) -> tuple[int, int]:
            corner = b.mapTo(window, b.rect().topLeft())
            return corner.y() // 8, corner.x()

        named: dict[str, QAbstractButton] = {}
        for button in sorted(buttons, key=place):
            named.setdefault(menu_text(button), button)
        return list(named.values())

    def push(self, command: StoreCommand) -> bool:
        try:
            command.run_first()
        except StoreError as exc:
            dialogs.warn(self, str(exc))
            return False
        text = command.text()  # a command merged into the previous one is deleted by push
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        self.saved.emit(text)
        return True

    def refuse(self, message: str) -> None:
        dialogs.tell(self, message)


def menu_text(button: QAbstractButton) -> str:
    """What the Handlinger menu calls a button: its ``menu_text`` (a verb that says what it
    acts on: «Flytt saken opp» for ▲), else its own text."""
    named = button.property("menu_text")
    return str(named) if named else button.text().strip(" ▾")


ButtonT = TypeVar("ButtonT", bound=QAbstractButton)


def name_for_menu(button: ButtonT, text: str | None) -> ButtonT:
    """``text``: the button's name in Handlinger; None: not in it (a chooser, not an act)."""
    if text is None:
        button.setProperty("menu_skip", True)
    else:
        button.setProperty("menu_text", text)
    return button


class MeetingView(Pane):
    """A pane about one meeting (Sakliste, Møte, Protokoll); they follow the user's choice."""

    meeting_opened = Signal(int)

    def attach(self, host: PaneHost) -> None:
        super().attach(host)
        self.meeting_opened.connect(host.meeting_opened)

    def open(self, meeting_id: int | None) -> None:
        self.show_meeting(meeting_id)

    def fill_meetings(self, keep: int | None = None) -> None:
        raise NotImplementedError

    @property
    def meeting_id(self) -> int | None:
        meeting = getattr(self, "meeting", None)
        return meeting.id if meeting is not None else None

    def show_meeting(self, meeting_id: int | None) -> None:
        """Open ``meeting_id`` (chosen in another pane) unless it is already open."""
        if meeting_id is not None and meeting_id != self.meeting_id:
            self.fill_meetings(meeting_id)


def example_prefix(store: Store) -> str:
    """A body's prefix for the examples of a case number the window shows («KF 51/21»): the
    database's first body, so that each organisation sees its own."""
    bodies = store.register.bodies()
    return bodies[0].prefix if bodies else "AB"
