"""Verification: re-hash every exhibit and cross-check manifest, custody log and record.

The custody log is the reference: it says which files were ingested with which hash.
Each exhibit file is reported as intact, modified or missing; files in ``evidence/``
that no entry accounts for are unexpected. The manifest and ``case.json`` must agree
with the log, and the log's chain must be whole and end where ``case.json`` says. ``README.txt``,
which tells anyone how to check the folder without CaseFile, must be a text CaseFile wrote.
"""

from __future__ import annotations

import enum
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core import record, zone
from casefile.core.disclosure.kept import screened_problems
from casefile.core.errors import CaseFileError, LibraryVersionError, Message, NotFoundError, SystemReason
from casefile.core.fsutil import lstat_is_link
from casefile.core.hashing import CHUNK, hash_files
from casefile.core.library import BUNDLES_DIR, EVIDENCE_DIR, SET_ASIDE_DIR, CaseFolder, check_record, readme_check
from casefile.core.manifest import ANCHOR_NAME, MANIFEST_MISSING, anchor_problems, read_manifest
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.record.history import LOST_MODIFIED, LostBundleFile, bundle_files
from casefile.core.timestamps.checking import STAMPS_DIR, StampResult, check_stamps

if TYPE_CHECKING:
    from casefile.core.library import Library
    from casefile.core.model import Case


class FileStatus(enum.StrEnum):
    INTACT = "intact"
    MODIFIED = "modified"
    MISSING = "missing"
    UNEXPECTED = "unexpected"
    LINK = "link"  # a link to a file elsewhere: the case folder does not hold its bytes


@dataclass
class FileResult:
    path: str  # relative to the case folder
    status: FileStatus
    exhibit: int | None = None
    expected_sha256: str = ""
    actual_sha256: str = ""


@dataclass
class CaseReport:
    number: str
    folder: Path
    files: list[FileResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # manifest, custody log, record
    custody_entries: int = 0
    custody_head: str = ""
    # The record itself cannot be trusted (log, case.json or manifest damaged or altered):
    # the case is quarantined, no writes until it verifies again.
    damaged: bool = False
    notes: list[str] = field(default_factory=list)  # what verification could not do (record its run…)
    stamps: list[StampResult] = field(default_factory=list)  # each trusted timestamp, checked offline
    readme_wrong: bool = False  # README.txt missing or not a text CaseFile wrote
    # Those of ``problems`` that already tell the user to run the repair (README.txt's do): whoever
    # shows the problems does not add the same advice after them.
    repair_named: list[str] = field(default_factory=list)
    # A team library's case: the evidence store's objects not as the case recorded them (the store is the
    # truth, a PC's copies only a cache), one problem each. The case is damaged for every member.
    store_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(f.status is FileStatus.INTACT for f in self.files)

    @property
    def repairable(self) -> bool:
        """Whether ``Library.repair`` can put right some of what was found: a damaged record (rebuilt
        from a whole custody log), README.txt (written again), a generated bundle missing, altered or
        replaced by a link (recorded as lost). A changed evidence file is never "repaired"."""
        bundle_lost = (FileStatus.MISSING, FileStatus.MODIFIED, FileStatus.LINK)
        return (
            self.damaged
            or self.readme_wrong
            or any(f.status in bundle_lost and f.path.startswith(f"{BUNDLES_DIR}/") for f in self.files)
        )

    def count(self, status: FileStatus) -> int:
        return sum(1 for f in self.files if f.status is status)

    def summary(self, limit: int = 6) -> str:
        """The first few things wrong, on one line: the files, then the problems."""
        bad = [f"{f.path}: {f.status.value}" for f in self.files if f.status is not FileStatus.INTACT]
        return "; ".join((bad + self.problems)[:limit])

    def summary_names_repair(self, limit: int = 6) -> bool:
        """Whether :meth:`summary` (of the same ``limit``) holds a problem that already tells the user to
        run the repair: decided by which problems they are, never by their wording (translated, or
        worded again, the text would say nothing reliable)."""
        files = sum(1 for f in self.files if f.status is not FileStatus.INTACT)
        shown = self.problems[: max(0, limit - files)]
        return any(p is named for p in shown for named in self.repair_named)


def verify_folder(
    folder: CaseFolder,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    hold: Callable[[], AbstractContextManager[object]] = nullcontext,
    stored: Callable[[str], str | None] | None = None,
) -> Iterator[Progress | CaseReport]:
    """Check one case folder without touching it; yields byte progress, then the report.

    The record, the custody log, the manifest and the lists of files are read together
    inside ``hold()`` (for a library's case, its lock: a change being committed is seen
    whole or not at all); the files are hashed after it, since evidence is never rewritten.

    ``stored`` (a team library's working copy): the SHA-256 of what the evidence store holds under
    a name (None: nothing). Each exhibit and timestamp file is checked there too, the store being
    the truth: an object not as recorded is the file MODIFIED (MISSING), whatever the copy here holds.
    """
    with hold():
        report, expected, present, bundles, bundles_present, logged, links = _snapshot(folder)
    total = sum(size for rel, size in present.items() if rel in expected and rel not in links)
    done = 0
    yield Progress(0, total, folder.number)
    in_order = sorted(expected.items(), key=lambda kv: kv[1][0])
    # Files bigger than one chunk are hashed two at once (one per core), in this order, a few
    # ahead of the report; a file of one chunk (most exhibits) is hashed right here, since
    # handing it to a worker would cost more than hashing it.
    hashed = hash_files(
        [folder.path / path for path, _ in in_order if present.get(path, 0) > CHUNK and path not in links],
        cancel=cancel,
    )
    root = str(folder.path)
    for path, (num, digest) in in_order:
        cancel.check()
        size = present.get(path)
        if stored is not None:
            in_store = stored(digest)
            if in_store != digest:
                here: object = None  # the copy here: whether it is still the genuine file is worth saying
                if size is not None and path not in links:
                    here = next(hashed) if size > CHUNK else _sha256_here(f"{root}/{path}", size)
                genuine = getattr(here, "sha256", here) == digest
                _store_problem(report, folder, path, num, digest, in_store, genuine)
                continue
        if size is None:
            report.files.append(FileResult(path, FileStatus.MISSING, num or None, digest))
            continue
        if path in links:
            report.files.append(FileResult(path, FileStatus.LINK, num or None, digest))
            report.problems.append(_link_problem(folder, path))
            continue
        outcome = next(hashed) if size > CHUNK else _sha256_here(f"{root}/{path}", size)
        if isinstance(outcome, OSError):
            report.problems.append(Message("{path} cannot be read: {reason}", path=path, reason=SystemReason(outcome)))
            actual = ""
        else:
            actual = outcome if isinstance(outcome, str) else outcome.sha256
        status = FileStatus.INTACT if actual == digest else FileStatus.MODIFIED
        report.files.append(FileResult(path, status, num or None, digest, actual))
        done += size
        yield Progress(done, total, path)
    for path in sorted(set(present) - set(expected)):
        report.files.append(FileResult(path, FileStatus.UNEXPECTED))
    _check_bundles(folder, report, bundles, bundles_present, links, cancel, stored)
    truth, entries = logged
    if truth is not None:
        report.problems.extend(screened_problems(truth, entries))
    if truth is not None and truth.timestamps:
        intact = {f.path for f in report.files if f.status is FileStatus.INTACT}
        report.stamps = check_stamps(folder.path, truth, entries, intact)
        report.problems.extend(p for s in report.stamps for p in s.problems)
        report.notes.extend(n for s in report.stamps for n in s.notes)
    yield report


def _store_problem(
    report: CaseReport, folder: CaseFolder, path: str, number: int, digest: str, found: str | None, genuine: bool
) -> None:
    """The evidence store's object for ``path`` is not as the case recorded it (``found``: what it holds);
    ``genuine``: the copy here is still the file the case recorded."""
    status = FileStatus.MISSING if found is None else FileStatus.MODIFIED
    report.files.append(FileResult(path, status, number or None, digest, found or ""))
    if found is None:
        problem = Message(
            "{path}: the team library's evidence store has no object with SHA-256 {digest}", path=path, digest=digest
        )
    else:
        problem = Message(
            "{path}: the team library's evidence store holds other bytes than the case recorded "
            "(SHA-256 {found}…, not {digest}): the stored object was changed or truncated",
            path=path,
            found=found[:16],
            digest=digest,
        )
    report.problems.append(problem)
    report.store_problems.append(problem)
    if genuine:
        report.notes.append(
            Message(
                "{path}: this PC's working copy still holds the file the case recorded ({copy}); keep a copy of it "
                "for whoever puts the store right (the copy here is a cache and may be replaced)",
                path=path,
                copy=str(folder.path / path),
            )
        )


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _sha256_here(path: str, size: int) -> str | OSError:
    """The SHA-256 of a file read on the calling thread (whatever its size now), or why it cannot be read.

    ``size`` is what the folder's listing said: a file of that size is read in one call (then one
    more finds its end), without a file object around the descriptor.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        return exc
    try:
        sha = hashlib.sha256(os.read(fd, min(size + 1, CHUNK)))
        while chunk := os.read(fd, CHUNK):
            sha.update(chunk)
    except OSError as exc:
        return exc
    finally:
        os.close(fd)
    return sha.hexdigest()


def _snapshot(
    folder: CaseFolder,
) -> tuple[
    CaseReport,
    dict[str, tuple[int, str]],
    dict[str, int],
    tuple[dict[str, str], dict[str, LostBundleFile]],
    dict[str, int],
    tuple[Case | None, list[dict[str, Any]]],
    set[str],
]:
    """What the case says it holds and what its folder holds, read at one moment."""
    report = CaseReport(number=folder.number, folder=folder.path)
    entries, chain = folder.custody.scan()  # the log is read once, for the chain, the fold and the bundles
    report.custody_entries = chain.entries
    report.custody_head = chain.head_hash
    newer = False
    try:
        problems, truth = check_record(folder, (entries, chain))
    except LibraryVersionError as exc:
        problems, truth, newer = [exc.message], None, True
    report.problems.extend(problems)

    manifest, manifest_problems = read_manifest(folder.path)
    report.problems.extend(Message("MANIFEST.sha256: {problem}", problem=p) for p in manifest_problems)
    report.problems.extend(anchor_problems(folder.path, manifest))  # the line that is no exhibit's, if written
    if not manifest and not manifest_problems:
        # Written before CASEFILE.txt and with no evidence yet: nothing is wrong, but the check README.txt gives
        # fails on a manifest with no line at all.
        report.notes.append(
            Message(
                "MANIFEST.sha256 lists no file: the case was made before CaseFile wrote {anchor} and holds no evidence "
                "yet, so 'sha256sum -c MANIFEST.sha256', the check README.txt gives, fails with \"no properly "
                "formatted checksum lines found\" though nothing is wrong. 'casefile repair {number}' writes {anchor} "
                "and lists it in the manifest, after which that check passes",
                anchor=ANCHOR_NAME,
                number=folder.number,
            )
        )
    manifest.pop(ANCHOR_NAME, None)

    expected: dict[str, tuple[int, str]] = {}
    if truth is not None:
        expected = {e.stored_path: (e.number, e.sha256) for e in truth.exhibits}
        for stamp in truth.timestamps:  # the token, certificates and proofs of each timestamp
            expected.update((path, (0, digest)) for path, digest in stamp.files.items())
    else:  # nothing better to go on than the manifest itself
        expected = {path: (0, digest) for path, digest in manifest.items()}

    for path, (_num, digest) in sorted(expected.items()):
        listed = manifest.get(path)
        if listed is None and manifest_problems[:1] != [MANIFEST_MISSING]:
            report.problems.append(Message("MANIFEST.sha256 does not list {path}", path=path))
        elif listed is not None and listed != digest:
            report.problems.append(
                Message("MANIFEST.sha256 gives {path} a hash the custody log never recorded", path=path)
            )
    for path in sorted(set(manifest) - set(expected)):
        report.problems.append(Message("MANIFEST.sha256 lists {path}, which the custody log never recorded", path=path))
    report.damaged = bool(report.problems) and not newer
    readme = readme_check(folder)  # not damage to the record: repair writes it again
    if readme is not None:
        problem, names_repair = readme
        report.problems.append(problem)
        report.readme_wrong = True
        if names_repair:
            report.repair_named.append(problem)
    links: set[str] = set()
    present = _files_under(folder, EVIDENCE_DIR, links) | _files_under(folder, STAMPS_DIR, links)
    bundles = bundle_files(entries)
    bundles_present = _files_under(folder, BUNDLES_DIR, links)
    return report, expected, present, bundles, bundles_present, (truth, entries), links


def _link_problem(folder: CaseFolder, path: str) -> Message:
    try:
        target = os.readlink(folder.path / path)
    except OSError:
        target = "?"
    return Message(
        "{path} is a link (to {target}), not a file kept in the case folder: a copy of the folder would not hold "
        "its bytes. Put the file itself back in its place",
        path=path,
        target=target,
    )


def _check_bundles(
    folder: CaseFolder,
    report: CaseReport,
    bundles: tuple[dict[str, str], dict[str, LostBundleFile]],
    present: dict[str, int],
    links: set[str],
    cancel: CancelToken,
    stored: Callable[[str], str | None] | None = None,
) -> None:
    """Generated bundles must still be the files whose hashes the custody log recorded,
    and the bundles folder must hold no file the log does not know.

    A bundle is CaseFile's output, not evidence: one the log records as lost (missing, or
    altered and moved aside) is a note, not a problem. Put back as it was, it is intact again.

    ``stored`` (a team library's working copy): a bundle the log records is checked in the evidence
    store too, as an exhibit is: an object not as recorded is the bundle MODIFIED (MISSING), named,
    whatever the copy here holds.
    """
    recorded, lost = bundles
    in_team = set(recorded) if stored is not None else set()
    recorded = {**recorded, **{path: f.sha256 for path, f in lost.items() if path in present}}
    found = {path for path in recorded if path in present and path not in links and (folder.path / path).is_file()}
    hashed = hash_files([folder.path / path for path in sorted(found)], cancel=cancel)
    damaged = []
    for path, digest in sorted(recorded.items()):
        cancel.check()
        if stored is not None and path in in_team:
            in_store = stored(digest)
            if in_store != digest:
                here = next(hashed) if path in found else None
                _store_problem(report, folder, path, 0, digest, in_store, getattr(here, "sha256", None) == digest)
                continue
        if path in links and path in present:
            report.files.append(FileResult(path, FileStatus.LINK, None, digest))
            report.problems.append(_link_problem(folder, path))
            damaged.append(path)
            continue
        if path not in found:
            report.files.append(FileResult(path, FileStatus.MISSING, None, digest))
            damaged.append(path)
            continue
        outcome = next(hashed)
        if isinstance(outcome, OSError):
            raise outcome
        actual = outcome.sha256
        status = FileStatus.INTACT if actual == digest else FileStatus.MODIFIED
        report.files.append(FileResult(path, status, None, digest, actual))
        if status is FileStatus.MODIFIED:
            damaged.append(path)
    for path in sorted(set(present) - set(recorded)):
        report.files.append(FileResult(path, FileStatus.UNEXPECTED))
    for path, f in sorted(lost.items()):
        if path in present:
            continue
        when = zone.show(f.at) if f.at is not None and f.at.tzinfo is not None else str(f.at or "?")
        if f.found == LOST_MODIFIED:
            report.notes.append(
                Message(
                    "{path}: a generated bundle recorded as altered on {when} by {operator} (custody entry {seq}); "
                    "the altered file was moved to {aside}. The evidence is not affected: make a new bundle if needed",
                    path=path,
                    when=when,
                    operator=f.operator,
                    seq=f.seq,
                    aside=f.set_aside or "?",
                )
            )
        else:
            report.notes.append(
                Message(
                    "{path}: a generated bundle recorded as lost on {when} by {operator} (custody entry {seq}). "
                    "The evidence is not affected: make a new bundle if needed",
                    path=path,
                    when=when,
                    operator=f.operator,
                    seq=f.seq,
                )
            )
    if damaged:
        report.notes.append(
            Message(
                "a generated bundle is missing or altered ({paths}); it is CaseFile's output, not evidence: "
                "'casefile repair {number}' records it in the custody log as lost (an altered one is moved to "
                "{aside}/), after which the case verifies; then make a new bundle if you need it",
                paths=", ".join(damaged),
                number=folder.number,
                aside=SET_ASIDE_DIR,
            )
        )


def _files_under(folder: CaseFolder, sub: str, links: set[str] | None = None) -> dict[str, int]:
    """Every file under ``sub`` (relative path -> size), hidden ones included; a link to a file is
    listed (with the size of what it points to) and named in ``links``.

    CaseFile keeps its temporary files outside evidence/, so anything found there that the
    custody log does not account for is unexpected; the same holds for bundles/. A link to a
    folder (or a Windows junction) is not followed. Names are joined as text: a case of thousands
    of exhibits is listed at the cost of the directory reads and one stat a file.
    """
    found: dict[str, int] = {}
    pending = [(os.path.join(folder.path, sub), sub)]
    while pending:
        path, relative = pending.pop()
        try:
            entries = os.scandir(path)
        except OSError:
            continue
        with entries:
            for entry in entries:
                rel = f"{relative}/{entry.name}"
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                link = _is_link(entry)
                if is_dir:
                    if not link:
                        pending.append((entry.path, rel))
                    continue
                if link and links is not None:
                    links.add(rel)
                try:
                    found[rel] = entry.stat().st_size
                except OSError:
                    found[rel] = 0
    return found


def _is_link(entry: os.DirEntry[str]) -> bool:
    """A symbolic link, or on Windows a junction: the bytes it leads to are not in the case folder."""
    if entry.is_symlink():
        return True
    if os.name != "nt":
        return False
    try:
        return lstat_is_link(entry.stat(follow_symlinks=False))
    except OSError:
        return False


def verify_case(
    library: Library, number: str, *, cancel: CancelToken = NEVER_CANCELLED, record_result: bool = True
) -> Iterator[Progress | CaseReport]:
    """Verify a case of the library and note the result in its custody log.

    A case whose record cannot be trusted is quarantined (and its run not recorded, since
    nothing is written to it); a quarantined case that verifies clean again is released.
    """
    remote = library.remote
    with remote.verifying(number.strip()) if remote is not None else nullcontext(None) as stored:
        folder = library.folder(number)
        report: CaseReport | None = None
        items = verify_folder(folder, cancel=cancel, hold=lambda: library.reading(folder.number), stored=stored)
        for item in items:
            if isinstance(item, CaseReport):
                report = item
            else:
                yield item
        if report is None:  # pragma: no cover - verify_folder always ends with a report
            raise NotFoundError(number)
        if remote is not None:  # a team library's working copy: its log is the team library's
            from casefile.core.workcopy import compare_with_team

            compare_with_team(library, report)
        if report.damaged:
            library.quarantine(folder.number, report.problems[0])
        elif report.ok:
            library.release(folder.number)
        if record_result:
            _record(library, report)
        if report.ok and remote is not None and library.quarantine_reason(folder.number):
            # A reader's clean run is recorded, but the team library's damage note stays (migration 0009).
            report.notes.append(
                Message(
                    "the team library still notes this case damaged: only a verification by a member who may "
                    "change the case clears the note"
                )
            )
        if report.store_problems and not report.damaged:
            # The team library's evidence is not what the case recorded: damaged for every member (after the
            # run is recorded, as for a changed file here; a case marked so already records no more runs).
            library.quarantine(folder.number, report.store_problems[0])
    yield report


def _record(library: Library, report: CaseReport) -> None:
    if library.read_only:
        report.notes.append(Message("this run was not recorded: the library is read-only"))
        return
    if report.damaged or (report.store_problems and library.quarantine_reason(report.number)):
        report.notes.append(Message("this run was not recorded: the case is damaged, so nothing is written to it"))
        return
    details = {
        "result": "ok" if report.ok else "problems",
        **{s.value: report.count(s) for s in FileStatus},
        "problems": len(report.problems),
        "chain_entries": report.custody_entries,
        "chain_head": report.custody_head,
    }
    try:
        library.record_event(report.number, record.VERIFY, details)
    except CaseFileError as exc:
        report.notes.append(Message("this run could not be recorded in the custody log: {exc}", exc=exc.message))
