"""Control characters in what people type: one rule (casefile.core.validate) for every way in."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import pytest

from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.model import TimelineEvent
from casefile.core.validate import PURPOSE_LIMIT, TITLE_LIMIT, check_text, clean_text, text_limit

CST = timezone(timedelta(hours=8))


def test_one_line_fields_make_line_breaks_spaces_and_refuse_other_controls():
    assert clean_text("红\n换行\r\n\t照片", "title") == "红 换行 照片"
    assert clean_text("证明\u2028收货", "purpose") == "证明 收货"
    for text in ("\x1b[31m红", "a\x00b", "a\x7fb", "a\x9bb"):
        with pytest.raises(InvalidValueError, match="control character"):
            check_text(clean_text(text, "title"), "title")
    with pytest.raises(InvalidValueError, match="control character"):
        check_text("a\nb", "complainant.name")  # not made one line first: refused, never stored


def test_multi_line_fields_keep_their_lines_and_drop_other_controls():
    assert clean_text("第一行\r\n第二行\r第三行\t完\x1b[0m\x00", "facts") == "第一行\n第二行\n第三行 完[0m"
    assert check_text("第一行\n第二行", "facts") == "第一行\n第二行"
    with pytest.raises(InvalidValueError, match="control character"):
        check_text("第一行\x1b", "note")


def test_a_purpose_has_a_limit_like_a_title_s():
    assert text_limit("purpose") == text_limit("--purpose") == PURPOSE_LIMIT < TITLE_LIMIT
    with pytest.raises(InvalidValueError, match="at most 300"):
        check_text("证" * (PURPOSE_LIMIT + 1), "purpose")


def test_every_way_in_takes_the_same_rule(library, case, tmp_path):
    """The app's edits (update_exhibit, update, add_event) and ingest from a file's name."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "收据\n第二行\x1b[31m.txt").write_text("收据", "utf-8")
    (added,) = [r.exhibit for r in add_files(library, case.number, [folder]) if isinstance(r, AddResult)]
    assert added is not None and added.title == "收据 第二行\\x1b[31m"  # the name itself is kept as it was
    assert "\n" in added.original_name
    with library.edit(case.number) as writer:
        assert writer.update_exhibit(added.number, title="屏幕\n碎裂\t照片").title == "屏幕 碎裂 照片"
        with pytest.raises(InvalidValueError, match="control character"):
            writer.update_exhibit(added.number, purpose="证明\x1b]0;x\x07")
        changed = copy.deepcopy(writer.case)
        changed.title, changed.facts = "手机\n屏幕碎裂", "收货当天\r\n发现屏幕碎裂\x1b[0m"
        writer.update(changed)
        call = TimelineEvent(at=datetime(2026, 11, 20, 10, 0, tzinfo=CST), summary="致电\n客服", place="门店\n一楼")
        writer.add_event(call)
    record = library.load_case(case.number)
    assert (record.title, record.facts) == ("手机 屏幕碎裂", "收货当天\n发现屏幕碎裂[0m")
    assert (record.timeline[-1].summary, record.timeline[-1].place) == ("致电\n客服", "门店 一楼")
    with pytest.raises(InvalidValueError, match="control character"):
        list(add_files(library, case.number, [folder], AddOptions(purpose="\x1b[2J")))
