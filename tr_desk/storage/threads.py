"""A matter's way through the bodies (saksgang): the cases a case points at — its follow-up
field, the case it was postponed from, the references in its texts — and the cases that
point at it, found through the search index and read again to be sure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tr_desk.core.numbering import format_case_number, parse_case_number
from tr_desk.core.search import Query, plain_text, references
from tr_desk.storage.search import Hit, case_hit
from tr_desk.storage.store import Store

DEPTH = 4  # steps followed each way


@dataclass
class Step:
    label: str  # «KF 51/21»
    relation: str  # «tidligere» (it points there) or «senere» (it points here)
    kind: str  # «oppfølging av», «utsatt fra», «viser til»
    hit: Hit | None  # None: not in the database
    outcome: str = ""
    resolution: str = ""  # its first line

    @property
    def date(self) -> dt.date | None:
        return self.hit.date if self.hit else None


# What a case says about other cases: its texts, its follow-up field, where it was postponed
# from (the columns, then the text read from them).
CASE_COLUMNS = "c.id, c.title, c.text, c.proposal, c.resolution, c.notes, c.follows, " \
    "c.postponed_from, b.prefix"  # fmt: skip
CASE_FROM = "agenda_case c JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id"


def _case_text(row: Any) -> str:
    follows = f"oppfølging av {row['follows']}" if row["follows"] else ""
    postponed = f"utsatt fra {row['postponed_from']}" if row["postponed_from"] else ""
    return " \n".join(
        [row["title"], row["text"], row["proposal"], row["resolution"], row["notes"], follows,
         postponed]
    )  # fmt: skip


def _texts(store: Store, case_id: int) -> tuple[str, str]:
    (row,) = store.rows(f"SELECT {CASE_COLUMNS} FROM {CASE_FROM} WHERE c.id = ?", [case_id])
    return _case_text(row), row["prefix"]


def _canonical(store: Store, label: str) -> str:
    """«RF 19/21» as the body is called now («KF 19/21»)."""
    try:
        ref = parse_case_number(label)
    except ValueError:
        return label
    body = store.register.body_by_prefix(ref.prefix)
    return format_case_number(body.prefix if body else ref.prefix, ref.number, ref.year)


def _step(store: Store, label: str, relation: str, kind: str) -> Step:
    hit = case_hit(store, label, Query())
    if hit is None:
        return Step(_canonical(store, label), relation, kind, None)
    (row,) = store.rows("SELECT outcome, resolution FROM agenda_case WHERE id = ?", [hit.case_id])
    first = plain_text(row["resolution"] or "")
    return Step(hit.number, relation, kind, hit, row["outcome"] or "", first[:160])


def _pointing_at(store: Store, hit: Hit) -> list[tuple[int, str]]:
    """Cases whose texts name ``hit``'s number: (case id, kind)."""
    number, year = hit.number.split()[1].split("/")
    rows = store.rows(
        f"""SELECT DISTINCT {CASE_COLUMNS} FROM search_index s, {CASE_FROM}
            WHERE c.id = s.rowid >> 4 AND search_index MATCH ? AND s.rowid & 15 != 8""",
        [f'("{int(number)}" OR "{number}") AND "{year}"'],
    )
    out = []
    for row in rows:
        if row["id"] == hit.case_id:
            continue
        text = _case_text(row)
        for ref in references(text, row["prefix"]):
            if _canonical(store, ref.label) == hit.number:
                out.append((row["id"], ref.kind))
                break
    return out


def thread(store: Store, label: str) -> tuple[Hit, list[Step]]:
    """The case and its steps, earliest first; a step not in the database is kept as such.
    Raises StoreError for a case that is not there."""
    from tr_desk.storage.database import StoreError

    origin = case_hit(store, label, Query())
    if origin is None:
        raise StoreError(f"Fant ingen sak {label}.", f"no case {label}")
    seen = {origin.number}
    steps: list[Step] = []
    earlier = [origin]
    for _ in range(DEPTH):  # what it points at, and what that points at
        following = []
        for hit in earlier:
            text, prefix = _texts(store, hit.case_id)
            for ref in references(text, prefix):
                canonical = _canonical(store, ref.label)
                if canonical in seen:
                    continue
                seen.add(canonical)
                step = _step(store, canonical, "tidligere", ref.kind)
                steps.append(step)
                if step.hit is not None:
                    following.append(step.hit)
        earlier = following
    later = [origin]
    for _ in range(DEPTH):  # what points at it, and at those
        following = []
        for hit in later:
            for case_id, kind in _pointing_at(store, hit):
                found = _hit_of(store, case_id)
                if found is None or found.number in seen:
                    continue
                seen.add(found.number)
                steps.append(_step(store, found.number, "senere", kind))
                following.append(found)
        later = following
    steps.sort(key=lambda s: (s.date or dt.date.min, s.label))
    return origin, steps


def _hit_of(store: Store, case_id: int) -> Hit | None:
    rows = store.rows(
        """SELECT c.number, b.prefix, m.date FROM agenda_case c
           JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id
           WHERE c.id = ?""",
        [case_id],
    )
    if not rows or rows[0]["number"] is None:
        return None
    label = format_case_number(rows[0]["prefix"], rows[0]["number"], int(rows[0]["date"][:4]))
    return case_hit(store, label, Query())
