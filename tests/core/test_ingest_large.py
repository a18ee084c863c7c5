"""A large file is read once, and its copy read back once to be hashed: counted in bytes and calls, never in seconds."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import pytest

from casefile.core import evidence, hashing
from casefile.core.evidence import AddResult, add_files
from casefile.core.verify import verify_case


class _Counted:
    """A digest that counts its updates."""

    def __init__(self, real: Any, updates: list[str]) -> None:
        self.real = real
        self.updates = updates

    def update(self, data: memoryview) -> None:
        self.updates.append(self.real.name)
        self.real.update(data)

    def hexdigest(self) -> str:
        return str(self.real.hexdigest())


@pytest.mark.skipif(not hasattr(os, "copy_file_range"), reason="the system copies files itself only on Linux")
def test_a_large_file_is_read_once_and_its_copy_read_back_once(library, case, tmp_path, monkeypatch):
    size = evidence.LARGE_FILE + 5
    data = os.urandom(size)
    source = tmp_path / "recording.bin"
    source.write_bytes(data)
    copied: list[int] = []
    read_back: list[int] = []
    updates: list[str] = []
    real_copy, real_preadv, real_hashers = os.copy_file_range, os.preadv, hashing._new_hashers

    def copy_range(*args: Any) -> int:
        copied.append(real_copy(*args))
        return copied[-1]

    def preadv(*args: Any) -> int:
        read_back.append(real_preadv(*args))
        return read_back[-1]

    monkeypatch.setattr(os, "copy_file_range", copy_range)
    monkeypatch.setattr(os, "preadv", preadv)
    monkeypatch.setattr(hashing, "_new_hashers", lambda sm3: [_Counted(h, updates) for h in real_hashers(sm3)])
    (result,) = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    exhibit = result.exhibit
    assert exhibit is not None and exhibit.size == size
    assert exhibit.sha256 == hashlib.sha256(data).hexdigest()
    if hashing.sm3_available():
        assert exhibit.sm3 == hashlib.new("sm3", data).hexdigest()
    # The source is read once (by the system's copy) and the copy read back once to be hashed.
    assert sum(copied) == size and sum(read_back) == size
    # Each digest sees each byte once, a chunk at a time.
    chunks = -(-size // hashing.CHUNK)
    assert updates.count("sha256") == chunks
    assert updates.count("sm3") == (chunks if hashing.sm3_available() else 0)
    assert list(verify_case(library, case.number))[-1].ok
