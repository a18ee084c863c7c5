"""What the app loads to show its window and a case with bundles made, counted in modules (never timed).

The app lists a case's bundles from its first window, and its bundle wizard, new-case dialog and
walk-in desk can each make one; what makes a PDF (ReportLab, pikepdf: 0.15 s of every start) is
loaded on the task's thread when a PDF is first made, not when the window opens. The case list and
its clocks are read from the index with sqlite3 while the library is in order; SQLAlchemy (0.2 s)
loads with the first change.
"""

from __future__ import annotations

import json
from pathlib import Path

from casefile_testing import filed_case, run_python

from casefile.core.library import Library
from casefile.core.settings import Settings

# What makes PDFs, and SQLAlchemy: the case list and clocks of a library in order are read with sqlite3. The
# periodic review's charts (pyqtgraph, numpy with it): imported when the review is first asked for.
NOT_AT_START = ("reportlab", "pikepdf", "pypdfium2", "sqlalchemy", "pyqtgraph", "numpy")

APP = """
import json, sys
from pathlib import Path
from casefile.core.settings import Settings
from casefile.ui.app import make_application
from casefile.ui.context import AppContext
from casefile.ui.library_choice import open_library
from casefile.ui.main_window import MainWindow
from casefile.ui.tasks import TaskRunner

app = make_application()
library = open_library(Path(sys.argv[1]), Settings(operator="测试员"))
window = MainWindow(AppContext(library=library, settings=Settings(ocr_in_background=False), runner=TaskRunner()))
window.show()
window.open_case(sys.argv[2])
workspace = window.workspace
workspace.setCurrentWidget(workspace.bundles)
app.processEvents()
listed = workspace.bundles.history_model.rowCount()
watched = sys.argv[3].split(",")
loaded = sorted(w for w in watched if any(m == w or m.startswith(w + ".") for m in sys.modules))
print(json.dumps({"case": workspace.number, "listed": listed, "loaded": loaded}))
library.close()
"""


def test_the_window_and_a_case_with_its_bundles_open_without_what_makes_pdfs(tmp_path: Path) -> None:
    from casefile.core.bundle import BundleOptions, Venue, build_bundle

    library = Library.open(tmp_path / "library", "测试员")
    number = filed_case(library).number
    made = list(build_bundle(library, number, BundleOptions(Venue.RECEIPT, force=True), Settings()))
    assert made  # the case has a bundle in its history
    library.close()
    home = tmp_path / "home"
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    proc = run_python(APP, str(tmp_path / "library"), number, ",".join(NOT_AT_START), env=env)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["case"] == number and result["listed"] > 0, proc.stderr  # the receipt is in its history
    assert result["loaded"] == [], proc.stderr


def test_what_the_app_made_to_start_is_left_out_of_full_collections() -> None:
    """freeze_startup (run() calls it once the window is up) moves every object alive to the permanent
    generation, which a full collection never walks; garbage made afterwards is collected as before."""
    import gc

    from casefile.ui.app import freeze_startup

    kept = [[i] for i in range(10_000)]  # objects the collector tracks, alive as the window's are
    try:
        freeze_startup()
        assert gc.get_freeze_count() >= len(kept)
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1  # made after the freeze: still collected
    finally:
        gc.unfreeze()
