"""The one gate of offentleglova: what of a case may be published.

Every public output (the public notice, the case papers and each attachment in them, the
public minutes, a public særutskrift, the mail text, file names, PDF metadata, bookmarks) is
made from what passes here, so a field added to a case later is private until it is named
below.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol, TypeVar

from tr_desk.core.model import Attachment, Attendance, Case, Exemption, Meeting, Outcome

EXEMPT_TITLE = "Unntatt offentlighet"


def exemption_line(basis: str) -> str:
    """«Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1.»"""
    return f"{EXEMPT_TITLE}, {basis.strip().rstrip('.')}."


def public_title(case: Case) -> str:
    """The title the public sees: the internal one, or for an exempt case its public title."""
    if case.exempt is None:
        return case.title
    return case.exempt.public_title.strip() or EXEMPT_TITLE


def public_case(case: Case) -> Case:
    """``case`` as it may be published.

    An exempt case keeps its place and number, its public title and its legal basis, and
    nothing else: not its text, proposal, presenter, follow-up, discussion, resolution, vote,
    exclusions, written answers or follow-up items. That the meeting was closed for it, and
    on which legal basis, is public (kommuneloven § 11-5), as is its being a late item (not
    who objected to it). Its attachments keep their numbers («Vedlegg N» stays the
    same in both versions) under the title «Unntatt offentlighet», without their files.
    """
    if case.exempt is None:
        return case
    return Case(
        title=public_title(case),
        kind=case.kind,
        id=case.id,
        number=case.number,
        attachments=[Attachment(title=EXEMPT_TITLE) for _ in case.attachments],
        exempt=Exemption(basis=case.exempt.basis, public_title=public_title(case)),
        outcome=Outcome.WITHDRAWN if case.outcome is Outcome.WITHDRAWN else None,
        closed=case.closed,
        late=case.late,
    )


def public_meeting(meeting: Meeting) -> Meeting:
    """The meeting with every case through ``public_case`` (the original is left as it is),
    and without those who were in the room for exempt cases only (a guest who came for one:
    their name would tell what it was about)."""
    return dataclasses.replace(
        meeting,
        cases=[public_case(c) for c in meeting.cases],
        attendance=[a for a in meeting.attendance if not _only_exempt(meeting, a)],
    )


def _only_exempt(meeting: Meeting, line: Attendance) -> bool:
    """``line`` arrived or left between cases, and every case it was there for is exempt."""
    if line.from_case is None and line.to_case is None:
        return False
    ids = [c.id for c in meeting.cases]
    first = ids.index(line.from_case) if line.from_case in ids else 0
    last = ids.index(line.to_case) if line.to_case in ids else len(ids) - 1
    span = meeting.cases[first : last + 1]
    return bool(span) and all(c.exempt is not None for c in span)


def is_withheld(case: Case) -> bool:
    """Whether the public version of ``case`` leaves anything out."""
    return case.exempt is not None


class _Withheld(Protocol):
    @property
    def exempt(self) -> bool:  # the item's case is exempt from public access
        ...


_Line = TypeVar("_Line", bound=_Withheld)


def public_followups(lines: Sequence[_Line]) -> list[_Line]:
    """The follow-up items that may be published (in the Oppfølgingsliste attached to a public
    case): none of an exempt case, whose follow-up the gate withholds like its resolution."""
    return [line for line in lines if not line.exempt]
