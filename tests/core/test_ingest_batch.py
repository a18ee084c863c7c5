"""A folder of many small files: constant cost per file (buffers, threads, flushes), batches that
survive a crash whole or not at all, and verification hashing two files at once."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from casefile.core import custody, evidence, fsutil, hashing, record
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import CaseWriter, Library
from casefile.core.verify import FileStatus, verify_case, verify_folder


def _folder_of(tmp_path: Path, count: int, size: int = 3000) -> Path:
    source = tmp_path / "screenshots"
    source.mkdir(parents=True)
    for i in range(count):
        (source / f"shot-{i:03d}.png").write_bytes(os.urandom(size))
    return source


def _fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


def test_many_small_files_cost_one_flush_each_and_no_new_buffers_or_threads(library, case, tmp_path, monkeypatch):
    source = _folder_of(tmp_path, 70)
    list(add_files(library, case.number, [_folder_of(tmp_path / "warm", 1)]))  # the buffers exist from here on
    made = dict(hashing.made)
    flushes = _fsyncs(monkeypatch)
    added = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    assert [r.exhibit.number for r in added if r.exhibit] == list(range(2, 72))
    assert hashing.made == made  # no buffer allocated, no worker started, per file
    # One flush per copied file, a few per batch of 32 and per change; it was five per file.
    batches = -(-70 // evidence.BATCH_FILES)
    assert len(flushes) <= 70 + 4 * batches + 8, len(flushes)
    assert report_of(verify_case(library, case.number)).ok


def test_a_file_repeated_inside_one_batch_is_a_duplicate(library, case, tmp_path):
    source = _folder_of(tmp_path, 3)
    (source / "shot-copy.png").write_bytes((source / "shot-001.png").read_bytes())
    added = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    assert [r.duplicate_of for r in added] == [None, None, None, 2]
    assert len(library.load_case(case.number).exhibits) == 3


class Killed(BaseException):
    """Stands for the process being killed: nothing of the process cleans up after it."""


@pytest.mark.parametrize("moment", ["before the custody entries", "after the custody entries"])
def test_a_batch_interrupted_while_placed_is_completed_before_the_next_change(
    library, case, tmp_path, monkeypatch, moment
):
    source = _folder_of(tmp_path, 5)
    real_record_many, real_place = CaseWriter.record_many, evidence.Batch.place
    killed = []

    def record_many(self, changes):
        if moment == "after the custody entries":
            real_record_many(self, changes)
        killed.append(True)
        raise Killed

    def place(self):
        if not killed:  # a killed process does nothing more
            real_place(self)

    monkeypatch.setattr(CaseWriter, "record_many", record_many)
    monkeypatch.setattr(evidence.Batch, "place", place)
    monkeypatch.setattr(evidence.Batch, "discard", lambda self, intent=None: None)
    with pytest.raises(Killed):
        list(add_files(library, case.number, [source]))
    monkeypatch.undo()
    folder = library.folder(case.number)
    (intent,) = folder.staging_dir.glob("*.json")
    assert "batch" in intent.read_text(encoding="utf-8")
    library.close()

    reopened = Library.open(library.root, "checker")
    with reopened.edit(case.number):  # recovery runs here (and at start, after a real kill: tests/core/test_ingest.py)
        pass
    stored = reopened.load_case(case.number)
    assert [e.original_name for e in stored.exhibits] == [f"shot-{i:03d}.png" for i in range(5)]
    entries = [e for e in reopened.folder(case.number).custody.read() if e["action"] == record.INGEST]
    completed = [e for e in entries if e["details"].get("completed_after_interruption")]
    assert len(entries) == 5 and len(completed) == (5 if moment == "before the custody entries" else 0)
    assert not folder.staging_dir.exists() or not list(folder.staging_dir.iterdir())
    assert report_of(verify_folder(reopened.folder(case.number))).ok
    reopened.close()


def test_custody_entries_of_a_batch_are_chained_and_flushed_once(tmp_path, monkeypatch):
    log = custody.CustodyLog(tmp_path / custody.LOG_NAME)
    log.append("create", "张敏", {})
    flushes = _fsyncs(monkeypatch)
    entries = log.append_many([("ingest", {"n": i}) for i in range(10)], "张敏")
    assert len(flushes) == 1
    assert [e["seq"] for e in entries] == list(range(2, 12))
    chain = log.check()
    assert chain.ok and chain.entries == 11 and chain.head_hash == entries[-1]["hash"]


@pytest.mark.parametrize("size", [0, 1, hashing.CHUNK - 1, hashing.CHUNK, hashing.CHUNK + 1, 3 * hashing.CHUNK + 5])
def test_every_way_of_hashing_gives_the_same_digests(tmp_path, size):
    data = os.urandom(size)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    with open(path, "rb", buffering=0) as src, open(tmp_path / "copy.bin", "wb", buffering=0) as dst:
        copied = hashing.copy_and_hash(src, dst, with_sm3=True)
    assert (tmp_path / "copy.bin").read_bytes() == data
    (listed,) = hashing.hash_files([path], with_sm3=True)
    assert not isinstance(listed, OSError)
    for digests in (copied, listed, hashing.hash_file(path, with_sm3=True)):
        assert digests.size == size and digests.sha256 == sha
        assert digests.head == data[: hashing.HEAD] and digests.tail == data[-hashing.TAIL :] if size else True
        if hashing.sm3_available():
            assert digests.sm3 == hashlib.new("sm3", data).hexdigest()


def test_hash_files_keeps_the_order_and_names_what_cannot_be_read(tmp_path):
    paths = []
    for i in range(9):
        paths.append(tmp_path / f"{i}.bin")
        paths[-1].write_bytes(os.urandom(i * 300_000))
    paths.insert(4, tmp_path / "gone.bin")
    outcomes = list(hashing.hash_files(paths))
    assert isinstance(outcomes[4], FileNotFoundError)
    for path, outcome in zip(paths, outcomes, strict=True):
        if path.exists():
            assert not isinstance(outcome, OSError)
            assert outcome.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_verification_starts_its_workers_once_for_all_files(library, case, tmp_path, monkeypatch):
    source = _folder_of(tmp_path, 12, size=hashing.CHUNK + 10)
    list(add_files(library, case.number, [source]))
    pools = []
    real = hashing.ThreadPoolExecutor

    def counting(*args, **kwargs):
        pools.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashing, "ThreadPoolExecutor", counting)
    report = report_of(verify_case(library, case.number))
    assert report.ok and report.count(FileStatus.INTACT) == 12
    assert len(pools) == 1  # one pool of two workers for the case, not one or two per file


def report_of(items):
    return list(items)[-1]


def test_fsutil_start_writeback_accepts_a_whole_file(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 10000)
    with open(path, "rb+") as fh:
        fsutil.start_writeback(fh.fileno(), 0, 0)  # never fails, whatever the system


@pytest.mark.skipif(not hasattr(os, "copy_file_range"), reason="the system copies files itself only on Linux")
@pytest.mark.parametrize("refused", [False, True])
def test_the_system_copies_between_files_and_the_copy_is_what_is_hashed(tmp_path, monkeypatch, refused):
    data = os.urandom(2 * hashing.CHUNK + 77)
    (tmp_path / "src.bin").write_bytes(data)
    calls = []
    real = os.copy_file_range

    def copy_range(*args):
        calls.append(args)
        if refused:  # across file systems, say
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real(*args)

    monkeypatch.setattr(os, "copy_file_range", copy_range)
    fd = os.open(tmp_path / "copy.bin", os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    with open(tmp_path / "src.bin", "rb", buffering=0) as src, os.fdopen(fd, "wb", buffering=0) as dst:
        digests = hashing.copy_and_hash(src, dst, with_sm3=False)
    assert (tmp_path / "copy.bin").read_bytes() == data
    assert digests.sha256 == hashlib.sha256(data).hexdigest() and digests.size == len(data)
    assert digests.tail == data[-hashing.TAIL :]
    assert len(calls) == 1 if refused else len(calls) >= 3  # refused once, then copied by the program


def test_a_buffered_source_is_copied_by_the_program(tmp_path, monkeypatch):
    data = os.urandom(300_000)
    (tmp_path / "src.bin").write_bytes(data)
    calls = []
    monkeypatch.setattr(os, "copy_file_range", lambda *args: calls.append(args) or 0, raising=False)
    with open(tmp_path / "src.bin", "rb") as src, open(tmp_path / "copy.bin", "w+b", buffering=0) as dst:
        src.read(10)  # the buffer has read ahead of what was consumed
        digests = hashing.copy_and_hash(src, dst, with_sm3=False)
    assert (tmp_path / "copy.bin").read_bytes() == data[10:]
    assert digests.sha256 == hashlib.sha256(data[10:]).hexdigest()
    assert calls == []
