"""The profiles shipped with TR Desk: the standard first, each one readable, each its own."""

from __future__ import annotations

from tr_desk.app.profiles import DEFAULT_PROFILE, profiles_dir, read_profile, shipped_profiles


def test_the_shipped_profiles_read_and_the_standard_comes_first() -> None:
    shipped = shipped_profiles()
    assert shipped[0][0].name == DEFAULT_PROFILE and len(shipped) >= 2
    names = [profile.organisation.name for _, profile in shipped]
    assert len(set(names)) == len(names)
    assert read_profile() == read_profile(profiles_dir() / DEFAULT_PROFILE)
    for path, profile in shipped[1:]:
        assert path.name.startswith("eksempel-") and "EKSEMPEL" in profile.about
