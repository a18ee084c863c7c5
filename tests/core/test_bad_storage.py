"""A full disk and a file renamed while it is read: clear messages, nothing lost."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from casefile_testing import make_case, now

from casefile.core.errors import StorageError
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import TimelineEvent
from casefile.core.verify import verify_folder


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 4 MiB tmpfs; skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_gives_a_clear_message_and_keeps_the_case_whole(small_disk, tmp_path):
    library = Library.open(small_disk / "lib", "op")
    case = make_case(library)
    small = tmp_path / "receipt.txt"
    small.write_text("小票 ¥1299", "utf-8")
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(6 << 20))
    list(add_files(library, case.number, [small]))
    with pytest.raises(StorageError, match="disk is full"):
        list(add_files(library, case.number, [big]))
    folder = library.folder(case.number)
    assert [e.original_name for e in library.load_case(case.number).exhibits] == ["receipt.txt"]
    assert [p.name for p in folder.evidence_dir.iterdir()] == ["001-receipt.txt"]
    assert not folder.staging_dir.exists() or list(folder.staging_dir.iterdir()) == []
    library.close()
    reopened = Library.open(small_disk / "lib", "op")
    report = list(verify_folder(reopened.folder(case.number)))[-1]
    assert report.ok, report.problems
    reopened.close()


def test_full_disk_when_creating_a_case(small_disk):
    library = Library.open(small_disk / "lib", "op")
    filler = small_disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    with pytest.raises(StorageError, match="disk is full"):
        make_case(library)
    assert library.case_numbers() == []
    assert [p.name for p in library.cases_dir.iterdir()] == []
    library.close()


def test_file_renamed_while_read_keeps_the_bytes_that_were_read(library, case, tmp_path, monkeypatch):
    source = tmp_path / "recording.m4a"
    payload = os.urandom(1 << 20) * 64
    source.write_bytes(payload)
    renamed = tmp_path / "recording-renamed.m4a"
    real_open = os.open

    def open_then_rename(path, flags, *args):  # the user renames the file just after CaseFile opened it
        fd = real_open(path, flags, *args)
        if Path(path) == source:
            source.rename(renamed)
        return fd

    monkeypatch.setattr(os, "open", open_then_rename)
    (result,) = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    monkeypatch.undo()
    assert renamed.exists() and not source.exists()
    assert result.exhibit is not None, result.refused
    folder = library.folder(case.number)
    assert (folder.path / result.exhibit.stored_path).read_bytes() == payload
    assert result.exhibit.original_name == "recording.m4a"


# ---------------------------------------------------------------------------- read-only libraries


@pytest.fixture
def read_only_library(small_disk, files, tmp_path):
    """A library with one case on a file system then remounted read-only (a disc, a court's copy)."""
    library = Library.open(small_disk / "lib", "op")
    case = make_case(library)
    list(add_files(library, case.number, [files / "chat.txt", files / "破损照片.jpg"]))
    library.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    yield small_disk / "lib", case.number


def test_a_read_only_library_lists_shows_verifies_and_exports(read_only_library, tmp_path, capsys):
    from casefile.cli import main

    root, number = read_only_library
    assert main(["--library", str(root), "list"]) == 0
    assert number in capsys.readouterr().out
    assert main(["--library", str(root), "show", number]) == 0
    assert main(["--library", str(root), "verify"]) == 0
    out = capsys.readouterr().out
    assert f"{number}: OK" in out and "not recorded: the library is read-only" in out
    assert main(["--library", str(root), "export", number, "-o", str(tmp_path / "copy.zip")]) == 0
    assert "not recorded" in capsys.readouterr().err
    assert (tmp_path / "copy.zip").stat().st_size > 0
    code = main(["--library", str(root), "event", number, "--summary", "x"])
    assert code == 2 and "read-only" in capsys.readouterr().err


# ---------------------------------------------------------------------------- a full disk under the index


def _fill(disk: Path, leave: int) -> None:
    """Fill the file system, then give back ``leave`` bytes."""
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))


def test_a_full_disk_says_truthfully_what_was_saved(small_disk, capsys):
    from casefile.cli import main

    root = small_disk / "lib"
    library = Library.open(root, "op")
    case = make_case(library)
    library.close()
    _fill(small_disk, 0)
    code = main(["--library", str(root), "stage", case.number, "negotiation"])
    err = capsys.readouterr().err
    assert code == 2 and "unexpected" not in err
    log = (root / "cases" / case.number / "CUSTODY.jsonl").read_text("utf-8")
    if '"action":"stage"' in log:  # the entry was written: the message must not say nothing changed
        assert "recorded in its custody log" in err and "nothing was changed" not in err
    else:
        assert "nothing was changed" in err
    # With the disk still full, the commands that only read keep working, and others fail truthfully.
    for command in (["list"], ["show", case.number], ["verify"]):
        assert main(["--library", str(root), *command]) == 0, capsys.readouterr().err
    assert main(["--library", str(root), "event", case.number, "--summary", "x"]) == 2
    assert "unexpected" not in capsys.readouterr().err
    os.unlink(small_disk / "filler")
    assert main(["--library", str(root), "verify"]) == 0
    assert main(["--library", str(root), "list"]) == 0


def test_an_index_that_cannot_be_written_loses_nothing(small_disk):
    root = small_disk / "lib"
    library = Library.open(root, "op")
    case = make_case(library)
    said = ""
    for leave in range(4096, 160 * 1024, 4096):  # the room where the log and record fit but the index does not
        _fill(small_disk, leave)
        try:
            with library.edit(case.number) as writer:
                writer.add_event(TimelineEvent(at=now(), summary=f"第{leave}次"))
        except StorageError as exc:
            said = str(exc)
        os.unlink(small_disk / "filler")
        if "library index could not be updated" in said:
            break
    assert "library index could not be updated" in said, said
    assert said.startswith(f"the change to case {case.number} was saved")
    library.close()
    reopened = Library.open(root, "op")  # the next start brings the index up to date
    assert reopened.load_case(case.number).timeline[-1].summary == f"第{leave}次"  # the change reported as saved
    assert [s.number for s in reopened.list_cases()] == [case.number]
    assert not (root / ".pending" / case.number).exists()
    report = list(verify_folder(reopened.folder(case.number)))[-1]
    assert report.ok, report.problems
    reopened.close()


def test_the_index_on_a_full_disk_falls_back_to_memory_and_catches_up(small_disk, capsys):
    from casefile.cli import main

    root = small_disk / "lib"
    library = Library.open(root, "op")
    case = make_case(library)
    library.close()
    (root / "index.sqlite").unlink()  # as if it had to be created again, on a full disk
    for suffix in ("-wal", "-shm"):
        (root / f"index.sqlite{suffix}").unlink(missing_ok=True)
    _fill(small_disk, 8192)
    assert main(["--library", str(root), "list"]) == 0
    captured = capsys.readouterr()
    assert case.number in captured.out and "index could not be used" in captured.err
    os.unlink(small_disk / "filler")
    assert main(["--library", str(root), "list"]) == 0
    assert "index could not be used" not in capsys.readouterr().err
