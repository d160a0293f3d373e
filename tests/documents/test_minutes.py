"""The referat / protokoll and the særutskrift as PDFs: the text a reader finds in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.pdftext import flat, text_of
from tr_desk.core.minutes import extract_content, minutes_content
from tr_desk.core.model import (
    Attendance,
    AttendanceStatus,
    Exemption,
    MeetingStatus,
    Outcome,
    Vote,
)
from tr_desk.documents.minutes import render_extract, render_minutes
from tr_desk.storage.store import Store


def kf_16_september(store: Store):
    body = store.register.body_by_prefix("KF")
    return store.meetings.meeting(store.meetings.meeting_id(body.id, dt.date(2022, 9, 16)))


def test_referat_of_16_september_2022(demo_store: Store) -> None:
    meeting = kf_16_september(demo_store)
    text = flat(text_of(render_minutes(minutes_content(demo_store.context(meeting)))))
    assert "REFERAT, KOMMUNEDIREKTØRFORUM – 16.09.2022" in text
    assert "Tidsrom: Fredag 16. september 2022 kl 0830-1100" in text
    assert (
        "Til stede: Stig Roald Amundsen, Morten Wolden, Ingvill Kvernmo, Petter Lindseth, "
        "Ørjan Dahl (digitalt), Bård Eidet, Esther Balvers, Håkon Kibsgaard Jordet." in text
    )  # members in roster order, then the others
    assert (
        "Forfall: Tor Jakob Reitan, Katrine Lereggen, Alf-Petter Tenfjord, Kjetil Mjøsund, "
        "Carl Jakob Midttun." in text
    )
    assert "Referent: Bård Eidet" in text
    positions = [text.index(f"KF {n}/22") for n in range(32, 44)]
    assert positions == sorted(positions)
    assert "Kommunedirektørforum tar saken til orientering, og ber om at daglig leder " in text
    assert "Vedtak: Kommunedirektørforum ber daglig leder følge opp prosjektet" in text
    assert "Fra møtet: Det gjør noe med elevene å være utenfor skolen." in text
    assert text.rstrip().endswith("Bård Eidet Daglig leder Side 3 av 3")
    assert "(sign)" not in text  # a referat is not signed


def test_protokoll_ends_with_both_signatures_chair_first(demo_store: Store) -> None:
    body = demo_store.register.body_by_prefix("AU")
    meeting_id = demo_store.meetings.create_meeting(body.id, dt.date(2022, 10, 12))
    meeting = replace(demo_store.meetings.meeting(meeting_id), status=MeetingStatus.HELD)
    demo_store.meetings.update_meeting(meeting)
    members = demo_store.context(meeting).members
    demo_store.minutes.set_attendance(
        meeting_id, [Attendance(AttendanceStatus.PRESENT, person_id=m) for m in members]
    )
    meeting = demo_store.meetings.meeting(meeting_id)
    case = replace(
        meeting.cases[1],
        resolution="Tatt til orientering.",
        vote=Vote(unanimous=True),
        outcome=Outcome.DEALT_WITH,
    )
    demo_store.agenda.update_case(case)
    text = flat(
        text_of(
            render_minutes(
                minutes_content(demo_store.context(demo_store.meetings.meeting(meeting_id)))
            )
        )
    )
    assert text.startswith("Trondheimsregionen PROTOKOLL, ARBEIDSUTVALGET – 12.10.2022")
    assert "Saksframlegg og vedlegg finnes på hjemmesiden www.trondheimsregionen.no." in text
    assert "Ingen merknader til innkallingen." in text
    assert "Vedtaket var enstemmig." in text
    tail = text[text.rindex("Åpen post/eventuelt") :]
    chair = tail.index("Rita Ottervik")
    manager = tail.index("Bård Eidet")
    assert chair < manager
    assert tail.count("(sign)") == 2
    assert tail.index("Møteleder") < tail.index("Daglig leder")


def test_public_version_leaves_out_an_exempt_case(demo_store: Store) -> None:
    meeting = kf_16_september(demo_store)
    exempt = Exemption("offl. § 13 jf. fvl. § 13 første ledd nr. 1", "Personalsak")
    demo_store.agenda.update_case(replace(meeting.cases[5], exempt=exempt))
    meeting = kf_16_september(demo_store)
    public = flat(
        text_of(render_minutes(minutes_content(demo_store.context(meeting), public=True)))
    )
    full = flat(text_of(render_minutes(minutes_content(demo_store.context(meeting)))))
    assert "Vil legge inn økning" in full and "Vil legge inn økning" not in public
    assert "KF 37/22 Personalsak" in public
    assert "Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1." in public
    assert "Offentlig versjon" in public


def test_extract_of_one_case(demo_store: Store) -> None:
    meeting, index = demo_store.meetings.find_case("KF 37/22")
    content = extract_content(demo_store.context(meeting), index, dt.date(2022, 9, 23))
    text = flat(text_of(render_extract(content)))
    assert text.startswith("Trondheimsregionen SÆRUTSKRIFT, KOMMUNEDIREKTØRFORUM – 16.09.2022")
    assert "KF 37/22 Økonomisk status i Trondheimsregionen" in text
    assert "Vedtak: Kommunedirektørforum tar saken til orientering." in text
    assert (
        "Deltok i behandlingen: Stig Roald Amundsen, Morten Wolden, Ingvill Kvernmo, "
        "Petter Lindseth." in text
    )
    assert "Fra møtet" not in text  # the decision, not the discussion
    assert "Rett utskrift bekreftes, 23.09.2022." in text
