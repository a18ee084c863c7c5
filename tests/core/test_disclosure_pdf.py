"""Evidence PDFs in packets: no active content, what the pages show drawn in, hidden layers left
out, hidden text found and reported on the right pages; the evidence file itself untouched."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import chinese, filed_case, run_tool, waive_arbitration
from hostile_pdfs import (
    FORM_RED,
    HIDDEN_GREEN,
    NOTE_YELLOW,
    SHADE_FROM,
    SHADE_TO,
    STAMP_BLUE,
    form_pdf,
    hidden_text_pdf,
    hostile_pdf,
    layered_note_pdf,
    unsafe_layer_pdf,
)
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, Level, PreflightError, Venue, build_bundle
from casefile.core.disclosure import DisclosureAction, DisclosureReport
from casefile.core.disclosure import pdf as pdfsafe
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import Demand, DemandType, EvidenceKind, Filing, Party, PartyKind
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
PACKETS = [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT, Venue.COURIER_CLAIM]
# Names that make a PDF do something, as whole PDF names (not /AAAAAA+font subset prefixes).
ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|URI|AA|OpenAction)(?![A-Za-z0-9#+_.\-])")
HIDDEN = ("HIDDEN-LAYER-SECRET", "HIDDEN-XOBJECT-SECRET")


def build(library: Library, number: str, venue: Venue, **kw) -> BundleResult:
    result = list(build_bundle(library, number, BundleOptions(venue, **kw), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    return result


def complete_case(library: Library) -> str:
    """A case the first half of the preflight has nothing to say about, for court."""
    from casefile.core.model import case_from_data, case_to_data

    case = filed_case(library)
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name="张三", phone="13900000000", address="上海市徐汇区某路8号")
        changed.respondent = Party(PartyKind.ORGANISATION, name="某某数码旗舰店", address="杭州市余杭区某街1号")
        changed.demands = [Demand(DemandType.REFUND, Decimal("1299.00"))]
        changed.facts = "2026年11月18日收到手机，开箱发现屏幕碎裂。"
        changed.filing = Filing(identity_papers=True)  # the scans are ready: the identity page says nothing
        writer.update(changed)
    return case.number


@pytest.fixture
def hostile_case(library: Library, tmp_path: Path) -> str:
    """A case whose only evidence (besides an arbitration agreement) is the hostile PDF."""
    number = complete_case(library)
    folder = tmp_path / "in"
    folder.mkdir()
    hostile_pdf(folder / "对账单.pdf")
    list(add_files(library, number, [folder / "对账单.pdf"], AddOptions(purpose="证明已付款")))
    agreement = tmp_path / "仲裁条款.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 300))
    pdf.save(agreement)
    list(
        add_files(
            library,
            number,
            [agreement],
            AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT, purpose="证明双方已放弃仲裁"),
        )
    )
    waive_arbitration(library, number)
    return number


def qdf(path: Path, tmp_path: Path) -> bytes:
    """The packet with every stream decompressed and no object streams: all of it greppable."""
    out = tmp_path / f"{path.stem}.qdf.pdf"
    run_tool("qpdf", "--qdf", "--object-streams=disable", str(path), str(out))
    return out.read_bytes()


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return run_tool("qpdf", "--check", str(path), check=False)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdftotext(path: Path) -> str:
    return run_tool("pdftotext", str(path), "-").stdout


def render(path: Path, page: int, tmp_path: Path) -> Image.Image:
    """One page (1-based) as pdftoppm shows it at 60 dpi."""
    prefix = tmp_path / f"{path.stem}-p{page}"
    run_tool("pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(prefix))
    with Image.open(f"{prefix}.png") as img:
        return img.convert("RGB")


def has_colour(img: Image.Image, colour: tuple[int, int, int], at_least: int = 20, tolerance: int = 40) -> bool:
    near = 0
    for pixel, count in ((p, c) for c, p in img.getcolors(img.width * img.height) or []):
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True)):
            near += count
    return near >= at_least


def exhibit_page(path: Path, marker: str) -> int:
    """The 1-based packet page whose text holds ``marker``."""
    for number, text in enumerate(page_texts(path), start=1):
        if marker in text:
            return number
    raise AssertionError(f"no page of {path.name} shows {marker}")


@pytest.mark.parametrize("venue", PACKETS)
def test_packets_carry_no_active_content_and_no_hidden_layer(library, hostile_case, tmp_path, venue):
    result = build(library, hostile_case, venue, force=True)
    (packet,) = result.files
    assert qpdf_check(packet).returncode == 0
    data = qdf(packet, tmp_path)
    assert ACTIVE.findall(data) == []
    for secret in HIDDEN:
        assert secret.encode() not in data  # not even unreferenced somewhere in the file
    text = pdftotext(packet)
    for shown in ("VISIBLE-PAGE-ONE", "FORM-VALUE-42", "VISIBLE-LAYER-TEXT", "LOGO-TEXT", "UNCOVERED-TEXT"):
        assert shown in text
    for secret in HIDDEN:
        assert secret not in text


def test_form_values_and_annotations_are_drawn_into_the_page(library, hostile_case, tmp_path):
    packet = build(library, hostile_case, Venue.COURT, force=True).files[0]
    first = exhibit_page(packet, "VISIBLE-PAGE-ONE")
    page = render(packet, first, tmp_path)
    assert has_colour(page, FORM_RED)  # the filled field's appearance
    assert has_colour(page, NOTE_YELLOW)  # the sticky note's icon
    assert has_colour(page, STAMP_BLUE)  # the stamp
    assert not has_colour(page, HIDDEN_GREEN)  # a hidden annotation stays hidden
    with pikepdf.open(packet) as pdf:
        assert "/Annots" not in pdf.pages[first - 1].obj  # drawn content, not annotations
    assert "FORM-VALUE-42" in page_texts(packet)[first - 1]
    # Shading patterns still work: the band runs from one colour to the other.
    third = exhibit_page(packet, "UNCOVERED-TEXT")
    shaded = render(packet, third, tmp_path)
    assert has_colour(shaded, SHADE_FROM, tolerance=30) and has_colour(shaded, SHADE_TO, tolerance=30)


def test_a_layer_hidden_by_default_is_neither_shown_nor_extractable(library, hostile_case, tmp_path):
    packet = build(library, hostile_case, Venue.COURT, force=True).files[0]
    second = exhibit_page(packet, "VISIBLE-LAYER-TEXT")
    assert not has_colour(render(packet, second, tmp_path), HIDDEN_GREEN)
    assert all(secret not in pdftotext(packet) for secret in HIDDEN)
    assert all(secret not in text for secret in HIDDEN for text in page_texts(packet))


def test_the_evidence_file_itself_is_never_changed(library, hostile_case):
    case = library.load_case(hostile_case)
    exhibit = next(e for e in case.exhibits if e.original_name == "对账单.pdf")
    stored = library.folder(hostile_case).path / exhibit.stored_path
    build(library, hostile_case, Venue.COURT, force=True)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == exhibit.sha256


def test_the_disclosure_report_lists_what_was_removed_and_drawn_in(tmp_path):
    source = tmp_path / "hostile.pdf"
    hostile_pdf(source)
    report = DisclosureReport("court")
    result = pdfsafe.sanitise_pdf(source, tmp_path / "clean.pdf", report, "证据3")
    assert result.pages == 3 and not result.unsafe
    removed = {i.what: i.count for i in report.items if i.where == "证据3" and i.action is DisclosureAction.REMOVED}
    assert removed[pdfsafe.JAVASCRIPT] == 3  # page /AA, the field's keystroke script, the document's OpenAction
    assert removed[pdfsafe.LAUNCH] == 2  # the link's, and one under a made-up key of a graphics state
    assert removed[pdfsafe.LINK] == 2  # the link annotation's and the logo form's /AA
    assert removed[pdfsafe.ATTACHMENT] == 1
    assert removed[pdfsafe.ODD_RESOURCE] == 1
    assert removed[pdfsafe.HIDDEN_LAYER] == 2  # a marked section and a form XObject
    assert removed[pdfsafe.UNSHOWN_ANNOTATION] == 1
    drawn = {i.what: i.count for i in report.items if i.action is DisclosureAction.FLATTENED}
    assert drawn == {pdfsafe.FORM_VALUES: 1, pdfsafe.ANNOTATIONS: 2}
    assert result.hidden_layers == ("Internal notes",)


def test_the_sanitised_copy_is_sound_and_holds_only_pages(tmp_path):
    source = tmp_path / "hostile.pdf"
    hostile_pdf(source)
    before = source.read_bytes()
    target = tmp_path / "clean.pdf"
    pdfsafe.sanitise_pdf(source, target)
    assert source.read_bytes() == before
    assert qpdf_check(target).returncode == 0
    with pikepdf.open(target) as pdf:
        assert set(pdf.Root.keys()) == {"/Type", "/Pages"}
        assert "/Info" not in pdf.trailer
        for page in pdf.pages:
            assert set(page.obj.keys()) <= {"/Type", "/Parent", "/MediaBox", "/Resources", "/Contents"}
            assert set(page.obj.Resources.keys()) <= pdfsafe.RESOURCE_CATEGORIES
    assert ACTIVE.findall(qdf(target, tmp_path)) == []


def test_invisible_and_covered_text_are_found_on_their_pages(tmp_path):
    source = tmp_path / "hostile.pdf"
    hostile_pdf(source)
    inspection = pdfsafe.inspect_pdf(source)
    assert inspection.pages == 3
    assert inspection.invisible_text == (2,)
    assert inspection.covered_text == (3,)
    assert inspection.unsafe == () and inspection.unchecked == ()
    assert inspection.removed[pdfsafe.JAVASCRIPT] == 3 and inspection.flattened[pdfsafe.FORM_VALUES] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["hostile.pdf"]  # its scratch copy is gone
    findings = pdfsafe.preflight_pdf(source, "3", "对账单.pdf", 7)
    assert {f.level for f in findings} == {Level.WARNING}
    assert {f.exhibit for f in findings} == {7}
    messages = "\n".join(chinese(f.message) for f in findings)
    assert "证据3（案卷编号7，对账单.pdf）原文件第2页含不可见文字层" in messages
    assert "证据3（案卷编号7，对账单.pdf）原文件第3页有文字被色块覆盖，覆盖的文字仍可被复制" in messages
    # The text is still there: hidden text is reported, not removed (an OCR layer keeps scans searchable).
    target = tmp_path / "clean.pdf"
    pdfsafe.sanitise_pdf(source, target)
    text = pdftotext(target)
    assert "INVISIBLE-MARKER-TEXT" in text and "COVERED-MARKER-TEXT" in text


def test_hidden_text_is_told_from_text_merely_marked_or_tinted(tmp_path):
    source = tmp_path / "seven.pdf"
    hidden_text_pdf(source)
    inspection = pdfsafe.inspect_pdf(source)
    assert inspection.invisible_text == (3,)  # the scan's OCR layer
    assert inspection.covered_text == (2, 4, 7)  # a black comment box, a white box, a box inside a turned form
    assert inspection.unchecked == ()


def test_hidden_text_stops_the_build_until_accepted(library, hostile_case):
    with pytest.raises(PreflightError) as info:
        build(library, hostile_case, Venue.COURT)
    codes = {f.code for f in info.value.findings}
    assert {"pdf-invisible-text", "pdf-covered-text"} <= codes
    assert all(f.level is Level.WARNING for f in info.value.findings)
    message = chinese(info.value.message)
    assert "证据1（案卷编号1，对账单.pdf）原文件第2页含不可见文字层" in message and "--force" in message
    assert list(library.folder(hostile_case).bundles_dir.iterdir()) == []
    result = build(library, hostile_case, Venue.COURT, force=True)
    assert {"pdf-invisible-text", "pdf-covered-text"} <= {f.code for f in result.warnings}


def test_a_hidden_layer_that_cannot_be_left_out_stops_the_build(library, tmp_path):
    number = complete_case(library)
    source = tmp_path / "截图合集.pdf"
    unsafe_layer_pdf(source)
    list(add_files(library, number, [source], AddOptions(purpose="证明价格")))
    with pytest.raises(PreflightError) as info:
        build(library, number, Venue.COURT, force=True)
    errors = [f for f in info.value.findings if f.level is Level.ERROR]
    assert [f.code for f in errors] == ["pdf-hidden-layer"]
    assert "证据1（案卷编号1，截图合集.pdf）原文件第2页" in chinese(errors[0].message)
    assert list(library.folder(number).bundles_dir.iterdir()) == []
    inspection = pdfsafe.inspect_pdf(source)
    assert [u.page for u in inspection.unsafe] == [2]


def test_text_in_a_hidden_layer_that_ends_its_line_is_left_out(tmp_path):
    """A hidden section whose text nothing after it depends on is left out, the rest kept in place."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    hidden = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
    content = (
        b"BT /F1 12 Tf 20 200 Td (Amount: 120) Tj /OC /H BDC ( PAID-IN-CASH-SECRET) Tj EMC 0 -20 Td (Next line) Tj ET"
        b" q /OC /H BDC 1 0 0 rg 0 0 50 50 re f EMC 0 0 1 rg 60 0 50 50 re f Q"
    )
    pdf.pages.append(
        pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, 300, 300],
                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), Properties=pikepdf.Dictionary(H=hidden)),
                Contents=pdf.make_stream(content),
            )
        )
    )
    pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[hidden], D=pikepdf.Dictionary(BaseState=pikepdf.Name.OFF))
    source = tmp_path / "notes.pdf"
    pdf.save(source)
    target = tmp_path / "clean.pdf"
    assert not pdfsafe.sanitise_pdf(source, target).unsafe
    text = pdftotext(target)
    assert "Amount: 120" in text and "Next line" in text and "SECRET" not in text
    page = render(target, 1, tmp_path)
    assert has_colour(page, (0, 0, 255)) and not has_colour(page, (255, 0, 0))
    assert qpdf_check(target).returncode == 0


@pytest.mark.corpus
def test_every_corpus_pdf_still_builds_and_checks(library, corpus, tmp_path):
    pdfs = sorted((corpus / "pdfs").glob("*.pdf"))
    assert pdfs
    for source in pdfs:
        target = tmp_path / f"{source.stem}.clean.pdf"
        result = pdfsafe.sanitise_pdf(source, target)
        assert not result.unsafe, source.name
        assert qpdf_check(target).returncode == 0, (source.name, qpdf_check(target).stdout)
        with pikepdf.open(source) as original:
            assert result.pages == len(original.pages)
        # What the first page shows is what it showed (poppler, annotations as a viewer shows them).
        assert _difference(render(source, 1, tmp_path), render(target, 1, tmp_path)) < 0.01, source.name
    number = filed_case(library).number
    folder = tmp_path / "corpus"
    shutil.copytree(corpus / "pdfs", folder)
    list(add_files(library, number, [folder]))
    for venue in PACKETS[:1] + [Venue.COURT]:
        packet = build(library, number, venue, force=True).files[0]
        assert qpdf_check(packet).returncode == 0


def _difference(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels that differ noticeably between two renders."""
    if a.size != b.size:
        return 1.0
    from PIL import ImageChops

    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 48 else 0)
    return diff.histogram()[255] / (a.width * a.height)


def test_a_field_value_without_appearance_is_drawn_from_its_value(tmp_path):
    source = tmp_path / "form.pdf"
    form_pdf(source, "Zhang San 42")
    target = tmp_path / "clean.pdf"
    result = pdfsafe.sanitise_pdf(source, target)
    assert result.flattened == {pdfsafe.FORM_VALUES: 1} and result.unshown_fields == ()
    assert "Zhang San 42" in pdftotext(target)


def test_a_value_the_file_asks_viewers_to_redraw_is_shown_redrawn(tmp_path):
    source = tmp_path / "form.pdf"
    stale = b"BT /Helv 12 Tf 2 7 Td (OLD VALUE) Tj ET"
    form_pdf(source, "NEW VALUE", appearance=stale, need_appearances=True)
    target = tmp_path / "clean.pdf"
    pdfsafe.sanitise_pdf(source, target)
    text = pdftotext(target)
    assert "NEW VALUE" in text and "OLD VALUE" not in text


def test_a_value_that_cannot_be_drawn_is_reported(tmp_path):
    source = tmp_path / "form.pdf"
    form_pdf(source, "张三")
    result = pdfsafe.sanitise_pdf(source, tmp_path / "clean.pdf")
    assert result.unshown_fields == (1,)
    findings = pdfsafe.preflight_pdf(source, "2", "申请表.pdf")
    assert [f.code for f in findings] == ["pdf-form-unshown"]
    assert "证据2（申请表.pdf）原文件第1页有表单填写内容没有外观" in chinese(findings[0].message)


def test_an_annotation_in_a_hidden_layer_is_not_drawn(tmp_path):
    source = tmp_path / "note.pdf"
    layered_note_pdf(source)
    target = tmp_path / "clean.pdf"
    result = pdfsafe.sanitise_pdf(source, target)
    assert result.removed == {pdfsafe.UNSHOWN_ANNOTATION: 1} and result.flattened == {}
    assert not has_colour(render(target, 1, tmp_path), HIDDEN_GREEN)


def test_what_sanitising_removed_is_counted_the_same_in_every_run_of_casefile(tmp_path):
    """The walk meets a PDF dictionary's keys as a set, whose order changes with each process's string
    hashing: the report's lines (and the kept copies' records) must not."""
    source = tmp_path / "hostile.pdf"
    hostile_pdf(source)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from casefile.core.disclosure import DisclosureReport\n"
        "from casefile.core.disclosure import pdf\n"
        "r = pdf.sanitise_pdf(Path(sys.argv[1]), Path(sys.argv[2]), DisclosureReport('court'), 'x')\n"
        "print(list(r.removed.items()), list(r.flattened.items()))\n"
    )
    runs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(source), str(tmp_path / f"clean-{seed}.pdf")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.add(done.stdout)
    assert len(runs) == 1, runs  # was 4 orders in 4 runs
