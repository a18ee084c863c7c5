"""Ingest speed as a user meets it: ``casefile add`` against copying, flushing and hashing by hand.

Both sides are whole commands (bench/harness.py), alternated, each on a fresh case:

- many files: ``casefile add CASE FOLDER`` of N files of 100 KB (default 1,000) against
  ``cp -r FOLDER COPY`` followed by a Python command that fsyncs each copied file (and the
  folder) and hashes it with the same digests (SHA-256 + SM3). Goal: wall ratio <= 1.5.
- one big file: ``casefile add CASE FILE`` of 1 GiB against ``cp FILE COPY`` then fsync and
  hash of the copy. Goals: CPU ratio <= 1.1 and, with a spare core, wall ratio <= 0.8.

The source files stay in the page cache (both sides read them warm) and ``sync`` runs
before each side, so neither pays for the other's dirty pages. Everything lives in a
temporary folder that is removed at the end (about 3 × the larger data set: ``--files``
and ``--size-mib`` scale the rows down where /tmp is small). CaseFile's bytecode is compiled
and kept (under bench/.cache/pycache), as in an installed CaseFile, by an untimed command
before the pairs: a checkout run with PYTHONDONTWRITEBYTECODE would compile every module it
imports on every run. ``--tree DIR`` runs the ``casefile`` of another checkout (to measure
the code before a change).

    tools/dev bench ingest [--files 1000] [--size-mib 1024] [--pairs 5] [--only files|big] [--tree DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, REPO, Pairs, Run, compare, print_rows, run, spread  # noqa: E402
from casefile.core.hashing import sm3_available  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402

# The reference's second step: flush every copied file, then hash it, as a careful person would.
REFERENCE_HASH = r"""
import hashlib, os, sys
algorithms = sys.argv[1].split(",")
root = sys.argv[2]
paths = [root] if os.path.isfile(root) else sorted(
    os.path.join(d, n) for d, _, names in os.walk(root) for n in names)
buf = bytearray(1 << 20)
view = memoryview(buf)
for path in paths:
    with open(path, "rb", buffering=0) as fh:
        os.fsync(fh.fileno())
        hashers = [hashlib.new(a) for a in algorithms]
        while n := fh.readinto(buf):
            for h in hashers:
                h.update(view[:n])
        print(path, *(h.hexdigest() for h in hashers))
fd = os.open(os.path.dirname(os.path.abspath(paths[0])), os.O_RDONLY)
os.fsync(fd)
os.close(fd)
"""


BYTECODE = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(REPO / "bench" / ".cache" / "pycache")}


def casefile(tree: Path, library: Path, *argv: str) -> Run:
    """``casefile --library LIBRARY ARGV`` of the checkout ``tree``, as a whole command."""
    # From the tree: ``-m`` imports the package of the working folder first.
    return run([*CASEFILE, "--library", str(library), *argv], cwd=tree, env={"PYTHONPATH": str(tree), **BYTECODE})


def fresh_case(root: Path, with_sm3: bool) -> str:
    """A new library holding one empty case (untimed); returns the case number."""
    shutil.rmtree(root, ignore_errors=True)
    library = Library.open(root, "bench", hash_sm3=with_sm3)
    case = library.create_case(
        case_from_fields(
            {"title": "bench", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    library.close()
    return case.number


def row(name: str, source: Path, work: Path, algorithms: list[str], pairs: int, tree: Path) -> Pairs:
    with_sm3 = "sm3" in algorithms
    library = work / "library"
    copy = work / "copy"
    number = [""]

    def prepare(_i: int) -> None:
        number[0] = fresh_case(library, with_sm3)
        shutil.rmtree(copy, ignore_errors=True)
        os.sync()

    def ours(_i: int) -> Run:
        return casefile(tree, library, "add", number[0], str(source))

    def reference(_i: int) -> Run:
        script = 'cp -r "$1" "$2" && exec "$3" -c "$4" "$5" "$2"'
        return run(
            ["sh", "-c", script, "sh", str(source), str(copy), sys.executable, REFERENCE_HASH, ",".join(algorithms)]
        )

    result = compare(name, ours, reference, pairs=pairs, prepare=prepare)
    shutil.rmtree(library, ignore_errors=True)
    shutil.rmtree(copy, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="files of --file-kib in the many-files row")
    parser.add_argument("--file-kib", type=int, default=100)
    parser.add_argument("--size-mib", type=int, default=1024, help="size of the one big file")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--only", choices=["files", "big"], default=None)
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary folder)")
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose casefile is measured")
    args = parser.parse_args()
    tree = args.tree.resolve()
    algorithms = ["sha256", "sm3"] if sm3_available() else ["sha256"]
    digests = " + ".join(a.upper() for a in algorithms)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="casefile-bench-") as tmp:
        work = Path(tmp)
        # Untimed: the bytecode compiled and kept, as an installed CaseFile has it.
        (work / "warm-up.txt").write_text("warm-up\n", encoding="utf-8")
        number = fresh_case(work / "library", "sm3" in algorithms)
        casefile(tree, work / "library", "add", number, str(work / "warm-up.txt"))
        if args.only in (None, "files"):
            folder = work / "screenshots"
            folder.mkdir()
            for i in range(args.files):
                (folder / f"shot-{i:05d}.png").write_bytes(os.urandom(args.file_kib * 1024))
            rows = [
                row(
                    f"add {args.files} files of {args.file_kib} KB ({digests})",
                    folder,
                    work,
                    algorithms,
                    args.pairs,
                    tree,
                )
            ]
            print_rows(rows, goal="<= 1.5", cpu=True)
            shutil.rmtree(folder)
        if args.only in (None, "big"):
            big = work / "evidence.bin"
            with open(big, "wb") as fh:
                block = os.urandom(1 << 20)
                for _ in range(args.size_mib):
                    fh.write(block)
            rows = [row(f"add one file of {args.size_mib} MiB ({digests})", big, work, algorithms, args.pairs, tree)]
            print_rows(rows, goal="<= 0.8 with a spare core", cpu=True)
            for r in rows:
                for side, runs in (("ours", r.ours), ("reference", r.reference)):
                    user = sorted(x.user for x in runs)[len(runs) // 2]
                    system = sorted(x.system for x in runs)[len(runs) // 2]
                    print(f"  {side:<10} cpu median user {user:.2f} s  system {system:.2f} s   (cpu goal <= 1.1)")
            # What the command costs before it adds anything (interpreter, imports, opening the library).
            number = fresh_case(work / "library", "sm3" in algorithms)
            start = sorted(casefile(tree, work / "library", "show", number).cpu for _ in range(5))[2]
            shutil.rmtree(work / "library", ignore_errors=True)
            ratios = [(o.cpu - start) / f.cpu for o, f in zip(rows[0].ours, rows[0].reference, strict=True)]
            print(f"  start-up   cpu median {start:.2f} s ('casefile show' of the empty case)")
            print(f"  ratio      cpu without the start-up {spread(ratios)}")


if __name__ == "__main__":
    main()
