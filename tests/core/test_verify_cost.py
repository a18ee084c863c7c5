"""What verifying a case costs beyond the work, counted (never timed).

Each small exhibit is hashed on the calling thread (no hand-off to a worker per file), and
``casefile verify`` of a case in order loads neither the ingest code nor the image, PDF or
video libraries.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from casefile_testing import modules_loaded

from casefile.core import verify as verify_module
from casefile.core.evidence import add_files
from casefile.core.hashing import CHUNK
from casefile.core.library import Library
from casefile.core.verify import CaseReport, FileStatus, verify_case


def run(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number, record_result=False))[-1]
    assert isinstance(report, CaseReport)
    return report


@pytest.fixture
def handed(monkeypatch) -> list[str]:
    """Every file verification hands to the worker threads."""
    seen: list[str] = []
    real = verify_module.hash_files

    def counting(paths, **kwargs):  # type: ignore[no-untyped-def]
        seen.extend(Path(p).name for p in paths)
        return real(paths, **kwargs)

    monkeypatch.setattr(verify_module, "hash_files", counting)
    return seen


@pytest.fixture
def mixed(library: Library, case, tmp_path: Path) -> str:
    """A case of twelve small exhibits and one bigger than a chunk."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for i in range(12):
        (folder / f"note-{i:02d}.txt").write_text(f"聊天记录 {i}\n", encoding="utf-8")
    (folder / "video.bin").write_bytes(os.urandom(CHUNK + 1))
    list(add_files(library, case.number, [folder]))
    return case.number


def test_small_exhibits_are_hashed_without_the_workers(library, mixed, handed):
    report = run(library, mixed)
    assert report.ok
    assert report.count(FileStatus.INTACT) == 13
    big = next(e for e in library.load_case(mixed).exhibits if e.original_name == "video.bin")
    assert handed == [Path(big.stored_path).name]  # only the file bigger than a chunk


def test_a_small_exhibit_changed_or_grown_is_still_caught(library, mixed, handed):
    exhibits = library.load_case(mixed).exhibits
    folder = library.folder(mixed).path
    small = [e for e in exhibits if e.original_name.startswith("note-")]
    changed, grown = folder / small[0].stored_path, folder / small[1].stored_path
    os.chmod(changed, 0o644)
    changed.write_bytes(b"edited")
    os.chmod(grown, 0o644)
    grown.write_bytes(grown.read_bytes() * (CHUNK // 8))  # now more than one chunk: read to its end
    report = run(library, mixed)
    result = {f.path: f for f in report.files}
    assert result[small[0].stored_path].status is FileStatus.MODIFIED
    assert result[small[1].stored_path].status is FileStatus.MODIFIED
    assert report.count(FileStatus.INTACT) == 11


@pytest.mark.parametrize("fails", ["open", "read"])
def test_a_small_exhibit_that_cannot_be_read_is_reported(library, mixed, monkeypatch, fails):
    target = next(e for e in library.load_case(mixed).exhibits if e.original_name == "note-03.txt").stored_path
    real_open, real_read = os.open, os.read
    opened: set[int] = set()

    def failing_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(target) and fails == "open":
            raise PermissionError(13, "Permission denied", str(path))
        fd = real_open(path, *args, **kwargs)
        if str(path).endswith(target):
            opened.add(fd)
        return fd

    def failing_read(fd, n):  # type: ignore[no-untyped-def]
        if fd in opened:
            raise OSError(5, "Input/output error")
        return real_read(fd, n)

    monkeypatch.setattr(verify_module.os, "open", failing_open)
    monkeypatch.setattr(verify_module.os, "read", failing_read)
    report = run(library, mixed)
    monkeypatch.undo()
    assert not report.ok
    assert {f.path: f.status for f in report.files}[target] is FileStatus.MODIFIED
    assert any(target in str(p) and "cannot be read" in str(p) for p in report.problems)
    assert (fails == "read") == bool(opened)


WATCHED = ("casefile.core.evidence", "casefile.core.metadata", "PIL", "reportlab", "av", "pikepdf", "PySide6", "fitz")


def test_cli_verify_loads_no_ingest_or_media_code(library, mixed):
    library.close()
    argv = ["--library", str(library.root), "--operator", "测试员", "verify", mixed]
    code, loaded, out, err = modules_loaded(argv, WATCHED)
    assert (code, loaded) == (0, []), err
    assert f"{mixed}: OK — 13 files intact" in out.splitlines()[0]


def test_verifying_many_cases_notes_their_revisions_through_one_connection(library, monkeypatch):
    """Each verification's entry only bears witness: of a library opened with the index on demand, the
    case's revision is noted in the index with sqlite3, through one connection for every case (one a
    case cost a checkpoint of the index's log each time: a fifth of verifying 10,000 small cases)."""
    import contextlib
    import sqlite3

    from casefile_testing import make_case

    from casefile.core import listing

    numbers = [make_case(library, title=f"投诉{i}").number for i in range(3)]
    library.close()
    opened = Library.open(library.root, "测试员", index_on_demand=True)
    connects: list[str] = []
    real = sqlite3.connect
    monkeypatch.setattr(listing.sqlite3, "connect", lambda *a, **k: connects.append(str(a[0])) or real(*a, **k))
    try:
        for number in numbers:
            assert run_recorded(opened, number).ok
        revisions = {n: opened.folder(n).read_record().revision for n in numbers}
    finally:
        opened.close()
    assert len(connects) == 1
    with contextlib.closing(sqlite3.connect(library.root / "index.sqlite")) as connection:
        rows = dict(connection.execute("SELECT number, revision FROM cases").fetchall())
    assert rows == revisions


def run_recorded(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def test_a_verification_sets_the_revision_alone_in_an_index_already_open(library, monkeypatch):
    """With the index open (the app after a change, a library opened in full), a verification's entry
    sets the case's revision in its row and no more: the case is not indexed again (5 ms a case, most
    of verifying every case of a library once the index was open)."""
    import contextlib
    import sqlite3

    from casefile_testing import make_case

    from casefile.core import index as index_module

    numbers = [make_case(library, title=f"投诉{i}").number for i in range(3)]
    upserts: list[str] = []
    real = index_module.Index.upsert
    monkeypatch.setattr(
        index_module.Index, "upsert", lambda self, case, **k: upserts.append(case.number) or real(self, case, **k)
    )
    for number in numbers:
        assert run_recorded(library, number).ok
    assert upserts == []
    revisions = {n: library.folder(n).read_record().revision for n in numbers}
    assert {s.number: s for s in library.list_cases()}.keys() == set(numbers)
    library.close()
    with contextlib.closing(sqlite3.connect(library.root / "index.sqlite")) as connection:
        rows = dict(connection.execute("SELECT number, revision FROM cases").fetchall())
    assert rows == revisions
