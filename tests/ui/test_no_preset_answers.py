"""The 处理 dialogs and 结案 from 概况's stage box open on their first field with no answer chosen for the
user: Enter pressed by reflex records nothing, until the result, the venue, the party… is chosen."""

from __future__ import annotations

from casefile.core.model import Stage

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

NUMBER = "202611-001"


def enter(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_closing_from_the_stage_box_has_no_preset_result_and_enter_records_nothing(window, ctx, qtbot):
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("closed"))
    overview.change_stage()
    dialog = overview.closing
    assert dialog is not None and dialog.isVisible()
    assert dialog.result_box.currentIndex() == -1 and dialog.result_box.currentData() is None
    assert dialog.focusWidget() is dialog.result_box  # the first field, not OK
    assert not ok(dialog).isEnabled()
    enter(qtbot, dialog)
    assert dialog.isVisible() and ctx.library.load_case(NUMBER).stage is not Stage.CLOSED
    dialog.accept()  # however it is asked: refused, saying what to choose
    assert dialog.isVisible() and "Result" in dialog.error.text()
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("unresolved"))
    assert ok(dialog).isEnabled()
    enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    closed = ctx.library.load_case(NUMBER).workflow.closed
    assert closed is not None and closed.result.value == "unresolved"


def test_handling_dialogs_open_on_their_first_field_with_nothing_chosen(window, ctx, qtbot):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    for open_dialog, label in (
        (tab.record_proceeding, "Venue"),
        (tab.record_finding, "Responsible party"),
        (tab.record_proposal, "Proposed by"),
        (tab.record_outcome, "Outcome"),
        (tab.close_case, "Result"),
    ):
        dialog = open_dialog()
        box = next(b for b, text in dialog.required.items() if text == label)
        assert box.currentIndex() == -1, label
        assert dialog.focusWidget() is box, label
        assert not ok(dialog).isEnabled(), label
        enter(qtbot, dialog)
        assert dialog.isVisible(), label
        dialog.reject()
    case = ctx.library.load_case(NUMBER)
    assert case.workflow.proceedings == [] and case.workflow.findings == [] and case.workflow.closed is None
    dialog = tab.record_proceeding()
    next(iter(dialog.required)).setCurrentIndex(1)  # a venue chosen: Enter records it
    enter(qtbot, dialog)
    assert len(ctx.library.load_case(NUMBER).workflow.proceedings) == 1


def test_first_response_presets_no_time_and_enter_records_nothing(window, ctx, qtbot):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    assert ctx.library.load_case(NUMBER).first_response_at is None
    dialog = tab.record_first_response()
    at = next(w for w, text in dialog.required.items() if text == "Answered at")
    assert not at.check.isChecked() and at.value() is None
    assert dialog.focusWidget() is at.check  # the first field, not OK
    assert not ok(dialog).isEnabled() and "Answered at" in ok(dialog).toolTip()
    enter(qtbot, dialog)
    assert dialog.isVisible()
    dialog.accept()
    assert dialog.isVisible() and "Answered at" in dialog.error.text()
    assert ctx.library.load_case(NUMBER).first_response_at is None
    at.check.setChecked(True)
    assert ok(dialog).isEnabled() and at.edit.isEnabled()
    qtbot.keyClick(ok(dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctx.library.load_case(NUMBER).first_response_at is not None)


def test_payment_presets_no_payer_nor_payee(window, ctx, qtbot):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    dialog = tab.record_payment()
    payer = next(b for b, text in dialog.required.items() if text == "Paid by")
    payee = next(b for b, text in dialog.required.items() if text == "Paid to")
    assert payer.currentIndex() == -1 and payer.currentData() is None
    # a merchant recording what the courier paid it is no "courier paid the consumer"
    assert payee.currentIndex() == -1 and payee.currentData() is None and payee.placeholderText() == "Choose…"
    assert not ok(dialog).isEnabled()
    amount = dialog.focusWidget()
    qtbot.keyClicks(amount, "120")
    enter(qtbot, dialog)
    assert dialog.isVisible() and ctx.library.load_case(NUMBER).workflow.payments == []
    dialog.accept()
    assert "Paid by" in dialog.error.text()
    payer.setCurrentIndex(payer.findData("courier"))
    assert not ok(dialog).isEnabled() and "Paid to" in ok(dialog).toolTip()
    enter(qtbot, dialog)
    assert dialog.isVisible() and ctx.library.load_case(NUMBER).workflow.payments == []
    payee.setCurrentIndex(payee.findData("respondent"))
    enter(qtbot, dialog)
    qtbot.waitUntil(lambda: len(ctx.library.load_case(NUMBER).workflow.payments) == 1)
    payment = ctx.library.load_case(NUMBER).workflow.payments[0]
    assert payment.payer == "courier" and payment.payee == "respondent"


def test_outcome_presets_no_payer_and_needs_one_only_when_money_is_to_be_paid(window, ctx, qtbot):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    dialog = tab.record_outcome()
    kind = next(b for b, text in dialog.required.items() if text == "Outcome")
    payer = next(b for b, text in dialog.required.items() if text == "Paid by")
    payee = next(b for b, text in dialog.required.items() if text == "Paid to")
    assert payer.currentIndex() == -1 and payer.currentData() is None and payer.placeholderText() == "Choose…"
    assert payee.currentIndex() == -1 and payee.currentData() is None and payee.placeholderText() == "Choose…"
    kind.setCurrentIndex(kind.findData("agreement"))
    assert ok(dialog).isEnabled()  # nothing to pay: no payer needed
    amount = next(
        w
        for row in range(dialog.form.rowCount())
        if (item := dialog.form.itemAt(row, dialog.form.ItemRole.FieldRole)) is not None
        and (w := item.widget()) is not None
        and dialog.form.labelForField(w).text() == "Amount to pay or refund (yuan)"
    )
    amount.setText("1299")
    assert not ok(dialog).isEnabled() and "Paid by" in ok(dialog).toolTip()
    dialog.accept()
    assert dialog.isVisible() and "Paid by" in dialog.error.text()
    assert ctx.library.load_case(NUMBER).workflow.outcome is None
    payer.setCurrentIndex(payer.findData(""))  # "(not said)" is no answer while money is to be paid
    assert not ok(dialog).isEnabled()
    amount.setText("0")  # nothing to pay after all
    assert ok(dialog).isEnabled()
    amount.setText("1,299.00")
    payer.setCurrentIndex(payer.findData("respondent"))
    assert not ok(dialog).isEnabled() and "Paid to" in ok(dialog).toolTip()  # nor is the payee preset
    payee.setCurrentIndex(payee.findData(""))  # "(not said)" is no answer either
    assert not ok(dialog).isEnabled()
    payee.setCurrentIndex(payee.findData("complainant"))
    assert ok(dialog).isEnabled()
    enter(qtbot, dialog)
    qtbot.waitUntil(lambda: ctx.library.load_case(NUMBER).workflow.outcome is not None)
    outcome = ctx.library.load_case(NUMBER).workflow.outcome
    assert outcome.payer == "respondent" and outcome.payee == "complainant"


def test_an_outcome_with_nothing_to_pay_records_no_payer(window, ctx, qtbot):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    dialog = tab.record_outcome()
    kind = next(b for b, text in dialog.required.items() if text == "Outcome")
    kind.setCurrentIndex(kind.findData("agreement"))
    enter(qtbot, dialog)
    qtbot.waitUntil(lambda: ctx.library.load_case(NUMBER).workflow.outcome is not None)
    outcome = ctx.library.load_case(NUMBER).workflow.outcome
    assert outcome.payer == "" and outcome.payee == "" and outcome.amount is None
