"""Every file dialog the window opens (open, open many, save, folder) speaks bokmål."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tr_desk.ui.widgets import dialogs

ENGLISH = ("Look in", "File name", "Files of type", "Cancel", "&Open", "&Save", "Choose")


@pytest.mark.parametrize("mode", list(dialogs.FileMode))
def test_file_dialogs_have_no_english_labels(qtbot, tmp_path, mode) -> None:
    dialog = dialogs.file_dialog(
        None, "Velg", str(tmp_path), "Velg", mode=mode, kinds=[("PDF-filer", "pdf")]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    assert not [t for t in texts if any(word in t for word in ENGLISH)], texts
    assert "Avbryt" in texts
    dialog.close()
