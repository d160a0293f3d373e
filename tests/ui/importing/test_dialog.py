"""Fil › Importer: the preview read in the worker process, names, leaving out, one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from tests.app.test_importing import MINUTES_2023, NOTICE_2023, meeting_file
from tr_desk.ui.importing.dialog import NEW, ImportDialog


def documents(folder: Path) -> list[Path]:
    notice, minutes = folder / "innkalling.txt", folder / "referat.txt"
    notice.write_text(NOTICE_2023, encoding="utf-8")
    minutes.write_text(MINUTES_2023, encoding="utf-8")
    return [notice, minutes]


def read(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.reading, timeout=20000)


def tree_lines(dialog: ImportDialog) -> list[str]:
    out = []

    def walk(item, depth):
        out.append("  " * depth + item.text(0) + " | " + item.text(1))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(dialog.tree.topLevelItemCount()):
        walk(dialog.tree.topLevelItem(i), 0)
    return out


def test_the_preview_shows_documents_meetings_cases_and_names(qtbot, store, tmp_path) -> None:
    paths = documents(tmp_path)
    dialog = ImportDialog(store, None, paths)
    qtbot.addWidget(dialog)
    read(qtbot, dialog)
    lines = "\n".join(tree_lines(dialog))
    assert "innkalling.txt | 1 dokument" in lines
    assert "Innkalling – Kommunedirektørforum 03.02.2023 | nytt møte" in lines
    assert "Referat – Kommunedirektørforum 03.02.2023 | nytt møte" in lines
    assert "Møte: KF fredag 03.02.2023 kl. 09.00–11.30, Rådhuset" in lines
    assert "KF 02/23 Budsjett 2023 | forslag til vedtak" in lines
    assert "KF 02/23 Budsjett 2023 | vedtak" in lines
    assert "Til stede (3), forfall (0)" in lines
    assert "1 nytt møte" in dialog.summary.text()
    assert "2 navn er ikke i personregisteret" in dialog.summary.text()
    assert not dialog.names_box.isHidden()
    combo = dialog.name_combo("Kjetil M")
    assert combo is not None
    assert combo.itemText(combo.currentIndex()) == "La stå som skrevet"
    assert "Samme som Kjetil Mjøsund" in [combo.itemText(i) for i in range(combo.count())][:5]

    # Leave the minutes out: their names go from the list, the meeting is the notice's
    minutes_item = next(
        item for key, item in dialog._doc_items.items() if key == (1, 0)
    )  # fmt: skip
    minutes_item.setCheckState(0, Qt.CheckState.Unchecked)
    assert minutes_item.text(1) == "tas ikke med"
    assert dialog.names_box.isHidden() and "navn" not in dialog.summary.text()
    minutes_item.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.import_button.isEnabled()


def test_import_from_the_menu_is_one_undo_step(qtbot, window, dialogs, store, tmp_path) -> None:
    paths = documents(tmp_path)
    steps = window.undo_stack.count()

    def drive() -> None:
        dialog = window.import_dialog
        dialog.add_paths(paths)
        read(qtbot, dialog)
        dialog.name_combo("Ola Utenfor").setCurrentIndex(
            dialog.name_combo("Ola Utenfor").findData(NEW)
        )
        combo = dialog.name_combo("Kjetil M")
        combo.setCurrentIndex(combo.findData("Kjetil Mjøsund"))
        dialog.import_button.click()

    QTimer.singleShot(0, drive)
    window.import_action.trigger()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Import av 2 filer"
    assert "1 nytt møte" in window.statusBar().currentMessage()
    imported = meeting_file(store, "KF", "2023-02-03")
    assert imported is not None
    assert [a["name"] for a in imported["attendance"]][:2] == ["Kjetil Mjøsund", "Ola Utenfor"]
    assert imported["cases"][1]["proposal"] and imported["cases"][1]["resolution"]

    # «Kilde» on the meeting, with links to the originals kept beside the database
    meeting_id = store.meetings.meeting_id(store.register.body_by_prefix("KF").id,
                                           dt.date(2023, 2, 3))  # fmt: skip
    window.current_meeting_id = meeting_id
    window.show_pane("Protokoll")
    sources = window.minutes_pane.sources
    assert sources.isVisible() and "innkalling.txt" in sources.text()
    assert "kilder/" in sources.text() and "referat.txt" in sources.text()

    window.undo_action.trigger()
    assert meeting_file(store, "KF", "2023-02-03") is None
    assert "Ola Utenfor" not in [p.name for p in store.register.people()]
    window.redo_action.trigger()
    assert meeting_file(store, "KF", "2023-02-03") == imported

    # The same files again: nothing to do
    def again() -> None:
        dialog = window.import_dialog
        dialog.add_paths(paths)
        read(qtbot, dialog)
        assert "importert før" in "\n".join(tree_lines(dialog))
        assert not dialog.import_button.isEnabled()
        dialog.reject()

    QTimer.singleShot(0, again)
    window.import_documents()
    assert window.undo_stack.count() == steps + 1


def test_reading_many_files_shows_progress_and_can_be_cancelled(qtbot, store, tmp_path) -> None:
    folder = tmp_path / "gamle"
    folder.mkdir()
    for i in range(30):
        (folder / f"referat-{i:02d}.txt").write_text(
            MINUTES_2023.replace("03.02.2023", f"{i % 28 + 1:02d}.03.2023"), encoding="utf-8"
        )
    dialog = ImportDialog(store, None, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reading and dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    assert dialog.progress.maximum() == 30
    assert not dialog.import_button.isEnabled()  # not while reading
    dialog.cancel_button.click()
    assert not dialog.reading and not dialog.progress.isVisible()
    assert "avbrutt" in dialog.progress_label.text()
    assert len(dialog.reports) < 30
    qtbot.wait(200)  # a file the worker finished after the cancel does not come in
    assert len(dialog.reports) < 30
    dialog.add_paths([folder])  # the rest can be read after all
    read(qtbot, dialog)
    assert len(dialog.reports) == 30
    assert "28 nye møter" in dialog.summary.text()


def test_files_dropped_on_the_window_open_the_import(qtbot, window, tmp_path) -> None:
    paths = documents(tmp_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths] + [QUrl("https://example.com")])
    seen: list[list[str]] = []

    def look() -> None:
        dialog = window.import_dialog
        read(qtbot, dialog)
        seen.append([r.path.name for r in dialog.reports])
        dialog.reject()

    QTimer.singleShot(50, look)
    event = QDropEvent(
        QPointF(QPoint(100, 100)), Qt.DropAction.CopyAction, data,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen == [["innkalling.txt", "referat.txt"]]


def test_an_import_from_the_welcome_opens_the_plan_of_its_year(qtbot, store, tmp_path) -> None:
    from tr_desk.ui.window.main_window import MainWindow

    paths = documents(tmp_path)
    window = MainWindow(store, today=dt.date(2026, 11, 23))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    assert window.stack.currentWidget() is window.welcome

    def drive() -> None:
        dialog = window.import_dialog
        dialog.add_paths(paths)
        read(qtbot, dialog)
        dialog.import_button.click()

    QTimer.singleShot(0, drive)
    window.welcome.import_button.click()
    assert window.current_title() == "Møteplan"
    assert window.plan.year == 2023


def test_a_document_held_back_is_shown_with_its_reason(qtbot, store, tmp_path) -> None:
    from tests.app.test_importing import PROTOCOL, UNPLACEABLE

    both = tmp_path / "arkiv.txt"
    both.write_text(PROTOCOL + "\n" + UNPLACEABLE, encoding="utf-8")
    dialog = ImportDialog(store, None, [both])
    qtbot.addWidget(dialog)
    read(qtbot, dialog)
    lines = "\n".join(tree_lines(dialog))
    assert "| holdt tilbake: fant ikke møtedatoen" in lines
    assert "1 dokument holdes tilbake" in dialog.summary.text()
    assert dialog.import_button.isEnabled()  # the rest goes in
