"""What the user does that needs both the store and the documents: issue a notice, print one.

Plain Python, for the window and the command line alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

from tr_desk.core.check import Problem, Severity, check_notice
from tr_desk.core.model import CaseKind, Meeting
from tr_desk.core.notice import NoticeContent
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store


class NotReady(StoreError):
    """The check found errors; the notice is not issued."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        super().__init__(
            "Innkallingen kan ikke sendes ut før feilene er rettet:\n"
            + "\n".join(f"– {p.where}: {p.message}" for p in errors)
        )
        self.problems = problems


def content_hash(content: NoticeContent) -> str:
    """A fingerprint of what the notice says, to tell whether it changed after it was sent."""
    data = json.dumps(dataclasses.asdict(content), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def revision_due(store: Store, meeting: Meeting) -> int:
    """0 before the notice is sent or while it is unchanged; else the next revision number."""
    sent = store.revisions(meeting.id) if meeting.id is not None else []
    if not sent:
        return 0
    return len(sent) if changed_since_issued(store, meeting) else int(sent[-1]["revision"])


def changed_since_issued(store: Store, meeting: Meeting) -> bool:
    sent = store.revisions(meeting.id) if meeting.id is not None else []
    return bool(sent) and sent[-1]["content_hash"] != content_hash(store.notice_content(meeting))


def issue_notice(store: Store, meeting_id: int, now: dt.datetime) -> Path:
    """«Send ut innkalling»: check, freeze the numbers, store the PDFs (never overwritten).

    A notice changed after it went out is issued again as «Revidert innkalling». Returns the
    path of the stored notice; sending it is the user's own step (the mail draft).
    """
    from tr_desk.documents.notice import render_notice

    meeting = store.meeting(meeting_id)
    problems = check_notice(meeting, store.check_context(meeting))
    if any(p.severity is Severity.ERROR for p in problems):
        raise NotReady(problems)
    sent = store.revisions(meeting_id)
    if sent and not changed_since_issued(store, meeting):
        raise StoreError("Innkallingen er ikke endret siden den ble sendt ut.")
    meeting = store.freeze_notice(meeting_id, now.date())
    revision = len(sent)
    full = store.notice_content(meeting, revision=revision)
    public = store.notice_content(meeting, public=True, revision=revision)
    return store.record_revision(
        meeting_id,
        revision,
        render_notice(full),
        render_notice(public),
        content_hash(store.notice_content(meeting)),
        now,
    )


def generated_attachments(
    store: Store, meeting: Meeting, content: NoticeContent
) -> dict[int, bytes]:
    """PDFs TR Desk makes itself for the bundle: the minutes to approve, as «Vedlegg N» of the
    approval case when no file was attached to it."""
    from tr_desk.documents.minutes import render_minutes

    made: dict[int, bytes] = {}
    for case, item in zip(meeting.cases, content.cases, strict=True):
        if case.kind is not CaseKind.APPROVAL or not item.attachments or item.attachments[0].file:
            continue
        previous = store.previous_held(meeting.body_id, meeting.date)
        if previous is not None:
            made[item.attachments[0].number] = render_minutes(store.minutes_content(previous))
    return made


def mail_draft(store: Store, meeting: Meeting) -> str:
    """A mailto: address for the notice, to the invited with the copy list in Cc."""
    from urllib.parse import quote

    people = store.people_by_id()
    to = [people[i].email for i in store.invited(meeting) if i in people and people[i].email]
    cc = [people[i].email for i in store.copied(meeting) if i in people and people[i].email]
    content = store.notice_content(meeting)
    subject = content.title.capitalize()
    when = dict(content.header).get("Tidsrom", "")
    name, title = content.signature
    body = f"Vedlagt er innkallingen til møtet {when}.\n\n{name}\n{title}"
    query = f"subject={quote(subject)}&body={quote(body)}"
    if cc:
        query += f"&cc={quote(','.join(cc))}"
    return f"mailto:{quote(','.join(to), safe='@,')}?{query}"
