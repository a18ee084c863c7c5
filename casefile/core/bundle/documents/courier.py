"""(d) 快递理赔申请书 with its loss calculation, the dealings with the carrier, the law and the
12305 route (spec §7(d))."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    EVENT_NAMES,
    _carrier,
    _free,
    _labels,
    _local,
    _money,
    _people,
    _signature,
    _timeline,
    fmt_amount,
    fmt_date,
    fmt_time,
    on_day,
)
from casefile.core.bundle.documents.layout import _F, WIDTH, _form, _h, _numbered, _p, _ruled, _title
from casefile.core.bundle.documents.rules import _add_years, loss_table
from casefile.core.bundle.pdfkit import blank


def _courier_claim(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    shipment = case.shipment
    txn = case.transaction
    merchant = ctx.party("respondent")  # the claimant, usually the sender
    customer = ctx.party("complainant")  # the end customer, masked for this venue
    carrier = _carrier(ctx)
    losses = loss_table(ctx)
    insured = "是" if shipment.insured else "否"
    basis = _courier_law(ctx)
    na = "不适用（未保价）"

    story: list[Flowable] = [
        _title("快递理赔申请书"),
        _h("一、索赔人"),
        _form(
            [
                _F("名称", merchant.name, wide=True),
                _F("统一社会信用代码", merchant.id_number),
                _F("联系人", ""),
                _F("电话", merchant.phone),
                _F("法定代表人", merchant.legal_representative),
                _F("地址", merchant.address, wide=True),
            ]
        ),
        _h("二、被索赔人"),
        _form(
            [
                _F("快递企业（品牌/总部）", carrier.name, wide=True),
                _F("统一社会信用代码", carrier.id_number),
                _F("电话", carrier.phone),
                _F("地址", carrier.address, wide=True),
                _F("实际派送网点", shipment.outlet, wide=True),
            ],
        ),
        _h("三、快件信息"),
        _form(
            [
                _F("运单号", shipment.waybill_no),
                _F("寄件时间", fmt_time(shipment.shipped_at, case)),
                _F("网点", shipment.outlet, wide=True),
                _F("收件人", customer.name),
                _F("收件人电话", customer.phone),
                _F("收件地址", customer.address, wide=True),
                _F("品名", txn.product),
                _F("数量", "" if txn.quantity is None else str(txn.quantity)),
                _F("重量", ""),
                _F("运费", fmt_amount(shipment.freight)),
                _F("是否保价", insured),
                _F("保价金额", fmt_amount(shipment.declared_value) if shipment.insured else na),
                _F("保价费", fmt_amount(shipment.insurance_fee) if shipment.insured else na),
                _F("签收时间", fmt_time(shipment.signed_at, case)),
                _F("签收人", ctx.third_party_name(shipment.signer)),
                _F("签收方式", _free(ctx, shipment.delivery_mode)),
            ]
        ),
        _h("四、异常情况"),
        _form(
            [
                _F("异常类型", _free(ctx, shipment.exception_type), wide=True),
                _F("发现时间", fmt_time(shipment.discovered_at, case)),
                _F("发现经过", ""),
                _F("当面验收情况", "□ 当场拒收　□ 当场提出异议　□ 未当面验视", wide=True),
                _F("未经同意投递至快递柜/驿站", "□ 是　□ 否", wide=True),
            ],
        ),
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
            f"请于收到本申请之日起7日内书面答复（{law.cite_on('express-regulation.complaint-7-days', on_day(ctx))}）。",
            "indent",
        ),
        _h("七、交涉记录"),
        *_courier_dealings(ctx),
        _h("八、证据"),
        _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
        _h("九、法律依据摘录"),
        *basis[:-1],
        KeepTogether(
            [
                basis[-1],
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


def _courier_dealings(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    rows: list[tuple[str, str, str, str]] = [("时间", "方式", "内容", "证据")]
    for e in _timeline(ctx):
        summary = _free(ctx, re.sub(r"\s+", " ", e.summary).strip())
        if e.people.strip():
            summary += f"（参与人员：{_people(ctx, e.people)}）"
        rows.append(
            (fmt_time(e.at, case), EVENT_NAMES.get(e.kind, "其他"), blank(summary), _labels(ctx, e.evidence) or "—")
        )
    if len(rows) == 1:
        rows += [("＿＿＿＿", "＿＿＿＿", "＿＿＿＿＿＿＿＿", "＿＿＿＿")] * 2
    return [
        _ruled(rows, [44 * mm, 20 * mm, WIDTH - 44 * mm - 20 * mm - 24 * mm, 24 * mm]),
        Spacer(1, 2 * mm),
        _p("向快递企业投诉日期：＿＿＿＿年＿＿月＿＿日　　工单号：＿＿＿＿＿＿＿＿＿＿＿＿", "indent"),
    ]


def _courier_law(ctx: BundleContext) -> list[Flowable]:
    """The articles the claim relies on; the 快递暂行条例's come from the law table, numbered as in force on the
    day the packet is made (the 2025 amendment moved them by one)."""
    day = on_day(ctx)
    items = [
        f"{law.cite_on(article_id, day, with_part=True)}：{law.article(article_id).quote}"
        for article_id in (
            "express-regulation.claim-against-brand",
            "express-regulation.compensation",
            "express-regulation.complaint-7-days",
        )
    ] + [
        "《快递市场管理办法》第二十七条：投递快件应当告知收件人有权当面验收快件；快递包装出现明显破损或者内件物品为易碎品的，"
        "应当告知收件人可以查看内件物品或者拒收快件。",
        "《快递市场管理办法》第二十八条：收件人可以签字或者其他易于辨认、保存的明示方式确认收到快件；经营快递业务的企业"
        "未经用户同意，不得代为确认收到快件，不得擅自将快件投递到智能快件箱、快递服务站等快递末端服务设施。",
        "《快递市场管理办法》第三十条：用户对投诉处理结果不满意或者投诉没有得到及时处理的，可以提出快递服务质量申诉；"
        "邮政管理部门对申诉实施调解。",
        "《中华人民共和国邮政法》第五十九条：该法第四十五条第二款关于邮件的损失赔偿的规定（邮政普遍服务业务范围以外的邮件的"
        "损失赔偿，适用有关民事法律的规定），适用于快件的损失赔偿。",
        "《中华人民共和国邮政法》第六十五条：用户对处理结果不满意的，可以向邮政管理部门申诉，"
        "邮政管理部门应当自接到申诉之日起三十日内作出答复。",
    ]
    return [_p(t, "note") for t in items]


def _courier_notes(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    shipment = case.shipment
    one_year = fmt_date(_add_years(_local(shipment.shipped_at, case).date(), 1)) if shipment.shipped_at else ""
    known = shipment.discovered_at or shipment.signed_at
    three_years = fmt_date(_add_years(_local(known, case).date(), 3)) if known else ""
    items = [
        "先向快递企业提出索赔并保留记录（日期、工单号、答复）。快递企业应在7日内处理"
        f"（{law.cite_on('express-regulation.complaint-7-days', on_day(ctx))}）。"
        "自快递企业收到索赔之日起7日内未获答复或对处理结果不满意的，可以向邮政管理部门申诉。",
        "申诉渠道：拨打12305；登录国家邮政局申诉网站 sswz.spb.gov.cn；也可通过微信、信函、传真提出。",
        "申诉条件：已先向快递企业投诉且7日内未获答复（国际快件为60日）或对处理结果不满意；自交寄快件之日或者争议发生之日起"
        f"一年内提出（本件寄件时间 {fmt_date(shipment.shipped_at, case) or DATE_BLANK}，"
        f"对应期限 {one_year or DATE_BLANK}）；同一事项未经人民法院、仲裁机构受理；不属于重复申诉。",
        "申诉须写明：申诉人姓名（名称）、电话、地址、邮编；被申诉人名称、地址；申诉请求、理由及证据；申诉日期；"
        "并附向快递企业投诉的日期和工单号。",
        "邮政管理部门应自接到申诉之日起三十日内作出答复（《中华人民共和国邮政法》第六十五条）。",
        "诉讼时效：三年，自知道或者应当知道权利受到损害以及义务人之日起计算（《中华人民共和国民法典》第一百八十八条）"
        f"；按本件发现异常（或签收）时间计算，为 {three_years or DATE_BLANK} 前。",
        "证据要点：运单与物流轨迹截图、签收记录、外包装各面照片（运单号可见）、连续不剪辑的开箱视频、破损特写、"
        "快递员出具的破损/开箱记录、重量对比（内件短少时）、商品价值凭证、保价凭证、与快递员及客服的沟通记录。",
    ]
    return [_title("申诉途径与期限"), *_numbered(items, ending=None, last=None)]
