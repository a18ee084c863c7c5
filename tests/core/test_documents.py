"""The venue documents (spec §7 (a)–(d)) rendered and read back: headings, parties, claims,
courier-claim arithmetic and deadlines, masking, blanks for missing data, embedded fonts."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.core.bundle.context import BundleContext, ExhibitEntry, Organisation, Venue
from casefile.core.bundle.documents import (
    case_cause,
    closing_matter,
    fmt_amount,
    fmt_date,
    fmt_time,
    front_matter,
    loss_table,
    reply_deadline,
)
from casefile.core.bundle.documents.common import third_person
from casefile.core.bundle.pdfkit import render_story
from casefile.core.model import (
    Agent,
    AgentAuthority,
    Case,
    CaseType,
    Channel,
    Demand,
    DemandType,
    EventKind,
    EvidenceKind,
    Exhibit,
    Filing,
    MediationWish,
    Party,
    PartyKind,
    ResponsibleParty,
    Shipment,
    Stage,
    StageChange,
    TimelineEvent,
    Transaction,
)

CST = timezone(timedelta(hours=8))
GENERATED = datetime(2026, 11, 25, 9, 0, tzinfo=CST)
VENUES = [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT, Venue.COURIER_CLAIM]
HEADINGS = {
    Venue.CONSUMER_ASSOCIATION: "消费投诉书",
    Venue.ARBITRATION: "仲裁申请书",
    Venue.COURT: "民事起诉状",
    Venue.COURIER_CLAIM: "快递理赔申请书",
}


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CST)


def exhibit(number: int, title: str, kind: EvidenceKind) -> Exhibit:
    return Exhibit(
        number=number,
        title=title,
        kind=kind,
        original_name=f"file{number}.jpg",
        stored_path=f"evidence/file{number}.jpg",
        size=1000 + number,
        sha256=f"{number:02d}" * 32,
        added_at=at(20),
        added_by="测试员",
        purpose="证明商品损坏",
    )


def full_case(*, responsible: ResponsibleParty = ResponsibleParty.MERCHANT, insured: bool = True) -> Case:
    return Case(
        number="202611-007",
        title="手机屏幕碎裂",
        complained_at=at(20, 10, 30),
        channel=Channel.ONLINE,
        type=CaseType.QUALITY,
        responsible_party=responsible,
        complainant=Party(
            PartyKind.PERSON,
            name="张三",
            phone="13812345678",
            email="zhangsan@example.com",
            address="上海市徐汇区漕溪北路88号5号楼201室",
            postcode="200030",
            id_number="310104199005011234",
            gender="男",
            birth_date="1990-05-01",
            ethnicity="汉族",
            occupation="工程师",
            employer="上海某某软件有限公司",
        ),
        respondent=Party(
            PartyKind.ORGANISATION,
            name="杭州某某数码科技有限公司",
            phone="0571-88886666",
            address="浙江省杭州市余杭区文一西路1号",
            id_number="91330110MA2XXXXX1K",
            legal_representative="李四",
            representative_title="执行董事",
            store="天猫某某数码旗舰店",
        ),
        courier=Party(
            PartyKind.ORGANISATION,
            name="某某速运有限公司",
            address="广东省深圳市南山区某路2号",
            id_number="91440300XXXXXXXX2B",
            phone="95338",
        ),
        transaction=Transaction(
            order_no="TB20261118000123",
            platform="天猫",
            product="智能手机",
            brand_model="某某 X10 8GB+256GB 黑色",
            quantity=1,
            amount=Decimal("1299.00"),
            payment_method="支付宝",
            purchased_at=at(18, 20, 15),
        ),
        shipment=Shipment(
            waybill_no="SF1234567890123",
            carrier="某某速运",
            outlet="上海徐汇漕河泾营业点",
            freight=Decimal("12.00"),
            insured=insured,
            declared_value=Decimal("1000.00") if insured else None,
            insured_value=Decimal("1000.00") if insured else None,
            insurance_fee=Decimal("5.00") if insured else None,
            shipped_at=at(18, 22, 0),
            signed_at=at(19, 18, 40),
            signer="王小五",
            delivery_mode="快递柜",
            exception_type="外包装破损，屏幕碎裂",
            discovered_at=at(19, 19, 5),
        ),
        demands=[
            Demand(DemandType.REFUND, Decimal("1299.00")),
            Demand(DemandType.COMPENSATION, Decimal("200.00"), "误工及交通费用"),
            Demand(DemandType.APOLOGY),
        ],
        facts="2026年11月18日，投诉人在被投诉人店铺购买智能手机一部。收货后发现屏幕碎裂，联系电话13812345678。",
        timeline=[
            TimelineEvent(
                at(21, 14, 0), EventKind.CALL, "电话联系客服，客服同意退货但拒绝赔偿", people="客服小王", evidence=[2]
            ),
            TimelineEvent(
                at(19, 19, 10), EventKind.CHAT, "在线反映屏幕碎裂并发送照片", place="天猫旺旺", evidence=[1, 2]
            ),
        ],
        stage_log=[
            StageChange(Stage.REGISTRATION, at(20, 10, 30), "测试员"),
            StageChange(Stage.NEGOTIATION, at(22, 9, 0), "测试员", "被投诉人提出仅退款800元，投诉人不同意"),
        ],
        exhibits=[
            exhibit(1, "屏幕破损照片", EvidenceKind.PHOTO),
            exhibit(2, "客服聊天记录", EvidenceKind.CHAT),
            exhibit(3, "购买合同仲裁条款", EvidenceKind.ARBITRATION_AGREEMENT),
            exhibit(4, "订单及付款记录", EvidenceKind.RECEIPT),
        ],
    )


def empty_case() -> Case:
    return Case(number="202611-008", title="", complained_at=at(24), channel=Channel.STORE, type=CaseType.QUALITY)


def context(case: Case, venue: Venue, org: Organisation | None = None) -> BundleContext:
    entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.exhibits, start=1)]
    return BundleContext(
        case=case,
        venue=venue,
        entries=entries,
        org=org if org is not None else Organisation(name="某某数码客服中心"),
        operator="测试员",
        generated_at=GENERATED,
    )


def render(ctx: BundleContext, folder: Path) -> dict[str, str]:
    """Every section as its own PDF; {title: text with whitespace removed}."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    sections = front_matter(ctx) + closing_matter(ctx)
    titles = [t for t, _ in sections]
    assert len(titles) == len(set(titles)), titles
    for i, (title, flowables) in enumerate(sections):
        path = folder / f"{ctx.venue.value}-{i}.pdf"
        pages = render_story(path, flowables)
        reader = PdfReader(path)
        assert len(reader.pages) == pages
        text = "".join(page.extract_text() or "" for page in reader.pages)
        out[title] = re.sub(r"\s+", "", text)
        check_fonts(path)
    return out


def check_fonts(path: Path) -> None:
    if shutil.which("pdffonts") is None:
        return
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, "no fonts at all?"
    for row in rows:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in row and "STSong" not in row


def joined(texts: dict[str, str]) -> str:
    return "".join(texts.values())


@pytest.fixture(scope="module")
def full_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[Venue, dict[str, str]]:
    folder = tmp_path_factory.mktemp("full")
    return {venue: render(context(full_case(), venue), folder) for venue in VENUES}


@pytest.fixture(scope="module")
def empty_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[Venue, dict[str, str]]:
    folder = tmp_path_factory.mktemp("empty")
    return {venue: render(context(empty_case(), venue, Organisation()), folder) for venue in VENUES}


# --------------------------------------------------------------------------- every venue


@pytest.mark.parametrize("venue", VENUES)
def test_cover_and_heading(full_texts: dict[Venue, dict[str, str]], venue: Venue) -> None:
    texts = full_texts[venue]
    titles = list(texts)
    assert titles[0] == "封面" and HEADINGS[venue] in titles
    cover = texts["封面"]
    assert venue.heading in cover
    assert "202611-007" in cover
    assert "提交日期：＿＿＿＿年＿＿月＿＿日" in cover  # the signer's date, never the day the PDF was made
    assert "2026年11月25日" not in joined(texts)  # GENERATED: no document states it as a date
    assert "共4件" in cover
    assert "某某数码客服中心" in cover  # 编制
    assert HEADINGS[venue] in texts[HEADINGS[venue]]
    assert "None" not in joined(texts)


@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT])
def test_parties_complete_where_the_venue_needs_them(full_texts: dict[Venue, dict[str, str]], venue: Venue) -> None:
    doc = full_texts[venue][HEADINGS[venue]]
    for value in ("张三", "13812345678", "上海市徐汇区漕溪北路88号5号楼201室", "杭州某某数码科技有限公司"):
        assert value in doc, value
    # The non-party in the timeline is masked everywhere.
    assert "客服小王" not in joined(full_texts[venue])


@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT])
def test_facts_in_time_order_with_exhibit_labels(full_texts: dict[Venue, dict[str, str]], venue: Venue) -> None:
    doc = full_texts[venue][HEADINGS[venue]]
    first = doc.index("2026年11月19日19:10")
    second = doc.index("2026年11月21日14:00")
    assert first < second
    assert "（见证据1、证据2）" in doc and "（见证据2）" in doc
    us, them = {Venue.COURT: ("原告", "被告"), Venue.ARBITRATION: ("申请人", "被申请人")}.get(
        venue, ("投诉人", "被投诉人")
    )
    assert f"{them}提出仅退款800元，{us}不同意" in doc  # negotiation history, in this document's words
    # the dealing is told by what happened, not by the workflow's name for the stage it was noted in
    assert f"2026年11月22日09:00，{them}提出仅退款800元" in doc
    assert "协商与方案" not in doc and "客户确认" not in doc and "内部调解" not in doc


@pytest.mark.parametrize("venue", VENUES)
def test_empty_case_prints_blanks_not_inventions(empty_texts: dict[Venue, dict[str, str]], venue: Venue) -> None:
    texts = empty_texts[venue]
    everything = joined(texts)
    assert HEADINGS[venue] in everything
    assert "＿＿＿＿" in texts[HEADINGS[venue]]
    assert "＿＿＿＿" in texts["封面"]
    assert "共0件" in texts["封面"]
    for invented in ("None", "0.00元", "张三", "1,299", "天猫", "编制"):
        assert invented not in everything, invented


# --------------------------------------------------------------------------- (a) consumer association


def test_consumer_complaint(full_texts: dict[Venue, dict[str, str]]) -> None:
    texts = full_texts[Venue.CONSUMER_ASSOCIATION]
    doc = texts["消费投诉书"]
    for heading in (
        "一、投诉人",
        "二、被投诉人",
        "三、消费信息",
        "四、事实与理由",
        "五、投诉请求",
        "六、法律依据",
        "七、声明",
    ):
        assert heading in doc, heading
    assert "TB20261118000123" in doc
    assert "200030" in doc and "91330110MA2XXXXX1K" in doc and "天猫某某数码旗舰店／天猫" in doc
    assert "1,299.00元" in doc and "支付宝" in doc and "2026年11月18日20:15" in doc
    assert "1.要求解除投诉人与被投诉人之间的买卖合同；" in doc
    assert "2.要求被投诉人返还投诉人货款1,299.00元，投诉人同时向被投诉人退还所购商品" in doc
    assert "3.要求被投诉人赔偿投诉人损失200.00元（误工及交通费用）；" in doc
    assert "4.要求被投诉人向投诉人赔礼道歉。" in doc
    assert "以上金额合计1,499.00元" in doc
    # Quality case bought online: arts. 23, 24, 25; no fraud alleged, so no art. 55.
    assert "第二十三条" in doc and "第二十四条" in doc and "第二十五条" in doc and "第五十五条" not in doc
    assert "投诉人（签名）" in doc
    notes = texts["提交须知"]
    assert "三年" in notes and "不予受理" in notes and "原件" in notes
    # The 消协 by default: a dispute before it is refused by 12315 under the 投诉举报处理办法 in force from
    # 2026-04-15, not the repealed 暂行办法 (the 12315 notes: tests/core/test_venue_documents.py).
    assert "《投诉举报处理办法》第十六条" in notes and "暂行办法" not in notes
    assert "购买商品之日（2026年11月18日）" in notes and "最迟于2029年11月18日" in notes  # from the purchase


# --------------------------------------------------------------------------- (b) arbitration


def test_arbitration_application(full_texts: dict[Venue, dict[str, str]]) -> None:
    doc = full_texts[Venue.ARBITRATION]["仲裁申请书"]
    assert "申请人：张三" in doc and "被申请人：杭州某某数码科技有限公司" in doc
    for field in (
        "性别：男",
        "出生日期：1990年5月1日（36岁）",
        "民族：汉族",
        "职业：工程师",
        "工作单位：上海某某软件有限公司",
    ):
        assert field in doc, field
    assert "法定代表人（主要负责人）：李四" in doc and "职务：执行董事" in doc
    assert "统一社会信用代码：91330110MA2XXXXX1K" in doc
    assert "1.裁决解除申请人与被申请人之间的买卖合同；" in doc
    assert (
        "2.裁决被申请人返还申请人货款1,299.00元，申请人同时向被申请人退还所购商品智能手机（某某X108GB+256GB黑色）；"
        in doc
    )
    assert "3.裁决被申请人赔偿申请人损失200.00元（误工及交通费用）；" in doc
    assert "本案仲裁费用由被申请人承担" in doc and "以上金额合计1,499.00元" in doc
    assert "申请人在被申请人店铺购买智能手机" in doc  # the facts in this document's words
    assert "《中华人民共和国民法典》第五百六十三条、第五百六十六条" in doc  # the bases, each law once
    assert "详见证据目录" in doc
    # No institution entered: a blank without the suffix 仲裁委员会, since it may be a 仲裁院 (仲裁法 2025 art. 89).
    assert "此致" in doc and "＿＿＿＿＿＿＿＿＿＿（仲裁机构名称）" in doc and "仲裁委员会" not in doc
    assert "附：" in doc and "本申请书副本1份" in doc
    assert "日期" not in doc or "＿＿＿＿年＿＿月＿＿日" in doc
    assert "仲裁协议（见证据3）" in doc
    assert "证据目录及证据共4件" in doc and "身份证明" in doc
    # What 附 lists is in the packet: the identity page, and one copy per respondent.
    texts = full_texts[Venue.ARBITRATION]
    assert list(texts)[:4] == ["封面", "仲裁申请书", "身份证明", "仲裁申请书（副本）"]
    assert "身份证明" in texts["身份证明"] and "申请人" in texts["身份证明"]
    assert "律师执业证复印件和律师事务所函" in texts["身份证明"]  # a lawyer agent's papers, as in court
    copy = texts["仲裁申请书（副本）"]
    assert copy.startswith("副本（送达被申请人杭州某某数码科技有限公司）仲裁申请书")
    assert copy.split("仲裁申请书", 1)[1] == doc.split("仲裁申请书", 1)[1]  # the same application
    assert "副本（送达" not in doc and len([t for t in texts if "副本" in t]) == 1
    # the notes: the 2025 仲裁法 (in force from 2026-03-01), which speaks of 仲裁机构
    notes = full_texts[Venue.ARBITRATION]["提交须知"]
    assert "仲裁机构不予受理（《中华人民共和国仲裁法》第四条）" in notes
    assert "选定的仲裁机构（《中华人民共和国仲裁法》第二十七条）" in notes
    assert "《中华人民共和国仲裁法》第三十三条" in notes and "仲裁委员会不予受理" not in notes
    # art. 33 says the application goes in with copies, not how many: the number is the commissions' practice
    assert "提交仲裁协议、仲裁申请书及副本（《中华人民共和国仲裁法》第三十三条）。副本的份数法律未作规定" in notes
    assert "仲裁机构通常要求每一被申请人一份" in notes and "（每一被申请人一份）（" not in notes


def test_arbitration_evidence_goes_in_with_a_copy_per_respondent(full_texts: dict[Venue, dict[str, str]]) -> None:
    """The notes give one copy per respondent as the commissions' practice; the packet says the same: the evidence
    list's 份数 counts the original and the respondent's copy, the application's 附 lists them, and the notes say the
    packet prints one set to be copied, the application's copy being already in it. Other packets' lists count the
    one set they hold."""
    from casefile.core.bundle.parts import list_copies

    doc = full_texts[Venue.ARBITRATION]["仲裁申请书"]
    assert "证据目录及证据共4件，一式2份（正本1份，副本1份）" in doc
    notes = full_texts[Venue.ARBITRATION]["提交须知"]
    assert "本材料已附申请书副本1份" in notes
    assert "目录“份数”栏按正本1份及每一被申请人副本1份计（共2份），提交前请按此复印" in notes
    assert list_copies(context(full_case(), Venue.ARBITRATION)) == 2
    for venue in (Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM):
        assert list_copies(context(full_case(), venue)) == 1, venue


def test_a_dealing_without_a_note_says_what_kind_it_was(tmp_path: Path) -> None:
    """A stage noted without words reads as what the parties did (协商), never as the workflow's stage name."""
    from casefile.core.bundle.documents.common import _dealings

    case = full_case()
    case.stage_log = [
        StageChange(Stage.NEGOTIATION, at(22, 9, 0), "测试员"),
        StageChange(Stage.MEDIATION, at(23, 9, 0), "测试员"),
    ]
    lines = _dealings(context(case, Venue.CONSUMER_ASSOCIATION))
    assert lines == [
        "2026年11月22日 09:00，双方进行协商（具体内容未记录）",
        "2026年11月23日 09:00，双方进行调解（具体内容未记录）",
    ]


def test_the_arbitration_identity_page_is_marked_for_the_arbitration() -> None:
    """The identity copies are marked for the proceeding they go to: 仲裁 in an arbitration, not 诉讼（投诉）."""
    from casefile.core.bundle.parts import identity_flowables

    def text(venue: Venue, role: str) -> str:
        return "".join(getattr(f, "text", "") for f in identity_flowables(context(full_case(), venue), role))

    assert "仅供本案仲裁使用" in text(Venue.ARBITRATION, "申请人")
    assert "仅供本案诉讼使用" in text(Venue.COURT, "原告")
    assert "诉讼（投诉）" not in text(Venue.ARBITRATION, "申请人") + text(Venue.COURT, "原告")


# --------------------------------------------------------------------------- (c) court


def test_court_evidence_goes_in_with_a_copy_per_defendant(full_texts: dict[Venue, dict[str, str]]) -> None:
    """证据规定 art. 19: the evidence is filed with a copy per opposing party. The list's 份数 counts the original
    and a copy per defendant, the complaint's 附 says so (一式N份), and the notes ask for the copies to be made."""
    from casefile.core.bundle.parts import list_copies

    texts = full_texts[Venue.COURT]
    assert "证据目录及证据共4件，一式2份（正本1份，副本1份）" in texts["民事起诉状"]
    assert "证据目录及证据共4件，一式2份（正本1份，副本1份）" in texts["民事起诉状（副本）"]
    assert "目录“份数”栏按正本1份及每一被告副本1份计（共2份），提交前请按此复印" in texts["立案提示"]
    assert list_copies(context(full_case(), Venue.COURT)) == 2
    two = full_case(responsible=ResponsibleParty.COURIER)
    from casefile.core.bundle.documents.common import _defendants

    ctx = context(two, Venue.COURT)
    assert list_copies(ctx) == 1 + len(_defendants(ctx))


def test_a_copy_on_a_medium_is_not_the_original_carrier(tmp_path: Path) -> None:
    """证据规定 art. 15: a recording's original carrier is the device that made it. In an arbitration or a court the
    list says the medium holds a copy, one with each set (as many as the 份数), the device kept for checking; the
    附 encloses as many media. The 消协 and courier lists keep their wording."""
    from bundle_pages import page_texts

    from casefile.core.bundle.builder import filer_role
    from casefile.core.bundle.documents.common import storage_medium
    from casefile.core.bundle.parts import KEPT_BY_COMPLAINANT, ON_MEDIUM, evidence_list_flowables, kept_by

    def listed(venue: Venue) -> tuple[str, list[str]]:
        ctx = context(full_case(), venue)
        ctx.entries[0].on_medium = True
        path = tmp_path / f"{venue.value}.pdf"
        render_story(path, evidence_list_flowables(ctx, filer_role(ctx), []))
        return "".join("".join(page.split()) for page in page_texts(path)), storage_medium(ctx)

    for venue in (Venue.ARBITRATION, Venue.COURT):
        text, medium = listed(venue)
        assert "复制件随附存储介质2份，原始载体可供核对" in text, venue
        assert "原始载体（随附存储介质）" not in text, venue
        assert medium == ["存储介质（光盘/U盘）2 份，内含证据1的原始文件复制件"], venue
    assert KEPT_BY_COMPLAINANT in listed(Venue.CONSUMER_ASSOCIATION)[0]
    assert kept_by("索赔人") in listed(Venue.COURIER_CLAIM)[0]  # a claim to a carrier encloses no medium
    assert ON_MEDIUM not in listed(Venue.COURIER_CLAIM)[0]
    # the page standing in for the file and the annex's check method say the same
    from casefile.core.bundle.parts import check_method, medium_sets, notice_flowables

    for venue, copy in ((Venue.ARBITRATION, True), (Venue.COURT, True), (Venue.COURIER_CLAIM, False)):
        ctx = context(full_case(), venue)
        ctx.entries[0].on_medium = True
        page = "".join(getattr(f, "text", "") for f in notice_flowables(ctx.entries[0], "x", copies=medium_sets(ctx)))
        method = "".join(p.text for p in check_method(ctx))
        assert ("其复制件另以存储介质提交" in page) is copy, venue
        assert ("其复制件在随附的存储介质中，原始载体可供核对" in method) is copy, venue


def test_a_closing_that_fits_a_page_is_not_split(tmp_path: Path) -> None:
    """A closing that fits on one page goes to the next page whole when the rest of this one is too short: the text
    before 此致 stays with it and with the signature (keeping the ending together must not split the whole)."""
    from bundle_pages import page_texts

    from casefile.core.bundle.documents.common import _closing_block
    from casefile.core.bundle.documents.layout import _p

    ctx = context(full_case(), Venue.ARBITRATION)
    for n in range(10, 40, 3):
        filler = [_p(f"前文{i}。" + "事实与理由" * 20, "indent") for i in range(n)]
        lead = [_p(f"结尾{i}。" + "请依法裁决" * 10, "indent") for i in range(3)]
        block = _closing_block(lead, "此致", "某某仲裁委员会", "申请人（签名/盖章）：", ctx, ["本申请书副本 1 份"])
        path = tmp_path / f"{n}.pdf"
        render_story(path, [*filler, block])
        for page in page_texts(path):
            if "此致" in page or "结尾0" in page:
                assert "此致" in page and "结尾0" in page and "结尾2" in page and "申请人（签名" in page, (n, page)


def test_the_signature_and_its_date_stay_together(tmp_path: Path) -> None:
    """A closing too long for one page is split, but never between 具状人（签字、盖章） and 日期 (a page holding
    only the date cannot be signed), nor between the signature and the ending it signs."""
    from bundle_pages import page_texts

    from casefile.core.bundle.documents.common import _closing_block
    from casefile.core.bundle.documents.layout import _p

    ctx = context(full_case(), Venue.COURT)
    for n in range(30, 60):
        lead = [_p(f"第{i}段。" + "事实与理由" * 20, "indent") for i in range(n)]
        block = _closing_block(
            lead,
            "此致",
            "某某人民法院",
            "具状人（签字、盖章）：",
            ctx,
            ["本状副本 1 份"],
            attachments_first=True,
            date_label="日期：",
        )
        path = tmp_path / f"{n}.pdf"
        render_story(path, [block])
        for page in page_texts(path):
            if "日期：" in page or "具状人" in page:
                # the date with the signer's line, and both with the ending they sign (此致, the court, 附)
                assert "日期：" in page and "具状人" in page and "此致" in page and "附" in page, (n, page)


def test_civil_complaint_element_form(full_texts: dict[Venue, dict[str, str]]) -> None:
    """An online sale: the SPC's 2025 element-style form for 买卖合同纠纷, in its order, filled from the record."""
    texts = full_texts[Venue.COURT]
    assert list(texts)[:5] == ["封面", "民事起诉状", "身份证明", "送达地址确认书", "民事起诉状（副本）"]
    doc = texts["民事起诉状"]
    assert doc.startswith("民事起诉状（买卖合同纠纷）说明：")
    order = [
        "当事人信息",
        "诉讼请求",
        "约定管辖和诉前保全",
        "事实与理由",
        "对纠纷解决方式的意愿",
        "具状人（签字、盖章）",
    ]
    assert [doc.index(x) for x in order] == sorted(doc.index(x) for x in order)
    for field in (
        "原告（自然人）姓名：张三性别：男■女□出生日期：1990年5月1日民族：汉族",
        "证件类型：居民身份证证件号码：310104199005011234",
        "被告（法人、非法人组织）名称：杭州某某数码科技有限公司",
        "法定代表人／负责人：李四统一社会信用代码：91330110MA2XXXXX1K",
    ):
        assert field in doc, field
    # The claims, worded and with amounts; each box ticked only from the record.
    assert "1.判令解除原告与被告之间的买卖合同。" in doc
    assert "2.判令被告返还原告货款1,299.00元，原告同时向被告退还所购商品智能手机（某某X108GB+256GB黑色）。" in doc
    assert "3.判令被告赔偿原告损失200.00元（误工及交通费用）。" in doc
    assert "4.判令被告向原告赔礼道歉。" in doc  # the user asked for it
    # The costs: claimed last, and row 8 ticked 是 (the record holds no answer against it).
    assert "5.本案诉讼费用由被告承担。1.给付价款" in doc
    assert "8.是否主张诉讼费用是■否□" in doc
    assert "是■修理□重作□更换□退货■" in doc and "判令解除合同■" in doc
    assert "10.标的总额1,499.00元" in doc
    # No answer on a jurisdiction clause, but the case holds an arbitration agreement: 有, naming it.
    assert "有■合同条款及内容：证据3《购买合同仲裁条款》约定仲裁。无□" in doc
    assert "是□否□暂不确定，想要了解更多内容□" in doc
    assert "委托诉讼代理人有□" in doc  # no agent recorded
    # The facts in the third person, with the sides named as a complaint names them.
    assert "原告在被告店铺购买智能手机一部" in doc and "投诉人" not in doc
    assert "被告提出仅退款800元，原告不同意" in doc
    assert "出卖人（卖方）：杭州某某数码科技有限公司（店铺：天猫某某数码旗舰店）买受人（买方）：张三" in doc
    assert "法律规定：《中华人民共和国民法典》第五百六十三条、第五百六十六条" in doc
    # The ending of a complaint after the form: the court addressed (a line when not named), what is
    # attached (a copy per defendant, as the packet holds), then the signature and the signer's date.
    ending = doc[doc.index("此致") :]
    assert ending.startswith("此致＿＿＿＿＿＿＿＿人民法院附：")
    for item in (
        "1.本状副本1份；",
        "2.证据目录及证据共4件，一式2份（正本1份，副本1份）；",
        "3.原告身份证明材料；",
        "4.被告主体资格证明（企业信用信息公示报告等）；",
        "5.送达地址确认书1份。",
    ):
        assert item in ending, item
    assert ending.endswith("具状人（签字、盖章）：＿＿＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日")
    assert doc.count("此致") == 1 and doc.index("对纠纷解决方式的意愿") < doc.index("此致")
    assert "某某速运有限公司" not in doc  # the merchant is responsible: the courier is no defendant
    assert "信息网络买卖合同纠纷" in texts["封面"]
    copy = texts["民事起诉状（副本）"]
    assert copy.startswith("副本（送达被告杭州某某数码科技有限公司）民事起诉状（买卖合同纠纷）")
    form = texts["送达地址确认书"]
    assert "受送达人" in form and "张三" in form and "＿＿＿＿" in form
    notes = texts["立案提示"]
    assert "小额诉讼" in notes and "1,499.00元" in notes and "第一百六十五条" in notes
    assert "本材料已附副本1份" in notes


def test_element_form_ticks_the_users_answers(tmp_path: Path) -> None:
    case = full_case()
    case.filing = Filing(
        court="上海市徐汇区人民法院",
        jurisdiction_clause=False,
        preservation=False,
        mediation=MediationWish.UNSURE,
        mediation_understood=True,
    )
    case.agent = Agent(
        name="赵律师", employer="上海某某律师事务所", phone="021-66668888", authority=AgentAuthority.SPECIAL
    )
    texts = render(context(case, Venue.COURT), tmp_path)
    doc = texts["民事起诉状"]
    assert "有□合同条款及内容：无■" in doc and "否■" in doc
    assert "是□否□暂不确定，想要了解更多内容■" in doc and doc.count("了解■不了解□") == 6
    assert "委托诉讼代理人有■姓名：赵律师单位：上海某某律师事务所" in doc
    assert "代理权限：一般授权□特别授权■详见授权委托书" in doc
    assert "上海市徐汇区人民法院" in texts["封面"]
    assert "此致上海市徐汇区人民法院附：" in doc and "5.授权委托书1份；6.送达地址确认书1份。" in doc
    power = texts["授权委托书"]
    assert "委托人：张三" in power and "受托人：赵律师" in power
    assert "张三与杭州某某数码科技有限公司信息网络买卖合同纠纷一案" in power
    assert "□1.一般授权" in power.replace("1.□", "□1.") and "■特别授权" in power
    assert "代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉" in power
    assert "至本案第一审程序终结之日止" in power and "全权" not in power
    assert "日期：＿＿＿＿年＿＿月＿＿日" in power


def _agreement_case(status: str, reason: str, filing: Filing | None = None) -> BundleContext:
    """The full case with its arbitration agreement (file no. 3) marked, in a packet that leaves
    out file no. 2, so that the packet prints the agreement as 证据2."""
    case = full_case()
    case.exhibits[2] = dataclasses.replace(
        case.exhibits[2], title="购买须知第八条（仲裁条款）", agreement_status=status, agreement_reason=reason
    )
    case.filing = filing
    ctx = context(case, Venue.COURT)
    ctx.entries = [ExhibitEntry(e, str(i)) for i, e in enumerate([case.exhibits[n] for n in (0, 2, 3)], start=1)]
    return ctx


@pytest.mark.parametrize(
    "status, reason, stated",
    [
        (
            "invalid",
            "格式条款，店铺未以显著方式提示。",
            "证据2《购买须知第八条（仲裁条款）》约定仲裁；原告认为该约定无效：格式条款，店铺未以显著方式提示。",
        ),
        (
            "waived",
            "被告同意由人民法院管辖",
            "证据2《购买须知第八条（仲裁条款）》约定仲裁；双方已放弃该约定：被告同意由人民法院管辖。",
        ),
    ],
    ids=["invalid", "waived"],
)
def test_an_unanswered_clause_box_names_the_agreement_on_file(
    tmp_path: Path, status: str, reason: str, stated: str
) -> None:
    """有无仲裁、法院管辖约定 left unanswered while the case holds an arbitration agreement: 有 is ticked and
    合同条款及内容 names the exhibit as the packet numbers it, with why the plaintiff may still sue; the copy
    for the defendant says the same."""
    texts = render(_agreement_case(status, reason), tmp_path)
    for title in ("民事起诉状", "民事起诉状（副本）"):
        assert f"1.有无仲裁、法院管辖约定有■合同条款及内容：{stated}无□" in texts[title], title
    assert "证据3《" not in texts["民事起诉状"]  # the packet's number, not the case's file number


def test_the_reason_against_the_agreement_is_masked_like_any_free_text(tmp_path: Path) -> None:
    texts = render(_agreement_case("invalid", "店铺客服（13987654321）承认该条款从未提示"), tmp_path)
    assert "原告认为该约定无效：店铺客服（139****4321）承认该条款从未提示。" in texts["民事起诉状"]
    assert "13987654321" not in joined(texts)  # a third party's number, masked as everywhere else


@pytest.mark.parametrize(
    "filing, expected",
    [
        # 有, in the user's words: they stand, the agreement's wording does not replace them.
        (
            Filing(jurisdiction_clause=True, jurisdiction_terms="购买须知第八条约定由杭州仲裁委员会仲裁，该条款无效"),
            "有■合同条款及内容：购买须知第八条约定由杭州仲裁委员会仲裁，该条款无效无□",
        ),
        # 有 without the terms: the agreement on file fills them in.
        (
            Filing(jurisdiction_clause=True),
            "有■合同条款及内容：证据2《购买须知第八条（仲裁条款）》约定仲裁；原告认为该约定无效：格式条款。无□",
        ),
        # 无: the user's answer is printed as given (the preflight warns about it).
        (Filing(jurisdiction_clause=False), "有□合同条款及内容：无■"),
    ],
    ids=["yes-with-terms", "yes-without-terms", "no"],
)
def test_the_users_answer_on_the_clause_wins(tmp_path: Path, filing: Filing, expected: str) -> None:
    texts = render(_agreement_case("invalid", "格式条款", filing), tmp_path)
    named = filing.jurisdiction_clause is True and not filing.jurisdiction_terms
    for title in ("民事起诉状", "民事起诉状（副本）"):
        assert f"1.有无仲裁、法院管辖约定{expected}" in texts[title], title
        assert ("约定仲裁；原告认为" in texts[title]) is named, title


@pytest.mark.parametrize("answer", [None, True, False], ids=["not-entered", "yes", "no"])
def test_the_costs_are_claimed_unless_the_user_answers_no(tmp_path: Path, answer: bool | None) -> None:
    """是否主张诉讼费用: 是 and 本案诉讼费用由被告承担 as the last claim, unless the filing says 否; the element form
    (a sale), its copy for the defendant, and the free-text complaint (a service) alike."""
    claimed = answer is not False
    sale = full_case()
    sale.filing = Filing(claim_costs=answer)
    texts = render(context(sale, Venue.COURT), tmp_path / "sale")
    for title in ("民事起诉状", "民事起诉状（副本）"):
        doc = texts[title]
        assert ("8.是否主张诉讼费用是■否□" in doc) is claimed, title
        assert ("8.是否主张诉讼费用是□否■" in doc) is not claimed, title
        assert ("诉讼费用由被告承担" in doc) is claimed, title
        assert "4.判令被告向原告赔礼道歉。" in doc  # the other claims as they were
    service = full_case()
    service.type = CaseType.SERVICE
    service.filing = Filing(claim_costs=answer)
    doc = render(context(service, Venue.COURT), tmp_path / "service")["民事起诉状"]
    assert ("诉讼费用由被告承担" in doc) is claimed


@pytest.mark.parametrize("answer", [None, True, False], ids=["not-entered", "yes", "no"])
def test_the_arbitration_fees_are_claimed_unless_the_user_answers_no(tmp_path: Path, answer: bool | None) -> None:
    """The same answer (Filing.claim_costs) decides the arbitration application's last claim,
    本案仲裁费用由被申请人承担, in the application and its copies for the respondent."""
    claimed = answer is not False
    case = full_case()
    case.filing = Filing(claim_costs=answer)
    texts = render(context(case, Venue.ARBITRATION), tmp_path)
    applications = [t for t in texts if t.startswith("仲裁申请书")]
    assert len(applications) >= 2, list(texts)  # the application and a copy for the respondent
    for title in applications:
        doc = texts[title]
        assert ("本案仲裁费用由被申请人承担" in doc) is claimed, title
        assert ("5.本案仲裁费用由被申请人承担" in doc) is claimed, title  # numbered after the other claims
        assert "4.裁决被申请人向申请人赔礼道歉" in doc, title  # the others as they were


def test_free_text_complaint_for_other_causes(tmp_path: Path) -> None:
    """A service contract has no official form: the free-text complaint, third person, the court named."""
    case = full_case()
    case.type = CaseType.SERVICE
    case.facts = "我于2026年11月18日购买维修服务，商家说“我们不负责”。"
    case.demands = [
        Demand(DemandType.REFUND, Decimal("300.00")),
        Demand(DemandType.OTHER, None, "退货运费由商家承担"),
        Demand(DemandType.COMPENSATION, Decimal("900.00"), "虚假宣传，三倍赔偿", basis="消费者权益保护法第五十五条"),
    ]
    case.filing = Filing(court="上海市徐汇区人民法院")
    texts = render(context(case, Venue.COURT), tmp_path)
    doc = texts["民事起诉状"]
    assert "案由：服务合同纠纷" in doc
    assert "1.判令解除原告与被告之间的服务合同；" in doc
    assert "2.判令被告返还原告服务费用300.00元；" in doc
    assert "3.判令退货运费由被告承担，金额＿＿＿＿＿＿元；" in doc  # no amount entered: a blank, never 商家
    assert "4.判令被告向原告支付惩罚性赔偿金900.00元" in doc
    assert "5.本案诉讼费用由被告承担。" in doc
    assert "原告于2026年11月18日购买维修服务，商家说“我们不负责”" in doc  # quoted words stay as said
    assert "《中华人民共和国消费者权益保护法》第二十四条、第五十五条" in doc  # each law named once
    assert "此致上海市徐汇区人民法院" in doc and "日期" not in doc.split("具状人")[0][-20:]
    assert "＿＿＿＿年＿＿月＿＿日" in doc and "2026年11月25日" not in doc
    assert "本状副本1份" in doc and "民事起诉状（副本）" in texts
    assert "此致上海市徐汇区人民法院附：1.本状副本1份；" in doc  # 附 before the signature, as in the court's 样式
    assert doc.index("5.送达地址确认书1份。") < doc.index("具状人")


def test_civil_complaint_two_defendants(tmp_path: Path) -> None:
    texts = render(context(full_case(responsible=ResponsibleParty.COURIER), Venue.COURT), tmp_path)
    doc = texts["民事起诉状"]
    assert "被告一（法人、非法人组织）名称：杭州某某数码科技有限公司" in doc
    assert "被告二（法人、非法人组织）名称：某某速运有限公司" in doc
    assert "副本（送达被告一" in texts["民事起诉状（副本1）"] and "副本（送达被告二" in texts["民事起诉状（副本2）"]
    assert "1.本状副本2份；" in doc and "民事起诉状（副本3）" not in texts  # as many as the packet holds
    assert "被告一" in texts["封面"] and "被告二" in texts["封面"]


def test_third_person_and_claim_wording() -> None:
    assert third_person("我和我们的家人", "原告") == "原告和原告的家人"
    assert third_person("本人要求退款，客服说“我不管”", "原告") == "原告要求退款，客服说“我不管”"
    assert third_person("投诉人联系被投诉人", "原告", "被告") == "原告联系被告"
    assert third_person("自我介绍", "原告") == "自我介绍"


def test_third_person_leaves_other_peoples_words_theirs() -> None:
    """Only the writer becomes the party: what another is reported saying, 我国, 他本人 stay as written."""
    assert third_person("店长来电说本人同意退一半货款", "原告") == "店长来电说本人同意退一半货款"
    assert third_person("店长说我店只能退一半。我们不同意", "原告") == "店长说我店只能退一半。原告不同意"
    assert third_person("我说我要退款", "原告") == "原告说原告要退款"
    assert third_person("依照我国三包规定", "原告") == "依照我国三包规定"
    assert third_person("由他本人摔坏，收件人本人签收", "原告") == "由他本人摔坏，收件人本人签收"
    assert third_person("回电我本人13812345678", "原告") == "回电原告13812345678"
    assert third_person("我方认为商品有质量问题", "原告") == "原告认为商品有质量问题"
    assert third_person("商品名称：我购买的手机", "原告") == "商品名称：原告购买的手机"


def test_a_law_firms_notes_keep_the_firm_and_what_others_said_in_the_pleading(tmp_path: Path) -> None:
    """A firm's timeline is written by its lawyers: 我所律师 is the plaintiff's lawyer (not 原告所律师), and what the
    merchant is reported saying (称我们无权代理) stays as said, in the events as in the statement of facts."""
    note = "我所律师向商家发送律师函，要求退款；商家回复称我们无权代理"
    assert third_person(note, "原告") == "原告委托的律师向商家发送律师函，要求退款；商家回复称我们无权代理"
    assert third_person("本所已向商家发函，我所购买的商品仍未退款", "原告") == (
        "原告委托的律师事务所已向商家发函，原告所购买的商品仍未退款"
    )
    case = full_case()
    case.timeline.append(TimelineEvent(at(26, 10), EventKind.EMAIL, note, party="respondent"))
    doc = render(context(case, Venue.COURT), tmp_path)[HEADINGS[Venue.COURT]]
    assert "原告委托的律师向商家发送律师函，要求退款；商家回复称我们无权代理" in doc
    assert "原告所律师" not in doc and "称原告无权代理" not in doc


# --------------------------------------------------------------------------- (d) courier claim


# The organisation using CaseFile: the merchant, the claimant of its courier claims by default.
MERCHANT = Organisation(
    name="杭州某某数码科技有限公司",
    credit_code="91330110MA2XXXXX1K",
    address="浙江省杭州市余杭区文一西路1号",
    phone="0571-88886666",
    legal_representative="李四",
    contact="赵六",
)


def test_courier_claim(tmp_path: Path) -> None:
    texts = render(context(full_case(), Venue.COURIER_CLAIM, MERCHANT), tmp_path)
    doc = texts["快递理赔申请书"]
    everything = joined(texts)
    # The merchant claims, complete; the carrier and the delivering outlet are named.
    assert "杭州某某数码科技有限公司" in doc and "91330110MA2XXXXX1K" in doc and "0571-88886666" in doc
    assert "某某速运有限公司" in doc and "上海徐汇漕河泾营业点" in doc
    assert "SF1234567890123" in doc and "SF1234567890123" in texts["封面"]
    # The end customer is masked, in the fields and in free text.
    assert "13812345678" not in everything and "138****5678" in doc
    assert "张三" not in everything and "张*" in doc
    assert "漕溪北路" not in everything and "上海市徐汇区****" in doc
    assert "王小五" not in everything and "王**" in doc
    assert "客服小王" not in everything
    # Shipment, insurance, exception.
    assert "12.00元" in doc and "5.00元" in doc and "快递柜" in doc and "外包装破损，屏幕碎裂" in doc
    assert "2026年11月19日18:40" in doc and "2026年11月19日19:05" in doc
    # Loss calculation: 1,299.00 + 12.00 = 1,311.00, capped at the declared 1,000.00.
    assert "1,311.00元" in doc
    assert "已保价：按保价规则赔偿，以保价金额1,000.00元为限（部分损失按比例）" in doc
    assert "请求贵司赔偿索赔人损失共计1,000.00元" in doc
    # 快递暂行条例 as amended in 2025 (in force from 2025-06-01): the 7-day reply is art. 29, was art. 28.
    assert "请自收到本申请之日起7日内予以处理并书面告知索赔人（《快递暂行条例》第二十九条）" in doc
    assert "2026年12月2日" not in doc  # no reply date counted from the day the PDF was made
    assert "商品价值凭证（见证据4）" in doc
    for article in ("第二十条第三款", "第二十七条", "第二十八条", "第二十九条", "第三十条", "第五十九条", "第六十五条"):
        assert article in doc, article
    # the statute's words, not a paraphrase, and no caveat about the 2019 numbering
    assert "用户可以要求该商标、字号或者快递运单所属企业赔偿" in doc and "快递品牌经营企业" not in doc
    assert "2019年文本" not in doc
    notes = texts["申诉途径与期限"]
    assert "12305" in notes and "2026年12月2日" not in notes and "三十日" in notes
    assert "请最迟于2027年11月18日提出申诉" in notes  # one year from posting


def test_courier_claim_uninsured(tmp_path: Path) -> None:
    doc = render(context(full_case(insured=False), Venue.COURIER_CLAIM, MERCHANT), tmp_path)["快递理赔申请书"]
    assert "未保价：依照民事法律的有关规定按实际损失赔偿（《快递暂行条例》第二十八条），附商品价值凭证" in doc
    assert "已保价" not in doc
    assert "请求贵司赔偿索赔人损失共计1,311.00元" in doc
    assert "不适用（未保价）" in doc


def test_courier_claim_empty_case_has_no_amounts(empty_texts: dict[Venue, dict[str, str]]) -> None:
    doc = empty_texts[Venue.COURIER_CLAIM]["快递理赔申请书"]
    assert "请求贵司赔偿索赔人损失共计＿＿＿＿＿＿元" in doc
    assert not re.search(r"\d\.\d\d元", doc)
    assert "2026年12月2日" not in doc  # no reply date counted from the day the PDF was made


def test_loss_table_arithmetic() -> None:
    capped = loss_table(context(full_case(), Venue.COURIER_CLAIM))
    assert capped.total == Decimal("1311.00") and capped.claim == Decimal("1000.00") and capped.capped
    assert capped.rule.startswith("已保价")

    case = full_case()
    case.shipment.insured_value = Decimal("2000.00")
    under = loss_table(context(case, Venue.COURIER_CLAIM))
    assert under.claim == Decimal("1311.00") and not under.capped

    uninsured = loss_table(context(full_case(insured=False), Venue.COURIER_CLAIM))
    assert uninsured.claim == Decimal("1311.00") and uninsured.rule.startswith("未保价")

    case = full_case()
    case.shipment.freight = None
    unknown = loss_table(context(case, Venue.COURIER_CLAIM))
    assert unknown.total is None and unknown.claim is None  # never a partial sum passed off as the loss

    rows = {r[0]: r[1] for r in capped.rows()}
    assert rows["其他合理费用"].startswith("＿") and rows["合计"] == "1,311.00 元"


# --------------------------------------------------------------------------- 案由


def test_case_cause() -> None:
    case = full_case()
    assert case_cause(case) == "信息网络买卖合同纠纷"  # the 2011 list's 网络购物合同纠纷 is gone
    case.transaction.platform = ""
    case.channel = Channel.STORE
    assert case_cause(case) == "买卖合同纠纷"
    case.type = CaseType.SERVICE
    assert case_cause(case) == "服务合同纠纷"
    case.type = CaseType.LOGISTICS
    case.responsible_party = ResponsibleParty.COURIER
    assert case_cause(case) == "快递服务合同纠纷"
    case = full_case()
    case.facts = "手机充电时起火，致使原告手部烫伤。"
    assert case_cause(case) == "产品销售者责任纠纷"
    assert case_cause(empty_case()) == "买卖合同纠纷"
    case.filing = Filing(cause="产品生产者责任纠纷")  # the cause the user confirmed wins
    assert case_cause(case) == "产品生产者责任纠纷"


def test_receipt_has_no_packet_sections() -> None:
    ctx = context(full_case(), Venue.RECEIPT)
    assert front_matter(ctx) == [] and closing_matter(ctx) == []


def test_formats_in_beijing_time_or_the_computers_zone(machine_zone) -> None:
    from casefile.core import zone

    machine_zone("Asia/Tokyo")
    case = full_case()
    utc = datetime(2026, 11, 19, 16, 30, tzinfo=UTC)
    assert fmt_time(utc, case) == "2026年11月20日 00:30"  # Beijing time, whatever the computer's zone
    assert fmt_date(utc, case) == "2026年11月20日"
    case.complained_at = datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=9)))
    assert fmt_time(utc, case) == "2026年11月20日 00:30"  # nor the offset the complaint time was recorded in
    zone.use_computer_zone(True)  # chosen in the settings: the computer's zone, named
    assert fmt_time(utc, case) == "2026年11月20日 01:30（UTC+09:00）"
    zone.use_computer_zone(False)
    assert fmt_amount(Decimal("1299")) == "1,299.00 元" and fmt_amount(None) == ""
    ctx = context(full_case(), Venue.COURIER_CLAIM)
    ctx.generated_at = datetime(2026, 12, 28, 20, 0, tzinfo=UTC)  # already the 29th in Beijing
    assert reply_deadline(ctx) is None  # counted from the complaint to the carrier, never from the PDF's day


# --------------------------------------------------------------------------- the phone 三包 rule

PHONE_RULE_11 = "《移动电话机商品修理更换退货责任规定》第十一条"
PHONE_RULE_12 = "《移动电话机商品修理更换退货责任规定》第十二条"


def _phone_texts(tmp_path: Path, fault: datetime | None, product: str = "智能手机") -> dict[Venue, str]:
    """The consumer complaint and the arbitration application of the full case (a phone sold 2026-11-18)."""
    case = full_case()
    case.transaction = dataclasses.replace(case.transaction, product=product, fault_at=fault)
    return {
        Venue.CONSUMER_ASSOCIATION: render(context(case, Venue.CONSUMER_ASSOCIATION), tmp_path / "ca")["消费投诉书"],
        Venue.ARBITRATION: render(context(case, Venue.ARBITRATION), tmp_path / "arb")["仲裁申请书"],
    }


def test_a_phone_fault_within_seven_days_of_the_sale_cites_the_phone_rule(tmp_path: Path) -> None:
    """消法 art. 24 applies 国家规定 first: a phone whose fault appeared within 7 days of the sale may be returned,
    exchanged or repaired (移动电话机商品修理更换退货责任规定 art. 11), counted from the sale, not from receipt."""
    texts = _phone_texts(tmp_path, at(21, 19))  # sold 11-18: day 3 (the day of sale not counted)
    complaint = texts[Venue.CONSUMER_ASSOCIATION]
    basis = complaint.split("六、法律依据", 1)[1]
    assert PHONE_RULE_11 in basis and "自售出之日起7日内，移动电话机主机出现附录3" in basis  # quoted as it reads
    assert (
        "为售出后第3日（依照《民法典》第二百零一条，售出当日不计入）" in complaint
        and "消费者可以选择退货、换货或者修理" in complaint
    )
    application = texts[Venue.ARBITRATION]
    grounds = application.split("申请人的请求依据：", 1)[1]
    # before the 消法: the 国家规定 its art. 24 points to
    assert PHONE_RULE_11 in grounds and grounds.index(PHONE_RULE_11) < grounds.index(
        "《中华人民共和国消费者权益保护法》"
    )
    assert "申请人所购手机于2026年11月18日售出，2026年11月21日出现故障" in application


def test_from_day_eight_to_fifteen_the_phone_rule_gives_exchange_or_repair_only(tmp_path: Path) -> None:
    texts = _phone_texts(tmp_path, at(27))  # day 9
    complaint = texts[Venue.CONSUMER_ASSOCIATION]
    assert PHONE_RULE_12 in complaint and PHONE_RULE_11 not in complaint
    assert "为售出后第9日" in complaint and "消费者可以选择换货或者修理" in complaint
    # The full case asks for a refund, not an exchange or a repair: art. 12 does not support it.
    assert PHONE_RULE_12 not in texts[Venue.ARBITRATION].split("申请人的请求依据：", 1)[1].split("。", 1)[0]


def test_the_phone_rule_counts_days_as_periods_do_the_day_of_sale_not_counted(tmp_path: Path) -> None:
    """民法典 art. 201: a period in days starts the day after. A fault on the seventh day after the sale is still
    within art. 11's 7 days (return allowed); one on the day of sale is 售出当日; the fifteenth day is art. 12's
    last."""
    seventh = _phone_texts(tmp_path / "7", at(25, 20))[Venue.CONSUMER_ASSOCIATION]  # sold 11-18
    assert PHONE_RULE_11 in seventh and "为售出后第7日" in seventh and "消费者可以选择退货、换货或者修理" in seventh
    same_day = _phone_texts(tmp_path / "0", at(18, 21))[Venue.CONSUMER_ASSOCIATION]
    assert PHONE_RULE_11 in same_day and "出现故障，即售出当日" in same_day
    fifteenth = _phone_texts(tmp_path / "15", datetime(2026, 12, 3, 10, 0, tzinfo=CST))[Venue.CONSUMER_ASSOCIATION]
    assert PHONE_RULE_12 in fifteenth and "为售出后第15日" in fifteenth


@pytest.mark.parametrize(
    ("fault", "product"),
    [(None, "智能手机"), (datetime(2026, 12, 4, 10, 0, tzinfo=CST), "智能手机"), (at(21), "手机壳")],
    ids=["no-fault-time", "day-16", "accessory"],
)
def test_the_phone_rule_is_not_cited_where_it_does_not_apply(
    tmp_path: Path, fault: datetime | None, product: str
) -> None:
    for text in _phone_texts(tmp_path, fault, product).values():
        assert "移动电话机商品修理更换退货责任规定" not in text and "关于手机三包" not in text


def test_a_lawyer_agent_files_the_firms_letter_and_the_practising_certificate(tmp_path: Path) -> None:
    """附 of the application lists what a lawyer agent files with the power of attorney (仲裁法 2025 art. 40 names
    only the power of attorney; the commissions ask for the law firm's letter and the practising certificate)."""
    case = full_case()
    case.agent = Agent(name="李律师", employer="上海某某律师事务所", licence_no="13101201910123456")
    doc = render(context(case, Venue.ARBITRATION), tmp_path / "lawyer")["仲裁申请书"]
    assert "授权委托书1份" in doc and "律师事务所函及律师执业证复印件" in doc
    case.agent = Agent(name="王五", employer="上海某某公司")
    doc = render(context(case, Venue.ARBITRATION), tmp_path / "other")["仲裁申请书"]
    assert "授权委托书1份" in doc and "律师事务所函" not in doc
