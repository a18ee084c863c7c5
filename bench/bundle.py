"""Court bundles as a user makes them: whole ``casefile bundle`` commands, timed from outside.

Rows (each a fresh process per run; memory is the peak resident size of CaseFile's process alone):

- ``text``: a court bundle of 1,000 and of 5,000 text exhibits (chat logs a few dozen lines
  long). No reference: the goal is linear cost, <= 8 s / <= 40 s and <= 400 MB at 5,000.
- ``scaling``: the same for 10 -> 100 -> 1,000 -> 5,000 text exhibits, printing the growth
  of each step against the growth of the case.
- ``pdf``: a court bundle of 50 PDFs (340 pages) against a small pikepdf script doing the
  plain part of the same work: merge the files, stamp every page, one bookmark per file,
  save and fsync (bench/bundle_reference.py). Goal: <= 3x. The case's PDFs are screened when
  added, as a user's are (casefile.core.disclosure.screening); ``--unscreened`` removes what
  that screening kept from every copy, to time the first packet of files added before it.
- ``photos``: a court bundle of 50 12-MP phone photos against ``img2pdf`` of the same photos
  followed by ``sync`` of its output, both as whole commands. Goal: <= 2x.

The two sides of a comparison alternate for ``--pairs`` pairs (at least 5). The cases are
built once through the public API and kept under bench/.cache/bundle/; every run starts
from an untimed fresh copy of the case's library, so every bundle is the case's first.
CaseFile's bytecode is compiled and kept (under bench/.cache/pycache), as in an installed
CaseFile, by an untimed bundle before the pairs: a checkout run with PYTHONDONTWRITEBYTECODE
would compile every module it imports on every run.
``--tree DIR`` runs the ``casefile`` of another checkout (to measure the code before a change).

    tools/dev bench bundle [--rows text,scaling,pdf,photos] [--pairs 5] [--runs 3] [--tree DIR] [--unscreened]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import sys
from decimal import Decimal
from pathlib import Path

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


def build_case(name: str, make: str, *args: int) -> tuple[Path, str, Path]:
    """(the pristine library, the case number, the folder of source files): made once, then cached."""
    from casefile.core.evidence import AddOptions, add_files
    from casefile.core.library import Library, case_from_fields
    from casefile.core.model import Demand, DemandType, Party, PartyKind, case_from_data, case_to_data

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
    library = Library.open(home / "lib", OPERATOR)
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
    for _ in add_files(library, case.number, sorted((home / "files").iterdir()), AddOptions(purpose="证明交涉经过")):
        pass
    library.close()
    done.write_text(case.number)
    return home / "lib", case.number, home / "files"


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
    library, number, files = build_case("pdf-50", "make_pdfs", 50, 340)
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
    args = parser.parse_args()
    UNSCREENED["on"] = args.unscreened
    rows = args.rows.split(",")
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
    if "photos" in rows:
        print_rows([photos_row(args.pairs, tree)], goal="<= 2", cpu=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end (other work on this machine shares its 2 cores)")
    shutil.rmtree(RUN, ignore_errors=True)


if __name__ == "__main__":
    main()
