"""Where the files shipped with TR Desk are: fonts, the profile, the demo history."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """``tr_desk/resources`` in an installed wheel, ``resources/`` in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"
