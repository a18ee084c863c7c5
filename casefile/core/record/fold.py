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
    case_from_data,
    parse_datetime,
    to_data,
)
from casefile.core.record.actions import ACTIONS, CREATE, UPDATABLE_FIELDS
from casefile.core.record.versions import ENTRY_VERSION, entry_version, upcast


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
    entry = upcast("entry", entry, entry_version(entry), ENTRY_VERSION, Message("custody entry {seq}", seq=seq))
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
