"""Every problem in the verification results is read whole in the list, without hovering.

Before, a long problem (a generated bundle missing, README.txt changed) was one line cut at the
dialog's edge: only its tooltip and "Copy the list" held the whole text.
"""

from __future__ import annotations

from pathlib import Path

from casefile.core.errors import Message
from casefile.core.verify import CaseReport
from casefile.ui.verify_results import VerifyResultsDialog

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

LONG = Message(
    "a generated bundle is missing or altered ({paths}); it is CaseFile's output, not evidence: "
    "'casefile repair {number}' records it in the custody log as lost (an altered one is moved to "
    "{aside}/), after which the case verifies; then make a new bundle if you need it",
    paths="bundles/消费投诉-202611-001-20261201-002338.pdf",
    number="202611-001",
    aside="set-aside",
)
README = Message(
    "README.txt is not the text CaseFile writes: its instructions for checking the case without CaseFile "
    "may have been changed; 'casefile repair {number}' writes it again (the changed one is kept beside it)",
    number="202611-001",
)


def _report(number: str, *problems: str) -> CaseReport:
    return CaseReport(number, Path("/nowhere") / number, problems=list(problems))


def _rows(dialog: VerifyResultsDialog):
    tree = dialog.problems
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            yield top.child(j)


def _fits_whole(dialog: VerifyResultsDialog, qtbot) -> None:
    tree = dialog.problems
    tree.doItemsLayout()
    for item in _rows(dialog):
        rect = tree.visualItemRect(item)
        assert rect.right() <= tree.viewport().width()  # nothing beyond the edge (no sideways scrolling)
        metrics = QFontMetrics(item.font(0))
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), flags, item.text(0)).height()
        assert rect.height() >= needed, item.text(0)  # every line of it shown


def test_a_long_problem_is_wrapped_in_the_list_and_read_whole(qtbot, qapp):
    dialog = VerifyResultsDialog([_report("202611-001", README, LONG)], 1)
    qtbot.addWidget(dialog)
    dialog.resize(620, 420)  # as it opens, on a 1024×700 screen
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.problems
    assert tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    rows = list(_rows(dialog))
    one_line = QFontMetrics(rows[0].font(0)).height()
    heights = [tree.visualItemRect(item).height() for item in rows]
    assert all(h >= 2 * one_line for h in heights), heights  # both take more than one line here
    _fits_whole(dialog, qtbot)

    dialog.resize(420, 420)  # narrower: the rows take more lines
    qtbot.waitUntil(lambda: tree.visualItemRect(rows[1]).height() > heights[1], timeout=2000)
    _fits_whole(dialog, qtbot)


def test_many_cases_with_long_problems_scroll_and_each_is_whole(qtbot, qapp):
    reports = [_report(f"202611-{n:03d}", LONG) for n in range(1, 31)]
    dialog = VerifyResultsDialog(reports, 30)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.problems.verticalScrollBar().isVisible()  # the scroll bar takes width: rows laid out again
    _fits_whole(dialog, qtbot)
    assert dialog.text().count("'casefile repair") == 30  # the list copied keeps every problem whole
