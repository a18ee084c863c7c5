"""The English UI at 1024×700: fields wide enough to read, each language's own punctuation, and the controls a
message names called by the names the English UI shows."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from casefile.core.model import Case, CaseType, Channel
from casefile.core.workflow.records import (
    Answer,
    Closing,
    ClosingResult,
    Finding,
    Outcome,
    OutcomeKind,
    Payment,
    Proposal,
)

CST = timezone(timedelta(hours=8))
CJK_PUNCTUATION = re.compile("[：、（），　]")
CJK = re.compile(r"[\u3400-\u9fff]")
LANGUAGES = ("en", "zh_CN")


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    from casefile.ui.i18n import install

    install(qapp, request.param)
    return request.param


def at_1024_by_700(window, qapp, tab_name: str):
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-001")
    workspace = window.workspace
    workspace.setCurrentWidget(getattr(workspace, tab_name))
    for _ in range(5):
        qapp.processEvents()
    return getattr(workspace, tab_name)


def test_the_timeline_reference_shows_a_whole_ticket_number(window, qapp, language):
    """The 工单号 a caller quotes (GD20261121001) is read whole in the field it is typed in."""
    timeline = at_1024_by_700(window, qapp, "timeline")
    for kind in ("complaint", "call"):
        timeline.kind.setCurrentIndex(timeline.kind.findData(kind))
        timeline.ref.setText("GD20261121001")
        qapp.processEvents()
        ref = timeline.ref
        shown = ref.width() - 2 * ref.style().pixelMetric(ref.style().PixelMetric.PM_DefaultFrameWidth) - 8
        assert ref.isVisible() and shown >= ref.fontMetrics().horizontalAdvance("GD20261121001"), (kind, ref.width())


def test_the_evidence_tool_bar_shows_every_action_at_1024(window, qapp, language):
    from PySide6.QtWidgets import QToolBar

    evidence = at_1024_by_700(window, qapp, "evidence")
    hidden = [
        action.text() or action.toolTip()
        for bar in evidence.findChildren(QToolBar)
        for action in bar.actions()
        if action.isVisible() and (widget := bar.widgetForAction(action)) is not None and not widget.isVisible()
    ]
    assert evidence.act_redact.isVisible() and evidence.act_down.isVisible() and evidence.act_grid.isVisible()
    assert hidden == []


def test_the_settings_form_fits_its_page_at_1024(ctx, qtbot, qapp, language):
    from casefile.ui.settings_dialog import SettingsDialog

    from PySide6.QtWidgets import QScrollArea

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(min(dialog.width(), 1024), min(dialog.height(), 700))
    dialog.show()
    qapp.processEvents()
    scroller = dialog.pages.widget(0)
    assert isinstance(scroller, QScrollArea)
    page = scroller.widget()
    assert page.minimumSizeHint().width() <= scroller.viewport().width()
    assert page.width() <= scroller.viewport().width()


def handled_case() -> Case:
    at = datetime(2026, 11, 21, 10, 0, tzinfo=CST)
    case = Case(
        number="202611-001",
        title="手机屏幕碎裂",
        complained_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        channel=Channel.STORE,
        type=CaseType.QUALITY,
        first_response_at=datetime(2026, 11, 20, 11, 0, tzinfo=CST),
    )
    wf = case.workflow
    wf.findings.append(Finding(party="merchant", at=at, reasons="Screen cracked before delivery", evidence=[1, 2]))
    wf.proposals.append(
        Proposal(
            at=at,
            by="respondent",
            summary="Refund 800",
            amount=Decimal("800"),
            answer=Answer.REJECTED,
            answered_at=at + timedelta(hours=2),
            answer_note="Wants full refund",
            evidence=[1, 2],
        )
    )
    wf.outcome = Outcome(
        kind=OutcomeKind.AGREEMENT,
        at=at + timedelta(days=1),
        summary="Full refund",
        amount=Decimal("1299"),
        payer="respondent",
        payee="complainant",
    )
    wf.payments.append(Payment(at=at + timedelta(days=2), amount=Decimal("1299"), payer="respondent"))
    wf.closings.append(
        Closing(at=at + timedelta(days=2, hours=1), result=ClosingResult.RESOLVED, satisfaction=4, note="Paid")
    )
    return case


def handling_rows(tab) -> list[str]:
    rows = []
    root = tab.tree.invisibleRootItem()
    for i in range(root.childCount()):
        section = root.child(i)
        rows.append(section.text(0))
        rows += [section.child(j).text(1) for j in range(section.childCount())]
    return rows


def test_the_handling_tab_in_english_has_no_chinese_punctuation_and_reads_as_sentences(window, qapp):
    from casefile.ui.handling import header_html
    from casefile.ui.i18n import install

    install(qapp, "en")
    tab = at_1024_by_700(window, qapp, "handling")
    case = handled_case()
    tab.set_case(case.number, case)
    rows = handling_rows(tab)
    assert rows and not [row for row in rows if CJK_PUNCTUATION.search(row)], rows
    text = "\n".join(rows)
    assert "Merchant: Screen cracked before delivery  exhibit 1, exhibit 2" in text
    assert "Round 1: the business complained about proposes Refund 800 (¥800.00)" in text
    assert "Rejected" in text and ": Wants full refund" in text
    assert "paid by the business complained about" in text
    header = header_html(case)
    assert "　" not in header and " · " in header

    install(qapp, "zh_CN")
    tab.set_case(case.number, case)
    text = "\n".join(handling_rows(tab))
    assert "商家：Screen cracked before delivery  证据 1、证据 2" in text
    assert "（¥800.00）" in text
    assert "　" in header_html(case)


def test_english_messages_name_the_controls_by_their_english_names(qapp):
    """The sources of the English catalogue that name a control use the English UI's names, never 设置, 处理,
    概况 or 材料; the Chinese translations stay as they were."""
    import xml.etree.ElementTree as ET

    from casefile.resources import translation_source

    chinese_controls = re.compile("设置|处理 →|处理 can|in 概况|in 材料|定期复盘\\)")
    source = translation_source("zh_CN")
    assert source is not None
    found = [
        text
        for message in ET.parse(source).getroot().iter("message")
        if (text := message.findtext("source") or "") and chinese_controls.search(text)
    ]
    assert found == []


def test_the_closed_already_note_leaves_with_its_case(window, qapp):
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-001")
    qapp.processEvents()
    handling = window.workspace.handling
    handling.close_button.hide()  # as for a closed case: the button is Reopen…
    window.conclude_case()
    note = window.statusBar().currentMessage()
    assert note and "Handling" in note and not CJK.search(note)
    window.cases.select("202611-002")
    qapp.processEvents()
    assert window.statusBar().currentMessage() != note


def test_the_review_chart_legend_covers_no_bar(qapp, qtbot, language):
    """The legend ("This period / Previous period", longer in English) sits outside the plot."""
    from casefile.ui.review.dashboard import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(420, 260)
    chart.show()
    chart.show_bars(
        ["Product quality", "Courier", "Merchant"],
        [("This period", "#3b6ea5", [2, 1, 1]), ("Previous period", "#bbbbbb", [1, 0, 2])],
        whole=True,
    )
    for _ in range(5):
        qapp.processEvents()
    legends = [item for item in chart.scene().items() if type(item).__name__ == "LegendItem" and item.isVisible()]
    assert legends
    plot = chart.getViewBox().sceneBoundingRect()
    assert not any(legend.sceneBoundingRect().intersects(plot) for legend in legends)
