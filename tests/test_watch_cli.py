"""casefile watch, attach and detach as people and scheduled tasks use them."""

from __future__ import annotations

import logging
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from casefile.cli import main
from casefile.core.settings import load_settings, save_settings

REPO = Path(__file__).resolve().parents[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_case(capsys, lib: Path) -> str:
    code, out, _ = run(
        capsys, "--library", str(lib), "new", "--title", "屏幕碎裂", "--type", "quality", "--channel", "store"
    )
    assert code == 0
    return out.strip().splitlines()[-1]


def inbox(lib: Path, number: str) -> Path:
    return lib / "cases" / number / "inbox"


def test_attach_list_and_detach(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    scanner = tmp_path / "scanner"
    scanner.mkdir()
    code, out, _ = run(capsys, "--library", str(lib), "attach", number, str(scanner), "--poll")
    assert code == 0 and str(scanner) in out and "polled" in out
    code, out, _ = run(capsys, "--library", str(lib), "attach", "--list")
    assert code == 0 and out == f"{number}  {scanner}  (polled)\n"
    code, _, err = run(capsys, "--library", str(lib), "attach", number, str(tmp_path / "nowhere"))
    assert code == 2 and "no folder at" in err
    code, _, err = run(capsys, "--library", str(lib), "attach", number)
    assert code == 2 and "needs a CASE and a FOLDER" in err
    code, out, _ = run(capsys, "--library", str(lib), "detach", number, str(scanner))
    assert code == 0 and "no longer watched" in out
    code, out, err = run(capsys, "--library", str(lib), "attach", "--list")
    assert code == 0 and out == "" and "no folders are attached" in err
    code, _, err = run(capsys, "--library", str(lib), "detach", number, str(scanner))
    assert code == 2 and "not attached" in err


def test_an_attachment_made_while_the_app_is_open_survives_the_app_saving_its_settings(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    phone = tmp_path / "phone"
    phone.mkdir()
    app_settings = load_settings()  # the app is open and holds its settings
    assert run(capsys, "--library", str(lib), "attach", number, str(phone))[0] == 0
    app_settings.default_venue = "court"  # the user changes a setting in the app, which saves them all
    save_settings(app_settings)
    code, out, _ = run(capsys, "--library", str(lib), "attach", "--list")
    assert code == 0 and out == f"{number}  {phone}\n"
    assert load_settings().default_venue == "court"


def test_watch_once_adds_inboxes_and_attached_folders(capsys, tmp_path, files):
    lib = tmp_path / "lib"
    first = new_case(capsys, lib)
    second = new_case(capsys, lib)
    phone = tmp_path / "phone"
    phone.mkdir()
    assert run(capsys, "--library", str(lib), "attach", second, str(phone))[0] == 0
    shutil.copy(files / "chat.txt", inbox(lib, first))
    shutil.copy(files / "破损照片.jpg", inbox(lib, first))
    shutil.copy(files / "chat.txt", phone)
    (phone / "draft.docx.crdownload").write_bytes(b"half")
    code, out, err = run(capsys, "--library", str(lib), "watch", "--once", "--settle", "0.1")
    assert code == 0, err
    assert sorted(out.splitlines()) == [
        f"{first}: added exhibit 1 chat.txt",
        f"{first}: added exhibit 2 破损照片.jpg",
        f"{second}: added exhibit 1 chat.txt",
    ]
    assert sorted(os.listdir(phone)) == [".ingested", "draft.docx.crdownload"]
    shutil.copy(files / "chat.txt", inbox(lib, first))
    code, out, _ = run(capsys, "--library", str(lib), "watch", first, "--once", "--settle", "0.1")
    assert code == 0 and out == f"{first}: duplicate of exhibit 1 chat.txt\n"
    assert sorted(os.listdir(inbox(lib, first) / ".ingested")) == ["chat.txt", "chat~2.txt", "破损照片.jpg"]


def test_watch_once_leaves_a_file_still_being_written(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    growing = inbox(lib, number) / "recording.m4a"
    with open(growing, "wb") as fh:
        fh.write(b"x")
        proc = subprocess.Popen(
            [sys.executable, "-m", "casefile", "--library", str(lib), "watch", "--once", "--settle", "0.5"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # a recorder writing a little every 50 ms until the command ends
            fh.write(b"x" * 1000)
            fh.flush()
            try:
                proc.wait(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                continue
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 1
    assert out == ""
    assert "recording.m4a is still being written; it is left for the next run" in err
    assert growing.exists()


def test_watch_rejects_an_unknown_case(capsys, tmp_path):
    lib = tmp_path / "lib"
    new_case(capsys, lib)
    code, _, err = run(capsys, "--library", str(lib), "watch", "202601-999", "--once")
    assert code == 2 and "no case 202601-999" in err


def ctrl_c_reaches(command: list[str], **kwargs: object) -> subprocess.Popen[str]:
    """Start ``command`` as a terminal would: with Ctrl+C (SIGINT) at its default. A test run started
    in the background (``tools/dev test &``) inherits SIGINT ignored, as shells set it for background
    jobs, and a watcher started from it rightly ignores Ctrl+C."""

    def default_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return subprocess.Popen(command, preexec_fn=default_sigint, **kwargs)  # type: ignore[call-overload,no-any-return]


class Lines:
    """The lines a process writes to a pipe, read on a thread of their own, to wait for one at a time."""

    def __init__(self, pipe: IO[str]) -> None:
        self._lines: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self.seen: list[str] = []
        self._pipe = pipe
        self._reader = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self._reader.start()

    def close(self) -> None:
        """Once the process has ended: let the reader reach the end of the pipe, then close it."""
        self._reader.join(timeout=30)
        self._pipe.close()

    def _read(self, pipe: IO[str]) -> None:
        for line in pipe:
            self._lines.put(line)
        self._lines.put(None)

    def _next(self, deadline: float) -> str | None:
        try:
            line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no further line in time; so far: {self.seen!r}") from None
        if line is not None:
            self.seen.append(line)
        return line

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The next line holding ``text``; fails when the process closes the pipe first."""
        deadline = time.monotonic() + timeout
        while (line := self._next(deadline)) is not None:
            if text in line:
                return line
        raise AssertionError(f"the process ended without a line holding {text!r}: {self.seen!r}")

    def rest(self, timeout: float = 30.0) -> str:
        """What the process writes until it closes the pipe."""
        deadline = time.monotonic() + timeout
        start = len(self.seen)
        while self._next(deadline) is not None:
            pass
        return "".join(self.seen[start:])


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_watch_runs_until_ctrl_c_and_exits_0(capsys, tmp_path, files):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    shutil.copy(files / "chat.txt", inbox(lib, number))
    proc = ctrl_c_reaches(
        [sys.executable, "-m", "casefile", "--library", str(lib), "watch", "--settle", "0.1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONFAULTHANDLER="1"),  # a stop that hangs dumps every thread's stack (SIGABRT)
    )
    out, err = Lines(proc.stdout), Lines(proc.stderr)
    try:
        assert err.wait_for("watching") == "watching 1 folder(s) of 1 case(s); Ctrl+C to stop\n"
        assert out.wait_for("chat.txt") == f"{number}: added exhibit 1 chat.txt\n"
        assert (inbox(lib, number) / ".ingested" / "chat.txt").exists()
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)  # the threads' stacks go to stderr, into the failure report
            proc.wait(timeout=30)
            raise AssertionError("casefile watch did not stop within 30 s of Ctrl+C:\n" + err.rest()) from None
        assert code == 0, err.rest()
        assert out.rest() == ""
        assert "Traceback" not in err.rest()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        out.close()
        err.close()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads thread signal masks from /proc (Linux)")
def test_ctrl_c_can_only_reach_the_waiting_thread(capsys, tmp_path):
    """The kernel hands a process's SIGINT to any thread that does not block it; one taken by a
    watcher thread left the main thread waiting for ever (seen under load). Every thread but the
    main one blocks SIGINT and SIGTERM."""
    lib = tmp_path / "lib"
    new_case(capsys, lib)
    proc = ctrl_c_reaches(
        [sys.executable, "-m", "casefile", "--library", str(lib), "watch", "--settle", "0.1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    err = Lines(proc.stderr)
    try:
        assert err.wait_for("watching").startswith("watching")
        blocked = {}
        for task in Path(f"/proc/{proc.pid}/task").iterdir():
            status = (task / "status").read_text()
            mask = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:")), 16)
            blocked[int(task.name)] = mask
        sigint, sigterm = 1 << (signal.SIGINT - 1), 1 << (signal.SIGTERM - 1)
        others = [mask for tid, mask in blocked.items() if tid != proc.pid]
        assert others, "the watcher runs threads of its own"
        assert all(mask & sigint and mask & sigterm for mask in others)
        assert not blocked[proc.pid] & sigint  # the main thread takes Ctrl+C
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        err.close()
        proc.stdout.close()


def test_a_watcher_started_in_the_background_says_how_it_stops(capsys, tmp_path):
    """A background job has Ctrl+C ignored by its shell: the watcher names the signal that stops it."""
    lib = tmp_path / "lib"
    new_case(capsys, lib)

    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    proc = subprocess.Popen(
        [sys.executable, "-m", "casefile", "--library", str(lib), "watch", "--settle", "0.1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ignore_sigint,
    )
    err = Lines(proc.stderr)
    try:
        assert err.wait_for("watching") == f"watching 1 folder(s) of 1 case(s); kill {proc.pid} to stop\n"
        proc.terminate()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        err.close()
        proc.stdout.close()


def test_attaching_a_whole_drive_needs_wide(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    code, _, err = run(capsys, "--library", str(lib), "attach", number, "/")
    assert code == 2 and "whole drive or the home folder" in err and "--wide" in err
    code, out, _ = run(capsys, "--library", str(lib), "attach", "--list")
    assert out == ""
    code, out, _ = run(capsys, "--library", str(lib), "attach", number, "/", "--wide")
    assert code == 0 and "/ is watched" in out


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_watch_once_reports_a_refused_link_once_and_again_when_it_changes(capsys, caplog, tmp_path, files):
    """A scheduled 'watch --once' does not report the same refused link at every run; --status keeps it listed."""
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    phone = tmp_path / "phone"
    phone.mkdir()
    assert run(capsys, "--library", str(lib), "attach", number, str(phone))[0] == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n")
    (phone / "passwd.txt").symlink_to(secret)
    watch = ["--library", str(lib), "watch", "--once", "--settle", "0.1"]
    code, out, _ = run(capsys, *watch)
    assert code == 1 and out.startswith(f"{number}: refused passwd.txt: ") and str(secret) in out
    shutil.copy(files / "chat.txt", phone)
    secret.write_text("root:x:0:0:changed\n")  # its target changes, not the link: still the same refusal
    code, out, _ = run(capsys, *watch)
    assert code == 0 and out == f"{number}: added exhibit 1 chat.txt\n"
    caplog.clear()
    code, out, err = run(capsys, *watch)
    assert code == 0 and out == "" and "passwd.txt" not in err
    # not on stderr as a warning either (the log shows it with -v only)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and "passwd.txt" in r.getMessage()]
    code, out, _ = run(capsys, "--library", str(lib), "watch", "--status")
    assert code == 0 and out.startswith(f"{number}: refused {phone / 'passwd.txt'} -> {secret} (reported ")
    assert out.count("\n") == 1

    # The link made again, pointing elsewhere: a new refusal, reported once more.
    other = tmp_path / "other.txt"
    other.write_text("another secret\n")
    (phone / "passwd.txt").unlink()
    (phone / "passwd.txt").symlink_to(other)
    code, out, _ = run(capsys, *watch)
    assert code == 1 and out.startswith(f"{number}: refused passwd.txt: ") and str(other) in out
    assert run(capsys, *watch)[1] == ""
    code, out, _ = run(capsys, "--library", str(lib), "watch", "--status")
    assert f"-> {other} (reported " in out and str(secret) not in out

    # Gone: forgotten, and --status says nothing is left.
    (phone / "passwd.txt").unlink()
    code, out, err = run(capsys, "--library", str(lib), "watch", "--status")
    assert code == 0 and out == "" and "no refused links are left" in err
