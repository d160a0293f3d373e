"""Starting the window: open the database, show real content fast, then the chores."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from tr_desk.app.database import Store
    from tr_desk.ui.window.main_window import MainWindow

# Set by the benchmark: quit right after the first pane has painted, and say when; or once
# the pane the window opens on can be used (painted, the event loop idle).
BENCHMARK_ENV = "TR_DESK_EXIT_AFTER_PAINT"
INTERACTIVE_ENV = "TR_DESK_EXIT_WHEN_INTERACTIVE"
# Set by the desktop program's smoke test: the Sakliste's live preview rendered through the
# worker process and its first page drawn by Qt's PDF module, said, then quit.
PREVIEW_ENV = "TR_DESK_EXIT_AFTER_PREVIEW"


class PaintProbe(QObject):
    """Notes when a widget showing real content is first painted, reports it, and quits."""

    def __init__(self, app: QApplication, pane: str) -> None:
        super().__init__()
        self._app = app
        self._pane = pane.replace(" ", "_") or "Velkommen"
        self._painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted_at:
            self._painted_at = time.time()
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"PAINTED {self._painted_at:.6f} {peak_rss_kb()} {self._pane}", flush=True)
        self._app.quit()


class InteractiveProbe(QObject):
    """Notes when the pane the window opens on (not the light view standing in for it) has
    painted and the event loop is idle — the user can click it — reports it, and quits."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        from PySide6.QtCore import QAbstractEventDispatcher

        super().__init__()
        self._app, self._window = app, window
        self._painted_at = 0.0
        self._reported = False
        app.installEventFilter(self)
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.aboutToBlock.connect(self._on_idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted_at
            and event.type() == QEvent.Type.Paint
            and self._window.first_view is None
            and self._window.painted
        ):
            pane = self._window.stack.currentWidget()
            if isinstance(watched, QWidget) and pane is not None and pane.isAncestorOf(watched):
                self._painted_at = time.time()
        return False

    def _on_idle(self) -> None:
        if self._painted_at and not self._reported:
            self._reported = True
            pane = self._window.current_title().replace(" ", "_") or "Velkommen"
            print(f"INTERACTIVE {time.time():.6f} {peak_rss_kb()} {pane}", flush=True)
            QTimer.singleShot(0, self._app.quit)


class PreviewProbe(QObject):
    """Asks the Sakliste for its preview, draws the first page it gets, reports, and quits
    (exit status 1 when no page came within a minute)."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__()
        self._app, self._window = app, window
        window.first_painted.connect(self._ask)
        QTimer.singleShot(60_000, lambda: self._done("PREVIEW failed: no page in 60 s", 1))

    def _ask(self) -> None:
        self._window.show_pane("Sakliste")
        pane: Any = self._window._pane("Sakliste")
        preview = getattr(pane, "preview", None)
        if preview is None or getattr(pane, "meeting", None) is None:
            self._done("PREVIEW failed: no meeting in the Sakliste", 1)
            return
        from tr_desk.ui.agenda.pane import show_preview

        preview.rendered.connect(lambda *_: QTimer.singleShot(500, lambda: self._draw(preview)))
        show_preview(pane)

    def _draw(self, preview: Any) -> None:
        from PySide6.QtCore import QSize

        document = preview.document
        if document.pageCount() < 1:
            self._done(f"PREVIEW failed: {preview.status.text() or 'no pages'}", 1)
            return
        image = document.render(0, QSize(300, 424))
        colours = (image.pixelColor(x, y) for x in range(0, 300, 5) for y in range(0, 424, 5))
        ink = sum(1 for c in colours if c.alpha() > 128 and c.lightness() < 128)  # the text
        self._done(f"PREVIEW {document.pageCount()} pages, first page drawn ({ink} dark points)",
                   0 if ink else 1)  # fmt: skip

    def _done(self, line: str, code: int) -> None:
        print(line, flush=True)
        self._app.exit(code)


def peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def install_translations(app: QApplication) -> None:
    """Norwegian dates in Qt's widgets and bokmål in its own menus and buttons."""
    from tr_desk.ui.translations import BokmalTranslator

    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    app.installTranslator(BokmalTranslator(app))


def install_error_hook() -> None:
    """A database error in any slot (a damaged page read late) is told, not a crash."""
    from tr_desk.app.database import StoreError

    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        if isinstance(error, StoreError):
            from tr_desk.ui.widgets import dialogs

            dialogs.warn(None, str(error), "Feil i databasen")
            return
        previous(kind, error, trace)  # type: ignore[arg-type]

    sys.excepthook = hook


def build_window(store: Store) -> MainWindow | None:
    """The main window; None when the file is too damaged to show (after the quick check)."""
    from tr_desk.app.database import StoreError
    from tr_desk.ui.widgets import dialogs
    from tr_desk.ui.window.main_window import MainWindow

    try:
        return MainWindow(store)
    except StoreError as exc:
        if store.verify():  # a sound file: a real error, told as it is
            dialogs.fail(None, str(exc))
            return None
    try:  # damaged, now read-only: show what can be shown
        return MainWindow(store)
    except StoreError:
        return None


def offer_restore(path: Path) -> bool:
    """A database too damaged to open: offer its newest sound backup. True when restored."""
    from tr_desk.app.backup import newest_sound_backup, restore
    from tr_desk.app.database import StoreError
    from tr_desk.ui.widgets import dialogs

    good = newest_sound_backup(path)
    if good is None:
        dialogs.fail(
            None,
            f"Databasen «{path}» er skadet og kan ikke åpnes, og det finnes ingen feilfri "
            "sikkerhetskopi. Filen er ikke endret.",
        )
        return False
    if not dialogs.confirm(
        None,
        "Databasen er skadet",
        f"Databasen «{path.name}» er skadet og kan ikke åpnes. Nyeste feilfrie sikkerhetskopi "
        f"er «{good.name}». Gjenopprette den nå? Den skadede filen blir tatt vare på.",
        "Gjenopprett",
    ):
        return False
    try:
        restore(path, good)
    except StoreError as exc:
        dialogs.fail(None, str(exc))
        return False
    return True


def set_icon(app: QApplication) -> None:
    """TR Desk's icon on every window (and in the taskbar), from ``resources/icons``."""
    from PySide6.QtGui import QIcon

    from tr_desk.resources import resources_dir

    icon = QIcon()
    for size in (32, 256):
        icon.addFile(str(resources_dir() / "icons" / f"tr-desk-{size}.png"))
    app.setWindowIcon(icon)


def run(db_path: Path | None) -> int:
    from tr_desk.app.database import StoreError, default_database_path, open_for_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("TR Desk")
    app.setOrganizationName("TR Desk")
    app.setDesktopFileName("tr-desk")  # the launcher's .desktop file: its icon in the dock
    set_icon(app)
    benchmark = bool(os.environ.get(BENCHMARK_ENV))
    install_error_hook()
    path = db_path or default_database_path()
    code = 0
    while True:
        try:
            store = open_for_window(path)
        except StoreError as exc:
            from tr_desk.ui.widgets import dialogs

            dialogs.fail(None, str(exc))
            return 1

        window = build_window(store)
        if window is None:
            store.close()
            if offer_restore(path):
                continue
            return 1
        reopen: list[str] = []
        window.reopen_requested.connect(reopen.append)
        window.reopen_requested.connect(window.close)
        if benchmark:
            probe: QObject = PaintProbe(app, window.current_title())
            window.content_view.installEventFilter(probe)
        elif os.environ.get(INTERACTIVE_ENV):
            probe = InteractiveProbe(app, window)
        elif os.environ.get(PREVIEW_ENV):
            probe = PreviewProbe(app, window)
        window.first_painted.connect(lambda: install_translations(app))
        window.show()
        if not benchmark:
            window.first_painted.connect(window.after_start)
        code = app.exec()
        store.close()
        window.deleteLater()
        if not reopen:
            return code
        path = Path(reopen[-1])
