"""The command line: the window, and the same data without one (for scripting and tests).

Imports are kept inside the commands so that opening the window loads only what it needs.
"""

from __future__ import annotations

import contextlib
import errno
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from tr_desk.cli.common import CliError
from tr_desk.cli.parser import build_parser
from tr_desk.core.formats import shown


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
    from tr_desk.app.worker import FLAG

    if argv == [FLAG]:  # the desktop program started as its own render worker
        from tr_desk.app.worker import main as worker_main

        return worker_main()
    opens_window, db = window_database(argv)
    if opens_window:
        from tr_desk.ui.app import run

        return run(db)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tr_desk.ui.app import run

        return run(args.db)
    from tr_desk.app.database import StoreError
    from tr_desk.cli import commands as c
    from tr_desk.cli import publish

    handlers = {
        "init": c.cmd_init, "demo": c.cmd_demo, "show": c.cmd_show, "load": c.cmd_load,
        "pdf": c.cmd_pdf, "mail": c.cmd_mail, "check": c.cmd_check, "plan": c.cmd_plan,
        "ics": c.cmd_ics, "backup": c.cmd_backup, "restore": c.cmd_restore,
        "import": c.cmd_import, "search": c.cmd_search, "thread": c.cmd_thread,
        "followups": c.cmd_followups, "archive": publish.cmd_archive,
        "site": publish.cmd_site,
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
