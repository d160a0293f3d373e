"""The website's pages as data: made from the public contents, an exempt case by number,
public title and basis; the plan's rows linked to the pages that exist."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.minutes import MinutesCase, MinutesContent
from tr_desk.core.model import Body, CaseKind, Meeting, MeetingStatus, MinutesKind
from tr_desk.core.notice import NoticeCase, NoticeContent
from tr_desk.core.site import Link, plan_row, site_meeting

BODY = Body(1, "KF", "Kommunedirektørforum", MinutesKind.REFERAT)
DAY = dt.date(2022, 9, 16)


def test_a_meeting_page_from_the_public_contents() -> None:
    meeting = Meeting(7, 1, DAY, place="Rådhuset", status=MeetingStatus.APPROVED)
    notice = NoticeContent("INNKALLING", [], [
        NoticeCase("KF 36/22", "Personalsak", exemption="Unntatt offentlighet, offl. § 25.",
                   index=0),
        NoticeCase("KF 37/22", "Budsjett", proposal="Tas til orientering.", index=1),
    ], ("Bård Eidet", "Daglig leder"), public=True)  # fmt: skip
    minutes = MinutesContent("REFERAT", [], [], [
        MinutesCase("KF 37/22", "Budsjett", CaseKind.ORDINARY, index=1, resolution="Vedtatt."),
    ], [])  # fmt: skip
    page = site_meeting(BODY, meeting, notice, minutes, [Link("dokumenter/a.pdf", "Innkalling")])
    assert page.path == "moter/kf-2022-09-16.html" and page.approved
    exempt, budget = page.cases
    assert exempt.notes == ("Unntatt offentlighet, offl. § 25.",) and not exempt.proposal
    assert (budget.proposal, budget.resolution) == ("Tas til orientering.", "Vedtatt.")
    assert ("Sted", "Rådhuset") in page.facts and page.heading.endswith("16. september 2022")


def test_a_plan_row_says_why_a_meeting_was_cancelled_and_links_a_page() -> None:
    cancelled = Meeting(1, 1, DAY, status=MeetingStatus.CANCELLED, cancel_reason="For få saker")
    assert plan_row(BODY, cancelled, {}).status == "Avlyst: For få saker"
    assert plan_row(BODY, cancelled, {}).link is None
