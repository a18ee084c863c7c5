"""Chinese typography of the packets: embedded fonts, a serif for running text, line breaking,
full-width punctuation.

Line breaking (GB/T 15834 and common Chinese typesetting): no line starts with closing or
pausing punctuation (，。）》…), none ends with an opening bracket or quote (（《“), and
numbers, IDs, waybill numbers, hashes and URLs are not split unless longer than a line.
"""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest
from bundle_pages import build, layout, mixed_case, page_texts
from casefile_testing import need

from casefile.core.bundle.context import Venue
from casefile.core.bundle.pdfkit import (
    NO_LINE_END,
    NO_LINE_START,
    SANS,
    SERIF,
    CjkParagraph,
    CommandBlock,
    fullwidth_punctuation,
    styles,
    wrap_text,
)
from casefile.core.evidence import AddOptions, add_files
from casefile.core.model import case_from_data, case_to_data

TOKENS = ["110105199001011234", "13812345678", "SF1234567890123", "TB2026112000001", "6bfdabd4c33d1122"]
HASH = "6bfdabd4c33d11283c147acccc574e770bbe6fbdbc3d4da968ba7b606ecc2f"
URL = "https://www.example.com/path/to/order?id=123&x=y"
PIECES = [
    "的",
    "收到",
    "手机",
    "屏幕",
    "碎裂",
    "，",
    "。",
    "、",
    "：",
    "；",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "…",
    *TOKENS,
]


def broken_rules(lines: list[str]) -> list[str]:
    bad = [f"starts with {line[0]!r}: {line}" for line in lines[1:] if line and line[0] in NO_LINE_START]
    bad += [f"ends with {line[-1]!r}: {line}" for line in lines[:-1] if line and line[-1] in NO_LINE_END]
    return bad


def random_text(rng: random.Random, pieces: int) -> str:
    # Marks never come three in a row, as in real text (a line of nothing but marks may hang them).
    out: list[str] = []
    for _ in range(pieces):
        piece = rng.choice(PIECES)
        if (
            len(piece) == 1
            and piece in "，。、：；（）《》“”…"
            and len(out) >= 2
            and all(len(p) == 1 for p in out[-2:])
        ):
            piece = "字"
        out.append(piece)
    return "".join(out)


# --------------------------------------------------------------------------- line breaking


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("font", [SERIF, SANS])
def test_wrapped_lines_keep_the_chinese_rules(seed, font):
    rng = random.Random(seed)
    text = random_text(rng, 300)
    for width in (60, 97, 150, 233, 480):
        lines = wrap_text(text, 10.5, width, font)
        assert "".join(lines) == text.replace(" ", "")
        assert not broken_rules(lines), (width, broken_rules(lines))


def test_numbers_ids_waybills_hashes_and_urls_are_not_split():
    text = "原告身份证号码110105199001011234，手机13812345678，运单号SF1234567890123，"
    text += f"文件SHA-256值为{HASH}，订单页面{URL}见附件。"
    for width in (160, 200, 260, 320, 400):  # wider than each token but a hash or URL wider than some
        lines = wrap_text(text, 9, width, SERIF)
        joined = "\n".join(lines)
        for token in TOKENS[:3]:
            assert token in joined, (width, lines)
        if width >= 320:  # a hash fits a line of this width: it is kept whole
            assert HASH in joined, (width, lines)
    # A URL longer than the line breaks after a / ? & rather than anywhere.
    lines = wrap_text(URL, 9, 100, SERIF)
    assert all(line[-1] in "/?&=-_.,;:#@" for line in lines[:-1]), lines


def test_closing_marks_move_down_with_the_character_before_them():
    # At this width a line ends just before the full stop: the break moves one character back.
    text = "甲" * 9 + "。乙乙（丙）丁"
    lines = wrap_text(text, 10, 90, SERIF)
    assert lines[0] == "甲" * 8 and lines[1].startswith("甲。"), lines
    text = "甲" * 8 + "（乙）"
    lines = wrap_text(text, 10, 90, SERIF)
    assert lines[0] == "甲" * 8 and lines[1] == "（乙）", lines


def test_wrapping_stays_linear_on_a_long_line_of_one_token():
    import time

    text = "0123456789abcdef" * 60_000  # ~1 MB without a break opportunity
    start = time.perf_counter()
    lines = wrap_text(text, 9, 480)
    assert time.perf_counter() - start < 5
    assert "".join(lines) == text


@pytest.mark.parametrize("seed", range(6))
def test_paragraphs_keep_the_rules_too(seed):
    """CjkParagraph: one fragment, and several (fonts, <br/>)."""
    rng = random.Random(seed)
    style = styles()["body"]
    text = random_text(rng, 200)
    markup = text[:40] + f'<font name="{SANS}">' + text[40:90] + "</font><br/>" + text[90:]
    for source in (text, markup):
        para = CjkParagraph(source, style)
        para.wrap(170, 10_000)
        lines = []
        for line in para.blPara.lines:
            words = getattr(line, "words", None)
            lines.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
        assert "".join(lines) == text
        assert not broken_rules(lines), broken_rules(lines)


def _drawn_lines(para: CjkParagraph) -> list[str]:
    lines = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        lines.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
    return lines


def test_a_paragraph_split_at_a_page_break_keeps_the_spaces_its_lines_broke_at():
    """The rest of a paragraph on the next page is laid out again from its lines: the spaces its lines broke at
    are kept, so that "openssl x509 -in" is never printed "x509-in" (nor "h = SHA-256" as "h =SHA-256")."""
    text = (
        "输出 Verification: OK 只说明时间戳未被改动，不说明该根证书属于所载时间戳服务机构：请运行 openssl x509 -in "
        "timestamps/编号/ca.pem -noout -fingerprint -sha256，将得到的指纹与上表比对。"
        "再计算 h = SHA-256(0x00‖文件哈希)；兄弟在左则 h = SHA-256(0x01‖兄弟‖h)，"
        "在右则 h = SHA-256(0x01‖h‖兄弟)；最后得到的 h 应等于树根。"
    )
    style = styles()["indent"]
    leading = style.leading
    for width in range(150, 480, 7):
        for kept in (2, 3):
            para = CjkParagraph(text, style)
            para.wrap(width, 10_000)
            parts = para.split(width, kept * leading + 1)
            if len(parts) < 2:
                continue
            rest = parts[1]
            rest.wrap(width, 10_000)
            for line in _drawn_lines(rest):
                assert line.strip() in text, (width, kept, line)


def test_a_command_breaks_only_at_its_spaces_and_shrinks_rather_than_cut_a_word():
    """A command is printed to be typed: its lines, joined with one space, are the command, at any width; a word
    wider than the room (a 64-digit digest in a narrow cell) makes the type smaller, never cut."""
    from reportlab.pdfbase import pdfmetrics

    from casefile.core.bundle.pdfkit import MONO

    command = f"openssl ts -verify -digest {HASH}0b -in timestamps/0001/token.tsr -CAfile timestamps/0001/ca.pem"
    for width in range(250, 520, 11):
        block = CommandBlock(command)
        _w, height = block.wrap(width, 10_000)
        assert " ".join(block.lines) == command, width
        assert height == pytest.approx(len(block.lines) * block.font_size * 1.45)
        hang = 2 * pdfmetrics.stringWidth("0", MONO, block.font_size)  # a line after the first is indented
        widths = [
            pdfmetrics.stringWidth(line, MONO, block.font_size) + (hang if k else 0)
            for k, line in enumerate(block.lines)
        ]
        assert max(widths) <= width, width
    narrow = CommandBlock(command)
    narrow.wrap(300, 10_000)
    assert narrow.font_size < 9 and f"{HASH}0b" in narrow.lines


# --------------------------------------------------------------------------- full-width punctuation


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("我于2026年11月18日收到手机,开箱发现屏幕碎裂", "我于2026年11月18日收到手机，开箱发现屏幕碎裂"),
        ("联系电话:13812345678", "联系电话：13812345678"),
        ("时间:10:30", "时间：10:30"),
        ("原告张三(男)诉被告", "原告张三（男）诉被告"),
        ("(注:见附件)", "（注：见附件）"),
        ("请尽快处理!谢谢", "请尽快处理！谢谢"),
        ("是否已发货?", "是否已发货？"),
        ("商品 ; 运费", "商品；运费"),
        ("型号A1(国行) , 好!", "型号A1（国行），好！"),
        # Left alone: numbers, times, URLs, English.
        ("价格1,299.00元", "价格1,299.00元"),
        ("Hello, world (v2)", "Hello, world (v2)"),
        ("见 http://a.b/c?x=1,2", "见 http://a.b/c?x=1,2"),
        ("iPhone (A2849)", "iPhone (A2849)"),
    ],
)
def test_fullwidth_punctuation(typed, printed):
    assert fullwidth_punctuation(typed) == printed
    assert fullwidth_punctuation(printed) == printed


# --------------------------------------------------------------------------- the packet


@pytest.fixture
def packet(library, tmp_path) -> Path:
    number = mixed_case(library, tmp_path / "in")
    with library.edit(number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.facts = (
            "原告于2026年11月18日收到被告（某某数码旗舰店）发出的手机（型号A2849，运单号SF1234567890123），"
            "开箱发现屏幕碎裂。原告当即联系客服（电话400-800-1234），客服称“已登记”，但至今未处理。\n"
            # Paragraphs where, at any line length from 30 to 44 characters, a bracket falls at a line's end.
            + "\n".join("经" * k + "（见证据一）。" for k in range(26, 45))
        )
        for exhibit in changed.exhibits:
            exhibit.purpose = (
                f"证明被告（某某数码旗舰店）发出的商品（订单号TB2026112000001）在“签收前”即已损坏（{exhibit.title}）"
            )
        writer.update(changed)
    extra = tmp_path / "more"
    extra.mkdir()
    chat = "".join(
        f"2026-11-20 10:0{i}:00 客服（小王）：您好（工单号{TOKENS[i % 5]}），请提供《订单截图》。" for i in range(9)
    )
    (extra / "客服聊天.txt").write_text(chat * 3, "utf-8")
    list(add_files(library, number, [extra / "客服聊天.txt"], AddOptions(purpose="证明交涉经过")))
    return build(library, number, Venue.COURT, force=True).files[0]


def test_fonts_embedded_subset_and_extractable(packet):
    """Every font embedded and subset, with a ToUnicode map: the text extracts as written."""
    need("pdffonts")
    rows = subprocess.run(["pdffonts", str(packet)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    names = set()
    for row in rows:
        cols = row.split()
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert re.match(r"[A-Z]{6}\+", cols[0]), f"not a subset: {row}"
        names.add(cols[0].split("+", 1)[1])
    assert any("NotoSerif" in n for n in names) and any("WenQuanYi" in n for n in names), names
    text = "".join(page_texts(packet)).replace("\n", "")
    assert "开箱发现屏幕碎裂" in text and "某某数码旗舰店" in text and "SF1234567890123" in text


def test_running_text_in_the_serif_labels_and_stamps_in_the_sans(packet):
    """The statement of claim's page uses the serif for its text; every page's stamp the sans."""
    need("pdffonts")
    texts = page_texts(packet)
    complaint = next(i for i, t in enumerate(texts, start=1) if "诉讼请求" in t)
    rows = subprocess.run(
        ["pdffonts", "-f", str(complaint), "-l", str(complaint), str(packet)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "NotoSerifCJKsc" in rows and "WenQuanYiMicroHei" in rows
    for n in (1, len(texts)):
        rows = subprocess.run(
            ["pdffonts", "-f", str(n), "-l", str(n), str(packet)], capture_output=True, text=True, check=True
        ).stdout
        assert "WenQuanYiMicroHei" in rows


def _our_pages(packet: Path) -> list[int]:
    """Pages laid out by the packet's own code (evidence list, separators, text exhibits, annex),
    not the venue documents (documents.py) nor evidence files' own pages."""
    texts = page_texts(packet)
    first_list = next(i for i, t in enumerate(texts) if "证明目的" in t)
    return [
        i
        for i, t in enumerate(texts)
        if i >= first_list and "Receipt page" not in t and "本页系电子数据直接输出" not in t or "文本内容" in t
    ]


def test_no_line_breaks_against_the_rules_on_the_packets_own_pages(packet):
    """Evidence list, separators, text exhibits and annex, read back line by line."""
    pages = layout(packet)
    checked = 0
    for i in _our_pages(packet):
        lines = ["".join(w.text for w in line) for line in pages[i].lines]
        # Within a block (a table cell, a paragraph) line starts and ends are where we broke them.
        problems = [
            f"page {i + 1}: {line!r}"
            for line in lines
            if (line[0] in NO_LINE_START and len(line) > 1) or line[-1] in NO_LINE_END
        ]
        assert not problems, problems
        checked += len(lines)
    assert checked > 150


def test_no_line_breaks_against_the_rules_in_the_venue_documents(packet):
    pages = layout(packet)
    texts = page_texts(packet)
    last = next(i for i, t in enumerate(texts) if "证明目的" in t)
    problems = [
        f"page {i + 1}: {line!r}"
        for i in range(last)
        for line in ("".join(w.text for w in ln) for ln in pages[i].lines)
        if (line[0] in NO_LINE_START and len(line) > 1) or line[-1] in NO_LINE_END
    ]
    assert not problems, problems


def test_characters_the_serif_lacks_print_in_the_sans(tmp_path):
    """Hangul, Polish or Greek in a name: drawn from the sans, never as empty boxes."""
    from casefile.core.bundle.pdfkit import para, render_story

    need("pdffonts")
    path = tmp_path / "names.pdf"
    text = "原告：Łukasz Wałęsa（波兰籍），被告：김철수，地址：Łódź。Ελλάδα"
    render_story(path, [para(text)])
    assert page_texts(path)[0].strip() == text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJKsc" in fonts and "WenQuanYiMicroHei" in fonts
