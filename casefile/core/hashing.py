"""Hashing at the speed of the CPU, and copying a file while hashing it in one pass.

SHA-256 is the project's evidence hash (it is what ``sha256sum -c`` checks). SM3,
China's national hash standard, is recorded too where the Python build's OpenSSL
provides it. Hash updates run on worker threads: hashlib releases the GIL for large
updates, so reading, writing and each digest overlap on separate cores.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from casefile.core.fsutil import start_writeback
from casefile.core.progress import NEVER_CANCELLED, CancelToken

CHUNK = 1 << 20  # 1 MiB: hashlib's sweet spot here
DEPTH = 4  # chunks in flight between the reader and the hashers
WRITEBACK_WINDOW = 32 * CHUNK


def sm3_available() -> bool:
    try:
        hashlib.new("sm3")
    except (ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class Digests:
    size: int
    sha256: str
    sm3: str = ""  # empty when SM3 was not computed or is unavailable
    head: bytes = b""  # the first bytes of the file, for format sniffing
    tail: bytes = b""  # the last bytes of the file


def _new_hashers(with_sm3: bool) -> list[Any]:
    hashers: list[Any] = [hashlib.sha256()]
    if with_sm3 and sm3_available():
        hashers.append(hashlib.new("sm3"))
    return hashers


def _pipeline(
    read_into: Callable[[memoryview], int],
    sink: Callable[[memoryview], None] | None,
    with_sm3: bool,
    cancel: CancelToken,
    on_bytes: Callable[[int], None] | None = None,
) -> Digests:
    hashers = _new_hashers(with_sm3)
    buffers = [bytearray(CHUNK) for _ in range(DEPTH)]
    pending: deque[list[Future[None]]] = deque()
    size = 0
    head = b""
    tail = b""
    executors = [ThreadPoolExecutor(1, thread_name_prefix="hash") for _ in hashers]
    try:
        index = 0
        while True:
            cancel.check()
            if len(pending) == DEPTH:
                for fut in pending.popleft():
                    fut.result()
            buf = memoryview(buffers[index % DEPTH])
            index += 1
            n = read_into(buf)
            if not n:
                break
            chunk = buf[:n]
            if size == 0:
                head = bytes(chunk[:8192])
            tail = (tail + bytes(chunk[-4096:]))[-4096:]
            if sink is not None:
                sink(chunk)
            pending.append([ex.submit(h.update, chunk) for ex, h in zip(executors, hashers, strict=True)])
            size += n
            if on_bytes is not None:
                on_bytes(size)
        for futs in pending:
            for fut in futs:
                fut.result()
    finally:
        for ex in executors:
            ex.shutdown(wait=True, cancel_futures=True)
    return Digests(
        size=size,
        sha256=hashers[0].hexdigest(),
        sm3=hashers[1].hexdigest() if len(hashers) > 1 else "",
        head=head,
        tail=tail,
    )


class Readable(Protocol):
    def readinto(self, buffer: memoryview, /) -> int | None: ...


def _reader(fh: Readable) -> Callable[[memoryview], int]:
    def read_into(buf: memoryview) -> int:
        # readinto on an unbuffered file may return short counts; fill the chunk.
        got = 0
        while got < len(buf):
            n = fh.readinto(buf[got:])
            if not n:
                break
            got += n
        return got

    return read_into


def copy_and_hash(
    src: Readable,
    dst: BinaryIO,
    *,
    with_sm3: bool = True,
    cancel: CancelToken = NEVER_CANCELLED,
    on_bytes: Callable[[int], None] | None = None,
) -> Digests:
    """Copy ``src`` to ``dst`` and hash the bytes in the same pass (no second read).

    Every ``WRITEBACK_WINDOW`` bytes the disk is asked to start writing what was copied,
    so that the caller's final fsync finds little left to do.
    """
    try:
        fileno: int | None = dst.fileno()
    except (AttributeError, OSError, ValueError):
        fileno = None  # not a real file (a stream inside an archive, say)
    position = 0

    def write_all(chunk: memoryview) -> None:
        nonlocal position
        written = 0
        while written < len(chunk):
            written += dst.write(chunk[written:]) or 0
        position += written
        if fileno is not None and position % WRITEBACK_WINDOW < written:
            start_writeback(fileno, max(0, position - WRITEBACK_WINDOW), WRITEBACK_WINDOW)

    return _pipeline(_reader(src), write_all, with_sm3, cancel, on_bytes)


def hash_stream(
    src: Readable,
    *,
    with_sm3: bool = False,
    cancel: CancelToken = NEVER_CANCELLED,
    on_bytes: Callable[[int], None] | None = None,
) -> Digests:
    return _pipeline(_reader(src), None, with_sm3, cancel, on_bytes)


def hash_file(
    path: str | os.PathLike[str],
    *,
    with_sm3: bool = False,
    cancel: CancelToken = NEVER_CANCELLED,
    on_bytes: Callable[[int], None] | None = None,
) -> Digests:
    with open(path, "rb", buffering=0) as fh:
        return hash_stream(fh, with_sm3=with_sm3, cancel=cancel, on_bytes=on_bytes)
