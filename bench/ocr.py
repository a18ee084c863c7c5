"""OCR on screenshots and photos whose text is known: character error rate and seconds per image.

The pictures are made here, their text known character by character:

- CaseFile's own window: a case's facts in the overview tab (Qt's own text rendering, under
  Xvfb when DISPLAY is set -- run it with ``xvfb-run`` -- else offscreen), grabbed as a screenshot;
- WeChat-style chats (grey background, green and white bubbles, avatars, a time line), 淘宝-style
  order pages, courier waybills and shop receipts drawn with the bundled font (WenQuanYi Micro Hei);
- "photos" of waybills and receipts: the same drawn, turned by a few degrees, blurred, with noise,
  saved as JPEG.

Each is read by CaseFile's OCR worker (one process, its models loaded once, as the app runs it;
``--threads`` as the app chooses unless given). CER is the edit distance between what was read
and the text drawn, whitespace removed, over the length of the text drawn (reading order: lines
top to bottom). Prints each picture's CER and seconds, then min / median / max by kind and overall.

    PYTHONPATH=$PWD xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python bench/ocr.py [--per-kind 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="casefile-ocr-bench-home-")
os.environ.setdefault("CASEFILE_CONFIG_DIR", os.path.join(_HOME, "config"))  # never the user's own settings
os.environ.setdefault("CASEFILE_CACHE_DIR", os.path.join(_HOME, "cache"))

from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from casefile.core.search.ocr import OcrWorker, default_threads, unavailable  # noqa: E402
from casefile.core.search.texts import DerivedText  # noqa: E402
from casefile.resources import resource_path  # noqa: E402

FONT = str(resource_path("fonts", "wqy-microhei.ttc"))

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "志强",
]
CITIES = [
    "北京市朝阳区建国路",
    "上海市浦东新区世纪大道",
    "广州市天河区体育西路",
    "杭州市西湖区文三路",
    "成都市武侯区人民南路",
]
GOODS = [
    "华为Mate60手机",
    "小米空气净化器4",
    "美的电饭煲MB-FB40",
    "耐克运动鞋AirMax",
    "联想笔记本小新Pro14",
    "九阳豆浆机",
]
CHAT_LINES = [
    "您好，我收到的手机屏幕是碎的",
    "亲，麻烦您提供一下开箱视频哦",
    "视频已经发给你们了，请尽快处理",
    "已为您申请退款，金额{amount}元",
    "快递单号是{waybill}，请查收",
    "我要求退货退款，不接受换货",
    "好的亲，售后专员会在24小时内联系您",
    "如果今天不处理我就向12315投诉",
    "订单号{order}，下单时间{date}",
    "商品与描述不符，包装也破损了",
]
FACTS = [
    "2026年11月18日，消费者在某某数码旗舰店购买手机一部，价款{amount}元。收货后开箱发现屏幕碎裂，"
    "当即联系客服要求退货退款，客服以人为损坏为由拒绝。消费者提供了开箱视频和快递面单照片。",
    "消费者称，其于网上订购的空气净化器在使用三天后出现异响，商家承诺上门维修但一直未安排。"
    "消费者要求更换新品并赔偿误工损失，商家只同意维修。双方协商未果，消费者向本会投诉。",
    "快递单号{waybill}的包裹在运输途中丢失，快递公司仅愿按运费三倍赔偿。寄件人主张按保价金额"
    "{amount}元赔偿，并提供了保价凭证、聊天记录和商品购买记录作为证据。",
]


@dataclass
class Sample:
    kind: str
    image: Image.Image
    truth: list[str]  # the lines drawn, in reading order


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size)


def _fill(text: str, rng: random.Random) -> str:
    return text.format(
        amount=f"{rng.randint(99, 9999)}.{rng.randint(0, 99):02d}",
        waybill=f"SF{rng.randint(10**12, 10**13 - 1)}",
        order=str(rng.randint(10**17, 10**18 - 1)),
        date=f"2026-11-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    )


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}"


def _when(rng: random.Random) -> str:
    return (
        f"2026-11-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    )


def chat(rng: random.Random) -> Sample:
    """A WeChat-style chat: time line, bubbles left (white) and right (green), avatars."""
    width = 750
    font = _font(30)
    small = _font(22)
    lines = [_fill(rng.choice(CHAT_LINES), rng) for _ in range(6)]
    height = 140 + 130 * len(lines)
    image = Image.new("RGB", (width, height), (237, 237, 237))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 88), fill=(247, 247, 247))
    title = _name(rng)
    draw.text((width // 2, 44), title, font=_font(32), fill=(25, 25, 25), anchor="mm")
    clock = f"{rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}"
    draw.text((width // 2, 115), clock, font=small, fill=(150, 150, 150), anchor="mm")
    truth = [title, clock]
    y = 150
    for i, text in enumerate(lines):
        mine = i % 2 == 1
        box = draw.textbbox((0, 0), text, font=font)
        max_text = width - 220
        if box[2] > max_text:  # wrap in two lines
            cut = len(text) * max_text // box[2]
            parts = [text[:cut], text[cut:]]
        else:
            parts = [text]
        text_w = max(draw.textbbox((0, 0), p, font=font)[2] for p in parts)
        bubble_h = 26 + 44 * len(parts)
        if mine:
            left = width - 110 - text_w - 36
            draw.rectangle((width - 90, y, width - 20, y + 70), fill=(90, 130, 200))
            color = (149, 236, 105)
        else:
            left = 110
            draw.rectangle((20, y, 90, y + 70), fill=(200, 140, 90))
            color = (255, 255, 255)
        draw.rounded_rectangle((left, y, left + text_w + 36, y + bubble_h), radius=8, fill=color)
        for j, part in enumerate(parts):
            draw.text((left + 18, y + 14 + 44 * j), part, font=font, fill=(20, 20, 20))
        truth.extend(parts)
        y += bubble_h + 40
    return Sample("chat", image.crop((0, 0, width, y + 20)), truth)


def order_page(rng: random.Random) -> Sample:
    """A 淘宝-style order page: status, goods, price, order number, times."""
    width = 750
    image = Image.new("RGB", (width, 900), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 180), fill=(255, 80, 0))
    status = rng.choice(["交易成功", "退款中", "卖家已发货", "交易关闭"])
    draw.text((40, 60), status, font=_font(40), fill="white")
    draw.rectangle((20, 210, width - 20, 430), fill="white")
    shop = rng.choice(["某某数码旗舰店", "优品家电专营店", "潮流鞋服官方店"])
    goods = rng.choice(GOODS)
    price = f"¥{rng.randint(99, 9999)}.00"
    draw.text((40, 230), shop, font=_font(30), fill=(30, 30, 30))
    draw.rectangle((40, 290, 160, 410), fill=(210, 210, 210))
    draw.text((180, 300), goods, font=_font(30), fill=(30, 30, 30))
    draw.text((180, 360), price, font=_font(30), fill=(255, 80, 0))
    draw.rectangle((20, 460, width - 20, 860), fill="white")
    rows = [
        f"订单编号：{rng.randint(10**17, 10**18 - 1)}",
        f"支付宝交易号：{rng.randint(10**15, 10**16 - 1)}",
        f"创建时间：{_when(rng)}",
        f"付款时间：{_when(rng)}",
        f"收货人：{_name(rng)} {_phone(rng)}",
    ]
    for i, row in enumerate(rows):
        draw.text((40, 490 + 70 * i), row, font=_font(26), fill=(90, 90, 90))
    return Sample("order", image, [status, shop, goods, price, *rows])


def waybill(rng: random.Random) -> Sample:
    """A courier waybill: ruled boxes, sender, receiver, addresses, a barcode."""
    width, height = 1000, 640
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, width - 10, height - 10), outline="black", width=3)
    number = f"SF{rng.randint(10**12, 10**13 - 1)}"
    draw.text((30, 30), "顺丰速运 标准快递", font=_font(34), fill="black")
    x = 560
    for _ in range(70):  # a barcode's stripes
        w = rng.choice((2, 3, 5))
        draw.rectangle((x, 30, x + w, 100), fill="black")
        x += w + rng.choice((2, 3))
    draw.text((560, 108), number, font=_font(26), fill="black")
    lines = [
        ("收", f"{_name(rng)} {_phone(rng)}", f"{rng.choice(CITIES)}{rng.randint(1, 300)}号"),
        ("寄", f"{_name(rng)} {_phone(rng)}", f"{rng.choice(CITIES)}{rng.randint(1, 300)}号"),
    ]
    truth = ["顺丰速运标准快递", number]
    y = 160
    for mark, who, where in lines:
        draw.line((10, y, width - 10, y), fill="black", width=2)
        draw.text((30, y + 40), mark, font=_font(56), fill="black")
        draw.text((130, y + 20), who, font=_font(32), fill="black")
        draw.text((130, y + 80), where, font=_font(32), fill="black")
        truth.extend([mark, who, where])
        y += 160
    draw.line((10, y, width - 10, y), fill="black", width=2)
    note = f"托寄物：{rng.choice(GOODS)} 保价：{rng.randint(1, 20) * 500}元"
    draw.text((30, y + 30), note, font=_font(28), fill="black")
    truth.append(note)
    return Sample("waybill", image, truth)


def receipt(rng: random.Random) -> Sample:
    """A shop receipt (小票): narrow, items, total, time."""
    width = 480
    items = rng.sample(GOODS, 3)
    lines = [rng.choice(["某某数码旗舰店", "优品家电专营店"]), f"单号：{rng.randint(10**9, 10**10 - 1)}"]
    total = 0
    for item in items:
        price = rng.randint(50, 3000)
        total += price
        lines.append(f"{item} ×1 {price}.00")
    lines += [
        f"合计：{total}.00元",
        f"收银员：{_name(rng)}",
        f"2026-11-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    ]
    image = Image.new("RGB", (width, 80 + 56 * len(lines)), (252, 252, 248))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((24, 40 + 56 * i), line, font=_font(26 if i else 32), fill=(40, 40, 40))
    return Sample("receipt", image, lines)


def photographed(sample: Sample, rng: random.Random, folder: Path) -> tuple[Sample, Path]:
    """The picture as a phone photo of it: turned a little, on a desk, soft, noisy, JPEG."""
    paper = sample.image.convert("RGB")
    desk = Image.new("RGB", (paper.width + 160, paper.height + 160), (120, 100, 80))
    desk.paste(paper, (80, 80))
    turned = desk.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(120, 100, 80))
    soft = turned.filter(ImageFilter.GaussianBlur(0.8))
    noise = Image.effect_noise(soft.size, 12).convert("RGB")
    noisy = Image.blend(soft, noise, 0.06)
    path = folder / f"photo-{sample.kind}-{rng.randint(0, 10**6)}.jpg"
    noisy.save(path, quality=72)
    return Sample(f"photo of {sample.kind}", noisy, sample.truth), path


def casefile_windows(folder: Path, count: int) -> list[tuple[Sample, Path]]:
    """Screenshots of CaseFile's window: a case's facts in the overview tab, as Qt draws them."""
    from casefile.core.library import Library, case_from_fields
    from casefile.core.settings import Settings
    from casefile.ui.app import make_application
    from casefile.ui.context import AppContext
    from casefile.ui.main_window import MainWindow
    from casefile.ui.tasks import TaskRunner

    from PySide6.QtCore import QSettings

    app = make_application(["bench-ocr"])
    app.setOrganizationName("CaseFileBench")  # the window's remembered layout goes to the bench's folder
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qsettings"))
    library = Library.open(folder / "library", "bench")
    runner = TaskRunner()
    runner.synchronous = True
    ctx = AppContext(library=library, settings=Settings(ocr_in_background=False), runner=runner)
    out = []
    rng = random.Random(7)
    for i in range(count):
        facts = _fill(FACTS[i % len(FACTS)], rng)
        case = library.create_case(
            case_from_fields(
                {
                    "title": "屏幕碎裂",
                    "complained_at": "2026-11-20T10:00+08:00",
                    "channel": "store",
                    "type": "quality",
                    "facts": facts,
                }
            )
        )
        window = MainWindow(ctx)
        window.resize(1200 + 80 * i, 900)
        window.show()
        window.open_case(case.number)
        window.workspace.setCurrentWidget(window.workspace.overview)
        app.processEvents()
        facts_box = window.workspace.overview.facts
        shot = facts_box.viewport().grab().toImage()
        path = folder / f"casefile-facts-{i}.png"
        shot.save(str(path))
        window.workspace.overview.revert()
        window.close()
        out.append((Sample("CaseFile window", Image.open(path).convert("RGB"), [facts]), path))
    library.close()
    return out


def squeeze(text: str) -> str:
    return "".join(text.split())


def distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(read: DerivedText, truth: list[str]) -> float:
    expected = squeeze("".join(truth))
    got = squeeze("".join(b.text for p in read.pages for b in p.boxes))
    return distance(got, expected) / max(1, len(expected))


def missed(read: DerivedText, truth: list[str]) -> int:
    """Characters drawn that were not read at all, wherever they are (reading order aside)."""
    expected = Counter(squeeze("".join(truth)))
    got = Counter(squeeze("".join(b.text for p in read.pages for b in p.boxes)))
    return sum((expected - got).values())


def spread(values: list[float], digits: int = 3) -> str:
    return " / ".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=3, help="pictures of each kind")
    parser.add_argument("--threads", type=int, default=0, help="OCR threads (default: as the app chooses)")
    parser.add_argument("--keep", metavar="DIR", help="keep the pictures in DIR")
    parser.add_argument("--show", action="store_true", help="print what was drawn and read where they differ")
    args = parser.parse_args()
    reason = unavailable()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 2
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory(prefix="casefile-ocr-bench-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        samples: list[tuple[Sample, Path]] = casefile_windows(folder, args.per_kind)
        for make in (chat, order_page, waybill, receipt):
            for i in range(args.per_kind):
                sample = make(rng)
                path = folder / f"{sample.kind}-{i}.png"
                sample.image.save(path)
                samples.append((sample, path))
                if sample.kind in ("waybill", "receipt"):
                    samples.append(photographed(sample, rng, folder))
        threads = args.threads or default_threads()
        start = time.perf_counter()
        with OcrWorker(threads=threads) as worker:
            worker.start()
            load = time.perf_counter() - start
            print(f"{worker.engine}; {threads} threads; models loaded in {load:.2f} s (cpu count {os.cpu_count()})")
            rows: dict[str, list[tuple[float, float]]] = {}
            characters = errors = 0.0
            lost = 0
            for sample, path in samples:
                mime = "image/jpeg" if path.suffix == ".jpg" else "image/png"
                begin = time.perf_counter()
                outcome = worker.read(path, mime)
                seconds = time.perf_counter() - begin
                if not isinstance(outcome, DerivedText):
                    print(f"{path.name}: not read: {outcome}")
                    continue
                rate = cer(outcome, sample.truth)
                length = len(squeeze("".join(sample.truth)))
                characters += length
                errors += rate * length
                lost += missed(outcome, sample.truth)
                rows.setdefault(sample.kind, []).append((rate, seconds))
                size = f"{sample.image.width}×{sample.image.height}"
                print(f"{sample.kind:18} {size:>10}  CER {rate:.3f}  {seconds:5.2f} s  {path.name}")
                if args.show and rate > 0:
                    print(f"    drawn: {squeeze(''.join(sample.truth))}")
                    print(f"    read:  {squeeze(''.join(b.text for p in outcome.pages for b in p.boxes))}")
        print()
        print(f"{'kind':18} {'n':>3}  {'CER min / median / max':>24}  {'s/image min / median / max':>28}")
        every: list[tuple[float, float]] = []
        for kind, values in rows.items():
            every += values
            rates, times = [v[0] for v in values], [v[1] for v in values]
            print(f"{kind:18} {len(values):3}  {spread(rates):>24}  {spread(times, 2):>28}")
        rates, times = [v[0] for v in every], [v[1] for v in every]
        print(f"{'all':18} {len(every):3}  {spread(rates):>24}  {spread(times, 2):>28}")
        print(
            f"characters: {int(characters)}, CER over all characters {errors / max(1.0, characters):.4f}; "
            f"characters not read at all (in any order): {lost}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
