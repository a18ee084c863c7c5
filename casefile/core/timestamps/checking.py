"""Checking a case's trusted timestamps offline, as verification and import do.

For each stamp: the token's signature and certificate chain (against the certificates kept beside
it, nothing fetched), the token's imprint against the Merkle root, the root against the leaves,
each leaf's inclusion proof, the exhibits' hashes against the record, and the custody entry in the
tree against the log as it is now — at its place, with a time before the stamp's, and the entry
attaching the stamp after it. A custody log rewritten with every hash recomputed no longer holds
the entry a TSA signed, and is caught here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.errors import CaseFileError, Message
from casefile.core.model import Case, Stamp, parse_datetime
from casefile.core.timestamps import merkle

if TYPE_CHECKING:
    from casefile.core.timestamps.roots import RootCert
    from casefile.core.timestamps.token import TokenInfo

STAMPS_DIR = "timestamps"
TOKEN_NAME = "token.tsr"
CA_NAME = "ca.pem"
CHAIN_NAME = "chain.pem"
TREE_NAME = "tree.json"
# How far the computer's clock (which dates custody entries) and the TSA's may disagree.
CLOCK_SKEW = timedelta(minutes=10)


@dataclass
class StampResult:
    """One timestamp as verification found it."""

    id: str
    stamp: Stamp
    info: TokenInfo | None = None  # what the token says, when it validates
    problems: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    # The roots it was checked against (its ca.pem): whether they are the authority's is for the user to
    # confirm (casefile.core.timestamps.roots); filled by check_case_stamps.
    roots: list[RootCert] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.info is not None and not self.problems


def _problem(result: StampResult, problem: Message) -> None:
    result.problems.append(Message("timestamp {id}: {problem}", id=result.id, problem=problem))


def check_stamps(
    folder: Path,
    truth: Case,
    entries: list[dict[str, Any]],
    intact: set[str],
    *,
    now: datetime | None = None,
) -> list[StampResult]:
    """Every stamp of ``truth`` checked against the folder's files and the custody ``entries``.

    ``intact``: the files verification found as the log recorded them.
    """
    results = [check_stamp(folder, truth, stamp, entries, intact) for stamp in truth.timestamps]
    moment = now or datetime.now(UTC)
    for result in results:
        info = result.info
        if info is None or info.expires > moment:
            continue
        renewals = [
            r for r in results if r.stamp.renews == result.id and r.ok and r.info and r.info.time < info.expires
        ]
        if not renewals:
            result.notes.append(
                Message(
                    "timestamp {id}: the TSA's certificate expired on {date} and no renewal was made before it; "
                    "the token still validates as of its own time",
                    id=result.id,
                    date=info.expires.date().isoformat(),
                )
            )
    return results


def check_stamp(
    folder: Path, truth: Case, stamp: Stamp, entries: list[dict[str, Any]], intact: set[str]
) -> StampResult:
    result = StampResult(stamp.id, stamp)
    base = f"{STAMPS_DIR}/{stamp.id}"
    for name in (TOKEN_NAME, CA_NAME, CHAIN_NAME, TREE_NAME):
        if f"{base}/{name}" not in stamp.files:
            _problem(result, Message("the custody log does not record its file {name}", name=name))
    if result.problems:
        return result
    for path in stamp.files:
        if path not in intact:
            _problem(result, Message("{path} is not as it was when the stamp was attached", path=path))
    try:
        tree = json.loads((folder / base / TREE_NAME).read_bytes())
        leaves: list[dict[str, Any]] = tree["leaves"]
        root = str(tree["root"])
        digests = [str(leaf["sha256"]) for leaf in leaves]
        computed = merkle.merkle_root(digests)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _problem(result, Message("its tree {name} cannot be read ({exc})", name=TREE_NAME, exc=str(exc)))
        return result
    if computed != root or root != stamp.root:
        _problem(result, Message("the Merkle root of its leaves is not the root that was stamped"))
    _check_proofs(result, leaves, root)
    _check_leaves(result, truth, stamp, leaves, entries)
    from casefile.core.timestamps.token import load_pem_certificates, validate  # pyHanko: only for a stamped case

    try:
        token = (folder / base / TOKEN_NAME).read_bytes()
        roots = load_pem_certificates((folder / base / CA_NAME).read_bytes())
        others = load_pem_certificates((folder / base / CHAIN_NAME).read_bytes())
        result.info = validate(token, roots, others, bytes.fromhex(stamp.root))
    except OSError as exc:
        _problem(result, Message("its files cannot be read ({exc})", exc=str(exc)))
        return result
    except CaseFileError as exc:
        _problem(result, exc.message)
        return result
    info = result.info
    if info.time != stamp.time or info.serial != stamp.serial:
        _problem(result, Message("the token's time or serial number is not the one the custody log recorded"))
    _check_times(result, stamp, info, entries)
    return result


def _check_proofs(result: StampResult, leaves: list[dict[str, Any]], root: str) -> None:
    for i, leaf in enumerate(leaves):
        try:
            proof = [merkle.ProofStep(str(s["side"]), str(s["hash"])) for s in leaf["proof"]]
            reached = merkle.root_from_proof(str(leaf["sha256"]), proof)
        except (KeyError, TypeError, ValueError):
            reached = ""
        if reached != root:
            _problem(result, Message("the inclusion proof of leaf {n} does not lead to the stamped root", n=i + 1))


def _check_leaves(
    result: StampResult, truth: Case, stamp: Stamp, leaves: list[dict[str, Any]], entries: list[dict[str, Any]]
) -> None:
    exhibits = {e.number: e for e in truth.exhibits}
    numbers = []
    custody = [leaf for leaf in leaves if leaf.get("kind") == "custody"]
    for leaf in leaves:
        kind = leaf.get("kind")
        if kind == "exhibit":
            number = leaf.get("exhibit")
            numbers.append(number)
            exhibit = exhibits.get(number) if isinstance(number, int) else None
            if exhibit is None or exhibit.sha256 != leaf.get("sha256"):
                _problem(
                    result, Message("exhibit {number} in its tree is not the exhibit the case holds", number=number)
                )
        elif kind == "token":
            earlier = next((s for s in truth.timestamps if s.id == stamp.renews), None)
            path = f"{STAMPS_DIR}/{stamp.renews}/{TOKEN_NAME}"
            if earlier is None or earlier.files.get(path) != leaf.get("sha256"):
                _problem(result, Message("the earlier token it renews is not the one the case holds"))
    if sorted(n for n in numbers if isinstance(n, int)) != sorted(stamp.exhibits):
        _problem(result, Message("its tree does not cover the exhibits the custody log says it covers"))
    if len(custody) != 1:
        _problem(result, Message("its tree does not hold exactly one custody entry"))
        return
    seq, digest = custody[0].get("seq"), custody[0].get("sha256")
    if not isinstance(seq, int) or not 1 <= seq <= len(entries):
        _problem(result, Message("the custody entry {seq} it stamped is not in the custody log", seq=seq))
        return
    entry = entries[seq - 1]
    if entry.get("seq") != seq or entry.get("hash") != digest:
        _problem(
            result,
            Message(
                "custody entry {seq} is not the entry the TSA stamped: the custody log was rewritten from there on",
                seq=seq,
            ),
        )
    if stamp.custody_seq != seq or stamp.custody_hash != digest:
        _problem(result, Message("the custody entry in its tree is not the one the custody log recorded for it"))


def _entry_time(entry: dict[str, Any]) -> datetime | None:
    try:
        return parse_datetime(entry.get("at"), "custody entry time", check=False)
    except (CaseFileError, ValueError, TypeError):
        return None


def _check_times(result: StampResult, stamp: Stamp, info: TokenInfo, entries: list[dict[str, Any]]) -> None:
    if 1 <= stamp.custody_seq <= len(entries):
        stamped_at = _entry_time(entries[stamp.custody_seq - 1])
        if stamped_at is not None and stamped_at > info.time + CLOCK_SKEW:
            _problem(
                result,
                Message(
                    "custody entry {seq} is dated {at}, after the TSA's time {time}",
                    seq=stamp.custody_seq,
                    at=stamped_at.isoformat(),
                    time=info.time.isoformat(),
                ),
            )
    attaching = next(
        (
            e
            for e in entries
            if e.get("action") == "timestamp"
            and isinstance(e.get("details"), dict)
            and isinstance(e["details"].get("stamp"), dict)
            and e["details"]["stamp"].get("id") == stamp.id
        ),
        None,
    )
    if attaching is None:
        return
    if int(attaching.get("seq", 0)) <= stamp.custody_seq:
        _problem(result, Message("it is attached before the custody entry it stamps"))
    attached_at = _entry_time(attaching)
    if attached_at is not None and attached_at < info.time - CLOCK_SKEW:
        _problem(
            result,
            Message(
                "it was attached at {at}, before the TSA's time {time}",
                at=attached_at.isoformat(),
                time=info.time.isoformat(),
            ),
        )


def check_case_stamps(folder: Path) -> dict[str, StampResult]:
    """Every stamp of the case in ``folder`` checked offline, by id (for the app's details of an exhibit).

    Reads only: the custody log as it is, the stamps' files hashed against what the log recorded.
    """
    from casefile.core import record
    from casefile.core.custody import LOG_NAME, CustodyLog
    from casefile.core.hashing import hash_file

    entries, _chain = CustodyLog(folder / LOG_NAME).scan()
    truth = record.fold(entries)
    intact = set()
    for stamp in truth.timestamps:
        for path, digest in stamp.files.items():
            try:
                if hash_file(folder / path).sha256 == digest:
                    intact.add(path)
            except OSError:
                continue
    from casefile.core.timestamps.roots import stamp_roots

    results = check_stamps(folder, truth, entries, intact)
    for result in results:
        result.roots = stamp_roots(folder, result.stamp)
    return {r.id: r for r in results}
