"""投诉受理回执: the receipt a store hands a walk-in customer (spec §7(e)).

Two copies, the customer's (顾客联, phone masked per §6.3) and the store's (门店联), in
one of two layouts: A5 portrait, one page per copy, or an 80 mm thermal roll, where each
copy is one page whose height is measured from its content.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from casefile.core import zone
from casefile.core.bundle import parts
from casefile.core.bundle.context import BundleContext, ExhibitEntry
from casefile.core.bundle.documents.common import _outside_quotes
from casefile.core.bundle.pdfkit import FONT, FormTable, blank, esc, qr_drawing, register_fonts
from casefile.core.bundle.pdfkit import CjkParagraph as Paragraph  # 避头尾: no closing mark starts a line
from casefile.core.bundle.receipt_history import handed_key
from casefile.core.disclosure import disclosure_for
from casefile.core.model import Case, CaseType, Channel, DemandType, EvidenceKind, HandedItem, Priority
from casefile.core.record.roles import issued_by_respondent
from casefile.core.venues import Venue

LAYOUTS = ("a5", "80mm")

CHANNEL_NAMES = {
    Channel.PHONE: "电话",
    Channel.ONLINE: "在线客服",
    Channel.EMAIL: "电子邮件",
    Channel.SOCIAL: "社交媒体",
    Channel.STORE: "门店",
}

TYPE_NAMES = {
    CaseType.QUALITY: "产品质量",
    CaseType.LOGISTICS: "物流快递",
    CaseType.SERVICE: "服务",
    CaseType.TRANSACTION: "交易退款费用",
    CaseType.INFORMATION: "虚假误导信息",
}

PRIORITY_NAMES = {Priority.URGENT: "紧急", Priority.IMPORTANT: "重要", Priority.NORMAL: "一般"}

DEMAND_NAMES = {
    DemandType.REFUND: "退款",
    DemandType.EXCHANGE: "换货",
    DemandType.REPAIR: "维修",
    DemandType.APOLOGY: "赔礼道歉",
    DemandType.COMPENSATION: "赔偿",
    DemandType.OTHER: "其他",
}

# The shared names, shortened where a receipt line is narrow.
KIND_NAMES = {**parts.KIND_NAMES, EvidenceKind.EMAIL: "邮件", EvidenceKind.RECEIPT: "票据"}

# What the customer handed over for each material, and whether the store kept it (Exhibit.handed_in,
# Exhibit.disposition; spec §7(e) item 7). Not recorded: every choice with a box to tick by hand.
HANDED_IN_NAMES = {"original": "原件", "copy": "复印件", "object": "实物", "electronic": "电子"}
DISPOSITION_NAMES = {"kept": "留存", "returned": "退回"}
DISPOSITION_HEADING = "留存/退回"

OTHER_ROUTES = "如对处理结果不满意，可向消费者协会或拨打 12315 投诉。"


def privacy_notice(years: int) -> str:
    """What the receipt tells the customer of their personal data: purpose, how long it is kept, whom to ask
    (PIPL art. 17); ``years`` after the complaint is handled (the organisation's setting)."""
    kept = f"保存至处理完毕后{years}年" if years > 0 else "处理完毕后即删除"
    return f"您的个人信息仅用于处理本次投诉，{kept}，如需查询、更正或删除请联系本店。"


MAX_PAGE_HEIGHT = 14400.0  # the largest page a PDF viewer must accept (200 in)


@dataclass(frozen=True)
class _Copy:
    name: str  # 顾客联 / 门店联
    note: str
    masked: bool


COPIES = (
    _Copy("顾客联", "交顾客留存", masked=True),
    _Copy("门店联", "门店存档", masked=False),
)


@dataclass(frozen=True)
class _Layout:
    name: str
    width: float
    margin_x: float
    margin_y: float
    size: float  # body font size
    title: float
    qr: float
    label_width: float  # key column of the key/value rows
    facts_limit: int  # characters of 问题简述 before it is cut
    thermal: bool


A5 = _Layout("a5", 148 * mm, 12 * mm, 8 * mm, 8.5, 16, 24 * mm, 22 * mm, 300, thermal=False)
ROLL = _Layout("80mm", 80 * mm, 4 * mm, 4 * mm, 7.8, 12.5, 25 * mm, 19 * mm, 110, thermal=True)
A5_HEIGHT = 210 * mm
ROLL_MIN_HEIGHT = 100 * mm


def render_receipt(ctx: BundleContext, path: Path, layout: str = "a5") -> int:
    """Write the receipt PDF (customer copy 顾客联 then store copy 门店联) and return its page count."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown receipt layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    register_fonts()
    spec = A5 if layout == "a5" else ROLL
    frame_width = spec.width - 2 * spec.margin_x

    customer = ctx.seen_by(disclosure_for(Venue.RECEIPT, copy="customer"), "顾客联")
    # 本店 in the text when the store issuing it is the business complained about (or the case names no other).
    ours = issued_by_respondent(ctx.org.as_party(), ctx.case.respondent) is not False
    views = [customer if copy.masked else ctx for copy in COPIES]
    limit = _facts_limit(views, ours=ours)
    printed = zone.show(ctx.generated_at)

    def build(totals: dict[str, int]) -> dict[str, int]:
        """Write the PDF; ``totals``: the pages of each copy, when known, for 第 n 页 / 共 N 页."""
        stories: list[list[Flowable]] = []
        heights: list[float] = []
        for copy, view in zip(COPIES, views, strict=True):
            if spec.thermal:
                story = _copy_story(view, copy, spec, limit, full_hash=False, ours=ours)
                height = _measure(story, frame_width) + 2 * spec.margin_y + 3 * mm
                heights.append(min(max(height, ROLL_MIN_HEIGHT), MAX_PAGE_HEIGHT))
            else:
                story = _fit_a5(view, copy, frame_width, A5_HEIGHT - 2 * spec.margin_y, ours=ours, facts_limit=limit)
                heights.append(A5_HEIGHT)
            stories.append(story)
        seen: dict[str, int] = {}

        def on_page(canvas: Canvas, doc: Any) -> None:
            template = doc.pageTemplate.id
            seen[template] = seen.get(template, 0) + 1
            canvas.setFont(FONT, 7)
            width, height = doc.pageTemplate.pagesize
            total = totals.get(template, 1)
            if not spec.thermal:  # A5: the print time in the foot of every page, where it takes no line of the copy
                canvas.drawString(spec.margin_x, spec.margin_y * 0.35, f"打印时间 {printed}　·　{template}")
            if seen[template] > 1:  # an overflowing copy: say which copy this page belongs to
                text = f"{template}（续）  回执编号 {ctx.case.number}  第 {seen[template]} 页 / 共 {total} 页"
                canvas.drawRightString(width - spec.margin_x, height - spec.margin_y * 0.7, text)
            elif total > 1:  # its first page says the copy goes on
                text = f"{template}  第 1 页 / 共 {total} 页（下页续）"
                canvas.drawRightString(width - spec.margin_x, spec.margin_y * 0.35, text)

        templates = []
        for copy, height in zip(COPIES, heights, strict=True):
            frame = Frame(
                spec.margin_x,
                spec.margin_y,
                frame_width,
                height - 2 * spec.margin_y,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"{copy.name}-frame",
            )
            templates.append(PageTemplate(id=copy.name, frames=[frame], onPage=on_page, pagesize=(spec.width, height)))

        doc = BaseDocTemplate(
            str(path),
            pagesize=(spec.width, heights[0]),
            pageTemplates=templates,
            leftMargin=spec.margin_x,
            rightMargin=spec.margin_x,
            topMargin=spec.margin_y,
            bottomMargin=spec.margin_y,
            title=f"投诉受理回执 {ctx.case.number}",
            author=ctx.org.name,
            subject="投诉受理回执（顾客联、门店联）",
            creator="CaseFile",
            initialFontName=FONT,
            initialFontSize=spec.size,
            invariant=1,
        )
        doc.build([*stories[0], NextPageTemplate(COPIES[1].name), PageBreak(), *stories[1]])
        return seen

    seen = build({})
    if any(pages > 1 for pages in seen.values()):
        # A copy of more than one page: again, now that each copy's page count is known.
        seen = build(seen)
    return sum(seen.values())


# --------------------------------------------------------------------------- fitting


def _measure(story: list[Flowable], width: float) -> float:
    """The height ``story`` takes in a frame ``width`` wide (space before the first item is dropped)."""
    total = 0.0
    for i, flowable in enumerate(story):
        _, h = flowable.wrap(width, MAX_PAGE_HEIGHT)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0)
    return total


# The 问题简述 lengths an A5 copy tries, longest first, to fit one page.
A5_FACTS_LIMITS = (A5.facts_limit, 140, 60)
WHOLE_FACTS = 1_000_000  # 问题简述 not cut: a copy that takes a second page anyway


def _fit_a5(
    ctx: BundleContext, copy: _Copy, width: float, height: float, *, ours: bool, facts_limit: int | None = None
) -> list[Flowable]:
    """The fullest version of the copy that fits one A5 page; the last, shortest one may flow on. With
    ``facts_limit``, 问题简述 is cut there (the same summary on every copy and layout)."""
    return _fit_a5_limit(ctx, copy, width, height, ours=ours, facts_limit=facts_limit)[0]


def _fit_a5_limit(
    ctx: BundleContext, copy: _Copy, width: float, height: float, *, ours: bool, facts_limit: int | None = None
) -> tuple[list[Flowable], int]:
    """:func:`_fit_a5`, and the 问题简述 length it took."""
    limits = [facts_limit] if facts_limit is not None else list(A5_FACTS_LIMITS)
    # (问题简述 length, full hashes, sections set closer), fullest first.
    attempts = [(limits[0], True, False)] + [(limit, False, False) for limit in limits]
    if len(limits) > 1:
        attempts.append((limits[-1], True, False))
    # Last, the shortest with the sections set closer: a row more of what was handed in on the page.
    attempts += [(limits[-1], False, True), (limits[-1], True, True)]
    tried: list[tuple[float, bool, bool]] = []
    for limit, full_hash, close in attempts:
        story = _copy_story(ctx, copy, A5, limit, full_hash=full_hash, ours=ours, close=close)
        measured = _measure(story, width)
        if measured <= height - 2:
            return story, limit
        tried.append((measured, full_hash, close))
    # Nothing fits one page: the shortest way (full hashes on rows of their own may be shorter than long names
    # beside a column of hashes), which flows on. The copy takes a second page anyway, so 问题简述 is not cut
    # (unless every copy was given one cut): the page it runs on to carries the whole account.
    _, full_hash, close = min(tried, key=lambda t: t[0])
    limit = facts_limit if facts_limit is not None else WHOLE_FACTS
    return _copy_story(ctx, copy, A5, limit, full_hash=full_hash, ours=ours, close=close), limit


def _facts_limit(views: list[BundleContext], *, ours: bool) -> int:
    """Where 问题简述 is cut on every copy of the receipt, A5 or 80 mm: the longest summary with which each A5 copy
    fits one page, or no cut at all when a copy runs on to a second page however short the summary. The customer
    is given one account of the complaint, whichever paper it is printed on."""
    width, height = A5.width - 2 * A5.margin_x, A5_HEIGHT - 2 * A5.margin_y
    limits = [_fit_a5_limit(view, copy, width, height, ours=ours)[1] for copy, view in zip(COPIES, views, strict=True)]
    return WHOLE_FACTS if WHOLE_FACTS in limits else min(limits)


# --------------------------------------------------------------------------- text


def _styles(spec: _Layout) -> dict[str, ParagraphStyle]:
    size = spec.size
    lead = round(size * 1.4, 1)
    base = ParagraphStyle(f"rc-{spec.name}", fontName=FONT, fontSize=size, leading=lead, wordWrap="CJK")
    return {
        "body": base,
        "key": ParagraphStyle("key", parent=base, textColor=colors.HexColor("#333333")),
        "small": ParagraphStyle("small", parent=base, fontSize=max(7.5, size - 1), leading=max(7.5, size - 1) * 1.38),
        "hash": ParagraphStyle("hash", parent=base, fontSize=7.5, leading=9.6),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=spec.title, leading=spec.title * 1.3, alignment=TA_CENTER, spaceAfter=1
        ),
        "store": ParagraphStyle(
            "store", parent=base, fontSize=size + 2, leading=(size + 2) * 1.35, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, fontSize=max(7.5, size - 0.5), alignment=TA_CENTER),
        "number": ParagraphStyle("number", parent=base, fontSize=size + 3, leading=(size + 3) * 1.3),
        "copy": ParagraphStyle(
            "copy", parent=base, fontSize=size + 3.5, leading=(size + 3.5) * 1.25, alignment=TA_CENTER
        ),
        "copynote": ParagraphStyle("copynote", parent=base, fontSize=max(7.5, size - 1), alignment=TA_RIGHT),
        "section": ParagraphStyle("section", parent=base, fontSize=size + 0.5, leading=(size + 0.5) * 1.4),
    }


def _time(value: datetime) -> str:
    """YYYY-MM-DD HH:MM in the zone times are shown in; the offset is named when it is not Beijing time."""
    return zone.show(value)


def _amount(value: Decimal | None) -> str:
    return f"{value:,.2f} 元" if value is not None else ""


# After a 问题简述 cut short: what the customer holds is a summary, and the store keeps the whole account.
FACTS_CUT = "（以上为摘要，完整记录由本店存档）"

_CUSTOMER_WORDS = ("投诉人", "申请人", "申诉人")
_STORE_WORDS = ("被投诉人", "被申请人", "被申诉人")
_SIDE_WORD = re.compile("|".join(_STORE_WORDS + _CUSTOMER_WORDS))  # the longer words first


def _store_words(text: str, store: str) -> str:
    """Free text as a store's receipt words it to the customer: the complainant 顾客, the business complained
    about ``store`` (本店 when it issues the receipt). Words quoted (“…”) stay as said."""

    def plain(part: str) -> str:
        return _own_store(_SIDE_WORD.sub(lambda m: store if m.group() in _STORE_WORDS else "顾客", part))

    return _outside_quotes(text, plain)


# 被投诉人经营的淘宝店铺 said by the store itself: not 本店经营的淘宝店铺, but 本店的淘宝店铺.
_OWN_STORE_RUN = re.compile(r"本店(?:所|自己)?(?:经营|开设|运营|开办)的")


def _own_store(text: str) -> str:
    """The store's own words for what it runs: 本店经营的淘宝店铺 is 本店的淘宝店铺."""
    return _OWN_STORE_RUN.sub("本店的", text)


def _product(product: str, model: str) -> str:
    """商品/服务: the product and its brand and model, each word of the model once: 某品牌手机 X12 with the model
    X12 256G 黑色 is 某品牌手机 X12 256G 黑色."""
    product = product.strip()
    bare = re.sub(r"\s+", "", product).lower()
    extra = [word for word in model.split() if word.lower() not in bare]
    return " ".join([product, *extra]).strip()


def complaint_account(case: Case) -> str:
    """What 问题简述 prints: the account of the complaint, else the case's title (a walk-in registered with a title
    only: the clerk's words for the complaint, which the receipt must state, spec §7(e))."""
    return case.facts.strip() or case.title.strip()


def _facts(text: str, limit: int) -> str:
    """问题简述 cut near ``limit`` characters at a sentence end, else a clause end, marked as cut."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    floor = int(limit * 0.6)
    sentence = max(head.rfind(p) for p in "。！？；!?;")
    clause = max(head.rfind(p) for p in "，,、：: ")
    if sentence >= floor:
        head = head[: sentence + 1]
    elif clause >= floor:
        head = head[:clause] + "……"
    else:
        head = head + "……"
    return head + FACTS_CUT


def _demands(case: Case) -> list[str]:
    """顾客诉求, one line each: kind, amount, what exactly."""
    lines = []
    for i, demand in enumerate(case.demands, 1):
        parts = [DEMAND_NAMES.get(demand.type, "其他")]
        if demand.amount is not None:
            parts.append(_amount(demand.amount))
        line = " ".join(parts)
        what = re.sub(r"\s+", " ", demand.description).strip()
        if what.startswith(parts[0]):  # 赔偿误工及交通费用 500.00 元, not 赔偿 500.00 元：赔偿误工及交通费用
            line = " ".join([what, *parts[1:]])
        elif what:
            line += "：" + what
        lines.append(f"{i}. {line}" if len(case.demands) > 1 else line)
    return lines


# A receipt printed this long after the complaint was accepted says when it was printed, beside 受理时间: a
# reprint days later is then not read as a new complaint, nor its reply time (long past) as a new promise.
REPRINT_AFTER = timedelta(minutes=10)


def _printed_note(ctx: BundleContext) -> str:
    """（打印于 2026-12-01 09:05） after 受理时间 when the receipt is printed later than the complaint was accepted."""
    if ctx.generated_at - ctx.case.complained_at < REPRINT_AFTER:
        return ""
    return f"（打印于 {esc(_time(ctx.generated_at))}）"


def _qr_data(case: Case) -> str:
    """ASCII only, so every scanner reads it: the case number and the complaint time."""
    return f"CaseFile:{case.number};{case.complained_at.isoformat(timespec='minutes')}"


def _edition_mark(ctx: BundleContext) -> str:
    """（第2版） after 回执编号 when the case issued a receipt before that this one corrects; the number stays the
    case's, as the customer quotes it."""
    edition = ctx.receipt.edition if ctx.receipt is not None else 1
    return f"（第{edition}版）" if edition > 1 else ""


def _change_text(label: str, old: str, new: str) -> str:
    if not old and not new:  # a long text or a list: named only
        return label
    return f"{label} {old or '（未填）'} 改为 {new or '（未填）'}"


def reissue_text(ctx: BundleContext, *, masked: bool) -> str:
    """What a receipt printed again says of the receipt issued before: 补打 (nothing it prints changed) or 更正
    (what changed, as the copy prints it: ``masked`` on the customer's), and that the receipt before is void; ""
    for the case's first receipt."""
    issue = ctx.receipt
    if issue is None or issue.previous is None:
        return ""
    previous = issue.previous
    if issue.reprint:
        first = _time(issue.edition_issued_at or previous.at)
        return f"补打：本回执为 {first} 出具的回执{_edition_mark(ctx)}的补打，内容未变。"
    was = f"（第{previous.edition}版）" if issue.edition > 2 else ""
    changes = issue.customer_changes if masked else issue.changes
    listed = "；".join(f"{c.label}中{c.detail}" if c.detail else _change_text(c.label, c.old, c.new) for c in changes)
    return (
        f"更正：本回执于 {_time(ctx.generated_at)} 更正，原于 {_time(previous.at)} 出具的回执{was}作废。"
        f"更正内容：{listed}。"
    )


HASH_LABEL = "SHA-256："


def _hash(digest: str, style: ParagraphStyle, width: float, full: bool) -> str:
    label = HASH_LABEL
    value = digest.lower()
    if full and stringWidth(label + value, style.fontName, style.fontSize) <= width:
        return label + value
    return label + value[:16] + "…"


def _hash_lines(digest: str, style: ParagraphStyle, width: float) -> list[str]:
    """The full SHA-256 over as few lines as ``width`` allows, each a whole run of hex digits (no hyphen,
    no space: copied from the lines and joined, it is the hash); the label on the first line."""
    label = HASH_LABEL
    value = digest.lower()
    per_line = len(value)
    while per_line > 8 and stringWidth(label + value[:per_line], style.fontName, style.fontSize) > width:
        per_line //= 2
    return [(label if i == 0 else "") + value[i : i + per_line] for i in range(0, len(value), per_line)]


def _boxes(names: dict[str, str], chosen: str) -> str:
    """The recorded choice, or every choice with a box to tick by hand."""
    return names.get(chosen) or "　".join(f"□{name}" for name in names.values())


# --------------------------------------------------------------------------- building blocks


def _kv_table(rows: list[list[Any]], widths: list[float], st: dict[str, ParagraphStyle], *, ruled: bool) -> Table:
    """Key/value rows; keys in the even columns. Strings become paragraphs."""
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if isinstance(cell, Flowable) or cell == "":
                cells.append(cell)
            else:
                cells.append(Paragraph(cell if i % 2 else esc(cell), st["body"] if i % 2 else st["key"]))
        body.append(cells)
    table = FormTable(body, colWidths=widths, hAlign="LEFT")
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        # Paragraph lines put their extra leading below the text: pad the top to centre it.
        ("TOPPADDING", (0, 0), (-1, -1), 2.2 if ruled else 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
    ]
    if ruled:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for col in range(0, len(widths), 2):
            commands.append(("BACKGROUND", (col, 0), (col, -1), colors.HexColor("#f0f0f0")))
    else:
        commands.append(("LEFTPADDING", (0, 0), (0, -1), 0))
    table.setStyle(TableStyle(commands))
    return table


def _section(title: str, spec: _Layout, st: dict[str, ParagraphStyle], width: float) -> Flowable:
    if spec.thermal:
        return Paragraph(f"【{esc(title)}】", st["section"])
    band = Table([[Paragraph(esc(title), st["section"])]], colWidths=[width])
    band.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e4e4e4")),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return band


def _rule(spec: _Layout, *, dashed: bool = False) -> Flowable:
    return HRFlowable(
        width="100%",
        thickness=0.6 if not dashed else 0.5,
        color=colors.black,
        dash=(2, 2) if dashed else None,
        spaceBefore=2.5,
        spaceAfter=2.5,
    )


def _copy_band(copy: _Copy, copy_index: int, spec: _Layout, st: dict[str, ParagraphStyle], width: float) -> Table:
    """The copy mark at the top: a black box with the copy's name, and what it is for."""
    box_w = 24 * mm if spec.thermal else 30 * mm
    mark = Paragraph(f'<font color="white">{esc(copy.name)}</font>', st["copy"])
    note = Paragraph(esc(f"第{'一二'[copy_index]}联（共两联） {copy.note}"), st["copynote"])
    table = Table([[mark, note]], colWidths=[box_w, width - box_w])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (0, 0), colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class _Item:
    """One line of 收取材料清单: a file of the case, or a thing the customer handed over that was photographed."""

    label: str  # 证据1: the exhibit the line belongs to
    name: str
    kind: str  # 照片, 票据…; 实物 for a thing
    form: str  # 原件/复印件/实物/电子, or boxes to tick
    kept: str  # 留存/退回, or boxes to tick
    sha256: str = ""  # files only


# A photo's name that says what it shows: 耳机实物照片, 耳机的照片, 屏幕裂纹图片 (the thing is what comes before).
_PHOTO_OF = re.compile(r"^(?P<thing>.+?)(?:的)?(?:实物)?(?:照片|图片|相片)$")


# What is left of a photo's name that names no thing: 的照片, 实物照片, 实物的照片.
_NO_THING = re.compile(r"^[\s的之实物，,、：:·\-_（）()]*$")


def _thing_name(title: str, product: str) -> str:
    """The name of the thing an exhibit's photo shows, from the photo's name, else the product bought.

    A name with nothing left once 的/实物 are taken off (的照片, 实物照片) names the product; with no product
    either, the line says the thing is the one in the photo (never 实物 beside 实物 and 实物). A long name is
    cut shorter than the photo's line, which is beside it."""
    m = _PHOTO_OF.match(title.strip())
    if m:
        thing = re.sub(r"(?:的|实物)+$", "", m.group("thing").strip()).strip()
        if thing and not _NO_THING.match(thing):
            return _short(thing, THING_NAME_CHARS)
    return _short(product.strip(), THING_NAME_CHARS) or "照片所示物品"


# Where a photo comes from when the store took it itself: walk-in desk photos are 本店拍摄; the desk recorded
# its own photos as 顾客出示 before, and those are the store's photos too.
STORE_SOURCES = ("本店拍摄", "门店拍摄", "顾客出示")
STORE_PHOTO = "本店拍摄"
PAPER_FORMS = ("original", "copy")


def _paper_name(title: str) -> str:
    """The name of the paper an exhibit shows (小票, 发票): its name without 照片/扫描件 at the end."""
    m = _PHOTO_OF.match(title.strip())
    name = re.sub(r"(?:的|原件|复印件)+$", "", m.group("thing").strip()).strip() if m else title.strip()
    return _short(name if name and not _NO_THING.match(name) else title.strip(), THING_NAME_CHARS)


def material_name(title: str, handed_in: str, product: str) -> str:
    """What the receipt calls the paper or object that the photo titled ``title`` shows, handed over as
    ``handed_in`` (one of HANDED_IN, or "" not recorded)."""
    return _thing_name(title, product) if handed_in == "object" else _paper_name(title)


@dataclass(frozen=True)
class _Materials:
    """The receipt's two lists: (a) what the store received from the customer, kept or returned, and (b) the
    photos the store took itself, each saying which received item it shows."""

    received: list[_Item]
    photos: list[_Item]
    # When each line's material was recorded, by its label (材料1, 证据2): the exhibit added, the thing handed in
    # entered in the case's list (unknown: not there).
    when: dict[str, datetime] = field(default_factory=dict)


def receipt_label(entry: ExhibitEntry) -> str:
    """How the receipt names a file: 证据N by the case's own number for it (案卷编号), which stays when another
    is withdrawn or added, so that each edition of the receipt names the same file the same."""
    original = entry.original if entry.original is not None else entry.exhibit
    return f"证据{original.number}"


def _items(
    entries: list[ExhibitEntry],
    product: str,
    handed: list[HandedItem] | None = None,
    handed_at: Mapping[str, datetime] | None = None,
) -> _Materials:
    """What the store received (spec §7(e) item 7), one line each, apart from the store's own photos.

    The case's handed-in items (name, count, kept or returned) are listed whether photographed or not; an
    exhibit marked as the photo of a paper (原件/复印件) or of an object (实物) the customer handed over lists
    that paper or object as received, and the exhibit as the store's photo of it. A file the customer handed
    over (电子), or one nothing was recorded for, is itself a material received, with its SHA-256; what was not
    recorded is boxes to tick by hand. A photo the store took and nothing was recorded for is only a photo. The
    file of a paper or an object handed over that someone else made (its source 顾客提供, not the store) is no
    photo of the store's: it is that material's electronic copy, said on the material's line (另收电子照片1张：证据2，
    本店留存, with its SHA-256 when it is the only one) and counted once with it; so is such a file linked to no
    material that has a material's name. A file from someone else matching no material is a material of its own."""
    received: list[_Item] = []
    photos: list[_Item] = []
    shows: dict[int, str] = {}  # exhibit -> the received item its photo shows
    when: dict[str, datetime] = {}
    things = 0  # the papers and objects received, numbered 材料1, 材料2…
    named: dict[str, str] = {}  # a handed-in item's name -> its label
    copies: dict[str, list[ExhibitEntry]] = {}  # a material's label -> the files of it from someone else
    for item in handed or []:
        things += 1
        label = f"材料{things}"
        named.setdefault(item.name.strip(), label)
        name = _short(item.name.strip(), RECEIPT_TITLE_CHARS)
        if item.count > 1:
            name += f" ×{item.count}"
        kind = "实物" if item.handed_in == "object" else "纸质" if item.handed_in in PAPER_FORMS else "—"
        form = _boxes(HANDED_IN_NAMES, item.handed_in)
        received.append(_Item(label, name, kind, form, _boxes(DISPOSITION_NAMES, item.disposition)))
        if handed_at and handed_key(item) in handed_at:
            when[label] = handed_at[handed_key(item)]
        for number in item.photos:
            shows.setdefault(number, label)
    for entry in entries:
        e = entry.exhibit
        numbers = {entry.number, e.number} | ({entry.original.number} if entry.original is not None else set())
        linked = next((shows[n] for n in sorted(numbers) if n in shows), "")
        label = receipt_label(entry)
        when.setdefault(label, e.added_at)
        kind = KIND_NAMES.get(e.kind, "其他")
        source = e.source.strip()
        if e.handed_in in ("object", *PAPER_FORMS) and not linked:
            thing = material_name(e.title, e.handed_in, product)
            things += 1
            linked = f"材料{things}"
            kind_of = "实物" if e.handed_in == "object" else "纸质"
            form = HANDED_IN_NAMES[e.handed_in]
            received.append(_Item(linked, thing, kind_of, form, _boxes(DISPOSITION_NAMES, e.disposition)))
            when[linked] = e.added_at
        ours = source in STORE_SOURCES or not source
        if not linked and not ours and e.handed_in in ("", "electronic"):
            # Someone else's file named as a material handed in (购物小票 beside the paper 购物小票): its copy.
            linked = named.get(e.title.strip()) or named.get(_paper_name(e.title), "")
        if linked and not ours:  # the material's electronic copy, said on its line
            copies.setdefault(linked, []).append(entry)
            continue
        if (linked and ours) or (not e.handed_in and source in STORE_SOURCES):
            # The store's own photo, named shorter than a material: its list has a heading of its own to fit.
            title = _short(e.title, PHOTO_TITLE_CHARS)
            photos.append(_Item(label, title, kind, STORE_PHOTO, linked or "—", e.sha256))
            continue
        form = _boxes(HANDED_IN_NAMES, e.handed_in)
        kept = _boxes(DISPOSITION_NAMES, e.disposition)
        received.append(_Item(label, _short(e.title), kind, form, kept, e.sha256))
    for i, line in enumerate(received):
        files = copies.get(line.label)
        if files:  # one hash a line: the file's when it is the only one (the case keeps each file's)
            digest = files[0].exhibit.sha256 if len(files) == 1 else ""
            received[i] = dataclasses.replace(line, name=line.name + _copies_note(files), sha256=digest)
    return _Materials(received, photos, when)


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif", ".tiff")


def _copies_note(files: list[ExhibitEntry]) -> str:
    """What a material's line says of its electronic copies from the customer, which the store keeps:
    （另收电子照片1张：证据2，本店留存）."""
    photos = all(
        f.exhibit.mime.startswith("image/")
        or f.exhibit.kind in (EvidenceKind.PHOTO, EvidenceKind.SCREENSHOT)
        or f.exhibit.original_name.lower().endswith(IMAGE_SUFFIXES)
        for f in files
    )
    what = f"电子照片{len(files)}张" if photos else f"电子文件{len(files)}份"
    return f"（另收{what}：{'、'.join(receipt_label(f) for f in files)}，本店留存）"


def _materials_heading(materials: _Materials) -> str:
    """收取材料清单 and the count of what the customer handed over (the store's own photos are counted apart)."""
    return f"收取材料清单（共 {len(materials.received)} 项）"


def _first_heading(materials: _Materials, *, later: bool) -> str:
    """收取材料清单 of the first visit; when more was handed in later, said to be what was received at 受理."""
    if not later:
        return _materials_heading(materials)
    return f"收取材料清单（受理时收取，共 {len(materials.received)} 项）"


# A material recorded this soon after a receipt was issued is taken as handed in at the same visit (the clerk
# completing the list while the customer is at the desk), not as handed in later.
SAME_VISIT = timedelta(minutes=30)


def _visits(materials: _Materials, issued: tuple[datetime, ...]) -> list[tuple[datetime | None, _Materials]]:
    """The materials by visit: those recorded by the time the case's first receipt was issued (all of them when
    none was), then those recorded after each receipt, up to the next, with when the first of them was recorded
    (:data:`SAME_VISIT` after a receipt is still its visit). A line whose time is not known is the first visit's;
    a later visit with nothing in it is left out."""
    groups: list[tuple[list[_Item], list[_Item]]] = [([], []) for _ in range(len(issued) + 1)]

    def visit(label: str) -> int:
        at = materials.when.get(label)
        return 0 if at is None else sum(1 for t in issued if t + SAME_VISIT < at)

    for item in materials.received:
        groups[visit(item.label)][0].append(item)
    for item in materials.photos:
        groups[visit(item.label)][1].append(item)
    out: list[tuple[datetime | None, _Materials]] = []
    for i, (received, photos) in enumerate(groups):
        if i and not received and not photos:
            continue
        times = [materials.when[x.label] for x in (*received, *photos) if x.label in materials.when]
        out.append((min(times) if i and times else None, _Materials(received, photos, materials.when)))
    return out


def _photos_heading(materials: _Materials) -> str:
    return f"本店拍摄照片（共 {len(materials.photos)} 张，本店留存）"


def _cell_boxes(text: str, per_line: int) -> str:
    """Boxes to tick in a narrow A5 cell, ``per_line`` a line (□原件　□复印件 / □实物　□电子), never cut inside one."""
    if "□" not in text:
        return esc(text)
    boxes = text.split("　")
    return "<br/>".join("　".join(esc(b) for b in boxes[i : i + per_line]) for i in range(0, len(boxes), per_line))


def _materials(
    items: list[_Item],
    spec: _Layout,
    st: dict[str, ParagraphStyle],
    width: float,
    full_hash: bool,
    *,
    photos: bool = False,
    heading: str = "",
    heads: bool = True,
) -> list[Flowable]:
    """A list of materials received, or with ``photos`` of the store's own photos (source, and the material
    received each shows, in the columns where a material's form and whether it was kept go). ``heading``: on A5,
    the photos' heading is their table's first row, beside the heads of those two columns; without ``heads`` (a
    later visit's list under one with the same columns), across the whole row."""
    if not items:
        return [Paragraph("无", st["body"])]
    form_key, kept_key = ("来源", "所拍材料") if photos else ("形式", DISPOSITION_HEADING)
    if spec.thermal:
        # One block an item: name and kind; what was handed over and what became of it (boxes to tick
        # when not recorded); the full SHA-256 over as many lines as the roll needs.
        flowables: list[Flowable] = []
        indent = 3 * mm
        label = stringWidth(HASH_LABEL, st["hash"].fontName, st["hash"].fontSize)
        hanging = ParagraphStyle("item", parent=st["small"], leftIndent=indent, firstLineIndent=-indent)
        detail = ParagraphStyle("detail", parent=st["small"], leftIndent=indent)
        # The hash's later lines start under its first digit.
        digits = ParagraphStyle(
            "digits", parent=st["hash"], leftIndent=indent + label, firstLineIndent=-label, spaceAfter=1.5
        )
        previous = ""
        for item in items:
            handed = f"{form_key}：{item.form}"
            kept = f"{kept_key}：{item.kept}"
            if item.label != previous:
                # A thing's kind is its form (实物): said once, after 形式.
                kind = f"（{esc(item.kind)}）" if item.kind != item.form else ""
                flowables.append(Paragraph(f"{esc(item.label)}　{esc(item.name)}{kind}", hanging))
            else:  # the photo of the thing above
                flowables.append(Paragraph(f"{esc(item.kind)}：{esc(item.name)}", detail))
            previous = item.label
            if "□" not in handed + kept:
                flowables.append(Paragraph(esc(f"{handed}　{kept}"), detail))
            else:  # boxes to tick: each choice on a line of its own
                flowables += [Paragraph(esc(handed), detail), Paragraph(esc(kept), detail)]
            if item.sha256:
                lines = _hash_lines(item.sha256, st["hash"], width - indent)
                flowables.append(Paragraph("<br/>".join(esc(line) for line in lines), digits))
            else:
                flowables.append(Spacer(1, 1.5))
        return flowables
    cell = st["small"]
    head = ParagraphStyle("head", parent=st["small"], fontSize=7, leading=8.4)
    boxes = ParagraphStyle("boxes", parent=cell, wordWrap=None)
    label_w, kind_w, form_w, kept_w = 13 * mm, 13 * mm, 17 * mm, 11 * mm
    ticks = any("□" in item.form + item.kept for item in items)
    per_line = (2, 1)  # boxes a line in the narrow cells: □原件　□复印件 / □实物　□电子; □留存 / □退回
    if ticks and full_hash:
        # Boxes to tick: the cells as wide as all of them in a line, so that a line stays one line high.
        boxes = ParagraphStyle("boxes", parent=cell, fontSize=7, leading=cell.leading, wordWrap=None)
        form_w = stringWidth(_boxes(HANDED_IN_NAMES, ""), boxes.fontName, boxes.fontSize) + 5
        kept_w = stringWidth(_boxes(DISPOSITION_NAMES, ""), boxes.fontName, boxes.fontSize) + 5
        per_line = (len(HANDED_IN_NAMES), len(DISPOSITION_NAMES))
    elif ticks:  # two lines of boxes, set close
        boxes = ParagraphStyle("boxes", parent=cell, fontSize=7, leading=8.2, wordWrap=None)
        form_w = stringWidth("□原件　□复印件", boxes.fontName, boxes.fontSize) + 5
    titles = (
        ("编号", "照片名称", "类型", "来源", "所拍")
        if photos
        else ("编号", "材料名称", "类型", "原件/复印件/<br/>实物/电子", "留存/<br/>退回")
    )
    headings: list[Any] = [Paragraph(h, head) for h in titles]
    if heading:
        headings[:3] = [Paragraph(esc(heading), st["section"]), "", ""]
    if heading and not heads:  # a later visit's list, under a table with the same heads: its heading across the row
        headings = [Paragraph(esc(heading), st["small"]), "", "", "", ""]
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
    ]
    if heading:
        commands += [
            ("SPAN", (0, 0), (2 if heads else -1, 0)),
            ("BACKGROUND", (0, 0), (2, 0), colors.HexColor("#e4e4e4")),
        ]

    def row(item: _Item) -> list[Any]:
        return [
            Paragraph(esc(item.label), cell),
            Paragraph(esc(item.name), cell),
            # A thing's kind is its form (实物): said once, in the form's column.
            Paragraph(esc(item.kind) if item.kind != item.form else "—", cell),
            Paragraph(_cell_boxes(item.form, per_line[0]), boxes),
            Paragraph(_cell_boxes(item.kept, per_line[1]), boxes),
        ]

    def span_labels(first_rows: list[int], last_row: int) -> None:
        """One label cell for the lines of an exhibit (a thing and its photo)."""
        for start, end in zip(first_rows, [*first_rows[1:], last_row + 1], strict=True):
            if end - start > 1:
                commands.append(("SPAN", (0, start), (0, end - 1)))

    rows: list[list[Any]]
    firsts: list[int] = []
    hash_w = width - label_w - 4
    files = [item for item in items if item.sha256]
    if full_hash and all(_hash(item.sha256, st["hash"], hash_w, full=True)[-1] != "…" for item in files):
        # Two rows a file: name, kind, what was handed over and what became of it (boxes to tick when not
        # recorded); then the full SHA-256 under them. A thing handed over is one row, without a hash.
        title_w = width - label_w - kind_w - form_w - kept_w
        widths = [label_w, title_w, kind_w, form_w, kept_w]
        rows = [headings]
        previous = ""
        for item in items:
            r = len(rows)
            if item.label != previous:
                firsts.append(r)
            previous = item.label
            rows.append(row(item))
            if item.sha256:
                rows.append(
                    ["", Paragraph(esc(_hash(item.sha256, st["hash"], hash_w, full=True)), st["hash"]), "", "", ""]
                )
                commands += [
                    ("SPAN", (1, r + 1), (4, r + 1)),
                    ("LINEBELOW", (1, r), (4, r), 0.4, colors.HexColor("#bbbbbb")),
                ]
    elif ticks:
        # One row an item, two lines high for the boxes to tick: the first 16 hex digits of the SHA-256 under
        # the name, which takes the width a column of them would.
        title_w = width - label_w - kind_w - form_w - kept_w
        widths = [label_w, title_w, kind_w, form_w, kept_w]
        close = ParagraphStyle("close", parent=cell, leading=boxes.leading + 0.4)
        close_hash = ParagraphStyle("closehash", parent=st["hash"], fontSize=7, leading=boxes.leading)
        rows = [headings]
        previous = ""
        for item in items:
            if item.label != previous:
                firsts.append(len(rows))
            previous = item.label
            cells = row(item)
            if item.sha256:
                digest = esc(HASH_LABEL + item.sha256.lower()[:16] + "…")
                cells[1] = [Paragraph(esc(item.name), close), Paragraph(digest, close_hash)]
            rows.append(cells)
    else:
        # One row an item, the first 16 hex digits of the SHA-256 in its own column (none when no item is a file).
        hash_w = 28 * mm if files else 0
        title_w = width - label_w - kind_w - form_w - kept_w - hash_w
        widths = [label_w, title_w, kind_w, form_w, kept_w, *([hash_w] if files else [])]
        rows = [[*headings, *([Paragraph("SHA-256（前16位）", head)] if files else [])]]
        previous = ""
        for item in items:
            if item.label != previous:
                firsts.append(len(rows))
            previous = item.label
            digest = item.sha256.lower()[:16] + "…" if item.sha256 else "—"
            rows.append([*row(item), *([Paragraph(esc(digest), st["hash"])] if files else [])])
    span_labels(firsts, len(rows) - 1)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return [table]


RECEIPT_TITLE_CHARS = 120


# The store's photos are listed under a heading of their own: their names are cut shorter (the case keeps them whole).
PHOTO_TITLE_CHARS = 40

# A thing handed over is named in a few words (耳机, 手机充电器): its photo's line beside it gives the whole name.
THING_NAME_CHARS = 16


def _short(title: str, limit: int = RECEIPT_TITLE_CHARS) -> str:
    """A material's name as a receipt shows it: a very long one is cut (the case keeps it whole)."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _signatures(spec: _Layout, st: dict[str, ParagraphStyle], width: float) -> Table:
    """Ruled lines to sign on, tall enough for a hand."""
    line = 0.6
    if spec.thermal:
        rows: list[list[Any]] = [[Paragraph("受理人签名", st["key"]), ""], [Paragraph("顾客签名", st["key"]), ""]]
        widths = [spec.label_width, width - spec.label_width - 4 * mm]
        commands: list[Any] = [("LINEBELOW", (1, 0), (1, -1), line, colors.black)]
        heights = [9 * mm, 9 * mm]
    else:
        rows = [[Paragraph("受理人签名", st["key"]), "", Paragraph("顾客签名", st["key"]), ""]]
        gap = 4 * mm
        key = 18 * mm
        line_w = (width - 2 * key - gap) / 2
        widths = [key, line_w, key + gap, line_w]
        commands = [
            ("LINEBELOW", (1, 0), (1, 0), line, colors.black),
            ("LINEBELOW", (3, 0), (3, 0), line, colors.black),
        ]
        commands.append(("LEFTPADDING", (2, 0), (2, 0), gap))
        heights = [10 * mm]
    table = Table(rows, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *commands,
            ]
        )
    )
    return table


# --------------------------------------------------------------------------- one copy


def _copy_story(
    ctx: BundleContext,
    copy: _Copy,
    spec: _Layout,
    facts_limit: int,
    *,
    full_hash: bool,
    ours: bool,
    close: bool = False,
) -> list[Flowable]:
    """One copy; ``ours``: the business complained about is the one issuing the receipt (本店); ``close``: the
    sections set closer together (an A5 copy's last way to keep to one page)."""
    case = ctx.case
    org = ctx.org
    st = _styles(spec)
    width = spec.width - 2 * spec.margin_x
    index = COPIES.index(copy)
    thin = 2.2 if spec.thermal else 1.0 if close else 3.0  # gap between sections

    story: list[Flowable] = [_copy_band(copy, index, spec, st, width), Spacer(1, thin + 1)]

    # 1. Title and the store.
    story.append(Paragraph("投诉受理回执", st["title"]))
    store_name = esc(org.name.strip()) if org.name.strip() else "门店名称：" + blank("", 10)
    story.append(Paragraph(store_name, st["store"]))
    if spec.thermal:
        story.append(Paragraph("地址：" + esc(blank(org.address, 12)), st["center"]))
        story.append(Paragraph("服务电话：" + esc(blank(org.phone, 8)), st["center"]))
    else:
        line = f"地址：{esc(blank(org.address, 12))}　　服务电话：{esc(blank(org.phone, 8))}"
        story.append(Paragraph(line, st["center"]))
    story.append(_rule(spec))

    # 2–3. Number, QR code, time and channel.
    qr_size = spec.qr
    qr = qr_drawing(_qr_data(case), qr_size)
    printed = _printed_note(ctx)
    if printed and spec.thermal:  # a line of its own, not broken where the roll's narrow column ends
        printed = "<br/>" + printed
    head_rows: list[list[Any]] = [
        [
            "回执编号",
            Paragraph(esc(case.number) + ("<br/>" if spec.thermal else "") + esc(_edition_mark(ctx)), st["number"]),
        ],
        ["受理时间", esc(_time(case.complained_at)) + printed],
        ["受理渠道", esc(CHANNEL_NAMES.get(case.channel, str(case.channel)))],
        ["受理人", f"{esc(blank(ctx.operator, 6))}（工号 {esc(blank(ctx.clerk_id, 4))}）"],
    ]
    reissue = reissue_text(ctx, masked=copy.masked)
    kind, _, rest = reissue.partition("：")
    if reissue and not spec.thermal:  # 补打 or 更正, beside the QR code (its height is there to fill)
        head_rows.append([kind, Paragraph(esc(rest), st["small"])])
    left_w = width - qr_size - 2 * mm
    key_w = spec.label_width * (0.8 if spec.thermal else 0.75)
    head = _kv_table(head_rows, [key_w, left_w - key_w], st, ruled=False)
    qr_cell = [qr, Paragraph("扫码核对回执编号", ParagraphStyle("qrnote", parent=st["hash"], alignment=TA_CENTER))]
    top = FormTable([[head, qr_cell]], colWidths=[left_w, width - left_w])
    top.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                ("VALIGN", (1, 0), (1, 0), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(top)
    if reissue and spec.thermal:  # the roll's column beside the QR code is too narrow: a line of its own
        story.append(Paragraph(f"【{esc(kind)}】{esc(rest)}", st["small"]))

    # 4–5. The customer and the purchase.
    person = case.complainant  # masked throughout on the customer's copy (ctx.seen_by)
    phone = person.phone.strip()
    txn = case.transaction
    product = _product(txn.product, txn.brand_model)
    bought = zone.show(txn.purchased_at, "%Y-%m-%d", offset=False)
    values = {
        "顾客姓名": esc(blank(person.name, 6)),
        "电话": esc(blank(phone, 8)),
        "订单号/小票号": esc(blank(txn.order_no, 10)),
        "商品/服务": esc(blank(product, 10)),
        "购买日期": esc(blank(bought, 6)),
        "金额": esc(blank(_amount(txn.amount), 6)),
    }
    story += [Spacer(1, thin), _section("顾客与消费信息", spec, st, width), Spacer(1, 1.5)]
    if spec.thermal:
        story.append(
            _kv_table(
                [[k, v] for k, v in values.items()], [spec.label_width, width - spec.label_width], st, ruled=False
            )
        )
    else:
        kw = spec.label_width
        vw = (width - 2 * kw) / 2
        rows = [
            ["顾客姓名", values["顾客姓名"], "电话", values["电话"]],
            ["订单号/小票号", values["订单号/小票号"], "购买日期", values["购买日期"]],
            ["商品/服务", values["商品/服务"], "金额", values["金额"]],
        ]
        story.append(_kv_table(rows, [kw, vw, kw, vw], st, ruled=True))

    # 6. The complaint.
    demands = _demands(case)
    demand_text = "<br/>".join(esc(d) for d in demands) if demands else esc(blank("", 10))
    store = "本店" if ours else ctx.party("respondent").name.strip() or "被投诉方"
    facts = _facts(_store_words(complaint_account(case), store), facts_limit)
    complaint_rows = [
        ["投诉类型", esc(TYPE_NAMES.get(case.type, str(case.type)))],
        ["问题简述", esc(blank(facts, 12))],
        ["顾客诉求", demand_text],
    ]
    story += [Spacer(1, thin), _section("投诉内容", spec, st, width), Spacer(1, 1.5)]
    story.append(_kv_table(complaint_rows, [spec.label_width, width - spec.label_width], st, ruled=not spec.thermal))

    # 7. What the store received.
    handed_at = ctx.receipt.handed_at if ctx.receipt is not None else None
    everything = _items(ctx.entries, txn.product, case.handed_items, handed_at)
    # What came at the first visit, then what was handed in or photographed after each receipt the case issued.
    visits = _visits(everything, ctx.receipt.issued if ctx.receipt is not None else ())
    for i, (at, materials) in enumerate(visits):
        if i and not materials.received:
            continue
        title = _first_heading(materials, later=len(visits) > 1)
        if i:
            title = f"补交材料（{_time(at) if at is not None else ''} 收取，共 {len(materials.received)} 项）"
        if i and not spec.thermal:  # a later visit's heading is the first row of its table, as the photos' is
            heads = not visits[0][1].received  # the heads are those of the list above
            later = _materials(materials.received, spec, st, width, full_hash, heading=title, heads=heads)
            story += [Spacer(1, 1 if not heads else thin), *later]
            continue
        if close and len(visits) > 1 and not spec.thermal and materials.received:
            # Set close for a later visit's lines: the heading in the table's first row, beside the columns' heads.
            story += [Spacer(1, thin), *_materials(materials.received, spec, st, width, full_hash, heading=title)]
            continue
        story += [Spacer(1, thin), _section(title, spec, st, width), Spacer(1, 1.5)]
        story += _materials(materials.received, spec, st, width, full_hash)
    shown = False  # a photos' table printed, with its heads
    for i, (at, materials) in enumerate(visits):
        if not materials.photos:
            continue
        heading = _photos_heading(materials)
        if i and at is not None:
            heading = f"补拍照片（{_time(at)} 拍摄，共 {len(materials.photos)} 张）"
        if spec.thermal:
            story += [Spacer(1, thin), _section(heading, spec, st, width), Spacer(1, 1.5)]
            story += _materials(materials.photos, spec, st, width, full_hash, photos=True)
        else:  # the heading is the first row of the photos' table
            listed = _materials(
                materials.photos, spec, st, width, full_hash, photos=True, heading=heading, heads=not shown
            )
            story += [Spacer(1, 1 if shown else thin), *listed]
        shown = True

    # 8. Priority and the promised reply.
    hours = case.priority.response_hours
    due = f"{_time(case.response_due_at)}（受理后 {hours} 小时内）"
    deadline: list[Flowable] = [_section("处理时限", spec, st, width), Spacer(1, 1.5)]
    if close and ctx.receipt is not None and ctx.receipt.issued:
        # A receipt printed again, set close: the row says what it is (优先级, 承诺答复时间) without the band, for the
        # lines a later visit's materials take.
        deadline = []
    if spec.thermal:
        rows = [["优先级", esc(PRIORITY_NAMES[case.priority])], ["承诺答复时间", esc(due)]]
        deadline.append(_kv_table(rows, [spec.label_width, width - spec.label_width], st, ruled=False))
    else:
        kw = spec.label_width
        rows = [["优先级", esc(PRIORITY_NAMES[case.priority]), "承诺答复时间", esc(due)]]
        deadline.append(_kv_table(rows, [kw * 0.75, 18 * mm, kw, width - kw * 1.75 - 18 * mm], st, ruled=True))

    # 9. Signatures (受理人 is named in the head block), on the page of the deadline they sign for.
    deadline += [Spacer(1, 1), _signatures(spec, st, width)]
    for flowable in deadline[:-1]:
        flowable.keepWithNext = True  # the document keeps them on one page
    story += [Spacer(1, thin), *deadline]

    # 10–11. How to follow up; other routes; personal information.
    notes = [
        f"查询方式：凭回执编号 {esc(case.number)} 向本店查询，服务电话 {esc(blank(org.phone, 8))}。",
        "其他途径：" + esc(OTHER_ROUTES),
        "个人信息告知：" + esc(privacy_notice(org.retention_years)),
    ]
    story += [Spacer(1, thin), _rule(spec, dashed=True)]
    story += [Paragraph(n, st["small"]) for n in notes]
    if spec.thermal:  # an A5 page has it in its foot (render_receipt)
        printed = zone.show(ctx.generated_at)
        story.append(Spacer(1, 1.5))
        story.append(
            Paragraph(
                f"打印时间 {esc(printed)}　·　{esc(copy.name)}",
                ParagraphStyle("foot", parent=st["hash"], alignment=TA_RIGHT),
            )
        )
    return story
