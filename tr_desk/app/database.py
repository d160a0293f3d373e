"""The database the window and the command line work on: opening it, making one for an
organisation, what the window reads before its first paint, and the warm-up after it.

Kept light: the window imports it before its first paint, so what is heavy is imported when a
step is taken.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.errors import UserError
from tr_desk.storage.database import BUSY_TIMEOUT_S as BUSY_TIMEOUT_S
from tr_desk.storage.database import StoreError as StoreError
from tr_desk.storage.paths import belongs_to_database as belongs_to_database
from tr_desk.storage.paths import default_database_path as default_database_path
from tr_desk.storage.paths import demo_database_path as demo_database_path
from tr_desk.storage.store import Store as Store

if TYPE_CHECKING:
    from tr_desk.core.landing import MeetingDate
    from tr_desk.core.profile import Profile
    from tr_desk.storage.glance import Glance

__all__ = [
    "BUSY_TIMEOUT_S", "Store", "StoreError", "UserError", "belongs_to_database",
    "default_database_path", "glance", "make_database", "meeting_dates", "meeting_years",
    "warm_up", "year_glance",
]  # fmt: skip


def make_database(path: Path, profile: Profile | None = None, *, lock: bool = False) -> Store:
    """A new database at ``path`` for the organisation of ``profile`` (default: the standard
    profile); a file with content there is never replaced. The caller closes it."""
    return Store.create(path, lock=lock, profile=profile)


def meeting_dates(store: Store) -> list[MeetingDate]:
    """Every meeting's body, date and status: where the window opens."""
    from tr_desk.storage.glance import meeting_dates as read

    return read(store)


def glance(store: Store, meeting_id: int) -> Glance | None:
    """A meeting as the first paint shows it: its body, date and case titles."""
    from tr_desk.storage.glance import glance as read

    return read(store, meeting_id)


def year_glance(store: Store, year: int) -> list[tuple[str, dt.date]]:
    from tr_desk.storage.glance import year_glance as read

    return read(store, year)


def meeting_years(store: Store) -> list[int]:
    from tr_desk.storage.glance import meeting_years as read

    return read(store)


def warm_up() -> None:
    """Load in the background what the first edit, check and preview need (~0.5 s of imports),
    so that none of it happens on the window's thread while the user types."""
    import markdown_it  # noqa: F401
    import pypdf  # noqa: F401
    import reportlab.platypus  # noqa: F401

    from tr_desk.documents.styles import styles
    from tr_desk.storage.database import warm_up as warm_storage

    warm_storage()
    styles()


def open_for_window(path: Path) -> Store:
    """The database as the window opens it: locked, checked after the first paint; the demo
    database shown on its own day (its «today» stored by ``load_demo``), the clock running."""
    store = Store.open(path, lock=True, check_later=True)
    try:
        day = store.settings.demo_day()
    except StoreError:  # a damaged file: the window's check says so
        day = None
    if day is not None:
        store.clock = store.clock.on(day)
    return store
