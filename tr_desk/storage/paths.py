"""Where TR Desk keeps its data and finds its resources."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "TR Desk"
DB_FILENAME = "tr-desk.sqlite"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resources_dir() -> Path:
    """``tr_desk/resources`` in an installed wheel, ``resources/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"
