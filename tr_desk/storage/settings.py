"""Settings: key-value settings, the plan's settings and each body's first case number of a year."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from tr_desk.core.model import Letterhead
    from tr_desk.core.organisation import Organisation
    from tr_desk.core.plan import PlanSettings


LETTERHEAD_KEYS = ("organisation_name", "logo_file")
ORGANISATION_KEY = "organisation"  # the profile's organisation, as JSON
DEMO_DAY_KEY = "demo_day"  # the demo database's own «today» (ISO date)


class Settings(Part):
    """Settings of the house and the plan."""

    _organisation: Organisation | None = None

    def setting(self, key: str, default: str = "") -> str:
        found = self._store.rows("SELECT value FROM setting WHERE key = ?", [key])
        return str(found[0]["value"]) if found else default

    def set_setting(self, key: str, value: str) -> None:
        with self._store.transaction() as db:
            db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def some(self, *keys: str) -> dict[str, str]:
        """Several settings in one read; those not set are left out."""
        marks = ", ".join("?" for _ in keys)
        rows = self._store.rows(f"SELECT key, value FROM setting WHERE key IN ({marks})", keys)
        return {r["key"]: str(r["value"]) for r in rows}

    def letterhead(self, found: Mapping[str, str] | None = None) -> Letterhead:
        """The organisation's name and logo for the documents' letterhead (from ``found``,
        settings already read with ``LETTERHEAD_KEYS``, when given)."""
        from tr_desk.core.model import Letterhead

        if found is None:
            found = self.some(*LETTERHEAD_KEYS)
        name = found.get("organisation_name") or self.organisation().name
        logo = self._store.files.image_path(found.get("logo_file", ""))
        return Letterhead(name, str(logo) if logo is not None and logo.is_file() else "")

    def set_letterhead(self, name: str, logo_file: str) -> None:
        """Both in one transaction; ``logo_file`` is a name ``Files.store_image`` returned."""
        with self._store.transaction() as db:
            for key, value in (("organisation_name", name.strip()), ("logo_file", logo_file)):
                db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def organisation(self) -> Organisation:
        """The organisation of the profile the database was made with (read once)."""
        if self._organisation is None:
            from tr_desk.core.organisation import organisation_from_json

            text = self.setting(ORGANISATION_KEY)
            if text:
                self._organisation = organisation_from_json(json.loads(text))
            else:  # made before databases carried their organisation: the standard one's
                from tr_desk.storage.profile import default_organisation

                self._organisation = default_organisation()
        return self._organisation

    def set_organisation(self, organisation: Organisation) -> None:
        self.set_setting(ORGANISATION_KEY, json.dumps(organisation.to_json(), ensure_ascii=False))
        self._organisation = organisation

    def demo_day(self) -> dt.date | None:
        """The day the demo database is shown as (its KF meeting being prepared); None in
        every other database."""
        text = self.setting(DEMO_DAY_KEY)
        try:
            return dt.date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def set_demo_day(self, day: dt.date) -> None:
        self.set_setting(DEMO_DAY_KEY, day.isoformat())

    def plan_settings(self) -> PlanSettings:
        """The stored plan settings, or the profile's: its cycle and months."""
        from tr_desk.core.plan import PlanSettings

        text = self.setting("plan_settings")
        if text:
            return PlanSettings.from_json(json.loads(text))
        organisation = self.organisation()
        defaults = {**organisation.plan, "order": list(organisation.cycle_order)}
        return PlanSettings.from_json(defaults)

    def set_plan_settings(self, settings: PlanSettings) -> None:
        self.set_setting("plan_settings", json.dumps(settings.to_json()))

    def year_start(self, body_id: int, year: int) -> int | None:
        from tr_desk.storage.glance import year_start

        return year_start(self._store, body_id, year)

    def set_year_start(self, body_id: int, year: int, first_number: int | None) -> None:
        with self._store.transaction() as db:
            db.execute("DELETE FROM year_start WHERE body_id = ? AND year = ?", [body_id, year])
            if first_number is not None:
                db.table("year_start").insert(
                    {"body_id": body_id, "year": year, "first_number": first_number}
                )
