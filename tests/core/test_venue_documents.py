"""The consumer and courier packets by destination (issue 11, points 2, 3, 5, 7 and 10).

A consumer complaint goes to a 消费者协会 or to 12315, a courier packet to the carrier or, as an appeal, to
12305: the cover, the letter, its law and its notes follow the destination. Courier claims are the
merchant's (by default the organisation in the settings) against the carrier; unknown insurance is a blank;
the complaint to the carrier and the reply date are blanks until the record holds them; the seven-day return
window of 消法 art. 25 is counted from receipt and a respondent's "已超过七天" is checked against it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from casefile_testing import filed_case
from test_documents import CST, GENERATED, MERCHANT, at, context, empty_case, full_case, joined, render

from casefile.cli import main
from casefile.core import law
from casefile.core.bundle import BundleOptions, BundleResult, build_bundle
from casefile.core.bundle.context import BundleContext, Organisation, Route, Venue
from casefile.core.bundle.documents import front_matter, reply_deadline, return_window, rules
from casefile.core.bundle.documents.consumer import consumer_law_ids
from casefile.core.bundle.documents.courier import COURIER_LAW_IDS
from casefile.core.errors import InvalidValueError
from casefile.core.library import Library
from casefile.core.model import EventKind, Filing, Party, PartyKind, TimelineEvent
from casefile.core.record.history import bundle_history
from casefile.core.settings import Settings, save_settings
from casefile.core.venues import parse_route, route_for


def routed(case, venue: Venue, route: Route | None, org: Organisation | None = None) -> BundleContext:
    ctx = context(case, venue, org)
    if route is None:
        return ctx
    return BundleContext(
        case=case,
        venue=venue,
        entries=ctx.entries,
        org=ctx.org,
        operator="测试员",
        generated_at=ctx.generated_at,
        route=route,
    )


def quote_text(article_id: str) -> str:
    """The article as the documents print it, whitespace removed (as the rendered text is read back)."""
    a = law.article(article_id)
    return re.sub(r"\s+", "", f"{law.cite(article_id, with_part=True)}：{a.quote}")


# --------------------------------------------------------------------------- destinations


def test_destinations_belong_to_their_venue() -> None:
    assert Venue.CONSUMER_ASSOCIATION.default_route is Route.CONSUMER_ASSOCIATION
    assert Venue.COURIER_CLAIM.default_route is Route.CARRIER
    assert Venue.COURT.default_route is None and route_for(Venue.COURT, None) is None
    assert parse_route("消协") is Route.CONSUMER_ASSOCIATION and parse_route("12315") is Route.MARKET_REGULATOR
    assert parse_route("12305") is Route.POSTAL_REGULATOR and parse_route("快递企业") is Route.CARRIER
    with pytest.raises(InvalidValueError):
        parse_route("12345")
    with pytest.raises(InvalidValueError):
        route_for(Venue.CONSUMER_ASSOCIATION, Route.POSTAL_REGULATOR)
    with pytest.raises(InvalidValueError):
        routed(full_case(), Venue.COURT, Route.MARKET_REGULATOR)
    assert context(full_case(), Venue.CONSUMER_ASSOCIATION).route is Route.CONSUMER_ASSOCIATION
    assert routed(full_case(), Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR).heading == "邮政业用户申诉材料"


# --------------------------------------------------------------------------- (a) 消协 or 12315


@pytest.fixture(scope="module")
def consumer_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[Route, dict[str, str]]:
    folder = tmp_path_factory.mktemp("consumer")
    return {
        route: render(routed(full_case(), Venue.CONSUMER_ASSOCIATION, route), folder / route.value)
        for route in (Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR)
    }


def test_the_cover_names_the_destination(consumer_texts: dict[Route, dict[str, str]]) -> None:
    association = consumer_texts[Route.CONSUMER_ASSOCIATION]["封面"]
    regulator = consumer_texts[Route.MARKET_REGULATOR]["封面"]
    assert "提交消费者协会（消费者权益保护委员会）" in association
    assert "受理机构：＿＿＿＿＿＿消费者协会（消费者权益保护委员会）" in association
    assert "提交市场监督管理部门（12315）" in regulator
    assert "受理机构：＿＿＿＿＿＿＿＿市场监督管理局（12315）" in regulator
    assert "消费者协会" not in regulator
    assert "致：＿＿＿＿＿＿＿＿市场监督管理局（12315）" in consumer_texts[Route.MARKET_REGULATOR]["消费投诉书"]


def test_the_body_the_user_named_goes_on_the_cover_and_the_letter(tmp_path: Path) -> None:
    case = full_case()
    case.filing = Filing(consumer_body="上海市徐汇区消费者权益保护委员会")
    texts = render(routed(case, Venue.CONSUMER_ASSOCIATION, None), tmp_path)
    assert "受理机构：上海市徐汇区消费者权益保护委员会" in texts["封面"]
    assert "致：上海市徐汇区消费者权益保护委员会" in texts["消费投诉书"]
    assert "＿＿＿＿消费者协会" not in joined(texts)


def test_the_law_section_quotes_the_law_table(consumer_texts: dict[Route, dict[str, str]]) -> None:
    for route, texts in consumer_texts.items():
        doc = texts["消费投诉书"]
        assert "条文摘要" not in doc
        ctx = routed(full_case(), Venue.CONSUMER_ASSOCIATION, route)
        ids = consumer_law_ids(ctx)
        # A quality case bought online: arts. 23, 24, 25 and the day count; no fraud alleged, no art. 55.
        for article_id in ("consumer-protection.23", "consumer-protection.24", "consumer-protection.25"):
            assert article_id in ids and quote_text(article_id) in doc, article_id
        assert quote_text("civil-code.201") in doc
        assert quote_text("civil-code.203") not in doc  # its window ends on a working day: the rule does not apply
        assert quote_text("consumer-protection-regulation.19") in doc  # 实施条例 (2024): online sellers and art. 25
        assert "consumer-protection.55" not in ids
        if route is Route.MARKET_REGULATOR:
            assert quote_text("complaint-measures.materials") in doc and quote_text("consumer-protection.46") in doc
            assert "《市场监督管理投诉举报处理办法》第十条第一款" in doc  # the 办法 in force since 2026-04-15
            assert "consumer-protection.37" not in ids
        else:
            assert quote_text("consumer-protection.37") in doc
            assert "投诉举报处理" not in doc


def test_every_article_quoted_is_in_force_on_the_packets_day() -> None:
    for route in (Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR):
        ctx = routed(full_case(), Venue.CONSUMER_ASSOCIATION, route)
        for article_id in consumer_law_ids(ctx):
            assert law.printable(article_id, ctx.generated_at.date()), article_id
    for article_id in COURIER_LAW_IDS:
        assert law.printable(article_id, GENERATED.date()), article_id


def test_the_declaration_names_the_other_bodies(consumer_texts: dict[Route, dict[str, str]]) -> None:
    association = consumer_texts[Route.CONSUMER_ASSOCIATION]["消费投诉书"]
    regulator = consumer_texts[Route.MARKET_REGULATOR]["消费投诉书"]
    assert "未向人民法院、仲裁机构、市场监督管理部门或者其他行政机关、其他消费者协会提出" in association
    assert "未向人民法院、仲裁机构、其他市场监督管理部门或者其他行政机关、消费者协会提出" in regulator


def test_notes_follow_the_destination(consumer_texts: dict[Route, dict[str, str]]) -> None:
    association = consumer_texts[Route.CONSUMER_ASSOCIATION]["提交须知"]
    regulator = consumer_texts[Route.MARKET_REGULATOR]["提交须知"]
    # 12315: the articles of the 投诉举报处理办法 in force since 2026-04-15 (the 暂行办法's 9, 10, 14, 15, 21).
    for numeral in ("第十条", "第十一条", "第十五条", "第十六条", "第二十三条"):
        assert f"《投诉举报处理办法》{numeral}" in regulator, numeral
    assert "暂行办法" not in regulator and "四十五个工作日" not in regulator and "六十日内" in regulator
    # three years from the purchase, printed unmoved
    assert "请最迟于2029年11月18日提出（为稳妥起见按未顺延的日期计算）" in regulator
    # 消协: 消法 art. 37; its acceptance practice marked as practice, no 办法 procedure cited.
    assert "《消费者权益保护法》第三十七条第一款（五）" in association
    assert "不是法律、法规的规定" in association and association.count("（实务）") >= 3
    for numeral in ("第十条", "第十一条", "第十五条", "第二十三条"):
        assert f"《投诉举报处理办法》{numeral}" not in association, numeral
    # Both: a dispute taken to one is refused by the other (办法 art. 16 (二)).
    for notes in (association, regulator):
        assert "同时向消费者协会和12315投诉" in notes and "《投诉举报处理办法》第十六条" in notes


# --------------------------------------------------------------------------- 消法 art. 25: seven days from receipt


RECEIVED = at(19, 18, 40)


def seven_day_case(*events: TimelineEvent, facts: str = "", received: datetime | None = RECEIVED):
    case = full_case()
    case.transaction.received_at = received
    case.timeline = list(events)
    case.facts = facts or case.facts
    return case


def complaint_of(case, route: Route = Route.CONSUMER_ASSOCIATION) -> str:
    return render_one(routed(case, Venue.CONSUMER_ASSOCIATION, route))["消费投诉书"]


def render_one(ctx: BundleContext) -> dict[str, str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return render(ctx, Path(folder))


def test_the_window_runs_seven_days_from_the_day_after_receipt() -> None:
    window = return_window(context(seven_day_case(), Venue.CONSUMER_ASSOCIATION))
    assert window.received == date(2026, 11, 19) and window.last_day == date(2026, 11, 26)
    late_evening = seven_day_case(received=datetime(2026, 11, 19, 23, 50, tzinfo=CST))
    assert return_window(context(late_evening, Venue.CONSUMER_ASSOCIATION)).last_day == date(2026, 11, 26)
    unknown = return_window(context(seven_day_case(received=None), Venue.CONSUMER_ASSOCIATION))
    assert unknown.received is None and unknown.last_day is None and not unknown.claim_false


def test_a_window_ending_on_a_holiday_is_printed_as_moved_and_one_in_an_unknown_year_as_provisional() -> None:
    """The document prints the window from the same clock the app shows: moved past 国庆, and 暂定 in 2027."""
    national_day = seven_day_case(received=datetime(2026, 9, 24, 15, 0, tzinfo=CST))
    window = return_window(context(national_day, Venue.CONSUMER_ASSOCIATION))
    assert window.last_day == date(2026, 10, 8)
    assert "至2026年10月8日（2026年10月1日为法定休假日，顺延）届满" in complaint_of(national_day)
    new_year = seven_day_case(received=datetime(2026, 12, 28, 15, 0, tzinfo=CST))
    assert "至2027年1月4日（暂定：该年度节假日安排尚未公布）届满" in complaint_of(new_year)


@pytest.mark.parametrize(
    "said", ["客服称已超过七天，不予退货", "商家说超过7天了", "对方回复过了七天不能退", "已超出七日"]
)
def test_a_false_past_seven_days_is_pointed_out_with_dates(said: str) -> None:
    case = seven_day_case(
        TimelineEvent(at(22, 9, 0), EventKind.CHAT, "申请七天无理由退货", evidence=[2]),
        TimelineEvent(at(27, 15, 0), EventKind.CALL, said),
    )
    window = return_window(context(case, Venue.CONSUMER_ASSOCIATION))
    assert window.claimed and window.request_in_time and window.claim_false
    doc = complaint_of(case)
    assert "投诉人于2026年11月19日收到商品" in doc and "至2026年11月26日届满" in doc
    assert "投诉人于2026年11月22日提出退货（见证据2），在七日期限之内（至2026年11月26日）" in doc
    assert "被投诉人于2026年11月27日15:00称“已超过七天”" in doc
    assert "被投诉人关于已超过七日退货期限的说法与事实不符" in doc


def test_a_refund_asked_for_is_told_as_the_record_holds_it_not_as_a_return() -> None:
    """The first word of a return may be an e-mail asking for the money back: the narrative gives that day and that
    e-mail's exhibit, and says what it asked for, not a return the record does not mention."""
    case = seven_day_case(
        TimelineEvent(at(21, 10, 2), EventKind.EMAIL, "发送投诉邮件，要求三日内退款", evidence=[2]),
        TimelineEvent(at(22, 10, 5), EventKind.CHAT, "在淘宝申请七天无理由退货退款", evidence=[1]),
        TimelineEvent(at(27, 9, 30), EventKind.CALL, "客服来电称已超过七天，不同意退货"),
    )
    doc = complaint_of(case)
    assert "投诉人于2026年11月21日要求退款（见证据2），在七日期限之内（至2026年11月26日）" in doc
    assert "提出退货（见证据2）" not in doc and "与事实不符" in doc


def test_a_claim_in_the_facts_is_checked_too() -> None:
    case = seven_day_case(
        TimelineEvent(at(24, 9, 0), EventKind.CHAT, "要求退货退款"), facts="商家以已超过七天为由拒绝退货。"
    )
    doc = complaint_of(case, Route.MARKET_REGULATOR)
    assert "投诉人于2026年11月24日提出退货" in doc and "与事实不符" in doc


def test_a_refusal_within_the_window_is_false_on_its_own_day() -> None:
    case = seven_day_case(TimelineEvent(at(21, 14, 0), EventKind.CALL, "客服称已超过七天，拒绝退货"))
    doc = complaint_of(case)
    assert "被投诉人于2026年11月21日称“已超过七天”" in doc and "当日七日期限尚未届满（至2026年11月26日）" in doc
    assert "与事实不符" in doc


def test_a_request_after_the_window_is_not_called_in_time() -> None:
    case = seven_day_case(
        TimelineEvent(at(28, 9, 0), EventKind.CHAT, "申请退货"),
        TimelineEvent(at(28, 10, 0), EventKind.CHAT, "客服称已超过七天"),
    )
    assert not return_window(context(case, Venue.CONSUMER_ASSOCIATION)).claim_false
    doc = complaint_of(case)
    assert "至2026年11月26日届满" in doc and "与事实不符" not in doc


def test_no_receipt_date_no_date_computed() -> None:
    case = seven_day_case(
        TimelineEvent(at(21, 9, 0), EventKind.CHAT, "申请退货"),
        TimelineEvent(at(27, 9, 0), EventKind.CHAT, "客服称已超过七天"),
        received=None,
    )
    doc = complaint_of(case)
    assert "该期间自收到商品之日起计算，收到商品的当日不计入，自下一日开始计算" in doc
    assert "届满" not in doc and "与事实不符" not in doc


def test_no_window_for_a_purchase_in_a_shop() -> None:
    case = seven_day_case()
    case.transaction.platform = "线下门店"
    case.channel = case.channel.STORE
    doc = complaint_of(case)
    assert "七日无理由退货" not in doc and "第二十五条" not in doc


# --------------------------------------------------------------------------- (d) the courier claim


def test_the_claimant_is_the_organisation_in_the_settings_by_default(tmp_path: Path) -> None:
    texts = render(context(full_case(), Venue.COURIER_CLAIM, MERCHANT), tmp_path)
    doc, cover = texts["快递理赔申请书"], texts["封面"]
    assert "名称杭州某某数码科技有限公司统一社会信用代码91330110MA2XXXXX1K联系人赵六" in doc
    assert "索赔人：杭州某某数码科技有限公司" in cover and "被索赔人：某某速运有限公司" in cover
    assert "索赔人（盖章）：杭州某某数码科技有限公司" in doc


def test_a_claimant_entered_for_the_shipment_wins(tmp_path: Path) -> None:
    case = full_case()
    case.shipment.claimant = Party(PartyKind.ORGANISATION, name="宁波某某贸易有限公司", phone="0574-87654321")
    texts = render(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path)
    assert "索赔人：宁波某某贸易有限公司" in texts["封面"]
    assert "宁波某某贸易有限公司" in texts["快递理赔申请书"] and "0574-87654321" in texts["快递理赔申请书"]
    assert "杭州某某数码科技有限公司" not in texts["快递理赔申请书"].split("二、被索赔人")[0]


def test_no_organisation_and_no_claimant_leaves_blanks(tmp_path: Path) -> None:
    texts = render(context(full_case(), Venue.COURIER_CLAIM, Organisation()), tmp_path)
    assert "索赔人：＿＿＿＿" in texts["封面"] and "联系人＿＿＿＿" in texts["快递理赔申请书"]
    assert "张三" not in joined(texts)  # the customer is never made the claimant


def test_weight_and_insured_value_are_printed(tmp_path: Path) -> None:
    case = full_case()
    case.shipment.weight = Decimal("1.250")
    case.shipment.insured_value = Decimal("800.00")  # the declared value (1,000.00) is not the insured one
    doc = render(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path)["快递理赔申请书"]
    assert "重量1.25千克" in doc and "是否保价是" in doc and "保价金额800.00元" in doc


def test_insurance_not_entered_is_a_blank_never_no(tmp_path: Path) -> None:
    case = full_case()
    case.shipment.insured = None
    doc = render(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path)["快递理赔申请书"]
    assert "是否保价＿＿＿＿＿＿＿＿保价金额＿＿＿＿＿＿＿＿保价费＿＿＿＿＿＿＿＿" in doc
    assert "是否保价否" not in doc and "不适用（未保价）" not in doc and "未保价：" not in doc


def test_the_law_is_quoted_from_the_table_without_hedges(tmp_path: Path) -> None:
    texts = render(context(full_case(), Venue.COURIER_CLAIM, MERCHANT), tmp_path)
    doc = texts["快递理赔申请书"]
    assert "如条例已修订" not in joined(texts) and "以现行文本为准" not in joined(texts)
    for article_id in COURIER_LAW_IDS:
        assert quote_text(article_id) in doc, article_id
    assert "第八百三十二条" in doc and "第八百三十三条" in doc


def test_the_complaint_to_the_carrier_and_the_reply_date_are_blanks_until_recorded(tmp_path: Path) -> None:
    ctx = context(full_case(), Venue.COURIER_CLAIM, MERCHANT)
    assert rules.carrier_complaint(ctx) is None and reply_deadline(ctx) is None
    doc = render(ctx, tmp_path)["快递理赔申请书"]
    assert "向快递企业投诉日期＿＿＿＿年＿＿月＿＿日工单号＿＿＿＿＿＿＿＿应答复日期＿＿＿＿年＿＿月＿＿日" in doc


def test_a_recorded_complaint_dates_the_reply(tmp_path: Path) -> None:
    """A complaint lodged with the carrier on the 22nd (its 工单号 recorded) is due an answer in 7 days: the 29th is
    a Sunday, so the last day is Monday the 30th (the ``courier.reply`` clock, 民法典 art. 203)."""
    case = full_case()
    case.timeline.append(
        TimelineEvent(at(22, 16, 0), EventKind.COMPLAINT, "向快递公司提出理赔", ref="GD20261122001", party="courier")
    )
    case.timeline.append(  # a complaint to someone else does not start the carrier's clock
        TimelineEvent(at(20, 9, 0), EventKind.COMPLAINT, "向商家投诉", ref="X1", party="respondent")
    )
    ctx = context(case, Venue.COURIER_CLAIM, MERCHANT)
    deadline = reply_deadline(ctx)
    assert deadline is not None
    assert deadline.last_day == date(2026, 11, 30) and deadline.rolled_from == date(2026, 11, 29)
    texts = render(ctx, tmp_path / "claim")
    assert (
        "向快递企业投诉日期2026年11月22日工单号GD20261122001应答复日期2026年11月30日（2026年11月29日为法定休假日，顺延）"
        in texts["快递理赔申请书"]
    )
    assert "最迟应于2026年11月30日（2026年11月29日为法定休假日，顺延）处理并答复" in texts["申诉途径与期限"]
    assert "投诉/索赔向快递公司提出理赔（编号：GD20261122001）" in texts["快递理赔申请书"]  # the dealings table
    court = render(context(case, Venue.COURT), tmp_path / "court")["民事起诉状"]
    assert "（投诉/索赔；对象：快递企业；编号：GD20261122001）：向快递公司提出理赔" in court
    appeal = render(routed(case, Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, MERCHANT), tmp_path / "appeal")
    assert "企业投诉日期：2026年11月22日" in appeal["封面"] and "企业工单号：GD20261122001" in appeal["封面"]
    assert "向快递企业投诉日期2026年11月22日工单号GD20261122001" in appeal["邮政业用户申诉书"]


# --------------------------------------------------------------------------- (d) 12305


@pytest.fixture(scope="module")
def appeal_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    case = full_case()
    case.shipment.sender = Party(PartyKind.ORGANISATION, name="杭州某某数码科技有限公司")
    ctx = routed(case, Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, MERCHANT)
    return render(ctx, tmp_path_factory.mktemp("appeal"))


def test_the_12305_packet_is_an_appeal(appeal_texts: dict[str, str]) -> None:
    assert list(appeal_texts) == ["封面", "邮政业用户申诉书", "申诉途径与期限"]
    cover = appeal_texts["封面"]
    assert "邮政业用户申诉材料" in cover and "提交邮政管理部门（12305）" in cover
    assert "申诉人：杭州某某数码科技有限公司" in cover and "被申诉人：某某速运有限公司" in cover
    assert "快件号码：SF1234567890123" in cover and "企业投诉日期：＿＿＿＿年＿＿月＿＿日" in cover
    doc = appeal_texts["邮政业用户申诉书"]
    for heading in (
        "一、申诉人",
        "二、被申诉人",
        "三、快件信息",
        "四、向企业投诉情况",
        "五、申诉请求",
        "六、事实与理由",
    ):
        assert heading in doc, heading
    assert "联系人赵六" in doc and "■寄件人" in doc and "实际提供服务的网点上海徐汇漕河泾营业点" in doc
    assert "向快递企业投诉日期＿＿＿＿年＿＿月＿＿日工单号＿＿＿＿" in doc and "企业处理结果" in doc
    assert "责成被申诉人赔偿申诉人损失共计1,000.00元" in doc
    assert "申诉人于2026年11月18日22:00交由被申诉人某某速运有限公司寄递快件一件（快件号码SF1234567890123" in doc
    # The conditions' article (2014 办法 art. 9) was replaced in 2020 by a text not read: no article is cited.
    assert "申诉人确认：申诉人是与申诉事件有直接利害关系的当事人" in doc and "第九条" not in doc
    assert "申诉日期：＿＿＿＿年＿＿月＿＿日" in doc
    # The customer is a third party here too.
    assert "张三" not in joined(appeal_texts) and "13812345678" not in joined(appeal_texts)


def test_the_sender_is_not_assumed(tmp_path: Path) -> None:
    """A merchant is usually the sender, not always: with no sender recorded nothing says it is."""
    texts = render(routed(full_case(), Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, MERCHANT), tmp_path)
    doc = texts["邮政业用户申诉书"]
    assert "□寄件人□收件人□委托人" in doc and "寄件人于2026年11月18日22:00交由被申诉人" in doc
    assert "寄件人＿＿＿＿" in doc  # the shipment's 寄件人 field: a blank, not the claimant


def test_the_12305_notes_cite_article_9_and_no_60_days(appeal_texts: dict[str, str]) -> None:
    notes = appeal_texts["申诉途径与期限"]
    # The conditions as last read (2014 办法 art. 9), named as replaced by the 办法 in force.
    assert "见《邮政业消费者申诉处理办法》第九条；该办法已由《邮政业用户申诉处理办法》取代" in notes
    assert "《邮政法》第六十五条；《快递市场管理办法》第三十条第二款、第三款" in notes
    assert "60日" not in notes and "国际快件" not in notes
    assert "2027年11月18日" in notes  # one year from posting


def test_the_carrier_claim_notes_have_no_60_days(tmp_path: Path) -> None:
    notes = render(context(full_case(), Venue.COURIER_CLAIM, MERCHANT), tmp_path)["申诉途径与期限"]
    assert "60日" not in notes and "国际快件" not in notes and "第九条" in notes


def test_an_empty_case_appeal_invents_nothing(tmp_path: Path) -> None:
    texts = render(routed(empty_case(), Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, Organisation()), tmp_path)
    everything = joined(texts)
    assert "＿＿＿＿" in texts["邮政业用户申诉书"]
    for invented in ("None", "0.00元", "■寄件人", "编制"):
        assert invented not in everything, invented


# --------------------------------------------------------------------------- (d) covers of the other venues


def test_arbitration_and_court_covers_take_the_named_bodies(tmp_path: Path) -> None:
    case = full_case()
    case.filing = Filing(court="上海市徐汇区人民法院", arbitration_body="上海仲裁委员会")
    assert "仲裁机构：上海仲裁委员会" in render(context(case, Venue.ARBITRATION), tmp_path / "a")["封面"]
    assert "受诉法院：上海市徐汇区人民法院" in render(context(case, Venue.COURT), tmp_path / "c")["封面"]
    blank = render(context(full_case(), Venue.COURT), tmp_path / "b")["封面"]
    assert "受诉法院：＿＿＿＿＿＿＿＿人民法院" in blank


# --------------------------------------------------------------------------- building, and the command line


def courier_case(library: Library) -> str:
    case = filed_case(
        library,
        complainant={"name": "张三", "phone": "13812345678"},
        courier={"kind": "organisation", "name": "某某速运有限公司"},
        shipment={"waybill_no": "SF1234567890123", "carrier": "某某速运", "insured": False},
    )
    return case.number


MERCHANT_SETTINGS = Settings(org_name="杭州某某数码科技有限公司", org_phone="0571-88886666", operator="赵六")


def test_a_12305_packet_is_built_named_and_recorded(library: Library) -> None:
    number = courier_case(library)
    options = BundleOptions(Venue.COURIER_CLAIM, force=True, route=Route.POSTAL_REGULATOR)
    result = [r for r in build_bundle(library, number, options, MERCHANT_SETTINGS) if isinstance(r, BundleResult)][0]
    assert result.files[0].name.startswith(f"邮政业用户申诉-{number}-")
    made = bundle_history(library.folder(number).custody.read())
    assert (made[-1].venue, made[-1].route) == ("courier-claim", "12305")
    with pytest.raises(InvalidValueError):
        list(build_bundle(library, number, BundleOptions(Venue.COURT, route=Route.POSTAL_REGULATOR), Settings()))


def test_the_contact_person_comes_from_the_settings() -> None:
    assert Organisation.from_settings(Settings(operator="赵六")).contact == "赵六"
    assert Organisation.from_settings(Settings(operator="赵六", org_contact="钱七")).contact == "钱七"
    assert Organisation.from_settings(Settings()).contact == ""  # never the system's user name


def test_the_command_line_chooses_the_destination(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    library = Library.open(lib, "测试员")
    number = courier_case(library)
    library.close()
    save_settings(MERCHANT_SETTINGS)
    argv = ["--library", str(lib), "bundle", number, "--force"]
    assert main([*argv, "--venue", "courier-claim", "--to", "12305"]) == 0
    out = capsys.readouterr().out
    assert f"/邮政业用户申诉-{number}-" in out.replace("\\", "/")
    assert main([*argv, "--venue", "consumer-association", "--to", "12315"]) == 0
    assert f"/12315投诉-{number}-" in capsys.readouterr().out.replace("\\", "/")
    save_settings(replace(MERCHANT_SETTINGS, language="en"))  # the names follow the language set
    assert main([*argv, "--venue", "courier-claim", "--to", "12305"]) == 0
    assert f"/{number}-courier-claim-12305-" in capsys.readouterr().out.replace("\\", "/")
    save_settings(MERCHANT_SETTINGS)
    assert main([*argv, "--venue", "consumer-association", "--to", "12305"]) == 2
    assert "cannot go to 12305" in capsys.readouterr().err
    assert main(["--library", str(lib), "show", number]) == 0
    assert "courier-claim to 12305" in capsys.readouterr().out


def test_front_matter_follows_the_route() -> None:
    titles = [t for t, _ in front_matter(routed(full_case(), Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR))]
    assert titles == ["封面", "邮政业用户申诉书"]
    titles = [t for t, _ in front_matter(context(full_case(), Venue.COURIER_CLAIM))]
    assert titles == ["封面", "快递理赔申请书"]


def test_the_holiday_rule_is_printed_only_when_the_window_moved() -> None:
    """民法典 art. 203 (a last day on a rest day moves) is printed, in the text and the 法律依据, only for a window
    whose last day did move; one ending on an ordinary Thursday states its day and nothing more."""
    ordinary = complaint_of(seven_day_case())  # received 11-19: last day 11-26, a Thursday
    assert "至2026年11月26日届满。" in ordinary
    assert "法定休假日" not in ordinary and "第二百零三条" not in ordinary
    national_day = complaint_of(seven_day_case(received=datetime(2026, 9, 24, 15, 0, tzinfo=CST)))
    assert "以法定休假日结束的次日为期间的最后一日" in national_day and "第二百零三条" in national_day


@pytest.mark.parametrize("route", [Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR])
def test_the_three_years_run_from_the_earliest_event_named(route: Route, tmp_path: Path) -> None:
    """The notes' three years (办法 art. 16 (四); 民法典 art. 188) start on the earliest day the record holds, named
    for what happened then (the purchase, here before every event), and end on the corresponding day, printed
    unmoved as the day to act by (clocks.Bound), never as the day the law ends the period."""
    case = full_case()
    case.transaction.purchased_at = datetime(2026, 11, 11, 15, 0, tzinfo=CST)  # 2029-11-11 is a Sunday
    notes = render(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path)["提交须知"]
    assert "本案记录的最早日期是购买商品之日（2026年11月11日）" in notes, notes
    assert "届满" not in notes and "顺延）" not in notes and "最早时间" not in notes and "2029年11月12日" not in notes
    if route is Route.MARKET_REGULATOR:
        assert "请最迟于2029年11月11日提出（为稳妥起见按未顺延的日期计算），宜尽早" in notes and "之前提出" not in notes
    else:
        assert "如需起诉，请最迟于2029年11月11日提起（为稳妥起见按未顺延的日期计算）" in notes


@pytest.mark.parametrize("route", [Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR])
def test_the_packet_and_the_reminder_give_the_same_last_day(route: Route, tmp_path: Path) -> None:
    """A complaint registered late: the rice cooker bought 2024-02-07 and received 02-09, complained of on
    2026-11-30. The notes count the three years from the purchase (2027-02-07), and so does the reminder the
    user watches (casefile due, the case list) for its safe day: one start for both, never the complaint's
    2029-11-30."""
    from casefile.core.workflow.due import case_clocks
    from casefile.core.workflow.limitation import limitation

    case = full_case()
    case.complained_at = datetime(2026, 11, 30, 10, 0, tzinfo=CST)
    case.transaction.purchased_at = datetime(2024, 2, 7, 10, 0, tzinfo=CST)
    case.transaction.received_at = datetime(2024, 2, 9, 10, 0, tzinfo=CST)
    case.timeline = [e for e in case.timeline if e.at >= case.transaction.received_at]
    notes = render(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path)["提交须知"]
    assert "本案记录的最早日期是购买商品之日（2024年2月7日）" in notes, notes
    assert "请最迟于2027年2月7日提" in notes, notes
    clock = next(s for s in case_clocks(case, datetime(2026, 11, 30, 12, 0, tzinfo=CST)) if s.key == "civil.limitation")
    assert clock.deadline.act_by == date(2027, 2, 7)  # the safe day, from the purchase
    # the period itself runs afresh from the latest demand the timeline records (民法典 art. 195)
    assert clock.deadline.started.date() == limitation(case).counted_from.day > date(2024, 2, 9)


@pytest.mark.parametrize("route", [Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR])
def test_our_users_last_day_on_a_holiday_is_printed_unmoved(route: Route, tmp_path: Path) -> None:
    """Three years from 2024-10-01 end on 国庆 2027-10-01, a 法定休假日: the law (民法典 art. 203) would move the
    last day past the holiday, but the consumer is told to act by the unmoved day, and told why; a merchant's reply
    on the same calendar would move (clocks.Bound)."""
    case = full_case()
    case.transaction.purchased_at = datetime(2024, 10, 1, 15, 0, tzinfo=CST)
    notes = render(routed(case, Venue.CONSUMER_ASSOCIATION, route), tmp_path)["提交须知"]
    assert "本案记录的最早日期是购买商品之日（2024年10月1日）" in notes, notes
    assert "请最迟于2027年10月1日提" in notes and "（为稳妥起见按未顺延的日期计算）" in notes
    assert "2027年10月8日" not in notes and "顺延）" not in notes and "届满" not in notes
