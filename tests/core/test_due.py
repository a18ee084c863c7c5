"""The clocks a case runs, read from its record: duties met, late, running or overdue; limits open,
used or expired; nothing running once the case is closed."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal

from casefile.core.model import Case, CaseType, Channel, EventKind, Priority, Stage, StageChange, TimelineEvent
from casefile.core.workflow import records
from casefile.core.workflow.clocks import CST
from casefile.core.workflow.due import Status, case_clocks, next_due, running
from casefile.core.workflow.records import (
    Closing,
    ClosingResult,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    ProceedingResult,
    Proposal,
    Venue,
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def case(**fields) -> Case:
    base = Case(
        number="202609-001",
        title="手机屏幕碎裂",
        complained_at=at("2026-09-28 10:00"),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
        priority=Priority.URGENT,
    )
    for name, value in fields.items():
        setattr(base, name, value)
    return base


def states(c: Case, now: str) -> dict[str, tuple[Status, date]]:
    return {s.key: (s.status, s.deadline.last_day) for s in case_clocks(c, at(now))}


def test_the_response_promise_is_met_late_or_overdue() -> None:
    c = case()
    assert states(c, "2026-09-28 11:00")["response.urgent"][0] is Status.RUNNING
    assert states(c, "2026-09-28 12:30")["response.urgent"][0] is Status.OVERDUE
    c.first_response_at = at("2026-09-28 11:30")
    assert states(c, "2026-09-29 09:00")["response.urgent"][0] is Status.MET
    c.first_response_at = at("2026-09-28 13:00")
    assert states(c, "2026-09-29 09:00")["response.urgent"][0] is Status.LATE
    # moving the case on from registration answers the complainant too, as does a proposal
    c.first_response_at = None
    c.stage_log.append(StageChange(Stage.VERIFICATION, at("2026-09-28 11:45"), "李"))
    assert states(c, "2026-09-29 09:00")["response.urgent"][0] is Status.MET
    c.stage_log.clear()
    c.workflow.proposals.append(Proposal(at("2026-09-28 12:30"), "respondent", "退货退款"))
    assert states(c, "2026-09-29 09:00")["response.urgent"][0] is Status.LATE


def test_only_a_proposal_of_our_side_answers_the_complainant() -> None:
    """The customer's own demand, or the courier's offer to the merchant, is no answer to the customer: the
    promise stays overdue until our side proposes (or calls, or moves the case on)."""
    from casefile.core.model import Side

    for side in (Side.RESPONDENT, None):  # recorded, or not told: the one complained to owes the answer
        c = case(our_side=side)
        c.workflow.proposals.append(Proposal(at("2026-09-29 10:00"), "complainant", "要求退款并补偿50元"))
        c.workflow.proposals.append(Proposal(at("2026-09-29 11:00"), "courier", "赔偿运费23元"))
        c.workflow.proposals.append(Proposal(at("2026-09-29 12:00"), "manufacturer", "换新"))
        got = {s.key: s for s in case_clocks(c, at("2026-09-30 09:00"))}["response.urgent"]
        assert got.status is Status.OVERDUE and got.met_at is None, side
        c.workflow.proposals.append(Proposal(at("2026-09-29 15:00"), "respondent", "同意退款"))
        got = {s.key: s for s in case_clocks(c, at("2026-09-30 09:00"))}["response.urgent"]
        assert got.status is Status.LATE and got.met_at == at("2026-09-29 15:00"), side


def test_a_regulator_complaint_runs_acceptance_then_mediation_with_testing_not_counted() -> None:
    regulator = Proceeding(Venue.REGULATOR, ref="12315-2026-001", filed_at=at("2026-09-28 10:00"))
    c = case()
    c.workflow.proceedings.append(regulator)
    got = states(c, "2026-10-09 09:00")
    assert got["regulator.acceptance"] == (Status.RUNNING, date(2026, 10, 13))
    assert "regulator.mediation" not in got
    regulator.accepted_at = at("2026-10-12 15:00")
    regulator.testing.append(records.TestingPeriod(at("2026-10-20 09:00"), at("2026-10-30 09:00")))
    got = states(c, "2026-10-31 09:00")
    assert got["regulator.acceptance"][0] is Status.MET
    # 60 days from 10-12 is 12-11; ten days of testing move it to 12-21 (a Monday)
    assert got["regulator.mediation"] == (Status.RUNNING, date(2026, 12, 21))
    regulator.result, regulator.ended_at = ProceedingResult.AGREEMENT, at("2026-11-20 10:00")
    assert states(c, "2026-12-01 09:00")["regulator.mediation"][0] is Status.MET


def test_the_courier_reply_runs_from_each_complaint_to_it_and_its_reply_meets_it() -> None:
    c = case(
        timeline=[
            TimelineEvent(at("2026-09-24 18:00"), EventKind.COMPLAINT, "索赔", ref="GD1", party="courier"),
            TimelineEvent(at("2026-09-25 09:00"), EventKind.COMPLAINT, "向商家投诉", party="respondent"),
        ]
    )
    clock = next(s for s in case_clocks(c, at("2026-10-09 09:00")) if s.key == "courier.reply")
    assert (clock.status, clock.deadline.last_day, clock.ref) == (Status.OVERDUE, date(2026, 10, 8), "GD1")
    c.timeline.append(TimelineEvent(at("2026-09-30 10:00"), EventKind.CALL, "快递公司回复：同意赔付", party="courier"))
    assert states(c, "2026-10-09 09:00")["courier.reply"][0] is Status.MET


def test_limits_run_open_until_used_or_expired() -> None:
    court = Proceeding(
        Venue.COURT,
        ref="(2026)沪0104民初1号",
        filed_at=at("2026-06-01 10:00"),
        accepted_at=at("2026-06-05 10:00"),
        result=ProceedingResult.JUDGMENT,
        served_at=at("2026-09-16 15:00"),
    )
    c = case()
    c.workflow.proceedings.append(court)
    got = states(c, "2026-09-30 10:00")
    # the law's last day: 国庆 itself moves to 10-08 (民事诉讼法 art. 85); the safe day stays 10-01 (clocks.Bound)
    assert got["court.appeal-judgment"] == (Status.OPEN, date(2026, 10, 8))
    assert got["court.filing"][0] is Status.MET
    assert got["civil.limitation"][0] is Status.USED  # the suit was filed
    appeal = next(s for s in case_clocks(c, at("2026-09-30 10:00")) if s.key == "court.appeal-judgment")
    assert appeal.deadline.act_by == date(2026, 10, 1) and not appeal.past_safe_day
    # after the safe day, before the law's last day: still open, urgent, not expired
    later = next(s for s in case_clocks(c, at("2026-10-02 10:00")) if s.key == "court.appeal-judgment")
    assert later.status is Status.OPEN and later.past_safe_day and later.running
    assert states(c, "2026-10-08 23:00")["court.appeal-judgment"][0] is Status.OPEN
    assert states(c, "2026-10-09 00:00")["court.appeal-judgment"][0] is Status.EXPIRED
    c.workflow.proceedings.append(Proceeding(Venue.COURT, filed_at=at("2026-10-08 16:00")))
    assert states(c, "2026-10-09 10:00")["court.appeal-judgment"][0] is Status.USED


def test_enforcement_runs_from_the_last_day_for_performance_until_paid_in_full() -> None:
    c = case()
    c.workflow.outcome = Outcome(
        OutcomeKind.DECISION, at("2026-06-01 10:00"), amount=Decimal("800"), perform_by=at("2026-06-28 00:00")
    )
    assert states(c, "2026-07-01 10:00")["court.enforcement"] == (Status.OPEN, date(2028, 6, 28))  # two years
    c.workflow.payments.append(Payment(at("2026-07-02 10:00"), Decimal("500"), "respondent"))
    assert states(c, "2026-07-03 10:00")["court.enforcement"][0] is Status.OPEN
    c.workflow.payments.append(Payment(at("2026-07-05 10:00"), Decimal("300"), "respondent"))
    assert states(c, "2026-07-06 10:00")["court.enforcement"][0] is Status.USED
    # the parties' own agreement is not enforced by a court: no enforcement clock
    c.workflow.outcome.kind = OutcomeKind.AGREEMENT
    assert "court.enforcement" not in states(c, "2026-07-06 10:00")


def test_a_closed_case_runs_no_clocks_and_the_next_due_is_the_soonest_running_one() -> None:
    c = case(transaction=case().transaction, channel=Channel.ONLINE)
    c.transaction.received_at = at("2026-09-24 12:00")
    now = at("2026-09-28 10:30")
    first = next_due(c, now)
    assert first is not None and first.key == "response.urgent"
    assert [s.key for s in running(c, now)][:2] == ["response.urgent", "consumer.no-reason-return"]
    c.workflow.closings.append(Closing(at("2026-09-28 11:00"), ClosingResult.RESOLVED, satisfaction=5))
    assert running(c, at("2026-09-28 12:00")) == []
    assert states(c, "2026-09-28 12:00")["response.urgent"][0] is Status.STOPPED


def test_the_first_contact_with_the_complainant_meets_the_response_promise() -> None:
    c = case()  # urgent: 2 h from 2026-09-28 10:00
    # the complaint's own call, and a call with someone else, answer nothing
    c.timeline.append(TimelineEvent(at("2026-09-28 10:00"), EventKind.CALL, "来电投诉", party="complainant"))
    c.timeline.append(TimelineEvent(at("2026-09-28 10:10"), EventKind.CALL, "致电商家", party="respondent"))
    c.timeline.append(TimelineEvent(at("2026-09-28 10:20"), EventKind.NOTE, "内部备注", party="complainant"))
    assert states(c, "2026-09-28 12:30")["response.urgent"][0] is Status.OVERDUE
    c.timeline.append(TimelineEvent(at("2026-09-28 10:30"), EventKind.CALL, "回电客户", party="complainant"))
    got = {s.key: s for s in case_clocks(c, at("2026-09-28 12:30"))}["response.urgent"]
    assert got.status is Status.MET and got.met_at == at("2026-09-28 10:30")
    # a chat, an e-mail or a visit answers as well; the earliest answer counts
    c.timeline[-1] = TimelineEvent(at("2026-09-28 13:00"), EventKind.CHAT, "微信回复", party="complainant")
    assert states(c, "2026-09-28 14:00")["response.urgent"][0] is Status.LATE
    c.first_response_at = at("2026-09-28 11:00")
    assert states(c, "2026-09-28 14:00")["response.urgent"][0] is Status.MET


def test_a_proceeding_withdrawn_before_the_body_acted_stops_its_clocks() -> None:
    regulator = Proceeding(Venue.REGULATOR, ref="12315-999", filed_at=at("2026-11-12 10:00"))
    c = case(complained_at=at("2026-11-10 10:00"))
    c.workflow.proceedings.append(regulator)
    assert states(c, "2026-12-01 09:00")["regulator.acceptance"][0] is Status.OVERDUE
    regulator.result, regulator.ended_at = ProceedingResult.WITHDRAWN, at("2026-11-14 10:00")
    got = {s.key: s for s in case_clocks(c, at("2026-12-01 09:00"))}["regulator.acceptance"]
    assert got.status is Status.STOPPED and got.met_at is None and got.stopped_at == at("2026-11-14 10:00")
    assert "regulator.acceptance" not in {s.key for s in running(c, at("2026-12-01 09:00"))}
    # a claim withdrawn before the court's 立案 likewise; a mediation withdrawn is not "met"
    court = Proceeding(Venue.COURT, filed_at=at("2026-11-12 10:00"), result=ProceedingResult.WITHDRAWN)
    court.decided_at = at("2026-11-13 10:00")
    c.workflow.proceedings = [court]
    assert states(c, "2026-12-01 09:00")["court.filing"][0] is Status.STOPPED
    accepted = Proceeding(Venue.REGULATOR, filed_at=at("2026-11-12 10:00"), accepted_at=at("2026-11-13 10:00"))
    accepted.result, accepted.ended_at = ProceedingResult.WITHDRAWN, at("2026-11-20 10:00")
    c.workflow.proceedings = [accepted]
    got_states = states(c, "2027-02-01 09:00")
    assert got_states["regulator.acceptance"][0] is Status.MET
    assert got_states["regulator.mediation"][0] is Status.STOPPED


def test_no_response_promise_runs_when_our_side_is_the_complainant() -> None:
    """A merchant claiming against its courier complains itself: no promise of its own runs, and the next deadline
    is what the other side owes (the courier's reply). Not said, the promise runs as it always did."""
    from casefile.core.model import Party, PartyKind, Side, side_of

    c = case(
        type=CaseType.LOGISTICS,
        priority=Priority.NORMAL,
        complainant=Party(kind=PartyKind.ORGANISATION, name="深圳小铺电子商行", id_number="92440300MA5G77771H"),
    )
    c.timeline.append(
        TimelineEvent(
            at("2026-09-28 10:05"), EventKind.COMPLAINT, summary="向快运客服申请理赔", party="courier", ref="GD5"
        )
    )
    assert "response.normal" in states(c, "2026-10-01 10:00")
    assert next_due(c, at("2026-10-01 10:00")).key == "response.normal"  # overdue: today's behaviour when not said
    c.our_side = side_of(c, "深圳小铺电子商行", "92440300ma5g77771h")
    assert c.our_side is Side.COMPLAINANT and not c.promise_runs
    assert "response.normal" not in states(c, "2026-10-01 10:00")
    assert next_due(c, at("2026-10-01 10:00")).key == "courier.reply"
    # the store complained to: the respondent; neither party the organisation and nothing else tells: not said
    store = case(respondent=Party(kind=PartyKind.ORGANISATION, name="某某旗舰店"))
    assert side_of(store, "某某旗舰店") is Side.RESPONDENT and side_of(store, "某某贸易有限公司") is None
    assert side_of(store, "") is None
    # ... unless the organisation employs the complainant's agent: it acts for the consumer
    from casefile.core.model import Agent

    store.agent = Agent(name="张经理", employer="某某贸易有限公司")
    assert side_of(store, "某某贸易有限公司") is Side.COMPLAINANT and side_of(store, "另一贸易有限公司") is None


def test_a_law_firm_keeps_its_clients_cases_whoever_is_entered_as_the_agent() -> None:
    """A law firm (律师事务所, 法律服务所) is not the business complained to in a case it does not appear in: it acts
    for the complainant, whether its lawyer is entered as the agent, another firm's is, or none is yet. Complained
    about itself (a client's complaint against the firm), it is the respondent."""
    from casefile.core.model import Agent, Party, PartyKind, Side, side_of

    store = case(respondent=Party(kind=PartyKind.ORGANISATION, name="某某旗舰店"))
    assert side_of(store, "上海某某律师事务所") is Side.COMPLAINANT
    assert side_of(store, "某某区法律服务所") is Side.COMPLAINANT
    store.agent = Agent(name="李律师", employer="北京另一律师事务所")
    assert side_of(store, "上海某某律师事务所") is Side.COMPLAINANT
    against = case(respondent=Party(kind=PartyKind.ORGANISATION, name="上海某某律师事务所"))
    assert side_of(against, "上海某某律师事务所") is Side.RESPONDENT
    assert side_of(store, "某某旗舰店") is Side.RESPONDENT  # a store is the business complained to


def test_a_case_that_records_no_side_is_read_as_the_organisations_in_the_settings() -> None:
    """A case registered before its side was recorded (or before its agent was entered) is read as the organisation
    in the settings keeps it, without the record changing: a law firm's case runs no response promise; a side the
    user recorded stands."""
    from casefile.core.model import Party, PartyKind, Side, set_organisation

    c = case(priority=Priority.NORMAL, respondent=Party(kind=PartyKind.ORGANISATION, name="某某旗舰店"))
    assert c.our_side is None and c.side is None and c.promise_runs and not c.side_presumed
    assert next_due(c, at("2026-10-01 10:00")).key == "response.normal"
    set_organisation("上海某某律师事务所", "31310000MD0123456X")
    assert c.side is Side.COMPLAINANT and c.side_presumed and not c.promise_runs and c.our_side is None
    assert "response.normal" not in states(c, "2026-10-01 10:00")
    set_organisation("某某旗舰店")
    assert c.side is Side.RESPONDENT and c.side_presumed and c.promise_runs
    c.our_side = Side.COMPLAINANT  # recorded by the user: it stands
    assert c.side is Side.COMPLAINANT and not c.side_presumed and not c.promise_runs


def test_the_index_works_the_clocks_out_again_when_the_settings_name_another_organisation(tmp_path) -> None:
    """The list and `due` read the clocks from the index: they follow the organisation the cases are read as kept
    by, at the next opening, or at once when the app's settings change it (Library.read_sides_again)."""
    from datetime import UTC, datetime

    from casefile_testing import make_case

    from casefile.core.library import Library
    from casefile.core.model import set_organisation

    now = datetime(2026, 12, 1, tzinfo=UTC)

    def keys(library: Library) -> set[str]:
        return {row.key for row in library.next_deadlines(now).values()}

    library = Library.open(tmp_path / "library", "测试员")
    number = make_case(library).number
    assert {"response.normal"} == {k for k in keys(library) if k.startswith("response.")}
    set_organisation("上海某某律师事务所")
    assert library.read_sides_again() == 1
    assert not any(k.startswith("response.") for k in keys(library))
    assert library.load_case(number).our_side is None  # the record is as it was
    library.close()
    set_organisation("")  # opened again for no organisation: worked out again
    library = Library.open(tmp_path / "library", "测试员")
    assert any(k.startswith("response.") for k in keys(library))
    library.close()


def test_a_courts_dismissal_or_refusal_served_runs_the_appeal() -> None:
    """民事诉讼法 art. 171: 15 days from a judgment's service, 10 from a ruling's; 驳回诉讼请求 is a judgment,
    驳回起诉 and 不予受理 rulings. A dismissal that does not say which counts the shorter, ruling's, period."""
    court = Proceeding(
        Venue.COURT,
        ref="(2026)闽0203民初1234号",
        filed_at=at("2026-09-10 10:00"),
        accepted_at=at("2026-09-15 10:00"),
        result=ProceedingResult.DISMISSED,
        decided_at=at("2026-11-20 10:00"),
        served_at=at("2026-11-25 10:00"),
        summary="判决驳回原告的诉讼请求",
    )
    c = case()
    c.workflow.proceedings.append(court)
    assert states(c, "2026-12-01 10:00")["court.appeal-judgment"] == (Status.OPEN, date(2026, 12, 10))
    court.summary = "裁定驳回起诉"
    got = states(c, "2026-12-01 10:00")
    assert "court.appeal-judgment" not in got
    assert got["court.appeal-ruling"][0] is Status.OPEN
    appeal = next(s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "court.appeal-ruling")
    assert appeal.deadline.act_by == date(2026, 12, 5)  # Saturday: the safe day; by law Monday 12-07
    court.summary = ""  # not said which: the ruling's ten days, the ones that cannot be missed
    assert "court.appeal-ruling" in states(c, "2026-12-01 10:00")

    refused = Proceeding(
        Venue.COURT,
        filed_at=at("2026-11-20 10:00"),
        result=ProceedingResult.NOT_ACCEPTED,
        decided_at=at("2026-11-26 10:00"),
        served_at=at("2026-11-27 10:00"),
    )
    c = case()
    c.workflow.proceedings.append(refused)
    got = states(c, "2026-12-01 10:00")
    assert got["court.appeal-ruling"] == (Status.OPEN, date(2026, 12, 7))
    assert got["court.filing"][0] is Status.MET
    # a suit not accepted leaves nothing pending: the limitation period is not used by it
    assert got["civil.limitation"][0] is not Status.USED
    # an appeal filed uses it
    c.workflow.proceedings.append(Proceeding(Venue.COURT, filed_at=at("2026-12-03 10:00")))
    assert states(c, "2026-12-04 10:00")["court.appeal-ruling"][0] is Status.USED


def test_an_award_dismissing_the_claims_can_be_set_aside() -> None:
    award = Proceeding(
        Venue.ARBITRATION,
        filed_at=at("2026-09-10 10:00"),
        accepted_at=at("2026-09-12 10:00"),
        result=ProceedingResult.DISMISSED,
        decided_at=at("2026-11-20 10:00"),
        served_at=at("2026-11-22 10:00"),
    )
    c = case()
    c.workflow.proceedings.append(award)
    got = states(c, "2026-12-01 10:00")
    assert got["arbitration.set-aside"] == (Status.OPEN, date(2027, 2, 22))  # 仲裁法 (2025) art. 72: 3 months
    assert got["civil.limitation"][0] is Status.USED  # the application was accepted and decided


def test_a_court_mediation_agreement_with_a_day_for_performance_runs_enforcement() -> None:
    c = case()
    c.workflow.proceedings.append(
        Proceeding(
            Venue.COURT,
            filed_at=at("2026-09-10 10:00"),
            result=ProceedingResult.AGREEMENT,
            decided_at=at("2026-10-20 10:00"),
            served_at=at("2026-10-20 10:00"),
        )
    )
    c.workflow.outcome = Outcome(
        OutcomeKind.AGREEMENT,
        at("2026-10-20 10:00"),
        summary="法院出具民事调解书",
        amount=Decimal("3999"),
        payer="respondent",
        payee="complainant",
        perform_by=at("2026-10-31 00:00"),
    )
    assert states(c, "2026-12-01 10:00")["court.enforcement"] == (Status.OPEN, date(2028, 10, 31))
    # an agreement before a regulator (no 调解书 of a court or an arbitration body) is not enforced by a court
    c.workflow.proceedings[0].venue = Venue.REGULATOR
    assert "court.enforcement" not in states(c, "2026-12-01 10:00")


def test_the_12305_year_runs_from_the_shipping_day_once_the_carrier_is_claimed_from() -> None:
    c = case(type=CaseType.LOGISTICS)
    c.shipment.shipped_at = at("2025-12-10 10:00")
    assert "postal.appeal" not in states(c, "2026-12-01 10:00")
    c.timeline.append(
        TimelineEvent(at=at("2025-12-18 11:00"), kind=EventKind.COMPLAINT, summary="向快递公司索赔", party="courier")
    )
    assert states(c, "2026-12-01 10:00")["postal.appeal"] == (Status.OPEN, date(2026, 12, 10))
    appeal = next(s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "postal.appeal")
    assert appeal.deadline.act_by == date(2026, 12, 10) and appeal.is_limit
    c.workflow.proceedings.append(Proceeding(Venue.POSTAL_REGULATOR, filed_at=at("2026-12-02 10:00")))
    assert states(c, "2026-12-03 10:00")["postal.appeal"][0] is Status.USED


def test_the_rights_a_closing_would_stop_are_named_with_their_safe_days() -> None:
    from casefile.core.workflow.due import open_rights

    c = case()
    c.workflow.proceedings.append(
        Proceeding(Venue.COURT, result=ProceedingResult.JUDGMENT, served_at=at("2026-11-25 10:00"))
    )
    c.workflow.outcome = Outcome(
        OutcomeKind.DECISION, at("2026-11-20 10:00"), amount=Decimal("2000"), perform_by=at("2026-12-15 00:00")
    )
    rights = open_rights(c, at("2026-12-01 10:00"))
    assert [(s.key, s.deadline.act_by) for s in rights] == [
        ("court.appeal-judgment", date(2026, 12, 10)),
        ("court.enforcement", date(2028, 12, 15)),
    ]
    c.workflow.payments.append(Payment(at("2026-12-01 09:00"), Decimal("2000"), "respondent"))
    assert [s.key for s in open_rights(c, at("2026-12-01 10:00"))] == ["court.appeal-judgment"]
    assert open_rights(c, at("2026-12-11 10:00")) == []  # the appeal ran out


def test_the_seven_day_return_runs_only_where_the_packets_give_it_goods_bought_at_a_distance() -> None:
    """消法 art. 25: goods bought online, by television, phone or mail; not at the counter, not a service — where the
    record tells, the clock follows the packets' own test (seven_day_return_applies), so the reminder and the
    packet agree."""
    from casefile.core.bundle.documents.rules import return_window_of
    from casefile.core.model import Side
    from casefile.core.workflow.due import seven_day_return_applies

    counter = case(channel=Channel.STORE, type=CaseType.QUALITY, our_side=Side.RESPONDENT)
    counter.transaction.platform = "本店门市"
    counter.transaction.received_at = at("2026-11-29 11:00")
    service = case(channel=Channel.STORE, type=CaseType.SERVICE, our_side=Side.RESPONDENT)
    service.transaction.received_at = at("2026-11-29 11:00")
    online = case(channel=Channel.ONLINE, type=CaseType.TRANSACTION, our_side=Side.RESPONDENT)
    online.transaction.received_at = at("2026-11-29 11:00")
    for c in (counter, service, online):
        runs = "consumer.no-reason-return" in states(c, "2026-11-30 15:00")
        assert runs == seven_day_return_applies(c), c.channel
    assert "consumer.no-reason-return" in states(online, "2026-11-30 15:00")
    assert "consumer.no-reason-return" not in states(counter, "2026-11-30 15:00")
    assert "consumer.no-reason-return" not in states(service, "2026-11-30 15:00")
    # the packets still judge a merchant's "已超过七天" by the law's last day
    assert return_window_of(online).last_day == date(2026, 12, 7)


def _bought(platform: str, channel: Channel, side) -> Case:
    c = case(channel=channel, type=CaseType.QUALITY, our_side=side)
    c.transaction.platform = platform
    c.transaction.received_at = at("2026-11-28 10:00")
    return c


def test_where_the_goods_were_bought_decides_the_seven_day_return_not_how_the_client_reached_the_firm() -> None:
    """A platform naming a physical shop (门店, a mall's 旗舰店) is a counter sale whatever the channel: no seven-day
    clock and the general 案由; an online platform is a sale at a distance. A firm's channel (how the client came)
    tells nothing; a store's channel tells how its customer bought."""
    from casefile.core.bundle.documents.rules import case_cause
    from casefile.core.model import Side
    from casefile.core.workflow.due import bought_at_distance, seven_day_return_applies

    now = "2026-11-30 15:00"
    for platform, channel in (
        ("国美电器厦门中山路门店", Channel.SOCIAL),
        ("华为厦门万象城旗舰店", Channel.PHONE),
        ("万达广场专卖店", Channel.ONLINE),
    ):
        for side in (Side.COMPLAINANT, Side.RESPONDENT, None):
            c = _bought(platform, channel, side)
            assert bought_at_distance(c) is False, (platform, side)
            assert "consumer.no-reason-return" not in states(c, now), (platform, side)
            assert case_cause(c) == "买卖合同纠纷", (platform, side)
    store_counter = _bought("本店门市", Channel.SOCIAL, Side.RESPONDENT)  # the customer complained by WeChat
    assert "consumer.no-reason-return" not in states(store_counter, now)
    tmall = _bought("华为天猫官方旗舰店", Channel.PHONE, Side.COMPLAINANT)
    assert bought_at_distance(tmall) is True and seven_day_return_applies(tmall)
    assert "consumer.no-reason-return" in states(tmall, now) and case_cause(tmall) == "信息网络买卖合同纠纷"
    # a store's own case: the customer complains the way they bought
    assert bought_at_distance(_bought("", Channel.ONLINE, Side.RESPONDENT)) is True
    assert bought_at_distance(_bought("", Channel.STORE, Side.RESPONDENT)) is False


def test_for_the_consumers_side_an_untold_purchase_still_runs_the_seven_days_with_a_note() -> None:
    """A firm's record that does not say where the goods were bought: the channel (WeChat) is how the client came.
    For our user's own right a reminder that may not apply is safer than a missing one: the clock runs, saying
    是否网购未记录; the packets do not claim art. 25 and the 案由 stays the general one. For the store complained to,
    nothing runs on an untold sale."""
    from casefile.core.bundle.documents.rules import case_cause
    from casefile.core.model import Side
    from casefile.core.workflow.due import bought_at_distance, seven_day_return_applies

    firm = _bought("", Channel.SOCIAL, Side.COMPLAINANT)
    assert bought_at_distance(firm) is None
    got = {s.key: s for s in case_clocks(firm, at("2026-11-30 15:00"))}["consumer.no-reason-return"]
    assert got.status is Status.OPEN and "是否网购未记录" in got.ref
    assert not seven_day_return_applies(firm) and case_cause(firm) == "买卖合同纠纷"
    told = _bought("淘宝", Channel.SOCIAL, Side.COMPLAINANT)
    assert {s.key: s for s in case_clocks(told, at("2026-11-30 15:00"))}["consumer.no-reason-return"].ref == ""
    phoned = _bought("", Channel.PHONE, Side.RESPONDENT)
    assert bought_at_distance(phoned) is None
    assert "consumer.no-reason-return" not in states(phoned, "2026-11-30 15:00")


def test_the_seven_day_return_is_used_only_by_a_request_to_the_seller() -> None:
    """消法 art. 25; 网购七日无理由退货暂行办法 arts. 6–7: the right is used by the consumer asking the seller to
    take the goods back. A note, an event with anyone else, a summary saying it has not been asked yet, use nothing."""
    from casefile.core.model import Side

    c = _bought("京东", Channel.PHONE, Side.COMPLAINANT)
    c.timeline = [
        TimelineEvent(at("2026-11-30 11:00"), EventKind.NOTE, "客户想七天无理由退货，尚未向商家提出，明天再联系"),
        TimelineEvent(at("2026-11-30 12:00"), EventKind.CHAT, "与客户沟通七天无理由退货事宜", party="complainant"),
        TimelineEvent(at("2026-11-30 13:00"), EventKind.CHAT, "客户称尚未向商家申请退货", party="respondent"),
    ]
    assert states(c, "2026-12-01 10:00")["consumer.no-reason-return"][0] is Status.OPEN
    c.timeline.append(
        TimelineEvent(at("2026-12-01 09:00"), EventKind.COMPLAINT, "在京东申请七天无理由退货", party="respondent")
    )
    got = {s.key: s for s in case_clocks(c, at("2026-12-01 10:00"))}["consumer.no-reason-return"]
    assert got.status is Status.USED and got.met_at == at("2026-12-01 09:00")


def test_an_organisation_buying_for_its_business_has_no_seven_day_return() -> None:
    """消法 arts. 2, 25: the no-reason return is a consumer's right; a shop buying stock from its wholesaler on 1688
    is no consumer — no clock, and the packets do not print or claim it."""
    from casefile.core.bundle.documents.rules import case_cause
    from casefile.core.model import PartyKind, Side
    from casefile.core.workflow.due import seven_day_return_applies

    for side in (Side.COMPLAINANT, Side.RESPONDENT, None):
        c = _bought("1688", Channel.ONLINE, side)
        c.complainant.kind = PartyKind.ORGANISATION
        assert "consumer.no-reason-return" not in states(c, "2026-11-30 15:00"), side
        assert not seven_day_return_applies(c)
    shop = _bought("淘宝", Channel.ONLINE, Side.COMPLAINANT)
    shop.complainant.kind = PartyKind.ORGANISATION
    assert case_cause(shop) == "信息网络买卖合同纠纷"  # still a contract made online


def test_the_seven_day_return_is_our_users_own_deadline_with_its_safe_day_on_the_consumers_side() -> None:
    """For a firm acting for the consumer (our side the complainant) the seven days are a right our user must use
    in time: listed by the unmoved day (a Saturday), the law's last day moved to Monday beside it; for the
    merchant's side, the law's last day only."""
    from casefile.core.model import Side

    c = case(channel=Channel.ONLINE, type=CaseType.TRANSACTION)
    c.transaction.received_at = at("2026-11-28 15:00")  # seven days end Saturday 12-05
    c.our_side = Side.COMPLAINANT
    got = {s.key: s for s in case_clocks(c, at("2026-12-01 10:00"))}["consumer.no-reason-return"]
    assert got.deadline.last_day == date(2026, 12, 7) and got.deadline.act_by == date(2026, 12, 5)
    assert got.status is Status.OPEN and not got.past_safe_day
    sunday = {s.key: s for s in case_clocks(c, at("2026-12-06 10:00"))}["consumer.no-reason-return"]
    assert sunday.status is Status.OPEN and sunday.past_safe_day  # urgent, not run out
    c.our_side = Side.RESPONDENT
    theirs = {s.key: s for s in case_clocks(c, at("2026-12-01 10:00"))}["consumer.no-reason-return"]
    assert theirs.deadline.last_day == date(2026, 12, 7) and theirs.deadline.act_by is None


def test_enforcement_is_the_payees_right_the_payer_sees_the_day_to_pay_by() -> None:
    """The two years to apply for enforcement run for our side only when it is owed; ordered to pay, our side's
    deadline is the day for performance, overdue once passed unpaid, and closing does not ask about the other's
    right."""
    from casefile.core.model import Side
    from casefile.core.workflow.due import open_rights

    c = case(our_side=Side.RESPONDENT)
    c.workflow.outcome = Outcome(
        OutcomeKind.DECISION,
        at("2026-11-12 10:00"),
        amount=Decimal("1000"),
        payer="respondent",
        payee="complainant",
        perform_by=at("2026-11-30 00:00"),
    )
    found = states(c, "2026-12-01 10:00")
    assert "court.enforcement" not in found
    assert found["court.performance"] == (Status.OVERDUE, date(2026, 11, 30))
    assert states(c, "2026-11-29 10:00")["court.performance"][0] is Status.RUNNING
    assert open_rights(c, at("2026-12-01 10:00")) == []
    c.workflow.payments.append(Payment(at("2026-11-29 10:00"), Decimal("1000"), "respondent"))
    assert states(c, "2026-12-01 10:00")["court.performance"][0] is Status.MET
    # our side owed: the enforcement period, as before
    c.our_side = Side.COMPLAINANT
    c.workflow.payments.clear()
    assert states(c, "2026-12-01 10:00")["court.enforcement"] == (Status.OPEN, date(2028, 11, 30))
    assert "court.performance" not in states(c, "2026-12-01 10:00")


def test_a_decision_for_our_side_with_no_day_for_performance_is_unwatched() -> None:
    from casefile.core.model import Side
    from casefile.core.workflow.due import unwatched_award

    c = case(our_side=Side.COMPLAINANT)
    c.workflow.outcome = Outcome(
        OutcomeKind.DECISION, at("2026-10-22 10:00"), amount=Decimal("2000"), payer="respondent", payee="complainant"
    )
    assert unwatched_award(c)
    c.workflow.payments.append(Payment(at("2026-11-01 10:00"), Decimal("2000"), "respondent"))
    assert not unwatched_award(c)  # paid in full
    c.workflow.payments.clear()
    c.our_side = Side.RESPONDENT
    assert not unwatched_award(c)  # owed by our side
    c.our_side = Side.COMPLAINANT
    c.workflow.outcome.perform_by = at("2026-11-17 00:00")
    assert not unwatched_award(c)  # the enforcement clock watches it


def test_a_parcel_claim_of_our_side_runs_the_12305_year_before_any_complaint_to_the_courier() -> None:
    """The merchant's own parcel case: the year from the shipping day runs from the start (complaining to the
    courier first is a condition of the appeal, not its start); once the courier's 7-day reply would come after the
    year's safe day, the appeal's note says not to wait for it."""
    from casefile.core.model import Side
    from casefile.core.workflow.due import NO_WAIT

    c = case(type=CaseType.LOGISTICS, complained_at=at("2026-11-30 11:00"), our_side=Side.COMPLAINANT)
    c.shipment.shipped_at = at("2025-12-05 10:00")
    appeal = next(s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "postal.appeal")
    assert appeal.status is Status.OPEN and appeal.deadline.act_by == date(2026, 12, 5)
    assert appeal.deadline.last_day == date(2026, 12, 7) and appeal.ref == ""
    c.timeline.append(
        TimelineEvent(at("2026-11-30 15:00"), EventKind.COMPLAINT, "向快递公司索赔", party="courier", ref="GD7")
    )
    appeal = next(s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "postal.appeal")
    assert appeal.ref == f"{NO_WAIT}2026-12-07"
    # the courier answered: nothing to wait for
    c.timeline.append(TimelineEvent(at("2026-12-01 09:00"), EventKind.CALL, "快递公司回复：只赔运费", party="courier"))
    appeal = next(s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "postal.appeal")
    assert appeal.ref == ""
    # the other side's parcel (the side not ours, or not known): as before, only once the carrier is claimed from
    c.timeline.clear()
    c.our_side = Side.RESPONDENT
    assert "postal.appeal" not in states(c, "2026-12-01 10:00")


def test_the_complainants_own_chasing_message_does_not_meet_the_response_promise() -> None:
    """A timeline contact records no direction: a summary that reads as the complainant reaching us (催, 来电,
    发来…) or as still unanswered is no answer; our call back is."""
    c = case(priority=Priority.NORMAL)
    for kind, summary in (
        (EventKind.CHAT, "顾客微信发来催促消息，尚未回复"),
        (EventKind.CALL, "顾客再次来电催问"),
        (EventKind.EMAIL, "顾客来信询问进度"),
        (EventKind.CALL, "客户留言，暂未回复"),
    ):
        c.timeline.append(TimelineEvent(at("2026-09-29 10:00"), kind, summary, party="complainant"))
    got = {s.key: s for s in case_clocks(c, at("2026-09-30 11:00"))}["response.normal"]
    assert got.status is Status.OVERDUE and got.met_at is None
    c.timeline.append(
        TimelineEvent(at("2026-09-30 12:00"), EventKind.CALL, "回电顾客，约定上门检测", party="complainant")
    )
    got = {s.key: s for s in case_clocks(c, at("2026-10-01 09:00"))}["response.normal"]
    assert got.status is Status.LATE and got.met_at == at("2026-09-30 12:00")


def test_the_12305_note_counts_the_couriers_reply_on_the_calendar_given() -> None:
    """The appeal's "do not wait" note compares the courier's reply day with the year's safe day on the calendar the
    clocks are counted on, not on the current one: a calendar that makes the reply's last day a rest day moves it
    past the safe day."""
    from casefile.core.model import Side
    from casefile.core.workflow.calendar import WorkCalendar, Year
    from casefile.core.workflow.due import NO_WAIT

    c = case(type=CaseType.LOGISTICS, complained_at=at("2026-11-27 11:00"), our_side=Side.COMPLAINANT)
    c.shipment.shipped_at = at("2025-12-05 10:00")
    c.timeline.append(
        TimelineEvent(at("2026-11-27 15:00"), EventKind.COMPLAINT, "向快递公司索赔", party="courier", ref="GD8")
    )

    def appeal(cal: WorkCalendar | None) -> str:
        return next(s for s in case_clocks(c, at("2026-12-01 10:00"), cal) if s.key == "postal.appeal").ref

    assert appeal(None) == ""  # the reply is due on Friday 2026-12-04, before the safe day 2026-12-05
    closed = WorkCalendar({2026: Year(rest={date(2026, 12, 4): "测试休息日"}, work={})})
    reply = next(s for s in case_clocks(c, at("2026-12-01 10:00"), closed) if s.key == "courier.reply")
    assert reply.deadline.last_day == date(2026, 12, 7)
    assert appeal(closed) == f"{NO_WAIT}2026-12-07"


def _judged(summary: str, **decision) -> Case:
    """Our side's claim decided by a first-instance judgment served 2026-09-16, ordering the seller to pay 2000."""
    from casefile.core.model import Side

    c = case(our_side=Side.COMPLAINANT, complained_at=at("2026-08-20 10:00"))
    fields = {
        "venue": Venue.COURT,
        "filed_at": at("2026-08-25 10:00"),
        "result": ProceedingResult.JUDGMENT,
        "decided_at": at("2026-09-10 10:00"),
        "served_at": at("2026-09-16 15:00"),
    } | decision
    c.workflow.proceedings.append(Proceeding(**fields))
    c.workflow.outcome = Outcome(
        OutcomeKind.DECISION,
        at("2026-09-10 10:00"),
        summary=summary,
        amount=Decimal("2000"),
        payer="respondent",
        payee="complainant",
    )
    return c


def test_a_judgments_ten_days_from_taking_effect_start_the_enforcement_period() -> None:
    """「判决生效之日起十日内」 names no calendar day; the record does: served 2026-09-16, the 15 days to appeal end
    2026-10-01 (unmoved) with no appeal, the judgment is in effect from 2026-10-02 (民事诉讼法 art. 158), ten days on
    is 2026-10-12, and the two years to apply for enforcement run from it (art. 250 para. 2), the clock saying how."""
    from casefile.core.workflow.due import performance_day, unwatched_award

    c = _judged("被告于本判决生效之日起十日内退还货款2000元")
    assert c.workflow.outcome is not None
    found = performance_day(c, c.workflow.outcome)
    assert found is not None and found.day == date(2026, 10, 12) and found.base == date(2026, 10, 2)
    assert found.term == "本判决生效之日起十日内" and found.appeal_ran_out == date(2026, 10, 1)
    assert not unwatched_award(c)
    (enforcement,) = [s for s in case_clocks(c, at("2026-12-01 10:00")) if s.key == "court.enforcement"]
    assert enforcement.status is Status.OPEN and enforcement.deadline.act_by == date(2028, 10, 12)
    assert enforcement.ref.startswith("perform by 2026-10-12 derived from 「本判决生效之日起十日内」 from 2026-10-02")
    assert "《民事诉讼法》第一百五十八条、第二百五十条" in enforcement.ref
    # our side ordered to pay: the same day is our day to pay by
    c.workflow.outcome.payer, c.workflow.outcome.payee = "complainant", "respondent"
    assert states(c, "2026-10-13 10:00")["court.performance"] == (Status.OVERDUE, date(2026, 10, 12))
    # a day entered wins; a summary naming no such term derives nothing
    c.workflow.outcome.payer, c.workflow.outcome.payee = "respondent", "complainant"
    c.workflow.outcome.perform_by = at("2026-10-20 00:00")
    assert states(c, "2026-12-01 10:00")["court.enforcement"][1] == date(2028, 10, 20)
    c.workflow.outcome.perform_by = None
    c.workflow.outcome.summary = "被告退还货款2000元"
    assert performance_day(c, c.workflow.outcome) is None and unwatched_award(c)
    assert "court.enforcement" not in states(c, "2026-12-01 10:00")


def test_the_day_for_performance_follows_service_appeals_and_awards() -> None:
    from casefile.core.workflow.due import _term_days, performance_day

    assert [_term_days(t) for t in ("十", "十五", "三十", "五", "7", "二十", "百")] == [10, 15, 30, 5, 7, 20, None]
    # counted from service: fifteen days from 2026-09-16
    c = _judged("被告应于本判决送达之日起十五日内支付2000元")
    assert c.workflow.outcome is not None
    found = performance_day(c, c.workflow.outcome)
    assert found is not None and found.day == date(2026, 10, 1) and found.counted_from == "served"
    # appealed: the first-instance judgment is not in effect when its time to appeal ends; nothing is derived
    c = _judged("被告于本判决生效之日起十日内退还货款2000元")
    c.workflow.proceedings.append(Proceeding(venue=Venue.COURT, filed_at=at("2026-09-25 10:00")))
    assert c.workflow.outcome is not None and performance_day(c, c.workflow.outcome) is None
    # the second-instance judgment, final when served (民事诉讼法 art. 182)
    appeal = c.workflow.proceedings[-1]
    appeal.result, appeal.served_at = ProceedingResult.JUDGMENT, at("2026-11-20 10:00")
    found = performance_day(c, c.workflow.outcome)
    assert found is not None and found.base == date(2026, 11, 20) and found.day == date(2026, 11, 30)
    assert found.articles[0] == "civil-procedure.182"
    # an award is in effect the day it is made (仲裁法 art. 70), not when served nor after the time to set it aside
    c = _judged(
        "被申请人于本裁决生效之日起十日内退还货款2000元",
        venue=Venue.ARBITRATION,
        result=ProceedingResult.AWARD,
        decided_at=at("2026-11-02 10:00"),
        served_at=at("2026-11-05 10:00"),
    )
    assert c.workflow.outcome is not None
    found = performance_day(c, c.workflow.outcome)
    assert found is not None and found.day == date(2026, 11, 12) and found.articles[0] == "arbitration.award-effective"
    assert "from the award made 2026-11-02, in effect that day" in found.how


def test_the_sellers_own_message_naming_the_return_uses_no_return() -> None:
    """The seller's refusal mentions the return all the same: said to come from it (direction "in"), it is no
    request of ours; the same words sent by us are."""
    from casefile.core.model import Side

    c = _bought("京东", Channel.PHONE, Side.COMPLAINANT)
    refusal = TimelineEvent(
        at("2026-11-30 13:00"), EventKind.CHAT, "商家回复：已拆封，不支持七天无理由退货", party="respondent"
    )
    c.timeline = [dataclasses.replace(refusal, direction="in")]
    assert states(c, "2026-12-01 10:00")["consumer.no-reason-return"][0] is Status.OPEN
    c.timeline = [dataclasses.replace(refusal, summary="向商家申请七天无理由退货", direction="out")]
    got = {s.key: s for s in case_clocks(c, at("2026-12-01 10:00"))}["consumer.no-reason-return"]
    assert got.status is Status.USED and got.met_at == at("2026-11-30 13:00")


def test_who_spoke_decides_whether_a_contact_answers_the_complainant() -> None:
    c = case()  # urgent: 2 h from 2026-09-28 10:00
    # the complainant's own message, said to come from them, answers nothing whatever it says
    c.timeline.append(
        TimelineEvent(at("2026-09-28 10:30"), EventKind.CHAT, "微信沟通", party="complainant", direction="in")
    )
    assert states(c, "2026-09-28 12:30")["response.urgent"][0] is Status.OVERDUE
    # ours to them answers, though its words name their chasing (回复客户的催问)
    c.timeline.append(
        TimelineEvent(at("2026-09-28 11:00"), EventKind.CALL, "回复客户的催问", party="complainant", direction="out")
    )
    got = {s.key: s for s in case_clocks(c, at("2026-09-28 12:30"))}["response.urgent"]
    assert got.status is Status.MET and got.met_at == at("2026-09-28 11:00")
