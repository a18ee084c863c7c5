"""Times are shown in Beijing time wherever the computer's clock is set (casefile.core.zone), unless the
settings choose the computer's zone, and then with its offset. Case numbers take the Beijing-time month.

The computer is put on US Pacific time (as a fresh Windows install is), so that these fail where times
were shown in the computer's zone, whatever zone the tests run in."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from casefile_testing import filed_case, make_case

from casefile.cli import main
from casefile.core import zone
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.model import parse_datetime
from casefile.core.numbering import case_month
from casefile.core.settings import Settings, load_settings, save_settings

# 2026-11-30 17:30 UTC: 09:30 on the 30th in Los Angeles, 01:30 on 1 December in Beijing.
MIDNIGHT_PAST = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)


def test_shown_in_beijing_time_on_a_computer_in_los_angeles(los_angeles):
    assert MIDNIGHT_PAST.astimezone().utcoffset() == timedelta(hours=-8)  # the computer is on Pacific time
    assert zone.show(MIDNIGHT_PAST) == "2026-12-01 01:30"
    assert zone.show(MIDNIGHT_PAST.astimezone()) == "2026-12-01 01:30"  # whatever offset it was stored in
    assert zone.shown(MIDNIGHT_PAST).utcoffset() == timedelta(hours=8)
    assert zone.now().utcoffset() == timedelta(hours=8)


def test_the_computers_zone_when_chosen_with_its_offset(los_angeles):
    zone.use_computer_zone(True)
    assert zone.show(MIDNIGHT_PAST) == "2026-11-30 09:30 (UTC-08:00)"
    assert zone.show(MIDNIGHT_PAST, "%Y-%m-%d", offset=False) == "2026-11-30"
    assert zone.now().utcoffset() in (timedelta(hours=-8), timedelta(hours=-7))


def test_the_computers_zone_on_beijing_time_needs_no_offset(machine_zone):
    machine_zone("Asia/Shanghai")
    zone.use_computer_zone(True)
    assert zone.show(MIDNIGHT_PAST) == "2026-12-01 01:30"


def test_a_typed_time_is_taken_in_the_zone_shown(los_angeles):
    """What the user types is what they see: 10:30 typed is 10:30 Beijing time, on a Pacific-time computer."""
    typed = parse_datetime("2026-11-20 10:30")
    assert typed == datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=8)))
    assert zone.show(typed) == "2026-11-20 10:30"
    assert parse_datetime("2026-11-20 10:30+09:00").utcoffset() == timedelta(hours=9)  # an offset given is kept
    zone.use_computer_zone(True)
    typed = parse_datetime("2026-11-20 10:30")
    assert typed.utcoffset() == timedelta(hours=-8) and zone.show(typed) == "2026-11-20 10:30 (UTC-08:00)"


def test_a_case_registered_after_midnight_beijing_time_takes_the_new_month(library, los_angeles):
    """Registered at 01:30 Beijing time on 1 December on a Pacific-time computer (still 30 November there):
    a December case, whatever offset its registration time is stamped with."""
    assert case_month(MIDNIGHT_PAST.astimezone()) == "202612"
    case = make_case(library, complained_at=MIDNIGHT_PAST.astimezone().isoformat())
    assert case.number == "202612-001"
    assert case.complained_at == MIDNIGHT_PAST  # the instant it was registered is kept
    before = make_case(library, complained_at=(MIDNIGHT_PAST - timedelta(hours=2)).astimezone().isoformat())
    assert before.number == "202611-001"  # 23:30 Beijing time on 30 November


def test_the_setting_is_kept_and_followed(los_angeles, capsys):
    assert load_settings().times_in_computer_zone is False and not zone.in_computer_zone()
    save_settings(Settings(times_in_computer_zone=True))
    assert zone.in_computer_zone()
    zone.use_computer_zone(False)
    assert load_settings().times_in_computer_zone is True and zone.in_computer_zone()
    assert main(["config", "times_in_computer_zone", "false"]) == 0
    assert "times_in_computer_zone = False" in capsys.readouterr().out
    assert not zone.in_computer_zone() and load_settings().times_in_computer_zone is False


def _court_packet_text(library, number: str) -> str:
    from bundle_pages import page_texts

    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), Settings()))[-1]
    assert isinstance(result, BundleResult)
    return "\n".join(page_texts(result.files[0]))


def test_the_court_packet_prints_beijing_time_on_a_computer_in_los_angeles(library, los_angeles):
    case = filed_case(
        library,
        complained_at=MIDNIGHT_PAST.astimezone().isoformat(),  # stamped in the computer's zone, as cases were
        transaction={"received_at": "2026-11-18T02:30:00+00:00", "amount": "1299.00"},
    )
    text = _court_packet_text(library, case.number)
    assert "原告收货时间：2026年11月18日 10:30" in text.replace("\n", "")
    assert "UTC-08" not in text and "-0800" not in text and "-0700" not in text


def test_the_court_packet_in_the_computers_zone_names_its_offset(library, los_angeles):
    zone.use_computer_zone(True)
    case = filed_case(library, transaction={"received_at": "2026-11-18T02:30:00+00:00", "amount": "1299.00"})
    text = _court_packet_text(library, case.number).replace("\n", "")
    assert "原告收货时间：2026年11月17日 18:30（UTC-08:00）" in text


def test_the_walk_in_receipt_prints_beijing_time_on_a_computer_in_los_angeles(library, los_angeles):
    """A walk-in registered at 01:30 Beijing time on 1 December, stamped in the computer's zone as cases were:
    the receipt says 受理时间 2026-12-01 01:30 and promises the reply 48 hours later, both in Beijing time."""
    from bundle_pages import page_texts

    case = make_case(
        library,
        complained_at=MIDNIGHT_PAST.astimezone().isoformat(),
        channel="store",
        priority="normal",
        complainant={"name": "张三", "phone": "13812345678"},
    )
    options = BundleOptions(Venue.RECEIPT, force=True)
    result = list(build_bundle(library, case.number, options, Settings(org_name="好物数码")))[-1]
    assert isinstance(result, BundleResult)
    text = page_texts(result.files[0])[0]
    # Printed later than that (as this test is, after 1 December), the receipt adds when: in Beijing time too.
    accepted = re.search(r"受理时间\s+2026-12-01 01:30(?:（打印于 (\d{4}-\d\d-\d\d \d\d:\d\d)）)?\n", text)
    assert "202612-001" in text and accepted, text
    if accepted.group(1):
        printed = datetime.strptime(accepted.group(1), "%Y-%m-%d %H:%M").replace(tzinfo=zone.BEIJING)
        assert abs(printed - datetime.now(UTC)) < timedelta(minutes=10)
    assert "2026-12-03 01:30" in text  # 承诺答复时间: 48 hours on
    assert "UTC" not in text
