"""Reading the timeline for what documents must state: complaints and claims lodged, and with whom.

A complaint or claim made to someone (投诉/索赔) is a timeline event of kind ``complaint``; its
``party`` says who it was made to (the carrier, the business, an agency…) and ``ref`` the number
they gave it (工单号, 投诉编号, 受理号). A courier claim's 7-day reply runs from the claim made to the
carrier; a 12305 appeal names the date and 工单号 of the complaint to the carrier.
"""

from __future__ import annotations

from casefile.core.model import EVENT_PARTIES, Case, EventKind, TimelineEvent


def lodged(case: Case, party: str) -> list[TimelineEvent]:
    """The complaints and claims made to ``party`` (one of EVENT_PARTIES), oldest first."""
    if party not in EVENT_PARTIES:
        raise ValueError(f"unknown party {party!r}; use one of {', '.join(EVENT_PARTIES)}")
    events = [e for e in case.timeline if e.kind is EventKind.COMPLAINT and e.party == party]
    return sorted(events, key=lambda e: e.at)
