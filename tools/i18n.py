"""Translation catalogues: refresh the .ts sources from the code, or compile them to .qm.

.venv/bin/python tools/i18n.py update    # collect the core's messages, then pyside6-lupdate: add new strings
.venv/bin/python tools/i18n.py build     # pyside6-lrelease: i18n/*.ts -> i18n/*.qm (not committed)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "i18n"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "casefile" / "ui").glob("*.py"))


def update() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    import core_messages

    if core_messages.main([]) != 0:
        raise SystemExit(1)
    for language in LANGUAGES:
        ts = I18N / f"casefile_{language}.ts"
        subprocess.run(
            [
                tool("lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                language,
                *sources(),
                "-ts",
                str(ts),
            ],
            cwd=REPO,
            check=True,
        )


def build() -> None:
    for language in LANGUAGES:
        ts = I18N / f"casefile_{language}.ts"
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    {"update": update, "build": build}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
