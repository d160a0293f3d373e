"""Matching the names people type to the person register, spelling variants included."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from tr_desk.core.model import Person


def name_key(name: str) -> str:
    """Ignore case, spaces and hyphens: «Alf-Petter» = «Alf Petter», «Mjø Sund» = «Mjøsund»."""
    text = unicodedata.normalize("NFC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum())


# Norwegian alphabetical order ends «… x y z æ ø å»: those three go past every other letter
# (private-use code points); other accents fold away (é sorts as e).
_AFTER_Z = {"æ": "\U000f0001", "ä": "\U000f0001", "ø": "\U000f0002", "ö": "\U000f0002"}
_NORWEGIAN_ORDER = str.maketrans({**_AFTER_Z, "å": "\U000f0003"})


def sort_key(text: str) -> str:
    """Sort names as a Norwegian reader expects: «Zakarias» < «Ærlig» < «Ørjan» < «Åse»."""
    marked = unicodedata.normalize("NFC", text).casefold().translate(_NORWEGIAN_ORDER)
    return "".join(c for c in unicodedata.normalize("NFKD", marked) if not unicodedata.combining(c))


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
