"""Tables as an Excel workbook (.xlsx): a case list, a review's tables; each sheet a header row, text and numbers.

Office Open XML (ECMA-376) written directly: a workbook holds five small XML parts and one per sheet,
and writing them is shorter than carrying a spreadsheet library for it. Strings are inline (no shared
string table); numbers stay numbers, shown in a number format where one is given (:class:`Number`: a
rate as a percentage, money in yuan); characters XML cannot hold (C0 controls) are dropped. The file is
written to a temporary name beside the target and renamed into place, so a failed export leaves no
half-written workbook.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

#: The number formats a :class:`Number` may be shown in, by name: (the format code, its style's index).
FORMATS: dict[str, str] = {
    "percent": "0.0%",  # a rate stored as a fraction: 0.857 shows 85.7%
    "points": '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"',  # a change in a rate, in percentage points
    "yuan": '"¥"#,##0.00',
    "yuan-change": '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00',
    "decimal": "0.0",
    "decimal-change": "+0.0;-0.0;0.0",
    "count-change": "+0;-0;0",
}
_STYLE = {name: i for i, name in enumerate(FORMATS, 1)}  # cellXfs index; 0 is the default (General)


@dataclass(frozen=True)
class Number:
    """A number shown in one of :data:`FORMATS` (the value stays the number itself: sums and charts work)."""

    value: int | float | Decimal
    format: str

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"not a number format of the workbook: {self.format!r}")


Cell = str | int | float | Decimal | Number | None

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheets}</Types>"
    )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def _workbook_rels(count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{i}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    styles = (
        f'<Relationship Id="rId{count + 1}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{sheets}{styles}</Relationships>"
    )


def _styles() -> str:
    """The number formats of :data:`FORMATS` (custom formats from id 164) and a cell style for each."""
    formats = "".join(
        f'<numFmt numFmtId="{163 + i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
        for i, code in enumerate(FORMATS.values(), 1)
    )
    xfs = "".join(
        f'<xf numFmtId="{163 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i in range(1, len(FORMATS) + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(FORMATS)}">{formats}</numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(FORMATS) + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>{xfs}'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _workbook(names: Sequence[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(_sheet_name(name), {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets>"
        "</workbook>"
    )


def _sheet_name(name: str) -> str:
    """At most 31 characters and none of : \\ / ? * [ ] (Excel refuses a workbook otherwise)."""
    return re.sub(r"[:\\/?*\[\]]", " ", _text(name))[:31] or "Sheet"


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def column_name(index: int) -> str:
    """A, B, … Z, AA, AB … for the 0-based column ``index``."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _cell(ref: str, value: Cell) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, Number):
        return f'<c r="{ref}" s="{_STYLE[value.format]}"><v>{value.value}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(_text(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _sheet(header: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int]) -> Iterable[str]:
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
    )
    if widths:
        yield (
            "<cols>"
            + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
            + "</cols>"
        )
    yield "<sheetData>"
    for r, row in enumerate([list(header), *rows], 1):
        cells = "".join(_cell(f"{column_name(c)}{r}", v) for c, v in enumerate(row))
        yield f'<row r="{r}">{cells}</row>'
    yield "</sheetData></worksheet>"


@dataclass(frozen=True)
class Sheet:
    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]
    widths: Sequence[int] = ()


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    sheet: str = "Sheet1",
    widths: Sequence[int] = (),
) -> None:
    """Write ``rows`` under ``header`` as a one-sheet workbook at ``path`` (replaced whole, or left as it was)."""
    write_workbook(path, [Sheet(sheet, header, rows, widths)])


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` (names unique) as one workbook at ``path`` (replaced whole, or left as it was)."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=".cf-tmp-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", _content_types(len(sheets)))
            z.writestr("_rels/.rels", _ROOT_RELS)
            z.writestr("xl/workbook.xml", _workbook([s.name for s in sheets]))
            z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
            z.writestr("xl/styles.xml", _styles())
            for i, s in enumerate(sheets, 1):
                z.writestr(f"xl/worksheets/sheet{i}.xml", "".join(_sheet(s.header, s.rows, s.widths)))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
