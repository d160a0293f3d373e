"""Meeting files (DESIGN.md §6) read into the database: the file checked and its named PDFs
read before anything is written, and the demo (the seeds' meetings of 2022 with their
attachments). The command line's `load` and `demo` and the tests use it."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.errors import UserError
from tr_desk.core.formats import shown
from tr_desk.core.messages import Code
from tr_desk.inputs import read_bounded

if TYPE_CHECKING:
    from tr_desk.core.model import Meeting
    from tr_desk.storage.store import Store


def refused(path: Path, reason: str) -> UserError:
    """A meeting file that cannot be read, and why (the reading's words are English)."""
    return UserError.of(Code.FILE_UNREADABLE, name=path.name, reason=reason, path=path)


def read_json_file(path: Path) -> object:
    """The parsed meeting file: a regular file of at most 20 MB, strict JSON, sane shape."""
    from tr_desk.core.json_file import MAX_FILE_BYTES, MeetingFileError, parse_meeting_json

    data = read_bounded(path, MAX_FILE_BYTES)
    try:
        return parse_meeting_json(data)
    except MeetingFileError as exc:
        raise refused(path, str(exc)) from None


def load_file(store: Store, path: Path) -> tuple[int, bool, list[str]]:
    """Load a meeting file: its named PDFs and the attachments known only by their text
    (``text``, as the import gives them) stored with it."""
    from tr_desk.app.importing import with_text_files
    from tr_desk.core.meeting_file import MeetingFileError, read_meeting_file

    data = read_json_file(path)
    made: dict[str, bytes] = {}
    try:
        # attachments known by their text only
        data, made = with_text_files(data, store.settings.organisation().name)
        loaded = read_meeting_file(data, store.register.bodies(), store.register.people())
    except MeetingFileError as exc:
        raise refused(path, str(exc)) from None
    warnings = list(loaded.warnings)
    # Every named file read and checked before anything is written; the files new to the
    # database are written just before the meeting and taken away again if it fails.
    loaded.meeting, new_files = import_named_files(store, loaded.meeting, path.parent, warnings)
    new_files.update(made)
    written: list[str] = []
    try:
        for name, data in new_files.items():
            if not store.files.has_attachment(name):
                written.append(name)
            store.files.store_attachment(data)
        meeting_id, created = store.meetings.save_loaded(loaded)
    except BaseException:
        for name in written:
            with contextlib.suppress(Exception):
                store.files.forget_attachment(name)
        raise
    return meeting_id, created, warnings


def import_named_files(
    store: Store, meeting: Meeting, folder: Path, warnings: list[str]
) -> tuple[Meeting, dict[str, bytes]]:
    """Resolve each attachment's ``file``: a stored hash name stays; a relative path to a PDF
    in the meeting file's folder is read and checked (nothing outside that folder is read).
    Returns the meeting with the names the files will be kept under, and those files' bytes
    by name (not written yet)."""
    from dataclasses import replace

    from tr_desk.storage.files import read_pdf_file

    new_files: dict[str, bytes] = {}

    root = folder.resolve()
    cases = []
    for i, case in enumerate(meeting.cases):
        attachments = []
        for j, attachment in enumerate(case.attachments):
            attachments.append(attachment)
            name = attachment.file
            key = f"cases[{i}].attachments[{j}].file"
            if not name:
                continue
            stored = store.files.attachment_path(name)
            if stored is not None:
                if not stored.is_file():
                    warnings.append(f"{key}: {name} is not in this database's attachments")
                continue
            if Path(name).is_absolute() or ".." in Path(name).parts or "\\" in name or ":" in name:
                raise UserError.of(Code.MUST_PDF_MEETING_FILE_S, key=key, name=shown(name))
            source = (root / name).resolve()
            if not source.is_relative_to(root):
                raise UserError.of(Code.LEADS_OUTSIDE_MEETING_FILE_S, key=key, name=shown(name))
            try:
                data = read_pdf_file(source)
                stored_name = store.files.attachment_name(data, source.name)
            except UserError as exc:
                raise UserError.of(
                    Code.WRITE_REFUSED, key=key, exc=exc, english=exc.english
                ) from None
            new_files[stored_name] = data
            attachments[-1] = replace(attachment, file=stored_name)
        cases.append(replace(case, attachments=attachments))
    return replace(meeting, cases=cases), new_files


# The demo's own «today»: the notice of Kommunedirektørforum 02.12.2022 has just gone out and
# the meeting is a week away, the September minutes wait for approval, the plan is 2022's.
DEMO_DAY = dt.date(2022, 11, 25)


def load_demo(store: Store) -> list[tuple[str, bool, list[str]]]:
    """Load the demo meetings (the seeds' meetings of 2022) with their attachments; for each
    file its name, whether it made a new meeting, and its warnings."""
    from tr_desk.storage.glance import meeting_dates
    from tr_desk.storage.paths import resources_dir

    first = not meeting_dates(store)
    loaded = []
    for path in sorted((resources_dir() / "demo").glob("*.json")):
        _, created, warnings = load_file(store, path)
        loaded.append((path.name, created, warnings))
    attach_demo_files(store, resources_dir() / "demo" / "vedlegg")
    if first:  # a database of the demo alone: the window shows it on its own day
        store.settings.set_demo_day(DEMO_DAY)
    return loaded


def attach_demo_files(store: Store, folder: Path) -> None:
    """Give the demo's attachments real PDFs, typeset from the texts in the seeds."""
    from dataclasses import replace

    from tr_desk.documents.page import render_document

    for item in json.loads((folder / "index.json").read_text(encoding="utf-8")):
        meeting = _meeting(store, item["meeting"])
        text = (folder / item["source"]).read_text(encoding="utf-8")
        pdf = render_document(text, store.settings.organisation().name)
        name = store.files.store_attachment(pdf, item["source"])
        for case in meeting.cases:
            attachments = [
                replace(a, file=name) if a.title == item["attachment"] else a
                for a in case.attachments
            ]
            if attachments != list(case.attachments):
                store.agenda.update_case(replace(case, attachments=attachments))


def _meeting(store: Store, key: str) -> Meeting:
    """The meeting «KF 2022-09-16» of the demo."""
    from tr_desk.core.meeting_file import meeting_key

    prefix, day = meeting_key(key)
    body = store.register.body_by_prefix(prefix)
    found = store.meetings.meeting_id(body.id, day) if body and body.id is not None else None
    if found is None:
        raise UserError.of(Code.NO_MEETING, key=key)
    return store.meetings.meeting(found)
