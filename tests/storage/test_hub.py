"""The interfaces the store's parts are written against name real methods of the real parts,
with the same parameters: what one part asks of another is what the other has."""

from __future__ import annotations

import inspect

from tr_desk.storage import hub
from tr_desk.storage.agenda import Agenda
from tr_desk.storage.files import Files
from tr_desk.storage.meetings import Meetings
from tr_desk.storage.register import Register
from tr_desk.storage.settings import Settings
from tr_desk.storage.store import Store

PARTS = {
    hub.RegisterPart: Register, hub.MeetingsPart: Meetings, hub.AgendaPart: Agenda,
    hub.SettingsPart: Settings, hub.FilesPart: Files,
}  # fmt: skip


def declared(interface: type) -> list[str]:
    return [n for n, v in vars(interface).items() if callable(v) and not n.startswith("_")]


def test_every_method_a_part_asks_for_is_the_parts_own() -> None:
    for interface, part in PARTS.items():
        assert declared(interface), interface
        for name in declared(interface):
            wanted = inspect.signature(getattr(interface, name))
            real = inspect.signature(getattr(part, name))
            assert list(wanted.parameters) == list(real.parameters), (part.__name__, name)


def test_the_store_hands_each_part_its_real_class(store: Store) -> None:
    assert isinstance(store.register, Register) and isinstance(store.meetings, Meetings)
    assert isinstance(store.agenda, Agenda) and isinstance(store.settings, Settings)
    assert isinstance(store.files, Files)
    assert store.rows("SELECT 1 AS one")[0]["one"] == 1 and not store.readonly
