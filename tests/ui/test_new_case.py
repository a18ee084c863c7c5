"""新建案件: a short form following the case type, the channel chosen, no receipt unless asked."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from casefile.core import zone
from casefile.core.model import CaseType, Channel
from casefile.ui.new_case import NewCaseDialog

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit


@pytest.fixture
def dialog(ctx, qtbot):
    dlg = NewCaseDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.opened = []
    dlg.open_pdf = lambda path: dlg.opened.append(path) or True  # no print dialog in the tests
    return dlg


def choose(dlg: NewCaseDialog, path: str, value: str) -> None:
    combo = dlg.widget(path)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))
    assert combo.currentData() == value


def type_in(dlg: NewCaseDialog, path: str, text: str) -> None:
    edit = dlg.widget(path)
    assert isinstance(edit, QLineEdit)
    edit.setText(text)


def test_a_courier_case_asks_for_the_waybill_carrier_parties_and_insurance(ctx, dialog):
    choose(dialog, "type", CaseType.LOGISTICS.value)
    assert dialog.courier_box.isVisibleTo(dialog) and not dialog.purchase_box.isVisibleTo(dialog)
    choose(dialog, "channel", Channel.ONLINE.value)
    type_in(dialog, "title", "快递外箱压坏，显示器碎屏")
    type_in(dialog, "complainant.name", "王芳")
    type_in(dialog, "complainant.phone", "139 0000 1111")
    type_in(dialog, "shipment.waybill_no", "SF1234567890123")
    type_in(dialog, "courier.name", "顺丰速运有限公司")
    type_in(dialog, "shipment.sender.name", "某某数码旗舰店")
    type_in(dialog, "shipment.recipient.name", "王芳")
    choose(dialog, "shipment.insured", "yes")
    type_in(dialog, "shipment.insured_value", "2000")
    assert dialog.create_case()
    number = dialog.number
    assert number and dialog.result() == NewCaseDialog.DialogCode.Accepted
    case = ctx.library.load_case(number)
    assert case.type is CaseType.LOGISTICS and case.channel is Channel.ONLINE
    assert case.complainant.name == "王芳" and case.complainant.phone == "13900001111"
    assert case.shipment.waybill_no == "SF1234567890123"
    assert case.courier is not None and case.courier.name == "顺丰速运有限公司"
    assert case.shipment.carrier == "顺丰速运有限公司"
    assert case.shipment.sender is not None and case.shipment.sender.name == "某某数码旗舰店"
    assert case.shipment.recipient is not None and case.shipment.recipient.name == "王芳"
    assert case.shipment.insured is True and case.shipment.insured_value == Decimal("2000")
    # No receipt was asked for: none was made.
    assert not list(ctx.library.folder(number).bundles_dir.iterdir()) and not dialog.opened


def test_a_quality_case_asks_for_the_product_and_purchase(ctx, dialog):
    choose(dialog, "type", CaseType.QUALITY.value)
    assert dialog.purchase_box.isVisibleTo(dialog) and not dialog.courier_box.isVisibleTo(dialog)
    choose(dialog, "channel", Channel.PHONE.value)
    type_in(dialog, "title", "洗衣机漏水")
    type_in(dialog, "transaction.product", "滚筒洗衣机")
    type_in(dialog, "transaction.order_no", "JD20261101")
    type_in(dialog, "transaction.amount", "2499.00")
    type_in(dialog, "transaction.purchased_at", "2026-11-01 10:00")
    # A waybill typed before the type was changed is not what this case asks for: it is not kept.
    type_in(dialog, "shipment.waybill_no", "SF999")
    assert dialog.create_case()
    case = ctx.library.load_case(dialog.number)
    assert case.channel is Channel.PHONE and case.type is CaseType.QUALITY
    assert case.transaction.product == "滚筒洗衣机" and case.transaction.amount == Decimal("2499.00")
    assert case.transaction.purchased_at is not None and case.transaction.purchased_at.day == 1
    assert case.shipment.waybill_no == ""


def test_a_wrong_field_is_named_and_nothing_is_created(ctx, dialog):
    assert not dialog.create_case()  # no title
    assert dialog.error.isVisibleTo(dialog) and dialog.focusWidget() in (None, dialog.widget("title"))
    type_in(dialog, "title", "洗衣机漏水")
    type_in(dialog, "transaction.amount", "12ab")
    assert not dialog.create_case()
    assert dialog.error.text() and dialog.number is None
    assert ctx.library.case_numbers() == []


def test_a_receipt_only_when_asked(ctx, dialog):
    type_in(dialog, "title", "耳机单边无声")
    type_in(dialog, "complainant.name", "李雷")
    dialog.receipt_check.setChecked(True)
    assert dialog.create_case()
    assert dialog.receipt is not None and dialog.receipt.is_file()
    assert dialog.opened == [dialog.receipt]


def test_new_case_from_the_menu_opens_the_case_even_when_the_list_is_filtered(window, ctx):
    assert window.act_new.shortcut() == QKeySequence("Ctrl+N")
    assert window.act_walkin.shortcut() not in (QKeySequence("Ctrl+N"), QKeySequence())
    assert window.act_new in window.case_menu.actions() and window.act_new in window.toolbar.actions()
    window.cases.search.setText("手机屏幕")  # the list shows one case only

    def fill_and_create() -> None:
        dlg = window.new_case_dialog
        type_in(dlg, "title", "会员卡余额被清零")
        choose(dlg, "type", CaseType.SERVICE.value)
        dlg.create_case()

    QTimer.singleShot(0, fill_and_create)
    window.open_new_case()
    number = window.new_case_dialog.number
    assert number in ctx.library.case_numbers()
    assert window.workspace.number == number
    assert window.cases.current_number() == number
    assert ctx.library.load_case(number).title == "会员卡余额被清零"


def test_the_command_line_builds_a_case_the_same_way(tmp_path: Path):
    from casefile.core.record.fields import BY_OPTION, Changes, new_case

    changes = Changes()
    for option, text in (("title", "耳机单边无声"), ("type", "quality"), ("channel", "email")):
        spec = BY_OPTION[option]
        changes.set(spec, spec.parse(text), f"--{option}")
    from datetime import datetime

    case = new_case(changes, datetime.now().astimezone())
    assert case.title == "耳机单边无声" and case.channel is Channel.EMAIL and case.number == ""


def test_the_case_created_lets_go_of_its_task(ctx, dialog, monkeypatch):
    """The form's slot held the task it was connected to: every case created kept its task and all it held."""
    from qt_testing import tasks_kept

    kept = tasks_kept(monkeypatch)
    choose(dialog, "type", CaseType.QUALITY.value)
    choose(dialog, "channel", Channel.STORE.value)
    type_in(dialog, "title", "手机屏幕碎裂")
    assert dialog.create_case()
    assert dialog.number and ctx.library.load_case(dialog.number).title == "手机屏幕碎裂"
    assert dialog.task is None and dialog.isEnabled()
    assert kept() == []


def test_a_receipt_whose_reply_time_has_passed_is_made_and_warned_of(ctx, dialog, monkeypatch):
    from casefile.ui import new_case, times

    said: list[str] = []
    monkeypatch.setattr(new_case.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    type_in(dialog, "title", "耳机单边无声")
    type_in(dialog, "complainant.name", "李雷")
    when = dialog.widget("complained_at")
    when.setDateTime(times.qt_time().addDays(-20))
    dialog.receipt_check.setChecked(True)
    assert dialog.create_case()
    assert dialog.receipt is not None and dialog.receipt.is_file()
    assert dialog.opened == [dialog.receipt]
    assert len(said) == 1 and "has passed" in said[0]  # said, and the receipt made all the same


def test_a_receipt_made_in_time_says_nothing(ctx, dialog, monkeypatch):
    from casefile.ui import new_case

    said: list[str] = []
    monkeypatch.setattr(new_case.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    type_in(dialog, "title", "耳机单边无声")
    type_in(dialog, "complainant.name", "李雷")
    dialog.receipt_check.setChecked(True)
    assert dialog.create_case()
    assert dialog.receipt is not None and said == []


def test_our_side_is_asked_when_the_organisation_and_the_parties_do_not_tell(ctx, dialog):
    """我方身份: the organisation in Settings (a store) is neither party and employs no agent of theirs: the dialog
    asks rather than guess; chosen, it is recorded. No business named: the store was complained to."""
    from casefile.core.model import Side

    type_in(dialog, "title", "耳机单边无声")
    type_in(dialog, "complainant.name", "李雷")
    type_in(dialog, "respondent.name", "另一家数码店")
    assert dialog.widget("our_side").currentData() == ""
    assert not dialog.create_case()
    assert "某某数码旗舰店" in dialog.error.text() and dialog.number is None
    assert dialog.focusWidget() in (None, dialog.widget("our_side"))
    choose(dialog, "our_side", Side.COMPLAINANT.value)
    assert "no response promise" in dialog.due_label.text()
    assert dialog.create_case()
    assert ctx.library.load_case(dialog.number).our_side is Side.COMPLAINANT


def test_a_store_complained_to_at_its_own_counter_is_the_respondent(ctx, dialog):
    from casefile.core.model import Side

    type_in(dialog, "title", "耳机单边无声")
    type_in(dialog, "complainant.name", "李雷")
    assert dialog.create_case(), dialog.error.text()
    assert ctx.library.load_case(dialog.number).our_side is Side.RESPONDENT


def test_a_law_firms_case_is_the_complainants_without_its_lawyer_entered(ctx, qtbot):
    """A law firm keeps its clients' cases: our side is the complainant, no response promise, nothing asked."""
    import dataclasses

    from casefile.core.model import Side
    from casefile.core.workflow.due import case_clocks

    firm = dataclasses.replace(ctx, settings=dataclasses.replace(ctx.settings, org_name="上海某某律师事务所"))
    dlg = NewCaseDialog(firm)
    qtbot.addWidget(dlg)
    type_in(dlg, "title", "手机屏幕排线故障")
    type_in(dlg, "complainant.name", "张三")
    type_in(dlg, "respondent.name", "某某数码旗舰店")
    assert dlg.create_case(), dlg.error.text()
    case = ctx.library.load_case(dlg.number)
    assert case.our_side is Side.COMPLAINANT
    assert not any(s.key.startswith("response.") for s in case_clocks(case))


def test_the_reply_line_follows_the_side_presumed_for_the_case_the_form_would_create(ctx, qtbot):
    """我方身份 left at 按机构设置推定: a law firm's form promises no 48-hour reply, from the moment it opens, as
    the case it creates records; a store's form does while no other business is named, and again once ours is."""
    import dataclasses

    firm = dataclasses.replace(ctx, settings=dataclasses.replace(ctx.settings, org_name="上海某某律师事务所"))
    dlg = NewCaseDialog(firm)
    qtbot.addWidget(dlg)
    assert dlg.widget("our_side").currentData() == ""
    assert "no response promise" in dlg.due_label.text()
    type_in(dlg, "complainant.name", "张三")
    type_in(dlg, "respondent.name", "某某数码旗舰店")
    assert "no response promise" in dlg.due_label.text()

    store = NewCaseDialog(ctx)  # 某某数码旗舰店, complained to at its own counter
    qtbot.addWidget(store)
    assert "48" in store.due_label.text() and "no response promise" not in store.due_label.text()
    type_in(store, "complainant.name", "某某数码旗舰店")  # the store's own claim: ours is the complainant's side
    type_in(store, "respondent.name", "顺丰速运有限公司")
    assert "no response promise" in store.due_label.text()
    type_in(store, "complainant.name", "李雷")
    assert "48" in store.due_label.text()


def ctx_org(dlg: NewCaseDialog) -> str:
    return dlg.ctx.settings.org_name or "某电器商行"  # complained to: the organisation itself


def fill_quality_case(dlg: NewCaseDialog) -> None:
    type_in(dlg, "title", "洗衣机不脱水")
    type_in(dlg, "complainant.name", "李雷")
    type_in(dlg, "complainant.phone", "13800138000")
    type_in(dlg, "respondent.name", ctx_org(dlg))


def test_a_complaint_before_the_purchase_is_warned_as_typed_and_kept_only_when_confirmed(ctx, dialog, qtbot):
    from casefile.ui import times

    from PySide6.QtCore import Qt

    dialog.confirm_discard = lambda: True  # a failure leaves no question open
    dialog.show()
    fill_quality_case(dialog)
    when = dialog.widget("complained_at")
    times.put(when, datetime(2026, 11, 1, 9, 0, tzinfo=zone.BEIJING))
    purchased = dialog.widget("transaction.purchased_at")
    assert not dialog.dates_warning.isVisible()
    purchased.setFocus()
    qtbot.keyClicks(purchased, "2026-11-20 10:00")
    qtbot.keyClick(purchased, Qt.Key.Key_Return)  # leaves the field: the warning is there, and has the focus next
    warning = dialog.dates_warning
    assert warning.isVisible()
    assert "the complaint (2026-11-01) is before the purchase (2026-11-20)" in warning.label.text()
    assert dialog.focusWidget() is warning.confirm
    # Ctrl+Return does not create the case while the warning is unanswered: it brings the user back to it.
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.number is None and ctx.library.list_cases() == []
    assert dialog.focusWidget() is warning.confirm
    qtbot.keyClick(warning.confirm, Qt.Key.Key_Space)  # the dates are right: kept as typed
    assert warning.confirm.isChecked()
    assert dialog.create_case(), dialog.error.text()
    qtbot.waitUntil(lambda: dialog.number is not None)
    case = ctx.library.load_case(dialog.number)
    assert zone.shown(case.transaction.purchased_at).date().isoformat() == "2026-11-20"


def test_correcting_the_date_takes_the_warning_away(ctx, dialog):
    fill_quality_case(dialog)
    from casefile.ui import times

    times.put(dialog.widget("complained_at"), datetime(2026, 11, 1, 9, 0, tzinfo=zone.BEIJING))
    type_in(dialog, "transaction.purchased_at", "2025-11-20 10:00")  # the year slipped the other way: no slip seen
    assert dialog.check_dates() == []
    type_in(dialog, "transaction.purchased_at", "2026-11-20 10:00")
    assert dialog.check_dates() and dialog.dates_warning.holds()
    type_in(dialog, "transaction.purchased_at", "2026-10-20 10:00")
    assert dialog.check_dates() == [] and not dialog.dates_warning.holds()
    assert dialog.create_case()
