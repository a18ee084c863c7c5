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

import contextlib
import copy
import dataclasses
import errno
import json
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from filelock import FileLock, Timeout

from casefile.core import record
from casefile.core.custody import LOG_NAME, ChainReport, CustodyLog, entry_hash
from casefile.core.errors import (
    BusyError,
    CaseFileError,
    DamagedCaseError,
    IndexWriteError,
    InvalidValueError,
    LibraryVersionError,
    Message,
    NotFoundError,
    StorageError,
    SystemReason,
    message_from_data,
    message_to_data,
)
from casefile.core.fsutil import (
    PRIVATE_FILE,
    TEMP_PREFIX,
    atomic_write_bytes,
    atomic_write_json,
    fsync_dir,
    is_inside,
    is_link,
    make_private_dir,
    make_readonly,
    open_private,
    real_path,
    remove_quietly,
    remove_tree,
    storage_error,
    storage_problem,
    tighten_tree,
)
from casefile.core.hashing import hash_file
from casefile.core.listing import (
    CASE_NUMBER,
    INDEX_NAME,
    LIBRARY_FORMAT,
    LIBRARY_MARKER,
    LIBRARY_VERSION,
    AgendaRow,
    CaseSummary,
    RevisionNotes,
    library_in_order,
    quick_case_row,
    quick_next_deadlines,
    quick_summaries,
)
from casefile.core.manifest import (
    ANCHOR_NAME,
    MANIFEST_NAME,
    add_to_manifest,
    anchor_problems,
    read_manifest,
    write_manifest,
)
from casefile.core.model import (
    RECORD_FORMAT,
    RECORD_VERSION,
    Case,
    EvidenceKind,
    Exhibit,
    ExhibitList,
    ExhibitMetadata,
    Stage,
    StageChange,
    TimelineEvent,
    case_from_data,
    case_to_data,
    field_from_data,
    from_data,
    to_data,
)
from casefile.core.numbering import case_month
from casefile.core.record import merge
from casefile.core.record.versions import UPCASTERS, backup_before_migration, upcast
from casefile.core.timestamps.checking import STAMPS_DIR
from casefile.core.timestamps.queue import enqueue as enqueue_stamp
from casefile.core.transcripts import check_transcript, following_capture
from casefile.core.validate import CLOCK_SLACK, check_input, check_past_time, check_text, clean_input

_T = TypeVar("_T")

if TYPE_CHECKING:
    from casefile.core.index import Index
    from casefile.core.search.query import SearchResult
    from casefile.core.search.store import SearchIndex

log = logging.getLogger(__name__)


class Remote(Protocol):
    """Where a library's cases really live when it is a team library's working copy (casefile.core.workcopy).

    A solo library has none (``Library.remote`` is None) and pays nothing for this.
    """

    def pull(self, number: str, *, files: bool = False, fresh: bool = False) -> None:
        """Bring the case's folder up to the team library's state (its evidence too, with ``files``)."""

    def pull_all(self) -> None:
        """Bring every case's record and custody log up to date (no evidence), and drop cases gone."""

    def change(self, number: str, *, witness: bool = False) -> contextlib.AbstractContextManager[None]:
        """Hold the case in the team library around a change made here, and send the change on success
        (``witness``: the change only bears witness, as a reader may)."""

    def verifying(self, number: str) -> contextlib.AbstractContextManager[Callable[[str], str | None]]:
        """Around a verification of the case: it is brought here with its files (an object not as named
        in the store is not fetched, and stops nothing), and the function given says what the store's
        object named by a SHA-256 really holds (its SHA-256; None: there is none), each read once."""

    def create(self, case: Case) -> Case:
        """Register a new case in the team library (its number comes from there) and make its folder here."""

    def search(
        self,
        query: str,
        *,
        case: str | None,
        kind: str | None,
        date_from: date | None,
        date_to: date | None,
        limit: int,
        offset: int,
    ) -> SearchResult:
        """The hits of ``query`` over every case of the team library the signed-in user may read."""

    def texts_read(self, sha256: str) -> None:
        """A text of the file ``sha256`` was just read here (OCR, a PDF's screening): make it searchable there."""

    def note_damaged(self, number: str, reason: str) -> None:
        """The case was found damaged here (``reason``), or with "" verifies again: noted in the team library,
        so that every member's agenda and case list say so."""

    def close(self) -> None: ...


LOCK_TIMEOUT = 60.0

RECORD_NAME = "case.json"
README_NAME = "README.txt"
EVIDENCE_DIR = "evidence"
INBOX_DIR = "inbox"
BUNDLES_DIR = "bundles"
STAGING_DIR = ".staging"
# Where repair moves generated files found altered (a bundle), so that nothing looks like the real one:
# in the case folder, outside what is verified and exported, never deleted.
SET_ASIDE_DIR = "set-aside"

CASE_README = """\
本文件夹是 CaseFile 案件卷宗，无需 CaseFile 也可核验。
This folder is a CaseFile case file. It can be checked without CaseFile.

  case.json        案件记录 / the case record (readable JSON)
  evidence/        证据原件，逐字节保存、只读 / evidence files, byte for byte, read-only
  MANIFEST.sha256  证据文件的 SHA-256 清单 / SHA-256 of every evidence file
  CASEFILE.txt     内容固定的说明文件，列于清单中，使尚无证据的案件也能核验 / a file whose text never
                   changes, listed in the manifest so that a case with no evidence yet still checks
  CUSTODY.jsonl    保管记录，每条含上一条的哈希 / custody log, each entry holds the previous entry's hash
  inbox/           待导入文件 / files waiting to be added
  bundles/         生成的证据材料 PDF / generated evidence bundles
  timestamps/      可信时间戳（RFC 3161）及默克尔树包含证明 / trusted timestamps and inclusion proofs

核验证据文件 / To check the evidence files (Linux, macOS, Git Bash on Windows):
  cd <this folder> && sha256sum -c MANIFEST.sha256
Windows PowerShell: Get-FileHash -Algorithm SHA256 <file>, then compare with MANIFEST.sha256.
早期建立、尚无证据且没有 CASEFILE.txt 的案件，清单为空，sha256sum -c 会报 "no properly formatted
checksum lines found"；运行 casefile repair <案件编号> 补写后即可核验。
A case made before CASEFILE.txt existed, with no evidence yet, has an empty manifest: sha256sum -c
then says "no properly formatted checksum lines found"; casefile repair <case number> adds the file.

核验保管记录 / To check the custody log: for each line, remove the "hash" key, serialise the
rest as JSON with sorted keys, no spaces and UTF-8 (ensure_ascii off); its SHA-256 must equal
"hash", and "prev" must equal the previous line's "hash" (64 zeros for the first line).
"""

# README.txt tells anyone how to check the case without CaseFile, so a changed one could lead them
# to check nothing: verification requires it to be a text CaseFile wrote, and repair writes it
# again. Every text a CaseFile release has written is accepted, so an older case keeps verifying
# (the first one lacked the timestamps line); line ends are not compared (a copy made on Windows
# may turn them into CRLF). A release that changes CASE_README adds the old text here.
_BEFORE_ANCHOR = CASE_README.replace(
    "  CASEFILE.txt     内容固定的说明文件，列于清单中，使尚无证据的案件也能核验 / a file whose text never\n"
    "                   changes, listed in the manifest so that a case with no evidence yet still checks\n",
    "",
).replace(
    '早期建立、尚无证据且没有 CASEFILE.txt 的案件，清单为空，sha256sum -c 会报 "no properly formatted\n'
    'checksum lines found"；运行 casefile repair <案件编号> 补写后即可核验。\n'
    "A case made before CASEFILE.txt existed, with no evidence yet, has an empty manifest: sha256sum -c\n"
    'then says "no properly formatted checksum lines found"; casefile repair <case number> adds the file.\n',
    "",
)
CASE_READMES = (
    CASE_README,
    _BEFORE_ANCHOR,  # before it named CASEFILE.txt
    _BEFORE_ANCHOR.replace(
        "  timestamps/      可信时间戳（RFC 3161）及默克尔树包含证明 / trusted timestamps and inclusion proofs\n", ""
    ),
)
_README_BYTES = frozenset(text.encode("utf-8") for text in CASE_READMES)


def readme_problem(folder: CaseFolder) -> Message | None:
    """What is wrong with a case folder's README.txt (missing, or not a text CaseFile wrote), or None."""
    found = readme_check(folder)
    return found[0] if found else None


def readme_check(folder: CaseFolder) -> tuple[Message, bool] | None:
    """What is wrong with a case folder's README.txt and whether that message already tells the user to
    run the repair (so that whoever shows it does not add the same advice again), or None."""
    try:
        raw = (folder.path / README_NAME).read_bytes()
    except FileNotFoundError:
        missing = Message(
            "README.txt, which tells anyone how to check the case without CaseFile, is missing; "
            "'casefile repair {number}' writes it again",
            number=folder.number,
        )
        return missing, True
    except OSError as exc:
        unreadable = Message("{path} cannot be read: {reason}", path=README_NAME, reason=SystemReason(exc))
        return unreadable, False
    if raw.replace(b"\r\n", b"\n") in _README_BYTES:
        return None
    changed = Message(
        "README.txt is not the text CaseFile writes: its instructions for checking the case without CaseFile "
        "may have been changed; 'casefile repair {number}' writes it again (the changed one is kept beside it)",
        number=folder.number,
    )
    return changed, True


def record_text(case: Case, changed: set[int] | None = None) -> bytes:
    """case.json's bytes: indented JSON with one exhibit per line, so that a person reads it and
    finds an exhibit with any text tool.

    An exhibit read from case.json keeps its line unless it was used and is among ``changed``
    (None: any exhibit used may have changed); the others are written out afresh.
    """
    head = copy.copy(case)  # the same record without its exhibits (unknown keys are kept)
    head.exhibits = []
    data = case_to_data(head)
    marker = f"\x00exhibits-{secrets.token_hex(8)}\x00"
    data["exhibits"] = marker
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    exhibits = case.exhibits
    if isinstance(exhibits, ExhibitList):
        lines = exhibits.lines(changed, _exhibit_line)
    else:
        lines = [_exhibit_line(e) for e in exhibits]
    before, _marker, after = text.encode("utf-8").partition(json.dumps(marker).encode("utf-8"))
    if not lines:
        return before + b"[]" + after
    return b"".join((before, b"[\n", b",\n".join(lines), b"\n  ]", after))


def _exhibit_line(exhibit: Exhibit) -> bytes:
    return b"    " + json.dumps(to_data(exhibit), ensure_ascii=False).encode("utf-8")


_EXHIBITS_OPEN = b'\n  "exhibits": [\n'
_EXHIBITS_CLOSE = b"}\n  ]"
# An exhibit's line begins with its number, and ends with a comma unless it is the last.
_EXHIBIT_START = re.compile(rb'    \{"number": (\d+), ')
_EXHIBIT_NEXT = re.compile(rb'\},\n    \{"number": (\d+), ')


def case_from_record(raw: bytes, number: str, *, lazy: bool = False) -> tuple[Case, int]:
    """The case a case.json holds, and its format version.

    ``lazy``: a case.json of this format written one exhibit a line (as CaseFile writes it) is
    read without its exhibits, which are read one by one as they are used (:class:`ExhibitList`);
    any other is read whole, as JSON. Raises ValueError for text that is not JSON.
    """
    split = _split_exhibits(raw) if lazy else None
    if split is not None:
        head_bytes, block, numbers = split
        head = json.loads(head_bytes)
        if isinstance(head, dict) and head.get("version") == RECORD_VERSION and head.get("exhibits") == []:
            case = case_from_data(head)
            case.exhibits = ExhibitList.from_block(block, numbers, number)
            return case, RECORD_VERSION
    data = json.loads(raw)
    case = case_from_data(data)
    return case, data["version"]


def _split_exhibits(raw: bytes) -> tuple[bytes, bytes, list[int]] | None:
    """case.json with its exhibits taken out ("exhibits": []), their lines (each but the last followed
    by a comma and a line break) and the number each starts with; None when the exhibits are not
    one a line as CaseFile writes them.

    No value in JSON text holds a line break, so every comma that ends a line between the first
    exhibit and the last closing brace of a line ends an exhibit's line.
    """
    start = raw.find(_EXHIBITS_OPEN)
    if start < 0:
        return None
    first = start + len(_EXHIBITS_OPEN)
    end = raw.rfind(_EXHIBITS_CLOSE) + 1  # the fields after the exhibits hold no list of objects
    opening = _EXHIBIT_START.match(raw, first)
    if end <= first or opening is None:
        return None
    numbers = [opening.group(1), *_EXHIBIT_NEXT.findall(raw, first, end)]
    if raw.count(b",\n", first, end) != len(numbers) - 1:
        return None
    head = raw[:start] + b'\n  "exhibits": []' + raw[end + len(_EXHIBITS_CLOSE) - 1 :]
    return head, raw[first:end], list(map(int, numbers))


def manifest_entries(case: Case) -> list[tuple[str, str]]:
    """Every exhibit's file, and the files of every trusted timestamp (token, certificates, proofs)."""
    return [(e.stored_path, e.sha256) for e in case.exhibits] + [
        (path, digest) for stamp in case.timestamps for path, digest in stamp.files.items()
    ]


def _added(case: Case, before: Sequence[Exhibit], count: int) -> list[tuple[str, str]] | None:
    """The manifest lines of the exhibits added to ``case`` since it held ``before``, ``count`` of them.

    Exhibits are only appended, and neither their files nor their hashes change; None when the
    exhibits are not that list grown (a caller replaced it): compare the lists whole.
    """
    exhibits = case.exhibits
    if exhibits is not before or len(exhibits) < count:
        return None
    return [(e.stored_path, e.sha256) for e in exhibits[count:]]


def is_case_number(text: str) -> bool:
    return CASE_NUMBER.match(text) is not None


class CaseFolder:
    """Paths inside one case folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.number = path.name
        self._stored_version: int | None = None  # the format of case.json as last read or written here
        # Set when a change found this folder as its last change left it (nothing recovered):
        # the index then needs only the rows that change touches.
        self.settled = False

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

    def read_record(self, *, lazy: bool = False) -> Case:
        """The case record in case.json, checked whole; ``lazy``: each exhibit read from its line
        only when it is used (a change to the case), so that a line damaged outside CaseFile
        is found when it is used, or by verification."""
        try:
            case, self._stored_version = case_from_record(self.record_path.read_bytes(), self.number, lazy=lazy)
        except FileNotFoundError:
            raise NotFoundError("case {number}: case.json is missing", number=self.number) from None
        except (OSError, ValueError) as exc:
            raise CaseFileError("case {number}: case.json cannot be read ({exc})", number=self.number, exc=exc) from exc
        return case

    def write_snapshot(
        self,
        case: Case,
        *,
        manifest: bool = True,
        touched: set[int] | None = None,
        added: list[tuple[str, str]] | None = None,
    ) -> None:
        """Write case.json and (unless told not to) the manifest from the record.

        A case.json of an older format is copied aside first (``case.json.v1-<time>.bak``):
        it is rewritten in the current format. The manifest is rewritten only when the set of
        exhibits changed, so that a manifest altered outside CaseFile stays as evidence of
        that until verified.

        ``touched``: the only exhibits changed since this record was read here (None: any).
        The others keep the line case.json gave them, so a change to a case of thousands of
        exhibits writes them out again without working out each one anew.

        ``added``: the manifest lines of the exhibits added since (None: unknown). Given, they are
        set into the manifest on disk in their place, instead of writing every exhibit's line anew.
        """
        stored = self._stored_version if self._stored_version is not None else _stored_version(self.record_path)
        if stored is not None and stored < RECORD_VERSION and self.record_path.is_file():
            backup_before_migration(self.record_path, stored)
            log.warning(
                "case %s: case.json updated from format %d to %d (old file kept beside it)",
                self.number,
                stored,
                RECORD_VERSION,
            )
        atomic_write_bytes(self.record_path, record_text(case, touched))
        self._stored_version = RECORD_VERSION
        if manifest and not (added is not None and add_to_manifest(self.path, added)):
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
        self.touched: set[int] = set()  # the exhibits the entries written here concern
        self.changed = False  # whether an entry written here changed the record (not only bore witness)

    @property
    def operator(self) -> str:
        return self.library.operator

    def record(self, action: str, details: dict[str, Any]) -> dict[str, Any]:
        """Append a custody entry and apply it to the record."""
        entry = self.log.append(action, self.operator, details)
        self.case = record.apply_entry(self.case, entry)
        self.touched.update(record.ACTIONS[action].exhibits(details))
        self.changed |= record.ACTIONS[action].changes_record
        return entry

    def record_many(self, changes: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Append several custody entries with one flush to disk, then apply them in order."""
        entries = self.log.append_many(changes, self.operator)
        for (action, details), entry in zip(changes, entries, strict=True):
            self.case = record.apply_entry(self.case, entry)
            self.touched.update(record.ACTIONS[action].exhibits(details))
            self.changed |= record.ACTIONS[action].changes_record
        return entries

    def update(self, changed: Case, *, base: Case | None = None) -> list[str]:
        """Record every top-level field of ``changed`` that differs from the current record.

        ``base``: the case ``changed`` was made from, when that may be older than the record now (a form
        filled before another window or person saved the case). Then only what changed since ``base`` is
        recorded, merged into the record as it is now (see casefile.core.record.merge): what someone else
        changed meanwhile stays; a field both changed raises ConflictError, and nothing is written.
        """
        changed = self._typed(changed, base or self.case)
        if base is None:
            changes = record.record_changes(self.case, changed)
            values = {name: getattr(changed, name) for name in changes}
        else:
            changes, conflicts = merge.case_changes(base, changed, self.case)
            if conflicts:
                raise merge.case_conflict(self.case.number, base, self.log.read(), conflicts)
            values = {name: field_from_data(Case, name, data) for name, data in changes.items()}
        for name, value in values.items():
            check_input(value, name)
        if changes:
            self.record(record.UPDATE, {"fields": changes})
        return sorted(changes)

    @staticmethod
    def _typed(changed: Case, was: Case) -> Case:
        """``changed`` with the texts of the fields it changes made as their fields keep them (validate.clean_input:
        a line break in a name is a space); what it does not change is left as it was recorded."""
        fixes = {}
        for f in dataclasses.fields(changed):
            value = getattr(changed, f.name)
            if f.init and f.name != "exhibits" and value != getattr(was, f.name):
                cleaned = clean_input(value, f.name)
                if cleaned is not value:
                    fixes[f.name] = cleaned
        return dataclasses.replace(changed, **fixes) if fixes else changed

    def set_stage(
        self,
        stage: Stage,
        note: str = "",
        at: datetime | None = None,
        evidence: Sequence[int] = (),
        *,
        skip: bool = False,
    ) -> None:
        """Move the case to ``stage``, entered at ``at`` — when it really happened, not later than now
        (None: now), nor before the complaint or the current stage. Moving forward over stages the case never
        went through is refused unless ``skip`` confirms it (with a note); the entry names the stages skipped.
        ``evidence``: the exhibits that show what happened (a written reply…), which the narratives cite.
        The custody entry keeps the time it was recorded as well (casefile.core.workflow.stages)."""
        from casefile.core.workflow.stages import check_move

        check_text(note, "note")
        if self.case.workflow.closed is not None and stage is not Stage.REVIEW:
            raise InvalidValueError("the case is closed: reopen it, with the reason, before moving it to another stage")
        if at is not None:
            check_past_time(at, "at", CLOCK_SLACK)
        passed = check_move(self.case, stage, at if at is not None else datetime.now(UTC), skip=skip, note=note)
        details: dict[str, Any] = {"stage": stage.value, "note": note}
        if at is not None:
            details["at"] = to_data(at)
        cited = self.check_exhibits(evidence)
        if cited:  # written only when given: a stage entry without exhibits stays as it was
            details["evidence"] = cited
        if passed:
            details["skipped"] = [s.value for s in passed]
        self.record(record.STAGE, details)

    def check_exhibits(self, numbers: Iterable[int], where: str = "exhibit", *, cited: Iterable[int] = ()) -> list[int]:
        """``numbers`` (each once, in the order given) when each is an exhibit of the case in use; else refused,
        naming those that are not. A withdrawn exhibit is cited by no packet (they leave it out), so it is refused
        as a missing one is, unless the record cited it already (``cited``: a correction keeps its citations)."""
        numbers = list(dict.fromkeys(numbers))
        missing = [n for n in numbers if isinstance(n, bool) or not self.case.has_exhibit(n)]
        if missing:
            raise InvalidValueError(
                "{where}: no exhibit {numbers} in case {case}",
                where=where,
                numbers=", ".join(map(str, missing)),
                case=self.case.number,
            )
        before = set(cited)
        withdrawn = [n for n in numbers if n not in before and self.case.exhibit(n).withdrawn]
        if withdrawn:
            raise InvalidValueError(
                "{where}: exhibit {numbers} of case {case} is withdrawn, and no packet cites it; cite the exhibit "
                "that shows it",
                where=where,
                numbers=", ".join(map(str, withdrawn)),
                case=self.case.number,
            )
        return numbers

    def add_event(self, event: TimelineEvent) -> None:
        event = clean_input(event)
        self._check_event(event)
        if not event.recorded_by:
            event.recorded_by = self.operator
        event.recorded_at = None  # the fold dates it with its entry
        self.record(record.EVENT, {"event": to_data(event)})

    def update_event(self, was: TimelineEvent, event: TimelineEvent, reason: str = "") -> None:
        """Correct the timeline event ``was`` to ``event`` (the log keeps both, and why)."""
        event = clean_input(event)
        self._check_event(event)
        check_text(reason, "reason")
        if to_data(event) == to_data(was):
            return
        self._refuse_if_gone(was)
        if not event.recorded_by:
            event.recorded_by = self.operator
        self.record(record.EVENT_UPDATE, {"was": to_data(was), "event": to_data(event), "reason": reason.strip()})

    def remove_event(self, was: TimelineEvent, reason: str) -> None:
        """Take the timeline event ``was`` out of the record: a mistake, never the history (the log keeps it)."""
        if not reason.strip():
            raise InvalidValueError("removing an event needs a reason")
        check_text(reason, "reason")
        self._refuse_if_gone(was)
        self.record(record.EVENT_REMOVE, {"was": to_data(was), "reason": reason.strip()})

    def _refuse_if_gone(self, was: TimelineEvent) -> None:
        """A correction or removal names the event as the person saw it: corrected or removed since by someone
        else, it is a conflict, refused before anything is written (the entry could not be replayed)."""
        if not merge.has_event(self.case, was):
            raise merge.event_conflict(self.case.number, was, self.log.read())

    def _check_event(self, event: TimelineEvent) -> None:
        missing = [n for n in event.evidence if not self.case.has_exhibit(n)]
        if missing:
            raise InvalidValueError(
                "no exhibit {numbers} in case {case}", numbers=", ".join(map(str, missing)), case=self.case.number
            )
        check_input(event)
        check_past_time(event.at, "at", CLOCK_SLACK)

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
        if sorted(order) != sorted(self.case.exhibit_numbers()):
            raise InvalidValueError("a new order must list every exhibit exactly once")
        if order != self.case.ordered_numbers():
            self.record(record.REORDER, {"order": order})

    def move_exhibit(self, number: int, delta: int) -> None:
        """Move one exhibit up (negative) or down (positive) in the presentation order."""
        order = self.case.ordered_numbers()
        self.exhibit(number)
        i = order.index(number)
        j = max(0, min(len(order) - 1, i + delta))
        order.insert(j, order.pop(i))
        self.reorder(order)

    def arrange(self, numbers: list[int]) -> None:
        """Put the exhibits ``numbers`` in this order, in the places they hold between them; every other
        exhibit keeps its place (the bundle wizard lists only what can go in a packet, and a move
        there moves the exhibit in the case's one evidence order)."""
        if len(set(numbers)) != len(numbers):
            raise InvalidValueError("an exhibit is listed twice")
        for number in numbers:
            self.exhibit(number)
        order = self.case.ordered_numbers()
        wanted = set(numbers)
        places = [i for i, number in enumerate(order) if number in wanted]
        for place, number in zip(places, numbers, strict=True):
            order[place] = number
        self.reorder(order)

    def put_first(self, numbers: list[int]) -> None:
        """Put the exhibits ``numbers`` first, in this order; the others follow in the order they had."""
        if len(set(numbers)) != len(numbers):
            raise InvalidValueError("an exhibit is listed twice")
        for number in numbers:
            self.exhibit(number)
        rest = [n for n in self.case.ordered_numbers() if n not in set(numbers)]
        self.reorder([*numbers, *rest])

    def update_exhibit(self, number: int, *, base: Exhibit | None = None, **fields: Any) -> Exhibit:
        """Set ``fields`` of exhibit ``number``. ``base``: the exhibit as it was shown when these values were
        typed (it may be older than the record): only the fields changed since then are set, and a field
        someone else changed meanwhile raises ConflictError; nothing is written."""
        unknown = set(fields) - record.EXHIBIT_UPDATABLE
        if unknown:
            raise InvalidValueError("cannot change {fields} of an exhibit", fields=", ".join(sorted(unknown)))
        exhibit = self.exhibit(number)
        fields = {k: clean_input(v, k) for k, v in fields.items()}  # a line break in a title is a space
        if base is not None:
            fields = {k: v for k, v in fields.items() if v != getattr(base, k)}  # a time: the same instant
            stale = [k for k, v in fields.items() if getattr(exhibit, k) not in (getattr(base, k), v)]
            if stale:
                raise merge.exhibit_conflict(self.case.number, exhibit, self.log.read(), sorted(stale))
        for name, value in fields.items():
            check_input(value, name)
        if fields.get("transcript") is not None:
            check_transcript(fields["transcript"], exhibit)
        data = {k: to_data(v) for k, v in fields.items() if to_data(getattr(exhibit, k)) != to_data(v)}
        if "kind" in data:
            EvidenceKind(data["kind"])
        if "captured_at" in data and "transcript" not in fields and exhibit.transcript is not None:
            # A transcript whose start was the old capture time follows the correction, in the same entry.
            moved = following_capture(exhibit.transcript, exhibit.captured_at, fields["captured_at"])
            if moved is not None:
                data["transcript"] = to_data(moved)
        if data:
            self.record(record.EXHIBIT_UPDATE, {"exhibit": number, "fields": data})
        return self.exhibit(number)

    def set_exhibit_metadata(
        self, number: int, metadata: ExhibitMetadata, flags: list[str], captured: tuple[datetime, str] | None
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
    def __init__(self, root: Path, operator: str, *, hash_sm3: bool = True, read_only: bool = False) -> None:
        self.root = root
        self.operator = operator
        self.hash_sm3 = hash_sm3
        self.read_only = read_only
        self.library_id = ""
        self.cases_dir = root / "cases"
        self.locks_dir = root / ".locks"
        self.pending_dir = root / ".pending"
        self.quarantine_dir = root / ".quarantine"
        self.work_root = root / ".work"
        self._index: Index | None = None
        self._search: SearchIndex | None = None
        self.index_problem: Message | None = None  # why the index on disk could not be used
        self.search_notice: Message | None = None  # the search tables were found damaged, set aside and rebuilt
        # Opened with the index on demand: until something needs the index, the case list and the
        # clocks are read from it with sqlite3 (no SQLAlchemy) while the library stays in order.
        self._on_demand = False
        self._opening = threading.Lock()
        self._revisions = RevisionNotes(root)  # an index not opened yet: witnesses' revisions noted in it
        # A team library's working copy: the team library behind it (casefile.core.workcopy); None: solo.
        self.remote: Remote | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        root: Path,
        operator: str,
        *,
        create: bool = True,
        hash_sm3: bool = True,
        read_only: bool | None = None,
        index_on_demand: bool = False,
    ) -> Library:
        """Open (and if needed create) a library, finishing anything a crash interrupted.

        A library on a read-only disc or share (or ``read_only=True``) opens for reading:
        listing, showing, verifying and exporting work, nothing is written to it, and its
        index is built in memory.

        ``index_on_demand``: when the library is in order (nothing to finish or reconcile, see
        :func:`~casefile.core.listing.library_in_order`), the index is opened only when
        something needs it, so a command that writes nothing to it never loads SQLAlchemy.
        """
        root = Path(root).expanduser().absolute()
        check_text(operator, "operator")
        marker = root / LIBRARY_MARKER
        if not marker.exists():
            if not create or read_only:
                raise NotFoundError("no CaseFile library at {root}", root=root)
            _create_library(root)
        if read_only is None:
            read_only = not _writable(root)
        info = _read_marker(marker)
        library = cls(root, operator, hash_sm3=hash_sm3, read_only=read_only)
        version = int(info["version"])
        if version < LIBRARY_VERSION:
            info = upcast(
                "library", info, version, LIBRARY_VERSION, Message("the library file {marker}", marker=marker)
            )
            if not read_only:
                backup_before_migration(marker, version)
                atomic_write_json(marker, info)
                log.warning(
                    "library %s: format %d updated to %d (old file kept beside it)", root, version, LIBRARY_VERSION
                )
        library.library_id = str(info.get("id", ""))
        if read_only:
            from casefile.core.index import Index

            library._index = Index(None)
            library.reindex()
            return library
        if index_on_demand and library_in_order(root):
            library._on_demand = True
            return library  # nothing to recover, and the index lists every case folder
        library._make_private()
        for folder in (library.cases_dir, library.locks_dir, library.pending_dir):
            try:
                make_private_dir(folder)
            except OSError as exc:
                raise storage_error(exc, Message("creating {folder}", folder=folder)) from exc
        library.recover()
        if library.index.needs_rebuild:
            library.reindex()
        else:
            if library.index.organisation_changed:  # the settings name another organisation than last time
                library.read_sides_again()
            library.reconcile_index()
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
        if self.remote is not None:
            self.remote.close()
        self._revisions.close()
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._search is not None:
            self._search.close()
            self._search = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def index(self) -> Index:
        if self._index is None:
            with self._opening:  # opened once, whichever thread first needs it (the app: a task's, or its own)
                if self._index is None:
                    self._index = self._open_index()
        return self._index

    def _open_index(self) -> Index:
        from casefile.core.index import Index  # SQLAlchemy: loaded only by what uses the index

        try:
            return Index(self.root / INDEX_NAME)
        except StorageError as exc:
            # A full disk or a broken index file must not lock the user out of the cases:
            # work from an index in memory; the one on disk is brought up to date later.
            log.info("library %s: working without its index on disk: %s", self.root, exc)
            self.index_problem = exc.message
            index = Index(None)
            index.needs_rebuild = True
            return index

    @property
    def search_index(self) -> SearchIndex:
        """The search tables (:mod:`casefile.core.search.store`), opened when first used."""
        if self._search is None:
            from casefile.core.search.indexing import open_index

            self._search = open_index(self.root, read_only=self.read_only, immutable=self.read_only)
            if self._search.set_aside_as is not None:
                self._note_search_set_aside(self._search.set_aside_as)
        return self._search

    def search_damaged(self, exc: BaseException) -> None:
        """The search tables were found damaged (``exc``: "malformed", "not a database"): they are
        derived data, so the file is set aside in .derived/ (kept, named with the time) and empty
        tables take its place, built from the case folders by the next search or the rebuild under
        way. The user is told (:attr:`search_notice`). Raises ``exc`` for a library that cannot change."""
        self._note_search_set_aside(self.search_index.set_aside(exc))

    def _note_search_set_aside(self, aside: Path) -> None:
        self.search_notice = Message(
            "the search tables were damaged; they were set aside as {aside} and rebuilt from the case folders",
            aside=aside,
        )

    def rebuild_search(self) -> None:
        """Build the search tables afresh from every case folder."""
        from casefile.core.search.indexing import rebuild

        cases = [case for case in (self._indexable(n)[0] for n in self.case_numbers()) if case is not None]
        rebuild(self, cases)

    def refresh_search(self, sha256: str) -> None:
        """Index again the texts of every exhibit with these bytes (a text of the file was just read:
        OCR, the screening of a PDF); a failure is logged and the tables rebuilt at the next search."""
        from casefile.core.search.indexing import refresh_file

        self._update_search(f"texts of {sha256[:12]}", lambda: refresh_file(self, sha256))
        if self.remote is not None:
            self.remote.texts_read(sha256)

    def _update_search(self, what: str, change: Callable[[], object]) -> None:
        """Bring the search tables up to date; they are derived data: a failure is logged, and the
        tables are rebuilt at the next search."""
        from casefile.core.search.store import is_damage

        try:
            try:
                change()
            except sqlite3.Error as exc:
                if not is_damage(exc) or self.read_only:
                    raise
                # A damaged file would fail every change and every search for good: set it aside and
                # make the change again on empty tables (a rebuild fills them; any other change leaves
                # them incomplete, so the next search builds them whole).
                self.search_damaged(exc)
                change()
        except (sqlite3.Error, OSError) as exc:
            log.warning("search tables not brought up to date (%s): %s", what, exc)
            with contextlib.suppress(sqlite3.Error, OSError), self.search_index.writing() as connection:
                self.search_index.mark_incomplete(connection)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StorageError(
                "the library at {root} is read-only (a disc, a read-only share or a received copy): "
                "nothing can be changed in it",
                root=self.root,
            )

    # ------------------------------------------------------------------ locks

    @contextmanager
    def lock(self, name: str, what: Message, *, wait: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold a lock shared with other processes; BusyError after ``wait`` seconds (0: do not wait)."""
        self._refuse_if_read_only()
        lock = FileLock(str(self.locks_dir / f"{name}.lock"), mode=PRIVATE_FILE)
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise BusyError("{what} is in use by another CaseFile window or command; try again", what=what) from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def reading(self, number: str, *, wait: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold a case still while its record, log and file lists are read together.

        Changes are committed under the same lock, so a reader inside sees each one whole or
        not at all. A read-only library has no writers of its own and takes no lock.
        """
        if self.read_only:
            yield
            return
        with self.lock(number, Message("case {number}", number=number), wait=wait):
            yield

    def _try_lock(self, name: str) -> FileLock | None:
        """The lock if nobody holds it, else None (never waits)."""
        lock = FileLock(str(self.locks_dir / f"{name}.lock"), mode=PRIVATE_FILE)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return None
        return lock

    @contextmanager
    def staging_folder(self, label: str) -> Iterator[Path]:
        """A new folder under cases/ to build a case in, held by this process until the caller is done.

        The folder is paired with a lock that this process holds while the folder exists, so
        another process opening the library removes it only when its maker is gone (crashed),
        never while it is being filled. The caller renames it into place or leaves it to be removed.
        """
        path = self.cases_dir / f"{TEMP_PREFIX}{secrets.token_hex(6)}-{label}"
        with self._held_folder(path, _staging_lock(path.name), Message("a new case folder")):
            yield path

    def refuse_inside(self, path: str | os.PathLike[str]) -> None:
        """Refuse a file or folder the user names for CaseFile to write (an export, a bundle's copy, a
        report) that lies inside the library: written into a case's folder it would be taken for part
        of the case, which would then no longer verify. The check ``add`` makes of the files it takes."""
        chosen = Path(path).expanduser().absolute()
        if is_inside(real_path(chosen), real_path(self.root)):
            raise InvalidValueError(
                "{path} is inside the CaseFile library ({library}); save it to a folder outside the library "
                "(a file put in a case's folder would stop the case from verifying)",
                path=chosen,
                library=self.root,
            )

    @contextmanager
    def work_folder(self, kind: str) -> Iterator[Path]:
        """A scratch folder inside the library (bundle pages…), removed afterwards or after a crash."""
        name = f"{kind}-{secrets.token_hex(6)}"
        with self._held_folder(self.work_root / name, f"work-{name}", Message("a scratch folder")):
            yield self.work_root / name

    @contextmanager
    def _held_folder(self, path: Path, lock_name: str, what: Message) -> Iterator[None]:
        """Create ``path`` and hold ``lock_name`` until it is gone (renamed by the caller, or removed here)."""
        with self.lock(lock_name, what):
            try:
                make_private_dir(path.parent)
                make_private_dir(path, exist_ok=False)
            except OSError as exc:
                raise storage_error(exc, Message("creating {what}", what=what)) from exc
            try:
                yield
            finally:
                remove_tree(path)
        (self.locks_dir / f"{lock_name}.lock").unlink(missing_ok=True)

    @contextmanager
    def outside_file(self, path: Path) -> Iterator[Path]:
        """Note a temporary file CaseFile writes outside the library (an export's partial .zip).

        If this process dies before the caller renames or removes it, the next start removes it.
        """
        if self.read_only:
            yield path
            return
        token = secrets.token_hex(6)
        name = f"outside-{token}"
        with self.lock(f"work-{name}", Message("a scratch file")):
            intent = self.work_root / f"{name}.json"
            try:
                make_private_dir(self.work_root)
                atomic_write_json(intent, {"path": str(path)})
            except (OSError, StorageError) as exc:
                raise StorageError("noting the temporary file {path} failed: {exc}", path=path, exc=exc) from exc
            try:
                yield path
            finally:
                intent.unlink(missing_ok=True)
        (self.locks_dir / f"work-{name}.lock").unlink(missing_ok=True)

    # ------------------------------------------------------------------ cases

    def folder(self, number: str) -> CaseFolder:
        """The folder of a case; it may be damaged (its case.json missing), which verify and repair handle."""
        number = number.strip()
        if not is_case_number(number):
            raise InvalidValueError(
                "{number!r} is not a case number (expected YYYYMM-NNN, e.g. 202611-001)", number=number
            )
        path = self.cases_dir / number
        if not path.is_dir():
            raise NotFoundError("no case {number} in the library at {root}", number=number, root=self.root)
        return CaseFolder(path)

    def case_numbers(self) -> list[str]:
        """Every case folder, in number order (202611-999 before 202611-1000), damaged ones included."""
        try:
            with os.scandir(self.cases_dir) as entries:  # the kind of each entry comes with the listing
                names = [e.name for e in entries if is_case_number(e.name) and e.is_dir()]
        except FileNotFoundError:
            return []
        return sorted(names, key=case_sort_key)

    def load_case(self, number: str) -> Case:
        return self.folder(number).read_record()

    def load_verified_case(self, number: str) -> Case:
        """The case record as its custody log says it is, refusing when case.json disagrees.

        For whatever leaves the machine (bundles): the log is folded from its first entry and
        checked link by link, and case.json must be that fold. Raises DamagedCaseError naming
        each problem otherwise.
        """
        return self.load_verified_log(number)[0]

    def load_verified_log(self, number: str) -> tuple[Case, list[dict[str, Any]]]:
        """:meth:`load_verified_case`, with the custody log's entries it was folded from (their chain checked)."""
        folder = self.folder(number)
        entries, chain = folder.custody.scan()
        problems, truth = check_record(folder, (entries, chain))
        if problems or truth is None:
            raise DamagedCaseError(
                "case {number} does not agree with its custody log: {problems}",
                number=folder.number,
                problems="; ".join(problems),
            )
        return truth, entries

    def list_cases(self, search: str = "") -> list[CaseSummary]:
        return self._read_index(lambda: quick_summaries(self.root, search), lambda index: index.summaries(search))

    def next_deadlines(self, now: datetime) -> dict[str, AgendaRow]:
        """Each open case's running clock that runs out first, by case number (one query)."""
        return self._read_index(lambda: quick_next_deadlines(self.root, now), lambda index: index.next_deadlines(now))

    def case_row(self, number: str, now: datetime) -> tuple[CaseSummary | None, AgendaRow | None]:
        """What the case list shows of case ``number`` after it changed: its row (None: no such case) and
        its running clock that runs out first, as ``list_cases`` and ``next_deadlines`` have them."""
        return self._read_index(
            lambda: quick_case_row(self.root, number, now), lambda index: index.case_row(number, now)
        )

    def _read_index(self, quick: Callable[[], _T | None], full: Callable[[Index], _T]) -> _T:
        """``quick`` (the index read with sqlite3) while the index is not opened yet, as a library opened
        on demand is used while in order; ``full`` of the index otherwise, or when ``quick`` cannot tell."""
        if self._on_demand and self._index is None:
            found = quick()
            if found is not None:
                return found
        return full(self.index)

    def pull(self, number: str | None = None, *, files: bool = False) -> None:
        """A team library's working copy: bring case ``number`` (None: every case's record and log) up to
        the team library's state, with its evidence files when ``files``. Nothing for a solo library."""
        if self.remote is None:
            return
        if number is None:
            self.remote.pull_all()
        else:
            self.remote.pull(number.strip(), files=files)

    def create_case(self, case: Case) -> Case:
        """Give ``case`` the next number for its month and write its folder.

        The number is chosen under the library's lock, so two processes creating cases
        at the same moment get different numbers; the folder appears complete or not at all.
        In a team library's working copy the number comes from the team library.
        """
        self._refuse_if_read_only()
        check_input(case)
        if self.remote is not None:
            return self.remote.create(case)
        case.created_at = datetime.now(UTC)
        case.created_by = self.operator
        if not case.stage_log:
            case.stage_log = [StageChange(stage=case.stage, at=case.created_at, operator=self.operator, note="")]
        month = case_month(case.complained_at)
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
            with self.staging_folder(case.number) as staging:
                try:
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
                    raise storage_error(exc, Message("creating the case folder")) from exc
        self._index_upsert(case, changed=Message("case {number} was created", number=case.number))
        log.info("created case %s (%s)", case.number, case.title)
        return case

    @contextmanager
    def edit(self, number: str, *, wait: float = LOCK_TIMEOUT, witness: bool = False) -> Iterator[CaseWriter]:
        """Hold a case for changes; snapshot, manifest and index are written on exit.

        Waits up to ``wait`` seconds for another holder of the case, then raises BusyError.
        A quarantined (damaged) case is refused before anything is touched.

        In a team library's working copy the case is held in the team library for the whole
        change, brought up to its state first, and the change is sent there at the end
        (:meth:`Remote.change`); when that fails, the case here is put back as it was.
        ``witness``: the change only bears witness (a verification, an export), which someone who
        may only read a team case may make.
        """
        if self.remote is None:
            with self._edit(number, wait=wait) as writer:
                yield writer
            return
        with self.remote.change(number.strip(), witness=witness), self._edit(number, wait=wait) as writer:
            yield writer

    @contextmanager
    def _edit(self, number: str, *, wait: float) -> Iterator[CaseWriter]:
        self._refuse_if_read_only()
        folder = self.folder(number)
        self._refuse_if_quarantined(folder.number)
        with self.lock(folder.number, Message("case {number}", number=folder.number), wait=wait):
            pending = self.pending_dir / folder.number
            # Another process may have crashed mid-change (its marker is still there).
            case = self._recover_or_quarantine(folder, interrupted=pending.exists())
            atomic_write_bytes(pending, b"")
            exhibits, count = case.exhibits, len(case.exhibits)  # exhibits are only appended
            stamps = len(case.timestamps)
            head_before = case.custody_head.seq  # the writer changes ``case`` in place
            writer = CaseWriter(self, folder, case)
            failed = True
            try:
                yield writer
                failed = False
            finally:
                # Whatever was written to the custody log is part of the case: save it even
                # when the caller failed half-way (the log is the record of truth).
                recorded = writer.case.custody_head.seq != head_before
                try:
                    if recorded:
                        # A case found as its last change left it needs only the touched rows
                        # indexed, and only the lines of the exhibits added set into its manifest.
                        rows = writer.touched if folder.settled else None
                        added = _added(writer.case, exhibits, count)
                        if len(writer.case.timestamps) != stamps:  # a timestamp's files join the manifest
                            added = None
                            changed = True
                        elif added is None:
                            changed = manifest_entries(writer.case) != [(e.stored_path, e.sha256) for e in exhibits]
                        else:
                            changed = bool(added)
                        if len(writer.case.exhibits) > count:  # new exhibits wait for a trusted timestamp
                            enqueue_stamp(self.root, folder.number)
                        self._finish(
                            folder,
                            writer.case,
                            pending,
                            manifest=changed,
                            recorded=True,
                            rows=rows,
                            added=added if folder.settled else None,
                            witness_only=rows is not None and not writer.changed,
                        )
                    else:
                        pending.unlink(missing_ok=True)  # nothing was written: nothing to save
                except StorageError:
                    if not failed:
                        raise
                    # The caller's own error says what happened; the next start completes the rest.
                    log.warning("case %s: the snapshot could not be saved after an error", folder.number)

    def _finish(
        self,
        folder: CaseFolder,
        case: Case,
        pending: Path,
        *,
        manifest: bool,
        recorded: bool,
        rows: set[int] | None = None,
        added: list[tuple[str, str]] | None = None,
        witness_only: bool = False,
    ) -> None:
        """Write the snapshot, manifest and index; say truthfully what was saved when something fails.

        ``rows``: the only exhibits whose index rows may have changed (None: any of them).
        ``added``: the manifest lines of the exhibits added (None: write the manifest whole).
        ``witness_only``: the entries written only bore witness, so only the case's revision changed.

        On failure the pending marker stays, so the next start completes the snapshot and index.
        """
        try:
            folder.write_snapshot(case, manifest=manifest, touched=rows, added=added)
        except StorageError as exc:
            if not recorded:
                raise
            raise StorageError(
                "the change to case {number} is recorded in its custody log, but {problem}; "
                "CaseFile completes it at the next start",
                number=folder.number,
                problem=exc.problem,
            ) from exc
        self._index_upsert(
            case,
            changed=Message("the change to case {number} was saved", number=folder.number),
            rows=rows,
            witness_only=witness_only,
        )
        if self.index_problem is None:  # else the index on disk learns of the change at the next start
            pending.unlink(missing_ok=True)

    def _index_upsert(
        self, case: Case, *, changed: Message, rows: set[int] | None = None, witness_only: bool = False
    ) -> None:
        """Bring the index up to date; it is derived data, so a failure loses nothing but is said plainly.

        ``witness_only``: only the revision changed; an index not opened yet (see ``index_on_demand``)
        is not opened for that.
        """
        try:
            if witness_only:  # the revision alone, set in the row the index has for the case
                if self._index is None and self._revisions.note(case.number, case.revision):
                    return
                if self._index is not None and self._index.set_revision(case.number, case.revision):
                    return
            self.index.upsert(case, exhibits=rows)
            if not witness_only:
                from casefile.core.search.indexing import update_case

                self._update_search(case.number, lambda: update_case(self, case, rows))
        except IndexWriteError as exc:
            raise StorageError(
                "{changed}, but the library index could not be updated ({reason}); "
                "it is brought up to date at the next start",
                changed=changed,
                reason=exc.message,
            ) from exc

    # ------------------------------------------------------------------ quarantine

    def quarantine_reason(self, number: str) -> str:
        """Why a case is quarantined (damaged, no writes), or '' when it is not."""
        message = self.quarantine_message(number)
        return "" if message is None else str(message)

    def quarantine_message(self, number: str) -> Message | None:
        """Why a case is quarantined, as a message the app translates; None when it is not."""
        try:
            data = json.loads((self.quarantine_dir / f"{number}.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return Message("damaged")
        if not isinstance(data, dict):
            return Message("damaged")
        return message_from_data(data.get("message", data.get("reason", "damaged")))

    def quarantine(self, number: str, reason: str, *, tell_team: bool = True) -> None:
        """Refuse writes to a damaged case until it verifies again; the case folder is not touched.

        In a team library's working copy the team library notes it too (``tell_team``), so that every
        member's agenda and case list mark the case damaged; a working copy mirroring what the team
        library says (casefile.core.workcopy) does not tell it back.
        """
        if self.read_only:
            return
        if self.quarantine_reason(number) != str(reason):
            log.info("case %s is quarantined: %s", number, reason)
            try:
                make_private_dir(self.quarantine_dir)
                atomic_write_json(
                    self.quarantine_dir / f"{number}.json",
                    {"reason": str(reason), "message": message_to_data(reason), "at": datetime.now(UTC).isoformat()},
                )
            except StorageError as exc:
                log.error("case %s: the quarantine could not be noted: %s", number, exc)
        self._index_damaged(number, str(reason))  # also when noted before: the row may be new (rebuilt, pulled)
        if tell_team and self.remote is not None:
            self.remote.note_damaged(number, reason)

    def release(self, number: str, *, tell_team: bool = True) -> None:
        """A quarantined case verified clean again (restored from a backup, repaired); in a team library's
        working copy the team library's note that it is damaged is cleared too (``tell_team``)."""
        path = self.quarantine_dir / f"{number}.json"
        if path.exists() and not self.read_only:
            path.unlink(missing_ok=True)
            log.info("case %s verifies again; writes to it are allowed", number)
            self._index_damaged(number, "")
        if tell_team and self.remote is not None and not self.read_only:
            self.remote.note_damaged(number, "")

    def _index_damaged(self, number: str, reason: str) -> None:
        with contextlib.suppress(IndexWriteError):
            self.index.set_damaged(number, reason)

    def _refuse_if_quarantined(self, number: str) -> None:
        reason = self.quarantine_reason(number)
        if reason:
            raise DamagedCaseError(
                "case {number} is damaged ({reason}) and was left untouched; nothing is written to it until it "
                "verifies again — run 'casefile verify {number}', or 'casefile repair {number}' to rebuild its "
                "record from the custody log",
                number=number,
                reason=reason,
            )

    def _recover_or_quarantine(self, folder: CaseFolder, *, interrupted: bool = True) -> Case:
        try:
            return self._recover_case(folder, interrupted=interrupted)
        except DamagedCaseError as exc:
            self.quarantine(folder.number, exc.reason)
            raise

    # ------------------------------------------------------------------ recovery

    def recover(self) -> list[str]:
        """Finish or undo whatever a crash interrupted; return the numbers of the cases touched.

        Never waits: work another process is doing right now (a long import, an ingest, a
        bundle) is left alone, and a damaged case is quarantined instead of stopping the
        library from opening.
        """
        self._remove_orphans()
        touched = []
        for marker in sorted(self.pending_dir.iterdir()) if self.pending_dir.exists() else []:
            number = marker.name
            if not is_case_number(number) or not (self.cases_dir / number).is_dir():
                marker.unlink(missing_ok=True)
                continue
            lock = self._try_lock(number)
            if lock is None:
                continue  # its writer is alive and still at work
            try:
                if not marker.exists():
                    continue  # another process finished it meanwhile
                folder = CaseFolder(self.cases_dir / number)
                try:
                    case = self._recover_or_quarantine(folder)
                    self._finish(folder, case, marker, manifest=True, recorded=False)
                except DamagedCaseError:
                    marker.unlink(missing_ok=True)
                    continue
                except StorageError as exc:  # a full disk: the marker stays, the next start retries
                    log.info("case %s: an interrupted change could not be completed yet: %s", number, exc)
                    continue
                touched.append(number)
            finally:
                lock.release()
        return touched

    def _remove_orphans(self) -> None:
        """Remove staging and scratch folders (and noted outside files) whose maker is gone."""
        for stray in self.cases_dir.glob(f"{TEMP_PREFIX}*"):
            lock = self._try_lock(_staging_lock(stray.name))
            if lock is None:
                continue  # being filled right now by another process
            try:
                if stray.exists():  # not renamed into place by its maker meanwhile
                    log.warning("removing unfinished case folder %s", stray)
                    remove_tree(stray)
            finally:
                lock.release()
            (self.locks_dir / f"{_staging_lock(stray.name)}.lock").unlink(missing_ok=True)
        if not self.work_root.is_dir():
            return
        for item in self.work_root.iterdir():
            name = item.name.removesuffix(".json")
            lock = self._try_lock(f"work-{name}")
            if lock is None:
                continue
            try:
                if item.suffix == ".json":
                    _remove_noted_file(item)
                    item.unlink(missing_ok=True)
                else:
                    log.warning("removing scratch folder %s left by an interrupted command", item)
                    remove_tree(item)
            finally:
                lock.release()
            (self.locks_dir / f"work-{name}.lock").unlink(missing_ok=True)

    def _recover_case(self, folder: CaseFolder, *, interrupted: bool = True) -> Case:
        """Bring one case folder to a consistent state; the caller holds its lock.

        ``interrupted`` False: no change to the case was left unfinished (its pending marker
        is absent), so a log that ends where case.json says needs no replay.

        Raises DamagedCaseError when the folder cannot be trusted (its log cut, altered or
        unreadable, case.json missing or disagreeing with the log): nothing is then written.
        """
        for stray in folder.path.glob(f"{TEMP_PREFIX}*"):  # an atomic write cut short
            stray.unlink(missing_ok=True)
        custody = folder.custody
        torn = custody.repair_torn_tail()
        if torn:
            log.warning("case %s: removed an incomplete custody entry left by a crash", folder.number)
        try:
            snapshot = folder.read_record(lazy=True)
        except CaseFileError as exc:
            raise DamagedCaseError.of(folder.number, exc.message) from exc
        snapshot_head = (snapshot.custody_head.seq, snapshot.custody_head.hash)
        if (
            not torn
            and not interrupted
            and _written_before(custody.path, folder.record_path)
            and _ends_at(custody, snapshot_head)
        ):
            # The last change was completed (no marker), nothing has written to the log since
            # case.json was written after it, and the log ends where case.json says with a whole
            # last entry: nothing to recover, and only the end of the log is read. A log written
            # to since (edited by hand, restored from a copy) has every link checked below, and
            # verify and everything that leaves the library (bundles, exports) check them all.
            case = _finish_staged(folder, snapshot)
            if (case.custody_head.seq, case.custody_head.hash) != snapshot_head:
                folder.write_snapshot(case)
            else:
                folder.settled = True
            return case
        entries, chain = custody.scan()
        if not chain.ok:
            raise DamagedCaseError.of(folder.number, chain.problems[0])
        log_head = (chain.entries, chain.head_hash)
        case = snapshot
        if log_head != snapshot_head:
            # The log went on after the snapshot was written (a crash): replay it, but only
            # if the snapshot is the record as it stood at the entry it names (read whole).
            try:
                snapshot = folder.read_record()
            except CaseFileError as exc:
                raise DamagedCaseError.of(folder.number, exc.message) from exc
            try:
                check = record.fold_and_compare(entries, snapshot)
            except LibraryVersionError:
                raise  # written by a newer CaseFile: not damage, but nothing to write with this one
            except (CaseFileError, KeyError, ValueError, TypeError) as exc:
                raise DamagedCaseError.of(
                    folder.number, Message("the custody log cannot be replayed: {exc}", exc=exc)
                ) from exc
            if not check.snapshot_seen:
                raise DamagedCaseError.of(
                    folder.number, Message("it no longer contains the entry case.json recorded last")
                )
            if check.at_snapshot:
                raise DamagedCaseError.of(
                    folder.number,
                    Message("case.json differs from its custody log in: {fields}", fields=", ".join(check.at_snapshot)),
                )
            case = check.case
        case = _finish_staged(folder, case)
        if torn:
            entry = custody.append(record.RECOVERY, self.operator, {"removed_incomplete_entry_bytes": len(torn)})
            case = record.apply_entry(case, entry)
        if (case.custody_head.seq, case.custody_head.hash) != snapshot_head:
            folder.write_snapshot(case)
        return case

    # ------------------------------------------------------------------ repair

    def repair(self, number: str) -> RepairResult:
        """Rebuild a case's case.json and MANIFEST.sha256 from its custody log, write its README.txt
        again when it is not CaseFile's text, record a lost or altered generated bundle as lost
        (an altered one moved to ``set-aside/``), and record in the log what it did.

        Only when the log itself is whole (every link checks, nothing cut off its end): the
        log is what the record is rebuilt from. The files replaced are kept beside the new
        ones (``case.json.replaced-<time>``) for whoever examines what happened.
        """
        self._refuse_if_read_only()
        if self.remote is not None:  # a working copy is put right from the team library, not from itself
            self.remote.pull(number.strip(), files=True, fresh=True)
            folder = self.folder(number)
            with self.lock(folder.number, Message("case {number}", number=folder.number)):
                # Released (for the whole team) only when the team library's case checks as a folder's
                # does; otherwise it stays damaged, and the damage is noted there.
                self._recover_or_quarantine(folder)
            self.release(folder.number)
            return RepairResult(folder.number, [RECORD_NAME, MANIFEST_NAME], [])
        folder = self.folder(number)
        with self.lock(folder.number, Message("case {number}", number=folder.number)):
            custody = folder.custody
            chain = custody.check()
            if not chain.ok:
                raise DamagedCaseError(
                    "case {number}: the custody log itself is damaged ({reason}); CaseFile cannot rebuild the record "
                    "from it — restore the case folder from a backup or an exported archive",
                    number=folder.number,
                    reason=chain.problems[0],
                )
            try:
                truth = record.fold(custody.read())
            except (CaseFileError, KeyError, ValueError, TypeError) as exc:
                raise DamagedCaseError(
                    "case {number}: the custody log cannot be replayed ({exc}); nothing was changed",
                    number=folder.number,
                    exc=exc,
                ) from exc
            problems, _truth = check_record(folder)
            try:
                snapshot_seq = folder.read_record().custody_head.seq
            except CaseFileError:
                snapshot_seq = 0
            if snapshot_seq > chain.entries:
                raise DamagedCaseError(
                    "case {number}: entries were cut off the end of its custody log; CaseFile cannot rebuild them — "
                    "restore the case folder from a backup or an exported archive",
                    number=folder.number,
                )
            manifest_now, manifest_problems = read_manifest(folder.path)
            expected_manifest = dict(manifest_entries(truth))
            # A manifest written without the anchor's line is whole, unless it is empty: sha256sum -c fails on it.
            anchor_wrong = bool(anchor_problems(folder.path, manifest_now)) or not manifest_now
            manifest_now.pop(ANCHOR_NAME, None)
            manifest_wrong = bool(manifest_problems) or anchor_wrong or manifest_now != expected_manifest
            readme = readme_problem(folder)
            readme_wrong = readme is not None
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept: list[str] = []
            rebuilt: list[str] = []
            if problems or manifest_wrong or readme_wrong:
                previous: dict[str, str | None] = {}
                if problems or manifest_wrong:
                    rebuilt = [RECORD_NAME, MANIFEST_NAME] if manifest_wrong else [RECORD_NAME]
                if readme_wrong:
                    rebuilt.append(README_NAME)
                for name in rebuilt:
                    path = folder.path / name
                    previous[name] = hash_file(path).sha256 if path.is_file() else None
                    if path.is_file():
                        aside = path.with_name(f"{name}.replaced-{stamp}")
                        os.replace(path, aside)
                        kept.append(aside.name)
                entry = custody.append(
                    record.REPAIR,
                    self.operator,
                    {
                        "rebuilt": rebuilt,
                        "previous_sha256": previous,
                        "kept": kept,
                        "problems": [str(p) for p in (*problems, *([readme] if readme else []))],
                    },
                )
                truth = record.apply_entry(truth, entry)
                if readme_wrong:
                    atomic_write_bytes(folder.path / README_NAME, CASE_README.encode("utf-8"))
                folder.write_snapshot(truth, manifest=True)
            lost = _lost_bundles(folder, custody.read(), stamp)
            if lost:
                entry = custody.append(record.BUNDLE_LOST, self.operator, {"files": lost})
                truth = record.apply_entry(truth, entry)
                folder.write_snapshot(truth)
        self.release(folder.number)
        if not rebuilt and not lost:
            return RepairResult(folder.number, [], [])
        self._index_upsert(truth, changed=Message("case {number} was repaired", number=folder.number))
        return RepairResult(folder.number, rebuilt, kept, [_lost_file(item) for item in lost])

    # ------------------------------------------------------------------ index

    def reindex(self) -> int:
        """Rebuild the index from the case folders; return how many cases were indexed.

        A case whose case.json is missing or unreadable is indexed from its custody log and
        marked damaged, so it stays on the list instead of vanishing from it.
        """
        from casefile.core.record.contacts import SEPARATOR, logged_earlier

        cases = []
        damaged: dict[str, str] = {}
        earlier: dict[str, str] = {}  # the parties' names and phone numbers before a correction (曾用)
        for number in self.case_numbers():
            case, reason = self._indexable(number)
            if case is None:
                log.error("case %s left out of the index: %s", number, reason)
                continue
            cases.append(case)
            if reason:
                damaged[number] = reason
            try:
                earlier[number] = SEPARATOR.join(logged_earlier(CaseFolder(self.cases_dir / number).custody))
            except OSError as exc:
                log.warning("case %s: its earlier contacts could not be read: %s", number, exc)
        try:
            self.index.replace(cases, remove_others=True, damaged=damaged, earlier=earlier)
        except IndexWriteError as exc:
            raise StorageError("the library index could not be rebuilt: {reason}", reason=exc.message) from exc
        self.index.needs_rebuild = False
        self.index.note_organisation()
        if not self.read_only:
            from casefile.core.search.indexing import rebuild

            self._update_search("rebuilt", lambda: rebuild(self, cases))
            # Thumbnails of evidence no longer in the library (a case removed, an exhibit withdrawn) go too.
            from casefile.core.thumbnails import purge

            purge(keep={e.sha256 for c in cases for e in c.exhibits if not e.withdrawn})
        return len(cases)

    def read_sides_again(self) -> int:
        """Work out the index's rows and clocks again for the cases that record no side of their own, read as the
        organisation the settings now name keeps them (casefile.core.model.organisation): the settings named
        another. Only those cases are read (the index says which): a library shared by two organisations' installs
        costs what their cases are at each switch, not the whole library. Returns how many cases were read again;
        the case folders are not written to."""
        count = 0
        try:
            for number in self.index.sides_not_recorded():
                case, _reason = self._indexable(number)
                if case is None:
                    continue  # its folder gone: reconciling drops its rows
                self.index.upsert(case, exhibits=())
                count += 1
        except IndexWriteError as exc:
            raise StorageError("the library index could not be updated: {reason}", reason=exc.message) from exc
        self.index.note_organisation()
        return count

    def reconcile_index(self) -> None:
        """Index case folders the index does not list (a crash after a new case's final rename,
        a case folder copied in by hand) and drop rows whose folder is gone."""
        on_disk = set(self.case_numbers())
        try:
            listed = self.index.numbers()
        except IndexWriteError:
            return
        missing = on_disk - listed
        cases = []
        damaged: dict[str, str] = {}
        for number in sorted(missing, key=case_sort_key):
            case, reason = self._indexable(number)
            if case is not None:
                cases.append(case)
                if reason:
                    damaged[number] = reason
        try:
            if cases:
                self.index.replace(cases, remove_others=False, damaged=damaged)
            gone = listed - on_disk
            if gone:
                self.index.remove(gone)
        except IndexWriteError as exc:
            log.warning("library index not brought up to date: %s", exc)
            return
        from casefile.core.search.indexing import remove_cases, update_case

        for case in cases:
            self._update_search(case.number, lambda case=case: update_case(self, case))  # type: ignore[misc]
        if gone:
            self._update_search("cases removed", lambda: remove_cases(self, gone))

    def _indexable(self, number: str) -> tuple[Case | None, str]:
        """(the record to index, why it is damaged or '')."""
        folder = CaseFolder(self.cases_dir / number)
        reason = self.quarantine_reason(number)
        try:
            return folder.read_record(), reason
        except CaseFileError as exc:
            problem = str(exc.message)
        try:
            return record.fold(folder.custody.read()), reason or problem
        except (CaseFileError, KeyError, ValueError, TypeError):
            return None, problem

    # ------------------------------------------------------------------ helpers for other services

    def record_event(self, number: str, action: str, details: dict[str, Any]) -> dict[str, Any]:
        """Write a witness-only entry (export, verify, bundle...) to a case's custody log."""
        with self.edit(number, witness=True) as writer:
            return writer.record(action, details)


@dataclass
class RepairResult:
    number: str
    rebuilt: list[str]  # files written anew from the custody log; empty when nothing needed it
    kept: list[str]  # the files they replaced, kept beside them
    lost_bundles: list[LostBundle] = field(default_factory=list)  # bundle files recorded as lost


@dataclass(frozen=True)
class LostBundle:
    """A generated bundle file repair found missing or altered and recorded as lost."""

    name: str  # relative to the case folder
    found: str  # "missing" or "modified"
    set_aside: str = ""  # where an altered file now is (relative to the case folder)


def _lost_file(item: dict[str, Any]) -> LostBundle:
    return LostBundle(str(item["name"]), str(item["found"]), str(item.get("set_aside", "")))


def _lost_bundles(folder: CaseFolder, entries: list[dict[str, Any]], stamp: str) -> list[dict[str, Any]]:
    """The generated bundle files that are not as the log recorded them, for a "bundle-lost" entry;
    an altered one (or a link put in its place) is moved to ``set-aside/`` first. The caller holds the lock.

    A bundle is CaseFile's output, not evidence: the packet can be made again from the evidence,
    so a lost one is recorded as lost instead of locking the case out of export.
    """
    from casefile.core.record.history import LOST_MISSING, LOST_MODIFIED, bundle_files

    expected, lost = bundle_files(entries)
    # A file recorded lost that is back in place, altered again, is set aside again.
    candidates = {**expected, **{name: f.sha256 for name, f in lost.items() if os.path.lexists(folder.path / name)}}
    found: list[dict[str, Any]] = []
    for name, digest in sorted(candidates.items()):
        path = folder.path / name
        if not os.path.lexists(path):
            found.append({"name": name, "sha256": digest, "found": LOST_MISSING})
            continue
        link = is_link(path)
        try:
            actual = "" if link or not path.is_file() else hash_file(path).sha256
        except OSError as exc:
            raise storage_error(exc, Message("reading {name}", name=name)) from exc
        if actual == digest:
            continue
        aside_dir = folder.path / SET_ASIDE_DIR
        aside = aside_dir / f"{path.stem}.altered-{stamp}{path.suffix}"
        try:
            aside_dir.mkdir(exist_ok=True)
            os.replace(path, aside)
            fsync_dir(aside_dir)
            fsync_dir(path.parent)
        except OSError as exc:
            raise storage_error(exc, Message("moving {name} aside", name=name)) from exc
        item: dict[str, Any] = {"name": name, "sha256": digest, "found": LOST_MODIFIED}
        if actual:
            item["actual_sha256"] = actual
        if link:
            item["link"] = True
        item["set_aside"] = aside.relative_to(folder.path).as_posix()
        found.append(item)
    return found


def case_sort_key(number: str) -> tuple[int, int, str]:
    """Case numbers in order: by month, then by serial as a number (999 before 1000)."""
    m = CASE_NUMBER.match(number)
    return (int(m.group(1)), int(m.group(2)), number) if m else (0, 0, number)


def check_record(
    folder: CaseFolder, scanned: tuple[list[dict[str, Any]], ChainReport] | None = None
) -> tuple[list[Message], Case | None]:
    """Problems between case.json and the custody log (empty when they agree), and the log's fold.

    The chain is checked link by link, the log folded from its first entry, and case.json
    compared with the record as it stood at the entry case.json names, from one read of the
    log (``scanned``: :meth:`CustodyLog.scan` done already). A log or record written by a newer
    CaseFile raises LibraryVersionError: it is not damaged, only unreadable here.
    """
    problems: list[Message] = []
    entries, chain = scanned or folder.custody.scan()
    problems.extend(Message(str(p)) if not isinstance(p, Message) else p for p in chain.problems)
    truth = _fold_if_same(folder, entries)
    if truth is not None:
        problems.extend(_folder_and_head_problems(folder, truth, truth.custody_head.seq, chain))
        return problems, truth
    snapshot: Case | None = None
    try:
        snapshot = folder.read_record()
    except CaseFileError as exc:
        problems.append(exc.message)
    try:
        check = record.fold_and_compare(entries, snapshot)
        truth = check.case
    except LibraryVersionError:
        raise  # not damage: a newer CaseFile wrote it
    except (CaseFileError, KeyError, ValueError, TypeError) as exc:
        problems.append(Message("the custody log cannot be replayed: {exc}", exc=exc))
        return problems, None
    if snapshot is None:
        problems.extend(_folder_and_head_problems(folder, truth, None, chain))
        return problems, truth
    seq = snapshot.custody_head.seq
    problems.extend(_folder_and_head_problems(folder, truth, seq, chain))
    if seq > chain.entries:
        return problems, truth  # said above: entries were cut off the end
    if not check.snapshot_seen:
        problems.append(Message("the custody entry case.json recorded last is not in the log as it was"))
    elif check.at_snapshot:
        problems.append(
            Message(
                "case.json differs from its custody log in: {fields} (edited outside CaseFile?)",
                fields=", ".join(check.at_snapshot),
            )
        )
    return problems, truth


def _fold_if_same(folder: CaseFolder, entries: list[dict[str, Any]]) -> Case | None:
    """The log's fold when case.json holds exactly it, key for key (the usual case), else None.

    case.json's data is then the record the log gives at its last entry, and the two agree:
    case.json need not be made a record nor compared with the fold field by field. Anything
    else (case.json unreadable or of an older format, behind the log or different from it, a
    log that cannot be folded) is left to the comparison field by field, which says what differs.
    """
    try:
        data = json.loads(folder.record_path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT or data.get("version") != RECORD_VERSION:
        return None
    try:
        truth, sources = record.fold_with_sources(entries)
    except LibraryVersionError:
        raise  # not damage: a newer CaseFile wrote it
    except (CaseFileError, KeyError, ValueError, TypeError):
        return None
    return truth if _holds(data, truth, sources) else None


def _holds(data: dict[str, Any], truth: Case, sources: record.Sources) -> bool:
    """Whether case.json's ``data`` is the record ``truth``, key for key.

    An exhibit that no entry changed since its ingest entry made it is that entry's data read as
    a record: case.json holding the same data holds the same exhibit, and is compared with that
    data as it is (at 5,000 exhibits, writing each out again cost more than the rest of the check).
    Any other exhibit, and the rest of the record, is written out and compared.
    """
    stored = data.get("exhibits")
    exhibits = truth.exhibits
    if not isinstance(stored, list) or len(stored) != len(exhibits):
        return False
    for item, exhibit in zip(stored, exhibits, strict=True):
        source = sources.get(id(exhibit))
        if (source is None or source[0] is not exhibit or item != source[1]) and item != to_data(exhibit):
            return False
    head = copy.copy(truth)  # the same record without its exhibits (unknown keys are kept)
    head.exhibits = []
    expected = case_to_data(head)
    return {**data, "exhibits": []} == expected


def _folder_and_head_problems(folder: CaseFolder, truth: Case, seq: int | None, chain: ChainReport) -> list[Message]:
    """The folder's name against the case it holds, and case.json's last entry (``seq``) against the log's end."""
    problems = []
    if truth.number != folder.number:
        problems.append(
            Message(
                "the folder is named {folder} but holds case {case} (renamed outside CaseFile?)",
                folder=folder.number,
                case=truth.number,
            )
        )
    if seq is not None and seq > chain.entries:
        problems.append(
            Message(
                "the custody log ends at entry {entries} but case.json has seen entry {seq}: "
                "entries were cut off the end",
                entries=chain.entries,
                seq=seq,
            )
        )
    return problems


def _written_before(log_path: Path, record_path: Path) -> bool:
    """Whether the custody log was last written before case.json (every completed change appends
    to the log first, then writes case.json); False when either cannot be looked at."""
    try:
        return os.stat(log_path).st_mtime_ns < os.stat(record_path).st_mtime_ns
    except OSError:
        return False


def _ends_at(custody: CustodyLog, head: tuple[int, str]) -> bool:
    """Whether the log's last line is a whole entry (its hash matches its content) at ``head``."""
    last = custody.last()
    if last is None or last.get("hash") != entry_hash(last):
        return False
    return (last.get("seq"), last.get("hash")) == head


def _finish_staged(folder: CaseFolder, case: Case) -> Case:
    """Complete or undo ingests and bundles a crash left half-done; the caller holds the case lock."""
    if _holds_anything(folder.staging_dir):
        from casefile.core.evidence import recover_staging

        case = recover_staging(folder, case)
    else:  # no ingest to finish, so its code is not even loaded; an empty staging folder goes as it would there
        with contextlib.suppress(OSError):
            folder.staging_dir.rmdir()
    _recover_bundles(folder, folder.custody)
    _recover_stamps(folder, case)
    return case


def _holds_anything(folder: Path) -> bool:
    """Whether a folder holds any entry (True when it cannot be read: let the caller look closer)."""
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is not None
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _recover_bundles(folder: CaseFolder, custody: CustodyLog) -> None:
    """Finish or remove bundle files a crash left half-saved; the caller holds the case lock.

    A bundle is saved as ``bundles/.cf-tmp-<name>``, then its custody entry is written, then it
    is renamed to ``<name>``. A temporary file whose entry exists (same name and hash) is
    renamed into place; any other is removed.
    """
    bundles = folder.bundles_dir
    strays = list(bundles.glob(f"{TEMP_PREFIX}*")) if bundles.is_dir() else []
    if not strays:
        return
    from casefile.core.record.history import recorded_bundle_files

    recorded = recorded_bundle_files(custody.read())
    for stray in strays:
        name = stray.name[len(TEMP_PREFIX) :]
        final = bundles / name
        digest = recorded.get(f"{BUNDLES_DIR}/{name}")
        if digest and not final.exists() and stray.is_file() and hash_file(stray).sha256 == digest:
            os.rename(stray, final)
            make_readonly(final)
            fsync_dir(bundles)
            log.warning("case %s: finished saving bundle %s after an interruption", folder.number, name)
        else:
            log.warning("case %s: removing unfinished bundle file %s", folder.number, stray.name)
            remove_quietly(stray)


def _recover_stamps(folder: CaseFolder, case: Case) -> None:
    """Finish or remove timestamp folders a crash left half-done; the caller holds the case lock.

    A stamp's files are written to ``timestamps/.cf-tmp-<id>/``, then its custody entry, then the
    folder is renamed to ``<id>``. A temporary folder of a stamp the case records is renamed into
    place (verify then checks every file against the entry); any other is removed.
    """
    stamps = folder.path / STAMPS_DIR
    try:
        strays = [p for p in stamps.iterdir() if p.name.startswith(TEMP_PREFIX)]
    except OSError:  # no timestamps folder (the usual case), or one verify will complain about
        return
    recorded = {stamp.id for stamp in case.timestamps}
    for stray in strays:
        stamp_id = stray.name[len(TEMP_PREFIX) :]
        final = stamps / stamp_id
        if stamp_id in recorded and stray.is_dir() and not final.exists():
            os.rename(stray, final)
            fsync_dir(stamps)
            log.warning("case %s: finished saving timestamp %s after an interruption", folder.number, stamp_id)
            continue
        log.warning("case %s: removing unfinished timestamp files %s", folder.number, stray.name)
        if stray.is_dir():
            for path in stray.iterdir():
                with contextlib.suppress(OSError):
                    path.chmod(PRIVATE_FILE)
            remove_tree(stray)
        else:
            remove_quietly(stray)


def _stored_version(path: Path) -> int | None:
    """The format version of a case.json on disk; None when there is none (or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def _staging_lock(dirname: str) -> str:
    return f"staging{dirname}"


def _remove_noted_file(intent: Path) -> None:
    try:
        data = json.loads(intent.read_text(encoding="utf-8"))
        path = Path(str(data["path"]))
    except (OSError, ValueError, KeyError, TypeError):
        return
    if path.name.startswith(TEMP_PREFIX):  # only ever a temporary file CaseFile named itself
        log.warning("removing %s left by an interrupted command", path)
        remove_quietly(path)


def _writable(root: Path) -> bool:
    """Whether the library's folder can be written (a read-only disc, share or copy cannot)."""
    if not os.access(root, os.W_OK):
        return False
    probe = root / f"{TEMP_PREFIX}probe-{os.getpid()}-{secrets.token_hex(3)}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False
        raise storage_error(exc, Message("opening the library at {root}", root=root)) from exc
    os.close(fd)
    os.unlink(probe)
    return True


def check_library_folder(root: Path) -> Message | None:
    """Why ``root`` cannot hold the library, or None: a library is there already, or the folder is
    empty (or missing) and can be created and written.

    Trying leaves nothing behind: a probe file and any folder made for the try are removed again.
    """
    root = Path(root).expanduser().absolute()
    creating = Message("creating the library at {root}", root=root)
    try:
        if (root / LIBRARY_MARKER).is_file():
            return None
        if root.exists() and not root.is_dir():
            return Message("{root} is a file, not a folder; choose a folder", root=root)
        if root.is_dir() and any(p.name != ".DS_Store" for p in root.iterdir()):
            return Message("{root} is not empty and is not a CaseFile library; choose an empty folder", root=root)
    except OSError as exc:
        return storage_problem(exc, creating)
    missing: list[Path] = []
    made: list[Path] = []
    try:
        folder = root
        while not folder.exists() and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            folder.mkdir()
            made.append(folder)
        probe = root / f"{TEMP_PREFIX}probe-{os.getpid()}-{secrets.token_hex(3)}"
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.unlink(probe)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC):
            return storage_problem(exc, creating)
        return Message("no folder can be created at {root}; choose another place", root=root)
    finally:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
    return None


def _create_library(root: Path) -> None:
    """Make a new library at ``root`` (missing or empty).

    Several processes starting on the same new folder at once (two windows, a command and the app)
    make one library: the marker is linked into place only where none is yet (the first one made is
    the library's), and a folder holding nothing but another's file being written counts as empty.
    """
    marker = root / LIBRARY_MARKER
    if root.is_dir() and any(p.name != ".DS_Store" and not p.name.startswith(TEMP_PREFIX) for p in root.iterdir()):
        if marker.exists():
            return  # another process made it since this one looked
        raise CaseFileError("{root} is not empty and is not a CaseFile library; choose an empty folder", root=root)
    data = json.dumps({"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION, "id": _new_id()}, indent=2) + "\n"
    try:
        root.mkdir(parents=True, exist_ok=True)
        make_private_dir(root)
        tmp = root / f"{TEMP_PREFIX}{LIBRARY_MARKER}.{os.getpid()}.{_new_id()}"
        with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, marker)
        except FileExistsError:
            pass  # another process made the library first: it is theirs that counts
        except OSError:  # a file system without hard links (FAT, some shares): replaced, as before
            os.replace(tmp, marker)
        finally:
            remove_quietly(tmp)
        fsync_dir(root)
    except OSError as exc:
        raise storage_error(exc, Message("creating the library at {root}", root=root)) from exc


def _read_marker(marker: Path) -> dict[str, Any]:
    """library.json, checked: a format marker and a whole-number version this CaseFile can read."""
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseFileError("{marker} cannot be read: {exc}", marker=marker, exc=exc) from exc
    if not isinstance(info, dict):
        raise CaseFileError(
            "{marker} is damaged: it should hold a JSON object with the library's format and version", marker=marker
        )
    if info.get("format") != LIBRARY_FORMAT:
        raise CaseFileError(
            "{root} is not a CaseFile library ({marker} is not a library marker)", root=marker.parent, marker=marker
        )
    version = info.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaseFileError(
            "{marker} is damaged: its version {version!r} is not a whole number", marker=marker, version=version
        )
    if version > LIBRARY_VERSION:
        raise LibraryVersionError(
            "the library at {root} was written by a newer CaseFile; please upgrade", root=marker.parent
        )
    return info


def _library_v1_to_v2(info: dict[str, Any]) -> dict[str, Any]:
    """Format 2 gives every library an id (remembered state, caches and team mode tell libraries apart by it)."""
    return {**info, "version": 2, "id": _new_id()}


UPCASTERS[("library", 1)] = _library_v1_to_v2


def case_from_fields(data: dict[str, Any]) -> Case:
    """Build a new (unnumbered) case from registration fields, validating them."""
    return from_data(Case, {"number": "", **data})


def _new_id() -> str:
    """A new library's identifier (uuid, and the platform module it loads, only when one is made)."""
    import uuid

    return str(uuid.uuid4())
