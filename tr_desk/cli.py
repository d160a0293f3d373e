"""The command line: the window, and the same data without one (for scripting and tests).

Imports are kept inside the commands so that opening the window loads only what it needs.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.formats import shown

if TYPE_CHECKING:
    import argparse

    from tr_desk.core.model import Meeting
    from tr_desk.storage.store import Store

DESCRIPTION = """\
TR Desk: innkallinger, referater og møteplan for et regionråd.

Without a command, opens the window. MEETING is a body's prefix and an ISO date,
e.g. "AB 2022-12-02" (AB: the prefix, as in the Register).
"""

EPILOG = """\
examples:
  tr-desk                                   open the window
  tr-desk --db /tmp/x.sqlite init --profile p.json   a new database for an organisation
  tr-desk --db /tmp/x.sqlite demo           fill a database with the 2022 history
  tr-desk show "AB 2022-09-16" --json       print a meeting as a meeting file
  tr-desk load meeting.json                 create or update a meeting from a file
  tr-desk pdf innkalling "AB 2022-12-02" -o n.pdf [--bundle] [--public]
  tr-desk check "AB 2022-12-02"              what to fix before the notice goes out
  tr-desk pdf protokoll "AB 2022-09-16" -o r.pdf [--public]   the minutes
  tr-desk pdf utskrift "AB 37/22" -o u.pdf   særutskrift of one case
  tr-desk plan add "AB 2023-02-03 0830-1130" [--place TEXT] [--note TEXT]
  tr-desk plan move "AB 2023-12-01" 2023-12-08
  tr-desk plan cancel "AB 2023-12-01" --reason "For få saker"
  tr-desk pdf moteplan 2023 -o plan.pdf      the printed meeting plan
  tr-desk ics 2023 -o plan.ics               the plan for Outlook
  tr-desk backup                            a backup now; prints its path
  tr-desk restore BACKUP.sqlite             put a backup in place of the database
"""


class CliError(Exception):
    """A one-line error for the command line; exit status 1."""


DOCUMENTS = (
    "innkalling", "tilleggsinnkalling", "protokoll", "utskrift", "moteplan", "oppfolging",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="tr-desk",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help="the database file (default: tr-desk.sqlite in the user's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = commands.add_parser(
        "init", help="make a new database for an organisation, from its profile (JSON)"
    )
    init.add_argument(
        "--profile", metavar="FILE", type=Path,
        help="the organisation's profile (default: the standard profile shipped with TR Desk; "
        "see resources/profiles/)",
    )  # fmt: skip
    commands.add_parser("demo", help="fill the database with the 2022 history from the seeds")
    show = commands.add_parser("show", help="print one meeting")
    show.add_argument("meeting", metavar="MEETING", help='e.g. "AB 2022-09-16"')
    show.add_argument("--json", action="store_true", help="as a meeting file (JSON)")
    load = commands.add_parser("load", help="create or update a meeting from a meeting file")
    load.add_argument("file", metavar="FILE", type=Path)
    pdf = commands.add_parser("pdf", help="print a document as PDF")
    pdf.add_argument(
        "document",
        choices=DOCUMENTS,
        help="innkalling (notice), tilleggsinnkalling (the late items' supplementary notice), "
        "protokoll (the minutes: referat or protokoll), utskrift (særutskrift: the extract of "
        "one case), moteplan (the year's meeting plan), oppfolging (a body's open follow-up "
        "items: the Oppfølgingsliste)",
    )
    pdf.add_argument(
        "meeting",
        metavar="MEETING",
        help='a meeting, e.g. "AB 2022-12-02"; for utskrift a case, e.g. "AB 37/22"; '
        'for moteplan a year; for oppfolging a body (its prefix), e.g. "AB"',
    )
    pdf.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    pdf.add_argument(
        "--bundle", action="store_true", help="with the attachments (sakspapirer), bookmarked"
    )
    pdf.add_argument(
        "--public", action="store_true", help="public version: exempt cases by public title only"
    )
    mail = commands.add_parser(
        "mail",
        help="the notice as an e-mail draft (.eml, X-Unsent) to the invited, the PDF attached",
    )
    mail.add_argument("meeting", metavar="MEETING", help='e.g. "AB 2022-12-02"')
    mail.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    mail.add_argument(
        "--bundle", action="store_true", help="attach the case papers (sakspapirer) too"
    )
    plan = commands.add_parser("plan", help="add, move or cancel a meeting in the plan")
    actions = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help='add a meeting: "AB 2023-02-03 0830-1130"')
    add.add_argument("meeting", metavar="MEETING", help='"AB 2023-02-03 0830-1130"; the time '
                     "is optional (default: the body's usual slot)")  # fmt: skip
    add.add_argument("--place", metavar="TEXT", help="default: the body's usual place")
    add.add_argument("--note", metavar="TEXT", default="", help="e.g. Konstituering etter valget")
    move = actions.add_parser("move", help='move a meeting: "AB 2023-12-01" 2023-12-08')
    move.add_argument("meeting", metavar="MEETING")
    move.add_argument("date", metavar="DATE")
    cancel = actions.add_parser("cancel", help="cancel a meeting, keeping it in the plan")
    cancel.add_argument("meeting", metavar="MEETING")
    cancel.add_argument("--reason", metavar="TEXT", required=True)
    ics = commands.add_parser("ics", help="the year's meetings as an iCalendar file (Outlook)")
    ics.add_argument("year", metavar="YEAR")
    ics.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    check = commands.add_parser(
        "check", help="list what is wrong or missing in a notice (exit status 1 on errors)"
    )
    check.add_argument("meeting", metavar="MEETING", help='e.g. "AB 2022-12-02"')
    commands.add_parser("backup", help="make a backup of the database now and print its path")
    restore = commands.add_parser(
        "restore",
        help="put a backup in the place of the database (the current file is kept as a backup)",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    imp = commands.add_parser(
        "import",
        help="read old notices, minutes and plans (.docx, .doc, .pdf, .txt, .md) into meetings",
    )
    imp.add_argument("paths", metavar="FILE_OR_FOLDER", type=Path, nargs="+")
    imp.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    imp.add_argument("--json", action="store_true", help="print the meetings as meeting files")
    find = commands.add_parser(
        "search",
        help='find cases in every year: words, "a phrase", prefix*, -word, or "AB 46/22"',
    )
    find.add_argument("query", metavar="QUERY", nargs="+")
    find.add_argument("--body", action="append", default=[], help="only this body (prefix)")
    find.add_argument("--from", dest="year_from", type=int, help="from this year")
    find.add_argument("--to", dest="year_to", type=int, help="up to this year")
    find.add_argument("--json", action="store_true", help="print the hits as JSON")
    thread = commands.add_parser("thread", help="a case's way through the bodies (saksgang)")
    thread.add_argument("case", metavar="CASE", help='a case number: "AB 46/22"')
    thread.add_argument("--json", action="store_true", help="print the steps as JSON")
    follow = commands.add_parser(
        "followups", help="the follow-up items of the decisions (vedtaksoppfølging), by due date"
    )
    follow.add_argument(
        "--open", action="store_true", help="only those still open (åpen, i arbeid)"
    )
    follow.add_argument("--body", action="append", default=[], help="only this body (prefix)")
    follow.add_argument("--json", action="store_true", help="print the items as JSON")
    return parser


def window_database(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """Whether the arguments just open the window (``[--db PATH]``), and with which file.

    That case skips argparse, whose import (~12 ms) would delay the first paint; anything
    else, ``--help`` included, goes through the parser.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return True, Path(argv[0][5:])
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    opens_window, db = window_database(argv)
    if opens_window:
        from tr_desk.ui.app import run

        return run(db)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tr_desk.ui.app import run

        return run(args.db)
    from tr_desk.storage.database import StoreError

    handlers = {
        "init": cmd_init, "demo": cmd_demo, "show": cmd_show, "load": cmd_load, "pdf": cmd_pdf,
        "mail": cmd_mail,
        "check": cmd_check, "plan": cmd_plan, "ics": cmd_ics, "backup": cmd_backup,
        "restore": cmd_restore, "import": cmd_import, "search": cmd_search,
        "thread": cmd_thread, "followups": cmd_followups,
    }  # fmt: skip
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 prints escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        code = handlers[args.command](args)
        sys.stdout.flush()  # a full disk is said here, not as a traceback at exit
        return code
    except CliError as exc:
        print(f"tr-desk: error: {exc}", file=sys.stderr)
    except StoreError as exc:
        print(f"tr-desk: error: {exc.english}", file=sys.stderr)
    except KeyboardInterrupt:
        print("tr-desk: interrupted; nothing half-written", file=sys.stderr)
        return 130
    except MemoryError:
        print("tr-desk: error: out of memory; nothing was written", file=sys.stderr)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        _drop_stdout()
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            _drop_stdout()  # what could not be written is not tried again at exit
            print(f"tr-desk: error: cannot write the output: {exc.strerror}", file=sys.stderr)
        else:  # a path the system refuses (too long, no access): said, not a traceback
            where = f": {shown(str(exc.filename))}" if exc.filename else ""
            print(f"tr-desk: error: {exc.strerror or exc}{where}", file=sys.stderr)
    return 1


def _drop_stdout() -> None:
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def open_store(args: argparse.Namespace, write: bool) -> Store:
    from tr_desk.storage.database import BUSY_TIMEOUT_S
    from tr_desk.storage.paths import default_database_path
    from tr_desk.storage.store import Store

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


def meeting_json(store: Store, meeting: Meeting) -> dict[str, object]:
    from tr_desk.core.meeting_json import meeting_to_json

    return meeting_to_json(store.context(meeting))


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, write=False) as store:
        data = meeting_json(store, find_meeting(store, args.meeting))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(meeting_summary(data))
    return 0


def meeting_summary(data: dict[str, object]) -> str:
    """A short plain-text view of a meeting file, for a quick look in a terminal."""
    lines = [
        f"{data['body']} {data['date']}  {data['start'] or ''}-{data['end'] or ''}  "
        f"{data['place']}  ({data['status']})"
    ]
    for case in data["cases"]:  # type: ignore[attr-defined]
        lines.append(f"  {case['number'] or '(no number)':<10} {case['title']}")
    present = [a["name"] for a in data["attendance"] if a["status"] != "forfall"]  # type: ignore[attr-defined]
    absent = [a["name"] for a in data["attendance"] if a["status"] == "forfall"]  # type: ignore[attr-defined]
    if present:
        lines.append("present: " + ", ".join(present))
    if absent:
        lines.append("absent: " + ", ".join(absent))
    return "\n".join(lines)


def cmd_load(args: argparse.Namespace) -> int:
    from tr_desk.meeting_files import load_file

    with open_store(args, write=True) as store:
        meeting_id, created, warnings = load_file(store, args.file)
        meeting = store.meetings.meeting(meeting_id)
        body = store.register.body(meeting.body_id)
    for warning in warnings:
        print(f"tr-desk: warning: {args.file}: {warning}", file=sys.stderr)
    verb = "created" if created else "updated"
    print(f"{verb} {body.prefix} {meeting.date.isoformat()} with {len(meeting.cases)} cases")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """One line per hit: number, date, title, where it matched, the words around it."""
    from tr_desk.core.errors import UserError
    from tr_desk.core.search import parse_query
    from tr_desk.storage.search import search

    try:
        query = parse_query(" ".join(args.query))
    except UserError as exc:
        raise CliError(exc.english) from None
    with open_store(args, write=False) as store:
        bodies = []
        for prefix in args.body:
            body = store.register.body_by_prefix(prefix)
            if body is None:
                known = ", ".join(b.prefix for b in store.register.bodies())
                raise CliError(f"unknown body {shown(prefix)} (known: {known})")
            bodies.append(body.prefix)
        if not store.readonly:
            store.files.index_missing_texts()
        # A second for the command line (the window gives a query 25 ms as one types).
        hits = search(store, query, bodies=bodies, year_from=args.year_from,
                      year_to=args.year_to, seconds=1.0)  # fmt: skip
    if not hits.complete:
        print("tr-desk: warning: the search stopped after a second: its words are in very many "
              "cases; there may be more hits (add words, or use --body/--from/--to)",
              file=sys.stderr)  # fmt: skip
    if args.json:
        print(json.dumps([{
            "number": h.number, "title": h.title, "body": h.body, "date": h.date.isoformat(),
            "field": h.field, "fields": h.fields, "snippet": h.snippet.text,
            "exempt": h.exempt,
        } for h in hits], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    if not hits:
        print("no cases found", file=sys.stderr)
        return 0
    fields_en = {"Tittel": "title", "Sak": "text", "Forslag til vedtak": "proposal",
                 "Vedtak": "resolution", "Innledning": "introduction", "Fra møtet": "notes",
                 "Navn": "names", "Saksnummer": "case number", "Møtet": "meeting"}  # fmt: skip
    for hit in hits:
        where = fields_en.get(hit.field, "attachment" if hit.field.startswith("Vedlegg") else "")
        mark = " [exempt]" if hit.exempt else ""
        print(f"{hit.number or hit.body:<9} {hit.date.isoformat()}  {hit.title}{mark}")
        print(f"          {where}: {hit.snippet.marked()}")
    return 0


def cmd_thread(args: argparse.Namespace) -> int:
    from tr_desk.storage.threads import thread

    with open_store(args, write=False) as store:
        origin, steps = thread(store, args.case)
    rows = [{
        "number": s.label, "relation": {"tidligere": "earlier", "senere": "later"}[s.relation],
        "kind": s.kind, "in_database": s.hit is not None,
        "date": s.date.isoformat() if s.date else None,
        "title": s.hit.title if s.hit else None, "outcome": s.outcome or None,
        "resolution": s.resolution or None,
    } for s in steps]  # fmt: skip
    cited_only = origin.case_id == 0  # not in the database: the cases that cite it
    if args.json:
        case = {"number": origin.number, "title": origin.title or None,
                "date": None if cited_only else origin.date.isoformat(),
                "in_database": not cited_only}  # fmt: skip
        print(json.dumps({"case": case, "steps": rows}, ensure_ascii=False, indent=2))
        return 0
    if cited_only:
        print(f"{origin.number}  (not in the database; cited by the cases below)")
    else:
        print(f"{origin.number}  {origin.date.isoformat()}  {origin.title}")
    if not rows:
        print("  no earlier or later steps found")
    for row in rows:
        where = f"{row['date']}  {row['title']}" if row["in_database"] else "(not in the database)"
        print(f"  {row['relation']:<7} {row['number']:<9} {where}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Read every file first, then write what could be read in one transaction. A file that
    cannot be read is named and left out: exit 3 when some were, 1 when none could be read."""
    import tempfile

    from tr_desk import importer
    from tr_desk.core.formats import file_name
    from tr_desk.core.importing import english, unused_said
    from tr_desk.storage.paths import default_database_path
    from tr_desk.storage.store import Store

    scratch = None
    if args.dry_run and not Path(args.db or default_database_path()).exists():
        # Nothing to compare with: a throwaway database with the profile, so nothing is made.
        scratch = tempfile.TemporaryDirectory(prefix="tr-desk-dry-")
        store = Store.open(Path(scratch.name) / "dry.sqlite")
    else:
        store = open_store(args, write=not args.dry_run)
    try:
        with store:
            files = importer.read_files(store, args.paths)
            report = importer.plan(store, files)
            said: list[str] = []
            unread = sum(1 for f in report.files if f.error)
            if unread < len(report.files) and not args.dry_run:
                said = importer.write(store, report).said
    finally:
        if scratch is not None:
            scratch.cleanup()
    for file in report.files:
        if file.error:
            print(f"tr-desk: error: {file.error_en}", file=sys.stderr)
        elif file.already:
            print(f"{file.path.name}: imported before, nothing to do")
        for warning in [*file.warnings, *(w for d in file.documents for w in d.warnings)]:
            print(f"tr-desk: warning: {file.path.name}: {english(warning)}", file=sys.stderr)
    for warning in report.warnings + said:
        print(f"tr-desk: warning: {english(warning)}", file=sys.stderr)
    for held in report.held_back:
        name = file_name(report.files[held.file].path)
        print(f"tr-desk: held back: {held.said(name).english}", file=sys.stderr)
    unused = 0
    for file in report.files:
        for document in file.documents:
            left = unused_said(document)
            if left is not None:
                unused += len(document.unused)
                print(f"tr-desk: warning: {file_name(file.path)}: {document.title!r}: "
                      f"{left.english}", file=sys.stderr)  # fmt: skip
    if unread and unread == len(report.files):
        print("tr-desk: nothing was imported", file=sys.stderr)
        return 1
    code = 3 if unread or report.held_back else 0
    if code:
        parts = []
        if unread:
            parts.append(f"{unread} file{'s' if unread > 1 else ''} could not be read")
        if report.held_back:
            count = len(report.held_back)
            parts.append(f"{count} document{'s' if count > 1 else ''} held back")
        done = "would be imported" if args.dry_run else "was imported"
        print(f"tr-desk: {' and '.join(parts)}; the rest {done}", file=sys.stderr)
    if args.json:
        held_back = [{"file": file_name(report.files[h.file].path), "document": h.title,
                      "reason": h.reason.english} for h in report.held_back]  # fmt: skip
        print(json.dumps({"meetings": [o.file for o in report.meetings], "held_back": held_back,
                          "unused_lines": unused},
                         ensure_ascii=False, indent=2))  # fmt: skip
        return code
    verbs = {importer.Action.CREATED: "would create" if args.dry_run else "created",
             importer.Action.UPDATED: "would update" if args.dry_run else "updated",
             importer.Action.UNCHANGED: "unchanged"}  # fmt: skip
    for outcome in report.meetings:
        cases = len(outcome.file.get("cases", []))
        print(f"{verbs[outcome.action]} {outcome.body} {outcome.date} with {cases} cases")
        for difference in outcome.differences:
            print(f"  {english(difference)}")
    return code


def cmd_init(args: argparse.Namespace) -> int:
    """A new database from a profile; an existing database is never touched."""
    from tr_desk.storage.paths import default_database_path
    from tr_desk.storage.profile import read_profile
    from tr_desk.storage.store import Store

    path = Path(args.db or default_database_path()).expanduser()
    profile = read_profile(args.profile)  # checked before anything is made
    with Store.create(path, lock=True, profile=profile) as store:
        bodies = ", ".join(f"{b.prefix} {b.name}" for b in store.register.bodies())
        print(f"made {store.path} for {store.settings.organisation().name}")
        print(f"bodies: {bodies}; people: {len(store.register.people())}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from tr_desk.meeting_files import load_demo

    with open_store(args, write=True) as store:
        for name, created, warnings in load_demo(store):
            for warning in warnings:
                print(f"tr-desk: warning: {name}: {warning}", file=sys.stderr)
            print(f"{'created' if created else 'updated'} {Path(name).stem}")
        print(f"demo data in {store.path}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from tr_desk import actions

    if args.bundle and args.document != "innkalling":
        raise CliError("--bundle is for the innkalling only")
    if args.public and args.document == "oppfolging":
        raise CliError("--public is not for oppfolging (it never lists an exempt case's items)")
    with open_store(args, write=False) as store:
        if args.document == "oppfolging":
            pdf = actions.followups_pdf(store, _body_arg(store, args.meeting), store.clock.today())
        elif args.document == "tilleggsinnkalling":
            meeting = find_meeting(store, args.meeting)
            pdf = actions.supplement_pdf(store, meeting, public=args.public)
        elif args.document == "moteplan":
            if args.public:
                raise CliError("--public is not for the moteplan (it is public as it is)")
            pdf = actions.plan_pdf(store, _year_arg(args.meeting))
        elif args.document == "utskrift":
            meeting, index = store.meetings.find_case(args.meeting)
            pdf = actions.extract_pdf(store, meeting, index, public=args.public)
        elif args.document == "protokoll":
            from tr_desk.core.model import MeetingStatus

            meeting = find_meeting(store, args.meeting)
            if meeting.status not in (MeetingStatus.HELD, MeetingStatus.APPROVED):
                print(
                    f"tr-desk: warning: the meeting is {meeting.status.value}, not held yet",
                    file=sys.stderr,
                )
            pdf = actions.minutes_pdf(store, meeting, public=args.public)
        else:
            skipped: list[tuple[str, int, str]] = []
            meeting = find_meeting(store, args.meeting)
            pdf = actions.notice_pdf(
                store, meeting, public=args.public, bundle=args.bundle, skipped=skipped
            )
            for number, attachment, title in skipped:
                print(
                    f"tr-desk: warning: {number}: Vedlegg {attachment} {shown(title)} has no "
                    "file and is not in the bundle",
                    file=sys.stderr,
                )
    write_output(args, pdf)
    return 0


def _body_arg(store: Store, text: str) -> str:
    body = store.register.body_by_prefix(text.strip().upper())
    if body is None:
        known = ", ".join(b.prefix for b in store.register.bodies())
        raise CliError(f"unknown body {shown(text)} (known: {known})")
    return body.prefix


def cmd_followups(args: argparse.Namespace) -> int:
    from tr_desk.core.followups import due_text
    from tr_desk.storage.followups import followup_lines

    with open_store(args, write=False) as store:
        bodies = [_body_arg(store, b) for b in args.body]
        lines = followup_lines(store, open_only=args.open, bodies=bodies)
        today = store.clock.today()
    if args.json:
        print(json.dumps([{
            "case": line.case, "body": line.body, "meeting_date": line.meeting_date.isoformat(),
            "case_title": line.case_title, "what": line.item.what, "who": line.who or None,
            "due": line.item.due.isoformat() if line.item.due else None,
            "status": line.item.status.value, "overdue": line.overdue(today),
            "note": line.item.note or None, "closed_by": line.item.closed_by or None,
        } for line in lines], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    if not lines:
        print("no open follow-up items" if args.open else "no follow-up items")
    for line in lines:
        due = due_text(line, today).replace("(forfalt)", "(overdue)") or "no due date"
        who = f"  ({line.who})" if line.who else ""
        status = line.item.status.value
        print(f"{line.case:<9} {due:<22} {status:<9} {line.item.what}{who}")
    return 0


def _year_arg(text: str) -> int:
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


def cmd_plan(args: argparse.Namespace) -> int:
    from tr_desk.core.formats import parse_date
    from tr_desk.core.plan import parse_plan_key

    with open_store(args, write=True) as store:
        if args.plan_command == "add":
            try:
                key = parse_plan_key(args.meeting)
            except ValueError as exc:
                raise CliError(str(exc)) from None
            body = store.register.body_by_prefix(key.prefix)
            if body is None or body.id is None:
                known = ", ".join(b.prefix for b in store.register.bodies())
                raise CliError(f"unknown body {shown(key.prefix)} (known: {known})")
            meeting_id = store.meetings.create_meeting(
                body.id, key.day, start=key.start, end=key.end, place=args.place,
                note=" ".join(args.note.split()),
            )  # fmt: skip
            meeting = store.meetings.meeting(meeting_id)
            print(f"added {body.prefix} {meeting.date.isoformat()} {plan_summary(store, meeting)}")
        elif args.plan_command == "move":
            meeting = plan_meeting(store, args.meeting)
            try:
                day = parse_date(args.date)
            except ValueError as exc:
                raise CliError(str(exc)) from None
            assert meeting.id is not None
            store.meetings.move_meeting(meeting.id, day)
            moved = store.meetings.meeting(meeting.id)
            print(f"moved to {day.isoformat()}: {plan_summary(store, moved)}")
        else:
            meeting = plan_meeting(store, args.meeting)
            if not args.reason.strip():
                raise CliError("--reason is empty")
            assert meeting.id is not None
            store.meetings.cancel_meeting(meeting.id, args.reason)
            print(f"cancelled {meeting.date.isoformat()}: {args.reason.strip()}")
    return 0


def plan_summary(store: Store, meeting: Meeting) -> str:
    from tr_desk.core.plan import plan_lines

    body = store.register.body(meeting.body_id)
    return plan_lines([meeting], {meeting.body_id: body})[0].text


def cmd_ics(args: argparse.Namespace) -> int:
    from tr_desk.actions import plan_calendar

    year = _year_arg(args.year)
    with open_store(args, write=False) as store:
        count = len(store.meetings.headers(year=year))
        data = plan_calendar(store, year)
    write_output(args, data, f" ({count} meetings)")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from tr_desk.storage.backup import make_backup

    with open_store(args, write=False) as store:
        path = make_backup(store)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from tr_desk.storage.backup import restore
    from tr_desk.storage.paths import default_database_path

    database = args.db or default_database_path()
    kept = restore(database, args.file)
    if kept is not None:
        print(f"the replaced database is kept as {kept}")
    print(f"restored {args.file} to {database}")
    return 0


def cmd_mail(args: argparse.Namespace) -> int:
    """The notice as an e-mail draft; who has no address is said on stderr."""
    from tr_desk import actions

    with open_store(args, write=False) as store:
        meeting = find_meeting(store, args.meeting)
        data, mail = actions.notice_email(store, meeting, bundle=args.bundle)
    if mail.without_address:
        print(
            f"tr-desk: warning: {len(mail.without_address)} of {mail.called} invited have no "
            f"e-mail address: {', '.join(mail.without_address)}",
            file=sys.stderr,
        )
    if mail.exempt:
        print(
            "tr-desk: warning: the meeting has exempt cases; the public notice is attached",
            file=sys.stderr,
        )
    write_output(args, data, f" ({len(mail.to)} to, {len(mail.cc)} cc)")
    return 0


def write_output(args: argparse.Namespace, data: bytes, detail: str = "") -> None:
    """Write ``-o``'s file; never the database, SQLite's files beside it, or TR Desk's folders."""
    from tr_desk.storage.paths import belongs_to_database, default_database_path

    path: Path = args.output
    if belongs_to_database(path, Path(args.db or default_database_path())):
        raise CliError(f"{path} is the database or one of its files; nothing was written")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    print(f"wrote {path}{detail}")


def cmd_check(args: argparse.Namespace) -> int:
    """The notice check; for a held meeting also the minutes check, as the Protokoll pane."""
    from tr_desk.core.checks.minutes import check_minutes
    from tr_desk.core.checks.notice import check_notice
    from tr_desk.core.checks.problems import Severity, summary_en
    from tr_desk.core.lifecycle import is_held

    with open_store(args, write=False) as store:
        context = store.context(find_meeting(store, args.meeting))
        problems = check_notice(context)
        if is_held(context.meeting):
            seen = {(p.where, p.message) for p in problems}
            problems += [p for p in check_minutes(context) if (p.where, p.message) not in seen]
            problems.sort(key=lambda p: p.severity is not Severity.ERROR)
    for problem in problems:
        kind = "error" if problem.severity is Severity.ERROR else "warning"
        print(f"{kind}: {problem.where}: {problem.message}")
    print(summary_en(problems), file=sys.stderr)
    errors = any(p.severity is Severity.ERROR for p in problems)
    return 1 if errors else 0
