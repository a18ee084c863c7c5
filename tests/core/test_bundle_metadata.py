"""What an exhibit says about itself reaches the bundle: capture time and its source, device, place,
video frames, HEIC photos, and preflight warnings about times worth a look."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pikepdf
import pytest
from casefile_testing import filed_case, make_video
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.context import ExhibitEntry
from casefile.core.bundle.preflight import preflight
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")


def exif(original: str, model: str = "iPhone 15") -> bytes:
    data = Image.Exif()
    data[0x010F], data[0x0110] = "Apple", model
    data.get_ifd(0x8769).update({0x9003: original, 0x9011: "+08:00"})
    return data.tobytes()


@pytest.fixture
def described(library, tmp_path, corpus):
    folder = tmp_path / "phone"
    folder.mkdir()
    shutil.copyfile(corpus / "images" / "gps" / "DSCN0010.jpg", folder / "网点外景.jpg")
    Image.new("RGB", (90, 160), (240, 240, 240)).save(folder / "Screenshot_20261118-201530_Taobao.png")
    make_video(folder / "开箱视频.mp4")
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    Image.new("RGB", (120, 80), (200, 60, 60)).save(folder / "IMG_4032.HEIC", "HEIF", exif=exif("2026:11:18 20:04:51"))
    case = filed_case(library)
    results = [
        r for r in add_files(library, case.number, [folder], AddOptions(purpose="证明破损")) if isinstance(r, AddResult)
    ]
    assert all(r.exhibit is not None for r in results), [r.refused for r in results]
    return case.number, {r.path.name: r.exhibit for r in results}


def build(library, number, venue):
    items = list(build_bundle(library, number, BundleOptions(venue, force=True), SETTINGS))
    result = items[-1]
    assert isinstance(result, BundleResult)
    return result.files[0]


def page_after(texts: list[str], marker: str) -> int:
    return next(i for i, text in enumerate(texts) if marker in text)


def images_on(pdf: pikepdf.Pdf, index: int) -> int:
    resources = pdf.pages[index].Resources
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    return sum(1 for _, x in xobjects.items() if x.get("/Subtype") == "/Image")


def test_separator_pages_say_when_how_and_where(library, described):
    number, exhibits = described
    texts = [p.extract_text() or "" for p in PdfReader(build(library, number, Venue.COURT)).pages]
    photo = texts[page_after(texts, "网点外景.jpg")]
    assert "照片EXIF拍摄时间" in photo and "2008-10-22" in photo
    assert "NIKON COOLPIX P6000" in photo
    assert "纬度 43.467448" in photo  # a court sees the place
    shot = texts[page_after(texts, "Screenshot_20261118-201530_Taobao.png")]
    assert "文件名中的时间" in shot and "2026-11-18 20:15:30" in shot
    heic = texts[page_after(texts, "IMG_4032.HEIC")]
    assert "Apple iPhone 15" in heic and "照片EXIF拍摄时间" in heic


def test_gps_is_not_printed_for_a_courier_claim(library, described):
    number, _ = described
    text = "\n".join(p.extract_text() or "" for p in PdfReader(build(library, number, Venue.COURIER_CLAIM)).pages)
    assert "43.467448" not in text
    assert "为保护个人信息未打印" in text


def test_video_pages_show_a_poster_frame_and_a_contact_sheet(library, described):
    number, exhibits = described
    path = build(library, number, Venue.COURT)
    texts = [p.extract_text() or "" for p in PdfReader(path).pages]
    video_page = page_after(texts, "视频资料说明")
    assert "00:00:04" in texts[video_page]  # its duration
    assert "按时间均匀截取的 12 个画面" in texts[video_page]
    with pikepdf.open(path) as pdf:
        assert images_on(pdf, video_page) == 2


def test_heic_photos_are_printed(library, described):
    number, exhibits = described
    path = build(library, number, Venue.COURT)
    texts = [p.extract_text() or "" for p in PdfReader(path).pages]
    separator = page_after(texts, "IMG_4032.HEIC")
    assert "无法" not in texts[separator + 1]
    with pikepdf.open(path) as pdf:
        assert images_on(pdf, separator + 1) == 1
    stored = library.folder(number).path / exhibits["IMG_4032.HEIC"].stored_path
    with Image.open(stored) as image:
        assert image.format == "HEIF"  # the exhibit itself is untouched


def test_preflight_warns_about_a_capture_time_after_the_ingest(library, tmp_path):
    case = filed_case(library)
    future = (datetime.now(UTC) + timedelta(days=2)).astimezone().strftime("%Y:%m:%d %H:%M:%S")
    Image.new("RGB", (40, 30)).save(tmp_path / "p.jpg", exif=exif(future))
    (result,) = [r for r in add_files(library, case.number, [tmp_path / "p.jpg"]) if isinstance(r, AddResult)]
    exhibit = result.exhibit
    assert "captured-after-added" in exhibit.flags
    codes = [
        f.code
        for f in preflight(
            library.load_case(case.number), Venue.COURT, [ExhibitEntry(exhibit, "1")], size_limit_mb=None
        )
    ]
    assert "flag-captured-after-added" in codes
    with library.edit(case.number) as writer:  # the clerk checks the time and corrects it
        exhibit = writer.update_exhibit(
            exhibit.number, captured_at=datetime(2026, 11, 18, 20, 0, tzinfo=UTC), captured_at_source="user"
        )
    codes = [
        f.code
        for f in preflight(
            library.load_case(case.number), Venue.COURT, [ExhibitEntry(exhibit, "1")], size_limit_mb=None
        )
    ]
    assert "flag-captured-after-added" not in codes


def test_a_camera_s_words_show_their_direction_and_zero_width_characters_escaped():
    """A make that reverses the line or hides text (U+202E, U+200B) is printed with those characters as visible
    escapes on the cover, the software named in 备注 likewise."""
    from casefile.core.bundle.parts import _flag_notes, metadata_rows
    from casefile.core.model import EvidenceKind, Exhibit, ExhibitMetadata

    e = Exhibit(
        number=1,
        title="照片",
        kind=EvidenceKind.PHOTO,
        original_name="IMG_0001.jpg",
        stored_path="exhibits/001.jpg",
        size=1,
        sha256="0" * 64,
        added_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        added_by="王店员",
        metadata=ExhibitMetadata(
            camera_make="华为\u202e技术\u200b", camera_model="Mate 60", software="醒图\u2066x\u2069"
        ),
        flags=["edited"],
    )
    device = dict(metadata_rows(e))["拍摄/录制设备"]
    assert "华为\\u202e技术\\u200b" in device and "醒图\\u2066x\\u2069" in device
    assert not any(ch in device for ch in "\u202e\u200b\u2066\u2069")
    assert "醒图\\u2066x\\u2069" in _flag_notes(e)
