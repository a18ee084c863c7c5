"""Translation catalogues: refresh the .ts sources from the code, or compile them to .qm.

.venv/bin/python tools/i18n.py update    # collect the core's messages, then pyside6-lupdate: add new strings
.venv/bin/python tools/i18n.py build     # pyside6-lrelease: i18n/*.ts -> i18n/*.qm (not committed)
.venv/bin/python tools/i18n.py todo      # the zh_CN entries still to translate, as JSON {context: {source: ""}}
.venv/bin/python tools/i18n.py fill F    # take translations from F (that JSON, filled in), then update again
.venv/bin/python tools/i18n.py merge T [BASE]  # take another .ts's translations where untranslated here;
    # with BASE (the .ts both started from), also those T changed where this side did not
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "casefile" / "ui").rglob("*.py"))


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


def _catalogue(path: Path) -> tuple[ET.ElementTree, list[tuple[str, ET.Element]]]:
    tree = ET.parse(path)
    messages = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        messages.extend((name, message) for message in context.iter("message"))
    return tree, messages


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _apply(translations: dict[tuple[str, str], str], language: str = "zh_CN") -> int:
    path = I18N / f"casefile_{language}.ts"
    tree, messages = _catalogue(path)
    done = 0
    for context, message in messages:
        element = message.find("translation")
        text = translations.get((context, message.findtext("source", "")))
        if element is not None and element.get("type") == "unfinished" and text:
            element.text = text
            del element.attrib["type"]
            done += 1
    _write(tree, path)
    update()  # lupdate writes the catalogue back in its own layout
    return done


def todo() -> None:
    _tree, messages = _catalogue(I18N / "casefile_zh_CN.ts")
    out: dict[str, dict[str, str]] = {}
    for context, message in messages:
        element = message.find("translation")
        if element is not None and element.get("type") == "unfinished":
            out.setdefault(context, {})[message.findtext("source", "")] = ""
    print(json.dumps(out, ensure_ascii=False, indent=1))


def fill(source: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    pairs = {(c, s): t for c, items in data.items() for s, t in items.items() if t}
    print(f"{_apply(pairs)} translations taken from {source}")


def _finished(path: Path) -> dict[tuple[str, str], str]:
    _tree, messages = _catalogue(path)
    pairs = {}
    for context, message in messages:
        element = message.find("translation")
        if element is not None and element.get("type") != "unfinished" and element.text:
            pairs[(context, message.findtext("source", ""))] = element.text
    return pairs


def merge(other: str, base: str = "") -> None:
    """Take a branch's translations (its .ts as OTHER): those still unfinished here, and — given the
    catalogue both started from (BASE) — those the branch changed where this side did not."""
    theirs = _finished(Path(other))
    print(f"{_apply(theirs)} translations taken from {other}")
    if not base:
        return
    before = _finished(Path(base))
    path = I18N / "casefile_zh_CN.ts"
    ours = _finished(path)
    changed = {
        key: text
        for key, text in theirs.items()
        if key in before and text != before[key] and ours.get(key) == before[key]
    }
    tree, messages = _catalogue(path)
    for context, message in messages:
        key = (context, message.findtext("source", ""))
        element = message.find("translation")
        if key in changed and element is not None:
            element.text = changed[key]
    _write(tree, path)
    update()
    print(f"{len(changed)} translations changed on {other} since {base} taken too")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command in ("fill", "merge"):
        {"fill": fill, "merge": merge}[command](*sys.argv[2:4])  # type: ignore[operator]
    else:
        {"update": update, "build": build, "todo": todo}[command]()
