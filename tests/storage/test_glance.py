"""What the first paint reads with plain SQL: the meetings' dates, one meeting at a glance,
the years there are meetings in, a year's meetings."""

from __future__ import annotations

import datetime as dt

from tests.conftest import kf_meeting
from tr_desk.storage.glance import glance, meeting_dates, meeting_years, year_glance
from tr_desk.storage.store import Store


def test_the_demo_at_a_glance(demo_store: Store) -> None:
    dates = meeting_dates(demo_store)
    assert len(dates) == 6 and {d.date.year for d in dates} == {2022}
    assert meeting_years(demo_store) == [2022]
    assert ("KF", dt.date(2022, 6, 3)) in year_glance(demo_store, 2022)
    assert year_glance(demo_store, 2031) == []
    meeting = kf_meeting(demo_store, "2022-12-02")
    seen = glance(demo_store, meeting.id or 0)
    assert seen is not None and seen.body == "Kommunedirektørforum"
    assert seen.cases[0].startswith("KF 44/22")
    assert glance(demo_store, 999_999) is None
