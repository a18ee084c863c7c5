"""Every custody action CaseFile writes, in one registry.

An action either changes the case record (``apply`` folds it into the record) or only
bears witness (a verification, an export, a bundle…: the record is unchanged, the entry
proves what happened). Folding a log refuses an action it does not know — it was written
by a newer CaseFile, and skipping it would silently give a wrong record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casefile.core.errors import InvalidValueError
from casefile.core.model import (
    Case,
    Exhibit,
    ExhibitMetadata,
    Stage,
    StageChange,
    TimelineEvent,
    field_from_data,
    from_data,
    parse_datetime,
    set_unknown,
    to_data,
    unknown_of,
)

# Actions that change the record.
CREATE = "create"
INGEST = "ingest"
WITHDRAW = "withdraw"
UPDATE = "update"
STAGE = "stage"
EVENT = "event"
EVENT_UPDATE = "event-update"  # a timeline event corrected: the event as it was, and as it is now
EVENT_REMOVE = "event-remove"  # a timeline event taken out of the record (it stays in the log), with why
EXHIBIT_UPDATE = "exhibit-update"
REORDER = "reorder"
EXHIBIT_METADATA = "exhibit-metadata"  # what the file says about itself, read again
REDACT = "redact"  # a redacted copy of an exhibit added as an exhibit of its own
# Actions that only bear witness.
VERIFY = "verify"
EXPORT = "export"
IMPORT = "import"
BUNDLE = "bundle"
RECOVERY = "recovery"  # a crash was cleaned up (a torn last line removed)
REPAIR = "repair"  # case.json / MANIFEST.sha256 rebuilt from the log

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
    "agent",
    "filing",
    "transaction",
    "shipment",
    "demands",
    "facts",
    "timeline",
}
EXHIBIT_UPDATABLE = {
    "title",
    "kind",
    "source",
    "purpose",
    "captured_at",
    "captured_at_source",
    "transcript",
    "agreement_status",
    "agreement_reason",
    "handed_in",
    "disposition",
    "group",
}

Apply = Callable[[Case, dict[str, Any], datetime, str], None]


@dataclass(frozen=True)
class Action:
    name: str
    apply: Apply | None  # None: a witness action, the record stays as it is
    exhibits: Callable[[dict[str, Any]], list[int]]  # the exhibits an entry of this action concerns

    @property
    def changes_record(self) -> bool:
        return self.apply is not None


def _number(value: Any) -> list[int]:
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


def _exhibit_field(details: dict[str, Any]) -> list[int]:
    exhibit = details.get("exhibit")
    if isinstance(exhibit, dict):
        return _number(exhibit.get("number"))
    return _number(exhibit)


def _numbers(values: Any) -> list[int]:
    return [n for v in values for n in _number(v)] if isinstance(values, list) else []


def _none(details: dict[str, Any]) -> list[int]:
    return []


def _ingest(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = from_data(Exhibit, details["exhibit"])
    if case.has_exhibit(exhibit.number):
        raise InvalidValueError("exhibit {number} is ingested twice in the custody log", number=exhibit.number)
    case.add_exhibit(exhibit)


def _redact(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    source = details["derived_from"]
    number = source.get("exhibit") if isinstance(source, dict) else None
    if not isinstance(number, int) or not case.has_exhibit(number):
        raise InvalidValueError(
            "a redacted copy names no exhibit of the case as its original ({number!r})", number=number
        )
    original = case.exhibit(number)
    copy = from_data(Exhibit, details["exhibit"])
    if copy.derived_from != number or source.get("sha256") != original.sha256:
        raise InvalidValueError(
            "the redacted copy {copy} does not match its original, exhibit {number}", copy=copy.number, number=number
        )
    _ingest(case, details, at, operator)


def _redact_exhibits(details: dict[str, Any]) -> list[int]:
    source = details.get("derived_from")
    return _exhibit_field(details) + (_number(source.get("exhibit")) if isinstance(source, dict) else [])


def _withdraw(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    exhibit.withdrawn = True
    exhibit.withdrawn_at = at
    exhibit.withdrawn_by = operator
    exhibit.withdraw_reason = str(details.get("reason", ""))


def _exhibit_update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    fields: dict[str, Any] = details["fields"]
    for name, value in fields.items():
        if name in EXHIBIT_UPDATABLE:
            setattr(exhibit, name, field_from_data(Exhibit, name, value))
    newer = {k: v for k, v in fields.items() if k not in EXHIBIT_UPDATABLE}
    if newer:  # fields a newer CaseFile lets people change: kept as they are
        set_unknown(exhibit, {**unknown_of(exhibit), **newer})


def _exhibit_metadata(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    exhibit.metadata = from_data(ExhibitMetadata, details["metadata"])
    exhibit.flags = [str(f) for f in details["flags"]]
    if "captured_at" in details:
        exhibit.captured_at = parse_datetime(details["captured_at"], "captured_at", check=False)
        exhibit.captured_at_source = str(details["captured_at_source"])


def _update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    changes: dict[str, Any] = details["fields"]
    for name, value in changes.items():
        if name in UPDATABLE_FIELDS:
            setattr(case, name, field_from_data(Case, name, value))
    newer = {k: v for k, v in changes.items() if k not in UPDATABLE_FIELDS}
    if newer:
        set_unknown(case, {**unknown_of(case), **newer})


def _stage(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    """The case enters ``stage`` at the time the entry states ("at", format 3), else when it was recorded."""
    stage = Stage(details["stage"])
    change = StageChange(stage=stage, at=at, operator=operator, note=str(details.get("note", "")))
    if "at" in details:
        change.at, change.recorded_at = parse_datetime(details["at"], "stage.at", check=False), at
    case.stage = stage
    case.stage_log.append(change)


def _reorder(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    order = [int(n) for n in details["order"]]
    if sorted(order) != sorted(case.exhibit_numbers()):
        raise InvalidValueError("a new order must list every exhibit exactly once")
    case.exhibit_order = order


def _event(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    event = from_data(TimelineEvent, details["event"])
    case.timeline.append(event)
    case.timeline.sort(key=lambda e: e.at)


def _find_event(case: Case, was: dict[str, Any]) -> int:
    """The position of the timeline event recorded as ``was`` (an entry names an event by its content:
    events have no number, and two identical events are the same fact). Only the fields the entry
    recorded are compared, so a later CaseFile that adds fields to events still finds it."""
    for i, event in enumerate(case.timeline):
        data = to_data(event)
        if all(data.get(key) == value for key, value in was.items()):
            return i
    raise InvalidValueError("the timeline holds no such event (it was changed or removed since)")


def _event_update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    i = _find_event(case, details["was"])
    case.timeline[i] = from_data(TimelineEvent, details["event"])
    case.timeline.sort(key=lambda e: e.at)


def _event_remove(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    del case.timeline[_find_event(case, details["was"])]


def _event_exhibits(details: dict[str, Any]) -> list[int]:
    return [n for key in ("was", "event") for n in _numbers((details.get(key) or {}).get("evidence"))]


def _bundle_exhibits(details: dict[str, Any]) -> list[int]:
    items = details.get("exhibits")
    if not items:
        return []
    # A redacted copy printed in place of its original concerns both.
    return [
        n for item in items if isinstance(item, dict) for key in ("exhibit", "original") for n in _number(item.get(key))
    ]


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(CREATE, None, _none),  # folded specially: it starts the record
        Action(INGEST, _ingest, _exhibit_field),
        Action(WITHDRAW, _withdraw, _exhibit_field),
        Action(EXHIBIT_UPDATE, _exhibit_update, _exhibit_field),
        Action(EXHIBIT_METADATA, _exhibit_metadata, _exhibit_field),
        Action(REDACT, _redact, _redact_exhibits),
        Action(UPDATE, _update, _none),
        Action(STAGE, _stage, _none),
        Action(REORDER, _reorder, _none),
        Action(EVENT, _event, lambda d: _numbers((d.get("event") or {}).get("evidence"))),
        Action(EVENT_UPDATE, _event_update, _event_exhibits),
        Action(EVENT_REMOVE, _event_remove, _event_exhibits),
        Action(VERIFY, None, _none),
        Action(EXPORT, None, _none),
        Action(IMPORT, None, _none),
        Action(BUNDLE, None, _bundle_exhibits),
        Action(RECOVERY, None, _none),
        Action(REPAIR, None, _none),
    )
}
