"""What the import knows of the register, and how a document's unused lines are said."""

from __future__ import annotations

from tr_desk.core.importing.shapes import ReadResult, Register, unused_said
from tr_desk.core.model import Body, MinutesKind, Person

KF = Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT, former_prefixes=["RF"],
          former_names=["Rådmannsforum"])  # fmt: skip
AU = Body(2, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL)


def test_a_title_names_its_body_by_name_earlier_name_or_prefix() -> None:
    register = Register([KF, AU], [Person(1, "Bård Eidet")])
    assert register.body_in("REFERAT FRA RÅDMANNSFORUM 03.06.2019") is KF
    assert register.body_in("Protokoll AU-møte") is AU
    assert register.body_in("RF 12/19 Budsjett") is KF
    assert register.body_in("Noe helt annet") is None


def test_unused_lines_are_counted_and_named() -> None:
    assert unused_said(ReadResult([], [])) is None
    said = unused_said(ReadResult([], [], unused=[(2, "a"), (5, "b"), (6, "c")]))
    assert said == "3 linjer ikke brukt (2, 5–6)" and said.english == "3 lines not used (2, 5–6)"
