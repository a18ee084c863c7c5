"""The law table: every id resolves, numerals match numbers, versions carry dates and sources, citations
are formatted as Chinese legal documents print them, and the renumberings found are recorded."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

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
        # an id names its law: the version read (a replaced version keeps its own "-<year>" key)
        assert prefix in (a.law.key, re.sub(r"-\d{4}$", "", a.law.key)), article_id
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
    assert cite("express-regulation.claim-against-brand", with_part=True) == "《快递暂行条例》第二十条第三款"
    assert cite("express-regulation-2019.19", with_part=True) == "《快递暂行条例》第十九条第三款"
    assert cite("consumer-protection-regulation.19", short=True) == "《消费者权益保护法实施条例》第十九条"
    assert cite("phone-3bao.11") == "《移动电话机商品修理更换退货责任规定》第十一条"
    assert cite("complaint-measures.materials", short=True, with_part=True) == "《投诉举报处理办法》第十条第一款"
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
        "arbitration-2017.23",  # replaced on 2026-03-01
        "express-regulation-2019.27",  # replaced on 2025-06-01
        "complaint-measures-2019.9",  # repealed on 2026-04-15
        "postal-complaint-measures.9",  # replaced on 2020-10-01, and only ever read in secondary material
        "goods-3bao.9",  # secondary material only
        "civil-procedure-interpretation.116",
    ):
        assert article_id in questions
    for article_id in (
        "civil-procedure.124",
        "arbitration.application-contents",
        "arbitration.agreement-contents",
        "arbitration.set-aside-time-limit",
        "express-regulation.compensation",
        "complaint-measures.materials",
        "consumer-protection-regulation.19",
        "phone-3bao.11",
        "car-3bao.22",
    ):
        assert article_id not in questions


# The old → new renumberings found (old law version, old number, id in force today, new number).
RENUMBERED = [
    ("arbitration-2017", 16, "arbitration.agreement-contents", 27),
    ("arbitration-2017", 21, "arbitration.application-conditions", 32),
    ("arbitration-2017", 22, "arbitration.application-submission", 33),
    ("arbitration-2017", 23, "arbitration.application-contents", 34),
    ("arbitration-2017", 58, "arbitration.set-aside-grounds", 71),
    ("arbitration-2017", 59, "arbitration.set-aside-time-limit", 72),
    ("express-regulation-2019", 19, "express-regulation.claim-against-brand", 20),
    ("express-regulation-2019", 21, "express-regulation.insurance-information", 22),
    ("express-regulation-2019", 25, "express-regulation.inspection-on-delivery", 26),
    ("express-regulation-2019", 27, "express-regulation.compensation", 28),
    ("express-regulation-2019", 28, "express-regulation.complaint-7-days", 29),
    ("complaint-measures-2019", 9, "complaint-measures.materials", 10),
    ("complaint-measures-2019", 10, "complaint-measures.agent", 11),
    ("complaint-measures-2019", 14, "complaint-measures.acceptance-7-days", 15),
    ("complaint-measures-2019", 15, "complaint-measures.not-accepted", 16),
    ("complaint-measures-2019", 20, "complaint-measures.testing", 22),
    ("complaint-measures-2019", 21, "complaint-measures.mediation-ends", 23),
]


@pytest.mark.parametrize(("old_key", "old_number", "new_id", "new_number"), RENUMBERED)
def test_renumberings(old_key: str, old_number: int, new_id: str, new_number: int) -> None:
    old = article(f"{old_key}.{old_number}")
    new = article(new_id)
    assert old.law.key == old_key and old.number == old_number
    assert new.number == new_number
    assert not old.in_force_on(CHECKED_ON)
    assert new.in_force_on(CHECKED_ON)
    # the same law in another version, or the instrument that replaced it under another title
    assert old.law.name == new.law.name or old.law.replaced_by == new.law.key
    assert old.law.until is not None and old.law.until + timedelta(days=1) == new.law.effective


def test_the_renumbering_table_is_complete() -> None:
    recorded = {(r.old_law.key, r.old_number, r.new_id, article(r.new_id).number) for r in RENUMBERINGS}
    assert recorded == set(RENUMBERED)
    for r in RENUMBERINGS:
        assert r.change.strip()


def test_a_document_prints_a_number_only_from_the_text_in_force() -> None:
    today = date(2026, 11, 29)
    # 民诉法 art. 124, read in the 2023 text in force: printed with its number.
    assert law.cite_on("civil-procedure.124", today) == "《中华人民共和国民事诉讼法》第一百二十四条"
    # The application's contents, read in the 2025 仲裁法: its number there.
    assert law.cite_on("arbitration.application-contents", today) == "《中华人民共和国仲裁法》第三十四条"
    # Before the 2025 revision took effect, the 2017 number was right.
    assert law.cite_on("arbitration.application-contents", date(2025, 6, 1)) == "《中华人民共和国仲裁法》第二十三条"
    # An article of a replaced version: the law in force by name only, never the old number.
    assert law.cite_on("arbitration-2017.23", today, short=True) == "《仲裁法》"
    assert law.cite_on("arbitration.agreement-contents", today, short=True) == "《仲裁法》第二十七条"
    assert law.printable("arbitration.no-agreement-not-accepted", today)
    assert law.law_in_force("中华人民共和国仲裁法", today) is law.ARBITRATION
    # A number read only in secondary material quoting the text in force is printed.
    assert law.cite_on("goods-3bao.9", today) == "《部分商品修理更换退货责任规定》第九条"


def test_the_2025_amendment_of_the_express_regulation_moves_the_articles_cited() -> None:
    assert law.EXPRESS_REGULATION.effective == date(2025, 6, 1)
    assert law.EXPRESS_REGULATION_2019.until == date(2025, 5, 31)
    assert law.cite_on("express-regulation.compensation", date(2025, 6, 1)) == "《快递暂行条例》第二十八条"
    assert law.cite_on("express-regulation.compensation", date(2025, 5, 31)) == "《快递暂行条例》第二十七条"
    assert law.cite_on("express-regulation.complaint-7-days", date(2026, 11, 29)) == "《快递暂行条例》第二十九条"
    assert law.cite_on("express-regulation-2019.28", date(2026, 11, 29)) == "《快递暂行条例》"
    # the words of the articles cited did not change, only their numbers
    for r in law.RENUMBERINGS:
        if r.old_law is law.EXPRESS_REGULATION_2019:
            assert article(f"express-regulation-2019.{r.old_number}").quote == article(r.new_id).quote


def test_the_complaint_measures_of_2019_are_replaced_by_order_121() -> None:
    today = date(2026, 11, 29)
    assert law.law_in_force("市场监督管理投诉举报处理暂行办法", today) is None
    assert law.law_in_force("市场监督管理投诉举报处理办法", today) is law.COMPLAINT_MEASURES
    assert law.COMPLAINT_MEASURES.effective == date(2026, 4, 15)
    assert law.COMPLAINT_MEASURES_2019.until == date(2026, 4, 14)
    # a citation of the repealed 暂行办法 names the 办法 that replaced it, without a number
    assert law.cite_on("complaint-measures-2019.15", today) == "《市场监督管理投诉举报处理办法》"
    assert law.cite_on("complaint-measures.not-accepted", today, short=True) == "《投诉举报处理办法》第十六条"
    before = law.cite_on("complaint-measures.not-accepted", date(2026, 4, 14))
    assert before == "《市场监督管理投诉举报处理暂行办法》第十五条"
    # mediation now ends after 60 days, not 45 working days
    assert "六十日" in article("complaint-measures.mediation-ends").quote
    assert "四十五个工作日" in article("complaint-measures-2019.21").quote


def test_the_2014_postal_complaint_measures_are_replaced() -> None:
    assert law.POSTAL_COMPLAINT_MEASURES.until == date(2020, 9, 30)
    assert law.POSTAL_USER_APPEAL_MEASURES.effective == date(2020, 10, 1)
    assert law.cite_on("postal-complaint-measures.9", date(2026, 11, 29)) == "《邮政业用户申诉处理办法》"
    assert law.cite_on("postal-complaint-measures.9", date(2020, 9, 30)) == "《邮政业消费者申诉处理办法》第九条"
    # the 2020 text was not found: nothing of it is quoted
    assert not [a for a in ARTICLES.values() if a.law is law.POSTAL_USER_APPEAL_MEASURES]


def test_a_replacing_instrument_takes_over_the_day_after() -> None:
    for key, version in LAWS.items():
        if version.replaced_by:
            successor = LAWS[version.replaced_by]
            assert version.until is not None, key
            assert successor.effective == version.until + timedelta(days=1), key
            assert successor.name != version.name, key  # same-title versions need no replaced_by


# (id, article number, effective date of the version read, a phrase of its text): the texts added for
# consumer packets, 三包 and the versions in force today.
TEXTS = [
    ("consumer-protection-regulation.12", 12, date(2024, 7, 1), "应当向购买商品或者接受服务的消费者履行其所承诺的内容"),
    ("consumer-protection-regulation.13", 13, date(2024, 7, 1), "还应当向消费者提供该经营者的名称、经营地址"),
    ("consumer-protection-regulation.14", 14, date(2024, 7, 1), "应当根据消费者的要求提供直播间运营者"),
    ("consumer-protection-regulation.17", 17, date(2024, 7, 1), "选择诉讼或者仲裁解决消费争议"),
    ("consumer-protection-regulation.18", 18, date(2024, 7, 1), "服务单据上显示的价格一次性退清相关款项"),
    ("consumer-protection-regulation.19", 19, date(2024, 7, 1), "未经消费者确认，经营者不得拒绝无理由退货"),
    ("consumer-protection-regulation.44", 44, date(2024, 7, 1), "首问负责、先行赔付、在线争议解决"),
    ("consumer-protection-regulation.46", 46, date(2024, 7, 1), "并在受理之日起60日内调解完毕"),
    ("consumer-protection-regulation.47", 47, date(2024, 7, 1), "可以指定鉴定、检测机构"),
    ("consumer-protection-regulation.49", 49, date(2024, 7, 1), "不会对消费者造成误导的瑕疵的除外"),
    ("phone-3bao.5", 5, date(2001, 11, 15), "不得故意拖延或无理拒绝"),
    ("phone-3bao.8", 8, date(2001, 11, 15), "移动电话机主机三包有效期为一年"),
    ("phone-3bao.10", 10, date(2001, 11, 15), "能够正常使用30日以上"),
    ("phone-3bao.11", 11, date(2001, 11, 15), "自售出之日起7日内"),
    ("phone-3bao.12", 12, date(2001, 11, 15), "自售出之日起第8日至第15日内"),
    ("phone-3bao.13", 13, date(2001, 11, 15), "经两次修理，仍不能正常使用的"),
    ("phone-3bao.17", 17, date(2001, 11, 15), "使修理时间超过30日未修好的"),
    ("phone-3bao.21", 21, date(2001, 11, 15), "商品三包有效期自换货之日起重新计算"),
    ("phone-3bao.24", 24, date(2001, 11, 15), "不实行三包，但可以实行合理的收费修理"),
    ("goods-3bao.9", 9, date(1995, 8, 25), "产品自售出之日起7日内，发生性能故障，消费者可以选择退货、换货或修理"),
    ("goods-3bao.10", 10, date(1995, 8, 25), "产品自售出之日起15日内，发生性能故障，消费者可选择换货或者修理"),
    ("car-3bao.18", 18, date(2022, 1, 1), "三包有效期不得低于2年或者行驶里程50,000公里"),
    ("car-3bao.22", 22, date(2022, 1, 1), "自三包有效期起算之日起7日内"),
    ("car-3bao.23", 23, date(2022, 1, 1), "60日内或者行驶里程3000公里之内"),
    ("car-3bao.28", 28, date(2022, 1, 1), "10个工作日内向消费者作出答复"),
    ("express-regulation.claim-against-brand", 20, date(2025, 6, 1), "也可以要求实际提供快递服务的企业赔偿"),
    ("express-regulation.insurance-information", 22, date(2025, 6, 1), "告知相关保价规则和保险服务项目"),
    ("express-regulation.inspection-on-delivery", 26, date(2025, 6, 1), "收件人或者代收人有权当面验收"),
    ("express-regulation.compensation", 28, date(2025, 6, 1), "对未保价的快件，依照民事法律的有关规定确定赔偿责任"),
    ("express-regulation.complaint-7-days", 29, date(2025, 6, 1), "应当自接到投诉之日起7日内予以处理并告知用户"),
    ("arbitration.no-agreement-not-accepted", 4, date(2026, 3, 1), "没有仲裁协议，一方申请仲裁的，仲裁机构不予受理"),
    ("arbitration.court-declines", 5, date(2026, 3, 1), "一方向人民法院提起诉讼的，人民法院不予受理"),
    ("arbitration.agreement-contents", 27, date(2026, 3, 1), "经仲裁庭提示并记录，视为当事人之间存在仲裁协议"),
    ("arbitration.application-conditions", 32, date(2026, 3, 1), "属于仲裁机构的受理范围"),
    ("arbitration.application-submission", 33, date(2026, 3, 1), "应当向仲裁机构递交仲裁协议、仲裁申请书及副本"),
    ("arbitration.application-contents", 34, date(2026, 3, 1), "工作单位、住所、联系方式"),
    ("arbitration.waived-in-court", 37, date(2026, 3, 1), "视为放弃仲裁协议，人民法院应当继续审理"),
    ("arbitration.set-aside-grounds", 71, date(2026, 3, 1), "可以向仲裁机构所在地的中级人民法院申请撤销裁决"),
    ("arbitration.set-aside-time-limit", 72, date(2026, 3, 1), "应当自收到裁决书之日起三个月内提出"),
    ("complaint-measures.materials", 10, date(2026, 4, 15), "通讯地址等真实身份信息"),
    ("complaint-measures.agent", 11, date(2026, 4, 15), "还应当提供授权委托书原件以及受托人身份证明"),
    ("complaint-measures.acceptance-7-days", 15, date(2026, 4, 15), "还应当告知投诉人不予受理的理由"),
    ("complaint-measures.not-accepted", 16, date(2026, 4, 15), "冒用他人名义或者拒不配合"),
    ("complaint-measures.testing", 22, date(2026, 4, 15), "受理投诉的市场监督管理部门可以指定鉴定、检测机构"),
    ("complaint-measures.mediation-ends", 23, date(2026, 4, 15), "自投诉受理之日起六十日内"),
    ("complaint-measures.after-mediation", 25, date(2026, 4, 15), "通过民事诉讼、仲裁等其他途径解决消费者权益争议"),
    ("complaint-measures.periods", 45, date(2026, 4, 15), "自下一工作日或者自然日开始计算"),
    # The limitation period run out: the obligor's agreeing to perform, or performing, bars its defence.
    ("civil-code.192", 192, date(2021, 1, 1), "义务人同意履行的，不得以诉讼时效期间届满为由抗辩"),
    ("limitation-rules.19", 19, date(2021, 1, 1), "作出同意履行义务的意思表示或者自愿履行义务后"),
    # The enforcement period's start: the last day of performance, else the day the decision took effect.
    ("civil-procedure.enforcement-start", 250, date(2024, 1, 1), "从法律文书规定履行期间的最后一日起计算"),
    ("civil-procedure.158", 158, date(2024, 1, 1), "超过上诉期没有上诉的判决、裁定，是发生法律效力的判决、裁定"),
    ("civil-procedure.182", 182, date(2024, 1, 1), "第二审人民法院的判决、裁定，是终审的判决、裁定"),
    ("arbitration.award-effective", 70, date(2026, 3, 1), "裁决书自作出之日起发生法律效力"),
    # The retention of evidence in team mode (casefile.core.store.retention).
    ("e-commerce.31", 31, date(2019, 1, 1), "交易信息保存时间自交易完成之日起不少于三年"),
    ("personal-information.19", 19, date(2021, 11, 1), "个人信息的保存期限应当为实现处理目的所必要的最短时间"),
    ("personal-information.47", 47, date(2021, 11, 1), "删除个人信息从技术上难以实现的"),
    # The rest days of a year whose holiday arrangement is not known (casefile.core.workflow.calendar).
    ("holidays.2", 2, date(2025, 1, 1), "春节，放假4天（农历除夕、正月初一至初三）"),
    ("holidays.6", 6, date(2025, 1, 1), "如果适逢周六、周日，应当在工作日补假"),
]


@pytest.mark.parametrize(("article_id", "number", "effective", "phrase"), TEXTS)
def test_texts_in_force_today(article_id: str, number: int, effective: date, phrase: str) -> None:
    a = article(article_id)
    assert a.number == number
    assert a.numeral == article_numeral(number)
    assert a.law.effective == effective
    assert phrase in a.quote
    assert a.in_force_on(CHECKED_ON) and law.printable(article_id, CHECKED_ON)
    assert law.cite_on(article_id, CHECKED_ON) == cite(article_id)
