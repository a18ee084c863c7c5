"""When the library cannot be opened at start: choose another library, create a new one, or quit.

The folder chosen is remembered in the settings, so the next start opens it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from casefile.core.errors import CaseFileError
from casefile.core.library import Library, check_library_folder
from casefile.core.settings import Settings, default_library_path, resolve_operator, save_settings
from casefile.ui.i18n import fill, translated

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class LibraryChoiceDialog(QDialog):
    """Why the library did not open, and the three ways on; ``library`` is set once one opened."""

    def __init__(self, path: Path, reason: str, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.settings = settings
        self.library: Library | None = None
        self.setWindowTitle(self.tr("Cannot open the library"))
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setText(
            fill(self.tr("CaseFile cannot open the library at %1:"), str(path))
            + f"\n{reason}\n\n"
            + self.tr("Choose another library, create a new one, or quit.")
        )
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.choose_button = QPushButton(self.tr("Choose another library…"), self)
        self.create_button = QPushButton(self.tr("Create a new library…"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.choose_button.clicked.connect(self.choose_other)
        self.create_button.clicked.connect(self.create_new)
        self.quit_button.clicked.connect(self.reject)
        self.choose_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def pick_folder(self, title: str) -> str:
        """A folder the user chooses ("" when cancelled)."""
        start = self.path if self.path.parent.is_dir() else default_library_path().parent
        return QFileDialog.getExistingDirectory(self, title, str(start if start.is_dir() else Path.home()))

    def choose_other(self) -> None:
        folder = self.pick_folder(self.tr("Choose a CaseFile library"))
        if folder:
            self._open(Path(folder), create=False)

    def create_new(self) -> None:
        folder = self.pick_folder(self.tr("Choose an empty folder for the new library"))
        if not folder:
            return
        problem = check_library_folder(Path(folder))
        if problem is not None:
            self._show_problem(translated(problem))
            return
        self._open(Path(folder), create=True)

    def _open(self, folder: Path, *, create: bool) -> None:
        try:
            self.library = Library.open(
                folder, resolve_operator(None, self.settings), create=create, hash_sm3=self.settings.hash_sm3
            )
        except CaseFileError as exc:
            self._show_problem(translated(exc))
            return
        self.settings.library = str(self.library.root)
        try:
            save_settings(self.settings)
        except OSError as exc:  # the library is open all the same; the next start asks again
            log.warning("the library chosen (%s) could not be remembered: %s", self.library.root, exc)
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def open_library(path: Path, settings: Settings, parent: QWidget | None = None) -> Library | None:
    """The library at ``path``; if it cannot be opened, the one the user chooses or creates instead
    (None when they quit)."""
    try:
        # A library in order is shown from its index read with sqlite3; SQLAlchemy loads with the first change.
        return Library.open(path, resolve_operator(None, settings), hash_sm3=settings.hash_sm3, index_on_demand=True)
    except CaseFileError as exc:
        log.warning("cannot open the library at %s: %s", path, exc)
        dialog = LibraryChoiceDialog(path, translated(exc), settings, parent)
        dialog.exec()
        library = dialog.library
        dialog.deleteLater()  # nothing of it outlives the start
        return library
