"""Clocks the law and the response promise set: one rule table, and the deadline each rule gives.

Every rule names the event that starts it, its unit and length, whether the start day counts,
whether a last day on a rest day rolls to the next working day, what pauses it, and the
articles it rests on (ids of :mod:`casefile.core.law`, where each article's text, source and
effective date are kept). A rule whose law was replaced keeps a version per law: the version
in force on the day the clock started is the one applied.

Counting follows the articles cited:
- days, months and years exclude the start day (民法典 art. 201, 民事诉讼法 art. 85,
  投诉举报处理办法 art. 45); a month or year period ends on the corresponding day, or the
  month's last day when there is none (民法典 art. 202);
- a last day that is a rest day moves to the first working day after it (民法典 art. 203,
  民事诉讼法 art. 85), on China's official calendar with its make-up working days
  (:mod:`casefile.core.workflow.calendar`), whoever must act: that is the law's last day. A
  deadline our user must meet also carries the unmoved calendar day, the safe day to act by
  (:class:`Bound`), which reminders and packets use;
- a period ends at 24:00 of its last day (民法典 art. 203), China Standard Time;
- the response promise counts wall-clock hours from the complaint time (the customer's wait).

A deadline that depended on a year the calendar does not know is ``provisional`` (暂定).
"""

from __future__ import annotations

import calendar as _gregorian
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from casefile.core import law
from casefile.core.workflow.calendar import WorkCalendar, current
from casefile.core.zone import BEIJING

CST = BEIJING  # China Standard Time: no daylight saving since 1991


class Unit(enum.StrEnum):
    HOURS = "hours"  # wall-clock hours
    DAYS = "days"  # calendar days
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"


class Trigger(enum.StrEnum):
    """The event that starts a clock."""

    REGISTERED = "registered"  # the complaint was made (the response promise runs from the complaint time)
    REGULATOR_RECEIVED = "regulator_received"  # a market regulator (12315) received the complaint
    REGULATOR_ACCEPTED = "regulator_accepted"  # … and accepted it (受理)
    CARRIER_COMPLAINT = "carrier_complaint"  # complaint lodged with the courier company
    POSTAL_APPEAL = "postal_appeal"  # appeal to the postal administration (12305) received
    PARCEL_SHIPPED = "parcel_shipped"  # the parcel was handed to the carrier (交寄)
    GOODS_RECEIVED = "goods_received"  # the consumer received goods bought at a distance
    SUIT_FILED = "suit_filed"  # the statement of claim reached the court
    JUDGMENT_SERVED = "judgment_served"  # a first-instance judgment was served
    RULING_SERVED = "ruling_served"  # a first-instance ruling was served
    PERFORMANCE_DUE = "performance_due"  # the last day for performance a judgment or award set
    HARM_KNOWN = "harm_known"  # the right holder knew of the harm and who owes
    AWARD_RECEIVED = "award_received"  # an arbitral award was received


class Bound(enum.StrEnum):
    """Who must act by a deadline. Every day-counted deadline ends, in law, on its last day moved past rest days
    (民法典 art. 203, 民事诉讼法 art. 85): CaseFile never calls a deadline run out before the law does.

    - ``OTHER_SIDE``: a merchant, a carrier, a regulator or a court must answer or act: the law's last day is all.
    - ``OUR_USER``: our user must act (a limitation period, an appeal, a time to claim). Its deadline also carries
      the unmoved calendar day (:attr:`Deadline.act_by`), the day it is safe to act by: reminders and packets give
      that day (CaseFile never advises relying on a move), and between it and the law's last day the deadline is
      shown as past its safe day, not run out.
    """

    OTHER_SIDE = "other_side"
    OUR_USER = "our_user"


class Pause(enum.StrEnum):
    TESTING = "testing"  # 检定、检验、检测、鉴定: not counted in the mediation period


@dataclass(frozen=True)
class ClockRule:
    key: str  # stable name of the clock, shared by its versions: "regulator.mediation"
    trigger: Trigger
    unit: Unit
    amount: int
    period: str = ""  # the article setting the period; empty for the organisation's own promise
    counting: tuple[str, ...] = ()  # the articles saying how it is counted
    paused_by: tuple[Pause, ...] = ()
    pause_articles: tuple[str, ...] = ()
    start_day_counts: bool = False
    bound: Bound = Bound.OTHER_SIDE  # who must act by it: whether it also has a safe day (the unmoved one)

    @property
    def rolls(self) -> bool:
        """Whether a last day on a rest day moves to the next working day (never for wall-clock hours)."""
        return self.unit is not Unit.HOURS

    @property
    def move_article(self) -> str:
        """The article that moves its last day past rest days (民法典 art. 203, or 民事诉讼法 art. 85 in court)."""
        return next((a for a in self.counting if a in ("civil-procedure.85", "civil-code.203")), "civil-code.203")

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(a for a in (self.period, *self.counting, *self.pause_articles) if a)

    @property
    def effective(self) -> date | None:
        """The day the law setting the period took effect (None for a promise)."""
        return law.article(self.period).law.effective if self.period else None

    def in_force_on(self, day: date) -> bool:
        return not self.period or law.article(self.period).law.in_force_on(day)


# Periods the rules give the consumer, bound on the other side (the merchant must honour a request made within them)
# but our user's own to use in time when our user is the consumer's side (Side.COMPLAINANT): then the deadline also
# carries its safe day, the unmoved calendar day (compute's ``bound``).
CONSUMER_RIGHTS = frozenset({"consumer.no-reason-return"})


def _civil(key: str, trigger: Trigger, unit: Unit, amount: int, period: str, *counting: str) -> ClockRule:
    """A period the other side must meet (a reply, a decision)."""
    return ClockRule(key, trigger, unit, amount, period, counting)


def _ours(key: str, trigger: Trigger, unit: Unit, amount: int, period: str, *counting: str) -> ClockRule:
    """A period our user must meet (a limitation period, an appeal): it also has a safe day, the unmoved one."""
    return ClockRule(key, trigger, unit, amount, period, counting, bound=Bound.OUR_USER)


RULES: tuple[ClockRule, ...] = (
    # The response promise by priority (wall clock from the complaint time; CaseFile's users' own promise).
    ClockRule("response.urgent", Trigger.REGISTERED, Unit.HOURS, 2, bound=Bound.OUR_USER),
    ClockRule("response.important", Trigger.REGISTERED, Unit.HOURS, 24, bound=Bound.OUR_USER),
    ClockRule("response.normal", Trigger.REGISTERED, Unit.HOURS, 48, bound=Bound.OUR_USER),
    # 市场监督管理投诉举报处理办法 (from 2026-04-15) and the 暂行办法 before it.
    ClockRule(
        "regulator.acceptance",
        Trigger.REGULATOR_RECEIVED,
        Unit.WORKING_DAYS,
        7,
        "complaint-measures.acceptance-7-days",
        ("complaint-measures.periods",),
    ),
    ClockRule("regulator.acceptance", Trigger.REGULATOR_RECEIVED, Unit.WORKING_DAYS, 7, "complaint-measures-2019.14"),
    ClockRule(
        "regulator.mediation",
        Trigger.REGULATOR_ACCEPTED,
        Unit.DAYS,
        60,
        "complaint-measures.mediation-ends",
        ("complaint-measures.periods",),
        (Pause.TESTING,),
        ("complaint-measures.testing",),
    ),
    ClockRule(
        "regulator.mediation",
        Trigger.REGULATOR_ACCEPTED,
        Unit.WORKING_DAYS,
        45,
        "complaint-measures-2019.21",
        (),
        (Pause.TESTING,),
        ("complaint-measures-2019.20",),
    ),
    # 快递暂行条例: the courier company answers a complaint within 7 days; then the user may appeal
    # to the postal administration (12305).
    _civil(
        "courier.reply",
        Trigger.CARRIER_COMPLAINT,
        Unit.DAYS,
        7,
        "express-regulation.complaint-7-days",
        "civil-code.201",
        "civil-code.203",
    ),
    _civil(
        "courier.reply",
        Trigger.CARRIER_COMPLAINT,
        Unit.DAYS,
        7,
        "express-regulation-2019.28",
        "civil-code.201",
        "civil-code.203",
    ),
    # A 12305 appeal is taken only within one year of the dispute with the carrier or of 交寄 (the 2014 申诉处理办法
    # art. 9(6), the conditions the packets quote; the 2020 办法 that replaced it could not be read): our user's
    # window, counted from the shipping day, the earlier of the two and the safe one.
    _ours(
        "postal.appeal",
        Trigger.PARCEL_SHIPPED,
        Unit.YEARS,
        1,
        "postal-complaint-measures.9",
        "civil-code.201",
        "civil-code.202",
        "civil-code.203",
    ),
    # 邮政法 art. 65: the postal administration answers an appeal within 30 days.
    _civil("postal.reply", Trigger.POSTAL_APPEAL, Unit.DAYS, 30, "postal-law.65", "civil-code.201", "civil-code.203"),
    # 消费者权益保护法 art. 25: return without giving reasons within 7 days of receipt. The merchant must take a
    # return asked for in time, and CaseFile uses the window to judge its "已超过七天": the other side's. For a case
    # kept on the consumer's side (a firm acting for the consumer) it is our user's right: CONSUMER_RIGHTS.
    _civil(
        "consumer.no-reason-return",
        Trigger.GOODS_RECEIVED,
        Unit.DAYS,
        7,
        "consumer-protection.25",
        "civil-code.201",
        "civil-code.203",
    ),
    # 民事诉讼法
    _civil("court.filing", Trigger.SUIT_FILED, Unit.DAYS, 7, "civil-procedure.126", "civil-procedure.85"),
    _ours("court.appeal-judgment", Trigger.JUDGMENT_SERVED, Unit.DAYS, 15, "civil-procedure.171", "civil-procedure.85"),
    _ours("court.appeal-ruling", Trigger.RULING_SERVED, Unit.DAYS, 10, "civil-procedure.171", "civil-procedure.85"),
    _ours(
        "court.enforcement",
        Trigger.PERFORMANCE_DUE,
        Unit.YEARS,
        2,
        "civil-procedure.250",
        "civil-procedure.85",
        "civil-code.202",
    ),
    # The day a judgment, award or 调解书 sets for our user to pay by, when our user is the one ordered to pay: the
    # deadline is that day itself (paying late costs 加倍迟延履行利息 and enforcement). No law sets the period, the
    # decision does: one day, the day it names (its start counts).
    ClockRule("court.performance", Trigger.PERFORMANCE_DUE, Unit.DAYS, 1, start_day_counts=True, bound=Bound.OUR_USER),
    # 民法典 art. 188: the general limitation period.
    _ours(
        "civil.limitation",
        Trigger.HARM_KNOWN,
        Unit.YEARS,
        3,
        "civil-code.188",
        "civil-code.201",
        "civil-code.202",
        "civil-code.203",
    ),
    # 仲裁法: applying to set an award aside (3 months since 2026-03-01, 6 months before).
    _ours(
        "arbitration.set-aside",
        Trigger.AWARD_RECEIVED,
        Unit.MONTHS,
        3,
        "arbitration.set-aside-time-limit",
        "civil-code.201",
        "civil-code.202",
        "civil-code.203",
    ),
    _ours(
        "arbitration.set-aside",
        Trigger.AWARD_RECEIVED,
        Unit.MONTHS,
        6,
        "arbitration-2017.59",
        "civil-code.201",
        "civil-code.202",
        "civil-code.203",
    ),
)

RESPONSE_RULES = {"urgent": "response.urgent", "important": "response.important", "normal": "response.normal"}


def keys() -> list[str]:
    """Every clock's key, in the table's order."""
    return list(dict.fromkeys(rule.key for rule in RULES))


def versions(key: str) -> list[ClockRule]:
    found = [rule for rule in RULES if rule.key == key]
    if not found:
        raise KeyError(key)
    return found


def rule_for(key: str, started: date) -> ClockRule:
    """The version of a clock that applies to a period starting on ``started``.

    The version whose law was in force that day; before the first version took effect, the
    first; a version without a law (a promise) always applies.
    """
    candidates = versions(key)
    for rule in candidates:
        if rule.in_force_on(started):
            return rule
    dated = sorted(candidates, key=lambda r: r.effective or date.min)
    earlier = [r for r in dated if (r.effective or date.min) <= started]
    return earlier[-1] if earlier else dated[0]


def rules_for(trigger: Trigger) -> list[str]:
    """The clocks an event starts (keys)."""
    return list(dict.fromkeys(rule.key for rule in RULES if rule.trigger == trigger))


# --------------------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Interval:
    """A time the clock stood still (e.g. while the goods were being tested); ``end`` None: still paused."""

    start: datetime
    end: datetime | None = None


@dataclass(frozen=True)
class Deadline:
    rule: ClockRule
    started: datetime
    due: datetime  # the moment the period has run out (24:00 of the last day, CST, for day units)
    last_day: date  # the last day on which the act is in time
    provisional: bool  # counted across a year the calendar does not know: 暂定
    rolled_from: date | None = None  # the last day before it moved past rest days
    paused_days: int = 0
    paused: bool = False  # the clock is stopped now: the last day moves for as long as it stays stopped
    # Our user's deadline only (Bound.OUR_USER, counted in days): the unmoved calendar day, the safe day to act by.
    act_by: date | None = None

    @property
    def act_by_at(self) -> datetime | None:
        """The end (24:00, CST) of the safe day, or None for a deadline without one."""
        return None if self.act_by is None else datetime.combine(self.act_by + timedelta(days=1), time(), CST)

    @property
    def remind_at(self) -> datetime:
        """When to act by, as reminders and the order of deadlines take it: the safe day's end, or the due time."""
        return self.act_by_at or self.due

    def remaining(self, now: datetime) -> timedelta:
        return self.due - now

    def overdue(self, now: datetime) -> bool:
        return now >= self.due

    def past_safe_day(self, now: datetime) -> bool:
        """The safe day is over but the law still gives time: urgent, not run out."""
        return self.act_by_at is not None and self.act_by_at <= now < self.due


def compute(
    key: str,
    started: datetime,
    *,
    pauses: Sequence[Interval] = (),
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
    bound: Bound | None = None,
) -> Deadline:
    """The deadline of clock ``key`` started at ``started`` (an aware time), after the pauses given.

    A pause still open counts as lasting until ``now`` (the deadline says it is ``paused``). ``bound`` says who must
    act by it when the case tells (a consumer's right is our user's when our user is the consumer's side,
    :data:`CONSUMER_RIGHTS`); None: the rule's own :attr:`ClockRule.bound`.
    """
    if started.tzinfo is None:
        raise ValueError("a clock's start must carry its time zone")
    cal = calendar or current()
    local = started.astimezone(CST)
    rule = rule_for(key, local.date())
    moment = (now or datetime.now(CST)).astimezone(CST)
    still_paused = any(p.end is None for p in pauses) and bool(rule.paused_by)
    closed = [Interval(p.start, p.end or moment) for p in pauses] if rule.paused_by else []
    if rule.unit is Unit.HOURS:
        stopped = sum((_overlap(p, local) for p in closed), timedelta())
        due = local + timedelta(hours=rule.amount) + stopped
        return Deadline(rule, local, due, due.date(), False, paused_days=stopped.days, paused=still_paused)
    skip = _paused_dates(closed)
    if rule.unit is Unit.WORKING_DAYS:
        found = cal.add_working_days(local.date(), rule.amount, skip=skip)
        return _deadline(rule, local, found.day, found.provisional, None, len(skip), still_paused)
    if rule.unit is Unit.DAYS:
        last = _add_days(local.date(), rule.amount, skip, counts_start=rule.start_day_counts)
    else:
        months = rule.amount * (12 if rule.unit is Unit.YEARS else 1)
        last = add_months(local.date(), months) + timedelta(days=len([d for d in skip if d > local.date()]))
    moved = cal.next_working_day(last)
    rolled_from = last if moved.day != last else None
    act_by = last if (bound or rule.bound) is Bound.OUR_USER else None
    return _deadline(rule, local, moved.day, moved.provisional, rolled_from, len(skip), still_paused, act_by)


def last_day_to_act(key: str, start: date) -> date:
    """The safe day clock ``key`` gives our user, counted from the day ``start``, as packets print it: the
    unmoved calendar day (:attr:`Deadline.act_by`). Only for a clock our user must meet (:attr:`Bound.OUR_USER`)."""
    rule = rule_for(key, start)
    if rule.bound is not Bound.OUR_USER or rule.unit is Unit.HOURS:
        raise ValueError(f"{key} is not a deadline our user must meet")
    act_by = compute(key, datetime.combine(start, time(12), CST)).act_by
    assert act_by is not None
    return act_by


def _deadline(
    rule: ClockRule,
    started: datetime,
    last: date,
    provisional: bool,
    rolled: date | None,
    paused: int,
    still: bool,
    act_by: date | None = None,
) -> Deadline:
    due = datetime.combine(last + timedelta(days=1), time(), CST)
    return Deadline(rule, started, due, last, provisional, rolled, paused, still, act_by)


def _overlap(pause: Interval, started: datetime) -> timedelta:
    assert pause.end is not None
    begin = max(pause.start, started)
    return max(pause.end - begin, timedelta())


def _paused_dates(pauses: Iterable[Interval]) -> frozenset[date]:
    """Days not counted: from the day a pause began to the day before it ended."""
    days: set[date] = set()
    for p in pauses:
        assert p.end is not None
        day, end = p.start.astimezone(CST).date(), p.end.astimezone(CST).date()
        while day < end:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def _add_days(start: date, count: int, skip: frozenset[date], *, counts_start: bool) -> date:
    day, counted = (start - timedelta(days=1)) if counts_start else start, 0
    while counted < count:
        day += timedelta(days=1)
        if day not in skip:
            counted += 1
    return day


def add_months(start: date, months: int) -> date:
    """The corresponding day ``months`` later, or that month's last day (民法典 art. 202)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = _gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def replaced_basis(key: str, started: date) -> law.Law | None:
    """The replaced text that clock ``key``, started on ``started``, rests on: the law of the version applied when
    it was no longer in force that day, because the table holds no version from the text that replaced it (that
    text could not be read). None when the version applied was in force when the clock started.

    The 12305 year is the case today: it rests on the 2014 邮政业消费者申诉处理办法 art. 9(6), replaced from
    2020-10-01 by the 邮政业用户申诉处理办法, whose text was not found. Wherever such a clock is shown it says so,
    never passing the old rule off as the law in force (:func:`replaced_basis_note`)."""
    rule = rule_for(key, started)
    if not rule.period:
        return None
    rests_on = law.article(rule.period).law
    return rests_on if rests_on.until is not None and rests_on.until < started else None


def replaced_basis_note(key: str, started: date) -> str:
    """What ``casefile due`` says of a clock resting on a replaced text (:func:`replaced_basis`), "" otherwise:
    the article, the day it stopped being in force, what replaced it, and that its text was not available."""
    old = replaced_basis(key, started)
    if old is None:
        return ""
    cited = law.cite(rule_for(key, started).period, short=True)
    successor = law.LAWS[old.replaced_by].short_name if old.replaced_by else "a later text"
    return (
        f"rests on {cited} ({old.effective.year}), replaced from {(old.until or started) + timedelta(days=1)} by "
        f"《{successor}》, whose text was not available: not the rule in force, check it"
    )


def citation(rule: ClockRule, *, short: bool = True) -> str:
    """The articles a rule rests on, as printed: 《民事诉讼法》第一百七十一条、第八十五条."""
    return law.cite_many(rule.articles, short=short) if rule.articles else ""
