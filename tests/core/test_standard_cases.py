"""The standard cases are derived from the plan, never typed (DESIGN.md §1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tr_desk.core.model import Body, BodyRole, CaseKind, MinutesKind
from tr_desk.core.standard_cases import (
    NextCouncilMeeting,
    approval_case,
    new_agenda,
    refresh_standard_cases,
)

KF = Body(3, "KF", "Kommunedirektørforum", MinutesKind.REFERAT)
AU = Body(2, "AU", "Arbeidsutvalget", MinutesKind.PROTOKOLL)
TR = Body(1, "TR", "Regionrådet", MinutesKind.PROTOKOLL, role=BodyRole.COUNCIL)
COUNCIL = "Trondheimsregionen – regionrådet"  # the standard profile's council_title
STØREN = NextCouncilMeeting(dt.date(2022, 12, 16), "Støren", COUNCIL)


def test_kf_agenda_of_2_december_2022() -> None:
    cases = new_agenda(KF, dt.date(2022, 9, 16), STØREN)
    assert [c.title for c in cases] == [
        "Referat fra møte 16.09.2022",
        "Saker til neste møte i Trondheimsregionen – regionrådet 16.12.2022",
        "Orienteringer",
        "Åpen post/eventuelt",
    ]
    first, nxt = cases[0], cases[1]
    assert first.attachments[0].title == "Referat/protokoll kommunedirektørforum 16.09.2022"
    assert first.proposal == "Referat/protokoll kommunedirektørforum 16.09.2022 godkjennes."
    assert nxt.text.startswith(
        "Møtested er Støren. Aktuelle saker i tillegg til det som står på "
        "Kommunedirektørforums sakliste:"
    )
    assert nxt.proposal == "Møteagendaen suppleres etter innspill i møtet."
    assert cases[2].proposal == cases[3].proposal == ""


def test_protocol_body_names_the_protocol() -> None:
    case = approval_case(AU, dt.date(2022, 6, 7))
    assert case.title == "Protokoll AU-møte 07.06.2022"
    assert case.proposal == "Protokoll arbeidsutvalget 07.06.2022 godkjennes."


def test_regional_council_has_no_next_council_case() -> None:
    kinds = [c.kind for c in new_agenda(TR, None, None)]
    assert CaseKind.NEXT_MEETING not in kinds
    assert kinds[0] is CaseKind.APPROVAL


def test_refresh_follows_a_moved_meeting_and_keeps_user_text() -> None:
    cases = new_agenda(KF, dt.date(2022, 9, 16), STØREN)
    cases[1] = replace(cases[1], text=cases[1].text + "Oppdatering på jernbane")
    changed = refresh_standard_cases(
        cases, KF, dt.date(2022, 9, 23), NextCouncilMeeting(dt.date(2022, 12, 9), "Orkdal", COUNCIL)
    )
    assert [c.kind for c in changed] == [cases[0].kind, cases[1].kind]
    cases[:2] = changed
    assert cases[0].title == "Referat fra møte 23.09.2022"
    assert cases[0].attachments[0].title.endswith("23.09.2022")
    assert cases[1].title.endswith("09.12.2022")
    assert cases[1].text.startswith("Møtested er Orkdal.")
    assert cases[1].text.endswith("Oppdatering på jernbane")
    assert (
        refresh_standard_cases(
            cases,
            KF,
            dt.date(2022, 9, 23),
            NextCouncilMeeting(dt.date(2022, 12, 9), "Orkdal", COUNCIL),
        )
        == []
    )


def test_refresh_keeps_the_users_text_where_the_plan_knows_no_meeting() -> None:
    cases = new_agenda(KF, None, NextCouncilMeeting(None, "", COUNCIL))
    cases[0] = replace(
        cases[0], title="Referat fra møte 17.03.2022", proposal="Referatet godkjennes."
    )
    assert refresh_standard_cases(cases, KF, None, NextCouncilMeeting(None, "", COUNCIL)) == []
    assert cases[1].title == f"Saker til neste møte i {COUNCIL}"
    assert cases[0].title == "Referat fra møte 17.03.2022"


def test_a_new_case_goes_after_the_current_one_but_before_the_closing_ones() -> None:
    from tr_desk.core.standard_cases import new_case, position_for_new_case

    cases = new_agenda(KF, dt.date(2022, 9, 16), STØREN)  # approval + three closing cases
    assert position_for_new_case(cases, 0) == 1
    assert position_for_new_case(cases, 3) == 1  # «Åpen post» chosen: still before the closing
    assert position_for_new_case(cases, -1) == 1
    assert (
        new_case(KF, CaseKind.BRIEFING).proposal
        == "Kommunedirektørforum tar saken til orientering."
    )
    assert new_case(KF, CaseKind.ORDINARY, "KF 51/21").follows == "KF 51/21"
