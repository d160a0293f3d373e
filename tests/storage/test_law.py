"""What kommuneloven asks of the minutes, end to end through the store and the documents:
votes per party with a named split, substitutes in rank order and «(vara for …)» in the
notice, a closed item in a remote meeting, a late item's Tilleggsinnkalling, and the
follow-up of decisions (the demo's, the command line's, the Oppfølgingsliste)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.pdftext import flat, text_of
from tr_desk.app import documents
from tr_desk.app.meeting_files import load_file
from tr_desk.cli import main
from tr_desk.core.checks.minutes import check_minutes
from tr_desk.core.checks.notice import check_notice
from tr_desk.core.checks.problems import Severity
from tr_desk.core.clock import Clock
from tr_desk.core.meeting_json import meeting_to_json
from tr_desk.core.model import (
    Case,
    FollowUp,
    FollowUpStatus,
    MeetingMode,
    Membership,
    Person,
    Role,
)
from tr_desk.core.votes import by_party, substitute_order, voters
from tr_desk.storage.followups import add_followup, followup_lines, update_followup
from tr_desk.storage.store import Store

AU_PARTIES = {
    "Rita Ottervik": "Ap", "Oddbjørn Bang": "H", "Trond Hoseth": "H", "Jorid Jagtøyen": "Sp",
}  # fmt: skip


def with_parties(store: Store, prefix: str = "AU") -> dict[str, int]:
    """The body's members get parties, and H two substitutes (rank 2 added first)."""
    body = store.register.body_by_prefix(prefix)
    people = {p.name: p.id for p in store.register.people()}
    for m in store.register.memberships(body_id=body.id):
        name = next(n for n, i in people.items() if i == m.person_id)
        if name in AU_PARTIES:
            store.register.update_membership(dataclasses.replace(m, party=AU_PARTIES[name]))
    start = dt.date(2022, 1, 1)
    for name, rank in (("Per Vara", 2), ("Kari Vara", 1)):
        pid = store.register.add_person(Person(None, name))
        people[name] = pid
        store.register.add_membership(
            Membership(None, pid, body.id, Role.SUBSTITUTE, start, party="H", rank=rank)
        )
    return people


def load(store: Store, tmp_path: Path, data: dict) -> int:
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    meeting_id, _created, _warnings = load_file(store, path)
    return meeting_id


AU_MEETING = {
    "body": "AU", "date": "2023-03-10", "start": "09:00", "end": "11:00", "place": "Rådhuset",
    "status": "avholdt", "held": {"start": "09:00", "end": "10:30"},
    "attendance": [
        {"name": "Rita Ottervik", "status": "til_stede"},
        {"name": "Oddbjørn Bang", "status": "til_stede"},
        {"name": "Trond Hoseth", "status": "til_stede"},
        {"name": "Jorid Jagtøyen", "status": "til_stede"},
    ],
    "cases": [
        {
            "number": "AU 05/23", "title": "Medlemsavgift 2024", "outcome": "behandlet",
            "resolution": "Arbeidsutvalget anbefaler ny medlemsavgift.",
            "vote": {
                "for": 3, "against": 1,
                "parties": [
                    {"party": "Ap", "for": 1, "against": 0},
                    {"party": "H", "for": 1, "against": 1, "names_for": ["Oddbjørn Bang"],
                     "names_against": ["Trond Hoseth"]},
                    {"party": "Sp", "for": 1, "against": 0},
                ],
            },
        },
        {
            "number": "AU 06/23", "title": "Ansettelse av daglig leder", "outcome": "behandlet",
            "closed": "2a", "resolution": "Ansettelse.", "vote": "enstemmig",
            "exempt": {"basis": "offl. § 25", "public_title": "Ansettelse"},
        },
        {
            "number": "AU 07/23", "title": "Uttalelse om ferjetilbudet", "late": True,
            "outcome": "behandlet", "resolution": "Uttalelsen sendes.",
            "followups": [{"what": "Sende uttalelsen til fylkeskommunen.", "who": "Bård Eidet",
                           "due": "2023-03-20", "status": "åpen"}],
        },
    ],
}  # fmt: skip


def test_a_split_vote_prints_the_party_line_and_the_names(store: Store, tmp_path: Path) -> None:
    with_parties(store)
    meeting_id = load(store, tmp_path, AU_MEETING)
    meeting = store.meetings.meeting(meeting_id)
    context = store.context(meeting)
    room = by_party(voters(context, 0))
    assert {p: [v.name for v in vs] for p, vs in room.items()} == {
        "Ap": ["Rita Ottervik"], "H": ["Oddbjørn Bang", "Trond Hoseth"], "Sp": ["Jorid Jagtøyen"],
    }  # fmt: skip
    text = flat(text_of(documents.minutes_pdf(store, meeting)))
    assert "Vedtatt mot 1 stemme (H). Fra H stemte Oddbjørn Bang for, Trond Hoseth mot." in text
    assert (
        "Møtet ble lukket under behandlingen av saken, jf. kommuneloven § 11-5 andre ledd "
        "bokstav a." in text
    )
    assert "Ingen motsatte seg at saken ble behandlet." in text
    public = flat(text_of(documents.minutes_pdf(store, meeting, public=True)))
    assert "§ 11-5 andre ledd bokstav a" in public  # the closing is public, the case is not
    assert "Ansettelse av daglig leder" not in public
    # the counts are checked against the room: five votes from four members is wrong
    case = meeting.cases[0]
    parties = [dataclasses.replace(case.vote.parties[0], votes_for=2), *case.vote.parties[1:]]
    wrong = dataclasses.replace(case.vote, votes_for=4, parties=parties)
    bad = dataclasses.replace(meeting, cases=[dataclasses.replace(case, vote=wrong)])
    messages = [p.message for p in check_minutes(store.context(bad)) if p.field == "vote"]
    assert any("4 stemmer" in m or "5 stemmer" in m for m in messages), messages


def test_the_meeting_file_round_trips_the_new_keys(store: Store, tmp_path: Path) -> None:
    with_parties(store)
    data = dict(AU_MEETING)
    data["attendance"] = [*AU_MEETING["attendance"], {"name": "Kari Vara", "status": "til_stede",
                                                       "party": "H"}]  # fmt: skip
    late = dict(AU_MEETING["cases"][2], objections=["Trond Hoseth"])
    data["cases"] = [*AU_MEETING["cases"][:2], late]
    meeting_id = load(store, tmp_path, data)
    first = meeting_to_json(store.context(meeting_id))
    assert first["attendance"][4]["party"] == "H"
    assert first["cases"][0]["vote"]["parties"][1]["names_against"] == ["Trond Hoseth"]
    assert first["cases"][1]["closed"] == "2a"
    assert first["cases"][2]["late"] is True
    assert first["cases"][2]["objections"] == ["Trond Hoseth"]
    assert first["cases"][2]["followups"][0] == {
        "what": "Sende uttalelsen til fylkeskommunen.", "status": "åpen", "who": "Bård Eidet",
        "due": "2023-03-20",
    }  # fmt: skip
    again = load(store, tmp_path, first)
    assert meeting_to_json(store.context(again)) == first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"closed": "4c"}, "cases[0].closed"),
        ({"late": "ja"}, "cases[0].late"),
        ({"objections": [3]}, "cases[0].objections[0]"),
        ({"followups": [{"who": "x"}]}, "cases[0].followups[0].what"),
        ({"followups": [{"what": "x", "status": "snart"}]}, "cases[0].followups[0].status"),
        ({"followups": [{"what": "x", "closed_by": "neste"}]}, "cases[0].followups[0].closed_by"),
        ({"vote": {"for": 2, "parties": [{"party": "Ap", "for": 1}]}}, "cases[0].vote.for"),
        ({"vote": {"for": 1, "parties": [{"party": "Ap", "for": 1, "names_for": ["A", "B"]}]}},
         "cases[0].vote.parties[0].names_for"),
    ],
)  # fmt: skip
def test_malformed_new_keys_name_their_path(
    store: Store, tmp_path: Path, change: dict, message: str, capsys
) -> None:
    data = {"body": "AU", "date": "2023-03-10", "cases": [{"title": "Sak", **change}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--db", str(tmp_path / "x.sqlite"), "load", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_closed_item_in_a_remote_council_meeting_is_an_error(store: Store) -> None:
    body = store.register.body_by_prefix("TR")
    meeting_id = store.meetings.create_meeting(body.id, dt.date(2023, 3, 17))
    meeting = store.meetings.meeting(meeting_id)
    store.meetings.update_meeting(dataclasses.replace(meeting, mode=MeetingMode.REMOTE))
    store.agenda.insert_case(meeting_id, Case("Personalsak", closed="2a"), 0)
    context = store.context(meeting_id)
    closed = [p for p in check_notice(context) if p.field == "closed"]
    assert closed and closed[0].severity is Severity.ERROR
    assert "fjernmøte" in closed[0].message
    # the closed item's documents are not exempt: a warning
    assert any(p.field == "exempt" and "unntatt" in p.message for p in check_notice(context))


def test_substitutes_in_rank_order_and_called_before_the_meeting(store: Store) -> None:
    people = with_parties(store)
    body = store.register.body_by_prefix("AU")
    seats = store.register.memberships(body_id=body.id)
    day = dt.date(2023, 3, 10)
    bang = people["Oddbjørn Bang"]
    assert substitute_order(seats, bang, day, set()) == [people["Kari Vara"], people["Per Vara"]]
    assert substitute_order(seats, people["Rita Ottervik"], day, set()) == []  # no Ap list
    meeting_id = store.meetings.create_meeting(body.id, day)
    from tr_desk.core.minutes import with_substitute

    store.minutes.set_attendance(meeting_id, with_substitute([], bang, people["Kari Vara"]))
    text = flat(text_of(documents.notice_pdf(store, store.meetings.meeting(meeting_id))))
    assert "Kari Vara (vara for Oddbjørn Bang)" in text


def test_a_late_item_goes_out_in_a_tilleggsinnkalling(store: Store, clock: Clock) -> None:
    body = store.register.body_by_prefix("KF")
    today = clock.today()
    day = today + dt.timedelta(days=(4 - today.weekday()) % 7 + 14)  # a Friday ahead
    meeting_id = store.meetings.create_meeting(body.id, day)
    store.agenda.insert_case(meeting_id, Case("Første sak", proposal="Tas til orientering."), 0)
    for case in store.meetings.meeting(meeting_id).cases:  # the standard cases' proposals
        if not case.proposal:
            store.agenda.update_case(dataclasses.replace(case, proposal="Tas til orientering."))
    now = clock.now()
    documents.issue_notice(store, meeting_id, now)
    with pytest.raises(Exception, match="Ingen tilleggssaker"):
        documents.issue_supplement(store, meeting_id, now)
    store.agenda.insert_case(
        meeting_id, Case("Tilleggssak om ferje", proposal="Uttalelsen sendes."), 5
    )
    meeting = store.meetings.meeting(meeting_id)
    assert meeting.cases[-1].late and meeting.cases[-1].number is not None
    context = store.context(meeting)
    assert not documents.changed_since_issued(store, context)  # the notice stands as sent
    path = documents.issue_supplement(store, meeting_id, now)
    text = flat(text_of(path))
    assert "TILLEGGSINNKALLING, KOMMUNEDIREKTØRFORUM" in text
    assert "Tilleggssak om ferje" in text and "Første sak" not in text
    assert "kommuneloven § 11-3" in text
    with pytest.raises(Exception, match="Ingen tilleggssaker"):
        documents.issue_supplement(store, meeting_id, now)
    notice = flat(text_of(documents.notice_pdf(store, meeting)))
    assert "Tilleggssak om ferje" not in notice
    minutes = flat(text_of(documents.minutes_pdf(store, meeting)))
    assert "Tilleggssak om ferje" in minutes
    assert "Ingen motsatte seg at saken ble behandlet." in minutes


def test_the_demos_follow_ups_listed_printed_and_closed(demo_store: Store, tmp_path, capsys):
    db = str(demo_store.path)
    assert main(["--db", db, "followups", "--open"]) == 0
    out = capsys.readouterr().out
    assert "KF 35/22" in out and "KF 33/22" in out and "KF 27/22" not in out
    assert main(["--db", db, "followups", "--body", "KF", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["case"] for i in items] == ["KF 27/22", "KF 35/22", "KF 33/22"]
    assert items[1]["status"] == "i_arbeid" and items[1]["who"] == "Bård Eidet"
    pdf = tmp_path / "opp.pdf"
    assert main(["--db", db, "pdf", "oppfolging", "KF", "-o", str(pdf)]) == 0
    text = flat(text_of(pdf))
    assert "OPPFØLGINGSLISTE, KOMMUNEDIREKTØRFORUM" in text
    assert "Følge opp prosjektet Bærekraftig massehåndtering" in text
    assert "Kommunedirektørene sjekker internt" not in text  # done
    assert main(["--db", db, "pdf", "oppfolging", "XX", "-o", str(pdf)]) == 1
    assert "unknown body" in capsys.readouterr().err
    # closing one by a later case: it leaves the open list
    line = next(x for x in followup_lines(demo_store, open_only=True) if x.case == "KF 35/22")
    update_followup(
        demo_store,
        dataclasses.replace(line.item, status=FollowUpStatus.DONE, closed_by="KF 45/22"),
    )
    assert [x.case for x in followup_lines(demo_store, open_only=True)] == ["KF 33/22"]


def test_an_exempt_cases_follow_up_is_never_in_the_list(demo_store: Store) -> None:
    from tests.conftest import kf_meeting

    meeting = kf_meeting(demo_store, "2022-09-16")
    case = next(c for c in meeting.cases if c.followups)
    from tr_desk.core.model import Exemption

    secret = FollowUp("HEMMELIG oppfølging", due=dt.date(2030, 1, 1))
    demo_store.agenda.update_case(dataclasses.replace(case, exempt=Exemption("offl. § 13")))
    add_followup(demo_store, case.id, secret)
    assert any(x.item.what.startswith("HEMMELIG") for x in followup_lines(demo_store))
    text = flat(text_of(documents.followups_pdf(demo_store, "KF", dt.date(2026, 1, 1))))
    assert "HEMMELIG" not in text
