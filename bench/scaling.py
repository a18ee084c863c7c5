"""A change to a case costs what the change is: ``add`` of one file into cases of 10 → 5,000 exhibits,
and ``verify`` of 5,000 small exhibits against ``sha256sum -c`` of their manifest.

The cases are built once through the public API (many small files in one ``add_files`` call)
and cached under bench/.cache/; each run works on a fresh copy of them. Every figure is a whole
command as a user runs it (a fresh process), in alternated pairs.

    tools/dev bench scaling [--sizes 10,100,1000,5000] [--pairs 7] [--only add|verify]

With ``--only verify`` each size's case is verified (e.g. ``--sizes 1000,5000``), and the
growth of both sides and the cost per exhibit between the smallest and the largest are printed,
with two floors: what every command pays (``casefile --version`` against ``python -c pass``), and
the least a verification in Python can do (bench/verify_floor.py: the manifest's files hashed and
the custody log parsed, nothing else) against ``sha256sum -c``.

CaseFile's bytecode is compiled and kept (under bench/.cache/pycache), as in an installed
CaseFile, by the untimed first run of each command: a checkout run with PYTHONDONTWRITEBYTECODE
would compile every module it imports on every run. ``--tree DIR`` runs the ``casefile`` of
another checkout (to measure the code before a change on the same cached cases).

    tools/dev bench scaling --only verify --sizes 1000,5000 --pairs 7 [--tree /work/main]

The exhibits are chat notes of some 400 bytes: the case where the files' hashing is least of the
work. ``--kb K`` makes each exhibit K KiB instead (e.g. ``--kb 100`` for screenshot-sized
files, as the ingest bench's), cached apart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, REPO, Pairs, Run, compare, growth, print_rows, run, spread  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
OPERATOR = "bench"
BYTECODE = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(CACHE / "pycache")}
TREE = [REPO]  # the checkout whose casefile is measured (--tree)
KB = [0]  # each exhibit's size in KiB (--kb); 0: some 400 bytes
FLOOR_SCRIPT = Path(__file__).resolve().parent / "verify_floor.py"


def make_case(root: Path, exhibits: int, kb: int = 0) -> str:
    """A library at ``root`` holding one case of ``exhibits`` small text files (``kb`` KiB each, or
    some 400 bytes); returns its number."""
    from casefile.core.evidence import add_files
    from casefile.core.library import Library, case_from_fields

    library = Library.open(root, OPERATOR, hash_sm3=False)
    try:
        numbers = library.case_numbers()
        if numbers:
            return numbers[0]
        case = library.create_case(
            case_from_fields(
                {
                    "title": f"投诉：{exhibits} 张截图",
                    "complained_at": "2026-11-15T10:00+08:00",
                    "channel": "phone",
                    "type": "quality",
                }
            )
        )
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            src = Path(tmp) / "shots"
            src.mkdir()
            for i in range(exhibits):
                line = f"聊天记录 {i}\n".encode()
                (src / f"note-{i:05d}.txt").write_bytes(line * (kb * 1024 // len(line) if kb else 20))
            start = time.perf_counter()
            for _ in add_files(library, case.number, [src]):
                pass
            print(f"  built a case of {exhibits} exhibits in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return case.number
    finally:
        library.close()


def cached(exhibits: int) -> tuple[Path, str]:
    root = CACHE / (f"scaling-{exhibits}-{KB[0]}kb" if KB[0] else f"scaling-{exhibits}")
    done = root / ".bench-complete"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        CACHE.mkdir(exist_ok=True)
        number = make_case(root, exhibits, KB[0])
        done.write_text(number, encoding="utf-8")
    return root, done.read_text(encoding="utf-8")


def copy_library(src: Path, work: Path) -> Path:
    dest = work / src.name
    shutil.copytree(src, dest, symlinks=True)
    for dirpath, dirnames, filenames in os.walk(dest):  # evidence is read-only; the copy is removed later
        for name in dirnames + filenames:
            os.chmod(Path(dirpath) / name, 0o700)
    return dest


def casefile(root: Path, *args: str) -> list[str]:
    return [*CASEFILE, "--library", str(root), "--operator", OPERATOR, *args]


def measured(argv: list[str]) -> Run:
    """A ``casefile`` command of the measured checkout (``--tree``), its bytecode kept as installed."""
    # From the tree: ``-m`` imports the package of the working folder first.
    return run(argv, cwd=TREE[0], env={"PYTHONPATH": str(TREE[0]), **BYTECODE})


def bench_add(sizes: list[int], pairs: int, work: Path) -> None:
    """``add`` of one new file, alternated with ``add`` into the smallest case (the reference)."""
    libraries = {n: (copy_library(cached(n)[0], work), cached(n)[1]) for n in sizes}
    files = work / "files"
    files.mkdir()
    counter = iter(range(1_000_000))

    def adder(n: int):  # type: ignore[no-untyped-def]
        root, number = libraries[n]

        def one(_i: int):  # type: ignore[no-untyped-def]
            path = files / f"receipt-{next(counter)}.txt"
            path.write_text(f"收据 {path.name}\n", encoding="utf-8")
            return measured(casefile(root, "add", number, str(path)))

        return one

    small = sizes[0]
    for n in sizes:  # untimed: warms the disk cache, and brings a case.json cached by older code to today's layout
        adder(n)(0)
    rows: list[Pairs] = []
    for n in sizes:
        rows.append(
            compare(f"add 1 file into {n} exhibits  (reference: into {small})", adder(n), adder(small), pairs=pairs)
        )
    print_rows(rows, goal="≤ 1.1 at 5,000", cpu=True)
    medians = [statistics.median(r.wall for r in row.ours) for row in rows]
    cpu = [statistics.median(r.cpu for r in row.ours) for row in rows]
    print("  add, median seconds: " + ", ".join(f"{n}: {m:.3f}" for n, m in zip(sizes, medians, strict=True)))
    print("  add, median CPU seconds: " + ", ".join(f"{n}: {c:.3f}" for n, c in zip(sizes, cpu, strict=True)))
    print("  growth (wall): " + growth(sizes, medians))
    print("  growth (cpu):  " + growth(sizes, cpu))


def bench_verify(sizes: list[int], pairs: int, work: Path) -> None:
    """``verify`` of the largest case against ``sha256sum -c`` of its manifest; with several sizes,
    each size's row and how both sides grow, and the floor: a bare interpreter and ``--version``."""
    sha = shutil.which("sha256sum")
    if sha is None:
        print("sha256sum not found: verify row skipped")
        return
    (work / "verify").mkdir()
    what = f"{KB[0]} KiB" if KB[0] else "small"
    rows: list[Pairs] = []
    for size in sizes:
        root, number = cached(size)
        root = copy_library(root, work / "verify" / str(size))
        folder = root / "cases" / number

        def ours(_i: int, root: Path = root, number: str = number) -> Run:
            return measured(casefile(root, "verify", number))

        def reference(_i: int, folder: Path = folder) -> Run:
            return run([sha, "--quiet", "-c", "MANIFEST.sha256"], cwd=folder)

        ours(0)  # untimed: the first run records its verification in a fresh copy; warms the disk cache
        rows.append(
            compare(
                f"verify {size} {what} exhibits  (reference: sha256sum -c MANIFEST.sha256)",
                ours,
                reference,
                pairs=pairs,
            )
        )
    print_rows(rows, goal="≤ 2", cpu=True)
    for row in rows:
        name = row.name.split("  ")[0]
        print(f"  {name}: wall {spread([r.wall for r in row.ours])} s, cpu {spread([r.cpu for r in row.ours])} s")
    if len(rows) > 1:
        ours_cpu = [statistics.median(r.cpu for r in row.ours) for row in rows]
        ref_cpu = [statistics.median(r.cpu for r in row.reference) for row in rows]
        print("  growth (cpu), verify:    " + growth(sizes, ours_cpu))
        print("  growth (cpu), sha256sum: " + growth(sizes, ref_cpu))
        per_ours = (ours_cpu[-1] - ours_cpu[0]) / (sizes[-1] - sizes[0])
        per_ref = (ref_cpu[-1] - ref_cpu[0]) / (sizes[-1] - sizes[0])
        print(
            f"  marginal cpu per exhibit {sizes[0]}→{sizes[-1]}: verify {per_ours * 1e6:.0f} µs, "
            f"sha256sum {per_ref * 1e6:.1f} µs, ratio ×{per_ours / max(per_ref, 1e-12):.1f}"
        )
    # The least a verification in Python does (the hashing sha256sum does, and the log parsed): if it alone
    # is near the goal, the rest of verify (chain, fold, record, unexpected files) cannot fit under it.
    least = compare(
        f"floor: Python hashing the manifest + parsing the log, {sizes[-1]}  (reference: sha256sum -c)",
        lambda _i: run([sys.executable, "-I", str(FLOOR_SCRIPT), str(folder)]),
        lambda _i: run([sha, "--quiet", "-c", "MANIFEST.sha256"], cwd=folder),
        pairs=pairs,
    )
    print_rows([least], cpu=True)
    print(f"  python floor cpu {spread([r.cpu for r in least.ours])} s")
    floor = compare(
        "floor: casefile --version  (reference: python -c pass)",
        lambda _i: measured([*CASEFILE, "--version"]),
        lambda _i: run([sys.executable, "-c", "pass"]),
        pairs=pairs,
    )
    print_rows([floor], cpu=True)
    print(f"  casefile --version cpu {spread([r.cpu for r in floor.ours])} s")
    print(f"  python -c pass cpu     {spread([r.cpu for r in floor.reference])} s")
    print(f"  load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000")
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--only", choices=["add", "verify"])
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose casefile is measured")
    parser.add_argument("--kb", type=int, default=0, help="each exhibit's size in KiB (default: some 400 bytes)")
    args = parser.parse_args()
    TREE[0] = args.tree.resolve()
    KB[0] = args.kb
    print(f"casefile of {TREE[0]}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        cached(n)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        work = Path(tmp)
        if args.only != "verify":
            bench_add(sizes, args.pairs, work)
        if args.only != "add":
            # Alone (--only verify) every size is timed; after the add rows, the largest.
            bench_verify(sizes if args.only == "verify" else [max(sizes)], args.pairs, work)


if __name__ == "__main__":
    main()
