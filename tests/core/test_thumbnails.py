"""Thumbnails of photos (HEIC too), videos and PDFs: upright, small, cached by hash, never a crash."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.media import contact_sheet, poster_frame, probe
from casefile.core.sniff import mime_from_content
from casefile.core.thumbnails import can_thumbnail, make_thumbnail, make_thumbnails, thumbnail_path


def test_thumbnails_are_upright_cached_and_outside_the_case(library, case, tmp_path):
    photo = tmp_path / "rotated.jpg"
    img = Image.new("RGB", (800, 400), (200, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(photo, exif=exif)
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    list(add_files(library, case.number, [photo, tmp_path / "broken.jpg"]))
    stored = library.load_case(case.number)
    folder = library.folder(case.number)
    before = sorted(p.name for p in folder.path.rglob("*"))
    done = [p.message for p in make_thumbnails(folder.path, stored.exhibits)]
    assert "1" in done
    thumb = thumbnail_path(stored.exhibit(1).sha256)
    with Image.open(thumb) as t:
        assert t.size == (128, 256)  # portrait once turned upright, within 256 px
    assert folder.path not in thumb.parents
    assert sorted(p.name for p in folder.path.rglob("*")) == before  # nothing written into the case
    assert list(make_thumbnails(folder.path, stored.exhibits)) == []  # cached: nothing left to do
    broken = stored.exhibit(2)
    assert make_thumbnail(folder.path / broken.stored_path, broken.sha256) is None


def _heic(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this pillow-heif build cannot encode HEIC")
    pillow_heif.from_pillow(Image.new("RGB", size, colour)).save(path, quality=90)
    return path


def _pdf(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", size, colour).save(path, "PDF", resolution=72)
    return path


def _near(seen: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(seen, expected, strict=False))


def test_heic_photo_thumbnail(tmp_path):
    photo = _heic(tmp_path / "IMG_0001.HEIC", (600, 400), (20, 160, 40))
    assert mime_from_content(photo.read_bytes()[:64]) == "image/heic"
    for mime in ("image/heic", ""):  # told, or judged from the bytes
        sha = hashlib.sha256(photo.read_bytes() + mime.encode()).hexdigest()
        thumb = make_thumbnail(photo, sha, mime=mime)
        assert thumb is not None
        with Image.open(thumb) as t:
            assert t.size == (256, 171)
            assert _near(t.convert("RGB").getpixel((128, 85)), (20, 160, 40))


def test_pdf_thumbnail_is_the_first_page(tmp_path):
    pdf = _pdf(tmp_path / "发票.pdf", (300, 600), (200, 30, 30))
    thumb = make_thumbnail(pdf, hashlib.sha256(pdf.read_bytes()).hexdigest(), mime="application/pdf")
    assert thumb is not None
    with Image.open(thumb) as t:
        assert t.size == (128, 256)  # the page's shape, within 256 px
        assert _near(t.convert("RGB").getpixel((64, 128)), (200, 30, 30))


def test_pdf_needing_a_password_has_no_thumbnail(tmp_path):
    import pikepdf

    plain = _pdf(tmp_path / "plain.pdf", (300, 400), (0, 0, 200))
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    assert make_thumbnail(locked, "9f" * 32, mime="application/pdf") is None
    assert not thumbnail_path("9f" * 32).exists()


def test_thumbnails_of_videos_pdfs_and_heic_in_a_case(library, case, tmp_path):
    from test_media import H, W, make_video

    sources = [
        make_video(tmp_path / "开箱视频.mp4"),
        _pdf(tmp_path / "receipt.pdf", (400, 300), (10, 10, 180)),
        _heic(tmp_path / "photo.heic", (300, 300), (250, 250, 0)),
    ]
    list(add_files(library, case.number, sources))
    stored = library.load_case(case.number)
    assert [e.mime for e in stored.exhibits] == ["video/mp4", "application/pdf", "image/heic"]
    assert all(can_thumbnail(e) for e in stored.exhibits)
    folder = library.folder(case.number)
    done = [p.message for p in make_thumbnails(folder.path, stored.exhibits)]
    assert done == ["1", "2", "3"]
    sizes = []
    for exhibit in stored.exhibits:
        with Image.open(thumbnail_path(exhibit.sha256)) as t:
            sizes.append(t.size)
    assert sizes == [(W, H), (256, 192), (256, 256)]
    assert list(make_thumbnails(folder.path, stored.exhibits)) == []


@pytest.mark.corpus
def test_corpus_files_never_crash_probe_or_thumbnails(corpus):
    seen = 0
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        mime = mime_from_content(data[:4096])
        facts = probe(path)
        assert json.loads(json.dumps(facts)) == facts, path
        thumb = make_thumbnail(path, sha, mime=mime)
        if mime == "application/pdf":
            assert thumb is not None, path  # every sample PDF in the corpus is readable
        if mime.startswith(("video/", "audio/")):
            assert "duration" in facts or "metadata_error" in facts, path
            poster_frame(path, sha)
            contact_sheet(path, sha)
        seen += 1
    assert seen > 50
