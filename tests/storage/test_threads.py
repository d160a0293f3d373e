"""The saksgang over a long history: what a step is, two-digit years read in their century,
and a walk that stays a handful of steps however often a number is mentioned."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core.search import Query
from tr_desk.storage.search import case_hit
from tr_desk.storage.store import Store
from tr_desk.storage.threads import MAX_CITING, MAX_STEPS, near_year, saksgang, steps_of


def held(store: Store, prefix: str, day: str, *cases: dict[str, str]) -> list[int]:
    """An approved meeting of ``prefix`` on ``day`` whose cases are numbered 1, 2, … (the
    way an imported archive is stored); returns the cases' ids."""
    body = store.register.body_by_prefix(prefix)
    assert body is not None
    ids = []
    with store.transaction() as db:
        meeting_id = db.conn.execute(
            "INSERT INTO meeting (body_id, date, status, mode) VALUES (?, ?, 'godkjent', 'fysisk')",
            [body.id, day],
        ).lastrowid
        first = (
            1
            + db.conn.execute(
                """SELECT coalesce(max(c.number), 0) FROM agenda_case c
               JOIN meeting m ON m.id = c.meeting_id WHERE m.body_id = ? AND m.date LIKE ?""",
                [body.id, day[:4] + "%"],
            ).fetchone()[0]
        )
        for position, case in enumerate(cases):
            ids.append(
                db.conn.execute(
                    """INSERT INTO agenda_case (meeting_id, position, number, title, kind, text,
                       follows, resolution, outcome)
                       VALUES (?, ?, ?, ?, 'ordinær', ?, ?, ?, 'behandlet')""",
                    [
                        meeting_id,
                        position,
                        first + position,
                        case.get("title", "Sak"),
                        case.get("text", ""),
                        case.get("follows", ""),
                        case.get("resolution", ""),
                    ],
                ).lastrowid
            )
    return ids


@pytest.mark.parametrize(
    ("year", "around", "read"),
    [(2021, 1930, 1921), (2021, 2026, 2021), (2027, 2026, 2027), (2028, 2026, 1928),
     (2099, 2000, 1999), (2000, 2000, 2000)],
)  # fmt: skip
def test_a_two_digit_year_is_the_nearest_before_the_citing_case(
    year: int, around: int, read: int
) -> None:
    assert near_year(year, around) == read


def test_a_number_mentioned_everywhere_gives_a_short_thread(store: Store) -> None:
    (origin,) = held(store, "KF", "2021-03-05", {"title": "Regional plan for areal og transport"})
    for year in (2021, 2022, 2023, 2024):  # 40 cases that mention it in passing, after it
        for month in range(3, 13):
            held(store, "AU", f"{year}-{month:02d}-20",
                 {"title": "Budsjett", "text": "Som i KF-sak 01/21 er planen viktig."})  # fmt: skip
    hit = case_hit(store, "KF 01/21", Query())
    assert hit is not None and hit.case_id == origin
    steps = steps_of(store, hit)
    assert len(steps) == MAX_CITING <= MAX_STEPS
    assert all(s.kind == "viser til" and s.relation == "senere" for s in steps)
    # the nearest in time first: the cases of 2021
    assert {s.date.year for s in steps if s.date} == {2021}


def test_a_follow_up_chain_is_followed_and_a_mention_is_not(store: Store) -> None:
    (first,) = held(store, "KF", "2020-02-07", {"title": "Næringsarealer"})
    held(store, "AU", "2020-05-06", {"title": "Næringsarealer", "follows": "KF 01/20"})
    held(store, "TR", "2020-06-12", {"title": "Næringsarealer", "follows": "AU 01/20"})
    (last,) = held(store, "KF", "2021-02-05",
                   {"title": "Næringsarealer, status", "text": "Oppfølging av sak TR 01/20."})  # fmt: skip
    held(store, "NR", "2020-05-20", {"title": "Annet", "text": "Vi viser til AU-sak 01/20."})
    origin, steps, _offered = saksgang(store, last)
    assert origin is not None and origin.number == "KF 01/21"
    assert [(s.label, s.kind, s.relation) for s in steps] == [
        ("KF 01/20", "oppfølging av", "tidligere"),
        ("AU 01/20", "oppfølging av", "tidligere"),
        ("TR 01/20", "oppfølging av", "tidligere"),
    ]  # the NR case only mentions AU 01/20: a step of AU's thread, not of this one
    au = case_hit(store, "AU 01/20", Query())
    assert au is not None
    assert "NR 01/20" in [s.label for s in steps_of(store, au)]
    assert first in {s.hit.case_id for s in steps if s.hit}


def test_a_reference_is_read_in_its_own_century(store: Store) -> None:
    (old,) = held(store, "KF", "1921-04-01", {"title": "Veibygging"})
    (new,) = held(store, "KF", "2021-04-09", {"title": "Digitalisering"})
    (citing,) = held(store, "KF", "1930-01-10",
                     {"title": "Veibygging igjen", "text": "Oppfølging av sak KF 01/21."})  # fmt: skip
    origin, steps, _ = saksgang(store, citing)
    assert origin is not None
    assert [(s.label, s.hit.case_id if s.hit else None) for s in steps] == [("KF 01/21", old)]
    assert steps[0].date == dt.date(1921, 4, 1)
    hit = case_hit(store, "KF 01/21", Query())  # typed by a person: this century's
    assert hit is not None and hit.case_id == new
    assert steps_of(store, hit) == []  # the 1930 case cites 1921's, not this one


def test_a_reference_is_read_by_what_the_text_says(store: Store, capsys) -> None:
    """«I sak 01/21 vedtok Regionrådet» is the council's case, not the citing body's; a bare
    «sak 02/21» with no body named is said, not linked; a number only cited has a thread."""
    from tr_desk.cli import main
    from tr_desk.core.search import references

    names = {"regionrådet": "TR", "arbeidsutvalget": "AU"}
    found = references("I sak 01/21 vedtok Regionrådet planen. Arbeidsutvalgets sak 03/21 "
                       "og sak 02/21 står.", "KF", names)  # fmt: skip
    assert [(r.label, r.ambiguous) for r in found] == [
        ("TR 01/21", False), ("AU 03/21", False), ("KF 02/21", True),
    ]  # fmt: skip
    (council,) = held(store, "TR", "2021-03-10", {"title": "Regional plan"})
    (own,) = held(store, "KF", "2021-02-05", {"title": "Budsjett"})
    (citing,) = held(store, "KF", "2021-06-04", {
        "title": "Oppfølging", "text": "I sak 01/21 vedtok Regionrådet planen; sak 01/21 ble "
                                        "fulgt opp. Se også KF-sak 07/20."})  # fmt: skip
    origin = case_hit(store, "KF 02/21", Query())
    assert origin is not None and origin.case_id == citing
    steps = {s.label: s for s in steps_of(store, origin)}
    assert steps["TR 01/21"].hit is not None and steps["TR 01/21"].hit.case_id == council
    assert "01/21" in steps and steps["01/21"].hit is None  # bare: not the KF case 01/21
    assert "organ ikke nevnt" in steps["01/21"].kind
    assert own not in {s.hit.case_id for s in steps.values() if s.hit}
    db = str(store.path)
    store.close()
    assert main(["--db", db, "thread", "KF 07/20"]) == 0  # not in the database, only cited
    out = capsys.readouterr().out
    assert "KF 07/20  (not in the database; cited by the cases below)" in out
    assert "KF 02/21" in out
