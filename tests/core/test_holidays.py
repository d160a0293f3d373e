"""Norway's public holidays from Easter, checked against the almanac."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.holidays import easter_sunday, norwegian_holidays


@pytest.mark.parametrize(
    ("year", "easter"),
    [(1930, (4, 20)), (1961, (4, 2)), (2000, (4, 23)), (2008, (3, 23)), (2011, (4, 24)),
     (2019, (4, 21)), (2022, (4, 17)), (2023, (4, 9)), (2024, (3, 31)), (2025, (4, 20)),
     (2026, (4, 5)), (2027, (3, 28)), (2038, (4, 25)), (2285, (3, 22))],
)  # fmt: skip
def test_easter_sunday(year: int, easter: tuple[int, int]) -> None:
    assert easter_sunday(year) == dt.date(year, *easter)


def test_the_holidays_of_2027_by_name() -> None:
    assert norwegian_holidays([2027]) == {
        dt.date(2027, 1, 1): "Første nyttårsdag",
        dt.date(2027, 3, 25): "Skjærtorsdag",
        dt.date(2027, 3, 26): "Langfredag",
        dt.date(2027, 3, 28): "Første påskedag",
        dt.date(2027, 3, 29): "Andre påskedag",
        dt.date(2027, 5, 1): "Arbeidernes dag",
        dt.date(2027, 5, 6): "Kristi himmelfartsdag",
        dt.date(2027, 5, 16): "Første pinsedag",
        dt.date(2027, 5, 17): "Andre pinsedag; Grunnlovsdag",
        dt.date(2027, 12, 25): "Første juledag",
        dt.date(2027, 12, 26): "Andre juledag",
    }


def test_may_days_are_holidays_from_1947_and_years_combine() -> None:
    assert dt.date(1946, 5, 17) not in norwegian_holidays([1946])
    assert norwegian_holidays([1947])[dt.date(1947, 5, 1)] == "Arbeidernes dag"
    both = norwegian_holidays([2026, 2027])
    assert dt.date(2026, 12, 25) in both and dt.date(2027, 3, 26) in both and len(both) == 23
