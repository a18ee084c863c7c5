"""Every user-visible string is translated to Simplified Chinese, with matching placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "i18n" / "casefile_zh_CN.ts"
# Qt's %1 and the core's {name}, compared by name: a format spec ({month:02d}) may differ by language.
PLACEHOLDER = re.compile(r"(%\d+)|\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def test_every_chinese_string_is_translated_with_its_placeholders():
    entries = messages(TS)
    assert len(entries) > 100
    problems = []
    for context, source, message in entries:
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"untranslated: {context}: {source!r}")
            continue
        if sorted(map(str, PLACEHOLDER.findall(source))) != sorted(map(str, PLACEHOLDER.findall(text))):
            problems.append(f"placeholders differ: {context}: {source!r} -> {text!r}")
    assert problems == []


def test_the_catalogue_holds_every_string_in_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "casefile" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in messages(TS)}
    missing = sorted(in_code - in_catalogue)
    assert missing == [], f"run tools/i18n.py update and translate: {missing[:10]}"


def test_the_core_messages_listed_for_translators_are_up_to_date():
    check = subprocess.run(
        [sys.executable, str(REPO / "tools" / "core_messages.py"), "--check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_core_errors_reach_the_user_in_chinese(qapp, tmp_path):
    from casefile.core.errors import InvalidValueError, Message, StorageError
    from casefile.core.evidence import collect
    from casefile.core.library import Library
    from casefile.ui.i18n import install, translated

    install(qapp, "zh_CN")
    error = InvalidValueError("case {case} has no exhibit {number}", case="202611-001", number=7)
    assert str(error) == "case 202611-001 has no exhibit 7"  # the command line and the logs stay English
    assert translated(error) == "案件 202611-001 没有案卷编号为 7 的证据"
    nested = StorageError("the disk is full while {what}; nothing was changed", what=Message("saving the bundle"))
    assert translated(nested) == "保存证据材料时磁盘已满，未做任何改动"
    (refusal,) = collect([tmp_path / "nowhere.jpg"])
    assert translated(refusal.refused) == "文件或文件夹不存在"
    try:
        Library.open(tmp_path / "no-library", "tester", create=False)
    except Exception as exc:
        assert translated(exc) == f"{tmp_path / 'no-library'} 处没有 CaseFile 案卷库"
    else:
        raise AssertionError("opening a missing library must fail")
    assert translated(OSError(28, "No space left on device", "/media/usb/x.pdf")) == "磁盘已满：/media/usb/x.pdf"


def test_a_translation_that_breaks_its_fields_falls_back_to_english(qapp):
    from casefile.core.errors import Message
    from casefile.ui.i18n import translated

    # no catalogue entry for this template: the English text is shown, filled in
    assert translated(Message("{count} things", count=3)) == "3 things"


def test_no_tr_call_is_hidden_from_lupdate():
    """lupdate misses tr() inside f-strings and some nested expressions: every literal tr() must be catalogued."""
    import ast

    catalogued = {source for _, source, _ in messages(TS)}
    missing = []
    for path in sorted((REPO / "casefile" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in catalogued
            ):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value!r}")
    assert missing == []


CJK = r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’…—《》]"
_TECHNICAL = re.compile(
    r"<tt>.*?</tt>"  # code
    r"|<[^>]*>"  # HTML tags and their attributes
    r"|&\w+;"  # HTML entities
    r"|\(&\w\)"  # a menu's mnemonic: 文件(&F)
    r"|\([^()]*[*][^()]*\)"  # a file dialog's filter: (*.xlsx)
    r"|\{[^{}]*\}"  # the core's fields: {where}, {value!r}
    r"|%\d+"  # Qt's placeholders
    r"|\w+://\S+"  # addresses
    r"|\d+(?:[:,.]\d+)+"  # times 14:12 and 00:01:23, numbers 1,000, dates
    r"|\b(?:Ctrl|Alt|Shift|Meta|Cmd)\+\S+"  # shortcuts
    r"|[\w.~-]*[/\\][\w./\\~-]*"  # paths
    r"|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"  # file names: notes.txt
)


def ascii_punctuation_in_chinese(text: str) -> list[str]:
    """The ASCII , : ; ? ! ( ) a Chinese sentence has beside its Chinese (technical tokens left aside)."""
    if ";;" in text:  # a file dialog's filter list: 图片 (%1);;所有文件 (*)
        text = re.sub(r"\([^()]*\)", "", text).replace(";;", "\n")
    plain = _TECHNICAL.sub("X", text)
    found = []
    for match in re.finditer(r" *[,:;?!()] *", plain):
        before = plain[match.start() - 1] if match.start() else ""
        after = plain[match.end()] if match.end() < len(plain) else ""
        if re.fullmatch(CJK, before) or re.fullmatch(CJK, after):
            found.append(plain[max(0, match.start() - 6) : match.end() + 6])
    return found


def test_the_punctuation_check_tells_chinese_sentences_from_technical_text():
    for bad in (
        "已保存,共 3 件",
        "案件 %1: 已保存",
        "证据(共 %1 件)",
        "是否删除?",
        "注意!",
        "原件;复印件",
        "文件 (已删除)",
    ):
        assert ascii_punctuation_in_chinese(bad), bad
    for fine in (
        "文件(&F)",
        "Excel 工作簿 (*.xlsx)",
        "图片 (%1);;所有文件 (*)",
        "每行一句：00:01:23 张三：逐字记录的原话。",
        "相关证据，如 1,3",
        "{where}：{value!r} 不能小于零",
        "按 Ctrl+S 保存",
        '见 <a href="https://flk.npc.gov.cn/">国家法律法规数据库</a>。',
        "保存在 /home/店员/案卷 中",
        "%1：%2",
        "请写 X,Y,W,H，例如 120,40,300,60",
        "运行 <tt>casefile verify 202611-001 (--all)</tt> 检查",
    ):
        assert ascii_punctuation_in_chinese(fine) == [], fine


def test_chinese_sentences_use_full_width_punctuation():
    """，。：；？！（） inside Chinese: ASCII punctuation beside Chinese characters reads as a typo."""
    problems = []
    for context, source, message in messages(TS):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if found := ascii_punctuation_in_chinese(text):
                problems.append(f"{context}: {source!r} -> {text!r}: {found}")
    assert problems == []


def test_export_refusing_a_case_gives_the_repair_advice_once_in_chinese(qapp, tmp_path):
    """A problem that already says to run the repair (README.txt's) is not followed by the same advice."""
    from casefile_testing import make_case

    from casefile.core.archive import export_case
    from casefile.core.errors import CaseFileError
    from casefile.core.library import Library
    from casefile.ui.i18n import install, translated

    library = Library.open(tmp_path / "library", "测试员")
    try:
        number = make_case(library).number
        (library.cases_dir / number / "README.txt").unlink()
        with pytest.raises(CaseFileError) as refused:
            list(export_case(library, number, tmp_path / "refused.zip"))
    finally:
        library.close()
    install(qapp, "zh_CN")
    shown = translated(refused.value)
    assert shown.startswith(f"案件 {number} 核验未通过") and shown.count("casefile repair") == 1


def test_a_language_typed_by_hand_is_read_alike_by_the_app_and_the_command_line(qapp):
    """settings.json "language" typed as a locale ("en_US", "en-GB", "zh-CN") means the same in the app as in
    the names the command line gives files: one function reads it for both."""
    import json
    import os
    from datetime import datetime
    from pathlib import Path

    from casefile.core.bundle.naming import bundle_names
    from casefile.core.settings import load_settings, normalise_language
    from casefile.core.venues import Venue
    from casefile.ui.i18n import install

    from PySide6.QtCore import QCoreApplication

    assert [normalise_language(v) for v in ("en", "en_US", "en-GB", "EN", "zh_CN", "zh-CN", "zh", "fr_FR", "")] == [
        "en", "en", "en", "en", "zh_CN", "zh_CN", "zh_CN", "zh_CN", "zh_CN",
    ]  # fmt: skip
    config = Path(os.environ["CASEFILE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    at = datetime(2026, 11, 29, 15, 30, 12)
    for typed, language in (("en_US", "en"), ("en-GB", "en"), ("zh-CN", "zh_CN")):
        (config / "settings.json").write_text(json.dumps({"language": typed}), encoding="utf-8")
        settings = load_settings()
        assert settings.language == language
        install(qapp, typed)
        shown = QCoreApplication.translate("CaseFile", "Next deadline")
        assert shown == ("Next deadline" if language == "en" else "下一期限")
        english = bundle_names("202611-001", Venue.COURIER_CLAIM, None, at, typed).packet().isascii()
        assert english is (language == "en")
    install(qapp, "en")
