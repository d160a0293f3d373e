"""Fil › «Publiser nettsider …»: what a publish would do is shown first, then written; the
folder is remembered; the entry is in Fil."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from tr_desk.ui.window.site_dialog import FOLDER_KEY, SiteDialog


def test_the_changes_are_shown_then_published_and_the_folder_remembered(
    qtbot, demo_store, dialogs, tmp_path: Path
) -> None:
    from tr_desk.ui.widgets.state import settings

    dialog = SiteDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "nettsted"))
    dialog.year.setValue(2022)
    changes = dialog.show_changes()
    progress = dialog.findChildren(QProgressDialog)[-1]  # made for the pages, then closed
    assert progress.maximum() == 5 and not progress.isVisible()
    shown = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert changes is not None and "Ny: index.html" in shown and "Ny: moteplan-2022.html" in shown
    dialog.publish()
    assert dialog.published is not None and (tmp_path / "nettsted" / "index.html").exists()
    assert settings().value(FOLDER_KEY) == str(tmp_path / "nettsted")
    again = SiteDialog(demo_store)
    qtbot.addWidget(again)
    assert again.folder.text() == str(tmp_path / "nettsted")
    again.year.setValue(2022)
    again.show_changes()
    assert "Ingen endringer" in again.summary.text()


def test_fil_has_the_entry(window) -> None:
    entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Publiser &nettsider …" in entries


def test_no_label_shows_its_access_key_as_an_ampersand(qtbot, demo_store) -> None:
    """«&Mappe:» on a row of two widgets needs its buddy, or it prints the «&»."""
    from PySide6.QtWidgets import QLabel

    from tr_desk.ui.window.archive_dialog import ArchiveDialog

    for dialog in (SiteDialog(demo_store), ArchiveDialog(demo_store)):
        qtbot.addWidget(dialog)
        shown = [label.text() for label in dialog.findChildren(QLabel)
                 if "&" in label.text().replace("&&", "") and label.buddy() is None]  # fmt: skip
        assert shown == [], shown
