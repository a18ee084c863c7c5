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
from datetime import date, datetime

from casefile.core import zone
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


def limitation_start(case: Case) -> LimitationStart:
    """The earliest day the record holds (on a tie, the first named in :class:`Source`'s order)."""
    txn, shipment = case.transaction, case.shipment
    known: list[LimitationStart] = [
        LimitationStart(case_time(at, case), source)
        for at, source in (
            (txn.purchased_at, Source.PURCHASE),
            (txn.received_at, Source.RECEIPT),
            (shipment.shipped_at, Source.SHIPPED),
            (shipment.signed_at, Source.SIGNED),
            (shipment.exception_at, Source.EXCEPTION),
            (txn.fault_at, Source.FAULT),
        )
        if at is not None
    ]
    known += [LimitationStart(case_time(e.at, case), Source.EVENT, e) for e in case.timeline]
    if shipment.discovered_at is not None:
        known.append(LimitationStart(case_time(shipment.discovered_at, case), Source.DISCOVERED))
    known.append(LimitationStart(case_time(case.complained_at, case), Source.COMPLAINT))
    return min(known, key=lambda s: s.at)
