"""The domain records are frozen: a change is a new record, and a sequence is a tuple however
the record was built."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tr_desk.core.model import (
    Attachment,
    Body,
    Case,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesKind,
    Person,
    Role,
)


def test_a_record_cannot_be_changed_in_place() -> None:
    case = Case("Budsjett")
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.title = "Annet"  # type: ignore[misc]
    assert dataclasses.replace(case, title="Annet").title == "Annet"
    assert case.title == "Budsjett"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Body(1, "KF", "Kommunedirektørforum", MinutesKind.REFERAT, former_prefixes=["RF"]),
         "former_prefixes"),
        (Person(1, "Anne Ås", aliases=["A. Ås"]), "aliases"),
        (Case("Sak", attachments=[Attachment("Vedlegg")]), "attachments"),
        (Meeting(1, 1, dt.date(2023, 1, 6), cases=[Case("Sak")], invited_ids=[1, 2]), "cases"),
        (Meeting(1, 1, dt.date(2023, 1, 6), invited_ids=[1, 2]), "invited_ids"),
    ],
)  # fmt: skip
def test_lists_are_kept_as_tuples(record: object, field: str) -> None:
    assert isinstance(getattr(record, field), tuple)


def test_a_record_built_from_a_list_equals_one_built_from_a_tuple() -> None:
    day = dt.date(2023, 1, 6)
    assert Meeting(1, 1, day, cases=[Case("Sak")]) == Meeting(1, 1, day, cases=(Case("Sak"),))
    assert Meeting(1, 1, day, invited_ids=None).invited_ids is None


def test_what_the_records_answer() -> None:
    body = Body(1, "TR", "Regionrådet", MinutesKind.PROTOKOLL)
    assert body.minutes_title == "Protokoll"
    seat = Membership(1, 1, 1, Role.MEMBER, dt.date(2020, 1, 1), dt.date(2023, 12, 31))
    assert seat.valid_on(dt.date(2023, 12, 31)) and not seat.valid_on(dt.date(2024, 1, 1))
    meeting = Meeting(1, 1, dt.date(2023, 1, 6))
    assert not meeting.numbers_frozen and not meeting.minutes_locked
    issued = dataclasses.replace(meeting, status=MeetingStatus.NOTICE_ISSUED)
    assert issued.numbers_frozen and not issued.minutes_locked
    assert dataclasses.replace(meeting, status=MeetingStatus.APPROVED).minutes_locked
