"""The legal citations CaseFile prints, in one table: each article with the text it quotes, the version of
the law it was read in, that version's effective date and where the text was read.

Ids are stable: ``"<law>.<article number>"`` for texts whose numbering is settled (``"civil-procedure.124"``),
and ``"<law>.<topic>"`` where a revision moves or may move the article (``"arbitration.application-contents"``,
``"express-regulation.compensation"``), so the code keeps asking for the rule, not for a number. A version that
has been replaced keeps its numbers under its own key (``"arbitration-2017.23"``, ``"express-regulation-2019.27"``,
``"complaint-measures-2019.9"``), and ``RENUMBERINGS`` says where each of them is now.

Nothing here is guessed. ``Verification`` says how far each article was checked against the text in force
on the date the table was made (2026-11-29); ``docs/law-sources.md`` lists the sources and what is open.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

CHECKED_ON = date(2026, 11, 29)  # the day the table was last checked against its sources

_DIGITS = "零一二三四五六七八九"


class Verification(enum.StrEnum):
    VERIFIED = "verified"  # read, number and words, in the full text of the version in force
    SECONDARY = "secondary"  # number (and quote, if any) taken from secondary material quoting that version
    UNVERIFIED = "unverified"  # read only in an older version; not checked against the version in force


@dataclass(frozen=True, slots=True)
class Law:
    """One version of a law, regulation, rule or judicial interpretation."""

    key: str
    name: str  # full title as cited: 中华人民共和国民事诉讼法
    short_name: str  # 民事诉讼法
    version: str  # which text: 2023年9月1日第五次修正
    effective: date  # the day this version took effect
    source: str  # where the text was read: repository, path and commit, or an address
    until: date | None = None  # last day in force, if a later version replaced it
    note: str = ""
    replaced_by: str = ""  # key of the instrument, under another title, that replaced this one (if any)

    def in_force_on(self, day: date) -> bool:
        return self.effective <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class Article:
    law: Law
    number: int
    numeral: str  # as printed: 第一百二十四条
    quote: str  # verbatim sentence(s) from the text named by law.source; empty only if not read
    note: str = ""
    part: str = ""  # the paragraph or item quoted, if not the whole article: 第三款, （二）
    verification: Verification = Verification.VERIFIED

    def in_force_on(self, day: date) -> bool:
        return self.law.in_force_on(day)


@dataclass(frozen=True, slots=True)
class Renumbering:
    """An article the code or the spec cites by an older number, and where it is now."""

    old_law: Law
    old_number: int
    new_id: str  # registry id of the article in the version in force
    change: str


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 105 → 一百零五, 110 → 一百一十, 1012 → 一千零一十二 (as article numbers are written)."""
    if not 1 <= n <= 9999:
        raise ValueError(f"article numbers run from 1 to 9999, not {n}")
    out: list[str] = []
    started = pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            pending_zero = pending_zero or started
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if not (digit == 1 and value == 10 and not started):
            out.append(_DIGITS[digit])
        out.append(unit)
        started = True
    return "".join(out)


def article_numeral(n: int) -> str:
    return f"第{chinese_numeral(n)}条"


# --------------------------------------------------------------------------- sources

_LRB = "github.com/LawRefBook/Laws"


def _lrb(path: str, commit: str) -> str:
    return f"{_LRB} {path} @ {commit}"


# A second public mirror, with the source database and the effective date in each file's header
# (国家法律法规数据库 flk.npc.gov.cn for laws and regulations, 市场监管法律法规规章数据库 sjfg.samr.gov.cn for
# SAMR rules), and texts up to 2026.
_CL = "github.com/Theonefkguy/Chinese-Laws"


def _cl(path: str, commit: str) -> str:
    return f"{_CL} {path} @ {commit}"


CIVIL_PROCEDURE = Law(
    "civil-procedure",
    "中华人民共和国民事诉讼法",
    "民事诉讼法",
    "2023年9月1日第十四届全国人大常委会第五次会议第五次修正",
    date(2024, 1, 1),
    _lrb("诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md", "318d624517cf7e0ed06355db8a79530ec0b52aa7"),
    note="Effective date from the amending decision (not part of the file read).",
)
CIVIL_PROCEDURE_INTERPRETATION = Law(
    "civil-procedure-interpretation",
    "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
    "民诉法解释",
    "2022年第二次修正",
    date(2022, 4, 10),
    "secondary: court.gov.cn/fabu/xiangqing/353651.html as quoted in a public repository's source notes",
    note="The full text was not found in any stored source; effective date not read from the text.",
)
EVIDENCE_RULES = Law(
    "evidence-rules",
    "最高人民法院关于民事诉讼证据的若干规定",
    "民事证据规定",
    "2019年10月14日最高人民法院审判委员会第1777次会议修正",
    date(2020, 5, 1),
    _lrb("司法解释/最高人民法院关于民事诉讼证据的若干规定(2019-12-25).md", "669f05b3af762f3f1efcb78199801ea4613fa1e8"),
)
ONLINE_LITIGATION_RULES = Law(
    "online-litigation-rules",
    "人民法院在线诉讼规则",
    "在线诉讼规则",
    "2021年5月18日最高人民法院审判委员会第1838次会议通过",
    date(2021, 8, 1),
    _lrb("司法解释/人民法院在线诉讼规则(2021-06-16).md", "abe3daaa448d225a37606118eaa4796d05b2c01c"),
)
INTERNET_COURT_RULES = Law(
    "internet-court-rules",
    "最高人民法院关于互联网法院审理案件若干问题的规定",
    "互联网法院规定",
    "2018年9月6日公布",
    date(2018, 9, 7),
    _lrb(
        "司法解释/最高人民法院关于互联网法院审理案件若干问题的规定(2018-09-06).md",
        "abe3daaa448d225a37606118eaa4796d05b2c01c",
    ),
)
ARBITRATION_2017 = Law(
    "arbitration-2017",
    "中华人民共和国仲裁法",
    "仲裁法",
    "2017年9月1日第二次修正",
    date(2018, 1, 1),
    _lrb("诉讼与非诉讼程序法/仲裁法(2017-09-01).md", "ad3fc7a710153f0a72b1a600f57654aab9653c36"),
    until=date(2026, 2, 28),
    note="Replaced by the 2025 revision from 2026-03-01.",
)
ARBITRATION = Law(
    "arbitration",
    "中华人民共和国仲裁法",
    "仲裁法",
    "2025年9月12日第十四届全国人大常委会第十七次会议修订（8章96条）",
    date(2026, 3, 1),
    _cl("诉讼与非诉讼程序法/仲裁法(2025-09-12).md", "08eb6c2ab240f20873caa2f555a2a232ae16513c")
    + " (from 国家法律法规数据库 flk.npc.gov.cn)",
    note="Effective date from the law's own art. 96. Earlier secondary sources for arts. 27 and 72 "
    "(shichenglawfirm.com, dtlawyers.com.cn) agree with the full text.",
)
CONSUMER_PROTECTION = Law(
    "consumer-protection",
    "中华人民共和国消费者权益保护法",
    "消费者权益保护法",
    "2013年10月25日第二次修正",
    date(2014, 3, 15),
    _lrb("民法商法/消费者权益保护法(2013-10-25).md", "ad3fc7a710153f0a72b1a600f57654aab9653c36"),
    note="Effective date of the 2013 amendment from the amending decision (not part of the file read).",
)
CONSUMER_PROTECTION_REGULATION = Law(
    "consumer-protection-regulation",
    "中华人民共和国消费者权益保护法实施条例",
    "消费者权益保护法实施条例",
    "2024年3月15日国务院令第778号公布",
    date(2024, 7, 1),
    _cl("行政法规/消费者权益保护法实施条例(2024-03-15).md", "2c4bb614c9e07aad1072b93426033840661e104c")
    + " (from 国家法律法规数据库 flk.npc.gov.cn); arts. 1–7 and the 国务院令 also read at "
    "gwgpac.org/page200?article_id=2393 (reprinted from 中国政府网)",
    note="Effective date from the 条例's own art. 53.",
)
COMPLAINT_MEASURES_2019 = Law(
    "complaint-measures-2019",
    "市场监督管理投诉举报处理暂行办法",
    "投诉举报处理暂行办法",
    "2019年11月30日国家市场监督管理总局令第20号公布，2022年3月24日修改",
    date(2020, 1, 1),
    _lrb(
        "部门规章/市场监督管理总局/市场监督管理投诉举报处理暂行办法(2022-03-24).md",
        "3d51d1b59da51eb4beed0a7546135961581b9978",
    )
    + "; same text in "
    + _cl(
        "部门规章/市场监督管理总局/市场监督管理投诉举报处理暂行办法(2022-03-24).md",
        "2c4bb614c9e07aad1072b93426033840661e104c",
    ),
    until=date(2026, 4, 14),
    note="Effective date is the 办法's own (art. 40); the 2022 amending decision's start date was not read. "
    "Repealed by 总局令第121号 (市场监督管理投诉举报处理办法, art. 46) from 2026-04-15.",
    replaced_by="complaint-measures",
)
COMPLAINT_MEASURES = Law(
    "complaint-measures",
    "市场监督管理投诉举报处理办法",
    "投诉举报处理办法",
    "2025年12月30日国家市场监督管理总局令第121号公布",
    date(2026, 4, 15),
    _cl(
        "部门规章/市场监督管理总局/市场监督管理投诉举报处理办法(2025-12-30).md",
        "2c4bb614c9e07aad1072b93426033840661e104c",
    )
    + " (from 市场监管法律法规规章数据库 sjfg.samr.gov.cn; official page "
    "samr.gov.cn/zw/zfxxgk/fdzdgknr/fgs/art/2026/art_e4d03a20c0fd49769e408c7bf3791ff5.html not stored)",
    note="Effective date from the 办法's own art. 46, which repeals the 2019 暂行办法 (总局令第20号). "
    "Renumbered throughout: the 暂行办法's arts. 9, 10, 14, 15, 20, 21 are now arts. 10, 11, 15, 16, 22, 23; "
    "mediation now ends after 60 days (was 45 working days).",
)
EXPRESS_REGULATION_2019 = Law(
    "express-regulation-2019",
    "快递暂行条例",
    "快递暂行条例",
    "2018年3月2日国务院令第697号公布，2019年3月2日修订",
    date(2019, 3, 2),
    _lrb("行政法规/快递暂行条例.md", "3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0")
    + "; same article text in 行政法规/快递暂行条例(2019-03-02).md @ 6ef77b0a407dfcb4285dc149af0a159b09e28aa7",
    until=date(2025, 5, 31),
    note="The 条例 took effect 2018-05-01; the date here is the 2019 revision's. Replaced by the text as amended "
    "on 2025-04-13, in force from 2025-06-01.",
)
EXPRESS_REGULATION = Law(
    "express-regulation",
    "快递暂行条例",
    "快递暂行条例",
    "2018年3月2日国务院令第697号公布，2019年3月2日第一次修订，2025年4月13日《国务院关于修改〈快递暂行条例〉的决定》"
    "第二次修订",
    date(2025, 6, 1),
    _cl("行政法规/快递暂行条例(2025-04-13).md", "08eb6c2ab240f20873caa2f555a2a232ae16513c")
    + "; the amending decision: "
    + _cl("行政法规/国务院关于修改《快递暂行条例》的决定(2025-04-13).md", "89a557d2a4c29b0680454b13e3c81ff93006972c")
    + " (both from 国家法律法规数据库 flk.npc.gov.cn)",
    note="Effective date from the amending decision (本决定自2025年6月1日起施行). The decision inserts a new art. 3 "
    "and a chapter on packaging (arts. 37–45): arts. 3–35 of the 2019 text are now arts. 4–36, with their words "
    "unchanged for the articles cited here.",
)
POSTAL_LAW = Law(
    "postal-law",
    "中华人民共和国邮政法",
    "邮政法",
    "2015年4月24日修正",
    date(2009, 10, 1),
    _lrb("经济法/邮政法.md", "3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0"),
    note="Effective date is the law's own (art. 87); the version line was not re-read in this file.",
)
EXPRESS_MARKET_MEASURES = Law(
    "express-market-measures",
    "快递市场管理办法",
    "快递市场管理办法",
    "交通运输部令2023年第22号，2023年12月17日公布",
    date(2024, 3, 1),
    "github.com/niuyongtaigr-oss/express-sop-qa data/corpus/快递市场管理办法.txt @ "
    "baa6aa864564b54823f8f124bafa1b88da4d5f4a (official: xxgk.mot.gov.cn/jigou/fgs/202401/t20240104_3980683.html)",
)
POSTAL_COMPLAINT_MEASURES = Law(
    "postal-complaint-measures",
    "邮政业消费者申诉处理办法",
    "邮政业消费者申诉处理办法",
    "国家邮政局2014年8月27日印发",
    date(2014, 8, 27),
    "secondary: jining.gov.cn/art/2022/2/17/art_74351_2750799.html (济宁市政府, 信息来源：邮政管理局, quotes art. 9 in "
    "full); same words at sccoj.com/zhishibaike/41729.html; version and date from "
    "yaan.gov.cn/gongkai/show/20151228144515-755237-00-000.html",
    until=date(2020, 9, 30),
    note="The full text was not found; the effective date is the issuing date reported (a 解读 at "
    "360docs.net/doc/693929077.html says it took effect on 9月1日). Only art. 9 was read. Replaced from 2020-10-01 "
    "by the 邮政业用户申诉处理办法 (secondary: m.yzwku.com/doc/1653644.html); the 2022 济宁 page still quoted it.",
    replaced_by="postal-user-appeal-measures",
)
POSTAL_USER_APPEAL_MEASURES = Law(
    "postal-user-appeal-measures",
    "邮政业用户申诉处理办法",
    "邮政业用户申诉处理办法",
    "国家邮政局发布（行政规范性文件，27条，取代2014年《邮政业消费者申诉处理办法》）",
    date(2020, 10, 1),
    "secondary: m.yzwku.com/doc/1653644.html (《邮政业用户申诉处理办法》解读: 国家邮政局发布, 自2020年10月1日起施行, "
    "renamed from 邮政业消费者申诉处理办法, 37 articles reduced to 27)",
    note="The text itself was not found in any stored source: no article of it is in the table, and its number "
    "and date of issue were not read. Searched again on 2026-12-01 (its 申诉条件, 一年内, 国邮发〔2020〕): only a "
    "Korean machine translation of arts. 6, 8 and 9 items 1–4 (tlprw.com/EnterpriseInformationInquiry/vlu4x2zr8k"
    ".html), cut off there, with no time limit among the items shown. The 12305 year stays on the 2014 art. 9(6) "
    "and says so where it is shown (casefile.core.workflow.clocks.replaced_basis).",
)
PHONE_3BAO = Law(
    "phone-3bao",
    "移动电话机商品修理更换退货责任规定",
    "移动电话机商品修理更换退货责任规定",
    "2001年9月17日公布",
    date(2001, 11, 15),
    _cl(
        "部门规章/市场监督管理总局/移动电话机商品修理更换退货责任规定(2001-09-17).md",
        "08eb6c2ab240f20873caa2f555a2a232ae16513c",
    )
    + " (from 市场监管法律法规规章数据库 sjfg.samr.gov.cn, marked 现行有效)",
    note="Effective date from its own art. 31. Issued jointly by 国家质检总局、国家工商总局、信息产业部 "
    "(secondary: xzjunlong.cn/tousu/law/151219.html, 第四号令); no later version or replacement was found. "
    "Checked again on 2026-11-30: the mirror's later commit 89a557d2a4c29b0680454b13e3c81ff93006972c holds the same "
    "text, still marked 现行有效, and no replacement is in its 市场监督管理总局 rules. The stored text has the "
    "title of 附录3 (移动电话机商品性能故障表, 注：网络因素造成的故障除外) but not the table: the packets name the "
    "table, never say a fault is in it.",
)
GOODS_3BAO = Law(
    "goods-3bao",
    "部分商品修理更换退货责任规定",
    "部分商品修理更换退货责任规定",
    "1995年发布",
    date(1995, 8, 25),
    "secondary: uianet.net/dictionary/b2535463.html (arts. 9 and 10 verbatim); effective date from "
    "sdjlnm.com/changshi/434056.html (从1995年8月25日起实施)",
    note="The full text was not found in any stored source; both sources are legal Q&A pages. Whether it has been "
    "revised or replaced was not established: no replacement was found.",
)
CAR_3BAO = Law(
    "car-3bao",
    "家用汽车产品修理更换退货责任规定",
    "家用汽车产品修理更换退货责任规定",
    "2021年7月22日国家市场监督管理总局令第43号公布",
    date(2022, 1, 1),
    _lrb(
        "部门规章/市场监督管理总局/家用汽车产品修理更换退货责任规定(2021-07-22).md",
        "3d51d1b59da51eb4beed0a7546135961581b9978",
    ),
    note="Effective date from its own art. 42.",
)
CIVIL_CODE = Law(
    "civil-code",
    "中华人民共和国民法典",
    "民法典",
    "2020年5月28日第十三届全国人民代表大会第三次会议通过",
    date(2021, 1, 1),
    _lrb("民法商法/民法典.md", "3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0"),
)
LIMITATION_RULES = Law(
    "limitation-rules",
    "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定",
    "诉讼时效规定",
    "2008年8月11日最高人民法院审判委员会第1450次会议通过，2020年12月23日最高人民法院审判委员会第1823次会议修正",
    date(2021, 1, 1),
    _lrb(
        "司法解释/最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定(2020-12-29).md",
        "abe3daaa448d225a37606118eaa4796d05b2c01c",
    ),
    note="The file gives the two meetings, not the day the revision took effect: 2021-01-01 is the day the SPC's "
    "decision revising 27 civil interpretations together (法释〔2020〕17号) took effect, as generally reported; that "
    "decision was not read. Checked on 2026-12-01: no later revision was found.",
)
PERSONAL_INFORMATION = Law(
    "personal-information",
    "中华人民共和国个人信息保护法",
    "个人信息保护法",
    "2021年8月20日第十三届全国人大常委会第三十次会议通过",
    date(2021, 11, 1),
    _lrb("行政法/个人信息保护法(2021-08-20).md", "ad3fc7a710153f0a72b1a600f57654aab9653c36"),
)

E_COMMERCE = Law(
    "e-commerce",
    "中华人民共和国电子商务法",
    "电子商务法",
    "2018年8月31日第十三届全国人民代表大会常务委员会第五次会议通过",
    date(2019, 1, 1),
    _cl("经济法/电子商务法(2018-08-31).md", "08eb6c2ab240f20873caa2f555a2a232ae16513c"),
    note="Effective date from the law's own art. 89.",
)

HOLIDAYS = Law(
    "holidays",
    "全国年节及纪念日放假办法",
    "全国年节及纪念日放假办法",
    "1949年12月23日政务院发布，2024年11月10日《国务院关于修改〈全国年节及纪念日放假办法〉的决定》（国务院令第795号）"
    "第四次修订",
    date(2025, 1, 1),
    _cl("行政法规/全国年节及纪念日放假办法(2024-11-10).md", "3a31ab4838460e842e4aca89c072a359b9df7137"),
    note="Effective date from 国务院令第795号 (本决定自2025年1月1日起施行), read in its reprint at "
    "cj.sina.com.cn/articles/view/1715196611/663bd2c301901axe4, not in the file. Checked on 2026-11-30. The "
    "working-day estimate of a year whose State Council arrangement is not known (casefile.core.workflow.calendar) "
    "rests on arts. 2 and 6.",
)

LAWS: Mapping[str, Law] = MappingProxyType(
    {
        law.key: law
        for law in (
            CIVIL_PROCEDURE,
            CIVIL_PROCEDURE_INTERPRETATION,
            EVIDENCE_RULES,
            ONLINE_LITIGATION_RULES,
            INTERNET_COURT_RULES,
            ARBITRATION_2017,
            ARBITRATION,
            CONSUMER_PROTECTION,
            CONSUMER_PROTECTION_REGULATION,
            COMPLAINT_MEASURES_2019,
            COMPLAINT_MEASURES,
            EXPRESS_REGULATION_2019,
            EXPRESS_REGULATION,
            POSTAL_LAW,
            EXPRESS_MARKET_MEASURES,
            POSTAL_COMPLAINT_MEASURES,
            POSTAL_USER_APPEAL_MEASURES,
            PHONE_3BAO,
            GOODS_3BAO,
            CAR_3BAO,
            CIVIL_CODE,
            LIMITATION_RULES,
            PERSONAL_INFORMATION,
            E_COMMERCE,
            HOLIDAYS,
        )
    }
)

# --------------------------------------------------------------------------- articles

V, S, U = Verification.VERIFIED, Verification.SECONDARY, Verification.UNVERIFIED


def _a(
    law: Law,
    numeral: str,
    number: int,
    quote: str,
    *,
    part: str = "",
    note: str = "",
    verification: Verification = V,
) -> Article:
    return Article(law, number, numeral, quote, note, part, verification)


_ARB_2017_4 = _a(
    ARBITRATION_2017,
    "第四条",
    4,
    "当事人采用仲裁方式解决纠纷，应当双方自愿，达成仲裁协议。没有仲裁协议，一方申请仲裁的，仲裁委员会不予受理。",
    note="Still art. 4 in 2025 (arbitration.no-agreement-not-accepted); 仲裁委员会 → 仲裁机构.",
)
_ARB_2017_16 = _a(
    ARBITRATION_2017,
    "第十六条",
    16,
    "仲裁协议应当具有下列内容：（一）请求仲裁的意思表示；（二）仲裁事项；（三）选定的仲裁委员会。",
    part="第二款",
    note="Now 2025 art. 27 (arbitration.agreement-contents).",
)
_ARB_2017_21 = _a(
    ARBITRATION_2017,
    "第二十一条",
    21,
    "当事人申请仲裁应当符合下列条件：（一）有仲裁协议；（二）有具体的仲裁请求和事实、理由；（三）属于仲裁委员会的受理范围。",
    note="Now 2025 art. 32 (arbitration.application-conditions).",
)
_ARB_2017_22 = _a(
    ARBITRATION_2017,
    "第二十二条",
    22,
    "当事人申请仲裁，应当向仲裁委员会递交仲裁协议、仲裁申请书及副本。",
    note="Now 2025 art. 33 (arbitration.application-submission).",
)
_ARB_2017_23 = _a(
    ARBITRATION_2017,
    "第二十三条",
    23,
    "仲裁申请书应当载明下列事项：（一）当事人的姓名、性别、年龄、职业、工作单位和住所，法人或者其他组织的名称、"
    "住所和法定代表人或者主要负责人的姓名、职务；（二）仲裁请求和所根据的事实、理由；（三）证据和证据来源、证人姓名和住所。",
    note="Now 2025 art. 34 (arbitration.application-contents), which adds 联系方式.",
)
_ARB_2017_58 = _a(
    ARBITRATION_2017,
    "第五十八条",
    58,
    "当事人提出证据证明裁决有下列情形之一的，可以向仲裁委员会所在地的中级人民法院申请撤销裁决",
    part="第一款",
    note="Now 2025 art. 71 (arbitration.set-aside-grounds).",
)
_ARB_2017_59 = _a(
    ARBITRATION_2017,
    "第五十九条",
    59,
    "当事人申请撤销裁决的，应当自收到裁决书之日起六个月内提出。",
    note="Now 2025 art. 72, three months (arbitration.set-aside-time-limit).",
)

_EXPRESS_19 = _a(
    EXPRESS_REGULATION_2019,
    "第十九条",
    19,
    "用户的合法权益因快件延误、丢失、损毁或者内件短少而受到损害的，用户可以要求该商标、字号或者快递运单所属企业赔偿，"
    "也可以要求实际提供快递服务的企业赔偿。",
    part="第三款",
    note="Now art. 20 (express-regulation.claim-against-brand).",
)
_EXPRESS_21 = _a(
    EXPRESS_REGULATION_2019,
    "第二十一条",
    21,
    "经营快递业务的企业在寄件人填写快递运单前，应当提醒其阅读快递服务合同条款、遵守禁止寄递和限制寄递物品的有关规定，"
    "告知相关保价规则和保险服务项目。寄件人交寄贵重物品的，应当事先声明；经营快递业务的企业可以要求寄件人对贵重物品予以保价。",
    note="Now art. 22 (express-regulation.insurance-information).",
)
_EXPRESS_25 = _a(
    EXPRESS_REGULATION_2019,
    "第二十五条",
    25,
    "经营快递业务的企业应当将快件投递到约定的收件地址、收件人或者收件人指定的代收人，并告知收件人或者代收人当面验收。"
    "收件人或者代收人有权当面验收。",
    note="Now art. 26 (express-regulation.inspection-on-delivery).",
)
_EXPRESS_27 = _a(
    EXPRESS_REGULATION_2019,
    "第二十七条",
    27,
    "快件延误、丢失、损毁或者内件短少的，对保价的快件，应当按照经营快递业务的企业与寄件人约定的保价规则确定赔偿责任；"
    "对未保价的快件，依照民事法律的有关规定确定赔偿责任。",
    part="第一款",
    note="Now art. 28 (express-regulation.compensation).",
)
_EXPRESS_28 = _a(
    EXPRESS_REGULATION_2019,
    "第二十八条",
    28,
    "……用户对快递服务质量不满意的，可以向经营快递业务的企业投诉，经营快递业务的企业应当自接到投诉之日起7日内予以处理并告知用户。",
    note="Now art. 29 (express-regulation.complaint-7-days). Only its second sentence is quoted, after ……",
)

_ARTICLES: dict[str, Article] = {
    # ---- 民事诉讼法 (2023)
    "civil-procedure.85": _a(
        CIVIL_PROCEDURE,
        "第八十五条",
        85,
        "期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，"
        "以法定休假日后的第一日为期间届满的日期。期间不包括在途时间，诉讼文书在期满前交邮的，不算过期。",
    ),
    "civil-procedure.62": _a(
        CIVIL_PROCEDURE,
        "第六十二条",
        62,
        "委托他人代为诉讼，必须向人民法院提交由委托人签名或者盖章的授权委托书。授权委托书必须记明委托事项和权限。"
        "诉讼代理人代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉，必须有委托人的特别授权。",
        part="第一款、第二款",
    ),
    "civil-procedure.104": _a(
        CIVIL_PROCEDURE,
        "第一百零四条",
        104,
        "利害关系人因情况紧急，不立即申请保全将会使其合法权益受到难以弥补的损害的，可以在提起诉讼或者申请仲裁前向被保全财产"
        "所在地、被申请人住所地或者对案件有管辖权的人民法院申请采取保全措施。申请人应当提供担保，不提供担保的，裁定驳回申请。",
        part="第一款",
    ),
    "civil-procedure.122": _a(
        CIVIL_PROCEDURE,
        "第一百二十二条",
        122,
        "起诉必须符合下列条件：（一）原告是与本案有直接利害关系的公民、法人和其他组织；（二）有明确的被告；"
        "（三）有具体的诉讼请求和事实、理由；（四）属于人民法院受理民事诉讼的范围和受诉人民法院管辖。",
    ),
    "civil-procedure.123": _a(
        CIVIL_PROCEDURE, "第一百二十三条", 123, "起诉应当向人民法院递交起诉状，并按照被告人数提出副本。"
    ),
    "civil-procedure.124": _a(
        CIVIL_PROCEDURE,
        "第一百二十四条",
        124,
        "起诉状应当记明下列事项：（一）原告的姓名、性别、年龄、民族、职业、工作单位、住所、联系方式，法人或者其他组织的名称、"
        "住所和法定代表人或者主要负责人的姓名、职务、联系方式；（二）被告的姓名、性别、工作单位、住所等信息，法人或者其他组织的"
        "名称、住所等信息；（三）诉讼请求和所根据的事实与理由；（四）证据和证据来源，证人姓名和住所。",
    ),
    "civil-procedure.125": _a(
        CIVIL_PROCEDURE,
        "第一百二十五条",
        125,
        "当事人起诉到人民法院的民事纠纷，适宜调解的，先行调解，但当事人拒绝调解的除外。",
    ),
    "civil-procedure.126": _a(
        CIVIL_PROCEDURE,
        "第一百二十六条",
        126,
        "符合起诉条件的，应当在七日内立案，并通知当事人；不符合起诉条件的，应当在七日内作出裁定书，不予受理；"
        "原告对裁定不服的，可以提起上诉。",
    ),
    "civil-procedure.127": _a(
        CIVIL_PROCEDURE,
        "第一百二十七条",
        127,
        "依照法律规定，双方当事人达成书面仲裁协议申请仲裁、不得向人民法院起诉的，告知原告向仲裁机构申请仲裁",
        part="（二）",
    ),
    "civil-procedure.165": _a(
        CIVIL_PROCEDURE,
        "第一百六十五条",
        165,
        "基层人民法院和它派出的法庭审理事实清楚、权利义务关系明确、争议不大的简单金钱给付民事案件，标的额为各省、自治区、"
        "直辖市上年度就业人员年平均工资百分之五十以下的，适用小额诉讼的程序审理，实行一审终审。",
        part="第一款",
    ),
    "civil-procedure.171": _a(
        CIVIL_PROCEDURE,
        "第一百七十一条",
        171,
        "当事人不服地方人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉。"
        "当事人不服地方人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉。",
    ),
    "civil-procedure.248": _a(
        CIVIL_PROCEDURE,
        "第二百四十八条",
        248,
        "对依法设立的仲裁机构的裁决，一方当事人不履行的，对方当事人可以向有管辖权的人民法院申请执行。受申请的人民法院应当执行。",
        part="第一款",
    ),
    "civil-procedure.250": _a(
        CIVIL_PROCEDURE,
        "第二百五十条",
        250,
        "申请执行的期间为二年。申请执行时效的中止、中断，适用法律有关诉讼时效中止、中断的规定。",
        part="第一款",
    ),
    "civil-procedure.enforcement-start": _a(
        CIVIL_PROCEDURE,
        "第二百五十条",
        250,
        "前款规定的期间，从法律文书规定履行期间的最后一日起计算；法律文书规定分期履行的，从最后一期履行期限届满之日起计算；"
        "法律文书未规定履行期间的，从法律文书生效之日起计算。",
        part="第二款",
    ),
    "civil-procedure.158": _a(
        CIVIL_PROCEDURE,
        "第一百五十八条",
        158,
        "最高人民法院的判决、裁定，以及依法不准上诉或者超过上诉期没有上诉的判决、裁定，是发生法律效力的判决、裁定。",
    ),
    "civil-procedure.182": _a(
        CIVIL_PROCEDURE,
        "第一百八十二条",
        182,
        "第二审人民法院的判决、裁定，是终审的判决、裁定。",
    ),
    # ---- 民诉法解释 (2022)
    "civil-procedure-interpretation.106": _a(
        CIVIL_PROCEDURE_INTERPRETATION,
        "第一百零六条",
        106,
        "对以严重侵害他人合法权益、违反法律禁止性规定或者严重违背公序良俗的方法形成或者获取的证据，不得作为认定案件事实的根据。",
        verification=S,
    ),
    "civil-procedure-interpretation.116": _a(
        CIVIL_PROCEDURE_INTERPRETATION,
        "第一百一十六条",
        116,
        "",
        note="Not read in any stored source: number and wording unverified.",
        verification=U,
    ),
    # ---- 民事证据规定 (2019)
    "evidence-rules.3": _a(
        EVIDENCE_RULES,
        "第三条",
        3,
        "在证据交换、询问、调查过程中，或者在起诉状、答辩状、代理词等书面材料中，当事人明确承认于己不利的事实的，"
        "适用前款规定。",
        part="第二款",
    ),
    "evidence-rules.11": _a(
        EVIDENCE_RULES,
        "第十一条",
        11,
        "当事人向人民法院提供证据，应当提供原件或者原物。如需自己保存证据原件、原物或者提供原件、原物确有困难的，"
        "可以提供经人民法院核对无异的复制件或者复制品。",
    ),
    "evidence-rules.14": _a(
        EVIDENCE_RULES,
        "第十四条",
        14,
        "电子数据包括下列信息、电子文件：（一）网页、博客、微博客等网络平台发布的信息；（二）手机短信、电子邮件、即时通信、"
        "通讯群组等网络应用服务的通信信息；（三）用户注册信息、身份认证信息、电子交易记录、通信记录、登录日志等信息；"
        "（四）文档、图片、音频、视频、数字证书、计算机程序等电子文件；（五）其他以数字化形式存储、处理、传输的能够证明案件事实的信息。",
    ),
    "evidence-rules.15": _a(
        EVIDENCE_RULES,
        "第十五条",
        15,
        "当事人以视听资料作为证据的，应当提供存储该视听资料的原始载体。当事人以电子数据作为证据的，应当提供原件。"
        "电子数据的制作者制作的与原件一致的副本，或者直接来源于电子数据的打印件或其他可以显示、识别的输出介质，视为电子数据的原件。",
    ),
    "evidence-rules.19": _a(
        EVIDENCE_RULES,
        "第十九条",
        19,
        "当事人应当对其提交的证据材料逐一分类编号，对证据材料的来源、证明对象和内容作简要说明，签名盖章，注明提交日期，"
        "并依照对方当事人人数提出副本。",
        part="第一款",
    ),
    "evidence-rules.90": _a(
        EVIDENCE_RULES,
        "第九十条",
        90,
        "下列证据不能单独作为认定案件事实的根据：……（四）存有疑点的视听资料、电子数据；（五）无法与原件、原物核对的复制件、复制品。",
    ),
    "evidence-rules.93": _a(
        EVIDENCE_RULES,
        "第九十三条",
        93,
        "人民法院对于电子数据的真实性，应当结合下列因素综合判断：（一）电子数据的生成、存储、传输所依赖的计算机系统的硬件、"
        "软件环境是否完整、可靠；……（四）电子数据是否被完整地保存、传输、提取，保存、传输、提取的方法是否可靠；"
        "（五）电子数据是否在正常的往来活动中形成和存储；（六）保存、传输、提取电子数据的主体是否适当；……",
    ),
    "evidence-rules.94": _a(
        EVIDENCE_RULES,
        "第九十四条",
        94,
        "电子数据存在下列情形的，人民法院可以确认其真实性，但有足以反驳的相反证据的除外：（一）由当事人提交或者保管的于己不利的"
        "电子数据；（二）由记录和保存电子数据的中立第三方平台提供或者确认的；（三）在正常业务活动中形成的；（四）以档案管理方式保管的；"
        "（五）以当事人约定的方式保存、传输、提取的。电子数据的内容经公证机关公证的，人民法院应当确认其真实性，"
        "但有相反证据足以推翻的除外。",
    ),
    # ---- 在线诉讼规则 (2021)
    "online-litigation-rules.11": _a(
        ONLINE_LITIGATION_RULES,
        "第十一条",
        11,
        "当事人可以通过扫描、翻拍、转录等方式，将线下的诉讼文书材料或者证据材料作电子化处理后上传至诉讼平台。",
        part="第二款",
    ),
    "online-litigation-rules.12": _a(
        ONLINE_LITIGATION_RULES,
        "第十二条",
        12,
        "当事人提交的电子化材料，经人民法院审核通过后，可以直接在诉讼中使用。诉讼中存在下列情形之一的，人民法院应当要求当事人"
        "提供原件、原物：（一）对方当事人认为电子化材料与原件、原物不一致，并提出合理理由和依据的；（二）电子化材料呈现不完整、"
        "内容不清晰、格式不规范的；……",
    ),
    "online-litigation-rules.13": _a(
        ONLINE_LITIGATION_RULES,
        "第十三条",
        13,
        "当事人提交的电子化材料，符合下列情形之一的，人民法院可以认定符合原件、原物形式要求：（一）对方当事人对电子化材料与原件、"
        "原物的一致性未提出异议的；（二）电子化材料形成过程已经过公证机构公证的；……（四）电子化材料已通过在线或者线下方式"
        "与原件、原物比对一致的；……",
    ),
    "online-litigation-rules.16": _a(
        ONLINE_LITIGATION_RULES,
        "第十六条",
        16,
        "当事人作为证据提交的电子数据系通过区块链技术存储，并经技术核验一致的，人民法院可以认定该电子数据上链后未经篡改，"
        "但有相反证据足以推翻的除外。",
    ),
    "online-litigation-rules.17": _a(
        ONLINE_LITIGATION_RULES,
        "第十七条",
        17,
        "当事人对区块链技术存储的电子数据上链后的真实性提出异议，并有合理理由的，人民法院应当结合下列因素作出判断：……",
    ),
    "online-litigation-rules.18": _a(
        ONLINE_LITIGATION_RULES,
        "第十八条",
        18,
        "人民法院根据案件情况，可以要求提交区块链技术存储电子数据的一方当事人，提供证据证明上链存储前数据的真实性，"
        "并结合上链存储前数据的具体来源、生成机制、存储过程、公证机构公证、第三方见证、关联印证数据等情况作出综合判断。",
        part="第二款",
    ),
    "online-litigation-rules.38": _a(
        ONLINE_LITIGATION_RULES,
        "第三十八条",
        38,
        "参与在线诉讼的相关主体应当遵守数据安全和个人信息保护的相关法律法规，履行数据安全和个人信息保护义务。",
    ),
    # ---- 互联网法院规定 (2018)
    "internet-court-rules.11": _a(
        INTERNET_COURT_RULES,
        "第十一条",
        11,
        "当事人提交的电子数据，通过电子签名、可信时间戳、哈希值校验、区块链等证据收集、固定和防篡改的技术手段或者通过电子取证"
        "存证平台认证，能够证明其真实性的，互联网法院应当确认。",
        part="第二款",
    ),
    # ---- 仲裁法: the 2025 revision, in force from 2026-03-01
    "arbitration.no-agreement-not-accepted": _a(
        ARBITRATION,
        "第四条",
        4,
        "当事人选择仲裁方式解决纠纷，应当遵循自愿原则，达成仲裁协议。没有仲裁协议，一方申请仲裁的，仲裁机构不予受理。",
        note="Same number as 2017 art. 4; 仲裁委员会 → 仲裁机构.",
    ),
    "arbitration.court-declines": _a(
        ARBITRATION,
        "第五条",
        5,
        "当事人达成仲裁协议，一方向人民法院提起诉讼的，人民法院不予受理，但仲裁协议无效或者法律另有规定的除外。",
    ),
    "arbitration.agreement-contents": _a(
        ARBITRATION,
        "第二十七条",
        27,
        "仲裁协议应当具有下列内容：（一）请求仲裁的意思表示；（二）仲裁事项；（三）选定的仲裁机构。一方当事人在申请仲裁时主张有"
        "仲裁协议，另一方当事人在首次开庭前不予否认的，经仲裁庭提示并记录，视为当事人之间存在仲裁协议。",
        part="第二款、第三款",
        note="Was 2017 art. 16; 仲裁委员会 → 仲裁机构; new para. 3 (agreement deemed to exist).",
    ),
    "arbitration.application-conditions": _a(
        ARBITRATION,
        "第三十二条",
        32,
        "当事人申请仲裁应当符合下列条件：（一）有仲裁协议；（二）有具体的仲裁请求和事实、理由；（三）属于仲裁机构的受理范围。",
        note="Was 2017 art. 21.",
    ),
    "arbitration.application-submission": _a(
        ARBITRATION,
        "第三十三条",
        33,
        "当事人申请仲裁，应当向仲裁机构递交仲裁协议、仲裁申请书及副本。",
        note="Was 2017 art. 22.",
    ),
    "arbitration.application-contents": _a(
        ARBITRATION,
        "第三十四条",
        34,
        "仲裁申请书应当载明下列事项：（一）当事人的姓名、性别、年龄、职业、工作单位、住所、联系方式，法人或者非法人组织的名称、"
        "住所和法定代表人或者主要负责人的姓名、职务、联系方式；（二）仲裁请求和所根据的事实与理由；（三）证据和证据来源，"
        "证人姓名和住所。",
        note="Was 2017 art. 23; adds 联系方式 for every party.",
    ),
    "arbitration.agent": _a(
        ARBITRATION,
        "第四十条",
        40,
        "当事人、法定代理人可以委托律师和其他代理人进行仲裁活动。委托律师和其他代理人进行仲裁活动的，应当向仲裁机构提交授权委托书。",
        note="Was 2017 art. 29 (仲裁委员会 → 仲裁机构). Only the 授权委托书 is named; a law firm's letter (所函) and "
        "the lawyer's practising certificate are asked for by the commissions' rules, not by the law.",
    ),
    "arbitration.institutions": _a(
        ARBITRATION,
        "第八十九条",
        89,
        "本法所称的仲裁机构包括依法设立的仲裁委员会、仲裁院等机构。",
        note="New in 2025: an institution need not be named 仲裁委员会.",
    ),
    "arbitration.waived-in-court": _a(
        ARBITRATION,
        "第三十七条",
        37,
        "当事人达成仲裁协议，一方向人民法院提起诉讼未声明有仲裁协议，人民法院受理后，另一方在首次开庭前提交仲裁协议的，"
        "人民法院应当驳回起诉，但仲裁协议无效或者法律另有规定的除外；另一方在首次开庭前未对人民法院受理该案提出异议的，"
        "视为放弃仲裁协议，人民法院应当继续审理。",
    ),
    "arbitration.set-aside-grounds": _a(
        ARBITRATION,
        "第七十一条",
        71,
        "当事人提出证据证明裁决有下列情形之一的，可以向仲裁机构所在地的中级人民法院申请撤销裁决",
        part="第一款",
        note="Was 2017 art. 58.",
    ),
    "arbitration.set-aside-time-limit": _a(
        ARBITRATION,
        "第七十二条",
        72,
        "当事人申请撤销裁决的，应当自收到裁决书之日起三个月内提出。",
        note="Was 2017 art. 59 (six months).",
    ),
    "arbitration.award-effective": _a(
        ARBITRATION,
        "第七十条",
        70,
        "裁决书自作出之日起发生法律效力。",
        note="An award binds from the day it is made, not after the time to apply to set it aside (art. 72).",
    ),
    # ---- 仲裁法 2017 (in force 2018-01-01 to 2026-02-28), for old citations and the renumbering table
    "arbitration-2017.4": _ARB_2017_4,
    "arbitration-2017.16": _ARB_2017_16,
    "arbitration-2017.21": _ARB_2017_21,
    "arbitration-2017.22": _ARB_2017_22,
    "arbitration-2017.23": _ARB_2017_23,
    "arbitration-2017.58": _ARB_2017_58,
    "arbitration-2017.59": _ARB_2017_59,
    # ---- 消费者权益保护法 (2013)
    "consumer-protection.23": _a(
        CONSUMER_PROTECTION,
        "第二十三条",
        23,
        "经营者提供的机动车、计算机、电视机、电冰箱、空调器、洗衣机等耐用商品或者装饰装修等服务，消费者自接受商品或者服务之日起"
        "六个月内发现瑕疵，发生争议的，由经营者承担有关瑕疵的举证责任。",
        part="第三款",
    ),
    "consumer-protection.24": _a(
        CONSUMER_PROTECTION,
        "第二十四条",
        24,
        "经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。"
        "没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货，"
        "不符合法定解除合同条件的，可以要求经营者履行更换、修理等义务。",
        part="第一款",
    ),
    "consumer-protection.25": _a(
        CONSUMER_PROTECTION,
        "第二十五条",
        25,
        "经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外："
        "（一）消费者定作的；（二）鲜活易腐的；（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；（四）交付的报纸、期刊。",
        part="第一款",
        note="Para. 3: 消费者退货的商品应当完好。经营者应当自收到退回商品之日起七日内返还消费者支付的商品价款。",
    ),
    "consumer-protection.37": _a(
        CONSUMER_PROTECTION, "第三十七条", 37, "受理消费者的投诉，并对投诉事项进行调查、调解；……", part="第一款（五）"
    ),
    "consumer-protection.39": _a(
        CONSUMER_PROTECTION,
        "第三十九条",
        39,
        "消费者和经营者发生消费者权益争议的，可以通过下列途径解决：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的"
        "其他调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。",
    ),
    "consumer-protection.46": _a(
        CONSUMER_PROTECTION,
        "第四十六条",
        46,
        "消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者。",
    ),
    "consumer-protection.55": _a(
        CONSUMER_PROTECTION,
        "第五十五条",
        55,
        "经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为消费者购买商品的价款"
        "或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。法律另有规定的，依照其规定。",
        part="第一款",
    ),
    # ---- 消费者权益保护法实施条例 (2024, in force from 2024-07-01)
    "consumer-protection-regulation.12": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十二条",
        12,
        "经营者以商业宣传、产品推荐、实物展示或者通知、声明、店堂告示等方式提供商品或者服务，对商品或者服务的数量、质量、价格、"
        "售后服务、责任承担等作出承诺的，应当向购买商品或者接受服务的消费者履行其所承诺的内容。",
    ),
    "consumer-protection-regulation.13": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十三条",
        13,
        "经营者通过网络、电视、电话、邮购等方式提供商品或者服务的，应当在其首页、视频画面、语音、商品目录等处以显著方式标明"
        "或者说明其真实名称和标记。由其他经营者实际提供商品或者服务的，还应当向消费者提供该经营者的名称、经营地址、联系方式等信息。",
        part="第二款",
    ),
    "consumer-protection-regulation.14": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十四条",
        14,
        "直播营销平台经营者应当建立健全消费者权益保护制度，明确消费争议解决机制。发生消费争议的，直播营销平台经营者应当根据"
        "消费者的要求提供直播间运营者、直播营销人员相关信息以及相关经营活动记录等必要信息。",
        part="第二款",
        note="The only platform-operator duty in the 条例; other platforms: 消费者权益保护法 art. 44 (not in the "
        "table).",
    ),
    "consumer-protection-regulation.17": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十七条",
        17,
        "经营者使用格式条款的，应当遵守消费者权益保护法第二十六条的规定。经营者不得利用格式条款不合理地免除或者减轻其责任、"
        "加重消费者的责任或者限制消费者依法变更或者解除合同、选择诉讼或者仲裁解决消费争议、选择其他经营者的商品或者服务等权利。",
    ),
    "consumer-protection-regulation.18": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十八条",
        18,
        "经营者与消费者约定承担退货、更换、修理等义务的有效期限不得低于国家有关规定的要求。有效期限自经营者向消费者交付商品"
        "或者提供服务完结之日起计算，需要经营者另行安装的商品，有效期限自商品安装完成之日起计算。经营者向消费者履行更换义务后，"
        "承担更换、修理等义务的有效期限自更换完成之日起重新计算。经营者修理的时间不计入上述有效期限。经营者依照国家有关规定"
        "或者与消费者约定履行退货义务的，应当按照发票等购货凭证或者服务单据上显示的价格一次性退清相关款项。经营者能够证明"
        "消费者实际支付的价格与发票等购货凭证或者服务单据上显示的价格不一致的，按照消费者实际支付的价格退清相关款项。",
    ),
    "consumer-protection-regulation.19": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第十九条",
        19,
        "经营者通过网络、电视、电话、邮购等方式销售商品的，应当遵守消费者权益保护法第二十五条规定，不得擅自扩大不适用无理由"
        "退货的商品范围。经营者应当以显著方式对不适用无理由退货的商品进行标注，提示消费者在购买时进行确认，不得将不适用无理由"
        "退货作为消费者默认同意的选项。未经消费者确认，经营者不得拒绝无理由退货。消费者退货的商品应当完好。消费者基于查验需要"
        "打开商品包装，或者为确认商品的品质和功能进行合理调试而不影响商品原有品质、功能和外观的，经营者应当予以退货。",
        part="第一款至第三款",
        note="Para. 4: 消费者无理由退货应当遵循诚实信用原则，不得利用无理由退货规则损害经营者和其他消费者的合法权益。",
    ),
    "consumer-protection-regulation.44": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第四十四条",
        44,
        "经营者应当建立便捷、高效的投诉处理机制，及时解决消费争议。鼓励和引导经营者建立健全首问负责、先行赔付、"
        "在线争议解决等制度，及时预防和解决消费争议。",
    ),
    "consumer-protection-regulation.46": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第四十六条",
        46,
        "消费者和经营者发生消费争议向市场监督管理部门或者其他有关行政部门投诉的，应当提供真实身份信息，有明确的被投诉人、"
        "具体的投诉请求和事实依据。有关行政部门应当自收到投诉之日起7个工作日内，予以处理并告知消费者。对不符合规定的投诉决定"
        "不予受理的，应当告知消费者不予受理的理由和其他解决争议的途径。有关行政部门受理投诉后，消费者和经营者同意调解的，"
        "有关行政部门应当依据职责及时调解，并在受理之日起60日内调解完毕；调解不成的应当终止调解。调解过程中需要鉴定、检测的，"
        "鉴定、检测时间不计算在60日内。",
        part="第一款至第三款",
    ),
    "consumer-protection-regulation.47": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第四十七条",
        47,
        "因消费争议需要对商品或者服务质量进行鉴定、检测的，消费者和经营者可以协商确定鉴定、检测机构。无法协商一致的，"
        "受理消费者投诉的市场监督管理部门或者其他有关行政部门可以指定鉴定、检测机构。",
        part="第一款",
    ),
    "consumer-protection-regulation.49": _a(
        CONSUMER_PROTECTION_REGULATION,
        "第四十九条",
        49,
        "经营者提供商品或者服务有欺诈行为的，消费者有权根据消费者权益保护法第五十五条第一款的规定要求经营者予以赔偿。但是，"
        "商品或者服务的标签标识、说明书、宣传材料等存在不影响商品或者服务质量且不会对消费者造成误导的瑕疵的除外。",
        part="第一款",
        note="Para. 2: claims obtained by 夹带、掉包、造假、篡改商品生产日期、捏造事实 are not covered by 消法 "
        "art. 55 para. 1.",
    ),
    # ---- 移动电话机商品修理更换退货责任规定 (2001, in force from 2001-11-15): 手机三包
    "phone-3bao.5": _a(
        PHONE_3BAO,
        "第五条",
        5,
        "在三包有效期内，移动电话机商品出现故障，销售者应当根据本规定承担三包责任，不得故意拖延或无理拒绝",
        part="（六）",
    ),
    "phone-3bao.8": _a(
        PHONE_3BAO,
        "第八条",
        8,
        "移动电话机主机三包有效期为一年，附件的三包有效期见附录1《实施三包的移动电话机商品目录》。三包有效期自开具发货票之日起"
        "计算，扣除因修理占用、无零配件待修延误的时间。三包有效期的最后一天为法定休假日的，以休假日的次日为三包有效期的最后一天。",
    ),
    "phone-3bao.10": _a(
        PHONE_3BAO,
        "第十条",
        10,
        "在三包有效期内，移动电话机主机出现质量问题的，由修理者免费修理。修理者应当保证修理后的移动电话机商品能够正常使用30日以上。",
    ),
    "phone-3bao.11": _a(
        PHONE_3BAO,
        "第十一条",
        11,
        "自售出之日起7日内，移动电话机主机出现附录3《移动电话机商品性能故障表》所列性能故障的，消费者可以选择退货、换货或者修理。"
        "消费者要求换货时，销售者应当免费为消费者更换同型号同规格的移动电话机。消费者要求退货时，销售者应当负责免费为消费者退货，"
        "并按发货票价格一次退清货款。",
    ),
    "phone-3bao.12": _a(
        PHONE_3BAO,
        "第十二条",
        12,
        "自售出之日起第8日至第15日内，移动电话机主机出现附录3《移动电话机商品性能故障表》所列性能故障的，消费者可以选择换货"
        "或者修理。消费者要求换货时，销售者应当免费为消费者更换同型号同规格的移动电话机主机。",
    ),
    "phone-3bao.13": _a(
        PHONE_3BAO,
        "第十三条",
        13,
        "在三包有效期内，移动电话机主机出现附录3《移动电话机商品性能故障表》所列性能故障，经两次修理，仍不能正常使用的，"
        "凭三包凭证中修理者提供的修理记录，由销售者负责为消费者免费更换同型号同规格的移动电话机主机。",
    ),
    "phone-3bao.17": _a(
        PHONE_3BAO,
        "第十七条",
        17,
        "因修理者自身原因，使修理时间超过30日未修好的，凭发货票和三包凭证中修理者提供的修理记录由销售者负责免费为消费者"
        "更换同型号同规格的移动电话机主机。",
    ),
    "phone-3bao.21": _a(
        PHONE_3BAO,
        "第二十一条",
        21,
        "换货后，商品三包有效期自换货之日起重新计算。由销售者在发货票背面加盖印章，注明更换日期，并提供新的三包凭证。",
    ),
    "phone-3bao.24": _a(
        PHONE_3BAO,
        "第二十四条",
        24,
        "属下列情况之一的移动电话机商品，不实行三包，但可以实行合理的收费修理：（一）超过三包有效期的；（二）无三包凭证及有效"
        "发货票的，但能够证明该移动电话机商品在三包有效期内的除外；（三）三包凭证上的内容与商品实物标识不符或者涂改的；"
        "（四）未按产品使用说明书要求使用、维护、保养而造成损坏的；（五）非承担三包的修理者拆动造成损坏的；（六）因不可抗力"
        "造成损坏的。",
    ),
    # ---- 部分商品修理更换退货责任规定 (1995): 三包 for the goods in its catalogue (secondary only)
    "goods-3bao.9": _a(
        GOODS_3BAO,
        "第九条",
        9,
        "产品自售出之日起7日内，发生性能故障，消费者可以选择退货、换货或修理。退货时，销售者应当按发票价格一次退清货款，"
        "然后依法向生产者、供货者追偿或者按购销合同办理。",
        note="Quoted by a legal Q&A page (uianet.net); the 规定's own text not read.",
        verification=S,
    ),
    "goods-3bao.10": _a(
        GOODS_3BAO,
        "第十条",
        10,
        "产品自售出之日起15日内，发生性能故障，消费者可选择换货或者修理。换货时，销售者应当免费为消费者调换同型号同规格的产品，"
        "然后依法向生产者、供货者追偿或者按购销合同办理。",
        note="Quoted by a legal Q&A page (uianet.net); the 规定's own text not read.",
        verification=S,
    ),
    # ---- 家用汽车产品修理更换退货责任规定 (2021, in force from 2022-01-01)
    "car-3bao.18": _a(
        CAR_3BAO,
        "第十八条",
        18,
        "家用汽车产品的三包有效期不得低于2年或者行驶里程50,000公里，以先到者为准；包修期不得低于3年或者行驶里程60,000公里，"
        "以先到者为准。三包有效期和包修期自销售者开具购车发票之日起计算；开具购车发票日期与交付家用汽车产品日期不一致的，"
        "自交付之日起计算。",
    ),
    "car-3bao.22": _a(
        CAR_3BAO,
        "第二十二条",
        22,
        "家用汽车产品自三包有效期起算之日起7日内，因质量问题需要更换发动机、变速器、动力蓄电池、行驶驱动电机或者其主要零部件的，"
        "消费者可以凭购车发票、三包凭证选择更换家用汽车产品或者退货。销售者应当免费更换或者退货。",
    ),
    "car-3bao.23": _a(
        CAR_3BAO,
        "第二十三条",
        23,
        "家用汽车产品自三包有效期起算之日起60日内或者行驶里程3000公里之内（以先到者为准），因质量问题出现转向系统失效、"
        "制动系统失效、车身开裂、燃油泄漏或者动力蓄电池起火的，消费者可以凭购车发票、三包凭证选择更换家用汽车产品或者退货。"
        "销售者应当免费更换或者退货。",
    ),
    "car-3bao.28": _a(
        CAR_3BAO,
        "第二十八条",
        28,
        "三包有效期内销售者收到消费者提出的更换家用汽车产品或者退货要求的，应当自收到相关要求之日起10个工作日内向消费者"
        "作出答复。不符合更换或者退货条件的，应当在答复中说明理由。",
        part="第一款",
    ),
    # ---- 市场监督管理投诉举报处理办法 (总局令第121号, in force from 2026-04-15; see COMPLAINT_MEASURES.note)
    "complaint-measures.materials": _a(
        COMPLAINT_MEASURES,
        "第十条",
        10,
        "投诉人应当提供下列材料，并对所提供材料内容的真实性负责：（一）投诉人的姓名、电话号码、通讯地址等真实身份信息；"
        "（二）被投诉人的名称（姓名）、地址；（三）具体的投诉请求以及相应的消费者权益争议事实依据。",
        part="第一款",
        note="Was 暂行办法 art. 9; now 真实身份信息 and 事实依据, and the complainant answers for the truth of the "
        "materials.",
    ),
    "complaint-measures.agent": _a(
        COMPLAINT_MEASURES,
        "第十一条",
        11,
        "委托他人代为投诉的，除提供本办法第十条第一款规定的材料外，还应当提供授权委托书原件以及受托人身份证明。"
        "授权委托书应当载明委托事项、权限和期限，由委托人签名。",
        note="Was 暂行办法 art. 10.",
    ),
    "complaint-measures.acceptance-7-days": _a(
        COMPLAINT_MEASURES,
        "第十五条",
        15,
        "具有本办法规定的处理权限的市场监督管理部门，应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人。"
        "对投诉作出不予受理决定的，还应当告知投诉人不予受理的理由和《中华人民共和国消费者权益保护法》第三十九条规定的其他解决"
        "消费者权益争议的途径。",
        note="Was 暂行办法 art. 14; a refusal now gives its reasons and the other routes.",
    ),
    "complaint-measures.not-accepted": _a(
        COMPLAINT_MEASURES,
        "第十六条",
        16,
        "投诉有下列情形之一的，市场监督管理部门不予受理：……（二）法院、仲裁机构、市场监督管理部门或者其他行政机关、"
        "消费者协会已经受理或者处理过同一消费者权益争议的；（三）不是为生活消费需要购买、使用商品或者接受服务，或者不能证明"
        "与被投诉人之间存在消费者权益争议的；（四）除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起"
        "超过三年的；（五）未提供本办法第十条第一款、第十一条规定的材料，或者提供虚假材料的；（六）冒用他人名义或者拒不配合"
        "市场监督管理部门核验真实身份信息的；……",
        note="Was 暂行办法 art. 15; (二) no longer names other mediation organisations; (五) adds false materials; "
        "(六) is new.",
    ),
    "complaint-measures.testing": _a(
        COMPLAINT_MEASURES,
        "第二十二条",
        22,
        "因消费者权益争议需要对商品或者服务质量进行鉴定、检测的，投诉人和被投诉人可以协商确定具备相应条件的鉴定、检测机构。"
        "对鉴定、检测机构无法协商一致的，受理投诉的市场监督管理部门可以指定鉴定、检测机构。……鉴定、检测所需时间不计算在"
        "调解期限内。",
        note="Was 暂行办法 art. 20; the department may now designate the testing body.",
    ),
    "complaint-measures.mediation-ends": _a(
        COMPLAINT_MEASURES,
        "第二十三条",
        23,
        "有下列情形之一的，终止调解：……（五）自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议的；……"
        "市场监督管理部门终止调解的，应当自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人。",
        note="Was 暂行办法 art. 21, where the limit was 45 working days.",
    ),
    "complaint-measures.after-mediation": _a(
        COMPLAINT_MEASURES,
        "第二十五条",
        25,
        "投诉人、被投诉人对市场监督管理部门作出的终止调解决定、调解结果不服的，可以按照《中华人民共和国消费者权益保护法》"
        "第三十九条规定，通过民事诉讼、仲裁等其他途径解决消费者权益争议。",
    ),
    "complaint-measures.periods": _a(
        COMPLAINT_MEASURES,
        "第四十五条",
        45,
        "按照年、月、日计算期间的，开始的当日不计入，自下一工作日或者自然日开始计算。期间届满的最后一日是法定节假日的，"
        "以法定节假日后的第一日为期间届满的日期。",
    ),
    # ---- 市场监督管理投诉举报处理暂行办法 (2019, amended 2022; in force 2020-01-01 to 2026-04-14)
    "complaint-measures-2019.9": _a(
        COMPLAINT_MEASURES_2019,
        "第九条",
        9,
        "投诉应当提供下列材料：（一）投诉人的姓名、电话号码、通讯地址；（二）被投诉人的名称（姓名）、地址；"
        "（三）具体的投诉请求以及消费者权益争议事实。",
        part="第一款",
    ),
    "complaint-measures-2019.10": _a(
        COMPLAINT_MEASURES_2019,
        "第十条",
        10,
        "委托他人代为投诉的，除提供本办法第九条第一款规定的材料外，还应当提供授权委托书原件以及受托人身份证明。"
        "授权委托书应当载明委托事项、权限和期限，由委托人签名。",
    ),
    "complaint-measures-2019.14": _a(
        COMPLAINT_MEASURES_2019,
        "第十四条",
        14,
        "具有本办法规定的处理权限的市场监督管理部门，应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人。",
    ),
    "complaint-measures-2019.15": _a(
        COMPLAINT_MEASURES_2019,
        "第十五条",
        15,
        "投诉有下列情形之一的，市场监督管理部门不予受理：……（二）法院、仲裁机构、市场监督管理部门或者其他行政机关、"
        "消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议的；（三）不是为生活消费需要购买、使用商品"
        "或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的；（四）除法律另有规定外，投诉人知道或者应当知道自己的权益"
        "受到被投诉人侵害之日起超过三年的；（五）未提供本办法第九条第一款和第十条规定的材料的；……",
    ),
    "complaint-measures-2019.20": _a(
        COMPLAINT_MEASURES_2019,
        "第二十条",
        20,
        "需要进行检定、检验、检测、鉴定的，由投诉人和被投诉人协商一致，共同委托具备相应条件的技术机构承担。……"
        "检定、检验、检测、鉴定所需时间不计算在调解期限内。",
    ),
    "complaint-measures-2019.21": _a(
        COMPLAINT_MEASURES_2019,
        "第二十一条",
        21,
        "有下列情形之一的，终止调解：……（五）自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的；……"
        "终止调解的，市场监督管理部门应当自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人。",
    ),
    # ---- 快递暂行条例 as amended in 2025 (in force from 2025-06-01; see EXPRESS_REGULATION.note)
    "express-regulation.claim-against-brand": _a(
        EXPRESS_REGULATION,
        "第二十条",
        20,
        "用户的合法权益因快件延误、丢失、损毁或者内件短少而受到损害的，用户可以要求该商标、字号或者快递运单所属企业赔偿，"
        "也可以要求实际提供快递服务的企业赔偿。",
        part="第三款",
        note="Was art. 19 para. 3 (2019 text).",
    ),
    "express-regulation.insurance-information": _a(
        EXPRESS_REGULATION,
        "第二十二条",
        22,
        "经营快递业务的企业在寄件人填写快递运单前，应当提醒其阅读快递服务合同条款、遵守禁止寄递和限制寄递物品的有关规定，"
        "告知相关保价规则和保险服务项目。寄件人交寄贵重物品的，应当事先声明；经营快递业务的企业可以要求寄件人对贵重物品予以保价。",
        note="Was art. 21 (2019 text).",
    ),
    "express-regulation.inspection-on-delivery": _a(
        EXPRESS_REGULATION,
        "第二十六条",
        26,
        "经营快递业务的企业应当将快件投递到约定的收件地址、收件人或者收件人指定的代收人，并告知收件人或者代收人当面验收。"
        "收件人或者代收人有权当面验收。",
        note="Was art. 25 (2019 text).",
    ),
    "express-regulation.compensation": _a(
        EXPRESS_REGULATION,
        "第二十八条",
        28,
        "快件延误、丢失、损毁或者内件短少的，对保价的快件，应当按照经营快递业务的企业与寄件人约定的保价规则确定赔偿责任；"
        "对未保价的快件，依照民事法律的有关规定确定赔偿责任。",
        part="第一款",
        note="Was art. 27 para. 1 (2019 text).",
    ),
    "express-regulation.complaint-7-days": _a(
        EXPRESS_REGULATION,
        "第二十九条",
        29,
        "……用户对快递服务质量不满意的，可以向经营快递业务的企业投诉，经营快递业务的企业应当自接到投诉之日起7日内予以处理并"
        "告知用户。",
        note="Was art. 28 (2019 text). Its one paragraph opens on the carrier's duty to track parcels and be "
        "reachable; only the second sentence is quoted, after ……",
    ),
    # ---- 快递暂行条例, 2019 text (in force 2019-03-02 to 2025-05-31), for old citations and the renumbering table
    "express-regulation-2019.19": _EXPRESS_19,
    "express-regulation-2019.21": _EXPRESS_21,
    "express-regulation-2019.25": _EXPRESS_25,
    "express-regulation-2019.27": _EXPRESS_27,
    "express-regulation-2019.28": _EXPRESS_28,
    # ---- 邮政法
    "postal-law.45": _a(
        POSTAL_LAW,
        "第四十五条",
        45,
        "邮政普遍服务业务范围内的邮件和汇款的损失赔偿，适用本章规定。邮政普遍服务业务范围以外的邮件的损失赔偿，"
        "适用有关民事法律的规定。邮件的损失，是指邮件丢失、损毁或者内件短少。",
    ),
    "postal-law.47": _a(
        POSTAL_LAW,
        "第四十七条",
        47,
        "（一）保价的给据邮件丢失或者全部损毁的，按照保价额赔偿；部分损毁或者内件短少的，按照保价额与邮件全部价值的比例对邮件的"
        "实际损失予以赔偿。（二）未保价的给据邮件丢失、损毁或者内件短少的，按照实际损失赔偿，但最高赔偿额不超过所收取资费的三倍；"
        "挂号信件丢失、损毁的，按照所收取资费的三倍予以赔偿。",
        part="第一款",
        note="Applies to postal 给据邮件 only; art. 59 extends to 快件 only art. 45 para. 2.",
    ),
    "postal-law.59": _a(
        POSTAL_LAW,
        "第五十九条",
        59,
        "第四十五条第二款关于邮件的损失赔偿的规定，适用于快件的损失赔偿。",
    ),
    "postal-law.65": _a(
        POSTAL_LAW,
        "第六十五条",
        65,
        "邮政企业和快递企业应当及时、妥善处理用户对服务质量提出的异议。用户对处理结果不满意的，可以向邮政管理部门申诉，"
        "邮政管理部门应当及时依法处理，并自接到申诉之日起三十日内作出答复。",
    ),
    # ---- 邮政业消费者申诉处理办法 (2014): 12305
    "postal-complaint-measures.9": _a(
        POSTAL_COMPLAINT_MEASURES,
        "第九条",
        9,
        "消费者申诉应当符合下列条件：（1）申诉事项属于本办法第八条规定的消费者申诉受理范围；（2）申诉人是与申诉事件有直接利害关系的"
        "当事人（寄件人或者收件人以及寄件人、收件人的委托人）；（3）有明确的被申诉人和具体的事实根据；（4）申诉事项向邮政企业、"
        "快递企业投诉后7日内未得到答复或者对企业处理和答复不满意，或者邮政企业、快递企业投诉渠道不畅通，投诉无人受理；（5）未就"
        "同一事项向邮政管理部门进行过申诉，或者已申诉过的事项有新增内容；（6）申诉事项发生于与邮政企业、快递企业产生服务争议或者"
        "交寄邮件、快件之日起1年之内；（7）申诉事项未经人民法院、仲裁机构受理或者处理。",
        note="Quoted by a municipal government page citing the postal administration; the 办法's own text not read.",
        verification=S,
    ),
    # ---- 快递市场管理办法 (2023, in force 2024-03-01)
    "express-market-measures.21": _a(
        EXPRESS_MARKET_MEASURES,
        "第二十一条",
        21,
        "出售、泄露或者非法提供快递服务过程中知悉的用户信息",
        part="（三）",
    ),
    "express-market-measures.22": _a(
        EXPRESS_MARKET_MEASURES,
        "第二十二条",
        22,
        "经营快递业务的企业应当按照法律、行政法规的规定，在门户网站、营业场所公示或者以其他明显方式向社会公布其服务种类、服务地域、"
        "服务时限、营业时间、资费标准、快件查询、损失赔偿、投诉处理等服务事项。",
        part="第一款",
    ),
    "express-market-measures.26": _a(
        EXPRESS_MARKET_MEASURES,
        "第二十六条",
        26,
        "提醒寄件人在提供快递运单信息前，认真阅读快递服务合同条款、遵守禁止寄递和限制寄递物品的有关规定，告知相关保价规则和保险服务项目",
        part="（二）",
    ),
    "express-market-measures.27": _a(
        EXPRESS_MARKET_MEASURES,
        "第二十七条",
        27,
        "经营快递业务的企业投递快件，应当告知收件人有权当面验收快件，查看内件物品与快递运单记载是否一致。"
        "快递包装出现明显破损或者内件物品为易碎品的，应当告知收件人可以查看内件物品或者拒收快件。",
        part="第一款",
    ),
    "express-market-measures.28": _a(
        EXPRESS_MARKET_MEASURES,
        "第二十八条",
        28,
        "收件人可以签字或者其他易于辨认、保存的明示方式确认收到快件，也可指定代收人验收快件和确认收到快件。……"
        "经营快递业务的企业未经用户同意，不得代为确认收到快件，不得擅自将快件投递到智能快件箱、快递服务站等快递末端服务设施。",
    ),
    "express-market-measures.30": _a(
        EXPRESS_MARKET_MEASURES,
        "第三十条",
        30,
        "用户对投诉处理结果不满意或者投诉没有得到及时处理的，可以提出快递服务质量申诉。"
        "邮政管理部门对用户提出的快递服务质量申诉实施调解。",
        part="第二款、第三款",
    ),
    "express-market-measures.36": _a(
        EXPRESS_MARKET_MEASURES,
        "第三十六条",
        36,
        "经营快递业务的企业应当建立快递运单（含电子运单）制作、使用、保管、销毁等管理制度和操作规程，"
        "采取加密、去标识化等安全技术措施保护快递运单信息安全。",
        part="第一款",
    ),
    # ---- 民法典
    "civil-code.188": _a(
        CIVIL_CODE,
        "第一百八十八条",
        188,
        "向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。"
        "诉讼时效期间自权利人知道或者应当知道权利受到损害以及义务人之日起计算。",
    ),
    "civil-code.192": _a(
        CIVIL_CODE,
        "第一百九十二条",
        192,
        "诉讼时效期间届满后，义务人同意履行的，不得以诉讼时效期间届满为由抗辩；义务人已经自愿履行的，不得请求返还。",
        part="第二款",
    ),
    "civil-code.195": _a(
        CIVIL_CODE,
        "第一百九十五条",
        195,
        "有下列情形之一的，诉讼时效中断，从中断、有关程序终结时起，诉讼时效期间重新计算：（一）权利人向义务人提出履行请求；"
        "（二）义务人同意履行义务；（三）权利人提起诉讼或者申请仲裁；（四）与提起诉讼或者申请仲裁具有同等效力的其他情形。",
        note="Read in the source file (第九章 诉讼时效); the four items, one a paragraph there, are joined here.",
    ),
    # ---- 诉讼时效规定 (2020)
    "limitation-rules.19": _a(
        LIMITATION_RULES,
        "第十九条",
        19,
        "诉讼时效期间届满，当事人一方向对方当事人作出同意履行义务的意思表示或者自愿履行义务后，"
        "又以诉讼时效期间届满为由进行抗辩的，人民法院不予支持。",
        part="第一款",
    ),
    "civil-code.201": _a(
        CIVIL_CODE,
        "第二百零一条",
        201,
        "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
        part="第一款",
    ),
    "civil-code.202": _a(
        CIVIL_CODE,
        "第二百零二条",
        202,
        "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。",
        note="Quoted as in a public repository's transcription of 总则编 第十章 (期间计算); arts. 201, 203 and 204 "
        "around it were read in the source file.",
        verification=S,
    ),
    "civil-code.203": _a(
        CIVIL_CODE,
        "第二百零三条",
        203,
        "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。期间的最后一日的截止时间为二十四时；"
        "有业务时间的，停止业务活动的时间为截止时间。",
    ),
    "civil-code.496": _a(
        CIVIL_CODE,
        "第四百九十六条",
        496,
        "提供格式条款的一方未履行提示或者说明义务，致使对方没有注意或者理解与其有重大利害关系的条款的，"
        "对方可以主张该条款不成为合同的内容。",
        part="第二款",
    ),
    "civil-code.497": _a(
        CIVIL_CODE,
        "第四百九十七条",
        497,
        "有下列情形之一的，该格式条款无效：……（二）提供格式条款一方不合理地免除或者减轻其责任、加重对方责任、限制对方主要权利；"
        "（三）提供格式条款一方排除对方主要权利。",
    ),
    "civil-code.563": _a(
        CIVIL_CODE,
        "第五百六十三条",
        563,
        "当事人一方迟延履行债务或者有其他违约行为致使不能实现合同目的；……",
        part="第一款（四）",
    ),
    "civil-code.566": _a(
        CIVIL_CODE,
        "第五百六十六条",
        566,
        "合同解除后，尚未履行的，终止履行；已经履行的，根据履行情况和合同性质，当事人可以请求恢复原状或者采取其他补救措施，"
        "并有权请求赔偿损失。",
        part="第一款",
    ),
    "civil-code.577": _a(
        CIVIL_CODE,
        "第五百七十七条",
        577,
        "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
    ),
    "civil-code.582": _a(
        CIVIL_CODE,
        "第五百八十二条",
        582,
        "履行不符合约定的，应当按照当事人的约定承担违约责任。对违约责任没有约定或者约定不明确，依据本法第五百一十条的规定"
        "仍不能确定的，受损害方根据标的的性质以及损失的大小，可以合理选择请求对方承担修理、重作、更换、退货、减少价款或者报酬等"
        "违约责任。",
    ),
    "civil-code.583": _a(
        CIVIL_CODE,
        "第五百八十三条",
        583,
        "当事人一方不履行合同义务或者履行合同义务不符合约定的，在履行义务或者采取补救措施后，对方还有其他损失的，应当赔偿损失。",
    ),
    "civil-code.584": _a(
        CIVIL_CODE,
        "第五百八十四条",
        584,
        "当事人一方不履行合同义务或者履行合同义务不符合约定，造成对方损失的，损失赔偿额应当相当于因违约所造成的损失，"
        "包括合同履行后可以获得的利益；但是，不得超过违约一方订立合同时预见到或者应当预见到的因违约可能造成的损失。",
    ),
    "civil-code.610": _a(
        CIVIL_CODE,
        "第六百一十条",
        610,
        "因标的物不符合质量要求，致使不能实现合同目的的，买受人可以拒绝接受标的物或者解除合同。买受人拒绝接受标的物或者解除"
        "合同的，标的物毁损、灭失的风险由出卖人承担。",
    ),
    "civil-code.617": _a(
        CIVIL_CODE,
        "第六百一十七条",
        617,
        "出卖人交付的标的物不符合质量要求的，买受人可以依据本法第五百八十二条至第五百八十四条的规定请求承担违约责任。",
    ),
    "civil-code.831": _a(
        CIVIL_CODE,
        "第八百三十一条",
        831,
        "收货人提货时应当按照约定的期限检验货物。……收货人在约定的期限或者合理期限内对货物的数量、毁损等未提出异议的，"
        "视为承运人已经按照运输单证的记载交付的初步证据。",
    ),
    "civil-code.832": _a(
        CIVIL_CODE,
        "第八百三十二条",
        832,
        "承运人对运输过程中货物的毁损、灭失承担赔偿责任。但是，承运人证明货物的毁损、灭失是因不可抗力、货物本身的自然性质或者"
        "合理损耗以及托运人、收货人的过错造成的，不承担赔偿责任。",
    ),
    "civil-code.833": _a(
        CIVIL_CODE,
        "第八百三十三条",
        833,
        "货物的毁损、灭失的赔偿额，当事人有约定的，按照其约定；没有约定或者约定不明确，依据本法第五百一十条的规定仍不能确定的，"
        "按照交付或者应当交付时货物到达地的市场价格计算。法律、行政法规对赔偿额的计算方法和赔偿限额另有规定的，依照其规定。",
    ),
    # ---- 个人信息保护法
    "personal-information.6": _a(
        PERSONAL_INFORMATION,
        "第六条",
        6,
        "处理个人信息应当具有明确、合理的目的，并应当与处理目的直接相关，采取对个人权益影响最小的方式。"
        "收集个人信息，应当限于实现处理目的的最小范围，不得过度收集个人信息。",
    ),
    "personal-information.7": _a(
        PERSONAL_INFORMATION,
        "第七条",
        7,
        "处理个人信息应当遵循公开、透明原则，公开个人信息处理规则，明示处理的目的、方式和范围。",
    ),
    "personal-information.13": _a(
        PERSONAL_INFORMATION,
        "第十三条",
        13,
        "（二）为订立、履行个人作为一方当事人的合同所必需，……（三）为履行法定职责或者法定义务所必需；",
        part="第一款",
    ),
    "personal-information.17": _a(
        PERSONAL_INFORMATION,
        "第十七条",
        17,
        "个人信息处理者在处理个人信息前，应当以显著方式、清晰易懂的语言真实、准确、完整地向个人告知下列事项：（一）个人信息处理者的"
        "名称或者姓名和联系方式；（二）个人信息的处理目的、处理方式，处理的个人信息种类、保存期限；（三）个人行使本法规定权利的方式和程序；"
        "（四）法律、行政法规规定应当告知的其他事项。",
        part="第一款",
    ),
    "personal-information.23": _a(
        PERSONAL_INFORMATION,
        "第二十三条",
        23,
        "个人信息处理者向其他个人信息处理者提供其处理的个人信息的，应当向个人告知接收方的名称或者姓名、联系方式、处理目的、"
        "处理方式和个人信息的种类，并取得个人的单独同意。",
    ),
    "personal-information.25": _a(
        PERSONAL_INFORMATION, "第二十五条", 25, "个人信息处理者不得公开其处理的个人信息，取得个人单独同意的除外。"
    ),
    "personal-information.28": _a(
        PERSONAL_INFORMATION,
        "第二十八条",
        28,
        "敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害或者人身、财产安全受到危害的个人信息，包括生物识别、"
        "宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。",
        part="第一款",
    ),
    "personal-information.51": _a(
        PERSONAL_INFORMATION, "第五十一条", 51, "（三）采取相应的加密、去标识化等安全技术措施；", part="（三）"
    ),
    "personal-information.19": _a(
        PERSONAL_INFORMATION,
        "第十九条",
        19,
        "除法律、行政法规另有规定外，个人信息的保存期限应当为实现处理目的所必要的最短时间。",
    ),
    "personal-information.47": _a(
        PERSONAL_INFORMATION,
        "第四十七条",
        47,
        "法律、行政法规规定的保存期限未届满，或者删除个人信息从技术上难以实现的，"
        "个人信息处理者应当停止除存储和采取必要的安全保护措施之外的处理。",
        part="第二款",
    ),
    "personal-information.73": _a(
        PERSONAL_INFORMATION,
        "第七十三条",
        73,
        "（三）去标识化，是指个人信息经过处理，使其在不借助额外信息的情况下无法识别特定自然人的过程。"
        "（四）匿名化，是指个人信息经过处理无法识别特定自然人且不能复原的过程。",
        part="（三）、（四）",
    ),
    # ---- 电子商务法
    "e-commerce.31": _a(
        E_COMMERCE,
        "第三十一条",
        31,
        "电子商务平台经营者应当记录、保存平台上发布的商品和服务信息、交易信息，并确保信息的完整性、保密性、可用性。"
        "商品和服务信息、交易信息保存时间自交易完成之日起不少于三年；法律、行政法规另有规定的，依照其规定。",
    ),
    # ---- 全国年节及纪念日放假办法 (2024): the rest days a year's working-day estimate takes
    "holidays.2": _a(
        HOLIDAYS,
        "第二条",
        2,
        "全体公民放假的节日：（一）元旦，放假1天（1月1日）；（二）春节，放假4天（农历除夕、正月初一至初三）；（三）清明节，"
        "放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）；（五）端午节，放假1天（农历端午当日）；（六）中秋节，"
        "放假1天（农历中秋当日）；（七）国庆节，放假3天（10月1日至3日）。",
    ),
    "holidays.6": _a(
        HOLIDAYS,
        "第六条",
        6,
        "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。部分公民放假的假日，如果适逢周六、周日，则不补假。",
    ),
}

ARTICLES: Mapping[str, Article] = MappingProxyType(_ARTICLES)

# Articles the code or the spec cites by a number that has changed, and the article now in force.
RENUMBERINGS: tuple[Renumbering, ...] = (
    # 仲裁法: 2017 text → 2025 revision (in force from 2026-03-01)
    Renumbering(
        ARBITRATION_2017,
        16,
        "arbitration.agreement-contents",
        "第十六条 → 第二十七条; 选定的仲裁委员会 → 选定的仲裁机构; "
        "adds a deemed agreement when the other party does not deny one before the first hearing",
    ),
    Renumbering(
        ARBITRATION_2017,
        21,
        "arbitration.application-conditions",
        "第二十一条 → 第三十二条; 仲裁委员会的受理范围 → 仲裁机构的受理范围",
    ),
    Renumbering(
        ARBITRATION_2017, 22, "arbitration.application-submission", "第二十二条 → 第三十三条; 仲裁委员会 → 仲裁机构"
    ),
    Renumbering(
        ARBITRATION_2017,
        23,
        "arbitration.application-contents",
        "第二十三条 → 第三十四条; adds 联系方式 for every party; 其他组织 → 非法人组织",
    ),
    Renumbering(
        ARBITRATION_2017,
        58,
        "arbitration.set-aside-grounds",
        "第五十八条 → 第七十一条; 仲裁委员会所在地 → 仲裁机构所在地",
    ),
    Renumbering(
        ARBITRATION_2017,
        59,
        "arbitration.set-aside-time-limit",
        "第五十九条 → 第七十二条; six months → three months from receipt of the award",
    ),
    # 快递暂行条例: 2019 text → as amended in 2025 (in force from 2025-06-01); a new art. 3 moves arts. 3–35 by one
    Renumbering(
        EXPRESS_REGULATION_2019, 19, "express-regulation.claim-against-brand", "第十九条 → 第二十条; same words"
    ),
    Renumbering(
        EXPRESS_REGULATION_2019, 21, "express-regulation.insurance-information", "第二十一条 → 第二十二条; same words"
    ),
    Renumbering(
        EXPRESS_REGULATION_2019, 25, "express-regulation.inspection-on-delivery", "第二十五条 → 第二十六条; same words"
    ),
    Renumbering(EXPRESS_REGULATION_2019, 27, "express-regulation.compensation", "第二十七条 → 第二十八条; same words"),
    Renumbering(
        EXPRESS_REGULATION_2019, 28, "express-regulation.complaint-7-days", "第二十八条 → 第二十九条; same words"
    ),
    # 市场监督管理投诉举报处理暂行办法 (2019) → 市场监督管理投诉举报处理办法 (总局令第121号, from 2026-04-15)
    Renumbering(
        COMPLAINT_MEASURES_2019,
        9,
        "complaint-measures.materials",
        "第九条 → 第十条; 真实身份信息, 事实依据, and the complainant answers for the truth of the materials",
    ),
    Renumbering(COMPLAINT_MEASURES_2019, 10, "complaint-measures.agent", "第十条 → 第十一条; same requirements"),
    Renumbering(
        COMPLAINT_MEASURES_2019,
        14,
        "complaint-measures.acceptance-7-days",
        "第十四条 → 第十五条; a refusal must now give its reasons and the other routes (消法 art. 39)",
    ),
    Renumbering(
        COMPLAINT_MEASURES_2019,
        15,
        "complaint-measures.not-accepted",
        "第十五条 → 第十六条; adds false materials and impersonation or refusing identity checks",
    ),
    Renumbering(
        COMPLAINT_MEASURES_2019,
        20,
        "complaint-measures.testing",
        "第二十条 → 第二十二条; the department may designate the testing body",
    ),
    Renumbering(
        COMPLAINT_MEASURES_2019,
        21,
        "complaint-measures.mediation-ends",
        "第二十一条 → 第二十三条; mediation ends after 60 days (was 45 working days)",
    ),
)


# --------------------------------------------------------------------------- lookups


def article(article_id: str) -> Article:
    try:
        return ARTICLES[article_id]
    except KeyError:
        raise KeyError(f"no article {article_id!r} in the law table") from None


def cite(article_id: str, *, short: bool = False, with_part: bool = False) -> str:
    """《中华人民共和国民事诉讼法》第一百二十四条, or with short=True 《民事诉讼法》第一百二十四条."""
    a = article(article_id)
    name = a.law.short_name if short else a.law.name
    return f"《{name}》{a.numeral}{a.part if with_part else ''}"


def cite_many(article_ids: Iterable[str], *, short: bool = False) -> str:
    """Several articles, each law named once: 《人民法院在线诉讼规则》第十六条、第十七条、第十八条."""
    groups: dict[str, list[Article]] = {}
    for article_id in article_ids:
        a = article(article_id)
        groups.setdefault(a.law.key, []).append(a)
    out = []
    for articles in groups.values():
        law = articles[0].law
        name = law.short_name if short else law.name
        out.append(f"《{name}》" + "、".join(a.numeral for a in articles))
    return "，".join(out)


def printable(article_id: str, day: date) -> bool:
    """Whether a document dated day may print the article's number: its version is in force that day and its
    number was read in that version (verified, from secondary material quoting it, or an article of a replaced
    version, which was read in that very text and is "unverified" only against its successor)."""
    a = article(article_id)
    return a.in_force_on(day) and (a.verification is not Verification.UNVERIFIED or a.law.until is not None)


def law_in_force(name: str, day: date) -> Law | None:
    """The version of the law called name (full title) in force on day, if the table holds one."""
    for law in LAWS.values():
        if law.name == name and law.in_force_on(day):
            return law
    return None


def _carried_on_by(law: Law, day: date) -> Law | None:
    """The instrument in force on day that carries on law: a version under the same title, or the instrument that
    replaced it under another title (Law.replaced_by, e.g. 投诉举报处理暂行办法 → 投诉举报处理办法)."""
    seen: set[str] = set()
    while law.key not in seen:
        seen.add(law.key)
        current = law_in_force(law.name, day)
        if current is not None:
            return current
        if not law.replaced_by:
            return None
        law = LAWS[law.replaced_by]
    return None


def cite_on(article_id: str, day: date, *, short: bool = False, with_part: bool = False) -> str:
    """The citation a document dated day prints: the article when printable() on that day, otherwise the law in
    force by name only (《中华人民共和国仲裁法》, or the title that replaced it), never a number from a superseded
    or unread text."""
    if printable(article_id, day):
        return cite(article_id, short=short, with_part=with_part)
    for r in RENUMBERINGS:  # a document dated before a renumbering: the number in force that day
        old_id = f"{r.old_law.key}.{r.old_number}"
        if r.new_id == article_id and old_id in ARTICLES and printable(old_id, day):
            return cite(old_id, short=short, with_part=with_part)
    law = article(article_id).law
    current = _carried_on_by(law, day) or law
    return f"《{current.short_name if short else current.name}》"


def in_force(article_id: str, day: date) -> bool:
    """Whether the version of the law the article was read in is in force on day."""
    return article(article_id).in_force_on(day)


def open_questions(day: date = CHECKED_ON) -> list[str]:
    """Ids whose article is not verified against the text in force on day (for the preflight and the docs)."""
    return sorted(
        article_id
        for article_id, a in ARTICLES.items()
        if a.verification is not Verification.VERIFIED or not a.in_force_on(day)
    )


__all__ = [
    "ARTICLES",
    "CHECKED_ON",
    "LAWS",
    "RENUMBERINGS",
    "Article",
    "Law",
    "Renumbering",
    "Verification",
    "article",
    "article_numeral",
    "chinese_numeral",
    "cite",
    "cite_many",
    "cite_on",
    "in_force",
    "law_in_force",
    "open_questions",
    "printable",
]
