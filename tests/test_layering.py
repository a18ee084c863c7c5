"""The layering rule is enforced by the linter: Qt and casefile.ui are imported in casefile/ui and tests/ui only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def banned_imports(source: str, as_file: str) -> list[str]:
    """ruff's TID251 findings for ``source`` as if it were the repository's file ``as_file`` (nothing is written)."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "TID251", "--output-format", "concise"]
        + ["--stdin-filename", as_file, "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if "TID251" in line]


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6.QtCore\n",
        "from PySide6.QtWidgets import QApplication\n",
        "import shiboken6\n",
        "from casefile.ui.app import run\n",
        "from casefile import ui\n",
    ],
)
@pytest.mark.parametrize("as_file", ["casefile/core/probe.py", "casefile/probe.py", "tests/core/test_probe.py"])
def test_qt_outside_the_ui_is_refused(source, as_file):
    assert len(banned_imports(source, as_file)) == 1


@pytest.mark.parametrize("as_file", ["casefile/ui/probe.py", "tests/ui/test_probe.py"])
def test_the_ui_and_its_tests_may_import_qt(as_file):
    assert banned_imports("import PySide6.QtCore\nimport shiboken6\nfrom casefile.ui.app import run\n", as_file) == []
