"""The watchdog observers of a watcher, and the handlers that pass their events on.

One native observer (inotify on Linux) holds one recursive watch over the library's
``cases/`` folder, which serves every inbox and sees new cases (a watch per inbox would
cost a thread and an inotify instance each; the events of CaseFile's own writes elsewhere
in the case folders are dropped by path, on watchdog's thread), and a watch per attached
folder. Folders flagged ``poll`` (network shares, where events do not arrive), and folders
the native observer cannot take, get a :class:`PollingObserver`. Handlers only queue the
event for the worker.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from casefile.core.library import INBOX_DIR
from casefile.core.watch.attachments import WatchedFolder

log = logging.getLogger(__name__)

# A new case folder is made under a temporary name and renamed into place; watchdog's inotify
# backend then re-adds the watches it already has for it and warns. The events are right.
warnings.filterwarnings("ignore", message="Callback with id .* already exists", category=RuntimeWarning)

ROUTE = object()  # queued in place of a folder: the worker finds the inbox from the event's path


@dataclass
class Folder:
    """A folder being watched, and how its events arrive."""

    spec: WatchedFolder
    key: str  # str(spec.path): the parent of every event path reported for it
    close_events: bool = False  # its observer reports close-after-write (inotify)
    polled: bool = False  # its events come from comparing listings, late by up to a polling interval
    shared: bool = False  # an inbox whose events come from the one recursive watch over cases/
    watch: ObservedWatch | None = None
    observer: BaseObserver | None = None
    listed: tuple[int, int] | None = None  # the folder's (inode, mtime) when last listed in full, if settled
    # An attached folder's (device, inode) when last checked against the library's own folders,
    # and why it is the library's (a case's evidence folder reached by another path), if it is.
    identity: tuple[int, int] | None = None
    refusal: str | None = None


# What a handler queues with an event: the Folder it is for, ROUTE (an event under cases/ for
# the worker to place), or None (the cases folder changed: a case came or went).
Post = Callable[[Folder | object | None, FileSystemEvent], None]


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: only queues the event for the worker."""

    def __init__(self, post: Post, folder: Folder | object | None) -> None:
        self._post = post
        self._folder = folder

    def dispatch(self, event: FileSystemEvent) -> None:
        self._post(self._folder, event)


class _TreeHandler(FileSystemEventHandler):
    """The recursive watch over cases/: passes on what concerns an inbox or a case folder only.

    CaseFile's own writes (evidence, the record, the custody log) are dropped here, on
    watchdog's thread, before they cost the worker anything.
    """

    def __init__(self, post: Post, cases_dir: Path) -> None:
        self._post = post
        self._cases = str(cases_dir)

    def dispatch(self, event: FileSystemEvent) -> None:
        for raw in (event.src_path, event.dest_path):
            if not raw:
                continue
            path = os.fsdecode(raw)
            parent = os.path.dirname(path)
            if os.path.basename(parent) == INBOX_DIR or (
                event.is_directory and (parent == self._cases or os.path.basename(path) == INBOX_DIR)
            ):
                self._post(ROUTE, event)
                return


_FILE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirDeletedEvent,
]
_CASE_EVENTS: list[type[FileSystemEvent]] = [DirCreatedEvent, DirMovedEvent]
# Over the whole tree, "modified" is left out: CaseFile's own writes would flood the queue with
# it, and an inbox file needs none (created, then closed; or a changed size or time at the next look).
_TREE_EVENTS: list[type[FileSystemEvent]] = [
    *(e for e in _FILE_EVENTS if e is not FileModifiedEvent),
    DirCreatedEvent,
    DirMovedEvent,
]


class Observers:
    """Starts, feeds and stops a watcher's observers; until :meth:`open`, nothing is observed."""

    def __init__(self, post: Post, *, poll_interval: float) -> None:
        self._post = post
        self._poll_interval = poll_interval
        self._native: BaseObserver | None = None
        self._native_closes = False
        self._polling: BaseObserver | None = None
        self._opened = False
        self._tree_watch = False  # one recursive watch over cases/ serves the inboxes

    def open(self, cases_dir: Path, *, every_case: bool) -> None:
        """Start the native observer; for ``every_case``, watch ``cases_dir`` for inboxes and new cases.

        Watching chosen cases only watches their inboxes one by one.
        """
        self._opened = True
        native, closes = _native_observer()
        native.start()
        self._native, self._native_closes = native, closes
        if not every_case:
            return
        # One recursive watch over cases/ serves every inbox and sees new cases: one thread
        # and one inotify instance however many cases there are (a watch per inbox would
        # take a thread each, and inotify allows 128 instances per user by default).
        try:
            native.schedule(
                _TreeHandler(self._post, cases_dir), str(cases_dir), recursive=True, event_filter=_TREE_EVENTS
            )
            self._tree_watch = True
        except OSError as exc:
            log.warning("each inbox is watched on its own: %s cannot be watched (%s)", cases_dir, exc)
            with contextlib.suppress(OSError):
                native.schedule(_Handler(self._post, None), str(cases_dir), event_filter=_CASE_EVENTS)

    def close(self) -> None:
        for observer in (self._native, self._polling):
            if observer is None:
                continue
            with contextlib.suppress(Exception):
                observer.stop()
                observer.join()
        self._native = self._polling = None

    def schedule(self, folder: Folder) -> None:
        """Watch ``folder``: natively where possible, else by polling; sets how its events arrive."""
        if not self._opened:
            return
        if folder.spec.inbox and self._tree_watch:
            folder.shared = True
            folder.close_events = self._native_closes
            return
        if not folder.spec.poll and self._native is not None:
            try:
                folder.watch = self._native.schedule(
                    _Handler(self._post, folder), folder.key, event_filter=_FILE_EVENTS
                )
                folder.observer = self._native
                folder.close_events = self._native_closes
                return
            except OSError as exc:  # e.g. the inotify watch limit: poll this one instead
                log.warning("case %s: %s cannot be watched (%s); polling it instead", folder.spec.case, folder.key, exc)
        if self._polling is None:
            self._polling = PollingObserver(timeout=self._poll_interval)
            self._polling.start()
        folder.watch = self._polling.schedule(_Handler(self._post, folder), folder.key, event_filter=_FILE_EVENTS)
        folder.observer = self._polling
        folder.close_events = False
        folder.polled = True

    def unschedule(self, folder: Folder) -> None:
        if folder.shared:
            return
        if folder.observer is not None and folder.watch is not None:
            with contextlib.suppress(Exception):
                folder.observer.unschedule(folder.watch)
        folder.observer = folder.watch = None


def _native_observer() -> tuple[BaseObserver, bool]:
    """The platform's observer, and whether it reports close-after-write."""
    if sys.platform.startswith("linux"):
        try:
            from watchdog.observers.inotify import InotifyObserver

            # Full events: a file moved in from elsewhere is a move (complete), not a creation.
            return InotifyObserver(generate_full_events=True), True
        except Exception as exc:  # noqa: BLE001 - no inotify (limits, odd libc): poll instead
            log.warning("inotify is not available (%s); polling the watched folders", exc)
            return PollingObserver(), False
    from watchdog.observers import Observer

    observer: Any = Observer()
    return observer, False
