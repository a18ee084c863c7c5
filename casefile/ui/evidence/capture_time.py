"""Correcting an exhibit's capture time by hand, after checking it (the time the file states stays recorded)."""

from __future__ import annotations

from datetime import datetime

from casefile.core.model import Exhibit
from casefile.ui import times
from casefile.ui.i18n import fill

from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class CaptureTimeDialog(QDialog):
    """Asks when the file of ``exhibit`` was really made, starting from the time recorded for it."""

    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the capture time"))
        form = QFormLayout(self)
        self.edit = times.zoned(QDateTimeEdit(self))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        times.put(self.edit, exhibit.captured_at or exhibit.added_at)
        form.addRow(
            QLabel(
                fill(
                    self.tr("Exhibit %1: when was this file really made? The time the file states stays recorded."),
                    exhibit.number,
                ),
                self,
            )
        )
        form.addRow(self.tr("Capture time"), self.edit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def when(self) -> datetime:
        """The time chosen, in the zone times are shown in."""
        return times.taken(self.edit)


def ask_capture_time(exhibit: Exhibit, parent: QWidget | None = None) -> datetime | None:
    """The capture time the user sets for ``exhibit``; None when they cancel."""
    dialog = CaptureTimeDialog(exhibit, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.when()
    finally:
        dialog.deleteLater()
