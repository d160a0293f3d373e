"""A profile: the organisation, its bodies, people and seats a new database starts with.

``parse_profile`` turns the profile file's JSON into typed records and says in both
languages what is wrong with it; the store only writes what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tr_desk.core.formats import WEEKDAYS, parse_time
from tr_desk.core.messages import Code
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
        raise ProfileError.of(Code.PROFILE_NOT_JSON_OBJECT)
    organisation = organisation_from_json(data.get("organisation"))
    bodies = tuple(_body(item, order) for order, item in enumerate(_list(data, "bodies"), 1))
    if not bodies:
        raise ProfileError.of(Code.PROFILE_HAS_NO_BODIES)
    prefixes = [b.prefix for b in bodies]
    for prefix in prefixes:
        if prefixes.count(prefix) > 1:
            raise ProfileError.of(Code.TWO_BODIES_HAVE_PREFIX, prefix=prefix)
    if sum(b.role is BodyRole.COUNCIL for b in bodies) > 1:
        raise ProfileError.of(Code.ONLY_ONE_BODY_CAN_HAVE)
    people = tuple(_person(item) for item in _list(data, "people"))
    names = {p.name for p in people}
    if len(names) != len(people):
        raise ProfileError.of(Code.TWO_PEOPLE_HAVE_SAME_NAME)
    seats = tuple(seat for group in _list(data, "memberships") for seat in _seats(group))
    for seat in seats:
        if seat.body not in prefixes:
            raise ProfileError.of(Code.MEMBERSHIP_NAMES_BODY_WHICH_PROFILE, body=seat.body)
        if seat.person not in names:
            raise ProfileError.of(Code.MEMBERSHIP_NAMES_WHO_NOT_AMONG, person=seat.person)
    unknown = [p for p in organisation.cycle_order if p not in prefixes]
    if unknown:
        raise ProfileError.of(Code.PLAN_S_CYCLE_ORDER_NAMES, unknown=unknown[0])
    manager = " ".join(str(data.get("general_manager", "") or "").split())
    if manager and manager not in names:
        raise ProfileError.of(Code.GENERAL_MANAGER_NOT_AMONG_PEOPLE, manager=manager)
    about = data.get("about", "")
    return Profile(organisation, bodies, people, seats, str(manager), str(about or ""))


def _list(data: Mapping[str, object], key: str) -> Sequence[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ProfileError.of(Code.MUST_LIST, key=key)
    return value


def _field(item: Mapping[str, object], key: str, what: str, required: bool = False) -> str:
    value = item.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProfileError.of(Code.MISSING_NOT_TEXT, what=what, key=key)
    return value.strip()


def _body(item: Mapping[str, object], order: int) -> Body:
    what = f"organ nr. {order}"
    prefix = _field(item, "prefix", what, required=True).upper()
    if not prefix.isalpha() or len(prefix) > 6:
        raise ProfileError.of(Code.BODY_PREFIX_MUST_1_6, what=what, prefix=prefix, order=order)
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
        raise ProfileError.of(Code.BODY, prefix=prefix, exc=exc) from None


def _strings(item: Mapping[str, object], key: str) -> list[str]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError.of(Code.MUST_LIST_2, key=key)
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
        raise ProfileError.of(Code.MEMBERSHIP, body=body, exc=exc) from None
    people = group.get("people", [])
    if not isinstance(people, list):
        raise ProfileError.of(Code.MEMBERSHIP_PEOPLE_MUST_LIST, body=body)
    seats = []
    for entry in people:
        # A name, or {"name", "party", "rank"}: the party or list, a substitute's rank.
        seat = entry if isinstance(entry, Mapping) else {"name": entry}
        name = seat.get("name")
        rank = seat.get("rank")
        if not isinstance(name, str) or (rank is not None and not isinstance(rank, int)):
            raise ProfileError.of(Code.MEMBERSHIP_PERSON_WITHOUT_NAME_WITH, body=body)
        party = seat.get("party", group.get("party", ""))
        seats.append(Seat(body, " ".join(name.split()), role, start, end, str(party or ""), rank))
    return seats
