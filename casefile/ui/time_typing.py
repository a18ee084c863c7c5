"""Typing a time into a date-time field: what is typed is what the field holds, or it is refused visibly.

Qt's own date-time edit types into one section at a time and jumps to the next section by itself once a
section is full; a separator typed after that jumps once more. So "2026-11-27 10:00", typed the way the
field shows it, landed the day in the hour and the hour in the minute (and a day that does not exist was
quietly turned into one that does). Here the characters typed since the field was entered are read as a
whole instead (:class:`Typed`):

- digits fill the sections in order, each section as wide as the field shows it (year 4, the others 2);
  digits only work ("202611271000"), and so do any separators ("2026-11-27 10:00", "2026/11/27 10:00",
  "2026-1-5 9:05", "2026年11月27日 10时");
- the field shows what has been typed so far, and the section being typed is selected;
- a character that cannot lead to a possible time the field takes (a 13th month, the 31st of November,
  a time later than the field allows, a letter) is refused: the field beeps, keeps what it had and says
  why beside itself (:func:`refuse`);
- typing starts from the first section however the field was reached (Tab, Shift+Tab, a shortcut): Qt put
  the cursor on the minute after Shift+Tab, so a whole date typed there was lost;
- Backspace takes back the last character typed; any other key (arrows, Home, Tab, Enter) ends the typing,
  except that while what was typed is refused, Tab, Shift+Tab and Enter do not leave the field (it would keep
  the time it had, silently): they say again why, and Esc takes the typing back;
- a pasted time (Ctrl+V, or Paste in the right-click menu) is read the same way, and is refused whole unless it
  is a whole possible time;
- what an input method commits (a Chinese keyboard's full-width digits, a time chosen among its candidates) is
  taken as a whole time when it is one, else character by character as typed.
"""

from __future__ import annotations

import calendar
import unicodedata
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDateTimeEdit, QMenu, QToolTip

Section = QDateTimeEdit.Section

# The sections that take digits, in the order they are kept in (year, month, day, hour, minute, second),
# with how many digits each takes and the values it can hold.
_FIELDS = (
    Section.YearSection,
    Section.MonthSection,
    Section.DaySection,
    Section.HourSection,
    Section.MinuteSection,
    Section.SecondSection,
)
_WIDTH = {Section.YearSection: 4}
_LOW = {Section.MonthSection: 1, Section.DaySection: 1}
_HIGH = {
    Section.YearSection: 9999,
    Section.MonthSection: 12,
    Section.DaySection: 31,
    Section.HourSection: 23,
    Section.MinuteSection: 59,
    Section.SecondSection: 59,
}
# Keys that leave a field (or accept its dialog): held back while what was typed is refused.
_LEAVING = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
# Characters that end a section as a separator would (besides punctuation and spaces).
_WORD_SEPARATORS = "Tt年月日号號时時点點分秒"


def _digit(ch: str) -> int | None:
    value = unicodedata.decimal(ch, None)
    return value if value is not None and len(ch) == 1 else None


def _is_separator(ch: str) -> bool:
    return ch in _WORD_SEPARATORS or not (ch.isalnum() or unicodedata.category(ch).startswith("C"))


def numeric_sections(edit: QDateTimeEdit) -> list[Section]:
    """The sections of ``edit``'s format that take digits, in the order shown (up to the first that does not,
    such as the zone after a time)."""
    found = []
    for i in range(edit.sectionCount()):
        section = edit.sectionAt(i)
        if section not in _FIELDS:
            break
        found.append(section)
    return found


def groups(text: str, widths: list[int]) -> tuple[list[str], bool] | None:
    """The digit groups in ``text``, the n-th at most ``widths[n]`` wide, and whether the last one is
    finished (full, or followed by a separator). None: a character that is neither a digit nor a separator,
    or more digits than the sections take."""
    found: list[str] = []
    current = ""
    for ch in text:
        digit = _digit(ch)
        if digit is not None:
            if len(current) == widths[min(len(found), len(widths) - 1)]:
                found.append(current)
                current = ""
            if len(found) >= len(widths):
                return None
            current += str(digit)
        elif _is_separator(ch):
            if current:
                found.append(current)
                current = ""
        else:
            return None
    if current:
        full = len(current) == widths[len(found)]
        found.append(current)
        return found, full
    return found, True


@dataclass
class Reading:
    """What a typed text makes of a field: the time to show, the section typing goes on in, or why not."""

    value: QDateTime | None
    section: int
    problem: str = ""  # "", "impossible", "late", "early"


def _fields(value: QDateTime) -> dict[Section, int]:
    d, t = value.date(), value.time()
    return {
        Section.YearSection: d.year(),
        Section.MonthSection: d.month(),
        Section.DaySection: d.day(),
        Section.HourSection: t.hour(),
        Section.MinuteSection: t.minute(),
        Section.SecondSection: t.second(),
    }


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31


def _make(edit: QDateTimeEdit, f: dict[Section, int]) -> QDateTime | None:
    date = QDate(f[Section.YearSection], f[Section.MonthSection], f[Section.DaySection])
    time = QTime(f[Section.HourSection], f[Section.MinuteSection], f[Section.SecondSection])
    if not date.isValid() or not time.isValid():
        return None
    return QDateTime(date, time, edit.timeZone())


class _Span:
    """The earliest and latest times the typed sections allow, the others (after them) left open."""

    def __init__(self, edit: QDateTimeEdit, base: dict[Section, int], typed: dict[Section, int]) -> None:
        self.edit = edit
        open_ = [s for s in _FIELDS if s not in typed and any(_FIELDS.index(s) > _FIELDS.index(t) for t in typed)]
        low, high = {**base, **typed}, {**base, **typed}
        for s in open_:
            low[s] = _LOW.get(s, 0)
            high[s] = _HIGH[s] if s != Section.DaySection else 31
        self.possible = all(_LOW.get(s, 0) <= v <= _HIGH[s] for s, v in typed.items())
        if self.possible and Section.DaySection in open_:
            high[Section.DaySection] = _days(high[Section.YearSection], high[Section.MonthSection])
        if self.possible and Section.DaySection in typed:
            self.possible = typed[Section.DaySection] <= _days(low[Section.YearSection], low[Section.MonthSection])
        self.low = _make(edit, low) if self.possible else None
        self.high = _make(edit, high) if self.possible else None
        self.possible = self.low is not None and self.high is not None

    def problem(self) -> str:
        if not self.possible:
            return "impossible"
        assert self.low is not None and self.high is not None
        if self.low > self.edit.maximumDateTime():
            return "late"
        if self.high < self.edit.minimumDateTime():
            return "early"
        return ""


def read(edit: QDateTimeEdit, origin: QDateTime, start: int, text: str) -> Reading:
    """What ``text``, typed into ``edit`` from its ``start``-th section on, makes of it; ``origin`` is the time
    it held before (the sections typing does not reach keep theirs)."""
    sections = numeric_sections(edit)[start:]
    if not sections:
        return Reading(None, start, "impossible")
    parsed = groups(text, [_WIDTH.get(s, 2) for s in sections])
    if parsed is None:
        return Reading(None, start, "impossible")
    found, finished = parsed
    base = _fields(origin.toTimeZone(edit.timeZone()) if edit.timeZone().isValid() else origin)
    typed = {s: int(g) for s, g in zip(sections, found, strict=False)}
    partial = sections[len(found) - 1] if found and not finished else None
    span: _Span | None
    if partial is not None:
        # A section still being typed ("1" of a month) is fine if some way of finishing it is.
        prefix = found[-1]
        width = _WIDTH.get(partial, 2)
        options = [int(prefix)] + [
            int(prefix + str(n).zfill(k)) for k in range(1, width - len(prefix) + 1) for n in range(10**k)
        ]
        problems = []
        for option in options:
            span = _Span(edit, base, {**typed, partial: option})
            problems.append(span.problem())
            if not problems[-1]:
                break
        if "" not in problems:
            worst = "late" if "late" in problems else "early" if "early" in problems else "impossible"
            return Reading(None, start, worst)
        span = _Span(edit, base, typed)
        if span.problem():
            del typed[partial]  # shown once it can be: "0" of a day, "202" of a year
            span = _Span(edit, base, typed) if typed else None
        section = start + len(found) - 1
    else:
        span = _Span(edit, base, typed)
        if span.problem():
            return Reading(None, start, span.problem())
        section = min(start + len(found), start + len(sections) - 1)
    value = _make(edit, {**base, **typed}) if typed else origin
    if value is None:  # the day kept from before is not in the month typed (the 31st, now in November)
        f = {**base, **typed}
        f[Section.DaySection] = min(f[Section.DaySection], _days(f[Section.YearSection], f[Section.MonthSection]))
        value = _make(edit, f)
    assert value is not None
    if span is not None and span.low is not None and span.high is not None:
        low = max(span.low, edit.minimumDateTime())
        high = min(span.high, edit.maximumDateTime())
        value = min(max(value, low), high)
    return Reading(value, section)


def refuse(edit: QDateTimeEdit, text: str, problem: str) -> None:
    """Say beside ``edit`` why ``text`` is not taken (with a beep): it keeps the time it had."""
    shown = edit.displayFormat()
    if problem == "late":
        reason = QCoreApplication.translate(
            "times", "“{text}” is later than this field takes (at the latest {limit})."
        ).format(text=text, limit=edit.maximumDateTime().toTimeZone(edit.timeZone()).toString(shown))
    elif problem == "early":
        reason = QCoreApplication.translate(
            "times", "“{text}” is earlier than this field takes (at the earliest {limit})."
        ).format(text=text, limit=edit.minimumDateTime().toTimeZone(edit.timeZone()).toString(shown))
    else:
        reason = QCoreApplication.translate(
            "times", "“{text}” is not a possible time here. Type it as {example}."
        ).format(text=text, example=example(edit))
    edit.setProperty("refused", reason)
    QApplication.beep()
    QToolTip.showText(edit.mapToGlobal(QPoint(0, edit.height())), reason, edit)


def example(edit: QDateTimeEdit) -> str:
    """How a time is typed into ``edit``: its format, e.g. 2026-11-27 10:00, or the digits alone."""
    sample = QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0), edit.timeZone())
    fmt = edit.displayFormat().split("'")[0].strip()  # not the zone after it
    shown = sample.toString(fmt)
    digits = "".join(ch for ch in shown if ch.isdigit())
    return QCoreApplication.translate("times", "{shown} or {digits}").format(shown=shown, digits=digits)


class Typed(QObject):
    """Reads what is typed into the date-time edits it watches as a whole (see the module's text)."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        # Per edit: (the time before typing, the section typing began in, the text typed, what was shown after).
        self.typing: weakref.WeakKeyDictionary[QDateTimeEdit, tuple[QDateTime, int, str, tuple[int, QDateTime]]]
        self.typing = weakref.WeakKeyDictionary()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not isinstance(watched, QDateTimeEdit):
            return False
        kind = event.type()
        if kind == QEvent.Type.ToolTip and not watched.toolTip():
            how = QCoreApplication.translate("times", "Type a time as {example}.").format(example=example(watched))
            QToolTip.showText(watched.mapToGlobal(QPoint(0, watched.height())), how, watched)
            return True
        if kind == QEvent.Type.FocusIn:
            self.typing.pop(watched, None)
            # Qt puts the cursor on the last section when the field is reached with Shift+Tab (and keeps
            # where it was for other reasons): a time typed then went into the minute, and was lost. Typing
            # starts from the first section, however the field was reached (a click then puts the cursor
            # where it clicked).
            assert isinstance(event, QFocusEvent)
            watched.focusInEvent(event)
            if numeric_sections(watched):
                self._select(watched, 0)
            return True
        if kind == QEvent.Type.FocusOut:
            self.typing.pop(watched, None)
            return False
        if kind == QEvent.Type.ContextMenu and not watched.isReadOnly():
            # The right-click menu's Paste reads the time as Ctrl+V does (Qt's own put the text into the sections).
            assert isinstance(event, QContextMenuEvent)
            menu = context_menu(watched)
            show_menu(menu, event.globalPos())
            menu.deleteLater()
            return True
        if kind == QEvent.Type.InputMethod and not watched.isReadOnly():
            assert isinstance(event, QInputMethodEvent)
            return self.commit(watched, event.commitString())
        if kind != QEvent.Type.KeyPress or watched.isReadOnly():
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(watched)
            return True
        if event.key() in _MODIFIER_KEYS:
            return False  # Shift pressed for ":" or for Shift+Tab: the typing goes on
        going = self.going(watched)
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Backspace and going is not None and not mods:
            origin, start, typed, _ = going
            self.take(watched, origin, start, typed[:-1])
            return True
        if going is not None and not mods and watched.property("refused"):
            origin, start, typed, _ = going
            if event.key() == Qt.Key.Key_Escape:
                self.take(watched, origin, start, "")
                return True
            if event.key() in _LEAVING:
                # What was typed is not in the field: leaving now would keep the time it had before, silently.
                refuse(watched, typed, read(watched, origin, start, typed).problem or "impossible")
                return True
        if mods or len(text) != 1 or not text.isprintable():
            self.typing.pop(watched, None)
            return False
        return self.type_char(watched, text)

    def going(self, edit: QDateTimeEdit) -> tuple[QDateTime, int, str, tuple[int, QDateTime]] | None:
        """The typing under way in ``edit``, unless it moved or changed since (the mouse, the calendar)."""
        going = self.typing.get(edit)
        if going is not None and going[3] != (edit.currentSectionIndex(), edit.dateTime()):
            return None
        return going

    def type_char(self, edit: QDateTimeEdit, text: str) -> bool:
        """One character typed: read with those typed before it; False: left to Qt (a separator before any
        digit moves to the next section)."""
        going = self.going(edit)
        if going is None:
            if _digit(text) is None:
                return False  # a separator before any digit: Qt's own (to the next section)
            origin, start, typed = edit.dateTime(), max(0, edit.currentSectionIndex()), ""
            if start >= len(numeric_sections(edit)):
                return False
        else:
            origin, start, typed, _ = going
        self.take(edit, origin, start, typed + text)
        return True

    def commit(self, edit: QDateTimeEdit, text: str) -> bool:
        """Text an input method committed (a Chinese keyboard's full-width digits, a whole time from its
        candidates or from dictation): a whole time is taken as pasted; else each character as typed. Nothing
        committed (a composition still going on): Qt's own."""
        if not text:
            return False
        if len(text) > 1 and self.whole(edit, text, refuse_visibly=False):
            return True
        for ch in text:
            if not self.type_char(edit, ch):
                # A separator before any digit: to the next section, as the key does.
                if _is_separator(ch) and edit.currentSectionIndex() < len(numeric_sections(edit)) - 1:
                    self._select(edit, edit.currentSectionIndex() + 1)
                elif not _is_separator(ch):
                    refuse(edit, text, "impossible")
                    return True
        return True

    def take(self, edit: QDateTimeEdit, origin: QDateTime, start: int, typed: str) -> None:
        """Show what ``typed`` makes of ``edit``; if it cannot be a time the field takes, the time it had before
        typing (``origin``), and why not. Typing goes on from there either way (Backspace takes back)."""
        if not typed:
            self.typing.pop(edit, None)
            edit.setProperty("refused", "")
            QToolTip.hideText()
            edit.setDateTime(origin)
            self._select(edit, start)
            return
        reading = read(edit, origin, start, typed)
        if reading.value is None:
            edit.setDateTime(origin)
            self._select(edit, start)
            refuse(edit, typed, reading.problem)
        else:
            edit.setProperty("refused", "")
            QToolTip.hideText()
            edit.setDateTime(reading.value)
            self._select(edit, reading.section)
        self.typing[edit] = (origin, start, typed, (edit.currentSectionIndex(), edit.dateTime()))

    @staticmethod
    def _select(edit: QDateTimeEdit, index: int) -> None:
        edit.setCurrentSectionIndex(index)
        edit.setSelectedSection(edit.sectionAt(index))

    def paste(self, edit: QDateTimeEdit) -> None:
        """A pasted time (Ctrl+V, the right-click menu's Paste), read as a whole (:meth:`whole`)."""
        self.whole(edit, QGuiApplication.clipboard().text() or "")

    def whole(self, edit: QDateTimeEdit, text: str, *, refuse_visibly: bool = True) -> bool:
        """``text`` read as a whole: all of it, from the first section (or, when it is only a part of a time,
        from the section the cursor is in), or nothing (refused, saying why, with ``refuse_visibly``). A time
        without its seconds, put into a field that shows them, is at second 0. True: taken."""
        self.typing.pop(edit, None)
        text = text.strip()
        every = numeric_sections(edit)
        count = len(every)
        reading = None
        for start in dict.fromkeys((0, max(0, edit.currentSectionIndex()))):
            if start >= count:
                continue
            sections = every[start:]
            parsed = groups(text, [_WIDTH.get(s, 2) for s in sections])
            if parsed is None or not parsed[1]:
                continue
            missing = count - start - len(parsed[0])
            if missing and not (start == 0 and sections[-1] == Section.SecondSection and missing == 1):
                continue
            reading = read(edit, edit.dateTime(), start, text + " 0" * missing)
            break
        if reading is None or reading.value is None:
            if refuse_visibly:
                refuse(edit, text, reading.problem if reading is not None else "impossible")
            return False
        edit.setProperty("refused", "")
        edit.setDateTime(reading.value)
        self._select(edit, count - 1)
        return True


def show_menu(menu: QMenu, at: QPoint) -> None:
    """Show ``menu`` at ``at`` until it is closed (tests replace it)."""
    menu.exec(at)


def context_menu(edit: QDateTimeEdit) -> QMenu:
    """``edit``'s right-click menu, as Qt makes it (the text's own actions, then Step up and Step down), its
    Paste reading the clipboard's time as a whole, as Ctrl+V does."""
    menu = edit.lineEdit().createStandardContextMenu()
    menu.setParent(edit, menu.windowFlags())
    for action in menu.actions():
        if action.objectName() == "edit-paste":
            action.triggered.disconnect()
            action.triggered.connect(lambda _checked=False: _typed().paste(edit))
        elif action.objectName() == "select-all":
            action.triggered.disconnect()
            action.triggered.connect(lambda _checked=False: edit.selectAll())
    menu.addSeparator()
    enabled = edit.stepEnabled()
    up = menu.addAction(QCoreApplication.translate("QAbstractSpinBox", "&Step up"))
    up.setEnabled(bool(enabled & QAbstractSpinBox.StepEnabledFlag.StepUpEnabled))
    up.triggered.connect(lambda _checked=False: edit.stepUp())
    down = menu.addAction(QCoreApplication.translate("QAbstractSpinBox", "Step &down"))
    down.setEnabled(bool(enabled & QAbstractSpinBox.StepEnabledFlag.StepDownEnabled))
    down.triggered.connect(lambda _checked=False: edit.stepDown())
    return menu


_TYPED: Typed | None = None


def _typed() -> Typed:
    global _TYPED
    if _TYPED is None:
        _TYPED = Typed(QApplication.instance())
    return _TYPED


def typed_whole(edit: QDateTimeEdit) -> None:
    """What is typed into ``edit`` is read as a whole (:class:`Typed`), and so is what is pasted (Ctrl+V, the
    right-click menu) or an input method commits; hovering it says how to type a time."""
    edit.installEventFilter(_typed())
