"""Every output that may reach the public, each made from one meeting: the one list the
leak test walks (``tests/core/test_public.py``). A new public output is added here, or it
does not exist."""

from __future__ import annotations

from collections.abc import Callable

from tr_desk.app.database import Store
from tr_desk.app.documents import (
    file_stem,
    followups_pdf,
    minutes_pdf,
    notice_email,
    notice_pdf,
    plan_calendar,
    plan_pdf,
    public_extracts,
    supplement_pdf,
)
from tr_desk.app.site import site_files
from tr_desk.core.model import Meeting

PUBLIC_OUTPUTS: dict[str, Callable[[Store, Meeting], list[bytes]]] = {
    "innkalling": lambda s, m: [notice_pdf(s, m, public=True)],
    "sakspapirer": lambda s, m: [notice_pdf(s, m, public=True, bundle=True)],
    "protokoll": lambda s, m: [minutes_pdf(s, m, public=True)],
    "særutskrift": public_extracts,
    "møteplan": lambda s, m: [plan_pdf(s, m.date.year)],
    "kalender": lambda s, m: [plan_calendar(s, m.date.year)],
    "e-post": lambda s, m: [notice_email(s, m, bundle=True)[0]],
    "tilleggsinnkalling": lambda s, m: (
        [supplement_pdf(s, m, public=True)] if any(c.late for c in m.cases) else []
    ),
    "oppfølgingsliste": lambda s, m: [followups_pdf(s, s.register.body(m.body_id).prefix, m.date)],
    "nettsted": lambda s, m: list(site_files(s, m.date.year).values()),
    "filnavn": lambda s, m: [
        file_stem(s, m, doc, True).encode()
        for doc in ("innkalling", "tilleggsinnkalling", "referat", "protokoll")
    ],
}
