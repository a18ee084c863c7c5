"""Verifying the whole library: the window keeps running, and the result is a summary of the problems."""

from __future__ import annotations

import os
import time

from casefile_testing import make_case

from casefile.core.evidence import add_files

from PySide6.QtCore import QTimer


def test_verify_all_keeps_the_window_running_and_lists_only_the_problems(ctx, qtbot, tmp_path, monkeypatch):
    """Counted in the window's own time, not on the wall clock: on a loaded machine (two cores, several runs) the
    window's thread waited most of a second at times, idle in its event loop, while the verification's thread ran
    (the cores busy, Python's interpreter lock held), which says nothing of what the window does. That the window
    runs while the verification is under way is shown by a handshake instead."""
    import threading

    from casefile.ui import main_window
    from casefile.ui.main_window import MainWindow

    for _ in range(300):
        make_case(ctx.library)
    note = tmp_path / "聊天.txt"
    note.write_text("原始聊天记录", "utf-8")
    list(add_files(ctx.library, "202611-007", [note]))
    stored = ctx.library.folder("202611-007").path / ctx.library.load_case("202611-007").exhibits[0].stored_path
    os.chmod(stored, 0o644)
    stored.write_text("被修改过的记录", "utf-8")

    # Halfway, the verification waits until the window has shown it runs meanwhile (a handshake, not a delay).
    verify_case = main_window.verify_case
    on_gui: list[str] = []
    halfway, go_on = threading.Event(), threading.Event()

    def held(library, number, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui.append(number)
        if number == "202611-150":
            halfway.set()
            go_on.wait(30)
        return verify_case(library, number, **kwargs)

    monkeypatch.setattr(main_window, "verify_case", held)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    ctx.reads.synchronous = False  # the real worker thread, as in the app
    ticks: list[float] = []  # the window's thread's own time (what it spent working) at each tick
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.thread_time()))
    timer.start(20)
    try:
        window.verify(all_cases=True)
        qtbot.waitUntil(halfway.is_set, timeout=120_000)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) > seen + 3)  # the window ticks while the verification is under way
        go_on.set()
        qtbot.waitUntil(lambda: getattr(window, "verify_results", None) is not None, timeout=120_000)
        shown = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) > shown + 3)  # and still ticks once the result is shown
    finally:
        go_on.set()
        ctx.reads.wait()
        timer.stop()

    assert on_gui == []  # every case verified on the worker thread
    # No stretch of half a second of work on the window's thread between two ticks.
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, f"the window worked {max(gaps):.1f} s between two ticks"

    results = window.verify_results
    assert results.isVisible() and results.windowTitle() == "Verification results"
    assert results.counts.text() == "299 cases intact, 1 with problems"
    assert results.problem_numbers() == ["202611-007"]
    text = results.text()
    assert stored.name in text and "202611-001" not in text
    assert len(text.splitlines()) < 10


def test_verification_speaks_chinese_with_one_word(window, ctx, qapp):
    from casefile.ui.i18n import install

    install(qapp, "zh_CN")
    qapp.processEvents()  # the window retranslates on LanguageChange
    window.verify(all_cases=True)
    results = window.verify_results
    assert results.windowTitle() == "核验结果"
    assert results.counts.text() == "2 个案件完好，0 个有问题"
    assert results.headline.text() == "2 个案件全部完好。"
    assert not results.problems.isVisible()
    assert window.act_verify_all.text() == "核验全部案件"


def test_the_interface_says_verification_one_way():
    """核验 everywhere; 校验 only in check digits (校验码, 校验位) and the packet's annex title, 核实 only in
    the stage 核实与分类."""
    import re
    import xml.etree.ElementTree as ET

    from casefile_testing import REPO

    allowed = re.compile(r"校验码|校验位|完整性校验表|核实与分类")
    odd = [
        text
        for node in ET.parse(REPO / "i18n" / "casefile_zh_CN.ts").iter("translation")
        if (text := node.text or "") and re.search("校验|核实", allowed.sub("", text))
    ]
    assert odd == []


def test_cancelling_shows_what_was_verified_so_far(ctx, qtbot):
    from casefile.ui.main_window import MainWindow

    for _ in range(60):
        make_case(ctx.library)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.reads.synchronous = False
    try:
        window.verify(all_cases=True)
        window.verify_task.cancel()
        qtbot.waitUntil(lambda: getattr(window, "verify_results", None) is not None, timeout=60_000)
    finally:
        ctx.reads.wait()
    results = window.verify_results
    done = len(results.reports)
    assert done < 60
    assert results.headline.text() == f"Cancelled after {done} of 60 cases."


def test_a_verification_lets_go_of_its_task_and_reports(window, monkeypatch):
    """Its slots held the task they were connected to: every verification, and all its case reports
    (10,000 of them on a big library), was kept for the window's lifetime."""
    from qt_testing import tasks_kept

    kept = tasks_kept(monkeypatch)
    window.verify(all_cases=True)
    assert window.verify_results.counts.text() == "2 cases intact, 0 with problems"
    window.verify_task = None  # the window keeps the last task only until the next one
    assert kept() == []


def test_the_results_offer_repair_for_what_repair_puts_right(window, ctx, monkeypatch):
    """A README.txt changed in place (or a generated bundle lost) is put right from the results, when the
    user agrees; before, the app only listed the problem, and its repair was a command to type."""
    from PySide6.QtWidgets import QMessageBox

    readme = ctx.library.cases_dir / "202611-002" / "README.txt"
    readme.chmod(0o644)
    readme.write_text("echo OK  # no check needed\n", "utf-8")
    window.verify(all_cases=True)
    results = window.verify_results
    assert results.problem_numbers() == ["202611-002"] and "README.txt" in results.text()
    assert not results.repair.isHidden() and results.repairable_numbers() == ["202611-002"]
    case = results.problems.topLevelItem(0)
    lines = [case.child(i) for i in range(case.childCount())]
    assert lines and all(line.toolTip(0) == line.text(0) for line in lines)  # long ones are cut at the edge

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    results.repair.click()
    assert asked and "set-aside/" in asked[0]
    again = window.verify_results
    assert again is not results and again.problem_numbers() == [] and again.repair.isHidden()
    assert "CaseFile" in readme.read_text("utf-8")


def test_a_changed_evidence_file_is_not_offered_for_repair(window, ctx, tmp_path):
    note = tmp_path / "聊天.txt"
    note.write_text("原始聊天记录", "utf-8")
    list(add_files(ctx.library, "202611-001", [note]))
    stored = ctx.library.folder("202611-001").path / ctx.library.load_case("202611-001").exhibits[0].stored_path
    os.chmod(stored, 0o644)
    stored.write_text("被修改过的记录", "utf-8")
    window.verify(all_cases=True)
    assert window.verify_results.problem_numbers() == ["202611-001"] and window.verify_results.repair.isHidden()
