"""Streaming photo bytes into a finished bundle in place of their placeholders.

qpdf lays out the bundle with each JPEG image stream holding a short marker instead of the
photo. This pass copies that skeleton to the final file, writing each photo's bytes, as
they are in the evidence file (or in its copy without metadata, made for destinations that
must not see it: :mod:`casefile.core.disclosure.photos`), where its marker was, fixing the
stream's /Length and the cross-reference table, and hashing the output as it goes. Each
photo's bytes are checked against the SHA-256 they must have — the evidence file's, or the
copy's own, the one printed on the photo's page — as they are copied. The photos are read
once and written once, as img2pdf would; none is ever held in memory whole.

A photo whose page was laid out from its header alone (a photo printed byte for byte, with
its metadata: :func:`casefile.core.bundle.jpeg.inspect_header`) is inspected whole here, from
the very bytes that are hashed and embedded (:func:`~casefile.core.bundle.jpeg.inspect_jpeg`:
its scans, its end, the decode of its tables), and its header must be the one its page was
made from: one read of the evidence file does all three. A photo found damaged only then
(:class:`PhotosNotClean`) is not a bundle either: the caller lays its page out again, decoded.

The skeleton must be what qpdf writes without object streams: numbered objects, one
classic cross-reference table, a trailer. Anything else raises :class:`FillError` and the
caller builds the bundle with the photo bytes inside the parts instead.
"""

from __future__ import annotations

import hashlib
import io
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO, cast

from casefile.core.bundle.imagepage import PLACEHOLDER_KEY, placeholder_bytes
from casefile.core.bundle.jpeg import Inspection, Verdict, inspect_jpeg


class FillError(Exception):
    """The skeleton is not in the expected shape (a bug or a qpdf change), never user input."""


class PhotosChanged(Exception):
    """Photos whose bytes were not the evidence's any more: ``tokens`` maps each to "changed",
    "missing" or "changed while read" (its bytes are the evidence's, but its header was not the
    one its page was laid out from a moment before).

    The output written so far is not a bundle; the caller removes it.
    """

    def __init__(self, tokens: dict[str, str]) -> None:
        super().__init__(", ".join(f"{t}: {why}" for t, why in tokens.items()))
        self.tokens = tokens


class PhotosNotClean(Exception):
    """Photos whose bytes are the evidence's but which cannot go in as they are (damaged, or of
    a kind a PDF cannot carry), found as they were copied: ``found`` maps each token to its
    inspection. The output written so far is not a bundle; the caller removes it and lays
    those photos' pages out again.
    """

    def __init__(self, found: dict[str, Inspection]) -> None:
        super().__init__(", ".join(f"{t}: {i.reason}" for t, i in found.items()))
        self.found = found


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    data: bytes = b""
    source: Path | None = None
    length: int = 0

    @property
    def new_length(self) -> int:
        return self.length if self.source is not None else len(self.data)


def _shifter(edits: list[_Edit]) -> Callable[[int], int]:
    """Where an offset of the skeleton lands in the filled file: moved by every edit ending at or
    before it. ``edits`` are in order and do not overlap, so their ends are in order too: one
    lookup an offset, not a pass over every edit (a bundle of N photos has some 3N edits and
    5N objects)."""
    ends = [e.end for e in edits]
    moved = list(accumulate((e.new_length - (e.end - e.start) for e in edits), initial=0))

    def shifted(offset: int) -> int:
        return offset + moved[bisect_right(ends, offset)]

    return shifted


_XREF = re.compile(rb"xref\r?\n0 (\d+)\r?\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def fill_placeholders(
    skeleton: Path,
    target: Path,
    sources: dict[str, tuple[Path, str]],
    inspect: dict[str, bytes] | None = None,
) -> tuple[str, int]:
    """Write ``target`` from ``skeleton`` with every placeholder replaced; return (sha256, size).

    ``sources`` maps each token to the file to embed (an evidence file, or a photo's copy
    without metadata) and the SHA-256 the file must still have: a photo changed (or gone)
    since it was added or copied stops the build rather than enter a bundle. Every photo is
    still read, so :class:`PhotosChanged` names all that changed. ``inspect`` maps the
    tokens of photos whose pages were laid out from their header alone to that header (the
    skeleton :func:`~casefile.core.bundle.jpeg.inspect_header` gave): those are inspected
    whole as they are copied; one that is not clean raises :class:`PhotosNotClean` (once
    no photo changed), one whose header is not the one its page was made from is "changed while read".
    """
    inspect = inspect or {}
    data = skeleton.read_bytes()
    edits: list[_Edit] = []
    expected: dict[Path, tuple[str, str]] = {}
    failed: dict[str, str] = {}
    unclean: dict[str, Inspection] = {}
    for token, (source, sha256) in sources.items():
        expected[source] = (token, sha256)
        key = f"{PLACEHOLDER_KEY} ({token})".encode("ascii")
        at = data.find(key)
        if at < 0 or data.find(key, at + 1) >= 0:
            raise FillError(f"placeholder {token} found {0 if at < 0 else 'twice'}")
        obj_start = data.rfind(b" obj", 0, at)
        stream_kw = data.find(b"stream", at)
        if obj_start < 0 or stream_kw < 0:
            raise FillError(f"placeholder {token}: no enclosing stream object")
        data_start = stream_kw + len(b"stream") + (2 if data[stream_kw + 6 : stream_kw + 8] == b"\r\n" else 1)
        marker = placeholder_bytes(token)
        if data[data_start : data_start + len(marker)] != marker:
            raise FillError(f"placeholder {token}: stream data is not the marker")
        dictionary = data[obj_start:stream_kw]
        lengths = list(re.finditer(rb"/Length (\d+)(?! \d+ R)", dictionary))
        if len(lengths) != 1 or int(lengths[0].group(1)) != len(marker):
            raise FillError(f"placeholder {token}: unexpected /Length")
        try:
            size = source.stat().st_size
        except FileNotFoundError:
            failed[token] = "missing"
            size = 0
        length_at = obj_start + lengths[0].start(1)
        edits.append(_Edit(length_at, length_at + len(lengths[0].group(1)), str(size).encode()))
        edits.append(_Edit(at, at + len(key), b" " * len(key)))  # drop our private key, keep offsets
        edits.append(_Edit(data_start, data_start + len(marker), source=source, length=size))
    edits.sort(key=lambda e: e.start)

    start_match = _STARTXREF.search(data[-1024:])
    if start_match is None:
        raise FillError("no startxref")
    xref_at = int(start_match.group(1))
    xref = _XREF.match(data, xref_at)
    if xref is None:
        raise FillError("the skeleton has no classic cross-reference table")
    count = int(xref.group(1))
    table_at = xref.end()
    entries = [data[table_at + 20 * i : table_at + 20 * (i + 1)] for i in range(count)]
    trailer_at = table_at + 20 * count
    if not data.startswith(b"trailer", trailer_at):
        raise FillError("cross-reference table is not followed by the trailer")
    trailer = data[trailer_at : data.rfind(b"startxref")]

    shifted = _shifter(edits)

    digest = hashlib.sha256()
    written = 0
    # Hashing the output and checking each photo's bytes run on threads of their own (hashlib
    # releases the GIL), beside the writes and beside each other: each pass over a photo's
    # bytes goes at the speed of one core, as img2pdf's single copy does.
    hasher = ThreadPoolExecutor(1, thread_name_prefix="bundle-hash")
    checker = ThreadPoolExecutor(1, thread_name_prefix="bundle-check")
    with hasher, checker, open(target, "wb") as out:
        in_flight: deque[Future[None]] = deque()

        def later(pool: ThreadPoolExecutor, update: Callable[[bytes], None], chunk: bytes) -> Future[None]:
            if len(in_flight) >= 8:  # bounded: memory stays flat however big the bundle
                in_flight.popleft().result()
            future = pool.submit(update, chunk)
            in_flight.append(future)
            return future

        def check_later(update: Callable[[bytes], None], chunk: bytes) -> Future[None]:
            return later(checker, update, chunk)

        def emit(chunk: bytes) -> None:
            nonlocal written
            out.write(chunk)
            later(hasher, digest.update, chunk)
            written += len(chunk)

        position = 0
        view = memoryview(data)
        for edit in edits:
            emit(view[position : edit.start])  # type: ignore[arg-type]
            if edit.source is not None:
                token, sha256 = expected[edit.source]
                if token in failed:
                    pass
                elif token in inspect:
                    why, inspection = _copy_inspected(
                        edit.source, edit.length, emit, sha256, check_later, inspect[token]
                    )
                    if why:
                        failed[token] = why
                    elif inspection is not None:
                        unclean[token] = inspection
                elif not _copy(edit.source, edit.length, emit, sha256, check_later):
                    failed[token] = "changed"
            else:
                emit(edit.data)
            position = edit.end
        emit(view[position:xref_at])  # type: ignore[arg-type]
        new_xref_at = written
        lines = [f"xref\n0 {count}\n".encode()]
        for entry in entries:
            offset, generation, kind = entry[:10], entry[11:16], entry[17:18]
            if kind == b"n":
                lines.append(b"%010d %s n \n" % (shifted(int(offset)), generation))
            else:
                lines.append(entry[:18] + b" \n")
        emit(b"".join(lines))
        emit(trailer)
        emit(f"startxref\n{new_xref_at}\n%%EOF\n".encode())
    if failed:
        raise PhotosChanged(failed)
    if unclean:
        raise PhotosNotClean(unclean)
    return digest.hexdigest(), written  # the executor has drained: every update is in


def _copy(
    source: Path,
    length: int,
    emit: Callable[[bytes], None],
    sha256: str,
    check_later: Callable[[Callable[[bytes], None], bytes], Future[None]],
) -> bool:
    """Copy a photo into the output, checking on the way that it is still the evidence file.

    False when it is not (other bytes, another length, gone): the output is then no bundle.
    ``check_later`` runs the check's hash updates in order on a thread of their own.
    """
    check = hashlib.sha256()
    last: Future[None] | None = None
    remaining = length
    try:
        with open(source, "rb", buffering=0) as fh:
            while remaining:
                chunk = fh.read(min(1 << 20, remaining))
                if not chunk:
                    break
                last = check_later(check.update, chunk)
                emit(chunk)
                remaining -= len(chunk)
            extra = fh.read(1)
    except FileNotFoundError:
        return False
    if last is not None:
        last.result()  # the check's updates run in order on one thread: this was the last of them
    return not remaining and not extra and check.hexdigest() == sha256


def _copy_inspected(
    source: Path,
    length: int,
    emit: Callable[[bytes], None],
    sha256: str,
    check_later: Callable[[Callable[[bytes], None], bytes], Future[None]],
    header: bytes,
) -> tuple[str, Inspection | None]:
    """:func:`_copy` of a photo inspected whole (:func:`inspect_jpeg`) from the bytes copied.

    ("changed", None) when it is not the evidence file, ("changed while read", None) when it
    is but its header is not ``header`` (the one its page was laid out from); ("", None) when
    it is and is clean; ("", the inspection) when it is the evidence file but cannot go in as
    it is.
    """
    check = hashlib.sha256()
    last: list[Future[None]] = []

    def passed(chunk: bytes) -> None:
        last[:] = [check_later(check.update, chunk)]
        emit(chunk)

    try:
        with open(source, "rb", buffering=0) as fh:
            tee = _Tee(fh, length, passed)
            inspection = inspect_jpeg(cast(BinaryIO, tee))
            tee.finish()
    except FileNotFoundError:
        return "changed", None
    if last:
        last[0].result()  # the check's updates run in order on one thread: this was the last of them
    if tee.passed != length or tee.extra or check.hexdigest() != sha256:
        return "changed", None
    if inspection.verdict is not Verdict.CLEAN:
        return "", inspection
    return ("" if inspection.skeleton.startswith(header) else "changed while read"), None


class _Tee:
    """A file read once, in order, every byte handed to ``sink`` the first time it is read.

    Read as a raw file is (a read may give fewer bytes than asked, up to the end of a piece of
    :attr:`PIECE` bytes); a reader may go back over what it read lately (the last :attr:`KEEP`
    pieces, kept in memory): those bytes are never read from the file again, so whatever the
    reader sees is what the sink was given. Past ``limit`` bytes nothing more goes to the sink
    (``extra``).
    """

    PIECE = 1 << 20
    KEEP = 3

    def __init__(self, fh: io.FileIO, limit: int, sink: Callable[[bytes], None]) -> None:
        self.fh = fh
        self.limit = limit
        self.sink = sink
        self.passed = 0  # bytes [0, passed) were read and handed to the sink (up to limit)
        self.read_so_far = 0  # bytes read from the file
        self.position = 0
        self.kept: deque[tuple[int, bytes]] = deque(maxlen=self.KEEP)  # (offset, bytes) of the last pieces
        self.extra = False

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            offset += self.position
        elif whence != io.SEEK_SET:
            raise io.UnsupportedOperation("only from the start or from here")
        first = self.kept[0][0] if self.kept else 0
        if not first <= offset <= self.read_so_far:
            raise OSError(f"cannot go to {offset}: read once, in order")
        self.position = offset
        return offset

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            raise io.UnsupportedOperation("read in pieces")
        if self.position == self.read_so_far and not self._more():
            return b""
        for start, piece in reversed(self.kept):
            if start <= self.position < start + len(piece):
                at = self.position - start
                data = piece if at == 0 and size >= len(piece) else piece[at : at + size]
                self.position += len(data)
                return data
        raise OSError(f"{self.position} is no longer kept")

    def _more(self) -> bool:
        piece = self.fh.read(self.PIECE)
        if not piece:
            return False
        self.kept.append((self.read_so_far, piece))
        self.read_so_far += len(piece)
        room = self.limit - self.passed
        if len(piece) > room:
            self.extra = True
        if room > 0:
            given = piece if len(piece) <= room else piece[:room]
            self.sink(given)
            self.passed += len(given)
        return True

    def finish(self) -> None:
        """Read (and hand to the sink) what the reader left."""
        while self._more():
            self.kept.clear()
