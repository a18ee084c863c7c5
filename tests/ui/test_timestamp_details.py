"""An exhibit's trusted timestamp in the evidence tab's details, and queued requests sent in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.library import case_from_fields
from casefile.core.timestamps import queue
from casefile.core.timestamps.stamping import stamp_case, tsa_from_settings
from casefile.ui.evidence import EvidenceTab
from casefile.ui.timestamps import StampSender


@pytest.fixture
def number(ctx) -> str:
    case = ctx.library.create_case(
        case_from_fields(
            {"title": "屏幕碎裂", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    return case.number


@pytest.fixture
def incoming(tmp_path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(folder / "破损照片.jpg", quality=90)
    (folder / "chat.txt").write_text("顾客：屏幕碎了\n客服：请提供照片\n", encoding="utf-8")
    return folder


def _tab(ctx, qtbot, number) -> EvidenceTab:
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    widget.select_exhibit(1)
    return widget


def test_details_say_when_no_tsa_is_chosen(ctx, qtbot, number, incoming):
    list(add_files(ctx.library, number, [incoming]))
    tab = _tab(ctx, qtbot, number)
    assert "Not stamped: no timestamp authority (TSA) is chosen in Settings" in tab.details.browser.toPlainText()


def _fingerprint(pem: Path) -> str:
    import hashlib

    from asn1crypto import pem as asn1_pem

    digest = hashlib.sha256(asn1_pem.unarmor(pem.read_bytes())[2]).hexdigest()
    return digest


def test_details_show_a_verified_stamp(ctx, qtbot, number, incoming, tsa, local_ca):
    ctx.settings.tsa_url, ctx.settings.tsa_ca_file = tsa.url, str(local_ca.pem)
    ctx.settings.tsa_root_sha256 = _fingerprint(local_ca.pem)  # the user confirmed the authority's root
    list(add_files(ctx.library, number, [incoming]))
    tsa_config = tsa_from_settings(ctx.settings)
    assert tsa_config is not None
    stamp = stamp_case(ctx.library, number, tsa_config).stamp
    assert stamp is not None
    tab = _tab(ctx, qtbot, number)
    text = tab.details.browser.toPlainText()
    assert "Trusted timestamp" in text and stamp.tsa in text and stamp.serial in text and stamp.root in text
    assert "Verified offline: signature, certificate chain and proof" in text
    assert "Checked against the fingerprint pinned in Settings" in text and "root not checked" not in text


def test_details_call_a_stamp_whose_root_is_not_pinned_unchecked(ctx, qtbot, number, incoming, tsa, local_ca):
    """The details name the root and its fingerprint and never call a stamp trusted whose root is not pinned."""
    ctx.settings.tsa_url, ctx.settings.tsa_ca_file = tsa.url, str(local_ca.pem)
    list(add_files(ctx.library, number, [incoming]))
    tsa_config = tsa_from_settings(ctx.settings)
    assert tsa_config is not None and stamp_case(ctx.library, number, tsa_config).stamp is not None
    tab = _tab(ctx, qtbot, number)
    qtbot.waitUntil(lambda: "Being checked" not in tab.details.browser.toPlainText(), timeout=10_000)
    text = tab.details.browser.toPlainText()
    digest = _fingerprint(local_ca.pem).upper()
    assert "Timestamp (root not checked)" in text and "Trusted timestamp" not in text
    assert "CN=CaseFile Test Root CA" in text and ":".join(digest[i : i + 2] for i in range(0, 64, 2)) in text
    assert "Root not checked: anyone can make a root" in text


def test_the_app_says_once_that_a_root_is_not_pinned(ctx, qtbot, number, incoming, tmp_path, tsa, local_ca):
    ctx.settings.tsa_url, ctx.settings.tsa_ca_file = tsa.url, str(local_ca.pem)
    sender = StampSender(ctx)
    said: list[str] = []
    sender.root_not_pinned.connect(said.append)
    list(add_files(ctx.library, number, [incoming]))
    with qtbot.waitSignal(sender.stamped, timeout=10_000):
        sender.send_now()
    qtbot.waitUntil(lambda: sender.task is None, timeout=10_000)
    assert len(said) == 1 and "CN=CaseFile Test Root CA" in said[0] and "Pinned TSA roots" in said[0]
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "补充.txt").write_text("补充说明", encoding="utf-8")
    list(add_files(ctx.library, number, [extra]))
    with qtbot.waitSignal(sender.stamped, timeout=10_000):
        sender.send_now()
    qtbot.waitUntil(lambda: sender.task is None, timeout=10_000)
    assert len(said) == 1  # once while the app runs


def test_queued_while_down_then_sent_in_the_background(ctx, qtbot, number, incoming, tsa, local_ca):
    ctx.settings.tsa_url, ctx.settings.tsa_ca_file = tsa.url, str(local_ca.pem)
    tsa.down = True
    sender = StampSender(ctx)
    list(add_files(ctx.library, number, [incoming]))
    sender.send_now()  # the TSA answers 503: the case stays queued
    assert queue.queued(ctx.library.root) == [number]
    tab = _tab(ctx, qtbot, number)
    text = tab.details.browser.toPlainText()
    assert "Not yet stamped: queued, sent when the TSA can be reached" in text and "503" in text
    tsa.down = False
    with qtbot.waitSignal(sender.stamped, timeout=10_000) as blocker:
        sender.send_now()
    assert blocker.args == [number]
    assert queue.queued(ctx.library.root) == []
    tab.reload()
    tab.select_exhibit(1)
    assert "Verified offline" in tab.details.browser.toPlainText()


def test_settings_choose_the_tsa_and_refuse_an_address_that_is_not_http(ctx, qtbot, tmp_path, monkeypatch):
    from casefile.core.settings import load_settings
    from casefile.ui.settings_dialog import SettingsDialog

    from PySide6.QtWidgets import QFileDialog

    root = tmp_path / "tsa-root.pem"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(root), ""))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.tsa_url.setText("ftp://tsa.example.com")
    dialog.save()
    assert "http://" in dialog.error.text() and ctx.settings.tsa_url == ""
    dialog.tsa_url.setText("http://tsa.example.com/tsa")
    dialog.tsa_browse.click()
    assert dialog.tsa_ca.text() == str(root)
    dialog.save()
    saved = load_settings()
    assert (saved.tsa_url, saved.tsa_ca_file) == ("http://tsa.example.com/tsa", str(root))


def test_settings_pin_a_root_from_its_certificate_and_refuse_a_bad_fingerprint(ctx, qtbot, local_ca, monkeypatch):
    from casefile.core.settings import load_settings
    from casefile.ui.settings_dialog import SettingsDialog

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(local_ca.pem), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: told.append(text))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.tsa_pins.setText("12:34")
    dialog.save()
    assert "is not a SHA-256 fingerprint" in dialog.error.text() and load_settings().tsa_root_sha256 == ""
    dialog.tsa_pins.setText("")
    dialog.tsa_pin_file.click()
    assert dialog.tsa_pins.text() == _fingerprint(local_ca.pem) and "CN=CaseFile Test Root CA" in told[0]
    dialog.save()
    assert load_settings().tsa_root_sha256 == _fingerprint(local_ca.pem)


def test_importing_a_stamped_case_names_the_root_it_relies_on(ctx, qtbot, tmp_path, incoming, tsa, local_ca):
    """An archive's stamps check only against the roots it carries: the app says which, when they are not pinned."""
    from casefile.core.archive import export_case
    from casefile.core.library import Library
    from casefile.core.timestamps.stamping import TsaConfig
    from casefile.ui.main_window import MainWindow

    other = Library.open(tmp_path / "other", "同事")
    try:
        number = other.create_case(
            case_from_fields(
                {"title": "屏幕碎裂", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
            )
        ).number
        list(add_files(other, number, [incoming]))
        assert stamp_case(other, number, TsaConfig(tsa.url, str(local_ca.pem))).stamp is not None
        list(export_case(other, number, tmp_path / "case.zip"))
    finally:
        other.close()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.import_archive(str(tmp_path / "case.zip"))
    qtbot.waitUntil(lambda: ctx.library.case_numbers() == [number], timeout=10_000)
    text = win.root_box.text()
    digest = _fingerprint(local_ca.pem).upper()
    assert "CN=CaseFile Test Root CA" in text and ":".join(digest[i : i + 2] for i in range(0, 64, 2)) in text
    assert "Pinned TSA roots" in text
