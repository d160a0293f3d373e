"""What the commands share: opening the database, naming a meeting, writing an output, and
the one kind of error a command reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.formats import shown
from tr_desk.core.meeting_data import MeetingData

if TYPE_CHECKING:
    import argparse

    from tr_desk.app.database import Store
    from tr_desk.core.model import Meeting


class CliError(Exception):
    """A one-line error for the command line; exit status 1."""


def open_store(args: argparse.Namespace, write: bool) -> Store:
    from tr_desk.app.database import BUSY_TIMEOUT_S, Store, default_database_path

    path = args.db or default_database_path()
    if not write and not Path(path).exists():
        raise CliError(f"no database at {path} (run 'tr-desk --db {path} demo' to make one)")
    # A write waits out the timeout for another TR Desk command that holds the database; a
    # read writes nothing (unless an older schema must be upgraded first, checked before).
    store = Store.open(path, lock=write, lock_wait=BUSY_TIMEOUT_S, check_later=not write)
    if write and store.readonly:
        store.close()
        raise CliError(f"cannot write to {path}: {store.readonly_reason_en}")
    return store


def find_meeting(store: Store, text: str) -> Meeting:
    from tr_desk.core.meeting_file import meeting_key

    try:
        prefix, day = meeting_key(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    body = store.register.body_by_prefix(prefix)
    if body is None:
        known = ", ".join(b.prefix for b in store.register.bodies())
        raise CliError(f"unknown body {shown(prefix)} (known: {known})")
    assert body.id is not None
    meeting_id = store.meetings.meeting_id(body.id, day)
    if meeting_id is None:
        raise CliError(f"no {body.prefix} meeting on {day.isoformat()}")
    return store.meetings.meeting(meeting_id)


def meeting_json(store: Store, meeting: Meeting) -> MeetingData:
    from tr_desk.core.meeting_json import meeting_to_json

    return meeting_to_json(store.context(meeting))


def meeting_summary(data: MeetingData) -> str:
    """A short plain-text view of a meeting file, for a quick look in a terminal."""
    lines = [
        f"{data['body']} {data['date']}  {data.get('start') or ''}-{data.get('end') or ''}  "
        f"{data.get('place', '')}  ({data.get('status', '')})"
    ]
    for case in data.get("cases", []):
        lines.append(f"  {case.get('number') or '(no number)':<10} {case.get('title', '')}")
    attendance = data.get("attendance", [])
    present = [a["name"] or "" for a in attendance if a["status"] != "forfall"]
    absent = [a["name"] or "" for a in attendance if a["status"] == "forfall"]
    if present:
        lines.append("present: " + ", ".join(present))
    if absent:
        lines.append("absent: " + ", ".join(absent))
    return "\n".join(lines)


def body_arg(store: Store, text: str) -> str:
    body = store.register.body_by_prefix(text.strip().upper())
    if body is None:
        known = ", ".join(b.prefix for b in store.register.bodies())
        raise CliError(f"unknown body {shown(text)} (known: {known})")
    return body.prefix


def year_arg(text: str) -> int:
    if not text.isdecimal() or not 1900 <= int(text) <= 2200:
        raise CliError(f"not a year: {shown(text)}")
    return int(text)


def plan_meeting(store: Store, text: str) -> Meeting:
    """The meeting named «AB 2023-12-01» (a time slot may follow)."""
    from tr_desk.core.plan import parse_plan_key

    try:
        key = parse_plan_key(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return find_meeting(store, f"{key.prefix} {key.day.isoformat()}")


def plan_summary(store: Store, meeting: Meeting) -> str:
    from tr_desk.core.plan import plan_lines

    body = store.register.body(meeting.body_id)
    return plan_lines([meeting], {meeting.body_id: body})[0].text


def write_output(args: argparse.Namespace, data: bytes, detail: str = "") -> None:
    """Write ``-o``'s file; never the database, SQLite's files beside it, or TR Desk's folders."""
    from tr_desk.app.database import belongs_to_database, default_database_path

    path: Path = args.output
    if belongs_to_database(path, Path(args.db or default_database_path())):
        raise CliError(f"{path} is the database or one of its files; nothing was written")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    print(f"wrote {path}{detail}")
