"""Search hits as a list: the model (one row a hit, best first) and the delegate that draws each
hit as two lines of rich text — where it was found, then the snippet with the hit highlighted.

The snippet is text read from evidence (a chat export, an e-mail, OCR of a screenshot): hostile
input. It is HTML-escaped piece by piece around the hit's spans before any markup is added.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from casefile.core.search.query import Hit
from casefile.ui import times
from casefile.ui.i18n import fill
from casefile.ui.labels import search_field_name, search_kind_name

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit itself
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the two lines as rich text

# How a hit is highlighted in its snippet (a marker pen's yellow, readable when the row is selected too).
MARK_STYLE = "background-color:#ffe066;color:#000000;font-weight:bold"


def snippet_html(snippet: str, spans: Sequence[tuple[int, int]]) -> str:
    """``snippet`` as HTML, each span in it highlighted; everything from the evidence escaped."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(snippet))
        if end <= start:
            continue
        out.append(html.escape(snippet[at:start]))
        out.append(f'<span style="{MARK_STYLE}">{html.escape(snippet[start:end])}</span>')
        at = end
    out.append(html.escape(snippet[at:]))
    return "".join(out)


def hit_place(hit: Hit, *, case_title: str = "", with_case: bool = True) -> list[str]:
    """Where the hit is, in words, one part each: the case, the exhibit, the page, the kind of text, the file."""
    parts: list[str] = []
    if with_case:
        parts.append(f"{hit.case_number} {case_title}".strip())
    if hit.exhibit is None:
        parts.append(fill(QCoreApplication.translate("CaseFile", "Case details: %1"), search_field_name(hit.field)))
    else:
        parts.append(fill(QCoreApplication.translate("CaseFile", "Exhibit %1"), hit.exhibit))
        if hit.page is not None:
            parts.append(fill(QCoreApplication.translate("CaseFile", "page %1"), hit.page))
        parts.append(search_kind_name(hit.kind))
        if hit.field:
            parts.append(hit.field)
    if hit.evidence_time is not None:
        parts.append(times.day(hit.evidence_time))
    return parts


def hit_html(hit: Hit, *, case_title: str = "", with_case: bool = True) -> str:
    parts = [html.escape(p) for p in hit_place(hit, case_title=case_title, with_case=with_case)]
    if with_case:
        parts[0] = f"<b>{parts[0]}</b>"
    head = " · ".join(parts)
    return f"<div>{head}</div><div>{snippet_html(hit.snippet, hit.spans)}</div>"


def hit_text(hit: Hit, *, case_title: str = "", with_case: bool = True) -> str:
    """The hit as plain text (for screen readers, tooltips and tests): place, then the marked snippet."""
    return " · ".join(hit_place(hit, case_title=case_title, with_case=with_case)) + "\n" + hit.marked()


class HitModel(QAbstractListModel):
    """The hits of one search, best first; more can be appended (the next page of the same search)."""

    def __init__(self, parent: QObject | None = None, *, with_case: bool = True) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.with_case = with_case
        self.case_title: Callable[[str], str] = lambda _number: ""

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def append_hits(self, hits: Sequence[Hit]) -> None:
        if not hits:
            return
        self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
        self.hits.extend(hits)
        self.endInsertRows()

    def hit(self, row: int) -> Hit:
        return self.hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        title = self.case_title(hit.case_number) if self.with_case else ""
        if role == HTML_ROLE:
            return hit_html(hit, case_title=title, with_case=self.with_case)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit_text(hit, case_title=title, with_case=self.with_case)
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit.exhibit is None:
                return QCoreApplication.translate("CaseFile", "Open the case at this field (Enter)")
            if hit.page is not None:
                return QCoreApplication.translate("CaseFile", "Open the exhibit at this page (Enter)")
            return QCoreApplication.translate("CaseFile", "Open the exhibit (Enter)")
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's two lines of rich text, wrapped to the list's width."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(50, width))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        rect = option.rect
        document = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt API
        self.initStyleOption(option, index)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QWidget) and hasattr(view, "viewport") else 400
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()))
