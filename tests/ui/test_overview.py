"""The 概况 tab through its real widgets: every field shown and edited, refused values named, kept as typed."""

from __future__ import annotations

from decimal import Decimal

GOOD_ID = "110105199001011232"
GOOD_CODE = "91310000MA1FL0000N"


def reopen(window, number: str):
    window.cases.select("202611-002" if number == "202611-001" else "202611-001")
    window.cases.select(number)
    return window.workspace.overview


def custody_count(ctx, number: str) -> int:
    return len(ctx.library.folder(number).custody.read())


def test_an_address_and_an_id_are_saved_with_the_button_and_shown_again(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.c_address.setText("北京市朝阳区建国路88号院3号楼501")  # Chinese comes from an input method
    qtbot.keyClicks(overview.c_id, GOOD_ID)
    qtbot.keyClicks(overview.inputs["complainant.postcode"].widget, "100020")
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    assert overview.error.text() == ""
    stored = ctx.library.load_case("202611-001")
    assert stored.complainant.address == "北京市朝阳区建国路88号院3号楼501"
    assert (stored.complainant.id_number, stored.complainant.postcode) == (GOOD_ID, "100020")
    entry = ctx.library.folder("202611-001").custody.read()[-1]
    assert entry["action"] == "update" and set(entry["details"]["fields"]) == {"complainant"}
    overview = reopen(window, "202611-001")
    assert overview.c_address.text() == "北京市朝阳区建国路88号院3号楼501" and overview.c_id.text() == GOOD_ID
    assert overview.inputs["complainant.postcode"].widget.text() == "100020"


def test_a_bad_id_is_refused_with_the_field_named_and_the_input_kept(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select("202611-001")
    overview = window.workspace.overview
    before = custody_count(ctx, "202611-001")
    qtbot.keyClicks(overview.c_id, "12345")
    overview.c_address.setText("北京市朝阳区")
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    assert "Complainant — ID number" in overview.error.text() and "12345" in overview.error.text()
    assert overview.c_id.text() == "12345" and overview.c_address.text() == "北京市朝阳区"  # kept as typed
    assert custody_count(ctx, "202611-001") == before  # nothing recorded
    overview.c_id.setText("110105199001011234")  # one digit off
    overview.save()
    assert "check digit" in overview.error.text()
    overview.c_id.setText(GOOD_ID)
    overview.save()
    assert overview.error.text() == "" and ctx.library.load_case("202611-001").complainant.id_number == GOOD_ID


def test_an_organisation_shows_its_own_rows_and_its_credit_code_is_checked(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    respondent = overview.parties["respondent"]
    assert respondent.kind().value == "organisation"
    assert respondent.input("id_number").label.text() == "Unified social credit code"
    rows = {item.spec.path.rsplit(".", 1)[1]: respondent.form.isRowVisible(item.widget) for item in respondent.inputs}
    assert rows["legal_representative"] and rows["store"] and rows["platform"] and not rows["gender"]
    overview.r_code.setText(GOOD_ID)  # a person's ID where the credit code goes
    overview.save()
    assert "Respondent — Unified social credit code" in overview.error.text()
    assert "is a resident ID number" in overview.error.text()
    overview.r_code.setText(GOOD_CODE.lower())
    overview.r_rep.setText("李四")
    overview.inputs["respondent.platform"].widget.setText("天猫")
    overview.save()
    stored = ctx.library.load_case("202611-001").respondent
    assert (stored.id_number, stored.legal_representative, stored.platform) == (GOOD_CODE, "李四", "天猫")


def test_insurance_is_a_three_way_choice(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    assert overview.insured.currentData() == "" and overview.insured.currentText() == "Not entered"
    for data, stored in (("no", False), ("yes", True), ("", None)):
        overview.insured.setCurrentIndex(overview.insured.findData(data))
        overview.save()
        assert ctx.library.load_case("202611-001").shipment.insured is stored
        overview = window.workspace.overview
        assert overview.insured.currentData() == data


def test_the_missing_fields_are_there_purchase_time_brand_quantity_payment_postcode(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    values = {
        "transaction.purchased_at": "2026-11-16 14:20",
        "transaction.received_at": "2026-11-18 19:40",
        "transaction.brand_model": "某某 X10 8GB+256GB",
        "transaction.quantity": "2",
        "transaction.payment_method": "支付宝",
        "shipment.freight": "12.50",
        "shipment.weight": "1.25",
        "shipment.signed_at": "2026-11-18 19:40",
        "agent.name": "王律师",
        "agent.licence_no": "13101201810123456",
        "shipment.claimant.name": "某某数码科技有限公司",
        "courier.name": "某某速运",
    }
    for path, text in values.items():
        overview.inputs[path].widget.setText(text)
    authority = overview.inputs["agent.authority"].widget
    authority.setCurrentIndex(authority.findData("special"))
    overview.save()
    assert overview.error.text() == ""
    case = ctx.library.load_case("202611-001")
    assert case.transaction.purchased_at is not None and case.transaction.purchased_at.hour == 14
    assert case.transaction.quantity == 2 and case.transaction.payment_method == "支付宝"
    assert case.shipment.freight == Decimal("12.50") and case.shipment.weight == Decimal("1.25")
    assert case.agent is not None and case.agent.authority is not None and case.agent.authority.value == "special"
    assert case.shipment.claimant is not None and case.shipment.claimant.kind.value == "organisation"
    assert case.courier is not None and case.courier.name == "某某速运" and case.shipment.carrier == "某某速运"
    overview = reopen(window, "202611-001")
    for path, text in values.items():
        assert overview.inputs[path].widget.text() == text, path
    assert overview.agent_group.expanded and overview.parties["claimant"].expanded  # they hold something
    assert not overview.parties["sender"].expanded  # nothing entered: folded away


def test_bad_values_in_the_new_fields_are_refused_naming_them(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    before = custody_count(ctx, "202611-001")
    for path, text, words in (
        ("transaction.quantity", "many", "Purchase — Quantity"),
        ("shipment.weight", "heavy", "Shipment — Weight (kg)"),
        ("complainant.postcode", "1000", "Complainant — Postcode"),
        ("transaction.purchased_at", "yesterday", "Purchase — Purchase time"),
        ("agent.phone", "12ab", "Agent (委托诉讼代理人) — Phone"),
    ):
        widget = overview.inputs[path].widget
        widget.setText(text)
        overview.save()
        assert words in overview.error.text(), (path, overview.error.text())
        assert widget.text() == text
        widget.setText("")
    assert custody_count(ctx, "202611-001") == before


def test_demands_are_an_editable_list_of_structured_claims(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select("202611-001")
    editor = window.workspace.overview.demands
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.kind_combo(0).setCurrentIndex(editor.kind_combo(0).findData("refund"))
    editor.table.item(0, editor.AMOUNT).setText("1299")
    editor.table.item(0, editor.BASIS).setText("《消费者权益保护法》第二十四条")
    editor.table.item(0, editor.DESCRIPTION).setText("退货退款")
    editor.add_row(editor.demands()[0].__class__())  # a second one, kind other, nothing else yet
    editor.table.item(1, editor.AMOUNT).setText("abc")
    window.workspace.overview.save()
    assert "Demand 2" in window.workspace.overview.error.text()
    assert ctx.library.load_case("202611-001").demands == []
    editor.table.item(1, editor.AMOUNT).setText("")
    editor.table.item(1, editor.DESCRIPTION).setText("赔礼道歉")
    window.workspace.overview.save()
    demands = ctx.library.load_case("202611-001").demands
    assert [(d.type.value, d.amount, d.basis, d.description) for d in demands] == [
        ("refund", Decimal("1299"), "《消费者权益保护法》第二十四条", "退货退款"),
        ("other", None, "", "赔礼道歉"),
    ]
    editor = reopen(window, "202611-001").demands
    assert (
        editor.table.rowCount() == 2 and editor.table.item(0, editor.BASIS).text() == "《消费者权益保护法》第二十四条"
    )
    editor.table.selectRow(1)
    editor.remove_selected()
    window.workspace.overview.save()
    assert len(ctx.library.load_case("202611-001").demands) == 1


def test_saving_without_edits_records_nothing(window, ctx):
    window.cases.select("202611-001")
    before = custody_count(ctx, "202611-001")
    window.workspace.overview.save()
    assert custody_count(ctx, "202611-001") == before


def test_an_old_bad_value_is_shown_and_named_when_its_party_is_saved(window, ctx):
    """Reading never validates: an ID saved before the check existed shows; changing that party asks to fix it."""
    import dataclasses

    from casefile.core import record
    from casefile.core.model import to_data

    case = ctx.library.load_case("202611-002")
    legacy = dataclasses.replace(case.complainant, id_number="12345")
    with ctx.library.edit("202611-002") as writer:  # as an earlier version recorded it: unchecked
        writer.record(record.UPDATE, {"fields": {"complainant": to_data(legacy)}})
    overview = reopen(window, "202611-002")
    assert overview.c_id.text() == "12345"
    overview.title.setText("改了标题")
    overview.save()  # another part of the record: saved
    assert overview.error.text() == "" and ctx.library.load_case("202611-002").title == "改了标题"
    overview.c_address.setText("上海市")
    overview.save()
    assert "Complainant — ID number" in overview.error.text()


def test_the_form_scrolls_and_save_stays_in_sight_on_a_small_screen(window, qtbot):
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.cases.select("202611-001")
    overview = window.workspace.overview
    assert overview.scroller.verticalScrollBar().maximum() > 0  # the form scrolls…
    top_left = overview.save_button.mapTo(window, overview.save_button.rect().bottomRight())
    assert window.rect().contains(top_left)  # …and the save button does not


def test_the_overview_is_in_chinese(window, qapp):
    from casefile.ui.i18n import install

    install(qapp, "zh_CN")
    window.retranslate()
    window.cases.select("202611-001")
    overview = window.workspace.overview
    assert overview.parties["complainant"].title() == "投诉人"
    assert overview.agent_group.title() == "委托诉讼代理人"
    assert overview.insured.itemText(0) == "未填写"
    assert overview.parties["respondent"].input("id_number").label.text() == "统一社会信用代码"
    overview.c_id.setText("12345")
    overview.save()
    assert overview.error.text().startswith("投诉人身份证号码")


def test_the_costs_claim_is_answered_among_the_filing_fields(window, ctx):
    """是否主张诉讼费用, with the court's other filing answers: not entered (the complaint claims them), yes, or no."""
    window.cases.select("202611-001")
    overview = window.workspace.overview
    costs = overview.inputs["filing.claim_costs"]
    assert costs in overview.filing_group.inputs
    assert costs.widget.currentData() == "" and "not entered: yes" in costs.label.text()
    for data, stored in (("no", False), ("yes", True), ("", None)):
        costs.widget.setCurrentIndex(costs.widget.findData(data))
        overview.save()
        filing = ctx.library.load_case("202611-001").filing
        assert (filing.claim_costs if filing is not None else None) is stored
        overview = reopen(window, "202611-001")
        costs = overview.inputs["filing.claim_costs"]
        assert costs.widget.currentData() == data


def test_the_identity_papers_and_the_fault_time_are_in_the_forms(window, ctx):
    """The preflight's identity-page warning leads to 身份证明材料已备齐 among the filing fields, and a phone's
    三包 windows to the time the fault first appeared among the purchase fields; both are saved."""
    window.cases.select("202611-001")
    overview = window.workspace.overview
    papers = overview.inputs["filing.identity_papers"]
    assert papers in overview.filing_group.inputs
    papers.widget.setCurrentIndex(papers.widget.findData("yes"))
    overview.save()
    filing = ctx.library.load_case("202611-001").filing
    assert filing is not None and filing.identity_papers is True
    assert "transaction.fault_at" in overview.inputs


def test_the_e_mail_fields_say_they_take_several_addresses_and_a_business_s_domain(window):
    """Several addresses separated by ；; @domain only where the party is an organisation."""
    window.cases.select("202611-001")
    overview = window.workspace.overview
    complainant = overview.parties["complainant"].input("email").widget
    respondent = overview.parties["respondent"]
    business = respondent.input("email").widget
    assert "；" in complainant.placeholderText() and "；" in business.placeholderText()
    assert "@domain" in business.toolTip() and "@domain" not in complainant.toolTip()
    respondent.kind_combo.setCurrentIndex(respondent.kind_combo.findData("person"))
    assert "；" in business.toolTip() and "@domain" not in business.toolTip()
    respondent.kind_combo.setCurrentIndex(respondent.kind_combo.findData("organisation"))
    assert "@domain" in business.toolTip()
    window.retranslate()  # said again in the language chosen
    assert "；" in complainant.placeholderText() and "@domain" in business.toolTip()


def test_our_side_is_chosen_in_the_overview_and_a_claim_of_ours_runs_no_response_promise(window, ctx):
    """The record cannot always tell who our user is: 概况 says it. Our side the complainant (a merchant's claim
    against its courier), no response promise runs; not said, it runs as before."""
    from casefile.core.model import Side
    from casefile.core.workflow.due import case_clocks

    from PySide6.QtWidgets import QComboBox

    window.cases.select("202611-001")
    overview = window.workspace.overview
    side = overview.case_group.input("our_side")
    assert side is not None and isinstance(side.widget, QComboBox)
    combo = side.widget
    assert combo.currentData() in ("", None)
    assert any(s.key.startswith("response.") for s in case_clocks(ctx.library.load_case("202611-001")))
    combo.setCurrentIndex(combo.findData(Side.COMPLAINANT.value))
    assert "complainant" in combo.currentText()
    overview.save()
    case = ctx.library.load_case("202611-001")
    assert case.our_side is Side.COMPLAINANT
    assert not any(s.key.startswith("response.") for s in case_clocks(case))
    overview = reopen(window, "202611-001")
    assert overview.case_group.input("our_side").widget.currentData() == Side.COMPLAINANT.value


def test_a_case_that_records_no_side_shows_the_side_presumed_from_the_organisation(window, ctx):
    """A case registered before its side was recorded, in a law firm's CaseFile: 概况 says the side is presumed from
    the organisation in Settings (按机构设置推定), no response promise runs, and the case folder is not written to;
    chosen and saved, the side is recorded."""
    from casefile.core.model import Side, set_organisation
    from casefile.core.workflow.due import case_clocks

    set_organisation("上海某某律师事务所")
    record = ctx.library.folder("202611-001").record_path
    before = record.read_bytes()
    overview = reopen(window, "202611-001")
    combo = overview.case_group.input("our_side").widget
    assert combo.currentData() == ""
    assert "Presumed from the organisation in Settings" in combo.currentText() and "complainant" in combo.currentText()
    assert "OVERDUE" not in overview.header.text()
    case = ctx.library.load_case("202611-001")
    assert case.our_side is None and not any(s.key.startswith("response.") for s in case_clocks(case))
    assert not overview.unsaved() and record.read_bytes() == before
    combo.setCurrentIndex(combo.findData(Side.RESPONDENT.value))
    overview.save()
    assert ctx.library.load_case("202611-001").our_side is Side.RESPONDENT
    overview = reopen(window, "202611-001")
    combo = overview.case_group.input("our_side").widget
    assert combo.itemText(combo.findData("")) == "Not entered"


def test_an_organisation_changed_in_settings_reads_the_cases_that_record_no_side_again(window, ctx, qtbot):
    """设置: the organisation becomes a law firm. The cases that record no side no longer run the response promise,
    in the case list (the index's clocks) and the case open, without the case folders being written to."""
    from datetime import UTC, datetime

    from casefile.ui.settings_dialog import SettingsDialog

    def promises() -> list[str]:
        rows = ctx.library.next_deadlines(datetime(2026, 12, 1, tzinfo=UTC)).values()
        return [r.number for r in rows if r.key.startswith("response.")]

    window.cases.select("202611-001")
    assert promises() == ["202611-001", "202611-002"]
    record = ctx.library.folder("202611-001").record_path
    before = record.read_bytes()
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.org_name.setText("上海某某律师事务所")
    dialog.save()
    qtbot.waitUntil(lambda: promises() == [])
    combo = window.workspace.overview.case_group.input("our_side").widget
    qtbot.waitUntil(lambda: "complainant" in combo.currentText())
    assert record.read_bytes() == before


def test_dates_that_cannot_be_true_are_said_when_saved_and_kept(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    assert overview.dates.isHidden()
    overview.inputs["transaction.purchased_at"].widget.setText("2026-11-16 14:20")
    overview.inputs["transaction.received_at"].widget.setText("2020-11-18 19:40")  # the year mistyped
    overview.save()
    assert overview.error.text() == ""
    assert ctx.library.load_case("202611-001").transaction.received_at.year == 2020  # kept as typed
    overview = window.workspace.overview
    assert not overview.dates.isHidden()
    assert "2020-11-18" in overview.dates.text() and "2026-11-16" in overview.dates.text()
    overview.inputs["transaction.received_at"].widget.setText("2026-11-18 19:40")
    overview.save()
    assert window.workspace.overview.dates.isHidden()
