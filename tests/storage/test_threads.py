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
