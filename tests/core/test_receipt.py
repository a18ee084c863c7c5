"""投诉受理回执 (spec §7(e)): two copies, A5 and 80 mm layouts, the customer copy masked (§6.3)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.core.bundle.context import BundleContext, ExhibitEntry, Organisation, Venue
from casefile.core.bundle.receipt import LAYOUTS, render_receipt
from casefile.core.model import (
    Case,
    CaseType,
    Channel,
    Demand,
    DemandType,
    EvidenceKind,
    Exhibit,
    HandedItem,
    Party,
    PartyKind,
    Priority,
    Transaction,
)
from casefile.core.settings import Settings

CST = timezone(timedelta(hours=8))
MM = 72 / 25.4
PHONE = "13812345678"
MASKED = "138****5678"
STORE = Organisation(name="好物数码（朝阳店）", address="北京市朝阳区朝阳北路101号", phone="010-12345678")

EXHIBITS = [
    ("屏幕裂纹照片", EvidenceKind.PHOTO),
    ("购物小票", EvidenceKind.RECEIPT),
    ("与客服的聊天记录", EvidenceKind.CHAT),
]


def exhibit(number: int, title: str, kind: EvidenceKind) -> Exhibit:
    return Exhibit(
        number=number,
        title=title,
        kind=kind,
        original_name=f"IMG_{number:04d}.jpg",
        stored_path=f"exhibits/{number:03d}.jpg",
        size=2048,
        sha256=hashlib.sha256(f"exhibit {number}".encode()).hexdigest(),
        added_at=datetime(2026, 11, 20, 10, 40, tzinfo=CST),
        added_by="王店员",
    )


def make_context(
    *,
    exhibits: int = 3,
    org: Organisation = STORE,
    facts: str = "顾客于11月15日购买手机一部，19日发现屏幕右上角有裂纹，今日到店投诉，要求退货退款。",
) -> BundleContext:
    items = [exhibit(i + 1, *EXHIBITS[i % len(EXHIBITS)]) for i in range(exhibits)]
    case = Case(
        number="202611-001",
        title="手机屏幕碎裂",
        complained_at=datetime(2026, 11, 20, 10, 30, tzinfo=CST),
        channel=Channel.STORE,
        type=CaseType.QUALITY,
        priority=Priority.IMPORTANT,
        complainant=Party(name="张三", phone=PHONE),
        transaction=Transaction(
            order_no="XP20261115-0088",
            product="智能手机",
            amount=Decimal("3299.00"),
            purchased_at=datetime(2026, 11, 15, 15, 0, tzinfo=CST),
        ),
        demands=[Demand(DemandType.REFUND, Decimal("3299.00"), "退货退款")],
        facts=facts,
        exhibits=items,
    )
    return BundleContext(
        case=case,
        venue=Venue.RECEIPT,
        entries=[ExhibitEntry(e, e.label) for e in items],
        org=org,
        operator="王店员",
        generated_at=datetime(2026, 11, 20, 10, 45, tzinfo=CST),
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, Path]]:
    folder = tmp_path_factory.mktemp("receipt")
    ctx = make_context()
    out = {}
    for layout in LAYOUTS:
        path = folder / f"receipt-{layout}.pdf"
        out[layout] = (render_receipt(ctx, path, layout), path)
    return out


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def materials(text: str) -> str:
    """The 收取材料清单 section of a copy."""
    return text.split("收取材料清单")[1].split("处理时限")[0]


def sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


# --------------------------------------------------------------------------- pages


def test_a5_is_two_a5_pages(rendered):
    pages, path = rendered["a5"]
    assert pages == 2
    assert len(PdfReader(path).pages) == 2
    for width, height in sizes(path):
        assert width == pytest.approx(419.53, abs=0.5)
        assert height == pytest.approx(595.28, abs=0.5)


def test_roll_is_two_pages_80mm_wide_sized_to_the_content(rendered):
    pages, path = rendered["80mm"]
    assert pages == 2
    for width, height in sizes(path):
        assert width == pytest.approx(80 * MM, abs=0.5)
        assert height >= 100 * MM - 0.5
    # Taller content makes a taller page, still one page a copy.
    longer = path.parent / "long-roll.pdf"
    assert render_receipt(make_context(exhibits=12), longer, "80mm") == 2
    assert sizes(longer)[0][1] > sizes(path)[0][1]


def test_unknown_layout_is_refused(tmp_path):
    with pytest.raises(ValueError, match="layout"):
        render_receipt(make_context(), tmp_path / "x.pdf", "a4")


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("layout", LAYOUTS)
def test_both_copies_carry_the_receipt(rendered, layout):
    _, path = rendered[layout]
    customer, store = texts(path)
    assert "顾客联" in customer and "门店联" not in customer.split("投诉受理回执")[0]
    assert "门店联" in store
    for text in (customer, store):
        assert "投诉受理回执" in text
        assert "202611-001" in text
        assert "好物数码（朝阳店）" in text and "010-12345678" in text
        assert "2026-11-20 10:30" in text  # 受理时间
        assert "门店" in text and "产品质量" in text and "重要" in text
        assert "2026-11-21 10:30" in text  # 承诺答复时间: complaint time + 24 h, an exact time
        assert "受理后 24 小时内" in text
        assert "XP20261115-0088" in text and "3,299.00 元" in text and "2026-11-15" in text
        assert "退款 3,299.00 元" in text
        assert "王店员" in text and "顾客签名" in text
        assert "12315" in text and "个人信息" in text
        for number, (title, _) in enumerate(EXHIBITS, 1):
            assert f"证据{number}" in text
            assert title in text
        assert "照片" in text and "票据" in text and "聊天记录" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_customer_copy_masks_the_phone_and_store_copy_does_not(rendered, layout):
    _, path = rendered[layout]
    customer, store = texts(path)
    assert MASKED in customer
    assert PHONE not in customer
    assert "张三" not in customer and "张*" in customer  # everything personal is masked on the customer's copy
    assert PHONE in store and "张三" in store


def test_personal_data_anywhere_is_masked_on_the_customer_copy(tmp_path):
    for facts, secret, masked in (
        ("身份证11010519900101123X", "11010519900101123X", "110105********123X"),
        ("住朝阳区建国路88号501", "建国路88号", "朝阳区****"),
        ("备用电话 010-6543 2109", "6543 2109", "010-****2109"),
    ):
        path = tmp_path / "r.pdf"
        render_receipt(make_context(facts=facts), path, "a5")
        customer, store = (t.replace("\n", "") for t in texts(path))
        assert secret not in customer and masked in customer, customer
        assert secret in store


def test_phone_repeated_in_the_facts_is_masked_on_the_customer_copy(tmp_path):
    ctx = make_context(facts="顾客（电话 138 1234 5678）称屏幕有裂纹。")
    path = tmp_path / "r.pdf"
    render_receipt(ctx, path, "a5")
    customer, store = texts(path)
    assert "138 1234 5678" not in customer
    assert f"（电话 {MASKED}）" in customer
    assert "138 1234 5678" in store


def test_hashes_full_on_a5_and_wrapped_whole_on_the_roll(rendered):
    for number in (1, 2, 3):
        digest = hashlib.sha256(f"exhibit {number}".encode()).hexdigest()
        a5 = texts(rendered["a5"][1])[0]
        roll = texts(rendered["80mm"][1])[0]
        assert digest in a5
        # The roll is too narrow for 64 digits: two lines of 32, nothing cut, nothing inserted.
        lines = [line.strip() for line in materials(roll).splitlines()]
        assert f"SHA-256：{digest[:32]}" in lines and digest[32:] in lines
        assert "…" not in materials(roll)


def test_blanks_when_the_store_is_not_set_up(tmp_path):
    path = tmp_path / "blank.pdf"
    assert render_receipt(make_context(org=Organisation()), path, "a5") == 2
    customer, _ = texts(path)
    assert "门店名称：＿" in customer
    assert "地址：＿" in customer
    assert "服务电话：＿" in customer


def test_no_materials_says_none(tmp_path):
    path = tmp_path / "none.pdf"
    render_receipt(make_context(exhibits=0), path, "80mm")
    customer, _ = texts(path)
    assert "收取材料清单（共 0 项）" in customer
    assert "无" in customer


def test_long_facts_are_cut_and_say_so_on_the_roll(tmp_path):
    facts = "顾客称购买后第三天发现屏幕有裂纹，多次联系客服未果。" * 20
    path = tmp_path / "long.pdf"
    assert render_receipt(make_context(facts=facts), path, "80mm") == 2
    customer = texts(path)[0]
    assert "摘要" in customer
    assert customer.count("多次联系客服未果") < 10


def test_four_things_handed_in_keep_each_a5_copy_on_one_page(tmp_path):
    """The desk's list as a counter sees it (a phone, its box, charger and the shop's slip, two photos): the
    sections close up rather than put the copy's last line on a page of its own."""
    ctx = make_context(exhibits=2)
    ctx.case.handed_items = [
        HandedItem("手机", 1, "object", "kept", [1]),
        HandedItem("包装盒", 1, "object", "kept"),
        HandedItem("充电器、数据线", 2, "object", "kept"),
        HandedItem("购物小票", 1, "original", "returned", [2]),
    ]
    path = tmp_path / "four.pdf"
    assert render_receipt(ctx, path, "a5") == 2
    customer, store = texts(path)
    for text in (customer, store):
        flat = re.sub(r"\s+", "", text)
        assert "收取材料清单（共4项）" in flat and "材料4购物小票纸质原件退回" in flat and "打印时间" in flat


def test_a5_overflow_continues_with_the_copy_marked(tmp_path):
    path = tmp_path / "many.pdf"
    pages = render_receipt(make_context(exhibits=30), path, "a5")
    assert pages > 2
    pages_text = texts(path)
    assert len(pages_text) == pages
    assert "顾客联（续）" in "".join(pages_text)
    joined = "".join(pages_text)
    assert all(f"证据{n}" in joined for n in range(1, 31))
    store_start = next(i for i, t in enumerate(pages_text) if "第二联" in t)
    assert all(PHONE not in t for t in pages_text[:store_start])
    assert PHONE in pages_text[store_start]


def test_times_are_printed_in_beijing_time_whatever_zone_they_were_recorded_in(tmp_path, los_angeles):
    """On a computer on US Pacific time, a complaint recorded at 10:30 Tokyo time prints as 09:30 Beijing time."""
    ctx = make_context()
    ctx.case.complained_at = datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=9)))
    path = tmp_path / "tokyo.pdf"
    render_receipt(ctx, path, "a5")
    text = texts(path)[0]
    assert "受理时间\n2026-11-20 09:30（打印于 2026-11-20 10:45）\n" in text  # printed 75 minutes later
    assert "UTC" not in text


def test_times_in_the_computers_zone_carry_its_offset(tmp_path, machine_zone):
    """Chosen in the settings: times in the computer's zone, and where that is not Beijing time, its offset."""
    from casefile.core import zone

    machine_zone("Asia/Tokyo")
    zone.use_computer_zone(True)
    ctx = make_context()
    ctx.case.complained_at = datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=8)))
    path = tmp_path / "tokyo.pdf"
    render_receipt(ctx, path, "a5")
    assert "2026-11-20 11:30 (UTC+09:00)" in texts(path)[0]


# --------------------------------------------------------------------------- PDF properties


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_font_is_embedded(rendered, layout):
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    _, path = rendered[layout]
    out = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "WenQuanYi" in row, row
        assert row.split()[-5] == "yes", row  # the emb column


@pytest.mark.parametrize("layout", LAYOUTS)
def test_qr_code_is_drawn(rendered, layout):
    _, path = rendered[layout]
    for page in PdfReader(path).pages:
        contents = page.get_contents()
        assert contents is not None
        content = contents.get_data()
        assert content.count(b" re") > 100  # the QR modules are filled rectangles


# --------------------------------------------------------------------------- what was handed over, and who took it


def handed_over(ctx: BundleContext) -> BundleContext:
    """Exhibit 1 an original given back, exhibit 2 a copy kept, exhibit 3 not recorded."""
    for exhibit, handed_in, disposition in zip(
        ctx.case.exhibits, ("original", "copy", ""), ("returned", "kept", ""), strict=False
    ):
        exhibit.handed_in, exhibit.disposition = handed_in, disposition
    ctx.entries = [ExhibitEntry(e, e.label) for e in ctx.case.exhibits]
    return ctx


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a5_lists_the_papers_received_apart_from_the_store_s_photos_of_them(tmp_path):
    """An original given back and a copy kept are papers the store received, each a line of its own (纸质, kept or
    returned); the exhibits are the store's photos of them, listed apart under 本店拍摄照片 with their hashes."""
    path = tmp_path / "a5.pdf"
    render_receipt(handed_over(make_context()), path, "a5")
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert received.startswith("（共3项）编号材料名称类型原件/复印件/实物/电子留存/退回材料1")  # the columns
        assert "材料1屏幕裂纹纸质原件退回材料2购物小票纸质复印件留存" in received
        # Not recorded: every choice with a box to tick by hand, as on the roll.
        assert "证据3与客服的聊天记录SHA-256：96ec17af463ed00b…聊天记录□原件□复印件□实物□电子□留存□退回" in received
        assert "证据1" not in received and "证据2" not in received
        assert photos.startswith("（共2张，本店留存）来源所拍")  # the heading is the first row, beside the columns
        assert "证据1屏幕裂纹照片照片本店拍摄材料1" in photos and "证据2购物小票票据本店拍摄材料2" in photos
        assert "原件" not in photos and "退回" not in photos


def test_the_roll_lists_them_and_boxes_to_tick_when_not_recorded(tmp_path):
    path = tmp_path / "roll.pdf"
    render_receipt(handed_over(make_context()), path, "80mm")
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert "材料1屏幕裂纹（纸质）形式：原件留存/退回：退回" in received
        assert "材料2购物小票（纸质）形式：复印件留存/退回：留存" in received
        assert "聊天记录（聊天记录）形式：□原件□复印件□实物□电子留存/退回：□留存□退回SHA-256" in received
        assert "证据1屏幕裂纹照片（照片）来源：本店拍摄所拍材料：材料1SHA-256" in photos
        assert "证据2购物小票（票据）来源：本店拍摄所拍材料：材料2SHA-256" in photos


def test_the_clerk_s_staff_number_is_printed_beside_the_name(tmp_path):
    ctx = make_context()
    ctx.clerk_id = "A017"
    for layout in LAYOUTS:
        path = tmp_path / f"{layout}.pdf"
        render_receipt(ctx, path, layout)
        customer, store = texts(path)
        assert "王店员（工号 A017）" in customer and "王店员（工号 A017）" in store
    path = tmp_path / "unknown.pdf"
    render_receipt(make_context(), path, "a5")
    assert "王店员（工号 ＿＿＿＿）" in texts(path)[0]  # not known: a blank for the clerk to write it


def test_what_was_handed_over_leaves_the_customer_copy_masked(tmp_path):
    ctx = handed_over(make_context(facts="顾客（电话 138 1234 5678）交来购物小票原件，核对后退回。"))
    ctx.clerk_id = "A017"
    for layout in LAYOUTS:
        path = tmp_path / f"{layout}.pdf"
        render_receipt(ctx, path, layout)
        customer, store = texts(path)
        assert (
            PHONE not in customer and MASKED in customer and "张三" not in customer and "138 1234 5678" not in customer
        )
        assert PHONE in store and "张三" in store
        assert "退回" in materials(customer) and "退回" in materials(store)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_customer_is_told_how_long_their_data_is_kept(tmp_path, layout):
    """个人信息告知 names the retention period the organisation set (three years by default), never a blank."""
    path = tmp_path / "default.pdf"
    render_receipt(make_context(), path, layout)
    for copy in texts(path):
        assert "保存至处理完毕后3年" in flat(copy) and "＿年" not in copy
    path = tmp_path / "five.pdf"
    render_receipt(make_context(org=dataclasses.replace(STORE, retention_years=5)), path, layout)
    assert all("保存至处理完毕后5年" in flat(copy) for copy in texts(path))
    path = tmp_path / "none.pdf"
    render_receipt(make_context(org=dataclasses.replace(STORE, retention_years=0)), path, layout)
    assert all("处理完毕后即删除" in flat(copy) for copy in texts(path))


def test_the_retention_period_comes_from_the_settings():
    assert Organisation.from_settings(Settings()).retention_years == 3
    assert Organisation.from_settings(Settings(data_retention_years=1)).retention_years == 1


def test_the_reply_deadline_is_never_parted_from_its_heading_or_the_signatures(tmp_path):
    """However many materials push it down the page, 处理时限 stays on the page of its deadline and of the
    signatures: a heading alone at the foot of a page, its content overleaf, is no receipt to sign."""
    for count in range(3, 16):
        path = tmp_path / f"{count}.pdf"
        render_receipt(make_context(exhibits=count), path, "a5")
        for page in texts(path):
            if "处理时限" in page:
                assert "承诺答复时间" in page and "受理人签名" in flat(page), count


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_item_is_marked_or_has_boxes_to_tick_on_both_copies(tmp_path, layout):
    """Nothing recorded for any item: every line of both copies offers the same boxes to tick, on A5 as on the roll
    (the A5 once left the cells empty)."""
    path = tmp_path / "boxes.pdf"
    render_receipt(make_context(), path, layout)
    copies = [flat(materials(text)) for text in texts(path)]
    assert len(copies) == 2 and copies[0] == copies[1]
    for items in copies:
        assert items.count("□原件") == items.count("□复印件") == items.count("□实物") == items.count("□电子") == 3
        assert items.count("□留存") == items.count("□退回") == 3


def object_handed_over(ctx: BundleContext, title: str = "耳机实物照片", source: str = "门店拍摄") -> BundleContext:
    """Exhibit 1 the store's photo of a thing the customer handed over and the store kept."""
    first = ctx.case.exhibits[0]
    first.title, first.source, first.handed_in, first.disposition = title, source, "object", "kept"
    ctx.entries = [ExhibitEntry(e, e.label) for e in ctx.case.exhibits]
    return ctx


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_thing_handed_over_is_its_own_line_apart_from_the_photo_of_it(tmp_path, layout):
    """耳机 (实物, 留存) is one line, without a hash; the store's photo of it another, a file it keeps with its hash."""
    ctx = object_handed_over(make_context(exhibits=1))
    digest = ctx.case.exhibits[0].sha256
    path = tmp_path / "object.pdf"
    render_receipt(ctx, path, layout)
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert received.startswith("（共1项）")  # the photo is the store's, not material received
        assert photos.startswith("（共1张，本店留存）")
        if layout == "a5":
            assert received.endswith("材料1耳机—实物留存")
            assert f"证据1耳机实物照片照片本店拍摄材料1SHA-256：{digest}" in photos
        else:
            assert received.endswith("材料1耳机形式：实物留存/退回：留存【")
            assert f"证据1耳机实物照片（照片）来源：本店拍摄所拍材料：材料1SHA-256：{digest}" in photos
        assert "SHA-256" not in received


def test_the_thing_is_named_from_the_photo_else_by_the_product(tmp_path):
    path = tmp_path / "named.pdf"
    render_receipt(object_handed_over(make_context(exhibits=1), title="IMG_0001", source=""), path, "a5")
    items = flat(materials(texts(path)[0]))
    assert "材料1智能手机—实物留存本店拍摄照片" in items  # the product bought
    assert "证据1IMG_0001照片本店拍摄材料1SHA-256" in items


def test_a_thing_not_said_kept_or_returned_has_the_boxes(tmp_path):
    ctx = object_handed_over(make_context(exhibits=1))
    ctx.case.exhibits[0].disposition = ""
    path = tmp_path / "unsaid.pdf"
    render_receipt(ctx, path, "a5")
    assert "材料1耳机—实物□留存□退回" in flat(materials(texts(path)[0]))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_receipt_printed_later_says_when_beside_the_time_the_complaint_was_accepted(tmp_path, layout):
    """Printed days later (a reprint), the receipt is not read as a new complaint, nor its reply time as a new
    promise: 受理时间 says when it was printed. Printed at the counter, it says nothing more."""
    ctx = make_context()
    ctx.generated_at = datetime(2026, 12, 1, 9, 5, tzinfo=CST)
    path = tmp_path / "later.pdf"
    render_receipt(ctx, path, layout)
    for text in texts(path):
        assert "受理时间2026-11-2010:30（打印于2026-12-0109:05）" in flat(text)
    ctx.generated_at = ctx.case.complained_at + timedelta(minutes=2)
    render_receipt(ctx, path, layout)
    for text in texts(path):
        assert "受理时间2026-11-2010:30受理渠道" in flat(text) and "打印于" not in text


def test_the_model_is_printed_once_when_the_product_s_name_has_it(tmp_path):
    ctx = make_context()
    ctx.case.transaction.product, ctx.case.transaction.brand_model = "某品牌手机 X12", "X12 256G 黑色"
    path = tmp_path / "model.pdf"
    render_receipt(ctx, path, "80mm")
    for text in texts(path):
        assert "商品/服务某品牌手机X12256G黑色购买日期" in flat(text)


def test_a_summary_cut_short_tells_the_customer_the_store_keeps_the_whole_account(tmp_path):
    facts = "顾客称购买后第三天发现屏幕有裂纹，多次联系客服未果。" * 20
    path = tmp_path / "long.pdf"
    render_receipt(make_context(facts=facts), path, "80mm")
    for text in texts(path):
        assert "（以上为摘要，完整记录由本店存档）" in flat(text)
        assert "门店案卷" not in text


def test_the_sides_are_the_customer_and_the_store_as_a_store_s_receipt_words_them(tmp_path):
    """投诉人/被投诉人 typed for a complaint letter read 顾客/本店 on the store's receipt (quotes stay as said); a
    business other than the one issuing the receipt is named."""
    facts = "投诉人在被投诉人门店购买手机，被投诉人店员称“投诉人自己摔的”。"
    path = tmp_path / "sides.pdf"
    ctx = make_context(facts=facts)
    ctx.case.respondent = Party(PartyKind.ORGANISATION, name=STORE.name)
    render_receipt(ctx, path, "a5")
    for text in texts(path):
        assert "顾客在本店门店购买手机，本店店员称“投诉人自己摔的”。" in flat(text)
    ctx.case.respondent = Party(PartyKind.ORGANISATION, name="某某数码科技有限公司")
    render_receipt(ctx, path, "a5")
    assert "顾客在某某数码科技有限公司门店购买手机" in flat(texts(path)[1])


def test_a_demand_that_names_its_kind_is_not_worded_twice(tmp_path):
    ctx = make_context()
    ctx.case.demands = [Demand(DemandType.COMPENSATION, Decimal("500"), "赔偿误工及交通费用")]
    path = tmp_path / "demand.pdf"
    render_receipt(ctx, path, "a5")
    assert "顾客诉求赔偿误工及交通费用500.00元" in flat(texts(path)[0])
    ctx.case.demands = [
        Demand(DemandType.COMPENSATION, None, "赔偿误工费"),
        Demand(DemandType.REFUND, None, "退还货款"),
    ]
    render_receipt(ctx, path, "a5")
    assert "顾客诉求1.赔偿误工费2.退款：退还货款" in flat(texts(path)[0])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_line_of_the_receipt_starts_with_closing_punctuation(tmp_path, layout):
    """避头尾: a closing mark (，。、；：）」』…) stays at the end of the line before, on the roll as on A5."""
    from casefile.core.bundle.pdfkit import NO_LINE_START

    starts = []
    for k in range(12):
        facts = "顾" * k + (
            "2026年11月16日，投诉人在被投诉人经营的淘宝店铺购买手机一部，11月18日签收后当场开箱，发现屏幕碎裂。"
            "投诉人当即联系客服，客服以运输损坏为由拒绝退款（称“请找快递”）；顾客要求退货、退款。"
        )
        path = tmp_path / f"kinsoku-{k}.pdf"
        render_receipt(make_context(facts=facts), path, layout)
        lines = [line.strip() for text in texts(path) for line in text.splitlines()]
        starts += [line for line in lines if line and line[0] in NO_LINE_START]
    assert starts == []


@pytest.mark.parametrize("exhibits", [1, 4, 12])
def test_a5_and_the_roll_give_the_same_summary_of_the_complaint(tmp_path, exhibits):
    """问题简述 is one account of the complaint, cut at the same place on A5 and on the 80 mm roll, on both copies
    (A5 may have to shorten it to keep a copy on one page; the roll then shortens it the same). A copy that runs
    on to a second page however short the summary is prints the whole account."""
    facts = "顾客称11月15日在本店购买手机一部，使用三天后屏幕右上角出现裂纹，并非人为摔落所致。" * 5
    summaries = []
    for layout in LAYOUTS:
        path = tmp_path / f"{layout}.pdf"
        render_receipt(make_context(exhibits=exhibits, facts=facts), path, layout)
        for text in (t for t in texts(path) if "投诉类型" in t):
            summary = (
                flat(text.split("投诉类型")[1].split("顾客诉求")[0]).replace("问题简述", "").replace("产品质量", "")
            )
            summaries.append(summary)
    assert len(set(summaries)) == 1, summaries
    # 4 items leave A5 no room for the whole account on one page; 12 leave no room for any summary.
    assert ("摘要" in summaries[0]) == (exhibits == 4)


def test_a_copy_of_more_than_one_page_says_so_on_its_first_page(tmp_path):
    """A copy that flows on says 第 1 页 / 共 N 页 and 下页续 on its first page, and 第 n 页 / 共 N 页 on the others;
    a copy of one page says nothing of pages."""
    path = tmp_path / "many.pdf"
    pages = render_receipt(make_context(exhibits=30), path, "a5")
    pages_text = [flat(t) for t in texts(path)]
    store_start = next(i for i, t in enumerate(pages_text) if "第二联" in t)
    customer = pages_text[:store_start]
    assert len(customer) > 1
    assert f"第1页/共{len(customer)}页（下页续）" in customer[0]
    assert all(f"第{n}页/共{len(customer)}页" in t for n, t in enumerate(customer[1:], 2))
    store = pages_text[store_start:]
    assert len(customer) + len(store) == pages
    assert f"第1页/共{len(store)}页" in store[0]
    path = tmp_path / "one.pdf"
    render_receipt(make_context(), path, "a5")
    assert not any("页/共" in flat(t) for t in texts(path))


def test_the_store_speaks_of_its_own_shop_plainly(tmp_path):
    """The complainant's facts say 被投诉人经营的淘宝店铺; the store's receipt says 本店的淘宝店铺."""
    facts = "2026年11月16日，投诉人在被投诉人经营的淘宝店铺购买手机一部，签收时屏幕已碎。"
    path = tmp_path / "own.pdf"
    render_receipt(make_context(facts=facts), path, "a5")
    for text in texts(path):
        assert "顾客在本店的淘宝店铺购买手机一部" in flat(text)
        assert "本店经营" not in flat(text)


@pytest.mark.parametrize("title", ["的照片", "实物照片", "实物的照片", " 实物 照片"])
def test_a_photo_named_for_no_thing_names_the_product_bought(tmp_path, title):
    path = tmp_path / "nothing.pdf"
    render_receipt(object_handed_over(make_context(exhibits=1), title=title, source=""), path, "a5")
    items = flat(materials(texts(path)[0]))
    assert "材料1智能手机—实物留存" in items
    assert "实物实物实物" not in items and "材料1的实物" not in items


def test_a_photo_named_for_no_thing_and_no_product_says_the_thing_in_the_photo(tmp_path):
    ctx = object_handed_over(make_context(exhibits=1), title="实物照片", source="")
    ctx.case.transaction.product = ""
    path = tmp_path / "noproduct.pdf"
    render_receipt(ctx, path, "a5")
    items = flat(materials(texts(path)[0]))
    assert "材料1照片所示物品—实物留存" in items
    assert "实物实物实物" not in items


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_long_name_of_a_thing_is_cut_like_its_photo_s(tmp_path, layout):
    """A 480-character photo name: the thing's line is cut (shorter than the photo's, beside it), the copy keeps
    its pages."""
    plain = tmp_path / "plain.pdf"
    render_receipt(object_handed_over(make_context(exhibits=1)), plain, layout)
    path = tmp_path / "long.pdf"
    ctx = object_handed_over(make_context(exhibits=1), title="耳" * 480 + "照片", source="门店拍摄门店拍摄门店拍摄")
    render_receipt(ctx, path, layout)
    assert len(PdfReader(path).pages) == len(PdfReader(plain).pages)
    items = flat(materials(texts(path)[0]))
    assert "耳" * 15 + "…（另收电子照片1张：证据1，本店留存）" + ("—实物" if layout == "a5" else "形式：实物") in items
    assert "耳" * 120 + "照片" not in items


@pytest.mark.parametrize("layout", LAYOUTS)
def test_what_the_customer_handed_in_is_listed_apart_from_the_store_s_photos(tmp_path, layout):
    """The receipt says separately (a) what the store received, kept or returned, photographed or not, and how
    many, and (b) the photos the store took itself, each naming what it shows; a photo of nothing handed in is
    only the store's photo, with no boxes asking what the customer handed over."""
    ctx = make_context(exhibits=2)
    first, second = ctx.case.exhibits
    first.title, first.source = "发票照片", "本店拍摄"
    second.title, second.kind, second.source = "包装盒外观", EvidenceKind.PHOTO, "本店拍摄"
    ctx.case.handed_items = [
        HandedItem("购物发票", 1, "original", "returned", [1]),
        HandedItem("保修卡", 2, "copy", "kept"),
        HandedItem("耳机", 1, "object", ""),
    ]
    path = tmp_path / "handed.pdf"
    render_receipt(ctx, path, layout)
    assert len(PdfReader(path).pages) == 2
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert received.startswith("（共3项）") and photos.startswith("（共2张，本店留存）")
        assert "证据" not in received and "SHA-256" not in received and "□原件" not in photos
        if layout == "a5":
            assert "材料1购物发票纸质原件退回材料2保修卡×2纸质复印件留存材料3耳机—实物□留存□退回" in received
            assert "证据1发票照片照片本店拍摄材料1" in photos and "证据2包装盒外观照片本店拍摄—" in photos
        else:
            assert "材料1购物发票（纸质）形式：原件留存/退回：退回" in received
            assert "材料2保修卡×2（纸质）形式：复印件留存/退回：留存" in received
            assert "材料3耳机形式：实物留存/退回：□留存□退回" in received
            assert "证据1发票照片（照片）来源：本店拍摄所拍材料：材料1SHA-256" in photos
            assert "证据2包装盒外观（照片）来源：本店拍摄所拍材料：—SHA-256" in photos


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_file_someone_else_made_of_a_paper_handed_over_is_no_photo_of_the_store_s(tmp_path, layout):
    """The customer's printed invoice, given back, and the invoice's file the customer provided (顾客提供): the file
    is the paper's electronic copy, said on the paper's line and counted once with it; nothing is listed as a photo
    the store took. A photo the desk recorded as 顾客出示 before is the store's own photo."""
    ctx = make_context(exhibits=2)
    invoice, phone = ctx.case.exhibits
    invoice.title, invoice.kind, invoice.source = "电子发票（打印件）", EvidenceKind.RECEIPT, "顾客提供"
    invoice.handed_in, invoice.disposition = "copy", "returned"
    phone.title, phone.kind, phone.source = "手机实物照片", EvidenceKind.PHOTO, "顾客出示"
    phone.handed_in, phone.disposition = "object", "kept"
    path = tmp_path / "invoice.pdf"
    render_receipt(ctx, path, layout)
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert received.startswith("（共2项）") and photos.startswith("（共1张，本店留存）")
        assert "证据1" not in received.replace("另收电子照片1张：证据1，本店留存", "")
        if layout == "a5":
            assert "材料1电子发票（打印件）（另收电子照片1张：证据1，本店留存）纸质复印件退回" in received
            assert "材料2手机—实物留存" in received
            assert "证据2手机实物照片照片本店拍摄材料2" in photos
        else:
            assert "材料1电子发票（打印件）（另收电子照片1张：证据1，本店留存）（纸质）形式：复印件" in received
            assert "证据2手机实物照片（照片）来源：本店拍摄所拍材料：材料2SHA-256" in photos
        assert received.count("SHA-256") == 1  # the file's, on the paper's line
        assert "顾客出示" not in text


def customer_paper(ctx: BundleContext, *, link: bool, title: str = "购物小票") -> BundleContext:
    """The walk-in story: the earbuds (kept, the store's photo), the slip given back and the customer's own photo of
    the slip (顾客提供; ``link``: recorded as the slip's photo, else only named as the slip), the charging case kept."""
    earbuds, slip = ctx.case.exhibits
    earbuds.title, earbuds.kind, earbuds.source = "蓝牙耳机实物照片", EvidenceKind.PHOTO, "门店拍摄"
    slip.title, slip.kind, slip.source = title, EvidenceKind.RECEIPT, "顾客提供"
    ctx.case.handed_items = [
        HandedItem("蓝牙耳机", 1, "object", "kept", [1]),
        HandedItem("购物小票", 1, "original", "returned", [2] if link else []),
        HandedItem("充电盒", 1, "object", "kept"),
    ]
    return ctx


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("link", [True, False], ids=["linked", "named"])
def test_the_customer_s_own_file_of_a_paper_handed_in_is_said_on_the_paper_s_line(tmp_path, layout, link):
    """Three things handed over, three listed: the customer's photo of the slip they took back (顾客提供), linked to
    the slip or titled as it, is the slip's electronic copy the store keeps, on the slip's line with its SHA-256,
    not a fourth material 购物小票 both returned and kept."""
    path = tmp_path / "receipt.pdf"
    ctx = customer_paper(make_context(exhibits=2), link=link)
    render_receipt(ctx, path, layout)
    digest = ctx.case.exhibits[1].sha256
    for text in texts(path):
        received, photos = flat(materials(text)).split("本店拍摄照片")
        assert received.startswith("（共3项）") and photos.startswith("（共1张，本店留存）")
        assert received.count("购物小票") == 1
        slip = received.split("材料2")[1].split("材料3")[0]
        assert slip.startswith("购物小票（另收电子照片1张：证据2，本店留存）")
        assert "原件" in slip and "退回" in slip and digest[:16] in slip
        assert "证据2" not in photos and "蓝牙耳机实物照片" in photos


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_customer_s_file_matching_no_material_is_a_material_of_its_own(tmp_path, layout):
    """A file the customer provided that names nothing handed in (a chat screenshot) stays a material received, a
    line of its own with its SHA-256, counted apart."""
    path = tmp_path / "receipt.pdf"
    ctx = customer_paper(make_context(exhibits=2), link=False, title="与客服的聊天截图")
    ctx.case.exhibits[1].handed_in, ctx.case.exhibits[1].disposition = "electronic", "kept"
    render_receipt(ctx, path, layout)
    for text in texts(path):
        received = flat(materials(text)).split("本店拍摄照片")[0]
        assert received.startswith("（共4项）") and "另收" not in received
        assert "证据2与客服的聊天截图" in received and "电子" in received.split("证据2")[1]


def test_a_copy_cut_to_fit_keeps_to_one_page_and_one_that_runs_on_carries_the_whole_account(tmp_path):
    """A5: a summary cut so the copy fits one page does not leave the print time to a page of its own; a copy
    that takes a second page however short the summary is gives the whole account, and its second page more than
    the running head and the print time."""
    facts = "顾客称11月15日在本店购买手机一部，使用三天后屏幕右上角出现裂纹，并非人为摔落所致。" * 5
    for exhibits, cut in ((4, True), (5, True), (6, False), (9, False)):
        path = tmp_path / f"{exhibits}.pdf"
        pages = render_receipt(make_context(exhibits=exhibits, facts=facts), path, "a5")
        copies = [flat(t) for t in texts(path)]
        assert all("打印时间" in t for t in copies)
        if cut:
            assert pages == 2, exhibits
            assert all("摘要" in t for t in copies)
            continue
        assert pages == 4, exhibits
        assert not any("摘要" in t for t in copies)
        assert all(copies[i].count("并非人为摔落所致") == 5 for i in (0, 2))
        assert all("承诺答复时间" in copies[i] and "顾客签名" in copies[i] for i in (1, 3)), exhibits


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_case_with_only_a_title_prints_it_as_the_account_of_the_complaint(tmp_path, layout):
    """A walk-in registered with a title and no account (casefile walk-in --title …): the receipt still says what
    the complaint is."""
    path = tmp_path / "title.pdf"
    render_receipt(make_context(facts=""), path, layout)
    for text in texts(path):
        assert "手机屏幕碎裂" in flat(text.split("问题简述")[1].split("顾客诉求")[0])
