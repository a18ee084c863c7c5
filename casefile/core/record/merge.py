"""A change made from an older copy of a case, applied to the case as it is now.

A person fills a form from the case as it was when they opened it (the *base*). Meanwhile
another window, another process or another member of a team may have saved the case. Saving
the form then records only what the person changed since the base, merged into the record as
it is now: a field only the other writer changed keeps the other writer's value. A field both
changed, to different values, is a conflict: nothing is written, and :class:`ConflictError`
names the field, who changed it and when (from the custody log), so the person reloads the
case and makes their change again, never overwriting someone else's work without knowing.

Values are compared as stored (:func:`casefile.core.model.to_data`); a party or another group
of fields is merged field by field, so one person editing the complainant's phone and another
the complainant's address both keep their change. Lists (demands, the timeline) are merged whole.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from casefile.core import zone
from casefile.core.errors import ConflictError, Message, listed
from casefile.core.model import Case, Exhibit, TimelineEvent, to_data
from casefile.core.record.actions import (
    EVENT_REMOVE,
    EVENT_UPDATE,
    EXHIBIT_METADATA,
    EXHIBIT_UPDATE,
    PROCEEDING_UPDATE,
    UPDATABLE_FIELDS,
    UPDATE,
)
from casefile.core.record.fold import apply_entry

_ABSENT: Any = object()  # a key one version of a group of fields does not hold


def merge_value(base: Any, mine: Any, theirs: Any, path: str, conflicts: list[str]) -> Any:
    """``mine`` (changed from ``base``) merged into ``theirs`` (the value now); a path changed both
    ways to different values is added to ``conflicts`` and keeps ``theirs``."""
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        merged: dict[str, Any] = {}
        for key in [*theirs, *(k for k in mine if k not in theirs), *(k for k in base if k not in theirs)]:
            if key in merged:
                continue
            value = merge_value(
                base.get(key, _ABSENT), mine.get(key, _ABSENT), theirs.get(key, _ABSENT), f"{path}.{key}", conflicts
            )
            if value is not _ABSENT:
                merged[key] = value
        return merged
    conflicts.append(path)
    return theirs


def case_changes(base: Case, mine: Case, current: Case) -> tuple[dict[str, Any], list[str]]:
    """The top-level fields to record (as stored) so that ``current`` gets what ``mine`` changed since
    ``base``, and the paths changed both ways ("complainant.phone"), which block the whole change."""
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    for f in dataclasses.fields(Case):
        name = f.name
        if name not in UPDATABLE_FIELDS or getattr(mine, name) == getattr(base, name):
            continue
        theirs = to_data(getattr(current, name))
        merged = merge_value(to_data(getattr(base, name)), to_data(getattr(mine, name)), theirs, name, conflicts)
        if merged != theirs:
            changes[name] = merged
    return changes, conflicts


def changed_paths(base: Case, current: Case, names: Iterable[str]) -> list[str]:
    """The paths ("complainant.phone", "title") of the top-level fields ``names`` whose values differ between
    ``base`` and ``current``, as stored: a party or another group of fields, field by field."""
    found: list[str] = []

    def walk(was: Any, now: Any, path: str) -> None:
        if was == now:
            return
        if isinstance(was, dict) and isinstance(now, dict):
            for key in [*was, *(k for k in now if k not in was)]:
                walk(was.get(key, _ABSENT), now.get(key, _ABSENT), f"{path}.{key}")
        else:
            found.append(path)

    for name in names:
        walk(to_data(getattr(base, name)), to_data(getattr(current, name)), name)
    return found


def _at_path(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return _ABSENT
        data = data.get(part, _ABSENT)
    return data


Author = tuple[int, str, str]  # a custody entry's number, who wrote it, and when (as a person reads it)


def _by_whom(entry: dict[str, Any]) -> Author:
    """Who wrote a custody entry and when, as a person reads it: in the zone times are shown in, to the second,
    with its offset when that is not Beijing time."""
    at = str(entry.get("at", ""))
    with contextlib.suppress(ValueError):  # an entry's own text, when it is not a time
        at = zone.show(datetime.fromisoformat(at), "%Y-%m-%d %H:%M:%S")
    return int(entry.get("seq", -1)), str(entry.get("operator", "")), at


def case_changed_by(base: Case, entries: Iterable[dict[str, Any]], paths: Sequence[str]) -> dict[str, Author]:
    """For each path, who changed it last since ``base`` and when: the entries written after the base are
    folded onto it, one by one (an "update", a timeline correction, anything that touched the field)."""
    case = copy.deepcopy(base)
    seen = base.custody_head.seq
    tops = {path.split(".", 1)[0] for path in paths}
    found: dict[str, Author] = {}
    for entry in entries:
        if int(entry.get("seq", -1)) <= seen:
            continue
        before = {top: to_data(getattr(case, top)) for top in tops}
        case = apply_entry(case, entry)
        for path in paths:
            top = path.split(".", 1)[0]
            after = {top: to_data(getattr(case, top))}
            if _at_path(after, path) != _at_path(before, path):
                found[path] = _by_whom(entry)
    return found


def field_label(path: str) -> Message:
    """A changed field as a person knows it: "Complainant — Phone", "Demands"; the stored path otherwise."""
    from casefile.core.record.fields import BY_PATH, GROUPS, PARTY_ROLES, field_name

    if path in BY_PATH:
        return field_name(BY_PATH[path])
    groups = {p: group for p, _prefix, group in PARTY_ROLES} | {
        "agent": "agent",
        "transaction": "purchase",
        "shipment": "shipment",
        "filing": "filing",
        "demands": "demands",
    }
    if path == "timeline":
        return Message("Timeline")
    if path == "handed_items":
        return Message("Materials handed in")
    head = path
    while head:
        if head in groups:
            group = GROUPS[groups[head]]
            return group if head == path else Message("{group} — {field}", group=group, field=path[len(head) + 1 :])
        head = head.rpartition(".")[0]
    return Message("{name}", name=path)


def conflict_error(number: str, names: dict[str, Message], changed_by: dict[str, Author]) -> ConflictError:
    """The conflict on the fields ``names`` (path → label), saying who changed them and when."""
    last = max(changed_by.values(), default=(-1, "?", "?"))
    labels = [
        name
        if changed_by.get(path, last)[1:] == last[1:]
        else Message("{field} (by {by} at {at})", field=name, by=changed_by[path][1], at=changed_by[path][2])
        for path, name in names.items()
    ]
    error = ConflictError(
        "case {number} was changed by {by} at {at} after you opened it: {fields}; nothing was saved — "
        "reload the case and make your change again",
        number=number,
        by=last[1],
        at=last[2],
        fields=listed(labels),
    )
    error.paths = list(names)
    return error


def case_conflict(number: str, base: Case, entries: Iterable[dict[str, Any]], paths: list[str]) -> ConflictError:
    """The conflict on ``paths`` of case ``number`` edited from ``base``."""
    names: dict[str, Message] = {}
    for path in paths:
        names.setdefault(path, field_label(path))
    return conflict_error(number, names, case_changed_by(base, entries, paths))


def _changed_by(
    entries: Sequence[dict[str, Any]], fields: Iterable[str], touched: Callable[[dict[str, Any]], set[str]]
) -> dict[str, Author]:
    """For each field, the latest entry that set it (``touched`` names the fields an entry set): who and when."""
    found: dict[str, Author] = {}
    wanted = set(fields)
    for entry in reversed(entries):
        if not wanted:
            break
        names = touched(entry) & wanted
        for name in names:
            found[name] = _by_whom(entry)
        wanted -= names
    return found


def exhibit_changed_by(entries: Sequence[dict[str, Any]], number: int, fields: Iterable[str]) -> dict[str, Author]:
    """For each field of exhibit ``number``, the latest entry that set it: who and when."""

    def touched(entry: dict[str, Any]) -> set[str]:
        details = entry.get("details") or {}
        if details.get("exhibit") != number:
            return set()
        if entry.get("action") == EXHIBIT_UPDATE:
            return set(details.get("fields") or {})
        if entry.get("action") == EXHIBIT_METADATA and "captured_at" in details:
            return {"captured_at", "captured_at_source"}
        return set()

    return _changed_by(entries, fields, touched)


def exhibit_conflict(
    case: str, exhibit: Exhibit, entries: Sequence[dict[str, Any]], fields: list[str]
) -> ConflictError:
    """The conflict on ``fields`` of ``exhibit`` in case ``case``."""
    names: dict[str, Message] = {}
    labels: set[str] = set()
    for name in fields:
        label = EXHIBIT_FIELD_NAMES.get(name) or Message("{name}", name=name)
        if label.template not in labels:  # the capture time and where it came from are one thing to a person
            labels.add(label.template)
            names[name] = Message("exhibit {number}: {field}", number=exhibit.number, field=label)
    return conflict_error(case, names, exhibit_changed_by(entries, exhibit.number, fields))


EXHIBIT_FIELD_NAMES: dict[str, Message] = {
    "title": Message("title"),
    "kind": Message("kind"),
    "source": Message("source"),
    "purpose": Message("proof purpose"),
    "captured_at": Message("capture time"),
    "captured_at_source": Message("capture time"),
    "transcript": Message("transcript"),
    "agreement_status": Message("whether the other side agrees"),
    "agreement_reason": Message("why the other side disagrees"),
    "handed_in": Message("what was handed over"),
    "disposition": Message("whether it was kept"),
    "group": Message("group"),
}


def _names_event(recorded: Any, event: Any) -> bool:
    """Whether an event recorded as ``recorded`` (its fields then) is ``event`` (as stored)."""
    return (
        isinstance(recorded, dict)
        and isinstance(event, dict)
        and all(event.get(key) == value for key, value in recorded.items())
    )


def has_event(case: Case, was: TimelineEvent) -> bool:
    """Whether the timeline still holds the event ``was``, as a correction or removal names it."""
    data = to_data(was)
    return any(_names_event(data, to_data(event)) for event in case.timeline)


def event_conflict(number: str, was: TimelineEvent, entries: Sequence[dict[str, Any]]) -> ConflictError:
    """The event ``was``, shown to the person correcting or removing it, was corrected or removed meanwhile."""
    data = to_data(was)
    found: dict[str, Author] = {}
    for entry in reversed(entries):
        details = entry.get("details") or {}
        if entry.get("action") in (EVENT_UPDATE, EVENT_REMOVE) and _names_event(details.get("was"), data):
            found["timeline"] = _by_whom(entry)
            break
    else:  # the whole timeline set at once (a case edited from a file): its latest change
        for entry in reversed(entries):
            details = entry.get("details") or {}
            if entry.get("action") == UPDATE and "timeline" in (details.get("fields") or {}):
                found["timeline"] = _by_whom(entry)
                break
    name = Message("the timeline event of {at}: {summary}", at=zone.show(was.at), summary=was.summary)
    return conflict_error(number, {"timeline": name}, found)


PROCEEDING_FIELD_NAMES: dict[str, Message] = {
    "body": Message("the body"),
    "ref": Message("their number"),
    "filed_at": Message("when it was filed"),
    "accepted_at": Message("when it was accepted"),
    "hearings": Message("the hearings"),
    "testing": Message("the testing periods"),
    "result": Message("the result"),
    "decided_at": Message("when it was decided"),
    "served_at": Message("when it was served"),
    "ended_at": Message("when it ended"),
    "summary": Message("the note"),
    "evidence": Message("the exhibits"),
}


def proceeding_conflict(case: str, number: int, entries: Sequence[dict[str, Any]], fields: list[str]) -> ConflictError:
    """The conflict on ``fields`` of proceeding ``number`` (from 1) of case ``case``."""

    def touched(entry: dict[str, Any]) -> set[str]:
        details = entry.get("details") or {}
        if entry.get("action") != PROCEEDING_UPDATE or details.get("proceeding") != number:
            return set()
        return set(details.get("fields") or {})

    names = {
        name: Message(
            "proceeding {number}: {field}",
            number=number,
            field=PROCEEDING_FIELD_NAMES.get(name) or Message("{name}", name=name),
        )
        for name in fields
    }
    return conflict_error(case, names, _changed_by(entries, fields, touched))
