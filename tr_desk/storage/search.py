"""Searching every case of every year: the FTS5 index (``migrations.m007_search``) asked,
filtered by body, years, field and status, one hit per case with where it matched.

The index is contentless: it holds the words, the texts stay in their tables, so the
snippet is made here from the matched field's text (``core.search.snippet``). Exempt cases
are found (the daglig leder may search them) and marked; ``public=True`` leaves them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tr_desk.core.messages import Code
from tr_desk.core.numbering import format_case_number
from tr_desk.core.search import (
    ANY_BODY,
    FIELD_LABELS,
    NUMBER_FIELD,
    Field,
    Query,
    Snippet,
    parse_query,
    snippet,
    word_matches,
    words_of,
)
from tr_desk.storage.database import StoreError

ROWS = 400  # index rows read per query: more than a screen of cases in any order
# Relevance: where the words are — the title, then the resolution, the proposal, the case's
# text, what was said, the attachments, the names — then the newest first. (The index keeps
# no word counts to weigh: see ``migrations.m007_search``.)
WEIGHT = (
    "CASE s.rowid & 15 WHEN 1 THEN 0 WHEN 4 THEN 1 WHEN 3 THEN 2 WHEN 2 THEN 3 WHEN 5 THEN 4"
    " WHEN 6 THEN 4 WHEN 8 THEN 5 ELSE 6 END"
)
ATTACHMENT = Field.ATTACHMENT
WEIGHTS = 7  # the ranks of ``WEIGHT``; hits across fields come after them
CASE_OF = (
    "CASE WHEN {r} & 15 = 8 THEN (SELECT a.case_id FROM attachment a WHERE a.id = {r} >> 4)"
    " ELSE {r} >> 4 END"
)
# The best rows straight from the index, among the newest ``NEWEST`` that match (the index
# gives them newest first and stops there: words in most cases of a long history were sorted
# by weight row by row); with filters, the rows that pass them (a join).
NEWEST = 10_000
_HITS = f"""
    SELECT s.rowid, {WEIGHT} AS weight FROM (
        SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT {NEWEST}
    ) s ORDER BY weight, s.rowid DESC LIMIT ?
"""
_FILTERED_HITS = f"""
    SELECT s.rowid, {WEIGHT} AS weight FROM search_index s
    JOIN agenda_case c ON c.id = {CASE_OF.format(r="s.rowid")}
    JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id
    WHERE search_index MATCH ? {{filters}} ORDER BY weight, s.rowid DESC LIMIT ?
"""

_SQL = """
WITH hits AS ({hits})
SELECT
    (hits.rowid & 15) AS field, hits.weight AS rank, c.id AS case_id, c.position, c.number,
    c.title, c.exempt_basis, m.id AS meeting_id, m.date, m.status, b.prefix,
    CASE hits.rowid & 15
        WHEN 1 THEN c.title WHEN 2 THEN c.text WHEN 3 THEN c.proposal
        WHEN 4 THEN c.resolution WHEN 5 THEN c.introduction WHEN 6 THEN c.notes
        WHEN 7 THEN c.presenter || ' ' || c.introduced_by
        ELSE (SELECT t.text FROM attachment a JOIN attachment_text t ON t.file = a.file
              WHERE a.id = hits.rowid >> 4)
    END AS content,
    CASE WHEN hits.rowid & 15 = 8
        THEN (SELECT a.title FROM attachment a WHERE a.id = hits.rowid >> 4) END AS attachment
FROM hits
JOIN agenda_case c ON c.id = {case_of}
JOIN meeting m ON m.id = c.meeting_id
JOIN body b ON b.id = m.body_id
ORDER BY {order}
"""

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub


SECONDS = 0.025  # a query's work at most: then the hits found so far, said to be incomplete


class Hits(list["Hit"]):
    """The cases found, best first; ``complete`` is False when the search stopped at its time
    budget (words so common that checking each candidate would take long): the hits are
    those found by then."""

    complete: bool = True


class _Budget:
    """A query's time: SQLite is interrupted when it is spent (a progress handler), and the
    loops that check candidates ask ``spent``."""

    def __init__(self, store: Hub, seconds: float) -> None:
        self._conn, self._seconds = store.conn, seconds
        self.deadline = 0.0
        self.stopped = self.active = False

    def __enter__(self) -> _Budget:
        self.deadline = time.monotonic() + self._seconds
        self._conn.set_progress_handler(self._tick, 2000)
        return self

    def __exit__(self, *_: object) -> None:
        self._conn.set_progress_handler(None, 0)

    def _tick(self) -> int:
        return int(self.active and self.spent())  # small lookups (a draft's numbers) finish

    def spent(self) -> bool:
        if not self.stopped and time.monotonic() > self.deadline:
            self.stopped = True
        return self.stopped

    def rows(self, store: Hub, sql: str, params: list[Any]) -> list[Any] | None:
        """The rows, or None when the budget ran out during the query."""
        if self.spent():
            return None
        self.active = True
        try:
            return store.rows(sql, params)
        except StoreError:
            if self.stopped:
                return None
            raise
        finally:
            self.active = False


@dataclass
class Hit:
    """One case found: what to show and where to open it."""

    case_id: int
    meeting_id: int
    position: int  # on the agenda
    number: str  # «KF 46/22», or "" for a draft's case not numbered yet
    title: str
    body: str  # the prefix
    date: dt.date
    status: str  # the meeting's
    field: str  # where it matched best: «Vedtak», «Vedlegg» …
    content: str  # that field's text: the snippet is made from it when first shown
    exempt: bool = False
    fields: list[str] = dataclasses.field(default_factory=list)  # every field it matched in
    rank: float = 0.0
    field_id: Field | None = None  # where it matched best; None: found by its number
    query: Query = dataclasses.field(default_factory=Query, repr=False, compare=False)
    attachment: str = ""  # the attachment's title when it matched in one

    @functools.cached_property
    def snippet(self) -> Snippet:
        """The words around the first match, the matches marked (a list of a hundred hits
        shows a screenful: the rest are never made)."""
        return snippet(self.content, self.query)


def search(
    store: Hub,
    text: str | Query,
    *,
    bodies: Collection[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    fields: Collection[int] = (),
    statuses: Collection[str] = (),
    public: bool = False,
    by_date: bool = False,
    limit: int = 100,
    seconds: float = SECONDS,
) -> Hits:
    """The cases that match, best first (or newest first with ``by_date``); a case number
    asked for comes first of all. The work stops after ``seconds`` with what it has found
    (``Hits.complete`` False), so no query can hold the window."""
    query = parse_query(text) if isinstance(text, str) else text
    with _Budget(store, seconds) as budget:
        found = _search(
            store, query, budget, bodies, year_from, year_to, fields, statuses, public, by_date,
            limit,
        )  # fmt: skip
    out = Hits(found)
    out.complete = not budget.stopped
    return out


def _search(
    store: Hub, query: Query, budget: _Budget, bodies: Collection[str],
    year_from: int | None, year_to: int | None, fields: Collection[int],
    statuses: Collection[str], public: bool, by_date: bool, limit: int,
) -> list[Hit]:  # fmt: skip
    filters, params = [], []
    if bodies:
        filters.append(f"AND b.prefix IN ({', '.join('?' * len(bodies))})")
        params += list(bodies)
    if year_from is not None:
        filters.append("AND m.date >= ?")
        params.append(f"{year_from:04d}-01-01")
    if year_to is not None:
        filters.append("AND m.date <= ?")
        params.append(f"{year_to:04d}-12-31")
    if fields:
        filters.append(f"AND (s.rowid & 15) IN ({', '.join(str(int(f)) for f in fields)})")
    if statuses:
        filters.append(f"AND m.status IN ({', '.join('?' * len(statuses))})")
        params += list(statuses)
    if public:
        filters.append("AND coalesce(c.exempt_basis, '') = ''")
    found: dict[int, Hit] = {}
    for label in query.numbers:
        for numbered in case_hits(store, label, query):
            kept = _kept(numbered, bodies, year_from, year_to, statuses)
            if kept and not (public and numbered.exempt):
                found[numbered.case_id] = numbered
    if query.numbers and not (query.words or query.phrases):  # and the cases that cite them
        for citing in _citing(
            store, query, budget, bodies, year_from, year_to, statuses, public, limit
        ):  # fmt: skip
            found.setdefault(citing.case_id, citing)
    expression = query.fts()
    if expression is not None:
        order = "m.date DESC, c.position" if by_date else "hits.weight, hits.rowid DESC"
        hits = _FILTERED_HITS.format(filters=" ".join(filters)) if filters else _HITS
        sql = _SQL.format(hits=hits, case_of=CASE_OF.format(r="hits.rowid"), order=order)
        try:
            rows = budget.rows(
                store, sql, [expression, *params, ROWS * (4 if query.phrases else 1)]
            )
        except StoreError as exc:
            raise StoreError.of(Code.SEARCH_COULD_NOT_READ, exc=exc, english=exc.english) from None
        drafts: dict[int, dict[int, int]] = {}
        for row in rows or ():
            hit = found.get(row["case_id"])
            if hit is None and len(found) >= limit:
                continue  # enough cases: only where the ones found matched is still of use
            if query.phrases and (budget.spent() or not query.matches(row["content"] or "")):
                continue
            where = FIELD_LABELS[row["field"]]
            if row["attachment"]:
                where = f"Vedlegg «{row['attachment']}»"
            if hit is not None:
                if where not in hit.fields:
                    hit.fields.append(where)
                continue
            day = dt.date.fromisoformat(row["date"])
            content = row["content"] or ""
            found[row["case_id"]] = Hit(
                row["case_id"], row["meeting_id"], row["position"], row_label(store, drafts, row),
                row["title"], row["prefix"], day, row["status"], where,
                content, bool(row["exempt_basis"]), [where], row["rank"], Field(row["field"]),
                query, row["attachment"] or "",
            )  # fmt: skip
    if not fields and len(found) < limit and query.terms():
        _across_fields(store, query, found, " ".join(filters), params, limit, budget)
    if query.excluded and found:  # «-ord»: no case with the word anywhere
        unwanted = _found_with(store, query.excluded_fts(), list(found), budget)
        if unwanted is None:  # not known in time: none is shown rather than a wrong one
            return []
        found = {k: h for k, h in found.items() if k not in unwanted}
    out = list(found.values())
    if by_date:  # the same-field hits came ordered; those across fields are put in place
        out.sort(key=lambda h: (h.rank != float("-inf"), -h.date.toordinal(), h.position))
    return out[:limit]


# The fields in the order of relevance (``WEIGHT``), with the columns that hold them.
_FIELD_ORDER = (
    (Field.TITLE, ("title",)), (Field.RESOLUTION, ("resolution",)),
    (Field.PROPOSAL, ("proposal",)), (Field.TEXT, ("text",)),
    (Field.INTRODUCTION, ("introduction",)), (Field.NOTES, ("notes",)),
    (Field.NAMES, ("presenter", "introduced_by")),
)  # fmt: skip
_ACROSS = """
SELECT c.id, c.position, c.number, c.title, c.text, c.proposal, c.resolution, c.introduction,
       c.notes, c.presenter, c.introduced_by, c.exempt_basis, m.id AS meeting_id, m.date,
       m.status, m.place, b.prefix, b.name
FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id
WHERE c.id IN (SELECT value FROM json_each(?)) {filters}
ORDER BY m.date DESC, c.position LIMIT ?
"""


def _across_fields(
    store: Hub, query: Query, found: dict[int, Hit], filters: str, params: list[Any],
    limit: int, budget: _Budget,
) -> None:  # fmt: skip
    """The cases that have every word, but not in one field (the title one word, the
    resolution another), or with a word that is the meeting's body or place: after the hits
    in one field, newest first."""
    import json

    if budget.spent():
        return
    # What a meeting is known by is its body and its place: a few of each, however many
    # meetings there are. Each one's words are read once per query.
    bodies = {r["id"]: words_of(f"{r['name']} {r['prefix']}")
              for r in store.rows("SELECT id, name, prefix FROM body")}  # fmt: skip
    places = {r[0]: words_of(r[0] or "")
              for r in store.rows("SELECT DISTINCT place FROM meeting")}  # fmt: skip
    # Who was there (or sent forfall): a few hundred names, however many meetings.
    people = {r[0]: words_of(r[0] or "") for r in store.rows(_NAMES)}
    ids: set[int] | None = None
    for expression, word in query.terms():
        cases = _cases_with(store, expression, budget)
        if cases is None:
            return
        in_bodies = [i for i, words in bodies.items() if any(word_matches(word, w) for w in words)]
        in_places = [p for p, words in places.items() if any(word_matches(word, w) for w in words)]
        if in_bodies or in_places:
            cases |= {r[0] for r in store.rows(
                """SELECT c.id FROM agenda_case c JOIN meeting m ON m.id = c.meeting_id
                   WHERE m.body_id IN (SELECT value FROM json_each(?))
                   OR m.place IN (SELECT value FROM json_each(?))""",
                [json.dumps(in_bodies), json.dumps(in_places)],
            )}  # fmt: skip
        in_people = [n for n, words in people.items() if any(word_matches(word, w) for w in words)]
        if in_people:
            attended = budget.rows(store, _CASES_OF_PEOPLE, [json.dumps(in_people)] * 2)
            if attended is None:
                return
            cases |= {r[0] for r in attended}
        ids = cases if ids is None else ids & cases
        if not ids:
            return
    assert ids is not None
    ids -= set(found)
    if not ids:
        return
    drafts: dict[int, dict[int, int]] = {}
    wanted = (limit - len(found)) * (4 if query.phrases else 1)
    chosen = budget.rows(
        store, _ACROSS.format(filters=filters), [json.dumps(sorted(ids)), *params, wanted]
    )
    present = _present(store, {r["meeting_id"] for r in chosen or ()})
    for row in chosen or ():
        if len(found) >= limit or budget.spent():
            return
        texts = {
            number: " ".join(row[c] or "" for c in columns) for number, columns in _FIELD_ORDER
        }
        meeting = _meeting_text(row)
        names = present.get(row["meeting_id"], "")
        if query.phrases and not query.matches(" ".join([*texts.values(), meeting, names])):
            continue
        matched = [n for n, text in texts.items() if snippet(text, query).marks]
        if snippet(meeting, query).marks:
            matched.append(Field.MEETING)
        if names and snippet(names, query).marks:
            matched.append(Field.PRESENT)
        best = matched[0] if matched else ATTACHMENT
        content = {Field.MEETING: meeting, Field.PRESENT: names}.get(best) or texts.get(best, "")
        day = dt.date.fromisoformat(row["date"])
        labels = [FIELD_LABELS[n] for n in matched] or [FIELD_LABELS[ATTACHMENT]]
        found[row["id"]] = Hit(
            row["id"], row["meeting_id"], row["position"], row_label(store, drafts, row),
            row["title"], row["prefix"], day, row["status"], labels[0],
            content, bool(row["exempt_basis"]), labels, float(WEIGHTS), best, query,
        )  # fmt: skip


# The names in the meetings' attendance (a registered person's, or a guest's as written),
# and the cases of the meetings where one of some names was (or sent forfall).
_NAMES = """SELECT DISTINCT p.name FROM attendance a JOIN person p ON p.id = a.person_id
            UNION SELECT DISTINCT guest_name FROM attendance WHERE guest_name != ''"""
_CASES_OF_PEOPLE = """
SELECT c.id FROM agenda_case c WHERE c.meeting_id IN (
    SELECT a.meeting_id FROM attendance a JOIN person p ON p.id = a.person_id
    WHERE p.name IN (SELECT value FROM json_each(?))
    UNION SELECT meeting_id FROM attendance WHERE guest_name IN (SELECT value FROM json_each(?)))
"""


def _present(store: Hub, meeting_ids: set[int]) -> dict[int, str]:
    """«Til stede: …. Forfall: …» of each meeting, for a hit that matched a name there."""
    import json

    if not meeting_ids:
        return {}
    rows = store.rows(
        """SELECT a.meeting_id, a.status, coalesce(p.name, a.guest_name) AS name
           FROM attendance a LEFT JOIN person p ON p.id = a.person_id
           WHERE a.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY a.position""",
        [json.dumps(sorted(meeting_ids))],
    )
    present: dict[int, list[str]] = {}
    absent: dict[int, list[str]] = {}
    for row in rows:
        (absent if row["status"] == "forfall" else present).setdefault(
            row["meeting_id"], []
        ).append(row["name"] or "")
    return {
        m: ". ".join(part for part in (
            "Til stede: " + ", ".join(present[m]) if m in present else "",
            "Forfall: " + ", ".join(absent[m]) if m in absent else "",
        ) if part)
        for m in present.keys() | absent.keys()
    }  # fmt: skip


def row_label(store: Hub, drafts: dict[int, dict[int, int]], row: Any) -> str:
    """«KF 46/22» for a row with the case's number, position, meeting, prefix and date: the
    frozen number, else the draft's live one (each meeting's numbers worked out once, in
    ``drafts``); empty for a case without one."""
    number = row["number"]
    if number is None:
        numbers = drafts.get(row["meeting_id"])
        if numbers is None:
            meeting = store.meetings.meeting(row["meeting_id"])
            numbers = drafts[row["meeting_id"]] = store.meetings.case_numbers(meeting)
        number = numbers.get(row["position"])
    return format_case_number(row["prefix"], number, int(row["date"][:4])) if number else ""


def _cases_with(store: Hub, expression: str, budget: _Budget) -> set[int] | None:
    """The ids of the cases with a row in the index that matches ``expression``; None when
    the budget ran out. (Rowids are read bare and an attachment's case looked up once per
    attachment: a subquery per row was most of the time for a common word.)"""
    rows = budget.rows(
        store, "SELECT rowid FROM search_index WHERE search_index MATCH ?", [expression]
    )
    if rows is None:
        return None
    cases, attachments = set(), []
    for n, (rowid,) in enumerate(rows):
        if n % 4096 == 4095 and budget.spent():  # a word in most rows: the budget holds here too
            return None
        if rowid & 15 == ATTACHMENT:
            attachments.append(rowid >> 4)
        else:
            cases.add(rowid >> 4)
    if attachments:
        import json

        linked = budget.rows(
            store, "SELECT case_id FROM attachment WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(attachments)],
        )  # fmt: skip
        if linked is None:
            return None
        cases.update(r[0] for r in linked)
    return cases


def _found_with(
    store: Hub, expression: str, case_ids: list[int], budget: _Budget
) -> set[int] | None:
    """Which of the cases found (at most a search's limit) have a row in the index that
    matches ``expression``: each case's own rows and its attachments' looked up by rowid, so
    the cost is the cases', not the word's (a word in most cases was read everywhere)."""
    import json

    attachments = budget.rows(
        store, "SELECT id, case_id FROM attachment WHERE case_id IN"
        " (SELECT value FROM json_each(?)) AND coalesce(file, '') != ''",
        [json.dumps(case_ids)],
    )  # fmt: skip
    if attachments is None:
        return None
    ranges = [(case_id, case_id * 16, case_id * 16 + 15) for case_id in case_ids]
    ranges += [
        (r["case_id"], r["id"] * 16 + ATTACHMENT, r["id"] * 16 + ATTACHMENT) for r in attachments
    ]
    sql = "SELECT 1 FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT 1"
    out: set[int] = set()
    for case_id, low, high in ranges:
        if case_id in out:
            continue
        rows = budget.rows(store, sql, [expression, low, high])
        if rows is None:
            return None
        if rows:
            out.add(case_id)
    return out


def _meeting_text(row: Any) -> str:
    """What a meeting is known by besides its cases: the body's name and prefix, the place."""
    return f"{row['name']} {row['prefix']} {row['place'] or ''}"


def _kept(
    hit: Hit, bodies: Collection[str], year_from: int | None, year_to: int | None,
    statuses: Collection[str],
) -> bool:  # fmt: skip
    return (
        (not bodies or hit.body in bodies)
        and (year_from is None or hit.date.year >= year_from)
        and (year_to is None or hit.date.year <= year_to)
        and (not statuses or hit.status in statuses)
    )


HIT_COLUMNS = (
    "c.id, c.meeting_id, c.position, c.number, c.title, c.text, c.proposal, c.resolution, "
    "c.exempt_basis, b.prefix, m.date, m.status"
)
HIT_FROM = "agenda_case c JOIN meeting m ON m.id = c.meeting_id JOIN body b ON b.id = m.body_id"


def hit_from_row(store: Hub, drafts: dict[int, dict[int, int]], row: Any) -> Hit:
    """A case found by its number or id, from a light row (``HIT_COLUMNS``): no meeting read
    but a draft's, for its live numbers (kept in ``drafts``)."""
    return Hit(
        row["id"], row["meeting_id"], row["position"], row_label(store, drafts, row),
        row["title"], row["prefix"], dt.date.fromisoformat(row["date"]), row["status"],
        NUMBER_FIELD, row["resolution"] or row["proposal"] or row["text"],
        bool(row["exempt_basis"]), [NUMBER_FIELD], float("-inf"), None,
    )  # fmt: skip


def case_hits(store: Hub, label: str, query: Query) -> list[Hit]:
    """The case «KF 46/22»; for «* 17/20» (no body named, or one no body has) the case of
    that number in every body."""
    prefix, _, rest = label.partition(" ")
    if prefix != ANY_BODY and store.register.body_by_prefix(prefix) is not None:
        hit = case_hit(store, label, query)
        return [hit] if hit is not None else []
    hits = [case_hit(store, f"{b.prefix} {rest}", query) for b in store.register.bodies()]
    return [h for h in hits if h is not None]


def _citing(
    store: Hub, query: Query, budget: _Budget, bodies: Collection[str],
    year_from: int | None, year_to: int | None, statuses: Collection[str], public: bool,
    limit: int,
) -> list[Hit]:  # fmt: skip
    """The cases whose text names one of the query's case numbers («jf. sak 17/20»)."""
    import re

    out: list[Hit] = []
    for label in query.numbers:
        number, year = label.split(" ", 1)[1].split("/")
        cited = Query(phrases=(f"{int(number)} {year}",))
        pattern = re.compile(rf"(?<![\d/])0?{int(number)}\s*/\s*{year}(?![\d/])")
        for hit in _search(
            store, cited, budget, bodies, year_from, year_to, (), statuses, public, False, limit
        ):  # fmt: skip
            if pattern.search(hit.content) and hit.case_id not in {h.case_id for h in out}:
                out.append(dataclasses.replace(hit, query=query))
    return out[:limit]


def case_hit(store: Hub, label: str, query: Query) -> Hit | None:
    """The case «KF 46/22» (two-digit years 20YY, else 19YY): by its frozen number (one
    query), else among the drafts."""
    from tr_desk.core.numbering import candidate_years, parse_case_number

    try:
        wanted = parse_case_number(label)
    except ValueError:
        return None
    body = store.register.body_by_prefix(wanted.prefix)
    if body is None or body.id is None:
        return None
    found = []
    for year in candidate_years(label):  # «KF 01/99»: 2099, else 1999
        found = store.rows(
            f"""SELECT {HIT_COLUMNS} FROM {HIT_FROM}
                WHERE m.body_id = ? AND c.number = ? AND m.date BETWEEN ? AND ?""",
            [body.id, wanted.number, f"{year:04d}-01-01", f"{year:04d}-12-31"],
        )
        if found:
            break
    if not found:
        try:
            meeting, index = store.meetings.find_case(label)
        except StoreError:
            return None
        found = store.rows(
            f"SELECT {HIT_COLUMNS} FROM {HIT_FROM} WHERE c.id = ?", [meeting.cases[index].id]
        )
    hit = hit_from_row(store, {}, found[0])
    return dataclasses.replace(hit, query=query)


def hit_of(store: Hub, case_id: int) -> Hit | None:
    """The case with id ``case_id`` as a hit (a draft with its live number); None if gone."""
    rows = store.rows(f"SELECT {HIT_COLUMNS} FROM {HIT_FROM} WHERE c.id = ?", [case_id])
    return hit_from_row(store, {}, rows[0]) if rows else None


def index_size_ratio(store: Hub) -> float:
    """The index's share of the database file (its pages over all pages)."""
    try:
        rows = store.rows("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'")
    except StoreError:  # an SQLite built without the dbstat table
        return 0.0
    total = store.path.stat().st_size
    return float(rows[0][0] or 0) / total if total else 0.0
