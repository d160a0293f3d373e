"""The notice and the minutes of one meeting, merged: each field from whichever has it, a
difference said, names renamed as the user matched them."""

from __future__ import annotations

from tr_desk.core.importing.merging import merge_all, merge_files, renamed
from tr_desk.core.meeting_data import MeetingData

NOTICE: MeetingData = {
    "body": "KF", "date": "2022-12-02", "status": "innkalt", "place": "Møterom A",
    "invited": ["Kathrine Lereggen"],
    "cases": [{"number": "KF 44/22", "title": "Budsjett", "proposal": "Vedtas."}],
}  # fmt: skip
MINUTES: MeetingData = {
    "body": "KF", "date": "2022-12-02", "status": "avholdt", "place": "Møterom B",
    "cases": [
        {"number": "KF 45/22", "title": "Strategi"},
        {"number": "KF 44/22", "title": "Budsjett", "resolution": "Vedtatt."},
    ],
}  # fmt: skip


def test_each_field_from_whichever_has_it_and_the_later_status() -> None:
    merged, differences = merge_files(NOTICE, MINUTES)
    assert merged["status"] == "avholdt" and merged["place"] == "Møterom A"
    assert differences == ["place: «Møterom A» beholdt, ikke «Møterom B»"]
    assert differences[0].english == "place: kept 'Møterom A', not 'Møterom B'"  # type: ignore[attr-defined]
    budget, strategy = merged["cases"]
    assert (budget["proposal"], budget["resolution"]) == ("Vedtas.", "Vedtatt.")
    assert strategy["number"] == "KF 45/22"  # in number order


def test_files_of_one_meeting_merge_and_names_follow_the_users_choice() -> None:
    (merged,), warnings = merge_all([NOTICE, MINUTES])
    assert merged["status"] == "avholdt" and warnings
    fixed = renamed(NOTICE, {"Kathrine Lereggen": "Katrine Lereggen"})
    assert fixed["invited"] == ["Katrine Lereggen"] and NOTICE["invited"] == ["Kathrine Lereggen"]
