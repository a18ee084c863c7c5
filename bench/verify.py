"""Verification speed against the CPU's SHA-256 limit: ``casefile verify`` of 2 GiB in 500 files.

Makes a case of N exhibits (default 500 files, 2 GiB in all) through ``casefile add``, then
alternates the whole command ``casefile verify CASE`` with ``openssl speed -evp sha256`` on
1 MiB blocks (one core's SHA-256 limit on this machine, measured in the same run). The
figure is the fraction of the limit reached: (bytes / limit) / verify's wall time, start-up
included. The files stay in the page cache (the run reads them first). Goal: >= 0.85.

The data set needs --total-mib of free space under the work folder (default /tmp; check
``df -h /tmp``): scale it down with --total-mib where there is less room, and say so.

    tools/dev bench verify [--files 500] [--total-mib 2048] [--pairs 5] [--tree BEFORE]

``--tree DIR`` also times the same command from another checkout (the code before a change),
alternated with this one's in each pair, so that both meet the same load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, Run, run, spread  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402


def sha256_limit(seconds: int = 2, *, elapsed: bool = False) -> float:
    """Bytes per second one core hashes with SHA-256 (openssl speed, 1 MiB blocks).

    By CPU time (openssl's default), or by the wall clock with ``elapsed``: what one core
    gives one process under the machine's current load, the fair match for a run beside it.
    """
    out = subprocess.run(
        ["openssl", "speed", *(["-elapsed"] if elapsed else []), "-evp", "sha256", "-bytes", str(1 << 20)]
        + ["-seconds", str(seconds)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    match = re.search(r"^sha256\s+([\d.]+)k\s*$", out, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"cannot read openssl speed's output: {out!r}")
    return float(match.group(1)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--total-mib", type=int, default=2048)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary folder)")
    parser.add_argument("--tree", default=None, help="another checkout to time beside this one (e.g. before a change)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="casefile-bench-") as tmp:
        work = Path(tmp)
        source = work / "source"
        source.mkdir()
        per_file = (args.total_mib << 20) // args.files
        block = os.urandom(1 << 20)
        for i in range(args.files):
            with open(source / f"exhibit-{i:04d}.bin", "wb") as fh:
                fh.write(os.urandom(64))  # every file different
                left = per_file - 64
                while left > 0:
                    fh.write(block[: min(left, len(block))])
                    left -= len(block)
        total = per_file * args.files
        library_root = work / "library"
        library = Library.open(library_root, "bench", hash_sm3=False)
        number = library.create_case(
            case_from_fields(
                {"title": "bench", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
            )
        ).number
        library.close()
        run([*CASEFILE, "--library", str(library_root), "add", number, str(source)])
        shutil.rmtree(source)
        verify = [*CASEFILE, "--library", str(library_root), "verify", number]
        trees = {"this checkout": None} | ({f"--tree {args.tree}": args.tree} if args.tree else {})

        def verify_from(tree: str | None) -> Run:
            if tree is None:
                return run(verify)
            where = Path(tree).resolve()  # its folder first on the path, as PYTHONPATH
            return run(verify, cwd=where, env={"PYTHONPATH": str(where)})

        for tree in trees.values():
            verify_from(tree)  # read once: the files are in the page cache for every timed run
        runs: dict[str, list[Run]] = {name: [] for name in trees}
        limits, beside = [], []
        for i in range(args.pairs):
            order = list(trees.items()) if i % 2 == 0 else list(reversed(trees.items()))
            if i % 2 == 0:
                limits.append(sha256_limit())
            else:
                beside.append(sha256_limit(elapsed=True))
            for name, tree in order:
                runs[name].append(verify_from(tree))
            if i % 2 == 0:
                beside.append(sha256_limit(elapsed=True))
            else:
                limits.append(sha256_limit())
        print(f"verify {args.files} files, {total / (1 << 30):.2f} GiB (SHA-256)")
        print(f"  openssl sha256   {spread([x / 1e6 for x in limits])} MB/s   (one core, CPU time)")
        print(f"                   {spread([x / 1e6 for x in beside])} MB/s   (one core, wall clock, beside the runs)")
        print(f"  limit time       {spread([total / x for x in limits])} s")
        for name, timed in runs.items():
            walls = [r.wall for r in timed]
            fractions = [total / limit / wall for limit, wall in zip(limits, walls, strict=True)]
            loaded = [total / limit / wall for limit, wall in zip(beside, walls, strict=True)]
            print(f"  casefile verify, {name}")
            print(f"    wall {spread(walls)} s   cpu {spread([r.cpu for r in timed])} s")
            print(f"    fraction of the limit {spread(fractions)}   (goal >= 0.85)")
            print(f"    fraction of the limit measured beside it, wall clock {spread(loaded)}")
            print(f"    throughput {statistics.median(total / w for w in walls) / 1e6:.0f} MB/s (median)")


if __name__ == "__main__":
    main()
