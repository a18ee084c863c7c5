"""What every benchmark here shares: whole commands, alternated pairs, min / median / max.

A user waits for a whole command (interpreter start, imports, the work, the final sync), so
each side of a comparison is run as a separate process and timed from the outside. The two
sides alternate (ours, reference, ours, reference…) so that a disturbance on this machine
falls on both; each row reports min / median / max of each side and of the ratio of each pair.
Memory is the peak resident size of that one process (``wait4``), not of the benchmark: see ``run``.

    from bench.harness import Run, compare, print_rows, run
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASEFILE = [sys.executable, "-m", "casefile"]  # the command as a user runs it, from this checkout


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, CPU seconds (user, system), peak resident MiB."""

    wall: float
    user: float
    system: float
    peak_mib: float

    @property
    def cpu(self) -> float:
        return self.user + self.system


# The window's clock in the GUI benches' app scripts (pasted in once the app and its window are made; the
# script imports time and QTimer): a 5 ms timer on the GUI thread, whose longest gap after a step is the
# time the window did not answer.
GUI_CLOCK = """
ticks = []
timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

def longest_gap(since):
    times = [since] + [t for t in ticks if t > since]
    return max((b - a for a, b in zip(times, times[1:])), default=0.0)

def settle(since, then, quiet=1.0):
    # ``quiet`` seconds since ``since`` at least, the last of them answered without a gap over 50 ms.
    now = time.perf_counter()
    recent = [t for t in ticks if t > max(since, now - quiet)]
    if now - since >= quiet and len(recent) > 100 * quiet and longest_gap(recent[0]) < 0.05:
        then()
    else:
        QTimer.singleShot(int(100 * quiet), lambda: settle(since, then, quiet))

def wait_for(done, then):
    if done():
        then()
    else:
        QTimer.singleShot(5, lambda: wait_for(done, then))
"""


def gui_app(arguments: str, *, library: str = "open_library(root, settings)", then: str = "") -> str:
    """The start of a GUI bench's app script: the app as ``casefile.ui.app.run`` makes it, without the first-run
    questions (its language, the library, the window shown at 1360x820), ``then`` done, the start-up frozen
    (where the tree measured has it), then the window's clock (:data:`GUI_CLOCK`). ``arguments``: the line
    reading ``sys.argv`` (it names ``root``); ``library``: how the library is opened. The script has ``app``,
    ``settings``, ``library``, ``ctx`` and ``window``, and imports sys, time, gc, statistics, Path, QTimer, Qt."""
    chooser = "from casefile.ui.library_choice import open_library\n" if "open_library" in library else ""
    return (
        f"""
import gc, statistics, sys, time
from pathlib import Path
from casefile.core.library import Library
from casefile.core.settings import load_settings
from casefile.ui.app import make_application
from casefile.ui.context import AppContext
from casefile.ui.i18n import install
{chooser}from casefile.ui.main_window import MainWindow
from casefile.ui.tasks import TaskRunner
from PySide6.QtCore import QTimer, Qt

{arguments}
app = make_application()
settings = load_settings()
install(app, settings.language)
library = {library}
ctx = AppContext(library=library, settings=settings, runner=TaskRunner())
window = MainWindow(ctx)
window.resize(1360, 820)
window.show()
{then}
from casefile.ui import app as started
getattr(started, "freeze_startup", lambda: None)()  # as casefile.ui.app.run does, where the tree has it
"""
        + GUI_CLOCK
    )


def app_env(home: Path | str) -> dict[str, str]:
    """What an app process measured offscreen is started with: its settings, caches and remembered layout
    (and last case) in ``home``, a temporary folder of the bench's, never the user's."""
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "CASEFILE_CONFIG_DIR": str(Path(home, "config")),
        "CASEFILE_CACHE_DIR": str(Path(home, "cache")),
        "XDG_CONFIG_HOME": str(Path(home, "xdg")),
    }


def app_figures(
    script: str, args: Sequence[str], count: int, *, env: dict[str, str], prefix: str, cwd: Path | None = None
) -> list[float]:
    """The last ``count`` figures an app process prints: ``script`` run offscreen with ``args`` and ``env``
    (over this process's), its settings in a temporary folder (:func:`app_env`)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as home:
        proc = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=cwd,
            env={**os.environ, **env, **app_env(home)},
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"the app exited with {proc.returncode}: {proc.stderr[-2000:]}")
    return [float(v) for v in proc.stdout.split()[-count:]]


# Starts the command and reports its wall time, CPU time and peak memory, measured from its start to its end.
# A process started straight from the benchmark would be reported with the benchmark's own peak whenever it is
# the bigger: the kernel carries the resident size of the memory a child is started from (the benchmark's, for
# the instant between fork and exec) into the child's peak. Started from this small interpreter instead, the
# command's peak counts no more than this script's few MiB besides its own.
_SPAWN = """
import os, sys, time
out, argv = int(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
os.write(out, f"{wall} {usage.ru_utime} {usage.ru_stime} {usage.ru_maxrss}".encode())
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run one command to its end and measure it alone (its children included in CPU time; its peak memory
    its own, not the benchmark's)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    read, write = os.pipe()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _SPAWN, str(write), *map(str, argv)],
            cwd=cwd,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(write,),
        )
        os.close(write)
        write = -1
        with os.fdopen(read, "rb") as report:
            read = -1
            figures = report.read().split()
        _, err = proc.communicate()
    finally:
        for fd in (read, write):
            if fd >= 0:
                os.close(fd)
    if proc.returncode != 0 or len(figures) != 4:
        raise RuntimeError(
            f"{' '.join(map(str, argv))} exited with {proc.returncode}: {err.decode(errors='replace')[-2000:]}"
        )
    wall, user, system, peak_kib = (float(f) for f in figures)
    return Run(wall, user, system, peak_kib / 1024)


@dataclass
class Pairs:
    """Alternated runs of our command and the reference, paired in the order they ran."""

    name: str
    ours: list[Run] = field(default_factory=list)
    reference: list[Run] = field(default_factory=list)

    def ratios(self, measure: Callable[[Run], float] = lambda r: r.wall) -> list[float]:
        return [measure(o) / max(measure(r), 1e-9) for o, r in zip(self.ours, self.reference, strict=True)]


def compare(
    name: str,
    ours: Callable[[int], Run],
    reference: Callable[[int], Run],
    *,
    pairs: int = 5,
    prepare: Callable[[int], None] | None = None,
) -> Pairs:
    """Run ``pairs`` alternated pairs; ``prepare(i)`` (untimed) resets the state before each side.

    The side that goes first alternates too, so neither always meets a cold or a warm cache.
    """
    result = Pairs(name)
    for i in range(pairs):
        sides = [(result.ours, ours), (result.reference, reference)]
        for runs, side in sides if i % 2 == 0 else reversed(sides):
            if prepare is not None:
                prepare(i)
            runs.append(side(i))
    return result


def spread(values: Sequence[float]) -> str:
    """min / median / max."""
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def print_rows(rows: Sequence[Pairs], *, goal: str = "", cpu: bool = False) -> None:
    """One line per comparison: ours, reference (seconds) and their ratio, each min / median / max."""
    for row in rows:
        print(f"{row.name}")
        peak = max(r.peak_mib for r in row.ours)
        print(f"  ours       wall {spread([r.wall for r in row.ours])} s   peak {peak:.0f} MiB")
        print(f"  reference  wall {spread([r.wall for r in row.reference])} s")
        print(f"  ratio      wall {spread(row.ratios())}" + (f"   (goal {goal})" if goal else ""))
        if cpu:
            print(f"  ratio      cpu  {spread(row.ratios(lambda r: r.cpu))}")


def growth(sizes: Sequence[int], seconds: Sequence[float]) -> str:
    """How the cost grows between sizes: each step's time ratio against its size ratio."""
    steps = []
    for (a, ta), (b, tb) in zip(
        zip(sizes, seconds, strict=True), list(zip(sizes, seconds, strict=True))[1:], strict=False
    ):
        steps.append(f"{a}→{b}: ×{tb / max(ta, 1e-9):.2f} time for ×{b / a:.0f} size")
    return "; ".join(steps)
