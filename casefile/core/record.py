"""How custody-log entries change a case record.

Every change to a case is first written to its custody log, then applied to the record
by :func:`apply_entry`. ``case.json`` is therefore a snapshot of the log folded from its
first entry; after a crash the snapshot is brought up to date by replaying the entries
it has not seen, and verification can refold the whole log to check the snapshot.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from casefile.core.errors import InvalidValueError
from casefile.core.model import (
    Case,
    CustodyHead,
    Exhibit,
    Stage,
    StageChange,
    TimelineEvent,
    case_from_data,
    from_data,
    parse_datetime,
    to_data,
)

# Actions that change the record. Others (export, verify, bundle...) only bear witness.
CREATE = "create"
INGEST = "ingest"
WITHDRAW = "withdraw"
UPDATE = "update"
STAGE = "stage"
EVENT = "event"
EXHIBIT_UPDATE = "exhibit-update"
REORDER = "reorder"
EXHIBIT_METADATA = "exhibit-metadata"  # what the file says about itself, read again

# Top-level fields an "update" entry may set.
UPDATABLE_FIELDS = {
    "title",
    "complained_at",
    "channel",
    "channel_ref",
    "type",
    "priority",
    "responsible_party",
    "responsibility_rationale",
    "first_response_at",
    "complainant",
    "respondent",
    "courier",
    "transaction",
    "shipment",
    "demands",
    "facts",
    "timeline",
}
EXHIBIT_UPDATABLE = {"title", "kind", "source", "purpose", "captured_at", "captured_at_source", "transcript"}


def creation_details(case: Case) -> dict[str, Any]:
    data = to_data(case)
    for key in ("exhibits", "custody_head", "revision"):
        data.pop(key, None)
    data["format"] = "casefile-case"
    data["version"] = 1
    return {"case": data}


def apply_entry(case: Case | None, entry: dict[str, Any]) -> Case:
    """Apply one custody entry to ``case`` (``None`` before the first entry)."""
    action = entry.get("action")
    details = entry.get("details") or {}
    at = parse_datetime(entry["at"], "custody entry time", check=False)
    operator = str(entry.get("operator", ""))
    if action == CREATE:
        case = case_from_data(details["case"])
    elif case is None:
        raise InvalidValueError("the custody log does not start with the creation of the case")
    elif action == INGEST:
        exhibit = from_data(Exhibit, details["exhibit"])
        if any(e.number == exhibit.number for e in case.exhibits):
            raise InvalidValueError("exhibit {number} is ingested twice in the custody log", number=exhibit.number)
        case.exhibits.append(exhibit)
    elif action == WITHDRAW:
        exhibit = case.exhibit(int(details["exhibit"]))
        exhibit.withdrawn = True
        exhibit.withdrawn_at = at
        exhibit.withdrawn_by = operator
        exhibit.withdraw_reason = str(details.get("reason", ""))
    elif action == EXHIBIT_UPDATE:
        exhibit = case.exhibit(int(details["exhibit"]))
        exhibit_patch = from_data(Exhibit, {**to_data(exhibit), **details["fields"]})
        for name in details["fields"]:
            if name in EXHIBIT_UPDATABLE:
                setattr(exhibit, name, getattr(exhibit_patch, name))
    elif action == EXHIBIT_METADATA:
        exhibit = case.exhibit(int(details["exhibit"]))
        exhibit.metadata = dict(details["metadata"])
        exhibit.flags = [str(f) for f in details["flags"]]
        if "captured_at" in details:
            exhibit.captured_at = parse_datetime(details["captured_at"], "captured_at", check=False)
            exhibit.captured_at_source = str(details["captured_at_source"])
    elif action == UPDATE:
        fields = {k: v for k, v in details["fields"].items() if k in UPDATABLE_FIELDS}
        patch = from_data(Case, {**to_data(case), **fields, "exhibits": []})
        for name in fields:
            setattr(case, name, getattr(patch, name))
    elif action == STAGE:
        stage = Stage(details["stage"])
        case.stage = stage
        case.stage_log.append(StageChange(stage=stage, at=at, operator=operator, note=str(details.get("note", ""))))
    elif action == REORDER:
        order = [int(n) for n in details["order"]]
        if sorted(order) != sorted(e.number for e in case.exhibits):
            raise InvalidValueError("a new order must list every exhibit exactly once")
        case.exhibit_order = order
    elif action == EVENT:
        event = from_data(TimelineEvent, details["event"])
        case.timeline.append(event)
        case.timeline.sort(key=lambda e: e.at)
    if case is None:  # pragma: no cover - a non-create first entry raised above
        raise InvalidValueError("the custody log does not start with the creation of the case")
    case.custody_head = CustodyHead(seq=int(entry["seq"]), hash=str(entry["hash"]))
    case.revision = int(entry["seq"])
    return case


def fold(entries: list[dict[str, Any]]) -> Case:
    """Rebuild a case record from its whole custody log."""
    case: Case | None = None
    for entry in entries:
        case = apply_entry(case, entry)
    if case is None:
        raise InvalidValueError("the custody log is empty")
    return case


def record_changes(old: Case, new: Case) -> dict[str, Any]:
    """The top-level updatable fields that differ between two versions of a case."""
    changes = {}
    for f in dataclasses.fields(Case):
        if f.name in UPDATABLE_FIELDS and getattr(old, f.name) != getattr(new, f.name):
            changes[f.name] = to_data(getattr(new, f.name))
    return changes
