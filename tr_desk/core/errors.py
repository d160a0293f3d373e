"""The one kind of error the user is told about: Norwegian for the window, English for the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from tr_desk.core.messages import Code


class UserError(Exception):
    """A refused step or a problem with the data, told in both languages.

    ``str(error)`` is the Norwegian text; ``error.english`` the command line's. Made with
    ``of(Code.X, **params)``, it carries its ``code`` and ``params`` (the texts are in the
    message tables of ``core.messages``).
    """

    code: Code | None = None
    params: Mapping[str, object] = {}

    def __init__(self, norwegian: str, english: str) -> None:
        super().__init__(norwegian)
        self.english = english

    @classmethod
    def of(cls, code: Code, **params: object) -> Self:
        """The error of ``code``, its texts from the message tables."""
        from tr_desk.core.messages import texts

        error = cls(*texts(code, params))
        error.code, error.params = code, params
        return error
