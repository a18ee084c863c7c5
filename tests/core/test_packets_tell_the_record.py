"""Packets say what the record says: the declarations name the proceedings the record holds, the claims and the
courier's loss count what was already paid, and the dealings say who proposed and who answered."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from bundle_pages import page_texts
from test_documents import CST, MERCHANT, context, full_case
from test_packet_fill import AFTER_DEADLINE, ANSWER, COMPLAINT, appeal

from casefile.core import law
from casefile.core.bundle.context import BundleContext, ExhibitEntry, Route, Venue
from casefile.core.bundle.documents import front_matter
from casefile.core.bundle.documents.rules import loss_table
from casefile.core.bundle.pdfkit import heading, para, render_story
from casefile.core.bundle.preflight import preflight
from casefile.core.model import Case
from casefile.core.workflow.records import (
    Answer,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    ProceedingResult,
    Proposal,
)
from casefile.core.workflow.records import Venue as ProceedingVenue


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=CST)


def text_of(ctx: BundleContext, title: str, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.pdf"
    render_story(path, dict(front_matter(ctx))[title])
    return "".join("".join(page.split()) for page in page_texts(path))


def letter(case: Case, route: Route) -> BundleContext:
    return dataclasses.replace(context(case, Venue.CONSUMER_ASSOCIATION), route=route)


def codes(case: Case, venue: Venue, route: Route | None = None) -> dict[str, str]:
    entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.exhibits, start=1)]
    found = preflight(case, venue, entries, size_limit_mb=None, route=route, now=AFTER_DEADLINE)
    return {f.code: str(f.message) for f in found}


MEDIATED = Proceeding(
    ProceedingVenue.CONSUMER_ASSOCIATION,
    body="杭州市余杭区消费者权益保护委员会",
    ref="YH-2026-1123",
    filed_at=at(23),
    accepted_at=at(24),
    result=ProceedingResult.NO_AGREEMENT,
    ended_at=at(26),
)


def test_the_12315_declaration_states_the_mediation_the_record_holds(tmp_path: Path) -> None:
    case = full_case()
    case.workflow.proceedings.append(MEDIATED)
    text = text_of(letter(case, Route.MARKET_REGULATOR), "消费投诉书", tmp_path)
    declared = text[text.index("七、声明") :]
    assert (
        "本投诉事项曾于2026年11月23日向杭州市余杭区消费者权益保护委员会投诉（编号：YH-2026-1123），"
        "2026年11月26日调解不成；未向人民法院、仲裁机构、其他市场监督管理部门或者其他行政机关提出，"
        "亦未经其受理或者处理。"
    ) in declared
    found = codes(case, Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR)
    assert "杭州市余杭区消费者权益保护委员会（YH-2026-1123）" in found["before-other-body"]
    assert law.cite("complaint-measures.not-accepted", short=True) in found["before-other-body"]


def test_a_court_judgment_is_declared_and_warned_of_before_a_consumer_association(tmp_path: Path) -> None:
    case = full_case()
    case.workflow.proceedings.append(
        Proceeding(
            ProceedingVenue.COURT,
            body="杭州市余杭区人民法院",
            ref="(2026)浙0110民初1号",
            filed_at=at(24),
            accepted_at=at(25),
            result=ProceedingResult.JUDGMENT,
            decided_at=at(27),
        )
    )
    case.workflow.outcome = Outcome(OutcomeKind.DECISION, at(27), "判决退款", Decimal("1299"))
    text = text_of(letter(case, Route.CONSUMER_ASSOCIATION), "消费投诉书", tmp_path)
    declared = text[text.index("七、声明") :]
    assert "向杭州市余杭区人民法院起诉" in declared and "2026年11月27日作出判决" in declared
    assert "未向人民法院" not in declared
    assert "未向仲裁机构、市场监督管理部门或者其他行政机关、其他消费者协会提出" in declared
    found = codes(case, Venue.CONSUMER_ASSOCIATION, Route.CONSUMER_ASSOCIATION)
    assert "before-other-body" in found and "outcome-not-claimed" in found


def test_the_complaint_itself_pending_before_its_destination_is_not_another_body(tmp_path: Path) -> None:
    case = full_case()
    case.workflow.proceedings.append(Proceeding(ProceedingVenue.REGULATOR, ref="12315-1", filed_at=at(28)))
    text = text_of(letter(case, Route.MARKET_REGULATOR), "消费投诉书", tmp_path)
    assert (
        "本投诉事项未向人民法院、仲裁机构、其他市场监督管理部门或者其他行政机关、消费者协会提出，亦未经其受理或者处理。"
    ) in text
    assert "before-other-body" not in codes(case, Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR)


def test_an_earlier_appeal_to_the_postal_administration_is_declared(tmp_path: Path) -> None:
    case = full_case()
    case.timeline += [COMPLAINT, ANSWER]
    case.workflow.proceedings.append(
        Proceeding(
            ProceedingVenue.POSTAL_REGULATOR,
            body="北京市邮政管理局",
            ref="SS-001",
            filed_at=at(27),
            result=ProceedingResult.NOT_ACCEPTED,
            ended_at=at(28),
        )
    )
    text = text_of(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", tmp_path)
    declared = text[text.index("十一、声明") :]
    assert "未就同一事项向邮政管理部门申诉过" not in declared
    assert "同一事项曾于2026年11月27日向北京市邮政管理局申诉（编号：SS-001），2026年11月28日不予受理；" in declared
    assert "申诉事项未经人民法院、仲裁机构受理或者处理" in declared
    assert "appealed-before" in codes(case, Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR)


def test_claims_ask_what_is_left_once_a_payment_is_recorded(tmp_path: Path) -> None:
    case = full_case()  # demands: a refund of 1,299.00 and 200.00 compensation
    case.workflow.payments.append(Payment(at(28), Decimal("500"), "respondent", "complainant", "原路退款"))
    case.workflow.outcome = Outcome(
        OutcomeKind.AGREEMENT, at(27), "退货退款", Decimal("1000"), "respondent", "complainant"
    )
    text = text_of(letter(case, Route.CONSUMER_ASSOCIATION), "消费投诉书", tmp_path)
    assert "返还投诉人货款余款799.00元（货款1,299.00元，被投诉人已退还500.00元）" in text
    assert "以上金额合计999.00元" in text and "1,499.00" not in text
    court = text_of(context(case, Venue.COURT), "民事起诉状", tmp_path / "court")
    assert "判令被告返还原告货款余款799.00元（货款1,299.00元，被告已退还500.00元）" in court
    found = codes(case, Venue.COURT)
    assert "500.00 yuan" in found["paid-deducted"]
    assert "1,000.00 yuan" in found["outcome-not-claimed"] and "500.00 yuan is left" in found["outcome-not-claimed"]


def test_a_payment_beyond_the_refund_is_taken_off_the_compensation() -> None:
    from casefile.core.bundle.documents.claims import deductions

    case = full_case()
    case.workflow.payments.append(Payment(at(28), Decimal("1400"), "respondent", "complainant"))
    assert deductions(case) == {0: Decimal("1299.00"), 1: Decimal("101.00")}
    case.workflow.payments.append(Payment(at(29), Decimal("500"), "courier", "respondent", recovered=True))
    assert deductions(case) == {0: Decimal("1299.00"), 1: Decimal("101.00")}  # not the complainant's money


def test_the_courier_loss_leaves_out_what_the_carrier_paid_back(tmp_path: Path) -> None:
    case = full_case(insured=False)  # goods 1,299.00, freight 12.00
    case.workflow.payments.append(
        Payment(at(26), Decimal("12"), "courier", "respondent", recovered=True, note="快递退运费")
    )
    table = loss_table(context(case, Venue.COURIER_CLAIM, MERCHANT))
    assert table.total == Decimal("1311.00") and table.claim == Decimal("1299.00")
    rows = {row[0]: row for row in table.rows()}
    assert rows["快递企业已支付"][1] == "－12.00 元"
    assert rows["请求赔偿金额"][1:] == ("1,299.00 元", "按实际损失，合计－快递企业已支付")
    assert "carrier-paid-deducted" in codes(case, Venue.COURIER_CLAIM)


def test_with_insurance_what_the_carrier_paid_comes_off_the_insured_value(tmp_path: Path) -> None:
    """保价 caps all the carrier pays (快递暂行条例 art. 28): the 12.00 it already paid comes off the 1,000.00
    insured value, not off the 1,311.00 loss before the cap (which would ask 1,000.00 on top of the 12.00)."""
    case = full_case()  # goods 1,299.00, freight 12.00, insured for 1,000.00
    case.workflow.payments.append(
        Payment(at(26), Decimal("12"), "courier", "respondent", recovered=True, note="快递退运费")
    )
    table = loss_table(context(case, Venue.COURIER_CLAIM, MERCHANT))
    assert table.total == Decimal("1311.00") and table.capped and table.claim == Decimal("988.00")
    rows = [row[:2] for row in table.rows()]
    assert rows[-4:] == [
        ("合计", "1,311.00 元"),
        ("保价金额", "1,000.00 元"),
        ("快递企业已支付", "－12.00 元"),
        ("请求赔偿金额", "988.00 元"),
    ]
    assert table.rows()[-1][2] == "按保价金额封顶，保价金额－快递企业已支付"
    claim = text_of(context(case, Venue.COURIER_CLAIM, MERCHANT), "快递理赔申请书", tmp_path / "claim")
    assert "请求贵司赔偿索赔人损失共计988.00元" in claim and "1,000.00元。" not in claim
    form = text_of(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", tmp_path / "appeal")
    assert "责成被申诉人赔偿申诉人损失共计988.00元" in form
    found = codes(case, Venue.COURIER_CLAIM)
    assert "insured value when that is lower" in found["carrier-paid-deducted"]
    differs = found["demand-differs-from-loss-table"]  # the demands ask the whole 1,311.00
    assert "988.00 yuan the loss table claims" in differs and "12.00 yuan the courier company already" in differs

    case.shipment.insured_value = Decimal("2000.00")  # under the cap: the loss less what was paid
    table = loss_table(context(case, Venue.COURIER_CLAIM, MERCHANT))
    assert not table.capped and table.claim == Decimal("1299.00")

    case.shipment.insured_value = Decimal("10.00")  # the carrier paid all the cap allows: nothing left to ask
    assert loss_table(context(case, Venue.COURIER_CLAIM, MERCHANT)).claim == Decimal("0")


def test_the_dealings_with_the_carrier_say_who_proposed_and_who_refused(tmp_path: Path) -> None:
    case = full_case()
    case.timeline.append(COMPLAINT)
    case.workflow.proposals.append(
        Proposal(
            at(25),
            "courier",
            "只退运费23元",
            Decimal("23"),
            answer=Answer.REJECTED,
            answered_at=at(25, 11),
            answer_note="要求按保价赔偿",
        )
    )
    text = text_of(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", tmp_path)
    assert "快递企业提出处理方案：只退运费23元" in text
    assert "申诉人拒绝快递企业于2026年11月25日提出的处理方案：要求按保价赔偿" in text
    claim = text_of(context(case, Venue.COURIER_CLAIM, MERCHANT), "快递理赔申请书", tmp_path / "claim")
    assert "索赔人拒绝快递企业于2026年11月25日提出的处理方案" in claim


def test_a_heading_never_ends_a_page(tmp_path: Path) -> None:
    """A heading with less than two lines' room under it starts the next page, with what it heads."""
    filler = [para("填充文字" * 8) for _ in range(200)]
    for cut in range(30, 40):  # some of these leave the heading at a page's foot
        path = tmp_path / f"h{cut}.pdf"
        render_story(path, [*filler[:cut], heading("九、法律依据摘录"), para("第一条：条文。" * 12)])
        for page in page_texts(path):
            lines = [line for line in page.splitlines() if line.strip()]
            body = [line for line in lines if "填充" not in line]
            if any("九、法律依据摘录" in line for line in lines):
                assert any("第一条" in line for line in body), (cut, lines[-5:])


def test_an_item_cut_from_its_list_ends_as_the_law_does() -> None:
    assert law.article("consumer-protection.37").quote.endswith("调解；……")
    assert law.article("civil-code.563").quote.endswith("合同目的；……")
