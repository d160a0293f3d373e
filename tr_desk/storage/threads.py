"""A matter's way through the bodies (saksgang).

A step is a case that this case names (its «Oppfølging av sak», where it was postponed
from, a case number in its texts, a matter linked on purpose) or a case that names it. Only
the deliberate links — follow-up, postponement, «samme sak» — are followed further, so a
thread is the handful of steps a person reads, not every case that ever mentioned a number
in passing. A two-digit year is read as the one nearest before the citing case («sak
51/21» written in 1930 is 1921's). The walk reads light rows and is bounded: ``MAX_STEPS``
in all, the ``MAX_CITING`` nearest cases that merely mention a case.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tr_desk.core.messages import Code
from tr_desk.core.numbering import format_case_number, parse_case_number
from tr_desk.core.search import plain_text, references
from tr_desk.storage.database import NAMES_A_CASE
from tr_desk.storage.rows import split_labels
from tr_desk.storage.search import (
    HIT_COLUMNS,
    HIT_FROM,
    Hit,
    case_hit,
    hit_from_row,
    hit_of,
    row_label,
)

DEPTH = 4  # deliberate links followed this many steps each way
MAX_STEPS = 24  # a thread a person reads
MAX_CITING = 8  # the cases nearest in time that mention a case, per case
CANDIDATES = 400  # rows read to find those that mention a case
DELIBERATE = frozenset({"oppfølging av", "utsatt fra", "behandlet i"})

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub


@dataclass
class Step:
    label: str  # «KF 51/21»
    relation: str  # «tidligere» (it points there) or «senere» (it points here)
    kind: str  # «oppfølging av», «utsatt fra», «behandlet i», «viser til»
    hit: Hit | None  # None: not in the database
    outcome: str = ""
    resolution: str = ""  # its first line

    @property
    def date(self) -> dt.date | None:
        return self.hit.date if self.hit else None


# A case as the walk reads it: what it says about other cases and what a step shows.
CASE_COLUMNS = f"{HIT_COLUMNS}, c.notes, c.follows, c.postponed_from, c.links, c.outcome, m.body_id"
Key = tuple[int, int, int]  # body id, number, year


def _case_text(row: Any) -> str:
    follows = f"oppfølging av {row['follows']}" if row["follows"] else ""
    postponed = f"utsatt fra {row['postponed_from']}" if row["postponed_from"] else ""
    links = [f"behandlet i {label}" for label in split_labels(row["links"] or "")]
    return " \n".join(
        [row["title"], row["text"], row["proposal"], row["resolution"], row["notes"], follows,
         postponed, *links]
    )  # fmt: skip


def near_year(year: int, around: int) -> int:
    """The year ending in ``year``'s two digits nearest at or before ``around`` + 1: a case
    cites the past (or next year's first meetings)."""
    two = year % 100
    return (around + 1) - ((around + 1 - two) % 100)


class _Walk:
    """One thread's reading: the bodies once, each row and each number looked up once."""

    def __init__(self, store: Hub) -> None:
        self.store = store
        self.bodies: dict[str, tuple[int, str]] = {}  # any prefix → (body id, prefix now)
        for body in store.register.bodies():
            assert body.id is not None
            for prefix in (*body.former_prefixes, body.prefix):
                self.bodies[prefix.upper()] = (body.id, body.prefix)
        self.rows: dict[int, Any] = {}
        self.found: dict[Key, Any | None] = {}
        self.drafts: dict[int, dict[int, int]] = {}

    def row(self, case_id: int) -> Any | None:
        if case_id not in self.rows:
            rows = self.store.rows(f"SELECT {CASE_COLUMNS} FROM {HIT_FROM} WHERE c.id = ?",
                                   [case_id])  # fmt: skip
            self.rows[case_id] = rows[0] if rows else None
        return self.rows[case_id]

    def label(self, row: Any) -> str:
        return row_label(self.store, self.drafts, row)

    def resolve(self, label: str, around: int) -> tuple[str, Key | None]:
        """«RF 19/21» cited in ``around`` as the label of the body's name now and its key."""
        try:
            ref = parse_case_number(label)
        except ValueError:
            return label, None
        year = near_year(ref.year, around)
        body = self.bodies.get(ref.prefix)
        if body is None:
            return format_case_number(ref.prefix, ref.number, year), None
        return format_case_number(body[1], ref.number, year), (body[0], ref.number, year)

    def lookup(self, key: Key) -> Any | None:
        """The case with that number: frozen numbers by one indexed query, a draft's live
        number only where the year has a draft."""
        if key not in self.found:
            body_id, number, year = key
            span = [body_id, f"{year}-01-01", f"{year}-12-31"]
            rows = self.store.rows(
                f"""SELECT {CASE_COLUMNS} FROM {HIT_FROM}
                    WHERE m.body_id = ? AND m.date BETWEEN ? AND ? AND c.number = ?""",
                [*span, number],
            )
            if not rows:
                drafts = self.store.rows(
                    f"""SELECT {CASE_COLUMNS} FROM {HIT_FROM} WHERE m.body_id = ?
                        AND m.date BETWEEN ? AND ? AND c.number IS NULL""",
                    span,
                )
                rows = [
                    r for r in drafts if self.label(r).endswith(f" {number:02d}/{year % 100:02d}")
                ]
            self.found[key] = rows[0] if rows else None
            if rows:
                self.rows.setdefault(rows[0]["id"], rows[0])
        return self.found[key]

    def key_of(self, row: Any) -> Key | None:
        label = self.label(row)
        if not label:
            return None
        ref = parse_case_number(label)
        return (row["body_id"], ref.number, int(row["date"][:4]))

    def named_by(self, row: Any) -> list[tuple[str, Key | None, str]]:
        """What ``row`` names: (label, key, kind)."""
        around = int(row["date"][:4])
        out: list[tuple[str, Key | None, str]] = []
        for ref in references(_case_text(row), row["prefix"], self.body_names):
            if ref.ambiguous:  # «sak 14/21», no body named: said, not followed
                out.append((ref.label.split(" ", 1)[1], None, f"{ref.kind} (organ ikke nevnt)"))
                continue
            label, key = self.resolve(ref.label, around)
            out.append((label, key, ref.kind))
        return out

    @functools.cached_property
    def body_names(self) -> dict[str, str]:
        """Each body's names (now and earlier), case-folded, to its prefix."""
        return {
            name.casefold(): body.prefix
            for body in self.store.register.bodies()
            for name in (body.name, *body.former_names)
            if name
        }

    def naming(self, row: Any, key: Key) -> list[tuple[Any, str]]:
        """The cases that name ``row`` (at most ``MAX_CITING``, the nearest in time): (row,
        kind). Found through the index by the number's words, then read to be sure."""
        _body, number, year = key
        day = row["date"]
        like = f"%{number:02d}/{year % 100:02d}%"
        found = self.store.rows(
            f"""SELECT {CASE_COLUMNS} FROM {HIT_FROM} WHERE c.id IN (
                    SELECT s.rowid >> 4 FROM search_index s
                    WHERE search_index MATCH ? AND s.rowid & 15 != 8
                    UNION SELECT id FROM agenda_case WHERE {NAMES_A_CASE}
                    AND (follows LIKE ? OR postponed_from LIKE ? OR links LIKE ?))
                AND m.date >= ? AND m.date < ? AND c.id != ?
                ORDER BY m.date LIMIT ?""",
            [f'("{number}" OR "{number:02d}") AND "{year % 100:02d}"', like, like, like,
             f"{year}-01-01", f"{year + 100}-01-01", row["id"], CANDIDATES],
        )  # fmt: skip
        written = re.compile(rf"(?<!\d)0*{number}\s*/\s*{year % 100:02d}(?!\d)")
        out: list[tuple[Any, str]] = []
        for other in found:
            if not written.search(_case_text(other)):
                continue  # the two numbers' words, not the case number
            for _label, named, kind in self.named_by(other):
                if named == key:
                    self.rows.setdefault(other["id"], other)
                    out.append((other, kind))
                    break
        target = dt.date.fromisoformat(day)
        out.sort(key=lambda pair: abs((dt.date.fromisoformat(pair[0]["date"]) - target).days))
        deliberate = [p for p in out if p[1] in DELIBERATE]
        mentions = [p for p in out if p[1] not in DELIBERATE]
        return (deliberate + mentions)[:MAX_CITING]

    def hit(self, row: Any) -> Hit:
        return hit_from_row(self.store, self.drafts, row)

    def step(self, label: str, kind: str, row: Any | None) -> Step:
        if row is None:
            return Step(label, "", kind, None)
        first = plain_text(row["resolution"] or "")
        return Step(self.label(row) or label, "", kind, self.hit(row), row["outcome"] or "",
                    first[:160])  # fmt: skip


def thread(store: Hub, label: str) -> tuple[Hit, list[Step]]:
    """The case «KF 46/22» and its steps, earliest first; a step not in the database is kept
    as such. Raises StoreError for a case that is not there."""
    from tr_desk.core.search import Query
    from tr_desk.storage.database import StoreError

    origin = case_hit(store, label, Query())
    if origin is not None:
        return origin, steps_of(store, origin)
    cited = _cited_only(store, label)
    if cited is None:
        raise StoreError.of(Code.NO_CASE, label=label)
    return cited


def _cited_only(store: Hub, label: str) -> tuple[Hit, list[Step]] | None:
    """A case not in the database that cases in it cite («oppfølging fra KF-sak 51/21»): a
    stand-in for it (``case_id`` 0, no title) and the cases that cite it; None if none."""
    try:
        ref = parse_case_number(label)
    except ValueError:
        return None
    body = store.register.body_by_prefix(ref.prefix)
    if body is None or body.id is None:
        return None
    walk = _Walk(store)
    number = format_case_number(body.prefix, ref.number, ref.year)
    stand_in = {"id": 0, "date": f"{ref.year:04d}-01-01"}
    steps = []
    for row, kind in walk.naming(stand_in, (body.id, ref.number, ref.year))[:MAX_STEPS]:
        step = walk.step(walk.label(row), kind, row)
        step.relation = "senere"
        steps.append(step)
    if not steps:
        return None
    origin = Hit(0, 0, 0, number, "", body.prefix, dt.date(ref.year, 1, 1), "", "", "")
    return origin, sorted(steps, key=lambda s: (s.date or dt.date.min, s.label))


def steps_of(store: Hub, origin: Hit) -> list[Step]:
    """The steps of ``origin``'s matter, by date: the cases it names and the cases that name
    it, then along the deliberate links of those, up to ``DEPTH`` steps away and
    ``MAX_STEPS`` in all. A step is «tidligere» or «senere» by its date against the case's
    (a case not in the database by its year)."""
    walk = _Walk(store)
    start = walk.row(origin.case_id)
    if start is None:
        return []
    seen_ids = {origin.case_id}
    seen_labels = {origin.number} if origin.number else set()
    steps: list[Step] = []
    frontier: list[tuple[Any, int]] = [(start, 0)]
    while frontier and len(steps) < MAX_STEPS:
        row, depth = frontier.pop(0)
        found: list[tuple[str, Any | None, str]] = [
            (label, walk.lookup(key) if key else None, kind)
            for label, key, kind in walk.named_by(row)
        ]
        key = walk.key_of(row)
        if key is not None:
            found += [(walk.label(other), other, kind) for other, kind in walk.naming(row, key)]
        for label, target, kind in found:
            if depth > 0 and kind not in DELIBERATE:
                continue  # past the case itself only the deliberate links are followed
            if (target is not None and target["id"] in seen_ids) or label in seen_labels:
                continue
            seen_labels.add(label)
            step = walk.step(label, kind, target)
            step.relation = _relation(step, origin)
            steps.append(step)
            if target is not None:
                seen_ids.add(target["id"])
                if kind in DELIBERATE and depth + 1 < DEPTH:
                    frontier.append((target, depth + 1))
            if len(steps) >= MAX_STEPS:
                break
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


def history(store: Hub, case_id: int) -> list[str]:
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


def saksgang(store: Hub, case_id: int) -> tuple[Hit | None, list[Step], list[Hit]]:
    """What the case editors show: the case, its steps and the suggested same matters."""
    origin = hit_of(store, case_id)
    if origin is None:
        return None, [], []
    steps = steps_of(store, origin)
    return origin, steps, similar(store, case_id, known={s.label for s in steps})


def similar(store: Hub, case_id: int, limit: int = 3, known: set[str] | None = None) -> list[Hit]:
    """Cases of other bodies within ``SIMILAR_MONTHS`` either side whose titles are much
    alike, best first: suggestions the user confirms as the same matter (``Case.links``).
    Cases already in the thread are not suggested."""
    from rapidfuzz import fuzz, utils

    rows = store.rows(
        f"SELECT c.title, c.kind, m.date, m.body_id FROM {HIT_FROM} WHERE c.id = ?", [case_id]
    )
    if not rows or rows[0]["kind"] not in _OWN_KINDS:
        return []
    title, day = utils.default_process(rows[0]["title"]), dt.date.fromisoformat(rows[0]["date"])
    if len(title.split()) < 2:
        return []
    span = dt.timedelta(days=round(SIMILAR_MONTHS * 30.5))
    candidates = store.rows(
        f"""SELECT c.id, c.title FROM {HIT_FROM}
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
    if known is None:
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
