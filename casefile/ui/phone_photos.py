"""Picking the customer's photos from the folder the desk phone syncs to.

The folder holds every customer's pictures. The picker shows those taken on one day (today
unless the clerk chooses an earlier one), by the time each photo states itself
(:func:`casefile.core.walkin.photos_taken_on`), newest first, as thumbnails with check boxes.
Nothing is ticked at first: the clerk ticks the customer's own photos, so another customer's
pictures are never attached by accident.

Reading the folder and drawing the thumbnails are tasks on the runner; the grid fills in as
each thumbnail is ready. A file that cannot be drawn gets a placeholder and says why.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from casefile.core.metadata import SOURCE_CONTAINER, SOURCE_EXIF, SOURCE_FILE_MTIME, SOURCE_FILE_NAME
from casefile.core.progress import CancelToken, Progress
from casefile.core.walkin import PhonePhoto, phone_preview, photos_taken_on
from casefile.ui.context import AppContext
from casefile.ui.i18n import fill, labelled, translated
from casefile.ui.keys import one_tab
from casefile.ui.tasks import Task

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

EARLIEST = timedelta(days=366)  # how far back the clerk can look
THUMB_SIDE = 144  # pixels: the long side of a thumbnail
PATH_ROLE = Qt.ItemDataRole.UserRole
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # why the file cannot be shown ("" when it can)


def _qimage(picture: Any) -> QImage:
    """A Pillow picture centred on a clear square tile, as a QImage (made on the task thread).

    Square tiles keep the captions of upright and landscape photos on one line.
    """
    from PIL import Image

    rgba = Image.new("RGBA", (THUMB_SIDE, THUMB_SIDE), (0, 0, 0, 0))
    rgba.paste(picture.convert("RGBA"), ((THUMB_SIDE - picture.width) // 2, (THUMB_SIDE - picture.height) // 2))
    image = QImage(rgba.tobytes(), rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels


def _thumbnails(
    photos: list[PhonePhoto], ready: dict[int, QImage | BaseException], token: CancelToken
) -> Iterator[Progress]:
    """Draw each photo's thumbnail into ``ready`` (or the error that stopped it), telling which one is done."""
    for i, photo in enumerate(photos):
        token.check()
        try:
            ready[i] = _qimage(phone_preview(photo.path, THUMB_SIDE, video=photo.video))
        except Exception as exc:  # noqa: BLE001 - a damaged file gets a placeholder, never a crash
            log.info("phone photos: no thumbnail for %s: %r", photo.path.name, exc)
            ready[i] = exc
        yield Progress(i + 1, len(photos), str(i))


class PhonePhotosDialog(QDialog):
    """The pictures and videos taken on one day in the phone's folder; the clerk ticks the customer's.

    After it is accepted, :meth:`checked_paths` are the ticked files, in the order they were taken.
    """

    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        self.today = today or date.today()
        self.scan: Task | None = None
        self.drawing: Task | None = None
        self._day = self.today
        self._photos: list[PhonePhoto] = []
        self._ready: dict[int, QImage | BaseException] = {}
        self._press: tuple[QListWidgetItem, Qt.CheckState] | None = None

        self.setWindowTitle(self.tr("Photos from the phone"))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.day = one_tab(QDateEdit(self))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDateRange(self._qdate(self.today - EARLIEST), self._qdate(self.today))
        self.day.setDate(self._qdate(self.today))
        self.day.setToolTip(self.tr("Show the photos taken on an earlier day, for a customer who comes back"))
        day_label = QLabel(self.tr("&Taken on"), self)
        day_label.setBuddy(self.day)
        self.earlier_button = QPushButton(self.tr("&Day before"), self)
        self.today_button = QPushButton(self.tr("T&oday"), self)

        self.grid = QListWidget(self)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.grid.setGridSize(QSize(THUMB_SIDE + 24, THUMB_SIDE + 3 * self.fontMetrics().lineSpacing() + 12))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setSpacing(6)
        self.grid.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.grid.setToolTip(self.tr("Tick the customer's photos: click a photo or its box, or press Space"))
        self.grid.setMinimumSize(4 * (THUMB_SIDE + 30), 2 * (THUMB_SIDE + 3 * self.fontMetrics().lineSpacing() + 18))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.count = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add the ticked photos"))

        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addWidget(self.earlier_button)
        top.addWidget(self.today_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.day.dateChanged.connect(lambda _d: self.load(self.day.date().toPython()))
        self.earlier_button.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.today_button.clicked.connect(lambda: self.day.setDate(self._qdate(self.today)))
        self.grid.itemChanged.connect(lambda _item: self._update_count())
        self.grid.itemPressed.connect(self._pressed)
        self.grid.itemClicked.connect(self._clicked)
        self._update_count()
        self.load(self.today)
        self.grid.setFocus()

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    # ------------------------------------------------------------------ reading the folder

    def shown_day(self) -> date:
        """The day whose photos are listed."""
        return self._day

    def load(self, day: object) -> None:
        """List the photos taken on ``day`` (the earlier listing and its thumbnails are dropped)."""
        assert isinstance(day, date)
        self._stop()
        self.grid.clear()
        self._day, self._photos, self._ready = day, [], {}
        self.earlier_button.setEnabled(day > self.today - EARLIEST)
        self.today_button.setEnabled(day != self.today)
        if day == self.today:
            self.heading.setText(fill(self.tr("Photos and videos taken today in %1"), self.folder))
        else:
            self.heading.setText(fill(self.tr("Photos and videos taken on %1 in %2"), day.isoformat(), self.folder))
        self.status.setText(self.tr("Reading the folder…"))
        folder = self.folder
        task = Task(lambda token: photos_taken_on(folder, day, cancel=token), f"phone photos of {day}")
        task.succeeded.connect(self._listed)
        task.failed.connect(self._scan_failed)
        self.scan = task
        self._update_count()
        self.ctx.runner.start(task)

    def _stop(self) -> None:
        """Stop reading and drawing; what the stopped tasks still report is ignored (see :meth:`_current`)."""
        for task in (self.scan, self.drawing):
            if task is not None:
                task.cancel()
        self.scan = self.drawing = None

    def _current(self, task: Task | None) -> bool:
        """Whether the signal being handled comes from ``task`` (not from one stopped since)."""
        return task is not None and self.sender() is task

    def _scan_failed(self, error: BaseException) -> None:
        if not self._current(self.scan):
            return
        self.scan = None
        self.status.setText(fill(self.tr("The folder cannot be read: %1"), translated(error)))

    def _listed(self, photos: object) -> None:
        if not self._current(self.scan):
            return
        self.scan = None
        assert isinstance(photos, list)
        self._photos = photos
        waiting = self._placeholder(QStyle.StandardPixmap.SP_FileIcon)
        self.grid.blockSignals(True)
        for photo in photos:
            item = QListWidgetItem(waiting, self._caption(photo), self.grid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(PATH_ROLE, str(photo.path))
            item.setData(PROBLEM_ROLE, "")
            item.setToolTip(self._describe(photo))
        self.grid.blockSignals(False)
        day = self._day
        if not photos:
            self.status.setText(
                self.tr("Nothing taken today in this folder yet. Has the phone synced? Or choose an earlier day.")
                if day == self.today
                else fill(self.tr("No photos or videos taken on %1 in this folder."), day.isoformat())
            )
            return
        self.status.setText(
            fill(self.tr("Photos and videos: %1. Tick the customer's own; times are when each was taken."), len(photos))
        )
        ready = self._ready
        task = Task(lambda token: _thumbnails(photos, ready, token), f"phone photo thumbnails of {day}")
        task.progress.connect(self._drawn)
        task.failed.connect(self._drawing_failed)
        task.finished.connect(self._drawing_finished)
        self.drawing = task
        self.ctx.runner.start(task)

    def _drawing_failed(self, error: BaseException) -> None:
        if self._current(self.drawing):
            log.info("phone photos: thumbnails stopped: %r", error)

    def _drawing_finished(self) -> None:
        if self._current(self.drawing):
            self.drawing = None

    def _drawn(self, _done: int, _total: int, message: str) -> None:
        if not self._current(self.drawing):
            return
        index = int(message)
        item = self.grid.item(index)
        drawn = self._ready.pop(index, None)
        if item is None or drawn is None:
            return
        if isinstance(drawn, QImage):
            item.setIcon(QIcon(QPixmap.fromImage(drawn)))
            return
        reason = self._why(drawn)
        item.setIcon(self._placeholder(QStyle.StandardPixmap.SP_MessageBoxWarning))
        item.setData(PROBLEM_ROLE, reason)
        item.setToolTip(self._describe(self._photos[index]) + "\n" + fill(self.tr("Cannot show this file: %1"), reason))

    # ------------------------------------------------------------------ words and pictures

    def _caption(self, photo: PhonePhoto) -> str:
        clock = photo.captured_at.strftime("%H:%M")
        if photo.source == SOURCE_FILE_MTIME:
            clock = fill(self.tr("%1 (file time)"), clock)
        return ("▶ " if photo.video else "") + clock

    def _describe(self, photo: PhonePhoto) -> str:
        when = photo.captured_at.strftime("%Y-%m-%d %H:%M:%S")
        sources = {
            SOURCE_EXIF: self.tr("taken at %1 (the photo's EXIF)"),
            SOURCE_CONTAINER: self.tr("recorded at %1 (the video's own time)"),
            SOURCE_FILE_NAME: self.tr("taken at %1 (time in the file name)"),
            SOURCE_FILE_MTIME: self.tr("the file states no time; last changed at %1"),
        }
        lines = [photo.path.name, fill(sources.get(photo.source, sources[SOURCE_FILE_MTIME]), when)]
        if photo.problem:
            lines.append(labelled(self.tr("Could not read its details"), photo.problem))
        return "\n".join(lines)

    def _why(self, error: BaseException) -> str:
        name = type(error).__name__
        if name == "DecompressionBombError":
            reason = self.tr("the picture is too large to open safely")
        elif name == "UnidentifiedImageError":
            reason = self.tr("not a picture this program can read (damaged, or another format)")
        elif "truncated" in str(error).lower():
            reason = self.tr("the file is cut short (damaged or not fully synced)")
        else:
            reason = self.tr("the file is damaged or cannot be drawn")
        return f"{reason} ({name}: {error})"[:300]

    def _placeholder(self, standard: QStyle.StandardPixmap) -> QIcon:
        """A grey tile the size of a thumbnail with a standard icon in its middle."""
        tile = QPixmap(THUMB_SIDE, THUMB_SIDE)
        tile.fill(QColor(232, 232, 232))
        symbol = QApplication.style().standardIcon(standard).pixmap(THUMB_SIDE // 3, THUMB_SIDE // 3)
        painter = QPainter(tile)
        painter.drawPixmap((THUMB_SIDE - symbol.width()) // 2, (THUMB_SIDE - symbol.height()) // 2, symbol)
        painter.end()
        return QIcon(tile)

    # ------------------------------------------------------------------ the choice

    def items(self) -> list[QListWidgetItem]:
        return [self.grid.item(i) for i in range(self.grid.count())]

    def checked_paths(self) -> list[Path]:
        """The ticked files, in the order they were taken (the first taken first)."""
        ticked = [Path(item.data(PATH_ROLE)) for item in self.items() if item.checkState() == Qt.CheckState.Checked]
        return ticked[::-1]  # the grid shows the newest first

    def _pressed(self, item: QListWidgetItem) -> None:
        self._press = (item, item.checkState())

    def _clicked(self, item: QListWidgetItem) -> None:
        """A click on the picture ticks it, or unticks it, as a click on its box does."""
        press, self._press = self._press, None
        if press is None or press[0] is not item or item.checkState() != press[1]:
            return  # the click was on the box itself, which has already changed
        ticked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def _update_count(self) -> None:
        ticked = sum(1 for item in self.items() if item.checkState() == Qt.CheckState.Checked)
        self.count.setText(fill(self.tr("%1 selected"), ticked))
        self.ok_button.setEnabled(ticked > 0)

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)
