"""Paper that looks set, for every kind of document TR Desk prints: every font embedded, one
text block (nothing left or right of the margins the letterhead's rule and the footer keep),
no heading as the last line of a page, no «Forslag til vedtak:» or «Vedtak:» opening a page
on its own, a short numbered list on one page, and table columns from their content.

The sweep moves a case down the page a few lines at a time (a longer text before it), so
that page breaks fall at every place in it: a rule that holds there holds for the kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.documents.test_fonts import fonts
from tests.pdflayout import Page, layout
from tr_desk.app import documents
from tr_desk.core.model import Attachment, Case, Meeting
from tr_desk.documents.page import MARGIN_MM, render_document
from tr_desk.storage.store import Store

MARGIN = MARGIN_MM / 25.4 * 72
FOOTER_TOP = 40  # «Side N av M» and the footer sit at 12 mm (34 pt)
LABELS = ("Forslag til vedtak:", "Vedtak:")
SUB_HEADING = "Bakgrunn for saken"  # a Markdown heading inside a case text

CASE_TEXT = (
    "Arbeidsutvalget ba i forrige møte om en oversikt over hvordan samarbeidet er organisert, "
    "hva det koster og hvilke oppgaver som bør prioriteres de neste årene. "
    * 3
    + f"\n\n### {SUB_HEADING}\n\n"
    + "Saken har vært drøftet i kommunedirektørforum, og tre forhold trekkes fram:\n\n"
    "1. Kostnadsfordelingen mellom kommunene.\n2. Fristene for høringsuttalelser.\n"
    "3. Rapporteringen til regionrådet.\n\n"
    + "Daglig leder vil orientere nærmere i møtet og svare på spørsmål fra medlemmene. "
    * 2
)
PROPOSAL = (
    "Arbeidsutvalget vedtar:\n\n1. Oversikten tas til orientering.\n"
    "2. Daglig leder legger fram en plan for prioriteringer i neste møte.\n"
    "3. Kostnadsfordelingen vurderes på nytt før budsjettet for neste år."
)
FILLER = "Dette er en setning med fylltekst som flytter den neste saken et stykke nedover. "


def filler(lines: int) -> str:
    """About ``lines`` lines of text: paragraphs of three lines, the last one shorter."""
    if not lines:
        return "Kort tekst."
    three = FILLER * 4  # about three lines of the text block
    one = FILLER * 1
    return "\n\n".join([three] * (lines // 3) + [one] * (lines % 3))


def december(store: Store) -> Meeting:
    kf = store.register.body_by_prefix("KF")
    return store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))


def september(store: Store) -> Meeting:
    kf = store.register.body_by_prefix("KF")
    return store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16)))


def staged(store: Store, meeting: Meeting, lines: int, minutes: bool) -> Meeting:
    """``meeting`` with ``lines`` of text in its first case and a full second case."""
    first, second = meeting.cases[0], meeting.cases[1]
    if minutes:
        store.agenda.update_case(replace(first, notes=filler(lines)))
        store.agenda.update_case(replace(second, notes=CASE_TEXT, resolution=PROPOSAL))
    else:
        store.agenda.update_case(replace(first, text=filler(lines)))
        store.agenda.update_case(
            replace(second, text=CASE_TEXT, proposal=PROPOSAL,
                    attachments=[*second.attachments, Attachment("Notat om organiseringen")])
        )  # fmt: skip
    return store.meetings.meeting(meeting.id or 0)


def body_lines(page: Page) -> list[str]:
    """The page's lines of text above the footer, top first, as one string each."""
    return [" ".join(run.text for run in line) for line in page.lines(above=FOOTER_TOP)]


def problems(pdf: bytes, kind: str) -> list[str]:
    """What is wrong with the paper: the rules of the house style, checked on every page."""
    out = [f"{kind}: font {name} not embedded" for name, ok in fonts(pdf).items() if not ok]
    pages = layout(pdf)
    for page in pages:
        right = page.width - MARGIN
        for run in page.runs:
            if run.x0 < MARGIN - 0.5 or run.x1 > right + 0.5:
                out.append(f"{kind} p{page.number}: {run.text[:40]!r} at {run.x0:.1f}–{run.x1:.1f}")
        for x0, _, x1, _ in page.strokes:
            if min(x0, x1) < MARGIN - 0.5 or max(x0, x1) > right + 0.5:
                out.append(f"{kind} p{page.number}: a line from {x0:.1f} to {x1:.1f}")
        lines = page.lines(above=FOOTER_TOP)
        if not lines:
            continue
        last, text = lines[-1], body_lines(page)
        if page.number < len(pages) and (
            any(run.font.endswith("-Bold") and run.size >= 11.5 for run in last)
            or text[-1] in LABELS
            or text[-1] == SUB_HEADING
        ):
            out.append(f"{kind} p{page.number}: ends with the heading {text[-1]!r}")
        if page.number > 1 and text[0] in LABELS:
            out.append(f"{kind} p{page.number}: starts with {text[0]!r} alone")
    return out


def list_pages(pdf: bytes) -> dict[str, set[int]]:
    """On which pages each of the short lists' items is printed."""
    where: dict[str, set[int]] = {}
    for page in layout(pdf):
        for line in body_lines(page):
            for marker in ("Kostnadsfordelingen mellom", "Rapporteringen til", "Oversikten tas",
                           "Kostnadsfordelingen vurderes"):  # fmt: skip
                if marker in line:
                    where.setdefault(marker, set()).add(page.number)
    return where


@pytest.mark.parametrize("minutes", [False, True], ids=["innkalling", "referat"])
def test_page_breaks_fall_where_a_typesetter_would_put_them(demo_store: Store, minutes) -> None:
    meeting = september(demo_store) if minutes else december(demo_store)
    for lines in range(0, 60, 2):
        staged_meeting = staged(demo_store, meeting, lines, minutes)
        pdf = (
            documents.minutes_pdf(demo_store, staged_meeting)
            if minutes
            else documents.notice_pdf(demo_store, staged_meeting)
        )
        assert problems(pdf, f"{lines} lines") == []
        where = list_pages(pdf)
        case_list = where["Kostnadsfordelingen mellom"] | where["Rapporteringen til"]
        proposal = where["Oversikten tas"] | where["Kostnadsfordelingen vurderes"]
        assert len(case_list) == 1 and len(proposal) == 1, (lines, where)


def every_kind(store: Store) -> dict[str, bytes]:
    """One of each document TR Desk prints, from the demo with a late item and follow-ups."""
    meeting = december(store)
    late_id = store.agenda.insert_case(meeting.id or 0, Case("Tilleggssak om budsjett"), 99)
    late = next(c for c in store.meetings.meeting(meeting.id or 0).cases if c.id == late_id)
    store.agenda.update_case(replace(late, text=CASE_TEXT, proposal=PROPOSAL))
    meeting = store.meetings.meeting(meeting.id or 0)
    held = september(store)
    kf = store.register.body_by_prefix("KF")
    return {
        "innkalling": documents.notice_pdf(store, meeting),
        "offentlig innkalling": documents.notice_pdf(store, meeting, public=True),
        "tilleggsinnkalling": documents.supplement_pdf(store, meeting),
        "sakspapirer": documents.notice_pdf(store, held, bundle=True),
        "referat": documents.minutes_pdf(store, held),
        "offentlig referat": documents.minutes_pdf(store, held, public=True),
        "særutskrift": documents.extract_pdf(store, held, 3),
        "møteplan": documents.plan_pdf(store, 2022),
        "oppfølgingsliste": documents.followups_pdf(store, kf.prefix, dt.date(2022, 11, 25)),
        "dokument": render_document(
            f"# Notat\n\n{CASE_TEXT}\n\n| Kommune | Andel |\n|---|--:|\n"
            "| Trondheim | 60 % |\n| Malvik | 5 % |\n"
        ),
    }


def test_every_kind_of_document_keeps_the_house_style(demo_store: Store) -> None:
    kinds = every_kind(demo_store)
    found = [problem for kind, pdf in kinds.items() for problem in problems(pdf, kind)]
    assert found == []


def test_one_text_block_from_margin_to_margin(demo_store: Store) -> None:
    """The text starts where the letterhead's rule starts, and a full line ends where it ends
    (ReportLab's frame padding used to set the text 6 pt inside on both sides)."""
    pdf = documents.notice_pdf(demo_store, december(demo_store))
    pages = layout(pdf)
    rule = next(s for s in pages[0].strokes if abs(s[1] - s[3]) < 0.1)  # the letterhead's
    body = [run for page in pages for run in page.runs if FOOTER_TOP < run.y < rule[1]]
    assert min(run.x0 for run in body) == pytest.approx(rule[0], abs=0.5)
    assert max(run.x1 for run in body) == pytest.approx(rule[2], abs=6)  # nearly to its end
    assert rule[0] == pytest.approx(MARGIN, abs=0.5)


def test_the_follow_up_list_gives_its_columns_what_their_text_needs(demo_store: Store) -> None:
    """A name and a date stay on one line, and the case column (number, date and title) wraps
    to no more lines than the longest cell beside it needs."""
    kf = demo_store.register.body_by_prefix("KF")
    pdf = documents.followups_pdf(demo_store, kf.prefix, dt.date(2022, 11, 25))
    (page,) = layout(pdf)
    lines = page.lines(above=FOOTER_TOP)
    texts = [" ".join(run.text for run in line) for line in lines]
    assert any("Bård Eidet" in text and "16.12.2022" in text for text in texts), texts
    first_row = next(i for i, text in enumerate(texts) if text.startswith("KF 35/22"))
    next_row = next(i for i, text in enumerate(texts) if text.startswith("KF 33/22"))
    row = lines[first_row:next_row]
    per_column: dict[int, int] = {}  # a column's left edge → its lines in the row
    for line in row:
        for x in {round(run.x0) for run in line}:
            per_column[x] = per_column.get(x, 0) + 1
    case_column = per_column.pop(round(MARGIN))
    assert case_column <= 3 and case_column <= max(per_column.values()), texts[first_row:next_row]
