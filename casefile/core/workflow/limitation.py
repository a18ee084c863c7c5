"""Where the three years of the limitation period start, for every view of a case.

The period runs from the day the claimant knew or should have known of the harm and of the one who owes
(民法典 art. 188; the three years within which 12315 takes a complaint run the same way, 投诉举报处理办法
art. 16 (四)). The record does not say that day, so the safe start is the earliest day it holds: the
purchase, the receipt, the shipment's dates (寄件, 签收, the exception, its discovery), the fault, any
event on the timeline, the complaint. The reminder (``casefile due``, the case list and header, the review)
and the packets' notes (本案记录的最早日期是…) all take it from :func:`limitation_start`, so the day the
user watches is the day the packet tells them is safe.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from casefile.core import zone
from casefile.core.errors import Message
from casefile.core.model import Case, TimelineEvent
from casefile.core.record.timeline import case_time


class Source(enum.StrEnum):
    """What the earliest recorded day is."""

    PURCHASE = "purchase"
    RECEIPT = "receipt"
    SHIPPED = "shipped"
    SIGNED = "signed"
    EXCEPTION = "exception"
    FAULT = "fault"
    EVENT = "event"
    DISCOVERED = "discovered"
    COMPLAINT = "complaint"


@dataclass(frozen=True)
class LimitationStart:
    at: datetime  # aware: a time recorded without its zone is taken in the complaint's
    source: Source
    event: TimelineEvent | None = None  # the timeline event, when ``source`` is EVENT

    @property
    def day(self) -> date:
        """The day the period is counted from, in Beijing time as deadlines count days."""
        return self.at.astimezone(zone.BEIJING).date()


def _recorded(case: Case) -> dict[Source, datetime]:
    """The days the record holds of the purchase, the goods and the parcel (the timeline and the complaint aside)."""
    txn, shipment = case.transaction, case.shipment
    times = {
        Source.PURCHASE: txn.purchased_at,
        Source.RECEIPT: txn.received_at,
        Source.SHIPPED: shipment.shipped_at,
        Source.SIGNED: shipment.signed_at,
        Source.EXCEPTION: shipment.exception_at,
        Source.FAULT: txn.fault_at,
        Source.DISCOVERED: shipment.discovered_at,
    }
    return {source: case_time(at, case) for source, at in times.items() if at is not None}


def limitation_start(case: Case) -> LimitationStart:
    """The earliest day the record holds (on a tie, the first named in :class:`Source`'s order)."""
    known = [LimitationStart(at, source) for source, at in _recorded(case).items()]
    known += [LimitationStart(case_time(e.at, case), Source.EVENT, e) for e in case.timeline]
    known.append(LimitationStart(case_time(case.complained_at, case), Source.COMPLAINT))
    order = list(Source)
    return min(known, key=lambda s: (s.at, order.index(s.source)))


# A purchase recorded without its hour, a clock a few hours off: a day's slack before calling an order impossible.
_SLACK = timedelta(days=1)
# A timeline note this long before the purchase (or, without one, every other day recorded) is no dealing about
# these goods: a mistyped year, or background (会员自2001年起), not the day the claimant learnt of the harm.
_EVENT_LEAD = timedelta(days=366)
# What cannot come before the purchase: the goods received, failing, shipped or signed for, the parcel's exception.
_AFTER_PURCHASE = (Source.RECEIPT, Source.SHIPPED, Source.SIGNED, Source.EXCEPTION, Source.FAULT, Source.DISCOVERED)


@dataclass(frozen=True)
class Contradiction:
    """A recorded day that cannot be true beside another: ``source`` at ``at`` comes before ``before`` at
    ``before_at`` (the goods received before they were bought, signed for before they were shipped), or a timeline
    event (``event``) years before everything else the record holds."""

    source: Source
    at: datetime
    before: Source
    before_at: datetime
    event: TimelineEvent | None = None

    @property
    def day(self) -> date:
        return self.at.astimezone(zone.BEIJING).date()

    @property
    def before_day(self) -> date:
        return self.before_at.astimezone(zone.BEIJING).date()


def date_contradictions(case: Case) -> list[Contradiction]:
    """The recorded days that cannot all be true: what follows the purchase dated before it, the parcel signed for
    before it was shipped, a timeline event more than a year before the purchase (or, without one, before every
    other day recorded). Each is a slip to correct before a packet carries it, and none is a safe start of the
    limitation period (:func:`start_doubt`)."""
    times = _recorded(case)
    found: list[Contradiction] = []
    purchased = times.get(Source.PURCHASE)
    if purchased is not None:
        for source in _AFTER_PURCHASE:
            at = times.get(source)
            if at is not None and at < purchased - _SLACK:
                found.append(Contradiction(source, at, Source.PURCHASE, purchased))
    shipped, signed = times.get(Source.SHIPPED), times.get(Source.SIGNED)
    signed_early = any(c.source is Source.SIGNED for c in found)  # before the purchase: said once
    if shipped is not None and signed is not None and signed < shipped - _SLACK and not signed_early:
        found.append(Contradiction(Source.SIGNED, signed, Source.SHIPPED, shipped))
    if purchased is not None:
        anchor, anchor_source = purchased, Source.PURCHASE
    else:
        others = [(at, source) for source, at in times.items()]
        others.append((case_time(case.complained_at, case), Source.COMPLAINT))
        anchor, anchor_source = min(others, key=lambda item: item[0])
    for event in case.timeline:
        at = case_time(event.at, case)
        if at < anchor - _EVENT_LEAD:
            found.append(Contradiction(Source.EVENT, at, anchor_source, anchor, event))
    return found


def start_doubt(case: Case, start: LimitationStart | None = None) -> Contradiction | None:
    """The contradiction the limitation start's day is part of (the earliest day recorded is a receipt before the
    purchase, a note from 2001), or None: such a start is no safe day to count from, and wherever the start is
    shown it says so rather than print a deadline long past as fact."""
    start = start or limitation_start(case)
    for found in date_contradictions(case):
        if found.at == start.at and found.source is start.source and found.event is start.event:
            return found
    return None


_NAMES = {
    Source.PURCHASE: Message("the purchase"),
    Source.RECEIPT: Message("the receipt of the goods"),
    Source.SHIPPED: Message("the shipment"),
    Source.SIGNED: Message("the signature for the parcel"),
    Source.EXCEPTION: Message("the parcel's exception"),
    Source.FAULT: Message("the fault"),
    Source.DISCOVERED: Message("the discovery of the exception"),
    Source.COMPLAINT: Message("the complaint"),
}


def source_name(source: Source) -> Message:
    """What a recorded day is, in words (the purchase, the receipt of the goods …)."""
    return _NAMES.get(source) or Message("the timeline event")


def describe(found: Contradiction) -> Message:
    """The contradiction in one sentence, its days named."""
    if found.event is not None:
        summary = " ".join(found.event.summary.split())
        return Message(
            "the timeline event “{summary}” ({date}) is more than a year before {other} ({other_date})",
            summary=summary if len(summary) <= 30 else summary[:29] + "…",
            date=found.day.isoformat(),
            other=source_name(found.before),
            other_date=found.before_day.isoformat(),
        )
    return Message(
        "{what} ({date}) is before {other} ({other_date})",
        what=source_name(found.source),
        date=found.day.isoformat(),
        other=source_name(found.before),
        other_date=found.before_day.isoformat(),
    )
