"""The parties' earlier contact details (曾用), read from the custody log.

A walk-in customer keeps the receipt the store gave them; when their phone number was typed wrong and
corrected, the number on that receipt is no longer the case's. The case list still finds the case by it: the
index holds the names and phone numbers the parties had before (:func:`earlier_contacts`), apart from the
current ones, and says they are earlier ones (曾用).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casefile.core.custody import CustodyLog

# The parties whose contact details are searched by, and the fields of theirs kept when they change.
ROLES = ("complainant", "respondent", "agent")
FIELDS = ("name", "phone")


def _values(data: Any) -> dict[tuple[str, str], str]:
    """(role, field) -> value, of the parties a create entry's case or an update entry's fields hold."""
    found: dict[tuple[str, str], str] = {}
    if not isinstance(data, dict):
        return found
    for role in ROLES:
        party = data.get(role)
        if not isinstance(party, dict):
            continue
        for name in FIELDS:
            value = party.get(name)
            found[(role, name)] = value.strip() if isinstance(value, str) else ""
    return found


def earlier_contacts(entries: Iterable[dict[str, Any]]) -> list[str]:
    """The names and phone numbers the parties held before their current ones, each once, by party and field, oldest
    first (none that is also a current one)."""
    held: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        details = entry.get("details")
        if not isinstance(details, dict):
            continue
        action = entry.get("action")
        if action == "create":
            values = _values(details.get("case"))
        elif action == "update":
            values = _values(details.get("fields"))
        else:
            continue
        for key, value in values.items():
            seen = held.setdefault(key, [])
            if value and (not seen or seen[-1] != value):
                seen.append(value)
            elif not value:
                seen.append("")
    current = {kept[-1] for kept in held.values() if kept and kept[-1]}
    earlier: list[str] = []
    for kept in held.values():
        for value in kept[:-1]:
            if value and value not in current and value not in earlier:
                earlier.append(value)
    return earlier


def logged_earlier(log: CustodyLog) -> list[str]:
    """:func:`earlier_contacts` of a case's log, reading only its creation and its updates."""
    entries = [*log.read(containing='"create"'), *log.read(containing='"update"')]
    entries.sort(key=lambda e: e.get("seq", 0) if isinstance(e.get("seq"), int) else 0)
    return earlier_contacts(entries)


SEPARATOR = "\n"  # between the values the index holds (a name may have spaces)


def merge_earlier(known: str, was: Iterable[str], now: Iterable[str]) -> str:
    """The index's earlier contacts (one a line) once a case's values ``was`` became ``now``: those it knew, and
    each of ``was`` no longer held, less any held again."""
    current = {v.strip() for v in now if v.strip()}
    values = [v for v in known.split(SEPARATOR) if v and v not in current]
    for value in was:
        value = value.strip()
        if value and value not in current and value not in values:
            values.append(value)
    return SEPARATOR.join(values)
