"""Watch folders: real files, real folders and a real watchdog observer (inotify here, or polling).

Nothing here sleeps to give the watcher time: a test waits for what the watcher reports
(its callbacks, a line of its log) or for it to be idle (``Watcher.wait_idle``: a full
rescan done and nothing left pending), with a generous timeout.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.errors import Message
from casefile.core.evidence import AddResult
from casefile.core.library import Library
from casefile.core.verify import verify_case
from casefile.core.watch import (
    ATTACHMENTS_FORMAT,
    INGESTED_DIR,
    WatchedFolder,
    Watcher,
    WatchOptions,
    attach_folder,
    attached_folders,
    attachments_path,
    move_aside,
)

FAST = WatchOptions(settle=0.2, poll_interval=0.1, rescan=0.5, retry=0.05)
TIMEOUT = 30.0  # seconds: generous, for a busy machine; a passing test waits far less


class Arrivals:
    """What a watcher reported, collected from its thread; tests wait on it."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.results: list[tuple[str, AddResult]] = []
        self.problems: list[tuple[str, Message]] = []

    def on_result(self, number: str, result: AddResult) -> None:
        with self.lock:
            self.results.append((number, result))
            self.lock.notify_all()

    def on_problem(self, number: str, message: Message) -> None:
        with self.lock:
            self.problems.append((number, message))
            self.lock.notify_all()

    def wait(self, condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
        """Wait until the watcher has reported what makes ``condition`` true."""
        with self.lock:
            if not self.lock.wait_for(condition, timeout):
                raise AssertionError(f"timed out waiting for {what}: {self.results!r}, {self.problems!r}")

    def names(self) -> list[str]:
        with self.lock:
            return sorted(r.path.name for _, r in self.results)


class LogLine(logging.Handler):
    """Set when the watcher logs a line holding ``text``: the watcher's word that it got there."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.DEBUG)
        self.text = text
        self.seen = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()


@pytest.fixture
def arrivals() -> Arrivals:
    return Arrivals()


@pytest.fixture
def start_watcher(library: Library, arrivals: Arrivals) -> Iterator[Callable[..., Watcher]]:
    started: list[Watcher] = []

    def start(*, options: WatchOptions = FAST, **kwargs: object) -> Watcher:
        watcher = Watcher(
            library, options=options, on_result=arrivals.on_result, on_problem=arrivals.on_problem, **kwargs
        )
        watcher.start()
        assert watcher.wait_ready(TIMEOUT)
        started.append(watcher)
        return watcher

    yield start
    for watcher in started:
        watcher.stop()


def inbox_of(library: Library, number: str) -> Path:
    return library.folder(number).inbox_dir


def exhibits(library: Library, number: str) -> dict[str, str]:
    """original name -> sha256 of the case's exhibits."""
    return {e.original_name: e.sha256 for e in library.load_case(number).exhibits}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_files_waiting_at_start_and_new_files_become_exhibits_and_move_aside(
    library, case, files, start_watcher, arrivals
):
    inbox = inbox_of(library, case.number)
    shutil.copy(files / "破损照片.jpg", inbox)  # arrived while CaseFile was closed
    start_watcher()
    shutil.copy(files / "chat.txt", inbox)
    arrivals.wait(lambda: len(arrivals.results) == 2, "two arrivals")
    assert arrivals.names() == ["chat.txt", "破损照片.jpg"]
    stored = exhibits(library, case.number)
    assert stored == {name: sha256((files / name).read_bytes()) for name in ("chat.txt", "破损照片.jpg")}
    assert sorted(os.listdir(inbox)) == [INGESTED_DIR]
    assert sorted(os.listdir(inbox / INGESTED_DIR)) == ["chat.txt", "破损照片.jpg"]
    assert (inbox / INGESTED_DIR / "chat.txt").read_bytes() == (files / "chat.txt").read_bytes()
    assert all(number == case.number for number, _ in arrivals.results)
    assert arrivals.problems == []
    assert list(verify_case(library, case.number))[-1].ok


def test_a_half_written_file_is_added_once_it_is_closed(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    content = os.urandom(300_000)
    with open(inbox / "scan.pdf", "wb") as fh:
        fh.write(content[:150_000])
        fh.flush()
        (inbox / "marker.txt").write_text("proof that the watcher is awake")
        arrivals.wait(lambda: arrivals.results, "the marker")
        assert arrivals.names() == ["marker.txt"]  # the open file waits (tests/core/test_watch_readiness.py)
        assert (inbox / "scan.pdf").exists()
        fh.write(content[150_000:])
    arrivals.wait(lambda: len(arrivals.results) == 2, "the finished file")
    assert exhibits(library, case.number)["scan.pdf"] == sha256(content)


def test_a_polled_folder_feeds_its_case(library, case, files, tmp_path, start_watcher, arrivals):
    share = tmp_path / "share"
    share.mkdir()
    watcher = start_watcher(attached=[WatchedFolder(case.number, share, poll=True)])
    assert WatchedFolder(case.number, share, poll=True) in watcher.folders
    shutil.copy(files / "破损照片.jpg", share)
    arrivals.wait(lambda: arrivals.results, "the photo from the share")
    assert exhibits(library, case.number) == {"破损照片.jpg": sha256((files / "破损照片.jpg").read_bytes())}
    assert os.listdir(share / INGESTED_DIR) == ["破损照片.jpg"]


def test_partial_downloads_and_hidden_files_are_left_alone(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    ignored = ["report.pdf.crdownload", "movie.mp4.part", "~$合同.docx", ".hidden.jpg", "Thumbs.db", ".DS_Store"]
    for name in ignored:
        (inbox / name).write_bytes(b"not evidence " + name.encode())
    watcher = start_watcher()
    for name in ignored:
        (inbox / name).write_bytes(b"still not evidence " + name.encode())
    (inbox / "receipt.jpg").write_bytes(b"\xff\xd8\xff real")
    arrivals.wait(lambda: arrivals.results, "the real file")
    assert watcher.wait_idle(TIMEOUT)
    assert arrivals.names() == ["receipt.jpg"]
    assert sorted(os.listdir(inbox)) == sorted([*ignored, INGESTED_DIR])


def test_a_download_renamed_when_finished_is_added_once(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    watcher = start_watcher()
    content = os.urandom(50_000)
    (inbox / "invoice.pdf.crdownload").write_bytes(content)
    os.rename(inbox / "invoice.pdf.crdownload", inbox / "invoice.pdf")
    arrivals.wait(lambda: arrivals.results, "the renamed download")
    assert watcher.wait_idle(TIMEOUT)
    assert arrivals.names() == ["invoice.pdf"]
    assert exhibits(library, case.number) == {"invoice.pdf": sha256(content)}


def test_duplicates_are_recognised_and_moved_aside_without_overwriting(library, case, files, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    shutil.copy(files / "chat.txt", inbox)
    arrivals.wait(lambda: len(arrivals.results) == 1, "the first copy")
    shutil.copy(files / "chat.txt", inbox)  # the same name again
    arrivals.wait(lambda: len(arrivals.results) == 2, "the second copy")
    shutil.copy(files / "chat.txt", inbox / "chat (1).txt")  # the same bytes, another name
    arrivals.wait(lambda: len(arrivals.results) == 3, "the third copy")
    first, second, third = (r for _, r in arrivals.results)
    assert first.exhibit is not None and first.exhibit.number == 1
    assert second.duplicate_of == 1 and third.duplicate_of == 1
    assert len(library.load_case(case.number).exhibits) == 1
    assert sorted(os.listdir(inbox / INGESTED_DIR)) == ["chat (1).txt", "chat.txt", "chat~2.txt"]
    assert sorted(os.listdir(inbox)) == [INGESTED_DIR]


def test_the_delete_setting_removes_added_files(library, case, files, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher(options=WatchOptions(settle=0.2, after_ingest="delete", rescan=1.0, retry=0.1))
    shutil.copy(files / "破损照片.jpg", inbox)
    arrivals.wait(lambda: arrivals.results, "the photo")
    assert os.listdir(inbox) == []
    stored = library.load_case(case.number).exhibit(1)
    assert (library.folder(case.number).path / stored.stored_path).read_bytes() == (files / "破损照片.jpg").read_bytes()


def test_an_attached_folder_outside_the_library_feeds_its_case(library, case, files, tmp_path, start_watcher, arrivals):
    other = make_case(library, title="另一案件")
    phone = tmp_path / "phone-sync" / "Screenshots"
    phone.mkdir(parents=True)
    watcher = start_watcher(attached=[WatchedFolder(other.number, phone)])
    assert {(f.case, f.path, f.inbox) for f in watcher.folders} >= {(other.number, phone, False)}
    shutil.copy(files / "Screenshot_20240510-143012_WeChat.png", phone)
    arrivals.wait(lambda: arrivals.results, "the screenshot")
    number, result = arrivals.results[0]
    assert number == other.number and result.exhibit is not None
    assert exhibits(library, other.number) == {
        "Screenshot_20240510-143012_WeChat.png": sha256((files / "Screenshot_20240510-143012_WeChat.png").read_bytes())
    }
    assert exhibits(library, case.number) == {}
    assert os.listdir(phone / INGESTED_DIR) == ["Screenshot_20240510-143012_WeChat.png"]


def test_a_folder_attached_while_watching_is_watched_from_the_next_rescan(
    library, case, files, tmp_path, start_watcher, arrivals
):
    """The watcher reads the library's attachments again at each rescan: no restart needed."""
    phone = tmp_path / "phone"
    phone.mkdir()
    watcher = start_watcher(options=WatchOptions(settle=0.2, rescan=600), attached=lambda: attached_folders(library))
    assert [f.path for f in watcher.folders] == [inbox_of(library, case.number)]
    attach_folder(library, case.number, phone)  # another window, or casefile attach
    shutil.copy(files / "chat.txt", phone)
    assert watcher.wait_idle(TIMEOUT)  # a rescan
    assert arrivals.names() == ["chat.txt"]
    assert os.listdir(phone / INGESTED_DIR) == ["chat.txt"]


def test_attachments_from_a_newer_casefile_are_reported_once_and_the_inboxes_still_watched(
    library, case, files, start_watcher, arrivals
):
    attachments_path(library).write_text(
        json.dumps({"format": ATTACHMENTS_FORMAT, "version": 99, "folders": [{"store": "s3"}]}), "utf-8"
    )
    watcher = start_watcher(attached=lambda: attached_folders(library))
    shutil.copy(files / "chat.txt", inbox_of(library, case.number))
    arrivals.wait(lambda: arrivals.results, "the file in the inbox")
    assert watcher.wait_idle(TIMEOUT)  # a rescan reads the list again: not reported again
    assert len(arrivals.problems) == 1
    number, message = arrivals.problems[0]
    assert number == "" and "newer CaseFile" in message and message.params["version"] == 99


def test_a_busy_case_delays_files_but_loses_none(library, case, files, start_watcher, arrivals, caplog):
    inbox = inbox_of(library, case.number)
    caplog.set_level(logging.INFO, logger="casefile.core.watch")
    busy = LogLine("is in use")
    logging.getLogger("casefile.core.watch").addHandler(busy)
    try:
        start_watcher()
        with library.edit(case.number):  # the GUI or another command holds the case
            shutil.copy(files / "chat.txt", inbox)
            shutil.copy(files / "破损照片.jpg", inbox)
            assert busy.seen.wait(TIMEOUT), "the watcher never found the case in use"
            assert arrivals.results == []
            assert sorted(os.listdir(inbox)) == ["chat.txt", "破损照片.jpg"]
    finally:
        logging.getLogger("casefile.core.watch").removeHandler(busy)
    arrivals.wait(lambda: len(arrivals.results) == 2, "both files after the case is free")
    assert sorted(exhibits(library, case.number)) == ["chat.txt", "破损照片.jpg"]
    assert arrivals.problems == []


def test_a_case_created_while_watching_gets_its_inbox_watched(library, files, start_watcher, arrivals):
    start_watcher(options=WatchOptions(settle=0.2, rescan=600, retry=0.1))  # no rescan: events only
    new = make_case(library, title="新案件")
    shutil.copy(files / "chat.txt", inbox_of(library, new.number))
    arrivals.wait(lambda: arrivals.results, "the file in the new inbox")
    assert arrivals.results[0][0] == new.number


def test_only_the_chosen_cases_are_watched(library, case, files, start_watcher, arrivals):
    other = make_case(library, title="另一案件")
    shutil.copy(files / "chat.txt", inbox_of(library, other.number))
    watcher = start_watcher(cases=[case.number])
    assert [f.case for f in watcher.folders] == [case.number]
    shutil.copy(files / "破损照片.jpg", inbox_of(library, case.number))
    arrivals.wait(lambda: arrivals.results, "the watched case's file")
    assert watcher.wait_idle(TIMEOUT)
    assert arrivals.names() == ["破损照片.jpg"]
    assert (inbox_of(library, other.number) / "chat.txt").exists()


def test_two_watchers_on_one_library_add_each_file_once(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    watchers = [start_watcher(), start_watcher()]
    contents = {f"shot-{i:02d}.png": os.urandom(5_000 + i) for i in range(30)}
    for name, data in contents.items():
        (inbox / name).write_bytes(data)
    arrivals.wait(
        lambda: sum(r.exhibit is not None for _, r in arrivals.results) == len(contents), "an exhibit for every file"
    )
    assert all(watcher.wait_idle(TIMEOUT) for watcher in watchers)
    assert sorted(os.listdir(inbox)) == [INGESTED_DIR]
    stored = exhibits(library, case.number)
    assert stored == {name: sha256(data) for name, data in contents.items()}
    with arrivals.lock:
        assert all(r.refused == "" for _, r in arrivals.results)
        assert sum(r.exhibit is not None for _, r in arrivals.results) == len(contents)
    assert arrivals.problems == []
    assert sorted(os.listdir(inbox / INGESTED_DIR))[:2] == ["shot-00.png", "shot-01.png"]


def test_a_file_that_cannot_be_cleared_is_reported_once_and_not_added_again(
    library, case, files, start_watcher, arrivals
):
    inbox = inbox_of(library, case.number)
    (inbox / INGESTED_DIR).write_text("a file where the folder should be")
    watcher = start_watcher()
    shutil.copy(files / "chat.txt", inbox)
    arrivals.wait(lambda: arrivals.results and arrivals.problems, "the result and the problem")
    assert watcher.wait_idle(TIMEOUT)  # a rescan finds it again: still one exhibit, one report
    assert len(arrivals.results) == 1 and arrivals.results[0][1].exhibit is not None
    assert len(arrivals.problems) == 1
    number, message = arrivals.problems[0]
    assert number == case.number and "could not be cleared" in message and message.params["name"] == "chat.txt"
    assert (inbox / "chat.txt").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a file its owner cannot read")
def test_an_unreadable_file_is_refused_once_and_stays(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    watcher = start_watcher()
    locked = inbox / "locked.jpg"
    locked.write_bytes(b"\xff\xd8\xff data")
    locked.chmod(0)
    arrivals.wait(lambda: arrivals.results, "the refusal")
    assert watcher.wait_idle(TIMEOUT)
    assert len(arrivals.results) == 1 and "permission denied" in arrivals.results[0][1].refused
    assert locked.exists()


def test_an_unavailable_attached_folder_is_reported_and_watched_once_back(
    library, case, files, tmp_path, start_watcher, arrivals
):
    usb = tmp_path / "usb"
    start_watcher(attached=[WatchedFolder(case.number, usb)])
    arrivals.wait(lambda: arrivals.problems, "the problem")
    assert "not available" in arrivals.problems[0][1]
    usb.mkdir()
    shutil.copy(files / "chat.txt", usb)
    arrivals.wait(lambda: arrivals.results, "the file once the folder is back")
    assert len(arrivals.problems) == 1


def test_stop_ends_every_thread(library, case, tmp_path, start_watcher):
    share = tmp_path / "share"
    share.mkdir()
    before = set(threading.enumerate())
    watcher = start_watcher(attached=[WatchedFolder(case.number, share, poll=True)])
    assert set(threading.enumerate()) - before
    watcher.stop(timeout=TIMEOUT)
    for thread in set(threading.enumerate()) - before:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), thread


def test_run_once_adds_what_is_complete_and_returns(library, case, files, arrivals):
    inbox = inbox_of(library, case.number)
    shutil.copy(files / "chat.txt", inbox)
    watcher = Watcher(library, options=FAST, on_result=arrivals.on_result, on_problem=arrivals.on_problem)
    started = time.monotonic()
    watcher.run_once()
    assert time.monotonic() - started < 5
    assert arrivals.names() == ["chat.txt"] and arrivals.problems == []
    assert [t.name for t in threading.enumerate() if t.name == "casefile-watch"] == []
    with pytest.raises(RuntimeError, match="not running"):
        watcher.wait_idle(0)


def test_run_once_gives_files_left_behind_a_slow_add_their_turn(library, case, files, arrivals):
    """Adding one case's files took longer than run_once waits for files to settle (a busy machine): another
    case's file, still all along, is added too, not reported as still being written."""
    from casefile.core.watch.readiness import SystemClock

    other = make_case(library)
    shutil.copy(files / "chat.txt", inbox_of(library, case.number))
    shutil.copy(files / "chat.txt", inbox_of(library, other.number))

    class Slow(SystemClock):
        lost = 0.0  # time the adds took, beyond the real time

        def monotonic(self) -> float:
            return super().monotonic() + self.lost

    clock = Slow()
    watcher = Watcher(library, options=FAST, on_result=arrivals.on_result, on_problem=arrivals.on_problem)
    watcher._clock = watcher._files.clock = clock
    ingest = watcher._ingest

    def slow_ingest(number, part):  # type: ignore[no-untyped-def]
        clock.lost += 5.0  # each batch "takes" five seconds, longer than the whole wait
        return ingest(number, part)

    watcher._ingest = slow_ingest  # type: ignore[method-assign]
    sync = watcher._sync_folders

    def found_later() -> None:  # the other case's file seen a little after the first case's
        sync()
        for pending in watcher._files:
            if pending.folder.spec.case == other.number:
                watcher._files.postpone(pending, clock.monotonic() + 0.5)

    watcher._sync_folders = found_later  # type: ignore[method-assign]
    watcher.run_once(timeout=1.0)
    assert arrivals.problems == []
    assert sorted(arrivals.names()) == ["chat.txt", "chat.txt"]


def test_move_aside_never_overwrites(tmp_path):
    target = tmp_path / "done"
    for n in range(3):
        source = tmp_path / "IMG_0001.jpg"
        source.write_bytes(bytes([n]))
        move_aside(source, target)
    (tmp_path / "README").write_text("no extension")
    move_aside(tmp_path / "README", target)
    (tmp_path / "README").write_text("again")
    move_aside(tmp_path / "README", target)
    assert sorted(os.listdir(target)) == ["IMG_0001.jpg", "IMG_0001~2.jpg", "IMG_0001~3.jpg", "README", "README~2"]
    assert (target / "IMG_0001~3.jpg").read_bytes() == b"\x02"


def test_a_large_library_is_watched_with_a_few_threads(library, arrivals, start_watcher):
    """One recursive watch serves every inbox: more cases than inotify's default 128 instances."""
    numbers = [make_case(library).number for _ in range(150)]
    before = threading.active_count()
    watcher = start_watcher()
    assert threading.active_count() - before <= 5
    (inbox_of(library, numbers[0]) / ".ingested" / "old.txt").parent.mkdir(exist_ok=True)
    (inbox_of(library, numbers[0]) / ".ingested" / "old.txt").write_text("already added once", "utf-8")
    (inbox_of(library, numbers[-1]) / "last.txt").write_text("the last case's inbox is watched too", "utf-8")
    arrivals.wait(lambda: arrivals.results, "the file in the last case's inbox")
    assert watcher.wait_idle(TIMEOUT)
    assert arrivals.names() == ["last.txt"]
    assert [number for number, _ in arrivals.results] == [numbers[-1]]
    assert exhibits(library, numbers[0]) == {}  # nothing from .ingested/, nor from CaseFile's own writes


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize("where", ["inbox", "attached"])
def test_a_link_leading_out_of_a_watched_folder_is_refused_left_in_place_and_reported_once(
    library, case, files, tmp_path, start_watcher, arrivals, where
):
    # `casefile add FOLDER` refuses a link in FOLDER pointing out of it; a watched folder is the
    # chosen folder of the files that land in it, whoever put them there.
    secret = tmp_path / "secret" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    if where == "inbox":
        folder, attached = inbox_of(library, case.number), []
    else:
        folder = tmp_path / "phone-sync"
        folder.mkdir()
        attached = [WatchedFolder(case.number, folder)]
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "sub").mkdir()
    shutil.copy(files / "chat.txt", folder / "sub" / "chat.txt")
    (folder / "chat-link.txt").symlink_to(folder / "sub" / "chat.txt")  # inside the folder: taken
    watcher = start_watcher(attached=attached)
    arrivals.wait(lambda: len(arrivals.results) == 2, "the refusal and the exhibit")
    assert watcher.wait_idle(TIMEOUT) and watcher.wait_idle(TIMEOUT)
    secret.write_text("root:x:0:0:root:/root:/bin/sh\n")  # its target changes: still not tried again
    assert watcher.wait_idle(TIMEOUT) and watcher.wait_idle(TIMEOUT)
    by_name = {r.path.name: r for _, r in arrivals.results}
    assert len(arrivals.results) == 2 and set(by_name) == {"passwd.txt", "chat-link.txt"}
    assert by_name["passwd.txt"].exhibit is None
    assert "symbolic link pointing outside" in by_name["passwd.txt"].refused
    assert str(secret) in by_name["passwd.txt"].refused
    assert exhibits(library, case.number) == {"chat-link.txt": sha256((files / "chat.txt").read_bytes())}
    assert (folder / "passwd.txt").is_symlink() and os.readlink(folder / "passwd.txt") == str(secret)
    assert secret.exists()
    assert arrivals.problems == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_run_once_refuses_a_link_out_of_the_inbox_with_delete_set_and_leaves_it(library, case, tmp_path, arrivals):
    secret = tmp_path / "settings.json"
    secret.write_text('{"operator": "me"}')
    inbox = inbox_of(library, case.number)
    (inbox / "IMG_0002.jpg").symlink_to(secret)
    options = WatchOptions(settle=0.2, poll_interval=0.1, rescan=0.5, retry=0.05, after_ingest="delete")
    for _ in range(2):
        watcher = Watcher(library, options=options, on_result=arrivals.on_result, on_problem=arrivals.on_problem)
        watcher.run_once()
    assert [r.refused != "" for _, r in arrivals.results] == [True, True]  # once a run
    assert (inbox / "IMG_0002.jpg").is_symlink() and secret.read_text() == '{"operator": "me"}'
    assert exhibits(library, case.number) == {}


def _second_mount_of_evidence(library, bind, tmp_path, files):
    """Another case with exhibit 1, and its evidence folder mounted again outside the library."""
    from casefile.core.evidence import add_files

    other = make_case(library, title="另一案件")
    list(add_files(library, other.number, [files / "chat.txt"]))
    evidence = library.folder(other.number).path / "evidence"
    assert [p.name for p in evidence.iterdir()] == ["001-chat.txt"]
    return other, evidence


def test_a_case_evidence_folder_attached_by_a_second_mount_is_never_taken_from(
    library, case, files, tmp_path, arrivals, bind
):
    other, evidence = _second_mount_of_evidence(library, bind, tmp_path, files)
    nas = bind(evidence, tmp_path / "nas")  # attached before this check, or by hand in attachments.json
    for _ in range(2):
        watcher = Watcher(
            library,
            options=FAST,
            attached=[WatchedFolder(case.number, nas)],
            on_result=arrivals.on_result,
            on_problem=arrivals.on_problem,
        )
        watcher.run_once()
    assert arrivals.results == []
    assert len(arrivals.problems) == 2  # once a run
    number, message = arrivals.problems[0]
    assert number == case.number and "reached by another path" in message and str(evidence) in message
    assert sorted(os.listdir(evidence)) == ["001-chat.txt"]
    assert exhibits(library, case.number) == {}
    assert list(verify_case(library, other.number))[-1].ok


def test_a_case_evidence_folder_mounted_on_an_attached_folder_later_is_left_alone(
    library, case, files, tmp_path, start_watcher, arrivals, bind
):
    other, evidence = _second_mount_of_evidence(library, bind, tmp_path, files)
    scanner = tmp_path / "scanner"
    scanner.mkdir()
    watcher = start_watcher(attached=[WatchedFolder(case.number, scanner, poll=True)])
    shutil.copy(files / "破损照片.jpg", scanner)
    arrivals.wait(lambda: arrivals.results, "the scan")
    bind(evidence, scanner)  # the share is mounted where the scanner's folder was
    assert watcher.wait_idle(TIMEOUT) and watcher.wait_idle(TIMEOUT)
    arrivals.wait(lambda: arrivals.problems, "the problem")
    assert len(arrivals.results) == 1 and len(arrivals.problems) == 1
    assert "reached by another path" in arrivals.problems[0][1]
    assert sorted(os.listdir(evidence)) == ["001-chat.txt"]
    assert set(exhibits(library, case.number)) == {"破损照片.jpg"}
    assert list(verify_case(library, other.number))[-1].ok
