"""Printing a generated PDF through the system print dialog (receipts at the counter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300  # enough for receipts and thermal printers; keeps page images small


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """Show the print dialog and print ``path`` page by page at its own paper size.

    Without QtPdf, or for a PDF it cannot read, the file opens in the system's PDF program
    instead. Returns False only when nothing could be done at all.
    """
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(str(path))
    if document.pageCount() == 0:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return True  # the clerk chose not to print: not a failure
    print_pages(document, printer)
    return True


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
