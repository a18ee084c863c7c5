"""Choosing a customer's photos from the phone's folder by when they were taken, not when the file arrived."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import av
import pytest
from PIL import Image

from casefile.core.errors import CancelledError
from casefile.core.metadata import SOURCE_CONTAINER, SOURCE_EXIF, SOURCE_FILE_MTIME, SOURCE_FILE_NAME
from casefile.core.progress import CancelToken
from casefile.core.walkin import phone_preview, photos_taken_on

BEIJING = timezone(timedelta(hours=8))
DAY = date(2026, 11, 20)


def at(day: date, hour: int, minute: int = 0, tz: timezone = BEIJING) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def photo(
    path: Path,
    taken: str | None,
    offset: str | None = "+08:00",
    modified: datetime | None = None,
    *,
    size: tuple[int, int] = (64, 48),
    orientation: int | None = None,
) -> Path:
    """A JPEG (or PNG, by its name) with EXIF DateTimeOriginal ``taken`` ("2026:11:20 09:15:00") and its offset."""
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        detail = exif.get_ifd(0x8769)
        detail[0x9003] = taken
        if offset is not None:
            detail[0x9011] = offset
    image = Image.new("RGB", size, (180, 40, 40))
    if path.suffix.lower() == ".png":
        image.save(path)
    else:
        image.save(path, "JPEG", exif=exif.tobytes())
    if modified is not None:
        os.utime(path, (modified.timestamp(), modified.timestamp()))
    return path


def touch(path: Path, modified: datetime) -> Path:
    os.utime(path, (modified.timestamp(), modified.timestamp()))
    return path


def names(found) -> list[str]:
    return [p.path.name for p in found]


def test_the_days_photos_by_their_own_time_newest_first(tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    photo(folder / "IMG_0101.jpg", "2026:11:20 09:15:00", modified=at(DAY, 9, 16))
    photo(folder / "IMG_0102.jpg", "2026:11:20 14:30:00", modified=at(DAY, 14, 31))
    photo(folder / "IMG_0099.jpg", "2026:11:19 18:00:00", modified=at(DAY - timedelta(days=1), 18, 1))
    # Another customer's picture, taken weeks ago and copied into the folder today: the defect.
    photo(folder / "IMG_0042.jpg", "2026:11:02 10:00:00", modified=at(DAY, 10, 30))
    photo(folder / "shared.png", None, modified=at(DAY, 11, 0))  # no EXIF: the file's time stands in
    photo(folder / "old.png", None, modified=at(DAY - timedelta(days=1), 11, 0))
    (folder / "notes.txt").write_text("not a photo")
    touch(folder / "notes.txt", at(DAY, 12, 0))
    for name in (".IMG_0103.jpg", "IMG_0104.jpg.part", ".syncthing.IMG_0105.jpg.tmp", "IMG_0106.jpg.!sync"):
        shutil.copy(folder / "IMG_0102.jpg", folder / name)
    touch(folder / "IMG_0104.jpg.part", at(DAY, 15, 0))
    (folder / "IMG_0107.jpg").write_bytes(b"")  # the sync tool has only just created it
    (folder / "album").mkdir()
    photo(folder / "album" / "IMG_0108.jpg", "2026:11:20 16:00:00")

    found = photos_taken_on(folder, DAY, BEIJING)

    assert names(found) == ["IMG_0102.jpg", "shared.png", "IMG_0101.jpg"]
    assert [p.source for p in found] == [SOURCE_EXIF, SOURCE_FILE_MTIME, SOURCE_EXIF]
    assert found[0].captured_at == at(DAY, 14, 30) and found[0].captured_at.utcoffset() == timedelta(hours=8)
    assert found[1].captured_at == at(DAY, 11, 0)
    assert not any(p.problem or p.video for p in found)
    assert names(photos_taken_on(folder, DAY - timedelta(days=1), BEIJING)) == ["IMG_0099.jpg", "old.png"]
    assert names(photos_taken_on(folder, date(2026, 11, 2), BEIJING)) == ["IMG_0042.jpg"]
    assert photos_taken_on(tmp_path / "missing", DAY, BEIJING) == []


def test_the_day_is_the_clerks_and_a_time_without_offset_is_the_phones_clock(tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    # 23:30 in New York on the 19th is 12:30 on the 20th in Beijing.
    photo(folder / "abroad.jpg", "2026:11:19 23:30:00", "-05:00", modified=at(DAY, 13, 0))
    # No offset: 08:05 on the phone's clock, whatever zone the clerk's computer is in.
    photo(folder / "floating.jpg", "2026:11:20 08:05:00", None, modified=at(DAY, 8, 6))
    # No EXIF, a time in the name (a phone's own naming): the name is believed over the file's time.
    photo(folder / "IMG_20261103_101500.png", None, modified=at(DAY, 9, 0))

    found = photos_taken_on(folder, DAY, BEIJING)
    assert names(found) == ["abroad.jpg", "floating.jpg"]
    assert found[0].captured_at == at(DAY, 12, 30)
    assert found[1].captured_at.replace(tzinfo=None) == datetime(2026, 11, 20, 8, 5)

    new_york = timezone(timedelta(hours=-5))
    found = photos_taken_on(folder, date(2026, 11, 19), new_york)
    assert names(found) == ["abroad.jpg"] and found[0].captured_at == at(date(2026, 11, 19), 23, 30, new_york)
    (named,) = photos_taken_on(folder, date(2026, 11, 3), BEIJING)
    assert named.source == SOURCE_FILE_NAME and named.captured_at.replace(tzinfo=None) == datetime(2026, 11, 3, 10, 15)


def test_a_broken_picture_is_listed_by_its_file_time_with_the_reason(tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / "IMG_0200.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"not really a photo" * 20)
    touch(folder / "IMG_0200.jpg", at(DAY, 10, 0))

    (broken,) = photos_taken_on(folder, DAY, BEIJING)
    assert broken.source == SOURCE_FILE_MTIME and broken.problem
    with pytest.raises(Exception):  # noqa: B017 - whatever Pillow says; the picker shows it
        phone_preview(broken.path, 96)


def test_the_corpus_broken_files_never_crash_the_scan(tmp_path, corpus):
    folder = tmp_path / "phone"
    folder.mkdir()
    broken = [corpus / "images" / "corrupted.jpg", *sorted((corpus / "images" / "invalid").iterdir())]
    broken += sorted((corpus / "images" / "tests").glob("*error*.jpg"))
    for i, source in enumerate(broken):
        touch(shutil.copy(source, folder / f"{i:02d}-{source.name}"), at(DAY, 10, i))
    found = photos_taken_on(folder, date(2000, 1, 1), BEIJING) + photos_taken_on(folder, DAY, BEIJING)
    assert found  # at least the ones without a readable date are listed by their file time
    for item in found:
        try:
            preview = phone_preview(item.path, 96)
        except Exception:  # noqa: BLE001 - a reason for the picker to show, not a crash
            continue
        assert max(preview.size) <= 96


def test_a_preview_is_small_and_upright(tmp_path):
    big = photo(tmp_path / "big.jpg", "2026:11:20 09:00:00", size=(4000, 3000), orientation=6)
    preview = phone_preview(big, 128)
    assert preview.size == (96, 128)  # turned upright, long side 128


def test_a_video_is_dated_by_its_container_and_drawn_from_its_first_frame(tmp_path):
    try:
        av.codec.Codec("mpeg4", "w")
    except Exception:
        pytest.skip("this PyAV build has no mpeg4 encoder")
    folder = tmp_path / "phone"
    folder.mkdir()
    path = folder / "VID_0300.mp4"
    with av.open(str(path), "w", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata["creation_time"] = "2026-11-20T02:00:00.000000Z"  # 10:00 in Beijing
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for _ in range(5):
            for packet in stream.encode(av.VideoFrame.from_image(Image.new("RGB", (160, 120), (0, 200, 0)))):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    touch(path, at(DAY, 10, 1))

    (video,) = photos_taken_on(folder, DAY, BEIJING)
    assert video.video and video.source == SOURCE_CONTAINER and video.captured_at == at(DAY, 10, 0)
    preview = phone_preview(video.path, 64, video=True)
    assert preview.size == (64, 48) and preview.getpixel((32, 24))[1] > 150


def test_a_scan_stops_when_cancelled(tmp_path):
    photo(tmp_path / "IMG_0001.jpg", "2026:11:20 09:00:00", modified=at(DAY, 9, 1))
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        photos_taken_on(tmp_path, DAY, BEIJING, cancel=token)


def test_files_last_changed_long_before_the_day_are_not_opened(tmp_path):
    # A stated time of the day in a file untouched for weeks: a camera clock set wrong, not today's photo.
    photo(tmp_path / "IMG_0001.jpg", "2026:11:20 09:00:00", modified=datetime(2026, 11, 1, tzinfo=UTC))
    assert photos_taken_on(tmp_path, DAY, BEIJING) == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_leading_out_of_the_phone_folder_is_not_offered(tmp_path):
    # The rule a folder given to `add` has: a link in it may point only inside it.
    folder = tmp_path / "phone"
    (folder / "Camera").mkdir(parents=True)
    elsewhere = tmp_path / "another customer"
    elsewhere.mkdir()
    photo(elsewhere / "IMG_9000.jpg", "2026:11:20 10:00:00", modified=at(DAY, 10, 1))
    photo(folder / "Camera" / "IMG_0201.jpg", "2026:11:20 11:00:00", modified=at(DAY, 11, 1))
    (folder / "IMG_9000.jpg").symlink_to(elsewhere / "IMG_9000.jpg")
    (folder / "IMG_0201.jpg").symlink_to(folder / "Camera" / "IMG_0201.jpg")

    assert names(photos_taken_on(folder, DAY, BEIJING)) == ["IMG_0201.jpg"]
