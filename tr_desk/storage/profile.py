"""Filling a new database from a profile: the organisation, its bodies, people and seats.

A profile is data (``resources/profiles/``: ``standard.json`` is Trondheimsregionen's, the
default; ``eksempel-*.json`` are examples of other shapes), so that another council is
another file, and names and slots are edited in a file or in the Register pane, never in code.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code
from tr_desk.core.profile import Profile, parse_profile
from tr_desk.inputs import read_bounded
from tr_desk.storage.paths import resources_dir

if TYPE_CHECKING:
    from tr_desk.core.organisation import Organisation

DEFAULT_PROFILE = "standard.json"
MAX_PROFILE_BYTES = 4 * 2**20


def profiles_dir() -> Path:
    return resources_dir() / "profiles"


def shipped_profiles() -> list[tuple[Path, Profile]]:
    """The profiles that come with TR Desk, the default first."""
    paths = sorted(profiles_dir().glob("*.json"), key=lambda p: (p.name != DEFAULT_PROFILE, p))
    return [(path, read_profile(path)) for path in paths]


def read_profile(path: Path | None = None) -> Profile:
    """The profile at ``path`` (default: the shipped standard profile), checked. A
    ``UserError`` names the file and what is wrong with it."""
    if path is None:
        return default_profile()
    return _read(Path(path))


@functools.cache
def default_profile() -> Profile:
    return _read(profiles_dir() / DEFAULT_PROFILE)


def default_organisation() -> Organisation:
    """The standard profile's organisation: that of every database made before profiles
    carried one."""
    return default_profile().organisation


def _read(path: Path) -> Profile:
    from tr_desk.core.json_file import MeetingFileError, parse_meeting_json

    data = read_bounded(path, MAX_PROFILE_BYTES)
    try:
        return parse_profile(parse_meeting_json(data))
    except MeetingFileError as exc:
        raise UserError.of(
            Code.PROFILE_NOT_VALID_JSON, name=path.name, exc=exc, path=path
        ) from None
    except UserError as exc:
        raise UserError.of(
            Code.PROFILE_CANNOT_USED, name=path.name, exc=exc, path=path, english=exc.english
        ) from None
