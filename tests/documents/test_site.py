"""The website's HTML: Norwegian, a skip link and landmarks, headings in order, Markdown
rendered without letting HTML through, no script anywhere."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from tr_desk.core.site import Link, SiteCase, SiteMeeting, SiteYear
from tr_desk.documents.site import index_page, meeting_page, plan_page

DAY = dt.date(2022, 9, 16)


def meeting(proposal: str) -> SiteMeeting:
    case = SiteCase("KF 37/22", "Budsjett <2023>", proposal=proposal, resolution="**Vedtatt.**")
    return SiteMeeting("moter/kf-2022-09-16.html", "Kommunedirektørforum 16.09.2022",
                       "Kommunedirektørforum", DAY, (("Dato", "Fredag 16. september 2022"),),
                       (case,), (Link("dokumenter/a.pdf", "Innkalling (PDF)"),), True)  # fmt: skip


def headings(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


def test_a_meeting_page_is_accessible_html_and_lets_no_markup_through() -> None:
    year = SiteYear(2022, "moteplan-2022.html", "moteplan-2022.ics", ())
    html = meeting_page("Trondheimsregionen", meeting(
        "# Overskrift\n\n<script>alert(1)</script> [lenke](javascript:alert(1))"), [year]
    ).decode()  # fmt: skip
    assert '<html lang="nb">' in html and 'href="#innhold"' in html and '<main id="innhold"' in html
    assert "<script" not in html and "javascript:" not in html.replace("javascript:alert", "")
    assert "&lt;script&gt;" in html and "Budsjett &lt;2023&gt;" in html
    assert "<p><strong>Overskrift</strong></p>" in html  # not an h1 inside the case
    levels = headings(html)
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert 'href="../dokumenter/a.pdf"' in html and 'href="../stil.css"' in html


def test_the_index_and_the_plan() -> None:
    year = SiteYear(2022, "moteplan-2022.html", "moteplan-2022.ics", (), (meeting(""),))
    index = index_page("Trondheimsregionen", [year]).decode()
    assert "Møter i Trondheimsregionen" in index and 'href="moter/kf-2022-09-16.html"' in index
    plan = plan_page("Trondheimsregionen", year, [year]).decode()
    assert "<caption>" not in plan and "Ingen møter i planen." in plan
    assert 'href="moteplan-2022.ics"' in plan and 'aria-current="page"' in plan
