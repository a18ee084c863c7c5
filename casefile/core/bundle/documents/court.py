"""(c) 民事起诉状, its copies for the defendants, 送达地址确认书 and the notes that close the court
packet (spec §7(c)).

For a sale (买卖合同纠纷, 信息网络买卖合同纠纷) the complaint is the element-style form the Supreme
People's Court, the Ministry of Justice and the lawyers' association published for 买卖合同纠纷
(法〔2025〕82号, in use from 2025-07-14; field by field in docs/pleading-templates.md §1.2): the same
elements in the same order, a box ticked (■) only where the record holds the user's answer, every
other box left empty (□) to tick by hand, except 是否主张诉讼费用 (是, the costs claimed, unless the user
answered 否), and followed by the ending of a complaint (此致, the court, 附) that the spec asks for. Other causes have
no official form and get the free-text complaint of 民诉法 art. 124. Both speak of the plaintiff in
the third person.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from casefile.core import law
from casefile.core.bundle import agreements
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.attorney import agent_fields
from casefile.core.bundle.documents.claims import Claim, bases, claim_total, claims, money
from casefile.core.bundle.documents.common import (
    COURT,
    DATE_BLANK,
    Dealing,
    _closing_block,
    _dealing_lines,
    _defendants,
    _handling_dealings,
    _narrative,
    _party_fields,
    _party_paragraph,
    _role_names,
    _stage_dealings,
    _told,
    birth_date,
    claims_costs,
    copies_for,
    fmt_amount,
    fmt_time,
    on_day,
    storage_medium,
    third_person,
)
from casefile.core.bundle.documents.layout import WIDTH, _h, _numbered, _p, _Para, _st, _title, ruled_style
from casefile.core.bundle.documents.rules import CONTRACT_CAUSES, case_cause, filed_with
from casefile.core.bundle.pdfkit import FormTable, blank, esc
from casefile.core.model import AgentAuthority, CaseType, EventKind, Party, PartyKind
from casefile.core.record.timeline import with_respondent

LINE = "＿＿＿＿＿＿"
TICKED, EMPTY = "■", "□"
LABEL_WIDTH = 40 * mm
COSTS = "本案诉讼费用由被告承担"  # the claim for the costs (see claims_costs)


def _v(value: str) -> str:
    return value.strip() or LINE


# How item 13 tells a dealing with the defendant the timeline records, before what was said.
_TALKS = {
    EventKind.CALL: "原告与被告电话沟通",
    EventKind.CHAT: "原告与被告在线沟通",
    EventKind.VISIT: "原告与被告当面协商",
    EventKind.EMAIL: "原告与被告通过电子邮件沟通",
    EventKind.COMPLAINT: "原告向被告提出投诉/索赔",
}


def _talks(ctx: BundleContext) -> list[Dealing]:
    """The dealings with the defendant the timeline records (casefile.core.record.timeline.with_respondent), and its
    proposals and confirmations whoever made them: what was said, as the packet tells the record's notes."""
    out = []
    for e in ctx.case.timeline:
        if e.kind not in (EventKind.PROPOSAL, EventKind.CONFIRMATION) and not with_respondent(ctx.case, e):
            continue
        said = _told(ctx, e.summary, COURT)
        how = _TALKS.get(e.kind, "")
        text = "：".join(t for t in (how, said) if t) or "＿＿＿＿＿＿"
        out.append(Dealing(e.at, text, tuple(e.evidence), e.date_only))
    return out


def _box(label: str, ticked: bool) -> str:
    """一般授权■ / 一般授权□: ticked only from the user's answer."""
    return f"{label}{TICKED if ticked else EMPTY}"


def _boxes(*options: tuple[str, bool]) -> str:
    return "　".join(_box(label, ticked) for label, ticked in options)


def _ymd(text: str) -> str:
    """A birth date as the form's 年月日; blanks when it cannot be read."""
    born = birth_date(text)
    return f"{born.year}年{born.month}月{born.day}日" if born else "＿＿＿＿年＿＿月＿＿日"


# --------------------------------------------------------------------------- the element-style form


Row = tuple[str, Any]  # ("band", title) | ("note", text) | ("wide", lines) | (label, lines)


def _cell(lines: str | Sequence[str | Flowable]) -> list[Flowable]:
    """A cell's content: lines of plain text, or flowables as they are (the narrative)."""
    if isinstance(lines, str):
        lines = [lines]
    return [line if isinstance(line, Flowable) else _p(line, "form") for line in lines] or [_p("")]


def _form_table(rows: Sequence[Row]) -> Table:
    """One section of the form as a bordered table: its band (the section's title, repeated when
    the section runs onto the next page), then a label column and a content column. Rows are
    never split across pages (a split row leaves an empty sliver); the one text that can run
    longer than a page, the statement of facts, is set between tables (see _element_complaint)."""
    st = _st()
    body: list[list[Any]] = []
    commands = ruled_style()
    for r, (label, content) in enumerate(rows):
        if label == "band":
            body.append([_Para(esc(content), st["band"]), ""])
            commands += [("SPAN", (0, r), (1, r)), ("BACKGROUND", (0, r), (1, r), colors.HexColor("#f0f0f0"))]
        elif label in ("note", "wide"):
            body.append([_cell(content), ""])
            commands.append(("SPAN", (0, r), (1, r)))
        else:
            body.append([_Para(esc(label), st["form_label"]), _cell(content)])
    banded = bool(rows) and rows[0][0] == "band"
    table = FormTable(body, colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH], repeatRows=1 if banded else 0)
    table.setStyle(TableStyle(commands))
    return table


def _person_lines(p: Party) -> list[str]:
    gender = p.gender.strip()
    number = p.id_number.strip()
    # An 18-character number that passed its check digit is a resident ID; 81/82/83 are the 港澳台
    # residence permits, whose type the user states.
    id_type = "居民身份证" if len(number) == 18 and not number.startswith("8") else LINE
    return [
        f"姓名：{_v(p.name)}",
        f"性别：{_boxes(('男', gender == '男'), ('女', gender == '女'))}",
        f"出生日期：{_ymd(p.birth_date)}　民族：{_v(p.ethnicity)}",
        f"工作单位：{_v(p.employer)}　职务：{LINE}　联系电话：{_v(p.phone)}",
        f"住所地（户籍所在地）：{_v(p.address)}",
        f"经常居住地：{LINE}",
        f"证件类型：{id_type}　证件号码：{_v(number)}",
    ]


_ORG_TYPES = (
    ("有限责任公司", "其他企业法人", "社会服务机构"),
    ("股份有限公司", "上市公司"),
    ("事业单位", "社会团体", "基金会"),
    ("机关法人", "农村集体经济组织法人"),
    ("城镇农村的合作经济组织法人", "基层群众性自治组织法人"),
    ("个人独资企业", "合伙企业", "不具有法人资格的专业服务机构"),
)


def _organisation_lines(p: Party) -> list[str]:
    kinds = ["类型：" + "　".join(_box(k, False) for k in _ORG_TYPES[0])]
    kinds += ["　　　" + "　".join(_box(k, False) for k in line) for line in _ORG_TYPES[1:]]
    return [
        f"名称：{_v(p.name)}",
        f"住所地（主要办事机构所在地）：{_v(p.address)}",
        f"注册地／登记地：{LINE}",
        f"法定代表人／负责人：{_v(p.legal_representative)}　统一社会信用代码：{_v(p.id_number)}",
        f"职务：{_v(p.representative_title)}　联系电话：{_v(p.phone)}",
        *kinds,
        f"所有制性质：国有□（控股□　参股□）　民营□　其他{LINE}",
    ]


def _party_rows(role: str, p: Party) -> Row:
    if p.kind is PartyKind.ORGANISATION:
        return (f"{role}（法人、非法人组织）", _organisation_lines(p))
    return (f"{role}（自然人）", _person_lines(p))


def _agent_row(ctx: BundleContext) -> Row:
    agent = ctx.case.agent
    present = agent is not None and not agent.is_empty()
    if agent is None or not present:
        # Not entered: neither box ticked (a case without an agent says so by ticking 无 by hand).
        lines = ["有□", f"姓名：{LINE}", f"单位：{LINE}　职务：{LINE}　联系电话：{LINE}"]
        lines += [f"代理权限：一般授权□　特别授权□　{LINE}", "无□"]
        return ("委托诉讼代理人", lines)
    special = agent.authority is AgentAuthority.SPECIAL
    powers = "详见授权委托书" if special else LINE
    return (
        "委托诉讼代理人",
        [
            _box("有", True),
            f"姓名：{_v(agent.name)}",
            f"单位：{_v(agent.employer)}　职务：{LINE}　联系电话：{_v(agent.phone)}",
            "代理权限："
            + _boxes(("一般授权", agent.authority is AgentAuthority.GENERAL), ("特别授权", special))
            + f"　{powers}",
            _box("无", False),
        ],
    )


def _claim_rows(ctx: BundleContext, items: list[Claim]) -> list[Row]:
    kinds = {c.kind for c in items}
    compensation = [c for c in items if c.kind == "compensation"]
    loss = claim_total(compensation) if compensation else None
    others = [c for c in items if c.kind in ("refund", "punitive", "apology", "other")]
    defect = kinds & {"repair", "exchange", "refund"}
    total = claim_total(items)
    numbered = [f"{i}. 判令{c.text}。" for i, c in enumerate(items, 1)]
    # The costs are the last claim, and 是 in row 8; the user's 否 leaves them out and ticks 否.
    costs = claims_costs(ctx)
    if costs:
        numbered.append(f"{len(numbered) + 1}. {COSTS}。")
    return [
        ("band", "诉讼请求"),
        ("note", "（原告为卖方时，填写第1项、第2项；原告为买方时，填写第3项、第4项；第5项至第10项为共同项）"),
        ("wide", ["（可完整表述诉讼请求；为方便、准确梳理要点，相关内容请在下方要素式表格中填写）", *numbered]),
        ("1. 给付价款（元）", "＿＿元（人民币，下同；如外币需特别注明）"),
        (
            "2. 迟延给付价款的利息（违约金）",
            [
                "截至＿＿年＿＿月＿＿日止，迟延给付价款的利息＿＿元、违约金＿＿元，自＿＿之后的逾期利息、违约金，"
                "以＿＿元为基数按照＿＿标准计算；",
                "计算方式：",
                "是否请求支付至实际清偿之日止：是□　否□",
            ],
        ),
        (
            "3. 赔偿因卖方违约所受的损失",
            [
                f"支付赔偿金{money(loss) if compensation else '＿＿元'}",
                "违约类型：迟延履行□　不履行□　其他□",
                "具体情形：" + "；".join(c.text for c in compensation),
                "损失计算依据：" + "；".join(c.basis for c in compensation if c.basis),
            ],
        ),
        (
            "4. 是否对标的物的瑕疵承担责任",
            [
                _box("是", bool(defect))
                + "　"
                + _boxes(
                    ("修理", "repair" in kinds),
                    ("重作", False),
                    ("更换", "exchange" in kinds),
                    ("退货", "refund" in kinds),
                    ("减少价款或者报酬", False),
                ),
                "其他□：",
                "否□",
            ],
        ),
        (
            "5. 要求继续履行或者解除合同",
            [
                "继续履行□　＿＿日内履行完毕付款□　供货□　义务",
                _box("判令解除合同", "rescind" in kinds),
                "确认买卖合同已于＿＿年＿＿月＿＿日解除□",
            ],
        ),
        ("6. 是否主张担保权利", ["是□　内容：", "否□"]),
        ("7. 是否主张实现债权的费用", ["是□　费用明细：", "否□"]),
        ("8. 是否主张诉讼费用", _boxes(("是", costs), ("否", not costs))),
        ("9. 其他请求", [f"判令{c.text}" for c in others]),
        ("10. 标的总额", money(total) if total is not None else ""),
    ]


_STANDING = {
    agreements.INVALID: "原告认为该约定无效",
    agreements.WAIVED: "双方已放弃该约定",
}


def _agreement_terms(ctx: BundleContext) -> str:
    """合同条款及内容 from the case's arbitration agreements: each named as the packet numbers it
    (证据8《购买须知第八条（仲裁条款）》), and, for one marked invalid or waived, the plaintiff's
    position with the reason the user recorded; "" when the case holds none."""
    printed = {(entry.original or entry.exhibit).number: entry for entry in ctx.entries}
    sentences: list[str] = []
    for agreement in agreements.agreements(ctx.case):
        entry = printed.get(agreement.number)
        title = (entry.exhibit if entry is not None else agreement).title.strip()
        if title and not (title.startswith("《") and title.endswith("》")):
            title = f"《{title}》"
        name = (entry.name if entry is not None else "") + title
        sentence = f"{name}约定仲裁" if name else "双方订有仲裁协议"
        standing = _STANDING.get(agreement.agreement_status)
        if standing:
            reason = agreement.agreement_reason.strip().rstrip("。．.；;，,、 ")
            sentence += f"；{standing}" + (f"：{reason}" if reason else "")
        sentences.append(sentence + "。")
    return "".join(sentences)


def _jurisdiction(ctx: BundleContext) -> tuple[bool | None, str]:
    """有无仲裁、法院管辖约定 and 合同条款及内容: the user's answer and words where given; else, when the
    case holds an arbitration agreement, 有 and the agreement as :func:`_agreement_terms` words it."""
    filing = ctx.case.filing
    clause = filing.jurisdiction_clause if filing else None
    terms = filing.jurisdiction_terms.strip() if filing else ""
    if clause is False:
        return clause, terms  # the user's 无 stands (the preflight warns when an agreement is on file)
    held = _agreement_terms(ctx)
    if not held:
        return clause, terms
    return True, terms or held  # the user's own words where given


def _filing_rows(ctx: BundleContext) -> list[Row]:
    filing = ctx.case.filing
    clause, terms = _jurisdiction(ctx)
    kept = filing.preservation if filing else None
    detail = filing.preservation_detail.strip() if filing else ""
    return [
        ("band", "约定管辖和诉前保全"),
        (
            "1. 有无仲裁、法院管辖约定",
            [f"{_box('有', clause is True)}　合同条款及内容：{terms}", _box("无", clause is False)],
        ),
        (
            "2. 是否已经诉前保全",
            [
                f"{_box('是', kept is True)}　保全法院：　保全时间：",
                "保全案号：" + (detail if kept else ""),
                _box("否", kept is False),
                "（如申请诉讼保全，请另行提交诉讼保全申请及相关材料）",
            ],
        ),
    ]


def _narrative_lines(ctx: BundleContext) -> list[Flowable]:
    return _narrative(ctx, "原告与被告协商情况", COURT)


def _fact_rows(ctx: BundleContext, items: list[Claim], defendants: list[Party]) -> list[Row]:
    case = ctx.case
    txn = case.transaction
    ship = case.shipment
    day = on_day(ctx)
    seller = defendants[0]
    plaintiff = ctx.party("complainant")
    bought = "".join(
        (
            f"原告于{fmt_time(txn.purchased_at, case)}" if txn.purchased_at else "原告",
            f"通过{txn.platform.strip()}" if txn.platform.strip() else "",
            "向被告购买商品",
        )
    )
    if txn.order_no.strip():
        bought += f"，订单号{txn.order_no.strip()}"
    if not (txn.purchased_at or txn.platform.strip() or txn.order_no.strip()):
        bought = ""
    goods = "，".join(
        x
        for x in (
            f"标的物名称：{txn.product.strip()}" if txn.product.strip() else "",
            f"品牌型号规格：{txn.brand_model.strip()}" if txn.brand_model.strip() else "",
            f"数量：{txn.quantity}" if txn.quantity is not None else "",
        )
        if x
    )
    unit = ""
    if txn.amount is not None and txn.quantity:
        each = (txn.amount / txn.quantity).quantize(Decimal("0.01"))
        if each * txn.quantity == txn.amount:  # only an exact unit price
            unit = f"{each:,.2f}"
    delivery = "，".join(
        x
        for x in (
            f"承运快递：{ship.carrier.strip()}" if ship.carrier.strip() else "",
            f"运单号：{ship.waybill_no.strip()}" if ship.waybill_no.strip() else "",
            f"签收时间：{fmt_time(ship.signed_at, case)}" if ship.signed_at else "",
            f"原告收货时间：{fmt_time(txn.received_at, case)}" if txn.received_at else "",
        )
        if x
    )
    paid = f"{txn.amount:,.2f}" if txn.amount is not None else "＿＿"
    quality = case.type is CaseType.QUALITY
    facts = third_person(case.facts.strip(), COURT.us, COURT.them).splitlines()[0] if case.facts.strip() else ""
    # The course of dealings in date order — stage notes, proposals and answers, proceedings and their results, the
    # outcome, payments, and what the timeline records of the dealings with the defendant (calls, chats, visits,
    # letters, a complaint made to it) and of proposals and confirmations — each citing its exhibits.
    dealings = _dealing_lines(ctx, _stage_dealings(ctx, COURT) + _handling_dealings(ctx, COURT) + _talks(ctx))
    compensation = [c for c in items if c.kind in ("compensation", "punitive")]
    comp_total = claim_total(compensation) if compensation else None
    written, cited = bases(items, day)
    return [
        ("band", "事实与理由"),
        ("wide", ["（可完整表述纠纷涉及的事实与理由；为方便、准确梳理要点，相关内容请在下方要素式表格中填写）"]),
        ("narrative", None),
        (
            "1. 合同的签订情况（名称、编号、签订时间、地点等；如无书面合同，请注明“无书面合同”）",
            bought + ("。" if bought else ""),
        ),
        (
            "2. 合同主体",
            [
                f"出卖人（卖方）：{_v(seller.name)}"
                + (f"（店铺：{seller.store.strip()}）" if seller.store.strip() else ""),
                f"买受人（买方）：{_v(plaintiff.name)}",
            ],
        ),
        ("3. 买卖标的物情况（标的物名称、规格、质量、数量等）", goods),
        (
            "4. 合同约定的价格及支付方式",
            [
                f"单价{unit or '＿＿'}元；总价{paid}元；",
                "以现金□　转账□　票据□（写明票据类型）　其他□　方式"
                + (f"（记录的支付方式：{txn.payment_method.strip()}）" if txn.payment_method.strip() else ""),
                "一次性□　分期□　支付",
                "分期方式：",
            ],
        ),
        ("5. 合同约定的交货时间、地点、方式、风险承担、安装、调试、验收", delivery),
        ("6. 合同约定的质量标准及检验方式、质量异议期限", ""),
        (
            "7. 合同约定的违约金（定金）",
            [
                "违约金□＿＿元（合同条款：第＿＿条）",
                "定金□＿＿元（合同条款：第＿＿条）",
                "迟延履行违约金□＿＿%／日（合同条款：第＿＿条）",
            ],
        ),
        (
            "8. 价款支付及标的物交付情况",
            [
                f"按期支付价款{paid}元，逾期付款＿＿元，逾期未付款＿＿元",
                "按期交付标的物＿＿件，逾期交付＿＿件，逾期未交付＿＿件",
            ],
        ),
        ("9. 是否存在迟延履行", ["是□　迟延时间：　逾期付款□　逾期交货□", "否□"]),
        ("10. 是否催促过履行", ["是□　催促情况：＿＿年＿＿月＿＿日通过＿＿方式进行了催促", "否□"]),
        ("11. 买卖合同标的物有无质量争议", [f"{_box('有', quality)}　具体情况：{facts if quality else ''}", "无□"]),
        ("12. 标的物质量规格或履行方式是否存在不符合约定的情况", ["是□　具体情况：", "否□"]),
        (
            "13. 是否曾就标的物质量问题进行协商",
            [f"{_box('是', bool(dealings))}　具体情况：" + ("；".join(dealings)), "否□"],
        ),
        ("14. 是否通知解除合同", ["是□　具体情况：", "否□"]),
        (
            "15. 被告应当支付的利息、违约金、赔偿金",
            [
                "利息□＿＿元",
                "违约金□＿＿元",
                f"赔偿金{_box('', bool(compensation))}{money(comp_total) if compensation else '＿＿元'}",
                f"共计{money(comp_total) if compensation else '＿＿元'}　计算方式："
                + "；".join(c.basis for c in compensation if c.basis),
            ],
        ),
        ("16. 是否签订物的担保（抵押、质押）合同", ["是□　签订时间：", "否□"]),
        ("17. 担保人、担保物", "担保人：　担保物："),
        ("18. 是否最高额担保（抵押、质押）", ["是□　担保债权的确定时间：", "担保额度：", "否□"]),
        ("19. 是否办理抵押、质押登记", ["是□　正式登记□", "预告登记□", "否□"]),
        ("20. 是否签订保证合同", ["是□　签订时间：　保证人：　主要内容：", "否□"]),
        ("21. 保证方式", ["一般保证□", "连带责任保证□"]),
        ("22. 其他担保方式", ["是□　形式：", "否□"]),
        ("23. 请求承担责任的依据", ["合同约定：", "法律规定：" + "；".join(written + cited)]),
        ("24. 其他需要说明的内容（可另附页）", ""),
        ("25. 证据清单（可另附页）", f"详见证据目录（共{len(ctx.entries)}件）。"),
    ]


def _with_narrative(ctx: BundleContext, rows: list[Row]) -> list[Flowable]:
    """The 事实与理由 section: its band and instruction, the statement of facts as running text
    (it may fill pages), then the elements, their table headed by the band again."""
    at = next(i for i, (label, _) in enumerate(rows) if label == "narrative")
    return [
        _form_table(rows[:at]),
        Spacer(1, 2 * mm),
        *_narrative_lines(ctx),
        Spacer(1, 2 * mm),
        _form_table([rows[0], *rows[at + 1 :]]),
    ]


_MEDIATION_POINTS = (
    "1. 立案后选择先行调解的，可以很快启动调解程序。如不同意调解，法院将依程序开庭审理案件，"
    "但可能需要经过较长一段时间的排期等待，且审理、执行周期相对较长。",
    "2. 选择先行调解，调解成功且自动履行的免交诉讼费用，申请司法确认的不交纳诉讼费用，"
    "要求出具调解书的减半交纳诉讼费用。",
    "3. 首次调解不成功，但仍有继续调解意愿的，可以选择更换调解组织和调解员再进行调解。"
    "调解无法达成一致意见的，法院将依程序排期开庭。",
    "4. 依照法律规定，调解具有保密性要求，调解过程不公开，调解协议未经当事人同意不得公开。",
    "5. 调解达成的协议具有法律效力，可以依照法律规定申请司法确认，具有强制执行效力。",
)


def _mediation_rows(ctx: BundleContext) -> list[Row]:
    filing = ctx.case.filing
    understood = filing.mediation_understood if filing else None
    wish = filing.mediation.value if filing and filing.mediation else ""
    knows = _boxes(("了解", understood is True), ("不了解", understood is False))
    m2: list[str] = []
    for point in _MEDIATION_POINTS:
        m2 += [point, knows]
    return [
        ("band", "对纠纷解决方式的意愿"),
        ("是否了解调解作为非诉讼纠纷解决方式，能及时、高效、低成本、不伤和气地解决纠纷", knows),
        ("是否了解先行调解解决纠纷的好处", m2),
        (
            "是否考虑先行调解",
            [_boxes(("是", wish == "yes"), ("否", wish == "no")), _box("暂不确定，想要了解更多内容", wish == "unsure")],
        ),
    ]


_INSTRUCTIONS = (
    "为了方便您更好地参加诉讼，保护您的合法权利，请填写本表。",
    "1. 起诉时需向人民法院提交证明您身份的材料，如身份证复印件、营业执照复印件等。",
    "2. 本表所列内容是您参加诉讼以及人民法院查明案件事实所需，请务必如实填写。",
    "3. 本表有些内容可能与您的案件无关，您认为与案件无关的项目可以填“无”或不填；对于本表中勾选项可以在对应项打“√”；"
    "您认为另有重要内容需要列明的，可以另附页填写。",
    "4. 本表word电子版填写时，相关栏目可复制粘贴或扩容，但不得改变要素内容、格式设置。"
    "例如，多原告、多被告或多委托诉讼代理人等情况，可根据实际情况复制粘贴；需填写文字较多时，可根据实际对栏目进行扩容等。",
)


def _element_complaint(ctx: BundleContext, copy_for: str = "") -> list[Flowable]:
    """民事起诉状（买卖合同纠纷）, the 2025 element-style form, filled from the record."""
    defendants = _defendants(ctx)
    items = claims(ctx, COURT)
    parties: list[Row] = [("band", "当事人信息"), _party_rows("原告", ctx.party("complainant")), _agent_row(ctx)]
    for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True):
        parties.append(_party_rows(role, p))
    story: list[Flowable] = [
        *_copy_mark(copy_for),
        _title("民事起诉状"),
        _p("（买卖合同纠纷）", "subtitle"),
        _p("说明：", "h2"),
        *[_p(line, "note") for line in _INSTRUCTIONS],
        _p("★特别提示★", "center"),
        _p("诉讼参加人应遵守诚信原则如实认真填写表格。", "note"),
        _p("如果诉讼参加人违反有关规定，虚假诉讼、恶意诉讼、滥用诉权，人民法院将视违法情形依法追究责任。", "note"),
        Spacer(1, 3 * mm),
        _form_table(parties),
        _form_table(_claim_rows(ctx, items)),
        _form_table(_filing_rows(ctx)),
        *_with_narrative(ctx, _fact_rows(ctx, items, defendants)),
        # The last section and the ending stay together: a signature never stands alone on a page.
        # The form itself ends with the signature; the addressee and the attachments a complaint
        # states (民诉法 art. 123: a copy per defendant) come before it, as in the court's 样式.
        _closing_block(
            [_form_table(_mediation_rows(ctx))],
            "此致",
            court_name(ctx),
            "具状人（签字、盖章）：",
            ctx,
            _attachments(ctx, defendants),
            attachments_first=True,
            date_label="日期：",
        ),
    ]
    return story


def court_name(ctx: BundleContext) -> str:
    """The court the complaint is addressed to, as the cover names it; a line to fill when not known."""
    return filed_with(ctx.case, "court") or "＿＿＿＿＿＿＿＿人民法院"


def evidence_sets(ctx: BundleContext) -> int:
    """How many sets of the evidence list and evidence a complaint goes in with: the original for the court and a
    copy for each defendant (证据规定 art. 19: 依照对方当事人人数提出副本). The evidence list's 份数, the complaint's
    附 and the notes say this number; the packet prints one set, and the notes ask for the copies to be made."""
    return 1 + len(_defendants(ctx))


def _attachments(ctx: BundleContext, defendants: Sequence[Party]) -> list[str]:
    """附: what the court packet holds besides the complaint, each as many times as it is there or is to be
    handed in (the evidence: the original and a copy per defendant)."""
    agent = ctx.case.agent
    return [
        f"本状副本 {len(defendants)} 份",
        f"证据目录及证据 共 {len(ctx.entries)} 件，一式 {evidence_sets(ctx)} 份"
        f"（正本 1 份，副本 {len(defendants)} 份）",
        *storage_medium(ctx),
        "原告身份证明材料",
        "被告主体资格证明（企业信用信息公示报告等）",
        *(["授权委托书 1 份"] if agent is not None and not agent.is_empty() else []),
        "送达地址确认书 1 份",
    ]


# --------------------------------------------------------------------------- the free-text complaint


def _free_complaint(ctx: BundleContext, copy_for: str = "") -> list[Flowable]:
    """民事起诉状 in free text (民诉法 arts. 123–124), for causes without an official form."""
    me = ctx.party("complainant")
    defendants = _defendants(ctx)
    day = on_day(ctx)
    items = claims(ctx, COURT)
    numbered = [f"判令{c.text}" for c in items] or [f"判令{LINE}{LINE}"]
    total = claim_total(items)
    story: list[Flowable] = [
        *_copy_mark(copy_for),
        _title("民事起诉状"),
        _party_paragraph("原告", _party_fields(ctx, me, full_person=True, service=True), me.name),
    ]
    agent = ctx.case.agent
    if agent is not None and not agent.is_empty():
        story.append(_party_paragraph("委托诉讼代理人", agent_fields(ctx), agent.name))
    for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True):
        story.append(_party_paragraph(role, _party_fields(ctx, p, full_person=False, service=False), p.name))
    story += [
        _p(f"案由：{case_cause(ctx.case)}", "party"),
        _h("诉讼请求："),
        *_numbered([*numbered, *([COSTS] if claims_costs(ctx) else [])]),
    ]
    if total is not None and len([c for c in items if c.money]) > 1:
        story.append(_p(f"以上金额合计 {fmt_amount(total)}。", "indent"))
    story += [_h("事实与理由："), *_narrative_lines(ctx)]
    written, cited = bases(items, day)
    story.append(
        _closing_block(
            [
                *([_p("原告的请求依据：" + "；".join(written + cited) + "。", "indent")] if written or cited else []),
                _p(
                    f"为维护原告的合法权益，依照{law.cite_on('civil-procedure.122', day)}之规定，"
                    "特向贵院提起诉讼，请依法判决。",
                    "indent",
                ),
                _h("证据和证据来源，证人姓名和住所："),
                _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
            ],
            "此致",
            court_name(ctx),
            "具状人（签名/盖章/按印）：",
            ctx,
            _attachments(ctx, defendants),
            attachments_first=True,
        )
    )
    return story


def _copy_mark(copy_for: str) -> list[Flowable]:
    """The mark on a copy of the complaint for service on a defendant (本状副本)."""
    if not copy_for:
        return []
    return [_p(f"副　本（送达{copy_for}）", "right")]


def civil_complaint(ctx: BundleContext, copy_for: str = "") -> list[Flowable]:
    """The complaint for ``ctx``'s 案由: the element-style form for a sale, free text otherwise;
    ``copy_for`` names the defendant a copy (副本) is for."""
    if case_cause(ctx.case) in CONTRACT_CAUSES:
        return _element_complaint(ctx, copy_for)
    return _free_complaint(ctx, copy_for)


def complaint_copies(ctx: BundleContext) -> list[tuple[str, list[Flowable]]]:
    """本状副本: one copy of the complaint per defendant (民诉法 art. 123), in the packet."""
    return copies_for("民事起诉状", "被告", _defendants(ctx), lambda to: civil_complaint(ctx, to))


# --------------------------------------------------------------------------- the other court papers


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
    table = FormTable(body, colWidths=[38 * mm, WIDTH - 38 * mm])
    table.setStyle(TableStyle([*ruled_style((7, 8)), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0"))]))
    return [_title("送达地址确认书"), Spacer(1, 2 * mm), table]


def _court_notes(ctx: BundleContext) -> list[Flowable]:
    day = on_day(ctx)
    total = claim_total(claims(ctx, COURT))
    amount = fmt_amount(total) if total is not None else "＿＿＿＿＿＿ 元"
    copies = len(_defendants(ctx))
    items = [
        f"小额诉讼提示：本案请求金额合计 {amount}。事实清楚、权利义务关系明确、争议不大的简单金钱给付案件，"
        "标的额为各省、自治区、直辖市上年度就业人员年平均工资百分之五十以下的，适用小额诉讼的程序审理，实行一审终审"
        f"（{law.cite_on('civil-procedure.165', day)}）。请以受诉法院所在省份公布的上年度数据核对。",
        f"起诉状副本：按被告人数提交副本（{law.cite_on('civil-procedure.123', day)}）；本案被告 {copies} 名，"
        f"本材料已附副本 {copies} 份（标有“副本”），请核对后一并提交。",
        "要素式起诉状：买卖合同纠纷的起诉状按最高人民法院、司法部、中华全国律师协会发布的示范文本（要素式）填写；"
        "表中□为待勾选项，已勾选（■）的均来自本案记录，其余请当事人确认后勾选或填写“无”。",
        "身份材料：原告身份证复印件；被告为企业的，附其企业信用信息公示报告打印件。",
        "送达地址确认书：填写并签名后随起诉状一并提交。",
        "证据目录须签名或盖章并注明提交日期，按对方当事人人数提交副本"
        f"（{law.cite_on('evidence-rules.19', day)}）。本材料证据目录及证据只印一份，目录“份数”栏按正本 1 份"
        f"及每一被告副本 1 份计（共 {evidence_sets(ctx)} 份），提交前请按此复印；"
        "电子证据请携带原始设备或介质以备核对。",
        "诉讼时效：向人民法院请求保护民事权利的诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算"
        f"（{law.cite_on('civil-code.188', day)}）；权利人向义务人提出履行请求、义务人同意履行义务等，诉讼时效中断，"
        f"从中断时起重新计算（{law.cite_on('civil-code.195', day)}），请保留催告、投诉等记录。",
    ]
    if ctx.case.agent is not None and not ctx.case.agent.is_empty():
        items.append(
            f"委托诉讼代理人：须提交由委托人签名或者盖章的授权委托书（{law.cite_on('civil-procedure.62', day)}），"
            "授权委托书须记明委托事项和权限；代理人为律师的，附律师事务所函及律师执业证复印件。"
        )
    return [_title("立案提示"), *_numbered(items, ending=None, last=None)]
