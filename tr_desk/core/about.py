"""What TR Desk says of itself: its version (from the installed package's metadata), where it
keeps its data, and what it is made with (``resources/licences/THIRD-PARTY.md``)."""

from __future__ import annotations

from pathlib import Path

from tr_desk import __version__

PACKAGE = "tr-desk"
LICENCES = ("Qt 6 og PySide6: LGPL-3.0 (kan byttes ut: se lisensfilen)", "ReportLab: BSD",
            "pypdf, lxml, Jinja2: BSD", "Liberation Sans: SIL OFL 1.1", "Symbola: fri bruk",
            "sRGB-fargeprofilen: zlib")  # fmt: skip


def version() -> str:
    """The installed package's version; the source's when it is not installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(PACKAGE)
    except PackageNotFoundError:
        return __version__


def licence_file(resources: Path) -> Path:
    return resources / "licences" / "THIRD-PARTY.md"


def version_text(data_folder: Path, resources: Path) -> str:
    """``tr-desk --version``: the version, the data folder, what is bundled and its licences."""
    return "\n".join([
        f"TR Desk {version()}",
        f"data folder: {data_folder}",
        "bundled: Qt 6 and PySide6 (LGPL-3.0; replaceable, see the licence file), ReportLab "
        "(BSD), pypdf, lxml, Jinja2 (BSD), Liberation Sans (SIL OFL 1.1), Symbola (free use), "
        "sRGB.icc (zlib)",
        f"licences: {licence_file(resources)}",
    ])  # fmt: skip
