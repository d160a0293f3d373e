"""Hjelp › Om: the version, the database and the data folder, and what is bundled with
its licences (Qt's LGPL among them); the window carries TR Desk's icon."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox


def test_om_says_the_version_the_data_folder_and_the_licences(window, monkeypatch) -> None:
    from tr_desk.core.about import version

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: said.append(text))
    window.files.about()
    (text,) = said
    assert f"TR Desk {version()}" in text and "Datamappe:" in text and "LGPL-3.0" in text
    assert "THIRD-PARTY.md" in text


def test_the_icon_is_set(qtbot) -> None:
    from tr_desk.ui.app import set_icon

    app = QApplication.instance()
    set_icon(app)
    assert not app.windowIcon().isNull() and app.windowIcon().availableSizes()
