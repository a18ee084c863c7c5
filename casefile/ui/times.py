"""Times in the app: shown, and typed, in the zone the settings choose (casefile.core.zone).

Date-time edits are put in that zone (:func:`zoned`), so what a user types is what they see: 10:30 typed
on a computer set to US Pacific time is 10:30 Beijing time unless times are shown in the computer's zone.
"""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.core import zone

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit


def qt_zone() -> QTimeZone:
    """The zone times are shown in, as Qt names it."""
    if zone.in_computer_zone():
        return QTimeZone.systemTimeZone()
    return QTimeZone.fromSecondsAheadOfUtc(8 * 3600)


def zoned(edit: QDateTimeEdit) -> QDateTimeEdit:
    """``edit`` showing, and taking, times in the zone times are shown in (and left with one Tab)."""
    from casefile.ui.keys import one_tab

    edit.setTimeZone(qt_zone())
    return one_tab(edit)


# The offset after a time in a zone other than Beijing time, as the rest of the app says it
# (casefile.core.zone.show): "2026-11-19 18:00 (UTC-08:00)". "(UTC" and ")" are literal text.
ZONE_SECTION = " '(UTC'ttt')'"


def put(edit: QDateTimeEdit, value: datetime | None = None) -> None:
    """Show ``value`` (None: now) in ``edit``, in the zone times are shown in now (the settings may have
    changed since the edit was made), with the offset after it when that is not Beijing time, as
    :func:`text` gives it."""
    zoned(edit)
    was = edit.displayFormat()
    pattern = was.removesuffix(ZONE_SECTION)
    edit.setDisplayFormat(pattern + ZONE_SECTION if zone.offset_label(value or zone.now()) else pattern)
    edit.setDateTime(qt_time(value))
    if edit.displayFormat() != was:
        # The edit keeps the size it worked out for its first format; setting the special value text
        # (to what it is) makes it work it out again, so that the zone is not cut off at its edge.
        edit.setSpecialValueText(edit.specialValueText())
        edit.updateGeometry()


def qt_time(value: datetime | None = None) -> QDateTime:
    """``value`` (None: now) for a date-time edit (one made :func:`zoned` shows it in the zone shown)."""
    if value is None:
        return QDateTime.currentDateTime().toTimeZone(qt_zone())
    return QDateTime.fromSecsSinceEpoch(int(zone.entered(value).timestamp()), qt_zone())


def taken(edit: QDateTimeEdit) -> datetime:
    """The time a (:func:`zoned`) edit holds, in the zone shown, to the second."""
    return zone.shown(datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC))


def text(value: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """``value`` as the app shows it: in the zone shown, its offset beside it when that is not Beijing time."""
    return zone.show(value, pattern)


def promise_ran_out(due: datetime, hours: int) -> str:
    """What the registration forms (a new case, the walk-in desk) say when the response promise of the case being
    registered ran out at ``due``, ``hours`` after the complaint: it is answered at once."""
    from casefile.ui.i18n import fill

    return fill(
        QCoreApplication.translate(
            "times", "The response promise ran out at %1 (%2 h from the complaint): answer at once"
        ),
        text(due),
        hours,
    )


def day(value: datetime | None) -> str:
    """The date of ``value`` in the zone shown (no offset: a date alone)."""
    return zone.show(value, "%Y-%m-%d", offset=False)
