"""An evidence PDF's page goes into a bundle as its file encodes it, and nothing is compressed twice.

qpdf's form of a page gets the page's content decoded, which the save compressed again (some
60 ms of the 340-page bench bundle); the piece save then compressed some 1,100 streams of a
few dozen bytes each. Counted in streams and bytes, never timed.
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.builder import _PageTree
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
A4 = (595.2756, 841.8898)
BOX = pikepdf.Rectangle(40, 60, 560, 800)


def _source(path: Path, contents: list[bytes], *, compress: bool, ascii85: bool = False) -> None:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=A4)
    streams = []
    for data in contents:
        if compress:
            stream = pikepdf.Stream(pdf, zlib.compress(data))
            stream.Filter = pikepdf.Name.FlateDecode
            if ascii85:
                stream = pikepdf.Stream(pdf, base64.a85encode(zlib.compress(data), wrapcol=64) + b"~>")
                stream.Filter = pikepdf.Array([pikepdf.Name.ASCII85Decode, pikepdf.Name.FlateDecode])
        else:
            stream = pikepdf.Stream(pdf, data)
        streams.append(pdf.make_indirect(stream))
    page.obj.Contents = streams[0] if len(streams) == 1 else pikepdf.Array(streams)
    page.obj.Resources = pikepdf.Dictionary()
    pdf.save(path, compress_streams=False)


def _overlaid(path: Path) -> tuple[pikepdf.Object, bytes, pikepdf.Pdf, _PageTree]:
    """(the form drawn on a new page, what qpdf's own form decodes to, the source, the new file's pages)."""
    source = pikepdf.open(path)
    expected = source.pages[0].as_form_xobject().read_bytes()
    pages = _PageTree(pikepdf.new())
    page = pages.add_blank(A4)
    pages.overlay(page, source.pages[0], BOX)
    (form,) = page.obj.Resources.XObject.values()
    return form, expected, source, pages


DRAWING = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET\n0 0 m 100 100 l S\n" * 20


@pytest.mark.parametrize("ascii85", [False, True])
def test_a_page_of_one_compressed_stream_is_drawn_from_its_encoded_bytes(tmp_path, ascii85):
    _source(tmp_path / "one.pdf", [DRAWING], compress=True, ascii85=ascii85)
    form, expected, source, pages = _overlaid(tmp_path / "one.pdf")
    try:
        page_stream = source.pages[0].obj.Contents
        assert form.Filter == page_stream.Filter and pages.decoded == 0
        assert form.read_raw_bytes() == page_stream.read_raw_bytes()  # was decoded, to be compressed again
        assert form.read_bytes() == expected == DRAWING
        assert form.Subtype == pikepdf.Name.Form and list(form.BBox) == list(source.pages[0].trimbox)
    finally:
        pages.pdf.close()
        source.close()


def test_pages_qpdf_joins_decodes_or_finds_damaged_are_left_to_qpdf(tmp_path):
    _source(tmp_path / "two.pdf", [DRAWING, b"q 1 0 0 RG Q"], compress=True)
    _source(tmp_path / "plain.pdf", [DRAWING], compress=False)
    _source(tmp_path / "cut.pdf", [DRAWING], compress=True)
    with pikepdf.open(tmp_path / "cut.pdf", allow_overwriting_input=True) as pdf:  # a stream cut short
        contents = pdf.pages[0].obj.Contents
        contents.write(contents.read_raw_bytes()[:-8], filter=pikepdf.Name.FlateDecode, type_check=False)
        pdf.save(tmp_path / "cut.pdf")
    for name in ("two.pdf", "plain.pdf", "cut.pdf"):
        form, expected, source, pages = _overlaid(tmp_path / name)
        try:
            assert "/Filter" not in form and pages.decoded == 1  # qpdf's form, which the save compresses
            assert form.read_bytes() == expected
        finally:
            pages.pdf.close()
            source.close()


def _statement(path: Path, pages: int) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for p in range(pages):
        canvas.setFont("Helvetica", 11)
        for line in range(30):
            canvas.drawString(60, 780 - 14 * line, f"Statement page {p + 1} line {line}")
        canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("joined", [False, True])
def test_a_bundle_of_pdfs_leaves_no_large_stream_uncompressed(library: Library, tmp_path, joined):
    case = filed_case(library)
    folder = tmp_path / "files"
    folder.mkdir()
    _statement(folder / "statement-1.pdf", 3)
    _statement(folder / "statement-2.pdf", 2)
    if joined:  # a page of two streams: qpdf joins them, and its piece is compressed as before
        _source(folder / "joined.pdf", [DRAWING, b"q 1 0 0 RG Q"], compress=True)
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明交涉经过")))
    result = list(build_bundle(library, case.number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    path = result.files[0]
    with pikepdf.open(path) as pdf:
        plain = [
            len(obj.read_raw_bytes())
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") is None and obj.get("/Type") != "/Metadata"
        ]
        forms = [
            obj.Filter
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == "/Form"
            and b"Statement page" in obj.read_bytes()
        ]
        drawn = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and b"(hello) Tj" in obj.read_bytes()]
    assert max(plain, default=0) <= 256  # only the pages' placements, a few dozen bytes each
    assert bool(plain) != joined  # not compressed, but where a page's form was decoded
    assert len(forms) == 5  # the statements' pages, each drawn from its sanitised copy's own stream
    assert len(drawn) == joined and all("/Filter" in obj for obj in drawn)
    texts = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    assert "Statement page 3 line 29" in texts and "Statement page 2 line 0" in texts


def test_only_a_whole_flate_stream_is_taken_as_it_is():
    from casefile.core.bundle.builder import _ascii85, _inflates_whole

    whole = zlib.compress(DRAWING * 50)
    assert _inflates_whole(whole) and _inflates_whole(whole + b"\r\n")
    for damaged in (whole[:-1], whole[:-5], whole[: len(whole) // 2], whole + b"more", b"", b"not flate"):
        assert not _inflates_whole(damaged)  # each returns (a cut stream once never did)
    encoded = base64.a85encode(whole, wrapcol=64) + b"~>"
    assert _ascii85(encoded) == whole and _ascii85(encoded + b"\n") == whole
    assert _ascii85(encoded[:-2]) == b"" and _ascii85(encoded + b" more") == b""
