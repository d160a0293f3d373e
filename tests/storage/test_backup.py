"""Opening files that are not a healthy database, and backups that can be used."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import load_demo
from tr_desk.cli import main
from tr_desk.core.model import Person
from tr_desk.storage import backup
from tr_desk.storage.database import InstanceLock, StoreError
from tr_desk.storage.store import ReadOnlyError, Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_page(path: Path, page: int = 5) -> None:
    """Overwrite one page in the middle of the file, as a bad sector or a torn copy would."""
    with open(path, "r+b") as handle:
        handle.seek(4096 * page)
        handle.write(b"\xff" * 4096)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "tr.sqlite"
    store = Store.open(path)
    load_demo(store)
    store.close()
    return path


def test_a_database_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "tr.sqlite"
    store = Store.open(path, lock=True)
    assert not store.readonly and store.register.bodies()
    store.close()
    assert not path.with_name("tr.sqlite.ny").exists()


def test_a_folder_that_cannot_be_made_is_one_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as error:
        Store.open(blocker / "tr.sqlite", lock=True)
    assert "Kan ikke lage mappen" in str(error.value)
    assert "cannot create the folder" in error.value.english


def test_an_empty_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "tom.sqlite"
    path.touch()
    with pytest.raises(StoreError, match="tom"):
        Store.open(path)
    assert path.exists() and path.stat().st_size == 0
    # «Ny database» may put a new database where the user chose, over an empty file.
    store = Store.create(path)
    assert store.register.bodies()
    store.close()
    with pytest.raises(StoreError, match="finnes allerede"):
        Store.create(path)


def test_a_damaged_file_is_not_written_and_names_the_newest_sound_backup(
    demo_file: Path, capsys
) -> None:
    store = Store.open(demo_file)
    good = backup.make_backup(store, dt.datetime(2022, 12, 1, 10, 0, 0))
    store.close()
    damage_page(demo_file)
    before = digest(demo_file)

    store = Store.open(demo_file, lock=True)
    assert store.readonly
    assert "skadet" in store.readonly_reason and good.name in store.readonly_reason
    with pytest.raises(ReadOnlyError):
        store.register.add_person(Person(None, "Ny Person"))
    store.close()

    for args in (["plan", "add", "KF 2023-02-03"], ["demo"]):
        code = main(["--db", str(demo_file), *args])
        err = capsys.readouterr().err
        assert code == 1
        assert "damaged" in err and str(good) in err and "restore" in err
        assert len(err.strip().splitlines()) == 1
    assert digest(demo_file) == before


def test_backups_of_two_databases_in_one_folder_do_not_mix(tmp_path: Path) -> None:
    first, second = Store.open(tmp_path / "tr.sqlite"), Store.open(tmp_path / "tr-test.sqlite")
    start = dt.datetime(2022, 1, 1, 8, 0, 0)
    for day in range(12):
        backup.make_backup(first, start + dt.timedelta(days=day))
        backup.make_backup(second, start + dt.timedelta(days=day, hours=1))
    assert len(backup.backups(first.path)) == backup.KEEP
    assert len(backup.backups(second.path)) == backup.KEEP
    assert all(p.name.startswith("tr-2022") for p in backup.backups(first.path))
    assert all(p.name.startswith("tr-test-2022") for p in backup.backups(second.path))
    # The daily backup of one is not suppressed by the other's fresh copy.
    assert backup.backup_if_due(first, start + dt.timedelta(days=12, hours=2)) is not None
    first.close()
    second.close()


def test_backup_and_restore_on_the_command_line(demo_file: Path, capsys) -> None:
    assert main(["--db", str(demo_file), "backup"]) == 0
    copy = Path(capsys.readouterr().out.strip())
    assert copy.parent.name == "sikkerhetskopier" and backup.is_sound(copy)

    assert main(["--db", str(demo_file), "plan", "add", "KF 2023-02-03"]) == 0
    capsys.readouterr()
    # A stale write-ahead log next to the file must not be replayed over the restored data.
    wal = demo_file.with_name(demo_file.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)

    assert main(["--db", str(demo_file), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out and "restored" in out
    assert not wal.exists()
    store = Store.open(demo_file)
    body = store.register.body_by_prefix("KF")
    assert body is not None and body.id is not None
    assert store.meetings.meeting_id(body.id, dt.date(2022, 12, 2)) is not None  # the data is there
    assert (
        store.meetings.meeting_id(body.id, dt.date(2023, 2, 3)) is None
    )  # the later change is not
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
    kept = [p for p in (demo_file.parent / "sikkerhetskopier").iterdir() if "erstattet" in p.name]
    assert len(kept) == 1 and backup.is_sound(kept[0])


def test_restore_is_refused_while_another_tr_desk_has_the_database(demo_file: Path, capsys) -> None:
    store = Store.open(demo_file)
    copy = backup.make_backup(store)
    store.close()
    holder = InstanceLock(demo_file)
    assert holder.acquire()
    before = digest(demo_file)
    try:
        assert main(["--db", str(demo_file), "restore", str(copy)]) == 1
        assert "another TR Desk" in capsys.readouterr().err
    finally:
        holder.release()
    assert digest(demo_file) == before


def test_restore_refuses_a_file_that_is_not_a_sound_backup(demo_file: Path, capsys) -> None:
    bad = demo_file.with_name("bad.sqlite")
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = digest(demo_file)
    assert main(["--db", str(demo_file), "restore", str(bad)]) == 1
    assert "not a sound TR Desk database" in capsys.readouterr().err
    assert digest(demo_file) == before


def test_a_write_waits_for_another_command_then_says_so(
    demo_file: Path, capsys, monkeypatch
) -> None:
    import time

    monkeypatch.setattr("tr_desk.storage.database.BUSY_TIMEOUT_S", 0.4)
    holder = InstanceLock(demo_file)
    assert holder.acquire()
    try:
        started = time.monotonic()
        assert main(["--db", str(demo_file), "plan", "add", "KF 2023-02-03"]) == 1
        waited = time.monotonic() - started
    finally:
        holder.release()
    err = capsys.readouterr().err
    assert waited >= 0.4
    assert "another TR Desk" in err and "vinduet" not in err


def test_a_sound_check_of_a_healthy_file(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


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


def test_a_copy_cut_short_is_removed_at_the_next_backup(tmp_path) -> None:
    import datetime as dt

    from tr_desk.storage import backup
    from tr_desk.storage.store import Store

    store = Store.open(tmp_path / "tr.sqlite")
    folder = backup.backup_folder(store.path)
    folder.mkdir()
    cut = [
        folder / "tr-20261201-100000.sqlite.partial",
        folder / "tr-20261201-100000.sqlite.partial-journal",
    ]
    for path in cut:
        path.write_bytes(b"half a copy")
    other = folder / "andre-20261201-100000.sqlite.partial"  # another database's: not ours
    other.write_bytes(b"x")
    made = backup.make_backup(store, dt.datetime(2026, 12, 2, 9, 0))
    assert made.exists() and not any(p.exists() for p in cut) and other.exists()
    # at the window's start too, when no backup is due
    for path in cut:
        path.write_bytes(b"half a copy")
    assert backup.backup_file_if_due(store.path, dt.datetime(2026, 12, 2, 10, 0)) is None
    assert not any(p.exists() for p in cut) and other.exists()
    store.close()


def test_a_damaged_database_is_never_taken_for_a_backup(demo_file: Path) -> None:
    """Eleven backups of a damaged file once left ten damaged copies and no sound one."""
    import datetime as dt

    store = Store.open(demo_file)
    good = [backup.make_backup(store, dt.datetime(2026, 12, day, 9)) for day in (1, 2)]
    store.close()
    sums = [digest(p) for p in good]
    damage_page(demo_file, 34)
    store = Store.open(demo_file, readonly=True)
    for day in range(3, 15):
        with pytest.raises(StoreError, match="skadet"):
            backup.make_backup(store, dt.datetime(2026, 12, day, 9))
    store.close()
    assert backup.backups(demo_file) == good and [digest(p) for p in good] == sums
    assert backup.newest_sound_backup(demo_file) == good[-1]
    aside = sorted(backup.backup_folder(demo_file).glob("*-skadet.sqlite"))
    assert len(aside) == 12  # kept aside, never counted or rotated


def test_restore_only_onto_a_database_file_or_a_new_path(demo_file: Path, tmp_path: Path) -> None:
    import os

    store = Store.open(demo_file)
    copy = backup.make_backup(store)
    store.close()
    link = tmp_path / "lenke.sqlite"
    link.symlink_to(demo_file)
    fifo = tmp_path / "fifo.sqlite"
    os.mkfifo(fifo)
    for target in (link, fifo, tmp_path):
        with pytest.raises(StoreError, match="ikke en vanlig fil"):
            backup.restore(target, copy)
    assert link.is_symlink() and backup.is_sound(demo_file)
    fresh = tmp_path / "ny" / "tr.sqlite"
    backup.restore(fresh, copy)
    assert backup.is_sound(fresh)


def test_the_reason_a_backup_cannot_be_restored_is_said(demo_file: Path, capsys) -> None:
    """«not a sound database» was said for a copy that could not be read at all."""
    missing = demo_file.with_name("borte.sqlite")
    assert main(["--db", str(demo_file), "restore", str(missing)]) == 1
    assert "there is no file at" in capsys.readouterr().err
    damaged = demo_file.with_name("skadet.sqlite")
    damaged.write_bytes(demo_file.read_bytes())
    damage_page(damaged, 3)
    assert main(["--db", str(demo_file), "restore", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "not a sound TR Desk database" in err and ("damaged" in err or "malformed" in err)


def test_paths_the_system_refuses_are_one_line(tmp_path: Path, capsys) -> None:
    """A --db name over 255 bytes was a traceback; so was vedlegg/ or kilder/ being a file."""
    long = tmp_path / ("x" * 300 + ".sqlite")
    for command in (["show", "KF 2022-09-16"], ["demo"]):
        assert main(["--db", str(long), *command]) == 1
        err = capsys.readouterr().err
        assert "File name too long" in err and "Traceback" not in err and len(err) < 300
    db = tmp_path / "d.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    (tmp_path / "kilder").write_text("", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "MØTEPLAN TRONDHEIMSREGIONEN 2023\n\nKommunedirektørforum: Fredag 03.02 kl 0830-1130\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db), "import", str(plan)]) == 1
    assert "kilder: it is a file, not a folder" in capsys.readouterr().err
    assert main(["--db", str(db), "show", "KF 2023-02-03"]) == 1  # nothing written


def test_a_read_only_database_in_a_read_only_folder_is_shown(demo_file: Path, monkeypatch) -> None:
    """SQLite cannot make the -shm of a WAL file in a folder no one may write in («unable to
    open database file»); the file is then read as it stands (immutable) instead of not at
    all. (As root every folder is writable: SQLite's and the system's answers are played.)"""
    import os

    from tr_desk.storage import database

    folder = demo_file.parent
    real_connect, real_access = sqlite3.connect, os.access

    class NoShm:
        def execute(self, *_):
            raise sqlite3.OperationalError("unable to open database file")

        def close(self) -> None:
            pass

    def connect(target, *args, **kwargs):
        if kwargs.get("uri") and "immutable=1" not in str(target):
            return NoShm()
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", connect)
    monkeypatch.setattr(
        database.os, "access", lambda p, mode: Path(p) != folder and real_access(p, mode)
    )
    conn = database.connect(demo_file, readonly=True)
    assert conn.execute("SELECT count(*) FROM meeting").fetchone()[0] > 0
    conn.close()
    monkeypatch.setattr(database.os, "access", real_access)  # a writable folder: said as it is
    with pytest.raises(StoreError):
        database.connect(demo_file, readonly=True)
