"""Reading transcripts typed as plain text: one utterance a line, ``hh:mm:ss 说话人：内容``."""

from __future__ import annotations

import re

from casefile.core.errors import InvalidValueError
from casefile.core.model import TranscriptLine

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
