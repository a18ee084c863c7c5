"""Windows sized to the screen they open on: an office PC's 1024 × 700 screen has no room for a window
made for a bigger one, whose buttons would then be out of reach."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left around a window for its frame and title bar, which the window's own size does not include.
FRAME = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` ``width`` × ``height``, or as much of that as the free area of its screen (its parent's,
    before it is shown) holds, the window's frame included."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    window.resize(min(width, room.width() - FRAME[0]), min(height, room.height() - FRAME[1]))
