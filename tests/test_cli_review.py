"""``casefile review``: the PDF shows the period's figures, and its tables open as a workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from casefile_testing import run_tool
from review_library import make_review_library

from casefile.cli import main
from casefile.core.library import Library


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    with Library.open(root, "测试员") as library:
        make_review_library(library, tmp_path)
    return root


def review(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["--library", str(root), "review", "--from", "2026-11-01", "--to", "2026-11-30", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_shows_the_figures(reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx = tmp_path / "复盘.pdf", tmp_path / "复盘.xlsx"
    code, out, err = review(capsys, reviewed, "--by", "type", "-o", str(pdf), "--xlsx", str(xlsx))
    assert code == 0, err
    assert "4 received, 4 closed" in out
    text = run_tool("pdftotext", "-layout", str(pdf), "-").stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "2026年11月01日 至 2026年11月30日（30 天）" in text
    assert "受理（件） 4 1 +3" in lines
    assert "处理时长中位数（自然日） 11.5 — —" in lines
    assert "处理时长第90百分位（工作日） 13.0 — —" in lines
    assert "响应承诺达成率 50.0% 100.0% -50.0个百分点" in lines
    assert "追偿收回 ¥50.00 ¥0.00 +¥50.00" in lines
    assert any(line.startswith("产品质量 2 2 100.0% 8.0 13.0") for line in lines)  # the group table
    assert "受理量：本期与上期" in text

    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[:2] == ["总览", "升级漏斗"]
    overview = {row[0]: row[1:] for row in book["总览"].iter_rows(min_row=2, values_only=True)}
    assert overview["受理（件）"] == (4, 1, 3)
    assert overview["处理时长中位数（自然日）"] == (11.5, "—", "—")  # as the PDF: none is a dash
    assert overview["响应承诺达成率"] == (0.5, 1, -50)
    assert overview["已支付赔偿"] == (100, 0, 100)
    assert overview["向快递企业索赔的案件（件）"] == (1, 0, 1)
    # The sheet reads as the PDF does: rates as percentages, their change in percentage points, money in yuan.
    formats = {row[0].value: [c.number_format for c in row[1:]] for row in book["总览"].iter_rows(min_row=2)}
    assert formats["响应承诺达成率"] == ["0.0%", "0.0%", '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"']
    assert formats["已支付赔偿"] == ['"¥"#,##0.00', '"¥"#,##0.00', '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00']
    assert formats["处理时长中位数（自然日）"][0] == "0.0"
    assert formats["受理（件）"] == ["General", "General", "+0;-0;0"]
    groups = list(book["按类型分组"].iter_rows(values_only=True))
    assert groups[0][:3] == ("类型", "受理", "结案")
    assert groups[1][:5] == ("产品质量", 2, 2, 1, 8)
    assert [c.number_format for c in next(book["按类型分组"].iter_rows(min_row=2))][3] == "0.0%"


def test_a_date_that_is_not_one_is_refused(reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--library", str(reviewed), "review", "--from", "1 Nov", "--to", "2026-11-30", "-o", str(tmp_path / "r.pdf")]
    )
    assert code == 2
    assert "--from" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_the_workbook_says_its_period_and_the_one_compared_with_on_its_first_sheet(
    reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renamed or sent on, the workbook still says what its figures cover, as the PDF's first lines do."""
    pdf, xlsx = tmp_path / "复盘.pdf", tmp_path / "改名.xlsx"
    code, _out, err = review(capsys, reviewed, "--by", "type", "-o", str(pdf), "--xlsx", str(xlsx))
    assert code == 0, err
    book = openpyxl.load_workbook(xlsx)
    first = book[book.sheetnames[0]]
    assert first.title == "总览"
    rows = {row[0]: row[1:] for row in first.iter_rows(min_row=2, values_only=True)}
    assert rows["统计期间"][:2] == (
        "2026年11月01日 至 2026年11月30日（30 天）",
        "2026年10月02日 至 2026年10月31日（30 天）",
    )
    assert rows["统计时间"][0].startswith("20")
    assert rows["分组"][0] == "按类型"


def test_the_rates_chart_has_no_bar_and_says_a_dash_where_nothing_was_due() -> None:
    """A rate with nothing due (None) is not drawn as 0%: the screen and the tables say "—", so does the chart."""
    from matplotlib.figure import Figure

    from casefile.core.review.report import _paired_bars

    ax = Figure().subplots()
    _paired_bars(ax, ["响应承诺达成", "解决率"], [None, 50.0], [None, None], percent=True)
    labels = [t.get_text() for t in ax.texts]
    assert labels[0].strip().startswith("—") and "0%" not in labels[0]
    assert labels[1].strip() == "50%"
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == [0, 50.0, 0, 0]
