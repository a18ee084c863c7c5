"""A team library's working copy: the ordinary commands and the app on a team library.

A client of a team library works in a **working copy**: an ordinary solo library folder (the same
code, the same on-disk format: each case folder verifies with ``sha256sum -c``) in the user's data
folder, one per team library, whose cases mirror the catalogue's. The catalogue (PostgreSQL) and the
evidence store are the truth; the working copy is a cache that can be thrown away.

- **Pull** (:meth:`WorkCopy.pull`): the case's custody lines and record are read from the catalogue,
  under a shared hold on the case (a writer holds it whole, so a pull never sees half a change). When
  the local log is a prefix of the catalogue's, byte for byte, the missing lines are appended and the
  snapshot (case.json, the manifest) is written from the catalogue's record; when it is not (another
  history, a line removed or changed here), or case.json or the manifest were changed here, the case
  folder is thrown away and rebuilt (:func:`materialise`). With ``files``, every file the record and
  log name (exhibits, timestamp files, bundles) is fetched from the store, verified as read, unless it
  is here as it was fetched (its size and time as noted then; a file not noted is hashed).
- **Change** (:meth:`WorkCopy.change`, around :meth:`Library.edit`): the case is held in the catalogue
  (``pg_advisory_xact_lock``) for the whole change, pulled, changed here by the solo code, and then, in
  the same transaction, its new files go into the store (hash-verified, write-once), its new custody
  lines are inserted byte for byte (they chain on the catalogue's head: the pull made the heads equal)
  and the case row is updated (record, title, stage, version + 1). When anything fails before the
  commit, the case here is put back as the catalogue has it, and the error is raised.
- **New case** (:meth:`WorkCopy.create`): the number comes from the catalogue (unique across clients),
  then the case's folder is made here.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from casefile.core import record
from casefile.core.custody import GENESIS, LOG_NAME, entry_hash
from casefile.core.errors import (
    BusyError,
    CaseFileError,
    DamagedCaseError,
    IndexWriteError,
    Message,
    NotFoundError,
    message_from_data,
)
from casefile.core.fsutil import (
    TEMP_PREFIX,
    atomic_write_bytes,
    atomic_write_json,
    fsync_dir,
    make_private_dir,
    make_readonly,
    remove_tree,
    storage_error,
)
from casefile.core.hashing import hash_file
from casefile.core.library import (
    BUNDLES_DIR,
    CASE_README,
    EVIDENCE_DIR,
    INBOX_DIR,
    LOCK_TIMEOUT,
    README_NAME,
    RECORD_NAME,
    CaseFolder,
    Library,
    manifest_entries,
)
from casefile.core.manifest import MANIFEST_NAME
from casefile.core.model import Case, Exhibit, case_from_data, case_to_data
from casefile.core.record import apply_entry
from casefile.core.record.history import recorded_bundle_files
from casefile.core.settings import data_dir
from casefile.core.store import retention
from casefile.core.store.retention import RetentionPolicy
from casefile.core.team import TeamLibrary, reaching, store_case_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from casefile.core.catalogue import Catalogue
    from casefile.core.catalogue.models import CaseRecord
    from casefile.core.search.query import SearchResult
    from casefile.core.store import EvidenceStore
    from casefile.core.verify import CaseReport

log = logging.getLogger(__name__)

STATE_DIR = ".team"  # in the working copy: what was fetched or sent, per case (sizes and times)
# In STATE_DIR: per case, the newest custody entry this PC has had from the team library ([seq, hash]), kept
# when the case here is thrown away or rebuilt; the team library's log must still hold that entry.
SEEN_NAME = "seen.json"
HISTORY_DIR = "history"  # in STATE_DIR: a case's folder as this PC held it, kept when the team's history differs
# Entries that, sent to the catalogue, are noted in its audit too: what left the team library.
_AUDITED = {record.EXPORT: "export", record.BUNDLE: "bundle"}
_KEPT = (LOG_NAME, RECORD_NAME, MANIFEST_NAME)  # a case folder's own files, noted after each pull or change


def workcopy_root(team: TeamLibrary) -> Path:
    """The working copy's folder: the team file's, or one in the user's data folder per team library."""
    if team.workcopy:
        return Path(team.workcopy).expanduser()
    key = hashlib.sha256(f"{team.db_url}\n{team.store_url}".encode()).hexdigest()[:16]
    return data_dir() / "team" / key


def open_library(team: TeamLibrary, operator: str, *, hash_sm3: bool = True) -> Library:
    """The working-copy library of the team library ``team``, with its hook to the team library.

    Close it after use (it closes the catalogue's connections too). Nothing is pulled yet: call
    :meth:`Library.pull` for what is needed (the app does when it lists and opens cases).
    """
    library = Library.open(workcopy_root(team), operator, hash_sm3=hash_sm3)
    try:
        remote = WorkCopy(team, library)
        library.remote = remote
        library.operator = remote.signed_in(operator)
    except BaseException:
        library.close()
        raise
    return library


def open_team_library(operator: str, *, hash_sm3: bool = True, team_path: Path | None = None) -> Library:
    """The working-copy library of the team library saved by ``casefile team init`` / ``connect`` (for the app)."""
    from casefile.core.team import load_team

    return open_library(load_team(team_path), operator, hash_sm3=hash_sm3)


def named_files(case: Case, entries: list[dict[str, Any]]) -> dict[str, str]:
    """Every file a case folder holds besides its own: exhibits, timestamp files, bundles (path -> SHA-256)."""
    files = dict(manifest_entries(case))
    files.update(recorded_bundle_files(entries))
    return files


def materialise(
    path: Path, case: Case, lines: list[str], store: EvidenceStore | None, entries: list[dict[str, Any]]
) -> dict[str, str]:
    """Write a case folder at ``path`` (an empty folder) from the catalogue: README, custody log, snapshot,
    manifest, and (when a store is given) every file the record and the log name, verified as read.

    Returns the files named (relative path -> SHA-256). Used to rebuild a working copy's case and to
    export a case out of the team library; the folder verifies as a solo case folder does.
    """
    for sub in (EVIDENCE_DIR, INBOX_DIR, BUNDLES_DIR):
        make_private_dir(path / sub, exist_ok=True)
    atomic_write_bytes(path / README_NAME, CASE_README.encode("utf-8"))
    atomic_write_bytes(path / LOG_NAME, b"".join(line.encode("utf-8") + b"\n" for line in lines))
    files = named_files(case, entries)
    if store is not None:
        for rel, digest in sorted(files.items()):
            _fetch(store, digest, path / _safe(rel))
    CaseFolder(path).write_snapshot(case, manifest=True)
    return files


def _safe(rel: str) -> str:
    """A file's path inside a case folder as the catalogue names it; refused when it would leave the folder."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or any(p in ("..", ".", "") for p in parts) or "\\" in rel:
        raise DamagedCaseError("the team library names a file {rel!r} outside its case folder; refused", rel=rel)
    return rel


def _fetch(store: EvidenceStore, digest: str, target: Path) -> None:
    """Copy the store's object to ``target``, verified as read, replacing what is there in one step."""
    make_private_dir(target.parent, parents=True, exist_ok=True)
    part = target.with_name(f"{TEMP_PREFIX}{target.name}")
    part.unlink(missing_ok=True)
    try:
        store.copy_to(digest, part)  # removed again when the bytes are not the SHA-256 named
        make_readonly(part)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise storage_error(exc, Message("fetching {name} from the evidence store", name=target.name)) from exc


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _parse(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines]


@dataclass
class _Base:
    """A case here as the catalogue had it when a change began: what a failed change is put back to."""

    number: str
    raw: bytes  # the custody log, byte for byte
    case: Case
    files: dict[str, str]  # the files the record and log name
    case_id: int = 0
    row: CaseRecord | None = None
    sent: dict[str, str] = field(default_factory=dict)  # files put into the store by this change
    audited: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (what, details) for the audit
    after: Case | None = None  # the record as the change left it (None: nothing was sent)
    witness: bool = False  # the change was asked for as bearing witness only (read access)
    policy: RetentionPolicy | None = None  # the team's retention policy, once read for this change
    noted: str = ""  # the team library's damage note a clean verification here did not clear (a reader's)
    history: Message | None = None  # the team library's log no longer holds the entry this PC had from it


class WorkCopy:
    """The hook of a working-copy :class:`Library` to its team library (``Library.remote``)."""

    def __init__(self, team: TeamLibrary, library: Library) -> None:
        self.team = team
        self.library = library
        self.store: EvidenceStore = team.open_store()
        self.catalogue: Catalogue = team.open_catalogue()
        self.state_dir = library.root / STATE_DIR
        self.lock_wait = LOCK_TIMEOUT  # seconds a change waits for another client's change to the case
        # Damage found during a change (case -> why, "" verifies again), noted in the catalogue once the
        # change's transaction is over (on SQLite it holds the catalogue's write lock meanwhile).
        self._damage_found: dict[str, str] | None = None
        # During a verification (see verifying): what the store holds under each SHA-256 read so far (its
        # SHA-256, None: no object), so that each object is read once and one not as named stops nothing.
        self._store_found: dict[str, str | None] | None = None
        # Cases that verified whole here (case -> the custody head verified): the team library's damage
        # note goes with the verification's entry, in the transaction that sends it (see note_damaged).
        self._verified: dict[str, str] = {}

    @property
    def operator(self) -> str:
        return self.library.operator

    def signed_in(self, given: str) -> str:
        """The operator of this client's custody entries: the signed-in user's name in the team library.

        ``given`` (the settings' operator) only for the catalogue's owner without a user's row (a
        catalogue set up before sign-in existed); anyone else who is not a user is refused.
        """
        from casefile.core.errors import AccessDeniedError

        with reaching(self.team):
            try:
                return self.catalogue.whoami().display_name
            except AccessDeniedError:
                if self.catalogue.is_owner():
                    return given
                raise

    def close(self) -> None:
        self.catalogue.close()

    # -- reading the catalogue -------------------------------------------------------------------

    def _case_row(self, session: Session, number: str) -> CaseRecord:
        from sqlalchemy import select

        from casefile.core.catalogue.models import CaseRecord

        row = session.scalars(select(CaseRecord).where(CaseRecord.number == number)).one_or_none()
        if row is None:
            raise NotFoundError("there is no case {number} in the team library", number=number)
        return row

    @staticmethod
    def _damage_in(session: Session, case_id: int) -> str:
        """Why a member found the case damaged, as the catalogue notes it (see :func:`_damage`), or ""."""
        from sqlalchemy import select

        from casefile.core.catalogue.models import CaseDamage

        found = session.execute(
            select(CaseDamage.reason, CaseDamage.message).where(CaseDamage.case_id == case_id)
        ).one_or_none()
        return "" if found is None else _damage(found.reason, found.message)

    @staticmethod
    def _lines(session: Session, case_id: int) -> list[str]:
        from sqlalchemy import select

        from casefile.core.catalogue.models import CustodyEntryRow

        query = select(CustodyEntryRow.line).where(CustodyEntryRow.case_id == case_id).order_by(CustodyEntryRow.seq)
        return list(session.scalars(query))

    def _hold(self, session: Session, case_id: int, number: str, *, shared: bool) -> None:
        """Hold the case until the transaction ends: shared by readers, whole by a writer (PostgreSQL;
        SQLite's BEGIN IMMEDIATE holds the whole database already)."""
        if self.catalogue.dialect != "postgresql":
            return
        from sqlalchemy import func, select, text
        from sqlalchemy.exc import OperationalError

        lock = func.pg_advisory_xact_lock_shared if shared else func.pg_advisory_xact_lock
        # As long as a case folder's lock is waited for (Library.LOCK_TIMEOUT), then "busy", not "unreachable".
        session.execute(text(f"SET LOCAL lock_timeout = {max(1, int(self.lock_wait * 1000))}"))
        try:
            session.execute(select(lock(case_id)))
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            raise BusyError(
                "case {number} is being changed by another client of the team library; try again", number=number
            ) from None

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with reaching(self.team), Session(self.catalogue.engine, expire_on_commit=False) as session, session.begin():
            yield session

    # -- pulling ---------------------------------------------------------------------------------

    def pull(self, number: str, *, files: bool = False, fresh: bool = False) -> None:
        """Bring case ``number`` here as the team library has it (see the module); ``fresh``: rebuild it."""
        with reaching(self.team):
            self.catalogue.require(number, "read")
        with self._transaction() as session:
            row = self._case_row(session, number)
            self._hold(session, row.id, number, shared=True)
            session.refresh(row)  # as it is now that no change is under way
            lines = self._lines(session, row.id)
            base = self._sync(
                number, row.record, lines, files=files, fresh=fresh, damaged=self._damage_in(session, row.id)
            )
        if base.history is not None:
            self.note_damaged(number, base.history)

    def pull_all(self) -> None:
        """Every case's record and log brought up to date (heads compared in one query); cases the team
        library no longer has (or this user may no longer read) are removed here."""
        from sqlalchemy import func, select
        from sqlalchemy.orm import Session

        from casefile.core.catalogue.models import CaseDamage, CaseRecord, CustodyEntryRow

        top = (
            select(CustodyEntryRow.case_id, func.max(CustodyEntryRow.seq).label("seq"))
            .group_by(CustodyEntryRow.case_id)
            .subquery()
        )
        last = select(CustodyEntryRow.case_id, CustodyEntryRow.hash).join(
            top, (CustodyEntryRow.case_id == top.c.case_id) & (CustodyEntryRow.seq == top.c.seq)
        )
        heads = last.subquery()
        with reaching(self.team), Session(self.catalogue.engine) as session:
            rows = session.execute(
                select(CaseRecord.number, heads.c.hash, CaseDamage.reason, CaseDamage.message)
                .join(heads, heads.c.case_id == CaseRecord.id)
                .outerjoin(CaseDamage, CaseDamage.case_id == CaseRecord.id)
            ).all()
            readable = set(self.catalogue.readable_numbers())  # also what row-level security lets through
        there = {
            str(number): (str(head), str(_damage(damaged, message)))
            for number, head, damaged, message in rows
            if number in readable
        }
        here = set(self.library.case_numbers())
        for number, (head, damaged) in there.items():
            # A case a member found damaged (or that verifies again) is marked so here as in the team library.
            if (
                number not in here
                or _local_head(self.library.cases_dir / number) != head
                or self.library.quarantine_reason(number) != damaged
            ):
                self.pull(number)
        gone = here - set(there)
        for number in sorted(gone):
            self._drop(number)
        if gone:
            self.library.reconcile_index()

    def _drop(self, number: str) -> None:
        with self.library.lock(number, Message("case {number}", number=number)):
            remove_tree(self.library.cases_dir / number)
            (self.state_dir / f"{number}.json").unlink(missing_ok=True)

    def _sync(
        self,
        number: str,
        data: dict[str, Any],
        lines: list[str],
        *,
        files: bool,
        fresh: bool = False,
        damaged: str = "",
    ) -> _Base:
        """Make the case folder here the catalogue's; the caller holds the case in the catalogue.

        ``damaged``: why a member found the case damaged, as the catalogue notes it (see :func:`_damage`):
        the case is quarantined here as it would be where it was found, or released.
        """
        library = self.library
        case = case_from_data(data)
        wanted = [line.encode("utf-8") + b"\n" for line in lines]
        raw = b"".join(wanted)
        entries = _parse(lines)
        path = library.cases_dir / number
        history = self._history_problem(number, [str(e.get("hash", "")) for e in entries])
        if history is not None:
            damaged = history  # quarantined here, and noted for everyone by the caller
        with library.lock(number, Message("case {number}", number=number)):
            state = self._state(number)
            local = _read(path / LOG_NAME)
            changed = False
            if history is not None and local is not None and not _prefix(local, raw):
                kept = self._keep_history(number, path)
                log.warning("case %s: %s; the case as this PC held it is kept in %s", number, history, kept)
            if not fresh and local is not None and self._untouched(path, state) and _prefix(local, raw):
                have = local.count(b"\n")
                if have < len(wanted):
                    _append(path / LOG_NAME, b"".join(wanted[have:]))
                    CaseFolder(path).write_snapshot(case, manifest=True)
                    changed = True
                named = named_files(case, entries)
            else:
                if local is not None or path.exists():
                    log.warning("case %s: the working copy differs from the team library; rebuilt from it", number)
                named = self._rebuild(path, case, lines, entries)
                state = {"files": {}}
                changed = True
            if history is None and entries:
                self._saw(number, int(entries[-1]["seq"]), str(entries[-1]["hash"]))
            fetched = self._fetch_missing(path, named, state) if files else 0
            self._note(number, path, state)
            if changed and not files:
                # The list's row; the search tables read the texts of the files, indexed once they are here.
                with contextlib.suppress(IndexWriteError):
                    library.index.upsert(case)
            elif changed or fetched:
                library._index_upsert(case, changed=Message("case {number} was brought up to date", number=number))
            # A case found damaged here is the team library's again: damaged here only when a member (this
            # one too) found it so, and noted it there. After the index's row, which may be new.
            if damaged:
                library.quarantine(number, damaged, tell_team=False)
            else:
                library.release(number, tell_team=False)
        return _Base(number, raw, case, named, history=history)

    # -- the history this PC has seen ------------------------------------------------------------------

    def _seen(self) -> dict[str, Any]:
        try:
            data = json.loads((self.state_dir / SEEN_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _saw(self, number: str, seq: int, digest: str) -> None:
        """Note that this PC has had the team library's log of case ``number`` up to entry ``seq`` (``digest``)."""
        seen = self._seen()
        if seen.get(number) == [seq, digest]:
            return
        seen[number] = [seq, digest]
        make_private_dir(self.state_dir, exist_ok=True)
        atomic_write_json(self.state_dir / SEEN_NAME, seen)

    def _history_problem(self, number: str, hashes: list[str]) -> Message | None:
        """Whether the team library's custody log of case ``number`` (its entries' hashes, in order) still holds
        the newest entry this PC has had from it. Each entry's hash covers the one before it, so a log that
        holds that entry holds every earlier one as this PC had them: an older entry changed, even with every
        later hash made again to match (which the chain check alone cannot tell), or entries removed, show here.
        """
        seen = self._seen().get(number)
        if not isinstance(seen, list) or len(seen) != 2:
            return None
        seq, digest = int(seen[0]), str(seen[1])
        if len(hashes) < seq:
            return Message(
                "the team library's custody log of case {number} ends at entry {theirs}, but this PC already had "
                "entry {seq} from it: entries were removed from the team library",
                number=number,
                theirs=len(hashes),
                seq=seq,
            )
        if hashes[seq - 1] != digest:
            return Message(
                "custody entry {seq} of case {number} in the team library is not the one this PC had from it: "
                "the team library's history of the case was rewritten",
                number=number,
                seq=seq,
            )
        return None

    def _keep_history(self, number: str, path: Path) -> Path:
        """A copy of the case folder here as this PC held it, before it is rebuilt from a team library whose
        history differs: the earlier history, for whoever looks into the change."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.state_dir / HISTORY_DIR / f"{number}-{stamp}"
        try:
            make_private_dir(target.parent, exist_ok=True)
            shutil.copytree(path, target)
        except OSError as exc:
            raise storage_error(exc, Message("keeping case {number} as this PC held it", number=number)) from exc
        return target

    def _rebuild(self, path: Path, case: Case, lines: list[str], entries: list[dict[str, Any]]) -> dict[str, str]:
        """The case folder thrown away and written anew from the catalogue (the caller holds the case)."""
        library = self.library
        with library.staging_folder(case.number) as staging:
            try:
                named = materialise(staging, case, lines, None, entries)
                fsync_dir(staging)
                aside = library.cases_dir / f"{TEMP_PREFIX}old-{case.number}"
                remove_tree(aside)
                if path.exists():
                    os.rename(path, aside)
                os.rename(staging, path)
                fsync_dir(library.cases_dir)
                remove_tree(aside)
            except OSError as exc:
                raise storage_error(
                    exc, Message("writing case {number} in the working copy", number=case.number)
                ) from exc
        return named

    def _fetch_missing(self, path: Path, named: dict[str, str], state: dict[str, Any]) -> int:
        """Every named file here as the store has it: fetched unless here as fetched (or hashing to it).

        During a verification an object not as named (or missing) in the store is not fetched, and is
        noted for the verification to report, rather than stopping it.
        """
        from casefile.core.store.base import StoredEvidenceChangedError, StoredEvidenceMissingError

        noted: dict[str, list[int]] = state.setdefault("files", {})
        found = self._store_found
        fetched = 0
        for rel, digest in sorted(named.items()):
            target = path / _safe(rel)
            now = _stat(target)
            if now is not None and (noted.get(rel) == now or (rel not in noted and hash_file(target).sha256 == digest)):
                noted[rel] = now
                continue
            if found is not None and digest in found and found[digest] != digest:
                continue  # found not as named in this verification: not read again
            if now is not None:
                log.warning("case %s: %s differs from the team library's; fetched again", path.name, rel)
            try:
                _fetch(self.store, digest, target)
            except (StoredEvidenceChangedError, StoredEvidenceMissingError) as exc:
                if found is None:
                    raise
                found[digest] = exc.found if isinstance(exc, StoredEvidenceChangedError) else None
                continue
            if found is not None:
                found[digest] = digest  # verified as it was read
            noted[rel] = _stat(target) or []
            fetched += 1
        if fetched:
            self._fetched(path.name, fetched)
        return fetched

    def _fetched(self, number: str, count: int) -> None:
        """Evidence of the case was read from the team library: noted in its audit."""
        log.info("case %s: %d files fetched from the evidence store", number, count)
        with reaching(self.team):
            self.catalogue.audit("read", number, {"files": count, "into": str(self.library.root)})

    # -- what is noted here ------------------------------------------------------------------------

    def _state(self, number: str) -> dict[str, Any]:
        try:
            data = json.loads((self.state_dir / f"{number}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"files": {}}
        return data if isinstance(data, dict) else {"files": {}}

    def _note(self, number: str, path: Path, state: dict[str, Any]) -> None:
        state["own"] = {name: _stat(path / name) for name in _KEPT}
        make_private_dir(self.state_dir, exist_ok=True)
        atomic_write_json(self.state_dir / f"{number}.json", state)

    @staticmethod
    def _untouched(path: Path, state: dict[str, Any]) -> bool:
        """case.json and the manifest as the last pull or change here left them."""
        own = state.get("own") or {}
        return all(own.get(name) == _stat(path / name) for name in (RECORD_NAME, MANIFEST_NAME))

    # -- verifying ---------------------------------------------------------------------------------

    @contextmanager
    def verifying(self, number: str) -> Iterator[Callable[[str], str | None]]:
        """Around a verification of case ``number``: the store, not this PC's copies, is what is checked.

        The case is brought here with its files; an object whose bytes are not the ones its name says
        (or that is missing) is not fetched and does not stop the verification. The function yielded
        gives the SHA-256 of what the store holds under a name (None: nothing): an object fetched just
        now was verified as it was read, any other is read (and hashed) once.
        """
        outermost = self._store_found is None
        if outermost:
            self._store_found = {}
        try:
            self.pull(number, files=True)
            yield self._stored_digest
        finally:
            if outermost:
                self._store_found = None

    def _stored_digest(self, digest: str) -> str | None:
        from casefile.core.store.base import StoredEvidenceMissingError

        found = self._store_found
        if found is None:  # outside a verification: read it all the same
            found = {}
        if digest not in found:
            try:
                found[digest] = self.store.digest_of(digest)
            except StoredEvidenceMissingError:
                found[digest] = None
        return found[digest]

    # -- changing ----------------------------------------------------------------------------------

    @contextmanager
    def change(self, number: str, *, witness: bool = False) -> Iterator[None]:
        """Hold the case in the catalogue around a change made here; send it there, or put the case back."""
        outermost = self._damage_found is None
        if outermost:
            self._damage_found = {}
        try:
            with self._changing(number, witness=witness):
                yield
        finally:
            if outermost:
                found, self._damage_found = self._damage_found or {}, None
                for each, reason in found.items():
                    self.note_damaged(each, reason)

    @contextmanager
    def _changing(self, number: str, *, witness: bool) -> Iterator[None]:
        from sqlalchemy.orm import Session

        with reaching(self.team), Session(self.catalogue.engine, expire_on_commit=False) as session:
            # "read" lets a user bear witness (verify, export); a change to the record needs "write",
            # asked before anything is done here (and again in _send, for what was written).
            self.catalogue.require(number, "read" if witness else "write")
            session.begin()
            row = self._case_row(session, number)
            self._hold(session, row.id, number, shared=False)
            session.refresh(row)
            damaged = self._damage_in(session, row.id)
            lines = self._lines(session, row.id)
            verified = self._verified.pop(number, None)
            if damaged and witness and verified is not None and lines and json.loads(lines[-1])["hash"] == verified:
                # It verified whole here as the team library has it: its entry is recorded (sent below), and
                # clears the note when this member may change the case; a reader's leaves it (put back below).
                base_noted, damaged = damaged, ""
            else:
                base_noted = ""
            # A change to a case found damaged is refused here (Library.edit) before anything is written: its
            # files are not fetched for it (an object found not as named would stop it with another error).
            files = witness or not damaged
            base = self._sync(number, row.record, lines, files=files, damaged=damaged)
            base.case_id, base.row, base.witness, base.noted = row.id, row, witness, base_noted
            if base.history is not None and self._damage_found is not None:
                self._damage_found[number] = base.history
            failure: BaseException | None = None
            try:
                yield
            except BaseException as exc:  # what the change wrote to the custody log is sent all the same
                failure = exc
            try:
                self._send(session, base)
                session.commit()
            except BaseException:
                with contextlib.suppress(BaseException):
                    session.rollback()
                self._put_back(base)
                raise
            self._note_sent(base)
            if base.noted:  # the team library still notes the case damaged: so does this working copy
                self.library.quarantine(number, base.noted, tell_team=False)
            if base.after is not None and not witness:
                self._keep(base)
            for action, details in base.audited:
                self.catalogue.audit(action, number, details)
            if failure is not None:
                raise failure

    def _send(self, session: Session, base: _Base) -> None:
        """Put the change's files into the store and its custody lines and record into the catalogue."""

        from casefile.core.catalogue.models import CustodyEntryRow

        path = self.library.cases_dir / base.number
        with self.library.lock(base.number, Message("case {number}", number=base.number)):
            raw = (path / LOG_NAME).read_bytes()
        if raw == base.raw:
            return
        if not raw.startswith(base.raw) or not raw.endswith(b"\n"):
            raise DamagedCaseError(
                "case {number}: its custody log in the working copy changed outside the change; nothing was sent",
                number=base.number,
            )
        lines = raw[len(base.raw) :].decode("utf-8").split("\n")[:-1]
        entries = _parse(lines)
        seq, prev = _head_of(base.raw)
        case = copy.deepcopy(base.case)  # entries are applied in place
        for entry in entries:
            if entry.get("seq") != seq + 1 or entry.get("prev") != prev or entry.get("hash") != entry_hash(entry):
                raise DamagedCaseError(
                    "case {number}: custody entry {seq} written here does not follow the team library's log; "
                    "nothing was sent",
                    number=base.number,
                    seq=entry.get("seq"),
                )
            seq, prev = int(entry["seq"]), str(entry["hash"])
            case = apply_entry(case, entry)
            if entry.get("action") in _AUDITED:
                base.audited.append((_AUDITED[str(entry["action"])], dict(entry.get("details") or {})))
        witness = all(not record.ACTIONS[str(e["action"])].changes_record for e in entries)
        if not witness and base.witness:  # asked for as a witness, it changed the record: write access after all
            self.catalogue.require(base.number, "write")
        after = named_files(case, entries)
        retain_until: datetime | None = None
        for rel, digest in sorted(after.items()):
            if base.files.get(rel) != digest:
                if retain_until is None:  # retained from the moment it is stored, as the team's policy says
                    retain_until = retention.plan(case, self._policy(base)).until
                # hashed as read: refused unless the SHA-256 named; other bytes under the name are never taken for it
                store_case_file(
                    self.store,
                    path / _safe(rel),
                    digest,
                    case=case,
                    number=base.number,
                    rel=rel,
                    retain_until=retain_until,
                )
                base.sent[rel] = digest
        base.after = case
        for line, entry in zip(lines, entries, strict=True):
            session.add(
                CustodyEntryRow(
                    case_id=base.case_id,
                    seq=entry["seq"],
                    line=line,
                    hash=entry["hash"],
                    prev=entry["prev"],
                    action=entry["action"],
                    operator=entry["operator"],
                    at=datetime.fromisoformat(entry["at"]),
                )
            )
        row = base.row
        assert row is not None
        data = case_to_data(case)
        from casefile.core.catalogue import verified_whole

        if verified_whole(entries):  # a verification that found the case whole: a member's damage note goes
            session.flush()
            if not self.catalogue.may_clear_damage(session, base.case_id):
                # A reader's: recorded, the note stays for a member who may change the case to clear.
                if base.noted:
                    log.info("case %s: a reader verified it whole; still noted damaged there", base.number)
            elif self.catalogue.clear_damage(session, base.case_id):
                base.noted = ""
                log.info("case %s: verified whole; the team library no longer notes it damaged", base.number)
        if witness:
            # Entries that only bear witness move the record's custody head, not its version (as
            # Catalogue.append), and change nothing the derived rows hold: an edit based on the version
            # a user saw is not refused for them, and a reader writes no derived row.
            from sqlalchemy import Table, update

            from casefile.core.catalogue.models import CaseRecord

            table = CaseRecord.__table__
            assert isinstance(table, Table)
            session.flush()
            session.execute(update(table).where(table.c.id == base.case_id).values(record=data))
            return
        self._write_tables(session, base, case)
        row.record = data
        row.title = case.title
        row.stage = str(data["stage"])
        row.updated_at = datetime.now(UTC)
        row.updated_by = self.operator
        session.flush()  # the version goes up by one (the row's version_id_col)

    def _policy(self, base: _Base) -> RetentionPolicy:
        """The team's retention policy, read once for the change ``base``."""
        if base.policy is None:
            base.policy = retention.load_policy(self.catalogue)
        return base.policy

    def _keep(self, base: _Base) -> None:
        """After a change is saved: the case's evidence retained and held as the team's policy says (its
        closing, its arbitration or lawsuit). The change is saved whatever happens here; what could not be
        done is logged, and ``casefile team retention --apply`` (run periodically) completes it."""
        assert base.after is not None
        try:
            retention.apply_for_case(
                self.catalogue, self.store, base.after, base.sent.values(), policy=self._policy(base)
            )
        except Exception as exc:  # noqa: BLE001 - saved already; the periodic run brings the objects up to plan
            log.warning("case %s: evidence not brought up to the retention plan: %s", base.number, exc)

    def _write_tables(self, session: Session, base: _Base, case: Case) -> None:
        """The case's clocks, review facts and field texts in the catalogue as the record now has them, and
        the texts read here from the exhibits the change added (chats, e-mails, PDF pages screened, OCR)."""
        from casefile.core.catalogue import tables

        tables.write_case_tables(session, base.case_id, case)
        known = {exhibit.number for exhibit in base.case.exhibits}
        for exhibit in case.exhibits:
            if exhibit.number not in known:
                for kind, pages in self._texts_of(base.number, exhibit).items():
                    tables.index_exhibit_texts(session, base.case_id, case, exhibit.number, exhibit.sha256, kind, pages)

    def _texts_of(self, number: str, exhibit: Exhibit) -> dict[str, list[tuple[int | None, str]]]:
        """An exhibit's searchable texts as read here, by kind (casefile.core.search.sources)."""
        from casefile.core.search.sources import exhibit_docs

        texts: dict[str, list[tuple[int | None, str]]] = {}
        for doc in exhibit_docs(self.library.root, self.library.cases_dir / number, exhibit):
            texts.setdefault(doc.kind, []).append((doc.page, doc.text))
        return texts

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
        """``casefile search`` and the app's search on a team library: the catalogue's tables, over every
        case the signed-in user may read (texts of evidence never fetched to this PC included)."""
        with reaching(self.team):
            return self.catalogue.search(
                query,
                case=case,
                kind=kind,
                since=date_from,
                until=date_to,
                limit=limit,
                offset=offset,
                numbers=self.catalogue.readable_numbers(),
            )

    def texts_read(self, sha256: str) -> None:
        """Send the texts just read from a file (OCR, a PDF's screening) for every exhibit here with those bytes.

        They are derived data: a failure is logged, and the texts go with the next change to the case.
        """
        from casefile.core.errors import AccessDeniedError

        for number, exhibit_number in self.library.search_index.files_with(sha256):
            try:
                exhibit = self.library.load_case(number).exhibit(exhibit_number)
                for kind, pages in self._texts_of(number, exhibit).items():
                    self.catalogue.index_exhibit_texts(number, exhibit_number, sha256, kind, pages)
            except AccessDeniedError:  # read access only: the case's texts are sent by those who may change it
                log.info("case %s: texts of %s not sent to the team library (read access)", number, sha256[:12])
            except Exception as exc:  # noqa: BLE001 - derived data: a refusal or a server gone must not stop OCR
                log.warning("case %s: texts of %s not sent to the team library: %s", number, sha256[:12], exc)

    def _note_sent(self, base: _Base) -> None:
        """After the commit: the case folder here is the catalogue's again, as it is noted."""
        path = self.library.cases_dir / base.number
        with self.library.lock(base.number, Message("case {number}", number=base.number)):
            state = self._state(base.number)
            noted = state.setdefault("files", {})
            for rel in base.sent:
                noted[rel] = _stat(path / rel) or []
            self._note(base.number, path, state)
            if base.history is None:
                seq, head = _head_of(_read(path / LOG_NAME) or b"")
                if seq:
                    self._saw(base.number, seq, head)

    def _put_back(self, base: _Base) -> None:
        """A change that did not reach the catalogue is undone here: the log cut back to what the catalogue
        holds, the files it added removed, the snapshot written again; without the server too."""
        library = self.library
        path = library.cases_dir / base.number
        try:
            with library.lock(base.number, Message("case {number}", number=base.number)):
                raw = _read(path / LOG_NAME) or b""
                if not raw.startswith(base.raw):
                    raise DamagedCaseError("case {number}: the log changed", number=base.number)
                added: dict[str, str] = {}
                tail = raw[len(base.raw) :]
                with contextlib.suppress(CaseFileError, ValueError, KeyError, TypeError):
                    entries = _parse(tail[: tail.rfind(b"\n") + 1].decode("utf-8").split("\n")[:-1])
                    case = copy.deepcopy(base.case)
                    for entry in entries:
                        case = apply_entry(case, entry)
                    added = named_files(case, entries)
                with open(path / LOG_NAME, "r+b") as fh:
                    fh.truncate(len(base.raw))
                    fh.flush()
                    os.fsync(fh.fileno())
                for rel in added:
                    if rel not in base.files:
                        (path / _safe(rel)).unlink(missing_ok=True)
                CaseFolder(path).write_snapshot(base.case, manifest=True)
                state = self._state(base.number)
                self._note(base.number, path, state)
            library._index_upsert(base.case, changed=Message("case {number} was put back", number=base.number))
        except (CaseFileError, OSError) as exc:
            # The working copy is a cache: a case that cannot be put back is thrown away, pulled again later.
            log.warning("case %s: the working copy's case is thrown away (%s)", base.number, exc)
            with contextlib.suppress(CaseFileError, OSError):
                self._drop(base.number)

    # -- damage ------------------------------------------------------------------------------------

    def note_damaged(self, number: str, reason: str) -> None:
        """The case was found damaged here (``reason``), or verifies again (""): noted in the catalogue,
        so every member's agenda and case list say so (a solo library's index notes it the same way).

        Found during a change, it is noted once the change's transaction is over. Not noted (the server
        gone, say): logged, and the next verification notes it. A case that verifies again is not
        cleared here: the team library's note goes only with the entry of a verification that found the
        case whole, in the transaction that sends it (:meth:`Catalogue.clear_damage`), so what is
        remembered here is which head verified, for that change not to quarantine the case again.
        """
        if not reason:
            head = _local_head(self.library.cases_dir / number)
            if head:
                self._verified[number] = head
            return
        if self._damage_found is not None:
            self._damage_found[number] = reason
            return
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with reaching(self.team):
                if self.catalogue.set_damaged(number, reason, self.operator):
                    log.info("case %s: noted in the team library as %s", number, reason)
        except (CaseFileError, SQLAlchemyError) as exc:
            log.warning("case %s: the team library could not note that it is %s: %s", number, reason, exc)

    # -- verification ------------------------------------------------------------------------------

    def compare_log(self, report: CaseReport) -> None:
        """The case's custody log in the team library compared with the working copy's just verified:
        every entry the working copy holds must be the team library's, byte for byte (the team library
        may have more, appended since), and the team library's own chain must check, each row's hash
        being its line's. A difference makes the case DAMAGED in ``report`` (the team library's log was
        changed: an entry edited, removed or cut off); a server that cannot be asked is a note."""
        from sqlalchemy import select

        from casefile.core.catalogue.models import CustodyEntryRow
        from casefile.core.custody import check_lines

        number = report.number
        try:
            with self._transaction() as session:
                row = self._case_row(session, number)
                self._hold(session, row.id, number, shared=True)
                rows = session.execute(
                    select(CustodyEntryRow.seq, CustodyEntryRow.hash, CustodyEntryRow.line)
                    .where(CustodyEntryRow.case_id == row.id)
                    .order_by(CustodyEntryRow.seq)
                ).all()
        except CaseFileError as exc:
            report.notes.append(
                Message("the custody log could not be compared with the team library's: {exc}", exc=exc.message)
            )
            return
        with self.library.reading(number):
            local = (_read(self.library.cases_dir / number / LOG_NAME) or b"").decode("utf-8", "replace")
        here = local.split("\n")[:-1] if local.endswith("\n") else local.split("\n") if local else []
        theirs = [str(r.line) for r in rows]
        problem: Message | None = None
        chain = check_lines([line.encode("utf-8") for line in theirs])[1]
        if not chain.ok:
            problem = Message(
                "the team library's custody log of case {number} does not check: {problems}",
                number=number,
                problems="; ".join(str(p) for p in chain.problems[:3]),
            )
        else:
            for seq, (r, line) in enumerate(zip(rows, theirs, strict=True), start=1):
                entry = json.loads(line)
                if int(r.seq) != seq or str(r.hash) != entry.get("hash"):
                    problem = Message(
                        "the team library's custody entry {seq} of case {number} does not match its own line",
                        seq=seq,
                        number=number,
                    )
                    break
        if problem is None:
            problem = self._history_problem(number, [str(r.hash) for r in rows])
        if problem is None and len(here) > len(theirs):
            problem = Message(
                "the team library's custody log of case {number} ends at entry {theirs}, before the "
                "{here} entries this working copy verified",
                number=number,
                theirs=len(theirs),
                here=len(here),
            )
        if problem is None:
            for seq, (mine, their) in enumerate(zip(here, theirs, strict=False), start=1):
                if mine != their:
                    problem = Message(
                        "custody entry {seq} of case {number} in the team library differs from the one this "
                        "working copy verified",
                        seq=seq,
                        number=number,
                    )
                    break
        if problem is not None:
            log.warning("case %s: %s", number, problem)
            # The reason the case is quarantined for is the first problem of a damaged report.
            report.problems.insert(len(report.problems) if report.damaged else 0, problem)
            report.damaged = True

    # -- new cases ---------------------------------------------------------------------------------

    def create(self, case: Case) -> Case:
        """Register ``case`` in the catalogue (its number comes from there) and make its folder here."""
        with reaching(self.team):
            opened = self.catalogue.register(case, self.operator)
        self.pull(opened.number)
        return opened.case


def compare_with_team(library: Library, report: CaseReport) -> None:
    """On a team library's working copy, the case's custody log in the team library compared with the
    one ``report`` verified here (:meth:`WorkCopy.compare_log`); nothing on a solo library."""
    if isinstance(library.remote, WorkCopy):
        library.remote.compare_log(report)


def _damage(reason: str | None, message: Any) -> str:
    """Why the catalogue says a member found a case damaged, as the message they found (to translate), or ""."""
    if not reason:
        return ""
    return message_from_data(message if message is not None else reason)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _prefix(local: bytes, raw: bytes) -> bool:
    """Whether the log here is the catalogue's cut after a whole line (the same bytes so far)."""
    return (not local or local.endswith(b"\n")) and raw.startswith(local)


def _append(path: Path, data: bytes) -> None:
    try:
        with open(path, "ab") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise storage_error(exc, Message("writing the custody log")) from exc


def _head_of(raw: bytes) -> tuple[int, str]:
    if not raw:
        return 0, GENESIS
    last = json.loads(raw[raw.rstrip(b"\n").rfind(b"\n") + 1 :])
    return int(last["seq"]), str(last["hash"])


def _local_head(path: Path) -> str:
    from casefile.core.custody import CustodyLog

    last = CustodyLog(path / LOG_NAME).last()
    return "" if last is None else str(last.get("hash", ""))
