"""Settings: the organisation the database was made for, the letterhead, the plan's defaults."""

from __future__ import annotations

import json
from pathlib import Path

from tr_desk.core.organisation import Organisation
from tr_desk.storage.profile import default_organisation
from tr_desk.storage.settings import ORGANISATION_KEY
from tr_desk.storage.store import Store


def test_the_organisation_and_the_plan_come_from_the_profile(store: Store) -> None:
    organisation = store.settings.organisation()
    assert organisation == default_organisation()
    plan = store.settings.plan_settings()
    assert plan.order == list(organisation.cycle_order)
    assert plan.cycle_months == organisation.plan["cycle_months"]
    assert store.settings.letterhead().name == organisation.name


def test_a_database_of_before_profiles_is_the_standard_ones(db_path: Path) -> None:
    with Store.open(db_path) as store, store.transaction() as db:
        db.execute("DELETE FROM setting WHERE key = ?", [ORGANISATION_KEY])
    with Store.open(db_path) as store:
        assert store.settings.organisation() == default_organisation()


def test_settings_are_kept(store: Store) -> None:
    other = Organisation(name="Fjordregionen", domain="fjord.example")
    store.settings.set_organisation(other)
    stored = json.loads(store.settings.setting(ORGANISATION_KEY))
    assert stored["name"] == "Fjordregionen" and store.settings.organisation() == other
    store.settings.set_letterhead("Fjordregionen IPR", "")
    assert store.settings.letterhead().name == "Fjordregionen IPR"
    assert store.settings.some("nope", "organisation_name") == {
        "organisation_name": "Fjordregionen IPR"
    }
