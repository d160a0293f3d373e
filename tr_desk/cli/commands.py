"""The commands: each reads its arguments, works through the store and the documents, and
prints in English; imports are kept inside them so that opening the window loads little."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.formats import shown

if TYPE_CHECKING:
    import argparse

    from tr_desk.core.search import Query


from tr_desk.cli.common import (
    CliError,
    body_arg,
    find_meeting,
    meeting_json,
    meeting_summary,
    open_store,
    plan_meeting,
    plan_summary,
    write_output,
    year_arg,
)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, write=False) as store:
        data = meeting_json(store, find_meeting(store, args.meeting))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(meeting_summary(data))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from tr_desk.app.meeting_files import load_file

    with open_store(args, write=True) as store:
        meeting_id, created, warnings = load_file(store, args.file)
        meeting = store.meetings.meeting(meeting_id)
        body = store.register.body(meeting.body_id)
    for warning in warnings:
        print(f"tr-desk: warning: {args.file}: {warning}", file=sys.stderr)
    verb = "created" if created else "updated"
    print(f"{verb} {body.prefix} {meeting.date.isoformat()} with {len(meeting.cases)} cases")
    return 0


def what_to_try(query: Query, args: argparse.Namespace) -> str:
    """The command line's hint when a search finds nothing: the filters, a shorter start of
    a word, fewer words."""
    from tr_desk.core.search import Query, prefixed

    if args.body or args.year_from or args.year_to:
        return "try without --body/--from/--to"
    shorter = prefixed(Query(words=tuple(w.rstrip("*") for w in query.words)))
    if shorter:
        return f"try a shorter start of the word: tr-desk search '{shorter}'"
    if len(query.words) + len(query.phrases) > 1:
        return "try fewer words, or check the spelling"
    return "check the spelling"


def cmd_search(args: argparse.Namespace) -> int:
    """One line per hit: number, date, title, where it matched, the words around it."""
    from tr_desk.app.search import search
    from tr_desk.core.errors import UserError
    from tr_desk.core.search import parse_query

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
        print(f"no cases found; {what_to_try(query, args)}", file=sys.stderr)
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
    from tr_desk.app.search import thread

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

    from tr_desk.app import importing
    from tr_desk.app.database import Store, default_database_path
    from tr_desk.core.formats import file_name
    from tr_desk.core.importing import english, unused_said

    scratch = None
    if args.dry_run and not Path(args.db or default_database_path()).exists():
        # Nothing to compare with: a throwaway database with the profile, so nothing is made.
        scratch = tempfile.TemporaryDirectory(prefix="tr-desk-dry-")
        store = Store.open(Path(scratch.name) / "dry.sqlite")
    else:
        store = open_store(args, write=not args.dry_run)
    try:
        with store:
            files = importing.read_files(store, args.paths)
            report = importing.plan(store, files)
            said: list[str] = []
            unread = sum(1 for f in report.files if f.error)
            if unread < len(report.files) and not args.dry_run:
                said = importing.write(store, report).said
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
    verbs = {importing.Action.CREATED: "would create" if args.dry_run else "created",
             importing.Action.UPDATED: "would update" if args.dry_run else "updated",
             importing.Action.UNCHANGED: "unchanged"}  # fmt: skip
    for outcome in report.meetings:
        cases = len(outcome.file.get("cases", []))
        print(f"{verbs[outcome.action]} {outcome.body} {outcome.date} with {cases} cases")
        for difference in outcome.differences:
            print(f"  {english(difference)}")
    return code


def cmd_init(args: argparse.Namespace) -> int:
    """A new database from a profile; an existing database is never touched."""
    from tr_desk.app.database import Store, default_database_path
    from tr_desk.app.profiles import read_profile

    path = Path(args.db or default_database_path()).expanduser()
    profile = read_profile(args.profile)  # checked before anything is made
    with Store.create(path, lock=True, profile=profile) as store:
        bodies = ", ".join(f"{b.prefix} {b.name}" for b in store.register.bodies())
        print(f"made {store.path} for {store.settings.organisation().name}")
        print(f"bodies: {bodies}; people: {len(store.register.people())}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from tr_desk.app.database import demo_database_path
    from tr_desk.app.meeting_files import load_demo

    if args.db is None:  # never into the user's own database: the demo's file beside it
        args.db = str(demo_database_path())
    with open_store(args, write=True) as store:
        for name, created, warnings in load_demo(store):
            for warning in warnings:
                print(f"tr-desk: warning: {name}: {warning}", file=sys.stderr)
            print(f"{'created' if created else 'updated'} {Path(name).stem}")
        print(f"demo data in {store.path}")
        print(f"open it with: tr-desk --db {shlex.quote(str(store.path))}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from tr_desk.app import documents

    if args.bundle and args.document != "innkalling":
        raise CliError("--bundle is for the innkalling only")
    if args.public and args.document == "oppfolging":
        raise CliError("--public is not for oppfolging (it never lists an exempt case's items)")
    with open_store(args, write=False) as store:
        if args.document == "oppfolging":
            pdf = documents.followups_pdf(store, body_arg(store, args.meeting), store.clock.today())
        elif args.document == "tilleggsinnkalling":
            meeting = find_meeting(store, args.meeting)
            pdf = documents.supplement_pdf(store, meeting, public=args.public)
        elif args.document == "moteplan":
            if args.public:
                raise CliError("--public is not for the moteplan (it is public as it is)")
            pdf = documents.plan_pdf(store, year_arg(args.meeting))
        elif args.document == "utskrift":
            meeting, index = store.meetings.find_case(args.meeting)
            pdf = documents.extract_pdf(store, meeting, index, public=args.public)
        elif args.document == "protokoll":
            from tr_desk.core.model import MeetingStatus

            meeting = find_meeting(store, args.meeting)
            if meeting.status not in (MeetingStatus.HELD, MeetingStatus.APPROVED):
                print(
                    f"tr-desk: warning: the meeting is {meeting.status.value}, not held yet",
                    file=sys.stderr,
                )
            pdf = documents.minutes_pdf(store, meeting, public=args.public)
        else:
            skipped: list[tuple[str, int, str]] = []
            not_archival: list[tuple[str, int, str]] = []
            meeting = find_meeting(store, args.meeting)
            pdf = documents.notice_pdf(
                store, meeting, public=args.public, bundle=args.bundle, skipped=skipped,
                not_archival=not_archival,
            )  # fmt: skip
            for number, attachment, title in not_archival:
                print(
                    f"tr-desk: warning: {number}: Vedlegg {attachment} {shown(title)} is not "
                    "PDF/A, so the bundle is not PDF/A (fine to send, not to archive)",
                    file=sys.stderr,
                )
            for number, attachment, title in skipped:
                print(
                    f"tr-desk: warning: {number}: Vedlegg {attachment} {shown(title)} has no "
                    "file and is not in the bundle",
                    file=sys.stderr,
                )
    write_output(args, pdf)
    return 0


def cmd_followups(args: argparse.Namespace) -> int:
    from tr_desk.app.followups import followup_lines
    from tr_desk.core.followups import due_text

    with open_store(args, write=False) as store:
        bodies = [body_arg(store, b) for b in args.body]
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


def cmd_ics(args: argparse.Namespace) -> int:
    from tr_desk.app.documents import plan_calendar

    year = year_arg(args.year)
    with open_store(args, write=False) as store:
        count = len(store.meetings.headers(year=year))
        data = plan_calendar(store, year)
    write_output(args, data, f" ({count} meetings)")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from tr_desk.app.backup import make_backup

    with open_store(args, write=False) as store:
        path = make_backup(store)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from tr_desk.app.backup import restore
    from tr_desk.app.database import default_database_path

    database = args.db or default_database_path()
    kept = restore(database, args.file)
    if kept is not None:
        print(f"the replaced database is kept as {kept}")
    print(f"restored {args.file} to {database}")
    return 0


def cmd_mail(args: argparse.Namespace) -> int:
    """The notice as an e-mail draft; who has no address is said on stderr."""
    from tr_desk.app import documents

    with open_store(args, write=False) as store:
        meeting = find_meeting(store, args.meeting)
        data, mail = documents.notice_email(store, meeting, bundle=args.bundle)
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
            problems.sort(key=lambda p: p.severity.rank)
    for problem in problems:
        print(f"{problem.severity.label_en}: {problem.where}: {problem.message}")
    print(summary_en(problems), file=sys.stderr)
    errors = any(p.severity is Severity.ERROR for p in problems)
    return 1 if errors else 0
