"""Follow-up items in the store: added to a case, edited, listed by body and due date."""

from __future__ import annotations

import datetime as dt

from tests.conftest import kf_meeting
from tr_desk.core.model import FollowUp, FollowUpStatus
from tr_desk.storage.followups import (
    add_followup,
    case_followups,
    delete_followup,
    followup_lines,
    update_followup,
)
from tr_desk.storage.store import Store


def test_an_item_is_added_edited_listed_and_removed(demo_store: Store) -> None:
    case = kf_meeting(demo_store, "2022-09-16").cases[3]
    assert case.id is not None
    item_id = add_followup(demo_store, case.id, FollowUp("Følg opp", due=dt.date(2022, 11, 1)))
    (item,) = [f for f in case_followups(demo_store, case.id) if f.id == item_id]
    update_followup(demo_store, FollowUp("Følg opp", id=item_id, status=FollowUpStatus.DONE,
                                          due=item.due))  # fmt: skip
    lines = followup_lines(demo_store, bodies=["kf"])
    mine = [line for line in lines if line.item.id == item_id]
    assert mine and mine[0].case.startswith("KF ") and mine[0].item.status is FollowUpStatus.DONE
    assert item_id not in [line.item.id for line in followup_lines(demo_store, open_only=True)]
    assert all(line.body == "KF" for line in lines)
    delete_followup(demo_store, item_id)
    assert item_id not in [f.id for f in case_followups(demo_store, case.id)]
