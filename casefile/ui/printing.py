"""Printing a generated PDF: a preview first, then the system print dialog (receipts at the counter)."""

from __future__ import annotations

from pathlib import Path

from casefile.ui.i18n import fill

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QToolButton, QWidget

MAX_DPI = 300  # enough for receipts and thermal printers; keeps page images small


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """Preview ``path`` at its own paper size; its Print button opens the print dialog.

    Without QtPdf, or for a PDF it cannot read, the file opens in the system's PDF program
    instead. Returns False only when nothing could be done at all.
    """
    preview = preview_dialog(path, parent)
    if preview is None:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    preview.exec()  # closed without printing: the clerk chose not to print, not a failure
    return True


def preview_dialog(path: Path, parent: QWidget | None = None) -> QPrintPreviewDialog | None:
    """A print preview of ``path`` (the print dialog follows its Print button), or None without QtPdf
    or for a PDF it cannot read."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(str(path))
    if document.pageCount() == 0:
        return None
    dialog = QPrintPreviewDialog(parent)  # its own printer, which lives as long as the dialog
    printer = dialog.printer()
    printer.setResolution(max(printer.resolution(), MAX_DPI))  # the dialog's printer starts at screen resolution
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(path.name)
    dialog.setWindowTitle(fill(QCoreApplication.translate("CaseFile", "Print preview — %1"), path.name))
    dialog.paintRequested.connect(lambda target: print_pages(document, target))
    dialog.document = document  # type: ignore[attr-defined]  # kept alive with the dialog
    dialog.resize(720, 640)
    by_keyboard(dialog)
    return dialog


def by_keyboard(dialog: QPrintPreviewDialog) -> None:
    """The preview works without a mouse: Ctrl+P prints, Tab reaches its buttons (Print first, with the
    focus), Esc closes it."""
    words = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    printing = next((a for a in dialog.findChildren(QAction) if a.text() == words), None)
    for tool in dialog.findChildren(QToolButton):
        tool.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if printing is None:
        return
    printing.setShortcut(QKeySequence.StandardKey.Print)
    printing.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    printing.setToolTip(fill(QCoreApplication.translate("CaseFile", "%1 (Ctrl+P)"), printing.text()))
    found = next((b for b in dialog.findChildren(QToolButton) if b.defaultAction() is printing), None)
    if found is not None:
        button = found
        QTimer.singleShot(0, button, lambda: button.setFocus(Qt.FocusReason.OtherFocusReason))


def print_pages(document: object, printer: QPrinter) -> None:
    """Draw every page of a loaded QPdfDocument onto ``printer``, each filling its page."""
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):  # type: ignore[attr-defined]
            if page:
                printer.newPage()
            points = document.pagePointSize(page)  # type: ignore[attr-defined]
            image = document.render(  # type: ignore[attr-defined]
                page, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
            )
            painter.drawImage(painter.viewport(), image)
    finally:
        painter.end()
