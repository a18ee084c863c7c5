"""The search tokenizer: Chinese as overlapping bigrams, letters and digits whole, a number's last
four digits apart, normalised (NFKC, case folded); the same for queries; hits mapped back onto
the original text. Plain Python: no SQLite, SQLAlchemy or Qt (PostgreSQL can use it as it is)."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys

import pytest

from casefile.core.search.tokenize import find_spans, fts_query, index_tokens, normalize, query_runs, runs


def test_chinese_runs_are_bigrams_and_their_last_character() -> None:
    assert index_tokens("申请退款") == ("申请 请退 退款 款", "")
    assert index_tokens("退") == ("退", "")
    assert index_tokens("你好，退款！") == ("你好 好 退款 款", "")
    assert index_tokens("ラーメン와 한국어") == ("ラー ーメ メン ン와 와 한국 국어 어", "")


def test_letters_and_digits_stay_whole_and_numbers_give_their_last_four_digits() -> None:
    assert index_tokens("运单号SF1234567890123，电话13812345678") == (
        "运单 单号 号 sf1234567890123 电话 话 13812345678",
        "0123 5678",
    )
    assert index_tokens("订单 TB001 共 1299 元") == ("订单 单 tb001 共 1299 元", "")  # four digits or fewer: whole only
    assert index_tokens("Order_No-42") == ("order no 42", "")


def _tokens_by_the_rule(text: str) -> tuple[str, str]:
    """The rule the module's docstring states, one run at a time: what index_tokens must give."""
    body: list[str] = []
    tails: list[str] = []
    for run in runs(normalize(text)):
        if run.cjk:
            body.extend(run.text[i : i + 2] for i in range(len(run.text) - 1))
            body.append(run.text[-1])
        else:
            body.append(run.text)
            if len(run.text) > 4 and run.text[-4:].isdigit():
                tails.append(run.text[-4:])
    return " ".join(body), " ".join(tails)


def test_any_text_gives_the_tokens_of_the_rule() -> None:
    alphabet = [
        *"申请退款的了是我你快递物流单号顾客商家ＡＢ１２abcXYZ0123456789_ -，。！？\n\t.:/@#",
        *("\u3005", "\uac00", "\u30a2", "\U00020001", "é", "ß", "İ", "²", "①", "٣", "ﬁ", "\u0301", "Ǆ", "ﾊﾟ"),
    ]
    rng = random.Random(20261130)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert index_tokens(text) == _tokens_by_the_rule(text), text


def test_normalised_nfkc_and_case_folded() -> None:
    assert normalize("ＳＦ１２３ＡＢＣ") == "sf123abc"
    assert normalize("Straße") == "strasse"
    assert index_tokens("ＳＦ１２３４５") == ("sf12345", "2345")


def test_queries_are_phrases_of_bigrams_prefixes_and_all_must_match() -> None:
    assert fts_query("退款") == 'body : "退款"'
    assert fts_query("申请退款") == 'body : "申请 请退 退款"'
    assert fts_query("退") == '{body tail} : "退"*'
    assert fts_query("张三 5678") == 'body : "张三" AND {body tail} : "5678"*'
    assert fts_query("ＳＦ12") == '{body tail} : "sf12"*'
    assert fts_query("，。！？  ") == ""
    assert [r.text for r in query_runs("退款SF12")] == ["退款", "sf12"]


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("申请退款，退款被拒", "退款", ["退款", "退款"]),
        ("运单ＳＦ１２３４５６", "sf12", ["ＳＦ１２"]),  # full-width in the text, as typed
        ("ﬁle 退款", "退款", ["退款"]),  # a ligature before the hit: offsets still right
        ("ﬁle 退款", "fi", ["ﬁ"]),
        ("电话13812345678", "5678", ["5678"]),
        ("nothing here", "退款", []),
    ],
)
def test_hits_are_mapped_back_onto_the_original_text(text: str, query: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_spans(text, query)] == found


def test_an_fts5_table_of_these_tokens_answers_one_two_and_more_characters() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tail, tokenize='unicode61 remove_diacritics 0', prefix='1')")
    texts = ["申请退款被拒绝", "退", "快递丢件 电话13812345678", "退货"]
    for i, text in enumerate(texts, 1):
        db.execute("INSERT INTO t (rowid, body, tail) VALUES (?, ?, ?)", (i, *index_tokens(text)))

    def rows(query: str) -> list[int]:
        return [r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (fts_query(query),))]

    assert rows("退") == [1, 2, 4]
    assert rows("绝") == [1]  # the last character of a run
    assert rows("退款") == [1]
    assert rows("款被拒") == [1]
    assert rows("拒退") == []
    assert rows("5678") == [3]
    assert rows("丢件 5678") == [3]
    assert rows("1381234") == [3]


def test_the_tokenizer_imports_nothing_of_sqlite_sqlalchemy_or_qt() -> None:
    code = (
        "import sys, casefile.core.search.tokenize; "
        "print(sorted(m for m in ('sqlite3', 'sqlalchemy', 'PySide6') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
