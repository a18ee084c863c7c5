"""Checks for what people type: phone numbers, credit codes, times, amounts, texts."""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from casefile.core.errors import InvalidValueError
from casefile.core.textsafe import without_unseen

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_SERVICE = re.compile(r"^(400|800)-?\d{3}-?\d{4}$|^95\d{3,6}$|^1\d{4}$")


def normalise_phone(text: str) -> str:
    """A Chinese mobile, landline or service number, without spaces or the +86 prefix.

    Full-width digits and dashes are read as their ASCII forms; a mobile number written in groups
    (139-0571-2233, 139 0571 2233), as people dictate them, is kept as its 11 digits.
    """
    compact = re.sub(r"[‐‑‒–—―−]", "-", unicodedata.normalize("NFKC", text.strip()))
    compact = re.sub(r"[\s()]", "", compact)
    compact = re.sub(r"^(\+86|0086)-?", "", compact)
    if _MOBILE.match(compact.replace("-", "")) and not compact.startswith("-") and "--" not in compact:
        return compact.replace("-", "")
    if _MOBILE.match(compact) or _LANDLINE.match(compact) or _SERVICE.match(compact):
        return compact
    raise InvalidValueError(
        "{text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)",
        text=text,
    )


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def check_credit_code(text: str, where: str = "") -> str:
    """An 18-character unified social credit code with a valid check character (GB 32100)."""
    value = _compact(text)
    if len(value) != 18 or any(ch not in _USCC_CHARS for ch in value):
        if where:
            raise InvalidValueError(
                "{where}: {text!r} is not an 18-character unified social credit code", where=where, text=text
            )
        raise InvalidValueError("{text!r} is not an 18-character unified social credit code", text=text)
    total = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(value[:17], _USCC_WEIGHTS, strict=True))
    if _USCC_CHARS[(31 - total % 31) % 31] != value[17]:
        if where:
            raise InvalidValueError(
                "{where}: {text!r}: the check character of this credit code is wrong (mistyped?)",
                where=where,
                text=text,
            )
        raise InvalidValueError("{text!r}: the check character of this credit code is wrong (mistyped?)", text=text)
    return value


_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"


def _compact(text: str) -> str:
    """Full-width characters made plain, spaces removed, letters in capitals (as IDs and codes are written)."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text)).upper()


def _birth_date_in_id(digits: str) -> date | None:
    try:
        return date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def check_resident_id(text: str, where: str = "ID number") -> str:
    """A resident ID number (公民身份号码, GB 11643): 18 characters whose last is the check character
    of the first 17, with a real birth date not in the future. An old 15-digit number has no check
    character: only its birth date (19YYMMDD) can be checked, and it is accepted when that is real."""
    value = _compact(text)
    if len(value) == 15 and value.isdigit():
        born = _birth_date_in_id("19" + value[6:12])
        if born is None:
            raise InvalidValueError(
                "{where}: {text!r} is an old 15-digit ID number, which has no check digit; "
                "only its birth date can be checked, and 19{date} is not a real date",
                where=where,
                text=text,
                date=value[6:12],
            )
        return value
    if len(value) != 18 or not value[:17].isdigit() or value[17] not in _ID_CHECK:
        raise InvalidValueError(
            "{where}: {text!r} is not a resident ID number (18 characters: 17 digits and a check digit or X; "
            "an old 15-digit number is accepted when its birth date is real)",
            where=where,
            text=text,
        )
    total = sum(int(ch) * w for ch, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != value[17]:
        raise InvalidValueError(
            "{where}: {text!r}: the check digit of this ID number is wrong (mistyped?)", where=where, text=text
        )
    born = _birth_date_in_id(value[6:14])
    if born is None or born.year < EARLIEST_YEAR:
        raise InvalidValueError(
            "{where}: {text!r}: the birth date in this ID number ({date}) is not a real date",
            where=where,
            text=text,
            date=value[6:14],
        )
    if born > date.today():
        raise InvalidValueError(
            "{where}: {text!r}: the birth date in this ID number ({date}) is in the future",
            where=where,
            text=text,
            date=born.isoformat(),
        )
    return value


def birth_date_of_id(number: str) -> date | None:
    """The birth date a (valid) resident ID number states."""
    value = _compact(number)
    if len(value) == 15 and value.isdigit():
        return _birth_date_in_id("19" + value[6:12])
    if len(value) == 18:
        return _birth_date_in_id(value[6:14])
    return None


def check_postcode(text: str, where: str = "postcode") -> str:
    """A Chinese postcode: six digits."""
    value = _compact(text)
    if not re.fullmatch(r"\d{6}", value):
        raise InvalidValueError("{where}: {text!r} is not a postcode (six digits, e.g. 200030)", where=where, text=text)
    return value


_EMAIL = re.compile(r"^[^@\s]*@[^@\s]+\.[^@\s.]+$")
_EMAIL_SEPARATORS = re.compile(r"[;；,，、\s]+")


def check_email(text: str, where: str = "email") -> str:
    """One e-mail address, or several separated by ； (a business's service and after-sales mailboxes). A business
    may also be given a whole mail domain of its own, written @shop.example.cn: every address there is its
    mailbox (casefile.core.disclosure.masking)."""
    value = unicodedata.normalize("NFKC", text).strip()
    entries = [e for e in _EMAIL_SEPARATORS.split(value) if e]
    if not entries or not all(_EMAIL.match(e) for e in entries):
        raise InvalidValueError("{where}: {text!r} is not an email address", where=where, text=text)
    return value if len(entries) == 1 else "；".join(entries)


def check_birth_date(text: str, where: str = "birth date") -> str:
    """A birth date as YYYY-MM-DD: a real date, not before 1900 and not in the future."""
    value = unicodedata.normalize("NFKC", text).strip().replace("/", "-").replace(".", "-")
    parts = value.split("-")
    try:
        born = date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError("{where}: {text!r} is not a date (e.g. 1990-05-01)", where=where, text=text) from None
    if born.year < EARLIEST_YEAR or born > date.today():
        raise InvalidValueError(
            "{where}: {text!r} is not a plausible birth date (from {earliest} to today)",
            where=where,
            text=text,
            earliest=EARLIEST_YEAR,
        )
    return born.isoformat()


_GENDERS = {"男": "男", "女": "女", "M": "男", "F": "女", "MALE": "男", "FEMALE": "女"}


def check_gender(text: str, where: str = "gender") -> str:
    """男 or 女 (also written male/female, m/f)."""
    value = _GENDERS.get(_compact(text))
    if value is None:
        raise InvalidValueError("{where}: {text!r} is not a gender (男 or 女, male or female)", where=where, text=text)
    return value


# Choices stored as text (casefile.core.model names them for the record).
HANDED_IN = ("original", "copy", "object", "electronic")  # what a customer handed over: 原件/复印件/实物/电子
DISPOSITIONS = ("kept", "returned")  # what the store did with it: 留存 / 退回
# Who a timeline event was with: the business complained about, the carrier, the consumer, the
# consumer association (消协), the market regulator (12315), the postal regulator (邮政管理部门, 12305),
# a court, an arbitration commission.
EVENT_PARTIES = (
    "respondent",
    "courier",
    "complainant",
    "consumer-association",
    "regulator",
    "postal-regulator",
    "court",
    "arbitration",
)

# Who spoke to whom, between our side and the party a timeline event was with: "out" (我方→对方, we said or sent it
# to them), "in" (对方→我方, they to us); "" is internal or not said.
EVENT_DIRECTIONS = ("out", "in")


# Who proposes, pays or is paid in the handling of a dispute: the parties of the timeline, and a
# manufacturer or another party outside the case (casefile.core.workflow.handling).
HANDLING_PARTIES = (*EVENT_PARTIES, "manufacturer", "third-party")


def _choice(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def check(text: str, where: str = "") -> str:
        if text not in choices:
            raise InvalidValueError(
                "{where}: {text!r} is not one of {choices}", where=where, text=text, choices=", ".join(choices)
            )
        return text

    return check


check_handed_in = _choice(HANDED_IN)
check_disposition = _choice(DISPOSITIONS)
check_event_party = _choice(EVENT_PARTIES)
check_event_direction = _choice(EVENT_DIRECTIONS)


MAX_QUANTITY = 1_000_000


def check_quantity(value: int, where: str = "quantity") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_QUANTITY:
        raise InvalidValueError(
            "{where}: {value!r} is not a quantity (a whole number from 1 to {limit})",
            where=where,
            value=value,
            limit=MAX_QUANTITY,
        )
    return value


def quantity_from_text(text: str, where: str = "quantity") -> int:
    compact = _compact(text)
    if not compact.isdigit():
        raise InvalidValueError(
            "{where}: {value!r} is not a quantity (a whole number from 1 to {limit})",
            where=where,
            value=text,
            limit=MAX_QUANTITY,
        )
    return check_quantity(int(compact), where)


MAX_WEIGHT = Decimal(100_000)  # kilograms; a parcel, not a ship


def check_weight(value: Decimal, where: str = "weight") -> Decimal:
    """A weight in kilograms: zero or more, to the gram (three decimals at most)."""
    if not value.is_finite() or value < 0 or value > MAX_WEIGHT or value.as_tuple().exponent < -3:  # type: ignore[operator]
        raise InvalidValueError(
            "{where}: {value} is not a weight in kilograms (e.g. 1.25; at most three decimals)",
            where=where,
            value=str(value),
        )
    return value


def weight_from_text(text: str, where: str = "weight") -> Decimal:
    compact = _compact(text).removesuffix("KG")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", compact):
        raise InvalidValueError(
            "{where}: {value} is not a weight in kilograms (e.g. 1.25; at most three decimals)", where=where, value=text
        )
    try:
        return check_weight(Decimal(compact), where)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only plain decimals
        raise InvalidValueError("{where}: {value} is not a weight", where=where, value=text) from None


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
# A proof purpose is printed whole in its evidence-list cell (33 mm wide, about nine characters a line): 300
# characters fill some 200 mm, so an exhibit's row at the limit still fits one page of the list. A purpose says
# what the exhibit proves in a sentence or two; what happened goes in the facts.
PURPOSE_LIMIT = 300
SHORT_TEXT_LIMIT = 2_000  # names, addresses, numbers, sources, places...
LONG_TEXT_LIMIT = 50_000  # what happened, summaries, descriptions, proof purposes, notes, transcript lines
_LONG_TEXT_FIELDS = {
    "facts",
    "responsibility_rationale",
    "description",
    "summary",
    "note",
    "reason",
    "withdraw_reason",
    "statement",
    "text",
    "basis",
}
# Fields that are not typed by anyone: what a file says about itself.
_NOT_TYPED = {"metadata"}


def _text_field(where: str) -> str:
    return where.rsplit(".", 1)[-1].split("[", 1)[0].lstrip("-").replace("-", "_")


def text_limit(where: str) -> int:
    """The length limit of the field that ``where`` ("title", "demands[0].description"...) names."""
    name = _text_field(where)
    if name == "title":
        return TITLE_LIMIT
    if name == "purpose":
        return PURPOSE_LIMIT
    return LONG_TEXT_LIMIT if name in _LONG_TEXT_FIELDS else SHORT_TEXT_LIMIT


def multi_line(where: str) -> bool:
    """Whether the field ``where`` names holds lines (facts, notes, descriptions), not one line (a title, a name)."""
    return _text_field(where) in _LONG_TEXT_FIELDS


# Control characters: C0 (tab and line breaks among them), DEL and C1. A terminal acts on them and a page
# cannot print them; in a one-line field a line break or tab is a paste, the rest never typed on purpose.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
# Lone surrogates: what a JSON file's "\\ud800" gives, no character at all, which cannot be stored as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Recorded from files, not typed: a control character in a file's name is evidence of what the name was.
_FROM_FILES = {"original_name", "original_path", "stored_path"}


def clean_text(value: str, where: str, field: str = "") -> str:
    """``value`` as its field (``field``, else the field ``where`` names) keeps it: a one-line field's line breaks
    and tabs become one space; a multi-line field keeps its lines (CR LF and CR become LF, a tab a space) and
    drops every other control character. A one-line field's other control characters stay, for
    :func:`check_text` to refuse by name."""
    name = field or where
    if not multi_line(name) and _text_field(name) not in _FROM_FILES:
        value = without_unseen(value)
    if not _CONTROL.search(value) and "\u2028" not in value and "\u2029" not in value:
        return value  # the common case
    if multi_line(name):
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        value = value.replace("\t", " ")
        return "".join(ch for ch in value if ch == "\n" or not _CONTROL.match(ch))
    return _LINE_BREAKS.sub(" ", value)


def check_text(value: str, where: str, field: str = "") -> str:
    """A text within the limit of its field (``field``, else the field ``where`` names), without control
    characters: none in a one-line field, none but line breaks and tabs in a multi-line one (:func:`clean_text`
    makes a typed text so)."""
    name = field or where
    limit = text_limit(name)
    if len(value) > limit:
        raise InvalidValueError(
            "{where} is too long: {length} characters (at most {limit})", where=where, length=len(value), limit=limit
        )
    if _text_field(name) in _FROM_FILES:
        return value
    allowed = "\n\r\t" if multi_line(name) else ""
    bad = next((ch for ch in _CONTROL.findall(value) if ch not in allowed), None)
    if bad is not None:
        raise InvalidValueError(
            "{where} contains a control character ({char}), which cannot be printed; type it again without it",
            where=where,
            char=f"U+{ord(bad):04X}",
        )
    lone = _SURROGATE.search(value)
    if lone is not None:
        raise InvalidValueError(
            "{where} contains {char}, half of a character (a broken copy or file); type it again without it",
            where=where,
            char=f"U+{ord(lone.group()):04X}",
        )
    return value


def check_phone(text: str, where: str = "phone") -> str:
    """:func:`normalise_phone`, naming the field in the message."""
    try:
        return normalise_phone(text)
    except InvalidValueError:
        raise InvalidValueError(
            "{where}: {text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, "
            "or 400-123-4567)",
            where=where,
            text=text,
        ) from None


# Texts with a form of their own, by field name: checked when not empty.
_TEXT_CHECKS: dict[str, Callable[[str, str], str]] = {
    "phone": check_phone,
    "postcode": check_postcode,
    "email": check_email,
    "birth_date": check_birth_date,
    "gender": check_gender,
    "handed_in": check_handed_in,
    "disposition": check_disposition,
    "party": check_event_party,
    "direction": check_event_direction,
}
# Times of things that happened (a purchase, a delivery): not after today. A complaint time may be
# set ahead (tests and planning do), and a deadline is in the future by nature.
_PAST_TIMES = {"purchased_at", "received_at", "fault_at", "shipped_at", "signed_at", "exception_at", "discovered_at"}
FUTURE_SLACK = timedelta(days=1)  # a clock or a time zone a little off is not a typo


def _field_name(where: str) -> str:
    return where.rsplit(".", 1)[-1].split("[", 1)[0]


# A stage change or an event is stated at the desk, in the machine's own time zone: a few minutes
# ahead is a clock, tomorrow is a typo.
CLOCK_SLACK = timedelta(minutes=5)


def check_past_time(value: datetime, where: str = "time", slack: timedelta = FUTURE_SLACK) -> datetime:
    """A time something happened: plausible, and not later than now (give or take ``slack``)."""
    check_time(value, where)
    now = datetime.now(value.tzinfo) if value.tzinfo else datetime.now()
    if value > now + slack:
        raise InvalidValueError(
            "{where}: {value} is in the future; check the date", where=where, value=value.isoformat(sep=" ")
        )
    return value


def mark_seconds(mark: str) -> int | None:
    """A transcript time mark (hh:mm:ss or mm:ss) as seconds into the recording; None when it is not one."""
    parts = mark.strip().split(":") if isinstance(mark, str) else []
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        return None
    total = 0
    for part in parts:
        total = total * 60 + int(part)
    return total


def clock(seconds: float) -> str:
    """A length in seconds as hh:mm:ss, rounded up (a recording of 83.2 s reaches 00:01:24)."""
    whole = math.ceil(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def check_marks_within(marks: Sequence[str], duration: float | None) -> None:
    """Transcript time marks (in line order) that a recording of ``duration`` seconds reaches.

    A mark beyond the end quotes what the recording does not hold: the transcript does not match it.
    Nothing is checked when the length is not known (a file whose length could not be read).
    """
    if isinstance(duration, bool) or not isinstance(duration, int | float) or not duration > 0:
        return
    end = math.ceil(duration)
    for number, mark in enumerate(marks, start=1):
        seconds = mark_seconds(mark)
        if seconds is not None and seconds > end:
            raise InvalidValueError(
                "transcript line {number}: the time mark {mark} is beyond the end of the recording ({length}); "
                "check the transcript against the recording",
                number=number,
                mark=mark,
                length=clock(duration),
            )


def check_recording_times(started: datetime | None, ended: datetime | None) -> None:
    """A recording does not end before it starts."""
    if started is not None and ended is not None and ended < started:
        raise InvalidValueError(
            "transcript: the recording ends ({ended}) before it starts ({started})",
            ended=ended.isoformat(sep=" "),
            started=started.isoformat(sep=" "),
        )


def _passes(check: Callable[[str, str], str], text: str) -> bool:
    try:
        check(text, "")
    except InvalidValueError:
        return False
    return True


def check_identity(value: Any, where: str) -> None:
    """A party's (or an agent's) identity number by its kind: a resident ID for a person, a unified
    social credit code for an organisation; a person's birth date must agree with the ID's."""
    number = getattr(value, "id_number", "")
    if not isinstance(number, str) or not number.strip():
        return
    at = f"{where}.id_number" if where else "id_number"
    organisation = str(getattr(value, "kind", "person")) == "organisation"
    try:
        (check_credit_code if organisation else check_resident_id)(number, at)
    except InvalidValueError:
        if organisation and _passes(check_resident_id, number):
            raise InvalidValueError(
                "{where}: {text!r} is a resident ID number; an organisation is named by its unified social credit code",
                where=at,
                text=number,
            ) from None
        if not organisation and _passes(check_credit_code, number):
            raise InvalidValueError(
                "{where}: {text!r} is a unified social credit code; for a person give the resident ID number "
                "(or make the party an organisation)",
                where=at,
                text=number,
            ) from None
        raise
    if organisation:
        return
    born = getattr(value, "birth_date", "")
    stated = birth_date_of_id(number)
    if isinstance(born, str) and born.strip() and stated is not None and check_birth_date(born) != stated.isoformat():
        raise InvalidValueError(
            "{where}: the birth date {born} does not match the one in the ID number ({stated})",
            where=f"{where}.birth_date" if where else "birth_date",
            born=born,
            stated=stated.isoformat(),
        )


def clean_input(value: Any, where: str = "") -> Any:
    """``value`` (a dataclass, a list or one value, as :func:`check_input` takes) with every text made as its field
    keeps it (:func:`clean_text`); a dataclass is copied when a text in it changes, never changed in place."""
    if isinstance(value, str):
        return clean_text(value, where)
    if isinstance(value, list | tuple):
        items = [clean_input(item, f"{where}[{i}]") for i, item in enumerate(value)]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items) if isinstance(value, tuple) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.name in _NOT_TYPED or f.name in _FROM_FILES or not f.init:
                continue
            was = getattr(value, f.name)
            now = clean_input(was, f"{where}.{f.name}" if where else f.name)
            if now is not was:
                changes[f.name] = now
        return dataclasses.replace(value, **changes) if changes else value
    return value


def check_input(value: Any, where: str = "") -> None:
    """Check what someone typed into a record (a dataclass, a list or one value) before it is recorded.

    Texts against their field's length limit and, by field name, their form (phones, postcodes,
    emails, birth dates, genders); a party's ID number by its kind (:func:`check_identity`); times
    against the plausible years (and times things happened, against today); amounts against
    :func:`check_amount`, weights and quantities against theirs. ``where`` names the field in the
    message. Empty texts and unknown values (None) are not entered, and not checked.
    """
    name = _field_name(where)
    if isinstance(value, str):
        check_text(value, where)
        form = _TEXT_CHECKS.get(name)
        if form is not None and value.strip():
            form(value, where)
    elif isinstance(value, datetime):
        (check_past_time if name in _PAST_TIMES else check_time)(value, where)
    elif isinstance(value, Decimal):
        (check_weight if name == "weight" else check_amount)(value, where)
    elif isinstance(value, int) and not isinstance(value, bool) and name == "quantity":
        check_quantity(value, where)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_input(item, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in _NOT_TYPED:
                check_input(getattr(value, f.name), f"{where}.{f.name}" if where else f.name)
        check_identity(value, where)
