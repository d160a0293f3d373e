"""What the notice says, from the meeting: title, place, time, who is called, and the
attachments numbered «Vedlegg N» through the agenda (late items' after the notice's)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import kf_meeting
from tr_desk.core.model import (
    Attachment,
    Body,
    Case,
    Meeting,
    MeetingMode,
    MinutesKind,
    Outcome,
    Person,
)
from tr_desk.core.notice import (
    names_line,
    notice_content,
    notice_title,
    number_attachments,
    place_line,
    time_line,
)
from tr_desk.storage.store import Store

BODY = Body(1, "ST", "Styret", MinutesKind.PROTOKOLL)
DAY = dt.date(2027, 3, 9)  # a Tuesday


def test_the_title_follows_the_meetings_own_date_and_kind() -> None:
    meeting = Meeting(None, 1, DAY)
    assert notice_title(BODY, meeting) == "INNKALLING, STYRET – 09.03.2027"
    assert notice_title(BODY, meeting, revision=1).startswith("REVIDERT INNKALLING")
    assert notice_title(BODY, meeting, supplement=True).startswith("TILLEGGSINNKALLING")


def test_place_and_time_say_the_mode_once() -> None:
    remote = Meeting(None, 1, DAY, place="Teams", mode=MeetingMode.REMOTE)
    assert place_line(remote) == "Digitalt møte (Teams)"
    assert place_line(Meeting(None, 1, DAY, place="Digitalt (Teams)", mode=MeetingMode.REMOTE)) == (
        "Digitalt (Teams)"
    )
    written = Meeting(None, 1, DAY, mode=MeetingMode.WRITTEN)
    assert place_line(written) == "Skriftlig saksbehandling"
    assert time_line(written).startswith("Svarfrist") and "09." in time_line(written)
    assert time_line(Meeting(None, 1, DAY, start=dt.time(9), end=dt.time(12))).endswith(
        "kl 0900-1200"
    )


def test_names_and_attachment_numbers() -> None:
    people = {1: Person(1, "Kari"), 2: Person(2, "Ola")}
    assert names_line([2, 1, 9], people, ["Gjest"]) == "Ola, Kari, Gjest."
    assert names_line([], people) == ""
    cases = [
        Case(title="A", attachments=[Attachment("a1"), Attachment("a2")]),
        Case(title="Sen", late=True, attachments=[Attachment("s1")]),
        Case(title="Trukket", outcome=Outcome.WITHDRAWN, attachments=[Attachment("t1")]),
        Case(title="B", attachments=[Attachment("b1")]),
    ]
    numbers = [[a.number for a in case] for case in number_attachments(cases)]
    assert numbers == [[1, 2], [4], [], [3]]  # the late item's after the notice's


def test_the_public_notice_of_the_demo_names_the_meeting(demo_store: Store) -> None:
    context = demo_store.context(kf_meeting(demo_store, "2022-12-02"))
    full, public = notice_content(context), notice_content(context, public=True)
    assert full.title == "INNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022" == public.title
    assert public.public and not full.public
    assert [c.number for c in full.cases] == [c.number for c in public.cases]
