"""Everything about one meeting is read once: each table one query, the same answers as the
register and the meetings give one by one."""

from __future__ import annotations

import datetime as dt

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.model import Role
from tr_desk.storage.store import Store


def test_a_context_is_one_read(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    )
    queries: list[str] = []
    demo_store.conn.set_trace_callback(queries.append)
    try:
        context = demo_store.context(meeting)
    finally:
        demo_store.conn.set_trace_callback(None)
    tables = [q.split(" FROM ")[1].split()[0] for q in queries]
    assert len(queries) <= 10, queries
    assert len([t for t in tables if t != "meeting"]) == len({t for t in tables if t != "meeting"})
    day, body_id = meeting.date, kf.id
    assert list(context.members) == demo_store.register.roster(body_id, day, MEMBER_ROLES)
    assert list(context.invited) == demo_store.register.roster(body_id, day, MEMBER_ROLES)
    assert list(context.copied) == demo_store.register.roster(body_id, day, (Role.COPY,))
    assert dict(context.numbers) == demo_store.meetings.case_numbers(meeting)
    assert context.previous == dt.date(2022, 9, 16)
    assert context.manager == demo_store.register.general_manager()
    assert context.label(0) == "KF 44/22"
    council = demo_store.register.body_by_prefix("TR")
    assert context.council_meetings == tuple(
        m.date for m in demo_store.meetings.headers(body_id=council.id)
    )
