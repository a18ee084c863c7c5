"""The handling records (casefile.core.workflow.records) as both a packet and its preflight read them: the
proceedings before bodies other than the parties, and what the respondent or the carrier already paid. Nothing
here makes a PDF: the preflight, run while the user chooses a packet, loads no PDF library to read them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

from casefile.core.model import Case, DemandType
from casefile.core.venues import Route
from casefile.core.workflow.records import Proceeding, ProceedingResult
from casefile.core.workflow.records import Venue as ProceedingVenue

# Words that point to fraud (欺诈: the punitive sum of 消法 art. 55).
_FRAUD = re.compile(r"欺诈|三倍|3倍|假冒|虚假宣传")

PROCEEDING_BODIES = {
    ProceedingVenue.INTERNAL: "经营者",
    ProceedingVenue.CONSUMER_ASSOCIATION: "消费者协会",
    ProceedingVenue.REGULATOR: "市场监督管理部门",
    ProceedingVenue.POSTAL_REGULATOR: "邮政管理部门",
    ProceedingVenue.ARBITRATION: "仲裁机构",
    ProceedingVenue.COURT: "人民法院",
}
RESULT_WORDS = {
    ProceedingResult.NOT_ACCEPTED: "不予受理",
    ProceedingResult.AGREEMENT: "达成调解协议",
    ProceedingResult.NO_AGREEMENT: "调解不成",
    ProceedingResult.WITHDRAWN: "撤回",
    ProceedingResult.AWARD: "作出仲裁裁决",
    ProceedingResult.JUDGMENT: "作出判决",
    ProceedingResult.RULING: "作出裁定",
    ProceedingResult.DISMISSED: "驳回",
}


def _sort_key(value: datetime, case: Case) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=case.complained_at.tzinfo)


def complaint_venue(route: Route | None) -> ProceedingVenue:
    """The venue of the proceeding a 消协 or 12315 complaint to ``route`` is (None: the 消协)."""
    return ProceedingVenue.REGULATOR if route is Route.MARKET_REGULATOR else ProceedingVenue.CONSUMER_ASSOCIATION


def number_given(case: Case, venue: ProceedingVenue) -> str:
    """The number ``venue``'s body gave the matter (投诉编号, 工单号, 受理号, 申诉编号), or "" when none is recorded:
    the newest of those kept on its proceedings (处理) and on the timeline's events with it (对方编号 of an event
    whose party is that body), by the time each was recorded for (a proceeding's filing, else its acceptance,
    decision or end; one with no time counts as the oldest)."""
    from casefile.core.record.timeline import case_time

    given: list[tuple[datetime | None, str]] = []
    for q in case.workflow.proceedings_at(venue):
        given.append((q.filed_at or q.accepted_at or q.decided_at or q.ended_at, q.ref.strip()))
    given += [(e.at, e.ref.strip()) for e in case.timeline if e.party == venue.value]
    known = [(at, ref) for at, ref in given if ref]
    if not known:
        return ""
    oldest = datetime.min.replace(tzinfo=UTC)

    def order(item: tuple[int, tuple[datetime | None, str]]) -> tuple[datetime, int]:
        # Of two recorded for the same time, or both for none, the later in the record.
        index, (at, _ref) = item
        return (case_time(at, case) if at is not None else oldest), index

    return max(enumerate(known), key=order)[1][1]


def before_other_bodies(case: Case, itself: ProceedingVenue | None) -> list[Proceeding]:
    """The proceedings the record holds before a body other than the parties (a 消协, a regulator, a postal
    administration, an arbitration institution, a court), in the order they began; ``itself``: the venue of the
    packet's own destination, whose proceeding still pending (none ended, no result) is taken for this very
    complaint or appeal, not another one."""

    def ours(q: Proceeding) -> bool:
        return (
            q.venue is itself and q.result is ProceedingResult.PENDING and q.ended_at is None and q.decided_at is None
        )

    def began(q: Proceeding) -> datetime | None:
        return q.filed_at or q.accepted_at or q.decided_at or q.ended_at

    held = [q for q in case.workflow.proceedings if q.venue is not ProceedingVenue.INTERNAL and not ours(q)]
    dated = sorted((q for q in held if began(q)), key=lambda q: _sort_key(began(q) or case.complained_at, case))
    return dated + [q for q in held if not began(q)]


def paid_to_us(case: Case) -> Decimal:
    """What the record shows the respondent already paid the complainant (Payment: payer respondent, not money
    recovered from someone else): a refund made, a part of an agreement performed."""
    return sum(
        (
            p.amount
            for p in case.workflow.payments
            if p.payer == "respondent" and p.payee in ("complainant", "") and not p.recovered
        ),
        Decimal(0),
    )


def deductions(case: Case) -> dict[int, Decimal]:
    """What :func:`paid_to_us` takes off each demand (by its index): the refunds first, then the compensation,
    each down to nothing at most, in the order the user listed them. A punitive sum (消法 art. 55) is not paid down
    by a refund. What is left over when the demands are used up is nobody's (the preflight says so)."""
    left = paid_to_us(case)
    out: dict[int, Decimal] = {}
    kinds: tuple[DemandType, ...] = (DemandType.REFUND, DemandType.COMPENSATION)
    for kind in kinds:
        for i, d in enumerate(case.demands):
            if left <= 0 or d.type != kind or d.amount is None or d.amount <= 0:
                continue
            if kind == DemandType.COMPENSATION and _FRAUD.search(d.description + d.basis):
                continue
            cut = min(left, d.amount)
            out[i] = cut
            left -= cut
    return out


def carrier_paid(case: Case) -> Decimal:
    """What the record shows the carrier already paid (Payment.payer courier: a refunded freight, a part of the
    compensation), deducted, after the insured cap, from what the claim asks for."""
    return sum((p.amount for p in case.workflow.payments if p.payer == "courier"), Decimal(0))
