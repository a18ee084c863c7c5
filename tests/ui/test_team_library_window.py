"""The main window on a team library, as a member sees it: a real PostgreSQL catalogue (tests/pg_server.py)
and a folder evidence store, each member a working copy in a data folder of its own on the same server, the
way the CLI team tests run several machines.

What another member registers is in the list once it is refreshed; a case another member's CaseFile found
damaged is marked in the list (in words, not by its colour alone) with its tooltip; and a change to it from
this window is refused with a plain message, nothing written to the catalogue. The minute's refresh shows the open
case again when another member changed it or found it damaged, keeping an edit under way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.catalogue import Catalogue
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.team import TeamLibrary, team_init
from casefile.core.verify import verify_case
from casefile.core.workcopy import open_library

pytestmark = pytest.mark.slow


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> TeamLibrary:
    library = TeamLibrary(pg_url, f"folder:{tmp_path / 'store'}")
    team_init(library)
    return library


def member(team: TeamLibrary, folder: Path, operator: str) -> Library:
    """A member's CaseFile: the team library through a working copy in a data folder of its own."""
    return open_library(TeamLibrary(team.db_url, team.store_url, workcopy=str(folder)), operator)


@pytest.fixture
def other(team: TeamLibrary, tmp_path: Path) -> Iterator[Library]:
    """李四, another member, on another PC."""
    library = member(team, tmp_path / "pc2", "李四")
    yield library
    library.close()


@pytest.fixture
def team_window(team: TeamLibrary, tmp_path: Path, qtbot, qapp):  # type: ignore[no-untyped-def]
    """The main window of 张三's CaseFile on the team library (tasks inline)."""
    import os

    from casefile.ui.context import AppContext
    from casefile.ui.main_window import MainWindow
    from casefile.ui.tasks import TaskRunner

    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("CaseFileTests")
    qapp.setApplicationName(f"CaseFile-{os.getpid()}")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    library = member(team, tmp_path / "pc1", "张三")
    runner = TaskRunner()
    runner.synchronous = True
    settings = Settings(org_name="某某数码旗舰店", operator="张三", clerk_id="A001", ocr_in_background=False)
    window = MainWindow(AppContext(library=library, settings=settings, runner=runner))
    qtbot.addWidget(window, before_close_func=lambda w: w.workspace.overview.revert())
    yield window
    library.close()


def rows_of(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    model = window.cases.model
    return {model.summary(row).number: row for row in range(model.rowCount())}


def damage(team: TeamLibrary, number: str, folder: Path) -> None:
    """The catalogue's copy of the case's first custody line altered behind CaseFile's back; the
    verification of 王五, a member on yet another PC, finds it and notes it in the team library."""
    import psycopg

    with psycopg.connect(team.db_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        sql.execute(
            "UPDATE custody_entries SET line = replace(line, %s, %s) WHERE seq = 1 "
            "AND case_id = (SELECT id FROM cases WHERE number = %s)",
            ("手机屏幕碎裂", "手机屏幕完好", number),
        )
    verifier = member(team, folder / f"pc3-{number}-{len(list(folder.glob('pc3-*')))}", "王五")
    try:
        verifier.pull()  # its PC fetches the case list, then verifies the case
        list(verify_case(verifier, number))
    finally:
        verifier.close()
    with Catalogue.open(team.db_url) as catalogue:
        assert [note.number for note in catalogue.damaged()] == [number]


def test_another_members_new_case_is_listed_after_a_refresh(team_window, other: Library) -> None:
    window = team_window
    assert window.on_team and window.cases.model.rowCount() == 0
    theirs = make_case(other, title="李四登记的案件").number
    assert theirs not in rows_of(window)
    window.reload_cases()  # F5, or the minute's tick
    assert window.cases.title_of(theirs) == "李四登记的案件"


def test_a_case_another_member_found_damaged_is_marked_in_the_list(
    team_window, team: TeamLibrary, qtbot, tmp_path: Path
) -> None:
    from casefile.ui.models import CaseListModel

    from PySide6.QtCore import Qt

    window = team_window
    number = make_case(window.ctx.library, title="手机屏幕碎裂").number
    sound = make_case(window.ctx.library, title="退款未到账").number
    damage(team, number, tmp_path)

    window.reload_cases()
    model = window.cases.model
    rows = rows_of(window)
    assert model.summary(rows[number]).damaged and not model.summary(rows[sound]).damaged
    stage = model.data(model.index(rows[number], CaseListModel.STAGE))
    assert "DAMAGED" in stage, stage
    assert "DAMAGED" not in model.data(model.index(rows[sound], CaseListModel.STAGE))
    tip = model.data(model.index(rows[number], CaseListModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Damaged: left untouched until it verifies again"), tip
    assert model.data(model.index(rows[sound], CaseListModel.TITLE), Qt.ItemDataRole.ToolTipRole) is None

    window.resize(1200, 500)
    window.show()
    qtbot.waitExposed(window)
    window.cases.grab().save(str(tmp_path / "team-case-list.png"))


def test_a_change_to_a_case_another_member_found_damaged_is_refused_plainly(
    team_window, team: TeamLibrary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The case is open with an edit under way when another member's CaseFile finds it damaged: saving says why it is
    refused, as a message (not a crash report), keeps the edit, and the catalogue is left as it was."""
    from casefile.ui.models import CaseListModel

    from PySide6.QtWidgets import QMessageBox

    window = team_window
    number = make_case(window.ctx.library, title="手机屏幕碎裂").number
    window.reload_cases()
    window.open_case(number)
    overview = window.workspace.overview
    overview.title.setText("改过的标题")
    damage(team, number, tmp_path)
    with Catalogue.open(team.db_url) as catalogue:
        before = catalogue.custody_lines(number)

    warnings: list[str] = []
    crashes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: crashes.append(box.detailedText()))
    overview.save()
    assert crashes == []
    assert len(warnings) == 1 and f"case {number} is damaged" in warnings[0], warnings
    # Without waiting for the next refresh, the open case says it is damaged, the list marks it, the edit is kept.
    assert "Damaged: custody log entry 1 was altered" in overview.header.text()
    assert overview.title.text() == "改过的标题" and overview.unsaved()
    stage = window.cases.model.index(rows_of(window)[number], CaseListModel.STAGE)
    assert window.cases.model.data(stage).startswith("DAMAGED")
    with Catalogue.open(team.db_url) as catalogue:
        assert catalogue.custody_lines(number) == before
        assert catalogue.load(number).case.title == "手机屏幕碎裂"


def test_the_open_case_is_shown_again_when_the_refresh_brings_another_members_change(
    team_window, other: Library, team: TeamLibrary, tmp_path: Path
) -> None:
    """The minute's refresh brings what another member did to the case open here: their edit (the header
    and the fields not typed in), and, once their CaseFile finds it damaged, that it is; the edit under
    way here stays typed in."""
    window = team_window
    number = make_case(window.ctx.library, title="手机屏幕碎裂").number
    window.reload_cases()
    window.open_case(number)
    overview = window.workspace.overview
    other.pull()
    from casefile.core.model import Stage

    with other.edit(number) as writer:
        writer.set_stage(Stage.NEGOTIATION, "李四与商家电话协商")
    overview.title.setText("改过的标题")
    assert "Negotiation" not in overview.header.text()
    window.reload_cases()  # the minute's tick
    assert "Negotiation" in overview.header.text(), overview.header.text()
    assert overview.title.text() == "改过的标题" and overview.unsaved()

    damage(team, number, tmp_path)
    window.reload_cases()
    assert "Damaged: custody log entry 1 was altered" in overview.header.text(), overview.header.text()
    assert overview.title.text() == "改过的标题" and overview.unsaved()
