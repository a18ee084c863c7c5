"""The one time zone times are shown in: Beijing time, or the computer's own zone when the user chose it.

The users' disputes, deadlines, consumer associations and courts run on Beijing time (UTC+08:00, no
daylight saving), but an office PC is often left in another zone (a fresh Windows install is on US
Pacific time). So the app, the command line and the packets show every time through :func:`shown`:
in Beijing time unless the settings say ``times_in_computer_zone``. A time shown in a zone other than
Beijing time carries its offset (:func:`offset_label`), so a paralegal never prints a time 8 or 16
hours off without it saying so.

This is presentation only: stored times keep their instant and their own offset (ISO 8601 in
case.json and the custody log). A naive time the user types is taken in the zone shown
(:func:`entered`): what they type is what they see.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo

BEIJING = timezone(timedelta(hours=8), "CST")  # China Standard Time: no daylight saving since 1991
BEIJING_OFFSET = timedelta(hours=8)

_computer_zone = False  # follows Settings.times_in_computer_zone (casefile.core.settings keeps it current)


def use_computer_zone(on: bool) -> None:
    """Show times in this computer's zone (``True``) or in Beijing time (``False``, the default)."""
    global _computer_zone
    _computer_zone = bool(on)


def in_computer_zone() -> bool:
    return _computer_zone


def shown(value: datetime) -> datetime:
    """``value`` in the zone times are shown in. A naive value is taken as already in that zone."""
    if value.tzinfo is None:
        return entered(value)
    return value.astimezone() if _computer_zone else value.astimezone(BEIJING)


def entered(value: datetime) -> datetime:
    """A time the user typed: a naive value is taken in the zone shown; an aware one keeps its instant."""
    if value.tzinfo is not None:
        return value
    return value.astimezone() if _computer_zone else value.replace(tzinfo=BEIJING)


def now() -> datetime:
    """The current time, in the zone shown."""
    return shown(datetime.now(UTC))


def zone(at: datetime | None = None) -> tzinfo:
    """The zone shown, as it is at ``at`` (the computer's zone may change offset with daylight saving)."""
    if not _computer_zone:
        return BEIJING
    tz = shown(at if at is not None else datetime.now(UTC)).tzinfo
    assert tz is not None
    return tz


def offset_label(value: datetime) -> str:
    """ "" for a time shown in Beijing time; else its offset as "UTC-08:00" (shown zone, at that time)."""
    offset = shown(value).utcoffset()
    if offset is None or offset == BEIJING_OFFSET:
        return ""
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def show(value: datetime | None, pattern: str = "%Y-%m-%d %H:%M", *, offset: bool = True) -> str:
    """``value`` as text in the zone shown; with its offset in brackets when that is not Beijing time
    (``offset=False`` leaves it out, for dates alone); "" for None."""
    if value is None:
        return ""
    text = shown(value).strftime(pattern)
    label = offset_label(value) if offset else ""
    return f"{text} ({label})" if label else text
