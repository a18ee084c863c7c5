"""Cases for the preflight's tests: a case complete for every venue, and exhibits built in memory."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from casefile.core.bundle.context import ExhibitEntry, Finding, Venue
from casefile.core.bundle.preflight import preflight
from casefile.core.model import (
    Case,
    CaseType,
    Channel,
    Demand,
    DemandType,
    EvidenceKind,
    Exhibit,
    ExhibitMetadata,
    Filing,
    Party,
    PartyKind,
    Transcript,
    TranscriptLine,
)

CST = timezone(timedelta(hours=8))
BOUGHT = datetime(2026, 11, 10, 15, 0, tzinfo=CST)


def exhibit(number: int, kind: EvidenceKind, **fields: object) -> Exhibit:
    values: dict[str, object] = {
        "title": f"证据{number}",
        "original_name": f"file{number}",
        "stored_path": f"evidence/{number:03d}",
        "size": 1000,
        "sha256": f"{number:064x}",
        "added_at": datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        "added_by": "测试员",
        "purpose": "证明商品收货时即已损坏",
        "captured_at": datetime(2026, 11, 18, 20, 0, tzinfo=CST),
        "captured_at_source": "exif",
        **fields,
    }
    return Exhibit(number=number, kind=kind, **values)  # type: ignore[arg-type]


def complete_case() -> Case:
    """A case every venue's preflight has nothing to say about (the courier claim's demand is its loss table)."""
    call = Transcript(
        recorded_by="张三",
        started_at=datetime(2026, 11, 19, 9, 0, tzinfo=CST),
        lines=[TranscriptLine("00:00:05", "客服", "您好"), TranscriptLine("00:01:00", "张三", "屏幕碎了")],
    )
    case = Case(
        number="202611-001",
        title="手机屏幕碎裂",
        complained_at=datetime(2026, 11, 20, 10, 30, tzinfo=CST),
        channel=Channel.ONLINE,
        type=CaseType.QUALITY,
        complainant=Party(PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区某路8号"),
        respondent=Party(PartyKind.ORGANISATION, name="某某数码旗舰店", address="杭州市余杭区某街1号"),
        demands=[Demand(DemandType.COMPENSATION, Decimal("1311.00"), "赔偿货款及运费")],
        facts="2026年11月18日收到手机，开箱发现屏幕碎裂。",
    )
    # The institution the agreement chose, and the identity papers ready to replace the identity page.
    case.filing = Filing(arbitration_body="上海仲裁委员会", identity_papers=True)
    case.transaction.amount = Decimal("1299.00")
    case.transaction.purchased_at = BOUGHT
    case.shipment.waybill_no = "SF1234567890123"
    case.shipment.carrier = "某某速运"
    case.shipment.freight = Decimal("12.00")
    case.shipment.insured = False
    case.shipment.claimant = Party(PartyKind.ORGANISATION, name="某某数码旗舰店")  # the merchant claims
    case.exhibits = [
        exhibit(1, EvidenceKind.PHOTO, title="外包装照片"),
        exhibit(2, EvidenceKind.VIDEO, title="开箱视频", metadata=ExhibitMetadata(duration=95.0), transcript=call),
        exhibit(3, EvidenceKind.RECEIPT, title="发票"),
    ]
    return case


def run(case: Case, venue: Venue, *, size_limit_mb: int | None = None) -> list[Finding]:
    entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1) if not e.withdrawn]
    # Printed at the counter, a quarter of an hour after the complaint was accepted (a receipt's reply time holds).
    now = case.complained_at + timedelta(minutes=15)
    return preflight(case, venue, entries, size_limit_mb=size_limit_mb, now=now)
