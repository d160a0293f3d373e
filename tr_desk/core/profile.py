"""A profile: the organisation, its bodies, people and seats a new database starts with.

``parse_profile`` turns the profile file's JSON into typed records and says in both
languages what is wrong with it; the store only writes what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tr_desk.core.formats import WEEKDAYS, parse_time
from tr_desk.core.model import Body, BodyRole, MinutesKind, Person, Role
from tr_desk.core.organisation import Organisation, ProfileError, organisation_from_json


@dataclass(frozen=True)
class Seat:
    """One membership as the profile names it: the body by prefix, the person by name."""

    body: str
    person: str
    role: Role
    start: dt.date
    end: dt.date | None = None
    party: str = ""
    rank: int | None = None


@dataclass(frozen=True)
class Profile:
    organisation: Organisation
    bodies: tuple[Body, ...]
    people: tuple[Person, ...]
    seats: tuple[Seat, ...]
    general_manager: str = ""  # a person's name
    about: str = ""  # what the profile is (an example says so)


def parse_profile(data: object) -> Profile:
    """The profile's records, checked: prefixes unique, every name and body a seat names
    known, dates and times readable. A ``ProfileError`` says what is wrong."""
    if not isinstance(data, Mapping):
        raise ProfileError("Profilen er ikke et JSON-objekt.", "the profile is not a JSON object")
    organisation = organisation_from_json(data.get("organisation"))
    bodies = tuple(_body(item, order) for order, item in enumerate(_list(data, "bodies"), 1))
    if not bodies:
        raise ProfileError("Profilen har ingen organer.", "the profile has no bodies")
    prefixes = [b.prefix for b in bodies]
    for prefix in prefixes:
        if prefixes.count(prefix) > 1:
            raise ProfileError(
                f"To organer har prefikset «{prefix}».", f"two bodies have the prefix {prefix}"
            )
    if sum(b.role is BodyRole.COUNCIL for b in bodies) > 1:
        raise ProfileError(
            "Bare ett organ kan ha rollen «council».", "only one body can have the role 'council'"
        )
    people = tuple(_person(item) for item in _list(data, "people"))
    names = {p.name for p in people}
    if len(names) != len(people):
        raise ProfileError("To personer har samme navn.", "two people have the same name")
    seats = tuple(seat for group in _list(data, "memberships") for seat in _seats(group))
    for seat in seats:
        if seat.body not in prefixes:
            raise ProfileError(
                f"Et medlemskap gjelder organet «{seat.body}», som profilen ikke har.",
                f"a membership names the body {seat.body}, which the profile does not have",
            )
        if seat.person not in names:
            raise ProfileError(
                f"Et medlemskap gjelder «{seat.person}», som ikke er blant personene.",
                f"a membership names {seat.person!r}, who is not among the people",
            )
    unknown = [p for p in organisation.cycle_order if p not in prefixes]
    if unknown:
        raise ProfileError(
            f"Møteplanens syklus nevner «{unknown[0]}», som profilen ikke har.",
            f"the plan's cycle_order names {unknown[0]}, a body the profile does not have",
        )
    manager = " ".join(str(data.get("general_manager", "") or "").split())
    if manager and manager not in names:
        raise ProfileError(
            f"Daglig leder «{manager}» er ikke blant personene.",
            f"the general manager {manager!r} is not among the people",
        )
    about = data.get("about", "")
    return Profile(organisation, bodies, people, seats, str(manager), str(about or ""))


def _list(data: Mapping[str, object], key: str) -> Sequence[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ProfileError(f"«{key}» må være en liste med objekter.", f"{key!r} must be a list")
    return value


def _field(item: Mapping[str, object], key: str, what: str, required: bool = False) -> str:
    value = item.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProfileError(
            f"{what}: «{key}» mangler eller er ikke en tekst.",
            f"{what}: {key!r} is missing or not a text",
        )
    return value.strip()


def _body(item: Mapping[str, object], order: int) -> Body:
    what = f"organ nr. {order}"
    prefix = _field(item, "prefix", what, required=True).upper()
    if not prefix.isalpha() or len(prefix) > 6:
        raise ProfileError(
            f"{what}: prefikset «{prefix}» må være 1–6 bokstaver.",
            f"body {order}: the prefix {prefix!r} must be 1-6 letters",
        )
    try:
        weekday = _field(item, "weekday", what).lower()
        start, end = _field(item, "start", what), _field(item, "end", what)
        return Body(
            id=None,
            prefix=prefix,
            name=_field(item, "name", what, required=True),
            minutes_kind=MinutesKind(str(item.get("minutes_kind", MinutesKind.REFERAT.value))),
            weekday=WEEKDAYS.index(weekday) if weekday else None,
            start=parse_time(start) if start else None,
            end=parse_time(end) if end else None,
            place=_field(item, "place", what),
            former_prefixes=[str(p).upper() for p in _strings(item, "former_prefixes")],
            sort_order=order,
            elected=bool(item.get("elected", False)),
            former_names=_strings(item, "former_names"),
            role=BodyRole(str(item.get("role", BodyRole.OTHER.value))),
        )
    except ValueError as exc:
        raise ProfileError(
            f"{prefix}: ukjent ukedag, klokkeslett, rolle eller protokollform ({exc}).",
            f"body {prefix}: {exc}",
        ) from None


def _strings(item: Mapping[str, object], key: str) -> list[str]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"«{key}» må være en liste med tekster.", f"{key!r} must be a list")
    return [v.strip() for v in value if v.strip()]


def _person(item: Mapping[str, object]) -> Person:
    name = " ".join(_field(item, "name", "en person", required=True).split())
    return Person(
        id=None,
        name=name,
        title=_field(item, "title", name),
        municipality=_field(item, "municipality", name),
        email=_field(item, "email", name),
        aliases=_strings(item, "aliases"),
    )


def _seats(group: Mapping[str, object]) -> list[Seat]:
    body = _field(group, "body", "et medlemskap", required=True).upper()
    try:
        role = Role(str(group.get("role")))
        start = dt.date.fromisoformat(str(group.get("start", "")))
        end_text = group.get("end")
        end = dt.date.fromisoformat(str(end_text)) if end_text else None
    except ValueError as exc:
        raise ProfileError(
            f"Medlemskap i {body}: ukjent rolle eller dato ({exc}).",
            f"a membership of {body}: {exc}",
        ) from None
    people = group.get("people", [])
    if not isinstance(people, list):
        raise ProfileError(
            f"Medlemskap i {body}: «people» må være en liste.",
            f"a membership of {body}: 'people' must be a list",
        )
    seats = []
    for entry in people:
        # A name, or {"name", "party", "rank"}: the party or list, a substitute's rank.
        seat = entry if isinstance(entry, Mapping) else {"name": entry}
        name = seat.get("name")
        rank = seat.get("rank")
        if not isinstance(name, str) or (rank is not None and not isinstance(rank, int)):
            raise ProfileError(
                f"Medlemskap i {body}: en person uten navn eller med ugyldig vara-nr.",
                f"a membership of {body}: a person without a name or with a bad rank",
            )
        party = seat.get("party", group.get("party", ""))
        seats.append(Seat(body, " ".join(name.split()), role, start, end, str(party or ""), rank))
    return seats
