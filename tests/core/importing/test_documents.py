"""How old documents are really written: each habit the import reads, from lines as a Word
file or a PDF gives them (``core/importing/``)."""

from __future__ import annotations

from tr_desk.core.importing import Register, read_documents, read_lines
from tr_desk.storage.store import Store


def register(store: Store) -> Register:
    return Register(
        store.register.bodies(), store.register.people(),
        organisation=store.settings.letterhead().name,
    )  # fmt: skip


def test_a_title_date_copied_from_the_previous_notice_is_overruled_by_the_evidence(
    demo_store: Store,
) -> None:
    """Title dates in Word files are often copied: the cases' year and the notice's «Dato»
    say the meeting is a year on; the title's day and month are kept."""
    lines = [
        "INNKALLING, KOMMUNEDIREKTØRFORUM – 14.03.2019",
        "Dato: 02.03.2020",
        "KF 05/20 Budsjett",
        "Forslag til vedtak: Budsjettet vedtas.",
    ]
    (file,), warnings = read_lines(lines, register(demo_store))
    assert file["date"] == "2020-03-14"
    assert [c["number"] for c in file["cases"]] == ["KF 05/20"]
    assert (
        "tittelens 14.03.2019 passer ikke med sakene /20 og Dato 02.03.2020: møtet satt til "
        "14.03.2020" in " ".join(warnings)
    )


def test_two_dates_as_well_supported_hold_the_document_back(demo_store: Store) -> None:
    """The title and the cases say 2020, the «Tidsrom» and the notice's «Dato» 2021."""
    lines = ["INNKALLING, KOMMUNEDIREKTØRFORUM – 14.03.2020", "Dato: 15.03.2021",
             "Tidsrom: 21.03.2021 kl 0900-1100", "KF 05/20 Budsjett"]  # fmt: skip
    (document,), _ = read_documents(lines, register(demo_store))
    assert document.files == [] and "møtedatoen" in document.held_back
    assert "ingen dato vinner" in " ".join(document.warnings)


def test_a_case_under_another_prefix_or_year_in_the_run_is_this_meetings_case(
    demo_store: Store,
) -> None:
    """A case copied from the body that sent it («KF 12/19» in Arbeidsutvalget's list)
    vanished into the case before it; a wrong year made the meeting unloadable."""
    lines = [
        "REFERAT, ARBEIDSUTVALGET – 05.02.2020",
        "Tidsrom: Onsdag 05.02.2020 kl 0900-1100",
        "AU 11/20 Godkjenning av innkalling",
        "Vedtak: Godkjent.",
        "KF 12/19 Samferdselspakke",
        "Vedtak: Tatt til orientering.",
        "AU13/20 Eventuelt",
        "AU 14/19 Orienteringer",
    ]
    (file,), warnings = read_lines(lines, register(demo_store))
    assert [c["number"] for c in file["cases"]] == ["AU 11/20", "AU 12/20", "AU 13/20", "AU 14/20"]
    assert [c["title"] for c in file["cases"]][1] == "Samferdselspakke"
    assert file["cases"][0]["resolution"] == "Godkjent."
    said = " ".join(warnings)
    assert "skrevet KF 12/19, tolket som AU 12/20" in said
    assert "skrevet AU 14/19, tolket som AU 14/20" in said


def test_labels_with_or_without_a_colon_never_stay_in_the_text(demo_store: Store) -> None:
    lines = [
        "REFERAT, KOMMUNEDIREKTØRFORUM – 03.02.2023",
        "Dato 03.02.2023",
        "Til stede Bård Eidet",
        "KF 01/23 Budsjett",
        "Saksframstilling",
        "Budsjettet er lagt fram.",
        "**Forslag til vedtak**",
        "Budsjettet vedtas.",
        "Vedtak",
        "*Budsjettet ble vedtatt.*",
    ]
    (file,), _ = read_lines(lines, register(demo_store))
    (case,) = file["cases"]
    assert case["text"] == "Budsjettet er lagt fram."
    assert case["proposal"] == "Budsjettet vedtas."
    assert case["resolution"] == "Budsjettet ble vedtatt."
    assert file["minutes_date"] == "2023-02-03"
    assert [a["name"] for a in file["attendance"]] == ["Bård Eidet"]


def test_a_title_that_wrapped_is_one_title(demo_store: Store) -> None:
    """A 20 pt title wraps in Word and in its PDF: the document was lost."""
    for lines in (
        ["INNKALLING, KOMMUNEDIREKTØRFORUM –", "02.12.2022", "KF 40/22 Budsjett"],
        ["INNKALLING", "", "KOMMUNEDIREKTØRFORUM 02.12.2022", "KF 40/22 Budsjett"],
        ["REFERAT", "Kommunedirektørforum", "2. desember 2022", "KF 40/22 Budsjett"],
    ):
        (file,), _ = read_lines(lines, register(demo_store))
        assert (file["body"], file["date"]) == ("KF", "2022-12-02"), lines
        assert [c["title"] for c in file["cases"]] == ["Budsjett"], lines


def test_every_line_ends_in_a_field_or_in_the_list_of_lines_not_used(demo_store: Store) -> None:
    lines = [
        "Trondheimsregionen",  # the letterhead: no line of any document
        "En løs linje",
        "PROTOKOLL, KOMMUNEDIREKTØRFORUM 03.02.2023",
        "Tidsrom: Fredag 03.02.2023 kl 0830-1130",
        "Noe uklart her",
        "KF 01/23 Sak",
        "Vedtak: Ok.",
        "",
        "Bård Eidet",
        "Daglig leder",
        "",
        "PROGRAM FOR DAGEN",
        "Kl 9 kaffe",
    ]
    (document,), _ = read_documents(lines, register(demo_store))
    assert document.unused == [
        (2, "En løs linje"), (5, "Noe uklart her"), (12, "PROGRAM FOR DAGEN"), (13, "Kl 9 kaffe"),
    ]  # fmt: skip
    from tr_desk.core.importing import unused_said

    said = unused_said(document)
    assert said is not None and said.english == "4 lines not used (2, 5, 12–13)"
