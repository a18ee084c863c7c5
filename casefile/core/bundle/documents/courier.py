"""(d) 快递理赔申请书 with its loss calculation, the dealings with the carrier, the law and the
12305 route (spec §7(d)).

The claimant is the merchant (the shipment's claimant, else the organisation in the settings), the
carrier is the respondent and the end customer a third party, masked (``courier_parties``). Unknown
is never printed as a fact: insurance not entered stays a blank, and the complaint to the carrier,
its 工单号 and the reply date are blanks until the record holds them (``rules.carrier_complaint``).
"""

from __future__ import annotations

import re
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents import rules
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    EVENT_NAMES,
    _day,
    _free,
    _labels,
    _money,
    _people,
    _signature,
    _timeline,
    cite_on_day,
    courier_parties,
    fmt_amount,
    fmt_date,
    fmt_deadline,
    fmt_event_time,
    fmt_insured,
    fmt_time,
    fmt_weight,
    insured_amount,
    law_quotes,
    limitation_advice,
    limitation_doubt,
    limitation_from,
    on_day,
)
from casefile.core.bundle.documents.layout import _F, WIDTH, _form, _h, _numbered, _p, _ruled, _title
from casefile.core.bundle.documents.rules import REPLY_DAYS, _add_years, loss_table
from casefile.core.bundle.handling import _sort_key
from casefile.core.bundle.pdfkit import blank
from casefile.core.model import EventKind, Party
from casefile.core.record.timeline import with_carrier
from casefile.core.workflow.records import Answer

APPEAL_CONDITIONS = "postal-complaint-measures.9"  # the conditions of a 12305 appeal, as last read

# The articles a claim to the carrier (and an appeal to 12305) rests on, quoted from the law table.
COURIER_LAW_IDS = (
    "express-regulation.claim-against-brand",
    "express-regulation.compensation",
    "express-regulation.complaint-7-days",
    "civil-code.832",
    "civil-code.833",
    "express-market-measures.27",
    "express-market-measures.28",
    "express-market-measures.30",
    "postal-law.59",
    "postal-law.65",
)


def shipment_fields(ctx: BundleContext) -> list[_F]:
    """快件信息 (spec §7(d) 4): the waybill as the carrier knows it; the end customer masked."""
    case = ctx.case
    shipment, txn = case.shipment, case.transaction
    parties = courier_parties(ctx)
    customer = parties.end_customer
    return [
        _F("运单号", shipment.waybill_no),
        _F("寄件时间", fmt_time(shipment.shipped_at, case)),
        _F("寄件人", ctx.party("sender").name),  # as entered: the claimant is usually, not always, the sender
        _F("派送网点", shipment.outlet),
        _F("收件人", customer.name),
        _F("收件人电话", customer.phone),
        _F("收件地址", customer.address, wide=True),
        _F("品名", txn.product),
        _F("数量", "" if txn.quantity is None else str(txn.quantity)),
        _F("重量", fmt_weight(shipment.weight)),
        _F("运费", fmt_amount(shipment.freight)),
        _F("是否保价", fmt_insured(shipment.insured)),
        _F("保价金额", insured_amount(shipment.insured, shipment.insured_value)),
        _F("保价费", insured_amount(shipment.insured, shipment.insurance_fee)),
        _F("签收时间", fmt_time(shipment.signed_at, case)),
        _F("签收人", ctx.third_party_name(shipment.signer)),
        _F("签收方式", _free(ctx, shipment.delivery_mode)),
    ]


def carrier_fields(ctx: BundleContext, carrier: Party, name: str, outlet: str) -> list[_F]:
    """The carrier as the claim (被索赔人) or the appeal (被申诉人) names it, with the outlet that delivered."""
    return [
        _F(name, carrier.name, wide=True),
        _F("统一社会信用代码", carrier.id_number),
        _F("电话", carrier.phone),
        _F("地址", carrier.address, wide=True),
        _F(outlet, ctx.case.shipment.outlet, wide=True),
    ]


def exception_fields(ctx: BundleContext) -> list[_F]:
    case = ctx.case
    shipment = case.shipment
    return [
        _F("异常类型", _free(ctx, shipment.exception_type), wide=True),
        _F("发现时间", fmt_time(shipment.discovered_at, case)),
        _F("发现经过", ""),
        _F("当面验收情况", "□ 当场拒收　□ 当场提出异议　□ 未当面验视", wide=True),
        # 快递市场管理办法 art. 28: no drop at a locker or station (末端服务设施) without the user's consent.
        _F("末端投递", "未经同意投递至快递柜/驿站：□ 是　□ 否", wide=True),
    ]


def _courier_claim(ctx: BundleContext) -> list[Flowable]:
    parties = courier_parties(ctx)
    merchant, carrier = parties.claimant, parties.carrier
    losses = loss_table(ctx)
    basis = courier_law(ctx)

    story: list[Flowable] = [
        _title("快递理赔申请书"),
        _h("一、索赔人"),
        _form(
            [
                _F("名称", merchant.name, wide=True),
                _F("统一社会信用代码", merchant.id_number),
                _F("联系人", ctx.org.contact),
                _F("电话", merchant.phone),
                _F("法定代表人", merchant.legal_representative),
                _F("地址", merchant.address, wide=True),
            ]
        ),
        _h("二、被索赔人"),
        # Named as 快递暂行条例 art. 20 para. 3 names them (express-regulation.claim-against-brand): the company whose
        # brand or waybill it is, and the one that actually delivered. Both labels fit the label column.
        _form(carrier_fields(ctx, carrier, "快递运单所属企业", "实际派送网点")),
        _h("三、快件信息"),
        _form(shipment_fields(ctx)),
        _h("四、异常情况"),
        _form(exception_fields(ctx)),
        CondPageBreak(60 * mm),
        _h("五、损失计算"),
        _ruled(
            [("项目", "金额", "依据/说明"), *losses.rows()],
            [40 * mm, 40 * mm, WIDTH - 80 * mm],
        ),
        Spacer(1, 2 * mm),
        _p(losses.rule, "indent"),
        _h("六、索赔请求"),
        _p(f"请求贵司赔偿索赔人损失共计 {_money(losses.claim)}。", "indent"),
        _p(
            f"请自收到本申请之日起{REPLY_DAYS}日内予以处理并书面告知索赔人"
            f"（{cite_on_day(ctx, 'express-regulation.complaint-7-days')}）。",
            "indent",
        ),
        _h("七、交涉记录"),
        *courier_dealings(ctx),
        _h("八、证据"),
        _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
        _h("九、法律依据摘录"),
        *basis[:-1],
        KeepTogether(
            [
                *basis[-1:],
                Spacer(1, 10 * mm),
                *_signature(
                    [
                        f"索赔人（盖章）：{merchant.name.strip() or '＿＿＿＿＿＿＿＿'}",
                        "法定代表人/经办人（签名）：＿＿＿＿＿＿＿＿",
                        f"日期：{DATE_BLANK}",
                    ]
                ),
            ]
        ),
    ]
    return story


def complaint_fields(ctx: BundleContext) -> list[_F]:
    """向快递企业投诉日期 and 工单号, and the date the carrier had to answer by (7 days from the complaint, 条例
    art. 28): blanks until the record holds them, never counted from the day the PDF was made."""
    complaint = rules.carrier_complaint(ctx)
    deadline = rules.reply_deadline(ctx)
    return [
        _F("向快递企业投诉日期", fmt_date(complaint.at, ctx.case) if complaint is not None else DATE_BLANK),
        _F("工单号", complaint.ref if complaint is not None else ""),
        _F("应答复日期", fmt_deadline(deadline) if deadline is not None else DATE_BLANK, wide=True),
    ]


NO_DEALINGS = "本案尚未记录与快递企业的交涉（向快递企业投诉、索赔及其答复）。"


def courier_dealings(ctx: BundleContext, *, with_complaint: bool = True, us: str = "索赔人") -> list[Flowable]:
    """The dealings with the carrier (spec §7(d) 8) as a table, then (``with_complaint``) the complaint lodged
    with it. Only the events the reply clock reads as the carrier's (``with_carrier``: said to be with the
    courier, or with no one said and people naming the carrier): the buyer's talks with the merchant's customer
    service are not the carrier's answers. With none recorded the packet says so. ``us``: the claimant as the
    document names it (索赔人, 申诉人), who answered the carrier's proposals."""
    case = ctx.case
    rows: list[tuple[str, str, str, str]] = [("时间", "方式", "内容", "证据")]
    steps: list[tuple[datetime, tuple[str, str, str, str]]] = []
    for e in _timeline(ctx):
        if not with_carrier(case, e):
            continue
        summary = _free(ctx, re.sub(r"\s+", " ", e.summary).strip())
        if e.people.strip():
            summary += f"（参与人员：{_people(ctx, e.people)}）"
        if e.ref.strip():
            summary += f"（编号：{_free(ctx, e.ref.strip())}）"
        steps.append(
            (
                e.at,
                (
                    fmt_event_time(e, case),
                    EVENT_NAMES.get(e.kind, "记录"),
                    blank(summary),
                    _labels(ctx, e.evidence) or "—",
                ),
            )
        )
    # The carrier's proposals (the reply clock reads them as its answers too), their answers and what it paid,
    # each citing the exhibits it was recorded with.
    for when, how, words, evidence in _carrier_handling(ctx, us):
        steps.append((when, (fmt_time(when, case), how, blank(words), _labels(ctx, evidence) or "—")))
    steps.sort(key=lambda step: _sort_key(step[0], case))
    rows += [row for _, row in steps]
    if len(rows) == 1:
        table: Flowable = _p(NO_DEALINGS, "indent")
    else:
        # 方式 wide enough for 投诉/索赔 on one line.
        table = _ruled(rows, [44 * mm, 22 * mm, WIDTH - 44 * mm - 22 * mm - 24 * mm, 24 * mm])
    if not with_complaint:
        return [table]
    return [table, Spacer(1, 2 * mm), _form(complaint_fields(ctx), label_width=38 * mm)]


# How the claimant answered a proposal of the carrier's, as the 交涉记录 says it after the claimant's name.
_ANSWERED_BY = {
    Answer.ACCEPTED: "接受",
    Answer.REJECTED: "拒绝",
    Answer.COUNTERED: "未接受",
}


def _carrier_handling(ctx: BundleContext, us: str) -> list[tuple[datetime, str, str, list[int]]]:
    """The handling records with the carrier — its proposals (快递企业提出) and ``us``'s answers to them, its payments —
    as (time, 方式, 内容, exhibits cited)."""
    flow = ctx.case.workflow
    out: list[tuple[datetime, str, str, list[int]]] = []
    for p in flow.proposals:
        if p.by != "courier":
            continue
        said = _free(ctx, re.sub(r"\s+", " ", p.summary).strip())
        words = "快递企业提出处理方案" + (f"：{said}" if said else "")
        if p.amount is not None:
            words += f"（金额 {fmt_amount(p.amount)}）"
        out.append((p.at, EVENT_NAMES[EventKind.PROPOSAL], words, p.evidence))
        if p.answer is not Answer.PENDING and p.answered_at is not None:
            # The carrier's proposal is answered by the claimant: who answered is said, as who proposed is.
            note = _free(ctx, re.sub(r"\s+", " ", p.answer_note).strip())
            answer = f"{us}{_ANSWERED_BY[p.answer]}快递企业于{fmt_date(p.at, ctx.case)}提出的处理方案"
            if p.answer is Answer.COUNTERED:
                answer += "，另提出方案"
            answer += f"：{note}" if note else ""
            out.append((p.answered_at, "答复", answer, p.answer_evidence))
    for pay in flow.payments:
        if pay.payer != "courier":
            continue
        words = f"快递企业支付 {fmt_amount(pay.amount)}"
        if pay.method.strip():
            words += f"（{_free(ctx, pay.method.strip())}）"
        note = _free(ctx, re.sub(r"\s+", " ", pay.note).strip())
        out.append((pay.at, "赔付", words + (f"：{note}" if note else ""), pay.evidence))
    return out


def courier_law(ctx: BundleContext) -> list[Flowable]:
    """The articles, verbatim from the law table as in force on the packet's day."""
    return [_p(text, "note") for text in law_quotes(ctx, COURIER_LAW_IDS)]


def appeal_conditions_source(ctx: BundleContext) -> str:
    """Where the 12305 conditions come from: the 申诉处理办法's art. 9 when it is in force on the packet's day;
    otherwise that article named as the replaced text it is, beside the instrument in force now, whose own
    conditions could not be read (casefile.core.law: postal-complaint-measures, postal-user-appeal-measures)."""
    day = on_day(ctx)
    if law.printable(APPEAL_CONDITIONS, day):
        return law.cite(APPEAL_CONDITIONS, short=True)
    old = law.cite(APPEAL_CONDITIONS, short=True)
    now = law.cite_on(APPEAL_CONDITIONS, day, short=True)
    return f"见{old}；该办法已由{now}取代，现行条文未能核对，以下条件供参考"


def _three_years(ctx: BundleContext) -> str:
    """The notes' three years (民法典 art. 188: 快递暂行条例 art. 28 sends an uninsured loss, and 邮政法 art. 59
    any 快件 loss, to the civil law, which sets no shorter period for it), worded as the 消协/12315 notes word
    theirs: from the earliest day the record holds, named (寄件, 签收, 发现异常…: the day the claimant knew of the
    harm is not recorded, and the earliest is the safe start, the one the reminder counts from), to the
    corresponding day three years on (民法典 art. 202), printed unmoved: the limitation period is one our user must meet
    (:class:`~casefile.core.workflow.clocks.Bound`), and the words say the day is counted unmoved to be safe."""
    what, start, limit = limitation_from(ctx.case)
    return f"本件记录的最早日期是{what}（{fmt_date(start)}），" + (
        limitation_doubt(ctx.case)
        or limitation_advice(
            ctx.case,
            "主张权利",
            safe_words="自该日起算较为稳妥：如需起诉，请最迟于{limit}提起（为稳妥起见按未顺延的日期计算），宜尽早。",
        )
    )


def _courier_notes(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    shipment = case.shipment
    one_year = fmt_date(_add_years(_day(shipment.shipped_at, case), 1)) if shipment.shipped_at else ""
    three_years = _three_years(ctx)
    art28 = cite_on_day(ctx, "express-regulation.complaint-7-days", short=True)
    art65 = cite_on_day(ctx, "postal-law.65", short=True)
    art30 = cite_on_day(ctx, "express-market-measures.30", short=True, part=True)
    art188 = cite_on_day(ctx, "civil-code.188", short=True)
    complaint = rules.carrier_complaint(ctx)
    deadline = rules.reply_deadline(ctx)
    if complaint is not None and deadline is not None:
        # The carrier's last day as the reply clock counts it (the day included; moved past a rest day, 民法典
        # art. 203, as a deadline the other side must meet: clocks.Bound), the one the appeal's 应答复日期
        # prints: "未得到答复" holds only once it has passed. The claimant's own last days below are unmoved.
        lodged = (
            f"本件向快递企业投诉的日期为 {fmt_date(complaint.at, case)}，"
            f"快递企业最迟应于{fmt_deadline(deadline)}处理并答复；该日届满仍未答复的，即属投诉后7日内未得到答复。"
        )
    else:
        lodged = "本件向快递企业投诉的日期及工单号尚未记录：请在申诉材料中填写，答复期限自该日起算。"
    items = [
        "先向快递企业提出索赔（投诉）并保留记录（日期、工单号、答复）。快递企业应当自接到投诉之日起7日内予以处理"
        f"并告知用户（{art28}）。{lodged}",
        f"对快递企业的处理结果不满意，或者投诉没有得到及时处理的，可以向邮政管理部门申诉（{art65}；{art30}）。",
        f"申诉条件（{appeal_conditions_source(ctx)}）：向快递企业投诉后7日内未得到答复，或者对企业处理和答复不满意，"
        "或者企业投诉渠道不畅通、投诉无人受理；申诉人是寄件人或者收件人（或者其委托人）；有明确的被申诉人和具体的事实根据；"
        "未就同一事项向邮政管理部门申诉过（已申诉过的事项有新增内容的除外）；申诉事项未经人民法院、仲裁机构受理或者处理；"
        "申诉事项发生于与企业产生服务争议或者交寄快件之日起1年之内"
        f"（本件寄件时间 {fmt_date(shipment.shipped_at, case) or DATE_BLANK}，"
        f"按寄件时间计算，请最迟于{one_year or DATE_BLANK}提出申诉，为稳妥起见按未顺延的日期计算）。",
        "申诉渠道（实务做法）：拨打12305；登录国家邮政局申诉网站 sswz.spb.gov.cn；也可通过微信、信函、传真提出。",
        "申诉时通常需要提供（实务做法）：申诉人姓名（名称）、电话、地址；快件号码、寄件时间、寄件人和收件人地址；"
        "被申诉人名称；申诉请求、理由及证据；向企业投诉的日期、工单号和企业处理结果。",
        f"邮政管理部门应当自接到申诉之日起三十日内作出答复（{art65}）。",
        f"诉讼时效：三年，自知道或者应当知道权利受到损害以及义务人之日起计算（{art188}）。{three_years}",
        "证据要点：运单与物流轨迹截图、签收记录、外包装各面照片（运单号可见）、连续不剪辑的开箱视频、破损特写、"
        "快递员出具的破损/开箱记录、重量对比（内件短少时）、商品价值凭证、保价凭证、与快递员及客服的沟通记录。",
    ]
    return [_title("申诉途径与期限"), *_numbered(items, ending=None, last=None)]
