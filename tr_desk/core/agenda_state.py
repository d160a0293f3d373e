"""What the Sakliste shows of a meeting being prepared, worked out once per refresh: the
check, the notice as it will go out (or the Tilleggsinnkalling), whether the notice changed
since it was sent, and what the issue button does."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from tr_desk.core.checks.notice import check_notice
from tr_desk.core.checks.problems import Problem, Severity
from tr_desk.core.context import MeetingContext
from tr_desk.core.model import MeetingStatus
from tr_desk.core.notice import NoticeContent, notice_content


@dataclass(frozen=True)
class SentNotice:
    """A notice that went out: its revision (0 the first) and what it said (its hash)."""

    revision: int
    content_hash: str


def content_hash(content: NoticeContent) -> str:
    """A fingerprint of what the notice says, to tell whether it changed after it was sent."""
    said = dataclasses.asdict(content)
    said.pop("letterhead", None)  # a new logo is not a new notice
    if not said.get("lead"):  # fields that came later: notices without them keep their print
        said.pop("lead", None)
    for case in said["cases"]:
        for key in ("history", "closed"):
            if not case[key]:
                del case[key]
    data = json.dumps(said, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def notice_fingerprint(context: MeetingContext) -> str:
    """What is stored of a notice when it goes out: its content with the members in the
    «Innkalt» line. A substitute called later gets an innkalling of their own; the notice
    that went out did not change (a revised notice is for changed cases, time or place)."""
    return content_hash(notice_content(context, substitutes=False))


def notice_changed(context: MeetingContext, sent: Sequence[SentNotice]) -> bool:
    """Whether the notice says something else now than the last one that went out (notices
    sent before substitutes were left out of the fingerprint carry them in theirs)."""
    if not sent:
        return False
    said = sent[-1].content_hash
    return said != notice_fingerprint(context) and said != content_hash(notice_content(context))


@dataclass(frozen=True)
class AgendaState:
    problems: tuple[Problem, ...]
    notice: NoticeContent  # what the preview shows and «Lagre som PDF» saves
    sent: bool  # a notice went out
    changed: bool  # what the notice says now is not what was sent
    supplement_due: bool  # late items wait for a Tilleggsinnkalling; the notice is as sent
    revision: int  # 0 before the notice is sent or while unchanged; else the next revision

    @property
    def errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def issue_label(self) -> str:
        if self.supplement_due:
            return "Send ut tilleggsinnkalling …"
        return "Send ut revidert innkalling …" if self.sent else "Send ut innkalling …"


def agenda_state(
    context: MeetingContext, sent: Sequence[SentNotice], late_pending: bool
) -> AgendaState:
    """The state of the meeting of ``context``, given the notices ``sent`` and whether late
    items wait that no Tilleggsinnkalling has carried (``late_pending``)."""
    current = notice_content(context)
    changed = notice_changed(context, sent)
    supplement = (
        context.meeting.status is MeetingStatus.NOTICE_ISSUED and late_pending and not changed
    )
    revision = 0 if not sent else len(sent) if changed else sent[-1].revision
    if supplement:
        notice = notice_content(context, supplement=True)
    elif revision:
        notice = notice_content(context, revision=revision)
    else:
        notice = current
    return AgendaState(
        tuple(check_notice(context)), notice, bool(sent), changed, supplement, revision
    )
