"""The layers hold: Qt only in tr_desk.ui, and nothing heavy on the way to the first paint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts() -> None:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_start_up_path_leaves_heavy_libraries_alone() -> None:
    code = (
        "import sys, tr_desk.cli, tr_desk.ui.main_window, tr_desk.ui.app, tr_desk.ui.first_view;"
        "print(sorted(m for m in ('sqlite_utils', 'reportlab', 'babel', 'holidays', 'pypdf',"
        " 'icalendar', 'markdown_it', 'tr_desk.core.model', 'tr_desk.storage.meetings')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_all_of_tr_desk_is_typed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Calls that read the real date or time. Durations (time.monotonic, perf_counter) are fine.
CLOCK_READS = re.compile(
    r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\bQDate(?:Time)?\.current"
    r"|\btime\.(?:localtime|ctime|asctime)\(|\bdate\('now'\)|CURRENT_(?:DATE|TIMESTAMP)"
)
CLOCK_HOMES = {Path("tr_desk/core/clock.py")}


def test_only_the_clock_reads_the_date() -> None:
    """Code and tests ask a ``Clock`` for today: a test that reads the real date fails on some
    day of the year (December's holidays did), and code that does cannot be tested."""
    readers = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("tr_desk", "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT) not in CLOCK_HOMES and path != Path(__file__)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READS.search(line)
    ]
    assert readers == []
