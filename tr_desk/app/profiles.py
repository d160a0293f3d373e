"""The profiles a new database is made from: those shipped with TR Desk, or a file of the
organisation's own (read and checked before anything is made)."""

from __future__ import annotations

from tr_desk.storage.profile import DEFAULT_PROFILE as DEFAULT_PROFILE
from tr_desk.storage.profile import profiles_dir as profiles_dir
from tr_desk.storage.profile import read_profile as read_profile
from tr_desk.storage.profile import shipped_profiles as shipped_profiles

__all__ = ["DEFAULT_PROFILE", "profiles_dir", "read_profile", "shipped_profiles"]
