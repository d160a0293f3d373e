"""The one kind of error the user is told about: Norwegian for the window, English for the CLI."""

from __future__ import annotations


class UserError(Exception):
    """A refused step or a problem with the data, told in both languages.

    ``str(error)`` is the Norwegian text; ``error.english`` the command line's.
    """

    def __init__(self, norwegian: str, english: str) -> None:
        super().__init__(norwegian)
        self.english = english
