"""The limitation period told truly: the earliest recorded day gives the safe day to act by, never proof the right
is dead. The period runs from the latest start the record makes plausible (the fault found later: 民法典 art. 188)
and afresh from a demand to the obligor or a claim lodged with a body (art. 195); a store complained to has no
limitation deadline of its own; a start that cannot be true is said while the period is open too."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.model import Case, CaseType, Channel, EventKind, Side, TimelineEvent
from casefile.core.workflow.clocks import CST
from casefile.core.workflow.due import case_clocks


def run(capsys: pytest.CaptureFixture[str], lib: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--operator", "t", *argv])
    out, err = capsys.readouterr()
    return code, out, err


NEW = ["new", "--title", "空调", "--type", "quality", "--channel", "phone", "--complainant", "李四", "--phone",
       "13800138011", "--respondent=某电器公司", "--complained-at", "2026-11-20T10:00"]  # fmt: skip


def new(capsys: pytest.CaptureFixture[str], lib: Path, *argv: str) -> str:
    code, out, err = run(capsys, lib, *NEW, *argv)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def limitation_line(capsys: pytest.CaptureFixture[str], lib: Path, days: str = "60") -> str:
    code, out, _ = run(capsys, lib, "due", "--days", days)
    assert code == 0
    return next(x for x in out.splitlines() if "civil.limitation" in x)


def limitation_item(capsys: pytest.CaptureFixture[str], lib: Path, days: str = "60") -> dict[str, object]:
    items = json.loads(run(capsys, lib, "due", "--days", days, "--json")[1])
    (item,) = [i for i in items if i["clock"] == "civil.limitation"]
    return item


def guidance(capsys: pytest.CaptureFixture[str], lib: Path, number: str) -> str:
    code, _, err = run(capsys, lib, "bundle", number, "--venue", "consumer-association", "--to", "12315", "--force")
    assert code == 0, err
    (path,) = (lib / "cases" / number / "bundles").glob("*办理指引.pdf")
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


def test_a_fault_found_later_keeps_the_period_running_past_the_safe_day(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new(
        capsys, lib, "--our-side", "complainant", "--purchased-at", "2023-01-05T12:00", "--received-at",
        "2023-01-08T12:00", "--fault-at", "2025-01-10", "--amount", "3999",
    )  # fmt: skip
    line = limitation_line(capsys, lib)
    assert "RAN OUT" not in line
    assert "due 2026-01-05 24:00" in line and "SAFE DAY PASSED" in line and "runs to 2028-01-10" in line
    assert "safe day from 2023-01-05, runs from 2025-01-10" in line
    item = limitation_item(capsys, lib)
    assert item["status"] == "past_safe_day" and item["act_by"] == "2026-01-05" and item["last_day"] == "2028-01-10"
    code, out, _ = run(capsys, lib, "list")
    assert "(civil.limitation) SAFE DAY PASSED: runs to 2028-01-10" in out
    text = guidance(capsys, lib, number)
    assert "自该日起算的三年已于2026年1月5日届满，但这只是最稳妥的提醒日期，不等于权利已经消灭" in text, text
    assert "如权利人自商品出现故障之日（2025年1月10日）起才知道权利受到损害" in text and "至2028年1月10日届满" in text
    assert "请最迟于2026年1月5日" not in text


def test_a_demand_to_the_seller_and_a_complaint_to_12315_interrupt_the_period(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2022-09-28T12:00")
    line = limitation_line(capsys, lib, "5000")
    # nothing on record interrupts it: run, counted from the latest start, and said to be so only unless interrupted
    assert "RAN OUT" in line and "unless interrupted" in line and "民法典 art. 195" in line
    # agreeing to perform, or performing, after it ran out bars the defence: the code and the SPC's rules, both cited
    assert "or performed, after it (art. 192 para. 2; 诉讼时效规定 art. 19)" in line
    argv = ["--kind", "complaint", "--summary", "向商家提出退款要求，商家拒绝"]
    assert run(capsys, lib, "event", number, "--at", "2024-06-01T10:00", "--with", "respondent", *argv)[0] == 0
    argv = ["--kind", "complaint", "--summary", "向12315投诉", "--ref", "12315-001"]
    assert run(capsys, lib, "event", number, "--at", "2025-03-01T10:00", "--with", "regulator", *argv)[0] == 0
    line = limitation_line(capsys, lib, "5000")
    assert "RAN OUT" not in line and "runs to 2028-03-01" in line
    assert "interrupted 2025-03-01, counted afresh (民法典 art. 195)" in line
    text = guidance(capsys, lib, number)
    assert "本案记录2025年3月1日曾向有关机构投诉，诉讼时效自2025年3月1日中断，重新计算" in text, text
    assert "《民法典》第一百九十五条" in text and "至2028年3月1日届满" in text


def test_a_note_or_a_call_with_the_client_interrupts_nothing():
    from casefile.core.workflow.limitation import Source, limitation

    case = Case(
        number="202611-001",
        title="t",
        complained_at=datetime(2026, 11, 20, 10, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
    )
    case.transaction.purchased_at = datetime(2023, 1, 5, 10, tzinfo=CST)
    case.timeline = [
        TimelineEvent(datetime(2015, 3, 5, 10, tzinfo=CST), EventKind.NOTE, "客户自2015年起为该店会员"),
        TimelineEvent(datetime(2025, 6, 1, 10, tzinfo=CST), EventKind.CALL, "与客户通话", party="complainant"),
        TimelineEvent(datetime(2025, 7, 1, 10, tzinfo=CST), EventKind.NOTE, "商家说会退款", party="respondent"),
    ]
    found = limitation(case)
    assert found.safe.source is Source.PURCHASE and found.counted_from.source is Source.PURCHASE
    assert not found.interrupted and found.doubt is None
    case.transaction.fault_at = datetime(2062, 1, 10, tzinfo=CST)  # after the complaint: counted from the complaint
    found = limitation(case)
    assert found.counted_from.source is Source.FAULT and found.counted_from.day.isoformat() == "2026-11-20"
    assert found.capped is not None and found.capped.isoformat() == "2062-01-10"
    case.transaction.fault_at = None
    # a confirmation with the seller may be its refusal as well as its agreeing to perform: named, moving nothing
    case.timeline.append(
        TimelineEvent(datetime(2025, 8, 1, 10, tzinfo=CST), EventKind.CONFIRMATION, "商家同意退款", party="respondent")
    )
    found = limitation(case)
    assert not found.interrupted and found.counted_from.source is Source.PURCHASE
    assert [p.day.isoformat() for p in found.possible] == ["2025-08-01"]
    case.timeline.append(
        TimelineEvent(datetime(2025, 9, 1, 10, tzinfo=CST), EventKind.COMPLAINT, "向商家要求退款", party="respondent")
    )
    found = limitation(case)
    assert found.interrupted and found.counted_from.day.isoformat() == "2025-09-01" and not found.possible


def test_a_store_complained_to_runs_no_limitation_deadline_of_its_own(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new(capsys, lib, "--our-side", "respondent", "--purchased-at", "2022-10-01")
    code, out, _ = run(capsys, lib, "due", "--days", "5000")
    assert code == 0 and "civil.limitation" not in out and "RAN OUT" not in out
    case = Case(
        number=number,
        title="t",
        complained_at=datetime(2026, 11, 30, 9, tzinfo=CST),
        channel=Channel.STORE,
        type=CaseType.QUALITY,
        our_side=Side.RESPONDENT,
    )
    case.transaction.purchased_at = datetime(2022, 10, 1, tzinfo=CST)
    assert all(s.key != "civil.limitation" for s in case_clocks(case))


def test_a_doubtful_start_is_said_while_the_period_is_open(capsys, tmp_path):
    lib = tmp_path / "lib"
    new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2025-03-05", "--received-at", "2024-03-08")
    line = limitation_line(capsys, lib, "200")
    assert "due 2027-03-08 24:00" in line and "RAN OUT" not in line
    assert "START DOUBTFUL: the receipt of the goods (2024-03-08) is before the purchase (2025-03-05)" in line
    item = limitation_item(capsys, lib, "200")
    assert item["status"] == "open" and "before the purchase" in str(item["start_doubt"])
    code, out, _ = run(capsys, lib, "list")
    assert "(civil.limitation) START DOUBTFUL" in out


def test_a_prepaid_card_bought_years_before_the_complaint_is_no_slip(capsys, tmp_path):
    """No purchase recorded, only the dealing on the timeline (the card bought 2021) and the shop found shut in
    2026: an event years before the complaint is true, not a mistyped year, and the period runs from the visit."""
    lib = tmp_path / "lib"
    argv = ["--our-side", "complainant", "--type", "service"]
    code, out, err = run(capsys, lib, *NEW, *argv)
    number = out.strip().splitlines()[-1]
    code, _, err = run(
        capsys, lib, "event", number, "--at", "2021-06-01T10:00", "--kind", "other", "--summary", "办理五年期会员卡"
    )
    assert code == 0 and "year mistyped" not in err and "contradict" not in err, err
    argv = ["--kind", "visit", "--with", "respondent", "--summary", "门店已关闭"]
    assert run(capsys, lib, "event", number, "--at", "2026-11-10T10:00", *argv)[0] == 0
    line = limitation_line(capsys, lib, "30")
    assert "RAN OUT" not in line and "DOUBTFUL" not in line and "runs to 2029-11-12" in line


def _case(purchased: datetime | None = None, complained: datetime = datetime(2026, 11, 20, 10, tzinfo=CST)) -> Case:
    case = Case(number="202611-001", title="t", complained_at=complained, channel=Channel.PHONE, type=CaseType.QUALITY)
    case.transaction.purchased_at = purchased
    return case


def test_an_interruption_after_the_period_has_run_revives_nothing(capsys, tmp_path):
    """民法典 art. 195 interrupts a running period: a demand years after it ran restarts nothing (only the obligor's
    agreeing to perform after it bars its defence, art. 192), and neither does a second demand more than three years
    after the first."""
    from casefile.core.workflow.limitation import Source, limitation

    case = _case(datetime(2019, 1, 5, 10, tzinfo=CST))
    case.transaction.fault_at = datetime(2019, 2, 1, tzinfo=CST)
    case.timeline = [
        TimelineEvent(datetime(2026, 11, 25, 10, tzinfo=CST), EventKind.COMPLAINT, "要求退款", party="respondent")
    ]
    found = limitation(case)
    assert not found.interrupted and found.counted_from.source is Source.FAULT
    case.timeline.insert(
        0, TimelineEvent(datetime(2021, 6, 1, 10, tzinfo=CST), EventKind.COMPLAINT, "要求修理", party="respondent")
    )
    found = limitation(case)  # 2021-06-01 within the period: runs to 2024-06-01; 2026-11-25 comes after that
    assert found.interrupted and found.counted_from.day.isoformat() == "2021-06-01"
    case.timeline.append(
        TimelineEvent(datetime(2024, 5, 30, 10, tzinfo=CST), EventKind.COMPLAINT, "再次要求", party="respondent")
    )
    found = limitation(case)  # each in time: 2021 → 2024 → 2026 (each before the running period's end)
    assert found.interrupted and found.counted_from.day.isoformat() == "2026-11-25"

    lib = tmp_path / "lib"
    number = new(
        capsys, lib, "--our-side", "complainant", "--purchased-at", "2019-01-05T10:00", "--fault-at", "2019-02-01"
    )
    argv = ["--kind", "complaint", "--with", "respondent", "--summary", "电话要求商家退款，商家拒绝"]
    assert run(capsys, lib, "event", number, "--at", "2026-11-25T10:00", *argv)[0] == 0
    line = limitation_line(capsys, lib, "3000")
    assert "RAN OUT on 2022-02-07" in line and "interrupted 2026" not in line and "2029" not in line, line
    assert "agreed to perform, or performed, after it (art. 192 para. 2; 诉讼时效规定 art. 19)" in line


def test_a_fault_recorded_after_the_complaint_counts_from_the_complaint(capsys, tmp_path):
    from casefile.core.workflow.limitation import Source, limitation

    case = _case(datetime(2023, 6, 1, 10, tzinfo=CST))
    case.transaction.fault_at = datetime(2026, 11, 25, tzinfo=CST)
    found = limitation(case)
    assert found.counted_from.source is Source.FAULT and found.counted_from.day.isoformat() == "2026-11-20"
    lib = tmp_path / "lib"
    new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2023-06-01T10:00", "--fault-at", "2026-11-25")
    line = limitation_line(capsys, lib, "10")
    assert "RAN OUT" not in line and "runs to 2029-11-20" in line, line
    assert "the fault recorded 2026-11-25, after the complaint: counted from the complaint, check" in line
    code, out, _ = run(capsys, lib, "list")
    assert "no deadline running" not in out


@pytest.mark.parametrize(
    ("result", "summary", "used"),
    [
        ("withdrawn", "原告撤诉", False),
        ("dismissed", "裁定驳回起诉（被告主体不适格）", False),
        ("not-accepted", "", False),
        ("dismissed", "判决驳回原告的诉讼请求", True),
        ("judgment", "", True),
        ("pending", "", True),
    ],
)
def test_a_withdrawn_or_dismissed_suit_does_not_use_the_period(result, summary, used):
    """撤诉 or 驳回起诉 leaves nothing pending: the claim may be brought again, the three years running afresh from
    the proceeding's end (民法典 art. 195); only a suit pending or decided on the merits uses the period."""
    from casefile.core.workflow.records import Proceeding, ProceedingResult, Venue

    case = _case(datetime(2025, 12, 1, 10, tzinfo=CST), datetime(2026, 6, 1, 10, tzinfo=CST))
    case.our_side = Side.COMPLAINANT
    decided = None if result == "pending" else datetime(2026, 9, 1, 10, tzinfo=CST)
    case.workflow.proceedings.append(
        Proceeding(
            Venue.COURT,
            body="厦门市思明区人民法院",
            filed_at=datetime(2026, 7, 1, 10, tzinfo=CST),
            accepted_at=datetime(2026, 7, 5, 10, tzinfo=CST),
            result=ProceedingResult(result),
            decided_at=decided,
            served_at=decided,
            summary=summary,
        )
    )
    (clock,) = [c for c in case_clocks(case, now=datetime(2026, 12, 1, 10, tzinfo=CST)) if c.key == "civil.limitation"]
    assert (clock.met_at is not None) is used
    if not used:
        assert clock.running and clock.deadline.last_day.isoformat() == "2029-09-03"


def test_an_ambiguous_contact_with_the_seller_is_named_not_counted(capsys, tmp_path):
    """A timeline event has no direction: a chat, call, visit, e-mail, proposal or confirmation with the seller may be
    its advert or its refusal. Only a complaint lodged with it interrupts; the others are named for checking."""
    lib = tmp_path / "lib"
    number = new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2023-06-01T10:00")
    argv = ["--kind", "chat", "--with", "respondent", "--summary", "商家发来促销广告短信"]
    assert run(capsys, lib, "event", number, "--at", "2026-05-01T10:00", *argv)[0] == 0
    line = limitation_line(capsys, lib, "3000")
    assert "RAN OUT on 2026-06-01" in line and "interrupted 2026-05-01" not in line, line
    assert "possible interruption 2026-05-01 (chat) if it was a demand" in line
    argv = ["--kind", "confirmation", "--with", "respondent", "--summary", "商家书面确认：已过保修期，不予退换"]
    assert run(capsys, lib, "event", number, "--at", "2026-07-01T10:00", *argv)[0] == 0
    line = limitation_line(capsys, lib, "3000")
    assert "RAN OUT on 2026-06-01" in line and "2029" not in line, line
    assert run(capsys, lib, "edit", number, "--facts", "我于2023年6月1日购买空调。", "--demand", "refund", "3000",
               "--respondent-address", "厦门市思明区某路1号")[0] == 0  # fmt: skip
    exhibit = tmp_path / "a.txt"
    exhibit.write_text("发票", encoding="utf-8")
    assert run(capsys, lib, "add", number, str(exhibit))[0] == 0
    text = guidance(capsys, lib, number)
    assert "本案记录2026年5月1日（在线沟通）曾与经营者联系：如系向经营者提出履行请求" in text, text
    assert "诉讼时效自2026年5月1日中断" not in text and "2029" not in text


def _case_bought(at: datetime) -> Case:
    case = Case(
        number="202611-001",
        title="t",
        complained_at=datetime(2026, 11, 20, 10, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
    )
    case.transaction.purchased_at = at
    return case


@pytest.mark.parametrize(
    ("kind", "direction", "summary", "interrupts", "possible"),
    [
        # our demand to the seller (民法典 art. 195 (一))
        (EventKind.CHAT, "out", "微信要求商家退款", True, False),
        (EventKind.EMAIL, "out", "发邮件催告商家履行维修义务", True, False),
        (EventKind.PROPOSAL, "out", "提出以旧换新方案", True, False),
        # ours, but its words ask nothing: it may still have been a demand, named for checking
        (EventKind.CALL, "out", "致电商家询问门店地址", False, True),
        # the seller agreeing to perform (art. 195 (二))
        (EventKind.CHAT, "in", "商家回复同意退款", True, False),
        (EventKind.CONFIRMATION, "in", "商家书面承诺三日内赔偿", True, False),
        # the seller refusing: never an interruption, not even a possible one (it names the return all the same)
        (EventKind.CHAT, "in", "商家回复拒绝退货", False, False),
        (EventKind.CONFIRMATION, "in", "商家书面确认：不同意退款", False, False),
        (EventKind.CHAT, "in", "商家发来促销广告", False, True),
        # no direction said: as before, only a possible interruption, whatever it says
        (EventKind.CHAT, "", "商家回复拒绝退货", False, True),
        (EventKind.CHAT, "", "微信要求商家退款", False, True),
    ],
)
def test_who_spoke_tells_a_demand_or_agreement_from_a_refusal(kind, direction, summary, interrupts, possible):
    from casefile.core.workflow.limitation import limitation

    case = _case_bought(datetime(2023, 1, 5, 10, tzinfo=CST))
    at = datetime(2025, 8, 1, 10, tzinfo=CST)
    case.timeline = [TimelineEvent(at, kind, summary, party="respondent", direction=direction)]
    found = limitation(case)
    assert found.interrupted is interrupts
    assert found.counted_from.day.isoformat() == ("2025-08-01" if interrupts else "2023-01-05")
    assert [p.day.isoformat() for p in found.possible] == (["2025-08-01"] if possible else [])


def test_the_agreement_is_what_the_guidance_says_interrupted(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2022-09-28T12:00")
    argv = ["--kind", "chat", "--with", "respondent", "--summary", "商家同意退款，但未付款"]
    assert run(capsys, lib, "event", number, "--at", "2024-06-01T10:00", "--direction", "in", *argv)[0] == 0
    assert "interrupted 2024-06-01, counted afresh" in limitation_line(capsys, lib, "5000")
    assert run(capsys, lib, "edit", number, "--facts", "我于2022年9月28日购买空调。", "--demand", "refund", "3000",
               "--respondent-address", "厦门市思明区某路1号")[0] == 0  # fmt: skip
    exhibit = tmp_path / "a.txt"
    exhibit.write_text("发票", encoding="utf-8")
    assert run(capsys, lib, "add", number, str(exhibit))[0] == 0
    text = guidance(capsys, lib, number)
    assert "本案记录2024年6月1日曾经营者同意履行，诉讼时效自2024年6月1日中断" in text, text


def test_a_direction_is_recorded_shown_and_corrected_in_the_custody_log(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new(capsys, lib, "--our-side", "complainant", "--purchased-at", "2023-06-01T10:00")
    # recorded without a direction, as every event before it could be said: a possible interruption
    argv = ["--kind", "chat", "--with", "respondent", "--summary", "商家回复：不予退货"]
    assert run(capsys, lib, "event", number, "--at", "2026-05-01T10:00", *argv)[0] == 0
    assert "possible interruption 2026-05-01 (chat)" in limitation_line(capsys, lib, "3000")
    # said afterwards to be the seller's message to us: its refusal interrupts nothing, and is no longer named
    code, out, err = run(capsys, lib, "event", number, "--edit", "1", "--direction", "in", "--reason", "商家发来")
    assert code == 0, err
    assert "direction" in out
    line = limitation_line(capsys, lib, "3000")
    assert "RAN OUT on 2026-06-01" in line and "possible interruption" not in line, line
    assert run(capsys, lib, "event", number, "--at", "2026-05-20T10:00", "--kind", "chat", "--with", "respondent",
               "--direction", "out", "--summary", "再次要求商家退货退款")[0] == 0  # fmt: skip
    line = limitation_line(capsys, lib, "3000")
    assert "interrupted 2026-05-20, counted afresh" in line and "RAN OUT" not in line, line
    code, out, _ = run(capsys, lib, "show", number)
    assert "商家回复：不予退货  (with respondent, they to us)" in out
    assert "再次要求商家退货退款  (with respondent, we to them)" in out
    # none takes it back to not said
    assert run(capsys, lib, "event", number, "--edit", "2", "--direction", "none", "--reason", "不确定")[0] == 0
    assert "possible interruption 2026-05-20 (chat)" in limitation_line(capsys, lib, "3000")
    code, _, err = run(capsys, lib, "verify", number)
    assert code == 0, err
    with pytest.raises(SystemExit):
        run(capsys, lib, "event", number, "--summary", "x", "--direction", "sideways")
    assert "invalid choice: 'sideways'" in capsys.readouterr().err


def test_a_direction_outside_the_choices_is_refused_when_recorded():
    from casefile.core.errors import InvalidValueError
    from casefile.core.validate import check_input

    event = TimelineEvent(datetime(2026, 5, 1, 10, tzinfo=CST), EventKind.CHAT, "x", direction="sideways")
    with pytest.raises(InvalidValueError, match="sideways"):
        check_input(event, "timeline[0]")
    check_input(TimelineEvent(datetime(2026, 5, 1, 10, tzinfo=CST), EventKind.CHAT, "x", direction="in"), "t")


def test_an_event_without_a_direction_is_stored_as_before_and_reads_as_not_said():
    from casefile.core.model import from_data, to_data

    event = TimelineEvent(datetime(2026, 5, 1, 10, tzinfo=CST), EventKind.CHAT, "与商家沟通", party="respondent")
    data = to_data(event)
    assert "direction" not in data  # records written before a direction could be said stay byte for byte
    assert from_data(TimelineEvent, data).direction == ""
    said = to_data(TimelineEvent(event.at, EventKind.CHAT, "与商家沟通", party="respondent", direction="in"))
    assert said["direction"] == "in" and from_data(TimelineEvent, said).direction == "in"
