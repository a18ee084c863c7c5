"""The transcript (录音文字整理) of a recording: who, when, how, and what was said, verbatim."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from casefile.core import zone
from casefile.core.errors import CaseFileError
from casefile.core.model import Exhibit, Transcript
from casefile.core.transcripts import duration_of, parse_transcript_lines, recording_times
from casefile.core.validate import check_marks_within, check_recording_times
from casefile.ui import times
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import fill, translated
from casefile.ui.keys import one_tab
from casefile.ui.tasks import Task

from PySide6.QtCore import QTime, QUrl
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

SAME_TIME = timedelta(seconds=1)  # the fields hold whole seconds; the record, microseconds


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
        # The recording's times as the packet states them: the capture time (as corrected) and its length,
        # unless the transcript says otherwise. Saved only where they differ, so that a start left at the
        # capture time follows a later correction of it.
        self.times = recording_times(exhibit)
        self.started = times.zoned(QDateTimeEdit(self))
        self.ended = times.zoned(QDateTimeEdit(self))
        for edit, moment in ((self.started, self.times.start), (self.ended, self.times.end or self.times.start)):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            edit.setCalendarPopup(True)
            if moment is not None:
                times.put(edit, moment)
        self.participants = QPlainTextEdit("\n".join(t.participants), self)
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(70)
        self.own = QCheckBox(self)
        self.own.setChecked(t.own_conversation)
        self.position = one_tab(QTimeEdit(self))
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
        self.setWindowTitle(fill(self.tr("Transcript of exhibit %1"), self.exhibit.number))
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
        """The transcript as entered; raises CaseFileError for a line without a time or speaker, a time
        mark beyond the end of the recording, or an end before the start."""
        text = self.lines.toPlainText()
        lines = parse_transcript_lines(text)

        def when(edit: QDateTimeEdit) -> datetime:
            return times.taken(edit)

        started, ended = when(self.started), when(self.ended)
        # What the recording itself says is not stored again: the capture time as start (it follows a
        # correction of it), the start plus the length as end.
        capture = self.exhibit.captured_at
        stated_start: datetime | None = started
        if capture is not None and abs(started - capture) < SAME_TIME:
            stated_start = None
        duration = duration_of(self.exhibit)
        stated_end: datetime | None = ended
        if duration is not None and abs(ended - (started + timedelta(seconds=duration))) < SAME_TIME:
            stated_end = None
        elif duration is None and abs(ended - started) < SAME_TIME:
            stated_end = None  # nothing said about the end
        transcript = Transcript(
            recorded_by=self.recorded_by.text().strip(),
            device=self.device.text().strip(),
            started_at=stated_start,
            ended_at=stated_end,
            place_or_method=self.place.text().strip(),
            participants=[p.strip() for p in self.participants.toPlainText().splitlines() if p.strip()],
            own_conversation=self.own.isChecked(),
            lines=lines,
            transcriber=self.transcriber.text().strip(),
            transcribed_at=zone.now(),
        )
        check_marks_within([line.at for line in lines], duration)
        check_recording_times(started, ended)
        return transcript

    def save(self) -> None:
        try:
            transcript = self.transcript()
        except CaseFileError as exc:
            self.error.setText(translated(exc))
            return
        number, exhibit_no = self.number, self.exhibit.number
        shown = self.exhibit  # the transcript as it was opened: saved meanwhile by someone else, a conflict
        library = self.ctx.library

        def work(_token: object) -> None:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, base=shown, transcript=transcript)

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
