"""Streaming photo bytes into a finished bundle in place of their placeholders.

qpdf lays out the bundle with each JPEG image stream holding a short marker instead of the
photo. This pass copies that skeleton to the final file, writing each photo's bytes, as
they are in the evidence file (or in its copy without metadata, made for destinations that
must not see it: :mod:`casefile.core.disclosure.photos`), where its marker was, fixing the
stream's /Length and the cross-reference table, and hashing the output as it goes. Each
photo's bytes are checked against the SHA-256 they must have — the evidence file's, or the
copy's own, the one printed on the photo's page — as they are copied. The photos are read
once and written once, as img2pdf would; none is ever held in memory whole.

The skeleton must be what qpdf writes without object streams: numbered objects, one
classic cross-reference table, a trailer. Anything else raises :class:`FillError` and the
caller builds the bundle with the photo bytes inside the parts instead.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from casefile.core.bundle.imagepage import PLACEHOLDER_KEY, placeholder_bytes


class FillError(Exception):
    """The skeleton is not in the expected shape (a bug or a qpdf change), never user input."""


class PhotosChanged(Exception):
    """Photos whose bytes were not the evidence's any more: ``tokens`` maps each to "changed" or "missing".

    The output written so far is not a bundle; the caller removes it.
    """

    def __init__(self, tokens: dict[str, str]) -> None:
        super().__init__(", ".join(f"{t}: {why}" for t, why in tokens.items()))
        self.tokens = tokens


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


_XREF = re.compile(rb"xref\r?\n0 (\d+)\r?\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def fill_placeholders(skeleton: Path, target: Path, sources: dict[str, tuple[Path, str]]) -> tuple[str, int]:
    """Write ``target`` from ``skeleton`` with every placeholder replaced; return (sha256, size).

    ``sources`` maps each token to the file to embed (an evidence file, or a photo's copy
    without metadata) and the SHA-256 the file must still have: a photo changed (or gone)
    since it was added or copied stops the build rather than enter a bundle. Every photo is
    still read, so :class:`PhotosChanged` names all that changed.
    """
    data = skeleton.read_bytes()
    edits: list[_Edit] = []
    expected: dict[Path, tuple[str, str]] = {}
    failed: dict[str, str] = {}
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

    def shifted(offset: int) -> int:
        return offset + sum(e.new_length - (e.end - e.start) for e in edits if e.end <= offset)

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
                if token not in failed and not _copy(edit.source, edit.length, emit, sha256, check_later):
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
