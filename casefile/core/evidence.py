"""Evidence ingest: files and folders become exhibits, byte for byte, hashed in one pass.

For each file:

1. it is opened once and copied into the case's ``.staging/`` while SHA-256 (and SM3)
   are computed from the same bytes, then flushed to disk;
2. if the source changed while it was read (size or modification time moved) the copy is
   thrown away and the file refused;
3. an intent naming the exhibit is written next to the copy, the copy is renamed into
   ``evidence/`` (atomic) and made read-only;
4. the custody log entry ``ingest`` is appended: this is the moment the exhibit exists.

A crash before step 4 leaves an intent that the next start completes (the file is in
place and hashes right) or undoes (it is not); nothing half-made survives.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import logging
import os
import secrets
import stat
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core import record
from casefile.core.errors import (
    CancelledError,
    CaseFileError,
    ChangedWhileReadingError,
    Message,
    RefusedError,
    SystemReason,
)
from casefile.core.fsutil import (
    atomic_write_bytes,
    fsync_dir,
    is_inside,
    lstat_is_link,
    make_private_dir,
    make_readonly,
    open_private,
    real_path,
    remove_quietly,
    safe_file_name,
    start_writeback,
    storage_error,
)
from casefile.core.hashing import copy_and_hash, hash_file
from casefile.core.library import LOCK_TIMEOUT
from casefile.core.metadata import extract
from casefile.core.model import Case, EvidenceKind, Exhibit, from_data, to_data
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.sniff import sniff, sniff_mail
from casefile.core.textsafe import printable, readable_name, without_bidi
from casefile.core.validate import check_input, clean_input, clean_text

if TYPE_CHECKING:
    from casefile.core.disclosure.kept import KeptFile
    from casefile.core.library import CaseFolder, CaseWriter, Library

log = logging.getLogger(__name__)

# Names a file manager or a phone sync leaves behind; never evidence.
SYSTEM_FILES = {".ds_store", "thumbs.db", "desktop.ini", ".localized"}


@dataclass
class AddOptions:
    kind: EvidenceKind | None = None
    title: str = ""
    source: str = ""
    purpose: str = ""


@dataclass
class AddResult:
    """The outcome for one source file: added, a duplicate, skipped or refused."""

    path: Path
    exhibit: Exhibit | None = None
    duplicate_of: int | None = None
    refused: str = ""
    skipped: str = ""

    @property
    def ok(self) -> bool:
        return not self.refused


@dataclass
class _Candidate:
    path: Path
    size: int
    refused: str = ""
    skipped: str = ""
    # What the exhibit records as where it came from: the path below the folder the user
    # chose, or the file's own name. Never the absolute path, which names the user's home.
    relative: str = ""


# Where the system shows itself as files: empty-looking or endless, never evidence.
PSEUDO_FILE_ROOTS = ("/proc", "/sys", "/dev") if os.name != "nt" else ()
PSEUDO_FILE = Message("a system pseudo-file, not a file that can be evidence")
PSEUDO_FOLDER = Message("a system folder of pseudo-files (/proc, /sys or /dev), not a folder of evidence")


def _pseudo_devices() -> set[int]:
    """The devices of /proc, /sys and /dev where they are file systems of their own (not plain folders of /)."""
    devices = set()
    with contextlib.suppress(OSError):
        system = os.stat("/").st_dev
        for root in PSEUDO_FILE_ROOTS:
            with contextlib.suppress(OSError):
                devices.add(os.stat(root).st_dev)
        devices.discard(system)
    return devices


def _is_pseudo(real: str, st: os.stat_result, devices: set[int]) -> bool:
    """A file or folder under /proc, /sys or /dev, or on their file systems mounted elsewhere."""
    return st.st_dev in devices or any(real == r or real.startswith(r + "/") for r in PSEUDO_FILE_ROOTS)


# The only places inside a library whose files may be added to a case: files waiting in an
# inbox (the watcher adds them), and evidence or bundles of a case (a file that matters to
# two disputes).
_LIBRARY_FILE_PLACES = {"inbox", "evidence", "bundles"}


def _library_refusal(real: str, is_dir: bool, library: str) -> Message | None:
    """Why a chosen path cannot be added because of where it lies relative to the library."""
    if is_inside(real, library):
        if is_dir:
            return Message(
                "this folder is part of the CaseFile library; add files from outside it "
                "(files put in a case's inbox are added by 'casefile watch')"
            )
        parts = os.path.relpath(real, library).split(os.sep)
        if len(parts) >= 4 and parts[0] == "cases" and parts[2] in _LIBRARY_FILE_PLACES:
            return None
        return Message("a file of the CaseFile library itself, not a file that can be evidence")
    if is_dir and is_inside(library, real):
        return Message(
            "this folder contains the CaseFile library ({library}); choose the folder that holds the evidence",
            library=library,
        )
    return None


def collect(
    paths: Iterable[str | os.PathLike[str]],
    *,
    library: str | os.PathLike[str] | None = None,
    found_in: str | os.PathLike[str] | None = None,
) -> list[_Candidate]:
    """Expand the user's choice into files, refusing what cannot be evidence.

    Within a chosen folder, a symbolic link may point only inside that folder, and a folder
    reached twice (a loop through links) is refused. A link chosen explicitly is followed.
    Files ``found_in`` a folder (a watched inbox or attached folder, listed by CaseFile, not
    chosen one by one) are under the rule of a chosen folder: a link among them may point
    only inside that folder. System pseudo-files (/proc, /sys, /dev) are refused, and so
    are, given the ``library`` the files go to, its own folders and files and any folder
    that contains it.
    """
    out: list[_Candidate] = []
    found_root = Path(found_in).resolve() if found_in is not None else None
    devices = _pseudo_devices()
    library_real = real_path(library) if library is not None else None
    library_key: tuple[int, int] | None = None
    if library is not None:
        with contextlib.suppress(OSError):
            lst = os.stat(library)
            library_key = (lst.st_dev, lst.st_ino)
    for raw in paths:
        path = Path(raw)
        try:
            st = path.lstat()
        except FileNotFoundError:
            out.append(_Candidate(path, 0, refused=Message("no such file or folder")))
            continue
        except OSError as exc:
            out.append(_Candidate(path, 0, refused=Message("cannot be read: {reason}", reason=SystemReason(exc))))
            continue
        if stat.S_ISLNK(st.st_mode) or (found_root is not None and lstat_is_link(st)):
            try:
                refused = link_refusal(path, found_root) if found_root is not None else None
            except (OSError, RuntimeError) as exc:  # a loop of links
                refused = Message(
                    "cannot be read: {reason}", reason=SystemReason(exc) if isinstance(exc, OSError) else exc
                )
            if refused is not None:
                out.append(_Candidate(path, 0, refused=refused))
                continue
            try:
                st = path.stat()
            except OSError:
                out.append(_Candidate(path, 0, refused=Message("symbolic link to nothing (broken link)")))
                continue
        real = real_path(path)
        is_dir = stat.S_ISDIR(st.st_mode)
        if _is_pseudo(real, st, devices):
            out.append(_Candidate(path, 0, refused=PSEUDO_FOLDER if is_dir else PSEUDO_FILE))
            continue
        refusal = _library_refusal(real, is_dir, library_real) if library_real is not None else None
        if refusal is not None:
            out.append(_Candidate(path, 0, refused=refusal))
        elif is_dir:
            root = path.resolve()
            _walk(path, root, {(st.st_dev, st.st_ino)}, out, _Walk(path, devices, library_key))
        else:
            out.append(_classify(path, st, without_bidi(readable_name(path.name))))
    return out


def _classify(path: Path, st: os.stat_result, relative: str) -> _Candidate:
    if stat.S_ISREG(st.st_mode):
        return _Candidate(path, st.st_size, relative=relative)
    return _Candidate(path, 0, refused=Message("not a regular file (a device, pipe or socket cannot be evidence)"))


@dataclass
class _Walk:
    chosen: Path  # the folder as the user chose it: recorded names are relative to it
    devices: set[int]  # of the system's pseudo-file systems
    library: tuple[int, int] | None  # (device, inode) of the library folder, met through a mount


def link_refusal(path: Path, root: Path) -> Message | None:
    """Why a link met in the folder ``root`` (resolved) is refused: it leads out of that folder.

    The one rule for every way files come in (a folder given to ``add`` or dropped on the
    window, a watched inbox, an attached folder): the folder is what the user chose, and a
    link in it may not bring in a file from elsewhere (/etc/passwd, another case's evidence).
    Raises RuntimeError for a link loop, as :meth:`Path.resolve` does.
    """
    target = path.resolve()
    if target.is_relative_to(root):
        return None
    return Message("symbolic link pointing outside the chosen folder ({target})", target=target)


def _walk(folder: Path, root: Path, seen: set[tuple[int, int]], out: list[_Candidate], walk: _Walk) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        out.append(_Candidate(folder, 0, refused=Message("folder cannot be read: {reason}", reason=SystemReason(exc))))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name.lower() in SYSTEM_FILES:
            out.append(_Candidate(path, 0, skipped=Message("hidden or system file")))
            continue
        try:
            if entry.is_symlink():
                refused = link_refusal(path, root)
                if refused is not None:
                    out.append(_Candidate(path, 0, refused=refused))
                    continue
            st = entry.stat(follow_symlinks=True)
        except (OSError, RuntimeError) as exc:
            out.append(
                _Candidate(
                    path,
                    0,
                    refused=Message(
                        "cannot be read: {reason}", reason=SystemReason(exc) if isinstance(exc, OSError) else exc
                    ),
                )
            )
            continue
        is_dir = stat.S_ISDIR(st.st_mode)
        if st.st_dev in walk.devices:  # /proc or /sys mounted inside the chosen folder
            out.append(_Candidate(path, 0, refused=PSEUDO_FOLDER if is_dir else PSEUDO_FILE))
            continue
        if is_dir:
            key = (st.st_dev, st.st_ino)
            if key == walk.library:  # the library, mounted inside the chosen folder
                out.append(
                    _Candidate(path, 0, refused=Message("this folder is the CaseFile library; it cannot be evidence"))
                )
                continue
            if key in seen:
                out.append(_Candidate(path, 0, refused=Message("directory loop (this folder was already visited)")))
                continue
            seen.add(key)
            _walk(path, root, seen, out, walk)
        else:
            relative = path.relative_to(walk.chosen) if path.is_relative_to(walk.chosen) else Path(entry.name)
            out.append(_classify(path, st, without_bidi(readable_name(relative.as_posix()))))


def add_files(
    library: Library,
    number: str,
    paths: Iterable[str | os.PathLike[str]],
    options: AddOptions | None = None,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    wait: float = LOCK_TIMEOUT,
    found_in: str | os.PathLike[str] | None = None,
) -> Iterator[Progress | AddResult]:
    """Add files and folders to a case, yielding progress (bytes) and one result per file.

    ``found_in``: the files were found in this folder by CaseFile (a watched folder), not
    chosen one by one; a link among them may point only inside it (see :func:`collect`).

    Small files are placed in batches (:class:`Batch`): their results come when their batch
    is in the case. Cancelling stops before the next chunk: files already copied stay added,
    the file being copied is discarded, and :class:`CancelledError` is raised. When another
    window or command holds the case for more than ``wait`` seconds, BusyError is raised
    before any file is touched.
    """
    options = clean_input(options or AddOptions())  # a line break in a purpose is a space
    check_input(options)
    candidates = collect(paths, library=library.root, found_in=found_in)
    total = sum(c.size for c in candidates)
    done = 0
    yield Progress(0, total, "")
    with library.edit(number, wait=wait) as writer:
        batch = Batch(writer, flushers=FLUSHERS)
        waiting: list[AddResult] = []  # results in the order of the files, given once their batch is placed
        added: list[AddResult] = []  # PDFs among them are screened once the case is released
        try:
            for candidate in candidates:
                if candidate.refused or candidate.skipped:
                    waiting.append(AddResult(candidate.path, refused=candidate.refused, skipped=candidate.skipped))
                    continue
                cancel.check()
                if candidate.size >= LARGE_FILE or batch.full():
                    batch.place()
                    yield from _given(waiting)
                try:
                    if candidate.size >= LARGE_FILE:
                        result = yield from _ingest_reporting(writer, candidate, options, cancel, done, total)
                    else:
                        result = ingest_one(
                            writer, candidate.path, options, cancel=cancel, relative=candidate.relative, batch=batch
                        )
                except CancelledError:
                    raise
                except RefusedError as exc:
                    result = AddResult(candidate.path, refused=exc.message)
                done += candidate.size
                waiting.append(result)
                added.append(result)  # its exhibit is set once its batch is placed
                if not batch.staged:
                    yield from _given(waiting)
                yield Progress(done, total, candidate.path.name)
            batch.place()
            yield from _given(waiting)
        except Exception:
            # Cancelled, or a later file failed: what was copied whole stays added, as when
            # files were placed one by one (a failure to place them leaves nothing of them),
            # and the caller learns of it before the error.
            with contextlib.suppress(Exception):
                batch.place()
            # Files whose batch could not be placed were not added: they are not reported as added.
            waiting[:] = [r for r in waiting if r.exhibit or r.duplicate_of is not None or r.refused or r.skipped]
            yield from _given(waiting)
            raise
        except BaseException:  # the caller stopped listening, or the program is stopping
            with contextlib.suppress(Exception):
                batch.place()
            raise
        finally:
            batch.close()
    yield from screen_pdfs(
        library, number, [r.exhibit for r in added if r.exhibit is not None], cancel=cancel, keep=True
    )


#: :attr:`Progress.phase` while added PDFs are screened for their packets (after the files are in the case).
SCREENING = "screening"


def screen_pdfs(
    library: Library,
    number: str,
    exhibits: Iterable[Exhibit],
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    index: bool = True,
    keep: bool = False,
) -> Generator[Progress, None, int]:
    """Screen evidence PDFs for their packets now, from verified copies, and keep what was found.

    Done once per file when it is added (see :mod:`casefile.core.disclosure.screening`), so
    that a packet does not read every page of it again. Derived data: a file that cannot be
    screened, a full disk, or a cancel only leave the work to the file's first packet.
    Yields a :data:`SCREENING` progress item naming each file before it is read (the count of
    files is known, their pages are not); returns how many files were screened. ``index``: make
    each screened file's page text searchable at once (False when the search tables are being
    rebuilt, which takes it in). ``keep``: keep each file's sanitised copy too, for its packets
    to print, and record those copies in the case's custody log in one witness entry (see
    :mod:`casefile.core.disclosure.kept`); every PDF is then sanitised, one screened before too.
    """
    pdfs = [e for e in exhibits if e.mime == "application/pdf" and e.size > 0]
    if not pdfs:
        return 0
    from casefile.core.disclosure import screening
    from casefile.core.disclosure.kept import KeptCopies
    from casefile.core.store import EvidenceReader

    store = screening.ScreeningStore(library.root)
    copies = KeptCopies(library.root) if keep else None
    kept: list[KeptFile] = []
    screened = 0
    try:
        with library.work_folder("screening") as work:
            reader = EvidenceReader(library.folder(number).path, work, number, cancel=cancel)
            for exhibit in pdfs:
                if cancel.cancelled:
                    break
                known = store.get(exhibit.sha256) is not None
                if known and copies is None:
                    continue
                yield Progress(0, 0, exhibit.original_name, phase=SCREENING)
                copy: Path | None = None
                try:
                    copy = reader.copy(exhibit)
                    if copies is None:
                        found, made = screening.screen_file(store, exhibit.sha256, copy, cancel=cancel), None
                    else:
                        found, made = screening.screen_and_keep(
                            store, copies, exhibit.number, exhibit.sha256, copy, screen_it=not known, cancel=cancel
                        )
                    if made is not None:
                        kept.append(made)
                    if found is not None:
                        screened += 1
                        if index:
                            library.refresh_search(exhibit.sha256)  # search reads PDFs through it
                except CancelledError:
                    break
                except Exception as exc:  # noqa: BLE001 - derived data: the first packet screens it
                    log.info("exhibit %s: not screened when added: %s", exhibit.number, exc)
                finally:
                    if copy is not None:
                        remove_quietly(copy)
    except (OSError, CaseFileError) as exc:  # no scratch folder: the first packet screens them
        log.info("case %s: PDFs not screened when added: %s", number, exc)
    if kept:
        _record_kept(library, number, kept)
    return screened


def _record_kept(library: Library, number: str, kept: list[KeptFile]) -> None:
    """Record the sanitised copies kept in one witness entry; without it their packets make them again."""
    from casefile.core import record
    from casefile.core.disclosure.kept import entry_details
    from casefile.core.disclosure.pdf import sanitiser_engine

    try:
        library.record_event(number, record.SCREENED, entry_details(sanitiser_engine(), kept))
    except CaseFileError as exc:
        log.info("case %s: sanitised copies not recorded: %s", number, exc)


def _given(waiting: list[AddResult]) -> Iterator[AddResult]:
    results = list(waiting)
    waiting.clear()
    yield from results


LARGE_FILE = 32 << 20  # files this big report progress while they are copied, and are placed alone
BATCH_FILES = 32  # small files placed together: one intent, one folder flush, one custody flush
BATCH_BYTES = 32 << 20
FLUSHERS = 8  # copies of a batch being flushed to disk at once


def _ingest_reporting(
    writer: CaseWriter, candidate: _Candidate, options: AddOptions, cancel: CancelToken, done: int, total: int
) -> Generator[Progress, None, AddResult]:
    """Copy one large file on a helper thread, yielding byte progress a few times a second."""
    copied = [0]

    def on_bytes(count: int) -> None:
        copied[0] = count

    with ThreadPoolExecutor(1, thread_name_prefix="ingest") as pool:
        future = pool.submit(
            ingest_one, writer, candidate.path, options, cancel=cancel, on_bytes=on_bytes, relative=candidate.relative
        )
        while True:
            try:
                return future.result(timeout=0.25)
            except FutureTimeout:
                yield Progress(done + copied[0], total, candidate.path.name)


@dataclass
class _Staged:
    part: Path
    fd: int  # open until it is flushed (fsync), before the batch is placed
    exhibit: Exhibit
    result: AddResult
    flushed: Future[None] | None = None


class Batch:
    """Files copied into ``.staging/`` and flushed to disk, waiting to become exhibits together.

    :meth:`place` writes one intent naming them all, renames them into ``evidence/``, flushes
    the folder once and writes their custody entries with one flush: a crash at any moment
    leaves each file a whole exhibit or nothing (:func:`recover_staging` finishes or undoes
    the intent, file by file). Placing costs a few flushes per batch instead of four per file.
    """

    def __init__(self, writer: CaseWriter, *, flushers: int = 0) -> None:
        self.writer = writer
        self.staged: list[_Staged] = []
        self.size = 0
        # Copies are flushed on these threads while the next files are copied; flushes that
        # run together reach the disk together (the file system commits them as one).
        self._flushers = ThreadPoolExecutor(flushers, thread_name_prefix="flush") if flushers else None

    def close(self) -> None:
        """Place nothing more: discard what is still staged and stop the flushing threads."""
        self.discard()
        if self._flushers is not None:
            self._flushers.shutdown(wait=True)

    def new_part(self) -> Path:
        """A new file in ``.staging/`` (made private once per batch, not once per file)."""
        if not self.staged:
            return staging_part(self.writer.folder)
        return self.writer.folder.staging_dir / f"{secrets.token_hex(8)}.part"

    def full(self) -> bool:
        return len(self.staged) >= BATCH_FILES or self.size >= BATCH_BYTES

    def next_number(self) -> int:
        return self.writer.case.next_exhibit_number() + len(self.staged)

    def duplicate_of(self, sha256: str) -> int | None:
        existing = self.writer.case.exhibit_by_hash(sha256)
        if existing is not None:
            return existing.number
        for staged in self.staged:
            if staged.exhibit.sha256 == sha256:
                return staged.exhibit.number
        return None

    def add(self, part: Path, fd: int, exhibit: Exhibit, result: AddResult) -> None:
        staged = _Staged(part, fd, exhibit, result)
        if self._flushers is not None:
            staged.flushed = self._flushers.submit(os.fsync, fd)
        self.staged.append(staged)
        self.size += exhibit.size

    def place(self) -> None:
        """Make every staged file an exhibit; on a failure, nothing of the batch is left unrecorded."""
        if not self.staged:
            return
        staged = self.staged
        writer = self.writer
        intent = writer.folder.staging_dir / f"{staged[0].part.stem}.json"
        described = [to_data(s.exhibit) for s in staged]
        items = [
            {"exhibit": data, "part": s.part.name, "action": record.INGEST, "details": {"exhibit": data}}
            for s, data in zip(staged, described, strict=True)
        ]
        try:
            # Every copy is on disk before anything names it. Flushed one after another, the
            # copies written since the last flush mostly reach the disk with the first.
            for s in staged:
                if s.flushed is not None:
                    s.flushed.result()
                else:
                    os.fsync(s.fd)
                os.close(s.fd)
                s.fd = -1
            place_exhibits(writer, [(s.part, s.exhibit) for s in staged], intent, items)
        except OSError as exc:
            self.discard(intent)
            raise storage_error(exc, Message("adding {name}", name=staged[0].exhibit.original_name)) from exc
        except BaseException:
            self.discard(intent)
            raise
        for s in staged:
            s.result.exhibit = writer.case.exhibit(s.exhibit.number)
            log.info(
                "case %s: added exhibit %d %s sha256=%s",
                writer.case.number,
                s.exhibit.number,
                s.result.path,
                s.exhibit.sha256,
            )
        self.staged = []
        self.size = 0

    def discard(self, intent: Path | None = None) -> None:
        """Remove what was staged and not placed (files placed but not recorded go too)."""
        for s in self.staged:
            if s.fd >= 0:
                if s.flushed is not None:
                    s.flushed.exception()  # the flushing thread is done with it
                with contextlib.suppress(OSError):
                    os.close(s.fd)
                s.fd = -1
            remove_quietly(s.part)
            final = self.writer.folder.path / s.exhibit.stored_path
            if self.writer.case.exhibit_by_hash(s.exhibit.sha256) is None and final.exists():
                remove_quietly(final)
        if intent is not None:
            remove_quietly(intent)
        self.staged = []
        self.size = 0


def ingest_one(
    writer: CaseWriter,
    source: Path,
    options: AddOptions,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    on_bytes: Callable[[int], None] | None = None,
    relative: str = "",
    batch: Batch | None = None,
) -> AddResult:
    """Copy one file into the case; raise RefusedError with a one-line reason if it cannot be.

    ``relative`` is recorded as where the file came from: its path below the folder the
    user chose (default: its own name). The absolute path is not recorded: it names the
    user's home folder, and it would travel with every export of the case.

    With a ``batch``, the file is only staged: its result names its exhibit once the batch
    is placed. Without, it is placed before returning.
    """
    alone = batch is None
    batch = Batch(writer) if batch is None else batch
    result = _stage(writer, source, options, cancel, on_bytes, relative, batch)
    if alone:
        batch.place()
    return result


def title_from_name(name: str) -> str:
    """An exhibit's title from its file's name (without the extension): one line, a line break or tab in the
    name a space, any other control character a visible escape (the name itself is kept as it was)."""
    stem = (Path(name).stem or name).strip()
    return printable(clean_text(stem, "title")).strip() or printable(name)


def _stage(
    writer: CaseWriter,
    source: Path,
    options: AddOptions,
    cancel: CancelToken,
    on_bytes: Callable[[int], None] | None,
    relative: str,
    batch: Batch,
) -> AddResult:
    """Copy, flush and describe one file in ``.staging/``; a duplicate or a refusal leaves nothing."""
    folder = writer.folder
    # The name as it can be stored (undecodable bytes escaped) and shown (no direction controls).
    name = without_bidi(readable_name(source.name))
    relative = relative or name
    part = batch.new_part()
    out = -1  # the staged copy, open until its batch has flushed it
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(source, flags)
    except FileNotFoundError:
        raise RefusedError("the file disappeared before it could be read") from None
    except PermissionError:
        raise RefusedError("cannot be read: permission denied") from None
    except OSError as exc:
        raise RefusedError("cannot be read: {reason}", reason=SystemReason(exc)) from None
    try:
        with os.fdopen(fd, "rb", buffering=0) as src:
            before = os.fstat(src.fileno())
            if not stat.S_ISREG(before.st_mode):
                raise RefusedError("not a regular file (a device, pipe or socket cannot be evidence)")
            if hasattr(os, "set_blocking"):
                os.set_blocking(src.fileno(), True)
            try:
                out = open_private(part, os.O_RDWR | os.O_CREAT | os.O_EXCL)  # read back by the hashers
                with os.fdopen(out, "wb", buffering=0, closefd=False) as dst:
                    digests = copy_and_hash(
                        src, dst, with_sm3=writer.library.hash_sm3, cancel=cancel, on_bytes=on_bytes
                    )
                # The disk starts on it now; the batch flushes it (fsync) before it names it.
                start_writeback(out, 0, 0)
            except OSError as exc:
                if exc.errno in (errno.EIO,) and exc.filename is None:
                    raise RefusedError("cannot be read: {reason}", reason=SystemReason(exc)) from None
                raise
            after = os.fstat(src.fileno())
        if digests.size != before.st_size or after.st_size != before.st_size or after.st_mtime_ns != before.st_mtime_ns:
            raise ChangedWhileReadingError(
                "the file changed while it was being read; nothing was added — add it again once it is complete"
            )
        duplicate = batch.duplicate_of(digests.sha256)
        if duplicate is not None:
            remove_quietly(part)
            return AddResult(source, duplicate_of=duplicate)

        sniffed = sniff(name, digests.size, digests.head, digests.tail)
        sniffed = sniff_mail(sniffed, name, digests.head, lambda n: _first_bytes(part, n), options.kind)
        modified = datetime.fromtimestamp(before.st_mtime, UTC)
        added_at = datetime.now(UTC)
        found = extract(
            part,
            sniffed.mime if digests.size else "",
            original_name=name,
            file_modified_at=modified,
            added_at=added_at,
        )
        exhibit_no = batch.next_number()
        stored_rel = stored_name(folder, exhibit_no, name)
        exhibit = Exhibit(
            number=exhibit_no,
            title=options.title or title_from_name(name),
            kind=options.kind or sniffed.kind,
            original_name=name,
            original_path=relative,
            stored_path=stored_rel,
            size=digests.size,
            sha256=digests.sha256,
            sm3=digests.sm3,
            added_at=added_at,
            added_by=writer.operator,
            source=options.source,
            purpose=options.purpose,
            file_modified_at=modified,
            captured_at=found.captured_at,
            captured_at_source=found.captured_at_source,
            mime=sniffed.mime,
            flags=sniffed.flags + [f for f in found.flags if f not in sniffed.flags],
            metadata=found.metadata,
        )
        result = AddResult(source)
        batch.add(part, out, exhibit, result)
        out = -1  # the batch closes it
        return result
    except (CaseFileError, KeyboardInterrupt):
        remove_quietly(part)
        raise
    except OSError as exc:
        remove_quietly(part)
        raise storage_error(exc, Message("adding {name}", name=name)) from exc
    finally:
        if out >= 0:
            os.close(out)


def staging_part(folder: CaseFolder) -> Path:
    """A new file to write an exhibit's bytes to in the case's ``.staging/``."""
    make_private_dir(folder.staging_dir)
    return folder.staging_dir / f"{secrets.token_hex(8)}.part"


def staging_pair(folder: CaseFolder) -> tuple[Path, Path]:
    """A new file to write an exhibit's bytes to in the case's ``.staging/``, and its intent beside it."""
    part = staging_part(folder)
    return part, part.with_suffix(".json")


# Actions that add an exhibit through place_exhibit; recovery completes only these.
PLACING_ACTIONS = (record.INGEST, record.REDACT)


def place_exhibit(
    writer: CaseWriter, part: Path, intent: Path, exhibit: Exhibit, action: str, details: dict[str, Any]
) -> None:
    """Steps 3 and 4 of an ingest for a file complete in ``part`` (flushed): the exhibit exists afterwards.

    The intent names the exhibit and the custody entry to write; the file is renamed into
    ``evidence/`` and made read-only; then the entry is written. A crash in between leaves the
    intent, and the next start completes the entry (the file is in place and hashes right) or
    removes the file (:func:`recover_staging`).
    """
    item = {"exhibit": to_data(exhibit), "part": part.name, "action": action, "details": details}
    place_exhibits(writer, [(part, exhibit)], intent, [item])


def place_exhibits(
    writer: CaseWriter, files: list[tuple[Path, Exhibit]], intent: Path, items: list[dict[str, Any]]
) -> None:
    """:func:`place_exhibit` for several files (numbered in order) with one intent and one flush of each kind."""
    # Compact (no indent): json's fast encoder; an intent is read back by recovery alone.
    text = json.dumps(items[0] if len(items) == 1 else {"batch": items}, ensure_ascii=False, separators=(",", ":"))
    atomic_write_bytes(intent, text.encode("utf-8"))
    evidence = writer.folder.evidence_dir
    for part, exhibit in files:
        final = writer.folder.path / exhibit.stored_path
        os.rename(part, final)
        make_readonly(final)
    fsync_dir(evidence)
    writer.record_many([(item["action"], item["details"]) for item in items])
    remove_quietly(intent)


def stored_name(folder: CaseFolder, number: int, original: str) -> str:
    """Where exhibit ``number`` named ``original`` is stored, relative to the case folder."""
    name = f"{number:03d}-{safe_file_name(original)}"
    candidate = folder.evidence_dir / name
    n = 2
    while candidate.exists():  # only after a manual copy into evidence/; never overwrite
        stem, dot, ext = name.rpartition(".")
        candidate = folder.evidence_dir / (f"{stem}~{n}.{ext}" if dot else f"{name}~{n}")
        n += 1
    return f"evidence/{candidate.name}"


def recover_staging(folder: CaseFolder, case: Case) -> Case:
    """Complete or undo ingests that a crash interrupted; the caller holds the case lock."""
    staging = folder.staging_dir
    if not staging.is_dir():
        return case
    for intent in sorted(staging.glob("*.json")):
        try:
            data = json.loads(intent.read_text(encoding="utf-8"))
            # A batch of small files names them all, in the order of their numbers.
            items = data["batch"] if isinstance(data, dict) and "batch" in data else [data]
            placing = [_intended(item) for item in items]
        except (OSError, ValueError, KeyError, TypeError, CaseFileError):
            log.warning("case %s: discarding unreadable ingest intent %s", folder.number, intent.name)
            remove_quietly(intent)
            continue
        for exhibit, action, details in placing:
            case = _complete_or_undo(folder, case, exhibit, action, details)
        remove_quietly(intent)
    for leftover in staging.iterdir():
        remove_quietly(leftover)
    with contextlib.suppress(OSError):
        staging.rmdir()
    return case


def _intended(item: Any) -> tuple[Exhibit, str, dict[str, Any]]:
    """The exhibit, action and custody details one intent (or one file of a batch) names."""
    exhibit = from_data(Exhibit, item["exhibit"])
    # Intents written before redacted copies existed name no action: an ingest.
    action = item.get("action", record.INGEST)
    details = item.get("details", {"exhibit": item["exhibit"]})
    if action not in PLACING_ACTIONS or not isinstance(details, dict):
        raise ValueError(f"not an action that adds an exhibit: {action!r}")
    return exhibit, action, details


def _complete_or_undo(folder: CaseFolder, case: Case, exhibit: Exhibit, action: str, details: dict[str, Any]) -> Case:
    """Record an interrupted exhibit whose file is in place and whole, or remove its file."""
    final = folder.path / exhibit.stored_path
    already = case.exhibit_by_hash(exhibit.sha256)
    if already is not None and already.stored_path == exhibit.stored_path:
        pass  # the log entry was written; only the intent was left
    elif final.exists() and already is None and exhibit.number == case.next_exhibit_number():
        if hash_file(final).sha256 == exhibit.sha256:
            make_readonly(final)
            entry = folder.custody.append(action, exhibit.added_by, {**details, "completed_after_interruption": True})
            case = record.apply_entry(case, entry)
            log.warning("case %s: completed interrupted ingest of exhibit %d", folder.number, exhibit.number)
        else:
            log.warning("case %s: removing incomplete exhibit file %s", folder.number, final.name)
            remove_quietly(final)
    elif final.exists() and (already is None or already.stored_path != exhibit.stored_path):
        log.warning("case %s: removing unrecorded exhibit file %s", folder.number, final.name)
        remove_quietly(final)
    return case


def _first_bytes(path: Path, n: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(n)


@dataclass
class MetadataResult:
    """The outcome of reading one exhibit's metadata again."""

    number: int
    changed: bool = False
    problem: Message | None = None


def reread_metadata(
    library: Library, number: str, exhibits: Iterable[int] | None = None, *, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[Progress | MetadataResult]:
    """Read again what exhibits' files say about themselves (capture time, device, length...).

    For exhibits added by an older CaseFile, or after a format became readable. Each file
    is first checked against its SHA-256: a changed file is reported, never described. A
    capture time set by hand stays. Only what changed is written to the custody log.
    """
    from casefile.core.hashing import hash_file

    with library.edit(number) as writer:
        chosen = [writer.exhibit(n) for n in exhibits] if exhibits is not None else list(writer.case.exhibits)
        total = sum(e.size for e in chosen)
        done = 0
        yield Progress(0, total, "")
        for exhibit in chosen:
            cancel.check()
            path = writer.folder.path / exhibit.stored_path
            try:
                digests = hash_file(path, cancel=cancel)
            except OSError as exc:
                yield MetadataResult(
                    exhibit.number, problem=Message("cannot be read: {reason}", reason=SystemReason(exc))
                )
                continue
            if digests.sha256 != exhibit.sha256:
                yield MetadataResult(
                    exhibit.number, problem=Message("the file has changed since it was added; run verify")
                )
                continue
            sniffed = sniff(exhibit.original_name, digests.size, digests.head, digests.tail)
            sniffed = sniff_mail(
                sniffed, exhibit.original_name, digests.head, functools.partial(_first_bytes, path), exhibit.kind
            )
            found = extract(
                path,
                sniffed.mime if digests.size else "",
                original_name=exhibit.original_name,
                file_modified_at=exhibit.file_modified_at,
                added_at=exhibit.added_at,
            )
            flags = sniffed.flags + [f for f in found.flags if f not in sniffed.flags]
            captured = (found.captured_at, found.captured_at_source) if found.captured_at is not None else None
            changed = writer.set_exhibit_metadata(exhibit.number, found.metadata, flags, captured)
            done += exhibit.size
            yield MetadataResult(exhibit.number, changed=changed)
            yield Progress(done, total, exhibit.original_name)
