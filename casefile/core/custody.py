"""The chain-of-custody log: an append-only, hash-chained JSON-lines file.

Each line is one JSON object::

    {"seq": 3, "v": 1, "at": "2026-11-23T11:40:02.120391+00:00", "operator": "张敏",
     "action": "ingest", "details": {...}, "prev": "<hash of line 2>", "hash": "<this line's hash>"}

``v`` is the entry's format version (entries written before it existed have none: version 1).

``hash`` is the SHA-256 of the entry's canonical JSON without the ``hash`` key
(keys sorted, UTF-8, no spaces). ``prev`` of the first entry is 64 zeros. Editing,
inserting or deleting any line breaks the chain at that point; cutting lines off the
end is caught by comparing the head with the one kept in ``case.json`` (and printed
in every bundle). Anyone can re-check the chain with a few lines of any language.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.errors import Message
from casefile.core.fsutil import fsync_dir, open_private, storage_error
from casefile.core.record.versions import ENTRY_VERSION, ENTRY_VERSION_KEY

GENESIS = "0" * 64
LOG_NAME = "CUSTODY.jsonl"
_TAIL_CHUNK = 8192


# json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")), made once: a log of
# thousands of entries is checked without making an encoder for each.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(entry: dict[str, Any]) -> bytes:
    body = dict(entry)
    body.pop("hash", None)
    return _CANONICAL.encode(body).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def make_entry(
    seq: int, prev: str, action: str, operator: str, details: dict[str, Any], at: datetime | None = None
) -> dict[str, Any]:
    """The entry ``seq`` that follows the entry whose hash is ``prev``, with its own hash."""
    entry: dict[str, Any] = {
        "seq": seq,
        ENTRY_VERSION_KEY: ENTRY_VERSION,
        "at": (at or datetime.now(UTC)).isoformat(),
        "operator": operator,
        "action": action,
        "details": details,
        "prev": prev,
    }
    entry["hash"] = entry_hash(entry)
    return entry


def entry_line(entry: dict[str, Any]) -> str:
    """The entry as a line of the log holds it (sorted keys, no spaces, UTF-8 text), without the line break."""
    return _CANONICAL.encode(entry)


@dataclass
class ChainReport:
    entries: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class CustodyLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._head: tuple[int, str] | None = None  # valid while the caller holds the case lock

    def read(self, *, containing: str = "") -> list[dict[str, Any]]:
        """All entries that parse; use :meth:`check` to judge the chain. ``containing``: only the lines that
        hold this text are parsed (a log of thousands of entries read for a few of them, e.g. ``'"bundle"'``
        for the bundles made; the caller still checks each entry it gets)."""
        entries = []
        try:
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip() and containing in line:
                        try:
                            entries.append(json.loads(line))
                        except json.JSONDecodeError:
                            continue
        except FileNotFoundError:
            return []
        return entries

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last entry, from the file as it is.

        Only the end of the file is read: appending to a log of thousands of entries costs
        what the one entry is. A last line that does not parse sends it through the whole log.
        """
        last = self.last()
        if last is None:
            for entry in self.read():
                last = entry
        if last is None:
            return 0, GENESIS
        return int(last.get("seq", 0)), str(last.get("hash", ""))

    def last(self) -> dict[str, Any] | None:
        """The entry on the last line, reading only the end of the file; None when the log is
        empty or missing, or its last line is not an entry (torn by a crash, blank, altered)."""
        data = b""
        try:
            with open(self.path, "rb") as fh:
                pos = fh.seek(0, os.SEEK_END)
                while pos > 0:
                    step = min(_TAIL_CHUNK, pos)
                    pos -= step
                    fh.seek(pos)
                    data = fh.read(step) + data
                    if b"\n" in data[:-1]:  # the line before the last newline starts after this one
                        break
        except FileNotFoundError:
            return None
        body = data[:-1] if data.endswith(b"\n") else data
        line = body[body.rfind(b"\n") + 1 :]
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def append(
        self, action: str, operator: str, details: dict[str, Any], *, at: datetime | None = None
    ) -> dict[str, Any]:
        """Append one entry and make it durable before returning it.

        The caller holds the case lock, so no other writer appends at the same time.
        """
        return self.append_many([(action, details)], operator, at=at)[0]

    def append_many(
        self, changes: list[tuple[str, dict[str, Any]]], operator: str, *, at: datetime | None = None
    ) -> list[dict[str, Any]]:
        """Append entries (action, details), chained in order, with one write and one flush to disk.

        A crash part-way leaves the first entries whole and at most a torn last line
        (cut off by :meth:`repair_torn_tail`), as for single entries.
        """
        seq, prev = self._head if self._head is not None else self.head()
        entries: list[dict[str, Any]] = []
        lines = []
        for action, details in changes:
            seq += 1
            entry = make_entry(seq, prev, action, operator, details, at)
            prev = entry["hash"]
            entries.append(entry)
            lines.append(entry_line(entry) + "\n")
        if not entries:
            return entries
        existed = self.path.exists()
        try:
            with os.fdopen(open_private(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "ab") as fh:
                size = os.fstat(fh.fileno()).st_size
                try:
                    fh.write("".join(lines).encode("utf-8"))
                    fh.flush()
                    os.fsync(fh.fileno())
                except OSError:
                    with contextlib.suppress(OSError):  # leave no half-written line behind
                        fh.truncate(size)
                    raise
        except OSError as exc:
            raise storage_error(exc, Message("writing the custody log")) from exc
        if not existed:
            fsync_dir(self.path.parent)
        self._head = (entries[-1]["seq"], entries[-1]["hash"])
        return entries

    def repair_torn_tail(self) -> bytes:
        """Cut off a last line left incomplete by a crash mid-write; return what was cut.

        Only bytes after the last newline are removed: a complete line is never touched.
        """
        try:
            with open(self.path, "rb") as fh:
                size = fh.seek(0, os.SEEK_END)
                if not size:
                    return b""
                fh.seek(size - 1)
                if fh.read(1) == b"\n":  # the usual case: only the last byte is read
                    return b""
                fh.seek(0)
                data = fh.read()
        except FileNotFoundError:
            return b""
        self._head = None
        keep = data.rfind(b"\n") + 1
        torn = data[keep:]
        with open(self.path, "r+b") as fh:
            fh.truncate(keep)
            fh.flush()
            os.fsync(fh.fileno())
        return torn

    def check(self) -> ChainReport:
        """Re-check every link of the chain."""
        return self.scan()[1]

    def scan(self) -> tuple[list[dict[str, Any]], ChainReport]:
        """Every entry that parses, and every link of the chain re-checked, in one read of the log."""
        report = ChainReport()
        entries: list[dict[str, Any]] = []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            report.problems.append(Message("custody log CUSTODY.jsonl is missing"))
            return entries, report
        lines = raw.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        return check_lines(lines)


def check_lines(lines: list[bytes]) -> tuple[list[dict[str, Any]], ChainReport]:
    """Every entry of a log's lines (without their line breaks) that parses, and every link re-checked."""
    report = ChainReport()
    entries: list[dict[str, Any]] = []
    prev = GENESIS
    for lineno, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line.decode("utf-8"))
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except (UnicodeDecodeError, ValueError):
            if line.strip():
                with contextlib.suppress(UnicodeDecodeError, ValueError):
                    entries.append(json.loads(line))  # read() keeps whatever JSON parses
            report.problems.append(Message("custody log line {lineno} is not a valid entry", lineno=lineno))
            prev = ""
            continue
        entries.append(entry)
        seq = entry.get("seq")
        if seq != lineno:
            report.problems.append(
                Message(
                    "custody log line {lineno} has sequence number {seq} (an entry was removed or inserted)",
                    lineno=lineno,
                    seq=seq,
                )
            )
        if entry.get("hash") != entry_hash(entry):
            report.problems.append(
                Message("custody log entry {seq} was altered (its hash does not match its content)", seq=seq)
            )
        if entry.get("prev") != prev:
            report.problems.append(
                Message("custody log entry {seq} does not follow the entry before it (the chain is broken)", seq=seq)
            )
        prev = str(entry.get("hash", ""))
        report.entries = lineno
        report.head_hash = prev
    return entries, report


class LogTail:
    """A custody log read again from where it was read to last: it is only ever appended to, so reading it
    again after a change costs what the change added. :meth:`read` returns what :meth:`CustodyLog.read`
    does. The entries of the log at ``path`` as read last, and where in the file they end. Used from one thread
    at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[dict[str, Any]] = []
        self.end = 0  # the bytes read, up to the end of the last whole line
        self.last = b""  # the last whole line read: still there, the log before it was not rewritten

    def read(self) -> list[dict[str, Any]]:
        """Every entry that parses, the ones read before and the ones appended since (a new list each time).
        A log rewritten since (shorter, or other bytes where the last line read was) is read whole again."""
        try:
            with open(self.path, "rb") as fh:
                if self.end:
                    fh.seek(self.end - len(self.last))
                    if fh.read(len(self.last)) != self.last:
                        self.entries, self.end, self.last = [], 0, b""
                fh.seek(self.end)
                data = fh.read()
        except FileNotFoundError:
            self.entries, self.end, self.last = [], 0, b""
            return []
        whole = data.rfind(b"\n") + 1  # a last line not ended yet is read, not counted as read
        lines = data.split(b"\n")
        entries = self.entries + [entry for line in lines[:-1] if (entry := _tail_entry(line)) is not None]
        if whole:
            self.entries = entries
            self.end += whole
            self.last = data[data.rfind(b"\n", 0, whole - 1) + 1 : whole]
        unfinished = _tail_entry(lines[-1])
        return [*entries, unfinished] if unfinished is not None else entries


def _tail_entry(line: bytes) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        entry = json.loads(line)
    except ValueError:  # JSONDecodeError, or bytes that are not UTF-8
        return None
    return entry  # type: ignore[no-any-return]
