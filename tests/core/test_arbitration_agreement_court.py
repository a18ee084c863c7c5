"""A court packet for a case holding an arbitration agreement in force is refused (民事诉讼法 art. 127 (二)),
however forced; marked invalid or waived, with the reason, through the custody log, it is made."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefile_testing import chinese, filed_case, run_tool

from casefile.cli import main
from casefile.core import law
from casefile.core.bundle import BundleOptions, BundleResult, Level, PreflightError, Venue, build_bundle
from casefile.core.bundle.agreements import INVALID, WAIVED, in_force, mark_agreement
from casefile.core.errors import CaseFileError, InvalidValueError
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Exhibit, from_data, to_data
from casefile.core.settings import Settings


def build(library: Library, number: str, venue: Venue) -> BundleResult:
    result = list(build_bundle(library, number, BundleOptions(venue, force=True), Settings()))[-1]
    assert isinstance(result, BundleResult)
    return result


def entries(library: Library, number: str, action: str) -> list[dict]:
    return [e for e in library.folder(number).custody.read() if e["action"] == action]


@pytest.fixture
def with_clause(library: Library, tmp_path: Path) -> tuple[str, int, int]:
    """A case ready for court, holding a contract's arbitration clause (and a photo)."""
    number = filed_case(library).number
    clause = tmp_path / "购买合同第8条.txt"
    clause.write_text("因本合同引起的争议，提交某某仲裁委员会仲裁。\n", "utf-8")
    photo = tmp_path / "破损照片.txt"
    photo.write_text("屏幕碎裂\n", "utf-8")
    options = AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT, purpose="证明双方约定仲裁")
    (added,) = [r for r in add_files(library, number, [clause], options) if isinstance(r, AddResult)]
    (other,) = [r for r in add_files(library, number, [photo]) if isinstance(r, AddResult)]
    assert added.exhibit is not None and other.exhibit is not None
    return number, added.exhibit.number, other.exhibit.number


def test_refused_then_made_once_marked_invalid(library, with_clause, capsys):
    number, clause, _photo = with_clause
    with pytest.raises(PreflightError) as refused:
        build(library, number, Venue.COURT)  # --force does not override an error
    (finding,) = [f for f in refused.value.findings if f.level is Level.ERROR]
    assert finding.code == "arbitration-agreement-in-force"
    assert finding.exhibit == clause and finding.field == f"exhibits.{clause}.agreement_status"
    assert law.cite("civil-procedure.127", short=True, with_part=True) in chinese(finding.message)
    assert f"casefile exhibit {number} {clause} --agreement invalid" in chinese(finding.message)
    assert entries(library, number, "bundle") == []

    command = ["--library", str(library.root), "exhibit", number, str(clause)]
    code = main([*command, "--agreement", "invalid", "--reason", "未约定仲裁机构"])
    assert code == 0
    assert f"exhibit {clause}: arbitration agreement marked invalid (未约定仲裁机构)" in capsys.readouterr().out
    (marked,) = entries(library, number, "exhibit-update")
    assert marked["details"] == {
        "exhibit": clause,
        "fields": {"agreement_status": "invalid", "agreement_reason": "未约定仲裁机构"},
    }
    assert marked["operator"]
    exhibit = library.load_case(number).exhibit(clause)
    assert (exhibit.agreement_status, exhibit.agreement_reason) == (INVALID, "未约定仲裁机构")
    assert not in_force(exhibit)

    result = build(library, number, Venue.COURT)
    (bundle,) = entries(library, number, "bundle")
    assert bundle["details"]["files"][0]["sha256"] == result.sha256[0]
    assert "arbitration-agreement-in-force" not in bundle["details"]["accepted_warnings"]

    from casefile.core.verify import verify_case

    report = list(verify_case(library, number))[-1]
    assert report.ok, report.summary()  # the mark folds from the custody log like any exhibit change


def test_the_complaint_ticks_the_clause_and_says_why_it_does_not_bar_the_suit(library, with_clause):
    """Unanswered 有无仲裁、法院管辖约定 in a case holding an agreement marked invalid: the complaint and its copy
    for the defendant, as a reader extracts them from the packet, tick 有 and name the exhibit with the reason."""
    number, clause, _photo = with_clause
    mark_agreement(library, number, clause, INVALID, "格式条款，店铺未以显著方式提示。")
    result = build(library, number, Venue.COURT)
    text = re.sub(r"\s+", "", run_tool("pdftotext", "-enc", "UTF-8", str(result.files[0]), "-").stdout)
    stated = (
        "1.有无仲裁、法院管辖约定有■合同条款及内容：证据1《购买合同第8条》约定仲裁；"
        "原告认为该约定无效：格式条款，店铺未以显著方式提示。无□"
    )
    assert text.count(stated) == 2  # 民事起诉状 and 民事起诉状（副本）
    assert "有□合同条款及内容" not in text


def test_waived_and_back_in_force(library, with_clause):
    number, clause, _photo = with_clause
    mark_agreement(library, number, clause, WAIVED, "商家同意由人民法院管辖")
    build(library, number, Venue.COURT)
    # The arbitration packet now has no agreement in force: a warning naming the mark.
    with pytest.raises(PreflightError) as info:
        list(build_bundle(library, number, BundleOptions(Venue.ARBITRATION), Settings()))
    (warning,) = [f for f in info.value.findings if f.code == "no-arbitration-agreement"]
    assert warning.level is Level.WARNING and f"案卷编号{clause}已标记为已放弃" in chinese(warning.message)
    mark_agreement(library, number, clause, "", "")  # in force again
    with pytest.raises(PreflightError):
        build(library, number, Venue.COURT)
    assert [e["details"]["fields"]["agreement_status"] for e in entries(library, number, "exhibit-update")] == [
        "waived",
        "",
    ]


def test_a_withdrawn_agreement_does_not_stand_in_the_way(library, with_clause):
    number, clause, _photo = with_clause
    with library.edit(number) as writer:
        writer.withdraw(clause, "不是本案合同")
    build(library, number, Venue.COURT)


@pytest.mark.parametrize(
    "status, reason, which, problem",
    [
        ("invalid", "", "clause", "say why"),
        ("void", "理由", "clause", "unknown agreement status"),
        ("invalid", "理由", "photo", "not an arbitration agreement"),
    ],
)
def test_marks_that_are_refused(library, with_clause, status, reason, which, problem):
    number, clause, photo = with_clause
    with pytest.raises(InvalidValueError) as refused:
        mark_agreement(library, number, clause if which == "clause" else photo, status, reason)
    assert problem in str(refused.value)
    assert isinstance(refused.value, CaseFileError) and refused.value.message.template  # a translatable Message
    assert entries(library, number, "exhibit-update") == []


def test_the_command_refuses_without_a_reason(library, with_clause, capsys):
    number, clause, _photo = with_clause
    code = main(["--library", str(library.root), "exhibit", number, str(clause), "--agreement", "waived"])
    assert code == 2 and "say why" in capsys.readouterr().err
    assert entries(library, number, "exhibit-update") == []


def test_records_written_before_the_mark_existed_read_as_in_force(library, with_clause):
    number, clause, _photo = with_clause
    exhibit = library.load_case(number).exhibit(clause)
    data = to_data(exhibit)
    assert "agreement_status" not in data and "agreement_reason" not in data  # old records stay as they were
    again = from_data(Exhibit, data)
    assert again.agreement_status == "" and in_force(again)
