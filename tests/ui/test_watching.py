"""Watch folders in the app: files put in an inbox or an attached folder appear live; the GUI never waits."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from PIL import Image

from casefile.core.library import case_from_fields
from casefile.core.watch import WatchedFolder, attached_folders


@pytest.fixture
def window(ctx, qtbot):
    from casefile.ui.main_window import MainWindow

    ctx.settings.watch_settle_ms = 200
    case = ctx.library.create_case(
        case_from_fields(
            {
                "title": "快递外箱压坏",
                "complained_at": "2026-11-20T10:00+08:00",
                "channel": "store",
                "type": "logistics",
            }
        )
    )
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.cases.select(case.number)
    win.workspace.setCurrentWidget(win.workspace.evidence)
    win.start_watching()
    assert win.watch.watcher is not None and win.watch.watcher.wait_ready(10)
    yield win
    win.watch.stop()
    assert win.watch.wait_stopped(10)


def restarted(qtbot, window):
    """The watcher started again after a change (a restart waits for the old one to stop)."""
    qtbot.waitUntil(lambda: window.watch.watcher is not None, timeout=10_000)
    assert window.watch.watcher.wait_ready(10)


def holder(qtbot):
    """A widget the test's watch service belongs to, deleted with it after the test (not left to the garbage
    collector when the app shuts down)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def photo(path, colour=(200, 40, 40)):
    Image.new("RGB", (64, 48), colour).save(path)
    return path


def wait_rows(qtbot, ctx, tab, count, timeout=30_000):
    """Wait for arrivals (each batch refreshes the case: case_changed) until the evidence list has ``count`` rows."""
    while tab.model.rowCount() < count:
        with qtbot.waitSignal(ctx.events.case_changed, timeout=timeout):
            pass
    assert tab.model.rowCount() == count


def test_a_file_put_in_the_inbox_appears_in_the_open_case(window, ctx, qtbot, tmp_path):
    number = window.workspace.number
    inbox = ctx.library.folder(number).inbox_dir
    shutil.copyfile(photo(tmp_path / "外箱.jpg"), inbox / "外箱.jpg")
    tab = window.workspace.evidence
    wait_rows(qtbot, ctx, tab, 1)
    assert tab.case.exhibits[0].original_name == "外箱.jpg"
    assert not (inbox / "外箱.jpg").exists() and (inbox / ".ingested" / "外箱.jpg").exists()
    assert "外箱.jpg" in window.statusBar().currentMessage()
    assert "now exhibit 1" in window.statusBar().currentMessage()


def test_an_attached_folder_is_watched_at_once_and_can_be_detached(window, ctx, qtbot, tmp_path):
    number = window.workspace.number
    phone = tmp_path / "手机同步"
    phone.mkdir()
    tab = window.workspace.evidence
    tab.watch_menu.attach_folder(str(phone), poll=False)
    assert attached_folders(ctx.library) == [WatchedFolder(number, phone)]
    restarted(qtbot, window)
    photo(phone / "IMG_20261118_200100.jpg")
    wait_rows(qtbot, ctx, tab, 1)
    assert tab.case.exhibits[0].captured_at_source == "file-name"
    tab.watch_menu.fill()
    detach = [a for a in tab.watch_menu.actions() if a.data() == str(phone)]
    assert len(detach) == 1
    detach[0].trigger()
    assert attached_folders(ctx.library) == []
    restarted(qtbot, window)
    photo(phone / "later.jpg", (10, 10, 200))
    assert window.watch.watcher.wait_idle(30)  # a full rescan: the detached folder is not in it
    assert tab.model.rowCount() == 1 and (phone / "later.jpg").exists()


def test_a_burst_of_arrivals_refreshes_the_case_once(window, ctx, qtbot, tmp_path):
    number = window.workspace.number
    inbox = ctx.library.folder(number).inbox_dir
    refreshes = []
    ctx.events.case_changed.connect(refreshes.append)
    for i in range(20):
        photo(tmp_path / f"s{i}.png", (i * 10, 100, 100))
    for i in range(20):
        shutil.copyfile(tmp_path / f"s{i}.png", inbox / f"s{i}.png")
    tab = window.workspace.evidence
    wait_rows(qtbot, ctx, tab, 20)
    assert len(refreshes) <= 5  # gathered, not one refresh per file


def test_settings_choose_delete_and_the_settle_delay(window, ctx, qtbot, tmp_path):
    from casefile.core.settings import load_settings
    from casefile.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.after_ingest.setCurrentIndex(dialog.after_ingest.findData("delete"))
    dialog.settle.setValue(0.5)
    with qtbot.waitSignal(ctx.events.watch_folders_changed):
        dialog.save()
    assert (load_settings().watch_after_ingest, load_settings().watch_settle_ms) == ("delete", 500)
    restarted(qtbot, window)  # with the new options
    inbox = ctx.library.folder(window.workspace.number).inbox_dir
    shutil.copyfile(photo(tmp_path / "x.jpg"), inbox / "x.jpg")
    wait_rows(qtbot, ctx, window.workspace.evidence, 1)
    assert not (inbox / "x.jpg").exists() and not (inbox / ".ingested" / "x.jpg").exists()


def test_the_watch_menu_says_when_the_attachments_cannot_be_read(window, ctx):
    import json

    from casefile.core.watch import ATTACHMENTS_FORMAT, attachments_path

    attachments_path(ctx.library).write_text(
        json.dumps({"format": ATTACHMENTS_FORMAT, "version": 99, "folders": []}), "utf-8"
    )
    tab = window.workspace.evidence
    tab.watch_menu.fill()
    texts = {a.text(): a.isEnabled() for a in tab.watch_menu.actions() if a.text()}
    assert [enabled for text, enabled in texts.items() if "newer CaseFile" in text] == [False]
    assert texts[tab.tr("Attach a folder…")]  # the inbox and attaching stay offered; attaching says why it fails


def test_stopping_a_watcher_slow_to_stop_returns_to_the_window_at_once(ctx, qtbot, monkeypatch):
    """The watcher's thread is busy (here: reading the attached folders) when asked to stop: the window
    does not wait for it; ``stopped`` follows once the thread has ended."""
    from casefile.ui import watching

    busy, release, done = threading.Event(), threading.Event(), threading.Event()

    def slow_attached(library):
        busy.set()
        release.wait(5)  # the handshake below; 5 s only bounds the wait when stop() blocks (the defect)
        done.set()
        return []

    monkeypatch.setattr(watching, "attached_folders", slow_attached)
    owner = holder(qtbot)
    service = watching.WatchService(ctx, owner)
    service.start()
    assert busy.wait(10)
    try:
        service.stop()
        assert not done.is_set()  # stop() returned while the watcher's thread was still busy
        assert not service.running
    finally:
        release.set()
    with qtbot.waitSignal(service.stopped, timeout=10_000):
        pass
    assert done.is_set() and not service.stopping


def test_a_restart_starts_the_new_watcher_once_the_old_one_has_stopped(ctx, qtbot, monkeypatch):
    from casefile.ui import watching

    busy, release = threading.Event(), threading.Event()
    calls = []

    def attached(library):
        calls.append(threading.current_thread().ident)
        if len(calls) == 1:
            busy.set()
            release.wait(5)
        return []

    monkeypatch.setattr(watching, "attached_folders", attached)
    owner = holder(qtbot)
    service = watching.WatchService(ctx, owner)
    service.start()
    first = service.watcher
    assert busy.wait(10)
    service.restart()
    assert service.running and service.watcher is None  # waiting for the old one
    release.set()
    qtbot.waitUntil(lambda: service.watcher is not None, timeout=10_000)
    assert service.watcher is not first and service.watcher.wait_ready(10)
    service.stop()
    assert service.wait_stopped(10)


def test_a_link_leading_out_of_the_inbox_is_refused_with_its_reason_in_the_status_bar(window, ctx, qtbot, tmp_path):
    number = window.workspace.number
    inbox = ctx.library.folder(number).inbox_dir
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0::/root:/bin/bash\n")
    with qtbot.waitSignal(window.watch.batch, timeout=30_000):
        (inbox / "passwd.txt").symlink_to(secret)
    qtbot.waitUntil(lambda: "passwd.txt" in window.statusBar().currentMessage(), timeout=10_000)
    said = window.statusBar().currentMessage()
    assert "refused" in said and "symbolic link pointing outside" in said and str(secret) in said
    assert (inbox / "passwd.txt").is_symlink() and window.workspace.evidence.model.rowCount() == 0


def test_attaching_the_home_folder_asks_first(window, ctx, qtbot, tmp_path, monkeypatch):
    from casefile.ui.evidence import watch_menu

    home = tmp_path / "home" / "clerk"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    asked = []
    answer = [watch_menu.QMessageBox.StandardButton.No]

    def question(parent, title, text, *args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(watch_menu.QMessageBox, "warning", question)
    tab = window.workspace.evidence
    tab.watch_menu.attach_folder(str(home), poll=False)
    assert len(asked) == 1 and "whole drive or your home folder" in asked[0] and str(home) in asked[0]
    assert attached_folders(ctx.library) == []
    answer[0] = watch_menu.QMessageBox.StandardButton.Yes
    tab.watch_menu.attach_folder(str(home), poll=False)
    assert attached_folders(ctx.library) == [WatchedFolder(window.workspace.number, home)]
    restarted(qtbot, window)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_refused_link_is_reported_once_across_app_starts_and_cli_runs(window, ctx, qtbot, tmp_path, capsys):
    """The app's watcher shares the memory of `casefile watch --once`: a link is reported once, again only when it
    changes, and the case's watch menu keeps listing it (as `casefile watch --status` does)."""
    from casefile.cli import main
    from casefile.ui.watching import GATHER_MS

    number = window.workspace.number
    inbox = ctx.library.folder(number).inbox_dir
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0::/root:/bin/bash\n")
    seen: list[str] = []
    window.watch.batch.connect(lambda gathered: seen.extend(r.path.name for rs in gathered.values() for r in rs))
    with qtbot.waitSignal(window.watch.batch, timeout=30_000):
        (inbox / "passwd.txt").symlink_to(secret)
    assert seen == ["passwd.txt"]

    def start_again():
        """The app started again: a new watcher over the same library."""
        window.watch.stop()
        assert window.watch.wait_stopped(10)
        window.start_watching()
        assert window.watch.watcher.wait_ready(10) and window.watch.watcher.wait_idle(10)
        qtbot.wait(GATHER_MS + 200)

    start_again()
    assert seen == ["passwd.txt"]  # not reported again
    assert main(["--library", str(ctx.library.root), "watch", "--once", "--settle", "0.1"]) == 0
    assert "passwd.txt" not in capsys.readouterr().out  # nor by the command
    menu = window.workspace.evidence.watch_menu
    menu.fill()
    listed = [a.text() for a in menu.actions() if str(inbox / "passwd.txt") in a.text()]
    assert len(listed) == 1 and str(secret) in listed[0] and "symbolic link pointing outside" in listed[0]

    # The link made again, pointing elsewhere: reported once more, by whichever watcher meets it first.
    other = tmp_path / "other"
    other.write_text("another secret\n")
    (inbox / "passwd.txt").unlink()
    with qtbot.waitSignal(window.watch.batch, timeout=30_000):
        (inbox / "passwd.txt").symlink_to(other)
    assert seen == ["passwd.txt", "passwd.txt"]
    start_again()
    assert seen == ["passwd.txt", "passwd.txt"]
    menu.fill()
    listed = [a.text() for a in menu.actions() if str(inbox / "passwd.txt") in a.text()]
    assert len(listed) == 1 and str(other) in listed[0]
