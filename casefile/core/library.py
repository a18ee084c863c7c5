"""A library: a folder of case folders, plus an index that can be rebuilt from them.

Layout::

    LIBRARY/
      library.json          format marker
      index.sqlite          the index (derived; ``casefile reindex`` rebuilds it)
      cases/202611-001/     one self-verifying case folder per dispute (see CaseFolder)
      .locks/               lock files (numbering, one per case)
      .pending/             one marker per case being changed, removed when done

Every change to a case happens inside :meth:`Library.edit`, which holds the case's
lock, leaves a marker in ``.pending/`` and, on the way out, writes the snapshot
(``case.json``), the manifest and the index. If the process dies inside, the marker
makes the next :meth:`Library.open` recover that case from its custody log.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from casefile.core import record
from casefile.core.custody import LOG_NAME, CustodyLog
from casefile.core.errors import (
    BusyError,
    CaseFileError,
    InvalidValueError,
    LibraryVersionError,
    Message,
    NotFoundError,
)
from casefile.core.fsutil import (
    PRIVATE_FILE,
    TEMP_PREFIX,
    atomic_write_bytes,
    atomic_write_json,
    fsync_dir,
    make_private_dir,
    remove_tree,
    storage_error,
    tighten_tree,
)
from casefile.core.index import CaseSummary, Index
from casefile.core.manifest import write_manifest
from casefile.core.model import (
    Case,
    EvidenceKind,
    Exhibit,
    Stage,
    StageChange,
    TimelineEvent,
    case_from_data,
    case_to_data,
    from_data,
    to_data,
)
from casefile.core.validate import check_input, check_text

log = logging.getLogger(__name__)

LIBRARY_FORMAT = "casefile-library"
LIBRARY_VERSION = 1
CASE_NUMBER = re.compile(r"^(\d{6})-(\d{3,})$")
LOCK_TIMEOUT = 60.0

RECORD_NAME = "case.json"
README_NAME = "README.txt"
EVIDENCE_DIR = "evidence"
INBOX_DIR = "inbox"
BUNDLES_DIR = "bundles"
STAGING_DIR = ".staging"

CASE_README = """\
本文件夹是 CaseFile 案件卷宗，无需 CaseFile 也可核验。
This folder is a CaseFile case file. It can be checked without CaseFile.

  case.json        案件记录 / the case record (readable JSON)
  evidence/        证据原件，逐字节保存、只读 / evidence files, byte for byte, read-only
  MANIFEST.sha256  证据文件的 SHA-256 清单 / SHA-256 of every evidence file
  CUSTODY.jsonl    保管记录，每条含上一条的哈希 / custody log, each entry holds the previous entry's hash
  inbox/           待导入文件 / files waiting to be added
  bundles/         生成的证据材料 PDF / generated evidence bundles

核验证据文件 / To check the evidence files (Linux, macOS, Git Bash on Windows):
  cd <this folder> && sha256sum -c MANIFEST.sha256
Windows PowerShell: Get-FileHash -Algorithm SHA256 <file>, then compare with MANIFEST.sha256.

核验保管记录 / To check the custody log: for each line, remove the "hash" key, serialise the
rest as JSON with sorted keys, no spaces and UTF-8 (ensure_ascii off); its SHA-256 must equal
"hash", and "prev" must equal the previous line's "hash" (64 zeros for the first line).
"""


def manifest_entries(case: Case) -> list[tuple[str, str]]:
    return [(e.stored_path, e.sha256) for e in case.exhibits]


def is_case_number(text: str) -> bool:
    return CASE_NUMBER.match(text) is not None


class CaseFolder:
    """Paths inside one case folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.number = path.name

    @property
    def record_path(self) -> Path:
        return self.path / RECORD_NAME

    @property
    def evidence_dir(self) -> Path:
        return self.path / EVIDENCE_DIR

    @property
    def inbox_dir(self) -> Path:
        return self.path / INBOX_DIR

    @property
    def bundles_dir(self) -> Path:
        return self.path / BUNDLES_DIR

    @property
    def staging_dir(self) -> Path:
        return self.path / STAGING_DIR

    @property
    def custody(self) -> CustodyLog:
        return CustodyLog(self.path / LOG_NAME)

    def read_record(self) -> Case:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotFoundError("case {number}: case.json is missing", number=self.number) from None
        except (OSError, ValueError) as exc:
            raise CaseFileError("case {number}: case.json cannot be read ({exc})", number=self.number, exc=exc) from exc
        return case_from_data(data)

    def write_snapshot(self, case: Case, *, manifest: bool = True) -> None:
        """Write case.json and (unless told not to) the manifest from the record.

        The manifest is rewritten only when the set of exhibits changed, so that a
        manifest altered outside CaseFile stays as evidence of that until verified.
        """
        atomic_write_json(self.record_path, case_to_data(case))
        if manifest:
            write_manifest(self.path, manifest_entries(case))


class CaseWriter:
    """Changes to one case, each written to the custody log before it is applied.

    Obtained from :meth:`Library.edit`; valid only inside that ``with`` block.
    """

    def __init__(self, library: Library, folder: CaseFolder, case: Case) -> None:
        self.library = library
        self.folder = folder
        self.case = case
        self.log = folder.custody

    @property
    def operator(self) -> str:
        return self.library.operator

    def record(self, action: str, details: dict[str, Any]) -> dict[str, Any]:
        """Append a custody entry and apply it to the record."""
        entry = self.log.append(action, self.operator, details)
        self.case = record.apply_entry(self.case, entry)
        return entry

    def update(self, changed: Case) -> list[str]:
        """Record every top-level field of ``changed`` that differs from the current record."""
        changes = record.record_changes(self.case, changed)
        for name in changes:
            check_input(getattr(changed, name), name)
        if changes:
            self.record(record.UPDATE, {"fields": changes})
        return sorted(changes)

    def set_stage(self, stage: Stage, note: str = "") -> None:
        check_text(note, "note")
        self.record(record.STAGE, {"stage": stage.value, "note": note})

    def add_event(self, event: TimelineEvent) -> None:
        known = {e.number for e in self.case.exhibits}
        missing = [n for n in event.evidence if n not in known]
        if missing:
            raise InvalidValueError(
                "no exhibit {numbers} in case {case}", numbers=", ".join(map(str, missing)), case=self.case.number
            )
        check_input(event)
        if not event.recorded_by:
            event.recorded_by = self.operator
        self.record(record.EVENT, {"event": to_data(event)})

    def withdraw(self, number: int, reason: str) -> Exhibit:
        if not reason.strip():
            raise InvalidValueError("a withdrawal needs a reason")
        check_text(reason.strip(), "reason")
        exhibit = self.exhibit(number)
        if exhibit.withdrawn:
            raise InvalidValueError("exhibit {number} is already withdrawn", number=number)
        self.record(record.WITHDRAW, {"exhibit": number, "reason": reason.strip(), "sha256": exhibit.sha256})
        # A withdrawn file (a wrong customer's ID card...) leaves no picture of itself behind.
        from casefile.core.thumbnails import forget

        forget(exhibit.sha256)
        return self.exhibit(number)

    def reorder(self, order: list[int]) -> None:
        """Present the exhibits in ``order`` (every exhibit number once)."""
        if sorted(order) != sorted(e.number for e in self.case.exhibits):
            raise InvalidValueError("a new order must list every exhibit exactly once")
        if order != [e.number for e in self.case.ordered_exhibits()]:
            self.record(record.REORDER, {"order": order})

    def move_exhibit(self, number: int, delta: int) -> None:
        """Move one exhibit up (negative) or down (positive) in the presentation order."""
        order = [e.number for e in self.case.ordered_exhibits()]
        self.exhibit(number)
        i = order.index(number)
        j = max(0, min(len(order) - 1, i + delta))
        order.insert(j, order.pop(i))
        self.reorder(order)

    def update_exhibit(self, number: int, **fields: Any) -> Exhibit:
        unknown = set(fields) - record.EXHIBIT_UPDATABLE
        if unknown:
            raise InvalidValueError("cannot change {fields} of an exhibit", fields=", ".join(sorted(unknown)))
        exhibit = self.exhibit(number)
        for name, value in fields.items():
            check_input(value, name)
        data = {k: to_data(v) for k, v in fields.items() if to_data(getattr(exhibit, k)) != to_data(v)}
        if "kind" in data:
            EvidenceKind(data["kind"])
        if data:
            self.record(record.EXHIBIT_UPDATE, {"exhibit": number, "fields": data})
        return self.exhibit(number)

    def set_exhibit_metadata(
        self, number: int, metadata: dict[str, Any], flags: list[str], captured: tuple[datetime, str] | None
    ) -> bool:
        """Record what an exhibit's file says about itself, read again; False when nothing changed.

        ``captured`` (time, source) replaces the capture time unless a person set it by hand.
        """
        exhibit = self.exhibit(number)
        details: dict[str, Any] = {"exhibit": number, "sha256": exhibit.sha256, "metadata": metadata, "flags": flags}
        if captured is not None and exhibit.captured_at_source != "user":
            details["captured_at"], details["captured_at_source"] = to_data(captured[0]), captured[1]
        same_time = "captured_at" not in details or (
            details["captured_at"] == to_data(exhibit.captured_at)
            and captured
            and captured[1] == exhibit.captured_at_source
        )
        if to_data(metadata) == to_data(exhibit.metadata) and flags == exhibit.flags and same_time:
            return False
        self.record(record.EXHIBIT_METADATA, to_data(details))
        return True

    def exhibit(self, number: int) -> Exhibit:
        try:
            return self.case.exhibit(number)
        except KeyError:
            raise NotFoundError("case {case} has no exhibit {number}", case=self.case.number, number=number) from None


class Library:
    def __init__(self, root: Path, operator: str, *, hash_sm3: bool = True) -> None:
        self.root = root
        self.operator = operator
        self.hash_sm3 = hash_sm3
        self.cases_dir = root / "cases"
        self.locks_dir = root / ".locks"
        self.pending_dir = root / ".pending"
        self._index: Index | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, root: Path, operator: str, *, create: bool = True, hash_sm3: bool = True) -> Library:
        """Open (and if needed create) a library, finishing anything a crash interrupted."""
        root = Path(root).expanduser().absolute()
        check_text(operator, "operator")
        marker = root / "library.json"
        if not marker.exists():
            if not create:
                raise NotFoundError("no CaseFile library at {root}", root=root)
            if root.is_dir() and any(p.name != ".DS_Store" for p in root.iterdir()):
                raise CaseFileError(
                    "{root} is not empty and is not a CaseFile library; choose an empty folder", root=root
                )
            try:
                root.mkdir(parents=True, exist_ok=True)
                make_private_dir(root)
                atomic_write_json(marker, {"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION})
            except OSError as exc:
                raise storage_error(exc, Message("creating the library at {root}", root=root)) from exc
        else:
            try:
                info = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CaseFileError("{marker} cannot be read: {exc}", marker=marker, exc=exc) from exc
            if not isinstance(info, dict):
                raise CaseFileError(
                    "{marker} is damaged: it should hold a JSON object with the library's format and version",
                    marker=marker,
                )
            if info.get("format") != LIBRARY_FORMAT:
                raise CaseFileError("{root} is not a CaseFile library", root=root)
            version = info.get("version", 0)
            if not isinstance(version, int) or isinstance(version, bool) or version < 0:
                raise CaseFileError(
                    "{marker} is damaged: its version {version!r} is not a whole number", marker=marker, version=version
                )
            if version > LIBRARY_VERSION:
                raise LibraryVersionError(
                    "the library at {root} was written by a newer CaseFile; please upgrade", root=root
                )
        library = cls(root, operator, hash_sm3=hash_sm3)
        library._make_private()
        for folder in (library.cases_dir, library.locks_dir, library.pending_dir):
            try:
                make_private_dir(folder)
            except OSError as exc:
                raise storage_error(exc, Message("creating {folder}", folder=folder)) from exc
        library.recover()
        if library.index.needs_rebuild:
            library.reindex()
        return library

    def _make_private(self) -> None:
        """Keep the library to its owner (0700); a library made before that is tightened once, inside too.

        The root's mode tells: once it is 0700 nothing inside is reachable by others, so the
        walk over every case folder happens only for a library that was open to them. A file
        system that keeps no modes (some network shares) is left as it is, and so is a library
        this user does not own: the library still opens.
        """
        if os.name == "nt":
            return
        try:
            if not os.stat(self.root).st_mode & 0o077:
                return
            os.chmod(self.root, 0o700)
            if os.stat(self.root).st_mode & 0o077:
                log.info("library %s: the file system keeps no permissions; left as it is", self.root)
                return
            changed = tighten_tree(self.root)
        except OSError as exc:
            log.warning("library %s could not be made private: %s", self.root, exc)
            return
        log.warning("library %s was readable by other users; %d folders and files made private", self.root, changed)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = Index(self.root / "index.sqlite")
        return self._index

    # ------------------------------------------------------------------ locks

    @contextmanager
    def lock(self, name: str, what: Message, *, wait: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold a lock shared with other processes; BusyError after ``wait`` seconds (0: do not wait)."""
        lock = FileLock(str(self.locks_dir / f"{name}.lock"), mode=PRIVATE_FILE)
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise BusyError("{what} is in use by another CaseFile window or command; try again", what=what) from None
        try:
            yield
        finally:
            lock.release()

    # ------------------------------------------------------------------ cases

    def folder(self, number: str) -> CaseFolder:
        number = number.strip()
        if not is_case_number(number):
            raise InvalidValueError(
                "{number!r} is not a case number (expected YYYYMM-NNN, e.g. 202611-001)", number=number
            )
        path = self.cases_dir / number
        if not (path / RECORD_NAME).exists():
            raise NotFoundError("no case {number} in the library at {root}", number=number, root=self.root)
        return CaseFolder(path)

    def case_numbers(self) -> list[str]:
        try:
            names = os.listdir(self.cases_dir)
        except FileNotFoundError:
            return []
        return sorted(n for n in names if is_case_number(n) and (self.cases_dir / n / RECORD_NAME).exists())

    def load_case(self, number: str) -> Case:
        return self.folder(number).read_record()

    def list_cases(self, search: str = "") -> list[CaseSummary]:
        return self.index.summaries(search)

    def create_case(self, case: Case) -> Case:
        """Give ``case`` the next number for its month and write its folder.

        The number is chosen under the library's lock, so two processes creating cases
        at the same moment get different numbers; the folder appears complete or not at all.
        """
        check_input(case)
        case.created_at = datetime.now(UTC)
        case.created_by = self.operator
        if not case.stage_log:
            case.stage_log = [StageChange(stage=case.stage, at=case.created_at, operator=self.operator, note="")]
        month = case.complained_at.strftime("%Y%m")
        with self.lock("numbering", Message("the library")):
            serial = 1 + max(
                (
                    int(m.group(2))
                    for n in os.listdir(self.cases_dir)
                    if (m := CASE_NUMBER.match(n)) and m.group(1) == month
                ),
                default=0,
            )
            case.number = f"{month}-{serial:03d}"
            staging = self.cases_dir / f"{TEMP_PREFIX}{case.number}-{secrets.token_hex(4)}"
            try:
                make_private_dir(staging, exist_ok=False)
                folder = CaseFolder(staging)
                for sub in (EVIDENCE_DIR, INBOX_DIR, BUNDLES_DIR):
                    make_private_dir(staging / sub, exist_ok=False)
                atomic_write_bytes(staging / README_NAME, CASE_README.encode("utf-8"))
                entry = folder.custody.append(
                    record.CREATE, self.operator, record.creation_details(case), at=case.created_at
                )
                case = record.apply_entry(None, entry)
                folder.write_snapshot(case)
                fsync_dir(staging)
                os.rename(staging, self.cases_dir / case.number)
                fsync_dir(self.cases_dir)
            except OSError as exc:
                remove_tree(staging)
                raise storage_error(exc, Message("creating the case folder")) from exc
            except BaseException:
                remove_tree(staging)
                raise
        self.index.upsert(case)
        log.info("created case %s (%s)", case.number, case.title)
        return case

    @contextmanager
    def edit(self, number: str, *, wait: float = LOCK_TIMEOUT) -> Iterator[CaseWriter]:
        """Hold a case for changes; snapshot, manifest and index are written on exit.

        Waits up to ``wait`` seconds for another holder of the case, then raises BusyError.
        """
        folder = self.folder(number)
        with self.lock(folder.number, Message("case {number}", number=folder.number), wait=wait):
            pending = self.pending_dir / folder.number
            atomic_write_bytes(pending, b"")
            case = self._recover_case(folder)  # another process may have crashed mid-change
            before = manifest_entries(case)
            writer = CaseWriter(self, folder, case)
            try:
                yield writer
            finally:
                # Whatever was written to the custody log is part of the case: save it even
                # when the caller failed half-way (the log is the record of truth).
                changed = manifest_entries(writer.case) != before
                self._finish(folder, writer.case, pending, manifest=changed)

    def _finish(self, folder: CaseFolder, case: Case, pending: Path, *, manifest: bool) -> None:
        folder.write_snapshot(case, manifest=manifest)
        self.index.upsert(case)
        pending.unlink(missing_ok=True)

    # ------------------------------------------------------------------ recovery

    def recover(self) -> list[str]:
        """Finish or undo whatever a crash interrupted; return the numbers of the cases touched."""
        touched = []
        for stray in self.cases_dir.glob(f"{TEMP_PREFIX}*"):
            log.warning("removing unfinished case folder %s", stray)
            remove_tree(stray)
        for marker in sorted(self.pending_dir.iterdir()) if self.pending_dir.exists() else []:
            number = marker.name
            if not is_case_number(number) or not (self.cases_dir / number / RECORD_NAME).exists():
                marker.unlink(missing_ok=True)
                continue
            folder = CaseFolder(self.cases_dir / number)
            with self.lock(number, Message("case {number}", number=number)):
                if not marker.exists():
                    continue  # another process finished it meanwhile
                case = self._recover_case(folder)
                self._finish(folder, case, marker, manifest=False)
                touched.append(number)
        return touched

    def _recover_case(self, folder: CaseFolder) -> Case:
        """Bring one case folder to a consistent state; the caller holds its lock."""
        for stray in folder.path.glob(f"{TEMP_PREFIX}*"):  # an atomic write cut short
            stray.unlink(missing_ok=True)
        custody = folder.custody
        torn = custody.repair_torn_tail()
        if torn:
            log.warning("case %s: removed an incomplete custody entry left by a crash", folder.number)
        case = folder.read_record()
        # apply_entry changes the record in place: note what the snapshot held first.
        snapshot_head = (case.custody_head.seq, case.custody_head.hash)
        snapshot_manifest = manifest_entries(case)
        entries = custody.read()
        _check_log_continues_snapshot(folder, custody, entries, snapshot_head)
        for entry in entries:
            if entry.get("seq", 0) > case.custody_head.seq:
                case = record.apply_entry(case, entry)
        from casefile.core.evidence import recover_staging

        case = recover_staging(folder, case)
        if torn:
            entry = custody.append("recovery", self.operator, {"removed_incomplete_entry_bytes": len(torn)})
            case = record.apply_entry(case, entry)
        if (case.custody_head.seq, case.custody_head.hash) != snapshot_head:
            folder.write_snapshot(case, manifest=manifest_entries(case) != snapshot_manifest)
        return case

    # ------------------------------------------------------------------ index

    def reindex(self) -> int:
        """Rebuild the index from the case folders; return how many cases were indexed."""
        cases = []
        for number in self.case_numbers():
            try:
                cases.append(self.folder(number).read_record())
            except CaseFileError as exc:
                log.error("case %s left out of the index: %s", number, exc)
        self.index.replace(cases, remove_others=True)
        self.index.needs_rebuild = False
        # Thumbnails of evidence no longer in the library (a case removed, an exhibit withdrawn) go too.
        from casefile.core.thumbnails import purge

        purge(keep={e.sha256 for c in cases for e in c.exhibits if not e.withdrawn})
        return len(cases)

    # ------------------------------------------------------------------ helpers for other services

    def record_event(self, number: str, action: str, details: dict[str, Any]) -> dict[str, Any]:
        """Write a witness-only entry (export, verify, bundle...) to a case's custody log."""
        with self.edit(number) as writer:
            return writer.record(action, details)


def _check_log_continues_snapshot(
    folder: CaseFolder, custody: CustodyLog, entries: list[dict[str, Any]], head: tuple[int, str]
) -> None:
    """Refuse to write to a case whose custody log was cut, edited or broken.

    Appending to such a log would bury the damage under new entries and move the head
    that case.json remembers; the case stays as found so that verification keeps
    showing what happened.
    """
    seq, digest = head
    at_head = next((e for e in entries if e.get("seq") == seq), None)
    chain = custody.check()
    if at_head is None or at_head.get("hash") != digest or not chain.ok:
        reason = (
            chain.problems[0] if chain.problems else Message("it no longer contains the entry case.json recorded last")
        )
        raise CaseFileError(
            "case {number}: the custody log has been damaged or altered ({reason}); the case was left untouched — "
            "run 'casefile verify' and keep the folder as it is",
            number=folder.number,
            reason=reason,
        )


def case_from_fields(data: dict[str, Any]) -> Case:
    """Build a new (unnumbered) case from registration fields, validating them."""
    return from_data(Case, {"number": "", **data})
