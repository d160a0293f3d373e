"""Matching the names people type to the person register, spelling variants included."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from tr_desk.core.model import Person


def name_key(name: str) -> str:
    """Ignore case, spaces and hyphens: «Alf-Petter» = «Alf Petter», «Mjø Sund» = «Mjøsund»."""
    text = unicodedata.normalize("NFC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum())


class NameIndex:
    """Finds the one person a name or a known alias belongs to; an ambiguous name matches no one."""

    def __init__(self, people: Iterable[Person]) -> None:
        self._by_key: dict[str, Person | None] = {}
        for person in people:
            for variant in [person.name, *person.aliases]:
                key = name_key(variant)
                if not key:
                    continue
                if key in self._by_key and self._by_key[key] is not person:
                    self._by_key[key] = None
                else:
                    self._by_key[key] = person

    def find(self, name: str) -> Person | None:
        return self._by_key.get(name_key(name))
