"""The organisation TR Desk serves, as data: its name, its web domain, its council and the
cycle its bodies meet in. Read from the profile a database was made with (``resources/
profiles/``), so that another council is another profile, never other code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tr_desk.core.errors import UserError
from tr_desk.core.formats import shown
from tr_desk.core.messages import Code

# Colours for the plan's bodies the profile gives none for, in turn; told apart also by
# people with red-green colour blindness.
PALETTE = ("#6d4c41", "#c2185b", "#546e7a", "#7cb342")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_DOMAIN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


class ProfileError(UserError):
    """A profile that cannot make a database: what is wrong, in both languages."""


class BodyRole(StrEnum):
    """What a body is in the organisation: the council's meetings are the ones the others'
    «Saker til neste møte» case names, printed in bold in the plan."""

    COUNCIL = "council"  # regionrådet, representantskapet: the top body
    EXECUTIVE = "executive"  # arbeidsutvalget, styret
    FORUM = "forum"  # the chief executives' forum
    ADVISORY = "advisory"  # næringsrådet, ungdomsrådet
    OTHER = "other"


ROLE_NAMES = {
    BodyRole.COUNCIL: "Øverste organ (råd)",
    BodyRole.EXECUTIVE: "Arbeidsutvalg / styre",
    BodyRole.FORUM: "Forum",
    BodyRole.ADVISORY: "Rådgivende organ",
    BodyRole.OTHER: "Annet",
}


@dataclass(frozen=True)
class Organisation:
    """The council's own words and shapes, from the ``"organisation"`` part of its profile."""

    name: str = ""  # «Trondheimsregionen»: letterhead, window title, plan title, PDF author
    short_name: str = ""  # for tight places (the calendar's product id)
    domain: str = ""  # the calendar UIDs' «…@domain»
    website_line: str = ""  # a protocol's first line: where the case papers are published
    council_title: str = ""  # «Saker til neste møte i …»; empty: the council body's name
    colours: Mapping[str, str] = field(default_factory=dict)  # body prefix → «#1f4e9a»
    cycle_order: tuple[str, ...] = ()  # the plan's cycle, the council last
    municipalities: tuple[str, ...] = ()  # the member municipalities (the register's list)
    plan: Mapping[str, object] = field(default_factory=dict)  # the plan's other defaults

    @property
    def uid_domain(self) -> str:
        return self.domain or "tr-desk.invalid"

    def plan_title(self, year: int) -> str:
        """«MØTEPLAN TRONDHEIMSREGIONEN 2023»."""
        return f"MØTEPLAN {self.name.upper()} {year}".replace("  ", " ")

    def colour(self, prefix: str, index: int) -> str:
        """The body's colour in the plan: the profile's, else one of the palette's."""
        return self.colours.get(prefix) or PALETTE[index % len(PALETTE)]

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name, "short_name": self.short_name, "domain": self.domain,
            "website_line": self.website_line, "council_title": self.council_title,
            "colours": dict(self.colours), "cycle_order": list(self.cycle_order),
            "municipalities": list(self.municipalities), "plan": dict(self.plan),
        }  # fmt: skip


def organisation_from_json(data: object) -> Organisation:
    """The profile's ``"organisation"``: an object, or (older profiles) just the name. A
    ``ProfileError`` says what is wrong."""
    if isinstance(data, str):
        data = {"name": data}
    if not isinstance(data, Mapping):
        raise ProfileError.of(Code.ORGANISATION_MUST_OBJECT_WITH_LEAST)
    name = _text(data, "name")
    if not name:
        raise ProfileError.of(Code.ORGANISATION_HAS_NO_NAME)
    domain = _text(data, "domain").lower()
    if domain and not _DOMAIN.fullmatch(domain):
        raise ProfileError.of(
            Code.ORGANISATION_DOMAIN_NOT_DOMAIN_NAME, domain=domain, domain2=shown(domain)
        )
    colours = data.get("colours", {})
    if not isinstance(colours, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and _COLOUR.fullmatch(v)
        for k, v in colours.items()
    ):
        raise ProfileError.of(Code.ORGANISATION_COLOURS_MUST_MAP_BODY)
    plan = data.get("plan", {})
    if not isinstance(plan, Mapping):
        raise ProfileError.of(Code.ORGANISATION_PLAN_MUST_OBJECT)
    return Organisation(
        name=name,
        short_name=_text(data, "short_name"),
        domain=domain,
        website_line=_text(data, "website_line"),
        council_title=_text(data, "council_title"),
        colours={k.upper(): v for k, v in colours.items()},
        cycle_order=tuple(p.upper() for p in _texts(data, "cycle_order")),
        municipalities=_texts(data, "municipalities"),
        plan=dict(plan),
    )


def _text(data: Mapping[str, object], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ProfileError.of(Code.ORGANISATION_MUST_TEXT, key=key)
    return " ".join(value.split())


def _texts(data: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, Sequence) or isinstance(value, str):
        value = None
    if value is None or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError.of(Code.ORGANISATION_MUST_LIST_TEXTS, key=key)
    return tuple(str(v).strip() for v in value)
