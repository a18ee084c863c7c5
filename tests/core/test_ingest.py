"""Evidence ingest: byte-exact copies, one-pass hashes, refusals, duplicates, crashes."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casefile.core.errors import CancelledError
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.hashing import sm3_available
from casefile.core.library import Library
from casefile.core.manifest import ANCHOR_NAME, ANCHOR_SHA256
from casefile.core.model import EvidenceKind
from casefile.core.progress import CancelToken, Progress
from casefile.core.verify import FileStatus, verify_case, verify_folder


def results(items) -> list[AddResult]:
    return [i for i in items if isinstance(i, AddResult)]


def report_of(items):
    return list(items)[-1]


def test_files_are_stored_byte_for_byte_read_only_and_hashed(library, case, files):
    added = results(add_files(library, case.number, [files]))
    stored = library.load_case(case.number)
    assert [r.exhibit.number for r in added if r.exhibit] == [1, 2, 3, 4]
    folder = library.folder(case.number)
    for exhibit in stored.exhibits:
        source = files / exhibit.original_name
        target = folder.path / exhibit.stored_path
        assert target.read_bytes() == source.read_bytes()
        assert exhibit.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert exhibit.size == source.stat().st_size
        assert not os.stat(target).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        assert exhibit.added_at.tzinfo is not None
        assert exhibit.added_by == "测试员"
        assert exhibit.file_modified_at is not None
        if sm3_available():
            assert exhibit.sm3 == hashlib.new("sm3", source.read_bytes()).hexdigest()
    kinds = {e.original_name: e.kind for e in stored.exhibits}
    assert kinds["破损照片.jpg"] is EvidenceKind.PHOTO
    assert kinds["Screenshot_20240510-143012_WeChat.png"] is EvidenceKind.SCREENSHOT
    assert kinds["chat.txt"] is EvidenceKind.CHAT
    assert "empty" in next(e for e in stored.exhibits if e.original_name == "empty.dat").flags
    manifest = (folder.path / "MANIFEST.sha256").read_text("utf-8").splitlines()
    fixed = f"{ANCHOR_SHA256}  {ANCHOR_NAME}"  # the folder's fixed file, listed with every manifest
    assert sorted(manifest) == sorted([fixed, *(f"{e.sha256}  {e.stored_path}" for e in stored.exhibits)])


def test_options_apply_and_records_survive_reopening(library, case, files, tmp_path):
    options = AddOptions(kind=EvidenceKind.WAYBILL, title="运单照片", source="顾客手机", purpose="证明快递单号")
    results(add_files(library, case.number, [files / "破损照片.jpg"], options))
    library.close()
    reopened = Library.open(library.root, "另一人")
    exhibit = reopened.load_case(case.number).exhibit(1)
    assert (exhibit.kind, exhibit.title, exhibit.source, exhibit.purpose) == (
        EvidenceKind.WAYBILL,
        "运单照片",
        "顾客手机",
        "证明快递单号",
    )
    reopened.close()


def test_same_bytes_twice_are_a_duplicate(library, case, files, tmp_path):
    copy = tmp_path / "again.jpg"
    copy.write_bytes((files / "破损照片.jpg").read_bytes())
    first = results(add_files(library, case.number, [files / "破损照片.jpg"]))
    second = results(add_files(library, case.number, [copy]))
    assert first[0].exhibit is not None
    assert second[0].exhibit is None and second[0].duplicate_of == 1
    assert len(library.load_case(case.number).exhibits) == 1
    assert len(list((library.folder(case.number).evidence_dir).iterdir())) == 1


def test_what_cannot_be_evidence_is_refused_with_a_reason(library, case, tmp_path):
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "ok.txt").write_text("fine")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    (chosen / "escape").symlink_to(outside)
    (chosen / "inside-link.txt").symlink_to(chosen / "ok.txt")
    (chosen / "loop").symlink_to(chosen)
    os.mkfifo(chosen / "pipe")
    (chosen / ".hidden").write_text("x")
    out = results(add_files(library, case.number, [chosen, tmp_path / "nope.jpg", "/dev/null"]))
    by_name = {r.path.name: r for r in out}
    # A link inside the chosen folder is followed: the same bytes, so one exhibit and one duplicate.
    assert by_name["inside-link.txt"].exhibit is not None
    assert by_name["ok.txt"].duplicate_of == 1
    assert "outside the chosen folder" in by_name["escape"].refused
    assert "loop" in by_name["loop"].refused
    assert "not a regular file" in by_name["pipe"].refused
    assert "system pseudo-file" in by_name["null"].refused
    assert "no such file" in by_name["nope.jpg"].refused
    assert by_name[".hidden"].skipped and not by_name[".hidden"].refused
    assert report_of(verify_case(library, case.number)).ok


def test_unreadable_file_is_refused(library, case, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    locked = tmp_path / "locked.jpg"
    locked.write_bytes(b"\xff\xd8\xff data")
    locked.chmod(0)
    (res,) = results(add_files(library, case.number, [locked]))
    assert "permission denied" in res.refused


def test_file_changing_while_read_is_refused_and_nothing_is_left(library, case, tmp_path):
    growing = tmp_path / "recording.mp4"
    growing.write_bytes(os.urandom(1 << 20) * 48)
    stop = threading.Event()
    writing = threading.Event()

    def keep_writing() -> None:
        with open(growing, "ab") as fh:
            while not stop.is_set():
                fh.write(b"x" * 4096)
                fh.flush()
                writing.set()
                stop.wait(0.0005)  # a steady trickle, until told to stop

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert writing.wait(timeout=10)
        (res,) = results(add_files(library, case.number, [growing]))
    finally:
        stop.set()
        writer.join()
    assert "changed while it was being read" in res.refused
    folder = library.folder(case.number)
    assert list(folder.evidence_dir.iterdir()) == []
    assert not folder.staging_dir.exists() or list(folder.staging_dir.iterdir()) == []
    assert library.load_case(case.number).exhibits == []


def test_cancel_keeps_finished_files_and_discards_the_one_in_flight(library, case, tmp_path):
    (tmp_path / "a.bin").write_bytes(b"a" * 1000)
    (tmp_path / "b.bin").write_bytes(os.urandom(1 << 20) * 8)
    token = CancelToken()
    seen = []
    with pytest.raises(CancelledError):
        for item in add_files(library, case.number, [tmp_path / "a.bin", tmp_path / "b.bin"], cancel=token):
            seen.append(item)
            if isinstance(item, Progress) and item.message == "a.bin":  # a.bin is copied, b.bin is next
                token.cancel()
    stored = library.load_case(case.number)
    assert [e.original_name for e in stored.exhibits] == ["a.bin"]
    folder = library.folder(case.number)
    assert [p.name for p in folder.evidence_dir.iterdir()] == ["001-a.bin"]
    assert report_of(verify_case(library, case.number)).ok


def test_withdrawn_evidence_stays_on_disk_in_manifest_and_log(library, case, files):
    results(add_files(library, case.number, [files / "chat.txt"]))
    with library.edit(case.number) as writer:
        writer.withdraw(1, "顾客提供的聊天记录不完整")
    stored = library.load_case(case.number)
    exhibit = stored.exhibit(1)
    assert exhibit.withdrawn and exhibit.withdraw_reason == "顾客提供的聊天记录不完整"
    folder = library.folder(case.number)
    assert (folder.path / exhibit.stored_path).exists()
    assert exhibit.stored_path in (folder.path / "MANIFEST.sha256").read_text("utf-8")
    actions = [e["action"] for e in folder.custody.read()]
    assert actions == ["create", "ingest", "withdraw"]
    assert report_of(verify_case(library, case.number)).ok


@pytest.mark.corpus
def test_every_corpus_file_becomes_evidence(library, case, corpus):
    out = results(add_files(library, case.number, [corpus / "images", corpus / "pdfs"]))
    refused = [r for r in out if r.refused]
    assert refused == []
    stored = library.load_case(case.number)
    expected = [p for p in (corpus / "images").rglob("*") if p.is_file()]
    expected += [p for p in (corpus / "pdfs").rglob("*") if p.is_file()]
    assert len(stored.exhibits) + sum(1 for r in out if r.duplicate_of) == len(expected)
    pdfs = [e for e in stored.exhibits if e.mime == "application/pdf"]
    assert pdfs and all(e.kind is EvidenceKind.DOCUMENT for e in pdfs)
    assert all(e.metadata.pages is not None for e in pdfs)
    report = report_of(verify_case(library, case.number))
    assert report.ok and report.count(FileStatus.INTACT) == len(stored.exhibits)


def test_broken_and_lying_files_are_kept_and_flagged(library, case, tmp_path):
    from PIL import Image

    good = tmp_path / "good.jpg"
    Image.new("RGB", (300, 200), (10, 120, 10)).save(good)
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(good.read_bytes()[:-200])
    lying = tmp_path / "photo.jpg"
    lying.write_bytes(b"%PDF-1.4\n% not a photo\n%%EOF\n")
    garbage = tmp_path / "mystery.jpg"
    garbage.write_bytes(bytes(range(256)) * 4)
    out = results(add_files(library, case.number, [truncated, lying, garbage]))
    assert all(r.exhibit is not None for r in out)
    flags = {r.path.name: r.exhibit.flags for r in out}
    assert "truncated" in flags["truncated.jpg"]
    assert "extension-mismatch" in flags["photo.jpg"]
    assert "broken" in flags["photo.jpg"]  # claims to be a PDF and is not one either
    assert "unknown-format" in flags["mystery.jpg"]


KILL_SCRIPT = r"""
import sys
from casefile.core.library import Library
from casefile.core.evidence import add_files
lib = Library.open(sys.argv[1], "killer")
print("ready", flush=True)
for _ in add_files(lib, sys.argv[2], sys.argv[3:]):
    print("step", flush=True)
"""


@pytest.mark.slow
def test_kill_at_random_moments_leaves_whole_exhibits_or_nothing(library, case, tmp_path):
    """SIGKILL an ingest at random points; the next open must leave a case that verifies."""
    source = tmp_path / "source"
    source.mkdir()
    rng = random.Random(1234)
    for i in range(60):
        (source / f"photo{i:03d}.jpg").write_bytes(rng.randbytes(rng.randint(1, 200_000)))
    (source / "video.mp4").write_bytes(rng.randbytes(24 << 20))
    library.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    outcomes = set()
    for attempt in range(8):
        with subprocess.Popen(
            [sys.executable, "-c", KILL_SCRIPT, str(library.root), case.number, str(source)],
            stdout=subprocess.PIPE,
            env=env,
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == b"ready"
            # The ingest reports 123 steps (progress and results); kill it while it works on the next one.
            for _ in range(rng.randrange(130)):
                if not proc.stdout.readline():
                    break  # it has finished
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        reopened = Library.open(library.root, "checker")  # recovery runs here
        folder = reopened.folder(case.number)
        stored = reopened.load_case(case.number)
        outcomes.add(len(stored.exhibits))
        report = report_of(verify_folder(folder))
        assert report.ok, (attempt, report.problems, [f for f in report.files if f.status is not FileStatus.INTACT])
        names = sorted(p.name for p in folder.evidence_dir.iterdir())
        assert names == sorted(Path(e.stored_path).name for e in stored.exhibits)
        for exhibit in stored.exhibits:
            data = (folder.path / exhibit.stored_path).read_bytes()
            assert data == (source / exhibit.original_name).read_bytes()
        assert not folder.staging_dir.exists() or not list(folder.staging_dir.iterdir())
        assert not list((reopened.root / ".pending").iterdir())
        assert {c.number: c.exhibit_count for c in reopened.list_cases()}[case.number] == len(stored.exhibits)
        reopened.close()
    assert len(outcomes) > 1  # the kills landed at different points


@pytest.mark.slow
def test_a_large_file_reports_progress_while_it_is_copied(library, case, tmp_path):
    big = tmp_path / "unboxing.mp4"
    with open(big, "wb") as fh:
        for _ in range(400):
            fh.write(os.urandom(1 << 20))
    items = list(add_files(library, case.number, [big]))
    during = [i for i in items if isinstance(i, Progress) and 0 < i.done < i.total]
    assert during, "no progress reported while the file was copied"
    assert [i.done for i in during] == sorted(i.done for i in during)
    (result,) = [i for i in items if isinstance(i, AddResult)]
    assert result.exhibit is not None and result.exhibit.size == 400 << 20
