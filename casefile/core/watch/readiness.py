"""Deciding when a file in a watched folder is complete, and which files to leave alone.

A file is complete when the platform reports it closed after writing (inotify's
close-after-write, or a rename into the folder); where there are no such events (polled
folders, Windows, macOS, and files found by a scan) when its size, modification time and
inode have not changed for the settle delay. Partial downloads, office lock files and
hidden or system files are ignored.

:class:`Readiness` keeps the files seen and not yet added. It reads the time from a
:class:`Clock` it is given (the real one by default), so that tests can move time on
instead of waiting for it.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from casefile.core.evidence import SYSTEM_FILES
from casefile.core.fsutil import is_link, lstat_is_link

# Names that browsers, download managers and office programs use while a file is not finished.
PARTIAL_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp")
# A file written under inotify that never reports its close (a hard link, lost events) is
# treated like one without close events after this long without a change.
CLOSE_WAIT_LIMIT = 300.0

Stamp = tuple[int, int, int]  # size, mtime_ns, inode


class Clock(Protocol):
    """Where the time comes from: seconds that only go forward."""

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK = SystemClock()


class Source(Protocol):
    """What readiness needs to know about the folder a file is in."""

    @property
    def close_events(self) -> bool: ...  # its watch reports close-after-write (inotify)

    @property
    def polled(self) -> bool: ...  # its events come from comparing listings, late by up to a polling interval


F = TypeVar("F", bound=Source)


def is_ignored(name: str) -> bool:
    """True for hidden and system files, partial downloads and office lock files."""
    lower = name.lower()
    return name.startswith((".", "~$")) or lower in SYSTEM_FILES or lower.endswith(PARTIAL_SUFFIXES)


def stamp_of(st: os.stat_result) -> Stamp:
    return st.st_size, st.st_mtime_ns, st.st_ino


def held_stamp(path: str | os.PathLike[str], st: os.stat_result) -> Stamp:
    """What a file left alone until it changes is compared with: ``st`` (its own stat), or for
    a link the link itself, whose target (a log, another program's file) may change at any time.
    """
    try:
        lst = os.lstat(path)
    except OSError:
        return stamp_of(st)
    return stamp_of(lst) if lstat_is_link(lst) else stamp_of(st)


def hidden_by_attribute(st: os.stat_result) -> bool:
    """The hidden attribute of Windows, or the hidden flag of macOS."""
    attributes = getattr(st, "st_file_attributes", 0)
    flags = getattr(st, "st_flags", 0)
    return bool(attributes & stat.FILE_ATTRIBUTE_HIDDEN or flags & stat.UF_HIDDEN)


@dataclass
class Pending(Generic[F]):
    """A file seen in a watched folder and not yet added."""

    folder: F
    path: Path
    seen: float  # clock time of the last event or observed change
    due: float  # when to look at it again
    stamp: Stamp | None = None  # size, mtime_ns, inode at the last look
    size: int = 0
    closed: bool = False  # closed after writing (or renamed in) since the last write
    awaiting_close: bool = False  # being written under a watch that reports closes


class Readiness(Generic[F]):
    """The files seen and not yet added, and the files given up on until they change.

    Keyed by the file's path as a string. Not thread-safe: one thread (the watcher's
    worker) owns it.
    """

    def __init__(self, settle: float, clock: Clock = SYSTEM_CLOCK) -> None:
        self.settle = settle
        self.clock = clock
        self.pending: dict[str, Pending[F]] = {}
        self._given_up: dict[str, Stamp] = {}  # refused or stuck files, until they change

    def __len__(self) -> int:
        return len(self.pending)

    def __iter__(self) -> Iterator[Pending[F]]:
        return iter(list(self.pending.values()))

    # ------------------------------------------------------------------ what was seen

    def note(self, folder: F, path: str, *, written: bool, complete: bool) -> None:
        """An event for ``path``: written to, complete (closed or renamed in), or maybe gone."""
        if not path or is_ignored(os.path.basename(path)):
            return
        if written and is_link(path):
            written, complete = False, True  # a link is made whole at once: no close to wait for
        now = self.clock.monotonic()
        pending = self.pending.get(path)
        new = pending is None
        if pending is None:
            if not (written or complete):
                return  # gone, and never seen
            try:
                st = os.stat(path)  # the first look, to compare the next ones with
            except OSError:
                return
            pending = Pending(folder, Path(path), seen=now, due=now, stamp=stamp_of(st), size=st.st_size)
            self.pending[path] = pending
        if written and folder.polled and not new:
            # A polled change is reported late: if this file is as it was at the last look,
            # that look already counted the change.
            try:
                st = os.stat(path)
            except OSError:
                return
            if stamp_of(st) == pending.stamp:
                return
        if written:
            pending.seen = now
            pending.closed = False
            pending.awaiting_close = folder.close_events
            pending.due = now + (CLOSE_WAIT_LIMIT if folder.close_events else self.settle)
        elif complete:
            pending.seen = now
            if folder.close_events:
                pending.closed = True
                pending.due = now
            else:
                pending.due = now + self.settle
        else:
            pending.due = min(pending.due, now)  # look whether it is still there

    def found(self, folder: F, path: str) -> None:
        """A file found by listing its folder: complete once it has been still for the settle delay."""
        if path in self.pending or is_ignored(os.path.basename(path)):
            return
        try:
            st = os.stat(path)
        except OSError:
            return  # gone meanwhile, or a broken link
        if stat.S_ISREG(st.st_mode) and self._given_up.get(path) != held_stamp(path, st):
            now = self.clock.monotonic()
            self.pending[path] = Pending(
                folder, Path(path), seen=now, due=now + self.settle, stamp=stamp_of(st), size=st.st_size
            )

    # ------------------------------------------------------------------ deciding

    def due(self) -> list[Pending[F]]:
        """The files to look at now."""
        now = self.clock.monotonic()
        return [p for p in self.pending.values() if p.due <= now]

    def next_due(self, limit: float) -> float:
        """When the next file is to be looked at; ``limit`` when that is later or nothing is pending."""
        return min([limit, *(p.due for p in self.pending.values())])

    def is_complete(self, pending: Pending[F]) -> bool:
        """Whether ``pending`` is complete now; updates when to look again, drops it when gone."""
        now = self.clock.monotonic()
        key = str(pending.path)
        try:
            st = os.stat(key)
        except OSError:
            del self.pending[key]
            return False
        if not stat.S_ISREG(st.st_mode) or hidden_by_attribute(st):
            del self.pending[key]
            return False
        stamp = stamp_of(st)
        if self._given_up.get(key) == held_stamp(key, st):
            del self.pending[key]
            return False
        self._given_up.pop(key, None)
        changed = stamp != pending.stamp
        pending.stamp = stamp
        pending.size = st.st_size
        if pending.closed:
            return True
        if pending.awaiting_close and now - pending.seen < CLOSE_WAIT_LIMIT:
            pending.due = pending.seen + CLOSE_WAIT_LIMIT
            return False
        if changed:
            pending.seen = now
        if now - pending.seen >= self.settle:
            return True
        pending.due = pending.seen + self.settle
        return False

    def changed_while_read(self, pending: Pending[F], st: os.stat_result) -> None:
        """``pending`` changed while it was being added: complete again once it settles.

        A writer still at work sends write events, queued meanwhile, that make it wait for
        the close again.
        """
        now = self.clock.monotonic()
        pending.stamp, pending.size, pending.seen, pending.due = stamp_of(st), st.st_size, now, now + self.settle
        pending.closed = pending.awaiting_close = False

    def postpone(self, pending: Pending[F], until: float) -> None:
        """Look at ``pending`` again no sooner than ``until`` (a busy case, a failed attempt)."""
        if str(pending.path) in self.pending:
            pending.due = max(pending.due, until)

    # ------------------------------------------------------------------ forgetting

    def done(self, path: Path | str) -> None:
        """The file was added (or is gone): no longer pending."""
        self.pending.pop(str(path), None)

    def give_up(self, path: Path | str, stamp: Stamp) -> None:
        """Leave this file alone until it changes (refused, or added but not cleared away)."""
        self.pending.pop(str(path), None)
        self._given_up[str(path)] = stamp

    def drop_folder(self, folder: F) -> None:
        """Forget the files of a folder that is no longer watched."""
        for path in [p for p, rec in self.pending.items() if rec.folder is folder]:
            del self.pending[path]

    def given_up_folders(self) -> set[str]:
        """The folders holding files left alone until they change (a rescan must look at those)."""
        return {os.path.dirname(p) for p in self._given_up}

    def forget_missing(self) -> None:
        """Forget the given-up files that are no longer there."""
        for path in [p for p in self._given_up if not os.path.lexists(p)]:
            del self._given_up[path]
