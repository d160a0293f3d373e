"""What the user does that needs both the store and the documents: issue a notice, print one.

Plain Python, for the window and the command line alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tr_desk.core.agenda_state import (
    AgendaState,
    SentNotice,
    notice_changed,
    notice_fingerprint,
)
from tr_desk.core.agenda_state import agenda_state as core_agenda_state
from tr_desk.core.checks.notice import check_notice
from tr_desk.core.checks.problems import Problem, Severity
from tr_desk.core.context import MeetingContext
from tr_desk.core.mail import NoticeMail
from tr_desk.core.messages import Code
from tr_desk.core.minutes import extract_content, minutes_content
from tr_desk.core.model import Attachment, Case, CaseKind, Meeting, MeetingStatus, Outcome
from tr_desk.core.notice import NoticeContent, notice_content
from tr_desk.storage.database import StoreError
from tr_desk.storage.store import Store


class NotReady(StoreError):
    """The check found errors; the notice is not issued."""

    def __init__(self, problems: list[Problem], what: str = "Innkallingen") -> None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        super().__init__(
            f"{what} kan ikke sendes ut før feilene er rettet:\n"
            + "\n".join(f"– {p.where}: {p.message}" for p in errors),
            f"the notice cannot be issued: the check found {len(errors)} error(s)",
        )
        self.problems = problems


def sent_notices(store: Store, meeting_id: int | None) -> list[SentNotice]:
    """The notices of the meeting that went out, first first."""
    if meeting_id is None:
        return []
    return [
        SentNotice(int(r["revision"]), str(r["content_hash"]))
        for r in store.minutes.revisions(meeting_id)
    ]


def agenda_state(store: Store, context: MeetingContext) -> AgendaState:
    """What the Sakliste shows of the meeting of ``context``: two reads, then core decides."""
    meeting = context.meeting
    late = meeting.status is MeetingStatus.NOTICE_ISSUED and bool(
        pending_late_cases(store, meeting)
    )
    return core_agenda_state(context, sent_notices(store, meeting.id), late)


def revision_due(store: Store, context: MeetingContext) -> int:
    """0 before the notice is sent or while it is unchanged; else the next revision number."""
    return agenda_state(store, context).revision


def changed_since_issued(store: Store, context: MeetingContext) -> bool:
    return notice_changed(context, sent_notices(store, context.meeting.id))


def issue_notice(store: Store, meeting_id: int, now: dt.datetime) -> Path:
    """«Send ut innkalling»: check, freeze the numbers, store the PDFs (never overwritten).

    A notice changed after it went out is issued again as «Revidert innkalling». Returns the
    path of the stored notice; sending it is the user's own step (the mail draft).
    """
    from tr_desk.documents.notice import render_notice

    context = store.context(meeting_id, now.date())
    problems = check_notice(context)
    if any(p.severity is Severity.ERROR for p in problems):
        raise NotReady(problems)
    sent = store.minutes.revisions(meeting_id)
    if sent and not changed_since_issued(store, context):
        raise StoreError.of(Code.NOTICE_HAS_NOT_CHANGED_SINCE)
    context = store.context(store.meetings.issue(meeting_id, now.date()), now.date())
    revision = len(sent)
    full = notice_content(context, revision=revision)
    public = notice_content(context, public=True, revision=revision)
    return store.minutes.record_revision(
        meeting_id,
        revision,
        render_notice(full),
        render_notice(public),
        notice_fingerprint(context),
        now,
    )


def pending_late_cases(store: Store, meeting: Meeting) -> list[int]:
    """The late items (tilleggssaker) not yet sent in a Tilleggsinnkalling, by case id."""
    assert meeting.id is not None
    sent = store.minutes.supplement_case_ids(meeting.id)
    return [
        c.id
        for c in meeting.cases
        if c.late and c.id is not None and c.id not in sent and c.outcome is not Outcome.WITHDRAWN
    ]


def issue_supplement(store: Store, meeting_id: int, now: dt.datetime) -> Path:
    """«Send ut tilleggsinnkalling»: the late items added since the notice went out, in a short
    notice of their own, stored like the notice (never overwritten)."""
    from tr_desk.documents.notice import render_notice

    meeting = store.meetings.meeting(meeting_id)
    if meeting.status is not MeetingStatus.NOTICE_ISSUED:
        raise StoreError.of(Code.SUPPLEMENTARY_NOTICE_ISSUED_AFTER_NOTICE)
    pending = pending_late_cases(store, meeting)
    if not pending:
        raise StoreError.of(Code.NO_LATE_ITEMS_HAVE_BEEN)
    context = store.context(meeting, now.date())
    problems = [
        p for p in check_notice(context)
        if p.severity is Severity.ERROR and (p.case_index is None or
                                             meeting.cases[p.case_index].id in pending)
    ]  # fmt: skip
    if problems:
        raise NotReady(problems, "Tilleggsinnkallingen")
    full = notice_content(context, supplement=True, only=pending)
    public = notice_content(context, public=True, supplement=True, only=pending)
    return store.minutes.record_supplement(
        meeting_id, pending, render_notice(full), render_notice(public), now
    )


def generated_attachments(
    store: Store, meeting: Meeting, content: NoticeContent
) -> dict[int, bytes]:
    """PDFs TR Desk makes itself for the bundle: the minutes to approve, as «Vedlegg N» of the
    approval case when no file was attached to it. A public bundle gets the public minutes."""
    from tr_desk.documents.minutes import render_minutes

    made: dict[int, bytes] = {}
    for item in content.cases:  # the notice's cases (a Tilleggsinnkalling's late ones apart)
        case = meeting.cases[item.index]
        if case.kind is not CaseKind.APPROVAL or not item.attachments or item.attachments[0].file:
            continue
        if content.public and item.exemption:
            continue
        previous = store.meetings.previous_held(meeting.body_id, meeting.date)
        if previous is not None:
            minutes = minutes_content(store.context(previous), public=content.public)
            made[item.attachments[0].number] = render_minutes(minutes)
    return made


class BundleError(StoreError):
    """An attachment's file is missing or unreadable; no bundle is made."""


def notice_pdf(
    store: Store,
    meeting: Meeting,
    *,
    public: bool = False,
    bundle: bool = False,
    skipped: list[tuple[str, int, str]] | None = None,
    not_archival: list[tuple[str, int, str]] | None = None,
) -> bytes:
    """The notice, or with ``bundle`` the case papers (the attachments after their cases),
    PDF/A unless an attachment is not (listed in ``not_archival``).

    With ``public`` everything comes through the gate of ``core.public``: the notice's
    content, hence every attachment, bookmark and the metadata.
    """
    from tr_desk.documents.bundle import MissingAttachment, render_bundle
    from tr_desk.documents.notice import render_notice

    content = notice_content(store.context(meeting), public=public)
    pdf = render_notice(content)
    if not bundle:
        return pdf

    def read(name: str) -> bytes:
        try:
            return store.files.read_attachment(name)
        except StoreError as exc:
            raise OSError(exc.english) from None

    made = generated_attachments(store, meeting, content)
    try:
        return render_bundle(content, pdf, read, made, skipped, not_archival)
    except MissingAttachment as exc:
        raise BundleError(
            f"Sakspapirene kan ikke lages: {exc}", f"cannot make the bundle: {exc}"
        ) from None


def supplement_pdf(store: Store, meeting: Meeting, *, public: bool = False) -> bytes:
    """The Tilleggsinnkalling: every late item of the meeting (those not withdrawn)."""
    from tr_desk.documents.notice import render_notice

    if not any(c.late for c in meeting.cases):
        raise StoreError.of(Code.MEETING_HAS_NO_LATE_ITEMS)
    return render_notice(notice_content(store.context(meeting), public=public, supplement=True))


def minutes_pdf(store: Store, meeting: Meeting, *, public: bool = False) -> bytes:
    from tr_desk.documents.minutes import render_minutes

    return render_minutes(minutes_content(store.context(meeting), public=public))


def extract_pdf(store: Store, meeting: Meeting, index: int, *, public: bool = False) -> bytes:
    """A særutskrift; a public one is refused for an exempt case (there is nothing to say)."""
    from tr_desk.documents.minutes import render_extract

    context = store.context(meeting)
    if public and meeting.cases[index].exempt is not None:
        number = context.label(index)
        raise StoreError.of(Code.EXEMPT_FROM_PUBLIC_ACCESS_THERE, number=number)
    return render_extract(extract_content(context, index, store.clock.today()))


def plan_pdf(store: Store, year: int) -> bytes:
    """The printed meeting plan: meetings and notes only, no case ever (public as it is)."""
    from tr_desk.core.plan import plan_lines
    from tr_desk.documents.plan import render_plan

    bodies = {b.id: b for b in store.register.bodies() if b.id is not None}
    lines = plan_lines(store.meetings.headers(year=year), bodies)
    title = store.settings.organisation().plan_title(year)
    return render_plan(title, lines, store.settings.letterhead())


def followups_pdf(store: Store, prefix: str, today: dt.date) -> bytes:
    """The Oppfølgingsliste of one body: its open items by due date, never an exempt case's
    (it is attached to «Orienteringer», whose attachments are public)."""
    from tr_desk.core.followups import followup_list
    from tr_desk.documents.followups import render_followups
    from tr_desk.storage.followups import followup_lines

    body = store.register.body_by_prefix(prefix.upper())
    if body is None:
        known = ", ".join(b.prefix for b in store.register.bodies())
        raise StoreError.of(Code.UNKNOWN_BODY_KNOWN, prefix=prefix, known=known)
    lines = followup_lines(store, open_only=True, bodies=[body.prefix])
    content = followup_list(lines, body.name, today, store.settings.letterhead())
    return render_followups(content)


FOLLOWUP_TITLE = "Oppfølgingsliste"


def with_followup_list(store: Store, case: Case, prefix: str, today: dt.date) -> Case:
    """``case`` («Orienteringer») with the body's open items as its «Oppfølgingsliste per …»
    attachment (the PDF stored), in the place of an earlier list; the caller saves it."""
    from tr_desk.core.formats import date_short

    data = followups_pdf(store, prefix, today)
    name = store.files.store_attachment(data, FOLLOWUP_TITLE)
    kept = [a for a in case.attachments if not a.title.startswith(FOLLOWUP_TITLE)]
    title = f"{FOLLOWUP_TITLE} per {date_short(today)}"
    return dataclasses.replace(case, attachments=[*kept, Attachment(title=title, file=name)])


def plan_calendar(store: Store, year: int) -> bytes:
    """The plan as iCalendar: meetings and notes only, no case ever (public as it is)."""
    from tr_desk.documents.plan import render_calendar

    bodies = {b.id: b for b in store.register.bodies() if b.id is not None}
    now = store.clock.utc()
    organisation = store.settings.organisation()
    return render_calendar(store.meetings.headers(year=year), bodies, organisation, now)


def file_stem(store: Store, meeting: Meeting, document: str, public: bool) -> str:
    """«KF-2022-12-02-innkalling-offentlig»: a file name from the meeting, never a case."""
    body = store.register.body(meeting.body_id)
    return f"{body.prefix}-{meeting.date.isoformat()}-{document}{'-offentlig' if public else ''}"


def public_extracts(store: Store, meeting: Meeting) -> list[bytes]:
    """Every public særutskrift of the meeting: those of exempt cases are refused."""
    out = []
    for index in range(len(meeting.cases)):
        try:
            out.append(extract_pdf(store, meeting, index, public=True))
        except StoreError:
            if meeting.cases[index].exempt is None:
                raise
    return out


def _previous_minutes_exempt(store: Store, meeting: Meeting) -> bool:
    """Whether the minutes the bundle may carry (for the approval case) hold exempt cases."""
    previous = store.meetings.previous_held(meeting.body_id, meeting.date)
    if previous is None:
        return False
    return any(c.exempt is not None for c in previous.cases)


def has_attachment_files(meeting: Meeting) -> bool:
    return any(a.file for case in meeting.cases for a in case.attachments)


def notice_email(
    store: Store,
    meeting: Meeting,
    *,
    bundle: bool | None = None,
    substitute: tuple[int, int] | None = None,
) -> tuple[bytes, NoticeMail]:
    """«Send ut innkalling» as an e-mail draft (RFC 5322, ``X-Unsent: 1``: Outlook and
    Thunderbird open it ready to send): To the Innkalt, Cc the Kopi list, the notice PDF and,
    with ``bundle`` (default: when a case has attachment files), the case papers attached.

    With exempt cases the public versions go by e-mail and the text says the exempt papers
    are sent separately: an e-mail from a public body is itself a public document.
    ``substitute`` (substitute, member): the innkalling of a substitute called after the
    notice went out, to the substitute alone.
    Returns the message and what it was made from (recipients, who has no address).
    """
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    from tr_desk.core.mail import notice_mail, substitute_mail

    context = store.context(meeting)
    bundle = bundle if bundle is not None else has_attachment_files(meeting)
    papers_exempt = bundle and _previous_minutes_exempt(store, meeting)
    if substitute is None:
        mail = notice_mail(context, papers_exempt=papers_exempt)
    else:
        mail = substitute_mail(context, *substitute, papers_exempt=papers_exempt)
    message = EmailMessage()
    message["X-Unsent"] = "1"
    message["Subject"] = mail.subject
    if mail.to:
        message["To"] = [Address(r.name, addr_spec=r.address) for r in mail.to]
    if mail.cc:
        message["Cc"] = [Address(r.name, addr_spec=r.address) for r in mail.cc]
    message["Date"] = format_datetime(store.clock.local())
    message.set_content(mail.text)
    public = mail.exempt
    stem = file_stem(store, meeting, "innkalling", public)
    message.add_attachment(
        notice_pdf(store, meeting, public=public),
        maintype="application",
        subtype="pdf",
        filename=f"{stem}.pdf",
    )
    if bundle:
        not_archival: list[tuple[str, int, str]] = []
        papers = notice_pdf(store, meeting, public=public, bundle=True, not_archival=not_archival)
        mail = dataclasses.replace(
            mail, not_archival=tuple(f"{n} Vedlegg {a}" for n, a, _ in not_archival)
        )
        message.add_attachment(
            papers,
            maintype="application",
            subtype="pdf",
            filename=f"{file_stem(store, meeting, 'sakspapirer', public)}.pdf",
        )
    return bytes(message), mail
