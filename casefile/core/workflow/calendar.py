"""China's working-day calendar: official rest days and make-up working days (调休), as data.

The State Council publishes each year's holiday arrangement in November or December of the
year before (国务院办公厅关于部分节假日安排的通知): which days are rest days and which weekend
days are worked in exchange. A period counted in working days, or one whose last day rolls
past a rest day, can only be computed for a year whose notice is known. CaseFile ships the
known years as data (``resources/calendar/cn-calendar.json``, made by
``tools/calendar_data.py``), and a user can import a newer file in the same format
(``casefile calendar import FILE``) before a release brings it.

For a year the data does not hold, days are *estimated* from 全国年节及纪念日放假办法 (2024 revision,
in force 2025-01-01; casefile.core.law ``holidays.2``, ``holidays.6``): Saturdays and Sundays rest;
the holidays of its art. 2 rest — the fixed-date ones (1 January, 1–2 May, 1–3 October) and the
lunar and solar-term ones, whose Gregorian dates CaseFile ships as data for 2025–2060
(:mod:`casefile.core.workflow.festivals`, made and checked by ``tools/festival_dates.py``): 春节
(除夕, 正月初一–初三), 清明, 端午 and 中秋; and, as its art. 6 requires, a holiday day that falls on a
Saturday or Sunday is made up on the first working day after that holiday. A day two holidays
share (中秋 on one of 1–3 October) is made up once as well: the law is silent, but the State
Council's arrangements have done so (2020: 中秋 on 1 October, eight days off, 1–8 October, in the
shipped data). Only the State Council's 调休 (weekend days worked to join rest days into a longer
break) cannot be foreseen. Every answer that relied on an estimate says so (``provisional``),
so a deadline that runs into such a year is shown and printed as 暂定, never silently guessed.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from casefile.core.errors import CaseFileError

FORMAT = "casefile-calendar/1"
IMPORTED_NAME = "calendar.json"  # in the user's configuration folder
# Fixed-date holidays used only to estimate a year the data does not hold: (month, day) and the holiday's name
# (全国年节及纪念日放假办法 art. 2).
_FIXED_HOLIDAYS = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}
_SEARCH_LIMIT = 366  # no real arrangement has a run of rest days this long


@dataclass(frozen=True)
class Year:
    """One year's official arrangement: rest days (with the holiday's name) and worked weekend days."""

    rest: Mapping[date, str]
    work: Mapping[date, str]


@dataclass(frozen=True)
class WorkingDay:
    """A day found by counting, and whether any day counted lay in a year the calendar does not know."""

    day: date
    provisional: bool


@dataclass(frozen=True)
class WorkCalendar:
    years: Mapping[int, Year]
    sources: tuple[str, ...] = ()
    _rest: frozenset[date] = field(init=False, repr=False, compare=False)
    _work: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rest", frozenset(d for y in self.years.values() for d in y.rest))
        object.__setattr__(self, "_work", frozenset(d for y in self.years.values() for d in y.work))

    # -- single days

    def knows(self, day: date) -> bool:
        return day.year in self.years

    def known_years(self) -> list[int]:
        return sorted(self.years)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day; estimated (see the module) for a year not known."""
        if day in self._work:
            return True
        if day in self._rest:
            return False
        if not self.knows(day) and day in estimated_year(day.year).rest:
            return False
        return day.weekday() < 5

    def rest_name(self, day: date) -> str:
        """The holiday a rest day belongs to (国庆节 …); empty for weekends and working days. In a year not
        known, the holiday the estimate takes the day for (春节（初一） …, or 春节（补假） for a day made up)."""
        year = self.years.get(day.year) or estimated_year(day.year)
        return year.rest.get(day, "")

    # -- counting

    def next_working_day(self, day: date) -> WorkingDay:
        """``day`` itself when it is a working day, else the first working day after it."""
        provisional = not self.knows(day)
        for _ in range(_SEARCH_LIMIT):
            if self.is_working_day(day):
                return WorkingDay(day, provisional)
            day += timedelta(days=1)
            provisional = provisional or not self.knows(day)
        raise CaseFileError("no working day within a year after {day}: the calendar data is wrong", day=day)

    def add_working_days(self, start: date, count: int, *, skip: Iterable[date] = ()) -> WorkingDay:
        """The ``count``-th working day after ``start`` (the start day itself is not counted).

        Days in ``skip`` (a paused clock) are passed over without being counted.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        skipped = frozenset(skip)
        day, counted, provisional = start, 0, False
        while counted < count:
            day += timedelta(days=1)
            provisional = provisional or not self.knows(day)
            if day not in skipped and self.is_working_day(day):
                counted += 1
        return WorkingDay(day, provisional)

    def working_days_between(self, first: date, last: date) -> tuple[int, bool]:
        """Working days after ``first`` up to and including ``last`` (0 when ``last`` <= ``first``)."""
        count, provisional, day = 0, False, first
        while day < last:
            day += timedelta(days=1)
            provisional = provisional or not self.knows(day)
            count += self.is_working_day(day)
        return count, provisional


# --------------------------------------------------------------------------- estimating a year not known


@functools.cache
def festivals() -> Mapping[int, Mapping[date, str]]:
    """The Gregorian dates of 春节 (除夕–初三), 清明, 端午 and 中秋 that CaseFile ships, by year (2025–2060)."""
    from casefile.core.workflow.festivals import FESTIVALS

    return {year: {date.fromisoformat(day): name for day, name in days} for year, days in FESTIVALS.items()}


# The 放假办法 as amended in force from 2025 (two days of 劳动节, 除夕 a rest day): earlier years had other holidays.
_STATUTORY_FROM = 2025


def statutory_days(number: int) -> dict[date, str]:
    """The days art. 2 of 全国年节及纪念日放假办法 makes rest days in year ``number``, whatever the State Council
    arranges around them (its own years from 2025; the lunar ones only for the years :func:`festivals` holds)."""
    if number < _STATUTORY_FROM:
        return {}
    days = {date(number, month, day_of_month): name for (month, day_of_month), name in _FIXED_HOLIDAYS.items()}
    days.update(festivals().get(number, {}))
    return dict(sorted(days.items()))


def lunar_known(number: int) -> bool:
    """Whether CaseFile knows the dates of the year's lunar holidays (春节, 清明, 端午, 中秋)."""
    return number in festivals()


@functools.cache
def estimated_year(number: int) -> Year:
    """The rest days of a year as 全国年节及纪念日放假办法 fixes them, with no State Council arrangement: the
    holidays of its art. 2 (the lunar ones only for the years :func:`festivals` holds), and for each holiday day
    on a Saturday or Sunday (补假, art. 6), or shared with another holiday (the State Council's practice, see the
    module), a day made up on the first working day after that holiday's last day. Weekend days worked in
    exchange (调休) cannot be foreseen and are not guessed."""
    days: dict[date, list[str]] = {}
    for (month, day_of_month), name in _FIXED_HOLIDAYS.items():
        days.setdefault(date(number, month, day_of_month), []).append(name)
    for festival, name in festivals().get(number, {}).items():
        days.setdefault(festival, []).append(name)
    rest = {day: "、".join(names) for day, names in sorted(days.items())}
    # Each holiday's days, by its name before any bracket (春节（初一） is 春节), in the order the holidays end.
    spreads: dict[str, list[date]] = {}
    for day, names in days.items():
        for name in names:
            spreads.setdefault(name.split("（")[0], []).append(day)
    order = sorted(spreads, key=lambda n: max(spreads[n]))
    owed = dict.fromkeys(order, 0)
    for day, names in days.items():
        holders = sorted({n.split("（")[0] for n in names}, key=order.index)
        # A weekend day is owed to each holiday on it; a weekday two holidays share, once to all but the first.
        for name in holders if day.weekday() >= 5 else holders[1:]:
            owed[name] += 1
    for name in order:
        made_up = max(spreads[name])
        for _ in range(owed[name]):
            made_up += timedelta(days=1)
            while made_up.weekday() >= 5 or made_up in rest:
                made_up += timedelta(days=1)
            if made_up.year == number:
                rest[made_up] = f"{name}（补假）"
    return Year(dict(sorted(rest.items())), {})


# --------------------------------------------------------------------------- reading data


def parse(data: Any, where: str) -> WorkCalendar:
    """A calendar from its JSON data; a clear error names what is wrong and where."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaseFileError(
            "{path} is not a CaseFile calendar file (format {format} expected)", path=where, format=FORMAT
        )
    raw_years = data.get("years")
    if not isinstance(raw_years, dict) or not raw_years:
        raise CaseFileError("{path} holds no years", path=where)
    years: dict[int, Year] = {}
    for key, value in raw_years.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) == 4 and isinstance(value, dict)):
            raise CaseFileError("{path}: {item} is not a year of the calendar", path=where, item=str(key))
        number = int(key)
        rest = _days(value.get("rest"), number, where)
        work = _days(value.get("work", {}), number, where)
        if not rest:
            raise CaseFileError("{path}: the year {year} lists no rest days", path=where, year=number)
        both = sorted(set(rest) & set(work))
        if both:
            raise CaseFileError(
                "{path}: {day} is listed both as a rest day and as a working day", path=where, day=both[0]
            )
        years[number] = Year(rest, work)
    source = data.get("source")
    return WorkCalendar(years, (source if isinstance(source, str) and source else where,))


def _days(value: Any, year: int, where: str) -> dict[date, str]:
    if not isinstance(value, dict):
        raise CaseFileError("{path}: the year {year} has no list of days", path=where, year=year)
    days: dict[date, str] = {}
    for text, name in value.items():
        try:
            day = date.fromisoformat(text)
        except (TypeError, ValueError):
            raise CaseFileError("{path}: {item} is not a date", path=where, item=str(text)) from None
        if day.year != year:
            raise CaseFileError("{path}: {day} is listed under the year {year}", path=where, day=day, year=year)
        days[day] = name if isinstance(name, str) else ""
    return days


def merged(base: WorkCalendar, newer: WorkCalendar) -> WorkCalendar:
    """``base`` with every year ``newer`` holds taken from ``newer`` (a later notice wins)."""
    return WorkCalendar({**base.years, **newer.years}, base.sources + newer.sources)


def _read(path: Path) -> WorkCalendar:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaseFileError("cannot read the calendar file {path}: {reason}", path=path, reason=error) from error
    try:
        data = json.loads(text)
    except ValueError:
        raise CaseFileError(
            "{path} is not a CaseFile calendar file (format {format} expected)", path=path, format=FORMAT
        ) from None
    return parse(data, str(path))


@functools.cache
def shipped() -> WorkCalendar:
    """The calendar data this release of CaseFile ships."""
    from casefile.resources import resource_path

    return _read(resource_path("calendar", "cn-calendar.json"))


def imported_path() -> Path:
    from casefile.core.settings import config_dir

    return config_dir() / IMPORTED_NAME


def current() -> WorkCalendar:
    """The shipped calendar, with the years of the file the user imported (if any) taking precedence."""
    path = imported_path()
    stamp = _stamp(path)
    return _current(stamp, str(path))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=4)
def _current(stamp: tuple[int, int] | None, path: str) -> WorkCalendar:
    if stamp is None:
        return shipped()
    return merged(shipped(), _read(Path(path)))


def import_file(path: Path) -> list[int]:
    """Check a calendar file and keep its years for every later count; returns the years it brought.

    Years imported earlier and not in this file are kept.
    """
    from casefile.core.fsutil import atomic_write_json

    newer = _read(path)
    for number, year in sorted(newer.years.items()):
        missing = [f"{day.isoformat()} {name}" for day, name in statutory_days(number).items() if day not in year.rest]
        if missing:
            raise CaseFileError(
                "{path}: the year {year} leaves out holidays the law fixes as rest days (全国年节及纪念日放假办法 "
                "art. 2): {days}; this is not the State Council's arrangement for the year",
                path=str(path),
                year=number,
                days=", ".join(missing),
            )
    target = imported_path()
    years = dict(_read(target).years) if target.exists() else {}
    years.update(newer.years)
    data = {
        "format": FORMAT,
        "country": "CN",
        "source": "; ".join(dict.fromkeys(newer.sources)),
        "years": {
            str(number): {
                "rest": {d.isoformat(): n for d, n in sorted(year.rest.items())},
                "work": {d.isoformat(): n for d, n in sorted(year.work.items())},
            }
            for number, year in sorted(years.items())
        },
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(target, data)
    return sorted(newer.years)
