"""Dates typed into a form that cannot all be true, said next to them before the form saves or prints.

The check and its words are the core's (:func:`casefile.core.workflow.limitation.date_contradictions`), the
ones the case's 概况 tab shows once saved and ``casefile new``/``edit``/``walk-in`` print: a complaint dated
before the purchase, goods failing before they were bought. A date can be right however odd it looks, so the
warning blocks nothing for good: ticking "These dates are right" (Space, in the tab order right after the dates)
lets the form go on. Until the clerk has ticked it or corrected a date, :meth:`DatesWarning.holds` is True and
the form neither creates the case nor prints the receipt.
"""

from __future__ import annotations

from casefile.core.model import Case
from casefile.ui.i18n import fill, translated

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

WARNING_STYLE = "background: #fff4ce; color: #5c4300; border: 1px solid #e0c060; padding: 4px"


def contradictions(case: Case) -> list[str]:
    """The contradictions among ``case``'s dates, each in one sentence in the app's language."""
    from casefile.core.workflow.limitation import date_contradictions, describe

    return [translated(describe(found)) for found in date_contradictions(case)]


class DatesWarning(QWidget):
    """The warning under a form's dates, and the box that keeps them as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("impossible-dates")
        self.label.setStyleSheet(WARNING_STYLE)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self)
        self.confirm.setText(self.tr("These dates are right: keep them"))
        self.label.setBuddy(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.confirm)
        self.found: list[str] = []
        self.hide()

    def check(self, case: Case | None) -> list[str]:
        """Show what is wrong with ``case``'s dates (None: the dates are not readable yet, nothing to say); a new
        contradiction asks for the box to be ticked again. Returns the sentences shown."""
        found = contradictions(case) if case is not None else []
        if found != self.found:
            self.confirm.setChecked(False)
        self.found = found
        # The same words as the 概况 tab's, from its own translation.
        text = QCoreApplication.translate("OverviewTab", "Check these dates, one of each pair is likely mistyped: %1")
        self.label.setText(fill(text, "；".join(found)) if found else "")
        self.setVisible(bool(found))
        return found

    def holds(self) -> bool:
        """Whether a contradiction is shown that the user has not said is right."""
        return bool(self.found) and not self.confirm.isChecked()

    def stop(self) -> bool:
        """Before saving or printing: when the warning holds, bring it to the user (the box has the focus, Space
        keeps the dates) and return True: nothing is to be saved yet."""
        if not self.holds():
            return False
        self.show()
        self.confirm.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
