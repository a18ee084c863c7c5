"""Bundles shown in the app: a PDF viewer window (QtPdf), so a packet can be read on a machine
with no PDF program; the system's viewer is one button away, and says so when it cannot open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casefile.ui.i18n import fill
from casefile.ui.screen import fit_to_screen

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def pdf_view(parent: QWidget) -> tuple[Any, Any]:
    """A page-by-page PDF view (QtPdf) when the Qt PDF module is installed, else (None, None)."""
    try:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView
    except ImportError:
        return None, None
    document = QPdfDocument(parent)
    view = QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    return document, view


class PdfViewer(QDialog):
    """One packet, every page, in the app; 用系统程序打开 hands it to the system's viewer."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(path.name)
        fit_to_screen(self, 900, 1000)
        self.document, self.view = pdf_view(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.system_button = QPushButton(self.tr("Open with the system's viewer"), self)
        self.system_button.clicked.connect(self.open_in_system)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.system_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        if self.view is not None:
            layout.addWidget(self.view, 1)
            self.document.load(str(path))
            if self.document.pageCount() == 0:
                self.message.setText(self.tr("This PDF could not be shown here."))
        else:
            self.message.setText(self.tr("Showing PDFs needs Qt's PDF module, which this installation lacks."))
        layout.addLayout(buttons)

    @property
    def pages(self) -> int:
        return int(self.document.pageCount()) if self.document is not None else 0

    def open_in_system(self) -> bool:
        """Hand the file to the system's PDF viewer; say so when there is none."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            return True
        text = self.tr("No program on this computer opens PDF files; the packet is shown here. It is saved at %1")
        self.message.setText(fill(text, self.path))
        return False


def show_pdf(path: Path, parent: QWidget | None = None) -> PdfViewer:
    """Open ``path`` in the app's viewer (non-modal) and return the window."""
    viewer = PdfViewer(path, parent)
    viewer.show()
    return viewer
