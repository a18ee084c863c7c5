"""Text the window puts together from parts reads with full-width punctuation in Chinese."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from casefile.core.evidence import AddResult, add_files
from casefile.ui import i18n
from casefile.ui.i18n import install, labelled
from casefile.ui.models import EvidenceModel

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese(qapp, monkeypatch, tmp_path):
    """The app in Chinese with this checkout's catalogue (the installed package may point at another's)."""
    from tools.i18n import tool

    built = tmp_path / "casefile_zh_CN.qm"
    subprocess.run(
        [tool("lrelease"), "-silent", str(REPO / "i18n" / "casefile_zh_CN.ts"), "-qm", str(built)], check=True
    )
    monkeypatch.setattr(i18n, "catalogue", lambda language: built if language == "zh_CN" else None)
    install(qapp, "zh_CN")


def test_a_withdrawn_exhibit_and_arrivals_read_with_chinese_punctuation(window, ctx, chinese, tmp_path):
    assert labelled("第 %2 号", "聊天记录") == "第 %2 号：聊天记录"  # a label holding "%2" stays as it is
    files = []
    for name in ("聊天记录.txt", "发票.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
        files.append(tmp_path / name)
    arrived = {
        number: list(add_files(ctx.library, number, [path]))
        for number, path in zip(("202611-001", "202611-002"), files, strict=True)
    }
    with ctx.library.edit("202611-001") as writer:
        writer.withdraw(1, "重复")
    window.open_case("202611-001")
    model = window.workspace.evidence.model
    assert model.index(0, EvidenceModel.TITLE).data() == "聊天记录（已撤回）"

    window._arrivals({n: [r for r in results if isinstance(r, AddResult)] for n, results in arrived.items()})
    status = window.statusBar().currentMessage()
    assert "；" in status and "; " not in status, status
