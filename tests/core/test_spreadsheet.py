"""The case list as an Excel workbook: a valid package, the cells as given, nothing half-written."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest

from casefile.core.spreadsheet import column_name, write_xlsx

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def cells(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as z:
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= set(
            z.namelist()
        )
        for name in z.namelist():
            ElementTree.fromstring(z.read(name))  # every part is well-formed XML
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iterfind(".//m:row", NS):
        values = []
        for c in row.iterfind("m:c", NS):
            text = c.find("m:is/m:t", NS)
            values.append((text.text or "") if text is not None else c.findtext("m:v", "", NS))
        rows.append(values)
    return rows


def test_a_workbook_of_the_rows_given(tmp_path: Path) -> None:
    path = tmp_path / "案件.xlsx"
    write_xlsx(
        path,
        ["编号", "标题", "金额"],
        [["202611-001", "手机<屏幕>碎裂 & 退款", Decimal("1299.00")], ["202611-002", "控制\x07字符", 3]],
        sheet="案件列表",
    )
    assert cells(path) == [
        ["编号", "标题", "金额"],
        ["202611-001", "手机<屏幕>碎裂 & 退款", "1299.00"],
        ["202611-002", "控制字符", "3"],
    ]
    with zipfile.ZipFile(path) as z:
        assert 'name="案件列表"' in z.read("xl/workbook.xml").decode()


def test_column_names() -> None:
    assert [column_name(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_a_failed_export_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"old")

    def rows():
        yield ["1"]
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_xlsx(path, ["a"], rows())
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.xlsx"]
