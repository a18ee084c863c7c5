"""Contradictions a packet would carry to the other side: times and amounts in the case that cannot all be true.

- A photo or video of the goods taken before they were bought (or, for the customer's own packets, before
  they were received): a "收货后第3天" photo dated 2022 in a 2026 purchase is either another item or a
  wrong clock, and the business will say so.
- A recording whose transcript says it was made on another day than the file says.
- A transcript quoting times the recording does not reach: the transcript is wrong, and it is an error.
- A courier claim whose demand is not what its own loss table comes to; a refund asked above the price
  paid with no basis stated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from casefile.core.bundle.context import BundleContext, ExhibitEntry, Finding, Level, Organisation, Venue
from casefile.core.bundle.findings import Findings, cite
from casefile.core.model import Case, Demand, DemandType, EvidenceKind
from casefile.core.validate import clock, mark_seconds

# A photo taken in the shop before paying, a clock a few hours off, a time recorded without its zone.
SLACK = timedelta(days=1)
_PICTURES = (EvidenceKind.PHOTO, EvidenceKind.VIDEO)  # the goods as the customer had them
_MEDIA = (EvidenceKind.AUDIO, EvidenceKind.VIDEO)


def contradictions(case: Case, venue: Venue, entries: Sequence[ExhibitEntry]) -> list[Finding]:
    found = Findings()
    _pictures_before_the_goods(case, venue, entries, found)
    _recordings(case, entries, found)
    if venue is Venue.COURIER_CLAIM:
        _claim_against_losses(case, venue, list(entries), found)
    elif venue is not Venue.RECEIPT:
        _refund_above_price(case, found)
    return list(found)


# --------------------------------------------------------------------------- times


def _pictures_before_the_goods(case: Case, venue: Venue, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    purchased = case.transaction.purchased_at
    # Being added to the record; read it when it is there.
    received = case.transaction.received_at
    if not isinstance(received, datetime) or venue is Venue.COURIER_CLAIM:
        received = None  # a sender's own photos of the goods before shipping are what a courier claim wants
    before_purchase: list[tuple[ExhibitEntry, str]] = []
    before_receipt: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        if e.kind not in _PICTURES or e.captured_at is None:
            continue
        if purchased is not None and e.captured_at < purchased - SLACK:
            before_purchase.append((entry, _date(e.captured_at, case)))
        elif received is not None and e.captured_at < received - SLACK:
            before_receipt.append((entry, _date(e.captured_at, case)))
    unbought = "照片、视频拍不到尚未购买的商品。请核实是否为本次购买的商品，"
    for code, items, moment, what, check in (
        ("captured-before-purchase", before_purchase, purchased, "购买", unbought),
        ("captured-before-receipt", before_receipt, received, "收货", "请核实是否为收货后拍摄，"),
    ):
        if moment is not None:
            message = f"的形成时间早于{what}时间（{_date(moment, case)}）：{check}并改正证据的形成时间或{what}时间"
            found.group(Level.WARNING, code, items, message, "captured_at")


def _recordings(case: Case, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    other_day: list[tuple[ExhibitEntry, str]] = []
    too_late: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        transcript = e.transcript
        if e.kind not in _MEDIA or transcript is None:
            continue
        started = transcript.started_at
        # A file's modification time is often the day it was copied, not the day it was recorded.
        stated = e.captured_at if e.captured_at_source != "file-mtime" else None
        if started is not None and stated is not None and abs(started - stated) > SLACK:
            other_day.append((entry, f"整理稿记为{_date(started, case)}，文件记录为{_date(stated, case)}"))
        duration = e.metadata.duration
        if isinstance(duration, int | float) and not isinstance(duration, bool) and duration > 0:
            marks = [(line.at, seconds) for line in transcript.lines if (seconds := mark_seconds(line.at)) is not None]
            beyond = [mark for mark, seconds in marks if seconds > math.ceil(duration)]
            if beyond:
                too_late.append((entry, f"时间标记{beyond[-1]}，录音长度{clock(duration)}"))
    found.group(
        Level.WARNING,
        "transcript-date-disagrees",
        other_day,
        "：文字整理稿记载的录音时间与录音文件记录的形成时间相差超过一天，请核实后改正其一",
        "transcript.started_at",
    )
    found.group(
        Level.ERROR,
        "transcript-beyond-recording",
        too_late,
        "：文字整理稿的时间标记超出录音长度，整理稿与录音不符，请对照录音改正",
        "transcript",
    )


def _date(value: datetime, case: Case) -> str:
    """2026年1月5日, in the case's own time zone (that of its complaint time)."""
    zone = case.complained_at.tzinfo
    local = value.astimezone(zone) if value.tzinfo is not None and zone is not None else value
    return f"{local.year}年{local.month}月{local.day}日"


# --------------------------------------------------------------------------- amounts


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f} 元"


def _money_claimed(demands: Sequence[Demand]) -> Decimal | None:
    """What the demands ask in money, when every money demand has its amount (as the packets add it up)."""
    money = [d for d in demands if d.type in (DemandType.REFUND, DemandType.COMPENSATION) or d.amount is not None]
    if not money or any(d.amount is None for d in money):
        return None
    return sum((d.amount for d in money if d.amount is not None), Decimal(0))


def _claim_against_losses(case: Case, venue: Venue, entries: list[ExhibitEntry], found: Findings) -> None:
    """The claim letter asks what its loss table comes to; demands recorded otherwise contradict it."""
    from casefile.core.bundle.documents import loss_table  # the packet's own calculation, as printed

    claimed = _money_claimed(case.demands)
    if claimed is None:
        return
    ctx = BundleContext(
        case=case,
        venue=venue,
        entries=entries,
        org=Organisation(),
        operator="",
        generated_at=case.complained_at,
    )
    table = loss_table(ctx)
    if table.claim is None or table.claim == claimed:
        return
    why = f"已保价，赔偿以保价金额为限（{cite('express-regulation.compensation')}）" if table.capped else ""
    found.warn(
        "demand-differs-from-loss-table",
        f"索赔请求合计 {_money(claimed)}，与损失计算表的请求赔偿金额 {_money(table.claim)}不一致"
        + (f"（{why}）" if why else "")
        + f"：理赔申请书按损失计算表写明 {_money(table.claim)}，请核对请求金额、商品价值、运费和保价金额",
        "demands",
    )


def _refund_above_price(case: Case, found: Findings) -> None:
    paid = case.transaction.amount
    refunds = [(i, d) for i, d in enumerate(case.demands) if d.type is DemandType.REFUND and d.amount is not None]
    if paid is None or not refunds:
        return
    total = sum((d.amount for _i, d in refunds if d.amount is not None), Decimal(0))
    # A refund above the price with its basis stated is the user's call.
    if total <= paid or any(_stated(d.basis) for _i, d in refunds):
        return
    found.warn(
        "refund-above-price",
        f"退款请求合计 {_money(total)}，高于实付金额 {_money(paid)}，且未写明依据：退款以实际支付的价款为限；"
        f"超出部分如属赔偿（如{cite('consumer-protection.55')}规定的增加赔偿），请列为赔偿请求并写明依据",
        f"demands.{refunds[0][0]}.amount",
    )


def _stated(value: str) -> bool:
    """Whether a demand's basis says anything."""
    return bool(value.strip())
