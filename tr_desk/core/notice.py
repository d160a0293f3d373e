"""What a notice (innkalling) says, derived from the meeting: the documents only typeset it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tr_desk.core.formats import date_short, date_with_weekday, period
from tr_desk.core.law import called_substitutes, closed_basis
from tr_desk.core.model import Body, Case, Letterhead, Meeting, MeetingMode, Outcome, Person
from tr_desk.core.public import EXEMPT_TITLE, exemption_line, public_meeting

if TYPE_CHECKING:
    from tr_desk.core.context import MeetingContext

__all__ = ["EXEMPT_TITLE", "NoticeContent", "exemption_line", "notice_content"]


@dataclass(frozen=True)
class NumberedAttachment:
    number: int  # «Vedlegg N», counted across the whole notice in agenda order
    title: str
    file: str | None


@dataclass
class NoticeCase:
    number: str  # «KF 44/22»
    title: str
    text: str = ""  # Markdown
    attachments: list[NumberedAttachment] = field(default_factory=list)
    proposal: str = ""
    presenter: str = ""
    follows: str = ""
    postponed_from: str = ""  # «KF 47/22»
    history: str = ""  # «KF 51/21, AU 30/22»: printed as «Tidligere behandling»
    closed: str = ""  # «Saken behandles i lukket møte, jf. kommuneloven § 11-5 …»
    exemption: str = ""  # «Unntatt offentlighet, offl. § 13 jf. …», when exempt
    withdrawn: bool = False
    index: int = 0  # position in the meeting's agenda


@dataclass
class NoticeContent:
    title: str
    header: list[tuple[str, str]]
    cases: list[NoticeCase]
    signature: tuple[str, str]  # name, title
    public: bool = False
    letterhead: Letterhead = field(default_factory=Letterhead)
    lead: str = ""  # a Tilleggsinnkalling's first paragraph


SUPPLEMENT_LEAD = (
    "Følgende {saker} kommer i tillegg til innkallingen datert {dated}. En sak som ikke står "
    "i innkallingen, kan behandles dersom ikke møteleder eller en tredjedel av medlemmene "
    "motsetter seg det (kommuneloven § 11-3)."
)


def notice_title(body: Body, meeting: Meeting, revision: int = 0, supplement: bool = False) -> str:
    """«INNKALLING, KOMMUNEDIREKTØRFORUM – 02.12.2022», from the meeting's own date."""
    kind = "REVIDERT INNKALLING" if revision else "INNKALLING"
    if supplement:
        kind = "TILLEGGSINNKALLING"
    return f"{kind}, {body.name.upper()} – {date_short(meeting.date)}"


def called_line(
    ids: Sequence[int], people: Mapping[int, Person], meeting: Meeting, substitutes: bool = True
) -> str:
    """«Innkalt»: a member for whom a substitute has been called is listed as the substitute
    «(vara for …)» in the member's place (§ 7-10); without ``substitutes``, the members."""
    called = called_substitutes(meeting.attendance) if substitutes else {}
    names = []
    for pid in ids:
        if pid not in people:
            continue
        sub = called.get(pid)
        if sub is not None and sub in people:
            names.append(f"{people[sub].name} (vara for {people[pid].name})")
        else:
            names.append(people[pid].name)
    names += list(meeting.invited_other)
    return ", ".join(names) + "." if names else ""


def place_line(meeting: Meeting) -> str:
    """«Sted»: the mode where it is not an ordinary meeting, said once.

    A place that already names the mode («Digitalt møte», «digitalt (Teams)», «Skriftlig
    saksbehandling») is not wrapped in it again.
    """
    place = " ".join(meeting.place.split())
    folded = place.casefold()
    if meeting.mode is MeetingMode.WRITTEN:
        if not place or "skriftlig" in folded:
            return place or "Skriftlig saksbehandling"
        return f"Skriftlig saksbehandling ({place})"
    if meeting.mode is MeetingMode.REMOTE:
        if not place:
            return "Digitalt møte"
        return place if "digital" in folded else f"Digitalt møte ({place})"
    return place


def time_line(meeting: Meeting) -> str:
    if meeting.mode is MeetingMode.WRITTEN:
        return f"Svarfrist {date_with_weekday(meeting.date)}"
    return period(meeting.date, meeting.start, meeting.end)


def names_line(ids: Sequence[int], people: Mapping[int, Person], others: Sequence[str] = ()) -> str:
    """«Innkalt»/«Kopi»: the register's names, then those not in it, as written."""
    names = [people[i].name for i in ids if i in people] + list(others)
    return ", ".join(names) + "." if names else ""


def number_attachments(cases: Sequence[Case]) -> list[list[NumberedAttachment]]:
    """«Vedlegg N» for every attachment, 1, 2, 3 … in agenda order; withdrawn cases have none.
    Late items' attachments come after all the notice's, so that the notice keeps its
    numbers and the Tilleggsinnkalling continues them."""
    counter = 0
    numbered: list[list[NumberedAttachment]] = [[] for _ in cases]
    for late in (False, True):
        for i, case in enumerate(cases):
            if case.late is not late or case.outcome is Outcome.WITHDRAWN:
                continue
            for attachment in case.attachments:
                counter += 1
                numbered[i].append(NumberedAttachment(counter, attachment.title, attachment.file))
    return numbered


def notice_content(
    context: MeetingContext,
    *,
    public: bool = False,
    revision: int = 0,
    supplement: bool = False,
    only: Collection[int] | None = None,
    substitutes: bool = True,
) -> NoticeContent:
    """The notice of the meeting; ``public`` leaves out what is exempt from public access;
    without ``substitutes`` the «Innkalt» line names the members, not who stands in for them.

    The notice holds the cases on it when it went out; the late items (tilleggssaker) are in
    the Tilleggsinnkalling (``supplement``), which holds only them (``only``: those case ids).
    """
    meeting = public_meeting(context.meeting) if public else context.meeting
    body, people, signatory = context.body, context.people, context.manager
    invited, copy = context.invited, context.copied
    officer = people.get(meeting.case_officer_id or -1) or signatory
    header = [
        ("Saksbehandler", officer.name if officer else ""),
        ("Referanse", meeting.reference),
        ("Dato", date_short(meeting.notice_date) if meeting.notice_date else ""),
        ("Sted", place_line(meeting)),
        ("Tidsrom", time_line(meeting)),
        ("Innkalt", called_line(invited, people, meeting, substitutes)),
        ("Kopi", names_line(copy, people, meeting.copy_other)),
    ]
    attachments = number_attachments(meeting.cases)
    cases = []
    for i, case in enumerate(meeting.cases):
        if case.late is not supplement or (only is not None and case.id not in only):
            continue
        number = context.label(i)
        basis = closed_basis(case.closed)
        item = NoticeCase(
            number=number,
            title=case.title,
            text=case.text,
            attachments=attachments[i],
            proposal=case.proposal,
            presenter=case.presenter,
            follows=case.follows,
            postponed_from=case.postponed_from,
            history=", ".join(context.history.get(i, ())) if case.show_history else "",
            withdrawn=case.outcome is Outcome.WITHDRAWN,
            index=i,
            closed=f"Saken behandles i lukket møte, jf. {basis.law}." if basis else "",
        )
        if case.exempt is not None:
            item.exemption = exemption_line(case.exempt.basis)
        cases.append(item)
    signature = (signatory.name, signatory.title or "Daglig leder") if signatory else ("", "")
    lead = ""
    if supplement:
        dated = date_short(meeting.notice_date) if meeting.notice_date else "tidligere"
        saker = "sak" if len(cases) == 1 else "saker"
        lead = SUPPLEMENT_LEAD.format(saker=saker, dated=dated)
    return NoticeContent(
        letterhead=context.letterhead,
        lead=lead,
        title=notice_title(body, meeting, revision, supplement),
        header=[(label, value) for label, value in header if value],
        cases=cases,
        signature=signature,
        public=public,
    )
