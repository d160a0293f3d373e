"""A meeting's status: its own small module, so that choosing where the window opens needs
nothing else of the model."""

from __future__ import annotations

from enum import StrEnum


class MeetingStatus(StrEnum):
    PLANNED = "planlagt"
    NOTICE_ISSUED = "innkalt"
    HELD = "avholdt"
    APPROVED = "godkjent"
    CANCELLED = "avlyst"
