"""Three users' journeys, end to end from the command line, with realistic data; every page rendered.

    .venv/bin/python tools/journeys.py OUT_DIR

1. A phone bought online with a defect: the consumer's 消协 packet, then the court (refused
   while the arbitration clause is in force), the arbitration application, and the court packet
   once the clause is contested;
2. a merchant's courier damage claim, then its 12305 appeal;
3. a walk-in complaint at the counter and its receipt (A5 and 80 mm).

Every step is a `casefile` command, as a command-line user types it (printed before it runs);
the files the users would bring (photos with their camera's capture time, an unboxing video,
a call recording, chat exports, PDFs) are made first. Packets land in OUT_DIR/<journey>/ with
each page as a PNG (pdftoppm, poppler-utils) and a contact sheet per packet to look at.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from PIL import Image, ImageDraw  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from sample_bundles import make_video  # noqa: E402

from casefile.core.bundle.pdfkit import FONT, register_fonts  # noqa: E402

CASEFILE = [sys.executable, "-m", "casefile"]


# --------------------------------------------------------------------------- valid identifiers


def resident_id(first17: str) -> str:
    """A resident ID number with its GB 11643 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def credit_code(first17: str) -> str:
    """A 统一社会信用代码 with its GB 32100 check character."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(chars.index(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + chars[(31 - total % 31) % 31]


# --------------------------------------------------------------------------- the users' files


def photo(
    path: Path, taken: str, label: str, colour: tuple[int, int, int], size: tuple[int, int] = (1600, 1200)
) -> None:
    """A phone photo: JPEG with the maker, model and capture time its camera writes (EXIF)."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((size[0] // 5, size[1] // 5, size[0] * 4 // 5, size[1] * 4 // 5), outline=(30, 30, 30), width=12)
    draw.line((size[0] // 5, size[1] // 5, size[0] * 4 // 5, size[1] * 4 // 5), fill=(240, 240, 240), width=8)
    draw.text((40, 40), label, fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "Xiaomi"  # Make
    exif[0x0110] = "Redmi K70"  # Model
    exif[0x0131] = "K70-V816.0.5"  # Software: the phone's firmware, not an editor
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken  # DateTimeOriginal
    ifd[0x9004] = taken
    ifd[0x9011] = "+08:00"  # OffsetTimeOriginal
    image.save(path, quality=88, exif=exif)
    stamp = _epoch(taken)
    os.utime(path, (stamp, stamp))


def _epoch(exif_time: str) -> float:
    from datetime import datetime, timedelta, timezone

    return datetime.strptime(exif_time, "%Y:%m:%d %H:%M:%S").replace(tzinfo=timezone(timedelta(hours=8))).timestamp()


def text_pdf(path: Path, title: str, lines: list[str]) -> None:
    register_fonts()
    canvas = Canvas(str(path))
    canvas.setFont(FONT, 16)
    canvas.drawString(72, 770, title)
    canvas.setFont(FONT, 11)
    for i, line in enumerate(lines):
        canvas.drawString(72, 740 - 18 * i, line)
    canvas.save()


def recording(path: Path, seconds: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * seconds)


# --------------------------------------------------------------------------- running commands


class Journey:
    def __init__(self, out: Path, name: str, library: Path, env: dict[str, str], operator: str) -> None:
        self.operator = operator
        self.out = out / name
        self.out.mkdir(parents=True)
        self.files = self.out / "files"
        self.files.mkdir()
        self.library = library
        self.env = env
        self.log = (self.out / "commands.txt").open("w", encoding="utf-8")

    def run(self, *args: str, ok: bool = True, operator: str = "") -> str:
        who = operator or self.operator
        command = [*CASEFILE, "--library", str(self.library), "--operator", who, *args]
        shown = "casefile " + shlex.join(command[len(CASEFILE) :])
        print(f"$ {shown}")
        self.log.write(f"$ {shown}\n")
        done = subprocess.run(command, capture_output=True, text=True, env=self.env, cwd=self.out)
        output = (done.stdout + done.stderr).strip()
        self.log.write(output + f"\n(exit {done.returncode})\n\n")
        if output and args[0] != "show":
            print("  " + output.replace("\n", "\n  "))
        if ok and done.returncode != 0:
            raise SystemExit(f"failed (exit {done.returncode}): {shown}")
        if not ok and done.returncode == 0:
            raise SystemExit(f"should have been refused: {shown}")
        return done.stdout

    def new_case(self, *args: str) -> str:
        return self.run("new", *args).strip().splitlines()[-1].split()[0]

    def intake(self, name: str, data: dict[str, object]) -> str:
        path = self.files / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return str(path)

    def bundle(self, number: str, name: str, *args: str) -> Path:
        target = self.out / f"{name}.pdf"
        self.run("bundle", number, *args, "--force", "-o", str(target))
        pages = self.out / name
        pages.mkdir()
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(target), str(pages / "p")], check=True)
        guidance = sorted(
            (self.library / "cases").glob(f"*{number}*/bundles/*-guidance.pdf"), key=lambda p: p.stat().st_mtime
        )
        if guidance:
            shutil.copyfile(guidance[-1], self.out / f"{name}-guidance.pdf")
        contact_sheet(pages, self.out / f"{name}-sheet.png")
        return target


def contact_sheet(pages: Path, target: Path, per_row: int = 6) -> None:
    images = [Image.open(p) for p in sorted(pages.glob("p-*.png"))]
    if not images:
        return
    w, h = max(i.width for i in images), max(i.height for i in images)
    rows = (len(images) + per_row - 1) // per_row
    sheet = Image.new("RGB", (w * min(per_row, len(images)), h * rows), "white")
    for k, image in enumerate(images):
        sheet.paste(image, ((k % per_row) * w, (k // per_row) * h))
    sheet.save(target)


# --------------------------------------------------------------------------- 1. a phone bought online


MERCHANT = {
    "kind": "organisation",
    "name": "杭州某某数码科技有限公司",
    "id_number": credit_code("91330110MA2H3K5L0"),
    "legal_representative": "李建国",
    "representative_title": "执行董事",
    "address": "浙江省杭州市余杭区文一西路1000号3幢501室",
    "postcode": "311121",
    "phone": "0571-88886666",
    "store": "某某数码旗舰店",
    "platform": "天猫",
}


def phone_defect(j: Journey) -> None:
    f = j.files
    photo(f / "IMG_20261120_190512.jpg", "2026:11:20 19:05:12", "black screen", (20, 20, 30))
    photo(f / "IMG_20261120_190540.jpg", "2026:11:20 19:05:40", "flicker", (60, 60, 90))
    photo(f / "IMG_20261120_190601.jpg", "2026:11:20 19:06:01", "box & IMEI", (200, 190, 170))
    order = Image.new("RGB", (720, 1280), (245, 245, 245))
    ImageDraw.Draw(order).text((40, 60), "Order TB3918273645501  6299.00", fill=(0, 0, 0))
    order.save(f / "Screenshot_20261120-191502_Tmall.png")
    (f / "旺旺聊天记录.txt").write_text(
        "2026-11-20 20:11:05 张三: 你好，18号收到的手机今天开始闪屏、黑屏，我要退货退款。\n"
        "2026-11-20 20:12:40 某某数码旗舰店客服: 亲，您的订单已超过七天无理由退货期限，只能寄回检测维修哦。\n"
        "2026-11-20 20:13:02 张三: 我18号才收到货，怎么就超过七天了？而且这是质量问题。\n"
        "2026-11-20 20:14:30 某某数码旗舰店客服: 系统显示已超期，只能维修。\n",
        "utf-8",
    )
    recording(f / "通话录音_20261121_1005.wav", 120)
    (f / "录音整理.txt").write_text(
        "00:00:04 客服：您好，某某数码旗舰店售后。\n"
        "00:00:10 张三：我18号收到的手机，20号就黑屏了，要求退货。\n"
        "*00:01:05 客服：我们确认是屏幕排线问题，但只能给您维修，不能退。\n"
        "00:01:40 张三：我不同意，质量问题我要退货退款。\n",
        "utf-8",
    )
    text_pdf(
        f / "电子发票.pdf",
        "浙江增值税电子普通发票",
        [
            "购买方：张三",
            "销售方：杭州某某数码科技有限公司",
            "货物：某品牌手机 X12 256G 黑色 1 部",
            "价税合计：6,299.00 元",
        ],
    )
    text_pdf(
        f / "商家书面答复.pdf",
        "天猫某某数码旗舰店 关于订单TB3918273645501售后申请的答复",
        [
            "张三先生：",
            "经检测，您反映的屏幕问题属于排线故障，我店可为您免费维修，",
            "但订单已超过七天无理由退货期限，不同意退货退款。",
            "天猫某某数码旗舰店 2026年11月22日",
        ],
    )
    text_pdf(
        f / "购买须知（含仲裁条款）.pdf",
        "天猫某某数码旗舰店 购买须知",
        ["……", "第八条 因本合同发生的争议，双方同意提交杭州仲裁委员会仲裁。", "……"],
    )
    complainant = {
        "kind": "person",
        "name": "张三",
        "gender": "男",
        "birth_date": "1990-05-01",
        "ethnicity": "汉族",
        "occupation": "软件工程师",
        "employer": "上海某某软件有限公司",
        "id_number": resident_id("31010419900501123"),
        "address": "上海市徐汇区漕溪北路88号5号楼201室",
        "postcode": "200030",
        "phone": "13812345678",
        "email": "zhangsan@example.com",
    }
    intake = j.intake(
        "intake.json",
        {
            "title": "新买手机三天黑屏，商家称超过七天拒绝退货",
            "complainant": complainant,
            "respondent": MERCHANT,
            "transaction": {
                "order_no": "TB3918273645501",
                "platform": "天猫",
                "product": "某品牌手机 X12",
                "brand_model": "X12 256G 黑色",
                "quantity": 1,
                "amount": "6299.00",
                "payment_method": "支付宝",
                "purchased_at": "2026-11-16T14:20:00+08:00",
                "received_at": "2026-11-18T19:40:00+08:00",
                # The screen first flickered on the evening of 11-20 (the first photo of it: 19:05).
                "fault_at": "2026-11-20T19:05:00+08:00",
            },
            "shipment": {
                "carrier": "某某速运",
                "waybill_no": "SF1402938475612",
                "signed_at": "2026-11-18T19:40:00+08:00",
            },
            "demands": [
                {"type": "refund", "amount": "6299.00", "basis": "", "description": ""},
                {"type": "compensation", "amount": "300.00", "basis": "", "description": "往返交通及误工费用"},
            ],
            "facts": "我于2026年11月16日在被投诉人经营的天猫某某数码旗舰店购买某品牌手机X12一部，11月18日签收。"
            "11月20日起手机反复闪屏、黑屏，无法正常使用。我当日联系客服要求退货退款，客服称订单“已超过七天无理由退货期限”，"
            "只同意寄回维修。",
        },
    )
    number = j.new_case(
        "--type",
        "quality",
        "--channel",
        "online",
        "--complained-at",
        "2026-11-23T09:30+08:00",
        "--priority",
        "important",
        "--from",
        intake,
    )
    j.run(
        "add",
        number,
        str(f / "IMG_20261120_190512.jpg"),
        str(f / "IMG_20261120_190540.jpg"),
        str(f / "IMG_20261120_190601.jpg"),
        "--source",
        "投诉人手机拍摄",
        "--purpose",
        "证明收货第三天起闪屏、黑屏",
    )
    j.run(
        "add",
        number,
        str(f / "Screenshot_20261120-191502_Tmall.png"),
        "--title",
        "天猫订单详情截图",
        "--source",
        "投诉人手机截屏",
        "--purpose",
        "证明购买时间、商品和价款",
    )
    j.run(
        "add",
        number,
        str(f / "电子发票.pdf"),
        "--kind",
        "receipt",
        "--title",
        "电子发票",
        "--source",
        "被投诉人开具",
        "--purpose",
        "证明价款6,299.00元",
    )
    j.run(
        "add",
        number,
        str(f / "旺旺聊天记录.txt"),
        "--kind",
        "chat",
        "--title",
        "与客服旺旺聊天记录",
        "--source",
        "投诉人天猫账号导出",
        "--purpose",
        "证明已要求退货，客服以超过七天为由拒绝",
    )
    j.run(
        "add",
        number,
        str(f / "通话录音_20261121_1005.wav"),
        "--title",
        "与客服通话录音",
        "--source",
        "投诉人手机通话录音",
        "--purpose",
        "证明客服承认屏幕排线问题",
    )
    j.run(
        "add",
        number,
        str(f / "商家书面答复.pdf"),
        "--kind",
        "document",
        "--title",
        "被投诉人书面答复",
        "--source",
        "被投诉人通过天猫售后通道发送",
        "--purpose",
        "证明被投诉人承认屏幕排线故障，但只同意维修、拒绝退货退款",
    )
    j.run(
        "add",
        number,
        str(f / "购买须知（含仲裁条款）.pdf"),
        "--kind",
        "arbitration-agreement",
        "--title",
        "购买须知第八条（仲裁条款）",
        "--source",
        "天猫店铺页面",
        "--purpose",
        "证明双方约定的仲裁机构",
    )
    shown = j.run("show", number, "--json")
    exhibits = {e["original_name"]: e["number"] for e in json.loads(shown)["exhibits"]}
    call = exhibits["通话录音_20261121_1005.wav"]
    chat = exhibits["旺旺聊天记录.txt"]
    clause = exhibits["购买须知（含仲裁条款）.pdf"]
    reply = exhibits["商家书面答复.pdf"]
    # Photos added in a batch are titled by their camera file names and share the purpose typed for the batch;
    # each gets a title saying what it shows and a purpose saying what it proves.
    for name, title, purpose in (
        ("IMG_20261120_190512.jpg", "收货第三天手机黑屏照片", "证明收货第三天（11月20日）手机出现黑屏"),
        ("IMG_20261120_190540.jpg", "手机屏幕闪烁照片", "证明手机屏幕反复闪烁（闪屏）"),
        ("IMG_20261120_190601.jpg", "手机包装盒及IMEI码照片", "证明出故障的手机即本次所购商品（IMEI码与包装盒一致）"),
    ):
        j.run("exhibit", number, str(exhibits[name]), "--title", title, "--purpose", purpose)
    j.run(
        "transcript",
        number,
        str(call),
        str(f / "录音整理.txt"),
        "--recorded-by",
        "张三",
        "--device",
        "iPhone 15",
        "--started-at",
        "2026-11-21T10:05:00+08:00",
        "--ended-at",
        "2026-11-21T10:07:00+08:00",
        "--place",
        "电话（138****5678 拨打店铺售后热线）",
        "--participant",
        "张三（本人）",
        "--participant",
        "店铺售后客服（自报工号 A017）",
        "--transcriber",
        "张三",
    )
    j.run(
        "event",
        number,
        "--kind",
        "chat",
        "--at",
        "2026-11-20T20:11+08:00",
        "--place",
        "天猫旺旺",
        "--summary",
        "我要求退货退款，客服称“已超过七天无理由退货期限”，只同意寄回维修",
        "--evidence",
        str(chat),
    )
    j.run(
        "event",
        number,
        "--kind",
        "call",
        "--at",
        "2026-11-21T10:05+08:00",
        "--summary",
        "电话联系店铺售后，客服承认屏幕排线问题，仍只同意维修",
        "--evidence",
        str(call),
    )
    j.run(
        "stage",
        number,
        "negotiation",
        "--at",
        "2026-11-22T15:00+08:00",
        "--note",
        "被投诉人书面答复只同意维修，我方要求退货退款，未达成一致",
        "--exhibit",
        str(reply),  # the reply in writing: the narratives cite it （见证据N）
    )
    j.run("edit", number, "--consumer-body", "杭州市余杭区消费者权益保护委员会")
    j.bundle(number, "1-消协", "--venue", "consumer-association", "--to", "消协")

    # The 消协 mediation fails; a lawyer takes the case to court.
    j.run(
        "edit",
        number,
        "--agent-name",
        "赵明",
        "--agent-law-firm",
        "上海某某律师事务所",
        "--agent-phone",
        "021-66668888",
        "--agent-licence",
        "13101201910123456",
        "--agent-id",
        resident_id("31011019850312201"),
        "--agent-authority",
        "special",
        "--court",
        "杭州市余杭区人民法院",
        "--mediation",
        "unsure",
        "--mediation-understood",
        "yes",
        "--preservation",
        "no",
    )
    # While the arbitration clause is in force, the court packet is refused (民诉法 art. 127(二)).
    j.run("bundle", number, "--venue", "court", "--force", ok=False)
    j.run("edit", number, "--arbitration-body", "杭州仲裁委员会")
    j.bundle(number, "2-仲裁", "--venue", "arbitration")
    # Later the clause is contested as a standard term never pointed out to the consumer.
    j.run(
        "exhibit",
        number,
        str(clause),
        "--agreement",
        "invalid",
        "--reason",
        "格式条款，店铺未以显著方式提示，消费者主张其不成为合同内容（民法典第四百九十六条）",
    )
    # The court packet's evidence list states the plaintiff's position on the clause, not that it binds.
    j.run("exhibit", number, str(clause), "--purpose", "证明该条款系店铺预设的格式条款，未以显著方式提示，应属无效")
    j.bundle(number, "3-法院", "--venue", "court", "--components")


# --------------------------------------------------------------------------- 2. a merchant's courier claim


def courier_claim(j: Journey) -> None:
    f = j.files
    photo(f / "IMG_20261122_121030.jpg", "2026:11:22 12:10:30", "crushed box, waybill", (170, 140, 100))
    photo(f / "IMG_20261122_121102.jpg", "2026:11:22 12:11:02", "box side 2", (160, 130, 95))
    photo(f / "IMG_20261122_121245.jpg", "2026:11:22 12:12:45", "cracked screen", (30, 30, 40))
    photo(f / "IMG_20261120_155810.jpg", "2026:11:20 15:58:10", "packed, before pickup", (190, 170, 140))
    make_video(f / "VID_20261122_121500.mp4", seconds=8)
    text_pdf(
        f / "运单.pdf",
        "某某速运 电子运单",
        [
            "运单号：SF2026112012345",
            "寄件：杭州某某数码科技有限公司",
            "收件：李** 北京市朝阳区****",
            "保价金额：3,000.00 元  保价费：15.00 元",
            "计费重量：1.2 kg",
        ],
    )
    text_pdf(
        f / "销售发票.pdf", "浙江增值税电子普通发票", ["货物：某品牌手机 X12 256G 黑色 1 部", "价税合计：6,299.00 元"]
    )
    carrier = {
        "kind": "organisation",
        "name": "某某速运有限公司",
        "id_number": credit_code("91440300MA5D8P2Q1"),
        "address": "广东省深圳市南山区科技南路18号",
        "phone": "95338",
    }
    recipient = {
        "kind": "person",
        "name": "李四",
        "phone": "13912345678",
        "address": "北京市朝阳区望京街道某小区3号楼1201",
    }
    intake = j.intake(
        "intake.json",
        {
            "title": "发往北京的手机运输中挤压破损，向快递公司索赔",
            "complainant": recipient,
            "courier": carrier,
            "transaction": {
                "order_no": "TB3920011223344",
                "platform": "天猫",
                "product": "某品牌手机 X12",
                "brand_model": "X12 256G 黑色",
                "quantity": 1,
                "amount": "6299.00",
            },
            "shipment": {
                "sender": MERCHANT,
                "recipient": recipient,
                "waybill_no": "SF2026112012345",
                "carrier": "某某速运",
                "outlet": "北京朝阳望京营业点",
                "freight": "23.00",
                "insured": "yes",
                "insured_value": "3000.00",
                "declared_value": "6299.00",
                "insurance_fee": "15.00",
                "weight": "1.2 kg",
                "shipped_at": "2026-11-20T16:00:00+08:00",
                "signed_at": "2026-11-22T11:30:00+08:00",
                "signer": "李四",
                "delivery_mode": "本人签收",
                "exception_type": "外箱挤压变形，手机屏幕碎裂",
                "exception_at": "2026-11-22T12:10:00+08:00",
                "discovered_at": "2026-11-22T12:10:00+08:00",
            },
            "demands": [{"type": "compensation", "amount": "3000.00", "basis": "", "description": "按保价金额赔偿"}],
            "facts": "我司于2026年11月20日通过某某速运向北京客户寄出手机一部，已保价3,000元。"
            "11月22日客户签收时发现外箱挤压变形，开箱后手机屏幕碎裂，派件员在场确认。",
        },
    )
    number = j.new_case(
        "--type",
        "logistics",
        "--channel",
        "online",
        "--complained-at",
        "2026-11-22T14:00+08:00",
        "--responsible-party",
        "courier",
        "--from",
        intake,
    )
    j.run(
        "add",
        number,
        str(f / "IMG_20261120_155810.jpg"),
        "--title",
        "发货前打包照片",
        "--source",
        "我司仓库拍摄",
        "--purpose",
        "证明发货时包装完好",
    )
    j.run(
        "add",
        number,
        str(f / "IMG_20261122_121030.jpg"),
        str(f / "IMG_20261122_121102.jpg"),
        str(f / "IMG_20261122_121245.jpg"),
        "--source",
        "收件人拍摄后发送",
        "--purpose",
        "证明签收时外箱挤压、屏幕碎裂",
    )
    # The batch's photos are titled by their camera file names and share the batch's purpose; each gets a title
    # saying what it shows and a purpose saying what it proves.
    added = {e["original_name"]: e["number"] for e in json.loads(j.run("show", number, "--json"))["exhibits"]}
    for name, title, purpose in (
        ("IMG_20261122_121030.jpg", "签收时外箱挤压及运单照片", "证明签收时外箱已受挤压，运单号与本次快件一致"),
        ("IMG_20261122_121102.jpg", "外箱另一侧挤压照片", "证明外箱另一侧同样受挤压"),
        ("IMG_20261122_121245.jpg", "手机屏幕碎裂照片", "证明箱内手机屏幕碎裂"),
    ):
        j.run("exhibit", number, str(added[name]), "--title", title, "--purpose", purpose)
    j.run(
        "add",
        number,
        str(f / "VID_20261122_121500.mp4"),
        "--title",
        "开箱视频",
        "--source",
        "收件人拍摄后发送",
        "--purpose",
        "证明开箱时内物已损坏",
    )
    j.run(
        "add",
        number,
        str(f / "运单.pdf"),
        "--kind",
        "waybill",
        "--title",
        "电子运单",
        "--source",
        "快递公司系统",
        "--purpose",
        "证明运单号、保价金额与重量",
    )
    j.run(
        "add",
        number,
        str(f / "销售发票.pdf"),
        "--kind",
        "receipt",
        "--title",
        "销售发票",
        "--source",
        "我司开具",
        "--purpose",
        "证明商品价值6,299.00元",
    )
    j.run(
        "event",
        number,
        "--kind",
        "complaint",
        "--with",
        "courier",
        "--ref",
        "GD20261122000123",
        "--at",
        "2026-11-22T15:00+08:00",
        "--summary",
        "向某某速运客服提出理赔申请",
    )
    j.run(
        "event",
        number,
        "--kind",
        "call",
        "--at",
        "2026-11-25T10:20+08:00",
        "--people",
        "某某速运理赔专员",
        "--summary",
        "快递公司答复只退运费，不按保价赔偿",
    )
    j.bundle(number, "1-快递理赔", "--venue", "courier-claim")
    j.bundle(number, "2-12305申诉", "--venue", "courier-claim", "--to", "12305")


# --------------------------------------------------------------------------- 3. a walk-in complaint


def walk_in(j: Journey) -> None:
    f = j.files
    photo(f / "IMG_耳机.jpg", "2026:11:29 10:12:00", "earbuds, left silent", (230, 230, 235), (1200, 900))
    photo(f / "IMG_小票.jpg", "2026:11:29 10:12:40", "receipt", (250, 250, 245), (900, 1200))
    number = j.new_case(
        "--type",
        "quality",
        "--channel",
        "store",
        "--priority",
        "normal",
        "--title",
        "蓝牙耳机左耳无声",
        "--complainant",
        "王五",
        "--phone",
        "13698765432",
        "--facts",
        "顾客称11月25日在本店购买的蓝牙耳机左耳无声，要求更换。",
    )
    j.run(
        "edit",
        number,
        "--product",
        "某品牌蓝牙耳机 A3",
        "--amount",
        "399.00",
        "--purchased-at",
        "2026-11-25T16:40+08:00",
        "--demand",
        "exchange",
    )
    j.run(
        "add",
        number,
        str(f / "IMG_耳机.jpg"),
        "--title",
        "耳机实物照片",
        "--source",
        "门店拍摄",
        "--purpose",
        "证明左耳无声的耳机",
    )
    j.run(
        "add",
        number,
        str(f / "IMG_小票.jpg"),
        "--kind",
        "receipt",
        "--title",
        "购物小票",
        "--source",
        "顾客提供",
        "--purpose",
        "证明购买时间和价款",
    )
    # What the customer handed in, as the walk-in desk lists it: the earbuds (kept) and the slip (given back),
    # each with the exhibit that shows it, and the charging case, kept, not photographed.
    shown = json.loads(j.run("show", number, "--json"))
    photo_of = {e["original_name"]: e["number"] for e in shown["exhibits"]}
    j.run(
        "edit",
        number,
        "--handed",
        f"蓝牙耳机,实物,留存,exhibit={photo_of['IMG_耳机.jpg']}",
        "--handed",
        f"购物小票,纸质,原件,退回,exhibit={photo_of['IMG_小票.jpg']}",
        "--handed",
        "充电盒,实物,留存",
    )
    j.bundle(number, "回执-A5", "--venue", "receipt")
    j.bundle(number, "回执-80mm", "--venue", "receipt", "--layout", "80mm")


def write_settings(folder: Path, **values: str) -> None:
    folder.mkdir(parents=True)
    settings = {
        "org_name": MERCHANT["name"],
        "org_credit_code": MERCHANT["id_number"],
        "org_address": MERCHANT["address"],
        "org_phone": MERCHANT["phone"],
        "org_legal_representative": MERCHANT["legal_representative"],
        **values,
    }
    (folder / "settings.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(os.environ, CASEFILE_CONFIG_DIR=str(out / "config"), PYTHONPATH=str(REPO))
    # The merchant's own details (设置 in the app): the claimant of its courier claims.
    write_settings(out / "config", operator="王店长", clerk_id="A023")
    # The store's counter PC: the clerk on duty and her 工号, printed on the receipt.
    counter = dict(env, CASEFILE_CONFIG_DIR=str(out / "counter-config"))
    write_settings(out / "counter-config", operator="刘芳", clerk_id="A017")
    # The law office that takes the consumer's case.
    office = dict(env, CASEFILE_CONFIG_DIR=str(out / "office-config"))
    write_settings(
        out / "office-config",
        operator="赵明",
        org_name="上海某某律师事务所",
        org_credit_code=credit_code("31310000MD0123456"),
        org_address="上海市静安区南京西路1000号20楼",
        org_phone="021-66668888",
        org_legal_representative="钱主任",
    )
    library = out / "library"
    phone_defect(Journey(out, "1-手机质量", library, office, "赵明"))
    courier_claim(Journey(out, "2-快递理赔", library, env, "王店长"))
    walk_in(Journey(out, "3-门店投诉", library, counter, "刘芳"))
    print(f"\nPackets, pages and contact sheets under {out}")


if __name__ == "__main__":
    main()
