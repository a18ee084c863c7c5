"""The clocks running on a case, read from its record: what started each, when it is due, and
whether what it waits for has happened.

Two kinds of clock:
- a **duty**: someone must act by the deadline — the response promise (the handler), a
  regulator's decision to accept and its mediation period, the courier's reply, the postal
  administration's answer to an appeal, the court's 立案. It is *met* when the act is on
  record in time, *late* when it came after, *overdue* when the deadline passed with nothing
  on record.
- a **limit**: a right must be used by the deadline — returning goods without reasons, an
  appeal, setting an award aside, applying for enforcement, the limitation period. It is *open*
  until it runs out, then *expired*; using the right (the appeal filed…) ends it as *used*.

A closed case runs no clocks: ``case_clocks`` returns what each clock came to, and ``due``
lists only those still running.

A deadline our user must meet is listed by its safe day (the unmoved calendar day,
:attr:`~casefile.core.workflow.clocks.Deadline.act_by`); once that day is over and the law's
last day (moved past rest days) is not, it is *past its safe day*: still open, urgent, not run out.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from casefile.core import law
from casefile.core.errors import Message, joined, listed
from casefile.core.listing import LIMITATION
from casefile.core.model import Case, CaseType, Channel, EventKind, PartyKind, Side, Stage
from casefile.core.record.timeline import carrier_reply, case_time, lodged
from casefile.core.workflow.calendar import WorkCalendar, current
from casefile.core.workflow.clocks import CONSUMER_RIGHTS, CST, RESPONSE_RULES, Bound, Deadline, Interval, compute
from casefile.core.workflow.limitation import Limitation, describe, kind_name, limitation, source_name
from casefile.core.workflow.records import Outcome, OutcomeKind, Proceeding, ProceedingResult, Venue

if TYPE_CHECKING:
    from casefile.core.library import Library
    from casefile.core.listing import AgendaRow

# Timeline events that are a contact with the complainant (with party "complainant"): the first after the
# complaint answers it.
CONTACTS = frozenset({EventKind.CALL, EventKind.CHAT, EventKind.VISIT, EventKind.EMAIL, EventKind.CONFIRMATION})

# A timeline event about getting one's money or the goods back (the seven-day window's documents read it too).
RETURN_REQUEST = re.compile(r"退货|退款|退回|无理由")

# Where a platform's name says the goods were bought at a distance (online).
_ONLINE_PLATFORM = re.compile(
    r"淘宝|天猫|京东|1688|阿里巴巴|拼多多|抖音|快手|小红书|唯品会|苏宁易购|闲鱼|得物|美团|饿了么|亚马逊|当当|网店|网购|"
    r"旗舰店|官网|官方商城|小程序|直播|\bapp\b|\bonline\b|taobao|tmall|jd\.com",
    re.IGNORECASE,
)

# Where a platform's name says the goods were bought in a physical shop (a counter sale): it decides "not at a
# distance" whatever else the name or the complaint's channel says (华为厦门万象城旗舰店 is a shop in a mall).
_PHYSICAL_SHOP = re.compile(
    r"门店|门市|专卖店|实体店|体验店|商场|购物中心|购物广场|卖场|柜台|万象城|万达广场|大悦城|银泰|"
    r"\bin[- ]store\b|\bshop floor\b",
    re.IGNORECASE,
)

# The note on a seven-day return clock run on a record that does not say where the goods were bought.
DISTANCE_UNKNOWN = "是否网购未记录"

# Timeline events that can carry a request to the seller (with party "respondent"): a note is the firm's or the
# store's own record, a proposal or a confirmation is not a request to return.
_REQUEST_EVENTS = frozenset({EventKind.COMPLAINT, EventKind.CALL, EventKind.CHAT, EventKind.EMAIL, EventKind.VISIT})

# A summary saying the return has not been asked for (yet).
_NOT_ASKED = re.compile(r"(?:尚未|还未|还没|未曾|没有|未)(?:向\S{0,10}?)?(?:提出|申请|要求|联系)")

LIMITS = frozenset(
    {
        "consumer.no-reason-return",
        "court.appeal-judgment",
        "court.appeal-ruling",
        "arbitration.set-aside",
        "court.enforcement",
        "civil.limitation",
        "postal.appeal",
    }
)


class Status(enum.StrEnum):
    RUNNING = "running"  # a duty not yet met, before its deadline
    MET = "met"  # a duty met in time
    LATE = "late"  # a duty met after its deadline
    OVERDUE = "overdue"  # a duty past its deadline with nothing on record
    OPEN = "open"  # a limit still running
    USED = "used"  # a limit whose right was used
    EXPIRED = "expired"  # a limit that ran out
    STOPPED = "stopped"  # the case was closed, or the proceeding it belongs to ended, while it ran


@dataclass(frozen=True)
class ClockState:
    key: str
    deadline: Deadline
    met_at: datetime | None  # when the awaited act (or the use of the right) happened
    status: Status
    ref: str = ""  # what it belongs to: a proceeding's number, a complaint's 工单号
    stopped_at: datetime | None = None  # when it stopped running unmet: the closing, or its proceeding's end
    past_safe_day: bool = False  # running, its safe day over, the law's last day not yet: urgent, not run out

    @property
    def running(self) -> bool:
        return self.status in (Status.RUNNING, Status.OVERDUE, Status.OPEN)

    @property
    def is_limit(self) -> bool:
        return self.key in LIMITS


def case_clocks(case: Case, now: datetime | None = None, calendar: WorkCalendar | None = None) -> list[ClockState]:
    """Every clock the record starts, oldest deadline first."""
    moment = (now or datetime.now(CST)).astimezone(CST)
    cal = calendar or current()
    closed = case.workflow.closed
    # the consumer's own rights are our user's to use in time when our user is the consumer's side
    ours = Bound.OUR_USER if case.side is Side.COMPLAINANT else None
    states = [
        _state(
            key,
            _deadline(case, key, started, pauses, moment, cal, ours if key in CONSUMER_RIGHTS else None),
            met,
            moment,
            stopped_at=_first(closed.at if closed else None, end),
            ref=ref,
        )
        for key, started, met, pauses, ref, end in _starts(case, cal)
    ]
    return sorted(states, key=lambda s: s.deadline.remind_at)


def _deadline(
    case: Case,
    key: str,
    started: datetime,
    pauses: tuple[Interval, ...],
    now: datetime,
    cal: WorkCalendar,
    bound: Bound | None = None,
) -> Deadline:
    """The clock's deadline; the limitation period's runs to three years from the latest start the record makes
    plausible (``started``), its safe day is three years from the earliest (casefile.core.workflow.limitation)."""
    deadline = compute(key, started, pauses=pauses, now=now, calendar=cal, bound=bound)
    if key == LIMITATION:
        safe = compute(key, limitation(case).safe.at, now=now, calendar=cal)
        if safe.act_by is not None and safe.act_by < deadline.last_day:
            deadline = replace(deadline, act_by=min(safe.act_by, deadline.act_by or safe.act_by))
    return deadline


def _first(*times: datetime | None) -> datetime | None:
    known = [t for t in times if t is not None]
    return min(known) if known else None


def running(case: Case, now: datetime | None = None, calendar: WorkCalendar | None = None) -> list[ClockState]:
    return [s for s in case_clocks(case, now, calendar) if s.running]


def next_due(case: Case, now: datetime | None = None, calendar: WorkCalendar | None = None) -> ClockState | None:
    """The running clock to act on first (an overdue one first of all; our user's by its safe day)."""
    states = running(case, now, calendar)
    return states[0] if states else None


# Rights our user holds after a decision that a closing would stop watching: an appeal, setting an award aside,
# applying for enforcement of what is still unpaid. (The limitation period and the seven-day return stay open in
# almost every case that is settled; they are not asked about.)
RIGHTS_A_CLOSING_STOPS = ("court.appeal-judgment", "court.appeal-ruling", "arbitration.set-aside", "court.enforcement")


def open_rights(case: Case, now: datetime | None = None, calendar: WorkCalendar | None = None) -> list[ClockState]:
    """The appeal, set-aside and enforcement periods still open on ``case``, soonest safe day first: closing it
    stops their reminders, so closing asks first (``casefile close --force``, the app's 结案 question)."""
    return [s for s in running(case, now, calendar) if s.key in RIGHTS_A_CLOSING_STOPS]


def _state(
    key: str,
    deadline: Deadline,
    met: datetime | None,
    now: datetime,
    *,
    stopped_at: datetime | None,
    ref: str,
) -> ClockState:
    if key in LIMITS:
        if met is not None:
            status = Status.USED
        elif now >= deadline.due:
            status = Status.EXPIRED
        elif stopped_at is not None:
            status = Status.STOPPED
        else:
            status = Status.OPEN
    elif met is not None:
        status = Status.MET if met < deadline.due else Status.LATE
    elif stopped_at is not None:
        status = Status.STOPPED
    else:
        status = Status.OVERDUE if now >= deadline.due else Status.RUNNING
    urgent = status is Status.OPEN and deadline.past_safe_day(now)
    return ClockState(key, deadline, met, status, ref, stopped_at if met is None else None, urgent)


# (clock key, start, the awaited act's time or None, pauses, reference, when what it belongs to ended or None)
Start = tuple[str, datetime, datetime | None, tuple[Interval, ...], str, datetime | None]


def _starts(case: Case, cal: WorkCalendar) -> Iterator[Start]:
    """(clock key, start, the awaited act's time or None, pauses, reference) for each clock the record starts, its
    notes counted on the calendar ``cal`` the deadlines are."""
    if case.promise_runs:  # our user's own complaint (a merchant's claim) carries no promise of theirs
        yield RESPONSE_RULES[case.priority.value], case.complained_at, responded(case), (), "", None
    received = case.transaction.received_at
    if received is not None and seven_day_return_runs(case):
        note = DISTANCE_UNKNOWN if bought_at_distance(case) is None else ""
        yield "consumer.no-reason-return", received, _returned(case, received), (), note, None
    yield from _courier(case, cal)
    for p in case.workflow.proceedings:
        yield from _proceeding(case, p)
    outcome = case.workflow.outcome
    # Enforcement is applied for on a judgment, award or other enforceable decision, or on a court's or arbitration
    # body's 调解书 (民事诉讼法 arts. 100, 250: any 法律文书), not on the parties' own agreement.
    # The two years to apply (民事诉讼法 art. 250) are the payee's right: when our side is the one ordered to pay,
    # the day to pay by is our deadline instead (court.performance, overdue once passed unpaid).
    # With no day entered, the day a decision's 「判决生效之日起十日内」 gives is worked out from the record when it can
    # be (performance_day), and the clock says how.
    if outcome is not None and enforceable(case):
        perform_by, how = outcome.perform_by, ""
        derived = performance_day(case, outcome, cal) if perform_by is None else None
        if derived is not None:
            perform_by, how = datetime.combine(derived.day, time(), CST), derived.how
        if perform_by is not None:
            paid = case.workflow.payments
            owed = outcome.amount
            done = paid[-1].at if paid and owed is not None and case.workflow.paid() >= owed else None
            key = "court.performance" if _we_pay(case) else "court.enforcement"
            yield key, perform_by, done, (), how, None
    # The limitation period is the claimant's right: a store complained to (our side the respondent) has no such
    # deadline, and the consumer's period, counted from the earliest day, is no ground for it to refuse a claim.
    if case.side is not Side.RESPONDENT:
        # the right is used by suing or applying for arbitration (a complaint elsewhere interrupts the period) while
        # the suit is pending or once it is decided on the merits; one refused (不予受理), withdrawn (撤诉) or
        # dismissed by ruling (驳回起诉) leaves nothing pending: the claim may be brought again, the period running
        # afresh from that proceeding's end (民法典 art. 195)
        filed = [
            p.filed_at
            for p in case.workflow.proceedings
            if p.filed_at is not None and p.venue in (Venue.COURT, Venue.ARBITRATION) and not leaves_nothing_pending(p)
        ]
        found = limitation(case)
        met = min(filed) if filed else None
        yield LIMITATION, found.counted_from.at, met, (), limitation_note(found), None


def leaves_nothing_pending(p: Proceeding) -> bool:
    """Whether a suit or arbitration application ended without deciding the claim, so that it may be brought again:
    refused (不予受理), withdrawn (撤诉, 撤回仲裁申请) or, in a court, dismissed by ruling (驳回起诉: a dismissal whose
    summary does not say it dismissed the claims, :func:`appeal_clock`)."""
    if p.result in (ProceedingResult.NOT_ACCEPTED, ProceedingResult.WITHDRAWN):
        return True
    return (
        p.venue is Venue.COURT and p.result is ProceedingResult.DISMISSED and appeal_clock(p) == "court.appeal-ruling"
    )


def limitation_note(found: Limitation) -> str:
    """What the limitation clock's reference says (casefile due, the list's tooltip): the interruption it is counted
    afresh from, the later start it runs from, the contacts that may have interrupted it, and a safe start that
    cannot be true; "" for a plain count. A :class:`Message`, so that the app says it in its language (the index
    keeps it as data beside the English: casefile.core.review.facts.clock_rows)."""
    notes: list[Message] = []
    if found.interrupted:
        notes.append(
            Message("interrupted {day}, counted afresh (民法典 art. 195)", day=found.counted_from.day.isoformat())
        )
    elif found.later:
        notes.append(
            Message(
                "safe day from {safe}, runs from {start}",
                safe=found.safe.day.isoformat(),
                start=found.counted_from.day.isoformat(),
            )
        )
    if found.capped is not None:
        notes.append(
            Message(
                "{what} recorded {day}, after the complaint: counted from the complaint, check",
                what=source_name(found.counted_from.source),
                day=found.capped.isoformat(),
            )
        )
    contacts = [
        Message("{day} ({kind})", day=p.day.isoformat(), kind=kind_name(p.event.kind))
        for p in found.possible
        if p.event is not None
    ]
    if contacts:
        notes.append(
            Message(
                "possible interruption {days} if it was a demand to the obligor or its agreeing to perform: check",
                days=listed(contacts),
            )
        )
    if found.doubt is not None:
        notes.append(Message("START DOUBTFUL: {doubt}", doubt=describe(found.doubt)))
    return joined(notes) if notes else ""


def _we_pay(case: Case) -> bool:
    """Whether the outcome orders our side to pay (its payer is our side's party, the side known): then the
    enforcement period is the other side's right, not ours."""
    outcome = case.workflow.outcome
    side = case.side
    return outcome is not None and side is not None and outcome.payer.strip() == side.value


# A decision's term for performance counted from its taking effect or its service: 「判决生效之日起十日内」,
# 「本裁决生效之日起十日内」, 「于本判决送达之日起十五日内」 (digits or Chinese numerals).
_PERFORM_TERM = re.compile(
    r"(?:本?(?:判决|裁决)书?)?(生效|送达)之日起\s*([0-9]{1,3}|[一二三四五六七八九十两]{1,4})\s*[日天]内"
)
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _term_days(text: str) -> int | None:
    """十 → 10, 十五 → 15, 三十 → 30, 7 → 7; None for what is not a number of days."""
    if text.isdigit():
        return int(text)
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return _NUMERALS.get(text) if len(text) == 1 else None
    if (tens and tens not in _NUMERALS) or (ones and ones not in _NUMERALS):
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


@dataclass(frozen=True)
class PerformanceDay:
    """The last day for performance worked out from a decision's term (``outcome`` summary) and the record's dates,
    when no day was entered: what the enforcement period (or, when our side pays, our day to pay) starts from."""

    day: date  # the last day for performance, counted unmoved (the earlier, the safe one)
    term: str  # the words it was read from: 判决生效之日起十日内
    counted_from: str  # "effective" (the decision took effect) or "served" (it was served)
    base: date  # the day the term runs from: the day it took effect, or the day of service
    served: date  # the day the decision was served on our side
    decided: date | None  # the day an award was made (it takes effect that day)
    appeal_ran_out: date | None  # a first-instance judgment's last day to appeal, unmoved: it took effect after it
    articles: tuple[str, ...]  # why it took effect then, and where the enforcement period starts (law ids)

    @property
    def how(self) -> str:
        """How it was derived, as ``casefile due`` shows the clock's reference."""
        if self.counted_from == "served":
            base = f"from its service on our side {self.served.isoformat()} (the other side's may be later)"
        elif self.decided is not None:
            base = f"from the award made {self.decided.isoformat()}, in effect that day"
        elif self.appeal_ran_out is not None:
            base = (
                f"from {self.base.isoformat()}, the judgment served {self.served.isoformat()} taking effect once its "
                f"time to appeal ran out unappealed {self.appeal_ran_out.isoformat()} (the other side's service may "
                "be later)"
            )
        else:
            base = f"from {self.base.isoformat()}, the second-instance judgment served, final"
        cited = law.cite_many(self.articles, short=True)
        return f"perform by {self.day.isoformat()} derived from 「{self.term}」 {base}, counted unmoved ({cited})"


def performance_day(case: Case, outcome: Outcome, calendar: WorkCalendar | None = None) -> PerformanceDay | None:
    """The last day for performance of a decision whose term names no calendar day (「判决生效之日起十日内」), from the
    record: the term in ``outcome``'s summary, counted (start day excluded, 民法典 art. 201) from the day the decision
    took effect or was served. Only for a decision (a judgment of a court, an award) with a day entered for neither;
    None when the record cannot tell.

    When it took effect: an award on the day it was made (仲裁法 art. 70); a second-instance judgment (one whose
    filing used the appeal of an earlier judgment or ruling on record) when served, final (民事诉讼法 art. 182); a
    first-instance judgment once the 15 days to appeal from its service on our side ran out with no appeal on record
    (art. 158), the day after the last day counted unmoved. Every day is counted unmoved and from our side's service:
    the other side's service may come later, so the real day can be later, never earlier — the enforcement period
    (art. 250 para. 2: from the last day of performance) is never shown later than it runs."""
    if outcome.perform_by is not None or outcome.kind is not OutcomeKind.DECISION:
        return None
    found = _PERFORM_TERM.search(outcome.summary)
    days = _term_days(found.group(2)) if found else None
    if found is None or not days:
        return None
    p = _decision(case)
    if p is None or p.served_at is None:
        return None
    served = p.served_at.astimezone(CST).date()
    decided = p.decided_at.astimezone(CST).date() if p.venue is Venue.ARBITRATION and p.decided_at else None
    appeal_ran_out = None
    articles: tuple[str, ...] = ()
    if found.group(1) == "送达":
        base, counted_from = served, "served"
    elif p.venue is Venue.ARBITRATION:
        if decided is None:
            return None
        base, counted_from, articles = decided, "effective", ("arbitration.award-effective",)
    elif _appealed_from(case, p, calendar):
        base, counted_from, articles = served, "effective", ("civil-procedure.182",)
    else:
        if _next_filed(case, p, Venue.COURT) is not None:  # appealed: not in effect on the appeal's expiry
            return None
        act_by = compute("court.appeal-judgment", p.served_at, calendar=calendar).act_by
        assert act_by is not None  # our user's deadline: it has a safe day
        appeal_ran_out = act_by
        base, counted_from, articles = act_by + timedelta(days=1), "effective", ("civil-procedure.158",)
    return PerformanceDay(
        day=base + timedelta(days=days),
        term=found.group(0),
        counted_from=counted_from,
        base=base,
        served=served,
        decided=decided,
        appeal_ran_out=appeal_ran_out,
        articles=(*articles, "civil-code.201", "civil-procedure.enforcement-start"),
    )


def _decision(case: Case) -> Proceeding | None:
    """The decision the outcome records: the last judgment of a court or award of an arbitration body on record."""
    decisions = [
        p
        for p in case.workflow.proceedings
        if (p.venue is Venue.COURT and p.result is ProceedingResult.JUDGMENT)
        or (p.venue is Venue.ARBITRATION and p.result is ProceedingResult.AWARD)
    ]
    return decisions[-1] if decisions else None


def _appealed_from(case: Case, p: Proceeding, calendar: WorkCalendar | None) -> bool:
    """Whether court proceeding ``p`` is an appeal: filed after an earlier court judgment or ruling on record was
    served, within the time to appeal it."""
    if p.filed_at is None:
        return False
    for q in case.workflow.proceedings:
        if q is p or q.venue is not Venue.COURT or q.served_at is None:
            continue
        key = appeal_clock(q)
        if key is not None and q.served_at <= p.filed_at < compute(key, q.served_at, calendar=calendar).due:
            return True
    return False


def unwatched_award(case: Case) -> bool:
    """Whether an enforceable outcome awards our side an amount still unpaid with no day for performance entered
    nor one the record lets work out (:func:`performance_day`): no enforcement period can be watched, so
    ``outcome`` warns and closing asks, as for an open right."""
    outcome = case.workflow.outcome
    side = case.side
    if outcome is None or outcome.perform_by is not None or not enforceable(case) or side is None:
        return False
    if performance_day(case, outcome) is not None:
        return False
    if outcome.payee.strip() != side.value or not outcome.amount:
        return False
    return case.workflow.paid() < outcome.amount


def enforceable(case: Case) -> bool:
    """Whether the case's outcome can be enforced by a court: a decision (a judgment, an award), or an agreement
    a court or an arbitration body recorded in a 调解书 (a proceeding there ended in agreement)."""
    outcome = case.workflow.outcome
    if outcome is None:
        return False
    if outcome.kind is OutcomeKind.DECISION:
        return True
    return outcome.kind is OutcomeKind.AGREEMENT and any(
        p.venue in (Venue.COURT, Venue.ARBITRATION) and p.result is ProceedingResult.AGREEMENT
        for p in case.workflow.proceedings
    )


def bought_at_distance(case: Case) -> bool | None:
    """Whether the record says the goods were bought at a distance (online, by television, phone or mail): True,
    False, or None when it does not tell.

    Where the goods were bought decides, not how anyone reached our user: a platform naming a physical shop (门店,
    专卖店, 实体店, 商场, a mall's 旗舰店…) is a counter sale whatever the channel; an online platform named is a
    sale at a distance. Only when our user is the store complained to (its own cases) does the channel tell where
    the sale was made — the customer complains the way they bought: at the counter (or a shop of the store's
    named) not at a distance, online, by social media or e-mail at a distance, by phone not told. In a firm's (or
    the consumer's own) library the channel is how the client came to it and tells nothing."""
    place = case.transaction.platform.strip()
    if place and _PHYSICAL_SHOP.search(place):
        return False
    if place and _ONLINE_PLATFORM.search(place):
        return True
    if case.side is not Side.RESPONDENT:
        return None
    if case.channel is Channel.STORE:
        return False
    if case.channel in (Channel.ONLINE, Channel.SOCIAL, Channel.EMAIL):
        return True
    return None


def bought_online(case: Case) -> bool:
    """Whether the record says the goods were bought at a distance (:func:`bought_at_distance` True): the court
    packet's 案由 (信息网络买卖合同纠纷, else the general 买卖合同纠纷, which also covers a sale not told) and the
    claims' no-reason basis follow it."""
    return bought_at_distance(case) is True


def _consumer_purchase(case: Case) -> bool:
    """Whether the purchase can carry a consumer's rights: goods, not a service, bought by a person — an
    organisation buying (a shop buying stock from its wholesaler) is no consumer (消法 arts. 2, 25)."""
    return case.type is not CaseType.SERVICE and case.complainant.kind is not PartyKind.ORGANISATION


def seven_day_return_applies(case: Case) -> bool:
    """Seven-day return without reason: goods bought online, by television, phone or mail (消法 art. 25) by a
    consumer, not a service. The packets print the window (and claim it) only then."""
    return _consumer_purchase(case) and bought_online(case)


def seven_day_return_runs(case: Case) -> bool:
    """Whether the ``consumer.no-reason-return`` clock runs: on the packets' test (:func:`seven_day_return_applies`),
    and also when the record does not say where the goods were bought and the right is our user's own (our side
    the consumer's, or not told): a reminder that may not apply is safer than a missing one, so it runs with the
    note 是否网购未记录 (:data:`DISTANCE_UNKNOWN`). For the store complained to, an untold sale runs no clock."""
    if not _consumer_purchase(case):
        return False
    distance = bought_at_distance(case)
    if distance is None:
        return case.side is not Side.RESPONDENT
    return distance


def responded(case: Case) -> datetime | None:
    """When the complainant was first answered: the first response recorded (``first_response_at``),
    the first contact with the complainant after the complaint (a call, chat, e-mail, visit or
    confirmation with party complainant on the timeline), or the first step of handling after
    registration (the case moved on to verification or beyond, a responsibility finding, a
    proposal of our side's), whichever came first. Only our side's steps answer the complainant: the
    complainant's own demand, or a courier's offer to the merchant, leaves them unanswered."""
    ours = our_party(case)
    times = [case.first_response_at] if case.first_response_at is not None else []
    times += [c.at for c in case.stage_log if c.stage is not Stage.REGISTRATION]
    times += [f.at for f in case.workflow.findings] + [p.at for p in case.workflow.proposals if p.by == ours]
    answered = [t for t in times if t >= case.complained_at]
    contact = first_contact(case)
    if contact is not None:
        answered.append(contact)
    return min(answered) if answered else None


def our_party(case: Case) -> str:
    """The party name our user's proposals are recorded under: "complainant" when our side is the complainant's,
    else "respondent" — also when the side cannot be told (nothing recorded nor presumed), as the response promise
    then runs for the one complained to: a proposal by anyone else never reads as our answer, so a promise that
    was met may show overdue, never one unanswered as met."""
    return "complainant" if case.side is Side.COMPLAINANT else "respondent"


# A timeline event whose direction (who spoke to whom) is not said: one whose summary reads as the complainant
# reaching us (chasing: 催; 来电, 来信, 来访, 来店, 发来…) or as still unanswered (未回复, 未答复) is no answer to them.
INBOUND = re.compile(r"催|来电|来信|来访|来店|到店|发来|打来|留言|[未没]有?(?:回复|答复|回应|处理)")


def first_contact(case: Case) -> datetime | None:
    """The first contact with the complainant the timeline records after the complaint, as our side's answer (the
    complaint's own call or visit, at the complaint time, is not an answer to it, nor is the complainant's own
    chasing message: one said to come from them (direction "in"), or, the direction not said, a summary that reads
    as coming from them or as unanswered, :data:`INBOUND`, never counts — an answer written so shows the promise
    overdue, never an unanswered customer as answered; one said to be ours to them (direction "out") counts)."""
    contacts = [
        e.at
        for e in case.timeline
        if e.kind in CONTACTS
        and e.party == "complainant"
        and case_time(e.at, case) > case.complained_at
        and (e.direction == "out" or (e.direction != "in" and not INBOUND.search(e.summary)))
    ]
    return min(contacts) if contacts else None


def _returned(case: Case, received: datetime) -> datetime | None:
    """When the return was first asked for after receipt: the right is used only by a request to the seller (消法
    art. 25; 网购七日无理由退货暂行办法 arts. 6–7) — a complaint, call, chat, e-mail or visit with the respondent
    asking to return. A note (the firm's or the store's own record), an event with anyone else, the seller's own
    message to us (direction "in": its refusal naming the return), or one saying the return has not been asked for
    yet uses nothing."""
    for e in sorted(case.timeline, key=lambda e: e.at):
        if (
            e.at >= received
            and e.kind in _REQUEST_EVENTS
            and e.party == "respondent"
            and e.direction != "in"
            and RETURN_REQUEST.search(e.summary)
            and not _NOT_ASKED.search(e.summary)
        ):
            return e.at
    return None


# The 12305 appeal's note when the courier's reply is due after the appeal's safe day (its reply-by day follows).
NO_WAIT = "appeal without waiting for the courier's 7-day reply, due "


def _courier(case: Case, cal: WorkCalendar) -> Iterator[Start]:
    """The courier's 7-day reply runs from each complaint lodged with it; its reply is the carrier's first answer
    after it (``carrier_reply``, the rule the 12305 appeal prints the answer by). The one year for an appeal to
    12305 runs from the shipping day (交寄), used by the appeal filed with the postal administration: once a claim
    is lodged with the courier (or an appeal made), and in a parcel case of our side's own (the sender claiming)
    from the start, complaint or not — complaining to the courier first is a condition of the appeal, which is why
    the year must be watched before. When the courier's 7-day reply would come after the year's safe day, the
    appeal's note says not to wait for it."""
    complaints = lodged(case, "courier")
    waiting = []  # complaints the carrier has not answered yet
    for complaint in complaints:
        reply = carrier_reply(case, complaint)
        if reply is None:
            waiting.append(complaint.at)
        yield "courier.reply", complaint.at, (reply.at if reply is not None else None), (), complaint.ref, None
    shipped = case.shipment.shipped_at
    appeals = [p.filed_at for p in case.workflow.proceedings_at(Venue.POSTAL_REGULATOR) if p.filed_at is not None]
    ours = case.type is CaseType.LOGISTICS and case.side is Side.COMPLAINANT
    if shipped is not None and (complaints or appeals or ours):
        note = ""
        if waiting and not appeals:
            safe = compute("postal.appeal", shipped, calendar=cal).act_by
            reply_by = max(compute("courier.reply", at, calendar=cal).last_day for at in waiting)
            if safe is not None and reply_by > safe:
                note = f"{NO_WAIT}{reply_by.isoformat()}"
        yield "postal.appeal", shipped, (min(appeals) if appeals else None), (), note, None


def _proceeding(case: Case, p: Proceeding) -> Iterator[Start]:
    """A body's duties run from the filing (acceptance) and the acceptance (mediation). Withdrawn, or
    ended with an end date, before the body acted, the proceeding no longer owes that act: its clock
    stops there, neither met nor late (as a closing stops a case's clocks)."""
    pauses = tuple(Interval(t.start, t.end) for t in p.testing)
    decided = p.ended_at or p.decided_at
    # the withdrawal (or another end) that takes away what the body owed, when it is dated
    ended = decided if p.result is ProceedingResult.WITHDRAWN or p.ended_at is not None else None
    if p.venue is Venue.REGULATOR:
        if p.filed_at is not None:
            answered = p.accepted_at or (decided if p.result is ProceedingResult.NOT_ACCEPTED else None)
            yield "regulator.acceptance", p.filed_at, answered, (), p.ref, ended
        if p.accepted_at is not None:
            done = decided if p.result not in (ProceedingResult.PENDING, ProceedingResult.WITHDRAWN) else None
            yield "regulator.mediation", p.accepted_at, done, pauses, p.ref, ended
    if p.venue is Venue.POSTAL_REGULATOR and p.filed_at is not None:
        answered = decided if p.result is not ProceedingResult.WITHDRAWN else None
        yield "postal.reply", p.filed_at, answered, (), p.ref, ended
    if p.venue is Venue.COURT:
        if p.filed_at is not None:
            answered = p.accepted_at or (decided if p.result is ProceedingResult.NOT_ACCEPTED else None)
            yield "court.filing", p.filed_at, answered, (), p.ref, ended
        key = appeal_clock(p)
        if p.served_at is not None and key is not None:
            yield key, p.served_at, _next_filed(case, p, Venue.COURT), (), p.ref, None
    if p.venue is Venue.ARBITRATION and p.served_at is not None and p.result in AWARDS:
        yield "arbitration.set-aside", p.served_at, _next_filed(case, p, Venue.COURT), (), p.ref, None


# An arbitral award, whether it grants or dismisses the claims (驳回仲裁请求 is an award too): it can be set aside.
AWARDS = frozenset({ProceedingResult.AWARD, ProceedingResult.DISMISSED})

# Words of a court's dismissal that say which decision it is: 驳回诉讼请求 is a judgment (民事诉讼法 art. 171, 15
# days to appeal), 驳回起诉 a ruling (arts. 157, 171: 10 days).
_DISMISSED_BY_JUDGMENT = re.compile(r"驳回.{0,6}诉讼请求|判决")
_DISMISSED_BY_RULING = re.compile(r"驳回起诉|裁定")


def appeal_clock(p: Proceeding) -> str | None:
    """The appeal a court's first-instance result opens (民事诉讼法 art. 171), or None: a judgment 15 days, a
    ruling 10 days. A refusal to accept the suit (不予受理) is a ruling that may be appealed (arts. 126, 157). A
    dismissal (驳回) is a judgment when it dismisses the claims and a ruling when it dismisses the suit: the
    proceeding's summary says which (驳回诉讼请求 / 判决, 驳回起诉 / 裁定); when it does not, the ruling's shorter
    period is counted, the one that cannot be missed whichever it was."""
    if p.result is ProceedingResult.JUDGMENT:
        return "court.appeal-judgment"
    if p.result in (ProceedingResult.RULING, ProceedingResult.NOT_ACCEPTED):
        return "court.appeal-ruling"
    if p.result is ProceedingResult.DISMISSED:
        if _DISMISSED_BY_JUDGMENT.search(p.summary) and not _DISMISSED_BY_RULING.search(p.summary):
            return "court.appeal-judgment"
        return "court.appeal-ruling"
    return None


def _next_filed(case: Case, after: Proceeding, venue: Venue) -> datetime | None:
    """When the right was used: a later proceeding at ``venue`` filed after ``after`` was served."""
    assert after.served_at is not None
    later = [
        p.filed_at
        for p in case.workflow.proceedings
        if p is not after and p.venue is venue and p.filed_at is not None and p.filed_at >= after.served_at
    ]
    return min(later) if later else None


def library_due(library: Library, *, until: datetime, now: datetime | None = None) -> list[AgendaRow]:
    """Every running clock of the library's open cases that runs out by ``until`` (overdue duties
    included), soonest first: one query over the index, whatever the number of cases. A quarantined
    case's clocks are there too, as the index last knew them, marked ``damaged``."""
    moment = (now or datetime.now(CST)).astimezone(CST)
    return library.index.agenda(until=until, now=moment)
