"""Starting the window: open the database, show real content fast, then the chores."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

# Set by the benchmark: quit right after the first pane has painted, and say when.
BENCHMARK_ENV = "TR_DESK_EXIT_AFTER_PAINT"


class PaintProbe(QObject):
    """Notes when a widget showing real content is first painted, reports it, and quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted_at:
            self._painted_at = time.time()
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"PAINTED {self._painted_at:.6f} {peak_rss_kb()}", flush=True)
        self._app.quit()


def peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _install_translations(app: QApplication) -> None:
    """Norwegian texts in Qt's own dialogs (Yes/No, the calendar)."""
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_", folder):
        app.installTranslator(translator)


def run(db_path: Path | None) -> int:
    from tr_desk.storage.database import StoreError
    from tr_desk.storage.paths import default_database_path
    from tr_desk.storage.store import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("TR Desk")
    app.setOrganizationName("Trondheimsregionen")
    _install_translations(app)
    benchmark = bool(os.environ.get(BENCHMARK_ENV))
    try:
        store = Store.open(db_path or default_database_path(), lock=True)
    except StoreError as exc:
        QMessageBox.critical(None, "TR Desk", str(exc))
        return 1

    from tr_desk.ui.main_window import MainWindow

    window = MainWindow(store)
    if benchmark:
        probe = PaintProbe(app)
        window.register.people.list.viewport().installEventFilter(probe)
    window.show()
    if not benchmark:
        window.first_painted.connect(window.after_start)
    code = app.exec()
    store.close()
    return code
