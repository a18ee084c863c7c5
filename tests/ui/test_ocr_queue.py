"""The app reads the text of new pictures in the background and says how far it is in the status bar."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ocr_images import chat_png

from casefile.core.evidence import AddResult, add_files
from casefile.core.search.ocr import unavailable
from casefile.core.search.texts import TextStore

from PySide6.QtCore import QTimer

needs_ocr = pytest.mark.skipif(unavailable() is not None, reason="OCR is not installed (pip install 'casefile[ocr]')")


def add_picture(ctx, tmp_path: Path, number: str = "202611-001") -> str:
    chat_png(tmp_path / "微信截图.png")
    (result,) = [r for r in add_files(ctx.library, number, [tmp_path / "微信截图.png"]) if isinstance(r, AddResult)]
    assert result.exhibit is not None
    return result.exhibit.sha256


@needs_ocr
@pytest.mark.slow
def test_new_pictures_are_read_in_the_background_while_the_window_stays_responsive(ctx, window, qtbot, tmp_path):
    ctx.settings.ocr_in_background = True
    sha = add_picture(ctx, tmp_path)
    stored: list[str] = []
    window.ocr.text_stored.connect(stored.append)
    # What the status bar shows, sampled on the GUI thread every 20 ms while the text is read (a
    # progress connection made after the reading started could miss its first and only steps).
    shown: list[str] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: shown.append("" if window.ocr.label.isHidden() else window.ocr.label.text()))
    timer.start(20)
    with qtbot.waitSignal(window.ocr.idle, timeout=120_000):
        ctx.events.case_changed.emit("202611-001")  # as the evidence tab does once files are added
        assert window.ocr.busy  # queued and started, not read on the GUI thread
        assert window.ocr.task is not None
    timer.stop()
    assert stored == [sha]
    text = TextStore(ctx.library.root).get(sha, "ocr")
    assert text is not None and "13812345678" in "".join(text.text.split())
    assert "Reading text 1/1" in shown
    assert len(shown) > 10  # the event loop ran all along: a second or more of OCR, timers every 20 ms
    assert window.ocr.label.isHidden()
    # The same file is not read again when the case changes once more.
    ctx.events.case_changed.emit("202611-001")
    with qtbot.waitSignal(window.ocr.idle, timeout=30_000):
        pass
    assert stored == [sha]


@needs_ocr
@pytest.mark.slow
def test_opening_a_case_reads_what_was_added_elsewhere_and_closing_stops_it(ctx, window, qtbot, tmp_path):
    ctx.settings.ocr_in_background = True
    add_picture(ctx, tmp_path, "202611-002")  # as the command line adds it: no event in this window
    assert not window.ocr.busy
    window.open_case("202611-002")
    assert window.ocr.busy
    qtbot.waitUntil(lambda: window.ocr.worker is not None and window.ocr.worker.process is not None, timeout=60_000)
    process = window.ocr.worker.process
    window.close()
    assert not window.ocr.busy
    assert window.ocr.worker is None
    assert process is not None
    with pytest.raises(ValueError):  # closed: the process has been ended and reaped
        process.is_alive()


def test_without_the_ocr_part_the_status_bar_says_so(ctx, window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    ctx.settings.ocr_in_background = True
    window.show()
    add_picture(ctx, tmp_path)
    ctx.events.case_changed.emit("202611-001")
    assert not window.ocr.busy
    assert window.ocr.label.isVisible()
    assert window.ocr.label.text() == "Text in pictures is not read: OCR is not installed"
    assert "pip install 'casefile[ocr]'" in window.ocr.label.toolTip()


def test_the_setting_turns_background_reading_off(ctx, window, tmp_path):
    assert not ctx.settings.ocr_in_background  # as the tests' settings have it
    add_picture(ctx, tmp_path)
    ctx.events.case_changed.emit("202611-001")
    assert not window.ocr.busy and window.ocr.worker is None
