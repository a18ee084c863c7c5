"""Hostile exhibits stay bounded: work linear in their size, memory capped, and no layout error.

Timings are left to ``tools/dev bench hostile``; these tests count function calls, measure a
child process's peak memory, and read the pages back.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import subprocess
import sys
from pathlib import Path

import pytest
from casefile_testing import filed_case
from PIL import Image, ImageDraw
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
REPO = Path(__file__).resolve().parents[2]


def build(library: Library, number: str, venue: Venue = Venue.COURT) -> BundleResult:
    result = list(build_bundle(library, number, BundleOptions(venue, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    return result


def case_with(library: Library, path: Path, **options: str) -> str:
    case = filed_case(library)
    list(add_files(library, case.number, [path], AddOptions(**{"purpose": "证明", **options})))
    return case.number


def one_line(size: int) -> str:
    unit = '{"time":"2026-11-20 10:01:02","from":"客服","text":"您好，请提供订单号和照片。"},'
    return (unit * (size // len(unit.encode()) + 1))[: size // 2]


def calls(library: Library, number: str) -> int:
    """Python function calls made building the bundle: an operation count, not a timing."""
    profile = cProfile.Profile()
    profile.enable()
    build(library, number)
    profile.disable()
    return sum(s[1] for s in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def test_a_one_line_text_exhibit_costs_work_linear_in_its_length(library, tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    (small / "export.json").write_text(one_line(30_000), "utf-8")
    (large / "export.json").write_text(one_line(120_000), "utf-8")
    a, b = case_with(library, small), case_with(library, large)
    build(library, a)  # fonts and caches loaded once, outside the count
    ratio = calls(library, b) / calls(library, a)
    assert ratio < 6, f"4 x the text cost {ratio:.1f} x the calls: not linear"


def test_a_long_line_is_printed_whole_and_in_order(library, tmp_path):
    text = "".join(f"{i:05d}" for i in range(4000))  # one 20,000-character word: no place to break
    (tmp_path / "log.txt").write_text(text, "utf-8")
    number = case_with(library, tmp_path / "log.txt")
    pages = [p.extract_text() or "" for p in PdfReader(build(library, number).files[0]).pages]
    content = [p for p in pages if "本页系电子数据直接输出" in p]  # the exhibit's own pages
    printed = "".join(line for p in content for line in p.splitlines() if line.isdigit())
    assert printed == text


def test_4_5_kb_titles_sources_and_purposes_never_break_a_bundle(library, tmp_path):
    (tmp_path / "chat.txt").write_text("客服: 您好\n", "utf-8")
    long = "某某数码旗舰店客服在淘宝App内的聊天记录，" * 75 + "完"  # 4.5 KB of UTF-8
    # A title is at most 500 characters when typed, a purpose 300; sources may be 4.5 KB and more, and so may a
    # purpose recorded before purposes had a limit.
    number = case_with(library, tmp_path / "chat.txt", title=long[:500], source=long + "源")
    from casefile.core import record

    with library.edit(number) as writer:
        writer.record(record.EXHIBIT_UPDATE, {"exhibit": 1, "fields": {"purpose": long + "的"}})
    for venue in (Venue.CONSUMER_ASSOCIATION, Venue.COURT, Venue.COURIER_CLAIM, Venue.RECEIPT):
        result = build(library, number, venue)
        pages = [(p.extract_text() or "").replace("\n", "") for p in PdfReader(result.files[0]).pages]
        if venue is Venue.RECEIPT:
            continue
        separator = next(p for p in pages if "证据1 第1/" in p)
        assert "以下从略" in separator and "SHA-256" in separator  # cut, with its hash and QR still there
        listing = "".join(p for p in pages if "证据来源" in p and "证明目的" in p)
        assert "完源" in listing and "完的" in listing  # the evidence list has them whole


def big_png(path: Path, width: int, height: int, *, interlaced: bool = False) -> None:
    """An RGB PNG with a pattern, written row by row (never the whole picture in memory)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(6)
    light, dark = b"\0" + b"\xf0\xf0\xf0" * width, b"\0" + b"\x20\x40\x80" * width
    data = b"".join(packer.compress(dark if (y // 500) % 2 else light) for y in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1 if interlaced else 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def test_a_picture_too_big_to_decode_or_cut_into_strips_gets_a_notice(library, tmp_path):
    big_png(tmp_path / "poster.png", 9000, 9000, interlaced=True)  # 324 MB as Pillow would hold it
    number = case_with(library, tmp_path / "poster.png")
    joined = "".join((p.extract_text() or "") for p in PdfReader(build(library, number).files[0]).pages)
    assert "图像尺寸过大" in joined.replace("\n", "")


CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.library import Library
from casefile.core.settings import Settings
with Library.open(Path(sys.argv[2]), "t") as library:
    items = list(build_bundle(library, sys.argv[3], BundleOptions(Venue.COURT, force=True), Settings()))
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"peak_mb": peak / 1024, "file": str(items[-1].files[0])}))
"""


def one_bit_scan(path: Path, side: int) -> None:
    img = Image.new("1", (side, side), 1)
    draw = ImageDraw.Draw(img)
    for i in range(0, side, 400):
        draw.line((0, i, side, side - i), fill=0, width=7)
    img.save(path)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read a process's peak memory")
@pytest.mark.parametrize(
    "make",
    [
        # 64 MB as Pillow holds a one-bit image: decoded whole, reduced in strips (converting it whole took 1 GB).
        lambda path: one_bit_scan(path, 8000),
        # 324 MB as Pillow would hold it: over the decoding budget, so inflated and decoded a strip at a time.
        lambda path: big_png(path, 9000, 9000),
    ],
    ids=["one-bit-8000", "rgb-9000"],
)
def test_a_huge_scan_is_printed_reduced_in_bounded_memory(library, tmp_path, make):
    make(tmp_path / "scan.png")
    number = case_with(library, tmp_path / "scan.png")
    library.close()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(REPO), str(library.root), number],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["peak_mb"] < 320, report
    reader = PdfReader(report["file"])
    page = next(p for p in reader.pages if "原图" in (p.extract_text() or "") and "缩小为" in (p.extract_text() or ""))
    (image,) = page.images
    assert max(image.image.size) <= 2300  # about 300 dpi on the page, not 1,000
