"""Where the three years of the limitation period start, for every view of a case.

The period runs from the day the claimant knew or should have known of the harm and of the one who owes
(民法典 art. 188; the three years within which 12315 takes a complaint run the same way, 投诉举报处理办法
art. 16 (四)). The record does not say that day, so the safe start is the earliest day it holds that can start
it: the purchase, the receipt, the shipment's dates (寄件, 签收, the exception, its discovery), the fault, a
dealing on the timeline (any event but a note: :data:`START_EVENTS`), the complaint. The reminder (``casefile
due``, the case list and header, the review) and the packets' notes (本案记录的最早日期是…) all take it from
:func:`limitation_start`, so the day the user watches is the day the packet tells them is safe.

That safe day is a reminder, not proof the right is dead: the harm may have been learnt later (the fault
recorded after the purchase), and a demand to the obligor, its agreeing to perform or a claim lodged with a
body interrupts the period, which runs afresh from then (民法典 art. 195). :func:`limitation` gives both: the
safe start, and the latest start the record makes plausible (:attr:`Limitation.counted_from`), which alone may
say the period has run.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from casefile.core import zone
from casefile.core.errors import Message
from casefile.core.model import Case, CaseType, EventKind, TimelineEvent
from casefile.core.record.timeline import case_time
from casefile.core.workflow.clocks import compute


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
    PROCEEDING = "proceeding"  # a claim lodged with a body (12315, 消协, arbitration, a court): art. 195 only
    PROPOSAL = "proposal"  # a proposal the complainant made in negotiation (a demand on the obligor): art. 195 only


# Timeline events that can start the period: a dealing or an event of the harm — a call, chat, visit, e-mail,
# complaint, proposal, confirmation, or an event of another kind (the card bought, the shop found shut). A note is
# background (会员自2015年起, a remark on the client), never the day the harm was learnt: it starts nothing.
START_EVENTS = frozenset(EventKind) - {EventKind.NOTE}
# Timeline events with the obligor that interrupt the period (民法典 art. 195 (一)): a complaint or claim lodged with
# it, the right holder's demand for performance. A call, chat, visit, e-mail, proposal or confirmation with it
# interrupts by who spoke and what was said (:func:`reading`): our demand to it (direction "out", its words asking it
# to perform), its agreeing to perform (direction "in", its words agreeing: art. 195 (二)); its refusal never does.
# Where the direction is not said, or the words do not tell, it is only a possible interruption
# (:data:`POSSIBLE_DEMAND_EVENTS`), named for the user to check, moving no day.
DEMAND_EVENTS = frozenset({EventKind.COMPLAINT})
POSSIBLE_DEMAND_EVENTS = frozenset(
    {EventKind.EMAIL, EventKind.VISIT, EventKind.CALL, EventKind.CHAT, EventKind.PROPOSAL, EventKind.CONFIRMATION}
)
# Our words asking the obligor to perform: the refund, the return, compensation, repair, a replacement…
DEMAND_WORDS = re.compile(
    r"要求|请求|催促|催告|催办|索赔|索要|主张|退款|退货|退还|退回|返还|赔偿|赔付|维修|修理|换货|更换|补发|履行|支付|付款"
)
# The obligor's words agreeing to perform (同意退款, 答应赔偿, 承诺三日内退货, 愿意维修), not negated (不同意, 未答应).
AGREEMENT_WORDS = re.compile(r"(?<![不未没拒])(?:同意|答应|承诺|愿意|应允|认可)")
# The obligor's words refusing: an answer saying so interrupts nothing, whatever else it names (拒绝退货).
REFUSAL_WORDS = re.compile(
    r"拒绝|拒不|拒赔|拒退|不同意|未同意|没同意|不答应|不予|不退|不赔|不换|不修|不能退|无法退|不接受|不负责|不承担|不认可|不处理"
)


class Reading(enum.Enum):
    """What a dealing with the obligor is to the period (民法典 art. 195)."""

    DEMAND = "demand"  # our demand to perform (一): interrupts
    AGREEMENT = "agreement"  # the obligor agreeing to perform (二): interrupts
    POSSIBLE = "possible"  # it may be either: named for the user to check, moving no day
    NONE = "none"  # neither (its refusal): nothing


def reading(event: TimelineEvent) -> Reading:
    """What a dealing with the obligor is, by who spoke (``direction``) and its words (summary and decision): a
    complaint lodged with it, or a proposal we made to it, is our demand; another message of ours is one when its
    words ask it to perform; its message agreeing to perform, without refusing, is its agreement, a refusal nothing
    — and the rest (no direction said, words that do not tell, agreement and refusal together) possible."""
    if event.kind not in DEMAND_EVENTS | POSSIBLE_DEMAND_EVENTS:
        return Reading.NONE  # a note or another event is no dealing: it interrupts nothing, whoever it names
    words = f"{event.summary} {event.decision}"
    if event.direction == "in":
        refused, agreed = REFUSAL_WORDS.search(words), AGREEMENT_WORDS.search(words)
        if refused and not agreed:
            return Reading.NONE
        return Reading.AGREEMENT if agreed and not refused else Reading.POSSIBLE
    if event.kind in DEMAND_EVENTS:
        return Reading.DEMAND
    if event.direction == "out" and (event.kind is EventKind.PROPOSAL or DEMAND_WORDS.search(words)):
        return Reading.DEMAND
    return Reading.POSSIBLE


# Bodies empowered to resolve the dispute: a claim lodged with one (a complaint event with them) interrupts the period
# as a suit does (art. 195 (三)(四); 最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定).
BODIES = frozenset({"consumer-association", "regulator", "postal-regulator", "court", "arbitration"})


@dataclass(frozen=True)
class LimitationStart:
    at: datetime  # aware: a time recorded without its zone is taken in the complaint's
    source: Source
    event: TimelineEvent | None = None  # the timeline event, when ``source`` is EVENT
    # A proceeding's filing, when ``source`` is PROCEEDING and ``at`` is its end: the day it interrupted the period
    lodged: datetime | None = None

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
    """The earliest day the record holds that can start the period (on a tie, the first named in
    :class:`Source`'s order): a note on the timeline is background and starts nothing (:data:`START_EVENTS`)."""
    known = [LimitationStart(at, source) for source, at in _recorded(case).items()]
    known += [LimitationStart(case_time(e.at, case), Source.EVENT, e) for e in case.timeline if e.kind in START_EVENTS]
    known.append(LimitationStart(case_time(case.complained_at, case), Source.COMPLAINT))
    order = list(Source)
    return min(known, key=lambda s: (s.at, order.index(s.source)))


@dataclass(frozen=True)
class Limitation:
    """The three years as the record tells them: counted from ``safe`` (the earliest start, the day to act by) and,
    at the latest, from ``counted_from`` — the latest recorded day the harm can have been learnt (the fault, the
    receipt…: 民法典 art. 188; a day recorded after the complaint counts from the complaint, when the harm was known
    at the latest) or the last interruption made while the period was still running (``interrupted``: a claim
    lodged with the obligor or a body, a proposal of the claimant's, art. 195), whichever is later. Only the period
    counted from ``counted_from`` may be said to have run; ``doubt``: the contradiction the safe start is part of (a
    receipt before the purchase), or None; ``possible``: contacts with the obligor within that period that would
    interrupt it had they been a demand or the obligor's agreeing to perform (who spoke is not said, or the words do
    not tell: :func:`reading`), named for the user to check and moving no day."""

    safe: LimitationStart
    counted_from: LimitationStart
    interrupted: bool
    doubt: Contradiction | None
    possible: tuple[LimitationStart, ...] = ()
    capped: date | None = None  # the recorded day after the complaint ``counted_from`` was moved back from

    @property
    def later(self) -> bool:
        """Whether the record gives a later start than the safe one."""
        return self.counted_from.day > self.safe.day


def _last_day(start: LimitationStart) -> date:
    """The law's last day of three years counted from ``start`` (moved past rest days: 民法典 arts. 201, 203)."""
    return compute("civil.limitation", start.at).last_day


def limitation(case: Case) -> Limitation:
    """The safe start and the latest start the record makes plausible (see :class:`Limitation`).

    Interruptions are walked in date order, each restarting the period only if it came before the end of the period
    then running (民法典 art. 195 interrupts a period that runs; once it has run, a later demand restarts nothing —
    only the obligor's agreeing to perform after it, or performing, bars its defence: 民法典 art. 192 para. 2, and
    最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定 art. 19 para. 1, an expression of consent or a voluntary
    performance; the record cannot tell either)."""
    safe = limitation_start(case)
    order = list(Source)
    # The harm was known at the latest when complained of: a day recorded after the complaint (a second failure, a
    # year typed forward) starts the period no later than the complaint.
    complained = case_time(case.complained_at, case)
    days = _recorded(case)
    learnt = [LimitationStart(min(at, complained), source) for source, at in days.items()]
    if not learnt:
        # No day of the goods or parcel recorded (a service, a prepaid card): the dealings on the timeline are the
        # record's only account of when the harm arose (the shop found shut), the latest of them a plausible start.
        learnt = [
            LimitationStart(min(case_time(e.at, case), complained), Source.EVENT, e)
            for e in case.timeline
            if e.kind in START_EVENTS
        ] or [safe]
    current = max(learnt, key=lambda s: (s.at, -order.index(s.source)))
    recorded = days.get(current.source) if current.event is None else case_time(current.event.at, case)
    capped = recorded.astimezone(zone.BEIJING).date() if recorded is not None and recorded > complained else None
    interrupted = False
    if current.at < safe.at:
        current, capped = safe, None
    for found in interruptions(case):
        if found.at <= current.at:
            continue
        lodged = found.lodged or found.at
        if lodged.astimezone(zone.BEIJING).date() > _last_day(current):
            continue  # the period had run: nothing left to interrupt
        current, interrupted = found, True
    end = _last_day(current)
    possible = tuple(found for found in possible_interruptions(case) if found.at > current.at and found.day <= end)
    if interrupted:
        capped = None
    return Limitation(safe, current, interrupted, start_doubt(case, safe), possible, capped)


def _obligors(case: Case) -> frozenset[str]:
    """Who owes, as timeline events name them: the respondent, and the carrier in a parcel's case."""
    return frozenset({"respondent", "courier"} if case.type is CaseType.LOGISTICS else {"respondent"})


def interruptions(case: Case) -> list[LimitationStart]:
    """What interrupts the period on the record, oldest first (民法典 art. 195): a complaint or claim lodged with the
    obligor (a complaint event with the respondent; in a parcel's case the carrier too), our demand to it or its
    agreeing to perform (a dealing with it read so by :func:`reading`), a complaint or claim lodged with a body
    empowered to resolve the dispute (a complaint event with one of :data:`BODIES`), a proposal the complainant made
    (the negotiation's proposals, which record who made them), and a proceeding's filing (12315, 消协, 12305,
    arbitration, a court) — from its end once it has ended, as the period runs afresh "从中断、有关程序终结时起"
    (a suit withdrawn or dismissed by ruling leaves nothing pending: the period runs afresh from its end)."""
    obligors = _obligors(case)
    found = [
        LimitationStart(case_time(e.at, case), Source.EVENT, e)
        for e in case.timeline
        if (e.kind in DEMAND_EVENTS and e.party in BODIES)
        or (e.party in obligors and reading(e) in (Reading.DEMAND, Reading.AGREEMENT))
    ]
    found += [
        LimitationStart(case_time(p.at, case), Source.PROPOSAL)
        for p in case.workflow.proposals
        if p.by == "complainant"
    ]
    for p in case.workflow.proceedings:
        if p.filed_at is not None:
            end = case_time(p.ended_at or p.decided_at or p.filed_at, case)
            found.append(LimitationStart(end, Source.PROCEEDING, lodged=case_time(p.filed_at, case)))
    return sorted(found, key=lambda s: s.at)


def possible_interruptions(case: Case) -> list[LimitationStart]:
    """Contacts with the obligor that interrupt the period only if they were a demand to it or its agreeing to
    perform (民法典 art. 195 (一)(二)): a call, chat, visit, e-mail, proposal or confirmation on the timeline whose
    direction is not said, or whose words do not tell (:func:`reading`: a seller's advert, a shut shop), oldest
    first. The obligor's refusal is none."""
    obligors = _obligors(case)
    return sorted(
        (
            LimitationStart(case_time(e.at, case), Source.EVENT, e)
            for e in case.timeline
            if e.party in obligors and reading(e) is Reading.POSSIBLE
        ),
        key=lambda s: s.at,
    )


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
    """The recorded days that cannot all be true: what follows the purchase dated before it (the complaint too),
    the parcel signed for before it was shipped, a timeline event more than a year before the purchase (or, without
    one, before the earliest day of the goods or parcel recorded; a note is background and is not checked). Each is
    a slip to correct before a packet carries it, and none is a safe start of the limitation period
    (:func:`start_doubt`)."""
    times = _recorded(case)
    found: list[Contradiction] = []
    purchased = times.get(Source.PURCHASE)
    if purchased is not None:
        for source in _AFTER_PURCHASE:
            at = times.get(source)
            if at is not None and at < purchased - _SLACK:
                found.append(Contradiction(source, at, Source.PURCHASE, purchased))
    if purchased is not None:
        # Complained of before it was bought: the complaint's day or the purchase's year is mistyped.
        complained = case_time(case.complained_at, case)
        if complained < purchased - _SLACK:
            found.append(Contradiction(Source.COMPLAINT, complained, Source.PURCHASE, purchased))
    shipped, signed = times.get(Source.SHIPPED), times.get(Source.SIGNED)
    signed_early = any(c.source is Source.SIGNED for c in found)  # before the purchase: said once
    if shipped is not None and signed is not None and signed < shipped - _SLACK and not signed_early:
        found.append(Contradiction(Source.SIGNED, signed, Source.SHIPPED, shipped))
    # What an event years before is measured against: the purchase, else the earliest day of the goods or parcel.
    # Never the complaint alone: a complaint often comes years after the dealing (a prepaid card bought in 2021, the
    # shop shut in 2026), and an event long before it is no slip.
    others = [(at, source) for source, at in times.items()]
    if not others:
        return found
    anchor, anchor_source = (purchased, Source.PURCHASE) if purchased is not None else min(others, key=lambda i: i[0])
    for event in case.timeline:
        if event.kind not in START_EVENTS:
            continue  # a note is background (会员自2015年起): true however old, and it starts nothing
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
    Source.PROCEEDING: Message("the claim lodged with a body"),
    Source.PROPOSAL: Message("the complainant's proposal"),
}


# The dealings a possible interruption may be, in words (the limitation note names each by its kind).
_KIND_NAMES = {
    EventKind.CALL: Message("call"),
    EventKind.CHAT: Message("chat"),
    EventKind.VISIT: Message("visit"),
    EventKind.EMAIL: Message("email"),
    EventKind.COMPLAINT: Message("complaint"),
    EventKind.PROPOSAL: Message("proposal"),
    EventKind.CONFIRMATION: Message("confirmation"),
}


def kind_name(kind: EventKind) -> Message:
    """A dealing's kind in words (call, chat, visit …)."""
    return _KIND_NAMES.get(kind) or Message("contact")


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
