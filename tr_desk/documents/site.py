"""The public website's pages as HTML: Jinja templates (``resources/site``) with autoescaping,
Markdown (proposals, resolutions) through markdown-it with raw HTML off, no script."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from tr_desk.core.site import SiteMeeting, SiteYear
from tr_desk.resources import resources_dir

_HEADING = re.compile(r"<h[1-6]>(.*?)</h[1-6]>", re.DOTALL)


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    from tr_desk.documents.markdown import markdown_parser

    environment = Environment(
        loader=FileSystemLoader(str(resources_dir() / "site")),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def markdown(text: str) -> Markup:
        # markdown-it with html off escapes every tag the text holds: safe to mark as markup.
        # A heading inside a proposal would break the page's outline: bold text instead.
        rendered = markdown_parser().render(text or "")
        return Markup(_HEADING.sub(r"<p><strong>\1</strong></p>", rendered))

    environment.filters["markdown"] = markdown
    environment.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    return environment


def _page(template: str, **data: Any) -> bytes:
    return str(_environment().get_template(template).render(**data)).encode("utf-8")


def index_page(organisation: str, years: Sequence[SiteYear]) -> bytes:
    return _page("index.html", title="Møter", organisation=organisation, years=years, root="",
                 current="index")  # fmt: skip


def plan_page(organisation: str, year: SiteYear, years: Sequence[SiteYear]) -> bytes:
    return _page("plan.html", title=f"Møteplan {year.year}", organisation=organisation,
                 year=year, years=years, root="", current=year.plan_path)  # fmt: skip


def meeting_page(organisation: str, meeting: SiteMeeting, years: Sequence[SiteYear]) -> bytes:
    return _page("meeting.html", title=meeting.title, organisation=organisation,
                 meeting=meeting, years=years, root="../", current=meeting.path)  # fmt: skip


def stylesheet() -> bytes:
    return (resources_dir() / "site" / "stil.css").read_bytes()
