"""What the window shows where a case would be when none is open: the ways in.

On an empty library this is the first thing a newcomer sees: 新建案件, 到店登记 and 导入案卷,
each with a line saying who it is for. With cases in the list it says to pick one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WelcomePane(QWidget):
    new_case = Signal()
    walk_in = Signal()
    import_case = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.walkin_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.notes: dict[QPushButton, QLabel] = {}
        # A column of readable width, centred in whatever space the window gives it.
        column = QWidget(self)
        column.setMaximumWidth(560)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(16)
        for button in (self.new_button, self.walkin_button, self.import_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("text-align: left; padding: 6px 12px;")
            button.setMinimumHeight(button.sizeHint().height() + 12)
            note = QLabel(column)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            note.setContentsMargins(4, 0, 0, 0)
            self.notes[button] = note
            layout.addWidget(button)
            layout.addWidget(note)
            layout.addSpacing(8)
        layout.addStretch(2)
        self.new_button.clicked.connect(self.new_case)
        self.walkin_button.clicked.connect(self.walk_in)
        self.import_button.clicked.connect(self.import_case)
        self.empty = True
        self.retranslate()

    def set_empty(self, empty: bool) -> None:
        """An empty library greets the newcomer; otherwise the pane says to choose a case."""
        self.empty = empty
        self.retranslate()

    def retranslate(self) -> None:
        if self.empty:
            self.heading.setText(self.tr("Welcome to CaseFile"))
            self.intro.setText(self.tr("The library has no cases yet. Start one of three ways:"))
        else:
            self.heading.setText(self.tr("No case is open"))
            self.intro.setText(self.tr("Choose a case in the list, or start a new one:"))
        self.new_button.setText(self.tr("New case… (Ctrl+N)"))
        self.notes[self.new_button].setText(
            self.tr("A complaint by phone, online, by email or on social media: the form asks what its type needs.")
        )
        self.walkin_button.setText(self.tr("Walk-in complaint… (Ctrl+Shift+N)"))
        self.notes[self.walkin_button].setText(
            self.tr("A customer at the counter: register with photos and hand over a receipt.")
        )
        self.import_button.setText(self.tr("Import a case archive…"))
        self.notes[self.import_button].setText(
            self.tr("A case exported from another CaseFile (ZIP), checked before it is added.")
        )
