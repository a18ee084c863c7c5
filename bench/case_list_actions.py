"""Working in the case list of a big library: how long the window stops answering at each step.

Uses the library of N cases that bench/case_list.py makes (once, cached under bench/.cache/, shared
with it), copied to a temporary folder for each run (a save writes to it). Each run is a whole app
process (offscreen), the library opened as the app opens it (``open_library``), the main window
shown; then a 5 ms timer ticks on the GUI thread and the user works in the list, one step after
another, each until the window has answered for a second (``settle``):

- a case deep in the list opened (``MainWindow.open_case``, as a search hit or the dashboard opens it);
- a word typed in the list's filter, and the filter cleared;
- the "overdue" filter ticked, and unticked;
- the list sorted by title;
- the open case's title saved from the overview (the first change of the session), and saved again;
- the open case verified;
- the whole list read again (as a case registered at the walk-in desk, or imported, has it read).

The figure of a step is the longest gap between two ticks from the step until it has settled: the
time the window was frozen. min / median / max of the runs.

``--tree DIR`` runs the app of another checkout (e.g. the code before a change), on the same library.

    tools/dev bench case_list_actions [--cases 10000] [--runs 5] [--tree DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.case_list import CACHE, make_library  # noqa: E402
from bench.harness import REPO, app_figures, gui_app, spread  # noqa: E402
from bench.scaling import BYTECODE, copy_library  # noqa: E402

STEPS = (
    "open a case deep in the list",
    "type a word in the filter",
    "clear the filter",
    "tick 'overdue'",
    "untick 'overdue'",
    "sort by title",
    "save a title (first change)",
    "save a title again",
    "verify the open case",
    "the whole list read again",
)

# The app as casefile.ui.app.run opens a library (without the first-run questions), then the steps.
APP = (
    gui_app("root = Path(sys.argv[1])")
    + """
numbers = library.case_numbers()  # in number order
deep = numbers[len(numbers) // 2]
def save(title):
    overview = window.workspace.overview
    overview.editor_for("title").setText(title)
    overview.save()

steps = [
    lambda: window.open_case(deep),
    lambda: window.cases.search.setText("投诉 99"),
    lambda: window.cases.search.clear(),
    lambda: window.cases.overdue.setChecked(True),
    lambda: window.cases.overdue.setChecked(False),
    lambda: window.cases.table.sortByColumn(1, Qt.SortOrder.AscendingOrder),
    lambda: save("投诉：标题已改"),
    lambda: save("投诉：标题再次修改"),
    lambda: window.verify(all_cases=False),
    lambda: ctx.events.cases_changed.emit(),  # as a case registered or imported has it read
]
gaps = []

def step(i):
    if i == len(steps):
        print(*gaps, flush=True)
        app.quit()
        return
    start = time.perf_counter()
    steps[i]()
    settle(start, lambda: (gaps.append(longest_gap(start)), step(i + 1)))

timer.start()
QTimer.singleShot(1500, lambda: step(0))  # the window shown and settled first
app.exec()
library.close()
"""
)


def measure(source: Path, tree: Path) -> list[float]:
    """The longest GUI-thread gap of each of :data:`STEPS`, in a fresh copy of the library."""
    with tempfile.TemporaryDirectory(prefix="casefile-list-actions-") as work:
        root = copy_library(source, Path(work))
        return app_figures(
            APP,
            [str(root)],
            len(STEPS),
            env={**BYTECODE, "PYTHONPATH": str(tree)},
            prefix="casefile-list-actions-",
            cwd=tree,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose app is measured")
    args = parser.parse_args()
    source = CACHE / f"library-{args.cases}"
    make_library(source, args.cases)
    tree = args.tree.resolve()
    measure(source, tree)  # untimed: bytecode compiled, files in the page cache
    results = []
    for run in range(args.runs):
        results.append(measure(source, tree))
        print(f"  run {run + 1}: " + ", ".join(f"{g:.3f}" for g in results[-1]) + " s", file=sys.stderr)
    print(f"{args.cases} cases, {tree}: longest GUI-thread block of each step, {args.runs} runs, min / median / max")
    for i, name in enumerate(STEPS):
        print(f"  {name:32s} {spread([r[i] for r in results])} s")


if __name__ == "__main__":
    main()
