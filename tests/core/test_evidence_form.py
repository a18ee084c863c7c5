"""The evidence category (证据形式) printed for each kind: recordings, videos, chats and phone pictures are
electronic data (民事证据规定 art. 14, spec §3 E1; 民诉法解释 art. 116), papers are documentary evidence."""

from __future__ import annotations

import re
import wave
from pathlib import Path

import pytest
from bundle_pages import build, mixed_case, page_texts

from casefile.core.bundle.context import Venue
from casefile.core.bundle.parts import evidence_form
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind


@pytest.mark.parametrize(
    "kind",
    [
        EvidenceKind.AUDIO,
        EvidenceKind.VIDEO,
        EvidenceKind.CHAT,
        EvidenceKind.PHOTO,
        EvidenceKind.SCREENSHOT,
        EvidenceKind.EMAIL,
    ],
)
def test_recordings_videos_chats_and_phone_pictures_are_electronic_data(kind):
    assert evidence_form(kind) == "电子数据"


@pytest.mark.parametrize("kind", [EvidenceKind.DOCUMENT, EvidenceKind.RECEIPT, EvidenceKind.CONTRACT])
def test_papers_are_documentary_evidence(kind):
    assert evidence_form(kind) == "书证"


def test_a_recording_is_printed_as_electronic_data_never_as_audio_visual_material(library: Library, tmp_path: Path):
    number = mixed_case(library, tmp_path / "in")
    recording = tmp_path / "通话录音.wav"
    with wave.open(str(recording), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000)
    list(add_files(library, number, [recording], AddOptions(purpose="证明客服承认商品破损")))
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    everything = "\n".join(texts)
    assert "视听资料" not in everything
    listing = next(t for t in texts if re.sub(r"\s+", "", t).startswith("证据目录"))
    assert "（录音）" in re.sub(r"\s+", "", listing)  # beside 电子数据, in its cell
    assert "录音（电子数据）" in re.sub(r"\s+", "", "\n".join(t for t in texts if "通话录音.wav" in t))
