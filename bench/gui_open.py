"""Opening a case of thousands of exhibits in the app: how long the window stops answering.

Uses the case of N exhibits that bench/scaling.py makes (once, cached under bench/.cache/, shared
with it), copied to a temporary folder (opening a case may write thumbnails and settings). Each run
is a whole app process (offscreen), started as a user starts it, the main window shown with a small
case open (one added to the copy); then a 5 ms timer ticks on the GUI thread and the big case is
opened as a click in the case list opens it (``MainWindow.open_case``). The figure is the longest
gap between two ticks from the click until the window has answered for a second: the time the
window was frozen. Also shown: the time ``open_case`` took, the longest gap when the Bundles
tab is then shown at its exhibit list (work a hidden tab no longer does on open is done there,
once), and the longest gap from an exhibit's title typed over in the evidence table until every
tab shows it (the change written in the background, the case read again), and the longest gap
when the evidence tab then shows its thumbnail grid, at the bundle wizard's check step (the
preflight of the 5,000 exhibits), and from the complainant's address saved in the overview until
every tab shows it. min / median / max of the runs.

``--tree DIR`` runs the app of another checkout (e.g. the code before a change), on the same case.

    tools/dev bench gui_open [--exhibits 5000] [--runs 5] [--tree DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import REPO, app_figures, gui_app, spread  # noqa: E402
from bench.scaling import BYTECODE, cached, copy_library  # noqa: E402

# The app as casefile.ui.app.run starts it (without the first-run questions), then the measurement.
APP = (
    gui_app(
        "root, number, small = Path(sys.argv[1]), sys.argv[2], sys.argv[3]",
        library='Library.open(root, "bench")',
        # The app opens a case at start (the last one, or the first listed): the small one.
        then="window.open_case(small)",
    )
    + """
assert window.workspace.number == small
marks = {}

def open_case():
    marks["open"] = time.perf_counter()
    window.open_case(number)
    marks["opened"] = time.perf_counter()
    assert window.workspace.number == number
    settle(marks["open"], show_bundles)

def show_bundles():
    marks["open gap"] = longest_gap(marks["open"])
    workspace = window.workspace
    marks["bundles"] = time.perf_counter()
    workspace.setCurrentWidget(workspace.bundles)
    workspace.bundles.wizard._go(1)  # the exhibits step
    settle(marks["bundles"], edit)

def edit():
    marks["bundles gap"] = longest_gap(marks["bundles"])
    assert window.workspace.bundles.wizard.exhibit_list.topLevelItemCount() > 0
    workspace = window.workspace
    workspace.setCurrentWidget(workspace.evidence)
    model = workspace.evidence.model
    title = f"微信聊天记录 {time.time()}"  # an exhibit's title typed over in the evidence table
    marks["edit"] = time.perf_counter()
    assert model.setData(model.index(0, model.TITLE), title)
    edited = lambda: workspace.overview.case is not None and workspace.overview.case.exhibit(1).title == title
    wait_for(edited, lambda: settle(marks["edit"], grid))

def grid():
    marks["edit gap"] = longest_gap(marks["edit"])
    marks["grid"] = time.perf_counter()
    window.workspace.evidence.act_grid.trigger()  # the thumbnails instead of the table
    settle(marks["grid"], check)

def check():
    marks["grid gap"] = longest_gap(marks["grid"])
    workspace = window.workspace
    workspace.setCurrentWidget(workspace.bundles)
    marks["check"] = time.perf_counter()
    workspace.bundles.wizard._go(2)  # the check step: the preflight of every exhibit chosen
    settle(marks["check"], save)

def save():
    marks["check gap"] = longest_gap(marks["check"])
    workspace = window.workspace
    workspace.setCurrentWidget(workspace.overview)
    address = f"北京市朝阳区建国路{time.time()}号"  # the complainant's address typed in the overview, saved
    workspace.overview.c_address.setText(address)
    marks["save"] = time.perf_counter()
    assert workspace.overview.save()
    saved = lambda: workspace.evidence.case is not None and workspace.evidence.case.complainant.address == address
    wait_for(saved, lambda: settle(marks["save"], end))

def end():
    marks["save gap"] = longest_gap(marks["save"])
    opened = marks["opened"] - marks["open"]
    gaps = [marks["bundles gap"], marks["edit gap"], marks["grid gap"], marks["check gap"], marks["save gap"]]
    print(marks["open gap"], opened, *gaps, flush=True)
    app.quit()

timer.start()
QTimer.singleShot(1500, open_case)  # the window shown and settled first
app.exec()
library.close()
"""
)


def measure(root: Path, number: str, small: str, tree: Path) -> tuple[float, ...]:
    """(longest GUI-thread gap opening the case, seconds in open_case, longest gap showing the bundle exhibits,
    longest gap from an exhibit's title edited in the evidence table until every tab shows it, longest gap
    showing the thumbnail grid, longest gap at the bundle wizard's check step, longest gap from the overview
    saved until every tab shows it)."""
    figures = app_figures(
        APP,
        [str(root), number, small],
        7,
        env={**BYTECODE, "PYTHONPATH": str(tree)},
        prefix="casefile-gui-open-",
        cwd=tree,
    )
    return tuple(figures)


def add_small_case(root: Path) -> str:
    """A case of no exhibits beside the big one: the one open when the big one is clicked."""
    from casefile.core.library import Library, case_from_fields

    library = Library.open(root, "bench")
    try:
        fields = {"title": "投诉：未收到退款", "complained_at": "2026-11-16T10:00+08:00", "channel": "phone"}
        return library.create_case(case_from_fields({**fields, "type": "service"})).number
    finally:
        library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose app is measured")
    args = parser.parse_args()
    source, number = cached(args.exhibits)
    with tempfile.TemporaryDirectory(prefix="casefile-gui-open-") as work:
        root = copy_library(source, Path(work))
        small = add_small_case(root)
        measure(root, number, small, args.tree)  # untimed: bytecode compiled, files in the page cache, thumbnails made
        results = []
        for run in range(args.runs):
            results.append(measure(root, number, small, args.tree))
            gap, call, bundles, edit, grid, check, save = results[-1]
            print(
                f"  run {run + 1}: window frozen {gap:.3f} s (open_case {call:.3f} s), bundles {bundles:.3f} s, "
                f"edit {edit:.3f} s, grid {grid:.3f} s, check {check:.3f} s, save {save:.3f} s",
                file=sys.stderr,
            )
    print(f"{args.exhibits} exhibits, {args.tree}: case opened in the app, {args.runs} runs, min / median / max")
    print(f"  longest GUI-thread block opening it     {spread([r[0] for r in results])} s")
    print(f"  open_case itself                        {spread([r[1] for r in results])} s")
    print(f"  longest block showing the bundle list   {spread([r[2] for r in results])} s")
    print(f"  longest block at an exhibit's edit      {spread([r[3] for r in results])} s")
    print(f"  longest block showing the thumbnails    {spread([r[4] for r in results])} s")
    print(f"  longest block at the wizard's check     {spread([r[5] for r in results])} s")
    print(f"  longest block at the overview's save    {spread([r[6] for r in results])} s")


if __name__ == "__main__":
    main()
