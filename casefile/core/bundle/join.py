"""Writing one PDF from files of pages, object by object, without a model of all its pages.

A bundle is assembled a few thousand pages at a time: each run of pages is copied and stamped
by qpdf into a file of its own (a *piece*), saved without object streams, and closed. This
module then writes the bundle from the pieces: their objects are copied in order, renumbered
as they go, with one page tree over all their pages, the bookmarks, the evidence list's links
and the document information written here. qpdf's model of a file costs some 10 KB a page
(12,000 pages: 140–180 MB), whether it is being assembled or only opened and saved again; here
only one object of a piece is held at a time, and a stream's data is copied in blocks.

The pieces must be what qpdf writes without object streams (numbered objects in order, one
classic cross-reference table, a trailer): anything else raises :class:`JoinError`, a bug or
a qpdf change, never user input. Every dictionary and array qpdf writes is on one line, its
strings with their parentheses escaped, so references ("12 0 R") are found outside strings
by one regular expression, and a stream's data (never searched) starts after the first
"\\nstream\\n" of its object.

The output has the objects of the pieces as they were (their stream data byte for byte), the
pages in the order of the pieces, and either object streams and a cross-reference stream
(as qpdf's ``ObjectStreamMode.generate`` writes) or a classic cross-reference table (what
:func:`casefile.core.bundle.fill.fill_placeholders` reads, to stream the photos in).
"""

from __future__ import annotations

import hashlib
import os
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pikepdf

BLOCK = 1 << 20  # stream data is copied in blocks of this size
OBJECTS_PER_STREAM = 100  # as qpdf groups them

_XREF = re.compile(rb"xref\r?\n0 (\d+)\r?\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_HEADER = re.compile(rb"%PDF-(\d)\.(\d)")
_OBJ = re.compile(rb"(\d+) 0 obj\r?\n")
# A literal string (its parentheses escaped, as qpdf writes them), or a reference outside one.
_REF_OR_STRING = re.compile(rb"\((?:[^\\)]|\\.)*\)|(?<![\w.#+-])(\d+) 0 R(?![\w])", re.S)
_STREAM = b"\nstream\n"


class JoinError(Exception):
    """A piece is not what qpdf writes without object streams (a bug or a qpdf change)."""


@dataclass(frozen=True)
class Link:
    """A link on a page (index from 0 in the output) to another page, over ``rect``."""

    page: int
    rect: tuple[float, float, float, float]
    target: int


@dataclass
class _Piece:
    path: Path
    version: tuple[int, int]
    offsets: list[int]  # by object number; 0: none
    ends: list[int]  # where each object's bytes end
    order: list[int]  # object numbers in the order of the file
    pages: list[int]  # the page objects, in order
    dropped: dict[int, int] = field(default_factory=dict)  # number -> the output object it stands for
    first: int = 0  # the output number of its first kept object, in the order of the file


def _read_piece(path: Path) -> _Piece:
    """The cross-reference table, page list and document objects of a piece."""
    with open(path, "rb") as fh:
        header = _HEADER.match(fh.read(16))
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
        start = _STARTXREF.search(tail)
        if header is None or start is None:
            raise JoinError(f"{path.name}: no PDF header or startxref")
        xref_at = int(start.group(1))
        fh.seek(xref_at)
        table = fh.read(size - xref_at)
        xref = _XREF.match(table)
        if xref is None:
            raise JoinError(f"{path.name}: no classic cross-reference table")
        count = int(xref.group(1))
        at = xref.end()
        offsets = [0] * count
        for n in range(count):
            entry = table[at + 20 * n : at + 20 * (n + 1)]
            if entry[17:18] == b"n":
                if entry[11:16] != b"00000":
                    raise JoinError(f"{path.name}: object {n} has a generation")
                offsets[n] = int(entry[:10])
        trailer = table[at + 20 * count :]
        if not trailer.startswith(b"trailer"):
            raise JoinError(f"{path.name}: no trailer after the cross-reference table")
        order = sorted((n for n in range(count) if offsets[n]), key=offsets.__getitem__)
        ends = [0] * count
        for n, after in zip(order, [*order[1:], None], strict=True):
            ends[n] = offsets[after] if after is not None else xref_at
        piece = _Piece(path, (int(header.group(1)), int(header.group(2))), offsets, ends, order, [])
        root = _ref(trailer, b"/Root", path)
        catalog = _body(fh, piece, root)
        pages_root = _ref(catalog, b"/Pages", path)
        tree = _body(fh, piece, pages_root)
        kids = re.search(rb"/Kids \[([^\]]*)\]", tree)
        if kids is None:
            raise JoinError(f"{path.name}: no /Kids in the page tree")
        piece.pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]
        pages_count = re.search(rb"/Count (\d+)", tree)
        if pages_count is None or int(pages_count.group(1)) != len(piece.pages):
            raise JoinError(f"{path.name}: the page tree is not one level of pages")
        info = re.search(rb"/Info (\d+) 0 R", trailer)
        piece.dropped = {root: CATALOG, pages_root: PAGES, **({int(info.group(1)): INFO} if info else {})}
    return piece


def _ref(text: bytes, key: bytes, path: Path) -> int:
    found = re.search(re.escape(key) + rb" (\d+) 0 R", text)
    if found is None:
        raise JoinError(f"{path.name}: no {key.decode()}")
    return int(found.group(1))


def _body(fh: BinaryIO, piece: _Piece, n: int) -> bytes:
    """The text of a small object without streams: between "n 0 obj" and "endobj"."""
    fh.seek(piece.offsets[n])
    span = fh.read(piece.ends[n] - piece.offsets[n])
    head = _OBJ.match(span)
    end = span.rfind(b"endobj")
    if head is None or int(head.group(1)) != n or end < 0:
        raise JoinError(f"{piece.path.name}: object {n} is not where its table says")
    return span[head.end() : end].rstrip()


CATALOG, PAGES, INFO = 1, 2, 3  # the output's own first objects


class _Writer:
    """The output file: objects written in order, object streams grouped, offsets kept."""

    def __init__(self, fh: BinaryIO, object_streams: bool) -> None:
        self.fh = fh
        self.digest = hashlib.sha256()
        self.written = 0
        self.buffer = bytearray()  # written and hashed a block at a time
        self.object_streams = object_streams
        self.entries: dict[int, tuple[int, int, int]] = {}  # number -> (kind, field 2, field 3)
        self.pending: list[tuple[int, bytes]] = []  # objects waiting for their object stream
        self.next_number = 0  # set once the numbers of every object are known

    def write(self, data: bytes | memoryview) -> None:
        self.buffer += data
        self.written += len(data)
        if len(self.buffer) >= BLOCK:
            self.drain()

    def drain(self) -> None:
        self.fh.write(self.buffer)
        self.digest.update(self.buffer)
        self.buffer.clear()

    def obj(self, number: int, body: bytes) -> None:
        """An object without a stream."""
        if self.object_streams:
            self.pending.append((number, body))
            if len(self.pending) >= OBJECTS_PER_STREAM:
                self.flush()
            return
        self.entries[number] = (1, self.written, 0)
        self.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def start_stream(self, number: int, dictionary: bytes) -> None:
        """A stream object's dictionary; its "stream … endobj" bytes follow through :meth:`write`."""
        self.entries[number] = (1, self.written, 0)
        self.write(b"%d 0 obj\n%s" % (number, dictionary))

    def flush(self) -> None:
        if not self.pending:
            return
        number = self.next_number
        self.next_number += 1
        index, bodies, at = [], [], 0
        for k, (n, body) in enumerate(self.pending):
            self.entries[n] = (2, number, k)
            index.append(b"%d %d" % (n, at))
            bodies.append(body)
            at += len(body) + 1
        head = b" ".join(index) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies) + b"\n")
        self.pending = []
        self.entries[number] = (1, self.written, 0)
        self.write(
            b"%d 0 obj\n<< /Filter /FlateDecode /First %d /Length %d /N %d /Type /ObjStm >>\nstream\n"
            % (number, len(head), len(data), len(index))
        )
        self.write(data)
        self.write(b"\nendstream\nendobj\n")

    def finish(self, trailer: bytes) -> None:
        """The cross-reference section and the trailer (``trailer``: its keys besides /Size)."""
        self.flush()
        if not self.object_streams:
            size = max(self.entries) + 1
            xref_at = self.written
            rows = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
            for n in range(1, size):
                kind, offset, _ = self.entries.get(n, (0, 0, 0))
                rows.append(b"%010d 00000 n \n" % offset if kind == 1 else b"0000000000 00000 f \n")
            self.write(b"".join(rows))
            self.write(b"trailer << %s /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, size, xref_at))
            self.drain()
            return
        number = self.next_number
        size = number + 1
        xref_at = self.written
        self.entries[number] = (1, xref_at, 0)
        width = max(1, (max(xref_at, size).bit_length() + 7) // 8)
        rows = [b"\x00" + bytes(width) + b"\xff\xff"]
        for n in range(1, size):
            kind, second, third = self.entries.get(n, (0, 0, 0))
            rows.append(bytes([kind]) + second.to_bytes(width, "big") + third.to_bytes(2, "big"))
        data = zlib.compress(b"".join(rows))
        self.write(
            b"%d 0 obj\n<< %s /Filter /FlateDecode /Index [ 0 %d ] /Length %d /Size %d /Type /XRef /W [ 1 %d 2 ] >>\n"
            b"stream\n" % (number, trailer, size, len(data), size, width)
        )
        self.write(data)
        self.write(b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
        self.drain()


def join_pieces(
    pieces: Sequence[Path],
    target: Path,
    *,
    bookmarks: Sequence[tuple[str, int]] = (),
    links: Sequence[Link] = (),
    info: pikepdf.Dictionary | None = None,
    object_streams: bool = True,
    cancel: Callable[[], None] = lambda: None,
) -> tuple[int, str]:
    """Write ``target`` with the pages of ``pieces`` in order; return (pages, SHA-256 of the file).

    ``bookmarks``: (title, page index) on one level, in order; ``links``: link annotations
    to add to the pages (the evidence list's rows); ``info``: the document information;
    ``object_streams``: write as qpdf's ``generate`` mode does, else with a classic
    cross-reference table. ``cancel`` is called between pieces (it raises to stop).
    """
    read = [_read_piece(path) for path in pieces]
    number = INFO + 1
    page_numbers: list[int] = []
    remaps: list[list[int]] = []
    for piece in read:
        remap = [0] * len(piece.offsets)
        for n in piece.order:
            if n in piece.dropped:
                remap[n] = piece.dropped[n]
            else:
                remap[n] = number
                number += 1
        remaps.append(remap)
        page_numbers += [remap[n] for n in piece.pages]
    outline = number if bookmarks else 0
    number += 1 + len(bookmarks) if bookmarks else 0
    annots: dict[int, int] = {}  # page index -> its /Annots array
    by_page: dict[int, list[Link]] = {}
    for link in links:
        by_page.setdefault(link.page, []).append(link)
    for page in sorted(by_page):
        annots[page] = number
        number += 1
    annotated = {page_numbers[page]: array for page, array in annots.items()}

    version = max((p.version for p in read), default=(1, 3))
    if object_streams:
        version = max(version, (1, 5))
    with open(target, "wb") as fh:
        out = _Writer(fh, object_streams)
        out.next_number = number
        out.write(b"%%PDF-%d.%d\n%%\xbf\xf7\xa2\xfe\n" % version)
        outlines = b"/Outlines %d 0 R " % outline if outline else b""
        out.obj(CATALOG, b"<< %s/Pages 2 0 R /Type /Catalog >>" % outlines)
        kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
        out.obj(PAGES, b"<< /Count %d /Kids [ %s ] /Type /Pages >>" % (len(page_numbers), kids))
        out.obj(INFO, info.unparse() if info is not None else b"<< >>")
        for piece, remap in zip(read, remaps, strict=True):
            cancel()
            _copy_piece(piece, remap, out, annotated)
        if bookmarks:
            _write_outline(out, outline, bookmarks, page_numbers)
        for page, array in annots.items():
            out.obj(array, b"[ " + b" ".join(_link(link, page_numbers) for link in by_page[page]) + b" ]")
        file_id = _file_id()
        out.finish(b"/ID [ <%s> <%s> ] /Info 3 0 R /Root 1 0 R" % (file_id, file_id))
        fh.flush()
    return len(page_numbers), out.digest.hexdigest()


def _copy_piece(piece: _Piece, remap: list[int], out: _Writer, annotated: dict[int, int]) -> None:
    refs = [b"%d 0 R" % n if n else b"" for n in remap]

    def one(match: re.Match[bytes]) -> bytes:
        found = match.group(1)
        if found is None:
            return match.group(0)  # a string: as it is
        n = int(found)
        ref = refs[n] if n < len(refs) else b""
        if not ref:
            raise JoinError(f"{piece.path.name}: a reference to object {n}, which it does not have")
        return ref

    def renumbered(text: bytes) -> bytes:
        return _REF_OR_STRING.sub(one, text)

    with open(piece.path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(0)
        whole = _Whole(fh.read()) if size <= WHOLE else None  # a piece of text pages: a few MB
        source: _Whole | BinaryIO = whole if whole is not None else fh
        for n in piece.order:
            if n in piece.dropped:
                continue
            start, end = piece.offsets[n], piece.ends[n]
            source.seek(start)
            span = source.read(min(end - start, BLOCK))
            head = _OBJ.match(span)
            if head is None or int(head.group(1)) != n:
                raise JoinError(f"{piece.path.name}: object {n} is not where its table says")
            at = span.find(_STREAM, head.end())
            if at < 0 and len(span) < end - start:  # longer than a block, and no stream in it yet
                span += source.read(end - start - len(span))
                at = span.find(_STREAM, head.end())
            number = remap[n]
            if at < 0:
                close = span.rfind(b"endobj")
                if close < 0:
                    raise JoinError(f"{piece.path.name}: object {n} has no end")
                body = renumbered(span[head.end() : close].rstrip())
                array = annotated.get(number)
                if array is not None:
                    body = _with_annots(body, array, piece.path)
                out.obj(number, body)
                continue
            out.start_stream(number, renumbered(span[head.end() : at]))
            out.write(memoryview(span)[at:])
            for block in _blocks(source, end - start - len(span)):
                out.write(block)


WHOLE = 32 << 20  # a piece up to this size is read at once, a larger one object by object


class _Whole:
    """A piece read into memory, read like its file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def seek(self, at: int) -> None:
        self.at = at

    def read(self, size: int) -> bytes:
        chunk = self.data[self.at : self.at + size]
        self.at += len(chunk)
        return chunk


def _blocks(fh: _Whole | BinaryIO, remaining: int) -> Iterator[bytes]:
    while remaining > 0:
        block = fh.read(min(BLOCK, remaining))
        if not block:
            raise JoinError("a piece ended early")
        remaining -= len(block)
        yield block


def _with_annots(body: bytes, array: int, path: Path) -> bytes:
    if not body.startswith(b"<<") or b"/Annots" in body:
        raise JoinError(f"{path.name}: a page given links is not a dictionary without links")
    return b"<< /Annots %d 0 R%s" % (array, body[2:])


def _write_outline(out: _Writer, root: int, bookmarks: Sequence[tuple[str, int]], pages: list[int]) -> None:
    """One bookmark a (title, page index), on one level: the dictionaries pikepdf's outline writes."""
    first, last = root + 1, root + len(bookmarks)
    out.obj(root, b"<< /Count %d /First %d 0 R /Last %d 0 R /Type /Outlines >>" % (len(bookmarks), first, last))
    for k, (title, page) in enumerate(bookmarks):
        n = first + k
        links = (b" /Next %d 0 R" % (n + 1) if n < last else b"") + (b" /Prev %d 0 R" % (n - 1) if n > first else b"")
        title_text = pikepdf.String(title).unparse()
        out.obj(
            n,
            b"<< /Count 0 /Dest [ %d 0 R /Fit ]%s /Parent %d 0 R /Title %s >>" % (pages[page], links, root, title_text),
        )


def _link(link: Link, pages: list[int]) -> bytes:
    rect = b" ".join(_number(v) for v in link.rect)
    return b"<< /Border [ 0 0 0 ] /Dest [ %d 0 R /Fit ] /Rect [ %s ] /Subtype /Link /Type /Annot >>" % (
        pages[link.target],
        rect,
    )


def _number(value: float) -> bytes:
    return (b"%.6f" % value).rstrip(b"0").rstrip(b".") or b"0"


def _file_id() -> bytes:
    return os.urandom(16).hex().encode()
