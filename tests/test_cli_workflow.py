"""The handling of a dispute from the command line (issue 14, points 1–4): responsibility, rounds,
proceedings, outcome, payments, closing and reopening, each with the time it really happened (--at)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core.model import parse_datetime


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys, lib: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--operator", "张敏", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, lib: Path, *argv: str) -> str:
    code, out, err = run(capsys, lib, *argv)
    assert code == 0, err
    return out


@pytest.fixture
def number(capsys, lib, tmp_path) -> str:
    out = ok(
        capsys,
        lib,
        "new",
        "--title",
        "快递外箱压坏",
        "--type",
        "logistics",
        "--channel",
        "phone",
        "--complained-at",
        "2026-11-18T09:00+08:00",
    )
    case = out.strip().splitlines()[-1]
    photo = tmp_path / "签收照片.txt"
    photo.write_text("外箱压坏", "utf-8")
    ok(capsys, lib, "add", case, str(photo))
    return case


def shown(capsys, lib: Path, number: str) -> dict:
    return json.loads(ok(capsys, lib, "show", number, "--json"))


def log_of(lib: Path, number: str) -> bytes:
    return (lib / "cases" / number / "CUSTODY.jsonl").read_bytes()


def test_a_dispute_handled_from_the_command_line(capsys, lib, number):
    ok(capsys, lib, "stage", number, "negotiation", "--at", "2026-11-19 10:00+08:00")
    out = ok(
        capsys, lib, "responsibility", number, "--party", "courier", "--reasons", "外箱压坏", "--evidence", "1",
        "--at", "2026-11-19 11:00+08:00",
    )  # fmt: skip
    assert "responsibility courier" in out
    ok(
        capsys, lib, "propose", number, "--by", "respondent", "--summary", "退款 800 元", "--amount", "800",
        "--reply-by", "2026-11-22 18:00+08:00", "--at", "2026-11-19 15:00+08:00",
    )  # fmt: skip
    ok(capsys, lib, "answer", number, "1", "countered", "--note", "要求全额", "--at", "2026-11-20 09:00+08:00")
    ok(
        capsys, lib, "proceeding", number, "--venue", "regulator", "--body", "徐汇区市场监督管理局",
        "--ref", "12315-0001", "--filed-at", "2026-11-21 10:00+08:00",
    )  # fmt: skip
    ok(
        capsys, lib, "proceeding", number, "--update", "1", "--accepted-at", "2026-11-23 10:00+08:00",
        "--testing-start", "2026-11-24 09:00+08:00", "--testing-note", "送检",
    )  # fmt: skip
    ok(capsys, lib, "proceeding", number, "--update", "1", "--testing-end", "2026-11-26 09:00+08:00")
    ok(
        capsys, lib, "proceeding", number, "--update", "1", "--result", "agreement",
        "--decided-at", "2026-11-27 15:00+08:00", "--hearing", "2026-11-27 10:00+08:00",
    )  # fmt: skip
    ok(
        capsys, lib, "outcome", number, "--kind", "agreement", "--amount", "1299", "--payer", "respondent",
        "--payee", "complainant", "--perform-by", "2026-11-30", "--at", "2026-11-27 15:00+08:00",
    )  # fmt: skip
    ok(
        capsys,
        lib,
        "pay",
        number,
        "--amount",
        "1299",
        "--payer",
        "respondent",
        "--evidence",
        "1",
        "--at",
        "2026-11-28 10:00+08:00",
    )
    out = ok(
        capsys,
        lib,
        "pay",
        number,
        "--amount",
        "500",
        "--payer",
        "courier",
        "--recovered",
        "--at",
        "2026-11-28 11:00+08:00",
    )
    assert "paid in all 1299.00, recovered 500.00" in out
    ok(capsys, lib, "close", number, "--result", "resolved", "--satisfaction", "4", "--at", "2026-11-28 12:00+08:00")
    out = ok(capsys, lib, "reopen", number, "--reason", "退款未到账", "--at", "2026-11-28 14:00+08:00")
    assert "stage negotiation" in out

    data = shown(capsys, lib, number)
    wf = data["workflow"]
    assert data["responsible_party"] == "courier" and data["stage"] == "negotiation"
    assert wf["findings"][0]["evidence"] == [1] and wf["findings"][0]["recorded_by"] == "张敏"
    assert [p["answer"] for p in wf["proposals"]] == ["countered"]
    (proceeding,) = wf["proceedings"]
    assert proceeding["ref"] == "12315-0001" and proceeding["result"] == "agreement"
    assert parse_datetime(proceeding["testing"][0]["end"]) == parse_datetime("2026-11-26 09:00+08:00")
    assert len(proceeding["hearings"]) == 1
    assert [p["amount"] for p in wf["payments"]] == ["1299", "500"]
    assert parse_datetime(data["stage_log"][-2]["at"]) == parse_datetime("2026-11-28 12:00+08:00")

    text = ok(capsys, lib, "show", number)
    assert "  handling:" in text
    assert "round  1  2026-11-19 15:00" in text and "-> countered" in text
    assert "proceeding 1  regulator 徐汇区市场监督管理局 ref 12315-0001  agreement" in text
    assert "testing 2026-11-24 09:00" in text and "500.00 recovered from courier" in text
    assert "closed  2026-11-28 12:00" in text and "resolved, satisfaction 4/5" in text
    assert "reopened  2026-11-28 14:00" in text and "退款未到账" in text
    code, out, err = run(capsys, lib, "verify", number)
    assert code == 0, out + err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["responsibility", "{n}", "--party", "courier", "--evidence", "7"], "no exhibit 7"),
        (["propose", "{n}", "--by", "respondent", "--summary", "退款", "--amount", "1.234"], "more than two decimals"),
        (["propose", "{n}", "--by", "respondent", "--summary", "退款", "--at", "2099-01-01"], "in the future"),
        (["answer", "{n}", "2", "accepted"], "has 0 negotiation round"),
        (["proceeding", "{n}"], "needs --venue"),
        (["proceeding", "{n}", "--update", "1", "--result", "award"], "has 0 proceeding"),
        (["proceeding", "{n}", "--update", "1"], "say what changes"),
        (["pay", "{n}", "--amount", "0", "--payer", "respondent"], "more than zero"),
        (["close", "{n}", "--result", "resolved", "--satisfaction", "9"], "satisfaction from 1"),
        (["reopen", "{n}", "--reason", "再议"], "not closed"),
    ],
)
def test_a_bad_value_is_refused_with_one_line_and_nothing_is_written(capsys, lib, number, argv, message):
    before = log_of(lib, number)
    code, out, err = run(capsys, lib, *[a.replace("{n}", number) for a in argv])
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert log_of(lib, number) == before


def test_a_closed_case_is_not_closed_twice_and_moves_stage_only_once_reopened(capsys, lib, number):
    ok(capsys, lib, "close", number, "--result", "withdrawn", "--at", "2026-11-20 10:00+08:00")
    code, _out, err = run(capsys, lib, "close", number, "--result", "resolved")
    assert code == 2 and "closed already" in err
    code, _out, err = run(capsys, lib, "stage", number, "negotiation")
    assert code == 2 and "reopen it" in err
    ok(capsys, lib, "reopen", number, "--reason", "顾客再次投诉")
    ok(capsys, lib, "stage", number, "negotiation")
    assert shown(capsys, lib, number)["stage"] == "negotiation"


def test_an_event_entered_after_it_happened_shows_both_times(capsys, lib, number):
    ok(capsys, lib, "event", number, "--kind", "call", "--summary", "致电快递公司", "--at", "2026-11-19 10:00+08:00")
    ok(capsys, lib, "event", number, "--summary", "刚刚的记录")
    lines = [
        line for line in ok(capsys, lib, "show", number).splitlines() if "致电快递公司" in line or "刚刚的记录" in line
    ]
    assert "(recorded " in lines[0] and "(recorded " not in lines[1]  # entered as it happened: one time
    event = shown(capsys, lib, number)["timeline"][0]
    assert parse_datetime(event["recorded_at"]) > parse_datetime(event["at"])


def test_the_steps_of_the_handling_cite_their_exhibits_with_exhibit(capsys, lib, number, tmp_path):
    reply = tmp_path / "商家书面答复.txt"
    reply.write_text("只同意维修", "utf-8")
    ok(capsys, lib, "add", number, str(reply))  # exhibit 2
    ok(
        capsys, lib, "stage", number, "negotiation", "--at", "2026-11-22 15:00+08:00",
        "--note", "被投诉人书面答复只同意维修", "--exhibit", "2", "--exhibit", "1",
    )  # fmt: skip
    ok(capsys, lib, "propose", number, "--by", "respondent", "--summary", "维修", "--exhibit", "2")
    ok(capsys, lib, "answer", number, "1", "rejected", "--note", "要求退货", "--exhibit", "2")
    ok(capsys, lib, "proceeding", number, "--venue", "consumer-association", "--exhibit", "1")
    ok(capsys, lib, "proceeding", number, "--update", "1", "--exhibit", "2")  # added to those it cites
    ok(capsys, lib, "pay", number, "--amount", "100", "--payer", "respondent", "--exhibit", "1")
    ok(capsys, lib, "close", number, "--result", "partly", "--exhibit", "1")
    data = shown(capsys, lib, number)
    wf = data["workflow"]
    assert data["stage_log"][1]["evidence"] == [2, 1]
    assert wf["proposals"][0]["evidence"] == [2] and wf["proposals"][0]["answer_evidence"] == [2]
    assert wf["proceedings"][0]["evidence"] == [1, 2]
    assert wf["payments"][0]["evidence"] == [1] and wf["closings"][0]["evidence"] == [1]
    text = ok(capsys, lib, "show", number)
    assert "被投诉人书面答复只同意维修  exhibits 2,1" in text
    assert "-> rejected" in text and "answer exhibits 2" in text
    assert "closed" in text and "partly  exhibits 1" in text
    code, out, err = run(capsys, lib, "verify", number)
    assert code == 0, out + err


@pytest.mark.parametrize(
    "argv",
    [
        ["stage", "{n}", "negotiation", "--note", "书面答复", "--exhibit", "9"],
        ["propose", "{n}", "--by", "respondent", "--summary", "维修", "--exhibit", "9"],
        ["proceeding", "{n}", "--venue", "court", "--exhibit", "9"],
        ["pay", "{n}", "--amount", "100", "--payer", "respondent", "--exhibit", "9"],
        ["close", "{n}", "--result", "resolved", "--exhibit", "9"],
    ],
)
def test_an_exhibit_that_is_not_of_the_case_is_refused(capsys, lib, number, argv):
    before = log_of(lib, number)
    code, out, err = run(capsys, lib, *[a.replace("{n}", number) for a in argv])
    assert code == 2 and f"--exhibit: no exhibit 9 in case {number}" in err, err
    assert len(err.strip().splitlines()) == 1 and log_of(lib, number) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["stage", "{n}", "verification", "--at", "2026-11-17 10:00+08:00"],
        ["responsibility", "{n}", "--party", "merchant", "--at", "2026-10-01 10:00+08:00"],
        ["propose", "{n}", "--by", "respondent", "--summary", "退款", "--at", "2026-11-18 08:59+08:00"],
        ["proceeding", "{n}", "--venue", "regulator", "--filed-at", "2026-11-01 10:00+08:00"],
        ["pay", "{n}", "--amount", "10", "--payer", "respondent", "--at", "2026-11-17 10:00+08:00"],
        ["close", "{n}", "--result", "resolved", "--at", "2026-11-01 10:00+08:00"],
        ["edit", "{n}", "--first-response-at", "2026-11-17 10:00+08:00"],
    ],
)
def test_nothing_in_the_handling_of_a_complaint_to_us_is_dated_before_it(capsys, lib, number, argv):
    """The complaint was made to our user (our side: respondent) 2026-11-18 09:00: their handling begins with it,
    a step dated before it is refused, and nothing is written."""
    ok(capsys, lib, "edit", number, "--our-side", "respondent")
    before = log_of(lib, number)
    code, _out, err = run(capsys, lib, *[a.replace("{n}", number) for a in argv])
    assert code == 2 and "is before the complaint time (2026-11-18 09:00:00+08:00)" in err, err
    assert log_of(lib, number) == before


@pytest.mark.parametrize("side", ["complainant", None])
def test_a_complainants_dealings_before_the_complaint_keep_their_date(capsys, lib, number, side):
    """Our user complains (a consumer, their lawyer; or the side is not said): the negotiation with the merchant
    came before the complaint to 消协/12315 (消法 art. 39) and is kept at its true date, with a note; what answers
    the complaint (the closing, the first response) still never precedes it, and stages keep their order."""
    if side is not None:
        ok(capsys, lib, "edit", number, "--our-side", side)
    for argv in (
        ["stage", number, "negotiation", "--at", "2026-11-17 10:00+08:00", "--note", "与商家协商", "--exhibit", "1"],
        ["responsibility", number, "--party", "merchant", "--at", "2026-11-16 10:00+08:00"],
        ["propose", number, "--by", "complainant", "--summary", "退款", "--at", "2026-11-17 11:00+08:00"],
        ["proceeding", number, "--venue", "consumer-association", "--filed-at", "2026-11-17 12:00+08:00"],
        ["pay", number, "--amount", "10", "--payer", "respondent", "--at", "2026-11-17 13:00+08:00"],
    ):
        code, out, err = run(capsys, lib, *argv)
        assert code == 0, err
        assert "predates the complaint (2026-11-18 09:00)" in err and len(err.strip().splitlines()) == 1, err
    data = shown(capsys, lib, number)
    assert data["stage_log"][-1]["at"] == "2026-11-17T10:00:00+08:00" and data["stage_log"][-1]["evidence"] == [1]
    assert data["workflow"]["payments"][0]["at"] == "2026-11-17T13:00:00+08:00"
    # a step after the complaint says nothing
    code, _out, err = run(capsys, lib, "stage", number, "confirmation", "--at", "2026-11-18 10:00+08:00")
    assert code == 0 and "predates" not in err, err
    # stage order still holds
    code, _out, err = run(capsys, lib, "stage", number, "mediation", "--at", "2026-11-18 09:30+08:00")
    assert code == 2 and "before the case entered its current stage" in err
    before = log_of(lib, number)
    for argv in (
        ["close", number, "--result", "resolved", "--at", "2026-11-17 10:00+08:00"],
        ["edit", number, "--first-response-at", "2026-11-17 10:00+08:00"],
    ):
        code, _out, err = run(capsys, lib, *argv)
        assert code == 2 and "is before the complaint time (2026-11-18 09:00:00+08:00)" in err, err
    assert log_of(lib, number) == before


def test_stages_keep_their_order_and_a_skip_is_confirmed_and_noted(capsys, lib, number):
    ok(capsys, lib, "stage", number, "negotiation", "--at", "2026-11-19 10:00+08:00")
    code, _out, err = run(capsys, lib, "stage", number, "verification", "--at", "2026-11-19 09:00+08:00")
    assert code == 2 and "before the case entered its current stage" in err
    # closing is done with its result; the periodic review comes after it
    code, _out, err = run(capsys, lib, "stage", number, "closed")
    assert code == 2 and "casefile close" in err
    code, _out, err = run(capsys, lib, "stage", number, "review")
    assert code == 2 and "close the case first" in err
    ok(capsys, lib, "close", number, "--result", "resolved", "--at", "2026-11-20 10:00+08:00")
    ok(capsys, lib, "stage", number, "review", "--at", "2026-11-21 10:00+08:00")
    assert shown(capsys, lib, number)["stage"] == "review"


def test_a_skip_over_stages_needs_the_option_and_a_note(capsys, lib, number):
    before = log_of(lib, number)
    code, _out, err = run(capsys, lib, "stage", number, "execution")
    assert code == 2 and "skips negotiation" in err and "--skip-stages" in err
    code, _out, err = run(capsys, lib, "stage", number, "execution", "--skip-stages")
    assert code == 2 and "needs a note" in err
    assert log_of(lib, number) == before
    out = ok(capsys, lib, "stage", number, "execution", "--skip-stages", "--note", "商家已主动退款")
    assert "(skipped: negotiation)" in out
    change = shown(capsys, lib, number)["stage_log"][-1]
    assert change["stage"] == "execution" and change["skipped"] == ["negotiation"]
    assert "(skipped: negotiation)" in ok(capsys, lib, "show", number)


def test_a_call_back_answers_the_complaint_and_the_first_response_can_be_entered(capsys, lib, number):
    assert "not answered yet" in ok(capsys, lib, "show", number)
    ok(capsys, lib, "event", number, "--kind", "call", "--with", "complainant", "--summary", "回电客户",
       "--at", "2026-11-18 09:30+08:00")  # fmt: skip
    assert "first response 2026-11-18 09:30 (timeline contact)" in ok(capsys, lib, "show", number)
    assert "OVERDUE" not in ok(capsys, lib, "list")
    ok(capsys, lib, "edit", number, "--first-response-at", "2026-11-18 09:10+08:00")
    assert "first response 2026-11-18 09:10 (recorded)" in ok(capsys, lib, "show", number)
    assert shown(capsys, lib, number)["first_response_at"] == "2026-11-18T09:10:00+08:00"


def test_the_first_response_is_taken_from_a_json_file(capsys, lib, number, tmp_path):
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({"first_response_at": "2026-11-18T10:00+08:00"}), "utf-8")
    ok(capsys, lib, "edit", number, "--from", str(changes))
    assert shown(capsys, lib, number)["first_response_at"] == "2026-11-18T10:00:00+08:00"


def test_registration_says_when_the_response_promise_has_already_run_out(capsys, lib):
    """The promise runs from the complaint: a complaint entered days later is past it at registration."""
    out = ok(capsys, lib, "new", "--title", "邮件投诉", "--type", "service", "--channel", "email", "--priority",
             "urgent", "--complained-at", "2026-11-18T22:00+08:00")  # fmt: skip
    lines = out.strip().splitlines()
    assert "the response promise ran out at 2026-11-19 00:00 (2 h from the complaint)" in lines[1]
    assert lines[-1].startswith("2026")  # the case number stays the last line


def test_close_refuses_while_an_appeal_or_enforcement_is_open_until_forced(capsys, lib, number) -> None:
    """Closing stops a case's clocks: an appeal still open, an unpaid judgment, are named with their safe days."""
    from datetime import datetime, timedelta

    from casefile.core.zone import BEIJING

    now = datetime.now(BEIJING).replace(microsecond=0)
    served = (now - timedelta(days=2)).isoformat()
    perform_by = (now + timedelta(days=10)).isoformat()
    ok(capsys, lib, "proceeding", number, "--venue", "court", "--result", "judgment", "--served-at", served)
    ok(
        capsys, lib, "outcome", number, "--kind", "decision", "--summary", "一审判决部分支持", "--amount", "2000",
        "--payer", "respondent", "--payee", "complainant", "--perform-by", perform_by,
    )  # fmt: skip
    code, _out, err = run(capsys, lib, "close", number, "--result", "partly")
    assert code == 2 and "--force" in err
    assert "court.appeal-judgment act by" in err and "court.enforcement act by" in err
    assert shown(capsys, lib, number)["workflow"].get("closings", []) == []
    code, out, err = run(capsys, lib, "close", number, "--result", "partly", "--force")
    assert code == 0 and "closed (partly)" in out
    assert "no more reminders for court.appeal-judgment" in err


def test_a_won_decision_with_no_day_for_performance_warns_and_close_asks(capsys, lib) -> None:
    """「判决生效之日起十日内」 names no calendar day: with no --perform-by no enforcement period can be watched, so
    ``outcome`` says so and ``close`` asks while the amount is unpaid."""
    out = ok(capsys, lib, "new", "--title", "胜诉未定履行日", "--type", "quality", "--channel", "phone",
             "--complained-at", "2026-08-01T10:00+08:00", "--our-side", "complainant")  # fmt: skip
    number = out.strip().splitlines()[-1]
    code, _out, err = run(
        capsys, lib, "outcome", number, "--kind", "decision", "--summary", "判决被告于判决生效之日起十日内退款2000元",
        "--amount", "2000", "--payer", "respondent", "--payee", "complainant", "--at", "2026-10-22T10:00+08:00",
    )  # fmt: skip
    assert code == 0 and "no enforcement period is watched" in err
    code, _out, err = run(capsys, lib, "close", number, "--result", "partly")
    assert code == 2 and "--force" in err and "unpaid" in err
    code, out, err = run(capsys, lib, "close", number, "--result", "partly", "--force")
    assert code == 0 and "closed (partly)" in out and "unpaid" in err


def test_close_does_not_ask_over_the_other_sides_enforcement_period(capsys, lib) -> None:
    out = ok(capsys, lib, "new", "--title", "被诉判决", "--type", "quality", "--channel", "store",
             "--complained-at", "2026-08-01T10:00+08:00", "--our-side", "respondent")  # fmt: skip
    number = out.strip().splitlines()[-1]
    ok(
        capsys, lib, "outcome", number, "--kind", "decision", "--summary", "判决我店退款1000元", "--amount", "1000",
        "--payer", "respondent", "--payee", "complainant", "--perform-by", "2026-11-30T00:00+08:00",
        "--at", "2026-11-12T10:00+08:00",
    )  # fmt: skip
    code, out, err = run(capsys, lib, "close", number, "--result", "resolved")
    assert code == 0 and "closed (resolved)" in out and "court.enforcement" not in err


def test_casefile_due_says_the_12305_year_rests_on_the_replaced_2014_rule(capsys, lib, number):
    """The year to appeal to 12305 rests on a rule replaced on 2020-10-01 whose successor could not be read: the
    list and casefile due say so, never showing it as the law in force."""
    ok(capsys, lib, "edit", number, "--our-side", "complainant", "--shipped-at", "2026-11-10T10:00+08:00")
    out = ok(capsys, lib, "due", "--days", "400")
    line = next(x for x in out.splitlines() if "postal.appeal" in x)
    assert "BASIS REPLACED: rests on 《邮政业消费者申诉处理办法》第九条 (2014), replaced from 2020-10-01" in line
    assert "《邮政业用户申诉处理办法》, whose text was not available: not the rule in force" in line
    items = json.loads(ok(capsys, lib, "due", "--days", "1200", "--json"))
    (item,) = [i for i in items if i["clock"] == "postal.appeal"]
    assert "replaced from 2020-10-01" in item["basis_replaced"]
    others = [i for i in items if i["clock"] != "postal.appeal"]
    assert others and all("basis_replaced" not in i for i in others)  # the limitation period rests on law in force


def test_a_judgments_ten_days_from_taking_effect_are_worked_out_from_its_service(capsys, lib) -> None:
    """With the judgment's service on record, 「判决生效之日起十日内」 gives a day: served 2026-09-16, unappealed by
    2026-10-01, in effect 2026-10-02, to pay by 2026-10-12; ``outcome`` says how, and ``due`` lists the two years
    to apply for enforcement from it, with the same words."""
    out = ok(capsys, lib, "new", "--title", "胜诉待履行", "--type", "quality", "--channel", "phone",
             "--complained-at", "2026-08-01T10:00+08:00", "--our-side", "complainant")  # fmt: skip
    number = out.strip().splitlines()[-1]
    ok(capsys, lib, "proceeding", number, "--venue", "court", "--result", "judgment",
       "--served-at", "2026-09-16T15:00+08:00")  # fmt: skip
    code, out, err = run(
        capsys, lib, "outcome", number, "--kind", "decision", "--summary", "判决被告于判决生效之日起十日内退款2000元",
        "--amount", "2000", "--payer", "respondent", "--payee", "complainant", "--at", "2026-09-10T10:00+08:00",
    )  # fmt: skip
    assert code == 0 and "no enforcement period is watched" not in err
    assert "perform by 2026-10-12 derived from 「判决生效之日起十日内」 from 2026-10-02" in out
    line = next(x for x in ok(capsys, lib, "due", "--days", "1200").splitlines() if "court.enforcement" in x)
    assert "due 2028-10-12 24:00" in line and "perform by 2026-10-12 derived" in line
    code, _out, err = run(capsys, lib, "close", number, "--result", "partly")
    assert code == 2 and "court.enforcement (perform by 2026-10-12 derived" in err and "act by 2028-10-12" in err
    assert "unpaid" not in err
