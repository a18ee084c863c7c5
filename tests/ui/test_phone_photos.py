"""The phone-photo picker: one day's photos by the time each was taken, thumbnails, nothing ticked at first."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

from PIL import Image

from casefile.ui.phone_photos import PROBLEM_ROLE, THUMB_SIDE, PhonePhotosDialog

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem, QStyle, QStyleOptionViewItem

DAY = date(2026, 11, 20)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def photo(path: Path, taken: datetime | None, colour: tuple[int, int, int] = (200, 30, 30)) -> Path:
    """A JPEG whose EXIF says it was taken at ``taken`` (with its offset); the file's time is a minute later."""
    exif = Image.Exif()
    if taken is not None:
        offset = taken.strftime("%z")
        exif.get_ifd(0x8769).update(
            {0x9003: taken.strftime("%Y:%m:%d %H:%M:%S"), 0x9011: offset[:3] + ":" + offset[3:]}
        )
    Image.new("RGB", (96, 64), colour).save(path, "JPEG", exif=exif.tobytes())
    if taken is not None:
        touch(path, taken + timedelta(minutes=1))
    return path


def touch(path: Path, when: datetime) -> Path:
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def open_picker(ctx, qtbot, folder: Path, today: date = DAY) -> PhonePhotosDialog:
    picker = PhonePhotosDialog(ctx, folder, today=today)
    qtbot.addWidget(picker)
    return picker


def names(picker: PhonePhotosDialog) -> list[str]:
    return [Path(item.data(Qt.ItemDataRole.UserRole)).name for item in picker.items()]


def centre(item: QListWidgetItem) -> QColor:
    image = item.icon().pixmap(THUMB_SIDE, THUMB_SIDE).toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def corner(item: QListWidgetItem) -> QColor:
    return item.icon().pixmap(THUMB_SIDE, THUMB_SIDE).toImage().pixelColor(2, 2)


def check_box(picker: PhonePhotosDialog, item: QListWidgetItem) -> QPoint:
    """The middle of the item's check box, where the style draws it."""
    option = QStyleOptionViewItem()
    picker.grid.initViewItemOption(option)
    index = picker.grid.indexFromItem(item)
    picker.grid.itemDelegate().initStyleOption(option, index)
    option.rect = picker.grid.visualRect(index)
    style = picker.grid.style()
    return style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, picker.grid).center()


def test_a_broken_file_gets_a_placeholder_that_says_why(ctx, qtbot, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    photo(folder / "IMG_0001.jpg", local(DAY, 9, 0))
    (folder / "IMG_0002.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"half a photo" * 40)
    touch(folder / "IMG_0002.jpg", local(DAY, 10, 0))

    picker = open_picker(ctx, qtbot, folder)

    assert names(picker) == ["IMG_0002.jpg", "IMG_0001.jpg"]
    broken, good = picker.items()
    assert broken.data(PROBLEM_ROLE) and "Cannot show this file" in broken.toolTip()
    assert "states no time" in broken.toolTip() and "(file time)" in broken.text()
    assert corner(broken) == QColor(232, 232, 232)  # the placeholder tile
    assert not good.data(PROBLEM_ROLE) and "EXIF" in good.toolTip()
    red = centre(good)
    assert red.red() > 150 and red.green() < 80  # the photo itself
    assert picker.drawing is None and picker.scan is None


def test_the_corpus_broken_files_each_get_a_tile(ctx, qtbot, tmp_path, corpus):
    folder = tmp_path / "phone"
    folder.mkdir()
    broken = [corpus / "images" / "corrupted.jpg", *sorted((corpus / "images" / "invalid").iterdir())]
    broken += sorted((corpus / "images" / "tests").glob("*error*.jpg"))
    for i, source in enumerate(broken):
        touch(shutil.copy(source, folder / f"{i:02d}-{source.name}"), local(DAY, 10, i))

    picker = open_picker(ctx, qtbot, folder)
    items = picker.items()
    assert items, "the files without a readable time are listed by their file time"
    for item in items:
        assert not item.icon().isNull()
        assert bool(item.data(PROBLEM_ROLE)) == ("Cannot show this file" in item.toolTip())


def test_a_customer_who_comes_back_the_next_day(ctx, qtbot, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    yesterday = DAY - timedelta(days=1)
    photo(folder / "IMG_0010.jpg", local(yesterday, 15, 0))
    photo(folder / "IMG_0011.jpg", local(yesterday, 15, 5))

    picker = open_picker(ctx, qtbot, folder)
    assert picker.items() == [] and "Nothing taken today" in picker.status.text()
    assert not picker.ok_button.isEnabled() and not picker.today_button.isEnabled()

    qtbot.mouseClick(picker.earlier_button, Qt.MouseButton.LeftButton)
    assert picker.shown_day() == yesterday and str(yesterday) in picker.heading.text()
    assert names(picker) == ["IMG_0011.jpg", "IMG_0010.jpg"]
    assert [item.text() for item in picker.items()] == ["15:05", "15:00"]
    picker.grid.setFocus()
    picker.grid.setCurrentRow(1)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Space)
    assert picker.count.text() == "1 selected" and picker.ok_button.isEnabled()
    assert picker.checked_paths() == [folder / "IMG_0010.jpg"]

    with qtbot.waitExposed(picker):
        picker.show()
    newest = picker.items()[0]
    at = picker.grid.visualItemRect(newest).center()
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a click on the photo ticks it
    assert newest.checkState() == Qt.CheckState.Checked and picker.count.text() == "2 selected"
    assert picker.checked_paths() == [folder / "IMG_0010.jpg", folder / "IMG_0011.jpg"]
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert newest.checkState() == Qt.CheckState.Unchecked and picker.count.text() == "1 selected"
    box = check_box(picker, newest)
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=box)  # a click on its box: once
    assert newest.checkState() == Qt.CheckState.Checked and picker.count.text() == "2 selected"
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert newest.checkState() == Qt.CheckState.Unchecked

    qtbot.mouseClick(picker.today_button, Qt.MouseButton.LeftButton)  # another day's listing: ticks forgotten
    assert picker.items() == [] and picker.count.text() == "0 selected"


def test_reading_and_drawing_run_off_the_gui_thread(ctx, qtbot, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    today = date.today()
    start = datetime.combine(today, datetime.min.time()).astimezone()
    for i in range(3):
        photo(folder / f"IMG_{i:04d}.jpg", start + timedelta(minutes=i), (40 * i, 120, 0))
    ctx.runner.synchronous = False
    try:
        picker = PhonePhotosDialog(ctx, folder)
        qtbot.addWidget(picker)
        assert picker.scan is not None  # started, not run inline
        qtbot.waitUntil(lambda: picker.scan is None and picker.drawing is None and len(picker.items()) == 3)
        assert all(centre(item).green() > 100 for item in picker.items())
        assert names(picker) == ["IMG_0002.jpg", "IMG_0001.jpg", "IMG_0000.jpg"]
    finally:
        assert ctx.runner.wait()
        ctx.runner.synchronous = True
