"""Capture metadata read at ingest: EXIF, file-name times, PDF information, mail headers, the time rule."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from casefile.core import zone
from casefile.core.evidence import AddResult, add_files
from casefile.core.metadata import (
    FLAG_BROKEN,
    FLAG_CAPTURED_AFTER_ADDED,
    FLAG_EDITED,
    FLAG_METADATA_UNAVAILABLE,
    FLAG_TIME_DISAGREES,
    detect_encoding,
    extract,
    time_from_file_name,
    time_from_recording_name,
)
from casefile.core.model import EvidenceKind, Exhibit, ExhibitMetadata

NOW = datetime.now(UTC)
CST = timezone(timedelta(hours=8))


def exif_bytes(original: str | None = "2024:05:10 14:30:12", offset: str | None = "+08:00", **base: object) -> bytes:
    exif = Image.Exif()
    tags = {"make": 0x010F, "model": 0x0110, "software": 0x0131, "changed": 0x0132, "orientation": 0x0112}
    for name, value in base.items():
        exif[tags[name]] = value
    detail = exif.get_ifd(0x8769)
    if original:
        detail[0x9003] = original
    if offset:
        detail[0x9011] = offset
    return exif.tobytes()


def jpeg(path: Path, exif: bytes = b"", size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, (180, 40, 40)).save(path, "JPEG", exif=exif)
    return path


def read(path: Path, mime: str, *, mtime: datetime | None = None, added: datetime = NOW, name: str = ""):
    return extract(path, mime, original_name=name or path.name, file_modified_at=mtime, added_at=added)


# ------------------------------------------------------------------ photos


def test_exif_capture_time_with_its_offset_camera_and_size(tmp_path):
    photo = jpeg(tmp_path / "p.jpg", exif_bytes(make="HUAWEI", model="P60 Pro", orientation=6), (120, 80))
    found = read(photo, "image/jpeg", mtime=datetime(2024, 5, 12, tzinfo=UTC))
    assert found.captured_at == datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST)
    assert found.captured_at_source == "exif"
    meta = found.metadata
    assert (meta.camera_make, meta.camera_model, meta.orientation) == ("HUAWEI", "P60 Pro", 6)
    assert (meta.width, meta.height, meta.exif_offset) == (120, 80, "+08:00")
    assert found.flags == []


def test_exif_time_without_offset_is_beijing_time_and_says_so(tmp_path, los_angeles):
    """A phone's clock with no zone is taken as the zone times are shown in, not as the computer's: on a PC left on
    Pacific time, a photo taken at 14:30 in Shanghai is still dated 14:30 Beijing time."""
    photo = jpeg(tmp_path / "p.jpg", exif_bytes(offset=None))
    found = read(photo, "image/jpeg")
    assert found.captured_at == datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST)
    assert found.metadata.time_without_offset is True
    named = jpeg(tmp_path / "IMG_20240510_143012.jpg", b"")
    assert read(named, "image/jpeg").captured_at == datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST)


def test_exif_time_without_offset_is_the_computers_when_times_are_shown_in_its_zone(tmp_path, los_angeles):
    zone.use_computer_zone(True)
    photo = jpeg(tmp_path / "p.jpg", exif_bytes(offset=None))
    found = read(photo, "image/jpeg")
    assert found.captured_at == datetime(2024, 5, 10, 14, 30, 12).astimezone()
    assert found.captured_at.utcoffset() == timedelta(hours=-7)


def test_real_camera_samples_give_time_camera_and_gps(corpus):
    found = read(corpus / "images" / "gps" / "DSCN0010.jpg", "image/jpeg")
    assert found.captured_at_source == "exif"
    assert found.metadata.camera_model == "COOLPIX P6000"
    assert found.metadata.gps is not None and found.metadata.gps.alt is None
    assert (found.metadata.gps.lat, found.metadata.gps.lon) == (pytest.approx(43.467448), pytest.approx(11.885127))
    iphone = read(corpus / "images" / "hdr" / "iphone_hdr_NO.jpg", "image/jpeg")
    assert iphone.captured_at == datetime(2015, 4, 10, 20, 12, 23, 16000, tzinfo=timezone(timedelta(hours=2)))
    assert iphone.metadata.gps is not None and iphone.metadata.gps.alt == pytest.approx(639.6)
    assert iphone.metadata.camera_make == "Apple"


def test_all_eight_orientations_are_read(corpus):
    for n in range(1, 9):
        found = read(corpus / "images" / "orientation" / f"portrait_{n}.jpg", "image/jpeg")
        assert found.metadata.orientation == n


def test_heic_photo_from_a_phone(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    photo = tmp_path / "IMG_0001.HEIC"
    Image.new("RGB", (64, 48), (10, 200, 10)).save(photo, "HEIF", exif=exif_bytes(make="Apple", model="iPhone 15"))
    found = read(photo, "image/heic")
    assert found.captured_at == datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST)
    assert (found.metadata.camera_model, found.metadata.width) == ("iPhone 15", 64)


def test_a_photo_saved_by_an_editor_is_flagged(tmp_path):
    edited = read(jpeg(tmp_path / "a.jpg", exif_bytes(software="Adobe Photoshop 25.0")), "image/jpeg")
    assert FLAG_EDITED in edited.flags
    rewritten = read(jpeg(tmp_path / "b.jpg", exif_bytes(changed="2024:06:01 09:00:00")), "image/jpeg")
    assert FLAG_EDITED in rewritten.flags
    camera = read(jpeg(tmp_path / "c.jpg", exif_bytes(changed="2024:05:10 14:30:12")), "image/jpeg")
    assert FLAG_EDITED not in camera.flags


# ------------------------------------------------------------------ the time rule and its checks


def test_exif_wins_over_file_name_and_file_time(tmp_path):
    photo = jpeg(tmp_path / "IMG_20240601_090000.jpg", exif_bytes())
    found = read(photo, "image/jpeg", mtime=NOW)
    assert found.captured_at_source == "exif"
    assert found.metadata.file_name_time.startswith("2024-06-01T09:00:00")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Screenshot_20240510-143012_WeChat.png", (2024, 5, 10, 14, 30, 12)),
        ("微信图片_20240510143015.jpg", (2024, 5, 10, 14, 30, 15)),
        ("IMG_20240510_143012.jpg", (2024, 5, 10, 14, 30, 12)),
        ("PXL_20240510_143012345.jpg", (2024, 5, 10, 14, 30, 12)),
        ("VID_20240510_143012.mp4", (2024, 5, 10, 14, 30, 12)),
        ("Screenshot 2024-05-10 at 14.30.12.png", (2024, 5, 10, 14, 30, 12)),
        ("屏幕截图 2024-05-10 143012.png", (2024, 5, 10, 14, 30, 12)),
        ("截屏2024-05-10 14.30.12.png", (2024, 5, 10, 14, 30, 12)),
        ("QQ截图20240510143012.png", (2024, 5, 10, 14, 30, 12)),
        ("Screenshot_2024-05-10-14-30-12-345_com.tencent.mm.jpg", (2024, 5, 10, 14, 30, 12)),
    ],
)
def test_times_in_screenshot_and_phone_file_names(name, expected):
    assert time_from_file_name(name) == datetime(*expected, tzinfo=CST)


def test_wechat_export_millisecond_stamp_and_names_without_a_time():
    assert time_from_file_name("mmexport1715322612345.jpg") == datetime(2024, 5, 10, 6, 30, 12, 345000, tzinfo=UTC)
    for name in ("photo.jpg", "invoice_12345678901234.pdf", "20241399250000.png", "IMG_0001.JPG", "订单截图.png"):
        assert time_from_file_name(name) is None, name


@pytest.mark.parametrize(
    "name, expected",
    [
        ("通话录音_20261121_1005.wav", (2026, 11, 21, 10, 5, 0)),
        ("Recording_20261121_1005.m4a", (2026, 11, 21, 10, 5, 0)),
        ("录音_2026-11-21_10-05-33.m4a", (2026, 11, 21, 10, 5, 33)),
        ("Call recording 张三_201121_100533.m4a", (2020, 11, 21, 10, 5, 33)),
        ("13812345678_20261121100533.amr", (2026, 11, 21, 10, 5, 33)),
        ("张三(13812345678)_20261121100533.mp3", (2026, 11, 21, 10, 5, 33)),
        ("张三 13812345678_20261121100533.m4a", (2026, 11, 21, 10, 5, 33)),
        ("13812345678_20261121_1005.amr", (2026, 11, 21, 10, 5, 0)),
        ("通话录音 张三 2026-11-21 10-05-33.m4a", (2026, 11, 21, 10, 5, 33)),
    ],
)
def test_times_in_call_and_voice_recorders_file_names(name, expected, monkeypatch):
    monkeypatch.setattr("casefile.core.metadata._plausible", lambda naive: naive.year >= 1995)
    named = time_from_file_name(name) or time_from_recording_name(name)
    assert named == datetime(*expected, tzinfo=CST)


def test_recorder_names_are_read_only_for_recordings():
    for name in ("IMG_20241121_1005.jpg", "通话录音_客服.wav", "报价单_241121_100533.pdf", "录音_0001.m4a"):
        assert time_from_recording_name(name) is None, name


def test_a_call_recording_takes_its_time_from_its_name_with_that_basis(tmp_path):
    import wave

    call = tmp_path / "call.wav"
    with wave.open(str(call), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    copied = datetime(2024, 12, 1, 1, 18, 7, tzinfo=CST)
    found = read(call, "audio/x-wav", mtime=copied, name="通话录音_20241121_1005.wav")
    assert (found.captured_at, found.captured_at_source) == (datetime(2024, 11, 21, 10, 5, tzinfo=CST), "file-name")
    assert found.metadata.time_without_offset


def test_an_audio_recordings_container_creation_time_is_read(tmp_path):
    import av

    path = tmp_path / "voice.m4a"
    with av.open(str(path), "w", format="mp4") as out:
        out.metadata["creation_time"] = "2024-11-21T02:05:33.000000Z"
        stream = out.add_stream("aac", rate=16000)
        stream.layout = "mono"
        frame = av.AudioFrame(format="s16", layout="mono", samples=16000)
        frame.planes[0].update(b"\0\0" * 16000)
        frame.sample_rate, frame.pts = 16000, 0
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    found = read(path, "audio/mp4", mtime=NOW, name="录音_0001.m4a")
    assert (found.captured_at, found.captured_at_source) == (datetime(2024, 11, 21, 2, 5, 33, tzinfo=UTC), "container")


def test_a_screenshot_without_exif_takes_its_time_from_its_name(tmp_path):
    shot = tmp_path / "shot.png"
    Image.new("RGB", (40, 80)).save(shot)
    found = read(shot, "image/png", mtime=NOW, name="Screenshot_20240510-143012_WeChat.png")
    assert (found.captured_at, found.captured_at_source) == (
        datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST),
        "file-name",
    )


def test_without_anything_better_the_file_time_is_used(tmp_path):
    plain = jpeg(tmp_path / "photo.jpg")
    stamp = datetime(2024, 5, 11, 8, 0, tzinfo=UTC)
    found = read(plain, "image/jpeg", mtime=stamp)
    assert (found.captured_at, found.captured_at_source, found.flags) == (stamp, "file-mtime", [])


def test_a_capture_time_later_than_the_ingest_is_flagged(tmp_path):
    future = (NOW + timedelta(days=3)).astimezone(CST).strftime("%Y:%m:%d %H:%M:%S")
    found = read(jpeg(tmp_path / "p.jpg", exif_bytes(original=future)), "image/jpeg", mtime=NOW)
    assert FLAG_CAPTURED_AFTER_ADDED in found.flags
    slightly = (NOW + timedelta(minutes=3)).astimezone(CST).strftime("%Y:%m:%d %H:%M:%S")  # a clock a little fast
    assert (
        FLAG_CAPTURED_AFTER_ADDED
        not in read(jpeg(tmp_path / "q.jpg", exif_bytes(original=slightly)), "image/jpeg").flags
    )


def test_a_file_time_far_from_the_exif_time_is_flagged(tmp_path):
    photo = jpeg(tmp_path / "p.jpg", exif_bytes())
    before = read(photo, "image/jpeg", mtime=datetime(2024, 5, 9, tzinfo=UTC))  # modified before it was taken
    assert FLAG_TIME_DISAGREES in before.flags
    assert before.metadata.time_disagreement == "file-modified-before-capture"
    years = read(photo, "image/jpeg", mtime=datetime(2026, 1, 1, tzinfo=UTC))
    assert years.metadata.time_disagreement == "file-modified-long-after-capture"
    copied_later = read(photo, "image/jpeg", mtime=datetime(2024, 6, 20, tzinfo=UTC))  # copied off the phone
    assert FLAG_TIME_DISAGREES not in copied_later.flags


# ------------------------------------------------------------------ hostile and broken files


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_keeps_its_bytes_and_says_why(tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(60000, 60000))
    found = read(bomb, "image/png", mtime=NOW)
    assert "decompression bomb" in found.metadata.metadata_error
    assert FLAG_METADATA_UNAVAILABLE in found.flags and FLAG_BROKEN in found.flags
    assert found.captured_at_source == "file-mtime"


def test_broken_and_lying_files_never_raise(tmp_path, corpus):
    garbage = tmp_path / "photo.jpg"
    garbage.write_bytes(os.urandom(5000))
    for mime in ("image/jpeg", "application/pdf", "message/rfc822", "text/plain", "video/mp4", "audio/amr"):
        found = read(garbage, mime, mtime=NOW)
        assert found.captured_at == NOW
    for path in sorted((corpus / "images").rglob("*.jp*g")):
        read(path, "image/jpeg", mtime=NOW)
    truncated = tmp_path / "cut.jpg"
    truncated.write_bytes((corpus / "images" / "Canon_40D.jpg").read_bytes()[:3000])
    assert read(truncated, "image/jpeg", mtime=NOW).captured_at_source in ("exif", "file-mtime")


# ------------------------------------------------------------------ PDFs, text and mail


def test_pdf_pages_producer_creation_date_and_encryption(tmp_path, corpus):
    found = read(corpus / "pdfs" / "pdflatex-4-pages.pdf", "application/pdf", mtime=NOW)
    assert found.metadata.pages == 4
    assert found.metadata.producer.startswith("pdfTeX")
    assert found.metadata.encrypted is False
    assert (found.captured_at_source, found.captured_at.year) == ("container", 2022)

    locked = tmp_path / "locked.pdf"
    with pikepdf.open(corpus / "pdfs" / "minimal-document.pdf") as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="secret"))
    found = read(locked, "application/pdf", mtime=NOW)
    assert found.metadata.encrypted is True
    assert "encrypted" in found.flags and FLAG_BROKEN not in found.flags


def test_text_encodings_are_detected():
    assert detect_encoding("客服：您好，请问有什么可以帮您".encode("gbk")) == "gb18030"
    assert detect_encoding("客服：您好".encode()) == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbfhello") == "utf-8-sig"
    assert detect_encoding("hi".encode("utf-16")) == "utf-16"
    assert detect_encoding(b"plain ascii") == "ascii"


def test_email_headers_are_parsed(tmp_path):
    mail = tmp_path / "reply.eml"
    mail.write_bytes(
        b"From: =?UTF-8?B?5a6i5pyN?= <service@shop.example>\r\n"
        b"To: li.si@example.com\r\n"
        b"Date: Fri, 10 May 2024 14:30:12 +0800\r\n"
        b"Subject: =?GBK?B?" + __import__("base64").b64encode("退款申请回复".encode("gbk")) + b"?=\r\n"
        b"Content-Type: text/plain; charset=gbk\r\n\r\n" + "您的退款申请已受理。".encode("gbk")
    )
    found = read(mail, "message/rfc822", mtime=NOW)
    email = found.metadata.email
    assert email is not None and email.sender == "客服 <service@shop.example>"
    assert email.subject == "退款申请回复"
    assert found.metadata.encoding == "gbk"
    assert (found.captured_at, found.captured_at_source) == (datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST), "container")


# ------------------------------------------------------------------ through ingest


def test_ingest_stores_the_capture_time_its_source_and_flags(library, case, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    jpeg(folder / "IMG_1001.jpg", exif_bytes(make="Xiaomi", model="14"))
    Image.new("RGB", (40, 80)).save(folder / "Screenshot_20240510-150000_Taobao.png")
    results = [r for r in add_files(library, case.number, [folder]) if isinstance(r, AddResult)]
    by_name = {r.path.name: r.exhibit for r in results}
    photo, shot = by_name["IMG_1001.jpg"], by_name["Screenshot_20240510-150000_Taobao.png"]
    assert (photo.captured_at, photo.captured_at_source) == (datetime(2024, 5, 10, 14, 30, 12, tzinfo=CST), "exif")
    assert photo.metadata.camera_model == "14"
    assert shot.captured_at_source == "file-name"
    again = library.load_case(case.number).exhibit(photo.number)  # kept in the record
    assert again.captured_at == photo.captured_at and again.metadata == photo.metadata


def test_metadata_of_a_large_file_is_read_in_bounded_memory(tmp_path):
    import tracemalloc

    big = tmp_path / "export.txt"
    with open(big, "wb") as fh:
        block = ("2024-05-10 14:30:12 客服：您好\n" * 40000).encode("gbk")
        for _ in range(48):
            fh.write(block)
    tracemalloc.start()
    found = read(big, "text/plain", mtime=NOW)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found.metadata.encoding == "gb18030"
    assert peak < 8 << 20


def test_png_exif_is_found_without_decoding_the_pixels(tmp_path, monkeypatch):
    import struct
    import zlib

    shot = tmp_path / "shot.png"
    Image.new("RGB", (400, 800), (240, 240, 240)).save(shot)
    data = exif_bytes(make="Google", model="Pixel 8")
    data = data[6:] if data.startswith(b"Exif\0\0") else data
    chunk = struct.pack(">I", len(data)) + b"eXIf" + data + struct.pack(">I", zlib.crc32(b"eXIf" + data))
    raw = shot.read_bytes()
    end = raw.index(b"IEND") - 4
    shot.write_bytes(raw[:end] + chunk + raw[end:])  # after the pixels, as some phones write it

    def no_decoding(self, *args):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr("PIL.PngImagePlugin.PngImageFile.load", no_decoding, raising=False)
    found = read(shot, "image/png", mtime=NOW)
    assert (found.captured_at_source, found.metadata.camera_model) == ("exif", "Pixel 8")


def test_metadata_of_older_exhibits_is_read_again(library, case, tmp_path, monkeypatch, corpus):
    """Exhibits added before metadata was read (or by an older CaseFile) get it, once, through the custody log."""
    from casefile.core import evidence
    from casefile.core.evidence import MetadataResult, reread_metadata
    from casefile.core.metadata import Extracted
    from casefile.core.verify import verify_case

    shutil.copyfile(corpus / "images" / "gps" / "DSCN0010.jpg", tmp_path / "old.jpg")
    jpeg(tmp_path / "set-by-hand.jpg", exif_bytes())
    as_before = lambda path, mime, **kw: Extracted(captured_at=kw["file_modified_at"])  # noqa: E731
    monkeypatch.setattr(evidence, "extract", as_before)
    added = [
        r.exhibit
        for r in add_files(library, case.number, [tmp_path / "old.jpg", tmp_path / "set-by-hand.jpg"])
        if isinstance(r, AddResult)
    ]
    monkeypatch.undo()
    assert all(e.metadata == ExhibitMetadata() and e.captured_at_source == "file-mtime" for e in added)
    with library.edit(case.number) as writer:
        writer.update_exhibit(2, captured_at=datetime(2024, 5, 10, 15, 0, tzinfo=CST), captured_at_source="user")

    results = [r for r in reread_metadata(library, case.number) if isinstance(r, MetadataResult)]
    assert [(r.number, r.changed, r.problem) for r in results] == [(1, True, None), (2, True, None)]
    record = library.load_case(case.number)
    old, by_hand = record.exhibit(1), record.exhibit(2)
    assert (old.captured_at_source, old.metadata.camera_model) == ("exif", "COOLPIX P6000")
    assert old.flags == ["time-disagrees"]  # read again; Nikon Transfer rewrote the EXIF time, which is not editing
    assert (by_hand.captured_at, by_hand.captured_at_source) == (datetime(2024, 5, 10, 15, 0, tzinfo=CST), "user")
    assert by_hand.metadata.exif_offset == "+08:00"  # read, but the checked time stays

    again = [r for r in reread_metadata(library, case.number) if isinstance(r, MetadataResult)]
    assert [r.changed for r in again] == [False, False]  # nothing new: no custody entry
    report = [r for r in verify_case(library, case.number) if not isinstance(r, evidence.Progress)][0]
    assert report.ok, report.summary()  # case.json is still the custody log folded


def test_a_changed_file_is_not_described(library, case, tmp_path):
    import os

    from casefile.core.evidence import MetadataResult, reread_metadata

    jpeg(tmp_path / "p.jpg", exif_bytes())
    (result,) = [r for r in add_files(library, case.number, [tmp_path / "p.jpg"]) if isinstance(r, AddResult)]
    stored = library.folder(case.number).path / result.exhibit.stored_path
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes()[:-10])
    (outcome,) = [r for r in reread_metadata(library, case.number) if isinstance(r, MetadataResult)]
    assert outcome.problem is not None and "changed since it was added" in str(outcome.problem)


def test_exif_text_written_as_utf8_or_gb18030_is_read_as_its_characters(tmp_path):
    """EXIF says ASCII; Chinese phones write UTF-8 (older software GBK): the make and model are read as the
    characters written, never Latin-1 mojibake; bytes neither encoding reads are kept as visible escapes."""
    exif = exif_bytes(
        make="华为\u202e技术\u200b有限公司".encode(), model="荣耀 Magic5".encode("gb18030"), software=b"\xff\xfe Pro"
    )
    meta = read(jpeg(tmp_path / "p.jpg", exif), "image/jpeg").metadata
    assert meta.camera_make == "华为\u202e技术\u200b有限公司"  # as written: what shows it escapes it
    assert meta.camera_model == "荣耀 Magic5"
    assert meta.software == "\\xff\\xfe Pro"
    plain = read(jpeg(tmp_path / "q.jpg", exif_bytes(make="Canon", model="EOS R5")), "image/jpeg").metadata
    assert (plain.camera_make, plain.camera_model) == ("Canon", "EOS R5")


def test_an_exif_text_too_long_to_keep_is_cut_marked_and_recorded_as_cut(tmp_path):
    """A camera make of thousands of characters is kept to 120, ending in "…", and recorded as cut, so the
    exhibit's cover says （已截断） rather than printing part of it as the whole."""
    from casefile.core.bundle.parts import CUT_MARK, metadata_rows

    exif = exif_bytes(make=("某" * 3000).encode(), model=b"X1", software=b"S" * 200)
    meta = read(jpeg(tmp_path / "p.jpg", exif), "image/jpeg").metadata
    assert len(meta.camera_make) == 120 and meta.camera_make.endswith("…")
    assert meta.software.endswith("…") and meta.camera_model == "X1"
    assert sorted(meta.cut) == ["camera_make", "software"]
    exhibit = Exhibit(
        number=1, title="t", kind=EvidenceKind.PHOTO, original_name="p.jpg", stored_path="evidence/001-p.jpg",
        sha256="0" * 64, size=1, mime="image/jpeg", added_at=datetime(2026, 11, 20, tzinfo=UTC), added_by="x",
        metadata=meta,
    )  # fmt: skip
    (device,) = [value for label, value in metadata_rows(exhibit) if label == "拍摄/录制设备"]
    assert device.count(CUT_MARK) == 2, device
    short = read(jpeg(tmp_path / "q.jpg", exif_bytes(make="Canon", model="EOS R5")), "image/jpeg").metadata
    assert not short.cut
