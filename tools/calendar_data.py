"""Write CaseFile's working-day calendar data from the ``chinesecalendar`` package's tables.

CaseFile ships China's official rest days and make-up working days (调休) as data
(resources/calendar/cn-calendar.json) rather than depending on the package at run
time: the data is what a deadline is computed from, and a release (or a file a user imports
with ``casefile calendar import``) brings a new year when the State Council publishes it.

    python tools/calendar_data.py PATH_TO_chinese_calendar_PACKAGE_OR_WHEEL [-o OUT]

The package (MIT, © Lirian Su) is read from a folder holding ``chinese_calendar/`` or from
its wheel; nothing is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "calendar" / "cn-calendar.json"
NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def _constants(source: Path) -> Any:
    if source.suffix == ".whl":
        folder = Path(tempfile.mkdtemp())
        with zipfile.ZipFile(source) as wheel:
            wheel.extractall(folder)
        source = folder
    path = source / "chinese_calendar" / "constants.py"
    spec = importlib.util.spec_from_file_location("chinese_calendar_constants", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no chinese_calendar/constants.py under {source}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _version(source: Path) -> str:
    name = source.name
    if name.startswith("chinesecalendar-") and name.endswith(".whl"):
        return name.split("-")[1]
    return "unknown"


def build(source: Path) -> dict[str, Any]:
    constants = _constants(source)
    years: dict[str, dict[str, dict[str, str]]] = {}

    def year(day: date) -> dict[str, dict[str, str]]:
        return years.setdefault(str(day.year), {"rest": {}, "work": {}})

    for day, name in sorted(constants.holidays.items()):
        year(day)["rest"][day.isoformat()] = NAMES.get(name, name)
    for day, name in sorted(constants.workdays.items()):
        year(day)["work"][day.isoformat()] = NAMES.get(name, name)
    return {
        "format": "casefile-calendar/1",
        "country": "CN",
        "source": f"chinesecalendar {_version(source)} (MIT License, © Lirian Su), "
        "from the State Council General Office's holiday notices (国务院办公厅关于部分节假日安排的通知)",
        "years": years,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="chinesecalendar wheel, or a folder holding chinese_calendar/")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.source)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['years'])} years", file=sys.stderr)


if __name__ == "__main__":
    main()
