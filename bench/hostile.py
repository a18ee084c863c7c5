"""Hostile exhibits: time and peak memory of a bundle holding one of each, against the budget.

Each case is a court bundle of a single exhibit that once stalled or broke bundles: a
13000 x 13000 one-bit PNG (a scan at absurd resolution), a 9000 x 9000 colour PNG (too big
to decode whole), text files that are one line of 100 KB to 5 MB (a minified chat export),
an exhibit whose title, source and purpose are 4.5 KB each, and a PDF of 2,000 pages.
Every run builds the bundle in a fresh child process, so the peak resident memory measured
(its VmHWM) is CaseFile's alone; the time is the build itself, without starting Python.
Budget for any single exhibit: linear time, and at most 500 MB peak memory.

    tools/dev bench hostile [--runs 5] [--only NAME,NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MEMORY_BUDGET_MB = 500
LONG_FIELD = 4500  # bytes of UTF-8


def make_png(path: Path) -> None:
    """13000 x 13000, one bit a pixel: a few MB on disk, 169 MB as Pillow holds it."""
    from PIL import Image, ImageDraw

    img = Image.new("1", (13000, 13000), 1)
    draw = ImageDraw.Draw(img)
    for i in range(0, 13000, 250):
        draw.line((0, i, 13000, 13000 - i), fill=0, width=9)
        draw.rectangle((i, i, i + 120, i + 60), fill=0)
    img.save(path, optimize=False)


def make_rgb_png(path: Path, width: int, height: int) -> None:
    """A colour PNG too big to decode whole (324 MB as Pillow would hold it), written row by row."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(6)
    light, dark = b"\0" + b"\xf0\xe8\xe0" * width, b"\0" + b"\x20\x40\x80" * width
    data = b"".join(packer.compress(dark if (y // 300) % 2 else light) for y in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def make_text(path: Path, size: int) -> None:
    """One line of ``size`` bytes: a chat export written without newlines."""
    unit = '{"time":"2026-11-20 10:01:02","from":"客服小王","text":"您好，请提供订单号和照片，我们会尽快处理。"},'
    data = unit.encode("utf-8")
    path.write_bytes((data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8"))


def make_pdf(path: Path, pages: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(595, 842))
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 11)
        for k in range(40):
            canvas.drawString(60, 780 - 18 * k, f"Statement page {n}, line {k + 1}: order TB2026112000{k:03d} refunded")
        canvas.showPage()
    canvas.save()


CASES = {
    "png-13000x13000-1bit": "the 13000 x 13000 one-bit PNG",
    "png-9000x9000-rgb": "a 9000 x 9000 colour PNG (decoded a strip at a time)",
    "text-100KB-one-line": "100 KB text, one line",
    "text-450KB-one-line": "450 KB text, one line",
    "text-1MB-one-line": "1 MB text, one line",
    "text-5MB-one-line": "5 MB text, one line (4 MB printed)",
    "fields-4.5KB": "title, source and purpose of 4.5 KB each",
    "pdf-2000-pages": "a PDF of 2,000 pages",
}


def prepare(root: Path, names: list[str]) -> dict[str, str]:
    """A library with one case per hostile exhibit; returns name -> case number."""
    from casefile.core.evidence import AddOptions, add_files
    from casefile.core.library import Library, case_from_fields

    inputs = root / "in"
    inputs.mkdir()
    library = Library.open(root / "lib", "bench")
    numbers = {}
    try:
        for name in names:
            folder = inputs / name
            folder.mkdir()
            options = AddOptions(purpose="证明商品收货时即已损坏")
            if name.startswith("png-13000"):
                make_png(folder / "scan.png")
            elif name.startswith("png-9000"):
                make_rgb_png(folder / "scan.png", 9000, 9000)
            elif name.startswith("text"):
                size = {"100KB": 100_000, "450KB": 450_000, "1MB": 1_000_000, "5MB": 5_000_000}[name.split("-")[1]]
                make_text(folder / "chat-export.json", size)
            elif name.startswith("fields"):
                (folder / "chat.txt").write_text("客服: 您好\n我: 屏幕碎了\n", "utf-8")
                long = "某某数码旗舰店客服在淘宝App内的聊天记录，" * (LONG_FIELD // 60)
                options = AddOptions(title=long, source=long, purpose=long)
            elif name.startswith("pdf"):
                make_pdf(folder / "statement.pdf", 2000)
            fields = {"title": name, "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
            case = library.create_case(case_from_fields(fields))
            list(add_files(library, case.number, [folder], options))
            numbers[name] = case.number
    finally:
        library.close()
    return numbers


def child(library_path: str, number: str) -> None:
    """Build one court bundle; print the seconds it took, as JSON."""
    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.library import Library
    from casefile.core.settings import Settings

    with Library.open(Path(library_path), "bench") as library:
        start = time.perf_counter()
        result = None
        if number:
            options = BundleOptions(Venue.COURT, force=True)
            for item in build_bundle(library, number, options, Settings(org_name="某某律师事务所")):
                if isinstance(item, BundleResult):
                    result = item
        seconds = time.perf_counter() - start
    if result is not None:
        for f in result.files:
            os.chmod(f, 0o644)
            f.unlink()
    print(json.dumps({"seconds": seconds, "pages": result.pages if result else 0, "peak_mb": own_peak_mb()}))


def own_peak_mb() -> float | None:
    """This process's peak resident memory since it started (Linux); None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None


def run_child(library: Path, number: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, pages) of one bundle built in a fresh process."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(library), number], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"the bundle of case {number} failed (exit {proc.returncode})")
    report = json.loads(out.strip().splitlines()[-1])
    # The child's own high-water mark; ru_maxrss would also count what it shared with this
    # process before it started Python.
    peak = report["peak_mb"] if report["peak_mb"] is not None else usage.ru_maxrss / 1024
    return report["seconds"], peak, report["pages"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--child", nargs=2, metavar=("LIBRARY", "CASE"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=2, metavar=("ROOT", "NAMES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.prepare:
        print(json.dumps(prepare(Path(args.prepare[0]), args.prepare[1].split(","))))
        return
    names = [n for n in CASES if not args.only or n in args.only.split(",")]
    with tempfile.TemporaryDirectory(prefix="casefile-hostile-") as tmp:
        root = Path(tmp)
        print("making the hostile exhibits…", file=sys.stderr)
        # In a child process: this one stays small, so the children it starts begin small
        # (a child's peak resident memory counts what it shared with its parent before exec).
        made = subprocess.run(
            [sys.executable, __file__, "--prepare", str(root), ",".join(names)],
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        numbers = json.loads(made.stdout.strip().splitlines()[-1])
        _s, baseline, _p = run_child(root / "lib", "")
        print(f"runs: {args.runs} per case, each in a fresh process; budget: linear time, <= {MEMORY_BUDGET_MB} MB")
        print(f"a process that loads CaseFile and opens the library, building nothing: {baseline:.0f} MB peak")
        print(f"{'case':22} {'pages':>5}  {'time s: min / median / max':>28}  {'peak MB: min / median / max':>29}")
        worst = 0.0
        for name in names:
            results = [run_child(root / "lib", numbers[name]) for _ in range(args.runs)]
            times = [r[0] for r in results]
            peaks = [r[1] for r in results]
            worst = max(worst, max(peaks))
            print(
                f"{name:22} {results[0][2]:5d}  {min(times):8.2f} / {statistics.median(times):6.2f} / {max(times):6.2f}"
                f"  {min(peaks):9.0f} / {statistics.median(peaks):6.0f} / {max(peaks):6.0f}"
                f"  {'ok' if max(peaks) <= MEMORY_BUDGET_MB else 'OVER BUDGET'}"
            )
        print(f"largest peak {worst:.0f} MB (budget {MEMORY_BUDGET_MB} MB)")


if __name__ == "__main__":
    main()
