"""The list of public outputs names every way a meeting reaches the public; each entry
makes something (the leak test in tests/core/test_public.py walks them with a canary)."""

from __future__ import annotations

import datetime as dt

from tr_desk.app.public_outputs import PUBLIC_OUTPUTS
from tr_desk.storage.store import Store


def test_every_public_output_makes_something(demo_store: Store) -> None:
    kf = demo_store.register.body_by_prefix("KF")
    meeting = demo_store.meetings.meeting(
        demo_store.meetings.meeting_id(kf.id, dt.date(2022, 9, 16))
    )
    assert {"innkalling", "protokoll", "møteplan", "kalender", "nettsted"} <= set(PUBLIC_OUTPUTS)
    for name, make in PUBLIC_OUTPUTS.items():
        if name == "tilleggsinnkalling":  # only a meeting with late items has one
            continue
        made = make(demo_store, meeting)
        assert made and all(made), name
