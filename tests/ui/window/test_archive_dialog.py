"""Fil › «Eksporter til arkiv …»: the year of the newest approved minutes offered, the package
written with a progress bar, what went in and what was left out said; a full folder refused
with a message, the dialog still open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from tr_desk.ui.window.archive_dialog import ArchiveDialog, summary


def test_the_package_is_written_and_what_came_of_it_said(
    qtbot,
    archived_store,
    dialogs,
    tmp_path: Path,
    monkeypatch,
) -> None:
    dialog = ArchiveDialog(archived_store)
    qtbot.addWidget(dialog)
    assert (dialog.start.day(), dialog.end.day()) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.txt").write_text("x")
    dialog.folder.setText(str(full))
    dialog.export()
    assert "ikke en tom mappe" in dialogs.messages[-1] and dialog.result_ is None
    from tr_desk.ui.window import archive_dialog

    labels: list[str] = []
    real = archive_dialog.export_archive

    def watched(store, start, end, target, step):
        def seen(done, total, what):
            step(done, total, what)
            labels.append(dialog.findChildren(QProgressDialog)[-1].labelText())

        return real(store, start, end, target, seen)

    monkeypatch.setattr(archive_dialog, "export_archive", watched)
    dialog.folder.setText(str(tmp_path / "uttrekk"))
    dialog.export()
    assert dialog.result_ is not None and (tmp_path / "uttrekk" / "arkivuttrekk.xml").exists()
    assert labels == ["Møte 1 av 2: KF 2022-06-03", "Møte 2 av 2: KF 2022-09-16", "Skriver …"]
    said = summary(dialog.result_)
    assert "2 møter" in said and "TR 2022-06-17 (avholdt)" in said


def test_fil_has_the_entry(window) -> None:
    entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Eksporter til &arkiv …" in entries
