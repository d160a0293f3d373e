"""Filling a new database with Trondheimsregionen's bodies, people and memberships.

The profile is data (``resources/profile.json``), so that names and slots are edited in a
file or in the Register pane, never in code.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tr_desk.core.formats import WEEKDAYS, parse_time
from tr_desk.core.model import Body, Membership, MinutesKind, Person, Role
from tr_desk.storage.paths import resources_dir

if TYPE_CHECKING:
    from tr_desk.storage.register import Register
    from tr_desk.storage.settings import Settings


def read_profile(path: Path | None = None) -> dict[str, Any]:
    path = path or resources_dir() / "profile.json"
    with open(path, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_profile(
    store: Register, settings: Settings, profile: dict[str, Any] | None = None
) -> None:
    """Insert the profile; the caller holds the transaction."""
    data = profile or read_profile()
    for order, item in enumerate(data["bodies"], start=1):
        store.add_body(
            Body(
                id=None,
                prefix=item["prefix"],
                name=item["name"],
                minutes_kind=MinutesKind(item["minutes_kind"]),
                weekday=WEEKDAYS.index(item["weekday"]) if item.get("weekday") else None,
                start=parse_time(item["start"]) if item.get("start") else None,
                end=parse_time(item["end"]) if item.get("end") else None,
                place=item.get("place", ""),
                former_prefixes=item.get("former_prefixes", []),
                sort_order=order,
                elected=bool(item.get("elected", False)),
                former_names=item.get("former_names", []),
            )
        )
    ids: dict[str, int] = {}
    for item in data["people"]:
        ids[item["name"]] = store.add_person(
            Person(
                id=None,
                name=item["name"],
                title=item.get("title", ""),
                municipality=item.get("municipality", ""),
                email=item.get("email", ""),
                aliases=item.get("aliases", []),
            )
        )
    bodies = {b.prefix: b for b in store.bodies()}
    for group in data["memberships"]:
        body_id = bodies[group["body"]].id
        assert body_id is not None
        for entry in group["people"]:
            # A name, or {"name", "party", "rank"}: the party or list, a substitute's rank.
            seat = entry if isinstance(entry, dict) else {"name": entry}
            store.add_membership(
                Membership(
                    id=None,
                    person_id=ids[seat["name"]],
                    body_id=body_id,
                    role=Role(group["role"]),
                    start=dt.date.fromisoformat(group["start"]),
                    end=dt.date.fromisoformat(group["end"]) if group.get("end") else None,
                    party=seat.get("party", group.get("party", "")),
                    rank=seat.get("rank"),
                )
            )
    manager = data.get("general_manager")
    if manager:
        settings.set_setting("daglig_leder_id", str(ids[manager]))
