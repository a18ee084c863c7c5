"""(a) 消费投诉书 for a consumer association or 12315, its legal basis and the notes that close
the packet (spec §7(a))."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    LAW_CPL,
    _claims,
    _local,
    _narrative,
    _signature,
    _sort_key,
    fmt_amount,
    fmt_date,
    fmt_time,
    on_day,
)
from casefile.core.bundle.documents.layout import _F, _form, _h, _numbered, _p, _title
from casefile.core.bundle.documents.rules import _FRAUD, _add_years, _bought_online
from casefile.core.model import (
    Case,
    CaseType,
)


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
    if me.email.strip():
        me_fields.append(_F("电子邮箱", me.email))
    if me.id_number.strip():
        me_fields.append(_F("身份证号码", me.id_number))
    shop = "／".join(x for x in (them.store.strip(), txn.platform.strip()) if x)
    story: list[Flowable] = [
        _title("消费投诉书"),
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
                _F("支付方式", txn.payment_method, wide=True),
            ]
        ),
        _h("四、事实与理由"),
        *_narrative(ctx, "与经营者交涉情况"),
        CondPageBreak(40 * mm),
        _h("五、投诉请求"),
        *_claims(ctx, "要求被投诉人", "", ""),
        _h("六、法律依据（条文摘要）"),
        *_consumer_law(case),
    ]
    story.append(
        KeepTogether(
            [
                _h("七、声明"),
                _p(
                    "投诉人保证以上所述情况及所提交的材料真实、合法，如有虚假，愿承担相应的法律责任；"
                    "本投诉事项未同时向人民法院、仲裁机构或其他调解组织提出。",
                    "indent",
                ),
                Spacer(1, 10 * mm),
                *_signature(["投诉人（签名）：＿＿＿＿＿＿＿＿", f"日期：{DATE_BLANK}"]),
            ]
        )
    )
    return story


def _consumer_law(case: Case) -> list[Flowable]:
    """消法 arts. 23/24/25/55 (spec §7(a) ⑥), those that fit the case."""
    cites = [
        (
            "第二十四条",
            "经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，"
            "或者要求经营者履行更换、修理等义务。",
        )
    ]
    if case.type is CaseType.QUALITY:
        cites.insert(
            0,
            (
                "第二十三条",
                "经营者应当保证商品或者服务的质量；耐用商品等自消费者接受之日起六个月内发现瑕疵，"
                "发生争议的，由经营者承担有关瑕疵的举证责任。",
            ),
        )
    if case.type is not CaseType.SERVICE and _bought_online(case):
        cites.append(
            ("第二十五条", "经营者采用网络等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由。")
        )
    text = case.facts + " ".join(d.description for d in case.demands)
    if case.type is CaseType.INFORMATION or _FRAUD.search(text):
        cites.append(
            (
                "第五十五条",
                "经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，"
                "增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。",
            )
        )
    return _numbered([f"{LAW_CPL}{art}：{text}" for art, text in cites], ending=None, last=None)


def _consumer_notes(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    known = [case.complained_at, *(e.at for e in case.timeline)]
    if case.shipment.discovered_at is not None:
        known.append(case.shipment.discovered_at)
    earliest = min(known, key=lambda t: _sort_key(t, case))
    limit = _add_years(_local(earliest, case).date(), 3)
    day = on_day(ctx)

    def same(article_id: str) -> str:
        """同办法第十六条: the number printed on the packet's day (the 投诉举报处理办法 in force since 2026-04-15)."""
        return "同办法" + law.cite_on(article_id, day).split("》", 1)[1]

    items = [
        "投诉时效：自知道或者应当知道权益受到侵害之日起超过三年的投诉，市场监督管理部门不予受理"
        f"（{law.cite_on('complaint-measures.not-accepted', day)}）。"
        f"按本案记录的最早时间（{fmt_date(earliest, case)}）计算，"
        f"请于 {fmt_date(limit)} 之前提出。",
        "不得重复投诉：同一消费者权益争议已经由人民法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会受理或者处理的，"
        f"市场监督管理部门不予受理（{same('complaint-measures.not-accepted')}），请勿就同一事项同时向多个机构提出。",
        "材料要求：投诉须写明投诉人姓名、电话号码、通讯地址等真实身份信息，被投诉人名称（姓名）、地址，"
        f"具体的投诉请求以及相应的消费者权益争议事实依据，并对材料的真实性负责（{same('complaint-measures.materials')}）。",
        "委托他人投诉的，须提交授权委托书原件（载明委托事项、权限和期限，由委托人签名）及受托人身份证明"
        f"（{same('complaint-measures.agent')}）。",
        "消费者协会不留存原件：请提交复印件，原件（含存有电子数据的原始设备或介质）自行妥善保管，以备核对。",
        "处理期限：市场监督管理部门应自收到投诉之日起七个工作日内作出受理或者不予受理的决定"
        f"（{same('complaint-measures.acceptance-7-days')}）；"
        f"自投诉受理之日起六十日内未能达成调解协议的，终止调解（{same('complaint-measures.mediation-ends')}）。",
        "其他途径：消费者与经营者发生消费者权益争议的，可以协商和解，请求消费者协会或者依法成立的其他调解组织调解，"
        "向有关行政部门投诉，根据与经营者达成的仲裁协议提请仲裁，或者向人民法院提起诉讼"
        f"（{LAW_CPL}第三十九条）。",
    ]
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]
