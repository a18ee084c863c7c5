"""A bundle is written piece by piece: no qpdf model ever holds more than a piece of its pages.

Counted, never measured: the pages copied into each qpdf model while a bundle is assembled
(one model of every page held until the save cost some 180 MB at 12,000 pages). The file
written from the pieces keeps every page, its stamp, the bookmarks, the evidence list's
links, the document information and the photos byte for byte.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle import builder as builder_module
from casefile.core.bundle.builder import _Sheets
from casefile.core.bundle.join import JoinError, Link, join_pieces
from casefile.core.evidence import AddOptions, add_files
from casefile.core.hashing import hash_file
from casefile.core.library import Library
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")


def _case(library: Library, tmp_path: Path, texts: int, photos: int = 0) -> str:
    case = filed_case(library)
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(texts):
        (folder / f"chat-{i:03d}.txt").write_text(f"2026-11-20 10:{i:02d} 客服：您好，订单{i}已发货。\n" * 3, "utf-8")
    for i in range(photos):
        picture = io.BytesIO()
        Image.effect_noise((120, 90), 40 + i).convert("RGB").save(picture, "JPEG", quality=80)
        (folder / f"IMG_{i:04d}.jpg").write_bytes(picture.getvalue())
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明交涉经过")))
    return case.number


def _build_counting(
    library: Library, number: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[BundleResult, dict[int, int]]:
    """The bundle, and the pages appended to each qpdf model while it was assembled."""
    held: dict[int, int] = {}
    real = builder_module._PageTree._append

    def counted(self: builder_module._PageTree, obj: pikepdf.Object) -> pikepdf.Page:
        model = self.__dict__.setdefault("counted_as", len(held))  # ids of freed models come back
        held[model] = held.get(model, 0) + 1
        return real(self, obj)

    monkeypatch.setattr(builder_module._PageTree, "_append", counted)
    result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    monkeypatch.undo()
    assert isinstance(result, BundleResult)
    return result, held


def test_no_qpdf_model_holds_more_than_a_piece_of_the_bundles_pages(library, tmp_path, monkeypatch):
    monkeypatch.setattr(builder_module, "PIECE_PAGES", 8)
    monkeypatch.setattr(builder_module, "SEPARATORS_PER_FILE", 4)
    monkeypatch.setattr(_Sheets, "STORIES", 4)
    number = _case(library, tmp_path, 20)
    result, held = _build_counting(library, number, monkeypatch)
    path = result.files[0]
    assert result.pages > 40
    assert max(held.values()) <= 8  # was every page of the bundle in one model
    assert sum(held.values()) >= result.pages  # the bundle's pages (and then the guidance's)
    assert hash_file(path).sha256 == result.sha256[0]  # the hash recorded is the file's

    texts = [page.extract_text() or "" for page in PdfReader(path).pages]
    assert len(texts) == result.pages
    for n, text in enumerate(texts, start=1):  # every page stamped with its own number, across pieces
        assert f"第 {n} 页 / 共 {result.pages} 页" in text
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        assert len(pdf.pages) == result.pages
        marks = [(str(item.title), pdf.pages.index(pikepdf.Page(item.destination[0]))) for item in outline.root]
        exhibits = [(title, page) for title, page in marks if title.startswith("证据") and "　" in title]
        assert [title.split("　")[0] for title, _page in exhibits] == [f"证据{n}" for n in range(1, 21)]
        for title, page in exhibits:  # each on its exhibit's separator page
            assert "二维码内容" in texts[page] and title.split("　")[0] in texts[page]
        links = [
            (n, pdf.pages.index(pikepdf.Page(annot.Dest[0])))
            for n, page in enumerate(pdf.pages)
            for annot in page.obj.get("/Annots", [])
        ]
        assert sorted(target for _n, target in links) == sorted(page for _title, page in exhibits)
        listed = {n for n, _target in links}
        assert all("证据目录" in texts[n] or "证据名称" in texts[n] for n in listed)  # links sit on the list
        assert str(pdf.docinfo["/Title"]).endswith(number)
        assert str(pdf.docinfo["/Producer"]).startswith("CaseFile")


def test_photos_stay_byte_for_byte_in_a_bundle_of_many_pieces(library, tmp_path, monkeypatch):
    monkeypatch.setattr(builder_module, "PIECE_PAGES", 3)
    number = _case(library, tmp_path, 4, photos=3)
    result, held = _build_counting(library, number, monkeypatch)
    assert max(held.values()) <= 3 and len(held) > 4
    path = result.files[0]
    assert hash_file(path).sha256 == result.sha256[0]
    photos = {e.sha256 for e in library.load_case(number).exhibits if e.mime == "image/jpeg"}
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == result.pages
        streams = {
            hashlib.sha256(obj.read_raw_bytes()).hexdigest()
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/DCTDecode"
        }
    assert photos <= streams  # each photo embedded as the evidence file's bytes


def _piece(path: Path, notes: list[str], object_streams: bool = False) -> None:
    pdf = pikepdf.new()
    for note in notes:
        page = pdf.add_blank_page(page_size=(200, 200))
        page.obj.Note = pikepdf.String(note)
        page.obj.Contents = pdf.make_stream(b"0 0 m 10 10 l S")
    mode = pikepdf.ObjectStreamMode.generate if object_streams else pikepdf.ObjectStreamMode.disable
    pdf.save(path, object_stream_mode=mode)


@pytest.mark.parametrize("object_streams", [True, False])
def test_pieces_are_joined_with_their_strings_as_they_were(tmp_path, object_streams):
    """References are renumbered, never text that looks like one inside a string."""
    tricky = ["1 0 R", "(2 0 R)", "a \\ 3 0 R ) 4 0 R (", "证据 5 0 R"]
    _piece(tmp_path / "a.pdf", tricky[:2])
    _piece(tmp_path / "b.pdf", tricky[2:])
    pages, digest = join_pieces(
        [tmp_path / "a.pdf", tmp_path / "b.pdf"],
        tmp_path / "out.pdf",
        bookmarks=[("甲", 0), ("乙", 2)],
        links=[Link(0, (1.5, 2, 3, 4), 3)],
        info=pikepdf.Dictionary(Title=pikepdf.String("卷宗")),
        object_streams=object_streams,
    )
    assert pages == 4 and digest == hash_file(tmp_path / "out.pdf").sha256
    with pikepdf.open(tmp_path / "out.pdf") as pdf, pdf.open_outline() as outline:
        assert [str(page.obj.Note) for page in pdf.pages] == tricky
        assert [page.obj.Contents.read_bytes() for page in pdf.pages] == [b"0 0 m 10 10 l S"] * 4
        assert [(str(i.title), pdf.pages.index(pikepdf.Page(i.destination[0]))) for i in outline.root] == [
            ("甲", 0),
            ("乙", 2),
        ]
        (link,) = pdf.pages[0].obj.Annots
        assert pdf.pages.index(pikepdf.Page(link.Dest[0])) == 3
        assert [float(v) for v in link.Rect] == [1.5, 2, 3, 4]
        assert str(pdf.docinfo["/Title"]) == "卷宗"
        assert not pdf.check_pdf_syntax()


def test_a_piece_that_is_not_what_qpdf_writes_without_object_streams_is_refused(tmp_path):
    _piece(tmp_path / "a.pdf", ["x"], object_streams=True)
    with pytest.raises(JoinError):
        join_pieces([tmp_path / "a.pdf"], tmp_path / "out.pdf")
