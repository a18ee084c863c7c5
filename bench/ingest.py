"""Ingest speed: one-pass copy-and-hash against copying and then hashing the copy.

Adds a 1 GiB file to a case and compares the time with the reference a careful person
would otherwise use: copy the file (shutil.copyfile, which uses the kernel's fast copy),
flush it to disk, then hash the copy with hashlib in a second pass. Both sides compute
the same digests: SHA-256 alone, and SHA-256 + SM3 (the default setting), in separate
rows. Runs alternate and the median is reported. Goal: ratio 0.8 or less.

    tools/dev bench ingest [--size-mib N] [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casefile.core.evidence import AddResult, add_files  # noqa: E402
from casefile.core.hashing import sm3_available  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402


def reference(src: Path, work: Path, algorithms: list[str]) -> float:
    dst = work / "reference-copy.bin"
    os.sync()  # start both sides with no dirty pages waiting for the disk
    start = time.perf_counter()
    shutil.copyfile(src, dst)
    with open(dst, "rb") as fh:
        os.fsync(fh.fileno())
    hashers = [hashlib.new(a) for a in algorithms]
    with open(dst, "rb", buffering=0) as fh:
        while chunk := fh.read(1 << 20):
            for h in hashers:
                h.update(chunk)
    elapsed = time.perf_counter() - start
    dst.unlink()
    return elapsed


def ingest(src: Path, work: Path, with_sm3: bool, run: int) -> float:
    library = Library.open(work / f"lib-{run}-{int(with_sm3)}", "bench", hash_sm3=with_sm3)
    case = library.create_case(
        case_from_fields(
            {"title": "bench", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    os.sync()
    start = time.perf_counter()
    results = [r for r in add_files(library, case.number, [src]) if isinstance(r, AddResult)]
    elapsed = time.perf_counter() - start
    assert results[0].exhibit is not None, results
    library.close()
    shutil.rmtree(work / f"lib-{run}-{int(with_sm3)}", ignore_errors=True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="casefile-bench-") as tmp:
        work = Path(tmp)
        src = work / "evidence.bin"
        with open(src, "wb") as fh:
            block = os.urandom(1 << 20)
            for _ in range(args.size_mib):
                fh.write(block)
        print(f"file: {args.size_mib} MiB, runs: {args.runs} (median)")
        variants = [("sha256", ["sha256"], False)]
        if sm3_available():
            variants.append(("sha256+sm3", ["sha256", "sm3"], True))
        for label, algorithms, with_sm3 in variants:
            ref_times, ing_times = [], []
            for run in range(args.runs):
                ref_times.append(reference(src, work, algorithms))
                ing_times.append(ingest(src, work, with_sm3, run))
            ref, ing = statistics.median(ref_times), statistics.median(ing_times)
            print(
                f"{label:<11} copy-then-hash {ref:6.2f} s   casefile add {ing:6.2f} s   "
                f"ratio {ing / ref:4.2f}   ({args.size_mib / ing:5.0f} MiB/s)"
            )


if __name__ == "__main__":
    main()
