"""Other processes at work: nothing they are making is removed, nothing they hold stops other cases.

Each test runs a real second process that stops at a precise moment and says so on its
stdout (a handshake, never a sleep); the test then does what another window or command
would do, and lets the process go on by writing a line to its stdin.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from casefile_testing import filed_case, make_case

from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.verify import CaseReport, verify_case

REPO = Path(__file__).resolve().parents[2]

# Runs inside the child: pause(label) prints the label and waits for a line on stdin.
PRELUDE = """
import sys
def pause(label):
    print(label, flush=True)
    sys.stdin.readline()
"""


class Child:
    def __init__(self, code: str, library: Path, **env_vars: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "CASEFILE_OPERATOR": "另一窗口", **env_vars}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", PRELUDE + textwrap.dedent(code), str(library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    def wait_for(self, label: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(
                    f"child ended before {label!r}: {self.proc.stderr.read() if self.proc.stderr else ''}"
                )
            if line.strip() == label:
                return
        raise AssertionError(f"child never said {label!r}")

    def go_on(self) -> tuple[int, str, str]:
        out, err = self.proc.communicate("go\n", timeout=120)
        return self.proc.returncode, out, err

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.communicate(timeout=30)


# ---------------------------------------------------------------------------- point 5


def test_opening_the_library_never_removes_a_case_being_created(tmp_path):
    root = tmp_path / "library"
    Library.open(root, "op").close()
    child = Child(
        """
        from pathlib import Path
        import casefile.core.library as library_module
        from casefile.core.library import Library, case_from_fields
        real = library_module.atomic_write_bytes
        def slow_write(path, data):
            real(path, data)
            if path.name == "README.txt":
                pause("STAGED")
        library_module.atomic_write_bytes = slow_write
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        case = library.create_case(case_from_fields(
            {"title": "并发创建", "complained_at": "2026-11-20T10:30:00+08:00", "channel": "store", "type": "quality"}))
        print(case.number, flush=True)
        """,
        root,
    )
    child.wait_for("STAGED")
    staging = [p for p in (root / "cases").iterdir() if p.name.startswith(".cf-tmp-")]
    assert len(staging) == 1
    other = Library.open(root, "本窗口")  # every command opens the library: it must not touch the staging folder
    assert staging[0].exists()
    other.close()
    code, out, err = child.go_on()
    assert code == 0, err
    number = out.split()[-1]
    reopened = Library.open(root, "本窗口")
    assert (root / "cases" / number / "case.json").exists()
    assert reopened.case_numbers() == [number]
    assert [s.number for s in reopened.list_cases()] == [number]
    report = list(verify_case(reopened, number))[-1]
    assert isinstance(report, CaseReport) and report.ok, report.problems
    reopened.close()


def test_opening_the_library_never_removes_an_import_in_progress(library, files, tmp_path):
    from casefile.core.archive import export_case

    case = make_case(library)
    list(add_files(library, case.number, [files]))
    archive = tmp_path / "case.zip"
    list(export_case(library, case.number, archive))
    target = tmp_path / "target"
    Library.open(target, "op").close()
    child = Child(
        f"""
        from pathlib import Path
        import casefile.core.archive as archive_module
        from casefile.core.library import Library
        real = archive_module.verify_folder
        def slow_verify(folder, **kw):
            pause("EXTRACTED")
            yield from real(folder, **kw)
        archive_module.verify_folder = slow_verify
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        for item in archive_module.import_case(library, Path({str(archive)!r})):
            pass
        print("IMPORTED", flush=True)
        """,
        target,
    )
    child.wait_for("EXTRACTED")
    Library.open(target, "本窗口").close()
    code, out, err = child.go_on()
    assert code == 0 and "IMPORTED" in out, err
    reopened = Library.open(target, "本窗口")
    assert reopened.case_numbers() == [case.number]
    reopened.close()


# ---------------------------------------------------------------------------- point 6


def test_a_long_edit_of_one_case_never_stops_commands_on_other_cases(library, files):
    busy = make_case(library, title="正在导入大量文件")
    other = make_case(library, title="另一个案件")
    list(add_files(library, other.number, [files / "chat.txt"]))
    library.close()
    child = Child(
        f"""
        from pathlib import Path
        from casefile.core.library import Library
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        with library.edit({busy.number!r}):
            pause("HOLDING")
        """,
        library.root,
    )
    child.wait_for("HOLDING")
    # Every command opens the library (which finishes interrupted work) and works on other cases.
    # Run them in a process with a deadline: waiting for the busy case would exceed it.
    commands = ["list", "verify " + other.number, "show " + other.number, f"event {other.number} --summary 回访"]
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "casefile", "--library", str(library.root), *command.split()],
            capture_output=True,
            text=True,
            timeout=20,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert done.returncode == 0, (command, done.stderr)
    code, _out, err = child.go_on()
    assert code == 0, err


# ---------------------------------------------------------------------------- point 7


def test_work_interrupted_by_kill_is_finished_or_removed_at_the_next_start(library, files, tmp_path):
    case = filed_case(library, respondent={"kind": "organisation", "name": "某店"})
    list(add_files(library, case.number, [files]))
    library.close()
    destination = tmp_path / "out"
    destination.mkdir()
    system_temp = tmp_path / "systemp"
    system_temp.mkdir()
    child = Child(
        f"""
        from pathlib import Path
        import casefile.core.bundle.parts as parts
        from casefile.core.bundle import BundleOptions, Venue, build_bundle
        from casefile.core.library import Library
        from casefile.core.settings import Settings
        real = parts.render_separators
        def slow(path, ctx, *batch, **kw):
            real(path, ctx, *batch, **kw)
            pause("BUILDING")
        parts.render_separators = slow
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        list(build_bundle(library, {case.number!r}, BundleOptions(venue=Venue.COURT, force=True), Settings()))
        """,
        library.root,
        TMPDIR=str(system_temp),
    )
    child.wait_for("BUILDING")
    work = library.root / ".work"
    assert [p.name.startswith("bundle-") for p in work.iterdir()] == [True]
    child.kill()
    assert list(system_temp.iterdir()) == []  # nothing a kill leaves where no one would clean it

    exporter = Child(
        f"""
        from pathlib import Path
        import casefile.core.archive as archive_module
        from casefile.core.library import Library
        real = archive_module.shutil.copyfileobj
        def slow(src, dst, length=0):
            real(src, dst, length)
            pause("EXPORTING")
        archive_module.shutil.copyfileobj = slow
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        list(archive_module.export_case(library, {case.number!r}, Path({str(destination / "case.zip")!r})))
        """,
        library.root,
    )
    exporter.wait_for("EXPORTING")
    assert [p.name for p in destination.iterdir() if p.name.startswith(".cf-tmp-")]
    exporter.kill()

    reopened = Library.open(library.root, "本窗口")
    assert list(work.iterdir()) == []
    assert list(destination.iterdir()) == []
    assert list((reopened.cases_dir / case.number / "bundles").iterdir()) == []
    report = list(verify_case(reopened, case.number))[-1]
    assert isinstance(report, CaseReport) and report.ok, report.problems
    reopened.close()


def test_a_new_case_whose_maker_died_after_the_final_rename_is_listed(library):
    library.close()
    child = Child(
        """
        from pathlib import Path
        from casefile.core.library import Library, case_from_fields
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        def stop(case, changed):
            pause("RENAMED")
        library._index_upsert = stop
        library.create_case(case_from_fields(
            {"title": "刚建好", "complained_at": "2026-11-20T10:30:00+08:00", "channel": "store", "type": "quality"}))
        """,
        library.root,
    )
    child.wait_for("RENAMED")
    child.kill()
    reopened = Library.open(library.root, "本窗口")
    assert [s.title for s in reopened.list_cases()] == ["刚建好"]
    reopened.close()


def test_a_bundle_saved_up_to_its_custody_entry_is_finished_and_one_without_is_removed(library, files):
    from casefile.core.custody import LOG_NAME
    from casefile.core.fsutil import TEMP_PREFIX
    from casefile.core.hashing import hash_file

    case = make_case(library)
    bundles = library.cases_dir / case.number / "bundles"
    finished = bundles / f"{TEMP_PREFIX}{case.number}-court-1.pdf"
    orphan = bundles / f"{TEMP_PREFIX}{case.number}-court-2.pdf"
    with library.edit(case.number) as writer:  # the state a kill leaves between the entry and the rename
        finished.write_bytes(b"%PDF-1.7 a bundle whose entry was written\n")
        orphan.write_bytes(b"%PDF-1.7 a bundle with no entry\n")
        digest = hash_file(finished).sha256
        writer.record(
            "bundle",
            {
                "venue": "court",
                "files": [{"name": f"bundles/{case.number}-court-1.pdf", "sha256": digest, "pages": 1, "size": 42}],
            },
        )
    (library.root / ".pending" / case.number).write_bytes(b"")
    library.close()
    library = Library.open(library.root, "本窗口")
    assert sorted(p.name for p in bundles.iterdir()) == [f"{case.number}-court-1.pdf"]
    report = list(verify_case(library, case.number))[-1]
    assert isinstance(report, CaseReport) and report.ok, report.problems
    (bundles / "stray.pdf").write_bytes(b"%PDF-1.7 made elsewhere\n")
    report = list(verify_case(library, case.number))[-1]
    assert [(f.path, f.status.value) for f in report.files if f.status.value != "intact"] == [
        ("bundles/stray.pdf", "unexpected")
    ]
    assert (library.cases_dir / case.number / LOG_NAME).exists()
    library.close()


# ------------------------------------------------------------------ reads beside writes (issue 12, point 4)


def test_verification_sees_a_change_being_committed_whole_or_not_at_all(library, files, monkeypatch):
    """The app verifies on its own worker, beside writes: a change half written (its custody entry
    appended, case.json and the manifest not yet) must not read as a damaged case."""
    import threading

    case = make_case(library)
    list(add_files(library, case.number, [files / "chat.txt"]))
    child = Child(
        f"""
        from pathlib import Path
        from casefile.core.evidence import AddOptions, ingest_one
        from casefile.core.library import Library
        library = Library.open(Path(sys.argv[1]), "另一窗口")
        with library.edit({case.number!r}) as writer:
            ingest_one(writer, Path({str(files / "破损照片.jpg")!r}), AddOptions())
            pause("HALF-WRITTEN")  # the file and its custody entry are in; the manifest is written on leaving
        """,
        library.root,
    )
    child.wait_for("HALF-WRITTEN")
    waiting, finished = threading.Event(), threading.Event()
    real_lock = library.lock

    def lock(name, what, **kw):
        waiting.set()  # the verification asks for the case; the child still holds it
        return real_lock(name, what, **kw)

    monkeypatch.setattr(library, "lock", lock)
    reports: list[object] = []
    worker = threading.Thread(target=lambda: (reports.extend(verify_case(library, case.number)), finished.set()))
    worker.start()
    while not (waiting.is_set() or finished.is_set()):  # handshake: it either waits for the case or has run
        waiting.wait(0.01)
    code, _out, err = child.go_on()
    assert code == 0, err
    worker.join(timeout=60)
    report = reports[-1]
    assert isinstance(report, CaseReport)
    assert report.ok and not report.damaged, report.problems
    assert library.quarantine_reason(case.number) == ""


def _open_new_library(root: str, barrier: object, results: object) -> None:
    """One process starting on a folder no library is in yet: opens it, makes a case, says what it found."""
    barrier.wait()  # type: ignore[attr-defined]
    try:
        with Library.open(Path(root), "开门的人") as library:
            number = make_case(library).number
            marker = (Path(root) / "library.json").read_text(encoding="utf-8")
        results.put(("ok", number, marker))  # type: ignore[attr-defined]
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        results.put(("failed", repr(exc), ""))  # type: ignore[attr-defined]


def test_processes_starting_on_a_new_library_at_once_make_one_library(tmp_path):
    """Two windows and a command started on a new folder at the same moment: one library, every case kept."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    count = 6
    barrier, results = context.Barrier(count), context.Queue()
    root = tmp_path / "new library"
    processes = [context.Process(target=_open_new_library, args=(str(root), barrier, results)) for _ in range(count)]
    for process in processes:
        process.start()
    found = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join()
    assert [status for status, _, _ in found] == ["ok"] * count, found
    assert len({marker for _, _, marker in found}) == 1  # every process found the same library
    assert sorted(number for _, number, _ in found) == [f"202611-{i:03d}" for i in range(1, count + 1)]
    assert not [p for p in root.iterdir() if p.name.startswith(".cf-tmp-")]
