"""«Eksporter til arkiv»: the approved meetings of a period as a Noark 5 extraction package
for the archive (IKA, the host municipality): ``arkivuttrekk.xml``, ``arkivstruktur.xml``,
``endringslogg.xml``, the schemas, and ``DOKUMENT/`` with the PDF/A files.

Each meeting is a ``moetemappe``; its notice and its minutes are records of their own, and
each case is one with its særutskrift and its PDF/A attachments. An exempt case's record and
documents are screened (``skjerming``: the legal basis, the title screened) and the public
title is its ``offentligTittel``; the notice and the minutes carry a public variant beside
the archival one. Dates are the data's own (notice, meeting, minutes, approval), never the
export's: the same period gives the same bytes. The package is written beside its place and
moved there whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tr_desk.app.database import Store
from tr_desk.core import archive as n5
from tr_desk.core.context import MeetingContext
from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code
from tr_desk.core.model import AttendanceStatus, Meeting, MeetingStatus, Outcome
from tr_desk.core.notice import number_attachments
from tr_desk.core.public import public_title
from tr_desk.resources import resources_dir

Progress = Callable[[int, int, str], None]  # done, of, what
Variants = list[tuple[str, n5.DocumentFile]]  # (variantformat, file)


@dataclass
class ArchiveResult:
    folder: Path
    meetings: list[str]  # «KF 2022-06-03»
    left_out: list[str]  # meetings of the period not approved, with their status
    files: int
    not_pdfa: list[str] = field(default_factory=list)  # attachments left out: not PDF/A


class ArchiveError(UserError):
    """The export cannot be made (no meeting to export, the folder is not empty)."""


def _safe(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-")


class _Meeting:
    """One approved meeting turned into its moetemappe."""

    def __init__(self, store: Store, meeting: Meeting, domain: str, not_pdfa: list[str]) -> None:
        from tr_desk.app import documents

        self.store, self.documents, self.not_pdfa = store, documents, not_pdfa
        self.context: MeetingContext = store.context(meeting)
        self.meeting = self.context.meeting
        self.domain = domain
        body = self.context.body
        self.key = f"{body.prefix} {self.meeting.date.isoformat()}"
        self.stem = f"DOKUMENT/{body.prefix}-{self.meeting.date.isoformat()}"
        self.system_id = n5.system_id(domain, "moetemappe", self.meeting.uid or self.key)
        manager = self.context.manager
        self.by = manager.name if manager else self.context.organisation.name
        self.officer = self.context.name(self.meeting.case_officer_id) or self.by
        self.unit = self.context.organisation.name
        self.approved = self.meeting.approved_on or self.meeting.minutes_date or self.meeting.date
        self.minutes_day = self.meeting.minutes_date or self.meeting.date
        self.notice_day = self.meeting.notice_date or self.meeting.date
        self.numbered = number_attachments(self.meeting.cases)

    def case_id(self, label: str) -> str:
        return n5.system_id(self.domain, "moeteregistrering", label)

    def _file(self, name: str, data: bytes, claim: tuple[int, str] = (2, "U")) -> n5.DocumentFile:
        """A file in DOKUMENT/; ``claim``: its PDF/A part and level (TR Desk's own: 2u)."""
        return n5.DocumentFile(f"{self.stem}-{name}.pdf", data, *claim)

    def _document(
        self, key: str, kind: str, title: str, day: dt.date, variants: Variants,
        number: int = 1, role: str = n5.MAIN, screening: n5.Screening | None = None,
    ) -> n5.ArchiveDocument:  # fmt: skip
        return n5.ArchiveDocument(
            n5.system_id(self.domain, "dokument", self.meeting.uid or self.key, key), kind,
            title, number, n5.midnight(day), self.by, tuple(variants), role, screening,
        )  # fmt: skip

    def _notice(self) -> bytes:
        """The notice as it went out (its stored file) when that is PDF/A-2u as TR Desk writes
        it now, else typeset from the data (which says the same)."""
        from tr_desk.documents.pdfa import pdfa_claim

        for revision in reversed(self.store.minutes.revisions(self.meeting.id or 0)):
            try:
                data = (self.store.notices_dir / str(revision["file"])).read_bytes()
            except OSError:
                continue
            if pdfa_claim(data) == (2, "U"):
                return data
        return self.documents.notice_pdf(self.store, self.meeting)

    def _papers(
        self, kind: str, full: bytes, public: bytes | None
    ) -> list[tuple[str, n5.DocumentFile]]:
        """The archival file, and the public variant beside it when there is one."""
        out = [(n5.ARCHIVAL, self._file(kind, full))]
        if public is not None:
            out.append((n5.PUBLIC, self._file(f"{kind}-offentlig", public)))
        return out

    def records(self, labels: set[str]) -> list[n5.ArchiveRecord]:
        """The notice, every case, the minutes. With exempt cases the notice and the minutes
        are partly screened (on the cases' legal bases) and carry their public variant."""
        docs, store, meeting = self.documents, self.store, self.meeting
        bases = sorted({c.exempt.basis.strip() for c in meeting.cases if c.exempt is not None})
        partly = n5.Screening("; ".join(bases), fields=("dokument",), document="Delvis")
        screening = partly if bases else None
        body, day = self.context.body.name, f"{meeting.date:%d.%m.%Y}"
        notice = self._papers(
            "innkalling",
            self._notice(),
            docs.notice_pdf(store, meeting, public=True) if bases else None,
        )
        minutes = self._papers(
            "protokoll",
            docs.minutes_pdf(store, meeting),
            docs.minutes_pdf(store, meeting, public=True) if bases else None,
        )
        minutes_title = f"{self.context.body.minutes_title.capitalize()} {body} {day}"
        out = [
            self._record(
                f"{self.key} innkalling",
                f"Innkalling {body} {day}",
                "Møteinnkalling",
                self.notice_day,
                [
                    self._document(
                        "innkalling",
                        "Møteinnkalling",
                        f"Innkalling {body} {day}",
                        self.notice_day,
                        notice,
                        screening=screening,
                    )
                ],
            )
        ]
        out += [self._case(index, labels) for index in range(len(meeting.cases))]
        out.append(
            self._record(
                f"{self.key} protokoll",
                minutes_title,
                "Møteprotokoll",
                self.minutes_day,
                [
                    self._document(
                        "protokoll",
                        "Møteprotokoll",
                        minutes_title,
                        self.minutes_day,
                        minutes,
                        screening=screening,
                    )
                ],
            )
        )
        return out  # fmt: skip

    def _record(
        self, record_id: str, title: str, kind: str, day: dt.date,
        documents: list[n5.ArchiveDocument],
    ) -> n5.ArchiveRecord:  # fmt: skip
        """A record created with the notice and archived on ``day`` (its document's date)."""
        return n5.ArchiveRecord(
            system_id=self.case_id(record_id), record_id=record_id, title=title, kind=kind,
            created=n5.midnight(self.notice_day), archived=n5.midnight(max(day, self.notice_day)),
            by=self.by, unit=self.unit, officer=self.officer, documents=tuple(documents),
        )  # fmt: skip

    def _case(self, index: int, labels: set[str]) -> n5.ArchiveRecord:
        from tr_desk.core.minutes import extract_content
        from tr_desk.documents.minutes import render_extract
        from tr_desk.documents.pdfa import EMBEDDABLE_PARTS, pdfa_claim

        case = self.meeting.cases[index]
        label = self.context.label(index) or f"{self.key} sak {index + 1}"
        screening = n5.Screening(case.exempt.basis) if case.exempt is not None else None
        documents: list[n5.ArchiveDocument] = []
        if case.outcome is not Outcome.WITHDRAWN and case.resolution.strip():
            extract = render_extract(extract_content(self.context, index, self.approved))
            file = self._file(f"{_safe(label)}-saerutskrift", extract)
            documents.append(self._document(
                f"sak/{label}/saerutskrift", "Særutskrift", f"Særutskrift {label}",
                self.approved, [(n5.ARCHIVAL, file)], screening=screening,
            ))  # fmt: skip
        for attachment in self.numbered[index]:  # «Vedlegg N» as the notice numbers them
            if not attachment.file:
                continue
            named = f"{label} Vedlegg {attachment.number} «{attachment.title}»"
            try:
                data = self.store.files.read_attachment(attachment.file)
            except (OSError, UserError):
                self.not_pdfa.append(f"{named} (filen mangler)")
                continue
            claim = pdfa_claim(data)
            if claim is None or claim[0] not in EMBEDDABLE_PARTS:
                self.not_pdfa.append(named)
                continue
            file = self._file(f"{_safe(label)}-vedlegg-{attachment.number}", data, claim)
            documents.append(self._document(
                f"sak/{label}/vedlegg/{attachment.number}", "Vedlegg",
                f"Vedlegg {attachment.number}: {attachment.title}", self.notice_day,
                [(n5.ARCHIVAL, file)], number=len(documents) + 1, role=n5.ATTACHMENT,
                screening=screening,
            ))  # fmt: skip
        refers = tuple(self.case_id(ref) for ref in (case.follows, case.postponed_from)
                       if ref and ref in labels)  # fmt: skip
        record = self._record(label, case.title, "Saksframlegg", self.minutes_day, documents)
        return dataclasses.replace(
            record, case_type=n5.case_type(case), status=n5.record_status(case),
            screening=screening, public_title=public_title(case) if screening else "",
            refers_to=refers,
        )  # fmt: skip

    def participants(self) -> tuple[tuple[str, str], ...]:
        out = []
        chair = self.context.chair
        for line in self.meeting.attendance:
            if line.status is AttendanceStatus.ABSENT:
                continue
            name = self.context.name(line.person_id) if line.person_id else line.guest_name
            if not name:
                continue
            if line.person_id is not None and line.person_id == chair:
                function = "Møteleder"
            elif line.substitute_for is not None:
                function = "Varamedlem"
            elif line.person_id in self.context.members:
                function = "Medlem"
            else:
                function = line.role.strip().capitalize() or "Møtende"
            out.append((name, function))
        return tuple(out)


def last_approved_year(store: Store) -> int:
    """The year of the newest approved meeting (the period offered first), else last year."""
    years = [m.date.year for m in store.meetings.headers() if m.status is MeetingStatus.APPROVED]
    return max(years, default=store.clock.today().year - 1)


def export_archive(
    store: Store, start: dt.date, end: dt.date, target: Path, progress: Progress | None = None
) -> ArchiveResult:
    """Write the package of the approved meetings from ``start`` to ``end`` into ``target``
    (a new or empty folder). Raises ArchiveError when there is nothing to export or the
    folder holds files."""
    if end < start:
        raise ArchiveError.of(Code.ARCHIVE_PERIOD_BACKWARDS, start=start, end=end)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ArchiveError.of(Code.ARCHIVE_FOLDER_NOT_EMPTY, path=target)
    kept, left = n5.in_period(store.meetings.headers(), start, end)
    if not kept:
        raise ArchiveError.of(Code.ARCHIVE_NOTHING_APPROVED, start=start, end=end)
    organisation = store.context(kept[0].id or 0).organisation
    domain = organisation.domain
    not_pdfa: list[str] = []
    built = [_Meeting(store, store.meetings.meeting(m.id or 0), domain, not_pdfa) for m in kept]
    labels = {built_meeting.context.label(i) for built_meeting in built
              for i in range(len(built_meeting.meeting.cases))}  # fmt: skip
    folders: list[n5.ArchiveMeeting] = []
    changes: list[n5.Change] = []
    for done, item in enumerate(built):
        if progress is not None:
            progress(done, len(built), item.key)
        folders.append(_folder(store, item, labels))
        changes += n5.approval_changes(item.meeting, item.system_id, item.by)
    folders = n5.linked(folders)
    extraction = n5.Extraction(
        organisation=organisation.name, system="TR Desk",
        archive_id=n5.system_id(domain, "arkiv"),
        part_id=n5.system_id(domain, "arkivdel", start.isoformat(), end.isoformat()),
        title=f"Møter i {organisation.name}", start=start, end=end, meetings=tuple(folders),
        changes=tuple(changes),
        left_out=tuple(f"{_key(store, m)} ({m.status.value})" for m in left),
    )  # fmt: skip
    _write(extraction, target)
    if progress is not None:
        progress(len(built), len(built), "")
    return ArchiveResult(target, [b.key for b in built], list(extraction.left_out),
                         len(extraction.files), not_pdfa)  # fmt: skip


def _key(store: Store, meeting: Meeting) -> str:
    return f"{store.register.body(meeting.body_id).prefix} {meeting.date.isoformat()}"


def _folder(store: Store, item: _Meeting, labels: set[str]) -> n5.ArchiveMeeting:
    meeting, body = item.meeting, item.context.body
    same_year = [m for m in store.meetings.headers(body_id=meeting.body_id, year=meeting.date.year)
                 if m.status is not MeetingStatus.CANCELLED]  # fmt: skip
    ordinal = 1 + sum(1 for m in same_year if m.date < meeting.date)
    return n5.ArchiveMeeting(
        system_id=item.system_id, folder_id=item.key,
        title=f"{body.name} {meeting.date:%d.%m.%Y}", created=n5.midnight(item.notice_day),
        closed=n5.midnight(item.approved), by=item.by,
        number=f"{ordinal}/{meeting.date.year}", body=body.name, date=meeting.date,
        place=meeting.place, participants=item.participants(), records=tuple(item.records(labels)),
        body_id=meeting.body_id,
    )  # fmt: skip


def _write(extraction: n5.Extraction, target: Path) -> None:
    """The package in a folder beside ``target``, moved into place when whole."""
    from tr_desk.documents import noark as writer

    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "DOKUMENT").mkdir(parents=True)
    try:
        for file in extraction.files:
            (partial / file.name).write_bytes(file.data)
        xml = {"arkivstruktur.xml": writer.arkivstruktur(extraction),
               "endringslogg.xml": writer.endringslogg(extraction)}  # fmt: skip
        for name in writer.SCHEMAS:
            xml[name] = (resources_dir() / "noark5" / name).read_bytes()
        for name, data in xml.items():
            (partial / name).write_bytes(data)
        checksums = {name: hashlib.sha256(data).hexdigest() for name, data in xml.items()}
        counts = {
            "mappe": len(extraction.meetings), "registrering": extraction.records,
            "endring": len(extraction.changes), "dokumentfiler": len(extraction.files),
        }  # fmt: skip
        (partial / "arkivuttrekk.xml").write_bytes(
            writer.arkivuttrekk(extraction, checksums, counts)
        )
        if target.exists():
            target.rmdir()  # empty, as checked
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
