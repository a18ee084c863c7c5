"""Printing a generated PDF: a preview first, then the system print dialog (receipts at the counter)."""

from __future__ import annotations

from pathlib import Path

from casefile.ui.i18n import fill

from PySide6.QtCore import QCoreApplication, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

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
    return dialog


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
