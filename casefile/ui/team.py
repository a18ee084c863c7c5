"""The app on a team library: Settings → 团队库, and signing in at start.

A team library is two servers (casefile.core.team): the catalogue (PostgreSQL) and the evidence
store. The app works on the team library's working copy (casefile.core.workcopy), an ordinary
library folder kept in step with the catalogue; this module says which library the window shows.

- :class:`TeamPage` (a page of the settings): the two addresses, the login and a password that is
  never saved. 测试连接 asks both servers off the GUI thread and says plainly which one did not
  answer and why; 连接 saves the team file as the active library and switches the open window to
  the working copy; 断开 goes back to the solo library folder.
- :class:`TeamStart` (at start, when the team file says the team library is active): a sign-in
  dialog, then the working copy opened and its case list pulled off the GUI thread. A server that
  does not answer is said plainly, with 重试, 使用本机案卷库 (the solo library) and 退出; a refused
  password asks again.
"""

from __future__ import annotations

import dataclasses
import getpass
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from casefile.core.errors import AccessDeniedError, CaseFileError, Message, StorageError
from casefile.core.library import Library
from casefile.core.settings import Settings, resolve_library_path, resolve_operator
from casefile.core.team import ENV_S3_ACCESS, ENV_S3_SECRET, TeamLibrary
from casefile.ui.core_messages import QT_TRANSLATE_NOOP
from casefile.ui.i18n import fill, translated
from casefile.ui.tasks import Task, TaskRunner

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from casefile.ui.context import AppContext

log = logging.getLogger(__name__)

OK_COLOUR = "color: #1b5e20"
PROBLEM_COLOUR = "color: #b00020"


def _tr(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the context "CaseFile") in the app's language."""
    return QCoreApplication.translate("CaseFile", text)


# -- what the servers said, in plain words ---------------------------------------------------------------

# What a PostgreSQL client says when the server is not reached, said in the user's words.
_REFUSED = QT_TRANSLATE_NOOP("CaseFile", "connection refused")
_NO_ANSWER = QT_TRANSLATE_NOOP("CaseFile", "no answer in time")
_NO_SUCH_NAME = QT_TRANSLATE_NOOP("CaseFile", "no such server name")
_NO_ROUTE = QT_TRANSLATE_NOOP("CaseFile", "the network does not reach it")
_CUT_OFF = QT_TRANSLATE_NOOP("CaseFile", "the connection was cut off; nothing was saved")
_NO_CONNECTION = QT_TRANSLATE_NOOP("CaseFile", "no connection could be made")
_REASONS = (
    ("connection refused", _REFUSED),
    ("timeout expired", _NO_ANSWER),
    ("timed out", _NO_ANSWER),
    ("could not translate host name", _NO_SUCH_NAME),
    ("name or service not known", _NO_SUCH_NAME),
    ("no route to host", _NO_ROUTE),
    ("network is unreachable", _NO_ROUTE),
    ("terminating connection", _CUT_OFF),
    ("server closed the connection", _CUT_OFF),
    ("connection is lost", _CUT_OFF),
    ("consuming input failed", _CUT_OFF),
    ("connect timeout on endpoint", _NO_ANSWER),
    ("read timeout on endpoint", _NO_ANSWER),
    ("could not connect to the endpoint", _NO_CONNECTION),
)
_UNREACHABLE = QT_TRANSLATE_NOOP("CaseFile", "Cannot reach the team catalogue server %1: %2")
_STORE_UNREACHABLE = QT_TRANSLATE_NOOP("CaseFile", "Cannot reach the evidence store server %1: %2")
_NOT_OPENED = QT_TRANSLATE_NOOP("CaseFile", "The team library could not be opened: %1")
_WRONG_PASSWORD = QT_TRANSLATE_NOOP("CaseFile", "Wrong password, or no such login. Try again.")
_CONNECTING = QT_TRANSLATE_NOOP("CaseFile", "Connecting to the team library…")


def _reason(text: str) -> str:
    lowered = text.lower()
    for found, said in _REASONS:
        if found in lowered:
            return _tr(said)
    return text


def server_of(url: str) -> str:
    """HOST:PORT of a catalogue URL (the whole URL, without a password, when it has no host)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - any URL SQLAlchemy cannot parse is shown as it is given
        return url
    if not parsed.host:
        return parsed.render_as_string(hide_password=True)
    return f"{parsed.host}:{parsed.port or 5432}"


def plain_problem(error: object, team: TeamLibrary | None = None) -> str:
    """What went wrong reaching a team library, in the app's language: which server, what failed."""
    message = error.message if isinstance(error, CaseFileError) else error
    if isinstance(message, Message) and message.template == "the team catalogue {server} cannot be reached: {reason}":
        server = server_of(team.db_url if team is not None else str(message.params.get("server", "")))
        return fill(_tr(_UNREACHABLE), server, _reason(str(message.params["reason"])))
    if (
        isinstance(message, Message)
        and message.template == "the evidence store {store} cannot be reached ({reason}) while {what}"
    ):
        store = str(message.params.get("store", ""))
        parts = urlsplit(store)
        server = parts.netloc or store
        return fill(_tr(_STORE_UNREACHABLE), server, _reason(str(message.params["reason"])))
    if isinstance(error, BaseException) and not isinstance(error, CaseFileError | OSError):
        log.warning("the team library could not be opened", exc_info=error)
        return fill(_tr(_NOT_OPENED), str(error) or type(error).__name__)
    return translated(error)


def is_refused_sign_in(error: object) -> bool:
    """Whether the catalogue refused the login or its password (the server answered)."""
    return isinstance(error, AccessDeniedError)


# -- opening a team library (off the GUI thread) ---------------------------------------------------------


def open_team(team: TeamLibrary, operator: str) -> Library:
    """Both servers checked, the working copy opened and its case list pulled from the catalogue.

    Runs in a task: a server that does not answer raises a StorageError naming it.
    """
    from casefile.core.team import check_team
    from casefile.core.workcopy import open_library

    problem = check_team(team)
    if problem is not None:
        if problem.template == "signing in to the team catalogue {server} as {login} was refused: {why}":
            raise AccessDeniedError(problem)
        raise StorageError(problem)
    library = open_library(team, operator)  # the operator of its custody entries: the signed-in user
    try:
        library.pull()
    except BaseException:
        library.close()
        raise
    return library


def team_of(library: Library) -> TeamLibrary | None:
    """The team library whose working copy ``library`` is (None for a solo library)."""
    remote = library.remote
    team = getattr(remote, "team", None)
    return team if isinstance(team, TeamLibrary) else None


def solo_library_path(settings: Settings) -> Path:
    """The solo library folder: $CASEFILE_LIBRARY, the settings, or the default one."""
    return resolve_library_path(None, settings)


def open_solo(settings: Settings) -> Library:
    return Library.open(solo_library_path(settings), resolve_operator(None, settings), hash_sm3=settings.hash_sm3)


def with_sign_in(team: TeamLibrary, login: str, password: str) -> TeamLibrary:
    """The team library signing in as ``login`` with ``password`` (kept in memory only)."""
    return dataclasses.replace(team, login=login, password=password)


def default_login(team: TeamLibrary | None) -> str:
    if team is not None and team.login:
        return team.login
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises various errors when no name is known
        return ""


# -- Settings → 团队库 -------------------------------------------------------------------------------------


class TeamPage(QWidget):
    """The team library's addresses, the sign-in, and 测试连接 / 连接 / 断开."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        switch: Callable[[Library], bool] | None = None,
        team_path: Path | None = None,
    ) -> None:
        """``switch(library)``: the window shows ``library`` instead of its own (closed), or says False when
        it cannot now (edits not saved); without a window (None) the page only tests a connection."""
        super().__init__(parent)
        from casefile.core.team import load_team

        self.ctx = ctx
        self.switch = switch
        self.team_path = team_path
        self.task: Task | None = None
        self.runner = TaskRunner(self)  # the servers are asked apart from the window's writes
        self.runner.synchronous = ctx.runner.synchronous
        try:
            saved: TeamLibrary | None = load_team(team_path)
        except CaseFileError:
            saved = None
        current = team_of(ctx.library)
        shown = current or saved
        self.intro = QLabel(
            self.tr(
                "A team library keeps the cases on the office's servers: a catalogue (PostgreSQL) and an "
                "evidence store. Everyone who connects works on the same cases."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.db = QLineEdit(shown.db_shown if shown else "", self)
        self.db.setPlaceholderText("postgresql+psycopg://casefile@server:5432/casefile")
        self.store = QLineEdit(shown.store_url if shown else "", self)
        self.store.setPlaceholderText("s3://evidence?endpoint=http://server:8333 · folder:/srv/casefile/evidence")
        self.login = QLineEdit(default_login(shown), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("never saved: asked at each start"))
        self.s3_access = QLineEdit(shown.s3_access_key if shown else "", self)
        self.s3_secret = QLineEdit(shown.s3_secret_key if shown else "", self)
        self.s3_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.s3_note = QLabel(
            fill(
                self.tr(
                    "Only for an S3 store. Taken from %1 and %2 when they are set; otherwise kept in your private "
                    "team file (readable by you only), never in the settings."
                ),
                ENV_S3_ACCESS,
                ENV_S3_SECRET,
            ),
            self,
        )
        self.s3_note.setWordWrap(True)
        self.s3_note.setStyleSheet("color: palette(mid)")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.disconnect_button = QPushButton(self.tr("Disconnect"), self)
        self.test_button.clicked.connect(self.test)
        self.connect_button.clicked.connect(self.connect_team)
        self.disconnect_button.clicked.connect(self.disconnect_team)
        self.mode = QLabel(self)
        self.mode.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Catalogue address"), self.db)
        form.addRow(self.tr("Evidence store address"), self.store)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("S3 access key"), self.s3_access)
        form.addRow(self.tr("S3 secret key"), self.s3_secret)
        form.addRow("", self.s3_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.disconnect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.mode)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._show_mode()

    # -- what the fields say

    def team(self) -> TeamLibrary:
        from casefile.core.team import load_team

        db, store = self.db.text().strip(), self.store.text().strip()
        try:
            saved: TeamLibrary | None = load_team(self.team_path)
        except CaseFileError:
            saved = None
        same = saved is not None and saved.db_shown == db and saved.store_url == store
        team = TeamLibrary(
            saved.db_url if saved is not None and same else db,  # the address shown hides a password the file has
            store,
            self.s3_access.text().strip(),
            self.s3_secret.text().strip(),
            workcopy=saved.workcopy if saved is not None and same else "",  # a working copy of these servers only
        )
        return with_sign_in(team, self.login.text().strip(), self.password.text())

    def _missing(self) -> str:
        if not self.db.text().strip():
            self.db.setFocus()
            return self.tr("Enter the catalogue's address")
        if not self.store.text().strip():
            self.store.setFocus()
            return self.tr("Enter the evidence store's address")
        return ""

    def _show_mode(self) -> None:
        team = team_of(self.ctx.library)
        if team is None:
            self.mode.setText(self.tr("This window works on the library folder on this computer."))
        else:
            self.mode.setText(
                fill(self.tr("This window works on the team library %1, signed in as %2."), team.db_shown, who(team))
            )
        self._idle()

    def _idle(self) -> None:
        busy = self.task is not None
        self.test_button.setEnabled(not busy)
        self.connect_button.setEnabled(not busy and self.switch is not None)
        self.disconnect_button.setEnabled(
            not busy and self.switch is not None and team_of(self.ctx.library) is not None
        )

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setStyleSheet(OK_COLOUR if ok else PROBLEM_COLOUR)
        self.result.setText(text)

    def _busy(self, text: str) -> None:
        self.result.setStyleSheet("")
        self.result.setText(text)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def _start(self, task: Task) -> None:
        self.task = task
        self._idle()

        def done() -> None:
            self.task = None
            QApplication.restoreOverrideCursor()
            self._idle()

        task.finished.connect(done)
        self.runner.start(task)

    # -- the buttons

    def test(self) -> None:
        """Ask both servers, off the GUI thread, and say what they answered."""
        from casefile.core.team import check_team

        missing = self._missing()
        if missing:
            self._say(missing, ok=False)
            return
        team = self.team()
        self._busy(self.tr("Asking the servers…"))
        task = Task(lambda _token: check_team(team), "team check")

        def answered(problem: object) -> None:
            if problem is None:
                self._say(
                    fill(
                        self.tr("Both servers answer: the catalogue %1 and the evidence store %2."),
                        server_of(team.db_url),
                        team.store_url,
                    ),
                    ok=True,
                )
            else:
                self._say(plain_problem(problem, team), ok=False)

        task.succeeded.connect(answered)
        task.failed.connect(lambda error: self._say(plain_problem(error, team), ok=False))
        self._start(task)

    def connect_team(self) -> None:
        """Check, open the working copy and pull its case list (off the GUI thread); then keep the team
        file as the active library and show the team library in the window."""
        missing = self._missing()
        if missing:
            self._say(missing, ok=False)
            return
        team = self.team()
        operator = resolve_operator(None, self.ctx.settings)
        self._busy(self.tr("Connecting to the team library…"))
        task = Task(lambda _token: open_team(team, operator), "team connect")
        task.succeeded.connect(lambda library: self._opened(team, library))
        task.failed.connect(lambda error: self._say(plain_problem(error, team), ok=False))
        self._start(task)

    def _opened(self, team: TeamLibrary, library: object) -> None:
        from casefile.core.team import save_team

        assert isinstance(library, Library)
        if self.switch is None or not self.switch(library):
            library.close()
            self._say(self.tr("Save or revert the open case's edits first, then connect again."), ok=False)
            return
        team.active = True
        try:
            save_team(team, self.team_path)  # the next start opens the team library too
        except OSError as exc:
            self._say(translated(exc), ok=False)
            return
        self.password.clear()
        self._show_mode()
        self._say(
            fill(self.tr("Connected: the window shows the team library's cases (%1)."), server_of(team.db_url)), ok=True
        )

    def disconnect_team(self) -> None:
        """Back to the solo library folder; the team library's addresses stay for the next connection."""
        from casefile.core.team import set_active

        try:
            solo = open_solo(self.ctx.settings)
        except CaseFileError as exc:
            self._say(translated(exc), ok=False)
            return
        if self.switch is None or not self.switch(solo):
            solo.close()
            self._say(self.tr("Save or revert the open case's edits first, then disconnect again."), ok=False)
            return
        try:
            set_active(False, self.team_path)
        except (CaseFileError, OSError) as exc:
            log.warning("the team file could not be marked inactive: %s", exc)
        self._show_mode()
        self._say(fill(self.tr("Disconnected: the window shows the library folder %1."), str(solo.root)), ok=True)


def who(team: TeamLibrary) -> str:
    """The login the team library signs in with."""
    return team.signs_in_as


# -- at start ----------------------------------------------------------------------------------------------


class SignInDialog(QDialog):
    """The login and password of the team library (the password is never saved)."""

    SOLO = 2  # the result when the user chose the library on this computer

    def __init__(self, team: TeamLibrary, parent: QWidget | None = None, *, problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the team library"))
        self.intro = QLabel(fill(self.tr("The team library at %1"), server_of(team.db_url)), self)
        self.intro.setWordWrap(True)
        self.login = QLineEdit(default_login(team), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(problem, self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(PROBLEM_COLOUR)
        self.error.setVisible(bool(problem))
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.solo_button = buttons.addButton(
            self.tr("Use the library on this computer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.solo_button.clicked.connect(lambda: self.done(self.SOLO))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if self.login.text() else self.login).setFocus()
        self.setMinimumWidth(420)


class UnreachableDialog(QDialog):
    """A server of the team library does not answer: which one, why, and the three ways on."""

    RETRY, SOLO = 3, 2

    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The team library cannot be reached"))
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.message = QLabel(problem, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(
            self.tr(
                "Try again once the server is back, or work on the library on this computer for now "
                "(the team library's cases are not there)."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.retry_button = buttons.addButton(self.tr("Retry"), QDialogButtonBox.ButtonRole.ActionRole)
        self.solo_button = buttons.addButton(
            self.tr("Use the library on this computer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(lambda: self.done(self.RETRY))
        self.solo_button.clicked.connect(lambda: self.done(self.SOLO))
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.hint)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 220)


class TeamStart(QObject):
    """Opening the active team library at start: sign in, open off the GUI thread, or say why not.

    Dialogs are opened, not executed, so the window's event loop keeps running (and tests can answer
    them); ``finished`` carries the library to show (the team's working copy or the solo library),
    or None when the user quits.
    """

    finished = Signal(object)

    def __init__(
        self, team: TeamLibrary, settings: Settings, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.team = team
        self.settings = settings
        self.runner = runner
        self.sign_in: SignInDialog | None = None
        self.unreachable: UnreachableDialog | None = None
        self.task: Task | None = None
        self.busy: QProgressDialog | None = None
        self.library: Library | None = None
        self.done = False

    def start(self, problem: str = "") -> None:
        dialog = SignInDialog(self.team, problem=problem)
        self.sign_in = dialog
        dialog.finished.connect(lambda result: self._signed_in(dialog, result))
        dialog.open()

    def _signed_in(self, dialog: SignInDialog, result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.team = with_sign_in(self.team, dialog.login.text().strip(), dialog.password.text())
            self._open()
        elif result == SignInDialog.SOLO:
            self._solo()
        else:
            self._finish(None)

    def _open(self) -> None:
        team = self.team
        operator = resolve_operator(None, self.settings)
        task = Task(lambda _token: open_team(team, operator), "team start")
        task.succeeded.connect(self._finish)
        task.failed.connect(self._failed)
        self.task = task
        # The window is not there yet: a small box says what is going on while the servers are asked.
        busy = QProgressDialog(_tr(_CONNECTING), "", 0, 0)
        busy.setWindowTitle(QCoreApplication.translate("CaseFile", "CaseFile"))
        busy.setCancelButton(None)  # no button: the servers are given a few seconds each
        busy.setMinimumDuration(300)
        self.busy = busy
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def finished() -> None:
            QApplication.restoreOverrideCursor()
            busy.reset()
            busy.deleteLater()

        task.finished.connect(finished)
        self.runner.start(task)

    def _failed(self, error: object) -> None:
        problem = plain_problem(error, self.team)
        if is_refused_sign_in(error):
            self.start(_tr(_WRONG_PASSWORD))
            return
        dialog = UnreachableDialog(problem)
        self.unreachable = dialog
        dialog.finished.connect(lambda result: self._answered(dialog, result))
        dialog.open()

    def _answered(self, dialog: UnreachableDialog, result: int) -> None:
        dialog.deleteLater()
        if result == UnreachableDialog.RETRY:
            self._open()
        elif result == UnreachableDialog.SOLO:
            self._solo()
        else:
            self._finish(None)

    def _solo(self) -> None:
        from casefile.ui.library_choice import open_library

        self._finish(open_library(solo_library_path(self.settings), self.settings))

    def _finish(self, library: object) -> None:
        self.library = library if isinstance(library, Library) else None
        self.done = True
        self.finished.emit(self.library)
