"""A bundle's cost grows with its exhibits, not with their square: operations counted, never timed.

- the stamp of every page finds its exhibit page without scanning or comparing other parts;
- text exhibits are laid out many to a PDF: the files made, the files opened when the bundle is
  assembled and the font subsets in the bundle do not grow with the number of text exhibits;
- the assembly holds one file of pages and one stamp sheet at a time, not every file until the save;
- the text of an evidence PDF's pages is read in one call a page, not one a character.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from casefile_testing import filed_case

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle import builder as builder_module
from casefile.core.bundle.builder import _Part, _Sheets, _stamps
from casefile.core.bundle.context import ExhibitEntry
from casefile.core.bundle.pdfkit import TextLines, para, render_stories, render_story, styles
from casefile.core.disclosure import redact
from casefile.core.disclosure.masking import normalise
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")


def _entry(number: int) -> ExhibitEntry:
    from casefile.core.model import EvidenceKind, Exhibit

    exhibit = Exhibit(
        number=number,
        title=f"聊天记录{number}",
        kind=EvidenceKind.CHAT,
        original_name=f"chat-{number}.txt",
        stored_path=f"evidence/{number:03d}-chat.txt",
        size=10,
        sha256="0" * 64,
        added_at=None,  # type: ignore[arg-type]
        added_by="测试员",
    )
    return ExhibitEntry(exhibit=exhibit, label=str(number))


def test_stamps_find_each_page_of_an_exhibit_without_comparing_parts(monkeypatch):
    comparisons = [0]

    def counted(self: object, other: object) -> bool:
        comparisons[0] += 1
        return self is other

    monkeypatch.setattr(_Part, "__eq__", counted)
    groups = []
    for n in range(1, 301):
        entry = _entry(n)
        groups.append(
            [
                _Part(Path("separators.pdf"), 1, entry=entry, first_of_exhibit=True),
                _Part(Path("sheets-0.pdf"), 2, entry=entry, content=True),
                _Part(Path("sheets-0.pdf"), 1, entry=entry, content=True),
            ]
        )
    stamps = _stamps([[p for g in groups for p in g]], groups)
    assert comparisons[0] == 0  # was one dataclass comparison per part before it, for every page
    assert len(stamps) == 300 * 4
    assert [(s.exhibit_page, s.exhibit_pages) for s in stamps[:4]] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert stamps[-1].exhibit_label == "300"


def _story(lines: int) -> list:
    style = styles()["mono"]
    return [
        para("证据 文本内容", "h2"),
        TextLines([f"第{i}行 line {i}" for i in range(lines)], style.fontSize, style.leading),
    ]


def test_stories_laid_out_together_keep_their_own_pages(tmp_path):
    sizes = [1, 30, 57, 58, 59, 60, 61, 62, 120, 3]  # around a full page, where a page break could slip
    alone = [render_story(tmp_path / f"alone-{i}.pdf", _story(n)) for i, n in enumerate(sizes)]
    assert render_stories(tmp_path / "together.pdf", [_story(n) for n in sizes]) == alone


def _text_case(library: Library, tmp_path: Path, count: int) -> str:
    case = filed_case(library)
    folder = tmp_path / f"texts-{count}"
    folder.mkdir()
    for i in range(count):
        (folder / f"chat-{i:03d}.txt").write_text(f"2026-11-20 10:{i:02d} 客服：您好，订单{i}已发货。\n" * 3, "utf-8")
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明交涉经过")))
    return case.number


def _build_counting(library: Library, number: str, monkeypatch: pytest.MonkeyPatch) -> tuple[BundleResult, dict]:
    counts = {"exhibit files": 0, "sheets": 0, "opened": 0}
    real_story, real_stories, real_open = builder_module.render_story, builder_module.render_stories, pikepdf.open

    def story(path: Path, *args: object, **kwargs: object) -> int:
        counts["exhibit files"] += path.name.startswith("exhibit-")
        return real_story(path, *args, **kwargs)  # type: ignore[arg-type]

    def stories(path: Path, *args: object, **kwargs: object) -> list[int]:
        counts["sheets"] += path.name.startswith("sheets-")  # the documents share a file each way too
        return real_stories(path, *args, **kwargs)  # type: ignore[arg-type]

    def opened(*args: object, **kwargs: object) -> pikepdf.Pdf:
        counts["opened"] += 1
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder_module, "render_story", story)
    monkeypatch.setattr(builder_module, "render_stories", stories)
    monkeypatch.setattr(builder_module.pikepdf, "open", opened)
    items = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))
    monkeypatch.undo()
    result = items[-1]
    assert isinstance(result, BundleResult)
    return result, counts


def _font_files(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(1 for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj)


def test_text_exhibits_share_files_and_fonts_whatever_their_number(library, tmp_path, monkeypatch):
    monkeypatch.setattr(_Sheets, "STORIES", 8)  # several batches even in a small case
    few, few_counts = _build_counting(library, _text_case(library, tmp_path, 4), monkeypatch)
    monkeypatch.setattr(_Sheets, "STORIES", 8)
    many, many_counts = _build_counting(library, _text_case(library, tmp_path, 20), monkeypatch)
    assert few_counts["exhibit files"] == many_counts["exhibit files"] == 0  # was one PDF per text exhibit
    assert (few_counts["sheets"], many_counts["sheets"]) == (1, 3)  # one file per batch of 8
    # Files opened to assemble the bundle: the documents, the separators and one per batch, not one per exhibit.
    assert many_counts["opened"] - few_counts["opened"] == 2
    # One subset of each font per batch, not one per exhibit.
    assert _font_files(many.files[0]) - _font_files(few.files[0]) <= 2 * 2
    assert many.pages > few.pages


def test_pdf_text_is_read_a_page_at_a_time(tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "statement.pdf"
    canvas = Canvas(str(path))
    for page in range(3):
        for line in range(40):
            canvas.drawString(40, 800 - 18 * line, f"Page {page} line {line}: call 13812345678 or write to a@b.cn")
        canvas.showPage()
    canvas.save()
    import pypdfium2.raw as raw

    calls = [0]
    real = raw.FPDFText_GetUnicode

    def counted(*args: object) -> int:
        calls[0] += 1
        return int(real(*args))

    monkeypatch.setattr(raw, "FPDFText_GetUnicode", counted)
    found = redact.suggest_boxes(path)
    assert len(found) == 3 * 40 * 2  # a phone number and an e-mail address on every line
    # Only the line ends pdfium makes up are read one by one (was every character: ~9,000).
    assert calls[0] <= 3 * 40 * 2


def test_page_characters_match_those_read_one_by_one(tmp_path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.bundle.pdfkit import FONT, register_fonts

    register_fonts()
    path = tmp_path / "mixed.pdf"
    canvas = Canvas(str(path))
    canvas.setFont(FONT, 12)
    canvas.drawString(40, 800, "张三 电话１３８１２３４５６７８，地址：上海市徐汇区某路8号 ﬁ soft\u00adhyphen 𠀀")
    canvas.drawString(40, 780, "tab\tand controls")
    canvas.showPage()
    canvas.save()
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[0]
        text = page.get_textpage()
        count = text.count_chars()
        one_by_one = "".join(redact._char(raw.FPDFText_GetUnicode(text.raw, i)) for i in range(count))
        assert redact._page_chars(raw, text, count) == one_by_one
        text.close()
        page.close()
    finally:
        doc.close()


def _normalise_one_by_one(text: str) -> tuple[str, list[int]]:
    import unicodedata

    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch:
            out.append(piece)
            origin.append(i)
    return "".join(out), origin


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii 13812345678",
        "电话１３８１２３４５６７８（手机）",
        "ﬁ①㈱\u3000é\u0301",
        "上海市徐汇区某路8号" * 50,
    ],
)
def test_normalising_keeps_every_character_origin(text):
    assert normalise(text) == _normalise_one_by_one(text)


def test_separators_and_texts_pages_are_where_the_list_says(library, tmp_path):
    number = _text_case(library, tmp_path, 3)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(result.files[0]).pages]
    for label in ("1", "2", "3"):
        shown = [i for i, text in enumerate(pages) if re.search(f"证据{label}\\s*文本内容", text)]
        assert len(shown) == 1, label
        assert "订单" in pages[shown[0]]


@pytest.mark.parametrize(
    "text",
    ["abc你好<br/>def", "0" * 32 + "<br/>" + "f" * 32, "<br/>一行<br/><br/>" + "很长的一行文字" * 12, "末尾<br/>"],
)
def test_lines_broken_only_by_br_are_laid_out_as_one_font_text(text, monkeypatch):
    from reportlab.platypus import paragraph

    from casefile.core.bundle.pdfkit import CjkParagraph

    slow = CjkParagraph(text, styles()["small"])
    slow_lines = slow._break_frags(slow.frags, [80.0, 80.0])
    made = [0]
    real = paragraph.makeCJKParaLine

    def counted(*args: object) -> object:
        made[0] += 1
        return real(*args)

    monkeypatch.setattr("casefile.core.bundle.pdfkit.makeCJKParaLine", counted)
    fast = CjkParagraph(text, styles()["small"])
    fast.wrap(80.0, 1000.0)
    assert made[0] == 0  # no line made of one fragment per character
    assert [words[0] for _room, words in fast.blPara.lines] == [
        "".join(w.text for w in line.words) for line in slow_lines.lines
    ]
    assert fast.height == len(slow_lines.lines) * styles()["small"].leading


def test_text_without_a_place_ending_is_not_searched_for_addresses(monkeypatch):
    import re as re_module

    from casefile.core.disclosure import masking

    endings = re_module.search(r"\(\?:([^)]*)\)$", masking._PLACE)
    assert endings is not None
    assert all(masking._PLACE_END.search(word[-1]) for word in endings.group(1).split("|"))

    searched = []

    class Counting:
        def finditer(self, text: str):
            searched.append(text)
            return masking_address.finditer(text)

    masking_address = masking._ADDRESS
    monkeypatch.setattr(masking, "_ADDRESS", Counting())
    page = "Statement line 12: paid 1299.00 to account 0042, reference ABC-778. " * 50
    assert masking.find_personal(page) == []
    assert searched == []
    found = masking.find_personal("寄到上海市徐汇区某路8号，电话13812345678")
    assert len(searched) == 1
    assert {s.kind for s in found} == {masking.Kind.ADDRESS, masking.Kind.MOBILE}


def test_assembly_appends_pages_without_the_page_list(library, tmp_path, monkeypatch):
    page_list = type(pikepdf.new().pages)
    calls = {"append": 0, "insert": 0, "extend": 0}
    for name in calls:
        real = getattr(page_list, name)

        def counted(self: object, *args: object, _name: str = name, _real: object = real) -> object:
            calls[_name] += 1
            return _real(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(page_list, name, counted)
    number = _text_case(library, tmp_path, 6)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    # pikepdf's page list looks through every page already there on each append: never used while assembling.
    assert calls == {"append": 0, "insert": 0, "extend": 0}
    with pikepdf.open(result.files[0]) as pdf:
        assert len(pdf.pages) == result.pages
        assert all("/MediaBox" in page.obj and "/Resources" in page.obj for page in pdf.pages)


def test_pages_keep_what_they_inherited_in_their_own_file(tmp_path):
    source = pikepdf.new()
    source.add_blank_page(page_size=(200, 300))
    page = source.pages[0].obj
    del page["/MediaBox"]
    source.Root.Pages.MediaBox = pikepdf.Array([0, 0, 210, 297])
    source.Root.Pages.Rotate = 90
    source.save(tmp_path / "inherits.pdf")
    out = pikepdf.new()
    with pikepdf.open(tmp_path / "inherits.pdf") as opened:
        tree = builder_module._PageTree(out)
        tree.add(opened.pages[0])
        tree.add_blank((595, 842))
        tree.finish()
        out.save(tmp_path / "out.pdf")
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert [list(map(float, p.mediabox)) for p in pdf.pages] == [[0, 0, 210, 297], [0, 0, 595, 842]]
        assert pdf.pages[0].obj.Rotate == 90


def test_stamps_leave_page_contents_as_they_are(library, tmp_path, monkeypatch):
    joined = [0]
    real = pikepdf.Page.contents_coalesce

    def counted(self: pikepdf.Page) -> None:
        joined[0] += 1
        real(self)

    monkeypatch.setattr(pikepdf.Page, "contents_coalesce", counted)
    number = _text_case(library, tmp_path, 5)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    # Page.add_overlay joins every page's contents into one stream held in memory until the save.
    assert joined[0] == 0
    with pikepdf.open(result.files[0]) as pdf:
        shared = {tuple(page.obj.Contents[k].objgen for k in (0, -2)) for page in pdf.pages}
        assert len(shared) == 1  # one "q" and one "Q" for every page


def test_a_long_table_lays_out_each_cell_once_whatever_its_pages(tmp_path, monkeypatch):
    """A table split over many pages (the evidence list of thousands of exhibits) wraps each cell
    once, not once more for every piece it is split into at a page break."""
    from casefile.core.bundle.pdfkit import CjkParagraph, grid

    broken = [0]
    real = CjkParagraph.breakLinesCJK

    def counted(self: CjkParagraph, widths: object) -> object:
        broken[0] += 1
        return real(self, widths)

    monkeypatch.setattr(CjkParagraph, "breakLinesCJK", counted)
    s = styles()
    rows = [[CjkParagraph("序号", s["th_small"]), CjkParagraph("证据名称", s["th_small"])]]
    rows += [
        [CjkParagraph(str(n), s["small"]), CjkParagraph(f"聊天记录{n}<br/>第二行", s["small"])] for n in range(600)
    ]
    cells = 2 * len(rows)
    pages = render_story(tmp_path / "list.pdf", [grid(rows, [30.0, 300.0])])
    assert pages > 10
    assert broken[0] <= 2 * cells  # laid out once, and once more at most where a row is measured again
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(tmp_path / "list.pdf").pages)
    assert "聊天记录599" in text and text.count("证据名称") == pages


def test_the_evidence_list_is_made_once_and_its_cells_broken_once(library, tmp_path, monkeypatch):
    """The evidence list is laid out again when its length moves the page numbers it lists; the
    second pass reuses the first's rows and breaks only the 页码 cells into lines again."""
    from casefile.core.bundle import parts as parts_module
    from casefile.core.bundle.pdfkit import CjkParagraph

    number = _text_case(library, tmp_path, 17)  # the first guess (one page) is short: two passes
    made, passes = [0], []
    real_list, real_story, real_break = (
        parts_module.evidence_list_flowables,
        builder_module.render_story,
        CjkParagraph.breakLinesCJK,
    )
    broken = [0]

    def listing(*args: object, **kwargs: object) -> object:
        made[0] += 1
        return real_list(*args, **kwargs)  # type: ignore[arg-type]

    def story(path: Path, *args: object, **kwargs: object) -> int:
        before = broken[0]
        pages = real_story(path, *args, **kwargs)  # type: ignore[arg-type]
        if path.name == "evidence-list.pdf":
            passes.append(broken[0] - before)
        return pages

    def counted(self: CjkParagraph, widths: object) -> object:
        broken[0] += 1
        return real_break(self, widths)

    monkeypatch.setattr(parts_module, "evidence_list_flowables", listing)
    monkeypatch.setattr(builder_module, "render_story", story)
    monkeypatch.setattr(CjkParagraph, "breakLinesCJK", counted)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert made[0] == 1
    assert len(passes) == 2
    assert passes[1] <= 17 + 2  # the page cells, not every cell of every row again
    assert passes[0] > 17 * 5


def test_a_story_laid_out_again_moves_the_same_flowables_to_the_next_page(tmp_path):
    """ReportLab marks a flowable it moves on to the next page; the evidence list's flowables are
    laid out again, and a mark left from the first pass made a bundle fail ("too large")."""
    from reportlab.platypus import KeepTogether, Spacer

    for height in range(600, 690, 4):  # the spacer falls at the foot of page 1 for some of these
        story = [Spacer(1, height), para("证据目录"), Spacer(1, 22.68), KeepTogether([para("甲"), para("乙")])]
        first = render_story(tmp_path / "first.pdf", list(story))
        assert render_story(tmp_path / "again.pdf", list(story)) == first


def test_stamps_are_drawn_from_the_stamp_sheets_own_streams(library, tmp_path, monkeypatch):
    """A page's stamp is the stamp sheet's page content, used as it is: no new stream of it is
    made (and held in memory until the save) for each page of the bundle."""
    made = [0]
    real = pikepdf.Page.as_form_xobject

    def counted(self: pikepdf.Page, *args: object, **kwargs: object) -> pikepdf.Object:
        made[0] += 1
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pikepdf.Page, "as_form_xobject", counted)
    number = _text_case(library, tmp_path, 6)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert made[0] == 0  # was one a page
    with pikepdf.open(result.files[0]) as pdf:
        forms = [page.obj.Resources.XObject[key] for page in pdf.pages for key in page.obj.Resources.XObject]
        assert len({form.objgen for form in forms}) == len(pdf.pages)  # one stamp each
        # the stamps of a sheet name the same fonts through one dictionary: was a copy on every page
        assert all(form.Resources.is_indirect for form in forms)
        assert len({form.Resources.objgen for form in forms}) == 1


def test_separator_pages_are_made_a_batch_at_a_time(library, tmp_path, monkeypatch):
    """However many exhibits, no more separator pages are held in memory at once than a file's."""
    from casefile.core.bundle import parts as parts_module

    monkeypatch.setattr(builder_module, "SEPARATORS_PER_FILE", 4)
    batches: list[list[str]] = []
    real = parts_module.render_separators

    def counted(path: Path, ctx: object, entries: list[ExhibitEntry] | None = None, **kw: Any) -> int:
        batches.append([entry.label for entry in entries or []])
        return real(path, ctx, entries, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(parts_module, "render_separators", counted)
    number = _text_case(library, tmp_path, 10)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert batches == [["1", "2", "3", "4"], ["5", "6", "7", "8"], ["9", "10"]]  # was one file of every page
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(result.files[0]).pages]
    separators = [i for i, text in enumerate(pages) if "二维码内容" in text]
    assert len(separators) == 10
    for label, at in zip(range(1, 11), separators, strict=True):  # each before its own exhibit's text
        assert f"证据{label}" in pages[at] and re.search(f"证据{label}\\s*文本内容", pages[at + 1])


def test_bookmarks_are_written_directly_one_per_exhibit_and_section(library, tmp_path, monkeypatch):
    """pikepdf's outline took ~0.2 ms a bookmark, and more as they grew: a bundle's are made directly."""
    walked = [0]
    real = pikepdf.Pdf.open_outline

    def counted(self: pikepdf.Pdf, *args: object, **kwargs: object) -> object:
        walked[0] += 1
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pikepdf.Pdf, "open_outline", counted)
    number = _text_case(library, tmp_path, 5)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert walked[0] == 0
    monkeypatch.undo()
    from pypdf import PdfReader

    with pikepdf.open(result.files[0]) as pdf, pdf.open_outline() as outline:
        marks = [(str(item.title), pdf.pages.index(pikepdf.Page(item.destination[0]))) for item in outline.root]
    texts = [page.extract_text() or "" for page in PdfReader(result.files[0]).pages]
    exhibits = [(title, page) for title, page in marks if title.startswith("证据") and "　" in title]
    assert [title.split("　")[0] for title, _page in exhibits] == [f"证据{n}" for n in range(1, 6)]
    for title, page in exhibits:  # each on its exhibit's separator page
        assert "二维码内容" in texts[page] and title.split("　")[0] in texts[page]
    assert marks[0] == ("封面", 0) and marks[-1][0] == "电子证据完整性校验表"
    assert [page for _title, page in marks] == sorted(page for _title, page in marks)


def test_memory_the_layout_freed_is_given_back_before_the_assembly(library, tmp_path, monkeypatch):
    events: list[str] = []
    real_give, real_assemble = builder_module.give_back_memory, builder_module._assemble

    def give() -> None:
        events.append("give back")
        real_give()

    def assemble(*args: object, **kwargs: object) -> object:
        events.append("assemble")
        return real_assemble(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder_module, "give_back_memory", give)
    monkeypatch.setattr(builder_module, "_assemble", assemble)
    number = _text_case(library, tmp_path, 3)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert events[:2] == ["give back", "assemble"]


def test_a_long_evidence_list_is_measured_then_drawn_once(library, tmp_path, monkeypatch):
    """A list guessed at more than a page is first laid out only to measure its pages: its text
    is drawn once, in the pass with the page numbers that measure gave."""
    from casefile.core.bundle.pdfkit import CjkParagraph

    number = _text_case(library, tmp_path, 40)  # guessed at 3 pages, laid out in fewer
    drawn, passes = [0], []
    real_story, real_draw = builder_module.render_story, CjkParagraph.drawPara

    def story(path: Path, *args: object, **kwargs: object) -> int:
        before = drawn[0]
        pages = real_story(path, *args, **kwargs)  # type: ignore[arg-type]
        if path.name == "evidence-list.pdf":
            passes.append((pages, drawn[0] - before))
        return pages

    def counted(self: CjkParagraph, *args: object) -> None:
        drawn[0] += 1
        real_draw(self, *args)

    monkeypatch.setattr(builder_module, "render_story", story)
    monkeypatch.setattr(CjkParagraph, "drawPara", counted)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    assert len(passes) == 2
    (measured, drawn_first), (pages, drawn_then) = passes
    assert measured == pages
    assert drawn_first == 0 and drawn_then > 40  # was drawn in full in both passes
    from pypdf import PdfReader

    texts = [page.extract_text() or "" for page in PdfReader(result.files[0]).pages]
    with pikepdf.open(result.files[0]) as pdf, pdf.open_outline() as outline:
        starts = [pdf.pages.index(pikepdf.Page(item.destination[0])) for item in outline.root]
        titles = [str(item.title) for item in outline.root]
    first = starts[titles.index("证据目录")]
    listed = range(first, starts[titles.index("证据目录") + 1])
    assert len(listed) == pages
    separator = next(i for i, text in enumerate(texts) if "二维码内容" in text and "证据40" in text)
    assert str(separator + 1) in texts[listed[-1]]  # 证据40's 页码 cell: its separator page, counted from 1


def test_memory_is_given_back_only_where_the_c_library_can(monkeypatch):
    import ctypes

    loaded: list[object] = []
    monkeypatch.setattr(ctypes, "CDLL", lambda *args: loaded.append(args))
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(builder_module.sys, "platform", platform)
        builder_module.give_back_memory()
    assert loaded == []  # no C library is loaded (CDLL(None) is an error on Windows)


def test_the_assembly_holds_one_file_of_pages_and_one_stamp_sheet_at_a_time(library, tmp_path, monkeypatch):
    """Each file of pages is closed once its last pages are copied in, and the stamps are laid
    out a sheet at a time as the assembly reaches them: qpdf's model of every file is not held
    until the save, whatever the number of exhibits."""
    from pypdf import PdfReader

    from casefile.core.bundle import parts as parts_module
    from casefile.core.bundle.builder import _StampSheets

    monkeypatch.setattr(builder_module, "SEPARATORS_PER_FILE", 4)
    monkeypatch.setattr(_Sheets, "STORIES", 4)
    monkeypatch.setattr(_StampSheets, "PAGES", 8)
    number = _text_case(library, tmp_path, 20)
    open_now: set[int] = set()
    most, opened, sheets = [0], [0], [0]
    real_open, real_close, real_stamps = pikepdf.open, pikepdf.Pdf.close, parts_module.render_stamps

    def counted_open(*args: object, **kwargs: object) -> pikepdf.Pdf:
        pdf = real_open(*args, **kwargs)  # type: ignore[arg-type]
        opened[0] += 1
        open_now.add(id(pdf))
        most[0] = max(most[0], len(open_now))
        return pdf

    def counted_close(self: pikepdf.Pdf) -> None:
        open_now.discard(id(self))
        real_close(self)

    def stamps(*args: object, **kwargs: object) -> list[bytes]:
        sheets[0] += 1
        return real_stamps(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pikepdf, "open", counted_open)
    monkeypatch.setattr(pikepdf.Pdf, "close", counted_close)
    monkeypatch.setattr(parts_module, "render_stamps", stamps)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    monkeypatch.undo()
    assert isinstance(result, BundleResult)
    assert opened[0] > 15  # separators, sheets of exhibits and stamp sheets: many files
    assert most[0] <= 3  # a file of separators, a sheet of exhibits, a stamp sheet: was every file
    assert sheets[0] > 5  # the stamps of the bundle's pages, 8 to a sheet (and of the guidance)
    texts = [page.extract_text() or "" for page in PdfReader(result.files[0]).pages]
    total = len(texts)
    for n, text in enumerate(texts, start=1):  # every page stamped with its own number, across sheets
        assert f"第 {n} 页 / 共 {total} 页" in text
    with pikepdf.open(result.files[0]) as pdf:  # fonts a page names: one object a file, was a copy a page
        named = [page.obj.Resources[key] for page in pdf.pages for key in ("/Font", "/ProcSet")]
        assert all(obj.is_indirect for obj in named)
        assert len({obj.objgen for obj in named}) <= 2 * (opened[0] - sheets[0]) < len(named) / 2
