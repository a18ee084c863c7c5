"""Typing a time into a date-time field gives the time typed, whichever way it is typed, or is refused visibly.

Qt's own typing jumped a section once the year was full and once more for the "-" after it, so
"2026-11-27 10:00" typed into 新建案件's 投诉时间 became 2026-12-01 01:27, silently.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from casefile.core import zone
from casefile.ui import times
from casefile.ui.new_case import NewCaseDialog

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLineEdit, QWidget

# The reason a text is refused is shown as a tooltip, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support raise\\(\\)$")


@pytest.fixture
def dialog(ctx, qtbot):
    dlg = NewCaseDialog(ctx)
    # What a test typed is not asked about when the dialog is closed after it.
    qtbot.addWidget(dlg, before_close_func=lambda d: setattr(d, "_blank", d._typed()))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def three_days_ago() -> datetime:
    earlier = zone.shown(zone.now()) - timedelta(days=3)
    return earlier.replace(hour=10, minute=0, second=0, microsecond=0)


def into_complaint_time(dialog: NewCaseDialog, qtbot) -> QDateTimeEdit:
    """Tab into 投诉时间 from the field before it, as a user does: its year is selected."""
    when = dialog.widget("complained_at")
    assert isinstance(when, QDateTimeEdit)
    before = when.previousInFocusChain()
    while not (before.isVisible() and before.focusPolicy() & Qt.FocusPolicy.TabFocus):
        before = before.previousInFocusChain()
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is when
    assert when.currentSection() == QDateTimeEdit.Section.YearSection
    return when


def shown_minutes(edit: QDateTimeEdit) -> datetime:
    return times.taken(edit).replace(second=0, tzinfo=None)


@pytest.mark.parametrize(
    "pattern",
    ["%Y-%m-%d %H:%M", "%Y%m%d%H%M", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M", "%Y年%m月%d日 %H:%M"],
    ids=["as-shown", "digits-only", "slashes", "iso", "chinese"],
)
def test_the_complaint_time_typed_is_the_complaint_time_held(dialog, qtbot, pattern):
    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    for ch in meant.strftime(pattern):
        qtbot.keyClick(when, ch) if ch.isascii() else _type_other(when, ch)
    assert shown_minutes(when) == meant.replace(tzinfo=None)
    assert not when.property("refused")
    # The warning that the promise ran out counts from the time typed (48 h for a normal complaint).
    assert dialog.due_label.text()


def _type_other(edit: QDateTimeEdit, ch: str) -> None:
    from PySide6.QtGui import QKeyEvent

    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_short_sections_typed_with_separators_and_typing_after_home(dialog, qtbot):
    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    qtbot.keyClick(when, Qt.Key.Key_End)
    qtbot.keyClick(when, Qt.Key.Key_Home)
    qtbot.keyClicks(when, f"{meant.year}-{meant.month}-{meant.day} 9:5")
    assert shown_minutes(when) == meant.replace(hour=9, minute=5, tzinfo=None)


def test_a_time_pasted_is_the_time_held(dialog, qtbot):
    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    for text in (meant.strftime("%Y-%m-%d %H:%M"), meant.strftime("%Y%m%d%H%M")):
        when.setDateTime(times.qt_time())
        QApplication.clipboard().setText(text)
        qtbot.keyClick(when, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert shown_minutes(when) == meant.replace(tzinfo=None), text


@pytest.mark.parametrize("text", ["2026-11-31 10:00", "2026-13-01 10:00", "2026-11-27 25:00", "2026-1x"])
def test_a_text_that_cannot_be_a_time_is_refused_visibly_not_turned_into_another(dialog, qtbot, text):
    when = into_complaint_time(dialog, qtbot)
    had = when.dateTime()
    qtbot.keyClicks(when, text)
    assert when.dateTime() == had
    assert when.property("refused")
    assert text[:7] in when.property("refused")
    # Taking back the wrong characters goes on from what was right.
    for _ in range(len(text) - len("2026-1")):
        qtbot.keyClick(when, Qt.Key.Key_Backspace)
    assert not when.property("refused")
    assert (times.taken(when).year, times.taken(when).month) == (2026, 1)


def test_a_time_later_than_the_field_takes_is_refused_saying_so(dialog, qtbot):
    when = into_complaint_time(dialog, qtbot)
    had = when.dateTime()
    later = zone.shown(zone.now()) + timedelta(days=3)
    qtbot.keyClicks(when, later.strftime("%Y-%m-%d %H:%M"))
    assert when.dateTime() == had
    assert "later" in when.property("refused")
    QApplication.clipboard().setText(later.strftime("%Y-%m-%d %H:%M"))
    qtbot.keyClick(when, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert when.dateTime() == had


def test_every_date_time_field_of_the_window_takes_the_time_typed(window, qtbot):
    """Each date-time field (概况's 投诉时间 and stage time, the timeline's, the search's dates...) reads a
    time typed with separators as that time."""
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-002")
    window.open_review() if hasattr(window, "open_review") else None
    edits = window.findChildren(QDateTimeEdit)
    if window.review_window is not None:
        edits += window.review_window.findChildren(QDateTimeEdit)
    assert len(edits) >= 4
    meant = QDateTime(three_days_ago().date(), three_days_ago().time().replace(minute=7), times.qt_zone())
    for edit in edits:
        fmt = edit.displayFormat().split("'")[0].strip()
        edit.setDateTime(times.qt_time().addDays(-30))
        edit.setFocus()
        edit.setSelectedSection(edit.sectionAt(0))  # as Tab into it leaves it
        text = meant.toTimeZone(edit.timeZone()).toString(fmt)
        qtbot.keyClicks(edit, text)
        assert edit.lineEdit().text().startswith(text), (edit.objectName(), fmt, edit.lineEdit().text())
        assert not edit.property("refused")


def test_a_purchase_time_field_says_what_it_takes(dialog):
    """The text fields for other times show the form they read (the complaint time takes it too)."""
    purchased = dialog.widget("transaction.purchased_at")
    assert isinstance(purchased, QLineEdit)
    assert purchased.placeholderText() == "YYYY-MM-DD HH:MM"


def test_a_time_without_seconds_pasted_where_seconds_show_is_at_second_zero(qtbot):
    edit = times.zoned(QDateTimeEdit())
    qtbot.addWidget(edit)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
    times.put(edit, datetime(2026, 11, 1, 8, 15, 37, tzinfo=timezone(timedelta(hours=8))))
    QApplication.clipboard().setText("2026-11-27 10:00")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.lineEdit().text() == "2026-11-27 10:00:00"
    QApplication.clipboard().setText("2026-11-27")  # a date alone is not a time: refused
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.lineEdit().text() == "2026-11-27 10:00:00" and edit.property("refused")


def _commit(edit: QDateTimeEdit, text: str) -> None:
    """``text`` as an input method commits it (at once, with no key pressed)."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def test_a_time_pasted_from_the_right_click_menu_is_the_time_held(dialog, qtbot, monkeypatch):
    from casefile.ui import time_typing
    from casefile.ui.time_typing import context_menu

    from PySide6.QtGui import QContextMenuEvent

    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    for text in (meant.strftime("%Y/%m/%d %H:%M"), meant.strftime("%Y%m%d%H%M")):
        when.setDateTime(times.qt_time())
        QApplication.clipboard().setText(text)
        menu = context_menu(when)
        (paste,) = [a for a in menu.actions() if a.objectName() == "edit-paste"]
        assert paste.isEnabled()
        paste.trigger()
        assert shown_minutes(when) == meant.replace(tzinfo=None), text
        assert not when.property("refused")
    QApplication.clipboard().setText("2026-11-31 10:00")  # no such day: refused, the time kept
    context_menu(when).actions()[5].trigger()
    assert shown_minutes(when) == meant.replace(tzinfo=None) and when.property("refused")
    # A right click opens that menu, not Qt's own (whose Paste put the text into the sections as they were).
    opened: list[list[str]] = []
    monkeypatch.setattr(
        time_typing, "show_menu", lambda menu, _at: opened.append([a.objectName() for a in menu.actions()])
    )
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, when.rect().center(), when.mapToGlobal(when.rect().center())
    )
    QApplication.sendEvent(when, event)
    assert opened and "edit-paste" in opened[0]


@pytest.mark.parametrize("how", ["at-once", "char-by-char", "full-width"])
def test_a_time_an_input_method_commits_is_the_time_held(dialog, qtbot, how):
    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    text = meant.strftime("%Y-%m-%d %H:%M")
    if how == "full-width":  # a Chinese keyboard in full-width mode: ２０２６－１１－２７ １０：００
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" for c in text)
    if how == "at-once":
        _commit(when, text)
    else:
        for ch in text:
            _commit(when, ch)
    assert shown_minutes(when) == meant.replace(tzinfo=None), text
    assert not when.property("refused")


def test_a_committed_text_that_is_not_a_time_is_refused_not_put_in(dialog, qtbot):
    meant = three_days_ago()
    when = into_complaint_time(dialog, qtbot)
    times.put(when, meant)
    _commit(when, "明天下午")
    assert shown_minutes(when) == meant.replace(tzinfo=None) and when.property("refused")


def _backtab_into(edit: QDateTimeEdit, qtbot) -> None:
    """Reach ``edit`` with Shift+Tab from the control after it, as a user coming back up a form does."""
    edit.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is edit.window())
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not None and after is not edit
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is edit


def _shown_edits(qtbot, *owners) -> list[QDateTimeEdit]:
    edits = []
    for owner in owners:
        owner.resize(1024, 700) if owner.isWindow() else None
        owner.show()
        qtbot.waitExposed(owner.window())
        edits += [e for e in owner.findChildren(QDateTimeEdit) if e.isVisible() and e.isEnabled()]
    return edits


def test_a_time_typed_after_shift_tab_into_any_date_time_field_is_the_time_held(window, ctx, qtbot):
    """Shift+Tab left the cursor on the minute: 2026-11-25 14:30, typed into the timeline's 时间 that way, was lost
    and the event recorded as today. Every date-time field (the timeline's, 概况's, the handling records', a new
    case's) takes a whole time typed however it was reached."""
    from casefile.ui.handling import RecordDialog

    window.cases.select("202611-002")
    edits = []
    for tab in window.workspace.tabs():
        window.workspace.setCurrentWidget(tab)
        edits += [(tab, e) for e in _shown_edits(qtbot, window) if tab.isAncestorOf(e)]
    new_case = NewCaseDialog(ctx)
    record = RecordDialog("付款")
    record.time("付款时间")
    record.line("金额")
    # What the test typed is not asked about when the dialogs close after it.
    qtbot.addWidget(new_case, before_close_func=lambda d: setattr(d, "_blank", d._typed()))
    qtbot.addWidget(record)
    for dlg in (new_case, record):
        edits += [(dlg, e) for e in _shown_edits(qtbot, dlg)]
    assert window.workspace.timeline.at in [e for _, e in edits]
    owners = {type(o).__name__ for o, _ in edits}
    assert {"OverviewTab", "TimelineTab", "NewCaseDialog", "RecordDialog"} <= owners, owners
    meant = QDateTime(three_days_ago().date(), three_days_ago().time().replace(minute=7), times.qt_zone())
    for owner, edit in edits:
        if isinstance(owner, QWidget) and owner in window.workspace.tabs():
            window.workspace.setCurrentWidget(owner)
        edit.setDateTime(times.qt_time().addDays(-30))
        _backtab_into(edit, qtbot)
        assert edit.currentSectionIndex() == 0, edit.objectName()
        fmt = edit.displayFormat().split("'")[0].strip()
        text = meant.toTimeZone(edit.timeZone()).toString(fmt)
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not edit
        assert edit.lineEdit().text().startswith(text), (type(owner).__name__, fmt, edit.lineEdit().text())


def test_a_time_the_field_cannot_take_does_not_leave_it_silently(window, qtbot):
    """A time refused (the 31st of November) is not dropped by the Tab or Enter after it: the field keeps the focus
    and says why; Esc takes the typing back, and then Tab leaves."""
    window.cases.select("202611-002")
    window.workspace.setCurrentWidget(window.workspace.timeline)
    (when,) = [e for e in _shown_edits(qtbot, window) if e is window.workspace.timeline.at]
    had = when.dateTime()
    _backtab_into(when, qtbot)
    qtbot.keyClicks(when, "2026-11-31 14:30")
    assert when.dateTime() == had
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(when, key)
        assert QApplication.focusWidget() is when
        assert "2026-11-31" in when.property("refused")
    assert window.workspace.timeline.events == [] or all(
        e.summary != window.workspace.timeline.summary.text() for e in window.workspace.timeline.events
    )
    qtbot.keyClick(when, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is when
    qtbot.keyClick(when, Qt.Key.Key_Escape)
    assert not when.property("refused") and when.dateTime() == had
    qtbot.keyClick(when, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not when
