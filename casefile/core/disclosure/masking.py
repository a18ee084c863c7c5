"""Finding personal data in any text, and masking it for a destination (spec §6.2, §6.3).

One normaliser serves every kind of number: full-width digits and letters (NFKC), spaces,
hyphens and dots inside a number, a +86 / 0086 prefix, an ID number ending in x or X. What
is found is a :class:`Span` of the original text (its positions survive the normalising), so
a masker replaces exactly what was written and a redaction editor can draw a box over it.

Kinds found:

- mobile numbers (138-1234-5678, +86 138 1234 5678, １３８１２３４５６７８) → 138****5678
- landlines with their area code (010-12345678, (0755)8765 4321) → 010-****5678
- resident ID numbers, 18 characters with a plausible birth date → 110105********0123
- UnionPay bank cards (62…, 16–19 digits, Luhn-checked) → last 4 digits kept
- e-mail addresses → the local part masked
- street addresses, with or without a province (朝阳区建国路88号院3号楼501) → kept up to the district
- names the caller knows (the parties', their legal representatives', a signer's), and names given after a label
  (收件人：李四) or a role (快递员李四, 经办人王小明) → 张*, the label and the role kept

Who may be seen is decided by :class:`Masker` from the destination's policy and the case's
parties: a number that belongs to a party the destination sees stays as it is; every other
personal datum found (a third party's, or the masked party's) is masked.
"""

from __future__ import annotations

import copy
import dataclasses
import encodings.idna
import enum
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from casefile.core.disclosure.policy import ROLES, Disclosure
from casefile.core.disclosure.report import DisclosureAction, DisclosureReport
from casefile.core.model import Case, Channel, Exhibit, Party, PartyKind, Transcript
from casefile.core.numbering import own_name


class Kind(enum.StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    ID = "id"
    BANK_CARD = "bank-card"
    EMAIL = "email"
    ADDRESS = "address"
    NAME = "name"


KIND_NAMES = {
    Kind.MOBILE: "手机号",
    Kind.LANDLINE: "固定电话",
    Kind.ID: "身份证号",
    Kind.BANK_CARD: "银行卡号",
    Kind.EMAIL: "电子邮箱",
    Kind.ADDRESS: "地址",
    Kind.NAME: "姓名",
}


@dataclass(frozen=True)
class Span:
    start: int  # in the original text
    end: int
    kind: Kind
    value: str  # normalised: digits only for numbers, as written otherwise


# --------------------------------------------------------------------------- normalising


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC text (full-width digits and letters made plain) and, per character, where it came from."""
    if text.isascii():
        return text, list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for match in _MAY_CHANGE.finditer(text):  # the runs between are kept as they are
        i = match.start()
        plain = _nfkc(match.group())
        if plain == match.group():
            continue
        if i > at:
            out.append(text[at:i])
            origin.extend(range(at, i))
        out.append(plain)
        origin.extend([i] * len(plain))
        at = i + 1
    out.append(text[at:])
    origin.extend(range(at, len(text)))
    return "".join(out), origin


_MAY_CHANGE = re.compile("[^\\x00-\\x7f\\u4e00-\\u9fff]")  # NFKC keeps ASCII and the common ideographs


@functools.lru_cache(maxsize=4096)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


_SEP = r"[ \t\-.·]?"  # what people put inside numbers
_MOBILE = re.compile(rf"(?<![\dA-Za-z])(?:(?:\+|00)?86{_SEP})?(1[3-9]\d){_SEP}(\d{{4}}){_SEP}(\d{{4}})(?!\d)")
_LANDLINE = re.compile(rf"(?<![\dA-Za-z+])[(（]?(0[1-9]\d{{1,2}})[)）]?{_SEP}([1-9]\d{{2,3}}){_SEP}(\d{{4}})(?!\d)")
_ID = re.compile(rf"(?<![\dA-Za-z])(\d{{6}}){_SEP}((?:19|20)\d{{6}}){_SEP}(\d{{3}}[\dXx])(?![\dA-Za-z])")
_CARD = re.compile(r"(?<!\d)(62\d{2}(?:[ \-]?\d{4}){2}[ \-]?\d{4}(?:\d{0,3}))(?!\d)")
# An e-mail address, its local part and its domain in any script (张三@例子.中国, kf@xn--czrs0t.xn--fiqs8s): labels of
# letters, digits and hyphens, a top-level domain of ASCII letters, a punycode one, or letters of another script.
_DOMAIN = r"(?:(?:[^\W_]|-)+\.)+(?:xn--[A-Za-z0-9-]+|[A-Za-z]{2,}|[^\W\d_\x00-\x7f]{2,})"
_EMAIL = re.compile(rf"(?<![\w.%+-])([\w.%+-]+)@({_DOMAIN})")
_ASCII_TAIL = re.compile(r"[A-Za-z0-9._%+-]+$")
_REGION = r"[\u4e00-\u9fa5]{1,7}?(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗)"
_PLACE = r"[\u4e00-\u9fa5A-Za-z0-9]{1,12}?(?:路|街|大道|大街|道|巷|弄|胡同|里|村|镇|乡|小区|花园|公寓|大厦|广场|苑|园)"
_NUMBERED = r"[0-9A-Za-z\u4e00-\u9fa5\-]{0,3}? ?\d+ ?[A-Za-z]?(?:号院|号楼|号|栋|幢|座|单元|室|楼|层|组|户|弄)"
# Parts of an address may be written a space apart (广东省 深圳市 南山区 科苑路 15 号).
_ADDRESS = re.compile(rf"((?:{_REGION} ?){{0,3}})({_PLACE}(?: ?{_NUMBERED}){{1,6}}(?:\d{{1,5}}(?!\d))?)")
_PLACE_END = re.compile("[路街道巷弄同里村镇乡区园寓厦场苑]")  # the last character of every ending in _PLACE
# Every number found above holds 10 digits or more, each at most two characters from the next (a
# landline's bracket and space): text without such a run holds none, and is not searched for each kind.
_NUMBER_LIKE = re.compile(r"\d(?:\D{0,2}\d){9}")
_NOT_PLACE = set("住在到送寄往于至从是的了我你他她家为及和与、，,：: ")  # words before an address, not in it


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _birth_date_ok(text: str) -> bool:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def find_personal(text: str, names: Iterable[str] = ()) -> list[Span]:
    """Every personal datum in ``text`` (phones, IDs, cards, e-mails, addresses, the ``names`` given)."""
    plain, origin = normalise(text)
    found: list[Span] = []

    def add(start: int, end: int, kind: Kind, value: str) -> None:
        if any(s.start < end and start < s.end for s in found):
            return  # already inside something found first (an ID's digits are not also a phone)
        found.append(Span(origin[start], origin[end - 1] + 1, kind, value))

    numbers = _NUMBER_LIKE.search(plain) is not None
    for m in _ID.finditer(plain) if numbers else ():
        if _birth_date_ok(m.group(2)):
            add(m.start(), m.end(), Kind.ID, (m.group(1) + m.group(2) + m.group(3)).upper())
    for m in _CARD.finditer(plain) if numbers else ():
        number = _digits(m.group(1))
        if 16 <= len(number) <= 19 and _luhn(number):
            add(m.start(), m.end(), Kind.BANK_CARD, number)
    for m in _MOBILE.finditer(plain) if numbers else ():
        add(m.start(), m.end(), Kind.MOBILE, m.group(1) + m.group(2) + m.group(3))
    for m in _LANDLINE.finditer(plain) if numbers else ():
        add(m.start(), m.end(), Kind.LANDLINE, m.group(1) + m.group(2) + m.group(3))
    for m in _EMAIL.finditer(plain) if "@" in plain else ():
        start, local = _local_part(m)
        add(start, m.end(), Kind.EMAIL, email_key(local, m.group(2)))
    # An address holds one of the endings of a place (路, 街, 小区…): text without any has none,
    # and is not searched character by character for one (the slowest search here).
    for m in _ADDRESS.finditer(plain) if _PLACE_END.search(plain) else ():
        start = m.start(1) if m.group(1) else m.start(2)
        while start < m.end() and plain[start] in _NOT_PLACE:
            start += 1
        if m.group(1) and not address_region(plain[start : m.end()]):
            # Words before the province, the city or the district (我的地址是杭州市…) are not the address.
            start = next((i for i in range(start, m.end(1)) if address_region(plain[i : m.end()])), start)
        add(start, m.end(), Kind.ADDRESS, plain[start : m.end()])
    for name in {n.strip() for n in names if n and len(n.strip()) >= 2}:
        for m in re.finditer(re.escape(unicodedata.normalize("NFKC", name)), plain):
            add(m.start(), m.end(), Kind.NAME, name)
    return sorted(found, key=lambda s: s.start)


def _local_part(m: re.Match[str]) -> tuple[int, str]:
    """Where an address found by :data:`_EMAIL` starts, and its local part. Chinese is written without spaces:
    in 发到kf@shop.cn the words before an ASCII local part are not part of it (a local part of Chinese ending in
    ASCII letters is not written); a local part all in Chinese (张三@example.com) is taken whole."""
    local = m.group(1)
    if not local.isascii():
        tail = _ASCII_TAIL.search(local)
        if tail is not None:
            return m.start(1) + tail.start(), tail.group(0)
    return m.start(1), local


def _address_key(m: re.Match[str]) -> str:
    """The :func:`email_key` of an address found by :data:`_EMAIL` (its local part as :func:`_local_part` takes it)."""
    return email_key(_local_part(m)[1], m.group(2))


def email_key(local: str, domain: str) -> str:
    """An address as it is compared: the local part in lower case, the domain in its ASCII (punycode) form in
    lower case, so that kf@商店.中国, KF@XN--CZRS0T.xn--fiqs8s and kf@xn--czrs0t.xn--fiqs8s are one address."""
    return f"{local.lower()}@{domain_key(domain)}"


@functools.lru_cache(maxsize=4096)
def domain_key(domain: str) -> str:
    """A mail domain's ASCII form in lower case: each label beyond ASCII through IDNA (its nameprep folds case and
    width), a label IDNA refuses kept in lower case."""
    labels = []
    for label in domain.strip().rstrip(".").split("."):
        if label.isascii():
            labels.append(label.lower())
            continue
        try:
            labels.append(encodings.idna.ToASCII(label).decode("ascii").lower())
        except UnicodeError:
            labels.append(label.lower())
    return ".".join(labels)


# --------------------------------------------------------------------------- masked forms


def mask_phone(phone: str) -> str:
    """138****5678 for mobiles; landlines keep the area code and the last 4 digits."""
    plain = _digits(unicodedata.normalize("NFKC", phone))
    if plain.startswith("86") and len(plain) == 13:
        plain = plain[2:]
    if plain.startswith("0086") and len(plain) == 15:
        plain = plain[4:]
    if not plain:
        return ""
    if len(plain) == 11 and plain.startswith("1"):
        return f"{plain[:3]}****{plain[-4:]}"
    if plain.startswith("0") and len(plain) >= 9:
        area = plain[:3] if plain[1] in "12" else plain[:4]
        return f"{area}-****{plain[-4:]}"
    if len(plain) >= 7:
        return f"****{plain[-4:]}"
    return "*" * len(plain)


def mask_id(number: str) -> str:
    """First 6 and last 4 characters kept: 110105********0123."""
    value = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", number.strip())).upper()
    if len(value) <= 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


def mask_name(name: str) -> str:
    """张* for a name of two characters, 张** for any longer one (欧阳娜娜 → 欧**, 阿卜杜热合曼·买买提明 → 阿**): the
    masked form does not tell how long a name is, nor fills a table's cell with stars. Other names keep their first
    letter (Muhammad Ali → M***)."""
    value = name.strip()
    if not value:
        return ""
    if re.fullmatch(r"[\u4e00-\u9fff·]+", value):
        return value[0] + ("*" if len(value) <= 2 else "**")
    return value[0] + "***"


# Titles and roles a people field names someone by (理赔专员, 快递员, 客服, 店长): what a person does, not who they
# are, so never personal data. The longest spelling first (快递员 before 快递), one optional field before it (理赔专员).
_ROLE_WORDS = sorted(
    [
        "专员",
        "客服",
        "售后",
        "快递员",
        "快递小哥",
        "配送员",
        "派件员",
        "派送员",
        "收派员",
        "揽收员",
        "揽件员",
        "业务员",
        "营业员",
        "店员",
        "店长",
        "店主",
        "经理",
        "主管",
        "组长",
        "站长",
        "负责人",
        "司机",
        "骑手",
        "工程师",
        "技术员",
        "维修员",
        "师傅",
        "理赔员",
        "工作人员",
        "员工",
        "职员",
        "接线员",
        "调解员",
        "律师",
        "法官",
        "书记员",
        "法务",
        "代表",
        "前台",
        "保安",
        "门卫",
        "物业",
        "老板",
        "老板娘",
        "掌柜",
        "助理",
        "顾问",
        "主任",
        "科长",
        "处长",
        "所长",
        "小二",
        "机器人",
        "代理人",
        "收件人",
        "寄件人",
    ],
    key=len,
    reverse=True,
)
_ROLE = re.compile(
    "(?:理赔|客服|售后|快递|配送|派件|派送|网点|驿站|门店|仓库|技术|维修|质检|投诉|物流|运营|销售|大堂|值班|区域)?"
    f"(?:{'|'.join(_ROLE_WORDS)})"
)
# What names an organisation or a place, not a person (某某速运, 菜鸟驿站, 徐汇营业部).
_ORGANISATION = re.compile(
    "公司|集团|速运|速递|快递|快运|物流|邮政|驿站|网点|营业部|分部|中心|旗舰店|专卖店|专营店|门店|商店|超市|商城|店$|平台|"
    "银行|支付宝|微信|淘宝|天猫|京东|拼多多|消协|消费者协会|委员会|监督管理|管理局|法院|仲裁|物业|小区|柜"
)


def mask_person(text: str, *, organisations: Iterable[str] = (), name: Callable[[str], str] = mask_name) -> str:
    """One person as a record's people field names them — 张三, 理赔专员王五, 某某速运理赔专员, 王五（快递员）,
    王经理 — with their name masked and the rest readable.

    A title or role (理赔专员) and the organisation it is with (某某速运, or one of ``organisations``: the
    parties' names) are not personal data and stay. What is left is taken for a name and given to ``name``
    (:func:`mask_name` by default): text before the title that is not an organisation (王五理赔专员), and
    text after it (理赔专员王五). A surname alone before a title (王经理) is already no more than a masked
    name shows, and stays; text already masked (王*) is not masked again; text with no title and no
    organisation in it is a name.
    """
    value = text.strip()
    if not value or "*" in value:
        return value
    bracket = re.match(r"^(.*?)[（(](.*)[)）]$", value)
    if bracket:  # 王五（快递员）: the name and the title, each judged on its own
        outside = mask_person(bracket.group(1), organisations=organisations, name=name)
        return f"{outside}（{mask_person(bracket.group(2), organisations=organisations, name=name)}）"
    known = [o.strip() for o in organisations if len(o.strip()) >= 2]

    def organisation(part: str) -> bool:
        return bool(_ORGANISATION.search(part)) or any(part in o or o in part for o in known)

    roles = list(_ROLE.finditer(value))
    if not roles:
        return value if organisation(value) else name(value)
    before, after = value[: roles[0].start()], value[roles[-1].end() :]
    title = value[roles[0].start() : roles[-1].end()]
    if len(before) > 1 and not organisation(before):
        before = name(before)
    if after and not organisation(after):
        after = name(after)
    return before + title + after


def person_names(text: str, organisations: Iterable[str] = ()) -> list[str]:
    """The names in a people field's entry, as :func:`mask_person` reads it (理赔专员王五 → 王五; 快递员 → none)."""
    found: list[str] = []

    def keep(name: str) -> str:
        found.append(name.strip())
        return name

    mask_person(text, organisations=organisations, name=keep)
    return [n for n in found if n]


# The surnames a name after a role word starts with (快递员郗强, 店员亓官明, 客服欧阳娜娜): every single and compound
# surname of the 百家姓, and the common ones it does not list (闫, 付, 肖, 覃…). Many of them also start an everyday
# word (明天, 马上, 方便, 高兴, 时间, 路上): :data:`_ORDINARY` holds those written after a role, which are no name.
_SURNAMES = frozenset(
    # 百家姓, the single surnames
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方"
    "俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧"
    "计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫"
    "经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓"
    "牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
    "池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰"
    "巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈佘佴墨哈谯笪年爱阳佟言福"
    # common today, not in the 百家姓 (or written with a simplified form it does not use)
    "肖付覃兰隋邝冼粟谌仝漆苑鲜亓赫檀尧迟栗鹿揭丛冶南尉斯朴牟芦苟辜邸麦"
)
_SURNAMES_COMPOUND = frozenset(
    {
        "万俟",
        "司马",
        "上官",
        "欧阳",
        "夏侯",
        "诸葛",
        "闻人",
        "东方",
        "赫连",
        "皇甫",
        "尉迟",
        "公羊",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "申屠",
        "公孙",
        "仲孙",
        "轩辕",
        "令狐",
        "钟离",
        "宇文",
        "长孙",
        "慕容",
        "鲜于",
        "闾丘",
        "司徒",
        "司空",
        "亓官",
        "司寇",
        "仉督",
        "子车",
        "颛孙",
        "端木",
        "巫马",
        "公西",
        "漆雕",
        "乐正",
        "壤驷",
        "公良",
        "拓跋",
        "夹谷",
        "宰父",
        "谷梁",
        "段干",
        "百里",
        "东郭",
        "南门",
        "呼延",
        "归海",
        "羊舌",
        "微生",
        "梁丘",
        "左丘",
        "东门",
        "西门",
        "商牟",
        "伯赏",
        "南宫",
        "第五",
    }
)


# A name as a label, a form, a screenshot or a message gives it: after 收件人, 寄件人, 联系人, 姓名, 客户姓名, 户名…
# (收件人：李四电话：139…). The masker knows the names of the record's people only; evidence shows strangers' names
# this way. A bare 客户 or 买家 is a label of a person too (买家：张伟), but a chat log also names its speakers by it
# (客户：我要退货): it is read as a role is, below.
# What ends a name: the end of the text, a character that is not one of a Chinese name, or a word that follows one
# (李四电话, 李四已签收, 李四于11月…).
_NAME_END = (
    r"(?=$|[^\u4e00-\u9fa5·]|电话|手机|联系|地址|身份|证件|邮编|单位|收件|寄件|签收|签字|本人|已|未|于|在|说|称|表示|"
    r"告知|确认|拒|不|没|也|都|的|并|将|把|来|去|打|给|让|为您|很高兴|正在|帮您)"
)
_GAP_IN_LABEL = "[ \t\u3000]*[:：]?[ \t\u3000]*"  # 收件人：李四, 收件人: 李四, 收件人 李四, 收件人李四
_NAME_LABEL = re.compile(
    r"(?:收件人|收货人|寄件人|发件人|发货人|联系人|签收人|取件人|提货人|(?:客户|顾客|买家|用户|会员|业主|住户|机主)(?=姓名)|开户名|户名|"
    rf"持卡人|姓名)(?:姓名)?{_GAP_IN_LABEL}"
    # A name of two to four characters, or one written in parts (阿卜杜热合曼·买买提明).
    rf"([\u4e00-\u9fa5]{{1,10}}·[\u4e00-\u9fa5·]{{1,20}}?|[\u4e00-\u9fa5·]{{2,4}}?){_NAME_END}",
    re.M,
)
# Who a person is, written before their name: their job (快递员李四139…, 客服欧阳娜娜, 经办人王小明), or their
# part in the purchase, the complaint or the parcel as after-sales chats, waybills and complaint forms label them
# (买家：张伟, 客户：郗强说…, 投诉人 王五). A name there starts with a surname (:data:`_SURNAMES`) and is not an
# everyday word (:data:`_ORDINARY`), for the same words start a sentence (快递员说…, 客服：好的) and every line of a
# chat.
_ROLE_LABEL = re.compile(
    r"(?:(?:快递员|快递小哥|配送员|派件员|派送员|收派员|揽收员|揽件员|送货员|业务员|营业员|理赔员|理赔专员|骑手|司机|店员|店长|"
    r"店主|老板娘|老板|掌柜|维修员|技术员|安装师傅|客服专员|客服|售后|经办人|经手人|承办人|受理人|处理人|对接人|接待人|"
    r"登记人)"
    rf"{_GAP_IN_LABEL}"
    # A party's label is also a noun of every complaint's prose (被投诉人经营的…, 与客户通话): a name follows it after
    # a colon or a space only.
    r"|(?:客户|顾客|买家|卖家|买方|卖方|购买方|购买人|订购人|下单人|商家|店家|用户|消费者|会员|业主|住户|车主|户主|机主|"
    r"报修人|收方|寄方|被投诉人|投诉人|申诉人|被申请人|申请人|委托人|当事人|举报人|报案人)"
    r"(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+))"
    rf"((?:{'|'.join(sorted(_SURNAMES_COMPOUND, key=len, reverse=True))}|[{''.join(sorted(_SURNAMES))}])"
    # A given name is none of these: words that follow a name (说, 已, 的…), words of a chat (吗, 您…), and the
    # endings of a place, a product or a business (东莞仓, 曲面屏, 米色款, 某某店).
    r"[^\W\d_A-Za-z已未没不说称在的了也都并将把来去打给让拒是和与及很还就要会能吗呢吧啊呀哦嗯哈啦么您你我他她们这那个些过着到"
    r"仓款品屏色区市省县店厂部司局院号]{1,2}?)"
    rf"{_NAME_END}",
    re.M,
)
# Everyday words that start with a surname and are written after a role (快递员马上到, 客服：方便的话, 客户：谢谢,
# 买家：何时发货？, 快递员第五次来): not a name. A word of :data:`_NOT_A_NAME` is none either.
_ORDINARY = (
    "马上",
    "方便",
    "方面",
    "方式",
    "方法",
    "方案",
    "高兴",
    "谢谢",
    "何时",
    "何必",
    "明天",
    "明日",
    "明白",
    "明确",
    "明明",
    "时间",
    "时候",
    "时效",
    "全部",
    "全程",
    "全额",
    "单号",
    "单方",
    "路上",
    "向您",
    "向我",
    "于是",
    "安排",
    "安装",
    "安全",
    "安心",
    "包裹",
    "包邮",
    "包装",
    "包退",
    "包换",
    "麻烦",
    "东西",
    "后来",
    "后天",
    "后面",
    "费用",
    "商品",
    "商家",
    "司机",
    "公司",
    "满意",
    "曾经",
    "原来",
    "原因",
    "原路",
    "金额",
    "余额",
    "申请",
    "信息",
    "通知",
    "通过",
    "经理",
    "经过",
    "经常",
    "经核",
    "常常",
    "平时",
    "平台",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周末",
    "第五次",
    "第五天",
    "第五个",
    "南门口",
    "东门口",
    "西门口",
    "万一",
    "终于",
    "居然",
    "从来",
    "有点",
    "有事",
    "有空",
    "能否",
    "成功",
    "家里",
    "国庆",
    "红包",
    "应该",
    "干嘛",
    "解释",
    "解决",
    "程序",
    "严重",
    "许多",
    "怀疑",
    "幸好",
    "容易",
    "连夜",
    "连续",
    "查询",
    "查看",
    "付款",
    "师傅",
    "关于",
    "任何",
    "白天",
    "尽快",
    "元旦",
    "车上",
    "强烈",
    "宁可",
    "乐意",
    "毛病",
    "空了",
    "关键",
    "查一",
    "别急",
    "国产",
    "成本",
    "水印",
    "易碎",
    "双方",
    "暴力",
    "云端",
    "惠存",
    "井然",
    "华为",
    "荣耀",
    "江湖",
    "南方",
    "南边",
)
# Words written after a label that are not a name (收件人本人签收, 签收人：本人, 收件人已签收, 联系人：自己).
_NOT_A_NAME = (
    "本人",
    "本身",
    "自己",
    "自行",
    "他人",
    "她人",
    "别人",
    "家人",
    "家属",
    "亲属",
    "亲友",
    "朋友",
    "同事",
    "邻居",
    "代收",
    "代签",
    "代领",
    "签收",
    "签字",
    "确认",
    "马上",
    "师傅",
    "包裹",
    "查询",
    "查看",
    "付款",
    "白天",
    "任何",
    "安排",
    "方便",
    "关于",
    "万一",
    "本",
    "已",
    "未",
    "没",
    "不",
    "拒",
    "是",
    "系",
    "为",
    "在",
    "的",
    "均",
    "都",
    "也",
    "说",
    "称",
    "该",
    "此",
    "其",
    "这",
    "那",
    "我",
    "你",
    "他",
    "她",
    "您",
)
# Every label above holds one of these characters: text without any is not searched for them.
_NAME_LABEL_HINT = re.compile("[人名员哥手机傅户客家方者服后长主板柜]")


def labelled_names(text: str, organisations: Iterable[str] = ()) -> list[Span]:
    """The names ``text`` gives after a label (收件人：李四) or a role (快递员李四), as spans: not a title, a place or a
    business given there instead (快递员, 菜鸟驿站, 某某速运, or one of ``organisations``: the record's businesses),
    nor a word that is no name (本人, 自己, 已签收: :data:`_NOT_A_NAME`). The role is not part of the name."""
    found: list[Span] = []
    if not _NAME_LABEL_HINT.search(text):
        return found
    for label in (_NAME_LABEL, _ROLE_LABEL):
        for m in label.finditer(text):
            name = m.group(1)
            if name.startswith(_NOT_A_NAME) or name.startswith(_ORDINARY) or any(s.start == m.start(1) for s in found):
                continue
            if person_names(name, organisations) == [name]:
                found.append(Span(m.start(1), m.end(1), Kind.NAME, name))
    return found


def organisation_names(case: Case) -> list[str]:
    """How the record names the organisations in it: each organisation party's name, shop and platform, and the
    waybill's carrier (for :func:`mask_person`, which keeps them readable)."""
    names = [case.shipment.carrier]
    for role in ROLES:
        party = party_in(case, role)
        if party is not None and party.kind is PartyKind.ORGANISATION:
            names += [party.name, party.store, party.platform]
    return [n.strip() for n in names if n.strip()]


# Province, city and district: the parts of an address that are kept (spec §6.2). Each part is read in turn, with
# its own ending, and only a name that cannot be part of a street, a housing estate or a building is taken for one:
# what is not read as one of them is masked, never kept (a 小区 or a 市场 is not a district).
_MUNICIPALITY = "(?:北京|上海|天津|重庆)市?"
_PROVINCE = (
    "(?:(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|"
    "青海|台湾)省?|(?:内蒙古|广西壮族|广西|西藏|宁夏回族|宁夏|新疆维吾尔|新疆)(?:自治区)?|(?:香港|澳门)(?:特别行政区)?"
    "|[\u4e00-\u9fa5]{2,3}省)"
)
_ADMIN_NAME = "[\u4e00-\u9fa5·]"
# A city or a district followed by 场 or 集 is a market's name (某某市场, 某某区集市), unless by a county's of GB/T 2260
# (厦门市集美区, 通化市集安市, 双鸭山市集贤县, 乌兰察布市集宁区) or a 集贸市场 in it.
_CITY = rf"(?:{_ADMIN_NAME}{{2,12}}?自治州|{_ADMIN_NAME}{{2,4}}?(?:市|地区|盟)(?!场|集(?![美安贤宁贸])))"
# The banners and districts of GB/T 2260 whose names are longer than the pattern below reads.
_LONG_DISTRICTS = (
    "东乌珠穆沁旗|西乌珠穆沁旗|察哈尔右翼[前中后]旗|科尔沁[左右]翼[前中后]旗|新巴尔虎[左右]旗|阿鲁科尔沁旗|"
    "达尔罕茂明安联合旗|梅里斯达斡尔族区|白云鄂博矿区|鹰手营子矿区"
)
_DISTRICT = (
    rf"(?:{_LONG_DISTRICTS}|{_ADMIN_NAME}{{2,14}}?自治[县旗]"
    rf"|{_ADMIN_NAME}{{1,4}}?(?:区|县|市|旗)(?![场域]|集(?![美安贤宁贸])))"
)
_GAP = "[ \t\u3000]*"
# The functional zones a city sets up (苏州工业园区, 西安高新区, 上海自贸区, 合肥经开区, 两江新区) are no division of
# GB/T 2260: masked with the street, as anything after the district is. The province and the city before one are kept
# (北京经济技术开发区… → 北京****), though not followed by a district.
_ZONE_ENDINGS = "|".join(
    ("新区", "开发区", "高新区", "经开区", "工业区", "工业园区", "产业园区", "科技园区", "自贸区", "自贸片区", "保税区")
    + ("保税港区", "合作区", "试验区", "示范区", "度假区")
)
_ZONE = re.compile(rf"[^\d\sA-Za-z路街巷弄号栋幢楼室层村镇]{{0,12}}?(?:{_ZONE_ENDINGS})")
# What names a street, a village, an estate, a building, a shop or a functional zone, never a province, a city or a
# district.
_NOT_ADMIN = re.compile(
    "路|街|巷|弄|胡同|号|栋|幢|楼|室|层|单元|村|镇|乡|组|院|苑|园|花园|公寓|大厦|广场|中心|小区|社区|校区|景区|厂区|片区|街区|"
    f"商场|超市|门市|菜市|集市|{_ZONE_ENDINGS}"
)
# Real prefectures, counties and districts whose names hold such a word (厦门市, 桐乡市, 镇江市, 鼓楼区, 路桥区): every
# name of the national table of administrative divisions (GB/T 2260, with Taiwan's 桃园市) that the list above would
# take for a street, a shop or a township, whole. A name whose level changed since (宁乡县 → 宁乡市, 海门市 → 海门区)
# is known with any of the endings 市, 县 and 区 (:func:`_real_admin_name`).
_ADMIN_EXCEPTIONS = frozenset(
    {
        "上街区",
        "下花园区",
        "浦东新区",
        "滨海新区",
        "清新区",
        "东乡县",
        "东乡族自治县",
        "丰镇市",
        "乡城县",
        "乡宁县",
        "内乡县",
        "北镇市",
        "厦门市",
        "周村区",
        "固镇县",
        "天镇县",
        "天门市",
        "孟村回族自治县",
        "宁乡县",
        "安乡县",
        "岳阳楼区",
        "平乡县",
        "新乡县",
        "新乡市",
        "景德镇市",
        "柏乡县",
        "桃园市",
        "桐乡市",
        "梁园区",
        "武乡县",
        "江门市",
        "海门市",
        "清苑区",
        "清镇市",
        "湘乡市",
        "玉门市",
        "石楼县",
        "积石山保安族东乡族撒拉族自治县",
        "绿园区",
        "肥乡县",
        "荆门市",
        "萍乡市",
        "西乡县",
        "西乡塘区",
        "让胡路区",
        "路北区",
        "路南区",
        "路桥区",
        "辛集市",
        "金乡县",
        "钟楼区",
        "镇原县",
        "镇坪县",
        "镇宁布依族苗族自治县",
        "镇安县",
        "镇巴县",
        "镇平县",
        "镇康县",
        "镇江市",
        "镇沅彝族哈尼族拉祜族自治县",
        "镇海区",
        "镇赉县",
        "镇远县",
        "镇雄县",
        "马村区",
        "鼓楼区",
    }
)


def _real_admin_name(name: str) -> bool:
    """Whether ``name`` is one of :data:`_ADMIN_EXCEPTIONS`, with its own ending or another of 市, 县 and 区."""
    if name in _ADMIN_EXCEPTIONS:
        return True
    return name[-1:] in "市县区" and any(name[:-1] + end in _ADMIN_EXCEPTIONS for end in "市县区")


_MUNICIPALITY_RE = re.compile(_MUNICIPALITY)
_PROVINCE_RE = re.compile(_PROVINCE)
_CITY_RE = re.compile(_CITY)
_DISTRICT_RE = re.compile(_DISTRICT)
_GAP_RE = re.compile(_GAP)
_ADMIN_SUFFIX = re.compile("[省市区]$|特别行政区$")


def _admin_part(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Where the part ``pattern`` reads at ``at`` (after spaces) ends, or -1 when none is there, or it names a
    street, an estate or a building (:data:`_NOT_ADMIN`). The longest reading first (红旗区, not 红旗), then the
    shortest (朝阳区, not 朝阳区某某市)."""
    gap = _GAP_RE.match(text, at)
    start = gap.end() if gap is not None else at
    for readings in (_greedy(pattern), pattern):
        m = readings.match(text, start)
        if m is not None and (_real_admin_name(m.group(0)) or not _NOT_ADMIN.search(m.group(0))):
            return m.end()
    return -1


@functools.lru_cache(maxsize=8)
def _greedy(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern.replace("}?", "}"))


def address_region(address: str) -> str:
    """The province, the city and the district ``address`` starts with (as written; each only when written),
    the part :func:`mask_address` keeps: "" when it starts with none of them."""
    text = unicodedata.normalize("NFKC", address).strip()
    end = _admin_part(_MUNICIPALITY_RE, text, 0)  # 上海市: a province and a city at once
    city_read = end >= 0
    if end < 0:
        end = _admin_part(_PROVINCE_RE, text, 0)
        if end > 0 and text[end : end + 1] == "市" and not _ADMIN_SUFFIX.search(text[:end]):
            end = -1  # 吉林市: a city named as its province is, read as the city
    province = max(end, 0)
    at = province
    if not city_read:
        end = _admin_part(_CITY_RE, text, at)
        if end >= 0:
            # The shorter reading when the rest is a district reaching as far (常德市 津市市, not 常德市津市 市).
            gap = _GAP_RE.match(text, at)
            short = _CITY_RE.match(text, gap.end() if gap is not None else at)
            if (
                short is not None
                and short.end() < end
                and not _NOT_ADMIN.search(short.group(0))
                and _admin_part(_DISTRICT_RE, text, short.end()) >= end
            ):
                end = short.end()
            at = end
    end = _admin_part(_DISTRICT_RE, text, at)
    if end >= 0:
        at = end
    if at == province and province and not _ADMIN_SUFFIX.search(text[:province]) and not _zone_at(text, at):
        return ""  # 江西 with no city or district after it: the start of 江西路, not a province
    return text[:at].rstrip()


def _zone_at(text: str, at: int) -> bool:
    """Whether a functional zone (:data:`_ZONE`) is written at ``at``, after spaces."""
    gap = _GAP_RE.match(text, at)
    return _ZONE.match(text, gap.end() if gap is not None else at) is not None


def mask_address(address: str) -> str:
    """Province, city and district kept (each when written, :func:`address_region`); the rest masked, all of it
    when none of them is written."""
    value = address.strip()
    if not value:
        return ""
    head = address_region(value)
    if head == unicodedata.normalize("NFKC", value):
        return value
    return head + "****"


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_card(number: str) -> str:
    plain = _digits(number)
    return f"****{plain[-4:]}" if len(plain) >= 4 else "****"


def masked_form(span: Span, written: str) -> str:
    if span.kind in (Kind.MOBILE, Kind.LANDLINE):
        return mask_phone(written)
    if span.kind is Kind.ID:
        return mask_id(written)
    if span.kind is Kind.BANK_CARD:
        return mask_card(written)
    if span.kind is Kind.EMAIL:
        return mask_email(unicodedata.normalize("NFKC", written))
    if span.kind is Kind.ADDRESS:
        return mask_address(written)
    return mask_name(written)


def masked_party(party: Party) -> Party:
    """A copy of ``party`` with its personal data masked; organisations keep their names."""
    person = party.kind is PartyKind.PERSON
    return dataclasses.replace(
        party,
        name=mask_name(party.name) if person else party.name,
        phone=mask_phone(party.phone),
        email="；".join(mask_email(e) for e in mail_addresses_shown(party.email).split("；") if "@" in e),
        address=mask_address(party.address) if person else party.address,
        id_number=mask_id(party.id_number) if person else party.id_number,
        legal_representative=mask_person(party.legal_representative),  # a person, masked with the party
        gender="",
        birth_date="",
        ethnicity="",
        occupation="",
        employer="",
    )


def party_in(case: Case, role: str) -> Party | None:
    """The person or organisation in ``role`` (policy.ROLES), as a Party; None when the record has none."""
    if role in ("complainant", "respondent", "courier"):
        party: Party | None = getattr(case, role)
        return party
    if role == "agent":
        agent = case.agent
        if agent is None:
            return None
        return Party(
            kind=PartyKind.PERSON,
            name=agent.name,
            phone=agent.phone,
            id_number=agent.id_number,
            employer=agent.employer,
        )
    shipment_party: Party | None = getattr(case.shipment, role)
    return shipment_party


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def same_party(a: Party | None, b: Party | None) -> bool:
    """Whether two entries of the record are one party: the same name, and both organisations or the same phone
    or ID number (two people may share a name)."""
    if a is None or b is None or not _plain(a.name) or _plain(a.name) != _plain(b.name) or a.kind is not b.kind:
        return False
    if a.kind is PartyKind.ORGANISATION:
        return True
    numbers = {_plain(v) for v in (a.phone, a.id_number) if v.strip()}
    return bool(numbers & {_plain(v) for v in (b.phone, b.id_number) if v.strip()})


def _put_party(case: Case, role: str, party: Party) -> None:
    if role in ("complainant", "respondent", "courier"):
        setattr(case, role, party)
    elif role == "agent":
        assert case.agent is not None
        # The law firm or employer is the agent's business address for service; the person's data is masked.
        case.agent = dataclasses.replace(case.agent, name=party.name, phone=party.phone, id_number=party.id_number)
    else:
        setattr(case.shipment, role, party)


# --------------------------------------------------------------------------- the masker


def _addresses(value: str) -> set[str]:
    """The e-mail addresses in a field as :func:`find_personal` finds them in text (NFKC, lower case);
    a value that holds none is taken whole."""
    found = {_address_key(m) for m in _EMAIL.finditer(normalise(value)[0])}
    return found or ({value.strip().lower()} if value.strip() else set())


# Mail services anyone can open a mailbox with: an address there says nothing of whose it is. The list has gaps
# (there are thousands); it is a guard on the rule below, never the rule.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "qq.com",
        "vip.qq.com",
        "foxmail.com",
        "163.com",
        "vip.163.com",
        "163.net",
        "126.com",
        "vip.126.com",
        "yeah.net",
        "188.com",
        "sina.com",
        "sina.cn",
        "sina.com.cn",
        "vip.sina.com",
        "sohu.com",
        "aliyun.com",
        "139.com",
        "189.cn",
        "wo.cn",
        "tom.com",
        "21cn.com",
        "88.com",
        "gmail.com",
        "googlemail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "pm.me",
        "protonmail.com",
        "mail.ru",
        "tutanota.com",
        "zoho.com",
        "hinet.net",
        "netvigator.com",
        "naver.com",
        "daum.net",
    }
)
# Services that give mailboxes under their name in many countries: yahoo.com.hk, hotmail.co.uk, gmx.de, live.cn…
PUBLIC_MAIL_BRANDS = frozenset(
    {"yahoo", "ymail", "hotmail", "outlook", "live", "msn", "windowslive", "aol", "gmx", "yandex", "web", "orange"}
)


def public_mail_domain(domain: str) -> bool:
    """Whether ``domain`` (ASCII form, lower case) is, or is under, a public mail service's: a listed domain, or a
    brand of :data:`PUBLIC_MAIL_BRANDS` followed by a country's or a generic ending (yahoo.com.hk, gmx.de)."""
    labels = domain.split(".")
    for i in range(len(labels) - 1):
        if ".".join(labels[i:]) in PUBLIC_MAIL_DOMAINS:
            return True
        rest = labels[i + 1 :]
        if labels[i] in PUBLIC_MAIL_BRANDS and len(rest) <= 2 and all(r.isalpha() and len(r) <= 3 for r in rest):
            return True
    return False


_DOMAIN_ENTRY = re.compile(rf"(?:^|(?<=[;；,，、\s]))@({_DOMAIN})")


def _own_domains(party: Party) -> set[str]:
    """The mail domains that are an organisation's own: those the user gave as its e-mail, written @domain
    (@shop.example.cn), unless a public mail service's (:func:`public_mail_domain`).

    The domain of a recorded address is not enough: a business writing from hkshop@yahoo.com.hk, or from a
    webmail service the list above does not know, would make every stranger's mailbox there the business's and
    unmask it. An address is a party's own when the record holds it exactly; a whole domain only when the user
    said it is the business's, and it is no known public service. A person's domain says nothing."""
    if party.kind is not PartyKind.ORGANISATION:
        return set()
    domains = {domain_key(m.group(1)) for m in _DOMAIN_ENTRY.finditer(normalise(party.email)[0])}
    return {d for d in domains if d and not public_mail_domain(d)}


def mail_addresses_shown(value: str) -> str:
    """A party's e-mail field as documents print it: its addresses, without the domains given as a business's
    own (@shop.example.cn), which are an instruction to the masking, not an address to write to."""
    entries = [e for e in re.split(r"[;；,，、\s]+", value.strip()) if e and not e.startswith(("@", "＠"))]
    return "；".join(entries)


@dataclass
class _Known:
    """The personal data of one party, normalised, for recognising it in text."""

    names: set[str]
    numbers: set[str]  # phones and IDs, digits (and X) only
    emails: set[str]
    addresses: set[str]
    domains: set[str] = dataclasses.field(default_factory=set)  # an organisation's own mail domains

    @classmethod
    def of(cls, party: Party | None) -> _Known:
        if party is None:
            return cls(set(), set(), set(), set())
        numbers = set()
        for value in (party.phone, party.id_number):
            plain = re.sub(r"[^\dXx]", "", unicodedata.normalize("NFKC", value)).upper()
            if plain:
                numbers.add(plain[-11:] if len(plain) > 11 and plain.startswith("86") else plain)
        person = party.kind is PartyKind.PERSON
        emails = _addresses(party.email)
        # The party's people follow the party: its own name (a person's), and the legal representative or person in
        # charge the record gives an organisation (民诉法 art. 124 (二): part of the party's particulars).
        names = {party.name.strip()} if person and party.name.strip() else set()
        names |= {n for n in person_names(party.legal_representative) if len(n) >= 2}
        return cls(
            names=names,
            numbers=numbers,
            emails=emails,
            addresses={unicodedata.normalize("NFKC", party.address.strip())} if party.address.strip() else set(),
            domains=_own_domains(party),
        )

    def owns(self, span: Span) -> bool:
        if span.kind in (Kind.MOBILE, Kind.LANDLINE, Kind.ID, Kind.BANK_CARD):
            return span.value in self.numbers
        if span.kind is Kind.EMAIL:
            domain = span.value.rpartition("@")[2]
            return span.value in self.emails or any(domain == d or domain.endswith("." + d) for d in self.domains)
        if span.kind is Kind.ADDRESS:
            return any(span.value in a or a in span.value for a in self.addresses)
        return span.value in self.names


def _message_id(value: str) -> str:
    return value.strip().strip("<>").strip().lower()


def complaint_mail_senders(case: Case) -> set[str]:
    """The address the complainant's complaint was sent from, when the record names that e-mail.

    A complaint that came by e-mail records the mail's Message-ID as its channel reference (spec §5:
    ``channel_ref``); the exhibit with that Message-ID is the mail the complainant sent, so its one
    From address is theirs. Nothing else in the record says whose an address is: an exhibit's source
    (投诉人邮箱) names the mailbox it came from, which holds mail received from others as well as mail
    sent, so it does not tell the sender's address from a stranger's.
    """
    if case.channel is not Channel.EMAIL or not _message_id(case.channel_ref):
        return set()
    wanted = _message_id(case.channel_ref)
    for exhibit in case.exhibits:
        mail = exhibit.metadata.email
        if mail is None or not isinstance(mail.message_id, str) or _message_id(mail.message_id) != wanted:
            continue
        senders = {_address_key(m) for m in _EMAIL.finditer(normalise(mail.sender)[0])}
        return senders if len(senders) == 1 else set()  # a From of several mailboxes does not say whose
    return set()


class Masker:
    """Masks every string of a case, and any evidence text, for one destination.

    A datum belonging to a party the destination sees stays; every other one found is masked
    and counted in the report under ``where``.

    What is a party's own is what the record says is theirs, and nothing else: the fields of the
    party (its name, phone, e-mail, address, ID number), for an organisation also any address at
    its own mail domain (the domain of its recorded e-mail, not a public mail service's: a business's
    mailboxes are not a natural person's data), and for the complainant also the address the
    complaint was e-mailed from (:func:`complaint_mail_senders`). An address of the party's that
    the record does not hold (their own mail among the evidence, their contact not filled in) has no
    known owner and is masked like a stranger's; entering it in the party's contact shows it
    (:meth:`unowned_addresses` finds such addresses, for the preflight to say so).

    The report counts, per place, each datum masked once: the same address masked in an e-mail
    exhibit's headers (its details page) and in its printed text is one masking of that exhibit.
    """

    def __init__(
        self,
        case: Case,
        policy: Disclosure,
        report: DisclosureReport | None = None,
        *,
        issuer: Party | None = None,
    ) -> None:
        self.policy = policy
        self.report = report
        parties = {role: party_in(case, role) for role in ROLES}
        if (
            issuer is not None
            and policy.shows("claimant")
            and (parties["claimant"] is None or parties["claimant"].is_empty())
        ):
            parties["claimant"] = issuer  # a courier claim made in the name of the organisation in the settings
        # Who this destination sees: the roles its policy shows, and a party in another role who is one of them (a
        # merchant complaining of its own parcel is the claim's claimant and sender, printed as such).
        seen = [parties[r] for r in ROLES if policy.shows(r)]
        self.shown_roles = frozenset(
            r for r in ROLES if policy.shows(r) or any(same_party(parties[r], p) for p in seen)
        )
        known = {role: _Known.of(parties[role]) for role in ROLES}
        known["complainant"].emails |= complaint_mail_senders(case)
        self.visible = [known[r] for r in ROLES if r in self.shown_roles]
        self._hidden_roles = [(r, known[r]) for r in ROLES if r not in self.shown_roles]
        self.hidden = hidden = [k for _r, k in self._hidden_roles]
        # Names are only recognised when known: the masked parties', and people recorded as
        # third parties (the signer of a parcel).
        self.names = {n for k in hidden for n in k.names}
        # The signer's name, not the title or place they are recorded by (门卫, 菜鸟驿站, 快递员王五 → 王五).
        self.names.update(n for n in person_names(case.shipment.signer, organisation_names(case)) if len(n) >= 2)
        self.names -= {n for k in self.visible for n in k.names}
        # The businesses the record names, never taken for a person named after a label (寄件人：某某数码).
        self.organisations = tuple(organisation_names(case))
        self._reported: dict[str, set[tuple[Kind, str]]] = {}  # per place, the data already counted

    def spans(self, text: str) -> list[Span]:
        """What in ``text`` this destination must not see."""
        if not self.policy.masks_third_parties and not self.names:
            return []  # a copy that stays with the organisation: nothing is masked
        # The names known, and the names the text itself gives after a label (收件人：李四), wherever it writes them.
        names = self.names | {s.value for s in labelled_names(text, self.organisations)}
        found = [s for s in find_personal(text, names) if not any(k.owns(s) for k in self.visible)]
        if not self.policy.masks_third_parties:
            found = [s for s in found if any(k.owns(s) for k in self.hidden)]
        return found

    def owner(self, span: Span) -> str:
        """Whose datum ``span`` is, of the parties this destination does not see: their role (policy.ROLES), or ""
        for a third party (no party to the case, or one the record does not give it to)."""
        return next((role for role, known in self._hidden_roles if known.owns(span)), "")

    def seen(self, span: Span) -> bool:
        """Whether ``span`` is the datum of a party this destination sees (printed as it is)."""
        return any(k.owns(span) for k in self.visible)

    def unowned_addresses(self, text: str) -> list[str]:
        """The e-mail addresses in ``text`` the record gives to no one (no party's, seen or masked here), in order:
        masked as a stranger's, though often a party's own mailbox whose contact was not filled in."""
        if not self.policy.masks_third_parties:
            return []
        known = [*self.visible, *self.hidden]
        found: dict[str, str] = {}  # each address once, as first written (the whole of it)
        for s in find_personal(text):
            if s.kind is Kind.EMAIL and not any(k.owns(s) for k in known):
                found.setdefault(s.value, text[s.start : s.end])
        return list(found.values())

    def text(self, text: str, where: str = "") -> str:
        if not text:
            return text
        spans = self.spans(text)
        if not spans:
            return text
        out: list[str] = []
        last = 0
        for span in spans:
            out.append(text[last : span.start])
            out.append(masked_form(span, text[span.start : span.end]))
            last = span.end
        out.append(text[last:])
        if self.report is not None and where:
            seen = self._reported.setdefault(where, set())
            new = {(s.kind, s.value) for s in spans} - seen
            seen |= new
            for kind, count in Counter(kind for kind, _value in new).items():
                self.report.add(where, DisclosureAction.MASKED, KIND_NAMES[kind], count)
        return "".join(out)

    # ------------------------------------------------------------------ the record

    def case(self, case: Case, where: str = "文书", exhibits: Mapping[int, str] | None = None) -> Case:
        """A copy of ``case`` as this destination may see it (the record itself is not changed).

        What is masked in an exhibit's own texts is reported under its name in ``exhibits`` (number → 证据3, as
        the packet names it and reports its printed text), else under its own number (案卷编号5).

        Parties the destination does not see are masked field by field; every free text (facts,
        timeline events and their references, demands, notes, the handling records' texts, exhibit
        titles, sources, purposes, file names, why an arbitration agreement is not relied on,
        transcripts, mail headers) goes through :meth:`text`. File paths, hashes and times are kept:
        the packet is still made from the evidence files the case recorded.
        """
        shown = copy.deepcopy(case)
        for role in ROLES:
            party = party_in(shown, role)
            if party is not None and role not in self.shown_roles:
                masked = masked_party(party)
                if masked != party and self.report is not None:
                    self.report.add(where, DisclosureAction.MASKED, f"{ROLE_NAMES[role]}的个人信息")
                _put_party(shown, role, masked)
        shown.title = self.text(shown.title, where)
        shown.facts = self.text(shown.facts, where)
        shown.channel_ref = self.text(shown.channel_ref, where)
        shown.responsibility_rationale = self.text(shown.responsibility_rationale, where)
        for demand in shown.demands:
            demand.description = self.text(demand.description, where)
            demand.basis = self.text(demand.basis, where)
        for event in shown.timeline:
            event.summary = self.text(event.summary, where)
            event.people = self.text(event.people, where)
            event.place = self.text(event.place, where)
            event.ref = self.text(event.ref, where)
        for change in shown.stage_log:
            change.note = self.text(change.note, where)
        # The handling records the narratives tell (proposals and answers, proceedings, outcome, payments, closings).
        flow = shown.workflow
        for proposal in flow.proposals:
            proposal.summary = self.text(proposal.summary, where)
            proposal.answer_note = self.text(proposal.answer_note, where)
        for proceeding in flow.proceedings:
            proceeding.body = self.text(proceeding.body, where)
            proceeding.ref = self.text(proceeding.ref, where)
            proceeding.summary = self.text(proceeding.summary, where)
        if flow.outcome is not None:
            flow.outcome.summary = self.text(flow.outcome.summary, where)
        for payment in flow.payments:
            payment.method = self.text(payment.method, where)
            payment.note = self.text(payment.note, where)
        for finding in flow.findings:
            finding.reasons = self.text(finding.reasons, where)
        for closing in flow.closings:
            closing.note = self.text(closing.note, where)
        names = exhibits or {}
        for exhibit in shown.exhibits:
            self.exhibit(exhibit, names.get(exhibit.number) or own_name(exhibit.number))
        return shown

    def exhibit(self, exhibit: Exhibit, where: str) -> None:
        """Mask an exhibit's texts in place (a copy made by :meth:`case`)."""
        exhibit.title = self.text(exhibit.title, where)
        exhibit.source = self.text(exhibit.source, where)
        exhibit.purpose = self.text(exhibit.purpose, where)
        exhibit.original_name = self.text(exhibit.original_name, where)
        exhibit.withdraw_reason = self.text(exhibit.withdraw_reason, where)
        exhibit.agreement_reason = self.text(exhibit.agreement_reason, where)
        exhibit.group = self.text(exhibit.group, where)
        mail = exhibit.metadata.email
        if mail is not None:
            for name in ("sender", "to", "cc", "subject"):
                setattr(mail, name, self.text(getattr(mail, name), where))
        if exhibit.transcript is not None:
            self.transcript(exhibit.transcript, where)

    def transcript(self, t: Transcript, where: str) -> None:
        t.recorded_by = self.text(t.recorded_by, where)
        t.device = self.text(t.device, where)
        t.place_or_method = self.text(t.place_or_method, where)
        t.participants = [self.text(p, where) for p in t.participants]
        t.transcriber = self.text(t.transcriber, where)
        t.statement = self.text(t.statement, where)
        for line in t.lines:
            line.speaker = self.text(line.speaker, where)
            line.text = self.text(line.text, where)


ROLE_NAMES = {
    "complainant": "投诉人/消费者",
    "respondent": "被投诉人",
    "courier": "承运人",
    "agent": "委托代理人",
    "claimant": "索赔人",
    "sender": "寄件人",
    "recipient": "收件人",
}
