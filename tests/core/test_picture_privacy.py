"""Personal data in the pictures of a packet (spec §6.3: burn-in redaction of waybill photos; PIPL arts. 6, 23).

A merchant's courier claim with a close-up of the parcel's label: OCR read the end customer's name, mobile and
street address in it. The packet masks them in every text, but prints the picture as it is: the preflight names
the picture and what it shows (masked), with how to redact it, and the disclosure report lists it as NOT masked.
A picture OCR has not read yet is named as not checked; a picture the user marked as a label is named even
without its text; a redacted copy printed in its place, or a court packet showing only the parties' data (both
parties seen), says nothing. Court and arbitration packets mask third parties too: a stranger on a label in a
consumer's packet is named there as in a 消协 packet, with the name OCR read beside the phone.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from casefile.core.bundle.context import BundleContext, ExhibitEntry, Finding, Organisation, Venue
from casefile.core.bundle.preflight import preflight
from casefile.core.disclosure.pictures import PictureTexts
from casefile.core.model import Case, CaseType, Channel, EvidenceKind, Exhibit, Party, PartyKind, Shipment
from casefile.core.search.texts import DerivedText, PageText, TextStore

CST = timezone(timedelta(hours=8))
LABEL_TEXT = "某某快运 ZT7788990011223\n收件人：陈小红\n电话：13987654321\n云南省昆明市五华区翠湖北路12号"
SHOP = Party(
    PartyKind.ORGANISATION,
    name="深圳小铺电子商行",
    phone="13600001111",
    address="广东省深圳市福田区华强北路1号A座301",
    id_number="92440300MA5G77771H",
)
CUSTOMER = Party(PartyKind.PERSON, name="陈小红", phone="13987654321", address="云南省昆明市五华区翠湖北路12号3单元502")
ORG = Organisation(name=SHOP.name, credit_code=SHOP.id_number, address=SHOP.address, phone=SHOP.phone)


def photo(number: int, title: str, *, kind: EvidenceKind = EvidenceKind.PHOTO, mime: str = "image/jpeg") -> Exhibit:
    return Exhibit(
        number=number,
        title=title,
        kind=kind,
        mime=mime,
        original_name=f"IMG_{number}.jpg",
        stored_path=f"evidence/IMG_{number}.jpg",
        size=50_000 + number,
        sha256=f"{number:02x}" * 32,
        added_at=datetime(2026, 11, 24, 9, 40, tzinfo=CST),
        added_by="周小铺",
        purpose="证明外箱挤压",
    )


def merchant_case(*exhibits: Exhibit) -> Case:
    """The merchant's own claim: the shop is the complainant and the sender; the end customer the recipient."""
    return Case(
        number="202611-001",
        title="三部手机快递途中压碎，向快递公司索赔",
        complained_at=datetime(2026, 11, 24, 10, 2, tzinfo=CST),
        channel=Channel.ONLINE,
        type=CaseType.LOGISTICS,
        complainant=SHOP,
        courier=Party(PartyKind.ORGANISATION, name="某某快运有限公司", phone="95311"),
        shipment=Shipment(
            waybill_no="ZT7788990011223",
            carrier="某某快运",
            sender=SHOP,
            recipient=CUSTOMER,
            insured=True,
            insured_value=Decimal("3000.00"),
        ),
        exhibits=list(exhibits),
    )


def read_by_ocr(root: Path, exhibit: Exhibit, text: str) -> None:
    """What OCR stored for the picture, as `casefile ocr` stores it."""
    page = PageText(1, text, (), 1200.0, 900.0)
    TextStore(root).put(DerivedText(exhibit.sha256, "ocr", "rapidocr test", (page,)))


def entries(case: Case) -> list[ExhibitEntry]:
    return [ExhibitEntry(e, str(i)) for i, e in enumerate(case.exhibits, start=1)]


def findings(case: Case, venue: Venue, root: Path, listed: list[ExhibitEntry] | None = None) -> dict[str, Finding]:
    found = preflight(
        case,
        venue,
        entries(case) if listed is None else listed,
        size_limit_mb=None,
        organisation=ORG.as_party(),
        texts=PictureTexts(root),
    )
    return {f.code: f for f in found}


def test_a_label_photo_read_by_ocr_is_named_with_what_it_shows_masked(tmp_path: Path) -> None:
    label = photo(8, "外箱面单特写")
    case = merchant_case(photo(2, "外箱侧面挤压照片"), label)
    read_by_ocr(tmp_path, label, LABEL_TEXT)
    read_by_ocr(tmp_path, case.exhibits[0], "")
    found = findings(case, Venue.COURIER_CLAIM, tmp_path)
    finding = found["picture-personal-data"]
    assert finding.exhibits == (8,)
    message = str(finding)
    assert "139****4321" in finding.message and "陈**" in finding.message and "云南省昆明市五华区****" in message
    assert "13987654321" not in message and "陈小红" not in message and "翠湖北路" not in message
    assert "the recipient's (the end customer's) name 陈**" in message  # whose it is
    assert "Ctrl+Shift+R" in finding.message and "casefile redact 202611-001" in finding.message
    assert "pictures-not-read" not in found


def test_the_merchants_own_data_in_a_picture_is_not_named(tmp_path: Path) -> None:
    """The claimant's phone and address are printed in the claim anyway: a picture showing them is fine."""
    shot = photo(3, "发货单截图")
    case = merchant_case(shot)
    read_by_ocr(tmp_path, shot, "寄件人：深圳小铺电子商行 13600001111 运单号 ZT7788990011223")
    assert "picture-personal-data" not in findings(case, Venue.COURIER_CLAIM, tmp_path)


def test_a_redacted_copy_printed_in_its_place_or_a_court_packet_says_nothing(tmp_path: Path) -> None:
    label = photo(8, "外箱面单特写")
    redacted = dataclasses.replace(photo(9, "外箱面单特写（遮盖件）", mime="image/png"), derived_from=8)
    case = merchant_case(label, redacted)
    read_by_ocr(tmp_path, label, LABEL_TEXT)
    read_by_ocr(tmp_path, redacted, "某某快运 ZT7788990011223")
    in_place = [ExhibitEntry(redacted, "1", original=label)]
    found = findings(case, Venue.COURIER_CLAIM, tmp_path, in_place)
    assert not {"picture-personal-data", "label-not-redacted", "pictures-not-read"} & set(found)
    court = findings(merchant_case(label), Venue.COURT, tmp_path)
    assert not {"picture-personal-data", "label-not-redacted", "pictures-not-read"} & set(court)


def test_pictures_not_read_yet_are_named_as_not_checked(tmp_path: Path) -> None:
    case = merchant_case(photo(2, "外箱侧面挤压照片"), photo(4, "手机屏幕碎裂照片"))
    read_by_ocr(tmp_path, case.exhibits[0], "")
    finding = findings(case, Venue.COURIER_CLAIM, tmp_path)["pictures-not-read"]
    assert finding.exhibits == (4,)
    assert finding.message.startswith("1 picture(s) not yet read by OCR")


def test_a_picture_marked_as_a_label_is_named_without_its_text(tmp_path: Path) -> None:
    """By its kind, or 面单/运单/快递单 in its title or purpose; OCR read nothing in it (a blurred label)."""
    by_title = photo(2, "外箱顶部及运单照片")
    by_kind = photo(3, "外箱照片", kind=EvidenceKind.WAYBILL)
    other = photo(4, "手机屏幕碎裂照片")
    case = merchant_case(by_title, by_kind, other)
    for e in case.exhibits:
        read_by_ocr(tmp_path, e, "")
    found = findings(case, Venue.COURIER_CLAIM, tmp_path)
    assert found["label-not-redacted"].exhibits == (2, 3)
    assert "picture-personal-data" not in found


def context(case: Case, root: Path, venue: Venue = Venue.COURIER_CLAIM) -> BundleContext:
    return BundleContext(
        case=case,
        venue=venue,
        entries=entries(case),
        org=ORG,
        operator="周小铺",
        generated_at=datetime(2026, 12, 1, 3, 35, tzinfo=CST),
        texts=PictureTexts(root),
    )


def test_the_disclosure_report_lists_the_picture_as_not_masked(tmp_path: Path) -> None:
    label, waiting = photo(8, "外箱面单特写"), photo(9, "外箱侧面照片")
    case = merchant_case(label, waiting)
    read_by_ocr(tmp_path, label, LABEL_TEXT)
    report = context(case, tmp_path).report.to_text("快递理赔申请材料 202611-001 信息披露报告")
    assert (
        "证据1：图片中的个人信息未遮盖（文字识别发现："
        "收件人的姓名 陈**、手机号 139****4321、地址 云南省昆明市五华区****）" in report
    )
    assert "证据2：图片尚未识别文字，其中的个人信息未经检查" in report
    assert "13987654321" not in report and "陈小红" not in report


def test_a_scanned_pdf_page_is_checked_and_a_pdf_with_text_is_left_to_the_build(tmp_path: Path) -> None:
    """OCR reads the pages of a PDF that have no text layer: those the packet prints unmasked. A PDF not read yet
    counts as a picture only when the record knows it is a scan; the build masks a PDF's own text itself."""
    scan = photo(5, "电子运单扫描件", kind=EvidenceKind.DOCUMENT, mime="application/pdf")
    scan = dataclasses.replace(scan, metadata=dataclasses.replace(scan.metadata, image_only=True))
    typed = photo(6, "进货发票", kind=EvidenceKind.RECEIPT, mime="application/pdf")
    waiting = dataclasses.replace(photo(7, "收货单扫描件", mime="application/pdf"), metadata=scan.metadata)
    case = merchant_case(scan, typed, waiting)
    read_by_ocr(tmp_path, scan, "收件人 陈小红 身份证 530102199001011234")
    found = findings(case, Venue.COURIER_CLAIM, tmp_path)
    assert found["picture-personal-data"].exhibits == (5,)
    assert "530102********1234" in found["picture-personal-data"].message
    assert found["pictures-not-read"].exhibits == (7,)


def test_what_a_picture_shows_is_judged_for_each_destination(tmp_path: Path) -> None:
    """The same texts, kept between checks as the wizard keeps them: the consumer's own mobile is the end
    customer's in a courier claim (masked), the complainant's in a 消协 complaint (shown)."""
    shot = photo(3, "聊天截图")
    case = merchant_case(shot)
    case.complainant = CUSTOMER
    case.shipment.recipient = None
    case.respondent = Party(PartyKind.ORGANISATION, name="某某数码旗舰店")
    read_by_ocr(tmp_path, shot, "我的电话 13987654321，请尽快处理")
    texts = PictureTexts(tmp_path)

    def codes(venue: Venue) -> set[str]:
        found = preflight(case, venue, entries(case), size_limit_mb=None, organisation=ORG.as_party(), texts=texts)
        return {f.code for f in found}

    assert "picture-personal-data" in codes(Venue.COURIER_CLAIM)
    assert "picture-personal-data" not in codes(Venue.CONSUMER_ASSOCIATION)
    assert "picture-personal-data" in codes(Venue.COURIER_CLAIM)


# A consumer's own case: the parcel's label shows a stranger (the consumer received it for a neighbour's order).
STRANGER_LABEL = (
    "某某速运电子运单\n运单号SF2026112012345\n收件人：李四电话：13912345678\n"
    "收件地址：北京市朝阳区望京街道某小区3号楼1201\n寄件人：张三电话：13812345678"
)


def consumer_case(*exhibits: Exhibit) -> Case:
    return Case(
        number="202611-001",
        title="手机屏幕碎裂",
        complained_at=datetime(2026, 11, 24, 10, 2, tzinfo=CST),
        channel=Channel.ONLINE,
        type=CaseType.QUALITY,
        complainant=Party(
            PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区漕溪北路88号3栋1201室"
        ),
        respondent=Party(
            PartyKind.ORGANISATION, name="某某数码科技有限公司", phone="0571-88888888", legal_representative="王建国"
        ),
        exhibits=list(exhibits),
    )


@pytest.mark.parametrize("venue", [Venue.COURT, Venue.ARBITRATION, Venue.CONSUMER_ASSOCIATION])
def test_a_third_party_in_a_picture_is_named_in_every_packet_with_the_name_ocr_read(tmp_path, venue) -> None:
    """Spec §6.3: court and arbitration packets show both parties complete but mask third parties, and an
    arbitration copy goes to the respondent: a stranger's name, mobile and address on a label are named there as
    in a 消协 packet, said to be a third party's; the complainant's own name and phone on it are not."""
    label = photo(15, "面单照片")
    case = consumer_case(label)
    read_by_ocr(tmp_path, label, STRANGER_LABEL)
    finding = findings(case, venue, tmp_path)["picture-personal-data"]
    message = finding.message
    assert finding.exhibits == (15,)
    assert "a third party's (no party to the case) name 李*, mobile number 139****5678" in message, message
    assert "address 北京市朝阳区" in message and "3号楼1201" not in message
    assert "张" not in message.replace("证据", "") and "138****5678" not in message
    assert "13912345678" not in message
    # Where the packet prints originals unless asked, redacting is not enough: the copy must be put in.
    assert ("--redacted" in message) is (venue is not Venue.CONSUMER_ASSOCIATION)
    report = context(case, tmp_path, venue).report.to_text("信息披露报告")
    assert (
        "证据1：图片中的个人信息未遮盖（文字识别发现：案外人的姓名 李*、手机号 139****5678、地址 北京市朝阳区" in report
    ), report


def test_court_and_arbitration_packets_name_pictures_not_read_but_not_a_label_showing_the_parties(tmp_path) -> None:
    """A picture OCR has not read is not checked in a court's packet either; a label whose text shows only the
    parties (both seen there) is not named for being a label."""
    label, waiting = photo(8, "面单照片"), photo(9, "外箱照片")
    case = consumer_case(label, waiting)
    read_by_ocr(tmp_path, label, "收件人：张三电话：13812345678\n运单号SF2026112012345")
    for venue in (Venue.COURT, Venue.ARBITRATION):
        found = findings(case, venue, tmp_path)
        assert found["pictures-not-read"].exhibits == (9,)
        assert not {"picture-personal-data", "label-not-redacted"} & set(found)


def test_a_redacted_copy_whose_boxes_cover_nothing_is_named_and_not_certified(tmp_path: Path) -> None:
    """A box in the wrong place: OCR reads in the copy all it read in the original. The copy is what is printed,
    so it is checked: the preflight names it, and the report, the evidence list and the page never say
    第三方信息已遮盖 of it (in a court packet asked to print the copy, as in a courier claim)."""
    from casefile.core.bundle import parts

    label = photo(8, "外箱面单特写")
    redacted = dataclasses.replace(photo(9, "外箱面单特写（遮盖件）", mime="image/png"), derived_from=8)
    case = merchant_case(label, redacted)
    read_by_ocr(tmp_path, label, LABEL_TEXT)
    read_by_ocr(tmp_path, redacted, LABEL_TEXT)
    in_place = [ExhibitEntry(redacted, "1", original=label)]
    found = findings(case, Venue.COURIER_CLAIM, tmp_path, in_place)
    finding = found["redacted-copy-shows"]
    assert finding.exhibits == (9,) and "picture-personal-data" not in found
    assert "still shows" in finding.message and "139****4321" in str(finding)
    assert "13987654321" not in str(finding)
    # A court packet asked to print the copy (--redacted) of a label showing a stranger.
    stranger, copy = photo(15, "面单照片"), dataclasses.replace(photo(16, "面单照片（遮盖件）"), derived_from=15)
    read_by_ocr(tmp_path, stranger, STRANGER_LABEL)
    read_by_ocr(tmp_path, copy, STRANGER_LABEL)
    court = findings(consumer_case(stranger, copy), Venue.COURT, tmp_path, [ExhibitEntry(copy, "1", original=stranger)])
    assert court["redacted-copy-shows"].exhibits == (16,) and "139****5678" in str(court["redacted-copy-shows"])
    ctx = BundleContext(
        case=case,
        venue=Venue.COURIER_CLAIM,
        entries=[ExhibitEntry(redacted, "1", original=label)],
        org=ORG,
        operator="周小铺",
        generated_at=datetime(2026, 12, 1, 3, 35, tzinfo=CST),
        texts=PictureTexts(tmp_path),
    )
    report = ctx.report.to_text("快递理赔申请材料 202611-001 信息披露报告")
    assert "第三方信息已遮盖" not in report
    assert "证据1：图片中的个人信息未遮盖（遮盖件仍显示个人信息，文字识别发现：" in report
    assert "139****4321" in report and "13987654321" not in report
    entry = ctx.entries[0]
    assert all("第三方信息已遮盖" not in value for _, value in parts.cover_rows(ctx, entry))
    assert "第三方信息已遮盖" not in parts.redacted_note(entry)


def test_a_redacted_copy_not_read_yet_is_named_as_not_checked(tmp_path: Path) -> None:
    label = photo(8, "外箱面单特写")
    redacted = dataclasses.replace(photo(9, "外箱面单特写（遮盖件）", mime="image/png"), derived_from=8)
    case = merchant_case(label, redacted)
    read_by_ocr(tmp_path, label, LABEL_TEXT)
    found = findings(case, Venue.CONSUMER_ASSOCIATION, tmp_path, [ExhibitEntry(redacted, "1", original=label)])
    assert found["pictures-not-read"].exhibits == (9,)
    assert "redacted-copy-shows" not in found
