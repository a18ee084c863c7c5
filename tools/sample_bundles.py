"""Build the sample packets, each from its own CaseFile as a real office would keep it, and render their pages:

- the law firm's (operator 李律师): the consumer's case with every kind of evidence, its consumer complaint (also
  for 12315), arbitration application and, once the arbitration clause is contested, court packet;
- the merchant's (operator 赵六, its after-sales contact): its own claim against the carrier that broke the
  parcel, also as a 12305 appeal, with only what the merchant holds;
- the merchant's counter (operator 刘芳, 工号 A017): the customer's walk-in complaint and its receipt (A5, 80 mm).

    .venv/bin/python tools/sample_bundles.py OUT_DIR [--docs]

Writes the bundles and PNG renderings (pdftoppm, from poppler-utils) of their pages to
OUT_DIR; with --docs also refreshes the one-page samples in docs/ shown in the README.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
import wave
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pikepdf  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle  # noqa: E402
from casefile.core.bundle.pdfkit import FONT, register_fonts  # noqa: E402
from casefile.core.evidence import AddOptions, add_files  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.model import (  # noqa: E402
    Demand,
    DemandType,
    EventKind,
    EvidenceKind,
    Filing,
    HandedItem,
    Party,
    PartyKind,
    Transcript,
    TranscriptLine,
    case_from_data,
    case_to_data,
    parse_datetime,
    set_organisation,
)
from casefile.core.settings import Settings  # noqa: E402
from casefile.core.venues import Route  # noqa: E402

SETTINGS = Settings(
    org_name="上海某某律师事务所",
    org_credit_code="31310000MD0123456X",
    org_address="上海市黄浦区某某路100号",
    org_phone="021-61234567",
    org_legal_representative="王律师",
)
# The merchant's own CaseFile: its courier claims and 12305 appeals are made in its name (the claimant
# defaults to the organisation in the settings), with its contact person.
MERCHANT_SETTINGS = Settings(
    operator="赵六",
    org_name="某某数码科技有限公司",
    org_credit_code="91330110MA2AXXXX0N",
    org_address="杭州市余杭区文一西路1000号",
    org_phone="0571-88888888",
    org_legal_representative="李四",
    org_contact="赵六",
)


def make_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True)
    register_fonts()
    files: dict[str, Path] = {}
    # The complainant's own phone photos, as his iPhone wrote them (the second held upright: EXIF orientation 6).
    for name, taken, orientation in (
        ("外包装破损_正面.jpg", "2026:11:18 19:46:12", 1),
        ("外包装破损_侧面.jpg", "2026:11:18 19:46:40", 6),
    ):
        files[name] = folder / name
        phone_photo(files[name], taken, orientation=orientation)
    shot = Image.new("RGB", (540, 1170), (245, 245, 245))
    draw = ImageDraw.Draw(shot)
    draw.rectangle((0, 0, 540, 90), fill=(40, 160, 90))
    for i in range(8):
        draw.rounded_rectangle(
            (30 + (i % 2) * 150, 130 + i * 120, 330 + (i % 2) * 180, 210 + i * 120),
            12,
            fill=(255, 255, 255) if i % 2 else (160, 230, 120),
        )
    files["shot"] = folder / "Screenshot_20261118-201530_Taobao.png"
    shot.save(files["shot"])
    # The return asked for on 20 November, within the seven days: the platform's record of the request.
    from PIL import ImageFont

    from casefile.resources import resource_path

    font = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 26)
    refund = Image.new("RGB", (540, 1170), (245, 245, 245))
    draw = ImageDraw.Draw(refund)
    draw.rectangle((0, 0, 540, 90), fill=(255, 80, 0))
    draw.text((30, 30), "退款详情", fill=(255, 255, 255), font=font)
    for i, line in enumerate(
        [
            "等待商家处理",
            "退款类型：退货退款",
            "退款原因：七天无理由退货",
            "退款金额：¥6,299.00",
            "申请时间：2026-11-20 10:05",
            "订单编号：TB3918273645501",
        ]
    ):
        draw.text((30, 130 + 60 * i), line, fill=(40, 40, 40), font=font)
    files["refund"] = folder / "Screenshot_20261120-100612_Taobao.png"
    refund.save(files["refund"])
    files["invoice"] = folder / "电子发票.pdf"
    canvas = Canvas(str(files["invoice"]), pagesize=(595, 420), initialFontName=FONT)
    canvas.setFont(FONT, 18)
    canvas.drawCentredString(297, 360, "电子发票（普通发票）")
    canvas.setFont(FONT, 11)
    for k, line in enumerate(
        [
            "购买方：张三",
            "销售方：某某数码科技有限公司",
            "货物：某品牌手机 X12 256G × 1",
            "价税合计：¥6,299.00",
            "开票日期：2026年11月16日",
        ]
    ):
        canvas.drawString(60, 300 - 26 * k, line)
    canvas.showPage()
    canvas.save()
    files["contract"] = folder / "购买协议_含仲裁条款.pdf"
    canvas = Canvas(str(files["contract"]), initialFontName=FONT)
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 760, "第八条 争议解决：因本协议引起的争议，提交上海仲裁委员会仲裁。")
    canvas.showPage()
    canvas.save()
    files["locked"] = folder / "物流理赔单_加密.pdf"
    with pikepdf.open(files["invoice"]) as pdf:
        pdf.save(files["locked"], encryption=pikepdf.Encryption(owner="owner", user="1234"))
    files["chat"] = folder / "聊天记录_客服.txt"
    files["chat"].write_text(
        "2026-11-18 20:11:05 张三：你好，收到的手机屏幕是碎的\n"
        "2026-11-18 20:12:40 某某数码客服：亲，麻烦提供开箱视频和照片\n"
        "2026-11-18 20:15:02 张三：已发送，请尽快处理\n"
        "2026-11-19 09:30:17 某某数码客服：经核实是运输途中损坏，建议您联系快递\n",
        "utf-8",
    )
    files["mail"] = folder / "投诉邮件.eml"
    files["mail"].write_text(
        "From: zhangsan@example.com\nTo: service@example.cn\n"
        "Subject: =?utf-8?b?5YWz5LqO5omL5py65bGP5bmV56KO6KOC55qE5oqV6K+J?=\n"
        "Date: Thu, 19 Nov 2026 10:02:00 +0800\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "您好：\n我于11月16日购买的手机在签收时屏幕已碎，请于三日内退款。\n张三\n",
        "utf-8",
    )
    # The phone's call recorder names the file by the call's start (device time).
    files["call"] = folder / "通话录音_20261119_0940.wav"
    with wave.open(str(files["call"]), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * 180)  # the three minutes the transcript covers
    files["video"] = folder / "VID_20261118_200312.mp4"
    make_video(files["video"])
    # Taken at the courier's 上海徐汇漕溪营业点 when the damage was reported there: the phone wrote where (GPS).
    files["gps"] = folder / "快递网点外景.jpg"
    phone_photo(files["gps"], "2026:11:19 15:20:05", gps=(31.1745, 121.4362), colour=(120, 150, 170))
    import pillow_heif

    pillow_heif.register_heif_opener()
    files["heic"] = folder / "IMG_4032.HEIC"
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    exif.get_ifd(0x8769).update({0x9003: "2026:11:18 20:04:51", 0x9011: "+08:00"})
    heic = Image.new("RGB", (800, 600), (230, 226, 215))
    ImageDraw.Draw(heic).polygon([(120, 450), (400, 120), (700, 430)], fill=(150, 110, 70))
    heic.save(files["heic"], "HEIF", exif=exif.tobytes())
    return files


def phone_photo(
    path: Path,
    taken: str,
    *,
    orientation: int = 1,
    gps: tuple[float, float] | None = None,
    colour: tuple[int, int, int] = (170, 140, 100),
    phone: tuple[str, str, str] = ("Apple", "iPhone 15", "18.1"),
) -> None:
    """A photo as a phone (by default the complainant's iPhone) writes it: maker, model, capture time and
    offset, orientation and, when given, the GPS position (latitude, longitude in degrees, north and east)."""
    image = Image.new("RGB", (1200, 900), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((240, 180, 960, 720), outline=(40, 30, 20), width=10)
    draw.line((240, 180, 960, 720), fill=(235, 235, 235), width=6)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0131] = phone
    exif[0x0112] = orientation
    exif.get_ifd(0x8769).update({0x9003: taken, 0x9004: taken, 0x9011: "+08:00"})
    if gps is not None:

        def dms(value: float) -> tuple[float, float, float]:
            minutes = (value % 1) * 60
            return (float(int(value)), float(int(minutes)), round((minutes % 1) * 60, 2))

        exif.get_ifd(0x8825).update({1: "N", 2: dms(gps[0]), 3: "E", 4: dms(gps[1])})
    image.save(path, quality=88, exif=exif)


def make_video(path: Path, seconds: int = 12, fps: int = 10) -> None:
    """An unboxing-like test video: each second a different scene, with the time drawn on it."""
    import av

    register_fonts()
    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 480, 270, "yuv420p"
        for i in range(seconds * fps):
            second = i // fps
            frame = Image.new("RGB", (480, 270), (40 + 17 * second % 200, 90, 200 - 13 * second % 180))
            draw = ImageDraw.Draw(frame)
            draw.rectangle((60 + 20 * second, 80, 220 + 20 * second, 200), fill=(210, 180, 120))
            draw.text((16, 12), f"00:00:{second:02d}", fill=(255, 255, 255))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def build_case(library: Library, files: dict[str, Path]) -> str:
    case = library.create_case(
        case_from_fields(
            {
                "title": "手机签收时屏幕碎裂，商家拒绝退款",
                "complained_at": "2026-11-19T10:30:00+08:00",
                "channel": "online",
                "type": "quality",
                "priority": "important",
            }
        )
    )
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(
            PartyKind.PERSON,
            name="张三",
            phone="13812345678",
            address="上海市徐汇区漕溪北路88号3栋1201室",
            postcode="200030",
            id_number="310104199001011233",
            gender="男",
            birth_date="1990-01-01",
            ethnicity="汉族",
            occupation="职员",
            email="zhangsan@example.com",  # the mailbox the complaint mail was sent from
        )
        changed.respondent = Party(
            PartyKind.ORGANISATION,
            name="某某数码科技有限公司",
            address="杭州市余杭区文一西路1000号",
            id_number="91330110MA2AXXXX0N",
            legal_representative="李四",
            representative_title="执行董事",
            phone="0571-88888888",
            store="某某数码旗舰店（淘宝）",
            email="service@example.cn",  # its after-sales mailbox, where the complaint mail went
        )
        changed.courier = Party(PartyKind.ORGANISATION, name="某某速运有限公司", address="深圳市宝安区某某大道1号")
        changed.transaction.order_no = "TB3918273645501"
        changed.transaction.platform = "淘宝"
        changed.transaction.product = "某品牌手机 X12"
        changed.transaction.brand_model = "X12 256G 黑色"
        changed.transaction.quantity = 1
        changed.transaction.amount = Decimal("6299.00")
        changed.transaction.payment_method = "支付宝"
        changed.transaction.purchased_at = parse_datetime("2026-11-16T14:20+08:00")
        changed.transaction.received_at = parse_datetime("2026-11-18T19:40+08:00")
        changed.shipment.waybill_no = "SF1402938475612"
        changed.shipment.carrier = "某某速运"
        changed.shipment.outlet = "上海徐汇漕溪营业点"
        changed.shipment.freight = Decimal("23.00")
        changed.shipment.insured = True
        changed.shipment.declared_value = Decimal("6000.00")
        changed.shipment.insured_value = Decimal("6000.00")
        changed.shipment.weight = Decimal("0.85")
        changed.shipment.shipped_at = parse_datetime("2026-11-16T18:30+08:00")
        changed.shipment.insurance_fee = Decimal("30.00")
        changed.shipment.signed_at = parse_datetime("2026-11-18T19:40+08:00")
        changed.shipment.signer = "王五"
        changed.shipment.delivery_mode = "快递员当面交付"
        changed.shipment.exception_type = "内件破损"
        changed.shipment.discovered_at = parse_datetime("2026-11-18T20:05+08:00")
        changed.demands = [
            Demand(DemandType.REFUND, Decimal("6299.00"), "退还货款"),
            Demand(DemandType.COMPENSATION, Decimal("500.00"), "赔偿误工及交通费用"),
            Demand(DemandType.APOLOGY),
        ]
        # The institution the arbitration clause (购买协议第八条) chose.
        changed.filing = Filing(arbitration_body="上海仲裁委员会")
        changed.facts = (
            "2026年11月16日，投诉人在被投诉人经营的淘宝店铺购买手机一部，"
            "11月18日签收后当场开箱，发现屏幕碎裂。投诉人当即联系客服，客服以运输损坏为由拒绝退款。"
        )
        writer.update(changed)
    options = {
        "shot": AddOptions(title="订单详情截图", source="淘宝App订单页", purpose="证明购买时间、商品及金额"),
        "invoice": AddOptions(
            kind=EvidenceKind.RECEIPT, title="电子发票", source="被投诉人开具", purpose="证明商品价值6,299元"
        ),
        "contract": AddOptions(
            kind=EvidenceKind.ARBITRATION_AGREEMENT,
            title="购买协议第八条（仲裁条款）",
            source="淘宝店铺页面",
            purpose="证明双方约定由上海仲裁委员会仲裁",
        ),
        "locked": AddOptions(title="物流理赔单", source="快递公司", purpose="证明已向快递公司报损"),
        "chat": AddOptions(title="与客服聊天记录", source="淘宝旺旺导出", purpose="证明已与商家交涉，商家拒绝退款"),
        "refund": AddOptions(
            title="退货退款申请记录截图",
            source="淘宝App退款详情页",
            purpose="证明投诉人于2026年11月20日申请七天无理由退货，在七日期限内",
        ),
        "mail": AddOptions(title="投诉邮件", source="投诉人邮箱", purpose="证明已书面要求退款"),
        "call": AddOptions(title="与客服通话录音", source="投诉人手机录音", purpose="证明客服承认商品破损"),
        "video": AddOptions(title="开箱视频", source="投诉人手机拍摄", purpose="证明签收开箱时屏幕已碎"),
        "gps": AddOptions(
            title="快递网点外景",
            source="投诉人手机拍摄（含拍摄地点）",
            purpose="证明投诉人于2026年11月19日到某某速运上海徐汇漕溪营业点报损",
        ),
        "heic": AddOptions(title="商品外观（iPhone 照片）", source="投诉人手机拍摄", purpose="证明商品破损情况"),
    }
    photos = [p for k, p in files.items() if k.startswith("外包装")]
    list(
        add_files(library, case.number, photos, AddOptions(source="投诉人手机拍摄", purpose="证明外包装及商品破损情况"))
    )
    for key, opts in options.items():
        if key not in files:
            continue
        list(add_files(library, case.number, [files[key]], opts))
    stored = library.load_case(case.number)
    call = next(e for e in stored.exhibits if e.original_name.endswith(".wav"))
    with library.edit(case.number) as writer:
        writer.update_exhibit(
            call.number,
            transcript=Transcript(
                recorded_by="张三",
                device="iPhone 15 通话录音",
                place_or_method="电话（138****5678 拨打 0571-88888888）",
                started_at=parse_datetime("2026-11-19T09:40+08:00"),
                ended_at=parse_datetime("2026-11-19T09:43+08:00"),
                participants=["张三（本人）", "某某数码客服（工号 A017，自报姓名）"],
                lines=[
                    TranscriptLine("00:00:05", "客服", "您好，某某数码，请问有什么可以帮您？"),
                    TranscriptLine("00:00:12", "张三", "我昨天收到的手机屏幕是碎的。"),
                    TranscriptLine("00:01:40", "客服", "我们看过照片了，确实是碎了，但这是快递的问题。", key=True),
                ],
                transcriber="张三",
                transcribed_at=parse_datetime("2026-11-19T12:00+08:00"),
            ),
        )
        writer.add_event(
            __import__("casefile.core.model", fromlist=["TimelineEvent"]).TimelineEvent(
                at=parse_datetime("2026-11-18T20:11+08:00"),
                kind=EventKind.CHAT,
                summary="联系客服告知屏幕碎裂",
                evidence=[e.number for e in stored.exhibits if e.original_name.endswith(".txt")],
            )
        )
        event = __import__("casefile.core.model", fromlist=["TimelineEvent"]).TimelineEvent
        # The call recorded on 19 November (the recording's own day) is where the business said the screen was
        # broken; the call of 26 November was not recorded, so it cites no exhibit.
        writer.add_event(
            event(
                at=parse_datetime("2026-11-19T09:40+08:00"),
                kind=EventKind.CALL,
                summary="致电客服，客服承认屏幕碎裂，但称系快递问题",
                evidence=[call.number],
            )
        )
        writer.add_event(
            event(
                at=parse_datetime("2026-11-19T10:02+08:00"),
                kind=EventKind.EMAIL,
                summary="发送投诉邮件，要求三日内退款",
                evidence=[e.number for e in stored.exhibits if e.original_name.endswith(".eml")],
            )
        )
        writer.add_event(
            event(
                at=parse_datetime("2026-11-20T10:05+08:00"),
                kind=EventKind.CHAT,
                summary="在淘宝申请七天无理由退货退款",
                evidence=[e.number for e in stored.exhibits if e.original_name.startswith("Screenshot_20261120")],
            )
        )
        writer.add_event(
            event(
                at=parse_datetime("2026-11-26T09:30+08:00"),
                kind=EventKind.CALL,
                summary="客服来电称已超过七天，不同意退货",
            )
        )
    return case.number


MERCHANT = Party(
    PartyKind.ORGANISATION,
    name="某某数码科技有限公司",
    address="杭州市余杭区文一西路1000号",
    id_number="91330110MA2AXXXX0N",
    legal_representative="李四",
    phone="0571-88888888",
)
CUSTOMER = Party(
    PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区漕溪北路88号3栋1201室", postcode="200030"
)


def _event(at: str, kind: EventKind, summary: str, evidence: list[int] | None = None, **more: str) -> object:
    from casefile.core.model import TimelineEvent

    return TimelineEvent(at=parse_datetime(at), kind=kind, summary=summary, evidence=evidence or [], **more)


def build_courier_case(library: Library, files: dict[str, Path]) -> str:
    """The merchant's own case against the carrier, kept by its after-sales contact (赵六): the parcel it sent
    to 张三 arrived broken. Only what the merchant holds: its invoice, the carrier's claim form, and the photos
    and video the customer sent it; its dispute with the customer is no part of this claim."""
    case = library.create_case(
        case_from_fields(
            {
                "title": "寄往上海的手机运输中破损，向快递公司索赔",
                "complained_at": "2026-11-19T11:00:00+08:00",
                "channel": "online",
                "type": "logistics",
                "priority": "important",
            }
        )
    )
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = CUSTOMER
        changed.courier = Party(
            PartyKind.ORGANISATION, name="某某速运有限公司", address="深圳市宝安区某某大道1号", phone="95338"
        )
        changed.transaction.order_no = "TB3918273645501"
        changed.transaction.platform = "淘宝"
        changed.transaction.product = "某品牌手机 X12"
        changed.transaction.brand_model = "X12 256G 黑色"
        changed.transaction.quantity = 1
        changed.transaction.amount = Decimal("6299.00")
        shipment = changed.shipment
        shipment.sender, shipment.recipient = MERCHANT, CUSTOMER
        shipment.waybill_no = "SF1402938475612"
        shipment.carrier = "某某速运"
        shipment.outlet = "上海徐汇漕溪营业点"
        shipment.freight = Decimal("23.00")
        shipment.insured = True
        shipment.declared_value = Decimal("6000.00")
        shipment.insured_value = Decimal("6000.00")
        shipment.weight = Decimal("0.85")
        shipment.shipped_at = parse_datetime("2026-11-16T18:30+08:00")
        shipment.insurance_fee = Decimal("30.00")
        shipment.signed_at = parse_datetime("2026-11-18T19:40+08:00")
        shipment.signer = "王五"
        shipment.delivery_mode = "快递员当面交付"
        shipment.exception_type = "内件破损"
        shipment.discovered_at = parse_datetime("2026-11-18T20:05+08:00")
        changed.demands = [Demand(DemandType.COMPENSATION, Decimal("6000.00"), "按保价金额赔偿")]
        changed.facts = (
            "我司于2026年11月16日通过某某速运向上海客户张三寄出手机一部，已保价6,000元。"
            "11月18日该件由他人代收，客户当晚开箱发现外包装破损、手机屏幕碎裂，并将照片和开箱视频发给我司。"
        )
        writer.update(changed)
    given = "收件人张三提供（其手机拍摄）"
    options = {
        "invoice": AddOptions(
            kind=EvidenceKind.RECEIPT, title="销售发票", source="本公司开具", purpose="证明所寄手机价值6,299元"
        ),
        "locked": AddOptions(title="物流理赔单", source="某某速运出具", purpose="证明已向快递公司申请理赔"),
        "video": AddOptions(title="开箱视频", source=given, purpose="证明收件人开箱时屏幕已碎"),
        "heic": AddOptions(title="商品外观（iPhone 照片）", source=given, purpose="证明商品破损情况"),
    }
    photos = [p for k, p in files.items() if k.startswith("外包装")]
    list(add_files(library, case.number, photos, AddOptions(source=given, purpose="证明外包装及商品破损情况")))
    for key, opts in options.items():
        list(add_files(library, case.number, [files[key]], opts))
    stored = library.load_case(case.number)
    claim_form = [e.number for e in stored.exhibits if e.title == "物流理赔单"]
    with library.edit(case.number) as writer:
        writer.add_event(
            _event(
                "2026-11-19T11:00+08:00",
                EventKind.COMPLAINT,
                "向某某速运客服提出保价理赔申请",
                claim_form,
                party="courier",
                ref="GD20261119000456",
            )
        )
        writer.add_event(
            _event("2026-11-25T10:20+08:00", EventKind.CALL, "快递公司答复只退运费，不按保价赔偿", party="courier")
        )
    return case.number


def build_receipt_case(library: Library, files: dict[str, Path]) -> str:
    """The same customer at the merchant's after-sales counter, registered by the clerk on duty (刘芳): what he
    says, what he asks, what he hands over (the phone, kept; his printed invoice, given back) and the store's
    own photo of the phone; his charger and cable, kept with the phone, are listed though not photographed."""
    case = library.create_case(
        case_from_fields(
            {
                "title": "手机签收时屏幕碎裂，顾客到店要求退货退款",
                "complained_at": "2026-11-21T10:30:00+08:00",
                "channel": "store",
                "type": "quality",
                "priority": "important",
            }
        )
    )
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name="张三", phone="13812345678")
        changed.transaction.order_no = "TB3918273645501"
        changed.transaction.platform = "淘宝"
        changed.transaction.product = "某品牌手机 X12"
        changed.transaction.brand_model = "X12 256G 黑色"
        changed.transaction.quantity = 1
        changed.transaction.amount = Decimal("6299.00")
        changed.transaction.purchased_at = parse_datetime("2026-11-16T14:20+08:00")
        changed.demands = [Demand(DemandType.REFUND, Decimal("6299.00"), "退货退款")]
        changed.facts = (
            "顾客称2026年11月16日在本店淘宝店铺购买手机一部，11月18日签收后当场开箱，发现屏幕碎裂，"
            "联系在线客服，客服以运输损坏为由拒绝退款，现持手机及发票到店要求退货退款。"
        )
        writer.update(changed)
    files["counter"] = files["invoice"].parent / "手机实物照片.jpg"
    # The counter's own phone.
    phone_photo(files["counter"], "2026:11:21 10:36:20", colour=(40, 40, 48), phone=("HUAWEI", "ALN-AL00", "4.2.0"))
    list(
        add_files(
            library,
            case.number,
            [files["counter"]],
            AddOptions(title="手机实物照片", source="本店拍摄", purpose="记录顾客交来的手机及屏幕破损情况"),
        )
    )
    list(
        add_files(
            library,
            case.number,
            [files["invoice"]],
            AddOptions(
                kind=EvidenceKind.RECEIPT, title="电子发票（打印件）", source="顾客提供", purpose="证明购买时间和价款"
            ),
        )
    )
    # What he handed in, as the desk lists it: each thing, photographed or not, linked to the photo of it.
    with library.edit(case.number) as writer:
        shown = {e.title: e.number for e in writer.case.exhibits}
        handed = [
            HandedItem("手机", 1, "object", "kept", [shown["手机实物照片"]]),
            HandedItem("电子发票（打印件）", 1, "copy", "returned", [shown["电子发票（打印件）"]]),
            HandedItem("充电器、数据线", 2, "object", "kept"),
        ]
        writer.update(dataclasses.replace(writer.case, handed_items=handed))
    return case.number


# 证据组 (spec §1): the facts the sample's exhibits prove, each group's exhibits together, in this order.
GROUPS = [
    ("第一组：购买事实及商品价值", ("订单详情截图", "电子发票", "购买协议")),
    ("第二组：签收时商品已损坏", ("外包装", "开箱视频", "商品外观")),
    ("第三组：与商家、快递公司交涉经过", ("与客服", "投诉邮件", "退货退款申请", "物流理赔单", "快递网点")),
]


def arrange_evidence(library: Library, number: str) -> None:
    """Put the sample's exhibits in evidence groups and in group order, as a user would in the evidence tab."""
    case = library.load_case(number)
    order: list[int] = []
    with library.edit(number) as writer:
        for group, titles in GROUPS:
            for e in case.ordered_exhibits():
                if not e.withdrawn and e.number not in order and e.title.startswith(titles):
                    writer.update_exhibit(e.number, group=group)
                    order.append(e.number)
        writer.put_first(order)


def render(
    library: Library,
    number: str,
    venue: Venue,
    route: Route | None,
    layout: str,
    settings: Settings,
    out: Path,
    samples: dict[str, Path],
) -> None:
    """Build one packet of case ``number`` and render its pages under ``out``."""
    # The court packet also as one file per component, for online filing.
    options = BundleOptions(venue, force=True, layout=layout, components=venue is Venue.COURT, route=route)
    result = [r for r in build_bundle(library, number, options, settings) if isinstance(r, BundleResult)][0]
    pdf = result.files[0]
    name = f"{venue.value}-{layout}" if venue is Venue.RECEIPT else venue.value
    if route is not None:
        name += f"-{route.value}"
    shutil.copyfile(pdf, out / f"{name}.pdf")
    pages_dir = out / name
    pages_dir.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(pages_dir / "p")], check=True)
    print(f"{name}: {result.pages} pages -> {out / (name + '.pdf')}")
    samples[name] = pdf
    if result.guidance_file is not None:
        shutil.copyfile(result.guidance_file, out / f"{name}-guidance.pdf")
        print(f"{name}: guidance -> {out / (name + '-guidance.pdf')}")
    for component in result.components:
        target = out / f"{name}-components" / component.name.rsplit("-", 1)[-1]
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(component, target)
        print(f"{name}: component -> {target}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", action="store_true")
    args = parser.parse_args()
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    files = make_files(out / "files")
    samples: dict[str, Path] = {}
    # The law firm's CaseFile: the lawyer (李律师) builds the consumer's packets; the court packet last, as the
    # clause is contested only once arbitration is not taken.
    set_organisation(SETTINGS.org_name, SETTINGS.org_credit_code)  # each CaseFile's cases read as its settings say
    library = Library.open(out / "library", "李律师")
    number = build_case(library, files)
    arrange_evidence(library, number)
    for venue, route in [
        (Venue.CONSUMER_ASSOCIATION, None),
        (Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR),
        (Venue.ARBITRATION, None),
        (Venue.COURT, None),
    ]:
        if venue is Venue.COURT:
            # A court takes the case only when the arbitration clause does not bind the parties.
            stored = library.load_case(number)
            clause = next(e for e in stored.exhibits if e.kind is EvidenceKind.ARBITRATION_AGREEMENT)
            with library.edit(number) as writer:
                writer.update_exhibit(
                    clause.number,
                    agreement_status="invalid",
                    agreement_reason="格式条款，商家未以显著方式提示，消费者主张其不成为合同内容",
                    # The plaintiff's own list must not say the clause binds: it states the plaintiff's position.
                    purpose="证明该条款系店铺预设的格式条款，未以显著方式提示，应属无效",
                )
        render(library, number, venue, route, "a5", SETTINGS, out, samples)
    library.close()
    # The merchant's own CaseFile, with its own cases: its after-sales contact (赵六) claims from the carrier
    # (the claimant defaults to the organisation in the settings) ...
    merchant = out / "merchant-library"
    set_organisation(MERCHANT_SETTINGS.org_name, MERCHANT_SETTINGS.org_credit_code)
    library = Library.open(merchant, "赵六")
    number = build_courier_case(library, files)
    for route in (None, Route.POSTAL_REGULATOR):
        render(library, number, Venue.COURIER_CLAIM, route, "a5", MERCHANT_SETTINGS, out, samples)
    library.close()
    # ... and the clerk at its counter (刘芳, 工号 A017) registers the customer who comes in and gives him the
    # receipt: the business complained about acknowledges the complaint.
    library = Library.open(merchant, "刘芳")
    number = build_receipt_case(library, files)
    clerk = dataclasses.replace(MERCHANT_SETTINGS, operator="刘芳", clerk_id="A017")
    for layout in ("a5", "80mm"):
        render(library, number, Venue.RECEIPT, None, layout, clerk, out, samples)
    if args.docs:
        docs = REPO / "docs"
        docs.mkdir(exist_ok=True)
        first = {
            "consumer-association": 2,
            "arbitration": 2,
            "court": 2,
            "courier-claim": 2,
            "receipt-a5": 1,
            "receipt-80mm": 1,
        }
        for name, page in first.items():
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(samples[name]),
                    str(docs / f"bundle-{name}"),
                ],
                check=True,
            )
    library.close()


if __name__ == "__main__":
    main()
