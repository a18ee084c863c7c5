"""Watch folders: screenshots copied into an inbox with the watcher running, against 'casefile add'.

Makes (once, cached under bench/.cache/) N small PNG screenshots of 50-200 KB with Pillow.
Both sides run in this process and use the same core call, ``add_files``, with the same
settings (SHA-256 + SM3 where available), each into a fresh library:

- reference: ``add_files`` of the N files where they are (what ``casefile add FOLDER`` does);
- watch: a started :class:`Watcher` with the default options; the clock runs from the start
  of copying the N files into the case's inbox (by a separate Python process, as a file
  manager or a phone sync would) until all N are exhibits, so it includes the copying and
  moving each file to ``inbox/.ingested/`` afterwards.

Pairs alternate (which side goes first alternates too), at least 5 of them: the spread of a
single pair is wide on a shared machine (0.93-1.66 was seen over 3). Each side and the
ratio of each pair are reported as min / median / max. Goal: ratio 1.3 or less.

    tools/dev bench watch [--files 1000] [--pairs 5] [--poll]

With ``--poll`` the files go to a polled attached folder instead, where no close events
arrive: the default settle delay (2 s) and polling interval (2 s) then add to the time.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import spread  # noqa: E402
from casefile.core.evidence import AddResult, add_files  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.watch import BATCH_LOG, INGESTED_DIR, WatchedFolder, Watcher  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"

# Files arrive from another program (a file manager, a phone sync): copy them in a process of their own.
COPY = """
import shutil, sys
from pathlib import Path
listing, inbox = sys.argv[1:]
for line in Path(listing).read_text(encoding="utf-8").splitlines():
    shutil.copyfile(line, Path(inbox, Path(line).name))
"""


def make_screenshots(folder: Path, count: int) -> list[Path]:
    """PNG screenshots: flat interface areas and a noisy photo-like part, 50-200 KB each."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    paths = []
    for i in range(count):
        path = folder / f"Screenshot_20261120-{100000 + i}_WeChat.png"
        paths.append(path)
        if path.exists():
            continue
        width, height = 540, 1170
        image = Image.new("RGB", (width, height), (rng.randrange(200, 256),) * 3)
        noisy = rng.randrange(30, 125)  # rows of noise (a photo in a chat): sets the size, ~1.6 KB a row
        image.paste(Image.frombytes("RGB", (width, noisy), rng.randbytes(width * noisy * 3)), (0, 200))
        image.save(path, optimize=False)
    return paths


def new_library(root: Path) -> tuple[Library, str]:
    library = Library.open(root, "bench")
    case = library.create_case(
        case_from_fields(
            {"title": "bench", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    return library, case.number


def reference(sources: list[Path], work: Path, run: int) -> float:
    library, number = new_library(work / f"ref-{run}")
    os.sync()
    start = time.perf_counter()
    results = [r for r in add_files(library, number, sources) if isinstance(r, AddResult)]
    elapsed = time.perf_counter() - start
    assert sum(r.exhibit is not None for r in results) == len(sources), results[:3]
    library.close()
    shutil.rmtree(work / f"ref-{run}", ignore_errors=True)
    return elapsed


def watched(sources: list[Path], work: Path, run: int, poll: bool) -> tuple[float, float, int]:
    """Seconds until all are exhibits, seconds of copying alone, and the number of add_files batches."""
    library, number = new_library(work / f"watch-{run}")
    inbox = library.folder(number).inbox_dir
    attached = []
    if poll:  # a polled folder: no close events, the settle delay decides (as on Windows and macOS)
        inbox = work / f"share-{run}"
        inbox.mkdir()
        attached = [WatchedFolder(number, inbox, poll=True)]
    done = threading.Event()
    added = []

    def on_result(case: str, result: AddResult) -> None:
        added.append(result)
        if len(added) == len(sources):
            done.set()

    watcher = Watcher(
        library, attached=attached, on_result=on_result, on_problem=lambda case, message: print("problem:", message)
    )
    watcher.start()
    assert watcher.wait_ready(30)
    counter = _BatchCounter()
    watch_log = logging.getLogger("casefile.core.watch")
    watch_log.addHandler(counter)
    watch_log.setLevel(logging.DEBUG)
    os.sync()
    listing = work / f"sources-{run}.txt"
    listing.write_text("\n".join(map(str, sources)), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", COPY, str(listing), str(inbox)], check=True)
    copied = time.perf_counter() - start
    assert done.wait(600), f"only {len(added)} of {len(sources)} arrived"
    elapsed = time.perf_counter() - start
    watcher.stop()
    watch_log.removeHandler(counter)
    assert all(r.exhibit is not None for r in added)
    assert len(os.listdir(inbox / INGESTED_DIR)) == len(sources)
    batches = counter.count
    library.close()
    shutil.rmtree(work / f"watch-{run}", ignore_errors=True)
    return elapsed, copied, batches


class _BatchCounter(logging.Handler):
    """Counts the watcher's add_files calls (it logs one debug line for each)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == BATCH_LOG:
            self.count += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=5, help="alternated pairs (at least 5)")
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary folder)")
    parser.add_argument("--poll", action="store_true", help="copy into a polled attached folder instead of the inbox")
    args = parser.parse_args()
    if args.pairs < 5:
        parser.error("--pairs: at least 5, the spread of fewer says nothing")
    sources = make_screenshots(CACHE / f"screenshots-{args.files}", args.files)
    total = sum(p.stat().st_size for p in sources)
    print(f"{len(sources)} screenshots, {total / len(sources) / 1024:.0f} KB on average; {args.pairs} alternated pairs")
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="casefile-bench-") as tmp:
        work = Path(tmp)
        ref_times, watch_times = [], []
        for run in range(args.pairs):
            order = ["add", "watch"] if run % 2 == 0 else ["watch", "add"]
            for side in order:
                if side == "add":
                    ref_times.append(reference(sources, work, run))
                else:
                    elapsed, copied, batches = watched(sources, work, run, args.poll)
                    watch_times.append(elapsed)
            print(
                f"  pair {run + 1} ({' first, '.join(order)} second): add {ref_times[-1]:6.2f} s   "
                f"watch {watch_times[-1]:6.2f} s (copying {copied:.2f} s, {batches} batches)",
                file=sys.stderr,
            )
        ratios = [w / r for w, r in zip(watch_times, ref_times, strict=True)]
        print(f"casefile add             {spread(ref_times)} s")
        rate = len(sources) / statistics.median(watch_times)
        print(f"copy into inbox + watch  {spread(watch_times)} s   ({rate:5.0f} files/s)")
        print(f"ratio                    {spread(ratios)}   (goal 1.3 or less)")


if __name__ == "__main__":
    main()
