"""Watch folders: files dropped into a case's inbox, or into a folder attached to a case, become exhibits.

A :class:`Watcher` runs on threads of its own and never blocks its caller:

- watchdog observers report file events: one native observer (inotify on Linux) with one
  recursive watch over the library's ``cases/`` folder, which serves every inbox and sees
  new cases (a watch per inbox would cost a thread and an inotify instance each; the
  events of CaseFile's own writes elsewhere in the case folders are dropped by path), a
  watch per attached folder, and a :class:`PollingObserver` for folders flagged ``poll``
  (network shares, where events do not arrive). Watching chosen cases only watches their
  inboxes one by one. Handlers only queue the event and wake the worker.
- one worker thread owns all state. It decides when a file is complete, gives the files
  that are ready to :func:`casefile.core.evidence.add_files` in one batch per case, then
  moves each ingested file to ``<folder>/.ingested/`` (or deletes it), and reports every
  arrival through ``on_result(case, AddResult)`` and every problem through
  ``on_problem(case, Message)``. Both callbacks run on the worker thread.

A file is complete when the platform reports it closed after writing (inotify's
close-after-write, or a rename into the folder); where there are no such events (polled
folders, Windows, macOS, and files found by a scan) when its size and modification time
have not changed for the settle delay. Partial downloads, office lock files and hidden or
system files are ignored. The folders are scanned when watching starts, so files that
arrived while CaseFile was closed are added too, and again every ``rescan`` seconds as a
safety net for lost events and new cases.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import queue
import stat
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
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

from casefile.core.errors import (
    BusyError,
    CancelledError,
    CaseFileError,
    InvalidValueError,
    Message,
    NotFoundError,
)
from casefile.core.evidence import SYSTEM_FILES, AddResult, add_files
from casefile.core.fsutil import storage_error
from casefile.core.library import INBOX_DIR, RECORD_NAME, Library
from casefile.core.progress import CancelToken
from casefile.core.settings import Settings

log = logging.getLogger(__name__)

# A new case folder is made under a temporary name and renamed into place; watchdog's inotify
# backend then re-adds the watches it already has for it and warns. The events are right.
warnings.filterwarnings("ignore", message="Callback with id .* already exists", category=RuntimeWarning)

INGESTED_DIR = ".ingested"
MOVE = "move"
DELETE = "delete"

# Names that browsers, download managers and office programs use while a file is not finished.
PARTIAL_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp")
# A file written under inotify that never reports its close (a hard link, lost events) is
# treated like one without close events after this long without a change.
CLOSE_WAIT_LIMIT = 300.0
# One add_files call holds the case lock and rewrites case.json once (~0.15 s for a case of
# 1,000 exhibits); arrivals are reported when it ends. Bound each call so that a thousand
# files dropped at once show up in a few steps.
BATCH_FILES = 200
BATCH_BYTES = 256 << 20
BATCH_LOG = "case %s: adding %d file(s)"

ResultCallback = Callable[[str, AddResult], None]
ProblemCallback = Callable[[str, Message], None]


@dataclass(frozen=True)
class WatchedFolder:
    """A folder whose complete files go to one case; ``poll`` for shares where events do not arrive."""

    case: str
    path: Path
    poll: bool = False
    inbox: bool = False  # the case's own inbox (always watched), not an attached folder


@dataclass(frozen=True)
class WatchOptions:
    settle: float = 2.0  # seconds that size and modification time must stay still (no close events)
    after_ingest: str = MOVE  # MOVE to <folder>/.ingested/, or DELETE
    poll_interval: float = 2.0  # seconds between looks at a polled folder
    rescan: float = 30.0  # seconds between full rescans (new cases, unavailable folders, lost events)
    retry: float = 2.0  # first wait before trying a busy case again (doubles up to ``rescan``)


def is_ignored(name: str) -> bool:
    """True for hidden and system files, partial downloads and office lock files."""
    lower = name.lower()
    return name.startswith((".", "~$")) or lower in SYSTEM_FILES or lower.endswith(PARTIAL_SUFFIXES)


def _stamp(st: os.stat_result) -> tuple[int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ino


def _hidden_by_attribute(st: os.stat_result) -> bool:
    """The hidden attribute of Windows, or the hidden flag of macOS."""
    attributes = getattr(st, "st_file_attributes", 0)
    flags = getattr(st, "st_flags", 0)
    return bool(attributes & stat.FILE_ATTRIBUTE_HIDDEN or flags & stat.UF_HIDDEN)


# ---------------------------------------------------------------------------- settings


def options_from_settings(settings: Settings) -> WatchOptions:
    after = settings.watch_after_ingest if settings.watch_after_ingest in (MOVE, DELETE) else MOVE
    if after != settings.watch_after_ingest:
        log.warning("unknown watch_after_ingest %r in the settings; moving files instead", settings.watch_after_ingest)
    settle_ms = settings.watch_settle_ms
    if isinstance(settle_ms, bool) or settle_ms < 0:
        settle_ms = Settings.watch_settle_ms
    return WatchOptions(settle=settle_ms / 1000, after_ingest=after)


def _same_path(a: str | Path, b: str | Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def attached_folders(settings: Settings, library: Library) -> list[WatchedFolder]:
    """The folders attached to this library's cases, from the settings (malformed entries are skipped)."""
    out = []
    for entry in settings.watch_folders:
        try:
            if not _same_path(entry["library"], library.root):
                continue
            out.append(WatchedFolder(str(entry["case"]), Path(entry["folder"]), bool(entry.get("poll", False))))
        except (KeyError, TypeError, ValueError):
            log.warning("ignoring a malformed watch_folders entry in the settings: %r", entry)
    return out


def attach_folder(
    settings: Settings, library: Library, number: str, folder: str | os.PathLike[str], *, poll: bool = False
) -> WatchedFolder:
    """Attach ``folder`` to a case in ``settings`` (the caller saves them); attaching again updates ``poll``."""
    case_folder = library.folder(number)
    path = Path(folder).expanduser().absolute()
    if not path.is_dir():
        raise NotFoundError("no folder at {folder}", folder=path)
    real = Path(os.path.realpath(path))
    if real.is_relative_to(os.path.realpath(library.root)):
        raise InvalidValueError(
            "{folder} is inside the library; attach a folder outside it (each case's inbox is watched already)",
            folder=path,
        )
    for entry in settings.watch_folders:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            if _same_path(entry["library"], library.root) and _same_path(entry["folder"], path):
                if entry["case"] != case_folder.number:
                    raise InvalidValueError(
                        "{folder} is already attached to case {case}", folder=path, case=entry["case"]
                    )
                entry["poll"] = poll
                return WatchedFolder(case_folder.number, path, poll)
    settings.watch_folders.append(
        {"library": str(library.root), "case": case_folder.number, "folder": str(path), "poll": poll}
    )
    return WatchedFolder(case_folder.number, path, poll)


def detach_folder(settings: Settings, library: Library, number: str, folder: str | os.PathLike[str]) -> None:
    """Remove an attachment from ``settings`` (the caller saves them)."""
    path = Path(folder).expanduser().absolute()
    number = number.strip()
    kept = []
    found = False
    for entry in settings.watch_folders:
        try:
            match = (
                _same_path(entry["library"], library.root)
                and entry["case"] == number
                and (_same_path(entry["folder"], path) or entry["folder"] == str(folder))
            )
        except (KeyError, TypeError, ValueError):
            match = False
        found = found or match
        if not match:
            kept.append(entry)
    if not found:
        raise NotFoundError("{folder} is not attached to case {case}", folder=path, case=number)
    settings.watch_folders[:] = kept


# ---------------------------------------------------------------------------- the watcher


@dataclass
class _Folder:
    spec: WatchedFolder
    key: str  # str(spec.path): the parent of every event path reported for it
    close_events: bool = False  # its observer reports close-after-write (inotify)
    polled: bool = False  # its events come from comparing listings, late by up to a polling interval
    shared: bool = False  # an inbox whose events come from the one recursive watch over cases/
    watch: ObservedWatch | None = None
    observer: BaseObserver | None = None


@dataclass
class _Pending:
    """A file seen in a watched folder and not yet added."""

    folder: _Folder
    path: Path
    seen: float  # monotonic time of the last event or observed change
    due: float  # when to look at it again
    stamp: tuple[int, int, int] | None = None  # size, mtime_ns, inode at the last look
    size: int = 0
    closed: bool = False  # closed after writing (or renamed in) since the last write
    awaiting_close: bool = False  # being written under a watch that reports closes


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: only queues the event for the worker."""

    def __init__(
        self, post: Callable[[_Folder | object | None, FileSystemEvent], None], folder: _Folder | object | None
    ) -> None:
        self._post = post
        self._folder = folder

    def dispatch(self, event: FileSystemEvent) -> None:
        self._post(self._folder, event)


class _TreeHandler(FileSystemEventHandler):
    """The recursive watch over cases/: passes on what concerns an inbox or a case folder only.

    CaseFile's own writes (evidence, the record, the custody log) are dropped here, on
    watchdog's thread, before they cost the worker anything.
    """

    def __init__(self, post: Callable[[_Folder | object | None, FileSystemEvent], None], cases_dir: Path) -> None:
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
ROUTE = object()  # queued in place of a folder: the worker finds the inbox from the event's path


class Watcher:
    """Watch the inboxes of a library's cases (all of them, or ``cases``) and attached folders.

    ``attached`` gives the attached folders; it is called again at every rescan, so a
    changed attachment takes effect without a restart. ``on_result`` and ``on_problem``
    are called on the watcher's thread; ``on_result`` after each batch is saved, so the
    case as read then holds the exhibit. Keep them quick (the GUI forwards them to its
    own thread with a signal).
    """

    def __init__(
        self,
        library: Library,
        *,
        cases: Sequence[str] | None = None,
        attached: Callable[[], Iterable[WatchedFolder]] | Iterable[WatchedFolder] = (),
        options: WatchOptions | None = None,
        on_result: ResultCallback | None = None,
        on_problem: ProblemCallback | None = None,
    ) -> None:
        self.library = library
        self.options = options or WatchOptions()
        self._cases = list(cases) if cases is not None else None
        if callable(attached):
            self._attached: Callable[[], Iterable[WatchedFolder]] = attached
        else:
            fixed = list(attached)
            self._attached = lambda: fixed
        self._on_result = on_result
        self._on_problem = on_problem
        self._events: queue.SimpleQueue[tuple[_Folder | object | None, FileSystemEvent]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cancel = CancelToken()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._native: BaseObserver | None = None
        self._native_closes = False
        self._polling: BaseObserver | None = None
        self._observing = False
        self._cases_watch: ObservedWatch | None = None
        self._tree_watch = False  # _cases_watch is the recursive watch that serves the inboxes
        self._folders: dict[str, _Folder] = {}
        self._watched: tuple[WatchedFolder, ...] = ()  # a copy of the specs, for other threads
        self._pending: dict[str, _Pending] = {}
        self._given_up: dict[str, tuple[int, int, int]] = {}  # refused or stuck files, until they change
        self._busy_until: dict[str, float] = {}
        self._failed: dict[str, str] = {}  # case -> "busy" (held by someone else) or "error" (reported)
        self._backoff: dict[str, float] = {}
        self._reported: set[tuple[str, str]] = set()
        self._cases_changed = False
        self._lost: set[str] = set()  # watched folders that were deleted or went offline
        self._next_rescan = 0.0

    # ------------------------------------------------------------------ public

    def start(self) -> None:
        """Start watching on background threads; returns at once."""
        if self._thread is not None:
            raise RuntimeError("the watcher was started already")
        self._thread = threading.Thread(target=self._run, name="casefile-watch", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the folders are watched and the first scan is done (for tests and scripts)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float | None = None) -> None:
        """Stop watching; a file being added is discarded and stays where it is for the next start."""
        self._stop.set()
        self._cancel.cancel()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def folders(self) -> list[WatchedFolder]:
        """The folders being watched now (safe from any thread)."""
        return list(self._watched)

    def run_once(self, timeout: float | None = None) -> None:
        """Add what is complete now, on the caller's thread, then return.

        Files present at the start are added once they have been still for the settle
        delay; those still changing (or whose case stays busy) after ``timeout`` (default:
        twice the settle delay plus a second) are left for the next run and reported.
        """
        if self._thread is not None:
            raise RuntimeError("the watcher is running already")
        deadline = time.monotonic() + (timeout if timeout is not None else 2 * self.options.settle + 1.0)
        try:
            self._sync_folders()
            while self._pending and not self._stop.is_set():
                self._ingest_ready()
                now = time.monotonic()
                if not self._pending or now >= deadline:
                    break
                due = min(p.due for p in self._pending.values())
                self._stop.wait(max(0.0, min(due, deadline) - now))
        except CancelledError:
            return
        for pending in sorted(self._pending.values(), key=lambda p: p.path):
            number = pending.folder.spec.case
            failed = self._failed.get(number)
            if failed == "error":
                continue  # reported already
            if failed == "busy":
                self._problem(
                    number,
                    Message(
                        "{name} is waiting: the case is in use by another CaseFile window or command",
                        name=pending.path.name,
                    ),
                )
            else:
                self._problem(
                    number,
                    Message("{name} is still being written; it is left for the next run", name=pending.path.name),
                )

    # ------------------------------------------------------------------ the worker thread

    def _run(self) -> None:
        try:
            self._open_observers()
            self._sync_folders()
        except Exception as exc:  # noqa: BLE001 - a bug must not pass silently nor kill the caller
            log.exception("watching could not start")
            self._problem("", Message("unexpected error while watching: {reason}", reason=exc))
        finally:
            self._ready.set()
        try:
            while not self._stop.is_set():
                self._wake.wait(self._wait_time())
                self._wake.clear()
                if self._stop.is_set():
                    break
                try:
                    self._step()
                except CancelledError:
                    break
                except Exception as exc:  # noqa: BLE001 - keep watching after a bug; say so once
                    log.exception("error while watching")
                    self._problem(
                        "", Message("unexpected error while watching: {reason}", reason=exc), once=f"bug:{exc!r}"
                    )
                    later = time.monotonic() + self.options.rescan  # not again at once
                    for pending in self._pending.values():
                        pending.due = max(pending.due, later)
        finally:
            self._close_observers()

    def _step(self) -> None:
        self._drain_events()
        if self._cases_changed or time.monotonic() >= self._next_rescan:
            self._sync_folders(full=time.monotonic() >= self._next_rescan)
        self._ingest_ready()

    def _wait_time(self) -> float:
        due = self._next_rescan
        for pending in self._pending.values():
            due = min(due, pending.due)
        return max(0.0, due - time.monotonic())

    # ------------------------------------------------------------------ observers

    def _open_observers(self) -> None:
        self._observing = True
        native, closes = _native_observer()
        native.start()
        self._native, self._native_closes = native, closes
        if self._cases is None:
            # One recursive watch over cases/ serves every inbox and sees new cases: one thread
            # and one inotify instance however many cases there are (a watch per inbox would
            # take a thread each, and inotify allows 128 instances per user by default).
            try:
                self._cases_watch = native.schedule(
                    _TreeHandler(self._post, self.library.cases_dir),
                    str(self.library.cases_dir),
                    recursive=True,
                    event_filter=_TREE_EVENTS,
                )
                self._tree_watch = True
            except OSError as exc:
                log.warning("each inbox is watched on its own: %s cannot be watched (%s)", self.library.cases_dir, exc)
                with contextlib.suppress(OSError):
                    self._cases_watch = native.schedule(
                        _Handler(self._post, None), str(self.library.cases_dir), event_filter=_CASE_EVENTS
                    )

    def _close_observers(self) -> None:
        for observer in (self._native, self._polling):
            if observer is None:
                continue
            with contextlib.suppress(Exception):
                observer.stop()
                observer.join()
        self._native = self._polling = None

    def _post(self, folder: _Folder | object | None, event: FileSystemEvent) -> None:
        self._events.put((folder, event))
        self._wake.set()

    def _schedule(self, folder: _Folder) -> None:
        if not self._observing:
            return
        if folder.spec.inbox and self._cases_watch is not None and self._cases is None and self._tree_watch:
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
            self._polling = PollingObserver(timeout=self.options.poll_interval)
            self._polling.start()
        folder.watch = self._polling.schedule(_Handler(self._post, folder), folder.key, event_filter=_FILE_EVENTS)
        folder.observer = self._polling
        folder.close_events = False
        folder.polled = True

    def _unschedule(self, folder: _Folder) -> None:
        if folder.shared:
            return
        if folder.observer is not None and folder.watch is not None:
            with contextlib.suppress(Exception):
                folder.observer.unschedule(folder.watch)
        folder.observer = folder.watch = None

    # ------------------------------------------------------------------ folders

    def _wanted(self) -> dict[str, WatchedFolder]:
        numbers = self._cases if self._cases is not None else self.library.case_numbers()
        existing = set(numbers) if self._cases is None else {n for n in numbers if self._case_exists(n)}
        wanted: dict[str, WatchedFolder] = {}
        for number in numbers:
            if number in existing:
                inbox = self.library.cases_dir / number / INBOX_DIR
                wanted[str(inbox)] = WatchedFolder(number, inbox, inbox=True)
        try:
            attached = list(self._attached())
        except Exception:  # noqa: BLE001 - a broken settings source must not stop the inboxes
            log.exception("cannot read the attached folders")
            attached = []
        for spec in attached:
            if self._cases is not None and spec.case not in self._cases:
                continue
            if not self._case_exists(spec.case):
                self._problem(
                    spec.case,
                    Message(
                        "the folder {folder} is attached to case {case}, which is not in this library",
                        folder=spec.path,
                        case=spec.case,
                    ),
                    once=f"no case:{spec.path}",
                )
                continue
            key = str(spec.path)
            if key in wanted and wanted[key] != spec:
                log.warning("%s is attached twice; watching it for case %s only", key, wanted[key].case)
                continue
            wanted[key] = spec
        return wanted

    def _case_exists(self, number: str) -> bool:
        return (self.library.cases_dir / number / RECORD_NAME).is_file()

    def _sync_folders(self, *, full: bool = True) -> None:
        """Watch new folders, drop gone ones; scan the new ones (all of them when ``full``)."""
        self._cases_changed = False
        if full:
            self._next_rescan = time.monotonic() + self.options.rescan
        wanted = self._wanted()
        lost, self._lost = self._lost, set()
        for key in list(self._folders):
            folder = self._folders[key]
            if key in lost or wanted.get(key) != folder.spec or not os.path.isdir(key):
                self._unschedule(folder)
                del self._folders[key]
                for path in [p for p, rec in self._pending.items() if rec.folder is folder]:
                    del self._pending[path]
        added = []
        for key, spec in wanted.items():
            if key in self._folders:
                continue
            if not os.path.isdir(key):
                if not spec.inbox:
                    self._problem(
                        spec.case,
                        Message(
                            "the folder {folder} is not available; it is watched again once it is back", folder=key
                        ),
                        once=f"unavailable:{key}",
                    )
                continue
            self._reported.discard((spec.case, f"unavailable:{key}"))
            folder = _Folder(spec, key)
            try:
                self._schedule(folder)
            except OSError as exc:
                log.warning("case %s: %s cannot be watched (%s)", spec.case, key, exc)
                continue
            self._folders[key] = folder
            added.append(folder)
            log.info("case %s: watching %s%s", spec.case, key, " (polled)" if folder.spec.poll else "")
        self._watched = tuple(f.spec for f in self._folders.values())
        for folder in self._folders.values() if full else added:
            self._scan(folder)
        for path in [p for p in self._given_up if not os.path.lexists(p)]:
            del self._given_up[path]

    def _scan(self, folder: _Folder) -> None:
        now = time.monotonic()
        try:
            with os.scandir(folder.key) as entries:
                names = [e.name for e in entries if not is_ignored(e.name)]
        except OSError as exc:
            log.warning("case %s: cannot list %s: %s", folder.spec.case, folder.key, exc)
            return
        for name in names:
            path = os.path.join(folder.key, name)
            if path in self._pending:
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue  # gone meanwhile, or a broken link
            if stat.S_ISREG(st.st_mode) and self._given_up.get(path) != _stamp(st):
                self._pending[path] = _Pending(
                    folder, Path(path), seen=now, due=now + self.options.settle, stamp=_stamp(st), size=st.st_size
                )

    # ------------------------------------------------------------------ events

    def _drain_events(self) -> None:
        while True:
            try:
                folder, event = self._events.get_nowait()
            except queue.Empty:
                return
            if folder is ROUTE:
                folder = self._route(event)
                if folder is None:
                    continue
            if folder is None:
                self._cases_changed = True
                continue
            assert isinstance(folder, _Folder)
            if self._folders.get(folder.key) is not folder:
                continue  # no longer watched
            src = os.fsdecode(event.src_path)
            kind = event.event_type
            if event.is_directory:
                if kind == EVENT_TYPE_DELETED and src == folder.key:
                    self._lost.add(folder.key)  # its watch ended: resynchronise
                    self._cases_changed = True
                continue
            if kind == EVENT_TYPE_MOVED:
                self._touch(folder, src, written=False, complete=False)
                dest = os.fsdecode(event.dest_path)
                if dest:
                    self._touch(folder, dest, written=False, complete=True)
            elif kind == EVENT_TYPE_CLOSED:
                self._touch(folder, src, written=False, complete=True)
            elif kind in (EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED):
                self._touch(folder, src, written=True, complete=False)
            elif kind == EVENT_TYPE_DELETED:
                self._touch(folder, src, written=False, complete=False)

    def _route(self, event: FileSystemEvent) -> _Folder | None:
        """The inbox an event under cases/ concerns; marks new or removed cases; None to drop it."""
        cases = str(self.library.cases_dir)
        paths = [os.fsdecode(event.src_path)]
        if event.event_type == EVENT_TYPE_MOVED and event.dest_path:
            paths.insert(0, os.fsdecode(event.dest_path))
        for path in paths:
            folder = self._folders.get(path if event.is_directory else os.path.dirname(path))
            if folder is not None and folder.shared:
                return folder
        if event.is_directory and any(os.path.dirname(p) == cases for p in paths):
            self._cases_changed = True  # a case folder came, went or was renamed
        elif event.is_directory and any(os.path.basename(p) == INBOX_DIR for p in paths):
            self._cases_changed = True  # an inbox was made (or put back) in a case folder
        return None  # evidence, bundles, the record: CaseFile's own writes

    def _touch(self, folder: _Folder, path: str, *, written: bool, complete: bool) -> None:
        """Note an event for ``path``: written to, complete (closed or renamed in), or maybe gone."""
        if not path or os.path.dirname(path) != folder.key or is_ignored(os.path.basename(path)):
            return
        now = time.monotonic()
        pending = self._pending.get(path)
        new = pending is None
        if pending is None:
            if not (written or complete):
                return  # gone, and never seen
            try:
                st = os.stat(path)  # the first look, to compare the next ones with
            except OSError:
                return
            pending = _Pending(folder, Path(path), seen=now, due=now, stamp=_stamp(st), size=st.st_size)
            self._pending[path] = pending
        if written and folder.polled and not new:
            # A polled change is reported late: if this file is as it was at the last look,
            # that look already counted the change.
            try:
                st = os.stat(path)
            except OSError:
                return
            if _stamp(st) == pending.stamp:
                return
        if written:
            pending.seen = now
            pending.closed = False
            pending.awaiting_close = folder.close_events
            pending.due = now + (CLOSE_WAIT_LIMIT if folder.close_events else self.options.settle)
        elif complete:
            pending.seen = now
            if folder.close_events:
                pending.closed = True
                pending.due = now
            else:
                pending.due = now + self.options.settle
        else:
            pending.due = min(pending.due, now)  # look whether it is still there

    # ------------------------------------------------------------------ deciding

    def _look(self, pending: _Pending, now: float) -> bool:
        """Whether ``pending`` is complete now; updates when to look again, drops it when gone."""
        key = str(pending.path)
        try:
            st = os.stat(key)
        except OSError:
            del self._pending[key]
            return False
        if not stat.S_ISREG(st.st_mode) or _hidden_by_attribute(st):
            del self._pending[key]
            return False
        stamp = _stamp(st)
        if self._given_up.get(key) == stamp:
            del self._pending[key]
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
        if now - pending.seen >= self.options.settle:
            return True
        pending.due = pending.seen + self.options.settle
        return False

    def _ingest_ready(self) -> None:
        now = time.monotonic()
        ready: dict[str, list[_Pending]] = {}
        for pending in list(self._pending.values()):
            if pending.due > now:
                continue
            number = pending.folder.spec.case
            busy = self._busy_until.get(number, 0.0)
            if busy > now:
                pending.due = busy
                continue
            if self._look(pending, now):
                ready.setdefault(number, []).append(pending)
        for number, batch in ready.items():
            batch.sort(key=lambda p: p.path.name)
            while batch and not self._stop.is_set():
                part: list[_Pending] = []
                size = 0
                while batch and len(part) < BATCH_FILES and (not part or size + batch[0].size <= BATCH_BYTES):
                    size += batch[0].size
                    part.append(batch.pop(0))
                if not self._ingest(number, part):
                    for pending in batch:
                        pending.due = max(pending.due, self._busy_until.get(number, now))
                    break

    def _hold_off(self, number: str, batch: list[_Pending]) -> None:
        delay = min(
            max(self.options.retry, 2 * self._backoff.get(number, 0.0)), max(self.options.rescan, self.options.retry)
        )
        self._backoff[number] = delay
        until = time.monotonic() + delay
        self._busy_until[number] = until
        for pending in batch:
            if str(pending.path) in self._pending:
                pending.due = until

    # ------------------------------------------------------------------ ingesting

    def _ingest(self, number: str, batch: list[_Pending]) -> bool:
        """Add one batch to a case; False when the case is busy or failed (the rest wait)."""
        log.debug(BATCH_LOG, number, len(batch))
        by_path = {p.path: p for p in batch}
        arrived: list[AddResult] = []
        try:
            # Never wait for a case another window, command or watcher holds: try again later.
            for item in add_files(self.library, number, [p.path for p in batch], cancel=self._cancel, wait=0):
                if isinstance(item, AddResult):
                    pending = by_path.pop(item.path, None)
                    if pending is not None and self._arrived(number, pending, item):
                        arrived.append(item)
        except CancelledError:
            raise
        except BusyError:
            log.info("case %s is in use; %d file(s) wait", number, len(batch))
            self._failed[number] = "busy"
            self._hold_off(number, batch)
            return False
        except NotFoundError as exc:
            log.warning("case %s: %s", number, exc)
            self._cases_changed = True
            self._hold_off(number, list(by_path.values()))
            return False
        except (CaseFileError, OSError) as exc:
            message = (
                exc.message
                if isinstance(exc, CaseFileError)
                else storage_error(exc, Message("adding {name}", name=batch[0].path.name)).message
            )
            log.warning("case %s: files wait: %s", number, message)
            self._failed[number] = "error"
            self._problem(number, message, once=f"ingest:{message}")
            self._hold_off(number, list(by_path.values()))
            return False
        finally:
            # Reported once add_files has written case.json and the index: what a callback
            # reads then includes these exhibits.
            for result in arrived:
                self._report(number, result)
        self._backoff.pop(number, None)
        self._busy_until.pop(number, None)
        self._failed.pop(number, None)
        self._reported = {r for r in self._reported if r[0] != number or not r[1].startswith("ingest:")}
        return True

    def _arrived(self, number: str, pending: _Pending, result: AddResult) -> bool:
        """Clear an added file from its folder; whether ``result`` is to be reported."""
        key = str(pending.path)
        if result.exhibit is not None or result.duplicate_of is not None:
            self._pending.pop(key, None)
            if result.exhibit is not None:
                log.info("case %s: exhibit %d from %s", number, result.exhibit.number, key)
            else:
                log.info("case %s: %s is a duplicate of exhibit %s", number, key, result.duplicate_of)
            self._clear(number, pending)
            return True
        try:
            st = os.stat(key)
        except OSError:
            # Taken by another watcher (or deleted) before it could be read: not an error.
            log.info("case %s: %s was gone before it could be added", number, key)
            self._pending.pop(key, None)
            return False
        stamp = _stamp(st)
        if stamp != pending.stamp:
            # Changed while it was read: try again once it settles (a writer still at work sends
            # write events, queued meanwhile, that make it wait for the close again).
            log.info("case %s: %s changed while it was read; trying again once it settles", number, key)
            now = time.monotonic()
            pending.stamp, pending.size, pending.seen, pending.due = stamp, st.st_size, now, now + self.options.settle
            pending.closed = pending.awaiting_close = False
            return False
        log.warning("case %s: %s refused: %s", number, key, result.refused or result.skipped)
        self._pending.pop(key, None)
        self._given_up[key] = stamp
        return True

    def _clear(self, number: str, pending: _Pending) -> None:
        """Take an added file out of the watched folder: into .ingested/, or deleted."""
        try:
            if self.options.after_ingest == DELETE:
                os.remove(pending.path)
            else:
                move_aside(pending.path, pending.path.parent / INGESTED_DIR)
        except FileNotFoundError:
            pass  # another watcher took it
        except OSError as exc:
            if pending.stamp is not None:
                self._given_up[str(pending.path)] = pending.stamp
            self._problem(
                number,
                Message(
                    "{name} is in the case now, but it could not be cleared from the watched folder: {reason}",
                    name=pending.path.name,
                    reason=exc.strerror or exc,
                ),
            )

    # ------------------------------------------------------------------ reporting

    def _report(self, number: str, result: AddResult) -> None:
        if self._on_result is None:
            return
        try:
            self._on_result(number, result)
        except Exception:  # noqa: BLE001 - a failing callback must not stop the watcher
            log.exception("on_result callback failed")

    def _problem(self, number: str, message: Message, *, once: str = "") -> None:
        """Report a problem; with a ``once`` key, only until that key is cleared from ``_reported``."""
        if once:
            if (number, once) in self._reported:
                return
            self._reported.add((number, once))
        log.warning("%s%s", f"case {number}: " if number else "", message)
        if self._on_problem is None:
            return
        try:
            self._on_problem(number, message)
        except Exception:  # noqa: BLE001 - a failing callback must not stop the watcher
            log.exception("on_problem callback failed")


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


def move_aside(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder`` under its own name, or with ``~2``, ``~3``... when taken; never overwrite."""
    folder.mkdir(exist_ok=True)
    stem, dot, ext = path.name.rpartition(".")
    if not stem:
        stem, dot, ext = path.name, "", ""
    n = 1
    while True:
        target = folder / (path.name if n == 1 else f"{stem}~{n}{dot}{ext}")
        n += 1
        if os.name == "nt":
            try:
                os.rename(path, target)  # refuses to replace an existing file on Windows
                return target
            except FileExistsError:
                continue
        try:
            if path.is_symlink():
                raise OSError(errno.ENOTSUP, "a link is moved, not linked")
            os.link(path, target)  # fails if the name is taken; no rename event to wait for
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                raise
            if os.path.lexists(target):  # a file system without hard links (FAT, some shares)
                continue
            os.rename(path, target)
            return target
        os.remove(path)
        return target
