"""The register part of the store: people, bodies, memberships, the roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.model import Membership, Person, Role
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store


def test_membership_ending(store: Store) -> None:
    kf = store.register.body_by_prefix("KF")
    morten = next(p for p in store.register.people() if p.name == "Morten Wolden")
    membership = next(
        m for m in store.register.memberships(body_id=kf.id) if m.person_id == morten.id
    )
    membership = replace(membership, end=dt.date(2022, 12, 31))
    store.register.update_membership(membership)
    assert morten.id in store.register.roster(kf.id, dt.date(2022, 12, 31), MEMBER_ROLES)
    assert morten.id not in store.register.roster(kf.id, dt.date(2023, 1, 1), MEMBER_ROLES)
    with pytest.raises(StoreError, match="slutte før"):
        store.register.update_membership(replace(membership, end=dt.date(2021, 1, 1)))


def test_person_in_meetings_cannot_be_deleted(demo_store: Store) -> None:
    bård = next(p for p in demo_store.register.people() if p.name == "Bård Eidet")
    with pytest.raises(StoreError, match="kan ikke slettes"):
        demo_store.register.delete_person(bård.id)


def test_undo_of_a_deleted_person_restores_ids(store: Store) -> None:
    pid = store.register.add_person(Person(None, "Ola Test", aliases=["Ola T."]))
    kf = store.register.body_by_prefix("KF")
    mid = store.register.add_membership(
        Membership(None, pid, kf.id, Role.MEMBER, dt.date(2023, 1, 1))
    )
    person = store.register.person(pid)
    memberships = store.register.memberships(person_id=pid)
    store.register.delete_person(pid)
    assert store.register.person(pid) is None
    store.register.add_person(person)
    for m in memberships:
        store.register.add_membership(m)
    assert store.register.person(pid) == person
    assert [m.id for m in store.register.memberships(person_id=pid)] == [mid]
