"""One exhibit numbering, from the app to the paper.

An exhibit keeps its own number (案卷编号) for good: it is given when the file is added, never
changed or reused, and it names the exhibit on the command line, in the custody log and in the app.

The case's evidence order (``Case.exhibit_order``: Move up/down in the evidence tab or the bundle
wizard, ``casefile order``) is the order of the evidence table, of the wizard's list, of
``casefile bundle`` and of the packet. A packet numbers what it carries 证据1…证据N in that order
(or in the order chosen for it), and every place that names an exhibit of a packet names both
numbers — "证据3（案卷编号5）" — so a lawyer holding the paper finds the exhibit in the app.

Evidence groups (证据组, spec §1): a group is the set of exhibits offered to prove one fact
("第一组：购买事实"). The user names each exhibit's group; the evidence list prints a heading where
each group starts and counts the groups only when there are some.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from casefile.core.model import Case, Exhibit
from casefile.core.zone import BEIJING

T = TypeVar("T")


def case_month(complained_at: datetime) -> str:
    """The month of a case number (YYYYMM-NNN): its complaint time's month in Beijing time, wherever the
    computer's clock is set (a case registered at 01:30 Beijing time on 1 December is a December case)."""
    local = complained_at.astimezone(BEIJING) if complained_at.tzinfo is not None else complained_at
    return local.strftime("%Y%m")


def packet_label(position: int | str) -> str:
    """How a packet names its exhibit at ``position`` (from 1): 证据3."""
    return f"证据{position}"


def own_name(number: int) -> str:
    """How a packet, a finding or the app names an exhibit's own number: 案卷编号5."""
    return f"案卷编号{number}"


def exhibit_name(position: int | str, number: int, detail: str = "") -> str:
    """Both numbers, as findings and separator pages give them: 证据3（案卷编号5） or 证据3（案卷编号5，a.jpg）."""
    inside = own_name(number) + (f"，{detail}" if detail else "")
    return f"{packet_label(position)}（{inside}）"


def packet_exhibits(case: Case) -> list[Exhibit]:
    """What a packet carries when nothing else is chosen: the exhibits not withdrawn, in the evidence order.

    A redacted copy is not among them: it goes in its original's place where the destination takes
    redacted copies (casefile.core.disclosure.derived.choose_copies).
    """
    return [e for e in case.ordered_exhibits() if not e.withdrawn and e.derived_from is None]


def packet_numbers(case: Case, chosen: Sequence[int] | None = None) -> dict[int, int]:
    """Exhibit number -> its 证据N in a packet of ``chosen`` (numbers, in packet order; None: the default).

    With the default, a redacted copy is given the number of the original it would stand in for.
    """
    if chosen is not None:
        return {number: i for i, number in enumerate(chosen, start=1)}
    numbers = {e.number: i for i, e in enumerate(packet_exhibits(case), start=1)}
    for e in case.exhibits:
        if e.derived_from is not None and not e.withdrawn and e.derived_from in numbers:
            numbers[e.number] = numbers[e.derived_from]
    return numbers


@dataclass
class GroupRun(Generic[T]):
    """Consecutive items of one group ("" for items in no group), in packet order."""

    group: str
    items: list[T] = field(default_factory=list)


def group_runs(items: Sequence[T], group_of: Callable[[T], str]) -> list[GroupRun[T]]:
    """``items`` cut where the group changes: the evidence list prints a group's heading where its run starts."""
    runs: list[GroupRun[T]] = []
    for item in items:
        group = group_of(item).strip()
        if not runs or runs[-1].group != group:
            runs.append(GroupRun(group))
        runs[-1].items.append(item)
    return runs


def groups_in_order(items: Sequence[T], group_of: Callable[[T], str]) -> list[str]:
    """The groups named among ``items``, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for item in items:
        group = group_of(item).strip()
        if group:
            seen.setdefault(group)
    return list(seen)


def split_groups(items: Sequence[T], group_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Groups whose items are not all together (another group or ungrouped items come between): group -> its items."""
    runs = group_runs(items, group_of)
    starts: dict[str, int] = {}
    for run in runs:
        if run.group:
            starts[run.group] = starts.get(run.group, 0) + 1
    return {
        group: [item for run in runs if run.group == group for item in run.items]
        for group, count in starts.items()
        if count > 1
    }
