"""What happened to a case, read from its custody log: an exhibit's history, the bundles made.

One reading of the log's entries for the app, the command line and verification alike,
so none of them picks keys out of raw entries on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casefile.core.record.actions import (
    ACTIONS,
    BUNDLE,
    BUNDLE_LOST,
    EXHIBIT_METADATA,
    EXHIBIT_UPDATE,
    REDACT,
    WITHDRAW,
)


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _details(entry: dict[str, Any]) -> dict[str, Any]:
    details = entry.get("details")
    return details if isinstance(details, dict) else {}


@dataclass(frozen=True)
class HistoryItem:
    """One custody entry concerning an exhibit."""

    seq: int
    at: datetime | None
    operator: str
    action: str
    reason: str = ""  # why it was withdrawn, or why a redacted copy was made
    fields: tuple[str, ...] = ()  # what was changed, for edits and metadata re-reads


def exhibit_history(entries: Iterable[dict[str, Any]], number: int) -> list[HistoryItem]:
    """The custody entries that concern exhibit ``number``, oldest first."""
    items = []
    for entry in entries:
        name = str(entry.get("action", ""))
        action = ACTIONS.get(name)
        details = _details(entry)
        if action is None or number not in action.exhibits(details):
            continue
        fields: tuple[str, ...] = ()
        if name == EXHIBIT_UPDATE and isinstance(details.get("fields"), dict):
            fields = tuple(sorted(details["fields"]))
        elif name == EXHIBIT_METADATA:
            fields = tuple(k for k in ("metadata", "flags", "captured_at") if k in details)
        items.append(
            HistoryItem(
                seq=int(entry.get("seq", 0)),
                at=_time(entry.get("at")),
                operator=str(entry.get("operator", "")),
                action=name,
                reason=str(details.get("reason", "")) if name in (WITHDRAW, REDACT) else "",
                fields=fields,
            )
        )
    return items


@dataclass(frozen=True)
class BundleFile:
    name: str  # relative to the case folder: bundles/<file>.pdf
    sha256: str
    pages: int | None
    size: int | None
    component: str = ""  # for a component file (online filing): which one (民事起诉状, 证据 第1册…)


@dataclass(frozen=True)
class BundleRecord:
    """One bundle made, as its custody entry records it."""

    seq: int
    at: datetime | None
    operator: str
    venue: str
    layout: str
    exhibits: tuple[tuple[str, int], ...]  # (label in the packet, exhibit number), in packet order
    files: tuple[BundleFile, ...]
    disclosure: BundleFile | None = None  # the disclosure report saved beside the packet
    guidance: BundleFile | None = None  # the notes for the person filing, saved beside the packet
    components: tuple[BundleFile, ...] = ()  # the filing as one file per component, for online filing
    route: str = ""  # who it went to, where the venue has more than one destination (12315, 12305…)
    # A walk-in receipt: its edition (1, 2…; None when not recorded) and whether it was a "reprint" or a "correction"
    # of the receipt issued before ("" for the first).
    edition: int | None = None
    reissue: str = ""
    previous: int | None = None  # a receipt printed again: the custody entry (seq) of the receipt issued before it
    changed: tuple[str, ...] = ()  # a correction: the labels of what it prints that changed (电话, 顾客诉求…)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def bundle_history(entries: Iterable[dict[str, Any]]) -> list[BundleRecord]:
    """Every bundle the log records, oldest first."""
    records = []
    for entry in entries:
        if entry.get("action") != BUNDLE:
            continue
        details = _details(entry)
        files = _files(details.get("files"))
        exhibits = tuple(
            (str(x.get("label", "")), n)
            for x in details.get("exhibits") or []
            if isinstance(x, dict) and (n := _int(x.get("exhibit"))) is not None
        )
        receipt = details.get("receipt")
        receipt = receipt if isinstance(receipt, dict) else {}
        changed = receipt.get("changed")
        records.append(
            BundleRecord(
                disclosure=next(iter(_files([details.get("disclosure")], pages=False)), None),
                guidance=next(iter(_files([details.get("guidance")])), None),
                components=_files(details.get("components")),
                seq=int(entry.get("seq", 0)),
                at=_time(entry.get("at")),
                operator=str(entry.get("operator", "")),
                venue=str(details.get("venue", "")),
                layout=str(details.get("layout", "")),
                route=str(details.get("route", "")),
                edition=_int(receipt.get("edition")),
                reissue=str(receipt.get("reissue", "")),
                previous=_int(receipt.get("previous")),
                changed=tuple(c for c in changed if isinstance(c, str)) if isinstance(changed, list) else (),
                exhibits=exhibits,
                files=files,
            )
        )
    return records


def _files(items: Any, *, pages: bool = True) -> tuple[BundleFile, ...]:
    return tuple(
        BundleFile(
            str(f["name"]),
            str(f["sha256"]),
            _int(f.get("pages")) if pages else None,
            _int(f.get("size")),
            str(f.get("component", "")),
        )
        for f in (items if isinstance(items, list) else [])
        if isinstance(f, dict) and "name" in f and "sha256" in f
    )


@dataclass(frozen=True)
class LostBundleFile:
    """A generated bundle file recorded as lost (missing, or altered and moved aside)."""

    name: str  # relative to the case folder: bundles/<file>.pdf
    sha256: str  # as the bundle's entry recorded it
    found: str  # LOST_MISSING or LOST_MODIFIED
    seq: int
    at: datetime | None
    operator: str
    actual_sha256: str = ""  # what an altered file hashed to when it was found
    set_aside: str = ""  # where an altered file was moved (relative to the case folder)


LOST_MISSING = "missing"
LOST_MODIFIED = "modified"


def bundle_files(entries: Iterable[dict[str, Any]]) -> tuple[dict[str, str], dict[str, LostBundleFile]]:
    """The bundle files the log expects in the case folder (relative path -> SHA-256), and those it
    records as lost since they were made (relative path -> what the loss entry says).

    A bundle file is expected from the entry that made it until an entry records it lost; a later
    bundle saved under the same name is expected again.
    """
    expected: dict[str, str] = {}
    lost: dict[str, LostBundleFile] = {}
    for entry in entries:
        action = entry.get("action")
        if action == BUNDLE:
            for made in bundle_history([entry]):
                extra = [f for f in (made.disclosure, made.guidance) if f is not None]
                for f in (*made.files, *made.components, *extra):
                    expected[f.name] = f.sha256
                    lost.pop(f.name, None)
        elif action == BUNDLE_LOST:
            items = _details(entry).get("files")
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, dict):
                    continue
                name, digest = str(item.get("name", "")), str(item.get("sha256", ""))
                known = expected.get(name) or (lost[name].sha256 if name in lost else None)
                if known != digest:
                    continue  # not a file the log made under that name: nothing to excuse
                expected.pop(name, None)
                lost[name] = LostBundleFile(
                    name=name,
                    sha256=digest,
                    found=str(item.get("found", LOST_MISSING)),
                    seq=int(entry.get("seq", 0)),
                    at=_time(entry.get("at")),
                    operator=str(entry.get("operator", "")),
                    actual_sha256=str(item.get("actual_sha256", "")),
                    set_aside=str(item.get("set_aside", "")),
                )
    return expected, lost


def recorded_bundle_files(entries: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Every bundle file the log expects in the case folder (packets, their guidance, component files
    and disclosure reports, less those recorded as lost since): relative path -> SHA-256."""
    return bundle_files(entries)[0]
