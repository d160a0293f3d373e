"""Case numbers by the rules of DESIGN.md §1, with the KF meetings of 2022 as the table."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.numbering import (
    CaseRef,
    NumberingCase,
    NumberingMeeting,
    format_case_number,
    next_free_number,
    number_year,
    parse_case_number,
)

JUNE, SEPT, DEC = dt.date(2022, 6, 3), dt.date(2022, 9, 16), dt.date(2022, 12, 2)


def meeting(day: dt.date, tag: str, count: int, frozen_from: int | None = None) -> NumberingMeeting:
    cases = [
        NumberingCase(key=f"{tag}{i}", number=None if frozen_from is None else frozen_from + i)
        for i in range(count)
    ]
    return NumberingMeeting(date=day, frozen=frozen_from is not None, cases=cases)


@pytest.mark.parametrize(
    ("prefix", "number", "year", "text"),
    [("KF", 44, 2022, "KF 44/22"), ("AU", 1, 2017, "AU 01/17"), ("TR", 105, 2009, "TR 105/09")],
)
def test_format(prefix: str, number: int, year: int, text: str) -> None:
    assert format_case_number(prefix, number, year) == text


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("KF 44/22", CaseRef("KF", 44, 2022)),
        ("AU07/17", CaseRef("AU", 7, 2017)),
        ("KF-sak 51/21", CaseRef("KF", 51, 2021)),
        ("RF-sak 19/21", CaseRef("RF", 19, 2021)),
        ("tr 49/2021", CaseRef("TR", 49, 2021)),
    ],
)
def test_parse_forms_seen_in_the_seeds(text: str, ref: CaseRef) -> None:
    assert parse_case_number(text) == ref


@pytest.mark.parametrize("text", ["", "KF", "44/22", "KF 0/22", "KF 44-22", "sak 44/22"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_case_number(text)


@pytest.mark.parametrize(
    ("day", "tag", "first", "last"),
    [(JUNE, "jun", 22, 31), (SEPT, "sep", 32, 43), (DEC, "dec", 44, 55)],
)
def test_drafts_continue_the_year_like_kf_2022(
    day: dt.date, tag: str, first: int, last: int
) -> None:
    # 17 March used 01–21/22, which is not in the database: the year starts at 22.
    year = [meeting(JUNE, "jun", 10), meeting(SEPT, "sep", 12), meeting(DEC, "dec", 12)]
    numbers = number_year(year, year_start=22)
    count = last - first + 1
    assert [numbers[f"{tag}{i}"] for i in range(count)] == list(range(first, last + 1))


def test_draft_follows_history_in_the_database() -> None:
    year = [meeting(JUNE, "jun", 10, frozen_from=22), meeting(SEPT, "sep", 12)]
    numbers = number_year(year)
    assert numbers["sep0"] == 32 and numbers["sep11"] == 43


def test_draft_numbers_move_when_an_earlier_draft_grows() -> None:
    sept = meeting(SEPT, "sep", 12)
    sept.cases.insert(2, NumberingCase(key="new"))
    numbers = number_year([meeting(JUNE, "jun", 10, frozen_from=22), sept, meeting(DEC, "dec", 12)])
    assert numbers["new"] == 34
    assert numbers["sep2"] == 35
    assert numbers["dec0"] == 45


def test_issued_numbers_stay_and_a_late_case_gets_the_next_free() -> None:
    june = meeting(JUNE, "jun", 10, frozen_from=22)
    sept = meeting(SEPT, "sep", 12, frozen_from=32)
    dec = meeting(DEC, "dec", 12)
    assert next_free_number([june, sept, dec]) == 44
    sept.cases.append(NumberingCase(key="late", number=44))
    numbers = number_year([june, sept, dec])
    assert numbers["late"] == 44
    assert numbers["dec0"] == 45  # the draft moves up behind it


def test_withdrawn_case_keeps_its_number() -> None:
    sept = meeting(SEPT, "sep", 12, frozen_from=32)
    del sept.cases[3]  # storage keeps withdrawn cases; here the number simply stays used
    sept.cases.append(NumberingCase(key="tail", number=43))
    numbers = number_year([sept])
    assert 35 not in numbers.values()
    assert next_free_number([sept]) == 44


def test_draft_skips_numbers_frozen_later_in_the_year() -> None:
    early = meeting(JUNE, "jun", 3)
    late = meeting(DEC, "dec", 2, frozen_from=2)
    numbers = number_year([early, late])
    assert [numbers[f"jun{i}"] for i in range(3)] == [1, 4, 5]


def test_first_case_of_a_year() -> None:
    assert number_year([meeting(dt.date(2023, 1, 25), "nr", 1)]) == {"nr0": 1}
    assert next_free_number([], year_start=10) == 10
