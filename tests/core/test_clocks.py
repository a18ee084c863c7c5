"""The clock rule table and China's working-day calendar: table-driven vectors for every rule."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from casefile.core import law
from casefile.core.errors import CaseFileError
from casefile.core.workflow import calendar as workcal
from casefile.core.workflow.clocks import (
    CST,
    RULES,
    Bound,
    Interval,
    Unit,
    compute,
    keys,
    last_day_to_act,
    rule_for,
    versions,
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


# key, started, last day, rolled from (None: not moved), provisional, the article setting the period
VECTORS = [
    # 7 working days across 国庆; 15 days to appeal a judgment end on 国庆 itself: in law the last day moves to
    # 10-08 (民事诉讼法 art. 85), for our user as for anyone; 10-01 stays our user's safe day (act_by)
    ("regulator.acceptance", "2026-09-28 10:00", "2026-10-13", None, False, "complaint-measures.acceptance-7-days"),
    ("court.appeal-judgment", "2026-09-16 15:00", "2026-10-08", "2026-10-01", False, "civil-procedure.171"),
    ("court.appeal-ruling", "2026-09-20 09:00", "2026-09-30", None, False, "civil-procedure.171"),
    # Sunday 2026-09-20 is a make-up working day: a 10-day period ending on it does not move
    ("court.appeal-ruling", "2026-09-10 09:00", "2026-09-20", None, False, "civil-procedure.171"),
    ("court.filing", "2026-04-27 11:00", "2026-05-06", "2026-05-04", False, "civil-procedure.126"),
    ("courier.reply", "2026-09-24 18:30", "2026-10-08", "2026-10-01", False, "express-regulation.complaint-7-days"),
    ("courier.reply", "2025-03-01 12:00", "2025-03-10", "2025-03-08", False, "express-regulation-2019.28"),
    ("postal.reply", "2026-09-01 10:00", "2026-10-08", "2026-10-01", False, "postal-law.65"),
    ("consumer.no-reason-return", "2026-11-20 20:00", "2026-11-27", None, False, "consumer-protection.25"),
    # the 2019 暂行办法 (45 working days) for a complaint accepted before 2026-04-15; 60 days after
    ("regulator.mediation", "2026-03-02 10:00", "2026-05-08", None, False, "complaint-measures-2019.21"),
    ("regulator.mediation", "2026-04-15 10:00", "2026-06-15", "2026-06-14", False, "complaint-measures.mediation-ends"),
    ("regulator.acceptance", "2026-04-14 10:00", "2026-04-23", None, False, "complaint-measures-2019.14"),
    # months: the corresponding day, or the month's last day (民法典 art. 202), then moved
    ("arbitration.set-aside", "2026-05-31 10:00", "2026-08-31", None, False, "arbitration.set-aside-time-limit"),
    ("arbitration.set-aside", "2026-03-31 10:00", "2026-06-30", None, False, "arbitration.set-aside-time-limit"),
    ("arbitration.set-aside", "2025-11-30 10:00", "2026-06-01", "2026-05-30", False, "arbitration-2017.59"),
    ("court.enforcement", "2024-06-28 00:00", "2026-06-29", "2026-06-28", False, "civil-procedure.250"),
    # into years the calendar does not know: estimated, and said to be provisional
    ("regulator.acceptance", "2026-12-24 10:00", "2027-01-05", None, True, "complaint-measures.acceptance-7-days"),
    ("court.filing", "2026-12-28 10:00", "2027-01-04", None, True, "civil-procedure.126"),
    # (our user's safe day, the unmoved calendar day, needs no calendar: it is never provisional)
    ("civil.limitation", "2026-01-15 10:00", "2029-01-15", None, True, "civil-code.188"),
    # across 春节 2027, not yet arranged: 除夕 02-05 and 初三 02-08 rest, and 初一, 初二 (a weekend) made up on
    # 02-09 and 02-10 (全国年节及纪念日放假办法 arts. 2 and 6)
    ("regulator.acceptance", "2027-02-03 10:00", "2027-02-18", None, True, "complaint-measures.acceptance-7-days"),
    ("courier.reply", "2027-02-01 10:00", "2027-02-11", "2027-02-08", True, "express-regulation.complaint-7-days"),
    ("regulator.mediation", "2026-12-10 10:00", "2027-02-11", "2027-02-08", True, "complaint-measures.mediation-ends"),
    ("arbitration.set-aside", "2026-11-08 10:00", "2027-02-11", "2027-02-08", True, "arbitration.set-aside-time-limit"),
    # 端午 2027 (06-09, a Wednesday) and 中秋 2027 (09-15, a Wednesday) are rest days too
    ("court.filing", "2027-06-02 10:00", "2027-06-10", "2027-06-09", True, "civil-procedure.126"),
    ("regulator.acceptance", "2027-09-10 10:00", "2027-09-22", None, True, "complaint-measures.acceptance-7-days"),
]


@pytest.mark.parametrize(("key", "started", "last", "rolled", "provisional", "period"), VECTORS)
def test_each_clock_gives_its_last_day(
    key: str, started: str, last: str, rolled: str | None, provisional: bool, period: str
) -> None:
    deadline = compute(key, at(started))
    assert deadline.rule.period == period
    assert deadline.last_day == date.fromisoformat(last)
    assert deadline.rolled_from == (date.fromisoformat(rolled) if rolled else None)
    assert deadline.provisional is provisional
    # a period runs out at 24:00 of its last day, China Standard Time (民法典 art. 203)
    assert deadline.due == datetime.combine(deadline.last_day + timedelta(days=1), datetime.min.time(), CST)
    # our user's deadline also carries its safe day: the unmoved calendar day
    unmoved = date.fromisoformat(rolled or last)
    assert deadline.act_by == (unmoved if deadline.rule.bound is Bound.OUR_USER else None)


def test_the_calendar_knows_make_up_working_days_and_holidays() -> None:
    cal = workcal.shipped()
    assert cal.is_working_day(date(2026, 10, 10))  # Saturday, worked for 国庆
    assert cal.is_working_day(date(2026, 1, 4))  # Sunday, worked for 元旦
    assert not cal.is_working_day(date(2026, 10, 1)) and cal.rest_name(date(2026, 10, 1)) == "国庆节"
    assert not cal.is_working_day(date(2026, 10, 11))  # an ordinary Sunday
    assert cal.knows(date(2026, 12, 31)) and not cal.knows(date(2027, 1, 1))
    assert cal.known_years()[0] == 2004
    assert cal.working_days_between(date(2026, 9, 28), date(2026, 10, 13)) == (7, False)


def test_a_year_not_arranged_is_estimated_with_every_statutory_holiday() -> None:
    """全国年节及纪念日放假办法 art. 2 fixes the holidays, lunar ones included; art. 6 makes up those on a weekend."""
    rest = workcal.estimated_year(2027).rest
    assert {d.isoformat(): n for d, n in rest.items() if d.month == 2} == {
        "2027-02-05": "春节（除夕）",
        "2027-02-06": "春节（初一）",
        "2027-02-07": "春节（初二）",
        "2027-02-08": "春节（初三）",
        "2027-02-09": "春节（补假）",
        "2027-02-10": "春节（补假）",
    }
    assert rest[date(2027, 4, 5)] == "清明节（清明）" and rest[date(2027, 6, 9)] == "端午节（端午）"
    assert rest[date(2027, 9, 15)] == "中秋节（中秋）"
    # 劳动节 and 国庆节 on a weekend are made up on the Monday and Tuesday after them
    assert [rest.get(date(2027, 5, d)) for d in (3, 4)] == ["劳动节（补假）"] * 2
    assert [rest.get(date(2027, 10, d)) for d in (4, 5)] == ["国庆节（补假）"] * 2
    cal = workcal.shipped()
    assert not cal.is_working_day(date(2027, 2, 8)) and cal.rest_name(date(2027, 2, 8)) == "春节（初三）"
    assert cal.is_working_day(date(2027, 2, 11))
    # 2028: 中秋 is 10-03, a day of 国庆 too: one more day made up, after both
    rest = workcal.estimated_year(2028).rest
    assert rest[date(2028, 10, 3)] == "国庆节、中秋节（中秋）"
    assert {rest.get(date(2028, 10, d)) for d in (4, 5)} == {"国庆节（补假）", "中秋节（补假）"}
    assert date(2028, 10, 6) not in rest
    # past the table, the fixed-date holidays alone
    holidays = {d for d, n in workcal.estimated_year(2061).rest.items() if not n.endswith("（补假）")}
    assert sorted((d.month, d.day) for d in holidays) == [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)]


def test_the_festival_table_agrees_with_the_state_councils_arrangements() -> None:
    """The computed days of 2025 and 2026 (both under the 2024 revision) are rest days of the notices CaseFile ships,
    and every year of the table is plausible: 春节 four days in a row from 21 January to 20 February, 清明 on 4–6
    April, 端午 from 26 May to 26 June, 中秋 from 7 September to 8 October."""
    table = workcal.festivals()
    assert sorted(table) == list(range(2025, 2061))
    shipped = workcal.shipped()
    for year in (2025, 2026):
        for day, name in table[year].items():
            assert not shipped.is_working_day(day) and shipped.knows(day), (day, name)
    for year, days in table.items():
        by_name = {name: day for day, name in days.items()}
        first = by_name["春节（初一）"]
        assert date(year, 1, 21) <= first <= date(year, 2, 20)
        spring = [(by_name[f"春节（{n}）"] - first).days for n in ("除夕", "初二", "初三")]
        assert spring == [-1, 1, 2]
        assert date(year, 4, 4) <= by_name["清明节（清明）"] <= date(year, 4, 6)
        assert date(year, 5, 26) <= by_name["端午节（端午）"] <= date(year, 6, 26)
        assert date(year, 9, 7) <= by_name["中秋节（中秋）"] <= date(year, 10, 8)


@pytest.mark.parametrize(
    ("key", "hours"), [("response.urgent", 2), ("response.important", 24), ("response.normal", 48)]
)
def test_the_response_promise_counts_wall_clock_hours_through_holidays(key: str, hours: int) -> None:
    deadline = compute(key, at("2026-10-01 10:00"))
    assert deadline.due == at("2026-10-01 10:00") + timedelta(hours=hours)
    assert not deadline.provisional and deadline.rolled_from is None


def test_testing_time_is_not_counted_in_mediation() -> None:
    accepted = at("2026-05-06 10:00")
    plain = compute("regulator.mediation", accepted)
    assert plain.last_day == date(2026, 7, 6)  # 60 days: 07-05 is a Sunday
    tested = compute("regulator.mediation", accepted, pauses=[Interval(at("2026-05-20 09:00"), at("2026-05-30 17:00"))])
    assert tested.paused_days == 10
    assert tested.last_day == date(2026, 7, 15)  # 07-05 + 10 days
    # the old rule (45 working days) skips testing days too
    old = compute("regulator.mediation", at("2026-03-02 10:00"), pauses=[Interval(at("2026-03-09"), at("2026-03-11"))])
    assert old.last_day == date(2026, 5, 11)  # two working days after 05-08: the make-up Saturday 05-09, then 05-11


def test_a_pause_still_running_stops_the_clock_until_now() -> None:
    accepted = at("2026-05-06 10:00")
    running = compute(
        "regulator.mediation", accepted, pauses=[Interval(at("2026-05-20 09:00"))], now=at("2026-05-25 12:00")
    )
    assert running.paused and running.paused_days == 5
    assert running.last_day == date(2026, 7, 10)
    # clocks without a pause rule ignore pauses
    assert compute("court.filing", accepted, pauses=[Interval(at("2026-05-07"))]).paused is False


def test_an_imported_calendar_settles_a_provisional_deadline(tmp_path: Path) -> None:
    started = at("2026-12-24 10:00")
    assert compute("regulator.acceptance", started).provisional
    notice = tmp_path / "2027.json"

    def write(year: int) -> None:
        rest = {d.isoformat(): n for d, n in workcal.statutory_days(year).items()}
        rest.update({f"{year}-01-0{d}": "元旦" for d in range(1, 5)})
        notice.write_text(
            json.dumps(
                {
                    "format": "casefile-calendar/1",
                    "source": f"国务院办公厅关于{year}年部分节假日安排的通知 (test)",
                    "years": {str(year): {"rest": rest, "work": {}}},
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )

    write(2027)
    assert workcal.import_file(notice) == [2027]
    settled = compute("regulator.acceptance", started)
    assert not settled.provisional
    # 12-25, 28, 29, 30, 31, then (01-01 to 01-04 rest in this notice) 01-05, 01-06; the estimate said 01-05
    assert settled.last_day == date(2027, 1, 6)
    assert workcal.current().rest_name(date(2027, 1, 1)) == "元旦"
    # importing another year keeps 2027
    write(2028)
    assert workcal.import_file(notice) == [2028]
    assert workcal.current().knows(date(2027, 6, 1)) and workcal.current().knows(date(2028, 6, 1))


@pytest.mark.parametrize(
    ("rest", "missing"),
    [
        ({"2027-01-01": "元旦"}, ["2027-02-06 春节（初一）", "2027-05-02 劳动节", "2027-10-03 国庆节", "2027-09-15"]),
        ({**{d.isoformat(): n for d, n in workcal.statutory_days(2027).items()}, "2027-02-05": None}, ["2027-02-05"]),
    ],
)
def test_a_year_without_the_holidays_the_law_fixes_is_refused_naming_them(
    tmp_path: Path, rest: dict[str, str | None], missing: list[str]
) -> None:
    kept = {day: name for day, name in rest.items() if name is not None}
    path = tmp_path / "2027.json"
    path.write_text(
        json.dumps(
            {"format": "casefile-calendar/1", "years": {"2027": {"rest": kept, "work": {}}}}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError, match="leaves out holidays the law fixes") as raised:
        workcal.import_file(path)
    assert all(day in str(raised.value) for day in missing)
    assert "2027-01-01" not in str(raised.value)
    assert not workcal.imported_path().exists()


def test_a_year_past_the_lunar_table_is_provisional_and_says_its_festivals_are_unknown(capsys) -> None:
    from casefile.cli import main

    assert not workcal.lunar_known(2061) and workcal.lunar_known(2060)
    assert compute("civil.limitation", at("2058-01-20 12:00")).provisional
    assert main(["calendar", "show", "2061"]) == 1
    assert "春节, 清明, 端午 and 中秋 are not known" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a CaseFile calendar file"),
        ('{"format": "other"}', "not a CaseFile calendar file"),
        ('{"format": "casefile-calendar/1", "years": {}}', "holds no years"),
        ('{"format": "casefile-calendar/1", "years": {"2027": {"rest": {}}}}', "lists no rest days"),
        ('{"format": "casefile-calendar/1", "years": {"2027": {"rest": {"2028-01-01": ""}}}}', "listed under the year"),
        ('{"format": "casefile-calendar/1", "years": {"2027": {"rest": {"1 May": ""}}}}', "is not a date"),
        (
            '{"format": "casefile-calendar/1", "years": {"2027": '
            '{"rest": {"2027-01-01": ""}, "work": {"2027-01-01": ""}}}}',
            "both as a rest day and as a working day",
        ),
    ],
)
def test_a_bad_calendar_file_is_refused_with_a_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CaseFileError, match=message):
        workcal.import_file(path)
    assert not workcal.imported_path().exists()


def test_every_rule_cites_articles_of_the_law_table_and_one_version_is_in_force_today() -> None:
    today = law.CHECKED_ON
    for rule in RULES:
        for article_id in rule.articles:
            law.article(article_id)  # raises for an article the table does not hold
        assert rule.amount > 0
        # a period without a law is a promise (hours), or the day a decision sets for our side to pay by
        assert (rule.unit is Unit.HOURS) == (not rule.period) or rule.key == "court.performance"
    for key in keys():
        rule = rule_for(key, today)
        if key == "postal.appeal":
            # the one exception: the 12305 year rests on the 2014 办法, replaced by a 2020 one whose text could
            # not be read; the packets quote the old conditions as such, and the clock counts the same year
            replaced = law.article(rule.period).law
            assert replaced.replaced_by and not replaced.in_force_on(today), key
            continue
        assert rule.in_force_on(today), key
        # versions of one clock never overlap: on each version's first day, only that version is in force
        for version in versions(key):
            if version.effective is not None:
                in_force = [r for r in versions(key) if r.in_force_on(version.effective)]
                assert in_force == [version], key
                assert rule_for(key, version.effective) == version


def test_every_deadline_ends_on_the_laws_last_day_and_our_users_also_carry_the_safe_day() -> None:
    """One decision (clocks.Bound): every day-counted deadline's last day moves past a rest day as the law moves it
    (民法典 art. 203, 民事诉讼法 art. 85), so CaseFile never calls one run out before the law does; a period our
    user must meet also carries the unmoved calendar day, the safe day reminders and packets give."""
    theirs = {r.key for r in RULES if r.bound is Bound.OTHER_SIDE}
    ours = {r.key for r in RULES if r.bound is Bound.OUR_USER and r.unit is not Unit.HOURS}
    assert theirs == {
        "courier.reply",
        "postal.reply",
        "regulator.acceptance",
        "regulator.mediation",
        "court.filing",
        "consumer.no-reason-return",  # the merchant's refusal of a return is judged against it
    }
    assert ours == {
        "civil.limitation",
        "court.appeal-judgment",
        "court.appeal-ruling",
        "arbitration.set-aside",
        "court.enforcement",
        "court.performance",
        "postal.appeal",
    }
    assert all(r.rolls for r in RULES if r.unit is not Unit.HOURS)
    # the same Sunday, 2026-11-29, as the last day of each
    reply = compute("courier.reply", at("2026-11-22 16:00"))
    assert reply.last_day == date(2026, 11, 30) and reply.rolled_from == date(2026, 11, 29) and reply.act_by is None
    limit = compute("civil.limitation", at("2023-11-29 10:00"))
    assert limit.last_day == date(2026, 11, 30) and limit.rolled_from == date(2026, 11, 29)
    assert limit.act_by == date(2026, 11, 29)
    assert last_day_to_act("civil.limitation", date(2023, 11, 29)) == date(2026, 11, 29)
    with pytest.raises(ValueError):
        last_day_to_act("courier.reply", date(2026, 11, 22))


def test_an_appeal_ending_on_national_day_is_past_its_safe_day_not_run_out_until_the_law_says() -> None:
    """15 days to appeal a judgment served 2026-09-16 end on 国庆 (10-01): the safe day is 10-01, the law's last
    day 10-08 (民事诉讼法 art. 85). On 10-02 the appeal is urgent, not run out; it runs out after 10-08 24:00."""
    appeal = compute("court.appeal-judgment", at("2026-09-16 15:00"))
    assert (appeal.act_by, appeal.last_day) == (date(2026, 10, 1), date(2026, 10, 8))
    assert appeal.remind_at == at("2026-10-02 00:00") and appeal.due == at("2026-10-09 00:00")
    assert appeal.rule.move_article == "civil-procedure.85" and law.article(appeal.rule.move_article)
    assert not appeal.past_safe_day(at("2026-10-01 23:59"))
    assert appeal.past_safe_day(at("2026-10-02 09:00")) and not appeal.overdue(at("2026-10-02 09:00"))
    assert appeal.past_safe_day(at("2026-10-08 23:59"))
    assert not appeal.past_safe_day(at("2026-10-09 00:00")) and appeal.overdue(at("2026-10-09 00:00"))
    assert compute("civil.limitation", at("2023-11-29 10:00")).rule.move_article == "civil-code.203"


def test_the_12305_year_says_it_rests_on_the_replaced_2014_rule() -> None:
    """The 12305 year rests on the 2014 申诉处理办法 art. 9(6), replaced from 2020-10-01 by the 邮政业用户申诉处理办法,
    whose text was not found: a year started since then says so; one started while the 2014 text was in force, and
    a clock whose older version was in force when it started (a 12315 mediation under the 暂行办法), do not."""
    from casefile.core import law
    from casefile.core.workflow.clocks import replaced_basis, replaced_basis_note

    assert replaced_basis("postal.appeal", date(2025, 12, 5)) is law.POSTAL_COMPLAINT_MEASURES
    note = replaced_basis_note("postal.appeal", date(2025, 12, 5))
    assert "《邮政业消费者申诉处理办法》第九条 (2014)" in note and "replaced from 2020-10-01" in note
    assert "《邮政业用户申诉处理办法》" in note and "not the rule in force" in note
    assert replaced_basis("postal.appeal", date(2020, 9, 30)) is None
    assert replaced_basis_note("postal.appeal", date(2020, 9, 30)) == ""
    assert replaced_basis("regulator.mediation", date(2025, 12, 5)) is None
    assert replaced_basis("court.performance", date(2025, 12, 5)) is None  # no law: the decision sets it
