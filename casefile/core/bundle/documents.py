"""The venue documents of a bundle (spec §7 (a)–(d)): the cover, the complaint, application
or statement of claim, the courier claim, and the notes that close each packet.

Everything is filled from the case record. What the record does not hold is never guessed:
it prints as a line of ＿ to be filled in by hand. Parties are always read through
``ctx.party(role)`` and people who are not parties through ``ctx.third_party_name``, so the
venue's masking rules (spec §6.3) apply to every line written here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.pdfkit import FONT, blank, esc, heading, styles
from casefile.core.model import (
    Case,
    CaseType,
    Channel,
    DemandType,
    EventKind,
    EvidenceKind,
    Party,
    PartyKind,
    ResponsibleParty,
    Stage,
    TimelineEvent,
)

Section = tuple[str, list[Flowable]]

BEIJING = timedelta(hours=8)
WIDTH = 170 * mm  # A4 less the 20 mm side margins of render_story
REPLY_DAYS = 7  # 快递暂行条例 art. 28 (2019 text)
DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"
LAW_CPL = "《中华人民共和国消费者权益保护法》"

EVENT_NAMES = {
    EventKind.CALL: "电话",
    EventKind.CHAT: "在线沟通",
    EventKind.VISIT: "当面",
    EventKind.EMAIL: "电子邮件",
    EventKind.PROPOSAL: "处理方案",
    EventKind.CONFIRMATION: "确认",
    EventKind.NOTE: "记录",
    EventKind.OTHER: "其他",
}

# StageLog 3–5 feed 与经营者交涉情况 (spec §7(a) ④, §5).
DEALING_STAGES = {
    Stage.NEGOTIATION: "协商与方案",
    Stage.CONFIRMATION: "客户确认",
    Stage.MEDIATION: "内部调解",
}

_ONLINE_PLATFORM = re.compile(
    r"淘宝|天猫|京东|拼多多|抖音|快手|小红书|唯品会|苏宁易购|闲鱼|得物|美团|饿了么|亚马逊|当当|网店|网购|"
    r"旗舰店|官网|官方商城|小程序|直播|\bapp\b|\bonline\b|taobao|tmall|jd\.com",
    re.IGNORECASE,
)
# Words that point to harm beyond the product itself (a product-liability tort, not a sale).
_INJURY = re.compile(r"受伤|烫伤|烧伤|割伤|人身伤害|人身损害|致残|死亡|爆炸|起火|着火|自燃|触电|中毒")
_FRAUD = re.compile(r"欺诈|三倍|3倍|假冒|虚假宣传")


# --------------------------------------------------------------------------- public API


def front_matter(ctx: BundleContext) -> list[Section]:
    """The sections before the evidence list, in order, for ``ctx.venue``.

    Each item is (bookmark title, flowables); the caller starts each section on a new page.
    """
    venue = ctx.venue
    if venue is Venue.CONSUMER_ASSOCIATION:
        return [("封面", _cover(ctx)), ("消费投诉书", _consumer_complaint(ctx))]
    if venue is Venue.ARBITRATION:
        return [("封面", _cover(ctx)), ("仲裁申请书", _arbitration_application(ctx))]
    if venue is Venue.COURT:
        return [
            ("封面", _cover(ctx)),
            ("民事起诉状", _civil_complaint(ctx)),
            ("送达地址确认书", _service_address_form(ctx)),
        ]
    if venue is Venue.COURIER_CLAIM:
        return [("封面", _cover(ctx)), ("快递理赔申请书", _courier_claim(ctx))]
    return []  # the receipt is a document of its own


def closing_matter(ctx: BundleContext) -> list[Section]:
    """The sections after the integrity annex: notes for the person filing the packet."""
    venue = ctx.venue
    if venue is Venue.CONSUMER_ASSOCIATION:
        return [("提交须知", _consumer_notes(ctx))]
    if venue is Venue.ARBITRATION:
        return [("提交须知", _arbitration_notes(ctx))]
    if venue is Venue.COURT:
        return [("立案提示", _court_notes(ctx))]
    if venue is Venue.COURIER_CLAIM:
        return [("申诉途径与期限", _courier_notes(ctx))]
    return []


def case_cause(case: Case) -> str:
    """A first guess at the 案由 (spec §7(c) 1), from the case type, the purchase place and
    the channel; the person filing checks it against the court's list of causes."""
    if case.type is CaseType.SERVICE:
        return "服务合同纠纷"
    if case.type is CaseType.LOGISTICS and case.responsible_party is ResponsibleParty.COURIER:
        return "运输合同纠纷"
    if case.type is CaseType.QUALITY and _INJURY.search(case.facts + " ".join(e.summary for e in case.timeline)):
        # A defect that hurt someone or damaged other property is a tort claim.
        return "产品责任纠纷"
    return "网络购物合同纠纷" if _bought_online(case) else "买卖合同纠纷"


@dataclass(frozen=True)
class LossTable:
    """损失计算 of a courier claim (spec §7(d) 6): what the merchant lost and what it claims."""

    goods_value: Decimal | None  # 商品价值, from the order
    freight: Decimal | None  # 运费
    other_costs: Decimal | None  # 其他合理费用: never in the record, a blank to fill
    total: Decimal | None  # goods + freight; unknown when either is unknown
    insured: bool
    declared_value: Decimal | None
    insurance_fee: Decimal | None
    claim: Decimal | None  # total, capped at the declared value when insured
    capped: bool  # the declared value cut the claim down
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
            rows.append(("保价金额", _money(self.declared_value), f"保价费 {_money(self.insurance_fee)}"))
        note = "按保价金额封顶" if self.capped else ("已保价，未超过保价金额" if self.insured else "按实际损失")
        rows.append(("请求赔偿金额", _money(self.claim), note))
        return rows


def loss_table(ctx: BundleContext) -> LossTable:
    """The courier-claim loss calculation: insured → capped at the declared value (保价规则);
    uninsured → the actual loss (快递暂行条例 art. 27)."""
    case = ctx.case
    shipment = case.shipment
    goods = case.transaction.amount
    freight = shipment.freight
    total = goods + freight if goods is not None and freight is not None else None
    claim, capped = total, False
    if shipment.insured:
        if total is not None and shipment.declared_value is not None and total > shipment.declared_value:
            claim, capped = shipment.declared_value, True
        rule = (
            f"已保价：按保价规则赔偿，以保价金额 {_money(shipment.declared_value)}为限（部分损失按比例）"
            "（《快递暂行条例》第二十七条）"
        )
    else:
        rule = "未保价：按实际损失赔偿（《快递暂行条例》第二十七条），附商品价值凭证"
    vouchers = _labels(ctx, [e.exhibit.number for e in ctx.entries if e.exhibit.kind is EvidenceKind.RECEIPT])
    return LossTable(
        goods_value=goods,
        freight=freight,
        other_costs=None,
        total=total,
        insured=shipment.insured,
        declared_value=shipment.declared_value,
        insurance_fee=shipment.insurance_fee,
        claim=claim,
        capped=capped,
        rule=rule,
        vouchers=f"（见{vouchers}）" if vouchers else "",
    )


def reply_deadline(ctx: BundleContext) -> date:
    """The date by which the carrier should answer: 7 days from the claim's date (条例 art. 28)."""
    return _local(ctx.generated_at, ctx.case).date() + timedelta(days=REPLY_DAYS)


# --------------------------------------------------------------------------- formatting


def _local(value: datetime, case: Case) -> datetime:
    """A time in the case's own time zone (that of its complaint time)."""
    zone = case.complained_at.tzinfo
    if value.tzinfo is None or zone is None:
        return value
    return value.astimezone(zone)


def _sort_key(value: datetime, case: Case) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=case.complained_at.tzinfo)


def fmt_date(value: datetime | date | None, case: Case | None = None) -> str:
    """2026年11月20日, or "" when there is none."""
    if value is None:
        return ""
    if isinstance(value, datetime) and case is not None:
        value = _local(value, case)
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_time(value: datetime | None, case: Case) -> str:
    """2026年11月20日 10:30 in the case's time zone; other offsets than Beijing time are named."""
    if value is None:
        return ""
    local = _local(value, case)
    text = f"{fmt_date(local)} {local:%H:%M}"
    offset = local.utcoffset()
    if offset is not None and offset != BEIJING:
        z = local.strftime("%z")
        text += f"（UTC{z[:3]}:{z[3:5]}）"
    return text


def fmt_amount(value: Decimal | None) -> str:
    """1,299.00 元, or "" when there is none."""
    return f"{value:,.2f} 元" if value is not None else ""


def _money(value: Decimal | None) -> str:
    return fmt_amount(value) if value is not None else "＿＿＿＿＿＿ 元"


def _today(ctx: BundleContext) -> str:
    return fmt_date(ctx.generated_at, ctx.case)


def _birth(text: str, on: date) -> str:
    """A birth date as 1990年5月1日（36岁）, when it can be read; otherwise as written."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", value) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", value
    )
    if not match:
        return value
    try:
        born = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return value
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return f"{born.year}年{born.month}月{born.day}日" + (f"（{age}岁）" if 0 <= age < 150 else "")


def _bought_online(case: Case) -> bool:
    place = case.transaction.platform.strip()
    if place and _ONLINE_PLATFORM.search(place):
        return True
    if place and case.channel is Channel.STORE:
        return False
    return case.channel in (Channel.ONLINE, Channel.SOCIAL, Channel.EMAIL)


def _labels(ctx: BundleContext, numbers: Sequence[int]) -> str:
    """证据3、证据5 for the exhibits of this bundle among ``numbers``."""
    by_number = {entry.exhibit.number: entry.name for entry in ctx.entries}
    names: list[str] = []
    for n in numbers:
        name = by_number.get(n)
        if name and name not in names:
            names.append(name)
    return "、".join(names)


def _refs(ctx: BundleContext, numbers: Sequence[int]) -> str:
    labels = _labels(ctx, numbers)
    return f"（见{labels}）" if labels else ""


def _free(ctx: BundleContext, text: str) -> str:
    """Free text typed by the user: already masked for the venue (BundleContext.disclose)."""
    return text


def _person(ctx: BundleContext, name: str) -> str:
    """A name from a timeline's people: a party as the venue shows it, anyone else masked."""
    name = name.strip()
    for role in ("complainant", "respondent", "courier"):
        party: Party | None = getattr(ctx.case, role)
        if party is not None and name in (party.name.strip(), party.legal_representative.strip()) and name:
            shown = ctx.party(role)
            return shown.name if name == party.name.strip() else shown.legal_representative
    return ctx.third_party_name(name)


def _people(ctx: BundleContext, people: str) -> str:
    names = [p for p in re.split(r"[，,、;；/\s]+", people) if p.strip()]
    return "、".join(_person(ctx, n) for n in names)


# --------------------------------------------------------------------------- layout blocks


_CANNOT_START = "，。、：；？！）》〉”’」』】"


class _Para(Paragraph):
    """A paragraph whose lines never start with a closing mark or a full-width comma, colon…
    (GB/T 15834): such marks are moved up to hang at the end of the line before, as in Chinese
    typesetting. ReportLab's own list of marks that cannot start a line lacks "，：；"."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        result = super().breakLinesCJK(maxWidths)
        if getattr(result, "kind", 1) != 0 or not getattr(result, "lines", None):
            return result  # only the one-fragment case has plain-text lines to adjust
        lines = [[space, list(parts)] for space, parts in result.lines]
        for before, line in zip(lines, lines[1:], strict=False):
            text = line[1][0] if len(line[1]) == 1 and isinstance(line[1][0], str) else ""
            k = 0
            while k < len(text) and text[k] in _CANNOT_START:
                k += 1
            if k and len(before[1]) == 1 and isinstance(before[1][0], str):
                width = stringWidth(text[:k], self.style.fontName, self.style.fontSize)
                before[1][0] += text[:k]
                before[0] -= width
                line[1][0] = text[k:]
                line[0] += width
        result.lines = [(space, parts) for space, parts in lines if parts != [""]]
        return result


@functools.cache
def _st() -> dict[str, ParagraphStyle]:
    base = styles()["body"]
    return {
        **styles(),
        "doc_title": ParagraphStyle(
            "doc_title", parent=base, fontSize=22, leading=32, alignment=TA_CENTER, spaceAfter=14
        ),
        "form": ParagraphStyle("form", parent=base, fontSize=10, leading=14),
        "form_label": ParagraphStyle("form_label", parent=base, fontSize=10, leading=14, alignment=TA_CENTER),
        "numbered": ParagraphStyle("numbered", parent=base, leftIndent=18, firstLineIndent=-18, spaceAfter=2),
        "party": ParagraphStyle("party", parent=base, firstLineIndent=22, spaceAfter=4),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_RIGHT, leading=24),
        "cover_label": ParagraphStyle("cover_label", parent=base, fontSize=13, leading=20, alignment=TA_RIGHT),
        "cover_value": ParagraphStyle("cover_value", parent=base, fontSize=13, leading=20),
        "note": ParagraphStyle("note", parent=base, fontSize=9.5, leading=15, spaceAfter=3),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped here)."""
    return _Para(esc(text), _st()[style])


def _title(text: str) -> Paragraph:
    return _Para(esc(text), _st()["doc_title"])


def _blank_lines(count: int = 3) -> list[Flowable]:
    return [_p("＿" * 42) for _ in range(count)]


@dataclass(frozen=True)
class _F:
    """One field of a form table."""

    label: str
    value: str  # plain text; an empty value prints as a blank
    wide: bool = False  # takes the whole row


def _form(fields: Sequence[_F], label_width: float = 34 * mm) -> Table:
    """Label/value pairs, two pairs a row, ruled like a paper form."""
    st = _st()
    value_width = (WIDTH - 2 * label_width) / 2
    rows: list[list[Any]] = []
    spans: list[int] = []
    row: list[Any] = []

    def cells(f: _F) -> list[Any]:
        return [_Para(esc(f.label), st["form_label"]), _Para(esc(blank(f.value)), st["form"])]

    def close_half_row() -> None:
        nonlocal row
        if row:
            rows.append([*row, "", ""])
            spans.append(len(rows) - 1)
            row = []

    for f in fields:
        if f.wide:
            close_half_row()
            rows.append([*cells(f), "", ""])
            spans.append(len(rows) - 1)
        else:
            row += cells(f)
            if len(row) == 4:
                rows.append(row)
                row = []
    close_half_row()
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for r, values in enumerate(rows):
        if len(values) == 4 and r not in spans:
            commands.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#f0f0f0")))
    for r in spans:
        commands.append(("SPAN", (1, r), (3, r)))
    table = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    table.setStyle(TableStyle(commands))
    return table


def _ruled(rows: Sequence[Sequence[str]], widths: Sequence[float], *, header: bool = True) -> Table:
    """A ruled table of plain-text cells; the first row is a shaded header."""
    st = _st()
    body = [
        [_Para(esc(c), st["form_label"] if header and i == 0 else st["form"]) for c in row]
        for i, row in enumerate(rows)
    ]
    table = Table(body, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


def _numbered(items: Sequence[str], *, ending: str | None = "；", last: str | None = "。") -> list[Flowable]:
    """1. … 2. … with the given punctuation at the end of each item (None: as written)."""
    out: list[Flowable] = []
    for i, text in enumerate(items, 1):
        end = last if i == len(items) else ending
        if end is not None:
            text = text.rstrip("。；;.") + end
        out.append(_p(f"{i}. {text}", "numbered"))
    return out


def _h(text: str) -> Flowable:
    return heading(text)


def _party_paragraph(role: str, fields: Sequence[tuple[str, str]], name: str) -> Paragraph:
    """原告：张三，性别：男，……。 — each field labelled, blanks where the record is empty."""
    parts = [f"{role}：{blank(name)}"] + [f"{label}：{blank(value, 6)}" for label, value in fields]
    return _p("，".join(parts) + "。", "party")


def _contact(p: Party) -> str:
    bits = [p.phone.strip()]
    if p.email.strip():
        bits.append(f"电子邮箱 {p.email.strip()}")
    return "，".join(b for b in bits if b)


def _party_fields(ctx: BundleContext, p: Party, *, full_person: bool, service: bool) -> list[tuple[str, str]]:
    """The fields 民诉法 art. 124 / 仲裁法 art. 23 ask for, by kind of party."""
    on = _local(ctx.generated_at, ctx.case).date()
    if p.kind is PartyKind.ORGANISATION:
        fields = [
            ("住所", p.address),
            ("统一社会信用代码", p.id_number),
            ("法定代表人（主要负责人）", p.legal_representative),
            ("职务", p.representative_title),
            ("联系电话", _contact(p)),
        ]
        if p.store.strip():
            fields.append(("店铺名称", p.store))
    elif full_person:
        fields = [
            ("性别", p.gender),
            ("出生日期", _birth(p.birth_date, on)),
            ("民族", p.ethnicity),
            ("职业", p.occupation),
            ("工作单位", p.employer),
            ("住所", p.address),
            ("联系电话", _contact(p)),
            ("公民身份号码", p.id_number),
        ]
    else:  # a person defendant: 姓名、性别、工作单位、住所等 (art. 124(二))
        fields = [
            ("性别", p.gender),
            ("工作单位", p.employer),
            ("住所", p.address),
            ("联系电话", _contact(p)),
            ("公民身份号码", p.id_number),
        ]
        if p.store.strip():
            fields.append(("店铺名称", p.store))
    if service:
        fields.append(("送达地址", "＿＿＿＿＿＿＿＿（以送达地址确认书为准）"))
    return fields


def _defendants(ctx: BundleContext) -> list[Party]:
    """The respondent, and the courier company too when the courier is held responsible."""
    out = [ctx.party("respondent")]
    if ctx.case.courier is not None and ctx.case.responsible_party is ResponsibleParty.COURIER:
        out.append(ctx.party("courier"))
    return out


def _role_names(base: str, count: int) -> list[str]:
    if count == 1:
        return [base]
    numerals = "一二三四五六七八九十"
    return [f"{base}{numerals[i]}" if i < len(numerals) else f"{base}{i + 1}" for i in range(count)]


def _carrier(ctx: BundleContext) -> Party:
    """The carrier: the courier party, or a party named after the shipment's carrier."""
    courier = ctx.party("courier")
    if not courier.name.strip() and ctx.case.shipment.carrier.strip():
        courier = Party(kind=PartyKind.ORGANISATION, name=ctx.case.shipment.carrier.strip())
    return courier


def _signature(lines: Sequence[str]) -> list[Flowable]:
    return [_p(line, "sign") for line in lines]


# --------------------------------------------------------------------------- cover


def _cover(ctx: BundleContext) -> list[Flowable]:
    st = _st()
    case = ctx.case
    venue = ctx.venue
    rows: list[tuple[str, str]] = [("案件编号", case.number)]
    if venue is Venue.CONSUMER_ASSOCIATION:
        rows += [
            ("投诉人", ctx.party("complainant").name),
            ("被投诉人", ctx.party("respondent").name),
            ("受理机构", "＿＿＿＿＿＿＿＿消费者协会"),
        ]
    elif venue is Venue.ARBITRATION:
        rows += [
            ("申请人", ctx.party("complainant").name),
            ("被申请人", ctx.party("respondent").name),
            ("案由", case_cause(case)),
            ("仲裁机构", "＿＿＿＿＿＿＿＿仲裁委员会"),
        ]
    elif venue is Venue.COURT:
        defendants = _defendants(ctx)
        rows += [("原告", ctx.party("complainant").name)]
        rows += [(role, p.name) for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True)]
        rows += [
            ("案由", case_cause(case)),
            ("受诉法院", "＿＿＿＿＿＿＿＿人民法院"),
            ("案号", "＿＿＿＿＿＿＿＿（立案后填写）"),
        ]
    elif venue is Venue.COURIER_CLAIM:
        carrier = _carrier(ctx)
        rows += [
            ("运单号", case.shipment.waybill_no),
            ("索赔人", ctx.party("respondent").name),
            ("被索赔人", carrier.name),
            ("派送网点", case.shipment.outlet),
            ("提交对象", "＿＿＿＿＿＿＿＿（快递企业理赔/客服部门）"),
        ]
    rows += [("证据材料", f"共 {len(ctx.entries)} 件（详见证据目录）"), ("提交日期", _today(ctx))]
    if ctx.org.name.strip():
        rows.append(("编制", ctx.org.name.strip()))
    table = Table(
        [
            [_Para(esc(label) + "：", st["cover_label"]), _Para(esc(blank(value)), st["cover_value"])]
            for label, value in rows
        ],
        colWidths=[36 * mm, 104 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [
        Spacer(1, 38 * mm),
        _Para(esc(venue.heading), st["cover"]),
        Spacer(1, 26 * mm),
        table,
    ]


# --------------------------------------------------------------------------- shared text


def _facts(ctx: BundleContext) -> list[Flowable]:
    """The user's statement of facts, one indented paragraph per paragraph written."""
    text = _free(ctx, ctx.case.facts).strip()
    return [_p(chunk.strip(), "indent") for chunk in re.split(r"\n\s*\n|\n", text) if chunk.strip()]


def _event_line(ctx: BundleContext, event: TimelineEvent) -> str:
    case = ctx.case
    where = [EVENT_NAMES.get(event.kind, "其他")]
    if event.place.strip():
        where.append(f"地点：{_free(ctx, event.place.strip())}")
    if event.people.strip():
        where.append(f"参与人员：{_people(ctx, event.people)}")
    summary = _free(ctx, re.sub(r"\s+", " ", event.summary).strip()).rstrip("。") or "＿＿＿＿＿＿"
    return f"{fmt_time(event.at, case)}（{'；'.join(where)}）：{summary}{_refs(ctx, event.evidence)}"


def _timeline(ctx: BundleContext) -> list[TimelineEvent]:
    return sorted(ctx.case.timeline, key=lambda e: _sort_key(e.at, ctx.case))


def _dealings(ctx: BundleContext) -> list[str]:
    case = ctx.case
    changes = [c for c in case.stage_log if c.stage in DEALING_STAGES]
    changes.sort(key=lambda c: _sort_key(c.at, case))
    return [
        f"{fmt_time(c.at, case)}，{DEALING_STAGES[c.stage]}：{_free(ctx, c.note.strip()).rstrip('。') or '（无记录）'}"
        for c in changes
    ]


def _narrative(ctx: BundleContext, dealings_title: str) -> list[Flowable]:
    """事实与理由: the statement, then the events in time order, then the dealings so far."""
    story = _facts(ctx)
    events = _timeline(ctx)
    if events:
        story.append(_p("具体经过如下：", "indent"))
        story += _numbered([_event_line(ctx, e) for e in events], ending="。", last="。")
    dealings = _dealings(ctx)
    if dealings:
        story.append(_p(f"{dealings_title}：", "indent"))
        story += _numbered(dealings, ending="。", last="。")
    if not story:
        story = _blank_lines(4)
    return story


def _demand_items(ctx: BundleContext, verb: str, to: str) -> list[str]:
    """The demands as numbered claims, each specific: 退款 1,299.00 元 …"""
    product = ctx.case.transaction.product.strip()
    items: list[str] = []
    for d in ctx.case.demands:
        desc = _free(ctx, re.sub(r"\s+", " ", d.description).strip())
        if d.type is DemandType.REFUND:
            text = f"{verb}{to}退款 {_money(d.amount)}"
        elif d.type is DemandType.EXCHANGE:
            text = f"{verb}{to}更换商品" + (f"（{product}）" if product and not desc else "")
        elif d.type is DemandType.REPAIR:
            text = f"{verb}维修商品" + (f"（{product}）" if product and not desc else "")
        elif d.type is DemandType.APOLOGY:
            text = f"{verb}{to}赔礼道歉"
        elif d.type is DemandType.COMPENSATION:
            text = f"{verb}{to}赔偿 {_money(d.amount)}"
        else:
            text = f"{verb}{desc.rstrip('。') or '＿＿＿＿＿＿＿＿'}"
            if d.amount is not None:
                text += f"（金额 {fmt_amount(d.amount)}）"
            desc = ""
        if desc:
            text += f"（{desc.rstrip('。')}）"
        items.append(text)
    return items


def _demand_total(ctx: BundleContext) -> Decimal | None:
    """The sum of the money claimed, when every money claim has its amount."""
    money = [
        d for d in ctx.case.demands if d.type in (DemandType.REFUND, DemandType.COMPENSATION) or d.amount is not None
    ]
    if not money or any(d.amount is None for d in money):
        return None
    return sum((d.amount for d in money if d.amount is not None), Decimal(0))


def _claims(ctx: BundleContext, verb: str, to: str, costs: str) -> list[Flowable]:
    items = _demand_items(ctx, verb, to)
    if not items:
        items = [f"{verb}＿＿＿＿＿＿＿＿＿＿＿＿", f"{verb}＿＿＿＿＿＿＿＿＿＿＿＿"]
    story = _numbered([*items, costs] if costs else items)
    total = _demand_total(ctx)
    if total is not None and len([d for d in ctx.case.demands if d.amount is not None]) > 1:
        story.append(_p(f"以上金额合计 {fmt_amount(total)}。", "indent"))
    return story


def _closing_block(
    lead: Sequence[Flowable], salute: str, body: str, signer: str, ctx: BundleContext, attachments: Sequence[str]
) -> Flowable:
    """此致 / 某某 / signature / date / 附, kept on one page with the ``lead`` text before it, so
    the signature never stands on a page of its own."""
    story: list[Flowable] = [
        *lead,
        Spacer(1, 4 * mm),
        _p(salute, "indent"),
        _p(body),
        Spacer(1, 8 * mm),
        *_signature([f"{signer}＿＿＿＿＿＿＿＿", _today(ctx)]),
        Spacer(1, 6 * mm),
        _p("附："),
        *_numbered(attachments, ending="；", last="。"),
    ]
    return KeepTogether(story)


# --------------------------------------------------------------------------- (a) consumer association


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
                *_signature(["投诉人（签名）：＿＿＿＿＿＿＿＿", f"日期：{_today(ctx)}"]),
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
    items = [
        "投诉时效：自知道或者应当知道权益受到侵害之日起超过三年的投诉，市场监督管理部门不予受理"
        f"（《市场监督管理投诉举报处理暂行办法》第十五条）。按本案记录的最早时间（{fmt_date(earliest, case)}）计算，"
        f"请于 {fmt_date(limit)} 之前提出。",
        "不得重复投诉：同一事项已经由人民法院、仲裁机构、消费者协会或者其他调解组织受理或者处理的，"
        "市场监督管理部门不予受理（同办法第十五条），请勿就同一事项同时向多个机构提出。",
        "材料要求：投诉须写明投诉人姓名、电话、通讯地址，被投诉人名称（姓名）、地址，"
        "具体的投诉请求以及消费者权益争议事实（同办法第九条）。",
        "委托他人投诉的，须提交授权委托书原件（载明委托事项、权限和期限，由委托人签名）及受托人身份证明（同办法第十条）。",
        "消费者协会不留存原件：请提交复印件，原件（含存有电子数据的原始设备或介质）自行妥善保管，以备核对。",
        "处理期限：市场监督管理部门应自收到投诉之日起七个工作日内作出受理或者不予受理的决定（同办法第十四条）；"
        "调解过程中自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解（同办法第二十一条）。",
        "其他途径：消费者与经营者发生消费者权益争议的，可以协商和解，请求消费者协会或者依法成立的其他调解组织调解，"
        "向有关行政部门投诉，根据与经营者达成的仲裁协议提请仲裁，或者向人民法院提起诉讼"
        f"（{LAW_CPL}第三十九条）。",
    ]
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --------------------------------------------------------------------------- (b) arbitration


def _arbitration_application(ctx: BundleContext) -> list[Flowable]:
    me, them = ctx.party("complainant"), ctx.party("respondent")
    agreements = _labels(
        ctx, [e.exhibit.number for e in ctx.entries if e.exhibit.kind is EvidenceKind.ARBITRATION_AGREEMENT]
    )
    story: list[Flowable] = [
        _title("仲裁申请书"),
        _party_paragraph("申请人", _party_fields(ctx, me, full_person=True, service=False), me.name),
        _party_paragraph("被申请人", _party_fields(ctx, them, full_person=True, service=False), them.name),
        _h("仲裁请求："),
        *_claims(ctx, "裁决被申请人", "向申请人", "本案仲裁费用由被申请人承担"),
        _h("事实和理由："),
        *_narrative(ctx, "申请人与被申请人协商情况"),
    ]
    if agreements:
        story.append(
            _p(
                f"申请人与被申请人之间订有仲裁协议（见{agreements}），约定争议提交仲裁。"
                "现依据该仲裁协议提出仲裁申请，请依法裁决。",
                "indent",
            )
        )
    else:
        story.append(
            _p("申请人与被申请人之间订有仲裁协议（见证据＿＿＿），现依据该仲裁协议提出仲裁申请，请依法裁决。", "indent")
        )
    story += [
        _closing_block(
            [
                _h("证据和证据来源、证人姓名和住所："),
                _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
            ],
            "此致",
            "＿＿＿＿＿＿＿＿仲裁委员会",
            "申请人（签名/盖章）：",
            ctx,
            [
                "本申请书副本 1 份",
                f"仲裁协议（见{agreements}）" if agreements else "仲裁协议＿＿份",
                f"证据目录及证据 共 {len(ctx.entries)} 件",
                "身份证明（申请人身份证明；被申请人主体资格证明）",
            ],
        ),
    ]
    return story


def _arbitration_notes(ctx: BundleContext) -> list[Flowable]:
    items = [
        "仲裁以当事人之间的仲裁协议为前提：没有仲裁协议的，仲裁委员会不予受理；仲裁协议应当有请求仲裁的意思表示、"
        "仲裁事项和选定的仲裁委员会。消费者申请仲裁，须根据与经营者达成的仲裁协议"
        f"（{LAW_CPL}第三十九条）。",
        "提交仲裁协议、仲裁申请书及副本（每一被申请人一份）。",
        "各仲裁委员会的仲裁规则可能另有要求（如出生日期、民族、有效通讯方式，证据逐项编号并签名、注明日期），"
        "提交前请对照所选仲裁委员会的现行规则核对。",
        "证据目录须签名或盖章并注明提交日期；电子证据请携带原始设备或介质以备核对。",
    ]
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]


# --------------------------------------------------------------------------- (c) court


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


# --------------------------------------------------------------------------- (d) courier claim


def _courier_claim(ctx: BundleContext) -> list[Flowable]:
    case = ctx.case
    shipment = case.shipment
    txn = case.transaction
    merchant = ctx.party("respondent")  # the claimant, usually the sender
    customer = ctx.party("complainant")  # the end customer, masked for this venue
    carrier = _carrier(ctx)
    losses = loss_table(ctx)
    deadline = reply_deadline(ctx)
    insured = "是" if shipment.insured else "否"
    law = _courier_law()
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
            f"请于收到本申请之日起7日内书面答复（《快递暂行条例》第二十八条），"
            f"即最迟于 {fmt_date(deadline)} 前答复（自本申请书出具之日 {_today(ctx)} 起算）。",
            "indent",
        ),
        _h("七、交涉记录"),
        *_courier_dealings(ctx),
        _h("八、证据"),
        _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
        _h("九、法律依据摘录"),
        _p("（《快递暂行条例》条文序号依据2019年文本；如条例已修订，以现行文本为准。）", "note"),
        *law[:-1],
        KeepTogether(
            [
                law[-1],
                Spacer(1, 10 * mm),
                *_signature(
                    [
                        f"索赔人（盖章）：{merchant.name.strip() or '＿＿＿＿＿＿＿＿'}",
                        "法定代表人/经办人（签名）：＿＿＿＿＿＿＿＿",
                        f"日期：{_today(ctx)}",
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


def _courier_law() -> list[Flowable]:
    items = [
        "《快递暂行条例》第十九条第三款：快件延误、丢失、损毁或者内件短少的，可以要求快递品牌经营企业（运单所属企业）"
        "赔偿，也可以要求实际提供快递服务的企业赔偿。",
        "《快递暂行条例》第二十七条：快件延误、丢失、损毁或者内件短少的，对保价的快件，按照与寄件人约定的保价规则"
        "确定赔偿责任；对未保价的快件，依照民事法律的有关规定确定赔偿责任。",
        "《快递暂行条例》第二十八条：用户对快递服务质量不满意的，可以向经营快递业务的企业投诉，"
        "经营快递业务的企业应当自接到投诉之日起7日内予以处理并告知用户。",
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
    claim_day = _local(ctx.generated_at, case).date()
    eligible = claim_day + timedelta(days=REPLY_DAYS)
    one_year = fmt_date(_add_years(_local(shipment.shipped_at, case).date(), 1)) if shipment.shipped_at else ""
    known = shipment.discovered_at or shipment.signed_at
    three_years = fmt_date(_add_years(_local(known, case).date(), 3)) if known else ""
    items = [
        f"先向快递企业提出索赔并保留记录（日期、工单号、答复）。快递企业应在7日内处理（《快递暂行条例》第二十八条）。"
        f"本申请书出具日为 {fmt_date(claim_day)}，如届时送达，至 {fmt_date(eligible)} 仍未获答复或对处理结果不满意的，"
        "可以向邮政管理部门申诉。",
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


__all__ = [
    "LossTable",
    "case_cause",
    "closing_matter",
    "fmt_amount",
    "fmt_date",
    "fmt_time",
    "front_matter",
    "loss_table",
    "reply_deadline",
]
