"""The page stamps are written as content streams of their own, without a ReportLab page each:
they must be exactly what ReportLab's canvas draws for the same strings, lines and colours."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pikepdf
from reportlab.lib import colors

from casefile.core.bundle import parts
from casefile.core.bundle.imagepage import NOTE_SIZE
from casefile.core.bundle.parts import BANNER_SIZE, PageStamp, caption_lines, render_stamps
from casefile.core.bundle.pdfkit import (
    BINDING,
    CAPTION_LEADING,
    CAPTION_LINES,
    CAPTION_SIZE,
    FONT,
    OUTER,
    PAGE,
    PICTURE_TOP,
    STAMP_EDGE,
    STAMP_SIZE,
    new_canvas,
)

SHA = "ab" * 32


def canvas_stamps(path: Path, case_number: str, stamps: list[PageStamp]) -> None:
    """The stamps drawn with ReportLab's canvas, one page each (how they were laid out before)."""
    canvas = new_canvas(path)
    width, height = PAGE
    left, right = BINDING, width - OUTER
    for stamp in stamps:
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setFont(FONT, STAMP_SIZE)
        y = STAMP_EDGE + 2
        canvas.drawString(left, y, f"案件编号 {case_number}")
        middle = f"第 {stamp.number} 页 / 共 {stamp.total} 页"
        if stamp.document:
            middle = f"{stamp.document}　{middle}"
        if stamp.volumes > 1:
            middle += f"　第{stamp.volume}册/共{stamp.volumes}册"
        canvas.drawCentredString((left + right) / 2, y, middle)
        side = (
            f"证据{stamp.exhibit_label} 第{stamp.exhibit_page}/{stamp.exhibit_pages}页"
            if stamp.exhibit_label
            else stamp.section
        )
        canvas.drawRightString(right, y, side)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.4)
        canvas.line(left, y + STAMP_SIZE + 2, right, y + STAMP_SIZE + 2)
        lines = caption_lines(stamp)
        if lines:
            size = BANNER_SIZE if stamp.banner else CAPTION_SIZE
            canvas.setFont(FONT, size)
            top = height - STAMP_EDGE - size
            for k, line in enumerate(lines[:CAPTION_LINES]):
                canvas.drawString(left, top - k * CAPTION_LEADING, line)
        if stamp.note:
            canvas.setFont(FONT, NOTE_SIZE)
            canvas.drawString(left, height - PICTURE_TOP - NOTE_SIZE, stamp.note)
        canvas.showPage()
    canvas.save()


def every_kind_of_stamp() -> list[PageStamp]:
    many = "".join(chr(0x4E00 + 7 * i) for i in range(300))  # more characters than one font subset holds
    stamps = [
        PageStamp(1, 12, section="民事起诉状"),
        PageStamp(2, 12, section=""),
        PageStamp(3, 12, exhibit_label="3", exhibit_page=1, exhibit_pages=2, exhibit_sha256=SHA),
        PageStamp(
            4, 12, exhibit_label="3", exhibit_page=2, exhibit_pages=2, exhibit_sha256=SHA, original_sha256="cd" * 32
        ),
        PageStamp(
            5, 12, exhibit_label="4-1", exhibit_page=1, exhibit_pages=1, exhibit_sha256=SHA, printed_sha256="ef" * 32
        ),
        PageStamp(
            6,
            12,
            exhibit_label="5",
            exhibit_page=1,
            exhibit_pages=1,
            exhibit_sha256=SHA,
            note="原图尺寸较小，按原始大小输出",
        ),
        PageStamp(7, 12, section="办理指引", banner="本页为办理指引，不作为证据提交 (A) \\ 括号"),
        PageStamp(8, 12, section="证据目录", volume=2, volumes=3, document="证据文件"),
    ]
    stamps += [PageStamp(9 + k, 12, section=many[k * 100 : (k + 1) * 100]) for k in range(3)]
    return stamps


def content(pdf: pikepdf.Pdf) -> list[bytes]:
    return [page.obj.Contents.read_raw_bytes() for page in pdf.pages]


def test_each_stamp_is_byte_for_byte_what_the_canvas_draws(tmp_path: Path) -> None:
    stamps = every_kind_of_stamp()
    canvas_stamps(tmp_path / "canvas.pdf", "202611-001", stamps)
    streams = render_stamps(tmp_path / "fonts.pdf", "202611-001", stamps)
    with pikepdf.open(tmp_path / "canvas.pdf") as drawn, pikepdf.open(tmp_path / "fonts.pdf") as fonts:
        assert streams == content(drawn)  # compressed as ReportLab compresses them, too
        assert len(fonts.pages) == 1
        named = set(fonts.pages[0].obj.Resources.Font.keys())
        used = {name.decode() for data in streams for name in re.findall(rb"(/F\d+\+\d+) ", zlib.decompress(data))}
        assert len(used) >= 2  # the test reaches a second font subset
        assert used <= named
        # The subsets are the same: the same characters in the same places.
        for name in used:
            ours, theirs = fonts.pages[0].obj.Resources.Font[name], drawn.pages[0].obj.Resources.Font[name]
            assert ours.Widths == theirs.Widths
            assert ours.FontDescriptor.FontFile2.read_bytes() == theirs.FontDescriptor.FontFile2.read_bytes()


def test_a_stamp_sheet_lays_out_no_page_per_stamp(tmp_path: Path, monkeypatch) -> None:
    """Laying out 50 stamps makes one page (the fonts'), not 50."""
    shown = [0]
    real = parts.new_canvas

    def counted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        canvas = real(*args, **kwargs)  # type: ignore[arg-type]
        show = canvas.showPage

        def count() -> None:
            shown[0] += 1
            show()

        canvas.showPage = count
        return canvas

    monkeypatch.setattr(parts, "new_canvas", counted)
    streams = render_stamps(
        tmp_path / "fonts.pdf", "202611-001", [PageStamp(n, 50, section="证据") for n in range(1, 51)]
    )
    assert len(streams) == 50
    assert shown[0] == 1


def test_a_line_of_text_is_what_the_canvas_draws_in_either_font(tmp_path: Path) -> None:
    """Separators draw their text through the same writer: any font, size and alignment, and
    characters the serif lacks (drawn in the sans, with its own subsets)."""
    from casefile.core.bundle.parts import _CanvasText
    from casefile.core.bundle.pdfkit import SANS, SERIF

    many = "".join(chr(0x4E00 + 11 * i) for i in range(300))
    lines = [
        (SANS, 26.0, "证据12", 0.5),
        (SANS, 11.0, "（案卷编号3）", 0.5),
        (SERIF, 10.0, "收货地址：서울 강남구 某某路 12 号 (A) \\", 0.0),  # Hangul: not in the serif
        (SERIF, 10.0, many[:150] + "한국" + many[150:], 0.0),
        (SANS, 9.0, "", 1.0),
        (SANS, 8.5, "二维码内容：案件编号、证据序号", 1.0),
    ]
    drawn = new_canvas(tmp_path / "drawn.pdf")
    for font, size, text, align in lines:
        drawn.setFont(font, size)
        draw = {0.0: drawn.drawString, 0.5: drawn.drawCentredString, 1.0: drawn.drawRightString}[align]
        draw(300.0, 400.0, text)
    drawn.showPage()
    drawn.save()
    ours = new_canvas(tmp_path / "ours.pdf")
    writer = _CanvasText(ours)
    for font, size, text, align in lines:
        ours.addLiteral(writer.line(300.0, 400.0, size, text, font=font, align=align))
    ours.showPage()
    ours.save()
    with pikepdf.open(tmp_path / "drawn.pdf") as a, pikepdf.open(tmp_path / "ours.pdf") as b:
        assert content(b) == content(a)
        assert set(b.pages[0].obj.Resources.Font.keys()) == set(a.pages[0].obj.Resources.Font.keys())
        assert len(a.pages[0].obj.Resources.Font.keys()) >= 3  # both fonts, and a second subset of one
