"""The profile a new database starts with: the four bodies, the people and their seats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import names
from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.model import Person
from tr_desk.storage.store import Store


def test_new_database_has_the_profile(store: Store) -> None:
    assert [(b.prefix, b.name) for b in store.register.bodies()] == [
        ("TR", "Regionrådet"),
        ("AU", "Arbeidsutvalget"),
        ("KF", "Kommunedirektørforum"),
        ("NR", "Næringsrådet"),
    ]
    kf = store.register.body_by_prefix("KF")
    assert kf and kf.weekday == 4 and kf.start == dt.time(8, 30) and kf.former_prefixes == ("RF",)
    assert store.register.body_by_prefix("rf") == kf
    day = dt.date(2022, 12, 2)
    assert names(store, store.register.roster(kf.id, day, MEMBER_ROLES)) == [
        "Tor Jakob Reitan", "Stig Roald Amundsen", "Morten Wolden", "Ingvill Kvernmo",
        "Petter Lindseth", "Katrine Lereggen", "Alf-Petter Tenfjord", "Kjetil Mjøsund",
        "Carl Jakob Midttun",
    ]  # fmt: skip
    assert names(store, store.register.roster(kf.id, day, ("kopi",))) == [
        "Esther Balvers", "Hans Kringstad", "Kristian Dahlberg Hauge", "Håkon Kibsgaard Jordet",
    ]  # fmt: skip
    au = store.register.body_by_prefix("AU")
    leaders = store.register.roster(au.id, day, ("leder",))
    assert names(store, leaders) == ["Rita Ottervik"]
    assert store.register.general_manager().name == "Bård Eidet"
    katrine = next(p for p in store.register.people() if p.name == "Katrine Lereggen")
    assert katrine.aliases == ("Kathrine Lereggen",)


def test_reopening_keeps_data_and_does_not_reload_the_profile(db_path: Path) -> None:
    store = Store.open(db_path)
    store.register.add_person(Person(None, "Ny Person"))
    store.close()
    store = Store.open(db_path)
    assert len([p for p in store.register.people() if p.name == "Bård Eidet"]) == 1
    assert any(p.name == "Ny Person" for p in store.register.people())
    store.close()
