"""Keyboard behaviour shared by the app's widgets: Tab always moves on to the next control.

- A table does not walk its cells with Tab (a table's default): Tab and Shift+Tab leave it, the arrow keys
  move within it (:func:`tab_leaves`).
- A date-time field is left with one Tab, not one per section (year, month, day, hour, minute); its
  sections are moved with Left/Right; what is typed into it is read as a whole, so a separator typed
  after a full section does not skip the next one (:func:`one_tab`, casefile.ui.time_typing).
- A field that takes the focus inside a scroll area is scrolled into sight (:func:`follow_focus`).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QScrollArea, QWidget


def tab_leaves(*views: QAbstractItemView) -> None:
    """Tab and Shift+Tab move the focus out of each of ``views`` (its cells are walked with the arrow keys)."""
    for view in views:
        view.setTabKeyNavigation(False)


def _focusable(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def move_focus(widget: QWidget, forward: bool) -> bool:
    """Give the focus to the control after (before) ``widget`` in its window's tab order, whatever
    ``widget`` would do with Tab itself. False when there is none."""
    window = widget.window()
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    seen = 0
    while candidate is not None and candidate is not widget and seen < 10_000:
        seen += 1
        if widget.isAncestorOf(candidate) or not _focusable(candidate, window):
            candidate = step(candidate)
            continue
        candidate.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True
    return False


class _OneTab(QObject):
    """Tab and Shift+Tab leave the date-time edit it watches; they do not step through its sections."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier)
            if plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                if move_focus(watched, forward):
                    return True
        return False


_ONE_TAB: _OneTab | None = None


Edit = TypeVar("Edit", bound=QDateTimeEdit)


def one_tab(edit: Edit) -> Edit:
    """``edit`` left with one Tab (Shift+Tab back); its sections are moved with Left/Right. What is typed into
    it is read as a whole, "2026-11-27 10:00" or "202611271000" alike (casefile.ui.time_typing)."""
    from casefile.ui.time_typing import typed_whole

    global _ONE_TAB
    if _ONE_TAB is None:
        _ONE_TAB = _OneTab(QApplication.instance())
    edit.installEventFilter(_ONE_TAB)
    typed_whole(edit)
    return edit


class _Follower(QObject):
    """Scrolls its scroll area to the control inside it that takes the focus (disconnected with the area)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        inner = self.area.widget()
        if new is None or inner is None or not inner.isAncestorOf(new):
            return
        viewport = self.area.viewport()
        top = new.mapTo(viewport, new.rect().topLeft()).y()
        seen = top < viewport.height() and top + new.height() > 0
        if seen and new.height() > viewport.height():
            return  # taller than the view and in sight: clicked into, it does not jump to its top
        self.area.ensureWidgetVisible(new)


def follow_focus(area: QScrollArea) -> None:
    """A control inside ``area`` that takes the focus (by Tab, a shortcut or a search) is scrolled into sight."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    follower = _Follower(area)
    app.focusChanged.connect(follower.moved)
