"""A full disk and a file renamed while it is read: clear messages, nothing lost."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.errors import StorageError
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
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
