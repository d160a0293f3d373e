"""The commands that hand the meetings on: ``archive`` (a Noark 5 package for the archive)
and ``site`` (the public website)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tr_desk.cli.common import open_store
from tr_desk.core.formats import shown

if TYPE_CHECKING:
    import argparse


def cmd_archive(args: argparse.Namespace) -> int:
    """Write the package; say what went in, what was left out and why."""
    from tr_desk.app.archive import export_archive

    with open_store(args, write=False) as store:
        result = export_archive(store, args.start, args.end, args.output)
    for key in result.meetings:
        print(f"archived {key}")
    for left in result.left_out:
        print(f"tr-desk: warning: {left} is not approved and is not in the package",
              file=sys.stderr)  # fmt: skip
    for named in result.not_pdfa:
        print(f"tr-desk: warning: {named} is not PDF/A and is not in the package",
              file=sys.stderr)  # fmt: skip
    print(f"wrote {shown(str(result.folder))}: {len(result.meetings)} meeting(s), "
          f"{result.files} document file(s)")  # fmt: skip
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    """Write the site; say what was added, changed and removed."""
    from tr_desk.app.site import publish_site, site_files

    with open_store(args, write=False) as store:
        files = site_files(store, args.year_from)
    changes = publish_site(args.output, files)
    for word, paths in (("added", changes.added), ("changed", changes.changed),
                        ("removed", changes.removed)):  # fmt: skip
        for path in paths:
            print(f"{word} {path}")
    pages = sum(1 for path in files if path.endswith(".html"))
    print(f"wrote {shown(str(args.output))}: {pages} page(s), "
          f"{len(changes.added) + len(changes.changed)} file(s) new or changed")  # fmt: skip
    return 0
