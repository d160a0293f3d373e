"""The first start on a fresh machine, the way the README starts it: the installed entry
point, a new empty home folder, no ``--db``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def entry_point() -> str:
    """The ``tr-desk`` script installed next to this Python (the README's .venv/bin/tr-desk)."""
    script = Path(sys.executable).parent / ("tr-desk.exe" if os.name == "nt" else "tr-desk")
    if script.exists():
        return str(script)
    found = shutil.which("tr-desk")
    if found is None:
        pytest.fail("the tr-desk entry point is not installed next to this Python")
    return found


def fresh_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "TR_DESK"))}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def test_the_window_paints_and_demo_works_in_an_empty_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = fresh_env(home)
    window = subprocess.run(
        [entry_point()], env={**env, "TR_DESK_EXIT_AFTER_PAINT": "1"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert window.returncode == 0, window.stderr
    assert "PAINTED" in window.stdout
    assert window.stdout.split()[-1] == "Velkommen"  # an empty database: the welcome
    assert "Traceback" not in window.stderr
    database = home / ".local" / "share" / "TR Desk" / "tr-desk.sqlite"
    assert database.is_file()

    demo = subprocess.run(
        [entry_point(), "demo"], env=env, capture_output=True, text=True, timeout=120
    )
    assert demo.returncode == 0, demo.stderr
    demo_file = database.with_name("tr-desk-demo.sqlite")
    assert f"demo data in {demo_file}" in demo.stdout  # never in the user's own database
    # The user's database is still empty: the welcome again. The demo, opened, shows its own
    # day: the KF meeting being prepared, in the Sakliste.
    for db, pane in ((None, "Velkommen"), (demo_file, "Sakliste")):
        again = subprocess.run(
            [entry_point(), *(["--db", str(db)] if db else [])],
            env={**env, "TR_DESK_EXIT_AFTER_PAINT": "1"},
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert again.returncode == 0, again.stderr
        assert again.stdout.split()[-1] == pane
        assert "Traceback" not in again.stderr


def test_a_db_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    target = tmp_path / "ny" / "mappe" / "tr.sqlite"
    result = subprocess.run(
        [entry_point(), "--db", str(target), "demo"], env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert target.is_file()


def test_the_live_preview_renders_through_the_worker_and_its_page_is_drawn(tmp_path: Path):
    """What the desktop program's smoke test asks of the frozen program, here of the venv's:
    the Sakliste's preview typeset in the worker process and its first page drawn by QtPdf."""
    home = tmp_path / "home"
    home.mkdir()
    env = fresh_env(home)
    db = str(tmp_path / "demo.sqlite")
    subprocess.run([entry_point(), "--db", db, "demo"], env=env, check=True, capture_output=True,
                   timeout=120)  # fmt: skip
    done = subprocess.run([entry_point(), "--db", db], capture_output=True, text=True,
                          env={**env, "TR_DESK_EXIT_AFTER_PREVIEW": "1"}, timeout=120,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "first page drawn" in done.stdout
