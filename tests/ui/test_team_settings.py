"""Settings → 团队库 and the start on a team library, through the real window, on a real PostgreSQL
catalogue (tests/pg_server.py) and a folder evidence store.

测试连接 against a port nothing listens on names that server and says the connection was refused;
连接 switches the window to the team library (a case registered in the app is in the catalogue);
断开 goes back to the library folder; a start with the team library active and its server down says
which server does not answer and opens the library on this computer when asked.
"""

from __future__ import annotations

import json
import socket
import uuid
from pathlib import Path

import pytest
from casefile_testing import make_case
from pg_server import PostgresServer

from casefile.core.catalogue import Catalogue
from casefile.core.library import Library
from casefile.core.settings import team_file
from casefile.core.team import TeamLibrary, load_team, save_team, team_init
from casefile.core.workcopy import open_library
from casefile.ui.settings_dialog import SettingsDialog
from casefile.ui.tasks import TaskRunner
from casefile.ui.team import SignInDialog, TeamStart, UnreachableDialog, solo_library_path, team_of

pytestmark = pytest.mark.slow


def dead_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> TeamLibrary:
    library = TeamLibrary(pg_url, f"folder:{tmp_path / 'store'}")
    team_init(library)
    return library


def settings_page(window, qtbot):  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentIndex(dialog.pages.count() - 1)  # 团队库
    return dialog, dialog.team


def fill_in(page, db: str, store: str, login: str = "casefile", password: str = "secret") -> None:  # type: ignore[no-untyped-def]
    page.db.setText(db)
    page.store.setText(store)
    page.login.setText(login)  # the test server's owner signs in without a password
    page.password.setText(password)


def a_user(team: TeamLibrary, display_name: str) -> tuple[str, str]:
    """A user of the team library with a login and password of their own, given every case to write."""
    login, password = f"clerk_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    with Catalogue.open(team.db_url) as owner:
        owner.add_user(login, display_name, password=password, admin=True)
    return login, password


def test_testing_a_server_that_does_not_answer_names_it_plainly(window, qtbot, tmp_path: Path) -> None:
    _dialog, page = settings_page(window, qtbot)
    port = dead_port()
    fill_in(page, f"postgresql+psycopg://casefile@127.0.0.1:{port}/casefile", f"folder:{tmp_path / 'store'}")
    page.runner.synchronous = False  # off the GUI thread, as in the app: the page is busy meanwhile
    page.test_button.click()
    assert not page.test_button.isEnabled() and not page.connect_button.isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    # 无法连接团队目录服务器 127.0.0.1:PORT：连接被拒绝 in Chinese.
    assert page.result.text() == f"Cannot reach the team catalogue server 127.0.0.1:{port}: connection refused"
    assert page.test_button.isEnabled()
    assert not team_file().exists()  # a test saves nothing
    assert team_of(window.ctx.library) is None


def test_testing_a_catalogue_that_answers_says_so(window, qtbot, team: TeamLibrary) -> None:
    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.result.text().startswith("Both servers answer")
    assert not team_file().exists()


def test_connect_shows_the_team_library_and_disconnect_the_folder(
    window, qtbot, team: TeamLibrary, tmp_path: Path, files: Path
) -> None:
    # Another clerk registered a case with an exhibit in the team library already.
    with open_library(TeamLibrary(team.db_url, team.store_url, workcopy=str(tmp_path / "other")), "李四") as other:
        theirs = make_case(other, title="另一位同事登记的案件").number
        from casefile.core.evidence import add_files

        list(add_files(other, theirs, [next(p for p in files.iterdir() if p.is_file())]))
    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url)
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    library = window.ctx.library
    assert team_of(library) is not None, page.result.text()
    assert window.windowTitle().startswith("CaseFile — team library 127.0.0.1:") and not window.team_label.isHidden()
    assert json.loads(team_file().read_text(encoding="utf-8"))["active"] is True
    assert "password" not in team_file().read_text(encoding="utf-8").lower()
    # The team's cases, not the folder's two.
    assert window.cases.model.rowCount() == 1 and window.cases.title_of(theirs) == "另一位同事登记的案件"

    # What another client registers meanwhile is in the list at the next minute's refresh.
    with open_library(TeamLibrary(team.db_url, team.store_url, workcopy=str(tmp_path / "other")), "李四") as other:
        later = make_case(other, title="稍后登记的案件").number
    assert window.cases.model.row_of(later) < 0
    window._tick()
    assert window.cases.title_of(later) == "稍后登记的案件"

    # The custody log names the signed-in user, whatever name the first start's questions are given.
    signed_in = library.operator
    from casefile.ui.first_run import FirstRunDialog

    first = FirstRunDialog(window.ctx, window)
    qtbot.addWidget(first)
    first.operator.setText("柜台临时工")
    first.accept()
    assert library.operator == signed_in == "casefile"

    # Opening the team's case fetches its files.
    window.open_case(theirs)
    assert window.workspace.number == theirs
    assert any((library.cases_dir / theirs / "evidence").iterdir())

    # A case registered in the app goes into the catalogue.
    from casefile.ui.new_case import NewCaseDialog

    new = NewCaseDialog(window.ctx, window)
    qtbot.addWidget(new)
    new.widget("title").setText("团队库里新登记的案件")  # type: ignore[attr-defined]
    new.widget("complainant.name").setText("王芳")  # type: ignore[attr-defined]
    assert new.create_case(), new.error.text()
    with Catalogue.open(team.db_url) as catalogue:
        assert new.number in catalogue.numbers()
        assert catalogue.load(new.number).case.title == "团队库里新登记的案件"

    page.disconnect_button.click()
    assert team_of(window.ctx.library) is None
    assert window.ctx.library.root == solo_library_path(window.ctx.settings)
    assert window.cases.model.rowCount() == len(window.ctx.library.case_numbers())
    assert window.cases.title_of(theirs) != "另一位同事登记的案件"
    assert window.windowTitle() == f"CaseFile — {window.ctx.library.root}" and window.team_label.isHidden()
    assert load_team().active is False


def start_on(team: TeamLibrary, settings, qtbot) -> TeamStart:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    runner.synchronous = True
    start = TeamStart(team, settings, runner)
    start.start()
    assert isinstance(start.sign_in, SignInDialog)
    qtbot.waitUntil(start.sign_in.isVisible)
    return start


def test_a_start_with_the_server_down_says_which_and_opens_this_computers_library(ctx, qtbot, tmp_path: Path) -> None:
    port = dead_port()
    down = TeamLibrary(f"postgresql+psycopg://casefile@127.0.0.1:{port}/casefile", f"folder:{tmp_path / 'store'}")
    save_team(down)
    start = start_on(load_team(), ctx.settings, qtbot)
    start.sign_in.password.setText("secret")  # type: ignore[union-attr]
    start.sign_in.sign_in_button.click()  # type: ignore[union-attr]
    dialog = start.unreachable
    assert isinstance(dialog, UnreachableDialog) and dialog.isVisible()
    assert dialog.message.text() == f"Cannot reach the team catalogue server 127.0.0.1:{port}: connection refused"
    dialog.retry_button.click()  # still down: said again
    assert start.unreachable is not dialog and start.unreachable.isVisible()  # type: ignore[union-attr]
    with qtbot.waitSignal(start.finished) as finished:
        start.unreachable.solo_button.click()  # type: ignore[union-attr]
    library = finished.args[0]
    assert isinstance(library, Library) and library.remote is None
    assert library.root == solo_library_path(ctx.settings)
    library.close()


def test_quitting_at_the_start_opens_nothing(ctx, qtbot, tmp_path: Path) -> None:
    save_team(TeamLibrary(f"postgresql+psycopg://casefile@127.0.0.1:{dead_port()}/x", f"folder:{tmp_path}"))
    start = start_on(load_team(), ctx.settings, qtbot)
    with qtbot.waitSignal(start.finished) as finished:
        start.sign_in.quit_button.click()  # type: ignore[union-attr]
    assert finished.args == [None]


def test_a_start_on_a_team_library_that_answers_opens_its_working_copy(ctx, qtbot, team: TeamLibrary) -> None:
    save_team(team)
    start = start_on(load_team(), ctx.settings, qtbot)
    with qtbot.waitSignal(start.finished) as finished:
        start.sign_in.sign_in_button.click()  # type: ignore[union-attr]
    library = finished.args[0]
    assert isinstance(library, Library) and team_of(library) is not None
    library.close()


def test_a_save_refused_because_the_server_went_away_keeps_the_edits(
    window, qtbot, team: TeamLibrary, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    from PySide6.QtWidgets import QMessageBox

    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url)
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    library = window.ctx.library
    number = make_case(library, title="服务器中途断开").number
    window.ctx.events.cases_changed.emit()
    window.open_case(number)
    overview = window.workspace.overview
    overview.title.setText("改过的标题")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as admin:
        # The server ends the connection of whoever writes a custody line: the server gone mid-save.
        admin.execute(
            "CREATE FUNCTION cut_off() RETURNS trigger AS $$ BEGIN "
            "PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        admin.execute("CREATE TRIGGER cut BEFORE INSERT ON custody_entries FOR EACH ROW EXECUTE FUNCTION cut_off()")
        overview.save()
        admin.execute("DROP TRIGGER cut ON custody_entries")
    port = pg_url.rsplit(":", 1)[1].split("/")[0]
    assert warnings == [
        f"Cannot reach the team catalogue server 127.0.0.1:{port}: the connection was cut off; nothing was saved"
    ]
    assert overview.title.text() == "改过的标题" and overview.unsaved()  # the user's edit is still there
    with Catalogue.open(team.db_url) as catalogue:
        assert catalogue.load(number).case.title == "服务器中途断开"
    # Saved again once the server is back.
    overview.save()
    with Catalogue.open(team.db_url) as catalogue:
        assert catalogue.load(number).case.title == "改过的标题"


def test_a_wrong_password_is_said_plainly_and_asked_again(ctx, qtbot, team: TeamLibrary) -> None:
    login, password = a_user(team, "王律师")
    save_team(TeamLibrary(team.db_url, team.store_url, login=login))
    start = start_on(load_team(), ctx.settings, qtbot)
    first = start.sign_in
    assert first is not None and first.login.text() == login
    first.password.setText("not-the-password")
    first.sign_in_button.click()
    again = start.sign_in
    assert again is not first and again is not None and again.isVisible()
    assert again.error.text() == "Wrong password, or no such login. Try again."
    assert start.unreachable is None and not start.done
    again.password.setText(password)
    with qtbot.waitSignal(start.finished) as finished:
        again.sign_in_button.click()
    library = finished.args[0]
    assert isinstance(library, Library) and team_of(library) is not None
    assert library.operator == "王律师"  # the custody log names the signed-in user
    assert "not-the-password" not in team_file().read_text(encoding="utf-8")
    library.close()


def test_connecting_with_a_wrong_password_says_so(window, qtbot, team: TeamLibrary) -> None:
    login, _password = a_user(team, "王律师")
    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url, login=login, password="not-the-password")
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert team_of(window.ctx.library) is None and not team_file().exists()
    assert "wrong password, or no such login" in page.result.text()


def test_the_app_starting_on_a_team_library_that_does_not_answer_opens_this_computers_library(
    ctx, qtbot, qapp, tmp_path: Path
) -> None:
    """casefile.ui.app.start_team, as the app runs it: its own event loop, the dialogs answered as they come."""
    from casefile.ui.app import start_team

    from PySide6.QtCore import QTimer

    port = dead_port()
    save_team(TeamLibrary(f"postgresql+psycopg://casefile@127.0.0.1:{port}/casefile", f"folder:{tmp_path / 's'}"))
    seen: list[str] = []

    def answer() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, SignInDialog) and widget.isVisible() and "sign in" not in seen:
                seen.append("sign in")
                widget.password.setText("secret")
                widget.sign_in_button.click()
            elif isinstance(widget, UnreachableDialog) and widget.isVisible():
                seen.append(widget.message.text())
                widget.solo_button.click()
                timer.stop()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    runner = TaskRunner()  # on its own thread, as in the app
    library = start_team(ctx.settings, runner)
    timer.stop()
    assert seen == ["sign in", f"Cannot reach the team catalogue server 127.0.0.1:{port}: connection refused"]
    assert isinstance(library, Library) and library.remote is None
    assert library.root == solo_library_path(ctx.settings)
    library.close()


def test_connecting_waits_for_the_open_cases_edits(window, qtbot, team: TeamLibrary) -> None:
    window.open_case("202611-001")
    window.workspace.overview.title.setText("还没保存的标题")
    solo = window.ctx.library
    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url)
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert page.result.text() == "Save or revert the open case's edits first, then connect again."
    assert window.ctx.library is solo and window.workspace.overview.title.text() == "还没保存的标题"
    assert not team_file().exists()


def test_testing_an_s3_store_that_does_not_answer_names_it(window, qtbot, team: TeamLibrary) -> None:
    _dialog, page = settings_page(window, qtbot)
    port = dead_port()
    fill_in(page, team.db_url, f"s3://evidence?endpoint=http://127.0.0.1:{port}")
    page.s3_access.setText("clerk")
    page.s3_secret.setText("clerk-secret")
    page.test_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert page.result.text() == f"Cannot reach the evidence store server 127.0.0.1:{port}: no connection could be made"


def test_with_the_server_down_a_case_opens_as_last_fetched_and_says_why(
    window, qtbot, team: TeamLibrary, postgres_server: PostgresServer
) -> None:
    _dialog, page = settings_page(window, qtbot)
    fill_in(page, team.db_url, team.store_url)
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    library = window.ctx.library
    number = make_case(library, title="服务器停机前取回的案件").number
    window.ctx.events.cases_changed.emit()
    postgres_server.stop()
    try:
        window.open_case(number)
        assert window.workspace.number == number and window.workspace.isEnabled()
        assert window.workspace.overview.title.text() == "服务器停机前取回的案件"
        message = window.statusBar().currentMessage()
        assert message.startswith(f"Case {number} is shown as last fetched: Cannot reach the team catalogue server")
        window.reload_cases()  # F5: the list stays, and says why
        assert window.statusBar().currentMessage().startswith("The case list is as last fetched: Cannot reach")
        assert window.cases.model.row_of(number) >= 0
    finally:
        postgres_server.start()
