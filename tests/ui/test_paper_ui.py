"""The exhibit details ask 这是纸质文件的照片或扫描件 (yes / no / not said), written as an exhibit edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import case_from_fields
from casefile.core.model import EvidenceKind
from casefile.ui.evidence import EvidenceTab


def test_the_details_say_whether_it_is_a_photo_or_scan_of_a_paper(ctx, qtbot, tmp_path: Path):
    number = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    ).number
    Image.new("RGB", (64, 48), (240, 240, 230)).save(tmp_path / "小票.jpg", "JPEG")
    list(add_files(ctx.library, number, [tmp_path / "小票.jpg"], AddOptions(kind=EvidenceKind.RECEIPT)))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(number)
    combo = tab.details.paper_combo
    assert not combo.isEnabled()
    tab.select_exhibit(1)
    assert combo.isEnabled() and combo.currentData() == ""
    assert tab.details.told is True  # a photo of a receipt: the file says paper, as the "not said" item shows
    assert combo.itemText(0) == tab.details.tr("Not said (from the file: yes)")

    combo.setCurrentIndex(combo.findData("no"))
    combo.activated.emit(combo.currentIndex())
    assert ctx.library.load_case(number).exhibit(1).paper is False
    last = json.loads((ctx.library.folder(number).path / "CUSTODY.jsonl").read_text("utf-8").splitlines()[-1])
    assert last["action"] == "exhibit-update" and last["details"]["fields"] == {"paper": False}
    tab.select_exhibit(1)
    assert combo.currentData() == "no"

    combo.setCurrentIndex(0)  # not said again: told from the file
    combo.activated.emit(0)
    assert ctx.library.load_case(number).exhibit(1).paper is None


@pytest.fixture
def app_font(qapp):
    """The app's own font (the shipped WenQuanYi Micro Hei at 10 pt or more), as the window shows it, put back after."""
    from casefile.ui.app import make_application

    before = qapp.font()
    make_application()
    yield
    qapp.setFont(before)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_answer_and_label_of_the_details_is_read_whole_at_1024_by_700(app_font, window, ctx, qapp, language):
    """On a 1024×700 screen, however far the case list and the evidence list are dragged over the details, no
    answer of the details' lists ("Not said (told from the file in a packet)", "Kept or returned: not recorded"…)
    is cut, in English or Chinese, whatever the "not said" item tells; the labels are read whole too."""
    from casefile.ui.i18n import install

    from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionComboBox

    install(qapp, language)
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-002")
    evidence = window.workspace.evidence
    window.workspace.setCurrentWidget(evidence)
    details = evidence.details
    for told in (True, False, None):
        details.told = told
        details._name_not_said()
        qapp.processEvents()
        # the case list, then the evidence list, take all they can, leaving the details their least
        for splitter in (window.splitter, evidence.splitter):
            least = splitter.widget(1).minimumSizeHint().width()
            splitter.setSizes([sum(splitter.sizes()) - least, least])
            qapp.processEvents()
        assert window.width() <= 1024
        for combo in details.combos:
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            field = combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
            )
            for i in range(combo.count()):
                text = combo.itemText(i)
                assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), (text, field.width())
        for label in details.findChildren(QLabel):
            assert label.wordWrap() or label.sizeHint().width() <= label.width(), label.text()
