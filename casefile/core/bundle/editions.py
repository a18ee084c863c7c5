"""What changed between two packets made for the same destination, as the bundle history lists it.

A packet made again for the venue, destination and paper of one made before replaces it (the history marks the
earlier one superseded). Whoever files or serves the new one needs to know what it says differently: the parties'
names, phone numbers, addresses and ID numbers, the order, the amount and the waybill, each from the value the
earlier packet printed to the one the later prints (被申请人地址：旧值 → 新值), and the facts or the claims by name.

The values are the record as it stood when each packet was made (the custody log folded), as the packet showed
them: a party the destination does not see is masked the way its packet masked it (:func:`masked_party`), so the
history repeats no personal data the packet itself left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casefile.core.bundle.receipt_history import Change
from casefile.core.model import Case, Party, PartyKind
from casefile.core.venues import Venue

# Each venue's word for the parties a packet names (the courier claim's: the merchant against the carrier).
_ROLE_WORDS: dict[str, dict[str, str]] = {
    "consumer-association": {"complainant": "投诉人", "respondent": "被投诉人", "courier": "快递企业"},
    "arbitration": {"complainant": "申请人", "respondent": "被申请人", "courier": "快递企业"},
    "court": {"complainant": "原告", "respondent": "被告", "courier": "快递企业"},
    "courier-claim": {"claimant": "索赔人", "courier": "被索赔人", "sender": "寄件人", "recipient": "收件人"},
}
_POSTAL_WORDS = {"claimant": "申诉人", "courier": "被申诉人", "sender": "寄件人", "recipient": "收件人"}
_FIELDS = (("phone", "电话"), ("address", "地址"), ("id_number", "证件号码"))
# Texts too long to repeat: named only when they change.
_NAMED_ONLY = ("事实与理由", "请求事项")


def _name_word(party: Party) -> str:
    return "名称" if party.kind is PartyKind.ORGANISATION else "姓名"


def packet_facts(case: Case, venue: str, route: str = "") -> dict[str, str]:
    """What a packet of ``case`` for ``venue`` (and ``route``) names, by the label the history gives it, masked as the
    packet masked it; empty for a venue this does not know (a receipt: receipt_history)."""
    from casefile.core.disclosure import disclosure_for
    from casefile.core.disclosure.masking import Masker, masked_party, party_in

    words = _POSTAL_WORDS if venue == "courier-claim" and route == "12305" else _ROLE_WORDS.get(venue)
    if words is None:
        return {}
    masker = Masker(case, disclosure_for(Venue(venue)))
    facts: dict[str, str] = {}
    for role, word in words.items():
        party = party_in(case, role)
        if party is None or party.is_empty():
            continue
        if role not in masker.shown_roles:
            party = masked_party(party)
        facts[f"{word}{_name_word(party)}"] = party.name.strip()
        for attr, field_word in _FIELDS:
            facts[f"{word}{field_word}"] = str(getattr(party, attr, "") or "").strip()
    txn = case.transaction
    facts["订单号"] = txn.order_no.strip()
    facts["金额"] = "" if txn.amount is None else f"{txn.amount}元"
    facts["运单号"] = case.shipment.waybill_no.strip()
    facts["事实与理由"] = case.facts.strip()
    facts["请求事项"] = "；".join(f"{d.type.value}:{d.amount}:{d.description}" for d in case.demands)
    return facts


def _differences(old: dict[str, str], new: dict[str, str]) -> tuple[Change, ...]:
    labels = [label for label in {**old, **new} if old.get(label, "") != new.get(label, "")]
    return tuple(
        Change(label) if label in _NAMED_ONLY else Change(label, old.get(label, ""), new.get(label, ""))
        for label in labels
    )


def packet_changes(entries: Iterable[dict[str, Any]]) -> dict[int, tuple[Change, ...]]:
    """For each packet made again for the venue, destination and paper of one before it, what changed since that
    one, by the custody entry (seq) of the later; packets that changed nothing are left out."""
    from casefile.core.record.actions import BUNDLE
    from casefile.core.record.fold import apply_entry

    case: Case | None = None
    last: dict[tuple[str, str, str], dict[str, str]] = {}
    out: dict[int, tuple[Change, ...]] = {}
    for entry in entries:
        case = apply_entry(case, entry)
        details = entry.get("details")
        if entry.get("action") != BUNDLE or not isinstance(details, dict):
            continue
        venue, route, layout = (str(details.get(k, "")) for k in ("venue", "route", "layout"))
        try:
            facts = packet_facts(case, venue, route)
        except ValueError:  # a venue this release does not know
            continue
        if not facts:
            continue
        before = last.get((venue, route, layout))
        if before is not None:
            changes = _differences(before, facts)
            if changes:
                out[int(entry.get("seq", 0))] = changes
        last[(venue, route, layout)] = facts
    return out
