"""Each preflight finding, one row each: the case that raises it and the complete case that does not, its
level, the field it names, and the law it cites (through the law table, never typed by hand)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from casefile_testing import chinese
from preflight_cases import BOUGHT, CST, complete_case, exhibit, run

from casefile.core import law
from casefile.core.bundle.context import Level, Venue
from casefile.core.bundle.preflight import purpose_admits_agreement, title_is_file_name
from casefile.core.model import (
    Case,
    Demand,
    DemandType,
    EventKind,
    EvidenceKind,
    ExhibitMetadata,
    Filing,
    Party,
    PartyKind,
    TimelineEvent,
)


def cite(article_id: str, *, part: bool = False) -> str:
    return law.cite(article_id, short=True, with_part=part)


def _set(path: str, value: object) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        *parents, name = path.split(".")
        target: object = case
        for parent in parents:
            target = getattr(target, parent)
        setattr(target, name, value)

    return change


def _exhibit(number: int, **fields: object) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        case.exhibits[number - 1] = dataclasses.replace(case.exhibits[number - 1], **fields)

    return change


def _drop(kind: EvidenceKind) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        case.exhibits = [e for e in case.exhibits if e.kind is not kind]

    return change


def _all(*changes: Callable[[Case], None]) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        for c in changes:
            c(case)

    return change


def _agreement(status: str = "") -> Callable[[Case], None]:
    def change(case: Case) -> None:
        case.exhibits.append(
            exhibit(
                4, EvidenceKind.ARBITRATION_AGREEMENT, title="仲裁条款", agreement_status=status, agreement_reason=""
            )
        )

    return change


E, W = Level.ERROR, Level.WARNING
CA, COURT, ARB, COURIER, RECEIPT = (
    Venue.CONSUMER_ASSOCIATION,
    Venue.COURT,
    Venue.ARBITRATION,
    Venue.COURIER_CLAIM,
    Venue.RECEIPT,
)
COMPLAINT_9 = cite("complaint-measures.materials")  # 投诉举报处理办法 art. 10 (暂行办法 art. 9 until 2026-04-14)
ARB_CONTENTS = cite("arbitration.application-contents")  # 仲裁法 (2025) art. 34

# (venue, what makes the case raise it, code, level, field, citations the message must carry)
ROWS: list[tuple[Venue, Callable[[Case], None], str, Level, str, tuple[str, ...]]] = [
    # 消协 / 12315: 投诉举报处理办法 art. 10, refused under art. 16
    (CA, _set("complainant.name", ""), "no-complainant-name", W, "complainant.name", (COMPLAINT_9,)),
    (CA, _set("complainant.phone", ""), "no-complainant-phone", W, "complainant.phone", (COMPLAINT_9,)),
    (CA, _set("complainant.address", ""), "no-complainant-address", W, "complainant.address", (COMPLAINT_9,)),
    (
        CA,
        _set("respondent.name", ""),
        "no-respondent",
        E,
        "respondent.name",
        (law.cite_many(["complaint-measures.materials", "complaint-measures.not-accepted"], short=True),),
    ),
    (CA, _set("respondent.address", ""), "no-respondent-address", W, "respondent.address", (COMPLAINT_9,)),
    (CA, _set("demands", []), "no-demands", W, "demands", (COMPLAINT_9,)),
    # the walk-in receipt: no rule of the 办法 applies to a store's own receipt
    (RECEIPT, _set("complainant.name", ""), "no-complainant-name", W, "complainant.name", ()),
    (RECEIPT, _set("complainant.phone", ""), "no-complainant-phone", W, "complainant.phone", ()),
    # court: 民事诉讼法 arts. 122, 124, 127
    (COURT, _set("complainant.name", ""), "no-complainant-name", W, "complainant.name", (cite("civil-procedure.124"),)),
    (
        COURT,
        _set("complainant.address", ""),
        "no-complainant-address",
        W,
        "complainant.address",
        (cite("civil-procedure.124"),),
    ),
    (COURT, _set("respondent.name", ""), "no-respondent", E, "respondent.name", (cite("civil-procedure.122"),)),
    (
        COURT,
        _set("respondent.address", ""),
        "no-respondent-address",
        W,
        "respondent.address",
        (cite("civil-procedure.124"),),
    ),
    (COURT, _set("demands", []), "no-demands", E, "demands", (cite("civil-procedure.122"),)),
    (COURT, _set("facts", ""), "no-facts", E, "facts", (cite("civil-procedure.122"),)),
    (
        COURT,
        _agreement(),
        "arbitration-agreement-in-force",
        E,
        "exhibits.4.agreement_status",
        (cite("civil-procedure.127", part=True), "casefile exhibit 202611-001 4 --agreement invalid"),
    ),
    (
        COURT,
        _all(_agreement("invalid"), _set("filing", Filing(jurisdiction_clause=False))),
        "jurisdiction-clause-denied",
        W,
        "filing.jurisdiction_clause",
        ("“仲裁条款”（案卷编号4，无效）", "casefile edit 202611-001 --jurisdiction-clause unknown"),
    ),
    (
        COURT,
        _all(_agreement("invalid"), _exhibit(4, purpose="证明双方约定由上海仲裁委员会仲裁")),
        "agreement-purpose-admits",
        W,
        "exhibits.4.purpose",
        (
            cite("evidence-rules.3", part=True),
            cite("civil-procedure.127", part=True),
            "证明该条款系店铺预设的格式条款，未以显著方式提示，应属无效",
        ),
    ),
    (
        COURT,
        _exhibit(1, title="IMG_20261120_190512", original_name="IMG_20261120_190512.jpg"),
        "title-is-file-name",
        W,
        "exhibits.1.title",
        (cite("evidence-rules.19", part=True), "IMG_20261120_190512"),
    ),
    (CA, _exhibit(3, title="mmexport1763600000000"), "title-is-file-name", W, "exhibits.3.title", ()),
    # arbitration: the 仲裁法 (2025 art. 27 where verified), never 民事诉讼法 art. 124
    (ARB, _set("complainant.name", ""), "no-complainant-name", W, "complainant.name", (ARB_CONTENTS,)),
    (ARB, _set("complainant.address", ""), "no-complainant-address", W, "complainant.address", (ARB_CONTENTS,)),
    (ARB, _set("respondent.name", ""), "no-respondent", W, "respondent.name", (ARB_CONTENTS,)),
    (ARB, _set("respondent.address", ""), "no-respondent-address", W, "respondent.address", (ARB_CONTENTS,)),
    (ARB, _set("demands", []), "no-demands", W, "demands", (ARB_CONTENTS,)),
    (ARB, _set("facts", ""), "no-facts", W, "facts", (ARB_CONTENTS,)),
    (
        ARB,
        _drop(EvidenceKind.ARBITRATION_AGREEMENT),
        "no-arbitration-agreement",
        W,
        "exhibits",
        (cite("arbitration.agreement-contents", part=True),),
    ),
    (
        ARB,
        _all(_drop(EvidenceKind.ARBITRATION_AGREEMENT), _agreement("invalid")),
        "no-arbitration-agreement",
        W,
        "exhibits",
        ("案卷编号4已标记为无效",),
    ),
    # the institution the agreement chose: a 仲裁委员会 or a 仲裁院 (仲裁法 2025 arts. 27, 89)
    (
        ARB,
        _set("filing.arbitration_body", ""),
        "no-arbitration-body",
        W,
        "filing.arbitration_body",
        (cite("arbitration.agreement-contents"), cite("arbitration.institutions"), "--arbitration-body"),
    ),
    (
        ARB,
        _set("filing", None),
        "no-arbitration-body",
        W,
        "filing.arbitration_body",
        (cite("arbitration.institutions"),),
    ),
    # a phone: its 三包 rule counts from the sale to the fault (移动电话机商品修理更换退货责任规定 arts. 11, 12)
    (
        CA,
        _set("transaction.product", "智能手机"),
        "no-phone-fault-time",
        W,
        "transaction.fault_at",
        (law.cite_many(["phone-3bao.11", "phone-3bao.12"], short=True), "--fault-at"),
    ),
    (ARB, _set("transaction.product", "某品牌手机 X12"), "no-phone-fault-time", W, "transaction.fault_at", ()),
    # the identity page is a list of what to attach until the user has the papers ready
    (
        ARB,
        _set("filing.identity_papers", None),
        "identity-page-placeholder",
        W,
        "filing.identity_papers",
        ("申请人", "被申请人", "--identity-papers yes"),
    ),
    (
        COURT,
        _set("filing.identity_papers", False),
        "identity-page-placeholder",
        W,
        "filing.identity_papers",
        ("原告", "被告"),
    ),
    # courier claim
    (COURIER, _set("shipment.claimant", None), "no-claimant", E, "shipment.claimant.name", ()),
    (COURIER, _set("shipment.waybill_no", ""), "no-waybill", E, "shipment.waybill_no", ()),
    (
        COURIER,
        _set("shipment.carrier", ""),
        "no-carrier",
        W,
        "shipment.carrier",
        (cite("express-regulation.claim-against-brand", part=True),),
    ),
    (
        COURIER,
        _all(
            _drop(EvidenceKind.RECEIPT),
            _set("transaction.amount", None),
            _set("demands", []),
            _set("shipment.insured", False),
        ),
        "no-value-proof",
        W,
        "transaction.amount",
        (cite("express-regulation.compensation"), "未保价的快件"),
    ),
    (
        COURIER,
        _all(
            _drop(EvidenceKind.RECEIPT),
            _set("transaction.amount", None),
            _set("demands", []),
            _set("shipment.insured", True),
            _set("shipment.insured_value", Decimal("1500.00")),
        ),
        "no-value-proof",
        W,
        "transaction.amount",
        (cite("express-regulation.compensation"), "保价的快件按与快递企业约定的保价规则赔偿"),
    ),
    (
        COURIER,
        _all(_set("shipment.insured", True), _set("shipment.insured_value", None)),
        "no-insured-value",
        W,
        "shipment.insured_value",
        (cite("express-regulation.compensation"),),
    ),
    (
        COURIER,
        _set("shipment.insured", None),
        "insurance-unknown",
        W,
        "shipment.insured",
        (cite("express-regulation.compensation"),),
    ),
    (COURIER, _drop(EvidenceKind.VIDEO), "no-unboxing-video", W, "exhibits", ()),
    (COURIER, _drop(EvidenceKind.PHOTO), "no-package-photos", W, "exhibits", ()),
    (
        COURIER,
        _all(
            _set("shipment.signed_at", datetime(2026, 11, 15, 10, 0, tzinfo=CST)),
            _set("shipment.discovered_at", datetime(2026, 11, 18, 10, 0, tzinfo=CST)),
        ),
        "late-discovery",
        W,
        "shipment.discovered_at",
        (cite("civil-code.831"),),
    ),
    (
        COURIER,
        _set("demands", [Demand(DemandType.COMPENSATION, Decimal("2000.00"))]),
        "demand-differs-from-loss-table",
        W,
        "demands",
        ("2,000.00 元", "1,311.00 元"),
    ),
    (
        COURIER,
        _all(_set("shipment.insured", True), _set("shipment.insured_value", Decimal("1000.00"))),
        "demand-differs-from-loss-table",
        W,
        "demands",
        ("1,000.00 元", cite("express-regulation.compensation")),
    ),
    # the exhibits (court)
    (COURT, _set("exhibits", []), "no-evidence", W, "exhibits", ()),
    (COURT, _exhibit(1, purpose=""), "no-purpose", W, "exhibits.1.purpose", ()),
    (COURT, _exhibit(2, transcript=None), "no-transcript", W, "exhibits.2.transcript", ()),
    (COURT, _exhibit(1, flags=["broken"]), "flag-broken", W, "exhibits.1", ()),
    (
        COURT,
        _exhibit(1, flags=["captured-after-added"]),
        "flag-captured-after-added",
        W,
        "exhibits.1.captured_at",
        (),
    ),
    (COURT, _exhibit(1, metadata=ExhibitMetadata(software="GIMP 2.10.36")), "flag-edited", W, "exhibits.1", ()),
    # contradictions
    (
        COURT,
        _exhibit(1, captured_at=datetime(2022, 5, 10, 9, 0, tzinfo=CST)),
        "captured-before-purchase",
        W,
        "exhibits.1.captured_at",
        ("2022年5月10日", "2026年11月10日"),
    ),
    (
        CA,
        _all(
            _set("transaction.received_at", datetime(2026, 11, 18, 9, 0, tzinfo=CST)),
            _exhibit(1, captured_at=datetime(2026, 11, 12, 9, 0, tzinfo=CST)),
        ),
        "captured-before-receipt",
        W,
        "exhibits.1.captured_at",
        ("2026年11月18日",),
    ),
    (
        COURT,
        _exhibit(2, captured_at=datetime(2026, 11, 12, 9, 0, tzinfo=CST), captured_at_source="container"),
        "transcript-date-disagrees",
        W,
        "exhibits.2.transcript.started_at",
        ("2026年11月19日", "2026年11月12日"),
    ),
    (
        COURT,
        _exhibit(2, metadata=ExhibitMetadata(duration=45.2)),
        "transcript-beyond-recording",
        E,
        "exhibits.2.transcript",
        ("00:01:00", "00:00:46"),
    ),
    (
        COURT,
        _set(
            "timeline",
            [TimelineEvent(datetime(2026, 11, 26, 9, 30, tzinfo=CST), EventKind.CALL, "称已超过七天", evidence=[2])],
        ),
        "event-exhibit-other-day",
        W,
        "timeline.0.evidence",
        ("2026年11月26日", "称已超过七天", "证据2（案卷编号2，2026年11月19日形成）"),
    ),
    (
        CA,
        _all(
            _set("transaction.received_at", datetime(2026, 11, 18, 19, 40, tzinfo=CST)),
            _set("transaction.platform", "淘宝"),  # bought online: the seven days apply
            _set(
                "timeline",
                [
                    TimelineEvent(
                        datetime(2026, 11, 20, 10, 5, tzinfo=CST), EventKind.CHAT, "在淘宝申请七天无理由退货"
                    ),
                    TimelineEvent(datetime(2026, 11, 26, 9, 30, tzinfo=CST), EventKind.CALL, "客服称已超过七天"),
                ],
            ),
        ),
        "return-request-without-exhibit",
        W,
        "timeline.0.evidence",
        ("2026年11月20日", "在淘宝申请七天无理由退货"),
    ),
    (
        CA,
        _set("demands", [Demand(DemandType.REFUND, Decimal("2599.00"), "退一赔一")]),
        "refund-above-price",
        W,
        "demands.0.amount",
        ("2,599.00 元", "1,299.00 元", cite("consumer-protection.55")),
    ),
]


def _id(row: tuple[Venue, Callable[[Case], None], str, Level, str, tuple[str, ...]]) -> str:
    return f"{row[0].value}-{row[2]}"


@pytest.mark.parametrize("venue", list(Venue))
def test_the_complete_case_has_nothing_to_say(venue):
    case = complete_case()
    if venue is ARB:
        _agreement()(case)
    assert run(case, venue) == []


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_each_finding(row):
    venue, change, code, level, field, citations = row
    case = complete_case()
    if venue is ARB:
        _agreement()(case)
    assert code not in {f.code for f in run(case, venue)}
    change(case)
    found = [f for f in run(case, venue) if f.code == code]
    assert len(found) == 1, run(case, venue)
    (finding,) = found
    assert finding.level is level
    assert finding.field == field
    for citation in citations:
        assert citation in chinese(finding.message)
    if field.startswith("exhibits."):
        assert finding.exhibit == int(field.split(".")[1])


def test_the_receipt_cites_no_complaint_rule():
    case = complete_case()
    case.complainant = Party()
    messages = [chinese(f.message) for f in run(case, RECEIPT)]
    assert messages and not any("《" in m for m in messages)
    assert not any(law.cite("complaint-measures.materials", short=True) in m for m in messages)


def test_the_arbitration_packet_cites_no_court_rule_and_no_repealed_number():
    case = complete_case()
    case.complainant = Party()
    case.respondent = Party(PartyKind.ORGANISATION)
    case.demands = []
    case.facts = ""
    messages = " ".join(chinese(f.message) for f in run(case, ARB))
    assert "民事诉讼法" not in messages
    assert "第二十一条" not in messages and "第二十三条" not in messages  # 仲裁法 2017 numbers, repealed
    # The application's contents: the 2025 number, printed as current.
    assert "《仲裁法》第三十四条" in messages and "系2017年文本" not in messages
    assert law.cite("arbitration.agreement-contents", short=True) == "《仲裁法》第二十七条"


def test_a_court_packet_stops_on_the_errors_however_forced():
    case = complete_case()
    case.respondent = Party(PartyKind.ORGANISATION)
    case.demands = []
    case.facts = ""
    errors = {f.code for f in run(case, COURT) if f.level is Level.ERROR}
    assert errors == {"no-respondent", "no-demands", "no-facts"}


def test_a_timeline_is_facts_enough():
    from casefile.core.model import TimelineEvent

    case = complete_case()
    case.facts = ""
    case.timeline = [TimelineEvent(at=datetime(2026, 11, 18, 20, 0, tzinfo=CST), summary="收货，屏幕碎裂")]
    assert "no-facts" not in {f.code for f in run(case, COURT)}


def test_marked_agreements_let_the_court_packet_through():
    for status in ("invalid", "waived"):
        case = complete_case()
        _agreement(status)(case)
        assert "arbitration-agreement-in-force" not in {f.code for f in run(case, COURT)}
    case = complete_case()
    _agreement()(case)
    case.exhibits[-1] = dataclasses.replace(case.exhibits[-1], withdrawn=True)
    assert "arbitration-agreement-in-force" not in {f.code for f in run(case, COURT)}


@pytest.mark.parametrize("answer", [None, True])
def test_a_clause_answered_yes_or_not_at_all_is_no_contradiction(answer):
    """Unanswered, the complaint ticks 有 and names the agreement itself; answered 有, the user says so."""
    case = complete_case()
    _agreement("waived")(case)
    case.filing = Filing(jurisdiction_clause=answer)
    assert "jurisdiction-clause-denied" not in {f.code for f in run(case, COURT)}
    case = complete_case()  # 无, and no agreement on file: nothing to contradict
    case.filing = Filing(jurisdiction_clause=False, identity_papers=True)
    assert run(case, COURT) == []


@pytest.mark.parametrize(
    ("purpose", "admits"),
    [
        ("证明双方约定由上海仲裁委员会仲裁", True),
        ("证明双方约定的仲裁机构", True),
        ("购买协议第八条", True),
        ("证明该条款系店铺预设的格式条款，未以显著方式提示，应属无效", False),
        ("证明仲裁条款未提示消费者", False),
        ("证明双方已放弃仲裁", False),
        ("证明购买时间及商品", False),
        ("", False),
    ],
)
def test_what_a_purpose_proving_the_agreement_reads_like(purpose, admits):
    assert purpose_admits_agreement(purpose) is admits


@pytest.mark.parametrize("venue", [CA, ARB])
def test_a_purpose_proving_the_agreement_is_only_the_court_packets_concern(venue):
    """In an arbitration packet the agreement is what the applicant relies on; a complaint to the 消协 does not
    turn on it. Nor does an agreement in force (the court packet is refused for it anyway)."""
    case = complete_case()
    _all(_agreement("invalid"), _exhibit(4, purpose="证明双方约定由上海仲裁委员会仲裁"))(case)
    assert "agreement-purpose-admits" not in {f.code for f in run(case, venue)}
    case = complete_case()
    _all(_agreement(""), _exhibit(4, purpose="证明双方约定由上海仲裁委员会仲裁"))(case)
    assert "agreement-purpose-admits" not in {f.code for f in run(case, COURT)}


@pytest.mark.parametrize(
    ("title", "original_name", "expected"),
    [
        ("IMG_20261120_190512", "IMG_20261120_190512.jpg", True),
        ("IMG_20261120_190512.jpg", "IMG_20261120_190512.jpg", True),
        ("DSC01234", "DSC01234.JPG", True),
        ("DSCF0042", "x.jpg", True),
        ("PXL_20261120_190512345", "PXL_20261120_190512345.jpg", True),
        ("VID_20261120_190512", "VID_20261120_190512.mp4", True),
        ("Screenshot_20261120-191502_Tmall", "Screenshot_20261120-191502_Tmall.png", True),
        ("微信图片_20261120190512", "微信图片_20261120190512.jpg", True),
        ("mmexport1763600000000", "mmexport1763600000000.jpg", True),
        ("20261120_190512", "20261120_190512.jpg", True),  # the file's own machine name
        ("开箱视频", "VID_20261120_190512.mp4", False),
        ("通话录音", "通话录音.wav", False),  # the file's name, but it says what it is
        ("外包装照片（IMG_0001）", "IMG_0001.jpg", False),
        ("2026年11月16日电子发票", "invoice.pdf", False),
        ("", "IMG_0001.jpg", False),
    ],
)
def test_what_counts_as_a_camera_file_name(title, original_name, expected):
    assert title_is_file_name(title, original_name) is expected


def test_camera_file_names_are_one_finding_naming_each():
    case = complete_case()
    _exhibit(1, title="IMG_20261120_190512", original_name="IMG_20261120_190512.jpg")(case)
    _exhibit(3, title="DSC01234", original_name="DSC01234.JPG")(case)
    (finding,) = [f for f in run(case, COURT) if f.code == "title-is-file-name"]
    assert finding.exhibits == (1, 3)
    text = chinese(finding.message)
    assert "IMG_20261120_190512" in text and "DSC01234" in text
    assert "title-is-file-name" not in {f.code for f in run(case, RECEIPT)}  # a receipt lists what was handed over


def test_a_refund_with_a_stated_basis_is_the_users_call():
    case = complete_case()
    demand = Demand(DemandType.REFUND, Decimal("2599.00"))
    demand.basis = "《消费者权益保护法》第五十五条"  # type: ignore[attr-defined]  # the field being added
    case.demands = [demand]
    assert "refund-above-price" not in {f.code for f in run(case, CA)}
    case.demands = [Demand(DemandType.REFUND, Decimal("1299.00"))]
    assert "refund-above-price" not in {f.code for f in run(case, CA)}


def test_times_close_to_the_purchase_are_not_contradictions():
    case = complete_case()
    # photographed in the shop an hour before paying; a recording whose transcript is a few hours off
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], captured_at=BOUGHT - timedelta(hours=1))
    case.exhibits[1] = dataclasses.replace(case.exhibits[1], captured_at=datetime(2026, 11, 19, 20, 0, tzinfo=CST))
    codes = {f.code for f in run(case, COURT)}
    assert not codes & {"captured-before-purchase", "transcript-date-disagrees"}
    # a screenshot of the listing may well predate the purchase
    case.exhibits[0] = dataclasses.replace(
        case.exhibits[0], kind=EvidenceKind.SCREENSHOT, captured_at=datetime(2026, 10, 1, tzinfo=CST)
    )
    assert "captured-before-purchase" not in {f.code for f in run(case, COURT)}


def test_a_recordings_file_time_is_not_compared_with_its_transcript():
    case = complete_case()
    copied = datetime(2026, 11, 25, 9, 0, tzinfo=CST)  # the day it was copied off the phone
    case.exhibits[1] = dataclasses.replace(case.exhibits[1], captured_at=copied, captured_at_source="file-mtime")
    assert "transcript-date-disagrees" not in {f.code for f in run(case, COURT)}


def test_a_recording_of_unknown_length_is_not_judged():
    case = complete_case()
    case.exhibits[1] = dataclasses.replace(case.exhibits[1], metadata=ExhibitMetadata())
    assert "transcript-beyond-recording" not in {f.code for f in run(case, COURT)}
    case.exhibits[1] = dataclasses.replace(case.exhibits[1], metadata=ExhibitMetadata(duration=59.5))
    assert "transcript-beyond-recording" not in {f.code for f in run(case, COURT)}  # 00:01:00 rounds the 59.5 s


def test_dates_in_english_findings_are_written_in_full():
    """The command line (and the English app) read 2022-05-10, the Chinese 2022年5月10日."""
    case = complete_case()
    _exhibit(1, captured_at=datetime(2022, 5, 10, 9, 0, tzinfo=CST))(case)
    (finding,) = [f for f in run(case, COURT) if f.code == "captured-before-purchase"]
    assert "2022-05-10" in str(finding.message) and "2026-11-10" in str(finding.message)
    assert "2022年5月10日" in chinese(finding.message)


@pytest.mark.parametrize("venue", [ARB, COURT])
def test_a_lawyer_agent_is_asked_for_the_firms_letter_and_the_practising_certificate(venue):
    """An agent files the power of attorney (仲裁法 2025 art. 40; 民事诉讼法 art. 62) and an ID; a lawyer also the
    law firm's letter (所函) and a copy of the practising certificate, as the commissions and courts ask."""
    from casefile.core.model import Agent

    case = complete_case()
    if venue is ARB:
        _agreement()(case)
    case.filing = Filing(arbitration_body="上海仲裁委员会")
    case.agent = Agent(name="李律师", employer="上海某某律师事务所", licence_no="13101201010000000")
    (finding,) = [f for f in run(case, venue) if f.code == "identity-page-placeholder"]
    text = chinese(finding.message)
    agent_rule = cite("arbitration.agent") if venue is ARB else cite("civil-procedure.62")
    for wanted in (agent_rule, "授权委托书", "所函", "律师执业证"):
        assert wanted in text, text
    case.agent = Agent(name="王五", employer="上海某某公司")  # not a lawyer: no firm's letter
    (finding,) = [f for f in run(case, venue) if f.code == "identity-page-placeholder"]
    text = chinese(finding.message)
    assert "授权委托书" in text and "所函" not in text and "律师执业证" not in text


def test_a_phone_with_its_fault_time_or_an_accessory_needs_no_fault_time():
    case = complete_case()
    case.transaction.product = "智能手机"
    case.transaction.fault_at = datetime(2026, 11, 12, 9, 0, tzinfo=CST)
    assert "no-phone-fault-time" not in {f.code for f in run(case, CA)}
    case = complete_case()
    case.transaction.product = "手机壳"
    assert "no-phone-fault-time" not in {f.code for f in run(case, CA)}


@pytest.mark.parametrize(
    ("product", "brand_model"),
    [
        ("手机（含充电器）", "华为 Mate 60"),  # a phone sold with its charger is a phone
        ("华为 Mate 60", ""),
        ("小米14", "Xiaomi 14 smartphone"),
        ("Redmi K70", ""),
        ("OPPO Find X7", ""),
        ("vivo X100", ""),
        ("iQOO 12", ""),
        ("一加 12", ""),
        ("荣耀 Magic6", ""),
        ("三星 Galaxy S24", ""),
        ("Google Pixel 8", ""),
        ("华为 nova 12", ""),
        ("Apple iPhone 15 Pro", ""),
        ("smartphone", ""),
        ("华为Mate60手机套装包含充电器", ""),  # a set (套装), not a case (手机套)
    ],
)
def test_a_phone_is_known_by_its_ordinary_name(product, brand_model):
    case = complete_case()
    case.transaction.product, case.transaction.brand_model = product, brand_model
    assert "no-phone-fault-time" in {f.code for f in run(case, CA)}


@pytest.mark.parametrize(
    ("product", "brand_model"),
    [
        ("手机壳", ""),
        ("手机充电器", ""),
        ("手机膜", ""),
        ("iPhone 15 保护壳", ""),
        ("平板电脑", "华为 MatePad 11"),
        ("空气炸锅", "小米"),
        ("手环", "小米"),
    ],
)
def test_an_accessory_or_other_goods_of_a_phone_maker_is_not_a_phone(product, brand_model):
    case = complete_case()
    case.transaction.product, case.transaction.brand_model = product, brand_model
    codes = {f.code for f in run(case, CA)}
    assert "no-phone-fault-time" not in codes and "phone-unknown" not in codes


def test_goods_named_only_by_a_phone_maker_are_asked_about_and_the_user_says():
    case = complete_case()
    case.transaction.product, case.transaction.brand_model = "华为", ""
    (finding,) = [f for f in run(case, CA) if f.code == "phone-unknown"]
    assert finding.field == "transaction.is_phone" and finding.level is Level.WARNING
    assert "--is-phone yes" in chinese(finding.message)
    assert "no-phone-fault-time" not in {f.code for f in run(case, CA)}
    case.transaction.is_phone = True
    codes = {f.code for f in run(case, CA)}
    assert "no-phone-fault-time" in codes and "phone-unknown" not in codes
    case.transaction.product = "手机"  # the user's word stands over the name's
    case.transaction.is_phone = False
    assert not {"no-phone-fault-time", "phone-unknown"} & {f.code for f in run(case, CA)}


def test_a_phone_fault_before_the_sale_or_without_the_sale_is_said():
    case = complete_case()
    case.transaction.product = "智能手机"
    case.transaction.purchased_at = datetime(2026, 11, 2, 10, 0, tzinfo=CST)
    case.transaction.fault_at = datetime(2026, 10, 1, 10, 0, tzinfo=CST)
    (finding,) = [f for f in run(case, CA) if f.code == "phone-fault-before-sale"]
    text = chinese(finding.message)
    assert finding.field == "transaction.fault_at" and "--fault-at" in text and "--purchased-at" in text
    case.transaction.fault_at = datetime(2026, 11, 2, 8, 0, tzinfo=CST)  # the day of sale is day 1
    assert "phone-fault-before-sale" not in {f.code for f in run(case, CA)}
    case.transaction.purchased_at = None
    (finding,) = [f for f in run(case, CA) if f.code == "phone-fault-no-sale-time"]
    assert finding.field == "transaction.purchased_at" and "--purchased-at" in chinese(finding.message)


def test_an_event_may_cite_a_picture_made_later_and_a_recording_of_its_own_day():
    """A screenshot of a chat is often made days after it; a recording is the call itself, a day off is another
    call. A time the record does not know (the file's modification time) is not compared."""
    case = complete_case()
    case.exhibits[0] = dataclasses.replace(
        case.exhibits[0], kind=EvidenceKind.SCREENSHOT, captured_at=datetime(2026, 11, 25, 9, 0, tzinfo=CST)
    )
    call = datetime(2026, 11, 19, 9, 0, tzinfo=CST)
    case.timeline = [
        TimelineEvent(datetime(2026, 11, 18, 20, 0, tzinfo=CST), EventKind.CHAT, "告知屏幕碎裂", evidence=[1]),
        TimelineEvent(call + timedelta(minutes=3), EventKind.CALL, "客服承认破损", evidence=[2]),
    ]
    assert "event-exhibit-other-day" not in {f.code for f in run(case, COURT)}
    # the screenshot made before the chat it is cited for cannot show it
    case.timeline[0].at = datetime(2026, 11, 27, 9, 0, tzinfo=CST)
    assert "event-exhibit-other-day" in {f.code for f in run(case, COURT)}
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], captured_at_source="file-mtime")
    assert "event-exhibit-other-day" not in {f.code for f in run(case, COURT)}


def test_an_event_citing_an_exhibit_printed_as_another_version_is_checked_against_that_version():
    """The packet's （见证据N） of an event names the version it prints (the redacted copy in place of the original
    cited, or the original of a copy cited): the day of that version is checked, not skipped as absent."""
    from casefile.core.bundle.consistency import contradictions
    from casefile.core.bundle.context import ExhibitEntry

    case = complete_case()
    photo = case.exhibits[0]  # made 18 November
    copy = exhibit(4, EvidenceKind.PHOTO, title="外包装照片（遮盖）", derived_from=1)
    case.exhibits.append(copy)
    call = datetime(2026, 11, 19, 9, 0, tzinfo=CST)
    case.timeline = [TimelineEvent(datetime(2026, 11, 20, 9, 0, tzinfo=CST), EventKind.CHAT, "告知破损", evidence=[1])]

    def days_off(entries: list[ExhibitEntry]) -> list[str]:
        return [chinese(f.message) for f in contradictions(case, COURT, entries) if f.code == "event-exhibit-other-day"]

    copy_printed = [ExhibitEntry(copy, "1", original=photo), ExhibitEntry(case.exhibits[1], "2")]
    original_printed = [ExhibitEntry(photo, "1"), ExhibitEntry(case.exhibits[1], "2")]
    # The original cited, its copy printed in its place (made two days before the chat it is cited for).
    (said,) = days_off(copy_printed)
    assert "告知破损" in said and "证据1" in said
    # A copy cited, the original printed.
    case.timeline[0].evidence = [4]
    (said,) = days_off(original_printed)
    assert "告知破损" in said and "证据1" in said
    # Both cited: one version printed, said once.
    case.timeline[0].evidence = [1, 4]
    (said,) = days_off(copy_printed)
    assert said.count("证据1") == 1
    # The event the evening the picture was made, or the day before: nothing to say, whichever is printed.
    for at in (datetime(2026, 11, 18, 21, 0, tzinfo=CST), datetime(2026, 11, 17, 9, 0, tzinfo=CST)):
        case.timeline[0].at = at
        assert days_off(copy_printed) == [] and days_off(original_printed) == []
    # A recording's copy printed for a call of another day: another call.
    case.timeline = [TimelineEvent(call + timedelta(days=1), EventKind.CALL, "客服承认破损", evidence=[2])]
    video_copy = exhibit(5, EvidenceKind.VIDEO, title="开箱视频（遮盖）", derived_from=2, captured_at=call)
    case.exhibits.append(video_copy)
    (said,) = days_off([ExhibitEntry(photo, "1"), ExhibitEntry(video_copy, "2", original=case.exhibits[1])])
    assert "客服承认破损" in said and "证据2" in said


def test_only_the_return_request_the_complaint_argues_from_is_asked_for_its_exhibit():
    case = complete_case()
    case.transaction.received_at = datetime(2026, 11, 18, 19, 40, tzinfo=CST)
    case.transaction.platform = "淘宝"  # bought online: the seven days apply
    request = TimelineEvent(datetime(2026, 11, 20, 10, 5, tzinfo=CST), EventKind.CHAT, "申请退货退款")
    case.timeline = [request, TimelineEvent(datetime(2026, 11, 19, 9, 0, tzinfo=CST), EventKind.CALL, "联系客服")]
    assert "return-request-without-exhibit" not in {f.code for f in run(case, CA)}  # no "已超过七天" to answer
    case.timeline.append(TimelineEvent(datetime(2026, 11, 26, 9, 30, tzinfo=CST), EventKind.CALL, "称超过7天"))
    assert "return-request-without-exhibit" in {f.code for f in run(case, CA)}
    request.evidence = [3]
    assert "return-request-without-exhibit" not in {f.code for f in run(case, CA)}


def _batch(case: Case, purpose: str, titles: list[str], start: int = 10) -> None:
    """Photos added in one go, a second apart, with the purpose typed for the batch; then titled one by one."""
    added = datetime(2026, 11, 21, 9, 0, tzinfo=CST)
    case.exhibits += [
        exhibit(start + i, EvidenceKind.PHOTO, title=t, purpose=purpose, added_at=added + timedelta(seconds=i))
        for i, t in enumerate(titles)
    ]


def test_a_purpose_typed_for_a_batch_is_asked_about_where_the_title_shows_something_else():
    case = complete_case()
    case.transaction.product = "某品牌手机 X12"
    _batch(case, "证明收货第三天起闪屏、黑屏", ["收货第三天手机黑屏照片", "手机屏幕闪烁照片", "手机包装盒及IMEI码照片"])
    (finding,) = [f for f in run(case, CA) if f.code == "purpose-from-batch"]
    assert finding.exhibits == (12,) and finding.field == "exhibits.12.purpose" and finding.level is Level.WARNING
    text = chinese(finding.message)
    assert (
        "手机包装盒及IMEI码照片" in text and "证明收货第三天起闪屏、黑屏" in text and cite("evidence-rules.19") in text
    )


@pytest.mark.parametrize(
    ("product", "purpose", "titles", "asked"),
    [
        # 手机 is the goods, not what an item shows: the box's photo shares only it with the purpose
        (
            "华为 Mate 60",
            "证明手机收货第三天起闪屏、黑屏",
            ["闪屏照片", "黑屏照片", "手机包装盒及IMEI码", "购物小票"],
            (12, 13),
        ),
        # the product's own name, and a kind of file, say nothing either
        ("Xiaomi 14", "证明Xiaomi 14照片中屏幕碎裂", ["屏幕碎裂", "Xiaomi 14 发票照片"], (11,)),
        # one character in common (屏 of 屏幕保护膜 and of 闪屏) is chance, not the same thing
        ("某品牌手机 X12", "证明收货第三天起闪屏、黑屏", ["闪屏照片", "屏幕保护膜"], (11,)),
    ],
)
def test_a_title_sharing_only_a_generic_word_with_the_batch_purpose_is_asked_about(product, purpose, titles, asked):
    case = complete_case()
    case.transaction.product = product
    _batch(case, purpose, titles)
    assert [f.exhibits for f in run(case, CA) if f.code == "purpose-from-batch"] == [asked]


@pytest.mark.parametrize(
    ("purpose", "titles"),
    [
        # three sides of one crushed box: the purpose fits each
        ("证明签收时外箱挤压、屏幕碎裂", ["签收时外箱挤压及运单照片", "外箱另一侧挤压照片", "手机屏幕碎裂照片"]),
        # titles still the camera's: nothing says what each shows (their own finding asks for titles)
        ("证明收货第三天起闪屏、黑屏", ["IMG_20261120_190512", "IMG_20261120_190540", "IMG_20261120_190601"]),
        # no title speaks of the purpose: nothing tells which item it was typed for
        ("证明商品存在质量问题", ["正面", "背面"]),
    ],
)
def test_a_purpose_shared_rightly_or_unjudgeable_is_not_asked_about(purpose, titles):
    case = complete_case()
    case.transaction.product = "某品牌手机 X12"
    _batch(case, purpose, titles)
    assert "purpose-from-batch" not in {f.code for f in run(case, CA)}


def test_the_same_purpose_typed_apart_is_not_a_batch():
    case = complete_case()
    _batch(case, "证明收货第三天起闪屏、黑屏", ["收货第三天手机黑屏照片"])
    _batch(case, "证明收货第三天起闪屏、黑屏", ["手机包装盒及IMEI码照片"], start=11)
    case.exhibits[-1] = dataclasses.replace(case.exhibits[-1], added_at=case.exhibits[-1].added_at + timedelta(days=1))
    assert "purpose-from-batch" not in {f.code for f in run(case, CA)}


def test_titles_that_are_still_the_files_own_names_are_not_judged():
    """The user typed the batch's purpose with the files' names before them; only a title given later says the item
    shows something the purpose does not."""
    case = complete_case()
    _batch(case, "证明屏幕在签收时已破损", ["破损照片", "订单截图_20261120-101500", "chat"])
    for e, name in zip(case.exhibits[-3:], ["破损照片.jpg", "订单截图_20261120-101500.png", "chat.txt"], strict=True):
        case.exhibits[case.exhibits.index(e)] = dataclasses.replace(e, original_name=name)
    assert "purpose-from-batch" not in {f.code for f in run(case, CA)}
    case.exhibits[-1] = dataclasses.replace(case.exhibits[-1], title="与客服聊天记录")
    assert [f.exhibits for f in run(case, CA) if f.code == "purpose-from-batch"] == [(12,)]


def test_a_12305_appeal_without_a_complaint_to_the_carrier_is_warned_of():
    """An appeal to the postal administration follows a complaint to the carrier that went unanswered for 7 days
    or did not satisfy (spec §4.2; 快递暂行条例 art. 29; 邮政法 art. 65): the 12305 packet warns when the record
    holds none, blocking the build unless accepted. A claim to the carrier itself needs none; a complaint to the
    merchant is not one to the carrier; a complaint lodged with the courier ends the warning."""
    from casefile.core.bundle.context import ExhibitEntry
    from casefile.core.bundle.preflight import preflight
    from casefile.core.venues import Route

    def codes(case: Case, route: Route | None) -> dict[str, Any]:
        entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1)]
        found = preflight(case, Venue.COURIER_CLAIM, entries, size_limit_mb=None, route=route)
        return {f.code: f for f in found}

    case = complete_case()
    assert codes(case, None) == {} and codes(case, Route.CARRIER) == {}
    finding = codes(case, Route.POSTAL_REGULATOR)["no-carrier-complaint"]
    assert finding.level is Level.WARNING and finding.field == "timeline"
    text = chinese(finding.message)
    for citation in (cite("express-regulation.complaint-7-days"), cite("postal-law.65")):
        assert citation in text, text
    assert f"casefile event {case.number} --kind complaint --with courier" in text
    at = datetime(2026, 11, 22, 15, 0, tzinfo=CST)
    case.timeline.append(TimelineEvent(at, EventKind.COMPLAINT, "向商家投诉", party="business"))
    assert "no-carrier-complaint" in codes(case, Route.POSTAL_REGULATOR)
    case.timeline.append(TimelineEvent(at, EventKind.COMPLAINT, "向快递公司投诉", ref="GD1", party="courier"))
    assert codes(case, Route.POSTAL_REGULATOR) == {}


def test_a_12305_appeal_with_neither_ground_shown_is_stopped():
    """A complaint lodged with the carrier, no answer of its recorded and its 7 days to answer not over: neither
    ground of the appeal holds (spec §4.2; 快递暂行条例 art. 29; 邮政法 art. 65; 快递市场管理办法 art. 30), so the
    12305 packet is not built, and the user is told the day it can be. A later event that says with no one but
    speaks of the courier, or cites the courier chat, is named as perhaps the answer; once said to be with the
    courier it is the answer, and the appeal may be made. After the 7 days an event that may be the answer is still
    pointed out, since the appeal then declares none came."""
    from casefile.core.bundle.findings import Findings
    from casefile.core.bundle.preflight import _carrier_complaint

    def found(case: Case, now: datetime) -> dict[str, Any]:
        findings = Findings()
        _carrier_complaint(case, findings, now)
        return {f.code: f for f in findings}

    case = complete_case()
    case.exhibits.append(exhibit(4, EvidenceKind.CHAT, title="与快递客服聊天记录"))
    complaint = TimelineEvent(
        datetime(2026, 11, 24, 10, 5, tzinfo=CST), EventKind.COMPLAINT, "申请理赔", ref="GD1", party="courier"
    )
    refusal = TimelineEvent(datetime(2026, 11, 27, 16, 40, tzinfo=CST), EventKind.CHAT, "快递客服答复不予理赔")
    cited = TimelineEvent(datetime(2026, 11, 28, 9, 0, tzinfo=CST), EventKind.NOTE, "对方再次答复", evidence=[4])
    note = TimelineEvent(datetime(2026, 11, 28, 10, 0, tzinfo=CST), EventKind.NOTE, "内部记录：等待答复")
    before = TimelineEvent(datetime(2026, 11, 23, 10, 0, tzinfo=CST), EventKind.CALL, "先问快递客服怎么理赔")
    case.timeline = [before, complaint, note]
    last_hour = datetime(2026, 12, 1, 23, 59, tzinfo=CST)  # the carrier's last day to answer (Tuesday)

    finding = found(case, last_hour)["appeal-too-early"]
    assert finding.level is Level.ERROR and finding.field == "timeline"
    text = chinese(finding.message)
    assert "2026-12-01" in finding.message and "2026-12-02" in finding.message and "2026-11-24" in finding.message
    for citation in (cite("express-regulation.complaint-7-days"), cite("postal-law.65")):
        assert citation in text, text
    assert "event" not in finding.message  # nothing in the timeline may be the answer: a note, an earlier call

    case.timeline = [before, complaint, refusal, note, cited]
    finding = found(case, last_hour)["appeal-too-early"]
    assert "event 3 (2026-11-27 16:40: 快递客服答复不予理赔)" in finding.message, finding.message
    assert "event 5 (2026-11-28 09:00: 对方再次答复)" in finding.message
    assert "event 4" not in finding.message and "event 1 " not in finding.message
    assert "casefile event 202611-001 --edit N --with courier, N being 3, 5" in finding.message
    text = chinese(finding.message)
    assert "本件自2026年12月2日起方可申诉" in text and "第3项（2026-11-27 16:40：快递客服答复不予理赔）" in text, text
    assert "或许是快递公司的答复：请将其对象设为“快递公司”" in text

    assert found(case, datetime(2026, 12, 2, 0, 0, tzinfo=CST)).keys() == {"carrier-reply-unsaid"}  # days over
    unsaid = found(case, datetime(2026, 12, 2, 0, 0, tzinfo=CST))["carrier-reply-unsaid"]
    assert unsaid.level is Level.WARNING and "event 3" in unsaid.message
    case.timeline = [before, complaint, note]
    assert found(case, datetime(2026, 12, 2, 0, 0, tzinfo=CST)) == {}

    case.timeline = [before, complaint, dataclasses.replace(refusal, party="courier"), note]
    assert found(case, last_hour) == {}  # answered: the appeal quotes the answer


def test_a_12305_appeal_too_early_is_stopped_by_the_preflight():
    """Through the preflight, on today's date: a complaint lodged with the carrier yesterday stops the 12305 packet,
    not the claim to the carrier itself; one lodged ten days ago does not."""
    from casefile.core import zone
    from casefile.core.bundle.context import ExhibitEntry
    from casefile.core.bundle.preflight import preflight
    from casefile.core.venues import Route

    def codes(case: Case, route: Route) -> set[str]:
        entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1)]
        return {f.code for f in preflight(case, Venue.COURIER_CLAIM, entries, size_limit_mb=None, route=route)}

    case = complete_case()
    lodged = TimelineEvent(zone.now() - timedelta(days=1), EventKind.COMPLAINT, "申请理赔", party="courier")
    case.timeline = [lodged]
    assert codes(case, Route.POSTAL_REGULATOR) == {"appeal-too-early"}
    assert codes(case, Route.CARRIER) == set()
    case.timeline = [dataclasses.replace(lodged, at=zone.now() - timedelta(days=10))]
    assert codes(case, Route.POSTAL_REGULATOR) == set()
