"""Rows as tall as their text wrapped at the width they are shown in: a line of the handling or of the
stage log holding a 12315 工单号 or a long note is read whole at 1024 pixels, never cut off with "…"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Each row's height made for its text wrapped at its column's width (the view's word wrap paints it so);
    the rows are laid out again when the view or a column is resized."""

    def __init__(self, view: QTreeView | QListView) -> None:
        super().__init__(view)
        self.view = view
        self._relayout = QTimer(self)  # one layout for a drag of the splitter, not one per pixel
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(50)
        self._relayout.timeout.connect(view.doItemsLayout)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        if isinstance(view, QTreeView):
            view.setUniformRowHeights(False)
            view.header().sectionResized.connect(lambda *_: self._relayout.start())
        else:
            view.setResizeMode(QListView.ResizeMode.Adjust)
            view.setUniformItemSizes(False)
        self._width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self._width = self.view.viewport().width()
            self._relayout.start()
        return False

    def _column_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self.view
        if isinstance(view, QTreeView):
            width = view.columnWidth(index.column())
            if index.column() == 0 and view.isFirstColumnSpanned(index.row(), index.parent()):
                width = view.viewport().width()  # a heading across every column
            if index.column() == view.header().logicalIndex(0):  # the tree's column: indented by its depth
                depth, parent = 0, index.parent()
                while parent.isValid():
                    depth, parent = depth + 1, parent.parent()
                width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
            return width
        return view.viewport().width()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        if not text:
            return size
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self.view) + 1
        width = self._column_width(index) - 2 * margin
        if not opt.icon.isNull():
            width -= opt.decorationSize.width() + 2 * margin
        if width <= 20:
            return size
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        padding = max(0, size.height() - opt.fontMetrics.height())  # the row's own, above and below one line
        needed = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), int(flags), text).height() + padding
        return QSize(size.width(), max(size.height(), needed))


def wrap_rows(view: QTreeView | QListView) -> WrappingDelegate:
    """Give ``view`` rows as tall as their wrapped text (see :class:`WrappingDelegate`)."""
    delegate = WrappingDelegate(view)
    view.setItemDelegate(delegate)
    if isinstance(view, QTreeView):
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.header().setStretchLastSection(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return delegate
