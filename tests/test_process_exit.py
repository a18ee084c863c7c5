"""The casefile command as a process exits without sweeping what it loaded.

Counted, not timed: the objects alive when the command ends are frozen (left out of the
interpreter's collections at exit), whichever way the command is started — ``python -m
casefile``, the installed ``casefile`` script, the packaged app's entry.
"""

from __future__ import annotations

import tomllib

from casefile_testing import REPO, make_case, run_python

from casefile.core.library import Library

# Runs `python -m casefile ARGV` and, once the command has ended, prints how many objects were frozen.
_DRIVER = """
import atexit, gc, runpy, sys
atexit.register(lambda: print("frozen", gc.get_freeze_count(), file=sys.stderr))
sys.argv[0] = "casefile"
runpy.run_module("casefile", run_name="__main__", alter_sys=True)
"""


def test_the_command_ends_without_collecting_what_it_loaded(library: Library):
    number = make_case(library).number
    library.close()
    proc = run_python(_DRIVER, "--library", str(library.root), "show", number)
    assert proc.returncode == 0, proc.stderr
    frozen = [int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("frozen ")]
    assert frozen and frozen[0] > 10_000  # the library's modules and their objects, not a handful


def test_every_entry_point_runs_the_command_as_a_process():
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"casefile": "casefile.cli:run"}
    for entry in (REPO / "casefile" / "__main__.py", REPO / "tools" / "casefile_entry.py"):
        text = entry.read_text(encoding="utf-8")
        assert "from casefile.cli import run" in text and "main(" not in text, entry
