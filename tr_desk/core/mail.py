"""The notice as an e-mail: who gets it (To the Innkalt, Cc the Kopi list), who has no address,
the subject and the short text. ``app.documents.notice_email`` writes it as a draft with the PDFs.

The text says nothing of what the cases are: an e-mail sent from a public body is a document
of its own, so subject and text come from the public version of the notice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tr_desk.core.context import MeetingContext
from tr_desk.core.formats import date_long, date_short, time_slot, weekday_name
from tr_desk.core.model import MeetingMode, Person

# An address as a mail program accepts it: local part, @, a domain with a dot; no spaces,
# commas, angle brackets or line breaks (a name is never taken for an address).
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def valid_address(text: str) -> bool:
    return bool(_ADDRESS.fullmatch(text.strip()))


# RFC 2047's encoded words («=?utf-8?q?…?=»): a mail program decodes them in a header, so a
# name holding one could smuggle a line break and another header (Bcc:) into the draft.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[^?\s]*\?[^?\s]*\?=")


def clean_name(name: str) -> str:
    """A name, a place or a title as a header or a line of the mail takes it: on one line
    (line breaks and runs of spaces become one space), no control characters, no encoded
    words. Names are data, never header syntax."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name)
    while _ENCODED_WORD.search(text):
        text = _ENCODED_WORD.sub(" ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str


@dataclass(frozen=True)
class NoticeMail:
    subject: str
    text: str
    to: tuple[Recipient, ...]
    cc: tuple[Recipient, ...]
    without_address: tuple[str, ...]  # Innkalt with no (usable) address, by name
    called: int  # how many are invited in all
    exempt: bool  # exempt cases: the public versions are attached, the papers go separately
    # attachments that are not PDF/A («KF 46/22 Vedlegg 2»): the papers attached are not
    not_archival: tuple[str, ...] = ()

    @property
    def addresses(self) -> str:
        """«a@x.no; b@y.no»: to paste into a mail program by hand."""
        return "; ".join(r.address for r in (*self.to, *self.cc))

    @property
    def missing_line(self) -> str:
        """«3 av 9 mangler e-postadresse: …», empty when everyone has one."""
        if not self.without_address:
            return ""
        names = ", ".join(self.without_address)
        return f"{len(self.without_address)} av {self.called} mangler e-postadresse: {names}"


def roster_hint(
    body_name: str, members: Sequence[Person], where: str = "i Register", *, names: bool = True
) -> str:
    """What the window says of a body its notice cannot reach: no members yet, or members
    without an e-mail address (``names``: who); empty when everyone can be reached."""
    if not members:
        return f"{body_name} har ingen medlemmer ennå – legg dem inn {where}."
    missing = [clean_name(p.name) for p in members if not valid_address(p.email)]
    if not missing:
        return ""
    who = f": {', '.join(missing)}" if names else ""
    return f"{len(missing)} av {len(members)} medlemmer i {body_name} mangler e-postadresse{who}."


def _recipients(context: MeetingContext, ids: Sequence[int]) -> tuple[list[Recipient], list[str]]:
    found, missing = [], []
    for pid in ids:
        person = context.people.get(pid)
        if person is None:
            continue
        name = clean_name(person.name)
        if valid_address(person.email):
            found.append(Recipient(name, person.email.strip()))
        else:
            missing.append(name)
    return found, missing


def _occasion(context: MeetingContext) -> str:
    """«møtet i Arbeidsutvalget fredag 2. desember 2022 kl. 0830–1130, Rådhuset»."""
    meeting, body = context.meeting, context.body
    when = f"{weekday_name(meeting.date).lower()} {date_long(meeting.date)}"
    slot = time_slot(meeting.start, meeting.end)
    if meeting.mode is MeetingMode.WRITTEN:
        occasion = f"saken som behandles skriftlig med frist {when}"
    else:
        occasion = f"møtet i {body.name} {when}" + (f" {slot}" if slot else "")
        if meeting.place:
            occasion += f", {clean_name(meeting.place)}"
    return occasion


def _text(context: MeetingContext, first: str, exempt: bool) -> str:
    lines = ["Hei,", "", first]
    if exempt:
        lines.append("Dokumenter som er unntatt offentlighet, sendes separat.")
    signatory = context.manager
    lines += ["", "Med vennlig hilsen"]
    if signatory is not None:
        lines += [clean_name(signatory.name), clean_name(signatory.title or "Daglig leder")]
    return "\n".join(lines) + "\n"


def notice_mail(context: MeetingContext, *, papers_exempt: bool = False) -> NoticeMail:
    """The e-mail that sends out the notice of ``context.meeting``; ``papers_exempt``: a paper
    attached (the previous minutes) holds something exempt even if no case here is."""
    meeting, body = context.meeting, context.body
    to, missing = _recipients(context, context.invited)
    cc, _ = _recipients(context, context.copied)
    seen = {r.address.casefold() for r in to}
    cc = [r for r in cc if r.address.casefold() not in seen]
    exempt = papers_exempt or any(c.exempt is not None for c in meeting.cases)
    return NoticeMail(
        subject=f"Innkalling {clean_name(body.name)} {date_short(meeting.date)}",
        text=_text(context, f"Vedlagt er innkallingen til {_occasion(context)}.", exempt),
        to=tuple(to),
        cc=tuple(cc),
        without_address=tuple(missing),
        called=len(context.invited),
        exempt=exempt,
    )


def substitute_mail(
    context: MeetingContext, substitute: int, member: int, *, papers_exempt: bool = False
) -> NoticeMail:
    """The innkalling of a substitute called after the notice went out: to the substitute
    alone, saying for whom; the notice attached names the substitute in the member's place."""
    meeting, body = context.meeting, context.body
    to, missing = _recipients(context, [substitute])
    exempt = papers_exempt or any(c.exempt is not None for c in meeting.cases)
    first = (
        f"Du er kalt inn som vara for {clean_name(context.name(member))} til "
        f"{_occasion(context)}. Innkallingen er vedlagt."
    )
    return NoticeMail(
        subject=f"Innkalling som vara: {clean_name(body.name)} {date_short(meeting.date)}",
        text=_text(context, first, exempt),
        to=tuple(to),
        cc=(),
        without_address=tuple(missing),
        called=1,
        exempt=exempt,
    )
