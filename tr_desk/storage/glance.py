"""The glance at start-up: every meeting's date and status, and one meeting's numbered cases,
read with plain SQL so that the window paints before the model and the store's parts are
loaded (they cost as much as the window itself). Also the one reading of a body's numbering
year, which the store's meetings use too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tr_desk.core.landing import MeetingDate
from tr_desk.core.numbering import NumberingCase, NumberingMeeting, case_label, number_year
from tr_desk.core.status import MeetingStatus

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub


def meeting_dates(store: Hub) -> list[MeetingDate]:
    """Every meeting's id, body, date and status: what choosing where to open needs."""
    return [
        MeetingDate(r["id"], r["body_id"], dt.date.fromisoformat(r["date"]),
                    MeetingStatus(r["status"]))
        for r in store.rows("SELECT id, body_id, date, status FROM meeting")
    ]  # fmt: skip


def year_start(store: Hub, body_id: int, year: int) -> int | None:
    """The first case number of a body's year, when set (history outside the database)."""
    found = store.rows(
        "SELECT first_number FROM year_start WHERE body_id = ? AND year = ?", [body_id, year]
    )
    return int(found[0]["first_number"]) if found else None


def numbering_year(store: Hub, body_id: int, year: int) -> list[NumberingMeeting]:
    """One body's year as the numbering rules see it (``core.numbering.number_year``)."""
    meetings: dict[int, NumberingMeeting] = {}
    for r in store.rows(
        """SELECT m.id AS meeting_id, m.date, m.status, c.id AS case_id, c.number
           FROM meeting m LEFT JOIN agenda_case c ON c.meeting_id = m.id
           WHERE m.body_id = ? AND m.date BETWEEN ? AND ?
           ORDER BY m.date, c.position""",
        [body_id, f"{year}-01-01", f"{year}-12-31"],
    ):
        status = MeetingStatus(r["status"])
        entry = meetings.setdefault(
            r["meeting_id"],
            NumberingMeeting(
                date=dt.date.fromisoformat(r["date"]), frozen=status is not MeetingStatus.PLANNED
            ),
        )
        if r["case_id"] is None:
            continue
        if status is MeetingStatus.CANCELLED and r["number"] is None:
            continue  # a cancelled draft used no numbers
        entry.cases.append(NumberingCase(key=r["case_id"], number=r["number"]))
    return list(meetings.values())


@dataclass(frozen=True)
class Glance:
    """A meeting as the first paint shows it: «Kommunedirektørforum», its date, its cases."""

    body: str
    day: dt.date
    cases: tuple[str, ...]  # «KF 44/22   Referat fra møte 16.09.2022»


def glance(store: Hub, meeting_id: int) -> Glance | None:
    """The meeting's body, date and numbered case titles (as the Sakliste lists them)."""
    found = store.rows(
        """SELECT m.date, m.body_id, b.name, b.prefix FROM meeting m
           JOIN body b ON b.id = m.body_id WHERE m.id = ?""",
        [meeting_id],
    )
    if not found:
        return None
    row = found[0]
    day = dt.date.fromisoformat(row["date"])
    cases = store.rows(
        "SELECT id, title FROM agenda_case WHERE meeting_id = ? ORDER BY position", [meeting_id]
    )
    numbers = number_year(
        numbering_year(store, row["body_id"], day.year), year_start(store, row["body_id"], day.year)
    )
    by_index = {i: numbers[c["id"]] for i, c in enumerate(cases) if c["id"] in numbers}
    lines = tuple(
        f"{case_label(row['prefix'], by_index, i, day.year) or '–'}   {c['title']}"
        for i, c in enumerate(cases)
    )
    return Glance(row["name"], day, lines)


def meeting_years(store: Hub) -> list[int]:
    """The years that have meetings, newest first (the search's year choosers)."""
    found = store.rows("SELECT DISTINCT substr(date, 1, 4) FROM meeting ORDER BY 1 DESC")
    return [int(r[0]) for r in found if str(r[0]).isdecimal()]


def year_glance(store: Hub, year: int) -> list[tuple[str, dt.date]]:
    """The year's meetings as the first view of the plan lists them: prefix and date."""
    found = store.rows(
        """SELECT b.prefix, m.date FROM meeting m JOIN body b ON b.id = m.body_id
           WHERE m.date BETWEEN ? AND ? ORDER BY m.date""",
        [f"{year}-01-01", f"{year}-12-31"],
    )
    return [(r["prefix"], dt.date.fromisoformat(r["date"])) for r in found]
