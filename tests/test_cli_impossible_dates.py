"""Dates that cannot be true: goods received before they were bought, a parcel signed for before it was shipped, a
note years before everything else. Warned at entry and in the packets' checks; the limitation period counted from
such a day says its start is doubtful, and when it has run it is listed as run, not dropped."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.model import Case, CaseType, Channel
from casefile.core.workflow.clocks import CST
from casefile.core.workflow.limitation import Source, date_contradictions, limitation_start, start_doubt


def run(capsys: pytest.CaptureFixture[str], lib: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--operator", "t", *argv])
    out, err = capsys.readouterr()
    return code, out, err


NEW = ["new", "--title", "leap", "--type", "quality", "--channel", "store", "--complainant", "乙", "--phone",
       "13800138011", "--respondent=丙", "--complained-at", "2026-11-30T09:00"]  # fmt: skip


def guidance(lib: Path, number: str) -> str:
    (path,) = (lib / "cases" / number / "bundles").glob("*办理指引.pdf")
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


def test_a_receipt_before_the_purchase_is_warned_at_entry_and_in_the_packet(capsys, tmp_path):
    lib = tmp_path / "lib"
    code, out, err = run(capsys, lib, *NEW)
    number = out.strip().splitlines()[-1]
    assert code == 0 and "warning" not in err
    code, _, err = run(
        capsys, lib, "edit", number, "--purchased-at", "2026-10-01T10:00", "--received-at", "2020-10-03T10:00",
        "--fault-at", "2026-10-20T10:00", "--facts", "收货后屏幕坏", "--demand", "refund", "--product", "手机",
        "--amount", "2999",
    )  # fmt: skip
    assert code == 0
    assert "the receipt of the goods (2020-10-03) is before the purchase (2026-10-01)" in err
    code, _, err = run(capsys, lib, "bundle", number, "--venue", "consumer-association")
    assert code != 0 and "The record's dates contradict: the receipt of the goods (2020-10-03)" in err
    code, _, err = run(capsys, lib, "bundle", number, "--venue", "consumer-association", "--force")
    assert code == 0, err
    text = guidance(lib, number)
    assert "本案记录的最早日期是收到商品之日（2020年10月3日），但该日期比购买商品之日（2026年10月1日）还早" in text
    assert "不宜作为起算日" in text and "三年已于2023年10月3日届满" in text
    assert "请最迟于2023年10月3日" not in text


def test_new_warns_of_a_fault_before_the_purchase(capsys, tmp_path):
    argv = [*NEW, "--purchased-at", "2024-02-29T10:00", "--fault-at", "2023-01-01T10:00"]
    code, out, err = run(capsys, tmp_path / "lib", *argv)
    assert code == 0 and out.strip().splitlines()[-1] == "202611-001"
    assert "warning: the fault (2023-01-01) is before the purchase (2024-02-29)" in err


def test_a_dealing_decades_back_is_doubtful_and_the_period_runs_from_the_purchase(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = run(capsys, lib, *NEW, "--purchased-at", "2026-11-01T10:00")[1].strip().splitlines()[-1]
    code, _, err = run(capsys, lib, "event", number, "--at", "2001-01-01 10:00", "--kind", "other", "--summary", "old")
    assert code == 0
    assert "the timeline event “old” (2001-01-01) is more than a year before the purchase (2026-11-01)" in err
    code, out, _ = run(capsys, lib, "due", "--days", "5000")
    line = next(x for x in out.splitlines() if "civil.limitation" in x)
    # the safe day (from 2001) is long past; counted from the purchase the period runs: never RAN OUT
    assert "RAN OUT" not in line and "SAFE DAY PASSED" in line and "2029-11-01" in line
    assert "START DOUBTFUL" in line and "2001-01-01" in line
    items = json.loads(run(capsys, lib, "due", "--days", "1", "--json")[1])
    (limitation,) = [i for i in items if i["clock"] == "civil.limitation"]
    assert (
        limitation["status"] == "past_safe_day" and "more than a year before the purchase" in limitation["start_doubt"]
    )
    code, _, err = run(capsys, lib, "bundle", number, "--venue", "consumer-association", "--force")
    assert code == 0, err
    text = guidance(lib, number)
    assert "本案记录的最早日期是“old”之日（2001年1月1日），但该日期比购买商品之日（2026年11月1日）早一年以上" in text
    assert "请最迟于2004年1月1日" not in text


def test_a_background_note_decades_back_starts_nothing_and_is_no_contradiction(capsys, tmp_path):
    lib = tmp_path / "lib"
    argv = [*NEW, "--our-side", "complainant", "--purchased-at", "2025-03-05T10:00"]
    number = run(capsys, lib, *argv)[1].strip().splitlines()[-1]
    code, _, err = run(
        capsys, lib, "event", number, "--at", "2015-03-05 10:00", "--summary", "客户自2015年起为该店会员"
    )
    assert code == 0 and "contradict" not in err and "more than a year" not in err
    code, out, _ = run(capsys, lib, "due", "--days", "1200")
    line = next(x for x in out.splitlines() if "civil.limitation" in x)
    assert "due 2028-03-05 24:00" in line and "RAN OUT" not in line and "DOUBTFUL" not in line
    code, out, _ = run(capsys, lib, "list")
    assert "due 2028-03-05 24:00 (civil.limitation)" in out


def test_signed_for_before_shipped_is_a_contradiction_and_sound_dates_are_none():
    case = Case(
        number="202611-001",
        title="t",
        complained_at=datetime(2026, 11, 20, 10, tzinfo=CST),
        channel=Channel.ONLINE,
        type=CaseType.LOGISTICS,
    )
    case.shipment.shipped_at = datetime(2026, 11, 10, 10, tzinfo=CST)
    case.shipment.signed_at = datetime(2026, 11, 12, 10, tzinfo=CST)
    case.transaction.purchased_at = datetime(2026, 11, 9, 22, tzinfo=CST)
    assert date_contradictions(case) == [] and start_doubt(case) is None
    case.shipment.signed_at = datetime(2025, 11, 12, 10, tzinfo=CST)
    (found,) = date_contradictions(case)
    assert (found.source, found.before) == (Source.SIGNED, Source.PURCHASE)
    assert limitation_start(case).source is Source.SIGNED and start_doubt(case) == found
    case.transaction.purchased_at = None
    (found,) = date_contradictions(case)
    assert (found.source, found.before) == (Source.SIGNED, Source.SHIPPED)


def test_new_warns_of_a_complaint_before_the_purchase(capsys, tmp_path):
    argv = [*NEW[:-1], "2026-10-01T09:00", "--purchased-at", "2026-11-20T10:00"]
    code, _out, err = run(capsys, tmp_path / "lib", *argv)
    assert code == 0
    assert "warning: the complaint (2026-10-01) is before the purchase (2026-11-20)" in err
    # the same day, the complaint lodged in the morning of a purchase recorded without its hour: no slip
    code, _out, err = run(capsys, tmp_path / "lib", *NEW, "--purchased-at", "2026-11-30T18:00")
    assert code == 0 and "warning" not in err
