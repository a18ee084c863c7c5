"""What the case record knows is on the filled packet, read back as a reader sees it (pdftotext).

- The 12305 appeal's 企业处理结果 and 企业答复内容 (its precondition, spec §4.2) come from the dealings with the
  carrier the record holds; with nothing recorded the boxes stay for the signer.
- Every evidence list names the body it goes to (接收机关) and the party submitting it (提交人).
- No label of the 12305 appeal (its cover and its form) breaks in the middle of the word.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from bundle_pages import page_texts
from test_documents import CST, MERCHANT, at, context, full_case

from casefile.core.bundle.context import BundleContext, Organisation, Route, Venue
from casefile.core.bundle.documents import front_matter
from casefile.core.bundle.pdfkit import render_story
from casefile.core.model import Case, EventKind, TimelineEvent
from casefile.core.workflow.records import Answer, Proposal

COMPLAINT = TimelineEvent(
    at(22, 15, 0), EventKind.COMPLAINT, "向某某速运客服提出理赔申请", ref="GD20261122000123", party="courier"
)
# As the journey records it: a call, with no one said, whose people name the carrier.
ANSWER = TimelineEvent(at(25, 10, 20), EventKind.CALL, "快递公司答复只退运费，不按保价赔偿", people="某某速运理赔专员")
AFTER_DEADLINE = datetime(2026, 12, 2, 9, 0, tzinfo=CST)  # the carrier's last day to answer is 2026-11-30
BEFORE_DEADLINE = datetime(2026, 11, 26, 9, 0, tzinfo=CST)


def appeal(case: Case, made: datetime, org: Organisation = MERCHANT) -> BundleContext:
    ctx = context(case, Venue.COURIER_CLAIM, org)
    return BundleContext(
        case=case,
        venue=Venue.COURIER_CLAIM,
        entries=ctx.entries,
        org=org,
        operator="测试员",
        generated_at=made,
        route=Route.POSTAL_REGULATOR,
    )


def appeal_form(ctx: BundleContext, folder: Path) -> str:
    """The 邮政业用户申诉书 as pdftotext reads it, whitespace removed."""
    folder.mkdir(parents=True, exist_ok=True)
    story = dict(front_matter(ctx))["邮政业用户申诉书"]
    path = folder / "appeal.pdf"
    render_story(path, story)
    return "".join("".join(page.split()) for page in page_texts(path))


def courier_case(*events: TimelineEvent) -> Case:
    case = full_case()
    case.timeline += list(events)
    return case


# --------------------------------------------------------------------------- (5) the appeal's precondition


def test_the_carriers_answer_is_ticked_and_quoted(tmp_path: Path) -> None:
    """The journey's record: a complaint to the carrier on the 22nd, its answer by phone on the 25th."""
    doc = appeal_form(appeal(courier_case(COMPLAINT, ANSWER), AFTER_DEADLINE), tmp_path)
    assert "企业处理结果□投诉后7日内未得到答复■对企业处理和答复不满意□投诉渠道不畅通、投诉无人受理" in doc
    assert "企业答复内容2026年11月25日10:20（电话）：快递公司答复只退运费，不按保价赔偿" in doc


def test_no_answer_by_the_last_day_ticks_unanswered(tmp_path: Path) -> None:
    doc = appeal_form(appeal(courier_case(COMPLAINT), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复□对企业处理和答复不满意" in doc
    assert "企业答复内容＿＿＿＿＿＿＿＿" in doc


def test_an_answer_after_the_last_day_is_both_late_and_printed(tmp_path: Path) -> None:
    late = TimelineEvent(datetime(2026, 12, 1, 9, 0, tzinfo=CST), EventKind.EMAIL, "不予赔偿", party="courier")
    doc = appeal_form(appeal(courier_case(COMPLAINT, late), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复■对企业处理和答复不满意" in doc
    assert "企业答复内容2026年12月1日09:00（电子邮件）：不予赔偿" in doc


def test_nothing_is_ticked_before_the_last_day_or_without_a_complaint(tmp_path: Path) -> None:
    for i, (case, made) in enumerate(
        [(courier_case(COMPLAINT), BEFORE_DEADLINE), (courier_case(ANSWER), AFTER_DEADLINE)]
    ):
        doc = appeal_form(appeal(case, made), tmp_path / str(i))
        assert "□投诉后7日内未得到答复□对企业处理和答复不满意□投诉渠道不畅通" in doc
        assert "企业答复内容＿＿＿＿＿＿＿＿" in doc


def test_only_dealings_with_the_carrier_answer(tmp_path: Path) -> None:
    """A call with the customer, or with no one said and no carrier named, is not the carrier's answer."""
    others = [
        TimelineEvent(at(23, 9, 0), EventKind.CALL, "客户询问进度", party="complainant"),
        TimelineEvent(at(23, 10, 0), EventKind.NOTE, "内部记录：等待答复"),
    ]
    doc = appeal_form(appeal(courier_case(COMPLAINT, *others), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复□对企业处理和答复不满意" in doc and "企业答复内容＿＿＿＿" in doc


def test_a_proposal_of_the_carriers_is_its_answer(tmp_path: Path) -> None:
    rejected = courier_case(COMPLAINT)
    offer = Proposal(at(24, 14, 0), "courier", "仅退还运费", amount=Decimal("12.00"))
    rejected.workflow.proposals.append(offer)
    offer.answer, offer.answered_at = Answer.REJECTED, at(24, 16, 0)
    doc = appeal_form(appeal(rejected, AFTER_DEADLINE), tmp_path / "rejected")
    assert "□投诉后7日内未得到答复■对企业处理和答复不满意" in doc
    assert "企业答复内容2026年11月24日14:00（处理方案）：仅退还运费（金额12.00元）" in doc
    accepted = courier_case(COMPLAINT)
    accepted.workflow.proposals.append(Proposal(at(24, 14, 0), "courier", "按保价赔偿", answer=Answer.ACCEPTED))
    doc = appeal_form(appeal(accepted, AFTER_DEADLINE), tmp_path / "accepted")
    assert "□投诉后7日内未得到答复□对企业处理和答复不满意" in doc  # agreed to: no dissatisfaction is claimed
