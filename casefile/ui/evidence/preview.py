"""The preview of the selected exhibit: a picture (zoomed and turned for viewing only), text, a PDF,
a recording or a video, or a word saying why there is none.

Photos Qt cannot decode (HEIC) are decoded by the core on the context's reads runner, never
behind a write. The evidence file itself is never touched.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from casefile.core.errors import SystemReason
from casefile.core.model import Exhibit
from casefile.core.progress import CancelToken
from casefile.core.sniff import decode_text
from casefile.core.thumbnails import make_thumbnail, thumbnailable
from casefile.ui.context import AppContext
from casefile.ui.i18n import fill, translated
from casefile.ui.pdf_viewer import pdf_view
from casefile.ui.tasks import Task

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QImageIOHandler,
    QImageReader,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

TEXT_PREVIEW_BYTES = 200 * 1024
IMAGE_PREVIEW_SIDE = 2048  # large photos are decoded at most this big: enough for a pane, and fast
TEXT_MIMES = {"message/rfc822", "application/json", "application/xml"}


class PreviewPane(QStackedWidget):
    """One page per kind of preview. Its zoom and turn actions (``view_actions``) are for the tab
    that holds it to add, so that their shortcuts work wherever the focus is in the tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pixmap: QPixmap | None = None
        # Places marked on the picture (a search hit's words found by OCR), in the stored image's pixels,
        # and how many pixels of the picture shown make one of those (None: not known, nothing is marked).
        self.marks: list[QRectF] = []
        self._scale: float | None = None
        self.key: tuple[str, int] | None = None  # (case, exhibit) shown, so that a refresh does not reload it

        self.preview_image = QLabel(self)
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview_image.setMinimumSize(QSize(120, 90))
        # Zoom and rotation are for viewing only: the evidence file is never touched.
        self._zoom = 1.0
        self._rotation = 0
        self.image_scroll = QScrollArea(self)
        self.image_scroll.setWidget(self.preview_image)
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll.viewport().installEventFilter(self)
        self.act_rotate_left = self._view_action(QStyle.StandardPixmap.SP_ArrowBack, "Ctrl+L", lambda: self.rotate(-90))
        self.act_rotate_right = self._view_action(
            QStyle.StandardPixmap.SP_ArrowForward, "Ctrl+R", lambda: self.rotate(90)
        )
        self.act_zoom_in = self._view_action(None, "Ctrl++", lambda: self.zoom(1.25))
        self.act_zoom_out = self._view_action(None, "Ctrl+-", lambda: self.zoom(0.8))
        self.act_zoom_fit = self._view_action(None, "Ctrl+0", lambda: self.zoom(0))
        self.view_actions = [
            self.act_zoom_out,
            self.act_zoom_fit,
            self.act_zoom_in,
            self.act_rotate_left,
            self.act_rotate_right,
        ]
        image_tools = QHBoxLayout()
        for action in self.view_actions:
            tool = QToolButton(self)
            tool.setDefaultAction(action)
            image_tools.addWidget(tool)
        image_tools.addStretch(1)
        self.image_page = QWidget(self)
        image_layout = QVBoxLayout(self.image_page)
        image_layout.setContentsMargins(0, 0, 0, 0)
        image_layout.addLayout(image_tools)
        image_layout.addWidget(self.image_scroll, 1)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_text.setAcceptDrops(False)
        self.preview_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview_none = QLabel(self)
        self.preview_none.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_none.setWordWrap(True)
        self.preview_none.setEnabled(False)
        self.pdf_document, self.preview_pdf = pdf_view(self)
        self.preview_media = _player(self)
        pages = [self.preview_none, self.image_page, self.preview_text]
        if self.preview_pdf is not None:
            pages.append(self.preview_pdf)
        if self.preview_media is not None:
            pages.append(self.preview_media)
        for page in pages:
            self.addWidget(page)

    def _view_action(self, icon: Any, keys: str, slot: Any) -> QAction:
        action = QAction(self.style().standardIcon(icon) if icon is not None else QIcon(), "", self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.act_zoom_in.setText(self.tr("Zoom in"))
        self.act_zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.act_zoom_out.setText(self.tr("Zoom out"))
        self.act_zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.act_zoom_fit.setText(self.tr("Fit"))
        self.act_zoom_fit.setToolTip(self.tr("Fit the picture to the pane (Ctrl+0)"))
        self.act_rotate_left.setToolTip(self.tr("Turn left for viewing (Ctrl+L); the file is not changed"))
        self.act_rotate_right.setToolTip(self.tr("Turn right for viewing (Ctrl+R); the file is not changed"))
        self.preview_none.setText(self.tr("No preview for this kind of file"))

    def show_nothing(self, text: str) -> None:
        """No exhibit selected: ``text`` (perhaps empty) in place of a preview."""
        self.key = None
        self.pixmap = None
        self.preview_image.clear()
        self.setCurrentWidget(self.preview_none)
        self.preview_none.setText(text)

    def show_exhibit(self, exhibit: Exhibit, path: Path | None, key: tuple[str, int], *, force: bool = False) -> None:
        """Preview ``exhibit`` (its file at ``path``) unless it is shown already (``force``: load it again)."""
        if force or key != self.key:
            self.key = key
            self._load(exhibit, path)

    def _show_picture(self, pixmap: QPixmap, scale: float | None = None) -> None:
        self.pixmap = pixmap
        self._scale = scale
        self.marks = []
        self._zoom, self._rotation = 1.0, 0
        self.setCurrentWidget(self.image_page)
        self._fit()

    def decode_in_background(self, exhibit: Exhibit, path: Path) -> None:
        """Photos Qt cannot decode (HEIC) are decoded by the core on the reads runner, at preview size."""
        self.preview_none.setText(self.tr("Preparing the preview…"))
        self.setCurrentWidget(self.preview_none)
        key = self.key
        sha256, mime = exhibit.sha256, exhibit.mime

        def work(_token: CancelToken) -> Path | None:
            return make_thumbnail(path, sha256, IMAGE_PREVIEW_SIDE, mime=mime)

        def done(made: object) -> None:
            if key != self.key:
                return  # another exhibit is shown by now
            pixmap = QPixmap(str(made)) if isinstance(made, Path) else QPixmap()
            if pixmap.isNull():
                self.preview_none.setText(self.tr("No preview for this kind of file"))
                return
            self._show_picture(pixmap)

        task = Task(work, f"preview of exhibit {exhibit.number}")
        task.succeeded.connect(done)
        self.ctx.reads.start(task)

    def _load(self, exhibit: Exhibit, path: Path | None) -> None:
        if self.preview_media is not None:
            self.preview_media.stop()
        self.pixmap = None
        self.marks = []
        self.preview_image.clear()
        self.preview_none.setText(self.tr("No preview for this kind of file"))
        mime = exhibit.mime or ""
        if path is None:
            self.setCurrentWidget(self.preview_none)
            return
        if mime.startswith("image/"):
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)  # EXIF orientation
            size = reader.size()
            longest = max(size.width(), size.height())
            if size.isValid() and longest > IMAGE_PREVIEW_SIDE:
                # The same factor on both sides, so a rotation applied afterwards keeps the proportions.
                factor = IMAGE_PREVIEW_SIDE / longest
                reader.setScaledSize(QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor))))
            upright = reader.transformation() == QImageIOHandler.Transformation.TransformationNone
            image = reader.read()
            if not image.isNull():
                # Marks come in the stored image's pixels: known when the picture is not turned by its EXIF.
                scale = image.width() / size.width() if size.isValid() and size.width() and upright else None
                self._show_picture(QPixmap.fromImage(image), scale)
                return
            if thumbnailable(mime) and "broken" not in exhibit.flags:
                self.decode_in_background(exhibit, path)  # HEIC: Qt cannot read it, Pillow can
                return
            log.info("no preview for exhibit %d (%s): %s", exhibit.number, path.name, reader.errorString())
        elif mime.startswith("text/") or mime in TEXT_MIMES:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(TEXT_PREVIEW_BYTES)
            except OSError as exc:
                self.preview_none.setText(fill(self.tr("The file cannot be read: %1"), translated(SystemReason(exc))))
                self.setCurrentWidget(self.preview_none)
                return
            text = decode_text(data)
            if exhibit.size > TEXT_PREVIEW_BYTES:
                text += "\n\n" + self.tr("… (only the first 200 KB are shown)")
            self.preview_text.setPlainText(text)
            self.setCurrentWidget(self.preview_text)
            return
        elif mime.startswith(("audio/", "video/")) and self.preview_media is not None:
            self.preview_media.set_source(path, video=mime.startswith("video/"))
            self.setCurrentWidget(self.preview_media)
            return
        elif mime == "application/pdf" and self.pdf_document is not None and self.preview_pdf is not None:
            # QtPdf renders pages lazily as they scroll into view; an encrypted or broken PDF
            # simply fails to load and shows the notice below.
            self.pdf_document.close()
            self.pdf_document.load(str(path))
            if self.pdf_document.pageCount() > 0:
                self.setCurrentWidget(self.preview_pdf)
                return
            self.preview_none.setText(self.tr("This PDF cannot be shown (encrypted or damaged)."))
        self.setCurrentWidget(self.preview_none)

    def mark(self, rects: list[QRectF]) -> bool:
        """Outline ``rects`` (in the stored image's pixels) on the picture shown, for viewing only;
        False when no picture is shown or where they fall on it is not known."""
        if self.pixmap is None or self._scale is None or self.currentWidget() is not self.image_page:
            return False
        self.marks = list(rects)
        self._fit()
        return bool(self.marks)

    def go_to_page(self, page: int) -> bool:
        """Show page ``page`` (1-based) of the PDF shown; False when no PDF is shown or it has no such page."""
        if self.preview_pdf is None or self.currentWidget() is not self.preview_pdf:
            return False
        if not 1 <= page <= self.pdf_document.pageCount():
            return False
        view: Any = self.preview_pdf
        navigator = view.pageNavigator()
        navigator.jump(page - 1, QPointF(0, 0), navigator.currentZoom())
        return True

    def current_page(self) -> int:
        """The page (1-based) of the PDF shown; 0 when no PDF is shown."""
        if self.preview_pdf is None or self.currentWidget() is not self.preview_pdf:
            return 0
        view: Any = self.preview_pdf
        return int(view.pageNavigator().currentPage()) + 1

    def reveal(self, text: str) -> bool:
        """Select the first ``text`` in a text preview and scroll to it; False when it is not there."""
        if self.currentWidget() is not self.preview_text or not text:
            return False
        cursor = self.preview_text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.preview_text.setTextCursor(cursor)
        if not self.preview_text.find(text):
            return False
        self.preview_text.ensureCursorVisible()
        return True

    def _fit(self) -> None:
        if self.pixmap is None:
            return
        view = self.image_scroll.viewport().size()
        if view.width() < 2 or view.height() < 2:
            return
        pixmap = self.pixmap
        if self.marks and self._scale is not None:
            pixmap = pixmap.copy()
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor(230, 120, 0), max(2.0, 3 * self._scale)))
            painter.setBrush(QColor(255, 224, 102, 90))
            for rect in self.marks:
                scaled = QRectF(
                    rect.x() * self._scale,
                    rect.y() * self._scale,
                    rect.width() * self._scale,
                    rect.height() * self._scale,
                )
                painter.drawRect(scaled.adjusted(-3, -3, 3, 3))
            painter.end()
        if self._rotation:
            pixmap = pixmap.transformed(QTransform().rotate(self._rotation))
        fit = min(view.width() / pixmap.width(), view.height() / pixmap.height(), 1.0)
        scale = fit * self._zoom
        size = QSize(max(1, int(pixmap.width() * scale)), max(1, int(pixmap.height() * scale)))
        shown = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.preview_image.setPixmap(shown)
        zoomed = self._zoom > 1.0
        self.image_scroll.setWidgetResizable(not zoomed)
        if zoomed:
            self.preview_image.resize(shown.size())

    def zoom(self, factor: float) -> None:
        """Zoom the image preview by ``factor`` (0: fit the pane again)."""
        self._zoom = 1.0 if factor == 0 else min(8.0, max(1.0, self._zoom * factor))
        self._fit()

    def rotate(self, degrees: int) -> None:
        """Turn the image preview for viewing; the evidence file stays as it is."""
        self._rotation = (self._rotation + degrees) % 360
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.image_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)


def _player(parent: QWidget) -> Any:
    """An audio/video player (QtMultimedia) when it can load here, else None."""
    try:
        from casefile.ui.media import media_player
    except ImportError:
        return None
    return media_player(parent)
