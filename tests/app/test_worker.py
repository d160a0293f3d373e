"""The preview's render worker: its protocol, in process, and as the process the window runs."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

from tr_desk.app import worker
from tr_desk.core.notice import notice_content
from tr_desk.storage.store import Store


def notice(store: Store):
    kf = store.register.body_by_prefix("KF")
    return notice_content(
        store.context(
            store.meetings.meeting(store.meetings.meeting_id(kf.id, dt.date(2022, 12, 2)))
        )
    )


def test_requests_and_answers_in_process(demo_store: Store) -> None:
    requests = io.BytesIO()
    worker.send(requests, ("notice", notice(demo_store)))
    worker.send(requests, ("os:system", "echo no"))  # only document renderers
    requests.seek(0)
    answers = io.BytesIO()
    worker.serve(requests, answers)  # returns at the end of input
    answers.seek(0)
    status, pdf = worker.receive(answers)
    assert status == "ok" and pdf.startswith(b"%PDF")
    assert worker.receive(answers) == ("error", "ValueError: not a renderer: os:system")


def test_the_worker_process_renders_and_ends_with_its_input(demo_store: Store) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "tr_desk.app.worker"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    ) as process:  # fmt: skip
        request = ("notice", notice(demo_store))
        worker.send(process.stdin, request)
        status, pdf = worker.receive(process.stdout)
        assert status == "ok" and pdf.startswith(b"%PDF")
        process.stdin.close()
        assert process.wait(timeout=10) == 0
