"""The keepers: a heading goes with the first lines of its text, a closing block with the last
lines of it, a case that is only a heading with the next one, a short list stays whole.
Checked on the paper itself (pypdf), with a text long enough to cross a page."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from tests.pdflayout import layout
from tr_desk.documents.keep import CaseParts, keep_cases, keep_short_list
from tr_desk.documents.page import build_pdf, rule
from tr_desk.documents.styles import styles

LINE = "Ord som fyller en linje i brødteksten, og litt til for å nå margen på høyre side."


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, styles()[style])


def pages_of(flowables: list) -> list[list[str]]:
    pages = layout(build_pdf(flowables, "Prøve"))
    return [[" ".join(r.text for r in line) for line in p.lines(above=40)] for p in pages]


def filler(n: int) -> list:
    return [para(f"Fyll {i}. {LINE}") for i in range(n)]


def test_a_heading_never_ends_a_page() -> None:
    for n in range(30, 52):
        case = CaseParts([para("Sak 1/22 Overskrift", "case")], [para(LINE * 4)])
        pages = pages_of([*filler(n), *keep_cases([case], rule, [])])
        for page in pages[:-1]:
            assert page[-1] != "Sak 1/22 Overskrift", n
        where = next(i for i, p in enumerate(pages) if "Sak 1/22 Overskrift" in p)
        after = pages[where][pages[where].index("Sak 1/22 Overskrift") + 1 :]
        assert len(after) >= 2, (n, after)  # at least two lines of its text with it


def test_the_proposal_takes_lines_of_its_case_to_a_new_page() -> None:
    for n in range(30, 52):
        block = [para("Forslag til vedtak:", "label"), para("Saken tas til orientering.")]
        case = CaseParts([para("Sak 2/22 Overskrift", "case")], [para(LINE * 6)], block)
        pages = pages_of([*filler(n), *keep_cases([case], rule, [])])
        for page in pages[1:]:
            assert page[0] != "Forslag til vedtak:", n
            if "Forslag til vedtak:" in page:
                assert page.index("Forslag til vedtak:") >= 2, (n, page[:3])


def test_a_case_that_is_only_a_heading_goes_with_what_follows() -> None:
    for n in range(36, 50):
        bare = CaseParts([para("Sak 3/22 Orienteringer", "case")])
        last = CaseParts([para("Sak 4/22 Eventuelt", "case")])
        pages = pages_of([*filler(n), *keep_cases([bare, last], rule, [para("Bård Eidet")])])
        for page in pages[:-1]:
            assert not page[-1].startswith("Sak "), (n, page[-1])
        assert any("Bård Eidet" in p and "Sak 4/22 Eventuelt" in p for p in pages)


def test_a_short_list_is_not_split_but_a_long_one_may_be() -> None:
    from reportlab.platypus import ListFlowable, ListItem

    def numbered(count: int):
        items = [ListItem(para(f"Punkt {i} {LINE}")) for i in range(1, count + 1)]
        return keep_short_list(ListFlowable(items, bulletType="1"), count)

    for n in range(40, 50):
        pages = pages_of([*filler(n), numbered(3)])
        holding = [i for i, p in enumerate(pages) if any("Punkt" in line for line in p)]
        assert len(holding) == 1, n
    long = pages_of([*filler(45), numbered(30)])
    assert sum(1 for p in long if any("Punkt" in line for line in p)) >= 2
