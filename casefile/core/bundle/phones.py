"""A mobile phone's 三包 windows (移动电话机商品修理更换退货责任规定 arts. 11, 12): whether the goods are a phone and
which window its fault fell in, counted from the sale. No layout here: the preflight asks too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from casefile.core import zone
from casefile.core.model import Case

# A mobile phone (移动电话机, its 主机): the product as the user named it, not an accessory sold alone.
_PHONE = re.compile(r"手机|移动电话|iPhone|智能机", re.IGNORECASE)
_ACCESSORY = re.compile(r"手机(?:壳|膜|套|支架|配件|挂绳|电池|充电|耳机|数据线|卡托)|充电器|耳机|数据线|保护壳|钢化膜")


@dataclass(frozen=True)
class PhoneWindow:
    """A mobile phone's fault within the 三包 rule's first windows, counted from the day of sale (售出之日) as day 1:
    within 7 days the consumer may choose return, exchange or repair (art. 11); from day 8 to day 15 exchange
    or repair (art. 12). Only a fault listed in the rule's 附录3 (性能故障表) counts: the packet says so."""

    article: str  # law.py id: phone-3bao.11 or phone-3bao.12
    sold: date
    fault: date
    day: int  # the fault's day, the day of sale being day 1
    refund: bool  # a return (退货) is among the choices

    @property
    def choices(self) -> str:
        return "退货、换货或者修理" if self.refund else "换货或者修理"


def is_mobile_phone(case: Case) -> bool:
    """Whether the goods are a mobile phone, as the purchase names them (商品, 品牌型号)."""
    text = f"{case.transaction.product} {case.transaction.brand_model}"
    return bool(_PHONE.search(text)) and not _ACCESSORY.search(text)


def phone_window(case: Case) -> PhoneWindow | None:
    """The phone 三包 window the fault fell in (移动电话机商品修理更换退货责任规定 arts. 11, 12), or None: not a
    phone, the sale or the fault time not entered, or the fault after day 15."""
    txn = case.transaction
    if txn.purchased_at is None or txn.fault_at is None or not is_mobile_phone(case):
        return None
    sold, fault = _day(txn.purchased_at), _day(txn.fault_at)
    day = (fault - sold).days + 1
    if 1 <= day <= 7:
        return PhoneWindow("phone-3bao.11", sold, fault, day, True)
    if 8 <= day <= 15:
        return PhoneWindow("phone-3bao.12", sold, fault, day, False)
    return None


def _day(value: datetime) -> date:
    """The day of ``value`` in Beijing time, as periods count days (a naive time as it is)."""
    return (value if value.tzinfo is None else value.astimezone(zone.BEIJING)).date()
