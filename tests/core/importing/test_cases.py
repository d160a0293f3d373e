"""One meeting read from its document (``core/importing/cases.py``): the header's fields, who
was there, who signed, each case's sections, and what became of it."""

from __future__ import annotations

from tests.core.importing.test_documents import register
from tr_desk.core.importing import read_lines
from tr_desk.storage.store import Store

PROTOCOL = [
    "PROTOKOLL, ARBEIDSUTVALGET – 12.10.2022",
    "Sted: Trondheim rådhus",
    "Tidsrom: Onsdag 12.10.2022 kl 1200-1400",
    "Til stede: Rita Ottervik, Oddbjørn Bang, Bård Eidet",
    "Forfall: Trond Hoseth",
    "Ingen merknader til innkallingen.",
    "AU 20/22 Budsjett 2023",
    "Esther Balvers innledet og orienterte om rammene.",
    "Forslag til vedtak: Budsjettet vedtas.",
    "Vedtak: Budsjettet vedtas. Enstemmig vedtatt.",
    "AU 21/22 Ny strategi",
    "Saken ble utsatt.",
    "",
    "Rita Ottervik\t\tBård Eidet",
    "Møteleder\t\tReferent",
]


def test_a_protocol_is_read_field_by_field(demo_store: Store) -> None:
    (file,), _ = read_lines(PROTOCOL, register(demo_store))
    assert (file["body"], file["date"], file["status"]) == ("AU", "2022-10-12", "avholdt")
    assert (
        file["held"] == {"start": "12:00", "end": "14:00"} and file["place"] == "Trondheim rådhus"
    )
    assert file["notice_remarks"] == "Ingen merknader til innkallingen."
    assert (file["chair"], file["minute_taker"]) == ("Rita Ottervik", "Bård Eidet")
    there = {a["name"]: a["status"] for a in file["attendance"]}
    assert there["Trond Hoseth"] == "forfall" and there["Rita Ottervik"] == "til_stede"
    first, second = file["cases"]
    assert first["introduced_by"] == "Esther Balvers"
    assert first["introduction"] == "Innledet og orienterte om rammene."
    assert first["proposal"] == "Budsjettet vedtas."
    assert (first["outcome"], first["vote"]) == ("behandlet", "enstemmig")
    assert second["outcome"] == "utsatt"
    assert "Møteleder" not in second.get("notes", "")  # the signature is no case's text


def test_a_case_number_of_another_body_or_year_is_read_as_this_meetings(demo_store: Store) -> None:
    lines = ["REFERAT, KOMMUNEDIREKTØRFORUM – 03.02.2023", "KF 01/23 Første",
             "AU 02/22 Kopiert fra Arbeidsutvalget", "KF03/23 Uten mellomrom",
             "AU 09/23 Nevnt i teksten, ikke en sak"]  # fmt: skip
    (file,), warnings = read_lines(lines, register(demo_store))
    assert [c["number"] for c in file["cases"]] == ["KF 01/23", "KF 02/23", "KF 03/23"]
    assert any("skrevet AU 02/22, tolket som KF 02/23" in w for w in warnings)
