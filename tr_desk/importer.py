"""Importing old documents into the database: read every file, recognise its documents, merge
what belongs to one meeting, and write it all in one transaction — or, dry, say what would be.

The reading is in ``documents.readers`` and ``core.importing``; this is where they meet the
store. A meeting already in the database is filled in only where it is empty (differences are
said); a file imported before (the same content) changes nothing; each original is kept by its
hash in ``kilder/`` beside the database and linked from the meetings it made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tr_desk.core.context import MEMBER_ROLES
from tr_desk.core.errors import UserError
from tr_desk.core.importing import Register, merge_all, merge_files, read_lines
from tr_desk.core.model import Role
from tr_desk.documents.readers import SUFFIXES, read_file
from tr_desk.storage.store import Store


@dataclass
class FileReport:
    path: Path
    digest: str = ""
    files: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # could not be read (English for the command line in ``error_en``)
    error_en: str = ""
    already: bool = False  # imported before: nothing to do


@dataclass
class Outcome:
    """One meeting of the import: made, filled in, or already as the documents say."""

    body: str
    date: str
    action: str  # "created" | "updated" | "unchanged"
    file: dict[str, Any]
    differences: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    files: list[FileReport]
    meetings: list[Outcome]
    warnings: list[str]

    @property
    def failed(self) -> bool:
        return any(f.error for f in self.files)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the documents in folders given (in name order)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("~$")
            )  # fmt: skip
        else:
            out.append(path)
    return out


def register_for(store: Store, day: dt.date | None = None) -> Register:
    """The register as the import reads names and roles: members and the secretariat (the
    copy list and the daglig leder) of each body."""
    bodies, people = store.register.bodies(), store.register.people()
    names = {p.id: p.name for p in people}
    day = day or dt.date.today()
    manager = store.settings.setting("daglig_leder_id")
    members, copies = {}, {}
    for body in bodies:
        assert body.id is not None
        seats = store.register.memberships(body_id=body.id)
        ever = {names.get(m.person_id, "") for m in seats if m.role in MEMBER_ROLES}
        copy = {names.get(m.person_id, "") for m in seats if m.role is Role.COPY}
        if manager and manager.isdigit():
            copy.add(names.get(int(manager), ""))
        members[body.id], copies[body.id] = ever, copy
    return Register(bodies, people, members, copies, store.settings.letterhead().name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_files(store: Store, paths: Sequence[Path]) -> list[FileReport]:
    """Each file read and recognised; nothing written."""
    register = register_for(store)
    known = {r["hash"] for r in store.rows("SELECT hash FROM source")}
    reports = []
    for path in expand(paths):
        report = FileReport(path)
        reports.append(report)
        try:
            report.digest = _digest(path)
            if report.digest in known:
                report.already = True
                continue
            content = read_file(path)
        except UserError as exc:
            report.error, report.error_en = str(exc), exc.english
            continue
        except OSError as exc:
            report.error = f"Kunne ikke lese «{path.name}»: {exc.strerror}."
            report.error_en = f"cannot read {path}: {exc.strerror}"
            continue
        report.files, report.warnings = read_lines(content.lines, register, wrapped=content.wrapped)
        if not report.files and not report.warnings:
            report.warnings.append("Fant ingen møter i filen.")
    return reports


def plan(store: Store, reports: Sequence[FileReport]) -> ImportReport:
    """What the import would do: the documents' meetings merged with each other and with what
    the database has (only empty fields filled)."""
    from tr_desk.core.meeting_json import meeting_to_json

    files, warnings = merge_all(f for r in reports for f in r.files)
    outcomes = []
    for file in files:
        body = store.register.body_by_prefix(file["body"])
        assert body is not None and body.id is not None
        existing_id = store.meetings.meeting_id(body.id, dt.date.fromisoformat(file["date"]))
        if existing_id is None:
            outcomes.append(Outcome(file["body"], file["date"], "created", file))
            continue
        existing = meeting_to_json(store.context(store.meetings.meeting(existing_id)))
        merged, differences = merge_files(existing, file)
        action = "unchanged" if _same(merged, existing) else "updated"
        outcomes.append(Outcome(file["body"], file["date"], action, merged, differences))
    return ImportReport(list(reports), outcomes, warnings)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    import json

    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def write(store: Store, report: ImportReport) -> list[str]:
    """Write the planned meetings and keep the originals, in one transaction; returns what the
    meeting files' reading said (names not in the register and the like)."""
    from tr_desk.core.meeting_file import MeetingFileError, read_meeting_file

    said: list[str] = []
    folder = store.path.parent / "kilder"
    with store.transaction() as db:
        meeting_ids: dict[tuple[str, str], int] = {}
        for outcome in report.meetings:
            if outcome.action == "unchanged":
                continue
            try:
                loaded = read_meeting_file(
                    outcome.file, store.register.bodies(), store.register.people()
                )
            except MeetingFileError as exc:
                raise UserError(
                    f"{outcome.body} {outcome.date}: {exc}", f"{outcome.body} {outcome.date}: {exc}"
                ) from None
            said += [f"{outcome.body} {outcome.date}: {w}" for w in loaded.warnings]
            meeting_ids[(outcome.body, outcome.date)], _ = store.meetings.save_loaded(loaded)
        now = dt.datetime.now().isoformat(timespec="seconds")
        for file in report.files:
            if file.error or file.already or not file.digest:
                continue
            target = folder / (file.digest + file.path.suffix.lower())
            if not target.exists():
                folder.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(".partial")
                shutil.copyfile(file.path, partial)
                partial.replace(target)
            db.table("source").upsert(
                {"hash": file.digest, "name": file.path.name, "file": target.name,
                 "imported_at": now}, pk="hash",
            )  # fmt: skip
            for key in {(f["body"], f["date"]) for f in file.files} & meeting_ids.keys():
                db.table("meeting_source").upsert(
                    {"meeting_id": meeting_ids[key], "hash": file.digest}, pk=("meeting_id", "hash")
                )
    return said


def sources(store: Store, meeting_id: int) -> list[tuple[str, Path]]:
    """The original files a meeting was imported from: name as imported, where kept."""
    rows = store.rows(
        """SELECT s.name, s.file FROM meeting_source ms JOIN source s ON s.hash = ms.hash
           WHERE ms.meeting_id = ? ORDER BY s.imported_at""",
        [meeting_id],
    )
    return [(r["name"], store.path.parent / "kilder" / r["file"]) for r in rows]
