"""Who issues a walk-in receipt (spec §7(e) 1): the business complained about, not a law firm or another business."""

from __future__ import annotations

import pytest
from preflight_cases import complete_case

from casefile.core.bundle.context import ExhibitEntry, Level, Venue
from casefile.core.bundle.preflight import preflight, receipt_issuer
from casefile.core.model import Party, PartyKind
from casefile.core.record.roles import issued_by_respondent, not_a_business

ISSUER_CODES = {"receipt-no-issuer", "receipt-issuer-not-a-business", "receipt-issuer-not-respondent"}


def org(name: str, code: str = "") -> Party:
    return Party(PartyKind.ORGANISATION, name=name, id_number=code)


def codes(respondent: str, issuer: Party) -> set[str]:
    case = complete_case()
    case.respondent = org(respondent)
    entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1)]
    found = preflight(case, Venue.RECEIPT, entries, size_limit_mb=None, organisation=issuer)
    assert all(f.level is Level.WARNING for f in found if f.code in ISSUER_CODES)
    return {f.code for f in found} & ISSUER_CODES


def test_a_law_firm_s_receipt_for_a_complaint_against_a_shop_is_warned_of():
    """The sample: 上海某某律师事务所 in the settings, the complaint against 某某数码科技有限公司."""
    assert codes("某某数码科技有限公司", org("上海某某律师事务所")) == {
        "receipt-issuer-not-a-business",
        "receipt-issuer-not-respondent",
    }


def test_the_store_s_own_receipt_has_nothing_to_say():
    assert codes("某某数码旗舰店", org("某某数码旗舰店")) == set()
    assert codes("好物数码有限公司", org("好物数码有限公司（朝阳店）")) == set()  # its store
    assert codes("好物数码", org("好物科技", "91330110MA2AXXXX0N")) == {"receipt-issuer-not-respondent"}
    respondent = org("好物数码", "91330110MA2AXXXX0N")
    assert receipt_issuer(respondent, org("好物科技", "91330110ma2axxxx0n")) == []  # the same credit code


def test_no_respondent_named_is_taken_as_the_store_itself():
    assert codes("", org("某某数码旗舰店")) == set()


def test_no_organisation_in_the_settings_is_warned_of_at_the_desk_but_left_blank_in_a_build():
    assert [f.code for f in receipt_issuer(org("某某数码旗舰店"), org(""))] == ["receipt-no-issuer"]
    assert codes("某某数码旗舰店", org("")) == set()  # the receipt's blanks are filled by hand


def test_other_venues_and_callers_that_name_no_issuer_are_not_asked():
    case = complete_case()
    entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1)]
    law_firm = org("上海某某律师事务所")
    found = preflight(case, Venue.CONSUMER_ASSOCIATION, entries, size_limit_mb=None, organisation=law_firm)
    assert not {f.code for f in found} & ISSUER_CODES
    assert not {f.code for f in preflight(case, Venue.RECEIPT, entries, size_limit_mb=None)} & ISSUER_CODES


@pytest.mark.parametrize(
    ("name", "word"),
    [("上海某某律师事务所", "律师事务所"), ("朝阳区消费者协会", "消费者协会"), ("某某数码旗舰店", ""), ("", "")],
)
def test_names_that_are_not_a_business(name, word):
    assert not_a_business(name) == word


def test_the_issuer_is_compared_whatever_the_spaces_and_brackets():
    assert issued_by_respondent(org("好物数码（朝阳店）"), org("好物数码 (朝阳店)")) is True
    assert issued_by_respondent(org("好物数码"), Party(name="")) is None
    assert issued_by_respondent(org("好物数码"), Party(name="张三", store="好物数码")) is True
    assert issued_by_respondent(org("好物数码"), org("坏物数码")) is False


def test_a_receipt_printed_after_its_reply_time_is_warned_of():
    """The clerk reprints an old receipt: the reply time it promises is gone, and the build says so."""
    from datetime import datetime, timedelta, timezone

    from casefile.core.bundle.context import Venue
    from casefile.core.bundle.preflight import preflight
    from casefile.core.model import Case, CaseType, Channel, Priority

    cst = timezone(timedelta(hours=8))
    case = Case(
        number="202611-001",
        title="耳机左耳无声",
        complained_at=datetime(2026, 11, 20, 10, 30, tzinfo=cst),
        channel=Channel.STORE,
        type=CaseType.QUALITY,
        priority=Priority.IMPORTANT,  # a reply within 24 hours: by 2026-11-21 10:30
    )

    def codes(now: datetime) -> list[str]:
        return [f.code for f in preflight(case, Venue.RECEIPT, [], size_limit_mb=None, now=now)]

    assert "receipt-reply-time-passed" not in codes(datetime(2026, 11, 20, 10, 45, tzinfo=cst))
    assert "receipt-reply-time-passed" not in codes(datetime(2026, 11, 21, 10, 30, tzinfo=cst))
    late = [
        f for f in preflight(case, Venue.RECEIPT, [], size_limit_mb=None, now=datetime(2026, 11, 25, 9, 0, tzinfo=cst))
    ]
    passed = next(f for f in late if f.code == "receipt-reply-time-passed")
    assert "2026-11-21 10:30" in str(passed.message)
    assert "receipt-reply-time-passed" not in codes_for_other_venues(case)


def codes_for_other_venues(case):
    from casefile.core.bundle.context import Venue
    from casefile.core.bundle.preflight import preflight

    return [f.code for f in preflight(case, Venue.CONSUMER_ASSOCIATION, [], size_limit_mb=None)]
