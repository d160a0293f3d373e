"""The Sakliste's state worked out once: the notice as it goes out, whether it changed since
it was sent, when late items wait for a Tilleggsinnkalling."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import kf_meeting
from tr_desk.core.agenda_state import SentNotice, agenda_state, content_hash
from tr_desk.core.model import MeetingStatus
from tr_desk.core.notice import notice_content
from tr_desk.storage.store import Store


def test_before_and_after_the_notice_went_out(demo_store: Store) -> None:
    context = demo_store.context(kf_meeting(demo_store, "2022-12-02"))
    draft = agenda_state(context, [], late_pending=False)
    assert draft.issue_label == "Send ut innkalling …" and draft.revision == 0
    assert not draft.changed and draft.notice == notice_content(context)

    sent = [SentNotice(0, content_hash(notice_content(context)))]
    same = agenda_state(context, sent, late_pending=False)
    assert same.sent and not same.changed and same.revision == 0
    assert same.issue_label == "Send ut revidert innkalling …"

    cases = list(context.meeting.cases)
    cases[1] = replace(cases[1], title=cases[1].title + " (endret)")
    edited = context.with_meeting(replace(context.meeting, cases=cases))
    changed = agenda_state(edited, sent, late_pending=False)
    assert changed.changed and changed.revision == 1
    assert changed.notice.title.startswith("REVIDERT INNKALLING")


def test_late_items_wait_for_a_supplement_while_the_notice_is_as_sent(demo_store: Store) -> None:
    context = demo_store.context(kf_meeting(demo_store, "2022-12-02"))
    issued = context.with_meeting(replace(context.meeting, status=MeetingStatus.NOTICE_ISSUED))
    sent = [SentNotice(0, content_hash(notice_content(issued)))]
    state = agenda_state(issued, sent, late_pending=True)
    assert state.supplement_due and state.issue_label == "Send ut tilleggsinnkalling …"
    assert state.notice.title.startswith("TILLEGGSINNKALLING")
    draft = context.with_meeting(replace(context.meeting, status=MeetingStatus.PLANNED))
    assert not agenda_state(draft, sent, late_pending=True).supplement_due  # not issued


def test_a_substitute_called_later_does_not_change_the_notice_sent(demo_store: Store) -> None:
    """The fingerprint stored when the notice goes out names the members; a notice stored
    with the substitutes in it (before) still matches while nothing else changed."""
    from tr_desk.core.agenda_state import notice_changed, notice_fingerprint
    from tr_desk.core.minutes import with_substitute

    context = demo_store.context(kf_meeting(demo_store, "2022-12-02"))
    sent = [SentNotice(0, notice_fingerprint(context))]
    member = context.invited[0]
    other = next(pid for pid in context.people if pid not in context.invited)
    lines = with_substitute(context.meeting.attendance, member, other)
    later = context.with_meeting(replace(context.meeting, attendance=lines))
    assert not notice_changed(later, sent)
    assert "(vara for" in dict(notice_content(later).header)["Innkalt"]
    old_style = [SentNotice(0, content_hash(notice_content(later)))]
    assert not notice_changed(later, old_style)
    moved = later.with_meeting(replace(later.meeting, place="Et annet sted"))
    assert notice_changed(moved, sent) and notice_changed(moved, old_style)
