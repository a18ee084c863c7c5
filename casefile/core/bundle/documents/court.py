"""(c) 民事起诉状, 送达地址确认书 and the notes that close the court packet (spec §7(c))."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    _claims,
    _closing_block,
    _defendants,
    _demand_total,
    _narrative,
    _party_fields,
    _party_paragraph,
    _role_names,
    fmt_amount,
)
from casefile.core.bundle.documents.layout import WIDTH, _h, _numbered, _p, _Para, _st, _title
from casefile.core.bundle.documents.rules import case_cause
from casefile.core.bundle.pdfkit import FONT, blank, esc


def _civil_complaint(ctx: BundleContext) -> list[Flowable]:
    me = ctx.party("complainant")
    defendants = _defendants(ctx)
    story: list[Flowable] = [
        _title("民事起诉状"),
        _party_paragraph("原告", _party_fields(ctx, me, full_person=True, service=True), me.name),
    ]
    for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True):
        story.append(_party_paragraph(role, _party_fields(ctx, p, full_person=False, service=False), p.name))
    story += [
        _h("诉讼请求："),
        *_claims(ctx, "判令被告", "向原告", "本案诉讼费用由被告承担"),
        _h("事实与理由："),
        *_narrative(ctx, "原告与被告协商情况"),
        _closing_block(
            [
                _p(
                    "为维护原告的合法权益，依照《中华人民共和国民事诉讼法》第一百二十二条之规定，"
                    "特向贵院提起诉讼，请依法判决。",
                    "indent",
                ),
                _h("证据和证据来源，证人姓名和住所："),
                _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
            ],
            "此致",
            "＿＿＿＿＿＿＿＿人民法院",
            "具状人（签名/盖章/按印）：",
            ctx,
            [
                f"本状副本 {len(defendants)} 份",
                f"证据目录及证据 共 {len(ctx.entries)} 件",
                "原告身份证明材料",
                "被告主体资格证明（企业信用信息公示报告等）",
            ],
        ),
    ]
    return story


def _service_address_form(ctx: BundleContext) -> list[Flowable]:
    """送达地址确认书: a form for the plaintiff to fill in and sign (spec §7(c) 4)."""
    me = ctx.party("complainant")
    st = _st()
    rows: list[list[Any]] = [
        ["案号", "＿＿＿＿＿＿＿＿（立案后填写）"],
        ["案由", case_cause(ctx.case)],
        ["受送达人", f"{blank(me.name)}（原告）"],
        ["送达地址", "＿" * 24],
        ["邮政编码", "＿" * 8],
        ["收件人", "＿" * 8],
        ["收件人联系电话", "＿" * 12],
        ["是否同意电子送达", "□ 同意　　□ 不同意"],
        ["电子送达方式", "□ 手机短信　□ 电子邮箱　□ 即时通讯账号　　号码/地址：＿＿＿＿＿＿＿＿＿＿"],
        [
            "告知事项",
            "1. 受送达人应当如实提供送达地址及联系方式，并对其真实性、准确性负责。\n"
            "2. 送达地址或联系方式发生变更的，应当及时书面告知人民法院；未及时告知的，原地址仍视为有效送达地址。\n"
            "3. 因提供的送达地址不准确、拒不提供送达地址、送达地址变更未及时告知，或者本人、指定的代收人拒绝签收，"
            "导致诉讼文书未能被实际接收的，诉讼文书退回之日视为送达之日，由此产生的法律后果由受送达人承担。",
        ],
        [
            "受送达人确认",
            "我已阅读上述告知事项，确认以上送达地址及方式。\n\n受送达人（签名/盖章）：＿＿＿＿＿＿＿＿\n\n"
            + DATE_BLANK,
        ],
    ]
    body = [[_Para(esc(a), st["form_label"]), _Para(esc(b), st["form"])] for a, b in rows]
    table = Table(body, colWidths=[38 * mm, WIDTH - 38 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [_title("送达地址确认书"), Spacer(1, 2 * mm), table]


def _court_notes(ctx: BundleContext) -> list[Flowable]:
    total = _demand_total(ctx)
    amount = fmt_amount(total) if total is not None else "＿＿＿＿＿＿ 元"
    items = [
        f"小额诉讼提示：本案请求金额合计 {amount}。事实清楚、权利义务关系明确、争议不大的简单金钱给付案件，"
        "标的额为各省、自治区、直辖市上年度就业人员年平均工资百分之五十以下的，适用小额诉讼的程序审理，实行一审终审"
        "（《中华人民共和国民事诉讼法》第一百六十五条）。请以受诉法院所在省份公布的上年度数据核对。",
        "起诉状副本：按被告人数提交副本（《中华人民共和国民事诉讼法》第一百二十三条），"
        f"本案被告 {len(_defendants(ctx))} 名。",
        "身份材料：原告身份证复印件；被告为企业的，附其企业信用信息公示报告打印件。",
        "送达地址确认书：填写并签名后随起诉状一并提交。",
        "证据目录须签名或盖章并注明提交日期，按对方当事人人数提交副本（《最高人民法院关于民事诉讼证据的若干规定》第十九条）；"
        "电子证据请携带原始设备或介质以备核对。",
        "诉讼时效：向人民法院请求保护民事权利的诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算"
        "（《中华人民共和国民法典》第一百八十八条）。",
    ]
    return [_title("立案提示"), *_numbered(items, ending=None, last=None)]
