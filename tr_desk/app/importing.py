"""Importing old documents into the database: read every file, recognise its documents, merge
what belongs to one meeting, and write it all in one transaction — or, dry, say what would be.

The reading is in ``documents.readers`` and ``core.importing``; this is where they meet the
store. A meeting already in the database is filled in only where it is empty (differences are
said); a file imported before (the same content) changes nothing; each original is kept by its
hash in ``kilder/`` beside the database and linked from the meetings it made.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.errors import UserError
from tr_desk.core.formats import decoded, file_name
from tr_desk.core.importing import (
    ReadResult,
    Register,
    Said,
    merge_all,
    merge_files,
    read_documents,
    renamed,
)
from tr_desk.core.meeting_data import MeetingData
from tr_desk.core.messages import Code
from tr_desk.core.model import Body, Person, Role
from tr_desk.documents.readers import MAX_BYTES, SUFFIXES, read_file
from tr_desk.inputs import read_bounded, write_whole
from tr_desk.storage.files import Files
from tr_desk.storage.paths import SOURCE_FOLDER
from tr_desk.storage.sources import (
    add_source,
    forget_source,
    forget_sources_of,
    link_source,
    unlink_source,
)
from tr_desk.storage.sources import (
    known_sources as known_sources,  # the window's import preview asks it
)
from tr_desk.storage.store import Store


@dataclass
class FileReport:
    path: Path
    digest: str = ""
    documents: list[ReadResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the file, not one document
    error: str = ""  # could not be read (English for the command line in ``error_en``)
    error_en: str = ""
    already: bool = False  # imported before: nothing to do

    @property
    def files(self) -> list[MeetingData]:
        return [f for d in self.documents for f in d.files]


@dataclass(frozen=True)
class Choices:
    """What the user decided in the preview: documents left out (file index, document index),
    written names that are a registered person, and written names to add as new people."""

    left_out: frozenset[tuple[int, int]] = frozenset()
    same_as: Mapping[str, str] = field(default_factory=dict)
    new_people: Sequence[str] = ()


class Action(StrEnum):
    """What the import does with a meeting."""

    CREATED = "created"  # made
    UPDATED = "updated"  # filled in where it was empty
    UNCHANGED = "unchanged"  # already as the documents say


@dataclass
class Outcome:
    """One meeting of the import: made, filled in, or already as the documents say."""

    body: str
    date: str
    action: Action
    file: MeetingData
    differences: list[str] = field(default_factory=list)
    before: MeetingData | None = None  # the meeting as the database had it (for undo)


@dataclass(frozen=True)
class HeldBack:
    """A document that is not written, and why: it could not be placed (no body, no date),
    or what it says cannot be a meeting (a case of another year, two cases with one
    number …). The rest of the import goes on without it."""

    file: int  # index in ``ImportReport.files``
    document: int  # index in that file's documents
    title: str
    reason: Said

    def said(self, name: str) -> Said:
        return Said.coded(
            Code.HELD_BACK,
            name=name,
            title=self.title,
            reason=self.reason,
            english=self.reason.english,
        )


@dataclass
class ImportReport:
    files: list[FileReport]
    meetings: list[Outcome]
    warnings: list[str]
    choices: Choices = field(default_factory=Choices)
    held_back: list[HeldBack] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(f.error for f in self.files)

    def included(self, index: int) -> list[ReadResult]:
        """The documents of file ``index`` that the import takes (not left out by the user,
        not held back)."""
        skipped = self.choices.left_out | {(h.file, h.document) for h in self.held_back}
        return [d for j, d in enumerate(self.files[index].documents) if (index, j) not in skipped]

    def held(self, index: int, document: int) -> HeldBack | None:
        return next((h for h in self.held_back if (h.file, h.document) == (index, document)), None)

    def counts(self) -> dict[Action, int]:
        out = dict.fromkeys(Action, 0)
        for outcome in self.meetings:
            out[outcome.action] += 1
        return out


@dataclass
class Written:
    """What an import wrote, so that it can be undone: meetings made and the files the
    meetings it filled in had before, source files and links, people and spellings added."""

    said: list[str] = field(default_factory=list)
    created: list[int] = field(default_factory=list)
    updated: dict[int, MeetingData] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    aliases: dict[int, tuple[str, ...]] = field(default_factory=dict)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the documents in folders given (in name order): regular files
    inside the folder only, never a link out of it (to /etc/passwd, /proc/self/environ)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            out += sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and not p.name.startswith("~$")
                and not p.is_symlink() and p.is_file() and p.resolve().is_relative_to(root)
            )  # fmt: skip
        else:
            out.append(path)
    return out


def register_for(store: Store, day: dt.date | None = None) -> Register:
    """The register as the import reads names and roles: members and the secretariat (the
    copy list and the daglig leder) of each body."""
    bodies, people = store.register.bodies(), store.register.people()
    names = {p.id: p.name for p in people}
    day = day or store.clock.today()
    manager = store.settings.setting("daglig_leder_id")
    members, copies = {}, {}
    for body in bodies:
        assert body.id is not None
        seats = store.register.memberships(body_id=body.id)
        ever = {names.get(m.person_id, "") for m in seats if m.role in MEMBER_ROLES}
        copy = {names.get(m.person_id, "") for m in seats if m.role is Role.COPY}
        if manager and manager.isdecimal():
            copy.add(names.get(int(manager), ""))
        members[body.id], copies[body.id] = ever, copy
    return Register(bodies, people, members, copies, store.settings.letterhead().name)


def read_files(store: Store, paths: Sequence[Path]) -> list[FileReport]:
    """Each file read and recognised; nothing written."""
    register, known = register_for(store), known_sources(store)
    return [read_one(path, register, known) for path in expand(paths)]


def read_one(path: Path, register: Register, known: frozenset[str] = frozenset()) -> FileReport:
    """One file read and recognised (also in the window's worker process: no store here)."""
    report = FileReport(path)
    try:
        report.digest = hashlib.sha256(read_bounded(path, MAX_BYTES)).hexdigest()
        if report.digest in known:
            report.already = True
            return report
        content = read_file(path)
        report.documents, report.warnings = read_documents(
            content.lines, register, wrapped=content.wrapped
        )
    except UserError as exc:
        report.error, report.error_en = decoded(str(exc)), decoded(exc.english)
        return report
    except OSError as exc:
        report.error = f"Kunne ikke lese «{file_name(path)}»: {exc.strerror}."
        report.error_en = f"cannot read {file_name(path)}: {exc.strerror}"
        return report
    except (RecursionError, MemoryError) as exc:
        report.error = f"«{file_name(path)}» er for sammensatt til å leses."
        report.error_en = f"{file_name(path)}: too complex to read ({type(exc).__name__})"
        return report
    except Exception as exc:  # a file nothing here foresaw: said, and the others go on
        reason = f"{type(exc).__name__}: {exc}"[:160]
        report.error = f"«{file_name(path)}» kunne ikke leses ({reason})."
        report.error_en = f"{file_name(path)}: could not be read ({reason})"
        return report
    if not report.documents and not report.warnings:
        report.warnings.append(Said.coded(Code.NO_MEETINGS_FOUND_FILE))
    return report


def read_for_window(request: tuple[str, Register, frozenset[str]]) -> FileReport:
    """The worker process's entry (``documents.worker``): one file for the window's preview."""
    path, register, known = request
    return read_one(Path(path), register, known)


def plan(
    store: Store, reports: Sequence[FileReport], choices: Choices | None = None
) -> ImportReport:
    """What the import would do: the documents' meetings merged with each other and with what
    the database has (only empty fields filled); names as the user matched them."""
    from tr_desk.core.meeting_json import meeting_to_json

    choices = choices or Choices()
    report = ImportReport(list(reports), [], [], choices)
    refused = functools.partial(
        _refused,
        store.register.bodies(), store.register.people(), store.settings.organisation().name,
    )  # fmt: skip

    # Each document judged on its own: one that cannot be placed or cannot be a meeting is
    # held back with its reason; the others go on.
    for i, file_report in enumerate(reports):
        for j, document in enumerate(file_report.documents):
            if (i, j) in choices.left_out:
                continue
            reason: Said | None = None
            if document.held_back:
                reason = Said.of(document.held_back)
            else:
                for made in document.files:
                    problem = refused(renamed(made, choices.same_as))
                    if problem:
                        reason = Said.coded(
                            Code.MEETING_DOCUMENTS_REFUSED,
                            made=made["body"],
                            made2=made["date"],
                            problem=problem,
                        )
                        break
            if reason is not None:
                report.held_back.append(HeldBack(i, j, document.title, reason))
    documents = [d for i in range(len(reports)) for d in report.included(i)]
    files, report.warnings = merge_all(
        renamed(f, choices.same_as) for d in documents for f in d.files
    )

    def hold_meeting(file: MeetingData, problem: str) -> None:
        """Documents sound alone but not together (or not with what the database has): all
        of the meeting's wait, with the reason."""
        key = (file["body"], file["date"])
        for i, file_report in enumerate(reports):
            for j, document in enumerate(file_report.documents):
                if (i, j) in choices.left_out or report.held(i, j):
                    continue
                if any((f["body"], f["date"]) == key for f in document.files):
                    reason = Said.coded(
                        Code.DOCUMENTS_MEETING_DO_NOT_AGREE,
                        key=key[0],
                        key2=key[1],
                        problem=problem,
                    )
                    report.held_back.append(HeldBack(i, j, document.title, reason))

    for file in files:
        problem = refused(file)
        if problem:
            hold_meeting(file, problem)
            continue
        body = store.register.body_by_prefix(file["body"])
        assert body is not None and body.id is not None
        existing_id = store.meetings.meeting_id(body.id, dt.date.fromisoformat(file["date"]))
        if existing_id is None:
            report.meetings.append(Outcome(file["body"], file["date"], Action.CREATED, file))
            continue
        existing = meeting_to_json(store.context(store.meetings.meeting(existing_id)))
        merged, differences = merge_files(existing, file)
        problem = refused(merged)
        if problem:
            hold_meeting(file, problem)
            continue
        action = Action.UNCHANGED if _same(merged, existing) else Action.UPDATED
        report.meetings.append(
            Outcome(file["body"], file["date"], action, merged, differences, existing)
        )
    return report


def with_text_files(file: Any, author: str) -> tuple[Any, dict[str, bytes]]:
    """The meeting file with each attachment known only by its text (printed after the
    notice's signature) given a file: a PDF typeset from the text (``author``, the
    organisation, in its metadata), named by its hash as any stored attachment (the same
    text, the same name, dry run or not); and those PDFs."""
    import copy

    def attachments(file: Any) -> list[dict[str, Any]]:  # only what has the right shape
        cases = file.get("cases") if isinstance(file, dict) else None
        out = []
        for case in cases if isinstance(cases, list) else []:
            listed = case.get("attachments") if isinstance(case, dict) else None
            out += [a for a in listed if isinstance(a, dict)] if isinstance(listed, list) else []
        return out

    if not any("text" in a for a in attachments(file)):
        return file, {}
    out, made = copy.deepcopy(file), {}
    for attachment in attachments(out):
        text = attachment.pop("text", None)
        if isinstance(text, str) and text.strip() and not attachment.get("file"):
            pdf = _text_pdf(str(attachment.get("title", "")), text, author)
            name = Files.attachment_name(pdf, str(attachment.get("title", "")))
            attachment["file"] = name
            made[name] = pdf
    return out, made


def _refused(
    bodies: list[Body], people: list[Person], author: str, file: MeetingData
) -> str | None:
    """What the write would refuse in ``file`` (the same reading as the write's)."""
    from tr_desk.core.meeting_file import MeetingFileError, read_meeting_file

    try:
        read_meeting_file(with_text_files(file, author)[0], bodies, people)
    except MeetingFileError as exc:
        return str(exc)
    return None


@functools.lru_cache(maxsize=32)
def _text_pdf(title: str, text: str, author: str) -> bytes:
    from tr_desk.documents.page import render_document

    return render_document(f"# {title}\n\n{text}", author)


def _same(a: MeetingData, b: MeetingData) -> bool:
    import json

    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def write(store: Store, report: ImportReport) -> Written:
    """Write the planned meetings, the people the user added and the spellings matched, and
    keep the originals, in one transaction; returns what was written (for undo) and what the
    meeting files' reading said (names not in the register and the like)."""
    done = Written()
    folder = store.path.parent / SOURCE_FOLDER
    kept: list[Path] = []  # originals copied now: taken away again when the write fails
    try:
        _write(store, report, done, folder, kept)
    except BaseException:
        for path in kept:
            path.unlink(missing_ok=True)
        raise
    store.meetings.refresh_drafts()  # the next draft's numbers follow the imported ones
    return done


def _keep_source(file: FileReport, target: Path) -> None:
    """Keep the original in ``kilder/`` under its hash: the bytes read again (bounded) and
    checked to be the ones that were read for the import."""
    data = read_bounded(file.path, MAX_BYTES)
    if hashlib.sha256(data).hexdigest() != file.digest:
        raise UserError.of(Code.CHANGED_DURING_IMPORT_TRY_AGAIN, path=file_name(file.path))
    write_whole(target, data, "Kunne ikke ta vare på originalen", "cannot keep the original")


def _write(
    store: Store, report: ImportReport, done: Written, folder: Path, kept: list[Path]
) -> None:
    from tr_desk.core.meeting_file import MeetingFileError, read_meeting_file

    with store.transaction() as db:
        _add_people(store, report.choices, done)
        meeting_ids: dict[tuple[str, str], int] = {}
        bodies, people = store.register.bodies(), store.register.people()
        for outcome in report.meetings:
            if outcome.action is Action.UNCHANGED:
                continue
            try:
                written, made = with_text_files(outcome.file, store.settings.organisation().name)
                loaded = read_meeting_file(written, bodies, people)
            except MeetingFileError as exc:
                raise UserError.of(
                    Code.MEETING_REFUSED, body=outcome.body, date=outcome.date, exc=exc
                ) from None
            for name, pdf in made.items():  # attachments made from the text after a signature
                if not store.files.has_attachment(name):
                    store.files.store_attachment(pdf, name)
                    path = store.files.attachment_path(name)
                    if path is not None:
                        kept.append(path)
            done.said += [f"{outcome.body} {outcome.date}: {w}" for w in loaded.warnings]
            meeting_id, created = store.meetings.save_loaded(loaded)
            meeting_ids[(outcome.body, outcome.date)] = meeting_id
            if created:
                done.created.append(meeting_id)
                # a redo makes the same meeting: the same event in the calendar
                outcome.file.setdefault("uid", store.meetings.meeting_header(meeting_id).uid)
            else:
                assert outcome.before is not None
                done.updated[meeting_id] = outcome.before
        known = set(known_sources(store))
        now = store.clock.now().isoformat(timespec="seconds")
        for index, file in enumerate(report.files):
            if file.error or file.already or not file.digest:
                continue
            target = folder / (file.digest + file.path.suffix.lower())
            if not target.is_file():
                _keep_source(file, target)
                kept.append(target)
            if file.digest not in known:  # the same file twice in one import: one source
                known.add(file.digest)
                done.sources.append(file.digest)
                add_source(db, file.digest, file_name(file.path), target.name, now)
            keys = {(f["body"], f["date"]) for d in report.included(index) for f in d.files}
            for key in sorted(keys & meeting_ids.keys()):
                link = (meeting_ids[key], file.digest)
                if link_source(store, db, *link):
                    done.links.append(link)


def _add_people(store: Store, choices: Choices, done: Written) -> None:
    """The people the user chose to add, and each matched spelling as the person's variant."""
    from tr_desk.core.names import NameIndex

    index = NameIndex(store.register.people())
    for name in choices.new_people:
        if index.find(name) is None:
            done.people.append(store.register.add_person(Person(None, name)))
    by_name = {p.name: p for p in store.register.people()}
    for written, name in choices.same_as.items():
        person = by_name.get(name)
        if person is None or person.id is None or written in (person.name, *person.aliases):
            continue
        done.aliases.setdefault(person.id, tuple(person.aliases))
        person = replace(person, aliases=(*person.aliases, written))
        store.register.update_person(person)
        by_name[name] = person


def undo(store: Store, done: Written) -> None:
    """Take an import back, in one transaction: the meetings it made go, the ones it filled in
    are as they were, and so are the register and the list of imported files."""
    from tr_desk.core.meeting_file import read_meeting_file

    with store.transaction() as db:
        for meeting_id, hash_ in done.links:
            unlink_source(db, meeting_id, hash_)
        for meeting_id in done.created:
            forget_sources_of(db, meeting_id)
            store.meetings.delete_in(db, meeting_id)
        for before in done.updated.values():
            loaded = read_meeting_file(before, store.register.bodies(), store.register.people())
            store.meetings.save_loaded(loaded)
        for hash_ in done.sources:
            forget_source(db, hash_)
        for person_id, aliases in done.aliases.items():
            person = store.register.person(person_id)
            if person is not None:
                store.register.update_person(replace(person, aliases=aliases))
        for person_id in done.people:
            store.register.delete_person(person_id)
    store.meetings.refresh_drafts()
