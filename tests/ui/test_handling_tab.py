"""The handling tab (处理) and the case header (issue 14, points 1–4): each record added, answered, updated,
closed and reopened through its dialog and the window's write runner; the header shows the stage, the
responsibility and the next deadline (暂定 when provisional, overdue in red)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from casefile.core.model import Case, CaseType, Channel, ResponsibleParty, Stage
from casefile.core.workflow.records import Answer, ClosingResult, Proceeding, ProceedingResult, Venue
from casefile.ui.handling import OVERDUE_COLOUR, header_html

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog

CST = timezone(timedelta(hours=8))
NUMBER = "202611-001"


def set_time(edit, value: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))


def pick(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def form(dialog) -> dict[str, object]:
    """The dialog's fields by their label."""
    layout = dialog.form
    fields = {}
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, layout.ItemRole.LabelRole)
        field = layout.itemAt(row, layout.ItemRole.FieldRole)
        if field is not None:
            fields[label.widget().text() if label is not None else ""] = field.widget()
    return fields


def handling_tab(window):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    return tab


def test_a_dispute_is_handled_in_the_tab(window, ctx):
    tab = handling_tab(window)
    assert tab.isEnabled() and not tab.answer_button.isEnabled() and not tab.reopen_button.isVisibleTo(tab)

    dialog = tab.record_finding()
    fields = form(dialog)
    pick(fields["Responsible party"], "courier")
    set_time(fields["Decided at"], datetime(2026, 11, 21, 10, 0, tzinfo=CST))
    fields["Reasons"].setText("外包装破损")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    case = ctx.library.load_case(NUMBER)
    assert case.responsible_party is ResponsibleParty.COURIER and case.workflow.findings[0].reasons == "外包装破损"
    assert "Courier" in tab.header.text() and "Courier" in window.workspace.overview.header.text()

    dialog = tab.record_proposal()
    fields = form(dialog)
    pick(fields["Proposed by"], "respondent")
    set_time(fields["Proposed at"], datetime(2026, 11, 21, 15, 0, tzinfo=CST))
    fields["What is proposed"].setText("退款 800 元")
    fields["Amount (yuan)"].setText("800")
    dialog.accept()
    tab.select("proposal", 0)
    assert tab.answer_button.isEnabled()
    dialog = tab.answer_selected()
    fields = form(dialog)
    pick(fields["Answer"], "rejected")
    set_time(fields["Answered at"], datetime(2026, 11, 22, 9, 0, tzinfo=CST))
    fields["Note"].setText("要求全额")
    dialog.accept()
    (proposal,) = ctx.library.load_case(NUMBER).workflow.proposals
    assert (proposal.amount, proposal.answer, proposal.answer_note) == (Decimal("800"), Answer.REJECTED, "要求全额")

    dialog = tab.record_proceeding()
    fields = form(dialog)
    pick(fields["Venue"], "regulator")
    fields["Body"].setText("徐汇区市场监督管理局")
    fields["Their number"].setText("12315-0001")
    fields["Filed at"].set(datetime(2026, 11, 23, 10, 0, tzinfo=CST))
    dialog.accept()
    tab.select("proceeding", 0)
    assert tab.update_button.isEnabled()
    dialog = tab.update_selected()
    fields = form(dialog)
    fields["Accepted at"].set(datetime(2026, 11, 24, 10, 0, tzinfo=CST))
    fields["Testing began"].set(datetime(2026, 11, 24, 14, 0, tzinfo=CST))
    fields["What is tested"].setText("送检外包装")
    dialog.accept()
    tab.select("proceeding", 0)
    dialog = tab.update_selected()
    fields = form(dialog)
    fields["Testing ended"].set(datetime(2026, 11, 25, 9, 0, tzinfo=CST))
    pick(fields["Result"], "agreement")
    fields["Decided at"].set(datetime(2026, 11, 26, 15, 0, tzinfo=CST))
    dialog.accept()
    (proceeding,) = ctx.library.load_case(NUMBER).workflow.proceedings
    assert proceeding.ref == "12315-0001" and proceeding.result is ProceedingResult.AGREEMENT
    assert [(t.start.astimezone(CST).hour, t.end is not None, t.note) for t in proceeding.testing] == [
        (14, True, "送检外包装")
    ]

    dialog = tab.record_outcome()
    fields = form(dialog)
    pick(fields["Outcome"], "agreement")
    set_time(fields["Agreed or decided at"], datetime(2026, 11, 26, 15, 0, tzinfo=CST))
    fields["Amount to pay or refund (yuan)"].setText("1299")
    pick(fields["Paid by"], "respondent")
    pick(fields["Paid to"], "complainant")
    dialog.accept()
    dialog = tab.record_payment()
    fields = form(dialog)
    fields["Amount (yuan)"].setText("1,299.00")
    pick(fields["Paid by"], "respondent")
    pick(fields["Paid to"], "complainant")
    set_time(fields["Paid at"], datetime(2026, 11, 27, 10, 0, tzinfo=CST))
    dialog.accept()
    wf = ctx.library.load_case(NUMBER).workflow
    assert wf.outcome is not None and wf.outcome.payer == "respondent" and wf.paid() == Decimal("1299")

    dialog = tab.close_case()
    fields = form(dialog)
    pick(fields["Result"], "resolved")
    pick(fields["Complainant's satisfaction"], "4")
    set_time(fields["Closed at"], datetime(2026, 11, 27, 12, 0, tzinfo=CST))
    dialog.accept()
    case = ctx.library.load_case(NUMBER)
    assert case.stage is Stage.CLOSED and case.workflow.closed is not None and case.workflow.closed.satisfaction == 4
    assert case.workflow.closed.result is ClosingResult.RESOLVED
    assert tab.reopen_button.isVisibleTo(tab) and not tab.close_button.isVisibleTo(tab)
    assert not tab.payment_button.isEnabled()

    dialog = tab.reopen_case()
    form(dialog)["Why it is reopened"].setText("退款未到账")
    dialog.accept()
    case = ctx.library.load_case(NUMBER)
    assert case.workflow.closed is None and case.stage is Stage.REGISTRATION
    texts = []
    root = tab.tree.invisibleRootItem()
    for i in range(root.childCount()):
        section = root.child(i)
        texts.append(section.text(0))
        texts += [section.child(j).text(1) for j in range(section.childCount())]
    assert {"Responsibility", "Negotiation", "Proceedings", "Outcome", "Closing"} <= set(texts)
    assert any("Reopened: 退款未到账" in t for t in texts) and any("Round 1" in t for t in texts)


def test_a_refused_value_keeps_the_dialog_open_and_says_why(window, ctx):
    tab = handling_tab(window)
    dialog = tab.record_proposal()
    fields = form(dialog)
    pick(fields["Proposed by"], "respondent")
    fields["What is proposed"].setText("退款")
    fields["Amount (yuan)"].setText("1.234")
    dialog.accept()
    assert dialog.isVisible() and "more than two decimals" in dialog.error.text()
    fields["Amount (yuan)"].setText("12")
    set_time(fields["Proposed at"], datetime.now().astimezone() + timedelta(days=3))
    dialog.accept()  # refused by the core, through the write runner
    assert dialog.isVisible() and "in the future" in dialog.error.text() and dialog.buttons.isEnabled()
    assert ctx.library.load_case(NUMBER).workflow.proposals == []
    dialog.reject()

    dialog = tab.close_case()
    pick(form(dialog)["Result"], "resolved")
    dialog.accept()
    dialog = tab.reopen_case()
    dialog.accept()
    assert dialog.isVisible() and "needs a reason" in dialog.error.text()
    assert ctx.library.load_case(NUMBER).workflow.closed is not None
    dialog.reject()


def test_the_header_shows_an_overdue_deadline_in_red(window):
    tab = handling_tab(window)  # complained 2026-11-20 10:00, normal priority: the 48-hour promise
    overview = window.workspace.overview.header.text()
    for shown in (tab.header.text(), overview):
        text = shown.replace("\u00a0", " ")  # a part of the header is never broken across lines
        assert "Next deadline" in text and "Response promise (normal, 48 h) 2026-11-22" in text
        assert OVERDUE_COLOUR in text and "overdue" in text


def test_the_header_breaks_between_its_parts_never_inside_one(window):
    tab = handling_tab(window)
    assert "(normal,\u00a048\u00a0h)" in tab.header.text()
    assert "Response\u00a0promise" in tab.header.text()


def test_a_deadline_counted_into_an_unknown_year_is_provisional(qapp):
    from casefile.ui.i18n import install

    case = Case(
        number="202612-001",
        title="空调不制冷",
        complained_at=datetime(2026, 12, 24, 9, 0, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
        first_response_at=datetime(2026, 12, 24, 10, 0, tzinfo=CST),
    )
    case.workflow.proceedings.append(Proceeding(venue=Venue.REGULATOR, filed_at=datetime(2026, 12, 28, tzinfo=CST)))
    now = datetime(2026, 12, 29, tzinfo=CST)
    text = header_html(case, now).replace("\u00a0", " ")
    assert "Regulator decides on acceptance 2027-01-" in text and "(provisional)" in text
    assert OVERDUE_COLOUR not in text
    install(qapp, "zh_CN")
    text = header_html(case, now)
    assert "市场监管部门决定是否受理" in text and "暂定" in text and "责任方" in text


def test_the_header_shows_an_appeal_past_its_safe_day_as_urgent_not_overdue(qapp):
    """15 days to appeal a judgment served 2026-09-16 end on 国庆 (10-01): the header gives the safe day 10-01;
    from 10-02 to 10-08 it says the law still gives until 10-08, in the urgent colour, never 已超时."""
    from casefile.ui.i18n import install
    from casefile.ui.models import URGENT_COLOUR

    case = Case(
        number="202609-001",
        title="手机屏幕碎裂",
        complained_at=datetime(2026, 9, 1, 9, 0, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
        first_response_at=datetime(2026, 9, 1, 10, 0, tzinfo=CST),
    )
    case.workflow.proceedings.append(
        Proceeding(
            venue=Venue.COURT,
            filed_at=datetime(2026, 9, 2, 10, 0, tzinfo=CST),
            accepted_at=datetime(2026, 9, 3, 10, 0, tzinfo=CST),
            result=ProceedingResult.JUDGMENT,
            served_at=datetime(2026, 9, 16, 15, 0, tzinfo=CST),
        )
    )
    install(qapp, "en")
    before = header_html(case, datetime(2026, 9, 30, 10, 0, tzinfo=CST)).replace("\u00a0", " ")
    assert "Appeal against the judgment 2026-10-01" in before and URGENT_COLOUR not in before
    during = header_html(case, datetime(2026, 10, 2, 10, 0, tzinfo=CST))
    assert URGENT_COLOUR in during and OVERDUE_COLOUR not in during and "overdue" not in during
    assert "Safe day passed; by law it runs to 2026-10-08 (《民事诉讼法》第八十五条)" in during.replace("\u00a0", " ")


def test_the_timeline_shows_when_an_event_was_entered_when_it_was_entered_later(window, ctx):
    window.cases.select(NUMBER)
    timeline = window.workspace.timeline
    set_time(timeline.at, datetime(2026, 11, 21, 9, 30, tzinfo=CST))
    timeline.summary.setText("上周五致电商家")
    timeline.decision.setText("商家同意上门检测")
    timeline.add()
    (event,) = ctx.library.load_case(NUMBER).timeline
    assert event.recorded_at is not None and event.recorded_at > event.at
    assert event.decision == "商家同意上门检测" and timeline.decision.text() == ""
    entered = event.recorded_at.astimezone(CST).strftime("%Y-%m-%d %H:%M")  # shown in Beijing time
    assert f"(entered {entered})" in timeline.list.item(0).text()
    assert "Decided: 商家同意上门检测" in timeline.list.item(0).text()


def test_closing_with_an_appeal_still_open_asks_first_naming_it(window, ctx):
    from casefile.core.workflow import handling

    served = datetime.now(CST).replace(microsecond=0) - timedelta(days=2)
    with ctx.library.edit(NUMBER) as writer:
        handling.open_proceeding(
            writer, Proceeding(Venue.COURT, result=ProceedingResult.JUDGMENT, served_at=served, decided_at=served)
        )
    tab = handling_tab(window)
    dialog = tab.close_case()
    pick(form(dialog)["Result"], "partly")
    assert dialog.still_open is not None and "Appeal against the judgment" in dialog.still_open.text()
    assert dialog.stop_anyway is not None and not dialog.stop_anyway.isChecked()
    dialog.accept()
    assert dialog.isVisible() and "Close anyway" in dialog.error.text()
    assert ctx.library.load_case(NUMBER).workflow.closed is None
    dialog.stop_anyway.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible() and ctx.library.load_case(NUMBER).workflow.closed is not None


def test_the_header_keeps_a_limitation_period_running_past_its_safe_day_and_says_a_doubtful_start(qapp):
    """Bought 2023-01-05, the fault found 2025-01-10: past the safe day (2026-01-05) the header says the period
    runs to 2028-01-10, never that it ran out; a receipt before the purchase is said to make the start doubtful
    while the period is open."""
    from casefile.core.model import Side
    from casefile.ui.i18n import install

    case = Case(
        number="202611-005",
        title="空调",
        complained_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.QUALITY,
        our_side=Side.COMPLAINANT,
    )
    case.transaction.purchased_at = datetime(2023, 1, 5, 12, 0, tzinfo=CST)
    case.transaction.fault_at = datetime(2025, 1, 10, tzinfo=CST)
    now = datetime(2026, 12, 1, 10, 0, tzinfo=CST)
    install(qapp, "zh_CN")
    text = header_html(case, now).replace("\u00a0", " ")
    assert "诉讼时效" in text and "已过稳妥日期；按记录中较晚的起算日计算至2028-01-10届满" in text, text
    case.transaction.fault_at = None
    case.transaction.purchased_at = datetime(2025, 3, 5, 12, 0, tzinfo=CST)
    case.transaction.received_at = datetime(2024, 3, 8, 12, 0, tzinfo=CST)
    text = header_html(case, now).replace("\u00a0", " ")
    assert "起算日存疑" in text, text


def test_a_won_decision_with_no_day_for_performance_is_said_and_closing_asks(window, ctx):
    """A decision for our side with an amount and no day for performance: the outcome dialog says no enforcement
    period will be watched; closing asks while it is unpaid."""
    import dataclasses

    from casefile.core.model import Side

    with ctx.library.edit(NUMBER) as writer:
        writer.update(dataclasses.replace(writer.case, our_side=Side.COMPLAINANT))
    tab = handling_tab(window)
    tab.set_case(NUMBER)  # as shown again once the change is written
    dialog = tab.record_outcome()
    fields = form(dialog)
    hints = [w for w in dialog.findChildren(type(dialog.error)) if "No enforcement period" in w.text()]
    assert len(hints) == 1 and hints[0].isHidden()
    pick(fields["Outcome"], "decision")
    set_time(fields["Agreed or decided at"], datetime(2026, 10, 22, 10, 0, tzinfo=CST))
    fields["Amount to pay or refund (yuan)"].setText("2000")
    pick(fields["Paid by"], "respondent")
    pick(fields["Paid to"], "complainant")
    assert not hints[0].isHidden()
    fields["Perform by"].check.setChecked(True)
    assert hints[0].isHidden()
    fields["Perform by"].check.setChecked(False)
    dialog.accept()
    dialog = tab.close_case()
    pick(form(dialog)["Result"], "partly")
    assert dialog.still_open is not None and "no day for performance" in dialog.still_open.text()
    dialog.accept()
    assert dialog.isVisible() and ctx.library.load_case(NUMBER).workflow.closed is None


def test_a_payment_past_what_the_outcome_says_is_owed_is_said_while_it_is_typed(window, ctx):
    """As `casefile pay` warns: a second 500 against an agreement of 500 (entered twice?) is said in the dialog; a
    payment recovered from another party is not counted against it."""
    from casefile.core.workflow import handling
    from casefile.core.workflow.records import Outcome, OutcomeKind, Payment

    from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

    now = datetime.now(CST).replace(microsecond=0)
    with ctx.library.edit(NUMBER) as writer:
        handling.set_outcome(
            writer,
            Outcome(OutcomeKind.AGREEMENT, now - timedelta(days=1), amount=Decimal("500"), payer="respondent"),
        )
        handling.record_payment(writer, Payment(now - timedelta(hours=2), Decimal("500"), "respondent", "complainant"))
    dialog = handling_tab(window).record_payment()
    warning = dialog.findChild(QLabel, "overpaid")
    amount = form(dialog)["Amount (yuan)"]
    assert isinstance(amount, QLineEdit) and warning.isHidden()
    amount.setText("500")
    assert not warning.isHidden()
    assert "¥1,000.00" in warning.text() and "¥500.00" in warning.text() and "entered already" in warning.text()
    recovered = next(b for b in dialog.findChildren(QCheckBox) if b.text().startswith("Recovered"))
    recovered.setChecked(True)
    assert warning.isHidden()


def test_the_header_and_the_list_say_the_12305_year_rests_on_the_replaced_2014_rule(qapp):
    """The 12305 year rests on the 2014 申诉处理办法, replaced from 2020-10-01 by a text that could not be read: the
    header marks it, the case list's tooltip says which rule and what replaced it."""
    from casefile.core.model import Side
    from casefile.ui.i18n import install
    from casefile.ui.models import replaced_basis_text

    case = Case(
        number="202611-002",
        title="快递外箱压坏",
        complained_at=datetime(2026, 11, 20, 9, 0, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.LOGISTICS,
        first_response_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        our_side=Side.COMPLAINANT,
    )
    case.shipment.shipped_at = datetime(2025, 12, 5, 10, 0, tzinfo=CST)
    install(qapp, "en")
    header = header_html(case, datetime(2026, 12, 1, 10, 0, tzinfo=CST)).replace("\u00a0", " ")
    assert "Appeal to the postal administration (12305)" in header
    assert "(rests on a replaced rule, the rule in force not read)" in header
    tip = replaced_basis_text("postal.appeal", case.shipment.shipped_at)
    assert tip == (
        "Rests on 《邮政业消费者申诉处理办法》第九条 (2014), replaced from 2020-10-01 by 《邮政业用户申诉处理办法》, "
        "whose text was not available: not the rule in force"
    )
    assert replaced_basis_text("civil.limitation", case.shipment.shipped_at) == ""


def test_the_outcome_dialog_works_out_the_day_for_performance_from_a_judgments_term(window, ctx):
    """With the judgment's service on record, typing 「判决生效之日起十日内」 into what was decided shows the day it
    gives and how, in place of the warning that nothing is watched."""
    import dataclasses

    from casefile.core.model import Side

    with ctx.library.edit(NUMBER) as writer:
        judgment = Proceeding(
            venue=Venue.COURT, result=ProceedingResult.JUDGMENT, served_at=datetime(2026, 9, 16, 15, 0, tzinfo=CST)
        )
        writer.update(dataclasses.replace(writer.case, our_side=Side.COMPLAINANT))
        writer.case.workflow.proceedings.append(judgment)
        writer.update(writer.case)
    tab = handling_tab(window)
    tab.set_case(NUMBER)
    dialog = tab.record_outcome()
    fields = form(dialog)
    (hint,) = [w for w in dialog.findChildren(type(dialog.error)) if w.objectName() == "unwatched"]
    pick(fields["Outcome"], "decision")
    fields["Amount to pay or refund (yuan)"].setText("2000")
    pick(fields["Paid by"], "respondent")
    pick(fields["Paid to"], "complainant")
    assert not hint.isHidden() and "No enforcement period" in hint.text()
    fields["What was agreed or decided"].setText("被告于本判决生效之日起十日内退款2000元")
    assert not hint.isHidden() and hint.text().startswith(
        "Perform by 2026-10-12, worked out from 「本判决生效之日起十日内」 counted from 2026-10-02, "
        "the judgment served on 2026-09-16 taking effect once its time to appeal ran out on 2026-10-01"
    ), hint.text()
    assert "the enforcement period is watched from it" in hint.text()
    fields["Perform by"].check.setChecked(True)
    assert hint.isHidden()
    dialog.reject()
