"""The store on real files: the profile, safe opening of bad files, loads, numbers, backups."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.meeting_file import read_meeting_file
from tr_desk.core.model import MeetingStatus, Membership, Person, Role
from tr_desk.storage import backup
from tr_desk.storage.database import SCHEMA_VERSION, StoreError
from tr_desk.storage.meetings import Meetings
from tr_desk.storage.store import ReadOnlyError, Store


def names(store: Store, ids: list[int]) -> list[str]:
    people = {p.id: p.name for p in store.register.people()}
    return [people[i] for i in ids]


def test_schema_version_counts_the_migrations() -> None:
    from tr_desk.storage.migrations import MIGRATIONS

    assert len(MIGRATIONS._migrations) == SCHEMA_VERSION


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


def test_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_not_an_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes("Referat fra møte\n".encode() * 10)
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        Store.open(path)
    assert path.read_bytes() == "Referat fra møte\n".encode() * 10


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="ikke en TR Desk-database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_newer_version_is_refused_and_left_alone(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="nyere versjon"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_file_opens_read_only(db_path: Path) -> None:
    Store.open(db_path).close()
    db_path.chmod(0o444)
    store = Store.open(db_path)
    assert store.readonly and "skrivebeskyttet" in store.readonly_reason
    with pytest.raises(ReadOnlyError):
        store.register.add_person(Person(None, "X"))
    store.close()


def test_unwritable_file_opens_read_only_even_as_root(db_path: Path, monkeypatch) -> None:
    Store.open(db_path).close()
    real_access = os.access
    monkeypatch.setattr(
        "tr_desk.storage.database.os.access",
        lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
    )
    store = Store.open(db_path, lock=True)
    assert store.readonly and "skrivebeskyttet" in store.readonly_reason
    assert len(store.register.people()) == 20
    with pytest.raises(ReadOnlyError):
        store.register.add_person(Person(None, "X"))
    store.close()


def test_explicit_read_only_refuses_writes(db_path: Path) -> None:
    Store.open(db_path).close()
    store = Store.open(db_path, readonly=True)
    assert len(store.register.bodies()) == 4
    with pytest.raises(ReadOnlyError):
        store.settings.set_setting("x", "y")
    store.close()


def test_second_copy_of_the_app_opens_read_only(db_path: Path) -> None:
    first = Store.open(db_path, lock=True)
    second = Store.open(db_path, lock=True)
    assert not first.readonly
    assert second.readonly and "allerede åpen" in second.readonly_reason
    second.close()
    first.close()
    third = Store.open(db_path, lock=True)
    assert not third.readonly
    third.close()


def test_locked_database_gives_a_clear_message(db_path: Path) -> None:
    store = Store.open(db_path)
    store.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="låst"):
            store.conn.execute("PRAGMA busy_timeout = 100")
            store.register.add_person(Person(None, "Blokkert"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not any(p.name == "Blokkert" for p in store.register.people())
    store.close()


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


def test_demo_numbers_and_attendance(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    sept = demo_store.meetings.meeting(demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)))
    numbers = demo_store.meetings.case_numbers(sept)
    assert [numbers[i] for i in range(12)] == list(range(32, 44))
    absent = [a.person_id for a in sept.attendance if a.status.value == "forfall"]
    assert names(demo_store, absent) == [
        "Katrine Lereggen", "Carl Jakob Midttun", "Tor Jakob Reitan", "Alf-Petter Tenfjord",
        "Kjetil Mjøsund",
    ]  # fmt: skip


def test_loaded_draft_is_numbered_by_the_rules(store: Store) -> None:
    data = {
        "body": "NR", "date": "2023-01-25", "status": "planlagt",
        "cases": [{"title": "Referat fra møte 30.11.2022"}, {"title": "Verdiskaping"}],
    }  # fmt: skip
    loaded = read_meeting_file(data, store.register.bodies(), store.register.people())
    meeting_id, created = store.meetings.save_loaded(loaded)
    meeting = store.meetings.meeting(meeting_id)
    assert created and meeting.status is MeetingStatus.PLANNED
    assert store.meetings.case_numbers(meeting) == {0: 1, 1: 2}
    assert all(c.number is None for c in meeting.cases)  # live, not frozen


def test_issued_meeting_without_numbers_gets_them_frozen(store: Store) -> None:
    data = {"body": "KF", "date": "2023-02-03", "status": "innkalt",
            "cases": [{"title": "A"}, {"title": "B", "number": "KF 07/23"}, {"title": "C"}]}  # fmt: skip
    meeting_id, _ = store.meetings.save_loaded(
        read_meeting_file(data, store.register.bodies(), store.register.people())
    )
    meeting = store.meetings.meeting(meeting_id)
    assert [c.number for c in meeting.cases] == [1, 7, 8]


def test_load_updates_the_meeting_of_the_same_body_and_date(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    data = {"body": "KF", "date": "2022-12-02", "status": "planlagt", "place": "Støren",
            "cases": [{"title": "Eneste sak"}]}  # fmt: skip
    meeting_id, created = demo_store.meetings.save_loaded(
        read_meeting_file(data, demo_store.register.bodies(), demo_store.register.people())
    )
    assert not created
    assert meeting_id == demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    meeting = demo_store.meetings.meeting(meeting_id)
    assert meeting.place == "Støren" and [c.title for c in meeting.cases] == ["Eneste sak"]
    assert len(demo_store.meetings.headers(body_id=kf.id)) == 3
    orphans = demo_store.conn.execute(
        "SELECT count(*) FROM attachment WHERE case_id NOT IN (SELECT id FROM agenda_case)"
    ).fetchone()[0]
    assert orphans == 0


def test_a_failing_load_writes_nothing(demo_store: Store, monkeypatch) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting_id = demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    before = demo_store.meetings.meeting(meeting_id)
    data = {"body": "KF", "date": "2022-12-02", "status": "innkalt",
            "cases": [{"title": "Ny sak", "attachments": [{"title": "V"}]}]}  # fmt: skip
    loaded = read_meeting_file(data, demo_store.register.bodies(), demo_store.register.people())

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Meetings, "freeze_numbers", broken)
    with pytest.raises(StoreError):
        demo_store.meetings.save_loaded(loaded)
    assert demo_store.meetings.meeting(meeting_id) == before


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


def test_backup_once_a_day_keeping_ten(store: Store) -> None:
    start = dt.datetime(2026, 1, 1, 8, 0)
    first = backup.backup_if_due(store, start)
    assert first and first.exists()
    assert backup.backup_if_due(store, start + dt.timedelta(hours=2)) is None
    copy = sqlite3.connect(first)
    assert copy.execute("SELECT count(*) FROM body").fetchone()[0] == 4
    copy.close()
    for day in range(1, 15):
        made = backup.backup_if_due(store, start + dt.timedelta(days=day))
        assert made is not None
    assert len(backup.backups(store.path)) == 10


def test_upgrade_from_the_first_schema_keeps_everything(tmp_path: Path) -> None:
    """A database made by the first release (schema 1) opens, is upgraded, and loses nothing."""
    from sqlite_utils import Database

    from tr_desk.storage import migrations

    path = tmp_path / "old.sqlite"
    old = Store(sqlite3.connect(path, isolation_level=None), path)
    old.conn.row_factory = sqlite3.Row
    db = Database(old.conn, execute_plugins=False)
    migrations.MIGRATIONS.apply(db, stop_before="m002_notice_revisions")
    db.execute("PRAGMA user_version = 1")
    db["body"].insert(  # as the first release wrote it: no column of a later schema
        {"prefix": "KF", "name": "Kommunedirektørforum", "minutes_kind": "referat"}
    )
    old.register.add_person(Person(None, "Fra gammel versjon"))
    old.conn.close()

    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert any(p.name == "Fra gammel versjon" for p in store.register.people())
    assert store.minutes.revisions(1) == []
    kf = store.register.body_by_prefix("KF")
    assert kf is not None and not kf.elected
    store.close()
