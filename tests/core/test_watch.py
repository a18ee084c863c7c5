"""Watch folders: real files, real folders and a real watchdog observer (inotify here, or polling)."""

from __future__ import annotations

import hashlib
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
    INGESTED_DIR,
    WatchedFolder,
    Watcher,
    WatchOptions,
    is_ignored,
    move_aside,
)

FAST = WatchOptions(settle=0.2, poll_interval=0.1, rescan=0.5, retry=0.05)


def wait_for(condition: Callable[[], object], timeout: float = 15.0, what: str = "condition") -> None:
    """Poll ``condition`` until it is true; fail after a generous ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Arrivals:
    """What a watcher reported, collected from its thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.results: list[tuple[str, AddResult]] = []
        self.problems: list[tuple[str, Message]] = []

    def on_result(self, number: str, result: AddResult) -> None:
        with self.lock:
            self.results.append((number, result))

    def on_problem(self, number: str, message: Message) -> None:
        with self.lock:
            self.problems.append((number, message))

    def names(self) -> list[str]:
        with self.lock:
            return sorted(r.path.name for _, r in self.results)


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
        assert watcher.wait_ready(10)
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
    wait_for(lambda: len(arrivals.results) == 2, what="two arrivals")
    assert arrivals.names() == ["chat.txt", "破损照片.jpg"]
    stored = exhibits(library, case.number)
    assert stored == {name: sha256((files / name).read_bytes()) for name in ("chat.txt", "破损照片.jpg")}
    assert sorted(os.listdir(inbox)) == [INGESTED_DIR]
    assert sorted(os.listdir(inbox / INGESTED_DIR)) == ["chat.txt", "破损照片.jpg"]
    assert (inbox / INGESTED_DIR / "chat.txt").read_bytes() == (files / "chat.txt").read_bytes()
    assert all(number == case.number for number, _ in arrivals.results)
    assert arrivals.problems == []
    assert list(verify_case(library, case.number))[-1].ok


def test_a_half_written_file_waits_until_it_is_complete(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    content = os.urandom(300_000)
    with open(inbox / "scan.pdf", "wb") as fh:
        fh.write(content[:150_000])
        fh.flush()
        time.sleep(4 * FAST.settle)  # open, half written and still: not complete
        assert arrivals.results == []
        (inbox / "marker.txt").write_text("proof that the watcher is awake")
        wait_for(lambda: arrivals.names() == ["marker.txt"], what="the marker")
        assert (inbox / "scan.pdf").exists()
        fh.write(content[150_000:])
    wait_for(lambda: len(arrivals.results) == 2, what="the finished file")
    assert exhibits(library, case.number)["scan.pdf"] == sha256(content)


def test_a_growing_file_in_a_polled_folder_waits_until_it_settles(library, case, tmp_path, start_watcher, arrivals):
    share = tmp_path / "share"
    share.mkdir()
    # A settle delay well above the pauses between writes, even on a busy machine.
    start_watcher(
        options=WatchOptions(settle=0.5, poll_interval=0.1, rescan=0.5),
        attached=[WatchedFolder(case.number, share, poll=True)],
    )
    chunks = [os.urandom(20_000) for _ in range(30)]
    with open(share / "video.mp4", "wb") as fh:
        for chunk in chunks:  # keeps growing for ~1.5 s, three times the settle delay
            fh.write(chunk)
            fh.flush()
            time.sleep(0.05)
            assert arrivals.results == []
    wait_for(lambda: arrivals.results, what="the settled file")
    assert exhibits(library, case.number)["video.mp4"] == sha256(b"".join(chunks))
    assert (share / INGESTED_DIR / "video.mp4").exists()


def test_partial_downloads_and_hidden_files_are_left_alone(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    ignored = [
        "report.pdf.crdownload",
        "movie.mp4.part",
        "photo.jpg.partial",
        "page.download",
        "upload.tmp",
        "~$合同.docx",
        ".hidden.jpg",
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
    ]
    for name in ignored:
        (inbox / name).write_bytes(b"not evidence " + name.encode())
    start_watcher()
    for name in ignored:
        (inbox / name).write_bytes(b"still not evidence " + name.encode())
    (inbox / "receipt.jpg").write_bytes(b"\xff\xd8\xff real")
    wait_for(lambda: arrivals.results, what="the real file")
    time.sleep(3 * FAST.settle)
    assert arrivals.names() == ["receipt.jpg"]
    assert sorted(os.listdir(inbox)) == sorted([*ignored, INGESTED_DIR])
    assert all(is_ignored(name) for name in ignored) and not is_ignored("receipt.jpg")


def test_a_download_renamed_when_finished_is_added_once(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    content = os.urandom(50_000)
    (inbox / "invoice.pdf.crdownload").write_bytes(content)
    os.rename(inbox / "invoice.pdf.crdownload", inbox / "invoice.pdf")
    wait_for(lambda: arrivals.results, what="the renamed download")
    time.sleep(2 * FAST.settle)
    assert arrivals.names() == ["invoice.pdf"]
    assert exhibits(library, case.number) == {"invoice.pdf": sha256(content)}


def test_duplicates_are_recognised_and_moved_aside_without_overwriting(library, case, files, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    shutil.copy(files / "chat.txt", inbox)
    wait_for(lambda: len(arrivals.results) == 1, what="the first copy")
    shutil.copy(files / "chat.txt", inbox)  # the same name again
    wait_for(lambda: len(arrivals.results) == 2, what="the second copy")
    shutil.copy(files / "chat.txt", inbox / "chat (1).txt")  # the same bytes, another name
    wait_for(lambda: len(arrivals.results) == 3, what="the third copy")
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
    wait_for(lambda: arrivals.results, what="the photo")
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
    wait_for(lambda: arrivals.results, what="the screenshot")
    number, result = arrivals.results[0]
    assert number == other.number and result.exhibit is not None
    assert exhibits(library, other.number) == {
        "Screenshot_20240510-143012_WeChat.png": sha256((files / "Screenshot_20240510-143012_WeChat.png").read_bytes())
    }
    assert exhibits(library, case.number) == {}
    assert os.listdir(phone / INGESTED_DIR) == ["Screenshot_20240510-143012_WeChat.png"]


def test_a_busy_case_delays_files_but_loses_none(library, case, files, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    with library.edit(case.number):  # the GUI or another command holds the case
        shutil.copy(files / "chat.txt", inbox)
        shutil.copy(files / "破损照片.jpg", inbox)
        time.sleep(4 * FAST.settle)
        assert arrivals.results == []
        assert sorted(os.listdir(inbox)) == ["chat.txt", "破损照片.jpg"]
    wait_for(lambda: len(arrivals.results) == 2, what="both files after the case is free")
    assert sorted(exhibits(library, case.number)) == ["chat.txt", "破损照片.jpg"]
    assert arrivals.problems == []


def test_a_case_created_while_watching_gets_its_inbox_watched(library, files, start_watcher, arrivals):
    watcher = start_watcher(options=WatchOptions(settle=0.2, rescan=600, retry=0.1))  # no rescan: events only
    new = make_case(library, title="新案件")
    wait_for(lambda: new.number in {f.case for f in watcher.folders}, what="the new case's inbox")
    shutil.copy(files / "chat.txt", inbox_of(library, new.number))
    wait_for(lambda: arrivals.results, what="the file in the new inbox")
    assert arrivals.results[0][0] == new.number


def test_only_the_chosen_cases_are_watched(library, case, files, start_watcher, arrivals):
    other = make_case(library, title="另一案件")
    shutil.copy(files / "chat.txt", inbox_of(library, other.number))
    watcher = start_watcher(cases=[case.number])
    assert [f.case for f in watcher.folders] == [case.number]
    shutil.copy(files / "破损照片.jpg", inbox_of(library, case.number))
    wait_for(lambda: arrivals.results, what="the watched case's file")
    time.sleep(2 * FAST.settle)
    assert arrivals.names() == ["破损照片.jpg"]
    assert (inbox_of(library, other.number) / "chat.txt").exists()


def test_two_watchers_on_one_library_add_each_file_once(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    start_watcher()
    contents = {f"shot-{i:02d}.png": os.urandom(5_000 + i) for i in range(30)}
    for name, data in contents.items():
        (inbox / name).write_bytes(data)
    wait_for(
        lambda: (
            {e.original_name for e in library.load_case(case.number).exhibits} == set(contents)
            and sorted(os.listdir(inbox)) == [INGESTED_DIR]
        ),
        what="every file",
    )
    time.sleep(2 * FAST.settle)
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
    start_watcher()
    shutil.copy(files / "chat.txt", inbox)
    wait_for(lambda: arrivals.results and arrivals.problems, what="the result and the problem")
    time.sleep(2 * FAST.rescan)  # a rescan finds it again: still one exhibit, one report
    assert len(arrivals.results) == 1 and arrivals.results[0][1].exhibit is not None
    assert len(arrivals.problems) == 1
    number, message = arrivals.problems[0]
    assert number == case.number and "could not be cleared" in message and message.params["name"] == "chat.txt"
    assert (inbox / "chat.txt").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a file its owner cannot read")
def test_an_unreadable_file_is_refused_once_and_stays(library, case, start_watcher, arrivals):
    inbox = inbox_of(library, case.number)
    start_watcher()
    locked = inbox / "locked.jpg"
    locked.write_bytes(b"\xff\xd8\xff data")
    locked.chmod(0)
    wait_for(lambda: arrivals.results, what="the refusal")
    time.sleep(2 * FAST.rescan)
    assert len(arrivals.results) == 1 and "permission denied" in arrivals.results[0][1].refused
    assert locked.exists()


def test_an_unavailable_attached_folder_is_reported_and_watched_once_back(
    library, case, files, tmp_path, start_watcher, arrivals
):
    usb = tmp_path / "usb"
    start_watcher(attached=[WatchedFolder(case.number, usb)])
    wait_for(lambda: arrivals.problems, what="the problem")
    assert "not available" in arrivals.problems[0][1]
    usb.mkdir()
    shutil.copy(files / "chat.txt", usb)
    wait_for(lambda: arrivals.results, what="the file once the folder is back")
    assert len(arrivals.problems) == 1


def test_stop_ends_every_thread(library, case, tmp_path, start_watcher):
    share = tmp_path / "share"
    share.mkdir()
    before = set(threading.enumerate())
    watcher = start_watcher(attached=[WatchedFolder(case.number, share, poll=True)])
    assert set(threading.enumerate()) - before
    watcher.stop(timeout=10)
    wait_for(lambda: set(threading.enumerate()) <= before, timeout=5, what="the threads to end")


def test_run_once_adds_what_is_complete_and_returns(library, case, files, arrivals):
    inbox = inbox_of(library, case.number)
    shutil.copy(files / "chat.txt", inbox)
    watcher = Watcher(library, options=FAST, on_result=arrivals.on_result, on_problem=arrivals.on_problem)
    started = time.monotonic()
    watcher.run_once()
    assert time.monotonic() - started < 5
    assert arrivals.names() == ["chat.txt"] and arrivals.problems == []
    assert [t.name for t in threading.enumerate() if t.name == "casefile-watch"] == []


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
    start_watcher()
    assert threading.active_count() - before <= 5
    (inbox_of(library, numbers[-1]) / "last.txt").write_text("the last case's inbox is watched too", "utf-8")
    (inbox_of(library, numbers[0]) / ".ingested" / "old.txt").parent.mkdir(exist_ok=True)
    (inbox_of(library, numbers[0]) / ".ingested" / "old.txt").write_text("already added once", "utf-8")
    wait_for(lambda: arrivals.names() == ["last.txt"], what="the file in the last case's inbox")
    assert [number for number, _ in arrivals.results] == [numbers[-1]]
    assert exhibits(library, numbers[0]) == {}  # nothing from .ingested/, nor from CaseFile's own writes
