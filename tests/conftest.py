"""Shared fixtures: a fresh database with the profile, and one with the 2022 demo history."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test runs on one fixed day, whatever the machine's date (a Wednesday, no holiday
# near it); the processes the tests start inherit it. ``clock`` gives it to a test.
TODAY = dt.date(2026, 6, 10)
os.environ["TR_DESK_TODAY"] = TODAY.isoformat()

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from tr_desk.app.meeting_files import load_file  # noqa: E402
from tr_desk.core.clock import ENV, Clock, fixed_clock  # noqa: E402
from tr_desk.core.model import Meeting  # noqa: E402
from tr_desk.storage.paths import resources_dir  # noqa: E402
from tr_desk.storage.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The fixed clock of every test (``clock.today()`` is ``TODAY``)."""
    monkeypatch.setenv(ENV, TODAY.isoformat())
    return fixed_clock(TODAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tr-desk.sqlite"


@pytest.fixture
def store(db_path: Path):
    store = Store.open(db_path)
    yield store
    store.close()


def load_demo(store: Store) -> None:
    for path in sorted((resources_dir() / "demo").glob("*.json")):
        load_file(store, path)


@pytest.fixture
def demo_store(store: Store) -> Store:
    load_demo(store)
    return store


def names(store: Store, ids: list[int]) -> list[str]:
    """The register's names of ``ids``, in order: what a roster reads as."""
    people = {p.id: p.name for p in store.register.people()}
    return [people[i] for i in ids]


def kf_meeting(store: Store, day: str) -> Meeting:
    """Kommunedirektørforum's meeting on ``day`` (ISO), cases and all."""
    body = store.register.body_by_prefix("KF")
    meeting_id = store.meetings.meeting_id(body.id, dt.date.fromisoformat(day))
    assert meeting_id is not None, day
    return store.meetings.meeting(meeting_id)


SECRET_TITLE = "Personalsak om daglig leders lønn"
SECRET_TEXT = "Lønnen foreslås økt med 87 654 kroner"
PUBLIC_TITLE = "Personalsak"


@pytest.fixture
def archived_store(store: Store) -> Store:
    """The demo, with KF 16.09.2022 approved after a reopening and one of its cases exempt."""
    from tr_desk.app.meeting_files import load_demo as load_demo_with_files
    from tr_desk.core.model import Exemption

    load_demo_with_files(store)
    kf = store.register.body_by_prefix("KF")
    meeting_id = store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)) or 0
    case = store.meetings.meeting(meeting_id).cases[4]
    store.agenda.update_case(dataclasses.replace(
        case, title=SECRET_TITLE, text=SECRET_TEXT, resolution=f"{SECRET_TEXT}. Vedtatt.",
        exempt=Exemption("offl. § 25", PUBLIC_TITLE),
    ))  # fmt: skip
    store.minutes.approve(meeting_id, dt.date(2022, 12, 2))
    store.minutes.reopen(meeting_id, dt.date(2022, 12, 5))
    store.minutes.approve(meeting_id, dt.date(2022, 12, 9))
    return store
