"""The app left open and idle on a big library: CPU time it spends, as a share of one core.

Makes (once, cached under bench/.cache/, shared with bench/case_list.py) a library of N
cases, then starts the app as a user does (a process of its own, offscreen: the window
shown, the watch folders watched), lets it settle, and reads the process's own CPU time
(os.times: every thread, user + system) over a window of idle seconds. Nothing is added,
nothing is clicked: what it costs is the watcher's safety-net rescans and the window's
timers. Goal: 0.5% of a core or less.

    tools/dev bench idle [--cases 10000] [--seconds 60] [--settle 15] [--runs 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.case_list import CACHE, make_library  # noqa: E402
from bench.harness import REPO, app_figures, spread  # noqa: E402

# The app as casefile.ui.app.run starts it (without the first-run questions), then the measurement.
APP = """
import os, sys, time
from pathlib import Path
from casefile.core.library import Library
from casefile.core.settings import load_settings
from casefile.ui.app import make_application
from casefile.ui.context import AppContext
from casefile.ui.i18n import install
from casefile.ui.main_window import MainWindow
from casefile.ui.tasks import TaskRunner
from PySide6.QtCore import QTimer

root, settle, seconds = Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
started = time.perf_counter()
app = make_application()
settings = load_settings()
install(app, settings.language)
library = Library.open(root, "bench")
window = MainWindow(AppContext(library=library, settings=settings, runner=TaskRunner()))
window.show()
window.start_watching()
marks = {}

def begin():
    assert window.watch.watcher is not None and window.watch.watcher.wait_ready(120)
    marks["t"], marks["cpu"] = time.perf_counter(), sum(os.times()[:2])
    marks["shown"] = started
    QTimer.singleShot(int(seconds * 1000), end)

def end():
    wall = time.perf_counter() - marks["t"]
    cpu = sum(os.times()[:2]) - marks["cpu"]
    print(f"{wall:.3f} {cpu:.4f}", flush=True)
    window.watch.stop()
    window.watch.wait_stopped(10)
    app.quit()

QTimer.singleShot(int(settle * 1000), begin)
app.exec()
library.close()
"""


def measure(root: Path, settle: float, seconds: float) -> tuple[float, float]:
    """(idle wall seconds, CPU seconds in them) of one app process."""
    wall, cpu = app_figures(
        APP, [str(root), str(settle), str(seconds)], 2, env={"PYTHONPATH": str(REPO)}, prefix="casefile-idle-"
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="idle seconds measured")
    parser.add_argument("--settle", type=float, default=15.0, help="seconds after start before measuring")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    root = CACHE / f"library-{args.cases}"
    make_library(root, args.cases)
    shares = []
    for run in range(args.runs):
        wall, cpu = measure(root, args.settle, args.seconds)
        shares.append(100 * cpu / wall)
        print(f"  run {run + 1}: {cpu:.3f} s of CPU in {wall:.1f} s idle", file=sys.stderr)
    print(f"{args.cases} cases, app idle {args.seconds:.0f} s: CPU {spread(shares)} % of a core (goal ≤ 0.5 %)")


if __name__ == "__main__":
    main()
