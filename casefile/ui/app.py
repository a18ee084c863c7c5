"""Starting the desktop app."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from casefile import __app_name__, __version__
from casefile.core.errors import CaseFileError
from casefile.core.library import Library
from casefile.core.settings import Settings, load_settings
from casefile.resources import resource_path
from casefile.ui.context import AppContext, show_error
from casefile.ui.tasks import TaskRunner

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(__app_name__)
    app.setOrganizationName(__app_name__)
    app.setApplicationVersion(__version__)
    try:  # vector, so it stays sharp at any scale
        app.setWindowIcon(QIcon(str(resource_path("icons", "casefile.svg"))))
    except CaseFileError:
        log.warning("the application icon is missing")
    use_shipped_font(app)
    return app


def use_shipped_font(app: QApplication) -> None:
    """The shipped CJK font as the app's font (at 10 pt or more), so Chinese renders on machines without one and
    every machine lays the window out with the same letters (the tests measure with it too)."""
    try:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    except CaseFileError:
        font_id = -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0])
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)


def freeze_startup() -> None:
    """Leave what the app made to start (its modules, classes, the window and its widgets: some 150,000
    objects, kept as long as it runs) out of the garbage collector's full collections from now on. A full
    collection walks every object otherwise, on whichever thread is allocating, and the window waits for it:
    about 0.1 s each time a case of thousands of exhibits is read again after a change. Garbage is collected
    as before; what becomes of the objects frozen is left to reference counting."""
    gc.collect()
    gc.freeze()


def run(library_path: Path, *, team: bool = False) -> int:
    """Open the library and show the main window; returns the exit code.

    ``team``: the team library saved as active (casefile team connect, or Settings → 团队库) is opened
    instead, once the user has signed in (casefile.ui.team.TeamStart).
    """
    from casefile.ui.i18n import install
    from casefile.ui.library_choice import open_library
    from casefile.ui.main_window import MainWindow

    app = make_application()
    settings = load_settings()
    install(app, settings.language)
    sys.excepthook = lambda _t, error, _tb: show_error(None, error)
    runner = TaskRunner()
    library = start_team(settings, runner) if team else open_library(library_path, settings)
    if library is None:  # the library did not open and the user chose to quit
        return 2
    ctx = AppContext(library=library, settings=settings, runner=runner)
    window = MainWindow(ctx)
    window.show()
    window.start_watching()
    freeze_startup()
    QTimer.singleShot(0, window.first_run)  # once: the organisation and the operator, for receipts
    try:
        return int(app.exec())
    finally:
        library.close()


def start_team(settings: Settings, runner: TaskRunner) -> Library | None:
    """The active team library's working copy once signed in, the solo library if the user chose it,
    or None when they quit (the dialogs run in an event loop of their own: the window is not there yet)."""
    from casefile.core.team import load_team
    from casefile.ui.library_choice import open_library
    from casefile.ui.team import TeamStart, solo_library_path

    try:
        team = load_team()
    except CaseFileError as exc:  # a team file that cannot be read: the solo library, and why
        show_error(None, exc)
        return open_library(solo_library_path(settings), settings)
    start = TeamStart(team, settings, runner)
    loop = QEventLoop()
    start.finished.connect(loop.quit)
    start.start()
    if not start.done:
        loop.exec()
    return start.library
