"""Hashing at the speed of the CPU, and copying a file while hashing it in one pass.

SHA-256 is the project's evidence hash (it is what ``sha256sum -c`` checks). SM3,
China's national hash standard, is recorded too where the Python build's OpenSSL
provides it. For a file bigger than one chunk, hash updates run on worker threads:
hashlib releases the GIL for large updates, so reading, writing and each digest overlap
on separate cores. A file of one chunk (most screenshots and documents) is hashed on the
calling thread: handing it to a worker would cost more than the hashing.

The chunk buffers (one set per calling thread) and the worker threads (one lane per
digest, shared by every caller) are made once and reused for every file, so a folder of
a thousand small files costs what its bytes cost, not a thousand allocations and thread
starts.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from casefile.core.fsutil import start_writeback
from casefile.core.progress import NEVER_CANCELLED, CancelToken

CHUNK = 1 << 20  # 1 MiB: hashlib's sweet spot here
DEPTH = 4  # chunks in flight between the reader and the hashers
WRITEBACK_WINDOW = 32 * CHUNK
HEAD = 8192  # bytes kept from the start of a file, for format sniffing
TAIL = 4096  # and from its end


def sm3_available() -> bool:
    return _SM3


def _probe_sm3() -> bool:
    try:
        hashlib.new("sm3")
    except (ValueError, TypeError):
        return False
    return True


_SM3 = _probe_sm3()


@dataclass(frozen=True)
class Digests:
    size: int
    sha256: str
    sm3: str = ""  # empty when SM3 was not computed or is unavailable
    head: bytes = b""  # the first bytes of the file, for format sniffing
    tail: bytes = b""  # the last bytes of the file


def _new_hashers(with_sm3: bool) -> list[Any]:
    hashers: list[Any] = [hashlib.sha256()]
    if with_sm3 and _SM3:
        hashers.append(hashlib.new("sm3"))
    return hashers


class _Lanes:
    """One single-thread worker per digest, started on first use and kept for the process.

    Updates of one hasher must run in order, so each digest has its own lane; callers on
    several threads may share the lanes (each waits only for its own updates).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lanes: list[ThreadPoolExecutor] = []
        self._pid = os.getpid()

    def get(self, count: int) -> list[ThreadPoolExecutor]:
        with self._lock:
            if self._pid != os.getpid():  # a forked child has the objects but not the threads
                self._lanes, self._pid = [], os.getpid()
            while len(self._lanes) < count:
                self._lanes.append(ThreadPoolExecutor(1, thread_name_prefix=f"hash-{len(self._lanes)}"))
                made["lanes"] += 1
            return self._lanes[:count]


_LANES = _Lanes()
_BUFFERS = threading.local()
# Counts what the module made, for tests that check the cost per file stays constant.
made = {"buffers": 0, "lanes": 0}


def _buffers() -> list[memoryview]:
    """This thread's chunk buffers, made on first use (a pipeline waits for its workers before returning)."""
    buffers: list[memoryview] | None = getattr(_BUFFERS, "views", None)
    if buffers is None:
        buffers = [memoryview(bytearray(CHUNK)) for _ in range(DEPTH)]
        made["buffers"] += DEPTH
        _BUFFERS.views = buffers
    return buffers


def _pipeline(
    read_into: Callable[[memoryview], int],
    sink: Callable[[memoryview], None] | None,
    with_sm3: bool,
    cancel: CancelToken,
    on_bytes: Callable[[int], None] | None = None,
) -> Digests:
    hashers = _new_hashers(with_sm3)
    buffers = _buffers()
    cancel.check()
    first = read_into(buffers[0])
    chunk = buffers[0][:first]
    head = bytes(chunk[:HEAD])
    tail = bytes(chunk[-TAIL:]) if first else b""
    if sink is not None and first:
        sink(chunk)
    if first < CHUNK:  # the whole file in one chunk: hash it here
        for h in hashers:
            h.update(chunk)
        if on_bytes is not None and first:
            on_bytes(first)
        return _digests(first, hashers, head, tail)
    lanes = _LANES.get(len(hashers))
    pending: deque[list[Future[None]]] = deque()
    pending.append([lane.submit(h.update, chunk) for lane, h in zip(lanes, hashers, strict=True)])
    size = first
    if on_bytes is not None:
        on_bytes(size)
    try:
        index = 1
        while True:
            cancel.check()
            if len(pending) == DEPTH:
                for fut in pending.popleft():
                    fut.result()
            buf = buffers[index % DEPTH]
            index += 1
            n = read_into(buf)
            if not n:
                break
            chunk = buf[:n]
            tail = (tail + bytes(chunk[-TAIL:]))[-TAIL:]
            if sink is not None:
                sink(chunk)
            pending.append([lane.submit(h.update, chunk) for lane, h in zip(lanes, hashers, strict=True)])
            size += n
            if on_bytes is not None:
                on_bytes(size)
        for futs in pending:
            for fut in futs:
                fut.result()
    finally:
        # The buffers are reused by the next file: no update may still be reading them.
        for futs in pending:
            for fut in futs:
                fut.exception()
    return _digests(size, hashers, head, tail)


def _digests(size: int, hashers: list[Any], head: bytes, tail: bytes) -> Digests:
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
    """Copy ``src`` to ``dst`` and hash the bytes in the same pass (no second read of the source).

    Between two regular files (``dst`` open for reading and writing), the system copies each
    chunk itself and the hashers read the copy back from memory: the digests are those of the
    stored bytes, and the bytes cross into the program once instead of twice (out of the
    source, back into the copy). Elsewhere, each chunk is read and written by the program.
    Every ``WRITEBACK_WINDOW`` bytes the disk is asked to start writing what was copied,
    so that the caller's final fsync finds little left to do.
    """
    try:
        fileno: int | None = dst.fileno()
    except (AttributeError, OSError, ValueError):
        fileno = None  # not a real file (a stream inside an archive, say)
    position = 0

    def written(count: int) -> None:
        nonlocal position
        position += count
        if fileno is not None and position % WRITEBACK_WINDOW < count:
            start_writeback(fileno, max(0, position - WRITEBACK_WINDOW), WRITEBACK_WINDOW)

    def write_all(chunk: memoryview) -> None:
        done = 0
        while done < len(chunk):
            done += dst.write(chunk[done:]) or 0
        written(done)

    # Only between unbuffered files: a buffer would hold bytes the file offsets have passed.
    kernel = _kernel_copy(src, fileno, written) if isinstance(src, io.FileIO) and isinstance(dst, io.FileIO) else None
    if kernel is not None:
        return _pipeline(kernel, None, with_sm3, cancel, on_bytes)
    return _pipeline(_reader(src), write_all, with_sm3, cancel, on_bytes)


# Where the system cannot copy between these two files: the program copies instead.
_NO_KERNEL_COPY = {errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF, errno.EPERM}


def _kernel_copy(
    src: Readable, fileno: int | None, written: Callable[[int], None]
) -> Callable[[memoryview], int] | None:
    """A chunk reader that has the system copy ``src`` to ``fileno`` and reads the copy back; None where it cannot."""
    copy_range = getattr(os, "copy_file_range", None)
    if copy_range is None or fileno is None or not isinstance(src, io.FileIO):
        return None
    try:
        source = src.fileno()
        if not (stat.S_ISREG(os.fstat(source).st_mode) and stat.S_ISREG(os.fstat(fileno).st_mode)):
            return None
        if fcntl_flags(fileno) & os.O_ACCMODE != os.O_RDWR:
            return None  # the copy cannot be read back
        offset = os.lseek(fileno, 0, os.SEEK_CUR)
    except (OSError, ValueError, AttributeError):
        return None
    fallback: list[Callable[[memoryview], int]] = []

    def read_into(buf: memoryview) -> int:
        nonlocal offset
        if fallback:
            return fallback[0](buf)
        copied = 0
        while copied < len(buf):
            try:
                n = copy_range(source, fileno, len(buf) - copied)
            except OSError as exc:
                if exc.errno not in _NO_KERNEL_COPY or offset or copied:
                    raise
                # Nothing copied yet: copy in the program (both files' offsets are untouched).
                fallback.append(_user_copy(src, fileno, written))
                return fallback[0](buf)
            if not n:
                break
            copied += n
        got = 0
        while got < copied:
            n = os.preadv(fileno, [buf[got:copied]], offset + got)
            if not n:
                raise OSError(errno.EIO, "the copy reads back shorter than it was written")
            got += n
        offset += copied
        written(copied)
        return copied

    return read_into


def _user_copy(src: Readable, fileno: int, written: Callable[[int], None]) -> Callable[[memoryview], int]:
    read = _reader(src)

    def read_into(buf: memoryview) -> int:
        n = read(buf)
        done = 0
        while done < n:
            done += os.write(fileno, buf[done:n])
        written(n)
        return n

    return read_into


def fcntl_flags(fd: int) -> int:
    import fcntl

    return fcntl.fcntl(fd, fcntl.F_GETFL)


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


def _hash_here(fh: Readable, with_sm3: bool, cancel: CancelToken) -> Digests:
    """Read and hash on the calling thread, reusing its buffer: for callers hashing several files at once."""
    hashers = _new_hashers(with_sm3)
    buf = _buffers()[0]
    read_into = _reader(fh)
    size = 0
    head = tail = b""
    while True:
        cancel.check()
        n = read_into(buf)
        if not n:
            break
        chunk = buf[:n]
        if not size:
            head = bytes(chunk[:HEAD])
        tail = (tail + bytes(chunk[-TAIL:]))[-TAIL:]
        for h in hashers:
            h.update(chunk)
        size += n
    return _digests(size, hashers, head, tail)


def _hash_path(path: str | os.PathLike[str], with_sm3: bool, cancel: CancelToken) -> Digests | OSError:
    try:
        with open(path, "rb", buffering=0) as fh:
            return _hash_here(fh, with_sm3, cancel)
    except OSError as exc:
        return exc


def hash_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    with_sm3: bool = False,
    workers: int = 2,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Iterator[Digests | OSError]:
    """Hash many files, ``workers`` files at a time (one per core), each read and hashed on one thread.

    Yields each file's digests, or the OSError that stopped its reading, in the order of
    ``paths``; a few files are read ahead of the one yielded. The worker threads and their
    buffers serve every file of the call.
    """
    if not paths:
        return
    pool = ThreadPoolExecutor(max(1, min(workers, len(paths))), thread_name_prefix="hash-files")
    ahead: deque[Future[Digests | OSError]] = deque()
    try:
        for path in paths:
            ahead.append(pool.submit(_hash_path, path, with_sm3, cancel))
            if len(ahead) > 2 * workers:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
