"""Checks for what people type: phone numbers, credit codes, times, amounts, texts."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import datetime
from decimal import Decimal
from typing import Any

from casefile.core.errors import InvalidValueError

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_SERVICE = re.compile(r"^(400|800)-?\d{3}-?\d{4}$|^95\d{3,6}$|^1\d{4}$")


def normalise_phone(text: str) -> str:
    """A Chinese mobile, landline or service number, without spaces or the +86 prefix."""
    compact = re.sub(r"[\s()（）]", "", text.strip())
    compact = re.sub(r"^(\+86|0086)-?", "", compact)
    if _MOBILE.match(compact) or _LANDLINE.match(compact) or _SERVICE.match(compact):
        return compact
    raise InvalidValueError(
        "{text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)",
        text=text,
    )


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def check_credit_code(text: str) -> str:
    """An 18-character unified social credit code with a valid check character (GB 32100)."""
    value = text.strip().upper()
    if len(value) != 18 or any(ch not in _USCC_CHARS for ch in value):
        raise InvalidValueError("{text!r} is not an 18-character unified social credit code", text=text)
    total = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(value[:17], _USCC_WEIGHTS, strict=True))
    if _USCC_CHARS[(31 - total % 31) % 31] != value[17]:
        raise InvalidValueError("{text!r}: the check character of this credit code is wrong (mistyped?)", text=text)
    return value


# ---------------------------------------------------------------------------- what people type into a record
#
# Checked where input enters a record (a new case, an update, an event, an exhibit's
# fields), never when a record is read back: a record written before a limit existed
# stays readable, and its custody log keeps verifying.

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def check_time(value: datetime, where: str = "time") -> datetime:
    """A time someone typed: refuse years no dispute can have, which would also break deadline arithmetic."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise InvalidValueError(
            "{where}: {value} is not a plausible time (use a date between {earliest} and {latest})",
            where=where,
            value=value.isoformat(),
            earliest=EARLIEST_YEAR,
            latest=LATEST_YEAR,
        )
    return value


MAX_AMOUNT = Decimal(10) ** 10  # yuan; far beyond any consumer dispute, far below what breaks a form
_AMOUNT_TEXT = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_TOO_PRECISE = re.compile(r"^[0-9]*\.[0-9]{3,}$")


def check_amount(amount: Decimal, where: str = "amount") -> Decimal:
    """A money amount in yuan: exact, zero or more, to the fen (two decimals at most), at most MAX_AMOUNT."""
    if not amount.is_finite() or amount < 0:
        raise InvalidValueError("{where}: {value!r} must be zero or more", where=where, value=str(amount))
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidValueError("{where}: {value!r} has more than two decimals", where=where, value=str(amount))
    if amount > MAX_AMOUNT:
        raise InvalidValueError(
            "{where}: {value} is more than {limit} yuan; check the amount",
            where=where,
            value=f"{amount:f}" if amount.adjusted() < 40 else f"{amount:.3e}",
            limit=f"{MAX_AMOUNT:,.0f}",
        )
    return amount


def amount_from_text(text: str, where: str = "amount") -> Decimal:
    """An amount as people write it: 1299, 1,299.00, ¥1299.5 (full-width digits too); no exponents."""
    compact = unicodedata.normalize("NFKC", text).strip().replace(",", "").lstrip("¥￥").strip()
    if not _AMOUNT_TEXT.match(compact):
        if compact.startswith("-") and _AMOUNT_TEXT.match(compact[1:]):
            raise InvalidValueError("{where}: {value!r} must be zero or more", where=where, value=text)
        if _TOO_PRECISE.match(compact):
            raise InvalidValueError("{where}: {value!r} has more than two decimals", where=where, value=text)
        raise InvalidValueError("{where}: {value!r} is not an amount (e.g. 1299.00)", where=where, value=text)
    return check_amount(Decimal(compact), where)


TITLE_LIMIT = 500  # characters
SHORT_TEXT_LIMIT = 2_000  # names, addresses, numbers, sources, places...
LONG_TEXT_LIMIT = 50_000  # what happened, summaries, descriptions, proof purposes, notes, transcript lines
_LONG_TEXT_FIELDS = {
    "facts",
    "responsibility_rationale",
    "description",
    "summary",
    "purpose",
    "note",
    "reason",
    "withdraw_reason",
    "statement",
    "text",
}
# Fields that are not typed by anyone: what a file says about itself.
_NOT_TYPED = {"metadata"}


def text_limit(where: str) -> int:
    """The length limit of the field that ``where`` ("title", "demands[0].description"...) names."""
    name = where.rsplit(".", 1)[-1].split("[", 1)[0].lstrip("-").replace("-", "_")
    if name == "title":
        return TITLE_LIMIT
    return LONG_TEXT_LIMIT if name in _LONG_TEXT_FIELDS else SHORT_TEXT_LIMIT


def check_text(value: str, where: str) -> str:
    limit = text_limit(where)
    if len(value) > limit:
        raise InvalidValueError(
            "{where} is too long: {length} characters (at most {limit})", where=where, length=len(value), limit=limit
        )
    return value


def check_input(value: Any, where: str = "") -> None:
    """Check what someone typed into a record (a dataclass, a list or one value) before it is recorded.

    Texts against their field's length limit, times against the plausible years, amounts
    against :func:`check_amount`. ``where`` names the field in the message.
    """
    if isinstance(value, str):
        check_text(value, where)
    elif isinstance(value, datetime):
        check_time(value, where)
    elif isinstance(value, Decimal):
        check_amount(value, where)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_input(item, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in _NOT_TYPED:
                check_input(getattr(value, f.name), f"{where}.{f.name}" if where else f.name)
