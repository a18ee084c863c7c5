"""Fill unfinished entries of a Qt Linguist catalogue from a Python dict of translations.

    .venv/bin/python tools/fill_ts.py i18n/casefile_zh_CN.ts translations.py

``translations.py`` defines ``ZH = {"English source": "译文", ...}``. Entries whose
source is not in the dict stay unfinished, and are listed.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, table: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    left = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
        else:
            left.append(source)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")
    return left


if __name__ == "__main__":
    remaining = fill(Path(sys.argv[1]), runpy.run_path(sys.argv[2])["ZH"])
    for source in remaining:
        print("untranslated:", source)
    sys.exit(1 if remaining else 0)
