"""The imported originals: kept by hash, linked from their meetings, taken back whole."""

from __future__ import annotations

from tests.conftest import kf_meeting
from tr_desk.storage.sources import (
    add_source,
    forget_source,
    forget_sources_of,
    known_sources,
    link_source,
    unlink_source,
)
from tr_desk.storage.store import Store


def test_a_source_is_kept_linked_and_taken_back(demo_store: Store) -> None:
    meeting_id = kf_meeting(demo_store, "2022-06-03").id or 0
    with demo_store.transaction() as db:
        add_source(db, "abc", "referat.docx", "abc.docx", "2026-12-01T10:00:00")
        assert link_source(demo_store, db, meeting_id, "abc")
        assert not link_source(demo_store, db, meeting_id, "abc")  # linked once
    assert "abc" in known_sources(demo_store)
    assert demo_store.context(meeting_id).imported
    with demo_store.transaction() as db:
        unlink_source(db, meeting_id, "abc")
        forget_sources_of(db, meeting_id)
        forget_source(db, "abc")
    assert "abc" not in known_sources(demo_store)
    assert not demo_store.context(meeting_id).imported
