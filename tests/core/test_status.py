"""A meeting's status, as the meeting file and the database spell it."""

from __future__ import annotations

from tr_desk.core.model import MeetingStatus as FromModel
from tr_desk.core.status import MeetingStatus


def test_the_statuses_and_their_spelling() -> None:
    assert [s.value for s in MeetingStatus] == [
        "planlagt", "innkalt", "avholdt", "godkjent", "avlyst",
    ]  # fmt: skip
    assert FromModel is MeetingStatus  # the model's readers find it there too
