"""At 1024 pixels a proceeding's line in 处理 and a move's line in 概况's stage log wrap: the 12315 工单号 and
the note are read whole, never cut off with "…"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from casefile.core.model import Stage
from casefile.core.workflow import handling
from casefile.core.workflow.records import Proceeding, Venue

from PySide6.QtCore import QRect, Qt

CST = timezone(timedelta(hours=8))
NUMBER = "202611-001"
TICKET = "12315202611270008888"


def wrapped_height(view, text: str, width: int) -> int:
    return view.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text).height()


def test_a_proceeding_s_line_and_a_stage_log_line_wrap_at_1024(window, ctx, qtbot):
    with ctx.library.edit(NUMBER) as writer:
        handling.open_proceeding(
            writer,
            Proceeding(
                venue=Venue.REGULATOR,
                body="上海市徐汇区市场监督管理局消费者权益保护科",
                ref=TICKET,
                filed_at=datetime(2026, 11, 27, 10, 0, tzinfo=CST),
                summary="消费者通过 12315 平台投诉洗衣机漏水，转办我店处理",
            ),
        )
        writer.set_stage(
            Stage.NEGOTIATION,
            "顾客同意先上门检测，检测后再商定换新或退款，检测费用由我店承担；"
            "上门时间约在下周二上午，由售后主管陪同，检测报告出具后三日内答复顾客",
            at=datetime(2026, 11, 27, 11, 0, tzinfo=CST),
        )
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    qtbot.wait(150)  # laid out again for the width the tab was given
    tree = tab.tree
    line = next(
        item
        for section in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        for item in (section.child(j) for j in range(section.childCount()))
        if TICKET in item.text(1)
    )
    one_line = tree.fontMetrics().height()
    assert tree.fontMetrics().horizontalAdvance(line.text(1)) > tree.columnWidth(1)  # it needs more than a line
    assert tree.visualItemRect(line).height() >= wrapped_height(tree, line.text(1), tree.columnWidth(1) - 4)
    assert tree.visualItemRect(line).height() > one_line * 1.5

    overview = window.workspace.overview
    window.workspace.setCurrentWidget(overview)
    qtbot.wait(150)
    log = overview.stage_log
    item = log.item(0)
    width = log.viewport().width()
    assert log.fontMetrics().horizontalAdvance(item.text()) > width
    assert log.visualItemRect(item).height() >= wrapped_height(log, item.text(), width - 4)
