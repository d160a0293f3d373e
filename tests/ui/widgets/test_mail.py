"""The mail draft's papers: an attachment that is not PDF/A is said in the status bar (the
papers can be sent, not archived as they are); the draft is made all the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from tests.pdftext import one_page_pdf
from tr_desk.core.model import Attachment


def test_papers_that_are_not_pdfa_are_said_not_refused(qtbot, demo_store, monkeypatch) -> None:
    from tests.ui.test_daily_flow import open_window
    from tr_desk.ui.widgets import mail

    kf = demo_store.register.body_by_prefix("KF")
    meeting_id = demo_store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2))
    case = demo_store.meetings.meeting(meeting_id).cases[3]
    name = demo_store.files.store_attachment(one_page_pdf("Skannet brev"), "brev.pdf")
    demo_store.agenda.update_case(
        dataclasses.replace(case, attachments=[*case.attachments, Attachment("Brev", file=name)])
    )
    window = open_window(qtbot, demo_store, dt.date(2022, 11, 25))
    monkeypatch.setattr(mail, "open_draft", lambda _path: True)
    path = mail.send_notice_mail(
        window.centralWidget(), demo_store, demo_store.meetings.meeting(meeting_id)
    )
    assert path is not None and path.exists()
    said = window.statusBar().currentMessage()
    assert "ikke PDF/A" in said and re.search(r"KF \d+/22 Vedlegg \d", said), said
