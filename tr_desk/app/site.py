"""«Publiser nettsider»: the meetings as a small static website a council without a portal
can put on any web server: an index, the plan of each year (with its calendar file), a page
per called meeting (its public saksliste, proposals and, once the minutes are approved, the
resolutions) and the public PDFs. Everything passes the public gate first (the public notice
and minutes contents, the public PDFs): an exempt case shows its number, public title and
legal basis only.

Publishing writes only what changed and removes only files it wrote before (a manifest,
``.tr-desk-nettsted.json``, lists them), so a folder that holds other things keeps them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tr_desk.app.database import Store
from tr_desk.core import site as model
from tr_desk.core.minutes import MinutesContent
from tr_desk.core.model import Meeting, MeetingStatus
from tr_desk.core.notice import NoticeContent

MANIFEST = ".tr-desk-nettsted.json"
Progress = Callable[[int, int, str], None]  # done, of, what


@dataclass
class SiteChanges:
    """What a publish adds, changes and removes, by path within the site."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _documents(
    store: Store, meeting: Meeting, title: str, notice: NoticeContent,
    minutes: MinutesContent | None,
) -> tuple[dict[str, bytes], list[model.Link]]:  # fmt: skip
    """The meeting's public PDFs (the notice; the minutes once approved) typeset from the
    public contents the page is made of, and their links."""
    from tr_desk.app.documents import file_stem
    from tr_desk.documents.minutes import render_minutes
    from tr_desk.documents.notice import render_notice

    files: dict[str, bytes] = {}
    links: list[model.Link] = []
    made = [("innkalling", "Innkalling", render_notice(notice))]
    if minutes is not None:
        minutes_name = store.register.body(meeting.body_id).minutes_title.capitalize()
        made.append(("protokoll", minutes_name, render_minutes(minutes)))
    for kind, name, data in made:
        path = model.document_path(file_stem(store, meeting, kind, True))
        files[path] = data
        links.append(model.Link(path, f"{name} {title} (PDF, offentlig versjon)"))
    return files, links


def site_files(
    store: Store, from_year: int | None = None, progress: Progress | None = None
) -> dict[str, bytes]:
    """Every file of the site, by its path within the site: the same data, the same bytes.
    ``progress(done, of, what)`` hears of each called meeting as its page is made."""
    from tr_desk.app.documents import plan_calendar
    from tr_desk.core.minutes import minutes_content
    from tr_desk.core.notice import notice_content
    from tr_desk.documents import site as pages

    headers = [m for m in store.meetings.headers() if m.date.year >= (from_year or 0)]
    bodies = {b.id: b for b in store.register.bodies()}
    called = sum(1 for m in headers if m.status in model.CALLED)
    done = 0
    files: dict[str, bytes] = {}
    years: list[model.SiteYear] = []
    for year in sorted({m.date.year for m in headers}, reverse=True):
        in_year = sorted((m for m in headers if m.date.year == year),
                         key=lambda m: (m.date, m.body_id))  # fmt: skip
        meetings: dict[int, model.SiteMeeting] = {}
        for header in in_year:
            if header.status not in model.CALLED:
                continue
            meeting = store.meetings.meeting(header.id or 0)
            context = store.context(meeting)
            body = bodies[meeting.body_id]
            title = f"{body.name} {meeting.date:%d.%m.%Y}"
            if progress is not None:
                progress(done, called, title)
            done += 1
            # The public contents, once: the page and the PDFs are both made from them.
            notice = notice_content(context, public=True)
            approved = meeting.status is MeetingStatus.APPROVED
            minutes = minutes_content(context, public=True) if approved else None
            made, links = _documents(store, meeting, title, notice, minutes)
            files.update(made)
            meetings[meeting.id or 0] = model.site_meeting(body, meeting, notice, minutes, links)
        rows = tuple(model.plan_row(bodies[m.body_id], m, meetings) for m in in_year)
        years.append(model.SiteYear(year, f"moteplan-{year}.html", f"moteplan-{year}.ics", rows,
                                    tuple(meetings.values())))  # fmt: skip
        files[f"moteplan-{year}.ics"] = plan_calendar(store, year)
    organisation = store.settings.organisation().name
    files["index.html"] = pages.index_page(organisation, years)
    files["stil.css"] = pages.stylesheet()
    for site_year in years:
        files[site_year.plan_path] = pages.plan_page(organisation, site_year, years)
        for page in site_year.meetings:
            files[page.path] = pages.meeting_page(organisation, page, years)
    return files


def _manifest(folder: Path) -> list[str]:
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in listed if isinstance(p, str)] if isinstance(listed, list) else []


def _meaning(path: str, data: bytes) -> bytes:
    """What a file says: a calendar's stamp and sequence (the time it was made, so that
    Outlook takes a newer copy) are not a change of the plan."""
    if path.endswith(".ics"):
        lines = data.replace(b"\r\n ", b"").split(b"\r\n")
        data = b"\r\n".join(x for x in lines if not x.startswith((b"DTSTAMP", b"SEQUENCE")))
    return hashlib.sha256(data).digest()


def site_changes(folder: Path, files: dict[str, bytes]) -> SiteChanges:
    """What publishing ``files`` into ``folder`` would do."""
    changes = SiteChanges()
    for path, data in sorted(files.items()):
        target = folder / path
        try:
            before = target.read_bytes()
        except OSError:
            changes.added.append(path)
            continue
        if _meaning(path, before) != _meaning(path, data):
            changes.changed.append(path)
    changes.removed = sorted(p for p in _manifest(folder) if p not in files)
    return changes


def publish_site(folder: Path, files: dict[str, bytes]) -> SiteChanges:
    """Write ``files`` into ``folder``: each changed file written whole and moved into place,
    files this site wrote before and no longer has removed, nothing else touched."""
    changes = site_changes(folder, files)
    folder.mkdir(parents=True, exist_ok=True)
    for path in changes.added + changes.changed:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(files[path])
        os.replace(partial, target)
    for path in changes.removed:
        target = (folder / path).resolve()
        if folder.resolve() in target.parents:  # never outside the site, whatever the manifest
            target.unlink(missing_ok=True)
    manifest = folder / f".{MANIFEST}.partial"
    manifest.write_text(json.dumps(sorted(files), indent=1), encoding="utf-8")
    os.replace(manifest, folder / MANIFEST)
    return changes
