"""Vedtaksoppfølging: the items a decision asks for, added, edited, closed by a later case,
and listed by due date."""

from __future__ import annotations

from tr_desk.storage.followups import add_followup as add_followup
from tr_desk.storage.followups import case_followups as case_followups
from tr_desk.storage.followups import close_by as close_by
from tr_desk.storage.followups import delete_followup as delete_followup
from tr_desk.storage.followups import followup_lines as followup_lines
from tr_desk.storage.followups import update_followup as update_followup

__all__ = [
    "add_followup", "case_followups", "close_by", "delete_followup", "followup_lines",
    "update_followup",
]  # fmt: skip
