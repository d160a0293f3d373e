"""The organisation as the profile gives it: read, checked, and what is derived from it."""

from __future__ import annotations

import pytest

from tr_desk.core.formats import genitive
from tr_desk.core.organisation import PALETTE, Organisation, ProfileError, organisation_from_json


def test_an_organisation_is_read_with_its_shapes() -> None:
    found = organisation_from_json(
        {"name": "  Fjord  regionen ", "domain": "Fjord.Example", "cycle_order": ["ur", "rs"],
         "colours": {"rs": "#7a1f3d"}, "plan": {"council_week": 2}}
    )  # fmt: skip
    assert found.name == "Fjord regionen" and found.domain == "fjord.example"
    assert found.cycle_order == ("UR", "RS") and found.colours == {"RS": "#7a1f3d"}
    assert found.plan_title(2027) == "MØTEPLAN FJORD REGIONEN 2027"
    assert found.colour("RS", 0) == "#7a1f3d" and found.colour("UR", 1) == PALETTE[1]
    assert organisation_from_json("Gamleregionen") == Organisation(name="Gamleregionen")


def test_a_calendar_uid_always_has_a_domain() -> None:
    assert Organisation(name="X").uid_domain == "tr-desk.invalid"
    assert Organisation(name="X", domain="x.example").uid_domain == "x.example"


@pytest.mark.parametrize(
    "data",
    [
        None, 3, {}, {"name": ""}, {"name": "X", "domain": "not a domain"},
        {"name": "X", "colours": {"A": "red"}}, {"name": "X", "cycle_order": "AB"},
        {"name": "X", "cycle_order": [1]}, {"name": "X", "plan": []}, {"name": 5},
    ],
)  # fmt: skip
def test_a_bad_organisation_is_said_in_both_languages(data: object) -> None:
    with pytest.raises(ProfileError) as caught:
        organisation_from_json(data)
    assert str(caught.value) and caught.value.english


def test_genitive() -> None:
    assert genitive("Regionrådet") == "Regionrådets"
    assert genitive("Representantskapet") == "Representantskapets"
    assert genitive("Hans") == "Hans'"
