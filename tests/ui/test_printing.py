"""Receipts print page by page at their own paper size."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas


def test_pages_go_to_the_printer_at_their_size(qapp, tmp_path):
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        pytest.skip("QtPdf not installed")
    from casefile.ui.printing import print_pages

    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    receipt = tmp_path / "receipt.pdf"
    canvas = Canvas(str(receipt), pagesize=(226.77, 500))  # an 80 mm roll page
    for copy in ("customer", "store"):
        canvas.drawString(20, 450, copy)
        canvas.showPage()
    canvas.save()
    document = QPdfDocument()
    document.load(str(receipt))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point))
    printer.setFullPage(True)
    print_pages(document, printer)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 2
    width = float(printed.pages[0].mediabox.width)
    assert abs(width - 226.77) < 2  # printed at the receipt's own width


def test_the_preview_prints_with_ctrl_p_its_print_button_is_reached_by_keyboard_and_esc_closes_it(
    qapp, qtbot, tmp_path
):
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
    except ImportError:
        pytest.skip("QtPdf not installed")
    from casefile.ui.printing import preview_dialog

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    receipt = tmp_path / "receipt.pdf"
    canvas = Canvas(str(receipt), pagesize=(226.77, 500))
    canvas.drawString(20, 450, "customer")
    canvas.save()
    dialog = preview_dialog(receipt)
    assert dialog is not None
    qtbot.addWidget(dialog)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QToolButton

    words = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    button = next(
        b for b in dialog.findChildren(QToolButton) if b.defaultAction() and b.defaultAction().text() == words
    )
    printed: list[bool] = []
    button.defaultAction().triggered.disconnect()  # not the system print dialog in a test
    button.defaultAction().triggered.connect(lambda: printed.append(True))
    with qtbot.waitActive(dialog):
        dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert printed == [True]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [True, True]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
