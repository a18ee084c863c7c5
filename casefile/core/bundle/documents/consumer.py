"""(a) 消费投诉书 for a consumer association (消协) or the market regulator (12315), its legal basis and
the notes that close the packet (spec §7(a); docs/pleading-templates.md §5).

The destination is chosen (``ctx.route``): the letter is addressed to it, its declaration states the
proceedings the record holds before other bodies and denies only the kinds of body it shows none of, and its
notes cite the rules of that body only — the 投诉举报处理暂行办法 for 12315, 消费者权益保护法 art. 37 for the
消协, whose own acceptance rules were not found and are printed as practice. Both warn that a dispute taken to
one of them is refused by the other.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core.bundle.context import BundleContext, Route
from casefile.core.bundle.documents.claims import claim_list, phone_rule_paragraph
from casefile.core.bundle.documents.common import (
    CONSUMER,
    DATE_BLANK,
    _narrative,
    _refs,
    _signature,
    cite_on_day,
    fmt_amount,
    fmt_date,
    fmt_deadline,
    fmt_event_time,
    fmt_time,
    law_quotes,
    limitation_advice,
    limitation_doubt,
    limitation_from,
    proceeding_said,
)
from casefile.core.bundle.documents.layout import _F, _form, _h, _numbered, _p, _title
from casefile.core.bundle.documents.rules import (
    filed_with,
    return_window,
)
from casefile.core.bundle.handling import _FRAUD, before_other_bodies, complaint_venue
from casefile.core.bundle.phones import phone_window
from casefile.core.disclosure.masking import mail_addresses_shown
from casefile.core.model import CaseType, TimelineEvent
from casefile.core.workflow.due import seven_day_return_applies
from casefile.core.workflow.records import Venue as ProceedingVenue


def _route(ctx: BundleContext) -> Route:
    return ctx.route if ctx.route is not None else Route.CONSUMER_ASSOCIATION


def consumer_body(ctx: BundleContext) -> str:
    """The body the complaint goes to: as the user named it (case.filing.consumer_body), else a blank line to
    fill in, followed by the kind of body the destination is."""
    named = filed_with(ctx.case, "consumer_body")
    if named:
        return named
    if _route(ctx) is Route.MARKET_REGULATOR:
        return "＿＿＿＿＿＿＿＿市场监督管理局（12315）"
    return "＿＿＿＿＿＿消费者协会（消费者权益保护委员会）"


def _consumer_complaint(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    me, them = ctx.party("complainant"), ctx.party("respondent")
    txn = case.transaction
    me_fields = [
        _F("姓名", me.name),
        _F("电话", me.phone),
        _F("通讯地址", me.address, wide=True),
        _F("邮政编码", me.postcode),
    ]
    if mail := mail_addresses_shown(me.email):
        me_fields.append(_F("电子邮箱", mail))
    if me.id_number.strip():
        me_fields.append(_F("身份证号码", me.id_number))
    shop = "／".join(x for x in (them.store.strip(), txn.platform.strip()) if x)
    story: list[Flowable] = [
        _title("消费投诉书"),
        _p(f"致：{consumer_body(ctx)}"),
        _h("一、投诉人"),
        _form(me_fields),
        _h("二、被投诉人"),
        _form(
            [
                _F("名称", them.name, wide=True),
                _F("地址", them.address, wide=True),
                _F("统一社会信用代码", them.id_number),
                _F("电话", them.phone),
                _F("店铺/平台", shop, wide=True),
            ]
        ),
        _h("三、消费信息"),
        _form(
            [
                _F("购买时间", fmt_time(txn.purchased_at, case)),
                _F("平台/地点", txn.platform),
                _F("订单号", txn.order_no, wide=True),
                _F("商品/服务", txn.product),
                _F("品牌型号规格", txn.brand_model),
                _F("数量", "" if txn.quantity is None else str(txn.quantity)),
                _F("金额", fmt_amount(txn.amount)),
                _F("支付方式", txn.payment_method),
                _F("收货时间", fmt_time(txn.received_at, case)),
            ]
        ),
        _h("四、事实与理由"),
        *_narrative(ctx, "与经营者交涉情况"),
        *_return_window_paragraphs(ctx),
        *phone_rule_paragraph(ctx, CONSUMER),
        CondPageBreak(40 * mm),
        _h("五、投诉请求"),
        *claim_list(ctx, CONSUMER, "要求"),
        _h("六、法律依据"),
        *_numbered(law_quotes(ctx, consumer_law_ids(ctx)), ending=None, last=None),
    ]
    story.append(
        KeepTogether(
            [
                _h("七、声明"),
                _p(
                    "投诉人保证以上所述情况及所提交的材料真实、合法，如有虚假，愿承担相应的法律责任；"
                    f"{_bodies_declared(ctx)}",
                    "indent",
                ),
                Spacer(1, 10 * mm),
                *_signature(["投诉人（签名）：＿＿＿＿＿＿＿＿", f"日期：{DATE_BLANK}"]),
            ]
        )
    )
    return story


# The bodies a dispute already before them bars (投诉举报处理办法 art. 16 (二), complaint-measures.not-accepted;
# for the 消协, its practice), as the declaration names them, each with the venues of the proceedings it covers;
# by the venue of the letter's own destination (:func:`~casefile.core.bundle.handling.complaint_venue`).
_BODIES = {
    ProceedingVenue.REGULATOR: (
        ("人民法院", (ProceedingVenue.COURT,)),
        ("仲裁机构", (ProceedingVenue.ARBITRATION,)),
        ("其他市场监督管理部门或者其他行政机关", (ProceedingVenue.REGULATOR, ProceedingVenue.POSTAL_REGULATOR)),
        ("消费者协会", (ProceedingVenue.CONSUMER_ASSOCIATION,)),
    ),
    ProceedingVenue.CONSUMER_ASSOCIATION: (
        ("人民法院", (ProceedingVenue.COURT,)),
        ("仲裁机构", (ProceedingVenue.ARBITRATION,)),
        ("市场监督管理部门或者其他行政机关", (ProceedingVenue.REGULATOR, ProceedingVenue.POSTAL_REGULATOR)),
        ("其他消费者协会", (ProceedingVenue.CONSUMER_ASSOCIATION,)),
    ),
}


def _bodies_declared(ctx: BundleContext) -> str:
    """The declaration on other bodies, as the record shows it: each proceeding recorded before another body (its
    number, its result or that it is pending) stated as it is; 未向…提出，亦未经其受理或者处理 only for the kinds of
    body the record shows none of. A pending proceeding before the destination itself is this complaint."""
    itself = complaint_venue(ctx.route)
    held = before_other_bodies(ctx.case, itself)
    bodies = _BODIES[itself]
    told = [proceeding_said(ctx, q, "") for q in held]
    none_of = [name for name, venues in bodies if not any(q.venue in venues for q in held)]
    parts = []
    if told:
        parts.append(f"本投诉事项曾{'；曾'.join(told)}")
    if none_of:
        parts.append(f"{'' if told else '本投诉事项'}未向{'、'.join(none_of)}提出，亦未经其受理或者处理")
    return "；".join(parts) + "。"


def _applies_art_25(ctx: BundleContext) -> bool:
    """Seven-day return without reason: goods bought online, by television, phone or mail (消法 art. 25)."""
    return seven_day_return_applies(ctx.case)


def consumer_law_ids(ctx: BundleContext) -> list[str]:
    """The articles the complaint quotes (spec §7(a) ⑥), those that fit the case and the destination."""
    case = ctx.case
    ids = []
    if case.type is CaseType.QUALITY:
        ids.append("consumer-protection.23")
    ids.append("consumer-protection.24")
    window = phone_window(case)
    if window is not None:  # the 国家规定 art. 24 applies first: the phone 三包 rule
        ids.append(window.article)
    if _applies_art_25(ctx):
        ids += ["consumer-protection.25", "consumer-protection-regulation.19", "civil-code.201"]
        if _window_moved(ctx):
            ids.append("civil-code.203")
    text = case.facts + " ".join(d.description for d in case.demands)
    if case.type is CaseType.INFORMATION or _FRAUD.search(text):
        ids.append("consumer-protection.55")
    if _route(ctx) is Route.MARKET_REGULATOR:
        ids += ["consumer-protection.46", "complaint-measures.materials"]
    else:
        ids.append("consumer-protection.37")
    return ids


def _window_moved(ctx: BundleContext) -> bool:
    """Whether the art. 25 window's last day fell on a rest day and moved past it (民法典 art. 203): the only case
    where that rule is printed."""
    deadline = return_window(ctx).deadline
    return deadline is not None and deadline.rolled_from is not None


def _return_window_paragraphs(ctx: BundleContext) -> list[Flowable]:
    """消法 art. 25's seven days, counted from receipt: the last day, and whether the respondent's
    "已超过七天" holds against the day the return was asked for."""
    if not _applies_art_25(ctx):
        return []
    case = ctx.case
    window = return_window(ctx)
    art25 = cite_on_day(ctx, "consumer-protection.25", short=True)
    art201 = cite_on_day(ctx, "civil-code.201", short=True)
    if window.received is None or window.last_day is None:
        text = (
            f"关于七日无理由退货：依照{art25}，消费者有权自收到商品之日起七日内退货，且无需说明理由；"
            f"该期间自收到商品之日起计算，收到商品的当日不计入，自下一日开始计算（{art201}）。"
        )
        return [_p(text, "indent")]
    text = (
        f"关于七日无理由退货：依照{art25}，消费者有权自收到商品之日起七日内退货，且无需说明理由。"
        f"投诉人于{fmt_date(window.received)}收到商品，期间自次日起计算（{art201}），"
        f"至{fmt_deadline(window.deadline) if window.deadline else fmt_date(window.last_day)}届满"
    )
    if _window_moved(ctx):  # the rule that moved it, printed only when it did
        art203 = cite_on_day(ctx, "civil-code.203", short=True)
        text += f"（期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日，{art203}）"
    text += "。"
    story = [_p(text, "indent")]
    first, claim = window.first_request, window.claim
    if window.claim_false and first is not None and window.request_day is not None:
        last = fmt_date(window.last_day)
        if claim is not None and first is claim:  # the refusal is the first word of a return: the request came before
            said = (
                f"被投诉人于{fmt_date(window.request_day)}称“已超过七天”{_refs(ctx, claim.evidence)}，"
                f"而当日七日期限尚未届满（至{last}），投诉人的退货要求最迟已于当日提出，在期限之内。"
            )
        else:
            when = f"于{fmt_event_time(claim, case)}" if claim is not None else ""
            refs = _refs(ctx, claim.evidence) if claim is not None else ""
            said = (
                f"投诉人于{fmt_date(window.request_day)}{_asked(first)}{_refs(ctx, first.evidence)}，在七日期限之内"
                f"（至{last}）；被投诉人{when}称“已超过七天”{refs}。"
            )
        story.append(_p(f"{said}被投诉人关于已超过七日退货期限的说法与事实不符。", "indent"))
    return story


# What an event about a return says was asked for: the goods taken back (退货, 退回, 七天无理由), else the money.
_GOODS_BACK = re.compile(r"退货|退回|无理由")


def _asked(event: TimelineEvent) -> str:
    """What the complainant asked for on the day the return window counts, in the words the record holds: 提出退货
    when the event speaks of returning the goods, 要求退款 when it speaks only of the money back (an e-mail asking
    for a refund is not told as a return the record does not mention)."""
    return "提出退货" if _GOODS_BACK.search(event.summary) else "要求退款"


def _three_years(ctx: BundleContext) -> tuple[str, str]:
    """The three years' start as printed, naming the event (本案记录的最早日期是购买商品之日（2026年11月16日）),
    and their last day.

    The period runs from the day the consumer knew or should have known of the harm (投诉举报处理办法 art. 16
    (四); 民法典 art. 188), which the record does not say: the earliest day it holds — the purchase, receipt, any
    event, the complaint — is the safe start, the one the reminder counts from (``limitation_from``). The last
    day is the corresponding day three years on (民法典 art. 202, 办法 art. 45), printed unmoved: it is a deadline
    our user must meet (:class:`~casefile.core.workflow.clocks.Bound`), and the words say the day is counted
    unmoved to be safe."""
    what, start, limit = limitation_from(ctx.case)
    return f"本案记录的最早日期是{what}（{fmt_date(start)}）", fmt_date(limit)


def _consumer_notes(ctx: BundleContext) -> list[Flowable]:
    items = _regulator_notes(ctx) if _route(ctx) is Route.MARKET_REGULATOR else _association_notes(ctx)
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]


def _one_body_only(ctx: BundleContext) -> str:
    refused = cite_on_day(ctx, "complaint-measures.not-accepted", short=True)
    return (
        "只向一个机构投诉：同一消费者权益争议已经由消费者协会受理或者处理过的，"
        f"市场监督管理部门不予受理（{refused}）；已经由人民法院、仲裁机构、市场监督管理部门受理或者处理的，"
        "消费者协会通常也不予受理（各地消费者协会的做法）。同时向消费者协会和12315投诉，"
        "任何一方都可能以此为由不予受理，请选择其一。"
    )


def _regulator_notes(ctx: BundleContext) -> list[str]:
    """12315: the 投诉举报处理办法's rules (in force since 2026-04-15), cited from the law table."""
    earliest, limit = _three_years(ctx)
    art = {
        topic: cite_on_day(ctx, f"complaint-measures.{topic}", short=True)
        for topic in ("materials", "agent", "acceptance-7-days", "not-accepted", "mediation-ends")
    }
    return [
        "投诉时效：自知道或者应当知道权益受到侵害之日起超过三年的投诉，市场监督管理部门不予受理"
        f"（{art['not-accepted']}）。{earliest}，"
        + (limitation_doubt(ctx.case) or limitation_advice(ctx.case, "提出")),
        _one_body_only(ctx),
        "材料要求：投诉须写明投诉人姓名、电话号码、通讯地址等真实身份信息，被投诉人名称（姓名）、地址，"
        f"具体的投诉请求以及相应的消费者权益争议事实依据，并对材料的真实性负责（{art['materials']}）。",
        "委托他人投诉的，须提交授权委托书原件（载明委托事项、权限和期限，由委托人签名）及受托人身份证明"
        f"（{art['agent']}）。",
        "处理期限：市场监督管理部门应自收到投诉之日起七个工作日内作出受理或者不予受理的决定"
        f"（{art['acceptance-7-days']}）；自投诉受理之日起六十日内未能达成调解协议的，终止调解"
        f"（{art['mediation-ends']}）。",
        "提交方式（实务做法，非法规规定）：可通过全国12315平台网站、微信小程序或12315热线投诉，"
        "在线投诉时上传本材料中的投诉书与证据；投诉后会获得投诉编号，请妥善保存。",
        "请提交复印件或电子件，原件（含存有电子数据的原始设备或介质）自行妥善保管，以备核对。",
        _other_routes(ctx),
    ]


def _association_notes(ctx: BundleContext) -> list[str]:
    """消协: the statute gives the task (消法 art. 37); how an association takes complaints is its own practice,
    printed as such (docs/pleading-templates.md §5.2)."""
    art37 = cite_on_day(ctx, "consumer-protection.37", short=True, part=True)
    art188 = cite_on_day(ctx, "civil-code.188", short=True)
    earliest, limit = _three_years(ctx)
    return [
        f"消费者协会的职能：受理消费者的投诉，并对投诉事项进行调查、调解（{art37}）。调解不成的，"
        "可以另行选择下列其他途径。",
        "以下为各地消费者协会的常见做法，不是法律、法规的规定，以受理投诉的消费者协会为准：",
        "（实务）通常不予受理的情形：没有明确的被投诉方；经营者之间的争议；经营者事前已经向消费者真实地说明"
        "商品存在瑕疵；争议各方已经达成和解（调解）协议并履行，且无新理由和相关依据；消费者提供不出任何必要证据；"
        "法院、有关行政部门、仲裁机构已受理、处理；法律、法规明确规定应由指定部门处理。",
        "（实务）处理时间：有的消费者协会在七个工作日内决定是否受理，调解一般在十五个工作日内完成，"
        "经双方同意可以延长；各地不一。",
        "（实务）消费者协会一般不留存原件：请提交复印件，原件（含存有电子数据的原始设备或介质）自行妥善保管，以备核对。",
        _one_body_only(ctx),
        f"时效：向人民法院请求保护民事权利的诉讼时效期间为三年，自知道或者应当知道权利受到损害以及义务人之日起计算"
        f"（{art188}）。{earliest}，"
        + (
            limitation_doubt(ctx.case)
            or limitation_advice(
                ctx.case,
                "主张权利",
                safe_words="自该日起算较为稳妥。调解不成的，请及时选择其他途径；如需起诉，请最迟于{limit}提起"
                "（为稳妥起见按未顺延的日期计算）。",
            )
        ),
        _other_routes(ctx),
    ]


def _other_routes(ctx: BundleContext) -> str:
    art39 = cite_on_day(ctx, "consumer-protection.39", short=True)
    return (
        "其他途径：消费者与经营者发生消费者权益争议的，可以协商和解，请求消费者协会或者依法成立的其他调解组织调解，"
        f"向有关行政部门投诉，根据与经营者达成的仲裁协议提请仲裁机构仲裁，或者向人民法院提起诉讼（{art39}）。"
    )
