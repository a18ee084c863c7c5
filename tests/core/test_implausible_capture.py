"""A time a file's container states that cannot be when it was made (a software default such as 2000-01-01, or
years before the case) is not printed as its 形成时间 unmarked: the packet falls back as the capture-time rule
does and says in 备注 what the file stated, to be checked; the stored record stays as it was."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pikepdf
from preflight_cases import CST, exhibit

from casefile.core import metadata
from casefile.core.bundle.parts import annex_time, capture_text, separator_rows
from casefile.core.model import EvidenceKind, ExhibitMetadata

DEFAULT = datetime(2000, 1, 1, tzinfo=UTC)  # printed 2000-01-01 08:00:00 (北京时间)
MODIFIED = datetime(2026, 11, 16, 14, 3, tzinfo=CST)


def _invoice(**fields: object):
    values: dict[str, object] = {
        "title": "电子发票",
        "original_name": "电子发票.pdf",
        "mime": "application/pdf",
        "captured_at": DEFAULT,
        "captured_at_source": "container",
        "file_modified_at": MODIFIED,
        "metadata": ExhibitMetadata(pages=1, pdf_created=DEFAULT.isoformat()),
        **fields,
    }
    return exhibit(5, EvidenceKind.RECEIPT, **values)


def _rows(e, since=None) -> dict[str, str]:
    return dict(separator_rows(e, since=since))


def test_a_default_creation_date_is_not_the_time_the_pdf_was_made():
    e = _invoice()
    rows = _rows(e)
    assert "2000-01-01" not in rows["形成/拍摄时间"]
    assert rows["形成/拍摄时间"].startswith("2026-11-16 14:03:00") and "文件修改时间" in rows["形成/拍摄时间"]
    assert "2000-01-01 08:00:00" in rows["备注"] and "默认" in rows["备注"] and "请核实" in rows["备注"]
    assert "2000-01-01" not in annex_time(e) and "文件修改时间" in annex_time(e)
    assert e.captured_at == DEFAULT  # the record is not changed: only how it is shown


def test_with_nothing_to_fall_back_on_the_time_is_unknown_and_marked():
    e = _invoice(file_modified_at=None)
    rows = _rows(e)
    assert rows["形成/拍摄时间"] == "未知" and "请核实" in rows["备注"]
    assert annex_time(e) == "—（请核实）"


def test_a_creation_date_years_before_the_case_is_marked():
    e = _invoice(captured_at=datetime(2019, 3, 5, 10, 0, tzinfo=CST))
    since = datetime(2026, 11, 16, 9, 0, tzinfo=CST)
    rows = _rows(e, since)
    assert "早于本案事实发生时间数年" in rows["备注"] and "2019-03-05" not in rows["形成/拍摄时间"]
    # Within two years of the case it stands: a contract signed a year before is nothing strange.
    e = _invoice(captured_at=since - timedelta(days=300))
    assert "备注" not in _rows(e, since) and "依据：文件内部记录的形成时间" in capture_text(e, since)


def test_a_plausible_creation_date_is_printed_as_before():
    e = _invoice(captured_at=datetime(2026, 11, 16, 14, 2, tzinfo=CST))
    assert capture_text(e) == "2026-11-16 14:02:00 (北京时间)（依据：文件内部记录的形成时间）"
    assert "备注" not in _rows(e)
    # A time checked and set by hand is the user's: shown as set.
    e = _invoice(captured_at_source="user")
    assert "2000-01-01" in capture_text(e) and "备注" not in _rows(e)


def test_a_new_pdf_with_a_default_creation_date_falls_back_when_added(tmp_path: Path):
    path = tmp_path / "发票.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/CreationDate"] = "D:20000101000000Z"
    pdf.save(path)
    added = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    result = metadata.extract(
        path, "application/pdf", original_name="发票.pdf", file_modified_at=MODIFIED, added_at=added
    )
    assert result.captured_at == MODIFIED and result.captured_at_source == metadata.SOURCE_FILE_MTIME
    assert result.metadata.pdf_created  # what the file said is kept
    e = _invoice(captured_at=result.captured_at, captured_at_source=result.captured_at_source, metadata=result.metadata)
    assert "系软件常见的默认时间" in _rows(e)["备注"]


def test_default_stamps():
    assert metadata.default_stamp(datetime(2000, 1, 1, tzinfo=UTC))
    assert metadata.default_stamp(datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=8))))
    assert metadata.default_stamp(datetime(1980, 1, 1, tzinfo=UTC))
    assert metadata.default_stamp(datetime(1970, 1, 1, 8, tzinfo=timezone(timedelta(hours=8))))
    assert not metadata.default_stamp(datetime(2000, 1, 1, 9, 30, tzinfo=UTC))
    assert not metadata.default_stamp(datetime(2026, 1, 1, tzinfo=UTC))


def test_the_fallback_is_the_file_names_time_first():
    named = datetime(2026, 11, 16, 14, 1, tzinfo=CST)
    e = _invoice(metadata=dataclasses.replace(ExhibitMetadata(), file_name_time=named.isoformat()))
    assert capture_text(e).startswith("2026-11-16 14:01:00（设备本地时间") and "文件名中的时间" in capture_text(e)
