"""Opening the case list on a big library, as a user waits for it: the whole app start, window shown.

Makes (once, cached under bench/.cache/) a library of N cases through the public API, then
runs alternated pairs of whole processes (bench/harness.py), min / median / max:

- the app: the interpreter, Qt, the imports, opening the library, reading the index, filling
  the case list and showing the main window (as ``casefile`` starts it, without the
  first-run questions), timed until the window has been shown and the process has ended;
- the floor: a fresh Python reading every row of the index with sqlite3.

Then, in one process and only to explain the figure, what the window itself does at start
(open the library, read the index, fill the model, show the table) against the raw read.
Bytecode is compiled and kept under bench/.cache/pycache, as in an installed CaseFile.

``--tree DIR`` starts the app of another checkout (e.g. the code before a change) on the same library.

    tools/dev bench case_list [--cases 10000] [--pairs 5] [--tree DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.harness import REPO  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.settings import Settings  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"


def make_library(root: Path, count: int) -> None:
    library = Library.open(root, "bench")
    have = len(library.case_numbers())
    start = time.perf_counter()
    for i in range(have, count):
        month = 1 + i % 12
        library.create_case(
            case_from_fields(
                {
                    "title": f"投诉 {i}：商品质量问题",
                    "complained_at": f"2026-{month:02d}-15T10:00+08:00",
                    "channel": "phone",
                    "type": ["quality", "logistics", "service"][i % 3],
                    "priority": ["urgent", "important", "normal"][i % 3],
                }
            )
        )
        if i % 1000 == 999:
            print(f"  {i + 1} cases ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    library.close()


# The app as casefile.ui.app.run starts it (without the first-run questions); it quits once the
# window is shown with its case list filled.
APP = """
import sys
from pathlib import Path
from casefile.core.settings import load_settings
from casefile.ui.app import make_application
from casefile.ui.context import AppContext
from casefile.ui.i18n import install
from casefile.ui.library_choice import open_library
from casefile.ui.main_window import MainWindow
from casefile.ui.tasks import TaskRunner
from PySide6.QtCore import QTimer

app = make_application()
settings = load_settings()
settings.operator = "bench"
install(app, settings.language)
library = open_library(Path(sys.argv[1]), settings)  # as the app opens it
window = MainWindow(AppContext(library=library, settings=settings, runner=TaskRunner()))
window.show()
assert window.cases.model.rowCount() > 0
QTimer.singleShot(0, app.quit)
app.exec()
library.close()
"""
SQLITE_READ = """
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT * FROM cases ORDER BY sort_key, number").fetchall()
"""


def whole_commands(root: Path, pairs: int, tree: Path) -> None:
    import tempfile

    from bench.harness import app_env, compare, print_rows, run, spread

    with tempfile.TemporaryDirectory(prefix="casefile-case-list-") as home:
        env = {
            "PYTHONDONTWRITEBYTECODE": "",
            "PYTHONPYCACHEPREFIX": str(CACHE / "pycache"),
            "PYTHONPATH": str(tree),
            **app_env(home),
        }
        app = [sys.executable, "-c", APP, str(root)]
        floor = [sys.executable, "-c", SQLITE_READ, str(root / "index.sqlite")]
        # Run from the tree: with -c, the working folder comes first on the path.
        run(app, env=env, cwd=tree)  # untimed: bytecode compiled, files in the page cache
        run(floor, env=env)
        row = compare(
            "app started, case list shown  vs  a fresh Python reading the index with sqlite3",
            lambda _i: run(app, env=env, cwd=tree),
            lambda _i: run(floor, env=env),
            pairs=pairs,
        )
    print_rows([row], cpu=True)
    print(f"  ours       cpu  {spread([r.cpu for r in row.ours])} s")


def in_process(root: Path, runs: int) -> None:
    from casefile.ui.app import make_application
    from casefile.ui.context import AppContext
    from casefile.ui.main_window import CaseListPane
    from casefile.ui.tasks import TaskRunner

    app = make_application()
    raw_times, window_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        con = sqlite3.connect(root / "index.sqlite")
        rows = con.execute("SELECT * FROM cases").fetchall()
        con.close()
        raw_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        library = Library.open(root, "bench")
        pane = CaseListPane(AppContext(library=library, settings=Settings(), runner=TaskRunner()))
        pane.reload()
        pane.resize(1000, 700)
        pane.show()
        app.processEvents()
        window_times.append(time.perf_counter() - start)
        shown = pane.model.rowCount()
        pane.close()
        library.close()
    raw, window = statistics.median(raw_times), statistics.median(window_times)
    print(f"in one process, to explain it: {len(rows)} cases; rows handed to the view at first: {shown}")
    print(f"  sqlite3 SELECT *      {1000 * raw:7.1f} ms")
    print(f"  case list shown       {1000 * window:7.1f} ms   ratio {window / raw:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose app is started")
    args = parser.parse_args()
    root = CACHE / f"library-{args.cases}"
    make_library(root, args.cases)
    print(f"the app of {args.tree}")
    whole_commands(root, args.pairs, args.tree.resolve())
    in_process(root, args.pairs)


if __name__ == "__main__":
    main()
