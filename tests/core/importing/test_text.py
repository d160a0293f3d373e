"""The lines of an old document as text: cleaned, made Markdown, dates and time slots found."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.importing.text import (
    Said,
    clean,
    find_date,
    find_slot,
    line_ranges,
    markdown,
    normal_dates,
)


def test_a_line_is_cleaned_of_markup() -> None:
    assert clean("## **Vedtak:**\u00a0\tGodkjent ") == "Vedtak: Godkjent"
    assert clean("-----") == "" and clean("<b>fet</b> tekst") == "fet tekst"


def test_lists_tables_and_dates_become_one_markdown() -> None:
    text = markdown(["\uf0b7\tFørste", "o Andre", "1) Tredje", "", "Post\tBeløp", "Drift\t100"])
    assert text.splitlines()[:3] == ["- Første", "- Andre", "1. Tredje"]
    assert "| Post | Beløp |\n| --- | --- |\n| Drift | 100 |" in text
    # a first row of figures is no header: an empty one above it
    assert markdown(["Drift\t100", "Lønn\t200"]).startswith("|  |  |\n| --- | --- |")
    assert normal_dates("møte 3.6. 2022 og 17.03 2022") == "møte 03.06.2022 og 17.03.2022"


def test_dates_and_slots_are_found_as_written() -> None:
    assert find_date("Dato: 3. juni 2022") == dt.date(2022, 6, 3)
    assert find_date("31.02.2022, så 01.03.2022") == dt.date(2022, 3, 1)  # a real date
    assert find_date("ingen dato") is None
    assert find_slot("kl 0830-1130") == ("08:30", "11:30")
    assert find_slot("kl 2530-2600") is None


def test_a_warning_carries_both_languages_and_line_runs_are_short() -> None:
    said = Said("fant ikke datoen", "no date found").prefixed("Referat KF", "Minutes KF")
    assert said == "Referat KF: fant ikke datoen" and said.english == "Minutes KF: no date found"
    assert line_ranges([3, 7, 8, 9, 12]) == "3, 7–9, 12"
