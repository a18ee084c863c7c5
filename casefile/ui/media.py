"""A small player for recordings and videos: play/pause, a position slider and the time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTime, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QStyle, QVBoxLayout, QWidget


def clock(ms: int) -> str:
    return QTime(0, 0).addMSecs(max(0, ms)).toString("HH:mm:ss")


class MediaPlayer(QWidget):
    """Plays a file as it is on disk (read-only); emits ``moved(ms)`` as the position changes."""

    moved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.player.setVideoOutput(self.video)
        self.play_button = QPushButton(self)
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.time = QLabel("00:00:00 / 00:00:00", self)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        self.play_button.clicked.connect(self.toggle)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.player.durationChanged.connect(self._duration)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)

    def set_source(self, path: Path | None, *, video: bool = True) -> None:
        self.player.stop()
        self.video.setVisible(video)
        self.player.setSource(QUrl.fromLocalFile(str(path)) if path else QUrl())

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def stop(self) -> None:
        self.player.stop()

    def position_ms(self) -> int:
        return int(self.player.position())

    def _duration(self, ms: int) -> None:
        self.slider.setRange(0, int(ms))
        self._position(self.player.position())

    def _position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(int(ms))
        self.time.setText(f"{clock(int(ms))} / {clock(int(self.player.duration()))}")
        self.moved.emit(int(ms))

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))


def media_player(parent: QWidget | None = None) -> MediaPlayer | None:
    """A player, or None when Qt's multimedia module cannot load on this machine."""
    try:
        return MediaPlayer(parent)
    except Exception:  # noqa: BLE001 - no multimedia backend: the app still works without playback
        return None
