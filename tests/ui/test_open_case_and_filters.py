"""The case open stays open whatever the case list's filters do, and the list says when they hide it."""

from __future__ import annotations


def test_the_case_open_stays_open_through_saves_after_a_filter_hid_it_and_let_it_back(window, ctx):
    pane = window.cases
    pane.select("202611-001")
    overview = window.workspace.overview
    pane.stage.setCurrentIndex(pane.stage.findData("closed"))  # nothing is closed: the list is empty
    assert pane.model.matching == 0 and window.workspace.number == "202611-001"
    assert pane.hidden_open.isVisibleTo(pane) and "202611-001" in pane.hidden_open.text()
    overview.title.setText("手机屏幕碎裂（筛选中）")
    assert overview.save()  # saved while the filter hides it: still open
    assert window.workspace.number == "202611-001"
    assert window.right.currentWidget() is window.workspace
    pane.stage.setCurrentIndex(0)  # back in the list: selected again, the note gone
    assert pane.current_number() == "202611-001"
    assert not pane.hidden_open.isVisibleTo(pane)
    overview.title.setText("手机屏幕碎裂（已保存）")
    assert overview.save()
    assert window.workspace.number == "202611-001" and pane.current_number() == "202611-001"
    assert ctx.library.load_case("202611-001").title == "手机屏幕碎裂（已保存）"


def test_a_record_made_in_handling_while_a_filter_hides_the_case_keeps_it_open(window, ctx):
    pane = window.cases
    pane.select("202611-002")
    pane.stage.setCurrentIndex(pane.stage.findData("negotiation"))
    assert pane.model.matching == 0
    ctx.events.case_changed.emit("202611-002")  # what every record in 处理 ends with
    assert window.workspace.number == "202611-002"
    assert pane.hidden_open.isVisibleTo(pane)
    pane.hidden_open.linkActivated.emit("show")  # shows it: the filters cleared, the case selected
    assert pane.stage.currentIndex() == 0 and pane.current_number() == "202611-002"
    assert window.workspace.number == "202611-002" and not pane.hidden_open.isVisibleTo(pane)


def test_closing_the_case_still_closes_it(window):
    window.cases.select("202611-001")
    window.close_case()
    assert window.workspace.number is None and window.cases.current_number() == ""
    assert not window.cases.hidden_open.isVisibleTo(window.cases)


def _cut(combo) -> bool:
    """Whether ``combo`` is narrower than its "All …" choice needs."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    text = QSize(metrics.horizontalAdvance(combo.itemText(0)), metrics.height())
    return combo.width() < combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo).width()


def test_the_filters_all_choices_are_not_cut_at_1024_in_english_or_chinese(window, qapp, qtbot, tmp_path):
    import subprocess
    from pathlib import Path

    from casefile.ui import i18n
    from tools.i18n import tool

    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    pane = window.cases
    combos = (pane.stage, pane.type, pane.priority)
    assert pane.priority.itemText(0) == "All priorities"
    qtbot.waitUntil(lambda: not any(_cut(c) for c in combos), timeout=2000)
    built = tmp_path / "casefile_zh_CN.qm"
    source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
    subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(built)], check=True)
    was = i18n.catalogue
    i18n.catalogue = lambda language: built if language == "zh_CN" else None
    try:
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: pane.priority.itemText(0) == "全部优先级", timeout=2000)
        qtbot.waitUntil(lambda: not any(_cut(c) for c in combos), timeout=2000)
    finally:
        i18n.catalogue = was
        i18n.install(qapp, "en")
    qtbot.waitUntil(lambda: pane.priority.itemText(0) == "All priorities", timeout=2000)
    qtbot.waitUntil(lambda: not any(_cut(c) for c in combos), timeout=2000)
