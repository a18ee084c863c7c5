"""How custody-log entries change a case record.

Every change to a case is first written to its custody log, then applied to the record
by :func:`apply_entry`. ``case.json`` is therefore a snapshot of the log folded from its
first entry; after a crash the snapshot is brought up to date by replaying the entries
it has not seen, and verification refolds the whole log to check the snapshot.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from casefile.core.errors import InvalidValueError, LibraryVersionError, Message
from casefile.core.model import (
    RECORD_FORMAT,
    RECORD_VERSION,
    Case,
    CustodyHead,
    Exhibit,
    case_from_data,
    parse_datetime,
    to_data,
)
from casefile.core.record.actions import (
    ACTIONS,
    CLOSE,
    CREATE,
    EVENT,
    EVENT_REMOVE,
    EVENT_UPDATE,
    EXHIBIT_METADATA,
    EXHIBIT_UPDATE,
    FINDING,
    INGEST,
    OUTCOME,
    PAYMENT,
    PROCEEDING,
    PROCEEDING_UPDATE,
    PROPOSAL,
    PROPOSAL_ANSWER,
    REDACT,
    REOPEN,
    REORDER,
    STAGE,
    TIMESTAMP,
    UPDATABLE_FIELDS,
    UPDATE,
    WITHDRAW,
)
from casefile.core.record.versions import ENTRY_VERSION, INGEST_SAME_SINCE, entry_version, upcast


def creation_details(case: Case) -> dict[str, Any]:
    data = to_data(case)
    for key in ("exhibits", "custody_head", "revision"):
        data.pop(key, None)
    data["format"] = RECORD_FORMAT
    data["version"] = RECORD_VERSION
    return {"case": data}


def apply_entry(case: Case | None, entry: dict[str, Any]) -> Case:
    """Apply one custody entry to ``case`` (``None`` before the first entry)."""
    seq = entry.get("seq")
    name = entry.get("action")
    action = ACTIONS.get(name) if isinstance(name, str) else None
    if action is None:
        raise LibraryVersionError(
            "custody entry {seq} records the action {action!r}, made by a newer CaseFile; please upgrade",
            seq=seq,
            action=name,
        )
    version = entry_version(entry)
    if version != ENTRY_VERSION:  # an entry of today's format is read as it is
        entry = upcast("entry", entry, version, ENTRY_VERSION, Message("custody entry {seq}", seq=seq))
    details = entry.get("details") or {}
    if name == CREATE:
        if case is not None:
            raise InvalidValueError("custody entry {seq} creates the case a second time", seq=seq)
        case = case_from_data(details["case"])
    elif case is None:
        raise InvalidValueError("the custody log does not start with the creation of the case")
    elif action.apply is not None:
        at = parse_datetime(entry["at"], "custody entry time", check=False)
        action.apply(case, details, at, str(entry.get("operator", "")))
    case.custody_head = CustodyHead(seq=int(entry["seq"]), hash=str(entry["hash"]))
    case.revision = int(entry["seq"])
    return case


def fold(entries: Iterable[dict[str, Any]]) -> Case:
    """Rebuild a case record from its whole custody log."""
    case: Case | None = None
    for entry in entries:
        case = apply_entry(case, entry)
    if case is None:
        raise InvalidValueError("the custody log is empty")
    return case


# Entries that change, in place, an exhibit already in the record: the one their "exhibit" names.
_CHANGE_AN_EXHIBIT = frozenset({WITHDRAW, EXHIBIT_UPDATE, EXHIBIT_METADATA})
# Entries that change the record and never an exhibit already in it (they add one, or change
# something else). Any other action that changes the record is taken to change every exhibit.
_LEAVE_EXHIBITS = frozenset(
    {
        INGEST,
        REDACT,
        UPDATE,
        STAGE,
        REORDER,
        EVENT,
        EVENT_UPDATE,
        EVENT_REMOVE,
        FINDING,
        PROPOSAL,
        PROPOSAL_ANSWER,
        PROCEEDING,
        PROCEEDING_UPDATE,
        OUTCOME,
        PAYMENT,
        CLOSE,
        REOPEN,
        TIMESTAMP,
    }
)

# An exhibit (by id), with the data of the ingest entry that made it, as no later entry changed it.
Sources = dict[int, tuple[Exhibit, dict[str, Any]]]


def fold_with_sources(entries: Iterable[dict[str, Any]]) -> tuple[Case, Sources]:
    """:func:`fold`, and for each exhibit that no entry changed since its ingest entry made it
    (in a format whose ingest entries read as today's, read as it is), that entry's data of the exhibit.

    Such an exhibit is that data read as a record: data equal to it is the same exhibit, which
    lets verification compare case.json with the log without writing out every exhibit again.
    """
    case: Case | None = None
    sources: Sources = {}
    for entry in entries:
        case = apply_entry(case, entry)
        name = entry.get("action")
        if ACTIONS[str(name)].apply is None:  # a witness: the record is as it was
            continue
        if name == INGEST and entry_version(entry) >= INGEST_SAME_SINCE:
            exhibit = case.exhibits[-1]
            sources[id(exhibit)] = (exhibit, entry["details"]["exhibit"])
        elif name in _CHANGE_AN_EXHIBIT:  # found as the entry's action found it
            sources.pop(id(case.exhibit(int(entry["details"]["exhibit"]))), None)
        elif name not in _LEAVE_EXHIBITS:
            sources.clear()
    if case is None:
        raise InvalidValueError("the custody log is empty")
    return case, sources


@dataclasses.dataclass
class FoldCheck:
    """The log folded from its first entry, and how a snapshot compares with it.

    ``at_snapshot`` lists the fields in which the snapshot differs from the record as it
    stood at the entry the snapshot says it has seen (the snapshot may legitimately lag
    behind the log after a crash, never differ from it).
    """

    case: Case
    snapshot_seen: bool = False  # the log reached the entry the snapshot names
    at_snapshot: list[str] = dataclasses.field(default_factory=list)


def fold_and_compare(entries: Iterable[dict[str, Any]], snapshot: Case | None) -> FoldCheck:
    """Fold the log, comparing ``snapshot`` with the record at the entry it names, in one pass."""
    case: Case | None = None
    seen = False
    differing: list[str] = []
    head = snapshot.custody_head.seq if snapshot is not None else -1
    for entry in entries:
        case = apply_entry(case, entry)
        if case.custody_head.seq == head and snapshot is not None:
            seen = case.custody_head.hash == snapshot.custody_head.hash
            differing = differing_fields(case, snapshot)
    if case is None:
        raise InvalidValueError("the custody log is empty")
    return FoldCheck(case, seen, differing)


def differing_fields(a: Case, b: Case) -> list[str]:
    da, db = to_data(a), to_data(b)
    return sorted(k for k in da.keys() | db.keys() if da.get(k) != db.get(k))


def record_changes(old: Case, new: Case) -> dict[str, Any]:
    """The top-level updatable fields that differ between two versions of a case."""
    changes = {}
    for f in dataclasses.fields(Case):
        if f.name in UPDATABLE_FIELDS and getattr(old, f.name) != getattr(new, f.name):
            changes[f.name] = to_data(getattr(new, f.name))
    return changes
