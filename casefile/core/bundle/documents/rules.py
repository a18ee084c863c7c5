"""The legal rules the venue documents apply: the 案由, the courier loss calculation and the
carrier's reply date. Citations come from :mod:`casefile.core.law`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import _labels, _local, _money, on_day
from casefile.core.model import (
    Case,
    CaseType,
    Channel,
    EvidenceKind,
    ResponsibleParty,
)

REPLY_DAYS = 7  # 快递暂行条例 art. 29 (art. 28 in the 2019 text): express-regulation.complaint-7-days

_ONLINE_PLATFORM = re.compile(
    r"淘宝|天猫|京东|拼多多|抖音|快手|小红书|唯品会|苏宁易购|闲鱼|得物|美团|饿了么|亚马逊|当当|网店|网购|"
    r"旗舰店|官网|官方商城|小程序|直播|\bapp\b|\bonline\b|taobao|tmall|jd\.com",
    re.IGNORECASE,
)
# Words that point to harm beyond the product itself (a product-liability tort, not a sale).
_INJURY = re.compile(r"受伤|烫伤|烧伤|割伤|人身伤害|人身损害|致残|死亡|爆炸|起火|着火|自燃|触电|中毒")
_FRAUD = re.compile(r"欺诈|三倍|3倍|假冒|虚假宣传")


CONTRACT_CAUSES = ("买卖合同纠纷", "信息网络买卖合同纠纷")  # the causes the SPC's 买卖合同纠纷 element form serves


def case_cause(case: Case) -> str:
    """The 案由 (spec §7(c) 1; the SPC's 民事案件案由规定 as revised in force 2026-01-01): the one
    the user confirmed (case.filing.cause), else a first guess from the case type, the purchase
    place and the channel, for the person filing to check against the court's list."""
    if case.filing is not None and case.filing.cause.strip():
        return case.filing.cause.strip()
    if case.type is CaseType.SERVICE:
        return "服务合同纠纷"
    if case.type is CaseType.LOGISTICS and case.responsible_party is ResponsibleParty.COURIER:
        return "快递服务合同纠纷"  # the sender against the carrier: a 快递服务 contract (142(3))
    if case.type is CaseType.QUALITY and _INJURY.search(case.facts + " ".join(e.summary for e in case.timeline)):
        # A defect that hurt someone or damaged other property: a tort claim against the seller.
        return "产品销售者责任纠纷"
    return "信息网络买卖合同纠纷" if _bought_online(case) else "买卖合同纠纷"


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
    total: Decimal | None  # goods + freight; unknown when either is unknown
    insured: bool | None  # None: not entered
    insured_value: Decimal | None  # 保价金额
    insurance_fee: Decimal | None
    claim: Decimal | None  # total, capped at the insured value when insured; None when it cannot be known
    capped: bool  # the insured value cut the claim down
    rule: str  # the compensation rule that applies, as printed
    vouchers: str  # 商品价值凭证: the evidence labels of receipts/invoices, "" if none

    def rows(self) -> list[tuple[str, str, str]]:
        """(项目, 金额, 依据/说明) rows as printed."""
        rows = [
            ("商品价值", _money(self.goods_value), f"商品价值凭证{self.vouchers or '（发票、订单或付款记录）'}"),
            ("运费", _money(self.freight), "以运单记载为准"),
            ("其他合理费用", _money(self.other_costs), "如有，请填写并附凭证"),
            ("合计", _money(self.total), "商品价值＋运费（不含其他合理费用）"),
        ]
        if self.insured:
            rows.append(("保价金额", _money(self.insured_value), f"保价费 {_money(self.insurance_fee)}"))
        if self.insured is None:
            note = "是否保价未填写：核实后填写"
        elif self.capped:
            note = "按保价金额封顶"
        else:
            note = "已保价，未超过保价金额" if self.insured else "按实际损失"
        rows.append(("请求赔偿金额", _money(self.claim), note))
        return rows


def loss_table(ctx: BundleContext) -> LossTable:
    """The courier-claim loss calculation: insured → capped at the insured value (保价规则);
    uninsured → the actual loss (快递暂行条例 art. 28, art. 27 before 2025-06-01); not entered → a blank and both
    rules."""
    case = ctx.case
    shipment = case.shipment
    goods = case.transaction.amount
    freight = shipment.freight
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
    )


def reply_deadline(ctx: BundleContext) -> date:
    """The date by which the carrier should answer: 7 days from the claim's date (条例 art. 28)."""
    return _local(ctx.generated_at, ctx.case).date() + timedelta(days=REPLY_DAYS)


def _bought_online(case: Case) -> bool:
    place = case.transaction.platform.strip()
    if place and _ONLINE_PLATFORM.search(place):
        return True
    if place and case.channel is Channel.STORE:
        return False
    return case.channel in (Channel.ONLINE, Channel.SOCIAL, Channel.EMAIL)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
