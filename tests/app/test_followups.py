"""Follow-up items through the application layer: added from a resolution, closed by a later
case, listed for the Oppfølgingsliste."""

from __future__ import annotations

import datetime as dt

from tests.conftest import kf_meeting
from tr_desk.app.database import Store
from tr_desk.app.followups import add_followup, case_followups, close_by, followup_lines
from tr_desk.core.model import FollowUp, FollowUpStatus


def test_an_item_is_added_and_closed_by_a_later_case(demo_store: Store) -> None:
    case = kf_meeting(demo_store, "2022-09-16").cases[3]
    assert case.id is not None
    item_id = add_followup(demo_store, case.id, FollowUp("Utred", due=dt.date(2022, 11, 30)))
    (item,) = [f for f in case_followups(demo_store, case.id) if f.id == item_id]
    closed = close_by(item, "KF 46/22")
    assert closed.status is FollowUpStatus.DONE and closed.closed_by == "KF 46/22"
    assert item_id in [line.item.id for line in followup_lines(demo_store, open_only=True)]
