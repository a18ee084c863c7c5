"""Checks for the identifiers people type: phone numbers, ID numbers, credit codes."""

from __future__ import annotations

import re

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
