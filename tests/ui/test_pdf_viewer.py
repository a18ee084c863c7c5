"""Bundles open in the app (QtPdf), whether or not the system has a PDF program."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from casefile.ui.pdf_viewer import PdfViewer

from PySide6.QtGui import QDesktopServices


def two_pages(path: Path) -> Path:
    canvas = Canvas(str(path))
    for n in (1, 2):
        canvas.drawString(72, 720, f"page {n}")
        canvas.showPage()
    canvas.save()
    return path


def test_a_packet_shows_in_the_app_and_says_when_the_system_cannot_open_it(qtbot, tmp_path, monkeypatch):
    viewer = PdfViewer(two_pages(tmp_path / "packet.pdf"))
    qtbot.addWidget(viewer)
    assert viewer.pages == 2 and viewer.message.text() == ""
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no PDF program here
    assert not viewer.open_in_system()
    assert "packet.pdf" in viewer.message.text()


def test_the_wizard_opens_its_packet_in_the_app(qtbot, ctx, tmp_path):
    from casefile.core.bundle import BundleResult
    from casefile.ui.bundles_tab import BundlesTab

    tab = BundlesTab(ctx)
    qtbot.addWidget(tab)
    path = two_pages(tmp_path / "made.pdf")
    tab.wizard.last_result = BundleResult(files=[path], pages=2, sha256=[""])
    tab.wizard.open_pdf()
    assert tab.wizard.viewer is not None and tab.wizard.viewer.pages == 2 and tab.wizard.viewer.isVisible()
    tab.wizard.viewer.close()
