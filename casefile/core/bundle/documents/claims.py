"""Claims as a pleading words them, and the statement of facts in the third person.

A demand in the record (退款, 更换, 修理, 赔偿, 赔礼道歉, other) becomes one or more claims in the
words a court, an arbitration institution or a consumer body expects: 解除合同 and 返还货款 with the
goods given back for a refund, 赔偿损失 with its amount, 惩罚性赔偿金 when the demand rests on fraud,
赔礼道歉 only when the user asked for it. Each claim keeps the law it rests on: the basis the user
wrote (Demand.basis) and the articles CaseFile suggests, cited from :mod:`casefile.core.law` as in
force on the day the packet is made.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import Sides, cite_on_day, fmt_date, third_person
from casefile.core.bundle.documents.layout import _numbered, _p
from casefile.core.bundle.documents.rules import case_cause
from casefile.core.bundle.handling import _FRAUD, deductions
from casefile.core.bundle.phones import phone_window
from casefile.core.model import Case, CaseType, Demand, DemandType
from casefile.core.workflow.due import seven_day_return_applies

MONEY_BLANK = "＿＿＿＿＿＿元"
_DEFECT: tuple[str, ...] = ("consumer-protection.24", "civil-code.582")  # repair, exchange, return

# A refund for goods bought online without a reason given (消法 art. 25) rather than for a defect.
_NO_REASON = re.compile(r"无理由|七天|七日|7天|7日")
# The other side as users write it in a demand: 商家承担运费 → 被告承担运费.
_SELLER = re.compile(r"商家|卖家|店家|商户|经营者|网店|店铺")
_COSTS = re.compile(r"费|款|金|钱")


@dataclass(frozen=True)
class Claim:
    """One claim, worded without its verb (判令/裁决/要求): 被告返还原告货款 1,299.00 元."""

    kind: str  # rescind, refund, exchange, repair, compensation, punitive, apology, other
    text: str
    amount: Decimal | None = None
    money: bool = False  # a claim for money: counted in the total, its amount a blank when unknown
    basis: str = ""  # as the user wrote it
    articles: tuple[str, ...] = field(default=())  # law.py ids CaseFile suggests

    def citations(self, day: date) -> list[str]:
        return [law.cite_on(a, day) for a in self.articles]


def money(value: Decimal | None) -> str:
    """1,299.00 元, or a blank to fill by hand."""
    return f"{value:,.2f} 元" if value is not None else MONEY_BLANK


def contract_noun(case: Case) -> str:
    """The contract a rescission ends: 买卖合同, 服务合同, 快递服务合同 ("" for a tort claim)."""
    cause = case_cause(case)
    if "责任纠纷" in cause:
        return ""
    if "服务合同" in cause:
        return cause.removesuffix("纠纷")
    return "买卖合同"


def _product(case: Case) -> str:
    product = case.transaction.product.strip()
    model = case.transaction.brand_model.strip()
    if product and model and model not in product:
        product = f"{product}（{model}）"
    return product


def _net(d: Demand, cut: Decimal | None) -> Decimal | None:
    return d.amount - cut if d.amount is not None and cut else d.amount


def _refund(case: Case, d: Demand, sides: Sides, desc: str, cut: Decimal | None = None) -> list[Claim]:
    us, them = sides.us, sides.them
    product = _product(case)
    service = case.type is CaseType.SERVICE
    online_no_reason = bool(_NO_REASON.search(desc + d.basis)) and seven_day_return_applies(case)
    articles = ("consumer-protection.25",) if online_no_reason else ("consumer-protection.24",)
    out: list[Claim] = []
    noun = contract_noun(case)
    if noun:
        out.append(
            Claim(
                "rescind",
                f"解除{us}与{them}之间的{noun}",
                articles=("civil-code.563",),
            )
        )
    what = "服务费用" if service else "货款"
    amount = _net(d, cut)
    if cut:  # part already paid back: the rest is asked, and the sum paid said
        text = f"{them}返还{us}{what}余款 {money(amount)}（{what} {money(d.amount)}，{them}已退还 {money(cut)}）"
    else:
        text = f"{them}返还{us}{what} {money(d.amount)}"
    if not service:
        text += f"，{us}同时向{them}退还所购商品{product}"
    out.append(Claim("refund", text, amount, True, d.basis, (*articles, "civil-code.566")))
    return out


def _other_text(text: str, sides: Sides) -> str:
    """A demand the user wrote in their own words, with the parties named as the document names them."""
    text = _SELLER.sub(sides.them, text)
    return third_person(text, sides.us, sides.them)


def claims(ctx: BundleContext, sides: Sides) -> list[Claim]:
    """The case's demands as claims, in the order the user listed them."""
    case = ctx.case
    us, them = sides.us, sides.them
    product = _product(case)
    of = f"（{product}）" if product else ""
    out: list[Claim] = []
    cuts = deductions(case)
    for i, d in enumerate(case.demands):
        cut = cuts.get(i)
        desc = re.sub(r"\s+", " ", d.description).strip().rstrip("。；;")
        said = f"（{_other_text(desc, sides)}）" if desc else ""
        if d.type is DemandType.REFUND:
            out += _refund(case, d, sides, desc, cut)
        elif d.type is DemandType.EXCHANGE:
            articles = _DEFECT
            text = f"{them}为{us}更换同型号合格商品{of}{said}"
            out.append(Claim("exchange", text, d.amount, False, d.basis, articles))
        elif d.type is DemandType.REPAIR:
            articles = _DEFECT
            text = f"{them}为{us}免费修理所购商品{of}{said}"
            out.append(Claim("repair", text, d.amount, False, d.basis, articles))
        elif d.type is DemandType.APOLOGY:
            out.append(Claim("apology", f"{them}向{us}赔礼道歉", basis=d.basis))
        elif d.type is DemandType.COMPENSATION and _FRAUD.search(desc + d.basis):
            text = f"{them}向{us}支付惩罚性赔偿金 {money(d.amount)}{said}"
            out.append(Claim("punitive", text, d.amount, True, d.basis, ("consumer-protection.55",)))
        elif d.type is DemandType.COMPENSATION:
            amount = _net(d, cut)
            if cut:
                text = (
                    f"{them}赔偿{us}损失余额 {money(amount)}（损失 {money(d.amount)}，{them}已支付 {money(cut)}）{said}"
                )
            else:
                text = f"{them}赔偿{us}损失 {money(d.amount)}{said}"
            articles = ("civil-code.577", "civil-code.583", "civil-code.584")
            out.append(Claim("compensation", text, amount, True, d.basis, articles))
        else:
            text = _other_text(desc, sides) or "＿＿＿＿＿＿＿＿＿＿＿＿"
            is_money = d.amount is not None or bool(_COSTS.search(desc))
            if is_money:
                text += f"，金额 {money(d.amount)}"
            out.append(Claim("other", text, d.amount, is_money, d.basis))
    return _with_phone_rule(case, out)


def _with_phone_rule(case: Case, items: list[Claim]) -> list[Claim]:
    """消法 art. 24 puts 国家规定 first: for a mobile phone whose fault appeared within 7 days of the sale, the
    phone 三包 rule's art. 11 (return, exchange or repair); from day 8 to day 15, its art. 12 (exchange or
    repair, so not for a refund). Cited first on the claims it supports."""
    window = phone_window(case)
    if window is None:
        return items
    kinds = {"refund", "exchange", "repair"} if window.refund else {"exchange", "repair"}
    return [dataclasses.replace(c, articles=(window.article, *c.articles)) if c.kind in kinds else c for c in items]


def phone_rule_paragraph(ctx: BundleContext, sides: Sides) -> list[Flowable]:
    """The facts measured against the phone 三包 rule, as the rule words them: the day of sale, the day the fault
    appeared and which day after the sale that was, and the choices the article gives. Nothing when it does not
    apply (:func:`~casefile.core.bundle.documents.rules.phone_window`)."""
    window = phone_window(ctx.case)
    if window is None:
        return []
    article = cite_on_day(ctx, window.article, short=True)
    span = "售出之日起7日内" if window.refund else "售出之日起第8日至第15日内"
    counted = (
        "即售出当日"
        if window.day == 0
        else f"为售出后第{window.day}日（依照{cite_on_day(ctx, 'civil-code.201', short=True)}，售出当日不计入）"
    )
    text = (
        f"关于手机三包：{sides.us}所购手机于{fmt_date(window.sold)}售出，{fmt_date(window.fault)}出现故障，"
        f"{counted}。依照{article}，移动电话机主机自{span}出现《移动电话机商品性能故障表》"
        f"所列性能故障的，消费者可以选择{window.choices}；该期间自售出之日起计算，与七日无理由退货的期间无关。"
    )
    return [_p(text, "indent")]


def claim_list(ctx: BundleContext, sides: Sides, verb: str) -> list[Flowable]:
    """The claims as a numbered list (要求被投诉人…；), with the total when several are money."""
    items = claims(ctx, sides)
    story = _numbered([f"{verb}{c.text}" for c in items] or [f"{verb}＿＿＿＿＿＿＿＿＿＿＿＿"])
    total = claim_total(items)
    if total is not None and len([c for c in items if c.money]) > 1:
        story.append(_p(f"以上金额合计 {money(total)}。", "indent"))
    return story


def claim_total(items: list[Claim]) -> Decimal | None:
    """The sum of the money claimed (标的总额), when every money claim has its amount."""
    money_claims = [c for c in items if c.money]
    if not money_claims or any(c.amount is None for c in money_claims):
        return None
    return sum((c.amount for c in money_claims if c.amount is not None), Decimal(0))


def bases(items: list[Claim], day: date) -> tuple[list[str], list[str]]:
    """What the claims rest on: the bases the user wrote, and the articles suggested, each law
    named once (《中华人民共和国民法典》第五百六十三条、第五百六十六条)."""
    written: list[str] = []
    groups: dict[str, list[str]] = {}
    for c in items:
        if c.basis.strip() and c.basis.strip() not in written:
            written.append(c.basis.strip())
        for citation in c.citations(day):
            name, _, article = citation.partition("》")
            numbers = groups.setdefault(name + "》", [])
            if article and article not in numbers:
                numbers.append(article)
    return written, [name + "、".join(numbers) for name, numbers in groups.items()]
