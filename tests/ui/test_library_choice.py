"""A library folder that cannot be used is refused in the settings, and at start the user gets a way out."""

from __future__ import annotations

from pathlib import Path

from qt_testing import when_start_dialog_shown

from casefile.core.library import Library
from casefile.core.settings import Settings, load_settings

from PySide6.QtCore import Qt


def test_settings_refuse_a_folder_that_cannot_be_a_library(ctx, qtbot, tmp_path):
    from casefile.ui.settings_dialog import SettingsDialog

    (tmp_path / "notes.txt").write_text("x", "utf-8")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    for bad in ("/proc/nonexistent/lib", str(tmp_path / "notes.txt" / "lib"), str(tmp_path / "notes.txt")):
        dialog.library.setText(bad)
        dialog.save()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert bad in dialog.error.text()
        assert ctx.settings.library == "" and load_settings().library == ""

    fresh = tmp_path / "new" / "library"
    dialog.library.setText(str(fresh))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_settings().library == str(fresh)
    assert not (tmp_path / "new").exists()  # checked, not created: it is created at the next start


def test_at_start_a_library_that_cannot_be_opened_offers_to_create_one(qapp, qtbot, tmp_path):
    from casefile.ui.library_choice import open_library

    settings = Settings(operator="测试员")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.jpg").write_bytes(b"x")
    seen = {}

    def act(dialog):
        seen["message"] = dialog.message.text()
        picks = iter([str(tmp_path / "full"), str(tmp_path / "mine")])
        dialog.pick_folder = lambda _title: next(picks)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # a folder with files in it: refused
        seen["error"] = dialog.error.text()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    timer = when_start_dialog_shown(act)
    library = open_library(Path("/proc/nonexistent/lib"), settings)
    timer.stop()
    assert "/proc/nonexistent/lib" in seen["message"]
    assert "not empty" in seen["error"]
    assert library is not None and library.root == tmp_path / "mine"
    assert (tmp_path / "mine" / "library.json").is_file()
    assert load_settings().library == str(tmp_path / "mine")  # the next start opens it
    library.close()


def test_at_start_another_library_can_be_chosen_or_the_app_left(qapp, qtbot, tmp_path):
    from casefile.ui.library_choice import open_library

    Library.open(tmp_path / "other", "测试员").close()
    (tmp_path / "plain").mkdir()
    (tmp_path / "file.txt").write_text("x", "utf-8")
    settings = Settings(operator="测试员")
    seen = {}

    def act(dialog):
        picks = iter([str(tmp_path / "plain"), str(tmp_path / "other")])
        dialog.pick_folder = lambda _title: next(picks)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)  # not a library: said so, still asking
        seen["error"] = dialog.error.text()
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    timer = when_start_dialog_shown(act)
    library = open_library(tmp_path / "file.txt" / "lib", settings)
    timer.stop()
    assert "no CaseFile library" in seen["error"]
    assert library is not None and library.root == tmp_path / "other"
    library.close()

    timer = when_start_dialog_shown(lambda dialog: qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton))
    assert open_library(tmp_path / "file.txt" / "lib", settings) is None
    timer.stop()


def test_the_start_dialog_speaks_chinese_and_names_the_library_one_way(qapp, qtbot, tmp_path):
    import xml.etree.ElementTree as ET

    from casefile_testing import REPO

    from casefile.ui.i18n import install
    from casefile.ui.library_choice import LibraryChoiceDialog

    install(qapp, "zh_CN")
    dialog = LibraryChoiceDialog(Path("/proc/nonexistent/lib"), "无法创建", Settings(operator="测试员"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "无法打开案卷库"
    assert [b.text() for b in (dialog.choose_button, dialog.create_button, dialog.quit_button)] == [
        "选择其他案卷库…",
        "新建案卷库…",
        "退出",
    ]
    translations = [n.text or "" for n in ET.parse(REPO / "i18n" / "casefile_zh_CN.ts").iter("translation")]
    assert not [t for t in translations if "案件库" in t]  # the library is 案卷库 throughout


def test_the_settle_delay_reads_in_seconds_in_chinese(ctx, qtbot, qapp):
    """No "2.0 s" inside the Chinese interface: the unit is 秒."""
    from casefile.ui.i18n import install
    from casefile.ui.settings_dialog import SettingsDialog

    install(qapp, "zh_CN")
    try:
        dialog = SettingsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.settle.suffix() == " 秒"
    finally:
        install(qapp, "en")
