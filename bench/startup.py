"""Start-up of short commands, as scripts call them: each a whole process, against Python's own start.

Rows (alternated pairs, min / median / max, bench/harness.py):

- ``casefile --version`` against ``python -c pass`` (goal: 0.15 s or less);
- ``casefile list`` of 100 cases against a bare sqlite3 read of the same index in a fresh
  Python (goal: 0.25 s or less);
- ``casefile show`` of one case against a bare ``json.load`` of its case.json;
- how ``list`` grows from 100 to 10,000 cases (medians), beside the bare read's growth.

The libraries are made once through the public API and cached under bench/.cache/ (shared
with bench/case_list.py). Bytecode is compiled and kept (under bench/.cache/pycache), as in
an installed CaseFile: a checkout run with PYTHONDONTWRITEBYTECODE would compile every module
at every start and measure that instead. One untimed run of each command comes first.

    tools/dev bench startup [--pairs 10] [--sizes 100,1000,10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.case_list import CACHE, make_library  # noqa: E402
from bench.harness import CASEFILE, Run, compare, growth, print_rows, run, spread  # noqa: E402

ENV = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(CACHE / "pycache")}
PYTHON = sys.executable

SQLITE_READ = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
for row in connection.execute("SELECT * FROM cases ORDER BY sort_key, number"):
    print(row)
"""
JSON_READ = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as fh:
    print(json.load(fh)["title"])
"""


def side(argv: list[str]) -> Callable[[int], Run]:
    """One side of a pair: the command, run once untimed first (bytecode compiled, files cached)."""
    run(argv, env=ENV)
    return lambda _i: run(argv, env=ENV)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--sizes", default="100,1000,10000", help="library sizes for the growth of list")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    libraries = {}
    for size in sorted({100, *sizes}):
        libraries[size] = CACHE / f"library-{size}"
        make_library(libraries[size], size)
    small = libraries[100]
    number = sorted(p.name for p in (small / "cases").iterdir() if p.name[:1].isdigit())[0]

    rows = [
        compare(
            "casefile --version  vs  python -c pass",
            side([*CASEFILE, "--version"]),
            side([PYTHON, "-c", "pass"]),
            pairs=args.pairs,
        ),
        compare(
            "casefile list (100 cases)  vs  sqlite3 read of the index",
            side([*CASEFILE, "--library", str(small), "list"]),
            side([PYTHON, "-c", SQLITE_READ, str(small / "index.sqlite")]),
            pairs=args.pairs,
        ),
        compare(
            "casefile show (one case)  vs  json.load of its case.json",
            side([*CASEFILE, "--library", str(small), "show", number]),
            side([PYTHON, "-c", JSON_READ, str(small / "cases" / number / "case.json")]),
            pairs=args.pairs,
        ),
    ]
    for row, goal in zip(rows, ["casefile ≤ 0.15 s", "casefile ≤ 0.25 s", ""], strict=True):
        print_rows([row], goal=goal, cpu=True)
        # Other work on the machine stretches the wall time; the CPU time of the process is what it costs.
        print(f"  ours       cpu  {spread([r.cpu for r in row.ours])} s")
        print(f"  reference  cpu  {spread([r.cpu for r in row.reference])} s")

    ours, bare = [], []
    for size in sizes:
        root = libraries[size]
        row = compare(
            f"list of {size}",
            side([*CASEFILE, "--library", str(root), "list"]),
            side([PYTHON, "-c", SQLITE_READ, str(root / "index.sqlite")]),
            pairs=max(5, args.pairs // 2),
        )
        ours.append(statistics.median(r.wall for r in row.ours))
        bare.append(statistics.median(r.wall for r in row.reference))
        cpu = statistics.median(r.cpu for r in row.ours)
        print(f"  list of {size:>6}: casefile {ours[-1]:.3f} s ({cpu:.3f} s CPU)   sqlite3 read {bare[-1]:.3f} s")
    if len(sizes) > 1:
        print(f"growth of casefile list: {growth(sizes, ours)}")
        print(f"growth of the bare read: {growth(sizes, bare)}")


if __name__ == "__main__":
    main()
