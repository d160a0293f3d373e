"""The signature block of a protocol: who chaired and who wrote, however it is laid out."""

from __future__ import annotations

from tr_desk.core.importing.signatures import _signature_at, _signatures, _strip_signature


def test_names_over_titles_one_after_the_other_or_side_by_side() -> None:
    lines = ["Rita Ottervik", "Møteleder", "", "Bård Eidet", "Referent"]
    assert _signatures([x for x in lines if x]) == (
        {"chair": "Rita Ottervik", "minute_taker": "Bård Eidet"}, 4,
    )  # fmt: skip
    side = ["Rita Ottervik\t\tBård Eidet", "Møteleder\t\tReferent"]
    assert _signatures(side)[0] == {"chair": "Rita Ottervik", "minute_taker": "Bård Eidet"}
    known = {"Rita Ottervik", "Bård Eidet"}.__contains__
    pdf = ["Rita Ottervik Bård Eidet", "Møteleder Referent"]  # a PDF keeps one space
    assert _signatures(pdf, known)[0]["minute_taker"] == "Bård Eidet"


def test_where_the_signature_starts_and_what_it_takes_away() -> None:
    lines = ["Vedtak: Godkjent.", "", "Bård Eidet", "Daglig leder"]
    assert _signature_at(lines) == 2
    assert _signature_at(["Daglig leder ble bedt om å følge opp."]) is None
    assert _strip_signature(["Tekst.", "(sign)", "Bård Eidet", "Daglig leder"]) == ["Tekst."]
