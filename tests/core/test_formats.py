"""One date style everywhere, weekdays computed (DESIGN.md §3)."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core import formats


@pytest.mark.parametrize(
    ("day", "start", "end", "text"),
    [
        (
            dt.date(2022, 12, 2),
            dt.time(8, 30),
            dt.time(11, 30),
            "Fredag 02. desember 2022 kl 0830-1130",
        ),
        (
            dt.date(2022, 9, 16),
            dt.time(8, 30),
            dt.time(11, 0),
            "Fredag 16. september 2022 kl 0830-1100",
        ),
        (
            dt.date(2023, 2, 8),
            dt.time(12, 0),
            dt.time(14, 0),
            "Onsdag 08. februar 2023 kl 1200-1400",
        ),
        (dt.date(2023, 3, 1), None, None, "Onsdag 01. mars 2023"),
    ],
)
def test_period(day, start, end, text) -> None:
    assert formats.period(day, start, end) == text


@pytest.mark.parametrize(
    ("day", "long", "short", "plan"),
    [
        (dt.date(2022, 11, 25), "25. november 2022", "25.11.2022", "Fredag 25.11"),
        (dt.date(2022, 6, 10), "10. juni 2022", "10.06.2022", "Fredag 10.06"),
        (dt.date(2023, 1, 25), "25. januar 2023", "25.01.2023", "Onsdag 25.01"),
        # The printed 2023 plan said «Onsdag 08.09»: 8 September 2023 is a Friday.
        (dt.date(2023, 9, 8), "8. september 2023", "08.09.2023", "Fredag 08.09"),
    ],
)
def test_dates(day, long, short, plan) -> None:
    assert formats.date_long(day) == long
    assert formats.date_short(day) == short
    assert formats.plan_date(day) == plan


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("08:30", dt.time(8, 30)),
        ("0830", dt.time(8, 30)),
        ("8.30", dt.time(8, 30)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_parse_time(text, time) -> None:
    assert formats.parse_time(text) == time


@pytest.mark.parametrize("text", ["2500", "24:00", "12:60", "kl 12", ""])
def test_parse_time_rejects(text) -> None:
    with pytest.raises(ValueError):
        formats.parse_time(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("01.01.2023", dt.date(2023, 1, 1)),
        ("1.2.2023", dt.date(2023, 2, 1)),
        ("2023-02-03", dt.date(2023, 2, 3)),
        ("  ", None),
    ],
)
def test_parse_user_date(text, day) -> None:
    assert formats.parse_user_date(text) == day


@pytest.mark.parametrize("text", ["30.02.2023", "2023-13-01", "i morgen"])
def test_parse_user_date_rejects_in_norwegian(text) -> None:
    with pytest.raises(ValueError, match="er ikke en dato"):
        formats.parse_user_date(text)


def test_parse_date_names_the_text() -> None:
    with pytest.raises(ValueError, match="2022-02-30"):
        formats.parse_date("2022-02-30")


def test_a_count_meets_its_noun_in_the_right_number() -> None:
    from tr_desk.core.formats import counted

    assert counted(1, "person", "personer") == "1 person"
    assert counted(0, "person", "personer") == "0 personer"
    assert counted(3, "åpen oppfølging", "åpne oppfølginger") == "3 åpne oppfølginger"
