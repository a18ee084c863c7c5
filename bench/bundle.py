"""Bundle speed and size: a court bundle of phone photos against img2pdf on the same photos.

img2pdf embeds JPEGs losslessly with nothing else on the page: the floor for time and
size. Both sides flush their output to disk (fsync). CaseFile's bundle adds the documents,
the evidence list, one separator page per photo with a QR code, stamps on every page and
the integrity annex. Goals: time ratio
3 or less, size ratio (bundle / photos) 1.05 or less, memory flat in the number of photos.
The photos carry what a phone writes (EXIF with the camera, the time and a GPS position);
``--venue consumer-association`` measures a packet whose photos go in as copies without it.

    tools/dev bench bundle [--photos 50] [--runs 5] [--venue court|consumer-association]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import img2pdf  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle  # noqa: E402
from casefile.core.evidence import AddOptions, add_files  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.settings import Settings  # noqa: E402


def phone_exif(i: int) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "HUAWEI", "HUAWEI P30"
    exif[0x0132] = f"2026:11:20 10:{i // 60:02d}:{i % 60:02d}"
    detail = exif.get_ifd(0x8769)
    detail[0x9003] = exif[0x0132]
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (31.0, 14.0, 30.0), "E", (121.0, 28.0, 12.0)
    return exif.tobytes()


def make_photos(folder: Path, count: int) -> list[Path]:
    """12 MP JPEGs (4000 x 3000) with enough detail to weigh what phone photos weigh, and EXIF."""
    rng = random.Random(7)
    base = Image.effect_noise((1000, 750), 60).convert("RGB").resize((4000, 3000))
    paths = []
    for i in range(count):
        img = base.copy()
        draw = ImageDraw.Draw(img)
        for _ in range(40):
            x, y = rng.randrange(4000), rng.randrange(3000)
            draw.ellipse(
                (x, y, x + rng.randrange(50, 600), y + rng.randrange(50, 600)),
                fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
            )
        path = folder / f"IMG_20261120_{i:04d}.jpg"
        img.save(path, quality=92, exif=phone_exif(i))
        paths.append(path)
    return paths


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    venues = [Venue.COURT, Venue.CONSUMER_ASSOCIATION]  # byte-for-byte photos; copies without metadata
    parser.add_argument("--venue", type=Venue, default=Venue.COURT, choices=venues)
    args = parser.parse_args()
    venue: Venue = args.venue
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        work = Path(tmp)
        (work / "photos").mkdir()
        print(f"making {args.photos} photos of 12 MP…", file=sys.stderr)
        # In a child process, so that this one's peak memory is the bundle's alone.
        maker = multiprocessing.get_context("spawn").Process(target=make_photos, args=(work / "photos", args.photos))
        maker.start()
        maker.join()
        photos = sorted((work / "photos").glob("*.jpg"))
        photo_bytes = sum(p.stat().st_size for p in photos)
        library = Library.open(work / "lib", "bench")
        case = library.create_case(
            case_from_fields(
                {
                    "title": "手机屏幕碎裂",
                    "complained_at": "2026-11-20T10:00+08:00",
                    "channel": "store",
                    "type": "quality",
                }
            )
        )
        list(add_files(library, case.number, [work / "photos"], AddOptions(purpose="证明收货时屏幕已碎")))
        settings = Settings(org_name="某某律师事务所")
        ref_times, our_times, sizes = [], [], []
        rss_before = rss_mib()
        start = time.perf_counter()
        first = [
            r
            for r in build_bundle(library, case.number, BundleOptions(venue, force=True), settings)
            if isinstance(r, BundleResult)
        ][0]
        first_time = time.perf_counter() - start  # includes loading the CJK font, once per process
        for f in first.files:
            os.chmod(f, 0o644)
            f.unlink()
        for _ in range(args.runs):
            out = work / "img2pdf.pdf"
            os.sync()  # both sides start with no dirty pages waiting for the disk
            start = time.perf_counter()
            with open(out, "wb") as fh:
                fh.write(img2pdf.convert([str(p) for p in photos]))
                os.fsync(fh.fileno())  # flushed to disk, as CaseFile flushes every bundle it saves
            ref_times.append(time.perf_counter() - start)
            out.unlink()
            os.sync()
            start = time.perf_counter()
            result = [
                r
                for r in build_bundle(library, case.number, BundleOptions(venue, force=True), settings)
                if isinstance(r, BundleResult)
            ][0]
            our_times.append(time.perf_counter() - start)
            sizes.append(result.files[0].stat().st_size)
            for f in result.files:
                os.chmod(f, 0o644)
                f.unlink()
        ref, ours = statistics.median(ref_times), statistics.median(our_times)
        print(f"photos: {args.photos} x 12 MP, {photo_bytes / 1048576:.1f} MiB; runs: {args.runs} (median)")
        print(f"img2pdf                 {ref:6.2f} s  ({1000 * ref / args.photos:5.1f} ms a photo)")
        print(f"casefile {venue.value:<14} {ours:6.2f} s  ({result.pages} pages; first run: {first_time:.2f} s)")
        print(f"time ratio {ours / ref:4.2f}   (goal <= 3)")
        print(f"size ratio {statistics.median(sizes) / photo_bytes:5.3f}  (goal <= 1.05)")
        print(f"peak RSS {rss_mib():.0f} MiB (before the bundles: {rss_before:.0f} MiB; flat in the photo count)")
        library.close()


if __name__ == "__main__":
    main()
