"""When an entry counts as made later than what it records."""

from __future__ import annotations


def test_an_entry_made_a_moment_after_what_it_records_is_not_entered_later() -> None:
    """An event entered as it happens takes "now" a moment before its custody entry is written: a minute
    turning in between (10:00:59, written 10:01:02) is not "entered later"; minutes later is."""
    from datetime import UTC, datetime

    from casefile.core.record.timeline import entered_later

    happened = datetime(2026, 11, 20, 2, 0, 59, tzinfo=UTC)
    assert not entered_later(happened, datetime(2026, 11, 20, 2, 1, 2, tzinfo=UTC))
    assert entered_later(happened, datetime(2026, 11, 20, 2, 6, 0, tzinfo=UTC))
    assert entered_later(datetime(2026, 11, 19, 2, 0, tzinfo=UTC), datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    assert not entered_later(happened, None) and not entered_later(None, happened)
    assert not entered_later(datetime(2026, 11, 19, 10, 0), happened)  # no offset: cannot be compared
