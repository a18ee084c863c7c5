"""A bundle prints only the evidence it was given: every exhibit's hash is checked as it is read."""

from __future__ import annotations

import json
import os
import wave
from pathlib import Path

import pytest
from bundle_pages import photo_skeleton
from casefile_testing import filed_case, make_video
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from casefile.cli import main
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.fill import PhotosChanged, fill_placeholders
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import Exhibit
from casefile.core.settings import Settings
from casefile.core.store import EvidenceMismatchError, EvidenceReader
from casefile.core.store.reader import Reason

SETTINGS = Settings(org_name="某某数码科技有限公司")


def heic_available() -> bool:
    try:
        import pillow_heif

        return bool(pillow_heif.libheif_info().get("encoders"))
    except Exception:  # noqa: BLE001 - no HEIC encoder here: the matrix goes without it
        return False


@pytest.fixture
def every_kind(tmp_path: Path) -> Path:
    """One file of every kind a bundle reproduces differently."""
    folder = tmp_path / "kinds"
    folder.mkdir()
    (folder / "chat.txt").write_text("客服: 您好\n我: 手机屏幕碎了，要求退货\n", "utf-8")
    (folder / "mail.eml").write_text(
        "From: shop@example.com\nTo: me@example.com\nSubject: 退款\n"
        "Date: Fri, 20 Nov 2026 10:00:00 +0800\n\n同意退款 1299 元。\n",
        "utf-8",
    )
    (folder / "wechat.json").write_text(
        json.dumps({"messages": [{"from": "客服", "text": "同意退款"}]}, ensure_ascii=False), "utf-8"
    )
    canvas = Canvas(str(folder / "invoice.pdf"))
    canvas.drawString(100, 700, "Invoice 1299.00")
    canvas.showPage()
    canvas.save()
    Image.effect_noise((320, 200), 40).convert("RGB").save(folder / "photo.jpg", quality=85)
    Image.new("RGB", (180, 360), (240, 240, 240)).save(folder / "Screenshot_20261120-101500.png")
    with wave.open(str(folder / "call.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\1\0" * 8000)
    make_video(folder / "unboxing.mp4", seconds=2)
    (folder / "device-log.bin").write_bytes(bytes(range(256)) * 16)
    if heic_available():
        from casefile.core.thumbnails import register_heif

        register_heif()
        Image.new("RGB", (64, 48), (200, 30, 30)).save(folder / "phone.heic")
    return folder


@pytest.fixture
def kinds_case(library: Library, every_kind: Path) -> str:
    case = filed_case(library)
    list(add_files(library, case.number, [every_kind], AddOptions(purpose="证明商品收货时即已损坏")))
    return case.number


def build(library: Library, number: str, venue: Venue = Venue.COURT, **kw) -> BundleResult:
    items = list(build_bundle(library, number, BundleOptions(venue, force=True, **kw), SETTINGS))
    result = items[-1]
    assert isinstance(result, BundleResult)
    return result


def stored(library: Library, number: str, exhibit: Exhibit) -> Path:
    return library.folder(number).path / exhibit.stored_path


def changed(data: bytes) -> bytes:
    """The same bytes with one bit flipped in the middle (a word changed, a pixel touched)."""
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def modify_in_place(path: Path) -> None:
    data = path.read_bytes()
    path.chmod(0o644)
    with open(path, "r+b") as fh:
        fh.write(changed(data))


def replace_by_rename(path: Path) -> None:
    fresh = path.with_name(path.name + ".new")
    fresh.write_bytes(changed(path.read_bytes()))
    os.replace(fresh, path)


def assert_refused(library: Library, number: str, exhibits: list[Exhibit], reason: Reason) -> EvidenceMismatchError:
    before = library.folder(number).custody.read()
    saved = set(library.folder(number).bundles_dir.iterdir())
    with pytest.raises(EvidenceMismatchError) as info:
        build(library, number)
    error = info.value
    assert {(p.number, p.stored_path, p.reason) for p in error.problems} == {
        (e.number, e.stored_path, reason) for e in exhibits
    }
    for e in exhibits:
        assert f"exhibit {e.number} ({e.stored_path})" in str(error)
    # Nothing half-written, nothing recorded.
    assert set(library.folder(number).bundles_dir.iterdir()) == saved
    assert library.folder(number).custody.read() == before
    return error


@pytest.mark.parametrize("tamper", [modify_in_place, replace_by_rename], ids=["in-place", "by-rename"])
def test_every_kind_of_changed_exhibit_stops_the_bundle(library, kinds_case, tamper):
    exhibits = library.load_case(kinds_case).exhibits
    kinds = {e.mime for e in exhibits}
    assert {"text/plain", "message/rfc822", "application/pdf", "image/jpeg", "image/png"} <= kinds
    assert any(m.startswith("audio/") for m in kinds) and any(m.startswith("video/") for m in kinds)
    build(library, kinds_case)  # as added: it builds
    for exhibit in exhibits:
        path = stored(library, kinds_case, exhibit)
        original = path.read_bytes()
        tamper(path)
        try:
            assert_refused(library, kinds_case, [exhibit], Reason.CHANGED)
        finally:
            path.chmod(0o644)
            path.write_bytes(original)
            path.chmod(0o444)


def test_every_changed_or_missing_exhibit_is_named_at_once(library, kinds_case):
    exhibits = library.load_case(kinds_case).exhibits
    text = next(e for e in exhibits if e.mime == "text/plain")
    photo = next(e for e in exhibits if e.mime == "image/jpeg")
    pdf = next(e for e in exhibits if e.mime == "application/pdf")
    modify_in_place(stored(library, kinds_case, text))
    replace_by_rename(stored(library, kinds_case, photo))
    stored(library, kinds_case, pdf).unlink()
    with pytest.raises(EvidenceMismatchError) as info:
        build(library, kinds_case)
    reasons = {p.number: p.reason for p in info.value.problems}
    assert reasons == {text.number: Reason.CHANGED, photo.number: Reason.CHANGED, pdf.number: Reason.MISSING}
    assert "FileNotFoundError" not in str(info.value)


def test_a_missing_exhibit_file_is_reported_missing(library, kinds_case):
    exhibits = library.load_case(kinds_case).exhibits
    for exhibit in exhibits:
        path = stored(library, kinds_case, exhibit)
        aside = path.with_name(path.name + ".aside")
        os.replace(path, aside)
        try:
            error = assert_refused(library, kinds_case, [exhibit], Reason.MISSING)
            assert "missing" in str(error) and "损坏" not in str(error)
        finally:
            os.replace(aside, path)


def test_the_command_exits_1_and_force_does_not_override(capsys, library, kinds_case):
    photo = next(e for e in library.load_case(kinds_case).exhibits if e.mime == "image/png")
    modify_in_place(stored(library, kinds_case, photo))
    library.close()
    code = main(["--library", str(library.root), "bundle", kinds_case, "--venue", "court", "--force"])
    _out, err = capsys.readouterr()
    assert code == 1
    assert f"exhibit {photo.number} ({photo.stored_path})" in err and "changed since it was added" in err
    assert list(library.folder(kinds_case).bundles_dir.iterdir()) == []


def test_an_exhibit_changed_while_it_is_read_is_caught(library, kinds_case, tmp_path):
    video = next(e for e in library.load_case(kinds_case).exhibits if e.mime.startswith("video/"))
    path = stored(library, kinds_case, video)
    reader = EvidenceReader(library.folder(kinds_case).path, tmp_path / "work", kinds_case)
    with pytest.raises(EvidenceMismatchError) as info, reader.open(video) as fh:
        assert fh.read(4)  # the caller reads the checked file...
        path.chmod(0o644)
        with open(path, "r+b") as other:  # ...while something else writes to it
            other.seek(10)
            other.write(b"X")
    assert [p.reason for p in info.value.problems] == [Reason.CHANGED_WHILE_READ]


def test_verified_reads_return_the_bytes_that_were_hashed(library, kinds_case, tmp_path):
    exhibits = library.load_case(kinds_case).exhibits
    text = next(e for e in exhibits if e.mime == "text/plain")
    pdf = next(e for e in exhibits if e.mime == "application/pdf")
    reader = EvidenceReader(library.folder(kinds_case).path, tmp_path / "work", kinds_case)
    data, cut = reader.read_head(text, 10)
    assert data == stored(library, kinds_case, text).read_bytes()[:10] and cut
    data, cut = reader.read_head(text, 1 << 20)
    assert data == stored(library, kinds_case, text).read_bytes() and not cut
    copy = reader.copy(pdf)
    assert copy.parent == tmp_path / "work" and copy.read_bytes() == stored(library, kinds_case, pdf).read_bytes()
    reader.finish()  # nothing wrong: no error


def test_a_photo_changed_after_its_page_was_made_stops_the_fill(tmp_path):
    """The second check, as the photo's bytes are streamed into the bundle: every change is named."""
    skeleton, sources = photo_skeleton(tmp_path, [(40, 30)] * 3)
    modify_in_place(sources["00001"][0])
    sources["00003"][0].unlink()
    with pytest.raises(PhotosChanged) as info:
        fill_placeholders(skeleton, tmp_path / "out.pdf", sources)
    assert info.value.tokens == {"00001": "changed", "00003": "missing"}


def test_the_output_copy_is_checked_before_anything_is_built(capsys, library, kinds_case, tmp_path):
    before = library.folder(kinds_case).custody.read()
    for target, words in (
        (tmp_path / "no-such-folder" / "x.pdf", "no folder"),
        (tmp_path / "bundle.txt", "must end in .pdf"),
    ):
        with pytest.raises(InvalidValueError) as info:
            list(build_bundle(library, kinds_case, BundleOptions(Venue.COURT, force=True, output=target), SETTINGS))
        assert words in str(info.value)
    assert list(library.folder(kinds_case).bundles_dir.iterdir()) == []
    assert library.folder(kinds_case).custody.read() == before
    library.close()
    code = main(["--library", str(library.root), "bundle", kinds_case, "--venue", "court", "-o", "/nonexistent/x.pdf"])
    _out, err = capsys.readouterr()
    assert code == 2 and "/nonexistent" in err
    assert list(library.folder(kinds_case).bundles_dir.iterdir()) == []
    assert library.folder(kinds_case).custody.read() == before


def test_a_photo_whose_header_is_not_the_one_its_page_was_made_from_is_not_filled(tmp_path):
    """A photo laid out from a glance at its header is inspected whole as it is streamed in:
    its bytes match its hash, but a header other than the one glanced at is a change."""
    import pikepdf

    from casefile.core.bundle.jpeg import inspect_header

    skeleton, sources = photo_skeleton(tmp_path, [(40, 30), (60, 20)])
    headers = {}
    for token, (path, _sha256) in sources.items():
        with open(path, "rb") as fh:
            problem, headers[token] = inspect_header(fh)
        assert problem is None
    fill_placeholders(skeleton, tmp_path / "good.pdf", sources, headers)  # as glanced at: filled
    with pikepdf.open(tmp_path / "good.pdf") as pdf:
        images = sorted(
            bytes(o.read_raw_bytes())
            for o in pdf.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Filter") == "/DCTDecode"
        )
    assert images == sorted(p.read_bytes() for p, _sha in sources.values())
    glanced = {"00001": headers["00002"], "00002": headers["00002"]}  # the first photo's page: another header
    with pytest.raises(PhotosChanged) as info:
        fill_placeholders(skeleton, tmp_path / "out.pdf", sources, glanced)
    assert info.value.tokens == {"00001": "changed while read"}
