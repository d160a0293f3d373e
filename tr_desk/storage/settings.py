"""Settings: key-value settings, the plan's settings and each body's first case number of a year."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from tr_desk.core.model import Letterhead
    from tr_desk.core.plan import PlanSettings


LETTERHEAD_KEYS = ("organisation_name", "logo_file")


class Settings(Part):
    """Settings of the house and the plan."""

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
        from tr_desk.core.model import ORGANISATION, Letterhead

        if found is None:
            found = self.some(*LETTERHEAD_KEYS)
        name = found.get("organisation_name") or ORGANISATION
        logo = self._store.files.image_path(found.get("logo_file", ""))
        return Letterhead(name, str(logo) if logo is not None and logo.is_file() else "")

    def set_letterhead(self, name: str, logo_file: str) -> None:
        """Both in one transaction; ``logo_file`` is a name ``Files.store_image`` returned."""
        with self._store.transaction() as db:
            for key, value in (("organisation_name", name.strip()), ("logo_file", logo_file)):
                db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def plan_settings(self) -> PlanSettings:
        from tr_desk.core.plan import PlanSettings

        text = self.setting("plan_settings")
        return PlanSettings.from_json(json.loads(text)) if text else PlanSettings()

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
