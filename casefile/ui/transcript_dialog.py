"""The transcript (录音文字整理) of a recording: who, when, how, and what was said, verbatim."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from casefile.core.errors import CaseFileError
from casefile.core.model import Exhibit, Transcript
from casefile.core.transcripts import parse_transcript_lines
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import translated
from casefile.ui.tasks import Task

from PySide6.QtCore import QDateTime, QTime, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)


class TranscriptDialog(QDialog):
    """Edit a recording's transcript; lines are "hh:mm:ss 说话人：内容", a leading * marks a key passage."""

    def __init__(self, ctx: AppContext, number: str, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.exhibit = exhibit
        t = exhibit.transcript or Transcript()
        self.recorded_by = QLineEdit(t.recorded_by, self)
        self.device = QLineEdit(t.device, self)
        self.place = QLineEdit(t.place_or_method, self)
        self.started = QDateTimeEdit(self)
        self.ended = QDateTimeEdit(self)
        for edit, value in ((self.started, t.started_at), (self.ended, t.ended_at)):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            edit.setCalendarPopup(True)
            moment = value or exhibit.captured_at
            if moment is not None:
                edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        self.participants = QPlainTextEdit("\n".join(t.participants), self)
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(70)
        self.own = QCheckBox(self)
        self.own.setChecked(t.own_conversation)
        self.position = QTimeEdit(self)
        self.position.setDisplayFormat("HH:mm:ss")
        self.player = _player(self)
        if self.player is not None:
            self.player.set_source(
                ctx.library.folder(number).path / exhibit.stored_path, video=exhibit.mime.startswith("video/")
            )
            self.player.setMinimumHeight(180 if exhibit.mime.startswith("video/") else 40)
            self.player.moved.connect(lambda ms: self.position.setTime(QTime(0, 0).addMSecs(ms)))
        self.insert_time = QPushButton(self)
        self.play = QPushButton(self)
        self.lines = QPlainTextEdit(self)
        self.lines.setPlainText(
            "\n".join(f"{'*' if line.key else ''}{line.at} {line.speaker}：{line.text}" for line in t.lines)
        )
        self.transcriber = QLineEdit(t.transcriber or ctx.operator, self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)

        form = QFormLayout()
        self.form = form
        self.labels = [QLabel(self) for _ in range(7)]
        for label, widget in zip(
            self.labels,
            (self.recorded_by, self.device, self.place, self.started, self.ended, self.participants, self.transcriber),
            strict=True,
        ):
            form.addRow(label, widget)
        form.addRow("", self.own)
        position_row = QHBoxLayout()
        position_row.addWidget(self.position)
        position_row.addWidget(self.insert_time)
        position_row.addStretch(1)
        position_row.addWidget(self.play)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.player is not None:
            layout.addWidget(self.player)
        layout.addWidget(self.hint)
        layout.addLayout(position_row)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.insert_time.clicked.connect(self.insert_position)
        self.insert_shortcut = QShortcut(QKeySequence("Ctrl+T"), self)
        self.insert_shortcut.activated.connect(self.insert_position)
        self.play.clicked.connect(self.open_recording)
        self.play.setVisible(self.player is None)  # the built-in player replaces the system one
        self.retranslate()
        self.resize(760, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transcript of exhibit %1").replace("%1", str(self.exhibit.number)))
        for label, text in zip(
            self.labels,
            (
                self.tr("Recorded by"),
                self.tr("Device"),
                self.tr("Place or call (numbers)"),
                self.tr("Started"),
                self.tr("Ended"),
                self.tr("Participants, one a line, with how each was identified"),
                self.tr("Transcribed by"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.own.setText(self.tr("The person who recorded took part in the conversation"))
        self.insert_time.setText(self.tr("Insert time (Ctrl+T)"))
        self.play.setText(self.tr("Play the recording…"))
        self.hint.setText(
            self.tr(
                "One utterance a line: 00:01:23 张三：what was said, word for word. "
                "Start a line with * to mark a key passage."
            )
        )

    def insert_position(self) -> None:
        """Start a new line at the position set above (the player's time)."""
        stamp = self.position.time().toString("HH:mm:ss")
        cursor = self.lines.textCursor()
        if cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(f"{stamp} ")
        self.lines.setTextCursor(cursor)
        self.lines.setFocus()

    def open_recording(self) -> None:
        path = self.ctx.library.folder(self.number).path / self.exhibit.stored_path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def transcript(self) -> Transcript:
        """The transcript as entered; raises CaseFileError for a line without a time or speaker."""
        text = self.lines.toPlainText()
        lines = parse_transcript_lines(text)

        def when(edit: QDateTimeEdit) -> datetime:
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch()).astimezone()

        return Transcript(
            recorded_by=self.recorded_by.text().strip(),
            device=self.device.text().strip(),
            started_at=when(self.started),
            ended_at=when(self.ended),
            place_or_method=self.place.text().strip(),
            participants=[p.strip() for p in self.participants.toPlainText().splitlines() if p.strip()],
            own_conversation=self.own.isChecked(),
            lines=lines,
            transcriber=self.transcriber.text().strip(),
            transcribed_at=datetime.now().astimezone(),
        )

    def save(self) -> None:
        try:
            transcript = self.transcript()
        except CaseFileError as exc:
            self.error.setText(translated(exc))
            return
        number, exhibit_no = self.number, self.exhibit.number
        library = self.ctx.library

        def work(_token: object) -> None:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, transcript=transcript)

        task = Task(work, f"transcript of exhibit {exhibit_no}")
        task.failed.connect(lambda error: show_error(self, error))
        task.succeeded.connect(lambda _r: self._saved())
        self.ctx.runner.start(task)

    def _saved(self) -> None:
        self.ctx.events.case_changed.emit(self.number)
        self.accept()


def _player(parent: QWidget) -> Any:
    try:
        from casefile.ui.media import media_player
    except ImportError:
        return None
    return media_player(parent)
