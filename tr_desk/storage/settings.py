"""Settings: key-value settings, the plan's settings and each body's first case number of a year."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from tr_desk.core.plan import PlanSettings


class Settings(Part):
    """Settings of the house and the plan."""

    def setting(self, key: str, default: str = "") -> str:
        found = self._store.rows("SELECT value FROM setting WHERE key = ?", [key])
        return str(found[0]["value"]) if found else default

    def set_setting(self, key: str, value: str) -> None:
        with self._store.transaction() as db:
            db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def plan_settings(self) -> PlanSettings:
        from tr_desk.core.plan import PlanSettings

        text = self.setting("plan_settings")
        return PlanSettings.from_json(json.loads(text)) if text else PlanSettings()

    def set_plan_settings(self, settings: PlanSettings) -> None:
        self.set_setting("plan_settings", json.dumps(settings.to_json()))

    def year_start(self, body_id: int, year: int) -> int | None:
        found = self._store.rows(
            "SELECT first_number FROM year_start WHERE body_id = ? AND year = ?", [body_id, year]
        )
        return int(found[0]["first_number"]) if found else None

    def set_year_start(self, body_id: int, year: int, first_number: int | None) -> None:
        with self._store.transaction() as db:
            db.execute("DELETE FROM year_start WHERE body_id = ? AND year = ?", [body_id, year])
            if first_number is not None:
                db.table("year_start").insert(
                    {"body_id": body_id, "year": year, "first_number": first_number}
                )
