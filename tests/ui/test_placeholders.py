"""Translated texts get their values in one pass (casefile.ui.i18n.fill), never by replacing %1, %2… in turn:
a value that holds "%2" (a file name, a reason typed by a user) would be changed by the next replacement."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "casefile" / "ui"


def test_no_placeholder_is_filled_by_str_replace():
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.startswith("%")
                and node.args[0].value[1:].isdigit()
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == [], "use fill(text, …) from casefile.ui.i18n"
