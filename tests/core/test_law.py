"""The law table: every id resolves, numerals match numbers, versions carry dates and sources, citations
are formatted as Chinese legal documents print them, and the renumberings found are recorded."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from casefile.core import law
from casefile.core.law import (
    ARTICLES,
    CHECKED_ON,
    LAWS,
    RENUMBERINGS,
    Verification,
    article,
    article_numeral,
    chinese_numeral,
    cite,
    cite_many,
    in_force,
    open_questions,
)


def test_every_id_resolves_to_its_own_article() -> None:
    assert ARTICLES
    for article_id, a in ARTICLES.items():
        assert article(article_id) is a
        prefix, _, rest = article_id.partition(".")
        assert rest, article_id
        # an id names its law: the version read, or (for a rule whose new number is unknown) the law it belongs to
        assert prefix in (a.law.key, a.law.key.removesuffix("-2017")), article_id
        if rest.isdigit():
            assert int(rest) == a.number, article_id
        assert LAWS[a.law.key] is a.law


def test_an_unknown_id_is_an_error() -> None:
    with pytest.raises(KeyError, match="civil-procedure.999"):
        article("civil-procedure.999")


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "一"),
        (4, "四"),
        (10, "十"),
        (16, "十六"),
        (19, "十九"),
        (20, "二十"),
        (85, "八十五"),
        (100, "一百"),
        (105, "一百零五"),
        (106, "一百零六"),
        (110, "一百一十"),
        (116, "一百一十六"),
        (124, "一百二十四"),
        (188, "一百八十八"),
        (250, "二百五十"),
        (831, "八百三十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1012, "一千零一十二"),
        (1100, "一千一百"),
        (1260, "一千二百六十"),
    ],
)
def test_chinese_numerals(number: int, numeral: str) -> None:
    assert chinese_numeral(number) == numeral
    assert article_numeral(number) == f"第{numeral}条"


@pytest.mark.parametrize("number", [0, -1, 10000])
def test_numerals_out_of_range(number: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(number)


def test_every_printed_numeral_matches_its_number() -> None:
    for article_id, a in ARTICLES.items():
        assert a.numeral == article_numeral(a.number), article_id


def test_versions_have_dates_and_sources() -> None:
    for key, version in LAWS.items():
        assert version.key == key
        assert type(version.effective) is date and not isinstance(version.effective, datetime), key
        if version.until is not None:
            assert type(version.until) is date and version.until > version.effective, key
        assert version.source.strip(), key
        assert version.name.strip() and version.short_name.strip() and version.version.strip(), key
        assert version.effective <= CHECKED_ON or key == "arbitration", key


def test_quotes_are_present_where_the_text_was_read() -> None:
    for article_id, a in ARTICLES.items():
        if a.verification is Verification.VERIFIED:
            assert a.quote.strip(), article_id
        if not a.quote:
            assert a.note.strip(), f"{article_id}: an article with no quote says why"


def test_citation_format() -> None:
    assert cite("civil-procedure.124") == "《中华人民共和国民事诉讼法》第一百二十四条"
    assert cite("civil-procedure.124", short=True) == "《民事诉讼法》第一百二十四条"
    assert cite("civil-code.188") == "《中华人民共和国民法典》第一百八十八条"
    assert cite("evidence-rules.19") == "《最高人民法院关于民事诉讼证据的若干规定》第十九条"
    assert cite("express-regulation.claim-against-brand", with_part=True) == "《快递暂行条例》第十九条第三款"
    assert cite("civil-procedure.127", short=True, with_part=True) == "《民事诉讼法》第一百二十七条（二）"
    assert cite("arbitration.agreement-contents", short=True) == "《仲裁法》第二十七条"
    assert (
        cite_many(["online-litigation-rules.16", "online-litigation-rules.17", "online-litigation-rules.18"])
        == "《人民法院在线诉讼规则》第十六条、第十七条、第十八条"
    )
    assert (
        cite_many(["consumer-protection.24", "civil-code.188", "consumer-protection.25"], short=True)
        == "《消费者权益保护法》第二十四条、第二十五条，《民法典》第一百八十八条"
    )


def test_in_force_follows_the_version_read() -> None:
    assert in_force("civil-procedure.124", CHECKED_ON)
    assert not in_force("civil-procedure.124", date(2023, 12, 31))
    # 仲裁法: the 2017 text until 2026-02-28, the 2025 revision from 2026-03-01
    assert in_force("arbitration-2017.23", date(2026, 2, 28))
    assert not in_force("arbitration-2017.23", date(2026, 3, 1))
    assert not in_force("arbitration.agreement-contents", date(2026, 2, 28))
    assert in_force("arbitration.agreement-contents", date(2026, 3, 1))
    assert law.CONSUMER_PROTECTION_REGULATION.in_force_on(date(2024, 7, 1))
    assert not law.CONSUMER_PROTECTION_REGULATION.in_force_on(date(2024, 6, 30))


def test_what_is_not_verified_today_is_listed() -> None:
    questions = open_questions()
    for article_id in (
        "arbitration.application-contents",
        "arbitration.application-submission",
        "arbitration.no-agreement-not-accepted",
        "arbitration.set-aside-grounds",
        "arbitration.agreement-contents",
        "civil-procedure-interpretation.116",
    ):
        assert article_id in questions
    assert "civil-procedure.124" not in questions
    assert "complaint-measures.9" not in questions


# The old → new renumberings found (old law version, old number, id in force today, new number).
RENUMBERED = [
    ("arbitration-2017", 16, "arbitration.agreement-contents", 27),
    ("arbitration-2017", 59, "arbitration.set-aside-time-limit", 72),
]


@pytest.mark.parametrize(("old_key", "old_number", "new_id", "new_number"), RENUMBERED)
def test_renumberings(old_key: str, old_number: int, new_id: str, new_number: int) -> None:
    old = article(f"{old_key}.{old_number}")
    new = article(new_id)
    assert old.law.key == old_key and old.number == old_number
    assert new.number == new_number
    assert not old.in_force_on(CHECKED_ON)
    assert new.in_force_on(CHECKED_ON)
    assert old.law.name == new.law.name  # the same law, another version


def test_the_renumbering_table_is_complete() -> None:
    recorded = {(r.old_law.key, r.old_number, r.new_id, article(r.new_id).number) for r in RENUMBERINGS}
    assert recorded == set(RENUMBERED)
    for r in RENUMBERINGS:
        assert r.change.strip()


def test_a_document_prints_a_number_only_from_the_text_in_force() -> None:
    today = date(2026, 11, 29)
    # 民诉法 art. 124, read in the 2023 text in force: printed with its number.
    assert law.cite_on("civil-procedure.124", today) == "《中华人民共和国民事诉讼法》第一百二十四条"
    # The 2025 仲裁法 number of art. 23 (2017) was not found: the law by name, never the 2017 number.
    assert law.cite_on("arbitration.application-contents", today) == "《中华人民共和国仲裁法》"
    assert law.cite_on("arbitration.application-contents", today, short=True) == "《仲裁法》"
    # Before the 2025 revision took effect, the 2017 number was right.
    assert law.cite_on("arbitration.application-contents", date(2025, 6, 1)) == "《中华人民共和国仲裁法》第二十三条"
    # A number read from secondary material quoting the text in force is printed.
    assert law.cite_on("arbitration.agreement-contents", today, short=True) == "《仲裁法》第二十七条"
    assert not law.printable("arbitration.no-agreement-not-accepted", today)
    assert law.law_in_force("中华人民共和国仲裁法", today) is law.ARBITRATION
