"""The courier claim and the 12305 appeal as the carrier and the postal administration read them (pdftotext):

- 交涉记录 lists only the dealings with the carrier (spec §7(d) 8, §4.2), by the rule the reply clock reads
  (``with_carrier``); the buyer's talks with the merchant's customer service are left out, and with none
  recorded the packet says so.
- Their evidence list is headed by the courier dispute in the terms of a claim (索赔事项, 工单号, 提交对象) or an
  appeal (申诉事项, 申诉编号, 受理机构), not a court's 案由, and names each side by its part in the
  packet (索赔人/申诉人, the carrier, 收件人), not as the complaint typed it (投诉人, 被投诉人).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from bundle_pages import page_texts
from test_documents import CST, MERCHANT, context, full_case, render
from test_packet_fill import AFTER_DEADLINE, ANSWER, COMPLAINT, appeal, appeal_form, courier_case, evidence_list

from casefile.core.bundle import parts
from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.documents import front_matter
from casefile.core.bundle.documents.courier import NO_DEALINGS
from casefile.core.bundle.pdfkit import render_story
from casefile.core.model import Case, EvidenceKind, GpsPosition, Party, PartyKind, Transcript, TranscriptLine
from casefile.core.workflow.records import Proceeding
from casefile.core.workflow.records import Venue as ProceedingVenue

# The merchant's chats with the buyer in full_case: not the carrier's.
MERCHANT_CHATS = ("电话联系客服，客服同意退货但拒绝赔偿", "在线反映屏幕碎裂并发送照片")


def document(ctx: BundleContext, title: str, folder: Path) -> str:
    """One of the packet's documents as pdftotext reads it, whitespace removed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.pdf"
    render_story(path, dict(front_matter(ctx))[title])
    return "".join("".join(page.split()) for page in page_texts(path))


def packets(case: Case, folder: Path) -> dict[str, str]:
    return {
        "claim": document(context(case, Venue.COURIER_CLAIM, MERCHANT), "快递理赔申请书", folder / "claim"),
        "appeal": document(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", folder / "appeal"),
    }


def test_dealings_are_with_the_carrier_only(tmp_path: Path) -> None:
    case = full_case()
    case.timeline += [COMPLAINT, ANSWER]
    for name, text in packets(case, tmp_path).items():
        dealings = text[text.index("交涉记录") :]
        assert "向某某速运客服提出理赔申请" in dealings and "快递公司答复只退运费" in dealings, name
        for chat in MERCHANT_CHATS:
            assert chat not in text, (name, chat)


def test_no_dealings_with_the_carrier_are_said_plainly(tmp_path: Path) -> None:
    for name, text in packets(full_case(), tmp_path).items():
        dealings = text[text.index("交涉记录") :]
        assert NO_DEALINGS in dealings, name
        for chat in MERCHANT_CHATS:
            assert chat not in text, (name, chat)


# --------------------------------------------------------------------------- the evidence list's heading and words


def test_a_courier_list_is_headed_by_the_courier_dispute(tmp_path: Path) -> None:
    """The case is the buyer's with the merchant (信息网络买卖合同纠纷); the claim and the appeal are the merchant's
    with the carrier."""
    case = full_case()
    claim = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "claim")
    postal = evidence_list(appeal(case, AFTER_DEADLINE), tmp_path / "appeal")
    for text in (claim, postal):
        assert "快件损失赔偿" in text and "买卖合同纠纷" not in text
    consumer = evidence_list(context(case, Venue.CONSUMER_ASSOCIATION), tmp_path / "consumer")
    assert "案由" not in consumer and "投诉事项" in consumer  # a complaint, not a court's cause of action


def sourced_case() -> Case:
    case = full_case()
    photo, chat = case.exhibits[0], case.exhibits[1]
    photo.source, photo.purpose = "投诉人手机拍摄", "证明我司发货时包装完好，“我没签收”为原话"
    chat.source = "被投诉人开具"
    return case


def test_a_courier_packet_names_each_side_by_its_part_there(tmp_path: Path) -> None:
    """投诉人 (the buyer) is the parcel's 收件人; 被投诉人 (the merchant) and 我司 the 索赔人 or 申诉人; quoted words
    stay as said; in the list and on the exhibit's page alike."""
    case = sourced_case()
    for ctx, us in (
        (context(case, Venue.COURIER_CLAIM, MERCHANT), "索赔人"),
        (appeal(case, AFTER_DEADLINE), "申诉人"),
    ):
        text = evidence_list(ctx, tmp_path / us)
        assert "收件人手机拍摄" in text and f"{us}开具" in text and f"证明{us}发货时" in text, us
        assert "投诉人" not in text.replace("申诉人", ""), us
        rows = dict(parts.separator_rows(case.exhibits[0], words=lambda t, ctx=ctx: parts.as_filed(ctx, t)))
        assert rows["证据来源"] == "收件人手机拍摄", us
        assert rows["证明目的"] == f"证明{us}发货时包装完好，“我没签收”为原话", us


def test_the_carrier_complained_about_is_named(tmp_path: Path) -> None:
    case = sourced_case()
    assert case.courier is not None
    case.respondent = case.courier
    text = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path)
    assert "某某速运有限公司开具" in text


# --------------------------------------------------------------------------- the exhibit's separator page


def test_a_crowded_separator_page_cuts_words_never_hashes(tmp_path: Path) -> None:
    """An exhibit with long free text on its separator page: the words are cut to fit, its SHA-256 and SM3 are
    printed whole (spec §1 [I]: the evidence list carries only 8 characters of the one, nothing of the other)."""
    case = sourced_case()
    e = case.exhibits[0]
    e.sha256 = "0123456789abcdef" * 4
    e.sm3 = "fedcba9876543210" * 4
    e.source = "投诉人在签收现场用手机拍摄后经微信转发给店铺客服，再由客服下载保存" * 6
    e.purpose = "证明签收时外包装破损、屏幕碎裂，快递员在场确认，且破损并非使用造成" * 12
    e.title = "快递网点外景及签收现场照片（含外包装六个面、运单号、破损部位特写与快递员在场确认的情形）" * 2
    e.metadata.width, e.metadata.height, e.metadata.software = 640, 480, "Nikon Transfer 1.1 W"
    e.metadata.gps = GpsPosition(30.2741, 120.1551, 12.0)
    e.flags = ["edited", "time-disagrees", "captured-after-added", "extension-mismatch"]
    e.group = "第三组：与商家、快递公司交涉经过"
    for ctx in (context(case, Venue.CONSUMER_ASSOCIATION), appeal(case, AFTER_DEADLINE)):
        path = tmp_path / f"{ctx.venue.value}-{ctx.route}.pdf"
        assert parts.render_separators(path, ctx, ctx.entries[:1]) == 1
        text = "".join("".join(page.split()) for page in page_texts(path))
        assert "此项过长" in text  # the free text was cut…
        assert e.sha256 in text and e.sm3 in text  # …the hashes were not


# --------------------------------------------------------------------------- the appellant's details


def test_the_appellant_takes_the_senders_postcode(tmp_path: Path) -> None:
    """The journey's merchant: the settings hold no postcode, the waybill's sender (the same company) does."""
    case = full_case()
    case.shipment.sender = Party(PartyKind.ORGANISATION, name=MERCHANT.name, postcode="311121", address="别处")
    text = document(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", tmp_path / "same")
    assert "邮政编码311121" in text and MERCHANT.address in text  # the settings' address is kept
    case.shipment.sender = Party(PartyKind.ORGANISATION, name="另一家公司", postcode="100020")
    text = document(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", tmp_path / "other")
    assert "100020" not in text and "邮政编码＿" in text


def test_the_appellant_signs_on_a_blank_line(tmp_path: Path) -> None:
    """申诉人（签名/盖章） leaves room to sign, the appellant's name in brackets after it."""
    text = document(appeal(full_case(), AFTER_DEADLINE), "邮政业用户申诉书", tmp_path)
    assert f"申诉人（签名/盖章）：＿＿＿＿＿＿＿＿（{MERCHANT.name}）" in text, text


def test_courier_lists_are_headed_in_the_terms_of_a_claim_and_an_appeal(tmp_path: Path) -> None:
    """A claim to the carrier is no court case and the carrier's claims desk no 机关: its list names the 索赔事项,
    the carrier's 工单号 (blank until the record holds it) and the 提交对象, as the claim's cover does; a 12305
    appeal's names the 申诉事项, the postal administration's 申诉编号 and its 受理机构, as the appeal's cover
    does. Neither has a court's 案由, 案号 or 接收机关."""
    case = full_case()
    claim = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "claim")
    postal = evidence_list(appeal(case, AFTER_DEADLINE), tmp_path / "appeal")
    waybill = case.shipment.waybill_no
    assert f"索赔事项快件损失赔偿（运单号{waybill}）" in claim
    assert "工单号" in claim and "（受理后填写）" in claim and "提交对象" in claim
    assert f"申诉事项快件损失赔偿争议（快件号码{waybill}）" in postal
    assert "申诉编号" in postal and "（受理后填写）" in postal and "受理机构" in postal
    for text in (claim, postal):
        assert "案由" not in text and "案号" not in text and "接收机关" not in text
    case.timeline.append(COMPLAINT)  # lodged with the carrier, its 工单号 given
    claim = evidence_list(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path / "ticket")
    assert "GD20261122000123" in claim
    case.workflow.proceedings.append(Proceeding(ProceedingVenue.POSTAL_REGULATOR, ref="YZ2026120200042"))
    postal = evidence_list(appeal(case, AFTER_DEADLINE), tmp_path / "numbered")
    assert "YZ2026120200042" in postal
    # The number the postal administration gave later, kept on the timeline (对方编号), is the newest: it is printed.
    called = dataclasses.replace(COMPLAINT, at=datetime(2026, 12, 3, 9, 0, tzinfo=CST), party="postal-regulator")
    case.timeline.append(dataclasses.replace(called, ref="YZ2026120300007"))
    postal = evidence_list(appeal(case, AFTER_DEADLINE), tmp_path / "timeline")
    assert "申诉编号YZ2026120300007" in "".join(postal.split()) and "YZ2026120200042" not in postal


def test_the_three_years_run_from_the_earliest_shipment_day_named(tmp_path: Path) -> None:
    """The notes' three years (民法典 art. 188: the 条例 and the 邮政法 send a courier loss to the civil law) are
    worded as the 消协/12315 notes word theirs: from the earliest day the record holds of the shipment, named (here
    the posting, before the signing and the discovery), to the corresponding day, printed as the last day to act
    by, unmoved (clocks.Bound: the claimant's own deadline), in words that do not say the law ends it then."""
    case = full_case()
    case.transaction.purchased_at = None  # a parcel posted before the purchase the fixture holds is a contradiction
    shipment = case.shipment
    shipment.shipped_at = datetime(2026, 11, 11, 9, 0, tzinfo=CST)  # 2029-11-11 is a Sunday
    shipment.signed_at = datetime(2026, 11, 12, 18, 40, tzinfo=CST)
    shipment.discovered_at = datetime(2026, 11, 13, 19, 5, tzinfo=CST)
    for name, ctx in (
        ("claim", context(case, Venue.COURIER_CLAIM, MERCHANT)),
        ("appeal", appeal(case, AFTER_DEADLINE)),
    ):
        notes = render(ctx, tmp_path / name)["申诉途径与期限"]
        assert "本件记录的最早日期是寄件之日（2026年11月11日）" in notes, notes
        assert "如需起诉，请最迟于2029年11月11日提起（为稳妥起见按未顺延的日期计算），宜尽早" in notes
        assert "顺延）" not in notes and "2029年11月12日" not in notes and "2029年11月13日" not in notes
        assert "届满" not in notes
        # the 12305 year, worded alike
        assert "请最迟于2027年11月11日提出申诉，为稳妥起见按未顺延的日期计算" in notes


def test_the_claimants_last_days_on_a_holiday_stay_unmoved(tmp_path: Path) -> None:
    """Posted on 2025-10-01: the 12305 year ends on 国庆 2026-10-01, a 法定休假日 the law would move past (民法典
    art. 203); the claimant is told the unmoved day, while the carrier's reply on a Sunday moves."""
    case = courier_case(COMPLAINT)
    case.transaction.purchased_at = None  # posted a year before the purchase the fixture holds: a contradiction
    case.shipment.shipped_at = datetime(2025, 10, 1, 9, 0, tzinfo=CST)
    notes = render(context(case, Venue.COURIER_CLAIM, MERCHANT), tmp_path)["申诉途径与期限"]
    assert "请最迟于2026年10月1日提出申诉，为稳妥起见按未顺延的日期计算" in notes, notes
    assert "请最迟于2028年10月1日提起（为稳妥起见按未顺延的日期计算）" in notes
    assert "2026年10月8日" not in notes
    assert "快递企业最迟应于2026年11月30日（2026年11月29日为法定休假日，顺延）处理并答复" in notes


def test_an_appeal_says_a_complaint_was_made_only_when_one_is_recorded(tmp_path: Path) -> None:
    """A complaint to the carrier is the 12305 appeal's precondition (spec §4.2): its 事实与理由 and 声明 say one
    was made, with its date and 工单号, only when the record holds it, and say which of the two grounds the
    record shows (unanswered within 7 days, or an answer not accepted); otherwise they say what the record
    holds, never "已向被申诉人投诉"."""
    nothing = appeal_form(appeal(full_case(), AFTER_DEADLINE), tmp_path / "nothing")
    assert "已向被申诉人投诉" not in nothing and "已先向被申诉人投诉" not in nothing
    assert "本案尚未记录申诉人向被申诉人投诉及与其交涉的情况。" in nothing, nothing
    assert "当事人；本案尚未记录申诉人向被申诉人投诉的情况；未就同一事项" in nothing
    assert "见第四项" not in nothing  # a 第四项 left blank is pointed at by nothing

    answered_only = appeal_form(appeal(courier_case(ANSWER), AFTER_DEADLINE), tmp_path / "answer")
    assert "已向被申诉人投诉" not in answered_only and "已先向被申诉人投诉" not in answered_only
    assert "本案尚未记录申诉人向被申诉人投诉的日期及工单号，与被申诉人的交涉情况见第八项" in answered_only
    assert "见第四项" not in answered_only

    dissatisfied = appeal_form(appeal(courier_case(COMPLAINT, ANSWER), AFTER_DEADLINE), tmp_path / "dissatisfied")
    assert (
        "申诉人已于2026年11月22日向被申诉人投诉（工单号GD20261122000123），被申诉人的处理情况见第四项" in dissatisfied
    )
    assert "已于2026年11月22日先向被申诉人投诉，对其处理和答复不满意（见第四项）；" in dissatisfied
    assert "7日内未得到答复（见第四项）" not in dissatisfied

    unanswered = appeal_form(appeal(courier_case(COMPLAINT), AFTER_DEADLINE), tmp_path / "unanswered")
    assert "已于2026年11月22日先向被申诉人投诉，投诉后7日内未得到答复（见第四项）；" in unanswered


def test_the_carriers_last_day_to_answer_is_the_last_day_included(tmp_path: Path) -> None:
    """The notes give the carrier's last day as the day it may still answer on (最迟于), not a day "before" which
    it must: the same day the appeal's 应答复日期 prints (moved past Sunday 11-29, 民法典 art. 203), after
    which "未得到答复" holds; the claimant's own one and three years stay printed unmoved."""
    case = courier_case(COMPLAINT)
    for name, ctx in (
        ("claim", context(case, Venue.COURIER_CLAIM, MERCHANT)),
        ("appeal", appeal(case, AFTER_DEADLINE)),
    ):
        notes = render(ctx, tmp_path / name)["申诉途径与期限"]
        assert "快递企业最迟应于2026年11月30日（2026年11月29日为法定休假日，顺延）处理并答复" in notes, notes
        assert "该日届满仍未答复的，即属投诉后7日内未得到答复" in notes
        assert "前处理" not in notes and "为稳妥起见按未顺延的日期计算" in notes
    form = appeal_form(appeal(case, AFTER_DEADLINE), tmp_path / "form")
    assert "应答复日期2026年11月30日（2026年11月29日为法定休假日，顺延）" in form


def test_a_sentence_quoted_from_within_an_article_is_marked_as_a_part(tmp_path: Path) -> None:
    """快递暂行条例 art. 29 is one paragraph whose second sentence alone is quoted: "……" marks what is left out,
    in the claim's and the appeal's law excerpts alike."""
    for name, text in packets(full_case(), tmp_path).items():
        assert "《快递暂行条例》第二十九条：……用户对快递服务质量不满意的" in text, name


def _recording(transcriber: str, recorded_by: str = "张三") -> Case:
    case = full_case()
    call = Transcript(
        recorded_by=recorded_by,
        device="iPhone 15 通话录音",
        started_at=datetime(2026, 11, 19, 9, 40, tzinfo=CST),
        participants=["张三（本人）", "某某数码客服（工号 A017）"],
        lines=[TranscriptLine("00:00:05", "客服", "您好"), TranscriptLine("00:01:00", "张三", "屏幕碎了")],
        transcriber=transcriber,
        transcribed_at=datetime(2026, 11, 19, 12, 0, tzinfo=CST),
    )
    case.exhibits[1] = dataclasses.replace(case.exhibits[1], kind=EvidenceKind.AUDIO, transcript=call)
    return case


def transcript_page(ctx: BundleContext, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    entry = next(e for e in ctx.entries if e.exhibit.transcript is not None)
    path = folder / "transcript.pdf"
    render_story(path, parts.transcript_flowables(entry, ctx))
    return "".join("".join(page.split()) for page in page_texts(path))


def test_a_courier_packets_transcript_is_signed_for_the_claimant(tmp_path: Path) -> None:
    """In the merchant's claim (and appeal) the buyer who recorded a call is a third party, masked: the 整理人 line
    is for the claimant's side (the operator making the packet), not for 张* who cannot be asked to sign it, and
    "本人为对话一方" would read as the claimant: the recorder is named by side (收件人). The buyer's own complaint
    keeps the buyer as 本人 and as the 整理人."""
    case = _recording(transcriber="张三")
    for name, ctx in (
        ("claim", context(case, Venue.COURIER_CLAIM, MERCHANT)),
        ("appeal", appeal(case, AFTER_DEADLINE)),
    ):
        page = transcript_page(ctx, tmp_path / name)
        assert "整理人（签名）：＿＿＿＿＿＿＿＿（测试员）" in page, page
        assert "张*）日期" not in page and "本人" not in page
        assert "是（录制人系收件人，为对话一方）" in page
        assert "张*（录制人）" in page
    own = transcript_page(context(case, Venue.CONSUMER_ASSOCIATION), tmp_path / "complaint")
    assert "是（本人为对话一方）" in own and "整理人（签名）：＿＿＿＿＿＿＿＿（张三）" in own


def test_a_claimants_own_transcriber_signs_the_courier_packet(tmp_path: Path) -> None:
    """A transcript the merchant's staff made (the contact 赵六) keeps its transcriber; a recording the merchant's
    contact made names the recorder's side as the claimant's."""
    case = _recording(transcriber="赵六", recorded_by="赵六")
    page = transcript_page(appeal(case, AFTER_DEADLINE), tmp_path)
    assert "整理人（签名）：＿＿＿＿＿＿＿＿（赵六）" in page
    assert "是（录制人系申诉人经办人，为对话一方）" in page
