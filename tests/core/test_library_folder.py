"""Checking a library folder before it is chosen: a library, or an empty folder that can be made and written."""

from __future__ import annotations

from pathlib import Path

from casefile.core.library import Library, check_library_folder


def test_a_library_and_a_new_folder_are_accepted_and_nothing_is_left_behind(tmp_path):
    Library.open(tmp_path / "existing", "测试员").close()
    assert check_library_folder(tmp_path / "existing") is None
    assert check_library_folder(tmp_path / "new" / "library") is None
    assert not (tmp_path / "new").exists()
    (tmp_path / "empty").mkdir()
    assert check_library_folder(tmp_path / "empty") is None
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_folder_that_cannot_be_a_library_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x", "utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"x")
    assert "is a file" in str(check_library_folder(tmp_path / "notes.txt"))
    assert "not empty" in str(check_library_folder(tmp_path / "photos"))
    # under a file, or where the system refuses new folders (even to root)
    assert "no folder can be created" in str(check_library_folder(tmp_path / "notes.txt" / "lib"))
    if Path("/proc/self").is_dir():
        assert "no folder can be created" in str(check_library_folder(Path("/proc/nonexistent/lib")))
