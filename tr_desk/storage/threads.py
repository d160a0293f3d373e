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
from tr_desk.storage.rows import split_labels
from tr_desk.storage.search import Hit, case_hit, hit_of
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
    "c.postponed_from, c.links, b.prefix"  # fmt: skip
CASE_FROM = "agenda_case c JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id"


def _case_text(row: Any) -> str:
    follows = f"oppfølging av {row['follows']}" if row["follows"] else ""
    postponed = f"utsatt fra {row['postponed_from']}" if row["postponed_from"] else ""
    links = [f"behandlet i {label}" for label in split_labels(row["links"] or "")]
    return " \n".join(
        [row["title"], row["text"], row["proposal"], row["resolution"], row["notes"], follows,
         postponed, *links]
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
    if not hit.number:
        return []
    number, year = hit.number.split()[1].split("/")
    rows = store.rows(
        f"""SELECT DISTINCT {CASE_COLUMNS} FROM search_index s, {CASE_FROM}
            WHERE c.id = s.rowid >> 4 AND search_index MATCH ? AND s.rowid & 15 != 8
            UNION SELECT {CASE_COLUMNS} FROM {CASE_FROM} WHERE c.links LIKE ?""",
        [f'("{int(number)}" OR "{number}") AND "{year}"', f"%{number}/{year}%"],
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
    """The case «KF 46/22» and its steps, earliest first; a step not in the database is kept
    as such. Raises StoreError for a case that is not there."""
    from tr_desk.storage.database import StoreError

    origin = case_hit(store, label, Query())
    if origin is None:
        raise StoreError(f"Fant ingen sak {label}.", f"no case {label}")
    return origin, steps_of(store, origin)


def steps_of(store: Store, origin: Hit) -> list[Step]:
    """The steps of ``origin``'s matter, by date: the cases it points at and the cases that
    point at it, and theirs in turn, up to ``DEPTH`` steps away. A step is «tidligere» or
    «senere» by its date against the case's (a case not in the database by its year)."""
    seen = {origin.number}
    steps: list[Step] = []
    frontier = [origin]
    for _ in range(DEPTH):
        following = []
        for hit in frontier:
            text, prefix = _texts(store, hit.case_id)
            found = [(_canonical(store, ref.label), ref.kind) for ref in references(text, prefix)]
            for case_id, kind in _pointing_at(store, hit):
                other = hit_of(store, case_id)
                if other is not None and other.number:
                    found.append((other.number, kind))
            for label, kind in found:
                if label in seen:
                    continue
                seen.add(label)
                step = _step(store, label, "", kind)
                step.relation = _relation(step, origin)
                steps.append(step)
                if step.hit is not None:
                    following.append(step.hit)
        frontier = following
    steps.sort(key=lambda s: (s.date or dt.date(_year(s.label), 1, 1), s.label))
    return steps


def _year(label: str) -> int:
    try:
        return parse_case_number(label).year
    except ValueError:
        return dt.MINYEAR


def _relation(step: Step, origin: Hit) -> str:
    if step.date is not None:
        return "tidligere" if step.date <= origin.date else "senere"
    return "tidligere" if _year(step.label) <= origin.date.year else "senere"


def history(store: Store, case_id: int) -> list[str]:
    """«Tidligere behandling»: the steps of a case's matter before its meeting, by date."""
    origin = hit_of(store, case_id)
    if origin is None:
        return []
    return [
        s.label for s in steps_of(store, origin)
        if s.relation == "tidligere" and (s.date is None or s.date < origin.date)
    ]  # fmt: skip


# Cases whose titles are that alike may be the same matter (rapidfuzz's 0–100 scale).
SIMILAR_SCORE = 78
SIMILAR_MONTHS = 6
_OWN_KINDS = ("ordinær", "diskusjon", "orientering")  # not the standard cases


def similar(store: Store, case_id: int, limit: int = 3) -> list[Hit]:
    """Cases of other bodies within ``SIMILAR_MONTHS`` either side whose titles are much
    alike, best first: suggestions the user confirms as the same matter (``Case.links``).
    Cases already in the thread are not suggested."""
    from rapidfuzz import fuzz, utils

    rows = store.rows(
        f"SELECT c.title, c.kind, m.date, m.body_id FROM {CASE_FROM} WHERE c.id = ?", [case_id]
    )
    if not rows or rows[0]["kind"] not in _OWN_KINDS:
        return []
    title, day = utils.default_process(rows[0]["title"]), dt.date.fromisoformat(rows[0]["date"])
    if len(title.split()) < 2:
        return []
    span = dt.timedelta(days=round(SIMILAR_MONTHS * 30.5))
    candidates = store.rows(
        f"""SELECT c.id, c.title FROM {CASE_FROM}
            WHERE m.body_id != ? AND m.date BETWEEN ? AND ? AND m.status != 'avlyst'
            AND c.kind IN ({", ".join("?" * len(_OWN_KINDS))})""",
        [rows[0]["body_id"], (day - span).isoformat(), (day + span).isoformat(), *_OWN_KINDS],
    )
    scored = []
    for row in candidates:
        other = utils.default_process(row["title"])
        score = fuzz.token_sort_ratio(title, other)
        if min(len(title.split()), len(other.split())) >= 3:  # a short title is in any long one
            score = max(score, fuzz.token_set_ratio(title, other) - 5)
        if score >= SIMILAR_SCORE:
            scored.append((score, row["id"]))
    if not scored:
        return []
    origin = hit_of(store, case_id)
    known = {s.label for s in steps_of(store, origin)} if origin is not None else set()
    out = []
    for _score, other_id in sorted(scored, reverse=True):
        hit = hit_of(store, other_id)
        if hit is not None and hit.number and hit.number not in known:
            out.append(hit)
        if len(out) >= limit:
            break
    return out
