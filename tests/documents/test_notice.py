"""The notice PDF as the recipients read it: text extracted with pypdf, in order."""

from __future__ import annotations

import datetime as dt
import io
import re
import string
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.pdftext import text_of
from tr_desk.core.model import Attachment, Case, Exemption
from tr_desk.core.notice import NoticeCase, NoticeContent, notice_content
from tr_desk.documents.notice import render_notice
from tr_desk.storage.store import Store


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def kf_december(store: Store):
    kf = store.register.body_by_prefix("KF")
    return store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))


def test_notice_of_2_december_2022_reads_like_the_seed(demo_store: Store) -> None:
    text = text_of(render_notice(notice_content(demo_store.context(kf_december(demo_store)))))
    lines = text.splitlines()
    assert lines[:2] == ["Trondheimsregionen", "INNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022"]
    for expected in [
        "Saksbehandler: Bård Eidet",
        "Referanse: 22-",
        "Dato: 25.11.2022",
        "Sted: Møterom A, Rådhuset",
        "Tidsrom: Fredag 02. desember 2022 kl 0830-1130",
    ]:
        assert expected in lines
    flat = squash(text)
    assert squash("Innkalt: Tor Jakob Reitan, Stig Roald Amundsen, Morten Wolden") in flat
    assert (
        squash(
            "Kopi: Esther Balvers, Hans Kringstad, Kristian Dahlberg Hauge, Håkon Kibsgaard Jordet."
        )
        in flat
    )
    headings = [line for line in lines if line.startswith("KF ") and "/22" in line[:9]]
    assert [h[:8] for h in headings] == [f"KF {n}/22" for n in range(44, 56)]
    assert headings[0].endswith("Referat fra møte 16.09.2022")
    assert headings[4].endswith("Budsjett Trondheimsregionen 2023")
    positions = [text.index(f"Vedlegg {n}:") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert (
        "Vedlegg 2: Prosjektbeskrivelse" in text and "Vedlegg 3: Skisse til videre arbeid" in text
    )
    assert text.count("Forslag til vedtak:") == 10
    assert "Referat/protokoll kommunedirektørforum 16.09.2022 godkjennes." in text
    assert squash("3 320 454 5 194 647 4 648 635") in flat  # the budget table
    assert lines[-1].startswith("Side ") and lines[-1].endswith(" av " + lines[-1].split()[-1])
    assert "Bård Eidet\nDaglig leder" in text


def test_page_numbers_count_all_pages(demo_store: Store) -> None:
    pdf = render_notice(notice_content(demo_store.context(kf_december(demo_store))))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert [p.extract_text().splitlines()[-1] for p in pages] == [
        f"Side {i} av {len(pages)}" for i in range(1, len(pages) + 1)
    ]


def test_output_is_deterministic(demo_store: Store) -> None:
    content = notice_content(demo_store.context(kf_december(demo_store)))
    assert render_notice(content) == render_notice(content)


def test_user_text_prints_exactly_as_typed() -> None:
    content = NoticeContent(
        title="INNKALLING, NÆRINGSRÅDET – 25.01.2023",
        header=[("Sted", "R&D <utkast>")],
        cases=[
            NoticeCase(
                "NR 01/23",
                "R&D <utkast> «Ánde Čilaš Ŋ Ž» 😀",
                text="Et \\<b>forsøk\\</b> & mer",
                proposal="Ja & nei",
            )
        ],
        signature=("Bård Eidet", "Daglig leder"),
    )
    text = text_of(render_notice(content))
    assert "Sted: R&D <utkast>" in text
    assert "NR 01/23  R&D <utkast> «Ánde Čilaš Ŋ Ž» 😀" in text
    assert "Sak: Et <b>forsøk</b> & mer" in text


def test_public_version_leaves_out_what_is_exempt(demo_store: Store) -> None:
    meeting = kf_december(demo_store)
    secret = replace(
        meeting.cases[6],
        exempt=Exemption("offl. § 13 jf. fvl. § 13 første ledd nr. 1", "Valg til Næringsrådet"),
        attachments=[Attachment("Personopplysninger om kandidatene")],
    )
    demo_store.agenda.update_case(secret)
    meeting = kf_december(demo_store)
    internal = text_of(render_notice(notice_content(demo_store.context(meeting))))
    public = text_of(render_notice(notice_content(demo_store.context(meeting), public=True)))
    assert "Valg av kommunedirektører til Næringsrådet" in internal
    assert "Personopplysninger om kandidatene" in internal
    assert "KF 50/22  Valg til Næringsrådet" in public
    assert "Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1." in public
    for hidden in ("Valg av kommunedirektører", "Personopplysninger", "RF-sak 19/21 ble disse"):
        assert hidden not in public
    assert "Offentlig versjon" in public
    # The other attachments keep the numbers they have in the full notice.
    assert "Vedlegg 3: Skisse til videre arbeid" in public


# -- anything typed prints as typed -------------------------------------------------------


def printable() -> list[str]:
    """Every character the two embedded fonts can print (the text font, then Symbola)."""
    import unicodedata

    from reportlab.pdfbase import pdfmetrics

    from tr_desk.documents.fonts import FALLBACK, _register_fallback, register_fonts

    register_fonts()
    _register_fallback()
    codes = set(pdfmetrics.getFont("TRSans").face.charToGlyph) | set(
        pdfmetrics.getFont(FALLBACK).face.charToGlyph
    )
    skip = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Me"}
    # Right-to-left letters print, but text extraction reorders them around neutral marks.
    rtl = {"R", "AL", "AN"}
    return sorted(
        chr(c)
        for c in codes
        if c > 32
        and unicodedata.category(chr(c)) not in skip
        and unicodedata.bidirectional(chr(c)) not in rtl
    )


PLAIN = st.text(alphabet=st.sampled_from(printable()), max_size=60)
SPECIAL = st.sampled_from(
    ["<", "&", "<b>", "</i>", "R&D <utkast>", "😀", "Ánde Čilaš Ŋ Ž", "«»", "§ 13", ""]
)
FIELD_TEXT = st.lists(st.one_of(PLAIN, SPECIAL), max_size=4).map(" ".join)


def markdown_escaped(text: str) -> str:
    """What the editor stores for typed text: Markdown punctuation escaped (Qt does the same)."""
    return "".join("\\" + ch if ch in string.punctuation else ch for ch in text)


def visible(text: str) -> str:
    return squash(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=FIELD_TEXT, body=FIELD_TEXT, proposal=FIELD_TEXT, presenter=FIELD_TEXT,
       attachment=FIELD_TEXT, place=FIELD_TEXT, follows=FIELD_TEXT)  # fmt: skip
def test_any_text_in_any_field_prints_as_typed(
    title, body, proposal, presenter, attachment, place, follows
) -> None:
    case = NoticeCase(
        number="KF 01/23", title=title, text=markdown_escaped(body), proposal=markdown_escaped(proposal),
        presenter=presenter, follows=follows,
        attachments=[__import__("tr_desk.core.notice", fromlist=["x"]).NumberedAttachment(1, attachment, None)],
    )  # fmt: skip
    content = NoticeContent(
        title="INNKALLING, KOMMUNEDIREKTØRFORUM – 03.02.2023", header=[("Sted", place)],
        cases=[case], signature=("Bård Eidet", "Daglig leder"),
    )  # fmt: skip
    text = visible(text_of(render_notice(content)))
    for typed in (title, body, proposal, presenter, attachment, place, follows):
        assert visible(typed) in text


def test_a_20000_character_paragraph_and_empty_fields() -> None:
    long = ("Trondheimsregionen samarbeider om næringsutvikling og areal. " * 340)[:20000]
    content = NoticeContent(
        title="INNKALLING, ARBEIDSUTVALGET – 08.02.2023", header=[("Sted", "")],
        cases=[NoticeCase("AU 01/23", "", text=long), NoticeCase("AU 02/23", "Tom sak")],
        signature=("", ""),
    )  # fmt: skip
    pdf = render_notice(content)
    body = re.sub(r"Side \d+ av \d+", "", text_of(pdf))  # the paragraph runs across pages
    text = visible(body)
    assert visible(long) in text
    assert "AU02/23TomSak".lower() in text.lower()
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 3


def test_notice_from_cases_with_no_numbers_yet(store: Store) -> None:
    nr = store.register.body_by_prefix("NR")
    meeting_id = store.meetings.create_meeting(nr.id, dt.date(2023, 1, 25))
    meeting = store.meetings.meeting(meeting_id)
    store.agenda.insert_case(meeting_id, Case(title="Verdiskapingsstrategien"), 1)
    text = text_of(render_notice(notice_content(store.context(store.meetings.meeting(meeting_id)))))
    assert "NR 01/23" in text and "NR 02/23  Verdiskapingsstrategien" in text
    assert "Tidsrom: Onsdag 25. januar 2023 kl 1200-1500" in text
    assert meeting.status.value == "planlagt"


def test_links_print_and_odd_targets_do_not_break_the_pdf() -> None:
    text = "Se [Grenlandsstandard](https://www.grenlandssamarbeidet.no/) og [analysen](#), [notatet](notat.pdf) og [tomt]()."
    content = NoticeContent(
        title="INNKALLING, X – 01.01.2023", header=[], cases=[NoticeCase("KF 01/23", "Lenker", text=text)],
        signature=("A", "B"),
    )  # fmt: skip
    pdf = render_notice(content)
    assert "Sak: Se Grenlandsstandard og analysen, notatet og tomt." in text_of(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert uris == ["https://www.grenlandssamarbeidet.no/"]
