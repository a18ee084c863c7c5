"""Reading built packets back as a reader (or a printer) sees them: text, word boxes, pixels.

Shared by the tests of page geometry, typography, guidance and component files. The poppler
tools (pdftotext, pdftoppm, pdffonts) read the PDFs as any viewer would; tests that need
them are skipped with a reason where they are not installed.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from html import unescape
from pathlib import Path

from casefile_testing import make_case, need
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, BundleResult, build_bundle
from casefile.core.bundle.context import Venue
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import Demand, DemandType, Party, PartyKind, case_from_data, case_to_data
from casefile.core.progress import Progress
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司", org_phone="400-800-1234", org_address="上海市浦东新区某路1号")
MM = 72 / 25.4  # points in a millimetre


def build(library: Library, number: str, venue: Venue, **options: object) -> BundleResult:
    items = list(build_bundle(library, number, BundleOptions(venue, **options), SETTINGS))  # type: ignore[arg-type]
    assert all(isinstance(i, Progress) for i in items[:-1])
    result = items[-1]
    assert isinstance(result, BundleResult)
    return result


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext extracts it (through the fonts' ToUnicode maps)."""
    need("pdftotext")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    pages = out.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class Word:
    text: str
    x0: float  # points from the left edge
    y0: float  # points from the top edge
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[list[Word]]  # as pdftotext groups them: one visual line of one block each

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line]

    @property
    def text(self) -> str:
        return "\n".join("".join(w.text for w in line) for line in self.lines)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(r"<line [^>]*>(.*?)</line>", re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)


def layout(path: Path) -> list[Page]:
    """Every page's lines and word boxes (pdftotext -bbox-layout)."""
    need("pdftotext")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for width, height, body in _PAGE.findall(out):
        lines = [
            [Word(unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in _WORD.findall(line)]
            for line in _LINE.findall(body)
        ]
        pages.append(Page(float(width), float(height), [line for line in lines if line]))
    return pages


def render(path: Path, page: int, folder: Path, dpi: int = 50, *, colour: bool = False) -> Image.Image:
    """One page (1-based) as a picture: greyscale, or RGB with ``colour``."""
    need("pdftoppm")
    stem = folder / f"render-{path.stem}-{page}-{dpi}"
    mode = [] if colour else ["-gray"]
    subprocess.run(
        ["pdftoppm", *mode, "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path), str(stem)],
        check=True,
    )
    with Image.open(f"{stem}.{'ppm' if colour else 'pgm'}") as img:
        return img.convert("RGB" if colour else "L")


def ink_columns(img: Image.Image, threshold: int = 200) -> tuple[int, int] | None:
    """(first, last) column with any ink darker than ``threshold``; None for a blank page."""
    dark = img.point(lambda v: 255 if v < threshold else 0)
    box = dark.getbbox()
    return (box[0], box[2]) if box else None


def two_page_pdf(path: Path, text: str = "Receipt") -> None:
    """A small evidence PDF whose text runs right up to its edges (so a page placed too close
    to the binding edge shows it)."""
    canvas = Canvas(str(path), pagesize=(300, 400))
    for n in (1, 2):
        canvas.rect(2, 2, 296, 396, stroke=1, fill=0)
        canvas.drawString(4, 300, f"{text} page {n}")
        canvas.showPage()
    canvas.save()


def mixed_case(library: Library, folder: Path, *, parties: bool = True) -> str:
    """A case with a photo, a screenshot, a tiny photo, a PDF and a chat, and both parties."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1600, 1200), (30, 90, 160)).save(folder / "外包装.jpg", quality=85)
    Image.new("RGB", (720, 1280), (240, 240, 240)).save(folder / "Screenshot_订单.png")
    Image.new("RGB", (100, 68), (200, 20, 20)).save(folder / "小图.jpg", quality=90)
    two_page_pdf(folder / "发票.pdf")
    chat = [
        "2026-11-20 10:01:02 客服小王: 您好，请问有什么可以帮您？",
        "2026-11-20 10:02:00 张三: 手机屏幕碎了（收货时就是这样），运单号SF1234567890123，电话13812345678。",
        "2026-11-20 10:03:10 客服: 请拍照上传，并提供订单号TB2026112000001。",
    ]
    (folder / "chat.txt").write_text("\n".join(chat) + "\n", "utf-8")
    case = make_case(library, priority="important")
    if parties:
        with library.edit(case.number) as writer:
            changed = case_from_data(case_to_data(writer.case))
            changed.complainant = Party(
                PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区某路8号", id_number=""
            )
            changed.respondent = Party(PartyKind.ORGANISATION, name="某某数码旗舰店", address="杭州市余杭区某街1号")
            changed.transaction.order_no = "TB2026112000001"
            changed.transaction.amount = Decimal("1299.00")
            changed.facts = "2026年11月18日收到手机，开箱发现屏幕碎裂。"
            changed.demands = [Demand(DemandType.REFUND, Decimal("1299.00"))]
            changed.shipment.waybill_no = "SF1234567890123"
            writer.update(changed)
    list(add_files(library, case.number, sorted(folder.iterdir()), AddOptions(purpose="证明商品收货时即已损坏")))
    return case.number


def statuses_after_tampering(library: Library, number: str, path: Path) -> list[object]:
    """Change one byte of a saved bundle file (flipped, so it always differs), verify the case: the statuses
    reported for that file."""
    from casefile.core.verify import verify_case

    path.chmod(0o644)
    offset = min(1500, path.stat().st_size // 2)
    with open(path, "r+b") as fh:
        fh.seek(offset)
        was = fh.read(1)
        fh.seek(offset)
        fh.write(
            bytes([was[0] ^ 0xFF])
        )  # a different byte whatever was there (writing b"X" over an "X" changed nothing)
    report = list(verify_case(library, number))[-1]
    return [f.status for f in report.files if f.path == f"bundles/{path.name}"]


def photo_skeleton(folder: Path, sizes: list[tuple[int, int]]) -> tuple[Path, dict[str, tuple[Path, str]]]:
    """A packet's skeleton as the photos' fill reads it: one page a photo (a JPEG of each size,
    tokens 00001, 00002…), its data a placeholder; and the photos by token, with their SHA-256."""
    import hashlib

    import pikepdf

    from casefile.core.bundle.imagepage import JpegHeader, write_jpeg_page

    pages, sources = [], {}
    for n, size in enumerate(sizes, start=1):
        token = f"{n:05d}"
        path = folder / f"p{token}.jpg"
        Image.new("RGB", size, (10, 20, 30)).save(path)
        sources[token] = (path, hashlib.sha256(path.read_bytes()).hexdigest())
        page = folder / f"page{token}.pdf"
        with Image.open(path) as img:
            write_jpeg_page(JpegHeader.of(img), page, token)
        pages.append(page)
    skeleton = folder / "skeleton.pdf"
    with pikepdf.new() as out:
        for page in pages:
            with pikepdf.open(page) as src:
                out.pages.extend(src.pages)
        out.save(skeleton, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return skeleton, sources
