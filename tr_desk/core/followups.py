"""The follow-up of decisions (vedtaksoppfølging): what a resolution asks to be done, by whom
and by when, listed across the bodies until it is done."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tr_desk.core.formats import counted
from tr_desk.core.model import FollowUp, FollowUpStatus, Letterhead

STATUS_TEXT = {
    FollowUpStatus.OPEN: "Åpen",
    FollowUpStatus.IN_PROGRESS: "I arbeid",
    FollowUpStatus.DONE: "Ferdig",
    FollowUpStatus.DROPPED: "Utgår",
}
# Words with which a resolution asks for something to be done.
_ASKS = re.compile(
    r"\b(ber|bes|skal|legges fram|legge fram|følge opp|følges opp|komme tilbake|"
    r"melder tilbake|utarbeide|fortsette|jobber videre)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FollowUpLine:
    """One follow-up item with where it comes from, for the list and the PDF."""

    item: FollowUp
    case_id: int
    case: str  # «KF 35/22»
    case_title: str
    body: str  # the prefix
    body_name: str
    meeting_date: dt.date
    who: str  # the person's name, or the free text
    exempt: bool = False  # the case is exempt from public access: its items are not public

    def overdue(self, today: dt.date) -> bool:
        return self.item.status.is_open and self.item.due is not None and self.item.due < today

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.item.status]


def _sentences(text: str) -> list[str]:
    from tr_desk.core.search import plain_text

    plain = " ".join(plain_text(text).split())
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])", plain)
    sentences = (re.sub(r"^\d+\.\s*", "", p).strip() for p in parts)
    return [s for s in sentences if s]  # «1.» of a numbered resolution is no sentence


def proposed_text(resolution: str) -> str:
    """What «Ny oppfølging» proposes: the sentence of the resolution that asks for something
    to be done («… ber daglig leder følge opp prosjektet …»), else its first sentence."""
    sentences = _sentences(resolution)
    asking = [s for s in sentences if _ASKS.search(s)]
    return (asking or sentences or [""])[0]


def referred_cases(texts: Sequence[str], own_prefix: str) -> set[str]:
    """The case numbers a case's texts refer to («Oppfølging av sak KF 35/22»)."""
    from tr_desk.core.search import references

    return {r.label for text in texts for r in references(text, own_prefix)}


def closing_offers(
    labels: set[str], open_lines: Sequence[FollowUpLine], own_case: int
) -> list[FollowUpLine]:
    """Open items of the cases ``labels`` (``referred_cases``): the case referring to them may
    report them done."""
    return [
        line
        for line in open_lines
        if line.case in labels and line.case_id != own_case and line.item.status.is_open
    ]


def sort_key(line: FollowUpLine) -> tuple[bool, dt.date, dt.date, str]:
    """By due date (none last), then the case's meeting and number."""
    return (line.item.due is None, line.item.due or dt.date.max, line.meeting_date, line.case)


def due_text(line: FollowUpLine, today: dt.date) -> str:
    from tr_desk.core.formats import date_short

    if line.item.due is None:
        return ""
    text = date_short(line.item.due)
    return f"{text} (forfalt)" if line.overdue(today) else text


@dataclass(frozen=True)
class FollowUpList:
    """The Oppfølgingsliste of one body: its open items, as attached to «Orienteringer»."""

    title: str
    header: list[tuple[str, str]]
    rows: list[tuple[str, str, str, str, str]]  # case, what, who, due, status
    note: str
    letterhead: Letterhead


def followup_list(
    lines: Sequence[FollowUpLine], body_name: str, today: dt.date, letterhead: Letterhead
) -> FollowUpList:
    """The open items of a body, by due date. Items of exempt cases are left out: the list is
    attached to a case whose attachments are public (``core.public.public_followups``)."""
    from tr_desk.core.formats import date_short
    from tr_desk.core.public import public_followups

    shown = sorted(public_followups([line for line in lines if line.item.status.is_open]),
                   key=sort_key)  # fmt: skip
    rows = [
        (
            f"{line.case} ({date_short(line.meeting_date)})\n{line.case_title}",
            line.item.what + (f"\n{line.item.note}" if line.item.note else ""),
            line.who,
            due_text(line, today),
            line.status_text,
        )
        for line in shown
    ]
    overdue = sum(1 for line in shown if line.overdue(today))
    count = counted(len(shown), "åpen oppfølging", "åpne oppfølginger")
    if overdue:
        count += f", {overdue} forfalt"
    return FollowUpList(
        title=f"OPPFØLGINGSLISTE, {body_name.upper()} – {date_short(today)}",
        header=[("Omfang", count + ".")],
        rows=rows,
        note="" if rows else "Ingen åpne oppfølginger.",
        letterhead=letterhead,
    )
