"""The legal rules the venue documents apply: the 案由, the courier loss calculation, the
carrier's reply date and the seven-day return window. Citations come from :mod:`casefile.core.law`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from casefile.core import law
from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.documents.common import (
    EVENT_NAMES,
    _day,
    _free,
    _labels,
    _money,
    fmt_amount,
    on_day,
)
from casefile.core.bundle.handling import _sort_key, carrier_paid
from casefile.core.model import (
    Case,
    CaseType,
    EvidenceKind,
    ResponsibleParty,
    TimelineEvent,
)
from casefile.core.record.timeline import carrier_reply, lodged
from casefile.core.workflow.clocks import Deadline, compute, versions
from casefile.core.workflow.due import RETURN_REQUEST, bought_online
from casefile.core.workflow.records import Answer, Proposal

REPLY_DAYS = versions("courier.reply")[0].amount  # 快递暂行条例 art. 29: 自接到投诉之日起7日内
RETURN_DAYS = versions("consumer.no-reason-return")[0].amount  # 消费者权益保护法 art. 25: 七日内退货

# Words that point to harm beyond the product itself (a product-liability tort, not a sale).
_INJURY = re.compile(r"受伤|烫伤|烧伤|割伤|人身伤害|人身损害|致残|死亡|爆炸|起火|着火|自燃|触电|中毒")


CONTRACT_CAUSES = ("买卖合同纠纷", "信息网络买卖合同纠纷")  # the causes the SPC's 买卖合同纠纷 element form serves


COURIER_CAUSE = "快递服务合同纠纷"  # the sender against the carrier: a 快递服务 contract (142(3))


def list_cause(ctx: BundleContext) -> str:
    """The 案由 of the packet's dispute: a courier claim or 12305 appeal is the claimant's dispute with the carrier
    (快递服务合同纠纷), whatever the case's own cause (often the buyer's with the merchant); other packets the
    case's (``case_cause``). Only court and arbitration evidence lists print a 案由 (parts.list_headings)."""
    if ctx.venue is Venue.COURIER_CLAIM:
        return COURIER_CAUSE
    return case_cause(ctx.case)


def case_cause(case: Case) -> str:
    """The 案由 (spec §7(c) 1; the SPC's 民事案件案由规定 as revised in force 2026-01-01): the one
    the user confirmed (case.filing.cause), else a first guess from the case type, the purchase
    place and the channel, for the person filing to check against the court's list."""
    if case.filing is not None and case.filing.cause.strip():
        return case.filing.cause.strip()
    if case.type is CaseType.SERVICE:
        return "服务合同纠纷"
    if case.type is CaseType.LOGISTICS and case.responsible_party is ResponsibleParty.COURIER:
        return COURIER_CAUSE
    if case.type is CaseType.QUALITY and _INJURY.search(case.facts + " ".join(e.summary for e in case.timeline)):
        # A defect that hurt someone or damaged other property: a tort claim against the seller.
        return "产品销售者责任纠纷"
    return "信息网络买卖合同纠纷" if bought_online(case) else "买卖合同纠纷"


#: The arbitration institution not yet named: a blank with no fixed suffix, since an institution may be a 仲裁委员会
#: or a 仲裁院 (仲裁法 2025 art. 89).
ARBITRATION_BODY_BLANK = "＿＿＿＿＿＿＿＿＿＿（仲裁机构名称）"


def filed_with(case: Case, which: str) -> str:
    """The court, arbitration institution or consumer body the case goes to, as the user named it
    (case.filing; ``which`` is "court", "arbitration_body" or "consumer_body"); "" when not named."""
    if case.filing is None:
        return ""
    return str(getattr(case.filing, which)).strip()


@dataclass(frozen=True)
class LossTable:
    """损失计算 of a courier claim (spec §7(d) 6): what the merchant lost and what it claims.

    Insurance is three-state: insured, not insured, or not entered. Not entered is never printed as
    未保价: the claim stays a blank to fill by hand and both rules are stated."""

    goods_value: Decimal | None  # 商品价值, from the order
    freight: Decimal | None  # 运费
    other_costs: Decimal | None  # 其他合理费用: never in the record, a blank to fill
    total: Decimal | None  # goods + freight (the loss); unknown when either is unknown
    insured: bool | None  # None: not entered
    insured_value: Decimal | None  # 保价金额
    insurance_fee: Decimal | None
    claim: Decimal | None  # total, capped at the insured value when insured, less what the carrier already paid;
    # None when it cannot be known
    capped: bool  # the insured value cut the claim down
    rule: str  # the compensation rule that applies, as printed
    vouchers: str  # 商品价值凭证: the evidence labels of receipts/invoices, "" if none
    recovered: Decimal = Decimal(0)  # what the carrier already paid (交涉记录), taken off the capped claim

    def rows(self) -> list[tuple[str, str, str]]:
        """(项目, 金额, 依据/说明) rows as printed."""
        rows = [
            ("商品价值", _money(self.goods_value), f"商品价值凭证{self.vouchers or '（发票、订单或付款记录）'}"),
            ("运费", _money(self.freight), "以运单记载为准"),
            ("其他合理费用", _money(self.other_costs), "如有，请填写并附凭证"),
        ]
        rows.append(("合计", _money(self.total), "商品价值＋运费（不含其他合理费用）"))
        if self.insured:
            rows.append(("保价金额", _money(self.insured_value), f"保价费 {_money(self.insurance_fee)}"))
        if self.recovered:
            # taken off what the carrier owes in all (the loss, or the insured value when that is lower): under
            # 保价 its whole liability is capped, what it already paid included
            where = "从赔偿中扣除" if self.insured else "从损失中扣除"
            rows.append(("快递企业已支付", f"－{_money(self.recovered)}", f"已收到的款项，{where}（见交涉记录）"))
        if self.insured is None:
            note = "是否保价未填写：核实后填写"
        elif self.capped:
            note = "按保价金额封顶"
        else:
            note = "已保价，未超过保价金额" if self.insured else "按实际损失"
        if self.recovered and self.insured is not None:
            base = "保价金额" if self.capped else "合计"
            note += f"，{base}－快递企业已支付"
        rows.append(("请求赔偿金额", _money(self.claim), note))
        return rows


def loss_table(ctx: BundleContext) -> LossTable:
    """The courier-claim loss calculation: insured → capped at the insured value (保价规则);
    uninsured → the actual loss (快递暂行条例 art. 28, art. 27 before 2025-06-01); not entered → a blank and both
    rules. What the carrier already paid is taken off the claim after the cap: the insured value limits all the
    carrier pays, not what is left once it has paid part."""
    case = ctx.case
    shipment = case.shipment
    goods = case.transaction.amount
    freight = shipment.freight
    recovered = carrier_paid(case)
    total = goods + freight if goods is not None and freight is not None else None
    basis = law.cite_on("express-regulation.compensation", on_day(ctx))
    claim: Decimal | None = total
    capped = False
    if shipment.insured is None:
        claim = None
        rule = (
            f"是否保价尚未填写：保价的快件，按保价规则确定赔偿责任；未保价的快件，依照民事法律的有关规定确定赔偿责任"
            f"（{basis}）。请核实运单后填写是否保价及请求金额。"
        )
    elif shipment.insured:
        value = shipment.insured_value
        if value is None:
            claim = None
        elif total is not None and total > value:
            claim, capped = value, True
        rule = f"已保价：按保价规则赔偿，以保价金额 {_money(value)}为限（部分损失按比例）（{basis}）"
    else:
        rule = f"未保价：依照民事法律的有关规定按实际损失赔偿（{basis}），附商品价值凭证"
    if claim is not None and recovered:
        # What the carrier already paid is part of what it owes in all: taken off after the cap, never before
        # it (under 保价 the whole compensation is limited to the insured value, 快递暂行条例 art. 28).
        claim = max(claim - recovered, Decimal(0))
    vouchers = _labels(ctx, [e.exhibit.number for e in ctx.entries if e.exhibit.kind is EvidenceKind.RECEIPT])
    return LossTable(
        goods_value=goods,
        freight=freight,
        other_costs=None,
        total=total,
        insured=shipment.insured,
        insured_value=shipment.insured_value,
        insurance_fee=shipment.insurance_fee,
        claim=claim,
        capped=capped,
        rule=rule,
        vouchers=f"（见{vouchers}）" if vouchers else "",
        recovered=recovered,
    )


def carrier_complaint(ctx: BundleContext) -> TimelineEvent | None:
    """The complaint lodged with the carrier (its date and 工单号): the first timeline event of kind
    complaint made to the courier (``casefile event --kind complaint --with courier --ref …``). None
    while none is recorded: the documents then print the date, the 工单号 and the reply date as
    blanks to fill by hand, never a date counted from the day the PDF was made."""
    found = lodged(ctx.case, "courier")
    return found[0] if found else None


def reply_deadline(ctx: BundleContext) -> Deadline | None:
    """When the carrier should have answered by: the ``courier.reply`` clock (7 days from the day the complaint
    was lodged with it, a last day on a rest day moved to the next working day), never counted from the day
    the PDF was made; None while no complaint is recorded."""
    complaint = carrier_complaint(ctx)
    if complaint is None:
        return None
    return compute("courier.reply", complaint.at)


@dataclass(frozen=True)
class CarrierAnswer:
    """The carrier's answer to the complaint lodged with it, as the record holds it."""

    at: datetime
    how: str  # 电话, 在线沟通, 处理方案…
    words: str  # what it said, as the packet's destination may see it
    accepted: bool  # the claimant agreed to it (a proposal of the carrier's, answered accepted)
    date_only: bool = False  # the event's day is known, not its hour (TimelineEvent.date_only)


def carrier_answer(ctx: BundleContext) -> CarrierAnswer | None:
    """The carrier's first answer after the complaint lodged with it (``carrier_complaint``), as the ``courier.reply``
    clock reads it (``carrier_reply``: a later dealing with the carrier that is not another complaint, an event with
    no one said whose people name the carrier included, or a proposal the carrier made in negotiation). None while no
    complaint or no answer is recorded: nothing is assumed."""
    complaint = carrier_complaint(ctx)
    if complaint is None:
        return None
    reply = carrier_reply(ctx.case, complaint)
    if reply is None:
        return None
    words = _free(ctx, re.sub(r"\s+", " ", reply.summary).strip())
    if isinstance(reply, Proposal):
        if reply.amount is not None:
            words += f"（金额 {fmt_amount(reply.amount)}）"
        return CarrierAnswer(reply.at, "处理方案", words, accepted=reply.answer is Answer.ACCEPTED)
    if reply.decision.strip():
        decision = _free(ctx, reply.decision.strip())
        words = f"{words}（处理结果：{decision}）" if words else decision
    return CarrierAnswer(
        reply.at, EVENT_NAMES.get(reply.kind, "记录"), words, accepted=False, date_only=reply.date_only
    )


# A respondent saying the seven days are over: 已超过七天, 超过7天, 过了七天, 超出七日…
PAST_SEVEN_DAYS = re.compile(r"(?:超过|超出|过了)\s*(?:七|7|７)\s*(?:天|日)")


@dataclass(frozen=True)
class ReturnWindow:
    """The seven days of 消费者权益保护法 art. 25, counted from the day the goods were received: that day does
    not count, the next is day 1 (民法典 art. 201), so the last day is the receipt date + 7; a last day that is
    a statutory holiday moves to the day after the holiday (art. 203), which only lengthens the window.

    ``first_request`` is the earliest timeline event about a return (a request, or the refusal that answered
    one): the request was made on or before its day. ``claimed`` says whether the respondent's "已超过七天" is
    on record (timeline or facts), ``claim`` is the event that dates it, if any."""

    received: date | None
    last_day: date | None
    deadline: Deadline | None  # the ``consumer.no-reason-return`` clock (its last day is ``last_day``)
    first_request: TimelineEvent | None
    request_day: date | None  # first_request's day, in the case's time zone
    claimed: bool
    claim: TimelineEvent | None

    @property
    def request_in_time(self) -> bool:
        """A return was asked for within the window (known only when the receipt date and the request are)."""
        day = self.request_day
        return self.last_day is not None and day is not None and day <= self.last_day

    @property
    def claim_false(self) -> bool:
        """The respondent said the seven days were over, while the return was asked for within them."""
        return self.claimed and self.request_in_time


def return_window(ctx: BundleContext) -> ReturnWindow:
    """The art. 25 window of the case, with what the timeline and the facts say about it."""
    return return_window_of(ctx.case)


def return_window_of(case: Case) -> ReturnWindow:
    """:func:`return_window` of a case as the record holds it (its events are the record's own)."""
    received_at = case.transaction.received_at
    received = _day(received_at, case) if received_at is not None else None
    deadline = compute("consumer.no-reason-return", received_at) if received_at is not None else None
    last_day = deadline.last_day if deadline is not None else None
    events = sorted(case.timeline, key=lambda e: _sort_key(e.at, case))
    claims = [e for e in events if PAST_SEVEN_DAYS.search(e.summary)]
    about_returns = [e for e in events if RETURN_REQUEST.search(e.summary) or PAST_SEVEN_DAYS.search(e.summary)]
    first = about_returns[0] if about_returns else None
    return ReturnWindow(
        received=received,
        last_day=last_day,
        deadline=deadline,
        first_request=first,
        request_day=_day(first.at, case) if first is not None else None,
        claimed=bool(claims) or bool(PAST_SEVEN_DAYS.search(case.facts)),
        claim=claims[0] if claims else None,
    )


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
