"""The redaction editor: black boxes drawn over a photo, screenshot or PDF page, saved as a new exhibit.

The picture (upright) or the chosen PDF page is shown large; boxes are drawn with the mouse,
moved, and deleted. Personal data found in a PDF page's text layer, or in the text OCR read in
a picture or a scanned page (phone numbers, ID numbers, addresses…), is offered as suggested
boxes, drawn apart, taken with a click. Save burns the
boxes into a copy of the original on the task runner (:func:`casefile.core.disclosure.derived.
redact_exhibit`): the original stays as it is, and the copy becomes an exhibit of its own.

The scene's coordinates are the boxes' own: pixels of the upright picture, or PDF points from
the page's top-left corner; the preview image is scaled onto them. Pictures and pages are
decoded and rendered off the GUI thread.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.core.disclosure.derived import RedactResult, redact_exhibit
from casefile.core.disclosure.redact import (
    PDF_MIME,
    Suggestion,
    open_upright,
    page_sizes,
    render_page,
    suggest_boxes,
    suggest_ocr_boxes,
)
from casefile.core.model import Exhibit, RedactionRegion
from casefile.core.progress import CancelToken
from casefile.core.search.ocr import redaction_lines
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import fill, translated
from casefile.ui.labels import mask_kind_name
from casefile.ui.tasks import Task

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

PREVIEW_SIDE = 1600  # pixels on the longer side of what is shown: sharp enough to place a box, quick to make
MIN_BOX = 2.0  # a drag shorter than this (in box units) is a click, not a box


@dataclass
class _Page:
    """What the editor shows: one picture, or one PDF page, in box units (pixels or points)."""

    image: QImage
    width: float
    height: float
    pages: int = 0  # PDFs: how many
    suggestions: list[Suggestion] = field(default_factory=list)


def _qimage(img: Any) -> QImage:
    """A Pillow picture as a QImage (made on the worker thread; QImage is not tied to the GUI thread)."""
    rgb = img.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``data`` goes away


def load_page(path: Path, mime: str, page: int, library_root: Path | None = None, sha256: str = "") -> _Page:
    """The picture, or PDF page ``page``, with its suggested boxes (off the GUI thread): from a PDF's text
    layer, and from the lines OCR read in the file (given the library and the file's SHA-256)."""
    lines = redaction_lines(library_root, sha256, path, mime, page) if library_root is not None and sha256 else []
    if mime == PDF_MIME:
        sizes = page_sizes(path)
        width, height = sizes[page - 1]
        rendered = render_page(path, page, max_side=PREVIEW_SIDE)
        suggestions = suggest_boxes(path, [page]) + suggest_ocr_boxes(lines, width, height, page)
        return _Page(_qimage(rendered), width, height, len(sizes), suggestions)
    picture = open_upright(path)
    width, height = picture.size
    picture.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    suggestions = suggest_ocr_boxes(lines, width, height)
    return _Page(_qimage(picture), float(width), float(height), suggestions=suggestions)


class BoxItem(QGraphicsRectItem):
    """A box to burn in: moved by dragging, kept inside the picture, deleted with Delete."""

    def __init__(self, rect: QRectF, *, fixed: bool = False) -> None:
        super().__init__(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.fixed = fixed  # boxes of the copy being redacted further: already black, not editable
        self.setBrush(QBrush(QColor(0, 0, 0)))  # black as it will be burnt in; see-through while selected
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(2)
        if not fixed:
            self.setFlags(
                QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
            )
            self.setCursor(Qt.CursorShape.SizeAllCursor)

    def region(self) -> QRectF:
        return QRectF(self.pos(), self.rect().size())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected  # the red outline shows it; no dashed frame besides
        super().paint(painter, option, widget)

    def set_region(self, rect: QRectF) -> None:
        self.setRect(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802 - Qt API
        scene = self.scene()
        if change is QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None:
            bounds = scene.sceneRect()
            size = self.rect().size()
            x = min(max(value.x(), bounds.left()), bounds.right() - size.width())
            y = min(max(value.y(), bounds.top()), bounds.bottom() - size.height())
            return QPointF(x, y)
        if change is QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            selected = self.isSelected()
            pen = QPen(QColor("#e53935"), 2)
            pen.setCosmetic(True)
            self.setPen(pen if selected else QPen(Qt.PenStyle.NoPen))
            self.setBrush(QBrush(QColor(0, 0, 0, 150 if selected else 255)))
        return super().itemChange(change, value)


class SuggestionItem(QGraphicsRectItem):
    """A suggested box over personal data found in the page's text: dashed and orange; a click takes it."""

    def __init__(self, suggestion: Suggestion, label: str, accept: Any) -> None:
        r = suggestion.region
        super().__init__(r.x, r.y, r.w, r.h)
        self.suggestion = suggestion
        self._accept = accept
        pen = QPen(QColor("#ef6c00"), 0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        pen.setWidth(2)
        self.setPen(pen)
        self.setBrush(QBrush(QColor(255, 152, 0, 70)))
        self.setZValue(1)
        self.setToolTip(label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        event.accept()
        self._accept(self)


class RedactionView(QGraphicsView):
    """The picture with its boxes: drag on the picture to draw a box, drag a box to move it."""

    drawn = Signal(QRectF)
    delete_pressed = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QBrush(QColor("#5f6368")))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._start: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None

    def fit(self) -> None:
        rect = self.sceneRect()
        if rect.width() > 0 and rect.height() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def _inside(self, point: QPointF) -> QPointF:
        bounds = self.sceneRect()
        return QPointF(
            min(max(point.x(), bounds.left()), bounds.right()), min(max(point.y(), bounds.top()), bounds.bottom())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        item = self.itemAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and not isinstance(item, BoxItem | SuggestionItem):
            self.scene().clearSelection()
            self._start = self._inside(self.mapToScene(event.position().toPoint()))
            self._rubber = QGraphicsRectItem(QRectF(self._start, self._start))
            pen = QPen(QColor("#e53935"), 0)
            self._rubber.setPen(pen)
            self._rubber.setBrush(QBrush(QColor(0, 0, 0, 120)))
            self._rubber.setZValue(3)
            self.scene().addItem(self._rubber)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._start is not None and self._rubber is not None:
            end = self._inside(self.mapToScene(event.position().toPoint()))
            self._rubber.setRect(QRectF(self._start, end).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._start is not None and self._rubber is not None:
            end = self._inside(self.mapToScene(event.position().toPoint()))
            rect = QRectF(self._start, end).normalized()
            self.scene().removeItem(self._rubber)
            self._start, self._rubber = None, None
            if rect.width() >= MIN_BOX and rect.height() >= MIN_BOX:
                self.drawn.emit(rect)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class RedactionDialog(QDialog):
    """Draw boxes over exhibit ``exhibit`` (a photo, screenshot or PDF) and save a redacted copy of it.

    Opened on a redacted copy, it shows the original with the copy's boxes already in place:
    the new copy is made from the original with both.
    """

    saved = Signal(int)  # the new exhibit's number (or the one that already held the same copy)

    def __init__(self, ctx: AppContext, number: str, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.exhibit = exhibit  # what Save redacts (a copy: its original, with its boxes)
        case = ctx.library.load_case(number)
        self.original = case.exhibit(exhibit.derived_from) if exhibit.derived_from is not None else exhibit
        self.earlier = list(exhibit.redaction.regions) if exhibit.redaction is not None else []
        self.path = ctx.library.folder(number).path / self.original.stored_path
        self.pdf = self.original.mime == PDF_MIME
        self.page = 1
        self.pages = 0
        self.boxes: dict[int | None, list[RedactionRegion]] = {}  # drawn boxes by page (None: a picture)
        self.loaded: _Page | None = None
        self.save_task: Task | None = None
        self._load_token = 0

        self.scene = QGraphicsScene(self)
        self.view = RedactionView(self.scene, self)
        self.view.drawn.connect(self._add_drawn)
        self.view.delete_pressed.connect(self.delete_selected)
        self.background = QGraphicsPixmapItem()
        self.background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.background.setZValue(0)
        self.scene.addItem(self.background)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.page_label = QLabel(self)
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.valueChanged.connect(self._page_chosen)
        self.accept_all = QPushButton(self)
        self.accept_all.clicked.connect(self.accept_all_suggestions)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.textChanged.connect(self._update)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.page_label)
        top.addWidget(self.page_box)
        top.addWidget(self.accept_all)
        top.addWidget(self.delete_button)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(reason_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for keys in (QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(self.delete_selected)
        self.scene.selectionChanged.connect(self._update)

        self.page_label.setVisible(self.pdf)
        self.page_box.setVisible(self.pdf)
        self.accept_all.setVisible(self.pdf)
        self.setMinimumSize(640, 460)
        self.resize(960, 640)  # fits a 1024 × 700 screen with room for its frame
        self.retranslate()
        self._load()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Redact exhibit %1"), self.original.number))
        heading = fill(self.tr("Exhibit %1: %2"), self.original.number, self.original.title)
        if self.exhibit is not self.original:
            heading += " " + fill(self.tr("(its redacted copy %1's boxes are kept)"), self.exhibit.number)
        self.heading.setText(heading)
        self.page_label.setText(self.tr("Page"))
        self.accept_all.setText(self.tr("Cover all suggested"))
        self.accept_all.setToolTip(self.tr("Turn every suggested box on this page into a box to burn in"))
        self.delete_button.setText(self.tr("Delete box"))
        self.delete_button.setToolTip(self.tr("Remove the selected box (Delete)"))
        self.hint.setText(
            self.tr(
                "Drag on the picture to draw a black box; drag a box to move it; Delete removes the selected box. "
                "Orange dashed boxes are suggestions (phone numbers, ID numbers, addresses found in the page's "
                "text): click one to cover it. The original is kept as it is; the copy is a new exhibit."
            )
        )
        self.reason_label.setText(self.tr("Reason:"))
        self.reason.setPlaceholderText(self.tr("What is covered and why (required), e.g. a third party's phone number"))
        self.save_button.setText(self.tr("Save redacted copy"))
        self._update()

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        """Decode the picture or render the page on the reading runner; the boxes wait for it."""
        self._load_token += 1
        token = self._load_token
        self.loaded = None  # boxes on screen belong to the page being left until the next one is shown
        path, mime, page = self.path, self.original.mime, self.page
        root, sha256 = self.ctx.library.root, self.original.sha256
        self.status.setText(self.tr("Preparing the picture…"))
        self.view.setEnabled(False)

        def work(_cancel: CancelToken) -> _Page:
            return load_page(path, mime, page, root, sha256)

        def done(result: object) -> None:
            if token == self._load_token and isinstance(result, _Page):
                self._show(result)

        def failed(error: BaseException) -> None:
            if token == self._load_token:
                log.info("redaction editor: exhibit %d cannot be shown: %s", self.original.number, error)
                self.status.setText(translated(error))

        task = Task(work, f"redaction preview of exhibit {self.original.number} page {page}")
        task.succeeded.connect(done)
        task.failed.connect(failed)
        self.ctx.reads.start(task)

    def _show(self, page: _Page) -> None:
        self.loaded = page
        for item in list(self.scene.items()):
            if item is not self.background:
                self.scene.removeItem(item)
        pixmap = QPixmap.fromImage(page.image)
        self.background.setPixmap(pixmap)
        self.background.setScale(page.width / max(1, pixmap.width()))
        self.scene.setSceneRect(QRectF(0, 0, page.width, page.height))
        key = self.page if self.pdf else None
        for r in self.earlier:
            if r.page == key:
                self.scene.addItem(BoxItem(QRectF(r.x, r.y, r.w, r.h), fixed=True))
        for r in self.boxes.get(key, []):
            self.scene.addItem(BoxItem(QRectF(r.x, r.y, r.w, r.h)))
        taken = {(r.x, r.y, r.w, r.h) for r in self.boxes.get(key, [])}
        for suggestion in page.suggestions:
            s = suggestion.region
            if (s.x, s.y, s.w, s.h) not in taken:
                label = fill(self.tr("%1: %2 — click to cover it"), mask_kind_name(suggestion.kind), suggestion.text)
                self.scene.addItem(SuggestionItem(suggestion, label, self.accept_suggestion))
        if self.pdf:
            self.pages = page.pages
            self.page_box.blockSignals(True)
            self.page_box.setMaximum(max(1, page.pages))
            self.page_box.setValue(self.page)
            self.page_box.blockSignals(False)
            self.page_box.setSuffix(" / " + str(page.pages))
        self.view.setEnabled(True)
        self.view.fit()
        self.status.clear()
        self._update()

    # ------------------------------------------------------------------ boxes

    def box_items(self) -> list[BoxItem]:
        return [i for i in self.scene.items() if isinstance(i, BoxItem) and not i.fixed]

    def suggestion_items(self) -> list[SuggestionItem]:
        return [i for i in self.scene.items() if isinstance(i, SuggestionItem)]

    def _region(self, rect: QRectF) -> RedactionRegion:
        """A drawn rectangle as a box: whole pixels on a picture (every pixel it touches), points on a page."""
        bounds = self.scene.sceneRect()
        rect = rect.intersected(bounds)
        if not self.pdf:
            left, top = math.floor(rect.left()), math.floor(rect.top())
            right = min(math.ceil(rect.right()), int(bounds.width()))
            bottom = min(math.ceil(rect.bottom()), int(bounds.height()))
            return RedactionRegion(x=left, y=top, w=max(1, right - left), h=max(1, bottom - top))
        return RedactionRegion(
            x=round(rect.left(), 2),
            y=round(rect.top(), 2),
            w=round(min(rect.width(), bounds.width() - rect.left()), 2),
            h=round(min(rect.height(), bounds.height() - rect.top()), 2),
            page=self.page,
        )

    def _store_page(self) -> None:
        """Keep the boxes of the page shown (before another page is shown, and before saving)."""
        if self.loaded is None:
            return
        key = self.page if self.pdf else None
        self.boxes[key] = [self._region(item.region()) for item in reversed(self.box_items())]

    def _add_drawn(self, rect: QRectF) -> None:
        item = BoxItem(rect)
        self.scene.addItem(item)
        self.scene.clearSelection()
        item.setSelected(True)
        self._update()

    def accept_suggestion(self, item: SuggestionItem) -> None:
        r = item.suggestion.region
        self.scene.removeItem(item)
        self._add_drawn(QRectF(r.x, r.y, r.w, r.h))

    def accept_all_suggestions(self) -> None:
        for item in self.suggestion_items():
            self.accept_suggestion(item)

    def delete_selected(self) -> None:
        for item in self.box_items():
            if item.isSelected():
                self.scene.removeItem(item)
        self._update()

    def regions(self) -> list[RedactionRegion]:
        """Every box drawn, on every page, in the units the core takes."""
        self._store_page()
        keys = sorted(self.boxes, key=lambda k: k or 0)
        return [r for k in keys for r in self.boxes[k]]

    def _page_chosen(self, page: int) -> None:
        if page == self.page:
            return
        self._store_page()
        self.page = page
        self._load()

    def _update(self) -> None:
        if not hasattr(self, "save_button"):
            return
        shown = len(self.box_items())
        elsewhere = sum(len(v) for k, v in self.boxes.items() if k != (self.page if self.pdf else None))
        busy = self.save_task is not None
        ready = self.loaded is not None and (shown + elsewhere) > 0 and bool(self.reason.text().strip())
        self.save_button.setEnabled(ready and not busy)
        self.delete_button.setEnabled(any(i.isSelected() for i in self.box_items()))
        suggested = len(self.suggestion_items())
        self.accept_all.setEnabled(suggested > 0)
        if self.loaded is not None and not busy:
            counts = fill(self.tr("%1 boxes"), shown + elsewhere)
            if self.pdf:
                counts += self.tr(", ") + fill(self.tr("%1 suggested on this page"), suggested)
            if not self.reason.text().strip() and shown + elsewhere:
                counts += self.tr(", ") + self.tr("a reason is needed to save")
            self.status.setText(counts)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        regions = self.regions()
        reason = self.reason.text().strip()
        if not regions or not reason or self.save_task is not None:
            return
        library, number, exhibit_no = self.ctx.library, self.number, self.exhibit.number

        def work(token: CancelToken) -> RedactResult:
            return redact_exhibit(library, number, exhibit_no, regions, reason, cancel=token)

        task = Task(work, f"redact exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._saved)
        task.failed.connect(self._failed)
        self.save_task = task
        self.status.setText(self.tr("Saving the redacted copy…"))
        self.view.setEnabled(False)
        self._update()
        self.ctx.runner.start(task)

    def _saved(self, result: object) -> None:
        self.save_task = None
        assert isinstance(result, RedactResult)
        self.ctx.events.case_changed.emit(self.number)
        made = result.exhibit.number if result.exhibit is not None else result.duplicate_of
        if made is not None:
            self.saved.emit(made)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_task = None
        self.view.setEnabled(True)
        self._update()
        show_error(self, error)
