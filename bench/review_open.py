"""Opening the periodic review the first time in the app: how long the window stops answering.

Uses the library of N cases that bench/review.py makes (once, cached under bench/.cache/, shared
with it), copied to a temporary folder. Each run is a whole app process (offscreen), the library
opened as the app opens it (``open_library``), the main window shown; then a 5 ms timer ticks on
the GUI thread and the review is asked for as its menu item asks (``MainWindow.open_review``), the
first time in that process: its module, pyqtgraph and numpy are imported then, not at start. The
figure is the longest gap between two ticks from the ask until the dashboard shows its figures (its
charts' included) and the window has answered for a second: the time the window was frozen. Also shown: the time
``open_review`` itself took, the time until the figures were on screen, and whether pyqtgraph was
imported before the review was asked for (it should not be: a user who never opens the review does
not carry it). min / median / max of the runs.

``--tree DIR`` runs the app of another checkout (e.g. the code before a change), on the same library.

    tools/dev bench review_open [--cases 1000] [--runs 5] [--tree DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import REPO, app_figures, gui_app, spread  # noqa: E402
from bench.review import CACHE, make_library  # noqa: E402
from bench.scaling import BYTECODE, copy_library  # noqa: E402

# The app as casefile.ui.app.run opens a library (without the first-run questions), then the review asked for.
APP = (
    gui_app("root = Path(sys.argv[1])")
    + """
marks = {}

def shown():
    board = window.review_window
    if board is None or not board.isVisible() or getattr(board, "result", None) is None:
        return False
    return getattr(board, "drawn", lambda: True)()  # its charts drawn too, where they come after the window

def ask():
    marks["early"] = float("pyqtgraph" in sys.modules)
    marks["ask"] = time.perf_counter()
    window.open_review()
    marks["call"] = time.perf_counter() - marks["ask"]
    wait_for(shown, figures)

def figures():
    marks["shown"] = time.perf_counter() - marks["ask"]
    settle(marks["ask"], end)

def end():
    print(longest_gap(marks["ask"]), marks["call"], marks["shown"], marks["early"], flush=True)
    app.quit()

timer.start()
QTimer.singleShot(1500, ask)  # the window shown and settled first
app.exec()
library.close()
"""
)


def measure(root: Path, tree: Path) -> list[float]:
    """(longest GUI-thread gap from the review asked for until it has settled, seconds in open_review, seconds
    until its figures are on screen, 1 if pyqtgraph was imported before the ask else 0)."""
    return app_figures(
        APP, [str(root)], 4, env={**BYTECODE, "PYTHONPATH": str(tree)}, prefix="casefile-review-open-", cwd=tree
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose app is measured")
    args = parser.parse_args()
    source = CACHE / f"review-{args.cases}"
    CACHE.mkdir(exist_ok=True)
    make_library(source, args.cases)
    tree = args.tree.resolve()
    with tempfile.TemporaryDirectory(prefix="casefile-review-open-") as work:
        root = copy_library(source, Path(work))
        measure(root, tree)  # untimed: bytecode compiled, files in the page cache
        results = []
        for run in range(args.runs):
            results.append(measure(root, tree))
            gap, call, shown, early = results[-1]
            print(
                f"  run {run + 1}: window frozen {gap:.3f} s (open_review {call:.3f} s), figures shown after "
                f"{shown:.3f} s, pyqtgraph imported at start: {'yes' if early else 'no'}",
                file=sys.stderr,
            )
    print(f"{args.cases} cases, {tree}: the review opened the first time, {args.runs} runs, min / median / max")
    print(f"  longest GUI-thread block                {spread([r[0] for r in results])} s")
    print(f"  open_review itself                      {spread([r[1] for r in results])} s")
    print(f"  until its figures are shown             {spread([r[2] for r in results])} s")
    print(f"  pyqtgraph imported at start             {sum(r[3] > 0 for r in results)} of {args.runs} runs")


if __name__ == "__main__":
    main()
