"""When a watched file is complete: real files on disk, and a clock the test moves on instead of waiting."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from casefile.core.watch import CLOSE_WAIT_LIMIT, Readiness, is_ignored
from casefile.core.watch.readiness import stamp_of

SETTLE = 2.0


class FakeClock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Folder:
    """How a watched folder's events arrive."""

    close_events: bool = False  # inotify: close-after-write is reported
    polled: bool = False  # a network share: changes are found by comparing listings, late


INOTIFY = Folder(close_events=True)
NO_CLOSE_EVENTS = Folder()  # Windows, macOS
POLLED = Folder(polled=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def files(clock: FakeClock) -> Readiness[Folder]:
    return Readiness(SETTLE, clock)


def complete(files: Readiness[Folder]) -> list[str]:
    """The names of the files that are due and complete now, asked as the watcher asks."""
    return sorted(p.path.name for p in files.due() if files.is_complete(p))


def grow(path: Path, data: bytes) -> None:
    with open(path, "ab") as fh:
        fh.write(data)


def test_an_open_half_written_file_waits_for_its_close(files, clock, tmp_path):
    scan = tmp_path / "scan.pdf"
    grow(scan, os.urandom(150_000))
    files.note(INOTIFY, str(scan), written=True, complete=False)
    clock.advance(4 * SETTLE)  # open, half written and still: not complete
    assert complete(files) == []
    assert len(files) == 1
    grow(scan, os.urandom(150_000))
    files.note(INOTIFY, str(scan), written=True, complete=False)
    files.note(INOTIFY, str(scan), written=False, complete=True)  # closed after writing
    assert complete(files) == ["scan.pdf"]


def test_a_file_whose_close_is_never_reported_is_taken_once_still(files, clock, tmp_path):
    """A hard link or lost events: after CLOSE_WAIT_LIMIT it is judged like a file without close events."""
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    files.note(INOTIFY, str(photo), written=True, complete=False)
    clock.advance(CLOSE_WAIT_LIMIT - 1)
    assert complete(files) == []
    clock.advance(1)
    assert complete(files) == ["photo.jpg"]


def test_without_close_events_a_file_is_complete_once_still_for_the_settle_delay(files, clock, tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_text("第一行\n", "utf-8")
    files.note(NO_CLOSE_EVENTS, str(chat), written=True, complete=False)
    clock.advance(SETTLE / 2)
    assert complete(files) == []
    grow(chat, "第二行\n".encode())
    files.note(NO_CLOSE_EVENTS, str(chat), written=True, complete=False)
    clock.advance(SETTLE)  # still since the last event, but changed since the last look
    assert complete(files) == []
    clock.advance(SETTLE - 0.5)
    assert complete(files) == []
    clock.advance(0.5)
    assert complete(files) == ["chat.txt"]


def test_a_growing_file_in_a_polled_folder_waits_until_it_settles(files, clock, tmp_path):
    video = tmp_path / "video.mp4"
    chunks = [os.urandom(20_000) for _ in range(30)]
    for chunk in chunks:  # keeps growing for three times the settle delay
        grow(video, chunk)
        files.note(POLLED, str(video), written=True, complete=False)
        clock.advance(SETTLE / 10)
        assert complete(files) == []
    clock.advance(SETTLE)
    assert complete(files) == []  # changed since the last look
    # The listing that found the last change reports it late: that change was counted already.
    files.note(POLLED, str(video), written=True, complete=False)
    clock.advance(SETTLE)
    assert complete(files) == ["video.mp4"]
    assert video.read_bytes() == b"".join(chunks)


def test_files_found_by_a_scan_wait_for_the_settle_delay(files, clock, tmp_path):
    """Files that arrived while CaseFile was closed: no event says they are complete."""
    for name in ("a.jpg", "b.pdf"):
        (tmp_path / name).write_bytes(name.encode())
        files.found(INOTIFY, str(tmp_path / name))
    (tmp_path / "folder").mkdir()
    files.found(INOTIFY, str(tmp_path / "folder"))
    files.found(INOTIFY, str(tmp_path / "gone.txt"))
    assert len(files) == 2
    assert complete(files) == []
    assert files.next_due(limit=clock.now + 60) == clock.now + SETTLE
    clock.advance(SETTLE)
    assert complete(files) == ["a.jpg", "b.pdf"]


IGNORED = [
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


def test_partial_downloads_and_hidden_files_are_left_alone(files, clock, tmp_path):
    for name in IGNORED:
        path = tmp_path / name
        path.write_bytes(b"not evidence " + name.encode())
        files.found(INOTIFY, str(path))
        files.note(INOTIFY, str(path), written=True, complete=False)
        files.note(INOTIFY, str(path), written=False, complete=True)
    assert len(files) == 0
    assert all(is_ignored(name) for name in IGNORED)
    assert not is_ignored("receipt.jpg") and not is_ignored("IMG_0001.JPG")


@pytest.mark.parametrize("folder", [INOTIFY, NO_CLOSE_EVENTS], ids=["close events", "no close events"])
def test_a_download_renamed_when_finished_is_complete(files, clock, tmp_path, folder):
    partial = tmp_path / "invoice.pdf.crdownload"
    partial.write_bytes(os.urandom(50_000))
    files.note(folder, str(partial), written=True, complete=False)
    os.rename(partial, tmp_path / "invoice.pdf")
    files.note(folder, str(partial), written=False, complete=False)
    files.note(folder, str(tmp_path / "invoice.pdf"), written=False, complete=True)  # renamed in
    if not folder.close_events:
        assert complete(files) == []
        clock.advance(SETTLE)
    assert complete(files) == ["invoice.pdf"]
    assert len(files) == 1  # until it is added


def test_a_refused_file_is_left_alone_until_it_changes(files, clock, tmp_path):
    locked = tmp_path / "locked.jpg"
    locked.write_bytes(b"\xff\xd8\xff data")
    files.give_up(locked, stamp_of(os.stat(locked)))
    files.found(INOTIFY, str(locked))  # the next rescan
    assert len(files) == 0
    files.note(INOTIFY, str(locked), written=False, complete=True)  # touched, not changed
    assert complete(files) == [] and len(files) == 0
    grow(locked, b" more")
    files.found(INOTIFY, str(locked))
    clock.advance(SETTLE)
    assert complete(files) == ["locked.jpg"]


def test_a_file_that_changed_while_it_was_read_waits_to_settle_again(files, clock, tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7 first")
    files.note(INOTIFY, str(scan), written=False, complete=True)
    (pending,) = files.due()
    assert files.is_complete(pending)
    grow(scan, b" and more")  # while it was being added
    files.changed_while_read(pending, os.stat(scan))
    assert complete(files) == []
    clock.advance(SETTLE)
    assert complete(files) == ["scan.pdf"]
    files.done(scan)
    assert len(files) == 0


def test_a_file_gone_before_it_was_complete_is_forgotten(files, clock, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    files.note(NO_CLOSE_EVENTS, str(photo), written=True, complete=False)
    photo.unlink()
    files.note(NO_CLOSE_EVENTS, str(photo), written=False, complete=False)  # deleted: look at once
    assert complete(files) == [] and len(files) == 0
    files.note(NO_CLOSE_EVENTS, str(tmp_path / "never-seen.jpg"), written=False, complete=False)
    assert len(files) == 0


def test_a_busy_case_postpones_its_files(files, clock, tmp_path):
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(name.encode())
        files.note(INOTIFY, str(tmp_path / name), written=False, complete=True)
    first, second = sorted(files.due(), key=lambda p: p.path.name)
    files.postpone(first, clock.now + 5)
    files.done(second.path)
    files.postpone(second, clock.now + 5)  # no longer pending: nothing to postpone
    assert [p.path.name for p in files.due()] == []
    assert files.next_due(limit=clock.now + 60) == clock.now + 5
    clock.advance(5)
    assert complete(files) == ["a.jpg"]


def test_the_files_of_a_folder_no_longer_watched_are_forgotten(files, clock, tmp_path):
    share = Folder(polled=True)
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(name.encode())
    files.found(share, str(tmp_path / "a.jpg"))
    files.found(INOTIFY, str(tmp_path / "b.jpg"))
    files.drop_folder(share)
    assert [p.path.name for p in files] == ["b.jpg"]
