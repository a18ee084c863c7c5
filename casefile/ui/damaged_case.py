"""What the window shows where a case would be when the case chosen cannot be read: why, in the app's
words, and what to do — verify it, then repair it or restore it from a backup — instead of the tabs (which
would otherwise keep showing the case open before)."""

from __future__ import annotations

from casefile.ui.i18n import fill, translated

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class DamagedCasePane(QWidget):
    verify = Signal(str)  # the case to verify
    repair = Signal(str)  # the case to repair

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = ""
        self.problem: object = None
        self.damaged = False
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setStyleSheet("color: #8a4b00")
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.verify_button = QPushButton(self)
        self.repair_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.repair_button)
        buttons.addStretch(1)
        column = QWidget(self)
        column.setMaximumWidth(560)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(column, 1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addSpacing(8)
        layout.addWidget(self.advice)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.verify_button.clicked.connect(lambda: self.verify.emit(self.number))
        self.repair_button.clicked.connect(lambda: self.repair.emit(self.number))
        self.retranslate()

    def set_case(self, number: str, problem: object, *, damaged: bool) -> None:
        """Show why case ``number`` cannot be read (``problem``); ``damaged``: its folder is (a record
        missing or unreadable), rather than its drive unreachable just now."""
        self.number, self.problem, self.damaged = number, problem, damaged
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(fill(self.tr("Case %1 cannot be opened"), self.number))
        self.reason.setText(translated(self.problem) if self.problem is not None else "")
        if self.damaged:
            self.advice.setText(
                self.tr(
                    "Its record is damaged or missing. CaseFile has changed nothing in the case folder, and writes "
                    "to the case are refused until it verifies again.\n\n"
                    "Verify it first: verification says what is damaged. When its custody log is whole, Repair "
                    "rebuilds the record from it; otherwise restore the case folder from a backup."
                )
            )
        else:
            self.advice.setText(
                self.tr(
                    "The case folder could not be read just now. Check that the drive or network share holding the "
                    "library can be reached, then choose the case again; verify it if this goes on."
                )
            )
        self.verify_button.setText(self.tr("Verify this case"))
        self.verify_button.setToolTip(self.tr("Check its record, custody log and every exhibit file"))
        self.repair_button.setText(self.tr("Repair…"))
        self.repair_button.setToolTip(
            self.tr("Rebuild the record from the custody log (asked first; evidence files are never changed)")
        )
        self.repair_button.setVisible(self.damaged)
