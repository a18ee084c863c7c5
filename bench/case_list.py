"""Opening the case list on a big library: the window against a bare SQLite read of the index.

Makes (once, cached under bench/.cache/) a library of N cases through the public API, then
times, in one process: a raw ``SELECT * FROM cases`` with sqlite3 (the floor), and what the
window does at start — open the library, read the index, fill the model, show the table.

    tools/dev bench case_list [--cases 10000]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = CACHE / f"library-{args.cases}"
    make_library(root, args.cases)

    from casefile.ui.app import make_application
    from casefile.ui.context import AppContext
    from casefile.ui.main_window import CaseListPane
    from casefile.ui.tasks import TaskRunner

    app = make_application()
    raw_times, window_times = [], []
    for _ in range(args.runs):
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
    print(f"cases: {len(rows)}; rows handed to the view at first: {shown} (the rest load as it scrolls)")
    print(f"sqlite3 SELECT *      {1000 * raw:7.1f} ms")
    print(f"case list shown       {1000 * window:7.1f} ms   ratio {window / raw:5.1f}")


if __name__ == "__main__":
    main()
