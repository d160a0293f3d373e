"""The layers hold: Qt only in tr_desk.ui, and nothing heavy on the way to the first paint."""

from __future__ import annotations

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
