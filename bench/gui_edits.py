"""Editing a case of thousands of exhibits in the app, again and again: how long the window stops answering.

The case of N exhibits bench/scaling.py makes (cached under bench/.cache/, shared with it), copied
to a temporary folder, opened in a whole app process (offscreen) as ``bench/gui_open.py`` opens
it, its evidence tab shown. Then an exhibit's title is typed over in the evidence table ``--edits``
times, one after another (each written in the background, the case read again, every tab shown it,
the window settled), and an exhibit in the middle of the table is moved up ``--moves`` times (the
tool bar's 上移). A 5 ms timer ticks on the GUI thread; each figure is the longest gap between two
ticks from the edit (or the move) until the window has settled. Also counted: the full garbage
collections meanwhile (those of the oldest generation) and the longest, which freeze the window
whichever thread sets them off, and whether the table kept its scroll position through the moves.
min / median / max of the runs, each run's figures being the median and the longest of its steps.

``--tree DIR`` runs the app of another checkout (e.g. the code before a change), on the same case.

    tools/dev bench gui_edits [--exhibits 5000] [--runs 5] [--edits 10] [--moves 5] [--tree DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gui_open import add_small_case  # noqa: E402
from bench.harness import REPO, app_figures, gui_app, spread  # noqa: E402
from bench.scaling import BYTECODE, cached, copy_library  # noqa: E402

APP = (
    gui_app(
        "root, number, small = Path(sys.argv[1]), sys.argv[2], sys.argv[3]\n"
        "edits, moves = int(sys.argv[4]), int(sys.argv[5])",
        library='Library.open(root, "bench")',
        then="window.open_case(small)",
    )
    + """
full = []  # (start, seconds) of each collection of the oldest generation
began = {}

def collected(phase, info):
    if info["generation"] != 2:
        return
    if phase == "start":
        began["at"] = time.perf_counter()
    else:
        full.append((began["at"], time.perf_counter() - began["at"]))

gc.callbacks.append(collected)
gaps = {"edit": [], "move": []}
marks = {}

def open_case():
    since = time.perf_counter()
    window.open_case(number)
    window.workspace.setCurrentWidget(window.workspace.evidence)
    settle(since, first_edit, 0.5)

def step(kind, since, done, then):
    wait_for(done, lambda: settle(since, lambda: (gaps[kind].append(longest_gap(since)), then()), 0.5))

def edit(i):
    if i == edits:
        start_moves()
        return
    workspace = window.workspace
    model = workspace.evidence.model
    title = f"微信聊天记录 {i} {time.time()}"
    since = time.perf_counter()
    assert model.setData(model.index(0, model.TITLE), title)
    shown = lambda: (
        workspace.overview.case is not None
        and workspace.overview.case.exhibit(1).title == title
        and workspace._reading is None
    )
    step("edit", since, shown, lambda: edit(i + 1))

def start_moves():
    table = window.workspace.evidence.table
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    table.selectRow(table.rowAt(table.viewport().height() // 2))
    marks["scroll"] = bar.value()
    marks["moves"] = time.perf_counter()
    move(0)

def move(i):
    evidence = window.workspace.evidence
    if i == moves:
        end()
        return
    exhibit = evidence.selected_exhibit()
    row = [e.number for e in evidence.model.exhibits].index(exhibit.number)
    since = time.perf_counter()
    evidence.move_selected(-1)
    moved = lambda: evidence.model.exhibits[row - 1].number == exhibit.number and window.workspace._reading is None
    step("move", since, moved, lambda: move(i + 1))

def end():
    edited, moved = gaps["edit"], gaps["move"]
    collections = [seconds for at, seconds in full if at > marks.get("first", 0)]
    kept = float(window.workspace.evidence.table.verticalScrollBar().value() == marks["scroll"])
    figures = [
        statistics.median(edited), max(edited), statistics.median(moved), max(moved),
        len(collections), max(collections, default=0.0), kept,
    ]
    print(*figures, flush=True)
    app.quit()

def first_edit():
    marks["first"] = time.perf_counter()
    edit(0)

timer.start()
QTimer.singleShot(1500, open_case)
app.exec()
library.close()
"""
)


def measure(root: Path, number: str, small: str, tree: Path, edits: int, moves: int) -> tuple[float, ...]:
    """(median and longest GUI-thread gap of the edits, the same of the moves, full collections from the first
    edit on, the longest of them, 1 if the table kept its scroll position through the moves)."""
    figures = app_figures(
        APP,
        [str(root), number, small, str(edits), str(moves)],
        7,
        env={**BYTECODE, "PYTHONPATH": str(tree)},
        prefix="casefile-gui-edits-",
        cwd=tree,
    )
    return tuple(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--moves", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose app is measured")
    args = parser.parse_args()
    source, number = cached(args.exhibits)
    with tempfile.TemporaryDirectory(prefix="casefile-gui-edits-") as work:
        root = copy_library(source, Path(work))
        small = add_small_case(root)
        measure(root, number, small, args.tree, 1, 1)  # untimed: bytecode compiled, files in the page cache
        results = []
        for run in range(args.runs):
            results.append(measure(root, number, small, args.tree, args.edits, args.moves))
            edit, edit_max, move, move_max, count, longest, kept = results[-1]
            print(
                f"  run {run + 1}: edits {edit:.3f} s (longest {edit_max:.3f} s), moves {move:.3f} s (longest "
                f"{move_max:.3f} s), {count:.0f} full collections (longest {longest:.3f} s), "
                f"scroll position {'kept' if kept else 'lost'}",
                file=sys.stderr,
            )
    print(
        f"{args.exhibits} exhibits, {args.tree}: {args.edits} title edits then {args.moves} moves in the app, "
        f"{args.runs} runs, min / median / max"
    )
    print(f"  GUI-thread block at an edit, median   {spread([r[0] for r in results])} s")
    print(f"  GUI-thread block at an edit, longest  {spread([r[1] for r in results])} s")
    print(f"  GUI-thread block at a move, median    {spread([r[2] for r in results])} s")
    print(f"  GUI-thread block at a move, longest   {spread([r[3] for r in results])} s")
    counts = sorted(int(r[4]) for r in results)
    print(f"  full garbage collections              {counts[0]} / {counts[len(counts) // 2]} / {counts[-1]}")
    print(f"  the longest of them                   {spread([r[5] for r in results])} s")
    print(f"  runs keeping the scroll position      {sum(int(r[6]) for r in results)} of {len(results)}")


if __name__ == "__main__":
    main()
