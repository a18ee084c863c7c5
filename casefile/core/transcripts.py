"""Reading transcripts typed as plain text: one utterance a line, ``hh:mm:ss 说话人：内容``."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from casefile.core.errors import InvalidValueError
from casefile.core.model import Exhibit, Transcript, TranscriptLine
from casefile.core.validate import check_marks_within, check_recording_times

_LINE = re.compile(r"^\s*(\*)?\s*\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?\s+([^:：]{1,40})[:：]\s*(.*)$")


def parse_transcript_lines(text: str) -> list[TranscriptLine]:
    """Lines that do not start with a time continue the utterance before them."""
    lines: list[TranscriptLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if match:
            key, at, speaker, said = match.groups()
            parts = at.split(":")
            if len(parts) == 2:
                parts.insert(0, "0")
            hh, mm, ss = (int(p) for p in parts)
            if mm > 59 or ss > 59:
                raise InvalidValueError(
                    "transcript line {number}: {at} is not a time in the recording", number=number, at=at
                )
            lines.append(TranscriptLine(f"{hh:02d}:{mm:02d}:{ss:02d}", speaker.strip(), said.strip(), bool(key)))
        elif lines:
            lines[-1].text += "\n" + raw.strip()
        else:
            raise InvalidValueError(
                "transcript line {number} does not start with a time such as 00:01:23 张三：", number=number
            )
    if not lines:
        raise InvalidValueError("the transcript has no lines")
    return lines


_SAME = timedelta(seconds=1)  # times typed or picked to the second match a capture time kept to the microsecond


def _same(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and abs(a - b) < _SAME


def duration_of(exhibit: Exhibit) -> float | None:
    """The recording's length in seconds, when its file told it."""
    duration = exhibit.metadata.duration
    if isinstance(duration, bool) or not isinstance(duration, int | float) or not duration > 0:
        return None
    return float(duration)


@dataclass(frozen=True)
class RecordingTimes:
    """When a recording started and ended, as its 录音文字整理 states them (None: not known, a blank)."""

    start: datetime | None
    end: datetime | None
    # The start is the file's modification time, which copying or downloading can change.
    start_from_file_time: bool = False


def recording_times(exhibit: Exhibit) -> RecordingTimes:
    """录制起止时间: the start the transcript states, else the recording's capture time (as corrected);
    the end it states, else the start plus the recording's length.

    A time the transcript took from the moment the file was copied in (its modification or import
    time) while the capture time comes from elsewhere — corrected by hand, or read from the file's
    own metadata since — is not a time of the recording, and is not used; nor is an end that is
    not after the start.
    """
    t = exhibit.transcript or Transcript()
    copied = (exhibit.file_modified_at, exhibit.added_at)
    corrected = exhibit.captured_at is not None and exhibit.captured_at_source not in ("", "file-mtime")

    def copy_time(value: datetime | None) -> bool:
        return corrected and not _same(value, exhibit.captured_at) and any(_same(value, c) for c in copied)

    start = t.started_at
    if start is None or copy_time(start):
        start = exhibit.captured_at
    # The capture time is the file's own modification time (a start the old transcript editor filled in
    # from it is the same): said so on the page.
    from_file = exhibit.captured_at_source == "file-mtime" and _same(start, exhibit.captured_at)
    end = t.ended_at
    if end is not None and (copy_time(end) or start is None or end <= start):
        end = None
    duration = duration_of(exhibit)
    if end is None and start is not None and duration is not None:
        end = start + timedelta(seconds=duration)
    return RecordingTimes(start, end, from_file)


def check_transcript(transcript: Transcript, exhibit: Exhibit) -> None:
    """What a transcript of ``exhibit`` must agree with: its time marks within the recording's length,
    and an end not before the start."""
    check_marks_within([line.at for line in transcript.lines], duration_of(exhibit))
    check_recording_times(transcript.started_at, transcript.ended_at)


def following_capture(transcript: Transcript, old: datetime | None, new: datetime | None) -> Transcript | None:
    """The transcript after its recording's capture time was corrected from ``old`` to ``new``, or None
    when it does not depend on it.

    A start equal to the old capture time was taken from it (earlier versions of the transcript editor
    filled it in), so it moves to the corrected time; an end equal to it too said nothing of its own
    and is cleared (the packet then states the end worked out from the recording's length), any other
    end moves by the same amount, keeping the length entered.
    """
    start = transcript.started_at
    if old is None or new is None or not _same(start, old):
        return None
    end = transcript.ended_at
    if end is not None:
        end = None if _same(end, old) else end + (new - old)
    return dataclasses.replace(transcript, started_at=new, ended_at=end)
