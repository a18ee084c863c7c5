"""Personal-data masking for documents that leave the organisation (spec §6.2, §6.3)."""

from __future__ import annotations

import re

from casefile.core.model import Party, PartyKind

_PROVINCE_CITY = re.compile(r"^(.*?(?:省|自治区|特别行政区|市))?(.*?(?:市|自治州|地区|盟))?(.*?(?:区|县|旗|市))?")


def mask_phone(phone: str) -> str:
    """138****5678 for mobiles; landlines keep the area code and the last 4 digits."""
    digits = phone.strip()
    if not digits:
        return ""
    plain = re.sub(r"\D", "", digits)
    if len(plain) == 11 and plain.startswith("1"):
        return f"{plain[:3]}****{plain[-4:]}"
    if len(plain) >= 7:
        head = digits.split("-")[0] if "-" in digits else plain[:3]
        return f"{head}-****{plain[-4:]}"
    return "*" * len(plain)


def mask_id(number: str) -> str:
    """First 6 and last 4 characters kept: 110105********0123."""
    value = number.strip()
    if len(value) <= 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


def mask_name(name: str) -> str:
    """张* / 张** for Chinese names; first letter and stars for others."""
    value = name.strip()
    if not value:
        return ""
    if re.fullmatch(r"[\u4e00-\u9fff·]+", value):
        return value[0] + "*" * (len(value) - 1 if len(value) > 1 else 1)
    return value[0] + "***"


def mask_address(address: str) -> str:
    """Province, city and district kept; the rest masked."""
    value = address.strip()
    if not value:
        return ""
    match = _PROVINCE_CITY.match(value)
    kept = "".join(g for g in (match.groups() if match else ()) if g)
    if not kept or kept == value:
        kept = value[: min(6, len(value) // 2)]
    return kept + "****"


def masked_party(party: Party) -> Party:
    """A copy of ``party`` with its personal data masked; organisations keep their names."""
    person = party.kind is PartyKind.PERSON
    return Party(
        kind=party.kind,
        name=mask_name(party.name) if person else party.name,
        phone=mask_phone(party.phone),
        email=("***@" + party.email.split("@")[-1]) if "@" in party.email else "",
        address=mask_address(party.address) if person else party.address,
        postcode=party.postcode,
        id_number=mask_id(party.id_number) if person else party.id_number,
        legal_representative=party.legal_representative,
        representative_title=party.representative_title,
        gender="",
        birth_date="",
        ethnicity="",
        occupation="",
        employer="",
        store=party.store,
    )
