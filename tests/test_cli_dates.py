"""casefile stage / event with the real time (--at), complaints lodged (--kind complaint --with --ref)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core.model import parse_datetime
from casefile.core.workflow import calendar as workcal
from casefile.core.zone import BEIJING as CST


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_case(capsys, lib: Path) -> str:
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
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
    assert code == 0, err
    return out.strip().splitlines()[-1]


def shown(capsys, lib: Path, number: str) -> dict:
    code, out, _ = run(capsys, "--library", str(lib), "show", number, "--json")
    assert code == 0
    return json.loads(out)


def log_of(lib: Path, number: str) -> bytes:
    return (lib / "cases" / number / "CUSTODY.jsonl").read_bytes()


def test_stage_takes_the_time_the_case_entered_it(capsys, lib):
    number = new_case(capsys, lib)
    code, out, err = run(
        capsys, "--library", str(lib), "stage", number, "negotiation", "--note", "电话协商", "--at", "2026-11-20 10:00"
    )
    assert code == 0, err
    local = parse_datetime("2026-11-20 10:00")
    assert out.strip() == f"{number}: stage negotiation since 2026-11-20 10:00"
    change = shown(capsys, lib, number)["stage_log"][-1]
    assert parse_datetime(change["at"]) == local and change["note"] == "电话协商"
    assert parse_datetime(change["recorded_at"]) > local  # when it was typed in, kept beside it
    text = run(capsys, "--library", str(lib), "show", number)[1]
    assert "2026-11-20 10:00  negotiation" in text and "(recorded " in text


@pytest.mark.parametrize("command", [["stage", "{n}", "negotiation"], ["event", "{n}", "--summary", "回访"]])
def test_a_time_in_the_future_is_refused_before_anything_is_written(capsys, lib, command):
    number = new_case(capsys, lib)
    before = log_of(lib, number)
    tomorrow = (datetime.now(CST) + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")  # typed in Beijing time
    argv = [part.replace("{n}", number) for part in command]
    code, out, err = run(capsys, "--library", str(lib), *argv, "--at", tomorrow)
    assert code == 2 and out == ""
    assert err.startswith("casefile: error: --at: ") and "in the future" in err and len(err.splitlines()) == 1
    assert log_of(lib, number) == before


def test_a_complaint_to_the_courier_with_its_ticket_number(capsys, lib):
    number = new_case(capsys, lib)
    code, _, err = run(
        capsys,
        "--library",
        str(lib),
        "event",
        number,
        "--kind",
        "complaint",
        "--with",
        "courier",
        "--ref",
        "GD20261121001",
        "--at",
        "2026-11-21 09:30",
        "--summary",
        "向快递公司提出索赔",
    )
    assert code == 0, err
    (event,) = shown(capsys, lib, number)["timeline"]
    assert (event["kind"], event["party"], event["ref"]) == ("complaint", "courier", "GD20261121001")
    assert parse_datetime(event["at"]) == parse_datetime("2026-11-21 09:30")
    text = run(capsys, "--library", str(lib), "show", number)[1]
    assert "complaint    向快递公司提出索赔  (with courier, ref GD20261121001)" in text


def test_an_unknown_party_is_refused(capsys, lib):
    number = new_case(capsys, lib)
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(lib), "event", number, "--summary", "x", "--with", "快递员"])
    assert exc.value.code == 2
    assert "postal-regulator" in capsys.readouterr().err


def test_a_dealing_recorded_with_nobody_said_gets_a_note(capsys, lib: Path) -> None:
    """A call, chat or other dealing without --with is recorded, with a note on stderr saying how to say who it was
    with, naming the courier in the merchant's claim against it; a note of the user's own, or a dealing with --with,
    gets none."""
    base = ("--library", str(lib))
    number = new_case(capsys, lib)  # logistics, responsible party not determined
    code, out, err = run(
        capsys, *base, "event", number, "--kind", "chat", "--at", "2026-11-20 10:00", "--summary", "问进度"
    )
    assert code == 0 and "recorded" in out
    assert f"casefile event {number} --edit 1 --with WHO" in err and "courier" in err, err
    code, _, err = run(capsys, *base, "event", number, "--at", "2026-11-20 11:00", "--summary", "内部记录")
    assert code == 0 and err == ""
    code, _, err = run(
        capsys,
        *base,
        "event",
        number,
        "--kind",
        "call",
        "--with",
        "respondent",
        "--at",
        "2026-11-20 12:00",
        "--summary",
        "x",
    )
    assert code == 0 and err == ""

    code, out, err = run(
        capsys, *base, "new", "--title", "三部手机压碎", "--type", "logistics", "--channel", "online",
        "--complained-at", "2026-11-24T10:02+08:00", "--responsible-party", "courier",
    )  # fmt: skip
    assert code == 0, err
    claim = out.strip().splitlines()[-1]
    code, _, err = run(
        capsys, *base, "event", claim, "--kind", "chat", "--at", "2026-11-27 16:40", "--summary", "快递客服答复不予理赔"
    )
    assert code == 0
    assert "if it was the courier company, as is likely here" in err
    assert f"casefile event {claim} --edit 1 --with courier" in err, err


def test_a_refused_bundle_lists_its_findings_one_to_a_line(capsys, lib: Path) -> None:
    """The preflight's findings reach the terminal as lines, not as one line with '\\n' in it."""
    number = new_case(capsys, lib)
    code, _, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "court", "--force")
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == "casefile: error: the bundle was not built:"
    assert any(line.startswith("  [error] No claims filled in") for line in lines[1:])
    assert "\\n" not in err


def test_a_mistyped_event_is_corrected_or_taken_out_and_the_log_keeps_both(capsys, lib: Path) -> None:
    number = new_case(capsys, lib)
    base = ("--library", str(lib))
    run(capsys, *base, "event", number, "--at", "2026-11-20 10:00", "--summary", "商家同意退款500元")
    run(capsys, *base, "event", number, "--at", "2026-11-21 09:00", "--summary", "打错的记录")
    code, out, _ = run(capsys, *base, "show", number)
    assert "    1  2026-11-20 10:00" in out and "商家同意退款500元" in out  # numbered for --edit / --delete
    code, out, err = run(
        capsys, *base, "event", number, "--edit", "1", "--summary", "商家同意退款800元", "--reason", "金额打错"
    )
    assert code == 0, err
    code, _, err = run(capsys, *base, "event", number, "--delete", "2")
    assert code != 0 and "reason" in err  # taking an event out needs a reason
    code, out, err = run(capsys, *base, "event", number, "--delete", "2", "--reason", "重复录入")
    assert code == 0, err
    code, out, _ = run(capsys, *base, "show", number, "--json")
    record = json.loads(out)
    assert [e["summary"] for e in record["timeline"]] == ["商家同意退款800元"]
    log = (next((lib / "cases").glob(f"{number}*")) / "CUSTODY.jsonl").read_text("utf-8")
    assert "商家同意退款500元" in log and "打错的记录" in log and "金额打错" in log and "重复录入" in log
    code, out, err = run(capsys, *base, "verify", number)
    assert code == 0, out + err
    code, _, err = run(capsys, *base, "event", number, "--edit", "5", "--summary", "x")
    assert code != 0 and "1 event(s)" in err


def test_due_lists_the_running_clocks_soonest_first(capsys, lib: Path) -> None:
    now = datetime.now().astimezone()
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "new",
        "--title",
        "快递外箱压坏",
        "--type",
        "logistics",
        "--channel",
        "phone",
        "--priority",
        "urgent",
        "--complained-at",
        (now - timedelta(hours=1)).isoformat(timespec="minutes"),
    )
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    lodged = (now - timedelta(days=3)).isoformat(timespec="minutes")
    argv = ["event", number, "--kind", "complaint", "--with", "courier", "--ref", "GD9", "--summary", "索赔"]
    assert run(capsys, "--library", str(lib), *argv, "--at", lodged)[0] == 0
    code, out, err = run(capsys, "--library", str(lib), "due", "--days", "10", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert [(i["case"], i["clock"], i["status"]) for i in items[:2]] == [
        (number, "response.urgent", "running"),
        (number, "courier.reply", "running"),
    ]
    courier = items[1]
    assert courier["ref"] == "GD9" and "《快递暂行条例》第二十九条" in courier["basis"]
    assert courier["kind"] == "duty" and courier["provisional"] in (True, False)
    text = run(capsys, "--library", str(lib), "due")[1]
    assert f"{number}  response.urgent" in text and "courier.reply" in text
    # Nothing due by the end of tomorrow (Beijing time) but the urgent response, due within the hour; not "--days 0"
    # (by the end of today), which the hour crosses when the test runs after 23:00 Beijing time.
    soon = json.loads(run(capsys, "--library", str(lib), "due", "--days", "1", "--json")[1])
    assert [i["clock"] for i in soon if i["case"] == number] == ["response.urgent"]


def test_the_calendar_shows_a_year_and_imports_a_newer_one(capsys, lib: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--library", str(lib), "calendar", "show", "2026")
    assert code == 0 and "2026-10-01  rest  国庆节" in out and "2026-10-10  work  国庆节（调休）" in out
    code, out, _ = run(capsys, "--library", str(lib), "calendar", "show", "2027")
    assert code == 1 and "not known" in out
    # the estimate: the statutory holidays, lunar ones included, and the days made up for those on a weekend
    assert "2027-02-05  rest  春节（除夕）（暂定）" in out and "2027-02-09  rest  春节（补假）（暂定）" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "casefile-calendar/1", "years": {"2027": {"rest": {}}}}', encoding="utf-8")
    code, _, err = run(capsys, "--library", str(lib), "calendar", "import", str(bad))
    assert code == 2 and "lists no rest days" in err
    good = tmp_path / "2027.json"
    good.write_text(
        '{"format": "casefile-calendar/1", "years": {"2027": {"rest": {"2027-01-01": "元旦"}, "work": {}}}}',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--library", str(lib), "calendar", "import", str(good))
    assert code == 2 and "leaves out holidays the law fixes" in err and "2027-10-01 国庆节" in err
    rest = {day.isoformat(): name for day, name in workcal.statutory_days(2027).items()}
    good.write_text(
        json.dumps({"format": "casefile-calendar/1", "years": {"2027": {"rest": rest, "work": {}}}}), encoding="utf-8"
    )
    assert run(capsys, "--library", str(lib), "calendar", "import", str(good))[0] == 0
    code, out, _ = run(capsys, "--library", str(lib), "calendar", "show")
    assert code == 0 and "known years: 2004–2027" in out


def test_an_event_keeps_what_was_decided(capsys, lib: Path) -> None:
    number = new_case(capsys, lib)
    argv = ["event", number, "--kind", "call", "--summary", "电话协商", "--decision", "商家同意退货退款"]
    assert run(capsys, "--library", str(lib), *argv, "--at", "2026-11-20 10:00")[0] == 0
    assert shown(capsys, lib, number)["timeline"][0]["decision"] == "商家同意退货退款"
    assert "decided: 商家同意退货退款" in run(capsys, "--library", str(lib), "show", number)[1]
    assert run(capsys, "--library", str(lib), "event", number, "--edit", "1", "--decision", "改为换货")[0] == 0
    assert shown(capsys, lib, number)["timeline"][0]["decision"] == "改为换货"


@pytest.mark.parametrize("quick", [True, False], ids=["from-the-index", "library-opened"])
def test_a_damaged_case_keeps_its_deadlines_in_due_marked_damaged(capsys, lib: Path, monkeypatch, quick) -> None:
    """A case quarantined after a hand edit to case.json stays in ``due`` with its last known deadlines."""
    base = ["--library", str(lib)]
    numbers = []
    for title in ("Cracked screen", "Lost parcel"):
        code, out, err = run(capsys, *base, "new", "--title", title, "--type", "quality", "--channel", "online")
        assert code == 0, err
        numbers.append(out.strip().splitlines()[-1])
    damaged, sound = numbers
    record = lib / "cases" / damaged / "case.json"
    record.write_text(
        record.read_text(encoding="utf-8").replace('"Cracked screen"', '"Cracked screen (typo fixed)"'),
        encoding="utf-8",
    )
    assert run(capsys, *base, "verify", damaged)[0] == 1
    if not quick:
        import casefile.core.listing

        monkeypatch.setattr(casefile.core.listing, "quick_agenda", lambda *a, **k: None)
    for days in ("7", "3650"):
        code, out, err = run(capsys, *base, "due", "--days", days, "--json")
        assert code == 0, err
        items = json.loads(out)
        mine = [i for i in items if i["case"] == damaged]
        assert [i["clock"] for i in mine][:1] == ["response.normal"]
        assert all("differs from its custody log" in i["damaged"] for i in mine)
        assert all(i["damaged"] == "" for i in items if i["case"] == sound)
    code, out, err = run(capsys, *base, "due")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert f"{damaged}  response.normal" in out and "DAMAGED: case.json differs" in lines[damaged]
    assert "DAMAGED" not in lines[sound]


@pytest.mark.parametrize("quick", [True, False], ids=["from-the-index", "library-opened"])
def test_due_lists_an_appeal_by_its_safe_day_and_never_calls_it_expired_before_the_law(
    capsys, lib: Path, quick: bool
) -> None:
    """15 days to appeal a judgment served 2026-09-16 end on 国庆 (2026-10-01): listed by that safe day; on 10-02 it
    is urgent, "safe day passed; by law it runs to 2026-10-08" (民事诉讼法 art. 85), not overdue nor gone."""
    import argparse

    from casefile.cli import _print_due
    from casefile.core.library import Library
    from casefile.core.listing import quick_agenda

    code, out, err = run(
        capsys, "--library", str(lib), "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "phone",
        "--complained-at", "2026-09-01T09:00+08:00",
    )  # fmt: skip
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    argv = ["proceeding", number, "--venue", "court", "--body", "某区人民法院", "--ref", "(2026)沪0104民初1号"]
    argv += ["--filed-at", "2026-09-02 10:00", "--accepted-at", "2026-09-03 11:00", "--result", "judgment"]
    argv += ["--decided-at", "2026-09-15 12:00", "--served-at", "2026-09-16 15:00"]
    code, out, err = run(capsys, "--library", str(lib), *argv)
    assert code == 0, out + err

    def rows(now: datetime):
        until = now + timedelta(days=30)
        if quick:
            found = quick_agenda(lib, until=until, now=now)
            assert found is not None
            return found
        library = Library.open(lib, "test")
        try:
            return library.index.agenda(until=until, now=now)
        finally:
            library.close()

    def printed(now: datetime, *, json_out: bool = False) -> str:
        _print_due(argparse.Namespace(json=json_out, days=30), rows(now), now)
        return capsys.readouterr().out

    before = printed(parse_datetime("2026-09-30T10:00+08:00"))
    line = next(x for x in before.splitlines() if "court.appeal-judgment" in x)
    assert "due 2026-10-01 24:00 (safe day; by law 2026-10-08)" in line and "in 1 d 14 h" in line
    after = printed(parse_datetime("2026-10-02T10:00+08:00"))
    line = next(x for x in after.splitlines() if "court.appeal-judgment" in x)
    assert "OVERDUE" not in line
    assert "URGENT: safe day passed; by law it runs to 2026-10-08 (《民事诉讼法》第八十五条)" in line
    item = next(
        i
        for i in json.loads(printed(parse_datetime("2026-10-02T10:00+08:00"), json_out=True))
        if i["clock"] == "court.appeal-judgment"
    )
    assert (item["status"], item["act_by"], item["last_day"]) == ("past_safe_day", "2026-10-01", "2026-10-08")
    # after the law's last day it is over
    gone = printed(parse_datetime("2026-10-09T00:00+08:00"))
    assert "court.appeal-judgment" not in gone


def test_a_merchants_own_claim_runs_no_response_promise_and_lists_the_couriers_reply(capsys, lib: Path) -> None:
    """The merchant (the settings' organisation) is the complainant: no promise of its own runs; `due`, `list` and
    `show` give the courier's reply instead. A case closed as withdrawn lists no deadline at all."""
    import os

    config = Path(os.environ["CASEFILE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(
        json.dumps({"org_name": "深圳小铺电子商行", "org_credit_code": "92440300MA5G77771H"}), encoding="utf-8"
    )
    base = ["--library", str(lib)]
    now = datetime.now(CST)
    complained = (now - timedelta(days=3)).isoformat(timespec="minutes")
    code, out, err = run(
        capsys, *base, "new", "--title", "三部手机快递途中压碎", "--type", "logistics", "--channel", "online",
        "--complained-at", complained, "--complainant-kind", "organisation", "--complainant", "深圳小铺电子商行",
        "--complainant-credit-code", "92440300MA5G77771H", "--respondent", "某某快运",
    )  # fmt: skip
    assert code == 0, err
    assert "our side is the complainant: no response promise runs" in out
    number = out.strip().splitlines()[-1]
    assert shown(capsys, lib, number)["our_side"] == "complainant"
    argv = ["event", number, "--kind", "complaint", "--with", "courier", "--ref", "GD9", "--summary", "索赔"]
    assert run(capsys, *base, *argv, "--at", complained)[0] == 0
    items = json.loads(run(capsys, *base, "due", "--days", "30", "--json")[1])
    assert [i["clock"] for i in items if i["case"] == number] == ["courier.reply"]
    listed = run(capsys, *base, "list")[1]
    line = next(x for x in listed.splitlines() if x.startswith(number))
    assert "(courier.reply)" in line and "OVERDUE" not in line and "response" not in line
    assert f"due {items[0]['last_day']} 24:00 (courier.reply)" in line  # the carrier's last day
    assert "no response promise" in run(capsys, *base, "show", number)[1]
    # said otherwise by the user: the promise runs again
    assert run(capsys, *base, "edit", number, "--our-side", "respondent")[0] == 0
    items = json.loads(run(capsys, *base, "due", "--days", "30", "--json")[1])
    assert "response.normal" in [i["clock"] for i in items if i["case"] == number]

    code, out, err = run(capsys, *base, "new", "--title", "退货", "--type", "quality", "--channel", "phone",
                         "--complained-at", complained, "--complainant", "周杰")  # fmt: skip
    assert code == 0, err
    other = out.strip().splitlines()[-1]
    assert shown(capsys, lib, other)["our_side"] == "respondent"  # no business named: complained to the merchant
    assert "due " in next(x for x in run(capsys, *base, "list")[1].splitlines() if x.startswith(other))
    assert run(capsys, *base, "close", other, "--result", "withdrawn", "--note", "顾客撤回投诉")[0] == 0
    for quick in ("", "--search"):
        listed = run(capsys, *base, "list", *((quick, "周杰") if quick else ()))[1]
        line = next(x for x in listed.splitlines() if x.startswith(other))
        assert "no deadline running" in line and "due " not in line


def test_a_law_firms_case_registered_without_its_side_runs_no_response_promise(capsys, lib: Path) -> None:
    """A case that records no side (registered before the side was recorded, or before the firm's details were
    entered) is read as the organisation in the settings keeps it: a law firm's runs no response promise in `due`,
    `list` and `show`, which says the side is presumed; the case folder is not written to. Recorded by the user,
    the side stands."""
    import os

    base = ["--library", str(lib)]
    complained = (datetime.now(CST) - timedelta(days=3)).isoformat(timespec="minutes")
    code, out, err = run(
        capsys, *base, "new", "--title", "手机屏幕排线故障", "--type", "quality", "--channel", "phone",
        "--complained-at", complained, "--complainant", "张三", "--respondent", "某某数码旗舰店",
    )  # fmt: skip
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    assert shown(capsys, lib, number).get("our_side") is None  # no organisation entered: the record cannot tell
    items = json.loads(run(capsys, *base, "due", "--days", "30", "--json")[1])
    assert "response.normal" in [i["clock"] for i in items if i["case"] == number]
    record = next(lib.glob(f"cases/{number}/case.json"))
    before = record.read_bytes()

    config = Path(os.environ["CASEFILE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"org_name": "上海某某律师事务所"}), encoding="utf-8")
    items = json.loads(run(capsys, *base, "due", "--days", "30", "--json")[1])
    assert "response.normal" not in [i["clock"] for i in items if i["case"] == number]
    line = next(x for x in run(capsys, *base, "list")[1].splitlines() if x.startswith(number))
    assert "OVERDUE" not in line and "response" not in line
    text = run(capsys, *base, "show", number)[1]
    assert "no response promise" in text and "complainant (presumed from the organisation in the settings" in text
    data = shown(capsys, lib, number)
    assert (data.get("our_side"), data["side"], data["side_presumed"]) == (None, "complainant", True)
    assert record.read_bytes() == before  # read, not written

    assert run(capsys, *base, "edit", number, "--our-side", "respondent")[0] == 0  # the user says otherwise
    items = json.loads(run(capsys, *base, "due", "--days", "30", "--json")[1])
    assert "response.normal" in [i["clock"] for i in items if i["case"] == number]
    assert "presumed" not in run(capsys, *base, "show", number)[1]
