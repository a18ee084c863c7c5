"""A mobile phone's 三包 windows (移动电话机商品修理更换退货责任规定 arts. 11, 12): whether the goods are a phone and
which window its fault fell in, counted from the sale. No layout here: the preflight asks too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from casefile.core import zone
from casefile.core.model import Case

# A mobile phone (移动电话机, its 主机): the product as the user named it, not an accessory sold alone. What comes
# with it (手机（含充电器）, 送手机壳) is dropped first: a phone sold with its charger is a phone.
_WITH = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]|(?:含|附赠|附送|赠送|另赠|加送|送)\S*")
_PHONE_WORD = re.compile(r"手机|移动电话|智能机|smart\s*phone|mobile\s*phone|cell\s*phone|iPhone", re.IGNORECASE)
# Brands and series that name phones: 华为 Mate 60, 小米14, Redmi K70, OPPO Find X7, vivo X100, iQOO 12, 一加 12…
_PHONE_MODEL = re.compile(
    r"(?:华为|HUAWEI)\s*(?:Mate|P|nova|Pura|畅享)\s*\d|(?:Mate|Pura)\s*\d{2}|nova\s*\d{1,2}(?!\d)"
    r"|Mate\s*X\d|Pocket\s*\d|(?:荣耀|HONOR)\s*(?:Magic\s*\d|Magic\s*V|X\d{2}|\d{2,3}(?!\d)|Play)"
    r"|(?:小米|Xiaomi)\s*(?:\d{1,2}(?!\d)|MIX|Civi)|(?:红米|Redmi)\s*(?:K\d|Note|Turbo|\d{2}(?!\d))"
    r"|(?:OPPO\s*)?(?:Find\s*(?:X|N)\d|Reno\s*\d)|OPPO\s*(?:A|K)\d"
    r"|vivo\s*(?:X|S|Y|T)\s*\d|vivo\s*X\s*Fold|iQOO\s*(?:Neo|Z|Pro|\d)"
    r"|(?:一加|OnePlus)\s*(?:Ace|\d)|realme\s*(?:GT|Q|C)?\s*\d|(?:真我)\s*(?:GT|Q)?\s*\d"
    r"|(?:魅族|MEIZU)\s*\d{2}|(?:三星|Samsung)?\s*Galaxy\s*(?:S|Z|A|Note|M)\s*\d|Galaxy\s*Z\s*(?:Fold|Flip)"
    r"|(?:Google\s*)?Pixel\s*\d|(?:努比亚|nubia)\s*(?:Z|红魔|Flip)?\s*\d|红魔\s*\d"
    r"|(?:中兴|ZTE)\s*(?:Axon|远航)?\s*\d",
    re.IGNORECASE,
)
# The maker's name alone (华为, 小米…): a phone, a tablet, a watch or a television; asked, not guessed.
_PHONE_MAKER = re.compile(
    r"华为|HUAWEI|荣耀|HONOR|小米|Xiaomi|红米|Redmi|OPPO|vivo|iQOO|一加|OnePlus|realme|真我|魅族|MEIZU|三星|Samsung"
    r"|Galaxy|Apple|苹果|Google|Pixel|努比亚|nubia|中兴|ZTE|摩托罗拉|Motorola|传音|Tecno|诺基亚|Nokia",
    re.IGNORECASE,
)
# What a maker of phones sells besides (and what a phone's accessories are called), the product being that thing.
_OTHER_GOODS = re.compile(
    r"壳|膜|保护套|手机套(?!装|餐)|支架|挂绳|充电器|充电头|充电宝|移动电源|耳机|数据线|卡托|配件|平板|Pad|Tab|笔记本|电脑|"
    r"Book|手表|手环|Watch|Band|Buds|音箱|电视|路由器|显示器|冰箱|洗衣机|空调|扫地|吸尘|电动车|汽车|键盘|鼠标|"
    r"手写笔|Pencil|AirPods|iPad|Mac",
    re.IGNORECASE,
)
_ACCESSORY = re.compile(r"手机(?:壳|膜|套(?!装|餐)|支架|配件|挂绳|电池|充电|耳机|数据线|卡托|袋|贴)")


@dataclass(frozen=True)
class PhoneWindow:
    """A mobile phone's fault within the 三包 rule's first windows, counted from the day of sale (售出之日) as periods
    in days are (民法典 art. 201: the day of sale is not counted, day 1 is the day after): within 7 days the consumer
    may choose return, exchange or repair (art. 11); from day 8 to day 15 exchange or repair (art. 12). Only a
    fault listed in the rule's 附录3 (性能故障表) counts: the packet says so."""

    article: str  # law.py id: phone-3bao.11 or phone-3bao.12
    sold: date
    fault: date
    day: int  # the fault's day after the sale: 0 the day of sale itself, 1 the day after
    refund: bool  # a return (退货) is among the choices

    @property
    def choices(self) -> str:
        return "退货、换货或者修理" if self.refund else "换货或者修理"


def is_mobile_phone(case: Case) -> bool:
    """Whether the goods are a mobile phone: as the user said (Transaction.is_phone), else as the purchase names them
    (商品, 品牌型号) when that is plain."""
    return phone_status(case) is True


def phone_status(case: Case) -> bool | None:
    """Whether the goods are a mobile phone: the user's word (Transaction.is_phone) first; else True or False when the
    product and model say so plainly, None when they do not (a maker's name alone: 华为 makes tablets too)."""
    txn = case.transaction
    if txn.is_phone is not None:
        return txn.is_phone
    return phone_from_text(txn.product, txn.brand_model)


def phone_from_text(product: str, brand_model: str) -> bool | None:
    """Whether the product and its brand and model name a mobile phone (True), something else (False), or cannot
    tell (None). The product decides what the goods are, and its last word is what it is (Chinese names the thing
    last): 手机壳 and iPhone 15 保护壳 are cases, 手机（含充电器） a phone with its charger; the model only tells when
    the product says nothing of it."""
    for text in (product, brand_model):
        own = text[:1] + _WITH.sub(" ", text[1:])  # what comes with it is not what it is (送… first is no gift)
        phone = _last_end([_PHONE_WORD, _PHONE_MODEL], own)
        other = _last_end([_ACCESSORY, _OTHER_GOODS], own)
        if phone is not None and (other is None or other <= phone):
            return True
        if other is not None:
            return False
        if _named_else(own):
            return False  # 空气炸锅 (小米): goods named, and not a phone
    if _PHONE_MAKER.search(f"{product} {brand_model}"):
        return None  # a maker of phones and of other goods (华为 makes tablets too): ask
    return False


def _named_else(text: str) -> bool:
    """Whether a product's name says what the goods are besides the maker's name (空气炸锅, not 华为)."""
    rest = _PHONE_MAKER.sub("", text)
    return sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff") >= 2


def _last_end(patterns: list[re.Pattern[str]], text: str) -> int | None:
    ends = [m.end() for p in patterns for m in p.finditer(text)]
    return max(ends) if ends else None


def phone_window(case: Case) -> PhoneWindow | None:
    """The phone 三包 window the fault fell in (移动电话机商品修理更换退货责任规定 arts. 11, 12), or None: not a
    phone, the sale or the fault time not entered, or the fault after day 15."""
    txn = case.transaction
    if txn.purchased_at is None or txn.fault_at is None or not is_mobile_phone(case):
        return None
    sold, fault = phone_day(txn.purchased_at), phone_day(txn.fault_at)
    day = (fault - sold).days  # 民法典 art. 201: the day of sale is not counted
    if 0 <= day <= 7:
        return PhoneWindow("phone-3bao.11", sold, fault, day, True)
    if 8 <= day <= 15:
        return PhoneWindow("phone-3bao.12", sold, fault, day, False)
    return None


def phone_day(value: datetime) -> date:
    """The day of ``value`` in Beijing time, as periods count days (a naive time as it is)."""
    return (value if value.tzinfo is None else value.astimezone(zone.BEIJING)).date()
