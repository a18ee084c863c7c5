"""Thumbnails: upright, small, cached by hash outside the case folder, never a crash."""

from __future__ import annotations

from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.thumbnails import make_thumbnail, make_thumbnails, thumbnail_path


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
