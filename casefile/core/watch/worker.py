"""The watcher: one worker thread that turns complete files in watched folders into exhibits.

The worker owns all state. It drains the events the observers queue, decides with
:mod:`~casefile.core.watch.readiness` which files are complete, gives the files that are
ready to :func:`casefile.core.evidence.add_files` in one batch per case (never waiting for
a case that someone else holds: it tries again later), clears each added file out of its
folder (:mod:`~casefile.core.watch.disposal`), and reports every arrival through
``on_result(case, AddResult)`` and every problem through ``on_problem(case, Message)``.
Both callbacks run on the worker thread.

The folders are scanned when watching starts, so files that arrived while CaseFile was
closed are added too. Every ``rescan`` seconds a safety net for lost events and new cases
looks again, at what changed only: the case list when the cases folder changed, a folder
when its modification time moved (the inboxes under the recursive watch every
``INBOX_LOOK_EVERY`` rescans), so that an idle library of 10,000 cases costs next to nothing.
"""

from __future__ import annotations

import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
)

from casefile.core.errors import (
    BusyError,
    CancelledError,
    CaseFileError,
    Message,
    NotFoundError,
    SystemReason,
)
from casefile.core.evidence import AddResult, add_files
from casefile.core.fsutil import is_link, storage_error
from casefile.core.library import INBOX_DIR, RECORD_NAME, Library
from casefile.core.progress import CancelToken
from casefile.core.settings import Settings
from casefile.core.watch.attachments import Identity, WatchedFolder, library_folders, library_overlap
from casefile.core.watch.disposal import DELETE, MOVE, dispose
from casefile.core.watch.observers import ROUTE, Folder, Observers
from casefile.core.watch.readiness import SYSTEM_CLOCK, Pending, Readiness, held_stamp, stamp_of

log = logging.getLogger(__name__)

# One add_files call holds the case lock and rewrites case.json once (~0.15 s for a case of
# 1,000 exhibits); arrivals are reported when it ends. Bound each call so that a thousand
# files dropped at once show up in a few steps.
BATCH_FILES = 200
BATCH_BYTES = 256 << 20
BATCH_LOG = "case %s: adding %d file(s)"

# The periodic rescan looks at the inboxes served by the recursive watch over cases/ (a stat
# each: 10,000 of them on a big library) only every this many times; attached and polled
# folders, and the list of cases, at every rescan.
INBOX_LOOK_EVERY = 10

# Seconds for which a listing of the library's own folders serves further checks of attached folders.
_KNOWN_FOLDERS_FOR = 5.0

T = TypeVar("T")
ResultCallback = Callable[[str, AddResult], None]
ProblemCallback = Callable[[str, Message], None]


@dataclass(frozen=True)
class WatchOptions:
    settle: float = 2.0  # seconds that size and modification time must stay still (no close events)
    after_ingest: str = MOVE  # MOVE to <folder>/.ingested/, or DELETE
    poll_interval: float = 2.0  # seconds between looks at a polled folder
    rescan: float = 30.0  # seconds between full rescans (new cases, unavailable folders, lost events)
    retry: float = 2.0  # first wait before trying a busy case again (doubles up to ``rescan``)


def options_from_settings(settings: Settings) -> WatchOptions:
    after = settings.watch_after_ingest if settings.watch_after_ingest in (MOVE, DELETE) else MOVE
    if after != settings.watch_after_ingest:
        log.warning("unknown watch_after_ingest %r in the settings; moving files instead", settings.watch_after_ingest)
    settle_ms = settings.watch_settle_ms
    if isinstance(settle_ms, bool) or settle_ms < 0:
        settle_ms = Settings.watch_settle_ms
    return WatchOptions(settle=settle_ms / 1000, after_ingest=after)


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
        self._last_attached: list[WatchedFolder] = []  # kept while the list cannot be read
        self._on_result = on_result
        self._on_problem = on_problem
        self._clock = SYSTEM_CLOCK
        self._events: queue.SimpleQueue[tuple[Folder | object | None, FileSystemEvent]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cancel = CancelToken()
        self._ready = threading.Event()
        self._idle_asked: queue.SimpleQueue[threading.Event] = queue.SimpleQueue()
        self._idle_waiting: list[threading.Event] = []
        self._thread: threading.Thread | None = None
        self._observers = Observers(self._post, poll_interval=self.options.poll_interval)
        self._folders: dict[str, Folder] = {}
        self._watched: tuple[WatchedFolder, ...] = ()  # a copy of the specs, for other threads
        self._files: Readiness[Folder] = Readiness(self.options.settle, self._clock)
        self._busy_until: dict[str, float] = {}
        self._failed: dict[str, str] = {}  # case -> "busy" (held by someone else) or "error" (reported)
        self._backoff: dict[str, float] = {}
        self._reported: set[tuple[str, str]] = set()
        self._cases_changed = False
        self._lost: set[str] = set()  # watched folders that were deleted or went offline
        self._next_rescan = 0.0
        self._quiet_rescans = 0  # periodic rescans that were not asked for and found no case come or go
        # The case folders as last listed, with the (inode, mtime) of cases/ then: an idle rescan
        # of a big library lists it again only when it changed (a case came, went or was renamed).
        self._numbers: tuple[tuple[int, int] | None, list[str]] = (None, [])
        self._last_wanted: tuple[list[str], list[WatchedFolder], dict[str, WatchedFolder]] | None = None
        self.scans = 0  # folders listed in full so far (for tests and benchmarks)
        # The library's own folders by identity, and when they were listed.
        self._known_folders: tuple[float, dict[Identity, str]] = (float("-inf"), {})

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

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every file in the watched folders has been dealt with (for tests and scripts).

        Asks for a full rescan; True once one begun after this call is done and no file is
        left waiting (each was added, refused, or is left alone until it changes); False
        after ``timeout`` (a file still being written, a case that stays busy).
        """
        if self._thread is None:
            raise RuntimeError("the watcher is not running")
        idle = threading.Event()
        self._idle_asked.put(idle)
        self._wake.set()
        return idle.wait(timeout)

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
        deadline = self._clock.monotonic() + (timeout if timeout is not None else 2 * self.options.settle + 1.0)
        try:
            self._sync_folders()
            while self._files and not self._stop.is_set():
                began = self._clock.monotonic()
                self._ingest_ready()
                now = self._clock.monotonic()
                # The time spent adding files is not time spent waiting for the others to settle: a file that
                # was still all along is not "still being written" because adding the ones before it took long.
                deadline += now - began
                if not self._files or now >= deadline:
                    break
                self._stop.wait(max(0.0, self._files.next_due(deadline) - now))
        except CancelledError:
            return
        for pending in sorted(self._files, key=lambda p: p.path):
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
            self._observers.open(self.library.cases_dir, every_case=self._cases is None)
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
                    later = self._clock.monotonic() + self.options.rescan  # not again at once
                    for pending in self._files:
                        self._files.postpone(pending, later)
        finally:
            self._observers.close()

    def _step(self) -> None:
        asked: list[threading.Event] = []
        while True:
            try:
                asked.append(self._idle_asked.get_nowait())
            except queue.Empty:
                break
        self._drain_events()
        due = self._clock.monotonic() >= self._next_rescan
        if asked or self._cases_changed or due:
            # The periodic rescan is a safety net for lost events: it lists again only the folders
            # that changed since they were last listed; one asked for (wait_idle) lists them all.
            changed_only = due and not asked and not self._cases_changed
            if changed_only:
                self._quiet_rescans += 1
            self._sync_folders(
                full=bool(asked) or due,
                changed_only=changed_only,
                inboxes=not changed_only or self._quiet_rescans % INBOX_LOOK_EVERY == 0,
            )
        self._idle_waiting += asked
        self._ingest_ready()
        if self._idle_waiting and not self._files and self._events.empty():
            for idle in self._idle_waiting:
                idle.set()
            self._idle_waiting.clear()

    def _wait_time(self) -> float:
        return max(0.0, self._files.next_due(self._next_rescan) - self._clock.monotonic())

    def _post(self, folder: Folder | object | None, event: FileSystemEvent) -> None:
        self._events.put((folder, event))
        self._wake.set()

    # ------------------------------------------------------------------ folders

    def _case_numbers(self, *, changed_only: bool) -> list[str]:
        """The library's case folders; with ``changed_only``, the last listing while cases/ is unchanged."""
        stamp = _settled_stamp(self.library.cases_dir)
        last, numbers = self._numbers
        if changed_only and stamp is not None and stamp == last:
            return numbers
        numbers = self.library.case_numbers()
        self._numbers = (stamp, numbers)
        return numbers

    def _wanted(self, *, changed_only: bool = False) -> dict[str, WatchedFolder]:
        numbers = self._cases if self._cases is not None else self._case_numbers(changed_only=changed_only)
        attached = self._attached_now()
        last = self._last_wanted
        if changed_only and self._cases is None and last is not None and last[0] is numbers and last[1] == attached:
            return last[2]  # nothing came or went: the same folders
        wanted = self._wanted_of(numbers, attached)
        self._last_wanted = (numbers, attached, wanted)
        return wanted

    def _wanted_of(self, numbers: list[str], attached: list[WatchedFolder]) -> dict[str, WatchedFolder]:
        existing = set(numbers) if self._cases is None else {n for n in numbers if self._case_exists(n)}
        wanted: dict[str, WatchedFolder] = {}
        for number in numbers:
            if number in existing:
                inbox = self.library.cases_dir / number / INBOX_DIR
                wanted[str(inbox)] = WatchedFolder(number, inbox, inbox=True)
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

    def _attached_now(self) -> list[WatchedFolder]:
        """The attached folders; the last ones read while the list cannot be read (said once)."""
        try:
            attached = list(self._attached())
        except CaseFileError as exc:  # a damaged list, or one from a newer CaseFile: the inboxes go on
            self._problem("", exc.message, once=f"attachments:{exc.message}")
            return self._last_attached
        except Exception:  # noqa: BLE001 - a broken source of attachments must not stop the inboxes
            log.exception("cannot read the attached folders")
            return self._last_attached
        self._reported = {r for r in self._reported if r[0] or not r[1].startswith("attachments:")}
        self._last_attached = attached
        return attached

    def _case_exists(self, number: str) -> bool:
        return (self.library.cases_dir / number / RECORD_NAME).is_file()

    def _sync_folders(self, *, full: bool = True, changed_only: bool = False, inboxes: bool = True) -> None:
        """Watch new folders, drop gone ones; scan the new ones (all of them when ``full``).

        With ``changed_only`` (the periodic rescan), a folder whose events come from the
        native observer is listed again only when its (inode, mtime) moved since it was last
        listed, or when it holds a file left alone until it changes: on a library of
        10,000 idle cases that is a stat of each inbox, not a listing of each. The inboxes
        served by the one recursive watch over cases/ (whose own events say when one is
        removed) are looked at so only when ``inboxes``.
        """
        self._cases_changed = False
        if full:
            self._next_rescan = self._clock.monotonic() + self.options.rescan
        wanted = self._wanted(changed_only=changed_only)
        lost, self._lost = self._lost, set()
        stamps: dict[str, tuple[int, int] | None] = {}
        for key in list(self._folders):
            folder = self._folders[key]
            if key not in lost and wanted.get(key) == folder.spec:
                if changed_only and folder.shared and not inboxes:
                    continue  # not looked at this time: its events say what happens to it
                try:
                    st = os.stat(key)
                except OSError:
                    st = None
                if st is not None and stat.S_ISDIR(st.st_mode):
                    stamps[key] = _settled(st)
                    continue
            self._observers.unschedule(folder)
            del self._folders[key]
            self._files.drop_folder(folder)
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
            folder = Folder(spec, key)
            try:
                self._observers.schedule(folder)
            except OSError as exc:
                log.warning("case %s: %s cannot be watched (%s)", spec.case, key, exc)
                continue
            self._folders[key] = folder
            added.append(folder)
            log.info("case %s: watching %s%s", spec.case, key, " (polled)" if folder.spec.poll else "")
        self._watched = tuple(f.spec for f in self._folders.values())
        if not full:
            scan = added
        elif changed_only:
            held = self._files.given_up_folders()
            scan = [
                folder
                for folder in self._folders.values()
                if folder.listed is None
                or folder.key in held
                or (folder.key in stamps and (folder.polled or folder.listed != stamps[folder.key]))
            ]
        else:
            scan = list(self._folders.values())
        for folder in scan:
            self._scan(folder)
        self._files.forget_missing()

    def _library_folders(self) -> dict[Identity, str]:
        """:func:`library_folders`, listed once for the folders checked together (at the start, many
        attached folders), and again for a check later (a case's folders may have been made since)."""
        now = self._clock.monotonic()
        if now - self._known_folders[0] > _KNOWN_FOLDERS_FOR:
            self._known_folders = (now, library_folders(self.library))
        return self._known_folders[1]

    def _library_refusal(self, folder: Folder) -> str | None:
        """Why nothing may be taken from ``folder``: it is one of the library's own (a case's evidence
        folder reached through a second mount), compared by identity whenever the folder's changed
        (a drive or share mounted on it since). Reported once; None for an inbox or a folder outside.
        """
        if folder.spec.inbox:
            return None
        try:
            st = os.stat(folder.key)
        except OSError:
            return folder.refusal  # gone: nothing will be taken from it anyway
        identity = (st.st_dev, st.st_ino)
        if identity != folder.identity:
            folder.identity = identity
            refusal = library_overlap(self.library, folder.key, self._library_folders)
            folder.refusal = refusal
            if refusal is not None:
                self._problem(
                    folder.spec.case,
                    Message("{reason}. Nothing is taken from it or moved out of it", reason=refusal),
                    once=f"library:{folder.key}:{identity}",
                )
        return folder.refusal

    def _scan(self, folder: Folder) -> None:
        if self._library_refusal(folder) is not None:
            return
        stamp = _settled_stamp(folder.key)  # before listing: a file arriving meanwhile moves it again
        try:
            with os.scandir(folder.key) as entries:
                names = [e.name for e in entries]
        except OSError as exc:
            log.warning("case %s: cannot list %s: %s", folder.spec.case, folder.key, exc)
            folder.listed = None
            return
        folder.listed = stamp
        self.scans += 1
        for name in names:
            self._files.found(folder, os.path.join(folder.key, name))

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
            assert isinstance(folder, Folder)
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

    def _route(self, event: FileSystemEvent) -> Folder | None:
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

    def _touch(self, folder: Folder, path: str, *, written: bool, complete: bool) -> None:
        """Note an event for a file of ``folder`` (events for anything below it are not its)."""
        if path and os.path.dirname(path) == folder.key:
            self._files.note(folder, path, written=written, complete=complete)

    # ------------------------------------------------------------------ deciding

    def _ingest_ready(self) -> None:
        now = self._clock.monotonic()
        # One batch per folder: the folder is the one the files were found in, whose links
        # may point only inside it (the rule `add` has for a chosen folder).
        ready: dict[tuple[str, str], list[Pending[Folder]]] = {}
        for pending in self._files.due():
            number = pending.folder.spec.case
            busy = self._busy_until.get(number, 0.0)
            if busy > now:
                pending.due = busy
                continue
            if self._files.is_complete(pending):
                ready.setdefault((number, pending.folder.key), []).append(pending)
        for (number, _key), batch in ready.items():
            busy = self._busy_until.get(number, 0.0)
            if busy > now:  # found busy with another of its folders just now
                for pending in batch:
                    self._files.postpone(pending, busy)
                continue
            batch.sort(key=lambda p: p.path.name)
            while batch and not self._stop.is_set():
                part: list[Pending[Folder]] = []
                size = 0
                while batch and len(part) < BATCH_FILES and (not part or size + batch[0].size <= BATCH_BYTES):
                    size += batch[0].size
                    part.append(batch.pop(0))
                if not self._ingest(number, part):
                    for pending in batch:
                        self._files.postpone(pending, self._busy_until.get(number, now))
                    break

    def _hold_off(self, number: str, batch: list[Pending[Folder]]) -> None:
        delay = min(
            max(self.options.retry, 2 * self._backoff.get(number, 0.0)), max(self.options.rescan, self.options.retry)
        )
        self._backoff[number] = delay
        until = self._clock.monotonic() + delay
        self._busy_until[number] = until
        for pending in batch:
            self._files.postpone(pending, until)

    # ------------------------------------------------------------------ ingesting

    def _ingest(self, number: str, batch: list[Pending[Folder]]) -> bool:
        """Add one batch to a case; False when the case is busy or failed (the rest wait)."""
        log.debug(BATCH_LOG, number, len(batch))
        if self._library_refusal(batch[0].folder) is not None:
            self._files.drop_folder(batch[0].folder)  # a case's evidence: never added elsewhere, moved or deleted
            return True
        by_path = {p.path: p for p in batch}
        arrived: list[AddResult] = []
        try:
            # Never wait for a case another window, command or watcher holds: try again later.
            paths = [p.path for p in batch]
            found_in = batch[0].folder.key
            for item in add_files(self.library, number, paths, cancel=self._cancel, wait=0, found_in=found_in):
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

    def _arrived(self, number: str, pending: Pending[Folder], result: AddResult) -> bool:
        """Clear an added file from its folder; whether ``result`` is to be reported."""
        key = str(pending.path)
        if result.exhibit is not None or result.duplicate_of is not None:
            self._files.done(key)
            if result.exhibit is not None:
                log.info("case %s: exhibit %d from %s", number, result.exhibit.number, key)
            else:
                log.info("case %s: %s is a duplicate of exhibit %s", number, key, result.duplicate_of)
            self._clear(number, pending)
            return True
        if result.refused and is_link(key):
            # A link refused for where it leads: left where it is, reported once, and looked at
            # again only when the link itself changes (not whenever its target, a log, does).
            try:
                self._files.give_up(key, held_stamp(key, os.lstat(key)))
            except OSError:
                self._files.done(key)
            # on_result reports it; logged as information only, for a link stays refused run after run
            # (casefile watch --once reports it once: casefile.core.watch.refused).
            log.info("case %s: %s refused: %s", number, key, result.refused)
            return True
        try:
            st = os.stat(key)
        except OSError:
            # Taken by another watcher (or deleted) before it could be read: not an error.
            log.info("case %s: %s was gone before it could be added", number, key)
            self._files.done(key)
            return False
        stamp = stamp_of(st)
        if stamp != pending.stamp:
            log.info("case %s: %s changed while it was read; trying again once it settles", number, key)
            self._files.changed_while_read(pending, st)
            return False
        log.warning("case %s: %s refused: %s", number, key, result.refused or result.skipped)
        self._files.give_up(key, stamp)
        return True

    def _clear(self, number: str, pending: Pending[Folder]) -> None:
        """Take an added file out of the watched folder: into .ingested/, or deleted."""
        if self._library_refusal(pending.folder) is not None:
            return  # the folder became the library's meanwhile: what is in it stays
        try:
            dispose(pending.path, self.options.after_ingest)
        except FileNotFoundError:
            pass  # another watcher took it
        except OSError as exc:
            if pending.stamp is not None:
                self._files.give_up(pending.path, pending.stamp)
            self._problem(
                number,
                Message(
                    "{name} is in the case now, but it could not be cleared from the watched folder: {reason}",
                    name=pending.path.name,
                    reason=SystemReason(exc),
                ),
            )

    # ------------------------------------------------------------------ reporting

    def _report(self, number: str, result: AddResult) -> None:
        _call_back(self._on_result, number, result)

    def _problem(self, number: str, message: Message, *, once: str = "") -> None:
        """Report a problem; with a ``once`` key, only until that key is cleared from ``_reported``."""
        if once:
            if (number, once) in self._reported:
                return
            self._reported.add((number, once))
        log.warning("%s%s", f"case {number}: " if number else "", message)
        _call_back(self._on_problem, number, message)


def _call_back(callback: Callable[[str, T], None] | None, number: str, value: T) -> None:
    """Tell the watcher's user; a failing callback must not stop the watcher."""
    if callback is None:
        return
    try:
        callback(number, value)
    except Exception:  # noqa: BLE001 - the watcher goes on; the bug is logged
        log.exception("the %s callback failed", getattr(callback, "__name__", "watcher's"))


# A folder's modification time moves when an entry is added, removed or renamed in it, but only
# by the file system's clock tick: a stamp taken within this many nanoseconds of the folder's
# last change could miss a change in the same tick, and is not trusted (the folder is listed again).
_SETTLED_NS = 2_000_000_000


def _settled(st: os.stat_result) -> tuple[int, int] | None:
    """(inode, mtime) of a folder, or None while its last change is too recent to compare with."""
    if time.time_ns() - st.st_mtime_ns < _SETTLED_NS:
        return None
    return (st.st_ino, st.st_mtime_ns)


def _settled_stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        return _settled(os.stat(path))
    except OSError:
        return None
