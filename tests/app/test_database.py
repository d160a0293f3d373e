"""The database as the window and the command line open it: made for an organisation, read
before the first paint, warmed up after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tr_desk.app.database import (
    StoreError,
    glance,
    make_database,
    meeting_dates,
    meeting_years,
    warm_up,
    year_glance,
)
from tr_desk.app.profiles import profiles_dir, read_profile


def test_a_database_is_made_for_the_profiles_organisation(tmp_path: Path) -> None:
    profile = read_profile(profiles_dir() / "eksempel-fjordregionen.json")
    with make_database(tmp_path / "fjord.sqlite", profile) as store:
        assert store.settings.organisation().name == "Fjordregionen"
        assert [b.prefix for b in store.register.bodies()] == ["RS", "ST", "UR"]
        assert store.register.council() is not None
        assert meeting_dates(store) == [] and meeting_years(store) == []
        assert year_glance(store, 2027) == [] and glance(store, 1) is None
    with pytest.raises(StoreError, match="finnes allerede"):
        make_database(tmp_path / "fjord.sqlite", profile)


def test_the_warm_up_loads_what_the_first_edit_needs() -> None:
    import sys

    warm_up()
    assert {"sqlite_utils", "reportlab.platypus", "pypdf"} <= set(sys.modules)
