"""Where TR Desk keeps its data and finds its resources."""

from __future__ import annotations

from pathlib import Path

from tr_desk.resources import resources_dir

__all__ = ["default_database_path", "resources_dir"]

APP_NAME = "TR Desk"
DB_FILENAME = "tr-desk.sqlite"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
