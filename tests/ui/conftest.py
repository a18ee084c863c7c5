"""GUI test fixtures: a real window over a real temporary library, offscreen, tasks inline."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from casefile.core.library import Library  # noqa: E402
from casefile.core.settings import Settings  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(tmp_path, qapp):
    from casefile.ui.context import AppContext
    from casefile.ui.tasks import TaskRunner

    qapp.setOrganizationName("CaseFileTests")
    qapp.setApplicationName(f"CaseFile-{os.getpid()}")
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    library = Library.open(tmp_path / "library", "测试员")
    runner = TaskRunner()
    runner.synchronous = True
    # OCR of new pictures (seconds each, in a process of its own) only where a test asks for it.
    settings = Settings(org_name="某某数码旗舰店", operator="测试员", clerk_id="A001", ocr_in_background=False)
    context = AppContext(library=library, settings=settings, runner=runner)
    yield context
    library.close()


@pytest.fixture
def window(ctx, qtbot):
    """The main window over a library of two cases, 202611-001 and 202611-002."""
    from casefile.core.library import case_from_fields
    from casefile.ui.main_window import MainWindow

    for title in ("手机屏幕碎裂", "快递外箱压坏"):
        ctx.library.create_case(
            case_from_fields(
                {"title": title, "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
            )
        )
    win = MainWindow(ctx)
    # Edits a test leaves in the overview would ask to be saved when the window closes.
    qtbot.addWidget(win, before_close_func=lambda w: w.workspace.overview.revert())
    return win


@pytest.fixture
def reads_apart(ctx):
    """Reads on threads of their own, as in the app (the writes stay inline)."""
    ctx.reads.synchronous = False
    yield ctx.reads
    ctx.reads.wait()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _the_apps_font(qapp):
    """Every window is laid out with the font the app sets (the shipped WenQuanYi Micro Hei at 10 pt or more), as
    its users see it, whatever test runs first: a layout that fits only in the platform's default font does not pass."""
    from casefile.ui.app import use_shipped_font

    use_shipped_font(qapp)


@pytest.fixture(autouse=True)
def _english_between_tests(qapp):
    """Source strings are English; a test that switches language switches back afterwards."""
    yield
    from casefile.ui.i18n import install

    install(qapp, "en")
