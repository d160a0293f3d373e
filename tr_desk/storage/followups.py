"""The follow-up items of every body, read across the meetings, and one item's edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tr_desk.core.followups import FollowUpLine, sort_key
from tr_desk.core.messages import Code
from tr_desk.core.model import FollowUp, FollowUpStatus
from tr_desk.storage import rows
from tr_desk.storage.database import StoreError
from tr_desk.storage.search import row_label

if TYPE_CHECKING:
    from tr_desk.storage.hub import Hub

_SQL = """
SELECT f.*, c.id AS case_id, c.number, c.position, c.title AS case_title, c.meeting_id,
       c.exempt_basis,
       m.date, b.prefix, b.name AS body_name, p.name AS person_name
FROM followup f
JOIN agenda_case c ON c.id = f.case_id
JOIN meeting m ON m.id = c.meeting_id
JOIN body b ON b.id = m.body_id
LEFT JOIN person p ON p.id = f.person_id
"""


def followup_lines(
    store: Hub, *, open_only: bool = False, bodies: Sequence[str] = ()
) -> list[FollowUpLine]:
    """Every follow-up item (``open_only``: åpen or i arbeid), of the bodies given by prefix
    (all when none), by due date."""
    drafts: dict[int, dict[int, int]] = {}
    out = []
    wanted = {b.upper() for b in bodies}
    for r in store.rows(_SQL):
        item = rows.followup(r)
        if open_only and not item.status.is_open:
            continue
        if wanted and r["prefix"] not in wanted:
            continue
        out.append(
            FollowUpLine(
                item=item,
                case_id=r["case_id"],
                case=row_label(store, drafts, r),
                case_title=r["case_title"],
                body=r["prefix"],
                body_name=r["body_name"],
                meeting_date=dt.date.fromisoformat(r["date"]),
                who=r["person_name"] or item.who,
                exempt=bool(r["exempt_basis"]),
            )
        )
    out.sort(key=sort_key)
    return out


def case_followups(store: Hub, case_id: int) -> list[FollowUp]:
    """One case's items, in their order."""
    return [
        rows.followup(r)
        for r in store.rows("SELECT * FROM followup WHERE case_id = ? ORDER BY position", [case_id])
    ]


def update_followup(store: Hub, item: FollowUp) -> FollowUp:
    """Save one item (its status, who, when, note, the case that closed it); returns it as it
    was. An approved meeting's follow-up is not its minutes: it stays editable."""
    assert item.id is not None
    found = store.rows("SELECT * FROM followup WHERE id = ?", [item.id])
    if not found:
        raise StoreError.of(Code.FOLLOW_UP_ITEM_NO_LONGER)
    if not item.what.strip():
        raise StoreError.of(Code.FOLLOW_UP_ITEM_NEEDS_TEXT)
    old = rows.followup(found[0])
    with store.transaction() as db:
        db.table("followup").update(item.id, rows.followup_row(item))
    return old


def add_followup(store: Hub, case_id: int, item: FollowUp) -> int:
    """A new item on a case, last in its list."""
    if not item.what.strip():
        raise StoreError.of(Code.FOLLOW_UP_ITEM_NEEDS_TEXT)
    if not store.rows("SELECT 1 FROM agenda_case WHERE id = ?", [case_id]):
        raise StoreError.of(Code.CASE_NO_LONGER_EXISTS)
    with store.transaction() as db:
        top = db.execute(
            "SELECT coalesce(max(position), -1) FROM followup WHERE case_id = ?", [case_id]
        ).fetchone()[0]
        row = {**rows.followup_row(item), "case_id": case_id, "position": top + 1}
        if item.id is not None:
            row["id"] = item.id
        return rows.insert(db, "followup", row)


def delete_followup(store: Hub, followup_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM followup WHERE id = ?", [followup_id])


def close_by(item: FollowUp, label: str) -> FollowUp:
    """The item reported done by the case ``label``."""
    return replace(item, status=FollowUpStatus.DONE, closed_by=label)
