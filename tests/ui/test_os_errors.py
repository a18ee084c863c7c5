"""System errors (a missing file, no permission, a full disk…) reach the user in the app's language.

A Chinese window never shows the system's English ("No such file or directory") inside a
Chinese sentence; the English window reads English; the command line and the logs keep the
system's own words.
"""

from __future__ import annotations

import errno
import os
import pickle
import re
import subprocess
from pathlib import Path

import pytest
from qt_testing import when_start_dialog_shown

from casefile.core import evidence
from casefile.core.errors import Message, SystemReason, message_from_data, message_to_data
from casefile.core.library import case_from_fields
from casefile.core.settings import Settings
from casefile.ui import i18n
from casefile.ui.i18n import install, translated

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

REPO = Path(__file__).resolve().parents[2]

# The errors a clerk meets, each with the system's English that must not reach a Chinese window.
MET = [
    errno.ENOENT,
    errno.EACCES,
    errno.EPERM,
    errno.ENOSPC,
    errno.EROFS,
    errno.EBUSY,
    errno.EIO,
    errno.EEXIST,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.ENAMETOOLONG,
    errno.EMFILE,
    errno.EXDEV,
    errno.ENOTEMPTY,
    errno.ETXTBSY,
    errno.EDQUOT,
    errno.ELOOP,
    errno.EINVAL,
    errno.EFBIG,
]


@pytest.fixture(scope="module")
def tree_catalogue(tmp_path_factory) -> Path:
    """This checkout's Chinese catalogue, compiled (the installed package may point at another checkout's)."""
    from tools.i18n import tool

    built = tmp_path_factory.mktemp("i18n") / "casefile_zh_CN.qm"
    subprocess.run(
        [tool("lrelease"), "-silent", str(REPO / "i18n" / "casefile_zh_CN.ts"), "-qm", str(built)], check=True
    )
    return built


@pytest.fixture
def chinese(qapp, monkeypatch, tree_catalogue):
    monkeypatch.setattr(i18n, "catalogue", lambda language: tree_catalogue if language == "zh_CN" else None)
    install(qapp, "zh_CN")


def english_left(text: str, *names: object) -> list[str]:
    """English words in ``text`` once the file names it quotes are taken out."""
    for name in names:
        text = text.replace(str(name), "")
    return re.findall(r"[A-Za-z]{2,}", text.replace("CaseFile", ""))


def test_every_system_error_a_clerk_meets_is_said_in_chinese(chinese):
    for code in MET:
        text = translated(OSError(code, os.strerror(code), "/媒体/照片.jpg"))
        assert text.endswith("：/媒体/照片.jpg"), text
        assert os.strerror(code) not in text
        assert not english_left(text, "/媒体/照片.jpg"), text
    # one the table does not know: a Chinese phrase with its number; the system's words go to the log
    assert (
        translated(OSError(9999, "Weird failure", "/媒体/照片.jpg"))
        == "系统无法完成此操作（错误代码 9999）：/媒体/照片.jpg"
    )
    assert translated(OSError("bare text")) == "系统无法完成此操作"


def test_the_english_app_says_it_in_english(qapp):
    install(qapp, "en")
    assert translated(OSError(errno.ENOENT, os.strerror(errno.ENOENT), "/media/x.jpg")) == (
        "No such file or folder: /media/x.jpg"
    )
    assert translated(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == "The disk is full"
    assert translated(OSError(9999, "Weird failure")) == "Weird failure"


def test_a_core_message_keeps_the_system_error_to_translate(chinese):
    error = OSError(errno.EIO, os.strerror(errno.EIO), "/media/usb/a.jpg")
    message = Message("cannot be read: {reason}", reason=SystemReason(error))
    assert str(message) == f"cannot be read: {os.strerror(errno.EIO)}"  # the command line and the logs
    assert translated(message) == "无法读取：磁盘无法读写（输入/输出错误）"
    stored = message_from_data(message_to_data(message))  # a damaged case's reason is kept in a file
    assert translated(stored) == "无法读取：磁盘无法读写（输入/输出错误）" and str(stored) == str(message)
    assert translated(pickle.loads(pickle.dumps(message))) == "无法读取：磁盘无法读写（输入/输出错误）"
    # an OSError as a field: its reason, and its file's name only when the sentence does not name it
    marker = Path("/媒体/library.json")
    named = Message(
        "{marker} cannot be read: {exc}", marker=marker, exc=IsADirectoryError(21, "Is a directory", marker)
    )
    assert translated(named) == "/媒体/library.json 无法读取：这是文件夹，不是文件"
    assert translated(message_from_data(message_to_data(named))) == "/媒体/library.json 无法读取：这是文件夹，不是文件"


# ---------------------------------------------------------------------------------- where users meet them


def test_files_that_vanish_or_cannot_be_read_while_added_are_refused_in_chinese(
    ctx, qtbot, chinese, monkeypatch, tmp_path
):
    from casefile.ui.evidence import EvidenceTab

    number = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    ).number
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(number)
    vanishing, broken, fine = (tmp_path / name for name in ("聊天记录.txt", "u盘照片.jpg", "发票.txt"))
    for path in (vanishing, broken, fine):
        path.write_text("x" + path.name, encoding="utf-8")

    real_ingest, real_open = evidence.ingest_one, os.open

    def ingest_one(writer, path, *args, **kwargs):
        if path == vanishing:  # the phone's sync takes it away between listing and copying
            path.unlink()
        return real_ingest(writer, path, *args, **kwargs)

    def failing_open(path, *args, **kwargs):
        if Path(path) == broken:  # a USB stick going bad
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(evidence, "ingest_one", ingest_one)
    monkeypatch.setattr(evidence.os, "open", failing_open)
    tab.ingest([str(vanishing), str(broken), str(fine)])
    monkeypatch.undo()
    box = tab.adder.refusals_box
    assert box is not None
    text = box.informativeText()
    assert f"{vanishing}：文件在读取前已消失" in text
    assert f"{broken}：无法读取：磁盘无法读写（输入/输出错误）" in text
    assert not english_left(text, vanishing, broken), text
    box.close()
    assert [e.original_name for e in tab.model.exhibits] == ["发票.txt"]


def _exported_warning(window, monkeypatch, target: Path) -> str:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    window.export_case_list()
    assert len(warnings) == 1
    return warnings[0]


def test_exporting_the_case_list_where_it_cannot_be_written_says_why_in_chinese(window, chinese, monkeypatch, tmp_path):
    missing = tmp_path / "已拔出的U盘" / "cases.xlsx"  # the folder went away (a stick pulled out)
    text = _exported_warning(window, monkeypatch, missing)
    assert text == f"写入 {missing}失败：文件或文件夹不存在"

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "cases.xlsx"))

    import casefile.ui.main_window

    monkeypatch.setattr(casefile.ui.main_window, "write_xlsx", full)
    text = _exported_warning(window, monkeypatch, tmp_path / "cases.xlsx")
    assert text == f"写入 {tmp_path / 'cases.xlsx'}时磁盘已满，未做任何改动"

    install(QApplication.instance(), "en")
    text = _exported_warning(window, monkeypatch, tmp_path / "cases.xlsx")
    assert text == f"the disk is full while writing {tmp_path / 'cases.xlsx'}; nothing was changed"


def test_a_library_that_cannot_be_opened_says_why_in_chinese(qapp, qtbot, chinese, tmp_path):
    from casefile.ui.library_choice import open_library

    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "damaged" / "library.json").mkdir(parents=True)  # a folder where the marker file should be
    seen = {}

    def act(dialog):
        seen["message"] = dialog.message.text()
        dialog.pick_folder = lambda _title: str(tmp_path / "damaged")
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        seen["damaged"] = dialog.error.text()
        dialog.reject()

    timer = when_start_dialog_shown(act)
    below_a_file = tmp_path / "notes.txt" / "案卷库"
    assert open_library(below_a_file, Settings(operator="测试员")) is None
    timer.stop()
    assert seen["message"].startswith(f"CaseFile 无法打开位于 {below_a_file} 的案卷库：\n")
    assert f"在 {below_a_file} 创建案卷库失败：路径中有一部分是文件，而不是文件夹" in seen["message"]
    marker = tmp_path / "damaged" / "library.json"
    assert seen["damaged"] == f"{marker} 无法读取：这是文件夹，不是文件"
    for text in seen.values():
        assert not english_left(text, below_a_file, marker), text


def test_a_bundle_refused_for_damaged_evidence_names_each_file_in_chinese(chinese):
    """The refusal lists every damaged exhibit, each reason (and a read error's cause) translated."""
    from casefile.core.store import EvidenceMismatchError
    from casefile.core.store.reader import Problem, Reason

    now = Message("SHA-256 now {digest}…", digest="ab12cd34ef56ab78")
    eio = SystemReason(OSError(errno.EIO, "Input/output error"))
    problems = [
        Problem(1, "evidence/0001_photo.jpg", Reason.CHANGED, now),
        Problem(2, "evidence/0002_chat.txt", Reason.MISSING),
        Problem(3, "evidence/0003_video.mp4", Reason.UNREADABLE, eio),
    ]
    error = EvidenceMismatchError("202611-001", problems)
    text = translated(error)
    assert english_left(text, *(p.stored_path for p in problems), "ab12cd34ef56ab78", "SHA", "casefile verify") == []
    assert "添加后已被改动" in text and "文件缺失" in text and "磁盘无法读写" in text
    assert text.count("；") == 3  # two between the files, one before the advice
    assert "Input/output error" in str(error)  # the command line and the log keep the system's words
