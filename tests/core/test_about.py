"""What TR Desk says of itself: the version from the package, the data folder, the licences
of what it bundles (Qt's LGPL named, with how to replace it)."""

from __future__ import annotations

from pathlib import Path

from tr_desk.core.about import licence_file, version, version_text
from tr_desk.resources import resources_dir


def test_the_version_text_names_the_folder_and_the_licences() -> None:
    text = version_text(Path("/data/TR Desk"), resources_dir())
    assert text.splitlines()[0] == f"TR Desk {version()}"
    assert "data folder: /data/TR Desk" in text and "LGPL-3.0" in text and "ReportLab" in text
    licences = licence_file(resources_dir()).read_text(encoding="utf-8")
    assert "## Qt and the LGPL" in licences and "replace them" in licences
