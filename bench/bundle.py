"""Court bundles as a user makes them: whole ``casefile bundle`` commands, timed from outside.

Rows (each a fresh process per run; memory is the peak resident size of CaseFile's process alone):

- ``text``: a court bundle of 1,000 and of 5,000 text exhibits (chat logs a few dozen lines
  long). No reference: the goal is linear cost, <= 8 s / <= 40 s and <= 400 MB at 5,000.
- ``scaling``: the same for 10 -> 100 -> 1,000 -> 5,000 text exhibits, printing the growth
  of each step against the growth of the case.
- ``pdf``: a court bundle of 50 PDFs (340 pages) against a small pikepdf script doing the
  plain part of the same work: merge the files, stamp every page, one bookmark per file,
  save and fsync (bench/bundle_reference.py). Goal: <= 3x. The case's PDFs are screened when
  added, as a user's are (casefile.core.disclosure.screening), which keeps their sanitised
  copies for the packet (casefile.core.disclosure.kept); ``--unscreened`` removes what that
  screening kept from every copy, to time the first packet of files added before it. The case
  is built by the ``casefile`` being timed (``--tree``), since the custody log it writes when
  adding is that version's: it is cached per version of the code that adds and screens.
  With ``--before DIR``, the same bundle by that checkout is then alternated with this one's.
- ``pdf-add``: ``casefile add`` of the same 50 PDFs into an empty case (screening included),
  the ``--tree`` checkout against the ``--before`` one, alternated; then the disk the kept
  sanitised copies take.
- ``photos``: a court bundle of 50 12-MP phone photos against ``img2pdf`` of the same photos
  followed by ``sync`` of its output, both as whole commands. Goal: <= 2x.

The two sides of a comparison alternate for ``--pairs`` pairs (at least 5). The cases are
built once through the public API and kept under bench/.cache/bundle/; every run starts
from an untimed fresh copy of the case's library, so every bundle is the case's first.
CaseFile's bytecode is compiled and kept (under bench/.cache/pycache), as in an installed
CaseFile, by an untimed bundle before the pairs: a checkout run with PYTHONDONTWRITEBYTECODE
would compile every module it imports on every run.
``--tree DIR`` runs the ``casefile`` of another checkout (to measure the code before a change).

    tools/dev bench bundle [--rows text,scaling,pdf,photos,pdf-add] [--pairs 5] [--runs 3] [--tree DIR]
                           [--unscreened] [--before DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, REPO, Pairs, Run, compare, growth, print_rows, run, spread  # noqa: E402

CACHE = REPO / "bench" / ".cache" / "bundle"
RUN = CACHE / f"run-{os.getpid()}"  # this run's copies: two benches may run side by side
OPERATOR = "bench"
BYTECODE = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(REPO / "bench" / ".cache" / "pycache")}


# ---------------------------------------------------------------- the cases, built once


def phone_exif(i: int) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "HUAWEI", "HUAWEI P30"
    exif[0x0132] = f"2026:11:20 10:{i // 60:02d}:{i % 60:02d}"
    detail = exif.get_ifd(0x8769)
    detail[0x9003] = exif[0x0132]
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (31.0, 14.0, 30.0), "E", (121.0, 28.0, 12.0)
    return exif.tobytes()


def make_photos(folder: Path, count: int) -> None:
    """12 MP JPEGs (4000 x 3000) with enough detail to weigh what phone photos weigh, and EXIF."""
    from PIL import Image, ImageDraw

    rng = random.Random(7)
    base = Image.effect_noise((1000, 750), 60).convert("RGB").resize((4000, 3000))
    for i in range(count):
        img = base.copy()
        draw = ImageDraw.Draw(img)
        for _ in range(40):
            x, y = rng.randrange(4000), rng.randrange(3000)
            draw.ellipse(
                (x, y, x + rng.randrange(50, 600), y + rng.randrange(50, 600)),
                fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
            )
        img.save(folder / f"IMG_20261120_{i:04d}.jpg", quality=92, exif=phone_exif(i))


def make_texts(folder: Path, count: int) -> None:
    """Chat logs of 20-60 lines, Chinese and Latin, each different."""
    rng = random.Random(11)
    said = [
        "您好，我的订单还没有发货。",
        "请提供订单号。",
        "订单号 SO2026112000{n}。",
        "好的，我们会尽快处理。",
        "已经超过承诺的发货时间了。",
        "Please refund order {n}.",
    ]
    for i in range(count):
        lines = [
            f"2026-11-{1 + j % 28:02d} 10:{j % 60:02d} {'买家' if j % 2 else '客服'}：{rng.choice(said).format(n=i)}"
            for j in range(rng.randrange(20, 60))
        ]
        (folder / f"chat-{i:05d}.txt").write_text("\n".join(lines) + "\n", "utf-8")


def make_pdfs(folder: Path, count: int, pages: int) -> None:
    """``count`` text PDFs holding ``pages`` pages between them (1 to 13 each)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(5)
    sizes = [1] * count
    for _ in range(pages - count):
        i = rng.randrange(count)
        while sizes[i] >= 13:
            i = rng.randrange(count)
        sizes[i] += 1
    for i, n in enumerate(sizes):
        canvas = Canvas(str(folder / f"statement-{i:02d}.pdf"), pagesize=A4, invariant=1)
        for p in range(n):
            canvas.setFont("Helvetica", 11)
            for line in range(50):
                canvas.drawString(
                    60, 780 - 14 * line, f"Statement {i} page {p + 1} line {line}: " + "x" * rng.randrange(20, 60)
                )
            canvas.showPage()
        canvas.save()


# What decides the custody log and derived data a case is built with: its custody actions and what adding does.
ADDING = (
    "casefile/core/record/actions.py",
    "casefile/core/evidence.py",
    "casefile/core/disclosure/screening.py",
    "casefile/core/disclosure/kept.py",
    "casefile/core/disclosure/pdf.py",
)


def code_key(tree: Path) -> str:
    """A short digest of the code of ``tree`` that adds and screens files (see :data:`ADDING`)."""
    digest = hashlib.sha256()
    for rel in ADDING:
        path = tree / rel
        digest.update(rel.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()[:12]


def build_case_with(tree: Path, name: str, make: str, *args: int) -> tuple[Path, str, Path]:
    """:func:`build_case` by the ``casefile`` of ``tree`` (in a process of its own), cached per :func:`code_key`."""
    keyed = f"{name}-{code_key(tree)}"
    home = CACHE / keyed
    if not (home / "ready").exists():
        argv = [sys.executable, str(Path(__file__).resolve()), "--build", keyed, make, *map(str, args)]
        subprocess.run([*argv, "--tree", str(tree)], check=True, env={**os.environ, "PYTHONPATH": str(tree)})
    return build_case(keyed, make, *args)


def build_case(name: str, make: str, *args: int) -> tuple[Path, str, Path]:
    """(the pristine library, the case number, the folder of source files): made once, then cached."""
    home = CACHE / name
    done = home / "ready"
    if done.exists():
        return home / "lib", done.read_text().strip(), home / "files"
    shutil.rmtree(home, ignore_errors=True)
    (home / "files").mkdir(parents=True)
    print(f"building the case {name} (once)…", file=sys.stderr)
    # In a child process, so that nothing here holds memory the benchmark does not need.
    maker = multiprocessing.get_context("spawn").Process(target=globals()[make], args=(home / "files", *args))
    maker.start()
    maker.join()
    library, number = empty_case(home / "lib")
    from casefile.core.evidence import AddOptions, add_files

    for _ in add_files(library, number, sorted((home / "files").iterdir()), AddOptions(purpose="证明交涉经过")):
        pass
    library.close()
    done.write_text(number)
    return home / "lib", number, home / "files"


def empty_case(root: Path) -> tuple[Any, str]:
    """A library at ``root`` holding one case with what a court filing needs, and no exhibit: (library, number)."""
    from casefile.core.library import Library, case_from_fields
    from casefile.core.model import Demand, DemandType, Party, PartyKind, case_from_data, case_to_data

    library = Library.open(root, OPERATOR)
    case = library.create_case(
        case_from_fields(
            {"title": "网购纠纷", "complained_at": "2026-11-20T10:00+08:00", "channel": "online", "type": "quality"}
        )
    )
    with library.edit(case.number) as writer:  # the parties, facts and claims a court filing needs
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区某路8号")
        changed.respondent = Party(PartyKind.ORGANISATION, name="某某数码旗舰店", address="杭州市余杭区某街1号")
        changed.transaction.order_no = "TB2026112000001"
        changed.transaction.amount = Decimal("1299.00")
        changed.facts = "2026年11月18日收到手机，开箱发现屏幕碎裂，与客服多次交涉未果。"
        changed.demands = [Demand(DemandType.REFUND, Decimal("1299.00"), "退还货款")]
        writer.update(changed)
    return library, case.number


# ---------------------------------------------------------------- the two sides


UNSCREENED = {"on": False}  # --unscreened: copies without what screening the PDFs kept


def fresh_copy(library: Path) -> Path:
    """An untimed copy of the pristine library: every bundle is the case's first."""
    target = RUN / "lib"
    shutil.rmtree(target.parent, ignore_errors=True)
    target.parent.mkdir(parents=True)
    shutil.copytree(library, target, symlinks=True)
    if UNSCREENED["on"]:
        shutil.rmtree(target / ".derived" / "screening", ignore_errors=True)
        shutil.rmtree(target / ".derived" / "sanitised", ignore_errors=True)
    (target.parent / "config").mkdir()
    (target.parent / "out").mkdir()
    os.sync()  # no dirty pages of the copy left for the timed side to wait for
    return target


def casefile_bundle(library: Path, number: str, tree: Path) -> Run:
    argv = [*CASEFILE, "--library", str(library), "bundle", number, "--venue", "court", "--force"]
    env = {
        "PYTHONPATH": str(tree),
        "CASEFILE_OPERATOR": OPERATOR,
        "CASEFILE_CONFIG_DIR": str(library.parent / "config"),
        **BYTECODE,
    }
    return run(argv, cwd=tree, env=env)  # from the tree: ``-m`` imports the package of the working folder first


def scratch() -> Path:
    return RUN / "out"


def text_rows(sizes: list[int], runs: int, tree: Path) -> list[tuple[int, list[Run]]]:
    rows = []
    for n in sizes:
        library, number, _files = build_case(f"text-{n}", "make_texts", n)
        results = []
        for _ in range(runs):
            results.append(casefile_bundle(fresh_copy(library), number, tree))
        rows.append((n, results))
        r = results
        print(
            f"court bundle of {n} text exhibits: wall {spread([x.wall for x in r])} s, "
            f"cpu {spread([x.cpu for x in r])} s, peak {max(x.peak_mib for x in r):.0f} MiB ({runs} runs)",
            flush=True,
        )
    return rows


def pdf_row(pairs: int, tree: Path) -> Pairs:
    library, number, files = build_case_with(tree, "pdf-50", "make_pdfs", 50, 340)
    pdfs = sorted(files.glob("*.pdf"))
    state: dict[str, Path] = {}
    casefile_bundle(fresh_copy(library), number, tree)  # untimed: bytecode compiled, files cached

    def prepare(_i: int) -> None:
        state["lib"] = fresh_copy(library)

    def reference(_i: int) -> Run:
        script = REPO / "bench" / "bundle_reference.py"
        return run([sys.executable, str(script), str(scratch() / "merged.pdf"), *map(str, pdfs)])

    return compare(
        "court bundle of 50 PDFs (340 pages) vs pikepdf merge + stamp + outline",
        lambda _i: casefile_bundle(state["lib"], number, tree),
        reference,
        pairs=pairs,
        prepare=prepare,
    )


def pdf_versions_row(pairs: int, tree: Path, before: Path) -> Pairs:
    """The court bundle of the 50 PDFs by ``tree`` against the same by ``before``, alternated (each
    version bundles the case it built, see :func:`build_case_with`)."""
    cases = {side: build_case_with(side, "pdf-50", "make_pdfs", 50, 340)[:2] for side in (tree, before)}
    state: dict[str, Path] = {}

    def bundle(side: Path) -> Run:
        state["lib"] = fresh_copy(cases[side][0])
        return casefile_bundle(state["lib"], cases[side][1], side)

    for side in (tree, before):  # untimed: bytecode compiled, files cached
        bundle(side)
    return compare(
        f"court bundle of 50 PDFs (340 pages): {tree} vs {before}",
        lambda _i: bundle(tree),
        lambda _i: bundle(before),
        pairs=pairs,
    )


def pdf_add_row(pairs: int, tree: Path, before: Path) -> Pairs:
    """``casefile add`` of the 50 PDFs into an empty case, by ``tree`` against ``before``."""
    _library, _number, files = build_case_with(tree, "pdf-50", "make_pdfs", 50, 340)
    pdfs = sorted(files.glob("*.pdf"))
    pristine = CACHE / "empty-case"
    if not (pristine / "ready").exists():
        shutil.rmtree(pristine, ignore_errors=True)
        library, number = empty_case(pristine / "lib")
        library.close()
        (pristine / "ready").write_text(number)
    number = (pristine / "ready").read_text().strip()
    state: dict[str, Path] = {}

    def prepare(_i: int) -> None:
        state["lib"] = fresh_copy(pristine / "lib")

    def add(side: Path) -> Run:
        argv = [*CASEFILE, "--library", str(state["lib"]), "add", number, *map(str, pdfs)]
        env = {"PYTHONPATH": str(side), "CASEFILE_OPERATOR": OPERATOR, "CASEFILE_CONFIG_DIR": str(RUN / "config")}
        return run(argv, cwd=side, env={**env, **BYTECODE})

    for side in (tree, before):  # untimed: bytecode compiled, files cached
        prepare(0)
        add(side)
    result = compare(
        f"casefile add of 50 PDFs (340 pages): {tree} vs {before}",
        lambda _i: add(tree),
        lambda _i: add(before),
        pairs=pairs,
        prepare=prepare,
    )
    prepare(0)
    add(tree)
    kept = [p.stat().st_size for p in (state["lib"] / ".derived" / "sanitised").rglob("*.pdf")]
    originals = sum(p.stat().st_size for p in pdfs)
    print(
        f"  kept sanitised copies: {len(kept)} files, {sum(kept) / 1024:.0f} KiB ({originals / 1024:.0f} KiB of PDFs)"
    )
    return result


def photos_row(pairs: int, tree: Path) -> Pairs:
    library, number, files = build_case("photos-50", "make_photos", 50)
    photos = sorted(files.glob("*.jpg"))
    state: dict[str, Path] = {}
    casefile_bundle(fresh_copy(library), number, tree)  # untimed: bytecode compiled, files cached

    def prepare(_i: int) -> None:
        state["lib"] = fresh_copy(library)

    def reference(_i: int) -> Run:
        out = scratch() / "photos.pdf"
        img2pdf = Path(sys.executable).with_name("img2pdf")
        return run(["sh", "-c", f'"{img2pdf}" "$@" -o "{out}" && sync "{out}"', "sh", *map(str, photos)])

    return compare(
        "court bundle of 50 12-MP photos vs img2pdf + sync",
        lambda _i: casefile_bundle(state["lib"], number, tree),
        reference,
        pairs=pairs,
        prepare=prepare,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="text,scaling,pdf,photos")
    parser.add_argument("--pairs", type=int, default=5, help="alternated pairs of the pdf and photos rows (>= 5)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each size of the text rows")
    parser.add_argument("--sizes", default="10,100,1000,5000", help="sizes of the scaling row")
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose casefile is run")
    parser.add_argument("--unscreened", action="store_true", help="bundle without the PDFs' kept screening")
    parser.add_argument("--before", type=Path, default=None, help="the checkout pdf-add compares --tree with")
    parser.add_argument("--build", nargs="+", help=argparse.SUPPRESS)  # NAME MAKE ARGS: build a case, by --tree
    args = parser.parse_args()
    if args.build:
        sys.path.insert(0, str(args.tree.resolve()))  # the casefile of the tree builds it
        name, make, *sizes = args.build
        build_case(name, make, *map(int, sizes))
        return
    UNSCREENED["on"] = args.unscreened
    rows = args.rows.split(",")
    if "pdf-add" in rows and args.before is None:
        parser.error("the pdf-add row compares --tree with the checkout given by --before")
    tree = args.tree.resolve()
    print(f"casefile from {tree}; load average {os.getloadavg()[0]:.2f} at the start")
    if "text" in rows or "scaling" in rows:
        sizes = [int(s) for s in args.sizes.split(",")] if "scaling" in rows else [1000, 5000]
        results = text_rows(sizes, args.runs, tree)
        medians = [statistics.median(r.wall for r in rs) for _n, rs in results]
        peaks = {n: max(r.peak_mib for r in rs) for n, rs in results}
        for n, goal in ((1000, 8), (5000, 40)):
            if n in peaks:
                median = medians[[m for m, _ in results].index(n)]
                print(f"  {n} text exhibits: median {median:.2f} s (goal <= {goal} s), peak {peaks[n]:.0f} MiB")
        print("  goal at 5,000: peak <= 400 MB")
        if len(results) > 1:
            print("  growth: " + growth([n for n, _ in results], medians))
    if "pdf" in rows:
        print_rows([pdf_row(args.pairs, tree)], goal="<= 3", cpu=True)
        if args.before is not None:
            print_rows([pdf_versions_row(args.pairs, tree, args.before.resolve())], cpu=True)
    if "photos" in rows:
        print_rows([photos_row(args.pairs, tree)], goal="<= 2", cpu=True)
    if "pdf-add" in rows:
        print_rows([pdf_add_row(args.pairs, tree, args.before.resolve())], cpu=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end (other work on this machine shares its 2 cores)")
    shutil.rmtree(RUN, ignore_errors=True)


if __name__ == "__main__":
    main()
