"""casefile search: ranked hits with case, exhibit, page and the hit marked; filters; JSON; and a library
in order searched with sqlite3 alone (no SQLAlchemy loaded)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casefile_testing import make_case, modules_loaded
from core.test_search_sources import CHAT, pdf

from casefile.cli import _bold_snippet, main
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.search.store import SEARCH_PATH


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> dict[str, str]:
    """Two cases: one with a chat export and a PDF, one whose complainant's phone ends in 5678."""
    first = make_case(library, title="屏幕碎裂申请退款", complained_at="2026-11-18T10:00:00+08:00")
    chat = tmp_path / "微信聊天.txt"
    chat.write_text(CHAT, "utf-8")
    report = pdf(tmp_path / "检测报告.pdf", ["检测报告", "结论：屏幕存在质量缺陷，建议退款"])
    list(add_files(library, first.number, [chat, report]))
    second = make_case(
        library,
        title="快递丢件",
        complained_at="2026-10-02T10:00:00+08:00",
        complainant={"name": "王五", "phone": "13900005678"},
    )
    library.close()
    return {"root": str(library.root), "first": first.number, "second": second.number}


def test_hits_name_case_exhibit_page_and_mark_the_hit(capsys: pytest.CaptureFixture[str], filled: dict[str, str]):
    code, out, err = run(capsys, "--library", filled["root"], "search", "退款")
    assert code == 0, err
    lines = out.splitlines()
    heads = lines[0::2]
    assert sorted(heads) == sorted(
        [
            f"{filled['first']}  case field  case-field  title",
            f"{filled['first']}  exhibit 1  chat  微信聊天.txt",
            f"{filled['first']}  exhibit 2  p.2  pdf-text  检测报告.pdf",
        ]
    )
    assert all(line.startswith("    ") and "【退款】" in line for line in lines[1::2])
    assert err.strip() == "3 hits"


def test_one_character_phone_tail_waybill_and_mixed_queries(capsys: pytest.CaptureFixture[str], filled: dict[str, str]):
    root, first, second = filled["root"], filled["first"], filled["second"]

    def cases(*argv: str) -> list[tuple[str, object, object]]:
        code, out, err = run(capsys, "--library", root, "search", *argv, "--json")
        assert code == 0, err
        return [(h["case"], h["exhibit"], h["page"]) for h in json.loads(out)["hits"]]

    assert sorted(cases("丢"), key=str) == [(second, None, None)]
    assert cases("5678") == [(second, None, None)]
    assert cases("SF1234567890123") == [(first, 1, None)]
    assert cases("缺陷 退款") == [(first, 2, 2)]
    assert cases("退款", "--kind", "pdf-text") == [(first, 2, 2)]
    assert cases("退款", "--case", second) == []
    assert cases("丢件", "--from", "2026-10-01", "--to", "2026-10-02") == [(second, None, None)]
    assert cases("丢件", "--from", "2026-10-03") == []


def test_json_gives_snippet_spans_total_and_limit(capsys: pytest.CaptureFixture[str], filled: dict[str, str]):
    code, out, _ = run(capsys, "--library", filled["root"], "search", "退款", "--json", "--limit", "1")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 3 and len(data["hits"]) == 1
    hit = data["hits"][0]
    start, end = hit["spans"][0]
    assert hit["snippet"][start:end] == "退款"
    assert set(hit) == {"case", "exhibit", "kind", "field", "page", "snippet", "spans", "score", "evidence_time"}


def test_bad_options_and_no_hits(capsys: pytest.CaptureFixture[str], filled: dict[str, str]):
    code, _, err = run(capsys, "--library", filled["root"], "search", "退款", "--from", "昨天")
    assert code == 2 and "--from" in err
    code, _, err = run(capsys, "--library", filled["root"], "search", "退款", "--limit", "0")
    assert code == 2 and "--limit" in err
    code, out, err = run(capsys, "--library", filled["root"], "search", "不存在的词")
    assert code == 0 and out == "" and "no hits" in err
    code, out, err = run(capsys, "--library", filled["root"], "search", "丢件")
    assert code == 0 and err.strip() == "1 hit"


def test_a_terminal_sees_the_hit_in_bold_and_control_characters_shown():
    assert _bold_snippet("退款\x1b[2J了", [(0, 2)]) == "\x1b[1m退款\x1b[0m\\x1b[2J了"


def test_a_library_in_order_is_searched_without_sqlalchemy(filled: dict[str, str]):
    code, loaded, out, err = modules_loaded(
        ["--library", filled["root"], "search", "缺陷"], ("sqlalchemy", "PIL", "reportlab", "pypdfium2", "PySide6")
    )
    assert (code, loaded) == (0, []), err
    assert f"{filled['first']}  exhibit 2  p.2  pdf-text  检测报告.pdf" in out


def test_missing_search_tables_are_built_by_opening_the_library(filled: dict[str, str]):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{Path(filled['root']) / SEARCH_PATH}{suffix}").unlink(missing_ok=True)
    code, loaded, out, err = modules_loaded(["--library", filled["root"], "search", "缺陷"], ("sqlalchemy",))
    assert (code, loaded) == (0, ["sqlalchemy"]), err
    assert "检测报告.pdf" in out
    code, loaded, out, err = modules_loaded(["--library", filled["root"], "search", "缺陷"], ("sqlalchemy",))
    assert (code, loaded) == (0, []), err


@pytest.mark.parametrize("table", ["docs", "files", "fts"])
def test_a_lost_search_table_is_built_again_by_the_next_search(filled: dict[str, str], table: str):
    import sqlite3

    connection = sqlite3.connect(Path(filled["root"]) / SEARCH_PATH)
    with connection:
        connection.execute(f"DROP TABLE {table}")
    connection.close()
    code, loaded, out, err = modules_loaded(["--library", filled["root"], "search", "缺陷"], ("sqlalchemy",))
    assert code == 0, err
    assert "检测报告.pdf" in out


@pytest.mark.parametrize("command", ["search", "reindex"])
def test_damaged_search_tables_are_set_aside_rebuilt_and_the_user_told(
    capsys: pytest.CaptureFixture[str], filled: dict[str, str], command: str
):
    from core.test_search import damage_texts, set_aside

    root = Path(filled["root"])
    damage_texts(root / SEARCH_PATH)
    argv = [command, "退款"] if command == "search" else [command]
    code, out, err = run(capsys, "--library", filled["root"], *argv)
    assert code == 0, err
    if command == "reindex":
        assert "indexed 2 cases" in out
    else:
        assert filled["first"] in out
    assert len(set_aside(root)) == 1
    assert "casefile: note: the search tables were damaged; they were set aside as" in err and set_aside(root)[0] in err
    code, out, err = run(capsys, "--library", filled["root"], "search", "退款")
    assert code == 0 and filled["first"] in out and "note" not in err
