"""The command line's arguments: the commands, their options and the help texts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


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
  tr-desk archive --from 2022-01-01 --to 2022-12-31 -o uttrekk   Noark 5 for the archive
  tr-desk site -o nettsted [--from 2022]    the public website
"""


DOCUMENTS = (
    "innkalling", "tilleggsinnkalling", "protokoll", "utskrift", "moteplan", "oppfolging",
)  # fmt: skip


def _version_action() -> type:
    import argparse

    class VersionAction(argparse.Action):
        """``--version``: said and done, before any command is asked for."""

        def __call__(self, parser: Any, *_: Any) -> None:
            from tr_desk.app.database import default_database_path
            from tr_desk.core.about import version_text
            from tr_desk.resources import resources_dir

            print(version_text(default_database_path().parent, resources_dir()))
            parser.exit()

    return VersionAction


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
    parser.add_argument(
        "--version", action=_version_action(), nargs=0,
        help="the version, the data folder, and the licences of what is bundled",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _database_commands(commands)
    _document_commands(commands)
    _plan_commands(commands)
    _history_commands(commands)
    _publish_commands(commands)
    return parser


def _iso_date(text: str) -> object:
    import argparse
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _publish_commands(commands: Any) -> None:
    """archive, site: what goes to the archive and to the public."""
    archive = commands.add_parser(
        "archive",
        help="the approved meetings of a period as a Noark 5 extraction package (arkivuttrekk) "
        "with PDF/A documents",
    )
    archive.add_argument(
        "--from",
        dest="start",
        required=True,
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the first day of the period",
    )
    archive.add_argument(
        "--to",
        dest="end",
        required=True,
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the last day of the period",
    )
    archive.add_argument("-o", "--output", dest="output", required=True, type=Path, metavar="DIR",
                         help="a new (or empty) folder for the package")  # fmt: skip
    site = commands.add_parser(
        "site",
        help="the public website: the plans, each called meeting's public saksliste and "
        "resolutions, the public PDFs (static HTML, no script)",
    )
    site.add_argument("-o", "--output", dest="output", required=True, type=Path, metavar="DIR",
                      help="the site's folder (only what changed is written)")  # fmt: skip
    site.add_argument("--from", dest="year_from", type=int, metavar="YEAR",
                      help="only this year and later")  # fmt: skip


def _database_commands(commands: Any) -> None:
    """init, demo, show, load: the database and its meetings as meeting files."""
    init = commands.add_parser(
        "init", help="make a new database for an organisation, from its profile (JSON)"
    )
    init.add_argument(
        "--profile", metavar="FILE", type=Path,
        help="the organisation's profile (default: the standard profile shipped with TR Desk; "
        "see resources/profiles/)",
    )  # fmt: skip
    commands.add_parser(
        "demo",
        help="the 2022 history from the seeds, in its own file beside your database "
        "(tr-desk-demo.sqlite; or in --db)",
    )
    show = commands.add_parser("show", help="print one meeting")
    show.add_argument("meeting", metavar="MEETING", help='e.g. "AB 2022-09-16"')
    show.add_argument("--json", action="store_true", help="as a meeting file (JSON)")
    load = commands.add_parser("load", help="create or update a meeting from a meeting file")
    load.add_argument("file", metavar="FILE", type=Path)


def _document_commands(commands: Any) -> None:
    """pdf and mail: the documents."""
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


def _plan_commands(commands: Any) -> None:
    """plan, ics, check, backup, restore."""
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


def _history_commands(commands: Any) -> None:
    """import, search, thread, followups: the years before and what the decisions asked."""
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
