"""Every file dialog the window opens (open, open many, save, folder), and the print dialog
with its options shown, speaks bokmål."""

from __future__ import annotations

import re

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


PRINT_ENGLISH = re.compile(
    r"\b(Pages?|Print|Printer|Copies|Collate|Reverse|Options|Name|Location|Properties|Cancel|"
    r"Output|Selection|Current|Colou?r|Duplex|Orientation|Paper|Margins|Odd|Even|All|Local|"
    r"Write|file|from|to)\b"
)


def test_the_print_dialog_has_no_english_labels(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QComboBox, QGroupBox, QPushButton, QTabWidget

    from tr_desk.ui.translations import BokmalTranslator

    translator = BokmalTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        printer = QPrinter()  # kept: the dialog holds on to it
        dialog = QPrintDialog(printer)
        qtbot.addWidget(dialog)
        dialog.show()
        more = next(b for b in dialog.findChildren(QPushButton) if ">>" in b.text())
        more.click()  # the options: page range, copies, duplex
        shown = [w for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
                 if w.isVisibleTo(dialog)]  # fmt: skip
        texts = [w.text() for w in shown]
        texts += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisibleTo(dialog)]
        for tabs in dialog.findChildren(QTabWidget):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
        for combo in dialog.findChildren(QComboBox):
            if combo.isVisibleTo(dialog):
                texts += [combo.itemText(i) for i in range(combo.count())]
        english = [t for t in texts if PRINT_ENGLISH.search(t.replace("&", ""))]
        assert not english, texts
        assert "Sider" in texts and "&Skriv ut" in texts
        dialog.close()
    finally:
        QCoreApplication.removeTranslator(translator)
