"""The Bundles tab over a real library: venue, exhibit order, preflight, generate, cancel, history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefile_testing import read_pictures
from PIL import Image

from casefile.core.bundle import BundleResult, Level, Venue
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import case_from_fields
from casefile.core.model import EvidenceKind

from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def make_case(ctx, tmp_path: Path, *, read: bool = True, **fields) -> str:
    """A case with a photo, a screenshot and a chat log; no parties, demands or facts unless given; ``read``: OCR
    read the pictures (and found no text)."""
    case = ctx.library.create_case(
        case_from_fields(
            {
                "title": "手机屏幕碎裂",
                "complained_at": "2026-11-20T10:30:00+08:00",
                "channel": "store",
                "type": "quality",
                **fields,
            }
        )
    )
    incoming = tmp_path / "incoming"
    incoming.mkdir(exist_ok=True)
    Image.new("RGB", (64, 48), (200, 30, 30)).save(incoming / "破损照片.jpg", quality=90)
    Image.new("RGB", (40, 80), (30, 30, 200)).save(incoming / "订单截图_20261120-101500.png")
    (incoming / "chat.txt").write_text("2026-11-20 10:01:02 客服: 您好\n2026-11-20 10:02:00 我: 屏幕碎了\n", "utf-8")
    paths = [incoming / "破损照片.jpg", incoming / "订单截图_20261120-101500.png", incoming / "chat.txt"]
    list(add_files(ctx.library, case.number, paths, AddOptions(purpose="证明屏幕在签收时已破损")))
    if read:
        read_pictures(ctx.library, case.number)  # OCR found no text in them
    return case.number


def complete_case(ctx, tmp_path: Path) -> str:
    return make_case(
        ctx,
        tmp_path,
        complainant={"name": "张三", "phone": "13800138000", "address": "上海市徐汇区某路2号"},
        respondent={"kind": "organisation", "name": "某某数码旗舰店", "address": "杭州市余杭区某路3号"},
        demands=[{"type": "refund", "amount": "1999.00", "description": "退还货款"}],
        facts="2026年11月18日购买手机，签收时屏幕已碎。",
        shipment={"waybill_no": "SF1234567890123"},
        filing={"arbitration_body": "上海仲裁委员会", "identity_papers": True},
    )


def partial_case(ctx, tmp_path: Path) -> str:
    """A case with what the filing windows need (respondent, claims, facts) and gaps the user may accept."""
    return make_case(
        ctx,
        tmp_path,
        respondent={"kind": "organisation", "name": "某某数码旗舰店"},
        demands=[{"type": "refund", "amount": "1999.00", "description": "退还货款"}],
        facts="2026年11月18日购买手机，签收时屏幕已碎。",
    )


@pytest.fixture
def tab(ctx, qtbot):
    from casefile.ui.bundles_tab import BundlesTab

    widget = BundlesTab(ctx)
    qtbot.addWidget(widget)
    return widget


def choose(tab, venue: Venue) -> None:
    tab.wizard.venue_combo.setCurrentIndex(tab.wizard.venue_combo.findData(venue.value))


def bundle_files(ctx, number: str) -> list[Path]:
    """The packets saved (their disclosure reports and guidance beside them are not packets)."""
    folder = ctx.library.folder(number).bundles_dir
    packets = (p for p in folder.iterdir() if p.suffix == ".pdf" and not p.stem.endswith("-办理指引"))
    return sorted(packets) if folder.exists() else []


def bundle_entries(ctx, number: str) -> list[dict]:
    return [e for e in ctx.library.folder(number).custody.read() if e["action"] == "bundle"]


def test_lists_exhibits_checked_with_default_venue(ctx, tab, tmp_path):
    number = make_case(ctx, tmp_path)
    with ctx.library.edit(number) as writer:
        writer.withdraw(2, "重复")
    tab.set_case(number)
    assert tab.wizard.venue_combo.currentData() == ctx.settings.default_venue
    picker = tab.wizard.exhibit_list
    assert picker.count() == 2  # the withdrawn one is not offered
    assert [picker.row_item(0).text(c) for c in range(5)] == ["证据1", "1", "", "破损照片", "Photo"]
    assert [picker.row_item(1).text(c) for c in range(3)] == ["证据2", "3", ""]
    assert all(picker.is_ticked(i) for i in range(2))
    assert tab.wizard.chosen_numbers() == [1, 3]
    assert not tab.wizard.generate_button.isEnabled()  # not checked yet
    tab.set_case(None)
    assert tab.wizard.exhibit_list.count() == 0 and not tab.wizard.isEnabled()


def test_the_wizard_lists_the_evidence_order_and_numbers_what_is_ticked(ctx, tab, tmp_path):
    """A move in the evidence tab (or on the command line) is the wizard's order; 证据N counts the ticked rows."""
    number = complete_case(ctx, tmp_path)
    with ctx.library.edit(number) as writer:
        writer.update_exhibit(2, group="第一组：收货时屏幕已碎")
    tab.set_case(number)
    with ctx.library.edit(number) as writer:
        writer.move_exhibit(3, -2)  # the chat to the top, as in the evidence tab
    ctx.events.case_changed.emit(number)
    picker = tab.wizard.exhibit_list
    assert picker.numbers() == [3, 1, 2]
    assert [picker.packet_text(i) for i in range(3)] == ["证据1", "证据2", "证据3"]
    assert picker.row_item(2).text(picker.GROUP) == "第一组：收货时屏幕已碎"
    picker.set_ticked(1, False)  # leave exhibit 1 out: 2 becomes 证据2
    assert [picker.packet_text(i) for i in range(3)] == ["证据1", "—", "证据2"]
    assert tab.wizard.chosen_numbers() == [3, 2]
    assert "2 of 3 exhibits" in tab.wizard.chosen_label.text()
    tab.wizard.run_preflight()
    assert tab.wizard._findings is not None and {f.code for f in tab.wizard._findings} == {"ungrouped"}
    tab.wizard.accept_warnings.setChecked(True)
    tab.wizard.generate()
    details = bundle_entries(ctx, number)[-1]["details"]
    assert [(x["label"], x["exhibit"]) for x in details["exhibits"]] == [("1", 3), ("2", 2)]
    picker.set_ticked(1, True)
    assert [picker.packet_text(i) for i in range(3)] == ["证据1", "证据2", "证据3"]


def test_court_warnings_need_accepting_then_generate(ctx, tab, tmp_path, qtbot):
    number = partial_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURT)
    findings = tab.wizard.run_preflight()
    assert findings and all(f.level is Level.WARNING for f in findings)
    assert {f.code for f in findings} >= {"no-complainant-name", "no-complainant-address", "no-respondent-address"}
    assert tab.wizard.findings.count() == len(findings)
    assert tab.wizard.findings.item(0).foreground().color().name() == "#c05600"
    assert not tab.wizard.accept_warnings.isHidden()
    assert not tab.wizard.generate_button.isEnabled()

    tab.wizard.accept_warnings.setChecked(True)
    assert tab.wizard.generate_button.isEnabled()
    with qtbot.waitSignal(ctx.events.case_changed, timeout=1000) as emitted:
        tab.wizard.generate()
    assert emitted.args == [number]

    result = tab.wizard.last_result
    assert isinstance(result, BundleResult)
    saved = bundle_files(ctx, number)
    assert saved == result.files and saved[0].suffix == ".pdf" and saved[0].name.startswith("民事起诉状及证据-")
    assert saved[0].read_bytes().startswith(b"%PDF")
    assert result.pages > 3
    assert result.sha256[0] in tab.wizard.result_label.text()
    assert str(saved[0]) in tab.wizard.result_label.text()
    assert tab.wizard.open_button.isEnabled() and tab.wizard.folder_button.isEnabled()
    assert tab.history_model.rowCount() == 2  # the packet, then the notes beside it
    assert tab.history_model.index(0, 1).data() == "Court (civil complaint)"
    assert tab.history_model.index(0, 2).data() == saved[0].name
    assert tab.history_model.index(0, 3).data() == str(result.pages)
    assert tab.history_model.index(0, 4).data() == result.sha256[0][:16] + "…"
    assert result.guidance_file is not None and tab.history_model.index(1, 2).data() == result.guidance_file.name
    assert tab.history_model.index(1, 1).data() == "Court (civil complaint): notes for whoever files it"
    assert result.guidance_file.name in tab.wizard.result_label.text()
    assert bundle_entries(ctx, number)[0]["details"]["accepted_warnings"]


def test_changing_warnings_need_accepting_again(ctx, tab, tmp_path):
    number = partial_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURT)
    tab.wizard.run_preflight()
    tab.wizard.accept_warnings.setChecked(True)
    assert tab.wizard.generate_button.isEnabled()
    choose(tab, Venue.CONSUMER_ASSOCIATION)  # other warnings: the tick no longer applies
    assert not tab.wizard.generate_button.isEnabled()
    tab.wizard.run_preflight()
    assert not tab.wizard.accept_warnings.isChecked()
    assert not tab.wizard.generate_button.isEnabled()
    tab.wizard.generate()  # refused quietly: nothing is built
    assert tab.wizard.last_result is None and bundle_files(ctx, number) == []


def test_arbitration_without_agreement_needs_accepting(ctx, tab, tmp_path):
    """A warning since the 2025 仲裁法 (art. 27): an agreement not denied before the first hearing is deemed."""
    number = partial_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.ARBITRATION)
    findings = tab.wizard.run_preflight()
    assert any(f.level is Level.WARNING and f.code == "no-arbitration-agreement" for f in findings)
    assert not tab.wizard.generate_button.isEnabled()
    tab.wizard.generate()
    assert tab.wizard.last_result is None and bundle_files(ctx, number) == []
    tab.wizard.accept_warnings.setChecked(True)
    assert tab.wizard.generate_button.isEnabled()


def test_arbitration_with_agreement_and_complete_case_needs_no_tick(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    agreement = tmp_path / "仲裁条款.txt"
    agreement.write_text("因本合同引起的争议，提交某某仲裁委员会仲裁。\n", "utf-8")
    options = AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT, purpose="证明双方约定仲裁")
    list(add_files(ctx.library, number, [agreement], options))
    tab.set_case(number)
    choose(tab, Venue.ARBITRATION)
    assert tab.wizard.run_preflight() == []
    assert tab.wizard.findings.count() == 0
    assert tab.wizard.accept_warnings.isHidden()
    assert tab.wizard.generate_button.isEnabled()
    tab.wizard.generate()
    assert tab.wizard.last_result is not None and not tab.wizard.last_result.warnings


def test_reordering_in_the_wizard_moves_the_exhibit_in_the_cases_evidence_order(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.CONSUMER_ASSOCIATION)
    picker = tab.wizard.exhibit_list
    picker.set_current_row(2)
    tab.wizard.move_selected(-1)
    tab.wizard.move_selected(-1)
    tab.wizard.move_selected(-1)  # already at the top: stays
    assert picker.current_row() == 0
    assert tab.wizard.chosen_numbers() == [3, 1, 2]
    # One order: the case records it, so the evidence tab, the command line and every packet follow it.
    assert [e.number for e in ctx.library.load_case(number).ordered_exhibits()] == [3, 1, 2]
    picker.set_ticked(2, False)  # leave exhibit 2 out
    assert tab.wizard.chosen_numbers() == [3, 1]
    tab.wizard.run_preflight()
    assert tab.wizard.generate_button.isEnabled()
    tab.wizard.generate()
    details = bundle_entries(ctx, number)[-1]["details"]
    assert [(x["label"], x["exhibit"]) for x in details["exhibits"]] == [("1", 3), ("2", 1)]
    # The same case again (as after the save) keeps the order and the ticks.
    tab.set_case(number)
    assert picker.numbers() == [3, 1, 2]
    assert tab.wizard.chosen_numbers() == [3, 1]


def test_reordering_keeps_withdrawn_exhibits_in_their_place(ctx, tab, tmp_path):
    number = make_case(ctx, tmp_path)
    with ctx.library.edit(number) as writer:
        writer.withdraw(2, "重复")
    tab.set_case(number)
    tab.wizard.exhibit_list.set_current_row(1)
    tab.wizard.move_selected(-1)
    assert [e.number for e in ctx.library.load_case(number).ordered_exhibits()] == [3, 2, 1]
    assert tab.wizard.exhibit_list.numbers() == [3, 1]


def test_alt_down_moves_the_selected_exhibit(ctx, tab, tmp_path, qtbot):
    number = make_case(ctx, tmp_path)
    tab.set_case(number)
    tab.wizard._go(1)
    with qtbot.waitActive(tab):  # shortcuts only fire in the active window
        tab.show()
        tab.wizard.activateWindow()
    tab.wizard.exhibit_list.setFocus()
    tab.wizard.exhibit_list.set_current_row(0)
    assert tab.wizard.exhibit_list.hasFocus()
    qtbot.keyClick(tab.wizard.exhibit_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert tab.wizard.chosen_numbers() == [2, 1, 3]
    assert tab.wizard.exhibit_list.packet_text(1) == "证据2" and tab.wizard.exhibit_list.number(1) == 1


def test_cancel_saves_nothing(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.CONSUMER_ASSOCIATION)
    tab.wizard.run_preflight()
    started = []

    def hook(task):
        started.append(task)
        task.progress.connect(lambda *_: tab.wizard.cancel_button.click())  # the Cancel button, on the first progress

    tab.task_started.connect(hook)
    tab.wizard.generate()
    assert started and started[0].token.cancelled
    assert tab.wizard.last_result is None
    assert [p for p in bundle_files(ctx, number) if p.is_file()] == []
    assert bundle_entries(ctx, number) == []
    assert tab.wizard.status_label.text() == "Cancelled, nothing saved."
    assert tab.history_model.rowCount() == 0
    assert tab.wizard.generate_button.isEnabled()  # can try again


def test_receipt_layout_and_history_newest_first(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    assert tab.wizard.layout_combo.isHidden()
    choose(tab, Venue.RECEIPT)
    assert not tab.wizard.layout_combo.isHidden()
    assert not tab.wizard.split_spin.isEnabled()
    tab.wizard.layout_combo.setCurrentIndex(tab.wizard.layout_combo.findData("80mm"))
    # A reprint: the reply time the receipt promises (a day after 2026-11-20 10:30) has passed, and the wizard
    # says so before it prints.
    found = tab.wizard.run_preflight()
    assert "receipt-reply-time-passed" in {f.code for f in found}
    assert not tab.wizard.generate_button.isEnabled()
    tab.wizard.accept_warnings.setChecked(True)
    tab.wizard.generate()
    assert tab.wizard.last_result is not None and tab.wizard.last_result.files[0].name.endswith("-80mm.pdf")
    choose(tab, Venue.CONSUMER_ASSOCIATION)
    tab.wizard.run_preflight()
    tab.wizard.generate()
    assert tab.history_model.rowCount() == 3  # the packet and its notes, then the receipt
    assert tab.history_model.index(0, 1).data() == "Consumer association / 12315 complaint"
    assert tab.history_model.index(2, 1).data() == "Edition 1 — Walk-in complaint receipt (80mm)"
    assert tab.history_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == str(tab.wizard.last_result.files[0])


def test_retranslate_keeps_choices(ctx, tab, tmp_path):
    number = make_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURT)
    tab.wizard.move_selected(0)
    tab.wizard.run_preflight()
    count = tab.wizard.findings.count()
    tab.retranslate()
    assert tab.wizard.venue_combo.currentData() == Venue.COURT.value
    assert tab.wizard.venue_combo.currentText() == "Court (civil complaint)"
    assert tab.wizard.findings.count() == count


def test_the_wizard_shows_what_will_be_masked_before_generating(ctx, tab, tmp_path):
    from casefile.ui.bundle_wizard import STEP_CHECK

    number = complete_case(ctx, tmp_path)
    chat = tmp_path / "courier-chat.txt"
    chat.write_text("快递员: 我是李师傅 13900001111\n", "utf-8")
    list(add_files(ctx.library, number, [chat]))
    tab.set_case(number)
    choose(tab, Venue.COURIER_CLAIM)
    tab.wizard._go(STEP_CHECK)
    text = tab.wizard.disclosure_view.toPlainText()
    assert "已遮盖 手机号" in text and "投诉人/消费者的个人信息" in text, text
    choose(tab, Venue.COURT)
    tab.wizard._go(STEP_CHECK)
    assert "投诉人/消费者" not in tab.wizard.disclosure_view.toPlainText()


def test_a_picture_read_while_the_packet_is_checked_is_checked_again(ctx, tab, tmp_path):
    """Not read yet: named as not checked; once OCR stores what it read (the customer's mobile on the photo), the
    check step names what the photo shows, masked, and the preview lists it as not masked."""
    from casefile.ui.bundle_wizard import STEP_CHECK

    number = make_case(
        ctx,
        tmp_path,
        read=False,
        complainant={"name": "张三", "phone": "13800138000"},
        respondent={"kind": "organisation", "name": "某某数码旗舰店"},
        shipment={"waybill_no": "SF1234567890123"},
    )
    tab.set_case(number)
    choose(tab, Venue.COURIER_CLAIM)
    tab.wizard._go(STEP_CHECK)
    codes = {f.code: f for f in tab.wizard._findings}
    assert codes["pictures-not-read"].exhibits == (1, 2)
    assert "图片尚未识别文字" in tab.wizard.disclosure_view.toPlainText()
    photo = ctx.library.load_case(number).exhibit(1)
    read_pictures(ctx.library, number, "收件人：张三 电话：13800138000")
    tab.wizard.pictures_read(photo.sha256)
    assert tab.wizard._preflight_pending  # the tab is hidden: checked again when shown
    tab.show()
    codes = {f.code: f for f in tab.wizard._findings}
    assert "pictures-not-read" not in codes
    assert codes["picture-personal-data"].exhibits == (1, 2) and "138****8000" in codes["picture-personal-data"].message
    assert "13800138000" not in codes["picture-personal-data"].message
    assert "证据1：图片中的个人信息未遮盖（文字识别发现：" in tab.wizard.disclosure_view.toPlainText()


def test_the_destination_is_chosen_for_the_venues_that_have_more_than_one(ctx, tab, tmp_path):
    from casefile.core.venues import Route

    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURT)
    assert tab.wizard.route_combo.isHidden() and tab.wizard.route() is None
    choose(tab, Venue.CONSUMER_ASSOCIATION)
    assert not tab.wizard.route_combo.isHidden() and tab.wizard.route() is Route.CONSUMER_ASSOCIATION
    assert [tab.wizard.route_combo.itemData(i) for i in range(tab.wizard.route_combo.count())] == [
        "consumer-association",
        "12315",
    ]
    tab.wizard.route_combo.setCurrentIndex(tab.wizard.route_combo.findData("12315"))
    assert tab.wizard.route() is Route.MARKET_REGULATOR and "12315" in tab.wizard.venue_help.text()
    tab.retranslate()
    assert tab.wizard.route() is Route.MARKET_REGULATOR  # the choice survives a change of language
    tab.wizard.run_preflight()
    tab.wizard.generate()
    assert tab.wizard.last_result is not None and tab.wizard.last_result.files[0].name.startswith("12315投诉-")
    assert tab.history_model.index(0, 1).data() == "Consumer association / 12315 complaint → Market regulator (12315)"

    choose(tab, Venue.COURIER_CLAIM)
    assert [tab.wizard.route_combo.itemData(i) for i in range(tab.wizard.route_combo.count())] == ["carrier", "12305"]
    assert tab.wizard.route() is Route.CARRIER
    tab.wizard.route_combo.setCurrentIndex(tab.wizard.route_combo.findData("12305"))
    assert "邮政业用户申诉材料" in tab.wizard.venue_help.text()
    tab.wizard.run_preflight()
    tab.wizard.accept_warnings.setChecked(True)
    tab.wizard.generate()
    assert tab.wizard.last_result is not None and tab.wizard.last_result.files[0].name.startswith("邮政业用户申诉-")
    assert bundle_entries(ctx, number)[-1]["details"]["route"] == "12305"


def test_a_redacted_copy_is_listed_unticked_and_the_table_gives_it_its_originals_number(ctx, tab, tmp_path):
    """By default a copy goes in its original's place (where the destination takes copies), never beside it."""
    from casefile.core.disclosure.derived import redact_exhibit
    from casefile.core.model import RedactionRegion
    from casefile.ui.models import EvidenceModel

    number = complete_case(ctx, tmp_path)
    copy = redact_exhibit(ctx.library, number, 2, [RedactionRegion(0, 0, 40, 20)], "第三方昵称").exhibit
    assert copy is not None and copy.number == 4
    tab.set_case(number)
    picker = tab.wizard.exhibit_list
    assert picker.numbers() == [1, 2, 3, 4]
    assert [picker.packet_text(i) for i in range(4)] == ["证据1", "证据2", "证据3", "—"]
    assert "redacted copy of no. 2" in picker.row_item(3).text(picker.TITLE)
    model = EvidenceModel()
    model.set_case(ctx.library.load_case(number))
    assert [model.index(row, EvidenceModel.PACKET).data() for row in range(4)] == ["证据1", "证据2", "证据3", "(证据2)"]


def test_the_venue_follows_the_case_type_and_never_carries_over(ctx, tab, tmp_path):
    """A courier case starts at the courier claim, a quality case at the 消协; choosing arbitration
    for one case does not carry over to the next."""
    quality = make_case(ctx, tmp_path, type="quality")
    courier = make_case(ctx, tmp_path, type="logistics")
    tab.set_case(courier)
    assert tab.wizard.venue() is Venue.COURIER_CLAIM
    tab.set_case(quality)
    assert tab.wizard.venue() is Venue.CONSUMER_ASSOCIATION
    choose(tab, Venue.ARBITRATION)
    tab.set_case(courier)
    tab.set_case(quality)
    assert tab.wizard.venue() is Venue.CONSUMER_ASSOCIATION


# A citation stays as the law names itself in either language: 《民事诉讼法》第一百二十二条, 第一百二十七条（二）.
CITATION = re.compile(r"《[^》]+》[第零一二三四五六七八九十百条款项（）、]*")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def install_chinese(qapp, tmp_path: Path) -> None:
    """Chinese from this checkout's catalogue (the installed package may map its translations elsewhere)."""
    import subprocess
    import sys

    from casefile.ui import i18n

    from PySide6.QtCore import QTranslator

    i18n.install(qapp, "zh_CN")  # Qt's own strings
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease not installed")
    compiled = tmp_path / "casefile_zh_CN.qm"
    source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(compiled)], check=True)
    ours = QTranslator(qapp)
    assert ours.load(str(compiled))
    qapp.installTranslator(ours)
    i18n._installed.append(ours)  # taken out again with the others after the test


@pytest.mark.parametrize("venue", [Venue.COURT, Venue.ARBITRATION, Venue.COURIER_CLAIM, Venue.CONSUMER_ASSOCIATION])
def test_the_preflight_speaks_the_apps_language(qapp, ctx, tab, tmp_path, venue):
    """Switched to English, the findings are English; in Chinese, Chinese (citations as the law names itself)."""
    from casefile_testing import chinese

    from casefile.ui.bundle_wizard import STEP_CHECK

    number = make_case(ctx, tmp_path)  # no parties, demands or facts; exhibits without a purpose
    tab.set_case(number)
    choose(tab, venue)
    tab.wizard._go(STEP_CHECK)
    found = tab.wizard._findings
    assert found is not None and len(found) >= 3

    def lines() -> list[str]:
        return [tab.wizard.findings.item(i).text() for i in range(tab.wizard.findings.count())]

    ordered = [f for f in found if f.level is Level.ERROR] + [f for f in found if f.level is Level.WARNING]
    english = lines()
    assert english == [str(f.message) for f in ordered]
    for line in english:
        assert not CJK.search(CITATION.sub("", line)), line

    install_chinese(qapp, tmp_path)
    tab.retranslate()
    chinese_lines = lines()
    assert chinese_lines == [chinese(f.message) for f in ordered]
    for line, english_line in zip(chinese_lines, english, strict=True):
        assert CJK.match(line) and line != english_line, line
        assert not re.search(r"\b(the|is|missing|filled|Exhibit|file no)\b", line), line


def test_the_disclosure_preview_says_in_the_apps_language_what_it_quotes(qapp, ctx, tab, tmp_path):
    """The lines quote the Chinese report saved beside the packet; what introduces them follows the app."""
    from casefile.ui.bundle_wizard import STEP_CHECK

    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURIER_CLAIM)
    tab.wizard._go(STEP_CHECK)
    first, *quoted = tab.wizard.disclosure_view.toPlainText().splitlines()
    assert quoted and "已遮盖" in quoted[0]  # the report's own words
    assert first == "The disclosure report saved beside the packet (in Chinese, as the packet) lists:"
    install_chinese(qapp, tmp_path)
    tab.retranslate()
    assert tab.wizard.disclosure_view.toPlainText().splitlines()[0] == "随材料保存的信息披露报告将列明："


def test_the_disclosure_worked_out_lets_go_of_its_task(ctx, tab, tmp_path, monkeypatch):
    """The wizard's slot held the task it was connected to: every disclosure worked out kept its task."""
    from qt_testing import tasks_kept

    from casefile.ui.bundle_wizard import STEP_CHECK

    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    kept = tasks_kept(monkeypatch)
    choose(tab, Venue.COURIER_CLAIM)
    tab.wizard._go(STEP_CHECK)
    assert tab.wizard.disclosure_view.toPlainText() and tab.wizard._disclosure_task is None
    assert kept() == []


def test_enter_opens_the_bundle_chosen_in_the_history_and_the_hint_says_so(ctx, tab, tmp_path, qtbot, monkeypatch):
    import casefile.ui.bundles_tab as bundles_tab

    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.RECEIPT)
    tab.wizard.run_preflight()
    tab.wizard.accept_warnings.setChecked(True)  # a reprint: the receipt's reply time has passed
    tab.wizard.generate()
    assert tab.history_model.rowCount() >= 1
    shown: list[str] = []
    monkeypatch.setattr(bundles_tab, "show_pdf", lambda path, parent: shown.append(path.name))
    tab.history.setCurrentIndex(tab.history_model.index(0, 0))
    qtbot.keyClick(tab.history, Qt.Key.Key_Return)
    assert shown == [tab.wizard.last_result.files[0].name]
    assert "Enter" in tab.history_hint.text()


def test_the_history_shows_each_receipts_edition_reprint_and_correction(ctx, tab, tmp_path, qtbot, monkeypatch):
    """补打 and 第N版 更正 are told apart in the history: when, by whom, what changed (old → new), and each opens."""
    import casefile.ui.bundles_tab as bundles_tab
    from casefile.core.model import case_from_data, case_to_data

    number = complete_case(ctx, tmp_path)
    tab.set_case(number)

    def receipt() -> None:
        choose(tab, Venue.RECEIPT)
        tab.wizard.run_preflight()
        tab.wizard.accept_warnings.setChecked(True)  # the reply time the receipt promises has passed
        tab.wizard.generate()

    receipt()
    receipt()  # printed again, nothing changed: 补打
    with ctx.library.edit(number) as writer:  # the customer's phone corrected
        changed = case_from_data(case_to_data(writer.case))
        old_phone = changed.complainant.phone
        assert old_phone and old_phone != "13800138999"
        changed.complainant.phone = "13800138999"
        writer.update(changed)
    tab.set_case(number)
    receipt()  # 第2版 更正
    model = tab.history_model
    venues = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert venues == [
        "Edition 2, corrected (更正): 电话 — Walk-in complaint receipt (a5)",
        "Reprint (补打) of edition 1 — Walk-in complaint receipt (a5)",
        "Edition 1 — Walk-in complaint receipt (a5)",
    ]
    operator = model.files[0].bundle.operator
    first_at = model.index(2, 0).data()
    correction = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Edition 2, printed by {operator} at {model.index(0, 0).data()}" in correction
    assert f"the receipt issued {model.index(1, 0).data()} is void" in correction
    # What changed, from what the receipt issued before printed to what this one prints.
    assert f"Changed: 电话：{old_phone} → 13800138999" in correction
    reprint = model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert f"a 补打 of the receipt issued {first_at}" in reprint
    shown: list[str] = []
    monkeypatch.setattr(bundles_tab, "show_pdf", lambda path, parent: shown.append(path.name))
    tab.history.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(tab.history, Qt.Key.Key_Return)
    assert shown == [model.files[0].name] and tab.wizard.last_result.files[0].name == shown[0]


def test_a_packet_made_again_says_in_its_tooltip_what_changed_from_old_to_new(ctx, tab, tmp_path):
    """Two court packets, the defendant's address corrected between them: the later one's tooltip says
    被告地址：old → new; the earlier one's says nothing changed."""
    from casefile.core.bundle import BundleOptions, build_bundle
    from casefile.core.model import case_from_data, case_to_data
    from casefile.core.settings import Settings

    number = complete_case(ctx, tmp_path)

    def court() -> None:
        list(build_bundle(ctx.library, number, BundleOptions(Venue.COURT, force=True), Settings()))

    court()
    with ctx.library.edit(number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.respondent.address = "杭州市西湖区文三路99号"
        writer.update(changed)
    court()
    tab.set_case(number)
    model = tab.history_model
    tips = [model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    said = "被告地址：杭州市余杭区某路3号 → 杭州市西湖区文三路99号"
    later = [t for t in tips if said in t]
    assert later and all("A later bundle" not in t for t in later)
    assert all(said not in t for t in tips if "A later bundle" in t)


def _shown(tab, qtbot, number: str) -> None:
    tab.resize(1024, 700)
    with qtbot.waitActive(tab):
        tab.show()
    tab.set_case(number)


def _focus():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def test_the_check_step_and_the_packet_made_keep_the_focus_in_the_wizard(ctx, tab, tmp_path, qtbot):
    """Space on 下一步 into 检查 left the focus on 本案已生成的材料 below the wizard, and so did 生成: the focus is on
    what comes next — 接受以上警告, then 生成, then 打开 PDF once the packet is made."""
    number = partial_case(ctx, tmp_path)
    _shown(tab, qtbot, number)
    wizard = tab.wizard
    choose(tab, Venue.COURT)
    wizard.next_button.setFocus()
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == 1 and _focus() is wizard.next_button
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == 2
    assert _focus() is wizard.accept_warnings
    qtbot.keyClick(wizard.accept_warnings, Qt.Key.Key_Space)
    assert wizard.accept_warnings.isChecked()
    for _ in range(3):  # past what the packet will mask, to 生成
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        assert wizard.isAncestorOf(_focus())
        if _focus() is wizard.generate_button:
            break
    assert _focus() is wizard.generate_button
    with qtbot.waitSignal(ctx.events.case_changed, timeout=5000):
        qtbot.keyClick(wizard.generate_button, Qt.Key.Key_Space)
    assert wizard.last_result is not None
    assert _focus() is wizard.open_button and wizard.open_button.isEnabled()


def _case_without_warnings(ctx, tmp_path) -> str:
    number = complete_case(ctx, tmp_path)
    agreement = tmp_path / "仲裁条款.txt"
    agreement.write_text("因本合同引起的争议，提交某某仲裁委员会仲裁。\n", "utf-8")
    options = AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT, purpose="证明双方约定仲裁")
    list(add_files(ctx.library, number, [agreement], options))
    return number


def test_the_check_step_without_warnings_puts_the_focus_on_generate(ctx, tab, tmp_path, qtbot):
    number = _case_without_warnings(ctx, tmp_path)
    _shown(tab, qtbot, number)
    wizard = tab.wizard
    choose(tab, Venue.ARBITRATION)
    wizard.pages.setCurrentIndex(1)
    wizard.next_button.setFocus()
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == 2 and wizard.accept_warnings.isHidden()
    assert _focus() is wizard.generate_button


def test_generating_puts_the_focus_on_the_progress_not_on_cancel(ctx, tab, tmp_path, qtbot):
    """While the packet is made, a second Space or Return does not land on 取消."""
    number = _case_without_warnings(ctx, tmp_path)
    _shown(tab, qtbot, number)
    wizard = tab.wizard
    choose(tab, Venue.ARBITRATION)
    wizard._go(2)
    wizard.generate_button.setFocus()
    during: list[object] = []
    tab.wizard.task_started.connect(lambda _task: during.append(_focus()))
    qtbot.keyClick(wizard.generate_button, Qt.Key.Key_Space)
    assert during == [wizard.progress]
    assert wizard.last_result is not None and _focus() is wizard.open_button
