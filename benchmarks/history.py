"""A synthetic history for the benchmark and the tests: years of meetings with realistic text.

The sentences come from the seeds (the demo meetings), shuffled into new case texts, so the
database holds Norwegian text of the same length and shape as the real thing.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.model import MeetingStatus
from tr_desk.storage.paths import resources_dir
from tr_desk.storage.store import Store


def _sentences() -> tuple[list[str], list[str]]:
    texts, titles = [], []
    for path in sorted((resources_dir() / "demo").glob("kf-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            titles.append(case["title"])
            for field in ("text", "notes", "resolution", "proposal"):
                for line in case.get(field, "").splitlines():
                    if line.startswith("|"):
                        continue
                    texts += [
                        s for s in re.split(r"(?<=[.?!])\s+", line.strip("- ")) if len(s) > 20
                    ]
    return texts, titles


def _paragraphs(rng: random.Random, sentences: list[str], count: int) -> str:
    return "\n\n".join(" ".join(rng.sample(sentences, 4)) for _ in range(count))


def build_history(
    path: Path,
    years: int = 25,
    meetings: int = 6,
    cases: int = 12,
    seed: int = 2022,
    upcoming: bool = True,
) -> Store:
    """Fill a new database at ``path`` with ``years`` of held meetings up to last year, and
    (``upcoming``) a Kommunedirektørforum meeting in ten days with its agenda in draft: the
    meeting the window opens on."""
    rng = random.Random(seed)
    sentences, titles = _sentences()
    store = Store.open(path)
    last_year = store.clock.today().year - 1
    with store.transaction() as db:
        conn = db.conn
        for body in store.register.bodies():
            members = store.register.roster(body.id, dt.date(2022, 6, 1), MEMBER_ROLES)
            for year in range(last_year - years + 1, last_year + 1):
                number = 0
                for n in range(meetings):
                    day = dt.date(year, 1 + n * 2, 10 + rng.randrange(15))
                    cur = conn.execute(
                        """INSERT INTO meeting (body_id, date, start, end, place, mode, status,
                           reference, held_start, held_end, notice_remarks, note)
                           VALUES (?, ?, '08:30', '11:30', ?, 'fysisk', ?, ?, '08:30', '11:00',
                           'Ingen merknader til innkallingen.', '')""",
                        [body.id, day.isoformat(), body.place or "Rådhuset",
                         MeetingStatus.APPROVED.value, f"{year % 100:02d}-"],
                    )  # fmt: skip
                    meeting_id = cur.lastrowid
                    for position in range(cases):
                        number += 1
                        cur = conn.execute(
                            """INSERT INTO agenda_case (meeting_id, position, number, title, kind,
                               text, proposal, presenter, follows, introduced_by, introduction,
                               notes, resolution, outcome)
                               VALUES (?, ?, ?, ?, 'ordinær', ?, ?, '', '', 'Bård Eidet', '', ?, ?,
                               'behandlet')""",
                            [meeting_id, position, number, rng.choice(titles),
                             _paragraphs(rng, sentences, 3), rng.choice(sentences),
                             _paragraphs(rng, sentences, 1), rng.choice(sentences)],
                        )  # fmt: skip
                        if position % 4 == 1:
                            conn.execute(
                                "INSERT INTO attachment (case_id, position, title)"
                                " VALUES (?, 0, ?)",
                                [cur.lastrowid, rng.choice(titles)],
                            )
                    conn.executemany(
                        """INSERT INTO attendance (meeting_id, position, person_id, status)
                           VALUES (?, ?, ?, ?)""",
                        [(meeting_id, i, pid, "forfall" if rng.random() < 0.2 else "til_stede")
                         for i, pid in enumerate(members)],
                    )  # fmt: skip
    if upcoming:
        _add_upcoming(store, rng, sentences, titles, cases)
    return store


def _add_upcoming(
    store: Store, rng: random.Random, sentences: list[str], titles: list[str], cases: int
) -> None:
    kf = store.register.body_by_prefix("KF")
    assert kf is not None and kf.id is not None
    day = store.clock.today() + dt.timedelta(days=10)
    with store.transaction() as db:
        cur = db.conn.execute(
            """INSERT INTO meeting (body_id, date, start, end, place, mode, status, reference,
               notice_remarks, note)
               VALUES (?, ?, '08:30', '11:30', ?, 'fysisk', ?, ?, '', '')""",
            [kf.id, day.isoformat(), kf.place or "Rådhuset", MeetingStatus.PLANNED.value,
             f"{day.year % 100:02d}-"],
        )  # fmt: skip
        meeting_id = cur.lastrowid
        for position in range(cases):
            db.conn.execute(
                """INSERT INTO agenda_case (meeting_id, position, number, title, kind, text,
                   proposal)
                   VALUES (?, ?, NULL, ?, 'ordinær', ?, ?)""",
                [meeting_id, position, rng.choice(titles), _paragraphs(rng, sentences, 3),
                 rng.choice(sentences)],
            )  # fmt: skip
