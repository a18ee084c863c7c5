"""What the window's parts share: the library, the settings, the task runners, and change events.

Each tab and dialog receives this one narrow object instead of reaching into the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casefile.core.errors import CaseFileError
from casefile.core.library import Library
from casefile.core.model import Case
from casefile.core.settings import Settings, resolve_operator
from casefile.ui.tasks import Task, TaskRunner, reads_runner

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class CaseEvents(QObject):
    """Emitted on the GUI thread after the core changed something."""

    case_changed = Signal(str)  # a case's record or evidence changed
    cases_changed = Signal()  # cases were added (or the library was switched)
    watch_folders_changed = Signal()  # a folder was attached to a case or detached


@dataclass
class AppContext:
    """``runner`` takes the writes, one at a time; ``reads`` takes previews, thumbnails and verification
    on threads of its own, so they never wait behind a write (a bundle being built, files being added).
    ``reads`` runs inline when ``runner`` does (tests)."""

    library: Library
    settings: Settings
    runner: TaskRunner
    events: CaseEvents = field(default_factory=CaseEvents)
    reads: TaskRunner = field(default_factory=reads_runner)

    def __post_init__(self) -> None:
        if self.runner.synchronous:
            self.reads.synchronous = True

    @property
    def operator(self) -> str:
        return resolve_operator(None, self.settings)


def case_shown(parent: QWidget, ctx: AppContext, number: str, case: Case | None) -> Case | None:
    """The record a tab shows for case ``number``: ``case`` when the caller read it already (the workspace
    reads it once for every tab), else read here; None when it cannot be read, the user told why."""
    if case is not None:
        return case
    try:
        return ctx.library.load_case(number)
    except CaseFileError as exc:
        show_error(parent, exc)
        return None


def refused_inside_library(parent: QWidget | None, library: Library, path: Path) -> bool:
    """Whether the file the user chose to save to lies inside the library, said to them if so: written
    into a case's folder it would stop the case from verifying (the check ``casefile`` makes of ``-o``)."""
    try:
        library.refuse_inside(path)
    except CaseFileError as exc:
        show_error(parent, exc)
        return True
    return False


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A message a user can act on for CaseFileError and OSError; details to copy for anything else."""
    if isinstance(error, CaseFileError | OSError):
        from casefile.ui.team import plain_problem  # a team library's server that went away, said plainly

        QMessageBox.warning(parent, QCoreApplication.translate("CaseFile", "CaseFile"), plain_problem(error))
        return
    import traceback

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CaseFile", "CaseFile"))
    box.setText(
        QCoreApplication.translate("CaseFile", "Something went wrong. CaseFile keeps running; nothing was lost.")
    )
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


__all__ = ["AppContext", "CaseEvents", "Task", "refused_inside_library", "show_error"]
