"""录制起止时间 follow the recording (issue 11, point 6): the corrected capture time and the recording's
length, never the time the file was copied; time marks beyond the recording are refused."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import wave
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from casefile_testing import filed_case
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.parts import fmt_time
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Exhibit, ExhibitMetadata, Transcript, TranscriptLine
from casefile.core.settings import Settings
from casefile.core.transcripts import following_capture, recording_times

CST = timezone(timedelta(hours=8))
LENGTH = 83  # seconds
COPIED = datetime(2026, 11, 29, 7, 22, 46, tzinfo=CST)  # the file's time: when it was copied off the phone
RECORDED = datetime(2026, 11, 25, 14, 30, tzinfo=CST)  # when the call really was, as the clerk checked it


def recording(path: Path, seconds: int = LENGTH) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(1000)
        w.writeframes(b"\0\0" * 1000 * seconds)
    os.utime(path, (COPIED.timestamp(), COPIED.timestamp()))
    return path


@pytest.fixture
def call(library: Library, tmp_path: Path) -> tuple[str, int]:
    case = filed_case(library)
    source = recording(tmp_path / "通话录音.wav")
    (result,) = [
        r
        for r in add_files(library, case.number, [source], AddOptions(purpose="证明客服承认商品破损"))
        if isinstance(r, AddResult)
    ]
    exhibit = result.exhibit
    assert exhibit is not None and exhibit.captured_at == COPIED and exhibit.captured_at_source == "file-mtime"
    return case.number, exhibit.number


def lines(*marks: str) -> list[TranscriptLine]:
    return [TranscriptLine(mark, "客服", f"第{i}句") for i, mark in enumerate(marks, 1)]


def as_the_old_editor_saved_it() -> Transcript:
    """Start and end both filled with the capture time, which was the copy time."""
    return Transcript(
        recorded_by="张三",
        started_at=COPIED,
        ended_at=COPIED,
        participants=["张三（本人）", "客服（工号 A017）"],
        lines=lines("00:00:05", "00:01:20"),
        transcriber="张三",
    )


def transcript_page(library: Library, number: str) -> str:
    items = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), Settings()))
    result = items[-1]
    assert isinstance(result, BundleResult)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        pages = subprocess.run([pdftotext, str(result.files[0]), "-"], capture_output=True, text=True)
        text = pages.stdout
    else:  # pragma: no cover - poppler-utils missing
        text = "\n".join(page.extract_text() or "" for page in PdfReader(result.files[0]).pages)
    (page,) = [p for p in text.split("\f") if "录音文字整理" in p and "录制起止时间" in p]
    return flat(page)


def flat(text: str) -> str:
    """Text without its white space: lines wrap where the layout puts them."""
    return re.sub(r"\s+", "", text)


def test_correcting_the_capture_time_moves_the_transcript_and_the_page_prints_the_recording(library, call):
    number, exhibit_no = call
    with library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, transcript=as_the_old_editor_saved_it())
    before = transcript_page(library, number)
    assert flat(f"{fmt_time(COPIED)} 至 {fmt_time(COPIED + timedelta(seconds=LENGTH))}") in before
    assert "开始时间取自文件修改时间" in before  # the file's time, copied into the transcript: said so

    with library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, captured_at=RECORDED, captured_at_source="user")
    entry = library.folder(number).custody.read()[-1]
    assert set(entry["details"]["fields"]) == {"captured_at", "captured_at_source", "transcript"}  # one entry
    moved = library.load_case(number).exhibit(exhibit_no).transcript
    assert moved is not None and moved.started_at == RECORDED and moved.ended_at is None

    page = transcript_page(library, number)
    assert flat(f"{fmt_time(RECORDED)} 至 {fmt_time(RECORDED + timedelta(seconds=LENGTH))}") in page
    assert flat(fmt_time(COPIED)) not in page and "文件修改时间" not in page  # never the copy time
    assert "00:01:23" in page  # the length beside the file name


def test_a_transcript_saved_before_the_fix_never_prints_the_copy_time(library, call):
    """Corrected before transcripts followed: the stale start was the copy time, so the capture time wins."""
    number, exhibit_no = call
    with library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, captured_at=RECORDED, captured_at_source="user")
        writer.update_exhibit(exhibit_no, transcript=as_the_old_editor_saved_it())
    stored = library.load_case(number).exhibit(exhibit_no)
    assert stored.transcript is not None and stored.transcript.started_at == COPIED
    times = recording_times(stored)
    assert (times.start, times.end) == (RECORDED, RECORDED + timedelta(seconds=LENGTH))
    page = transcript_page(library, number)
    assert flat(fmt_time(RECORDED)) in page and flat(fmt_time(COPIED)) not in page


def test_without_a_stated_start_the_page_uses_the_capture_time_and_says_where_it_came_from(library, call):
    number, exhibit_no = call
    transcript = Transcript(lines=lines("00:00:05"), participants=["张三（本人）"])
    with library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, transcript=transcript)
    page = transcript_page(library, number)
    assert flat(f"{fmt_time(COPIED)} 至 {fmt_time(COPIED + timedelta(seconds=LENGTH))}") in page
    assert "开始时间取自文件修改时间" in page  # the file's time may be the copy's: said so
    with library.edit(number) as writer:  # once checked and corrected, the page follows by itself
        writer.update_exhibit(exhibit_no, captured_at=RECORDED, captured_at_source="user")
    page = transcript_page(library, number)
    assert flat(f"{fmt_time(RECORDED)} 至 {fmt_time(RECORDED + timedelta(seconds=LENGTH))}") in page
    assert "文件修改时间" not in page


def test_a_stated_end_and_start_other_than_the_capture_time_are_kept(library, call):
    number, exhibit_no = call
    start, end = datetime(2026, 11, 25, 14, 29, tzinfo=CST), datetime(2026, 11, 25, 14, 31, tzinfo=CST)
    with library.edit(number) as writer:
        writer.update_exhibit(
            exhibit_no, transcript=Transcript(started_at=start, ended_at=end, lines=lines("00:00:05"))
        )
        writer.update_exhibit(exhibit_no, captured_at=RECORDED, captured_at_source="user")
    stored = library.load_case(number).exhibit(exhibit_no)
    assert stored.transcript is not None and stored.transcript.started_at == start  # not taken from the capture time
    assert (recording_times(stored).start, recording_times(stored).end) == (start, end)


def test_an_end_that_moves_with_its_start_keeps_the_length_entered():
    transcript = Transcript(started_at=COPIED, ended_at=COPIED + timedelta(minutes=2))
    moved = following_capture(transcript, COPIED, RECORDED)
    assert moved is not None and (moved.started_at, moved.ended_at) == (RECORDED, RECORDED + timedelta(minutes=2))
    assert following_capture(Transcript(started_at=RECORDED), COPIED, RECORDED) is None  # its own start stays
    assert following_capture(Transcript(), COPIED, RECORDED) is None  # no start: it follows anyway


# ---------------------------------------------------------------------------- time marks


def test_time_marks_beyond_the_recording_are_refused_and_nothing_is_written(library, call):
    number, exhibit_no = call
    log = library.folder(number).path / "CUSTODY.jsonl"
    before = log.read_bytes()
    beyond = r"line 2: the time mark 00:01:25 is beyond the end of the recording \(00:01:23\)"
    with pytest.raises(InvalidValueError, match=beyond), library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, transcript=Transcript(lines=lines("00:00:05", "00:01:25")))
    assert log.read_bytes() == before
    with library.edit(number) as writer:  # the last second the recording reaches is fine
        writer.update_exhibit(exhibit_no, transcript=Transcript(lines=lines("00:00:05", "00:01:23")))


def test_a_recording_cannot_end_before_it_starts(library, call):
    number, exhibit_no = call
    with pytest.raises(InvalidValueError, match="ends .* before it starts"), library.edit(number) as writer:
        writer.update_exhibit(
            exhibit_no,
            transcript=Transcript(
                started_at=RECORDED, ended_at=RECORDED - timedelta(minutes=1), lines=lines("00:00:01")
            ),
        )


def test_the_command_line_refuses_marks_beyond_the_recording(library, call, tmp_path, capsys):
    number, exhibit_no = call
    text = tmp_path / "通话整理.txt"
    text.write_text("00:00:05 客服：您好\n00:02:00 张三：屏幕碎了\n", encoding="utf-8")
    library.close()
    code = main(["--library", str(library.root), "transcript", number, str(exhibit_no), str(text)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert "line 2: the time mark 00:02:00 is beyond the end of the recording (00:01:23)" in err
    text.write_text("00:00:05 客服：您好\n00:01:10 张三：屏幕碎了\n", encoding="utf-8")
    assert main(["--library", str(library.root), "transcript", number, str(exhibit_no), str(text)]) == 0


def audio(**fields: object) -> Exhibit:
    exhibit = Exhibit(
        number=1,
        title="t",
        kind=EvidenceKind.AUDIO,
        original_name="x.m4a",
        stored_path="evidence/001-x.m4a",
        size=1,
        sha256="0" * 64,
        added_at=COPIED + timedelta(minutes=5),
        added_by="x",
    )
    for name, value in fields.items():
        setattr(exhibit, name, value)
    return exhibit


def test_marks_are_not_checked_when_the_length_is_unknown():
    from casefile.core.transcripts import check_transcript

    check_transcript(Transcript(lines=lines("09:59:59")), audio())


def test_a_copy_time_is_not_taken_for_the_recording_s_once_the_file_states_its_own():
    """Metadata read again (an older CaseFile's file time replaced by the container's): the same rule."""
    stale = Transcript(started_at=COPIED, ended_at=COPIED, lines=lines("00:00:01"))
    exhibit = audio(
        file_modified_at=COPIED,
        captured_at=RECORDED,
        captured_at_source="container",
        transcript=stale,
        metadata=ExhibitMetadata(duration=LENGTH),
    )
    times = recording_times(exhibit)
    assert (times.start, times.end, times.start_from_file_time) == (
        RECORDED,
        RECORDED + timedelta(seconds=LENGTH),
        False,
    )
    exhibit.transcript = Transcript(started_at=COPIED + timedelta(minutes=5), lines=lines("00:00:01"))
    assert recording_times(exhibit).start == RECORDED  # the import time is no recording time either
    # Still the file's time only: it is all there is, printed as such (also where a transcript copied it).
    exhibit = audio(file_modified_at=COPIED, captured_at=COPIED, captured_at_source="file-mtime", transcript=stale)
    times = recording_times(exhibit)
    assert (times.start, times.end, times.start_from_file_time) == (COPIED, None, True)
    exhibit.transcript = None
    times = recording_times(exhibit)
    assert (times.start, times.end, times.start_from_file_time) == (COPIED, None, True)


@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT])
def test_the_transcriber_signs_on_a_line_left_blank(library, call, venue):
    """整理人（签名） is a line to sign on by hand, with the transcriber's name in brackets after it (spec E8):
    never the typed name alone, which leaves nowhere to sign."""
    number, exhibit_no = call
    with library.edit(number) as writer:
        writer.update_exhibit(exhibit_no, transcript=as_the_old_editor_saved_it())
    items = list(build_bundle(library, number, BundleOptions(venue, force=True), Settings()))
    result = items[-1]
    assert isinstance(result, BundleResult)
    text = flat("".join(page.extract_text() or "" for page in PdfReader(result.files[0]).pages))
    assert "整理人（签名）：＿＿＿＿＿＿＿＿（张三）" in text, text
    assert "整理人（签名）：张三" not in text


def test_a_signature_line_never_holds_the_name_alone():
    from casefile.core.bundle.pdfkit import sign_here

    assert sign_here("张三") == "＿＿＿＿＿＿＿＿（张三）"
    assert sign_here("  ") == sign_here(None) == "＿＿＿＿＿＿＿＿"
