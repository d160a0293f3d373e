"""A Noark 5 extraction (arkivuttrekk) of the meetings of a period, as data: one
``moetemappe`` per approved meeting holding a ``moeteregistrering`` per case (and the notice
and the minutes as the meeting's own), each with its documents; the approvals and reopenings
of minutes as changes (``endringslogg``). The XML is written by ``documents.noark``; the app
gathers the meetings and their PDFs.

Everything comes from the data, never from the clock: the same period gives the same
package. A record's systemID is a UUID derived from the record (the organisation's domain,
the meeting's calendar UID, the case's number), so a second export names it the same.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from tr_desk.core.model import CLOSING_WITHOUT_DECISION, Case, Meeting, MeetingStatus, Outcome

# PRONOM ids by (PDF/A part, conformance): PDF/A-1a/1b, PDF/A-2a/2b/2u
PRONOM = {(1, "A"): "fmt/95", (1, "B"): "fmt/354", (2, "A"): "fmt/476", (2, "B"): "fmt/477",
          (2, "U"): "fmt/478"}  # fmt: skip
ARCHIVAL, PUBLIC = "Arkivformat", "Offentlig variant"  # variantformat
MAIN, ATTACHMENT = "Hoveddokument", "Vedlegg"  # tilknyttetRegistreringSom
FINISHED = "Dokumentet er ferdigstilt"  # dokumentstatus
SCREENED_FIELDS = ("tittel",)  # what of an exempt case's record is screened (skjermingMetadata)


def system_id(domain: str, *parts: object) -> str:
    """A stable UUID for a record: the same parts always give the same id."""
    key = "/".join(str(p) for p in (domain or "tr-desk.invalid", "noark5", *parts))
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://{key}"))


def midnight(day: dt.date) -> dt.datetime:
    """A date as Noark's xs:dateTime: the day's start (the data knows days, not hours)."""
    return dt.datetime.combine(day, dt.time())


@dataclass(frozen=True)
class Screening:
    """skjerming: who may not see what, on which legal basis."""

    basis: str  # skjermingshjemmel, e.g. «offl. § 13 jf. fvl. § 13 første ledd nr. 1»
    access: str = "Unntatt offentlighet"  # tilgangsrestriksjon
    fields: tuple[str, ...] = SCREENED_FIELDS  # skjermingMetadata
    document: str = "Hele"  # skjermingDokument: «Hele» or «Delvis»


@dataclass(frozen=True)
class DocumentFile:
    """One file in DOKUMENT/: its name in the package, its bytes, its PDF/A conformance."""

    name: str
    data: bytes
    part: int = 2
    conformance: str = "U"

    @property
    def pronom(self) -> str:
        return PRONOM.get((self.part, self.conformance), PRONOM[(2, "B")])

    @property
    def label(self) -> str:
        """«PDF/A-2u»."""
        return f"PDF/A-{self.part}{self.conformance.lower()}"


@dataclass(frozen=True)
class ArchiveDocument:
    """dokumentbeskrivelse with its dokumentobjekt(er): the archival version, and a public
    variant where the document has screened parts."""

    system_id: str
    kind: str  # dokumenttype: Møteinnkalling, Møteprotokoll, Særutskrift, Vedlegg
    title: str
    number: int  # dokumentnummer within the record
    created: dt.datetime
    by: str
    variants: tuple[tuple[str, DocumentFile], ...]  # (variantformat, file)
    role: str = MAIN
    screening: Screening | None = None


@dataclass(frozen=True)
class ArchiveRecord:
    """moeteregistrering: a case, or the meeting's notice or minutes."""

    system_id: str
    record_id: str  # registreringsID: «KF 37/22», «KF 2022-09-16 innkalling»
    title: str
    kind: str  # moeteregistreringstype: Saksframlegg, Møteinnkalling, Møteprotokoll
    created: dt.datetime
    archived: dt.datetime
    by: str
    unit: str  # administrativEnhet: the secretariat
    officer: str  # saksbehandler
    case_type: str = ""  # moetesakstype: Politisk sak, Orienteringssak, …
    status: str = ""  # moeteregistreringsstatus: Behandlet, Utsatt, Trukket
    public_title: str = ""  # offentligTittel, for a screened record
    screening: Screening | None = None
    documents: tuple[ArchiveDocument, ...] = ()
    refers_to: tuple[str, ...] = ()  # referanseTilMoeteregistrering (systemIDs)
    referred_from: tuple[str, ...] = ()  # referanseFraMoeteregistrering


@dataclass(frozen=True)
class ArchiveMeeting:
    """moetemappe: one approved meeting."""

    system_id: str
    folder_id: str  # mappeID: «KF 2022-09-16»
    title: str
    created: dt.datetime
    closed: dt.datetime
    by: str
    number: str  # moetenummer: «3/2022», the body's third meeting of the year
    body: str  # utvalg
    date: dt.date
    place: str
    participants: tuple[tuple[str, str], ...]  # (name, function)
    records: tuple[ArchiveRecord, ...]
    previous: str | None = None  # systemID of the body's previous meeting in the package
    next: str | None = None
    body_id: int = 0  # which body's meetings it follows (for previous and next)


@dataclass(frozen=True)
class Change:
    """endring: a metadata value of a record changed (minutes approved, reopened)."""

    record: str  # referanseArkivenhet: the systemID of the moetemappe
    field: str  # referanseMetadata
    when: dt.datetime
    by: str
    before: str
    after: str


@dataclass(frozen=True)
class Extraction:
    organisation: str
    system: str  # the system the records come from
    archive_id: str
    part_id: str
    title: str
    start: dt.date
    end: dt.date
    meetings: tuple[ArchiveMeeting, ...]
    changes: tuple[Change, ...]
    left_out: tuple[str, ...] = field(default=())  # meetings of the period not approved

    @property
    def files(self) -> list[DocumentFile]:
        return [
            file for meeting in self.meetings for record in meeting.records
            for document in record.documents for _, file in document.variants
        ]  # fmt: skip

    @property
    def screened(self) -> bool:
        return any(r.screening is not None for m in self.meetings for r in m.records)

    @property
    def records(self) -> int:
        return sum(len(m.records) for m in self.meetings)


def case_type(case: Case) -> str:
    """moetesakstype: what kind of case the body dealt with."""
    from tr_desk.core.model import CaseKind

    if case.kind in CLOSING_WITHOUT_DECISION or case.kind is CaseKind.BRIEFING:
        return "Orienteringssak"
    if case.kind is CaseKind.DISCUSSION:
        return "Drøftingssak"
    return "Politisk sak"


OUTCOME_STATUS = {Outcome.DEALT_WITH: "Behandlet", Outcome.POSTPONED: "Utsatt",
                  Outcome.WITHDRAWN: "Trukket"}  # fmt: skip


def record_status(case: Case) -> str:
    """moeteregistreringsstatus from the case's outcome («Behandlet» when none was written:
    the minutes were approved)."""
    return OUTCOME_STATUS.get(case.outcome, "Behandlet") if case.outcome else "Behandlet"


def linked(meetings: Sequence[ArchiveMeeting]) -> list[ArchiveMeeting]:
    """Each meeting with the systemIDs of its body's previous and next meeting in the
    package (referanseForrigeMoete, referanseNesteMoete)."""
    from dataclasses import replace

    out = list(meetings)
    by_body: dict[int, list[int]] = {}
    for i, meeting in enumerate(out):
        by_body.setdefault(meeting.body_id, []).append(i)
    for indexes in by_body.values():
        indexes.sort(key=lambda i: out[i].date)
        for before, after in itertools.pairwise(indexes):
            out[before] = replace(out[before], next=out[after].system_id)
            out[after] = replace(out[after], previous=out[before].system_id)
    return out


def approval_changes(meeting: Meeting, folder: str, by: str) -> list[Change]:
    """The minutes' way to approval as changes of the folder's status: held → approved, and
    when they were reopened, approved → reopened → approved again."""
    field_name = "moeteregistreringsstatus"
    # Minutes imported as approved may not say when: the day of their «Dato», or the meeting's.
    approved = meeting.approved_on or meeting.minutes_date or meeting.date
    reopened = meeting.reopened_on
    if reopened is not None and reopened <= approved:
        return [
            Change(folder, field_name, midnight(reopened), by, "Godkjent", "Gjenåpnet"),
            Change(folder, field_name, midnight(approved), by, "Gjenåpnet", "Godkjent"),
        ]
    return [Change(folder, field_name, midnight(approved), by, "Avholdt", "Godkjent")]


def in_period(meetings: Sequence[Meeting], start: dt.date, end: dt.date) -> tuple[
    list[Meeting], list[Meeting]
]:  # fmt: skip
    """The period's meetings that go into the package (approved) and those left out (held or
    planned, not approved yet); cancelled meetings are neither."""
    inside = [m for m in meetings if start <= m.date <= end]
    kept = [m for m in inside if m.status is MeetingStatus.APPROVED]
    left = [m for m in inside if m.status not in (MeetingStatus.APPROVED, MeetingStatus.CANCELLED)]
    return sorted(kept, key=lambda m: m.date), sorted(left, key=lambda m: m.date)
