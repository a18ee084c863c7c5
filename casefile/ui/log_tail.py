"""A case's custody log read again from where it was read to last.

The log is only ever appended to, so reading it again after a change costs what the change added, not the
thousands of entries of a big case. What is returned is what :meth:`casefile.core.custody.CustodyLog.read`
returns: every entry that parses, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class LogTail:
    """The entries of the log at ``path`` as read last, and where in the file they end. Used from one thread
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
        entries = self.entries + [entry for line in lines[:-1] if (entry := _entry(line)) is not None]
        if whole:
            self.entries = entries
            self.end += whole
            self.last = data[data.rfind(b"\n", 0, whole - 1) + 1 : whole]
        unfinished = _entry(lines[-1])
        return [*entries, unfinished] if unfinished is not None else entries


def _entry(line: bytes) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        entry = json.loads(line)
    except ValueError:  # JSONDecodeError, or bytes that are not UTF-8
        return None
    return entry  # type: ignore[no-any-return]
