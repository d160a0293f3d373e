"""The desktop program's smoke test: the *frozen* TR Desk, started as a user and as the
window starts its worker. Fails (exit status 1) on the first step that does not work.

    python packaging/smoke.py dist/tr-desk/tr-desk [WORK_DIR]

Steps: ``--version``; the first paint in an empty home folder; ``demo``; ``pdf innkalling``
(text checked); ``import`` of a small .docx and of a PDF (the data files the readers need);
the render worker started as the window starts it (``--tr-desk-worker``), reading the .docx
and typesetting a notice; the window's live preview rendered and its first page drawn.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(program: Path, *args: str, env: dict[str, str], check: str = "") -> str:
    started = time.perf_counter()
    done = subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)  # fmt: skip
    seconds = time.perf_counter() - started
    said = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or (check and check not in said):
        print(f"FAILED: tr-desk {' '.join(args)} (exit {done.returncode})\n{said[-2000:]}")
        sys.exit(1)
    print(f"ok  {seconds:5.1f} s  tr-desk {' '.join(args)[:70]}")
    return said


def word_file(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("INNKALLING, KOMMUNEDIREKTØRFORUM – 03.02.2023")
    document.add_paragraph("Sted: Rådhuset")
    document.add_paragraph("Tidsrom: Fredag 03. februar 2023 kl 0830-1130")
    document.add_paragraph("KF 01/23  Referat fra møte 02.12.2022")
    document.add_paragraph("Forslag til vedtak: Referatet godkjennes.")
    document.save(str(path))


def worker_round_trip(program: Path, env: dict[str, str], docx_path: Path) -> None:
    """As the window does: the program itself with the hidden flag, over pipes."""
    from tr_desk.app import worker
    from tr_desk.core.importing.shapes import Register
    from tr_desk.core.notice import NoticeCase, NoticeContent

    process = subprocess.Popen([str(program), worker.FLAG], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, env=env)  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    try:
        worker.send(process.stdin, ("warm", None))
        if worker.receive(process.stdout) != ("ok", b""):
            raise RuntimeError("warm")
        worker.send(process.stdin, ("import", (str(docx_path), Register([], []), frozenset())))
        status, report = worker.receive(process.stdout)
        if status != "ok" or report.error_en:
            raise RuntimeError(f"import: {status} {getattr(report, 'error_en', report)}")
        notice = NoticeContent("INNKALLING, PRØVE – 03.02.2023", [("Sted", "Rådhuset")],
                               [NoticeCase("KF 01/23", "Referat", proposal="Godkjennes.")],
                               ("Bård Eidet", "Daglig leder"))  # fmt: skip
        worker.send(process.stdin, ("notice", notice))
        status, pdf = worker.receive(process.stdout)
        if status != "ok" or not bytes(pdf).startswith(b"%PDF"):
            raise RuntimeError(f"notice: {status} {str(pdf)[:200]}")
    except (RuntimeError, EOFError, OSError) as exc:
        ended = process.poll()
        why = f"it ended with exit status {ended}" if ended is not None else repr(exc)
        print(f"FAILED: the frozen worker ({worker.FLAG}) did not answer: {why}")
        process.kill()
        sys.exit(1)
    finally:
        process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()
    print(f"ok           the frozen worker read a .docx and typeset a notice ({len(pdf)} bytes)")


def main(program: Path, work: Path) -> None:
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "USERPROFILE": str(home),
           "LOCALAPPDATA": str(home / "AppData"), "APPDATA": str(home / "Roaming"),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    run(program, "--version", env=env, check="TR Desk ")
    run(program, env={**env, "TR_DESK_EXIT_AFTER_PAINT": "1"}, check="PAINTED")
    db = str(work / "demo.sqlite")
    run(program, "--db", db, "demo", env=env, check="demo data in")
    target = work / "innkalling.pdf"
    run(program, "--db", db, "pdf", "innkalling", "KF 2022-12-02", "-o", str(target), env=env)
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    if "INNKALLING" not in text:
        print(f"FAILED: the notice says {text[:200]!r}")
        sys.exit(1)
    docx_path = work / "innkalling-2023.docx"
    word_file(docx_path)
    imported = str(work / "import.sqlite")
    run(program, "--db", imported, "import", str(docx_path), env=env, check="created")
    run(program, "--db", imported, "import", str(target), env=env)
    worker_round_trip(program, env, docx_path)
    run(program, "--db", db, env={**env, "TR_DESK_EXIT_AFTER_PREVIEW": "1"},
        check="first page drawn")  # fmt: skip
    print("smoke test of the desktop program: every step passed")


if __name__ == "__main__":
    given = Path(sys.argv[1]).resolve()
    if len(sys.argv) > 2:
        main(given, Path(sys.argv[2]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(given, Path(folder))
