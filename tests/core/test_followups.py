"""Vedtaksoppfølging: what a resolution asks for, the cases that report it done, and the
Oppfølgingsliste by due date without exempt cases."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.followups import (
    FollowUpLine,
    closing_offers,
    due_text,
    followup_list,
    proposed_text,
    referred_cases,
)
from tr_desk.core.model import FollowUp, FollowUpStatus, Letterhead

TODAY = dt.date(2023, 3, 1)


def line(what: str, due: dt.date | None, case: str = "KF 35/22", **kw: object) -> FollowUpLine:
    item = FollowUp(what, due=due, status=kw.pop("status", FollowUpStatus.OPEN))  # type: ignore[arg-type]
    return FollowUpLine(item, kw.pop("case_id", 1), case, "Energistasjoner", "KF",  # type: ignore[arg-type]
                        "Kommunedirektørforum", dt.date(2022, 9, 16), "Bård Eidet", **kw)  # type: ignore[arg-type]  # fmt: skip


def test_the_sentence_that_asks_is_proposed() -> None:
    text = "Saken tas til orientering. Forumet ber daglig leder følge opp prosjektet innen mars."
    assert proposed_text(text) == "Forumet ber daglig leder følge opp prosjektet innen mars."
    assert proposed_text("1. Budsjettet vedtas.") == "Budsjettet vedtas."
    assert proposed_text("") == ""


def test_a_later_case_may_report_the_items_of_the_cases_it_names_done() -> None:
    labels = referred_cases(["Oppfølging av sak KF 35/22 og AU 12/22."], "KF")
    assert labels == {"KF 35/22", "AU 12/22"}
    open_line, done = line("Følg opp", None), line("Ferdig", None, status=FollowUpStatus.DONE)
    own = line("Egen", None, case_id=9)
    assert closing_offers(labels, [open_line, done, own], own_case=9) == [open_line]


def test_the_list_is_by_due_date_open_items_only_and_never_an_exempt_case() -> None:
    lines = [
        line("Senere", dt.date(2023, 6, 1)),
        line("Forfalt", dt.date(2023, 2, 1)),
        line("Uten frist", None),
        line("Lukket", dt.date(2023, 1, 1), status=FollowUpStatus.DONE),
        line("Unntatt", dt.date(2023, 1, 2), exempt=True),
    ]
    made = followup_list(lines, "Kommunedirektørforum", TODAY, Letterhead("X"))
    assert [row[1] for row in made.rows] == ["Forfalt", "Senere", "Uten frist"]
    assert due_text(lines[1], TODAY) == "01.02.2023 (forfalt)" and due_text(lines[2], TODAY) == ""
