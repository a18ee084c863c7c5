"""What the case record knows is on the filled packet, read back as a reader sees it (pdftotext).

- The 12305 appeal's 企业处理结果 and 企业答复内容 (its precondition, spec §4.2) come from the dealings with the
  carrier the record holds; with nothing recorded the boxes stay for the signer. The ``courier.reply`` clock reads
  the same answer, so reminders and the appeal never disagree.
- The courier claim's cover names the carrier it goes to (提交对象).
- Every evidence list names the body it goes to (接收机关) and the party submitting it (提交人).
- No label of the 12305 appeal or of the courier claim (their covers and forms) breaks in the middle of the word.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from bundle_pages import layout, page_texts
from test_documents import CST, MERCHANT, at, context, full_case
from test_venue_documents import routed

from casefile.core.bundle import parts
from casefile.core.bundle.builder import filer_role
from casefile.core.bundle.context import BundleContext, Organisation, Route, Venue
from casefile.core.bundle.documents import front_matter, rules
from casefile.core.bundle.pdfkit import CjkParagraph, render_story
from casefile.core.model import Case, EventKind, Filing, Party, PartyKind, TimelineEvent
from casefile.core.workflow.due import Status, case_clocks
from casefile.core.workflow.records import Answer, Proceeding, Proposal
from casefile.core.workflow.records import Venue as ProceedingVenue

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
    """The box ticked, and the answer's place says none came in time: the 声明's "见第四项" points at it."""
    doc = appeal_form(appeal(courier_case(COMPLAINT), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复□对企业处理和答复不满意" in doc
    assert "企业答复内容企业在规定期限内未答复" in doc and "企业答复内容＿＿" not in doc


def test_an_answer_after_the_last_day_is_both_late_and_printed(tmp_path: Path) -> None:
    late = TimelineEvent(datetime(2026, 12, 1, 9, 0, tzinfo=CST), EventKind.EMAIL, "不予赔偿", party="courier")
    doc = appeal_form(appeal(courier_case(COMPLAINT, late), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复■对企业处理和答复不满意" in doc
    assert "企业答复内容2026年12月1日09:00（电子邮件）：不予赔偿" in doc


def test_nothing_is_ticked_before_the_last_day_or_without_a_complaint(tmp_path: Path) -> None:
    """Before the carrier's last day with no answer recorded, the answer's place says so and neither 事实与理由 nor
    声明 sends the reader to 第四项 for a handling that is not there (the preflight stops such a build:
    appeal-too-early); without a complaint the answer is left for the signer, and nothing points at 第四项."""
    early = appeal_form(appeal(courier_case(COMPLAINT), BEFORE_DEADLINE), tmp_path / "early")
    assert "□投诉后7日内未得到答复□对企业处理和答复不满意□投诉渠道不畅通" in early
    assert "企业答复内容本案尚未记录企业的答复，应答复日期尚未届满" in early
    assert "见第四项" not in early, early
    assert (
        "被申诉人的答复期限至2026年11月30日（2026年11月29日为法定休假日，顺延），尚未届满，本案尚未记录其答复" in early
    )
    assert "先向被申诉人投诉，其答复期限至2026年11月30日" in early
    uncomplained = appeal_form(appeal(courier_case(ANSWER), AFTER_DEADLINE), tmp_path / "uncomplained")
    assert "□投诉后7日内未得到答复□对企业处理和答复不满意□投诉渠道不畅通" in uncomplained
    assert "企业答复内容＿＿＿＿＿＿＿＿" in uncomplained
    assert "见第四项" not in uncomplained, uncomplained


def test_only_dealings_with_the_carrier_answer(tmp_path: Path) -> None:
    """A call with the customer, or with no one said and no carrier named, is not the carrier's answer."""
    others = [
        TimelineEvent(at(23, 9, 0), EventKind.CALL, "客户询问进度", party="complainant"),
        TimelineEvent(at(23, 10, 0), EventKind.NOTE, "内部记录：等待答复"),
    ]
    doc = appeal_form(appeal(courier_case(COMPLAINT, *others), AFTER_DEADLINE), tmp_path)
    assert "■投诉后7日内未得到答复□对企业处理和答复不满意" in doc and "企业答复内容企业在规定期限内未答复" in doc


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


def test_an_answer_known_by_its_day_alone_is_printed_without_an_hour(tmp_path: Path) -> None:
    answer = TimelineEvent(at(25, 0, 0), EventKind.CALL, "快递公司答复只退运费", party="courier", date_only=True)
    doc = appeal_form(appeal(courier_case(COMPLAINT, answer), AFTER_DEADLINE), tmp_path)
    assert "企业答复内容2026年11月25日（电话）" in doc and "00:00" not in doc


def test_the_reply_clock_and_the_appeal_read_the_same_answer() -> None:
    """Reminders never call the carrier's reply overdue while the appeal prints its answer, nor the other way:
    an answer with no party said but naming the carrier, an offer recorded as a negotiation round, and none."""
    offered = courier_case(COMPLAINT)
    offered.workflow.proposals.append(Proposal(at(24, 14, 0), "courier", "仅退还运费", amount=Decimal("12.00")))
    cases = {"named": courier_case(COMPLAINT, ANSWER), "offer": offered, "none": courier_case(COMPLAINT)}
    expected = {"named": ANSWER.at, "offer": at(24, 14, 0), "none": None}
    for name, case in cases.items():
        answer = rules.carrier_answer(appeal(case, AFTER_DEADLINE))
        clock = next(s for s in case_clocks(case, AFTER_DEADLINE) if s.key == "courier.reply")
        assert (answer.at if answer is not None else None) == clock.met_at == expected[name], name
        assert clock.status is (Status.OVERDUE if expected[name] is None else Status.MET), name


# --------------------------------------------------------------------------- the claim's cover


def cover_text(ctx: BundleContext, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cover.pdf"
    render_story(path, dict(front_matter(ctx))["封面"])
    return "".join("".join(page.split()) for page in page_texts(path))


def test_the_claims_cover_names_the_carrier_it_goes_to(tmp_path: Path) -> None:
    """提交对象 is the carrier of the shipment (as 被索赔人), a blank line only when the case does not know it."""
    claim = cover_text(context(full_case(), Venue.COURIER_CLAIM, MERCHANT), tmp_path / "known")
    assert "提交对象：某某速运有限公司（快递企业理赔/客服部门）" in claim
    waybill_only = full_case()
    waybill_only.courier = None  # only the waybill's carrier entered
    claim = cover_text(context(waybill_only, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "waybill")
    assert f"提交对象：{waybill_only.shipment.carrier}（快递企业理赔/客服部门）" in claim
    unknown = full_case()
    unknown.courier, unknown.shipment.carrier = None, ""
    claim = cover_text(context(unknown, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "unknown")
    assert "提交对象：＿＿＿＿＿＿＿＿（快递企业理赔/客服部门）" in claim


# --------------------------------------------------------------------------- (9) the evidence lists' headers


def evidence_list(ctx: BundleContext, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "list.pdf"
    render_story(path, parts.evidence_list_flowables(ctx, filer_role(ctx), []))
    return "".join("".join(page.split()) for page in page_texts(path))


def named_case() -> Case:
    case = full_case()
    case.filing = Filing(
        court="杭州市余杭区人民法院",
        arbitration_body="杭州仲裁委员会",
        consumer_body="杭州市余杭区消费者权益保护委员会",
    )
    return case


def test_each_list_names_the_body_it_goes_to_and_who_submits_it(tmp_path: Path) -> None:
    expected = {
        Venue.COURT: "提交人张三（原告）接收机关杭州市余杭区人民法院",
        Venue.ARBITRATION: "提交人张三（申请人）仲裁机构杭州仲裁委员会",
        Venue.CONSUMER_ASSOCIATION: ("张三（投诉人）", "受理机构杭州市余杭区消费者权益保护委员会"),
    }
    for venue, header in expected.items():
        text = evidence_list(context(named_case(), venue), tmp_path / venue.value)
        for part in (header,) if isinstance(header, str) else header:
            assert part in text, venue


def test_a_courier_packets_list_is_the_merchants(tmp_path: Path) -> None:
    """The merchant claims against the carrier: it submits the list, whoever the customer complained about."""
    case = full_case()
    case.respondent = Party(PartyKind.ORGANISATION)  # a courier case records no respondent (the journey's)
    claim = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "claim")
    assert "提交人杭州某某数码科技有限公司（索赔人）提交对象某某速运有限公司" in claim
    postal = evidence_list(routed(case, Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, MERCHANT), tmp_path / "12305")
    assert "提交人杭州某某数码科技有限公司（申诉人）受理机构＿＿＿＿＿＿＿＿邮政管理局" in postal


def test_the_postal_administration_recorded_is_named_everywhere(tmp_path: Path) -> None:
    case = full_case()
    case.workflow.proceedings.append(Proceeding(ProceedingVenue.POSTAL_REGULATOR, body="浙江省邮政管理局"))
    ctx = appeal(case, AFTER_DEADLINE)
    assert "受理机构浙江省邮政管理局" in evidence_list(ctx, tmp_path / "list")
    assert "致：浙江省邮政管理局" in appeal_form(ctx, tmp_path / "form")


def test_unknown_bodies_stay_blanks_with_their_kind(tmp_path: Path) -> None:
    assert "接收机关＿＿＿＿＿＿＿＿人民法院" in evidence_list(context(full_case(), Venue.COURT), tmp_path / "c")
    empty = full_case()
    empty.courier, empty.shipment.carrier = None, ""
    claim = evidence_list(context(empty, Venue.COURIER_CLAIM, Organisation()), tmp_path / "e")
    assert "提交人＿＿＿＿＿＿＿＿（索赔人）提交对象＿＿＿＿＿＿＿＿＿＿" in claim


# --------------------------------------------------------------------------- (19) the appeal's labels


def labels(story: list) -> list[str]:
    """The text of every label cell of the forms and the cover table in ``story``."""
    found: list[str] = []

    def walk(flowable: object) -> None:
        for row in getattr(flowable, "_cellvalues", []):
            for cell in row:
                if isinstance(cell, CjkParagraph) and cell.style.name in ("form_label", "cover_label"):
                    found.append("".join(cell.text.split()))
                elif isinstance(cell, list):
                    for inner in cell:
                        walk(inner)
        for inner in getattr(flowable, "_content", []):  # KeepTogether
            walk(inner)

    for flowable in story:
        walk(flowable)
    return found


def whole_labels(ctx: BundleContext, folder: Path, least: dict[str, int], others: int = 6) -> dict[str, list[str]]:
    """Each document of the packet's front matter rendered: every label of its forms is whole on one line as a
    reader sees it (more of them than ``least`` says for the document, ``others`` for any other); its lines."""
    found_lines = {}
    for title, story in front_matter(ctx):
        found = labels(story)  # before rendering: building a PDF uses the story up
        path = folder / f"{title}.pdf"
        render_story(path, story)
        lines = ["".join(line.split()) for page in layout(path) for line in page.text.split("\n")]
        assert len(found) > least.get(title, others), found
        for label in found:
            assert any(label.replace("&amp;", "&") in line for line in lines), (title, label)
        found_lines[title] = lines
    return found_lines


def test_no_label_of_the_appeal_breaks_mid_word(tmp_path: Path) -> None:
    case = courier_case(COMPLAINT, ANSWER)
    case.shipment.sender = Party(PartyKind.ORGANISATION, name="杭州某某数码科技有限公司")
    ctx = appeal(case, AFTER_DEADLINE)
    for title, lines in whole_labels(ctx, tmp_path, {"邮政业用户申诉书": 20}, others=8).items():
        if title == "邮政业用户申诉书":  # and the values this form is known to hold
            assert sum("杭州某某数码科技有限公司" in line for line in lines) >= 3  # 名称, 寄件人, the signature
            assert any("投诉/索赔" in line for line in lines)  # the dealings table's 方式


def test_no_label_of_the_claim_breaks_mid_word(tmp_path: Path) -> None:
    """The courier claim's cover and letter: each label whole on one line (快递企业（品牌/总部） broke at the
    slash: it is now 快递运单所属企业, as 快递暂行条例 art. 20 para. 3 words it)."""
    case = courier_case(COMPLAINT, ANSWER)
    whole_labels(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path, {"快递理赔申请书": 30})


def test_a_pleadings_list_names_the_sides_as_the_pleading_does(tmp_path: Path) -> None:
    """A source or purpose typed for the complaint (投诉人手机拍摄, 证明被投诉人拒绝退款) reads 原告/被告 in the
    court's list and on the exhibit's page, 申请人/被申请人 in arbitration's; the 消协 keeps the words typed and a
    merchant's courier claim names the customer (the complainant) as the parcel's 收件人."""
    case = named_case()
    first = case.exhibits[0]
    first.source, first.purpose = "投诉人手机拍摄", "证明被投诉人拒绝退款，我多次联系未果"
    court = evidence_list(context(case, Venue.COURT), tmp_path / "court")
    assert "原告手机拍摄" in court and "原告多次联系" in court and "投诉人" not in court and "被原告" not in court
    assert parts.separator_rows(first, words=lambda t: parts.as_filed(context(case, Venue.COURT), t))[2:4] == [
        ("证据来源", "原告手机拍摄"),
        ("证明目的", "证明被告拒绝退款，原告多次联系未果"),
    ]
    assert parts.original_carrier(first, parts.as_filed(context(case, Venue.COURT), first.source)) == "原告手机拍摄"
    arbitration = evidence_list(context(case, Venue.ARBITRATION), tmp_path / "arbitration")
    assert "申请人手机拍摄" in arbitration and "投诉人" not in arbitration
    consumer = evidence_list(context(case, Venue.CONSUMER_ASSOCIATION), tmp_path / "consumer")
    assert "投诉人手机拍摄" in consumer and "原告" not in consumer
    claim = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "claim")
    assert "收件人手机拍摄" in claim and "投诉人" not in claim  # the complainant is the parcel's recipient there


def test_the_people_of_a_dealing_keep_their_titles_and_lose_their_names(tmp_path: Path) -> None:
    """参与人员: a title or role (某某速运理赔专员) is not personal data and is printed; a third party's name beside
    a title is masked as every venue masks third parties' names."""
    named = TimelineEvent(
        at(26, 9, 0), EventKind.CALL, "快递公司再次拒绝", people="理赔专员王五、快递员", party="courier"
    )
    case = courier_case(COMPLAINT, ANSWER, named)
    for venue in (Venue.COURIER_CLAIM, Venue.COURT):
        stories = dict(front_matter(context(case, venue, MERCHANT)))
        path = tmp_path / f"{venue.value}.pdf"
        render_story(path, [f for story in stories.values() for f in story])
        text = "".join("".join(page.split()) for page in page_texts(path))
        assert "参与人员：某某速运理赔专员" in text, venue
        assert "理赔专员王*、快递员" in text and "王五" not in text, venue


@pytest.mark.parametrize("route", [Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR])
def test_a_complaints_list_is_headed_in_complaint_terms(route: Route, tmp_path: Path) -> None:
    """A 消协 or 12315 list is a complaint's: 投诉事项, 投诉编号 and 受理机构, never a court's 案由, 案号 or 接收机关
    (a 消协 is no 机关); the number the body gave, once recorded, fills 投诉编号."""
    case = named_case()
    text = evidence_list(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path / "blank")
    assert "投诉事项" in text and "投诉编号＿＿＿＿＿＿（受理后填写）" in text and "受理机构" in text
    assert "案由" not in text and "案号" not in text and "接收机关" not in text
    body = ProceedingVenue.REGULATOR if route is Route.MARKET_REGULATOR else ProceedingVenue.CONSUMER_ASSOCIATION
    case.workflow.proceedings.append(Proceeding(body, ref="TS2026112000123"))
    text = evidence_list(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path / "numbered")
    assert "投诉编号TS2026112000123" in text


@pytest.mark.parametrize("route", [Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR])
def test_a_complaints_list_takes_the_number_the_timeline_records(route: Route, tmp_path: Path) -> None:
    """The 工单号 kept where the timeline asks for it (对方编号 of an event with the body the packet goes to) is the
    list's 投诉编号; of several, the newest; an event with the other body gives none."""
    case = named_case()
    ours, other = ("regulator", "consumer-association")[:: 1 if route is Route.MARKET_REGULATOR else -1]
    case.timeline += [
        TimelineEvent(at(21, 10, 0), EventKind.COMPLAINT, "投诉", party=other, ref="OTHER-1"),
        TimelineEvent(at(25, 14, 30), EventKind.COMPLAINT, "再次投诉", party=ours, ref="20261125330106000123"),
        TimelineEvent(at(23, 9, 0), EventKind.COMPLAINT, "通过平台投诉", party=ours, ref="20261123330106000001"),
    ]
    text = evidence_list(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path / "timeline")
    assert "投诉编号20261125330106000123" in text and "受理后填写" not in text
    body = ProceedingVenue.REGULATOR if route is Route.MARKET_REGULATOR else ProceedingVenue.CONSUMER_ASSOCIATION
    case.workflow.proceedings.append(Proceeding(body, ref="TS-OLD", filed_at=at(22, 9, 0)))
    text = evidence_list(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path / "older")
    assert "投诉编号20261125330106000123" in text  # the proceeding filed before the newest event's
