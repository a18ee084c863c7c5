"""Write the Gregorian dates of China's lunar and solar-term statutory holidays, for the working-day estimate.

全国年节及纪念日放假办法 (2024 revision, in force 2025-01-01) art. 2 fixes the days themselves: 春节 (农历除夕,
正月初一至初三), 清明节 (农历清明当日), 端午节 (农历端午当日, 五月初五), 中秋节 (农历中秋当日, 八月十五). For a year
whose State Council arrangement CaseFile does not know, casefile.core.workflow.calendar estimates the rest days
from these and the fixed-date ones; this script writes their dates once, as a module of data
(casefile/core/workflow/festivals.py), so that CaseFile needs no lunar-calendar library at run time.

    python tools/festival_dates.py [--first 2025] [--last 2060] [-o OUT] [--check-against CALENDAR_JSON]

(CALENDAR_JSON: resources/calendar/cn-calendar.json, the State Council's arrangements CaseFile ships.) Then
``ruff format`` the module it wrote.

It runs outside CaseFile's environment (a throwaway virtualenv will do) with three packages, each doing the work
in its own way, and refuses to write unless they agree on every date:

- ``lunar_python`` (6tail, MIT): the lunar calendar and the 24 solar terms computed from astronomical
  algorithms (寿星天文历). Its dates are written.
- ``lunardate`` (MIT): the lunar calendar from a table of month lengths (the Hong Kong Observatory's
  conversion tables) — checks 除夕, 初一, 端午 and 中秋.
- ``ephem`` (PyEphem, MIT): the Sun's apparent ecliptic longitude; 清明 is the Beijing-time day on which it
  reaches 15° — checks 清明.

``--check-against`` also compares, for every year the shipped calendar holds from 2008 on (when 清明, 端午
and 中秋 became holidays), the computed 正月初一, 初二, 清明, 端午 and 中秋 with the official rest days of the
State Council's notices (a rest day, or a weekend day not worked), and from 2025 on (the 2024 revision)
除夕 and 初三 too.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "casefile" / "core" / "workflow" / "festivals.py"
CST = timedelta(hours=8)


def _lunar_python(year: int) -> dict[str, date]:
    from lunar_python import Lunar, Solar

    def day(lunar: Any) -> date:
        solar = lunar.getSolar()
        return date(solar.getYear(), solar.getMonth(), solar.getDay())

    new_year = Lunar.fromYmd(year, 1, 1)
    qingming = [
        d
        for d in (date(year, 4, 1) + timedelta(days=i) for i in range(8))
        if Solar.fromYmd(d.year, d.month, d.day).getLunar().getJieQi() == "清明"
    ]
    if len(qingming) != 1:
        raise SystemExit(f"{year}: lunar_python finds {len(qingming)} days of 清明 in early April")
    return {
        "除夕": day(new_year.next(-1)),
        "初一": day(new_year),
        "初二": day(new_year.next(1)),
        "初三": day(new_year.next(2)),
        "清明": qingming[0],
        "端午": day(Lunar.fromYmd(year, 5, 5)),
        "中秋": day(Lunar.fromYmd(year, 8, 15)),
    }


def _lunardate(year: int) -> dict[str, date]:
    from lunardate import LunarDate

    first = LunarDate(year, 1, 1).to_solar_date()
    return {
        "除夕": first - timedelta(days=1),
        "初一": first,
        "端午": LunarDate(year, 5, 5).to_solar_date(),
        "中秋": LunarDate(year, 8, 15).to_solar_date(),
    }


def _qingming_ephem(year: int) -> date:
    """The Beijing day on which the Sun's apparent ecliptic longitude (equinox of date) reaches 15°."""
    import math

    import ephem

    def longitude(moment: datetime) -> float:
        when = ephem.Date(moment.replace(tzinfo=None))
        sun = ephem.Sun(when)
        return float(ephem.Ecliptic(sun, epoch=when).lon)

    target = math.radians(15)
    low = datetime(year, 3, 30, tzinfo=UTC)
    high = datetime(year, 4, 10, tzinfo=UTC)
    if not longitude(low) < target < longitude(high):
        raise SystemExit(f"{year}: the Sun does not cross 15° between {low:%m-%d} and {high:%m-%d}")
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if longitude(middle) < target:
            low = middle
        else:
            high = middle
    return (high + CST).date()


def festivals(year: int) -> dict[str, date]:
    """The days of ``year``, checked: written from lunar_python once lunardate and ephem agree."""
    found = _lunar_python(year)
    other = _lunardate(year)
    for name, day in other.items():
        if found[name] != day:
            raise SystemExit(f"{year} {name}: lunar_python says {found[name]}, lunardate says {day}")
    qingming = _qingming_ephem(year)
    if found["清明"] != qingming:
        raise SystemExit(f"{year} 清明: lunar_python says {found['清明']}, ephem says {qingming}")
    return found


NAMES = {
    "除夕": "春节",
    "初一": "春节",
    "初二": "春节",
    "初三": "春节",
    "清明": "清明节",
    "端午": "端午节",
    "中秋": "中秋节",
}


def check_against(calendar_path: Path) -> int:
    """Compare the computed days with the official rest days of the years the calendar file holds; the years checked."""
    data = json.loads(calendar_path.read_text(encoding="utf-8"))
    checked = 0
    for key, year in sorted(data["years"].items()):
        number = int(key)
        if number < 2008:
            continue
        rest = {date.fromisoformat(d) for d in year["rest"]}
        work = {date.fromisoformat(d) for d in year["work"]}

        days = festivals(number)
        wanted = ["初一", "初二", "清明", "端午", "中秋"] + (["除夕", "初三"] if number >= 2025 else [])
        # A rest day of the notice, or a weekend day not worked (some files list only those).
        missing = [
            f"{name} {days[name]}"
            for name in wanted
            if days[name] not in rest and (days[name].weekday() < 5 or days[name] in work)
        ]
        if missing:
            raise SystemExit(f"{number}: not rest days in the State Council's arrangement: {', '.join(missing)}")
        checked += 1
    return checked


SOURCE_PARTS = (
    "computed with lunar_python 1.4.8 (6tail); checked against lunardate 0.3.0 (除夕, 初一, 端午, 中秋) ",
    "and PyEphem 4.2.1 (清明: the Sun at 15°, Beijing time)",
)


def build(first: int, last: int) -> str:
    """The module's text."""
    lines = [
        '"""The Gregorian dates of 春节 (除夕, 正月初一–初三), 清明, 端午 and 中秋, the statutory holidays of',
        "全国年节及纪念日放假办法 (2024 revision) art. 2 that do not fall on a fixed date, for estimating a year whose",
        "State Council arrangement CaseFile does not know (casefile.core.workflow.calendar).",
        "",
        f"Written by tools/festival_dates.py ({first}–{last}), which says how each date was checked.",
        '"""',
        "",
        "SOURCE = (",
        f"    {SOURCE_PARTS[0]!r}",
        f"    {SOURCE_PARTS[1]!r}",
        ")",
        "",
        "#: year -> ((ISO date, name), ...)",
        "FESTIVALS: dict[int, tuple[tuple[str, str], ...]] = {",
    ]
    for year in range(first, last + 1):
        days = ", ".join(
            f"({day.isoformat()!r}, {f'{NAMES[name]}（{name}）'!r})" for name, day in festivals(year).items()
        )
        lines.append(f"    {year}: ({days}),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--first", type=int, default=2025)
    parser.add_argument("--last", type=int, default=2060)
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    parser.add_argument("--check-against", type=Path, help="a CaseFile calendar file (cn-calendar.json)")
    args = parser.parse_args(argv)
    if args.check_against is not None:
        print(f"{check_against(args.check_against)} years agree with the State Council's arrangements")
    args.out.write_text(build(args.first, args.last), encoding="utf-8")
    print(f"wrote {args.out} ({args.first}–{args.last})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
