"""Søk and saksgang through the application layer, on the demo's history."""

from __future__ import annotations

from tr_desk.app.database import Store
from tr_desk.app.search import hit_of, saksgang, search, thread


def test_a_word_finds_the_case_and_its_saksgang(demo_store: Store) -> None:
    hits = search(demo_store, "energistasjoner")
    assert hits and hits[0].number == "KF 46/22"
    origin, steps = thread(demo_store, "KF 46/22")
    assert origin.number == "KF 46/22" and any(s.label == "KF 51/21" for s in steps)
    again = hit_of(demo_store, origin.case_id)
    assert again is not None and again.number == "KF 46/22"
    shown, shown_steps, _similar = saksgang(demo_store, origin.case_id)
    assert shown is not None and [s.label for s in shown_steps] == [s.label for s in steps]
