"""Reads never wait behind writes: previews, thumbnails and verification run on the reads runner,
so they finish while a long write (a bundle being built, files being added) holds the writes runner."""

from __future__ import annotations

import threading

import pytest
from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.thumbnails import thumbnail_path
from casefile.ui.tasks import Task

NUMBER = "202611-001"


@pytest.fixture
def held_write(window, ctx, qtbot):
    """A write holding the writes runner until the test is over (the handshake: started, then released)."""
    ctx.runner.synchronous = False
    ctx.reads.synchronous = False
    started, release = threading.Event(), threading.Event()

    def work(_token: object) -> None:
        started.set()
        release.wait(60)

    ctx.runner.start(Task(work, "a bundle being built"))
    assert started.wait(10)
    yield
    release.set()
    assert ctx.runner.wait(30_000) and ctx.reads.wait(30_000)
    qtbot.waitUntil(lambda: not ctx.runner.active and not ctx.reads.active)  # their last signals delivered
    ctx.runner.synchronous = True
    ctx.reads.synchronous = True


@pytest.fixture
def photo_case(ctx, tmp_path):
    photo = tmp_path / "破损照片.jpg"
    Image.new("RGB", (640, 480), (200, 40, 40)).save(photo)
    list(add_files(ctx.library, NUMBER, [photo]))
    return ctx.library.load_case(NUMBER).exhibits[0]


def test_a_preview_and_thumbnails_do_not_wait_behind_a_write(window, ctx, qtbot, photo_case, held_write):
    window.open_case(NUMBER)
    tab = window.workspace.evidence
    window.workspace.setCurrentWidget(tab)
    assert tab.number == NUMBER
    qtbot.waitUntil(lambda: thumbnail_path(photo_case.sha256).exists(), timeout=10_000)

    tab.select_exhibit(photo_case.number)
    exhibit = tab.selected_exhibit()
    assert exhibit is not None
    # What a photo Qt cannot read (HEIC) goes through: the core decodes it in the background.
    tab.preview.decode_in_background(exhibit, tab._file_of(exhibit))
    assert tab.preview.currentWidget() is tab.preview.preview_none  # "Preparing the preview…"
    qtbot.waitUntil(lambda: tab.preview.currentWidget() is tab.preview.image_page, timeout=10_000)
    assert tab.preview.pixmap is not None and tab.preview.pixmap.width() == 640


def test_verification_does_not_wait_behind_a_write(window, ctx, qtbot, held_write):
    window.open_case(NUMBER)
    window.verify(all_cases=False)
    qtbot.waitUntil(lambda: getattr(window, "verify_results", None) is not None, timeout=10_000)
    assert window.verify_results.headline.text() == f"Case {NUMBER} is intact."


def test_the_reads_runner_follows_the_writes_runner_in_tests(ctx):
    assert ctx.runner.synchronous and ctx.reads.synchronous
    assert ctx.reads is not ctx.runner and ctx.reads.pool.maxThreadCount() > 1


@pytest.mark.parametrize("inline", [True, False])
def test_a_finished_task_lets_go_of_what_its_slots_hold(qapp, qtbot, inline):
    """The runner's own slot held the task it was connected to: a cycle through Qt, never collected. Every task
    started was kept, with each slot connected to it and all they held (every case record read again)."""
    import gc
    import weakref

    from casefile.ui.tasks import TaskRunner

    class Record:
        pass

    runner = TaskRunner()
    runner.synchronous = inline
    record = Record()
    answers: list[object] = []
    task = Task(lambda _token: "read", "read the case again")
    task.succeeded.connect(lambda result, shown=record: answers.append((result, shown)))
    runner.start(task)
    qtbot.waitUntil(lambda: not runner.active)
    assert answers == [("read", record)]
    gone = weakref.ref(task), weakref.ref(record)
    answers.clear()
    del task, record
    gc.collect()
    assert [ref() for ref in gone] == [None, None]
