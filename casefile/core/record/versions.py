"""Format versions of what CaseFile writes, and how older versions are read.

Every custody entry carries ``"v"`` (entries written before versions were explicit have
none and are version 1); ``case.json``, ``library.json``, ``settings.json`` and
``attachments.json`` carry ``"version"``. A version newer than this CaseFile knows is
refused with "made by a newer CaseFile" — never read half-way. An older version is
brought up to date in memory by the upcasters below, one step at a time; a file on
disk is rewritten in the new format only by an explicit migration that keeps a backup
of the old file first (:func:`backup_before_migration`).

Within one version, a newer CaseFile may add keys: they are kept as they are when the
file or record is rewritten (see ``model.from_data``), so nothing a newer version wrote
is lost by an older one that does not understand it.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.errors import LibraryVersionError, Message
from casefile.core.fsutil import fsync_dir, storage_error

# Custody entries; 2: as format 2 of the case record; 3: as format 3; 4: events dated when entered; 5: stage
# changes, answers and closings citing exhibits (below).
ENTRY_VERSION = 5
# The first entry format whose ``ingest`` entries read as today's (later steps leave ingest entries as they are).
INGEST_SAME_SINCE = 4
# A new action alone does not change the entry format: an older CaseFile meeting an action it does
# not know refuses the log as made by a newer CaseFile (record.fold.apply_entry), never skips it.
# The version changes when entries an older CaseFile knows would be read differently.
ENTRY_VERSION_KEY = "v"

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

# (kind, from version) -> a function returning the same data in version + 1.
# Custody entries are hash-chained: an upcaster works on a copy, after the chain was checked.
UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def entry_version(entry: dict[str, Any]) -> int:
    version = entry.get(ENTRY_VERSION_KEY, 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LibraryVersionError(
            "custody entry {seq} has an unreadable format version {version!r}", seq=entry.get("seq"), version=version
        )
    return version


def upcast(kind: str, data: dict[str, Any], version: int, current: int, what: Message) -> dict[str, Any]:
    """Bring ``data`` of format ``version`` up to ``current``, or refuse a newer one."""
    if version > current:
        raise LibraryVersionError(
            "{what} is in format {version}, made by a newer CaseFile (this one reads up to {current}); please upgrade",
            what=what,
            version=version,
            current=current,
        )
    while version < current:
        step = UPCASTERS.get((kind, version))
        if step is None:  # pragma: no cover - a release that bumps a version registers its step
            raise LibraryVersionError(
                "{what} is in format {version}, which this CaseFile cannot read", what=what, version=version
            )
        data = step(dict(data))
        version += 1
    return data


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy ``path`` aside as ``<name>.v<version>-<UTC time>.bak`` before it is rewritten in a newer format."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    try:
        shutil.copy2(path, backup)
        fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(
            exc, Message("keeping a copy of {name} before updating its format", name=path.name)
        ) from exc
    return backup


# ---------------------------------------------------------------------------- format 1 -> 2 of cases and entries
#
# Format 1 stored a shipment's insurance (保价) as a plain true/false defaulting to false, so a
# shipment nobody asked about read "not insured" and was printed 未保价. Format 2 has three
# states: true, false and null (not entered). A format-1 false cannot tell "no" from "never
# asked", so it becomes null; a format-1 true stays, and its declared value — which format 1
# printed as the insured amount (保价金额) — is also taken as the insured value.


def shipment_v1_to_v2(shipment: Any) -> Any:
    if not isinstance(shipment, dict):
        return shipment
    shipment = dict(shipment)
    if shipment.get("insured") is False:
        shipment["insured"] = None
    elif shipment.get("insured") is True and shipment.get("insured_value", shipment.get("declared_value")) is not None:
        shipment.setdefault("insured_value", shipment["declared_value"])
    return shipment


def case_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """case.json (or the case data a creation entry holds) from format 1 to 2."""
    data = {**data, "version": 2}
    if "shipment" in data:
        data["shipment"] = shipment_v1_to_v2(data["shipment"])
    return data


def entry_v1_to_v2(entry: dict[str, Any]) -> dict[str, Any]:
    """A custody entry from format 1 to 2: the case a ``create`` entry holds, the shipment an ``update`` sets.

    Works on copies: the entry as stored is what its hash covers.
    """
    entry = {**entry, "v": 2}
    details = entry.get("details")
    if not isinstance(details, dict):
        return entry
    details = copy.copy(details)
    action = entry.get("action")
    case = details.get("case")
    if action == "create" and isinstance(case, dict) and case.get("version", 1) == 1:
        details["case"] = case_v1_to_v2(case)
    fields = details.get("fields")
    if action == "update" and isinstance(fields, dict) and "shipment" in fields:
        details["fields"] = {**fields, "shipment": shipment_v1_to_v2(fields["shipment"])}
    entry["details"] = details
    return entry


UPCASTERS[("case", 1)] = case_v1_to_v2
UPCASTERS[("entry", 1)] = entry_v1_to_v2


# ---------------------------------------------------------------------------- format 2 -> 3 of cases and entries
#
# Format 3 gives times their real value where format 2 took the moment something was typed in:
# a ``stage`` entry may carry the time the stage was entered ("at"; without it, the entry's own
# time, as before), and a timeline event may be a complaint or claim lodged with someone
# (kind "complaint", with the other side's reference and who it was with). A format-2 record or
# entry means the same in format 3, so the step changes nothing but the version; it exists so
# that a CaseFile reading only format 2 refuses these as "made by a newer CaseFile" instead of
# misreading a stage's time.


def case_v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "version": 3}


def entry_v2_to_v3(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "v": 3}


UPCASTERS[("case", 2)] = case_v2_to_v3
UPCASTERS[("entry", 2)] = entry_v2_to_v3


# ---------------------------------------------------------------------------- format 3 -> 4 of entries
#
# Format 4 dates each timeline event with the time its ``event`` entry was recorded
# (``recorded_at``, set by the fold from the entry, never typed in), and brings the actions that
# record the handling of the dispute (responsibility, negotiation, proceedings, outcome, payments,
# closing and reopening). A format-3 event entry was folded without that time, and the case.json it
# left holds none: the step says so (``recorded_at`` null), so the record folds as it did and keeps
# verifying. A CaseFile reading only format 3 refuses a format-4 log instead of folding its events
# without their time and finding case.json "changed".


def entry_v3_to_v4(entry: dict[str, Any]) -> dict[str, Any]:
    entry = {**entry, "v": 4}
    details = entry.get("details")
    if entry.get("action") == "event" and isinstance(details, dict) and isinstance(details.get("event"), dict):
        entry["details"] = {**details, "event": {"recorded_at": None, **details["event"]}}
    return entry


UPCASTERS[("entry", 3)] = entry_v3_to_v4


# ---------------------------------------------------------------------------- format 4 -> 5 of entries
#
# Format 5 lets the entries that state a step of the handling without naming its proof name it: a ``stage``
# entry, a ``proposal-answer`` and a ``close`` may carry the exhibits that show what happened ("evidence":
# the merchant's written reply, a receipt…), which the narratives cite as （见证据N）. An entry without them means
# what it meant, so the step changes nothing but the version; it exists so that a CaseFile reading only format 4
# refuses a log citing them instead of folding it without the citations and finding case.json "changed".


def entry_v4_to_v5(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "v": 5}


UPCASTERS[("entry", 4)] = entry_v4_to_v5
