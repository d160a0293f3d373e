"""The undo step every edit is: written first, then undone and redone against the store.

Its own small module: the main window sets its error report before the first paint, when
the commands themselves (and the model they import) are not loaded yet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from tr_desk.app.database import StoreError


class StoreCommand(QUndoCommand):
    """Runs ``do`` on redo and ``undo`` on undo, writing to the store each time.

    A pane calls ``run_first()`` before pushing, so that an edit the store refuses never
    reaches the undo stack; the push then skips the redo that already happened. A failure
    on a later undo or redo goes to ``report``, set by the main window.
    """

    report: Callable[[StoreError], None] | None = None

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._done = False

    def run_first(self) -> None:
        self._do()
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, action: Callable[[], object]) -> None:
        try:
            action()
        except StoreError as exc:
            if StoreCommand.report is None:
                raise
            StoreCommand.report(exc)
